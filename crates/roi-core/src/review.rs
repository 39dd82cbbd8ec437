//! The quarterly review: which KPIs are off track and what they call for, which measurements
//! are overdue, the plan against what was measured at the milestones, and the decision the
//! figures propose — scale, continue, pivot or stop — with its reasons.
//!
//! Everything here is a function of the project, its figures and the month of the review; the
//! caller reads the clock.

use super::engine::Figures;
use super::kpi::KpiStatus;
use super::money::{Percent, Rate};
use super::project::{Actual, Frequency, Kpi, Project, YearMonth};
use super::validate::{RecordError, first_problem};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// The measurement points of the method (DOMAIN.md §1): months after the start.
pub const MILESTONES: [i64; 5] = [3, 6, 12, 24, 36];

/// The milestones within a horizon: the method's, then every year after 36 months, so that a
/// 60-month project is still compared with its plan at 48 and 60.
pub fn milestone_months(horizon: i64) -> Vec<i64> {
    let yearly = (4..).map(|year| year * 12);
    MILESTONES.into_iter().chain(yearly).take_while(|&m| m <= horizon).collect()
}

/// Below this share of the plan, measured benefits call the project into question.
const MEASURED_SHORTFALL: Decimal = dec!(0.7);
/// At or above this share of the plan, the measured benefits support scaling.
const MEASURED_ON_PLAN: Decimal = dec!(0.9);
/// Below this share of the plan, measured benefits no longer argue against stopping.
const MEASURED_PROMISING: Decimal = dec!(0.5);

/// The project month a calendar month falls in (month 1 is the start month), when the project
/// has a start.
pub fn project_month(project: &Project, date: YearMonth) -> Option<i64> {
    project.project.start.map(|start| start.months_through(date))
}

/// The calendar month of a project month.
pub fn calendar_month(start: YearMonth, month: i64) -> YearMonth {
    let index = i64::from(start.year) * 12 + i64::from(start.month) - 1 + month - 1;
    YearMonth {
        year: i32::try_from(index.div_euclid(12)).unwrap_or(i32::MAX),
        month: u32::try_from(index.rem_euclid(12) + 1).unwrap_or(1),
    }
}

/// Months between two measurements of a KPI measured at this frequency; a measurement stands
/// for a month, so anything finer than a month is due every month.
pub fn interval_months(frequency: Frequency) -> i64 {
    match frequency {
        Frequency::Realtime | Frequency::Daily | Frequency::Weekly | Frequency::Monthly => 1,
        Frequency::Quarterly => 3,
        Frequency::Semiannual => 6,
        Frequency::Annual => 12,
    }
}

/// The project as known at the end of `month`: KPI measurements and measured benefits of later
/// months left out, so that a review as of a past month is not judged on what came after.
pub fn known_at(project: &Project, month: i64) -> Project {
    let mut known = project.clone();
    for kpi in &mut known.kpis {
        kpi.measurements.retain(|m| m.month <= month);
    }
    known.actuals.retain(|a| a.month <= month);
    known
}

/// A KPI whose next measurement is past due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overdue {
    pub kpi: usize,
    pub last_month: Option<i64>,
    /// The month whose measurement is missing.
    pub due_month: i64,
    /// Whole months since that month ended.
    pub months_late: i64,
}

/// The KPIs whose measurement is overdue in month `now`: the measurement for a month is due
/// once that month is over, so a monthly KPI last measured in month 3 is late in month 5.
pub fn overdue_kpis(project: &Project, now: i64) -> Vec<Overdue> {
    let now = now.min(project.horizon() + 1);
    project
        .kpis
        .iter()
        .enumerate()
        .filter_map(|(index, kpi)| {
            let last_month = kpi.latest().map(|m| m.month);
            let due_month = last_month.unwrap_or(0) + interval_months(kpi.frequency.unwrap_or_default());
            (now > due_month && due_month <= project.horizon()).then_some(Overdue {
                kpi: index,
                last_month,
                due_month,
                months_late: now - due_month,
            })
        })
        .collect()
}

/// A KPI that needs a decision: off track or at risk, with the decision its owner wrote for
/// that case (none: a possible vanity metric).
#[derive(Debug, Clone, PartialEq)]
pub struct KpiAlert {
    pub kpi: usize,
    pub status: KpiStatus,
    pub decision: Option<String>,
}

/// Off-track KPIs first, then those at risk, each in file order.
pub fn kpi_alerts(project: &Project) -> Vec<KpiAlert> {
    let alert = |(index, kpi): (usize, &Kpi)| KpiAlert {
        kpi: index,
        status: kpi.status(),
        decision: (!kpi.is_vanity()).then(|| kpi.decision.clone()).flatten(),
    };
    let with = |status: KpiStatus| project.kpis.iter().enumerate().filter(move |(_, k)| k.status() == status);
    with(KpiStatus::OffTrack).chain(with(KpiStatus::AtRisk)).map(alert).collect()
}

impl Project {
    /// The project with the benefits measured by the end of `month` recorded, replacing that
    /// month's, checked by every rule of the file format.
    pub fn with_actual(&self, month: i64, benefits: Decimal) -> Result<Project, RecordError> {
        let mut project = self.clone();
        project.actuals.retain(|a| a.month != month);
        project.actuals.push(Actual { month, benefits });
        project.actuals.sort_by_key(|a| a.month);
        first_problem(project)
    }
}

/// The plan at a milestone, and the benefits measured closest before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MilestoneReview {
    pub milestone: i64,
    /// Cumulative benefits before and after the factors FM × FT, at the milestone.
    pub planned_raw: Decimal,
    pub planned_adjusted: Decimal,
    pub measured: Option<Measured>,
}

/// Benefits measured from the start to `month`, against the adjusted plan at that same month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measured {
    pub month: i64,
    pub benefits: Decimal,
    pub planned_adjusted: Decimal,
}

impl Measured {
    /// Measured over planned, as a fraction; undefined while the plan is zero, or so close to
    /// zero that the share cannot be represented (a file's factor of 1e-28).
    pub fn share_of_plan(&self) -> Option<Decimal> {
        self.benefits.checked_div(self.planned_adjusted)
    }

    /// The same share in percent, as every report shows it.
    pub fn share_of_plan_pct(&self) -> Option<Percent> {
        Rate::new(self.share_of_plan()?).checked_percent()
    }
}

/// Each milestone within the horizon, with the latest measure of the benefits taken after the
/// previous milestone and by this one — compared with the plan of its own month, so that a
/// review held in month 7 is not held against the plan of month 6.
pub fn milestones(project: &Project, figures: &Figures) -> Vec<MilestoneReview> {
    let horizon = figures.horizon;
    let mut previous = 0;
    milestone_months(horizon)
        .into_iter()
        .map(|milestone| {
            let plan = figures.flows.at(milestone);
            let measured = project
                .actuals
                .iter()
                .filter(|a| a.month > previous && a.month <= milestone)
                .max_by_key(|a| a.month)
                .map(|a| Measured {
                    month: a.month,
                    benefits: a.benefits,
                    planned_adjusted: figures.flows.at(a.month).benefits_adjusted,
                });
            previous = milestone;
            MilestoneReview {
                milestone,
                planned_raw: plan.benefits_raw,
                planned_adjusted: plan.benefits_adjusted,
                measured,
            }
        })
        .collect()
}

/// The latest measure of the benefits, whatever its month.
pub fn latest_actual(project: &Project) -> Option<Actual> {
    project.actuals.iter().copied().max_by_key(|a| a.month)
}

/// The latest measure of the benefits against the plan of its month.
pub fn latest_measured(project: &Project, figures: &Figures) -> Option<Measured> {
    latest_actual(project).map(|a| Measured {
        month: a.month,
        benefits: a.benefits,
        planned_adjusted: figures.flows.at(a.month.min(figures.horizon)).benefits_adjusted,
    })
}

/// What the review proposes to the steering committee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// It pays, survives the stress test and its measurements confirm it: extend it.
    Scale,
    /// Nothing calls for a change yet: keep going and keep measuring.
    Continue,
    /// It could pay, but measurements or figures say the approach must change.
    Pivot,
    /// It does not pay and nothing measured says it will.
    Stop,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [Verdict::Scale, Verdict::Continue, Verdict::Pivot, Verdict::Stop];

    pub fn key(self) -> &'static str {
        match self {
            Verdict::Scale => "scale",
            Verdict::Continue => "continue",
            Verdict::Pivot => "pivot",
            Verdict::Stop => "stop",
        }
    }
}

/// One fact behind a verdict, with the figure that makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// No cost entered: the ROI is undefined.
    NoCosts,
    /// Adjusted ROI at the horizon, in percent.
    RoiPositive(Percent),
    RoiNotPositive(Percent),
    Robust,
    Fragile,
    BreakEven(i64),
    NoBreakEven,
    /// Off-track KPIs out of those measured.
    KpisOffTrack {
        off: usize,
        measured: usize,
    },
    KpisOnTrack {
        on: usize,
        measured: usize,
    },
    NoKpiMeasured,
    /// Measured benefits as a percentage of the plan, at their month.
    MeasuredBelowPlan {
        month: i64,
        pct: Percent,
    },
    MeasuredOnPlan {
        month: i64,
        pct: Percent,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub verdict: Verdict,
    pub reasons: Vec<Reason>,
}

/// The facts the verdict is drawn from.
struct Evidence {
    roi: Option<Percent>,
    robust: bool,
    break_even: Option<i64>,
    measured_kpis: usize,
    off_track: usize,
    on_track: usize,
    /// Measured benefits over plan, with the month of the measure.
    benefits_share: Option<(i64, Decimal)>,
}

impl Evidence {
    fn gather(project: &Project, figures: &Figures) -> Self {
        let statuses: Vec<KpiStatus> = project.kpis.iter().map(Kpi::status).collect();
        let count = |wanted: &[KpiStatus]| statuses.iter().filter(|s| wanted.contains(s)).count();
        Evidence {
            roi: figures.flows.at_horizon().roi_adjusted_pct(),
            robust: figures.stress.robust,
            break_even: figures.flows.break_even_month,
            measured_kpis: statuses.len() - count(&[KpiStatus::NoData]),
            off_track: count(&[KpiStatus::OffTrack]),
            on_track: count(&[KpiStatus::Met, KpiStatus::OnTrack]),
            benefits_share: latest_measured(project, figures)
                .and_then(|m| m.share_of_plan().map(|share| (m.month, share))),
        }
    }

    fn measured_short(&self) -> bool {
        self.benefits_share.is_some_and(|(_, share)| share < MEASURED_SHORTFALL)
    }

    fn most_kpis_off_track(&self) -> bool {
        self.measured_kpis > 0 && self.off_track * 2 >= self.measured_kpis
    }

    fn verdict(&self) -> Verdict {
        let Some(roi) = self.roi else { return Verdict::Continue };
        let pays = roi > Percent::ZERO;
        let nothing_promising =
            self.on_track == 0 && self.benefits_share.is_none_or(|(_, s)| s < MEASURED_PROMISING);
        if !pays && !self.robust && nothing_promising {
            Verdict::Stop
        } else if !pays || self.most_kpis_off_track() || self.measured_short() {
            Verdict::Pivot
        } else if self.robust
            && self.break_even.is_some()
            && self.off_track == 0
            && self.on_track > 0
            && self.benefits_share.is_none_or(|(_, s)| s >= MEASURED_ON_PLAN)
        {
            Verdict::Scale
        } else {
            Verdict::Continue
        }
    }

    fn reasons(&self) -> Vec<Reason> {
        let Some(roi) = self.roi else { return vec![Reason::NoCosts] };
        let mut reasons =
            vec![if roi > Percent::ZERO { Reason::RoiPositive(roi) } else { Reason::RoiNotPositive(roi) }];
        reasons.push(if self.robust { Reason::Robust } else { Reason::Fragile });
        reasons.push(self.break_even.map_or(Reason::NoBreakEven, Reason::BreakEven));
        let measured = self.measured_kpis;
        reasons.push(match (measured, self.off_track) {
            (0, _) => Reason::NoKpiMeasured,
            (_, 0) => Reason::KpisOnTrack { on: self.on_track, measured },
            (_, off) => Reason::KpisOffTrack { off, measured },
        });
        if let Some((month, share)) = self.benefits_share {
            let pct = Rate::new(share).percent();
            reasons.push(if share < MEASURED_ON_PLAN {
                Reason::MeasuredBelowPlan { month, pct }
            } else {
                Reason::MeasuredOnPlan { month, pct }
            });
        }
        reasons
    }
}

/// The decision the figures and the measurements propose (the rules are in the README):
/// - **stop**: the adjusted ROI at the horizon is not positive, the stress test breaks it, no
///   KPI is on track and the benefits measured are below half the plan (or not measured);
/// - **pivot**: otherwise, when the adjusted ROI is not positive, when half the measured KPIs
///   or more are off track, or when the measured benefits are below 70 % of the plan;
/// - **scale**: it pays, survives the stress test, breaks even within the horizon, no KPI is
///   off track, at least one is on track, and measured benefits (if any) reach 90 % of plan;
/// - **continue**: anything else, and a project without costs, whose ROI is undefined.
pub fn propose(project: &Project, figures: &Figures) -> Decision {
    let evidence = Evidence::gather(project, figures);
    Decision { verdict: evidence.verdict(), reasons: evidence.reasons() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Drivers;
    use crate::number::Exact;
    use crate::project::{Benefit, BenefitKind, Cost, Direction, Measurement};
    use crate::validate::Rule;

    fn project(monthly_benefit: Decimal, monthly_cost: Decimal) -> Project {
        let mut project = Project::named("Test");
        project.benefits.push(Benefit {
            name: "gain".into(),
            kind: BenefitKind::CostReduction,
            monthly_value: Some(monthly_benefit),
            ..Benefit::default()
        });
        project.costs.push(Cost { name: "run".into(), monthly: Some(monthly_cost), ..Cost::default() });
        project
    }

    fn kpi(frequency: Frequency, measured: &[(i64, Decimal)]) -> Kpi {
        Kpi {
            key: "k".into(),
            name: "K".into(),
            direction: Some(Direction::Higher),
            baseline: Some(dec!(0)),
            target: Some(dec!(10)),
            frequency: Some(frequency),
            decision: Some("review scope".into()),
            measurements: measured.iter().map(|&(month, v)| Measurement { month, value: Exact(v) }).collect(),
            ..Kpi::default()
        }
    }

    fn decide(project: &Project) -> Decision {
        propose(project, &Figures::compute(project, &Drivers::default()))
    }

    #[test]
    fn project_months_count_the_start_month_as_one() {
        let mut project = Project::named("x");
        project.project.start = Some(YearMonth { year: 2026, month: 1 });
        assert_eq!(project_month(&project, YearMonth { year: 2026, month: 1 }), Some(1));
        assert_eq!(project_month(&project, YearMonth { year: 2027, month: 3 }), Some(15));
        let start = YearMonth { year: 2026, month: 11 };
        assert_eq!(calendar_month(start, 3), YearMonth { year: 2027, month: 1 });
        assert_eq!(calendar_month(start, 1), start);
    }

    #[test]
    fn a_review_as_of_a_month_ignores_what_was_measured_after_it() {
        let mut project = project(dec!(1000), dec!(100));
        project.kpis.push(kpi(Frequency::Monthly, &[(3, dec!(2)), (9, dec!(9))]));
        project.actuals.push(Actual { month: 3, benefits: dec!(2000) });
        project.actuals.push(Actual { month: 9, benefits: dec!(8000) });
        let known = known_at(&project, 6);
        assert_eq!(known.kpis[0].latest().map(|m| m.month), Some(3));
        assert_eq!(known.actuals.iter().map(|a| a.month).collect::<Vec<_>>(), vec![3]);
        assert_eq!(
            (known.benefits.clone(), known.costs.clone()),
            (project.benefits.clone(), project.costs.clone())
        );
    }

    #[test]
    fn a_measurement_is_due_once_its_month_is_over() {
        let mut project = Project::named("x");
        project.kpis.push(kpi(Frequency::Monthly, &[(3, dec!(5))]));
        project.kpis.push(kpi(Frequency::Quarterly, &[(3, dec!(5))]));
        project.kpis.push(kpi(Frequency::Weekly, &[]));
        assert_eq!(overdue_kpis(&project, 4).iter().map(|o| o.kpi).collect::<Vec<_>>(), vec![2]);
        let late = overdue_kpis(&project, 5);
        assert_eq!(late.iter().map(|o| o.kpi).collect::<Vec<_>>(), vec![0, 2]);
        assert_eq!(late[0], Overdue { kpi: 0, last_month: Some(3), due_month: 4, months_late: 1 });
        assert_eq!(late[1].months_late, 4);
        assert_eq!(overdue_kpis(&project, 7).iter().map(|o| o.kpi).collect::<Vec<_>>(), vec![0, 1, 2]);
    }

    #[test]
    fn nothing_is_due_after_the_horizon_ends() {
        let mut project = Project::named("x");
        project.project.horizon_months = Some(6);
        project.kpis.push(kpi(Frequency::Monthly, &[(6, dec!(5))]));
        assert!(overdue_kpis(&project, 40).is_empty());
    }

    #[test]
    fn alerts_list_off_track_before_at_risk_and_carry_the_decision() {
        let mut project = Project::named("x");
        project.kpis.push(kpi(Frequency::Monthly, &[(1, dec!(2))]));
        project.kpis.push(kpi(Frequency::Monthly, &[(1, dec!(0))]));
        project.kpis.push(kpi(Frequency::Monthly, &[(1, dec!(9))]));
        project.kpis[1].decision = None;
        let alerts = kpi_alerts(&project);
        assert_eq!(
            alerts.iter().map(|a| (a.kpi, a.status)).collect::<Vec<_>>(),
            vec![(1, KpiStatus::OffTrack), (0, KpiStatus::AtRisk)]
        );
        assert_eq!(alerts[0].decision, None);
        assert_eq!(alerts[1].decision.as_deref(), Some("review scope"));
    }

    #[test]
    fn milestones_compare_a_measure_with_the_plan_of_its_own_month() {
        let mut project = project(dec!(1000), dec!(100));
        project.actuals.push(Actual { month: 5, benefits: dec!(4000) });
        project.actuals.push(Actual { month: 4, benefits: dec!(1) });
        let figures = Figures::compute(&project, &Drivers::default());
        let reviews = milestones(&project, &figures);
        assert_eq!(reviews.iter().map(|r| r.milestone).collect::<Vec<_>>(), vec![3, 6, 12, 24, 36]);
        assert_eq!(reviews[0].measured, None);
        assert_eq!(reviews[1].planned_adjusted, dec!(6000));
        let measured = reviews[1].measured.expect("a measure in months 4..=6");
        assert_eq!(
            (measured.month, measured.benefits, measured.planned_adjusted),
            (5, dec!(4000), dec!(5000))
        );
        assert_eq!(measured.share_of_plan(), Some(dec!(0.8)));
    }

    #[test]
    fn recording_an_actual_replaces_that_month_and_keeps_the_order() {
        let project = project(dec!(1000), dec!(100));
        let project = project.with_actual(6, dec!(5000)).and_then(|p| p.with_actual(3, dec!(2000)));
        let project = project.and_then(|p| p.with_actual(6, dec!(5500))).expect("valid");
        let months: Vec<(i64, Decimal)> = project.actuals.iter().map(|a| (a.month, a.benefits)).collect();
        assert_eq!(months, vec![(3, dec!(2000)), (6, dec!(5500))]);
        let broken = |result: Result<Project, RecordError>| match result {
            Err(RecordError::Breaks(problem)) => (problem.path.to_string(), problem.rule),
            other => panic!("expected a broken rule, got {other:?}"),
        };
        let (path, rule) = broken(project.with_actual(37, dec!(1)));
        assert_eq!(
            (path.as_str(), rule),
            ("actuals[2].month", Rule::MonthOutsideHorizon { month: 37, horizon: 36 })
        );
        assert!(project.with_actual(3, dec!(-5)).is_err(), "negative benefits");
        let (path, rule) = broken(project.with_actual(9, dec!(5000)));
        assert_eq!(path, "actuals[2].benefits");
        assert!(matches!(rule, Rule::MeasuredBenefitsFall { earlier_month: 6, .. }), "{rule:?}");
    }

    #[test]
    fn long_horizons_get_a_milestone_every_year_after_36_months() {
        assert_eq!(milestone_months(6), [3, 6]);
        assert_eq!(milestone_months(36), [3, 6, 12, 24, 36]);
        assert_eq!(milestone_months(60), [3, 6, 12, 24, 36, 48, 60]);
        assert_eq!(milestone_months(120).last(), Some(&120));
    }

    #[test]
    fn a_short_horizon_has_fewer_milestones() {
        let mut project = project(dec!(1000), dec!(100));
        project.project.horizon_months = Some(12);
        let figures = Figures::compute(&project, &Drivers::default());
        assert_eq!(milestones(&project, &figures).len(), 3);
    }

    #[test]
    fn a_paying_robust_project_with_kpis_on_track_scales() {
        let mut project = project(dec!(1000), dec!(100));
        project.kpis.push(kpi(Frequency::Monthly, &[(3, dec!(8))]));
        let decision = decide(&project);
        assert_eq!(decision.verdict, Verdict::Scale);
        assert!(decision.reasons.contains(&Reason::Robust));
        assert!(decision.reasons.contains(&Reason::KpisOnTrack { on: 1, measured: 1 }));
    }

    #[test]
    fn without_measurements_a_paying_project_continues() {
        let project = project(dec!(1000), dec!(100));
        let decision = decide(&project);
        assert_eq!(decision.verdict, Verdict::Continue);
        assert!(decision.reasons.contains(&Reason::NoKpiMeasured));
    }

    #[test]
    fn benefits_measured_well_below_plan_call_for_a_pivot() {
        let mut project = project(dec!(1000), dec!(100));
        project.kpis.push(kpi(Frequency::Monthly, &[(3, dec!(8))]));
        project.actuals.push(Actual { month: 6, benefits: dec!(3000) });
        let decision = decide(&project);
        assert_eq!(decision.verdict, Verdict::Pivot);
        assert!(
            decision.reasons.contains(&Reason::MeasuredBelowPlan { month: 6, pct: Percent::new(dec!(50)) })
        );
    }

    #[test]
    fn half_the_kpis_off_track_call_for_a_pivot() {
        let mut project = project(dec!(1000), dec!(100));
        project.kpis.push(kpi(Frequency::Monthly, &[(3, dec!(8))]));
        project.kpis.push(kpi(Frequency::Monthly, &[(3, dec!(-1))]));
        assert_eq!(decide(&project).verdict, Verdict::Pivot);
    }

    #[test]
    fn a_project_that_does_not_pay_and_shows_nothing_stops() {
        let mut project = project(dec!(100), dec!(1000));
        project.kpis.push(kpi(Frequency::Monthly, &[(3, dec!(0))]));
        let decision = decide(&project);
        assert_eq!(decision.verdict, Verdict::Stop);
        assert!(matches!(decision.reasons[0], Reason::RoiNotPositive(_)));
        assert!(decision.reasons.contains(&Reason::Fragile));
    }

    #[test]
    fn a_project_that_does_not_pay_but_has_a_kpi_on_track_pivots() {
        let mut project = project(dec!(100), dec!(1000));
        project.kpis.push(kpi(Frequency::Monthly, &[(3, dec!(9))]));
        assert_eq!(decide(&project).verdict, Verdict::Pivot);
    }

    #[test]
    fn without_costs_the_review_cannot_judge_the_roi() {
        let mut project = Project::named("x");
        project.benefits = self::project(dec!(1), dec!(1)).benefits;
        assert_eq!(decide(&project), Decision { verdict: Verdict::Continue, reasons: vec![Reason::NoCosts] });
    }

    #[test]
    fn a_measure_of_the_benefits_replaces_that_of_its_month() {
        let project = project(dec!(1000), dec!(100)).with_actual(6, dec!(3000)).unwrap();
        let project = project.with_actual(3, dec!(900)).unwrap().with_actual(6, dec!(3500)).unwrap();
        let months: Vec<(i64, Decimal)> = project.actuals.iter().map(|a| (a.month, a.benefits)).collect();
        assert_eq!(months, vec![(3, dec!(900)), (6, dec!(3500))]);
        assert!(project.with_actual(99, dec!(1)).is_err(), "beyond the horizon");
    }
}
