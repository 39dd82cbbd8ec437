//! The interactive workbench: the runtime around the pure `update` and `view`.
//!
//! This file is the only part of the TUI that touches the terminal or the disk: it reads
//! events, turns them into actions through the keymap, performs the effects `update` returns
//! (save, open, quit) and feeds their results back as actions. The terminal is restored on
//! every exit, panics included.

pub mod action;
pub mod app;
pub mod effect;
pub mod grid;
pub mod keymap;
pub mod tabs;
pub mod theme;
pub mod update;
pub mod view;
pub mod widgets;
pub mod workspace;

use crate::i18n::Lang;
use action::Action;
use anyhow::Context;
use app::App;
use effect::Effect;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEvent,
    MouseEventKind,
};
use ratatui::crossterm::execute;
use std::path::Path;
use std::process::ExitCode;
use theme::Theme;

/// Opens the workbench on `target` (a file, a folder, or the workspace when `None`).
pub fn run(target: Option<&Path>, lang: Lang) -> anyhow::Result<ExitCode> {
    let opened = match workspace::open(target) {
        Ok(opened) => opened,
        Err(lines) => {
            for line in lines {
                eprintln!("{line}");
            }
            return Ok(ExitCode::from(crate::cli::EXIT_INVALID));
        }
    };
    let mut app = App::new(opened.loaded, opened.portfolio, lang);
    if let Some(note) = opened.note {
        app.say(note);
    }
    install_mouse_release_on_panic();
    let mut terminal = ratatui::try_init().context("cannot start the terminal interface")?;
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let result = event_loop(&mut terminal, &mut app);
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result.map(|()| ExitCode::SUCCESS)
}

/// Ratatui's own hook restores the screen; this one also stops mouse reporting.
fn install_mouse_release_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        previous(info);
    }));
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
    let theme = Theme::from_env();
    let size = terminal.size()?;
    update::update(app, Action::Resize(size.width, size.height));
    while !app.should_quit {
        terminal.draw(|frame| view::view(app, frame, &theme))?;
        let action = match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => keymap::action_for(app, key),
            Event::Mouse(mouse) => mouse_action(app, mouse),
            Event::Resize(width, height) => Some(Action::Resize(width, height)),
            _ => None,
        };
        if let Some(action) = action {
            dispatch(app, action);
        }
    }
    Ok(())
}

/// Runs an action and every effect it leads to.
pub fn dispatch(app: &mut App, action: Action) {
    let mut effect = update::update(app, action);
    while let Some(feedback) = perform(effect) {
        effect = update::update(app, feedback);
    }
}

fn perform(effect: Effect) -> Option<Action> {
    match effect {
        Effect::None | Effect::Quit => None,
        Effect::Save { path, project, original } => {
            Some(match crate::store::save::save_project(&path, &project, original.as_deref()) {
                Ok(text) => Action::Saved { text },
                Err(error) => Action::SaveFailed(error.to_string()),
            })
        }
        Effect::Open(path) => Some(match crate::store::load(&path) {
            Ok(loaded) => Action::Opened(Box::new(loaded)),
            Err(error) => Action::OpenFailed(error.lines().join(" ")),
        }),
    }
}

fn mouse_action(app: &App, mouse: MouseEvent) -> Option<Action> {
    if mouse.kind != MouseEventKind::Down(MouseButton::Left) {
        return None;
    }
    if mouse.row == 0 {
        return view::tab_positions(app)
            .into_iter()
            .find(|(_, x, width)| (*x..x + width).contains(&mouse.column))
            .map(|(tab, _, _)| Action::ClickTab(tab));
    }
    Some(Action::ClickRow(mouse.row))
}
