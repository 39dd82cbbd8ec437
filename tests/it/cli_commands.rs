//! The `roi` binary as a script would use it: exit codes, stdout and stderr, and files left
//! untouched by commands that only read them.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn roi() -> Command {
    Command::from_std(super::common::roi_command())
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data").join(name)
}

fn json_report(file: &Path, extra: &[&str]) -> serde_json::Value {
    let output =
        roi().args(["report", file.to_str().unwrap(), "--format", "json"]).args(extra).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

fn keys(value: &serde_json::Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

#[test]
fn check_accepts_the_samples_and_lists_every_problem_of_a_bad_file() {
    roi().args(["check", sample("").to_str().unwrap()]).assert().success();
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(sample("tri-cv.toml"), dir.path().join("ok.toml")).unwrap();
    std::fs::write(
        dir.path().join("bad.toml"),
        "schema = 1\n[project]\nname = \"X\"\nimpact = 11\nfeasibility = 0\n",
    )
    .unwrap();
    let output = roi().args(["check", dir.path().to_str().unwrap()]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].contains("bad.toml:4:10: project.impact"), "{stdout}");
    assert!(lines[1].contains("bad.toml:5:15: project.feasibility"), "{stdout}");
    roi().args(["check", "/no/such/file.toml"]).assert().code(3);
}

#[test]
fn the_json_report_has_exactly_the_keys_of_the_contract() {
    let report = json_report(&sample("factures-fournisseurs.toml"), &[]);
    assert_eq!(
        keys(&report),
        [
            "at_month",
            "horizon_months",
            "kpis",
            "maturity_factor",
            "monthly",
            "name",
            "quadrant",
            "review",
            "spider",
            "stress_test",
            "tornado",
            "totals",
            "warnings"
        ]
    );
    assert_eq!(
        keys(&report["totals"]),
        [
            "benefits_adjusted",
            "benefits_raw",
            "break_even_month",
            "break_even_month_classic",
            "irr_annual_pct",
            "irr_roots_annual_pct",
            "npv",
            "risk_provision",
            "roi_adjusted_pct",
            "roi_classic_pct",
            "tco"
        ]
    );
    assert_eq!(keys(&report["at_month"]), ["12", "24", "36"]);
    assert_eq!(
        keys(&report["at_month"]["12"]),
        ["benefits_adjusted", "benefits_raw", "risk_provision", "roi_adjusted_pct", "roi_classic_pct", "tco"]
    );
    assert_eq!(keys(&report["stress_test"]), ["break_even_month", "npv", "robust", "roi_adjusted_pct"]);
    assert_eq!(
        keys(&report["monthly"][0]),
        ["benefits_adjusted", "benefits_raw", "costs", "cumulative_net", "month", "net", "risk"]
    );
    assert_eq!(report["monthly"].as_array().unwrap().len(), 36);
    assert_eq!(report["maturity_factor"], serde_json::json!(0.7));
    assert_eq!(report["quadrant"], "quick_win");
    assert_eq!(
        keys(&report["tornado"][0]),
        ["driver", "npv_high", "npv_low", "roi_adjusted_pct_high", "roi_adjusted_pct_low"]
    );
}

#[test]
fn json_numbers_are_rounded_to_cents_and_undefined_figures_are_null() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("zero.toml");
    std::fs::write(&file, "schema = 1\n[project]\nname = \"Sans coût\"\nhorizon_months = 12\n[[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 100.005\n").unwrap();
    let report = json_report(&file, &[]);
    assert_eq!(report["totals"]["roi_adjusted_pct"], serde_json::Value::Null);
    assert_eq!(report["totals"]["tco"], serde_json::json!(0));
    assert_eq!(report["monthly"][0]["benefits_raw"], serde_json::json!(100.01), "halves away from zero");
    assert_eq!(report["quadrant"], serde_json::Value::Null);
    assert!(
        report["warnings"].as_array().unwrap().iter().any(|w| w.as_str().unwrap().contains("TCO is zero"))
    );
}

#[test]
fn monte_carlo_in_the_report_is_reproducible() {
    let file = sample("assistant-code.toml");
    let first = json_report(&file, &["--simulate", "500", "--seed", "9"]);
    let again = json_report(&file, &["--simulate", "500", "--seed", "9"]);
    assert_eq!(first["monte_carlo"], again["monte_carlo"]);
    let run = &first["monte_carlo"];
    assert_eq!(run["draws"], 500);
    assert_eq!(run["seed"], 9);
    for metric in ["roi_adjusted_pct", "npv", "break_even_month"] {
        assert_eq!(keys(&run[metric]), ["p10", "p50", "p90"]);
    }
    assert_eq!(keys(&run["prob_break_even_by"]), ["12", "24", "36"]);
    let p = run["prob_roi_positive"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&p));
}

#[test]
fn csv_and_markdown_reports() {
    let file = sample("prevision-demande.toml");
    let output = roi().args(["report", file.to_str().unwrap(), "--format", "csv"]).output().unwrap();
    let csv = String::from_utf8(output.stdout).unwrap();
    assert_eq!(csv.lines().count(), 1 + 48);
    assert!(csv.starts_with("month,benefits_raw,benefits_adjusted,costs,risk,net,cumulative_net"));
    let output = roi().args(["report", file.to_str().unwrap(), "--lang", "fr"]).output().unwrap();
    let md = String::from_utf8(output.stdout).unwrap();
    assert!(md.contains("ROI ajusté") && md.contains("Test ×2/÷2") && md.contains("Hypothèses"), "{md}");
    let output = roi().args(["report", file.to_str().unwrap(), "--lang", "en"]).output().unwrap();
    assert!(String::from_utf8(output.stdout).unwrap().contains("Adjusted ROI"));
}

#[test]
fn new_creates_a_valid_project_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nouveau.toml");
    roi()
        .args(["new", file.to_str().unwrap(), "--name", "Chatbot RH", "--department", "hr"])
        .assert()
        .success();
    roi().args(["check", file.to_str().unwrap()]).assert().success();
    let project = roi_workbench::store::load(&file).unwrap().project;
    assert_eq!(project.kpis.len(), 5);
    assert_eq!(project.scenarios.keys().collect::<Vec<_>>(), ["pessimiste", "réaliste", "optimiste"]);
    std::fs::write(&file, "mine").unwrap();
    roi().args(["new", file.to_str().unwrap(), "--name", "Autre"]).assert().code(3);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
}

#[test]
fn goal_seek_answers_and_says_when_it_cannot() {
    let file = sample("factures-fournisseurs.toml");
    let output = roi()
        .args([
            "goal-seek",
            file.to_str().unwrap(),
            "--driver",
            "costs",
            "--target",
            "npv=0",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let answer: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(answer["driver"], "costs");
    assert!(answer["value"].as_f64().unwrap() > 1.0);
    assert!(answer["achieved"].as_f64().unwrap().abs() < 1.0, "re-checked by the engine");
    let output = roi()
        .args(["goal-seek", file.to_str().unwrap(), "--driver", "adoption", "--target", "break_even=2"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let refusal = String::from_utf8_lossy(&output.stderr);
    assert!(refusal.contains("no value of Adoption") && refusal.contains("at best"), "{refusal}");
}

/// Issue 22: three statuses, each holding when re-run; the target read by the language's rules.
#[test]
fn goal_seek_says_found_met_everywhere_or_unreachable() {
    let file = sample("factures-fournisseurs.toml");
    let seek = |driver: &str, target: &str, lang: &str| {
        let output = roi()
            .args(["goal-seek", file.to_str().unwrap(), "--driver", driver, "--target", target])
            .args(["--format", "json", "--lang", lang])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_default();
        (output.status.code(), json, String::from_utf8_lossy(&output.stderr).into_owned())
    };
    let (code, found, _) = seek("benefits", "npv=20,000", "en");
    assert_eq!((code, found["status"].as_str()), (Some(0), Some("found")), "{found}");
    assert!(found["achieved"].as_f64().unwrap() >= 20_000.0, "the value found meets the goal: {found}");
    let (_, french, _) = seek("benefits", "npv=20 000", "fr");
    assert_eq!(french["value"], found["value"], "20 000 in French is 20,000 in English");
    let (code, _, refusal) = seek("benefits", "npv=20.000", "fr");
    assert_eq!(code, Some(2), "ambiguous in French: {refusal}");
    assert!(refusal.contains("20.000") && refusal.contains("se lit"), "{refusal}");
    let (code, everywhere, _) = seek("discount_rate", "break_even=36", "en");
    assert_eq!((code, everywhere["status"].as_str()), (Some(0), Some("met_everywhere")), "{everywhere}");
    let (code, costs, _) = seek("costs", "roi_adjusted=100", "en");
    assert_eq!(
        (code, costs["status"].as_str()),
        (Some(0), Some("found")),
        "the ROI search passes costs × 0: {costs}"
    );
    let (code, unreachable, _) = seek("adoption", "roi_adjusted=100000", "en");
    assert_eq!((code, unreachable["status"].as_str()), (Some(1), Some("unreachable")));
    assert_eq!(unreachable["best_value"], 1, "{unreachable}");
}

#[test]
fn help_version_and_completions() {
    roi().arg("--version").assert().success();
    let help = roi().arg("--help").output().unwrap();
    assert!(String::from_utf8(help.stdout).unwrap().contains("Exit codes"));
    roi().args(["completions", "bash"]).assert().success();
    roi().args(["report"]).assert().code(2);
}

#[test]
fn reading_commands_never_write_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    std::fs::copy(sample("tri-cv.toml"), &file).unwrap();
    let before = (std::fs::read(&file).unwrap(), std::fs::metadata(&file).unwrap().modified().unwrap());
    roi().args(["check", file.to_str().unwrap()]).assert().success();
    for format in ["md", "json", "csv"] {
        roi()
            .args(["report", file.to_str().unwrap(), "--format", format, "--simulate", "50"])
            .assert()
            .success();
    }
    roi()
        .args(["goal-seek", file.to_str().unwrap(), "--driver", "benefits", "--target", "npv=0"])
        .assert()
        .success();
    let after = (std::fs::read(&file).unwrap(), std::fs::metadata(&file).unwrap().modified().unwrap());
    assert_eq!(before, after);
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["p.toml"], "no lock, marker or temporary file left behind");
}
