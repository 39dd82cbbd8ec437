//! The command palette (`:` or `Ctrl-p`): every action of the current tab by its name, with
//! its key, filtered as one types — letters in order, not necessarily side by side
//! (`svsc` finds "save the sliders as a scenario"), case and accents aside. Pure.

use super::action::Action;
use super::app::{App, Mode, Tab};
use super::choices::folded;
use super::effect::Effect;
use super::keymap::palette_entries;
use crate::i18n::Lang;

/// One action offered: its key, what it does, and the action.
#[derive(Debug, Clone, PartialEq)]
pub struct Command {
    pub key: &'static str,
    pub name: String,
    pub action: Action,
}

/// The commands of `tab` whose name holds the letters of `typed`, in order.
pub fn commands(lang: Lang, tab: Tab, typed: &str) -> Vec<Command> {
    let typed = folded(typed);
    let wanted: Vec<char> = typed.chars().filter(|c| !c.is_whitespace()).collect();
    let mut found: Vec<Command> = palette_entries(tab)
        .into_iter()
        .map(|(key, action)| Command { key, name: name_of(lang, &action), action })
        .filter(|command| holds_in_order(&folded(&command.name), &wanted))
        .collect();
    // What holds the text as typed comes first; the order of the keys otherwise.
    found.sort_by_key(|command| !folded(&command.name).contains(&typed));
    found
}

/// An action's name in the palette: what it does, and the tab's name for "go to tab".
fn name_of(lang: Lang, action: &Action) -> String {
    match action {
        Action::GoTab(tab) => format!("{} {}", action.describe(lang), tab.title(lang)),
        _ => action.describe(lang).to_owned(),
    }
}

fn holds_in_order(text: &str, wanted: &[char]) -> bool {
    let mut letters = text.chars();
    wanted.iter().all(|w| letters.any(|c| c == *w))
}

pub fn open(app: &mut App) {
    app.mode = Mode::Palette { buffer: String::new(), picked: 0 };
}

/// Keys in the palette: typing filters, arrows pick, Enter runs the command picked (through
/// `run`, the same path as its key), Esc closes.
pub fn choosing(app: &mut App, action: Action, run: impl FnOnce(&mut App, Action) -> Effect) -> Effect {
    let Mode::Palette { buffer, picked } = &mut app.mode else { return Effect::None };
    match action {
        Action::Input(c) => {
            buffer.push(c);
            *picked = 0;
        }
        Action::Backspace => {
            buffer.pop();
            *picked = 0;
        }
        Action::ClearInput => {
            buffer.clear();
            *picked = 0;
        }
        Action::Up => *picked = picked.saturating_sub(1),
        Action::Down => *picked += 1,
        Action::Resize(width, height) => app.screen = (width, height),
        Action::Submit => {
            let found = commands(app.lang, app.tab, buffer);
            let chosen = found.get((*picked).min(found.len().saturating_sub(1))).map(|c| c.action.clone());
            app.mode = Mode::Normal;
            return chosen.map_or(Effect::None, |action| run(app, action));
        }
        Action::Cancel => app.mode = Mode::Normal,
        _ => {}
    }
    // The pick stays on a command that is there.
    if let Mode::Palette { buffer, picked } = &mut app.mode {
        let count = commands(app.lang, app.tab, buffer).len();
        *picked = (*picked).min(count.saturating_sub(1));
    }
    Effect::None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_in_order_find_a_command_in_either_language() {
        let names = |lang, typed| -> Vec<String> {
            commands(lang, Tab::Sensitivity, typed).into_iter().map(|c| c.name).collect()
        };
        assert!(names(Lang::En, "svsc").iter().any(|n| n == "save the sliders as a scenario"));
        assert!(names(Lang::Fr, "scenario").iter().any(|n| n.contains("scénario")), "accents aside");
        assert!(names(Lang::En, "zzzz").is_empty());
        let all = commands(Lang::En, Tab::Sensitivity, "");
        assert!(all.iter().any(|c| c.action == Action::GoTab(Tab::Portfolio) && c.key == "7"));
        assert!(!all.iter().any(|c| c.action == Action::Up), "moving is not a command");
    }
}
