//! The workbook's pieces, each against what the engine computes.

use super::assumptions::*;
use super::cells::*;
use super::formulas::*;
use super::*;
use crate::domain::Drivers;
use crate::domain::engine::Figures;
use crate::domain::project::{Benefit, BenefitKind, Project};
use crate::i18n::Lang;
use rust_decimal_macros::dec;

#[test]
fn ramp_is_zero_before_the_start_full_without_a_ramp_else_linear() {
    assert_eq!(
        ramp_formula("$A5", "S!$E$14", "S!$F$14"),
        "IF($A5<S!$E$14,0,IF(S!$F$14=0,1,MIN(1,($A5-S!$E$14+1)/S!$F$14)))"
    );
}

#[test]
fn each_kind_values_its_own_inputs() {
    let line = |kind| Benefit { kind, ..Benefit::default() };
    // Row 13 (0-based) is Excel row 14.
    assert_eq!(benefit_value_formula(&line(BenefitKind::TimeSaving), 13), "G14*H14*K14*L14/60");
    assert_eq!(benefit_value_formula(&line(BenefitKind::Revenue), 13), "M14*N14*O14/12");
    assert_eq!(benefit_value_formula(&line(BenefitKind::ErrorReduction), 13), "P14*Q14*R14");
    assert_eq!(benefit_value_formula(&line(BenefitKind::Retention), 13), "S14*T14/12");
    assert_eq!(benefit_value_formula(&line(BenefitKind::Other), 13), "V14/12");
    let monthly = Benefit {
        monthly_value: Some(dec!(10)),
        annual_value: Some(dec!(999)),
        ..line(BenefitKind::CostAvoidance)
    };
    assert_eq!(benefit_value_formula(&monthly, 13), "U14", "monthly_value wins over annual_value");
}

#[test]
fn benefit_sums_have_one_term_per_line_and_are_zero_without_lines() {
    let raw = [("V1".to_owned(), "N5".to_owned()), ("V2".to_owned(), "O5".to_owned())];
    assert_eq!(benefits_raw_formula(&raw), "V1*N5+V2*O5");
    assert_eq!(benefits_raw_formula(&[]), "0");
    let adjusted = [("V1".to_owned(), "FT1".to_owned(), "N5".to_owned())];
    assert_eq!(benefits_adjusted_formula("FM", &adjusted), "FM*(V1*FT1*N5)");
    assert_eq!(benefits_adjusted_formula("FM", &[]), "FM*(0)");
}

#[test]
fn costs_add_one_offs_in_their_month_and_monthlies_while_running_with_contingency() {
    let columns = CostColumns {
        one_off: "O".into(),
        one_off_month: "OM".into(),
        monthly: "M".into(),
        start: "S".into(),
        end: "E".into(),
    };
    assert_eq!(
        costs_formula("$A5", "Cont", Some(&columns)),
        "(1+Cont)*(SUMPRODUCT((OM=$A5)*O)+SUMPRODUCT((S<=$A5)*(E>=$A5)*M))"
    );
    assert_eq!(costs_formula("$A5", "Cont", None), "0");
}

#[test]
fn roi_is_a_dash_not_a_division_error_when_the_tco_is_zero() {
    assert_eq!(roi_formula("C5-D5-E5", "D5"), "IF(D5=0,\"—\",(C5-D5-E5)/D5)");
}

#[test]
fn break_even_needs_benefits_and_a_non_negative_balance() {
    assert_eq!(break_even_flag_formula("I5", "J5", Some("K5")), "IF(AND(I5>0,ROUND(I5-J5-K5,6)>=0),1,0)");
    assert_eq!(break_even_flag_formula("H5", "J5", None), "IF(AND(H5>0,ROUND(H5-J5,6)>=0),1,0)");
    assert_eq!(
        first_month_formula("M", "F", "not reached"),
        "IFERROR(INDEX(M,MATCH(1,F,0)),\"not reached\")"
    );
}

#[test]
fn npv_discounts_each_month_by_a_twelfth_of_a_year() {
    assert_eq!(npv_formula("N", "M", "Rate"), "SUMPRODUCT(N/(1+Rate)^(M/12))");
}

#[test]
fn references_quote_sheet_names_with_accents_and_spaces() {
    assert_eq!(Cell::new(4, 1).on("Hypothèses"), "'Hypothèses'!$B$5");
    assert_eq!(column_range("Mensuel", 6, 4, 39), "'Mensuel'!$G$5:$G$40");
    assert_eq!(quoted("l'an"), "'l''an'");
}

#[test]
fn cached_results_are_the_exact_decimal() {
    assert_eq!(cached(dec!(133.3333333333333333333333333)), "133.3333333333333333333333333");
    assert_eq!(cached(dec!(4000.00)), "4000");
}

fn full_project() -> Project {
    let text = include_str!("../../../tests/fixtures/domain-example.toml");
    let mut project: Project = toml::from_str(text).unwrap();
    project.benefits.push(Benefit {
        name: "Before and after".into(),
        kind: BenefitKind::TimeSaving,
        minutes_before: Some(dec!(45)),
        minutes_after: Some(dec!(15)),
        ..Benefit::default()
    });
    project
}

#[test]
fn a_workbook_builds_in_both_languages_with_and_without_lines() {
    // Defined names and sheet names are checked by rust_xlsxwriter when saving.
    for project in [Project::named("Vide"), full_project()] {
        let figures = Figures::compute(&project, &Drivers::default());
        for lang in [Lang::Fr, Lang::En] {
            let bytes = render(&project, &figures, lang).unwrap();
            assert!(bytes.starts_with(b"PK"), "an xlsx file is a zip archive");
        }
    }
}

/// Issue 16: the summary's headline cells carry a note naming their formula, in the
/// reader's language, as the method states it.
#[test]
fn headline_cells_name_their_formula_in_a_note() {
    use std::io::Read;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/tri-cv.toml");
    let project = crate::store::load(&path).unwrap_or_else(|e| panic!("{e}")).project;
    let figures = Figures::compute(&project, &Drivers::default());
    let bytes = render(&project, &figures, Lang::Fr).unwrap_or_else(|e| panic!("{e}"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
    let mut notes = String::new();
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).unwrap_or_else(|e| panic!("{e}"));
        if file.name().contains("comments") {
            file.read_to_string(&mut notes).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    for key in ["roi_adjusted_pct", "roi_classic_pct", "npv", "break_even_month"] {
        let formula = crate::i18n::explain_text::formula(Lang::Fr, key).unwrap_or_default();
        let escaped = formula.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        assert!(notes.contains(&escaped), "a note gives {key}: {formula}");
    }
}

/// Issue 24: the benefit table's columns follow the schema: each input in its own column,
/// under the name the catalogue gives it, V and the notes after them.
#[test]
fn every_benefit_input_has_its_own_column_under_its_name() {
    use crate::domain::schema::BENEFIT_INPUTS;
    for lang in [Lang::Fr, Lang::En] {
        let headers = benefit_headers(lang);
        assert_eq!(headers.len(), usize::from(benefit_col::RANGES) + 1);
        for input in BENEFIT_INPUTS {
            let name = crate::i18n::review::input_name(lang, input.key);
            assert_eq!(headers[usize::from(benefit_col::of(input))], name, "{}", input.key);
        }
        assert_eq!(headers[usize::from(benefit_col::VALUE)], lang.t(crate::i18n::XlsxText::FullValue));
    }
}
