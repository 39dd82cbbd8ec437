//! A one-page Markdown summary of a project, in the reader's language.

use super::quadrant_name;
use crate::domain::Project;
use crate::domain::engine::Figures;
use crate::domain::montecarlo::MonteCarlo;
use crate::domain::reference::{REFERENCE_MONTH, reference_range};
use crate::domain::sensitivity::TornadoBar;
use crate::domain::uncertainty::{LineList, UncertainLine};
use crate::i18n::{Lang, Text, warning_sentence};
use std::fmt::Write;

/// A Markdown table's header row and its alignment row.
fn table_header(out: &mut String, titles: &[&str], alignment: &str) {
    let _ = writeln!(out, "| {} |\n{alignment}", titles.join(" | "));
}

/// The five drivers that move the NPV most.
fn write_tornado(out: &mut String, lang: Lang, bars: &[TornadoBar], currency: &str) {
    let _ = writeln!(out, "\n## {}\n", lang.t(Text::Tornado));
    let (driver, npv) = (lang.t(Text::Driver), lang.t(Text::Npv));
    table_header(out, &[driver, &format!("{npv} −"), &format!("{npv} +")], "|---|---:|---:|");
    for bar in bars.iter().take(5) {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            bar.driver,
            lang.money(bar.npv_low, currency),
            lang.money(bar.npv_high, currency)
        );
    }
}

fn write_monte_carlo(out: &mut String, lang: Lang, run: &MonteCarlo, currency: &str) {
    let draws = run.simulation.map_or(0, |s| s.draws);
    let _ = writeln!(out, "\n## Monte Carlo ({draws})\n");
    let _ = writeln!(out, "| | P10 | P50 | P90 |\n|---|---:|---:|---:|");
    if let Some(roi) = &run.roi_adjusted_pct {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            lang.t(Text::RoiAdjusted),
            lang.percent(Some(roi.p10)),
            lang.percent(Some(roi.p50)),
            lang.percent(Some(roi.p90))
        );
    }
    let npv = &run.npv;
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |",
        lang.t(Text::Npv),
        lang.money(npv.p10, currency),
        lang.money(npv.p50, currency),
        lang.money(npv.p90, currency)
    );
    let months = &run.break_even_month;
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |",
        lang.t(Text::BreakEven),
        lang.month(months.p10),
        lang.month(months.p50),
        lang.month(months.p90)
    );
    let percent = |p: rust_decimal::Decimal| lang.percent(Some(p * rust_decimal::Decimal::ONE_HUNDRED));
    if let Some(positive) = run.prob_roi_positive {
        let _ = writeln!(out, "\n{}{}{}", lang.t(Text::ProbRoiPositive), lang.colon(), percent(positive));
    }
    for (month, p) in &run.prob_break_even_by {
        let _ = writeln!(
            out,
            "\n{} {month} {}{}{}",
            lang.t(Text::ProbBreakEvenBy),
            lang.t(Text::Months),
            lang.colon(),
            percent(*p)
        );
    }
}

/// Every benefit, cost and risk line with its source and confidence.
fn write_assumptions(out: &mut String, lang: Lang, project: &Project) {
    let _ = writeln!(out, "\n## {}\n", lang.t(Text::Assumptions));
    table_header(out, &[lang.t(Text::Line), lang.t(Text::Source), lang.t(Text::Confidence)], "|---|---|---|");
    let mut row = |list: LineList, name: &str, source: Option<&str>, confidence: &str| {
        let _ = writeln!(out, "| {} · {name} | {} | {confidence} |", list.key(), source.unwrap_or("—"));
    };
    for line in &project.benefits {
        row(LineList::Benefits, &line.name, line.source.as_deref(), line.confidence().key());
    }
    for line in &project.costs {
        row(LineList::Costs, &line.name, line.source.as_deref(), line.confidence().key());
    }
    for line in &project.risks {
        row(LineList::Risks, &line.name, line.source.as_deref(), line.confidence().key());
    }
}

pub fn render(
    project: &Project,
    figures: &Figures,
    lang: Lang,
    bars: &[TornadoBar],
    run: Option<&MonteCarlo>,
) -> String {
    let info = &project.project;
    let currency = info.currency();
    let money = |v| lang.money(v, currency);
    let t = |text| lang.t(text);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", info.name);
    let _ = writeln!(
        out,
        "{}{c}{} · {}{c}{} · {}{c}{} · {}{c}{} {}\n",
        t(Text::Department),
        info.department(),
        t(Text::Owner),
        info.owner.as_deref().unwrap_or("—"),
        t(Text::Status),
        info.status(),
        t(Text::Horizon),
        figures.horizon,
        t(Text::Months),
        c = lang.colon(),
    );

    let flows = &figures.flows;
    let _ = writeln!(out, "## {}\n", t(Text::Summary));
    let _ = writeln!(out, "| {} | |\n|---|---:|", t(Text::Figure));
    let total = flows.at_horizon();
    let rows = [
        (t(Text::RoiAdjusted), lang.percent(total.roi_adjusted_pct())),
        (t(Text::RoiClassic), lang.percent(total.roi_classic_pct())),
        (t(Text::Npv), money(flows.npv)),
        (
            t(Text::Irr),
            figures.irr_annual.map_or(t(Text::IrrNone).to_owned(), |r| {
                lang.percent(Some(r * rust_decimal::Decimal::ONE_HUNDRED))
            }),
        ),
        (t(Text::BreakEven), lang.month(flows.break_even_month)),
        (t(Text::BreakEvenClassic), lang.month(flows.break_even_month_classic)),
        (t(Text::Tco), money(total.tco)),
        (t(Text::BenefitsAdjusted), money(total.benefits_adjusted)),
        (t(Text::RiskProvision), money(figures.risk_total)),
        (t(Text::MaturityFactor), lang.number(figures.maturity_factor, 2)),
    ];
    for (label, value) in rows {
        let _ = writeln!(out, "| {label} | {value} |");
    }

    let _ = writeln!(out, "\n## {}\n", t(Text::Checkpoints));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---:|---:|---:|---:|---:|",
        t(Text::Month),
        t(Text::Tco),
        t(Text::BenefitsAdjusted),
        t(Text::RoiClassic),
        t(Text::RoiAdjusted)
    );
    for c in figures.checkpoints() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            c.month,
            money(c.tco),
            money(c.benefits_adjusted),
            lang.percent(c.roi_classic_pct()),
            lang.percent(c.roi_adjusted_pct())
        );
    }

    let stress = &figures.stress;
    let verdict = t(if stress.robust { Text::Robust } else { Text::Fragile });
    let _ = writeln!(
        out,
        "\n## {}\n\n**{verdict}** ({}){}{} {}, {} {}, {} {}.",
        t(Text::StressTest),
        t(Text::StressExplain),
        lang.colon(),
        t(Text::RoiAdjusted),
        lang.percent(stress.roi_adjusted_pct),
        t(Text::Npv),
        money(stress.npv),
        t(Text::BreakEven),
        lang.month(stress.break_even_month),
    );

    let _ = writeln!(out, "\n## {}\n\n{}", t(Text::Quadrant), quadrant_name(lang, figures.quadrant));
    if let Some(range) = reference_range(info.department()) {
        let _ = writeln!(
            out,
            "\n{} ({}){}{} – {} ({} {REFERENCE_MONTH} {}).",
            t(Text::Reference),
            info.department(),
            lang.colon(),
            lang.percent(Some(range.low_pct)),
            lang.percent(Some(range.high_pct)),
            t(Text::AtMonth),
            t(Text::Months),
        );
    }

    write_tornado(&mut out, lang, bars, currency);
    if let Some(run) = run {
        write_monte_carlo(&mut out, lang, run, currency);
    }
    write_assumptions(&mut out, lang, project);

    let _ = writeln!(out, "\n## {}\n", t(Text::Warnings));
    if figures.warnings.is_empty() {
        let _ = writeln!(out, "{}", t(Text::NoWarnings));
    }
    for warning in &figures.warnings {
        let _ = writeln!(out, "- {}", warning_sentence(lang, warning));
    }
    let _ = writeln!(out, "\n---\n{}", t(Text::ReportFooter));
    out
}
