//! What the workbench opens: a file, a folder, or the user's workspace folder in the platform
//! data directory, seeded with the sample projects on first run so a new user lands on real
//! figures at once.

use super::app::{PortfolioEntry, rank_portfolio};
use crate::domain::portfolio::PortfolioRow;
use crate::store::{self, Loaded};
use std::path::{Path, PathBuf};

/// The sample projects shipped in the binary, written to a new workspace.
const SAMPLES: &[(&str, &str)] = &[
    ("factures-fournisseurs.toml", include_str!("../../sample-data/factures-fournisseurs.toml")),
    ("assistant-service-client.toml", include_str!("../../sample-data/assistant-service-client.toml")),
    ("personnalisation-emailing.toml", include_str!("../../sample-data/personnalisation-emailing.toml")),
    ("tri-cv.toml", include_str!("../../sample-data/tri-cv.toml")),
    ("assistant-code.toml", include_str!("../../sample-data/assistant-code.toml")),
    ("prevision-demande.toml", include_str!("../../sample-data/prevision-demande.toml")),
];

pub struct Opened {
    pub loaded: Loaded,
    pub portfolio: Vec<PortfolioEntry>,
    /// Something to tell the user in the status bar.
    pub note: Option<String>,
    /// A folder (or the workspace) was opened, rather than one file.
    pub folder: bool,
}

/// The user's workspace folder: `<data dir>/roi-workbench/projects`.
pub fn workspace_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "roi-workbench").map(|dirs| dirs.data_dir().join("projects"))
}

/// When a folder's rows are read: at once (tests, benchmarks, scripts), or later, off the
/// input thread, so the workbench shows its first rows while the rest are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    Now,
    Later,
}

/// Opens `target`, or the workspace, with the folder's rows. Errors are the lines to print,
/// `file:line:col: …`.
pub fn open(target: Option<&Path>, lang: crate::i18n::Lang) -> Result<Opened, Vec<String>> {
    open_with(target, lang, Rows::Now)
}

/// [`open`], the rows read now or left for later: a folder then opens on its first valid
/// project by name (the best-ranked is not known before every file is read).
pub fn open_with(target: Option<&Path>, lang: crate::i18n::Lang, rows: Rows) -> Result<Opened, Vec<String>> {
    let mut note = None;
    let target = match target {
        Some(path) => path.to_owned(),
        None => {
            let dir =
                workspace_dir().ok_or_else(|| vec!["no home directory to keep a workspace in".to_owned()])?;
            if seed_if_new(&dir).map_err(|e| vec![format!("{}: {e}", dir.display())])? {
                note = Some(dir.display().to_string());
            }
            dir
        }
    };
    if target.is_dir() {
        match rows {
            Rows::Now => open_folder(&target, note, lang),
            Rows::Later => open_first(&target, note, lang),
        }
    } else {
        let loaded = store::load(&target).map_err(|e| e.lines(lang))?;
        if rows == Rows::Later {
            return Ok(Opened { loaded, portfolio: Vec::new(), note, folder: false });
        }
        let folder = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let mut portfolio = scan(folder, false, lang);
        if !portfolio.iter().any(|e| e.path == loaded.path) {
            let file = loaded.path.display().to_string();
            let row = PortfolioRow::of_project(file, &loaded.project);
            portfolio.push(PortfolioEntry { path: loaded.path.clone(), row });
            rank_portfolio(&mut portfolio);
        }
        Ok(Opened { loaded, portfolio, note, folder: false })
    }
}

/// A folder whose rows are read later opens on its first valid project by name.
fn open_first(dir: &Path, note: Option<String>, lang: crate::i18n::Lang) -> Result<Opened, Vec<String>> {
    let files = store::project_files(dir, false).map_err(|e| vec![format!("{}: {e}", dir.display())])?;
    let mut errors = Vec::new();
    for path in files {
        match store::load(&path) {
            Ok(loaded) => return Ok(Opened { portfolio: Vec::new(), loaded, note, folder: true }),
            Err(error) => errors.extend(error.lines(lang)),
        }
    }
    if errors.is_empty() {
        errors.push(format!("{}: no project file (*.toml) here — create one with `roi new`", dir.display()));
    }
    Err(errors)
}

/// A folder opens on its best-ranked valid project (the top of the matrix).
fn open_folder(dir: &Path, note: Option<String>, lang: crate::i18n::Lang) -> Result<Opened, Vec<String>> {
    store::project_files(dir, false).map_err(|e| vec![format!("{}: {e}", dir.display())])?;
    let portfolio = scan(dir, false, lang);
    let mut errors: Vec<String> = portfolio.iter().filter_map(|e| e.row.error.clone()).collect();
    for entry in portfolio.iter().filter(|e| e.row.is_valid()) {
        match store::load(&entry.path) {
            Ok(loaded) => return Ok(Opened { portfolio, loaded, note, folder: true }),
            Err(error) => errors.extend(error.lines(lang)),
        }
    }
    if errors.is_empty() {
        errors.push(format!("{}: no project file (*.toml) here — create one with `roi new`", dir.display()));
    }
    Err(errors)
}

/// Every project file of a folder, valid or not, in the matrix's order.
pub fn scan(dir: &Path, recursive: bool, lang: crate::i18n::Lang) -> Vec<PortfolioEntry> {
    let mut entries = crate::store::portfolio::scan(dir, recursive, lang).unwrap_or_default();
    rank_portfolio(&mut entries);
    entries
}

/// Writes the samples into a workspace that does not exist yet; true when it did so.
fn seed_if_new(dir: &Path) -> std::io::Result<bool> {
    if dir.exists() {
        return Ok(false);
    }
    std::fs::create_dir_all(dir)?;
    for (name, text) in SAMPLES {
        crate::store::save::write_replacing(&dir.join(name), text).map_err(std::io::Error::other)?;
    }
    Ok(true)
}
