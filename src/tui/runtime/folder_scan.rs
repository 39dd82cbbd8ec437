//! Reading a folder off the input thread: the first rows shown as soon as they are known,
//! the rest as they come, through the summary cache (an unchanged file is not read again).

use super::super::action::Action;
use super::super::app::rank_portfolio;
use crate::i18n::Lang;
use crate::store::portfolio::{ScanOptions, Scanned, scan_with};
use crate::store::summary_cache;
use std::path::PathBuf;
use std::sync::mpsc;

/// A folder being read on another thread. Dropping it drops what it would still report: a
/// folder read again replaces the reading before it, whose rows never arrive.
pub(super) struct FolderScan {
    reports: mpsc::Receiver<Action>,
}

impl FolderScan {
    /// Reads `folder`; with `stream`, reports its rows batch by batch (a first reading, when
    /// the workbench has none yet), else only all of them at the end (a re-reading, which
    /// replaces the rows on screen at once).
    pub(super) fn start(folder: PathBuf, recursive: bool, lang: Lang, stream: bool) -> Self {
        let (sender, reports) = mpsc::channel();
        std::thread::spawn(move || {
            let cache_dir = summary_cache::cache_dir();
            let batch = |rows: &[Scanned], done: usize, total: usize| {
                if stream {
                    let _ = sender.send(Action::PortfolioRows { entries: rows.to_vec(), done, total });
                }
            };
            let options = ScanOptions {
                cache_dir: cache_dir.as_deref(),
                progress: Some(&batch),
                ..ScanOptions::new(recursive, lang)
            };
            let mut entries = scan_with(&folder, options).map(|scan| scan.rows).unwrap_or_default();
            rank_portfolio(&mut entries);
            // The receiver is gone only if the workbench quit or read the folder again meanwhile.
            let _ = sender.send(Action::PortfolioScanned(entries));
        });
        Self { reports }
    }

    /// What the reading reported since last asked, and whether it is over.
    pub(super) fn poll(&mut self) -> (Vec<Action>, bool) {
        let reports: Vec<Action> = self.reports.try_iter().collect();
        let over = reports.iter().any(|action| matches!(action, Action::PortfolioScanned(_)));
        (reports, over)
    }
}
