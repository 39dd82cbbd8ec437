//! Reports: what `roi report` costs in process for the largest sample and for a synthetic
//! 120-month project — the summary built as a document, then laid out as Markdown and HTML
//! (with its SVG charts), the JSON, and the xlsx workbook of formulas.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use roi_workbench::domain::sensitivity::{DEFAULT_WIDTH, tornado};
use roi_workbench::domain::{Drivers, Figures, Project};
use roi_workbench::i18n::Lang;
use roi_workbench::report::document::ChartData;
use roi_workbench::report::summary::{SummaryInput, executive_summary};
use roi_workbench::report::{html, json, markdown, xlsx};
use std::hint::black_box;

fn bench_project(c: &mut Criterion, name: &str, project: &Project) {
    let figures = Figures::compute(project, &Drivers::default());
    let bars = tornado(project, &Drivers::default(), DEFAULT_WIDTH);
    let spider = roi_workbench::domain::whatif::spider(project, &Drivers::default());
    let input = SummaryInput {
        project,
        figures: &figures,
        lang: Lang::Fr,
        tornado: &bars,
        tornado_width: DEFAULT_WIDTH,
        spider: &spider,
        monte_carlo: None,
        as_of: Some(12),
        scenario: None,
        drivers: Drivers::default(),
    };
    let charts = ChartData { project, figures: &figures, tornado: &bars, spider: &spider, monte_carlo: None };
    let mut group = c.benchmark_group(format!("report, {name}"));
    group.bench_function("summary document", |b| b.iter(|| executive_summary(black_box(&input))));
    group.bench_function("Markdown (document included)", |b| {
        b.iter(|| markdown::render(&executive_summary(black_box(&input))))
    });
    group.bench_function("HTML with charts (document included)", |b| {
        b.iter(|| html::render(&executive_summary(black_box(&input)), &charts))
    });
    group.bench_function("JSON", |b| {
        b.iter(|| json::report_with(project, &figures, Lang::Fr, (&bars, &[]), None))
    });
    group.bench_function("xlsx workbook bytes", |b| {
        b.iter(|| xlsx::render(project, &figures, Lang::Fr).unwrap())
    });
    group.finish();
}

fn reports(c: &mut Criterion) {
    let sample = common::largest_sample().project;
    bench_project(c, &format!("largest sample ({})", common::largest_sample_name()), &sample);
    bench_project(c, "synthetic 120 months", &common::big_project());
}

criterion_group!(benches, reports);
criterion_main!(benches);
