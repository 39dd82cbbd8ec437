//! Any keys, in any order, on any sample, at any size, in either language: every key is read
//! through the keymap as the runtime reads it, `update` answers it, and every frame draws —
//! no panic, the selected slider within its list. The effects (saving, running a simulation)
//! are the runtime's and are not performed here.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roi_workbench::i18n::Lang;
use roi_workbench::tui::action::Action;
use roi_workbench::tui::app::App;
use roi_workbench::tui::keymap::action_for;
use roi_workbench::tui::theme::Theme;
use roi_workbench::tui::update::update;
use roi_workbench::tui::{view, workspace};

/// Letters, digits and marks the keymap binds, and the keys that move and answer.
fn key() -> impl Strategy<Value = KeyEvent> {
    let typed = "[a-zA-Z0-9?:+\\- ]".prop_map(|c: String| {
        let c = c.chars().next().unwrap_or(' ');
        let modifiers = if c.is_ascii_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
        KeyEvent::new(KeyCode::Char(c), modifiers)
    });
    let special = prop::sample::select(vec![
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Backspace,
        KeyCode::F(1),
    ])
    .prop_map(|code| KeyEvent::new(code, KeyModifiers::NONE));
    prop_oneof![3 => typed, 2 => special]
}

fn opened(sample: &str, lang: Lang, screen: (u16, u16)) -> App {
    let opened = workspace::open(Some(&super::common::sample(sample)), lang).unwrap();
    let mut app = App::new(opened.loaded, opened.portfolio, lang);
    update(&mut app, Action::Resize(screen.0, screen.1));
    app
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal.draw(|frame| view::view(app, frame, &Theme::monochrome())).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_keys_are_answered_and_every_frame_draws(
        keys in prop::collection::vec(key(), 1..80),
        sample in prop::sample::select(vec!["tri-cv", "assistant-code", "factures-fournisseurs"]),
        french in any::<bool>(),
        screen in (80u16..=200, 24u16..=60),
    ) {
        let lang = if french { Lang::Fr } else { Lang::En };
        let mut app = opened(sample, lang, screen);
        let mut terminal = Terminal::new(TestBackend::new(screen.0, screen.1)).unwrap();
        for key in keys {
            if let Some(action) = action_for(&app, key) {
                let _effect = update(&mut app, action);
            }
            draw(&mut terminal, &app);
            prop_assert!(app.driver < roi_workbench::domain::drivers::Driver::ALL.len());
        }
    }
}
