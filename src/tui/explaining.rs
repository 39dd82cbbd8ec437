//! The explanation of a figure in the workbench (`e`): the figure of the tab or of the line
//! selected, its formula and values, and its inputs; `Enter` on an input that is itself
//! computed explains it, `Esc` comes back, `←`/`→` go to the other headline figures,
//! `PgUp`/`PgDn` to another month, `Tab` between the base and the what-if (Sensitivity). Pure.

use super::action::Action;
use super::app::{App, Mode, Tab};
use super::effect::Effect;
use super::grid::Collection;
use crate::domain::Drivers;
use crate::domain::Project;
use crate::domain::engine::CHECKPOINTS;
use crate::domain::explain::{FIGURES, Node, explain};
use crate::store::Loaded;

/// What is explained, and where the reader is in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The figure, then each input drilled into; the last one is shown.
    pub stack: Vec<Node>,
    /// Among the inputs of the node shown.
    pub selected: usize,
    pub figure: String,
    /// The month the figure is taken at; `None` for the horizon.
    pub month: Option<i64>,
    /// Under the sliders (the what-if), or the base.
    pub what_if: bool,
    /// The project explained when it is not the open one: a row of the Portfolio.
    pub other: Option<Box<Loaded>>,
}

impl Explanation {
    /// The project explained: a Portfolio row's, or the open one.
    pub fn project<'a>(&'a self, app: &'a App) -> &'a Project {
        self.other.as_ref().map_or(&app.project, |other| &other.project)
    }
}

/// The figure `e` explains first: the line under the cursor on the Baseline, TCO and KPIs
/// tabs, the NPV on the Sensitivity tab, the quadrant on the Matrix, the adjusted ROI elsewhere.
fn first_figure(app: &App) -> String {
    let line = super::tabs::grid(app).and_then(|grid| grid.item_at(app.cursor().row));
    match (app.tab, line) {
        (Tab::Baseline, Some((Collection::Benefits, i))) => format!("benefits[{i}]"),
        (Tab::Tco, Some((Collection::Costs, i))) => format!("costs[{i}]"),
        (Tab::Tco, Some((Collection::Risks, i))) => format!("risks[{i}]"),
        (Tab::Tco, _) => "tco".into(),
        (Tab::Kpis, Some((Collection::Kpis, i))) => format!("kpis[{i}]"),
        (Tab::Matrix, _) => "quadrant".into(),
        (Tab::Sensitivity, _) => "npv".into(),
        _ => "roi_adjusted_pct".into(),
    }
}

/// `e`: explains the figure of the tab; on the Portfolio, the row selected — another
/// project than the open one is read first (the runtime answers with `LoadedToExplain`).
pub fn open(app: &mut App) -> Effect {
    if app.tab == Tab::Portfolio {
        let selected = app.selected_portfolio_entry().map(|entry| entry.path.clone());
        if let Some(path) = selected.filter(|path| Some(path) != app.path.as_ref()) {
            return Effect::LoadToExplain(path);
        }
    }
    let figure = first_figure(app);
    let what_if = app.tab == Tab::Sensitivity && !app.drivers.is_neutral();
    show(app, Explanation { stack: Vec::new(), selected: 0, figure, month: None, what_if, other: None });
    Effect::None
}

/// The adjusted ROI of a project of the folder, read to be explained.
pub fn open_other(app: &mut App, loaded: Loaded) {
    let figure = "roi_adjusted_pct".to_owned();
    let other = Some(Box::new(loaded));
    show(app, Explanation { stack: Vec::new(), selected: 0, figure, month: None, what_if: false, other });
}

fn show(app: &mut App, mut explanation: Explanation) {
    rebuild(app, &mut explanation);
    if !explanation.stack.is_empty() {
        app.mode = Mode::Explain(explanation);
    }
}

/// The figure explained again from its root, for its figure, month and sliders.
fn rebuild(app: &App, explanation: &mut Explanation) {
    let drivers = if explanation.what_if { app.drivers } else { Drivers::default() };
    let project = explanation.project(app);
    explanation.stack =
        explain(project, &drivers, &explanation.figure, explanation.month).into_iter().collect();
    explanation.selected = 0;
}

/// The checkpoint months before and after `month` within the horizon, and the horizon.
fn months(horizon: i64) -> Vec<i64> {
    let mut months: Vec<i64> = CHECKPOINTS.into_iter().filter(|m| *m < horizon).collect();
    months.push(horizon);
    months
}

/// Keys in the explanation.
pub fn explaining(app: &mut App, action: Action) -> Effect {
    let Mode::Explain(mut explanation) = std::mem::replace(&mut app.mode, Mode::Normal) else {
        return Effect::None;
    };
    let inputs = explanation.stack.last().map_or(0, |node| node.inputs.len());
    match action {
        Action::Up => explanation.selected = explanation.selected.saturating_sub(1),
        Action::Down => explanation.selected = (explanation.selected + 1).min(inputs.saturating_sub(1)),
        Action::Submit => {
            let node = explanation.stack.last().and_then(|node| node.inputs.get(explanation.selected));
            if let Some(node) = node.filter(|n| !n.inputs.is_empty()).cloned() {
                explanation.stack.push(node);
                explanation.selected = 0;
            }
        }
        Action::Left | Action::Right => {
            let at = FIGURES.iter().position(|f| *f == explanation.figure).unwrap_or(0);
            let step = if action == Action::Left { FIGURES.len() - 1 } else { 1 };
            explanation.figure = FIGURES[(at + step) % FIGURES.len()].to_owned();
            rebuild(app, &mut explanation);
        }
        Action::PageUp | Action::PageDown => {
            let horizon = explanation.project(app).horizon();
            let months = months(horizon);
            let now = explanation.month.unwrap_or(horizon);
            let at = months.iter().position(|m| *m == now).unwrap_or(months.len() - 1);
            let next =
                if action == Action::PageUp { at.saturating_sub(1) } else { (at + 1).min(months.len() - 1) };
            explanation.month = months.get(next).copied();
            rebuild(app, &mut explanation);
        }
        Action::NextTab if app.tab == Tab::Sensitivity => {
            explanation.what_if = !explanation.what_if;
            rebuild(app, &mut explanation);
        }
        Action::Cancel => {
            explanation.stack.pop();
            explanation.selected = 0;
            if explanation.stack.is_empty() {
                return Effect::None;
            }
        }
        Action::Resize(width, height) => app.screen = (width, height),
        _ => {}
    }
    app.mode = Mode::Explain(explanation);
    Effect::None
}
