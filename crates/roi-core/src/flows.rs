//! The month-by-month flows of DOMAIN.md §2.5–2.6: benefits ramped and adjusted, costs
//! with contingency, the risk provision, cumulative figures, NPV and break-even months.
//!
//! Generic over the number type: `Decimal` for every figure shown or reported, `f64` for the
//! draws of a Monte Carlo run — one copy of the formulas either way.

use super::discount::net_present_value;
use super::drivers::Drivers;
use super::project::{Benefit, Cost, Project};
use super::scalar::Scalar;
use super::valuation::{monthly_value, ramped};
use rust_decimal::Decimal;

/// One month's flows.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MonthFlow<S = Decimal> {
    pub month: i64,
    pub benefits_raw: S,
    pub benefits_adjusted: S,
    pub costs: S,
    pub risk: S,
    pub net: S,
    pub cumulative_net: S,
}

/// Cumulative figures from month 1 to `month`, with the ROIs they give.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Cumulative<S = Decimal> {
    pub month: i64,
    pub tco: S,
    pub benefits_raw: S,
    pub benefits_adjusted: S,
    pub risk_provision: S,
}

impl<S: Scalar> Cumulative<S> {
    /// (B_raw − TCO) / TCO × 100, undefined when TCO is 0.
    pub fn roi_classic_pct(&self) -> Option<S::Percent> {
        S::percent_of(self.benefits_raw - self.tco, self.tco)
    }

    /// (B_adj − (TCO + Risk)) / TCO × 100, undefined when TCO is 0.
    pub fn roi_adjusted_pct(&self) -> Option<S::Percent> {
        S::percent_of(self.benefits_adjusted - self.tco - self.risk_provision, self.tco)
    }

    pub fn is_break_even(&self) -> bool {
        self.benefits_adjusted > S::zero()
            && S::covers(self.benefits_adjusted, self.tco + self.risk_provision)
    }

    pub fn is_break_even_classic(&self) -> bool {
        self.benefits_raw > S::zero() && S::covers(self.benefits_raw, self.tco)
    }
}

/// The flows of one project under one set of drivers, month by month.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Flows<S = Decimal> {
    pub monthly: Vec<MonthFlow<S>>,
    /// `cumulative[m - 1]` holds the cumulative figures to month m.
    pub cumulative: Vec<Cumulative<S>>,
    pub npv: S,
    pub break_even_month: Option<i64>,
    pub break_even_month_classic: Option<i64>,
}

impl<S: Scalar> Flows<S> {
    /// Cumulative figures to `month` (clamped to the horizon).
    pub fn at(&self, month: i64) -> Cumulative<S> {
        let index = usize::try_from(month.clamp(1, self.horizon()) - 1).unwrap_or(0);
        self.cumulative.get(index).copied().unwrap_or_default()
    }

    /// The adjusted ROI at `month`: `None` past the horizon (a 6-month project has no ROI
    /// at 12 months, as in the JSON report's `at_month`) or while the TCO is zero.
    pub fn roi_adjusted_pct_at(&self, month: i64) -> Option<S::Percent> {
        (1..=self.horizon()).contains(&month).then(|| self.at(month).roi_adjusted_pct()).flatten()
    }

    pub fn at_horizon(&self) -> Cumulative<S> {
        self.cumulative.last().copied().unwrap_or_default()
    }

    pub fn horizon(&self) -> i64 {
        i64::try_from(self.monthly.len()).unwrap_or(0)
    }

    /// The month of the lowest cumulative net cash flow when it goes below zero: the
    /// "valley of death" a project must finance before it pays.
    pub fn valley(&self) -> Option<MonthFlow<S>> {
        let lowest = self
            .monthly
            .iter()
            .copied()
            .reduce(|low, m| if m.cumulative_net < low.cumulative_net { m } else { low });
        lowest.filter(|m| m.cumulative_net < S::zero())
    }
}

/// Whether the ×2/÷2 rule is applied on top of the drivers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stress {
    Off,
    On,
}

pub(crate) fn maturity_factor(project: &Project, drivers: &Drivers) -> Decimal {
    drivers.maturity_factor.unwrap_or_else(|| project.project.maturity_factor().fraction())
}

/// V of each benefit line with the drivers applied.
pub(crate) fn benefit_values<S: Scalar>(project: &Project, drivers: &Drivers) -> Vec<S> {
    let scale = S::of(drivers.benefits()) * S::of(drivers.adoption());
    project.benefits.iter().map(|line| monthly_value::<S>(line, drivers) * scale).collect()
}

/// When a benefit line starts and over how many months it ramps up, with the drivers applied
/// (a delay moves the start, never before month 1; the ramp driver scales the ramp).
pub fn benefit_timing<S: Scalar>(line: &Benefit, drivers: &Drivers) -> (i64, S) {
    let start = (line.start_month() + drivers.delay_months()).max(1);
    (start, S::of_int(line.ramp_months()) * S::of(drivers.ramp()))
}

/// A benefit line reduced to what the monthly loop needs.
struct BenefitSchedule<S> {
    value: S,
    start: i64,
    ramp: S,
    adjustment: S,
}

fn benefit_schedules<S: Scalar>(
    project: &Project,
    drivers: &Drivers,
    stress: Stress,
) -> Vec<BenefitSchedule<S>> {
    let fm = S::of(maturity_factor(project, drivers));
    let two = S::of_int(2);
    project
        .benefits
        .iter()
        .zip(benefit_values::<S>(project, drivers))
        .map(|(line, value)| {
            let (start, ramp) = benefit_timing::<S>(line, drivers);
            let schedule =
                BenefitSchedule { value, start, ramp, adjustment: fm * S::of(line.time_factor().fraction()) };
            match stress {
                Stress::Off => schedule,
                Stress::On => BenefitSchedule {
                    value: schedule.value / two,
                    start: 1 + 2 * (schedule.start - 1),
                    ramp: schedule.ramp * two,
                    ..schedule
                },
            }
        })
        .collect()
}

/// A cost line reduced to what the monthly loop needs: its amounts converted once.
struct CostSchedule<S> {
    one_off: S,
    one_off_month: i64,
    monthly: S,
    running: std::ops::RangeInclusive<i64>,
}

impl<S: Scalar> CostSchedule<S> {
    fn of(line: &Cost, horizon: i64) -> Self {
        Self {
            one_off: line.one_off.map_or(S::zero(), S::of),
            one_off_month: line.one_off_month(),
            monthly: line.monthly.map_or(S::zero(), S::of),
            running: line.start_month()..=line.end_month(horizon),
        }
    }

    fn at(&self, month: i64) -> S {
        let one_off = if self.one_off_month == month { self.one_off } else { S::zero() };
        let monthly = if self.running.contains(&month) { self.monthly } else { S::zero() };
        one_off + monthly
    }
}

/// What a cost line charges in month m, before contingency and drivers.
pub(crate) fn line_cost<S: Scalar>(line: &Cost, month: i64, horizon: i64) -> S {
    CostSchedule::of(line, horizon).at(month)
}

fn stress_factor<S: Scalar>(stress: Stress) -> S {
    if stress == Stress::On { S::of_int(2) } else { S::one() }
}

/// What multiplies every cost: (1 + contingency) × the costs driver × 2 under stress.
pub(crate) fn cost_scale<S: Scalar>(project: &Project, drivers: &Drivers, stress: Stress) -> S {
    (S::one() + S::of(project.project.contingency().fraction()))
        * S::of(drivers.costs())
        * stress_factor(stress)
}

/// c(m) for every month, contingency included.
fn monthly_costs<S: Scalar>(project: &Project, drivers: &Drivers, stress: Stress) -> Vec<S> {
    let horizon = project.horizon();
    let scale: S = cost_scale(project, drivers, stress);
    let lines: Vec<CostSchedule<S>> =
        project.costs.iter().map(|line| CostSchedule::of(line, horizon)).collect();
    (1..=horizon).map(|m| lines.iter().map(|line| line.at(m)).sum::<S>() * scale).collect()
}

/// Each risk's expected loss: cost × probability, probabilities scaled by the risk driver
/// and capped at 1.
pub(crate) fn risk_losses<S: Scalar>(project: &Project, drivers: &Drivers, stress: Stress) -> Vec<S> {
    let stress_factor: S = stress_factor(stress);
    project
        .risks
        .iter()
        .map(|risk| {
            let probability = S::of((risk.probability * drivers.risk()).min(Decimal::ONE));
            S::of(risk.cost) * stress_factor * probability
        })
        .collect()
}

/// The monthly and cumulative flows, NPV and break-even months of DOMAIN.md §2.5–2.6.
pub fn compute_flows<S: Scalar>(project: &Project, drivers: &Drivers, stress: Stress) -> Flows<S> {
    let horizon = project.horizon().max(1);
    let schedules = benefit_schedules::<S>(project, drivers, stress);
    let costs = monthly_costs::<S>(project, drivers, stress);
    let rho = risk_losses::<S>(project, drivers, stress).into_iter().sum::<S>() / S::of_int(horizon);

    let mut monthly = Vec::with_capacity(costs.len());
    let mut cumulative = Vec::with_capacity(costs.len());
    let mut running = Cumulative::<S>::default();
    let mut cumulative_net = S::zero();
    for (m, cost) in (1..=horizon).zip(costs) {
        let (mut raw, mut adjusted) = (S::zero(), S::zero());
        for line in &schedules {
            let ramped = ramped(line.value, m, line.start, line.ramp);
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
            // M × ρ rather than a running sum: no rounding error piles up month after month.
            risk_provision: rho * S::of_int(m),
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
    let rate = S::of(drivers.discount_rate.unwrap_or_else(|| project.project.discount_rate().fraction()));
    let nets: Vec<S> = monthly.iter().map(|m| m.net).collect();
    let first_month = |test: fn(&Cumulative<S>) -> bool| cumulative.iter().find(|c| test(c)).map(|c| c.month);
    Flows {
        npv: net_present_value(&nets, rate),
        break_even_month: first_month(Cumulative::is_break_even),
        break_even_month_classic: first_month(Cumulative::is_break_even_classic),
        monthly,
        cumulative,
    }
}
