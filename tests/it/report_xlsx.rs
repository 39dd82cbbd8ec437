//! `roi report --format xlsx`: the workbook's formulas, recalculated by LibreOffice, give the
//! engine's figures (`roi report --format json`) to the cent — every sample, both languages.
//!
//! Recalculation is proven, not assumed: the workbooks LibreOffice recalculates have every
//! cached formula result overwritten with a sentinel first, so a figure can only be right if
//! LibreOffice computed it from the formulas. A second LibreOffice profile that never
//! recalculates reads the untouched workbooks, which checks the cached results we write for
//! viewers that do not recalculate — and shows the sentinel in a tampered one, which checks
//! that the tampering really reaches what LibreOffice displays.
//!
//! Without LibreOffice the test is skipped and says so (see `common::external_tool`); CI sets
//! `ROI_REQUIRE_EXTERNAL_TOOLS=1`, so there it runs or fails.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use roi_workbench::domain::uncertainty::Confidence;
use roi_workbench::i18n::review::confidence_name;
use roi_workbench::i18n::{Lang, Text, XlsxText};
use serde_json::Value;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Written over every cached formula result of the workbooks LibreOffice must recalculate.
const SENTINEL: &str = "-987654.321";
/// Half a cent (the JSON is rounded to cents) plus room for binary floating point.
const CENT: f64 = 0.005 + 1e-6;
const LANGS: [Lang; 2] = [Lang::En, Lang::Fr];

// ------------------------------------------------------------------------------------------
// LibreOffice

/// The `soffice` to use, or `None` when the run asked to skip office tests.
fn office() -> Option<PathBuf> {
    super::common::external_tool(
        &["soffice"],
        "the xlsx workbook recalculated by LibreOffice",
        "apt-get install libreoffice-calc-nogui",
    )
}

/// When LibreOffice recalculates the formulas of an xlsx file it loads.
#[derive(Clone, Copy)]
enum Recalc {
    Always,
    Never,
}

/// A fresh LibreOffice profile of its own (so parallel runs never share one) with the
/// recalculation mode set, and an en-US locale so numbers are exported with a dot.
fn profile(dir: &Path, recalc: Recalc) -> String {
    let mode = match recalc {
        Recalc::Always => 0,
        Recalc::Never => 1,
    };
    let user = dir.join("user");
    std::fs::create_dir_all(&user).unwrap();
    let settings = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>{mode}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
</oor:items>
"#
    );
    std::fs::write(user.join("registrymodifications.xcu"), settings).unwrap();
    format!("-env:UserInstallation=file://{}", dir.display())
}

/// Converts every workbook to one CSV per sheet (`STEM-SHEET.csv` in `out`), raw values
/// rather than as displayed, in one LibreOffice start.
fn to_csv(soffice: &Path, profile_dir: &Path, recalc: Recalc, workbooks: &[PathBuf], out: &Path) {
    let output = Command::new(soffice)
        .arg(profile(profile_dir, recalc))
        .args(["--headless", "--norestore", "--convert-to"])
        .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
        .arg("--outdir")
        .arg(out)
        .args(workbooks)
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "soffice failed: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

// ------------------------------------------------------------------------------------------
// Workbooks

/// A copy of `from` with each worksheet's XML passed through `change`.
fn rewrite(from: &Path, to: &Path, mut change: impl FnMut(&str, String) -> String) {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut writer = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let name = entry.name().to_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name.starts_with("xl/worksheets/sheet") {
            bytes = change(&name, String::from_utf8(bytes).unwrap()).into_bytes();
        }
        writer.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        writer.write_all(&bytes).unwrap();
    }
    writer.finish().unwrap();
}

/// A copy of `from` with every cached formula result replaced by the sentinel; returns how
/// many were replaced.
fn tamper(from: &Path, to: &Path) -> usize {
    let mut replaced = 0;
    rewrite(from, to, |_, xml| {
        let (text, count) = replace_cached_results(&xml);
        replaced += count;
        text
    });
    replaced
}

/// A copy of a tampered workbook with input cells of the Assumptions sheet (the first) set
/// to new values, each found by its old value, which must be in exactly one cell.
fn edit_inputs(from: &Path, to: &Path, edits: &[(&str, &str)]) {
    rewrite(from, to, |name, mut xml| {
        if name == "xl/worksheets/sheet1.xml" {
            for (old, new) in edits {
                let (old, new) = (format!("<v>{old}</v>"), format!("<v>{new}</v>"));
                assert_eq!(xml.matches(&old).count(), 1, "input {old} must be in exactly one cell");
                xml = xml.replace(&old, &new);
            }
        }
        xml
    });
}

/// `<f>…</f><v>cached</v>` → `<f>…</f><v>SENTINEL</v>`.
fn replace_cached_results(xml: &str) -> (String, usize) {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    let mut count = 0;
    while let Some(at) = rest.find("</f><v>") {
        let value_start = at + "</f><v>".len();
        let value_end = value_start + rest[value_start..].find("</v>").unwrap();
        out.push_str(&rest[..value_start]);
        out.push_str(SENTINEL);
        rest = &rest[value_end..];
        count += 1;
    }
    out.push_str(rest);
    (out, count)
}

fn roi(args: &[&str]) -> std::process::Output {
    super::common::roi_command().args(args).output().unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/{name}.toml"))
}

fn project_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("sample-data"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    // The example of DOMAIN.md, every default and override of the formulas, and a TCO of 0.
    files.extend(["domain-example", "xlsx-edge-cases", "xlsx-no-costs"].map(fixture));
    files
}

/// One project in one language: the workbook's name and the engine's figures.
struct Case {
    name: String,
    lang: Lang,
    json: Value,
}

fn write_workbook(file: &Path, lang: Lang, path: &Path) {
    let output = roi(&[
        "report",
        file.to_str().unwrap(),
        "--format",
        "xlsx",
        "--lang",
        lang.code(),
        "--output",
        path.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}: {}", file.display(), String::from_utf8_lossy(&output.stderr));
}

fn engine_figures(file: &Path) -> Value {
    let output = roi(&["report", file.to_str().unwrap(), "--format", "json"]);
    assert!(output.status.success(), "{}: {}", file.display(), String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

// ------------------------------------------------------------------------------------------
// Reading the sheets back

/// The rows of one sheet's CSV, fields unquoted.
fn sheet(out: &Path, case: &Case, sheet: XlsxText) -> Vec<Vec<String>> {
    let path = out.join(format!("{}-{}.csv", case.name, case.lang.t(sheet)));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().map(split_csv_line).collect()
}

fn split_csv_line(line: &str) -> Vec<String> {
    let (mut fields, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// A cell as a number: `49.33%` is 0.4933; `None` for text ("—", "not reached").
fn number(cell: &str) -> Option<f64> {
    match cell.strip_suffix('%') {
        Some(percent) => percent.parse::<f64>().ok().map(|p| p / 100.0),
        None => cell.parse().ok(),
    }
}

fn assert_cent(what: &str, cell: &str, expected: &Value) {
    match (number(cell), expected.as_f64()) {
        (Some(actual), Some(expected)) => {
            assert!((actual - expected).abs() <= CENT, "{what}: spreadsheet {actual}, engine {expected}")
        }
        (None, None) => {}
        _ => panic!("{what}: spreadsheet {cell:?}, engine {expected}"),
    }
}

/// A cell in percent: the sheet holds a fraction shown as a percentage.
fn assert_percent(what: &str, cell: &str, expected: &Value) {
    let as_percent = number(cell).map_or(cell.to_owned(), |fraction| (fraction * 100.0).to_string());
    assert_cent(what, &as_percent, expected);
}

/// The Monthly, Summary figures of a workbook equal the engine's.
fn check(out: &Path, case: &Case) {
    let what = |figure: &str| format!("{} ({}): {figure}", case.name, case.lang.code());
    let monthly = sheet(out, case, XlsxText::SheetMonthly);
    let months = case.json["monthly"].as_array().unwrap();
    let rows: Vec<&Vec<String>> = monthly.iter().skip(4).collect();
    assert_eq!(rows.len(), months.len(), "{}", what("one row per month"));
    let keys = ["benefits_raw", "benefits_adjusted", "costs", "risk", "net", "cumulative_net"];
    for (row, month) in rows.iter().zip(months) {
        assert_eq!(row[0], month["month"].to_string(), "{}", what("month"));
        for (col, key) in (1..).zip(keys) {
            assert_cent(&what(&format!("{key} at month {}", row[0])), &row[col], &month[key]);
        }
    }
    // Parts add up to totals: each column of the sheet, summed, is the engine's total.
    let totals = &case.json["totals"];
    let column_sum = |col: usize| rows.iter().filter_map(|row| number(&row[col])).sum::<f64>();
    for (col, total) in [(1, "benefits_raw"), (2, "benefits_adjusted"), (3, "tco"), (4, "risk_provision")] {
        assert_cent(
            &what(&format!("sum of the {total} column")),
            &column_sum(col).to_string(),
            &totals[total],
        );
    }
    let last_cumulative = rows.last().map(|row| row[6].clone()).unwrap_or_default();
    assert_cent(
        &what("sum of the net column"),
        &column_sum(5).to_string(),
        &Value::from(number(&last_cumulative)),
    );

    let summary = sheet(out, case, XlsxText::SheetSummary);
    let checkpoints: Vec<&Vec<String>> =
        summary.iter().skip(4).take_while(|row| !row[0].is_empty()).collect();
    let at_month = case.json["at_month"].as_object().unwrap();
    assert_eq!(checkpoints.len(), at_month.len(), "{}", what("one row per checkpoint"));
    for row in checkpoints {
        let expected = &at_month[&row[0]];
        assert_percent(&what(&format!("ROI classic at {}", row[0])), &row[5], &expected["roi_classic_pct"]);
        assert_percent(&what(&format!("ROI adjusted at {}", row[0])), &row[6], &expected["roi_adjusted_pct"]);
    }
    let labelled = |label: &str| {
        summary.iter().find(|row| row[0] == label).unwrap_or_else(|| panic!("{}", what(label)))[1].clone()
    };
    assert_cent(&what("NPV"), &labelled(case.lang.t(Text::Npv)), &totals["npv"]);
    for (label, key) in [
        (XlsxText::BreakEvenMonth, "break_even_month"),
        (XlsxText::BreakEvenClassicMonth, "break_even_month_classic"),
    ] {
        let cell = labelled(case.lang.t(label));
        match totals[key].as_i64() {
            Some(month) => assert_eq!(cell, month.to_string(), "{}", what(key)),
            None => assert_eq!(cell, case.lang.t(Text::NotReached), "{}", what(key)),
        }
    }
}

/// The edge-case fixture's time-saving line on the Assumptions sheet: its inputs in cells
/// (the likely value of a range, before − after, the default reallocation), its source,
/// confidence and range.
fn check_assumptions(out: &Path, case: &Case) {
    let rows = sheet(out, case, XlsxText::SheetAssumptions);
    let line = rows.iter().find(|row| row[0] == "Temps avant / après").expect("the time-saving line");
    let expected = [
        (6, "350"),
        (7, "30.5"),
        (8, "42.5"),
        (9, "12"),
        (10, "47.3"),
        (11, "100%"),
        (23, "mesure POC, mars 2026"),
        (24, confidence_name(case.lang, Confidence::High)),
        (25, "volume_per_month 300 – 420"),
    ];
    for (col, value) in expected {
        assert_eq!(line[col], value, "{} ({}): column {col}", case.name, case.lang.code());
    }
    assert_cent("V of the time-saving line", &line[22], &Value::from(350.0 * 30.5 / 60.0 * 47.3));
}

/// A copy of the edge-case file with four inputs changed through `roi set`, the workbook of
/// the original with the same four cells changed, and the figures the engine gives for the
/// copy: if the formulas are live over the inputs, LibreOffice finds the same.
fn edited_inputs_case(dir: &Path, tampered: &Path) -> Case {
    let file = dir.join("edited.toml");
    std::fs::copy(fixture("xlsx-edge-cases"), &file).unwrap();
    let edits = [
        ("benefits[0].hourly_cost", "47.3", "60"),
        ("benefits[2].monthly_value", "910.1", "1000"),
        ("project.discount_rate", "0.075", "0.12"),
        ("risks[0].cost", "12000", "30000"),
    ];
    for (key, _, value) in edits {
        let output = roi(&["set", file.to_str().unwrap(), key, value]);
        assert!(output.status.success(), "{key}: {}", String::from_utf8_lossy(&output.stderr));
    }
    let cells: Vec<(&str, &str)> = edits.iter().map(|(_, old, new)| (*old, *new)).collect();
    edit_inputs(&tampered.join("xlsx-edge-cases-en.xlsx"), &tampered.join("edited-en.xlsx"), &cells);
    let json = engine_figures(&file);
    assert_ne!(json["totals"]["npv"], engine_figures(&fixture("xlsx-edge-cases"))["totals"]["npv"]);
    Case { name: "edited-en".into(), lang: Lang::En, json }
}

#[test]
fn libreoffice_recalculates_the_workbook_to_the_engines_figures() {
    let Some(soffice) = office() else { return };
    let dir = tempfile::tempdir().unwrap();
    let [written, tampered, recalculated, cached] =
        ["written", "tampered", "recalculated", "cached"].map(|name| dir.path().join(name));
    for folder in [&written, &tampered, &recalculated, &cached] {
        std::fs::create_dir(folder).unwrap();
    }
    let mut cases = Vec::new();
    for file in project_files() {
        let json = engine_figures(&file);
        let stem = file.file_stem().unwrap().to_str().unwrap().to_owned();
        for lang in LANGS {
            let name = format!("{stem}-{}", lang.code());
            let workbook = written.join(format!("{name}.xlsx"));
            write_workbook(&file, lang, &workbook);
            let replaced = tamper(&workbook, &tampered.join(format!("{name}.xlsx")));
            assert!(replaced > 6 * 13, "{name}: only {replaced} cached results found to overwrite");
            cases.push(Case { name, lang, json: json.clone() });
        }
    }
    let edited = edited_inputs_case(dir.path(), &tampered);
    // The never-recalculating profile also reads one tampered workbook under its own name.
    let probe = Case { name: "probe".into(), lang: cases[0].lang, json: Value::Null };
    std::fs::copy(tampered.join(format!("{}.xlsx", cases[0].name)), written.join("probe.xlsx")).unwrap();

    let listing = |folder: &Path| -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(folder).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        files
    };
    let (to_recalculate, to_read) = (listing(&tampered), listing(&written));
    let profiles = [dir.path().join("profile-always"), dir.path().join("profile-never")];
    std::thread::scope(|scope| {
        scope.spawn(|| to_csv(&soffice, &profiles[0], Recalc::Always, &to_recalculate, &recalculated));
        scope.spawn(|| to_csv(&soffice, &profiles[1], Recalc::Never, &to_read, &cached));
    });

    for case in &cases {
        check(&recalculated, case);
        check(&cached, case);
        if case.name.starts_with("xlsx-edge-cases") {
            check_assumptions(&recalculated, case);
        }
    }
    check(&recalculated, &edited);
    let probe_rows = sheet(&cached, &probe, XlsxText::SheetMonthly);
    assert_eq!(
        number(&probe_rows[4][6]),
        number(SENTINEL),
        "a tampered workbook read without recalculation must show the sentinel, or the test proves nothing"
    );
}

#[test]
fn xlsx_is_never_written_to_stdout() {
    let file = project_files().remove(0);
    let output = roi(&["report", file.to_str().unwrap(), "--format", "xlsx"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("--output"), "{error}");
    let dash = roi(&["report", file.to_str().unwrap(), "--format", "xlsx", "--output", "-"]);
    assert_eq!(dash.status.code(), Some(2));
    assert!(dash.stdout.is_empty());
}

#[test]
fn xlsx_refuses_a_scenario_or_a_simulation_rather_than_ignoring_it() {
    let file = project_files().remove(0);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.xlsx");
    for extra in [["--scenario", "pessimiste"], ["--simulate", "100"]] {
        let mut args =
            vec!["report", file.to_str().unwrap(), "--format", "xlsx", "-o", out.to_str().unwrap()];
        args.extend(extra);
        let output = roi(&args);
        assert_eq!(output.status.code(), Some(2), "{extra:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains(extra[0]), "{extra:?}");
        assert!(!out.exists());
    }
}

#[test]
fn output_writes_a_text_report_to_a_file_exactly_as_stdout() {
    let file = project_files().remove(0);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    let to_file =
        roi(&["report", file.to_str().unwrap(), "--format", "json", "--output", out.to_str().unwrap()]);
    assert!(to_file.status.success());
    assert!(to_file.stdout.is_empty());
    let to_stdout = roi(&["report", file.to_str().unwrap(), "--format", "json"]);
    assert_eq!(std::fs::read(&out).unwrap(), to_stdout.stdout);
}

#[test]
fn an_unwritable_output_is_exit_three_naming_the_file() {
    let file = project_files().remove(0);
    let out = Path::new("/nonexistent-folder/out.xlsx");
    let output =
        roi(&["report", file.to_str().unwrap(), "--format", "xlsx", "--output", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent-folder/out.xlsx"));
}

#[test]
fn a_report_never_overwrites_its_project_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("project.toml");
    std::fs::copy(fixture("xlsx-no-costs"), &file).unwrap();
    let before = std::fs::read(&file).unwrap();
    for format in ["xlsx", "md"] {
        let output =
            roi(&["report", file.to_str().unwrap(), "--format", format, "-o", file.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{format}");
        assert_eq!(std::fs::read(&file).unwrap(), before, "{format}");
    }
}
