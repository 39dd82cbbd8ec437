//! The impact × feasibility matrix (DOMAIN.md §4): quadrants and the portfolio ranking.

use super::project::ProjectInfo;
use serde::Serialize;
use std::cmp::Ordering;

/// Scores of 6 and above are "high".
pub const HIGH: i64 = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    QuickWin,
    Strategic,
    Improvement,
    Avoid,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] =
        [Quadrant::QuickWin, Quadrant::Strategic, Quadrant::Improvement, Quadrant::Avoid];

    /// The quadrant of a project, or `None` when impact or feasibility is not scored.
    pub fn of(info: &ProjectInfo) -> Option<Self> {
        Some(Self::from_scores(info.impact?, info.feasibility?))
    }

    pub fn from_scores(impact: i64, feasibility: i64) -> Self {
        match (impact >= HIGH, feasibility >= HIGH) {
            (true, true) => Quadrant::QuickWin,
            (true, false) => Quadrant::Strategic,
            (false, true) => Quadrant::Improvement,
            (false, false) => Quadrant::Avoid,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Quadrant::QuickWin => "quick_win",
            Quadrant::Strategic => "strategic",
            Quadrant::Improvement => "improvement",
            Quadrant::Avoid => "avoid",
        }
    }
}

/// What the ranking needs to know of one project.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankKey {
    pub quadrant: Option<Quadrant>,
    pub impact: i64,
    pub feasibility: i64,
    pub npv: crate::money::Amount,
}

/// DOMAIN.md §4 order: quick wins, strategic, improvements, avoid (unscored last); inside a
/// quadrant by impact × feasibility, then NPV, both descending.
pub fn rank_order(a: &RankKey, b: &RankKey) -> Ordering {
    let quadrant_rank = |k: &RankKey| k.quadrant.map_or(Quadrant::ALL.len(), |q| q as usize);
    quadrant_rank(a)
        .cmp(&quadrant_rank(b))
        .then_with(|| (b.impact * b.feasibility).cmp(&(a.impact * a.feasibility)))
        .then_with(|| b.npv.cmp(&a.npv))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn six_is_high() {
        assert_eq!(Quadrant::from_scores(6, 6), Quadrant::QuickWin);
        assert_eq!(Quadrant::from_scores(6, 5), Quadrant::Strategic);
        assert_eq!(Quadrant::from_scores(5, 6), Quadrant::Improvement);
        assert_eq!(Quadrant::from_scores(5, 5), Quadrant::Avoid);
    }

    #[test]
    fn ranking_follows_quadrant_then_score_then_npv() {
        let key = |impact, feasibility, npv: i64| RankKey {
            quadrant: Some(Quadrant::from_scores(impact, feasibility)),
            impact,
            feasibility,
            npv: crate::money::Amount::new(Decimal::from(npv)),
        };
        let mut keys = [key(2, 2, 9), key(9, 2, 0), key(6, 6, 5), key(7, 7, 1), key(7, 7, 3)];
        keys.sort_by(rank_order);
        let order: Vec<(i64, i64, Decimal)> =
            keys.iter().map(|k| (k.impact, k.feasibility, k.npv.value())).collect();
        assert_eq!(
            order,
            [
                (7, 7, Decimal::from(3)),
                (7, 7, Decimal::from(1)),
                (6, 6, Decimal::from(5)),
                (9, 2, Decimal::ZERO),
                (2, 2, Decimal::from(9)),
            ]
        );
    }
}
