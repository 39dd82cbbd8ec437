//! A project file as an attacker or a clumsy colleague would send it — any bytes, or a sample
//! edited with any values — loaded, and when the loader accepts it, computed and rendered in
//! every format and language, saved and read back. A panic, an abort or a hang is a finding;
//! see README, "Fuzzing".
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
enum Input<'a> {
    /// Any bytes as a file.
    Bytes(&'a [u8]),
    /// A sample with values set through the workbench's own editing path.
    Edited { sample: u8, edits: Vec<(u16, &'a str)> },
}

fuzz_target!(|input: Input| {
    match input {
        Input::Bytes(bytes) => roi_workbench::fuzzing::load_compute_render(bytes),
        Input::Edited { sample, edits } => roi_workbench::fuzzing::edit_compute_render(sample, &edits),
    }
});
