//! Discounting in exact decimals: NPV's factors (1 + rate)^(m/12) and the IRR.
//!
//! The twelfth root of (1 + rate) is found by Newton's method to Decimal's full precision,
//! then raised by whole powers, so no floating point touches a rate.

use rust_decimal::Decimal;

const MONTHS: u32 = 12;

/// (1 + rate)^(m/12) for m = 1..=horizon, from whole powers of the exact twelfth root.
pub fn discount_factors(rate: Decimal, horizon: i64) -> Vec<Decimal> {
    let yearly = Decimal::ONE + rate;
    let monthly = twelfth_root(yearly);
    let mut factors = Vec::with_capacity(usize::try_from(horizon).unwrap_or(0));
    let (mut whole_years, mut month_powers) = (Decimal::ONE, [Decimal::ONE; 12]);
    for i in 1..12 {
        month_powers[i] = month_powers[i - 1] * monthly;
    }
    for m in 1..=horizon {
        let within_year = usize::try_from(m % 12).unwrap_or(0);
        if within_year == 0 {
            whole_years *= yearly;
        }
        factors.push(whole_years * month_powers[within_year]);
    }
    factors
}

/// Σ flows[m-1] / (1 + rate)^(m/12).
pub fn net_present_value(flows: &[Decimal], rate: Decimal) -> Decimal {
    let horizon = i64::try_from(flows.len()).unwrap_or(0);
    flows.iter().zip(discount_factors(rate, horizon)).map(|(flow, factor)| flow / factor).sum()
}

/// x with x^12 = value (value > 0), by Newton's method.
fn twelfth_root(value: Decimal) -> Decimal {
    if value <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    let twelve = Decimal::from(MONTHS);
    let mut x = Decimal::ONE + (value - Decimal::ONE) / twelve;
    for _ in 0..64 {
        let power_11 = (0..MONTHS - 1).fold(Decimal::ONE, |acc, _| acc * x);
        let next = x - (power_11 * x - value) / (twelve * power_11);
        if next == x {
            break;
        }
        x = next;
    }
    x
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
    for _ in 0..80 {
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
        let factors = discount_factors(dec!(0.10), 24);
        assert_eq!(factors[11], dec!(1.10));
        assert_eq!(factors[23], dec!(1.21));
        // 1.1^(1/12) = 1.0079741404289038…
        assert_eq!(factors[0].round_dp(15), dec!(1.007974140428904));
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
