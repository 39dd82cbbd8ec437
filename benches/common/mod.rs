//! Shared fixtures of the benchmarks: the sample projects, the largest of them, and a
//! synthetic project bigger than any real one, so the numbers are conservative.
#![allow(dead_code)] // Each benchmark uses part of these fixtures.

use roi_workbench::domain::Project;
use roi_workbench::domain::validate::validate;
use roi_workbench::store::{self, Loaded};
use std::path::{Path, PathBuf};

/// Width and height of the terminal the frame benchmarks draw on.
pub const WIDTH: u16 = 200;
pub const HEIGHT: u16 = 60;

pub fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data")
}

/// The sample project files, sorted by name.
pub fn sample_files() -> Vec<PathBuf> {
    store::project_files(&sample_dir(), false).unwrap_or_else(|e| panic!("sample-data: {e}"))
}

fn load(path: &Path) -> Loaded {
    store::load(path).unwrap_or_else(|e| panic!("{e}"))
}

/// The sample with the most benefit, cost and KPI lines (then the longest horizon, then
/// the most risks): the heaviest a user opens today.
pub fn largest_sample_path() -> PathBuf {
    let size = |path: &PathBuf| {
        let project = load(path).project;
        let lines = project.benefits.len() + project.costs.len() + project.kpis.len();
        (lines, project.horizon(), project.risks.len())
    };
    // `max_by_key` keeps the last of equals: reverse so the first by name wins a tie.
    sample_files().into_iter().rev().max_by_key(size).unwrap_or_else(|| panic!("no sample project"))
}

pub fn largest_sample() -> Loaded {
    load(&largest_sample_path())
}

/// The largest sample's file name, to label the benchmarks with.
pub fn largest_sample_name() -> String {
    largest_sample_path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// A project larger than any real one: 10 benefits, 20 costs, 10 risks, 18 KPIs (the most a
/// project may have), 120 months. Lines are taken in turn from every sample, so every kind
/// of benefit and cost is there; the project is valid and has an internal rate of return
/// (the bisection that finds it is most of a recompute: a project without one would flatter
/// the numbers).
pub fn big_project() -> Project {
    fn pool<T: Clone>(lines: impl Fn(&Project) -> &Vec<T>, count: usize) -> Vec<T> {
        let samples: Vec<Project> = sample_files().iter().map(|path| load(path).project).collect();
        let all: Vec<T> = samples.iter().flat_map(|p| lines(p).iter().cloned()).collect();
        all.into_iter().cycle().take(count).collect()
    }
    let mut project = largest_sample().project;
    project.project.horizon_months = Some(120);
    project.benefits = pool(|p| &p.benefits, 10);
    project.costs = pool(|p| &p.costs, 20);
    project.risks = pool(|p| &p.risks, 10);
    project.kpis = pool(|p| &p.kpis, 18);
    for (i, kpi) in project.kpis.iter_mut().enumerate() {
        kpi.key = format!("{}_{i}", kpi.key);
    }
    let problems = validate(&project);
    assert!(problems.is_empty(), "the big project is invalid: {problems:?}");
    let figures =
        roi_workbench::domain::Figures::compute(&project, &roi_workbench::domain::Drivers::default());
    assert!(figures.irr_annual.is_some(), "the big project has no IRR: pick other lines");
    project
}

pub mod workbench {
    //! The workbench opened on the largest sample, at 200×60, and the keypresses timed.

    use super::{HEIGHT, WIDTH};
    use roi_workbench::domain::validate::FieldPath;
    use roi_workbench::i18n::Lang;
    use roi_workbench::store::edit::set_value;
    use roi_workbench::tui::action::Action;
    use roi_workbench::tui::app::{App, Cursor, Tab};
    use roi_workbench::tui::{dispatch, tabs, workspace};

    /// What `roi FILE` does before its first frame: open the file (and read its folder for
    /// the portfolio), build the app, learn the terminal's size.
    pub fn open(tab: Tab) -> App {
        let opened = workspace::open(Some(&super::largest_sample_path()), Lang::Fr)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let mut app = App::new(opened.loaded, opened.portfolio, Lang::Fr);
        dispatch(&mut app, Action::Resize(WIDTH, HEIGHT));
        dispatch(&mut app, Action::GoTab(tab));
        app
    }

    /// The workbench on the Sensitivity tab with the first slider one step off neutral, so
    /// that every press of [`slider_press`] recomputes (at neutral the base figures are
    /// reused, which would flatter half of the presses).
    pub fn open_with_slider_moved(tab: Tab) -> App {
        let mut app = open(tab);
        dispatch(&mut app, Action::AdjustDriver(1));
        app
    }

    /// One slider step, back and forth between one and two steps off neutral.
    pub fn slider_press(app: &mut App, i: usize) {
        dispatch(app, Action::AdjustDriver(if i.is_multiple_of(2) { 1 } else { -1 }));
    }

    /// The first cost with a monthly amount, as a path (`costs[2].monthly`), and that amount.
    pub fn monthly_cost(app: &App) -> (FieldPath, String) {
        let index = app.project.costs.iter().position(|c| c.monthly.is_some()).unwrap_or_else(|| {
            panic!("the sample has no monthly cost");
        });
        let path = FieldPath::parse(&format!("costs[{index}].monthly")).unwrap_or_default();
        let value = app.project.costs[index].monthly.unwrap_or_default().to_string();
        (path, value)
    }

    /// A new value for the cost, alternating so that every edit changes the figures.
    pub fn edited_value(original: &str, i: usize) -> String {
        let base: i64 = original.parse().unwrap_or(500);
        (base + 100 + i64::try_from(i % 2).unwrap_or(0) * 50).to_string()
    }

    /// An edit of the project as `update` makes it (the value set, the figures recomputed),
    /// without growing the undo history over millions of iterations.
    pub fn set_cost(app: &mut App, path: &FieldPath, value: &str) {
        app.project =
            set_value(&app.project, path, value, app.lang.convention()).unwrap_or_else(|e| panic!("{e}"));
        app.dirty = true;
        app.recompute();
    }

    /// Puts the TCO tab's cursor on the cell of `path`.
    pub fn select_cell(app: &mut App, path: &FieldPath) {
        app.tab = Tab::Tco;
        let grid = tabs::grid(app).unwrap_or_default();
        let (row, column) = grid
            .rows
            .iter()
            .enumerate()
            .find_map(|(r, row)| row.cells.iter().position(|c| c.path.as_ref() == Some(path)).map(|c| (r, c)))
            .unwrap_or_else(|| panic!("no cell for {path}"));
        app.cursors[Tab::Tco.index()] = Cursor { row, column };
    }

    /// Enter on the selected cell, Ctrl-u, the digits of `value`: the editor is open with
    /// the new value typed; the next Enter commits it.
    pub fn type_value(app: &mut App, value: &str) {
        dispatch(app, Action::Edit);
        dispatch(app, Action::ClearInput);
        for c in value.chars() {
            dispatch(app, Action::Input(c));
        }
    }
}
