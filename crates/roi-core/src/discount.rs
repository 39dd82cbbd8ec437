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

/// The annual internal rate of return of monthly flows, when one exists: the monthly rate i
/// with Σ flows[m-1] / (1+i)^m = 0, annualized as (1+i)^12 − 1. Found by bisection between
/// −30 % and +100 % a month; `None` when the flows never change sign or no root lies there.
pub fn internal_rate_of_return(flows: &[Decimal]) -> Option<Decimal> {
    let has_gain = flows.iter().any(|f| *f > Decimal::ZERO);
    let has_loss = flows.iter().any(|f| *f < Decimal::ZERO);
    if !(has_gain && has_loss) {
        return None;
    }
    let present_value = |rate: Decimal| -> Option<Decimal> {
        let step = Decimal::ONE.checked_div(Decimal::ONE + rate)?;
        let mut factor = Decimal::ONE;
        let mut sum = Decimal::ZERO;
        for flow in flows {
            factor = factor.checked_mul(step)?;
            sum = sum.checked_add(flow.checked_mul(factor)?)?;
        }
        Some(sum)
    };
    let (mut low, mut high) = (Decimal::new(-30, 2), Decimal::ONE);
    let low_sign = present_value(low)?.is_sign_positive();
    if low_sign == present_value(high)?.is_sign_positive() {
        return None;
    }
    // 40 halvings of 1.3 leave 1e-12 of a monthly rate: far below a displayed 0.01 %.
    for _ in 0..40 {
        let middle = (low + high) / Decimal::TWO;
        if present_value(middle)?.is_sign_positive() == low_sign {
            low = middle;
        } else {
            high = middle;
        }
    }
    let monthly = Decimal::ONE + (low + high) / Decimal::TWO;
    Some((0..MONTHS).fold(Decimal::ONE, |acc, _| acc * monthly) - Decimal::ONE)
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
        let irr = internal_rate_of_return(&flows).unwrap_or_default();
        let expected = 1.1_f64.powf(12.0 / 11.0) - 1.0;
        let irr: f64 = irr.try_into().unwrap_or_default();
        assert!((irr - expected).abs() < 1e-9, "{irr} vs {expected}");
    }

    #[test]
    fn no_irr_without_a_sign_change() {
        assert_eq!(internal_rate_of_return(&[dec!(1), dec!(2)]), None);
        assert_eq!(internal_rate_of_return(&[]), None);
    }
}
