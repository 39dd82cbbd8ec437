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

/// Rates are kept as fractions and shown as percentages (`0.05` is `5 %`), everywhere the
/// workbench shows or edits them.
pub fn shown_as_percent(path: &crate::domain::validate::FieldPath) -> bool {
    use crate::domain::validate::Segment;
    let field = path.0.iter().rev().find_map(|segment| match segment {
        Segment::Key(key) if key != "range" => Some(key.as_str()),
        _ => None,
    });
    field.is_some_and(|field| {
        crate::domain::uncertainty::is_fraction(field) || matches!(field, "discount_rate" | "contingency")
    })
}
