//! Drawing pieces shared by the tabs: framed blocks, the editable grid, the cash-flow chart,
//! centred pop-ups. They draw what they are given; they compute no figure.

use super::app::{App, Mode};
use super::grid::{Grid, RowKind};
use super::theme::Theme;
use crate::domain::engine::Flows;
use crate::i18n::{Lang, Text};
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph};
use rust_decimal::prelude::ToPrimitive;

/// A header line and the rows under it, scrolled so that row `selected` is among the
/// `visible` rows shown.
pub fn header_and_rows_around<'a>(lines: &[Line<'a>], selected: usize, visible: usize) -> Vec<Line<'a>> {
    let offset = (selected + 1).saturating_sub(visible.max(1));
    lines.iter().take(1).chain(lines.iter().skip(1 + offset)).cloned().collect()
}

/// `text` in at most `room` characters: whole, or cut with `…` (for names, never figures).
pub fn fit(text: &str, room: usize) -> String {
    if text.chars().count() <= room {
        return text.to_owned();
    }
    text.chars().take(room.saturating_sub(1)).chain(['…']).collect()
}

pub fn block<'a>(title: &str, theme: &Theme) -> Block<'a> {
    Block::bordered().border_style(theme.border).title(Line::styled(format!(" {title} "), theme.title))
}

/// A `width` × `height` rectangle centred in `area` (shrunk to fit).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] =
        area.layout(&Layout::vertical([Constraint::Length(height.min(area.height))]).flex(Flex::Center));
    let [cell] =
        row.layout(&Layout::horizontal([Constraint::Length(width.min(area.width))]).flex(Flex::Center));
    cell
}

/// Draws a tab's grid, each section with its own columns, scrolled to keep the selected row
/// in view; the selected row is reversed and its selected cell highlighted.
pub fn render_grid(app: &App, frame: &mut Frame, area: Rect, theme: &Theme, grid: &Grid, title: &str) {
    let outer = block(title, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let cursor = app.cursor();
    let visible = usize::from(inner.height);
    let offset = (cursor.row + 1).saturating_sub(visible);
    let editing = matches!(app.mode, Mode::Editing { .. });
    for (screen_row, index) in (offset..grid.rows.len()).take(visible).enumerate() {
        let row = &grid.rows[index];
        let area = Rect { y: inner.y + screen_row as u16, height: 1, ..inner };
        let selected = index == cursor.row;
        let base = match row.kind {
            RowKind::Section => theme.section,
            RowKind::Item | RowKind::Detail => theme.figure,
        };
        let row_style = if selected { base.patch(theme.selected_row) } else { base };
        frame.buffer_mut().set_style(area, row_style);
        let widths =
            grid.width_owner(index).map(|owner| grid.fitted_widths(owner, area.width)).unwrap_or_default();
        let constraints =
            widths.iter().map(|w| if *w == 0 { Constraint::Fill(1) } else { Constraint::Length(*w) });
        let cells = Layout::horizontal(constraints).spacing(1).split(area);
        for (column, (cell, cell_area)) in row.cells.iter().zip(cells.iter()).enumerate() {
            let style = if selected
                && column == cursor.column
                && (row.kind != RowKind::Section || cell.path.is_some())
            {
                if editing { theme.warn } else { theme.selected_cell }
            } else {
                row_style
            };
            // A text longer than its column ends with "…": a cut is never silent.
            let room = usize::from(cell_area.width);
            let line = Line::styled(fit(cell.text_in(room), room), style);
            let line = if cell.right { line.right_aligned() } else { line };
            frame.render_widget(Paragraph::new(line).style(row_style), *cell_area);
        }
    }
}

/// The cumulative net cash flow of one or more flows (the last one on top), with the zero
/// line, the valley of death and the break-even month of the last one marked.
pub fn cash_flow_chart(frame: &mut Frame, area: Rect, theme: &Theme, lang: Lang, series: &[(&Flows, Style)]) {
    let points: Vec<Vec<(f64, f64)>> = series
        .iter()
        .map(|(flows, _)| {
            flows.monthly.iter().map(|m| (m.month as f64, m.cumulative_net.to_f64().unwrap_or(0.0))).collect()
        })
        .collect();
    let horizon = series.iter().map(|(f, _)| f.horizon()).max().unwrap_or(1).max(1) as f64;
    let (low, high) = vertical_range(&points);
    let margin = ((high - low) * 0.05).max(1.0);
    let vertical = |month: i64| vec![(month as f64, low), (month as f64, high)];
    let main = series.last().map(|(flows, _)| *flows);
    let valley = main.and_then(Flows::valley);
    let break_even = main.and_then(|f| f.break_even_month);
    let zero = vec![(1.0, 0.0), (horizon, 0.0)];
    let valley_line = valley.map(|m| vertical(m.month)).unwrap_or_default();
    let break_even_line = break_even.map(vertical).unwrap_or_default();
    let line = line_dataset;
    let mut datasets =
        vec![line(&zero, theme.muted), line(&valley_line, theme.bad), line(&break_even_line, theme.good)];
    // Joined in braille: a curve that reads as a line at any width (one dot per month would
    // leave isolated dots across a wide terminal).
    datasets.extend(points.iter().zip(series).map(|(data, (_, style))| {
        Dataset::default().data(data).graph_type(GraphType::Line).marker(Marker::Braille).style(*style)
    }));
    let legend = format!(
        " {} {} · {} {} ",
        lang.t(Text::Valley),
        valley.map_or_else(|| "—".to_owned(), |m| format!("m{}", m.month)),
        lang.t(Text::BreakEven).to_lowercase(),
        break_even.map_or_else(|| "—".to_owned(), |m| format!("m{m}")),
    );
    let titled = block(lang.t(Text::CumulativeNet), theme).title_bottom(Line::styled(legend, theme.label));
    let chart = month_chart(datasets, titled, (theme, lang), horizon, (low - margin, high + margin));
    frame.render_widget(chart, area);
}

/// The vertical range of a chart of series: the first series' range widened by a quarter
/// of its span each way, and further only when another series leaves it. A slider step
/// then seldom rescales the chart, so it seldom redraws every point (SSH bandwidth).
fn vertical_range(points: &[Vec<(f64, f64)>]) -> (f64, f64) {
    let range = |series: &[(f64, f64)]| {
        series.iter().fold((0.0_f64, 0.0_f64), |(lo, hi), (_, y)| (lo.min(*y), hi.max(*y)))
    };
    let (low, high) = points.first().map_or((0.0, 0.0), |first| range(first));
    let slack = if points.len() > 1 { (high - low) * 0.25 } else { 0.0 };
    points
        .iter()
        .skip(1)
        .map(|series| range(series))
        .fold((low - slack, high + slack), |(lo, hi), (l, h)| (lo.min(l), hi.max(h)))
}

/// A line of a chart, drawn in braille (eight dots per cell: a line, not a row of dots).
pub fn line_dataset<'a>(data: &'a [(f64, f64)], style: Style) -> Dataset<'a> {
    Dataset::default().data(data).graph_type(GraphType::Line).marker(Marker::Braille).style(style)
}

/// A chart over months 1..=horizon with amounts on the vertical axis, compact (`-1,3 M`).
pub fn month_chart<'a>(
    datasets: Vec<Dataset<'a>>,
    frame: Block<'a>,
    (theme, lang): (&Theme, Lang),
    horizon: f64,
    (low, high): (f64, f64),
) -> Chart<'a> {
    let amount = |v: f64| {
        let value = rust_decimal::Decimal::from_f64_retain(v).unwrap_or_default();
        lang.number_compact(crate::domain::money::Amount::new(value))
    };
    Chart::new(datasets)
        .block(frame)
        .x_axis(
            Axis::default()
                .bounds([1.0, horizon])
                .labels([Span::raw("1"), Span::raw(format!("{}", horizon as i64))])
                .style(theme.muted),
        )
        .y_axis(
            Axis::default()
                .bounds([low, high.max(low + 1.0)])
                .labels([Span::raw(amount(low)), Span::raw(amount(high))])
                .style(theme.muted),
        )
}
