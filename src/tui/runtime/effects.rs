//! Performing what `update` asks: saving, opening, creating and moving files, running in the
//! background; each result fed back to `update` as an action.

use super::super::action::Action;
use super::super::app::App;
use super::super::effect::Effect;
use super::super::{update, workspace};
use super::background::Background;
use super::folder_scan::FolderScan;
use crate::domain::Project;
use crate::domain::montecarlo::simulate;
use crate::i18n::errors;
use crate::store::save::{self, SaveError};
use crate::store::{Fingerprint, files, recovery};
use std::path::Path;

/// Runs an action and every effect it leads to, in the foreground (a Monte Carlo run
/// included): for tests, benchmarks and scripts.
pub fn dispatch(app: &mut App, action: Action) {
    run_effects(app, action, &mut Runner::Foreground);
}

pub(super) fn run_effects(app: &mut App, action: Action, runner: &mut Runner) {
    let mut effect = update::update(app, action);
    while let Some(feedback) = perform(effect, runner, app.lang) {
        effect = update::update(app, feedback);
    }
}

/// Where long work runs: at once (tests, scripts) or on other threads (the workbench).
pub(super) enum Runner<'a> {
    Foreground,
    Background { simulation: &'a mut Option<Background>, scan: &'a mut Option<FolderScan> },
}

pub(super) fn perform(effect: Effect, runner: &mut Runner, lang: crate::i18n::Lang) -> Option<Action> {
    match effect {
        Effect::None | Effect::Quit => None,
        Effect::Simulate { project, drivers, simulation, revision } => match runner {
            Runner::Foreground => {
                let run = Box::new(simulate(&project, &drivers, simulation, &|_| {}));
                Some(Action::SimulationDone { run, revision })
            }
            Runner::Background { simulation: slot, .. } => {
                **slot = Some(Background::start(*project, drivers, simulation, revision));
                None
            }
        },
        Effect::Save { path, project, original, known } => {
            Some(match save::save_checked(&path, &project, original.as_ref(), known.as_ref()) {
                Ok(saved) => Action::Saved { original: saved.original, fingerprint: saved.fingerprint },
                Err(SaveError::Conflict { disk_text, .. }) => Action::SaveConflict { disk_text },
                Err(SaveError::Vanished { .. }) => Action::SaveVanished,
                Err(error) => Action::SaveFailed(errors::save_error(lang, &error)),
            })
        }
        Effect::SaveAs { path, project } => Some(match save_as(&path, &project) {
            Ok(saved) => Action::SavedAs { path, original: saved.original, fingerprint: saved.fingerprint },
            Err(error) => Action::SaveFailed(errors::save_error(lang, &error)),
        }),
        Effect::CreateProject { path, project } => Some(match files::create(&path, &project) {
            Ok(()) => Action::Created(path),
            Err(error) => Action::FileFailed(errors::file_error(lang, &error)),
        }),
        Effect::DuplicateProject { from, to, copy_word } => Some(file_outcome(
            files::duplicate(&from, &to, &copy_word)
                .map(|()| format!("{} → {}", from.display(), to.display())),
            lang,
        )),
        Effect::RenameProject { from, to } => Some(match files::rename(&from, &to) {
            Ok(()) => Action::Renamed { from, to },
            Err(error) => Action::FileFailed(errors::file_error(lang, &error)),
        }),
        Effect::ArchiveProject(path) => Some(file_outcome(
            files::archive(&path).map(|to| format!("{} → {}", path.display(), to.display())),
            lang,
        )),
        Effect::Rescan { folder, recursive } => match runner {
            Runner::Foreground => Some(Action::PortfolioScanned(workspace::scan(&folder, recursive, lang))),
            Runner::Background { scan, .. } => {
                **scan = Some(FolderScan::start(folder, recursive, lang, false));
                None
            }
        },
        Effect::WriteSummary { files } => {
            let written = files.iter().try_for_each(|(path, text)| save::write_replacing(path, text));
            Some(match written {
                Ok(()) => Action::SummaryWritten(files.into_iter().map(|(path, _)| path).collect()),
                Err(error) => Action::FileFailed(errors::save_error(lang, &error)),
            })
        }
        Effect::DiscardRecovery(path) => {
            recovery::discard_recovery(&path);
            None
        }
        Effect::LoadToExplain(path) => Some(match crate::store::load(&path) {
            Ok(loaded) => Action::LoadedToExplain(Box::new(loaded)),
            Err(error) => Action::OpenFailed(error.lines(lang).join(" ")),
        }),
        Effect::Open(path) => Some(match crate::store::load(&path) {
            Ok(loaded) => Action::Opened(Box::new(loaded)),
            Err(error) => Action::OpenFailed(error.lines(lang).join(" ")),
        }),
    }
}

fn file_outcome(result: Result<String, files::FileError>, lang: crate::i18n::Lang) -> Action {
    match result {
        Ok(message) => Action::FileDone(message),
        Err(error) => Action::FileFailed(errors::file_error(lang, &error)),
    }
}

/// Writes a copy to a new file (never over an existing one).
fn save_as(path: &Path, project: &Project) -> Result<save::Saved, SaveError> {
    save::create_project(path, project)?;
    let (fingerprint, text) =
        Fingerprint::read(path).map_err(|source| SaveError::Io { path: path.to_owned(), source })?;
    Ok(save::Saved { original: crate::store::Original::of(text, project), fingerprint })
}
