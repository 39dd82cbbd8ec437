//! Wider what-if tools on the drivers: the spider (each driver moved from −50 % to +50 % in
//! 10 % steps alone) and the two-way data table (two drivers over chosen values together).
//! Both set the drivers exactly as the sliders do and recompute through the engine.

use super::drivers::{Driver, Drivers};
use super::engine::{Flows, Stress, compute_flows};
use super::project::Project;
use super::scalar::Scalar;
use super::sensitivity::current;
use rayon::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// The changes of the spider, in percent of each driver's value.
pub const SPIDER_STEPS: [i64; 11] = [-50, -40, -30, -20, -10, 0, 10, 20, 30, 40, 50];
/// A delay has no value to take a share of: each 10 % step is a month (12 months for 100 %,
/// like the tornado's ±2 months for ±20 %), rounded.
const DELAY_MONTHS_PER_UNIT: Decimal = dec!(12);

/// One point of the spider, in the number type of the flows: exact `Decimal` for reports,
/// `f64` for a chart redrawn at every slider step.
#[derive(Debug, Clone, PartialEq)]
pub struct SpiderPoint<S: Scalar = Decimal> {
    pub change_pct: i64,
    /// The driver's value at this point, within its slider's bounds.
    pub value: Decimal,
    pub npv: S,
    pub roi_adjusted_pct: Option<S::Percent>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SpiderLine<S: Scalar = Decimal> {
    pub driver: Driver,
    pub points: Vec<SpiderPoint<S>>,
}

/// The value of `driver` moved by `change_pct` % from its value in `base`, clamped like the
/// sliders.
pub fn moved(project: &Project, base: &Drivers, driver: Driver, change_pct: i64) -> Decimal {
    let value = current(project, base, driver);
    let change = Decimal::new(change_pct, 2);
    let moved = match driver {
        Driver::DelayMonths => value + (change * DELAY_MONTHS_PER_UNIT).round(),
        _ => value * (Decimal::ONE + change),
    };
    let (min, max) = driver.bounds();
    moved.clamp(min, max)
}

/// `base` with `driver` set to `value`, as a slider sets it.
pub fn with(base: &Drivers, driver: Driver, value: Decimal) -> Drivers {
    let mut drivers = *base;
    drivers.set(driver, Some(value));
    drivers
}

fn flows<S: Scalar>(project: &Project, drivers: &Drivers) -> Flows<S> {
    compute_flows(project, drivers, Stress::Off)
}

/// Every driver from −50 % to +50 % alone; the 0 % point is the base.
pub fn spider<S: Scalar>(project: &Project, base: &Drivers) -> Vec<SpiderLine<S>> {
    Driver::ALL
        .into_iter()
        .map(|driver| SpiderLine {
            driver,
            points: SPIDER_STEPS
                .iter()
                .map(|&change_pct| {
                    let value = moved(project, base, driver, change_pct);
                    let drivers = if change_pct == 0 { *base } else { with(base, driver, value) };
                    let flows = flows::<S>(project, &drivers);
                    SpiderPoint {
                        change_pct,
                        value,
                        npv: flows.npv,
                        roi_adjusted_pct: flows.at_horizon().roi_adjusted_pct(),
                    }
                })
                .collect(),
        })
        .collect()
}

impl SpiderLine {
    /// How far the NPV moves along the line: its highest less its lowest.
    pub fn npv_span(&self) -> Decimal {
        let npvs = self.points.iter().map(|p| p.npv);
        let (low, high) = npvs.fold((None, None), |(low, high): (Option<Decimal>, Option<Decimal>), v| {
            (Some(low.map_or(v, |l| l.min(v))), Some(high.map_or(v, |h| h.max(v))))
        });
        high.zip(low).map_or(Decimal::ZERO, |(high, low)| high - low)
    }

    /// The point at `change_pct`, if the line has one.
    pub fn at(&self, change_pct: i64) -> Option<&SpiderPoint> {
        self.points.iter().find(|p| p.change_pct == change_pct)
    }
}

/// The lines along which the NPV moves at all, the widest span first (the order of
/// [`Driver::ALL`] between equal spans): what a spider chart draws.
pub fn moving_lines(lines: &[SpiderLine]) -> Vec<&SpiderLine> {
    let mut moving: Vec<&SpiderLine> = lines.iter().filter(|l| !l.npv_span().is_zero()).collect();
    moving.sort_by_key(|line| std::cmp::Reverse(line.npv_span()));
    moving
}

/// What a data table shows in its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    Npv,
    RoiAdjusted,
    BreakEvenMonth,
}

impl Metric {
    pub fn key(self) -> &'static str {
        match self {
            Metric::Npv => "npv",
            Metric::RoiAdjusted => "roi_adjusted_pct",
            Metric::BreakEvenMonth => "break_even_month",
        }
    }

    fn of(self, flows: &Flows<Decimal>) -> Option<Decimal> {
        match self {
            Metric::Npv => Some(flows.npv),
            Metric::RoiAdjusted => flows.at_horizon().roi_adjusted_pct().map(|p| p.value()),
            Metric::BreakEvenMonth => flows.break_even_month.map(Decimal::from),
        }
    }
}

impl std::str::FromStr for Metric {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        [Metric::Npv, Metric::RoiAdjusted, Metric::BreakEvenMonth]
            .into_iter()
            .find(|m| m.key() == text)
            .ok_or_else(|| format!("unknown metric `{text}`: npv, roi_adjusted_pct or break_even_month"))
    }
}

/// One axis of a data table: a driver and the values it takes.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub driver: Driver,
    pub values: Vec<Decimal>,
}

impl Axis {
    /// From `low` to `high` by `step` (both ends included when the step reaches them); `None`
    /// when the step is not positive, the range empty, or it would take more than
    /// [`MAX_AXIS`] values (never cut short silently).
    pub fn range(driver: Driver, low: Decimal, high: Decimal, step: Decimal) -> Option<Self> {
        if step <= Decimal::ZERO || high < low {
            return None;
        }
        let count = high.checked_sub(low)?.checked_div(step)?.floor().checked_add(Decimal::ONE)?;
        if count > Decimal::from(MAX_AXIS) {
            return None;
        }
        let values = (0..)
            .map_while(|i| low.checked_add(step.checked_mul(Decimal::from(i))?))
            .take_while(|value| *value <= high)
            .collect();
        Some(Self { driver, values })
    }
}

/// Where an axis leaves the domain of its slider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutOfDomain {
    /// Below the slider's lowest value or above its highest ([`Driver::bounds`]).
    Bounds,
    /// A delay moves by whole months: its ends and step are whole numbers.
    WholeMonths,
}

/// Whether `low..high:step` stays in what `driver`'s slider takes: its bounds, and whole months
/// for the delay.
pub fn outside_domain(driver: Driver, low: Decimal, high: Decimal, step: Decimal) -> Option<OutOfDomain> {
    let (min, max) = driver.bounds();
    if low < min || high > max {
        return Some(OutOfDomain::Bounds);
    }
    let whole = |value: Decimal| value.fract().is_zero();
    (driver == Driver::DelayMonths && !(whole(low) && whole(step))).then_some(OutOfDomain::WholeMonths)
}

/// At most this many values on an axis: a table of 101 × 101 cells is already 10 201 runs, and
/// this bounds its work (3.4 s for the largest project a file may hold, on two cores).
pub const MAX_AXIS: usize = 101;

/// The metric for every pair of values of `rows` and `cols`, the other drivers as in `base`:
/// `cells[r][c]` for `rows.values[r]` and `cols.values[c]`.
pub fn data_table(
    project: &Project,
    base: &Drivers,
    rows: &Axis,
    cols: &Axis,
    metric: Metric,
) -> Vec<Vec<Option<Decimal>>> {
    // Rows are independent runs: the pool's threads share them, `collect` keeps their order.
    rows.values
        .par_iter()
        .map(|row| {
            let drivers = with(base, rows.driver, *row);
            cols.values
                .iter()
                .map(|col| metric.of(&flows(project, &with(&drivers, cols.driver, *col))))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(driver: Driver, npvs: &[i64]) -> SpiderLine {
        let points = npvs
            .iter()
            .zip([-50, 0, 50])
            .map(|(npv, change_pct)| SpiderPoint {
                change_pct,
                value: Decimal::ONE,
                npv: Decimal::from(*npv),
                roi_adjusted_pct: None,
            })
            .collect();
        SpiderLine { driver, points }
    }

    #[test]
    fn an_axis_takes_its_ends_and_refuses_to_be_cut_short() {
        let axis = Axis::range(Driver::Costs, dec!(0.8), dec!(1.2), dec!(0.1)).unwrap();
        assert_eq!(axis.values, [dec!(0.8), dec!(0.9), dec!(1.0), dec!(1.1), dec!(1.2)]);
        let odd = Axis::range(Driver::Costs, dec!(0), dec!(1), dec!(0.3)).unwrap();
        assert_eq!(odd.values.last(), Some(&dec!(0.9)), "the step does not reach the high end");
        assert_eq!(
            Axis::range(Driver::Costs, dec!(0), dec!(100), dec!(1)).map(|a| a.values.len()),
            Some(MAX_AXIS)
        );
        assert_eq!(Axis::range(Driver::Costs, dec!(0), dec!(101), dec!(1)), None, "102 values");
        assert_eq!(Axis::range(Driver::Costs, dec!(0), dec!(1), dec!(0)), None);
        // Issue 22: the sliders' domains.
        assert_eq!(
            outside_domain(Driver::Adoption, dec!(0.5), dec!(2), dec!(0.5)),
            Some(OutOfDomain::Bounds)
        );
        assert_eq!(outside_domain(Driver::Costs, dec!(-1), dec!(1), dec!(0.5)), Some(OutOfDomain::Bounds));
        assert_eq!(
            outside_domain(Driver::DelayMonths, dec!(0), dec!(2), dec!(0.5)),
            Some(OutOfDomain::WholeMonths)
        );
        assert_eq!(
            outside_domain(Driver::DelayMonths, dec!(0.5), dec!(2.5), dec!(1)),
            Some(OutOfDomain::WholeMonths)
        );
        assert_eq!(outside_domain(Driver::DelayMonths, dec!(-12), dec!(24), dec!(6)), None);
        assert_eq!(outside_domain(Driver::Costs, dec!(0), dec!(3), dec!(0.1)), None);
        assert_eq!(Axis::range(Driver::Costs, dec!(1), dec!(0), dec!(0.1)), None);
        assert_eq!(
            Axis::range(Driver::Costs, Decimal::MIN, Decimal::MAX, dec!(0.0000001)),
            None,
            "no overflow, no hang"
        );
    }

    #[test]
    fn the_moving_lines_come_widest_first_and_a_flat_line_is_left_out() {
        let lines = [
            line(Driver::ALL[0], &[90, 100, 110]),
            line(Driver::ALL[1], &[100, 100, 100]),
            line(Driver::ALL[2], &[130, 100, 60]),
        ];
        assert_eq!(lines[2].npv_span(), Decimal::from(70));
        let drivers: Vec<Driver> = moving_lines(&lines).iter().map(|l| l.driver).collect();
        assert_eq!(drivers, [Driver::ALL[2], Driver::ALL[0]]);
        assert_eq!(lines[0].at(50).map(|p| p.npv), Some(Decimal::from(110)));
        assert_eq!(lines[0].at(20), None);
    }
}
