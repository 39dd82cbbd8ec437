#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The real `roi` binary in a pseudo-terminal: keys typed, the screen read back through a
//! terminal emulator (vt100), as a person at an SSH prompt would use it.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(20);

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start(args: &[&Path], home: &Path) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 })
            .unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_roi"));
        for arg in args {
            command.arg(arg);
        }
        command.env("TERM", "xterm-256color");
        command.env("LANG", "fr_FR.UTF-8");
        command.env("HOME", home);
        command.env("XDG_DATA_HOME", home.join("data"));
        command.env("ROI_RECOVERY_DIR", home.join("recovery"));
        let child = pty.slave.spawn_command(command).unwrap();
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let screen =
            Arc::new(Mutex::new(vt100::Parser::new(24.try_into().unwrap(), 80.try_into().unwrap(), 0)));
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
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

    /// Waits until the screen shows `text`; fails with the screen if it never does.
    fn expect(&self, text: &str) {
        let started = Instant::now();
        while started.elapsed() < WAIT {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never saw {text:?} on:\n{}", self.contents());
    }

    fn keys(&mut self, keys: &str) {
        for key in keys.chars() {
            self.writer.write_all(key.to_string().as_bytes()).unwrap();
            self.writer.flush().unwrap();
            // One key at a time, as typed: each is a separate event.
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn bytes(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(30));
    }

    fn resize(&self, cols: u16, rows: u16) {
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
        self.screen.lock().unwrap().screen_mut().set_size(rows.try_into().unwrap(), cols.try_into().unwrap());
    }

    fn signal(&self, signal: i32) {
        let pid = self.child.process_id().unwrap();
        // SAFETY: sends a signal to our own child process.
        unsafe { libc::kill(libc::pid_t::try_from(pid).unwrap(), signal) };
    }

    fn exit_code(&mut self) -> u32 {
        let started = Instant::now();
        while started.elapsed() < WAIT {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the workbench did not exit:\n{}", self.contents());
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn project_copy(dir: &Path) -> PathBuf {
    let path = dir.join("factures.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/factures-fournisseurs.toml"),
        &path,
    )
    .unwrap();
    path
}

#[test]
fn a_user_reads_edits_saves_and_quits() {
    let home = tempfile::tempdir().unwrap();
    let file = project_copy(home.path());
    let mut roi = Session::start(&[&file], home.path());
    roi.expect("Synthèse");
    roi.expect("ROI ajusté");
    roi.keys("3");
    roi.expect("Licences OCR + LLM");
    roi.keys("?");
    roi.expect("Aide — TCO");
    roi.keys("?");
    // The licence's monthly cell: second cost row, fifth column.
    roi.keys("jjllll");
    roi.bytes(b"\r");
    roi.expect("Nouvelle valeur");
    roi.bytes(&[0x15]); // Ctrl-u clears the field
    roi.keys("999");
    roi.bytes(b"\r");
    roi.expect("999 €");
    roi.expect("[+]");
    roi.bytes(&[0x13]); // Ctrl-s
    roi.expect("Enregistré");
    assert!(std::fs::read_to_string(&file).unwrap().contains("monthly = 999"));
    roi.keys("q");
    assert_eq!(roi.exit_code(), 0);
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let home = tempfile::tempdir().unwrap();
    let file = project_copy(home.path());
    let mut roi = Session::start(&[&file], home.path());
    roi.expect("Synthèse");
    roi.keys("6");
    roi.expect("Curseurs");
    roi.keys("lS");
    roi.expect("Nom du scénario");
    roi.keys("test");
    roi.bytes(b"\r");
    roi.expect("[+]");
    roi.keys("q");
    roi.expect("Quitter sans enregistrer");
    roi.keys("n");
    roi.keys("1");
    roi.expect("Chiffres clés");
    roi.keys("qo");
    assert_eq!(roi.exit_code(), 0);
}

#[test]
fn a_small_terminal_is_told_so() {
    let home = tempfile::tempdir().unwrap();
    let file = project_copy(home.path());
    let mut roi = Session::start(&[&file], home.path());
    roi.expect("Synthèse");
    roi.resize(60, 20);
    roi.expect("Terminal trop petit");
    roi.resize(80, 24);
    roi.expect("Chiffres clés");
    roi.keys("q");
    assert_eq!(roi.exit_code(), 0);
}

#[test]
fn a_dropped_connection_keeps_unsaved_changes_for_the_next_session() {
    let home = tempfile::tempdir().unwrap();
    let file = project_copy(home.path());
    let before = std::fs::read(&file).unwrap();
    let mut roi = Session::start(&[&file], home.path());
    roi.expect("Synthèse");
    roi.keys("6lS");
    roi.expect("Nom du scénario");
    roi.keys("avant-coupure");
    roi.bytes(b"\r");
    roi.expect("[+]");
    roi.signal(libc::SIGHUP);
    assert_eq!(roi.exit_code(), 129);
    assert_eq!(std::fs::read(&file).unwrap(), before, "the file itself is untouched");
    let kept: Vec<_> = std::fs::read_dir(home.path().join("recovery")).unwrap().collect();
    assert_eq!(kept.len(), 1);

    let mut again = Session::start(&[&file], home.path());
    again.expect("Modifications non enregistrées récupérées");
    again.keys("r");
    again.expect("restaurées");
    again.bytes(&[0x13]);
    again.expect("Enregistré");
    assert!(std::fs::read_to_string(&file).unwrap().contains("avant-coupure"));
    again.keys("q");
    assert_eq!(again.exit_code(), 0);
}

#[test]
fn a_new_user_lands_on_the_seeded_workspace() {
    let home = tempfile::tempdir().unwrap();
    let mut roi = Session::start(&[], home.path());
    roi.expect("Portefeuille (6)");
    roi.expect("Assistant de code pour l");
    let seeded = home.path().join("data/roi-workbench/projects");
    assert_eq!(std::fs::read_dir(&seeded).unwrap().count(), 6);
    roi.bytes(b"\r");
    roi.expect("Chiffres clés");
    roi.keys("q");
    assert_eq!(roi.exit_code(), 0);
}
