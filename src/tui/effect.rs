//! What `update` asks the runtime to do: the only way the workbench reaches the disk or ends.

use crate::domain::Project;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    None,
    /// Write the project over `path`, keeping the comments of `original`.
    Save {
        path: PathBuf,
        project: Box<Project>,
        original: Option<String>,
    },
    /// Load another project.
    Open(PathBuf),
    Quit,
}
