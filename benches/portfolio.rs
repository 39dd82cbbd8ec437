//! Opening a folder of project files, against `cat` reading the same files in the same run.
//!
//! The folders are generated here (`generate`): copies of the samples, each under its own
//! name, padded with review notes to about 6 KB, as a shared folder grows. For 1 000 and
//! 10 000 files, printed first: `roi portfolio DIR --format csv` on a first open (an empty
//! summary cache), a re-open (nothing changed), and a re-open after one file changed, each as
//! the median of a few runs and as a ratio to `cat` of the same files; and the peak memory of
//! a first open (from `/usr/bin/time`, where there is one). Then criterion times the same on
//! 1 000 files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// About the size of a real project file with its review notes.
const FILE_BYTES: usize = 6_000;

/// Writes `count` project files into `dir`: the samples in turn, each renamed and padded.
fn generate(dir: &Path, count: usize) {
    let samples: Vec<String> =
        common::sample_files().iter().map(|path| std::fs::read_to_string(path).unwrap()).collect();
    let note = "# Note de revue : hypothèse vérifiée avec le métier, à revoir au prochain trimestre.\n";
    for i in 0..count {
        let sample = &samples[i % samples.len()];
        let mut text = sample.replacen("name = \"", &format!("name = \"Projet {i:05} — "), 1);
        while text.len() < FILE_BYTES {
            text.push_str(note);
        }
        std::fs::write(dir.join(format!("projet-{i:05}.toml")), text).unwrap();
    }
}

fn roi(dir: &Path, cache: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_roi"));
    command.args(["portfolio", "--format", "csv"]).arg(dir).env("ROI_CACHE_DIR", cache);
    command.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null());
    command
}

fn cat(dir: &Path) -> Command {
    let mut command = Command::new("sh");
    command.args(["-c", "find \"$0\" -name '*.toml' -exec cat {} + > /dev/null"]).arg(dir);
    command
}

/// The median wall time of `runs` runs of `command`, `prepare` run untimed before each.
fn median(runs: usize, mut prepare: impl FnMut(), mut command: impl FnMut() -> Command) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            prepare();
            let mut command = command();
            let started = Instant::now();
            assert!(command.status().unwrap().success());
            started.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// A change to one file: a note appended, which changes its size and its time.
fn touch(dir: &Path, round: &mut usize) {
    *round += 1;
    let path = dir.join("projet-00042.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(&format!("# changed {round}\n"));
    std::fs::write(path, text).unwrap();
}

/// The peak resident memory of a first open, in megabytes, when `/usr/bin/time` can tell.
fn peak_memory(dir: &Path) -> Option<f64> {
    let cache = tempfile::tempdir().unwrap();
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(env!("CARGO_BIN_EXE_roi"))
        .args(["portfolio", "--format", "csv"])
        .arg(dir)
        .env("ROI_CACHE_DIR", cache.path())
        .stdout(std::process::Stdio::null())
        .output()
        .ok()?;
    let kilobytes: f64 = String::from_utf8_lossy(&output.stderr).trim().lines().last()?.parse().ok()?;
    Some(kilobytes / 1024.0)
}

/// How long the workbench's reading of a folder takes to give its first batch of rows (what
/// the Portfolio shows first), in process, with an empty cache.
fn first_rows(dir: &Path) -> Duration {
    use roi_workbench::store::portfolio::{ScanOptions, Scanned, scan_with};
    let cache = tempfile::tempdir().unwrap();
    let first = std::cell::Cell::new(None);
    let started = Instant::now();
    let batch = |_: &[Scanned], _: usize, _: usize| {
        if first.get().is_none() {
            first.set(Some(started.elapsed()));
        }
    };
    let options = ScanOptions {
        cache_dir: Some(cache.path()),
        progress: Some(&batch),
        ..ScanOptions::new(false, roi_workbench::i18n::Lang::Fr)
    };
    scan_with(dir, options).unwrap();
    first.get().unwrap()
}

fn report(count: usize) {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), count);
    let cache = tempfile::tempdir().unwrap();
    let clear = || {
        let _ = std::fs::remove_dir_all(cache.path());
    };
    let runs = 5;
    let floor = median(runs, || {}, || cat(dir.path()));
    let first = median(runs, clear, || roi(dir.path(), cache.path()));
    let again = median(runs, || {}, || roi(dir.path(), cache.path()));
    let mut round = 0;
    let changed = median(runs, || touch(dir.path(), &mut round), || roi(dir.path(), cache.path()));
    let ratio = |time: Duration| time.as_secs_f64() / floor.as_secs_f64();
    let memory = peak_memory(dir.path()).map_or_else(|| "unknown".to_owned(), |mb| format!("{mb:.0} MB"));
    eprintln!(
        "portfolio of {count} files (~6 KB each), median of {runs} runs; cat of the same files: {floor:.2?}"
    );
    eprintln!("  first open (empty cache): {first:.2?} = {:.1}× cat", ratio(first));
    eprintln!("  re-open, nothing changed: {again:.2?} = {:.2}× cat", ratio(again));
    eprintln!("  re-open, one file changed: {changed:.2?} = {:.2}× cat", ratio(changed));
    eprintln!("  peak memory of a first open: {memory}");
    eprintln!("  first rows in the workbench (first batch, empty cache): {:.1?}", first_rows(dir.path()));
}

fn portfolio(c: &mut Criterion) {
    for count in [1_000, 10_000] {
        report(count);
    }
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), 1_000);
    let cache = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("portfolio of 1 000 files");
    group.sample_size(10);
    group.bench_function("cat of the same files", |b| b.iter(|| cat(dir.path()).status().unwrap()));
    group.bench_function("roi portfolio, first open", |b| {
        b.iter_batched(
            || {
                let _ = std::fs::remove_dir_all(cache.path());
            },
            |()| roi(dir.path(), cache.path()).status().unwrap(),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("roi portfolio, re-open", |b| {
        b.iter(|| roi(dir.path(), cache.path()).status().unwrap())
    });
    group.finish();
}

criterion_group!(benches, portfolio);
criterion_main!(benches);
