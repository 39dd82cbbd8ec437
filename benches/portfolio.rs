//! Opening a large folder: 200 project files scanned, validated and computed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use roi_workbench::tui::workspace::scan;

fn portfolio(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let samples =
        std::fs::read_dir(common::sample_path("")).unwrap().map(|e| e.unwrap().path()).collect::<Vec<_>>();
    for i in 0..200 {
        let source = &samples[i % samples.len()];
        std::fs::copy(source, dir.path().join(format!("projet-{i:03}.toml"))).unwrap();
    }
    let mut group = c.benchmark_group("portfolio");
    group.sample_size(10);
    group.bench_function("open a folder of 200 projects", |b| b.iter(|| scan(dir.path(), false)));
    group.finish();
}

criterion_group!(benches, portfolio);
criterion_main!(benches);
