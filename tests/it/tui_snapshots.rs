//! Every tab of the workbench, drawn by ratatui's `TestBackend` at 80×24, 120×40 and 200×60, in
//! French and English, on the bundled sample portfolio; plus the overlays and the
//! "terminal too small" screen.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roi_workbench::domain::project::YearMonth;
use roi_workbench::i18n::Lang;
use roi_workbench::tui::action::Action;
use roi_workbench::tui::app::{App, Tab};
use roi_workbench::tui::theme::Theme;
use roi_workbench::tui::update::update;
use roi_workbench::tui::{view, workspace};
use std::path::PathBuf;

const SAMPLE: &str = "sample-data/factures-fournisseurs.toml";

fn app(lang: Lang) -> App {
    // A copy with fixed modification times: the Portfolio shows each file's date.
    let path = crate::common::sample_folder().join(SAMPLE.trim_start_matches("sample-data/"));
    let opened = workspace::open(Some(&path), lang).unwrap();
    let mut app = App::new(opened.loaded, opened.portfolio, lang);
    // Paths differ between machines; the file name is what the status bar shows.
    app.path = Some(PathBuf::from(SAMPLE));
    app
}

fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::view(app, frame, &Theme::monochrome())).unwrap();
    terminal.backend().to_string()
}

fn tab_name(tab: Tab) -> &'static str {
    match tab {
        Tab::Summary => "summary",
        Tab::Baseline => "baseline",
        Tab::Tco => "tco",
        Tab::Kpis => "kpis",
        Tab::Matrix => "matrix",
        Tab::Sensitivity => "sensitivity",
        Tab::Portfolio => "portfolio",
    }
}

/// A tab in a language at a size, its second row selected.
fn tab_snapshot(tab: Tab, lang: Lang, (width, height): (u16, u16)) {
    let mut app = app(lang);
    app.screen = (80, 24);
    update(&mut app, Action::GoTab(tab));
    update(&mut app, Action::Down);
    let name = format!("{}_{}_{width}x{height}", tab_name(tab), lang.code());
    insta::assert_snapshot!(name, draw(&app, width, height));
}

/// One test per tab, language and size, so that a failure shows every screen that changed.
macro_rules! tab_snapshots {
    ($($module:ident => $tab:expr),+ $(,)?) => {$(
        mod $module {
            use super::*;

            #[test]
            fn fr_80x24() {
                tab_snapshot($tab, Lang::Fr, (80, 24));
            }

            #[test]
            fn fr_120x40() {
                tab_snapshot($tab, Lang::Fr, (120, 40));
            }

            #[test]
            fn en_80x24() {
                tab_snapshot($tab, Lang::En, (80, 24));
            }

            #[test]
            fn en_120x40() {
                tab_snapshot($tab, Lang::En, (120, 40));
            }

            #[test]
            fn fr_200x60() {
                tab_snapshot($tab, Lang::Fr, (200, 60));
            }

            #[test]
            fn en_200x60() {
                tab_snapshot($tab, Lang::En, (200, 60));
            }
        }
    )+};
}

tab_snapshots!(
    summary => Tab::Summary,
    baseline => Tab::Baseline,
    tco => Tab::Tco,
    kpis => Tab::Kpis,
    matrix => Tab::Matrix,
    sensitivity => Tab::Sensitivity,
    portfolio => Tab::Portfolio,
);

#[test]
fn every_tab_has_its_snapshots() {
    assert_eq!(Tab::ALL.len(), 7, "a new tab needs its line in tab_snapshots!");
}

#[test]
fn help_overlay_lists_the_tab_keys() {
    let mut app = app(Lang::Fr);
    update(&mut app, Action::GoTab(Tab::Sensitivity));
    update(&mut app, Action::ToggleHelp);
    insta::assert_snapshot!("help_sensitivity_fr", draw(&app, 80, 24));
}

#[test]
fn sliders_moved_and_stress_applied() {
    let mut app = app(Lang::En);
    update(&mut app, Action::GoTab(Tab::Sensitivity));
    for _ in 0..4 {
        update(&mut app, Action::AdjustDriver(-1));
    }
    update(&mut app, Action::ToggleStress);
    insta::assert_snapshot!("sensitivity_moved_stressed_en", draw(&app, 80, 24));
}

#[test]
fn an_edit_refused_shows_its_error_inline() {
    let mut app = app(Lang::En);
    update(&mut app, Action::GoTab(Tab::Tco));
    update(&mut app, Action::Down);
    update(&mut app, Action::Edit);
    update(&mut app, Action::ClearInput);
    for c in "-10".chars() {
        update(&mut app, Action::Input(c));
    }
    update(&mut app, Action::Submit);
    insta::assert_snapshot!("tco_edit_refused_en", draw(&app, 120, 40));
}

#[test]
fn a_small_terminal_says_so() {
    let app = app(Lang::Fr);
    insta::assert_snapshot!("too_small_fr", draw(&app, 60, 20));
}

#[test]
fn the_kpi_picker_and_the_quit_question() {
    let mut app = app(Lang::Fr);
    update(&mut app, Action::GoTab(Tab::Kpis));
    update(&mut app, Action::Add);
    insta::assert_snapshot!("kpi_picker_fr", draw(&app, 80, 24));
    update(&mut app, Action::Submit);
    update(&mut app, Action::Quit);
    insta::assert_snapshot!("quit_question_fr", draw(&app, 80, 24));
}

#[test]
fn scenarios_side_by_side_and_monte_carlo() {
    let mut app = app(Lang::Fr);
    update(&mut app, Action::GoTab(Tab::Sensitivity));
    update(&mut app, Action::ShowScenarios);
    insta::assert_snapshot!("scenarios_fr", draw(&app, 80, 24));
    update(&mut app, Action::Cancel);
    roi_workbench::tui::dispatch(&mut app, Action::RunMonteCarlo);
    insta::assert_snapshot!("monte_carlo_fr", draw(&app, 120, 40));
}

/// The month the review is held in, fixed so that the snapshots do not age.
const TODAY: YearMonth = YearMonth { year: 2026, month: 11 };

fn type_in(app: &mut App, text: &str) {
    update(app, Action::ClearInput);
    for c in text.chars() {
        update(app, Action::Input(c));
    }
}

#[test]
fn the_quarterly_review_form_and_view_in_both_languages() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = app(lang);
        app.today = Some(TODAY);
        update(&mut app, Action::OpenReviewEntry);
        update(&mut app, Action::Down);
        type_in(&mut app, "12,5");
        insta::assert_snapshot!(format!("review_entry_{}", lang.code()), draw(&app, 80, 24));
        update(&mut app, Action::Cancel);
        update(&mut app, Action::ShowReview);
        insta::assert_snapshot!(format!("review_{}", lang.code()), draw(&app, 80, 24));
    }
}

#[test]
fn a_refused_quarter_and_a_recorded_one() {
    let mut app = app(Lang::Fr);
    app.today = Some(TODAY);
    update(&mut app, Action::OpenReviewEntry);
    update(&mut app, Action::Up);
    type_in(&mut app, "vingt mille");
    update(&mut app, Action::Submit);
    insta::assert_snapshot!("review_entry_refused_fr", draw(&app, 80, 24));
    type_in(&mut app, "20 000");
    update(&mut app, Action::Down);
    type_in(&mut app, "2026-10");
    update(&mut app, Action::Down);
    type_in(&mut app, "10");
    update(&mut app, Action::Submit);
    update(&mut app, Action::ToggleLang);
    update(&mut app, Action::Bottom);
    insta::assert_snapshot!("review_recorded_bottom_en", draw(&app, 80, 24));
}

/// The views over the tabs, each reached as a user would: the help, the command palette, a
/// choice list, the KPI catalogue, the quit question, the scenarios, the review and its entry
/// form.
#[derive(Debug, Clone, Copy)]
enum View {
    Help,
    Palette,
    ChoiceList,
    KpiCatalogue,
    QuitQuestion,
    Scenarios,
    Review,
    ReviewEntry,
    Explain,
    Spider,
    SpiderRoi,
    DataTable,
}

fn open_view(app: &mut App, view: View) {
    app.today = Some(TODAY);
    let (tab, actions): (Tab, &[Action]) = match view {
        View::Help => (Tab::Portfolio, &[Action::ToggleHelp]),
        View::Palette => (Tab::Sensitivity, &[Action::OpenPalette, Action::Input('s')]),
        View::ChoiceList => (Tab::Tco, &[Action::Down, Action::Right, Action::Edit]),
        View::KpiCatalogue => (Tab::Kpis, &[Action::Add]),
        View::QuitQuestion => (
            Tab::Sensitivity,
            &[
                Action::AdjustDriver(1),
                Action::SaveScenario,
                Action::Input('a'),
                Action::Submit,
                Action::Quit,
            ],
        ),
        View::Scenarios => (Tab::Sensitivity, &[Action::ShowScenarios]),
        View::Review => (Tab::Kpis, &[Action::ShowReview]),
        View::ReviewEntry => (Tab::Kpis, &[Action::OpenReviewEntry]),
        View::Explain => (Tab::Summary, &[Action::Explain, Action::Submit]),
        View::Spider => (Tab::Sensitivity, &[Action::ToggleSpider, Action::Down]),
        View::SpiderRoi => (Tab::Sensitivity, &[Action::ToggleSpider, Action::ToggleSpider, Action::Down]),
        View::DataTable => (Tab::Sensitivity, &[Action::OpenDataTable, Action::Down, Action::NextTab]),
    };
    update(app, Action::GoTab(tab));
    for action in actions {
        update(app, action.clone());
    }
}

fn view_snapshot(view: View, lang: Lang, (width, height): (u16, u16)) {
    let mut app = app(lang);
    app.screen = (width, height);
    open_view(&mut app, view);
    let name = format!("view_{view:?}_{}_{width}x{height}", lang.code()).to_lowercase();
    insta::assert_snapshot!(name, draw(&app, width, height));
}

/// One test per view, language and size.
macro_rules! view_snapshots {
    ($($module:ident => $view:expr),+ $(,)?) => {$(
        mod $module {
            use super::*;

            #[test]
            fn fr_80x24() {
                view_snapshot($view, Lang::Fr, (80, 24));
            }

            #[test]
            fn en_80x24() {
                view_snapshot($view, Lang::En, (80, 24));
            }

            #[test]
            fn fr_120x40() {
                view_snapshot($view, Lang::Fr, (120, 40));
            }

            #[test]
            fn en_120x40() {
                view_snapshot($view, Lang::En, (120, 40));
            }

            #[test]
            fn fr_200x60() {
                view_snapshot($view, Lang::Fr, (200, 60));
            }

            #[test]
            fn en_200x60() {
                view_snapshot($view, Lang::En, (200, 60));
            }
        }
    )+};
}

view_snapshots!(
    view_help => View::Help,
    view_palette => View::Palette,
    view_choice_list => View::ChoiceList,
    view_kpi_catalogue => View::KpiCatalogue,
    view_quit_question => View::QuitQuestion,
    view_scenarios => View::Scenarios,
    view_review => View::Review,
    view_review_entry => View::ReviewEntry,
    view_explain => View::Explain,
    view_spider => View::Spider,
    view_spider_roi => View::SpiderRoi,
    view_data_table => View::DataTable,
);

/// Issue 25: `e` on a Portfolio row explains that row's project, not the open one, and the
/// title names it.
#[test]
fn explaining_a_portfolio_row_names_its_project() {
    use roi_workbench::domain::Drivers;
    use roi_workbench::domain::explain::explain;
    use roi_workbench::tui::app::Mode;
    use roi_workbench::tui::effect::Effect;
    for lang in [Lang::Fr, Lang::En] {
        let mut app = app(lang);
        app.today = Some(TODAY);
        update(&mut app, Action::GoTab(Tab::Portfolio));
        update(&mut app, Action::Bottom);
        let row = app.selected_portfolio_entry().unwrap().path.clone();
        let Effect::LoadToExplain(path) = update(&mut app, Action::Explain) else {
            panic!("the row is read")
        };
        assert_eq!(path, row);
        let loaded = roi_workbench::store::load(&path).unwrap();
        let expected = explain(&loaded.project, &Drivers::default(), "roi_adjusted_pct", None).unwrap();
        assert_ne!(
            loaded.project.project.name, app.project.project.name,
            "another project than the open one"
        );
        update(&mut app, Action::LoadedToExplain(Box::new(loaded)));
        let Mode::Explain(explanation) = &app.mode else { panic!("{:?}", app.mode) };
        assert_eq!(explanation.stack.first(), Some(&expected));
        insta::assert_snapshot!(format!("portfolio_row_explained_{}", lang.code()), draw(&app, 80, 24));
    }
}

/// Issue 25: a 48-month project's Summary shows the method's checkpoints — 12, 24, 36 — and
/// its horizon, at every size, the chart giving way to the fourth column.
#[test]
fn a_48_month_project_shows_12_24_36_and_48() {
    for lang in [Lang::Fr, Lang::En] {
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            let path = crate::common::sample_folder().join("prevision-demande.toml");
            let opened = workspace::open(Some(&path), lang).unwrap();
            let mut app = App::new(opened.loaded, opened.portfolio, lang);
            app.path = Some(PathBuf::from("sample-data/prevision-demande.toml"));
            app.today = Some(TODAY);
            app.screen = (width, height);
            let screen = draw(&app, width, height);
            let header = screen.lines().find(|l| l.contains("12") && l.contains("24")).unwrap_or_default();
            assert!(["12", "24", "36", "48"].iter().all(|m| header.contains(m)), "{header}");
            insta::assert_snapshot!(format!("summary_48_months_{}_{width}x{height}", lang.code()), screen);
        }
    }
}

/// Issue 25: the scoring rubric is wrapped to the frame, never cut, in both languages.
#[test]
fn the_scoring_rubric_is_never_cut() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = app(lang);
        app.today = Some(TODAY);
        update(&mut app, Action::GoTab(Tab::Baseline));
        let grid = roi_workbench::tui::tabs::grid(&app).unwrap();
        let row = grid
            .rows
            .iter()
            .position(|r| {
                r.cells
                    .iter()
                    .any(|c| c.path.as_ref().is_some_and(|p| p.to_string() == "project.feasibility"))
            })
            .unwrap();
        app.cursor_mut().row = row;
        app.cursor_mut().column = 1;
        update(&mut app, Action::Edit);
        let screen = draw(&app, 80, 24);
        let sentence = lang.t(roi_workbench::i18n::Text::RubricFeasibility).lines().nth(1).unwrap();
        let last_word = sentence.split_whitespace().last().unwrap();
        assert!(screen.contains(last_word), "{screen}");
        insta::assert_snapshot!(format!("rubric_{}_80x24", lang.code()), screen);
    }
}
