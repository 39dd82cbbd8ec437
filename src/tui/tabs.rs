//! One module per tab: each builds what it shows from the app state (a grid, figures already
//! computed by the engine) and draws it. No figure is computed here.

pub mod baseline;
pub mod kpis;
pub mod matrix;
pub mod portfolio;
pub mod review;
pub mod sensitivity;
pub mod summary;
pub mod tco;

use super::app::{App, Tab};
use super::grid::Grid;

/// The editable table of a tab, if it has one.
pub fn grid(app: &App) -> Option<Grid> {
    match app.tab {
        Tab::Baseline => Some(baseline::grid(app)),
        Tab::Tco => Some(tco::grid(app)),
        Tab::Kpis => Some(kpis::grid(app)),
        Tab::Summary | Tab::Matrix | Tab::Sensitivity | Tab::Portfolio => None,
    }
}

/// A path into the project, written as in the file (`costs[1].monthly`).
pub fn path(text: &str) -> crate::domain::validate::FieldPath {
    crate::domain::validate::FieldPath::parse(text).unwrap_or_default()
}
