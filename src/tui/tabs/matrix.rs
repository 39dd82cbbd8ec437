//! Matrix tab: the impact × feasibility grid of every project in the folder, quadrant names,
//! the current project highlighted, and the ranked list beside it (Enter opens a project).

use crate::domain::matrix::HIGH;
use crate::i18n::Text;
use crate::report::quadrant_name;
use crate::tui::app::{App, PortfolioEntry};
use crate::tui::theme::Theme;
use crate::tui::widgets::block;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

/// The marker of the n-th project of the ranked list: 1–9, then a–z.
pub fn marker(rank: usize) -> char {
    const MARKERS: &[u8] = b"123456789abcdefghijklmnopqrstuvwxyz";
    MARKERS.get(rank).map_or('+', |b| char::from(*b))
}

/// The grid's column: the ranked list is right of it.
pub const GRID_WIDTH: u16 = 38;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let [grid, list] =
        area.layout(&Layout::horizontal([Constraint::Length(GRID_WIDTH), Constraint::Fill(1)]));
    frame.render_widget(
        Paragraph::new(grid_lines(app, theme)).block(block(app.lang.t(Text::TabMatrix), theme)),
        grid,
    );
    render_list(app, frame, list, theme);
}

fn grid_lines<'a>(app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let lang = app.lang;
    let current = app.path.as_deref();
    let mut lines = vec![Line::styled(format!("{}↑", lang.t(Text::Impact)), theme.label)];
    for impact in (1..=10).rev() {
        let mut spans = vec![Span::styled(format!("{impact:>2} "), theme.muted)];
        for feasibility in 1..=10 {
            if feasibility == HIGH {
                spans.push(Span::styled("|", theme.muted));
            }
            let here: Vec<(usize, &PortfolioEntry)> = app
                .portfolio
                .iter()
                .enumerate()
                .filter(|(_, e)| e.row.impact == Some(impact) && e.row.feasibility == Some(feasibility))
                .collect();
            let cell = match here.first() {
                None => Span::styled(" . ", theme.muted),
                Some((rank, entry)) => {
                    let symbol = if here.len() > 1 { '*' } else { marker(*rank) };
                    let style = if Some(entry.path.as_path()) == current {
                        theme.selected_row
                    } else if *rank == app.portfolio_selected {
                        theme.selected_cell
                    } else {
                        theme.figure
                    };
                    Span::styled(format!(" {symbol} "), style)
                }
            };
            spans.push(cell);
        }
        lines.push(Line::from(spans));
        if impact == HIGH {
            lines.push(Line::styled(format!("   {}+{}", "-".repeat(15), "-".repeat(15)), theme.muted));
        }
    }
    lines.push(Line::styled("    1  2  3  4  5 |6  7  8  9 10", theme.muted));
    lines.push(Line::styled(format!("{:>34}", format!("{}→", lang.t(Text::Feasibility))), theme.label));
    lines.push(Line::styled(
        format!(" {:<16}| {}", lang.t(Text::StrategicShort), lang.t(Text::QuickWinShort)),
        theme.label,
    ));
    lines.push(Line::styled(
        format!(" {:<16}| {}", lang.t(Text::AvoidShort), lang.t(Text::ImprovementShort)),
        theme.label,
    ));
    lines
}

/// A ranked project in a list `width` wide: its marker and name, then its quadrant and its NPV
/// and TCO — on one line when it fits, else the amounts on a line of their own.
fn item_lines<'a>(
    app: &App,
    rank: usize,
    entry: &PortfolioEntry,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let lang = app.lang;
    let is_current = Some(entry.path.as_path()) == app.path.as_deref();
    let name_style = if is_current { theme.title } else { theme.figure };
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} ", marker(rank)), theme.label),
        Span::styled(entry.row.name.clone(), name_style),
    ])];
    let Some(error) = &entry.row.error else {
        let quadrant = quadrant_name(lang, entry.row.quadrant).split(" — ").next().unwrap_or_default();
        let currency = &entry.row.currency;
        let amounts = format!(
            "{} {} · TCO {}",
            lang.t(Text::Npv),
            lang.money_fit(entry.row.npv, currency, 12),
            lang.money_fit(entry.row.tco, currency, 12)
        );
        let one_line = format!("  {quadrant} · {amounts}");
        if one_line.chars().count() <= usize::from(width) {
            lines.push(Line::styled(one_line, theme.muted));
        } else {
            lines.push(Line::styled(format!("  {quadrant}"), theme.muted));
            lines.push(Line::styled(format!("  {amounts}"), theme.muted));
        }
        return lines;
    };
    lines.push(Line::styled(format!("  {error}"), theme.bad));
    lines
}

/// The project of the ranked list under screen row `y`, on a screen `app.screen` wide and
/// high: the list drawn as `render_list` draws it, scrolled as ratatui scrolls it (just enough
/// to show the selected project).
pub fn project_at_row(app: &App, y: u16) -> Option<usize> {
    let (width, height) = app.screen;
    let inner_width = width.saturating_sub(GRID_WIDTH + 2);
    // The body starts under the tab bar; the list's rows under its top border.
    let inner_height = usize::from(height.saturating_sub(4));
    let theme = Theme::monochrome();
    let heights: Vec<usize> = app
        .portfolio
        .iter()
        .enumerate()
        .map(|(rank, entry)| item_lines(app, rank, entry, inner_width, &theme).len())
        .collect();
    let selected = app.portfolio_selected.min(heights.len().saturating_sub(1));
    let mut offset = 0;
    while offset < selected && heights[offset..=selected].iter().sum::<usize>() > inner_height {
        offset += 1;
    }
    let mut row = usize::from(y).checked_sub(2)?;
    for (index, height) in heights.iter().enumerate().skip(offset) {
        if row < *height {
            return Some(index);
        }
        row = row.checked_sub(*height)?;
    }
    None
}

fn render_list(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let lang = app.lang;
    let width = area.width.saturating_sub(2);
    let items: Vec<ListItem> = app
        .portfolio
        .iter()
        .enumerate()
        .map(|(rank, entry)| ListItem::new(item_lines(app, rank, entry, width, theme)))
        .collect();
    let title = format!("{} ({})", lang.t(Text::Ranking), lang.count(app.portfolio.len()));
    let list = List::new(items).block(block(&title, theme)).highlight_style(theme.selected_row);
    let mut state = ListState::default().with_selected(Some(app.portfolio_selected));
    frame.render_stateful_widget(list, area, &mut state);
}
