//! Moving around: rows, columns, tabs, sliders, and opening the selected project.

use crate::domain::drivers::Driver;
use crate::domain::sensitivity;
use crate::i18n::Text;
use crate::tui::app::{App, Tab};
use crate::tui::effect::Effect;
use crate::tui::folder;
use crate::tui::tabs;
use rust_decimal::Decimal;

pub(super) fn grid_rows(app: &App) -> usize {
    match app.tab {
        Tab::Matrix => app.portfolio.len(),
        Tab::Portfolio => app.portfolio_view.order.len(),
        Tab::Sensitivity => Driver::ALL.len(),
        Tab::Summary => tabs::summary::scroll_rows(app),
        _ => tabs::grid(app).map_or(0, |g| g.rows.len()),
    }
}

pub(super) fn move_rows(app: &mut App, delta: i64) {
    let count = grid_rows(app);
    if count == 0 {
        return;
    }
    if app.tab == Tab::Portfolio {
        folder::move_selection(app, delta);
        return;
    }
    let current = match app.tab {
        Tab::Matrix => app.portfolio_selected,
        Tab::Sensitivity => app.driver,
        _ => app.cursor().row,
    };
    let last = count as i64 - 1;
    let target = (current as i64).saturating_add(delta).clamp(0, last) as usize;
    match app.tab {
        Tab::Matrix => app.portfolio_selected = target,
        Tab::Sensitivity => app.driver = target,
        // The Summary scrolls: its row is how far down its panels are read.
        Tab::Summary => app.cursor_mut().row = target,
        _ => {
            app.cursor_mut().row = target;
            snap_column(app);
        }
    }
}

/// Keeps the column cursor on an editable cell of the new row when there is one.
pub(super) fn snap_column(app: &mut App) {
    let Some(grid) = tabs::grid(app) else { return };
    let cursor = app.cursor();
    let Some(row) = grid.rows.get(cursor.row) else { return };
    let editable: Vec<usize> = row.editable_columns().collect();
    if !editable.contains(&cursor.column)
        && let Some(nearest) = editable.iter().min_by_key(|c| c.abs_diff(cursor.column))
    {
        app.cursor_mut().column = *nearest;
    }
}

pub(super) fn move_column(app: &mut App, delta: i64) {
    let Some(grid) = tabs::grid(app) else { return };
    let cursor = app.cursor();
    let Some(row) = grid.rows.get(cursor.row) else { return };
    let editable: Vec<usize> = row.editable_columns().collect();
    let next = if delta > 0 {
        editable.iter().find(|c| **c > cursor.column)
    } else {
        editable.iter().rev().find(|c| **c < cursor.column)
    };
    if let Some(column) = next {
        app.cursor_mut().column = *column;
    }
}

/// Selects the grid row under a mouse click on screen row `y`.
pub(super) fn click_row(app: &mut App, y: u16) {
    if app.tab == Tab::Portfolio {
        click_portfolio_row(app, y);
        return;
    }
    if app.tab == Tab::Matrix {
        if let Some(index) = crate::tui::tabs::matrix::project_at_row(app, y) {
            app.portfolio_selected = index;
        }
        return;
    }
    // The sliders are the first rows of the Sensitivity tab, under the tab bar and a border.
    if app.tab == Tab::Sensitivity {
        if let Some(driver) =
            usize::from(y).checked_sub(2).filter(|d| *d < crate::domain::drivers::Driver::ALL.len())
        {
            app.driver = driver;
        }
        return;
    }
    // The table's first row sits under the tab bar (1 line) and the block's top border.
    let Some(visible_index) = (y as usize).checked_sub(2) else { return };
    let body = app.screen.1.saturating_sub(2);
    let panel = usize::from(crate::tui::tabs::panel_height(app.tab, body));
    // Rows of the table's inner area: screen minus tab bar, status bar, borders and panels.
    let visible = (app.screen.1 as usize).saturating_sub(4 + panel).max(1);
    if visible_index >= visible {
        return;
    }
    let selected = app.cursor().row;
    // Ratatui scrolls just enough to keep the selected row in view.
    let offset = (selected + 1).saturating_sub(visible);
    let row = offset + visible_index;
    if row < grid_rows(app) && !matches!(app.tab, Tab::Summary | Tab::Matrix | Tab::Sensitivity) {
        app.cursor_mut().row = row;
        snap_column(app);
    }
}

/// Selects the Portfolio row clicked: its rows start under the tab bar, the border and the
/// header; the totals take the bottom.
fn click_portfolio_row(app: &mut App, y: u16) {
    let Some(visible_index) = (y as usize).checked_sub(3) else { return };
    let totals = crate::tui::tabs::portfolio::totals_rows(app);
    let visible = (app.screen.1 as usize).saturating_sub(5 + totals).max(1);
    if visible_index >= visible {
        return;
    }
    let offset = (app.portfolio_view.selected + 1).saturating_sub(visible);
    let row = offset + visible_index;
    if row < app.portfolio_view.order.len() {
        app.portfolio_view.selected = row;
    }
}

pub(super) fn adjust_driver(app: &mut App, steps: i32) {
    let driver = app.selected_driver();
    let current = sensitivity::current(&app.project, &app.drivers, driver);
    let (low, high) = driver.bounds();
    let next = (current + driver.step() * Decimal::from(steps)).clamp(low, high);
    let value = (next != sensitivity::neutral(&app.project, driver)).then_some(next);
    set_driver(app, driver, value);
}

pub(super) fn set_driver(app: &mut App, driver: Driver, value: Option<Decimal>) {
    app.drivers.set(driver, value);
    app.recompute_what_if();
}

pub(super) fn open_selected(app: &mut App) -> Effect {
    let entry = match app.tab {
        Tab::Portfolio => app.selected_portfolio_entry(),
        _ => app.portfolio.get(app.portfolio_selected),
    };
    let Some(entry) = entry else { return Effect::None };
    if Some(&entry.path) == app.path.as_ref() {
        app.tab = Tab::Summary;
        return Effect::None;
    }
    if let Some(error) = &entry.row.error {
        let error = error.clone();
        app.warn(error);
        return Effect::None;
    }
    if app.dirty {
        app.warn(app.lang.t(Text::SaveBeforeOpening));
        return Effect::None;
    }
    Effect::Open(entry.path.clone())
}
