//! Recompute: every figure of a project (what one keypress costs the engine).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use roi_workbench::domain::sensitivity::{DEFAULT_WIDTH, tornado};
use roi_workbench::domain::{Drivers, Figures};
use std::hint::black_box;

fn recompute(c: &mut Criterion) {
    let sample = common::largest_sample().project;
    let big = common::big_project();
    let drivers = Drivers { benefits: Some(rust_decimal::Decimal::new(9, 1)), ..Drivers::default() };
    c.bench_function("figures: largest sample", |b| {
        b.iter(|| Figures::compute(black_box(&sample), &drivers))
    });
    c.bench_function("figures: 120 months, 40 lines", |b| {
        b.iter(|| Figures::compute(black_box(&big), &drivers))
    });
    c.bench_function("tornado: largest sample", |b| {
        b.iter(|| tornado(black_box(&sample), &drivers, DEFAULT_WIDTH))
    });
}

criterion_group!(benches, recompute);
criterion_main!(benches);
