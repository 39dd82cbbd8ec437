//! Keys as data: (scope, key) → `Action`. The help overlay is drawn from the same table, so
//! it can never drift from what the keys do. Vim keys and arrows both work.

use super::action::{Action, Preset};
use super::app::{App, Mode, Tab};
use crate::i18n::Lang;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a key binding applies: a tab's table (through `Global`, `Grid`, `Only`), or a view
/// over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Global,
    /// The tabs with an editable table.
    Grid,
    Only(Tab),
    In(View),
}

/// The views over the tabs, each with keys of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Typing a value or an answer.
    Typing,
    Picker,
    ConfirmQuit,
    Conflict,
    Recovery,
    Scenarios,
    MonteCarlo,
    ReviewEntry,
    Review,
    Palette,
    Explain,
    DataTable,
}

impl View {
    pub const ALL: [View; 12] = [
        View::Typing,
        View::Picker,
        View::ConfirmQuit,
        View::Conflict,
        View::Recovery,
        View::Scenarios,
        View::MonteCarlo,
        View::ReviewEntry,
        View::Review,
        View::Palette,
        View::Explain,
        View::DataTable,
    ];

    /// The name of a view, for the help's title.
    pub fn name(self, lang: Lang) -> &'static str {
        use crate::i18n::Text;
        lang.t(match self {
            View::Typing => Text::ViewTyping,
            View::Picker => Text::ViewPicker,
            View::ConfirmQuit => Text::ViewQuit,
            View::Conflict => Text::ConflictTitle,
            View::Recovery => Text::RecoveryTitle,
            View::Scenarios => Text::ViewScenarios,
            View::MonteCarlo => Text::ViewMonteCarlo,
            View::ReviewEntry => Text::ViewReviewEntry,
            View::Review => Text::ViewReview,
            View::Palette => Text::ViewPalette,
            View::Explain => Text::ViewExplain,
            View::DataTable => Text::ViewDataTable,
        })
    }

    pub fn of(mode: &Mode) -> Option<View> {
        Some(match mode {
            Mode::Normal => return None,
            Mode::Editing { .. } | Mode::Prompt { .. } => View::Typing,
            Mode::Picker { .. } => View::Picker,
            Mode::ConfirmQuit => View::ConfirmQuit,
            Mode::Conflict { .. } => View::Conflict,
            Mode::Recovery { .. } => View::Recovery,
            Mode::Scenarios { .. } => View::Scenarios,
            Mode::MonteCarlo => View::MonteCarlo,
            Mode::ReviewEntry(_) => View::ReviewEntry,
            Mode::Review { .. } => View::Review,
            Mode::Palette { .. } => View::Palette,
            Mode::Explain(_) => View::Explain,
            Mode::DataTable(_) => View::DataTable,
        })
    }

    /// Views where letters are typed: `?` is a letter there, help is on F1.
    pub fn types_letters(self) -> bool {
        matches!(self, View::Typing | View::ReviewEntry | View::Palette)
    }
}

struct Binding {
    scope: Scope,
    keys: &'static [(KeyCode, KeyModifiers)],
    label: &'static str,
    action: Action,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

const fn ch(c: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(c), NONE)
}

const fn ctrl(c: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(c), CTRL)
}

macro_rules! bind {
    ($scope:expr, $label:literal, [$($key:expr),+], $action:expr) => {
        Binding { scope: $scope, keys: &[$($key),+], label: $label, action: $action }
    };
}

use KeyCode::{BackTab, Backspace, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Up};
use Scope::{Global, Grid, In, Only};

// Tab-specific bindings come first: the first match wins.
#[rustfmt::skip]
static BINDINGS: &[Binding] = &[
    bind!(Only(Tab::Sensitivity), "← h / → l", [(Left, NONE), ch('h'), (Right, NONE), ch('l')], Action::AdjustDriver(0)),
    bind!(Only(Tab::Sensitivity), "0", [ch('0')], Action::ResetDriver),
    bind!(Only(Tab::Sensitivity), "R", [ch('R'), (KeyCode::Char('R'), SHIFT)], Action::ResetAllDrivers),
    bind!(Only(Tab::Sensitivity), "s", [ch('s')], Action::ToggleStress),
    bind!(Only(Tab::Sensitivity), "S", [ch('S'), (KeyCode::Char('S'), SHIFT)], Action::SaveScenario),
    bind!(Only(Tab::Sensitivity), "c", [ch('c')], Action::ShowScenarios),
    bind!(Only(Tab::Sensitivity), "=", [ch('=')], Action::GoalSeek),
    bind!(Only(Tab::Sensitivity), "M", [ch('M'), (KeyCode::Char('M'), SHIFT)], Action::RunMonteCarlo),
    bind!(Only(Tab::Sensitivity), "m", [ch('m')], Action::ShowMonteCarlo),
    bind!(Only(Tab::Sensitivity), "p", [ch('p')], Action::Preset(Preset::PocGains)),
    bind!(Only(Tab::Sensitivity), "P", [ch('P'), (KeyCode::Char('P'), SHIFT)], Action::Preset(Preset::PocToScale)),
    bind!(Only(Tab::Sensitivity), "w", [ch('w')], Action::CycleTornadoWidth),
    bind!(Only(Tab::Sensitivity), "t", [ch('t')], Action::ToggleSpider),
    bind!(Only(Tab::Sensitivity), "D", [ch('D'), (KeyCode::Char('D'), SHIFT)], Action::OpenDataTable),
    bind!(Only(Tab::Sensitivity), "H", [ch('H'), (KeyCode::Char('H'), SHIFT)], Action::ToggleSampling),
    bind!(Only(Tab::Matrix), "Enter", [(Enter, NONE)], Action::OpenSelected),
    bind!(Only(Tab::Portfolio), "Enter", [(Enter, NONE)], Action::OpenSelected),
    bind!(Only(Tab::Portfolio), "o", [ch('o')], Action::CycleSort),
    bind!(Only(Tab::Portfolio), "s", [ch('s')], Action::ToggleSubfolders),
    bind!(Only(Tab::Portfolio), "/", [ch('/')], Action::Filter),
    bind!(Only(Tab::Portfolio), "n", [ch('n')], Action::NewProject),
    bind!(Only(Tab::Portfolio), "y", [ch('y')], Action::DuplicateProject),
    bind!(Only(Tab::Portfolio), "r", [ch('r')], Action::RenameProject),
    bind!(Only(Tab::Portfolio), "x", [ch('x')], Action::ArchiveProject),
    bind!(Only(Tab::Kpis), "m", [ch('m')], Action::AddMeasurement),
    bind!(Grid, "Enter", [(Enter, NONE)], Action::Edit),
    bind!(Grid, "a", [ch('a')], Action::Add),
    bind!(Grid, "d", [ch('d')], Action::Delete),
    bind!(Grid, "y", [ch('y')], Action::DuplicateLine),
    bind!(Grid, "K / J", [ch('K'), (KeyCode::Char('K'), SHIFT), ch('J'), (KeyCode::Char('J'), SHIFT)], Action::MoveLine(-1)),
    bind!(Grid, "← h / → l", [(Left, NONE), ch('h'), (Right, NONE), ch('l')], Action::Left),
    bind!(Global, "↑ k / ↓ j", [(Up, NONE), ch('k'), (Down, NONE), ch('j')], Action::Up),
    bind!(Global, "g / G", [ch('g'), (Home, NONE), ch('G'), (End, NONE), (KeyCode::Char('G'), SHIFT)], Action::Top),
    bind!(Global, "PgUp / PgDn", [(PageUp, NONE), (PageDown, NONE)], Action::PageUp),
    bind!(Global, "1…7", [ch('1'), ch('2'), ch('3'), ch('4'), ch('5'), ch('6'), ch('7')], Action::GoTab(Tab::Summary)),
    bind!(Global, "Tab / S-Tab", [(KeyCode::Tab, NONE), (BackTab, SHIFT), (BackTab, NONE)], Action::NextTab),
    bind!(Global, "u", [ch('u')], Action::Undo),
    bind!(Global, "Ctrl-r", [ctrl('r')], Action::Redo),
    bind!(Global, "Ctrl-s", [ctrl('s')], Action::Save),
    bind!(Global, "L", [ch('L'), (KeyCode::Char('L'), SHIFT)], Action::ToggleLang),
    bind!(Global, ": / Ctrl-p", [ch(':'), (KeyCode::Char(':'), SHIFT), ctrl('p')], Action::OpenPalette),
    bind!(Global, "? / F1", [ch('?'), (KeyCode::Char('?'), SHIFT), (F(1), NONE)], Action::ToggleHelp),
    bind!(Global, "q", [ch('q'), ctrl('c')], Action::Quit),
    bind!(Global, "e", [ch('e')], Action::Explain),
    bind!(Global, "T", [ch('T'), (KeyCode::Char('T'), SHIFT)], Action::OpenReviewEntry),
    bind!(Global, "v", [ch('v')], Action::ShowReview),
    bind!(Global, "E", [ch('E'), (KeyCode::Char('E'), SHIFT)], Action::WriteSummary),
    // Typing a value, an answer, a search: letters are typed, these keys act.
    bind!(In(View::Typing), "Enter", [(Enter, NONE)], Action::Submit),
    bind!(In(View::Typing), "Esc", [(Esc, NONE)], Action::Cancel),
    bind!(In(View::Typing), "↑ / ↓", [(Up, NONE), (Down, NONE)], Action::Up),
    bind!(In(View::Typing), "Backspace", [(Backspace, NONE)], Action::Backspace),
    bind!(In(View::Typing), "Ctrl-u", [ctrl('u')], Action::ClearInput),
    bind!(In(View::Typing), "F1", [(F(1), NONE)], Action::ToggleHelp),
    bind!(In(View::Palette), "Enter", [(Enter, NONE)], Action::Submit),
    bind!(In(View::Palette), "Esc", [(Esc, NONE)], Action::Cancel),
    bind!(In(View::Palette), "↑ / ↓", [(Up, NONE), (Down, NONE)], Action::Up),
    bind!(In(View::Palette), "Backspace", [(Backspace, NONE)], Action::Backspace),
    bind!(In(View::Palette), "Ctrl-u", [ctrl('u')], Action::ClearInput),
    bind!(In(View::Palette), "F1", [(F(1), NONE)], Action::ToggleHelp),
    bind!(In(View::ReviewEntry), "↑ S-Tab / ↓ Tab", [(Up, NONE), (BackTab, NONE), (BackTab, SHIFT), (Down, NONE), (KeyCode::Tab, NONE)], Action::Up),
    bind!(In(View::ReviewEntry), "Enter", [(Enter, NONE)], Action::Submit),
    bind!(In(View::ReviewEntry), "Esc", [(Esc, NONE)], Action::Cancel),
    bind!(In(View::ReviewEntry), "Backspace", [(Backspace, NONE)], Action::Backspace),
    bind!(In(View::ReviewEntry), "Ctrl-u", [ctrl('u')], Action::ClearInput),
    bind!(In(View::ReviewEntry), "F1", [(F(1), NONE)], Action::ToggleHelp),
 bind!(In(View::Explain), "↑ k / ↓ j", [(Up, NONE), ch('k'), (Down, NONE), ch('j')], Action::Up),
    bind!(In(View::Explain), "Enter", [(Enter, NONE)], Action::Submit),
    bind!(In(View::Explain), "← h / → l", [(Left, NONE), ch('h'), (Right, NONE), ch('l')], Action::Left),
    bind!(In(View::Explain), "PgUp / PgDn", [(PageUp, NONE), (PageDown, NONE)], Action::PageUp),
    bind!(In(View::Explain), "Tab", [(KeyCode::Tab, NONE)], Action::NextTab),
    bind!(In(View::Explain), "Esc / q", [(Esc, NONE), ch('q')], Action::Cancel),
    bind!(In(View::DataTable), "↑ k / ↓ j", [(Up, NONE), ch('k'), (Down, NONE), ch('j')], Action::Up),
    bind!(In(View::DataTable), "← h / → l", [(Left, NONE), ch('h'), (Right, NONE), ch('l')], Action::Left),
    bind!(In(View::DataTable), "- / +", [ch('-'), ch('+')], Action::AdjustDriver(0)),
    bind!(In(View::DataTable), "Tab", [(KeyCode::Tab, NONE)], Action::NextTab),
    bind!(In(View::DataTable), "w", [ch('w')], Action::CycleTableStep),
    bind!(In(View::DataTable), "Esc / q", [(Esc, NONE), ch('q')], Action::Cancel),
    bind!(In(View::Picker), "↑ k / ↓ j", [(Up, NONE), ch('k'), (Down, NONE), ch('j')], Action::Up),
    bind!(In(View::Picker), "Enter", [(Enter, NONE)], Action::Submit),
    bind!(In(View::Picker), "Esc / q", [(Esc, NONE), ch('q')], Action::Cancel),
    bind!(In(View::ConfirmQuit), "y / o", [ch('y'), ch('o')], Action::Confirm),
    bind!(In(View::ConfirmQuit), "s", [ch('s')], Action::SaveAndQuit),
    bind!(In(View::ConfirmQuit), "n / Esc", [ch('n'), (Esc, NONE)], Action::Decline),
    bind!(In(View::Conflict), "r", [ch('r')], Action::Reload),
    bind!(In(View::Conflict), "o", [ch('o')], Action::Overwrite),
    bind!(In(View::Conflict), "c", [ch('c')], Action::SaveCopy),
    bind!(In(View::Conflict), "d", [ch('d')], Action::Compare),
    bind!(In(View::Conflict), "Esc", [(Esc, NONE)], Action::Cancel),
    bind!(In(View::Recovery), "r", [ch('r')], Action::Restore),
    bind!(In(View::Recovery), "d", [ch('d')], Action::Discard),
    bind!(In(View::Scenarios), "↑ k / ↓ j", [(Up, NONE), ch('k'), (Down, NONE), ch('j')], Action::Up),
    bind!(In(View::Scenarios), "Enter", [(Enter, NONE)], Action::Submit),
    bind!(In(View::Scenarios), "r", [ch('r')], Action::Rename),
    bind!(In(View::Scenarios), "d", [ch('d')], Action::Delete),
    bind!(In(View::Scenarios), "Esc / q / c", [(Esc, NONE), ch('q'), ch('c')], Action::Cancel),
    bind!(In(View::MonteCarlo), "M", [ch('M'), (KeyCode::Char('M'), SHIFT)], Action::RunMonteCarlo),
    bind!(In(View::MonteCarlo), "H", [ch('H'), (KeyCode::Char('H'), SHIFT)], Action::ToggleSampling),
    bind!(In(View::MonteCarlo), "Ctrl-s", [ctrl('s')], Action::Save),
    bind!(In(View::MonteCarlo), "Esc / q / m", [(Esc, NONE), ch('q'), ch('m')], Action::Cancel),
    bind!(In(View::Review), "↑ k / ↓ j", [(Up, NONE), ch('k'), (Down, NONE), ch('j')], Action::Up),
    bind!(In(View::Review), "PgUp / PgDn", [(PageUp, NONE), (PageDown, NONE), ch(' ')], Action::PageUp),
    bind!(In(View::Review), "g / G", [ch('g'), (Home, NONE), ch('G'), (End, NONE), (KeyCode::Char('G'), SHIFT)], Action::Top),
    bind!(In(View::Review), "T", [ch('T'), (KeyCode::Char('T'), SHIFT)], Action::OpenReviewEntry),
    bind!(In(View::Review), "E", [ch('E'), (KeyCode::Char('E'), SHIFT)], Action::WriteSummary),
    // What was just recorded can be undone or saved without leaving the review.
    bind!(In(View::Review), "u", [ch('u')], Action::Undo),
    bind!(In(View::Review), "Ctrl-r", [ctrl('r')], Action::Redo),
    bind!(In(View::Review), "Ctrl-s", [ctrl('s')], Action::Save),
    bind!(In(View::Review), "L", [ch('L'), (KeyCode::Char('L'), SHIFT)], Action::ToggleLang),
    bind!(In(View::Review), "Esc / q / v", [(Esc, NONE), ch('q'), ch('v')], Action::Cancel),
];

/// The key that shows the help in a view that is not typed into (where `?` is a letter).
static VIEW_HELP: Binding =
    bind!(Global, "?", [ch('?'), (KeyCode::Char('?'), SHIFT), (F(1), NONE)], Action::ToggleHelp);

fn applies(scope: Scope, tab: Tab, view: Option<View>) -> bool {
    match (scope, view) {
        (In(only), Some(view)) => only == view,
        (_, Some(_)) | (In(_), None) => false,
        (Global, None) => true,
        (Grid, None) => matches!(tab, Tab::Baseline | Tab::Tco | Tab::Kpis),
        (Only(only), None) => only == tab,
    }
}

/// The bindings in force: the current view's, or the current tab's.
fn bindings(tab: Tab, view: Option<View>) -> impl Iterator<Item = &'static Binding> {
    let help = view.filter(|v| !v.types_letters()).map(|_| &VIEW_HELP);
    BINDINGS.iter().filter(move |b| applies(b.scope, tab, view)).chain(help)
}

/// The keys in force, for the help overlay: every key of the current view, or of the tab.
pub fn help_entries(app: &App) -> Vec<(&'static str, &'static str)> {
    let view = View::of(&app.mode);
    bindings(app.tab, view).map(|b| (b.label, described_in(view, &b.action, app.lang))).collect()
}

/// Every key of the workbench, as a Markdown page: the keys of each tab, then of each view
/// over the tabs, each with what it does — the help overlay's entries, from the same table
/// (`docs/KEYS.md` is this page; a test keeps them equal).
pub fn reference(lang: Lang) -> String {
    let table = |title: String, tab: Tab, view: Option<View>| {
        let rows: String = bindings(tab, view)
            .map(|b| {
                format!("| `{}` | {} |\n", b.label.replace('|', "\\|"), described_in(view, &b.action, lang))
            })
            .collect();
        format!("## {title}\n\n| key | what it does |\n|---|---|\n{rows}\n")
    };
    let tabs =
        Tab::ALL.iter().map(|&tab| table(format!("{} {}", tab.index() + 1, tab.title(lang)), tab, None));
    // A view's keys are the same over every tab; the Summary stands for them all.
    let views = View::ALL.iter().map(|&view| table(view.name(lang).to_owned(), Tab::Summary, Some(view)));
    let intro = match lang {
        Lang::Fr => {
            "# Touches\n\nChaque touche de l'établi, onglet par onglet puis vue par vue, telle que l'aide (`?`) la montre.\n\n"
        }
        Lang::En => {
            "# Keys\n\nEvery key of the workbench, tab by tab then view by view, as the help (`?`) shows it.\n\n"
        }
    };
    std::iter::once(intro.to_owned()).chain(tabs).chain(views).collect::<String>().trim_end().to_owned()
        + "\n"
}

/// What an action does in a view where it means more than its usual sense: in the data table
/// the arrows choose sliders and `Tab` the figure; in an explanation `Tab` swaps base and
/// what-if.
fn described_in(view: Option<View>, action: &Action, lang: Lang) -> &'static str {
    let pick = |fr, en| if lang == Lang::Fr { fr } else { en };
    match (view, action) {
        (Some(View::DataTable), Action::Up) => {
            pick("curseur des lignes précédent / suivant", "rows' slider: previous / next")
        }
        (Some(View::DataTable), Action::Left) => {
            pick("curseur des colonnes précédent / suivant", "columns' slider: previous / next")
        }
        (Some(View::DataTable), Action::AdjustDriver(_)) => pick(
            "déplacer le curseur des lignes (la table suit)",
            "move the rows' slider (the table follows)",
        ),
        (Some(View::DataTable), Action::NextTab) => pick(
            "chiffre suivant : VAN, ROI ajusté, point mort",
            "next figure: NPV, adjusted ROI, break-even",
        ),
        (Some(View::Explain), Action::Left) => pick("chiffre précédent / suivant", "previous / next figure"),
        (Some(View::Explain), Action::PageUp) => pick("mois précédent / suivant", "previous / next month"),
        (Some(View::Explain), Action::Submit) => pick("détailler l'entrée choisie", "open the chosen input"),
        (Some(View::Explain), Action::NextTab) => {
            pick("base ou simulation (onglet Sensibilité)", "base or what-if (Sensitivity tab)")
        }
        _ => action.describe(lang),
    }
}

/// The actions of the current tab a command palette offers, with their keys: what a key
/// does, not how one moves (arrows, pages), each tab named for `1…7`.
pub fn palette_entries(tab: Tab) -> Vec<(&'static str, Action)> {
    let moves = |a: &Action| {
        matches!(
            a,
            Action::Up
                | Action::Left
                | Action::Top
                | Action::PageUp
                | Action::AdjustDriver(_)
                | Action::OpenPalette
        )
    };
    let mut entries = Vec::new();
    for binding in bindings(tab, None).filter(|b| !moves(&b.action)) {
        match binding.action {
            Action::GoTab(_) => {
                entries.extend(Tab::ALL.iter().map(|t| (DIGITS[t.index()], Action::GoTab(*t))))
            }
            _ => entries.push((binding.label, binding.action.clone())),
        }
    }
    entries
}

const DIGITS: [&str; 7] = ["1", "2", "3", "4", "5", "6", "7"];

/// The action a key asks for in the app's current mode, if any.
pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    if app.help {
        // Over the help, the arrows scroll it and any other key closes it.
        return Some(match key.code {
            Up | KeyCode::Char('k') => Action::Up,
            Down | KeyCode::Char('j') => Action::Down,
            _ => Action::ToggleHelp,
        });
    }
    let view = View::of(&app.mode);
    let bound = bound_action(app.tab, view, key);
    match (view, key.code) {
        (Some(view), KeyCode::Char(c))
            if view.types_letters() && bound.is_none() && !key.modifiers.contains(CTRL) =>
        {
            Some(Action::Input(c))
        }
        _ => bound,
    }
}

fn bound_action(tab: Tab, view: Option<View>, key: KeyEvent) -> Option<Action> {
    let pressed = (key.code, key.modifiers - SHIFT);
    let binding = bindings(tab, view)
        .find(|b| b.keys.iter().any(|(code, modifiers)| (*code, *modifiers - SHIFT) == pressed))?;
    // One binding covers a pair of directions or a row of digits: pick the one pressed.
    Some(match (&binding.action, key.code) {
        (Action::AdjustDriver(_), Left | KeyCode::Char('h' | '-')) => Action::AdjustDriver(-1),
        (Action::AdjustDriver(_), _) => Action::AdjustDriver(1),
        (Action::Left, Right | KeyCode::Char('l')) => Action::Right,
        (Action::Up, Down | KeyCode::Char('j') | KeyCode::Tab) => Action::Down,
        (Action::MoveLine(_), KeyCode::Char('J')) => Action::MoveLine(1),
        (Action::Top, KeyCode::Char('G') | End) => Action::Bottom,
        (Action::PageUp, PageDown | KeyCode::Char(' ')) => Action::PageDown,
        (Action::NextTab, BackTab) => Action::PreviousTab,
        (Action::GoTab(_), KeyCode::Char(digit)) => {
            let index = digit.to_digit(10).and_then(|d| usize::try_from(d).ok())?.checked_sub(1)?;
            Action::GoTab(*Tab::ALL.get(index)?)
        }
        (action, _) => action.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, NONE)
    }

    #[test]
    fn a_key_is_described_by_what_it_does_in_its_view() {
        let tab = Action::NextTab;
        assert_eq!(described_in(None, &tab, Lang::En), tab.describe(Lang::En));
        assert_eq!(
            described_in(Some(View::DataTable), &tab, Lang::En),
            "next figure: NPV, adjusted ROI, break-even"
        );
        assert_eq!(
            described_in(Some(View::Explain), &tab, Lang::Fr),
            "base ou simulation (onglet Sensibilité)"
        );
        let minus = bound_action(Tab::Sensitivity, Some(View::DataTable), key(KeyCode::Char('-')));
        assert_eq!(minus, Some(Action::AdjustDriver(-1)));
    }

    #[test]
    fn arrows_and_vim_keys_agree() {
        assert_eq!(bound_action(Tab::Tco, None, key(Down)), Some(Action::Down));
        assert_eq!(bound_action(Tab::Tco, None, key(KeyCode::Char('j'))), Some(Action::Down));
        assert_eq!(bound_action(Tab::Tco, None, key(KeyCode::Char('l'))), Some(Action::Right));
    }

    #[test]
    fn sliders_take_left_and_right_on_the_sensitivity_tab() {
        assert_eq!(bound_action(Tab::Sensitivity, None, key(Left)), Some(Action::AdjustDriver(-1)));
        assert_eq!(
            bound_action(Tab::Sensitivity, None, key(KeyCode::Char('l'))),
            Some(Action::AdjustDriver(1))
        );
    }

    #[test]
    fn digits_go_to_tabs_and_ctrl_keys_are_distinct() {
        assert_eq!(bound_action(Tab::Summary, None, key(KeyCode::Char('3'))), Some(Action::GoTab(Tab::Tco)));
        assert_eq!(
            bound_action(Tab::Summary, None, KeyEvent::new(KeyCode::Char('s'), CTRL)),
            Some(Action::Save)
        );
        assert_eq!(
            bound_action(Tab::Summary, None, KeyEvent::new(KeyCode::Char('r'), CTRL)),
            Some(Action::Redo)
        );
    }

    #[test]
    fn the_review_form_types_letters_and_moves_with_arrows_and_tab() {
        let path = std::path::PathBuf::from("p.toml");
        let text = "schema = 1\n[project]\nname = \"P\"\n";
        let loaded = crate::store::from_text(&path, text.into(), crate::store::Fingerprint::of(text, None));
        let mut app = App::new(loaded.unwrap(), Vec::new(), crate::i18n::Lang::En);
        assert_eq!(action_for(&app, key(KeyCode::Char('T'))), Some(Action::OpenReviewEntry));
        app.mode = Mode::ReviewEntry(Default::default());
        assert_eq!(action_for(&app, key(KeyCode::Char('j'))), Some(Action::Input('j')));
        assert_eq!(action_for(&app, key(KeyCode::Tab)), Some(Action::Down));
        assert_eq!(action_for(&app, key(BackTab)), Some(Action::Up));
        assert_eq!(action_for(&app, key(KeyCode::Esc)), Some(Action::Cancel));
        app.mode = Mode::Review { scroll: 0 };
        assert_eq!(action_for(&app, key(KeyCode::Char('j'))), Some(Action::Down));
        assert_eq!(action_for(&app, key(KeyCode::Char('v'))), Some(Action::Cancel));
        assert_eq!(action_for(&app, key(KeyCode::Char('E'))), Some(Action::WriteSummary));
        assert_eq!(action_for(&app, KeyEvent::new(KeyCode::Char('s'), CTRL)), Some(Action::Save));
        assert_eq!(action_for(&app, KeyEvent::new(KeyCode::Char('r'), CTRL)), Some(Action::Redo));
        assert_eq!(action_for(&app, key(KeyCode::Char('L'))), Some(Action::ToggleLang));
    }

    #[test]
    fn every_tab_has_help() {
        for tab in Tab::ALL {
            assert!(bindings(tab, None).count() >= 10);
        }
    }
}
