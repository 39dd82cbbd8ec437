//! The frame: tab bar, the current tab, the status bar, and whatever overlay the mode asks
//! for (help, editor, prompt, picker, quit question). A pure function of the app state.

use super::app::{App, Mode, Purpose, Tab};
use super::keymap;
use super::tabs;
use super::theme::Theme;
use super::widgets::{block, centered};
use crate::i18n::Text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

/// The smallest terminal the workbench draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn view(app: &App, frame: &mut Frame, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(app, frame, area, theme);
        return;
    }
    let status_text = status(app, theme);
    let status_height = status_height(&status_text, area.width);
    let [tabs_bar, body, status] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(status_height),
    ]));
    render_tab_bar(app, frame, tabs_bar, theme);
    match app.tab {
        Tab::Summary => tabs::summary::render(app, frame, body, theme),
        Tab::Baseline => tabs::baseline::render(app, frame, body, theme),
        Tab::Tco => tabs::tco::render(app, frame, body, theme),
        Tab::Kpis => tabs::kpis::render(app, frame, body, theme),
        Tab::Matrix => tabs::matrix::render(app, frame, body, theme),
        Tab::Sensitivity => tabs::sensitivity::render(app, frame, body, theme),
        Tab::Portfolio => tabs::portfolio::render(app, frame, body, theme),
    }
    frame.render_widget(Paragraph::new(status_text).wrap(Wrap { trim: false }), status);
    render_rubric(app, frame, body, theme);
    render_choices(app, frame, body, theme);
    match &app.mode {
        Mode::Palette { buffer, picked } => render_palette(app, buffer, *picked, frame, body, theme),
        Mode::Explain(explanation) => render_explain(app, explanation, frame, body, theme),
        Mode::DataTable(table) => tabs::data_table::render(app, table, frame, body, theme),
        Mode::Picker { selected } => tabs::kpis::render_picker(app, *selected, frame, body, theme),
        Mode::ConfirmQuit => render_question(app, frame, body, theme),
        Mode::Conflict { comparison, .. } => render_conflict(app, comparison.as_deref(), frame, body, theme),
        Mode::Scenarios { selected, rows } => {
            tabs::sensitivity::render_scenarios(app, *selected, rows, frame, body, theme)
        }
        Mode::MonteCarlo => tabs::sensitivity::render_monte_carlo(app, frame, body, theme),
        Mode::Review { scroll } => tabs::review::render(app, *scroll, frame, body, theme),
        Mode::ReviewEntry(form) => tabs::review::render_form(app, form, frame, body, theme),
        Mode::Recovery { .. } => render_dialog(
            frame,
            body,
            theme,
            app.lang.t(Text::RecoveryTitle),
            app.lang.t(Text::RecoveryQuestion).lines().map(Line::raw).collect(),
        ),
        Mode::Normal | Mode::Editing { .. } | Mode::Prompt { .. } => {}
    }
    if app.help {
        render_help(app, frame, body, theme);
    }
}

/// Where a figure comes from: the figure, its formula and values, then its inputs — the one
/// selected reversed, `▸` on those that are computed (Enter explains them).
/// The status bar's reminder of keys: what Enter (or the arrows) do on this tab, or how to
/// leave the view over it — a hint never offers a key that does nothing there.
pub fn hint_for(app: &App) -> Text {
    match (keymap::View::of(&app.mode), app.tab) {
        (Some(view), _) if view.types_letters() => Text::HelpHintTyping,
        (Some(keymap::View::Recovery), _) => Text::HelpHintRecovery,
        (Some(_), _) => Text::HelpHintView,
        (None, Tab::Baseline | Tab::Tco | Tab::Kpis) => Text::HelpHint,
        (None, Tab::Matrix | Tab::Portfolio) => Text::HelpHintOpen,
        (None, Tab::Sensitivity) => Text::HelpHintSliders,
        (None, Tab::Summary) => Text::HelpHintExplain,
    }
}

/// The file name of `path`, as the status bar names a file.
fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
}

fn render_explain(
    app: &App,
    explanation: &crate::tui::explaining::Explanation,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
) {
    let (stack, selected) = (&explanation.stack, explanation.selected);
    let Some(node) = stack.last() else { return };
    let lang = app.lang;
    let project = explanation.project(app);
    let (file, text) = match &explanation.other {
        Some(other) => (file_name(&other.path), other.text.as_str()),
        None => (app.file_label(), app.original.as_ref().map_or("", |o| o.text.as_str())),
    };
    let explained = crate::report::explain::Explained::new(node, project, &file, text, lang);
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines =
        vec![Line::styled(format!("{} = {}", explained.label(node), explained.number(node)), theme.title)];
    // On the Sensitivity tab the figures are the what-if's: say which sliders make them.
    // Cumulative figures are at a month; a line's value, a KPI or the quadrant are not.
    let by_month =
        ["roi_adjusted_pct", "roi_classic_pct", "tco", "benefits_adjusted", "benefits_raw", "risk_provision"];
    if by_month.contains(&explanation.figure.as_str()) || explanation.figure.starts_with("costs[") {
        let month = explanation.month.unwrap_or(project.horizon());
        lines.push(Line::styled(format!("  {}", lang.month(Some(month))), theme.muted));
    }
    let sliders =
        explanation.what_if.then(|| crate::i18n::review::drivers_applied(lang, &app.drivers)).flatten();
    lines.extend(sliders.map(|text| Line::styled(format!("  {text}"), theme.warn)));
    for extra in
        [explained.formula(node).map(str::to_owned), explained.substituted(node).map(|s| format!("= {s}"))]
            .into_iter()
            .flatten()
    {
        lines.extend(
            wrap(&extra, width.saturating_sub(2))
                .into_iter()
                .map(|l| Line::styled(format!("  {l}"), theme.label)),
        );
    }
    lines.push(Line::raw(""));
    let header = lines.len();
    for (i, input) in node.inputs.iter().enumerate() {
        let marker = if input.inputs.is_empty() { "  " } else { "▸ " };
        let mut text = format!("{marker}{} = {}", explained.label(input), explained.number(input));
        if let Some(position) = input.path.as_ref().and_then(|p| explained.position(p)) {
            text.push_str(&format!("  ({position})"));
        }
        let (source, confidence, range) = explained.facts(input);
        let facts: Vec<String> =
            [source, confidence.map(str::to_owned), range].into_iter().flatten().collect();
        if !facts.is_empty() {
            text.push_str(&format!("  [{}]", facts.join(" · ")));
        }
        let style = if i == selected { theme.selected_row } else { theme.figure };
        lines.push(Line::styled(crate::tui::widgets::fit(&text, width), style));
    }
    // The selected input stays in view under the figure.
    let visible = usize::from(area.height.saturating_sub(2)).saturating_sub(header).max(1);
    let offset = (selected + 1).saturating_sub(visible);
    let shown: Vec<Line> =
        lines.iter().take(header).chain(lines.iter().skip(header + offset)).cloned().collect();
    // Which project is explained, then which of its figures: the name gives way ("…") to the
    // figure when the title is too long for the frame.
    let (view, figure) = (lang.t(Text::ViewExplain), explained.label(stack.first().unwrap_or(node)));
    let room = width.saturating_sub(2 + view.chars().count() + figure.chars().count() + 6);
    let title = format!("{view} — {} — {figure}", crate::tui::widgets::fit(&project.project.name, room));
    frame.render_widget(Clear, area);
    let hint = Line::styled(format!(" {} ", lang.t(Text::ExplainHint)), theme.label);
    frame.render_widget(Paragraph::new(shown).block(block(&title, theme).title_bottom(hint)), area);
}

/// The command palette: what is typed, then the commands that match, each with its key.
fn render_palette(app: &App, buffer: &str, picked: usize, frame: &mut Frame, area: Rect, theme: &Theme) {
    let lang = app.lang;
    let commands = crate::tui::palette::commands(lang, app.tab, buffer);
    let width = area.width.min(72);
    let inner = usize::from(width.saturating_sub(2));
    let keys = commands.iter().map(|c| c.key.chars().count()).max().unwrap_or(0);
    let mut lines = vec![Line::from(vec![Span::styled("> ", theme.label), Span::raw(format!("{buffer}_"))])];
    if commands.is_empty() {
        lines.push(Line::styled(lang.t(Text::NothingMatches), theme.muted));
    }
    let room = inner.saturating_sub(keys + 3);
    lines.extend(commands.iter().enumerate().map(|(i, command)| {
        let style = if i == picked { theme.selected_row } else { theme.figure };
        let name = crate::tui::widgets::fit(&command.name, room);
        Line::styled(format!(" {name:<room$} {:>keys$} ", command.key), style)
    }));
    let height = (u16::try_from(lines.len()).unwrap_or(u16::MAX) + 2).min(area.height);
    // The picked command stays in view.
    let shown =
        crate::tui::widgets::header_and_rows_around(&lines, picked, usize::from(height.saturating_sub(3)));
    let popup = centered(area, width, height);
    frame.render_widget(Clear, popup);
    let title = format!("{} — {}", lang.t(Text::ViewPalette), app.tab.title(lang));
    frame.render_widget(Paragraph::new(shown).block(block(&title, theme)), popup);
}

/// Where each tab's title sits in the tab bar, for mouse clicks: (tab, first column, width).
pub fn tab_positions(app: &App) -> Vec<(Tab, u16, u16)> {
    let mut x = 0;
    Tab::ALL
        .iter()
        .map(|tab| {
            let width = tab_label(app, *tab).chars().count() as u16;
            let position = (*tab, x, width);
            x += width + 1;
            position
        })
        .collect()
}

fn tab_label(app: &App, tab: Tab) -> String {
    format!(" {} {}", tab.index() + 1, tab.title(app.lang))
}

fn render_tab_bar(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut spans = Vec::new();
    for tab in Tab::ALL {
        let style = if tab == app.tab { theme.tab_active } else { theme.tab_inactive };
        spans.push(Span::styled(tab_label(app, tab), style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The status bar's height: one line, or up to [`MAX_STATUS_LINES`] when a long message
/// (an error naming a file and its fix) would be cut.
fn status_height(line: &Line, width: u16) -> u16 {
    let lines = line.width().div_ceil(usize::from(width.max(1)));
    u16::try_from(lines.clamp(1, MAX_STATUS_LINES)).unwrap_or(1)
}

/// A status message wraps onto at most this many lines.
const MAX_STATUS_LINES: usize = 3;

fn status<'a>(app: &App, theme: &Theme) -> Line<'a> {
    let lang = app.lang;
    match &app.mode {
        Mode::Editing { buffer, error, .. } | Mode::Prompt { buffer, error, .. } => {
            let label = match &app.mode {
                Mode::Editing { label, .. } => label.as_str(),
                Mode::Prompt { purpose: Purpose::ScenarioName, .. } => lang.t(Text::PromptScenario),
                Mode::Prompt { purpose: Purpose::Measurement { .. }, .. } => lang.t(Text::PromptMeasurement),
                Mode::Prompt { purpose: Purpose::GoalSeek, .. } => lang.t(Text::PromptGoal),
                Mode::Prompt { purpose: Purpose::RenameScenario { .. }, .. } => lang.t(Text::PromptRename),
                Mode::Prompt { purpose: Purpose::SaveAs, .. } => lang.t(Text::PromptSaveAs),
                Mode::Prompt { purpose: Purpose::Filter, .. } => lang.t(Text::PromptFilter),
                Mode::Prompt { purpose: Purpose::NewProject, .. } => lang.t(Text::PromptProjectName),
                Mode::Prompt { purpose: Purpose::DuplicateProject | Purpose::RenameProject, .. } => {
                    lang.t(Text::PromptFileName)
                }
                _ => lang.t(Text::PromptValue),
            };
            let mut spans =
                vec![Span::styled(format!(" {label} "), theme.status), Span::raw(format!(" {buffer}_ "))];
            if let Some(error) = error {
                spans.push(Span::styled(format!(" {error} "), theme.status_error));
            }
            Line::from(spans)
        }
        _ => status_line(app, theme),
    }
}

/// The first items of a `·`-separated hint that fit in `room` characters (at least one).
fn hint_within(hint: &str, room: usize) -> String {
    let mut kept = String::new();
    for item in hint.split(" · ") {
        let next = if kept.is_empty() { item.to_owned() } else { format!("{kept} · {item}") };
        if !kept.is_empty() && next.chars().count() > room {
            break;
        }
        kept = next;
    }
    kept
}

fn status_line<'a>(app: &App, theme: &Theme) -> Line<'a> {
    let lang = app.lang;
    let modified = if app.dirty { " [+]" } else { "" };
    let mut spans = vec![Span::styled(format!(" {}{modified} ", app.file_label()), theme.status)];
    if app.read_only {
        spans.push(Span::styled(format!(" {} ", lang.t(Text::ReadOnlyBanner)), theme.status_error));
    }
    if app.changed_on_disk {
        spans.push(Span::styled(format!(" {} ", lang.t(Text::ChangedOnDiskBanner)), theme.status_error));
    }
    if let Some(who) = &app.edited_by {
        spans.push(Span::styled(format!(" {} {who} ", lang.t(Text::EditedByBanner)), theme.warn));
    }
    if let crate::tui::app::SimulationState::Running { done, total } = app.simulation {
        let progress = format!(" {} {} / {} ", lang.t(Text::Simulating), lang.count(done), lang.count(total));
        spans.push(Span::styled(progress, theme.warn));
    }
    if !app.drivers.is_neutral() || app.stress_view {
        spans.push(Span::styled(format!(" {} ", lang.t(Text::WhatIfActive)), theme.warn));
    }
    let invalid = app
        .selected_portfolio_entry()
        .and_then(|e| e.row.error.as_ref())
        .filter(|_| app.tab == Tab::Portfolio);
    match &app.status {
        _ if invalid.is_some() => {
            spans.push(Span::styled(format!(" {} ", invalid.map_or("", String::as_str)), theme.status_error));
        }
        Some(message) if message.is_error => {
            spans.push(Span::styled(format!(" {} ", message.text), theme.status_error))
        }
        Some(message) => spans.push(Span::raw(format!(" {}", message.text))),
        None => {
            // The hint is a reminder, not a message: it keeps to one line, losing its last
            // items first (`?` for the help always stays).
            let used: usize = spans.iter().map(|s| s.width()).sum();
            let room = usize::from(app.screen.0).saturating_sub(used + 1);
            let hint = hint_for(app);
            spans.push(Span::styled(format!(" {}", hint_within(lang.t(hint), room)), theme.muted));
        }
    }
    Line::from(spans)
}

/// The keys in force over the whole body, in as many columns as the width holds (each at
/// least [`HELP_DESCRIPTION`] wide for the description), descriptions wrapped, never cut;
/// scrolled with the arrows when even that is taller than the screen.
fn render_help(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let lang = app.lang;
    let entries = keymap::help_entries(app);
    let name = keymap::View::of(&app.mode).map_or_else(|| app.tab.title(lang), |view| view.name(lang));
    let title = format!("{} — {name}", lang.t(Text::Help));
    let lines = help_lines(
        &entries,
        usize::from(area.width.saturating_sub(2)),
        usize::from(area.height.saturating_sub(2)),
    );
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|row| {
            Line::from(
                row.into_iter()
                    .map(|(text, is_key)| Span::styled(text, if is_key { theme.label } else { theme.figure }))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let height = (lines.len() as u16 + 2).min(area.height);
    let scroll = app.help_scroll.min(lines.len().saturating_sub(usize::from(height.saturating_sub(2))));
    let popup = Rect { height, ..area };
    frame.render_widget(Clear, popup);
    let mut frame_block = block(&title, theme);
    if lines.len() > usize::from(height.saturating_sub(2)) {
        frame_block =
            frame_block.title_bottom(Line::styled(format!(" {} ", lang.t(Text::HelpScrolls)), theme.label));
    }
    let paragraph = Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(0), 0));
    frame.render_widget(paragraph.block(frame_block), popup);
}

/// A help column's description is at least this wide before another column is added.
const HELP_DESCRIPTION: usize = 24;

/// The help laid out in `width` × `height`: the fewest columns whose rows fit the height (the
/// most that fit the width otherwise), entries row by row, each description wrapped under
/// itself. Each line is a list of (text, is a key).
fn help_lines(entries: &[(&str, &str)], width: usize, height: usize) -> Vec<Vec<(String, bool)>> {
    let keys = entries.iter().map(|(key, _)| key.chars().count()).max().unwrap_or(0);
    let most = (width / (keys + 3 + HELP_DESCRIPTION)).clamp(1, entries.len().max(1));
    let layout = |columns: usize| {
        let room = (width / columns).saturating_sub(keys + 3).max(1);
        let cells: Vec<Vec<String>> = entries.iter().map(|(_, text)| wrap(text, room)).collect();
        (room, cells)
    };
    let rows_of = |columns: usize, cells: &[Vec<String>]| -> usize {
        cells.chunks(columns).map(|row| row.iter().map(Vec::len).max().unwrap_or(1)).sum()
    };
    let columns = (1..=most).find(|&c| rows_of(c, &layout(c).1) <= height).unwrap_or(most);
    let (room, cells) = layout(columns);
    let mut lines = Vec::new();
    for (row_entries, row_cells) in entries.chunks(columns).zip(cells.chunks(columns)) {
        let tall = row_cells.iter().map(Vec::len).max().unwrap_or(1);
        for line in 0..tall {
            let mut spans = Vec::new();
            for ((key, _), cell) in row_entries.iter().zip(row_cells) {
                let key = if line == 0 { *key } else { "" };
                let text = cell.get(line).map_or("", String::as_str);
                spans.push((format!("{key:>keys$}  "), true));
                spans.push((format!("{text:<room$} "), false));
            }
            lines.push(spans);
        }
    }
    lines
}

/// `text` in lines of at most `room` characters, broken between words (a word longer than
/// the room is cut into pieces), never inside a number: a space between two digits (the
/// French thousands separator) holds them together.
fn wrap(text: &str, room: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let held = hold_numbers(text);
    for word in held.split(' ').filter(|w| !w.is_empty()) {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > room {
            let rest = word.split_off(room);
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.into_iter().collect());
            word = rest;
        }
        let length = line.chars().count();
        if length > 0 && length + 1 + word.len() > room {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.extend(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` with each space between two digits made a no-break space.
fn hold_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let between_digits = i > 0
                && chars.get(i - 1).is_some_and(char::is_ascii_digit)
                && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if *c == ' ' && between_digits { '\u{a0}' } else { *c }
        })
        .collect()
}

fn render_question(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let popup = centered(area, 52, 5);
    frame.render_widget(Clear, popup);
    let text = Paragraph::new(app.lang.t(Text::ConfirmQuit)).wrap(Wrap { trim: true });
    frame.render_widget(text.block(block(app.lang.t(Text::Unsaved), theme)), popup);
}

fn render_dialog(frame: &mut Frame, area: Rect, theme: &Theme, title: &str, lines: Vec<Line>) {
    let height = (lines.len() as u16 + 4).min(area.height);
    let popup = centered(area, 70, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }).block(block(title, theme)), popup);
}

/// The conflict question, and with `d` the key figures that differ between mine and theirs.
fn render_conflict(
    app: &App,
    comparison: Option<&super::compare::Comparison>,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
) {
    let lang = app.lang;
    let mut lines: Vec<Line> = lang.t(Text::ConflictQuestion).lines().map(Line::raw).collect();
    if let Some(comparison) = comparison {
        lines.push(Line::raw(""));
        let differences = super::compare::differences(lang, comparison);
        if differences.is_empty() {
            lines.push(Line::styled(lang.t(Text::NoDifference), theme.good));
        } else {
            lines.push(Line::styled(
                format!("{:<24}{:>18}{:>18}", "", lang.t(Text::Mine), lang.t(Text::Theirs)),
                theme.label,
            ));
        }
        for (label, mine, theirs) in differences {
            lines.push(Line::raw(format!("{label:<24}{mine:>18}{theirs:>18}")));
        }
    }
    render_dialog(frame, area, theme, lang.t(Text::ConflictTitle), lines);
}

/// The values of the choice field being edited that match what is typed, the highlighted one
/// reversed: arrows move, Enter takes it, typing filters.
fn render_choices(app: &App, frame: &mut Frame, body: Rect, theme: &Theme) {
    let Mode::Editing { path, buffer, picked, label, .. } = &app.mode else { return };
    let Some(list) = crate::tui::choices::matching(app.lang, path, buffer) else { return };
    let names: Vec<&str> = list.iter().map(|(_, name)| *name).collect();
    let lines: Vec<Line> = if names.is_empty() {
        vec![Line::styled(app.lang.t(Text::NothingMatches), theme.muted)]
    } else {
        names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                Line::styled(
                    format!(" {name} "),
                    if i == *picked { theme.selected_row } else { theme.figure },
                )
            })
            .collect()
    };
    let widest = names.iter().map(|n| n.chars().count()).max().unwrap_or(0).max(label.chars().count()) + 4;
    let width = u16::try_from(widest).unwrap_or(u16::MAX).clamp(30, body.width);
    let height = (u16::try_from(lines.len()).unwrap_or(u16::MAX) + 2).min(body.height);
    let area = Rect {
        x: body.right().saturating_sub(width),
        y: body.bottom().saturating_sub(height),
        width,
        height,
    };
    // Scrolled to keep the highlighted value in view.
    let offset = (*picked + 1).saturating_sub(usize::from(height.saturating_sub(2)));
    frame.render_widget(Clear, area);
    let paragraph = Paragraph::new(lines).scroll((u16::try_from(offset).unwrap_or(0), 0));
    frame.render_widget(paragraph.block(block(label, theme)), area);
}

/// What 2, 5 and 8 mean, while impact or feasibility is being scored.
fn render_rubric(app: &App, frame: &mut Frame, body: Rect, theme: &Theme) {
    let Mode::Editing { path, .. } = &app.mode else { return };
    let rubric = match path.to_string().as_str() {
        "project.impact" => Text::RubricImpact,
        "project.feasibility" => Text::RubricFeasibility,
        _ => return,
    };
    // Each score's sentence wrapped to the frame: never cut.
    let width = usize::from(body.width.saturating_sub(2));
    let lines: Vec<Line> =
        app.lang.t(rubric).lines().flat_map(|line| wrap(line, width)).map(Line::raw).collect();
    let height = lines.len() as u16 + 2;
    let area = Rect { y: body.bottom().saturating_sub(height), height: height.min(body.height), ..body };
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block(app.lang.t(Text::Rubric), theme)), area);
}

fn render_too_small(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let message = format!(
        "{} {}×{} ({} {MIN_WIDTH}×{MIN_HEIGHT})",
        app.lang.t(Text::TooSmall),
        area.width,
        area.height,
        app.lang.t(Text::Minimum)
    );
    frame.render_widget(Paragraph::new(Line::styled(message, theme.warn)).wrap(Wrap { trim: true }), area);
}
