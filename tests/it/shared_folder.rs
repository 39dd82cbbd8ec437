//! Fault injection for the shared-folder promises: a killed saver never leaves a torn file, a
//! full disk leaves the old file intact, concurrent writers never lose an acknowledged write,
//! a read-only folder is refused, and comments survive `roi set`.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

const ROI: &str = env!("CARGO_BIN_EXE_roi");

fn fixture() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/domain-example.toml"))
        .unwrap()
}

fn project_in(dir: &Path) -> PathBuf {
    let path = dir.join("projet.toml");
    std::fs::write(&path, fixture()).unwrap();
    path
}

fn roi(args: &[&str]) -> std::process::Output {
    super::common::roi_command().args(args).output().unwrap()
}

fn loads(path: &Path) -> bool {
    roi_workbench::store::load(path).is_ok()
}

#[test]
fn a_saver_killed_at_any_moment_leaves_the_old_file_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path());
    let file = path.to_str().unwrap();
    let long_owner = "Claire Martin ".repeat(2000);
    for round in 0..40u64 {
        let owner = format!("{long_owner}{round}");
        let mut child = super::common::roi_command()
            .args(["set", file, "project.owner", &owner])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over the whole life of the process.
        std::thread::sleep(Duration::from_micros(round * 250));
        let _ = child.kill();
        let _ = child.wait();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(loads(&path), "round {round}: torn file:\n{text}");
    }
    // A lock left by a killed writer must not block the next one.
    assert!(roi(&["set", file, "project.owner", "Fin"]).status.success());
    assert_eq!(roi_workbench::store::load(&path).unwrap().project.project.owner.as_deref(), Some("Fin"));
}

#[test]
fn a_full_disk_leaves_the_old_file_intact_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path());
    let before = std::fs::read(&path).unwrap();
    let owner = "x".repeat(900);
    // RLIMIT_FSIZE of 512 bytes: writing the new text fails; the signal does not kill `roi`,
    // which says why and leaves the file as it was.
    let script = format!("ulimit -f 1; exec \"$0\" set \"$1\" project.owner {owner}");
    let shell = super::common::fixed_environment(Command::new("sh"));
    let output = { shell }.args(["-c", &script, ROI, path.to_str().unwrap()]).output().unwrap();
    assert_eq!(output.status.code(), Some(3), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot save") && stderr.contains("unchanged"), "{stderr}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn concurrent_writers_never_lose_an_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path());
    let file = path.to_str().unwrap().to_owned();
    let writers: Vec<_> = (0..4)
        .map(|writer| {
            let file = file.clone();
            std::thread::spawn(move || {
                let (mut acknowledged, mut refused) = (Vec::new(), Vec::new());
                for i in 0..6 {
                    let month = 7 + writer * 6 + i;
                    let value = format!("{}", 100 + month);
                    let output = roi(&["measure", &file, "time_saved_per_task", &month.to_string(), &value]);
                    if output.status.success() {
                        acknowledged.push(month);
                    } else {
                        refused.push(format!("month {month}: {output:?}"));
                    }
                }
                (acknowledged, refused)
            })
        })
        .collect();
    let (acknowledged, refused): (Vec<Vec<i64>>, Vec<Vec<String>>) =
        writers.into_iter().map(|w| w.join().unwrap()).unzip();
    let acknowledged: Vec<i64> = acknowledged.into_iter().flatten().collect();
    assert_eq!(acknowledged.len(), 24, "every writer got through the lock: {refused:#?}");
    let project = roi_workbench::store::load(&path).unwrap().project;
    let months: Vec<i64> = project.kpis[0].measurements.iter().map(|m| m.month).collect();
    for month in acknowledged {
        assert!(months.contains(&month), "acknowledged month {month} lost: {months:?}");
    }
}

#[test]
fn comments_survive_roi_set() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path());
    let before = std::fs::read_to_string(&path).unwrap();
    let output = roi(&["set", path.to_str().unwrap(), "costs[1].monthly", "750"]);
    assert!(output.status.success(), "{output:?}");
    let after = std::fs::read_to_string(&path).unwrap();
    let changed: Vec<(&str, &str)> = before.lines().zip(after.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(changed, [("monthly = 600", "monthly = 750")]);
    assert_eq!(before.lines().count(), after.lines().count());
}

#[test]
fn roi_set_refuses_what_the_format_refuses_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path());
    let before = std::fs::read(&path).unwrap();
    let output = roi(&["set", path.to_str().unwrap(), "project.impact", "11"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("outside 1..=10"));
    let output = roi(&["measure", path.to_str().unwrap(), "no_such_kpi", "3", "1"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_read_only_folder_is_refused_and_shown_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("partage");
    std::fs::create_dir(&folder).unwrap();
    let path = project_in(&folder);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = std::fs::read(&path).unwrap();
    assert!(roi_workbench::store::is_read_only(&path));
    let Some(output) = super::common::as_unprivileged(&["set", path.to_str().unwrap(), "project.owner", "X"])
    else {
        eprintln!("no unprivileged user can run the binary here: the refused write is not exercised");
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
        return;
    };
    assert_eq!(output.status.code(), Some(3), "{output:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Reading is never blocked.
    let output = super::common::as_unprivileged(&["check", path.to_str().unwrap()]).unwrap();
    assert!(output.status.success(), "{output:?}");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
}
