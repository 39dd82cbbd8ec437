//! The portfolio table in Markdown, CSV and JSON (`roi portfolio`): one row per project file,
//! invalid files with their error, and the totals. Rows come sorted and computed from
//! `domain::portfolio`; nothing is recomputed or reordered here.

use super::csv::{cents, field};
use super::document::{Align, Table};
use super::json::{number, optional, to_text};
use crate::domain::matrix::Quadrant;
use crate::domain::money::AsDecimal;
use crate::domain::portfolio::{CurrencyTotal, PortfolioRow, PortfolioTotals};
use crate::i18n::review::{department_name, quadrant_short, status_name};
use crate::i18n::{Lang, Text};
use serde_json::{Value, json};
use std::fmt::Write;

/// The JSON document: `{"projects": [...], "totals": {...}}`; figures an invalid file does
/// not have (its name included) are `null`.
pub fn json(rows: &[PortfolioRow], totals: &PortfolioTotals) -> String {
    let projects: Vec<Value> = rows.iter().map(json_row).collect();
    to_text(&json!({ "projects": projects, "totals": json_totals(totals) }))
}

fn json_row(row: &PortfolioRow) -> Value {
    let valid = row.is_valid();
    json!({
        "file": row.file,
        "name": valid.then_some(&row.name),
        "department": valid.then(|| row.department.key()),
        "owner": row.owner,
        "status": valid.then(|| row.status.key()),
        "quadrant": row.quadrant.map(Quadrant::key),
        "roi_adjusted_pct_12": optional(row.roi_adjusted_pct_12),
        "roi_adjusted_pct_horizon": optional(row.roi_adjusted_pct_horizon),
        "currency": valid.then_some(&row.currency),
        "npv": optional(valid.then_some(row.npv)),
        "break_even_month": row.break_even_month,
        "robust": valid.then_some(row.robust),
        "kpis_off_track": valid.then_some(row.kpis_off_track),
        "modified": row.modified,
        "edited_by": row.edited_by,
        "error": row.error,
    })
}

fn json_totals(totals: &PortfolioTotals) -> Value {
    let quadrants: serde_json::Map<String, Value> = Quadrant::ALL
        .iter()
        .map(|q| (q.key().to_owned(), json!(totals.quadrants[*q as usize])))
        .chain(std::iter::once(("unscored".to_owned(), json!(totals.unscored))))
        .collect();
    let by_currency: Vec<Value> = totals
        .by_currency
        .iter()
        .map(|t| {
            json!({
                "currency": t.currency,
                "projects": t.projects,
                "investment_12": number(t.investment_12),
                "npv": number(t.npv),
            })
        })
        .collect();
    // One sum only when every project counts in the same currency: `null` rather than a
    // sum of euros and dollars.
    let single = totals.single_currency();
    json!({
        "investment_12": optional(single.map(|t| t.investment_12)),
        "npv": optional(single.map(|t| t.npv)),
        "by_currency": by_currency,
        "quadrants": quadrants,
        "invalid": totals.invalid,
    })
}

const CSV_HEADER: &str = "file,name,department,owner,status,quadrant,roi_adjusted_pct_12,roi_adjusted_pct_horizon,currency,npv,break_even_month,robust,kpis_off_track,modified,edited_by,error";

/// A plain decimal with a dot and 2 decimals; empty when undefined.
fn csv_decimal(value: Option<impl AsDecimal>) -> String {
    value.map_or_else(String::new, |value| cents(value.as_decimal()))
}

/// The header and one line per row, in the JSON's column order.
pub fn csv(rows: &[PortfolioRow]) -> String {
    let mut out = format!("{CSV_HEADER}\n");
    for row in rows {
        let cells: Vec<String> = csv_cells(row).iter().map(|cell| field(cell)).collect();
        let _ = writeln!(out, "{}", cells.join(","));
    }
    out
}

fn csv_cells(row: &PortfolioRow) -> [String; 16] {
    let valid = row.is_valid();
    let if_valid = |text: String| if valid { text } else { String::new() };
    [
        row.file.clone(),
        if_valid(row.name.clone()),
        if_valid(row.department.key().to_owned()),
        row.owner.clone().unwrap_or_default(),
        if_valid(row.status.key().to_owned()),
        row.quadrant.map_or("", Quadrant::key).to_owned(),
        csv_decimal(row.roi_adjusted_pct_12),
        csv_decimal(row.roi_adjusted_pct_horizon),
        if_valid(row.currency.clone()),
        csv_decimal(valid.then_some(row.npv)),
        row.break_even_month.map_or_else(String::new, |m| m.to_string()),
        if_valid(row.robust.to_string()),
        if_valid(row.kpis_off_track.to_string()),
        row.modified.clone().unwrap_or_default(),
        row.edited_by.clone().unwrap_or_default(),
        row.error.clone().unwrap_or_default(),
    ]
}

/// The table's columns and how each aligns.
const MD_COLUMNS: [(Text, Align); 15] = [
    (Text::File, Align::Left),
    (Text::Name, Align::Left),
    (Text::Department, Align::Left),
    (Text::Owner, Align::Left),
    (Text::Status, Align::Left),
    (Text::Quadrant, Align::Left),
    (Text::RoiAdjusted12, Align::Right),
    (Text::RoiAdjustedHorizon, Align::Right),
    (Text::Npv, Align::Right),
    (Text::BreakEven, Align::Right),
    (Text::StressShort, Align::Left),
    (Text::KpisOffTrack, Align::Right),
    (Text::Modified, Align::Left),
    (Text::EditedBy, Align::Left),
    (Text::Error, Align::Left),
];

fn md_valid_cells(row: &PortfolioRow, lang: Lang) -> Vec<String> {
    let verdict = lang.t(if row.robust { Text::Robust } else { Text::Fragile });
    vec![
        row.file.clone(),
        row.name.clone(),
        department_name(lang, row.department).to_owned(),
        row.owner.clone().unwrap_or_default(),
        status_name(lang, row.status).to_owned(),
        quadrant_short(lang, row.quadrant).to_owned(),
        lang.percent(row.roi_adjusted_pct_12),
        lang.percent(row.roi_adjusted_pct_horizon),
        lang.money_whole(row.npv, &row.currency),
        lang.month(row.break_even_month),
        verdict.to_owned(),
        row.kpis_off_track.to_string(),
        row.modified.clone().unwrap_or_default(),
        row.edited_by.clone().unwrap_or_default(),
        String::new(),
    ]
}

fn md_invalid_cells(row: &PortfolioRow) -> Vec<String> {
    let mut cells = vec![String::new(); MD_COLUMNS.len()];
    cells[0].clone_from(&row.file);
    cells[12] = row.modified.clone().unwrap_or_default();
    cells[13] = row.edited_by.clone().unwrap_or_default();
    cells[14] = row.error.clone().unwrap_or_default();
    cells
}

fn md_totals(totals: &PortfolioTotals, lang: Lang) -> String {
    let quadrants = Quadrant::ALL
        .iter()
        .map(|q| (quadrant_short(lang, Some(*q)), totals.quadrants[*q as usize]))
        .chain(std::iter::once((lang.t(Text::UnscoredShort), totals.unscored)))
        .map(|(name, count)| format!("{name} {count}"))
        .collect::<Vec<_>>()
        .join(" · ");
    let sums: Vec<String> = totals.by_currency.iter().map(|total| currency_line(total, lang)).collect();
    format!("{}\n\n{quadrants} · {} {}", sums.join("\n\n"), totals.invalid, lang.t(Text::InvalidFiles))
}

/// `Investissement 12 mois : 40 000 € · VAN : 12 000 €`, in the projects' own currency.
fn currency_line(total: &CurrencyTotal, lang: Lang) -> String {
    format!(
        "{}{}{} · {}{}{}",
        lang.t(Text::Investment12),
        lang.colon(),
        lang.money_whole(total.investment_12, &total.currency),
        lang.t(Text::Npv),
        lang.colon(),
        lang.money_whole(total.npv, &total.currency),
    )
}

/// A titled table with localized headers, one line per row, and the totals below.
pub fn markdown(rows: &[PortfolioRow], totals: &PortfolioTotals, lang: Lang) -> String {
    let table = Table {
        columns: MD_COLUMNS.iter().map(|(title, align)| (lang.t(*title).to_owned(), *align)).collect(),
        rows: rows
            .iter()
            .map(|row| match row.error {
                Some(_) => md_invalid_cells(row),
                None => md_valid_cells(row, lang),
            })
            .collect(),
    };
    format!(
        "# {}\n\n{}\n{}\n",
        lang.t(Text::Portfolio),
        super::markdown::table(&table),
        md_totals(totals, lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::{Amount, Percent};
    use rust_decimal_macros::dec;

    fn rows() -> Vec<PortfolioRow> {
        let valid = PortfolioRow {
            file: "a.toml".into(),
            name: "Tri | tickets, \"v2\"".into(),
            quadrant: Some(Quadrant::QuickWin),
            npv: Amount::new(dec!(1234.565)),
            roi_adjusted_pct_12: Some(Percent::new(dec!(-12.345))),
            investment_12: Amount::new(dec!(1000)),
            robust: true,
            currency: "EUR".into(),
            ..PortfolioRow::default()
        };
        vec![valid, PortfolioRow::invalid("b.toml".into(), "b.toml:4:10: out of range".into())]
    }

    #[test]
    fn csv_quotes_commas_and_quotes_and_writes_plain_decimals() {
        let csv = csv(&rows());
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].split(',').count(), 16);
        assert!(lines[1].starts_with(
            "a.toml,\"Tri | tickets, \"\"v2\"\"\",other,,idea,quick_win,-12.35,,EUR,1234.57,,true,0,"
        ));
        assert!(lines[2].starts_with("b.toml,,,,,,,,,,,,,,,b.toml:4:10"), "{}", lines[2]);
    }

    #[test]
    fn markdown_cells_never_break_the_table() {
        let rows = rows();
        let md = markdown(&rows, &PortfolioTotals::of(&rows), Lang::Fr);
        let table: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
        assert_eq!(table.len(), 4);
        let columns = |line: &str| line.replace("\\|", "").matches('|').count();
        assert!(table.iter().all(|line| columns(line) == 16), "{md}");
        assert!(table[0].contains("Fichier") && table[0].contains("ROI aj. 12 mois"), "{md}");
        assert!(table[2].contains("Tri \\| tickets") && table[2].contains("-12,3 %"), "{md}");
        assert!(md.contains("Investissement sur 12 mois : 1 000 €"), "{md}");
        assert!(md.contains("Gains rapides 1 · Stratégiques 0"), "{md}");
        assert!(md.contains("Non classés 0 · 1 fichier(s) invalide(s)"), "{md}");
    }

    #[test]
    fn json_gives_an_invalid_file_no_name_and_no_figures() {
        let rows = rows();
        let json: Value = serde_json::from_str(&json(&rows, &PortfolioTotals::of(&rows))).unwrap_or_default();
        let invalid = &json["projects"][1];
        assert_eq!((invalid["name"].is_null(), invalid["npv"].is_null()), (true, true));
        assert_eq!(json["projects"][0]["npv"], json!(1234.57));
        assert_eq!(json["totals"]["quadrants"]["quick_win"], 1);
        assert_eq!(json["totals"]["invalid"], 1);
    }
}
