//! `roi portfolio DIR`: the real binary on a folder of copies of the samples plus one
//! invalid file; one row per project file in the matrix's order, invalid files last with
//! their `file:line:col` error, the totals, the three formats, subfolders on request, and the
//! exit codes.

use serde_json::Value;
use std::path::{Path, PathBuf};

const INVALID: &str = "schema = 1\n[project]\nname = \"X\"\nimpact = 11\n";

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data").join(name)
}

/// Two samples (a quick win and a project to avoid) and one invalid file.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(sample("tri-cv.toml"), dir.path().join("tri-cv.toml")).unwrap();
    std::fs::copy(sample("assistant-code.toml"), dir.path().join("assistant-code.toml")).unwrap();
    std::fs::write(dir.path().join("casse.toml"), INVALID).unwrap();
    dir
}

/// Runs `roi ARGS…` with a fixed language environment; the exit code and stdout.
fn roi(args: &[&str]) -> (Option<i32>, String) {
    let output = super::common::roi_command().args(args).output().unwrap();
    (output.status.code(), String::from_utf8(output.stdout).unwrap())
}

fn portfolio(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let dir = dir.to_str().unwrap();
    roi(&[&["portfolio", dir], args].concat())
}

fn portfolio_json(dir: &Path) -> Value {
    serde_json::from_str(&portfolio(dir, &["--format", "json"]).1).unwrap()
}

/// The JSON report of one file, to check the portfolio against the engine's own figures.
fn report(path: &Path) -> Value {
    serde_json::from_str(&roi(&["report", path.to_str().unwrap(), "--format", "json"]).1).unwrap()
}

fn close(a: &Value, b: f64) -> bool {
    (a.as_f64().unwrap() - b).abs() < 0.015
}

#[test]
fn an_invalid_file_is_listed_last_with_its_error_and_exits_one() {
    let dir = folder();
    let (code, text) = portfolio(dir.path(), &["--format", "json"]);
    assert_eq!(code, Some(1), "an invalid file is reported by the exit code");
    let json: Value = serde_json::from_str(&text).unwrap();
    let projects = json["projects"].as_array().unwrap();
    let files: Vec<&str> = projects.iter().map(|p| p["file"].as_str().unwrap()).collect();
    assert_eq!(files, ["assistant-code.toml", "tri-cv.toml", "casse.toml"], "quick win, avoid, invalid");
    let quadrants: Vec<&Value> = projects.iter().map(|p| &p["quadrant"]).collect();
    assert_eq!(quadrants, [&Value::from("quick_win"), &Value::from("avoid"), &Value::Null]);
    let error = projects[2]["error"].as_str().unwrap();
    assert!(error.contains("casse.toml:4:10: "), "{error}");
    assert!(projects[2]["npv"].is_null() && projects[2]["name"].is_null());
    assert!(projects[..2].iter().all(|p| p["error"].is_null()));
}

#[test]
fn json_rows_have_exactly_the_documented_keys() {
    let json = portfolio_json(folder().path());
    let expected = [
        "file",
        "name",
        "department",
        "owner",
        "status",
        "quadrant",
        "roi_adjusted_pct_12",
        "roi_adjusted_pct_horizon",
        "currency",
        "npv",
        "break_even_month",
        "robust",
        "kpis_off_track",
        "modified",
        "edited_by",
        "error",
    ];
    for project in json["projects"].as_array().unwrap() {
        let keys: Vec<&str> = project.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, expected);
    }
    let totals: Vec<&str> = json["totals"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(totals, ["investment_12", "npv", "by_currency", "quadrants", "invalid"]);
    let quadrants: Vec<&str> =
        json["totals"]["quadrants"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(quadrants, ["quick_win", "strategic", "improvement", "avoid", "unscored"]);
}

#[test]
fn rows_and_totals_agree_with_each_project_report() {
    let dir = folder();
    let json = portfolio_json(dir.path());
    let (mut investment, mut npv) = (0.0, 0.0);
    for project in &json["projects"].as_array().unwrap()[..2] {
        let report = report(&dir.path().join(project["file"].as_str().unwrap()));
        assert_eq!(project["name"], report["name"]);
        assert_eq!(project["npv"], report["totals"]["npv"]);
        assert_eq!(project["roi_adjusted_pct_12"], report["at_month"]["12"]["roi_adjusted_pct"]);
        assert_eq!(project["roi_adjusted_pct_horizon"], report["totals"]["roi_adjusted_pct"]);
        assert_eq!(project["break_even_month"], report["totals"]["break_even_month"]);
        assert_eq!(project["robust"], report["stress_test"]["robust"]);
        assert_eq!(project["kpis_off_track"], 0);
        investment += report["at_month"]["12"]["tco"].as_f64().unwrap();
        npv += report["totals"]["npv"].as_f64().unwrap();
    }
    let totals = &json["totals"];
    assert!(close(&totals["investment_12"], investment), "{totals} vs {investment}");
    assert!(close(&totals["npv"], npv), "{totals} vs {npv}");
    assert_eq!(totals["quadrants"]["quick_win"], 1);
    assert_eq!(totals["quadrants"]["strategic"], 0);
    assert_eq!(totals["quadrants"]["improvement"], 0);
    assert_eq!(totals["quadrants"]["avoid"], 1);
    assert_eq!(totals["quadrants"]["unscored"], 0);
    assert_eq!(totals["invalid"], 1);
}

#[test]
fn modified_time_and_the_editor_come_from_the_folder() {
    let dir = folder();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let marker = format!("alice@another-host 4242 {now}\n");
    std::fs::write(dir.path().join(".tri-cv.toml.roi-editing"), marker).unwrap();
    let json = portfolio_json(dir.path());
    for project in json["projects"].as_array().unwrap() {
        let modified = project["modified"].as_str().unwrap();
        let shape: String = modified.chars().map(|c| if c.is_ascii_digit() { '9' } else { c }).collect();
        assert_eq!(shape, "9999-99-99T99:99:99Z", "{modified}");
    }
    assert_eq!(json["projects"][1]["edited_by"], "alice@another-host");
    assert!(json["projects"][0]["edited_by"].is_null());
}

#[test]
fn csv_has_a_header_and_one_line_per_file() {
    let (code, csv) = portfolio(folder().path(), &["--format", "csv"]);
    assert_eq!(code, Some(1));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 1 + 3, "{csv}");
    assert!(lines[0].starts_with("file,name,department,owner,status,quadrant,roi_adjusted_pct_12,"));
    assert!(lines[1].starts_with("assistant-code.toml,"), "{csv}");
    assert!(lines[3].starts_with("casse.toml,") && lines[3].contains("casse.toml:4:10"), "{csv}");
}

#[test]
fn markdown_headers_and_totals_follow_the_language() {
    let dir = folder();
    let (code, fr) = portfolio(dir.path(), &["--lang", "fr"]);
    assert_eq!(code, Some(1));
    assert!(fr.contains("# Portefeuille") && fr.contains("| Fichier | Nom | Service |"), "{fr}");
    assert!(fr.contains("Investissement sur 12 mois : ") && fr.contains("1 fichier(s) invalide(s)"), "{fr}");
    let (_, en) = portfolio(dir.path(), &["--format", "md", "--lang", "en"]);
    assert!(
        en.contains("| File | Name | Department |") && en.contains("Investment over 12 months: "),
        "{en}"
    );
    let rows: Vec<&str> = en.lines().filter(|l| l.starts_with("| ")).collect();
    assert_eq!(rows.len(), 1 + 3, "header and three files: {en}");
    assert!(rows[3].starts_with("| casse.toml |") && rows[3].contains("casse.toml:4:10"), "{en}");
}

#[test]
fn subfolders_are_read_only_with_recursive() {
    let dir = folder();
    std::fs::create_dir(dir.path().join("clients")).unwrap();
    std::fs::copy(sample("prevision-demande.toml"), dir.path().join("clients/prevision.toml")).unwrap();
    let (_, flat) = portfolio(dir.path(), &["--format", "csv"]);
    assert_eq!(flat.lines().count(), 1 + 3);
    assert!(!flat.contains("clients/"));
    let (code, recursive) = portfolio(dir.path(), &["--format", "csv", "--recursive"]);
    assert_eq!(code, Some(1));
    assert_eq!(recursive.lines().count(), 1 + 4);
    assert!(recursive.lines().any(|l| l.starts_with("clients/prevision.toml,")), "{recursive}");
}

#[test]
fn no_roi_at_12_months_when_the_horizon_ends_before() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(sample("assistant-code.toml")).unwrap();
    let short = text.replace("horizon_months = 36", "horizon_months = 6");
    assert_ne!(short, text, "the sample states its horizon");
    std::fs::write(dir.path().join("court.toml"), short).unwrap();
    let json = portfolio_json(dir.path());
    assert!(json["projects"][0]["roi_adjusted_pct_12"].is_null(), "{json}");
    assert!(json["projects"][0]["roi_adjusted_pct_horizon"].is_number(), "{json}");
}

#[test]
fn a_valid_folder_exits_zero_and_an_unreadable_one_three() {
    let (code, text) = portfolio(&sample(""), &["--format", "json"]);
    assert_eq!(code, Some(0), "{text}");
    let json: Value = serde_json::from_str(&text).unwrap();
    let files = std::fs::read_dir(sample(""))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|ext| ext == "toml"));
    assert_eq!(json["projects"].as_array().unwrap().len(), files.count());
    assert_eq!(json["totals"]["invalid"], 0);
    assert_eq!(portfolio(Path::new("/no/such/folder"), &[]).0, Some(3));
    assert_eq!(portfolio(&sample("tri-cv.toml"), &[]).0, Some(3), "a file is not a folder");
}

/// Issue 11: a project in dollars is shown in dollars, and never added to projects in euros.
#[test]
fn totals_are_per_currency() {
    let dir = folder();
    let text = std::fs::read_to_string(sample("tri-cv.toml"))
        .unwrap()
        .replace("currency = \"EUR\"", "currency = \"USD\"");
    std::fs::write(dir.path().join("us.toml"), text).unwrap();
    let json = portfolio_json(dir.path());
    let currencies: Vec<&str> = json["totals"]["by_currency"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["currency"].as_str().unwrap())
        .collect();
    assert_eq!(currencies, ["EUR", "USD"]);
    assert!(json["totals"]["npv"].is_null(), "no sum across currencies");
    let us = json["projects"].as_array().unwrap().iter().find(|p| p["file"] == "us.toml").unwrap();
    assert_eq!(us["currency"], "USD");
    let (_, md) = portfolio(dir.path(), &["--format", "md", "--lang", "en"]);
    assert_eq!(md.matches("NPV: ").count(), 2, "one totals line per currency:\n{md}");
    assert!(md.contains("-$"), "the dollar project in dollars:\n{md}");
}
