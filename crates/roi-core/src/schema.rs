//! The inputs of a benefit line, described once.
//!
//! Each entry says what a value of a `[[benefits]]` table is: its key in the file, the kinds
//! of line whose value it enters, what it measures and the largest value a file may give, and
//! what a line that leaves it out counts. Validation, the Monte Carlo's ranges, the inputs a
//! kind reads (the Baseline tab's rows, the inputs a change of kind drops), the warning of a
//! missing input and the explanation's units are derived from this table; the catalogue
//! (`i18n/review.rs`) names each entry in both languages, and a test walks the table through
//! every one of them. CONTRIBUTING.md says how to add an input or a kind.

use crate::drivers::Drivers;
use crate::project::{Benefit, BenefitKind};
use crate::scalar::Scalar;
use rust_decimal::Decimal;

/// What a value measures: it says how the value is shown and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// A number of things (units a month, errors, departures a year).
    Count,
    /// Minutes of work.
    Minutes,
    /// An amount of money, in the project's currency.
    Money,
    /// A fraction of one (shown as a percentage), within 0..=1.
    Fraction,
}

/// What a line that leaves an input out counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Its kind needs it: left out, it counts as zero, and a warning says so.
    Required,
    /// Left out, it counts as this value.
    DefaultsTo(Decimal),
    /// Another way of giving the value of the input `of` (an annual value for a monthly one):
    /// used, divided by `divisor`, when that one is absent; shown and edited as itself; giving
    /// both is refused.
    Alternative { of: &'static str, divisor: Divisor },
    /// One of the parts the input named is computed from when it is absent (minutes before
    /// and after for the minutes saved): shown as that input; giving both is refused.
    PartOf(&'static str),
}

/// A constant a value is divided by, with the name an explanation gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Divisor {
    pub by: i64,
    pub name: &'static str,
}

const MINUTES_PER_HOUR: Divisor = Divisor { by: 60, name: "minutes_per_hour" };
const MONTHS_PER_YEAR: Divisor = Divisor { by: 12, name: "months_per_year" };

/// How a kind's monthly value V is made of its inputs: the product of the inputs it
/// multiplies (the required ones and those with a default, in the table's order), divided by
/// `divisor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formula {
    /// What an explanation names the product before the division.
    pub product: &'static str,
    pub divisor: Option<Divisor>,
}

/// The formula of each kind (DOMAIN.md §2.1).
pub fn formula(kind: BenefitKind) -> Formula {
    match kind {
        BenefitKind::TimeSaving => Formula { product: "minutes_value", divisor: Some(MINUTES_PER_HOUR) },
        BenefitKind::Revenue | BenefitKind::Retention => {
            Formula { product: "yearly_value", divisor: Some(MONTHS_PER_YEAR) }
        }
        BenefitKind::ErrorReduction
        | BenefitKind::CostReduction
        | BenefitKind::CostAvoidance
        | BenefitKind::Other => Formula { product: "value", divisor: None },
    }
}

/// One input of a benefit line.
#[derive(Debug, Clone, Copy)]
pub struct BenefitInput {
    /// Its key in the file, and in every path, export and explanation.
    pub key: &'static str,
    /// The kinds of line whose value it enters; the others ignore it.
    pub kinds: &'static [BenefitKind],
    pub measure: Measure,
    /// The largest value a file may give: far above any real project, low enough that every
    /// product of the engine stays within `Decimal`'s range.
    pub largest: Decimal,
    pub need: Need,
    /// The line's value of it, as the file gives it.
    pub own: fn(&Benefit) -> Option<Decimal>,
    /// The value the line's formula reads: its own, or what its parts give.
    pub value: fn(&Benefit) -> Option<Decimal>,
    /// The slider that scales it (volume, hourly cost), if one does.
    pub scaled_by: Option<fn(&Drivers) -> Decimal>,
}

impl BenefitInput {
    /// Whether a line of `kind` reads this input.
    pub fn is_read_by(&self, kind: BenefitKind) -> bool {
        self.kinds.contains(&kind)
    }

    /// Whether `line` gives this input itself.
    pub fn is_given(&self, line: &Benefit) -> bool {
        (self.own)(line).is_some()
    }

    /// What a line's formula reads of it, in the engine's arithmetic `S` (exact `Decimal`, or
    /// `f64` for the workbench's sliders): its value or its default (a missing required input
    /// counts as zero), times its slider.
    pub fn read<S: Scalar>(&self, line: &Benefit, drivers: &Drivers) -> S {
        let value = (self.value)(line).map_or_else(|| S::of(self.default_value()), S::of);
        match self.scaled_by {
            Some(slider) => value * S::of(slider(drivers)),
            None => value,
        }
    }

    fn default_value(&self) -> Decimal {
        match self.need {
            Need::DefaultsTo(value) => value,
            Need::Required | Need::Alternative { .. } | Need::PartOf(_) => Decimal::ZERO,
        }
    }
}

/// The largest amount of money a file may give (1e12).
pub const LARGEST_AMOUNT: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);
const LARGEST_VOLUME: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);
const LARGEST_MINUTES: Decimal = Decimal::from_parts(100_000, 0, 0, false, 0);
const LARGEST_DEPARTURES: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);
const LARGEST_FRACTION: Decimal = Decimal::ONE;

/// The entries, and a line's values of them: one invocation names each input once.
macro_rules! benefit_inputs {
    ($($name:ident $field:ident: [$($kind:ident),+] $measure:ident <= $largest:expr, $need:expr
        $(, value $value:expr)? $(, scaled by $slider:expr)?;)+) => {
        $(pub const $name: BenefitInput = BenefitInput {
            key: stringify!($field),
            kinds: &[$(BenefitKind::$kind),+],
            measure: Measure::$measure,
            largest: $largest,
            need: $need,
            own: |line: &Benefit| line.$field,
            value: benefit_inputs!(@value $field $($value)?),
            scaled_by: benefit_inputs!(@slider $($slider)?),
        };)+

        /// Every input of a benefit line, in the order of the file format.
        pub const BENEFIT_INPUTS: &[BenefitInput] = &[$($name),+];

        impl Benefit {
            /// Every value of the line a range may be given for, with its key: the inputs of
            /// [`BENEFIT_INPUTS`] in their order, then the line's time factor (an array: a
            /// Monte Carlo draw sets values through it, and must not allocate for that).
            pub fn rangeable_mut(&mut self) -> [(&'static str, Option<&mut Decimal>); BENEFIT_INPUTS.len() + 1] {
                [$((stringify!($field), self.$field.as_mut()),)+ (TIME_FACTOR, self.time_factor.as_mut())]
            }
        }
    };
    (@value $field:ident) => { |line: &Benefit| line.$field };
    (@value $field:ident $value:expr) => { $value };
    (@slider) => { None };
    (@slider $slider:expr) => { Some($slider) };
}

/// The key of a line's own time factor (FT), which every kind may give.
pub const TIME_FACTOR: &str = "time_factor";

benefit_inputs! {
    VOLUME_PER_MONTH volume_per_month: [TimeSaving] Count <= LARGEST_VOLUME, Need::Required,
        scaled by Drivers::volume;
    MINUTES_SAVED_PER_UNIT minutes_saved_per_unit: [TimeSaving] Minutes <= LARGEST_MINUTES, Need::Required,
        value Benefit::minutes_saved;
    MINUTES_BEFORE minutes_before: [TimeSaving] Minutes <= LARGEST_MINUTES, Need::PartOf("minutes_saved_per_unit");
    MINUTES_AFTER minutes_after: [TimeSaving] Minutes <= LARGEST_MINUTES, Need::PartOf("minutes_saved_per_unit");
    HOURLY_COST hourly_cost: [TimeSaving] Money <= LARGEST_AMOUNT, Need::Required,
        scaled by Drivers::hourly_cost;
    REALLOCATION reallocation: [TimeSaving] Fraction <= LARGEST_FRACTION, Need::DefaultsTo(Decimal::ONE);
    ANNUAL_REVENUE annual_revenue: [Revenue] Money <= LARGEST_AMOUNT, Need::Required;
    UPLIFT uplift: [Revenue] Fraction <= LARGEST_FRACTION, Need::Required;
    MARGIN margin: [Revenue] Fraction <= LARGEST_FRACTION, Need::DefaultsTo(Decimal::ONE);
    ERRORS_PER_MONTH errors_per_month: [ErrorReduction] Count <= LARGEST_VOLUME, Need::Required,
        scaled by Drivers::volume;
    REDUCTION reduction: [ErrorReduction] Fraction <= LARGEST_FRACTION, Need::Required;
    COST_PER_ERROR cost_per_error: [ErrorReduction] Money <= LARGEST_AMOUNT, Need::Required;
    DEPARTURES_AVOIDED_PER_YEAR departures_avoided_per_year: [Retention] Count <= LARGEST_DEPARTURES, Need::Required;
    REPLACEMENT_COST replacement_cost: [Retention] Money <= LARGEST_AMOUNT, Need::Required;
    MONTHLY_VALUE monthly_value: [CostReduction, CostAvoidance, Other] Money <= LARGEST_AMOUNT, Need::Required;
    ANNUAL_VALUE annual_value: [CostReduction, CostAvoidance, Other] Money <= LARGEST_AMOUNT, Need::Alternative { of: "monthly_value", divisor: MONTHS_PER_YEAR };
}

/// The entry of `key`, if it is a benefit input.
pub fn benefit_input(key: &str) -> Option<&'static BenefitInput> {
    BENEFIT_INPUTS.iter().find(|input| input.key == key)
}

/// The inputs a line of `kind` reads, in the file format's order.
pub fn inputs_of(kind: BenefitKind) -> impl Iterator<Item = &'static BenefitInput> {
    BENEFIT_INPUTS.iter().filter(move |input| input.is_read_by(kind))
}

/// The inputs a line of `kind` shows, one row each: the parts of an input are shown as it.
pub fn shown_inputs_of(kind: BenefitKind) -> impl Iterator<Item = &'static BenefitInput> {
    inputs_of(kind).filter(|input| !matches!(input.need, Need::PartOf(_)))
}

/// The input another stands in for: the one it is an alternative to or a part of.
pub fn stands_in_for(input: &BenefitInput) -> Option<&'static BenefitInput> {
    match input.need {
        Need::Alternative { of: main, .. } | Need::PartOf(main) => benefit_input(main),
        Need::Required | Need::DefaultsTo(_) => None,
    }
}

/// The inputs `line`'s kind needs and neither the line nor an alternative of them gives.
pub fn missing_inputs(line: &Benefit) -> impl Iterator<Item = &'static BenefitInput> + '_ {
    let given = |input: &BenefitInput| {
        (input.value)(line).is_some() || alternative_of(input).is_some_and(|(other, _)| other.is_given(line))
    };
    inputs_of(line.kind).filter(move |input| input.need == Need::Required && !given(input))
}

/// The input that gives `input`'s value another way, and what divides it to do so.
fn alternative_of(input: &BenefitInput) -> Option<(&'static BenefitInput, Divisor)> {
    BENEFIT_INPUTS.iter().find_map(|other| match other.need {
        Need::Alternative { of, divisor } if of == input.key => Some((other, divisor)),
        _ => None,
    })
}

/// One factor of a line's V.
#[derive(Debug, Clone, Copy)]
pub enum Factor {
    /// An input the kind multiplies.
    Input(&'static BenefitInput),
    /// The alternative of one the line leaves out, divided to give its value.
    Alternative(&'static BenefitInput, Divisor),
}

/// The factors of `line`'s V, in its formula's order: each input its kind multiplies, or,
/// when the line leaves one out and it has an alternative, the alternative.
pub fn factors(line: &Benefit) -> impl Iterator<Item = Factor> + '_ {
    // A draw values every line: the alternative is looked for only when the line needs it.
    inputs_of(line.kind).filter(|input| matches!(input.need, Need::Required | Need::DefaultsTo(_))).map(
        |input| match (input.value)(line) {
            Some(_) => Factor::Input(input),
            None => alternative_of(input)
                .map_or(Factor::Input(input), |(other, divisor)| Factor::Alternative(other, divisor)),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_an_input_and_every_stand_in_names_an_input_of_its_kind() {
        for &kind in BenefitKind::ALL {
            assert!(inputs_of(kind).any(|i| i.need == Need::Required), "{kind:?}");
        }
        for input in BENEFIT_INPUTS {
            if let Need::Alternative { of: main, .. } | Need::PartOf(main) = input.need {
                let main = stands_in_for(input).unwrap_or_else(|| panic!("{}: no input {main}", input.key));
                assert_eq!(main.kinds, input.kinds, "{}", input.key);
                assert_eq!(main.need, Need::Required, "{}", input.key);
            }
            assert!(input.largest > Decimal::ZERO);
            assert_eq!(input.measure == Measure::Fraction, input.largest == Decimal::ONE, "{}", input.key);
        }
    }

    #[test]
    fn a_line_s_rangeable_values_follow_the_table() {
        let mut line = Benefit { volume_per_month: Some(Decimal::TEN), ..Benefit::default() };
        let keys: Vec<&str> = line.rangeable_mut().iter().map(|(key, _)| *key).collect();
        let table: Vec<&str> = BENEFIT_INPUTS.iter().map(|i| i.key).chain([TIME_FACTOR]).collect();
        assert_eq!(keys, table);
        let given: Vec<&str> =
            line.rangeable_mut().into_iter().filter(|(_, v)| v.is_some()).map(|(k, _)| k).collect();
        assert_eq!(given, [VOLUME_PER_MONTH.key]);
    }
}
