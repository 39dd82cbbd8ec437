#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `roi portfolio DIR`: one row per project file, invalid files included, with totals.

use assert_cmd::Command;
use std::path::Path;

fn sample(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data").join(name)
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(sample("tri-cv.toml"), dir.path().join("tri-cv.toml")).unwrap();
    std::fs::copy(sample("assistant-code.toml"), dir.path().join("assistant-code.toml")).unwrap();
    std::fs::write(dir.path().join("casse.toml"), "schema = 1\n[project]\nname = \"X\"\nimpact = 11\n")
        .unwrap();
    dir
}

fn portfolio(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let output = Command::cargo_bin("roi").unwrap().arg("portfolio").arg(dir).args(args).output().unwrap();
    (output.status.code(), String::from_utf8(output.stdout).unwrap())
}

#[test]
fn json_rows_in_matrix_order_with_invalid_files_last_and_totals() {
    let dir = folder();
    let (code, text) = portfolio(dir.path(), &["--format", "json"]);
    assert_eq!(code, Some(1), "an invalid file is reported by the exit code");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let projects = json["projects"].as_array().unwrap();
    let files: Vec<&str> = projects.iter().map(|p| p["file"].as_str().unwrap()).collect();
    assert_eq!(files, ["assistant-code.toml", "tri-cv.toml", "casse.toml"], "quick win, avoid, invalid");
    let mut keys: Vec<&String> = projects[0].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "break_even_month",
            "department",
            "edited_by",
            "error",
            "file",
            "kpis_off_track",
            "modified",
            "name",
            "npv",
            "owner",
            "quadrant",
            "robust",
            "roi_adjusted_pct_12",
            "roi_adjusted_pct_horizon",
            "status"
        ]
    );
    assert!(projects[2]["error"].as_str().unwrap().contains("casse.toml:4:10"));
    assert_eq!(json["totals"]["invalid"], 1);
    assert_eq!(json["totals"]["quadrants"]["quick_win"], 1);
    assert_eq!(json["totals"]["quadrants"]["avoid"], 1);
    let npv: f64 = projects[..2].iter().map(|p| p["npv"].as_f64().unwrap()).sum();
    assert!((json["totals"]["npv"].as_f64().unwrap() - npv).abs() < 0.02);
}

#[test]
fn csv_markdown_and_subfolders() {
    let dir = folder();
    let (_, csv) = portfolio(dir.path(), &["--format", "csv"]);
    assert_eq!(csv.lines().count(), 1 + 3);
    let (_, md) = portfolio(dir.path(), &["--lang", "fr"]);
    assert!(md.contains("Portefeuille") && md.contains("Investissement sur 12 mois"), "{md}");
    std::fs::create_dir(dir.path().join("clients")).unwrap();
    std::fs::copy(sample("prevision-demande.toml"), dir.path().join("clients/prevision.toml")).unwrap();
    assert_eq!(portfolio(dir.path(), &["--format", "csv"]).1.lines().count(), 4);
    let (_, recursive) = portfolio(dir.path(), &["--format", "csv", "--recursive"]);
    assert_eq!(recursive.lines().count(), 5);
    assert!(recursive.contains("clients/prevision.toml"));
}

#[test]
fn a_valid_folder_exits_zero_and_a_missing_one_three() {
    let (code, _) = portfolio(&sample(""), &["--format", "json"]);
    assert_eq!(code, Some(0));
    let (code, _) = portfolio(Path::new("/no/such/folder"), &[]);
    assert_eq!(code, Some(3));
}
