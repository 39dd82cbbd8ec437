//! The Assumptions sheet: every input of the project, the lines with their notes.

use super::cells::*;
use super::formulas::*;
use crate::domain::engine::Figures;
use crate::domain::project::{Benefit, BenefitKind, Cost, Project, Risk};
use crate::domain::uncertainty::{Confidence, LineFacts, LineList};
use crate::i18n::review::{
    benefit_kind_name, category_name, confidence_name, maturity_name, value_class_name,
};
use crate::i18n::{Lang, Localized, Text, XlsxText};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// Columns of the benefit table.
pub(super) mod benefit_col {
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
        [(Text::Maturity, maturity_name(lang, info.maturity())), (Text::Currency, info.currency())]
    {
        write_text(sheet, Cell::new(row, 0), lang.t(label), &styles.text)?;
        write_text(sheet, Cell::new(row, 1), value, &styles.text)?;
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

pub(super) fn benefit_headers(lang: Lang) -> Vec<String> {
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
pub(super) fn benefit_table(
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
pub(super) fn benefit_row(
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
pub(super) fn minutes_saved_cell(
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

pub(super) fn cost_headers(lang: Lang) -> Vec<String> {
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
pub(super) fn cost_table(
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

pub(super) fn cost_row(
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

pub(super) fn risk_headers(lang: Lang) -> Vec<String> {
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
pub(super) fn risk_table(
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

pub(super) fn risk_row(
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
