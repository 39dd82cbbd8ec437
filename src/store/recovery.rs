//! Recovery files: unsaved changes written to the user's data folder when the session ends
//! badly (SSH connection dropped, SIGTERM, panic), offered back at the next open.

use super::format::render;
use crate::domain::Project;
use std::path::{Path, PathBuf};

/// `<data dir>/roi-workbench/recovery`, or `ROI_RECOVERY_DIR` when set (tests, shared hosts).
pub fn recovery_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ROI_RECOVERY_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "roi-workbench").map(|dirs| dirs.data_dir().join("recovery"))
}

/// Where the unsaved changes of `project_path` are kept: one file per project path, named
/// `STEM-HASH.toml`, HASH being the first 16 hex digits of the SHA-256 of the absolute path
/// (its bytes as the system gives them): the same name for every version of the program.
pub fn recovery_path(project_path: &Path) -> Option<PathBuf> {
    Some(recovery_path_in(&recovery_dir()?, project_path))
}

/// The same, in the recovery folder `folder`.
pub fn recovery_path_in(folder: &Path, project_path: &Path) -> PathBuf {
    let absolute = std::path::absolute(project_path).unwrap_or_else(|_| project_path.to_owned());
    let stem =
        project_path.file_stem().map_or_else(|| "project".into(), |s| s.to_string_lossy().into_owned());
    folder.join(format!("{stem}-{}.toml", path_hash(&absolute)))
}

fn path_hash(path: &Path) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(path.as_os_str().as_encoded_bytes());
    digest.iter().take(8).map(|byte| format!("{byte:02x}")).collect()
}

/// Unsaved changes kept, and the content hash of the file they were made on (its
/// [`super::Fingerprint::hash`]): restoring them over a file someone changed since is a conflict,
/// like any save.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    pub project: Project,
    pub base_hash: Option<u64>,
}

/// The first line of a recovery file: the hash of the file its changes were made on.
const BASE_HEADER: &str = "# roi-recovery-base: ";

/// Writes the unsaved project; returns where. Called from signal and panic paths, so it
/// must not panic.
pub fn write_recovery(project_path: &Path, project: &Project, base_hash: Option<u64>) -> Option<PathBuf> {
    write_recovery_in(&recovery_dir()?, project_path, project, base_hash)
}

/// The same, in the recovery folder `folder`.
pub fn write_recovery_in(
    folder: &Path,
    project_path: &Path,
    project: &Project,
    base_hash: Option<u64>,
) -> Option<PathBuf> {
    let path = recovery_path_in(folder, project_path);
    std::fs::create_dir_all(folder).ok()?;
    let header = base_hash.map(|hash| format!("{BASE_HEADER}{hash}\n")).unwrap_or_default();
    let text = format!("{header}{}", render(project, None).ok()?);
    super::save::write_replacing(&path, &text).ok()?;
    Some(path)
}

/// The unsaved changes kept for `project_path`, if any (and still readable).
pub fn find_recovery(project_path: &Path) -> Option<Kept> {
    find_recovery_in(&recovery_dir()?, project_path)
}

/// The same, in the recovery folder `folder`.
pub fn find_recovery_in(folder: &Path, project_path: &Path) -> Option<Kept> {
    let text = std::fs::read_to_string(recovery_path_in(folder, project_path)).ok()?;
    let base_hash = text.lines().next()?.strip_prefix(BASE_HEADER).and_then(|hash| hash.trim().parse().ok());
    Some(Kept { project: super::format::parse(&text).ok()?, base_hash })
}

pub fn discard_recovery(project_path: &Path) {
    if let Some(path) = recovery_path(project_path) {
        // Absent already is fine.
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash is specified (SHA-256), not the standard library's, so a recovery file
    /// written by one version is found by the next.
    #[test]
    fn recovery_names_come_from_a_specified_hash() {
        assert_eq!(path_hash(Path::new("/srv/projets/tri.toml")), "692d0815ff5a6baa");
    }
}
