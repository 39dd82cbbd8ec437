//! The portfolio part of `update`: sorting, filtering, and asking the runtime to create,
//! duplicate, rename or archive project files of the folder. Pure: the files are touched by
//! the runtime performing the returned `Effect`.

use super::app::{App, Mode, PortfolioEntry, Purpose};
use super::effect::Effect;
use crate::domain::Project;
use crate::i18n::Text;
use crate::store::files::file_in;

pub fn cycle_sort(app: &mut App) {
    app.portfolio_view.sort = app.portfolio_view.sort.next();
    app.refresh_portfolio_view();
}

/// Reads subfolders too, or not any more: the runtime reads the folder again.
pub fn toggle_subfolders(app: &mut App) -> Effect {
    app.portfolio_view.recursive = !app.portfolio_view.recursive;
    app.folder()
        .map_or(Effect::None, |folder| Effect::Rescan { folder, recursive: app.portfolio_view.recursive })
}

pub fn move_selection(app: &mut App, delta: i64) {
    let view = &mut app.portfolio_view;
    let last = view.order.len().saturating_sub(1) as i64;
    view.selected = (view.selected as i64).saturating_add(delta).clamp(0, last) as usize;
}

pub fn start(app: &mut App, purpose: Purpose) {
    let buffer = match purpose {
        Purpose::Filter => app.portfolio_view.filter.clone(),
        Purpose::RenameProject => selected_stem(app),
        Purpose::DuplicateProject => free_copy_name(app),
        _ => String::new(),
    };
    if matches!(purpose, Purpose::RenameProject | Purpose::DuplicateProject)
        && app.selected_portfolio_entry().is_none()
    {
        return;
    }
    app.mode = Mode::Prompt { purpose, buffer, error: None };
}

/// `NAME (copie)`, or `NAME (copie 2)`… the first that no file of the folder has: Enter
/// accepts it.
fn free_copy_name(app: &App) -> String {
    let stem = selected_stem(app);
    let word = app.lang.t(Text::CopyWord);
    let taken = |name: &str| {
        app.portfolio.iter().any(|entry| entry.path.file_stem().is_some_and(|s| s.to_string_lossy() == name))
    };
    (1..)
        .map(|n| if n == 1 { format!("{stem} ({word})") } else { format!("{stem} ({word} {n})") })
        .find(|name| !taken(name))
        .unwrap_or_default()
}

fn selected_stem(app: &App) -> String {
    app.selected_portfolio_entry()
        .and_then(|e| e.path.file_stem())
        .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned())
}

/// A safe file name for a project called `name` (`Chatbot RH` → `chatbot-rh`), that no file
/// of the folder has yet (`chatbot-rh-2`…).
fn free_file_stem(app: &App, name: &str) -> String {
    let slug: String = crate::tui::choices::folded(name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() { "projet".to_owned() } else { slug };
    let taken = |stem: &str| app.portfolio.iter().any(|e| e.path.file_stem().is_some_and(|s| s == stem));
    (1..)
        .map(|n| if n == 1 { slug.clone() } else { format!("{slug}-{n}") })
        .find(|stem| !taken(stem))
        .unwrap_or(slug)
}

/// What the typed file name (or, for a new project, its name) asks for, or why it cannot be done.
pub fn submit(app: &mut App, purpose: Purpose, typed: &str) -> Result<Effect, String> {
    if purpose == Purpose::Filter {
        app.portfolio_view.filter = typed.trim().to_owned();
        app.refresh_portfolio_view();
        return Ok(Effect::None);
    }
    let folder = app.folder().ok_or_else(|| app.lang.t(Text::NoFile).to_owned())?;
    if purpose == Purpose::NewProject {
        let name = typed.trim();
        if name.is_empty() {
            return Err(app.lang.t(Text::BadProjectName).to_owned());
        }
        let path = folder.join(format!("{}.toml", free_file_stem(app, name)));
        return Ok(Effect::CreateProject { path, project: Box::new(Project::starter(name, None)) });
    }
    let target = file_in(&folder, typed).ok_or_else(|| app.lang.t(Text::BadFileName).to_owned())?;
    let selected = app.selected_portfolio_entry().map(|e| e.path.clone());
    let is_open_and_dirty = |path: &std::path::PathBuf| app.dirty && Some(path) == app.path.as_ref();
    match (purpose, selected) {
        (Purpose::DuplicateProject, Some(from)) => Ok(Effect::DuplicateProject {
            from,
            to: target,
            copy_word: app.lang.t(Text::CopyWord).to_owned(),
        }),
        (Purpose::RenameProject, Some(from)) if is_open_and_dirty(&from) => {
            Err(app.lang.t(Text::SaveBeforeOpening).to_owned())
        }
        (Purpose::RenameProject, Some(from)) => Ok(Effect::RenameProject { from, to: target }),
        _ => Ok(Effect::None),
    }
}

/// `x`: asks once, naming the file and that `u` will not bring it back, then archives it.
pub fn archive(app: &mut App) -> Effect {
    let Some(entry) = app.selected_portfolio_entry().cloned() else { return Effect::None };
    if Some(&entry.path) == app.path.as_ref() {
        app.warn(app.lang.t(Text::CannotArchiveOpen));
        return Effect::None;
    }
    if app.pending_archive.as_ref() != Some(&entry.path) {
        let name = entry.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        app.warn(format!("{} {}", app.lang.t(Text::ArchiveAgain), app.lang.quoted(&name)));
        app.pending_archive = Some(entry.path);
        return Effect::None;
    }
    app.pending_archive = None;
    Effect::ArchiveProject(entry.path)
}

/// The folder as read (again) by the runtime: every row, in the matrix's order.
pub fn scanned(app: &mut App, entries: Vec<PortfolioEntry>) {
    app.portfolio_selected = entries.iter().position(|e| Some(&e.path) == app.path.as_ref()).unwrap_or(0);
    app.portfolio_view.loading = None;
    app.replace_portfolio(entries);
}

/// Rows of a folder being read for the first time: shown as they come, ranked, the selected
/// row kept; `progress` is (files done, files in all).
pub fn arrived(app: &mut App, entries: Vec<PortfolioEntry>, progress: (usize, usize)) {
    let current = app.portfolio.get(app.portfolio_selected).map(|e| e.path.clone());
    let selected_path = app.selected_portfolio_entry().map(|e| e.path.clone());
    app.portfolio.extend(entries);
    crate::tui::app::rank_portfolio(&mut app.portfolio);
    let wanted = current.as_ref().or(app.path.as_ref());
    app.portfolio_selected = app.portfolio.iter().position(|e| Some(&e.path) == wanted).unwrap_or(0);
    app.portfolio_view.loading = (progress.0 < progress.1).then_some(progress);
    app.refresh_portfolio_view_on(selected_path);
}

/// Whether a portfolio row shows `filter`: its name, file, owner, and its department, status
/// and quadrant as the screen names them (or by their keys), whatever the case and accents.
pub fn shows(lang: crate::i18n::Lang, row: &crate::domain::portfolio::PortfolioRow, filter: &str) -> bool {
    use crate::i18n::review::{department_name, quadrant_short, status_name};
    use crate::tui::choices::folded;
    let wanted = folded(filter);
    let shown = [
        row.name.as_str(),
        &row.file,
        row.owner.as_deref().unwrap_or(""),
        department_name(lang, row.department),
        row.department.key(),
        status_name(lang, row.status),
        row.status.key(),
        quadrant_short(lang, row.quadrant),
    ];
    shown.iter().any(|text| folded(text).contains(&wanted))
}

#[cfg(test)]
mod filter_tests {
    use super::*;
    use crate::domain::portfolio::PortfolioRow;
    use crate::domain::project::Department;

    /// Issue 14: the filter finds what the screen shows, in either case and with or without accents.
    #[test]
    fn the_filter_matches_what_is_displayed() {
        let row = PortfolioRow {
            name: "Tri des CV".into(),
            department: Department::Software,
            ..PortfolioRow::default()
        };
        for filter in ["logiciel", "Développement", "developpement", "software", "tri des"] {
            assert!(shows(crate::i18n::Lang::Fr, &row, filter), "{filter}");
        }
        assert!(!shows(crate::i18n::Lang::Fr, &row, "factures"));
    }
}
