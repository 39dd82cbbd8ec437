//! A portfolio: one row per project file of a folder, with the figures a leadership team
//! reviews side by side, the totals, and the matrix's order (DOMAIN.md §4). Rows are built
//! from projects already loaded and computed; nothing here reads a file.

use super::drivers::Drivers;
use super::engine::{Stress, compute_flows, robust};
use super::kpi::KpiStatus;
use super::matrix::{Quadrant, RankKey, rank_order};
use super::money::{Amount, Percent};
use super::project::{Department, Project, Status};
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// What a portfolio shows of one project file (kept in the summary cache between runs).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct PortfolioRow {
    /// The file, relative to the folder.
    pub file: String,
    pub name: String,
    pub department: Department,
    pub owner: Option<String>,
    pub status: Status,
    pub impact: Option<i64>,
    pub feasibility: Option<i64>,
    pub quadrant: Option<Quadrant>,
    pub roi_adjusted_pct_12: Option<Percent>,
    pub roi_adjusted_pct_horizon: Option<Percent>,
    /// The project's currency: its amounts are in it, and totals never mix two.
    pub currency: String,
    pub npv: Amount,
    pub tco: Amount,
    /// TCO of the first 12 months: the investment a year commits.
    pub investment_12: Amount,
    pub break_even_month: Option<i64>,
    pub robust: bool,
    pub kpis_off_track: usize,
    /// Last modified, `YYYY-MM-DDTHH:MM:SSZ`.
    pub modified: Option<String>,
    /// `user@host` of someone editing it now.
    pub edited_by: Option<String>,
    /// The first problem of an invalid file, `file:line:col: message`.
    pub error: Option<String>,
}

impl PortfolioRow {
    /// The row of `project`: exactly the figures a row shows — the adjusted ROI at 12 months
    /// and at the horizon, the NPV, the break-even month, the ×2/÷2 verdict, the KPIs off
    /// track, the quadrant — through the flows the full figures use (one source of formulas),
    /// and nothing else (no IRR, no warnings, no per-line totals).
    pub fn of_project(file: String, project: &Project) -> Self {
        let drivers = Drivers::default();
        let flows = compute_flows::<Decimal>(project, &drivers, Stress::Off);
        let stressed = compute_flows::<Decimal>(project, &drivers, Stress::On);
        let info = &project.project;
        Self {
            file,
            name: info.name.clone(),
            department: info.department(),
            owner: info.owner.clone(),
            status: info.status(),
            impact: info.impact,
            feasibility: info.feasibility,
            quadrant: Quadrant::of(info),
            roi_adjusted_pct_12: flows.roi_adjusted_pct_at(12),
            roi_adjusted_pct_horizon: flows.at_horizon().roi_adjusted_pct(),
            currency: info.currency().to_owned(),
            npv: Amount::new(flows.npv),
            tco: Amount::new(flows.at_horizon().tco),
            investment_12: Amount::new(flows.at(12).tco),
            break_even_month: flows.break_even_month,
            robust: robust(&stressed),
            kpis_off_track: project.kpis.iter().filter(|k| k.status() == KpiStatus::OffTrack).count(),
            ..Self::default()
        }
    }

    /// A row for a file that could not be loaded; `name` repeats the file so that a list of
    /// names still shows which file it is.
    pub fn invalid(file: String, error: String) -> Self {
        Self { name: file.clone(), file, error: Some(error), ..Self::default() }
    }

    pub fn is_valid(&self) -> bool {
        self.error.is_none()
    }

    fn rank_key(&self) -> RankKey {
        RankKey {
            quadrant: self.quadrant,
            impact: self.impact.unwrap_or(0),
            feasibility: self.feasibility.unwrap_or(0),
            npv: self.npv,
        }
    }
}

/// The columns a portfolio can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// The matrix's order.
    #[default]
    Rank,
    Name,
    Department,
    Owner,
    Status,
    Roi12,
    RoiHorizon,
    Npv,
    BreakEven,
    Robust,
    KpisOffTrack,
    Modified,
    EditedBy,
}

impl SortKey {
    pub const ALL: [SortKey; 13] = [
        SortKey::Rank,
        SortKey::Name,
        SortKey::Department,
        SortKey::Owner,
        SortKey::Status,
        SortKey::Roi12,
        SortKey::RoiHorizon,
        SortKey::Npv,
        SortKey::BreakEven,
        SortKey::Robust,
        SortKey::KpisOffTrack,
        SortKey::Modified,
        SortKey::EditedBy,
    ];

    pub fn next(self) -> Self {
        let index = Self::ALL.iter().position(|k| *k == self).unwrap_or(0);
        Self::ALL[(index + 1) % Self::ALL.len()]
    }
}

/// Sorts rows by `key`; invalid files always last. Figures sort best first (highest ROI and
/// NPV, earliest break-even, most KPIs off track, most recently modified).
pub fn sort(rows: &mut [PortfolioRow], key: SortKey) {
    rows.sort_by(|a, b| ordering(a, b, key));
}

/// The order of two rows for `key`, invalid files last.
pub fn ordering(a: &PortfolioRow, b: &PortfolioRow, key: SortKey) -> Ordering {
    a.error.is_some().cmp(&b.error.is_some()).then_with(|| compare(a, b, key))
}

fn compare(a: &PortfolioRow, b: &PortfolioRow, key: SortKey) -> Ordering {
    let by_rank = || rank_order(&a.rank_key(), &b.rank_key());
    match key {
        SortKey::Rank => by_rank(),
        SortKey::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
        SortKey::Department => a.department.cmp(&b.department).then_with(by_rank),
        SortKey::Owner => a.owner.cmp(&b.owner).then_with(by_rank),
        SortKey::Roi12 => b.roi_adjusted_pct_12.cmp(&a.roi_adjusted_pct_12),
        SortKey::Robust => b.robust.cmp(&a.robust).then_with(by_rank),
        SortKey::EditedBy => b.edited_by.cmp(&a.edited_by).then_with(by_rank),
        SortKey::Status => a.status.cmp(&b.status).then_with(by_rank),
        SortKey::RoiHorizon => b.roi_adjusted_pct_horizon.cmp(&a.roi_adjusted_pct_horizon),
        SortKey::Npv => b.npv.cmp(&a.npv),
        SortKey::BreakEven => {
            a.break_even_month.unwrap_or(i64::MAX).cmp(&b.break_even_month.unwrap_or(i64::MAX))
        }
        SortKey::KpisOffTrack => b.kpis_off_track.cmp(&a.kpis_off_track).then_with(by_rank),
        SortKey::Modified => b.modified.cmp(&a.modified),
    }
}

/// The sums of the projects in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CurrencyTotal {
    pub currency: String,
    pub projects: usize,
    pub investment_12: Amount,
    pub npv: Amount,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PortfolioTotals {
    /// One line per currency, by currency code: an amount in dollars is never added to one
    /// in euros.
    pub by_currency: Vec<CurrencyTotal>,
    /// Projects per quadrant, in `Quadrant::ALL` order.
    pub quadrants: [usize; 4],
    pub unscored: usize,
    pub invalid: usize,
}

impl PortfolioTotals {
    pub fn of(rows: &[PortfolioRow]) -> Self {
        let mut totals = Self::default();
        for row in rows {
            if !row.is_valid() {
                totals.invalid += 1;
                continue;
            }
            totals.add(row);
            match row.quadrant {
                Some(quadrant) => totals.quadrants[quadrant as usize] += 1,
                None => totals.unscored += 1,
            }
        }
        totals
    }

    fn add(&mut self, row: &PortfolioRow) {
        let index = match self.by_currency.binary_search_by(|t| t.currency.as_str().cmp(&row.currency)) {
            Ok(index) => index,
            Err(index) => {
                let currency = CurrencyTotal { currency: row.currency.clone(), ..CurrencyTotal::default() };
                self.by_currency.insert(index, currency);
                index
            }
        };
        if let Some(total) = self.by_currency.get_mut(index) {
            total.projects += 1;
            total.investment_12 += row.investment_12;
            total.npv += row.npv;
        }
    }

    /// The total of the only currency, when the projects share one.
    pub fn single_currency(&self) -> Option<&CurrencyTotal> {
        match self.by_currency.as_slice() {
            [only] => Some(only),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::Exact;
    use crate::project::{Cost, Kpi, Measurement};
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;

    fn row(name: &str, impact: i64, feasibility: i64, npv: Decimal) -> PortfolioRow {
        PortfolioRow {
            name: name.into(),
            file: format!("{name}.toml"),
            impact: Some(impact),
            feasibility: Some(feasibility),
            quadrant: Some(Quadrant::from_scores(impact, feasibility)),
            npv: Amount::new(npv),
            currency: "EUR".into(),
            investment_12: Amount::new(dec!(1000)),
            ..PortfolioRow::default()
        }
    }

    #[test]
    fn rank_order_puts_quick_wins_first_and_invalid_files_last() {
        let mut rows = vec![
            PortfolioRow::invalid("bad.toml".into(), "bad.toml:1:1: oops".into()),
            row("avoid", 2, 2, dec!(100)),
            row("win", 8, 8, dec!(5)),
            row("plan", 9, 3, dec!(50)),
        ];
        sort(&mut rows, SortKey::Rank);
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["win", "plan", "avoid", "bad.toml"]);
        sort(&mut rows, SortKey::Npv);
        assert_eq!(rows[0].name, "avoid");
        assert_eq!(rows[3].name, "bad.toml");
    }

    #[test]
    fn every_sort_key_keeps_invalid_files_last() {
        let mut rows = vec![
            PortfolioRow::invalid("bad".into(), "e".into()),
            row("a", 8, 8, dec!(1)),
            row("b", 2, 3, dec!(2)),
        ];
        for key in SortKey::ALL {
            sort(&mut rows, key);
            assert!(rows[2].error.is_some(), "{key:?}");
        }
        assert_eq!(SortKey::EditedBy.next(), SortKey::Rank);
    }

    #[test]
    fn totals_count_quadrants_and_skip_invalid_files() {
        let rows = vec![
            row("a", 8, 8, dec!(10)),
            row("b", 2, 8, dec!(-4)),
            PortfolioRow::invalid("x".into(), "e".into()),
        ];
        let totals = PortfolioTotals::of(&rows);
        let euros = totals.single_currency().unwrap();
        assert_eq!(
            (euros.npv.value(), euros.investment_12.value(), euros.projects),
            (dec!(6), dec!(2000), 2)
        );
        assert_eq!(totals.quadrants, [1, 0, 1, 0]);
        assert_eq!(totals.invalid, 1);
    }

    /// Issue 11: a dollar is never added to a euro.
    #[test]
    fn totals_are_per_currency() {
        let dollars = PortfolioRow { currency: "USD".into(), ..row("c", 8, 8, dec!(100)) };
        let rows = vec![row("a", 8, 8, dec!(10)), dollars, row("b", 2, 8, dec!(-4))];
        let totals = PortfolioTotals::of(&rows);
        assert_eq!(totals.single_currency(), None);
        let lines: Vec<(&str, Decimal, usize)> =
            totals.by_currency.iter().map(|t| (t.currency.as_str(), t.npv.value(), t.projects)).collect();
        assert_eq!(lines, [("EUR", dec!(6), 2), ("USD", dec!(100), 1)]);
    }

    /// 1 000 € at once and 100 € a month, no benefit; one KPI below its baseline (off track),
    /// one past its target (met), one never measured.
    fn project(horizon: i64) -> Project {
        let mut project = Project::named("P");
        project.project.horizon_months = Some(horizon);
        project.costs.push(Cost { one_off: Some(dec!(1000)), monthly: Some(dec!(100)), ..Cost::default() });
        let kpi = |latest| Kpi {
            baseline: Some(dec!(10)),
            target: Some(dec!(20)),
            measurements: vec![Measurement { month: 3, value: Exact(latest) }],
            ..Kpi::default()
        };
        project.kpis = vec![kpi(dec!(8)), kpi(dec!(25)), Kpi::default()];
        project
    }

    fn row_of(project: &Project) -> PortfolioRow {
        PortfolioRow::of_project("p.toml".into(), project)
    }

    #[test]
    fn a_row_carries_the_figures_of_its_project() {
        let row = row_of(&project(24));
        assert_eq!(row.investment_12.value(), dec!(2200));
        assert_eq!(row.tco.value(), dec!(3400));
        assert_eq!(row.roi_adjusted_pct_12, Some(Percent::new(dec!(-100))));
        assert_eq!(row.kpis_off_track, 1);
        assert_eq!((row.quadrant, row.break_even_month, row.robust), (None, None, false));
        assert!(row.is_valid());
    }

    #[test]
    fn no_roi_at_12_months_when_the_horizon_is_shorter() {
        let row = row_of(&project(6));
        assert_eq!(row.roi_adjusted_pct_12, None);
        assert_eq!(row.roi_adjusted_pct_horizon, Some(Percent::new(dec!(-100))));
        assert_eq!(
            row.investment_12.value(),
            dec!(1600),
            "every cost of the horizon falls in the first year"
        );
    }

    #[test]
    fn unscored_projects_rank_after_avoid_and_count_apart() {
        let unscored = PortfolioRow {
            name: "u".into(),
            npv: Amount::new(dec!(999)),
            currency: "EUR".into(),
            ..PortfolioRow::default()
        };
        let mut rows = vec![unscored, row("avoid", 1, 1, dec!(-5))];
        sort(&mut rows, SortKey::Rank);
        assert_eq!(rows[0].name, "avoid");
        let totals = PortfolioTotals::of(&rows);
        assert_eq!((totals.quadrants, totals.unscored, totals.invalid), ([0, 0, 0, 1], 1, 0));
        assert_eq!(totals.single_currency().map(|t| t.npv), Some(Amount::new(dec!(994))));
    }
}
