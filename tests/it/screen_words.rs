//! Issue 14: no internal key on screen. Every tab, view and popup of every sample project is
//! drawn at 80×24 and 200×60, in French and in English, and searched for the words the file
//! format uses (`time_saving`, `change_management`, `software`…). The list of those words is
//! generated from the model's enums and catalogues, never typed by hand.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roi_workbench::domain::catalogue::CATALOGUE;
use roi_workbench::domain::drivers::Driver;
use roi_workbench::domain::kpi::KpiStatus;
use roi_workbench::domain::matrix::Quadrant;
use roi_workbench::domain::project::{
    BenefitKind, CostCategory, Department, Dimension, Direction, Frequency, Maturity, Status, ValueClass,
};
use roi_workbench::domain::review::Verdict;
use roi_workbench::domain::uncertainty::Confidence;
use roi_workbench::i18n::Lang;
use roi_workbench::i18n::review as names;
use roi_workbench::tui::action::Action;
use roi_workbench::tui::app::{App, Tab};
use roi_workbench::tui::theme::Theme;
use roi_workbench::tui::update::update;
use roi_workbench::tui::{dispatch, view, workspace};
use std::collections::BTreeSet;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

/// Each key of the file format with the names it is shown as, in French and in English.
fn keys_and_names() -> Vec<(&'static str, [&'static str; 2])> {
    let both = |f: &dyn Fn(Lang) -> &'static str| [f(Lang::Fr), f(Lang::En)];
    let mut keys = Vec::new();
    keys.extend(Department::ALL.iter().map(|&v| (v.key(), both(&|l| names::department_name(l, v)))));
    keys.extend(Status::ALL.iter().map(|&v| (v.key(), both(&|l| names::status_name(l, v)))));
    keys.extend(Maturity::ALL.iter().map(|&v| (v.key(), both(&|l| names::maturity_name(l, v)))));
    keys.extend(BenefitKind::ALL.iter().map(|&v| (v.key(), both(&|l| names::benefit_kind_name(l, v)))));
    keys.extend(ValueClass::ALL.iter().map(|&v| (v.key(), both(&|l| names::value_class_name(l, v)))));
    keys.extend(CostCategory::ALL.iter().map(|&v| (v.key(), both(&|l| names::category_name(l, v)))));
    keys.extend(Dimension::ALL.iter().map(|&v| (v.key(), both(&|l| names::dimension_name(l, v)))));
    keys.extend(Direction::ALL.iter().map(|&v| (v.key(), both(&|l| names::direction_name(l, v)))));
    keys.extend(Frequency::ALL.iter().map(|&v| (v.key(), both(&|l| names::frequency_name(l, v)))));
    keys.extend(Driver::ALL.iter().map(|&v| (v.key(), both(&|l| names::driver_name(l, v)))));
    keys.extend(KpiStatus::ALL.iter().map(|&v| (v.key(), both(&|l| names::kpi_status_name(l, v)))));
    keys.extend(Verdict::ALL.iter().map(|&v| (v.key(), both(&|l| names::verdict_name(l, v)))));
    keys.extend(Confidence::ALL.iter().map(|&v| (v.key(), both(&|l| names::confidence_name(l, v)))));
    keys.extend(Quadrant::ALL.iter().map(|&v| (v.key(), both(&|l| names::quadrant_name(l, Some(v))))));
    let inputs = roi_workbench::domain::schema::BENEFIT_INPUTS.iter().map(|input| input.key);
    keys.extend(inputs.map(|input| (input, both(&|l| names::input_name(l, input)))));
    keys.extend(CATALOGUE.iter().map(|kpi| (kpi.key, [kpi.name_fr, kpi.name_en])));
    keys
}

/// The words that must not appear on a screen in `lang`: every key with an underscore, and
/// in French every one-word key that is no French name (`software`, `deployed`…). An English
/// one-word key is often the English word itself and is not searched for.
fn internal_words(lang: Lang) -> BTreeSet<&'static str> {
    let keys = keys_and_names();
    let shown: BTreeSet<String> = keys.iter().map(|(_, [fr, _])| fr.to_lowercase()).collect();
    keys.iter()
        .map(|(key, _)| *key)
        .filter(|key| key.contains('_') || (lang == Lang::Fr && !shown.contains(*key) && key.len() > 3))
        .collect()
}

/// Whole words of a screen (letters, digits, underscores).
fn words(screen: &str) -> BTreeSet<String> {
    screen
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

fn draw(app: &App, (width, height): (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::view(app, frame, &Theme::monochrome())).unwrap();
    terminal.backend().to_string()
}

/// Every screen a user reaches from `app`: each tab, with its help, each row of it selected
/// in turn (the details under a line show then), and the views over them.
fn screens(app: &mut App, size: (u16, u16)) -> Vec<(String, String)> {
    let mut drawn = Vec::new();
    app.screen = size;
    for tab in Tab::ALL {
        update(app, Action::GoTab(tab));
        update(app, Action::Top);
        for row in 0..12 {
            drawn.push((format!("{tab:?} row {row}"), draw(app, size)));
            update(app, Action::Down);
        }
        update(app, Action::ToggleHelp);
        drawn.push((format!("{tab:?} help"), draw(app, size)));
        update(app, Action::ToggleHelp);
        update(app, Action::OpenPalette);
        drawn.push((format!("{tab:?} palette"), draw(app, size)));
        update(app, Action::Cancel);
    }
    let views: [(&str, Tab, Action); 7] = [
        ("explain", Tab::Summary, Action::Explain),
        ("explain a line", Tab::Tco, Action::Explain),
        ("scenarios", Tab::Sensitivity, Action::ShowScenarios),
        ("review", Tab::Kpis, Action::ShowReview),
        ("review entry", Tab::Kpis, Action::OpenReviewEntry),
        ("KPI catalogue", Tab::Kpis, Action::Add),
        ("quit", Tab::Summary, Action::Quit),
    ];
    for (name, tab, action) in views {
        update(app, Action::GoTab(tab));
        update(app, action);
        drawn.push((name.to_owned(), draw(app, size)));
        update(app, Action::ToggleHelp);
        drawn.push((format!("{name} help"), draw(app, size)));
        update(app, Action::ToggleHelp);
        update(app, Action::Cancel);
        update(app, Action::Cancel);
    }
    drawn
}

fn offences(lang: Lang) -> Vec<String> {
    let forbidden = internal_words(lang);
    let mut found = Vec::new();
    for sample in super::common::sample_files() {
        let opened = workspace::open(Some(&sample), lang).unwrap();
        let mut app = App::new(opened.loaded, opened.portfolio, lang);
        for size in SIZES {
            for (name, screen) in screens(&mut app, size) {
                for word in words(&screen).iter().filter(|w| forbidden.contains(w.as_str())) {
                    let file = sample.file_name().unwrap().to_string_lossy();
                    found.push(format!("{file} {}x{} {name}: `{word}`", size.0, size.1));
                }
            }
        }
    }
    found.dedup();
    found
}

#[test]
fn the_list_of_internal_words_is_generated_and_not_empty() {
    let french = internal_words(Lang::Fr);
    for word in ["time_saving", "change_management", "software", "deployed", "automation_rate"] {
        assert!(french.contains(word), "{word} is searched for in French");
    }
    assert!(internal_words(Lang::En).contains("volume_per_month"));
    assert!(!internal_words(Lang::En).contains("software"), "an English word in the English UI");
}

#[test]
fn no_internal_key_on_any_french_screen() {
    let found = offences(Lang::Fr);
    assert!(found.is_empty(), "{} internal keys on screen:\n{}", found.len(), found.join("\n"));
}

#[test]
fn no_internal_key_on_any_english_screen() {
    let found = offences(Lang::En);
    assert!(found.is_empty(), "{} internal keys on screen:\n{}", found.len(), found.join("\n"));
}

/// A Monte Carlo run's view, drawn once (a run takes a while in a debug build).
#[test]
fn no_internal_key_in_the_monte_carlo_view() {
    for lang in [Lang::Fr, Lang::En] {
        let forbidden = internal_words(lang);
        let opened = workspace::open(Some(&super::common::sample("tri-cv")), lang).unwrap();
        let mut app = App::new(opened.loaded, opened.portfolio, lang);
        update(&mut app, Action::GoTab(Tab::Sensitivity));
        dispatch(&mut app, Action::RunMonteCarlo);
        update(&mut app, Action::ShowMonteCarlo);
        for size in SIZES {
            let screen = draw(&app, size);
            let bad: Vec<String> =
                words(&screen).into_iter().filter(|w| forbidden.contains(w.as_str())).collect();
            assert!(bad.is_empty(), "{lang:?} {size:?}: {bad:?}\n{screen}");
        }
    }
}
