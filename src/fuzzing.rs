//! What the fuzz target (`fuzz/`) asks of the program, here so that the corpus of inputs it
//! found can be replayed by `cargo test` (`tests/fuzz_regressions.rs`) through exactly the same
//! path. Nothing here is used by the program itself.
//!
//! The contract: whatever the input, no panic; a file the loader accepts is computed and
//! rendered in every format and language, and saving it gives a file that loads as the same
//! project.

use crate::domain::limits::MAX_FILE_BYTES;
use crate::domain::validate::FieldPath;
use crate::i18n::Lang;
use crate::report::request::every_report;
use crate::store::{self, Original};

/// Any bytes, as a project file.
pub fn load_compute_render(bytes: &[u8]) {
    let fits = u64::try_from(bytes.len()).is_ok_and(|len| len <= MAX_FILE_BYTES);
    let Some(text) = std::str::from_utf8(bytes).ok().filter(|_| fits) else { return };
    if let Ok(project) = store::parse(text) {
        compute_render_round_trip(&project, text);
    }
}

/// A sample with the values typed at some of its paths, each edit through `set_value` as the
/// workbench and `roi set` make it; every accepted state is computed and rendered.
pub fn edit_compute_render(sample: u8, edits: &[(u16, &str)]) {
    let text = SAMPLES[usize::from(sample) % SAMPLES.len()];
    let Ok(start) = store::parse(text) else { panic!("a sample does not load") };
    let mut project = start.clone();
    let paths = edit_paths();
    for (path, typed) in edits.iter().take(8) {
        let Some(path) = FieldPath::parse(&paths[usize::from(*path) % paths.len()]) else { continue };
        for lang in [Lang::Fr, Lang::En] {
            if let Ok(edited) = store::edit::set_value(&project, &path, typed, lang.convention()) {
                project = edited;
            }
        }
    }
    let original = Original::of(text.to_owned(), &start);
    let saved = store::render(&project, Some(&original)).unwrap_or_default();
    compute_render_round_trip(&project, &saved);
}

fn compute_render_round_trip(project: &crate::domain::Project, text: &str) {
    for lang in [Lang::Fr, Lang::En] {
        // A workbook may refuse a value no spreadsheet cell holds; that is an error, not a panic.
        let _ = every_report(project, lang);
    }
    // The portfolio's row of the file, as `roi portfolio` and the workbench's scan make it.
    let _ = crate::domain::portfolio::PortfolioRow::of_project("fuzzed.toml".into(), project);
    let original = Original::of(text.to_owned(), project);
    for saved in [store::render(project, Some(&original)), store::render(project, None)] {
        let Ok(saved) = saved else { panic!("an accepted project cannot be written") };
        match store::parse(&saved) {
            Ok(again) => assert!(again == *project, "saved then loaded, the project changed:\n{saved}"),
            Err(problems) => panic!("a saved project does not load: {problems:?}\n{saved}"),
        }
    }
}

const SAMPLES: [&str; 6] = [
    include_str!("../sample-data/assistant-code.toml"),
    include_str!("../sample-data/assistant-service-client.toml"),
    include_str!("../sample-data/factures-fournisseurs.toml"),
    include_str!("../sample-data/personnalisation-emailing.toml"),
    include_str!("../sample-data/prevision-demande.toml"),
    include_str!("../sample-data/tri-cv.toml"),
];

/// How many paths [`edit_compute_render`] chooses among (a path index is taken modulo it).
pub fn edit_path_count() -> usize {
    edit_paths().len()
}

/// Paths an edit may set: settings, line values and their ranges, texts, months; and every
/// benefit input of the schema, with its range, on the first two lines.
fn edit_paths() -> Vec<String> {
    const PATHS: [&str; 20] = [
        "project.name",
        "project.horizon_months",
        "project.maturity_factor",
        "project.discount_rate",
        "project.contingency",
        "project.start",
        "project.currency",
        "benefits[0].time_factor",
        "benefits[0].start_month",
        "benefits[0].ramp_months",
        "costs[0].monthly",
        "costs[0].monthly.range",
        "costs[1].one_off",
        "costs[1].end_month",
        "risks[0].cost",
        "risks[0].probability",
        "risks[0].probability.range",
        "kpis[0].target",
        "kpis[0].baseline",
        "scenarios.pessimiste.benefits",
    ];
    let inputs = crate::domain::schema::BENEFIT_INPUTS.iter().flat_map(|input| {
        (0..2).flat_map(move |line| {
            [format!("benefits[{line}].{}", input.key), format!("benefits[{line}].{}.range", input.key)]
        })
    });
    PATHS.iter().map(|path| (*path).to_owned()).chain(inputs).collect()
}
