//! A report as a document of blocks, already localized and formatted, so that the Markdown and
//! the HTML renderers show the same sentences and the same figures: they only lay them out.

use crate::domain::Project;
use crate::domain::engine::Figures;
use crate::domain::montecarlo::MonteCarlo;
use crate::domain::sensitivity::TornadoBar;
use crate::domain::whatif::SpiderLine;

/// The horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table: its column titles and alignments, then its rows of cells (already formatted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<(String, Align)>,
    pub rows: Vec<Vec<String>>,
}

/// The charts a report can carry; the Markdown renderer leaves them out, the HTML draws them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    /// Cumulative net cash flow per month, with the break-even month marked.
    CumulativeCashFlow,
    /// TCO by cost category.
    TcoByCategory,
    /// The drivers' NPV swings, largest first.
    Tornado,
    /// The NPV as each driver moves alone from −50 % to +50 %, one line per driver.
    Spider,
    /// The uncertain inputs of a Monte Carlo run by their share of the NPV's variance.
    UncertaintyDrivers,
}

impl Chart {
    pub const ALL: [Chart; 5] = [
        Chart::CumulativeCashFlow,
        Chart::TcoByCategory,
        Chart::Tornado,
        Chart::Spider,
        Chart::UncertaintyDrivers,
    ];
}

/// One block of a report, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A section title (level 2) or a sub-section title (level 3).
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    /// A sentence to stand out: the decision, the stress verdict.
    Emphasis(String),
    Bullets(Vec<String>),
    /// `label: value` pairs, shown as a two-column table.
    Facts(Vec<(String, String)>),
    Table(Table),
    Chart(Chart),
}

/// A whole report: its title, a line under it, and its blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub lang: crate::i18n::Lang,
    pub title: String,
    pub subtitle: String,
    pub blocks: Vec<Block>,
    pub footer: String,
}

/// The tornado of a report shows the drivers that move the NPV most, in its table and its
/// chart alike.
pub const TORNADO_DRIVERS_SHOWN: usize = 5;

/// The uncertain inputs of a run a report lists and draws: the few that weigh.
pub const UNCERTAIN_INPUTS_SHOWN: usize = 6;

/// What the charts are drawn from: the same figures the document's numbers come from.
#[derive(Debug, Clone, Copy)]
pub struct ChartData<'a> {
    pub project: &'a Project,
    pub figures: &'a Figures,
    pub tornado: &'a [TornadoBar],
    pub spider: &'a [SpiderLine],
    pub monte_carlo: Option<&'a MonteCarlo>,
}
