//! One keypress → update → recompute → frame, at 200×60: timed by criterion, with the
//! distribution (p50/p99) and the bytes written to the terminal printed first.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use roi_workbench::i18n::Lang;
use roi_workbench::tui::action::Action;
use roi_workbench::tui::app::{App, Tab};
use roi_workbench::tui::theme::Theme;
use roi_workbench::tui::{dispatch, view, workspace};
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

fn app(tab: Tab) -> App {
    let opened = workspace::open(Some(&common::sample_path("prevision-demande.toml"))).unwrap();
    let mut app = App::new(opened.loaded, opened.portfolio, Lang::Fr);
    dispatch(&mut app, Action::Resize(WIDTH, HEIGHT));
    dispatch(&mut app, Action::GoTab(tab));
    app
}

/// A slider step back and forth, so the figures change on every press.
fn slider_press(app: &mut App, i: usize) {
    dispatch(app, Action::AdjustDriver(if i % 2 == 0 { 1 } else { -1 }));
}

/// Counts what a frame writes to the terminal (shared, as the backend owns the writer).
#[derive(Default, Clone)]
struct Counter(Arc<AtomicUsize>);

impl Write for Counter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(bytes.len(), Ordering::Relaxed);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn bytes_written(tab: Tab, press: impl Fn(&mut App)) -> usize {
    let mut app = app(tab);
    let theme = Theme::colour();
    let options = TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT)) };
    let counter = Counter::default();
    let mut terminal = Terminal::with_options(CrosstermBackend::new(counter.clone()), options).unwrap();
    terminal.draw(|frame| view::view(&app, frame, &theme)).unwrap();
    counter.0.store(0, Ordering::Relaxed);
    press(&mut app);
    terminal.draw(|frame| view::view(&app, frame, &theme)).unwrap();
    counter.0.load(Ordering::Relaxed)
}

fn percentiles(tab: Tab) -> (Duration, Duration) {
    let mut app = app(tab);
    let theme = Theme::colour();
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
    let mut times: Vec<Duration> = (0..500)
        .map(|i| {
            let started = Instant::now();
            slider_press(&mut app, i);
            terminal.draw(|frame| view::view(&app, frame, &theme)).unwrap();
            started.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], times[times.len() * 99 / 100])
}

fn report_once() {
    let slider = bytes_written(Tab::Sensitivity, |app| slider_press(app, 0));
    // An edited value that changes no figure on screen: a KPI's unit, retyped.
    let edit = bytes_written(Tab::Kpis, |app| {
        let path = roi_workbench::domain::validate::FieldPath::parse("project.owner").unwrap();
        let project = roi_workbench::store::edit::set_value(&app.project, &path, "Thomas R.").unwrap();
        app.project = project;
        app.recompute();
    });
    let (p50, p99) = percentiles(Tab::Sensitivity);
    eprintln!("bytes for one slider step at {WIDTH}x{HEIGHT}: {slider}");
    eprintln!("bytes for one edited value at {WIDTH}x{HEIGHT}: {edit}");
    eprintln!(
        "keypress -> recompute -> frame at {WIDTH}x{HEIGHT} (sensitivity tab): p50 {p50:?}, p99 {p99:?}"
    );
}

fn frame(c: &mut Criterion) {
    report_once();
    for tab in [Tab::Summary, Tab::Sensitivity] {
        let mut app = app(tab);
        let theme = Theme::colour();
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
        let mut i = 0;
        c.bench_function(&format!("slider step + frame 200x60 ({tab:?})"), |b| {
            b.iter(|| {
                i += 1;
                slider_press(&mut app, i);
                terminal.draw(|frame| view::view(&app, frame, &theme)).unwrap();
            })
        });
    }
    c.bench_function("start-up to first frame 200x60 (in process)", |b| {
        b.iter(|| {
            let app = app(Tab::Summary);
            let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
            terminal.draw(|frame| view::view(&app, frame, &Theme::colour())).unwrap();
        })
    });
}

criterion_group!(benches, frame);
criterion_main!(benches);
