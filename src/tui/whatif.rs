//! The what-if part of `update`: scenarios, goal seek, Monte Carlo, prudence presets and the
//! tornado's width. Pure like the rest of `update`: the Monte Carlo run itself is an
//! `Effect` the runtime performs in the background.

use super::action::{Action, Preset};
use super::app::{App, Mode, Purpose, Revision, SimulationState};
use super::effect::Effect;
use crate::domain::drivers::Drivers;
use crate::domain::montecarlo::Simulation;
use crate::domain::project::Project;
use crate::domain::sensitivity::{Goal, GoalOutcome, goal_seek, scenario_summaries};
use crate::i18n::Text;
use crate::i18n::cli_text;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// POC gains × 0.65 before extrapolating; POC-to-scale × 0.6 (DOMAIN.md §2.8).
const POC_GAINS: Decimal = dec!(0.65);
const POC_TO_SCALE: Decimal = dec!(0.6);
const TORNADO_WIDTHS: [Decimal; 3] = [dec!(0.10), dec!(0.20), dec!(0.30)];

pub fn show_scenarios(app: &mut App) {
    app.mode = Mode::Scenarios { selected: 0, rows: scenario_summaries(&app.project) };
}

/// Keys of the scenario table: move, apply, rename, delete, close.
pub fn scenarios(app: &mut App, action: Action) -> Effect {
    let Mode::Scenarios { selected, rows } = &mut app.mode else { return Effect::None };
    let last = rows.len().saturating_sub(1);
    match action {
        Action::Up => *selected = selected.saturating_sub(1),
        Action::Down => *selected = (*selected + 1).min(last),
        Action::Submit => {
            let Some(row) = rows.get(*selected).cloned() else { return Effect::None };
            app.drivers = row.drivers;
            app.mode = Mode::Normal;
            app.recompute_what_if();
            let name = row.name.unwrap_or_else(|| app.lang.t(Text::Base).to_owned());
            app.say(format!("{} {}", app.lang.t(Text::ScenarioApplied), app.lang.quoted(&name)));
        }
        Action::Rename if *selected > 0 => {
            let index = *selected - 1;
            let buffer =
                app.project.scenarios.get_index(index).map(|(name, _)| name.clone()).unwrap_or_default();
            app.mode = Mode::Prompt { purpose: Purpose::RenameScenario { index }, buffer, error: None };
        }
        Action::Delete if *selected > 0 => {
            let index = *selected - 1;
            let mut project = app.project.clone();
            project.scenarios.shift_remove_index(index);
            super::update::change_project(app, project);
            show_scenarios(app);
            if let Mode::Scenarios { selected, rows } = &mut app.mode {
                *selected = index.min(rows.len().saturating_sub(1));
            }
        }
        Action::Cancel => app.mode = Mode::Normal,
        _ => {}
    }
    Effect::None
}

/// The project with scenario `index` renamed, order kept.
pub fn with_renamed_scenario(app: &App, index: usize, name: &str) -> Result<Project, String> {
    let name = name.trim();
    let taken = app.project.scenarios.get_index_of(name).is_some_and(|i| i != index);
    if taken {
        return Err(app.lang.t(Text::ScenarioNameTaken).to_owned());
    }
    if name.is_empty() || name.contains(['.', '[', ']', '"']) {
        return Err(app.lang.t(Text::BadScenarioName).to_owned());
    }
    let mut project = app.project.clone();
    project.scenarios = project
        .scenarios
        .into_iter()
        .enumerate()
        .map(|(i, (old, drivers))| (if i == index { name.to_owned() } else { old }, drivers))
        .collect();
    Ok(project)
}

/// Solves the goal typed for the selected driver and moves its slider there; a goal already
/// met everywhere moves it nowhere; one that cannot be met is said, with the best reachable.
pub fn solve_goal(app: &mut App, typed: &str) -> Result<(), String> {
    let goal =
        Goal::parse(typed, app.lang.convention()).map_err(|e| cli_text::bad_goal(app.lang, typed, &e))?;
    let driver = app.selected_driver();
    let answer = goal_seek(&app.project, &app.drivers, driver, goal);
    let sentence = cli_text::goal_answer(app.lang, &answer, typed.trim());
    match answer.outcome {
        GoalOutcome::Found { value, .. } => {
            app.drivers.set(driver, Some(value));
            app.recompute_what_if();
        }
        GoalOutcome::MetEverywhere { .. } => {}
        GoalOutcome::Unreachable { .. } => return Err(sentence),
    }
    app.say(sentence);
    Ok(())
}

pub fn run_monte_carlo(app: &mut App) -> Effect {
    if matches!(app.simulation, SimulationState::Running { .. }) {
        return Effect::None;
    }
    let draws = crate::domain::montecarlo::default_draws(&app.project);
    let simulation = Simulation { sampling: app.sampling, draws, ..Simulation::default() };
    app.simulation = SimulationState::Running { done: 0, total: simulation.draws };
    if app.mode == Mode::MonteCarlo {
        app.mode = Mode::Normal;
    }
    Effect::Simulate {
        project: Box::new(app.project.clone()),
        drivers: app.drivers,
        simulation,
        revision: app.revision,
    }
}

pub fn show_monte_carlo(app: &mut App) {
    match app.simulation {
        SimulationState::Done(_) => app.mode = Mode::MonteCarlo,
        _ => app.say(app.lang.t(Text::MonteCarloHint)),
    }
}

pub fn progress(app: &mut App, done: usize) {
    if let SimulationState::Running { total, .. } = app.simulation {
        app.simulation = SimulationState::Running { done, total };
    }
}

/// A run's result, kept only when it was computed for the inputs on screen: one made for
/// inputs changed since is dropped, never shown nor written into a summary.
pub fn finished(app: &mut App, run: Box<crate::domain::montecarlo::MonteCarlo>, revision: Revision) {
    if revision != app.revision {
        app.simulation = SimulationState::Idle;
        app.warn(app.lang.t(Text::SimulationStale));
        return;
    }
    app.simulation = SimulationState::Done(run);
    app.say(app.lang.t(Text::SimulationFinished));
    if app.mode == Mode::Normal {
        app.mode = Mode::MonteCarlo;
    }
}

pub fn preset(app: &mut App, preset: Preset) {
    let factor = match preset {
        Preset::PocGains => POC_GAINS,
        Preset::PocToScale => POC_TO_SCALE,
    };
    app.drivers = Drivers { benefits: Some(factor), ..app.drivers };
    app.recompute_what_if();
    app.say(format!("benefits ×{}", app.lang.number(factor, 2)));
}

pub fn cycle_tornado_width(app: &mut App) {
    let next = TORNADO_WIDTHS
        .iter()
        .position(|w| *w == app.tornado_width)
        .map_or(1, |i| (i + 1) % TORNADO_WIDTHS.len());
    app.tornado_width = TORNADO_WIDTHS[next];
    app.recompute_tornado();
}
