//! `roi explain FILE FIGURE`: where a figure comes from — its formula, the same with its
//! values, then each input down to the values of the file, with their place in it.

use super::report::scenario_drivers;
use crate::domain::explain::{FIGURES, explain};
use crate::i18n::Lang;
use crate::report::explain::Explained;
use crate::store;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Md,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project file.
    pub file: PathBuf,
    /// A figure of the JSON report (roi_adjusted_pct, roi_classic_pct, npv, tco,
    /// benefits_adjusted, benefits_raw, risk_provision, break_even_month, stress_test), a
    /// line (benefits[0], costs[2], risks[1]), a KPI's progress (kpis[0]) or the quadrant.
    pub figure: String,
    /// The month the figure is taken at (the horizon by default).
    #[arg(long)]
    pub month: Option<i64>,
    /// A scenario of the file: its sliders apply.
    #[arg(long)]
    pub scenario: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(args: &Args, lang: Lang) -> ExitCode {
    let loaded = match store::load(&args.file) {
        Ok(loaded) => loaded,
        Err(error) => return super::fail_load(&error, lang),
    };
    let drivers = match scenario_drivers(&loaded.project, &args.file, args.scenario.as_deref(), lang) {
        Ok(drivers) => drivers,
        Err(code) => return code,
    };
    let Some(tree) = explain(&loaded.project, &drivers, &args.figure, args.month) else {
        crate::tell!("{}", crate::i18n::cli_text::unknown_figure(lang, &args.figure, &FIGURES));
        return ExitCode::from(2);
    };
    let file = args.file.display().to_string();
    let explained = Explained::new(&tree, &loaded.project, &file, &loaded.text, lang);
    if let Some(sliders) =
        crate::i18n::review::drivers_applied(lang, &drivers).filter(|_| args.format != Format::Json)
    {
        super::emit(&sliders);
    }
    super::emit(
        match args.format {
            Format::Text => explained.text(),
            Format::Md => explained.markdown(),
            Format::Json => explained.json(),
        }
        .trim_end(),
    );
    ExitCode::SUCCESS
}
