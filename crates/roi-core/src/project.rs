//! The project model: one AI use case, exactly as a schema-1 project file holds it.
//!
//! Types here mirror DOMAIN.md §7 key for key. Unknown keys are refused by serde
//! (`deny_unknown_fields`) so a typo can never silently drop a cost. Optional inputs stay
//! `Option` so that saving writes back only what the user wrote; defaults are resolved by the
//! accessors below, in one place. Range checks live in `validate`.

use super::drivers::Drivers;
use super::identity::LineId;
use super::money::Rate;
use super::number::{self, Exact};
use super::uncertainty::{Confidence, LineRanges};
use indexmap::IndexMap;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::{Deserialize, Serialize};

mod choices;
mod year_month;

pub use choices::{
    BenefitKind, CompanySize, CostCategory, Department, Dimension, Direction, Frequency, Maturity, Status,
    ValueClass,
};
pub use year_month::YearMonth;

/// The only schema this version reads and writes.
pub const SCHEMA: i64 = 1;
/// At most this many KPIs per project (DOMAIN.md §3).
pub const MAX_KPIS: usize = 18;
pub const DEFAULT_HORIZON: i64 = 36;
pub const DEFAULT_CURRENCY: &str = "EUR";
pub const DEFAULT_DISCOUNT_RATE: Decimal = dec!(0.10);

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub schema: i64,
    pub project: ProjectInfo,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub benefits: Vec<Benefit>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub costs: Vec<Cost>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Risk>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<Kpi>,
    /// Benefits measured since the start, recorded at each review; the plan is in the lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actuals: Vec<Actual>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub scenarios: IndexMap<String, Drivers>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectInfo {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Department>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_size: Option<CompanySize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<YearMonth>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon_months: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maturity: Option<Maturity>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub maturity_factor: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub discount_rate: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub contingency: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feasibility: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
}

impl ProjectInfo {
    /// A new project: a name, and every other value at its default.
    pub fn named(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            department: None,
            company_size: None,
            owner: None,
            currency: None,
            start: None,
            horizon_months: None,
            maturity: None,
            maturity_factor: None,
            discount_rate: None,
            contingency: None,
            impact: None,
            feasibility: None,
            status: None,
        }
    }

    // The defaults of DOMAIN.md §7, resolved here and nowhere else. Fields stay `Option` so
    // that saving writes back only what the user wrote.

    pub fn department(&self) -> Department {
        self.department.unwrap_or_default()
    }

    /// A PME unless told otherwise: the workbench is made for them.
    pub fn company_size(&self) -> CompanySize {
        self.company_size.unwrap_or_default()
    }

    pub fn currency(&self) -> &str {
        self.currency.as_deref().unwrap_or(DEFAULT_CURRENCY)
    }

    pub fn horizon_months(&self) -> i64 {
        self.horizon_months.unwrap_or(DEFAULT_HORIZON)
    }

    pub fn maturity(&self) -> Maturity {
        self.maturity.unwrap_or_default()
    }

    /// FM: `maturity_factor` when set, else the named maturity's factor.
    pub fn maturity_factor(&self) -> Rate {
        Rate::new(self.maturity_factor.unwrap_or_else(|| self.maturity().factor()))
    }

    pub fn discount_rate(&self) -> Rate {
        Rate::new(self.discount_rate.unwrap_or(DEFAULT_DISCOUNT_RATE))
    }

    pub fn contingency(&self) -> Rate {
        Rate::new(self.contingency.unwrap_or_default())
    }

    pub fn status(&self) -> Status {
        self.status.unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<YearMonth>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<YearMonth>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<BaselineMetric>,
}

impl Baseline {
    /// Length of the measured period in months, both ends counted.
    pub fn period_months(&self) -> Option<i64> {
        Some(self.period_start?.months_through(self.period_end?))
    }
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineMetric {
    /// Who this line is, whatever its position (see `identity`); never written.
    #[serde(skip)]
    pub id: LineId,
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(with = "number")]
    pub value: Decimal,
}

/// One benefit line. Each kind reads its own inputs (DOMAIN.md §2.1); the others are ignored.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Benefit {
    /// Who this line is, whatever its position (see `identity`); never written.
    #[serde(skip)]
    pub id: LineId,
    /// `{ low, likely, high }` ranges of this line's values, by field; the likely value is
    /// in the field itself. Read and written by the store (see `uncertainty`).
    #[serde(skip)]
    pub ranges: LineRanges,
    pub name: String,
    pub kind: BenefitKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_class: Option<ValueClass>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub time_factor: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_month: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ramp_months: Option<i64>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub volume_per_month: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub minutes_saved_per_unit: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub minutes_before: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub minutes_after: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub hourly_cost: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub reallocation: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub annual_revenue: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub uplift: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub margin: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub errors_per_month: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub reduction: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub cost_per_error: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub departures_avoided_per_year: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub replacement_cost: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub monthly_value: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub annual_value: Option<Decimal>,
    /// Where the figures come from ("devis éditeur", "mesure POC mars 2026").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// How sure the figures are; sets the default range of a Monte Carlo run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

impl Benefit {
    pub fn start_month(&self) -> i64 {
        self.start_month.unwrap_or(1)
    }

    pub fn ramp_months(&self) -> i64 {
        self.ramp_months.unwrap_or(0)
    }

    /// FT: `time_factor` when set, else the value class's factor.
    pub fn time_factor(&self) -> Rate {
        Rate::new(self.time_factor.unwrap_or_else(|| self.value_class.unwrap_or_default().time_factor()))
    }

    /// Minutes saved per unit: given directly, or as before − after.
    pub fn minutes_saved(&self) -> Option<Decimal> {
        self.minutes_saved_per_unit.or_else(|| Some(self.minutes_before? - self.minutes_after?))
    }
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Cost {
    /// Who this line is, whatever its position (see `identity`); never written.
    #[serde(skip)]
    pub id: LineId,
    /// `{ low, likely, high }` ranges of this line's values, by field; the likely value is
    /// in the field itself. Read and written by the store (see `uncertainty`).
    #[serde(skip)]
    pub ranges: LineRanges,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<CostCategory>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub one_off: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_off_month: Option<i64>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub monthly: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_month: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_month: Option<i64>,
    /// Where the figures come from ("devis éditeur", "mesure POC mars 2026").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// How sure the figures are; sets the default range of a Monte Carlo run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

impl Cost {
    pub fn category(&self) -> CostCategory {
        self.category.unwrap_or_default()
    }

    pub fn one_off_month(&self) -> i64 {
        self.one_off_month.unwrap_or(1)
    }

    pub fn start_month(&self) -> i64 {
        self.start_month.unwrap_or(1)
    }

    pub fn end_month(&self, horizon: i64) -> i64 {
        self.end_month.unwrap_or(horizon)
    }
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// Who this line is, whatever its position (see `identity`); never written.
    #[serde(skip)]
    pub id: LineId,
    /// `{ low, likely, high }` ranges of this line's values, by field; the likely value is
    /// in the field itself. Read and written by the store (see `uncertainty`).
    #[serde(skip)]
    pub ranges: LineRanges,
    pub name: String,
    #[serde(with = "number")]
    pub cost: Decimal,
    #[serde(with = "number")]
    pub probability: Decimal,
    /// Where the figures come from ("devis éditeur", "mesure POC mars 2026").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// How sure the figures are; sets the default range of a Monte Carlo run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    /// Who this line is, whatever its position (see `identity`); never written.
    #[serde(skip)]
    pub id: LineId,
    pub key: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<Dimension>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub target: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Frequency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measurements: Vec<Measurement>,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    pub month: i64,
    pub value: Exact,
}

/// What the project really brought by the end of `month`, counted from the start: the benefits
/// measured (cumulative, in the project's currency), set against the plan at the milestones.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Actual {
    pub month: i64,
    #[serde(with = "number")]
    pub benefits: Decimal,
}

impl Project {
    /// A new, valid project: defaults of DOMAIN.md §7, nothing else.
    pub fn named(name: &str) -> Self {
        Self {
            schema: SCHEMA,
            project: ProjectInfo::named(name),
            baseline: None,
            benefits: Vec::new(),
            costs: Vec::new(),
            risks: Vec::new(),
            kpis: Vec::new(),
            actuals: Vec::new(),
            scenarios: IndexMap::new(),
        }
    }

    pub fn horizon(&self) -> i64 {
        self.project.horizon_months()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baseline_period_counts_both_ends() {
        let start: YearMonth = "2025-09".parse().unwrap();
        let end: YearMonth = "2025-12".parse().unwrap();
        assert_eq!(start.months_through(end), 4);
        assert_eq!(start.months_through(start), 1);
    }

    #[test]
    fn months_must_look_like_yyyy_mm() {
        assert!("2026-13".parse::<YearMonth>().is_err());
        assert!("26-01".parse::<YearMonth>().is_err());
        assert!("janvier".parse::<YearMonth>().is_err());
        assert!("2026-1".parse::<YearMonth>().is_err(), "two digits for the month");
        assert!("+2026-01".parse::<YearMonth>().is_err());
        assert_eq!("2026-01".parse::<YearMonth>(), Ok(YearMonth { year: 2026, month: 1 }));
    }

    #[test]
    fn minutes_saved_falls_back_to_before_minus_after() {
        let line =
            Benefit { minutes_before: Some(dec!(45)), minutes_after: Some(dec!(15)), ..Benefit::default() };
        assert_eq!(line.minutes_saved(), Some(dec!(30)));
    }
}
