//! Every integration test in one binary (one link step instead of twenty): the modules below
//! are the test files, each reading as the spec of what it covers.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod architecture;
mod cli;
mod cli_commands;
mod cli_portfolio;
mod clock_skew;
mod common;
mod cut_numbers;
mod docs;
mod e2e_pty;
mod edit_sequences;
mod engine_cases;
mod explain;
mod file_format;
mod format_refusals;
mod fuzz_regressions;
mod hostile_input;
mod key_sequences;
mod planted;
mod properties;
mod report_figures;
mod report_golden;
mod report_html;
mod report_xlsx;
mod report_xlsx_golden;
mod schema_walk;
mod screen_words;
mod shared_folder;
mod summary_cache;
mod tui_flows;
mod tui_snapshots;
mod whatif;
mod worked_examples;
