//! Everything the user (or the runtime) can ask of the workbench. `update` sees only these,
//! never a key event; each variant describes itself for the help overlay and the footer.

use super::app::{Revision, Tab};
use crate::domain::montecarlo::MonteCarlo;
use crate::domain::project::YearMonth;
use crate::i18n::Lang;
use crate::store::{Fingerprint, Loaded, Original};

/// The prudence rules of the method, one key each (DOMAIN.md §2.8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// Gains measured in a POC × 0.65 before extrapolating.
    PocGains,
    /// POC-to-scale extrapolation × 0.6 (the middle of 0.5–0.7).
    PocToScale,
}
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    ToggleHelp,
    OpenPalette,
    /// The spider instead of the tornado, or back.
    ToggleSpider,
    /// A two-way data table of two sliders.
    OpenDataTable,
    /// The data table's step: 10 %, 20 % or 5 % between two values.
    CycleTableStep,
    /// Random draws or a Latin hypercube for the next Monte Carlo run.
    ToggleSampling,
    /// Explain the selected figure: its formula, its values, its inputs.
    Explain,
    GoTab(Tab),
    NextTab,
    PreviousTab,
    Up,
    Down,
    Left,
    Right,
    Top,
    Bottom,
    PageUp,
    PageDown,
    Edit,
    Add,
    Delete,
    /// A copy of the selected line, below it.
    DuplicateLine,
    /// The selected line one place up (-1) or down (+1) in its list.
    MoveLine(i8),
    Undo,
    Redo,
    Save,
    ToggleLang,
    /// Move the selected driver by this many steps.
    AdjustDriver(i32),
    ResetDriver,
    ResetAllDrivers,
    ToggleStress,
    SaveScenario,
    AddMeasurement,
    OpenSelected,
    // While typing in an editor or prompt.
    Input(char),
    Backspace,
    ClearInput,
    Submit,
    Cancel,
    // While a question is asked.
    Confirm,
    Decline,
    SaveAndQuit,
    // Mouse.
    ClickTab(Tab),
    ClickRow(u16),
    Resize(u16, u16),
    // Results of effects, fed back by the runtime.
    Saved {
        original: Original,
        fingerprint: Fingerprint,
    },
    SavedAs {
        path: PathBuf,
        original: Original,
        fingerprint: Fingerprint,
    },
    SaveFailed(String),
    /// The file was not saved: someone deleted it since it was opened.
    SaveVanished,
    /// A new project file was written: open it.
    Created(PathBuf),
    /// A project file was renamed (the open one, perhaps).
    Renamed {
        from: PathBuf,
        to: PathBuf,
    },
    /// The file was not saved: someone else changed it. Here is their text.
    SaveConflict {
        disk_text: String,
    },
    /// The runtime's poll saw another writer's text on disk.
    ChangedOnDisk(Box<Loaded>),
    /// The runtime's poll of the edit marker: who else is editing, if anyone.
    EditedBy(Option<String>),
    // Answers to a conflict or a recovery.
    Reload,
    Overwrite,
    SaveCopy,
    Compare,
    Restore,
    Discard,
    // What-if tools of the Sensitivity tab.
    ShowScenarios,
    Rename,
    GoalSeek,
    RunMonteCarlo,
    ShowMonteCarlo,
    SimulationProgress(usize),
    /// A Monte Carlo run finished, computed for the inputs of `revision`.
    SimulationDone {
        run: Box<MonteCarlo>,
        revision: Revision,
    },
    Preset(Preset),
    CycleTornadoWidth,
    // The portfolio tab.
    CycleSort,
    ToggleSubfolders,
    Filter,
    NewProject,
    DuplicateProject,
    RenameProject,
    ArchiveProject,
    /// The folder, read again.
    PortfolioScanned(Vec<crate::tui::app::PortfolioEntry>),
    /// Rows of a folder being read for the first time, as they come: `done` files of `total`.
    PortfolioRows {
        entries: Vec<crate::tui::app::PortfolioEntry>,
        done: usize,
        total: usize,
    },
    /// A file operation went through (message) or not (error).
    FileDone(String),
    FileFailed(String),
    Opened(Box<Loaded>),
    /// A project of the folder, read to be explained.
    LoadedToExplain(Box<Loaded>),
    OpenFailed(String),
    // The quarterly review.
    OpenReviewEntry,
    ShowReview,
    WriteSummary,
    /// The executive summary was written there (the Markdown first).
    SummaryWritten(Vec<PathBuf>),
    /// The calendar month turned while the workbench was open (it stays open for weeks over
    /// SSH): the review's month follows.
    Today(YearMonth),
}

impl Action {
    /// A key or a click, rather than a result the runtime feeds back.
    pub fn is_from_the_user(&self) -> bool {
        !matches!(
            self,
            Action::Today(_)
                | Action::Resize(..)
                | Action::SimulationProgress(_)
                | Action::SimulationDone { .. }
                | Action::Saved { .. }
                | Action::SavedAs { .. }
                | Action::SaveFailed(_)
                | Action::SaveVanished
                | Action::SaveConflict { .. }
                | Action::ChangedOnDisk(_)
                | Action::EditedBy(_)
                | Action::PortfolioScanned(_)
                | Action::PortfolioRows { .. }
                | Action::FileDone(_)
                | Action::FileFailed(_)
                | Action::Opened(_)
                | Action::LoadedToExplain(_)
                | Action::OpenFailed(_)
                | Action::SummaryWritten(_)
                | Action::Renamed { .. }
                | Action::Created(_)
        )
    }

    /// What the action does, for the help overlay.
    pub fn describe(&self, lang: Lang) -> &'static str {
        let fr = lang == Lang::Fr;
        let pick = |fr_text, en_text| if fr { fr_text } else { en_text };
        match self {
            Action::Quit => pick("quitter (demande si modifié)", "quit (asks if modified)"),
            Action::ToggleHelp => pick("afficher / masquer l'aide", "show / hide this help"),
            Action::OpenPalette => pick("palette : toute action par son nom", "palette: any action by name"),
            Action::ToggleSpider => pick(
                "tornade, araignée de la VAN, du ROI ajusté (±50\u{a0}%)",
                "tornado, spider of the NPV, of the adjusted ROI (±50%)",
            ),
            Action::OpenDataTable => {
                pick("table à double entrée de deux curseurs", "two-way data table of two sliders")
            }
            Action::CycleTableStep => {
                pick("pas de la table : 10, 20 ou 5 %", "the table's step: 10, 20 or 5%")
            }
            Action::ToggleSampling => pick(
                "Monte Carlo : tirages au hasard ou hypercube latin",
                "Monte Carlo: random draws or Latin hypercube",
            ),
            Action::Explain => pick(
                "d'où vient ce chiffre (formule, valeurs, entrées)",
                "where this figure comes from (formula, values, inputs)",
            ),
            Action::GoTab(_) => pick("aller à l'onglet", "go to tab"),
            Action::NextTab => pick("onglet suiv. / préc.", "next / previous tab"),
            Action::PreviousTab => pick("onglet précédent", "previous tab"),
            Action::Up | Action::Down => pick("ligne précédente / suivante", "previous / next row"),
            Action::Left | Action::Right => pick("colonne précédente / suivante", "previous / next column"),
            Action::Top | Action::Bottom => pick("première / dernière ligne", "first / last row"),
            Action::PageUp | Action::PageDown => pick("page précédente / suivante", "page up / down"),
            Action::Edit => pick("modifier la valeur", "edit the value"),
            Action::Add => pick("ajouter une ligne", "add a row"),
            Action::Delete => pick("supprimer la ligne", "delete the row"),
            Action::DuplicateLine => pick("dupliquer la ligne", "duplicate the line"),
            Action::MoveLine(_) => pick("monter / descendre la ligne", "move the line up / down"),
            Action::Undo => pick("annuler", "undo"),
            Action::Redo => pick("rétablir", "redo"),
            Action::Save => pick("enregistrer", "save"),
            Action::ToggleLang => pick("français / anglais", "French / English"),
            Action::AdjustDriver(_) => pick("déplacer le curseur", "move the slider"),
            Action::ResetDriver => pick("remettre ce curseur à neutre", "reset this slider"),
            Action::ResetAllDrivers => pick("remettre tous les curseurs", "reset all sliders"),
            Action::ToggleStress => {
                pick("appliquer / retirer le test ×2/÷2", "apply / remove the ×2/÷2 stress")
            }
            Action::SaveScenario => {
                pick("enregistrer les curseurs comme scénario", "save the sliders as a scenario")
            }
            Action::AddMeasurement => pick("ajouter une mesure au KPI", "add a measurement to the KPI"),
            Action::OpenSelected => pick("ouvrir le projet sélectionné", "open the selected project"),
            Action::Input(_) | Action::Backspace | Action::ClearInput => pick("saisir", "type"),
            Action::Submit => pick("valider", "confirm"),
            Action::Cancel => pick("fermer / annuler", "close / cancel"),
            Action::Confirm | Action::Decline | Action::SaveAndQuit => pick("répondre", "answer"),
            Action::ClickTab(_) | Action::ClickRow(_) | Action::Resize(..) => pick("clic", "click"),
            Action::Reload => pick(
                "recharger la version du disque (perdre mes modifications)",
                "reload the file on disk (drop my changes)",
            ),
            Action::Overwrite => pick("écraser la version du disque", "overwrite the file on disk"),
            Action::SaveCopy => {
                pick("enregistrer mes modifications dans une copie", "save my changes as a copy")
            }
            Action::Compare => pick("comparer les chiffres", "compare the figures"),
            Action::Restore => {
                pick("restaurer les modifications récupérées", "restore the recovered changes")
            }
            Action::Discard => {
                pick("abandonner les modifications récupérées", "discard the recovered changes")
            }
            Action::ShowScenarios => pick(
                "comparer, appliquer, renommer, supprimer les scénarios",
                "compare, apply, rename, delete scenarios",
            ),
            Action::Rename => pick("renommer", "rename"),
            Action::GoalSeek => pick(
                "valeur cible : quel réglage du curseur atteint…",
                "goal seek: which value of this driver reaches…",
            ),
            Action::RunMonteCarlo => {
                pick("lancer le Monte Carlo (10 000 tirages)", "run Monte Carlo (10,000 draws)")
            }
            Action::ShowMonteCarlo => pick("afficher le Monte Carlo", "show the Monte Carlo results"),
            Action::Preset(Preset::PocGains) => {
                pick("prudence : gains de POC × 0,65", "prudence: POC gains × 0.65")
            }
            Action::Preset(Preset::PocToScale) => {
                pick("prudence : passage POC → échelle × 0,6", "prudence: POC-to-scale × 0.6")
            }
            Action::CycleTornadoWidth => {
                pick("largeur de la tornade : ±10 / 20 / 30 %", "tornado width: ±10 / 20 / 30 %")
            }
            Action::CycleSort => pick("changer la colonne de tri", "sort by the next column"),
            Action::ToggleSubfolders => {
                pick("inclure / exclure les sous-dossiers", "include / leave out subfolders")
            }
            Action::Filter => pick(
                "filtrer (nom, service, statut, quadrant…)",
                "filter (name, department, status, quadrant…)",
            ),
            Action::NewProject => pick("nouveau projet dans le dossier", "new project in the folder"),
            Action::DuplicateProject => pick("dupliquer le projet", "duplicate the project"),
            Action::RenameProject => pick("renommer le fichier", "rename the file"),
            Action::ArchiveProject => pick("archiver (déplacer dans archive/)", "archive (move to archive/)"),
            Action::OpenReviewEntry => {
                pick("saisir les mesures du trimestre", "enter the quarter's measures")
            }
            Action::ShowReview => pick(
                "revue trimestrielle (décision, alertes, jalons)",
                "quarterly review (decision, alerts, milestones)",
            ),
            Action::WriteSummary => {
                pick("écrire la synthèse à côté du fichier", "write the executive summary beside the file")
            }
            Action::SimulationProgress(_)
            | Action::SummaryWritten(_)
            | Action::Today(_)
            | Action::SimulationDone { .. }
            | Action::SaveVanished
            | Action::Renamed { .. }
            | Action::Created(_)
            | Action::PortfolioScanned(_)
            | Action::PortfolioRows { .. }
            | Action::FileDone(_)
            | Action::FileFailed(_) => "",
            Action::Saved { .. }
            | Action::SavedAs { .. }
            | Action::SaveFailed(_)
            | Action::SaveConflict { .. }
            | Action::ChangedOnDisk(_)
            | Action::EditedBy(_)
            | Action::Opened(_)
            | Action::LoadedToExplain(_)
            | Action::OpenFailed(_) => "",
        }
    }
}
