//! `roi completions SHELL`: a completion script on stdout.

use clap::CommandFactory;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    pub shell: clap_complete::Shell,
}

pub fn run(args: &Args) -> ExitCode {
    let mut command = super::Cli::command();
    clap_complete::generate(args.shell, &mut command, "roi", &mut std::io::stdout());
    ExitCode::SUCCESS
}
