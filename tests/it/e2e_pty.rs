//! The real `roi` binary in a pseudo-terminal: keys typed, the screen read back through a
//! terminal emulator (vt100), as a person at an SSH prompt would use it.
//!
//! Every wait polls the emulated screen until the expected text shows up (or goes away), with
//! a generous deadline: nothing here asserts how fast the workbench is. The child runs with a
//! cleared environment and a temporary home, so neither the machine's locale (`LC_ALL`) nor
//! the user's workspace can leak in; it is killed if a test fails.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long to wait for the screen to show something before failing.
const WAIT: Duration = Duration::from_secs(10);

const FRENCH: &str = "fr_FR.UTF-8";
const ENGLISH: &str = "en_US.UTF-8";

const CTRL_S: &[u8] = &[0x13];
const CTRL_U: &[u8] = &[0x15];
const ENTER: &[u8] = b"\r";

fn size(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    /// Starts `roi ARGS` in an 80×24 pseudo-terminal, with `home` as its home.
    fn start(args: &[&Path], home: &Path, lang: &str) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 })
            .unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_roi"));
        command.args(args);
        command.cwd(home);
        command.env_clear();
        command.env("PATH", "/usr/bin:/bin");
        command.env("TERM", "xterm-256color");
        command.env("LANG", lang);
        command.env("HOME", home);
        command.env("USER", "e2e");
        command.env("XDG_DATA_HOME", home.join("data"));
        command.env("XDG_CONFIG_HOME", home.join("config"));
        command.env("ROI_RECOVERY_DIR", home.join("recovery"));
        command.env("ROI_CACHE_DIR", home.join("cache"));
        let child = pty.slave.spawn_command(command).unwrap();
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(size(24), size(80), 0)));
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            // Ends when the child is gone and the terminal closed (EOF or EIO).
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buffer[..n]);
            }
        });
        Self { screen, writer, child, master: pty.master }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until `seen` holds for the screen; fails with the screen if it never does.
    #[track_caller]
    fn wait_for(&self, what: &str, seen: impl Fn(&str) -> bool) {
        let started = Instant::now();
        loop {
            let contents = self.contents();
            if seen(&contents) {
                return;
            }
            assert!(started.elapsed() < WAIT, "never saw {what} on:\n{contents}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen shows `text`.
    #[track_caller]
    fn expect(&self, text: &str) {
        self.wait_for(&format!("{text:?}"), |screen| screen.contains(text));
    }

    /// Waits until `text` is no longer on the screen.
    #[track_caller]
    fn expect_gone(&self, text: &str) {
        self.wait_for(&format!("{text:?} go away"), |screen| !screen.contains(text));
    }

    /// Waits until the screen line that shows `row` also shows every one of `parts`.
    #[track_caller]
    fn expect_row(&self, row: &str, parts: &[&str]) {
        self.wait_for(&format!("{parts:?} on the line of {row:?}"), |screen| {
            screen.lines().any(|line| line.contains(row) && parts.iter().all(|part| line.contains(part)))
        });
    }

    /// Types `keys`, one key at a time as a person would: each is a separate event.
    fn keys(&mut self, keys: &str) {
        for key in keys.chars() {
            self.bytes(key.to_string().as_bytes());
        }
    }

    fn bytes(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(30));
    }

    /// Resizes the terminal (the child gets SIGWINCH) and the emulated screen with it.
    fn resize(&self, cols: u16, rows: u16) {
        // The emulated screen first: the frame the child draws for the new size may arrive
        // before this thread gets back, and must not be laid out on the old size.
        self.screen.lock().unwrap().set_size(size(rows), size(cols));
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
    }

    fn signal(&self, signal: rustix::process::Signal) {
        let pid =
            i32::try_from(self.child.process_id().unwrap()).ok().and_then(rustix::process::Pid::from_raw);
        rustix::process::kill_process(pid.unwrap(), signal).unwrap();
    }

    fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// Waits for the child to exit and returns its exit code.
    #[track_caller]
    fn exit_code(&mut self) -> u32 {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(started.elapsed() < WAIT, "the workbench did not exit:\n{}", self.contents());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// On the TCO tab: edits the monthly amount of the second cost (the licences).
    fn edit_licences(&mut self, value: &str) {
        // Row 0 is the section title, rows 1 and 3 the two costs (each with its source line); column 4 is "Mensuel".
        self.keys("jjjllll");
        self.bytes(ENTER);
        // The prompt names the field being edited.
        self.expect("Licences — Mensuel");
        self.bytes(CTRL_U);
        self.keys(value);
        self.bytes(ENTER);
        self.expect_gone("Licences — Mensuel");
    }
}

impl Drop for Session {
    /// A failed test must not leave the workbench running: kill it (SIGHUP, then SIGKILL)
    /// and reap it.
    fn drop(&mut self) {
        if self.is_running() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The project of DOMAIN.md §7, copied into `dir`: two costs, the licences at 600 €/month
/// over 36 months with a 10 % contingency (23 760 €).
fn project_copy(dir: &Path) -> PathBuf {
    let path = dir.join("factures.toml");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/domain-example.toml"), &path)
        .unwrap();
    path
}

#[test]
fn the_summary_speaks_the_language_of_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let file = project_copy(home.path());
    let mut roi = Session::start(&[&file], home.path(), FRENCH);
    roi.expect("Synthèse");
    roi.expect("ROI ajusté");
    roi.expect("Chiffres clés");
    roi.keys("q");
    assert_eq!(roi.exit_code(), 0);

    let mut roi = Session::start(&[&file], home.path(), ENGLISH);
    roi.expect("Summary");
    roi.expect("Adjusted ROI");
    roi.expect("Key figures");
    assert!(!roi.contents().contains("Synthèse"));
    roi.keys("q");
    assert_eq!(roi.exit_code(), 0);
}

#[test]
fn a_user_reads_edits_saves_and_quits() {
    let home = tempfile::tempdir().unwrap();
    let file = project_copy(home.path());
    let original = std::fs::read_to_string(&file).unwrap();
    let mut roi = Session::start(&[&file], home.path(), FRENCH);
    roi.expect("Synthèse");
    roi.expect("ROI ajusté");

    roi.keys("3");
    roi.expect("TCO par année");
    roi.expect_row("Licences", &["600 €", "23 760 €"]);

    roi.keys("?");
    roi.expect("Aide — TCO");
    roi.keys("?");
    roi.expect_gone("Aide — TCO");

    assert!(!roi.contents().contains("[+]"));
    roi.edit_licences("999");
    // The cell and the line's total over 36 months (999 × 36 × 1.10) are recomputed.
    roi.expect_row("Licences", &["999 €", "39 560 €"]);
    roi.expect("[+]");

    roi.bytes(CTRL_S);
    roi.expect("Enregistré");
    roi.expect_gone("[+]");
    // Only the value changed: comments and layout of the hand-written file stay.
    let saved = std::fs::read_to_string(&file).unwrap();
    assert_eq!(saved, original.replace("monthly = 600", "monthly = 999"));

    roi.keys("q");
    assert_eq!(roi.exit_code(), 0);
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let home = tempfile::tempdir().unwrap();
    let file = project_copy(home.path());
    let original = std::fs::read(&file).unwrap();
    let mut roi = Session::start(&[&file], home.path(), FRENCH);
    roi.expect("Synthèse");
    roi.keys("3");
    roi.expect("TCO par année");
    roi.edit_licences("999");
    roi.expect("[+]");

    roi.keys("q");
    roi.expect("Quitter sans enregistrer");
    roi.keys("n");
    roi.expect_gone("Quitter sans enregistrer");
    assert!(roi.is_running(), "`n` keeps the workbench open");
    // Still alive, still modified, still answering keys.
    roi.keys("1");
    roi.expect("Chiffres clés");
    roi.expect("[+]");

    // `o` (oui) quits without saving: the file is untouched.
    roi.keys("q");
    roi.expect("Quitter sans enregistrer");
    roi.keys("o");
    assert_eq!(roi.exit_code(), 0);
    assert_eq!(std::fs::read(&file).unwrap(), original);
}

#[test]
fn a_small_terminal_is_told_so() {
    let home = tempfile::tempdir().unwrap();
    let file = project_copy(home.path());
    let mut roi = Session::start(&[&file], home.path(), FRENCH);
    roi.expect("Synthèse");
    roi.resize(60, 20);
    roi.expect("Terminal trop petit");
    roi.expect("60×20");
    roi.resize(80, 24);
    roi.expect("Chiffres clés");
    roi.expect_gone("Terminal trop petit");
    roi.keys("q");
    assert_eq!(roi.exit_code(), 0);
}

#[test]
fn a_dropped_connection_keeps_unsaved_changes_for_the_next_session() {
    let home = tempfile::tempdir().unwrap();
    let file = project_copy(home.path());
    let before = std::fs::read(&file).unwrap();
    let mut roi = Session::start(&[&file], home.path(), FRENCH);
    roi.expect("Synthèse");
    roi.keys("6lS");
    roi.expect("Nom du scénario");
    roi.keys("avant-coupure");
    roi.bytes(ENTER);
    roi.expect("[+]");
    roi.signal(rustix::process::Signal::HUP);
    assert_eq!(roi.exit_code(), 129);
    assert_eq!(std::fs::read(&file).unwrap(), before, "the file itself is untouched");
    let kept: Vec<_> = std::fs::read_dir(home.path().join("recovery")).unwrap().collect();
    assert_eq!(kept.len(), 1);

    let mut again = Session::start(&[&file], home.path(), FRENCH);
    again.expect("Modifications non enregistrées récupérées");
    again.keys("r");
    again.expect("restaurées");
    again.bytes(CTRL_S);
    again.expect("Enregistré");
    assert!(std::fs::read_to_string(&file).unwrap().contains("avant-coupure"));
    again.keys("q");
    assert_eq!(again.exit_code(), 0);
}

#[test]
fn a_new_user_lands_on_the_seeded_workspace() {
    let home = tempfile::tempdir().unwrap();
    let mut roi = Session::start(&[], home.path(), FRENCH);
    roi.expect("Portefeuille (6)");
    let seeded = home.path().join("data/roi-workbench/projects");
    assert_eq!(std::fs::read_dir(&seeded).unwrap().count(), 6);
    roi.bytes(ENTER);
    roi.expect("Chiffres clés");
    roi.keys("q");
    assert_eq!(roi.exit_code(), 0);
}

#[test]
fn a_quarter_is_recorded_saved_and_summarised_for_the_committee() {
    let home = tempfile::tempdir().unwrap();
    let file = project_copy(home.path());
    let mut roi = Session::start(&[&file], home.path(), FRENCH);
    roi.expect("Synthèse");

    roi.keys("T");
    roi.expect("Saisie des mesures");
    // The date is prefilled with this month: replace it, so the test holds next year too.
    roi.bytes(&[0x7f; 7]);
    roi.keys("2026-09");
    roi.expect("mois 9");
    roi.bytes(b"\x1b[B");
    roi.keys("31 %");
    roi.bytes(ENTER);
    roi.expect("Revue trimestrielle");
    roi.expect("Décision proposée");

    roi.bytes(CTRL_S);
    roi.expect("Enregistré");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("{ month = 9, value = 31 }"), "31 % on a KPI in % is 31:\n{saved}");

    roi.keys("E");
    roi.expect("Synthèse écrite");
    let summary = std::fs::read_to_string(home.path().join("factures.summary.md")).unwrap();
    assert!(summary.contains("## Action") && summary.contains("31 (mois 9)"), "{summary}");
    assert!(std::fs::read_to_string(home.path().join("factures.summary.html")).unwrap().contains("<svg"));

    // q leaves the review for the KPIs, then quits.
    roi.keys("q");
    roi.expect_gone("Revue trimestrielle");
    roi.keys("q");
    assert_eq!(roi.exit_code(), 0);
}

/// Issue 15: a folder is read off the input thread: its rows fill the Portfolio while keys are
/// answered, and the folder's summary is kept in the cache, outside the folder.
#[test]
fn a_folder_fills_in_while_keys_are_answered() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("projets");
    std::fs::create_dir(&folder).unwrap();
    let samples = super::common::sample_files();
    for i in 0..600 {
        std::fs::copy(&samples[i % samples.len()], folder.join(format!("p{i:03}.toml"))).unwrap();
    }
    let mut roi = Session::start(&[&folder], home.path(), FRENCH);
    roi.expect("Portefeuille");
    roi.keys("?");
    roi.expect("Aide — Portefeuille");
    roi.keys("?");
    roi.expect("Portefeuille (600)");
    // The rows are all shown before the scan's thread writes the cache: wait for it (a
    // loaded machine may take seconds), or quitting would stop the thread first.
    let cache = home.path().join("cache");
    let written = (0..600).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        std::fs::read_dir(&cache).is_ok_and(|mut files| {
            files.any(|file| file.is_ok_and(|f| !f.file_name().to_string_lossy().starts_with(".roi-cache-")))
        })
    });
    assert!(written, "the folder's rows are cached");
    roi.keys("q");
    assert_eq!(roi.exit_code(), 0);
    let cached: Vec<_> = std::fs::read_dir(&cache).unwrap().collect();
    assert_eq!(cached.len(), 1, "one cache file for the folder");
    assert!(
        std::fs::read_dir(&folder).unwrap().all(|e| e
            .unwrap()
            .path()
            .extension()
            .is_some_and(|x| x == "toml"))
    );
}

/// Issue 17 through the real binary: the spider, then the data table, its figure and its span
/// changed by keys, and closed.
#[test]
fn a_what_if_session_draws_the_spider_and_the_data_table() {
    let home = tempfile::tempdir().unwrap();
    let file = project_copy(home.path());
    let mut roi = Session::start(&[&file], home.path(), FRENCH);
    roi.expect("Synthèse");
    roi.keys("6");
    roi.expect("Curseurs");
    roi.keys("t");
    roi.expect("Araignée (VAN, ±50 %)");
    roi.keys("D");
    roi.expect("Table à double entrée — VAN, ±30 %");
    roi.expect("[ ] la base");
    roi.keys("\t");
    roi.expect("Table à double entrée — ROI ajusté, ±30 %");
    roi.keys("w");
    roi.expect("Table à double entrée — ROI ajusté, ±60 %");
    roi.keys("q");
    roi.expect_gone("Table à double entrée");
    roi.keys("q");
    assert_eq!(roi.exit_code(), 0);
}
