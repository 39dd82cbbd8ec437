//! `update(&mut App, Action) -> Effect`: every change of the workbench's state, with no IO and
//! no terminal. Every change of the project or the sliders recomputes every figure here,
//! before the next frame.

use super::action::Action;
use super::app::{App, Mode, Purpose, Tab};
use super::effect::Effect;
use super::folder;
use super::grid::{Collection, Grid};
use super::review;
use super::saving;
use super::tabs;
use super::whatif;
use crate::domain::catalogue::CatalogueKpi;
use crate::domain::drivers::Driver;
use crate::domain::identity::{Identified, LineId};
use crate::domain::project::{
    Baseline, BaselineMetric, Benefit, BenefitKind, Cost, CostCategory, Kpi, MAX_KPIS, Project, Risk,
};
use crate::domain::sensitivity;
use crate::domain::validate::FieldPath;
use crate::domain::validate::validate;
use crate::i18n::review::ReviewText;
use crate::i18n::{Lang, Text};
use crate::store::edit::{Current, current_value, parse_measure, set_value};
use rust_decimal::Decimal;

/// Rows moved by PageUp / PageDown.
const PAGE: usize = 10;

pub fn update(app: &mut App, action: Action) -> Effect {
    // The calendar is not the user's doing: whatever is on screen stays.
    if let Action::Today(month) = action {
        app.today = Some(month);
        return Effect::None;
    }
    match app.mode {
        Mode::Editing { .. } | Mode::Prompt { .. } => return typing(app, action),
        Mode::Picker { selected } => return picking(app, selected, action),
        Mode::ConfirmQuit => return saving::answering(app, action),
        Mode::Conflict { .. } => return saving::resolving(app, action),
        Mode::Recovery { .. } => return saving::recovering(app, action),
        Mode::Scenarios { .. } => return whatif::scenarios(app, action),
        Mode::MonteCarlo => {
            return match action {
                Action::RunMonteCarlo => whatif::run_monte_carlo(app),
                Action::SimulationProgress(done) => {
                    whatif::progress(app, done);
                    Effect::None
                }
                _ => {
                    app.mode = Mode::Normal;
                    Effect::None
                }
            };
        }
        Mode::ReviewEntry(_) => {
            if let Some(effect) = review::entering(app, &action) {
                return effect;
            }
        }
        Mode::Review { .. } => {
            if let Some(effect) = review::browsing(app, &action) {
                return effect;
            }
        }
        Mode::Help if action == Action::ToggleHelp => {
            app.mode = Mode::Normal;
            return Effect::None;
        }
        Mode::Help | Mode::Normal => {}
    }
    match action {
        Action::Quit => return saving::quit(app),
        Action::ToggleHelp => app.mode = Mode::Help,
        Action::GoTab(tab) | Action::ClickTab(tab) => app.tab = tab,
        Action::NextTab => app.tab = app.tab.next(),
        Action::PreviousTab => app.tab = app.tab.previous(),
        Action::Up => move_rows(app, -1),
        Action::Down => move_rows(app, 1),
        Action::PageUp => move_rows(app, -(PAGE as i64)),
        Action::PageDown => move_rows(app, PAGE as i64),
        Action::Top => move_rows(app, i64::MIN / 2),
        Action::Bottom => move_rows(app, i64::MAX / 2),
        Action::Left => move_column(app, -1),
        Action::Right => move_column(app, 1),
        Action::Edit => begin_edit(app),
        Action::Add => add_row(app),
        Action::Delete => delete_row(app),
        Action::DuplicateLine => duplicate_row(app),
        Action::MoveLine(delta) => move_row(app, delta),
        Action::Undo => travel(app, true),
        Action::Redo => travel(app, false),
        Action::Save => return saving::save(app),
        Action::ToggleLang => {
            app.lang = app.lang.toggled();
            // A message already said stays in the other language: the key hint replaces it.
            app.status = None;
        }
        Action::AdjustDriver(steps) => adjust_driver(app, steps),
        Action::ResetDriver => set_driver(app, app.selected_driver(), None),
        Action::ResetAllDrivers => {
            app.drivers = Default::default();
            app.recompute();
        }
        Action::ToggleStress => app.stress_view = !app.stress_view,
        Action::SaveScenario => start_prompt(app, Purpose::ScenarioName),
        Action::AddMeasurement => match selected_item(app) {
            Some((Collection::Kpis, kpi)) => start_prompt(app, Purpose::Measurement { kpi }),
            _ => app.warn(app.lang.t(Text::SelectKpiFirst)),
        },
        Action::OpenSelected => return open_selected(app),
        Action::ClickRow(y) => click_row(app, y),
        Action::Resize(width, height) => app.screen = (width, height),
        Action::Today(_) => {}
        Action::Saved { original, fingerprint } => return saving::saved(app, original, fingerprint),
        Action::SavedAs { path, original, fingerprint } => {
            app.path = Some(path);
            app.read_only = false;
            return saving::saved(app, original, fingerprint);
        }
        Action::SaveConflict { disk_text } => {
            app.quit_after_save = false;
            app.changed_on_disk = true;
            app.mode = Mode::Conflict { disk_text, comparing: false };
        }
        Action::SaveVanished => {
            app.quit_after_save = false;
            app.mode = Mode::Conflict { disk_text: String::new(), comparing: false };
            app.warn(app.lang.t(Text::SaveVanished));
        }
        Action::Renamed { from, to } => {
            if app.path.as_ref() == Some(&from) {
                app.path = Some(to.clone());
            }
            app.say(format!("{} → {}", from.display(), to.display()));
            let recursive = app.portfolio_view.recursive;
            return app.folder().map_or(Effect::None, |folder| Effect::Rescan { folder, recursive });
        }
        Action::ChangedOnDisk(loaded) => saving::changed_on_disk(app, *loaded),
        Action::EditedBy(who) => app.edited_by = who,
        Action::ShowScenarios => whatif::show_scenarios(app),
        Action::GoalSeek => start_prompt(app, Purpose::GoalSeek),
        Action::RunMonteCarlo => return whatif::run_monte_carlo(app),
        Action::ShowMonteCarlo => whatif::show_monte_carlo(app),
        Action::SimulationProgress(done) => whatif::progress(app, done),
        Action::SimulationDone { run, revision } => whatif::finished(app, run, revision),
        Action::Preset(preset) => whatif::preset(app, preset),
        Action::CycleTornadoWidth => whatif::cycle_tornado_width(app),
        Action::CycleSort => folder::cycle_sort(app),
        Action::ToggleSubfolders => return folder::toggle_subfolders(app),
        Action::Filter => folder::start(app, Purpose::Filter),
        Action::NewProject => folder::start(app, Purpose::NewProject),
        Action::DuplicateProject => folder::start(app, Purpose::DuplicateProject),
        Action::RenameProject => folder::start(app, Purpose::RenameProject),
        Action::ArchiveProject => return folder::archive(app),
        Action::PortfolioScanned(entries) => folder::scanned(app, entries),
        Action::FileDone(message) => {
            app.say(message);
            let recursive = app.portfolio_view.recursive;
            return app.folder().map_or(Effect::None, |folder| Effect::Rescan { folder, recursive });
        }
        Action::FileFailed(message) => app.warn(message),
        Action::OpenReviewEntry => review::open_entry(app),
        Action::ShowReview => review::show(app),
        Action::WriteSummary => return review::write_summary(app),
        Action::SummaryWritten(paths) => {
            // The summary is of the project on screen: say so when the file is behind it.
            // It goes first: a long path may not fit on the status line.
            let unsaved = if app.dirty {
                format!(" {}", app.lang.t(ReviewText::UnsavedIncluded))
            } else {
                String::new()
            };
            let said = app.lang.t(ReviewText::SummaryWritten);
            app.say(format!("{said}{unsaved}{}{}", app.lang.colon(), written_files(&paths)))
        }
        Action::SaveFailed(message) | Action::OpenFailed(message) => {
            app.quit_after_save = false;
            app.warn(message);
        }
        Action::Opened(loaded) => {
            let portfolio = std::mem::take(&mut app.portfolio);
            let (lang, screen, tab, today) = (app.lang, app.screen, app.tab, app.today);
            let context = std::mem::take(&mut app.context);
            *app = App::new(*loaded, portfolio, lang);
            app.screen = screen;
            app.today = today;
            app.context = context;
            // Opened from the matrix or the portfolio: show the project itself.
            app.tab = if matches!(tab, Tab::Matrix | Tab::Portfolio) { Tab::Summary } else { tab };
        }
        Action::Input(_)
        | Action::Backspace
        | Action::ClearInput
        | Action::Submit
        | Action::Cancel
        | Action::Confirm
        | Action::Decline
        | Action::SaveAndQuit
        | Action::Reload
        | Action::Overwrite
        | Action::SaveCopy
        | Action::Compare
        | Action::Restore
        | Action::Discard
        | Action::Rename => {}
    }
    Effect::None
}

/// The first file with its folder, then the others' extensions: they are beside it, with the
/// same name (`factures.summary.md + .html`).
fn written_files(paths: &[std::path::PathBuf]) -> String {
    let first = paths.first().map(|path| path.display().to_string()).unwrap_or_default();
    let others = paths
        .iter()
        .skip(1)
        .filter_map(|path| path.extension())
        .map(|e| format!(" + .{}", e.to_string_lossy()));
    std::iter::once(first).chain(others).collect()
}

/// Replaces the project, keeping the old one for undo, and recomputes every figure.
pub fn change_project(app: &mut App, project: Project) {
    let previous = std::mem::replace(&mut app.project, project);
    app.history.record(previous);
    app.dirty = true;
    app.recompute();
}

/// Undo (`back`) or redo one change of the project.
fn travel(app: &mut App, back: bool) {
    let popped = if back { app.history.undo.pop() } else { app.history.redo.pop() };
    let (done, nothing) =
        if back { (Text::Undone, Text::NothingToUndo) } else { (Text::Redone, Text::NothingToRedo) };
    let Some(project) = popped else {
        app.say(app.lang.t(nothing));
        return;
    };
    let current = std::mem::replace(&mut app.project, project);
    if back {
        app.history.redo.push(current);
    } else {
        app.history.undo.push(current);
    }
    app.dirty = true;
    app.recompute();
    app.say(app.lang.t(done));
}

fn grid_rows(app: &App) -> usize {
    match app.tab {
        Tab::Matrix => app.portfolio.len(),
        Tab::Portfolio => app.portfolio_view.order.len(),
        Tab::Sensitivity => Driver::ALL.len(),
        _ => tabs::grid(app).map_or(0, |g| g.rows.len()),
    }
}

fn move_rows(app: &mut App, delta: i64) {
    let count = grid_rows(app);
    if count == 0 {
        return;
    }
    if app.tab == Tab::Portfolio {
        folder::move_selection(app, delta);
        return;
    }
    let current = match app.tab {
        Tab::Matrix => app.portfolio_selected,
        Tab::Sensitivity => app.driver,
        _ => app.cursor().row,
    };
    let last = count as i64 - 1;
    let target = (current as i64).saturating_add(delta).clamp(0, last) as usize;
    match app.tab {
        Tab::Matrix => app.portfolio_selected = target,
        Tab::Sensitivity => app.driver = target,
        Tab::Summary => {}
        _ => {
            app.cursor_mut().row = target;
            snap_column(app);
        }
    }
}

/// Keeps the column cursor on an editable cell of the new row when there is one.
fn snap_column(app: &mut App) {
    let Some(grid) = tabs::grid(app) else { return };
    let cursor = app.cursor();
    let Some(row) = grid.rows.get(cursor.row) else { return };
    let editable: Vec<usize> = row.editable_columns().collect();
    if !editable.contains(&cursor.column)
        && let Some(nearest) = editable.iter().min_by_key(|c| c.abs_diff(cursor.column))
    {
        app.cursor_mut().column = *nearest;
    }
}

fn move_column(app: &mut App, delta: i64) {
    let Some(grid) = tabs::grid(app) else { return };
    let cursor = app.cursor();
    let Some(row) = grid.rows.get(cursor.row) else { return };
    let editable: Vec<usize> = row.editable_columns().collect();
    let next = if delta > 0 {
        editable.iter().find(|c| **c > cursor.column)
    } else {
        editable.iter().rev().find(|c| **c < cursor.column)
    };
    if let Some(column) = next {
        app.cursor_mut().column = *column;
    }
}

fn selected_item(app: &App) -> Option<(Collection, usize)> {
    tabs::grid(app)?.item_at(app.cursor().row)
}

fn begin_edit(app: &mut App) {
    let Some(grid) = tabs::grid(app) else { return };
    let cursor = app.cursor();
    match grid.cell(cursor.row, cursor.column).and_then(|c| c.path.clone()) {
        Some(path) => {
            let buffer = current_value(&app.project, &path)
                .map(|current| edit_text(app.lang, &path, current))
                .unwrap_or_default();
            app.mode = Mode::Editing { path, buffer, error: None };
        }
        None => app.say(app.lang.t(Text::NotEditable)),
    }
}

/// What an edit box starts from: the value as the screen shows it, in the UI's language, with
/// every decimal it has, so that Enter on it changes nothing.
fn edit_text(lang: Lang, path: &FieldPath, current: Current) -> String {
    let percent = tabs::shown_as_percent(path);
    let number = |value: Decimal| {
        if percent { lang.percent_exact(value * Decimal::ONE_HUNDRED) } else { lang.exact(value) }
    };
    match current {
        Current::Text(text) => text,
        Current::Number(value) => number(value),
        Current::Range { low, high } => format!("{}–{}", number(low), number(high)),
    }
}

fn start_prompt(app: &mut App, purpose: Purpose) {
    app.mode = Mode::Prompt { purpose, buffer: String::new(), error: None };
}

/// Keys while typing a value or an answer.
fn typing(app: &mut App, action: Action) -> Effect {
    match action {
        Action::Submit => return submit(app),
        Action::Cancel => app.mode = Mode::Normal,
        Action::Resize(width, height) => app.screen = (width, height),
        Action::Input(_) | Action::Backspace | Action::ClearInput => {
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

fn submit(app: &mut App) -> Effect {
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
    let result = match &mode {
        Mode::Editing { path, buffer, .. } => {
            set_value(&app.project, path, buffer, app.lang.convention()).map_err(|e| app.lang.edit_error(&e))
        }
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
            let dropped = project.range_count() < app.project.range_count()
                && matches!(&mode, Mode::Editing { path, .. } if !path.to_string().ends_with(".range"));
            change_project(app, project);
            app.say(app.lang.t(if dropped { Text::RangeDropped } else { Text::Changed }));
        }
        Err(message) => refuse_input(app, mode, message),
    }
    Effect::None
}

/// Puts the editor or prompt back, with the reason its input was refused.
fn refuse_input(app: &mut App, mode: Mode, message: String) {
    app.mode = mode;
    if let Mode::Editing { error, .. } | Mode::Prompt { error, .. } = &mut app.mode {
        *error = Some(message);
    }
}

/// The project with the current sliders saved as scenario `name`.
fn with_scenario(app: &App, name: &str) -> Result<Project, String> {
    let name = name.trim();
    if name.is_empty() || name.contains(['.', '[', ']', '"']) {
        return Err(app.lang.t(Text::BadScenarioName).to_owned());
    }
    let mut project = app.project.clone();
    project.scenarios.insert(name.to_owned(), app.drivers);
    checked(project)
}

/// The project with "MONTH VALUE" added to a KPI's measurements (replacing that month's).
fn with_measurement(app: &App, kpi: usize, typed: &str) -> Result<Project, String> {
    let refused = || app.lang.t(Text::BadMeasurement).to_owned();
    let (month, value) = typed.trim().split_once(char::is_whitespace).ok_or_else(refused)?;
    let month: i64 = month.parse().map_err(|_| refused())?;
    let value = parse_measure(value, app.lang.convention()).map_err(|e| app.lang.typed_error(value, e))?;
    let key = &app.project.kpis.get(kpi).ok_or_else(refused)?.key;
    app.project.with_measurement(key, month, value)
}

/// A project changed directly must still pass every rule of the file format.
fn checked(project: Project) -> Result<Project, String> {
    match validate(&project).into_iter().next() {
        None => Ok(project),
        Some(problem) => Err(problem.to_string()),
    }
}

fn add_row(app: &mut App) {
    let Some(grid) = tabs::grid(app) else { return };
    let Some(collection) = grid.collection_at(app.cursor().row) else {
        app.say(app.lang.t(Text::NothingToAdd));
        return;
    };
    let lang = app.lang;
    let mut project = app.project.clone();
    let index = match collection {
        Collection::Kpis => {
            if project.kpis.len() >= MAX_KPIS {
                app.warn(lang.t(Text::TooManyKpis));
            } else {
                app.mode = Mode::Picker { selected: 0 };
            }
            return;
        }
        Collection::Metrics => {
            let metrics = &mut project.baseline.get_or_insert_with(Baseline::default).metrics;
            let key = format!("metric_{}", metrics.len() + 1);
            metrics.push(BaselineMetric {
                key,
                name: Some(lang.t(Text::NewMetric).into()),
                unit: None,
                value: Decimal::ZERO,
                ..BaselineMetric::default()
            });
            metrics.len() - 1
        }
        Collection::Benefits => {
            project.benefits.push(Benefit {
                name: lang.t(Text::NewBenefit).into(),
                kind: BenefitKind::Other,
                monthly_value: Some(Decimal::ZERO),
                ..Benefit::default()
            });
            project.benefits.len() - 1
        }
        Collection::Costs => {
            project.costs.push(Cost {
                name: lang.t(Text::NewCost).into(),
                category: Some(CostCategory::Other),
                monthly: Some(Decimal::ZERO),
                ..Cost::default()
            });
            project.costs.len() - 1
        }
        Collection::Risks => {
            project.risks.push(Risk { name: lang.t(Text::NewRisk).into(), ..Risk::default() });
            project.risks.len() - 1
        }
    };
    change_project(app, project);
    select_item(app, collection, index);
}

fn select_item(app: &mut App, collection: Collection, index: usize) {
    let Some(grid) = tabs::grid(app) else { return };
    if let Some(row) = row_of(&grid, collection, index) {
        app.cursor_mut().row = row;
        app.cursor_mut().column = 0;
    }
}

fn row_of(grid: &Grid, collection: Collection, index: usize) -> Option<usize> {
    grid.rows.iter().position(|r| r.collection == Some(collection) && r.index == Some(index))
}

fn delete_row(app: &mut App) {
    let Some((collection, index)) = selected_item(app) else {
        app.say(app.lang.t(Text::NothingToDelete));
        return;
    };
    let mut project = app.project.clone();
    match collection {
        Collection::Metrics => {
            if let Some(baseline) = project.baseline.as_mut() {
                remove_at(&mut baseline.metrics, index);
            }
        }
        Collection::Benefits => remove_at(&mut project.benefits, index),
        Collection::Costs => remove_at(&mut project.costs, index),
        Collection::Risks => remove_at(&mut project.risks, index),
        Collection::Kpis => remove_at(&mut project.kpis, index),
    }
    change_project(app, project);
    let rows = grid_rows(app);
    let cursor = app.cursor_mut();
    cursor.row = cursor.row.min(rows.saturating_sub(1));
    app.say(app.lang.t(Text::Deleted));
}

/// A copy of the selected benefit, cost or risk below it: the same values, range, source and
/// confidence, a new identity, and "(copy)" after its name.
fn duplicate_row(app: &mut App) {
    let Some((collection, index)) = selected_item(app) else {
        app.say(app.lang.t(Text::NothingToDuplicate));
        return;
    };
    let copy_name = |name: &str| format!("{name} ({})", app.lang.t(Text::CopyWord));
    let mut project = app.project.clone();
    let copied = match collection {
        Collection::Benefits => duplicate_at(&mut project.benefits, index, |l| l.name = copy_name(&l.name)),
        Collection::Costs => duplicate_at(&mut project.costs, index, |l| l.name = copy_name(&l.name)),
        Collection::Risks => duplicate_at(&mut project.risks, index, |l| l.name = copy_name(&l.name)),
        // Their keys are unique and referred to by measurements: a copy is a new one (`a`).
        Collection::Metrics | Collection::Kpis => false,
    };
    if !copied {
        app.say(app.lang.t(Text::NothingToDuplicate));
        return;
    }
    change_project(app, project);
    select_item(app, collection, index + 1);
    app.say(app.lang.t(Text::Duplicated));
}

fn duplicate_at<T: Clone + Identified>(
    items: &mut Vec<T>,
    index: usize,
    rename: impl FnOnce(&mut T),
) -> bool {
    let Some(mut copy) = items.get(index).cloned() else { return false };
    copy.set_id(LineId::fresh());
    rename(&mut copy);
    items.insert(index + 1, copy);
    true
}

/// The selected line one place up or down in its list; the cursor follows it.
fn move_row(app: &mut App, delta: i8) {
    let Some((collection, index)) = selected_item(app) else { return };
    let Some(target) = index.checked_add_signed(isize::from(delta)) else { return };
    let mut project = app.project.clone();
    let moved = match collection {
        Collection::Metrics => project.baseline.as_mut().is_some_and(|b| swap(&mut b.metrics, index, target)),
        Collection::Benefits => swap(&mut project.benefits, index, target),
        Collection::Costs => swap(&mut project.costs, index, target),
        Collection::Risks => swap(&mut project.risks, index, target),
        Collection::Kpis => swap(&mut project.kpis, index, target),
    };
    if moved {
        change_project(app, project);
        select_item(app, collection, target);
    }
}

fn swap<T>(items: &mut [T], a: usize, b: usize) -> bool {
    let fits = a < items.len() && b < items.len();
    if fits {
        items.swap(a, b);
    }
    fits
}

fn remove_at<T>(items: &mut Vec<T>, index: usize) {
    if index < items.len() {
        items.remove(index);
    }
}

fn picking(app: &mut App, selected: usize, action: Action) -> Effect {
    let entries = tabs::kpis::picker_entries(app);
    match action {
        Action::Up => app.mode = Mode::Picker { selected: selected.saturating_sub(1) },
        Action::Down => {
            app.mode = Mode::Picker { selected: (selected + 1).min(entries.len().saturating_sub(1)) }
        }
        Action::Cancel => app.mode = Mode::Normal,
        Action::Submit => {
            let kpi = match entries.get(selected).copied().flatten() {
                Some(entry) => CatalogueKpi::to_kpi(entry),
                None => custom_kpi(app),
            };
            app.mode = Mode::Normal;
            add_kpi(app, kpi);
        }
        Action::Resize(width, height) => app.screen = (width, height),
        _ => {}
    }
    Effect::None
}

fn custom_kpi(app: &App) -> Kpi {
    let taken = |key: &str| app.project.kpis.iter().any(|k| k.key == key);
    let key = (1..).map(|n| format!("custom_{n}")).find(|k| !taken(k)).unwrap_or_default();
    Kpi { key, name: app.lang.t(Text::CustomKpiName).into(), ..Kpi::default() }
}

/// Adds a KPI, refusing the 19th with a clear message.
pub fn add_kpi(app: &mut App, kpi: Kpi) {
    if app.project.kpis.len() >= MAX_KPIS {
        app.warn(app.lang.t(Text::TooManyKpis));
        return;
    }
    let mut project = app.project.clone();
    project.kpis.push(kpi);
    let index = project.kpis.len() - 1;
    change_project(app, project);
    select_item(app, Collection::Kpis, index);
}

fn adjust_driver(app: &mut App, steps: i32) {
    let driver = app.selected_driver();
    let current = sensitivity::current(&app.project, &app.drivers, driver);
    let (low, high) = driver.bounds();
    let next = (current + driver.step() * Decimal::from(steps)).clamp(low, high);
    let value = (next != sensitivity::neutral(&app.project, driver)).then_some(next);
    set_driver(app, driver, value);
}

fn set_driver(app: &mut App, driver: Driver, value: Option<Decimal>) {
    app.drivers.set(driver, value);
    app.recompute_what_if();
}

fn open_selected(app: &mut App) -> Effect {
    let entry = match app.tab {
        Tab::Portfolio => app.selected_portfolio_entry(),
        _ => app.portfolio.get(app.portfolio_selected),
    };
    let Some(entry) = entry else { return Effect::None };
    if Some(&entry.path) == app.path.as_ref() {
        app.tab = Tab::Summary;
        return Effect::None;
    }
    if let Some(error) = &entry.row.error {
        let error = error.clone();
        app.warn(error);
        return Effect::None;
    }
    if app.dirty {
        app.warn(app.lang.t(Text::SaveBeforeOpening));
        return Effect::None;
    }
    Effect::Open(entry.path.clone())
}

/// Selects the grid row under a mouse click on screen row `y`.
fn click_row(app: &mut App, y: u16) {
    // The table's first row sits under the tab bar (1 line) and the block's top border.
    let Some(visible_index) = (y as usize).checked_sub(2) else { return };
    let panel = match app.tab {
        Tab::Tco => 8,
        Tab::Kpis => 6,
        _ => 0,
    };
    // Rows of the table's inner area: screen minus tab bar, status bar, borders and panels.
    let visible = (app.screen.1 as usize).saturating_sub(4 + panel).max(1);
    if visible_index >= visible {
        return;
    }
    let selected = app.cursor().row;
    // Ratatui scrolls just enough to keep the selected row in view.
    let offset = (selected + 1).saturating_sub(visible);
    let row = offset + visible_index;
    if row < grid_rows(app) && !matches!(app.tab, Tab::Summary | Tab::Matrix | Tab::Sensitivity) {
        app.cursor_mut().row = row;
        snap_column(app);
    }
}
