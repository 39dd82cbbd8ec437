//! What the report tests share: the sample projects, and `roi report` run on one of them.

use std::path::{Path, PathBuf};

/// The review month of the golden reports, so that "overdue" does not move with the clock.
pub const AS_OF: &str = "2026-11";

pub fn sample(stem: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data").join(format!("{stem}.toml"))
}

/// Every sample project file, sorted by name.
pub fn sample_files() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let files = roi_workbench::store::project_files(&folder, false).unwrap();
    assert!(files.len() >= 6, "the six sample projects");
    files
}

/// The `roi` binary in a fixed environment, whatever the machine's: English (`LANG=C`, no
/// `LC_ALL` nor `LC_MESSAGES`), help wide enough that no line wraps, and a summary cache of this
/// test process's own. A test that wants French says `--lang fr` or sets `LANG` itself.
pub fn roi_command() -> std::process::Command {
    fixed_environment(std::process::Command::new(env!("CARGO_BIN_EXE_roi")))
}

/// `command` (`roi`, or a shell that runs it) in the environment of [`roi_command`].
pub fn fixed_environment(mut command: std::process::Command) -> std::process::Command {
    static CACHE: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let cache = CACHE.get_or_init(|| tempfile::tempdir().unwrap());
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("COLUMNS", "1000")
        .env("ROI_CACHE_DIR", cache.path());
    command
}

/// `roi report FILE ARGS…`: its standard output, the run having succeeded.
pub fn report(file: &Path, args: &[&str]) -> String {
    let output = roi_command().arg("report").arg(file).args(args).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// Runs `roi` as the unprivileged `nobody` user when we are root (root ignores permissions),
/// in the C locale; `None` when that user cannot run the binary here (a checkout under a
/// private home).
pub fn as_unprivileged(args: &[&str]) -> Option<std::process::Output> {
    let roi = env!("CARGO_BIN_EXE_roi");
    let command = |args: &[&str]| {
        let mut command = if rustix::process::getuid().is_root() {
            let mut command = std::process::Command::new("setpriv");
            command.args(["--reuid=65534", "--regid=65534", "--clear-groups", roi]);
            command
        } else {
            std::process::Command::new(roi)
        };
        command.args(args).env("LANG", "C").env_remove("LC_ALL");
        command
    };
    command(&["--version"]).output().ok().filter(|o| o.status.success())?;
    command(args).output().ok()
}

/// A program a test needs from outside Rust (a browser, an office suite), found on the PATH.
/// When it is missing the test is skipped, saying so on one line that `cargo test` shows (what
/// is missing and how to install it) — unless `ROI_REQUIRE_EXTERNAL_TOOLS=1`, as in CI, where
/// a missing tool fails the test.
pub fn external_tool(names: &[&str], test: &str, install: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file());
    if found.is_none() {
        let missing = format!("{test}: needs {} — {install}", names.join(" or "));
        assert!(std::env::var("ROI_REQUIRE_EXTERNAL_TOOLS").as_deref() != Ok("1"), "{missing}");
        // Past the test harness's capture, so the skip is seen in the summary of `cargo test`.
        let _ = std::io::Write::write_all(&mut std::io::stderr(), format!("SKIPPED {missing}\n").as_bytes());
    }
    found
}

/// The amounts as plain decimals, to compare with the figures a test computed by hand.
pub fn decimals(amounts: &[roi_workbench::domain::money::Amount]) -> Vec<rust_decimal::Decimal> {
    amounts.iter().map(|amount| amount.value()).collect()
}

/// When the fixtures were "last modified": a fixed instant (2026-01-15T09:30:00Z), so that a
/// screen or a report that shows a file's date is the same on any clone, any day.
pub const FIXED_MTIME_SECONDS: u64 = 1_768_469_400;

/// Gives `path` the fixed modification time.
pub fn fix_mtime(path: &Path) {
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(FIXED_MTIME_SECONDS);
    std::fs::File::options().write(true).open(path).unwrap().set_modified(time).unwrap();
}

/// A copy of `sample-data/` whose files all carry the fixed modification time; one per test
/// process, removed with it.
pub fn sample_folder() -> &'static Path {
    static FOLDER: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    FOLDER
        .get_or_init(|| {
            let folder = tempfile::tempdir().unwrap();
            for file in sample_files() {
                let copy = folder.path().join(file.file_name().unwrap());
                std::fs::copy(&file, &copy).unwrap();
                fix_mtime(&copy);
            }
            folder
        })
        .path()
}
