//! `roi table FILE --rows DRIVER=LOW..HIGH:STEP --cols DRIVER=LOW..HIGH:STEP --metric M`: a
//! two-way data table — the metric for every pair of values of two drivers, the others as in
//! the base (or a scenario), each cell the engine run with those two sliders set.

use super::report::scenario_drivers;
use crate::domain::drivers::Driver;
use crate::domain::money::{Amount, Percent};
use crate::domain::whatif::{Axis, Metric, data_table, outside_domain};
use crate::i18n::explain_text::figure_name;
use crate::i18n::review::{driver_name, driver_setting};
use crate::i18n::{DASH, Lang, cli_text};
use crate::report::escape;
use crate::store;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
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
    #[arg(long)]
    pub rows: String,
    /// The driver of the columns and its values: `adoption=0.5..1:0.1`.
    #[arg(long)]
    pub cols: String,
    /// npv, roi_adjusted_pct or break_even_month.
    #[arg(long, default_value = "npv")]
    pub metric: String,
    /// A scenario of the file: its sliders are the base of the table.
    #[arg(long)]
    pub scenario: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
}

/// What the table is asked for, read from the arguments.
struct Asked {
    rows: Axis,
    cols: Axis,
    metric: Metric,
}

/// `DRIVER=LOW..HIGH:STEP`, numbers with a `.` decimal point (like every number of a flag),
/// within what the driver's slider takes.
fn parse_axis(lang: Lang, flag: &str, text: &str) -> Result<Axis, String> {
    let unreadable = || cli_text::bad_axis(lang, flag, text);
    let (driver, range) = text.split_once('=').ok_or_else(unreadable)?;
    let driver = Driver::from_str(driver.trim()).map_err(|_| unreadable())?;
    let (range, step) = range.split_once(':').ok_or_else(unreadable)?;
    let (low, high) = range.split_once("..").ok_or_else(unreadable)?;
    let number = |t: &str| Decimal::from_str(t.trim()).map_err(|_| unreadable());
    let (low, high, step) = (number(low)?, number(high)?, number(step)?);
    if let Some(outside) = outside_domain(driver, low, high, step) {
        return Err(cli_text::axis_outside_domain(lang, flag, text, driver, outside));
    }
    Axis::range(driver, low, high, step).ok_or_else(unreadable)
}

/// The axes and the metric, or the refusal to print, in the UI's language.
fn asked(args: &Args, lang: Lang) -> Result<Asked, String> {
    let axis = |flag: &str, text: &str| parse_axis(lang, flag, text);
    Ok(Asked {
        rows: axis("--rows", &args.rows)?,
        cols: axis("--cols", &args.cols)?,
        metric: args.metric.parse().map_err(|_| cli_text::bad_metric(lang, &args.metric))?,
    })
}

pub fn run(args: &Args, lang: Lang) -> ExitCode {
    let asked = match asked(args, lang) {
        Ok(asked) => asked,
        Err(refusal) => {
            crate::tell!("{refusal}");
            return ExitCode::from(2);
        }
    };
    let loaded = match store::load(&args.file) {
        Ok(loaded) => loaded,
        Err(error) => return super::fail_load(&error, lang),
    };
    let base = match scenario_drivers(&loaded.project, &args.file, args.scenario.as_deref(), lang) {
        Ok(drivers) => drivers,
        Err(code) => return code,
    };
    let cells = data_table(&loaded.project, &base, &asked.rows, &asked.cols, asked.metric);
    let at_base = |axis: &Axis| {
        let value = crate::domain::sensitivity::current(&loaded.project, &base, axis.driver);
        axis.values.iter().position(|v| *v == value)
    };
    let base = (at_base(&asked.rows), at_base(&asked.cols));
    let currency = loaded.project.project.currency();
    super::emit(
        match args.format {
            Format::Md => markdown(&asked, &cells, base, (lang, currency)),
            Format::Csv => csv(&asked, &cells),
            Format::Json => json(&asked, &cells),
        }
        .trim_end(),
    );
    ExitCode::SUCCESS
}

fn shown(value: Option<Decimal>) -> String {
    value.map_or_else(String::new, |v| crate::domain::money::round(v).to_string())
}

/// A cell as the UI's language writes its figure: money, a percentage, a month.
fn cell_text(lang: Lang, currency: &str, metric: Metric, value: Option<Decimal>) -> String {
    match (metric, value) {
        (Metric::Npv, Some(v)) => lang.money(Amount::new(v), currency),
        (Metric::RoiAdjusted, value) => lang.percent(value.map(Percent::new)),
        (Metric::BreakEvenMonth, value) => lang.month(value.and_then(|v| v.to_i64())),
        (Metric::Npv, None) => DASH.to_owned(),
    }
}

/// The table in Markdown in the UI's language — the figure and both sliders named, values as
/// the sliders show them — the base cell (both sliders at their base value) in bold.
fn markdown(
    asked: &Asked,
    cells: &[Vec<Option<Decimal>>],
    base: (Option<usize>, Option<usize>),
    (lang, currency): (Lang, &str),
) -> String {
    let (rows, cols) = (asked.rows.driver, asked.cols.driver);
    let figure = figure_name(lang, asked.metric.key());
    let mut title = figure.chars();
    let title: String =
        title.next().map(|first| first.to_uppercase().chain(title).collect()).unwrap_or_default();
    let corner = format!("{} ↓ · {} →", driver_name(lang, rows), driver_name(lang, cols));
    let mut out = format!("{}\n\n| {} |", escape::markdown(&title), escape::markdown(&corner));
    for col in &asked.cols.values {
        out.push_str(&format!(" {} |", escape::markdown(&driver_setting(lang, cols, *col))));
    }
    out.push_str(&format!("\n|---|{}\n", "---:|".repeat(asked.cols.values.len())));
    for (r, (row, line)) in asked.rows.values.iter().zip(cells).enumerate() {
        out.push_str(&format!("| {} |", escape::markdown(&driver_setting(lang, rows, *row))));
        for (c, cell) in line.iter().enumerate() {
            let text = escape::markdown(&cell_text(lang, currency, asked.metric, *cell));
            let text = if base == (Some(r), Some(c)) { format!("**{text}**") } else { text };
            out.push_str(&format!(" {text} |"));
        }
        out.push('\n');
    }
    out
}

/// The table for a spreadsheet or a program: the file format's keys and plain numbers.
fn csv(asked: &Asked, cells: &[Vec<Option<Decimal>>]) -> String {
    let header: Vec<String> =
        std::iter::once(format!("{}\\{}", asked.rows.driver.key(), asked.cols.driver.key()))
            .chain(asked.cols.values.iter().map(Decimal::to_string))
            .collect();
    let mut out = header.join(",") + "\n";
    for (row, line) in asked.rows.values.iter().zip(cells) {
        let cells: Vec<String> =
            std::iter::once(row.to_string()).chain(line.iter().map(|c| shown(*c))).collect();
        out.push_str(&(cells.join(",") + "\n"));
    }
    out
}

fn json(asked: &Asked, cells: &[Vec<Option<Decimal>>]) -> String {
    let number = |v: &Decimal| crate::report::json::number_exact(*v);
    let value = serde_json::json!({
        "metric": asked.metric.key(),
        "rows": { "driver": asked.rows.driver.key(), "values": asked.rows.values.iter().map(number).collect::<Vec<_>>() },
        "cols": { "driver": asked.cols.driver.key(), "values": asked.cols.values.iter().map(number).collect::<Vec<_>>() },
        "cells": cells.iter().map(|line| line.iter().map(|c| crate::report::json::optional(*c)).collect::<Vec<_>>()).collect::<Vec<_>>(),
    });
    crate::report::json::to_text(&value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever is typed, reading an axis ends (no panic, no endless range) and what it
        /// reads stays between its ends, within the number of values an axis may have.
        #[test]
        fn any_axis_text_is_read_or_refused(
            driver in "(costs|adoption|delay_months|benefits|x)",
            low in "-?[0-9]{0,30}(\\.[0-9]{0,30})?",
            high in "-?[0-9]{0,30}(\\.[0-9]{0,30})?",
            step in "-?[0-9]{0,30}(\\.[0-9]{0,30})?",
        ) {
            if let Ok(axis) = parse_axis(Lang::En, "--rows", &format!("{driver}={low}..{high}:{step}")) {
                prop_assert!(!axis.values.is_empty() && axis.values.len() <= crate::domain::whatif::MAX_AXIS);
                let low = Decimal::from_str(&low).unwrap();
                let high = Decimal::from_str(&high).unwrap();
                prop_assert!(axis.values.iter().all(|v| (low..=high).contains(v)));
                // Issue 22: only what the driver's slider takes — its bounds, whole months.
                let (min, max) = axis.driver.bounds();
                prop_assert!(axis.values.iter().all(|v| (min..=max).contains(v)));
                if axis.driver == Driver::DelayMonths {
                    prop_assert!(axis.values.iter().all(|v| v.fract().is_zero()));
                }
            }
        }
    }

    #[test]
    fn an_axis_is_read_from_its_text() {
        let axis = parse_axis(Lang::En, "--rows", "costs = 0.8..1.2:0.2").unwrap();
        assert_eq!((axis.driver, axis.values.len()), (Driver::Costs, 3));
        for refused in
            ["costs", "costs=0.8..1.2", "nope=0..1:1", "costs=1..0:1", "costs=0..1:0", "costs=0..1000:1"]
        {
            assert!(parse_axis(Lang::En, "--rows", refused).is_err(), "{refused}");
        }
    }
}
