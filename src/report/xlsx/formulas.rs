//! The formulas of the method, written in Excel over cell references.

use super::assumptions::*;
use super::cells::*;
use crate::domain::project::Benefit;
use crate::domain::schema::{self, BenefitInput, Factor};

/// V of a benefit line (DOMAIN.md §2.1), from the cells of its row: the product of its
/// kind's factors, divided as its formula says, as `valuation::monthly_value` computes it.
pub(super) fn benefit_value_formula(line: &Benefit, row: u32) -> String {
    let at = |input: &BenefitInput| Cell::new(row, benefit_col::of(input)).relative();
    let factors: Vec<String> = schema::factors(line)
        .map(|factor| match factor {
            Factor::Input(input) => at(input),
            Factor::Alternative(input, divisor) => format!("{}/{}", at(input), divisor.by),
        })
        .collect();
    let product = factors.join("*");
    match schema::formula(line.kind).divisor {
        Some(divisor) => format!("{product}/{}", divisor.by),
        None => product,
    }
}

/// r(m) of DOMAIN.md §2.1: 0 before the start, full at once without a ramp, else linear.
pub(super) fn ramp_formula(month: &str, start: &str, ramp: &str) -> String {
    format!("IF({month}<{start},0,IF({ramp}=0,1,MIN(1,({month}-{start}+1)/{ramp})))")
}

/// b_raw(m) = Σ V × r(m): one term per line, V on the Assumptions sheet, r(m) in this row.
pub(super) fn benefits_raw_formula(terms: &[(String, String)]) -> String {
    sum_of_products(terms.iter().map(|(value, ramp)| format!("{value}*{ramp}")))
}

/// b_adj(m) = FM × Σ V × FT × r(m).
pub(super) fn benefits_adjusted_formula(maturity_factor: &str, terms: &[(String, String, String)]) -> String {
    let sum = sum_of_products(
        terms.iter().map(|(value, time_factor, ramp)| format!("{value}*{time_factor}*{ramp}")),
    );
    format!("{maturity_factor}*({sum})")
}

pub(super) fn sum_of_products(terms: impl Iterator<Item = String>) -> String {
    let sum = terms.collect::<Vec<_>>().join("+");
    if sum.is_empty() { "0".to_owned() } else { sum }
}

/// c(m) of DOMAIN.md §2.3: (1 + contingency) × Σ (one-off in its month + monthly while
/// running), as SUMPRODUCTs over the cost table's columns.
pub(super) fn costs_formula(month: &str, contingency: &str, columns: Option<&CostColumns>) -> String {
    let Some(c) = columns else { return "0".to_owned() };
    format!(
        "(1+{contingency})*(SUMPRODUCT(({}={month})*{})+SUMPRODUCT(({}<={month})*({}>={month})*{}))",
        c.one_off_month, c.one_off, c.start, c.end, c.monthly
    )
}

/// ROI of DOMAIN.md §2.6 as a fraction (formatted as a percentage); "—" rather than a
/// division error when the TCO is 0.
pub(super) fn roi_formula(gain: &str, tco: &str) -> String {
    format!("IF({tco}=0,\"{DASH}\",({gain})/{tco})")
}

pub(super) const DASH: &str = crate::i18n::DASH;

/// Whether month m breaks even: B > 0 and B − TCO − Risk ≥ 0. The difference is rounded
/// to 6 decimals so that a tie the engine computes exactly in decimals is not lost to
/// binary floating point in the spreadsheet.
pub(super) fn break_even_flag_formula(benefits: &str, tco: &str, risk: Option<&str>) -> String {
    let risk = risk.map(|r| format!("-{r}")).unwrap_or_default();
    format!("IF(AND({benefits}>0,ROUND({benefits}-{tco}{risk},6)>=0),1,0)")
}

/// The first month whose flag is 1, else the "not reached" words.
pub(super) fn first_month_formula(months: &str, flags: &str, not_reached: &str) -> String {
    format!("IFERROR(INDEX({months},MATCH(1,{flags},0)),\"{not_reached}\")")
}

/// NPV of DOMAIN.md §2.6: Σ net(m) / (1 + rate)^(m/12).
pub(super) fn npv_formula(nets: &str, months: &str, rate: &str) -> String {
    format!("SUMPRODUCT({nets}/(1+{rate})^({months}/12))")
}
