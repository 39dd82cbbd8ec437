//! Portfolio tab: every project file of the folder in one table — name, department, owner,
//! status, quadrant, adjusted ROI at 12 months and at the horizon, NPV, break-even, stress
//! verdict, KPIs off track, last modified, who is editing it — sortable and filterable, with
//! the portfolio's totals. Invalid files are listed with their error.

use crate::domain::matrix::Quadrant;
use crate::domain::portfolio::{PortfolioRow, SortKey};
use crate::i18n::review::{department_name, quadrant_short, status_name};
use crate::i18n::{Lang, Text};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::{block, fit};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let lines = total_lines(app, theme);
    let height = totals_height(&lines, area.width);
    let [table, totals] = area.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(height)]));
    render_table(app, frame, table, theme);
    let paragraph = Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: true });
    frame.render_widget(paragraph.block(block(app.lang.t(Text::Total), theme)), totals);
}

/// The totals' height on a screen `width` wide: their lines, wrapped, and the borders.
fn totals_height(lines: &[Line], width: u16) -> u16 {
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = lines.iter().map(|line| line.width().div_ceil(inner).max(1)).sum();
    u16::try_from(rows + 2).unwrap_or(u16::MAX)
}

/// How many screen rows the totals take under the table, for a click's row.
pub fn totals_rows(app: &App) -> usize {
    usize::from(totals_height(&total_lines(app, &Theme::monochrome()), app.screen.0))
}

fn sort_name(lang: Lang, key: SortKey) -> &'static str {
    lang.t(match key {
        SortKey::Rank => Text::Quadrant,
        SortKey::Name => Text::Name,
        SortKey::Department => Text::Department,
        SortKey::Owner => Text::Owner,
        SortKey::Status => Text::Status,
        SortKey::Roi12 => Text::Roi12,
        SortKey::RoiHorizon => Text::RoiShort,
        SortKey::Robust => Text::StressShort,
        SortKey::EditedBy => Text::EditedBy,
        SortKey::Npv => Text::Npv,
        SortKey::BreakEven => Text::BreakEven,
        SortKey::KpisOffTrack => Text::KpisOffTrack,
        SortKey::Modified => Text::Modified,
    })
}

fn render_table(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let lang = app.lang;
    let view = &app.portfolio_view;
    let (wide, wider) = (area.width >= 110, area.width >= 160);
    let mut title = format!(
        "{} ({}) · {} {}",
        lang.t(Text::TabPortfolio),
        lang.count(view.order.len()),
        lang.t(Text::SortedBy),
        sort_name(lang, view.sort)
    );
    if view.recursive {
        title.push_str(&format!(" · {}", lang.t(Text::WithSubfolders)));
    }
    if let Some((done, total)) = view.loading {
        title.push_str(&format!(" · {} {} / {}", lang.t(Text::Reading), lang.count(done), lang.count(total)));
    }
    if !view.filter.is_empty() {
        title.push_str(&format!(" · {}", lang.quoted(&view.filter)));
    }
    let mut headers = vec![
        Text::Name,
        Text::Quadrant,
        Text::RoiShort,
        Text::Npv,
        Text::BreakEvenShort,
        Text::KpisOffTrackShort,
    ];
    let entries: Vec<&PortfolioRow> =
        view.order.iter().filter_map(|i| app.portfolio.get(*i)).map(|entry| &entry.row).collect();
    // Text columns as wide as their widest header or value (within a bound), figures fixed;
    // the name takes what is left. A text still too long ends with "…".
    let widest = |header: Text, value: &dyn Fn(&PortfolioRow) -> &str, most: usize| {
        let values = entries.iter().map(|row| value(row).chars().count());
        values.chain([lang.t(header).chars().count()]).max().unwrap_or(0).min(most)
    };
    let mut fixed = vec![14, 9, 11, 5, 4];
    if wide {
        headers.extend([Text::Roi12Short, Text::Department, Text::Status]);
        fixed.extend([
            9,
            widest(Text::Department, &|row| department_name(lang, row.department), 24),
            widest(Text::Status, &|row| status_name(lang, row.status), 16),
        ]);
    }
    if wider {
        headers.extend([Text::Owner, Text::StressShort, Text::Modified, Text::EditedBy]);
        fixed.extend([
            widest(Text::Owner, &|row| row.owner.as_deref().unwrap_or_default(), 24),
            8,
            11,
            widest(Text::EditedBy, &|row| row.edited_by.as_deref().unwrap_or_default(), 24),
        ]);
    }
    let spacing = fixed.len();
    let name_width =
        usize::from(area.width.saturating_sub(2)).saturating_sub(fixed.iter().sum::<usize>() + spacing);
    let widths: Vec<usize> = std::iter::once(name_width).chain(fixed).collect();
    let header = Row::new(headers.into_iter().zip(&widths).map(|(t, w)| Cell::from(fit(lang.t(t), *w))))
        .style(theme.section);
    let rows: Vec<Row> = view
        .order
        .iter()
        .filter_map(|i| app.portfolio.get(*i))
        .map(|entry| {
            let is_current = Some(&entry.path) == app.path.as_ref();
            row(lang, &entry.row, (wide, wider), &widths, theme, is_current)
        })
        .collect();
    let constraints = widths.iter().map(|w| Constraint::Length(u16::try_from(*w).unwrap_or(u16::MAX)));
    let table = Table::new(rows, constraints)
        .header(header)
        .block(block(&title, theme))
        .row_highlight_style(theme.selected_row);
    let mut state = TableState::default().with_selected(Some(view.selected));
    frame.render_stateful_widget(table, area, &mut state);
}

fn row<'a>(
    lang: Lang,
    row: &PortfolioRow,
    (wide, wider): (bool, bool),
    widths: &[usize],
    theme: &Theme,
    is_current: bool,
) -> Row<'a> {
    let name_style = if is_current { theme.title } else { theme.figure };
    let edited = if row.edited_by.is_some() { "✎ " } else { "" };
    if let Some(error) = &row.error {
        // The file and the start of its error in the name's column, cut with "…" (the whole
        // error is in the status bar when the row is selected).
        let message = error.split_once(": ").map_or(error.as_str(), |(_, message)| message);
        let first = widths.first().copied().unwrap_or(0);
        return Row::new(vec![Cell::from(fit(&format!("✗ {} — {message}", row.file), first))])
            .style(theme.bad);
    }
    let currency = &row.currency;
    let width = |column: usize| widths.get(column).copied().unwrap_or(0);
    let text = |column: usize, value: &str| Cell::from(fit(value, width(column)));
    let right = |text: String, style| Cell::from(Line::styled(text, style).right_aligned());
    let mut cells = vec![
        Cell::from(Span::styled(fit(&format!("{edited}{}", row.name), width(0)), name_style)),
        text(1, quadrant_short(lang, row.quadrant)),
        right(lang.percent(row.roi_adjusted_pct_horizon), theme.signed(row.roi_adjusted_pct_horizon)),
        right(lang.money_fit(row.npv, currency, 11), theme.signed(Some(row.npv))),
        right(row.break_even_month.map_or_else(|| "—".to_owned(), |m| format!("m{m}")), theme.figure),
        right(row.kpis_off_track.to_string(), if row.kpis_off_track > 0 { theme.bad } else { theme.muted }),
    ];
    if wide {
        cells.extend([
            right(lang.percent(row.roi_adjusted_pct_12), theme.signed(row.roi_adjusted_pct_12)),
            text(7, department_name(lang, row.department)),
            text(8, status_name(lang, row.status)),
        ]);
    }
    if wider {
        let verdict = lang.t(if row.robust { Text::Robust } else { Text::Fragile });
        cells.extend([
            text(9, row.owner.as_deref().unwrap_or_default()),
            Cell::from(Span::styled(verdict, if row.robust { theme.good } else { theme.bad })),
            text(11, row.modified.as_deref().map_or("", |m| m.get(..10).unwrap_or(m))),
            text(12, row.edited_by.as_deref().unwrap_or_default()),
        ]);
    }
    Row::new(cells)
}

/// A line per currency (amounts in two currencies are never added), then the quadrants and
/// the invalid files.
fn total_lines<'a>(app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let lang = app.lang;
    let totals = &app.portfolio_view.totals;
    let quadrants: Vec<String> = Quadrant::ALL
        .iter()
        .map(|q| format!("{} {}", quadrant_short(lang, Some(*q)), lang.count(totals.quadrants[*q as usize])))
        .collect();
    let mut lines: Vec<Line> = totals
        .by_currency
        .iter()
        .map(|total| {
            Line::from(vec![
                Span::styled(format!("{}{}", lang.t(Text::Investment12), lang.colon()), theme.label),
                Span::raw(lang.money_whole(total.investment_12, &total.currency)),
                Span::styled(format!(" · {}{}", lang.t(Text::Npv), lang.colon()), theme.label),
                Span::styled(lang.money_whole(total.npv, &total.currency), theme.signed(Some(total.npv))),
            ])
        })
        .collect();
    lines.push(Line::from(vec![
        Span::raw(format!("{} · ", quadrants.join(" · "))),
        Span::styled(
            format!("{} {}", lang.count(totals.invalid), lang.t(Text::InvalidFiles)),
            if totals.invalid > 0 { theme.bad } else { theme.muted },
        ),
    ]));
    lines
}
