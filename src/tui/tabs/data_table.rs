//! The two-way data table drawn over the Sensitivity tab: the figure for each pair of values of
//! two sliders, the base cell in brackets, each other cell followed by its shade mark (`▲` best
//! third, `▼` worst) and coloured by it, a negative NPV or ROI always red.

use crate::domain::money::{Amount, Percent};
use crate::domain::whatif::Metric;
use crate::i18n::review::{driver_name, driver_setting};
use crate::i18n::{DASH, Lang, Text};
use crate::tui::app::App;
use crate::tui::data_table::{BASE, Shade, Table};
use crate::tui::theme::Theme;
use crate::tui::widgets::{block, centered};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use rust_decimal::Decimal;

/// The popup is never wider than this, so a wide screen keeps the table compact.
const MOST_WIDTH: u16 = 96;
/// Beside a figure: the brackets of the base cell, or a space before it and its shade mark.
const AROUND: usize = 2;

pub fn render(app: &App, table: &Table, frame: &mut Frame, area: Rect, theme: &Theme) {
    let lang = app.lang;
    let inner = usize::from(area.width.min(MOST_WIDTH).saturating_sub(2));
    let row_values: Vec<String> =
        table.rows.values.iter().map(|v| driver_setting(lang, table.rows.driver, *v)).collect();
    let label = row_values.iter().map(|v| v.chars().count()).max().unwrap_or(0) + 2;
    let count = table.cols.values.len().max(1);
    let shared = inner.saturating_sub(label) / count;
    let texts = cell_texts(app, table, shared.saturating_sub(AROUND));
    let longest = texts.iter().flatten().map(|t| t.chars().count()).max().unwrap_or(0);
    let width = shared.max(longest + AROUND);
    let columns = visible_columns(count, inner.saturating_sub(label) / width.max(1));
    let mut lines = vec![
        Line::styled(
            format!(
                "{} ↓ · {} → · {}",
                driver_name(lang, table.rows.driver),
                driver_name(lang, table.cols.driver),
                lang.t(Text::BaseInBrackets)
            ),
            theme.muted,
        ),
        header(lang, table, (label, width), columns.clone(), theme),
    ];
    lines.extend(row_values.iter().zip(&texts).enumerate().map(|(r, (value, texts))| {
        let mut spans = vec![Span::styled(format!("{value:<label$}"), theme.label)];
        spans.extend(columns.clone().filter_map(|c| Some(cell(table, (r, c), texts.get(c)?, width, theme))));
        Line::from(spans)
    }));
    let wanted = u16::try_from(label + width * columns.len() + 2).unwrap_or(u16::MAX);
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup =
        centered(area, wanted.max(area.width.min(MOST_WIDTH)).min(area.width), height.min(area.height));
    let hint = Line::styled(format!(" {} ", lang.t(Text::DataTableHint)), theme.label);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(block(&title(lang, table), theme).title_bottom(hint)),
        popup,
    );
}

/// The columns drawn when only `room` of `count` fit: those around the base, so that a figure
/// is never cut (the outer ones give way first).
fn visible_columns(count: usize, room: usize) -> std::ops::Range<usize> {
    let shown = room.clamp(1, count);
    let start = BASE.min(count - 1).saturating_sub(shown / 2).min(count - shown);
    start..start + shown
}

/// Every cell's figure, all in the same form: the longest that fits `room` characters in
/// every cell (whole, then shorter), so a column reads at a glance; a figure is never cut (the
/// columns widen to the longest when even the shortest form is wider).
fn cell_texts(app: &App, table: &Table, room: usize) -> Vec<Vec<String>> {
    let lang = app.lang;
    let forms = |value: Option<Decimal>| match (table.metric, value) {
        (_, None) => [DASH, DASH, DASH].map(str::to_owned),
        (Metric::Npv, Some(v)) => lang.money_forms(Amount::new(v), app.currency()),
        (Metric::RoiAdjusted, Some(v)) => lang.percent_forms(Percent::new(v)),
        (Metric::BreakEvenMonth, Some(v)) => [v, v, v].map(|v| v.to_string()),
    };
    let cells: Vec<Vec<[String; 3]>> =
        table.cells.iter().map(|row| row.iter().map(|value| forms(*value)).collect()).collect();
    let fits = |form: usize| cells.iter().flatten().all(|forms| forms[form].chars().count() <= room);
    let form = (0..2).find(|form| fits(*form)).unwrap_or(2);
    cells
        .into_iter()
        .map(|row| row.into_iter().map(|mut forms| std::mem::take(&mut forms[form])).collect())
        .collect()
}

/// The columns' slider values, each ending above its figures, left of their shade marks.
fn header(
    lang: Lang,
    table: &Table,
    (label, width): (usize, usize),
    columns: std::ops::Range<usize>,
    theme: &Theme,
) -> Line<'static> {
    let heading = width.saturating_sub(1);
    let mut spans = vec![Span::raw(" ".repeat(label))];
    spans.extend(table.cols.values.get(columns).unwrap_or_default().iter().map(|v| {
        Span::styled(format!("{:>heading$} ", driver_setting(lang, table.cols.driver, *v)), theme.label)
    }));
    Line::from(spans)
}

/// One cell: the base in brackets, any other with its shade mark; coloured by its shade.
fn cell(
    table: &Table,
    (row, column): (usize, usize),
    text: &str,
    width: usize,
    theme: &Theme,
) -> Span<'static> {
    let value = table.cells.get(row).and_then(|r| r.get(column)).copied().flatten();
    let shade = value.map_or(Shade::Middle, |v| table.shade(v));
    let text =
        if (row, column) == (BASE, BASE) { format!("[{text}]") } else { format!(" {text}{}", shade.mark()) };
    Span::styled(format!("{text:>width$}"), style(table.metric, value, shade, theme))
}

fn style(metric: Metric, value: Option<Decimal>, shade: Shade, theme: &Theme) -> Style {
    let negative = metric != Metric::BreakEvenMonth && value.is_some_and(|v| v.is_sign_negative());
    match shade {
        _ if negative => theme.bad,
        Shade::Best => theme.good,
        Shade::Worst => theme.warn,
        Shade::Middle => theme.figure,
    }
}

/// The table's title: its figure (with the unit of a break-even month) and its span.
fn title(lang: Lang, table: &Table) -> String {
    let figure = crate::i18n::explain_text::figure_name(lang, table.metric.key());
    let figure = match table.metric {
        Metric::BreakEvenMonth => format!("{figure} ({})", lang.t(Text::Months)),
        _ => figure,
    };
    let span = lang.change_pct(table.step_pct * BASE as i64);
    format!("{} — {figure}, ±{}", lang.t(Text::ViewDataTable), span.trim_start_matches('+'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_columns_around_the_base_stay_when_not_all_fit() {
        assert_eq!(visible_columns(7, 9), 0..7);
        assert_eq!(visible_columns(7, 5), 1..6);
        assert_eq!(visible_columns(7, 4), 1..5);
        assert_eq!(visible_columns(7, 0), 3..4, "the base at least");
    }
}
