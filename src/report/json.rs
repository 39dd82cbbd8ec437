//! The JSON report of DOMAIN.md §8. Its keys are a public interface: scripts and an
//! independent implementation read them. Money and percentages are JSON numbers rounded to 2
//! decimals (halves away from zero), `null` where undefined.

use crate::domain::Project;
use crate::domain::engine::{Cumulative, Figures};
use crate::domain::money::round;
use crate::i18n::{Lang, warning_sentence};
use rust_decimal::Decimal;
use serde_json::{Map, Number, Value, json};

/// A decimal as an exact JSON number, rounded for export.
pub fn number(value: Decimal) -> Value {
    let text = round(value).to_string();
    text.parse::<Number>().map_or(Value::Null, Value::Number)
}

fn optional(value: Option<Decimal>) -> Value {
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

/// The report as pretty-printed JSON text.
pub fn render(project: &Project, figures: &Figures, lang: Lang) -> String {
    let value = report(project, figures, lang);
    serde_json::to_string_pretty(&value).unwrap_or_else(|_| value.to_string())
}
