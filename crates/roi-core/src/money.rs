//! The one rounding policy for money and percentages, applied only when displaying or
//! exporting: two decimals, halves away from zero (what a spreadsheet and an accountant do;
//! `Decimal::round_dp` alone would round halves to even).

use rust_decimal::{Decimal, RoundingStrategy};

pub const DISPLAY_DECIMALS: u32 = 2;

/// Rounds a money amount or a percentage for display and export.
pub fn round(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(DISPLAY_DECIMALS, RoundingStrategy::MidpointAwayFromZero).normalize()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn halves_round_away_from_zero() {
        assert_eq!(round(dec!(0.125)), dec!(0.13));
        assert_eq!(round(dec!(-0.125)), dec!(-0.13));
        assert_eq!(round(dec!(2.5)), dec!(2.5));
        assert_eq!(round(dec!(1.004)), dec!(1));
    }
}
