//! Issue 12: files and arguments as an attacker or a clumsy colleague would send them, each
//! through the real binary. No panic, no hang, no write where it must not, nothing reaching
//! another program.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ROI: &str = env!("CARGO_BIN_EXE_roi");

fn roi(args: &[&str]) -> Output {
    super::common::roi_command().args(args).output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn fixture() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/domain-example.toml"))
        .unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The folder holds the project and nothing else: no temporary, no lock.
fn assert_only_the_project_in(dir: &Path) {
    let names: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["p.toml"], "no temporary or lock left");
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

const TINY_FACTOR: &str = "schema = 1\n[project]\nname = \"x\"\nmaturity_factor = 1e-28\n[[benefits]]\nname = \"b\"\nkind = \"other\"\nmonthly_value = 1000\n[[actuals]]\nmonth = 1\nbenefits = BENEFITS\n";

/// Case 1: files `roi check` accepts never make a report panic (the review's share of plan).
#[test]
fn figures_that_cannot_be_represented_are_undefined_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        TINY_FACTOR.replace("BENEFITS", "1000"),
        TINY_FACTOR.replace("BENEFITS", "100000"),
        TINY_FACTOR.replace("maturity_factor = 1e-28", "").replace("monthly_value = 1000", "monthly_value = 1000\ntime_factor = 1e-28").replace("BENEFITS", "1000"),
        "schema = 1\n[project]\nname = \"x\"\n[[benefits]]\nname = \"b\"\nkind = \"retention\"\ndepartures_avoided_per_year = 1e-27\nreplacement_cost = 1000\n[[actuals]]\nmonth = 1\nbenefits = 100000\n".to_owned(),
    ];
    for (i, content) in files.iter().enumerate() {
        let file = write(dir.path(), &format!("p{i}.toml"), content);
        assert!(roi(&["check", text(&file)]).status.success());
        for format in ["json", "md", "html", "csv"] {
            let output = roi(&["report", text(&file), "--format", format]);
            assert_eq!(output.status.code(), Some(0), "{format} of {content}: {}", stderr(&output));
        }
        if i < 2 {
            let json = roi(&["report", text(&file), "--format", "json"]);
            let said = String::from_utf8_lossy(&json.stdout);
            assert!(said.contains("share of plan is undefined"), "the undefined figure is said: {said}");
        }
    }
}

/// Case 2: `--simulate N` within 1..=1 000 000, a usage error outside.
#[test]
fn the_number_of_draws_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "p.toml", &fixture());
    for draws in ["0", "1000001", "4000000000", "18446744073709551615", "-3"] {
        let output = roi(&["report", text(&file), "--format", "json", "--simulate", draws]);
        assert_eq!(output.status.code(), Some(2), "--simulate {draws}: {}", stderr(&output));
    }
    let output = roi(&["report", text(&file), "--format", "json", "--simulate", "1"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

/// Case 3: a file the user may not write, in a folder anyone may write: refused (exit 3), untouched.
#[test]
fn a_read_only_file_in_a_writable_folder_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let file = write(dir.path(), "p.toml", &fixture());
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&file).unwrap();
    let Some(output) = super::common::as_unprivileged(&["set", text(&file), "project.owner", "x"]) else {
        eprintln!("no unprivileged user can run the binary here: the refused write is not exercised");
        return;
    };
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(stderr(&output).contains("read-only"), "{}", stderr(&output));
    let french = super::common::as_unprivileged(&["set", "--lang", "fr", text(&file), "project.owner", "x"]);
    let french = french.map(|output| stderr(&output)).unwrap_or_default();
    assert!(french.contains("en lecture seule pour vous"), "issue 13: said in French: {french}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert_only_the_project_in(dir.path());
}

/// Case 4: through a symbolic link, the target is written and the link stays a link, also
/// across folders.
#[test]
fn a_symbolic_link_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let real = write(&elsewhere, "real.toml", &fixture());
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let output = roi(&["set", text(&link), "project.owner", "Claire"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "still a link");
    assert!(std::fs::read_to_string(&real).unwrap().contains("owner = \"Claire\""));
}

/// Cases 5 to 7: names, units, decisions and keys that are formulas, markup or control sequences reach
/// no spreadsheet, Markdown reader or terminal as such.
#[test]
fn file_text_is_inert_in_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let project = fixture()
        .replacen("name = \"", "name = \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\\u001b]0;pwned\\u0007", 1)
        .replacen("owner = \"", "owner = \"@SUM(A1)\\u001bc", 1);
    let file = write(dir.path(), "p.toml", &project);
    let check = roi(&["check", text(&file)]);
    assert!(check.status.success(), "{}", stderr(&check));
    let outputs = [
        roi(&["report", text(&file), "--format", "md"]),
        roi(&["report", text(&file), "--format", "csv", "--table", "kpis"]),
        roi(&["report", text(&file), "--format", "html"]),
        roi(&["portfolio", text(dir.path()), "--format", "csv"]),
        roi(&["portfolio", text(dir.path()), "--format", "md"]),
    ];
    for output in &outputs {
        let out = String::from_utf8_lossy(&output.stdout);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "a control character got through:\n{out}");
        assert!(!out.contains(",=HYPERLINK") && !out.contains(",@SUM"), "a formula got through:\n{out}");
    }
    let portfolio_md = String::from_utf8_lossy(&outputs[4].stdout);
    assert!(portfolio_md.contains("=HYPERLINK"), "{portfolio_md}");
    let bad = project.replacen("department = \"", "department = \"\\u001b[2J", 1);
    let bad_file = write(dir.path(), "bad.toml", &bad);
    let check = roi(&["check", text(&bad_file)]);
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(!said.contains('\u{1b}') && said.contains("\\u{1b}[2J"), "{said}");
}

/// Case 8: a file over 1 MiB is refused at once, with a sentence, not read for minutes.
#[test]
fn an_oversized_file_is_refused_at_load() {
    let dir = tempfile::tempdir().unwrap();
    let mut big = fixture();
    while big.len() <= 1024 * 1024 {
        big.push_str("# padding padding padding padding padding padding padding padding\n");
    }
    let file = write(dir.path(), "big.toml", &big);
    let output = roi(&["check", text(&file)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains(":1:1: the file holds"));
    let long = fixture().replacen("name = \"", &format!("name = \"{}", "x".repeat(50_000)), 1);
    let file = write(dir.path(), "long.toml", &long);
    let output = roi(&["check", text(&file)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("characters, at most 1000"));
}

/// Case 9: past `ulimit -f`, a save fails with a message and leaves no temporary and no lock.
#[test]
fn a_file_size_limit_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "p.toml", &fixture());
    let before = std::fs::read(&file).unwrap();
    let script = format!("ulimit -f 1; exec {ROI} set '{}' project.owner 'Claire'", file.display());
    let output = super::common::fixed_environment(Command::new("sh")).args(["-c", &script]).output().unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(stderr(&output).contains("cannot save"), "{}", stderr(&output));
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert_only_the_project_in(dir.path());
}

/// Case 9: a temporary file of a writer killed mid-save is removed by the next save.
#[test]
fn temporaries_of_dead_writers_are_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "p.toml", &fixture());
    let abandoned = write(dir.path(), ".roi-save-abc123.tmp", "half a file");
    // An hour before the folder's clock (the file's own time), not this machine's.
    let written = std::fs::metadata(&abandoned).unwrap().modified().unwrap();
    let old = written - std::time::Duration::from_secs(3600);
    std::fs::File::options().write(true).open(&abandoned).unwrap().set_modified(old).unwrap();
    let output = roi(&["set", text(&file), "project.owner", "Claire"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!abandoned.exists());
}

/// Case 10: every refusal located and complete; negative numbers and quoted texts as people type them.
#[test]
fn refusals_are_located_complete_and_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.toml");
    std::fs::write(&latin1, b"schema = 1\n[project]\nname = \"caf\xe9\"\n").unwrap();
    let output = roi(&["check", text(dir.path())]);
    assert_eq!(output.status.code(), Some(1), "an encoding is a problem of the file, not of the disk");
    assert!(String::from_utf8_lossy(&output.stdout).contains("latin1.toml:3:12: byte 0xE9 is not UTF-8"));

    let many = write(
        dir.path(),
        "many.toml",
        "schema = 1\n[project]\nname = \"x\"\ndepartmen = \"hr\"\nhorizon_months = \"six\"\n[[costs]]\nname = \"c\"\nmonthyl = 5\n",
    );
    let output = roi(&["check", text(&many)]);
    let said = String::from_utf8_lossy(&output.stdout);
    assert_eq!(said.lines().count(), 3, "every problem listed:\n{said}");
    assert!(
        said.contains("many.toml:4:1:")
            && said.contains("many.toml:5:18:")
            && said.contains("many.toml:8:1:")
    );

    let file = write(dir.path(), "p.toml", &fixture());
    let output = roi(&["set", text(&file), "costs[0].monthly", "-1"]);
    assert_eq!(output.status.code(), Some(1), "a negative cost is refused as a value: {}", stderr(&output));
    let output = roi(&["measure", text(&file), "time_saved_per_task", "6", "-5"]);
    assert_ne!(output.status.code(), Some(2), "a negative value is not a usage error: {}", stderr(&output));
    let output = roi(&["set", text(&file), "project.owner", "\"Claire Martin\""]);
    assert_eq!(output.status.code(), Some(0));
    assert!(std::fs::read_to_string(&file).unwrap().contains("owner = \"Claire Martin\""));
    let malformed = roi(&["set", text(&file), "costs[", "1"]);
    let unknown = roi(&["set", text(&file), "costs[9].monthly", "1"]);
    assert_eq!((malformed.status.code(), unknown.status.code()), (Some(2), Some(2)));

    let month = fixture().replacen("start = \"2026-01\"", "start = \"2026-1\"", 1);
    assert!(month.contains("2026-1\""), "the fixture has a start date");
    let file = write(dir.path(), "month.toml", &month);
    assert_eq!(roi(&["check", text(&file)]).status.code(), Some(1));
}
