//! What `update` asks the runtime to do: the only way the workbench reaches the disk or ends.

use super::app::Revision;
use crate::domain::montecarlo::Simulation;
use crate::domain::{Drivers, Project};
use crate::store::{Fingerprint, Original};
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    None,
    /// Write the project over `path`, keeping the comments of `original`, unless the file
    /// no longer matches `known` (`None`: overwrite anyway).
    Save {
        path: PathBuf,
        project: Box<Project>,
        original: Option<Original>,
        known: Option<Fingerprint>,
    },
    /// Write the project to a new file, never over an existing one.
    SaveAs {
        path: PathBuf,
        project: Box<Project>,
    },
    /// Recovered unsaved changes were restored or discarded: the recovery file can go.
    DiscardRecovery(PathBuf),
    /// Load another project.
    Open(PathBuf),
    /// Read a project of the folder to explain it, the open one staying open.
    LoadToExplain(PathBuf),
    /// Write a new project file (never over an existing one).
    CreateProject {
        path: PathBuf,
        project: Box<Project>,
    },
    /// Copy a project file's text, its project renamed "NAME (copy_word)".
    DuplicateProject {
        from: PathBuf,
        to: PathBuf,
        copy_word: String,
    },
    RenameProject {
        from: PathBuf,
        to: PathBuf,
    },
    ArchiveProject(PathBuf),
    /// Read the folder again.
    Rescan {
        folder: PathBuf,
        recursive: bool,
    },
    /// Run a Monte Carlo simulation in the background.
    Simulate {
        project: Box<Project>,
        drivers: Drivers,
        simulation: Simulation,
        /// The inputs' revision, handed back with the result.
        revision: Revision,
    },
    /// Write the executive summary beside the project (Markdown and HTML), each atomically.
    WriteSummary {
        files: Vec<(PathBuf, String)>,
    },
    Quit,
}
