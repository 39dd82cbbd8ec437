//! Reading a folder of projects into portfolio rows (invalid files included, with their
//! first problem), and a cheap signature of the folder to notice changes by polling.

use super::clock::rfc3339;
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

/// Every project file of `dir` (and its subfolders when `recursive`), as rows, in the order
/// of the files: read, parsed and computed on every core.
pub fn scan(dir: &Path, recursive: bool, lang: crate::i18n::Lang) -> std::io::Result<Vec<Scanned>> {
    use rayon::prelude::*;
    Ok(project_files(dir, recursive)?.into_par_iter().map(|path| scan_file(dir, path, lang)).collect())
}

fn scan_file(dir: &Path, path: PathBuf, lang: crate::i18n::Lang) -> Scanned {
    let file = path.strip_prefix(dir).unwrap_or(&path).display().to_string();
    let mut row = match read_project(&path) {
        Ok((project, metadata)) => {
            let row = PortfolioRow::of_project(file, &project);
            PortfolioRow { modified: metadata.modified().ok().map(rfc3339), ..row }
        }
        Err(error) => {
            let row = PortfolioRow::invalid(file, error.lines(lang).into_iter().next().unwrap_or_default());
            PortfolioRow {
                modified: std::fs::metadata(&path).and_then(|m| m.modified()).ok().map(rfc3339),
                ..row
            }
        }
    };
    row.edited_by = marker::editor_of(&path).map(|owner| owner.who());
    Scanned { path, row }
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

    #[test]
    fn invalid_files_are_rows_with_their_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("bad.toml"), "schema = 1\n[project]\nname = \"X\"\nimpact = 11\n")
            .unwrap();
        let rows = scan(dir.path(), false, crate::i18n::Lang::En).unwrap();
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
            scan(dir.path(), true, crate::i18n::Lang::En).unwrap().into_iter().map(|s| s.row.file).collect();
        assert_eq!(files, ["a.toml", "sub/b.toml"]);
        assert!(
            scan(&dir.path().join("a.toml"), false, crate::i18n::Lang::En).is_err(),
            "a file is not a folder"
        );
    }
}
