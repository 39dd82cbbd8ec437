//! Typing: editing a value in place, prompts, and what a submitted text changes.

use crate::domain::project::Project;
use crate::domain::validate::FieldPath;
use crate::domain::validate::first_problem;
use crate::i18n::problem::record_error;
use crate::i18n::review::input_name;
use crate::i18n::{Lang, Text};
use crate::store::edit::{Current, current_value, parse_measure, set_value};
use crate::tui::action::Action;
use crate::tui::app::{App, Mode, Purpose};
use crate::tui::choices;
use crate::tui::effect::Effect;
use crate::tui::folder;
use crate::tui::tabs;
use crate::tui::whatif;
use rust_decimal::Decimal;

use super::*;

/// Enter on a value left to its default, as it opened: the file keeps leaving it out.
fn is_default_untouched(app: &App, path: &FieldPath, buffer: &str) -> bool {
    let shown = tabs::grid(app).and_then(|grid| {
        let cursor = app.cursor();
        grid.cell(cursor.row, cursor.column).map(|cell| shown_default(&cell.text))
    });
    current_value(&app.project, path).is_none() && shown.is_some_and(|s| !s.is_empty() && s == buffer.trim())
}

/// The number a cell shows for a default, as it would be typed: no placeholder, no unit word.
fn shown_default(shown: &str) -> String {
    let mut words: Vec<&str> = shown.split_whitespace().collect();
    while words.last().is_some_and(|w| w.chars().all(char::is_alphabetic)) {
        words.pop();
    }
    let number = words.join(" ");
    if number == crate::i18n::DASH || !number.chars().any(|c| c.is_ascii_digit()) {
        String::new()
    } else {
        number
    }
}

pub(super) fn begin_edit(app: &mut App) {
    let Some(grid) = tabs::grid(app) else { return };
    let cursor = app.cursor();
    match grid.cell(cursor.row, cursor.column).and_then(|c| c.path.clone()) {
        Some(path) => {
            let current = current_value(&app.project, &path);
            // A choice field opens on its list, the current value highlighted; others on the
            // value as shown.
            let (buffer, picked) = match choices::choices(app.lang, &path) {
                Some(list) => {
                    let key = match &current {
                        Some(Current::Text(text)) => text.as_str(),
                        _ => "",
                    };
                    // A value left to its default is highlighted as the cell shows it.
                    let shown = grid.cell(cursor.row, cursor.column).map_or("", |c| c.text.trim());
                    let at = list.iter().position(|(k, _)| *k == key);
                    (
                        String::new(),
                        at.or_else(|| list.iter().position(|(_, name)| *name == shown)).unwrap_or(0),
                    )
                }
                // A value left to its default opens on the default the cell shows, without
                // its unit (`36 mois` opens as `36`).
                None => (
                    current.map(|c| edit_text(app.lang, &path, c)).unwrap_or_else(|| {
                        shown_default(grid.cell(cursor.row, cursor.column).map_or("", |c| c.text.as_str()))
                    }),
                    0,
                ),
            };
            let label = grid.label_of(cursor.row, cursor.column);
            app.mode = Mode::Editing { path, buffer, error: None, picked, label };
        }
        None => app.say(app.lang.t(Text::NotEditable)),
    }
}

/// What an edit box starts from: the value as the screen shows it, in the UI's language, with
/// every decimal it has, so that Enter on it changes nothing.
pub(super) fn edit_text(lang: Lang, path: &FieldPath, current: Current) -> String {
    let percent = tabs::shown_as_percent(path);
    let number = |value: Decimal| {
        if percent { lang.rate_exact(crate::domain::money::Rate::new(value)) } else { lang.exact(value) }
    };
    match current {
        Current::Text(text) => choices::name_of(lang, path, &text),
        Current::Number(value) => number(value),
        Current::Range { low, high } => format!("{}–{}", number(low), number(high)),
    }
}

pub(super) fn start_prompt(app: &mut App, purpose: Purpose) {
    app.mode = Mode::Prompt { purpose, buffer: String::new(), error: None };
}

/// Keys while typing a value or an answer.
pub(super) fn typing(app: &mut App, action: Action) -> Effect {
    match action {
        Action::Submit => return submit(app),
        Action::Cancel => app.mode = Mode::Normal,
        Action::Resize(width, height) => app.screen = (width, height),
        Action::Up | Action::Down => pick(app, if action == Action::Up { -1 } else { 1 }),
        Action::Input(_) | Action::Backspace | Action::ClearInput => {
            if let Mode::Editing { picked, .. } = &mut app.mode {
                *picked = 0;
            }
            if let Mode::Editing { buffer, error, .. } | Mode::Prompt { buffer, error, .. } = &mut app.mode {
                match action {
                    Action::Input(c) => buffer.push(c),
                    Action::Backspace => {
                        buffer.pop();
                    }
                    _ => buffer.clear(),
                }
                *error = None;
            }
        }
        _ => {}
    }
    Effect::None
}

/// Moves the highlight of a choice field's list by `step`, within the values that match.
fn pick(app: &mut App, step: isize) {
    let lang = app.lang;
    if let Mode::Editing { path, buffer, picked, .. } = &mut app.mode
        && let Some(list) = choices::matching(lang, path, buffer)
    {
        let last = list.len().saturating_sub(1);
        *picked = picked.saturating_add_signed(step).min(last);
    }
}

pub(super) fn submit(app: &mut App) -> Effect {
    let mode = std::mem::replace(&mut app.mode, Mode::Normal);
    if let Mode::Prompt { purpose: Purpose::SaveAs, buffer, .. } = &mode {
        let path = std::path::PathBuf::from(buffer.trim());
        return Effect::SaveAs { path, project: Box::new(app.project.clone()) };
    }
    if let Mode::Prompt {
        purpose:
            purpose @ (Purpose::Filter | Purpose::NewProject | Purpose::DuplicateProject | Purpose::RenameProject),
        buffer,
        ..
    } = &mode
    {
        return match folder::submit(app, *purpose, buffer) {
            Ok(effect) => effect,
            Err(message) => {
                refuse_input(app, mode, message);
                Effect::None
            }
        };
    }
    if let Mode::Prompt { purpose: Purpose::GoalSeek, buffer, .. } = &mode {
        if let Err(message) = whatif::solve_goal(app, buffer) {
            refuse_input(app, mode, message);
        }
        return Effect::None;
    }
    if let Mode::Editing { path, buffer, .. } = &mode
        && is_default_untouched(app, path, buffer)
    {
        return Effect::None;
    }
    let result = match &mode {
        Mode::Editing { path, buffer, picked, .. } => match choices::matching(app.lang, path, buffer) {
            // Enter takes the value highlighted; one that matches nothing is refused below.
            Some(list) if !list.is_empty() => {
                let (key, _) = list[(*picked).min(list.len() - 1)];
                edited(app, path, key)
            }
            _ => edited(app, path, buffer),
        },
        Mode::Prompt { purpose: Purpose::ScenarioName, buffer, .. } => with_scenario(app, buffer),
        Mode::Prompt { purpose: Purpose::Measurement { kpi }, buffer, .. } => {
            with_measurement(app, *kpi, buffer)
        }
        Mode::Prompt { purpose: Purpose::RenameScenario { index }, buffer, .. } => {
            whatif::with_renamed_scenario(app, *index, buffer)
        }
        _ => return Effect::None,
    };
    match result {
        Ok(project) => {
            let (project, removed) = match &mode {
                Mode::Editing { path, .. } => without_unused_inputs(app.lang, path, project),
                _ => (project, Vec::new()),
            };
            let dropped = project.range_count() < app.project.range_count()
                && matches!(&mode, Mode::Editing { path, .. } if !path.to_string().ends_with(".range"));
            change_project(app, project);
            if removed.is_empty() {
                app.say(app.lang.t(if dropped { Text::RangeDropped } else { Text::Changed }));
            } else {
                app.say(format!(
                    "{}{}{}",
                    app.lang.t(Text::InputsRemoved),
                    app.lang.colon(),
                    removed.join(", ")
                ));
            }
        }
        Err(message) => refuse_input(app, mode, message),
    }
    Effect::None
}

/// Puts the editor or prompt back, with the reason its input was refused.
pub(super) fn refuse_input(app: &mut App, mode: Mode, message: String) {
    app.mode = mode;
    if let Mode::Editing { error, .. } | Mode::Prompt { error, .. } = &mut app.mode {
        *error = Some(message);
    }
}

/// The project with the value typed at `path`; a choice field takes a value's name (or key),
/// and is refused with the names to choose from otherwise.
fn edited(app: &App, path: &FieldPath, typed: &str) -> Result<Project, String> {
    let currency;
    let typed = if path.to_string() == "project.currency" {
        currency = iso_currency(typed).ok_or_else(|| app.lang.t(Text::BadCurrency).to_owned())?;
        currency.as_str()
    } else {
        typed
    };
    let typed = match choices::key_for(app.lang, path, typed) {
        // A currency not in the list is any ISO code, checked above.
        Some(Err(_)) if path.to_string() == "project.currency" => typed,
        Some(Ok(key)) => key,
        Some(Err(names)) => {
            return Err(format!("{}{}{names}", app.lang.t(Text::ChooseAmong), app.lang.colon()));
        }
        None => typed,
    };
    set_value(&app.project, path, typed, app.lang.convention()).map_err(|e| app.lang.edit_error(&e))
}

/// A currency as an ISO 4217 code: three letters (`eur` is EUR); empty for the default.
fn iso_currency(typed: &str) -> Option<String> {
    let code = typed.trim().to_ascii_uppercase();
    (code.is_empty() || (code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()))).then_some(code)
}

/// After a benefit's kind changed, the inputs the new kind does not read are removed (they
/// would stay in the file, ignored), with their names to say so.
fn without_unused_inputs(lang: Lang, path: &FieldPath, project: Project) -> (Project, Vec<&'static str>) {
    use crate::domain::validate::Segment;
    let [Segment::Key(list), Segment::Index(index), Segment::Key(field)] = path.0.as_slice() else {
        return (project, Vec::new());
    };
    if list != "benefits" || field != "kind" {
        return (project, Vec::new());
    }
    let Some(line) = project.benefits.get(*index) else { return (project, Vec::new()) };
    let unused: Vec<&'static str> = crate::domain::schema::BENEFIT_INPUTS
        .iter()
        .filter(|input| input.is_given(line) && !input.is_read_by(line.kind))
        .map(|input| input.key)
        .collect();
    let mut cleaned = project;
    let mut removed = Vec::new();
    for key in unused {
        let Some(input) = FieldPath::parse(&format!("benefits[{index}].{key}")) else { continue };
        if let Ok(without) = set_value(&cleaned, &input, "", lang.convention()) {
            cleaned = without;
            removed.push(input_name(lang, key));
        }
    }
    (cleaned, removed)
}

/// The project with the current sliders saved as scenario `name`.
pub(super) fn with_scenario(app: &App, name: &str) -> Result<Project, String> {
    let name = name.trim();
    if name.is_empty() || name.contains(['.', '[', ']', '"']) {
        return Err(app.lang.t(Text::BadScenarioName).to_owned());
    }
    let mut project = app.project.clone();
    project.scenarios.insert(name.to_owned(), app.drivers);
    first_problem(project).map_err(|e| record_error(app.lang, &e))
}

/// The project with "MONTH VALUE" added to a KPI's measurements (replacing that month's).
pub(super) fn with_measurement(app: &App, kpi: usize, typed: &str) -> Result<Project, String> {
    let refused = || app.lang.t(Text::BadMeasurement).to_owned();
    let (month, value) = typed.trim().split_once(char::is_whitespace).ok_or_else(refused)?;
    let month: i64 = month.parse().map_err(|_| refused())?;
    let value = parse_measure(value, app.lang.convention()).map_err(|e| app.lang.typed_error(value, e))?;
    let key = &app.project.kpis.get(kpi).ok_or_else(refused)?.key;
    app.project.with_measurement(key, month, value).map_err(|e| record_error(app.lang, &e))
}
