//! The summary cache: the rows of a folder's project files from the last time it was read,
//! so that opening an unchanged folder again reads no project file.
//!
//! One cache file per folder, in the user's cache directory (never in the shared folder),
//! named by the SHA-256 of the folder's canonical path. Each entry is keyed by the file's
//! canonical path, size, modification time (nanoseconds) and inode; the whole cache by the
//! program's version and the file format's schema. An entry whose file was modified no
//! earlier than the cache was written is not trusted (the "racy timestamp" rule Git uses: a
//! file changed in the same clock tick as the cache would look unchanged). A cache that cannot
//! be read, or was written by another version or for another folder, is ignored and rebuilt.
//! Invalid files are never cached: their message is in the reader's language.

use crate::domain::portfolio::PortfolioRow;
use crate::domain::project::SCHEMA;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What tells a file unchanged since its row was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    pub modified_ns: i128,
    pub inode: u64,
}

impl Stamp {
    pub fn of(metadata: &std::fs::Metadata) -> Self {
        Self {
            size: metadata.len(),
            modified_ns: nanoseconds(metadata.modified().ok()),
            inode: inode(metadata),
        }
    }
}

#[cfg(unix)]
fn inode(metadata: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(metadata)
}

#[cfg(not(unix))]
fn inode(_metadata: &std::fs::Metadata) -> u64 {
    0
}

/// A time as nanoseconds since 1970 (negative before), 0 when unknown.
fn nanoseconds(time: Option<SystemTime>) -> i128 {
    match time.map(|t| t.duration_since(SystemTime::UNIX_EPOCH)) {
        Some(Ok(after)) => i128::try_from(after.as_nanos()).unwrap_or(i128::MAX),
        Some(Err(before)) => -i128::try_from(before.duration().as_nanos()).unwrap_or(i128::MAX),
        None => 0,
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    path: PathBuf,
    stamp: Stamp,
    row: PortfolioRow,
}

#[derive(Debug, Serialize, Deserialize)]
struct CacheFile {
    program: String,
    schema: i64,
    folder: PathBuf,
    entries: Vec<Entry>,
}

/// The rows remembered for one folder.
#[derive(Debug, Default)]
pub struct Cache {
    rows: HashMap<PathBuf, (Stamp, PortfolioRow)>,
    /// When the cache file was last written, by the filesystem's clock.
    written_ns: i128,
}

impl Cache {
    /// How many rows are remembered.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The row of `path` when its file is as it was and was already so before the cache was
    /// written.
    pub fn row(&self, path: &Path, stamp: Stamp) -> Option<&PortfolioRow> {
        let (known, row) = self.rows.get(path)?;
        (*known == stamp && stamp.modified_ns < self.written_ns).then_some(row)
    }
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
    let written_ns = nanoseconds(std::fs::metadata(&path).and_then(|m| m.modified()).ok());
    let rows = file.entries.into_iter().map(|e| (e.path, (e.stamp, e.row))).collect();
    Cache { rows, written_ns }
}

/// Writes the rows of `folder` (canonical) atomically — a temporary file renamed over the
/// old one, so a reader sees the old cache or the new one, never half of one. Not synced to
/// the disk: a cache lost in a power cut is only a slower next open. A cache that cannot be
/// written is the same.
pub fn save(cache_dir: &Path, folder: &Path, rows: Vec<(PathBuf, Stamp, PortfolioRow)>) {
    let entries = rows.into_iter().map(|(path, stamp, row)| Entry { path, stamp, row }).collect();
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
