//! Issue 24: every benefit input of the schema reaches every place an input must: it can be
//! edited (and ranged), is validated, counts in V, is explained, warned of when missing,
//! exported to the workbook, named in both languages and documented in FORMAT.md. Adding an
//! input or a kind is one schema entry; this test says what else is missing.

use roi_workbench::domain::Drivers;
use roi_workbench::domain::explain::explain;
use roi_workbench::domain::project::{Benefit, BenefitKind, Project};
use roi_workbench::domain::schema::{BENEFIT_INPUTS, BenefitInput, Measure, Need, inputs_of, stands_in_for};
use roi_workbench::domain::validate::{FieldPath, Rule};
use roi_workbench::domain::valuation::monthly_value;
use roi_workbench::domain::warnings::{Warning, warnings_for};
use roi_workbench::i18n::Lang;
use roi_workbench::i18n::review::input_name;
use roi_workbench::store::edit::{EditError, set_value};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// A project of one line of `kind`, giving every input the kind multiplies (so that each
/// matters to V), none of those that stand in for another.
fn project_of(kind: BenefitKind) -> Project {
    let mut project = Project::named("Walk");
    project.benefits.push(Benefit { name: "B".into(), kind, ..Benefit::default() });
    for input in inputs_of(kind).filter(|i| matches!(i.need, Need::Required | Need::DefaultsTo(_))) {
        project = with(&project, input, typical(input));
    }
    project
}

fn typical(input: &BenefitInput) -> &'static str {
    if input.measure == Measure::Fraction { "0.5" } else { "7" }
}

fn path(input: &BenefitInput, suffix: &str) -> FieldPath {
    FieldPath::parse(&format!("benefits[0].{}{suffix}", input.key)).unwrap()
}

fn with(project: &Project, input: &BenefitInput, typed: &str) -> Project {
    set_value(project, &path(input, ""), typed, Lang::En.convention())
        .unwrap_or_else(|e| panic!("{}: {typed} refused: {e:?}", input.key))
}

fn value(project: &Project) -> Decimal {
    monthly_value::<Decimal>(&project.benefits[0], &Drivers::default())
}

#[test]
fn every_input_is_edited_ranged_and_validated() {
    for input in BENEFIT_INPUTS {
        let mut start = project_of(input.kinds[0]);
        if let Some(main) = stands_in_for(input) {
            start = set_value(&start, &path(main, ""), "", Lang::En.convention()).unwrap();
        }
        let edited = with(&start, input, typical(input));
        assert!(input.is_given(&edited.benefits[0]), "{}", input.key);
        let range = if input.measure == Measure::Fraction { "0.25–0.75" } else { "5–9" };
        let ranged = set_value(&edited, &path(input, ".range"), range, Lang::En.convention())
            .unwrap_or_else(|e| panic!("{}: range refused: {e:?}", input.key));
        assert!(ranged.benefits[0].ranges.contains_key(input.key), "{}: no range", input.key);
        // Past its bound, or negative: the edit gate (validation) refuses it.
        for refused in [format!("{}", input.largest + Decimal::ONE), "-1".to_owned()] {
            let edit = set_value(&edited, &path(input, ""), &refused, Lang::En.convention());
            assert!(edit.is_err(), "{}: {refused} accepted", input.key);
        }
    }
}

#[test]
fn every_input_a_kind_multiplies_moves_its_value_and_is_explained() {
    for &kind in BenefitKind::ALL {
        let project = project_of(kind);
        let tree = explain(&project, &Drivers::default(), "benefits[0]", None).unwrap();
        let mut figures = Vec::new();
        collect(&tree, &mut figures);
        for input in inputs_of(kind).filter(|i| matches!(i.need, Need::Required | Need::DefaultsTo(_))) {
            let doubled = with(&project, input, if input.measure == Measure::Fraction { "1" } else { "14" });
            let off = (value(&doubled) - value(&project) * dec!(2)).abs();
            assert!(off < dec!(1e-20), "{kind:?}: doubling {} does not double V", input.key);
            assert!(
                figures.contains(&format!("benefits[0].{}", input.key)),
                "{kind:?}: {} unexplained",
                input.key
            );
        }
    }
}

fn collect(node: &roi_workbench::domain::explain::Node, into: &mut Vec<String>) {
    into.push(node.figure.clone());
    for input in &node.inputs {
        collect(input, into);
    }
}

#[test]
fn an_input_that_stands_in_for_another_gives_its_value() {
    for input in BENEFIT_INPUTS {
        let Some(main) = stands_in_for(input) else { continue };
        let kind = input.kinds[0];
        let mut project = project_of(kind);
        project = set_value(&project, &path(main, ""), "", Lang::En.convention()).unwrap();
        let alone = value(&project);
        for part in
            BENEFIT_INPUTS.iter().filter(|other| stands_in_for(other).is_some_and(|m| m.key == main.key))
        {
            let typed = if part.key.ends_with("after") { "3" } else { "10" };
            project = with(&project, part, typed);
        }
        assert_ne!(value(&project), alone, "{} gives nothing to {}", input.key, main.key);
        let both = set_value(&project, &path(main, ""), "7", Lang::En.convention());
        let refused = matches!(&both, Err(EditError::Breaks(problem)) if matches!(problem.rule, Rule::TwoValuesForOne { .. }));
        assert!(refused, "{} given with {}: {both:?}", input.key, main.key);
    }
}

#[test]
fn a_missing_required_input_is_warned_of() {
    for input in BENEFIT_INPUTS.iter().filter(|i| i.need == Need::Required) {
        let project =
            set_value(&project_of(input.kinds[0]), &path(input, ""), "", Lang::En.convention()).unwrap();
        let flows = roi_workbench::domain::engine::compute_flows::<Decimal>(
            &project,
            &Drivers::default(),
            roi_workbench::domain::engine::Stress::Off,
        );
        let warned = warnings_for(&project, &flows)
            .into_iter()
            .any(|w| matches!(w, Warning::MissingInput { input: named, .. } if named == input.key));
        assert!(warned, "{}: no warning when missing", input.key);
    }
}

#[test]
fn every_input_is_named_in_both_languages_and_documented() {
    let format =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("FORMAT.md")).unwrap();
    for input in BENEFIT_INPUTS {
        for lang in [Lang::Fr, Lang::En] {
            let name = input_name(lang, input.key);
            assert!(!name.is_empty() && !name.contains('_'), "{}: {lang:?} name {name:?}", input.key);
        }
        assert_ne!(input_name(Lang::Fr, input.key), input_name(Lang::En, input.key), "{}", input.key);
        assert!(format.contains(&format!("`{}`", input.key)), "FORMAT.md does not name {}", input.key);
    }
    for &kind in BenefitKind::ALL {
        let has_formula = roi_workbench::i18n::explain_text::formula(Lang::Fr, kind.key())
            .or_else(|| roi_workbench::i18n::explain_text::formula(Lang::Fr, "flat"));
        assert!(has_formula.is_some(), "{kind:?}: no formula in the catalogue");
    }
}
