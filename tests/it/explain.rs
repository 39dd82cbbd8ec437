//! Issue 16: every explanation re-computes. For every sample, every figure's tree (and every
//! line's) is evaluated again from its leaves with the small evaluator below — written here,
//! not borrowed from the engine — and every node must give its stated value to the cent.

use roi_workbench::domain::Drivers;
use roi_workbench::domain::explain::{FIGURES, Node, Op, explain};
use roi_workbench::store;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// A node's value from its leaves, checking every node on the way; the failures collected.
fn recompute(node: &Node, failures: &mut Vec<String>) -> Option<Decimal> {
    if node.inputs.is_empty() {
        return node.value;
    }
    let inputs: Vec<Option<Decimal>> = node.inputs.iter().map(|n| recompute(n, failures)).collect();
    let all: Option<Vec<Decimal>> = inputs.iter().copied().collect();
    let computed = match node.op {
        Op::Given => node.value,
        Op::Sum => all.map(|v| v.iter().sum()),
        Op::Difference => all.map(|v| v[0] - v[1..].iter().copied().sum::<Decimal>()),
        Op::Product => all.map(|v| v.iter().product()),
        Op::Quotient => all.and_then(|v| v[0].checked_div(v[1])),
        Op::PercentOf => all.and_then(|v| (!v[1].is_zero()).then(|| v[0] / v[1] * dec!(100))),
        Op::Positive => all.map(|v| if v[0] > Decimal::ZERO { Decimal::ONE } else { Decimal::ZERO }),
        Op::FirstMonthReached => {
            let ok = all.as_ref().is_some_and(|v| v[0] < Decimal::ZERO && v[1] >= Decimal::ZERO);
            if !ok {
                failures.push(format!("{}: not the first month reached: {inputs:?}", node.figure));
            }
            node.value
        }
    };
    let close = match (computed, node.value) {
        (Some(a), Some(b)) => (a - b).abs() < dec!(0.005),
        (None, None) => true,
        _ => false,
    };
    if !close {
        failures.push(format!("{}: stated {:?}, re-computed {:?}", node.figure, node.value, computed));
    }
    node.value
}

#[test]
fn every_tree_of_every_sample_recomputes_to_the_cent() {
    let mut checked = 0;
    for path in super::common::sample_files() {
        let project = store::load(&path).unwrap().project;
        let lines = (0..project.benefits.len())
            .map(|i| format!("benefits[{i}]"))
            .chain((0..project.costs.len()).map(|i| format!("costs[{i}]")))
            .chain((0..project.risks.len()).map(|i| format!("risks[{i}]")))
            .chain((0..project.kpis.len()).map(|i| format!("kpis[{i}]")))
            .chain(std::iter::once("quadrant".to_owned()));
        let figures: Vec<String> = FIGURES.iter().map(|f| f.to_string()).chain(lines).collect();
        for figure in &figures {
            for month in [Some(12), None] {
                let tree = explain(&project, &Drivers::default(), figure, month).unwrap();
                let mut failures = Vec::new();
                recompute(&tree, &mut failures);
                assert!(failures.is_empty(), "{} {figure} {month:?}: {failures:#?}", path.display());
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked} trees");
}

/// The roots are the report's figures: the explanation explains the number shown.
#[test]
fn the_root_is_the_figure_reported() {
    let project = store::load(&super::common::sample("factures-fournisseurs")).unwrap().project;
    let figures = roi_workbench::domain::Figures::compute(&project, &Drivers::default());
    let value = |figure| explain(&project, &Drivers::default(), figure, None).unwrap().value;
    assert_eq!(value("npv"), Some(figures.flows.npv));
    assert_eq!(value("tco"), Some(figures.flows.at_horizon().tco));
    assert_eq!(value("roi_adjusted_pct"), figures.flows.at_horizon().roi_adjusted_pct().map(|p| p.value()));
    assert_eq!(value("break_even_month"), figures.flows.break_even_month.map(Decimal::from));
}

/// A tree whose stated value is wrong is caught: the test can fail.
#[test]
fn a_wrong_node_is_caught() {
    let project = store::load(&super::common::sample("tri-cv")).unwrap().project;
    let mut tree = explain(&project, &Drivers::default(), "tco", None).unwrap();
    tree.inputs[0].value = tree.inputs[0].value.map(|v| v + Decimal::ONE);
    let mut failures = Vec::new();
    recompute(&tree, &mut failures);
    assert!(!failures.is_empty());
}

/// One source of truth: the method document states every formula of the catalogue the
/// explanations print, word for word.
#[test]
fn the_method_document_states_every_formula_of_the_catalogue() {
    let method =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/METHOD.md"))
            .unwrap();
    for (key, _, english) in roi_workbench::i18n::explain_text::FORMULAS {
        assert!(
            method.contains(&format!("`{english}`")),
            "docs/METHOD.md lacks the formula of {key}: {english}"
        );
    }
}

/// `roi explain` through the binary: the tree in the reader's language, the file's positions,
/// JSON a program reads, an unknown figure refused with the list.
#[test]
fn roi_explain_prints_the_tree() {
    let file = super::common::sample("factures-fournisseurs");
    let run =
        |args: &[&str]| super::common::roi_command().arg("explain").arg(&file).args(args).output().unwrap();
    let french = run(&["roi_adjusted_pct", "--lang", "fr"]);
    let text = String::from_utf8_lossy(&french.stdout);
    assert!(text.contains("ROI_ajusté(M) = (B_aj(M) − (TCO(M) + Risque(M))) / TCO(M) × 100"), "{text}");
    assert!(text.contains("factures-fournisseurs.toml:45:20"), "a value of the file with its place: {text}");
    let json = run(&["npv", "--format", "json", "--month", "12"]);
    let tree: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(tree["operation"], "sum");
    assert_eq!(tree["inputs"].as_array().unwrap().len(), 36, "one discounted net flow a month");
    let unknown = run(&["profit"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("roi_adjusted_pct"));
}

/// Issue 25: FM points at the line that sets it — `maturity`, when the file gives no
/// `maturity_factor` — not at the `[project]` table.
#[test]
fn the_maturity_factor_points_at_the_maturity_line() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/factures-fournisseurs.toml");
    let loaded = roi_workbench::store::load(&path).unwrap();
    assert!(loaded.project.project.maturity_factor.is_none());
    let line = loaded.text.lines().position(|l| l.starts_with("maturity =")).unwrap() + 1;
    let tree = roi_workbench::domain::explain::explain(
        &loaded.project,
        &roi_workbench::domain::Drivers::default(),
        "benefits_adjusted",
        None,
    )
    .unwrap();
    let explained = roi_workbench::report::explain::Explained::new(
        &tree,
        &loaded.project,
        "f.toml",
        &loaded.text,
        roi_workbench::i18n::Lang::En,
    );
    let text = explained.text();
    let fm = text.lines().find(|l| l.contains("(FM)") || l.contains("maturity factor")).unwrap_or_default();
    assert!(fm.contains(&format!("f.toml:{line}:12")), "{fm}");
}
