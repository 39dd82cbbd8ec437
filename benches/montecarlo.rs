//! Monte Carlo: 10 000 draws over the largest sample (the most benefit, cost and KPI lines).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use roi_workbench::domain::Drivers;
use roi_workbench::domain::montecarlo::{Simulation, simulate};

fn montecarlo(c: &mut Criterion) {
    let project = common::largest_sample().project;
    let mut group = c.benchmark_group("monte carlo");
    group.sample_size(10);
    group.bench_function("10 000 draws, largest sample", |b| {
        b.iter(|| simulate(&project, &Drivers::default(), Simulation::default(), &|_| {}))
    });
    group.finish();
}

criterion_group!(benches, montecarlo);
criterion_main!(benches);
