//! `roi new FILE --name …`: a valid new project with the starter pack; never overwrites.

use super::EXIT_IO;
use crate::domain::project::{Department, Project};
use crate::store::save::create_project;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file to create (refused if it exists).
    pub file: PathBuf,
    /// The project's name.
    #[arg(long)]
    pub name: String,
    /// customer_service | software | marketing | hr | finance | operations | other
    #[arg(long, value_parser = parse_department)]
    pub department: Option<Department>,
}

fn parse_department(text: &str) -> Result<Department, String> {
    text.parse()
}

pub fn run(args: &Args, lang: crate::i18n::Lang) -> ExitCode {
    let project = Project::starter(&args.name, args.department);
    match create_project(&args.file, &project) {
        Ok(()) => {
            crate::tell!("{}: {}", args.file.display(), lang.t(crate::i18n::CliText::Created));
            ExitCode::SUCCESS
        }
        Err(error) => {
            crate::tell!("{}", crate::i18n::errors::save_error(lang, &error));
            ExitCode::from(EXIT_IO)
        }
    }
}
