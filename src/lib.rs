//! roi-workbench: decide which AI project to start, prove whether it pays, keep measuring it.
//!
//! - [`domain`]: the pure core — the project model, validation and the engine — in its own
//!   crate (`crates/roi-core`), which depends on no terminal, file or command-line crate.
//! - [`store`]: project files on disk — load with line/column errors, atomic save, folders.
//! - [`report`]: Markdown, JSON, CSV and xlsx renderings of computed figures.
//! - [`i18n`]: the French and English catalogues and number formats.
//! - [`cli`]: the `roi` subcommands.
//! - [`fuzzing`]: what the fuzz target asks of the program, replayed by the tests.

pub mod cli;
pub use roi_core as domain;
pub mod fuzzing;
pub mod i18n;
pub mod report;
pub mod store;
pub mod tui;
