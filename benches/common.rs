//! Shared fixtures of the benchmarks: the largest sample, and a big synthetic project.
#![allow(dead_code)] // Each benchmark uses part of these fixtures.

use roi_workbench::domain::Project;
use roi_workbench::store::{self, Loaded};
use std::path::{Path, PathBuf};

pub fn sample_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data").join(name)
}

/// The sample with the longest horizon and the most lines.
pub fn largest_sample() -> Loaded {
    store::load(&sample_path("prevision-demande.toml")).unwrap_or_else(|e| panic!("{e}"))
}

/// A project larger than any real one: 10 benefits, 20 costs, 10 risks, 18 KPIs, 120 months.
pub fn big_project() -> Project {
    let mut project = largest_sample().project;
    project.project.horizon_months = Some(120);
    let benefit = project.benefits[0].clone();
    let cost = project.costs[2].clone();
    let risk = project.risks[0].clone();
    project.benefits = vec![benefit; 10];
    project.costs = vec![cost; 20];
    project.risks = vec![risk; 10];
    let kpi = project.kpis[0].clone();
    project.kpis = (0..18)
        .map(|i| roi_workbench::domain::project::Kpi { key: format!("k{i}"), ..kpi.clone() })
        .collect();
    project
}
