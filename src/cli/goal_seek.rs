//! `roi goal-seek FILE --driver D --target METRIC=VALUE`: which value of one driver reaches a
//! target adjusted ROI, NPV or break-even month, solved numerically and checked by recomputing.

use super::EXIT_INVALID;
use crate::domain::drivers::Driver;
use crate::domain::sensitivity::{Goal, GoalOutcome, goal_seek};
use crate::i18n::cli_text;
use crate::store;
use rust_decimal::Decimal;
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
    /// roi_adjusted=150 (percent at the horizon), npv=20,000 (numbers as typed in the UI's
    /// language), or break_even=18 (month).
    #[arg(long)]
    pub target: String,
    /// Start from a scenario saved in the file (the other drivers keep its values).
    #[arg(long)]
    pub scenario: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

fn parse_driver(text: &str) -> Result<Driver, String> {
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
    let goal = match Goal::parse(&args.target, lang.convention()) {
        Ok(goal) => goal,
        Err(error) => {
            crate::tell!("{}", cli_text::bad_goal(lang, &args.target, &error));
            return ExitCode::from(super::EXIT_USAGE);
        }
    };
    let answer = goal_seek(&loaded.project, &base, args.driver, goal);
    let sentence = cli_text::goal_answer(lang, &answer, args.target.trim());
    let exact = |value: Decimal| crate::report::json::number_exact(value);
    let figure = |value: Option<Decimal>| value.map(crate::report::json::number);
    let (value, achieved, best) = match answer.outcome {
        GoalOutcome::Found { value, achieved } => (Some(value), achieved, None),
        GoalOutcome::MetEverywhere { lowest, achieved } => (Some(lowest), achieved, None),
        GoalOutcome::Unreachable { best_value, best } => (None, None, Some((best_value, best))),
    };
    if args.format == Format::Json {
        super::emit(&crate::report::json::to_text(&json!({
            "driver": args.driver.key(),
            "target": args.target.trim(),
            "status": answer.outcome.key(),
            "value": value.map(exact),
            "achieved": figure(achieved),
            "best_value": best.map(|(value, _)| exact(value)),
            "best_achieved": best.and_then(|(_, figure)| figure).map(crate::report::json::number),
        })));
    }
    if best.is_some() {
        crate::tell!("{}: {sentence}", args.file.display());
        return ExitCode::from(EXIT_INVALID);
    }
    if args.format == Format::Text {
        super::emit(&sentence);
    }
    ExitCode::SUCCESS
}
