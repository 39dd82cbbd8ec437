//! KPI status from the latest measurement (DOMAIN.md §3).

use super::number::Exact;
use super::project::{Direction, Kpi, Measurement, Project};
use super::validate::{RecordError, first_problem};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KpiStatus {
    Met,
    OnTrack,
    AtRisk,
    OffTrack,
    NoData,
}

impl KpiStatus {
    pub const ALL: [KpiStatus; 5] =
        [KpiStatus::Met, KpiStatus::OnTrack, KpiStatus::AtRisk, KpiStatus::OffTrack, KpiStatus::NoData];

    pub fn key(self) -> &'static str {
        match self {
            KpiStatus::Met => "met",
            KpiStatus::OnTrack => "on_track",
            KpiStatus::AtRisk => "at_risk",
            KpiStatus::OffTrack => "off_track",
            KpiStatus::NoData => "no_data",
        }
    }
}

impl Kpi {
    /// The measurement of the latest month.
    pub fn latest(&self) -> Option<Measurement> {
        self.measurements.iter().copied().max_by_key(|m| m.month)
    }

    /// p = (latest − baseline) / (target − baseline): met p ≥ 1, on track p ≥ 0.5, at risk
    /// 0 < p < 0.5, off track p ≤ 0. When target equals baseline, the direction alone says
    /// whether the latest value is at or past the target.
    pub fn status(&self) -> KpiStatus {
        let (Some(latest), Some(baseline), Some(target)) = (self.latest(), self.baseline, self.target) else {
            return KpiStatus::NoData;
        };
        let latest = latest.value.0;
        if target == baseline {
            let reached = match self.direction.unwrap_or_default() {
                Direction::Higher => latest >= target,
                Direction::Lower => latest <= target,
            };
            return if reached { KpiStatus::Met } else { KpiStatus::OffTrack };
        }
        let progress = progress(latest - baseline, target - baseline);
        if progress >= Decimal::ONE {
            KpiStatus::Met
        } else if progress >= dec!(0.5) {
            KpiStatus::OnTrack
        } else if progress > Decimal::ZERO {
            KpiStatus::AtRisk
        } else {
            KpiStatus::OffTrack
        }
    }

    /// A KPI that drives no decision may be a vanity metric.
    pub fn is_vanity(&self) -> bool {
        self.decision.as_deref().is_none_or(|d| d.trim().is_empty())
    }
}

/// gain / span, where a target a hair from the baseline (1e-28) makes the quotient too large
/// for a decimal: then as large as it can be, with its sign (far past the target, or far behind).
fn progress(gain: Decimal, span: Decimal) -> Decimal {
    gain.checked_div(span).unwrap_or(if gain.is_sign_negative() == span.is_sign_negative() {
        Decimal::MAX
    } else {
        Decimal::MIN
    })
}

impl Project {
    /// The project with a KPI's measurement for `month` added, or replaced, checked by every
    /// rule of the file format.
    pub fn with_measurement(&self, kpi: &str, month: i64, value: Decimal) -> Result<Project, RecordError> {
        let mut project = self.clone();
        let keys = self.kpis.iter().map(|k| k.key.clone()).collect();
        let Some(target) = project.kpis.iter_mut().find(|k| k.key == kpi) else {
            return Err(RecordError::NoSuchKpi { key: kpi.to_owned(), keys });
        };
        target.measurements.retain(|m| m.month != month);
        target.measurements.push(Measurement { month, value: Exact(value) });
        target.measurements.sort_by_key(|m| m.month);
        first_problem(project)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kpi(direction: Direction, baseline: Decimal, target: Decimal, latest: Option<Decimal>) -> Kpi {
        Kpi {
            direction: Some(direction),
            baseline: Some(baseline),
            target: Some(target),
            measurements: latest
                .map(|value| {
                    vec![
                        Measurement { month: 1, value: Exact(dec!(-999)) },
                        Measurement { month: 3, value: Exact(value) },
                    ]
                })
                .unwrap_or_default(),
            ..Kpi::default()
        }
    }

    /// Issue 23: a target a hair from the baseline does not overflow the progress.
    #[test]
    fn a_target_a_hair_from_the_baseline_gives_a_status_not_a_panic() {
        let hair = Decimal::new(1, 28);
        assert_eq!(kpi(Direction::Higher, dec!(0), hair, Some(dec!(8))).status(), KpiStatus::Met);
        assert_eq!(kpi(Direction::Higher, dec!(0), hair, Some(dec!(-8))).status(), KpiStatus::OffTrack);
        assert_eq!(kpi(Direction::Lower, dec!(0), -hair, Some(dec!(-8))).status(), KpiStatus::Met);
    }

    #[test]
    fn status_thresholds_for_a_rising_kpi() {
        let status = |latest| kpi(Direction::Higher, dec!(0), dec!(30), Some(latest)).status();
        assert_eq!(status(dec!(30)), KpiStatus::Met);
        assert_eq!(status(dec!(15)), KpiStatus::OnTrack);
        assert_eq!(status(dec!(14)), KpiStatus::AtRisk);
        assert_eq!(status(dec!(0)), KpiStatus::OffTrack);
        assert_eq!(kpi(Direction::Higher, dec!(0), dec!(30), None).status(), KpiStatus::NoData);
    }

    #[test]
    fn a_falling_kpi_is_on_track_when_it_falls() {
        let status = |latest| kpi(Direction::Lower, dec!(10), dec!(5), Some(latest)).status();
        assert_eq!(status(dec!(4)), KpiStatus::Met);
        assert_eq!(status(dec!(7)), KpiStatus::OnTrack);
        assert_eq!(status(dec!(11)), KpiStatus::OffTrack);
    }

    #[test]
    fn no_decision_is_a_vanity_flag() {
        assert!(Kpi::default().is_vanity());
        assert!(!Kpi { decision: Some("Revoir le périmètre".into()), ..Kpi::default() }.is_vanity());
    }
}
