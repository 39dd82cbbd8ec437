//! Creating, duplicating, renaming and archiving project files in a shared folder, under
//! the same rules as saving: nothing is ever overwritten, and a file being edited by someone
//! else is not moved under their feet.

use super::save::{SaveError, create_project, create_text};
use super::{LoadError, load, marker};
use crate::domain::Project;
use std::path::{Path, PathBuf};

/// The subfolder archived projects go to (not read by the portfolio unless recursive).
pub const ARCHIVE: &str = "archive";

#[derive(Debug, thiserror::Error)]
#[error("{}", self.in_english())]
pub enum FileError {
    Save(#[from] SaveError),
    Load(#[from] LoadError),
    Exists(PathBuf),
    BeingEdited {
        path: PathBuf,
        who: String,
    },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `archive` beside the project is not a real folder of this folder (a link, a file).
    ArchiveNotAFolder {
        path: PathBuf,
    },
}

/// A file name typed by the user, inside `folder`, with `.toml` added when missing.
pub fn file_in(folder: &Path, typed: &str) -> Option<PathBuf> {
    // No control or bidirectional character in a name others will list and type.
    let name = crate::domain::inert::without_controls(typed);
    let name = name.trim();
    if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
        return None;
    }
    let name = if name.ends_with(".toml") { name.to_owned() } else { format!("{name}.toml") };
    Some(folder.join(name))
}

pub fn create(path: &Path, project: &Project) -> Result<(), FileError> {
    Ok(create_project(path, project)?)
}

/// A copy of `from` at `to`: the same text, comments, key order and spelling of every
/// value, with only the project's name changed to "NAME (copy_word)". Never over a file.
pub fn duplicate(from: &Path, to: &Path, copy_word: &str) -> Result<(), FileError> {
    let loaded = load(from)?;
    let name = format!("{} ({copy_word})", loaded.project.project.name);
    let text = super::format::with_project_name(&loaded.text, &name)
        .map_err(|error| FileError::Save(SaveError::Render(error)))?;
    Ok(create_text(to, &text)?)
}

pub fn rename(from: &Path, to: &Path) -> Result<(), FileError> {
    refuse_if_edited(from)?;
    move_without_overwrite(from, to)
}

/// Moves the file into the folder's `archive/` subfolder.
pub fn archive(path: &Path) -> Result<PathBuf, FileError> {
    refuse_if_edited(path)?;
    let folder = path.parent().unwrap_or(Path::new("."));
    let archive = folder.join(ARCHIVE);
    match std::fs::symlink_metadata(&archive) {
        // Not a link to a folder elsewhere: the project would leave the shared folder.
        Ok(metadata) if !metadata.is_dir() => return Err(FileError::ArchiveNotAFolder { path: archive }),
        Ok(_) => {}
        Err(_) => {
            std::fs::create_dir(&archive).map_err(|source| FileError::Io { path: archive.clone(), source })?
        }
    }
    let target = archive.join(path.file_name().unwrap_or_default());
    move_without_overwrite(path, &target)?;
    Ok(target)
}

fn refuse_if_edited(path: &Path) -> Result<(), FileError> {
    match marker::editor_of(path) {
        Some(owner) => Err(FileError::BeingEdited { path: path.to_owned(), who: owner.who() }),
        None => Ok(()),
    }
}

/// A hard link then an unlink: the link fails if the target exists, so a file another
/// user created meanwhile is never replaced (a plain rename would replace it).
fn move_without_overwrite(from: &Path, to: &Path) -> Result<(), FileError> {
    match std::fs::hard_link(from, to) {
        Ok(()) => {
            std::fs::remove_file(from).map_err(|source| FileError::Io { path: from.to_owned(), source })
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(FileError::Exists(to.to_owned())),
        // Some network filesystems have no hard links: check, then rename.
        Err(_) if to.exists() => Err(FileError::Exists(to.to_owned())),
        Err(_) => std::fs::rename(from, to).map_err(|source| FileError::Io { path: from.to_owned(), source }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project_in(dir: &Path, name: &str) -> PathBuf {
        let path = dir.join(name);
        create(&path, &Project::named("P")).unwrap();
        path
    }

    #[test]
    fn rename_and_archive_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let a = project_in(dir.path(), "a.toml");
        let b = project_in(dir.path(), "b.toml");
        assert!(matches!(rename(&a, &b), Err(FileError::Exists(_))));
        rename(&a, &dir.path().join("c.toml")).unwrap();
        let archived = archive(&b).unwrap();
        assert!(archived.ends_with("archive/b.toml") && archived.exists() && !b.exists());
        let again = project_in(dir.path(), "b.toml");
        assert!(matches!(archive(&again), Err(FileError::Exists(_))));
    }

    #[test]
    fn duplicates_are_named_as_copies_and_names_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let a = project_in(dir.path(), "a.toml");
        let copy = file_in(dir.path(), "a-bis").unwrap();
        duplicate(&a, &copy, "copie").unwrap();
        assert_eq!(load(&copy).unwrap().project.project.name, "P (copie)");
        assert!(matches!(duplicate(&a, &copy, "copie"), Err(FileError::Save(SaveError::Exists { .. }))));
        assert_eq!(file_in(dir.path(), "../x"), None);
        assert_eq!(file_in(dir.path(), ""), None);
    }

    /// Issue 11: a copy is the file's own text, only the name changed (comments, key order
    /// and the spelling `0.10` kept).
    #[test]
    fn a_duplicate_copies_the_text_and_changes_only_the_name() {
        let dir = tempfile::tempdir().unwrap();
        let text = "# Mon projet\nschema = 1\n\n[project]\nname = \"Tri\"   # court\ndiscount_rate = 0.10\ncurrency = \"EUR\"\n";
        let from = dir.path().join("tri.toml");
        std::fs::write(&from, text).unwrap();
        let to = dir.path().join("tri (copy).toml");
        duplicate(&from, &to, "copy").unwrap();
        let copied = std::fs::read_to_string(&to).unwrap();
        assert_eq!(copied, text.replace("\"Tri\"", "\"Tri (copy)\""));
    }
}
