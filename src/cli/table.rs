//! `roi table FILE --rows DRIVER=LOW..HIGH:STEP --cols DRIVER=LOW..HIGH:STEP --metric M`: a
//! two-way data table — the metric for every pair of values of two drivers, the others as in
//! the base (or a scenario), each cell the engine run with those two sliders set.

use super::report::scenario_drivers;
use crate::domain::drivers::Driver;
use crate::domain::whatif::{Axis, Metric, data_table};
use crate::i18n::Lang;
use crate::report::escape;
use crate::store;
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Csv,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project file.
    pub file: PathBuf,
    /// The driver of the rows and its values: `costs=0.8..1.2:0.1`.
    #[arg(long, value_parser = parse_axis)]
    pub rows: Axis,
    /// The driver of the columns and its values: `adoption=0.5..1:0.1`.
    #[arg(long, value_parser = parse_axis)]
    pub cols: Axis,
    /// npv, roi_adjusted_pct or break_even_month.
    #[arg(long, value_parser = parse_metric, default_value = "npv")]
    pub metric: Metric,
    /// A scenario of the file: its sliders are the base of the table.
    #[arg(long)]
    pub scenario: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
}

fn parse_metric(text: &str) -> Result<Metric, String> {
    text.parse()
}

/// `DRIVER=LOW..HIGH:STEP`, numbers with a `.` decimal point.
fn parse_axis(text: &str) -> Result<Axis, String> {
    let usage = || format!("`{text}`: write DRIVER=LOW..HIGH:STEP, e.g. costs=0.8..1.2:0.1");
    let (driver, range) = text.split_once('=').ok_or_else(usage)?;
    let driver = Driver::from_str(driver.trim())?;
    let (range, step) = range.split_once(':').ok_or_else(usage)?;
    let (low, high) = range.split_once("..").ok_or_else(usage)?;
    let number = |t: &str| Decimal::from_str(t.trim()).map_err(|_| usage());
    Axis::range(driver, number(low)?, number(high)?, number(step)?).ok_or_else(usage)
}

pub fn run(args: &Args, lang: Lang) -> ExitCode {
    let loaded = match store::load(&args.file) {
        Ok(loaded) => loaded,
        Err(error) => return super::fail_load(&error, lang),
    };
    let base = match scenario_drivers(&loaded.project, &args.file, args.scenario.as_deref(), lang) {
        Ok(drivers) => drivers,
        Err(code) => return code,
    };
    let cells = data_table(&loaded.project, &base, &args.rows, &args.cols, args.metric);
    let at_base = |axis: &Axis| {
        let value = crate::domain::sensitivity::current(&loaded.project, &base, axis.driver);
        axis.values.iter().position(|v| *v == value)
    };
    super::emit(
        match args.format {
            Format::Md => markdown(args, &cells, (at_base(&args.rows), at_base(&args.cols))),
            Format::Csv => csv(args, &cells),
            Format::Json => json(args, &cells),
        }
        .trim_end(),
    );
    ExitCode::SUCCESS
}

fn shown(value: Option<Decimal>) -> String {
    value.map_or_else(String::new, |v| crate::domain::money::round(v).to_string())
}

/// The table in Markdown, the base cell (both drivers at their base value) in bold.
fn markdown(args: &Args, cells: &[Vec<Option<Decimal>>], base: (Option<usize>, Option<usize>)) -> String {
    let corner = format!("{} \\ {}", args.rows.driver.key(), args.cols.driver.key());
    let mut out = format!("{}\n\n| {corner} |", args.metric.key());
    for col in &args.cols.values {
        out.push_str(&format!(" {col} |"));
    }
    out.push_str(&format!("\n|---|{}\n", "---:|".repeat(args.cols.values.len())));
    for (r, (row, line)) in args.rows.values.iter().zip(cells).enumerate() {
        out.push_str(&format!("| {row} |"));
        for (c, cell) in line.iter().enumerate() {
            let text = escape::markdown(&shown(*cell));
            let text = if base == (Some(r), Some(c)) { format!("**{text}**") } else { text };
            out.push_str(&format!(" {text} |"));
        }
        out.push('\n');
    }
    out
}

fn csv(args: &Args, cells: &[Vec<Option<Decimal>>]) -> String {
    let header: Vec<String> =
        std::iter::once(format!("{}\\{}", args.rows.driver.key(), args.cols.driver.key()))
            .chain(args.cols.values.iter().map(Decimal::to_string))
            .collect();
    let mut out = header.join(",") + "\n";
    for (row, line) in args.rows.values.iter().zip(cells) {
        let cells: Vec<String> =
            std::iter::once(row.to_string()).chain(line.iter().map(|c| shown(*c))).collect();
        out.push_str(&(cells.join(",") + "\n"));
    }
    out
}

fn json(args: &Args, cells: &[Vec<Option<Decimal>>]) -> String {
    let number = |v: &Decimal| crate::report::json::number_exact(*v);
    let value = serde_json::json!({
        "metric": args.metric.key(),
        "rows": { "driver": args.rows.driver.key(), "values": args.rows.values.iter().map(number).collect::<Vec<_>>() },
        "cols": { "driver": args.cols.driver.key(), "values": args.cols.values.iter().map(number).collect::<Vec<_>>() },
        "cells": cells.iter().map(|line| line.iter().map(|c| crate::report::json::optional(*c)).collect::<Vec<_>>()).collect::<Vec<_>>(),
    });
    crate::report::json::to_text(&value)
}
