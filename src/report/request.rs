//! One report of one project, as asked: its format (and table, for CSV), the scenario's
//! drivers, the tornado's width, a Monte Carlo run, the month of the review. `roi report`, the
//! fuzz target and the tests build every report through here, so they render exactly alike.

use crate::domain::montecarlo::MonteCarlo;
use crate::domain::review;
use crate::domain::sensitivity::tornado;
use crate::domain::{Drivers, Figures, Project};
use crate::i18n::Lang;
use crate::report::summary::SummaryInput;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Md,
    Json,
    Csv,
    /// The executive summary as one self-contained HTML page with its charts.
    Html,
    /// A workbook of live formulas over the inputs (needs `--output`).
    Xlsx,
}

/// The table a CSV export holds (JSON holds them all).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum CsvTable {
    /// One row per month: benefits, costs, risk, net, cumulative net.
    #[default]
    Monthly,
    /// One row per KPI: definition, latest measurement, status, decision.
    Kpis,
    /// One row per KPI measurement.
    Measurements,
}

/// What to report, and how.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub project: &'a Project,
    pub format: Format,
    pub table: CsvTable,
    pub lang: Lang,
    pub drivers: Drivers,
    pub scenario: Option<&'a str>,
    pub tornado_width: Decimal,
    pub monte_carlo: Option<&'a MonteCarlo>,
    /// The project month of the review: later measurements are left out.
    pub as_of: Option<i64>,
}

/// A rendered report: text for md/json/csv/html, the bytes of a workbook for xlsx.
#[derive(Debug, Clone, PartialEq)]
pub enum Rendered {
    Text(String),
    Workbook(Vec<u8>),
}

/// The report asked for; only a workbook can fail (a value no spreadsheet cell holds).
pub fn render(request: &Request) -> Result<Rendered, rust_xlsxwriter::XlsxError> {
    let project = request.project;
    let figures = Figures::compute(project, &request.drivers);
    let bars = tornado(project, &request.drivers, request.tornado_width);
    let spider = crate::domain::whatif::spider(project, &request.drivers);
    let known = request.as_of.map(|month| review::known_at(project, month));
    let reviewed = known.as_ref().unwrap_or(project);
    let summary = || {
        super::summary::executive_summary(&SummaryInput {
            project: reviewed,
            figures: &figures,
            lang: request.lang,
            tornado: &bars,
            tornado_width: request.tornado_width,
            spider: &spider,
            monte_carlo: request.monte_carlo,
            as_of: request.as_of,
            scenario: request.scenario,
            drivers: request.drivers,
        })
    };
    Ok(match request.format {
        Format::Md => Rendered::Text(super::markdown::render(&summary())),
        Format::Html => {
            let charts = super::document::ChartData {
                project,
                figures: &figures,
                tornado: &bars,
                spider: &spider,
                monte_carlo: request.monte_carlo,
            };
            Rendered::Text(super::html::render(&summary(), &charts))
        }
        Format::Json => Rendered::Text(super::json::to_text(&super::json::report_with(
            reviewed,
            &figures,
            request.lang,
            (&bars, &spider),
            request.monte_carlo,
        ))),
        Format::Csv => Rendered::Text(match request.table {
            CsvTable::Monthly => super::csv::render(&figures),
            CsvTable::Kpis => super::csv::kpis(reviewed),
            CsvTable::Measurements => super::csv::measurements(reviewed),
        }),
        Format::Xlsx => Rendered::Workbook(super::xlsx::render(project, &figures, request.lang)?),
    })
}

/// Every report of `project` in `lang`, each format and table, with a short Monte Carlo run:
/// what the fuzz target and the property tests ask of any file the loader accepts.
pub fn every_report(project: &Project, lang: Lang) -> Result<Vec<Rendered>, rust_xlsxwriter::XlsxError> {
    use crate::domain::montecarlo::{Shape, Simulation, simulate};
    let drivers = Drivers::default();
    let run = simulate(
        project,
        &drivers,
        Simulation { draws: 64, seed: 1, shape: Shape::Pert, ..Simulation::default() },
        &|_| {},
    );
    let base = Request {
        project,
        format: Format::Md,
        table: CsvTable::Monthly,
        lang,
        drivers,
        scenario: None,
        tornado_width: crate::domain::sensitivity::DEFAULT_WIDTH,
        monte_carlo: Some(&run),
        as_of: Some(project.horizon()),
    };
    let formats = [Format::Md, Format::Html, Format::Json, Format::Xlsx]
        .into_iter()
        .map(|format| (format, CsvTable::Monthly))
        .chain([CsvTable::Monthly, CsvTable::Kpis, CsvTable::Measurements].map(|table| (Format::Csv, table)));
    let scenarios = project.scenarios.iter().map(|(name, drivers)| Request {
        format: Format::Json,
        drivers: *drivers,
        scenario: Some(name.as_str()),
        ..base
    });
    formats
        .map(|(format, table)| Request { format, table, ..base })
        .chain(scenarios)
        .map(|r| render(&r))
        .collect()
}
