//! Sensitivity tab: one slider per driver of DOMAIN.md §2.8, the figures they give beside the
//! base figures, the cumulative chart of both, and the ×2/÷2 toggle.

use crate::domain::drivers::Driver;
use crate::domain::sensitivity;
use crate::i18n::{Lang, Text};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::{block, cash_flow_chart};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

const SLIDER_WIDTH: usize = 10;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let [left, right] = area.layout(&Layout::horizontal([Constraint::Length(40), Constraint::Fill(1)]));
    let [sliders, figures] = left.layout(&Layout::vertical([Constraint::Length(12), Constraint::Fill(1)]));
    frame.render_widget(
        Paragraph::new(slider_lines(app, theme)).block(block(app.lang.t(Text::Drivers), theme)),
        sliders,
    );
    frame.render_widget(
        Paragraph::new(figure_lines(app, theme)).block(block(&figures_title(app), theme)),
        figures,
    );
    let shown = if app.stress_view { &app.figures.stressed_flows } else { &app.figures.flows };
    cash_flow_chart(
        frame,
        right,
        theme,
        app.lang,
        &[(&app.base_figures.flows, theme.muted), (shown, theme.figure)],
    );
}

fn figures_title(app: &App) -> String {
    let lang = app.lang;
    let mut title = format!("{} / {}", lang.t(Text::Base), lang.t(Text::WhatIf));
    if app.stress_view {
        title.push_str(&format!(" · {}", lang.t(Text::StressTest)));
    }
    title
}

/// A driver's value as the user reads it: ×1.20, +3 months, 70 %.
pub fn driver_value(lang: Lang, app: &App, driver: Driver) -> String {
    let value = app.drivers.get(driver);
    match driver {
        Driver::DelayMonths => format!("{:+} {}", app.drivers.delay_months(), lang.t(Text::Months)),
        Driver::DiscountRate => lang.percent(Some(
            value.unwrap_or_else(|| app.project.project.discount_rate()) * Decimal::ONE_HUNDRED,
        )),
        Driver::MaturityFactor => {
            lang.number(value.unwrap_or_else(|| app.project.project.maturity_factor()), 2)
        }
        _ => format!("×{}", lang.number(value.unwrap_or(Decimal::ONE), 2)),
    }
}

fn slider_lines<'a>(app: &App, theme: &Theme) -> Vec<Line<'a>> {
    Driver::ALL
        .iter()
        .enumerate()
        .map(|(i, driver)| {
            let selected = i == app.driver;
            let (low, high) = driver.bounds();
            let value = sensitivity::current(&app.project, &app.drivers, *driver);
            let position =
                ((value - low) / (high - low) * Decimal::from(SLIDER_WIDTH)).round().to_usize().unwrap_or(0);
            let track: String =
                (0..=SLIDER_WIDTH).map(|p| if p == position.min(SLIDER_WIDTH) { '|' } else { '-' }).collect();
            let changed = app.drivers.get(*driver).is_some();
            let name_style = if selected { theme.selected_row } else { theme.label };
            Line::from(vec![
                Span::styled(format!("{}{:<16}", if selected { ">" } else { " " }, driver.key()), name_style),
                Span::styled(track, if changed { theme.warn } else { theme.muted }),
                Span::styled(format!(" {:>9}", driver_value(app.lang, app, *driver)), theme.figure),
            ])
        })
        .collect()
}

fn figure_lines<'a>(app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let lang = app.lang;
    let base = &app.base_figures.flows;
    let shown = if app.stress_view { &app.figures.stressed_flows } else { &app.figures.flows };
    let horizon = app.figures.horizon;
    let row = |label: String, before: String, after: String, style| {
        Line::from(vec![
            Span::raw(format!("{label:<14}")),
            Span::styled(format!("{before:>11}"), theme.muted),
            Span::styled(format!("{after:>12}"), style),
        ])
    };
    let roi = |flows: &crate::domain::engine::Flows, m| flows.at(m).roi_adjusted_pct();
    let money = |v| lang.money_whole(v, app.currency());
    vec![
        row(
            format!("{} 12", lang.t(Text::RoiShort)),
            lang.percent(roi(base, 12)),
            lang.percent(roi(shown, 12)),
            theme.signed(roi(shown, 12)),
        ),
        row(
            format!("{} {horizon}", lang.t(Text::RoiShort)),
            lang.percent(roi(base, horizon)),
            lang.percent(roi(shown, horizon)),
            theme.signed(roi(shown, horizon)),
        ),
        row(lang.t(Text::Npv).to_owned(), money(base.npv), money(shown.npv), theme.signed(Some(shown.npv))),
        row(
            lang.t(Text::BreakEven).to_owned(),
            lang.month(base.break_even_month),
            lang.month(shown.break_even_month),
            theme.figure,
        ),
        row(
            lang.t(Text::StressTest).chars().take(13).collect(),
            String::new(),
            lang.t(if app.figures.stress.robust { Text::Robust } else { Text::Fragile }).to_owned(),
            if app.figures.stress.robust { theme.good } else { theme.bad },
        ),
    ]
}
