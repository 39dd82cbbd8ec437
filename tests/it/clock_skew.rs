//! Issue 22: a machine whose clock is far from the file server's still saves, and never takes a
//! colleague's fresh lock or temporary for an abandoned one. Every age is judged on the
//! folder's clock. The skew is made with `faketime` (installed by CI, where it must be there).

use std::path::{Path, PathBuf};
use std::process::Command;

const ROI: &str = env!("CARGO_BIN_EXE_roi");

/// The skews tried: minutes and a year, both ways.
const SKEWS: [&str; 4] = ["+11m", "-11m", "+400d", "-400d"];

fn faketime() -> Option<PathBuf> {
    super::common::external_tool(&["faketime"], "clock_skew", "apt-get install faketime")
}

/// `roi ARGS…` run with this machine's clock moved by `skew`.
fn roi_skewed(faketime: &Path, skew: &str, args: &[&str]) -> std::process::Output {
    let mut command = super::common::fixed_environment(Command::new(faketime));
    command.args(["-f", skew, ROI]).args(args).output().unwrap()
}

fn project_in(dir: &Path) -> PathBuf {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/domain-example.toml");
    let path = dir.join("projet.toml");
    std::fs::copy(fixture, &path).unwrap();
    path
}

#[test]
fn a_skewed_machine_saves_and_spares_a_colleague_s_save_in_progress() {
    let Some(faketime) = faketime() else { return };
    for skew in SKEWS {
        let dir = tempfile::tempdir().unwrap();
        let path = project_in(dir.path());
        // A colleague's save in progress, stamped now by the folder's clock.
        let in_progress = dir.path().join(".roi-save-colleague.tmp");
        std::fs::write(&in_progress, "half a file").unwrap();
        let output = roi_skewed(&faketime, skew, &["set", path.to_str().unwrap(), "project.owner", "Claire"]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{skew}: {stderr}");
        assert!(std::fs::read_to_string(&path).unwrap().contains("owner = \"Claire\""), "{skew}");
        assert!(in_progress.exists(), "{skew}: a fresh temporary is not an abandoned one");
    }
}

#[test]
fn a_skewed_machine_never_breaks_a_colleague_s_fresh_lock() {
    let Some(faketime) = faketime() else { return };
    // Each writer waits out the lock (15 s): both skews at once.
    std::thread::scope(|scope| {
        for skew in ["+400d", "-400d"] {
            scope.spawn(|| writer_waits_for_a_fresh_lock(&faketime, skew));
        }
    });
}

fn writer_waits_for_a_fresh_lock(faketime: &Path, skew: &str) {
    {
        let dir = tempfile::tempdir().unwrap();
        let path = project_in(dir.path());
        let before = std::fs::read(&path).unwrap();
        // A live writer on another host, its lock just taken (the folder's clock says so).
        let lock = dir.path().join(".projet.toml.roi-write-lock");
        std::fs::write(&lock, "claire@other-host 4242 1000\n").unwrap();
        let output = roi_skewed(faketime, skew, &["set", path.to_str().unwrap(), "project.owner", "Paul"]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_ne!(output.status.code(), Some(0), "{skew}: wrote under a colleague's lock");
        assert!(stderr.contains("claire@other-host"), "{skew}: names the holder: {stderr}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{skew}");
        assert!(lock.exists(), "{skew}: the colleague's lock is left alone");
    }
}

#[test]
fn a_skewed_machine_sees_a_colleague_editing() {
    let Some(faketime) = faketime() else { return };
    for skew in SKEWS {
        let dir = tempfile::tempdir().unwrap();
        let path = project_in(dir.path());
        std::fs::write(dir.path().join(".projet.toml.roi-editing"), "claire@other-host 4242 1000").unwrap();
        let output =
            roi_skewed(&faketime, skew, &["portfolio", dir.path().to_str().unwrap(), "--format", "json"]);
        assert_eq!(output.status.code(), Some(0), "{skew}");
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let row = &json["projects"][0];
        assert_eq!(row["edited_by"], "claire@other-host", "{skew}: {json}");
        assert!(path.exists());
    }
}
