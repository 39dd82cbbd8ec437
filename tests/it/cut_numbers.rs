//! Issue 14: a number is never cut. Projects with extreme values (amounts of ±10¹², a
//! currency without a symbol, a 120-month horizon) are drawn at 80×24 in both languages, and
//! every figure a tab shows must appear whole in one of its forms — whole units, compact
//! (`-1 165 Md CHF`), or compact without its currency — never a cut piece of one. (Currency
//! codes are three letters: the format refuses others.)

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roi_workbench::domain::money::Amount;
use roi_workbench::i18n::Lang;
use roi_workbench::tui::action::Action;
use roi_workbench::tui::app::{App, Tab};
use roi_workbench::tui::theme::Theme;
use roi_workbench::tui::update::update;
use roi_workbench::tui::{view, workspace};
use rust_decimal::Decimal;

/// Every amount of the project of order 10¹²; benefits of `monthly` a month (the NPV is
/// about −1,2·10¹² with 9·10⁹, about +3·10¹² with 9·10¹⁰).
fn extreme(monthly: &str) -> String {
    format!(
        "schema = 1\n[project]\nname = \"Extrême\"\ndepartment = \"finance\"\nhorizon_months = 120\n\
         currency = \"CHF\"\nimpact = 8\nfeasibility = 3\n\
         [[benefits]]\nname = \"Gain\"\nkind = \"other\"\nmonthly_value = {monthly}\n\
         [[costs]]\nname = \"Investissement\"\ncategory = \"integration\"\none_off = 1000000000000\n\
         [[costs]]\nname = \"Licences\"\ncategory = \"licences\"\nmonthly = 7500000000\n\
         [[risks]]\nname = \"Risque\"\ncost = 900000000000\nprobability = 0.5\n"
    )
}

fn app(text: &str, lang: Lang) -> App {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("extreme.toml");
    std::fs::write(&path, text).unwrap();
    let opened = workspace::open(Some(&path), lang).unwrap();
    let mut app = App::new(opened.loaded, opened.portfolio, lang);
    app.screen = (80, 24);
    app
}

fn draw(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| view::view(app, frame, &Theme::monochrome())).unwrap();
    terminal.backend().to_string()
}

/// The figures each tab shows, as amounts.
fn figures_of(app: &App, tab: Tab) -> Vec<Decimal> {
    let figures = &app.figures;
    match tab {
        Tab::Summary => {
            vec![figures.flows.npv, figures.flows.at_horizon().tco, figures.risk_total.value()]
        }
        Tab::Tco => figures.cost_totals.iter().chain(&figures.risk_lines).map(|a| a.value()).collect(),
        Tab::Baseline => figures.benefit_values.iter().map(|a| a.value()).collect(),
        Tab::Sensitivity | Tab::Portfolio => vec![figures.flows.npv],
        Tab::Matrix => vec![figures.flows.npv, figures.flows.at_horizon().tco],
        Tab::Kpis => Vec::new(),
    }
}

/// A screen holds `form` whole: not inside a longer figure. Before it, a digit or a sign
/// would continue it, and so would a group separator and a digit when the form starts with
/// a full group of three digits (`1 090` cannot follow another group; `090` can). After it,
/// a digit, or a mark or a separator and a digit, when the form ends with a digit.
fn holds(screen: &str, form: &str) -> bool {
    let first_group = form.trim_start_matches('-').chars().take_while(char::is_ascii_digit).count();
    let ends_in_digit = form.chars().last().is_some_and(|c| c.is_ascii_digit());
    let separator = |c: char| matches!(c, ' ' | ',' | '.' | '\u{a0}');
    screen.match_indices(form).any(|(at, _)| {
        let before: Vec<char> = screen[..at].chars().rev().take(2).collect();
        let after: Vec<char> = screen[at + form.len()..].chars().take(2).collect();
        let continued_before = match before.as_slice() {
            [c, ..] if c.is_ascii_digit() || *c == '-' => true,
            [s, d] => separator(*s) && d.is_ascii_digit() && first_group == 3,
            _ => false,
        };
        let continued_after = ends_in_digit
            && match after.as_slice() {
                [c, ..] if c.is_ascii_digit() => true,
                [s, d] => separator(*s) && d.is_ascii_digit(),
                _ => false,
            };
        !continued_before && !continued_after
    })
}

fn check(lang: Lang, monthly: &str) -> Vec<String> {
    let mut app = app(&extreme(monthly), lang);
    let mut missing = Vec::new();
    for tab in Tab::ALL {
        update(&mut app, Action::GoTab(tab));
        if tab == Tab::Baseline {
            update(&mut app, Action::Bottom);
        }
        let screen = draw(&app);
        for value in figures_of(&app, tab) {
            let forms = lang.money_forms(Amount::new(value), "CHF");
            if !forms.iter().any(|form| holds(&screen, form)) {
                missing.push(format!("{lang:?} {tab:?}: {value} as none of {forms:?}\n{screen}"));
            }
        }
    }
    missing
}

#[test]
fn extreme_amounts_are_shown_whole_or_compact_never_cut() {
    for lang in [Lang::Fr, Lang::En] {
        for monthly in ["9000000000", "90000000000"] {
            let missing = check(lang, monthly);
            assert!(missing.is_empty(), "{}", missing.join("\n"));
        }
    }
}

/// The data table over the extreme project, its NPV and its ROI: every cell whole in one of
/// its forms.
#[test]
fn the_data_table_shows_every_cell_whole() {
    use roi_workbench::domain::money::Percent;
    use roi_workbench::tui::app::Mode;
    for lang in [Lang::Fr, Lang::En] {
        let mut app = app(&extreme("90000000000"), lang);
        update(&mut app, Action::GoTab(Tab::Sensitivity));
        update(&mut app, Action::OpenDataTable);
        for percent in [false, true] {
            let Mode::DataTable(table) = &app.mode else { panic!("no table") };
            let screen = draw(&app);
            for value in table.cells.iter().flatten().flatten() {
                let forms = match percent {
                    false => lang.money_forms(Amount::new(*value), "CHF"),
                    true => lang.percent_forms(Percent::new(*value)),
                };
                assert!(
                    forms.iter().any(|form| holds(&screen, form)),
                    "{lang:?}: {value} as none of {forms:?}\n{screen}"
                );
            }
            update(&mut app, Action::NextTab);
        }
    }
}

/// The check itself: a figure cut on screen is caught.
#[test]
fn a_cut_figure_is_caught() {
    assert!(holds("│VAN  -1 165 Md CHF│", "-1 165 Md CHF"));
    assert!(!holds("│VAN  -1 165 Md C│", "-1 165 Md CHF"));
    assert!(!holds("│ 165 Md CHF│", "-1 165 Md CHF"), "a figure missing its first digits");
    assert!(!holds("│1 000 000 000 00│", "1 000 000 000"), "a figure missing its last digits");
    assert!(!holds("│1 000 000 000 CHF│", "000 000 000 CHF"), "a figure missing its first group");
    assert!(!holds("│-1 000 000│", "1 000 000"), "a figure missing its sign");
    assert!(holds("│Année 1 1 090 Md CHF│", "1 090 Md CHF"), "a figure after a label's number");
}
