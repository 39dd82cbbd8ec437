//! Dates from the system clock, in UTC: the only place the program reads the calendar; and
//! the clock of a folder, by which the age of a file in it is judged.

use crate::domain::project::YearMonth;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The name every probe file of [`folder_now`] starts with (the save's sweep removes any that a
/// killed process left).
pub const PROBE_PREFIX: &str = ".roi-clock-";

/// "Now" by the clock that stamps the files of `folder`: the modification time its file system
/// gives a file created there now. A shared folder's files are stamped by the file server, whose
/// clock may be minutes or a year away from this machine's: a file's age is only ever the
/// difference of two times of that one clock. `None` where nothing can be created there (a
/// read-only folder).
pub fn folder_now(folder: &Path) -> Option<SystemTime> {
    let probe = tempfile::Builder::new().prefix(PROBE_PREFIX).tempfile_in(folder).ok()?;
    probe.as_file().metadata().and_then(|m| m.modified()).ok()
}

/// How long ago `modified` was, by the clock of the folder (`now` from [`folder_now`]); zero for
/// a time after it.
pub fn age(modified: SystemTime, now: SystemTime) -> Duration {
    now.duration_since(modified).unwrap_or_default()
}

/// How old the file at `path` is by its folder's clock; `None` when it or the folder's clock
/// cannot be read.
pub fn age_of_file(path: &Path) -> Option<Duration> {
    let modified = std::fs::symlink_metadata(path).and_then(|m| m.modified()).ok()?;
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    Some(age(modified, folder_now(folder)?))
}

/// The calendar month of `time` (UTC).
pub fn month_of(time: SystemTime) -> YearMonth {
    let (year, month, _) = civil_from_days(days_since_epoch(time));
    YearMonth { year: i32::try_from(year).unwrap_or(i32::MAX), month: u32::try_from(month).unwrap_or(1) }
}

/// This month, from the system clock.
pub fn this_month() -> YearMonth {
    month_of(SystemTime::now())
}

fn days_since_epoch(time: SystemTime) -> i64 {
    let seconds = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    i64::try_from(seconds / 86_400).unwrap_or(0)
}

/// `YYYY-MM-DDTHH:MM:SSZ` (UTC).
pub fn rfc3339(time: SystemTime) -> String {
    let rest = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()) % 86_400;
    let (year, month, day) = civil_from_days(days_since_epoch(time));
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest % 3600 / 60, rest % 60)
}

/// Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn dates_in_rfc_3339() {
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(UNIX_EPOCH + Duration::from_secs(1_795_000_000)), "2026-11-18T11:06:40Z");
        assert_eq!(rfc3339(UNIX_EPOCH + Duration::from_secs(951_782_400)), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn the_folder_clock_is_the_one_that_stamps_its_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old");
        std::fs::write(&path, "").unwrap();
        let written = std::fs::metadata(&path).unwrap().modified().unwrap();
        let now = folder_now(dir.path()).unwrap();
        assert!(now >= written);
        let an_hour_ago = written - Duration::from_secs(3600);
        std::fs::File::options().write(true).open(&path).unwrap().set_modified(an_hour_ago).unwrap();
        let seen = age_of_file(&path).unwrap();
        assert!(seen >= Duration::from_secs(3600) && seen < Duration::from_secs(3660), "{seen:?}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "the probe is removed");
        assert_eq!(age(now + Duration::from_secs(5), now), Duration::ZERO);
    }

    #[test]
    fn months_of_dates() {
        let november = UNIX_EPOCH + Duration::from_secs(1_795_000_000);
        assert_eq!(month_of(november), YearMonth { year: 2026, month: 11 });
        assert_eq!(month_of(UNIX_EPOCH), YearMonth { year: 1970, month: 1 });
    }
}
