//! An explanation, written out: as indented text (the terminal), as a Markdown list, or as
//! a JSON tree (`figure`, `label`, `value`, `formula`, `substituted`, `operation`, `inputs`;
//! leaves with `position`, and `source`, `confidence`, `range` when the file gives them).

use crate::domain::Project;
use crate::domain::explain::{Node, Op};
use crate::domain::uncertainty::LineFacts;
use crate::domain::validate::{FieldPath, Segment};
use crate::i18n::Lang;
use crate::i18n::explain_text::{figure_name, formula};
use crate::i18n::review::{confidence_name, input_name};
use crate::store::format::Positions;
use serde_json::{Value, json};
use std::cell::OnceCell;

/// What an explanation is written from: the tree, and the file it explains (for names and
/// positions).
pub struct Explained<'a> {
    pub tree: &'a Node,
    pub project: &'a Project,
    /// The file's name, and where its values are written, for `file:line:col`.
    file: &'a str,
    text: &'a str,
    positions: OnceCell<Positions<'a>>,
    pub lang: Lang,
}

impl<'a> Explained<'a> {
    pub fn new(tree: &'a Node, project: &'a Project, file: &'a str, text: &'a str, lang: Lang) -> Self {
        Self { tree, project, file, text, positions: OnceCell::new(), lang }
    }

    /// The name of a node: a figure's, a line's, or a line's input.
    pub fn label(&self, node: &Node) -> String {
        if let Some(kpi) = self.kpi_of(&node.figure) {
            return kpi;
        }
        let Some((list, index, field)) = line_of(&node.figure) else {
            return figure_name(self.lang, &node.figure);
        };
        let name = self.line_name(list, index);
        match field {
            None => name,
            Some("value") => format!("V — {name}"),
            Some(field) if node.path.is_some() => format!("{name} — {}", input_name(self.lang, field)),
            Some(_) => name,
        }
    }

    /// A KPI's name, and what of it a node is (`kpis[1].target`: "Adoption — target").
    fn kpi_of(&self, figure: &str) -> Option<String> {
        let rest = figure.strip_prefix("kpis[")?;
        let (index, field) = rest.split_once(']')?;
        let name = self.project.kpis.get(index.parse::<usize>().ok()?)?.name.clone();
        let field = field.trim_start_matches('.');
        let part = match (field, self.lang) {
            ("", _) => return Some(name),
            ("baseline", Lang::Fr) => "référence",
            ("baseline", Lang::En) => "baseline",
            ("target", Lang::Fr) => "cible",
            ("target", Lang::En) => "target",
            ("latest", Lang::Fr) => "dernière mesure",
            ("latest", Lang::En) => "latest measurement",
            ("moved", Lang::Fr) => "chemin parcouru (dernière − référence)",
            ("moved", Lang::En) => "way gone (latest − baseline)",
            ("aimed", Lang::Fr) => "chemin visé (cible − référence)",
            ("aimed", Lang::En) => "way aimed (target − baseline)",
            (_, _) => field,
        };
        Some(format!("{name} — {part}"))
    }

    fn line_name(&self, list: &str, index: usize) -> String {
        let name = match list {
            "benefits" => self.project.benefits.get(index).map(|l| l.name.as_str()),
            "costs" => self.project.costs.get(index).map(|l| l.name.as_str()),
            "risks" => self.project.risks.get(index).map(|l| l.name.as_str()),
            _ => None,
        };
        name.unwrap_or(list).to_owned()
    }

    /// The formula a node follows, from the catalogue.
    pub fn formula(&self, node: &Node) -> Option<&'static str> {
        let key = match line_of(&node.figure) {
            // A kind's own formula, or, for the kinds valued as given, the flat one.
            Some(("benefits", index, Some("value"))) => {
                let kind = self.project.benefits.get(index)?.kind.key();
                return formula(self.lang, kind).or_else(|| formula(self.lang, "flat"));
            }
            Some(("costs", _, None)) => "cost_line",
            Some(("risks", _, None)) => "risk_line",
            Some(_) => return None,
            None if node.figure.starts_with("kpis[") && !node.figure.contains("].") => "kpi",
            None => node.figure.split('[').next().unwrap_or_default(),
        };
        formula(self.lang, key)
    }

    /// The node's operation with its inputs' values: `(148 212,12 − 66 660,00) / 66 660,00 × 100`.
    pub fn substituted(&self, node: &Node) -> Option<String> {
        let shown: Vec<String> = node.inputs.iter().map(|n| self.number(n)).collect();
        let joined = |sign: &str| shown.join(sign);
        Some(match node.op {
            Op::Given => return None,
            Op::Sum => joined(" + "),
            Op::Difference => joined(" − "),
            Op::Product => joined(" × "),
            Op::Quotient => joined(" / "),
            Op::PercentOf => format!("{} / {} × 100", shown.first()?, shown.get(1)?),
            Op::FirstMonthReached => match shown.as_slice() {
                [at] => format!("{at} ≥ 0"),
                [before, at] => format!("{before} < 0 ≤ {at}"),
                [_, at, benefits_before] => format!("{benefits_before} ≤ 0 ; {at} ≥ 0"),
                _ => return None,
            },
            // Only what is true of the value shown: above 0 (robust) or not.
            Op::Positive => {
                let value = node.inputs.first()?.value?;
                let sign = if value > rust_decimal::Decimal::ZERO { ">" } else { "≤" };
                format!("{} {sign} 0", shown.first()?)
            }
        })
    }

    /// A node's value as the reports show it: a percentage, an amount in the project's
    /// currency, a month, the ×2/÷2 verdict, or a plain number.
    pub fn number(&self, node: &Node) -> String {
        use crate::domain::money::{Amount, Percent};
        use crate::i18n::Text;
        let Some(value) = node.value else {
            return if node.figure == "break_even_month" {
                self.lang.month(None)
            } else {
                crate::i18n::DASH.to_owned()
            };
        };
        let money = [
            "npv",
            "tco",
            "benefits_adjusted",
            "benefits_raw",
            "risk_provision",
            "gain_adjusted",
            "gain_classic",
        ];
        match node.figure.as_str() {
            "roi_adjusted_pct" | "roi_classic_pct" | "roi_adjusted_pct_stressed" => {
                self.lang.percent(Some(Percent::new(value)))
            }
            "break_even_month" => self.lang.month(rust_decimal::prelude::ToPrimitive::to_i64(&value)),
            "stress_test" => self
                .lang
                .t(if value > rust_decimal::Decimal::ZERO { Text::Robust } else { Text::Fragile })
                .to_owned(),
            figure if money.contains(&figure) => {
                self.lang.money(Amount::new(value), self.project.project.currency())
            }
            figure => match unit_of(figure) {
                Unit::Money => self.lang.money(Amount::new(value), self.project.project.currency()),
                Unit::Rate => self.lang.rate_exact(crate::domain::money::Rate::new(value)),
                Unit::Plain => self.lang.number(value, 2),
            },
        }
    }

    /// `file:line:col` of a value of the file.
    pub fn position(&self, path: &FieldPath) -> Option<String> {
        let (line, column) = self.positions.get_or_init(|| Positions::of(self.text)).of_path(path)?;
        Some(format!("{}:{line}:{column}", self.file))
    }

    /// The source, confidence and range of a line's input, when the file gives them.
    pub fn facts(&self, node: &Node) -> (Option<String>, Option<&'static str>, Option<String>) {
        let Some((list, index, Some(field))) = line_of(&node.figure) else { return (None, None, None) };
        let line: Option<&dyn LineFacts> = match list {
            "benefits" => self.project.benefits.get(index).map(|l| l as &dyn LineFacts),
            "costs" => self.project.costs.get(index).map(|l| l as &dyn LineFacts),
            "risks" => self.project.risks.get(index).map(|l| l as &dyn LineFacts),
            _ => None,
        };
        let Some(line) = line else { return (None, None, None) };
        let range = line
            .ranges()
            .get(field)
            .map(|r| format!("{}–{}", self.lang.measure(r.low), self.lang.measure(r.high)));
        (
            line.source().map(str::to_owned),
            line.given_confidence().map(|c| confidence_name(self.lang, c)),
            range,
        )
    }

    pub fn json(&self) -> String {
        crate::report::json::to_text(&self.node_json(self.tree))
    }

    fn node_json(&self, node: &Node) -> Value {
        let (source, confidence, range) = self.facts(node);
        let mut value = json!({
            "figure": node.figure,
            "label": self.label(node),
            "value": node.value.map_or(Value::Null, crate::report::json::number_exact),
            "formula": self.formula(node),
            "substituted": self.substituted(node),
            "operation": operation(node.op),
            "inputs": node.inputs.iter().map(|n| self.node_json(n)).collect::<Vec<_>>(),
        });
        if let Some(object) = value.as_object_mut() {
            if let Some(position) = node.path.as_ref().and_then(|p| self.position(p)) {
                object.insert("position".into(), position.into());
            }
            for (key, found) in
                [("source", source), ("confidence", confidence.map(str::to_owned)), ("range", range)]
            {
                if let Some(found) = found {
                    object.insert(key.into(), found.into());
                }
            }
        }
        value
    }

    /// The tree as indented lines: each node's name and value, its formula and its values.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.write_text(self.tree, 0, &mut out);
        out
    }

    fn write_text(&self, node: &Node, depth: usize, out: &mut String) {
        let indent = "  ".repeat(depth);
        out.push_str(&format!("{indent}{} = {}", self.label(node), self.number(node)));
        if let Some(position) = node.path.as_ref().and_then(|p| self.position(p)) {
            out.push_str(&format!("  ({position})"));
        }
        let (source, confidence, range) = self.facts(node);
        let facts: Vec<String> =
            [source, confidence.map(str::to_owned), range].into_iter().flatten().collect();
        if !facts.is_empty() {
            out.push_str(&format!("  [{}]", facts.join(" · ")));
        }
        out.push('\n');
        if let Some(formula) = self.formula(node) {
            out.push_str(&format!("{indent}  {formula}\n"));
        }
        if let Some(substituted) = self.substituted(node) {
            out.push_str(&format!("{indent}  = {substituted}\n"));
        }
        for input in &node.inputs {
            self.write_text(input, depth + 1, out);
        }
    }

    /// The same as a nested Markdown list.
    pub fn markdown(&self) -> String {
        self.text()
            .lines()
            .map(|line| {
                let depth = line.len() - line.trim_start().len();
                format!("{}- {}", " ".repeat(depth), crate::report::escape::markdown(line.trim_start()))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// How a value of the file reads: an amount, a rate (a fraction shown in percent), or a
/// plain number (a count, minutes, months).
enum Unit {
    Money,
    Rate,
    Plain,
}

fn unit_of(figure: &str) -> Unit {
    use crate::domain::schema::{Measure, benefit_input};
    // The values of cost and risk lines, and the explanation's own steps; a benefit's inputs
    // say their measure in the schema.
    const MONEY: [&str; 6] = ["one_off", "monthly", "cost", "value", "charges", "monthly_total"];
    const RATES: [&str; 3] = ["probability", crate::domain::schema::TIME_FACTOR, "maturity_factor"];
    let field = figure.rsplit('.').next().unwrap_or(figure);
    let whole_line = (figure.starts_with("costs[") || figure.starts_with("risks[")) && !figure.contains('.');
    match benefit_input(field).map(|input| input.measure) {
        Some(Measure::Money) => Unit::Money,
        Some(Measure::Fraction) => Unit::Rate,
        Some(Measure::Count | Measure::Minutes) => Unit::Plain,
        None if MONEY.contains(&field) || whole_line => Unit::Money,
        None if RATES.contains(&field) => Unit::Rate,
        None => Unit::Plain,
    }
}

/// The operator of a node as the JSON names it.
fn operation(op: Op) -> &'static str {
    match op {
        Op::Given => "given",
        Op::Sum => "sum",
        Op::Difference => "difference",
        Op::Product => "product",
        Op::Quotient => "quotient",
        Op::PercentOf => "percent_of",
        Op::FirstMonthReached => "first_month_reached",
        Op::Positive => "positive",
    }
}

/// `benefits[2].hourly_cost` → ("benefits", 2, Some("hourly_cost")); `costs[1]` → (…, None).
fn line_of(figure: &str) -> Option<(&str, usize, Option<&str>)> {
    let path = FieldPath::parse(figure)?;
    let (list, index) = match path.0.as_slice() {
        [Segment::Key(list), Segment::Index(index), ..] => (list.as_str(), *index),
        _ => return None,
    };
    let list = ["benefits", "costs", "risks"].into_iter().find(|l| *l == list)?;
    let field = figure.split_once("].").map(|(_, field)| field);
    Some((list, index, field))
}
