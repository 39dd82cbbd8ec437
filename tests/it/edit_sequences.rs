//! Issue 11: random sequences of edits, range changes, additions, deletions, duplications,
//! moves, undo, redo and saves, through the workbench's own `update` and its runtime's save.
//! After every save the file loads, equals the model on screen, and every comment is still
//! on its own line.

use proptest::prelude::*;
use roi_workbench::i18n::Lang;
use roi_workbench::store;
use roi_workbench::tui::action::Action;
use roi_workbench::tui::app::{App, Mode, Tab};
use roi_workbench::tui::grid::Collection;
use roi_workbench::tui::{dispatch, tabs};

const FILE: &str = r#"# Séquences d'édition
schema = 1

[project]
name = "Séquences"
horizon_months = 24

# the first benefit
[[benefits]]
name = "B0" # tag-B0
kind = "other"
monthly_value = { low = 800, likely = 1000, high = 1300 } # value-B0
source = "source B0"
confidence = "low"

[[benefits]]
name = "B1" # tag-B1
kind = "other"
monthly_value = 500 # value-B1

# the costs
[[costs]]
name = "C0" # tag-C0
monthly = { low = 100, likely = 200, high = 400 } # value-C0
confidence = "high"

[[costs]]
name = "C1" # tag-C1
one_off = 5000 # value-C1
source = "devis C1"

[[costs]]
name = "C2" # tag-C2
monthly = 50 # value-C2

[[risks]]
name = "R0" # tag-R0
cost = { low = 1000, likely = 2000, high = 5000 } # value-R0
probability = 0.2
"#;

const NAMES: [&str; 6] = ["B0", "B1", "C0", "C1", "C2", "R0"];

#[derive(Debug, Clone)]
enum Step {
    Value { list: usize, pick: usize, value: u32 },
    Range { list: usize, pick: usize, low: u32, width: u32 },
    Confidence { list: usize, pick: usize, level: usize },
    Add { list: usize },
    Delete { list: usize, pick: usize },
    Duplicate { list: usize, pick: usize },
    Move { list: usize, pick: usize, down: bool },
    Undo,
    Redo,
    Save,
}

fn step() -> impl Strategy<Value = Step> {
    let (list, pick) = (0..3usize, 0..4usize);
    prop_oneof![
        3 => (list.clone(), pick.clone(), 1..9000u32).prop_map(|(list, pick, value)| Step::Value { list, pick, value }),
        2 => (list.clone(), pick.clone(), 0..3000u32, 0..3000u32)
            .prop_map(|(list, pick, low, width)| Step::Range { list, pick, low, width }),
        1 => (list.clone(), pick.clone(), 0..3usize).prop_map(|(list, pick, level)| Step::Confidence { list, pick, level }),
        1 => list.clone().prop_map(|list| Step::Add { list }),
        2 => (list.clone(), pick.clone()).prop_map(|(list, pick)| Step::Delete { list, pick }),
        2 => (list.clone(), pick.clone()).prop_map(|(list, pick)| Step::Duplicate { list, pick }),
        1 => (list.clone(), pick.clone(), any::<bool>()).prop_map(|(list, pick, down)| Step::Move { list, pick, down }),
        2 => Just(Step::Undo),
        1 => Just(Step::Redo),
        3 => Just(Step::Save),
    ]
}

/// Each list: its collection, its tab, its key in paths, and the value edited.
fn list(list: usize) -> (Collection, Tab, &'static str, &'static str) {
    match list {
        0 => (Collection::Benefits, Tab::Baseline, "benefits", "monthly_value"),
        1 => (Collection::Costs, Tab::Tco, "costs", "one_off"),
        _ => (Collection::Risks, Tab::Tco, "risks", "cost"),
    }
}

fn len(app: &App, list: usize) -> usize {
    match list {
        0 => app.project.benefits.len(),
        1 => app.project.costs.len(),
        _ => app.project.risks.len(),
    }
}

/// Puts the cursor on the cell of `path`, or on the line's first row; false when not shown.
fn select(app: &mut App, tab: Tab, collection: Collection, index: usize, path: Option<&str>) -> bool {
    dispatch(app, Action::GoTab(tab));
    let grid = tabs::grid(app).unwrap();
    let found = grid.rows.iter().enumerate().find_map(|(r, row)| match path {
        Some(path) => row
            .cells
            .iter()
            .position(|c| c.path.as_ref().is_some_and(|p| p.to_string() == path))
            .map(|c| (r, c)),
        None => (row.collection == Some(collection) && row.index == Some(index)).then_some((r, 0)),
    });
    let Some((row, column)) = found else { return false };
    let cursor = app.cursor_mut();
    cursor.row = row;
    cursor.column = column;
    true
}

fn type_in(app: &mut App, text: &str) {
    dispatch(app, Action::Edit);
    dispatch(app, Action::ClearInput);
    for c in text.chars() {
        dispatch(app, Action::Input(c));
    }
    dispatch(app, Action::Submit);
    if matches!(app.mode, Mode::Editing { .. }) {
        dispatch(app, Action::Cancel); // Refused (a range that does not hold the value): fine.
    }
}

fn apply(app: &mut App, step: &Step) {
    match *step {
        Step::Value { list: l, pick, value } => {
            let (collection, tab, key, field) = list(l);
            let path = format!("{key}[{}].{field}", pick % len(app, l).max(1));
            if select(app, tab, collection, 0, Some(&path)) {
                type_in(app, &value.to_string());
            }
        }
        Step::Range { list: l, pick, low, width } => {
            let (collection, tab, key, field) = list(l);
            let path = format!("{key}[{}].{field}.range", pick % len(app, l).max(1));
            if select(app, tab, collection, 0, Some(&path)) {
                type_in(app, &format!("{low}-{}", low + width));
            }
        }
        Step::Confidence { list: l, pick, level } => {
            let (collection, tab, key, _) = list(l);
            let path = format!("{key}[{}].confidence", pick % len(app, l).max(1));
            if select(app, tab, collection, 0, Some(&path)) {
                type_in(app, ["low", "medium", "high"][level]);
            }
        }
        Step::Add { list: l } => {
            let (collection, tab, ..) = list(l);
            if len(app, l) > 0 && select(app, tab, collection, 0, None) {
                dispatch(app, Action::Add);
            }
        }
        Step::Delete { list: l, pick }
        | Step::Duplicate { list: l, pick }
        | Step::Move { list: l, pick, .. } => {
            let (collection, tab, ..) = list(l);
            let index = pick % len(app, l).max(1);
            if select(app, tab, collection, index, None) {
                if matches!(step, Step::Delete { .. }) {
                    dispatch(app, Action::Delete); // Asked once, confirmed by the second.
                }
                dispatch(
                    app,
                    match step {
                        Step::Delete { .. } => Action::Delete,
                        Step::Duplicate { .. } => Action::DuplicateLine,
                        Step::Move { down, .. } => Action::MoveLine(if *down { 1 } else { -1 }),
                        _ => unreachable!(),
                    },
                );
            }
        }
        Step::Undo => dispatch(app, Action::Undo),
        Step::Redo => dispatch(app, Action::Redo),
        Step::Save => dispatch(app, Action::Save),
    }
}

/// The names of the file's lines still in the model.
fn names(app: &App) -> Vec<String> {
    let project = &app.project;
    let benefits = project.benefits.iter().map(|l| l.name.clone());
    let costs = project.costs.iter().map(|l| l.name.clone());
    benefits.chain(costs).chain(project.risks.iter().map(|l| l.name.clone())).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn every_save_loads_as_the_model_with_every_comment_on_its_line(steps in prop::collection::vec(step(), 1..30)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, FILE).unwrap();
        let mut app = App::new(store::load(&path).unwrap(), Vec::new(), Lang::En);
        // A line absent from the model at a save loses its table, and its comments, for good.
        let mut lost: Vec<&str> = Vec::new();
        for step in &steps {
            apply(&mut app, step);
            if !matches!(step, Step::Save) {
                continue;
            }
            prop_assert!(!app.dirty, "saved: {:?}", app.status);
            let text = std::fs::read_to_string(&path).unwrap();
            let loaded = store::parse(&text).map_err(|d| TestCaseError::fail(format!("{d:?}\n{text}")))?;
            prop_assert_eq!(&loaded, &app.project, "{}", text);
            let present = names(&app);
            for name in NAMES {
                if !present.iter().any(|n| n == name) {
                    lost.push(name);
                }
                let tagged: Vec<&str> = text.lines().filter(|l| l.ends_with(&format!("# tag-{name}"))).collect();
                prop_assert!(tagged.len() <= 1, "{name} tagged twice:\n{text}");
                for line in &tagged {
                    prop_assert!(line.starts_with(&format!("name = \"{name}\"")), "comment moved: {line}\n{text}");
                }
                if !lost.contains(&name) {
                    prop_assert_eq!(tagged.len(), 1, "{} lost its comment:\n{}", name, text);
                }
                let valued: Vec<&str> = text.lines().filter(|l| l.ends_with(&format!("# value-{name}"))).collect();
                prop_assert!(valued.len() <= 1, "{name}'s value comment twice:\n{text}");
            }
        }
    }
}

/// Issue 11, as reported: `d` on a first benefit with a range, then Ctrl-s, put the range on
/// the second line and made a file `roi check` refused.
#[test]
fn deleting_a_ranged_line_then_saving_leaves_a_valid_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::write(&path, FILE).unwrap();
    let mut app = App::new(store::load(&path).unwrap(), Vec::new(), Lang::En);
    apply(&mut app, &Step::Delete { list: 0, pick: 0 });
    apply(&mut app, &Step::Save);
    let saved = store::load(&path).unwrap();
    assert_eq!(saved.project, app.project);
    assert_eq!(saved.project.benefits.len(), 1);
    assert!(saved.project.benefits[0].ranges.is_empty(), "the range left with its line");
    assert!(saved.text.contains("monthly_value = 500 # value-B1"), "{}", saved.text);
    assert!(!saved.text.contains("tag-B0") && !saved.text.contains("the first benefit"), "{}", saved.text);
}
