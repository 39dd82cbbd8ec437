//! The quarterly entry form: one date, a new value per KPI, the benefits measured since the
//! start, recorded as one undoable change.

use super::show;
use crate::domain::project::{Project, YearMonth};
use crate::domain::review::{self};
use crate::domain::typed::{Convention, TypedError};
use crate::i18n::Lang;
use crate::i18n::problem::record_error;
use crate::i18n::review::ReviewText;
use crate::store::edit::{parse_measure, parse_number};
use crate::tui::action::Action;
use crate::tui::app::{App, Mode};
use crate::tui::effect::Effect;
use crate::tui::update::change_project;
use rust_decimal::Decimal;

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
    /// The date prefilled with this month; every value empty. The benefits are not carried
    /// forward from the last measure: recording the same cumulative amount at a later month
    /// would claim that nothing was gained since (the form shows the last measure beside it).
    pub fn new(project: &Project, today: Option<YearMonth>) -> Self {
        ReviewForm {
            date: today.map(|month| month.to_string()).unwrap_or_default(),
            kpis: vec![String::new(); project.kpis.len()],
            benefits: String::new(),
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
        let Some(value) =
            typed_number(typed, lang, parse_measure).map_err(|message| Refusal { field, message })?
        else {
            continue;
        };
        changed = changed
            .with_measurement(&kpi.key, month, value)
            .map_err(|e| Refusal { field, message: record_error(lang, &e) })?;
        anything = true;
    }
    let benefits = typed_number(&form.benefits, lang, parse_number)
        .map_err(|message| Refusal { field: Field::Benefits, message })?;
    if let Some(benefits) = benefits {
        changed = changed
            .with_actual(month, benefits)
            .map_err(|e| Refusal { field: Field::Benefits, message: record_error(lang, &e) })?;
        anything = true;
    }
    if !anything {
        return Err(refuse(form.field(), ReviewText::ReviewNothing));
    }
    Ok((changed, month))
}

/// An empty cell is "not measured" (`Some(None)`); anything else must read as a number.
/// Nothing when nothing was typed; else the number, or why it does not read.
pub(super) fn typed_number(typed: &str, lang: Lang, parse: Parser) -> Result<Option<Decimal>, String> {
    if typed.trim().is_empty() {
        return Ok(None);
    }
    parse(typed, lang.convention()).map(Some).map_err(|error| lang.typed_error(typed.trim(), error))
}

pub(super) type Parser = fn(&str, Convention) -> Result<Decimal, TypedError>;

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
        // A click elsewhere must not change the tab or the row under the form.
        Action::ClickTab(_) | Action::ClickRow(_) => {}
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
pub(super) fn record(app: &mut App) {
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
