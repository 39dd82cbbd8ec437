//! Recompute: every figure of a project, what one edit or slider step costs the engine.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use roi_workbench::domain::sensitivity::{DEFAULT_WIDTH, tornado};
use roi_workbench::domain::{Drivers, Figures};
use roi_workbench::i18n::Lang;
use roi_workbench::tui::app::App;
use std::hint::black_box;

fn recompute(c: &mut Criterion) {
    let loaded = common::largest_sample();
    let sample = loaded.project.clone();
    let name = common::largest_sample_name();
    let big = common::big_project();
    let mut group = c.benchmark_group("recompute");
    group.bench_function(format!("figures, largest sample ({name})"), |b| {
        b.iter(|| Figures::compute(black_box(&sample), &Drivers::default()))
    });
    group.bench_function("figures, synthetic 10 benefits 20 costs 10 risks 18 KPIs 120 months", |b| {
        b.iter(|| Figures::compute(black_box(&big), &Drivers::default()))
    });
    group.bench_function(format!("tornado, largest sample ({name})"), |b| {
        b.iter(|| tornado(black_box(&sample), &Drivers::default(), DEFAULT_WIDTH))
    });
    // What an edit recomputes in the workbench: the figures, the tornado, the what-if.
    let mut app = App::new(loaded, Vec::new(), Lang::Fr);
    group.bench_function(format!("App::recompute after an edit, largest sample ({name})"), |b| {
        b.iter(|| app.recompute())
    });
    app.project = big;
    group
        .bench_function("App::recompute after an edit, synthetic 120 months", |b| b.iter(|| app.recompute()));
    group.finish();

    // Every sample, to see which one is the heaviest to compute (the longest horizon may
    // cost more than the most lines).
    let mut group = c.benchmark_group("recompute, each sample");
    for path in common::sample_files() {
        let project = roi_workbench::store::load(&path).unwrap().project;
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        group.bench_function(format!("figures, {name}"), |b| {
            b.iter(|| Figures::compute(black_box(&project), &Drivers::default()))
        });
    }
    group.finish();
}

criterion_group!(benches, recompute);
criterion_main!(benches);
