//! The three line tables of the Assumptions sheet — benefits, costs, risks — one row per
//! line with its inputs, its value as a formula, its source, confidence and ranges.

use super::assumptions::*;
use super::cells::*;
use super::formulas::*;
use crate::domain::engine::Figures;
use crate::domain::project::{Benefit, Cost, Project, Risk};
use crate::domain::schema::{self, BENEFIT_INPUTS, BenefitInput, Measure, Need};
use crate::domain::uncertainty::LineList;
use crate::i18n::review::{benefit_kind_name, category_name, input_name, value_class_name};
use crate::i18n::{Lang, Text, XlsxText};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

pub(super) fn benefit_headers(lang: Lang) -> Vec<String> {
    let line: [&dyn LabelKey; 6] = [
        &Text::Name,
        &Text::Kind,
        &Text::ValueClass,
        &XlsxText::TimeFactorFt,
        &XlsxText::StartMonth,
        &XlsxText::RampMonths,
    ];
    let notes: [&dyn LabelKey; 4] =
        [&XlsxText::FullValue, &Text::Source, &Text::Confidence, &XlsxText::Ranges];
    let mut headers = labels(lang, &line);
    headers.extend(BENEFIT_INPUTS.iter().map(|input| input_name(lang, input.key).to_owned()));
    headers.extend(labels(lang, &notes));
    headers
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
        write_formula(
            sheet,
            v,
            &benefit_value_formula(line, row),
            cached(value.value()),
            Unit::Money,
            styles,
        )?;
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
    // Each input the file may give, in its column; an input made of parts (the minutes saved)
    // is written by `minutes_saved_cell`, as a formula over them.
    for input in BENEFIT_INPUTS.iter().filter(|input| !has_parts(input)) {
        let default = match input.need {
            Need::DefaultsTo(value) if input.is_read_by(line.kind) => Some(value),
            _ => None,
        };
        write_input(sheet, at(col::of(input)), (input.own)(line), default, unit_of(input.measure), styles)?;
    }
    minutes_saved_cell(sheet, row, line, styles)
}

/// Whether an input is made of others (written as a formula over them).
fn has_parts(input: &BenefitInput) -> bool {
    BENEFIT_INPUTS.iter().any(|other| other.need == Need::PartOf(input.key))
}

/// How an input's cell is shown.
fn unit_of(measure: Measure) -> Unit {
    match measure {
        Measure::Money => Unit::Money,
        Measure::Count | Measure::Minutes => Unit::Quantity,
        Measure::Fraction => Unit::Percent,
    }
}

/// Minutes saved per unit: given, or before − after as a formula when both are given
/// (`Benefit::minutes_saved`); blank (0) otherwise.
pub(super) fn minutes_saved_cell(
    sheet: &mut Worksheet,
    row: u32,
    line: &Benefit,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let cell = Cell::new(row, benefit_col::of(&schema::MINUTES_SAVED_PER_UNIT));
    match (line.minutes_saved_per_unit, line.minutes_saved()) {
        (Some(given), _) => write_number(sheet, cell, given, Unit::Quantity, Origin::Input, styles),
        (None, Some(difference)) => {
            let formula = format!(
                "{}-{}",
                Cell::new(row, benefit_col::of(&schema::MINUTES_BEFORE)).relative(),
                Cell::new(row, benefit_col::of(&schema::MINUTES_AFTER)).relative()
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
        risk_row(sheet, row, risk, loss.value(), styles)?;
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
    write_formula(sheet, total, &total_formula, cached(figures.risk_total.value()), Unit::Money, styles)?;
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
