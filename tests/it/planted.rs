//! Issue 23: what a colleague (or an intruder with write access) can plant in a shared folder —
//! a link under the name of a file this program makes, a FIFO or a device among the projects —
//! never makes it write elsewhere, hang, or read without end. Through the real binary where
//! the hole was found there.

use roi_workbench::store::{files, marker, save};
use std::os::unix::fs::{FileTypeExt, symlink};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn project_in(dir: &Path) -> PathBuf {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/domain-example.toml");
    let path = dir.join("projet.toml");
    std::fs::copy(fixture, &path).unwrap();
    path
}

/// A file outside the shared folder that a planted link points to.
fn victim() -> (tempfile::TempDir, PathBuf) {
    let elsewhere = tempfile::tempdir().unwrap();
    let victim = elsewhere.path().join("bashrc");
    std::fs::write(&victim, "precious").unwrap();
    (elsewhere, victim)
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// `roi ARGS…`, killed and failed if it has not ended within 20 s (a hang is the bug).
fn roi_bounded(args: &[&str]) -> std::process::Output {
    roi_within(args, Duration::from_secs(20))
}

/// `roi ARGS…`, killed and failed if it has not ended within `limit`.
fn roi_within(args: &[&str], limit: Duration) -> std::process::Output {
    let mut child = super::common::roi_command()
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("roi {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn the_edit_marker_replaces_a_planted_link_instead_of_writing_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_in(dir.path());
    let (_elsewhere, victim) = victim();
    symlink(&victim, marker::marker_path(&project)).unwrap();
    marker::mark_editing(&project);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(!is_link(&marker::marker_path(&project)), "the link is replaced by our marker");
}

#[test]
fn a_summary_replaces_a_planted_link_instead_of_writing_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let (_elsewhere, victim) = victim();
    let summary = dir.path().join("projet.summary.md");
    symlink(&victim, &summary).unwrap();
    save::write_replacing(&summary, "summary").unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(std::fs::read_to_string(&summary).unwrap(), "summary");
    assert!(!is_link(&summary));
}

#[test]
fn an_output_through_a_planted_link_to_a_file_replaces_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_in(dir.path());
    let (_elsewhere, victim) = victim();
    let output = dir.path().join("rapport.md");
    symlink(&victim, &output).unwrap();
    let run = roi_bounded(&[
        "report",
        project.to_str().unwrap(),
        "--format",
        "md",
        "--output",
        output.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(!is_link(&output));
}

#[test]
fn an_archive_link_is_refused_and_the_project_stays() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_in(dir.path());
    let elsewhere = tempfile::tempdir().unwrap();
    symlink(elsewhere.path(), dir.path().join("archive")).unwrap();
    let refused = files::archive(&project).unwrap_err();
    assert!(matches!(refused, files::FileError::ArchiveNotAFolder { .. }), "{refused:?}");
    assert!(project.exists());
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    let said = roi_workbench::i18n::errors::file_error(roi_workbench::i18n::Lang::En, &refused);
    assert!(said.contains("not a real folder"), "{said}");
}

#[test]
fn an_output_onto_dev_null_or_a_fifo_writes_into_it_and_leaves_it_there() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_in(dir.path());
    let file = project.to_str().unwrap();
    let run = roi_bounded(&["report", file, "--format", "json", "--output", "/dev/null"]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    let fifo = dir.path().join("tube");
    rustix::fs::mkfifoat(rustix::fs::CWD, &fifo, rustix::fs::Mode::from_raw_mode(0o600)).unwrap();
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    // The reader opens first: a FIFO without one is refused at once.
    std::thread::sleep(Duration::from_millis(200));
    let run = roi_bounded(&["report", file, "--format", "json", "--output", fifo.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let received = reader.join().unwrap();
    assert!(received.contains("\"totals\""), "{received}");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo(), "still a FIFO");
    let refused =
        roi_bounded(&["report", file, "--format", "json", "--output", dir.path().to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(3), "a folder is no output");
}

#[test]
fn a_fifo_or_a_device_among_the_projects_is_listed_invalid_at_once() {
    let dir = tempfile::tempdir().unwrap();
    project_in(dir.path());
    let fifo = dir.path().join("x.toml");
    rustix::fs::mkfifoat(rustix::fs::CWD, &fifo, rustix::fs::Mode::from_raw_mode(0o644)).unwrap();
    symlink("/dev/zero", dir.path().join("zero.toml")).unwrap();
    let check = roi_bounded(&["check", fifo.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stdout).contains("not a regular file"), "{check:?}");
    let zero = roi_bounded(&["check", dir.path().join("zero.toml").to_str().unwrap()]);
    assert_eq!(zero.status.code(), Some(1), "{}", String::from_utf8_lossy(&zero.stderr));
    let portfolio =
        roi_bounded(&["portfolio", dir.path().to_str().unwrap(), "--format", "json", "--no-cache"]);
    assert_eq!(
        portfolio.status.code(),
        Some(1),
        "invalid files: {}",
        String::from_utf8_lossy(&portfolio.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&portfolio.stdout).unwrap();
    let errors: Vec<&str> =
        json["projects"].as_array().unwrap().iter().filter_map(|p| p["error"].as_str()).collect();
    assert_eq!(errors.len(), 2, "{json}");
    assert!(errors.iter().all(|e| e.contains("not a regular file")), "{errors:?}");
    // A planted FIFO under a marker's name does not hang the scan either.
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        dir.path().join(".projet.toml.roi-editing"),
        rustix::fs::Mode::from_raw_mode(0o644),
    )
    .unwrap();
    let scan = roi_bounded(&["portfolio", dir.path().to_str().unwrap(), "--no-cache"]);
    assert_eq!(scan.status.code(), Some(1), "ended, with its invalid files");
}

/// Issue 23: a valid file whose KPI target is a hair from its baseline is reported, not a panic
/// (exit 101) in `report`, `portfolio` or `check`.
#[test]
fn a_kpi_target_a_hair_from_its_baseline_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hair.toml");
    std::fs::write(
        &path,
        "schema = 1\n[project]\nname = \"Hair\"\n[[kpis]]\nkey = \"k\"\nname = \"K\"\nbaseline = 0\ntarget = 1e-28\n\
         measurements = [{ month = 1, value = 8 }]\n",
    )
    .unwrap();
    let file = path.to_str().unwrap();
    for args in [vec!["check", file], vec!["report", file, "--format", "json"], vec!["report", file]] {
        let run = roi_bounded(&args);
        assert_eq!(run.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&run.stderr));
    }
    let portfolio = roi_bounded(&["portfolio", dir.path().to_str().unwrap(), "--no-cache"]);
    assert_eq!(portfolio.status.code(), Some(0), "{}", String::from_utf8_lossy(&portfolio.stderr));
}

/// Issue 23: a stale lock that cannot be removed (here a folder under the lock's name) ends the
/// wait with a refusal naming it, instead of spinning for ever; the file is left as it was.
#[test]
fn an_unremovable_stale_lock_is_refused_not_spun_on() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_in(dir.path());
    let before = std::fs::read(&project).unwrap();
    let lock = roi_workbench::store::lock::lock_path(&project);
    std::fs::create_dir(&lock).unwrap();
    std::fs::write(lock.join("inside"), "").unwrap();
    let run =
        roi_within(&["set", project.to_str().unwrap(), "project.owner", "Paul"], Duration::from_secs(16));
    let said = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(3), "{said}");
    assert!(said.contains("cannot be removed") && said.contains(".projet.toml.roi-write-lock"), "{said}");
    assert_eq!(std::fs::read(&project).unwrap(), before);
}

/// Issue 23: a breaker left by a waiter killed on this host is taken over at once, not after
/// its 10 s of grace.
#[test]
fn a_killed_waiter_s_breaker_costs_nobody_its_grace() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_in(dir.path());
    let lock = roi_workbench::store::lock::lock_path(&project);
    let dead = roi_workbench::store::marker::Owner {
        pid: u32::MAX - 1,
        ..roi_workbench::store::marker::Owner::current()
    };
    std::fs::write(&lock, dead.to_line()).unwrap();
    std::fs::write(lock.with_extension("roi-break"), dead.to_line()).unwrap();
    let run =
        roi_within(&["set", project.to_str().unwrap(), "project.owner", "Paul"], Duration::from_secs(8));
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(std::fs::read_to_string(&project).unwrap().contains("Paul"));
}

/// Issue 23: every JSON output is JSON, whatever the names hold — every C0 control, DEL, C1,
/// the bidirectional controls and characters beyond the BMP — read back as the same text, with
/// none of them raw in the bytes; Markdown and CSV drop the controls.
#[test]
fn json_outputs_stay_json_with_any_character_in_a_name() {
    let mut hostile: String =
        (1u32..0x20).chain([0x7f, 0x85, 0x9b, 0x202e, 0x2066, 0x200f]).filter_map(char::from_u32).collect();
    hostile.push_str("é😀\"\\");
    let escaped: String = hostile.chars().map(|c| format!("\\U{:08X}", u32::from(c))).collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.toml");
    std::fs::write(
        &path,
        format!(
            "schema = 1\n[project]\nname = \"{escaped}\"\n[[costs]]\nname = \"{escaped}\"\nmonthly = 10\n"
        ),
    )
    .unwrap();
    let file = path.to_str().unwrap();
    let raw_unsafe = |bytes: &[u8]| {
        String::from_utf8_lossy(bytes)
            .chars()
            .any(|c| roi_workbench::domain::inert::is_control(c) && c != '\n')
    };
    for (args, name_at) in [
        (vec!["report", file, "--format", "json"], "/name"),
        (
            vec!["portfolio", dir.path().to_str().unwrap(), "--format", "json", "--no-cache"],
            "/projects/0/name",
        ),
        (vec!["explain", file, "tco", "--format", "json"], ""),
    ] {
        let run = roi_bounded(&args);
        assert_eq!(run.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&run.stderr));
        let json: serde_json::Value =
            serde_json::from_slice(&run.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        if !name_at.is_empty() {
            assert_eq!(json.pointer(name_at).and_then(|v| v.as_str()), Some(hostile.as_str()), "{args:?}");
        }
        assert!(!raw_unsafe(&run.stdout), "{args:?}: a raw control in the bytes");
    }
    for format in ["md", "csv"] {
        let run = roi_bounded(&["report", file, "--format", format]);
        assert!(!raw_unsafe(&run.stdout), "{format}: a raw control");
    }
}

/// Issue 23: a refusal quotes at most a bounded excerpt of what it refuses.
#[test]
fn a_refusal_quotes_a_bounded_excerpt() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_in(dir.path());
    let huge = "9x".repeat(50_000);
    for args in [
        vec!["set", project.to_str().unwrap(), "costs[0].monthly", huge.as_str()],
        vec!["goal-seek", project.to_str().unwrap(), "--driver", "costs", "--target", huge.as_str()],
    ] {
        let run = roi_bounded(&args);
        assert_ne!(run.status.code(), Some(0));
        let said = String::from_utf8_lossy(&run.stderr);
        assert!(said.len() < 2_000, "{} bytes said", said.len());
    }
    let path = dir.path().join("long.toml");
    std::fs::write(&path, format!("schema = 1\n[project]\nname = \"P\"\nstart = \"{huge}\"\n")).unwrap();
    let run = roi_bounded(&["check", path.to_str().unwrap()]);
    let said = format!("{}{}", String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr));
    assert!(said.len() < 2_000, "{} bytes said", said.len());
}

/// Issue 23: the work a command may ask is bounded by the project's size: a Monte Carlo of
/// more draws than about 30 s allow is refused with exit 2 and the bound; the largest
/// project's default report makes fewer draws. (A data table is bounded by its axes: 101
/// values each.)
#[test]
fn the_work_asked_of_a_large_project_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.toml");
    let mut text = String::from("schema = 1\n[project]\nname = \"Large\"\nhorizon_months = 120\n");
    for i in 0..200 {
        text.push_str(&format!("[[benefits]]\nname = \"B{i}\"\nkind = \"other\"\nmonthly_value = {{ low = 900, likely = 1000, high = 1300 }}\n"));
        text.push_str(&format!("[[costs]]\nname = \"C{i}\"\ncategory = \"licences\"\nmonthly = {{ low = 400, likely = 500, high = 700 }}\n"));
        text.push_str(&format!("[[risks]]\nname = \"R{i}\"\ncost = 1000\nprobability = 0.1\n"));
    }
    std::fs::write(&path, text).unwrap();
    let file = path.to_str().unwrap();
    let draws = roi_bounded(&["report", file, "--format", "json", "--simulate", "1000000"]);
    assert_eq!(draws.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&draws.stderr).contains("at most 137,136 draws"), "{draws:?}");
    let project = roi_workbench::store::load(&path).unwrap().project;
    assert!(
        roi_workbench::domain::montecarlo::default_draws(&project)
            < roi_workbench::domain::montecarlo::DEFAULT_DRAWS
    );
}
