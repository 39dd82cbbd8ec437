//! The store's refusals and failures (reading, saving, locking, moving files) and the TOML
//! reader's syntax errors, said in the UI's language. The store's error types display the
//! English sentence from here, so each sentence is written once per language.

use super::Lang;
use crate::store::LoadError;
use crate::store::files::FileError;
use crate::store::lock::LockError;
use crate::store::save::SaveError;
use std::io::ErrorKind;
use std::path::Path;

/// Why the system refused, in a few words: the common kinds named, others as the system says.
pub fn io_reason(lang: Lang, error: &std::io::Error) -> String {
    let (fr, en) = match error.kind() {
        ErrorKind::NotFound => ("introuvable", "not found"),
        ErrorKind::PermissionDenied => ("accès refusé", "permission denied"),
        ErrorKind::ReadOnlyFilesystem => ("système de fichiers en lecture seule", "read-only file system"),
        ErrorKind::StorageFull => ("disque plein", "no space left on the disk"),
        ErrorKind::AlreadyExists => ("existe déjà", "already exists"),
        ErrorKind::IsADirectory => ("c'est un dossier", "is a folder"),
        ErrorKind::NotADirectory => ("n'est pas un dossier", "is not a folder"),
        ErrorKind::InvalidData => ("contenu illisible", "unreadable content"),
        _ => return error.to_string(),
    };
    pick(lang, fr, en).to_owned()
}

fn pick<'a>(lang: Lang, fr: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// One line per problem of a file that could not be used: `file:line:column: message — fix`.
pub fn load_error(lang: Lang, error: &LoadError) -> Vec<String> {
    match error {
        LoadError::Unreadable { path, source } => {
            let what = pick(lang, "lecture impossible", "cannot read the file");
            vec![format!("{}: {what}{}{}", path.display(), lang.colon(), io_reason(lang, source))]
        }
        LoadError::Invalid { path, diagnostics } => {
            diagnostics.iter().map(|d| format!("{}:{}", path.display(), d.said_in(lang))).collect()
        }
    }
}

pub fn save_error(lang: Lang, error: &SaveError) -> String {
    let at = |path: &Path, fr: &str, en: &str| format!("{}: {}", path.display(), pick(lang, fr, en));
    match error {
        SaveError::ReadOnly { path } => at(
            path,
            "en lecture seule pour vous (le fichier ou son dossier) — rien n'est écrit ; enregistrez une copie ailleurs",
            "read-only for you (the file or its folder) — not written; save a copy elsewhere",
        ),
        SaveError::Io { path, source } => format!(
            "{}{}{} — {}",
            at(path, "enregistrement impossible", "cannot save"),
            lang.colon(),
            io_reason(lang, source),
            pick(lang, "le fichier sur le disque est inchangé", "the file on disk is unchanged")
        ),
        SaveError::Render(error) => {
            let what =
                pick(lang, "impossible d'écrire le projet en TOML", "cannot write the project as TOML");
            format!("{what}{}{}", lang.colon(), error.0)
        }
        SaveError::Exists { path } => at(
            path,
            "existe déjà — choisissez un autre nom ou supprimez-le d'abord",
            "already exists — choose another name or remove it first",
        ),
        SaveError::Vanished { path } => at(
            path,
            "supprimé depuis son ouverture — pas réécrit sans vous demander",
            "deleted since it was opened — not written again without asking",
        ),
        SaveError::Conflict { path, .. } => at(
            path,
            "modifié sur le disque depuis son ouverture — pas écrasé",
            "changed on disk since it was opened — not overwritten",
        ),
        SaveError::Lock(error) => lock_error(lang, error),
        SaveError::NotAFile { path } => at(
            path,
            "n'est pas un fichier où écrire (un dossier, une socket, un périphérique bloc) — rien n'est écrit",
            "is not a file to write to (a folder, a socket, a block device) — nothing written",
        ),
    }
}

pub fn lock_error(lang: Lang, error: &LockError) -> String {
    match error {
        LockError::Unbreakable { path, lock, source } => match lang {
            Lang::Fr => format!(
                "{}: verrou abandonné impossible à retirer ({}{}{}) — rien n'est écrit ; faites supprimer {} par quelqu'un qui le peut",
                path.display(),
                lock.display(),
                lang.colon(),
                io_reason(lang, source),
                lock.display()
            ),
            Lang::En => format!(
                "{}: an abandoned lock cannot be removed ({}{}{}) — nothing written; have {} removed by someone who may",
                path.display(),
                lock.display(),
                lang.colon(),
                io_reason(lang, source),
                lock.display()
            ),
        },
        LockError::Busy { path, holder, waited } => match lang {
            Lang::Fr => format!(
                "{}: occupé — un autre rédacteur ({holder}) le tient depuis {} s ; réessayez dans un instant",
                path.display(),
                waited.as_secs()
            ),
            Lang::En => format!(
                "{}: busy — another writer ({holder}) has held it for {} s; try again in a moment",
                path.display(),
                waited.as_secs()
            ),
        },
        LockError::Io { path, source } => format!(
            "{}: {}{}{}",
            path.display(),
            pick(lang, "verrouillage pour écrire impossible", "cannot lock for writing"),
            lang.colon(),
            io_reason(lang, source)
        ),
    }
}

pub fn file_error(lang: Lang, error: &FileError) -> String {
    match error {
        FileError::Save(error) => save_error(lang, error),
        FileError::Load(error) => load_error(lang, error).join(" "),
        FileError::Exists(path) => format!(
            "{}: {}",
            path.display(),
            pick(lang, "existe déjà — choisissez un autre nom", "already exists — choose another name")
        ),
        FileError::BeingEdited { path, who } => match lang {
            Lang::Fr => {
                format!("{}: en cours de modification par {who} — attendez qu'il enregistre", path.display())
            }
            Lang::En => format!("{}: being edited by {who} — wait until they save", path.display()),
        },
        FileError::Io { path, source } => format!("{}: {}", path.display(), io_reason(lang, source)),
        FileError::ArchiveNotAFolder { path } => format!(
            "{}: {}",
            path.display(),
            pick(
                lang,
                "n'est pas un vrai dossier du dossier partagé (un lien ou un fichier) — rien n'est archivé ; renommez-le",
                "is not a real folder of the shared folder (a link or a file) — nothing archived; rename it"
            )
        ),
    }
}

/// A folder whose list of files cannot be read.
pub fn folder_unreadable(lang: Lang, folder: &Path, error: &std::io::Error) -> String {
    let what = pick(lang, "lecture du dossier impossible", "cannot read the folder");
    format!("{}: {what}{}{}", folder.display(), lang.colon(), io_reason(lang, error))
}

/// A syntax error of the TOML reader (`invalid basic string, expected `"``), in `lang`: the
/// reader's descriptions are a closed list, each put in French; one not in the list is quoted.
pub fn toml_syntax(lang: Lang, message: &str) -> String {
    if lang == Lang::En {
        return message.to_owned();
    }
    let (description, expected) = match message.split_once(", expected ") {
        Some((description, expected)) => (description, Some(expected)),
        None => (message, None),
    };
    let said = SYNTAX.iter().find(|(english, _)| *english == description).map_or_else(
        || format!("erreur de syntaxe TOML « {description} »"),
        |(_, french)| (*french).to_owned(),
    );
    match expected {
        Some("nothing") => format!("{said} ; rien n'est attendu ici"),
        Some(expected) => format!("{said} ; attendu : {}", expected.replace(" or ", " ou ")),
        None => said,
    }
}

/// The TOML reader's syntax descriptions, in French.
const SYNTAX: &[(&str, &str)] = &[
    ("invalid basic string", "texte entre guillemets non fermé ou invalide"),
    ("invalid multi-line basic string", "texte multiligne invalide"),
    ("invalid literal string", "texte entre apostrophes invalide"),
    ("invalid multi-line literal string", "texte multiligne entre apostrophes invalide"),
    ("invalid string", "texte invalide"),
    ("missing escaped value", "séquence d'échappement incomplète"),
    ("missing opening quote", "guillemet ouvrant manquant"),
    ("string values must be quoted", "un texte doit être entre guillemets"),
    ("key with no value", "clé sans valeur"),
    ("missing value", "valeur manquante"),
    ("missing value for key", "valeur manquante pour la clé"),
    ("unclosed table", "en-tête de table non fermé"),
    ("unclosed array table", "en-tête de tableau de tables non fermé"),
    ("unclosed array", "liste non fermée"),
    ("unclosed inline table", "table en ligne non fermée"),
    ("invalid table", "table invalide"),
    ("invalid key", "clé invalide"),
    ("invalid unquoted key", "clé sans guillemets invalide"),
    ("unquoted keys cannot be empty", "une clé sans guillemets ne peut pas être vide"),
    ("invalid key-value pair", "paire clé = valeur invalide"),
    ("missing assignment between key-value pairs", "signe = manquant"),
    ("extra assignment between key-value pairs", "signe = en trop"),
    ("missing comma between array elements", "virgule manquante entre les éléments de la liste"),
    ("missing comma between key-value pairs", "virgule manquante entre les paires clé = valeur"),
    ("extra comma in array", "virgule en trop dans la liste"),
    ("extra comma in inline table", "virgule en trop dans la table en ligne"),
    ("missing key for inline table element", "clé manquante dans la table en ligne"),
    ("invalid inline table element", "élément de table en ligne invalide"),
    ("invalid value", "valeur invalide"),
    ("invalid boolean", "booléen invalide (true ou false)"),
    ("invalid integer number", "nombre entier invalide"),
    ("invalid float", "nombre décimal invalide"),
    ("invalid fraction", "partie décimale invalide"),
    ("invalid exponent", "exposant invalide"),
    ("invalid mantissa", "mantisse invalide"),
    ("unexpected leading zero", "zéro en tête inattendu"),
    ("redundant numeric sign", "signe en double"),
    ("invalid date-time", "date invalide"),
    ("unexpected content", "contenu inattendu"),
    ("unexpected key or value", "clé ou valeur inattendue"),
    ("unexpected content between comment and newline", "contenu inattendu après le commentaire"),
    ("invalid comment character", "caractère interdit dans un commentaire"),
    ("carriage return must be followed by newline", "un retour chariot doit être suivi d'un saut de ligne"),
];

/// The English sentences the store's errors `Display` (logs, `?` in tests); a user reads them
/// in the UI's language through the functions above.
impl LoadError {
    pub fn in_english(&self) -> String {
        load_error(Lang::En, self).join("\n")
    }

    /// One line per problem, each `file:line:column: message — fix`, in `lang`.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        load_error(lang, self)
    }
}

impl LockError {
    pub fn in_english(&self) -> String {
        lock_error(Lang::En, self)
    }
}

impl FileError {
    pub fn in_english(&self) -> String {
        file_error(Lang::En, self)
    }
}

impl SaveError {
    pub fn in_english(&self) -> String {
        save_error(Lang::En, self)
    }
}

/// A folder's scan says an invalid file's first problem in the UI's language.
impl crate::store::portfolio::Describe for Lang {
    fn first_problem(self, error: &LoadError) -> String {
        load_error(self, error).into_iter().next().unwrap_or_default()
    }

    fn context(self) -> &'static str {
        self.code()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn a_syntax_error_reads_in_french_with_what_was_expected() {
        assert_eq!(
            toml_syntax(Lang::Fr, "invalid basic string, expected `\"`"),
            "texte entre guillemets non fermé ou invalide ; attendu : `\"`"
        );
        assert_eq!(
            toml_syntax(Lang::Fr, "invalid float, expected nothing"),
            "nombre décimal invalide ; rien n'est attendu ici"
        );
        assert_eq!(toml_syntax(Lang::Fr, "odd thing"), "erreur de syntaxe TOML « odd thing »");
        assert_eq!(
            toml_syntax(Lang::En, "key with no value, expected `=`"),
            "key with no value, expected `=`"
        );
    }

    #[test]
    fn a_save_refusal_names_the_file_in_either_language() {
        let error = SaveError::Vanished { path: PathBuf::from("a.toml") };
        assert_eq!(
            save_error(Lang::Fr, &error),
            "a.toml: supprimé depuis son ouverture — pas réécrit sans vous demander"
        );
        assert_eq!(
            error.to_string(),
            save_error(Lang::En, &error),
            "the error displays the English sentence"
        );
        let io = SaveError::Io {
            path: PathBuf::from("b.toml"),
            source: std::io::Error::from(ErrorKind::PermissionDenied),
        };
        assert_eq!(
            save_error(Lang::Fr, &io),
            "b.toml: enregistrement impossible : accès refusé — le fichier sur le disque est inchangé"
        );
    }
}
