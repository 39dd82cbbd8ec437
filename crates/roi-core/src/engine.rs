//! The engine: every figure of DOMAIN.md §2, computed from a project and drivers.
//!
//! This is the only place figures are computed; the CLI reports and the TUI views read
//! [`Figures`] and never compute. The month-by-month flows are in `flows` (generic over the
//! number type, for Monte Carlo); this module adds everything else a project shows. Every
//! function is pure; undefined figures (an ROI over a zero TCO, a break-even never reached)
//! are `None`.

pub use super::flows::{Cumulative, Flows, MonthFlow, Stress, compute_flows};

use super::discount::internal_rate_of_return;
pub use super::discount::{Irr, NoIrr};
use super::drivers::Drivers;
use super::flows::{benefit_timing, benefit_values, cost_scale, line_cost, maturity_factor, risk_losses};
use super::matrix::Quadrant;
use super::money::{Amount, Percent, Rate};
use super::project::{CostCategory, Project};
use super::warnings::{Warning, irr_warning, warnings_for};
use rust_decimal::Decimal;

/// The checkpoints of DOMAIN.md §2.6, reported when within the horizon (the horizon is too).
pub const CHECKPOINTS: [i64; 3] = [12, 24, 36];

/// The outcome of the ×2/÷2 rule (DOMAIN.md §2.7).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StressOutcome {
    pub roi_adjusted_pct: Option<Percent>,
    pub npv: Amount,
    pub break_even_month: Option<i64>,
    /// ROI adjusted at the horizon stays above 0 under stress (false when undefined).
    pub robust: bool,
}

/// The ×2/÷2 verdict: the adjusted ROI at the horizon stays above 0 under stress (not when
/// it is undefined).
pub fn robust(stressed: &Flows) -> bool {
    stressed.at_horizon().roi_adjusted_pct().is_some_and(|roi| roi > Percent::ZERO)
}

/// Every figure shown or reported for a project.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figures {
    pub horizon: i64,
    pub maturity_factor: Decimal,
    /// V of each benefit line, in file order, with the drivers applied.
    pub benefit_values: Vec<Amount>,
    /// Start month and ramp months of each benefit line, with the drivers applied.
    pub benefit_timings: Vec<(i64, Decimal)>,
    /// Each cost line's total over the horizon, contingency included, in file order.
    pub cost_totals: Vec<Amount>,
    pub flows: Flows,
    pub risk_total: Amount,
    /// Each risk's expected loss (cost × probability), in file order.
    pub risk_lines: Vec<Amount>,
    /// The IRR when the flows have exactly one ([`Figures::irr`] says why not, otherwise).
    pub irr_annual: Option<Rate>,
    /// Every rate that brings the NPV to zero, or why none does.
    pub irr: Irr,
    pub stress: StressOutcome,
    /// The flows under the ×2/÷2 rule, for drawing them.
    pub stressed_flows: Flows,
    pub quadrant: Option<Quadrant>,
    pub warnings: Vec<Warning>,
}

impl Figures {
    /// Computes every figure of `project` under `drivers`.
    pub fn compute(project: &Project, drivers: &Drivers) -> Self {
        let flows = compute_flows(project, drivers, Stress::Off);
        let stressed = compute_flows(project, drivers, Stress::On);
        let stressed_roi = stressed.at_horizon().roi_adjusted_pct();
        let nets: Vec<Decimal> = flows.monthly.iter().map(|m| m.net).collect();
        let irr = internal_rate_of_return(&nets);
        let mut warnings = warnings_for(project, &flows);
        warnings.extend(irr_warning(&irr));
        Self {
            horizon: project.horizon(),
            maturity_factor: maturity_factor(project, drivers),
            benefit_values: benefit_values(project, drivers).into_iter().map(Amount::new).collect(),
            benefit_timings: project.benefits.iter().map(|line| benefit_timing(line, drivers)).collect(),
            cost_totals: cost_line_totals(project, drivers),
            risk_lines: risk_losses(project, drivers, Stress::Off).into_iter().map(Amount::new).collect(),
            risk_total: risk_losses::<Decimal>(project, drivers, Stress::Off)
                .into_iter()
                .map(Amount::new)
                .sum(),
            irr_annual: irr.unique().map(Rate::new),
            irr,
            stress: StressOutcome {
                roi_adjusted_pct: stressed_roi,
                npv: Amount::new(stressed.npv),
                break_even_month: stressed.break_even_month,
                robust: robust(&stressed),
            },
            quadrant: Quadrant::of(&project.project),
            warnings,
            flows,
            stressed_flows: stressed,
        }
    }

    /// TCO per category over the horizon, largest first, empty categories left out.
    pub fn cost_by_category(&self, project: &Project) -> Vec<(CostCategory, Amount)> {
        let mut totals: Vec<(CostCategory, Amount)> = Vec::new();
        for (line, total) in project.costs.iter().zip(&self.cost_totals) {
            match totals.iter_mut().find(|(c, _)| *c == line.category()) {
                Some((_, sum)) => *sum += *total,
                None => totals.push((line.category(), *total)),
            }
        }
        totals.retain(|(_, total)| !total.value().is_zero());
        totals.sort_by_key(|(_, total)| std::cmp::Reverse(*total));
        totals
    }

    /// TCO per project year (months 1–12, 13–24, …).
    pub fn cost_by_year(&self) -> Vec<Amount> {
        self.flows.monthly.chunks(12).map(|year| year.iter().map(|m| Amount::new(m.costs)).sum()).collect()
    }

    /// The checkpoints reported for this horizon: 12, 24, 36 when within it, and the horizon.
    pub fn checkpoints(&self) -> Vec<Cumulative> {
        let mut months: Vec<i64> = CHECKPOINTS.into_iter().filter(|m| *m <= self.horizon).collect();
        if !months.contains(&self.horizon) {
            months.push(self.horizon);
        }
        months.into_iter().map(|m| self.flows.at(m)).collect()
    }
}

/// Each cost line's total over the horizon, contingency included, in file order.
fn cost_line_totals(project: &Project, drivers: &Drivers) -> Vec<Amount> {
    let horizon = project.horizon();
    let scale: Decimal = cost_scale(project, drivers, Stress::Off);
    project
        .costs
        .iter()
        .map(|line| {
            Amount::new(
                (1..=horizon).map(|m| line_cost::<Decimal>(line, m, horizon)).sum::<Decimal>() * scale,
            )
        })
        .collect()
}
