//! Renderers of computed figures: JSON (a public interface, DOMAIN.md §8), Markdown (a
//! one-page summary), CSV (the monthly table), HTML (the executive summary with its SVG
//! charts) and xlsx (the same figures as live formulas over the inputs, each carrying the
//! engine's result). Nothing is recomputed here.

pub mod charts;
pub mod csv;
pub mod document;
pub mod escape;
pub mod explain;
pub mod html;
pub mod json;
pub mod markdown;
pub mod markup;
pub mod portfolio;
pub mod request;
pub mod summary;
pub mod xlsx;

pub use crate::i18n::review::quadrant_name;
