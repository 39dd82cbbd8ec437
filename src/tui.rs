//! The interactive workbench: the runtime around the pure `update` and `view`.
//!
//! State → `Action` → pure `update` → `Effect` performed by the `runtime` → views drawn from
//! state. Only `runtime` touches the terminal, the disk, the clock or the environment.

pub mod action;
pub mod app;
pub mod choices;
pub mod compare;
pub mod data_table;
pub mod effect;
pub mod explaining;
pub mod folder;
pub mod grid;
pub mod keymap;
pub mod palette;
pub mod review;
mod runtime;
pub mod saving;
pub mod tabs;
pub mod theme;
pub mod update;
pub mod view;
pub mod whatif;
pub mod widgets;
pub mod workspace;

pub use runtime::{dispatch, run};
