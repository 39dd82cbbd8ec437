//! The Summary sheet: the headline figures at each checkpoint, as formulas.

use super::assumptions::*;
use super::cells::*;
use super::formulas::*;
use super::monthly::*;
use crate::domain::engine::{Cumulative, Figures};
use crate::domain::project::Project;
use crate::i18n::{Lang, Text, XlsxText};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// Columns of the checkpoint table.
pub(super) mod summary_col {
    pub const MONTH: u16 = 0;
    pub const RAW: u16 = 1;
    pub const ADJUSTED: u16 = 2;
    pub const TCO: u16 = 3;
    pub const RISK: u16 = 4;
    pub const ROI_CLASSIC: u16 = 5;
    pub const ROI_ADJUSTED: u16 = 6;
}

pub(super) const FIRST_CHECKPOINT_ROW: u32 = 4;

pub(super) fn summary_sheet(
    project: &Project,
    figures: &Figures,
    lang: Lang,
    styles: &Styles,
    monthly: &MonthlyColumns,
) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(lang.t(XlsxText::SheetSummary))?;
    write_text(&mut sheet, Cell::new(0, 0), &project.project.name, &styles.title)?;
    write_text(&mut sheet, Cell::new(1, 0), lang.t(XlsxText::SummaryNote), &styles.note)?;
    let headers = labels(
        lang,
        &[
            &XlsxText::AtMonth,
            &Text::BenefitsRaw,
            &Text::BenefitsAdjusted,
            &Text::Tco,
            &Text::RiskProvision,
            &Text::RoiClassic,
            &Text::RoiAdjusted,
        ],
    );
    write_headers(&mut sheet, FIRST_CHECKPOINT_ROW - 1, &headers, styles)?;
    // Each ROI column's header names its formula.
    let header_row = FIRST_CHECKPOINT_ROW - 1;
    note_formula(&mut sheet, Cell::new(header_row, summary_col::ROI_CLASSIC), lang, "roi_classic_pct")?;
    note_formula(&mut sheet, Cell::new(header_row, summary_col::ROI_ADJUSTED), lang, "roi_adjusted_pct")?;
    let checkpoints = figures.checkpoints();
    for (row, checkpoint) in (FIRST_CHECKPOINT_ROW..).zip(&checkpoints) {
        checkpoint_row(&mut sheet, row, checkpoint, monthly, styles)?;
    }
    let below = FIRST_CHECKPOINT_ROW + row_count(checkpoints.len()) + 1;
    headline_rows(&mut sheet, below, figures, lang, styles, monthly)?;
    sheet.set_column_width(0, 34)?;
    sheet.set_column_range_width(1, summary_col::ROI_ADJUSTED, 16)?;
    Ok(sheet)
}

/// The cumulative figures and both ROIs at one checkpoint month, read from the Monthly sheet.
pub(super) fn checkpoint_row(
    sheet: &mut Worksheet,
    row: u32,
    checkpoint: &Cumulative,
    monthly: &MonthlyColumns,
    styles: &Styles,
) -> Result<(), XlsxError> {
    use summary_col as col;
    let at = |col: u16| Cell::new(row, col).relative();
    write_number(
        sheet,
        Cell::new(row, col::MONTH),
        Decimal::from(checkpoint.month),
        Unit::Month,
        Origin::Derived,
        styles,
    )?;
    let month = format!("$A{}", row + 1);
    let read = |monthly_col: u16| format!("INDEX({},{month})", monthly.range(monthly_col));
    let values = [
        (col::RAW, read(month_col::CUMULATIVE_RAW), checkpoint.benefits_raw),
        (col::ADJUSTED, read(month_col::CUMULATIVE_ADJUSTED), checkpoint.benefits_adjusted),
        (col::TCO, read(month_col::CUMULATIVE_TCO), checkpoint.tco),
        (col::RISK, read(month_col::CUMULATIVE_RISK), checkpoint.risk_provision),
    ];
    for (col, formula, value) in values {
        write_formula(sheet, Cell::new(row, col), &formula, cached(value), Unit::Money, styles)?;
    }
    let tco = at(col::TCO);
    let rois = [
        (col::ROI_CLASSIC, format!("{}-{tco}", at(col::RAW)), checkpoint.roi_classic_pct()),
        (
            col::ROI_ADJUSTED,
            format!("{}-{tco}-{}", at(col::ADJUSTED), at(col::RISK)),
            checkpoint.roi_adjusted_pct(),
        ),
    ];
    for (col, gain, pct) in rois {
        let result = pct.map_or_else(|| DASH.to_owned(), |pct| cached(pct.rate().fraction()));
        write_formula(sheet, Cell::new(row, col), &roi_formula(&gain, &tco), result, Unit::Percent, styles)?;
    }
    Ok(())
}

/// NPV and both break-even months.
pub(super) fn headline_rows(
    sheet: &mut Worksheet,
    top: u32,
    figures: &Figures,
    lang: Lang,
    styles: &Styles,
    monthly: &MonthlyColumns,
) -> Result<(), XlsxError> {
    let months = monthly.range(month_col::MONTH);
    let npv = npv_formula(&monthly.range(month_col::NET), &months, lang.t(XlsxText::NameDiscountRate));
    write_text(sheet, Cell::new(top, 0), lang.t(Text::Npv), &styles.header)?;
    write_formula(sheet, Cell::new(top, 1), &npv, cached(figures.flows.npv), Unit::Money, styles)?;
    note_formula(sheet, Cell::new(top, 1), lang, "npv")?;
    let not_reached = lang.t(Text::NotReached);
    let break_evens = [
        (XlsxText::BreakEvenMonth, month_col::BREAK_EVEN, figures.flows.break_even_month),
        (
            XlsxText::BreakEvenClassicMonth,
            month_col::BREAK_EVEN_CLASSIC,
            figures.flows.break_even_month_classic,
        ),
    ];
    for (row, (label, flags, month)) in (top + 1..).zip(break_evens) {
        let formula = first_month_formula(&months, &monthly.range(flags), not_reached);
        let result = month.map_or_else(|| not_reached.to_owned(), |m| m.to_string());
        write_text(sheet, Cell::new(row, 0), lang.t(label), &styles.header)?;
        write_formula(sheet, Cell::new(row, 1), &formula, result, Unit::Month, styles)?;
        if label == XlsxText::BreakEvenMonth {
            note_formula(sheet, Cell::new(row, 1), lang, "break_even_month")?;
        }
    }
    Ok(())
}

/// A note on a headline cell naming its formula in words, as the method states it.
fn note_formula(sheet: &mut Worksheet, cell: Cell, lang: Lang, key: &str) -> Result<(), XlsxError> {
    match crate::i18n::explain_text::formula(lang, key) {
        Some(formula) => {
            sheet.insert_note(cell.row, cell.col, &rust_xlsxwriter::Note::new(formula)).map(|_| ())
        }
        None => Ok(()),
    }
}
