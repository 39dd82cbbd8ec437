//! `roi report FILE --format md|json|csv|html|xlsx`: the figures of one project on stdout (or
//! in `--output FILE`), with the tornado, and with `--simulate N` a Monte Carlo run. The xlsx
//! workbook is binary: it is only ever written to a file.

use crate::domain::montecarlo::{self, MonteCarlo, Shape, Simulation, simulate};
use crate::domain::project::YearMonth;
use crate::domain::review;
use crate::domain::sensitivity::DEFAULT_WIDTH;
use crate::domain::{Drivers, Project};
use crate::i18n::{CliText, Lang};
use crate::report::request::{Rendered, Request};
use crate::{report, store};
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::process::ExitCode;

pub use crate::report::request::{CsvTable, Format};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Distribution {
    #[default]
    Triangular,
    Pert,
}

/// How the Monte Carlo draws cover the ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SamplingArg {
    #[default]
    Random,
    /// Latin hypercube (triangular distribution only).
    Lhs,
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
    /// Add a Monte Carlo run of N draws (P10/P50/P90, probabilities), N in 1..=1000000.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=MAX_DRAWS))]
    pub simulate: Option<u32>,
    /// Seed of the Monte Carlo run: the same seed gives the same figures.
    #[arg(long, default_value_t = montecarlo::DEFAULT_SEED)]
    pub seed: u64,
    /// Shape of the distribution between low, likely and high.
    #[arg(long, value_enum, default_value_t = Distribution::Triangular)]
    pub distribution: Distribution,
    /// How the draws cover the ranges: random, or a Latin hypercube (steadier percentiles for
    /// as many draws; triangular distribution only).
    #[arg(long, value_enum, default_value_t = SamplingArg::Random)]
    pub sampling: SamplingArg,
    /// Width of the tornado's swing, as a fraction (0.2 = each driver ±20 %).
    #[arg(long, default_value_t = DEFAULT_WIDTH)]
    pub tornado_width: Decimal,
    /// With --format csv: which table to export.
    #[arg(long, value_enum, default_value_t = CsvTable::Monthly)]
    pub table: CsvTable,
    /// The month of the review (YYYY-MM): measurements of later months are left out, overdue
    /// ones counted from it; this month by default.
    #[arg(long, value_name = "YYYY-MM")]
    pub as_of: Option<YearMonth>,
    /// Write the report to FILE (atomically) instead of stdout; required for xlsx.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The Monte Carlo run a report carries: the one asked for, or for a summary of a project with
/// ranges written in its file, the default run (the P10–P90 the method wants shown).
fn monte_carlo(args: &Args, project: &Project, drivers: &Drivers, lang: Lang) -> Option<MonteCarlo> {
    let shape = match args.distribution {
        Distribution::Triangular => Shape::Triangular,
        Distribution::Pert => Shape::Pert,
    };
    let has_ranges = || project.uncertain_values().iter().any(|value| value.explicit);
    let draws = args.simulate.and_then(|n| usize::try_from(n).ok()).or_else(|| {
        (matches!(args.format, Format::Md | Format::Html) && has_ranges())
            .then(|| montecarlo::default_draws(project))
    })?;
    let progress = super::Progress::on_stderr("Monte Carlo", lang);
    let sampling = match args.sampling {
        SamplingArg::Random => montecarlo::Sampling::Random,
        SamplingArg::Lhs => montecarlo::Sampling::LatinHypercube,
    };
    let run = simulate(project, drivers, Simulation { draws, seed: args.seed, shape, sampling }, &|done| {
        progress.show(done, draws)
    });
    progress.finish();
    Some(run)
}

/// The most draws a run may ask for (a project's size may lower it: `montecarlo::most_draws`).
const MAX_DRAWS: i64 = montecarlo::MAX_DRAWS as i64;

/// Why the arguments cannot make an xlsx workbook, if they cannot: it holds the base figures
/// as formulas over the file's inputs, so a scenario or a simulation has no place in it.
fn xlsx_usage_error(args: &Args) -> Option<CliText> {
    (args.format == Format::Xlsx && (args.scenario.is_some() || args.simulate.is_some()))
        .then_some(CliText::XlsxHasNoScenario)
}

/// A tornado moves each driver by a share of its value: more than 0, at most 100 %.
/// A Latin hypercube needs the distribution's inverse, written for the triangular shape only.
fn sampling_error(args: &Args) -> Option<CliText> {
    (args.sampling == SamplingArg::Lhs && args.distribution == Distribution::Pert)
        .then_some(CliText::LhsTriangularOnly)
}

fn tornado_width_error(args: &Args) -> Option<CliText> {
    (args.tornado_width <= Decimal::ZERO || args.tornado_width > Decimal::ONE)
        .then_some(CliText::TornadoWidth)
}

/// `--table` chooses a CSV table: with another format it would be silently ignored.
fn table_usage_error(args: &Args) -> Option<CliText> {
    (args.table != CsvTable::Monthly && args.format != Format::Csv).then_some(CliText::TableNeedsCsv)
}

/// A report never replaces the project it was read from: a CLI run never writes a file it
/// was only asked to read.
fn overwrites_input(args: &Args) -> Option<CliText> {
    let output = args.output.as_deref()?;
    let same = std::fs::canonicalize(output).ok()? == std::fs::canonicalize(&args.file).ok()?;
    same.then_some(CliText::OutputIsInput)
}

/// The drivers of a named scenario, or the neutral ones.
pub fn scenario_drivers(
    project: &Project,
    file: &std::path::Path,
    name: Option<&str>,
    lang: Lang,
) -> Result<Drivers, ExitCode> {
    let Some(name) = name else { return Ok(Drivers::default()) };
    project.scenarios.get(name).copied().ok_or_else(|| {
        let names: Vec<&str> = project.scenarios.keys().map(String::as_str).collect();
        crate::tell!("{}", crate::i18n::cli_text::no_scenario(lang, file, name, &names));
        ExitCode::from(2)
    })
}

pub fn run(args: &Args, lang: Lang) -> ExitCode {
    if let Some(error) = xlsx_usage_error(args)
        .or_else(|| table_usage_error(args))
        .or_else(|| tornado_width_error(args))
        .or_else(|| sampling_error(args))
        .or_else(|| overwrites_input(args))
    {
        crate::tell!("{}: {}", args.file.display(), lang.t(error));
        return ExitCode::from(2);
    }
    let loaded = match store::load(&args.file) {
        Ok(loaded) => loaded,
        Err(error) => return super::fail_load(&error, lang),
    };
    let project = &loaded.project;
    let drivers = match scenario_drivers(project, &args.file, args.scenario.as_deref(), lang) {
        Ok(drivers) => drivers,
        Err(code) => return code,
    };
    if let Some(asked) = args.simulate.and_then(|n| usize::try_from(n).ok()) {
        let most = montecarlo::most_draws(project);
        if asked > most {
            crate::tell!("{}", crate::i18n::cli_text::too_many_draws(lang, &args.file, asked, most));
            return ExitCode::from(super::EXIT_USAGE);
        }
    }
    let run = monte_carlo(args, project, &drivers, lang);
    // Every report is a review as of a month (this one by default): KPI measurements and
    // measured benefits recorded for later months are left out of what reads them.
    let as_of = review::project_month(project, args.as_of.unwrap_or_else(store::clock::this_month));
    let request = Request {
        project,
        format: args.format,
        table: args.table,
        lang,
        drivers,
        scenario: args.scenario.as_deref(),
        tornado_width: args.tornado_width,
        monte_carlo: run.as_ref(),
        as_of,
    };
    let rendered = match report::request::render(&request) {
        Ok(rendered) => rendered,
        Err(error) => {
            crate::tell!("{}", crate::i18n::cli_text::workbook_failed(lang, &args.file, &error));
            return ExitCode::from(super::EXIT_INVALID);
        }
    };
    let file = args.output.as_deref().filter(|path| *path != std::path::Path::new("-"));
    match (rendered, file) {
        (Rendered::Text(text), None) => {
            super::emit(text.trim_end());
            ExitCode::SUCCESS
        }
        (Rendered::Text(text), Some(path)) => {
            write_output(path, format!("{}\n", text.trim_end()).as_bytes(), lang)
        }
        (Rendered::Workbook(bytes), Some(path)) => write_output(path, &bytes, lang),
        (Rendered::Workbook(_), None) => {
            crate::tell!("{}: {}", args.file.display(), lang.t(CliText::XlsxNeedsOutput));
            ExitCode::from(2)
        }
    }
}

/// Writes the report atomically: a reader of the file never sees half a report.
fn write_output(path: &std::path::Path, contents: &[u8], lang: Lang) -> ExitCode {
    match store::save::write_output(path, contents) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            crate::tell!("{}", crate::i18n::errors::save_error(lang, &error));
            ExitCode::from(super::EXIT_IO)
        }
    }
}
