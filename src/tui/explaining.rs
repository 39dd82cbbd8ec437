//! The explanation of a figure in the workbench (`e`): the figure of the tab or of the line
//! selected, its formula and values, and its inputs; `Enter` on an input that is itself
//! computed explains it, `Esc` comes back, `←`/`→` go to the other headline figures. Pure.

use super::action::Action;
use super::app::{App, Mode, Tab};
use super::effect::Effect;
use super::grid::Collection;
use crate::domain::Drivers;
use crate::domain::explain::{FIGURES, Node, explain};

/// The figure `e` explains first: the line under the cursor on the Baseline and TCO tabs,
/// the NPV under the sliders on the Sensitivity tab, the adjusted ROI elsewhere.
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

/// The sliders apply on the Sensitivity tab (the what-if figures), nowhere else.
fn drivers(app: &App) -> Drivers {
    if app.tab == Tab::Sensitivity { app.drivers } else { Drivers::default() }
}

pub fn open(app: &mut App) {
    let figure = first_figure(app);
    let index = FIGURES.iter().position(|f| *f == figure).unwrap_or(0);
    if let Some(tree) = explain(&app.project, &drivers(app), &figure, None) {
        app.mode = Mode::Explain { stack: vec![tree], selected: 0, figure: index };
    }
}

/// Keys in the explanation.
pub fn explaining(app: &mut App, action: Action) -> Effect {
    let project = app.project.clone();
    let drivers = drivers(app);
    let Mode::Explain { stack, selected, figure } = &mut app.mode else { return Effect::None };
    let inputs = stack.last().map_or(0, |node: &Node| node.inputs.len());
    match action {
        Action::Up => *selected = selected.saturating_sub(1),
        Action::Down => *selected = (*selected + 1).min(inputs.saturating_sub(1)),
        Action::Submit => {
            let drilled = stack
                .last()
                .and_then(|node| node.inputs.get(*selected))
                .filter(|n| !n.inputs.is_empty())
                .cloned();
            if let Some(node) = drilled {
                stack.push(node);
                *selected = 0;
            }
        }
        Action::Left | Action::Right => {
            let step = if action == Action::Left { FIGURES.len() - 1 } else { 1 };
            *figure = (*figure + step) % FIGURES.len();
            if let Some(tree) = explain(&project, &drivers, FIGURES[*figure], None) {
                *stack = vec![tree];
                *selected = 0;
            }
        }
        Action::Cancel => {
            stack.pop();
            *selected = 0;
            if stack.is_empty() {
                app.mode = Mode::Normal;
            }
        }
        Action::Resize(width, height) => app.screen = (width, height),
        _ => {}
    }
    Effect::None
}
