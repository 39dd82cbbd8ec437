//! Setting one value of a project by its path (`costs[1].monthly`), validated by exactly the
//! rules of the file format: the project is written as TOML, the value set there, and the
//! text read back through [`super::parse`]. The workbench's in-place edits and `roi set` both
//! go through here, so an edit can never let in what a file could not hold.

use super::format::{Diagnostic, RenderError, as_decimal, parse, render};
use crate::domain::Project;
use crate::domain::money::Percent;
use crate::domain::typed::{self, Convention, TypedError};
use crate::domain::uncertainty::Range;
use crate::domain::validate::{FieldPath, Segment};
use rust_decimal::Decimal;
use toml_edit::{DocumentMut, Item, Table, TableLike, Value};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("no value at `{0}`")]
    NoSuchPath(String),
    #[error("{message} — {fix}")]
    Refused { message: String, fix: String },
    /// A rule of the file format, said in the reader's language by `i18n`.
    #[error("{0:?}")]
    Breaks(crate::domain::validate::Problem),
    /// A number that does not read, or reads two ways (see `domain::typed`).
    #[error("`{typed}`: {error}")]
    Number { typed: String, error: TypedError },
    /// A range typed as one number (or anything but two ends).
    #[error("`{0}`: a range is written low–high")]
    NotARange(String),
    /// A range asked for a value the line does not give.
    #[error("`{0}` has no value to give a range to — set the value first")]
    NoValueForRange(String),
}

impl From<RenderError> for EditError {
    fn from(error: RenderError) -> Self {
        EditError::Refused { message: error.to_string(), fix: String::new() }
    }
}

impl From<Diagnostic> for EditError {
    fn from(d: Diagnostic) -> Self {
        match d.problem {
            Some(problem) => EditError::Breaks(*problem),
            None => EditError::Refused { message: d.message, fix: d.fix },
        }
    }
}

/// The project with the value at `path` set from what the user typed, read by `convention`;
/// an empty text removes an optional value (back to its default). A path ending in `.range`
/// sets the range of the value before it (`costs[0].monthly.range` ← `900–1 200`; empty
/// removes it). Setting a ranged value keeps its range when the new value lies within it, and
/// drops it otherwise (the caller can tell by comparing the line's ranges). Every line keeps
/// its identity.
pub fn set_value(
    project: &Project,
    path: &FieldPath,
    typed: &str,
    convention: Convention,
) -> Result<Project, EditError> {
    let mut document: DocumentMut = render(project, None)?.parse().map_err(|e: toml_edit::TomlError| {
        EditError::Refused { message: e.to_string(), fix: String::new() }
    })?;
    let (target, is_range) = match path.0.split_last() {
        Some((Segment::Key(key), parents)) if key == "range" => (parents, true),
        _ => (path.0.as_slice(), false),
    };
    let Some((Segment::Key(key), parents)) = target.split_last() else {
        return Err(EditError::NoSuchPath(path.to_string()));
    };
    let table =
        walk(document.as_table_mut(), parents).ok_or_else(|| EditError::NoSuchPath(path.to_string()))?;
    let reading = if is_in_own_unit(path) { Reading::OwnUnit } else { Reading::Fraction };
    if is_range {
        set_range(table, key, typed, reading, convention)?;
    } else if typed.trim().is_empty() {
        table.remove(key);
    } else {
        let value = typed_value(typed, table.get(key).and_then(Item::as_value), reading, convention)?;
        set_likely(table, key, value);
    }
    let mut edited =
        parse(&document.to_string()).map_err(|mut diagnostics| EditError::from(diagnostics.remove(0)))?;
    edited.adopt_identities(project);
    Ok(edited)
}

/// Sets a value; a range around it stays when it still holds the new value.
fn set_likely(table: &mut dyn TableLike, key: &str, value: Value) {
    let range = table.get_mut(key).and_then(Item::as_value_mut).and_then(Value::as_inline_table_mut);
    if let Some(range) = range {
        let number = |k: &str| range.get(k).and_then(as_decimal);
        let holds = match (number("low"), as_decimal(&value), number("high")) {
            (Some(low), Some(likely), Some(high)) => low <= likely && likely <= high,
            _ => false,
        };
        if holds {
            range.insert("likely", value);
            return;
        }
    }
    table.insert(key, Item::Value(value));
}

/// Gives the value at `key` the range typed (`low–high`), or removes its range.
fn set_range(
    table: &mut dyn TableLike,
    key: &str,
    typed: &str,
    reading: Reading,
    convention: Convention,
) -> Result<(), EditError> {
    let existing = table.get(key).and_then(Item::as_value);
    let likely = match existing {
        Some(Value::InlineTable(range)) => range.get("likely").cloned(),
        other => other.cloned(),
    }
    .ok_or_else(|| EditError::NoValueForRange(key.to_owned()))?;
    if typed.trim().is_empty() {
        table.insert(key, Item::Value(likely.decorated("", "")));
        return Ok(());
    }
    let (low, high) = split_range(typed).ok_or_else(|| EditError::NotARange(typed.trim().to_owned()))?;
    let read = |text: &str| read_number(text, reading, convention);
    let range = Range { low: read(low)?, high: read(high)? };
    table.insert(key, Item::Value(Value::InlineTable(super::ranges::range_table(&range, likely))));
    Ok(())
}

/// The two ends of a range typed `900–1 200`, `900 - 1200`, `900..1200` or `900 à 1 200`.
fn split_range(typed: &str) -> Option<(&str, &str)> {
    let typed = typed.trim();
    for separator in ["..", "–", "—", " à ", " to "] {
        if let Some(ends) = typed.split_once(separator) {
            return Some(ends);
        }
    }
    // A hyphen between the ends, not the sign of the first.
    let after_sign = typed.char_indices().skip(1).find(|(_, c)| *c == '-')?.0;
    Some((&typed[..after_sign], &typed[after_sign + 1..]))
}

/// The table at `segments` below `table`, creating missing tables on the way (`[baseline]`).
fn walk<'a>(table: &'a mut dyn TableLike, segments: &[Segment]) -> Option<&'a mut dyn TableLike> {
    let Some((first, rest)) = segments.split_first() else {
        return Some(table);
    };
    let Segment::Key(key) = first else {
        return None;
    };
    if table.get(key).is_none() {
        table.insert(key, Item::Table(Table::new()));
    }
    let item = table.get_mut(key)?;
    match rest.split_first() {
        Some((Segment::Index(index), tail)) => {
            let element: &mut dyn TableLike = match item {
                Item::ArrayOfTables(tables) => tables.get_mut(*index)?,
                Item::Value(Value::Array(values)) => values.get_mut(*index)?.as_inline_table_mut()?,
                _ => return None,
            };
            walk(element, tail)
        }
        _ => walk(item.as_table_like_mut()?, rest),
    }
}

/// What a field holds, to start an edit from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Current {
    Text(String),
    Number(Decimal),
    /// The ends of a value's range (at a path ending in `.range`).
    Range {
        low: Decimal,
        high: Decimal,
    },
}

/// The value at `path`: a number (the likely one when it is ranged), a text, or the range of
/// the value before `.range`.
pub fn current_value(project: &Project, path: &FieldPath) -> Option<Current> {
    let document: DocumentMut = render(project, None).ok()?.parse().ok()?;
    let (is_range, target) = match path.0.split_last()? {
        (Segment::Key(key), parents) if key == "range" => (true, parents),
        _ => (false, path.0.as_slice()),
    };
    let mut item = document.as_item();
    for segment in target {
        item = match segment {
            Segment::Key(key) => item.get(key.as_str())?,
            Segment::Index(index) => item.get(*index)?,
        };
    }
    let value = item.as_value()?;
    let number = |key: &str| value.as_inline_table()?.get(key).and_then(as_decimal);
    match value {
        _ if is_range => Some(Current::Range { low: number("low")?, high: number("high")? }),
        Value::InlineTable(_) => number("likely").map(Current::Number),
        Value::String(text) => Some(Current::Text(text.value().clone())),
        other => Some(as_decimal(other).map_or_else(|| Current::Text(other.to_string()), Current::Number)),
    }
}

/// How a `%` typed after a number reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Rates are fractions in files: `12,5 %` is 0.125.
    Fraction,
    /// A KPI is kept in its own unit: a KPI in % holds points, `81 %` is 81.
    OwnUnit,
}

/// KPI baselines, targets and measurements are in the KPI's unit, not fractions.
fn is_in_own_unit(path: &FieldPath) -> bool {
    matches!(path.0.first(), Some(Segment::Key(key)) if key == "kpis" || key == "baseline")
}

/// The TOML value for what the user typed. Numbers are read by `convention` and may end with
/// `%` (read as `reading` says); decimals are kept as exact strings; text stays text where it
/// does not read as a number, and where the file already holds text.
pub fn typed_value(
    typed: &str,
    existing: Option<&Value>,
    reading: Reading,
    convention: Convention,
) -> Result<Value, EditError> {
    let raw = typed.trim();
    // Text stays text: a name that looks like a number is still a name.
    let holds_text =
        matches!(existing, Some(Value::String(s)) if as_decimal(&Value::from(s.value().as_str())).is_none());
    if holds_text {
        return Ok(Value::from(unquoted(raw)));
    }
    match read_number(raw, reading, convention) {
        Ok(number) if matches!(existing, Some(Value::String(_))) => {
            Ok(Value::from(number.normalize().to_string()))
        }
        Ok(number) => Ok(match i64::try_from(number) {
            Ok(integer) if number.fract().is_zero() => Value::from(integer),
            _ => Value::from(number.normalize().to_string()),
        }),
        // A field that holds a number is refused a text, with how to type a number in the UI's
        // language; another field takes it as text (the format says whether it may).
        Err(error @ EditError::Number { error: TypedError::NotANumber, .. }) if holds_number(existing) => {
            Err(error)
        }
        Err(EditError::Number { error: TypedError::NotANumber, .. }) => Ok(Value::from(unquoted(raw))),
        Err(error) => Err(error),
    }
}

/// Whether the value a field has is a number (or a range of numbers).
fn holds_number(existing: Option<&Value>) -> bool {
    matches!(existing, Some(Value::Integer(_) | Value::Float(_) | Value::InlineTable(_)))
}

/// A text typed between quotes, as in the file (`"Claire Martin"`), means the text itself.
fn unquoted(text: &str) -> &str {
    let quoted = |q: char| text.len() >= 2 && text.starts_with(q) && text.ends_with(q);
    if quoted('"') || quoted('\'') { &text[1..text.len() - 1] } else { text }
}

fn read_number(text: &str, reading: Reading, convention: Convention) -> Result<Decimal, EditError> {
    match reading {
        Reading::Fraction => parse_number(text, convention),
        Reading::OwnUnit => parse_measure(text, convention),
    }
    .map_err(|error| EditError::Number { typed: text.trim().to_owned(), error })
}

/// An amount or rate as people type it, by the language's conventions; `%` divides by 100
/// (a rate: `12 %` is 0.12).
pub fn parse_number(text: &str, convention: Convention) -> Result<Decimal, TypedError> {
    let typed = typed::parse(text, convention)?;
    Ok(if typed.percent { Percent::new(typed.value).rate().fraction() } else { typed.value })
}

/// A KPI value or measurement as people type it, in the KPI's own unit: a `%` sign is the
/// unit, not a division (`81 %` on an adoption rate in % is 81).
pub fn parse_measure(text: &str, convention: Convention) -> Result<Decimal, TypedError> {
    typed::parse(text, convention).map(|typed| typed.value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    const TEXT: &str = "schema = 1\n[project]\nname = \"P\"\n[[costs]]\nname = \"Licences\"\nmonthly = 600\n\n[[kpis]]\nkey = \"k\"\nname = \"K\"\nmeasurements = [{ month = 1, value = 2 }]\n";

    fn project() -> Project {
        parse(TEXT).unwrap()
    }

    fn path(text: &str) -> FieldPath {
        FieldPath::parse(text).unwrap()
    }

    const FR: Convention = Convention::DecimalComma;
    const EN: Convention = Convention::DecimalPoint;

    #[test]
    fn sets_a_value_by_path() {
        let edited = set_value(&project(), &path("costs[0].monthly"), "750,5", FR).unwrap();
        assert_eq!(edited.costs[0].monthly, Some(dec!(750.5)));
        let edited = set_value(&edited, &path("kpis[0].measurements[0].value"), "3", FR).unwrap();
        assert_eq!(edited.kpis[0].measurements[0].value.0, dec!(3));
        let edited = set_value(&edited, &path("baseline.period_start"), "2025-09", FR).unwrap();
        assert!(edited.baseline.is_some());
    }

    #[test]
    fn numbers_follow_the_language_and_doubt_is_refused() {
        let edited = set_value(&project(), &path("costs[0].monthly"), "12,000", EN).unwrap();
        assert_eq!(edited.costs[0].monthly, Some(dec!(12000)));
        let edited = set_value(&project(), &path("costs[0].monthly"), "12 000,50", FR).unwrap();
        assert_eq!(edited.costs[0].monthly, Some(dec!(12000.50)));
        let refused = set_value(&project(), &path("costs[0].monthly"), "1.234", FR);
        assert!(matches!(refused, Err(EditError::Number { error: TypedError::Ambiguous { .. }, .. })));
        let named = set_value(&project(), &path("costs[0].name"), "1.234", FR).unwrap();
        assert_eq!(named.costs[0].name, "1.234", "a name stays as typed");
    }

    #[test]
    fn a_range_stays_while_it_holds_the_value_and_keeps_its_line() {
        let base = project();
        let ranged = set_value(&base, &path("costs[0].monthly.range"), "500–900", FR).unwrap();
        let range = ranged.costs[0].ranges.get("monthly").copied().unwrap();
        assert_eq!((range.low, range.high), (dec!(500), dec!(900)));
        assert!(ranged.costs[0].id.is(base.costs[0].id), "the line keeps its identity");
        let within = set_value(&ranged, &path("costs[0].monthly"), "700", FR).unwrap();
        assert_eq!(within.costs[0].monthly, Some(dec!(700)));
        assert_eq!(within.costs[0].ranges.get("monthly"), Some(&range));
        let outside = set_value(&ranged, &path("costs[0].monthly"), "1 000", FR).unwrap();
        assert_eq!(outside.costs[0].monthly, Some(dec!(1000)));
        assert!(outside.costs[0].ranges.is_empty(), "a range that no longer holds is dropped");
        let cleared = set_value(&ranged, &path("costs[0].monthly.range"), "", FR).unwrap();
        assert!(cleared.costs[0].ranges.is_empty());
        assert_eq!(cleared.costs[0].monthly, Some(dec!(600)));
        let refused = set_value(&project(), &path("costs[0].monthly.range"), "700–900", FR);
        assert!(matches!(refused, Err(EditError::Refused { .. })), "600 is not within 700–900");
        let none = set_value(&project(), &path("costs[0].one_off.range"), "1–2", FR);
        assert!(matches!(none, Err(EditError::NoValueForRange(_))));
    }

    #[test]
    fn refuses_what_the_file_format_refuses() {
        let refused = set_value(&project(), &path("costs[0].monthly"), "-5", FR);
        assert!(matches!(refused, Err(EditError::Breaks(_))), "{refused:?}");
        let refused = set_value(&project(), &path("project.impact"), "11", FR);
        assert!(matches!(refused, Err(EditError::Breaks(_))));
        assert!(set_value(&project(), &path("costs[3].monthly"), "1", FR).is_err());
    }

    #[test]
    fn reads_the_value_to_edit() {
        let current = |p: &str| current_value(&project(), &path(p));
        assert_eq!(current("costs[0].monthly"), Some(Current::Number(dec!(600))));
        assert_eq!(current("costs[0].name"), Some(Current::Text("Licences".into())));
        assert_eq!(current("kpis[0].measurements[0].value"), Some(Current::Number(dec!(2))));
        assert_eq!(current("costs[0].one_off"), None);
        assert_eq!(current("costs[0].monthly.range"), None);
        let ranged = set_value(&project(), &path("costs[0].monthly.range"), "500..900", EN).unwrap();
        assert_eq!(current_value(&ranged, &path("costs[0].monthly")), Some(Current::Number(dec!(600))));
        let range = current_value(&ranged, &path("costs[0].monthly.range"));
        assert_eq!(range, Some(Current::Range { low: dec!(500), high: dec!(900) }));
    }

    #[test]
    fn empty_text_restores_the_default() {
        let edited = set_value(&project(), &path("costs[0].monthly"), "", FR).unwrap();
        assert_eq!(edited.costs[0].monthly, None);
    }

    #[test]
    fn rates_and_measures_read_their_percent_sign_differently() {
        assert_eq!(parse_number("12,5 %", FR), Ok(dec!(0.125)));
        assert_eq!(parse_number("5 000 €", FR), Ok(dec!(5000)));
        assert!(parse_number("abc", FR).is_err());
        assert_eq!(parse_measure("81 %", FR), Ok(dec!(81)));
        assert_eq!(parse_measure("12.5", EN), Ok(dec!(12.5)));
        assert!(parse_measure("%", EN).is_err());
    }
}
