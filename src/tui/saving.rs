//! The saving part of `update`: saving under the shared-folder rules (a save never
//! overwrites another writer's work without asking), read-only files, the conflict and
//! recovery questions, and quitting with unsaved changes. Pure: the runtime performs the
//! returned `Effect`s.

use super::action::Action;
use super::app::{App, Mode, Purpose};
use super::effect::Effect;
use super::update::change_project;
use crate::i18n::Text;
use crate::store::{Fingerprint, Loaded, Original};

/// Another writer saved the file. Without unsaved changes here, show theirs at once;
/// with some, say so and let the next save ask what to do.
pub fn changed_on_disk(app: &mut App, loaded: Loaded) {
    if app.dirty {
        app.changed_on_disk = true;
        app.warn(app.lang.t(Text::ChangedOnDiskDirty));
        return;
    }
    app.original = Some(loaded.original());
    app.saved = loaded.project.clone();
    app.project = loaded.project;
    app.fingerprint = Some(loaded.fingerprint);
    app.history = Default::default();
    app.changed_on_disk = false;
    app.recompute();
    app.say(app.lang.t(Text::ReloadedFromDisk));
}

/// Answers to "the file changed on disk: reload, overwrite, save a copy, or compare?".
pub fn resolving(app: &mut App, action: Action) -> Effect {
    let Mode::Conflict { disk_text, comparison } = &app.mode else { return Effect::None };
    let (disk_text, shown) = (disk_text.clone(), comparison.is_some());
    match action {
        Action::Reload => {
            let Some(path) = app.path.clone() else { return Effect::None };
            // Unsaved until theirs is loaded: a failed reload then `q` still asks.
            app.mode = Mode::Normal;
            Effect::Open(path)
        }
        Action::Overwrite => {
            app.mode = Mode::Normal;
            save_over(app, None)
        }
        Action::SaveCopy => {
            let suggestion = copy_path(app);
            app.mode = Mode::Prompt { purpose: Purpose::SaveAs, buffer: suggestion, error: None };
            Effect::None
        }
        Action::Compare => {
            let comparison = (!shown).then(|| Box::new(super::compare::compare(app, &disk_text)));
            app.mode = Mode::Conflict { disk_text, comparison };
            Effect::None
        }
        Action::Cancel => {
            app.mode = Mode::Normal;
            Effect::None
        }
        _ => Effect::None,
    }
}

/// "<stem>.copy-<user>.toml" beside the original.
fn copy_path(app: &App) -> String {
    let user = &app.context.user;
    app.path.as_ref().map_or_else(String::new, |path| {
        let stem = path.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        path.with_file_name(format!("{stem}.copy-{user}.toml")).display().to_string()
    })
}

/// Somewhere writable for a read-only project: the user's home folder.
fn elsewhere_path(app: &App) -> String {
    let home = &app.context.home;
    let name = app
        .path
        .as_ref()
        .and_then(|p| p.file_name())
        .map_or_else(|| "projet.toml".into(), |n| n.to_string_lossy().into_owned());
    home.join(name).display().to_string()
}

/// Answers to "restore the unsaved changes of the last session?".
pub fn recovering(app: &mut App, action: Action) -> Effect {
    let Mode::Recovery { project, base_hash } = &app.mode else { return Effect::None };
    let (project, base_hash) = ((**project).clone(), *base_hash);
    let Some(path) = app.path.clone() else { return Effect::None };
    match action {
        Action::Restore => {
            app.mode = Mode::Normal;
            change_project(app, project);
            // The changes were made on another version of the file than the one on disk now
            // (a colleague saved since): the next save is checked against that version, so it
            // meets the conflict dialog instead of reverting the colleague's change unseen.
            let on_disk = app.fingerprint.as_ref().map(|f| f.hash);
            if let Some(base) = base_hash.filter(|base| Some(*base) != on_disk) {
                app.fingerprint =
                    Some(crate::store::Fingerprint { len: u64::MAX, modified: None, hash: base });
            }
            app.say(app.lang.t(Text::Restored));
            Effect::DiscardRecovery(path)
        }
        Action::Discard => {
            app.mode = Mode::Normal;
            app.say(app.lang.t(Text::DiscardedRecovery));
            Effect::DiscardRecovery(path)
        }
        _ => Effect::None,
    }
}

pub fn save(app: &mut App) -> Effect {
    if app.read_only || app.path.is_none() {
        let suggestion = elsewhere_path(app);
        app.mode = Mode::Prompt { purpose: Purpose::SaveAs, buffer: suggestion, error: None };
        app.warn(app.lang.t(Text::ReadOnlySaveAs));
        return Effect::None;
    }
    let known = app.fingerprint.clone();
    save_over(app, known)
}

/// Saves over the project's file unless it no longer matches `known`.
fn save_over(app: &App, known: Option<Fingerprint>) -> Effect {
    match &app.path {
        Some(path) => Effect::Save {
            path: path.clone(),
            project: Box::new(app.project.clone()),
            original: app.original.clone(),
            known,
        },
        None => Effect::None,
    }
}

pub fn saved(app: &mut App, original: Original, fingerprint: Fingerprint) -> Effect {
    app.original = Some(original);
    app.fingerprint = Some(fingerprint);
    app.changed_on_disk = false;
    app.saved = app.project.clone();
    app.dirty = false;
    app.say(app.lang.t(Text::SavedMessage));
    if app.quit_after_save {
        app.should_quit = true;
        return Effect::Quit;
    }
    Effect::None
}

pub fn quit(app: &mut App) -> Effect {
    if app.dirty {
        app.mode = Mode::ConfirmQuit;
        Effect::None
    } else {
        app.should_quit = true;
        Effect::Quit
    }
}

pub fn answering(app: &mut App, action: Action) -> Effect {
    match action {
        Action::Confirm => {
            app.should_quit = true;
            Effect::Quit
        }
        Action::SaveAndQuit => {
            app.mode = Mode::Normal;
            app.quit_after_save = true;
            save(app)
        }
        Action::Decline => {
            app.mode = Mode::Normal;
            Effect::None
        }
        _ => Effect::None,
    }
}
