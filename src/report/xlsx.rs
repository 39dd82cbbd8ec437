//! The spreadsheet a CFO can audit (`roi report --format xlsx`): every input of the project
//! on an Assumptions sheet, then the monthly flows and the headline figures as live Excel
//! formulas over those inputs — DOMAIN.md §2.1–2.6 written in Excel, mirroring `valuation`
//! and `flows`. Each formula also carries the engine's result as its cached value, so a
//! viewer that does not recalculate shows the same figures as the other reports.
//!
//! Pure: builds the workbook in memory; the CLI writes the bytes. `tests/report_xlsx.rs`
//! recalculates the workbook in LibreOffice and compares it with the engine.

use crate::domain::engine::{Cumulative, Figures};
use crate::domain::project::{Benefit, BenefitKind, Cost, Project, Risk};
use crate::domain::uncertainty::{Confidence, LineList, UncertainLine};
use crate::domain::valuation::ramped;
use crate::i18n::review::{
    benefit_kind_name, category_name, confidence_name, maturity_name, value_class_name,
};
use crate::i18n::{Lang, Localized, Text, XlsxText};
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, Format, Formula, Workbook, Worksheet, XlsxError, row_col_to_cell, row_col_to_cell_absolute,
};

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

// ---------------------------------------------------------------------------------------
// Cells and formats

/// A cell, 0-based as rust_xlsxwriter counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cell {
    row: u32,
    col: u16,
}

impl Cell {
    fn new(row: u32, col: u16) -> Self {
        Self { row, col }
    }

    /// `B5`: for formulas that refer to their own row.
    fn relative(self) -> String {
        row_col_to_cell(self.row, self.col)
    }

    /// `$B$5`: a fixed end of a growing range.
    fn absolute(self) -> String {
        row_col_to_cell_absolute(self.row, self.col)
    }

    /// `'Hypothèses'!$B$5`: for formulas on another sheet.
    fn on(self, sheet: &str) -> String {
        format!("{}!{}", quoted(sheet), self.absolute())
    }
}

/// A sheet name as formulas refer to it: always quoted, which every spreadsheet accepts,
/// rather than relying on each one's rules for accented names.
fn quoted(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

/// `'Mensuel'!$B$5:$B$40`: one column of a table.
fn column_range(sheet: &str, col: u16, first_row: u32, last_row: u32) -> String {
    format!(
        "{}!{}:{}",
        quoted(sheet),
        row_col_to_cell_absolute(first_row, col),
        row_col_to_cell_absolute(last_row, col)
    )
}

/// What a number is, for its display format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
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
    fn number_format(self) -> &'static str {
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
enum Origin {
    Input,
    Default,
    /// A formula, or a label such as a month number: not an input.
    Derived,
}

struct Styles {
    title: Format,
    header: Format,
    note: Format,
    text: Format,
}

impl Styles {
    fn new() -> Self {
        Self {
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new().set_bold().set_text_wrap(),
            note: Format::new().set_italic().set_font_color(Color::Gray),
            text: Format::new(),
        }
    }

    fn number(&self, unit: Unit, origin: Origin) -> Format {
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
fn cell_number(value: Decimal) -> f64 {
    value.as_f64()
}

/// The cached result of a formula: the engine's exact value as text (Excel reads it as a
/// number), so no float rounding happens on our side.
fn cached(value: Decimal) -> String {
    value.normalize().to_string()
}

fn write_number(
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
fn write_input(
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

fn write_formula(
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

fn write_text(sheet: &mut Worksheet, cell: Cell, text: &str, format: &Format) -> Result<(), XlsxError> {
    sheet.write_string_with_format(cell.row, cell.col, text, format)?;
    Ok(())
}

fn write_headers(
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

// ---------------------------------------------------------------------------------------
// Formula builders: DOMAIN.md §2 in Excel. Pure text, unit-tested below.

/// V of a benefit line (DOMAIN.md §2.1), from the cells of its row. Which inputs a kind
/// reads, and the monthly-or-annual choice, follow `valuation::monthly_value`.
fn benefit_value_formula(line: &Benefit, row: u32) -> String {
    let at = |col: u16| Cell::new(row, col).relative();
    match line.kind {
        BenefitKind::TimeSaving => format!(
            "{}*{}*{}*{}/60",
            at(benefit_col::VOLUME),
            at(benefit_col::MINUTES_SAVED),
            at(benefit_col::HOURLY_COST),
            at(benefit_col::REALLOCATION)
        ),
        BenefitKind::Revenue => format!(
            "{}*{}*{}/12",
            at(benefit_col::ANNUAL_REVENUE),
            at(benefit_col::UPLIFT),
            at(benefit_col::MARGIN)
        ),
        BenefitKind::ErrorReduction => format!(
            "{}*{}*{}",
            at(benefit_col::ERRORS),
            at(benefit_col::REDUCTION),
            at(benefit_col::COST_PER_ERROR)
        ),
        BenefitKind::Retention => {
            format!("{}*{}/12", at(benefit_col::DEPARTURES), at(benefit_col::REPLACEMENT_COST))
        }
        BenefitKind::CostReduction | BenefitKind::CostAvoidance | BenefitKind::Other => {
            match line.monthly_value {
                Some(_) => at(benefit_col::MONTHLY_VALUE),
                None => format!("{}/12", at(benefit_col::ANNUAL_VALUE)),
            }
        }
    }
}

/// r(m) of DOMAIN.md §2.1: 0 before the start, full at once without a ramp, else linear.
fn ramp_formula(month: &str, start: &str, ramp: &str) -> String {
    format!("IF({month}<{start},0,IF({ramp}=0,1,MIN(1,({month}-{start}+1)/{ramp})))")
}

/// b_raw(m) = Σ V × r(m): one term per line, V on the Assumptions sheet, r(m) in this row.
fn benefits_raw_formula(terms: &[(String, String)]) -> String {
    sum_of_products(terms.iter().map(|(value, ramp)| format!("{value}*{ramp}")))
}

/// b_adj(m) = FM × Σ V × FT × r(m).
fn benefits_adjusted_formula(maturity_factor: &str, terms: &[(String, String, String)]) -> String {
    let sum = sum_of_products(
        terms.iter().map(|(value, time_factor, ramp)| format!("{value}*{time_factor}*{ramp}")),
    );
    format!("{maturity_factor}*({sum})")
}

fn sum_of_products(terms: impl Iterator<Item = String>) -> String {
    let sum = terms.collect::<Vec<_>>().join("+");
    if sum.is_empty() { "0".to_owned() } else { sum }
}

/// c(m) of DOMAIN.md §2.3: (1 + contingency) × Σ (one-off in its month + monthly while
/// running), as SUMPRODUCTs over the cost table's columns.
fn costs_formula(month: &str, contingency: &str, columns: Option<&CostColumns>) -> String {
    let Some(c) = columns else { return "0".to_owned() };
    format!(
        "(1+{contingency})*(SUMPRODUCT(({}={month})*{})+SUMPRODUCT(({}<={month})*({}>={month})*{}))",
        c.one_off_month, c.one_off, c.start, c.end, c.monthly
    )
}

/// ROI of DOMAIN.md §2.6 as a fraction (formatted as a percentage); "—" rather than a
/// division error when the TCO is 0.
fn roi_formula(gain: &str, tco: &str) -> String {
    format!("IF({tco}=0,\"{DASH}\",({gain})/{tco})")
}

const DASH: &str = crate::i18n::DASH;

/// Whether month m breaks even: B > 0 and B − TCO − Risk ≥ 0. The difference is rounded
/// to 6 decimals so that a tie the engine computes exactly in decimals is not lost to
/// binary floating point in the spreadsheet.
fn break_even_flag_formula(benefits: &str, tco: &str, risk: Option<&str>) -> String {
    let risk = risk.map(|r| format!("-{r}")).unwrap_or_default();
    format!("IF(AND({benefits}>0,ROUND({benefits}-{tco}{risk},6)>=0),1,0)")
}

/// The first month whose flag is 1, else the "not reached" words.
fn first_month_formula(months: &str, flags: &str, not_reached: &str) -> String {
    format!("IFERROR(INDEX({months},MATCH(1,{flags},0)),\"{not_reached}\")")
}

/// NPV of DOMAIN.md §2.6: Σ net(m) / (1 + rate)^(m/12).
fn npv_formula(nets: &str, months: &str, rate: &str) -> String {
    format!("SUMPRODUCT({nets}/(1+{rate})^({months}/12))")
}

// ---------------------------------------------------------------------------------------
// Assumptions sheet

/// Columns of the benefit table.
mod benefit_col {
    pub const NAME: u16 = 0;
    pub const KIND: u16 = 1;
    pub const VALUE_CLASS: u16 = 2;
    pub const TIME_FACTOR: u16 = 3;
    pub const START: u16 = 4;
    pub const RAMP: u16 = 5;
    pub const VOLUME: u16 = 6;
    pub const MINUTES_SAVED: u16 = 7;
    pub const MINUTES_BEFORE: u16 = 8;
    pub const MINUTES_AFTER: u16 = 9;
    pub const HOURLY_COST: u16 = 10;
    pub const REALLOCATION: u16 = 11;
    pub const ANNUAL_REVENUE: u16 = 12;
    pub const UPLIFT: u16 = 13;
    pub const MARGIN: u16 = 14;
    pub const ERRORS: u16 = 15;
    pub const REDUCTION: u16 = 16;
    pub const COST_PER_ERROR: u16 = 17;
    pub const DEPARTURES: u16 = 18;
    pub const REPLACEMENT_COST: u16 = 19;
    pub const MONTHLY_VALUE: u16 = 20;
    pub const ANNUAL_VALUE: u16 = 21;
    pub const VALUE: u16 = 22;
    /// Then the confidence and the ranges (see `write_line_notes`).
    pub const SOURCE: u16 = 23;
    pub const RANGES: u16 = 25;
}

/// Columns of the cost table.
mod cost_col {
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
mod risk_col {
    pub const NAME: u16 = 0;
    pub const COST: u16 = 1;
    pub const PROBABILITY: u16 = 2;
    pub const EXPECTED: u16 = 3;
    /// Then the confidence and the ranges (see `write_line_notes`).
    pub const SOURCE: u16 = 4;
}

/// Where the monthly formulas find the inputs.
struct Inputs {
    sheet: String,
    benefits: Vec<BenefitCells>,
    costs: Option<CostColumns>,
    /// Defined names of the project's parameters.
    names: Vec<DefinedName>,
}

/// A defined name and the cell it names (`'Hypothèses'!$B$5`).
type DefinedName = (&'static str, String);

/// One benefit line's cells on the Assumptions sheet, as absolute references.
struct BenefitCells {
    name: String,
    value: String,
    time_factor: String,
    start: Cell,
    ramp: Cell,
}

/// The cost table's columns, as absolute ranges.
struct CostColumns {
    one_off: String,
    one_off_month: String,
    monthly: String,
    start: String,
    end: String,
}

fn assumptions_sheet(
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

fn row_count(lines: usize) -> u32 {
    u32::try_from(lines).unwrap_or(u32::MAX)
}

/// The row of the project parameters' title, below the sheet's title and legend.
const PARAMETERS_TOP: u32 = 3;

/// The row of the next table below one at `top` (title, header, `lines` rows, a blank row).
fn below_table(top: u32, lines: usize) -> u32 {
    top + 2 + row_count(lines) + 1
}

/// One project parameter: its label, the value of the file (if any), the value the engine
/// uses, and the defined name formulas refer to it by.
struct Parameter {
    label: &'static str,
    given: Option<Decimal>,
    effective: Decimal,
    unit: Unit,
    name: &'static str,
}

fn parameters(project: &Project, lang: Lang) -> [Parameter; 4] {
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
            effective: info.maturity_factor(),
            unit: Unit::Percent,
            name: lang.t(XlsxText::NameMaturityFactor),
        },
        Parameter {
            label: lang.t(Text::DiscountRate),
            given: info.discount_rate,
            effective: info.discount_rate(),
            unit: Unit::Percent,
            name: lang.t(XlsxText::NameDiscountRate),
        },
        Parameter {
            label: lang.t(Text::Contingency),
            given: info.contingency,
            effective: info.contingency(),
            unit: Unit::Percent,
            name: lang.t(XlsxText::NameContingency),
        },
    ]
}

/// Horizon, FM, discount rate, contingency (named cells), then the maturity and currency
/// as text; returns the defined names and the row below, blank row included.
fn project_parameters(
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
        [(Text::Maturity, maturity_name(lang, info.maturity())), (Text::Currency, info.currency())]
    {
        write_text(sheet, Cell::new(row, 0), lang.t(label), &styles.text)?;
        write_text(sheet, Cell::new(row, 1), value, &styles.text)?;
        row += 1;
    }
    Ok((names, row + 1))
}

/// The source, confidence and explicit ranges of a line: where its figures come from.
struct LineNotes<'a> {
    source: Option<&'a str>,
    confidence: Option<Confidence>,
    list: LineList,
    index: usize,
}

/// Writes a line's notes in three consecutive columns from `first_col`. A line without a
/// source gets none (nothing is invented); a missing confidence shows its default.
fn write_line_notes(
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
fn line_ranges(project: &Project, list: LineList, index: usize) -> String {
    let ranges = match list {
        LineList::Benefits => project.benefits.get(index).map(UncertainLine::ranges),
        LineList::Costs => project.costs.get(index).map(UncertainLine::ranges),
        LineList::Risks => project.risks.get(index).map(UncertainLine::ranges),
    };
    ranges
        .into_iter()
        .flatten()
        .map(|(field, range)| format!("{field} {} – {}", range.low.normalize(), range.high.normalize()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn table_title(
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

fn labels(lang: Lang, texts: &[&dyn LabelKey]) -> Vec<String> {
    texts.iter().map(|text| text.label(lang).to_owned()).collect()
}

/// A column header from either catalogue.
trait LabelKey {
    fn label(&self, lang: Lang) -> &'static str;
}

impl<T: Localized> LabelKey for T {
    fn label(&self, lang: Lang) -> &'static str {
        lang.t(*self)
    }
}

fn benefit_headers(lang: Lang) -> Vec<String> {
    labels(
        lang,
        &[
            &Text::Name,
            &Text::Kind,
            &Text::ValueClass,
            &XlsxText::TimeFactorFt,
            &XlsxText::StartMonth,
            &XlsxText::RampMonths,
            &XlsxText::VolumePerMonth,
            &XlsxText::MinutesSaved,
            &XlsxText::MinutesBefore,
            &XlsxText::MinutesAfter,
            &XlsxText::HourlyCost,
            &XlsxText::Reallocation,
            &XlsxText::AnnualRevenue,
            &XlsxText::Uplift,
            &XlsxText::Margin,
            &XlsxText::ErrorsPerMonth,
            &XlsxText::Reduction,
            &XlsxText::CostPerError,
            &XlsxText::DeparturesAvoided,
            &XlsxText::ReplacementCost,
            &XlsxText::MonthlyValueInput,
            &XlsxText::AnnualValueInput,
            &XlsxText::FullValue,
            &Text::Source,
            &Text::Confidence,
            &XlsxText::Ranges,
        ],
    )
}

/// One row per benefit line: every input in its own column, V as a formula over them.
fn benefit_table(
    sheet: &mut Worksheet,
    sheet_name: &str,
    project: &Project,
    figures: &Figures,
    lang: Lang,
    styles: &Styles,
    top: u32,
) -> Result<Vec<BenefitCells>, XlsxError> {
    table_title(sheet, top, Text::SectionBenefits, &benefit_headers(lang), lang, styles)?;
    let mut cells = Vec::with_capacity(project.benefits.len());
    for (index, (line, value)) in project.benefits.iter().zip(&figures.benefit_values).enumerate() {
        let row = top + 2 + row_count(index);
        benefit_row(sheet, row, line, lang, styles)?;
        let v = Cell::new(row, benefit_col::VALUE);
        write_formula(sheet, v, &benefit_value_formula(line, row), cached(*value), Unit::Money, styles)?;
        let notes = LineNotes {
            source: line.source.as_deref(),
            confidence: line.confidence,
            list: LineList::Benefits,
            index,
        };
        write_line_notes(sheet, project, row, benefit_col::SOURCE, &notes, lang, styles)?;
        cells.push(BenefitCells {
            name: line.name.clone(),
            value: v.on(sheet_name),
            time_factor: Cell::new(row, benefit_col::TIME_FACTOR).on(sheet_name),
            start: Cell::new(row, benefit_col::START),
            ramp: Cell::new(row, benefit_col::RAMP),
        });
    }
    Ok(cells)
}

/// The inputs of one benefit line, with the defaults the engine applies shown as defaults.
fn benefit_row(
    sheet: &mut Worksheet,
    row: u32,
    line: &Benefit,
    lang: Lang,
    styles: &Styles,
) -> Result<(), XlsxError> {
    use benefit_col as col;
    let at = |col: u16| Cell::new(row, col);
    write_text(sheet, at(col::NAME), &line.name, &styles.text)?;
    write_text(sheet, at(col::KIND), benefit_kind_name(lang, line.kind), &styles.text)?;
    let class = value_class_name(lang, line.value_class.unwrap_or_default());
    write_text(
        sheet,
        at(col::VALUE_CLASS),
        class,
        if line.value_class.is_some() { &styles.text } else { &styles.note },
    )?;
    let ft_default = Some(line.value_class.unwrap_or_default().time_factor());
    write_input(sheet, at(col::TIME_FACTOR), line.time_factor, ft_default, Unit::Percent, styles)?;
    write_input(
        sheet,
        at(col::START),
        line.start_month.map(Decimal::from),
        Some(Decimal::ONE),
        Unit::Month,
        styles,
    )?;
    write_input(
        sheet,
        at(col::RAMP),
        line.ramp_months.map(Decimal::from),
        Some(Decimal::ZERO),
        Unit::Month,
        styles,
    )?;
    let default_one = |applies: bool| applies.then_some(Decimal::ONE);
    let inputs = [
        (col::VOLUME, line.volume_per_month, None, Unit::Quantity),
        (col::MINUTES_BEFORE, line.minutes_before, None, Unit::Quantity),
        (col::MINUTES_AFTER, line.minutes_after, None, Unit::Quantity),
        (col::HOURLY_COST, line.hourly_cost, None, Unit::Money),
        (
            col::REALLOCATION,
            line.reallocation,
            default_one(line.kind == BenefitKind::TimeSaving),
            Unit::Percent,
        ),
        (col::ANNUAL_REVENUE, line.annual_revenue, None, Unit::Money),
        (col::UPLIFT, line.uplift, None, Unit::Percent),
        (col::MARGIN, line.margin, default_one(line.kind == BenefitKind::Revenue), Unit::Percent),
        (col::ERRORS, line.errors_per_month, None, Unit::Quantity),
        (col::REDUCTION, line.reduction, None, Unit::Percent),
        (col::COST_PER_ERROR, line.cost_per_error, None, Unit::Money),
        (col::DEPARTURES, line.departures_avoided_per_year, None, Unit::Quantity),
        (col::REPLACEMENT_COST, line.replacement_cost, None, Unit::Money),
        (col::MONTHLY_VALUE, line.monthly_value, None, Unit::Money),
        (col::ANNUAL_VALUE, line.annual_value, None, Unit::Money),
    ];
    for (col, given, default, unit) in inputs {
        write_input(sheet, at(col), given, default, unit, styles)?;
    }
    minutes_saved_cell(sheet, row, line, styles)
}

/// Minutes saved per unit: given, or before − after as a formula when both are given
/// (`Benefit::minutes_saved`); blank (0) otherwise.
fn minutes_saved_cell(
    sheet: &mut Worksheet,
    row: u32,
    line: &Benefit,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let cell = Cell::new(row, benefit_col::MINUTES_SAVED);
    match (line.minutes_saved_per_unit, line.minutes_saved()) {
        (Some(given), _) => write_number(sheet, cell, given, Unit::Quantity, Origin::Input, styles),
        (None, Some(difference)) => {
            let formula = format!(
                "{}-{}",
                Cell::new(row, benefit_col::MINUTES_BEFORE).relative(),
                Cell::new(row, benefit_col::MINUTES_AFTER).relative()
            );
            write_formula(sheet, cell, &formula, cached(difference), Unit::Quantity, styles)
        }
        (None, None) => Ok(()),
    }
}

fn cost_headers(lang: Lang) -> Vec<String> {
    labels(
        lang,
        &[
            &Text::Name,
            &Text::Category,
            &Text::OneOff,
            &XlsxText::OneOffMonth,
            &XlsxText::MonthlyCost,
            &XlsxText::StartMonth,
            &XlsxText::EndMonth,
            &Text::Source,
            &Text::Confidence,
            &XlsxText::Ranges,
        ],
    )
}

/// One row per cost line; the months of an amount the line does not give are left blank.
fn cost_table(
    sheet: &mut Worksheet,
    sheet_name: &str,
    project: &Project,
    lang: Lang,
    styles: &Styles,
    top: u32,
) -> Result<Option<CostColumns>, XlsxError> {
    table_title(sheet, top, Text::SectionCosts, &cost_headers(lang), lang, styles)?;
    let first = top + 2;
    for (index, line) in project.costs.iter().enumerate() {
        let row = first + row_count(index);
        cost_row(sheet, row, line, project.horizon(), lang, styles)?;
        let notes = LineNotes {
            source: line.source.as_deref(),
            confidence: line.confidence,
            list: LineList::Costs,
            index,
        };
        write_line_notes(sheet, project, row, cost_col::SOURCE, &notes, lang, styles)?;
    }
    if project.costs.is_empty() {
        return Ok(None);
    }
    let last = first + row_count(project.costs.len()) - 1;
    let column = |col: u16| column_range(sheet_name, col, first, last);
    Ok(Some(CostColumns {
        one_off: column(cost_col::ONE_OFF),
        one_off_month: column(cost_col::ONE_OFF_MONTH),
        monthly: column(cost_col::MONTHLY),
        start: column(cost_col::START),
        end: column(cost_col::END),
    }))
}

fn cost_row(
    sheet: &mut Worksheet,
    row: u32,
    line: &Cost,
    horizon: i64,
    lang: Lang,
    styles: &Styles,
) -> Result<(), XlsxError> {
    use cost_col as col;
    let at = |col: u16| Cell::new(row, col);
    write_text(sheet, at(col::NAME), &line.name, &styles.text)?;
    let category_format = if line.category.is_some() { &styles.text } else { &styles.note };
    write_text(sheet, at(col::CATEGORY), category_name(lang, line.category()), category_format)?;
    write_input(sheet, at(col::ONE_OFF), line.one_off, None, Unit::Money, styles)?;
    if line.one_off.is_some() || line.one_off_month.is_some() {
        let month = line.one_off_month.map(Decimal::from);
        write_input(sheet, at(col::ONE_OFF_MONTH), month, Some(Decimal::ONE), Unit::Month, styles)?;
    }
    write_input(sheet, at(col::MONTHLY), line.monthly, None, Unit::Money, styles)?;
    if line.monthly.is_some() || line.start_month.is_some() || line.end_month.is_some() {
        let (start, end) = (line.start_month.map(Decimal::from), line.end_month.map(Decimal::from));
        write_input(sheet, at(col::START), start, Some(Decimal::ONE), Unit::Month, styles)?;
        write_input(sheet, at(col::END), end, Some(Decimal::from(horizon)), Unit::Month, styles)?;
    }
    Ok(())
}

fn risk_headers(lang: Lang) -> Vec<String> {
    labels(
        lang,
        &[
            &Text::Name,
            &XlsxText::RiskCost,
            &XlsxText::Probability,
            &XlsxText::ExpectedLoss,
            &Text::Source,
            &Text::Confidence,
            &XlsxText::Ranges,
        ],
    )
}

/// One row per risk with its expected loss, then R_total and ρ = R_total / H (DOMAIN.md
/// §2.4); returns the defined name of ρ.
fn risk_table(
    sheet: &mut Worksheet,
    sheet_name: &str,
    project: &Project,
    figures: &Figures,
    lang: Lang,
    styles: &Styles,
    top: u32,
) -> Result<DefinedName, XlsxError> {
    table_title(sheet, top, Text::SectionRisks, &risk_headers(lang), lang, styles)?;
    let first = top + 2;
    for (index, (risk, loss)) in project.risks.iter().zip(&figures.risk_lines).enumerate() {
        let row = first + row_count(index);
        risk_row(sheet, row, risk, *loss, styles)?;
        let notes = LineNotes {
            source: risk.source.as_deref(),
            confidence: risk.confidence,
            list: LineList::Risks,
            index,
        };
        write_line_notes(sheet, project, row, risk_col::SOURCE, &notes, lang, styles)?;
    }
    let total_row = first + row_count(project.risks.len()) + 1;
    let total = Cell::new(total_row, risk_col::EXPECTED);
    let total_formula = match project.risks.len() {
        0 => "0".to_owned(),
        n => {
            format!("SUM({})", column_range(sheet_name, risk_col::EXPECTED, first, first + row_count(n) - 1))
        }
    };
    write_text(sheet, Cell::new(total_row, 0), lang.t(XlsxText::RiskTotal), &styles.header)?;
    write_formula(sheet, total, &total_formula, cached(figures.risk_total), Unit::Money, styles)?;
    let per_month = Cell::new(total_row + 1, risk_col::EXPECTED);
    let horizon_name = lang.t(XlsxText::NameHorizon);
    // ρ as the engine charges it every month.
    let rho = figures.flows.monthly.first().map_or(Decimal::ZERO, |month| month.risk);
    write_text(sheet, Cell::new(total_row + 1, 0), lang.t(XlsxText::RiskPerMonth), &styles.header)?;
    write_formula(
        sheet,
        per_month,
        &format!("{}/{horizon_name}", total.relative()),
        cached(rho),
        Unit::Money,
        styles,
    )?;
    Ok((lang.t(XlsxText::NameRiskPerMonth), per_month.on(sheet_name)))
}

fn risk_row(
    sheet: &mut Worksheet,
    row: u32,
    risk: &Risk,
    loss: Decimal,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let at = |col: u16| Cell::new(row, col);
    write_text(sheet, at(risk_col::NAME), &risk.name, &styles.text)?;
    write_number(sheet, at(risk_col::COST), risk.cost, Unit::Money, Origin::Input, styles)?;
    write_number(sheet, at(risk_col::PROBABILITY), risk.probability, Unit::Percent, Origin::Input, styles)?;
    let formula = format!("{}*{}", at(risk_col::COST).relative(), at(risk_col::PROBABILITY).relative());
    write_formula(sheet, at(risk_col::EXPECTED), &formula, cached(loss), Unit::Money, styles)
}

// ---------------------------------------------------------------------------------------
// Monthly sheet

/// Columns of the monthly table; one r(m) column per benefit line follows the last.
mod month_col {
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
const FIRST_MONTH_ROW: u32 = 4;

/// Where the Summary finds the monthly columns.
struct MonthlyColumns {
    sheet: String,
    last_row: u32,
}

impl MonthlyColumns {
    /// The column over months 1..H.
    fn range(&self, col: u16) -> String {
        column_range(&self.sheet, col, FIRST_MONTH_ROW, self.last_row)
    }
}

fn monthly_headers(lang: Lang, benefits: &[BenefitCells]) -> Vec<String> {
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

fn monthly_sheet(
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
fn ramp_col(line: usize) -> u16 {
    u16::try_from(line).ok().and_then(|line| month_col::FIRST_RAMP.checked_add(line)).unwrap_or(u16::MAX)
}

/// One month's row.
struct MonthRow {
    row: u32,
    month: i64,
}

impl MonthRow {
    /// A cell of this row, relative (`C5`).
    fn at(&self, col: u16) -> String {
        Cell::new(self.row, col).relative()
    }

    /// The month number, column fixed (`$A5`).
    fn month_ref(&self) -> String {
        format!("$A{}", self.row + 1)
    }

    /// Σ of a column from month 1 to this row: `SUM($B$5:B9)`.
    fn running_sum(&self, col: u16) -> String {
        format!("SUM({}:{})", Cell::new(FIRST_MONTH_ROW, col).absolute(), self.at(col))
    }
}

/// r(m) of each benefit line, from its start month and ramp on the Assumptions sheet.
fn ramp_cells(
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
fn flow_cells(
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
fn cumulative_cells(
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

// ---------------------------------------------------------------------------------------
// Summary sheet

/// Columns of the checkpoint table.
mod summary_col {
    pub const MONTH: u16 = 0;
    pub const RAW: u16 = 1;
    pub const ADJUSTED: u16 = 2;
    pub const TCO: u16 = 3;
    pub const RISK: u16 = 4;
    pub const ROI_CLASSIC: u16 = 5;
    pub const ROI_ADJUSTED: u16 = 6;
}

const FIRST_CHECKPOINT_ROW: u32 = 4;

fn summary_sheet(
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
fn checkpoint_row(
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
        let result = pct.map_or_else(|| DASH.to_owned(), |pct| cached(pct / Decimal::ONE_HUNDRED));
        write_formula(sheet, Cell::new(row, col), &roi_formula(&gain, &tco), result, Unit::Percent, styles)?;
    }
    Ok(())
}

/// NPV and both break-even months.
fn headline_rows(
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
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Drivers;
    use rust_decimal_macros::dec;

    #[test]
    fn ramp_is_zero_before_the_start_full_without_a_ramp_else_linear() {
        assert_eq!(
            ramp_formula("$A5", "S!$E$14", "S!$F$14"),
            "IF($A5<S!$E$14,0,IF(S!$F$14=0,1,MIN(1,($A5-S!$E$14+1)/S!$F$14)))"
        );
    }

    #[test]
    fn each_kind_values_its_own_inputs() {
        let line = |kind| Benefit { kind, ..Benefit::default() };
        // Row 13 (0-based) is Excel row 14.
        assert_eq!(benefit_value_formula(&line(BenefitKind::TimeSaving), 13), "G14*H14*K14*L14/60");
        assert_eq!(benefit_value_formula(&line(BenefitKind::Revenue), 13), "M14*N14*O14/12");
        assert_eq!(benefit_value_formula(&line(BenefitKind::ErrorReduction), 13), "P14*Q14*R14");
        assert_eq!(benefit_value_formula(&line(BenefitKind::Retention), 13), "S14*T14/12");
        assert_eq!(benefit_value_formula(&line(BenefitKind::Other), 13), "V14/12");
        let monthly = Benefit {
            monthly_value: Some(dec!(10)),
            annual_value: Some(dec!(999)),
            ..line(BenefitKind::CostAvoidance)
        };
        assert_eq!(benefit_value_formula(&monthly, 13), "U14", "monthly_value wins over annual_value");
    }

    #[test]
    fn benefit_sums_have_one_term_per_line_and_are_zero_without_lines() {
        let raw = [("V1".to_owned(), "N5".to_owned()), ("V2".to_owned(), "O5".to_owned())];
        assert_eq!(benefits_raw_formula(&raw), "V1*N5+V2*O5");
        assert_eq!(benefits_raw_formula(&[]), "0");
        let adjusted = [("V1".to_owned(), "FT1".to_owned(), "N5".to_owned())];
        assert_eq!(benefits_adjusted_formula("FM", &adjusted), "FM*(V1*FT1*N5)");
        assert_eq!(benefits_adjusted_formula("FM", &[]), "FM*(0)");
    }

    #[test]
    fn costs_add_one_offs_in_their_month_and_monthlies_while_running_with_contingency() {
        let columns = CostColumns {
            one_off: "O".into(),
            one_off_month: "OM".into(),
            monthly: "M".into(),
            start: "S".into(),
            end: "E".into(),
        };
        assert_eq!(
            costs_formula("$A5", "Cont", Some(&columns)),
            "(1+Cont)*(SUMPRODUCT((OM=$A5)*O)+SUMPRODUCT((S<=$A5)*(E>=$A5)*M))"
        );
        assert_eq!(costs_formula("$A5", "Cont", None), "0");
    }

    #[test]
    fn roi_is_a_dash_not_a_division_error_when_the_tco_is_zero() {
        assert_eq!(roi_formula("C5-D5-E5", "D5"), "IF(D5=0,\"—\",(C5-D5-E5)/D5)");
    }

    #[test]
    fn break_even_needs_benefits_and_a_non_negative_balance() {
        assert_eq!(break_even_flag_formula("I5", "J5", Some("K5")), "IF(AND(I5>0,ROUND(I5-J5-K5,6)>=0),1,0)");
        assert_eq!(break_even_flag_formula("H5", "J5", None), "IF(AND(H5>0,ROUND(H5-J5,6)>=0),1,0)");
        assert_eq!(
            first_month_formula("M", "F", "not reached"),
            "IFERROR(INDEX(M,MATCH(1,F,0)),\"not reached\")"
        );
    }

    #[test]
    fn npv_discounts_each_month_by_a_twelfth_of_a_year() {
        assert_eq!(npv_formula("N", "M", "Rate"), "SUMPRODUCT(N/(1+Rate)^(M/12))");
    }

    #[test]
    fn references_quote_sheet_names_with_accents_and_spaces() {
        assert_eq!(Cell::new(4, 1).on("Hypothèses"), "'Hypothèses'!$B$5");
        assert_eq!(column_range("Mensuel", 6, 4, 39), "'Mensuel'!$G$5:$G$40");
        assert_eq!(quoted("l'an"), "'l''an'");
    }

    #[test]
    fn cached_results_are_the_exact_decimal() {
        assert_eq!(cached(dec!(133.3333333333333333333333333)), "133.3333333333333333333333333");
        assert_eq!(cached(dec!(4000.00)), "4000");
    }

    fn full_project() -> Project {
        let text = include_str!("../../tests/fixtures/domain-example.toml");
        let mut project: Project = toml::from_str(text).unwrap();
        project.benefits.push(Benefit {
            name: "Before and after".into(),
            kind: BenefitKind::TimeSaving,
            minutes_before: Some(dec!(45)),
            minutes_after: Some(dec!(15)),
            ..Benefit::default()
        });
        project
    }

    #[test]
    fn a_workbook_builds_in_both_languages_with_and_without_lines() {
        // Defined names and sheet names are checked by rust_xlsxwriter when saving.
        for project in [Project::named("Vide"), full_project()] {
            let figures = Figures::compute(&project, &Drivers::default());
            for lang in [Lang::Fr, Lang::En] {
                let bytes = render(&project, &figures, lang).unwrap();
                assert!(bytes.starts_with(b"PK"), "an xlsx file is a zip archive");
            }
        }
    }
}
