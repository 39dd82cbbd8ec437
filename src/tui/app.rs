//! The workbench's state: the project being worked on, its figures, what is selected and what
//! the user is doing. Views read it; only `update` changes it.

use crate::domain::drivers::Driver;
use crate::domain::engine::Figures;
use crate::domain::matrix::{Quadrant, RankKey, rank_order};
use crate::domain::montecarlo::MonteCarlo;
use crate::domain::sensitivity::{DEFAULT_WIDTH, ScenarioSummary, TornadoBar, tornado};
use crate::domain::validate::FieldPath;
use crate::domain::{Drivers, Project};
use crate::i18n::{Lang, Text};
use crate::store::{Fingerprint, LoadError, Loaded};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Summary,
    Baseline,
    Tco,
    Kpis,
    Matrix,
    Sensitivity,
}

impl Tab {
    pub const ALL: [Tab; 6] =
        [Tab::Summary, Tab::Baseline, Tab::Tco, Tab::Kpis, Tab::Matrix, Tab::Sensitivity];

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn title(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Tab::Summary => Text::TabSummary,
            Tab::Baseline => Text::TabBaseline,
            Tab::Tco => Text::TabTco,
            Tab::Kpis => Text::TabKpis,
            Tab::Matrix => Text::TabMatrix,
            Tab::Sensitivity => Text::TabSensitivity,
        })
    }

    pub fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % Tab::ALL.len()]
    }

    pub fn previous(self) -> Tab {
        Tab::ALL[(self.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }
}

/// A Monte Carlo run: none yet, drawing in the background, or done.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum SimulationState {
    #[default]
    Idle,
    Running {
        done: usize,
        total: usize,
    },
    Done(Box<MonteCarlo>),
}

/// What the keyboard currently drives.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    Help,
    /// Typing a new value for the field at `path`.
    Editing {
        path: FieldPath,
        buffer: String,
        error: Option<String>,
    },
    /// Typing an answer to a question (a scenario's name, a measurement).
    Prompt {
        purpose: Purpose,
        buffer: String,
        error: Option<String>,
    },
    /// Choosing a KPI to add from the catalogue.
    Picker {
        selected: usize,
    },
    ConfirmQuit,
    /// The file changed on disk since it was opened and we were about to save over it.
    Conflict {
        disk_text: String,
        comparing: bool,
    },
    /// Unsaved changes from a session that ended badly are waiting.
    Recovery {
        project: Box<Project>,
    },
    /// The scenarios side by side; `selected` 0 is the base.
    Scenarios {
        selected: usize,
        rows: Vec<ScenarioSummary>,
    },
    /// The Monte Carlo results: histogram, fan chart, percentiles.
    MonteCarlo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    ScenarioName,
    Measurement {
        kpi: usize,
    },
    /// Where to save a copy (read-only file, or a conflict kept as a copy).
    SaveAs,
    /// A target for the selected driver: `roi_adjusted=150`, `npv=0`, `break_even=18`.
    GoalSeek,
    /// A new name for a scenario.
    RenameScenario {
        index: usize,
    },
}

/// A message in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusMessage {
    pub text: String,
    pub is_error: bool,
}

/// The selected cell of a tab's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cursor {
    pub row: usize,
    pub column: usize,
}

/// One project of the folder, as the matrix shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PortfolioEntry {
    pub path: PathBuf,
    pub name: String,
    pub impact: Option<i64>,
    pub feasibility: Option<i64>,
    pub quadrant: Option<Quadrant>,
    pub npv: Decimal,
    pub tco: Decimal,
    /// The first problem of an invalid file, as `file:line:col: message`.
    pub error: Option<String>,
}

impl PortfolioEntry {
    pub fn from_loaded(loaded: &Loaded) -> Self {
        let figures = Figures::compute(&loaded.project, &Drivers::default());
        let info = &loaded.project.project;
        Self {
            path: loaded.path.clone(),
            name: info.name.clone(),
            impact: info.impact,
            feasibility: info.feasibility,
            quadrant: figures.quadrant,
            npv: figures.flows.npv,
            tco: figures.flows.at_horizon().tco,
            error: None,
        }
    }

    pub fn from_error(path: &Path, error: &LoadError) -> Self {
        Self {
            path: path.to_owned(),
            name: path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            impact: None,
            feasibility: None,
            quadrant: None,
            npv: Decimal::ZERO,
            tco: Decimal::ZERO,
            error: error.lines().into_iter().next(),
        }
    }

    fn rank_key(&self) -> RankKey {
        RankKey {
            quadrant: self.quadrant,
            impact: self.impact.unwrap_or(0),
            feasibility: self.feasibility.unwrap_or(0),
            npv: self.npv,
        }
    }
}

/// Sorts portfolio entries in the matrix's order (DOMAIN.md §4); invalid files last.
pub fn rank_portfolio(entries: &mut [PortfolioEntry]) {
    entries.sort_by(|a, b| {
        a.error.is_some().cmp(&b.error.is_some()).then_with(|| rank_order(&a.rank_key(), &b.rank_key()))
    });
}

/// Undo and redo stacks of whole projects: simple, and exact whatever the edit was.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub undo: Vec<Project>,
    pub redo: Vec<Project>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct App {
    pub lang: Lang,
    pub project: Project,
    /// Where the project is saved; `None` for a project not yet on disk.
    pub path: Option<PathBuf>,
    /// The text last read or written, so saving keeps the user's comments.
    pub original: Option<String>,
    /// What the file looked like when last read or written, to detect other writers.
    pub fingerprint: Option<Fingerprint>,
    /// The file or its folder cannot be written: saving offers "save as".
    pub read_only: bool,
    /// Someone else changed the file on disk while we have unsaved changes.
    pub changed_on_disk: bool,
    /// Someone else is editing this project (`user@host since hh:mm`).
    pub edited_by: Option<String>,
    pub figures: Figures,
    /// The figures without the sliders, to compare against.
    pub base_figures: Figures,
    /// The sensitivity sliders: never saved unless made a scenario.
    pub drivers: Drivers,
    /// Show the figures under the ×2/÷2 rule.
    pub stress_view: bool,
    /// Each driver moved ±`tornado_width` alone, largest NPV swing first.
    pub tornado: Vec<TornadoBar>,
    pub tornado_width: Decimal,
    /// The Monte Carlo run of the current project and sliders, if one was asked for.
    pub simulation: SimulationState,
    pub tab: Tab,
    pub cursors: [Cursor; 6],
    pub driver: usize,
    pub portfolio: Vec<PortfolioEntry>,
    pub portfolio_selected: usize,
    pub mode: Mode,
    pub history: History,
    pub dirty: bool,
    pub status: Option<StatusMessage>,
    pub should_quit: bool,
    /// Quit as soon as the pending save succeeds.
    pub quit_after_save: bool,
    /// The terminal's size (columns, rows), to map mouse clicks to rows.
    pub screen: (u16, u16),
}

impl App {
    pub fn new(loaded: Loaded, portfolio: Vec<PortfolioEntry>, lang: Lang) -> Self {
        let figures = Figures::compute(&loaded.project, &Drivers::default());
        let bars = tornado(&loaded.project, &Drivers::default(), DEFAULT_WIDTH);
        let portfolio_selected = portfolio.iter().position(|e| e.path == loaded.path).unwrap_or(0);
        Self {
            lang,
            project: loaded.project,
            read_only: crate::store::is_read_only(&loaded.path),
            path: Some(loaded.path),
            original: Some(loaded.text),
            fingerprint: Some(loaded.fingerprint),
            changed_on_disk: false,
            edited_by: None,
            tornado: bars,
            tornado_width: DEFAULT_WIDTH,
            simulation: SimulationState::Idle,
            base_figures: figures.clone(),
            figures,
            drivers: Drivers::default(),
            stress_view: false,
            tab: Tab::Summary,
            cursors: [Cursor::default(); 6],
            driver: 0,
            portfolio,
            portfolio_selected,
            mode: Mode::Normal,
            history: History::default(),
            dirty: false,
            status: None,
            should_quit: false,
            quit_after_save: false,
            screen: (80, 24),
        }
    }

    /// Recomputes every figure from the project and the sliders: the one recompute path.
    pub fn recompute(&mut self) {
        self.base_figures = Figures::compute(&self.project, &Drivers::default());
        self.recompute_what_if();
    }

    /// Recomputes what the sliders change (the project itself did not change).
    pub fn recompute_what_if(&mut self) {
        self.figures = if self.drivers.is_neutral() {
            self.base_figures.clone()
        } else {
            Figures::compute(&self.project, &self.drivers)
        };
        self.tornado = tornado(&self.project, &self.drivers, self.tornado_width);
        // A run of other inputs would mislead: it is dropped, and can be run again.
        if matches!(self.simulation, SimulationState::Done(_)) {
            self.simulation = SimulationState::Idle;
        }
    }

    pub fn cursor(&self) -> Cursor {
        self.cursors[self.tab.index()]
    }

    pub fn cursor_mut(&mut self) -> &mut Cursor {
        &mut self.cursors[self.tab.index()]
    }

    pub fn selected_driver(&self) -> Driver {
        Driver::ALL[self.driver.min(Driver::ALL.len() - 1)]
    }

    pub fn currency(&self) -> &str {
        self.project.project.currency()
    }

    pub fn file_label(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| self.project.project.name.clone(), |name| name.to_string_lossy().into_owned())
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(StatusMessage { text: text.into(), is_error: false });
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.status = Some(StatusMessage { text: text.into(), is_error: true });
    }
}
