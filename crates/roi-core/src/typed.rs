//! Numbers as people type them, read by the conventions of the interface's language. One
//! parser for every place a number is typed: the workbench's fields and forms, `roi set`,
//! `roi measure` and `roi actual`.
//!
//! The rule, stated once (README, "Typing numbers"):
//! - spaces (also no-break and thin spaces) and `_` group digits; currency signs are ignored;
//!   a leading `-`, `−` or `+` gives the sign; a trailing `%` is kept for the caller to read;
//! - the language's decimal mark (`.` in English, `,` in French) is the decimal mark;
//! - when both `.` and `,` appear, the last one is the decimal mark and the other must group
//!   digits by three (`1,234.5`, `1.234,5`): there is only one reading;
//! - the other mark alone is a thousands separator only where the language uses it so and the
//!   groups are of three digits (`12,000` in English). Anywhere else (`1.234` or `0.25` in
//!   French, `1,5` in English) the text reads two ways, and it is refused with both readings:
//!   a number is never multiplied or divided by a thousand silently.

use rust_decimal::Decimal;
use std::str::FromStr;

/// How a language writes numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Convention {
    /// `12,000.50`
    DecimalPoint,
    /// `12 000,50`
    DecimalComma,
}

impl Convention {
    fn decimal_mark(self) -> char {
        match self {
            Convention::DecimalPoint => '.',
            Convention::DecimalComma => ',',
        }
    }

    fn other_mark(self) -> char {
        match self {
            Convention::DecimalPoint => ',',
            Convention::DecimalComma => '.',
        }
    }

    /// Whether the other mark is this language's own thousands separator.
    fn groups_with_other_mark(self) -> bool {
        self == Convention::DecimalPoint
    }
}

/// A number typed, and whether it ended with `%`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Typed {
    pub value: Decimal,
    pub percent: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TypedError {
    #[error("not a number")]
    NotANumber,
    /// The text reads as `as_decimal` or as `as_thousands`; which one is the user's to say.
    #[error("reads as {as_decimal} or as {as_thousands}")]
    Ambiguous { as_decimal: Decimal, as_thousands: Decimal },
}

const GROUPING: [char; 5] = [' ', '\u{a0}', '\u{202f}', '\u{2009}', '_'];
const CURRENCY: [char; 5] = ['€', '$', '£', '¥', '₣'];

/// Reads `text` by the conventions of `convention`.
pub fn parse(text: &str, convention: Convention) -> Result<Typed, TypedError> {
    let trimmed = text.trim();
    let (body, percent) = match trimmed.strip_suffix('%') {
        Some(body) => (body, true),
        None => (trimmed, false),
    };
    let compact: String = body.chars().filter(|c| !GROUPING.contains(c) && !CURRENCY.contains(c)).collect();
    let (negative, digits) = match compact.chars().next() {
        Some('-' | '−') => (true, &compact[compact.char_indices().nth(1).map_or(0, |(i, _)| i)..]),
        Some('+') => (false, &compact[1..]),
        _ => (false, compact.as_str()),
    };
    let magnitude = magnitude(digits, convention)?;
    Ok(Typed { value: if negative { -magnitude } else { magnitude }, percent })
}

/// The unsigned number written with digits, `.` and `,` only.
fn magnitude(text: &str, convention: Convention) -> Result<Decimal, TypedError> {
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return scientific(text);
    }
    let last_mark = text.rfind(['.', ',']);
    let has = |mark: char| text.contains(mark);
    match last_mark {
        None => exact(text),
        Some(_) if has('.') && has(',') => {
            let decimal = text[last_mark.unwrap_or_default()..].chars().next().unwrap_or('.');
            let (int, frac) = text.rsplit_once(decimal).ok_or(TypedError::NotANumber)?;
            let grouped =
                ungroup(int, if decimal == '.' { ',' } else { '.' }).ok_or(TypedError::NotANumber)?;
            exact(&format!("{grouped}.{frac}"))
        }
        Some(_) if has(convention.decimal_mark()) => {
            let (int, frac) = text.split_once(convention.decimal_mark()).ok_or(TypedError::NotANumber)?;
            if frac.contains(convention.decimal_mark()) {
                return Err(TypedError::NotANumber);
            }
            exact(&format!("{int}.{frac}"))
        }
        Some(_) => other_mark_alone(text, convention),
    }
}

/// Only the other language's decimal mark: a thousands separator where that is certain, else
/// both readings.
fn other_mark_alone(text: &str, convention: Convention) -> Result<Decimal, TypedError> {
    let other = convention.other_mark();
    let as_thousands = ungroup(text, other).map(|digits| exact(&digits));
    let marks = text.matches(other).count();
    match as_thousands {
        Some(thousands) if marks > 1 || convention.groups_with_other_mark() => thousands,
        _ if marks > 1 => Err(TypedError::NotANumber),
        _ => {
            let as_decimal = exact(&text.replace(other, "."))?;
            let as_thousands = exact(&text.replace(other, ""))?;
            Err(TypedError::Ambiguous { as_decimal, as_thousands })
        }
    }
}

/// The digits of `text` when `mark` groups them by three (`1,234,567`), else `None`.
fn ungroup(text: &str, mark: char) -> Option<String> {
    let mut groups = text.split(mark);
    let first = groups.next()?;
    let first_ok = (1..=3).contains(&first.len());
    let rest_ok = groups.clone().all(|g| g.len() == 3);
    (first_ok && rest_ok).then(|| text.replace(mark, ""))
}

fn exact(text: &str) -> Result<Decimal, TypedError> {
    // A lone mark would read as 0 to `Decimal`: it is no number.
    if text.is_empty() || text == "." {
        return Err(TypedError::NotANumber);
    }
    Decimal::from_str(text).map_err(|_| TypedError::NotANumber)
}

/// `1e3`, `2.5E-2`: accepted with a decimal point only.
fn scientific(text: &str) -> Result<Decimal, TypedError> {
    let is_scientific = text.contains(['e', 'E'])
        && text.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+'));
    if !is_scientific {
        return Err(TypedError::NotANumber);
    }
    Decimal::from_scientific(text).map_err(|_| TypedError::NotANumber)
}

#[cfg(test)]
mod tests {
    use super::Convention::{DecimalComma as Fr, DecimalPoint as En};
    use super::*;
    use rust_decimal_macros::dec;

    fn ok(value: Decimal) -> Result<Typed, TypedError> {
        Ok(Typed { value, percent: false })
    }

    #[test]
    fn both_languages_by_the_rule() {
        let cases: &[(&str, Convention, Result<Typed, TypedError>)] = &[
            ("12,000", En, ok(dec!(12000))),
            ("12,000.50", En, ok(dec!(12000.50))),
            ("1,234,567", En, ok(dec!(1234567))),
            ("1.234", En, ok(dec!(1.234))),
            ("0.25", En, ok(dec!(0.25))),
            ("12 000,50", Fr, ok(dec!(12000.50))),
            ("12\u{a0}000,50", Fr, ok(dec!(12000.50))),
            ("12\u{202f}000", Fr, ok(dec!(12000))),
            ("12 000", En, ok(dec!(12000))),
            ("1.234,5", Fr, ok(dec!(1234.5))),
            ("1.234.567", Fr, ok(dec!(1234567))),
            ("1,234.5", Fr, ok(dec!(1234.5))),
            ("1.234,5", En, ok(dec!(1234.5))),
            ("0,065", Fr, ok(dec!(0.065))),
            ("-5", Fr, ok(dec!(-5))),
            ("−1 500,5", Fr, ok(dec!(-1500.5))),
            ("+7", En, ok(dec!(7))),
            ("5 000 €", Fr, ok(dec!(5000))),
            ("€5,000", En, ok(dec!(5000))),
            ("1e3", En, ok(dec!(1000))),
            ("12,5 %", Fr, Ok(Typed { value: dec!(12.5), percent: true })),
            ("12.5%", En, Ok(Typed { value: dec!(12.5), percent: true })),
            ("1.234", Fr, Err(TypedError::Ambiguous { as_decimal: dec!(1.234), as_thousands: dec!(1234) })),
            ("0.25", Fr, Err(TypedError::Ambiguous { as_decimal: dec!(0.25), as_thousands: dec!(25) })),
            ("1,5", En, Err(TypedError::Ambiguous { as_decimal: dec!(1.5), as_thousands: dec!(15) })),
            ("12,00", En, Err(TypedError::Ambiguous { as_decimal: dec!(12.00), as_thousands: dec!(1200) })),
            ("1,2,3", En, Err(TypedError::NotANumber)),
            ("1,2,3", Fr, Err(TypedError::NotANumber)),
            ("1.2.3", En, Err(TypedError::NotANumber)),
            ("1.23,4", Fr, Err(TypedError::NotANumber)),
            ("abc", En, Err(TypedError::NotANumber)),
            ("", Fr, Err(TypedError::NotANumber)),
            ("%", Fr, Err(TypedError::NotANumber)),
            ("-", En, Err(TypedError::NotANumber)),
            (".", En, Err(TypedError::NotANumber)),
        ];
        for (text, convention, expected) in cases {
            assert_eq!(&parse(text, *convention), expected, "{text:?} in {convention:?}");
        }
    }

    #[test]
    fn never_a_thousand_times_off_silently() {
        use proptest::prelude::*;
        proptest!(|(units in 0u64..1_000_000_000, cents in 0u32..100)| {
            let value = Decimal::from(units) + Decimal::new(i64::from(cents), 2);
            let english = format!("{value}");
            prop_assert_eq!(parse(&english, En).map(|t| t.value), Ok(value));
            let french = english.replace('.', ",");
            prop_assert_eq!(parse(&french, Fr).map(|t| t.value), Ok(value));
        });
    }
}
