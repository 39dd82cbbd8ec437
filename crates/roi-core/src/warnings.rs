//! What a careful reviewer would point out about a project (DOMAIN.md §1–§5).
//!
//! Warnings are data; their sentences live in the i18n catalogue.

use super::discount::{Irr, NoIrr};
use super::engine::Flows;
use super::money::{Percent, Rate};
use super::project::{BenefitKind, CostCategory, Department, Project};
use super::reference::{REFERENCE_MONTH, ReferenceRange, month_compared, reference_range};
use super::review::Measured;
use super::schema::missing_inputs;

/// The baseline should cover at least this many months.
pub const MIN_BASELINE_MONTHS: i64 = 3;

/// Categories whose absence usually means a hidden cost (DOMAIN.md §2.3).
pub const HIDDEN_COST_CATEGORIES: [CostCategory; 4] = [
    CostCategory::Training,
    CostCategory::Maintenance,
    CostCategory::Integration,
    CostCategory::ChangeManagement,
];

#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    BaselineMissing,
    BaselineShort {
        months: i64,
    },
    NoBaselineMetric,
    HiddenCostsEmpty {
        categories: Vec<CostCategory>,
    },
    NoContingency,
    /// A KPI that drives no decision, by the name it is shown under.
    KpiWithoutDecision {
        name: String,
    },
    RoiUndefined,
    RoiFarFromReference {
        department: Department,
        roi_pct: Percent,
        range: ReferenceRange,
        month: i64,
    },
    MissingInput {
        benefit: String,
        input: &'static str,
    },
    /// Benefits measured by `month` cannot be set against a plan that small (a factor of
    /// 1e-28): their share of plan is undefined rather than a figure made up.
    ShareOfPlanUndefined {
        month: i64,
    },
    /// The net cash flow changes sign several times and several rates bring the NPV to zero:
    /// no one of them is the IRR.
    SeveralIrrs {
        rates: Vec<Rate>,
    },
    /// No IRR, and why.
    NoIrr {
        why: NoIrr,
    },
    /// A revenue line without `margin` counts the whole revenue as gain (margin 1).
    MarginAssumedWhole {
        benefit: String,
    },
}

/// What the IRR's absence or plurality needs said.
pub fn irr_warning(irr: &Irr) -> Option<Warning> {
    match irr {
        Irr::Unique(_) => None,
        Irr::Several(rates) => {
            Some(Warning::SeveralIrrs { rates: rates.iter().copied().map(Rate::new).collect() })
        }
        Irr::None(why) => Some(Warning::NoIrr { why: *why }),
    }
}

pub fn warnings_for(project: &Project, flows: &Flows) -> Vec<Warning> {
    let mut warnings = baseline_warnings(project);
    for line in &project.benefits {
        for input in missing_inputs(line) {
            warnings.push(Warning::MissingInput { benefit: line.name.clone(), input: input.key });
        }
        if line.kind == BenefitKind::Revenue && line.margin.is_none() {
            warnings.push(Warning::MarginAssumedWhole { benefit: line.name.clone() });
        }
    }
    let empty = empty_hidden_cost_categories(project);
    if !empty.is_empty() {
        warnings.push(Warning::HiddenCostsEmpty { categories: empty });
    }
    if project.project.contingency().fraction().is_zero() {
        warnings.push(Warning::NoContingency);
    }
    warnings.extend(
        project
            .kpis
            .iter()
            .filter(|k| k.is_vanity())
            .map(|k| Warning::KpiWithoutDecision { name: k.name.clone() }),
    );
    warnings.extend(roi_warning(project, flows));
    warnings.extend(undefined_shares(project, flows));
    warnings
}

/// The measured benefits whose share of a non-zero plan cannot be represented.
fn undefined_shares(project: &Project, flows: &Flows) -> Vec<Warning> {
    project
        .actuals
        .iter()
        .filter(|a| a.month >= 1 && a.month <= project.horizon())
        .map(|a| Measured {
            month: a.month,
            benefits: a.benefits,
            planned_adjusted: flows.at(a.month).benefits_adjusted,
        })
        .filter(|m| !m.planned_adjusted.is_zero() && m.share_of_plan_pct().is_none())
        .map(|m| Warning::ShareOfPlanUndefined { month: m.month })
        .collect()
}

fn baseline_warnings(project: &Project) -> Vec<Warning> {
    let mut warnings = Vec::new();
    match project.baseline.as_ref().and_then(|b| b.period_months()) {
        None => warnings.push(Warning::BaselineMissing),
        Some(months) if months < MIN_BASELINE_MONTHS => warnings.push(Warning::BaselineShort { months }),
        Some(_) => {}
    }
    let has_metric = project.baseline.as_ref().is_some_and(|b| !b.metrics.is_empty());
    if !project.benefits.is_empty() && !has_metric {
        warnings.push(Warning::NoBaselineMetric);
    }
    warnings
}

pub fn empty_hidden_cost_categories(project: &Project) -> Vec<CostCategory> {
    HIDDEN_COST_CATEGORIES
        .into_iter()
        .filter(|category| !project.costs.iter().any(|c| c.category() == *category))
        .collect()
}

fn roi_warning(project: &Project, flows: &Flows) -> Option<Warning> {
    let Some(roi) = flows.at_horizon().roi_adjusted_pct() else {
        return Some(Warning::RoiUndefined);
    };
    let department = project.project.department();
    let range = reference_range(department)?;
    let month = month_compared(REFERENCE_MONTH, project.horizon());
    let roi_pct = flows.at(month).roi_adjusted_pct().unwrap_or(roi);
    range.is_far_outside(roi_pct).then_some(Warning::RoiFarFromReference {
        department,
        roi_pct,
        range,
        month,
    })
}
