//! The Assumptions sheet: every input of the project, the lines with their notes.

use super::cells::*;
use crate::domain::engine::Figures;
use crate::domain::project::Project;
use crate::domain::uncertainty::{Confidence, LineFacts, LineList};
use crate::i18n::review::{confidence_name, maturity_label};
use crate::i18n::{Lang, Localized, Text, XlsxText};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

pub(super) use super::line_tables::*;

/// Columns of the benefit table.
pub(super) mod benefit_col {
    use crate::domain::schema::{BENEFIT_INPUTS, BenefitInput};
    pub const NAME: u16 = 0;
    pub const KIND: u16 = 1;
    pub const VALUE_CLASS: u16 = 2;
    pub const TIME_FACTOR: u16 = 3;
    pub const START: u16 = 4;
    pub const RAMP: u16 = 5;
    /// Then each benefit input in its own column, in the schema's order.
    const FIRST_INPUT: u16 = 6;
    /// The column of `input`.
    pub fn of(input: &BenefitInput) -> u16 {
        let position = BENEFIT_INPUTS.iter().position(|other| other.key == input.key).unwrap_or_default();
        FIRST_INPUT + u16::try_from(position).unwrap_or_default()
    }
    /// V, after the inputs (sixteen: the cast cannot truncate).
    pub const VALUE: u16 = FIRST_INPUT + BENEFIT_INPUTS.len() as u16;
    /// Then the confidence and the ranges (see `write_line_notes`).
    pub const SOURCE: u16 = VALUE + 1;
    pub const RANGES: u16 = VALUE + 3;
}

/// Columns of the cost table.
pub(super) mod cost_col {
    pub const NAME: u16 = 0;
    pub const CATEGORY: u16 = 1;
    pub const ONE_OFF: u16 = 2;
    pub const ONE_OFF_MONTH: u16 = 3;
    pub const MONTHLY: u16 = 4;
    pub const START: u16 = 5;
    pub const END: u16 = 6;
    /// Then the confidence and the ranges (see `write_line_notes`).
    pub const SOURCE: u16 = 7;
}

/// Columns of the risk table.
pub(super) mod risk_col {
    pub const NAME: u16 = 0;
    pub const COST: u16 = 1;
    pub const PROBABILITY: u16 = 2;
    pub const EXPECTED: u16 = 3;
    /// Then the confidence and the ranges (see `write_line_notes`).
    pub const SOURCE: u16 = 4;
}

/// Where the monthly formulas find the inputs.
pub(super) struct Inputs {
    pub(super) sheet: String,
    pub(super) benefits: Vec<BenefitCells>,
    pub(super) costs: Option<CostColumns>,
    /// Defined names of the project's parameters.
    pub(super) names: Vec<DefinedName>,
}

/// A defined name and the cell it names (`'Hypothèses'!$B$5`).
pub(super) type DefinedName = (&'static str, String);

/// One benefit line's cells on the Assumptions sheet, as absolute references.
pub(super) struct BenefitCells {
    pub(super) name: String,
    pub(super) value: String,
    pub(super) time_factor: String,
    pub(super) start: Cell,
    pub(super) ramp: Cell,
}

/// The cost table's columns, as absolute ranges.
pub(super) struct CostColumns {
    pub(super) one_off: String,
    pub(super) one_off_month: String,
    pub(super) monthly: String,
    pub(super) start: String,
    pub(super) end: String,
}

pub(super) fn assumptions_sheet(
    project: &Project,
    figures: &Figures,
    lang: Lang,
    styles: &Styles,
) -> Result<(Worksheet, Inputs), XlsxError> {
    let name = lang.t(XlsxText::SheetAssumptions).to_owned();
    let mut sheet = Worksheet::new();
    sheet.set_name(&name)?;
    write_text(&mut sheet, Cell::new(0, 0), &project.project.name, &styles.title)?;
    write_text(&mut sheet, Cell::new(1, 0), lang.t(XlsxText::Legend), &styles.note)?;
    let (mut names, benefits_top) =
        project_parameters(&mut sheet, &name, project, lang, styles, PARAMETERS_TOP)?;
    let benefits = benefit_table(&mut sheet, &name, project, figures, lang, styles, benefits_top)?;
    let costs_top = below_table(benefits_top, project.benefits.len());
    let costs = cost_table(&mut sheet, &name, project, lang, styles, costs_top)?;
    let risks_top = below_table(costs_top, project.costs.len());
    names.push(risk_table(&mut sheet, &name, project, figures, lang, styles, risks_top)?);
    sheet.set_column_width(0, 36)?;
    sheet.set_column_range_width(1, benefit_col::RANGES, 14)?;
    sheet.set_freeze_panes(0, 1)?;
    Ok((sheet, Inputs { sheet: name, benefits, costs, names }))
}

pub(super) fn row_count(lines: usize) -> u32 {
    u32::try_from(lines).unwrap_or(u32::MAX)
}

/// The row of the project parameters' title, below the sheet's title and legend.
pub(super) const PARAMETERS_TOP: u32 = 3;

/// The row of the next table below one at `top` (title, header, `lines` rows, a blank row).
pub(super) fn below_table(top: u32, lines: usize) -> u32 {
    top + 2 + row_count(lines) + 1
}

/// One project parameter: its label, the value of the file (if any), the value the engine
/// uses, and the defined name formulas refer to it by.
pub(super) struct Parameter {
    pub(super) label: &'static str,
    pub(super) given: Option<Decimal>,
    pub(super) effective: Decimal,
    pub(super) unit: Unit,
    pub(super) name: &'static str,
}

pub(super) fn parameters(project: &Project, lang: Lang) -> [Parameter; 4] {
    let info = &project.project;
    [
        Parameter {
            label: lang.t(XlsxText::HorizonMonths),
            given: info.horizon_months.map(Decimal::from),
            effective: Decimal::from(project.horizon()),
            unit: Unit::Month,
            name: lang.t(XlsxText::NameHorizon),
        },
        Parameter {
            label: lang.t(XlsxText::MaturityFactorFm),
            given: info.maturity_factor,
            effective: info.maturity_factor().fraction(),
            unit: Unit::Percent,
            name: lang.t(XlsxText::NameMaturityFactor),
        },
        Parameter {
            label: lang.t(Text::DiscountRate),
            given: info.discount_rate,
            effective: info.discount_rate().fraction(),
            unit: Unit::Percent,
            name: lang.t(XlsxText::NameDiscountRate),
        },
        Parameter {
            label: lang.t(Text::Contingency),
            given: info.contingency,
            effective: info.contingency().fraction(),
            unit: Unit::Percent,
            name: lang.t(XlsxText::NameContingency),
        },
    ]
}

/// Horizon, FM, discount rate, contingency (named cells), then the maturity and currency
/// as text; returns the defined names and the row below, blank row included.
pub(super) fn project_parameters(
    sheet: &mut Worksheet,
    sheet_name: &str,
    project: &Project,
    lang: Lang,
    styles: &Styles,
    top: u32,
) -> Result<(Vec<DefinedName>, u32), XlsxError> {
    write_text(sheet, Cell::new(top, 0), lang.t(Text::SectionProject), &styles.header)?;
    let mut names = Vec::new();
    let mut row = top + 1;
    for parameter in parameters(project, lang) {
        write_text(sheet, Cell::new(row, 0), parameter.label, &styles.text)?;
        let cell = Cell::new(row, 1);
        write_input(sheet, cell, parameter.given, Some(parameter.effective), parameter.unit, styles)?;
        names.push((parameter.name, cell.on(sheet_name)));
        row += 1;
    }
    let info = &project.project;
    for (label, value) in
        [(Text::Maturity, maturity_label(lang, info)), (Text::Currency, info.currency().into())]
    {
        write_text(sheet, Cell::new(row, 0), lang.t(label), &styles.text)?;
        write_text(sheet, Cell::new(row, 1), &value, &styles.text)?;
        row += 1;
    }
    Ok((names, row + 1))
}

/// The source, confidence and explicit ranges of a line: where its figures come from.
pub(super) struct LineNotes<'a> {
    pub(super) source: Option<&'a str>,
    pub(super) confidence: Option<Confidence>,
    pub(super) list: LineList,
    pub(super) index: usize,
}

/// Writes a line's notes in three consecutive columns from `first_col`. A line without a
/// source gets none (nothing is invented); a missing confidence shows its default.
pub(super) fn write_line_notes(
    sheet: &mut Worksheet,
    project: &Project,
    row: u32,
    first_col: u16,
    notes: &LineNotes,
    lang: Lang,
    styles: &Styles,
) -> Result<(), XlsxError> {
    if let Some(source) = notes.source {
        write_text(sheet, Cell::new(row, first_col), source, &styles.text)?;
    }
    let (confidence, format) = match notes.confidence {
        Some(given) => (given, &styles.text),
        None => (Confidence::default(), &styles.note),
    };
    write_text(sheet, Cell::new(row, first_col + 1), confidence_name(lang, confidence), format)?;
    let ranges = line_ranges(project, notes.list, notes.index);
    if !ranges.is_empty() {
        write_text(sheet, Cell::new(row, first_col + 2), &ranges, &styles.text)?;
    }
    Ok(())
}

/// The ranges the file gives for one line: `hourly_cost 40 – 60; volume_per_month 180 – 220`.
/// The cells hold the likely value, as every deterministic figure does.
pub(super) fn line_ranges(project: &Project, list: LineList, index: usize) -> String {
    let ranges = match list {
        LineList::Benefits => project.benefits.get(index).map(LineFacts::ranges),
        LineList::Costs => project.costs.get(index).map(LineFacts::ranges),
        LineList::Risks => project.risks.get(index).map(LineFacts::ranges),
    };
    ranges
        .into_iter()
        .flatten()
        .map(|(field, range)| format!("{field} {} – {}", range.low.normalize(), range.high.normalize()))
        .collect::<Vec<_>>()
        .join("; ")
}

pub(super) fn table_title(
    sheet: &mut Worksheet,
    top: u32,
    title: Text,
    headers: &[String],
    lang: Lang,
    styles: &Styles,
) -> Result<(), XlsxError> {
    write_text(sheet, Cell::new(top, 0), lang.t(title), &styles.header)?;
    write_headers(sheet, top + 1, headers, styles)
}

pub(super) fn labels(lang: Lang, texts: &[&dyn LabelKey]) -> Vec<String> {
    texts.iter().map(|text| text.label(lang).to_owned()).collect()
}

/// A column header from either catalogue.
pub(super) trait LabelKey {
    fn label(&self, lang: Lang) -> &'static str;
}

impl<T: Localized> LabelKey for T {
    fn label(&self, lang: Lang) -> &'static str {
        lang.t(*self)
    }
}
