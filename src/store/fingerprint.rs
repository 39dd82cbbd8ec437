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
        let text = std::fs::read_to_string(path)?;
        let metadata = std::fs::metadata(path).ok();
        Ok((Self::of(&text, metadata.as_ref()), text))
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
    match std::fs::read_to_string(path) {
        Ok(text) if content_hash(&text) == known.hash => DiskState::Unchanged,
        Ok(text) => DiskState::Changed(text),
        Err(_) => DiskState::Deleted,
    }
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
