//! The Monthly sheet: one row per month of the horizon, the flows as formulas.

use super::assumptions::*;
use super::cells::*;
use super::formulas::*;
use crate::domain::engine::{Cumulative, Figures};
use crate::domain::project::Project;
use crate::domain::valuation::ramped;
use crate::i18n::{Lang, Text, XlsxText};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// Columns of the monthly table; one r(m) column per benefit line follows the last.
pub(super) mod month_col {
    pub const MONTH: u16 = 0;
    pub const RAW: u16 = 1;
    pub const ADJUSTED: u16 = 2;
    pub const COSTS: u16 = 3;
    pub const RISK: u16 = 4;
    pub const NET: u16 = 5;
    pub const CUMULATIVE_NET: u16 = 6;
    pub const CUMULATIVE_RAW: u16 = 7;
    pub const CUMULATIVE_ADJUSTED: u16 = 8;
    pub const CUMULATIVE_TCO: u16 = 9;
    pub const CUMULATIVE_RISK: u16 = 10;
    pub const BREAK_EVEN: u16 = 11;
    pub const BREAK_EVEN_CLASSIC: u16 = 12;
    pub const FIRST_RAMP: u16 = 13;
}

/// The first month's row on the Monthly sheet.
pub(super) const FIRST_MONTH_ROW: u32 = 4;

/// Where the Summary finds the monthly columns.
pub(super) struct MonthlyColumns {
    pub(super) sheet: String,
    pub(super) last_row: u32,
}

impl MonthlyColumns {
    /// The column over months 1..H.
    pub(super) fn range(&self, col: u16) -> String {
        column_range(&self.sheet, col, FIRST_MONTH_ROW, self.last_row)
    }
}

pub(super) fn monthly_headers(lang: Lang, benefits: &[BenefitCells]) -> Vec<String> {
    let mut headers = labels(
        lang,
        &[
            &Text::Month,
            &Text::BenefitsRaw,
            &Text::BenefitsAdjusted,
            &XlsxText::CostsWithContingency,
            &XlsxText::RiskMonthly,
            &Text::Net,
            &Text::CumulativeNet,
            &XlsxText::CumulativeBenefitsRaw,
            &XlsxText::CumulativeBenefitsAdjusted,
            &XlsxText::CumulativeTco,
            &XlsxText::CumulativeRisk,
            &XlsxText::BreakEvenReached,
            &XlsxText::BreakEvenClassicReached,
        ],
    );
    headers.extend(benefits.iter().map(|line| format!("{} — {}", lang.t(XlsxText::Ramp), line.name)));
    headers
}

pub(super) fn monthly_sheet(
    project: &Project,
    figures: &Figures,
    lang: Lang,
    styles: &Styles,
    inputs: &Inputs,
) -> Result<(Worksheet, MonthlyColumns), XlsxError> {
    let name = lang.t(XlsxText::SheetMonthly).to_owned();
    let mut sheet = Worksheet::new();
    sheet.set_name(&name)?;
    write_text(&mut sheet, Cell::new(0, 0), &project.project.name, &styles.title)?;
    write_text(&mut sheet, Cell::new(1, 0), lang.t(XlsxText::MonthlyNote), &styles.note)?;
    write_headers(&mut sheet, FIRST_MONTH_ROW - 1, &monthly_headers(lang, &inputs.benefits), styles)?;
    let months = figures.flows.monthly.iter().zip(&figures.flows.cumulative);
    for (row, (flow, cumulative)) in (FIRST_MONTH_ROW..).zip(months) {
        let month = MonthRow { row, month: flow.month };
        write_number(
            &mut sheet,
            Cell::new(row, month_col::MONTH),
            Decimal::from(flow.month),
            Unit::Month,
            Origin::Derived,
            styles,
        )?;
        ramp_cells(&mut sheet, &month, project, inputs, styles)?;
        flow_cells(&mut sheet, &month, flow, inputs, lang, styles)?;
        cumulative_cells(&mut sheet, &month, cumulative, lang, styles)?;
    }
    sheet.set_column_range_width(1, ramp_col(inputs.benefits.len()), 14)?;
    sheet.set_freeze_panes(FIRST_MONTH_ROW, 1)?;
    // The horizon is at least 6 months (validation); max(1) keeps the range well-formed anyway.
    let last_row = FIRST_MONTH_ROW + row_count(figures.flows.monthly.len()).max(1) - 1;
    Ok((sheet, MonthlyColumns { sheet: name, last_row }))
}

/// The r(m) column of a benefit line. Past Excel's last column, rust_xlsxwriter refuses
/// the cell with an error rather than this overflowing.
pub(super) fn ramp_col(line: usize) -> u16 {
    u16::try_from(line).ok().and_then(|line| month_col::FIRST_RAMP.checked_add(line)).unwrap_or(u16::MAX)
}

/// One month's row.
pub(super) struct MonthRow {
    pub(super) row: u32,
    pub(super) month: i64,
}

impl MonthRow {
    /// A cell of this row, relative (`C5`).
    pub(super) fn at(&self, col: u16) -> String {
        Cell::new(self.row, col).relative()
    }

    /// The month number, column fixed (`$A5`).
    pub(super) fn month_ref(&self) -> String {
        format!("$A{}", self.row + 1)
    }

    /// Σ of a column from month 1 to this row: `SUM($B$5:B9)`.
    pub(super) fn running_sum(&self, col: u16) -> String {
        format!("SUM({}:{})", Cell::new(FIRST_MONTH_ROW, col).absolute(), self.at(col))
    }
}

/// r(m) of each benefit line, from its start month and ramp on the Assumptions sheet.
pub(super) fn ramp_cells(
    sheet: &mut Worksheet,
    month: &MonthRow,
    project: &Project,
    inputs: &Inputs,
    styles: &Styles,
) -> Result<(), XlsxError> {
    for (index, (line, cells)) in project.benefits.iter().zip(&inputs.benefits).enumerate() {
        let formula =
            ramp_formula(&month.month_ref(), &cells.start.on(&inputs.sheet), &cells.ramp.on(&inputs.sheet));
        let ramp = ramped(Decimal::ONE, month.month, line.start_month(), Decimal::from(line.ramp_months()));
        let cell = Cell::new(month.row, ramp_col(index));
        write_formula(sheet, cell, &formula, cached(ramp), Unit::Percent, styles)?;
    }
    Ok(())
}

/// b_raw, b_adj, c, ρ and net of one month (DOMAIN.md §2.5).
pub(super) fn flow_cells(
    sheet: &mut Worksheet,
    month: &MonthRow,
    flow: &crate::domain::engine::MonthFlow,
    inputs: &Inputs,
    lang: Lang,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let ramps = (0..inputs.benefits.len()).map(|line| month.at(ramp_col(line)));
    let raw: Vec<(String, String)> =
        inputs.benefits.iter().map(|b| b.value.clone()).zip(ramps.clone()).collect();
    let adjusted: Vec<(String, String, String)> = inputs
        .benefits
        .iter()
        .zip(ramps)
        .map(|(b, ramp)| (b.value.clone(), b.time_factor.clone(), ramp))
        .collect();
    let net = format!(
        "{}-{}-{}",
        month.at(month_col::ADJUSTED),
        month.at(month_col::COSTS),
        month.at(month_col::RISK)
    );
    let cells = [
        (month_col::RAW, benefits_raw_formula(&raw), flow.benefits_raw),
        (
            month_col::ADJUSTED,
            benefits_adjusted_formula(lang.t(XlsxText::NameMaturityFactor), &adjusted),
            flow.benefits_adjusted,
        ),
        (
            month_col::COSTS,
            costs_formula(&month.month_ref(), lang.t(XlsxText::NameContingency), inputs.costs.as_ref()),
            flow.costs,
        ),
        (month_col::RISK, lang.t(XlsxText::NameRiskPerMonth).to_owned(), flow.risk),
        (month_col::NET, net, flow.net),
        (month_col::CUMULATIVE_NET, month.running_sum(month_col::NET), flow.cumulative_net),
    ];
    for (col, formula, value) in cells {
        write_formula(sheet, Cell::new(month.row, col), &formula, cached(value), Unit::Money, styles)?;
    }
    Ok(())
}

/// B_raw(M), B_adj(M), TCO(M), Risk(M) = M × ρ, and whether M breaks even (DOMAIN.md §2.6).
pub(super) fn cumulative_cells(
    sheet: &mut Worksheet,
    month: &MonthRow,
    cumulative: &Cumulative,
    lang: Lang,
    styles: &Styles,
) -> Result<(), XlsxError> {
    use month_col as col;
    let risk = format!("{}*{}", month.month_ref(), lang.t(XlsxText::NameRiskPerMonth));
    let sums = [
        (col::CUMULATIVE_RAW, month.running_sum(col::RAW), cumulative.benefits_raw),
        (col::CUMULATIVE_ADJUSTED, month.running_sum(col::ADJUSTED), cumulative.benefits_adjusted),
        (col::CUMULATIVE_TCO, month.running_sum(col::COSTS), cumulative.tco),
        (col::CUMULATIVE_RISK, risk, cumulative.risk_provision),
    ];
    for (col, formula, value) in sums {
        write_formula(sheet, Cell::new(month.row, col), &formula, cached(value), Unit::Money, styles)?;
    }
    let (raw, adjusted, tco, risk) = (
        month.at(col::CUMULATIVE_RAW),
        month.at(col::CUMULATIVE_ADJUSTED),
        month.at(col::CUMULATIVE_TCO),
        month.at(col::CUMULATIVE_RISK),
    );
    let flags = [
        (col::BREAK_EVEN, break_even_flag_formula(&adjusted, &tco, Some(&risk)), cumulative.is_break_even()),
        (
            col::BREAK_EVEN_CLASSIC,
            break_even_flag_formula(&raw, &tco, None),
            cumulative.is_break_even_classic(),
        ),
    ];
    for (col, formula, reached) in flags {
        let value = if reached { Decimal::ONE } else { Decimal::ZERO };
        write_formula(sheet, Cell::new(month.row, col), &formula, cached(value), Unit::Month, styles)?;
    }
    Ok(())
}
