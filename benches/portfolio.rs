//! Opening a large folder: 200 project files scanned, validated and computed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use roi_workbench::tui::workspace;

const FILES: usize = 200;

fn portfolio(c: &mut Criterion) {
    // 200 copies of the samples, in turn, in a folder of their own.
    let dir = tempfile::tempdir().unwrap();
    let samples = common::sample_files();
    for i in 0..FILES {
        let source = &samples[i % samples.len()];
        std::fs::copy(source, dir.path().join(format!("projet-{i:03}.toml"))).unwrap();
    }
    assert_eq!(workspace::scan(dir.path(), false, roi_workbench::i18n::Lang::Fr).len(), FILES);
    let mut group = c.benchmark_group("portfolio");
    group.sample_size(10);
    group.bench_function("scan a folder of 200 project files", |b| {
        b.iter(|| workspace::scan(dir.path(), false, roi_workbench::i18n::Lang::Fr))
    });
    // `roi FOLDER`: the scan, then the best-ranked project loaded to show.
    group.bench_function("open a folder of 200 project files (workspace::open)", |b| {
        b.iter(|| {
            workspace::open(Some(dir.path()), roi_workbench::i18n::Lang::Fr)
                .unwrap_or_else(|e| panic!("{e:?}"))
        })
    });
    group.finish();
}

criterion_group!(benches, portfolio);
criterion_main!(benches);
