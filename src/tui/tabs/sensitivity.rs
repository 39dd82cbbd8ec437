//! Sensitivity tab: one slider per driver of DOMAIN.md §2.8, the figures they give beside the
//! base figures, the cumulative chart of both, and the ×2/÷2 toggle.

use crate::domain::drivers::Driver;
use crate::domain::money::Rate;
use crate::domain::money::{Amount, Percent};
use crate::domain::sensitivity::{self, ScenarioSummary};
use crate::i18n::review::{driver_name, driver_setting};
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
    let [left, right] =
        area.layout(&Layout::horizontal([Constraint::Length(LEFT_WIDTH), Constraint::Fill(1)]));
    let [sliders, figures] = left.layout(&Layout::vertical([Constraint::Length(12), Constraint::Fill(1)]));
    frame.render_widget(
        Paragraph::new(slider_lines(app, theme)).block(block(app.lang.t(Text::Drivers), theme)),
        sliders,
    );
    frame.render_widget(
        Paragraph::new(figure_lines(app, theme)).block(block(&figures_title(app), theme)),
        figures,
    );
    // The tornado has a bar per driver under its base line: every one is shown.
    let tornado_height = u16::try_from(app.tornado.len() + 3).unwrap_or(u16::MAX);
    let [chart, tornado] =
        right.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(tornado_height)]));
    let shown = if app.stress_view { &app.figures.stressed_flows } else { &app.figures.flows };
    cash_flow_chart(
        frame,
        chart,
        theme,
        app.lang,
        &[(&app.base_figures.flows, theme.muted), (shown, theme.figure)],
    );
    if app.spider_view {
        render_spider(app, frame, tornado, theme);
    } else {
        render_tornado(app, frame, tornado, theme);
    }
}

/// The spider: the NPV (or, `t` again, the adjusted ROI) as each slider moves alone from
/// −50 % to +50 %, one line per slider, the selected one highlighted; the others muted so the
/// chart stays readable in 16 colours.
fn render_spider(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    use ratatui::widgets::{Axis, Chart, Dataset, GraphType};
    let lang = app.lang;
    let selected = app.selected_driver();
    let figure = |p: &crate::domain::whatif::SpiderPoint<f64>| match app.spider_of_roi {
        true => p.roi_adjusted_pct,
        false => Some(p.npv),
    };
    let series: Vec<(crate::domain::drivers::Driver, Vec<(f64, f64)>)> = app
        .spider
        .iter()
        .map(|line| {
            (
                line.driver,
                line.points.iter().filter_map(|p| Some((p.change_pct as f64, figure(p)?))).collect(),
            )
        })
        .collect();
    let all = series.iter().flat_map(|(_, points)| points.iter().map(|(_, y)| *y));
    let (low, high) = all.fold((f64::MAX, f64::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    let (low, high) = if low <= high { (low, high.max(low + 1.0)) } else { (0.0, 1.0) };
    // The selected slider's line last, on top.
    let mut datasets: Vec<Dataset> = series
        .iter()
        .filter(|(driver, _)| *driver != selected)
        .map(|(_, points)| {
            Dataset::default()
                .data(points)
                .graph_type(GraphType::Line)
                .marker(ratatui::symbols::Marker::Braille)
                .style(theme.muted)
        })
        .collect();
    if let Some((driver, points)) = series.iter().find(|(driver, _)| *driver == selected) {
        datasets.push(
            Dataset::default()
                .name(driver_name(lang, *driver))
                .data(points)
                .graph_type(GraphType::Line)
                .marker(ratatui::symbols::Marker::Braille)
                .style(theme.warn),
        );
    }
    let label = |v: f64| {
        let value = Decimal::from_f64_retain(v).unwrap_or_default();
        match app.spider_of_roi {
            true => lang.percent_fit(Percent::new(value), 7),
            false => lang.number_compact(Amount::new(value)),
        }
    };
    let name = lang.t(if app.spider_of_roi { Text::SpiderRoiTitle } else { Text::SpiderTitle });
    let title = format!("{name} · {}", driver_name(lang, selected));
    let chart = Chart::new(datasets)
        .block(block(&title, theme))
        .x_axis(
            Axis::default()
                .bounds([-50.0, 50.0])
                .labels([app.lang.change_pct(-50), app.lang.change_pct(0), app.lang.change_pct(50)])
                .style(theme.muted),
        )
        .y_axis(Axis::default().bounds([low, high]).labels([label(low), label(high)]).style(theme.muted));
    frame.render_widget(chart, area);
}

/// The sliders' column: a click left of it selects a slider.
pub const LEFT_WIDTH: u16 = 40;

/// One bar per driver around the current NPV: left of the axis when the driver's low end
/// lowers the NPV, right when its high end raises it; widest swing on top.
fn render_tornado(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let lang = app.lang;
    let center = app.base_figures.flows.npv;
    let currency = app.currency();
    let title = format!("{} ±{}", lang.t(Text::TornadoTitle), lang.rate(Rate::new(app.tornado_width)));
    let outer = block(&title, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let widest = app
        .tornado
        .iter()
        .map(|b| (b.npv_low - center).abs().max((b.npv_high - center).abs()))
        .max()
        .unwrap_or_default();
    let names: Vec<&str> = app.tornado.iter().map(|b| driver_name(lang, b.driver)).collect();
    let label_width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0).min(16);
    // The NPV at each end of each bar, written beside it: as much of it as the width holds
    // (the label, two ends, the axis and two spaces).
    // One form for every end (whole, compact, bare), the longest that fits them all.
    let end_room = usize::from(inner.width).saturating_sub(label_width + 4) / 2;
    let forms: Vec<([String; 3], [String; 3])> = app
        .tornado
        .iter()
        .map(|b| {
            let form = |value: Decimal| lang.money_forms(Amount::new(value), currency);
            (form(b.npv_low.min(b.npv_high)), form(b.npv_low.max(b.npv_high)))
        })
        .collect();
    let fits =
        |i: usize| forms.iter().all(|(l, h)| l[i].chars().count().max(h[i].chars().count()) <= end_room);
    let chosen = (0..3).find(|&i| fits(i)).unwrap_or(2);
    let ends: Vec<(String, String)> =
        forms.into_iter().map(|(l, h)| (l[chosen].clone(), h[chosen].clone())).collect();
    let end_width = ends.iter().map(|(l, h)| l.chars().count().max(h.chars().count())).max().unwrap_or(0);
    let used = label_width + 2 + 2 * (end_width + 1);
    let half = usize::from(inner.width).saturating_sub(used) / 2;
    let cells = |delta: Decimal| -> usize {
        if widest.is_zero() {
            0
        } else {
            ((delta.abs() / widest) * Decimal::from(half)).round().to_usize().unwrap_or(0).min(half)
        }
    };
    let label = format!("{}{}", lang.t(Text::BaseNpv), lang.colon());
    let room = usize::from(inner.width).saturating_sub(label.chars().count());
    let base = format!("{label}{}", lang.money_fit(Amount::new(center), currency, room));
    let first = Line::from(Span::styled(base, theme.figure)).centered();
    let lines: Vec<Line> = std::iter::once(first)
        .chain(
            app.tornado.iter().zip(&ends).zip(&names).take(usize::from(inner.height).saturating_sub(1)).map(
                |((bar, (low, high)), name)| {
                    let (down, up) =
                        (bar.npv_low.min(bar.npv_high) - center, bar.npv_low.max(bar.npv_high) - center);
                    let (left, right) = (cells(down.min(Decimal::ZERO)), cells(up.max(Decimal::ZERO)));
                    Line::from(vec![
                        Span::styled(
                            format!("{:<label_width$} ", crate::tui::widgets::fit(name, label_width)),
                            theme.label,
                        ),
                        Span::raw(" ".repeat(half - left)),
                        Span::styled(format!("{low:>end_width$} "), theme.figure),
                        Span::styled("=".repeat(left), theme.bad),
                        Span::styled("|", theme.muted),
                        Span::styled("=".repeat(right), theme.good),
                        Span::styled(format!(" {high}"), theme.figure),
                    ])
                },
            ),
        )
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The base and every scenario side by side.
pub fn render_scenarios(
    app: &App,
    selected: usize,
    rows: &[ScenarioSummary],
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
) {
    let lang = app.lang;
    let money = |v| lang.money_fit(v, app.currency(), 11);
    let header = Line::styled(
        format!(
            "{:<15}{:>12}{:>12}{:>12}{:>11}{:>10}",
            lang.t(Text::Scenario),
            format!("{} 12", lang.t(Text::RoiShort)),
            format!("{} {}", lang.t(Text::RoiShort), app.figures.horizon),
            lang.t(Text::Npv),
            lang.t(Text::BreakEven),
            "×2/÷2"
        ),
        theme.label,
    );
    let mut lines = vec![header];
    for (i, row) in rows.iter().enumerate() {
        let name = crate::tui::widgets::fit(row.name.as_deref().unwrap_or(lang.t(Text::Base)), 14);
        let verdict = lang.t(if row.robust { Text::Robust } else { Text::Fragile });
        let text = format!(
            "{name:<15}{:>12}{:>12}{:>12}{:>11}{:>10}",
            lang.percent(row.roi_adjusted_pct_12),
            lang.percent(row.roi_adjusted_pct_horizon),
            money(row.npv),
            row.break_even_month.map_or_else(|| "—".to_owned(), |m| format!("m{m}")),
            verdict
        );
        lines.push(Line::styled(text, if i == selected { theme.selected_row } else { theme.figure }));
    }
    let popup = crate::tui::widgets::centered(area, 74, (rows.len() as u16).saturating_add(3));
    // The header stays; the rows scroll to keep the selected one in view.
    let visible = usize::from(popup.height.saturating_sub(3));
    let shown = crate::tui::widgets::header_and_rows_around(&lines, selected, visible);
    frame.render_widget(ratatui::widgets::Clear, popup);
    frame.render_widget(Paragraph::new(shown).block(block(lang.t(Text::Scenarios), theme)), popup);
}

/// The Monte Carlo results: percentiles and probabilities, the ROI histogram, the fan chart.
pub fn render_monte_carlo(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let crate::tui::app::SimulationState::Done(run) = &app.simulation else { return };
    frame.render_widget(ratatui::widgets::Clear, area);
    let [left, right] = area.layout(&Layout::horizontal([Constraint::Length(44), Constraint::Fill(1)]));
    let [stats, histogram] = left.layout(&Layout::vertical([Constraint::Length(10), Constraint::Fill(1)]));
    let lang = app.lang;
    let draws = run.simulation.map_or(0, |s| s.draws);
    let percent = |p: Decimal| lang.rate(Rate::new(p));
    let money = |v| lang.money_fit(v, app.currency(), 9);
    let mut lines =
        vec![Line::styled(format!("{:<12}{:>10}{:>10}{:>10}", "", "P10", "P50", "P90"), theme.label)];
    if let Some(roi) = &run.roi_adjusted_pct {
        lines.push(Line::raw(format!(
            "{:<12}{:>10}{:>10}{:>10}",
            lang.t(Text::RoiShort),
            lang.percent(Some(Percent::new(roi.p10))),
            lang.percent(Some(Percent::new(roi.p50))),
            lang.percent(Some(Percent::new(roi.p90)))
        )));
    }
    lines.push(Line::raw(format!(
        "{:<12}{:>10}{:>10}{:>10}",
        lang.t(Text::Npv),
        money(Amount::new(run.npv.p10)),
        money(Amount::new(run.npv.p50)),
        money(Amount::new(run.npv.p90))
    )));
    let months = &run.break_even_month;
    let month = |m: Option<i64>| m.map_or_else(|| "—".to_owned(), |m| format!("m{m}"));
    lines.push(Line::raw(format!(
        "{:<12}{:>10}{:>10}{:>10}",
        lang.t(Text::BreakEven),
        month(months.p10),
        month(months.p50),
        month(months.p90)
    )));
    if let Some(positive) = run.prob_roi_positive {
        lines.push(Line::from(vec![
            Span::raw(format!("P(ROI > 0){}", lang.colon())),
            Span::styled(percent(positive), theme.signed(Some(positive - Decimal::new(5, 1)))),
        ]));
    }
    let by: Vec<String> =
        run.prob_break_even_by.iter().map(|(m, p)| format!("{m}m {}", percent(*p))).collect();
    lines.push(Line::raw(format!("{}{}", lang.t(Text::BreakEven), lang.colon())));
    lines.push(Line::styled(format!("  {}", by.join(" · ")), theme.figure));
    let title = format!("Monte Carlo · {} · M / Esc", lang.number(Decimal::from(draws), 0));
    frame.render_widget(Paragraph::new(lines).block(block(&title, theme)), stats);
    render_histogram(app, &run.roi_samples, frame, histogram, theme);
    // The inputs that weigh most, and four lines for what measuring is worth.
    let shown = run.drivers.len().min(usize::from(right.height / 4)).min(8);
    let height = u16::try_from(shown + 6).unwrap_or(u16::MAX);
    let [fan, drivers] = right.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(height)]));
    render_fan(app, run, frame, fan, theme);
    render_uncertainty(app, run, shown, frame, drivers, theme);
}

/// What drives the NPV's uncertainty: the inputs by their share of its variance, and what
/// knowing them before deciding is worth.
fn render_uncertainty(
    app: &App,
    run: &crate::domain::montecarlo::MonteCarlo,
    shown: usize,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
) {
    let lang = app.lang;
    let width = usize::from(area.width.saturating_sub(2));
    let name_of = |d: &crate::domain::montecarlo::InputDriver| {
        crate::i18n::review::uncertain_input_name(lang, &app.project, d.key)
    };
    let label_width = (width / 2).max(10);
    let mut lines: Vec<Line> = run
        .drivers
        .iter()
        .take(shown)
        .map(|d| {
            let share = lang.rate(Rate::new(d.variance_share));
            let room = width.saturating_sub(label_width + share.chars().count() + 2);
            let bar = (d.variance_share * Decimal::from(room)).round().to_usize().unwrap_or(0);
            Line::from(vec![
                Span::raw(format!("{:<label_width$} ", crate::tui::widgets::fit(&name_of(d), label_width))),
                Span::styled("█".repeat(bar.min(room)), theme.bar),
                Span::raw(format!("{} {share}", " ".repeat(room.saturating_sub(bar)))),
            ])
        })
        .collect();
    let sentence = crate::i18n::review::information_of(lang, &app.project, run);
    lines.push(Line::styled(sentence, theme.label));
    let paragraph = Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: true });
    frame.render_widget(paragraph.block(block(lang.t(Text::WhatDrivesUncertainty), theme)), area);
}

fn render_histogram(app: &App, samples: &[f64], frame: &mut Frame, area: Rect, theme: &Theme) {
    let bins =
        crate::domain::montecarlo::histogram(samples, usize::from(area.width.saturating_sub(2) / 3).max(1));
    let bars: Vec<ratatui::widgets::Bar> = bins
        .iter()
        .map(|(_, count)| {
            ratatui::widgets::Bar::default().value(*count as u64).text_value(String::new()).style(theme.bar)
        })
        .collect();
    let first = bins.first().map_or_else(String::new, |(low, _)| app.lang.percent(Some(Percent::new(*low))));
    let last = samples.last().map_or_else(String::new, |v| {
        app.lang.percent(Some(Percent::new(crate::domain::scalar::Scalar::to_decimal(*v))))
    });
    let chart = ratatui::widgets::BarChart::default()
        .block(
            block(app.lang.t(Text::Histogram), theme)
                .title_bottom(Line::styled(format!(" {first} … {last} "), theme.label)),
        )
        .data(ratatui::widgets::BarGroup::default().bars(&bars))
        .bar_width(2)
        .bar_gap(1);
    frame.render_widget(chart, area);
}

fn render_fan(
    app: &App,
    run: &crate::domain::montecarlo::MonteCarlo,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
) {
    use crate::tui::widgets::{line_dataset, month_chart};
    let series = |pick: fn(&crate::domain::montecarlo::Percentiles<Decimal>) -> Decimal| -> Vec<(f64, f64)> {
        run.fan.iter().enumerate().map(|(m, p)| ((m + 1) as f64, pick(p).to_f64().unwrap_or(0.0))).collect()
    };
    let (p10, p50, p90) = (series(|p| p.p10), series(|p| p.p50), series(|p| p.p90));
    let low = p10.iter().map(|(_, y)| *y).fold(0.0_f64, f64::min);
    let high = p90.iter().map(|(_, y)| *y).fold(0.0_f64, f64::max);
    let horizon = run.fan.len().max(1) as f64;
    let zero = vec![(1.0, 0.0), (horizon, 0.0)];
    let datasets = vec![
        line_dataset(&zero, theme.muted),
        line_dataset(&p10, theme.bad),
        line_dataset(&p90, theme.good),
        line_dataset(&p50, theme.figure),
    ];
    frame.render_widget(
        month_chart(datasets, block(app.lang.t(Text::Fan), theme), (theme, app.lang), horizon, (low, high)),
        area,
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
    driver_setting(lang, driver, sensitivity::current(&app.project, &app.drivers, driver))
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
                Span::styled(
                    format!("{}{:<16}", if selected { ">" } else { " " }, driver_name(app.lang, *driver)),
                    name_style,
                ),
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
    let roi = |flows: &crate::domain::engine::Flows, m| flows.roi_adjusted_pct_at(m);
    let money = |v| lang.money_fit(v, app.currency(), 10);
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
        row(
            lang.t(Text::Npv).to_owned(),
            money(Amount::new(base.npv)),
            money(Amount::new(shown.npv)),
            theme.signed(Some(shown.npv)),
        ),
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
