//! The command line's own sentences: usage refusals and the short reports of `roi new`,
//! `roi check`, `roi goal-seek`, in the UI's language.

use super::Lang;
use crate::domain::inert::excerpt;
use crate::domain::sensitivity::{Goal, GoalError, GoalOutcome, GoalSeek};
use rust_decimal::Decimal;
use std::path::Path;

crate::catalogue! {
/// Fixed sentences of the command line.
pub enum CliText {
    XlsxHasNoScenario => (
        "--format xlsx contient les chiffres de base en formules : --scenario et --simulate n'y sont pas possibles",
        "--format xlsx holds the base figures as formulas: --scenario and --simulate are not supported with it"
    ),
    TornadoWidth => (
        "--tornado-width est une fraction au-dessus de 0 et au plus 1 (0.2 fait varier chaque levier de ±20 %)",
        "--tornado-width is a fraction above 0 and at most 1 (0.2 moves each driver ±20 %)"
    ),
    TableNeedsCsv => (
        "--table choisit le tableau d'un export CSV : ajoutez --format csv (le rapport JSON contient tous les tableaux)",
        "--table chooses the table of a CSV export: add --format csv (the JSON report holds every table)"
    ),
    OutputIsInput => (
        "--output est le fichier du projet lui-même : choisissez un autre fichier pour le rapport",
        "--output is the project file itself: choose another file for the report"
    ),
    XlsxNeedsOutput => (
        "--format xlsx écrit un classeur binaire, jamais dans le terminal ni sur la sortie standard : donnez le fichier avec --output FICHIER.xlsx",
        "--format xlsx writes a binary workbook, never to the terminal or stdout: give the file with --output FILE.xlsx"
    ),
    PortfolioFormats => (
        "le portefeuille est un tableau en md, json ou csv ; html et xlsx sont les rapports d'un projet (roi report FICHIER)",
        "the portfolio is a table in md, json or csv; html and xlsx are one project's reports (roi report FILE)"
    ),
    Created => ("créé", "created"),
    LhsTriangularOnly => (
        "--sampling lhs va avec la distribution triangulaire : retirez --distribution pert",
        "--sampling lhs goes with the triangular distribution: leave out --distribution pert"
    ),
    Reading => ("Lecture", "Reading"),
}
}

pub fn unknown_figure(lang: Lang, figure: &str, figures: &[&str]) -> String {
    let figures = figures.join(", ");
    match lang {
        Lang::Fr => format!(
            "« {figure} » n'est pas un chiffre expliqué : {figures}, ou une ligne (benefits[0], costs[1], risks[0]), un KPI (kpis[0]), quadrant"
        ),
        Lang::En => format!(
            "`{figure}` is not a figure explained: {figures}, or a line (benefits[0], costs[1], risks[0]), a KPI (kpis[0]), quadrant"
        ),
    }
}

/// `roi check`'s closing line.
pub fn files_valid(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::Fr, 0 | 1) => format!("{count} fichier de projet valide"),
        (Lang::Fr, _) => format!("{} fichiers de projet valides", lang.count(count)),
        (Lang::En, 1) => "1 project file valid".to_owned(),
        (Lang::En, _) => format!("{} project files valid", lang.count(count)),
    }
}

pub fn no_scenario(lang: Lang, file: &Path, name: &str, names: &[&str]) -> String {
    let names = names.join(", ");
    match lang {
        Lang::Fr => format!("{}: aucun scénario « {name} » (scénarios : {names})", file.display()),
        Lang::En => format!("{}: no scenario `{name}` (scenarios: {names})", file.display()),
    }
}

pub fn not_a_key_path(lang: Lang, file: &Path, key: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "{}: « {key} » n'est pas un chemin de clé — écrivez-le comme project.owner ou costs[1].monthly",
            file.display()
        ),
        Lang::En => {
            format!(
                "{}: `{key}` is not a key path — write it like project.owner or costs[1].monthly",
                file.display()
            )
        }
    }
}

pub fn workbook_failed(lang: Lang, file: &Path, error: &dyn std::fmt::Display) -> String {
    let what = match lang {
        Lang::Fr => "construction du classeur impossible",
        Lang::En => "cannot build the workbook",
    };
    format!("{}: {what}{}{error}", file.display(), lang.colon())
}

/// A goal-seek answer: `driver = value reaches target (recomputed: achieved)`.
/// What a goal seek found, in a sentence: the value that meets the goal and the figure
/// recomputed there; that every value already meets it; or that none does, with the best.
pub fn goal_answer(lang: Lang, answer: &GoalSeek, target: &str) -> String {
    let driver = super::review::driver_name(lang, answer.driver);
    let figure = |achieved: Option<Decimal>| achieved_figure(lang, answer.goal, achieved);
    match (answer.outcome, lang) {
        (GoalOutcome::Found { value, achieved }, Lang::Fr) => {
            format!(
                "{driver} = {} atteint {target} (recalculé : {})",
                driver_value(lang, value),
                figure(achieved)
            )
        }
        (GoalOutcome::Found { value, achieved }, Lang::En) => {
            format!(
                "{driver} = {} reaches {target} (recomputed: {})",
                driver_value(lang, value),
                figure(achieved)
            )
        }
        (GoalOutcome::MetEverywhere { lowest, achieved }, Lang::Fr) => format!(
            "{target} est déjà atteint pour toute valeur de {driver}, même la plus basse ({driver} = {} : {})",
            driver_value(lang, lowest),
            figure(achieved)
        ),
        (GoalOutcome::MetEverywhere { lowest, achieved }, Lang::En) => format!(
            "{target} is already met at every value of {driver}, the lowest included ({driver} = {}: {})",
            driver_value(lang, lowest),
            figure(achieved)
        ),
        (GoalOutcome::Unreachable { best_value, best }, lang) => {
            let (min, max) = answer.driver.bounds();
            let (min, max) = (driver_value(lang, min), driver_value(lang, max));
            let best_value = driver_value(lang, best_value);
            match lang {
                Lang::Fr => format!(
                    "aucune valeur de {driver} entre {min} et {max} n'atteint {target} ; au mieux {} à {driver} = {best_value}",
                    figure(best)
                ),
                Lang::En => format!(
                    "no value of {driver} between {min} and {max} reaches {target}; at best {} at {driver} = {best_value}",
                    figure(best)
                ),
            }
        }
    }
}

/// A driver's value with the decimals it has (at most 6).
fn driver_value(lang: Lang, value: Decimal) -> String {
    lang.number(value, value.normalize().scale().min(6))
}

/// The figure a goal is about: an ROI in percent, an NPV, a break-even month.
fn achieved_figure(lang: Lang, goal: Goal, achieved: Option<Decimal>) -> String {
    let Some(achieved) = achieved else { return lang.t(super::Text::NotReached).to_owned() };
    match (goal, lang) {
        (Goal::RoiAdjusted(_), _) => lang.percent(Some(crate::domain::money::Percent::new(achieved))),
        (Goal::Npv(_), _) => lang.number(achieved, 2),
        (Goal::BreakEven(_), Lang::Fr) => format!("mois {}", lang.number(achieved, 0)),
        (Goal::BreakEven(_), Lang::En) => format!("month {}", lang.number(achieved, 0)),
    }
}

/// A goal that cannot be read, and how to write one.
pub fn bad_goal(lang: Lang, text: &str, error: &GoalError) -> String {
    let example = lang.number(Decimal::from(20_000), 0);
    let value = text.split_once('=').map_or(text, |(_, value)| value).trim();
    let text = &excerpt(text);
    let why = match (error, lang) {
        (GoalError::Form, Lang::Fr) => {
            "écrivez MESURE=VALEUR, MESURE étant roi_adjusted (en %), npv ou break_even (un mois)".to_owned()
        }
        (GoalError::Form, Lang::En) => {
            "write METRIC=VALUE, METRIC being roi_adjusted (in %), npv or break_even (a month)".to_owned()
        }
        (GoalError::Month, Lang::Fr) => "break_even prend un mois entier, à partir de 1".to_owned(),
        (GoalError::Month, Lang::En) => "break_even takes a whole month, from 1".to_owned(),
        (GoalError::Number(error), _) => lang.typed_error(value, *error),
    };
    match lang {
        Lang::Fr => {
            format!("« {text} » : {why} (par exemple roi_adjusted=150, npv={example}, break_even=18)")
        }
        Lang::En => format!("“{text}”: {why} (e.g. roi_adjusted=150, npv={example}, break_even=18)"),
    }
}

/// `--simulate asked`: more draws than the `most` this project's size allows (about 30 s of
/// work).
pub fn too_many_draws(lang: Lang, file: &Path, asked: usize, most: usize) -> String {
    let (file, asked, most) = (file.display(), lang.count(asked), lang.count(most));
    match lang {
        Lang::Fr => format!(
            "{file}: --simulate {asked} : au plus {most} tirages pour ce projet (sa taille fixe le travail de chacun, environ 30 s au plus en tout) ; demandez-en moins"
        ),
        Lang::En => format!(
            "{file}: --simulate {asked}: at most {most} draws for this project (its size sets the work of each; about 30 s at most in all); ask for fewer"
        ),
    }
}

/// A `--rows` or `--cols` range that leaves what the driver's slider takes.
pub fn axis_outside_domain(
    lang: Lang,
    flag: &str,
    text: &str,
    driver: crate::domain::drivers::Driver,
    outside: crate::domain::whatif::OutOfDomain,
) -> String {
    use crate::domain::whatif::OutOfDomain;
    let text = &excerpt(text);
    let (min, max) = driver.bounds();
    let (min, max) = (driver_value(lang, min), driver_value(lang, max));
    let key = driver.key();
    match (outside, lang) {
        (OutOfDomain::Bounds, Lang::Fr) => {
            format!(
                "{flag} `{text}` : {key} va de {min} à {max} (comme son curseur) ; restez dans ces bornes"
            )
        }
        (OutOfDomain::Bounds, Lang::En) => {
            format!("{flag} `{text}`: {key} goes from {min} to {max} (as its slider does); stay within them")
        }
        (OutOfDomain::WholeMonths, Lang::Fr) => {
            format!("{flag} `{text}` : {key} se déplace par mois entiers ; bornes et pas entiers")
        }
        (OutOfDomain::WholeMonths, Lang::En) => {
            format!("{flag} `{text}`: {key} moves by whole months; whole ends and step")
        }
    }
}

/// A `--rows` or `--cols` value `roi table` cannot read, and how to write one.
pub fn bad_axis(lang: Lang, flag: &str, text: &str) -> String {
    let text = &excerpt(text);
    let drivers: Vec<&str> = crate::domain::drivers::Driver::ALL.iter().map(|d| d.key()).collect();
    let drivers = drivers.join(", ");
    match lang {
        Lang::Fr => format!(
            "{flag} `{text}` : écrivez CURSEUR=BAS..HAUT:PAS, nombres avec un point (costs=0.8..1.2:0.1), \
             le pas au-dessus de 0, au plus {} valeurs ; curseurs : {drivers}",
            crate::domain::whatif::MAX_AXIS
        ),
        Lang::En => format!(
            "{flag} `{text}`: write DRIVER=LOW..HIGH:STEP, numbers with a point (costs=0.8..1.2:0.1), \
             the step above 0, at most {} values; drivers: {drivers}",
            crate::domain::whatif::MAX_AXIS
        ),
    }
}

/// A `--metric` `roi table` does not know.
pub fn bad_metric(lang: Lang, text: &str) -> String {
    let text = &excerpt(text);
    match lang {
        Lang::Fr => format!("--metric `{text}` : npv, roi_adjusted_pct ou break_even_month"),
        Lang::En => format!("--metric `{text}`: npv, roi_adjusted_pct or break_even_month"),
    }
}
