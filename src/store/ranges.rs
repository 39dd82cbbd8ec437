//! Reading and writing the `{ low, likely, high }` ranges of line values, which each line of
//! the model keeps inside it (the line's field holds the likely value).

use super::format::{Diagnostic, line_column};
use crate::domain::Project;
use crate::domain::uncertainty::{LineList, Range, UncertainLine};
use rust_decimal::Decimal;
use std::str::FromStr;
use toml_edit::{DocumentMut, InlineTable, Item, Value};

const LISTS: [LineList; 3] = [LineList::Benefits, LineList::Costs, LineList::Risks];

/// A range written in a document, found before the project is read from it (the reading
/// consumes the document): its line, its field, the range (`None` when not low ≤ likely ≤
/// high) and where it is.
pub struct Written {
    list: LineList,
    index: usize,
    field: String,
    range: Option<Range>,
    offset: usize,
}

/// The ranges written in the lines of a parsed document.
pub fn written_ranges(document: &toml_edit::Document<String>) -> Vec<Written> {
    let mut found = Vec::new();
    for list in LISTS {
        let Some(lines) = document.get(list.key()).and_then(Item::as_array_of_tables) else { continue };
        for (index, line) in lines.iter().enumerate() {
            for (field, item) in line.iter() {
                let Some(table) = item.as_value().and_then(Value::as_inline_table) else { continue };
                let offset = item.span().map_or(0, |span| span.start);
                found.push(Written {
                    list,
                    index,
                    field: field.to_owned(),
                    range: read_range(table),
                    offset,
                });
            }
        }
    }
    found
}

/// Puts each range found into its line of `project`; refused where a line's field may not
/// carry one, or where it is not low ≤ likely ≤ high.
pub fn keep_ranges(text: &str, written: Vec<Written>, project: &mut Project) -> Result<(), Diagnostic> {
    for Written { list, index, field, range, offset } in written {
        let stored = match list {
            LineList::Benefits => store_range(project.benefits.get_mut(index), &field, range),
            LineList::Costs => store_range(project.costs.get_mut(index), &field, range),
            LineList::Risks => store_range(project.risks.get_mut(index), &field, range),
        };
        match stored {
            Stored::Kept => {}
            Stored::NotRangeable => return Err(misplaced(text, offset, &field)),
            Stored::Invalid => return Err(bad_range(text, offset, &field)),
        }
    }
    Ok(())
}

enum Stored {
    Kept,
    NotRangeable,
    Invalid,
}

/// Keeps `range` in the line, at its field's static key, when that field may carry one.
fn store_range<L: UncertainLine>(line: Option<&mut L>, field: &str, range: Option<Range>) -> Stored {
    let Some(line) = line else { return Stored::NotRangeable };
    let key = line.amounts_mut().into_iter().map(|(key, _)| key).find(|key| *key == field);
    match (key, range) {
        (None, _) => Stored::NotRangeable,
        (Some(_), None) => Stored::Invalid,
        (Some(key), Some(range)) => {
            line.ranges_mut().insert(key, range);
            Stored::Kept
        }
    }
}

fn read_range(table: &InlineTable) -> Option<Range> {
    let number = |key: &str| -> Option<Decimal> {
        match table.get(key)? {
            Value::Integer(i) => Some(Decimal::from(*i.value())),
            Value::Float(f) => Decimal::from_str(&f.value().to_string()).ok(),
            Value::String(s) => Decimal::from_str(s.value().trim()).ok(),
            _ => None,
        }
    };
    let (low, likely, high) = (number("low")?, number("likely")?, number("high")?);
    (low <= likely && likely <= high).then_some(Range { low, high })
}

/// A problem at byte `offset` of the text.
fn at(text: &str, offset: usize, message: String, fix: &str) -> Diagnostic {
    let (line, column) = line_column(text, offset);
    Diagnostic::new(line, column, message, fix)
}

fn bad_range(text: &str, offset: usize, field: &str) -> Diagnostic {
    let message = format!("`{field}`: a range needs numbers low ≤ likely ≤ high");
    at(text, offset, message, "write it like { low = 40, likely = 50, high = 65 }")
}

fn misplaced(text: &str, offset: usize, field: &str) -> Diagnostic {
    let fix = "ranges are for the amounts, quantities and rates of benefit, cost and risk lines; write a single value";
    at(text, offset, format!("`{field}` cannot be a range"), fix)
}

/// Refuses a range anywhere the model would silently keep only its likely value.
pub fn refuse_stray_ranges(text: &str, document: &toml_edit::Document<String>) -> Result<(), Diagnostic> {
    let project = document.get("project").and_then(Item::as_table_like);
    let scenarios = document.get("scenarios").and_then(Item::as_table_like);
    let kpis = document.get("kpis").and_then(Item::as_array_of_tables);
    let mut tables: Vec<&dyn toml_edit::TableLike> = project.into_iter().collect();
    if let Some(scenarios) = scenarios {
        tables.extend(scenarios.iter().filter_map(|(_, item)| item.as_table_like()));
    }
    if let Some(kpis) = kpis {
        tables.extend(kpis.iter().map(|t| t as &dyn toml_edit::TableLike));
    }
    for table in tables {
        for (key, item) in table.iter() {
            let is_range =
                item.as_value().and_then(Value::as_inline_table).is_some_and(|t| t.contains_key("likely"));
            if is_range {
                return Err(misplaced(text, item.span().map_or(0, |span| span.start), key));
            }
        }
    }
    Ok(())
}

/// Writes each line's ranges over the plain likely values of a freshly rendered document.
pub fn write_ranges(document: &mut DocumentMut, project: &Project) {
    write_list_ranges(document, LineList::Benefits, &project.benefits);
    write_list_ranges(document, LineList::Costs, &project.costs);
    write_list_ranges(document, LineList::Risks, &project.risks);
}

fn write_list_ranges<L: UncertainLine>(document: &mut DocumentMut, list: LineList, lines: &[L]) {
    let Some(tables) = document.get_mut(list.key()).and_then(Item::as_array_of_tables_mut) else { return };
    for (table, line) in tables.iter_mut().zip(lines) {
        for (field, range) in line.ranges() {
            let Some(likely) = table.get(field).and_then(Item::as_value).cloned() else { continue };
            table.insert(field, Item::Value(Value::InlineTable(range_table(range, likely))));
        }
    }
}

/// `{ low = …, likely = …, high = … }`, the likely value as it was written.
pub fn range_table(range: &Range, likely: Value) -> InlineTable {
    let mut table = InlineTable::new();
    table.insert("low", decimal_value(range.low));
    // The value keeps its text (`300`, `1.5e3`) but not the spacing it had as `key = value`:
    // it is spaced as the other ends are.
    let mut likely = likely;
    likely.decor_mut().clear();
    table.insert("likely", likely);
    table.insert("high", decimal_value(range.high));
    table
}

fn decimal_value(value: Decimal) -> Value {
    let value = value.normalize();
    match i64::try_from(value) {
        Ok(integer) if value.fract().is_zero() => Value::from(integer),
        _ => match f64::try_from(value) {
            Ok(float) if Decimal::from_str(&float.to_string()).ok() == Some(value) => Value::from(float),
            _ => Value::from(value.to_string()),
        },
    }
}
