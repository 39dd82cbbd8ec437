//! Every style of the workbench in one place. Colours are the 16 named ANSI colours only, so
//! the workbench reads the same on any terminal; with `NO_COLOR` set, only bold, underline
//! and reverse video remain.

use crate::domain::money::AsDecimal;
use ratatui::style::{Color, Modifier, Style};
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub label: Style,
    pub figure: Style,
    pub muted: Style,
    pub good: Style,
    pub bad: Style,
    pub warn: Style,
    pub border: Style,
    pub tab_active: Style,
    pub tab_inactive: Style,
    pub selected_row: Style,
    pub selected_cell: Style,
    pub section: Style,
    pub status: Style,
    pub status_error: Style,
    pub bar: Style,
    pub bar_value: Style,
}

impl Theme {
    /// Colours unless `NO_COLOR` is set to anything non-empty (https://no-color.org).
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_color { Self::monochrome() } else { Self::colour() }
    }

    pub fn colour() -> Self {
        let plain = Style::default();
        Self {
            title: plain.add_modifier(Modifier::BOLD),
            label: plain.fg(Color::Cyan),
            figure: plain,
            muted: plain.fg(Color::DarkGray),
            good: plain.fg(Color::Green),
            bad: plain.fg(Color::Red),
            warn: plain.fg(Color::Yellow),
            border: plain.fg(Color::DarkGray),
            tab_active: plain.fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD),
            tab_inactive: plain,
            selected_row: plain.add_modifier(Modifier::REVERSED),
            selected_cell: plain.fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD),
            section: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            status: plain.fg(Color::Black).bg(Color::Gray),
            status_error: plain.fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD),
            bar: plain.fg(Color::Cyan),
            bar_value: plain.fg(Color::Black).bg(Color::Cyan),
        }
    }

    pub fn monochrome() -> Self {
        let plain = Style::default();
        let bold = plain.add_modifier(Modifier::BOLD);
        Self {
            title: bold,
            label: plain,
            figure: plain,
            muted: plain,
            good: plain,
            bad: bold,
            warn: bold,
            border: plain,
            tab_active: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            tab_inactive: plain,
            selected_row: plain.add_modifier(Modifier::REVERSED),
            selected_cell: plain.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            section: bold.add_modifier(Modifier::UNDERLINED),
            status: plain.add_modifier(Modifier::REVERSED),
            status_error: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            bar: plain,
            bar_value: plain.add_modifier(Modifier::REVERSED),
        }
    }

    /// Green when positive, red when negative, plain when undefined.
    pub fn signed(&self, value: Option<impl AsDecimal>) -> Style {
        match value.map(AsDecimal::as_decimal) {
            Some(v) if v > Decimal::ZERO => self.good,
            Some(v) if v < Decimal::ZERO => self.bad,
            _ => self.figure,
        }
    }
}
