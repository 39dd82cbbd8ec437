//! Issue 17: the spider and the two-way data table are the engine run with those drivers set,
//! as the sliders set them.

use roi_workbench::domain::drivers::{Driver, Drivers};
use roi_workbench::domain::engine::{Stress, compute_flows};
use roi_workbench::domain::whatif::{Axis, Metric, data_table, moved, spider, with};
use roi_workbench::store;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

#[test]
fn every_spider_point_is_the_engine_with_that_driver_moved() {
    let project = store::load(&super::common::sample("factures-fournisseurs")).unwrap().project;
    let base = Drivers::default();
    let lines = spider::<Decimal>(&project, &base);
    assert_eq!(lines.len(), Driver::ALL.len());
    let base_npv = compute_flows::<Decimal>(&project, &base, Stress::Off).npv;
    for line in &lines {
        assert_eq!(line.points.len(), 11);
        for point in &line.points {
            let drivers = with(&base, line.driver, moved(&project, &base, line.driver, point.change_pct));
            let flows = compute_flows::<Decimal>(&project, &drivers, Stress::Off);
            assert_eq!(point.npv, flows.npv, "{:?} {}", line.driver, point.change_pct);
            assert_eq!(point.roi_adjusted_pct, flows.at_horizon().roi_adjusted_pct());
        }
        let zero = line.points.iter().find(|p| p.change_pct == 0).unwrap();
        assert_eq!(zero.npv, base_npv, "the 0 % point is the base");
    }
    let costs = lines.iter().find(|l| l.driver == Driver::Costs).unwrap();
    assert!(costs.points.first().unwrap().npv > costs.points.last().unwrap().npv, "costs down, NPV up");
}

#[test]
fn every_cell_of_a_data_table_is_the_engine_with_both_drivers_set() {
    let project = store::load(&super::common::sample("tri-cv")).unwrap().project;
    let base = Drivers::default();
    let rows = Axis::range(Driver::Costs, dec!(0.8), dec!(1.2), dec!(0.1)).unwrap();
    let cols = Axis::range(Driver::DelayMonths, dec!(-2), dec!(4), dec!(2)).unwrap();
    assert_eq!((rows.values.len(), cols.values.len()), (5, 4));
    for metric in [Metric::Npv, Metric::RoiAdjusted, Metric::BreakEvenMonth] {
        let cells = data_table(&project, &base, &rows, &cols, metric);
        for (r, row) in rows.values.iter().enumerate() {
            for (c, col) in cols.values.iter().enumerate() {
                let drivers = with(&with(&base, Driver::Costs, *row), Driver::DelayMonths, *col);
                let flows = compute_flows::<Decimal>(&project, &drivers, Stress::Off);
                let expected = match metric {
                    Metric::Npv => Some(flows.npv),
                    Metric::RoiAdjusted => flows.at_horizon().roi_adjusted_pct().map(|p| p.value()),
                    Metric::BreakEvenMonth => flows.break_even_month.map(Decimal::from),
                };
                assert_eq!(cells[r][c], expected, "{metric:?} at {row}, {col}");
            }
        }
    }
}

#[test]
fn roi_table_and_the_json_spider_through_the_binary() {
    let file = super::common::sample("tri-cv");
    let output = super::common::roi_command()
        .args(["table"])
        .arg(&file)
        .args(["--rows", "costs=0.9..1.1:0.1", "--cols", "adoption=0.8..1:0.2", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let table: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(table["cells"].as_array().unwrap().len(), 3);
    let bad = super::common::roi_command()
        .args(["table"])
        .arg(&file)
        .args(["--rows", "costs=1.2..0.8:0.1", "--cols", "adoption=0.8..1:0.2"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2), "an empty range is a usage error");
    let refusal = String::from_utf8_lossy(&bad.stderr);
    assert!(
        refusal.contains("--rows `costs=1.2..0.8:0.1`") && refusal.contains("DRIVER=LOW..HIGH:STEP"),
        "{refusal}"
    );
    let french = super::common::roi_command()
        .args(["table", "--lang", "fr"])
        .arg(&file)
        .args([
            "--rows",
            "costs=0.9..1.1:0.1",
            "--cols",
            "delay_months=0..2:2",
            "--metric",
            "roi_adjusted_pct",
        ])
        .output()
        .unwrap();
    let markdown = String::from_utf8_lossy(&french.stdout);
    assert!(
        markdown.starts_with("ROI ajusté\n\n| Coûts ↓ · Retard (mois) → | +0 mois | +2 mois |"),
        "{markdown}"
    );
    assert!(markdown.contains("\n| ×1,00 | **"), "the base cell in bold: {markdown}");
    assert!(!markdown.contains("roi_adjusted_pct") && !markdown.contains("costs"), "no file key: {markdown}");
    let report = super::common::report(&file, &["--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    let spider = report["spider"].as_array().unwrap();
    assert_eq!(spider.len(), 10);
    let zero = &spider[0]["points"][5];
    assert_eq!(zero["change_pct"], 0);
    assert_eq!(zero["npv"], report["totals"]["npv"], "the 0 % point is the base");
}

/// Issues 22 and 23: `roi table` takes exactly the sliders' domains; outside them (or with
/// values that would overflow) it refuses with exit 2 and names the bound, never panics.
#[test]
fn roi_table_refuses_what_the_sliders_refuse() {
    let file = super::common::sample("tri-cv");
    let table = |rows: &str| {
        super::common::roi_command()
            .args(["table"])
            .arg(&file)
            .args(["--rows", rows, "--cols", "costs=0.9..1.1:0.1"])
            .output()
            .unwrap()
    };
    for (rows, says) in [
        ("adoption=0.5..2:0.5", "from 0 to 1"),
        ("costs=-1..1:0.5", "from 0 to 3"),
        ("delay_months=0..2:0.5", "whole months"),
        ("discount_rate=0..1e9:1e7", "from 0 to 1"),
        ("volume=1e27..7.9e28:1e27", "from 0 to 3"),
        ("volume=0..3:0.0000001", "at most 101 values"),
    ] {
        let output = table(rows);
        let refusal = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{rows}: {refusal}");
        assert!(refusal.contains(says), "{rows}: {refusal}");
    }
    assert_eq!(table("delay_months=-12..24:6").status.code(), Some(0));
}
