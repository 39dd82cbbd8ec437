//! The JSON report of DOMAIN.md §8. Its keys are a public interface: scripts and an
//! independent implementation read them. Money and percentages are JSON numbers rounded to 2
//! decimals (halves away from zero), `null` where undefined.

use crate::domain::Project;
use crate::domain::engine::{Cumulative, Figures};
use crate::domain::money::round;
use crate::domain::montecarlo::{MonteCarlo, Percentiles, Shape};
use crate::domain::review;
use crate::domain::sensitivity::TornadoBar;
use crate::i18n::review::reason_sentence;
use crate::i18n::{Lang, warning_sentence};
use rust_decimal::Decimal;
use serde_json::{Map, Number, Value, json};

/// A decimal as an exact JSON number, rounded for export.
pub fn number(value: Decimal) -> Value {
    let text = round(value).to_string();
    text.parse::<Number>().map_or(Value::Null, Value::Number)
}

/// A decimal as an exact JSON number, unrounded (a driver value found by goal seek).
pub fn number_exact(value: Decimal) -> Value {
    value.normalize().to_string().parse::<Number>().map_or(Value::Null, Value::Number)
}

/// A decimal rounded for export, `null` where the figure is undefined.
pub fn optional(value: Option<Decimal>) -> Value {
    value.map_or(Value::Null, number)
}

fn cumulative(figures: &Cumulative) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert("tco".into(), number(figures.tco));
    map.insert("benefits_raw".into(), number(figures.benefits_raw));
    map.insert("benefits_adjusted".into(), number(figures.benefits_adjusted));
    map.insert("risk_provision".into(), number(figures.risk_provision));
    map.insert("roi_classic_pct".into(), optional(figures.roi_classic_pct()));
    map.insert("roi_adjusted_pct".into(), optional(figures.roi_adjusted_pct()));
    map
}

/// A probability (0..=1) rounded to 4 decimals.
fn probability(value: Decimal) -> Value {
    let text = value
        .round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string();
    text.parse::<Number>().map_or(Value::Null, Value::Number)
}

fn percentiles(p: &Percentiles<Decimal>) -> Value {
    json!({ "p10": number(p.p10), "p50": number(p.p50), "p90": number(p.p90) })
}

/// The tornado: each driver ±width alone, largest NPV swing first.
pub fn tornado(bars: &[TornadoBar]) -> Value {
    bars.iter()
        .map(|bar| {
            json!({
                "driver": bar.driver.key(),
                "npv_low": number(bar.npv_low),
                "npv_high": number(bar.npv_high),
                "roi_adjusted_pct_low": optional(bar.roi_adjusted_pct_low),
                "roi_adjusted_pct_high": optional(bar.roi_adjusted_pct_high),
            })
        })
        .collect()
}

/// A Monte Carlo run's percentiles and probabilities.
pub fn monte_carlo(run: &MonteCarlo) -> Value {
    let simulation = run.simulation.unwrap_or_default();
    let by: Map<String, Value> =
        run.prob_break_even_by.iter().map(|(month, p)| (month.to_string(), probability(*p))).collect();
    let months = &run.break_even_month;
    json!({
        "draws": simulation.draws,
        "seed": simulation.seed,
        "distribution": match simulation.shape { Shape::Triangular => "triangular", Shape::Pert => "pert" },
        "roi_adjusted_pct": run.roi_adjusted_pct.as_ref().map_or(Value::Null, percentiles),
        "npv": percentiles(&run.npv),
        "break_even_month": { "p10": months.p10, "p50": months.p50, "p90": months.p90 },
        "prob_roi_positive": run.prob_roi_positive.map_or(Value::Null, probability),
        "prob_break_even_by": by,
    })
}

/// The report as a JSON value, with the tornado and, when given, a Monte Carlo run.
pub fn report_with(
    project: &Project,
    figures: &Figures,
    lang: Lang,
    bars: &[TornadoBar],
    run: Option<&MonteCarlo>,
) -> Value {
    let mut value = report(project, figures, lang);
    if let Some(object) = value.as_object_mut() {
        object.insert("kpis".into(), kpis(project));
        object.insert("review".into(), review(project, figures, lang));
        object.insert("tornado".into(), tornado(bars));
        if let Some(run) = run {
            object.insert("monte_carlo".into(), monte_carlo(run));
        }
    }
    value
}

/// Every KPI with its measurements, latest value and status (DOMAIN.md §3).
pub fn kpis(project: &Project) -> Value {
    let kpis: Vec<Value> = project
        .kpis
        .iter()
        .map(|kpi| {
            let measurements: Vec<Value> = kpi
                .measurements
                .iter()
                .map(|m| json!({ "month": m.month, "value": number_exact(m.value.0) }))
                .collect();
            json!({
                "key": kpi.key,
                "name": kpi.name,
                "dimension": kpi.dimension.map(|d| d.key()),
                "unit": kpi.unit,
                "direction": kpi.direction.unwrap_or_default().key(),
                "baseline": kpi.baseline.map_or(Value::Null, number_exact),
                "target": kpi.target.map_or(Value::Null, number_exact),
                "frequency": kpi.frequency.unwrap_or_default().key(),
                "decision": kpi.decision,
                "vanity": kpi.is_vanity(),
                "status": kpi.status().key(),
                "measurements": measurements,
            })
        })
        .collect();
    Value::Array(kpis)
}

/// The proposed decision with its reasons (sentences in `lang`), and plan against measured
/// benefits at the milestones.
pub fn review(project: &Project, figures: &Figures, lang: Lang) -> Value {
    let decision = review::propose(project, figures);
    let reasons: Vec<String> = decision.reasons.iter().map(|r| reason_sentence(lang, r)).collect();
    let milestones: Vec<Value> = review::milestones(project, figures)
        .iter()
        .map(|m| {
            let measured = m.measured.map_or(Value::Null, |measured| {
                json!({
                    "month": measured.month,
                    "benefits": number(measured.benefits),
                    "planned_adjusted": number(measured.planned_adjusted),
                    "share_of_plan_pct": optional(measured.share_of_plan_pct()),
                })
            });
            json!({
                "month": m.milestone,
                "planned_raw": number(m.planned_raw),
                "planned_adjusted": number(m.planned_adjusted),
                "measured": measured,
            })
        })
        .collect();
    json!({ "decision": decision.verdict.key(), "reasons": reasons, "milestones": milestones })
}

/// The report as a JSON value.
pub fn report(project: &Project, figures: &Figures, lang: Lang) -> Value {
    let flows = &figures.flows;
    let mut totals = cumulative(&flows.at_horizon());
    totals.insert("risk_provision".into(), number(figures.risk_total));
    totals.insert("npv".into(), number(flows.npv));
    totals.insert("break_even_month".into(), json!(flows.break_even_month));
    totals.insert("break_even_month_classic".into(), json!(flows.break_even_month_classic));
    totals.insert("irr_annual_pct".into(), optional(figures.irr_annual.map(|r| r * Decimal::ONE_HUNDRED)));

    let at_month: Map<String, Value> =
        figures.checkpoints().iter().map(|c| (c.month.to_string(), Value::Object(cumulative(c)))).collect();
    let monthly: Vec<Value> = flows
        .monthly
        .iter()
        .map(|m| {
            json!({
                "month": m.month,
                "benefits_raw": number(m.benefits_raw),
                "benefits_adjusted": number(m.benefits_adjusted),
                "costs": number(m.costs),
                "risk": number(m.risk),
                "net": number(m.net),
                "cumulative_net": number(m.cumulative_net),
            })
        })
        .collect();
    let warnings: Vec<String> = figures.warnings.iter().map(|w| warning_sentence(lang, w)).collect();
    json!({
        "name": project.project.name,
        "horizon_months": figures.horizon,
        "maturity_factor": number(figures.maturity_factor),
        "totals": totals,
        "at_month": at_month,
        "stress_test": {
            "roi_adjusted_pct": optional(figures.stress.roi_adjusted_pct),
            "npv": number(figures.stress.npv),
            "break_even_month": figures.stress.break_even_month,
            "robust": figures.stress.robust,
        },
        "monthly": monthly,
        "quadrant": figures.quadrant.map(|q| q.key()),
        "warnings": warnings,
    })
}

/// Pretty-printed JSON text.
pub fn to_text(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
}
