//! `roi actual FILE MONTH AMOUNT`: record the benefits measured from the start to the end of a
//! month (cumulative), set against the plan at the milestones. Same rules as `roi set`.

use crate::domain::Project;
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
    pub benefits: String,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Refused(String);

fn with_actual(project: &Project, month: i64, benefits: &str) -> Result<Project, Refused> {
    let amount = parse_number(benefits).ok_or_else(|| {
        Refused(format!("`{benefits}` is not an amount — write it like 21000 or 21 000,50"))
    })?;
    project.with_actual(month, amount).map_err(Refused)
}

pub fn run(args: &Args) -> ExitCode {
    let outcome = modify_locked(&args.file, |project| with_actual(project, args.month, &args.benefits));
    super::set::report(&args.file, outcome)
}
