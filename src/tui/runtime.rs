//! The runtime around the pure `update` and `view`: the only part of the workbench that touches
//! the terminal, the disk, the clock, signals or the environment. It reads events, turns them
//! into actions through the keymap, performs the effects `update` returns and feeds their
//! results back as actions. The terminal is restored on every exit, panics included.

mod background;
mod edit_marker;
mod effects;
mod folder_scan;
mod signals;
mod terminal;

pub use effects::dispatch;

use super::action::Action;
use super::app::{self, App, Mode};
use super::theme::Theme;
use super::{keymap, update, view, workspace};
use crate::domain::Project;
use crate::i18n::Lang;
use crate::store::fingerprint::{DiskState, disk_state};
use crate::store::{Fingerprint, marker, recovery};
use anyhow::Context;
use background::Background;
use edit_marker::EditMarker;
use effects::{Runner, run_effects};
use folder_scan::FolderScan;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use ratatui::crossterm::execute;
use signals::Signals;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use terminal::{MAX_EVENTS_PER_FRAME, Terminal, mouse_action, wait_for_terminal};

/// How often the file and its edit marker are checked for other writers.
const POLL_EVERY: Duration = Duration::from_secs(2);
/// How often the folder is checked for added, removed or changed project files.
const POLL_FOLDER_EVERY: Duration = Duration::from_secs(5);
/// How long to wait for a key before looking at signals and the clock again.
const TICK: Duration = Duration::from_millis(250);
/// Shorter while a background run reports progress.
const BUSY_TICK: Duration = Duration::from_millis(50);

/// The last unsaved state, for the panic hook to write as a recovery file.
static UNSAVED: Mutex<Option<(PathBuf, Project, Option<u64>)>> = Mutex::new(None);

/// Opens the workbench on `target` (a file, a folder, or the workspace when `None`).
pub fn run(target: Option<&Path>, lang: Lang) -> anyhow::Result<ExitCode> {
    let opened = match workspace::open_with(target, lang, workspace::Rows::Later) {
        Ok(opened) => opened,
        Err(lines) => {
            for line in lines {
                eprintln!("{line}");
            }
            return Ok(ExitCode::from(crate::cli::EXIT_INVALID));
        }
    };
    let mut app = App::new(opened.loaded, opened.portfolio, lang);
    app.today = Some(crate::store::clock::this_month());
    app.context = session_context();
    if opened.folder {
        // A folder is a portfolio: show it first; the first project is one Enter away.
        app.tab = app::Tab::Portfolio;
    }
    if let Some(note) = opened.note {
        app.say(note);
    }
    if let Some(kept) = app.path.as_deref().and_then(recovery::find_recovery) {
        app.mode = Mode::Recovery { project: Box::new(kept.project), base_hash: kept.base_hash };
    }
    let signals = Signals::register()?;
    install_panic_hook();
    let mut terminal = ratatui::try_init().context("cannot start the terminal interface")?;
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let mut runtime = Runtime {
        signals,
        marker: EditMarker::default(),
        seen: app.fingerprint.clone(),
        last_poll: Instant::now(),
        background: None,
        // The folder's rows come while the first screen is already up.
        scan: app.folder().map(|folder| FolderScan::start(folder, false, lang, true)),
        folder_signature: Vec::new(),
        last_folder_poll: Instant::now(),
    };
    let result = runtime.event_loop(&mut terminal, &mut app);
    // A lost terminal (SSH dropped) ends the loop with an error: the changes are kept all the
    // same, first, before anything that could fail on a terminal that is gone.
    let ending = match &result {
        Ok(ending) => *ending,
        Err(_) => Ending::Lost,
    };
    let kept = (ending != Ending::Quit && app.dirty).then(|| keep_for_recovery(&app)).flatten();
    if let Some(path) = &app.path {
        marker::clear_marker(path);
    }
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    // Not `ratatui::restore`, which prints its error with a panicking `eprintln!`.
    let _ = ratatui::try_restore();
    if let Some(kept) = kept {
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "roi: unsaved changes kept in {}", kept.display());
    }
    match ending {
        Ending::Quit => result.map(|_| ExitCode::SUCCESS),
        Ending::Signal(number) => Ok(ExitCode::from(128 + number)),
        Ending::Lost => result.map(|_| ExitCode::FAILURE),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    Quit,
    Signal(u8),
    Lost,
}

fn keep_for_recovery(app: &App) -> Option<PathBuf> {
    recovery::write_recovery(app.path.as_ref()?, &app.project, app.fingerprint.as_ref().map(|f| f.hash))
}

/// Restores the terminal (ratatui's hook, installed by `init`, does the screen; this stops
/// mouse reporting) and keeps unsaved changes in a recovery file.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        keep_unsaved_snapshot();
        previous(info);
    }));
}

/// Writes the last unsaved project, if any, to its recovery file. Never blocks: a panic
/// while the snapshot is being updated skips it rather than deadlock.
fn keep_unsaved_snapshot() -> Option<PathBuf> {
    keep_unsaved_snapshot_in(&recovery::recovery_dir()?)
}

fn keep_unsaved_snapshot_in(folder: &Path) -> Option<PathBuf> {
    let guard = UNSAVED.try_lock().ok()?;
    let (path, project, base_hash) = guard.as_ref()?;
    recovery::write_recovery_in(folder, path, project, *base_hash)
}

/// Who runs the workbench, from the environment: the runtime reads it, `update` is told.
fn session_context() -> app::Context {
    let defaults = app::Context::default();
    app::Context {
        user: std::env::var("USER").unwrap_or(defaults.user),
        home: std::env::var_os("HOME").map_or(defaults.home, PathBuf::from),
    }
}

struct Runtime {
    signals: Signals,
    marker: EditMarker,
    /// The last disk state reported, so a change is reported once.
    seen: Option<Fingerprint>,
    last_poll: Instant,
    /// A Monte Carlo run in progress.
    background: Option<Background>,
    /// The folder being read.
    scan: Option<FolderScan>,
    /// The folder's files, sizes and times when last read.
    folder_signature: Vec<(PathBuf, u64, Option<std::time::SystemTime>)>,
    last_folder_poll: Instant,
}

impl Runtime {
    fn event_loop(&mut self, terminal: &mut DefaultTerminal, app: &mut App) -> anyhow::Result<Ending> {
        let theme = Theme::from_env();
        let size = terminal.size()?;
        update::update(app, Action::Resize(size.width, size.height));
        terminal.draw(|frame| view::view(app, frame, &theme))?;
        while !app.should_quit {
            if let Some(signal) = self.signals.received() {
                return Ok(Ending::Signal(signal));
            }
            let busy = self.background.is_some() || self.scan.is_some();
            let tick = if busy { BUSY_TICK } else { TICK };
            // Wait on the terminal ourselves: crossterm's own wait spins on a closed one.
            if wait_for_terminal(tick) == Terminal::HungUp {
                return Ok(Ending::Lost);
            }
            let mut changed = false;
            // Everything crossterm has: keys, and resizes (which arrive by signal).
            for _ in 0..MAX_EVENTS_PER_FRAME {
                if !event::poll(Duration::ZERO)? {
                    break;
                }
                let action = match event::read()? {
                    Event::Key(key) if key.kind == KeyEventKind::Press => keymap::action_for(app, key),
                    Event::Mouse(mouse) => mouse_action(app, mouse),
                    Event::Resize(width, height) => Some(Action::Resize(width, height)),
                    _ => None,
                };
                if let Some(action) = action {
                    self.dispatch(app, action);
                    changed = true;
                }
            }
            // Resizes arrive by signal, which the wait above does not see: ask the terminal.
            if let Ok(size) = terminal.size()
                && (size.width, size.height) != app.screen
            {
                self.dispatch(app, Action::Resize(size.width, size.height));
                terminal.autoresize()?;
                changed = true;
            }
            changed |= self.poll_background(app);
            changed |= self.poll_scan(app);
            if self.last_poll.elapsed() >= POLL_EVERY {
                self.last_poll = Instant::now();
                changed |= self.poll_disk(app);
                changed |= self.poll_calendar(app);
            }
            if self.last_folder_poll.elapsed() >= POLL_FOLDER_EVERY {
                self.last_folder_poll = Instant::now();
                changed |= self.poll_folder(app);
            }
            if changed {
                self.sync_marker(app);
                terminal.draw(|frame| view::view(app, frame, &theme))?;
            }
        }
        Ok(Ending::Quit)
    }

    fn dispatch(&mut self, app: &mut App, action: Action) {
        run_effects(
            app,
            action,
            &mut Runner::Background { simulation: &mut self.background, scan: &mut self.scan },
        );
    }

    /// Shows the rows of the folder being read, as they come.
    fn poll_scan(&mut self, app: &mut App) -> bool {
        let Some(scan) = self.scan.as_mut() else { return false };
        let (reports, over) = scan.poll();
        if over {
            self.scan = None;
        }
        let changed = !reports.is_empty();
        for action in reports {
            self.dispatch(app, action);
        }
        changed
    }

    /// Reports a background run's progress, and its result when it is done.
    fn poll_background(&mut self, app: &mut App) -> bool {
        let Some(action) = self.background.as_mut().and_then(Background::poll) else { return false };
        if matches!(action, Action::SimulationDone { .. }) {
            self.background = None;
        }
        self.dispatch(app, action);
        true
    }

    /// Reads the folder again when a file was added, removed or written: one `stat` per
    /// file when nothing changed.
    fn poll_folder(&mut self, app: &mut App) -> bool {
        let Some(folder) = app.folder() else { return false };
        let recursive = app.portfolio_view.recursive;
        let signature = crate::store::portfolio::signature(&folder, recursive);
        if signature == self.folder_signature {
            return false;
        }
        let first = self.folder_signature.is_empty();
        self.folder_signature = signature;
        if first {
            return false;
        }
        // Off the input thread; only the files whose size or time changed are read again.
        self.scan = Some(FolderScan::start(folder, recursive, app.lang, false));
        false
    }

    /// Follows the calendar: a session open across the end of a month reviews the new one.
    fn poll_calendar(&mut self, app: &mut App) -> bool {
        let month = crate::store::clock::this_month();
        let turned = app.today != Some(month);
        if turned {
            self.dispatch(app, Action::Today(month));
        }
        turned
    }

    /// Looks for another writer's save and another editor's marker.
    fn poll_disk(&mut self, app: &mut App) -> bool {
        let Some(path) = app.path.clone() else { return false };
        let mut changed = false;
        if app.fingerprint != self.seen {
            self.seen = app.fingerprint.clone();
        }
        if let Some(known) = self.seen.clone()
            && let DiskState::Changed(text) = disk_state(&path, &known)
        {
            let metadata = std::fs::metadata(&path).ok();
            let fingerprint = Fingerprint::of(&text, metadata.as_ref());
            self.seen = Some(fingerprint.clone());
            let action = match crate::store::from_text(&path, text, fingerprint) {
                Ok(loaded) => Action::ChangedOnDisk(Box::new(loaded)),
                Err(error) => Action::OpenFailed(error.lines(app.lang).join(" ")),
            };
            self.dispatch(app, action);
            changed = true;
        }
        let editor = marker::editor_of(&path).map(|owner| owner.who());
        if editor != app.edited_by {
            self.dispatch(app, Action::EditedBy(editor));
            changed = true;
        }
        changed
    }

    /// Keeps the "being edited" marker and the panic snapshot in step with unsaved changes.
    fn sync_marker(&mut self, app: &App) {
        self.marker.follow(app.path.as_ref().filter(|_| app.dirty && !app.read_only));
        let Some(path) = &app.path else { return };
        if let Ok(mut unsaved) = UNSAVED.lock() {
            *unsaved = app
                .dirty
                .then(|| (path.clone(), app.project.clone(), app.fingerprint.as_ref().map(|f| f.hash)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panic_hook_keeps_the_last_unsaved_project() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        assert_eq!(keep_unsaved_snapshot_in(dir.path()), None, "nothing unsaved, nothing written");
        let project = Project::named("Non enregistré");
        *UNSAVED.lock().unwrap() = Some((path.clone(), project.clone(), Some(42)));
        let kept = keep_unsaved_snapshot_in(dir.path()).unwrap();
        assert!(kept.starts_with(dir.path()));
        let found = recovery::find_recovery_in(dir.path(), &path);
        assert_eq!(found, Some(recovery::Kept { project, base_hash: Some(42) }));
        *UNSAVED.lock().unwrap() = None;
    }
}
