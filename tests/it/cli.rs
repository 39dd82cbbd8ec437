//! The `roi` binary as a script uses it: `check`, `report` in every format, `new`,
//! `--version`, `--help`, `completions`, exit codes, and files left untouched.
//!
//! Every file is written by the test into a temporary folder, so the sample data can change
//! without touching these tests.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The DOMAIN.md §7 example (horizon 36, scale, contingency 0.10, quick win).
const EXAMPLE: &str = include_str!("../fixtures/domain-example.toml");

/// Refused with three problems: line 4 column 10, line 5 column 15, line 9 column 15.
const INVALID: &str = "schema = 1\n\
    [project]\n\
    name = \"Invalide\"\n\
    impact = 11\n\
    feasibility = 0\n\
    [[risks]]\n\
    name = \"R\"\n\
    cost = 100\n\
    probability = 1.5\n";

/// No cost at all: every ROI is undefined.
const NO_COST: &str = "schema = 1\n[project]\nname = \"Sans coût\"\nhorizon_months = 12\n\
    [[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 100\n";

fn roi() -> Command {
    Command::from_std(super::common::roi_command())
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let output = roi().args(args).output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn report(path: &Path, args: &[&str]) -> String {
    let (code, stdout, stderr) = run(&[&["report", text(path)], args].concat());
    assert_eq!(code, Some(0), "{stderr}");
    stdout
}

fn json_report(path: &Path) -> Value {
    serde_json::from_str(&report(path, &["--format", "json"])).unwrap()
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value.as_object().unwrap_or_else(|| panic!("not an object: {value}")).keys().map(String::as_str).collect()
}

fn set<'a>(items: &[&'a str]) -> BTreeSet<&'a str> {
    items.iter().copied().collect()
}

// ---------------------------------------------------------------------------------------
// roi check
// ---------------------------------------------------------------------------------------

#[test]
fn check_accepts_a_valid_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "factures.toml", EXAMPLE);
    let (code, stdout, stderr) = run(&["check", text(&file)]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert_eq!(stdout, "", "nothing on stdout when every file is valid");
    assert!(stderr.contains("1 project file valid"), "{stderr}");
}

#[test]
fn check_lists_every_problem_of_an_invalid_file_as_path_line_column_message() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "invalide.toml", INVALID);
    let (code, stdout, _) = run(&["check", text(&file)]);
    assert_eq!(code, Some(1));
    let lines: Vec<&str> = stdout.lines().collect();
    let path = file.display();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(lines[0].starts_with(&format!("{path}:4:10: project.impact: 11 is outside 1..=10")), "{stdout}");
    assert!(
        lines[1].starts_with(&format!("{path}:5:15: project.feasibility: 0 is outside 1..=10")),
        "{stdout}"
    );
    assert!(
        lines[2].starts_with(&format!("{path}:9:15: risks[0].probability: 1.5 is outside 0..=1")),
        "{stdout}"
    );
    // Each line also says how to fix it.
    assert!(lines.iter().all(|l| l.contains(" — ")), "{stdout}");
}

#[test]
fn check_reports_a_syntax_error_and_an_unknown_key_at_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let syntax = write(dir.path(), "syntaxe.toml", "schema = 1\n[project]\nname = \"Cas\n");
    let (code, stdout, _) = run(&["check", text(&syntax)]);
    assert_eq!(code, Some(1));
    assert!(stdout.starts_with(&format!("{}:3:12: ", syntax.display())), "{stdout}");
    let typo = write(
        dir.path(),
        "typo.toml",
        "schema = 1\n[project]\nname = \"Cas\"\n[[costs]]\nname = \"L\"\nmontly = 600\n",
    );
    let (code, stdout, _) = run(&["check", text(&typo)]);
    assert_eq!(code, Some(1));
    assert!(stdout.starts_with(&format!("{}:6:1: unknown field `montly`", typo.display())), "{stdout}");
}

#[test]
fn check_of_a_folder_lists_every_problem_of_every_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a-valide.toml", EXAMPLE);
    let invalid = write(dir.path(), "b-invalide.toml", INVALID);
    let syntax = write(dir.path(), "c-syntaxe.toml", "schema = 1\n[project\n");
    write(dir.path(), "notes.txt", "not a project");
    let sub = dir.path().join("archives");
    std::fs::create_dir(&sub).unwrap();
    let nested = write(&sub, "d-ancien.toml", "schema = 2\n[project]\nname = \"Ancien\"\n");

    let (code, stdout, _) = run(&["check", text(dir.path())]);
    assert_eq!(code, Some(1));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "three problems of b, one of c; the subfolder is not read:\n{stdout}");
    assert!(lines[..3].iter().all(|l| l.starts_with(&format!("{}:", invalid.display()))), "{stdout}");
    assert!(lines[3].starts_with(&format!("{}:2:", syntax.display())), "{stdout}");
    assert!(!stdout.contains("a-valide") && !stdout.contains("notes.txt"), "{stdout}");

    // With --recursive, the subfolder's file is checked too.
    let (code, stdout, _) = run(&["check", "--recursive", text(dir.path())]);
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains(&format!("{}:1:10: schema: schema 2 is not supported", nested.display())),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 5, "{stdout}");
}

#[test]
fn check_of_a_folder_of_valid_files_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.toml", EXAMPLE);
    write(dir.path(), "b.toml", NO_COST);
    let (code, stdout, stderr) = run(&["check", text(dir.path())]);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(stderr.contains("2 project files valid"), "{stderr}");
}

#[test]
fn check_of_a_missing_file_fails() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("absent.toml");
    let (code, stdout, stderr) = run(&["check", text(&missing)]);
    assert_ne!(code, Some(0));
    assert_eq!(code, Some(3), "3: a file could not be read");
    assert!(stderr.contains("absent.toml"), "{stderr}");
    assert_eq!(stdout, "");
    // A missing file among valid ones still fails the whole check.
    let valid = write(dir.path(), "ok.toml", EXAMPLE);
    let (code, _, _) = run(&["check", text(&valid), text(&missing)]);
    assert_eq!(code, Some(3));
    // And without any path, it is a usage error.
    assert_eq!(run(&["check"]).0, Some(2));
}

// ---------------------------------------------------------------------------------------
// roi report
// ---------------------------------------------------------------------------------------

/// Every number in the report has at most two decimals and no exponent.
fn assert_rounded(value: &Value, at: &str) {
    match value {
        Value::Number(n) => {
            let text = n.to_string();
            assert!(!text.contains(['e', 'E']), "{at} = {text}");
            let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
            assert!(decimals <= 2, "{at} = {text} has {decimals} decimals");
        }
        Value::Array(items) => {
            items.iter().enumerate().for_each(|(i, v)| assert_rounded(v, &format!("{at}[{i}]")))
        }
        Value::Object(map) => map.iter().for_each(|(k, v)| assert_rounded(v, &format!("{at}.{k}"))),
        _ => {}
    }
}

#[test]
fn json_report_has_the_keys_of_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "factures.toml", EXAMPLE);
    let r = json_report(&file);

    // §8 says "at least"; the only other keys are the KPIs, the review, the tornado, the spider
    // (issue 17), and a Monte Carlo run on request.
    let contract = set(&[
        "name",
        "horizon_months",
        "maturity_factor",
        "totals",
        "at_month",
        "stress_test",
        "monthly",
        "quadrant",
        "warnings",
    ]);
    let top = keys(&r);
    assert!(top.is_superset(&contract), "missing: {:?}", contract.difference(&top));
    assert!(
        top.difference(&contract).all(|k| ["kpis", "review", "tornado", "spider", "monte_carlo"].contains(k)),
        "{top:?}"
    );

    let totals_contract = set(&[
        "tco",
        "benefits_raw",
        "benefits_adjusted",
        "risk_provision",
        "roi_classic_pct",
        "roi_adjusted_pct",
        "npv",
        "break_even_month",
        "break_even_month_classic",
    ]);
    let totals = keys(&r["totals"]);
    assert!(totals.is_superset(&totals_contract), "missing: {:?}", totals_contract.difference(&totals));
    let extra = ["irr_annual_pct", "irr_roots_annual_pct"];
    assert!(totals.difference(&totals_contract).all(|k| extra.contains(k)), "{totals:?}");

    assert_eq!(keys(&r["at_month"]), set(&["12", "24", "36"]));
    for checkpoint in ["12", "24", "36"] {
        assert_eq!(
            keys(&r["at_month"][checkpoint]),
            set(&[
                "tco",
                "benefits_raw",
                "benefits_adjusted",
                "risk_provision",
                "roi_classic_pct",
                "roi_adjusted_pct"
            ])
        );
    }
    assert_eq!(keys(&r["stress_test"]), set(&["roi_adjusted_pct", "npv", "break_even_month", "robust"]));
    let monthly = r["monthly"].as_array().unwrap();
    assert_eq!(monthly.len(), 36);
    for (i, row) in monthly.iter().enumerate() {
        assert_eq!(
            keys(row),
            set(&["month", "benefits_raw", "benefits_adjusted", "costs", "risk", "net", "cumulative_net"])
        );
        assert_eq!(row["month"], i + 1);
    }
    assert!(r["warnings"].is_array());
    assert!(r["stress_test"]["robust"].is_boolean());
    assert_rounded(&r, "report");
}

#[test]
fn json_report_values_of_the_domain_example() {
    // Hand-computed in tests/worked_examples.rs (`the_domain_example_file_of_section_7`).
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "factures.toml", EXAMPLE);
    let r = json_report(&file);
    assert_eq!(r["name"], "Automatisation du traitement des factures");
    assert_eq!(r["horizon_months"], 36);
    assert_eq!(r["maturity_factor"].to_string(), "0.7");
    assert_eq!(r["quadrant"], "quick_win");
    let totals = &r["totals"];
    assert_eq!(totals["tco"].to_string(), "51260");
    assert_eq!(totals["benefits_raw"].to_string(), "136000");
    assert_eq!(totals["benefits_adjusted"].to_string(), "95200");
    assert_eq!(totals["risk_provision"].to_string(), "3000");
    assert_eq!(totals["roi_classic_pct"].to_string(), "165.31");
    assert_eq!(totals["roi_adjusted_pct"].to_string(), "79.87");
    assert_eq!(r["at_month"]["36"]["tco"], totals["tco"]);
    // Month 1: no benefit yet (start month 2); costs 1.1 × (25 000 + 600) = 28 160;
    // ρ = 3 000 / 36 = 83.333… → 83.33; net = −28 243.33.
    let first = &r["monthly"][0];
    assert_eq!(first["benefits_raw"].to_string(), "0");
    assert_eq!(first["costs"].to_string(), "28160");
    assert_eq!(first["risk"].to_string(), "83.33");
    assert_eq!(first["net"].to_string(), "-28243.33");
    assert_eq!(first["cumulative_net"], first["net"]);
    // Month 4 onwards: b_adj = 4 000 × 0.7 = 2 800; costs 660.
    assert_eq!(r["monthly"][3]["benefits_adjusted"].to_string(), "2800");
    assert_eq!(r["monthly"][3]["costs"].to_string(), "660");
    assert!(r["totals"]["break_even_month"].is_u64());
}

#[test]
fn json_report_writes_null_where_a_figure_is_undefined() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "sans-cout.toml", NO_COST);
    let r = json_report(&file);
    assert_eq!(r["totals"]["tco"], 0);
    assert_eq!(r["totals"]["roi_classic_pct"], Value::Null);
    assert_eq!(r["totals"]["roi_adjusted_pct"], Value::Null);
    assert_eq!(r["at_month"]["12"]["roi_adjusted_pct"], Value::Null);
    assert_eq!(r["stress_test"]["roi_adjusted_pct"], Value::Null);
    assert_eq!(r["stress_test"]["robust"], false);
    assert_eq!(r["quadrant"], Value::Null, "no impact/feasibility: no quadrant");
    assert_eq!(keys(&r["at_month"]), set(&["12"]));

    // A break-even never reached is null too.
    let never = write(
        dir.path(),
        "jamais.toml",
        "schema = 1\n[project]\nname = \"Jamais\"\nhorizon_months = 12\n\
         [[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 10\n[[costs]]\nname = \"C\"\none_off = 100000\n",
    );
    let r = json_report(&never);
    assert_eq!(r["totals"]["break_even_month"], Value::Null);
    assert_eq!(r["totals"]["break_even_month_classic"], Value::Null);
    assert_eq!(r["stress_test"]["break_even_month"], Value::Null);
    // ROI = (120 − 100 000) / 100 000 × 100 = −99.88.
    assert_eq!(r["totals"]["roi_classic_pct"].to_string(), "-99.88");
}

#[test]
fn json_checkpoints_follow_the_horizon_and_the_quadrant_is_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let project = |horizon: i64, impact: i64, feasibility: i64| {
        format!(
            "schema = 1\n[project]\nname = \"H{horizon}\"\nhorizon_months = {horizon}\nimpact = {impact}\n\
             feasibility = {feasibility}\n[[costs]]\nname = \"C\"\nmonthly = 10\n"
        )
    };
    let r = json_report(&write(dir.path(), "h30.toml", &project(30, 6, 5)));
    assert_eq!(keys(&r["at_month"]), set(&["12", "24", "30"]));
    assert_eq!(r["monthly"].as_array().unwrap().len(), 30);
    assert_eq!(r["quadrant"], "strategic");
    // TCO(30) = 300: ROI = (0 − 300) / 300 × 100 = −100.
    assert_eq!(r["at_month"]["30"]["tco"], 300);
    assert_eq!(r["totals"]["roi_classic_pct"], -100);
    let r = json_report(&write(dir.path(), "h6.toml", &project(6, 5, 6)));
    assert_eq!(keys(&r["at_month"]), set(&["6"]));
    assert_eq!(r["quadrant"], "improvement");
    let r = json_report(&write(dir.path(), "h120.toml", &project(120, 5, 5)));
    assert_eq!(keys(&r["at_month"]), set(&["12", "24", "36", "120"]));
    assert_eq!(r["quadrant"], "avoid");
}

#[test]
fn csv_report_has_a_header_and_one_row_per_month() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "factures.toml", EXAMPLE);
    let csv = report(&file, &["--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "month,benefits_raw,benefits_adjusted,costs,risk,net,cumulative_net");
    assert_eq!(lines.len(), 1 + 36);
    assert_eq!(lines[1], "1,0.00,0.00,28160.00,83.33,-28243.33,-28243.33");
    for (i, line) in lines[1..].iter().enumerate() {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells.len(), 7, "{line}");
        assert_eq!(cells[0], (i + 1).to_string());
        assert!(cells[1..].iter().all(|c| c.split_once('.').is_some_and(|(_, d)| d.len() == 2)), "{line}");
    }
    // A 12-month project has 12 rows.
    let short = write(dir.path(), "court.toml", NO_COST);
    assert_eq!(report(&short, &["--format", "csv"]).lines().count(), 1 + 12);
}

#[test]
fn markdown_report_speaks_french_and_english() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "factures.toml", EXAMPLE);
    let fr = report(&file, &["--format", "md", "--lang", "fr"]);
    assert!(fr.starts_with("# Automatisation du traitement des factures"), "{fr}");
    for label in [
        "Situation",
        "Impact",
        "Action",
        "ROI ajusté",
        "VAN",
        "Point mort",
        "Test ×2/÷2",
        "Décision proposée",
    ] {
        assert!(fr.contains(label), "no `{label}` in:\n{fr}");
    }
    assert!(fr.contains("51 260,00 €"), "French money format:\n{fr}");
    let en = report(&file, &["--format", "md", "--lang", "en"]);
    for label in ["Situation", "Impact", "Action", "Adjusted ROI", "NPV", "Break-even", "Proposed decision"] {
        assert!(en.contains(label), "no `{label}` in:\n{en}");
    }
    assert!(!en.contains("ROI ajusté"));
    assert!(en.contains("€51,260.00"), "{en}");
    // Markdown is the default format.
    assert_eq!(report(&file, &["--lang", "fr"]), fr);
}

#[test]
fn report_of_an_invalid_or_missing_file_fails() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "invalide.toml", INVALID);
    let (code, stdout, stderr) = run(&["report", text(&file), "--format", "json"]);
    assert_eq!(code, Some(1));
    assert_eq!(stdout, "");
    assert!(stderr.contains(&format!("{}:4:10: project.impact", file.display())), "{stderr}");
    let (code, _, _) = run(&["report", text(&dir.path().join("absent.toml"))]);
    assert_eq!(code, Some(3));
    assert_eq!(run(&["report", text(&file), "--format", "xml"]).0, Some(2));
}

// ---------------------------------------------------------------------------------------
// roi new
// ---------------------------------------------------------------------------------------

#[test]
fn new_creates_a_valid_project_with_the_starter_pack() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("chatbot.toml");
    let (code, _, stderr) = run(&["new", text(&file), "--name", "Chatbot RH", "--department", "hr"]);
    assert_eq!(code, Some(0), "{stderr}");
    let (code, _, _) = run(&["check", text(&file)]);
    assert_eq!(code, Some(0));
    let project = roi_workbench::store::parse(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(project.project.name, "Chatbot RH");
    let kpis: Vec<&str> = project.kpis.iter().map(|k| k.key.as_str()).collect();
    assert_eq!(
        kpis,
        [
            "time_saved_per_task",
            "adoption_rate",
            "cost_per_request",
            "post_ai_error_rate",
            "user_satisfaction"
        ]
    );
    // And it can be reported at once.
    let r = json_report(&file);
    assert_eq!(r["name"], "Chatbot RH");
}

#[test]
fn new_refuses_to_overwrite_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "existant.toml", EXAMPLE);
    let before = (std::fs::read(&file).unwrap(), std::fs::metadata(&file).unwrap().modified().unwrap());
    let (code, _, stderr) = run(&["new", text(&file), "--name", "Autre"]);
    assert_eq!(code, Some(3));
    assert!(stderr.contains("existant.toml"), "{stderr}");
    let after = (std::fs::read(&file).unwrap(), std::fs::metadata(&file).unwrap().modified().unwrap());
    assert_eq!(before, after, "the existing file is unchanged");
    // An unknown department is a usage error, and nothing is created.
    let other = dir.path().join("autre.toml");
    assert_eq!(run(&["new", text(&other), "--name", "X", "--department", "sales"]).0, Some(2));
    assert!(!other.exists());
}

// ---------------------------------------------------------------------------------------
// --version, --help, completions
// ---------------------------------------------------------------------------------------

#[test]
fn version_help_and_completions() {
    let (code, stdout, _) = run(&["--version"]);
    assert_eq!(code, Some(0));
    assert_eq!(stdout.trim(), format!("roi {}", env!("CARGO_PKG_VERSION")));

    let (code, stdout, _) = run(&["--help"]);
    assert_eq!(code, Some(0));
    for command in ["check", "report", "new", "completions"] {
        assert!(stdout.contains(command), "no `{command}` in --help:\n{stdout}");
    }
    assert!(stdout.contains("Exit codes"), "{stdout}");

    let (code, stdout, _) = run(&["report", "--help"]);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("--format"), "{stdout}");

    let (code, stdout, _) = run(&["completions", "bash"]);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("_roi") && stdout.contains("complete"), "{stdout}");
    for shell in ["zsh", "fish"] {
        assert_eq!(run(&["completions", shell]).0, Some(0), "{shell}");
    }
    assert_eq!(run(&["completions", "cobol"]).0, Some(2));
}

// ---------------------------------------------------------------------------------------
// Reading never writes
// ---------------------------------------------------------------------------------------

fn snapshot(dir: &Path, file: &Path) -> (Vec<u8>, std::time::SystemTime, Vec<std::ffi::OsString>) {
    let mut names: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    (std::fs::read(file).unwrap(), std::fs::metadata(file).unwrap().modified().unwrap(), names)
}

#[test]
fn report_and_check_never_modify_the_file_they_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "factures.toml", EXAMPLE);
    let invalid = write(dir.path(), "invalide.toml", INVALID);
    let before = (snapshot(dir.path(), &file), snapshot(dir.path(), &invalid));
    run(&["check", text(&file)]);
    run(&["check", text(dir.path())]);
    run(&["check", text(&invalid)]);
    for format in ["md", "json", "csv"] {
        run(&["report", text(&file), "--format", format]);
        run(&["report", text(&file), "--format", format, "--lang", "fr"]);
        run(&["report", text(&invalid), "--format", format]);
    }
    run(&["report", text(&file), "--scenario", "pessimiste"]);
    let after = (snapshot(dir.path(), &file), snapshot(dir.path(), &invalid));
    assert_eq!(before, after, "same bytes, same modification time, no file added");
}

#[test]
fn actual_records_measured_benefits_that_the_review_sets_against_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "factures.toml", EXAMPLE);
    let (code, _, stderr) = run(&["actual", text(&file), "6", "10 200,50", "--lang", "fr"]);
    assert_eq!(code, Some(0), "{stderr}");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("[[actuals]]\nmonth = 6\nbenefits = 10200.5"), "{saved}");
    let review = &json_report(&file)["review"];
    assert_eq!(review["milestones"][1]["measured"]["month"], 6);
    assert_eq!(review["milestones"][1]["measured"]["benefits"].to_string(), "10200.5");
    assert!(review["milestones"][0]["measured"].is_null());

    let (code, _, stderr) = run(&["actual", text(&file), "99", "1"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("outside the horizon"), "{stderr}");
    let (code, _, stderr) = run(&["actual", text(&file), "3", "beaucoup"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("is not a number"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), saved, "a refused value changes nothing");
}

#[test]
fn a_kpi_measured_in_percent_keeps_its_points() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "factures.toml", EXAMPLE);
    let (code, _, stderr) = run(&["measure", text(&file), "time_saved_per_task", "9", "31 %"]);
    assert_eq!(code, Some(0), "{stderr}");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("{ month = 9, value = 31 }"), "31 % on a KPI in % is 31, not 0.31:\n{saved}");
    let (code, _, stderr) = run(&["set", text(&file), "kpis[0].target", "35 %"]);
    assert_eq!(code, Some(0), "{stderr}");
    let (code, _, stderr) = run(&["set", text(&file), "project.contingency", "12,5 %", "--lang", "fr"]);
    assert_eq!(code, Some(0), "{stderr}");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("target = 35\n") && saved.contains("contingency = 0.125"), "{saved}");
}

/// Issue 11: in the English UI a comma groups thousands; it never divides money by 1 000.
#[test]
fn numbers_are_read_in_the_language_of_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "factures.toml", EXAMPLE);
    let mut english = roi();
    english.env("LANG", "en_US.UTF-8").args(["set", text(&file), "costs[1].monthly", "12,000"]);
    let output = english.output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(std::fs::read_to_string(&file).unwrap().contains("monthly = 12000\n"));
    let (code, _, _) = run(&["set", text(&file), "costs[1].monthly", "12 000,50", "--lang", "fr"]);
    assert_eq!(code, Some(0));
    assert!(std::fs::read_to_string(&file).unwrap().contains("monthly = 12000.5\n"));
    let before = std::fs::read_to_string(&file).unwrap();
    let (code, _, stderr) = run(&["set", text(&file), "costs[1].monthly", "1.234", "--lang", "fr"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("se lit 1,234 ou 1 234"), "both readings shown: {stderr}");
    let (code, _, stderr) = run(&["measure", text(&file), "time_saved_per_task", "9", "1,5"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("reads as 1.5 or as 15"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before, "a refused number changes nothing");
}

#[test]
fn a_table_is_asked_of_a_csv_export_only() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "factures.toml", EXAMPLE);
    let (code, stdout, stderr) = run(&["report", text(&file), "--table", "kpis"]);
    assert_eq!((code, stdout.as_str()), (Some(2), ""));
    assert!(stderr.contains("--format csv"), "{stderr}");
}

#[test]
fn a_summary_as_of_a_month_uses_what_was_measured_by_then() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "factures.toml", EXAMPLE);
    let april = report(&file, &["--lang", "en", "--as-of", "2026-04"]);
    assert!(april.contains("Review as of: 2026-04"), "{april}");
    assert!(april.contains("12 (month 3)"), "{april}");
    assert!(!april.contains("(month 6)"), "month 6 was measured after April:\n{april}");
    let july = report(&file, &["--lang", "en", "--as-of", "2026-07"]);
    assert!(july.contains("22 (month 6)"), "{july}");
}

#[test]
fn json_and_csv_are_as_of_the_same_month_as_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "factures.toml", EXAMPLE);
    let april: Value =
        serde_json::from_str(&report(&file, &["--format", "json", "--as-of", "2026-04"])).unwrap();
    assert_eq!(april["kpis"][0]["measurements"].as_array().unwrap().len(), 1, "month 6 is after April");
    let csv = report(&file, &["--format", "csv", "--table", "measurements", "--as-of", "2026-04"]);
    assert!(!csv.contains(",6,"), "{csv}");
    let july: Value =
        serde_json::from_str(&report(&file, &["--format", "json", "--as-of", "2026-07"])).unwrap();
    assert_eq!(july["kpis"][0]["measurements"].as_array().unwrap().len(), 2);
}

#[test]
fn a_tornado_width_outside_0_to_1_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "factures.toml", EXAMPLE);
    for width in ["0", "-0.2", "1.5"] {
        let (code, stdout, stderr) = run(&["report", text(&file), &format!("--tornado-width={width}")]);
        assert_eq!((code, stdout.as_str()), (Some(2), ""), "{width}: {stderr}");
        assert!(stderr.contains("--tornado-width"), "{stderr}");
    }
    assert!(report(&file, &["--tornado-width", "1"]).contains("±100%"));
}

/// Issue 13: the store's and the TOML reader's refusals reach a French user in French.
#[test]
fn refusals_are_said_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("absent.toml");
    let output = roi().args(["check", "--lang", "fr"]).arg(&missing).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("absent.toml: lecture impossible : introuvable"), "{stderr}");
    let broken = write(dir.path(), "broken.toml", "schema = 1\nname = \"x\n");
    let output = roi().args(["check", "--lang", "fr"]).arg(&broken).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("broken.toml:2:10: texte entre guillemets non fermé ou invalide ; attendu"),
        "{stdout}"
    );
    let output =
        roi().args(["check", "--lang", "fr"]).arg(write(dir.path(), "ok.toml", EXAMPLE)).output().unwrap();
    assert!(String::from_utf8_lossy(&output.stderr).contains("1 fichier de projet valide"));
}

/// A command line clap refuses is refused in the UI's language too, and its help is in it:
/// `--lang` read first, or the environment's.
#[test]
fn a_refused_command_line_speaks_the_language_asked() {
    let (code, out, err) = run(&["report", "x.toml", "--lang", "fr", "--tornado-width", "abc"]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(err.starts_with("erreur : « abc » n'est pas une valeur possible pour --tornado-width"), "{err}");
    let french =
        roi().env("LANG", "fr_FR.UTF-8").args(["report", "x.toml", "--formta", "md"]).output().unwrap();
    let err = String::from_utf8_lossy(&french.stderr);
    assert!(err.contains("option inconnue : --formta ; vouliez-vous dire --format ?"), "{err}");
    let (code, _, err) = run(&["report", "x.toml", "--formta", "md"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("unexpected argument '--formta'"), "{err}");
    let (code, help, _) = run(&["--lang", "fr", "table", "--help"]);
    assert_eq!(code, Some(0));
    assert!(help.contains("Utilisation : roi table") && help.contains("Le curseur des lignes"), "{help}");
    let (code, help, _) = run(&["table", "--help"]);
    assert_eq!(code, Some(0));
    assert!(help.contains("Usage: roi table") && help.contains("The driver of the rows"), "{help}");
}

/// `--lang` is global: before the command as after it.
#[test]
fn the_language_may_come_before_the_command() {
    let file = super::common::sample("tri-cv");
    let file = file.to_str().unwrap();
    let (code, _, err) = run(&["--lang", "fr", "check", file]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("fichier de projet valide"), "{err}");
    let (code, _, err) = run(&["check", file, "--lang", "en"]);
    assert_eq!(code, Some(0));
    assert!(err.contains("project file valid"), "{err}");
}
