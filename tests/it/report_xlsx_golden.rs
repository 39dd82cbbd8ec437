//! Golden files of the spreadsheet report: every cell of every sheet, its formula and the
//! result it carries, as text, so a change of a formula shows in review like a change of code.
//! Regenerate with `INSTA_UPDATE=always cargo test --test report_xlsx_golden` after an intended
//! change, and review the diff. (That LibreOffice recalculates these formulas to the engine's
//! figures is `tests/report_xlsx.rs`.)

use super::common;

use common::{report, sample};
use std::io::Read;
use std::path::Path;

fn workbook(file: &Path, lang: &str, out: &Path) {
    report(file, &["--format", "xlsx", "--lang", lang, "--output", out.to_str().unwrap()]);
}

fn entry(archive: &mut zip::ZipArchive<std::fs::File>, name: &str) -> String {
    let mut text = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

fn children<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> impl Iterator<Item = roxmltree::Node<'a, 'a>> {
    node.descendants().filter(move |n| n.has_tag_name(name))
}

/// The text of the shared strings, in order (`t="s"` cells point into it).
fn shared_strings(archive: &mut zip::ZipArchive<std::fs::File>) -> Vec<String> {
    if archive.by_name("xl/sharedStrings.xml").is_err() {
        return Vec::new();
    }
    let xml = entry(archive, "xl/sharedStrings.xml");
    let document = roxmltree::Document::parse(&xml).unwrap();
    children(document.root(), "si")
        .map(|si| children(si, "t").filter_map(|t| t.text()).collect::<String>())
        .collect()
}

/// One line per cell: `Sheet!A1 = formula → result` or `Sheet!A1: value`.
fn listing(path: &Path) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let strings = shared_strings(&mut archive);
    let workbook = entry(&mut archive, "xl/workbook.xml");
    let names: Vec<String> = children(roxmltree::Document::parse(&workbook).unwrap().root(), "sheet")
        .map(|sheet| sheet.attribute("name").unwrap().to_owned())
        .collect();
    let mut out = String::new();
    for (index, name) in names.iter().enumerate() {
        let xml = entry(&mut archive, &format!("xl/worksheets/sheet{}.xml", index + 1));
        let document = roxmltree::Document::parse(&xml).unwrap();
        for cell in children(document.root(), "c") {
            let reference = cell.attribute("r").unwrap();
            let value = children(cell, "v").find_map(|v| v.text()).unwrap_or_default();
            let value = match cell.attribute("t") {
                Some("s") => strings[value.parse::<usize>().unwrap()].clone(),
                _ => value.to_owned(),
            };
            match children(cell, "f").find_map(|f| f.text()) {
                Some(formula) => out.push_str(&format!("{name}!{reference} = {formula} → {value}\n")),
                None => out.push_str(&format!("{name}!{reference}: {value}\n")),
            }
        }
    }
    out
}

/// A sample's workbook, cell by cell, in one language: one test each.
fn golden_workbook(stem: &str, lang: &str) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(format!("{stem}-{lang}.xlsx"));
    workbook(&sample(stem), lang, &out);
    insta::assert_snapshot!(format!("{stem}_xlsx_{lang}"), listing(&out));
}

#[test]
fn invoices_workbook_in_french() {
    golden_workbook("factures-fournisseurs", "fr");
}

#[test]
fn invoices_workbook_in_english() {
    golden_workbook("factures-fournisseurs", "en");
}

#[test]
fn cv_workbook_in_french() {
    golden_workbook("tri-cv", "fr");
}

#[test]
fn cv_workbook_in_english() {
    golden_workbook("tri-cv", "en");
}
