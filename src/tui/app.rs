//! The workbench's state: the project being worked on, its figures, what is selected and what
//! the user is doing. Views read it; only `update` changes it.

use super::grid::Collection;
use super::review::ReviewForm;
use crate::domain::drivers::Driver;
use crate::domain::engine::Figures;
use crate::domain::montecarlo::MonteCarlo;
use crate::domain::portfolio::{PortfolioTotals, SortKey, ordering};
use crate::domain::project::YearMonth;
use crate::domain::sensitivity::{DEFAULT_WIDTH, ScenarioSummary, TornadoBar, tornado};
use crate::domain::validate::FieldPath;
use crate::domain::{Drivers, Project};
use crate::i18n::{Lang, Text};
use crate::store::{Fingerprint, Loaded, Original};
use rust_decimal::Decimal;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Summary,
    Baseline,
    Tco,
    Kpis,
    Matrix,
    Sensitivity,
    Portfolio,
}

impl Tab {
    pub const ALL: [Tab; 7] =
        [Tab::Summary, Tab::Baseline, Tab::Tco, Tab::Kpis, Tab::Matrix, Tab::Sensitivity, Tab::Portfolio];

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
            Tab::Portfolio => Text::TabPortfolio,
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

/// The inputs of one moment: every change of the project or the sliders makes a new one,
/// never given before, even by another project opened since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Revision(u64);

impl Revision {
    pub fn next() -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Self(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }
}

/// What the keyboard currently drives.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    /// Where a figure comes from: the figure and the inputs drilled into (the last shown),
    /// `selected` among its inputs, `figure` the index in the figures offered.
    Explain(super::explaining::Explanation),
    /// A figure for every pair of values of two sliders.
    DataTable(Box<super::data_table::Table>),
    /// The command palette: every action of the tab by name, filtered by what is typed.
    Palette {
        buffer: String,
        picked: usize,
    },
    /// Typing a new value for the field at `path`.
    Editing {
        path: FieldPath,
        buffer: String,
        error: Option<String>,
        /// In a choice field, the value highlighted among those matching `buffer`.
        picked: usize,
        /// What the field is, as the screen names it (`Licences — Mensuel`).
        label: String,
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
        /// The key figures compared (`d`), when shown.
        comparison: Option<Box<super::compare::Comparison>>,
    },
    /// Unsaved changes from a session that ended badly are waiting.
    Recovery {
        project: Box<Project>,
        /// The content hash of the file the changes were made on, when the recovery file says.
        base_hash: Option<u64>,
    },
    /// The scenarios side by side; `selected` 0 is the base.
    Scenarios {
        selected: usize,
        rows: Vec<ScenarioSummary>,
    },
    /// The Monte Carlo results: histogram, fan chart, percentiles.
    MonteCarlo,
    /// Entering a quarter's measurements: every KPI and the benefits, at one date.
    ReviewEntry(ReviewForm),
    /// The quarterly review, over the KPIs tab, scrolled down by `scroll` lines.
    Review {
        scroll: usize,
    },
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
    /// Text to filter the portfolio by.
    Filter,
    /// The file name of a new project in the folder.
    NewProject,
    /// The file name of a copy of the selected project.
    DuplicateProject,
    /// A new file name for the selected project.
    RenameProject,
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

/// One project of the folder: its file and its row of figures.
pub type PortfolioEntry = crate::store::portfolio::Scanned;

/// Sorts portfolio entries in the matrix's order (DOMAIN.md §4); invalid files last.
pub fn rank_portfolio(entries: &mut [PortfolioEntry]) {
    entries.sort_by(|a, b| ordering(&a.row, &b.row, SortKey::Rank));
}

/// How the portfolio tab shows the folder: sorted by a column, filtered by a text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PortfolioView {
    pub sort: SortKey,
    pub filter: String,
    /// Indexes into `App::portfolio`, in display order.
    pub order: Vec<usize>,
    /// Position in `order`.
    pub selected: usize,
    /// Totals of the rows shown.
    pub totals: PortfolioTotals,
    /// Subfolders are read too.
    pub recursive: bool,
    /// While the folder is first read: files done, files in all.
    pub loading: Option<(usize, usize)>,
}

impl App {
    /// Re-sorts and re-filters the portfolio tab after the folder, the sort or the filter
    /// changed, keeping the selected file selected when it is still shown.
    pub fn refresh_portfolio_view(&mut self) {
        let selected_path = self.selected_portfolio_entry().map(|e| e.path.clone());
        self.refresh_portfolio_view_on(selected_path);
    }

    /// Puts `entries` in place of the folder's rows (a re-scan, or more rows of a first
    /// scan), the cursor staying on the file it was on — by its path, not its position, which
    /// a re-scan changes.
    pub fn replace_portfolio(&mut self, entries: Vec<PortfolioEntry>) {
        let selected_path = self.selected_portfolio_entry().map(|e| e.path.clone());
        self.portfolio = entries;
        self.refresh_portfolio_view_on(selected_path);
    }

    /// The same, the cursor on `selected_path` when it is shown, else at the same place.
    pub fn refresh_portfolio_view_on(&mut self, selected_path: Option<PathBuf>) {
        let lang = self.lang;
        let view = &mut self.portfolio_view;
        let mut order: Vec<usize> = (0..self.portfolio.len())
            .filter(|i| super::folder::shows(lang, &self.portfolio[*i].row, &view.filter))
            .collect();
        order.sort_by(|a, b| ordering(&self.portfolio[*a].row, &self.portfolio[*b].row, view.sort));
        let rows: Vec<_> = order.iter().map(|i| self.portfolio[*i].row.clone()).collect();
        view.totals = PortfolioTotals::of(&rows);
        view.selected = selected_path
            .and_then(|path| order.iter().position(|i| self.portfolio[*i].path == path))
            .unwrap_or(view.selected)
            .min(order.len().saturating_sub(1));
        view.order = order;
    }

    pub fn selected_portfolio_entry(&self) -> Option<&PortfolioEntry> {
        let view = &self.portfolio_view;
        view.order.get(view.selected).and_then(|i| self.portfolio.get(*i))
    }

    /// The folder the portfolio is read from.
    pub fn folder(&self) -> Option<PathBuf> {
        let path = self.path.as_ref()?;
        Some(
            path.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), PathBuf::from),
        )
    }
}

/// Undo and redo stacks of whole projects: simple, and exact whatever the edit was.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub undo: Vec<Project>,
    pub redo: Vec<Project>,
}

impl History {
    /// Changes kept for undo: a day of slider-free editing, while a session left open for
    /// weeks over SSH cannot grow without bound.
    pub const LIMIT: usize = 500;

    /// Keeps `previous` for undo; the oldest change goes past the limit. A new change ends
    /// what could be redone.
    pub fn record(&mut self, previous: Project) {
        self.undo.push(previous);
        if self.undo.len() > Self::LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct App {
    pub lang: Lang,
    pub project: Project,
    /// Where the project is saved; `None` for a project not yet on disk.
    pub path: Option<PathBuf>,
    /// The text last read or written, so saving keeps the user's comments.
    pub original: Option<Original>,
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
    /// The spider instead of the tornado, around the sliders (in `f64`: it is only drawn).
    pub spider_view: bool,
    /// The spider draws the adjusted ROI at the horizon rather than the NPV.
    pub spider_of_roi: bool,
    /// How the next Monte Carlo run covers the ranges.
    pub sampling: crate::domain::montecarlo::Sampling,
    pub spider: Vec<crate::domain::whatif::SpiderLine<f64>>,
    /// Each driver moved ±`tornado_width` alone, largest NPV swing first.
    pub tornado: Vec<TornadoBar>,
    pub tornado_width: Decimal,
    /// The Monte Carlo run of the current project and sliders, if one was asked for.
    pub simulation: SimulationState,
    /// Which inputs (project, sliders, scenario) the figures are of: a background result
    /// carries the revision it was computed for.
    pub revision: Revision,
    pub tab: Tab,
    pub cursors: [Cursor; 7],
    pub driver: usize,
    /// Every project of the folder, in the matrix's order.
    pub portfolio: Vec<PortfolioEntry>,
    pub portfolio_selected: usize,
    pub portfolio_view: PortfolioView,
    pub mode: Mode,
    /// The help is shown over the current view, scrolled down by `help_scroll` lines.
    pub help: bool,
    pub help_scroll: usize,
    pub history: History,
    /// Unsaved changes: the project differs from `saved` (undoing back to it is clean again).
    pub dirty: bool,
    /// The project as last read from or written to its file.
    pub saved: Project,
    pub status: Option<StatusMessage>,
    pub should_quit: bool,
    /// Quit as soon as the pending save succeeds.
    pub quit_after_save: bool,
    /// The terminal's size (columns, rows), to map mouse clicks to rows.
    pub screen: (u16, u16),
    /// This month, put here by the runtime (the only part that reads the clock); `None` until
    /// it does, as in tests that do not set it.
    pub today: Option<YearMonth>,
    /// The line `d` was pressed on once: a second `d` on it deletes it.
    pub pending_delete: Option<(Collection, usize)>,
    /// The file `x` was pressed on once: a second `x` archives it.
    pub pending_archive: Option<PathBuf>,
    /// Who runs the workbench, put here by the runtime (the only part that reads the
    /// environment).
    pub context: Context,
}

/// What the runtime learned of the session: `update` never reads the environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The user's login name, for "NAME.copy-USER.toml".
    pub user: String,
    /// Where a copy of a read-only project is proposed.
    pub home: PathBuf,
}

impl Default for Context {
    fn default() -> Self {
        Self { user: "moi".into(), home: PathBuf::from(".") }
    }
}

impl App {
    pub fn new(loaded: Loaded, portfolio: Vec<PortfolioEntry>, lang: Lang) -> Self {
        let figures = Figures::compute(&loaded.project, &Drivers::default());
        let bars = tornado(&loaded.project, &Drivers::default(), DEFAULT_WIDTH);
        let portfolio_selected = portfolio.iter().position(|e| e.path == loaded.path).unwrap_or(0);
        let original = loaded.original();
        let original_project = loaded.project.clone();
        let mut app = Self {
            spider_view: false,
            spider_of_roi: false,
            sampling: crate::domain::montecarlo::Sampling::Random,
            spider: Vec::new(),
            help: false,
            help_scroll: 0,
            lang,
            project: loaded.project,
            read_only: loaded.read_only,
            context: Context::default(),
            pending_delete: None,
            pending_archive: None,
            path: Some(loaded.path),
            original: Some(original),
            fingerprint: Some(loaded.fingerprint),
            changed_on_disk: false,
            edited_by: None,
            tornado: bars,
            tornado_width: DEFAULT_WIDTH,
            simulation: SimulationState::Idle,
            revision: Revision::next(),
            base_figures: figures.clone(),
            figures,
            drivers: Drivers::default(),
            stress_view: false,
            tab: Tab::Summary,
            cursors: [Cursor::default(); 7],
            driver: 0,
            portfolio_view: PortfolioView::default(),
            portfolio,
            portfolio_selected,
            mode: Mode::Normal,
            history: History::default(),
            dirty: false,
            saved: original_project,
            status: None,
            should_quit: false,
            quit_after_save: false,
            screen: (80, 24),
            today: None,
        };
        app.refresh_portfolio_view();
        app
    }

    /// Recomputes every figure from the project and the sliders: the one recompute path.
    pub fn recompute(&mut self) {
        self.base_figures = Figures::compute(&self.project, &Drivers::default());
        self.recompute_tornado();
        self.recompute_what_if();
    }

    /// The tornado is drawn around the base, like the report's: the sliders do not move it.
    pub fn recompute_tornado(&mut self) {
        self.tornado = tornado(&self.project, &Drivers::default(), self.tornado_width);
    }

    /// Recomputes what the sliders change (the project itself did not change).
    pub fn recompute_what_if(&mut self) {
        self.revision = Revision::next();
        self.figures = if self.drivers.is_neutral() {
            self.base_figures.clone()
        } else {
            Figures::compute(&self.project, &self.drivers)
        };
        self.recompute_spider();
        // A run of other inputs would mislead: it is dropped, and can be run again.
        if matches!(self.simulation, SimulationState::Done(_)) {
            self.simulation = SimulationState::Idle;
        }
    }

    /// The spider follows the sliders, when it is shown.
    pub fn recompute_spider(&mut self) {
        self.spider = if self.spider_view {
            crate::domain::whatif::spider::<f64>(&self.project, &self.drivers)
        } else {
            Vec::new()
        };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_keeps_the_latest_changes_up_to_its_limit() {
        let mut history = History { redo: vec![Project::named("redo")], ..History::default() };
        for i in 0..=History::LIMIT {
            history.record(Project::named(&i.to_string()));
        }
        assert_eq!(history.undo.len(), History::LIMIT);
        assert_eq!(history.undo[0].project.name, "1", "the oldest change went");
        assert_eq!(history.undo[History::LIMIT - 1].project.name, History::LIMIT.to_string());
        assert!(history.redo.is_empty());
    }
}
