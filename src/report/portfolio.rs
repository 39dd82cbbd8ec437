//! The portfolio table in Markdown, CSV and JSON (`roi portfolio`).

use super::json::{number, to_text};
use super::quadrant_name;
use crate::domain::matrix::Quadrant;
use crate::domain::money::round;
use crate::domain::portfolio::{PortfolioRow, PortfolioTotals};
use crate::i18n::{Lang, Text};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::fmt::Write;

fn optional(value: Option<Decimal>) -> Value {
    value.map_or(Value::Null, number)
}

pub fn json(rows: &[PortfolioRow], totals: &PortfolioTotals) -> String {
    let projects: Vec<Value> = rows
        .iter()
        .map(|row| {
            let valid = row.is_valid();
            json!({
                "file": row.file,
                "name": row.name,
                "department": valid.then(|| row.department.key()),
                "owner": row.owner,
                "status": valid.then(|| row.status.key()),
                "quadrant": row.quadrant.map(Quadrant::key),
                "roi_adjusted_pct_12": optional(row.roi_adjusted_pct_12),
                "roi_adjusted_pct_horizon": optional(row.roi_adjusted_pct_horizon),
                "npv": if valid { number(row.npv) } else { Value::Null },
                "break_even_month": row.break_even_month,
                "robust": valid.then_some(row.robust),
                "kpis_off_track": valid.then_some(row.kpis_off_track),
                "modified": row.modified,
                "edited_by": row.edited_by,
                "error": row.error,
            })
        })
        .collect();
    let quadrants: serde_json::Map<String, Value> = Quadrant::ALL
        .iter()
        .map(|q| (q.key().to_owned(), json!(totals.quadrants[*q as usize])))
        .chain(std::iter::once(("unscored".to_owned(), json!(totals.unscored))))
        .collect();
    to_text(&json!({
        "projects": projects,
        "totals": {
            "investment_12": number(totals.investment_12),
            "npv": number(totals.npv),
            "quadrants": quadrants,
            "invalid": totals.invalid,
        },
    }))
}

const CSV_HEADER: &str = "file,name,department,owner,status,quadrant,roi_adjusted_pct_12,roi_adjusted_pct_horizon,npv,break_even_month,robust,kpis_off_track,modified,edited_by,error";

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

pub fn csv(rows: &[PortfolioRow]) -> String {
    let mut out = format!("{CSV_HEADER}\n");
    let decimal = |v: Option<Decimal>| v.map_or_else(String::new, |v| format!("{:.2}", round(v)));
    for row in rows {
        let valid = row.is_valid();
        let cells = [
            csv_field(&row.file),
            csv_field(&row.name),
            if valid { row.department.key().to_owned() } else { String::new() },
            csv_field(row.owner.as_deref().unwrap_or("")),
            if valid { row.status.key().to_owned() } else { String::new() },
            row.quadrant.map_or("", Quadrant::key).to_owned(),
            decimal(row.roi_adjusted_pct_12),
            decimal(row.roi_adjusted_pct_horizon),
            decimal(valid.then_some(row.npv)),
            row.break_even_month.map_or_else(String::new, |m| m.to_string()),
            if valid { row.robust.to_string() } else { String::new() },
            if valid { row.kpis_off_track.to_string() } else { String::new() },
            row.modified.clone().unwrap_or_default(),
            csv_field(row.edited_by.as_deref().unwrap_or("")),
            csv_field(row.error.as_deref().unwrap_or("")),
        ];
        let _ = writeln!(out, "{}", cells.join(","));
    }
    out
}

pub fn markdown(rows: &[PortfolioRow], totals: &PortfolioTotals, lang: Lang, currency: &str) -> String {
    let t = |text| lang.t(text);
    let mut out = format!("# {}\n\n", t(Text::Portfolio));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} 12 | {} H | {} | {} | ×2/÷2 | KPI ✗ |\n|---|---|---|---|---|---:|---:|---:|---:|---|---:|",
        t(Text::Name),
        t(Text::Department),
        t(Text::Owner),
        t(Text::Status),
        t(Text::Quadrant),
        t(Text::RoiShort),
        t(Text::RoiShort),
        t(Text::Npv),
        t(Text::BreakEven)
    );
    for row in rows {
        match &row.error {
            Some(error) => {
                let _ = writeln!(out, "| {} | {error} | | | | | | | | | |", row.file);
            }
            None => {
                let verdict = t(if row.robust { Text::Robust } else { Text::Fragile });
                let edited = row.edited_by.as_ref().map_or_else(String::new, |who| format!(" ✎ {who}"));
                let _ = writeln!(
                    out,
                    "| {}{edited} | {} | {} | {} | {} | {} | {} | {} | {} | {verdict} | {} |",
                    row.name,
                    row.department,
                    row.owner.as_deref().unwrap_or("—"),
                    row.status,
                    quadrant_name(lang, row.quadrant).split(" — ").next().unwrap_or_default(),
                    lang.percent(row.roi_adjusted_pct_12),
                    lang.percent(row.roi_adjusted_pct_horizon),
                    lang.money_whole(row.npv, currency),
                    lang.month(row.break_even_month),
                    row.kpis_off_track,
                );
            }
        }
    }
    let quadrants: Vec<String> = Quadrant::ALL
        .iter()
        .map(|q| {
            format!(
                "{} {}",
                quadrant_name(lang, Some(*q)).split(" — ").next().unwrap_or_default(),
                totals.quadrants[*q as usize]
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "\n{}{}{} · {}{}{} · {} · {} {}",
        t(Text::Investment12),
        lang.colon(),
        lang.money_whole(totals.investment_12, currency),
        t(Text::Npv),
        lang.colon(),
        lang.money_whole(totals.npv, currency),
        quadrants.join(" · "),
        totals.invalid,
        t(Text::InvalidFiles),
    );
    out
}
