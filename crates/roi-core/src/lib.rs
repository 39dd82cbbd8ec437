//! The pure domain: the project model, the engine and everything it computes.
//!
//! Nothing here touches a terminal, a file or the command line (a test checks it): figures
//! are pure functions of a [`project::Project`] and [`drivers::Drivers`]. Read it top to
//! bottom: `project` (what a file holds), `validate` (what a file may hold), `valuation` and
//! `engine` (DOMAIN.md §2), then `kpi`, `matrix`, `warnings`, `catalogue`, `reference`.

pub mod catalogue;
pub mod discount;
pub mod drivers;
pub mod engine;
pub mod explain;
pub mod flows;
pub mod identity;
pub mod inert;
pub mod information;
pub mod kpi;
pub mod limits;
pub mod matrix;
pub mod money;
pub mod montecarlo;
pub mod number;
pub mod portfolio;
pub mod project;
pub mod reference;
pub mod review;
pub mod scalar;
pub mod schema;
pub mod sensitivity;
pub mod typed;
pub mod uncertainty;
pub mod validate;
pub mod valuation;
pub mod warnings;
pub mod whatif;

pub use drivers::{Driver, Drivers};
pub use engine::Figures;
pub use project::Project;
