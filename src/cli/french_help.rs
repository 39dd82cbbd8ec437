//! The command line's help in French. clap speaks one language: the English help is the doc
//! comments of the arguments; the French is here, keyed by command and argument, and laid over
//! the same command tree when the UI's language is French — descriptions, headings, defaults
//! and possible values, the help and version flags. A test checks that every command and every
//! argument has its French.

use clap::builder::PossibleValue;
use clap::{Arg, ArgAction, Command};

/// Each command's description, by its name (`roi` for the program itself).
const ABOUT: &[(&str, &str)] = &[
    ("roi", "Choisir le projet d'IA à lancer, prouver qu'il paie, et continuer à le mesurer."),
    (
        "check",
        "Vérifier des fichiers de projet ou des dossiers ; chaque problème en fichier:ligne:colonne : message",
    ),
    ("report", "Le rapport d'un projet en Markdown, JSON, CSV ou HTML, ou écrit en classeur xlsx"),
    ("new", "Créer un fichier de projet avec les cinq KPI de départ"),
    (
        "set",
        "Changer une valeur : `roi set FICHIER costs[1].monthly 750` (vérifiée, atomique, commentaires gardés)",
    ),
    ("measure", "Ajouter ou remplacer une mesure d'un KPI : `roi measure FICHIER adoption_rate 6 64`"),
    ("actual", "Enregistrer les bénéfices mesurés depuis le début, à un mois : `roi actual FICHIER 6 21000`"),
    ("goal-seek", "Trouver la valeur d'un curseur qui atteint un ROI, une VAN ou un mois de point mort"),
    (
        "portfolio",
        "Le tableau de tous les projets d'un dossier (fichiers invalides compris), avec les totaux",
    ),
    ("explain", "D'où vient un chiffre : sa formule, ses valeurs, ses entrées jusqu'au fichier"),
    ("table", "Une table à double entrée : un chiffre pour chaque paire de valeurs de deux curseurs"),
    ("completions", "Écrire un script de complétion pour le shell"),
    ("help", "Afficher cette aide ou celle des commandes nommées"),
];

/// The long description of the program.
const LONG_ABOUT: &str = "roi-workbench : un poste de travail au clavier, dans le terminal, pour le ROI des \
    projets d'IA.\n\nSans commande, ouvre le poste de travail sur PATH (un fichier de projet ou un dossier de \
    projets),\nou sur votre dossier de travail, garni de projets d'exemple au premier lancement.";

const EXIT_CODES: &str = "Codes de sortie : 0 succès · 1 projet invalide · 2 mauvais usage · 3 fichier illisible ou impossible à écrire";

/// Each argument's help, by command and argument.
const ARGS: &[(&str, &str, &str)] = &[
    ("roi", "path", "Un fichier de projet ou un dossier de projets à ouvrir dans le poste de travail"),
    ("roi", "lang", "Langue de l'interface (par défaut : selon LANG)"),
    ("check", "paths", "Fichiers de projet ou dossiers de projets"),
    ("check", "recursive", "Vérifier aussi les sous-dossiers"),
    ("report", "file", "Le fichier du projet"),
    ("report", "format", "Format du rapport"),
    ("report", "scenario", "Appliquer un scénario enregistré dans le fichier avant le calcul"),
    (
        "report",
        "simulate",
        "Ajouter un Monte Carlo de N tirages (P10/P50/P90, probabilités), N de 1 à 1\u{a0}000\u{a0}000",
    ),
    ("report", "seed", "Graine du Monte Carlo : la même graine donne les mêmes chiffres"),
    ("report", "distribution", "Forme de la distribution entre bas, probable et haut"),
    (
        "report",
        "sampling",
        "Comment les tirages couvrent les plages : au hasard, ou en hypercube latin (percentiles plus \
         stables à tirages égaux ; distribution triangulaire seulement)",
    ),
    ("report", "tornado_width", "Amplitude de la tornade, en fraction (0.2 = chaque curseur ±20\u{a0}%)"),
    ("report", "table", "Avec --format csv : le tableau à exporter"),
    (
        "report",
        "as_of",
        "Le mois de la revue (AAAA-MM) : les mesures des mois suivants sont laissées de côté, les \
         retards comptés à partir de lui ; ce mois-ci par défaut",
    ),
    (
        "report",
        "output",
        "Écrire le rapport dans FICHIER (atomiquement) au lieu de la sortie ; obligatoire en xlsx",
    ),
    ("new", "file", "Le fichier à créer (refusé s'il existe)"),
    ("new", "name", "Le nom du projet"),
    (
        "new",
        "department",
        "Le service : customer_service, software, marketing, hr, finance, operations ou other",
    ),
    ("set", "file", "Le fichier du projet"),
    ("set", "key", "Un chemin pointé, index à partir de 0 : `project.owner`, `costs[1].monthly`"),
    (
        "set",
        "value",
        "La nouvelle valeur, écrite comme dans la langue de l'interface (`--lang`, `LANG`) : `12\u{a0}000,50` \
         en français, `12,000.50` en anglais, `12,5\u{a0}%` ; `\"Claire Martin\"` ; vide pour l'effacer. \
         `costs[1].monthly.range` prend une plage, `900-1200`. Une valeur négative n'a pas besoin de `--`",
    ),
    ("measure", "file", "Le fichier du projet"),
    ("measure", "kpi", "La clé du KPI, par exemple adoption_rate"),
    ("measure", "month", "Le mois depuis le début du projet (de 1 à l'horizon)"),
    (
        "measure",
        "value",
        "La valeur mesurée, dans l'unité du KPI (`22,5` ; `81\u{a0}%` vaut 81 pour un KPI en %)",
    ),
    ("actual", "file", "Le fichier du projet"),
    ("actual", "month", "Le mois depuis le début du projet (de 1 à l'horizon)"),
    ("actual", "benefits", "Les bénéfices mesurés du début à ce mois, dans la devise du projet"),
    ("goal-seek", "file", "Le fichier du projet"),
    (
        "goal-seek",
        "driver",
        "Le curseur : benefits, costs, risk, delay_months, ramp, adoption, hourly_cost, volume, \
         discount_rate ou maturity_factor",
    ),
    ("goal-seek", "target", "roi_adjusted=150 (pour cent à l'horizon), npv=0, ou break_even=18 (mois)"),
    ("goal-seek", "scenario", "Partir d'un scénario du fichier (les autres curseurs gardent ses valeurs)"),
    ("goal-seek", "format", "Format de la réponse"),
    ("portfolio", "dir", "Le dossier des fichiers de projet"),
    ("portfolio", "format", "md, json ou csv : la page HTML et le classeur sont les rapports d'un projet"),
    ("portfolio", "recursive", "Lire aussi les sous-dossiers"),
    (
        "portfolio",
        "no_cache",
        "Lire chaque fichier, sans le cache des résumés (gardé dans le dossier de cache de l'utilisateur)",
    ),
    ("explain", "file", "Le fichier du projet"),
    (
        "explain",
        "figure",
        "Un chiffre du rapport JSON (roi_adjusted_pct, roi_classic_pct, npv, tco, benefits_adjusted, \
         benefits_raw, risk_provision, break_even_month, stress_test), une ligne (benefits[0], costs[2], \
         risks[1]), l'avancement d'un KPI (kpis[0]) ou le quadrant",
    ),
    ("explain", "month", "Le mois où le chiffre est pris (l'horizon par défaut)"),
    ("explain", "scenario", "Un scénario du fichier : ses curseurs s'appliquent"),
    ("explain", "format", "Format de l'explication"),
    ("table", "file", "Le fichier du projet"),
    ("table", "rows", "Le curseur des lignes et ses valeurs : `costs=0.8..1.2:0.1`"),
    ("table", "cols", "Le curseur des colonnes et ses valeurs : `adoption=0.5..1:0.1`"),
    ("table", "metric", "npv, roi_adjusted_pct ou break_even_month"),
    ("table", "scenario", "Un scénario du fichier : ses curseurs sont la base de la table"),
    ("table", "format", "Format de la table"),
    ("completions", "shell", "Le shell"),
];

/// The French help laid over `command` (the program's command tree).
pub fn in_french(command: Command) -> Command {
    let command = command.long_about(LONG_ABOUT).after_help(EXIT_CODES).disable_version_flag(true);
    let version = Arg::new("version").short('V').long("version").action(ArgAction::Version);
    let mut command =
        localized(command, "roi").arg(version.help("Afficher la version").help_heading("Options"));
    // clap adds its `help` command when the tree is built: only then can it be said in French.
    command.build();
    command.mut_subcommand("help", |help| help.about(about("help").unwrap_or_default()))
}

fn localized(command: Command, name: &str) -> Command {
    let mut command = command
        .help_template("{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("Commandes")
        .disable_help_flag(true);
    if let Some(about) = about(name) {
        command = command.about(about);
    }
    let ids: Vec<String> = command.get_arguments().map(|arg| arg.get_id().to_string()).collect();
    for id in ids.iter().filter(|id| !["help", "version"].contains(&id.as_str())) {
        let help = help(name, id);
        command = command.mut_arg(id, |arg| with_french_annotations(arg, help));
    }
    command = command.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help("Afficher l'aide")
            .help_heading("Options"),
    );
    let names: Vec<String> = command.get_subcommands().map(|sub| sub.get_name().to_owned()).collect();
    for sub in names {
        command = command.mut_subcommand(&sub, |s| localized(s, &sub));
    }
    command
}

fn about(command: &str) -> Option<&'static str> {
    ABOUT.iter().find(|(name, _)| *name == command).map(|(_, about)| *about)
}

/// The French help of an argument; `lang`, global, is the program's wherever it shows.
fn help(command: &str, id: &str) -> Option<&'static str> {
    let command = if id == "lang" { "roi" } else { command };
    ARGS.iter().find(|(c, i, _)| *c == command && *i == id).map(|(_, _, help)| *help)
}

/// The help in French, with the default and the possible values written in French after it
/// (clap would write them in English).
fn with_french_annotations(arg: Arg, help: Option<&'static str>) -> Arg {
    let heading = if arg.is_positional() { "Arguments" } else { "Options" };
    let mut text = help.unwrap_or_default().to_owned();
    if !arg.get_action().takes_values() {
        return arg.help(text).help_heading(heading);
    }
    let defaults: Vec<String> =
        arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() {
        text.push_str(&format!(" [par défaut : {}]", defaults.join(", ")));
    }
    let possible = arg.get_possible_values();
    let values: Vec<&str> =
        possible.iter().filter(|v| !v.is_hide_set()).map(PossibleValue::get_name).collect();
    if !values.is_empty() {
        text.push_str(&format!(" [valeurs : {}]", values.join(", ")));
    }
    let text = text.trim_start().to_owned();
    arg.help(text).hide_default_value(true).hide_possible_values(true).help_heading(heading)
}

/// Every command and argument of the tree, and which of them have no French here.
pub fn missing(command: &Command) -> Vec<String> {
    fn walk(command: &Command, name: &str, missing: &mut Vec<String>) {
        if about(name).is_none() {
            missing.push(name.to_owned());
        }
        for arg in command.get_arguments().filter(|a| !["help", "version"].contains(&a.get_id().as_str())) {
            if help(name, arg.get_id().as_str()).is_none() {
                missing.push(format!("{name} {}", arg.get_id()));
            }
        }
        for sub in command.get_subcommands() {
            walk(sub, sub.get_name(), missing);
        }
    }
    let mut found = Vec::new();
    walk(command, "roi", &mut found);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_command_and_argument_has_its_french() {
        assert_eq!(missing(&crate::cli::Cli::command()), Vec::<String>::new());
    }

    #[test]
    fn the_help_is_in_french_with_defaults_and_values() {
        // Wide enough that no line wraps: the test reads phrases whole.
        let mut command = in_french(crate::cli::Cli::command()).term_width(1000);
        let help = command.find_subcommand_mut("table").unwrap().render_long_help().to_string();
        assert!(help.starts_with("Une table à double entrée"), "{help}");
        assert!(help.contains("Utilisation : roi table"), "{help}");
        assert!(help.contains("Le curseur des lignes et ses valeurs"), "{help}");
        assert!(help.contains("[par défaut : md] [valeurs : md, csv, json]"), "{help}");
        assert!(help.contains("Afficher l'aide"), "{help}");
        for english in ["Usage:", "Print help", "default:", "possible values", "The project file"] {
            assert!(!help.contains(english), "`{english}` in {help}");
        }
        let top = in_french(crate::cli::Cli::command()).term_width(1000).render_long_help().to_string();
        assert!(top.contains("Commandes :") || top.contains("Commandes:"), "{top}");
        assert!(top.contains("Codes de sortie") && top.contains("Afficher la version"), "{top}");
        assert!(top.contains("Afficher cette aide") && !top.contains("Print"), "{top}");
    }
}
