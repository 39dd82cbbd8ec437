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
use std::fmt;
use std::str::FromStr;

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

macro_rules! keyed_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $key:literal),+ $(,)? } default $default:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $(#[doc = $key] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The key written in files and JSON reports.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }
        }

        impl Default for $name { fn default() -> Self { $name::$default } }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.key()) }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(text: &str) -> Result<Self, String> {
                Self::ALL.iter().copied().find(|v| v.key() == text).ok_or_else(|| {
                    let keys: Vec<&str> = Self::ALL.iter().map(|v| v.key()).collect();
                    format!("unknown value `{text}`, expected one of {}", keys.join(", "))
                })
            }
        }
    };
}

keyed_enum!(
    /// The department, which selects the reference ROI range.
    Department {
        CustomerService => "customer_service",
        Software => "software",
        Marketing => "marketing",
        Hr => "hr",
        Finance => "finance",
        Operations => "operations",
        Other => "other",
    } default Other
);

keyed_enum!(
    Maturity { Poc => "poc", Scale => "scale", Mature => "mature" } default Mature
);

keyed_enum!(
    Status { Idea => "idea", Poc => "poc", Pilot => "pilot", Deployed => "deployed", Stopped => "stopped" } default Idea
);

keyed_enum!(
    BenefitKind {
        TimeSaving => "time_saving",
        Revenue => "revenue",
        ErrorReduction => "error_reduction",
        Retention => "retention",
        CostReduction => "cost_reduction",
        CostAvoidance => "cost_avoidance",
        Other => "other",
    } default TimeSaving
);

keyed_enum!(
    ValueClass { Productivity => "productivity", Quality => "quality", Innovation => "innovation" } default Productivity
);

keyed_enum!(
    CostCategory {
        Licences => "licences",
        Infrastructure => "infrastructure",
        Integration => "integration",
        Development => "development",
        Training => "training",
        Maintenance => "maintenance",
        Data => "data",
        Governance => "governance",
        ChangeManagement => "change_management",
        QualityReview => "quality_review",
        Other => "other",
    } default Other
);

keyed_enum!(
    Direction { Higher => "higher", Lower => "lower" } default Higher
);

keyed_enum!(
    Dimension {
        Productivity => "productivity",
        Quality => "quality",
        Finance => "finance",
        Technical => "technical",
        Customer => "customer",
        Employee => "employee",
    } default Productivity
);

keyed_enum!(
    Frequency {
        Realtime => "realtime",
        Daily => "daily",
        Weekly => "weekly",
        Monthly => "monthly",
        Quarterly => "quarterly",
        Semiannual => "semiannual",
        Annual => "annual",
    } default Monthly
);

impl BenefitKind {
    /// The inputs this kind values (DOMAIN.md §2.1); the others are ignored. A time saving
    /// also reads `minutes_before` and `minutes_after` when `minutes_saved_per_unit` is absent.
    pub fn inputs(self) -> &'static [&'static str] {
        match self {
            BenefitKind::TimeSaving => &[
                "volume_per_month",
                "minutes_saved_per_unit",
                "minutes_before",
                "minutes_after",
                "hourly_cost",
                "reallocation",
            ],
            BenefitKind::Revenue => &["annual_revenue", "uplift", "margin"],
            BenefitKind::ErrorReduction => &["errors_per_month", "reduction", "cost_per_error"],
            BenefitKind::Retention => &["departures_avoided_per_year", "replacement_cost"],
            BenefitKind::CostReduction | BenefitKind::CostAvoidance | BenefitKind::Other => {
                &["monthly_value", "annual_value"]
            }
        }
    }
}

impl Maturity {
    /// FM of DOMAIN.md §2.2.
    pub fn factor(self) -> Decimal {
        match self {
            Maturity::Poc => dec!(0.25),
            Maturity::Scale => dec!(0.70),
            Maturity::Mature => Decimal::ONE,
        }
    }
}

impl ValueClass {
    /// FT of DOMAIN.md §2.1.
    pub fn time_factor(self) -> Decimal {
        match self {
            ValueClass::Productivity => Decimal::ONE,
            ValueClass::Quality => dec!(0.70),
            ValueClass::Innovation => dec!(0.40),
        }
    }
}

/// A calendar month written `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    /// Months from `self` to `other`, both counted: 2025-09..2025-12 is 4 months.
    pub fn months_through(self, other: YearMonth) -> i64 {
        (i64::from(other.year) - i64::from(self.year)) * 12 + i64::from(other.month) - i64::from(self.month)
            + 1
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for YearMonth {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let invalid = || format!("`{text}` is not a month: write it as \"YYYY-MM\", e.g. \"2026-01\"");
        let (year_text, month_text) = text.split_once('-').ok_or_else(invalid)?;
        let digits = |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
        if !digits(year_text, 4) || !digits(month_text, 2) {
            return Err(invalid());
        }
        let year: i32 = year_text.parse().map_err(|_| invalid())?;
        let month: u32 = month_text.parse().map_err(|_| invalid())?;
        if !(1..=12).contains(&month) {
            return Err(invalid());
        }
        Ok(Self { year, month })
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
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
