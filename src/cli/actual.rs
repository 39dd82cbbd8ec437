//! `roi actual FILE MONTH AMOUNT`: record the benefits measured from the start to the end of a
//! month (cumulative), set against the plan at the milestones. Same rules as `roi set`.

use crate::domain::Project;
use crate::i18n::Lang;
use crate::i18n::problem::record_error;
use crate::store::edit::parse_number;
use crate::store::save::modify_locked;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project file.
    pub file: PathBuf,
    /// Month since the project's start (1..=horizon).
    pub month: i64,
    /// Benefits measured from the start to that month, in the project's currency.
    #[arg(allow_hyphen_values = true)]
    pub benefits: String,
}

use super::set::Refused;

fn with_actual(project: &Project, month: i64, benefits: &str, lang: Lang) -> Result<Project, Refused> {
    let amount =
        parse_number(benefits, lang.convention()).map_err(|e| Refused(lang.typed_error(benefits, e)))?;
    project.with_actual(month, amount).map_err(|e| Refused(record_error(lang, &e)))
}

pub fn run(args: &Args, lang: Lang) -> ExitCode {
    let outcome = modify_locked(&args.file, |project| with_actual(project, args.month, &args.benefits, lang));
    super::set::report(&args.file, outcome, lang)
}
