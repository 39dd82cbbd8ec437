//! Monte Carlo, 10 000 draws over the largest sample (the most benefit, cost and KPI lines),
//! now with what drives the uncertainty and each input's EVPPI; beside it, on the same file,
//! the other what-if tools: the spider (10 sliders × 11 points) and a 21 × 21 data table.
//!
//! And the whole process, as a user runs it: `roi report --format json --simulate 10000` on
//! the largest sample and on the longest (48 months), each against its floor measured in the
//! same run — the same command without the simulation, which reads, checks and computes every
//! other figure. Printed before the timings: the medians, and what the draws add.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use roi_workbench::domain::Drivers;
use roi_workbench::domain::drivers::Driver;
use roi_workbench::domain::montecarlo::{Simulation, simulate};
use roi_workbench::domain::whatif::{Axis, Metric, data_table, spider};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// How steady the P50 of the NPV is from run to run (its standard deviation over 20 seeds), with
/// 500 draws, random and in a Latin hypercube: printed before the timings.
fn convergence(project: &roi_workbench::domain::Project) {
    use roi_workbench::domain::montecarlo::Sampling;
    use rust_decimal::prelude::ToPrimitive;
    let spread = |sampling| {
        let p50: Vec<f64> = (0..20)
            .map(|seed| {
                let simulation = Simulation { draws: 500, seed, sampling, ..Simulation::default() };
                simulate(project, &Drivers::default(), simulation, &|_| {}).npv.p50.to_f64().unwrap()
            })
            .collect();
        let mean = p50.iter().sum::<f64>() / p50.len() as f64;
        (p50.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (p50.len() - 1) as f64).sqrt()
    };
    let (random, lhs) = (spread(Sampling::Random), spread(Sampling::LatinHypercube));
    eprintln!(
        "P50 of the NPV with 500 draws, standard deviation over 20 seeds: random {random:.0}, Latin hypercube {lhs:.0} ({:.1}× steadier)",
        random / lhs
    );
}

fn montecarlo(c: &mut Criterion) {
    let project = common::largest_sample().project;
    convergence(&project);
    let mut group = c.benchmark_group("what-if, largest sample");
    group.sample_size(10);
    group.bench_function("monte carlo, 10 000 draws, with drivers and EVPPI", |b| {
        b.iter(|| simulate(&project, &Drivers::default(), Simulation::default(), &|_| {}))
    });
    group.bench_function("spider, exact (the report's)", |b| {
        b.iter(|| spider::<Decimal>(&project, &Drivers::default()))
    });
    group.bench_function("spider, f64 (the workbench's, at every slider step)", |b| {
        b.iter(|| spider::<f64>(&project, &Drivers::default()))
    });
    let rows = Axis::range(Driver::Costs, dec!(0.5), dec!(1.5), dec!(0.05)).unwrap();
    let cols = Axis::range(Driver::Adoption, dec!(0), dec!(1), dec!(0.05)).unwrap();
    assert_eq!((rows.values.len(), cols.values.len()), (21, 21));
    group.bench_function("data table 21 × 21, NPV", |b| {
        b.iter(|| data_table(&project, &Drivers::default(), &rows, &cols, Metric::Npv))
    });
    group.finish();
}

fn report(file: &std::path::Path, simulate: bool) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_roi"));
    command.args(["report", "--format", "json"]).arg(file);
    if simulate {
        command.args(["--simulate", "10000"]);
    }
    command.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null());
    command
}

/// The median wall time of `runs` runs of a command.
fn median(runs: usize, command: impl Fn() -> std::process::Command) -> std::time::Duration {
    let mut times: Vec<_> = (0..runs)
        .map(|_| {
            let started = std::time::Instant::now();
            assert!(command().status().unwrap().success());
            started.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn whole_process(c: &mut Criterion) {
    let longest = common::sample_dir().join("prevision-demande.toml");
    let files = [("largest sample", common::largest_sample_path()), ("48-month sample", longest)];
    let mut group = c.benchmark_group("whole process, roi report --format json");
    group.sample_size(20);
    for (name, file) in &files {
        let floor = median(31, || report(file, false));
        let simulated = median(31, || report(file, true));
        eprintln!(
            "{name}: --simulate 10000 {simulated:.1?} (floor, the same report without it: {floor:.1?}; the draws add {:.1?})",
            simulated.saturating_sub(floor)
        );
        group.bench_function(format!("{name}, floor (no simulation)"), |b| {
            b.iter(|| report(file, false).status().unwrap())
        });
        group.bench_function(format!("{name}, --simulate 10000"), |b| {
            b.iter(|| report(file, true).status().unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, montecarlo, whole_process);
criterion_main!(benches);
