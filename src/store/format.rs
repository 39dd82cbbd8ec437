//! Project file text ⇄ model: parsing with line/column diagnostics, and rendering that keeps
//! a hand-edited file's comments, key order and formatting for everything that did not change.

use crate::domain::identity::{LineIds, List};
use crate::domain::project::Project;
use crate::domain::validate::{FieldPath, Problem, Segment, validate};
use rust_decimal::Decimal;
use std::str::FromStr;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

/// A problem at a place in a file's text: one of the format's rules broken (said in the
/// reader's language by `i18n::problem`), or, for TOML, types, encoding and size, the
/// reader's sentence and how to fix it (in English; `i18n` says them in the reader's
/// language). `Display` says it in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub fix: String,
    /// The rule broken, when the problem is one of the format's rules rather than of TOML.
    pub problem: Option<Box<Problem>>,
}

impl Diagnostic {
    /// A problem found elsewhere than the format's rules: TOML, types, encoding, size.
    pub fn new(line: usize, column: usize, message: impl Into<String>, fix: impl Into<String>) -> Self {
        Self { line, column, message: message.into(), fix: fix.into(), problem: None }
    }
}

/// Reads a project from TOML text: first the types (syntax, unknown keys, wrong types), then
/// the rules of `validate`. Every problem found is returned, in file order.
pub fn parse(text: &str) -> Result<Project, Vec<Diagnostic>> {
    // A valid file is parsed once: its ranges taken from the document, then the project read
    // from it. Only a file with a problem is read again, to list and place every problem.
    let (mut project, ranges) = match text.parse::<toml_edit::Document<String>>() {
        Ok(document) => {
            super::ranges::refuse_stray_ranges(text, &document).map_err(|d| vec![d])?;
            let ranges = super::ranges::written_ranges(&document);
            match toml_edit::de::from_document::<Project>(document) {
                Ok(project) => (project, ranges),
                Err(_) => (read_types(text)?, ranges),
            }
        }
        Err(_) => (read_types(text)?, Vec::new()),
    };
    super::ranges::keep_ranges(text, ranges, &mut project).map_err(|d| vec![d])?;
    let problems = validate(&project);
    if problems.is_empty() {
        return Ok(project);
    }
    let document = text.parse::<toml_edit::Document<String>>().ok();
    let mut diagnostics: Vec<Diagnostic> =
        problems.iter().map(|problem| problem_diagnostic(text, document.as_ref(), problem)).collect();
    diagnostics.sort_by_key(|d| (d.line, d.column));
    Err(diagnostics)
}

/// At most this many problems of types are listed for one file.
const MAX_TYPE_PROBLEMS: usize = 50;

/// The project, or every problem of types in the file: each value refused (an unknown key, a
/// word where a number goes) is reported, then set aside — its characters blanked, so that
/// lines and columns stay those of the file — and the file read again.
fn read_types(text: &str) -> Result<Project, Vec<Diagnostic>> {
    let mut current = text.to_owned();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut set_aside: Option<String> = None;
    while diagnostics.len() < MAX_TYPE_PROBLEMS {
        let error = match toml::from_str::<Project>(&current) {
            Ok(project) if diagnostics.is_empty() => return Ok(project),
            Ok(_) => break,
            Err(error) => error,
        };
        let message = error.message();
        // A required value set aside is now missing: that was said already.
        if set_aside.as_ref().is_some_and(|key| message.contains(&format!("missing field `{key}`"))) {
            break;
        }
        diagnostics.push(type_diagnostic(text, &error));
        if message.starts_with("missing field") || message.contains("duplicate") {
            break; // Not about one entry: nothing to set aside.
        }
        match error.span().and_then(|span| without_entry_at(&current, span.start)) {
            Some((next, key)) => (current, set_aside) = (next, Some(key)),
            None => break,
        }
    }
    Err(diagnostics)
}

/// The text with the `key = value` holding byte `offset` blanked (spaces, line breaks kept),
/// if a plain entry holds it (not a table header: what follows it would move elsewhere).
fn without_entry_at(text: &str, offset: usize) -> Option<(String, String)> {
    let document = text.parse::<toml_edit::Document<String>>().ok()?;
    let (start, end, key) = entry_at(document.as_table(), offset)?;
    let mut bytes = text.as_bytes().to_vec();
    for byte in bytes.get_mut(start..end)? {
        if *byte != b'\n' && *byte != b'\r' {
            *byte = b' ';
        }
    }
    Some((String::from_utf8(bytes).ok()?, key))
}

/// The byte range and key of the entry, in `table` or below, whose key or value holds `offset`.
fn entry_at(table: &Table, offset: usize) -> Option<(usize, usize, String)> {
    for (key, item) in table.iter() {
        match item {
            Item::Value(_) => {
                let key_span = table.key(key).and_then(toml_edit::Key::span)?;
                let value_span = item.span()?;
                if key_span.start <= offset && offset < value_span.end {
                    return Some((key_span.start, value_span.end, key.to_owned()));
                }
            }
            Item::Table(inner) => {
                if let Some(found) = entry_at(inner, offset) {
                    return Some(found);
                }
            }
            Item::ArrayOfTables(tables) => {
                if let Some(found) = tables.iter().find_map(|inner| entry_at(inner, offset)) {
                    return Some(found);
                }
            }
            Item::None => {}
        }
    }
    None
}

fn type_diagnostic(text: &str, error: &toml::de::Error) -> Diagnostic {
    let offset = error.span().map_or(0, |span| span.start);
    let (line, column) = line_column(text, offset);
    let message = error.message().trim().replace('\n', " ");
    let syntax_ok = text.parse::<toml_edit::Document<String>>().is_ok();
    let fix = fix_for_type_error(&message, syntax_ok);
    Diagnostic::new(line, column, message, fix)
}

/// The fix for an error found while reading the file's types. `syntax_ok` tells a value the
/// model refuses (a month that is not a month, an infinite number) from broken TOML.
fn fix_for_type_error(message: &str, syntax_ok: bool) -> &'static str {
    if message.contains("unknown field") {
        "check the key's spelling against the keys listed (a misspelt key would silently drop a value)"
    } else if message.contains("unknown variant") || message.contains("unknown value") {
        "use one of the values listed"
    } else if message.contains("missing field `schema`") {
        "add `schema = 1` at the top of the file"
    } else if message.contains("missing field") {
        "add this key: it is required"
    } else if message.contains("invalid type") || message.contains("not a number") {
        "write numbers unquoted (1250.50) or quoted (\"1250.50\"), text in quotes, months as \"YYYY-MM\""
    } else if message.contains("duplicate") {
        "keep one of the two definitions"
    } else if syntax_ok {
        "write this value as the message says; the TOML itself is fine"
    } else {
        "fix the TOML syntax here: text in quotes, `key = value`, [table] and [[array]] headers"
    }
}

fn problem_diagnostic(
    text: &str,
    document: Option<&toml_edit::Document<String>>,
    problem: &Problem,
) -> Diagnostic {
    let offset = document.and_then(|doc| span_of(doc.as_item(), &problem.path)).unwrap_or(0);
    let (line, column) = line_column(text, offset);
    // The rule is the message: `i18n` says it, in the reader's language.
    Diagnostic { problem: Some(Box::new(problem.clone())), ..Diagnostic::new(line, column, "", "") }
}

/// The start of the value at `path`, or of its nearest parent present in the file.
fn span_of(root: &Item, path: &FieldPath) -> Option<usize> {
    let mut item = root;
    let mut best = None;
    for segment in &path.0 {
        let next = match segment {
            Segment::Key(key) => item.get(key.as_str()),
            Segment::Index(index) => item.get(*index),
        };
        let Some(next) = next else { break };
        item = next;
        best = item.span().map(|span| span.start).or(best);
    }
    best
}

/// Where the values of a file's text are written, for many lookups: the text parsed once and
/// its lines indexed once, so that explaining a large file costs one parse, not one a value.
pub struct Positions<'a> {
    text: &'a str,
    document: Option<toml_edit::Document<String>>,
    line_starts: Vec<usize>,
}

impl<'a> Positions<'a> {
    pub fn of(text: &'a str) -> Self {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect();
        Self { text, document: text.parse().ok(), line_starts }
    }

    /// Where the value at `path` is written (line, column): the value itself, or, for a value
    /// the file leaves to its default, the table it would go in.
    pub fn of_path(&self, path: &FieldPath) -> Option<(usize, usize)> {
        let offset = span_of(self.document.as_ref()?.as_item(), path)?.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        let column = self.text.get(start..offset).map_or(0, |head| head.chars().count()) + 1;
        Some((line, column))
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |tail| tail.chars().count()) + 1;
    (line, column)
}

/// Error rendering a project (only possible for values TOML cannot hold).
#[derive(Debug, thiserror::Error)]
#[error("cannot write the project as TOML: {0}")]
pub struct RenderError(pub String);

/// A file's text as last read or written, and the identities of the lines it holds, in
/// the order of its `[[benefits]]`, `[[costs]]`… tables.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Original {
    pub text: String,
    pub lines: LineIds,
}

impl Original {
    /// The text `project` was read from or written as.
    pub fn of(text: String, project: &Project) -> Self {
        Self { text, lines: project.line_ids() }
    }
}

/// The project as TOML text. With the file's current text, the result keeps that text's
/// comments and layout and changes only the values that differ; each line of the project
/// is matched with the table of the same line (by identity, not position), so a deleted or
/// moved line takes its comments and ranges with it.
pub fn render(project: &Project, original: Option<&Original>) -> Result<String, RenderError> {
    let fresh = fresh_document(project)?;
    let Some((original, mut document)) =
        original.and_then(|o| o.text.parse::<DocumentMut>().ok().map(|document| (o, document)))
    else {
        return Ok(fresh.to_string());
    };
    let lines = project.line_ids();
    for list in List::ALL {
        align_lines(&mut document, &fresh, list, original.lines.of(list), lines.of(list));
    }
    let adds_a_table = fresh.as_table().iter().any(|(key, _)| !document.contains_key(key));
    merge_table(document.as_table_mut(), fresh.as_table());
    if adds_a_table {
        in_format_order(&mut document, &fresh);
    }
    Ok(with_line_endings_of(&original.text, document.to_string()))
}

/// Puts the tables of `list` in the order of the project's lines: a line's own table when
/// the file has it, the freshly rendered one for a new line, none for a deleted one. The
/// merge that follows then pairs tables by position, which is now by identity.
fn align_lines(
    document: &mut DocumentMut,
    fresh: &DocumentMut,
    list: List,
    old_ids: &[crate::domain::identity::LineId],
    new_ids: &[crate::domain::identity::LineId],
) {
    let Some(new_tables) = array_at(fresh.as_item(), list.file_path()) else { return };
    let Some(old_tables) = array_at_mut(document.as_item_mut(), list.file_path()) else { return };
    if old_tables.len() != old_ids.len() {
        return; // Text and identities disagree (an edit outside the workbench): pair by position.
    }
    let mut old: Vec<Option<Table>> = old_tables.iter().cloned().map(Some).collect();
    let mut aligned: Vec<(Table, bool)> = Vec::with_capacity(new_ids.len());
    for (id, new_table) in new_ids.iter().zip(new_tables.iter()) {
        match old_ids.iter().position(|old_id| old_id.is(*id)).and_then(|i| old.get_mut(i)?.take()) {
            Some(table) => aligned.push((table, true)),
            None => {
                let mut table = new_table.clone();
                table.set_position(None); // Written right after the line before it.
                aligned.push((table, false));
            }
        }
    }
    // The lines kept take the places their list had in the file, in their new order.
    let mut places: Vec<isize> =
        aligned.iter().filter(|(_, kept)| *kept).filter_map(|(t, _)| t.position()).collect();
    places.sort_unstable();
    let mut places = places.into_iter();
    let mut result = ArrayOfTables::new();
    for (mut table, kept) in aligned {
        if kept && let Some(place) = places.next() {
            table.set_position(Some(place));
        }
        result.push(table);
    }
    *old_tables = result;
}

fn array_at<'a>(root: &'a Item, path: &[&str]) -> Option<&'a ArrayOfTables> {
    path.iter().try_fold(root, |item, key| item.get(key))?.as_array_of_tables()
}

fn array_at_mut<'a>(root: &'a mut Item, path: &[&str]) -> Option<&'a mut ArrayOfTables> {
    path.iter().try_fold(root, |item, key| item.get_mut(key))?.as_array_of_tables_mut()
}

/// The text with only the project's name changed: every comment, key order and spelling of
/// the other values stays as it was.
pub fn with_project_name(text: &str, name: &str) -> Result<String, RenderError> {
    let mut document: DocumentMut =
        text.parse().map_err(|e: toml_edit::TomlError| RenderError(e.to_string()))?;
    let slot = document
        .get_mut("project")
        .and_then(|project| project.get_mut("name"))
        .and_then(Item::as_value_mut)
        .ok_or_else(|| RenderError("the file has no project name".into()))?;
    let decor = slot.decor().clone();
    *slot = Value::from(name);
    *slot.decor_mut() = decor;
    Ok(document.to_string())
}

/// A file written on Windows keeps its CRLF line endings: otherwise changing one value would
/// rewrite every line, and a shared folder's history would show the whole file changed.
fn with_line_endings_of(original: &str, text: String) -> String {
    if original.contains("\r\n") { text.replace("\r\n", "\n").replace('\n', "\r\n") } else { text }
}

fn fresh_document(project: &Project) -> Result<DocumentMut, RenderError> {
    let text = toml::to_string(project).map_err(|e| RenderError(e.to_string()))?;
    let mut document: DocumentMut =
        text.parse().map_err(|e: toml_edit::TomlError| RenderError(e.to_string()))?;
    inline_nested_arrays(document.as_table_mut());
    super::ranges::write_ranges(&mut document, project);
    Ok(document)
}

/// `measurements` read better as one inline array than as `[[kpis.measurements]]` tables.
fn inline_nested_arrays(root: &mut Table) {
    for (_, item) in root.iter_mut() {
        let Some(tables) = item.as_array_of_tables_mut() else {
            continue;
        };
        for table in tables.iter_mut() {
            for (_, inner) in table.iter_mut() {
                if let Some(nested) = inner.as_array_of_tables().cloned() {
                    *inner = Item::Value(Value::Array(nested.into_array()));
                }
            }
        }
    }
}

/// The file's keys in the format's order (the fresh rendering's), so that a table the file did
/// not have — a first benefit line, a baseline — is written after those of the key before it
/// (a table without a place of its own follows the table visited before it). The tables the
/// file had keep their places.
fn in_format_order(document: &mut DocumentMut, fresh: &DocumentMut) {
    let rank = |key: &toml_edit::Key| fresh.as_table().iter().position(|(k, _)| k == key.get());
    document.as_table_mut().sort_values_by(|a, _, b, _| rank(a).cmp(&rank(b)));
}

/// A table added to the file takes its place from where it is written, not from the fresh
/// rendering's own numbering of its tables.
fn without_places(mut item: Item) -> Item {
    match &mut item {
        Item::Table(table) => unplace(table),
        Item::ArrayOfTables(tables) => tables.iter_mut().for_each(unplace),
        Item::None | Item::Value(_) => {}
    }
    item
}

fn unplace(table: &mut Table) {
    table.set_position(None);
    for (_, inner) in table.iter_mut() {
        *inner = without_places(std::mem::take(inner));
    }
}

fn merge_table(old: &mut Table, new: &Table) {
    let stale: Vec<String> =
        old.iter().map(|(key, _)| key.to_owned()).filter(|key| !new.contains_key(key)).collect();
    for key in stale {
        old.remove(&key);
    }
    for (key, new_item) in new.iter() {
        match old.get_mut(key) {
            Some(old_item) => merge_item(old_item, new_item),
            None => {
                old.insert(key, without_places(new_item.clone()));
            }
        }
    }
}

fn merge_item(old: &mut Item, new: &Item) {
    match (old, new) {
        (Item::Table(old), Item::Table(new)) => merge_table(old, new),
        (Item::ArrayOfTables(old), Item::ArrayOfTables(new)) => {
            while old.len() > new.len() {
                old.remove(old.len() - 1);
            }
            for (i, new_table) in new.iter().enumerate() {
                match old.get_mut(i) {
                    Some(old_table) => merge_table(old_table, new_table),
                    None => {
                        let mut table = new_table.clone();
                        unplace(&mut table);
                        old.push(table);
                    }
                }
            }
        }
        (Item::Value(old), Item::Value(new)) => {
            if !same_value(old, new) {
                let decor = old.decor().clone();
                *old = new.clone();
                *old.decor_mut() = decor;
            }
        }
        (old, new) => *old = new.clone(),
    }
}

/// Values equal in meaning, whatever their spelling (`0.10`, `0.1` and `"0.1"` are the same).
fn same_value(old: &Value, new: &Value) -> bool {
    if let (Some(a), Some(b)) = (as_decimal(old), as_decimal(new)) {
        return a == b;
    }
    match (old, new) {
        (Value::String(a), Value::String(b)) => a.value() == b.value(),
        (Value::Boolean(a), Value::Boolean(b)) => a.value() == b.value(),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| same_value(x, y))
        }
        (Value::InlineTable(a), Value::InlineTable(b)) => {
            a.len() == b.len() && a.iter().all(|(key, x)| b.get(key).is_some_and(|y| same_value(x, y)))
        }
        _ => false,
    }
}

pub fn as_decimal(value: &Value) -> Option<Decimal> {
    match value {
        Value::Integer(i) => Some(Decimal::from(*i.value())),
        Value::Float(f) => Decimal::from_str(&f.value().to_string()).ok(),
        Value::String(s) => Decimal::from_str(s.value().trim()).ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINES: &str = "schema = 1\n[project]\nname = \"P\"\n\n# first\n[[costs]]\nname = \"A\" # a\nmonthly = { low = 1900, likely = 2600, high = 2900 }\n\n# second\n[[costs]]\nname = \"B\" # b\nmonthly = 100\n\n# third\n[[costs]]\nname = \"C\" # c\nmonthly = 5\n";

    #[test]
    fn a_deleted_line_takes_its_comments_and_range_with_it() {
        let mut project = parse(LINES).unwrap_or_else(|e| panic!("{e:?}"));
        let original = Original::of(LINES.to_owned(), &project);
        project.costs.remove(0);
        let saved = render(&project, Some(&original)).unwrap_or_default();
        assert_eq!(parse(&saved).ok(), Some(project), "{saved}");
        assert!(!saved.contains("# first") && !saved.contains("likely"), "{saved}");
        assert!(saved.contains("# second\n[[costs]]\nname = \"B\" # b\nmonthly = 100"), "{saved}");
    }

    #[test]
    fn moved_and_inserted_lines_keep_their_own_comments() {
        let mut project = parse(LINES).unwrap_or_else(|e| panic!("{e:?}"));
        let original = Original::of(LINES.to_owned(), &project);
        project.costs.swap(0, 2);
        let mut copy = project.costs[1].clone();
        copy.id = crate::domain::identity::LineId::fresh();
        copy.name = "B2".into();
        project.costs.insert(2, copy);
        let saved = render(&project, Some(&original)).unwrap_or_default();
        assert_eq!(parse(&saved).ok(), Some(project), "{saved}");
        let order: Vec<usize> =
            ["# third", "# second", "B2", "# first"].iter().map(|m| saved.find(m).unwrap_or(0)).collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{saved}");
        assert!(saved.contains("name = \"C\" # c"), "{saved}");
    }

    #[test]
    fn positions_give_each_value_its_line_and_character_column() {
        let text = "schema = 1\nproject = { name = \"É\", horizon_months = 24 }\n\n[[costs]]\nname = \"A\"\n";
        let positions = Positions::of(text);
        let at = |path: &str| positions.of_path(&FieldPath::parse(path).unwrap_or_default());
        assert_eq!(at("schema"), Some((1, 10)));
        assert_eq!(at("costs[0].name"), Some((5, 8)));
        assert_eq!(at("project.horizon_months"), Some((2, 42)));
        // A value left to its default: where its table is.
        assert_eq!(at("project.discount_rate"), at("project"));
        assert_eq!(Positions::of("not = [toml").of_path(&FieldPath::parse("not").unwrap_or_default()), None);
    }

    /// Issue 25: a table the file did not have goes where the format puts it — a first benefit
    /// line after the project's settings and baseline, before the KPIs and scenarios; a
    /// baseline after `[project]` — and what the file had keeps its place and comments.
    #[test]
    fn a_new_table_goes_where_the_format_puts_it() {
        let text = "schema = 1\n\n[project]\nname = \"P\" # nom\n\n[[kpis]]\nkey = \"k\"\nname = \"K\"\n\n[scenarios.prudent]\nbenefits = 0.8\n";
        let mut project = parse(text).unwrap_or_else(|e| panic!("{e:?}"));
        let original = Original::of(text.to_owned(), &project);
        project.benefits.push(crate::domain::project::Benefit { name: "B".into(), ..Default::default() });
        project.baseline = Some(crate::domain::project::Baseline {
            period_start: Some(crate::domain::project::YearMonth { year: 2026, month: 1 }),
            ..Default::default()
        });
        let saved = render(&project, Some(&original)).unwrap_or_default();
        assert_eq!(parse(&saved).ok(), Some(project), "{saved}");
        let at = |header: &str| saved.find(header).unwrap_or_else(|| panic!("no {header} in {saved}"));
        let order = [at("[project]"), at("[baseline]"), at("[[benefits]]"), at("[[kpis]]"), at("[scenarios")];
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{saved}");
        assert!(saved.contains("name = \"P\" # nom"), "{saved}");
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "a = 1\nnom = \"é\" x";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, text.find('x').unwrap_or(0)), (2, 11));
    }

    #[test]
    fn unchanged_values_keep_their_spelling_and_comments() {
        let text = "# mon projet\nschema = 1\n\n[project]\nname = \"Test\" # le nom\ndiscount_rate = 0.10\ncontingency = \"0.05\"\n";
        let mut project = parse(text).unwrap_or_else(|e| panic!("{e:?}"));
        let original = Original::of(text.to_owned(), &project);
        assert_eq!(render(&project, Some(&original)).unwrap_or_default(), text);
        project.project.name = "Autre".into();
        let saved = render(&project, Some(&original)).unwrap_or_default();
        assert!(saved.contains("name = \"Autre\" # le nom"), "{saved}");
        assert!(saved.contains("discount_rate = 0.10"), "{saved}");
    }
}
