//! `update(&mut App, Action) -> Effect`: every change of the workbench's state, with no IO and
//! no terminal. Every change of the project or the sliders recomputes every figure here,
//! before the next frame.

use super::action::Action;
use super::app::{App, Mode, Purpose, Tab};
use super::effect::Effect;
use super::folder;
use super::grid::Collection;
use super::palette;
use super::review;
use super::saving;
use super::whatif;
use crate::domain::project::Project;
use crate::i18n::Text;
use crate::i18n::review::ReviewText;

mod editing;
mod navigation;
mod rows;

use editing::*;
use navigation::*;
use rows::*;

/// Rows moved by PageUp / PageDown.
const PAGE: usize = 10;

pub fn update(app: &mut App, action: Action) -> Effect {
    // A message answers one action: the next thing the user does replaces it.
    if action.is_from_the_user() {
        app.status = None;
    }
    // Progress, the clock and the size never change the project: not compared for them.
    let may_change = !matches!(action, Action::SimulationProgress(_) | Action::Today(_) | Action::Resize(..));
    let effect = apply(app, action);
    if may_change {
        // Unsaved means different from the file: undoing back to it is clean again.
        app.dirty = app.project != app.saved;
    }
    effect
}

/// The help over the current view: `?` (or F1) shows and hides it, the arrows scroll it.
/// `true` when the action was the help's; background work goes on underneath.
fn helping(app: &mut App, action: &Action) -> bool {
    match action {
        Action::ToggleHelp => {
            app.help = !app.help;
            app.help_scroll = 0;
        }
        Action::Up => app.help_scroll = app.help_scroll.saturating_sub(1),
        Action::Down => app.help_scroll += 1,
        _ => return false,
    }
    true
}

fn apply(app: &mut App, action: Action) -> Effect {
    // The calendar is not the user's doing: whatever is on screen stays.
    if let Action::Today(month) = action {
        app.today = Some(month);
        return Effect::None;
    }
    if action != Action::Delete {
        app.pending_delete = None;
    }
    if action != Action::ArchiveProject {
        app.pending_archive = None;
    }
    if (app.help || action == Action::ToggleHelp) && helping(app, &action) {
        return Effect::None;
    }
    match app.mode {
        Mode::Palette { .. } => return palette::choosing(app, action, apply),
        Mode::Explain(_) => return super::explaining::explaining(app, action),
        Mode::DataTable(_) => {
            if let Action::AdjustDriver(steps) = action {
                // The rows' slider is the selected one: moving it recentres the table.
                adjust_driver(app, steps);
            }
            return super::data_table::browsing(app, action);
        }
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
                // What the view's bar and help offer works there, the view staying open, and
                // so do the runtime's answers (a save done, the folder read).
                action
                    if matches!(action, Action::Save | Action::ToggleSampling)
                        || !action.is_from_the_user() =>
                {
                    app.mode = Mode::Normal;
                    let effect = apply(app, action);
                    if app.mode == Mode::Normal {
                        app.mode = Mode::MonteCarlo;
                    }
                    effect
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
        Mode::Normal => {}
    }
    match action {
        Action::Quit => return saving::quit(app),
        Action::OpenPalette => palette::open(app),
        Action::Explain => return super::explaining::open(app),
        Action::LoadedToExplain(loaded) => super::explaining::open_other(app, *loaded),
        // Handled above, whatever the view.
        Action::ToggleHelp => {}
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
            // The folder's invalid files are said again, in the new language.
            let recursive = app.portfolio_view.recursive;
            return app.folder().map_or(Effect::None, |folder| Effect::Rescan { folder, recursive });
        }
        Action::AdjustDriver(steps) => adjust_driver(app, steps),
        Action::ResetDriver => set_driver(app, app.selected_driver(), None),
        Action::ResetAllDrivers => {
            app.drivers = Default::default();
            app.recompute();
        }
        Action::ToggleStress => app.stress_view = !app.stress_view,
        Action::ToggleSampling => {
            use crate::domain::montecarlo::Sampling;
            app.sampling =
                if app.sampling == Sampling::Random { Sampling::LatinHypercube } else { Sampling::Random };
            app.say(app.lang.t(if app.sampling == Sampling::Random {
                Text::SamplingRandom
            } else {
                Text::SamplingLhs
            }));
        }
        Action::OpenDataTable => super::data_table::open(app),
        Action::ToggleSpider => {
            // Tornado → spider of the NPV → spider of the adjusted ROI → tornado.
            (app.spider_view, app.spider_of_roi) = match (app.spider_view, app.spider_of_roi) {
                (false, _) => (true, false),
                (true, false) => (true, true),
                (true, true) => (false, false),
            };
            app.recompute_spider();
        }
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
            app.mode = Mode::Conflict { disk_text, comparison: None };
        }
        Action::SaveVanished => {
            app.quit_after_save = false;
            app.mode = Mode::Conflict { disk_text: String::new(), comparison: None };
            app.warn(app.lang.t(Text::SaveVanished));
        }
        Action::Created(path) => {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            app.say(format!("{}{}{name}", app.lang.t(Text::ProjectCreated), app.lang.colon()));
            // A project with unsaved changes stays open: the new one is in the folder.
            if !app.dirty {
                return Effect::Open(path);
            }
        }
        Action::Renamed { from, to } => {
            if app.path.as_ref() == Some(&from) {
                app.path = Some(to.clone());
            }
            // The file keeps its row, under its new name, until the folder is read again.
            for entry in app.portfolio.iter_mut().filter(|entry| entry.path == from) {
                entry.path.clone_from(&to);
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
        Action::PortfolioRows { entries, done, total } => folder::arrived(app, entries, (done, total)),
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
            // What led here ("project created: …") is still to be read.
            let status = app.status.take();
            *app = App::new(*loaded, portfolio, lang);
            app.status = status;
            app.screen = screen;
            app.today = today;
            app.context = context;
            // A project the folder's list does not have yet (just created): read the folder again.
            let listed = app.portfolio.iter().any(|e| Some(&e.path) == app.path.as_ref());
            if !listed && let Some(folder) = app.folder() {
                app.tab = Tab::Summary;
                return Effect::Rescan { folder, recursive: app.portfolio_view.recursive };
            }
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
        | Action::CycleTableStep
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
    // An edit that leaves every value as it was (Enter on a default) changes nothing: no undo
    // step, no unsaved changes.
    if project == app.project {
        return;
    }
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
