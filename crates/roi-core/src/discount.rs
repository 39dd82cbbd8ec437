//! Discounting in exact decimals: NPV's factors (1 + rate)^(m/12) and the IRR.
//!
//! The twelfth root of (1 + rate) is found by Newton's method to Decimal's full precision,
//! then raised by whole powers, so no floating point touches a rate.

use super::scalar::Scalar;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

const MONTHS: u32 = 12;

/// 1 / (1 + rate)^(m/12) for m = 1..=horizon: whole powers of the exact inverse twelfth
/// root, so the NPV needs multiplications only (a `Decimal` division costs several).
pub fn discount_multipliers<S: Scalar>(rate: S, horizon: i64) -> Vec<S> {
    let yearly = S::one() / (S::one() + rate);
    let monthly = S::one() / (S::one() + rate).twelfth_root();
    let mut multipliers = Vec::with_capacity(usize::try_from(horizon).unwrap_or(0));
    let (mut whole_years, mut month_powers) = (S::one(), [S::one(); 12]);
    for i in 1..12 {
        month_powers[i] = month_powers[i - 1] * monthly;
    }
    for m in 1..=horizon {
        let within_year = usize::try_from(m % 12).unwrap_or(0);
        if within_year == 0 {
            whole_years *= yearly;
        }
        multipliers.push(whole_years * month_powers[within_year]);
    }
    multipliers
}

/// At most this many (rate, horizon) pairs are remembered: a folder written by hand has a
/// few; a hostile one cannot make the memory grow without bound.
const REMEMBERED: usize = 256;

type Remembered = HashMap<(Decimal, i64), Arc<[Decimal]>>;

/// The exact multipliers of `rate` over `horizon`, computed once and shared (threads
/// included). The same numbers as [`discount_multipliers`]: only their cost changes.
pub fn remembered_multipliers(rate: Decimal, horizon: i64) -> Vec<Decimal> {
    static MEMORY: OnceLock<Mutex<Remembered>> = OnceLock::new();
    let memory = MEMORY.get_or_init(Mutex::default);
    let key = (rate.normalize(), horizon);
    let known = memory.lock().ok().and_then(|m| m.get(&key).cloned());
    if let Some(known) = known {
        return known.to_vec();
    }
    let computed: Arc<[Decimal]> = discount_multipliers(rate, horizon).into();
    if let Ok(mut memory) = memory.lock()
        && memory.len() < REMEMBERED
    {
        memory.insert(key, computed.clone());
    }
    computed.to_vec()
}

/// Σ flows[m-1] / (1 + rate)^(m/12).
pub fn net_present_value<S: Scalar>(flows: &[S], rate: S) -> S {
    let horizon = i64::try_from(flows.len()).unwrap_or(0);
    flows
        .iter()
        .zip(S::discount_multipliers(rate, horizon))
        .map(|(flow, multiplier)| *flow * multiplier)
        .sum()
}

/// The internal rates of return of monthly flows, annualized as (1 + i)^12 − 1 from the monthly
/// rates i with Σ flows[m-1] / (1+i)^m = 0.
#[derive(Debug, Clone, PartialEq)]
pub enum Irr {
    /// One rate: the IRR.
    Unique(Decimal),
    /// Flows that change sign several times can have several rates, none of which is "the"
    /// IRR: all of them, lowest first.
    Several(Vec<Decimal>),
    None(NoIrr),
}

/// No flows, no IRR: nothing is earned back.
impl Default for Irr {
    fn default() -> Self {
        Irr::None(NoIrr::NeverPositive)
    }
}

/// Why flows have no IRR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoIrr {
    /// The net cash flow is never positive: nothing is ever earned back.
    NeverPositive,
    /// The net cash flow is never negative: nothing is ever invested.
    NeverNegative,
    /// Gains and losses, but no rate from −99.9 % a month upward brings the NPV to zero.
    NoRate,
}

impl Irr {
    /// The IRR when there is exactly one.
    pub fn unique(&self) -> Option<Decimal> {
        match self {
            Irr::Unique(rate) => Some(*rate),
            _ => None,
        }
    }

    /// Every rate found, lowest first (one, several or none).
    pub fn roots(&self) -> Vec<Decimal> {
        match self {
            Irr::Unique(rate) => vec![*rate],
            Irr::Several(rates) => rates.clone(),
            Irr::None(_) => Vec::new(),
        }
    }
}

/// The monthly growth factors 1 + i searched: from 0.001 (−99.9 % a month) to 11 (+1 000 % a
/// month), on a geometric grid fine enough that two roots a percent apart fall in two cells.
const LOWEST_FACTOR: f64 = 0.001;
const HIGHEST_FACTOR: f64 = 11.0;
const GRID_CELLS: usize = 1_000;

/// Every IRR of `flows`, over the whole meaningful range of rates: the NPV's sign changes are
/// bracketed on a fine grid (in `f64`, only to find where they lie), then each root is found
/// by bisection in `Decimal`.
pub fn internal_rate_of_return(flows: &[Decimal]) -> Irr {
    if !flows.iter().any(|f| *f > Decimal::ZERO) {
        return Irr::None(NoIrr::NeverPositive);
    }
    if !flows.iter().any(|f| *f < Decimal::ZERO) {
        return Irr::None(NoIrr::NeverNegative);
    }
    let mut roots: Vec<Decimal> = monthly_factors_of_roots(flows).into_iter().map(annualized).collect();
    roots.dedup();
    match roots.len() {
        0 => Irr::None(NoIrr::NoRate),
        1 => Irr::Unique(roots[0]),
        _ => Irr::Several(roots),
    }
}

/// The monthly factors 1 + i at which the NPV of `flows` is zero, lowest first.
fn monthly_factors_of_roots(flows: &[Decimal]) -> Vec<Decimal> {
    let approximate: Vec<f64> = flows.iter().map(|f| f64::try_from(*f).unwrap_or(0.0)).collect();
    let ratio = (HIGHEST_FACTOR / LOWEST_FACTOR).powf(1.0 / GRID_CELLS as f64);
    let grid: Vec<f64> = (0..=GRID_CELLS).map(|k| LOWEST_FACTOR * ratio.powi(k as i32)).collect();
    grid.windows(2)
        .filter(|cell| sign_changes(&approximate, cell[0], cell[1]))
        .filter_map(|cell| root_between(flows, cell[0], cell[1]))
        .collect()
}

/// Whether the scaled NPV changes sign from `low` to `high` (or is zero at `low`).
fn sign_changes(flows: &[f64], low: f64, high: f64) -> bool {
    let (a, b) = (scaled_npv_f64(flows, low), scaled_npv_f64(flows, high));
    a == 0.0 || (a < 0.0) != (b < 0.0) && b != 0.0
}

/// The NPV at the monthly factor y = 1 + i, multiplied by a positive number that keeps every
/// term bounded by its flow: Σ f_m y^(−m) for y ≥ 1, Σ f_m y^(H−m) below. Same sign, same
/// roots, and no overflow at −99.9 % a month over 120 months. By Horner's rule: one
/// multiplication a month, no power computed.
fn scaled_npv_f64(flows: &[f64], factor: f64) -> f64 {
    if factor >= 1.0 {
        let step = 1.0 / factor;
        flows.iter().rev().fold(0.0, |acc, flow| (acc + flow) * step)
    } else {
        flows.iter().fold(0.0, |acc, flow| acc * factor + flow)
    }
}

/// [`scaled_npv_f64`] in `Decimal`, checked.
fn scaled_npv(flows: &[Decimal], factor: Decimal) -> Option<Decimal> {
    if factor >= Decimal::ONE {
        let step = Decimal::ONE.checked_div(factor)?;
        flows.iter().rev().try_fold(Decimal::ZERO, |acc, flow| acc.checked_add(*flow)?.checked_mul(step))
    } else {
        flows.iter().try_fold(Decimal::ZERO, |acc, flow| acc.checked_mul(factor)?.checked_add(*flow))
    }
}

/// The monthly factor between `low` and `high` where the NPV is zero, by bisection: 60
/// halvings of a cell of 1 % leave far less than a displayed 0.01 %.
fn root_between(flows: &[Decimal], low: f64, high: f64) -> Option<Decimal> {
    let (mut low, mut high) = (Decimal::try_from(low).ok()?, Decimal::try_from(high).ok()?);
    let low_sign = scaled_npv(flows, low)?.is_sign_positive();
    if scaled_npv(flows, low)?.is_zero() {
        return Some(low);
    }
    for _ in 0..60 {
        let middle = (low + high) / Decimal::TWO;
        let value = scaled_npv(flows, middle)?;
        if value.is_zero() {
            return Some(middle);
        }
        if value.is_sign_positive() == low_sign {
            low = middle;
        } else {
            high = middle;
        }
    }
    Some((low + high) / Decimal::TWO)
}

/// (1 + i)^12 − 1 of a monthly factor 1 + i, to 12 decimals (a root is known to about that).
fn annualized(factor: Decimal) -> Decimal {
    let year = (0..MONTHS).try_fold(Decimal::ONE, |acc, _| acc.checked_mul(factor));
    year.map_or(Decimal::MAX, |year| (year - Decimal::ONE).round_dp(12))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn twelve_monthly_factors_make_one_year() {
        let multipliers = discount_multipliers(dec!(0.10), 24);
        assert_eq!(multipliers[11], Decimal::ONE / dec!(1.10));
        assert_eq!(multipliers[23].round_dp(24), (Decimal::ONE / dec!(1.21)).round_dp(24));
        // 1.1^(1/12) = 1.0079741404289038…
        assert_eq!((Decimal::ONE / multipliers[0]).round_dp(15), dec!(1.007974140428904));
        assert_eq!(
            net_present_value(
                &[Decimal::ZERO; 11].iter().copied().chain([dec!(110)]).collect::<Vec<_>>(),
                dec!(0.10)
            )
            .round_dp(20),
            dec!(100)
        );
    }

    #[test]
    fn zero_rate_discounts_nothing() {
        assert_eq!(net_present_value(&[dec!(100), dec!(-50)], Decimal::ZERO), dec!(50));
    }

    #[test]
    fn irr_of_a_loan_repaid_with_interest() {
        // −1000 then +1100 a year later (month 12): 10 % a year.
        let mut flows = vec![Decimal::ZERO; 12];
        flows[0] = dec!(-1000);
        flows[11] = dec!(1100);
        // First flow at month 1, last at month 12: eleven months apart.
        let irr = internal_rate_of_return(&flows).unique().unwrap_or_default();
        let expected = 1.1_f64.powf(12.0 / 11.0) - 1.0;
        let irr: f64 = irr.try_into().unwrap_or_default();
        assert!((irr - expected).abs() < 1e-9, "{irr} vs {expected}");
    }

    #[test]
    fn no_irr_without_a_sign_change_and_the_reason() {
        assert_eq!(internal_rate_of_return(&[dec!(1), dec!(2)]), Irr::None(NoIrr::NeverNegative));
        assert_eq!(internal_rate_of_return(&[dec!(-1), dec!(0)]), Irr::None(NoIrr::NeverPositive));
        assert_eq!(internal_rate_of_return(&[]), Irr::None(NoIrr::NeverPositive));
        // −1, +1, −1: −1 + x − x² < 0 for every x.
        assert_eq!(internal_rate_of_return(&[dec!(-1), dec!(1), dec!(-1)]), Irr::None(NoIrr::NoRate));
    }

    /// Issue 22: an IRR beyond the old −30 %…+100 % a month is found.
    #[test]
    fn an_irr_far_outside_the_usual_range_is_found() {
        // −100 then +300 a month later: 200 % a month.
        let irr = internal_rate_of_return(&[dec!(-100), dec!(300)]).unique().unwrap();
        assert_eq!(
            irr.round_dp(6),
            ((0..12).fold(Decimal::ONE, |a, _| a * dec!(3)) - Decimal::ONE).round_dp(6)
        );
        // −100 then +50: −50 % a month.
        let irr = internal_rate_of_return(&[dec!(-100), dec!(50)]).unique().unwrap();
        assert_eq!(
            irr.round_dp(9),
            ((0..12).fold(Decimal::ONE, |a, _| a * dec!(0.5)) - Decimal::ONE).round_dp(9)
        );
    }

    /// Issue 22: flows with several sign changes and two IRRs give both, not one of them.
    #[test]
    fn several_irrs_are_all_given() {
        // −100, +230, −132 = −100 (1 − 1.1x)(1 − 1.2x)… with x = 1/(1+i): roots at 10 % and 20 % a month.
        let flows = [dec!(-100), dec!(230), dec!(-132)];
        let Irr::Several(roots) = internal_rate_of_return(&flows) else { panic!("two roots") };
        let monthly: Vec<Decimal> = roots
            .iter()
            .map(|annual| {
                let factor = f64::try_from(Decimal::ONE + annual).unwrap().powf(1.0 / 12.0);
                Decimal::try_from(factor - 1.0).unwrap().round_dp(6)
            })
            .collect();
        assert_eq!(monthly, vec![dec!(0.1), dec!(0.2)]);
    }

    proptest::proptest! {
        /// Every root found brings the NPV at its rate to zero (relative to the flows' size), and
        /// flows with one sign change have exactly one IRR.
        #[test]
        fn every_root_zeroes_the_npv(flows in proptest::collection::vec(-100_000i64..100_000, 2..60)) {
            let flows: Vec<Decimal> = flows.into_iter().map(Decimal::from).collect();
            let scale: Decimal = flows.iter().map(|f| f.abs()).sum();
            for factor in monthly_factors_of_roots(&flows) {
                let npv = scaled_npv(&flows, factor).unwrap();
                proptest::prop_assert!(npv.abs() <= scale / Decimal::from(1_000_000), "NPV {npv} at {factor}");
            }
            let signs: Vec<bool> = flows.iter().filter(|f| !f.is_zero()).map(|f| f.is_sign_positive()).collect();
            let changes = signs.windows(2).filter(|pair| pair[0] != pair[1]).count();
            if changes == 1 {
                let irr = internal_rate_of_return(&flows);
                // One sign change: one root (Descartes), unless it lies beyond the range searched.
                proptest::prop_assert!(matches!(irr, Irr::Unique(_) | Irr::None(NoIrr::NoRate)), "{irr:?}");
            }
        }
    }
}
