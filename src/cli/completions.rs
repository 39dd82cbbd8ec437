//! `roi completions SHELL`: a completion script on stdout.

use clap::CommandFactory;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    pub shell: clap_complete::Shell,
}

pub fn run(args: &Args) -> ExitCode {
    let mut command = super::Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "roi", &mut script);
    super::emit(String::from_utf8_lossy(&script).trim_end());
    ExitCode::SUCCESS
}
