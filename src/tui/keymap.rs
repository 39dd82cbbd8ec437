//! Keys as data: (scope, key) → `Action`. The help overlay is drawn from the same table, so
//! it can never drift from what the keys do. Vim keys and arrows both work.

use super::action::{Action, Preset};
use super::app::{App, Mode, Tab};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Global,
    /// The tabs with an editable table.
    Grid,
    Only(Tab),
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

macro_rules! bind {
    ($scope:expr, $label:literal, [$($key:expr),+], $action:expr) => {
        Binding { scope: $scope, keys: &[$($key),+], label: $label, action: $action }
    };
}

use KeyCode::{BackTab, Down, End, Enter, Home, Left, PageDown, PageUp, Right, Up};
use Scope::{Global, Grid, Only};

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
    bind!(Global, "Ctrl-r", [(KeyCode::Char('r'), CTRL)], Action::Redo),
    bind!(Global, "Ctrl-s", [(KeyCode::Char('s'), CTRL)], Action::Save),
    bind!(Global, "L", [ch('L'), (KeyCode::Char('L'), SHIFT)], Action::ToggleLang),
    bind!(Global, "?", [ch('?'), (KeyCode::Char('?'), SHIFT)], Action::ToggleHelp),
    bind!(Global, "q", [ch('q'), (KeyCode::Char('c'), CTRL)], Action::Quit),
    bind!(Global, "T", [ch('T'), (KeyCode::Char('T'), SHIFT)], Action::OpenReviewEntry),
    bind!(Global, "v", [ch('v')], Action::ShowReview),
    bind!(Global, "E", [ch('E'), (KeyCode::Char('E'), SHIFT)], Action::WriteSummary),
];

fn applies(scope: Scope, tab: Tab) -> bool {
    match scope {
        Global => true,
        Grid => matches!(tab, Tab::Baseline | Tab::Tco | Tab::Kpis),
        Only(only) => only == tab,
    }
}

/// The keys of the current tab, for the help overlay.
pub fn help_entries(tab: Tab) -> Vec<(&'static str, &'static Action)> {
    BINDINGS.iter().filter(|b| applies(b.scope, tab)).map(|b| (b.label, &b.action)).collect()
}

/// The action a key asks for in the app's current mode, if any.
pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    match app.mode {
        Mode::Editing { .. } | Mode::Prompt { .. } => typing_action(key),
        Mode::Help => Some(Action::ToggleHelp),
        Mode::ConfirmQuit => match key.code {
            KeyCode::Char('y' | 'o') => Some(Action::Confirm),
            KeyCode::Char('s') => Some(Action::SaveAndQuit),
            KeyCode::Char('n') | KeyCode::Esc => Some(Action::Decline),
            _ => None,
        },
        Mode::Picker { .. } => match key.code {
            Up | KeyCode::Char('k') => Some(Action::Up),
            Down | KeyCode::Char('j') => Some(Action::Down),
            Enter => Some(Action::Submit),
            KeyCode::Esc | KeyCode::Char('q') => Some(Action::Cancel),
            _ => None,
        },
        Mode::Conflict { .. } => match key.code {
            KeyCode::Char('r') => Some(Action::Reload),
            KeyCode::Char('o') => Some(Action::Overwrite),
            KeyCode::Char('c') => Some(Action::SaveCopy),
            KeyCode::Char('d') => Some(Action::Compare),
            KeyCode::Esc => Some(Action::Cancel),
            _ => None,
        },
        Mode::Recovery { .. } => match key.code {
            KeyCode::Char('r') => Some(Action::Restore),
            KeyCode::Char('d') => Some(Action::Discard),
            _ => None,
        },
        Mode::Scenarios { .. } => match key.code {
            Up | KeyCode::Char('k') => Some(Action::Up),
            Down | KeyCode::Char('j') => Some(Action::Down),
            Enter => Some(Action::Submit),
            KeyCode::Char('r') => Some(Action::Rename),
            KeyCode::Char('d') => Some(Action::Delete),
            KeyCode::Esc | KeyCode::Char('q' | 'c') => Some(Action::Cancel),
            _ => None,
        },
        Mode::MonteCarlo => match key.code {
            KeyCode::Char('M') => Some(Action::RunMonteCarlo),
            KeyCode::Esc | KeyCode::Char('q' | 'm') => Some(Action::Cancel),
            _ => None,
        },
        Mode::ReviewEntry(_) => match key.code {
            Up | BackTab => Some(Action::Up),
            Down | KeyCode::Tab => Some(Action::Down),
            _ => typing_action(key),
        },
        Mode::Review { .. } => match key.code {
            Up | KeyCode::Char('k') => Some(Action::Up),
            Down | KeyCode::Char('j') => Some(Action::Down),
            PageUp => Some(Action::PageUp),
            PageDown | KeyCode::Char(' ') => Some(Action::PageDown),
            Home | KeyCode::Char('g') => Some(Action::Top),
            End | KeyCode::Char('G') => Some(Action::Bottom),
            KeyCode::Char('T') => Some(Action::OpenReviewEntry),
            KeyCode::Char('E') => Some(Action::WriteSummary),
            // What was just recorded can be undone or saved without leaving the review.
            KeyCode::Char('u') => Some(Action::Undo),
            KeyCode::Char('r') if key.modifiers.contains(CTRL) => Some(Action::Redo),
            KeyCode::Char('s') if key.modifiers.contains(CTRL) => Some(Action::Save),
            KeyCode::Char('L') => Some(Action::ToggleLang),
            KeyCode::Esc | KeyCode::Char('q' | 'v') => Some(Action::Cancel),
            _ => None,
        },
        Mode::Normal => normal_action(app.tab, key),
    }
}

fn typing_action(key: KeyEvent) -> Option<Action> {
    match key.code {
        Enter => Some(Action::Submit),
        Up => Some(Action::Up),
        Down => Some(Action::Down),
        KeyCode::Esc => Some(Action::Cancel),
        KeyCode::Backspace => Some(Action::Backspace),
        KeyCode::Char('u') if key.modifiers.contains(CTRL) => Some(Action::ClearInput),
        KeyCode::Char(c) if !key.modifiers.contains(CTRL) => Some(Action::Input(c)),
        _ => None,
    }
}

fn normal_action(tab: Tab, key: KeyEvent) -> Option<Action> {
    let pressed = (key.code, key.modifiers - SHIFT);
    let binding = BINDINGS
        .iter()
        .filter(|b| applies(b.scope, tab))
        .find(|b| b.keys.iter().any(|(code, modifiers)| (*code, *modifiers - SHIFT) == pressed))?;
    // One binding covers a pair of directions or a row of digits: pick the one pressed.
    Some(match (&binding.action, key.code) {
        (Action::AdjustDriver(_), Left | KeyCode::Char('h')) => Action::AdjustDriver(-1),
        (Action::AdjustDriver(_), _) => Action::AdjustDriver(1),
        (Action::Left, Right | KeyCode::Char('l')) => Action::Right,
        (Action::Up, Down | KeyCode::Char('j')) => Action::Down,
        (Action::MoveLine(_), KeyCode::Char('J')) => Action::MoveLine(1),
        (Action::Top, KeyCode::Char('G') | End) => Action::Bottom,
        (Action::PageUp, PageDown) => Action::PageDown,
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
    fn arrows_and_vim_keys_agree() {
        assert_eq!(normal_action(Tab::Tco, key(Down)), Some(Action::Down));
        assert_eq!(normal_action(Tab::Tco, key(KeyCode::Char('j'))), Some(Action::Down));
        assert_eq!(normal_action(Tab::Tco, key(KeyCode::Char('l'))), Some(Action::Right));
    }

    #[test]
    fn sliders_take_left_and_right_on_the_sensitivity_tab() {
        assert_eq!(normal_action(Tab::Sensitivity, key(Left)), Some(Action::AdjustDriver(-1)));
        assert_eq!(normal_action(Tab::Sensitivity, key(KeyCode::Char('l'))), Some(Action::AdjustDriver(1)));
    }

    #[test]
    fn digits_go_to_tabs_and_ctrl_keys_are_distinct() {
        assert_eq!(normal_action(Tab::Summary, key(KeyCode::Char('3'))), Some(Action::GoTab(Tab::Tco)));
        assert_eq!(normal_action(Tab::Summary, KeyEvent::new(KeyCode::Char('s'), CTRL)), Some(Action::Save));
        assert_eq!(normal_action(Tab::Summary, KeyEvent::new(KeyCode::Char('r'), CTRL)), Some(Action::Redo));
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
            assert!(help_entries(tab).len() >= 10);
        }
    }
}
