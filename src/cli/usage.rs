//! Refusals of the command line itself — an unknown option or command, a value that cannot be
//! read, a missing argument — in the UI's language: clap writes them in English only, so in
//! French they are said again from the error's context.

use crate::i18n::Lang;
use clap::error::{ContextKind, ErrorKind};
use std::ffi::OsString;
use std::process::ExitCode;

/// The language asked on the command line (`--lang fr`, `--lang=en`), else the environment's:
/// what the command would have spoken had it been read.
pub fn lang_asked(args: &[OsString]) -> Lang {
    let text = |i: usize| args.get(i).and_then(|arg| arg.to_str());
    let value = (0..args.len()).find_map(|i| match text(i)?.strip_prefix("--lang") {
        Some("") => text(i + 1),
        Some(rest) => rest.strip_prefix('='),
        None => None,
    });
    value.and_then(|v| <Lang as clap::ValueEnum>::from_str(v, true).ok()).unwrap_or_else(Lang::detect)
}

/// Says why the command line was refused (or prints the help asked for) and the exit code.
pub fn refuse(error: &clap::Error, lang: Lang) -> ExitCode {
    let code = u8::try_from(error.exit_code()).unwrap_or(2);
    match french_refusal(error) {
        Some(sentence) if lang == Lang::Fr => crate::tell!("{sentence}"),
        _ => {
            let _ = error.print();
        }
    }
    ExitCode::from(code)
}

/// The refusal in French, `None` for help and version (clap prints them as asked).
fn french_refusal(error: &clap::Error) -> Option<String> {
    let context = |kind| error.get(kind).map(ToString::to_string).unwrap_or_default();
    let (arg, value) = (context(ContextKind::InvalidArg), context(ContextKind::InvalidValue));
    let suggestion =
        [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
            .into_iter()
            .find_map(|kind| error.get(kind))
            .map(|s| format!(" ; vouliez-vous dire {s} ?"))
            .unwrap_or_default();
    let sentence = match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            return None;
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = error.get(ContextKind::ValidValue).map(|v| format!(" ; valeurs possibles : {v}"));
            format!("« {value} » n'est pas une valeur possible pour {arg}{}", valid.unwrap_or_default())
        }
        ErrorKind::UnknownArgument => format!("option inconnue : {arg}{suggestion}"),
        ErrorKind::InvalidSubcommand => {
            format!("commande inconnue : {}{suggestion}", context(ContextKind::InvalidSubcommand))
        }
        ErrorKind::MissingRequiredArgument => format!("il manque : {arg}"),
        ErrorKind::ArgumentConflict if !arg.is_empty() => {
            format!("{arg} ne va pas avec {}", context(ContextKind::PriorArg))
        }
        _ => format!(
            "ligne de commande incorrecte{}",
            if arg.is_empty() { String::new() } else { format!(" : {arg}") }
        ),
    };
    Some(format!("erreur : {sentence}\nAide : roi --help, ou roi COMMANDE --help"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn refused(args: &[&str]) -> String {
        let error =
            crate::cli::Cli::try_parse_from(std::iter::once("roi").chain(args.iter().copied())).unwrap_err();
        french_refusal(&error).unwrap_or_default()
    }

    #[test]
    fn the_command_line_is_refused_in_french_with_what_to_do() {
        let value = refused(&["report", "a.toml", "--tornado-width", "abc"]);
        assert!(
            value.starts_with("erreur : « abc » n'est pas une valeur possible pour --tornado-width"),
            "{value}"
        );
        let choice = refused(&["report", "a.toml", "--format", "pdf"]);
        assert!(choice.contains("« pdf »") && choice.contains("valeurs possibles : md, "), "{choice}");
        let option = refused(&["report", "a.toml", "--formta", "md"]);
        assert!(option.contains("option inconnue : --formta ; vouliez-vous dire --format ?"), "{option}");
        let extra =
            refused(&["table", "a.toml", "b.toml", "--rows", "costs=1..2:1", "--cols", "ramp=1..2:1"]);
        assert!(extra.contains("b.toml"), "an argument too many is named: {extra}");
        let missing = refused(&["table", "a.toml"]);
        assert!(missing.contains("il manque : --rows"), "{missing}");
        assert!(value.ends_with("Aide : roi --help, ou roi COMMANDE --help"));
    }

    #[test]
    fn help_is_left_to_clap() {
        let error = crate::cli::Cli::try_parse_from(["roi", "--help"]).unwrap_err();
        assert_eq!(french_refusal(&error), None);
    }

    #[test]
    fn the_language_asked_is_read_before_the_command_line_is() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_asked(&args(&["roi", "--lang", "fr", "report"])), Lang::Fr);
        assert_eq!(lang_asked(&args(&["roi", "report", "--lang=en"])), Lang::En);
        assert_eq!(lang_asked(&args(&["roi", "--language", "fr"])), Lang::detect(), "not the flag");
    }
}
