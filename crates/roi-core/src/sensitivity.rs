//! What-if tools on top of the drivers (DOMAIN.md §2.8): the tornado (each driver moved
//! ±20 % alone, ranked by NPV swing) and goal seek (which driver value reaches a target).
//! Both recompute through the engine; nothing here has its own formula for a figure.

use super::drivers::{Driver, Drivers};
use super::engine::{Flows, Stress, compute_flows};
use super::money::{Amount, Percent};
use super::project::Project;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::fmt;
use std::str::FromStr;

/// The default swing of the tornado: each driver ±20 %.
pub const DEFAULT_WIDTH: Decimal = dec!(0.20);
/// A delay has no base to take 20 % of: it moves by `width × 12` months (±2 for 20 %).
const DELAY_MONTHS_PER_UNIT: Decimal = dec!(12);

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TornadoBar {
    pub driver: Driver,
    /// The driver's value at the low and the high end.
    pub low_value: Decimal,
    pub high_value: Decimal,
    pub npv_low: Decimal,
    pub npv_high: Decimal,
    pub roi_adjusted_pct_low: Option<Percent>,
    pub roi_adjusted_pct_high: Option<Percent>,
}

impl TornadoBar {
    pub fn npv_swing(&self) -> Decimal {
        (self.npv_high - self.npv_low).abs()
    }
}

/// The value a driver has when `drivers` leave it alone: 1 for a multiplier, 0 months of
/// delay, the project's own maturity factor and discount rate.
pub fn neutral(project: &Project, driver: Driver) -> Decimal {
    match driver {
        Driver::DelayMonths => Decimal::ZERO,
        Driver::DiscountRate => project.project.discount_rate().fraction(),
        Driver::MaturityFactor => project.project.maturity_factor().fraction(),
        _ => Decimal::ONE,
    }
}

/// The driver's current value in `drivers`.
pub fn current(project: &Project, drivers: &Drivers, driver: Driver) -> Decimal {
    drivers.get(driver).unwrap_or_else(|| neutral(project, driver))
}

/// The low and high settings of a driver moved by ±`width` from `base`, within its bounds.
pub fn swing(project: &Project, base: &Drivers, driver: Driver, width: Decimal) -> (Decimal, Decimal) {
    let value = current(project, base, driver);
    let (low, high) = match driver {
        Driver::DelayMonths => {
            let months = (width * DELAY_MONTHS_PER_UNIT).round();
            (value - months, value + months)
        }
        _ => (value * (Decimal::ONE - width), value * (Decimal::ONE + width)),
    };
    let (min, max) = driver.bounds();
    (low.clamp(min, max), high.clamp(min, max))
}

fn flows_with(project: &Project, base: &Drivers, driver: Driver, value: Decimal) -> Flows {
    let mut drivers = *base;
    drivers.set(driver, Some(value));
    compute_flows(project, &drivers, Stress::Off)
}

/// Every driver moved ±`width` alone from `base`, largest NPV swing first.
pub fn tornado(project: &Project, base: &Drivers, width: Decimal) -> Vec<TornadoBar> {
    let mut bars: Vec<TornadoBar> = Driver::ALL
        .into_iter()
        .map(|driver| {
            let (low_value, high_value) = swing(project, base, driver, width);
            let low = flows_with(project, base, driver, low_value);
            let high = flows_with(project, base, driver, high_value);
            TornadoBar {
                driver,
                low_value,
                high_value,
                npv_low: low.npv,
                npv_high: high.npv,
                roi_adjusted_pct_low: low.at_horizon().roi_adjusted_pct(),
                roi_adjusted_pct_high: high.at_horizon().roi_adjusted_pct(),
            }
        })
        .collect();
    // Stable: swings equal to the cent keep the order of DOMAIN.md §2.8 (two drivers that
    // scale the same benefits differ only in the 20th decimal, by the order of operations).
    bars.sort_by_key(|bar| std::cmp::Reverse(super::money::round(bar.npv_swing())));
    bars
}

/// A figure to reach.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Goal {
    /// Adjusted ROI at the horizon, in percent.
    RoiAdjusted(Decimal),
    Npv(Decimal),
    /// Break even at this month or earlier.
    BreakEven(i64),
}

impl FromStr for Goal {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let usage = || {
            format!(
                "`{text}`: write METRIC=VALUE with METRIC roi_adjusted, npv or break_even, e.g. roi_adjusted=150"
            )
        };
        let (metric, value) = text.split_once('=').ok_or_else(usage)?;
        let number = Decimal::from_str(value.trim().trim_end_matches('%').replace(',', ".").trim())
            .map_err(|_| usage())?;
        match metric.trim() {
            "roi_adjusted" | "roi_adjusted_pct" | "roi" => Ok(Goal::RoiAdjusted(number)),
            "npv" => Ok(Goal::Npv(number)),
            "break_even" | "break_even_month" => {
                i64::try_from(number).map(Goal::BreakEven).map_err(|_| usage())
            }
            _ => Err(usage()),
        }
    }
}

impl fmt::Display for Goal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Goal::RoiAdjusted(v) => write!(f, "roi_adjusted={v}"),
            Goal::Npv(v) => write!(f, "npv={v}"),
            Goal::BreakEven(m) => write!(f, "break_even={m}"),
        }
    }
}

/// The answer of a goal seek, re-checked by the engine at the value found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GoalSeek {
    pub driver: Driver,
    pub goal: Goal,
    /// The driver value that reaches the goal, or `None` when no value in its range does.
    pub value: Option<Decimal>,
    /// The metric recomputed at `value` (a month for a break-even goal).
    pub achieved: Option<Decimal>,
}

/// How far the goal is from the flows: ≥ 0 once reached (for break-even, reached or not).
fn gap(goal: Goal, flows: &Flows) -> Option<Decimal> {
    match goal {
        Goal::RoiAdjusted(target) => Some(flows.at_horizon().roi_adjusted_pct()?.value() - target),
        Goal::Npv(target) => Some(flows.npv - target),
        Goal::BreakEven(month) => Some(if flows.break_even_month.is_some_and(|m| m <= month) {
            Decimal::ONE
        } else {
            -Decimal::ONE
        }),
    }
}

fn achieved(goal: Goal, flows: &Flows) -> Option<Decimal> {
    match goal {
        Goal::RoiAdjusted(_) => flows.at_horizon().roi_adjusted_pct().map(Percent::value),
        Goal::Npv(_) => Some(flows.npv),
        Goal::BreakEven(_) => flows.break_even_month.map(Decimal::from),
    }
}

/// The value of `driver` (the others as in `base`) that reaches `goal`, by bisection over
/// the driver's range; for a break-even goal, the value closest to the break-even boundary.
pub fn goal_seek(project: &Project, base: &Drivers, driver: Driver, goal: Goal) -> GoalSeek {
    let evaluate = |value: Decimal| gap(goal, &flows_with(project, base, driver, value));
    let (mut low, mut high) = driver.bounds();
    let unreachable = GoalSeek { driver, goal, value: None, achieved: None };
    let (Some(at_low), Some(at_high)) = (evaluate(low), evaluate(high)) else { return unreachable };
    if at_low.is_sign_negative() == at_high.is_sign_negative() && !at_low.is_zero() && !at_high.is_zero() {
        return unreachable;
    }
    let low_reached = !at_low.is_sign_negative();
    let whole_months = driver == Driver::DelayMonths;
    for _ in 0..64 {
        let middle =
            if whole_months { ((low + high) / Decimal::TWO).floor() } else { (low + high) / Decimal::TWO };
        if middle == low || middle == high {
            break;
        }
        match evaluate(middle) {
            Some(gap) if gap.is_sign_negative() != low_reached => low = middle,
            _ => high = middle,
        }
    }
    // Keep the end that reaches the goal, rounded for people, and check it again.
    let reached_end = if low_reached { low } else { high };
    let value = if whole_months { reached_end } else { reached_end.round_dp(6).normalize() };
    let flows = flows_with(project, base, driver, value);
    GoalSeek { driver, goal, value: Some(value), achieved: achieved(goal, &flows) }
}

/// One line of the side-by-side table of scenarios.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioSummary {
    /// `None` for the base (no scenario).
    pub name: Option<String>,
    pub drivers: Drivers,
    pub roi_adjusted_pct_12: Option<Percent>,
    pub roi_adjusted_pct_horizon: Option<Percent>,
    pub npv: Amount,
    pub break_even_month: Option<i64>,
    pub robust: bool,
}

/// The base and every scenario of the project, with their headline figures.
pub fn scenario_summaries(project: &Project) -> Vec<ScenarioSummary> {
    let base = (None, Drivers::default());
    let scenarios = project.scenarios.iter().map(|(name, drivers)| (Some(name.clone()), *drivers));
    std::iter::once(base)
        .chain(scenarios)
        .map(|(name, drivers)| {
            let figures = super::engine::Figures::compute(project, &drivers);
            ScenarioSummary {
                name,
                drivers,
                roi_adjusted_pct_12: figures.flows.roi_adjusted_pct_at(12),
                roi_adjusted_pct_horizon: figures.flows.at_horizon().roi_adjusted_pct(),
                npv: Amount::new(figures.flows.npv),
                break_even_month: figures.flows.break_even_month,
                robust: figures.stress.robust,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::{Benefit, BenefitKind, Cost};

    /// 1 000 €/month of benefits from month 1 against 24 000 € paid at once, over 36 months.
    fn project() -> Project {
        let mut project = Project::named("T");
        project.project.discount_rate = Some(Decimal::ZERO);
        project.benefits.push(Benefit {
            kind: BenefitKind::Other,
            monthly_value: Some(dec!(1000)),
            ..Benefit::default()
        });
        project.costs.push(Cost { one_off: Some(dec!(24000)), ..Cost::default() });
        project
    }

    #[test]
    fn a_project_shorter_than_a_year_has_no_roi_at_12_months() {
        let mut short = project();
        short.project.horizon_months = Some(6);
        let base = &scenario_summaries(&short)[0];
        assert_eq!(base.roi_adjusted_pct_12, None);
        assert!(base.roi_adjusted_pct_horizon.is_some());
        assert!(scenario_summaries(&project())[0].roi_adjusted_pct_12.is_some());
    }

    #[test]
    fn tornado_on_a_hand_computed_case() {
        let bars = tornado(&project(), &Drivers::default(), DEFAULT_WIDTH);
        // Benefits ±20 %: 36 × 800 − 24 000 = 4 800 and 36 × 1 200 − 24 000 = 19 200.
        let benefits = bars.iter().find(|b| b.driver == Driver::Benefits).unwrap();
        assert_eq!((benefits.npv_low, benefits.npv_high), (dec!(4800), dec!(19200)));
        // Costs ±20 %: 36 000 − 19 200 = 16 800 and 36 000 − 28 800 = 7 200.
        let costs = bars.iter().find(|b| b.driver == Driver::Costs).unwrap();
        assert_eq!((costs.npv_low, costs.npv_high), (dec!(16800), dec!(7200)));
        assert_eq!(costs.roi_adjusted_pct_high, Some(Percent::new(dec!(25))));
        // Ranked by swing: benefits (14 400) before costs (9 600); adoption cannot go above 1.
        assert_eq!(bars[0].driver, Driver::Benefits);
        assert_eq!(bars[1].driver, Driver::Costs);
        let adoption = bars.iter().find(|b| b.driver == Driver::Adoption).unwrap();
        assert_eq!(adoption.high_value, Decimal::ONE);
        let swings: Vec<Decimal> = bars.iter().map(TornadoBar::npv_swing).collect();
        assert!(swings.windows(2).all(|w| w[0] >= w[1]));
    }

    #[test]
    fn goal_seek_finds_the_cost_multiplier_for_a_zero_npv() {
        // NPV = 36 000 − 24 000 × c = 0 ⇒ c = 1.5.
        let answer = goal_seek(&project(), &Drivers::default(), Driver::Costs, Goal::Npv(Decimal::ZERO));
        assert_eq!(answer.value, Some(dec!(1.5)));
        assert!(answer.achieved.unwrap().abs() < dec!(0.01));
    }

    #[test]
    fn goal_seek_for_a_break_even_month_and_an_unreachable_goal() {
        // Break even by month 12 needs 12 × 1 000 × b ≥ 24 000 ⇒ b = 2.
        let answer = goal_seek(&project(), &Drivers::default(), Driver::Benefits, Goal::BreakEven(12));
        assert_eq!(answer.achieved, Some(dec!(12)));
        assert!((answer.value.unwrap() - dec!(2)).abs() < dec!(0.0001));
        let impossible =
            goal_seek(&project(), &Drivers::default(), Driver::Adoption, Goal::RoiAdjusted(dec!(1000)));
        assert_eq!(impossible.value, None);
    }

    #[test]
    fn scenarios_side_by_side_start_with_the_base() {
        let mut project = project();
        project
            .scenarios
            .insert("prudent".into(), Drivers { benefits: Some(dec!(0.5)), ..Drivers::default() });
        let rows = scenario_summaries(&project);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].name, None);
        assert_eq!(rows[0].npv, Amount::new(dec!(12000)));
        assert_eq!(rows[1].npv, Amount::new(dec!(-6000)));
        assert_eq!(rows[1].break_even_month, None);
    }

    #[test]
    fn goals_parse_from_the_command_line() {
        assert_eq!("roi_adjusted=150".parse(), Ok(Goal::RoiAdjusted(dec!(150))));
        assert_eq!("npv=0".parse(), Ok(Goal::Npv(Decimal::ZERO)));
        assert_eq!("break_even=18".parse(), Ok(Goal::BreakEven(18)));
        assert!("speed=3".parse::<Goal>().is_err());
    }
}
