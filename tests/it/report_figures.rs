//! The figures in every report are the engine's: for each sample, the summary in French and
//! English (Markdown and HTML), the JSON and the CSV tables show exactly what
//! `Figures::compute` and the review compute, formatted by the one policy of `i18n` and
//! `money`. (The xlsx is recalculated by LibreOffice against the engine in `report_xlsx.rs`.)

use super::common;
use roi_workbench::domain::money::Amount;

use common::{AS_OF, report, sample_files};
use roi_workbench::domain::money::round;
use roi_workbench::domain::review::{self, Verdict};
use roi_workbench::domain::{Drivers, Figures, Project};
use roi_workbench::i18n::Lang;
use roi_workbench::i18n::review::verdict_name;
use roi_workbench::store;
use rust_decimal::Decimal;
use serde_json::Value;
use std::path::PathBuf;

fn samples() -> Vec<(PathBuf, Project, Figures)> {
    sample_files()
        .into_iter()
        .map(|file| {
            let project = store::load(&file).unwrap().project;
            let figures = Figures::compute(&project, &Drivers::default());
            (file, project, figures)
        })
        .collect()
}

fn json_number(value: &Value) -> Decimal {
    value.to_string().parse().unwrap()
}

#[test]
fn the_summary_shows_the_engine_figures_and_the_proposed_decision() {
    for (file, project, figures) in samples() {
        let currency = project.project.currency();
        let total = figures.flows.at_horizon();
        let decision = review::propose(&project, &figures);
        for (lang, format) in [Lang::Fr, Lang::En].into_iter().flat_map(|l| [(l, "md"), (l, "html")]) {
            let text = report(&file, &["--format", format, "--lang", lang.code(), "--as-of", AS_OF]);
            // HTML escapes nothing in figures but the apostrophe of a few French words.
            let text = text.replace("&#39;", "'").replace("&apos;", "'");
            let expected = [
                lang.money(Amount::new(figures.flows.npv), currency),
                lang.percent(total.roi_adjusted_pct()),
                lang.percent(total.roi_classic_pct()),
                lang.month(figures.flows.break_even_month),
                lang.money(Amount::new(total.tco), currency),
                lang.percent(figures.stress.roi_adjusted_pct),
                verdict_name(lang, decision.verdict).to_owned(),
            ];
            for figure in expected {
                assert!(
                    text.contains(&figure),
                    "{}: no `{figure}` in the {lang:?} {format} summary",
                    file.display()
                );
            }
            for checkpoint in figures.checkpoints() {
                let roi = lang.percent(checkpoint.roi_adjusted_pct());
                assert!(text.contains(&roi), "{}: no ROI at {} ({roi})", file.display(), checkpoint.month);
            }
        }
    }
}

#[test]
fn the_json_and_the_csv_carry_the_engine_figures_to_the_cent() {
    for (file, project, figures) in samples() {
        let json: Value = serde_json::from_str(&report(&file, &["--format", "json"])).unwrap();
        assert_eq!(json_number(&json["totals"]["npv"]), round(figures.flows.npv), "{}", file.display());
        let csv = report(&file, &["--format", "csv"]);
        for (row, month) in csv.lines().skip(1).zip(&figures.flows.monthly) {
            let cumulative: Decimal = row.rsplit(',').next().unwrap().parse().unwrap();
            assert_eq!(cumulative, round(month.cumulative_net), "{} month {}", file.display(), month.month);
            assert_eq!(json_number(&json["monthly"][month.month as usize - 1]["cumulative_net"]), cumulative);
        }
        let verdict = review::propose(&project, &figures).verdict;
        assert_eq!(json["review"]["decision"], verdict.key());
        let kpis = report(&file, &["--format", "csv", "--table", "kpis"]);
        assert_eq!(kpis.lines().count(), 1 + project.kpis.len());
        for (row, kpi) in kpis.lines().skip(1).zip(&project.kpis) {
            assert!(row.starts_with(&format!("{},", kpi.key)), "{row}");
            assert!(row.contains(&format!(",{},", kpi.status().key())), "{row}");
        }
        let measurements = report(&file, &["--format", "csv", "--table", "measurements"]);
        let count: usize = project.kpis.iter().map(|k| k.measurements.len()).sum();
        assert_eq!(measurements.lines().count(), 1 + count);
    }
}

#[test]
fn the_samples_cover_more_than_one_verdict() {
    let verdicts: Vec<Verdict> = samples().iter().map(|(_, p, f)| review::propose(p, f).verdict).collect();
    let first = verdicts[0];
    assert!(
        verdicts.iter().any(|v| *v != first),
        "every sample gets {first:?}: the goldens would prove little"
    );
}

/// Each reference range is read at its own month — the department's at 18, the company
/// size's at 12, 18 or 24, the horizon when shorter — and set beside the project's adjusted
/// ROI at that month, the figure the ranges are defined on (docs/METHOD.md §9).
#[test]
fn each_reference_range_is_compared_with_the_adjusted_roi_at_its_own_month() {
    use roi_workbench::domain::project::CompanySize;
    use roi_workbench::domain::reference::size_reference;
    let folder = tempfile::tempdir().unwrap();
    for (file, project, _) in samples() {
        for (size, horizon) in CompanySize::ALL.iter().flat_map(|s| [(*s, None), (*s, Some(15))]) {
            let mut project = project.clone();
            project.project.company_size = Some(size);
            project.project.horizon_months = horizon.or(project.project.horizon_months);
            let figures = Figures::compute(&project, &Drivers::default());
            let copy = folder.path().join(file.file_name().unwrap());
            store::save::create_project(&copy, &project).unwrap();
            let text =
                report(&copy, &["--format", "md", "--lang", "en", "--as-of", AS_OF, "--simulate", "1"]);
            let reference = size_reference(size);
            let read_at = reference.month.min(figures.horizon);
            let sentence = format!(
                "at {} months; this project at {read_at} months: {}.",
                reference.month,
                Lang::En.percent(figures.flows.at(read_at).roi_adjusted_pct())
            );
            let line = text.lines().find(|l| l.starts_with("Reference by company size")).unwrap();
            assert!(line.contains(&sentence), "{}: {line}\nwants {sentence}", file.display());
            std::fs::remove_file(&copy).unwrap();
        }
    }
}
