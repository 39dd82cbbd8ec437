//! `roi report FILE --format md|json|csv`: the figures of one project on stdout.

use crate::domain::{Drivers, Figures};
use crate::i18n::Lang;
use crate::{report, store};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Md,
    Json,
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project file.
    pub file: PathBuf,
    #[arg(long, short, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Apply a scenario saved in the file before computing.
    #[arg(long)]
    pub scenario: Option<String>,
}

pub fn run(args: &Args, lang: Lang) -> ExitCode {
    let loaded = match store::load(&args.file) {
        Ok(loaded) => loaded,
        Err(error) => return super::fail_load(&error),
    };
    let project = &loaded.project;
    let drivers = match &args.scenario {
        None => Drivers::default(),
        Some(name) => match project.scenarios.get(name) {
            Some(drivers) => *drivers,
            None => {
                let names: Vec<&str> = project.scenarios.keys().map(String::as_str).collect();
                eprintln!("{}: no scenario `{name}` (scenarios: {})", args.file.display(), names.join(", "));
                return ExitCode::from(2);
            }
        },
    };
    let figures = Figures::compute(project, &drivers);
    let text = match args.format {
        Format::Md => report::markdown::render(project, &figures, lang),
        Format::Json => report::json::render(project, &figures, lang),
        Format::Csv => report::csv::render(&figures),
    };
    println!("{}", text.trim_end());
    ExitCode::SUCCESS
}
