//! Opening files of a shared folder that anyone may have put there: a FIFO that would block a
//! read for ever, a device or a link to one that never ends (`/dev/zero`), a file larger than a
//! project can be. The type and size are judged from the open handle, never from the name (the
//! file can be swapped in between), and at most the limit plus one byte is read.

use std::io::Read;
use std::path::Path;

/// Why a file's bytes were not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// A FIFO, a device, a socket or a folder: not a file to read a project from.
    #[error("not a regular file")]
    NotRegular,
    /// More bytes than `limit`: `seen` is the size known (the file's, or `limit + 1`).
    #[error("more than {limit} bytes")]
    TooLarge { seen: u64, limit: u64 },
}

/// The bytes of the regular file at `path` (a link to one is followed), at most `limit`.
/// Opened without blocking, so that a FIFO answers at once; its type read from the handle.
pub fn read_regular(path: &Path, limit: u64) -> Result<(Vec<u8>, std::fs::Metadata), ReadError> {
    let file = open_without_blocking(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(ReadError::NotRegular);
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge { seen: metadata.len(), limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { seen: bytes.len() as u64, limit });
    }
    Ok((bytes, metadata))
}

/// The text of a small file of ours beside a project (a marker, a lock): `None` when it is not
/// a regular file of at most a few lines — a planted FIFO never blocks the folder's scan.
pub fn read_small_text(path: &Path) -> Option<String> {
    const SMALL: u64 = 4096;
    let (bytes, _) = read_regular(path, SMALL).ok()?;
    String::from_utf8(bytes).ok()
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().read(true).custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32).open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_within_its_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, "abc").unwrap();
        assert_eq!(read_regular(&path, 3).unwrap().0, b"abc");
        assert!(matches!(read_regular(&path, 2), Err(ReadError::TooLarge { seen: 3, limit: 2 })));
    }

    /// Issue 23: a FIFO answers at once instead of blocking; a device is not read past the limit.
    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_device_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.toml");
        rustix::fs::mkfifoat(rustix::fs::CWD, &fifo, rustix::fs::Mode::from_raw_mode(0o644)).unwrap();
        assert!(matches!(read_regular(&fifo, 10), Err(ReadError::NotRegular)));
        let zero = dir.path().join("zero.toml");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert!(matches!(read_regular(&zero, 10), Err(ReadError::NotRegular)));
        assert!(matches!(read_regular(dir.path(), 10), Err(ReadError::NotRegular)));
    }
}
