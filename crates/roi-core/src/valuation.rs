//! What one benefit line is worth per month at full speed (V of DOMAIN.md §2.1), and how
//! fast it gets there (the ramp r(m)).
//!
//! Drivers that act on inputs (hourly cost, volume) are applied here, where the inputs are;
//! drivers that act on the whole value (benefits, adoption) are applied by the engine.

use super::drivers::Drivers;
use super::project::Benefit;
use super::scalar::Scalar;
use super::schema::{self, Factor};

/// V: the line's monthly value at full speed, with the input drivers applied: the product of
/// its kind's factors, divided as its formula says (`schema::formula`).
/// A missing input counts as zero; [`crate::schema::missing_inputs`] names it so a warning can
/// say so.
pub fn monthly_value<S: Scalar>(line: &Benefit, drivers: &Drivers) -> S {
    let term = |factor: Factor| match factor {
        Factor::Input(input) => input.read::<S>(line, drivers),
        Factor::Alternative(input, divisor) => input.read::<S>(line, drivers) / S::of_int(divisor.by),
    };
    let product = schema::factors(line).map(term).reduce(|product, term| product * term).unwrap_or(S::zero());
    match schema::formula(line.kind).divisor {
        Some(divisor) => product / S::of_int(divisor.by),
        None => product,
    }
}

/// V × r(m), with r(m) 0 before the start, then linear up to 1 over `ramp` months (0 = full
/// at once). V × (m − start + 1) is multiplied before it is divided by the ramp, so that
/// 3 000 × 1/3 is exactly 1 000 rather than 999.99…9 (a break-even on that boundary must not
/// slip a month).
pub fn ramped<S: Scalar>(value: S, month: i64, start: i64, ramp: S) -> S {
    let elapsed = S::of_int(month - start + 1);
    if month < start {
        S::zero()
    } else if ramp <= S::zero() || elapsed >= ramp {
        value
    } else {
        value * elapsed / ramp
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::BenefitKind;
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;

    fn neutral() -> Drivers {
        Drivers::default()
    }

    #[test]
    fn worked_example_200_cases_30_minutes_50_euros_is_5000_a_month() {
        let line = Benefit {
            kind: BenefitKind::TimeSaving,
            volume_per_month: Some(dec!(200)),
            minutes_saved_per_unit: Some(dec!(30)),
            hourly_cost: Some(dec!(50)),
            ..Benefit::default()
        };
        assert_eq!(monthly_value::<Decimal>(&line, &neutral()), dec!(5000));
        assert_eq!(monthly_value::<Decimal>(&line, &neutral()) * dec!(12), dec!(60000));
    }

    #[test]
    fn worked_example_two_percent_of_ten_million_is_200k_a_year() {
        let line = Benefit {
            kind: BenefitKind::Revenue,
            annual_revenue: Some(dec!(10_000_000)),
            uplift: Some(dec!(0.02)),
            ..Benefit::default()
        };
        assert_eq!(monthly_value::<Decimal>(&line, &neutral()) * dec!(12), dec!(200000));
    }

    #[test]
    fn worked_example_fifty_developers_a_quarter_more_productive() {
        // 50 developers × 90 000 € × 25 % = the work of 12.5 developers = 1 125 000 € a year.
        let line = Benefit {
            kind: BenefitKind::Other,
            annual_value: Some(dec!(50) * dec!(90000) * dec!(0.25)),
            ..Benefit::default()
        };
        assert_eq!(monthly_value::<Decimal>(&line, &neutral()) * dec!(12), dec!(1125000));
    }

    #[test]
    fn error_reduction_retention_and_reallocation() {
        let errors = Benefit {
            kind: BenefitKind::ErrorReduction,
            errors_per_month: Some(dec!(40)),
            reduction: Some(dec!(0.5)),
            cost_per_error: Some(dec!(120)),
            ..Benefit::default()
        };
        assert_eq!(monthly_value::<Decimal>(&errors, &neutral()), dec!(2400));
        let retention = Benefit {
            kind: BenefitKind::Retention,
            departures_avoided_per_year: Some(dec!(2)),
            replacement_cost: Some(dec!(30000)),
            ..Benefit::default()
        };
        assert_eq!(monthly_value::<Decimal>(&retention, &neutral()), dec!(5000));
        let reallocated = Benefit {
            kind: BenefitKind::TimeSaving,
            volume_per_month: Some(dec!(200)),
            minutes_saved_per_unit: Some(dec!(30)),
            hourly_cost: Some(dec!(50)),
            reallocation: Some(dec!(0.8)),
            ..Benefit::default()
        };
        assert_eq!(monthly_value::<Decimal>(&reallocated, &neutral()), dec!(4000));
    }

    #[test]
    fn volume_and_hourly_cost_drivers_scale_time_savings() {
        let line = Benefit {
            kind: BenefitKind::TimeSaving,
            volume_per_month: Some(dec!(200)),
            minutes_saved_per_unit: Some(dec!(30)),
            hourly_cost: Some(dec!(50)),
            ..Benefit::default()
        };
        let drivers = Drivers { volume: Some(dec!(0.5)), hourly_cost: Some(dec!(2)), ..neutral() };
        assert_eq!(monthly_value::<Decimal>(&line, &drivers), dec!(5000));
    }

    #[test]
    fn ramp_grows_linearly_from_the_start_month() {
        let values: Vec<Decimal> = (1..=6).map(|m| ramped::<Decimal>(dec!(3000), m, 2, dec!(3))).collect();
        assert_eq!(values, [dec!(0), dec!(1000), dec!(2000), dec!(3000), dec!(3000), dec!(3000)]);
        assert_eq!(ramped::<Decimal>(dec!(7), 1, 1, Decimal::ZERO), dec!(7));
        assert_eq!(ramped::<Decimal>(dec!(1), 1, 1, dec!(3)), Decimal::ONE / dec!(3));
        // A fractional ramp (a ramp driver × 1.2) still ends at full value.
        assert_eq!(ramped::<Decimal>(dec!(10), 4, 1, dec!(3.6)), dec!(10));
    }

    #[test]
    fn a_missing_input_counts_as_zero() {
        let line = Benefit { kind: BenefitKind::Revenue, uplift: Some(dec!(0.1)), ..Benefit::default() };
        assert_eq!(monthly_value::<Decimal>(&line, &neutral()), Decimal::ZERO);
    }
}
