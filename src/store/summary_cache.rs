//! The summary cache: the rows of a folder's project files from the last time it was read,
//! so that opening an unchanged folder again reads no project file.
//!
//! One cache file per folder, in the user's cache directory (never in the shared folder),
//! named by the SHA-256 of the folder's canonical path. Each entry is keyed by the file's
//! canonical path, size, modification and change times (nanoseconds) and inode; the whole
//! cache by the program's version and the file format's schema. An entry whose file was
//! modified less than [`RACY_MARGIN_NS`] before it was read — by the folder's own
//! clock, never this machine's — is not trusted (the "racy timestamp" rule Git uses: a file
//! changed in the same clock tick as it was read would look unchanged; some file systems keep
//! whole seconds). A cache that cannot be read, or was written by another version or for
//! another folder, is ignored and rebuilt. An invalid file's row is cached with what its
//! message depends on (the language, the path the file was named by), and trusted only for the same.

use crate::domain::portfolio::PortfolioRow;
use crate::domain::project::SCHEMA;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// A file modified or changed this close before its row was read may have changed again in
/// the same tick of a coarse clock (whole seconds on sshfs, FAT, some NFS): its row is read again.
pub const RACY_MARGIN_NS: i128 = 2_000_000_000;

/// What tells a file unchanged since its row was made. The change time (ctime) cannot be set
/// back by a program: an edit that restores the old size and modification time still moves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    pub modified_ns: i128,
    pub changed_ns: i128,
    pub inode: u64,
}

impl Stamp {
    pub fn of(metadata: &std::fs::Metadata) -> Self {
        let (changed_ns, inode) = change_time_and_inode(metadata);
        Self { size: metadata.len(), modified_ns: nanoseconds(metadata.modified().ok()), changed_ns, inode }
    }

    /// Whether the file was last modified well before `read_at_ns`, by the same clock. (Its
    /// change time only has to be equal: an edit in the racy margin moves the modification time
    /// the program cannot set back unseen, and every copy or `touch` moves the change time.)
    fn settled_before(&self, read_at_ns: i128) -> bool {
        self.modified_ns < read_at_ns.saturating_sub(RACY_MARGIN_NS)
    }
}

#[cfg(unix)]
fn change_time_and_inode(metadata: &std::fs::Metadata) -> (i128, u64) {
    use std::os::unix::fs::MetadataExt;
    (i128::from(metadata.ctime()) * 1_000_000_000 + i128::from(metadata.ctime_nsec()), metadata.ino())
}

#[cfg(not(unix))]
fn change_time_and_inode(_metadata: &std::fs::Metadata) -> (i128, u64) {
    (0, 0)
}

/// A time as nanoseconds since 1970 (negative before), 0 when unknown.
pub fn nanoseconds(time: Option<SystemTime>) -> i128 {
    match time.map(|t| t.duration_since(SystemTime::UNIX_EPOCH)) {
        Some(Ok(after)) => i128::try_from(after.as_nanos()).unwrap_or(i128::MAX),
        Some(Err(before)) => -i128::try_from(before.duration().as_nanos()).unwrap_or(i128::MAX),
        None => 0,
    }
}

/// A row as read: the file's stamp then, the folder's clock when it was read, and for an
/// invalid file what its message was said for ([`error_context`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub stamp: Stamp,
    pub read_at_ns: i128,
    pub error_context: Option<String>,
    pub row: PortfolioRow,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Stored {
    path: PathBuf,
    entry: Entry,
}

#[derive(Debug, Serialize, Deserialize)]
struct CacheFile {
    program: String,
    schema: i64,
    folder: PathBuf,
    entries: Vec<Stored>,
}

/// The rows remembered for one folder.
#[derive(Debug, Default)]
pub struct Cache {
    rows: HashMap<PathBuf, Entry>,
}

impl Cache {
    /// How many rows are remembered.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The entry of `path` when its file is as it was, was already so well before it was read,
    /// and (for an invalid file) its message was said in the same `context`.
    pub fn entry(&self, path: &Path, stamp: Stamp, context: &str) -> Option<&Entry> {
        let entry = self.rows.get(path)?;
        let same_message = entry.error_context.as_deref().is_none_or(|said_for| said_for == context);
        (entry.stamp == stamp && stamp.settled_before(entry.read_at_ns) && same_message).then_some(entry)
    }
}

/// What an invalid file's message depends on: its `context` (the language), and the path it
/// names the file by.
pub fn error_context(context: &str, path: &Path) -> String {
    format!("{context} {}", path.display())
}

/// `<cache dir>/roi-workbench/portfolios`, or `ROI_CACHE_DIR` when set (tests).
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ROI_CACHE_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "roi-workbench").map(|dirs| dirs.cache_dir().join("portfolios"))
}

/// The cache file of a folder, by the SHA-256 of its canonical path.
fn cache_file(cache_dir: &Path, folder: &Path) -> PathBuf {
    let digest = Sha256::digest(folder.as_os_str().as_encoded_bytes());
    let name: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    cache_dir.join(format!("{name}.json"))
}

/// The cache of `folder` (canonical), empty when there is none, or none to trust.
pub fn load(cache_dir: &Path, folder: &Path) -> Cache {
    let path = cache_file(cache_dir, folder);
    let Ok(bytes) = std::fs::read(&path) else { return Cache::default() };
    let Ok(file) = serde_json::from_slice::<CacheFile>(&bytes) else { return Cache::default() };
    if file.program != env!("CARGO_PKG_VERSION") || file.schema != SCHEMA || file.folder != folder {
        return Cache::default();
    }
    let rows = file.entries.into_iter().map(|stored| (stored.path, stored.entry)).collect();
    Cache { rows }
}

/// Writes the rows of `folder` (canonical) atomically — a temporary file renamed over the
/// old one, so a reader sees the old cache or the new one, never half of one. Not synced to
/// the disk: a cache lost in a power cut is only a slower next open. A cache that cannot be
/// written is the same.
pub fn save(cache_dir: &Path, folder: &Path, rows: Vec<(PathBuf, Entry)>) {
    let entries = rows.into_iter().map(|(path, entry)| Stored { path, entry }).collect();
    let file = CacheFile {
        program: env!("CARGO_PKG_VERSION").into(),
        schema: SCHEMA,
        folder: folder.into(),
        entries,
    };
    let _ = write(cache_dir, &cache_file(cache_dir, folder), &file);
}

fn write(cache_dir: &Path, path: &Path, file: &CacheFile) -> std::io::Result<()> {
    std::fs::create_dir_all(cache_dir)?;
    let temporary = tempfile::Builder::new().prefix(".roi-cache-").tempfile_in(cache_dir)?;
    let mut writer = std::io::BufWriter::new(temporary);
    serde_json::to_writer(&mut writer, file)?;
    let temporary = writer.into_inner().map_err(std::io::IntoInnerError::into_error)?;
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}
