//! The executive summary for a steering committee, as the method asks for it: **Situation**
//! (the need and its baseline), **Impact** (expected or measured: ROI, NPV, break-even, the
//! stress verdict, P10–P90, the KPIs, the warnings, the department's reference), **Action**
//! (the decision proposed and its reasons, what needs deciding, what is overdue), then every
//! assumption stated plainly. Built once as a `Document`; Markdown and HTML only lay it out.

use super::document::{Align, Block, Chart, Document, TORNADO_DRIVERS_SHOWN, Table, UNCERTAIN_INPUTS_SHOWN};
use crate::domain::engine::Figures;
use crate::domain::money::{Amount, Percent, Rate};
use crate::domain::montecarlo::MonteCarlo;
use crate::domain::project::{Kpi, Project};
use crate::domain::reference::{
    REFERENCE_MONTH, ReferenceRange, month_compared, reference_range, size_reference,
};
use crate::domain::review::{self, Decision, calendar_month};
use crate::domain::sensitivity::TornadoBar;
use crate::domain::uncertainty::{Confidence, LineFacts};
use crate::domain::whatif::{SpiderLine, moving_lines};
use crate::i18n::review::{
    ReviewText as R, category_name, company_size_name, confidence_name, department_name, driver_name,
    kpi_status_name, last_measured, maturity_label, reason_sentence, status_name, verdict_name,
};
use crate::i18n::{DASH, Lang, Text, warning_sentence};
use rust_decimal::Decimal;

mod decision;
use decision::{action, assumptions};

/// What the summary is drawn from; everything is computed before, nothing here reads a clock.
#[derive(Debug, Clone, Copy)]
pub struct SummaryInput<'a> {
    pub project: &'a Project,
    pub figures: &'a Figures,
    pub lang: Lang,
    pub tornado: &'a [TornadoBar],
    /// How far each driver of the tornado moves (0.2 = ±20 %).
    pub tornado_width: Decimal,
    /// Each driver moved alone from −50 % to +50 %.
    pub spider: &'a [SpiderLine],
    /// A Monte Carlo run over the project's ranges, when it has some.
    pub monte_carlo: Option<&'a MonteCarlo>,
    /// The project month the review is held in, for overdue measurements; `None` without a
    /// start date.
    pub as_of: Option<i64>,
    /// The scenario applied to the figures, if any.
    pub scenario: Option<&'a str>,
    /// The sliders the figures were computed under (a scenario's, or none).
    pub drivers: crate::domain::Drivers,
}

impl SummaryInput<'_> {
    fn money(&self, amount: Amount) -> String {
        self.lang.money(amount, self.project.project.currency())
    }

    fn t(&self, text: impl crate::i18n::Localized) -> String {
        self.lang.t(text).to_owned()
    }
}

/// The whole executive summary.
pub fn executive_summary(input: &SummaryInput) -> Document {
    let mut blocks = Vec::new();
    // A scenario changes every figure below: it must not be read as the base case.
    if let Some(name) = input.scenario {
        let lang = input.lang;
        let text =
            format!("{}{}{name} — {}", lang.t(R::ScenarioUsed), lang.colon(), lang.t(R::ScenarioNotBase));
        blocks.push(Block::Emphasis(text));
    }
    situation(input, &mut blocks);
    impact(input, &mut blocks);
    action(input, &mut blocks);
    assumptions(input, &mut blocks);
    how_computed(input, &mut blocks);
    Document {
        lang: input.lang,
        title: input.project.project.name.clone(),
        subtitle: subtitle(input),
        blocks,
        footer: input.t(Text::ReportFooter),
    }
}

/// "How the headline figures are computed": each headline figure's formula, and the same
/// with the project's values (`roi explain` goes down to the file's values).
fn how_computed(input: &SummaryInput, blocks: &mut Vec<Block>) {
    use crate::domain::explain::explain;
    blocks.push(heading(2, input.t(Text::HowComputed)));
    let figures = ["roi_adjusted_pct", "roi_classic_pct", "npv", "break_even_month", "stress_test"];
    let lines = figures
        .iter()
        .filter_map(|figure| explain(input.project, &input.drivers, figure, None))
        .map(|tree| {
            let explained = super::explain::Explained::new(&tree, input.project, "", "", input.lang);
            let mut line = format!("{} = {}", explained.label(&tree), explained.number(&tree));
            if let Some(formula) = explained.formula(&tree) {
                line.push_str(&format!(" — {formula}"));
            }
            // The NPV's sum has a term a month: its formula says enough.
            if let Some(values) = explained.substituted(&tree).filter(|_| tree.figure != "npv") {
                line.push_str(&format!(" = {values}"));
            }
            line
        })
        .collect();
    blocks.push(Block::Bullets(lines));
}

fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading { level, text: text.into() }
}

fn table(columns: &[(&str, Align)], rows: Vec<Vec<String>>) -> Block {
    Block::Table(Table { columns: columns.iter().map(|(t, a)| ((*t).to_owned(), *a)).collect(), rows })
}

fn subtitle(input: &SummaryInput) -> String {
    let (lang, info) = (input.lang, &input.project.project);
    let c = lang.colon();
    let mut parts = vec![
        format!("{}{c}{}", lang.t(Text::Department), department_name(lang, info.department())),
        format!("{}{c}{}", lang.t(Text::Owner), info.owner.as_deref().unwrap_or(DASH)),
        format!("{}{c}{}", lang.t(Text::Status), status_name(lang, info.status())),
        format!("{}{c}{} {}", lang.t(Text::Horizon), input.figures.horizon, lang.t(Text::Months)),
    ];
    if let (Some(start), Some(month)) = (info.start, input.as_of) {
        parts.push(format!("{}{c}{}", lang.t(R::AsOf), calendar_month(start, month)));
    }
    parts.join(" · ")
}

// ---- Situation ----------------------------------------------------------------------------

fn situation(input: &SummaryInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(heading(2, input.t(R::Situation)));
    blocks.push(heading(3, input.t(R::Problem)));
    let baseline = input.project.baseline.as_ref();
    if let Some((start, end)) = baseline.and_then(|b| b.period_start.zip(b.period_end)) {
        let months = start.months_through(end);
        blocks.push(Block::Paragraph(format!(
            "{}{}{start} – {end} ({months} {})",
            input.t(R::BaselinePeriod),
            lang.colon(),
            lang.t(Text::Months)
        )));
    }
    let metrics = baseline.map(|b| b.metrics.as_slice()).unwrap_or_default();
    if metrics.is_empty() {
        blocks.push(Block::Paragraph(input.t(R::NoBaselineMetrics)));
    } else {
        let rows = metrics
            .iter()
            .map(|m| {
                vec![
                    m.name.clone().unwrap_or_else(|| m.key.clone()),
                    lang.measure(m.value),
                    m.unit.clone().unwrap_or_default(),
                ]
            })
            .collect();
        let (name, value, unit) = (lang.t(Text::Name), lang.t(Text::Value), lang.t(Text::Unit));
        blocks.push(table(&[(name, Align::Left), (value, Align::Right), (unit, Align::Left)], rows));
    }
    expected_benefits(input, blocks);
}

fn expected_benefits(input: &SummaryInput, blocks: &mut Vec<Block>) {
    let (lang, project) = (input.lang, input.project);
    if project.benefits.is_empty() {
        return;
    }
    blocks.push(heading(3, input.t(R::ExpectedBenefits)));
    let rows = project
        .benefits
        .iter()
        .zip(&input.figures.benefit_values)
        .zip(&input.figures.benefit_timings)
        .map(|((line, value), (start, ramp))| {
            // With a scenario, its start and ramp: every figure below is the scenario's.
            vec![
                line.name.clone(),
                input.money(*value),
                lang.number(line.time_factor().fraction(), 2),
                start.to_string(),
                lang.measure(*ramp),
            ]
        })
        .collect();
    let columns = [
        (lang.t(Text::Line), Align::Left),
        (lang.t(Text::MonthlyValue), Align::Right),
        (lang.t(Text::TimeFactorShort), Align::Right),
        (lang.t(Text::StartShort), Align::Right),
        (lang.t(Text::RampShort), Align::Right),
    ];
    blocks.push(table(&columns, rows));
}

// ---- Impact -------------------------------------------------------------------------------

fn impact(input: &SummaryInput, blocks: &mut Vec<Block>) {
    blocks.push(heading(2, input.t(R::ImpactSection)));
    headline_figures(input, blocks);
    stress_verdict(input, blocks);
    if let Some(run) = input.monte_carlo {
        spread(input, run, blocks);
    }
    cash_flow(input, blocks);
    tco_by_category(input, blocks);
    tornado(input, blocks);
    spider(input, blocks);
    kpi_table(input, blocks);
    plan_vs_measured(input, blocks);
    warnings(input, blocks);
    reference(input, blocks);
}

fn headline_figures(input: &SummaryInput, blocks: &mut Vec<Block>) {
    let (lang, figures) = (input.lang, input.figures);
    let flows = &figures.flows;
    blocks.push(heading(3, input.t(R::HeadlineFigures)));
    let mut facts: Vec<(String, String)> = figures
        .checkpoints()
        .iter()
        .filter(|c| c.month < figures.horizon)
        .map(|c| {
            let label = format!("{} {} {}", lang.t(R::RoiAdjustedAt), c.month, lang.t(Text::Months));
            (label, lang.percent(c.roi_adjusted_pct()))
        })
        .collect();
    let total = flows.at_horizon();
    let irr = lang.irr_figure(&figures.irr);
    facts.extend([
        (
            format!("{} ({} {})", lang.t(R::RoiAdjustedHorizon), figures.horizon, lang.t(Text::Months)),
            lang.percent(total.roi_adjusted_pct()),
        ),
        (input.t(Text::RoiClassic), lang.percent(total.roi_classic_pct())),
        (input.t(Text::Npv), input.money(Amount::new(flows.npv))),
        (input.t(Text::Irr), irr),
        (input.t(Text::BreakEven), lang.month(flows.break_even_month)),
        (input.t(Text::BreakEvenClassic), lang.month(flows.break_even_month_classic)),
        (input.t(Text::Tco), input.money(Amount::new(total.tco))),
        (input.t(Text::BenefitsAdjusted), input.money(Amount::new(total.benefits_adjusted))),
        (input.t(Text::RiskProvision), input.money(figures.risk_total)),
    ]);
    blocks.push(Block::Facts(facts));
}

fn stress_verdict(input: &SummaryInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    let stress = &input.figures.stress;
    let verdict = lang.t(if stress.robust { Text::Robust } else { Text::Fragile });
    blocks.push(Block::Emphasis(format!(
        "{}{}{verdict} ({}) — {} {}, {} {}, {} {}",
        lang.t(Text::StressTest),
        lang.colon(),
        lang.t(Text::StressExplain),
        lang.t(Text::RoiAdjusted),
        lang.percent(stress.roi_adjusted_pct),
        lang.t(Text::Npv),
        input.money(stress.npv),
        lang.t(Text::BreakEven),
        lang.month(stress.break_even_month),
    )));
}

fn cash_flow(input: &SummaryInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(heading(3, input.t(R::CashFlow)));
    blocks.push(Block::Chart(Chart::CumulativeCashFlow));
    let valley = input.figures.flows.valley().map_or(input.t(R::NoValley), |low| {
        format!(
            "{}{}{} ({} {}).",
            lang.t(R::ValleySentence),
            lang.colon(),
            input.money(Amount::new(low.cumulative_net)),
            lang.t(Text::MonthShort),
            low.month
        )
    });
    blocks.push(Block::Paragraph(valley));
}

fn spread(input: &SummaryInput, run: &MonteCarlo, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    let draws = run.simulation.map_or(0, |s| s.draws);
    blocks.push(heading(3, input.t(R::Spread)));
    blocks.push(Block::Paragraph(format!(
        "{} {}.",
        lang.number(Decimal::from(draws), 0),
        lang.t(R::SpreadDraws)
    )));
    let mut rows = Vec::new();
    if let Some(roi) = &run.roi_adjusted_pct {
        rows.push(vec![
            input.t(Text::RoiAdjusted),
            lang.percent(Some(Percent::new(roi.p10))),
            lang.percent(Some(Percent::new(roi.p50))),
            lang.percent(Some(Percent::new(roi.p90))),
        ]);
    }
    rows.push(vec![
        input.t(Text::Npv),
        input.money(Amount::new(run.npv.p10)),
        input.money(Amount::new(run.npv.p50)),
        input.money(Amount::new(run.npv.p90)),
    ]);
    let months = &run.break_even_month;
    rows.push(vec![
        input.t(Text::BreakEven),
        lang.month(months.p10),
        lang.month(months.p50),
        lang.month(months.p90),
    ]);
    let columns = [("", Align::Left), ("P10", Align::Right), ("P50", Align::Right), ("P90", Align::Right)];
    blocks.push(table(&columns, rows));
    if let Some(positive) = run.prob_roi_positive {
        blocks.push(Block::Paragraph(format!(
            "{}{}{}",
            lang.t(Text::ProbRoiPositive),
            lang.colon(),
            lang.rate(Rate::new(positive))
        )));
    }
    uncertainty(input, run, blocks);
}

/// What drives the NPV's uncertainty — the inputs by their rank correlation with it, their
/// share of its variance and what knowing them first is worth — and the sentence to act on.
fn uncertainty(input: &SummaryInput, run: &MonteCarlo, blocks: &mut Vec<Block>) {
    use crate::i18n::review::{information_of, uncertain_input_name};
    let lang = input.lang;
    blocks.push(heading(3, input.t(Text::WhatDrivesUncertainty)));
    blocks.push(Block::Chart(Chart::UncertaintyDrivers));
    let rows = run
        .drivers
        .iter()
        .take(UNCERTAIN_INPUTS_SHOWN)
        .map(|d| {
            vec![
                uncertain_input_name(lang, input.project, d.key),
                lang.number(d.rank_correlation, 2),
                lang.rate(Rate::new(d.variance_share)),
                input.money(Amount::new(d.evppi)),
            ]
        })
        .collect();
    let columns = [
        (lang.t(Text::UncertainInput), Align::Left),
        (lang.t(Text::RankCorrelation), Align::Right),
        (lang.t(Text::VarianceShare), Align::Right),
        (lang.t(Text::Evppi), Align::Right),
    ];
    blocks.push(table(&columns, rows));
    blocks.push(Block::Paragraph(information_of(lang, input.project, run)));
}

fn tco_by_category(input: &SummaryInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    let categories = input.figures.cost_by_category(input.project);
    if categories.is_empty() {
        return;
    }
    let total: Amount = categories.iter().map(|(_, amount)| *amount).sum();
    blocks.push(heading(3, input.t(R::TcoSection)));
    blocks.push(Block::Chart(Chart::TcoByCategory));
    let rows = categories
        .iter()
        .map(|(category, amount)| {
            let share = amount.share_of(total).map(Rate::percent);
            vec![category_name(lang, *category).to_owned(), input.money(*amount), lang.percent(share)]
        })
        .collect();
    let columns = [
        (lang.t(Text::Category), Align::Left),
        (lang.t(Text::Total), Align::Right),
        (lang.t(R::Share), Align::Right),
    ];
    blocks.push(table(&columns, rows));
}

fn tornado(input: &SummaryInput, blocks: &mut Vec<Block>) {
    if input.tornado.is_empty() {
        return;
    }
    let lang = input.lang;
    let width = lang.number(Rate::new(input.tornado_width).percent().value(), 0);
    let percent = if lang == Lang::Fr { format!("±{width} %") } else { format!("±{width}%") };
    blocks.push(heading(3, format!("{} ({percent})", lang.t(Text::Tornado))));
    blocks.push(Block::Chart(Chart::Tornado));
    let npv = lang.t(Text::Npv);
    let rows = input
        .tornado
        .iter()
        .take(TORNADO_DRIVERS_SHOWN)
        .map(|bar| {
            vec![
                driver_name(lang, bar.driver).to_owned(),
                input.money(Amount::new(bar.npv_low)),
                input.money(Amount::new(bar.npv_high)),
            ]
        })
        .collect();
    let columns = [
        (lang.t(Text::Driver), Align::Left),
        (&format!("{npv} −"), Align::Right),
        (&format!("{npv} +"), Align::Right),
    ];
    blocks.push(table(&columns.map(|(t, a)| (t as &str, a)), rows));
}

/// The spider's chart, and the NPV and adjusted ROI at both ends of each line that moves the
/// NPV, widest first.
fn spider(input: &SummaryInput, blocks: &mut Vec<Block>) {
    let lines = moving_lines(input.spider);
    if lines.is_empty() {
        return;
    }
    let lang = input.lang;
    blocks.push(heading(3, input.t(Text::SpiderSection)));
    blocks.push(Block::Chart(Chart::Spider));
    let npv_at = |line: &SpiderLine, change_pct| {
        line.at(change_pct).map_or(DASH.to_owned(), |p| input.money(Amount::new(p.npv)))
    };
    let roi_at =
        |line: &SpiderLine, change_pct| lang.percent(line.at(change_pct).and_then(|p| p.roi_adjusted_pct));
    let rows = lines
        .iter()
        .map(|line| {
            let name = driver_name(lang, line.driver).to_owned();
            vec![name, npv_at(line, -50), npv_at(line, 50), roi_at(line, -50), roi_at(line, 50)]
        })
        .collect();
    let at_ends = |figure: &str| [-50, 50].map(|change| format!("{figure} {}", lang.change_pct(change)));
    let [npv_low, npv_high] = at_ends(lang.t(Text::Npv));
    let [roi_low, roi_high] = at_ends(lang.t(Text::RoiAdjusted));
    let columns = [
        (lang.t(Text::Driver), Align::Left),
        (npv_low.as_str(), Align::Right),
        (npv_high.as_str(), Align::Right),
        (roi_low.as_str(), Align::Right),
        (roi_high.as_str(), Align::Right),
    ];
    blocks.push(table(&columns, rows));
}

fn kpi_row(lang: Lang, kpi: &Kpi) -> Vec<String> {
    let number = |value: Option<Decimal>| value.map_or(DASH.to_owned(), |v| lang.measure(v));
    let latest = kpi.latest().map_or(DASH.to_owned(), |m| {
        format!("{} ({} {})", lang.measure(m.value.0), lang.t(Text::MonthShort), m.month)
    });
    vec![
        kpi.name.clone(),
        kpi.unit.clone().unwrap_or_default(),
        number(kpi.baseline),
        number(kpi.target),
        latest,
        kpi_status_name(lang, kpi.status()).to_owned(),
    ]
}

fn kpi_table(input: &SummaryInput, blocks: &mut Vec<Block>) {
    let (lang, kpis) = (input.lang, &input.project.kpis);
    if kpis.is_empty() {
        return;
    }
    blocks.push(heading(3, input.t(R::KpiSection)));
    let columns = [
        (lang.t(Text::Name), Align::Left),
        (lang.t(Text::Unit), Align::Left),
        (lang.t(Text::BaselineShort), Align::Right),
        (lang.t(Text::Target), Align::Right),
        (lang.t(Text::Latest), Align::Right),
        (lang.t(R::KpiStatusColumn), Align::Left),
    ];
    blocks.push(table(&columns, kpis.iter().map(|kpi| kpi_row(lang, kpi)).collect()));
}

fn plan_vs_measured(input: &SummaryInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(heading(3, input.t(R::PlanVsMeasured)));
    let dash = || DASH.to_owned();
    let rows = review::milestones(input.project, input.figures)
        .iter()
        .map(|m| {
            let (measured, plan_then, share) = m.measured.map_or((dash(), dash(), dash()), |measured| {
                let share = measured.share_of_plan_pct();
                (
                    format!("{} ({})", input.money(Amount::new(measured.benefits)), measured.month),
                    input.money(Amount::new(measured.planned_adjusted)),
                    lang.percent(share),
                )
            });
            let (raw, adjusted) =
                (input.money(Amount::new(m.planned_raw)), input.money(Amount::new(m.planned_adjusted)));
            vec![m.milestone.to_string(), raw, adjusted, measured, plan_then, share]
        })
        .collect();
    // The share is against the plan of the measure's own month, shown beside it, so that a
    // reader dividing the two figures finds the same percentage.
    let columns = [
        (lang.t(R::Milestone), Align::Right),
        (lang.t(R::PlannedRaw), Align::Right),
        (lang.t(R::PlannedAdjusted), Align::Right),
        (lang.t(R::MeasuredColumn), Align::Right),
        (lang.t(R::PlannedThen), Align::Right),
        (lang.t(R::OfPlan), Align::Right),
    ];
    blocks.push(table(&columns, rows));
    if input.project.actuals.is_empty() {
        blocks.push(Block::Paragraph(input.t(R::NoActuals)));
    }
}

fn warnings(input: &SummaryInput, blocks: &mut Vec<Block>) {
    blocks.push(heading(3, input.t(Text::Warnings)));
    let warnings = &input.figures.warnings;
    if warnings.is_empty() {
        blocks.push(Block::Paragraph(input.t(Text::NoWarnings)));
    } else {
        blocks.push(Block::Bullets(warnings.iter().map(|w| warning_sentence(input.lang, w)).collect()));
    }
}

/// "a ; b" in French, "a; b" in English.
fn semicolon(lang: Lang) -> &'static str {
    if lang == Lang::Fr { " ; " } else { "; " }
}

fn reference(input: &SummaryInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    let info = &input.project.project;
    let department = info.department();
    blocks.push(heading(3, input.t(Text::Reference)));
    match reference_range(department) {
        Some(range) => blocks.push(Block::Paragraph(reference_sentence(
            input,
            &format!("{} ({})", lang.t(R::ReferenceSentence), department_name(lang, department)),
            range,
            REFERENCE_MONTH,
        ))),
        None => blocks.push(Block::Paragraph(input.t(R::NoReference))),
    }
    let size = size_reference(info.company_size());
    let label = format!("{}, {}", lang.t(R::SizeReferenceSentence), company_size_name(lang, size.size));
    let mut sentence = reference_sentence(input, &label, size.range, size.month);
    // The window is in euros: another currency is not compared with it.
    let currency = info.currency();
    if let Some((low, high)) = size.investment
        && currency == "EUR"
    {
        let investment = Amount::new(input.figures.flows.at(12).tco);
        sentence.push_str(&format!(
            " {} {} – {}{}{} {} {}.",
            lang.t(R::DefinedForInvestment),
            lang.money_whole(low, currency),
            lang.money_whole(high, currency),
            semicolon(lang),
            lang.t(R::ProjectInvests),
            lang.money(investment, currency),
            lang.t(if size.investment_outside(investment) { R::Over12Outside } else { R::Over12Within }),
        ));
    }
    blocks.push(Block::Paragraph(sentence));
}

/// "LABEL: LOW – HIGH at M months; this project at M' months: ROI." — read at the range's
/// month, or at the horizon when the project is shorter.
fn reference_sentence(input: &SummaryInput, label: &str, range: ReferenceRange, month: i64) -> String {
    let lang = input.lang;
    let read_at = month_compared(month, input.figures.horizon);
    let (months, colon) = (lang.t(Text::Months), lang.colon());
    format!(
        "{label}{colon}{} – {} {} {month} {months}{}{} {read_at} {months}{colon}{}.",
        lang.percent(Some(range.low_pct)),
        lang.percent(Some(range.high_pct)),
        lang.t(Text::AtMonth),
        semicolon(lang),
        lang.t(R::ProjectAt),
        lang.percent(input.figures.flows.at(read_at).roi_adjusted_pct()),
    )
}
