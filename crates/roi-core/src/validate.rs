//! What a project may hold beyond its types: ranges, months within the horizon, limits.
//!
//! Each problem names the field by its path in the file (`costs[1].monthly`), says what is
//! wrong and how to fix it. The store turns paths into line and column; the TUI shows the
//! same problems inline when an edit is refused.

use super::drivers::Drivers;
use super::project::{Actual, Benefit, Cost, Kpi, MAX_KPIS, Project, SCHEMA, YearMonth};
use crate::schema::{BENEFIT_INPUTS, BenefitInput, LARGEST_AMOUNT, Measure};
use rust_decimal::Decimal;
use std::fmt;

/// One step of a path into the file: a key or an index in an array of tables.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// Where a value sits in the file, e.g. `costs[1].monthly`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct FieldPath(pub Vec<Segment>);

impl FieldPath {
    pub fn key(&self, key: &str) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Key(key.to_owned()));
        Self(segments)
    }

    pub fn index(&self, index: usize) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Index(index));
        Self(segments)
    }

    /// Parses `costs[1].monthly` or `project.owner`.
    pub fn parse(text: &str) -> Option<Self> {
        let mut path = Self::default();
        for part in text.split('.') {
            let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
            if key.is_empty() || (part.contains('[') && rest.is_empty()) {
                return None;
            }
            path = path.key(key);
            while !rest.is_empty() {
                let (index, tail) = rest.split_once(']')?;
                path = path.index(index.parse().ok()?);
                rest = tail.strip_prefix('[').unwrap_or(tail);
                if !tail.is_empty() && !tail.starts_with('[') {
                    return None;
                }
            }
        }
        (!path.0.is_empty()).then_some(path)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => write!(f, "{key}")?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// A value the file may not hold, and where it is. What it says and how to fix it are put in
/// words, in the reader's language, by `i18n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: FieldPath,
    pub rule: Rule,
}

/// The rule a value breaks, with what the sentence needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// A fraction (rate, factor, probability) outside 0..=1.
    NotAFraction {
        value: Decimal,
    },
    NegativeAmount {
        value: Decimal,
    },
    TooLarge {
        value: Decimal,
        largest: Decimal,
    },
    /// A KPI value beyond ±`largest`.
    MeasureTooLarge {
        value: Decimal,
        largest: Decimal,
    },
    MonthOutsideHorizon {
        month: i64,
        horizon: i64,
    },
    ScoreOutside {
        score: i64,
    },
    SchemaUnsupported {
        schema: i64,
    },
    PeriodEndsBeforeStart {
        start: YearMonth,
        end: YearMonth,
    },
    NoName,
    HorizonOutside {
        horizon: i64,
    },
    RampOutside {
        ramp: i64,
        horizon: i64,
    },
    MinutesAfterAboveBefore {
        after: Decimal,
        before: Decimal,
    },
    CostEndsBeforeStart {
        start: i64,
        end: i64,
    },
    TooManyKpis {
        count: usize,
        max: usize,
    },
    KpiTwice {
        key: String,
    },
    MeasuredBenefitsNegative {
        value: Decimal,
    },
    MeasuredBenefitsFall {
        value: Decimal,
        month: i64,
        earlier: Decimal,
        earlier_month: i64,
    },
    MeasuredBenefitsTwice {
        month: i64,
    },
    MultiplierOutside {
        value: Decimal,
        largest: Decimal,
    },
    DelayBeyond {
        delay: i64,
        longest: i64,
    },
    TooManyEntries {
        count: usize,
        max: usize,
    },
    TextTooLong {
        chars: usize,
        max: usize,
    },
    /// Two inputs for one value (`monthly_value` and `annual_value`; `minutes_saved_per_unit`
    /// and `minutes_before`/`minutes_after`): the engine would count `kept` and ignore `other`.
    TwoValuesForOne {
        kept: &'static str,
        other: &'static str,
    },
}

/// Why a measurement or a measured benefit was not recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// No KPI has that key; these are the keys there are.
    NoSuchKpi { key: String, keys: Vec<String> },
    /// The project would break a rule of the file format.
    Breaks(Problem),
}

/// The first rule `project` breaks, as the reason a change is refused.
pub fn first_problem(project: Project) -> Result<Project, RecordError> {
    match validate(&project).into_iter().next() {
        Some(problem) => Err(RecordError::Breaks(problem)),
        None => Ok(project),
    }
}

/// Every problem of a project, in file order.
pub fn validate(project: &Project) -> Vec<Problem> {
    let mut checker = Checker { problems: Vec::new(), horizon: project.horizon() };
    checker.project(project);
    checker.problems.extend(super::limits::problems(project));
    checker.problems
}

struct Checker {
    problems: Vec<Problem>,
    horizon: i64,
}

/// Upper bounds that keep every product of the engine within `Decimal`'s range, far above
/// any real project (a file's typo of ten zeros is refused rather than overflowing).
const LARGEST_MEASURE: Decimal = Decimal::from_parts(0xA4C6_8000, 0x38D7E, 0, false, 0); // 1e15
const LARGEST_MULTIPLIER: Decimal = Decimal::TEN;
const LONGEST_DELAY: i64 = 120;

/// The largest value of `key`: a benefit input's own, any other amount's [`LARGEST_AMOUNT`].
fn largest_allowed(key: &str) -> Decimal {
    crate::schema::benefit_input(key).map_or(LARGEST_AMOUNT, |input| input.largest)
}

impl Checker {
    fn refuse(&mut self, path: FieldPath, rule: Rule) {
        self.problems.push(Problem { path, rule });
    }

    fn fraction(&mut self, path: FieldPath, value: Option<Decimal>) {
        if let Some(value) = value.filter(|v| *v < Decimal::ZERO || *v > Decimal::ONE) {
            self.refuse(path, Rule::NotAFraction { value });
        }
    }

    fn amount(&mut self, path: FieldPath, value: Option<Decimal>) {
        let Some(value) = value else { return };
        let largest = path.0.last().map_or(LARGEST_AMOUNT, |segment| match segment {
            Segment::Key(key) => largest_allowed(key),
            Segment::Index(_) => LARGEST_AMOUNT,
        });
        if value.is_sign_negative() && !value.is_zero() {
            self.refuse(path, Rule::NegativeAmount { value });
        } else if value > largest {
            self.refuse(path, Rule::TooLarge { value, largest });
        }
    }

    /// A number with no unit (KPI values) within ±LARGEST_MEASURE.
    fn measure(&mut self, path: FieldPath, value: Option<Decimal>) {
        if let Some(value) = value.filter(|v| v.abs() > LARGEST_MEASURE) {
            self.refuse(path, Rule::MeasureTooLarge { value, largest: LARGEST_MEASURE });
        }
    }

    fn month(&mut self, path: FieldPath, month: Option<i64>) {
        if let Some(month) = month.filter(|m| !(1..=self.horizon).contains(m)) {
            self.refuse(path, Rule::MonthOutsideHorizon { month, horizon: self.horizon });
        }
    }

    fn score(&mut self, path: FieldPath, score: Option<i64>) {
        if let Some(score) = score.filter(|s| !(1..=10).contains(s)) {
            self.refuse(path, Rule::ScoreOutside { score });
        }
    }

    fn project(&mut self, project: &Project) {
        let root = FieldPath::default();
        if project.schema != SCHEMA {
            self.refuse(root.key("schema"), Rule::SchemaUnsupported { schema: project.schema });
        }
        self.info(project);
        if let Some(baseline) = &project.baseline
            && let (Some(start), Some(end)) = (baseline.period_start, baseline.period_end)
            && end < start
        {
            self.refuse(root.key("baseline").key("period_end"), Rule::PeriodEndsBeforeStart { start, end });
        }
        for (i, line) in project.benefits.iter().enumerate() {
            self.benefit(root.key("benefits").index(i), line);
        }
        for (i, line) in project.costs.iter().enumerate() {
            self.cost(root.key("costs").index(i), line);
        }
        for (i, risk) in project.risks.iter().enumerate() {
            let path = root.key("risks").index(i);
            self.amount(path.key("cost"), Some(risk.cost));
            self.fraction(path.key("probability"), Some(risk.probability));
        }
        self.kpis(&project.kpis);
        self.actuals(&project.actuals);
        self.ranges(root.key("benefits"), &project.benefits);
        self.ranges(root.key("costs"), &project.costs);
        self.ranges(root.key("risks"), &project.risks);
        for (name, drivers) in &project.scenarios {
            self.scenario(root.key("scenarios").key(name), drivers);
        }
    }

    /// The ends of every range: amounts stay non-negative, fractions within 0..=1.
    fn ranges<L: crate::uncertainty::UncertainLine>(&mut self, list: FieldPath, lines: &[L]) {
        for (i, line) in lines.iter().enumerate() {
            for (field, range) in line.ranges() {
                let path = list.clone().index(i).key(field);
                if crate::uncertainty::is_fraction(field) {
                    self.fraction(path.clone(), Some(range.low));
                    self.fraction(path, Some(range.high));
                } else {
                    self.amount(path, Some(range.low));
                }
            }
        }
    }

    fn info(&mut self, project: &Project) {
        let path = FieldPath::default().key("project");
        let info = &project.project;
        if info.name.trim().is_empty() {
            self.refuse(path.key("name"), Rule::NoName);
        }
        if let Some(horizon) = info.horizon_months.filter(|h| !(6..=120).contains(h)) {
            self.refuse(path.key("horizon_months"), Rule::HorizonOutside { horizon });
        }
        self.fraction(path.key("maturity_factor"), info.maturity_factor);
        self.fraction(path.key("discount_rate"), info.discount_rate);
        self.fraction(path.key("contingency"), info.contingency);
        self.score(path.key("impact"), info.impact);
        self.score(path.key("feasibility"), info.feasibility);
    }

    fn benefit(&mut self, path: FieldPath, line: &Benefit) {
        self.fraction(path.key("time_factor"), line.time_factor);
        self.month(path.key("start_month"), line.start_month);
        if let Some(ramp) = line.ramp_months.filter(|r| !(0..=self.horizon).contains(r)) {
            self.refuse(path.key("ramp_months"), Rule::RampOutside { ramp, horizon: self.horizon });
        }
        // Fractions first, then amounts: the order `roi check` lists a line's problems in.
        let (fractions, amounts): (Vec<&BenefitInput>, Vec<&BenefitInput>) =
            BENEFIT_INPUTS.iter().partition(|input| input.measure == Measure::Fraction);
        for input in fractions {
            self.fraction(path.key(input.key), (input.own)(line));
        }
        for input in amounts {
            self.amount(path.key(input.key), (input.own)(line));
        }
        if let (Some(before), Some(after)) = (line.minutes_before, line.minutes_after)
            && after > before
        {
            self.refuse(
                path.key(crate::schema::MINUTES_AFTER.key),
                Rule::MinutesAfterAboveBefore { after, before },
            );
        }
        // An input given with another way of giving the same value: the first is kept.
        let given_twice = BENEFIT_INPUTS.iter().find_map(|input| {
            let kept = crate::schema::stands_in_for(input)?;
            (kept.is_given(line) && input.is_given(line)).then_some((kept.key, input.key))
        });
        if let Some((kept, other)) = given_twice {
            self.refuse(path.key(other), Rule::TwoValuesForOne { kept, other });
        }
    }

    fn cost(&mut self, path: FieldPath, line: &Cost) {
        self.amount(path.key("one_off"), line.one_off);
        self.amount(path.key("monthly"), line.monthly);
        self.month(path.key("one_off_month"), line.one_off_month);
        self.month(path.key("start_month"), line.start_month);
        self.month(path.key("end_month"), line.end_month);
        // Without an end_month written, a start past the horizon is the one mistake to report.
        if line.end_month.is_some() && line.end_month(self.horizon) < line.start_month() {
            self.refuse(
                path.key("end_month"),
                Rule::CostEndsBeforeStart { start: line.start_month(), end: line.end_month(self.horizon) },
            );
        }
    }

    fn kpis(&mut self, kpis: &[Kpi]) {
        let path = FieldPath::default().key("kpis");
        if kpis.len() > MAX_KPIS {
            self.refuse(path.index(MAX_KPIS), Rule::TooManyKpis { count: kpis.len(), max: MAX_KPIS });
        }
        for (i, kpi) in kpis.iter().enumerate() {
            if kpis[..i].iter().any(|other| other.key == kpi.key) {
                self.refuse(path.index(i).key("key"), Rule::KpiTwice { key: kpi.key.clone() });
            }
            self.measure(path.index(i).key("baseline"), kpi.baseline);
            self.measure(path.index(i).key("target"), kpi.target);
            for (j, measurement) in kpi.measurements.iter().enumerate() {
                let at = path.index(i).key("measurements").index(j);
                self.month(at.key("month"), Some(measurement.month));
                self.measure(at.key("value"), Some(measurement.value.0));
            }
        }
    }

    fn actuals(&mut self, actuals: &[Actual]) {
        let path = FieldPath::default().key("actuals");
        for (i, actual) in actuals.iter().enumerate() {
            self.month(path.index(i).key("month"), Some(actual.month));
            if actual.benefits.is_sign_negative() && !actual.benefits.is_zero() {
                self.refuse(
                    path.index(i).key("benefits"),
                    Rule::MeasuredBenefitsNegative { value: actual.benefits },
                );
            } else {
                self.amount(path.index(i).key("benefits"), Some(actual.benefits));
            }
            let earlier_larger = actuals.iter().filter(|a| a.month < actual.month).max_by_key(|a| a.benefits);
            if let Some(earlier) = earlier_larger.filter(|a| a.benefits > actual.benefits) {
                let rule = Rule::MeasuredBenefitsFall {
                    value: actual.benefits,
                    month: actual.month,
                    earlier: earlier.benefits,
                    earlier_month: earlier.month,
                };
                self.refuse(path.index(i).key("benefits"), rule);
            }
            if actuals[..i].iter().any(|other| other.month == actual.month) {
                self.refuse(path.index(i).key("month"), Rule::MeasuredBenefitsTwice { month: actual.month });
            }
        }
    }

    fn scenario(&mut self, path: FieldPath, drivers: &Drivers) {
        for (key, value) in [
            ("benefits", drivers.benefits),
            ("costs", drivers.costs),
            ("risk", drivers.risk),
            ("ramp", drivers.ramp),
            ("hourly_cost", drivers.hourly_cost),
            ("volume", drivers.volume),
        ] {
            if let Some(value) =
                value.filter(|v| (v.is_sign_negative() && !v.is_zero()) || *v > LARGEST_MULTIPLIER)
            {
                self.refuse(path.key(key), Rule::MultiplierOutside { value, largest: LARGEST_MULTIPLIER });
            }
        }
        if let Some(delay) = drivers.delay_months.filter(|d| d.abs() > LONGEST_DELAY) {
            self.refuse(path.key("delay_months"), Rule::DelayBeyond { delay, longest: LONGEST_DELAY });
        }
        self.fraction(path.key("adoption"), drivers.adoption);
        self.fraction(path.key("maturity_factor"), drivers.maturity_factor);
        self.fraction(path.key("discount_rate"), drivers.discount_rate);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_print_and_parse_alike() {
        for text in ["costs[1].monthly", "project.owner", "kpis[0].measurements[2].month"] {
            assert_eq!(FieldPath::parse(text).map(|p| p.to_string()).as_deref(), Some(text));
        }
        assert_eq!(FieldPath::parse("costs[x]"), None);
        assert_eq!(FieldPath::parse(""), None);
    }

    #[test]
    fn a_new_project_is_valid() {
        assert_eq!(validate(&Project::named("Nouveau")), []);
    }
}
