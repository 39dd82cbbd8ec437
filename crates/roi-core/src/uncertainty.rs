//! Ranges instead of guesses: the `{ low, likely, high }` a file may give for any amount,
//! quantity or rate of a benefit, cost or risk line, and the default range a line without
//! one gets from its `confidence`.
//!
//! A line keeps the `likely` value in its own field (so every deterministic figure uses it)
//! and its ranges inside it, by field: a range moves, is copied and is deleted with its line.
//! Months are not ranged.

use super::project::{Benefit, Cost, Project, Risk};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How sure the user is of a line's figures; sets the width of the default range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    #[default]
    Medium,
    High,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Confidence::Low, Confidence::Medium, Confidence::High];

    /// ±30 % when unsure, ±15 % by default, ±5 % for a measured or quoted figure.
    pub fn width(self) -> Decimal {
        match self {
            Confidence::Low => dec!(0.30),
            Confidence::Medium => dec!(0.15),
            Confidence::High => dec!(0.05),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// The lists of lines that carry ranged values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LineList {
    Benefits,
    Costs,
    Risks,
}

impl LineList {
    pub fn key(self) -> &'static str {
        match self {
            LineList::Benefits => "benefits",
            LineList::Costs => "costs",
            LineList::Risks => "risks",
        }
    }
}

/// Which value of which line of a project being drawn: `benefits[0].hourly_cost`. Only for
/// the draws of one run over one project; what a user keeps lives in the line itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RangeKey {
    pub list: LineList,
    pub index: usize,
    pub field: &'static str,
}

/// The low and high ends around a line's likely value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub low: Decimal,
    pub high: Decimal,
}

impl Range {
    /// Whether `likely` lies within the range, ends included.
    pub fn holds(&self, likely: Decimal) -> bool {
        self.low <= likely && likely <= self.high
    }
}

/// The ranges of one line's values, by field.
pub type LineRanges = BTreeMap<&'static str, Range>;

/// Fractions stay within 0..=1 whatever their range.
pub fn is_fraction(field: &str) -> bool {
    crate::schema::benefit_input(field).is_some_and(|input| input.measure == crate::schema::Measure::Fraction)
        || matches!(field, crate::schema::TIME_FACTOR | "probability")
}

/// What a benefit, cost or risk line says of its own figures: where they come from, how sure
/// they are, and the ranges of its values.
pub trait LineFacts {
    fn source(&self) -> Option<&str>;
    /// The confidence the file gives, if it gives one.
    fn given_confidence(&self) -> Option<Confidence>;
    fn ranges(&self) -> &LineRanges;
    fn ranges_mut(&mut self) -> &mut LineRanges;

    /// The confidence that sets the default ranges: the given one, else medium.
    fn confidence(&self) -> Confidence {
        self.given_confidence().unwrap_or_default()
    }
}

macro_rules! line_facts {
    ($($line:ty),+) => {$(
        impl LineFacts for $line {
            fn source(&self) -> Option<&str> {
                self.source.as_deref()
            }
            fn given_confidence(&self) -> Option<Confidence> {
                self.confidence
            }
            fn ranges(&self) -> &LineRanges {
                &self.ranges
            }
            fn ranges_mut(&mut self) -> &mut LineRanges {
                &mut self.ranges
            }
        }
    )+};
}

line_facts!(Benefit, Cost, Risk);

/// A benefit, cost or risk line: the values that may be ranged.
pub trait UncertainLine: LineFacts {
    /// The rangeable values this line gives, with their keys (an array: a Monte Carlo draw
    /// sets every drawn value through it, and must not allocate for that).
    fn amounts_mut(&mut self) -> impl IntoIterator<Item = (&'static str, Option<&mut Decimal>)>;
}

impl UncertainLine for Benefit {
    fn amounts_mut(&mut self) -> impl IntoIterator<Item = (&'static str, Option<&mut Decimal>)> {
        self.rangeable_mut()
    }
}

impl UncertainLine for Cost {
    fn amounts_mut(&mut self) -> impl IntoIterator<Item = (&'static str, Option<&mut Decimal>)> {
        [("one_off", self.one_off.as_mut()), ("monthly", self.monthly.as_mut())]
    }
}

impl UncertainLine for Risk {
    fn amounts_mut(&mut self) -> impl IntoIterator<Item = (&'static str, Option<&mut Decimal>)> {
        [("cost", Some(&mut self.cost)), ("probability", Some(&mut self.probability))]
    }
}

/// One uncertain value of a project: where it is, and its low, likely and high values.
#[derive(Debug, Clone, PartialEq)]
pub struct Uncertain {
    pub key: RangeKey,
    pub low: Decimal,
    pub likely: Decimal,
    pub high: Decimal,
    /// Written in the file, rather than derived from the line's confidence.
    pub explicit: bool,
}

impl Project {
    /// Every value a Monte Carlo run draws: the file's ranges, and a range of the line's
    /// confidence around every other amount, quantity or rate the lines give.
    pub fn uncertain_values(&self) -> Vec<Uncertain> {
        let mut work = self.clone();
        let mut values = Vec::new();
        collect_uncertain(LineList::Benefits, &mut work.benefits, &mut values);
        collect_uncertain(LineList::Costs, &mut work.costs, &mut values);
        collect_uncertain(LineList::Risks, &mut work.risks, &mut values);
        values
    }

    /// How many ranges the lines give: an edit that lowers it removed one.
    pub fn range_count(&self) -> usize {
        let count = |ranges: &LineRanges| ranges.len();
        self.benefits.iter().map(|l| count(&l.ranges)).sum::<usize>()
            + self.costs.iter().map(|l| count(&l.ranges)).sum::<usize>()
            + self.risks.iter().map(|l| count(&l.ranges)).sum::<usize>()
    }

    /// Sets one ranged value (a Monte Carlo draw); unknown keys are ignored.
    pub fn set_amount(&mut self, key: RangeKey, value: Decimal) {
        let slot = match key.list {
            LineList::Benefits => {
                self.benefits.get_mut(key.index).and_then(|l| find(l.amounts_mut(), key.field))
            }
            LineList::Costs => self.costs.get_mut(key.index).and_then(|l| find(l.amounts_mut(), key.field)),
            LineList::Risks => self.risks.get_mut(key.index).and_then(|l| find(l.amounts_mut(), key.field)),
        };
        if let Some(slot) = slot {
            *slot = value;
        }
    }
}

fn collect_uncertain<L: UncertainLine>(list: LineList, lines: &mut [L], values: &mut Vec<Uncertain>) {
    for (index, line) in lines.iter_mut().enumerate() {
        let width = line.confidence().width();
        let ranges = line.ranges().clone();
        for (field, likely) in line.amounts_mut() {
            let Some(likely) = likely.map(|v| *v) else { continue };
            let explicit = ranges.get(field);
            let key = RangeKey { list, index, field };
            let (low, high) = explicit.map_or_else(
                || (likely - likely.abs() * width, likely + likely.abs() * width),
                |range| (range.low, range.high),
            );
            let ceiling = if is_fraction(field) { Decimal::ONE } else { Decimal::MAX };
            values.push(Uncertain {
                key,
                low: low.max(Decimal::ZERO),
                likely,
                high: high.min(ceiling),
                explicit: explicit.is_some(),
            });
        }
    }
}

fn find<'a>(
    amounts: impl IntoIterator<Item = (&'static str, Option<&'a mut Decimal>)>,
    field: &str,
) -> Option<&'a mut Decimal> {
    amounts.into_iter().find(|(key, _)| *key == field).and_then(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::BenefitKind;

    #[test]
    fn default_ranges_follow_confidence() {
        let mut project = Project::named("P");
        project.costs.push(Cost {
            monthly: Some(dec!(1000)),
            confidence: Some(Confidence::Low),
            ..Cost::default()
        });
        project.risks.push(Risk { cost: dec!(100), probability: dec!(0.95), ..Risk::default() });
        let values = project.uncertain_values();
        let monthly = values.iter().find(|v| v.key.field == "monthly").unwrap();
        assert_eq!((monthly.low, monthly.likely, monthly.high), (dec!(700), dec!(1000), dec!(1300)));
        let probability = values.iter().find(|v| v.key.field == "probability").unwrap();
        assert_eq!(probability.high, Decimal::ONE, "a probability never exceeds 1");
    }

    #[test]
    fn explicit_ranges_win_and_amounts_can_be_set() {
        let mut project = Project::named("P");
        project.benefits.push(Benefit {
            kind: BenefitKind::Other,
            monthly_value: Some(dec!(50)),
            ..Benefit::default()
        });
        let key = RangeKey { list: LineList::Benefits, index: 0, field: "monthly_value" };
        project.benefits[0].ranges.insert("monthly_value", Range { low: dec!(10), high: dec!(90) });
        let value = project.uncertain_values().into_iter().find(|v| v.key == key).unwrap();
        assert!(value.explicit);
        assert_eq!((value.low, value.high), (dec!(10), dec!(90)));
        project.set_amount(key, dec!(77));
        assert_eq!(project.benefits[0].monthly_value, Some(dec!(77)));
    }
}
