//! Reading and writing the `{ low, likely, high }` ranges of line values, which the model
//! keeps beside the lines (the lines hold the likely value).

use super::format::{Diagnostic, line_column};
use crate::domain::Project;
use crate::domain::uncertainty::{LineList, Range, RangeKey, UncertainLine};
use rust_decimal::Decimal;
use std::str::FromStr;
use toml_edit::{DocumentMut, InlineTable, Item, Value};

const LISTS: [LineList; 3] = [LineList::Benefits, LineList::Costs, LineList::Risks];

/// The ranges written in a parsed document, into `project.ranges`.
pub fn read_ranges(
    text: &str,
    document: &toml_edit::Document<String>,
    project: &mut Project,
) -> Result<(), Diagnostic> {
    for list in LISTS {
        let Some(lines) = document.get(list.key()).and_then(Item::as_array_of_tables) else { continue };
        for (index, line) in lines.iter().enumerate() {
            for (field, item) in line.iter() {
                let Some(table) = item.as_value().and_then(Value::as_inline_table) else { continue };
                let Some(field) = rangeable_field(project, list, index, field) else {
                    return Err(misplaced(text, item, field));
                };
                let range = read_range(table).ok_or_else(|| bad_range(text, item, field))?;
                project.ranges.insert(RangeKey { list, index, field }, range);
            }
        }
    }
    Ok(())
}

/// The field's static key when that field of that line may carry a range.
fn rangeable_field(project: &mut Project, list: LineList, index: usize, field: &str) -> Option<&'static str> {
    let keys: Vec<&'static str> = match list {
        LineList::Benefits => project.benefits.get_mut(index).map(|l| keys_of(l)),
        LineList::Costs => project.costs.get_mut(index).map(|l| keys_of(l)),
        LineList::Risks => project.risks.get_mut(index).map(|l| keys_of(l)),
    }?;
    keys.into_iter().find(|key| *key == field)
}

fn keys_of<L: UncertainLine>(line: &mut L) -> Vec<&'static str> {
    line.amounts_mut().into_iter().map(|(key, _)| key).collect()
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

/// A problem at the value `item` of the text.
fn at(text: &str, item: &Item, message: String, fix: &str) -> Diagnostic {
    let (line, column) = line_column(text, item.span().map_or(0, |span| span.start));
    Diagnostic { line, column, message, fix: fix.to_owned() }
}

fn bad_range(text: &str, item: &Item, field: &str) -> Diagnostic {
    let message = format!("`{field}`: a range needs numbers low ≤ likely ≤ high");
    at(text, item, message, "write it like { low = 40, likely = 50, high = 65 }")
}

fn misplaced(text: &str, item: &Item, field: &str) -> Diagnostic {
    let fix = "ranges are for the amounts, quantities and rates of benefit, cost and risk lines; write a single value";
    at(text, item, format!("`{field}` cannot be a range"), fix)
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
                return Err(misplaced(text, item, key));
            }
        }
    }
    Ok(())
}

/// Writes the project's ranges over the plain likely values of a freshly rendered document.
pub fn write_ranges(document: &mut DocumentMut, project: &Project) {
    for (key, range) in &project.ranges {
        let Some(line) = document
            .get_mut(key.list.key())
            .and_then(Item::as_array_of_tables_mut)
            .and_then(|lines| lines.get_mut(key.index))
        else {
            continue;
        };
        let Some(likely) = line.get(key.field).and_then(Item::as_value).cloned() else { continue };
        let mut table = InlineTable::new();
        table.insert("low", decimal_value(range.low));
        table.insert("likely", likely.decorated("", ""));
        table.insert("high", decimal_value(range.high));
        line.insert(key.field, Item::Value(Value::InlineTable(table)));
    }
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
