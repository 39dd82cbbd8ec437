//! `roi set FILE KEY VALUE`: change one value, validated like the file format, atomically,
//! under the write lock, keeping the file's comments and layout.

use super::{EXIT_INVALID, EXIT_IO};
use crate::domain::validate::FieldPath;
use crate::store::edit::set_value;
use crate::store::save::{ModifyError, modify_locked};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project file.
    pub file: PathBuf,
    /// A dotted path with 0-based indexes: `project.owner`, `costs[1].monthly`.
    pub key: String,
    /// The new value, as in the file: `750`, `0.25`, `"Claire Martin"`; empty to remove.
    pub value: String,
}

pub fn run(args: &Args) -> ExitCode {
    let Some(path) = FieldPath::parse(&args.key) else {
        eprintln!(
            "{}: `{}` is not a key path — write it like project.owner or costs[1].monthly",
            args.file.display(),
            args.key
        );
        return ExitCode::from(2);
    };
    report(&args.file, modify_locked(&args.file, |project| set_value(project, &path, &args.value)))
}

/// Prints the outcome of a headless write and turns it into an exit code.
pub fn report<E: std::error::Error>(file: &std::path::Path, outcome: Result<(), ModifyError<E>>) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(ModifyError::Load(error)) => super::fail_load(&error),
        Err(ModifyError::Refused(error)) => {
            eprintln!("{}: {error}", file.display());
            ExitCode::from(EXIT_INVALID)
        }
        Err(ModifyError::Save(error)) => {
            eprintln!("{error}");
            ExitCode::from(EXIT_IO)
        }
    }
}
