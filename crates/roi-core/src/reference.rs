//! Reference ROI ranges by department (DOMAIN.md §5): shown beside a project's own figures,
//! never as its figures.

use super::money::Percent;
use super::project::Department;
use rust_decimal::Decimal;

/// The month at which the reference ranges are read (the table's "at 18 months").
pub const REFERENCE_MONTH: i64 = 18;

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
