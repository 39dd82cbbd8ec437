//! The "being edited" marker others see beside a project with unsaved changes here.

use crate::store::marker;
use std::path::PathBuf;

/// Our "being edited" marker, beside the file that has unsaved changes here, if any. It
/// follows the project: saved as, renamed or reopened, the old one goes.
#[derive(Debug, Default)]
pub(super) struct EditMarker {
    beside: Option<PathBuf>,
}

impl EditMarker {
    pub(super) fn follow(&mut self, wanted: Option<&PathBuf>) {
        if self.beside.as_ref() == wanted {
            return;
        }
        if let Some(old) = self.beside.take() {
            marker::clear_marker(&old);
        }
        if let Some(path) = wanted {
            marker::mark_editing(path);
            self.beside = Some(path.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// Issue 11: saved as another file (or renamed), the project's marker moves with it; no
    /// "being edited by" is left on the original for others to see.
    #[test]
    fn the_edit_marker_follows_the_project() {
        let dir = tempfile::tempdir().unwrap();
        let (first, second) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
        let marked = |path: &Path| marker::marker_path(path).exists();
        let mut marker = EditMarker::default();
        marker.follow(Some(&first));
        assert!(marked(&first));
        marker.follow(Some(&second));
        assert!(!marked(&first) && marked(&second));
        marker.follow(None);
        assert!(!marked(&second));
    }
}
