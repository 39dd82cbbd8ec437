//! Atomic saving: a crash at any moment leaves the old file or the new one, never a torn one.
//!
//! The text goes to a temporary file in the target's folder (same filesystem, so the rename is
//! atomic), is flushed and fsynced, renamed over the target, and the folder is fsynced so the
//! rename itself survives a power cut.

use super::fingerprint::{DiskState, Fingerprint, disk_state};
use super::format::Original;
use super::lock::lock_for_writing;
use crate::domain::Project;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
#[error("{}", self.in_english())]
pub enum SaveError {
    ReadOnly {
        path: PathBuf,
    },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Render(#[from] super::format::RenderError),
    Exists {
        path: PathBuf,
    },
    Vanished {
        path: PathBuf,
    },
    Conflict {
        path: PathBuf,
        disk_text: String,
    },
    Lock(#[from] super::lock::LockError),
    /// An output that is not a file to write: a folder, a socket, a block device.
    NotAFile {
        path: PathBuf,
    },
}

/// A save that went through: the text now on disk, with its lines' identities, and its
/// fingerprint.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub original: Original,
    pub fingerprint: Fingerprint,
}

/// Saves `project` over `path`, keeping the comments and layout of `original`, unless the
/// file changed on disk since it looked like `known` (pass `None` to overwrite anyway).
/// The whole check-and-write holds the project's write lock, so two savers never interleave.
pub fn save_checked(
    path: &Path,
    project: &Project,
    original: Option<&Original>,
    known: Option<&Fingerprint>,
) -> Result<Saved, SaveError> {
    let path = &written_path(path);
    refuse_read_only(path)?;
    let _lock = lock_for_writing(path)?;
    match known.map(|known| disk_state(path, known)) {
        Some(DiskState::Changed(disk_text)) => {
            return Err(SaveError::Conflict { path: path.to_owned(), disk_text });
        }
        Some(DiskState::Deleted) => return Err(SaveError::Vanished { path: path.to_owned() }),
        Some(DiskState::Unchanged) | None => {}
    }
    let text = super::format::render(project, original)?;
    write_atomic(path, &text)?;
    let metadata = std::fs::metadata(path).ok();
    Ok(Saved {
        fingerprint: Fingerprint::of(&text, metadata.as_ref()),
        original: Original::of(text, project),
    })
}

/// Why a read-modify-write of a project file did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ModifyError<E: std::error::Error + 'static> {
    #[error(transparent)]
    Load(#[from] super::LoadError),
    #[error(transparent)]
    Save(#[from] SaveError),
    #[error("{0}")]
    Refused(#[source] E),
}

/// Reads a project, changes it and writes it back, all under the write lock: concurrent
/// writers queue, and every change that returns `Ok` is in the file. Comments survive.
pub fn modify_locked<E: std::error::Error + 'static>(
    path: &Path,
    change: impl FnOnce(&Project) -> Result<Project, E>,
) -> Result<(), ModifyError<E>> {
    let path = &written_path(path);
    refuse_read_only(path).map_err(ModifyError::Save)?;
    let _lock = lock_for_writing(path).map_err(SaveError::from)?;
    let loaded = super::load(path)?;
    let changed = change(&loaded.project).map_err(ModifyError::Refused)?;
    let text = super::format::render(&changed, Some(&loaded.original())).map_err(SaveError::from)?;
    write_atomic(path, &text)?;
    Ok(())
}

/// The file a write to `path` changes: a symbolic link is written through to its target (in
/// whatever folder it is), never replaced by a regular file.
pub fn written_path(path: &Path) -> PathBuf {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && let Ok(target) = std::fs::canonicalize(path) {
        return target;
    }
    path.to_owned()
}

/// A file the user may not write, or in a folder where it cannot be replaced, is refused
/// before anything is written (the workbench shows it READ-ONLY; the CLI exits 3).
fn refuse_read_only(path: &Path) -> Result<(), SaveError> {
    let exists = std::fs::symlink_metadata(path).is_ok();
    if exists && super::is_read_only(path) {
        return Err(SaveError::ReadOnly { path: path.to_owned() });
    }
    Ok(())
}

/// Temporary files of a save older than this were left by a writer that died mid-save (a
/// save takes milliseconds): the next save in the folder removes them.
const ABANDONED_AFTER: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Removes the temporary files that dead writers left in `folder`, judging their age by the
/// folder's clock (`now`, the time it stamped our own fresh temporary with), never this
/// machine's: a machine whose clock runs ahead of the file server's must not take a fresh
/// temporary — its own or a colleague's save in progress — for an abandoned one.
fn remove_abandoned_temporaries(folder: &Path, now: std::time::SystemTime) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = (name.starts_with(".roi-save-") && name.ends_with(".tmp"))
            || name.starts_with(".roi-lock-")
            || name.starts_with(super::clock::PROBE_PREFIX);
        let modified = entry.metadata().and_then(|m| m.modified());
        let age = modified.map_or_else(|_| Default::default(), |modified| super::clock::age(modified, now));
        if ours && age > ABANDONED_AFTER {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes a project file's `contents` to `path` atomically; through a symbolic link, to its
/// target (a user may link a project on purpose). On any failure (disk full, file size limit,
/// permission) the temporary file is removed and the file on disk is unchanged.
pub fn write_atomic(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), SaveError> {
    write_replacing(&written_path(path), contents)
}

/// Writes a file this program makes beside a project (a summary, a marker, an export) as
/// [`write_atomic`] does, but never through a link: a link planted under that name is replaced
/// by the file, its target left alone.
pub fn write_replacing(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), SaveError> {
    let io_error = |source| SaveError::Io { path: path.to_owned(), source };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    // A new file gets the mode any program would give it (0666 less the umask), not the
    // temporary file's private 0600: a report written in a shared folder is for colleagues.
    let mut builder = tempfile::Builder::new();
    builder.prefix(".roi-save-").suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temporary = builder.tempfile_in(folder).map_err(io_error)?;
    if let Ok(now) = temporary.as_file().metadata().and_then(|m| m.modified()) {
        remove_abandoned_temporaries(folder, now);
    }
    temporary.write_all(contents.as_ref()).map_err(io_error)?;
    temporary.as_file().sync_all().map_err(io_error)?;
    keep_permissions(path, temporary.as_file());
    temporary.persist(path).map_err(|e| io_error(e.error))?;
    sync_folder(folder);
    Ok(())
}

/// Writes a report the user named with `--output`: into a FIFO or a character device
/// (`/dev/null`, a terminal, `/proc/self/fd/1`) as a shell redirection would, never renaming
/// over it; a folder, socket or block device refused; any other path written as
/// [`write_replacing`] does.
pub fn write_output(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), SaveError> {
    let io_error = |source| SaveError::Io { path: path.to_owned(), source };
    match std::fs::metadata(path) {
        Ok(metadata) if is_stream(&metadata) => write_into_stream(path, contents.as_ref()).map_err(io_error),
        Ok(metadata) if !metadata.is_file() => Err(SaveError::NotAFile { path: path.to_owned() }),
        _ => write_replacing(path, contents),
    }
}

#[cfg(unix)]
fn is_stream(metadata: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    metadata.file_type().is_fifo() || metadata.file_type().is_char_device()
}

#[cfg(not(unix))]
fn is_stream(_metadata: &std::fs::Metadata) -> bool {
    false
}

/// Opened without blocking (a FIFO with no reader fails at once instead of waiting for one),
/// then written whole.
#[cfg(unix)]
fn write_into_stream(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)?;
    rustix::fs::fcntl_setfl(&file, rustix::fs::OFlags::empty())?;
    file.write_all(contents)
}

#[cfg(not(unix))]
fn write_into_stream(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, contents)
}

/// A replaced file keeps its mode (a shared file stays group-writable) and, where the system
/// lets us (its owner, or root; a group we belong to), its owner and group. A link replaced
/// gives nothing of its target's.
fn keep_permissions(path: &Path, temporary: &std::fs::File) {
    if let Some(metadata) = std::fs::symlink_metadata(path).ok().filter(|m| !m.file_type().is_symlink()) {
        // Best effort: the save is still correct with the temporary file's default mode.
        let _ = temporary.set_permissions(metadata.permissions());
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let _ = std::os::unix::fs::fchown(temporary, Some(metadata.uid()), Some(metadata.gid()));
            let _ = std::os::unix::fs::fchown(temporary, None, Some(metadata.gid()));
        }
    }
}

fn sync_folder(folder: &Path) {
    // Not every platform can open a folder for syncing; the rename is done either way.
    if let Ok(handle) = std::fs::File::open(folder) {
        let _ = handle.sync_all();
    }
}

/// Saves a new project, refusing to replace an existing file.
pub fn create_project(path: &Path, project: &Project) -> Result<(), SaveError> {
    create_text(path, &super::format::render(project, None)?)
}

/// Writes a new file, refusing to replace an existing one.
pub fn create_text(path: &Path, text: &str) -> Result<(), SaveError> {
    if path.exists() {
        return Err(SaveError::Exists { path: path.to_owned() });
    }
    let mut file =
        std::fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(|source| match source
            .kind()
        {
            std::io::ErrorKind::AlreadyExists => SaveError::Exists { path: path.to_owned() },
            _ => SaveError::Io { path: path.to_owned(), source },
        })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|source| SaveError::Io { path: path.to_owned(), source })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_new_file_gets_the_mode_any_program_would_give_it() {
        let dir = tempfile::tempdir().unwrap();
        let (ours, theirs) = (dir.path().join("report.html"), dir.path().join("plain.txt"));
        write_atomic(&ours, "page").unwrap();
        std::fs::write(&theirs, "plain").unwrap();
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&ours), mode(&theirs), "0666 less the umask, like any new file");
    }

    #[test]
    fn saving_replaces_the_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, "old content that is longer than the new one").unwrap();
        write_atomic(&path, "new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["p.toml"]);
    }

    /// Issue 11: a file deleted since it was opened is not silently written again.
    #[test]
    fn saving_onto_a_file_deleted_since_it_was_read_is_a_conflict() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        let project = Project::named("P");
        create_project(&path, &project).unwrap();
        let (known, _) = Fingerprint::read(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        let saved = save_checked(&path, &project, None, Some(&known));
        assert!(matches!(saved, Err(SaveError::Vanished { .. })), "{saved:?}");
        assert!(!path.exists());
        save_checked(&path, &project, None, None).unwrap();
        assert!(path.exists(), "overwriting on purpose writes it again");
    }

    #[test]
    fn creating_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, "mine").unwrap();
        let result = create_project(&path, &Project::named("X"));
        assert!(matches!(result, Err(SaveError::Exists { .. })));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    }
}
