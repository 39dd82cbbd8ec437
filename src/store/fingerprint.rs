//! What a file looked like when we read it, to notice that someone else changed it since.
//!
//! Size and modification time are the cheap first check; the content hash decides (a
//! `touch` or a save of identical text is not a change). Polled, not watched: network
//! filesystems do not deliver change events.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::time::SystemTime;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: u64,
}

impl Fingerprint {
    pub fn of(text: &str, metadata: Option<&std::fs::Metadata>) -> Self {
        Self {
            len: text.len() as u64,
            modified: metadata.and_then(|m| m.modified().ok()),
            hash: content_hash(text),
        }
    }

    /// Reads the file's current fingerprint and text.
    pub fn read(path: &Path) -> std::io::Result<(Self, String)> {
        let (text, metadata) = read_bounded(path)?;
        Ok((Self::of(&text, Some(&metadata)), text))
    }
}

fn content_hash(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// What became of a file since it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiskState {
    Unchanged,
    /// Someone wrote other content: here it is.
    Changed(String),
    Deleted,
}

/// Compares the file on disk with what we read. Cheap when nothing changed: one `stat`.
pub fn disk_state(path: &Path, known: &Fingerprint) -> DiskState {
    let Ok(metadata) = std::fs::metadata(path) else { return DiskState::Deleted };
    if metadata.len() == known.len && metadata.modified().ok() == known.modified {
        return DiskState::Unchanged;
    }
    match read_bounded(path) {
        Ok((text, _)) if content_hash(&text) == known.hash => DiskState::Unchanged,
        Ok((text, _)) => DiskState::Changed(text),
        Err(_) => DiskState::Deleted,
    }
}

/// The text of a project file as [`super::open::read_regular`] reads it: never blocking on a
/// FIFO, never past the size a project may have.
fn read_bounded(path: &Path) -> std::io::Result<(String, std::fs::Metadata)> {
    let (bytes, metadata) = super::open::read_regular(path, crate::domain::limits::MAX_FILE_BYTES).map_err(
        |error| match error {
            super::open::ReadError::Io(error) => error,
            other => std::io::Error::other(other),
        },
    )?;
    let text =
        String::from_utf8(bytes).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
    Ok((text, metadata))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_a_change_but_not_a_touch() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, "a = 1\n").unwrap();
        let (known, _) = Fingerprint::read(&path).unwrap();
        assert_eq!(disk_state(&path, &known), DiskState::Unchanged);
        std::fs::write(&path, "a = 1\n").unwrap();
        assert_eq!(disk_state(&path, &known), DiskState::Unchanged);
        std::fs::write(&path, "a = 2\n").unwrap();
        assert_eq!(disk_state(&path, &known), DiskState::Changed("a = 2\n".into()));
        std::fs::remove_file(&path).unwrap();
        assert_eq!(disk_state(&path, &known), DiskState::Deleted);
    }
}
