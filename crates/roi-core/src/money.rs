//! The one rounding policy for money and percentages, applied only when displaying or
//! exporting: two decimals, halves away from zero (what a spreadsheet and an accountant do;
//! `Decimal::round_dp` alone would round halves to even).

use rust_decimal::{Decimal, RoundingStrategy};

pub const DISPLAY_DECIMALS: u32 = 2;

/// Rounds a money amount or a percentage for display and export, from its exact value.
///
/// A figure is computed in 28 significant digits, and a quotient that is not exact in base 10
/// (÷ 12, ÷ H, a ramp's ÷ 3) leaves its last digits short: 41 988.375 ÷ 3 × 1 comes out as
/// 13 996.124 999…9, which rounds to the wrong cent. The error of a whole project's arithmetic
/// stays far below the [`SIGNIFICANT_DIGITS`]th significant digit, and no figure of the method
/// (inputs with a few decimals, denominators of a few hundreds) lies that close to a half cent
/// without being one, so the value is first brought back to that many significant digits —
/// its exact value — then rounded once, halves away from zero.
pub fn round(value: Decimal) -> Decimal {
    exact(value).round_dp_with_strategy(DISPLAY_DECIMALS, RoundingStrategy::MidpointAwayFromZero).normalize()
}

/// See [`round`]: the digits of a figure that its arithmetic can be trusted with.
pub const SIGNIFICANT_DIGITS: u32 = 18;

/// `value` without the arithmetic's error in its last digits: [`SIGNIFICANT_DIGITS`] significant
/// digits, at most 28 decimals.
fn exact(value: Decimal) -> Decimal {
    let whole_digits = integer_digits(value);
    let decimals = SIGNIFICANT_DIGITS.saturating_sub(whole_digits).max(DISPLAY_DECIMALS + 1);
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointNearestEven)
}

/// How many digits the whole part of `value` has (0 for |value| < 1).
fn integer_digits(value: Decimal) -> u32 {
    let mut whole = value.abs().trunc();
    let mut digits = 0;
    while !whole.is_zero() {
        whole = (whole / Decimal::TEN).trunc();
        digits += 1;
    }
    digits
}

/// A figure as the plain number an export writes (JSON, CSV, a chart): the one place a typed
/// amount or percentage is let go of its type.
pub trait AsDecimal: Copy {
    fn as_decimal(self) -> Decimal;
}

impl AsDecimal for Decimal {
    fn as_decimal(self) -> Decimal {
        self
    }
}

impl AsDecimal for Amount {
    fn as_decimal(self) -> Decimal {
        self.0
    }
}

impl AsDecimal for Percent {
    fn as_decimal(self) -> Decimal {
        self.0
    }
}

/// An amount of money in the project's currency, exact. Formatted as money, never as a rate.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct Amount(Decimal);

impl Amount {
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    pub const fn new(value: Decimal) -> Self {
        Self(value)
    }

    pub const fn value(self) -> Decimal {
        self.0
    }

    /// This amount as a share of `whole`, `None` when `whole` is zero.
    pub fn share_of(self, whole: Amount) -> Option<Rate> {
        self.0.checked_div(whole.0).map(Rate)
    }
}

impl std::fmt::Display for Amount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::fmt::Display for Percent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} %", self.0)
    }
}

impl From<Decimal> for Amount {
    fn from(value: Decimal) -> Self {
        Self(value)
    }
}

impl std::ops::Add for Amount {
    type Output = Amount;
    fn add(self, other: Amount) -> Amount {
        Amount(self.0 + other.0)
    }
}

impl std::ops::Sub for Amount {
    type Output = Amount;
    fn sub(self, other: Amount) -> Amount {
        Amount(self.0 - other.0)
    }
}

impl std::ops::AddAssign for Amount {
    fn add_assign(&mut self, other: Amount) {
        self.0 += other.0;
    }
}

impl std::ops::Neg for Amount {
    type Output = Amount;
    fn neg(self) -> Amount {
        Amount(-self.0)
    }
}

impl std::iter::Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        Amount(iter.map(|amount| amount.0).sum())
    }
}

/// A rate kept as a fraction — 0.05 is 5 % — as files hold them: the discount rate, the
/// contingency, the maturity and time factors, an internal rate of return. Shown as a
/// [`Percent`], never as an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Rate(Decimal);

impl Rate {
    pub const fn new(fraction: Decimal) -> Self {
        Self(fraction)
    }

    pub const fn fraction(self) -> Decimal {
        self.0
    }

    /// The same rate in percent (5 for 5 %): the one place a rate is multiplied by 100.
    pub fn percent(self) -> Percent {
        Percent(self.0.saturating_mul(Decimal::ONE_HUNDRED))
    }

    /// The same, or `None` past what a decimal holds (a figure then undefined, never made up).
    pub fn checked_percent(self) -> Option<Percent> {
        self.0.checked_mul(Decimal::ONE_HUNDRED).map(Percent)
    }
}

/// A percentage as shown and exported — 5 is 5 %.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct Percent(Decimal);

impl Percent {
    pub const ZERO: Percent = Percent(Decimal::ZERO);

    pub const fn new(value: Decimal) -> Self {
        Self(value)
    }

    pub const fn value(self) -> Decimal {
        self.0
    }

    /// The same percentage as a fraction (0.05 for 5 %).
    pub fn rate(self) -> Rate {
        Rate(self.0 / Decimal::ONE_HUNDRED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_rate_is_a_percentage_a_hundred_times_larger() {
        assert_eq!(Rate::new(dec!(0.055)).percent(), Percent::new(dec!(5.5)));
        assert_eq!(Rate::new(Decimal::MAX).percent().value(), Decimal::MAX, "saturates, never panics");
    }

    #[test]
    fn halves_left_short_by_a_quotient_still_round_away_from_zero() {
        let third = dec!(41988.375) / dec!(3);
        let short = third * Decimal::ONE;
        assert_eq!(round(dec!(41988.375) * (Decimal::ONE / dec!(3))), dec!(13996.13));
        assert_eq!(round(short), dec!(13996.13));
        assert_eq!(round(dec!(37323) / dec!(12) * dec!(3) / dec!(2)), dec!(4665.38));
        assert_eq!(round(-(dec!(37323) * (Decimal::ONE / dec!(8)))), dec!(-4665.38));
        assert_eq!(round(dec!(4665.374999)), dec!(4665.37), "a figure short of the half keeps its cent");
        assert_eq!(round(Decimal::MAX), Decimal::MAX);
    }

    proptest::proptest! {
        /// Issue 22: any half cent (or any cent), reached through quotients that are not exact,
        /// rounds as its exact value does.
        #[test]
        fn a_value_reached_through_inexact_quotients_rounds_as_its_exact_value(
            thousandths in -10_000_000_000i64..10_000_000_000,
            divisor in 1i64..=120,
            factor in 1i64..=120,
        ) {
            let exact = Decimal::new(thousandths, 3);
            let through = exact * Decimal::from(divisor) / Decimal::from(factor) * Decimal::from(factor)
                / Decimal::from(divisor);
            let through_inverse = exact * (Decimal::ONE / Decimal::from(divisor)) * Decimal::from(divisor);
            proptest::prop_assert_eq!(round(through), round(exact));
            proptest::prop_assert_eq!(round(through_inverse), round(exact));
        }
    }

    #[test]
    fn halves_round_away_from_zero() {
        assert_eq!(round(dec!(0.125)), dec!(0.13));
        assert_eq!(round(dec!(-0.125)), dec!(-0.13));
        assert_eq!(round(dec!(2.5)), dec!(2.5));
        assert_eq!(round(dec!(1.004)), dec!(1));
    }
}
