//! Issue 15: the summary cache. Re-opening an unchanged folder parses no file; changing one
//! file re-parses exactly that one; a corrupt or foreign cache is ignored; a file changed in
//! the same clock tick as it was read is read again (the racy-timestamp rule). Issues 22–23:
//! times are the folder's (a file's own, shifted), never this machine's clock; an edit that
//! restores the old size and time is seen; invalid files are cached in their reader's language.

use roi_workbench::i18n::Lang;
use roi_workbench::store::portfolio::{Scan, ScanOptions, scan_with};
use std::path::Path;
use std::time::{Duration, SystemTime};

fn scan(dir: &Path, cache: &Path) -> Scan {
    scan_with(dir, ScanOptions { cache_dir: Some(cache), ..ScanOptions::new(false, Lang::En) }).unwrap()
}

/// Writes `count` copies of the samples, dated an hour ago (older than any cache written now).
fn folder(count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let samples = super::common::sample_files();
    for i in 0..count {
        let path = dir.path().join(format!("p{i:02}.toml"));
        std::fs::copy(&samples[i % samples.len()], &path).unwrap();
        age(&path, 3600);
    }
    dir
}

/// Dates `path` `seconds` before the folder's clock: before the time the file system gave it.
fn age(path: &Path, seconds: u64) {
    let now = std::fs::metadata(path).unwrap().modified().unwrap();
    set_time(path, now - Duration::from_secs(seconds));
}

fn set_time(path: &Path, time: SystemTime) {
    let file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    file.set_modified(time).unwrap();
}

#[test]
fn an_unchanged_folder_is_parsed_once_and_a_changed_file_alone_again() {
    let (dir, cache) = (folder(8), tempfile::tempdir().unwrap());
    let first = scan(dir.path(), cache.path());
    assert_eq!(first.parsed, 8);
    let again = scan(dir.path(), cache.path());
    assert_eq!(again.parsed, 0, "nothing changed: nothing parsed");
    assert_eq!(again.rows, first.rows, "the same rows, from the cache");
    let changed = dir.path().join("p03.toml");
    let text = std::fs::read_to_string(&changed).unwrap().replacen("name = \"", "name = \"Renamed ", 1);
    std::fs::write(&changed, text).unwrap();
    age(&changed, 1800);
    let after = scan(dir.path(), cache.path());
    assert_eq!(after.parsed, 1, "exactly the changed file");
    assert!(after.rows[3].row.name.starts_with("Renamed "), "its new row, never the stale one");
    assert_eq!(scan(dir.path(), cache.path()).parsed, 0);
}

#[test]
fn a_corrupt_or_foreign_cache_is_ignored_and_rebuilt() {
    let (dir, cache) = (folder(3), tempfile::tempdir().unwrap());
    scan(dir.path(), cache.path());
    let written: Vec<_> = std::fs::read_dir(cache.path()).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(written.len(), 1, "one cache file for the folder, outside it");
    std::fs::write(&written[0], b"{\"program\":\"0.1.0\",\"entries\":[{\"garbage").unwrap();
    assert_eq!(scan(dir.path(), cache.path()).parsed, 3, "a torn cache is not trusted");
    assert_eq!(scan(dir.path(), cache.path()).parsed, 0, "and was rebuilt");
    let text = std::fs::read_to_string(&written[0]).unwrap();
    std::fs::write(&written[0], text.replace("\"program\":\"", "\"program\":\"9")).unwrap();
    assert_eq!(scan(dir.path(), cache.path()).parsed, 3, "another version's cache is not trusted");
    let other = folder(3);
    let renamed = text.replace(&dir.path().canonicalize().unwrap().display().to_string(), "/elsewhere");
    std::fs::write(&written[0], renamed).unwrap();
    assert_eq!(scan(other.path(), cache.path()).parsed, 3);
}

#[test]
fn a_file_as_recent_as_the_cache_is_read_again() {
    let (dir, cache) = (folder(2), tempfile::tempdir().unwrap());
    let recent = dir.path().join("p01.toml");
    // Modified a minute after now, by the folder's clock: no older than its read.
    std::fs::write(&recent, std::fs::read(&recent).unwrap()).unwrap();
    let now = std::fs::metadata(&recent).unwrap().modified().unwrap();
    set_time(&recent, now + Duration::from_secs(60));
    scan(dir.path(), cache.path());
    assert_eq!(scan(dir.path(), cache.path()).parsed, 1, "a racy entry is never trusted");
}

/// Issue 23: on a file system with whole-second times, an edit in the same second as the read
/// looks unchanged; a file touched within 2 s before its read is read again.
#[test]
fn a_file_touched_within_two_seconds_of_its_read_is_read_again() {
    let (dir, cache) = (folder(1), tempfile::tempdir().unwrap());
    let path = dir.path().join("p00.toml");
    std::fs::write(&path, std::fs::read(&path).unwrap()).unwrap();
    let now = std::fs::metadata(&path).unwrap().modified().unwrap();
    let whole_second = now.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    set_time(&path, std::time::UNIX_EPOCH + Duration::from_secs(whole_second));
    assert_eq!(scan(dir.path(), cache.path()).parsed, 1);
    assert_eq!(scan(dir.path(), cache.path()).parsed, 1, "still within the racy margin");
}

/// Issue 23: an edit of the same size that puts the old modification time back is still seen
/// (its change time moved).
#[test]
fn an_edit_that_restores_the_old_time_is_seen() {
    let (dir, cache) = (folder(1), tempfile::tempdir().unwrap());
    let path = dir.path().join("p00.toml");
    let old_time = std::fs::metadata(&path).unwrap().modified().unwrap();
    assert_eq!(scan(dir.path(), cache.path()).parsed, 1);
    // Let the change time move past the racy margin's tick, as a later edit would.
    std::thread::sleep(Duration::from_millis(20));
    let text = std::fs::read_to_string(&path).unwrap();
    let same_size = text.replacen("name = \"A", "name = \"B", 1);
    assert_eq!(same_size.len(), text.len());
    assert_ne!(same_size, text, "the sample's name starts with an A");
    std::fs::write(&path, &same_size).unwrap();
    set_time(&path, old_time);
    let after = scan(dir.path(), cache.path());
    assert_eq!(after.parsed, 1, "the change time gives the edit away");
    assert!(after.rows[0].row.name.starts_with('B'), "{}", after.rows[0].row.name);
}

#[test]
fn invalid_files_are_cached_in_their_readers_language() {
    let (dir, cache) = (folder(1), tempfile::tempdir().unwrap());
    std::fs::write(dir.path().join("bad.toml"), "schema = 1\n[project]\nname = \"X\"\nimpact = 11\n")
        .unwrap();
    age(&dir.path().join("bad.toml"), 3600);
    scan(dir.path(), cache.path());
    let french = scan_with(
        dir.path(),
        ScanOptions { cache_dir: Some(cache.path()), ..ScanOptions::new(false, Lang::Fr) },
    )
    .unwrap();
    assert_eq!(french.parsed, 1, "only the invalid file, said in English before");
    let error = french.rows.iter().find_map(|s| s.row.error.clone()).unwrap();
    assert!(error.contains("bad.toml:4:10") && error.contains("est hors de"), "{error}");
    let again = scan_with(
        dir.path(),
        ScanOptions { cache_dir: Some(cache.path()), ..ScanOptions::new(false, Lang::Fr) },
    )
    .unwrap();
    assert_eq!(again.parsed, 0, "an invalid file is not read again in the same language");
    assert_eq!(again.rows, french.rows);
}
