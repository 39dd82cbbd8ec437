//! The engine: every figure of DOMAIN.md §2, computed from a project and drivers.
//!
//! This is the only place figures are computed; the CLI reports and the TUI views read
//! [`Figures`] and never compute. Everything is a pure function of its arguments; undefined
//! figures (an ROI over a zero TCO, a break-even never reached) are `None`.

use super::discount::{internal_rate_of_return, net_present_value};
use super::drivers::Drivers;
use super::matrix::Quadrant;
use super::project::{Cost, CostCategory, Project};
use super::valuation::{monthly_value, ramp_factor};
use super::warnings::{Warning, warnings_for};
use rust_decimal::Decimal;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;
/// The checkpoints of DOMAIN.md §2.6, reported when within the horizon (the horizon is too).
pub const CHECKPOINTS: [i64; 3] = [12, 24, 36];

/// One month's flows.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MonthFlow {
    pub month: i64,
    pub benefits_raw: Decimal,
    pub benefits_adjusted: Decimal,
    pub costs: Decimal,
    pub risk: Decimal,
    pub net: Decimal,
    pub cumulative_net: Decimal,
}

/// Cumulative figures from month 1 to `month`, with the ROIs they give.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Cumulative {
    pub month: i64,
    pub tco: Decimal,
    pub benefits_raw: Decimal,
    pub benefits_adjusted: Decimal,
    pub risk_provision: Decimal,
}

impl Cumulative {
    /// (B_raw − TCO) / TCO × 100, undefined when TCO is 0.
    pub fn roi_classic_pct(&self) -> Option<Decimal> {
        percent_of_tco(self.benefits_raw - self.tco, self.tco)
    }

    /// (B_adj − (TCO + Risk)) / TCO × 100, undefined when TCO is 0.
    pub fn roi_adjusted_pct(&self) -> Option<Decimal> {
        percent_of_tco(self.benefits_adjusted - self.tco - self.risk_provision, self.tco)
    }

    fn is_break_even(&self) -> bool {
        self.benefits_adjusted > Decimal::ZERO
            && self.benefits_adjusted - self.tco - self.risk_provision >= Decimal::ZERO
    }

    fn is_break_even_classic(&self) -> bool {
        self.benefits_raw > Decimal::ZERO && self.benefits_raw - self.tco >= Decimal::ZERO
    }
}

fn percent_of_tco(gain: Decimal, tco: Decimal) -> Option<Decimal> {
    if tco.is_zero() { None } else { gain.checked_mul(HUNDRED)?.checked_div(tco) }
}

/// The flows of one project under one set of drivers, month by month.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Flows {
    pub monthly: Vec<MonthFlow>,
    /// `cumulative[m - 1]` holds the cumulative figures to month m.
    pub cumulative: Vec<Cumulative>,
    pub npv: Decimal,
    pub break_even_month: Option<i64>,
    pub break_even_month_classic: Option<i64>,
}

impl Flows {
    /// Cumulative figures to `month` (clamped to the horizon).
    pub fn at(&self, month: i64) -> Cumulative {
        let index = usize::try_from(month.clamp(1, self.horizon()) - 1).unwrap_or(0);
        self.cumulative.get(index).copied().unwrap_or_default()
    }

    pub fn at_horizon(&self) -> Cumulative {
        self.cumulative.last().copied().unwrap_or_default()
    }

    pub fn horizon(&self) -> i64 {
        i64::try_from(self.monthly.len()).unwrap_or(0)
    }

    /// The month of the lowest cumulative net cash flow when it goes below zero: the
    /// "valley of death" a project must finance before it pays.
    pub fn valley(&self) -> Option<MonthFlow> {
        self.monthly
            .iter()
            .copied()
            .min_by_key(|m| m.cumulative_net)
            .filter(|m| m.cumulative_net < Decimal::ZERO)
    }
}

/// The outcome of the ×2/÷2 rule (DOMAIN.md §2.7).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StressOutcome {
    pub roi_adjusted_pct: Option<Decimal>,
    pub npv: Decimal,
    pub break_even_month: Option<i64>,
    /// ROI adjusted at the horizon stays above 0 under stress (false when undefined).
    pub robust: bool,
}

/// Every figure shown or reported for a project.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figures {
    pub horizon: i64,
    pub maturity_factor: Decimal,
    /// V of each benefit line, in file order, with the drivers applied.
    pub benefit_values: Vec<Decimal>,
    /// Each cost line's total over the horizon, contingency included, in file order.
    pub cost_totals: Vec<Decimal>,
    pub flows: Flows,
    pub risk_total: Decimal,
    /// Each risk's expected loss (cost × probability), in file order.
    pub risk_lines: Vec<Decimal>,
    pub irr_annual: Option<Decimal>,
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
        let warnings = warnings_for(project, &flows);
        Self {
            horizon: project.horizon(),
            maturity_factor: maturity_factor(project, drivers),
            benefit_values: benefit_values(project, drivers),
            cost_totals: cost_line_totals(project, drivers),
            risk_total: risk_total(project, drivers, Stress::Off),
            risk_lines: risk_losses(project, drivers, Stress::Off),
            irr_annual: internal_rate_of_return(&nets),
            stress: StressOutcome {
                roi_adjusted_pct: stressed_roi,
                npv: stressed.npv,
                break_even_month: stressed.break_even_month,
                robust: stressed_roi.is_some_and(|roi| roi > Decimal::ZERO),
            },
            quadrant: Quadrant::of(&project.project),
            warnings,
            flows,
            stressed_flows: stressed,
        }
    }

    /// TCO per category over the horizon, largest first, empty categories left out.
    pub fn cost_by_category(&self, project: &Project) -> Vec<(CostCategory, Decimal)> {
        let mut totals: Vec<(CostCategory, Decimal)> = Vec::new();
        for (line, total) in project.costs.iter().zip(&self.cost_totals) {
            match totals.iter_mut().find(|(c, _)| *c == line.category()) {
                Some((_, sum)) => *sum += *total,
                None => totals.push((line.category(), *total)),
            }
        }
        totals.retain(|(_, total)| !total.is_zero());
        totals.sort_by_key(|(_, total)| std::cmp::Reverse(*total));
        totals
    }

    /// TCO per project year (months 1–12, 13–24, …).
    pub fn cost_by_year(&self) -> Vec<Decimal> {
        self.flows.monthly.chunks(12).map(|year| year.iter().map(|m| m.costs).sum()).collect()
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

/// Whether the ×2/÷2 rule is applied on top of the drivers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stress {
    Off,
    On,
}

fn maturity_factor(project: &Project, drivers: &Drivers) -> Decimal {
    drivers.maturity_factor.unwrap_or_else(|| project.project.maturity_factor())
}

fn benefit_values(project: &Project, drivers: &Drivers) -> Vec<Decimal> {
    let scale = drivers.benefits() * drivers.adoption();
    project.benefits.iter().map(|line| monthly_value(line, drivers) * scale).collect()
}

/// A benefit line reduced to what the monthly loop needs.
struct BenefitSchedule {
    value: Decimal,
    start: i64,
    ramp: Decimal,
    adjustment: Decimal,
}

fn benefit_schedules(project: &Project, drivers: &Drivers, stress: Stress) -> Vec<BenefitSchedule> {
    let fm = maturity_factor(project, drivers);
    project
        .benefits
        .iter()
        .zip(benefit_values(project, drivers))
        .map(|(line, value)| {
            let start = (line.start_month() + drivers.delay_months()).max(1);
            let ramp = Decimal::from(line.ramp_months()) * drivers.ramp();
            let schedule = BenefitSchedule { value, start, ramp, adjustment: fm * line.time_factor() };
            match stress {
                Stress::Off => schedule,
                Stress::On => BenefitSchedule {
                    value: schedule.value / Decimal::TWO,
                    start: 1 + 2 * (schedule.start - 1),
                    ramp: schedule.ramp * Decimal::TWO,
                    ..schedule
                },
            }
        })
        .collect()
}

/// What a cost line charges in month m, before contingency and drivers.
fn line_cost(line: &Cost, month: i64, horizon: i64) -> Decimal {
    let one_off = line.one_off.filter(|_| line.one_off_month() == month);
    let running = (line.start_month()..=line.end_month(horizon)).contains(&month);
    let monthly = line.monthly.filter(|_| running);
    one_off.unwrap_or_default() + monthly.unwrap_or_default()
}

fn stress_factor(stress: Stress) -> Decimal {
    if stress == Stress::On { Decimal::TWO } else { Decimal::ONE }
}

/// What multiplies every cost: (1 + contingency) × the costs driver × 2 under stress.
fn cost_scale(project: &Project, drivers: &Drivers, stress: Stress) -> Decimal {
    (Decimal::ONE + project.project.contingency()) * drivers.costs() * stress_factor(stress)
}

/// c(m) for every month, contingency included.
fn monthly_costs(project: &Project, drivers: &Drivers, stress: Stress) -> Vec<Decimal> {
    let horizon = project.horizon();
    let scale = cost_scale(project, drivers, stress);
    (1..=horizon)
        .map(|m| project.costs.iter().map(|line| line_cost(line, m, horizon)).sum::<Decimal>() * scale)
        .collect()
}

/// Each cost line's total over the horizon, contingency included, in file order.
fn cost_line_totals(project: &Project, drivers: &Drivers) -> Vec<Decimal> {
    let horizon = project.horizon();
    let scale = cost_scale(project, drivers, Stress::Off);
    project
        .costs
        .iter()
        .map(|line| (1..=horizon).map(|m| line_cost(line, m, horizon)).sum::<Decimal>() * scale)
        .collect()
}

/// Each risk's expected loss: cost × probability, probabilities scaled by the risk driver
/// and capped at 1.
fn risk_losses(project: &Project, drivers: &Drivers, stress: Stress) -> Vec<Decimal> {
    let stress_factor = stress_factor(stress);
    project
        .risks
        .iter()
        .map(|risk| {
            let probability = (risk.probability * drivers.risk()).min(Decimal::ONE);
            risk.cost * stress_factor * probability
        })
        .collect()
}

/// R_total = Σ cost × probability.
fn risk_total(project: &Project, drivers: &Drivers, stress: Stress) -> Decimal {
    risk_losses(project, drivers, stress).into_iter().sum()
}

/// The monthly and cumulative flows, NPV and break-even months.
pub fn compute_flows(project: &Project, drivers: &Drivers, stress: Stress) -> Flows {
    let horizon = project.horizon().max(1);
    let schedules = benefit_schedules(project, drivers, stress);
    let costs = monthly_costs(project, drivers, stress);
    let rho = risk_total(project, drivers, stress) / Decimal::from(horizon);

    let mut monthly = Vec::with_capacity(costs.len());
    let mut cumulative = Vec::with_capacity(costs.len());
    let mut running = Cumulative::default();
    let mut cumulative_net = Decimal::ZERO;
    for (m, cost) in (1..=horizon).zip(costs) {
        let (mut raw, mut adjusted) = (Decimal::ZERO, Decimal::ZERO);
        for line in &schedules {
            let ramped = line.value * ramp_factor(m, line.start, line.ramp);
            raw += ramped;
            adjusted += ramped * line.adjustment;
        }
        let net = adjusted - cost - rho;
        cumulative_net += net;
        running = Cumulative {
            month: m,
            tco: running.tco + cost,
            benefits_raw: running.benefits_raw + raw,
            benefits_adjusted: running.benefits_adjusted + adjusted,
            // M × ρ rather than a running sum, so Risk(H) is exactly R_total.
            risk_provision: rho * Decimal::from(m),
        };
        monthly.push(MonthFlow {
            month: m,
            benefits_raw: raw,
            benefits_adjusted: adjusted,
            costs: cost,
            risk: rho,
            net,
            cumulative_net,
        });
        cumulative.push(running);
    }
    let rate = drivers.discount_rate.unwrap_or_else(|| project.project.discount_rate());
    let nets: Vec<Decimal> = monthly.iter().map(|m| m.net).collect();
    let first_month = |test: fn(&Cumulative) -> bool| cumulative.iter().find(|c| test(c)).map(|c| c.month);
    Flows {
        npv: net_present_value(&nets, rate),
        break_even_month: first_month(Cumulative::is_break_even),
        break_even_month_classic: first_month(Cumulative::is_break_even_classic),
        monthly,
        cumulative,
    }
}
