//! `roi measure FILE KPI_KEY MONTH VALUE`: add or replace one measurement of a KPI, under the
//! same rules as `roi set`.

use crate::domain::Project;
use crate::i18n::Lang;
use crate::i18n::problem::record_error;
use crate::store::edit::parse_measure;
use crate::store::save::modify_locked;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project file.
    pub file: PathBuf,
    /// The KPI's key, e.g. adoption_rate.
    pub kpi: String,
    /// Month since the project's start (1..=horizon).
    pub month: i64,
    /// The measured value, in the KPI's unit (`22.5`, `22,5`; `81 %` is 81 for a KPI in %).
    #[arg(allow_hyphen_values = true)]
    pub value: String,
}

use super::set::Refused;

/// The project with the measurement added, or replacing that month's.
pub fn with_measurement(
    project: &Project,
    kpi: &str,
    month: i64,
    value: &str,
    lang: Lang,
) -> Result<Project, Refused> {
    let value = parse_measure(value, lang.convention()).map_err(|e| Refused(lang.typed_error(value, e)))?;
    project.with_measurement(kpi, month, value).map_err(|e| Refused(record_error(lang, &e)))
}

pub fn run(args: &Args, lang: Lang) -> ExitCode {
    let outcome = modify_locked(&args.file, |project| {
        with_measurement(project, &args.kpi, args.month, &args.value, lang)
    });
    super::set::report(&args.file, outcome, lang)
}
