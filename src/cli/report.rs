//! `roi report FILE --format md|json|csv|html`: the figures of one project on stdout, with the
//! tornado, and with `--simulate N` a Monte Carlo run (Markdown and JSON).

use crate::domain::montecarlo::{self, Shape, Simulation, simulate};
use crate::domain::sensitivity::{DEFAULT_WIDTH, tornado};
use crate::domain::{Drivers, Figures, Project};
use crate::i18n::Lang;
use crate::{report, store};
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Md,
    Json,
    Csv,
    /// The executive summary as one self-contained HTML page with its charts.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Distribution {
    #[default]
    Triangular,
    Pert,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project file.
    pub file: PathBuf,
    #[arg(long, short, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Apply a scenario saved in the file before computing.
    #[arg(long)]
    pub scenario: Option<String>,
    /// Add a Monte Carlo run of N draws (P10/P50/P90, probabilities).
    #[arg(long, value_name = "N")]
    pub simulate: Option<usize>,
    /// Seed of the Monte Carlo run: the same seed gives the same figures.
    #[arg(long, default_value_t = montecarlo::DEFAULT_SEED)]
    pub seed: u64,
    /// Shape of the distribution between low, likely and high.
    #[arg(long, value_enum, default_value_t = Distribution::Triangular)]
    pub distribution: Distribution,
    /// Width of the tornado's swing, as a fraction (0.2 = each driver ±20 %).
    #[arg(long, default_value_t = DEFAULT_WIDTH)]
    pub tornado_width: Decimal,
}

/// The drivers of a named scenario, or the neutral ones.
pub fn scenario_drivers(
    project: &Project,
    file: &std::path::Path,
    name: Option<&str>,
) -> Result<Drivers, ExitCode> {
    let Some(name) = name else { return Ok(Drivers::default()) };
    project.scenarios.get(name).copied().ok_or_else(|| {
        let names: Vec<&str> = project.scenarios.keys().map(String::as_str).collect();
        eprintln!("{}: no scenario `{name}` (scenarios: {})", file.display(), names.join(", "));
        ExitCode::from(2)
    })
}

pub fn run(args: &Args, lang: Lang) -> ExitCode {
    let loaded = match store::load(&args.file) {
        Ok(loaded) => loaded,
        Err(error) => return super::fail_load(&error),
    };
    let project = &loaded.project;
    let drivers = match scenario_drivers(project, &args.file, args.scenario.as_deref()) {
        Ok(drivers) => drivers,
        Err(code) => return code,
    };
    let figures = Figures::compute(project, &drivers);
    let bars = tornado(project, &drivers, args.tornado_width);
    let shape = match args.distribution {
        Distribution::Triangular => Shape::Triangular,
        Distribution::Pert => Shape::Pert,
    };
    let run = args
        .simulate
        .map(|draws| simulate(project, &drivers, Simulation { draws, seed: args.seed, shape }, &|_| {}));
    let text = match args.format {
        Format::Md => report::markdown::render(project, &figures, lang, &bars, run.as_ref()),
        Format::Json => {
            report::json::to_text(&report::json::report_with(project, &figures, lang, &bars, run.as_ref()))
        }
        Format::Csv => report::csv::render(&figures),
        Format::Html => {
            let document = report::interim_summary::summary_document(project, &figures, &bars, lang);
            let charts = report::document::ChartData { project, figures: &figures, tornado: &bars };
            report::html::render(&document, &charts)
        }
    };
    super::emit(text.trim_end());
    ExitCode::SUCCESS
}
