//! The lines of a table: adding, deleting, duplicating and moving them, and picking a KPI.

use crate::domain::catalogue::CatalogueKpi;
use crate::domain::identity::{Identified, LineId};
use crate::domain::project::{
    Baseline, BaselineMetric, Benefit, BenefitKind, Cost, CostCategory, Kpi, MAX_KPIS, Risk,
};
use crate::domain::validate::FieldPath;
use crate::i18n::Text;
use crate::store::edit::set_value;
use crate::tui::action::Action;
use crate::tui::app::{App, Mode};
use crate::tui::effect::Effect;
use crate::tui::grid::RowKind;
use crate::tui::grid::{Collection, Grid};
use crate::tui::tabs;
use rust_decimal::Decimal;

use super::*;

pub(super) fn selected_item(app: &App) -> Option<(Collection, usize)> {
    tabs::grid(app)?.item_at(app.cursor().row)
}

pub(super) fn add_row(app: &mut App) {
    let Some(grid) = tabs::grid(app) else { return };
    let Some(collection) = grid.collection_at(app.cursor().row) else {
        app.say(app.lang.t(Text::NothingToAdd));
        return;
    };
    let lang = app.lang;
    let mut project = app.project.clone();
    let index = match collection {
        Collection::Kpis => {
            if project.kpis.len() >= MAX_KPIS {
                app.warn(lang.t(Text::TooManyKpis));
            } else {
                app.mode = Mode::Picker { selected: 0 };
            }
            return;
        }
        Collection::Metrics => {
            let metrics = &mut project.baseline.get_or_insert_with(Baseline::default).metrics;
            let key = format!("metric_{}", metrics.len() + 1);
            metrics.push(BaselineMetric {
                key,
                name: Some(lang.t(Text::NewMetric).into()),
                unit: None,
                value: Decimal::ZERO,
                ..BaselineMetric::default()
            });
            metrics.len() - 1
        }
        Collection::Benefits => {
            project.benefits.push(Benefit {
                name: lang.t(Text::NewBenefit).into(),
                kind: BenefitKind::Other,
                monthly_value: Some(Decimal::ZERO),
                ..Benefit::default()
            });
            project.benefits.len() - 1
        }
        Collection::Costs => {
            project.costs.push(Cost {
                name: lang.t(Text::NewCost).into(),
                category: Some(CostCategory::Other),
                monthly: Some(Decimal::ZERO),
                ..Cost::default()
            });
            project.costs.len() - 1
        }
        Collection::Risks => {
            project.risks.push(Risk { name: lang.t(Text::NewRisk).into(), ..Risk::default() });
            project.risks.len() - 1
        }
    };
    change_project(app, project);
    select_item(app, collection, index);
}

pub(super) fn select_item(app: &mut App, collection: Collection, index: usize) {
    let Some(grid) = tabs::grid(app) else { return };
    if let Some(row) = row_of(&grid, collection, index) {
        app.cursor_mut().row = row;
        app.cursor_mut().column = 0;
    }
}

pub(super) fn row_of(grid: &Grid, collection: Collection, index: usize) -> Option<usize> {
    grid.rows.iter().position(|r| r.collection == Some(collection) && r.index == Some(index))
}

/// `d`: on a detail row, clears the value under the cursor (an input, a range, a source);
/// on a line, asks once, then deletes the whole line with everything under it.
pub(super) fn delete_row(app: &mut App) {
    let Some(grid) = tabs::grid(app) else { return };
    let cursor = app.cursor();
    let Some(row) = grid.rows.get(cursor.row) else { return };
    if row.kind == RowKind::Detail {
        clear_cell(app, row.cells.get(cursor.column).and_then(|c| c.path.clone()));
        return;
    }
    let Some((collection, index)) = selected_item(app) else {
        app.say(app.lang.t(Text::NothingToDelete));
        return;
    };
    if app.pending_delete != Some((collection, index)) {
        app.pending_delete = Some((collection, index));
        let name = row.cells.first().map_or("", |c| c.text.trim());
        app.warn(format!("{} {}", app.lang.t(Text::DeleteAgain), app.lang.quoted(name)));
        return;
    }
    app.pending_delete = None;
    let mut project = app.project.clone();
    match collection {
        Collection::Metrics => {
            if let Some(baseline) = project.baseline.as_mut() {
                remove_at(&mut baseline.metrics, index);
            }
        }
        Collection::Benefits => remove_at(&mut project.benefits, index),
        Collection::Costs => remove_at(&mut project.costs, index),
        Collection::Risks => remove_at(&mut project.risks, index),
        Collection::Kpis => remove_at(&mut project.kpis, index),
    }
    change_project(app, project);
    let rows = grid_rows(app);
    let cursor = app.cursor_mut();
    cursor.row = cursor.row.min(rows.saturating_sub(1));
    app.say(app.lang.t(Text::Deleted));
}

/// Clears the value at `path` (back to its default), or says why it cannot be.
fn clear_cell(app: &mut App, path: Option<FieldPath>) {
    let Some(path) = path else {
        app.say(app.lang.t(Text::NothingToDelete));
        return;
    };
    match set_value(&app.project, &path, "", app.lang.convention()) {
        Ok(project) => {
            change_project(app, project);
            app.say(app.lang.t(Text::Cleared));
        }
        Err(error) => app.warn(app.lang.edit_error(&error)),
    }
}

/// A copy of the selected benefit, cost or risk below it: the same values, range, source and
/// confidence, a new identity, and "(copy)" after its name.
pub(super) fn duplicate_row(app: &mut App) {
    let Some((collection, index)) = selected_item(app) else {
        app.say(app.lang.t(Text::NothingToDuplicate));
        return;
    };
    let copy_name = |name: &str| format!("{name} ({})", app.lang.t(Text::CopyWord));
    let mut project = app.project.clone();
    let copied = match collection {
        Collection::Benefits => duplicate_at(&mut project.benefits, index, |l| l.name = copy_name(&l.name)),
        Collection::Costs => duplicate_at(&mut project.costs, index, |l| l.name = copy_name(&l.name)),
        Collection::Risks => duplicate_at(&mut project.risks, index, |l| l.name = copy_name(&l.name)),
        // Their keys are unique and referred to by measurements: a copy is a new one (`a`).
        Collection::Metrics | Collection::Kpis => false,
    };
    if !copied {
        app.say(app.lang.t(Text::NothingToDuplicate));
        return;
    }
    change_project(app, project);
    select_item(app, collection, index + 1);
    app.say(app.lang.t(Text::Duplicated));
}

pub(super) fn duplicate_at<T: Clone + Identified>(
    items: &mut Vec<T>,
    index: usize,
    rename: impl FnOnce(&mut T),
) -> bool {
    let Some(mut copy) = items.get(index).cloned() else { return false };
    copy.set_id(LineId::fresh());
    rename(&mut copy);
    items.insert(index + 1, copy);
    true
}

/// The selected line one place up or down in its list; the cursor follows it.
pub(super) fn move_row(app: &mut App, delta: i8) {
    let Some((collection, index)) = selected_item(app) else { return };
    let Some(target) = index.checked_add_signed(isize::from(delta)) else { return };
    let mut project = app.project.clone();
    let moved = match collection {
        Collection::Metrics => project.baseline.as_mut().is_some_and(|b| swap(&mut b.metrics, index, target)),
        Collection::Benefits => swap(&mut project.benefits, index, target),
        Collection::Costs => swap(&mut project.costs, index, target),
        Collection::Risks => swap(&mut project.risks, index, target),
        Collection::Kpis => swap(&mut project.kpis, index, target),
    };
    if moved {
        change_project(app, project);
        select_item(app, collection, target);
    }
}

pub(super) fn swap<T>(items: &mut [T], a: usize, b: usize) -> bool {
    let fits = a < items.len() && b < items.len();
    if fits {
        items.swap(a, b);
    }
    fits
}

pub(super) fn remove_at<T>(items: &mut Vec<T>, index: usize) {
    if index < items.len() {
        items.remove(index);
    }
}

pub(super) fn picking(app: &mut App, selected: usize, action: Action) -> Effect {
    let entries = tabs::kpis::picker_entries(app);
    match action {
        Action::Up => app.mode = Mode::Picker { selected: selected.saturating_sub(1) },
        Action::Down => {
            app.mode = Mode::Picker { selected: (selected + 1).min(entries.len().saturating_sub(1)) }
        }
        Action::Cancel => app.mode = Mode::Normal,
        Action::Submit => {
            let kpi = match entries.get(selected).copied().flatten() {
                Some(entry) => CatalogueKpi::to_kpi(entry),
                None => custom_kpi(app),
            };
            app.mode = Mode::Normal;
            add_kpi(app, kpi);
        }
        Action::Resize(width, height) => app.screen = (width, height),
        _ => {}
    }
    Effect::None
}

pub(super) fn custom_kpi(app: &App) -> Kpi {
    let taken = |key: &str| app.project.kpis.iter().any(|k| k.key == key);
    let key = (1..).map(|n| format!("custom_{n}")).find(|k| !taken(k)).unwrap_or_default();
    Kpi { key, name: app.lang.t(Text::CustomKpiName).into(), ..Kpi::default() }
}

/// Adds a KPI, refusing the 19th with a clear message.
pub fn add_kpi(app: &mut App, kpi: Kpi) {
    if app.project.kpis.len() >= MAX_KPIS {
        app.warn(app.lang.t(Text::TooManyKpis));
        return;
    }
    let mut project = app.project.clone();
    project.kpis.push(kpi);
    let index = project.kpis.len() - 1;
    change_project(app, project);
    select_item(app, Collection::Kpis, index);
}
