//! One keypress → update → recompute → frame, at 200×60 on the largest sample: timed by
//! criterion, and, printed first, the distribution (p50/p99) of 1000 presses of each kind.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::workbench::{
    edited_value, monthly_cost, open, open_with_slider_moved, select_cell, set_cost, slider_press, type_value,
};
use common::{HEIGHT, WIDTH};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roi_workbench::tui::action::Action;
use roi_workbench::tui::app::{App, Tab};
use roi_workbench::tui::theme::Theme;
use roi_workbench::tui::{dispatch, view};
use std::time::{Duration, Instant};

const PRESSES: usize = 1000;

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap()
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App, theme: &Theme) {
    terminal.draw(|frame| view::view(app, frame, theme)).unwrap();
}

type Prepare = Box<dyn FnMut(&mut App, &mut Terminal<TestBackend>, &Theme, usize)>;
type Key = Box<dyn FnMut(&mut App, usize)>;

/// The workbench ready for one kind of keypress, and the keypress itself.
struct Press {
    label: &'static str,
    app: App,
    /// Untimed: what comes before the key (typing the value before Enter).
    prepare: Prepare,
    /// Timed with the frame that follows it.
    press: Key,
}

impl Press {
    fn new(label: &'static str, app: App, press: Key) -> Self {
        Self { label, app, prepare: Box::new(|_, _, _, _| {}), press }
    }

    /// Times the `i`-th press and its frame; the preparation is not timed.
    fn time(&mut self, terminal: &mut Terminal<TestBackend>, theme: &Theme, i: usize) -> Duration {
        (self.prepare)(&mut self.app, terminal, theme, i);
        let started = Instant::now();
        (self.press)(&mut self.app, i);
        draw(terminal, &self.app, theme);
        started.elapsed()
    }
}

/// The workbench on the synthetic project (40 lines, 120 months), a slider moved.
fn big() -> App {
    let mut app = open_with_slider_moved(Tab::Sensitivity);
    app.project = common::big_project();
    app.recompute();
    app
}

/// The Sensitivity tab, a slider moved, after `action` (the spider or the data table shown).
fn opened_with(action: Action) -> App {
    let mut app = open_with_slider_moved(Tab::Sensitivity);
    dispatch(&mut app, action);
    app
}

fn presses() -> Vec<Press> {
    let summary = open(Tab::Summary);
    let (path, original) = monthly_cost(&summary);
    let edit = {
        let (path, original) = (path.clone(), original.clone());
        Box::new(move |app: &mut App, i| set_cost(app, &path, &edited_value(&original, i)))
    };
    let mut typed = Press::new(
        "Enter commits a typed cost -> frame (TCO tab)",
        open(Tab::Tco),
        Box::new(|app, _| dispatch(app, Action::Submit)),
    );
    typed.prepare = Box::new(move |app, terminal, theme, i| {
        // Keep the undo history short: a real session does not make a million edits.
        app.history.undo.clear();
        select_cell(app, &path);
        type_value(app, &edited_value(&original, i));
        draw(terminal, app, theme);
    });
    vec![
        Press::new(
            "no key, frame only (Sensitivity tab)",
            open_with_slider_moved(Tab::Sensitivity),
            Box::new(|_, _| {}),
        ),
        Press::new("no key, frame only (Summary tab)", open(Tab::Summary), Box::new(|_, _| {})),
        Press::new(
            "slider step -> frame (Sensitivity tab)",
            open_with_slider_moved(Tab::Sensitivity),
            Box::new(slider_press),
        ),
        Press::new(
            "slider step -> frame (Summary tab)",
            open_with_slider_moved(Tab::Summary),
            Box::new(slider_press),
        ),
        Press::new(
            "slider step -> frame with the spider (Sensitivity tab, t)",
            opened_with(Action::ToggleSpider),
            Box::new(slider_press),
        ),
        Press::new(
            "slider step -> frame with the 7x7 data table (Sensitivity tab, D)",
            opened_with(Action::OpenDataTable),
            Box::new(slider_press),
        ),
        Press::new("cost edited -> frame (Summary tab)", summary, edit),
        Press::new(
            "slider step -> frame (Sensitivity tab), synthetic 120 months",
            big(),
            Box::new(slider_press),
        ),
        typed,
    ]
}

fn print_percentiles() {
    let theme = Theme::colour();
    eprintln!(
        "keypress -> update -> recompute -> frame at {WIDTH}x{HEIGHT}, {}, {PRESSES} presses:",
        common::largest_sample_name()
    );
    for mut press in presses() {
        let mut terminal = terminal();
        draw(&mut terminal, &press.app, &theme);
        for i in 0..50 {
            press.time(&mut terminal, &theme, i); // warm-up
        }
        let mut times: Vec<Duration> = (0..PRESSES).map(|i| press.time(&mut terminal, &theme, i)).collect();
        times.sort();
        let at = |q: usize| times[(times.len() * q / 100).min(times.len() - 1)];
        eprintln!(
            "  {:<62} p50 {:>9.3?}  p99 {:>9.3?}  max {:>9.3?}",
            press.label,
            at(50),
            at(99),
            times[times.len() - 1]
        );
    }
}

fn frame(c: &mut Criterion) {
    print_percentiles();
    let theme = Theme::colour();
    let mut group = c.benchmark_group("frame 200x60");
    for mut press in presses() {
        let mut terminal = terminal();
        draw(&mut terminal, &press.app, &theme);
        let mut i = 0;
        group.bench_function(press.label, |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    i += 1;
                    total += press.time(&mut terminal, &theme, i);
                }
                total
            })
        });
    }
    // In process: open the file (and read its folder), build the app, draw the first frame.
    group.bench_function("start-up to first frame (in process)", |b| {
        b.iter(|| {
            let app = open(Tab::Summary);
            let mut terminal = terminal();
            draw(&mut terminal, &app, &theme);
        })
    });
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
