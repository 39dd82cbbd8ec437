//! A one-page Markdown summary of a project, in the reader's language.

use super::quadrant_name;
use crate::domain::Project;
use crate::domain::engine::Figures;
use crate::domain::reference::{REFERENCE_MONTH, reference_range};
use crate::i18n::{Lang, Text, warning_sentence};
use std::fmt::Write;

pub fn render(project: &Project, figures: &Figures, lang: Lang) -> String {
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
