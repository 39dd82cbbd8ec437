//! The inputs the fuzz target found (minimised) and the reported crashes, replayed through the
//! same path as `cargo fuzz run load_and_report` (see README, "Fuzzing"): no panic, every
//! format rendered, saved and read back to the same project.

use std::path::Path;

#[test]
fn every_input_of_the_regression_corpus_passes() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut inputs: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().path()).collect();
    inputs.sort();
    assert!(inputs.len() >= 6, "the corpus is in the repository");
    for input in inputs {
        let bytes = std::fs::read(&input).unwrap();
        let replayed = std::panic::catch_unwind(|| roi_workbench::fuzzing::load_compute_render(&bytes));
        assert!(replayed.is_ok(), "{} panics again", input.display());
    }
}

/// Values that once broke an edit, or could: empty, negative, past `Decimal`'s range, a
/// hair above zero, not numbers, control characters.
const HOSTILE: [&str; 12] = [
    "",
    "-1",
    "1e28",
    "79228162514264337593543950335",
    "0,0000000000000000000000000001",
    "1.234",
    "abc",
    "2026-1",
    "\u{1b}[2J",
    "100 %",
    "5-1",
    "1e-28",
];

/// Every hostile value at one path of one sample, in two runs of edits (a run takes eight).
fn edited_with_hostile_values(sample: u8, path: u16) {
    for half in HOSTILE.chunks(6) {
        let edits: Vec<(u16, &str)> = half.iter().map(|value| (path, *value)).collect();
        roi_workbench::fuzzing::edit_compute_render(sample, &edits);
    }
}

/// A short sweep for every `cargo test`: 24 (sample, path) pairs spread over every sample and
/// every path by a fixed stride, a different spread than the full sweep's order.
#[test]
fn samples_edited_at_spread_paths_with_hostile_values_pass() {
    let paths = roi_workbench::fuzzing::edit_path_count();
    for i in 0..24usize {
        let path = u16::try_from(i * 37 % paths).unwrap();
        edited_with_hostile_values(u8::try_from(i % 6).unwrap(), path);
    }
}

/// The full sweep: every sample at every path, one test a sample so that they share the
/// cores (`.ci/run` runs them: `cargo test --test it -- --ignored`).
macro_rules! full_sweep {
    ($($name:ident: $sample:expr),+) => {$(
        #[test]
        #[ignore = "the full sweep, run by .ci/run"]
        fn $name() {
            let paths = u16::try_from(roi_workbench::fuzzing::edit_path_count()).unwrap();
            for path in 0..paths {
                edited_with_hostile_values($sample, path);
            }
        }
    )+};
}

full_sweep!(
    every_path_of_the_first_sample_with_hostile_values: 0,
    every_path_of_the_second_sample_with_hostile_values: 1,
    every_path_of_the_third_sample_with_hostile_values: 2,
    every_path_of_the_fourth_sample_with_hostile_values: 3,
    every_path_of_the_fifth_sample_with_hostile_values: 4,
    every_path_of_the_sixth_sample_with_hostile_values: 5
);
