//! Bytes written to the terminal for one keypress at 200×60: not timed, counted. The
//! workbench draws through ratatui, which writes only the cells that changed since the last
//! frame; this prints how many bytes that is for a slider step and for an edited value, the
//! figures the budgets are stated in (one slider step ≤ 3 KB, one edited value ≤ 120 B).
//!
//! `cargo bench --bench bytes` prints a table and exits; there is nothing to time.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::workbench::{
    edited_value, monthly_cost, open, open_with_slider_moved, select_cell, set_cost, slider_press, type_value,
};
use common::{HEIGHT, WIDTH};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use roi_workbench::tui::action::Action;
use roi_workbench::tui::app::{App, Tab};
use roi_workbench::tui::theme::Theme;
use roi_workbench::tui::{dispatch, view};
use std::cell::Cell;
use std::io::Write;
use std::rc::Rc;

/// A terminal that counts what it is sent (shared: the backend owns the writer).
#[derive(Default, Clone)]
struct CountingWriter(Rc<Cell<usize>>);

impl Write for CountingWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + bytes.len());
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

struct Screen {
    terminal: Terminal<CrosstermBackend<CountingWriter>>,
    written: CountingWriter,
    theme: Theme,
}

impl Screen {
    fn new(theme: Theme) -> Self {
        let written = CountingWriter::default();
        let options = TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT)) };
        let terminal = Terminal::with_options(CrosstermBackend::new(written.clone()), options).unwrap();
        Self { terminal, written, theme }
    }

    /// Draws a frame and returns the bytes it wrote.
    fn draw(&mut self, app: &App) -> usize {
        self.written.0.set(0);
        self.terminal.draw(|frame| view::view(app, frame, &self.theme)).unwrap();
        self.written.0.get()
    }
}

/// Bytes of the full first frame, and of the frame after the keypress, the first time and
/// again.
struct Counts {
    full: usize,
    first: usize,
    again: usize,
}

type Case<'a> = Box<dyn Fn(Theme) -> Counts + 'a>;

/// The bytes of the frame after `press`, the screen being up to date before it. The same
/// press is made twice and both counted: the first also changes what stays on screen
/// afterwards (the modified marker, a status message), the second is the steady state.
fn bytes_after(
    theme: Theme,
    mut app: App,
    mut before: impl FnMut(&mut App),
    mut press: impl FnMut(&mut App, usize),
) -> Counts {
    let mut screen = Screen::new(theme);
    let full = screen.draw(&app);
    let mut counts = [0; 2];
    for (i, count) in counts.iter_mut().enumerate() {
        before(&mut app);
        screen.draw(&app);
        press(&mut app, i);
        *count = screen.draw(&app);
    }
    Counts { full, first: counts[0], again: counts[1] }
}

fn main() {
    let sample = common::largest_sample_name();
    let summary = open(Tab::Summary);
    let (path, original) = monthly_cost(&summary);
    let cost_line = summary.project.costs.iter().position(|c| c.monthly.is_some()).unwrap_or(0);
    let name_path =
        roi_workbench::domain::validate::FieldPath::parse(&format!("costs[{cost_line}].name")).unwrap();
    let name = summary.project.costs[cost_line].name.clone();
    let cases: Vec<(String, Case<'_>)> = vec![
        (
            "slider step (Sensitivity tab)".into(),
            Box::new(|theme| {
                bytes_after(theme, open_with_slider_moved(Tab::Sensitivity), |_| {}, slider_press)
            }),
        ),
        (
            "slider step (Summary tab)".into(),
            Box::new(|theme| bytes_after(theme, open_with_slider_moved(Tab::Summary), |_| {}, slider_press)),
        ),
        (
            format!("edited value: {path}, figures recomputed (Summary tab)"),
            Box::new(|theme| {
                bytes_after(
                    theme,
                    open(Tab::Summary),
                    |_| {},
                    |app, i| set_cost(app, &path, &edited_value(&original, i)),
                )
            }),
        ),
        (
            format!("edited value: {path} typed, Enter (TCO tab)"),
            Box::new(|theme| {
                bytes_after(
                    theme,
                    open(Tab::Tco),
                    |app| {
                        select_cell(app, &path);
                        type_value(app, &edited_value(&original, app.history.undo.len()));
                    },
                    |app, _| dispatch(app, Action::Submit),
                )
            }),
        ),
        (
            format!("edited value: {name_path} typed, Enter (TCO tab, no figure moves)"),
            Box::new(|theme| {
                bytes_after(
                    theme,
                    open(Tab::Tco),
                    |app| {
                        select_cell(app, &name_path);
                        let suffix = if app.history.undo.len() % 2 == 0 { " (v2)" } else { " (v3)" };
                        type_value(app, &format!("{name}{suffix}"));
                    },
                    |app, _| dispatch(app, Action::Submit),
                )
            }),
        ),
        (
            format!("one character typed in the editor ({path}, TCO tab)"),
            Box::new(|theme| {
                bytes_after(
                    theme,
                    open(Tab::Tco),
                    |app| {
                        if !matches!(app.mode, roi_workbench::tui::app::Mode::Editing { .. }) {
                            select_cell(app, &path);
                            type_value(app, "");
                        }
                    },
                    |app, i| dispatch(app, Action::Input(char::from(b'1' + u8::try_from(i).unwrap_or(0)))),
                )
            }),
        ),
    ];
    println!(
        "Bytes written to the terminal at {WIDTH}x{HEIGHT}, {sample} (full first frame; the keypress, first time / again):"
    );
    for (theme_name, theme) in [("colour", Theme::colour as fn() -> Theme), ("NO_COLOR", Theme::monochrome)] {
        for (label, case) in &cases {
            let Counts { full, first, again } = case(theme());
            println!(
                "  {theme_name:<8} {label:<72} full {full:>6} B   first {first:>5} B   again {again:>5} B"
            );
        }
    }
}
