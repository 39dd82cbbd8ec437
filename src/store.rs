//! Files: loading projects with `file:line:column` diagnostics, saving atomically, finding
//! the projects of a folder. The only module of the core that touches the disk.

pub mod clock;
pub mod edit;
pub mod files;
pub mod fingerprint;
pub mod format;
pub mod lock;
pub mod marker;
pub mod portfolio;
pub mod ranges;
pub mod recovery;
pub mod save;

pub use fingerprint::Fingerprint;
pub use format::{Diagnostic, Original, parse, render};

use crate::domain::Project;
use std::fmt;
use std::path::{Path, PathBuf};

/// A project read from disk, with the text it was read from (to save without losing the
/// user's comments).
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub path: PathBuf,
    pub project: Project,
    pub text: String,
    pub fingerprint: Fingerprint,
}

impl Loaded {
    /// The text read, with the identities its lines were given, to save over it.
    pub fn original(&self) -> Original {
        Original::of(self.text.clone(), &self.project)
    }
}

/// Why a project file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read the file: {source}", path.display())]
    Unreadable { path: PathBuf, source: std::io::Error },
    #[error("{}", Located { path, diagnostics })]
    Invalid { path: PathBuf, diagnostics: Vec<Diagnostic> },
}

impl LoadError {
    /// One line per problem, each `file:line:column: message — fix`.
    pub fn lines(&self) -> Vec<String> {
        match self {
            LoadError::Unreadable { .. } => vec![self.to_string()],
            LoadError::Invalid { path, diagnostics } => {
                diagnostics.iter().map(|d| format!("{}:{d}", path.display())).collect()
            }
        }
    }
}

struct Located<'a> {
    path: &'a Path,
    diagnostics: &'a [Diagnostic],
}

impl fmt::Display for Located<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> =
            self.diagnostics.iter().map(|d| format!("{}:{d}", self.path.display())).collect();
        f.write_str(&lines.join("\n"))
    }
}

/// Reads and validates one project file.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let (fingerprint, text) =
        Fingerprint::read(path).map_err(|source| LoadError::Unreadable { path: path.to_owned(), source })?;
    from_text(path, text, fingerprint)
}

/// A project from text already read from `path`.
pub fn from_text(path: &Path, text: String, fingerprint: Fingerprint) -> Result<Loaded, LoadError> {
    let project =
        parse(&text).map_err(|diagnostics| LoadError::Invalid { path: path.to_owned(), diagnostics })?;
    Ok(Loaded { path: path.to_owned(), project, text, fingerprint })
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

fn writable(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else { return false };
    // SAFETY: access only reads the NUL-terminated path it is given.
    unsafe { libc::access(c_path.as_ptr(), libc::W_OK) == 0 }
}

/// The project files (`*.toml`) of a folder, sorted by name; subfolders when `recursive`.
/// A folder reached twice (a symbolic link to a parent, two links to one folder) is read once.
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
            if recursive {
                collect_project_files(&path, true, visited, files)?;
            }
        } else if path.extension().is_some_and(|ext| ext == "toml") {
            files.push(path);
        }
    }
    Ok(())
}
