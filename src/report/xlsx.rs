//! The spreadsheet a CFO can audit (`roi report --format xlsx`): every input of the project
//! on an Assumptions sheet, then the monthly flows and the headline figures as live Excel
//! formulas over those inputs — DOMAIN.md §2.1–2.6 written in Excel, mirroring `valuation`
//! and `flows`. Each formula also carries the engine's result as its cached value, so a
//! viewer that does not recalculate shows the same figures as the other reports.
//!
//! Pure: builds the workbook in memory; the CLI writes the bytes. `tests/report_xlsx.rs`
//! recalculates the workbook in LibreOffice and compares it with the engine.

use crate::domain::engine::Figures;
use crate::domain::project::Project;
use crate::i18n::Lang;
use rust_xlsxwriter::{Workbook, XlsxError};

/// The bytes of the .xlsx file.
pub fn render(project: &Project, figures: &Figures, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    workbook(project, figures, lang)?.save_to_buffer()
}

/// The three sheets — Assumptions, Monthly, Summary — and the defined names of the inputs.
pub fn workbook(project: &Project, figures: &Figures, lang: Lang) -> Result<Workbook, XlsxError> {
    let styles = Styles::new();
    let (assumptions, inputs) = assumptions_sheet(project, figures, lang, &styles)?;
    let (monthly, columns) = monthly_sheet(project, figures, lang, &styles, &inputs)?;
    let summary = summary_sheet(project, figures, lang, &styles, &columns)?;
    let mut workbook = Workbook::new();
    workbook.push_worksheet(assumptions);
    workbook.push_worksheet(monthly);
    workbook.push_worksheet(summary);
    for (name, reference) in &inputs.names {
        workbook.define_name(*name, &format!("={reference}"))?;
    }
    Ok(workbook)
}

mod assumptions;
mod cells;
mod formulas;
mod line_tables;
mod monthly;
mod summary;
#[cfg(test)]
mod tests;

use assumptions::assumptions_sheet;
use cells::Styles;
use monthly::monthly_sheet;
use summary::summary_sheet;
