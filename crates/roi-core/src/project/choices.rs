//! The closed lists of a project file (department, company size, maturity, status, benefit kind, value
//! class, cost category, KPI direction, dimension and frequency): each value with the key
//! files and JSON reports write, and the factors the method gives some of them.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

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
    /// The company's size, which selects the reference ROI range by size.
    CompanySize { Pme => "pme", Eti => "eti", Large => "large" } default Pme
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
