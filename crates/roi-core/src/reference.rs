//! Reference ROI ranges by department and by company size: shown beside a project's own
//! figures, never as its figures. They are observed outcomes of AI projects, so each is
//! compared with the method's forecast of the outcome, the adjusted ROI, at the month the
//! range is read.

use super::money::Amount;
use super::money::Percent;
use super::project::{CompanySize, Department};
use rust_decimal::Decimal;

/// The month at which the department ranges are read (the table's "at 18 months").
pub const REFERENCE_MONTH: i64 = 18;

/// The month a project is compared with a range read at `month`: that month, or the
/// project's horizon when it is shorter.
pub fn month_compared(month: i64, horizon: i64) -> i64 {
    month.min(horizon)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReferenceRange {
    pub low_pct: Percent,
    pub high_pct: Percent,
}

impl ReferenceRange {
    /// "Far outside": below half the low end or above twice the high end.
    pub fn is_far_outside(&self, roi: Percent) -> bool {
        let (low, high) = (self.low_pct.value(), self.high_pct.value());
        roi.value() < low / Decimal::TWO || roi.value() > high * Decimal::TWO
    }
}

pub fn reference_range(department: Department) -> Option<ReferenceRange> {
    let (low, high) = match department {
        Department::CustomerService => (200, 350),
        Department::Software => (150, 250),
        Department::Marketing => (250, 400),
        Department::Hr => (120, 200),
        Department::Finance => (130, 220),
        Department::Operations | Department::Other => return None,
    };
    Some(ReferenceRange {
        low_pct: Percent::new(Decimal::from(low)),
        high_pct: Percent::new(Decimal::from(high)),
    })
}

/// A range published for a company size: read at its own month, and for SMEs defined on an
/// investment window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SizeReference {
    pub size: CompanySize,
    pub range: ReferenceRange,
    /// The month the range is read at (12, 18 or 24).
    pub month: i64,
    /// The investment (TCO of the first 12 months, in euros) the range is defined for.
    pub investment: Option<(Amount, Amount)>,
}

impl SizeReference {
    /// Whether a 12-month investment lies outside the window the range is defined for.
    pub fn investment_outside(&self, investment: Amount) -> bool {
        self.investment
            .is_some_and(|(low, high)| investment.value() < low.value() || investment.value() > high.value())
    }
}

pub fn size_reference(size: CompanySize) -> SizeReference {
    let (low, high, month) = match size {
        CompanySize::Pme => (150, 200, 12),
        CompanySize::Eti => (180, 300, 18),
        CompanySize::Large => (200, 400, 24),
    };
    let investment = (size == CompanySize::Pme)
        .then(|| (Amount::new(Decimal::from(50_000)), Amount::new(Decimal::from(200_000))));
    SizeReference {
        size,
        range: ReferenceRange {
            low_pct: Percent::new(Decimal::from(low)),
            high_pct: Percent::new(Decimal::from(high)),
        },
        month,
        investment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn each_size_is_read_at_its_own_month() {
        let months: Vec<i64> = CompanySize::ALL.iter().map(|s| size_reference(*s).month).collect();
        assert_eq!(months, [12, 18, 24]);
    }

    #[test]
    fn only_the_sme_range_has_an_investment_window() {
        let sme = size_reference(CompanySize::Pme);
        assert!(!sme.investment_outside(Amount::new(dec!(50000))));
        assert!(!sme.investment_outside(Amount::new(dec!(200000))));
        assert!(sme.investment_outside(Amount::new(dec!(49999.99))));
        assert!(sme.investment_outside(Amount::new(dec!(200000.01))));
        assert!(!size_reference(CompanySize::Large).investment_outside(Amount::new(dec!(1))));
    }
}
