//! The `roi` binary: parse the command line and dispatch; nothing else.

use clap::Parser;
use roi_workbench::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang();
    match &cli.command {
        Some(command) => cli::run(command, lang),
        None => {
            eprintln!("the workbench is not built yet; try `roi --help`");
            ExitCode::from(2)
        }
    }
}
