//! Setting one value of a project by its path (`costs[1].monthly`), validated by exactly the
//! rules of the file format: the project is written as TOML, the value set there, and the
//! text read back through [`super::parse`]. The workbench's in-place edits and `roi set` both
//! go through here, so an edit can never let in what a file could not hold.

use super::format::{Diagnostic, RenderError, parse, render};
use crate::domain::Project;
use crate::domain::validate::{FieldPath, Segment};
use rust_decimal::Decimal;
use std::str::FromStr;
use toml_edit::{DocumentMut, Item, Table, TableLike, Value};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("no value at `{0}`")]
    NoSuchPath(String),
    #[error("{message} — {fix}")]
    Refused { message: String, fix: String },
}

impl From<RenderError> for EditError {
    fn from(error: RenderError) -> Self {
        EditError::Refused { message: error.to_string(), fix: String::new() }
    }
}

impl From<Diagnostic> for EditError {
    fn from(d: Diagnostic) -> Self {
        EditError::Refused { message: d.message, fix: d.fix }
    }
}

/// The project with the value at `path` set from what the user typed; an empty text removes
/// an optional value (back to its default).
pub fn set_value(project: &Project, path: &FieldPath, typed: &str) -> Result<Project, EditError> {
    let mut document: DocumentMut = render(project, None)?.parse().map_err(|e: toml_edit::TomlError| {
        EditError::Refused { message: e.to_string(), fix: String::new() }
    })?;
    let Some((Segment::Key(key), parents)) = path.0.split_last() else {
        return Err(EditError::NoSuchPath(path.to_string()));
    };
    let table =
        walk(document.as_table_mut(), parents).ok_or_else(|| EditError::NoSuchPath(path.to_string()))?;
    if typed.trim().is_empty() {
        table.remove(key);
    } else {
        let reading = if is_in_own_unit(path) { Reading::OwnUnit } else { Reading::Fraction };
        let value = typed_value(typed, table.get(key).and_then(Item::as_value), reading);
        table.insert(key, Item::Value(value));
    }
    parse(&document.to_string()).map_err(|mut diagnostics| EditError::from(diagnostics.remove(0)))
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

/// The value at `path` as plain text (strings without quotes), to start an edit from.
pub fn get_value(project: &Project, path: &FieldPath) -> Option<String> {
    let document: DocumentMut = render(project, None).ok()?.parse().ok()?;
    let (Segment::Key(key), parents) = path.0.split_last()? else { return None };
    let mut item = document.as_item();
    for segment in parents {
        item = match segment {
            Segment::Key(key) => item.get(key.as_str())?,
            Segment::Index(index) => item.get(*index)?,
        };
    }
    let value = item.get(key.as_str())?.as_value()?;
    Some(match value {
        Value::String(text) => text.value().clone(),
        other => other.clone().decorated("", "").to_string(),
    })
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

/// The TOML value for what the user typed. Numbers may use a comma and end with `%` (read as
/// `reading` says); decimals are kept as exact strings; text stays text where the file already
/// holds text.
pub fn typed_value(typed: &str, existing: Option<&Value>, reading: Reading) -> Value {
    let raw = typed.trim();
    let number = match reading {
        Reading::Fraction => parse_number(raw),
        Reading::OwnUnit => parse_measure(raw),
    };
    match (number, existing) {
        (Some(number), Some(Value::String(_))) => Value::from(number.normalize().to_string()),
        (None, _) => Value::from(raw),
        (Some(number), _) => match i64::try_from(number) {
            Ok(integer) if number.fract().is_zero() => Value::from(integer),
            _ => Value::from(number.normalize().to_string()),
        },
    }
}

/// A number as people type it: spaces and currency signs ignored, comma or dot, `%` divides
/// by 100 (a rate: `12 %` is 0.12).
pub fn parse_number(text: &str) -> Option<Decimal> {
    let (number, percent) = parse_typed(text)?;
    Some(if percent { number / Decimal::ONE_HUNDRED } else { number })
}

/// A KPI value or measurement as people type it, in the KPI's own unit: a `%` sign is the
/// unit, not a division (`81 %` on an adoption rate in % is 81).
pub fn parse_measure(text: &str) -> Option<Decimal> {
    parse_typed(text).map(|(number, _)| number)
}

/// The number typed, and whether it ended with `%`.
fn parse_typed(text: &str) -> Option<(Decimal, bool)> {
    let (body, percent) = match text.trim().strip_suffix('%') {
        Some(body) => (body, true),
        None => (text, false),
    };
    let cleaned: String = body
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '€' | '$' | '£' | '_' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    Some((Decimal::from_str(&cleaned).ok()?, percent))
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

    #[test]
    fn sets_a_value_by_path() {
        let edited = set_value(&project(), &path("costs[0].monthly"), "750,5").unwrap();
        assert_eq!(edited.costs[0].monthly, Some(dec!(750.5)));
        let edited = set_value(&edited, &path("kpis[0].measurements[0].value"), "3").unwrap();
        assert_eq!(edited.kpis[0].measurements[0].value.0, dec!(3));
        let edited = set_value(&edited, &path("baseline.period_start"), "2025-09").unwrap();
        assert!(edited.baseline.is_some());
    }

    #[test]
    fn refuses_what_the_file_format_refuses() {
        let refused = set_value(&project(), &path("costs[0].monthly"), "-5");
        assert!(matches!(refused, Err(EditError::Refused { .. })), "{refused:?}");
        let refused = set_value(&project(), &path("project.impact"), "11");
        assert!(matches!(refused, Err(EditError::Refused { .. })));
        assert!(set_value(&project(), &path("costs[3].monthly"), "1").is_err());
    }

    #[test]
    fn reads_the_value_to_edit() {
        assert_eq!(get_value(&project(), &path("costs[0].monthly")).as_deref(), Some("600"));
        assert_eq!(get_value(&project(), &path("costs[0].name")).as_deref(), Some("Licences"));
        assert_eq!(get_value(&project(), &path("kpis[0].measurements[0].value")).as_deref(), Some("2"));
        assert_eq!(get_value(&project(), &path("costs[0].one_off")), None);
    }

    #[test]
    fn empty_text_restores_the_default() {
        let edited = set_value(&project(), &path("costs[0].monthly"), "").unwrap();
        assert_eq!(edited.costs[0].monthly, None);
    }

    #[test]
    fn numbers_as_people_type_them() {
        assert_eq!(parse_number("12,5 %"), Some(dec!(0.125)));
        assert_eq!(parse_number("5 000 €"), Some(dec!(5000)));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_measure("81 %"), Some(dec!(81)));
        assert_eq!(parse_measure("12,5"), Some(dec!(12.5)));
        assert_eq!(parse_measure("%"), None);
    }
}
