//! The executive summary as a [`Document`] — Situation, Impact, Action — for the HTML report.
//!
//! Interim: the Markdown report is being rewritten to build its own executive `Document`; when
//! that lands, the HTML report renders that one and this module goes.

use super::document::{Align, Block, Chart, Document, Table};
use super::quadrant_name;
use crate::domain::Project;
use crate::domain::engine::Figures;
use crate::domain::reference::{REFERENCE_MONTH, reference_range};
use crate::domain::sensitivity::TornadoBar;
use crate::i18n::{HtmlText, Lang, Text, warning_sentence};
use rust_decimal::Decimal;

/// The executive summary of `project`, its figures and tornado, in `lang`.
pub fn summary_document(project: &Project, figures: &Figures, bars: &[TornadoBar], lang: Lang) -> Document {
    let mut blocks = situation(project, figures, lang);
    blocks.extend(impact(project, figures, bars, lang));
    blocks.extend(action(project, figures, lang));
    Document {
        lang,
        title: project.project.name.clone(),
        subtitle: lang.t(HtmlText::ExecutiveSummary).to_owned(),
        blocks,
        footer: lang.t(Text::ReportFooter).to_owned(),
    }
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading { level, text: text.to_owned() }
}

/// Who runs the project, for how long, and what its department usually returns.
fn situation(project: &Project, figures: &Figures, lang: Lang) -> Vec<Block> {
    let info = &project.project;
    let t = |text| lang.t(text).to_owned();
    let mut facts = vec![
        (t(Text::Department), info.department().to_string()),
        (t(Text::Owner), info.owner.clone().unwrap_or_else(|| crate::i18n::DASH.to_owned())),
        (t(Text::Status), info.status().to_string()),
        (t(Text::Horizon), format!("{} {}", figures.horizon, lang.t(Text::Months))),
        (t(Text::MaturityFactor), lang.number(figures.maturity_factor, 2)),
    ];
    if let Some(range) = reference_range(info.department()) {
        let span = format!(
            "{} – {} ({} {REFERENCE_MONTH} {})",
            lang.percent(Some(range.low_pct)),
            lang.percent(Some(range.high_pct)),
            lang.t(Text::AtMonth),
            lang.t(Text::Months)
        );
        facts.push((t(Text::Reference), span));
    }
    vec![heading(2, lang.t(HtmlText::Situation)), Block::Facts(facts)]
}

/// The headline figures, the cash-flow curve, the checkpoints, where the money goes and
/// which driver matters most.
fn impact(project: &Project, figures: &Figures, bars: &[TornadoBar], lang: Lang) -> Vec<Block> {
    let currency = project.project.currency();
    let money = |v| lang.money(v, currency);
    let t = |text| lang.t(text).to_owned();
    let flows = &figures.flows;
    let total = flows.at_horizon();
    let irr = figures.irr_annual.map_or(t(Text::IrrNone), |r| lang.percent(Some(r * Decimal::ONE_HUNDRED)));
    let facts = vec![
        (t(Text::RoiAdjusted), lang.percent(total.roi_adjusted_pct())),
        (t(Text::RoiClassic), lang.percent(total.roi_classic_pct())),
        (t(Text::Npv), money(flows.npv)),
        (t(Text::Irr), irr),
        (t(Text::BreakEven), lang.month(flows.break_even_month)),
        (t(Text::BreakEvenClassic), lang.month(flows.break_even_month_classic)),
        (t(Text::Tco), money(total.tco)),
        (t(Text::BenefitsAdjusted), money(total.benefits_adjusted)),
        (t(Text::RiskProvision), money(figures.risk_total)),
    ];
    let columns = [Text::Month, Text::Tco, Text::BenefitsAdjusted, Text::RoiClassic, Text::RoiAdjusted];
    let checkpoints = Table {
        columns: columns.into_iter().map(|c| (t(c), Align::Right)).collect(),
        rows: figures
            .checkpoints()
            .iter()
            .map(|c| {
                vec![
                    c.month.to_string(),
                    money(c.tco),
                    money(c.benefits_adjusted),
                    lang.percent(c.roi_classic_pct()),
                    lang.percent(c.roi_adjusted_pct()),
                ]
            })
            .collect(),
    };
    vec![
        heading(2, lang.t(HtmlText::Impact)),
        Block::Facts(facts),
        Block::Chart(Chart::CumulativeCashFlow),
        heading(3, lang.t(Text::Checkpoints)),
        Block::Table(checkpoints),
        // Each chart carries its own caption: no heading repeats it.
        Block::Chart(Chart::TcoByCategory),
        Block::Chart(Chart::Tornado),
        Block::Table(tornado_table(bars, lang, currency)),
    ]
}

/// The five drivers that move the NPV most, as numbers under the tornado.
fn tornado_table(bars: &[TornadoBar], lang: Lang, currency: &str) -> Table {
    let npv = lang.t(Text::Npv);
    Table {
        columns: vec![
            (lang.t(Text::Driver).to_owned(), Align::Left),
            (format!("{npv} −"), Align::Right),
            (format!("{npv} +"), Align::Right),
        ],
        rows: bars
            .iter()
            .take(5)
            .map(|b| {
                vec![b.driver.to_string(), lang.money(b.npv_low, currency), lang.money(b.npv_high, currency)]
            })
            .collect(),
    }
}

/// What to do: the quadrant's advice, whether it survives the ×2/÷2 rule, what to fix first.
fn action(project: &Project, figures: &Figures, lang: Lang) -> Vec<Block> {
    let stress = &figures.stress;
    let verdict = lang.t(if stress.robust { Text::Robust } else { Text::Fragile });
    let stress_sentence = format!(
        "{}{}{verdict} ({}) — {} {}, {} {}, {} {}.",
        lang.t(Text::StressTest),
        lang.colon(),
        lang.t(Text::StressExplain),
        lang.t(Text::RoiAdjusted),
        lang.percent(stress.roi_adjusted_pct),
        lang.t(Text::Npv),
        lang.money(stress.npv, project.project.currency()),
        lang.t(Text::BreakEven),
        lang.month(stress.break_even_month),
    );
    let warnings = if figures.warnings.is_empty() {
        Block::Paragraph(lang.t(Text::NoWarnings).to_owned())
    } else {
        Block::Bullets(figures.warnings.iter().map(|w| warning_sentence(lang, w)).collect())
    };
    vec![
        heading(2, lang.t(HtmlText::Action)),
        Block::Emphasis(format!(
            "{}{}{}",
            lang.t(Text::Quadrant),
            lang.colon(),
            quadrant_name(lang, figures.quadrant)
        )),
        Block::Emphasis(stress_sentence),
        heading(3, lang.t(Text::Warnings)),
        warnings,
    ]
}
