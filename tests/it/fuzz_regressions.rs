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

#[test]
fn every_sample_edited_at_every_path_with_hostile_values_passes() {
    let values = [
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
    for sample in 0..6u8 {
        for path in 0..24u16 {
            let edits: Vec<(u16, &str)> = values.iter().map(|value| (path, *value)).collect();
            roi_workbench::fuzzing::edit_compute_render(sample, &edits);
        }
    }
}
