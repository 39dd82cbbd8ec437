//! `roi set FILE KEY VALUE`: change one value, validated like the file format, atomically,
//! under the write lock, keeping the file's comments and layout.

use super::{EXIT_INVALID, EXIT_IO};
use crate::domain::validate::FieldPath;
use crate::i18n::Lang;
use crate::store::edit::{EditError, set_value};
use crate::store::save::{ModifyError, modify_locked};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project file.
    pub file: PathBuf,
    /// A dotted path with 0-based indexes: `project.owner`, `costs[1].monthly`.
    pub key: String,
    /// The new value, typed as in the interface's language (`--lang`, `LANG`): `12,000.50`
    /// in English, `12 000,50` in French, `12,5 %`; `"Claire Martin"`; empty to remove.
    /// `costs[1].monthly.range` takes a range, `900-1200`. A negative value needs no `--`.
    #[arg(allow_hyphen_values = true)]
    pub value: String,
}

/// An edit refused, said in the interface's language.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Refused(pub String);

pub fn run(args: &Args, lang: Lang) -> ExitCode {
    let Some(path) = FieldPath::parse(&args.key) else {
        crate::tell!("{}", crate::i18n::cli_text::not_a_key_path(lang, &args.file, &args.key));
        return ExitCode::from(2);
    };
    let dropped = std::cell::Cell::new(false);
    let unknown_key = std::cell::Cell::new(false);
    let outcome = modify_locked(&args.file, |project| {
        let edited = set_value(project, &path, &args.value, lang.convention()).map_err(|error| {
            unknown_key.set(matches!(error, EditError::NoSuchPath(_)));
            Refused(lang.edit_error(&error))
        })?;
        dropped.set(edited.range_count() < project.range_count() && !args.key.ends_with(".range"));
        Ok::<_, Refused>(edited)
    });
    if outcome.is_ok() && dropped.get() {
        crate::tell!("{}: {}", args.file.display(), lang.t(crate::i18n::Text::RangeDropped));
    }
    if unknown_key.get() {
        // Like a malformed key: the command was asked for a value no file has. Usage, exit 2.
        if let Err(error) = &outcome {
            crate::tell!("{}: {error}", args.file.display());
        }
        return ExitCode::from(2);
    }
    report(&args.file, outcome, lang)
}

/// Prints the outcome of a headless write and turns it into an exit code.
pub fn report<E: std::error::Error>(
    file: &std::path::Path,
    outcome: Result<(), ModifyError<E>>,
    lang: Lang,
) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(ModifyError::Load(error)) => super::fail_load(&error, lang),
        Err(ModifyError::Refused(error)) => {
            crate::tell!("{}: {error}", file.display());
            ExitCode::from(EXIT_INVALID)
        }
        Err(ModifyError::Save(error)) => {
            crate::tell!("{}", crate::i18n::errors::save_error(lang, &error));
            ExitCode::from(EXIT_IO)
        }
    }
}
