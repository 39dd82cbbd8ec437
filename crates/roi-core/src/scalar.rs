//! The number type the flows are computed in. Figures are computed in exact `Decimal`;
//! a Monte Carlo run may compute its thousands of draws in `f64` through the very same
//! generic code, so the formulas of DOMAIN.md exist once.

use super::money::Percent;
use rust_decimal::Decimal;
use std::fmt::Debug;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Div, Mul, MulAssign, Sub};

pub trait Scalar:
    Copy
    + PartialEq
    + PartialOrd
    + Default
    + Debug
    + Send
    + Sync
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + AddAssign
    + MulAssign
    + Sum
{
    /// A percentage in this number type: typed [`Percent`] for the exact figures, plain `f64`
    /// for the draws of a simulation.
    type Percent: Copy + PartialEq + PartialOrd + Debug;

    fn of(value: Decimal) -> Self;
    fn of_int(value: i64) -> Self;
    fn to_decimal(self) -> Decimal;
    /// x with x^12 = self (self > 0).
    fn twelfth_root(self) -> Self;

    fn zero() -> Self {
        Self::of_int(0)
    }

    fn one() -> Self {
        Self::of_int(1)
    }

    /// gain × 100 / base, undefined when base is 0.
    fn percent_of(gain: Self, base: Self) -> Option<Self::Percent>;

    /// Whether `gain` is at least `cost`, a tie included, as the exact figures decide it.
    fn covers(gain: Self, cost: Self) -> bool;

    /// 1 / (1 + rate)^(m/12) for m = 1..=horizon (see `discount`).
    fn discount_multipliers(rate: Self, horizon: i64) -> Vec<Self> {
        super::discount::discount_multipliers(rate, horizon)
    }
}

impl Scalar for Decimal {
    type Percent = Percent;

    fn of(value: Decimal) -> Self {
        value
    }

    fn of_int(value: i64) -> Self {
        Decimal::from(value)
    }

    fn to_decimal(self) -> Decimal {
        self
    }

    /// Newton's method to Decimal's full precision.
    fn twelfth_root(self) -> Self {
        if self <= Decimal::ZERO {
            return Decimal::ZERO;
        }
        let twelve = Decimal::from(12);
        let mut x = Decimal::ONE + (self - Decimal::ONE) / twelve;
        for _ in 0..64 {
            let power_11 = (0..11).fold(Decimal::ONE, |acc, _| acc * x);
            let next = x - (power_11 * x - self) / (twelve * power_11);
            if next == x {
                break;
            }
            x = next;
        }
        x
    }

    /// Computed once per rate and horizon: a folder's projects share a handful of each, and
    /// the exact twelfth root is most of the cost of an NPV.
    fn discount_multipliers(rate: Self, horizon: i64) -> Vec<Self> {
        super::discount::remembered_multipliers(rate, horizon)
    }

    fn percent_of(gain: Self, base: Self) -> Option<Percent> {
        if base.is_zero() {
            return None;
        }
        gain.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(base).map(Percent::new)
    }

    fn covers(gain: Self, cost: Self) -> bool {
        gain >= cost
    }
}

impl Scalar for f64 {
    type Percent = f64;

    /// The nearest `f64`. A mantissa under 2⁵³ and a power of ten up to 10²² are both exact
    /// in binary, and IEEE division rounds their quotient correctly: the nearest `f64`, at a
    /// fraction of the cost of the general conversion (most of a Monte Carlo draw's time).
    fn of(value: Decimal) -> Self {
        const EXACT_POWERS: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
            1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        let mantissa = value.mantissa();
        match EXACT_POWERS.get(value.scale() as usize) {
            Some(power) if mantissa.unsigned_abs() < 1 << 53 => mantissa as f64 / power,
            // Sixteen digits or more (rare): Rust's parser rounds correctly, `to_f64` may not.
            _ => value.to_string().parse().unwrap_or(0.0),
        }
    }

    fn of_int(value: i64) -> Self {
        value as f64
    }

    fn to_decimal(self) -> Decimal {
        Decimal::from_f64_retain(self).unwrap_or_default()
    }

    fn twelfth_root(self) -> Self {
        self.powf(1.0 / 12.0)
    }

    fn percent_of(gain: Self, base: Self) -> Option<f64> {
        (base != 0.0).then(|| gain * 100.0 / base)
    }

    /// Binary floating point turns an exact tie (0.3 of benefits against 0.1 + 0.2 of costs)
    /// into a loss of a few units in the last place: a gap within a billionth of the amounts
    /// compared is a tie, as it is in the exact figures.
    fn covers(gain: Self, cost: Self) -> bool {
        gain - cost >= -1e-9 * (gain.abs() + cost.abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::prelude::ToPrimitive;
    use rust_decimal_macros::dec;

    #[test]
    fn both_number_types_agree_on_the_twelfth_root() {
        let exact = dec!(1.1).twelfth_root();
        let float = 1.1_f64.twelfth_root();
        assert!((exact.to_f64().unwrap_or(0.0) - float).abs() < 1e-12);
        assert_eq!(Decimal::percent_of(dec!(1), Decimal::ZERO), None);
        assert_eq!(f64::percent_of(1.0, 4.0), Some(25.0));
    }

    proptest::proptest! {
        /// The fast conversion gives the nearest `f64`, as Rust's correctly rounded parser of
        /// the same digits does — on its fast path and off it.
        #[test]
        fn a_decimal_becomes_the_nearest_f64(mantissa in proptest::num::i128::ANY, scale in 0u32..=28) {
            let mantissa = mantissa % 79_228_162_514_264_337_593_543_950_335;
            let value = Decimal::from_i128_with_scale(mantissa, scale);
            let nearest: f64 = value.to_string().parse().unwrap_or(f64::NAN);
            proptest::prop_assert_eq!(f64::of(value), nearest, "{}", value);
        }

        #[test]
        fn a_small_decimal_becomes_the_nearest_f64(mantissa in -(1i64 << 53)..(1i64 << 53), scale in 0u32..=22) {
            let value = Decimal::new(mantissa, scale);
            let nearest: f64 = value.to_string().parse().unwrap_or(f64::NAN);
            proptest::prop_assert_eq!(f64::of(value), nearest, "{}", value);
        }
    }
}
