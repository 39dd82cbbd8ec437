//! A short write lock around read-modify-write, for headless writers (`roi set`,
//! `roi measure`) and saves that must not lose a concurrent acknowledged write.
//!
//! The lock is a file created with `O_CREAT | O_EXCL` beside the project. That works on local
//! and network filesystems alike (NFS ≥ 3, SMB), where `flock`/`fcntl` locks are often not
//! propagated between clients. A lock older than [`STALE_AFTER`] or left by a dead process on
//! this host is broken, so a crash never blocks a project for good.

use super::marker::{Owner, pid_is_alive};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A write lock held longer than this is from a crashed writer.
pub const STALE_AFTER: Duration = Duration::from_secs(30);
/// How long a writer waits for another before giving up with a clear message.
pub const WAIT_AT_MOST: Duration = Duration::from_secs(15);

#[derive(Debug, thiserror::Error)]
#[error("{}", self.in_english())]
pub enum LockError {
    Busy {
        path: PathBuf,
        holder: String,
        waited: Duration,
    },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A stale lock this user cannot remove (a folder under its name, another user's file in a
    /// sticky folder): someone who may must remove `lock`.
    Unbreakable {
        path: PathBuf,
        lock: PathBuf,
        source: std::io::Error,
    },
}

/// Held while a project is read, changed and written; released on drop.
#[derive(Debug)]
pub struct WriteLock {
    path: PathBuf,
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        // A lock we cannot remove becomes stale and is broken by the next writer.
        let _ = std::fs::remove_file(&self.path);
    }
}

pub fn lock_path(project: &Path) -> PathBuf {
    let name = project.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    project.with_file_name(format!(".{name}.roi-write-lock"))
}

/// Takes the write lock of `project`, waiting for another writer up to [`WAIT_AT_MOST`].
pub fn lock_for_writing(project: &Path) -> Result<WriteLock, LockError> {
    let path = lock_path(project);
    let started = Instant::now();
    let mut pause = Duration::from_millis(5);
    loop {
        match create_signed(&path) {
            Ok(()) => return Ok(WriteLock { path }),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                if is_stale(&path) {
                    widen_the_race_in_tests();
                    if let Err(source) = break_if_still_stale(&path) {
                        return Err(LockError::Unbreakable { path: project.to_owned(), lock: path, source });
                    }
                    if started.elapsed() <= WAIT_AT_MOST {
                        continue;
                    }
                }
                if started.elapsed() > WAIT_AT_MOST {
                    let holder = super::open::read_small_text(&path).unwrap_or_default().trim().to_owned();
                    return Err(LockError::Busy {
                        path: project.to_owned(),
                        holder,
                        waited: started.elapsed(),
                    });
                }
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(100));
            }
            Err(source) => return Err(LockError::Io { path: project.to_owned(), source }),
        }
    }
}

/// Creates the lock file with its owner line already in it: written to a temporary file, then
/// linked to the lock's name, which fails if the lock exists. A waiting writer never sees a lock
/// without its owner (under load, an unsigned lock older than a second would be taken for a
/// killed writer's). Where links are refused, the file is created, then signed.
fn create_signed(path: &Path) -> std::io::Result<()> {
    let line = format!("{}\n", Owner::current().to_line());
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let signed = tempfile::Builder::new().prefix(".roi-lock-").tempfile_in(folder).and_then(|mut file| {
        file.write_all(line.as_bytes())?;
        Ok(file)
    });
    let linked = signed.and_then(|file| std::fs::hard_link(file.path(), path));
    match linked {
        Err(error) if error.kind() != std::io::ErrorKind::AlreadyExists => {
            let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path)?;
            // The owner line is informative; the lock is the file's existence.
            let _ = file.write_all(line.as_bytes());
            Ok(())
        }
        other => other,
    }
}

/// Removes a stale lock, unless another waiter broke it first and took the lock since. Two
/// waiters may both judge the old lock stale; only the one holding the breaker (a second file
/// created exclusively, signed by its waiter) removes it, after checking again: the other then
/// finds the first one's fresh lock, alive, and waits for it. A stale lock that cannot be
/// removed is an error: waiting would never end.
fn break_if_still_stale(path: &Path) -> std::io::Result<()> {
    let breaker = path.with_extension("roi-break");
    let created = std::fs::OpenOptions::new().write(true).create_new(true).open(&breaker);
    match created {
        Ok(mut file) => {
            let _ = file.write_all(Owner::current().to_line().as_bytes());
            let removed = if is_stale(path) { remove_unless_gone(path) } else { Ok(()) };
            let _ = std::fs::remove_file(&breaker);
            removed
        }
        // A breaker is held for a few system calls: one left by a waiter now dead on this host,
        // or this old, was left by a killed waiter.
        Err(_) if breaker_is_abandoned(&breaker) => remove_unless_gone(&breaker),
        Err(_) => {
            std::thread::sleep(Duration::from_millis(2));
            Ok(())
        }
    }
}

fn remove_unless_gone(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

fn breaker_is_abandoned(breaker: &Path) -> bool {
    let owner = super::open::read_small_text(breaker).and_then(|text| Owner::from_line(text.trim()));
    let dead = owner.is_some_and(|owner| owner.is_on_this_host() && !pid_is_alive(owner.pid));
    dead || age_of(breaker) > BREAKER_STALE_AFTER
}

/// Waiters that judged a lock stale together then act together: the tests see the race that
/// a busy shared folder makes rare.
fn widen_the_race_in_tests() {
    #[cfg(test)]
    std::thread::sleep(Duration::from_millis(5));
}

/// See [`break_if_still_stale`].
const BREAKER_STALE_AFTER: Duration = Duration::from_secs(10);

/// By the folder's clock: a writer whose clock runs ahead of the file server's must not take a
/// fresh lock for a stale one (two writers at once). Unknown ages count as fresh.
fn age_of(path: &Path) -> Duration {
    super::clock::age_of_file(path).unwrap_or_default()
}

/// A writer writes its owner line right after creating the lock; a lock still without one
/// after this long belongs to a writer killed in between.
const UNSIGNED_STALE_AFTER: Duration = Duration::from_secs(1);

fn is_stale(path: &Path) -> bool {
    if !path.exists() {
        return false;
    }
    let age = age_of(path);
    if age > STALE_AFTER {
        return true;
    }
    match super::open::read_small_text(path).and_then(|text| Owner::from_line(text.trim())) {
        Some(owner) => owner.is_on_this_host() && !pid_is_alive(owner.pid),
        None => age > UNSIGNED_STALE_AFTER,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_is_exclusive_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.toml");
        let lock = lock_for_writing(&project).unwrap();
        assert!(lock_path(&project).exists());
        drop(lock);
        assert!(!lock_path(&project).exists());
        let _again = lock_for_writing(&project).unwrap();
    }

    #[test]
    fn an_empty_lock_left_by_a_writer_killed_at_birth_is_broken() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.toml");
        std::fs::write(lock_path(&project), "").unwrap();
        let _lock = lock_for_writing(&project).unwrap();
    }

    /// Issue 11: several writers waiting on one stale lock break it once; they then take the
    /// lock one at a time (no one removes another's fresh lock).
    #[test]
    fn waiters_on_a_stale_lock_break_it_once_and_take_turns() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.toml");
        for _round in 0..5 {
            let dead = Owner { pid: u32::MAX - 1, ..Owner::current() };
            std::fs::write(lock_path(&project), dead.to_line()).unwrap();
            let inside = AtomicUsize::new(0);
            let most = AtomicUsize::new(0);
            std::thread::scope(|scope| {
                for _ in 0..6 {
                    scope.spawn(|| {
                        let lock = lock_for_writing(&project).unwrap();
                        let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(15));
                        inside.fetch_sub(1, Ordering::SeqCst);
                        drop(lock);
                    });
                }
            });
            assert_eq!(most.load(Ordering::SeqCst), 1, "two writers held the lock at once");
            assert!(!lock_path(&project).exists());
        }
    }

    #[test]
    fn a_lock_left_by_a_dead_process_is_broken() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.toml");
        let dead = Owner { pid: u32::MAX - 1, ..Owner::current() };
        std::fs::write(lock_path(&project), dead.to_line()).unwrap();
        let _lock = lock_for_writing(&project).unwrap();
    }
}
