//! The quarterly review in the workbench: the entry form (one date, a new value per KPI, the
//! benefits measured since the start) recorded as one undoable change; the sheet the review
//! view draws; and the executive summary written beside the project's file.
//!
//! Pure like `update`: "this month" comes from the app state (the runtime reads the clock), and
//! the summary leaves as an `Effect` for the runtime to write.

use super::action::Action;
use super::app::{App, Mode, SimulationState, Tab};
use super::effect::Effect;
use super::update::change_project;
use crate::domain::project::{Project, YearMonth};
use crate::domain::review::{self, Decision, KpiAlert, MilestoneReview, Overdue};
use crate::i18n::review::ReviewText;
use crate::i18n::{Lang, Text};
use crate::report::{markdown, summary};
use crate::store::edit::parse_number;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

/// What the user is typing in the entry form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReviewForm {
    /// The month of the measures, `YYYY-MM`.
    pub date: String,
    /// A new value per KPI, in file order; left empty, the KPI was not measured this time.
    pub kpis: Vec<String>,
    /// The benefits measured from the start to the date.
    pub benefits: String,
    /// 0 is the date, 1..=kpis.len() a KPI, then the benefits.
    pub focus: usize,
    /// Why the last Enter was refused.
    pub error: Option<String>,
}

/// A field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Date,
    Kpi(usize),
    Benefits,
}

impl ReviewForm {
    /// The date prefilled with this month and the benefits with the latest measure, so that a
    /// review that only adds KPI values carries the cumulative benefits forward.
    pub fn new(project: &Project, today: Option<YearMonth>) -> Self {
        let latest = project.actuals.iter().max_by_key(|a| a.month);
        ReviewForm {
            date: today.map(|month| month.to_string()).unwrap_or_default(),
            kpis: vec![String::new(); project.kpis.len()],
            benefits: latest.map(|a| a.benefits.normalize().to_string()).unwrap_or_default(),
            focus: 0,
            error: None,
        }
    }

    pub fn field(&self) -> Field {
        match self.focus {
            0 => Field::Date,
            n if n <= self.kpis.len() => Field::Kpi(n - 1),
            _ => Field::Benefits,
        }
    }

    fn index_of(&self, field: Field) -> usize {
        match field {
            Field::Date => 0,
            Field::Kpi(index) => index + 1,
            Field::Benefits => self.kpis.len() + 1,
        }
    }

    /// Moves the focus by `delta` fields, wrapping around like Tab does in a form.
    fn move_focus(&mut self, delta: isize) {
        let count = self.kpis.len() + 2;
        self.focus = (self.focus as isize + delta).rem_euclid(count as isize) as usize;
    }

    fn focused_mut(&mut self) -> &mut String {
        match self.field() {
            Field::Date => &mut self.date,
            Field::Kpi(index) => &mut self.kpis[index],
            Field::Benefits => &mut self.benefits,
        }
    }

    /// The project month the typed date falls in, when it reads as a date.
    pub fn month(&self, project: &Project) -> Option<i64> {
        review::project_month(project, self.date.trim().parse().ok()?)
    }
}

/// Why a form was not recorded, and the field to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub field: Field,
    pub message: String,
}

/// The project with every value of the form recorded at the project month of its date (a
/// value already there for that month is replaced), and that month. Refused, with the field
/// to fix, without a start date, with a date outside the horizon, an unreadable number, a
/// value the file format refuses, or nothing typed.
pub fn recorded(project: &Project, form: &ReviewForm, lang: Lang) -> Result<(Project, i64), Refusal> {
    let refuse = |field, text: ReviewText| Refusal { field, message: lang.t(text).to_owned() };
    if project.project.start.is_none() {
        return Err(refuse(Field::Date, ReviewText::ReviewNeedsStart));
    }
    let month = form
        .month(project)
        .filter(|month| (1..=project.horizon()).contains(month))
        .ok_or_else(|| refuse(Field::Date, ReviewText::ReviewBadDate))?;
    let mut changed = project.clone();
    let mut anything = false;
    for (index, (kpi, typed)) in project.kpis.iter().zip(&form.kpis).enumerate() {
        let field = Field::Kpi(index);
        let Some(value) = typed_number(typed).ok_or_else(|| refuse(field, ReviewText::ReviewBadValue))?
        else {
            continue;
        };
        changed =
            changed.with_measurement(&kpi.key, month, value).map_err(|message| Refusal { field, message })?;
        anything = true;
    }
    let benefits =
        typed_number(&form.benefits).ok_or_else(|| refuse(Field::Benefits, ReviewText::ReviewBadValue))?;
    if let Some(benefits) = benefits {
        changed = changed
            .with_actual(month, benefits)
            .map_err(|message| Refusal { field: Field::Benefits, message })?;
        anything = true;
    }
    if !anything {
        return Err(refuse(form.field(), ReviewText::ReviewNothing));
    }
    Ok((changed, month))
}

/// An empty cell is "not measured" (`Some(None)`); anything else must read as a number.
fn typed_number(typed: &str) -> Option<Option<Decimal>> {
    if typed.trim().is_empty() { Some(None) } else { parse_number(typed).map(Some) }
}

/// Opens the form over the current project. Without a start date it says so at once, so
/// nobody types a quarter of values before learning where to set it.
pub fn open_entry(app: &mut App) {
    let mut form = ReviewForm::new(&app.project, app.today);
    if app.project.project.start.is_none() {
        form.error = Some(app.lang.t(ReviewText::ReviewNeedsStart).to_owned());
    }
    app.mode = Mode::ReviewEntry(form);
}

/// Keys while the form is open; `None` for an action the form leaves to the usual handling
/// (the runtime's feedback: a resize, a poll of the disk).
pub fn entering(app: &mut App, action: &Action) -> Option<Effect> {
    let Mode::ReviewEntry(form) = &mut app.mode else { return None };
    match action {
        Action::Up => form.move_focus(-1),
        Action::Down => form.move_focus(1),
        Action::Input(c) => form.focused_mut().push(*c),
        Action::Backspace => {
            form.focused_mut().pop();
        }
        Action::ClearInput => form.focused_mut().clear(),
        Action::Cancel => app.mode = Mode::Normal,
        Action::Submit => record(app),
        _ => return None,
    }
    if let Mode::ReviewEntry(form) = &mut app.mode
        && matches!(action, Action::Input(_) | Action::Backspace | Action::ClearInput)
    {
        form.error = None;
    }
    Some(Effect::None)
}

/// Records the form as one change (one `u` undoes it all) and shows the review it leads to;
/// or keeps the form, focused on the field to fix, with the reason.
fn record(app: &mut App) {
    let Mode::ReviewEntry(form) = &app.mode else { return };
    match recorded(&app.project, form, app.lang) {
        Ok((project, month)) => {
            let date = app.project.project.start.map(|start| review::calendar_month(start, month));
            change_project(app, project);
            show(app);
            let lang = app.lang;
            let date = date.map(|d| format!(" ({d})")).unwrap_or_default();
            app.say(format!("{} {month}{date}", lang.t(ReviewText::ReviewRecorded)));
        }
        Err(refusal) => {
            if let Mode::ReviewEntry(form) = &mut app.mode {
                form.focus = form.index_of(refusal.field);
                form.error = Some(refusal.message);
            }
        }
    }
}

/// The review, over the KPIs tab.
pub fn show(app: &mut App) {
    app.tab = Tab::Kpis;
    app.mode = Mode::Review { scroll: 0 };
}

/// Keys while the review is shown; `None` for the actions left to the usual handling.
pub fn browsing(app: &mut App, action: &Action) -> Option<Effect> {
    let Mode::Review { scroll } = app.mode else { return None };
    let last = super::tabs::review::max_scroll(app);
    let page = usize::from(app.screen.1 / 2).max(1);
    let scroll = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll + 1,
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll + page,
        Action::Top => 0,
        Action::Bottom => last,
        Action::Cancel | Action::ShowReview => {
            app.mode = Mode::Normal;
            return Some(Effect::None);
        }
        Action::OpenReviewEntry => {
            open_entry(app);
            return Some(Effect::None);
        }
        Action::WriteSummary => return Some(write_summary(app)),
        _ => return None,
    };
    app.mode = Mode::Review { scroll: scroll.min(last) };
    Some(Effect::None)
}

/// Where the summary of a project file goes: `<stem>.summary.md` beside it.
pub fn summary_path(file: &Path) -> PathBuf {
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    file.with_file_name(format!("{stem}.summary.md"))
}

/// Asks the runtime to write the executive summary beside the project's file.
pub fn write_summary(app: &mut App) -> Effect {
    let Some(file) = &app.path else {
        app.warn(app.lang.t(Text::NoFile));
        return Effect::None;
    };
    Effect::WriteSummary { path: summary_path(file), text: summary_markdown(app) }
}

/// The executive summary of the project as saved (the sliders aside), in the UI's language,
/// exactly as `roi report` writes it: the tornado shown, and the Monte Carlo run when one was
/// made without sliders (a run with sliders is of other inputs).
pub fn summary_markdown(app: &App) -> String {
    let run = match &app.simulation {
        SimulationState::Done(run) if app.drivers.is_neutral() => Some(run.as_ref()),
        _ => None,
    };
    let input = summary::SummaryInput {
        project: &app.project,
        figures: &app.base_figures,
        lang: app.lang,
        tornado: &app.tornado,
        monte_carlo: run,
        as_of: review_month(app),
        scenario: None,
    };
    let text = markdown::render(&summary::executive_summary(&input));
    format!("{}\n", text.trim_end())
}

/// The project month of this month, when both the start and this month are known.
pub fn review_month(app: &App) -> Option<i64> {
    review::project_month(&app.project, app.today?)
}

/// The measurements overdue this month, or why they cannot be known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverdueList {
    NoStart,
    NoToday,
    Due(Vec<Overdue>),
}

/// Everything the review view shows, computed by the domain from the state.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub decision: Decision,
    pub alerts: Vec<KpiAlert>,
    pub review_month: Option<i64>,
    pub overdue: OverdueList,
    pub milestones: Vec<MilestoneReview>,
}

/// The review of the project as saved: the sliders are a what-if, not a measure.
pub fn sheet(app: &App) -> Sheet {
    let project = &app.project;
    let review_month = review_month(app);
    let overdue = match (project.project.start, review_month) {
        (None, _) => OverdueList::NoStart,
        (Some(_), None) => OverdueList::NoToday,
        (Some(_), Some(month)) => OverdueList::Due(review::overdue_kpis(project, month)),
    };
    Sheet {
        decision: review::propose(project, &app.base_figures),
        alerts: review::kpi_alerts(project),
        review_month,
        overdue,
        milestones: review::milestones(project, &app.base_figures),
    }
}
