//! TCO tab: cost lines (one-off and monthly) and risks, the totals per year and per category,
//! and the hidden-cost checklist.

use super::path;
use crate::domain::money::Amount;
use crate::domain::money::Rate;
use crate::domain::warnings::{HIDDEN_COST_CATEGORIES, empty_hidden_cost_categories};
use crate::i18n::Text;
use crate::i18n::review::category_name;
use crate::tui::app::App;
use crate::tui::grid::{Cell, Collection, Grid, Row};
use crate::tui::theme::Theme;
use crate::tui::widgets::{block, render_grid};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let panel = super::panel_height(crate::tui::app::Tab::Tco, area.height);
    let [table, panels] = area.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(panel)]));
    render_grid(app, frame, table, theme, &grid(app), app.lang.t(Text::TabTco));
    let [categories, years, checklist] =
        panels.layout(&Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2), Constraint::Fill(2)]));
    render_categories(app, frame, categories, theme);
    render_years(app, frame, years, theme);
    render_checklist(app, frame, checklist, theme);
}

pub fn grid(app: &App) -> Grid {
    let lang = app.lang;
    let money = |v: Option<Amount>| Cell::amount(lang, v, app.currency());
    let header = |texts: [Text; 8]| -> Vec<Cell> {
        texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| if i >= 2 { Cell::figure(lang.t(t)) } else { Cell::text(lang.t(t)) })
            .collect()
    };
    let horizon = app.project.horizon();
    let mut rows = vec![Row::section(
        Some(Collection::Costs),
        &[0, 13, 9, 3, 8, 3, 3, 10],
        header([
            Text::SectionCosts,
            Text::Category,
            Text::OneOff,
            Text::MonthShortCap,
            Text::Monthly,
            Text::StartShort,
            Text::EndShort,
            Text::TotalHorizon,
        ]),
    )];
    for (i, line) in app.project.costs.iter().enumerate() {
        let base = format!("costs[{i}]");
        let field = |text: String, key: &str| Cell::field(text, path(&format!("{base}.{key}"))).right();
        let amount = |value: Option<Decimal>, key: &str| {
            money(value.map(Amount::new)).at(path(&format!("{base}.{key}")))
        };
        rows.push(Row::item(
            Collection::Costs,
            i,
            vec![
                Cell::field(format!("  {}", line.name), path(&format!("{base}.name"))),
                Cell::field(category_name(lang, line.category()), path(&format!("{base}.category"))),
                amount(line.one_off, "one_off"),
                field(
                    line.one_off.map_or_else(String::new, |_| line.one_off_month().to_string()),
                    "one_off_month",
                ),
                amount(line.monthly, "monthly"),
                field(
                    line.monthly.map_or_else(String::new, |_| line.start_month().to_string()),
                    "start_month",
                ),
                field(
                    line.monthly.map_or_else(String::new, |_| line.end_month(horizon).to_string()),
                    "end_month",
                ),
                money(app.figures.cost_totals.get(i).copied()),
            ],
        ));
        let ranged = [
            (Text::OneOff, "one_off", line.one_off.is_some()),
            (Text::Monthly, "monthly", line.monthly.is_some()),
        ];
        rows.push(super::provenance_row(lang, &base, line, &ranged));
    }
    rows.push(Row::section(
        None,
        &[24, 0],
        vec![
            Cell::text(lang.t(Text::Contingency)),
            Cell::field(lang.rate(app.project.project.contingency()), path("project.contingency")),
        ],
    ));
    rows.push(Row::section(
        Some(Collection::Risks),
        &[0, 12, 8, 12],
        vec![
            Cell::text(lang.t(Text::SectionRisks)),
            Cell::figure(lang.t(Text::RiskCost)),
            Cell::figure(lang.t(Text::Probability)),
            Cell::figure(lang.t(Text::Expected)),
        ],
    ));
    for (i, risk) in app.project.risks.iter().enumerate() {
        let base = format!("risks[{i}]");
        let (cost, probability) = (risk.cost, risk.probability);
        rows.push(Row::item(
            Collection::Risks,
            i,
            vec![
                Cell::field(format!("  {}", risk.name), path(&format!("{base}.name"))),
                money(Some(Amount::new(cost))).at(path(&format!("{base}.cost"))),
                Cell::field(lang.rate(Rate::new(probability)), path(&format!("{base}.probability"))).right(),
                money(app.figures.risk_lines.get(i).copied()),
            ],
        ));
        let ranged = [(Text::RiskCost, "cost", true), (Text::Probability, "probability", true)];
        rows.push(super::provenance_row(lang, &base, risk, &ranged));
    }
    Grid { rows }
}

/// One horizontal bar per category, largest first, each with its name and its total; the
/// categories that do not fit are summed on a last line, never dropped silently.
fn render_categories(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let rows = usize::from(area.height.saturating_sub(2));
    let width = usize::from(area.width.saturating_sub(2));
    let lines = category_lines(app, rows, width, theme);
    frame.render_widget(Paragraph::new(lines).block(block(app.lang.t(Text::ByCategory), theme)), area);
}

fn category_lines(app: &App, rows: usize, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut entries: Vec<(String, Amount)> = app
        .figures
        .cost_by_category(&app.project)
        .into_iter()
        .map(|(category, total)| (category_name(lang, category).to_owned(), total))
        .collect();
    if entries.len() > rows && rows > 0 {
        let rest: Vec<Amount> = entries.drain(rows - 1..).map(|(_, total)| total).collect();
        let name = format!("+{} {}", rest.len(), lang.t(Text::OtherCategories));
        entries.push((name, rest.into_iter().sum()));
    }
    let largest = entries.iter().map(|(_, total)| total.value()).max().unwrap_or_default();
    let values: Vec<String> =
        entries.iter().map(|(_, total)| lang.money_compact(*total, app.currency())).collect();
    let value_width = values.iter().map(|v| v.chars().count()).max().unwrap_or(0);
    let name_width = entries.iter().map(|(name, _)| name.chars().count()).max().unwrap_or(0).min(width / 3);
    let bar_room = width.saturating_sub(name_width + value_width + 2);
    entries
        .iter()
        .zip(values)
        .map(|((name, total), value)| {
            let share = total.value().checked_div(largest).unwrap_or_default();
            let bar = (share * rust_decimal::Decimal::from(bar_room)).round().to_usize().unwrap_or(0).max(1);
            Line::from(vec![
                Span::raw(format!("{:<name_width$} ", crate::tui::widgets::fit(name, name_width))),
                Span::styled("█".repeat(bar.min(bar_room)), theme.bar),
                Span::raw(" ".repeat(bar_room.saturating_sub(bar) + 1)),
                Span::styled(format!("{value:>value_width$}"), theme.figure),
            ])
        })
        .collect()
}

/// What an amount of the "by year" panel may take at 80 columns (its inner width less
/// `Année 10 `).
const YEAR_VALUE_WIDTH: usize = 11;

fn render_years(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let lang = app.lang;
    let mut lines: Vec<Line> = app
        .figures
        .cost_by_year()
        .iter()
        .enumerate()
        .map(|(i, total)| {
            Line::from(vec![
                Span::raw(format!("{} {} ", lang.t(Text::Year), i + 1)),
                Span::styled(lang.money_fit(*total, app.currency(), YEAR_VALUE_WIDTH), theme.figure),
            ])
        })
        .collect();
    lines.push(Line::from(vec![
        Span::styled(format!("{} ", lang.t(Text::Total)), theme.label),
        Span::styled(
            lang.money_fit(Amount::new(app.figures.flows.at_horizon().tco), app.currency(), YEAR_VALUE_WIDTH),
            theme.figure,
        ),
    ]));
    frame.render_widget(Paragraph::new(lines).block(block(lang.t(Text::ByYear), theme)), area);
}

fn render_checklist(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let empty = empty_hidden_cost_categories(&app.project);
    let lines: Vec<Line> = HIDDEN_COST_CATEGORIES
        .iter()
        .map(|category| {
            let missing = empty.contains(category);
            let (mark, style) = if missing { ("[ ]", theme.bad) } else { ("[x]", theme.good) };
            Line::from(vec![
                Span::styled(mark, style),
                Span::raw(format!(" {}", category_name(app.lang, *category))),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block(app.lang.t(Text::HiddenCosts), theme)), area);
}
