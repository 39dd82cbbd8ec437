//! `roi goal-seek FILE --driver D --target METRIC=VALUE`: which value of one driver reaches a
//! target adjusted ROI, NPV or break-even month, solved numerically and checked by recomputing.

use super::EXIT_INVALID;
use crate::domain::drivers::Driver;
use crate::domain::sensitivity::{Goal, goal_seek};
use crate::i18n::cli_text;
use crate::store;
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project file.
    pub file: PathBuf,
    /// benefits, costs, risk, delay_months, ramp, adoption, hourly_cost, volume, discount_rate, maturity_factor
    #[arg(long, value_parser = parse_driver)]
    pub driver: Driver,
    /// roi_adjusted=150 (percent at the horizon), npv=0, or break_even=18 (month).
    #[arg(long, value_parser = parse_goal)]
    pub target: Goal,
    /// Start from a scenario saved in the file (the other drivers keep its values).
    #[arg(long)]
    pub scenario: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

fn parse_driver(text: &str) -> Result<Driver, String> {
    text.parse()
}

fn parse_goal(text: &str) -> Result<Goal, String> {
    text.parse()
}

pub fn run(args: &Args, lang: crate::i18n::Lang) -> ExitCode {
    let loaded = match store::load(&args.file) {
        Ok(loaded) => loaded,
        Err(error) => return super::fail_load(&error, lang),
    };
    let base =
        match super::report::scenario_drivers(&loaded.project, &args.file, args.scenario.as_deref(), lang) {
            Ok(drivers) => drivers,
            Err(code) => return code,
        };
    let answer = goal_seek(&loaded.project, &base, args.driver, args.target);
    let (min, max) = args.driver.bounds();
    match args.format {
        Format::Json => super::emit(&crate::report::json::to_text(&json!({
            "driver": args.driver.key(),
            "target": args.target.to_string(),
            "value": answer.value.map(crate::report::json::number_exact),
            "achieved": answer.achieved.map(crate::report::json::number),
        }))),
        Format::Text => {
            if let Some(value) = answer.value {
                let achieved = answer.achieved.map_or_else(
                    || lang.t(crate::i18n::Text::NotReached).to_owned(),
                    |a| crate::domain::money::round(a).to_string(),
                );
                let (driver, target) = (args.driver.to_string(), args.target.to_string());
                super::emit(&cli_text::goal_reached(lang, &driver, &value.to_string(), &target, &achieved));
            }
        }
    }
    if answer.value.is_none() {
        let range = (min.to_string(), max.to_string());
        let (driver, target) = (args.driver.to_string(), args.target.to_string());
        crate::tell!(
            "{}",
            cli_text::goal_unreachable(lang, &args.file, &driver, (&range.0, &range.1), &target)
        );
        return ExitCode::from(EXIT_INVALID);
    }
    ExitCode::SUCCESS
}
