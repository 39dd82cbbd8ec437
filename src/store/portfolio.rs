//! Reading a folder of projects into portfolio rows (invalid files included, with their
//! first problem), and a cheap signature of the folder to notice changes by polling.

use super::clock::rfc3339;
use super::summary_cache::{self, Cache, Entry, Stamp};
use super::{marker, project_files, read_project};
use crate::domain::portfolio::PortfolioRow;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// One file of the folder and its row.
#[derive(Debug, Clone, PartialEq)]
pub struct Scanned {
    pub path: PathBuf,
    pub row: PortfolioRow,
}

/// Told each batch of rows as it is made, with the files done and in all.
pub type Batch<'a> = &'a dyn Fn(&[Scanned], usize, usize);

/// How a scan says why a file is not a project. The file layer knows no language: the
/// language layer says it (`i18n` implements this for its `Lang`), and the cache keeps an
/// invalid file's sentence for the same `context` only.
pub trait Describe: Copy + Send + Sync {
    /// The first line of what is wrong with the file.
    fn first_problem(self, error: &super::LoadError) -> String;
    /// What the sentence depends on besides the file (its language).
    fn context(self) -> &'static str;
}

/// How a folder is read.
#[derive(Clone, Copy)]
pub struct ScanOptions<'a, D: Describe> {
    pub recursive: bool,
    pub lang: D,
    /// Where the summary cache is kept; `None` reads every file (`--no-cache`).
    pub cache_dir: Option<&'a Path>,
    /// Given each batch of rows as it is made, in the order of the files, with the count of
    /// files done and in all: the first batch is small, so the first rows come at once.
    pub progress: Option<Batch<'a>>,
}

impl<'a, D: Describe> ScanOptions<'a, D> {
    pub fn new(recursive: bool, lang: D) -> Self {
        Self { recursive, lang, cache_dir: None, progress: None }
    }
}

/// A folder read: its rows in the order of its files, and how many files had to be parsed
/// (the others came from the summary cache).
#[derive(Debug, Clone, PartialEq)]
pub struct Scan {
    pub rows: Vec<Scanned>,
    pub parsed: usize,
}

/// Every project file of `dir` (and its subfolders when `recursive`), as rows, in the order
/// of the files: read, parsed and computed on every core.
pub fn scan(dir: &Path, recursive: bool, lang: impl Describe) -> std::io::Result<Vec<Scanned>> {
    Ok(scan_with(dir, ScanOptions::new(recursive, lang))?.rows)
}

/// [`scan`], with the summary cache and progress of `options`: a file whose size, time and
/// inode are those remembered is not read again; the cache is written back after.
pub fn scan_with<D: Describe>(dir: &Path, options: ScanOptions<D>) -> std::io::Result<Scan> {
    use rayon::prelude::*;
    use std::sync::atomic::AtomicUsize;
    let files = project_files(dir, options.recursive)?;
    let folder = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned());
    let cache =
        options.cache_dir.map(|cache_dir| summary_cache::load(cache_dir, &folder)).unwrap_or_default();
    let reading = Reading { cache: &cache, read_at_ns: folder_clock_ns(dir), lang: options.lang };
    let (total, parsed) = (files.len(), AtomicUsize::new(0));
    let (mut rows, mut entries): (Vec<Scanned>, Vec<Option<Entry>>) = (Vec::new(), Vec::new());
    let mut rest = files.as_slice();
    while !rest.is_empty() {
        let (batch, after) = rest.split_at(batch_size(rows.len()).min(rest.len()));
        rest = after;
        let (batch_rows, batch_entries): (Vec<Scanned>, Vec<Option<Entry>>) = batch
            .par_iter()
            .map(|path| {
                let key = folder.join(path.strip_prefix(dir).unwrap_or(path));
                row_of(dir, path.clone(), &key, &reading, &parsed)
            })
            .unzip();
        if let Some(progress) = options.progress {
            progress(&batch_rows, rows.len() + batch_rows.len(), total);
        }
        rows.extend(batch_rows);
        entries.extend(batch_entries);
    }
    let parsed = parsed.into_inner();
    let remembered = entries.iter().flatten().count();
    // Nothing read and nothing gone: the cache on disk already says it all.
    let unchanged = parsed == 0 && remembered == cache.len();
    if let Some(cache_dir) = options.cache_dir.filter(|_| !unchanged) {
        let kept = rows.iter().zip(entries).filter_map(|(scanned, entry)| {
            let key = folder.join(scanned.path.strip_prefix(dir).unwrap_or(&scanned.path));
            Some((key, entry?))
        });
        summary_cache::save(cache_dir, &folder, kept.collect());
    }
    Ok(Scan { rows, parsed })
}

/// What every file of one scan is read with.
struct Reading<'a, D: Describe> {
    cache: &'a Cache,
    /// When the scan began, by the folder's clock (see [`super::clock::folder_now`]); by this
    /// machine's where nothing can be created in the folder to ask it.
    read_at_ns: i128,
    lang: D,
}

fn folder_clock_ns(dir: &Path) -> i128 {
    let now = super::clock::folder_now(dir).unwrap_or_else(SystemTime::now);
    summary_cache::nanoseconds(Some(now))
}

/// Files per batch: a screenful first, then larger batches (fewer pauses to report).
fn batch_size(done: usize) -> usize {
    if done == 0 { 64 } else { 1024 }
}

/// The row of one file: remembered when the file is unchanged, else made by reading it; with
/// the entry to remember it by.
fn row_of(
    dir: &Path,
    path: PathBuf,
    key: &Path,
    reading: &Reading<impl Describe>,
    parsed: &std::sync::atomic::AtomicUsize,
) -> (Scanned, Option<Entry>) {
    let file = path.strip_prefix(dir).unwrap_or(&path).display().to_string();
    let metadata = std::fs::metadata(&path).ok();
    let stamp = metadata.as_ref().map(Stamp::of);
    let modified = metadata.as_ref().and_then(|m| m.modified().ok()).map(rfc3339);
    let context = summary_cache::error_context(reading.lang.context(), &path);
    let remembered = stamp.and_then(|stamp| reading.cache.entry(key, stamp, &context)).cloned();
    let entry = remembered.or_else(|| {
        parsed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Some(read_entry(&path, stamp?, reading))
    });
    let row = entry.as_ref().map_or_else(|| read_entry_row(&path, reading.lang), |e| e.row.clone());
    let row =
        PortfolioRow { file, modified, edited_by: marker::editor_of(&path).map(|owner| owner.who()), ..row };
    (Scanned { path, row }, entry)
}

/// Reads one file into the entry to remember: its row, or its first problem in the scan's language.
fn read_entry(path: &Path, stamp: Stamp, reading: &Reading<impl Describe>) -> Entry {
    let row = read_entry_row(path, reading.lang);
    let error_context =
        row.error.is_some().then(|| summary_cache::error_context(reading.lang.context(), path));
    Entry { stamp, read_at_ns: reading.read_at_ns, error_context, row }
}

fn read_entry_row(path: &Path, lang: impl Describe) -> PortfolioRow {
    let file = path.display().to_string();
    match read_project(path) {
        Ok((project, _)) => PortfolioRow::of_project(file, &project),
        Err(error) => PortfolioRow::invalid(file, lang.first_problem(&error)),
    }
}

/// What changes when a file of the folder is added, removed or written: names, sizes and
/// modification times. Comparing two signatures costs one `stat` per file.
pub fn signature(dir: &Path, recursive: bool) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    project_files(dir, recursive)
        .unwrap_or_default()
        .into_iter()
        .map(|path| {
            let metadata = std::fs::metadata(&path).ok();
            let len = metadata.as_ref().map_or(0, std::fs::Metadata::len);
            let modified = metadata.and_then(|m| m.modified().ok());
            (path, len, modified)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The store's own tests say problems as the errors display them.
    #[derive(Clone, Copy)]
    struct Displayed;

    impl Describe for Displayed {
        fn first_problem(self, error: &crate::store::LoadError) -> String {
            error.to_string().lines().next().unwrap_or_default().to_owned()
        }
        fn context(self) -> &'static str {
            "displayed"
        }
    }

    #[test]
    fn invalid_files_are_rows_with_their_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("bad.toml"), "schema = 1\n[project]\nname = \"X\"\nimpact = 11\n")
            .unwrap();
        let rows = scan(dir.path(), false, Displayed).unwrap();
        assert_eq!(rows.len(), 1);
        let error = rows[0].row.error.clone().unwrap();
        assert!(error.contains("bad.toml:4:10"), "{error}");
        assert!(rows[0].row.modified.is_some());
    }

    #[test]
    fn a_link_back_to_a_parent_folder_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.toml"), "schema = 1\n[project]\nname = \"A\"\n").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/b.toml"), "schema = 1\n[project]\nname = \"B\"\n").unwrap();
        std::os::unix::fs::symlink("..", dir.path().join("sub/loop")).unwrap();
        let files: Vec<String> =
            scan(dir.path(), true, Displayed).unwrap().into_iter().map(|s| s.row.file).collect();
        assert_eq!(files, ["a.toml", "sub/b.toml"]);
        assert!(scan(&dir.path().join("a.toml"), false, Displayed).is_err(), "a file is not a folder");
    }
}
