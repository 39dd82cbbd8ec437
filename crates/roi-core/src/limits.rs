//! The sizes a project may have, stated once: far above any real project, low enough that no
//! file can make the workbench or a report slow, or a spreadsheet refuse a cell. The store
//! refuses a larger file at load, with the line of the first value past a limit.

use super::project::Project;
use super::uncertainty::LineFacts;
use super::validate::{FieldPath, Problem, Rule};

/// A project file: 1 MiB, a hundred times a large project.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// A text value (a name, a source, a decision), in characters.
pub const MAX_TEXT_CHARS: usize = 1_000;
/// Benefit, cost or risk lines, or baseline metrics, per list.
pub const MAX_LINES: usize = 200;
/// Measurements per KPI (twenty years of monthly ones).
pub const MAX_MEASUREMENTS: usize = 240;
/// Saved scenarios.
pub const MAX_SCENARIOS: usize = 50;

/// Every value past a limit.
pub fn problems(project: &Project) -> Vec<Problem> {
    let mut problems = Vec::new();
    let root = FieldPath::default();
    let mut count = |path: FieldPath, len: usize, max: usize| {
        if len > max {
            problems.push(Problem { path: path.index(max), rule: Rule::TooManyEntries { count: len, max } });
        }
    };
    let metrics = project.baseline.as_ref().map_or(0, |b| b.metrics.len());
    count(root.key("baseline").key("metrics"), metrics, MAX_LINES);
    count(root.key("benefits"), project.benefits.len(), MAX_LINES);
    count(root.key("costs"), project.costs.len(), MAX_LINES);
    count(root.key("risks"), project.risks.len(), MAX_LINES);
    count(root.key("actuals"), project.actuals.len(), MAX_MEASUREMENTS);
    for (i, kpi) in project.kpis.iter().enumerate() {
        count(root.key("kpis").index(i).key("measurements"), kpi.measurements.len(), MAX_MEASUREMENTS);
    }
    if project.scenarios.len() > MAX_SCENARIOS {
        count(root.key("scenarios"), project.scenarios.len(), MAX_SCENARIOS);
    }
    problems.extend(texts(project).into_iter().filter_map(|(path, text)| too_long(path, text)));
    problems
}

fn too_long(path: FieldPath, text: &str) -> Option<Problem> {
    let chars = text.chars().count();
    (chars > MAX_TEXT_CHARS)
        .then_some(Problem { path, rule: Rule::TextTooLong { chars, max: MAX_TEXT_CHARS } })
}

fn optional(path: FieldPath, text: &Option<String>) -> Option<(FieldPath, &str)> {
    text.as_deref().map(|t| (path, t))
}

/// The name and source of each line of a list, with where they are.
fn line_texts<'a>(
    list: FieldPath,
    lines: impl Iterator<Item = (&'a str, Option<&'a str>)>,
) -> Vec<(FieldPath, &'a str)> {
    let mut texts = Vec::new();
    for (i, (name, source)) in lines.enumerate() {
        let path = list.index(i);
        texts.extend(source.map(|s| (path.key("source"), s)));
        texts.push((path.key("name"), name));
    }
    texts
}

/// Every text of the project, with where it is.
fn texts(project: &Project) -> Vec<(FieldPath, &str)> {
    let root = FieldPath::default();
    let info = root.key("project");
    let mut texts = vec![(info.key("name"), project.project.name.as_str())];
    texts.extend(optional(info.key("owner"), &project.project.owner));
    texts.extend(optional(info.key("currency"), &project.project.currency));
    for (i, metric) in project.baseline.iter().flat_map(|b| b.metrics.iter()).enumerate() {
        let path = root.key("baseline").key("metrics").index(i);
        texts.push((path.key("key"), &metric.key));
        texts.extend(optional(path.key("name"), &metric.name));
        texts.extend(optional(path.key("unit"), &metric.unit));
    }
    texts.extend(line_texts(
        root.key("benefits"),
        project.benefits.iter().map(|l| (l.name.as_str(), l.source())),
    ));
    texts.extend(line_texts(root.key("costs"), project.costs.iter().map(|l| (l.name.as_str(), l.source()))));
    texts.extend(line_texts(root.key("risks"), project.risks.iter().map(|l| (l.name.as_str(), l.source()))));
    for (i, kpi) in project.kpis.iter().enumerate() {
        let path = root.key("kpis").index(i);
        texts.push((path.key("key"), &kpi.key));
        texts.push((path.key("name"), &kpi.name));
        texts.extend(optional(path.key("unit"), &kpi.unit));
        texts.extend(optional(path.key("decision"), &kpi.decision));
    }
    texts.extend(project.scenarios.keys().map(|name| (root.key("scenarios").key(name), name.as_str())));
    texts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::Cost;

    #[test]
    fn long_texts_and_long_lists_are_refused_where_they_are() {
        let mut project = Project::named(&"n".repeat(MAX_TEXT_CHARS));
        assert!(problems(&project).is_empty(), "the limit itself is allowed");
        project.project.name.push('n');
        project.costs = vec![Cost::default(); MAX_LINES + 1];
        let found: Vec<String> = problems(&project).iter().map(|p| p.path.to_string()).collect();
        assert_eq!(found, ["costs[200]", "project.name"]);
    }
}
