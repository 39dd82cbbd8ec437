//! KPIs tab: baseline, target, latest measurement, status and vanity flag of each KPI; the
//! measurements of the selected KPI as a sparkline; coverage of the four core dimensions; and
//! the catalogue picker used by `a`.

use super::path;
use crate::domain::catalogue::{CATALOGUE, CORE_DIMENSIONS, CatalogueKpi};
use crate::domain::project::{Kpi, MAX_KPIS};
use crate::i18n::review::dimension_name;
use crate::i18n::review::kpi_status_name;
use crate::i18n::{Lang, Text};
use crate::tui::app::App;
use crate::tui::grid::{Cell, Collection, Grid, Row};
use crate::tui::theme::Theme;
use crate::tui::widgets::{block, render_grid};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph, Sparkline, Wrap};
use rust_decimal::prelude::ToPrimitive;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let panel = super::panel_height(crate::tui::app::Tab::Kpis, area.height);
    let [table, panels] = area.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(panel)]));
    let title = format!("{} ({}/{MAX_KPIS})", app.lang.t(Text::TabKpis), app.project.kpis.len());
    let grid = grid(app);
    render_grid(app, frame, table, theme, &grid, &title);
    let [detail, coverage] = panels.layout(&Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]));
    let selected = grid.item_at(app.cursor().row).and_then(|(_, i)| app.project.kpis.get(i));
    render_detail(app.lang, selected, frame, detail, theme);
    render_coverage(app, frame, coverage, theme);
}

pub fn grid(app: &App) -> Grid {
    let lang = app.lang;
    let headers = [
        Text::TabKpis,
        Text::Dimension,
        Text::Direction,
        Text::BaselineShort,
        Text::Target,
        Text::Latest,
        Text::Status,
        Text::DecisionShort,
    ];
    let mut rows = vec![Row::section(
        Some(Collection::Kpis),
        &[0, 12, 3, 7, 7, 8, 13, 4],
        headers
            .iter()
            .enumerate()
            .map(|(i, t)| if (3..6).contains(&i) { Cell::figure(lang.t(*t)) } else { Cell::text(lang.t(*t)) })
            .collect(),
    )];
    let number = |v: Option<rust_decimal::Decimal>| v.map_or_else(|| "—".to_owned(), |v| lang.measure(v));
    for (i, kpi) in app.project.kpis.iter().enumerate() {
        let base = format!("kpis[{i}]");
        let field = |text: String, key: &str| Cell::field(text, path(&format!("{base}.{key}")));
        rows.push(Row::item(
            Collection::Kpis,
            i,
            vec![
                field(format!("  {}", kpi.name), "name"),
                field(kpi.dimension.map_or("—", |d| dimension_name(lang, d)).to_owned(), "dimension"),
                field(direction_arrow(kpi.direction.unwrap_or_default()).to_owned(), "direction"),
                field(number(kpi.baseline), "baseline").right(),
                field(number(kpi.target), "target").right(),
                Cell::figure(number(kpi.latest().map(|m| m.value.0))),
                Cell::text(kpi_status_name(lang, kpi.status())),
                field(if kpi.is_vanity() { "!" } else { "ok" }.to_owned(), "decision"),
            ],
        ));
    }
    Grid { rows }
}

fn direction_arrow(direction: crate::domain::project::Direction) -> &'static str {
    match direction {
        crate::domain::project::Direction::Higher => "↑",
        crate::domain::project::Direction::Lower => "↓",
    }
}

fn render_detail(lang: Lang, kpi: Option<&Kpi>, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Some(kpi) = kpi else {
        let hint = Paragraph::new(lang.t(Text::KpiHint)).wrap(Wrap { trim: true });
        frame.render_widget(hint.block(block(lang.t(Text::Measurements), theme)), area);
        return;
    };
    let outer = block(&format!("{} — {}", lang.t(Text::Measurements), kpi.name), theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [spark, decision] = inner.layout(&Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]));
    let mut points: Vec<_> = kpi.measurements.iter().map(|m| (m.month, m.value.0)).collect();
    points.sort_by_key(|(month, _)| *month);
    let minimum = points.iter().map(|(_, v)| *v).min().unwrap_or_default();
    // Sparklines draw non-negative heights: shift so the lowest measurement is the floor.
    let data: Vec<u64> =
        points.iter().map(|(_, v)| ((*v - minimum).to_f64().unwrap_or(0.0) * 100.0) as u64 + 1).collect();
    let measurements: Vec<String> =
        points.iter().map(|(month, value)| format!("{month}:{}", lang.measure(*value))).collect();
    let label =
        if measurements.is_empty() { lang.t(Text::KpiNoData).to_owned() } else { measurements.join("  ") };
    let [line, values] = spark.layout(&Layout::horizontal([Constraint::Length(16), Constraint::Fill(1)]));
    frame.render_widget(Sparkline::default().data(&data).style(theme.figure), line);
    frame.render_widget(Paragraph::new(label), values);
    let text = match &kpi.decision {
        Some(decision) if !kpi.is_vanity() => {
            Line::from(vec![Span::styled("→ ", theme.label), Span::raw(decision.clone())])
        }
        _ => Line::from(Span::styled(lang.t(Text::VanityFlag), theme.warn)),
    };
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), decision);
}

fn render_coverage(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let lines: Vec<Line> = CORE_DIMENSIONS
        .iter()
        .map(|dimension| {
            let count = app.project.kpis.iter().filter(|k| k.dimension == Some(*dimension)).count();
            let style = if count == 0 { theme.bad } else { theme.good };
            Line::from(vec![
                Span::styled(if count == 0 { "[ ] " } else { "[x] " }, style),
                Span::raw(format!("{:<15}{count}", dimension_name(app.lang, *dimension))),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block(app.lang.t(Text::Coverage), theme)), area);
}

/// The catalogue entries a project can still add, then a custom KPI.
pub fn picker_entries(app: &App) -> Vec<Option<&'static CatalogueKpi>> {
    let present = |key: &str| app.project.kpis.iter().any(|k| k.key == key);
    CATALOGUE.iter().filter(|entry| !present(entry.key)).map(Some).chain(std::iter::once(None)).collect()
}

pub fn render_picker(app: &App, selected: usize, frame: &mut Frame, area: Rect, theme: &Theme) {
    let lang = app.lang;
    let items: Vec<ListItem> = picker_entries(app)
        .into_iter()
        .map(|entry| match entry {
            Some(entry) => {
                let name = if lang == Lang::Fr { entry.name_fr } else { entry.name_en };
                ListItem::new(format!(
                    "{name:<36} {:<13} {}",
                    dimension_name(lang, entry.dimension),
                    crate::i18n::review::reference_name(lang, entry.target)
                ))
            }
            None => ListItem::new(lang.t(Text::CustomKpi)),
        })
        .collect();
    let popup = crate::tui::widgets::centered(area, 72, 16);
    frame.render_widget(Clear, popup);
    let list = List::new(items)
        .block(block(lang.t(Text::AddKpi), theme))
        .highlight_style(theme.selected_row)
        .highlight_symbol("> ");
    let mut state = ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(list, popup, &mut state);
}
