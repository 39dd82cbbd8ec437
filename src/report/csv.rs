//! Tables as CSV: plain decimals with a dot, money in cents, so a spreadsheet in any locale can
//! import them. One table per export: the monthly flows, the KPIs, or every KPI measurement.
//! A month's amount is the change of the rounded running total (cumulative rounding), so that
//! a column summed in a spreadsheet gives the report's total exactly; months rounded each on
//! their own would not (up to half a cent a month off).

use crate::domain::Project;
use crate::domain::engine::Figures;
use crate::domain::money::round;
use rust_decimal::Decimal;

pub const HEADER: &str = "month,benefits_raw,benefits_adjusted,costs,risk,net,cumulative_net";
pub const KPI_HEADER: &str =
    "key,name,dimension,unit,direction,baseline,target,frequency,latest_month,latest_value,status,decision";
pub const MEASUREMENT_HEADER: &str = "key,month,value";

/// The monthly flows.
pub fn render(figures: &Figures) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    let mut running = [Decimal::ZERO; 5];
    for m in &figures.flows.monthly {
        let parts = [m.benefits_raw, m.benefits_adjusted, m.costs, m.risk, m.net];
        let mut cells: Vec<String> = Vec::with_capacity(6);
        for (sum, part) in running.iter_mut().zip(parts) {
            let before = round(*sum);
            *sum += part;
            cells.push(format!("{:.2}", round(*sum) - before));
        }
        cells.push(cents(m.cumulative_net));
        out.push_str(&format!("{},{}\n", m.month, cells.join(",")));
    }
    out
}

/// One row per KPI: its definition, latest measurement and status.
pub fn kpis(project: &Project) -> String {
    let mut out = String::from(KPI_HEADER);
    out.push('\n');
    for kpi in &project.kpis {
        let latest = kpi.latest();
        let cells = [
            field(&kpi.key),
            field(&kpi.name),
            kpi.dimension.map(|d| d.key()).unwrap_or_default().to_owned(),
            field(kpi.unit.as_deref().unwrap_or_default()),
            kpi.direction.unwrap_or_default().key().to_owned(),
            decimal(kpi.baseline),
            decimal(kpi.target),
            kpi.frequency.unwrap_or_default().key().to_owned(),
            latest.map(|m| m.month.to_string()).unwrap_or_default(),
            decimal(latest.map(|m| m.value.0)),
            kpi.status().key().to_owned(),
            field(kpi.decision.as_deref().unwrap_or_default()),
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// Every measurement of every KPI, one per row, oldest first within a KPI.
pub fn measurements(project: &Project) -> String {
    let mut out = String::from(MEASUREMENT_HEADER);
    out.push('\n');
    for kpi in &project.kpis {
        let mut measurements = kpi.measurements.clone();
        measurements.sort_by_key(|m| m.month);
        for m in measurements {
            out.push_str(&format!("{},{},{}\n", field(&kpi.key), m.month, decimal(Some(m.value.0))));
        }
    }
    out
}

/// An amount rounded to cents, always with two decimals and a dot.
pub fn cents(value: Decimal) -> String {
    format!("{:.2}", round(value))
}

/// An exact decimal as written (a KPI is not money: no rounding), empty when absent.
fn decimal(value: Option<Decimal>) -> String {
    value.map(|v| v.normalize().to_string()).unwrap_or_default()
}

pub use super::escape::csv as field;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue;
    use rust_decimal_macros::dec;

    #[test]
    fn text_cells_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn kpis_and_measurements_tables() {
        let mut project = Project::starter("P", None);
        let adoption =
            project.kpis.iter_mut().find(|k| k.key == "adoption_rate").expect("in the starter pack");
        (adoption.baseline, adoption.target) = (Some(dec!(0)), Some(dec!(70)));
        adoption.decision = Some("Below 40 %, train again, then decide".into());
        let project = project
            .with_measurement("adoption_rate", 6, dec!(72.5))
            .and_then(|p| p.with_measurement("adoption_rate", 3, dec!(40)))
            .expect("valid measurements");
        let table = kpis(&project);
        assert_eq!(table.lines().count(), 1 + catalogue::starter_pack().len());
        let adoption = table.lines().find(|l| l.starts_with("adoption_rate,")).expect("a row");
        assert_eq!(
            adoption,
            "adoption_rate,Taux d'adoption,technical,,higher,0,70,monthly,6,72.5,met,\"Below 40 %, train again, then decide\""
        );
        assert_eq!(measurements(&project), "key,month,value\nadoption_rate,3,40\nadoption_rate,6,72.5\n");
    }
}
