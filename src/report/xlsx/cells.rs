//! Cells and formats: where a value goes, how it is styled, what is written.

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, Format, Formula, Worksheet, XlsxError, row_col_to_cell, row_col_to_cell_absolute,
};

/// A cell, 0-based as rust_xlsxwriter counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cell {
    pub(super) row: u32,
    pub(super) col: u16,
}

impl Cell {
    pub(super) fn new(row: u32, col: u16) -> Self {
        Self { row, col }
    }

    /// `B5`: for formulas that refer to their own row.
    pub(super) fn relative(self) -> String {
        row_col_to_cell(self.row, self.col)
    }

    /// `$B$5`: a fixed end of a growing range.
    pub(super) fn absolute(self) -> String {
        row_col_to_cell_absolute(self.row, self.col)
    }

    /// `'Hypothèses'!$B$5`: for formulas on another sheet.
    pub(super) fn on(self, sheet: &str) -> String {
        format!("{}!{}", quoted(sheet), self.absolute())
    }
}

/// A sheet name as formulas refer to it: always quoted, which every spreadsheet accepts,
/// rather than relying on each one's rules for accented names.
pub(super) fn quoted(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

/// `'Mensuel'!$B$5:$B$40`: one column of a table.
pub(super) fn column_range(sheet: &str, col: u16, first_row: u32, last_row: u32) -> String {
    format!(
        "{}!{}:{}",
        quoted(sheet),
        row_col_to_cell_absolute(first_row, col),
        row_col_to_cell_absolute(last_row, col)
    )
}

/// What a number is, for its display format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    /// Two decimals, thousands grouped.
    Money,
    /// As written (volumes, minutes).
    Quantity,
    /// A fraction shown as a percentage: 0.8 is 80.00 %.
    Percent,
    /// A whole month number.
    Month,
}

impl Unit {
    pub(super) fn number_format(self) -> &'static str {
        match self {
            Unit::Money => "#,##0.00",
            Unit::Quantity => "General",
            Unit::Percent => "0.00%",
            Unit::Month => "0",
        }
    }
}

/// Where a number comes from, which sets its look: the auditor must tell a value of the
/// file from a default and from a formula at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    Input,
    Default,
    /// A formula, or a label such as a month number: not an input.
    Derived,
}

pub(super) struct Styles {
    pub(super) title: Format,
    pub(super) header: Format,
    pub(super) note: Format,
    pub(super) text: Format,
}

impl Styles {
    pub(super) fn new() -> Self {
        Self {
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new().set_bold().set_text_wrap(),
            note: Format::new().set_italic().set_font_color(Color::Gray),
            text: Format::new(),
        }
    }

    pub(super) fn number(&self, unit: Unit, origin: Origin) -> Format {
        let format = Format::new().set_num_format(unit.number_format());
        match origin {
            Origin::Input => format.set_font_color(Color::RGB(0x1F_4E_9A)),
            Origin::Default => format.set_italic().set_font_color(Color::Gray),
            Origin::Derived => format,
        }
    }
}

/// The number written in a cell. Cells hold IEEE doubles: this is the edge where a
/// `Decimal` becomes one.
pub(super) fn cell_number(value: Decimal) -> f64 {
    value.as_f64()
}

/// The cached result of a formula: the engine's exact value as text (Excel reads it as a
/// number), so no float rounding happens on our side.
pub(super) fn cached(value: Decimal) -> String {
    value.normalize().to_string()
}

pub(super) fn write_number(
    sheet: &mut Worksheet,
    cell: Cell,
    value: Decimal,
    unit: Unit,
    origin: Origin,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.write_number_with_format(cell.row, cell.col, cell_number(value), &styles.number(unit, origin))?;
    Ok(())
}

/// An input of the file, else its default (shown as one), else nothing: a blank cell counts
/// as 0 in a formula, exactly as the engine counts a missing input.
pub(super) fn write_input(
    sheet: &mut Worksheet,
    cell: Cell,
    given: Option<Decimal>,
    default: Option<Decimal>,
    unit: Unit,
    styles: &Styles,
) -> Result<(), XlsxError> {
    match (given, default) {
        (Some(value), _) => write_number(sheet, cell, value, unit, Origin::Input, styles),
        (None, Some(value)) => write_number(sheet, cell, value, unit, Origin::Default, styles),
        (None, None) => Ok(()),
    }
}

pub(super) fn write_formula(
    sheet: &mut Worksheet,
    cell: Cell,
    formula: &str,
    result: String,
    unit: Unit,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let formula = Formula::new(formula).set_result(result);
    sheet.write_formula_with_format(cell.row, cell.col, formula, &styles.number(unit, Origin::Derived))?;
    Ok(())
}

pub(super) fn write_text(
    sheet: &mut Worksheet,
    cell: Cell,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(cell.row, cell.col, text, format)?;
    Ok(())
}

pub(super) fn write_headers(
    sheet: &mut Worksheet,
    row: u32,
    headers: &[String],
    styles: &Styles,
) -> Result<(), XlsxError> {
    for (col, header) in (0u16..).zip(headers) {
        write_text(sheet, Cell::new(row, col), header, &styles.header)?;
    }
    Ok(())
}
