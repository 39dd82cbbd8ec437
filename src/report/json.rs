//! The JSON report of DOMAIN.md §8. Its keys are a public interface: scripts and an
//! independent implementation read them, so the report is a tree of typed structs whose
//! fields are the keys — the compiler checks them. Money and percentages are JSON numbers
//! rounded to 2 decimals (halves away from zero), `null` where undefined.

use crate::domain::Project;
use crate::domain::engine::{Cumulative, Figures};
use crate::domain::money::{AsDecimal, round};
use crate::domain::montecarlo::{MonteCarlo, Percentiles, Sampling, Shape};
use crate::domain::review;
use crate::domain::sensitivity::TornadoBar;
use crate::domain::whatif::SpiderLine;
use crate::i18n::review::reason_sentence;
use crate::i18n::{Lang, warning_sentence};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use serde_json::ser::{Formatter, PrettyFormatter};
use serde_json::{Number, Value};

/// A decimal as an exact JSON number, rounded for export.
pub fn number(value: impl AsDecimal) -> Value {
    exact_number(round(value.as_decimal())).map_or(Value::Null, Value::Number)
}

/// A decimal as an exact JSON number, unrounded (a driver value found by goal seek).
pub fn number_exact(value: Decimal) -> Value {
    exact_number(value).map_or(Value::Null, Value::Number)
}

/// A decimal rounded for export, `null` where the figure is undefined.
pub fn optional(value: Option<impl AsDecimal>) -> Value {
    value.map_or(Value::Null, number)
}

fn exact_number(value: Decimal) -> Option<Number> {
    value.normalize().to_string().parse::<Number>().ok()
}

/// An amount or percentage, rounded to the cent when written; `null` when undefined.
#[derive(Debug, Clone, Copy)]
struct Cents(Option<Decimal>);

impl Serialize for Cents {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.map(round).and_then(exact_number).serialize(serializer)
    }
}

fn cents(value: impl AsDecimal) -> Cents {
    Cents(Some(value.as_decimal()))
}

impl Cents {
    fn of(value: Option<impl AsDecimal>) -> Self {
        Cents(value.map(AsDecimal::as_decimal))
    }
}

/// A value as written (a KPI's), not rounded.
#[derive(Debug, Clone, Copy)]
struct Exact(Option<Decimal>);

impl Serialize for Exact {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.and_then(exact_number).serialize(serializer)
    }
}

/// A probability (0..=1) rounded to 4 decimals.
#[derive(Debug, Clone, Copy)]
struct Probability(Option<Decimal>);

impl Serialize for Probability {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let rounded =
            self.0.map(|p| p.round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero));
        rounded.and_then(exact_number).serialize(serializer)
    }
}

/// Entries written as a JSON object, in their order.
#[derive(Debug, Clone)]
struct Ordered<T>(Vec<(String, T)>);

impl<T: Serialize> Serialize for Ordered<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, value)))
    }
}

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Report {
    name: String,
    horizon_months: i64,
    maturity_factor: Cents,
    totals: Totals,
    at_month: Ordered<Checkpoint>,
    stress_test: StressTest,
    monthly: Vec<Month>,
    quadrant: Option<&'static str>,
    warnings: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kpis: Option<Vec<KpiReport>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    review: Option<Review>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tornado: Option<Vec<Bar>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    spider: Option<Vec<SpiderJson>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    monte_carlo: Option<Simulation>,
}

/// The cumulative figures at a month (a checkpoint).
#[derive(Debug, Clone, Serialize)]
struct Checkpoint {
    tco: Cents,
    benefits_raw: Cents,
    benefits_adjusted: Cents,
    risk_provision: Cents,
    roi_classic_pct: Cents,
    roi_adjusted_pct: Cents,
}

impl Checkpoint {
    fn of(figures: &Cumulative) -> Self {
        Self {
            tco: cents(figures.tco),
            benefits_raw: cents(figures.benefits_raw),
            benefits_adjusted: cents(figures.benefits_adjusted),
            risk_provision: cents(figures.risk_provision),
            roi_classic_pct: Cents::of(figures.roi_classic_pct()),
            roi_adjusted_pct: Cents::of(figures.roi_adjusted_pct()),
        }
    }
}

/// The figures at the horizon, with the whole project's NPV, break-even and IRR.
#[derive(Debug, Serialize)]
struct Totals {
    #[serde(flatten)]
    at_horizon: Checkpoint,
    npv: Cents,
    break_even_month: Option<i64>,
    break_even_month_classic: Option<i64>,
    irr_annual_pct: Cents,
    /// Every rate that brings the NPV to zero, lowest first: one (the IRR), several (and
    /// `irr_annual_pct` is null), or none.
    irr_roots_annual_pct: Vec<Cents>,
}

#[derive(Debug, Serialize)]
struct StressTest {
    roi_adjusted_pct: Cents,
    npv: Cents,
    break_even_month: Option<i64>,
    robust: bool,
}

#[derive(Debug, Serialize)]
struct Month {
    month: i64,
    benefits_raw: Cents,
    benefits_adjusted: Cents,
    costs: Cents,
    risk: Cents,
    net: Cents,
    cumulative_net: Cents,
}

#[derive(Debug, Serialize)]
struct KpiReport {
    key: String,
    name: String,
    dimension: Option<&'static str>,
    unit: Option<String>,
    direction: &'static str,
    baseline: Exact,
    target: Exact,
    frequency: &'static str,
    decision: Option<String>,
    vanity: bool,
    status: &'static str,
    measurements: Vec<Measured>,
}

#[derive(Debug, Serialize)]
struct Measured {
    month: i64,
    value: Exact,
}

#[derive(Debug, Serialize)]
struct Review {
    decision: &'static str,
    reasons: Vec<String>,
    milestones: Vec<Milestone>,
}

#[derive(Debug, Serialize)]
struct Milestone {
    month: i64,
    planned_raw: Cents,
    planned_adjusted: Cents,
    measured: Option<MeasuredBenefits>,
}

#[derive(Debug, Serialize)]
struct MeasuredBenefits {
    month: i64,
    benefits: Cents,
    planned_adjusted: Cents,
    share_of_plan_pct: Cents,
}

/// A tornado bar: one driver ±width alone.
/// One driver of the spider: its points from −50 % to +50 %.
#[derive(Debug, Serialize)]
struct SpiderJson {
    driver: &'static str,
    points: Vec<SpiderPointJson>,
}

#[derive(Debug, Serialize)]
struct SpiderPointJson {
    change_pct: i64,
    npv: Cents,
    roi_adjusted_pct: Cents,
}

fn spider(lines: &[SpiderLine]) -> Vec<SpiderJson> {
    lines
        .iter()
        .map(|line| SpiderJson {
            driver: line.driver.key(),
            points: line
                .points
                .iter()
                .map(|p| SpiderPointJson {
                    change_pct: p.change_pct,
                    npv: cents(p.npv),
                    roi_adjusted_pct: Cents::of(p.roi_adjusted_pct),
                })
                .collect(),
        })
        .collect()
}

#[derive(Debug, Serialize)]
struct Bar {
    driver: &'static str,
    npv_low: Cents,
    npv_high: Cents,
    roi_adjusted_pct_low: Cents,
    roi_adjusted_pct_high: Cents,
}

#[derive(Debug, Serialize)]
struct Simulation {
    draws: usize,
    seed: u64,
    distribution: &'static str,
    sampling: &'static str,
    roi_adjusted_pct: Option<Spread<Cents>>,
    npv: Spread<Cents>,
    break_even_month: Spread<Option<i64>>,
    prob_roi_positive: Probability,
    prob_break_even_by: Ordered<Probability>,
    /// Each uncertain input's weight in the NPV's uncertainty, largest first.
    drivers: Vec<InputDriverJson>,
    /// What knowing every input exactly before deciding would be worth.
    evpi: Cents,
}

#[derive(Debug, Serialize)]
struct InputDriverJson {
    input: &'static str,
    line: String,
    rank_correlation: Probability,
    variance_share: Probability,
    evppi: Cents,
}

#[derive(Debug, Serialize)]
struct Spread<T> {
    p10: T,
    p50: T,
    p90: T,
}

fn spread(p: &Percentiles<Decimal>) -> Spread<Cents> {
    Spread { p10: cents(p.p10), p50: cents(p.p50), p90: cents(p.p90) }
}

fn tornado(bars: &[TornadoBar]) -> Vec<Bar> {
    bars.iter()
        .map(|bar| Bar {
            driver: bar.driver.key(),
            npv_low: cents(bar.npv_low),
            npv_high: cents(bar.npv_high),
            roi_adjusted_pct_low: Cents::of(bar.roi_adjusted_pct_low),
            roi_adjusted_pct_high: Cents::of(bar.roi_adjusted_pct_high),
        })
        .collect()
}

fn monte_carlo(run: &MonteCarlo) -> Simulation {
    let simulation = run.simulation.unwrap_or_default();
    let months = &run.break_even_month;
    Simulation {
        draws: simulation.draws,
        seed: simulation.seed,
        distribution: match simulation.shape {
            Shape::Triangular => "triangular",
            Shape::Pert => "pert",
        },
        sampling: match simulation.sampling {
            Sampling::Random => "random",
            Sampling::LatinHypercube => "lhs",
        },
        roi_adjusted_pct: run.roi_adjusted_pct.as_ref().map(spread),
        npv: spread(&run.npv),
        break_even_month: Spread { p10: months.p10, p50: months.p50, p90: months.p90 },
        prob_roi_positive: Probability(run.prob_roi_positive),
        prob_break_even_by: Ordered(
            run.prob_break_even_by
                .iter()
                .map(|(month, p)| (month.to_string(), Probability(Some(*p))))
                .collect(),
        ),
        drivers: run
            .drivers
            .iter()
            .map(|d| InputDriverJson {
                input: d.key.field,
                line: format!("{}[{}]", d.key.list.key(), d.key.index),
                rank_correlation: Probability(Some(d.rank_correlation)),
                variance_share: Probability(Some(d.variance_share)),
                evppi: cents(d.evppi),
            })
            .collect(),
        evpi: cents(run.evpi),
    }
}

/// The report with the KPIs, the review, the tornado and, when given, a Monte Carlo run.
pub fn report_with(
    project: &Project,
    figures: &Figures,
    lang: Lang,
    (bars, spider_lines): (&[TornadoBar], &[SpiderLine]),
    run: Option<&MonteCarlo>,
) -> Report {
    Report {
        kpis: Some(kpis(project)),
        review: Some(review(project, figures, lang)),
        tornado: Some(tornado(bars)),
        spider: Some(spider(spider_lines)),
        monte_carlo: run.map(monte_carlo),
        ..report(project, figures, lang)
    }
}

/// Every KPI with its measurements, latest value and status (DOMAIN.md §3).
fn kpis(project: &Project) -> Vec<KpiReport> {
    project
        .kpis
        .iter()
        .map(|kpi| KpiReport {
            key: kpi.key.clone(),
            name: kpi.name.clone(),
            dimension: kpi.dimension.map(|d| d.key()),
            unit: kpi.unit.clone(),
            direction: kpi.direction.unwrap_or_default().key(),
            baseline: Exact(kpi.baseline),
            target: Exact(kpi.target),
            frequency: kpi.frequency.unwrap_or_default().key(),
            decision: kpi.decision.clone(),
            vanity: kpi.is_vanity(),
            status: kpi.status().key(),
            measurements: kpi
                .measurements
                .iter()
                .map(|m| Measured { month: m.month, value: Exact(Some(m.value.0)) })
                .collect(),
        })
        .collect()
}

/// The proposed decision with its reasons (sentences in `lang`), and plan against measured
/// benefits at the milestones.
fn review(project: &Project, figures: &Figures, lang: Lang) -> Review {
    let decision = review::propose(project, figures);
    let milestones = review::milestones(project, figures)
        .iter()
        .map(|m| Milestone {
            month: m.milestone,
            planned_raw: cents(m.planned_raw),
            planned_adjusted: cents(m.planned_adjusted),
            measured: m.measured.map(|measured| MeasuredBenefits {
                month: measured.month,
                benefits: cents(measured.benefits),
                planned_adjusted: cents(measured.planned_adjusted),
                share_of_plan_pct: Cents::of(measured.share_of_plan_pct()),
            }),
        })
        .collect();
    Review {
        decision: decision.verdict.key(),
        reasons: decision.reasons.iter().map(|r| reason_sentence(lang, r)).collect(),
        milestones,
    }
}

/// The report's figures (DOMAIN.md §8), without the KPIs, review, tornado and simulation.
pub fn report(project: &Project, figures: &Figures, lang: Lang) -> Report {
    let flows = &figures.flows;
    let totals = Totals {
        at_horizon: Checkpoint {
            risk_provision: cents(figures.risk_total),
            ..Checkpoint::of(&flows.at_horizon())
        },
        npv: cents(flows.npv),
        break_even_month: flows.break_even_month,
        break_even_month_classic: flows.break_even_month_classic,
        irr_annual_pct: Cents(figures.irr_annual.map(|r| r.percent().value())),
        irr_roots_annual_pct: figures
            .irr
            .roots()
            .into_iter()
            .map(|root| Cents(Some(crate::domain::money::Rate::new(root).percent().value())))
            .collect(),
    };
    let monthly = flows
        .monthly
        .iter()
        .map(|m| Month {
            month: m.month,
            benefits_raw: cents(m.benefits_raw),
            benefits_adjusted: cents(m.benefits_adjusted),
            costs: cents(m.costs),
            risk: cents(m.risk),
            net: cents(m.net),
            cumulative_net: cents(m.cumulative_net),
        })
        .collect();
    Report {
        name: project.project.name.clone(),
        horizon_months: figures.horizon,
        maturity_factor: cents(figures.maturity_factor),
        totals,
        at_month: Ordered(
            figures.checkpoints().iter().map(|c| (c.month.to_string(), Checkpoint::of(c))).collect(),
        ),
        stress_test: StressTest {
            roi_adjusted_pct: Cents::of(figures.stress.roi_adjusted_pct),
            npv: cents(figures.stress.npv),
            break_even_month: figures.stress.break_even_month,
            robust: figures.stress.robust,
        },
        monthly,
        quadrant: figures.quadrant.map(|q| q.key()),
        warnings: figures.warnings.iter().map(|w| warning_sentence(lang, w)).collect(),
        kpis: None,
        review: None,
        tornado: None,
        spider: None,
        monte_carlo: None,
    }
}

/// Pretty-printed JSON text.
pub fn to_text(value: &impl Serialize) -> String {
    let mut bytes = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, Inert(PrettyFormatter::new()));
    if value.serialize(&mut serializer).is_err() {
        return String::new();
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// serde_json's pretty output, with the characters JSON lets through raw but a terminal or an
/// editor would act on — DEL, the C1 controls, the bidirectional overrides and isolates —
/// written as `\uXXXX` escapes: still JSON, read back as the same text, and inert on screen.
struct Inert(PrettyFormatter<'static>);

impl Formatter for Inert {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some(at) = rest.find(super::escape::is_control) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}
