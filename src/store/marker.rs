//! "Being edited by …": an advisory marker beside a project while someone has unsaved
//! changes in it, so others reviewing the shared folder know before they edit too.
//!
//! The marker never blocks anyone: it is read, shown, and ignored when stale (its process is
//! dead on this host, or it is older than [`MARKER_MAX_AGE`], for a crashed session elsewhere).
//! OS file locks are not used for it: they are unreliable or invisible across network
//! filesystems, and a lock would block readers, which a marker must never do.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A marker older than this is ignored (a session on another host that died).
pub const MARKER_MAX_AGE: Duration = Duration::from_secs(12 * 3600);

/// Who holds a marker or lock: `user@host pid since` (since in seconds since 1970).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    pub user: String,
    pub host: String,
    pub pid: u32,
    pub since: u64,
}

impl Owner {
    pub fn current() -> Self {
        Self {
            user: std::env::var("USER").or_else(|_| std::env::var("LOGNAME")).unwrap_or_else(|_| "?".into()),
            host: host_name(),
            pid: std::process::id(),
            since: SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()),
        }
    }

    pub fn to_line(&self) -> String {
        format!("{}@{} {} {}", self.user, self.host, self.pid, self.since)
    }

    pub fn from_line(line: &str) -> Option<Self> {
        let mut parts = line.split_whitespace();
        let (user, host) = parts.next()?.split_once('@')?;
        let pid = parts.next()?.parse().ok()?;
        let since = parts.next()?.parse().ok()?;
        Some(Self { user: user.to_owned(), host: host.to_owned(), pid, since })
    }

    pub fn is_on_this_host(&self) -> bool {
        self.host == host_name()
    }

    pub fn is_me(&self) -> bool {
        self.is_on_this_host() && self.pid == std::process::id()
    }

    /// `user@host`
    pub fn who(&self) -> String {
        format!("{}@{}", self.user, self.host)
    }

    /// Dead on this host, or older than [`MARKER_MAX_AGE`]: by `file_age`, the marker file's age
    /// on its folder's clock, when known (the writer's clock and ours may be far apart); else
    /// by the time it says it was written.
    fn is_stale(&self, file_age: Option<Duration>) -> bool {
        let age = file_age.unwrap_or_else(|| {
            let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
            Duration::from_secs(now.saturating_sub(self.since))
        });
        age > MARKER_MAX_AGE || (self.is_on_this_host() && !pid_is_alive(self.pid))
    }
}

pub fn marker_path(project: &Path) -> PathBuf {
    let name = project.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    project.with_file_name(format!(".{name}.roi-editing"))
}

/// Says "I am editing this project". Best effort: a read-only folder simply gets no marker.
/// Written as a new file renamed into place: a link planted under the marker's name is
/// replaced, never written through.
pub fn mark_editing(project: &Path) {
    let _ = super::save::write_replacing(&marker_path(project), Owner::current().to_line());
}

/// Removes our own marker (never somebody else's).
pub fn clear_marker(project: &Path) {
    let path = marker_path(project);
    let mine = super::open::read_small_text(&path)
        .and_then(|t| Owner::from_line(t.trim()))
        .is_some_and(|o| o.is_me());
    if mine {
        let _ = std::fs::remove_file(path);
    }
}

/// Someone else editing the project right now, if a live marker says so.
pub fn editor_of(project: &Path) -> Option<Owner> {
    let path = marker_path(project);
    let text = super::open::read_small_text(&path)?;
    let owner = Owner::from_line(text.trim())?;
    if owner.is_me() {
        return None;
    }
    (!owner.is_stale(super::clock::age_of_file(&path))).then_some(owner)
}

/// Whether a process of this host is still running.
#[cfg(unix)]
pub fn pid_is_alive(pid: u32) -> bool {
    use rustix::process::{Pid, test_kill_process};
    let Some(pid) = i32::try_from(pid).ok().and_then(Pid::from_raw) else { return false };
    // Signal 0: only whether the process exists (alive but another user's: not permitted).
    matches!(test_kill_process(pid), Ok(()) | Err(rustix::io::Errno::PERM))
}

/// Elsewhere a process cannot be asked about: taken as alive (its marker ages out).
#[cfg(not(unix))]
pub fn pid_is_alive(_pid: u32) -> bool {
    true
}

fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|name| name.trim().to_owned())
        .ok()
        .filter(|name| !name.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "localhost".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_lines_round_trip() {
        let owner = Owner::current();
        assert_eq!(Owner::from_line(&owner.to_line()), Some(owner));
        assert_eq!(Owner::from_line("nonsense"), None);
    }

    #[test]
    fn my_own_marker_is_not_someone_else_and_dead_markers_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.toml");
        mark_editing(&project);
        assert_eq!(editor_of(&project), None);
        let other = Owner { pid: 1, user: "claire".into(), ..Owner::current() };
        std::fs::write(marker_path(&project), other.to_line()).unwrap();
        assert_eq!(editor_of(&project).map(|o| o.user), Some("claire".into()));
        let dead = Owner { pid: u32::MAX - 1, ..other };
        std::fs::write(marker_path(&project), dead.to_line()).unwrap();
        assert_eq!(editor_of(&project), None);
        clear_marker(&project);
        assert!(marker_path(&project).exists(), "never removes someone else's marker");
    }

    /// Issue 22: a marker's age is its file's, on the folder's clock: a colleague whose clock is a
    /// year behind (or ahead) still shows as editing, and an old marker file is stale whatever
    /// time it says it was written.
    #[test]
    fn a_marker_is_aged_by_the_folder_clock_not_the_writer_s() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.toml");
        let year = 365 * 24 * 3600;
        let skewed = Owner { pid: 1, user: "claire".into(), host: "other-host".into(), since: 1_000 };
        std::fs::write(marker_path(&project), skewed.to_line()).unwrap();
        assert_eq!(editor_of(&project).map(|o| o.user), Some("claire".into()));
        let ahead = Owner { since: skewed.since + 100 * year, ..skewed };
        std::fs::write(marker_path(&project), ahead.to_line()).unwrap();
        let written = std::fs::metadata(marker_path(&project)).unwrap().modified().unwrap();
        let old = written - MARKER_MAX_AGE - Duration::from_secs(60);
        std::fs::File::options().write(true).open(marker_path(&project)).unwrap().set_modified(old).unwrap();
        assert_eq!(editor_of(&project), None);
    }
}
