//! Sensitivity drivers (DOMAIN.md §2.8): the what-if knobs, and a scenario as saved in a file.
//!
//! A driver multiplies, shifts or replaces an input without touching the saved base values.
//! Every field is optional; an absent field is neutral, so `Drivers::default()` reproduces the
//! base figures exactly. The engine reads drivers only through the accessors here.

use super::number;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Drivers {
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub benefits: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub costs: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub risk: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay_months: Option<i64>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub ramp: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub maturity_factor: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub adoption: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub hourly_cost: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub volume: Option<Decimal>,
    #[serde(default, with = "number::option", skip_serializing_if = "Option::is_none")]
    pub discount_rate: Option<Decimal>,
}

/// The name of one driver, as in DOMAIN.md §2.8 and the JSON report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Driver {
    Benefits,
    Costs,
    Risk,
    DelayMonths,
    Ramp,
    Adoption,
    HourlyCost,
    Volume,
    DiscountRate,
    MaturityFactor,
}

impl Driver {
    pub const ALL: [Driver; 10] = [
        Driver::Benefits,
        Driver::Costs,
        Driver::Risk,
        Driver::DelayMonths,
        Driver::Ramp,
        Driver::Adoption,
        Driver::HourlyCost,
        Driver::Volume,
        Driver::DiscountRate,
        Driver::MaturityFactor,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Driver::Benefits => "benefits",
            Driver::Costs => "costs",
            Driver::Risk => "risk",
            Driver::DelayMonths => "delay_months",
            Driver::Ramp => "ramp",
            Driver::Adoption => "adoption",
            Driver::HourlyCost => "hourly_cost",
            Driver::Volume => "volume",
            Driver::DiscountRate => "discount_rate",
            Driver::MaturityFactor => "maturity_factor",
        }
    }

    /// The range a slider may take: (min, max).
    pub fn bounds(self) -> (Decimal, Decimal) {
        match self {
            Driver::DelayMonths => (Decimal::from(-12), Decimal::from(24)),
            Driver::Adoption | Driver::MaturityFactor | Driver::DiscountRate => (Decimal::ZERO, Decimal::ONE),
            _ => (Decimal::ZERO, Decimal::from(3)),
        }
    }

    /// One slider step.
    pub fn step(self) -> Decimal {
        match self {
            Driver::DelayMonths => Decimal::ONE,
            Driver::DiscountRate => Decimal::new(1, 2),
            _ => Decimal::new(5, 2),
        }
    }

    /// Replacing drivers (maturity factor, discount rate) have no neutral number of their own.
    pub fn replaces(self) -> bool {
        matches!(self, Driver::MaturityFactor | Driver::DiscountRate)
    }
}

impl fmt::Display for Driver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Driver {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        Driver::ALL.into_iter().find(|d| d.key() == text).ok_or_else(|| {
            let keys: Vec<&str> = Driver::ALL.iter().map(|d| d.key()).collect();
            format!("unknown driver `{text}`, expected one of {}", keys.join(", "))
        })
    }
}

/// The scenarios a new project starts with: a prudent, a realistic and an optimistic view,
/// in the spirit of the ×2/÷2 rule and the POC-to-production haircut of DOMAIN.md §5.
pub fn presets() -> indexmap::IndexMap<String, Drivers> {
    let preset = |benefits, costs, delay_months| Drivers {
        benefits: Some(benefits),
        costs: Some(costs),
        delay_months: Some(delay_months),
        ..Drivers::default()
    };
    indexmap::IndexMap::from([
        ("pessimiste".to_owned(), preset(Decimal::new(6, 1), Decimal::new(13, 1), 3)),
        ("réaliste".to_owned(), preset(Decimal::new(85, 2), Decimal::new(11, 1), 1)),
        ("optimiste".to_owned(), preset(Decimal::new(11, 1), Decimal::ONE, 0)),
    ])
}

impl Drivers {
    pub fn is_neutral(&self) -> bool {
        *self == Drivers::default()
    }

    pub fn benefits(&self) -> Decimal {
        self.benefits.unwrap_or(Decimal::ONE)
    }
    pub fn costs(&self) -> Decimal {
        self.costs.unwrap_or(Decimal::ONE)
    }
    pub fn risk(&self) -> Decimal {
        self.risk.unwrap_or(Decimal::ONE)
    }
    pub fn delay_months(&self) -> i64 {
        self.delay_months.unwrap_or(0)
    }
    pub fn ramp(&self) -> Decimal {
        self.ramp.unwrap_or(Decimal::ONE)
    }
    pub fn adoption(&self) -> Decimal {
        self.adoption.unwrap_or(Decimal::ONE)
    }
    pub fn hourly_cost(&self) -> Decimal {
        self.hourly_cost.unwrap_or(Decimal::ONE)
    }
    pub fn volume(&self) -> Decimal {
        self.volume.unwrap_or(Decimal::ONE)
    }

    /// The value a driver has in these drivers, or `None` when it is left neutral.
    pub fn get(&self, driver: Driver) -> Option<Decimal> {
        match driver {
            Driver::Benefits => self.benefits,
            Driver::Costs => self.costs,
            Driver::Risk => self.risk,
            Driver::DelayMonths => self.delay_months.map(Decimal::from),
            Driver::Ramp => self.ramp,
            Driver::Adoption => self.adoption,
            Driver::HourlyCost => self.hourly_cost,
            Driver::Volume => self.volume,
            Driver::DiscountRate => self.discount_rate,
            Driver::MaturityFactor => self.maturity_factor,
        }
    }

    /// Sets one driver; `None` makes it neutral again. Delays are whole months.
    pub fn set(&mut self, driver: Driver, value: Option<Decimal>) {
        let slot = match driver {
            Driver::DelayMonths => {
                self.delay_months = value.and_then(|v| i64::try_from(v.round()).ok());
                return;
            }
            Driver::Benefits => &mut self.benefits,
            Driver::Costs => &mut self.costs,
            Driver::Risk => &mut self.risk,
            Driver::Ramp => &mut self.ramp,
            Driver::Adoption => &mut self.adoption,
            Driver::HourlyCost => &mut self.hourly_cost,
            Driver::Volume => &mut self.volume,
            Driver::DiscountRate => &mut self.discount_rate,
            Driver::MaturityFactor => &mut self.maturity_factor,
        };
        *slot = value;
    }
}
