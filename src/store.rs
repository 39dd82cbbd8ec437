//! Files: loading projects with `file:line:column` diagnostics, saving atomically, finding
//! the projects of a folder. The only module of the core that touches the disk.

pub mod clock;
pub mod edit;
pub mod files;
pub mod fingerprint;
pub mod format;
pub mod lock;
pub mod marker;
pub mod open;
pub mod portfolio;
pub mod ranges;
pub mod recovery;
pub mod save;
pub mod summary_cache;

pub use fingerprint::Fingerprint;
pub use format::{Diagnostic, Original, parse, render};

use crate::domain::Project;
use crate::domain::limits::MAX_FILE_BYTES;
use std::path::{Path, PathBuf};

/// A project read from disk, with the text it was read from (to save without losing the
/// user's comments).
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub path: PathBuf,
    pub project: Project,
    pub text: String,
    pub fingerprint: Fingerprint,
    /// The user may not write the file, or replace it in its folder.
    pub read_only: bool,
}

impl Loaded {
    /// The text read, with the identities its lines were given, to save over it.
    pub fn original(&self) -> Original {
        Original::of(self.text.clone(), &self.project)
    }
}

/// Why a project file could not be used.
/// Said in English by `Display`, in the reader's language by `i18n::errors` (which the file
/// layer does not depend on: the sentences are the language layer's).
#[derive(Debug, thiserror::Error)]
#[error("{}", self.in_english())]
pub enum LoadError {
    Unreadable { path: PathBuf, source: std::io::Error },
    Invalid { path: PathBuf, diagnostics: Vec<Diagnostic> },
}

/// Reads and validates one project file: no larger than [`MAX_FILE_BYTES`], UTF-8 text.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let (text, metadata) = read_text(path)?;
    let fingerprint = Fingerprint::of(&text, Some(&metadata));
    from_text(path, text, fingerprint)
}

/// Only the project of a file and the file's metadata, as a folder's row needs them: no
/// fingerprint, no check of who may write it, the text dropped once parsed.
pub fn read_project(path: &Path) -> Result<(Project, std::fs::Metadata), LoadError> {
    let (text, metadata) = read_text(path)?;
    let project =
        parse(&text).map_err(|diagnostics| LoadError::Invalid { path: path.to_owned(), diagnostics })?;
    Ok((project, metadata))
}

/// The text of a project file: at most [`MAX_FILE_BYTES`], UTF-8.
fn read_text(path: &Path) -> Result<(String, std::fs::Metadata), LoadError> {
    let invalid = |diagnostic| LoadError::Invalid { path: path.to_owned(), diagnostics: vec![diagnostic] };
    let (bytes, metadata) = open::read_regular(path, MAX_FILE_BYTES).map_err(|error| match error {
        open::ReadError::Io(source) => LoadError::Unreadable { path: path.to_owned(), source },
        open::ReadError::NotRegular => invalid(not_regular()),
        open::ReadError::TooLarge { seen, .. } => invalid(too_large(seen)),
    })?;
    let text = String::from_utf8(bytes).map_err(|error| invalid(not_utf8(&error)))?;
    Ok((text, metadata))
}

fn not_regular() -> Diagnostic {
    Diagnostic {
        line: 1,
        column: 1,
        message: "this is not a regular file (a FIFO, a device or a folder)".into(),
        fix: "remove it from the folder, or replace it with the project file it stands for".into(),
        problem: None,
    }
}

fn too_large(bytes: u64) -> Diagnostic {
    Diagnostic {
        line: 1,
        column: 1,
        message: format!("the file holds {bytes} bytes; a project file holds at most {MAX_FILE_BYTES}"),
        fix: "this is not a project file, or one to split into several projects".into(),
        problem: None,
    }
}

/// Where the text stops being UTF-8: the line and column of the first byte that is not.
fn not_utf8(error: &std::string::FromUtf8Error) -> Diagnostic {
    let valid = error.utf8_error().valid_up_to();
    let bytes = error.as_bytes();
    let before = String::from_utf8_lossy(bytes.get(..valid).unwrap_or_default());
    let (line, column) = format::line_column(&before, before.len());
    let byte = bytes.get(valid).copied().unwrap_or_default();
    Diagnostic {
        line,
        column,
        message: format!("byte 0x{byte:02X} is not UTF-8 text"),
        fix: "save the file as UTF-8 (the editor's encoding setting; Latin-1 'é' is one such byte)".into(),
        problem: None,
    }
}

/// A project from text already read from `path`.
pub fn from_text(path: &Path, text: String, fingerprint: Fingerprint) -> Result<Loaded, LoadError> {
    let project =
        parse(&text).map_err(|diagnostics| LoadError::Invalid { path: path.to_owned(), diagnostics })?;
    Ok(Loaded { path: path.to_owned(), project, text, fingerprint, read_only: is_read_only(path) })
}

/// A file we may not write, or in a folder where we cannot replace it (an atomic save
/// renames a new file over the old one, so the folder must be writable too).
pub fn is_read_only(path: &Path) -> bool {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mode_forbids = std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly())
        || std::fs::metadata(folder).is_ok_and(|m| m.permissions().readonly());
    mode_forbids || !writable(path) || !writable(folder)
}

/// Whether this user may write `path`, as the system judges it (`access(2)`: ACLs, root).
#[cfg(unix)]
fn writable(path: &Path) -> bool {
    rustix::fs::access(path, rustix::fs::Access::WRITE_OK).is_ok()
}

/// Elsewhere, the mode checked by the caller is all we know.
#[cfg(not(unix))]
fn writable(_path: &Path) -> bool {
    true
}

/// The project files (`*.toml`) of a folder, sorted by name; subfolders when `recursive`, but
/// for the `archive/` folders the workbench archives into (archived projects are out of the
/// portfolio; read an archive folder itself to review them). A folder reached twice (a
/// symbolic link to a parent, two links to one folder) is read once.
pub fn project_files(dir: &Path, recursive: bool) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut visited = std::collections::HashSet::new();
    collect_project_files(dir, recursive, &mut visited, &mut files)?;
    files.sort();
    Ok(files)
}

fn collect_project_files(
    dir: &Path,
    recursive: bool,
    visited: &mut std::collections::HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
) -> std::io::Result<()> {
    if !visited.insert(std::fs::canonicalize(dir)?) {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            if recursive && path.file_name().is_none_or(|name| name != files::ARCHIVE) {
                collect_project_files(&path, true, visited, files)?;
            }
        } else if path.extension().is_some_and(|ext| ext == "toml") {
            files.push(path);
        }
    }
    Ok(())
}
