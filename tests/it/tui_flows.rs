//! The workbench driven by actions, as a user would with keys: (fixture, actions, expected
//! figures recomputed by the engine). No terminal, no disk writes.

use roi_workbench::domain::Figures;
use roi_workbench::domain::drivers::Driver;
use roi_workbench::i18n::Lang;
use roi_workbench::store::{self, edit::set_value};
use roi_workbench::tui::action::Action;
use roi_workbench::tui::app::{App, Mode, Tab};
use roi_workbench::tui::effect::Effect;
use roi_workbench::tui::update::update;
use rust_decimal_macros::dec;

fn app() -> App {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/domain-example.toml");
    let loaded = store::load(&path).unwrap();
    App::new(loaded, Vec::new(), Lang::En)
}

fn press(app: &mut App, actions: &[Action]) -> Effect {
    let mut last = Effect::None;
    for action in actions {
        last = update(app, action.clone());
    }
    last
}

fn type_text(app: &mut App, text: &str) {
    update(app, Action::ClearInput);
    for c in text.chars() {
        update(app, Action::Input(c));
    }
}

/// Row and column of the TCO tab's cell holding `path`.
fn select_cell(app: &mut App, path: &str) {
    let grid = roi_workbench::tui::tabs::grid(app).unwrap();
    for (r, row) in grid.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            if cell.path.as_ref().map(ToString::to_string).as_deref() == Some(path) {
                let cursor = app.cursor_mut();
                cursor.row = r;
                cursor.column = c;
                return;
            }
        }
    }
    panic!("no cell for {path}");
}

#[test]
fn editing_a_cost_changes_the_roi_by_what_the_engine_says_and_undo_restores_it() {
    let mut app = app();
    let before = app.figures.flows.at_horizon().roi_adjusted_pct();
    press(&mut app, &[Action::GoTab(Tab::Tco)]);
    select_cell(&mut app, "costs[1].monthly");
    press(&mut app, &[Action::Edit]);
    type_text(&mut app, "900");
    press(&mut app, &[Action::Submit]);
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.dirty);
    let expected_project =
        set_value(&app.history.undo[0], &"costs[1].monthly".parse_path(), "900", app.lang.convention())
            .unwrap();
    let expected = Figures::compute(&expected_project, &Default::default());
    assert_eq!(app.figures, expected);
    assert_eq!(app.project.costs[1].monthly, Some(dec!(900)));
    assert_ne!(app.figures.flows.at_horizon().roi_adjusted_pct(), before);

    press(&mut app, &[Action::Undo]);
    assert_eq!(app.project.costs[1].monthly, Some(dec!(600)));
    assert_eq!(app.figures.flows.at_horizon().roi_adjusted_pct(), before);
    press(&mut app, &[Action::Redo]);
    assert_eq!(app.project.costs[1].monthly, Some(dec!(900)));
}

trait ParsePath {
    fn parse_path(&self) -> roi_workbench::domain::validate::FieldPath;
}

impl ParsePath for str {
    fn parse_path(&self) -> roi_workbench::domain::validate::FieldPath {
        roi_workbench::domain::validate::FieldPath::parse(self).unwrap()
    }
}

#[test]
fn an_invalid_edit_is_refused_inline_and_changes_nothing() {
    let mut app = app();
    let project = app.project.clone();
    press(&mut app, &[Action::GoTab(Tab::Tco)]);
    select_cell(&mut app, "costs[1].monthly");
    press(&mut app, &[Action::Edit]);
    type_text(&mut app, "-5");
    press(&mut app, &[Action::Submit]);
    let Mode::Editing { error: Some(error), .. } = &app.mode else { panic!("{:?}", app.mode) };
    assert!(error.contains("negative"), "{error}");
    assert_eq!(app.project, project);
    press(&mut app, &[Action::Cancel]);
    assert_eq!(app.mode, Mode::Normal);
    assert!(!app.dirty);
}

#[test]
fn sliders_recompute_without_touching_the_project_and_reset() {
    let mut app = app();
    let project = app.project.clone();
    let base_npv = app.figures.flows.npv;
    press(&mut app, &[Action::GoTab(Tab::Sensitivity)]);
    assert_eq!(app.selected_driver(), Driver::Benefits);
    press(&mut app, &[Action::AdjustDriver(-1), Action::AdjustDriver(-1)]);
    assert_eq!(app.drivers.benefits, Some(dec!(0.90)));
    let expected = Figures::compute(&app.project, &app.drivers);
    assert_eq!(app.figures.flows.npv, expected.flows.npv);
    assert!(app.figures.flows.npv < base_npv);
    assert_eq!(app.project, project);
    assert!(!app.dirty);
    press(&mut app, &[Action::ResetDriver]);
    assert!(app.drivers.is_neutral());
    assert_eq!(app.figures.flows.npv, base_npv);
    press(&mut app, &[Action::Down, Action::AdjustDriver(2), Action::ResetAllDrivers]);
    assert!(app.drivers.is_neutral());
}

#[test]
fn a_slider_scenario_is_saved_in_the_project() {
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Sensitivity), Action::AdjustDriver(1), Action::SaveScenario]);
    type_text(&mut app, "prudent");
    press(&mut app, &[Action::Submit]);
    assert_eq!(app.project.scenarios.get("prudent").and_then(|d| d.benefits), Some(dec!(1.05)));
    assert!(app.dirty);
}

#[test]
fn the_nineteenth_kpi_is_refused_with_a_clear_message() {
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Kpis)]);
    while app.project.kpis.len() < 18 {
        app.cursor_mut().row = 0;
        press(&mut app, &[Action::Add]);
        assert!(matches!(app.mode, Mode::Picker { .. }));
        press(&mut app, &[Action::Submit]);
    }
    app.cursor_mut().row = 0;
    press(&mut app, &[Action::Add]);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.project.kpis.len(), 18);
    let status = app.status.clone().unwrap();
    assert!(status.is_error && status.text.contains("18"), "{status:?}");
}

#[test]
fn adding_and_deleting_rows_recomputes_and_can_be_undone() {
    let mut app = app();
    let tco = app.figures.flows.at_horizon().tco;
    press(&mut app, &[Action::GoTab(Tab::Tco)]);
    app.cursor_mut().row = 0;
    press(&mut app, &[Action::Add]);
    assert_eq!(app.project.costs.len(), 3);
    select_cell(&mut app, "costs[2].monthly");
    press(&mut app, &[Action::Edit]);
    type_text(&mut app, "100");
    press(&mut app, &[Action::Submit]);
    assert_eq!(app.figures.flows.at_horizon().tco, tco + dec!(100) * dec!(36) * dec!(1.1));
    press(&mut app, &[Action::Delete, Action::Delete]);
    assert_eq!(app.project.costs.len(), 2);
    assert_eq!(app.figures.flows.at_horizon().tco, tco);
    press(&mut app, &[Action::Undo]);
    assert_eq!(app.project.costs.len(), 3);
}

#[test]
fn a_measurement_is_added_to_the_selected_kpi() {
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Kpis), Action::Down, Action::AddMeasurement]);
    type_text(&mut app, "9 27.5");
    press(&mut app, &[Action::Submit]);
    let last = app.project.kpis[0].latest().unwrap();
    assert_eq!((last.month, last.value.0), (9, dec!(27.5)));
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Sensitivity), Action::AdjustDriver(1), Action::SaveScenario]);
    type_text(&mut app, "x");
    press(&mut app, &[Action::Submit]);
    assert_eq!(press(&mut app, &[Action::Quit]), Effect::None);
    assert_eq!(app.mode, Mode::ConfirmQuit);
    press(&mut app, &[Action::Decline]);
    assert!(!app.should_quit);
    press(&mut app, &[Action::Quit]);
    assert_eq!(press(&mut app, &[Action::Confirm]), Effect::Quit);
    assert!(app.should_quit);
}

#[test]
fn saving_asks_the_runtime_to_check_for_other_writers() {
    let mut app = app();
    let Effect::Save { known, .. } = press(&mut app, &[Action::Save]) else { panic!() };
    assert_eq!(known, app.fingerprint);
}

#[test]
fn help_lists_the_keys_and_closes() {
    let mut app = app();
    press(&mut app, &[Action::ToggleHelp]);
    assert!(app.help);
    press(&mut app, &[Action::ToggleHelp]);
    assert!(!app.help);
    assert_eq!(app.mode, Mode::Normal);
}

/// Issue 14: the help works over every view, lists that view's keys, and leaves the view as
/// it was when it closes.
#[test]
fn help_opens_over_a_view_and_returns_to_it() {
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Kpis), Action::ShowReview, Action::ToggleHelp]);
    assert!(app.help && matches!(app.mode, Mode::Review { .. }));
    let keys: Vec<&str> =
        roi_workbench::tui::keymap::help_entries(&app).into_iter().map(|(k, _)| k).collect();
    assert!(keys.contains(&"T") && keys.contains(&"Esc / q / v") && keys.contains(&"?"), "{keys:?}");
    press(&mut app, &[Action::ToggleHelp]);
    assert!(!app.help && matches!(app.mode, Mode::Review { .. }), "back in the review");
}

/// Issue 14: the palette finds an action by its name and runs it as its key would.
#[test]
fn the_palette_runs_an_action_found_by_name() {
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Sensitivity), Action::OpenPalette]);
    type_text(&mut app, "stress");
    press(&mut app, &[Action::Submit]);
    assert!(app.stress_view, "the ×2/÷2 stress applied");
    assert_eq!(app.mode, Mode::Normal);
    press(&mut app, &[Action::OpenPalette]);
    type_text(&mut app, "portefeuille");
    press(&mut app, &[Action::Submit]);
    assert_eq!(app.tab, Tab::Sensitivity, "English names in the English UI: nothing matched");
    press(&mut app, &[Action::OpenPalette]);
    type_text(&mut app, "tab portfolio");
    press(&mut app, &[Action::Submit]);
    assert_eq!(app.tab, Tab::Portfolio);
}

#[test]
fn goal_seek_moves_the_slider_to_the_value_the_engine_confirms() {
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Sensitivity), Action::Down, Action::GoalSeek]);
    assert_eq!(app.selected_driver(), Driver::Costs);
    type_text(&mut app, "npv=0");
    press(&mut app, &[Action::Submit]);
    assert_eq!(app.mode, Mode::Normal);
    let costs = app.drivers.costs.unwrap();
    assert!(costs > dec!(1), "{costs}");
    assert!(app.figures.flows.npv.abs() < dec!(1), "{}", app.figures.flows.npv);
    assert!(!app.dirty, "goal seek moves a slider, not the project");
}

#[test]
fn an_unreachable_goal_is_said_inline() {
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Sensitivity), Action::GoalSeek]);
    type_text(&mut app, "break_even=1");
    press(&mut app, &[Action::Submit]);
    let Mode::Prompt { error: Some(error), .. } = &app.mode else { panic!("{:?}", app.mode) };
    assert!(error.contains("Benefits"), "{error}");
}

#[test]
fn scenarios_are_compared_applied_renamed_and_deleted() {
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Sensitivity), Action::ShowScenarios]);
    let Mode::Scenarios { rows, .. } = &app.mode else { panic!() };
    assert_eq!(rows.len(), 2, "base and pessimiste");
    press(&mut app, &[Action::Down, Action::Submit]);
    assert_eq!(app.drivers, app.project.scenarios["pessimiste"]);
    assert!(!app.dirty);
    press(&mut app, &[Action::ShowScenarios, Action::Down, Action::Rename]);
    type_text(&mut app, "prudent");
    press(&mut app, &[Action::Submit]);
    assert!(app.project.scenarios.contains_key("prudent"));
    // Issue 25: a name another scenario has is refused as such, not as "empty or invalid".
    press(&mut app, &[Action::AdjustDriver(1), Action::SaveScenario]);
    type_text(&mut app, "autre");
    press(&mut app, &[Action::Submit, Action::ShowScenarios, Action::Down, Action::Rename]);
    press(&mut app, &[Action::ClearInput]);
    type_text(&mut app, "autre");
    press(&mut app, &[Action::Submit]);
    let said = match &app.mode {
        Mode::Prompt { error: Some(error), .. } => error.clone(),
        _ => app.status.as_ref().map(|s| s.text.clone()).unwrap_or_default(),
    };
    assert!(said.contains("Another scenario already has this name"), "{said} / {:?}", app.mode);
    press(&mut app, &[Action::Cancel, Action::Cancel]);
    press(&mut app, &[Action::ShowScenarios, Action::Down, Action::Down, Action::Delete]);
    press(&mut app, &[Action::Cancel]);
    press(&mut app, &[Action::ShowScenarios, Action::Down, Action::Delete]);
    assert!(app.project.scenarios.is_empty());
    press(&mut app, &[Action::Cancel, Action::Undo]);
    assert!(app.project.scenarios.contains_key("prudent"));
}

#[test]
fn prudence_presets_and_the_tornado_width() {
    let mut app = app();
    press(
        &mut app,
        &[Action::GoTab(Tab::Sensitivity), Action::Preset(roi_workbench::tui::action::Preset::PocGains)],
    );
    assert_eq!(app.drivers.benefits, Some(dec!(0.65)));
    let first = app.tornado[0];
    press(&mut app, &[Action::CycleTornadoWidth]);
    assert_eq!(app.tornado_width, dec!(0.30));
    assert!(app.tornado[0].npv_swing() > first.npv_swing());
}

#[test]
fn a_monte_carlo_run_shows_its_results() {
    let mut app = app();
    roi_workbench::tui::dispatch(&mut app, Action::GoTab(Tab::Sensitivity));
    roi_workbench::tui::dispatch(&mut app, Action::RunMonteCarlo);
    assert_eq!(app.mode, Mode::MonteCarlo);
    let roi_workbench::tui::app::SimulationState::Done(run) = &app.simulation else { panic!() };
    let roi = run.roi_adjusted_pct.unwrap();
    assert!(roi.p10 <= roi.p50 && roi.p50 <= roi.p90);
    press(&mut app, &[Action::Cancel]);
    assert_eq!(app.mode, Mode::Normal);
    press(&mut app, &[Action::AdjustDriver(1)]);
    assert_eq!(
        app.simulation,
        roi_workbench::tui::app::SimulationState::Idle,
        "a run of other inputs is dropped"
    );
}

fn folder_app(dir: &std::path::Path) -> App {
    let opened = roi_workbench::tui::workspace::open(Some(dir), Lang::En).unwrap();
    App::new(opened.loaded, opened.portfolio, Lang::En)
}

#[test]
fn the_portfolio_tab_sorts_filters_and_opens() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let mut app = folder_app(&folder);
    press(&mut app, &[Action::GoTab(Tab::Portfolio)]);
    assert_eq!(app.portfolio_view.order.len(), 6);
    assert_eq!(app.portfolio_view.totals.quadrants, [3, 1, 1, 1]);
    press(&mut app, &[Action::Filter]);
    type_text(&mut app, "hr");
    press(&mut app, &[Action::Submit]);
    assert_eq!(app.portfolio_view.order.len(), 1);
    let only = app.selected_portfolio_entry().unwrap().path.clone();
    assert!(only.ends_with("tri-cv.toml"));
    press(&mut app, &[Action::Filter, Action::ClearInput, Action::Submit, Action::CycleSort]);
    assert_eq!(app.portfolio_view.order.len(), 6);
    let Effect::Open(path) = press(&mut app, &[Action::Bottom, Action::OpenSelected]) else { panic!() };
    assert_eq!(path, app.selected_portfolio_entry().unwrap().path);
}

#[test]
fn portfolio_files_are_created_duplicated_renamed_and_archived_through_the_runtime() {
    let dir = tempfile::tempdir().unwrap();
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    std::fs::copy(samples.join("tri-cv.toml"), dir.path().join("a.toml")).unwrap();
    std::fs::copy(samples.join("assistant-code.toml"), dir.path().join("b.toml")).unwrap();
    let mut app = folder_app(dir.path());
    let dispatch = roi_workbench::tui::dispatch;
    dispatch(&mut app, Action::GoTab(Tab::Portfolio));
    dispatch(&mut app, Action::NewProject);
    for c in "Chatbot RH été".chars() {
        dispatch(&mut app, Action::Input(c));
    }
    dispatch(&mut app, Action::Submit);
    let created = dir.path().join("chatbot-rh-ete.toml");
    assert!(created.exists(), "a safe file name from the project's name");
    assert_eq!(app.path.as_ref(), Some(&created), "the new project is open");
    assert_eq!(app.project.project.name, "Chatbot RH été");
    assert_eq!(app.portfolio.len(), 3, "the folder was read again");
    let said = app.status.as_ref().map(|s| s.text.clone()).unwrap_or_default();
    assert!(
        said.contains("chatbot-rh-ete.toml"),
        "the creation is still said once the project is open: {said}"
    );
    dispatch(&mut app, Action::GoTab(Tab::Portfolio));
    // Duplicating onto an existing name is refused, and nothing is overwritten.
    let before = std::fs::read(dir.path().join("a.toml")).unwrap();
    dispatch(&mut app, Action::DuplicateProject);
    dispatch(&mut app, Action::ClearInput);
    for c in "a".chars() {
        dispatch(&mut app, Action::Input(c));
    }
    dispatch(&mut app, Action::Submit);
    assert!(app.status.as_ref().unwrap().is_error);
    assert_eq!(std::fs::read(dir.path().join("a.toml")).unwrap(), before);
    // Archive a project that is not the open one.
    let open = app.path.clone().unwrap();
    let index = app.portfolio_view.order.iter().position(|i| app.portfolio[*i].path != open).unwrap();
    app.portfolio_view.selected = index;
    let archived = app.selected_portfolio_entry().unwrap().path.clone();
    dispatch(&mut app, Action::ArchiveProject);
    dispatch(&mut app, Action::ArchiveProject);
    assert!(!archived.exists());
    assert!(dir.path().join("archive").join(archived.file_name().unwrap()).exists());
    assert_eq!(app.portfolio.len(), 2);
}

#[test]
fn the_portfolio_reads_subfolders_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    std::fs::copy(samples.join("tri-cv.toml"), dir.path().join("a.toml")).unwrap();
    std::fs::create_dir(dir.path().join("clients")).unwrap();
    std::fs::copy(samples.join("assistant-code.toml"), dir.path().join("clients/b.toml")).unwrap();
    // Issue 25: what `x` archived stays out of the portfolio, subfolders or not.
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    std::fs::copy(samples.join("prevision-demande.toml"), dir.path().join("archive/c.toml")).unwrap();
    let mut app = folder_app(dir.path());
    assert_eq!(app.portfolio.len(), 1);
    roi_workbench::tui::dispatch(&mut app, Action::GoTab(Tab::Portfolio));
    roi_workbench::tui::dispatch(&mut app, Action::ToggleSubfolders);
    assert_eq!(app.portfolio.len(), 2, "{:?}", app.portfolio.iter().map(|e| &e.row.file).collect::<Vec<_>>());
    assert!(app.portfolio.iter().any(|e| e.row.file == "clients/b.toml"));
    assert_eq!(
        app.portfolio_view.totals.quadrants.iter().sum::<usize>(),
        2,
        "the totals count no archived project"
    );
    let archived = roi_workbench::store::project_files(&dir.path().join("archive"), false).unwrap();
    assert_eq!(archived.len(), 1, "the archive folder itself still lists them");
    roi_workbench::tui::dispatch(&mut app, Action::ToggleSubfolders);
    assert_eq!(app.portfolio.len(), 1);
}

/// The example's review is held in September 2026, month 9 of the project.
fn reviewed_in_september() -> App {
    let mut app = app();
    app.today = Some(roi_workbench::domain::project::YearMonth { year: 2026, month: 9 });
    app
}

#[test]
fn a_quarter_recorded_below_baseline_shows_in_the_review_with_its_decision() {
    use roi_workbench::domain::kpi::KpiStatus;
    use roi_workbench::domain::review::{Reason, Verdict};
    use roi_workbench::tui::review::{OverdueList, sheet};
    let mut app = reviewed_in_september();
    let before = sheet(&app);
    assert!(before.alerts.is_empty());
    let OverdueList::Due(late) = &before.overdue else { panic!("{:?}", before.overdue) };
    assert_eq!(late.iter().map(|o| (o.kpi, o.months_late)).collect::<Vec<_>>(), vec![(0, 2)]);

    // T, the date, the KPI below its baseline of 0, then the benefits measured since the start.
    press(&mut app, &[Action::OpenReviewEntry]);
    type_text(&mut app, "2026-08");
    press(&mut app, &[Action::Down]);
    type_text(&mut app, "-2");
    press(&mut app, &[Action::Down]);
    type_text(&mut app, "9 000");
    press(&mut app, &[Action::Submit]);

    assert_eq!(app.mode, Mode::Review { scroll: 0 });
    let after = sheet(&app);
    assert_eq!(after.alerts.len(), 1);
    assert_eq!(after.alerts[0].status, KpiStatus::OffTrack);
    assert_eq!(
        after.alerts[0].decision.as_deref(),
        Some("Sous 15 % à 6 mois : revoir le périmètre du pilote")
    );
    assert_eq!(after.overdue, OverdueList::Due(Vec::new()), "measured in month 8, due again after month 9");
    assert_eq!(after.decision.verdict, Verdict::Pivot);
    assert!(after.decision.reasons.contains(&Reason::KpisOffTrack { off: 1, measured: 1 }));
    let at_twelve = after.milestones.iter().find(|m| m.milestone == 12).unwrap();
    assert_eq!(at_twelve.measured.map(|m| (m.month, m.benefits)), Some((8, dec!(9000))));

    let text: Vec<String> =
        roi_workbench::tui::tabs::review::lines(&app, 78).into_iter().map(|(_, line)| line).collect();
    let shown = |wanted: &str| text.iter().any(|line| line.contains(wanted));
    assert!(shown("Proposed decision: Pivot"), "{text:#?}");
    assert!(shown("✗ Temps gagné par tâche — off track"), "{text:#?}");
    assert!(shown("→ Sous 15 % à 6 mois : revoir le périmètre du pilote"), "{text:#?}");
    assert!(shown("No measurement is overdue."), "{text:#?}");
}

#[test]
fn the_summary_key_writes_the_markdown_and_the_html_beside_the_file_and_says_where() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("factures.toml");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/domain-example.toml"),
        &file,
    )
    .unwrap();
    let toml_before = std::fs::read_to_string(&file).unwrap();
    let mut app = App::new(store::load(&file).unwrap(), Vec::new(), Lang::Fr);
    app.today = Some(roi_workbench::domain::project::YearMonth { year: 2026, month: 9 });

    roi_workbench::tui::dispatch(&mut app, Action::WriteSummary);

    let written = folder.path().join("factures.summary.md");
    let text = std::fs::read_to_string(&written).unwrap();
    assert_eq!(text, roi_workbench::tui::review::summary_markdown(&app));
    assert!(text.starts_with("# Automatisation du traitement des factures\n"), "{text}");
    assert!(text.contains("## Situation") && text.contains("Revue au : 2026-09"), "{text}");
    let status = app.status.clone().unwrap();
    assert!(!status.is_error);
    assert_eq!(status.text, format!("Synthèse écrite : {} + .html", written.display()));
    let page = std::fs::read_to_string(folder.path().join("factures.summary.html")).unwrap();
    assert_eq!(page, roi_workbench::tui::review::summary_html(&app));
    let mut names: Vec<_> =
        std::fs::read_dir(folder.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    assert_eq!(
        names,
        ["factures.summary.html", "factures.summary.md", "factures.toml"],
        "no temporary file left"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), toml_before);
    assert!(!app.dirty);
}

#[test]
fn the_summary_carries_the_monte_carlo_run_only_when_it_is_of_the_project_as_saved() {
    let spread = "P10 – P90 range";
    let mut app = reviewed_in_september();
    assert!(!roi_workbench::tui::review::summary_markdown(&app).contains(spread));
    roi_workbench::tui::dispatch(&mut app, Action::RunMonteCarlo);
    assert!(roi_workbench::tui::review::summary_markdown(&app).contains(spread));
    // A run made with the sliders moved is of other inputs than the summary's figures.
    press(&mut app, &[Action::Cancel, Action::GoTab(Tab::Sensitivity), Action::AdjustDriver(-1)]);
    roi_workbench::tui::dispatch(&mut app, Action::RunMonteCarlo);
    assert!(matches!(app.simulation, roi_workbench::tui::app::SimulationState::Done(_)));
    assert!(!roi_workbench::tui::review::summary_markdown(&app).contains(spread));
}

#[test]
fn switching_language_leaves_no_message_in_the_other_one() {
    let mut app = app();
    press(&mut app, &[Action::Undo]);
    assert_eq!(app.status.as_ref().map(|s| s.text.as_str()), Some("Nothing to undo."));
    press(&mut app, &[Action::ToggleLang]);
    assert_eq!(app.lang, Lang::Fr);
    assert!(app.status.is_none(), "the key hint, in French, replaces the English message");
}

#[test]
fn a_new_month_moves_the_review_without_disturbing_what_is_on_screen() {
    use roi_workbench::domain::project::YearMonth;
    let mut app = app();
    app.today = Some(YearMonth { year: 2026, month: 5 });
    for mode in [Mode::Normal, Mode::MonteCarlo, Mode::Review { scroll: 0 }] {
        app.mode = mode.clone();
        let december = YearMonth { year: 2026, month: 12 };
        assert_eq!(press(&mut app, &[Action::Today(december)]), Effect::None);
        assert_eq!((app.today, &app.mode), (Some(december), &mode));
    }
}

/// Issue 11: a Monte Carlo result computed for other inputs is dropped, never shown.
#[test]
fn a_run_finished_after_the_inputs_changed_is_dropped() {
    use roi_workbench::domain::montecarlo::simulate;
    use roi_workbench::tui::app::SimulationState;
    let mut app = app();
    let run_for = |effect: Effect| match effect {
        Effect::Simulate { project, drivers, simulation, revision } => {
            (Box::new(simulate(&project, &drivers, simulation, &|_| {})), revision)
        }
        other => panic!("expected a run, got {other:?}"),
    };
    let (run, revision) = run_for(press(&mut app, &[Action::RunMonteCarlo]));
    press(&mut app, &[Action::GoTab(Tab::Sensitivity), Action::AdjustDriver(1)]);
    press(&mut app, &[Action::SimulationDone { run, revision }]);
    assert_eq!(app.simulation, SimulationState::Idle, "a stale result is dropped");
    assert!(app.status.as_ref().is_some_and(|s| s.text.contains("inputs changed")));

    let (run, revision) = run_for(press(&mut app, &[Action::RunMonteCarlo]));
    press(&mut app, &[Action::SimulationDone { run, revision }]);
    assert!(matches!(app.simulation, SimulationState::Done(_)), "a result for the inputs on screen is kept");
    assert!(app.status.as_ref().is_some_and(|s| s.text.contains("finished")));
}

/// Issue 11: a range, its source and confidence stay with their line through deletion, undo
/// and redo, and the likely value's edit keeps the range while it holds.
#[test]
fn ranges_follow_their_line_through_delete_undo_and_redo() {
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Tco)]);
    select_cell(&mut app, "costs[0].one_off.range");
    press(&mut app, &[Action::Edit]);
    type_text(&mut app, "20000-40000");
    press(&mut app, &[Action::Submit]);
    let ranged = app.project.costs[0].clone();
    assert_eq!(ranged.ranges.len(), 1, "{:?}", app.mode);
    select_cell(&mut app, "costs[0].name");
    press(&mut app, &[Action::Delete, Action::Delete]);
    assert!(app.project.costs.iter().all(|c| c.ranges.is_empty()), "the range left with its line");
    press(&mut app, &[Action::Undo]);
    assert_eq!(app.project.costs[0], ranged);
    assert!(app.project.costs[1..].iter().all(|c| c.ranges.is_empty()));
    press(&mut app, &[Action::Redo, Action::Undo]);
    assert_eq!(app.project.costs[0], ranged);
    select_cell(&mut app, "costs[0].one_off");
    press(&mut app, &[Action::Edit]);
    type_text(&mut app, "30000");
    press(&mut app, &[Action::Submit]);
    assert_eq!(app.project.costs[0].ranges, ranged.ranges, "30 000 is within 20 000–40 000");
    press(&mut app, &[Action::Edit]);
    type_text(&mut app, "50000");
    press(&mut app, &[Action::Submit]);
    assert!(app.project.costs[0].ranges.is_empty());
    assert!(app.status.as_ref().is_some_and(|s| s.text.contains("range no longer held")));
}

/// Issue 11: `y` proposes a free copy name that Enter accepts; renaming the open project moves
/// the workbench to the new name (it saves there, not to the old one, which stays gone).
#[test]
fn duplicate_proposes_a_free_name_and_rename_moves_the_open_project() {
    let dir = tempfile::tempdir().unwrap();
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    std::fs::copy(samples.join("tri-cv.toml"), dir.path().join("a.toml")).unwrap();
    let mut app = folder_app(dir.path());
    let dispatch = roi_workbench::tui::dispatch;
    dispatch(&mut app, Action::GoTab(Tab::Portfolio));
    for expected in ["a (copy)", "a (copy 2)"] {
        app.portfolio_view.selected =
            app.portfolio_view.order.iter().position(|i| app.portfolio[*i].path.ends_with("a.toml")).unwrap();
        dispatch(&mut app, Action::DuplicateProject);
        assert!(matches!(&app.mode, Mode::Prompt { buffer, .. } if buffer == expected), "{:?}", app.mode);
        dispatch(&mut app, Action::Submit);
        let copy = std::fs::read_to_string(dir.path().join(format!("{expected}.toml"))).unwrap();
        let original = std::fs::read_to_string(dir.path().join("a.toml")).unwrap();
        let name = "Présélection des candidatures";
        assert_eq!(copy, original.replace(&format!("\"{name}\""), &format!("\"{name} (copy)\"")));
    }

    let open = app.path.clone().unwrap();
    app.portfolio_view.selected =
        app.portfolio_view.order.iter().position(|i| app.portfolio[*i].path == open).unwrap();
    dispatch(&mut app, Action::RenameProject);
    dispatch(&mut app, Action::ClearInput);
    for c in "renamed".chars() {
        dispatch(&mut app, Action::Input(c));
    }
    dispatch(&mut app, Action::Submit);
    assert_eq!(app.path.as_deref(), Some(dir.path().join("renamed.toml").as_path()));
    press(&mut app, &[Action::GoTab(Tab::Tco), Action::Down]);
    select_cell(&mut app, "costs[0].monthly");
    press(&mut app, &[Action::Edit]);
    type_text(&mut app, "700");
    press(&mut app, &[Action::Submit]);
    dispatch(&mut app, Action::Save);
    assert!(!open.exists(), "the old name is not re-created");
    assert!(std::fs::read_to_string(dir.path().join("renamed.toml")).unwrap().contains("monthly = 700"));
}

/// Issue 11: "reload theirs" keeps the changes unsaved until the reload succeeds.
#[test]
fn a_failed_reload_keeps_the_unsaved_changes() {
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Sensitivity), Action::AdjustDriver(1), Action::SaveScenario]);
    type_text(&mut app, "essai");
    press(&mut app, &[Action::Submit]);
    assert!(app.dirty);
    app.mode = Mode::Conflict { disk_text: String::new(), comparison: None };
    let effect = press(&mut app, &[Action::Reload]);
    assert!(matches!(effect, Effect::Open(_)));
    assert!(app.dirty, "still unsaved while theirs is not loaded");
    press(&mut app, &[Action::OpenFailed("unreadable".into())]);
    press(&mut app, &[Action::Quit]);
    assert_eq!(app.mode, Mode::ConfirmQuit, "quitting asks: nothing was lost");
}

/// Issue 14: a choice field is picked from its values named in the UI's language: the list
/// opens on the current value, arrows move, typing filters (case and accents aside), Enter takes
/// the highlighted value; a text that matches nothing is refused with the names to choose from.
#[test]
fn a_choice_field_is_picked_from_a_list_in_the_users_language() {
    use roi_workbench::domain::project::Department;
    let mut app = app();
    app.lang = Lang::Fr;
    press(&mut app, &[Action::GoTab(Tab::Baseline)]);
    select_cell(&mut app, "project.department");
    press(&mut app, &[Action::Edit]);
    let finance = Department::ALL.iter().position(|d| *d == Department::Finance).unwrap();
    assert!(
        matches!(&app.mode, Mode::Editing { picked, label, .. } if *picked == finance && label == "Service"),
        "{:?}",
        app.mode
    );
    press(&mut app, &[Action::Down, Action::Submit]);
    assert_eq!(
        app.project.project.department,
        Department::ALL.get(finance + 1).copied(),
        "the next one down"
    );
    press(&mut app, &[Action::Edit]);
    type_text(&mut app, "LOGICIEL");
    press(&mut app, &[Action::Submit]);
    assert_eq!(app.project.project.department, Some(Department::Software));
    press(&mut app, &[Action::Edit]);
    type_text(&mut app, "cuisine");
    press(&mut app, &[Action::Submit]);
    let Mode::Editing { error: Some(error), .. } = &app.mode else { panic!("refused: {:?}", app.mode) };
    assert!(error.starts_with("Choisissez parmi : ") && error.contains("Développement logiciel"), "{error}");
    press(&mut app, &[Action::Cancel]);
    let shown = roi_workbench::tui::tabs::grid(&app).unwrap();
    let cells: Vec<&str> = shown.rows.iter().flat_map(|r| r.cells.iter().map(|c| c.text.as_str())).collect();
    assert!(cells.contains(&"Développement logiciel") && !cells.contains(&"software"));
}

/// Issue 14: the currency is picked among common ISO codes, or typed as any other code.
#[test]
fn a_currency_is_picked_or_typed_as_an_iso_code() {
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Baseline)]);
    select_cell(&mut app, "project.currency");
    press(&mut app, &[Action::Edit]);
    type_text(&mut app, "swiss");
    press(&mut app, &[Action::Submit]);
    assert_eq!(app.project.project.currency.as_deref(), Some("CHF"));
    press(&mut app, &[Action::Edit]);
    type_text(&mut app, "huf");
    press(&mut app, &[Action::Submit]);
    assert_eq!(app.project.project.currency.as_deref(), Some("HUF"), "a code not listed");
    press(&mut app, &[Action::Edit]);
    type_text(&mut app, "forint");
    press(&mut app, &[Action::Submit]);
    assert!(matches!(&app.mode, Mode::Editing { error: Some(_), .. }), "not a code: refused");
}

/// Issue 14: `d` on an input clears that input; on a line it asks once before deleting it.
#[test]
fn d_clears_an_input_and_asks_before_deleting_a_line() {
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Baseline)]);
    let benefits = app.project.benefits.len();
    select_cell(&mut app, "benefits[0].hourly_cost");
    press(&mut app, &[Action::Delete]);
    assert_eq!(app.project.benefits.len(), benefits, "the benefit stays");
    assert_eq!(app.project.benefits[0].hourly_cost, None, "its input is cleared");
    press(&mut app, &[Action::Undo]);
    select_cell(&mut app, "benefits[0].name");
    press(&mut app, &[Action::Delete]);
    assert_eq!(app.project.benefits.len(), benefits, "asked first");
    assert!(app.status.as_ref().is_some_and(|s| s.text.contains("again")));
    press(&mut app, &[Action::Down, Action::Up, Action::Delete]);
    assert_eq!(app.project.benefits.len(), benefits, "another key in between asks again");
    press(&mut app, &[Action::Delete]);
    assert_eq!(app.project.benefits.len(), benefits - 1);
}

/// Issue 14: unsaved means different from the file (undoing back to it is clean), and a
/// message answers one action only.
#[test]
fn the_status_bar_follows_the_state() {
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Tco)]);
    select_cell(&mut app, "costs[1].monthly");
    press(&mut app, &[Action::Edit]);
    type_text(&mut app, "900");
    press(&mut app, &[Action::Submit]);
    assert!(app.dirty && app.status.is_some());
    press(&mut app, &[Action::Down]);
    assert_eq!(app.status, None, "the message of the edit is gone at the next key");
    press(&mut app, &[Action::Undo]);
    assert!(!app.dirty, "back to the file's values: nothing to save");
    press(&mut app, &[Action::Redo]);
    assert!(app.dirty);
}

/// Issue 14: the Summary shows the ROI at the horizon whatever it is, and scrolls.
#[test]
fn the_summary_shows_the_horizon_and_scrolls() {
    let mut app = app();
    app.project.project.horizon_months = Some(48);
    app.recompute();
    let draw = |app: &App| {
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        let theme = roi_workbench::tui::theme::Theme::monochrome();
        terminal.draw(|frame| roi_workbench::tui::view::view(app, frame, &theme)).unwrap();
        let buffer = terminal.backend().buffer().clone();
        (0..24)
            .map(|y| (0..80).map(|x| buffer[(x, y)].symbol().to_owned()).collect::<String>())
            .collect::<Vec<_>>()
    };
    let screen = draw(&app);
    assert!(screen[2].contains("48"), "the horizon's column: {}", screen[2]);
    press(&mut app, &[Action::GoTab(Tab::Summary), Action::Bottom]);
    assert!(app.cursor().row > 0, "G moves down the Summary");
}

/// Issue 14: a benefit whose kind changes loses the inputs the new kind does not read, and is
/// told so; a currency is a three-letter ISO code.
#[test]
fn a_kind_change_removes_unused_inputs_and_a_currency_is_an_iso_code() {
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Baseline)]);
    assert!(app.project.benefits[0].volume_per_month.is_some());
    select_cell(&mut app, "benefits[0].kind");
    press(&mut app, &[Action::Edit]);
    type_text(&mut app, "other");
    press(&mut app, &[Action::Submit]);
    let line = &app.project.benefits[0];
    assert_eq!((line.volume_per_month, line.hourly_cost), (None, None), "inputs of the old kind removed");
    assert!(app.status.as_ref().is_some_and(|s| s.text.contains("Volume / month")), "{:?}", app.status);
    select_cell(&mut app, "project.currency");
    press(&mut app, &[Action::Edit]);
    type_text(&mut app, "xx");
    press(&mut app, &[Action::Submit]);
    assert!(matches!(&app.mode, Mode::Editing { error: Some(_), .. }), "two letters are refused");
    type_text(&mut app, "euro");
    press(&mut app, &[Action::Submit]);
    assert_eq!(
        app.project.project.currency.as_deref(),
        Some("EUR"),
        "`euro` picks the euro's code, never stored as is"
    );
}

/// Issue 14: a click on a Portfolio row selects it.
#[test]
fn a_click_selects_a_portfolio_row() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let mut app = folder_app(&folder);
    press(&mut app, &[Action::Resize(80, 24), Action::GoTab(Tab::Portfolio), Action::Top]);
    press(&mut app, &[Action::ClickRow(5)]);
    assert_eq!(app.portfolio_view.selected, 2, "the third row, under the tab bar, border and header");
    press(&mut app, &[Action::ClickRow(1)]);
    assert_eq!(app.portfolio_view.selected, 2, "a click on the header changes nothing");
}

/// Issue 14: a click on a slider's row selects that slider.
#[test]
fn a_click_selects_a_slider() {
    let mut app = app();
    press(&mut app, &[Action::Resize(80, 24), Action::GoTab(Tab::Sensitivity), Action::ClickRow(4)]);
    assert_eq!(app.driver, 2, "the third slider, under the tab bar and the border");
    press(&mut app, &[Action::ClickRow(23)]);
    assert_eq!(app.driver, 2, "below the sliders nothing changes");
}

/// Issue 14: a click on a project of the matrix's ranked list selects it.
#[test]
fn a_click_selects_a_ranked_project() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let mut app = folder_app(&folder);
    press(&mut app, &[Action::Resize(80, 24), Action::GoTab(Tab::Matrix)]);
    let second = roi_workbench::tui::tabs::matrix::project_at_row(&app, 4);
    assert_eq!(second, Some(1), "each project takes two rows at 80 columns: its name, its figures");
    press(&mut app, &[Action::ClickRow(5)]);
    assert_eq!(app.portfolio_selected, 1);
    press(&mut app, &[Action::ClickRow(1)]);
    assert_eq!(app.portfolio_selected, 1, "a click on the border changes nothing");
}

/// Issue 15: rows of a folder being read arrive in batches and show at once, ranked, with the
/// progress; the whole folder replaces them at the end, the selection kept.
#[test]
fn a_folder_read_in_batches_fills_the_portfolio() {
    use roi_workbench::tui::app::PortfolioEntry;
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let all = roi_workbench::tui::workspace::scan(&folder, false, Lang::En);
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Portfolio)]);
    let (first, rest): (Vec<PortfolioEntry>, Vec<PortfolioEntry>) = (all[..2].to_vec(), all[2..].to_vec());
    press(&mut app, &[Action::PortfolioRows { entries: first, done: 2, total: all.len() }]);
    assert_eq!(app.portfolio.len(), 2);
    assert_eq!(app.portfolio_view.loading, Some((2, all.len())));
    press(&mut app, &[Action::Down]);
    let selected = app.selected_portfolio_entry().unwrap().path.clone();
    press(&mut app, &[Action::PortfolioRows { entries: rest, done: all.len(), total: all.len() }]);
    assert_eq!(app.portfolio.len(), all.len());
    assert_eq!(app.portfolio_view.loading, None, "all read");
    assert_eq!(app.selected_portfolio_entry().unwrap().path, selected, "the selection stays on its row");
    press(&mut app, &[Action::PortfolioScanned(all.clone())]);
    assert_eq!(app.portfolio.len(), all.len(), "the whole folder replaces the batches, no row twice");
}

/// Issue 16: `e` explains the figure of the tab or of the line selected; Enter explains an
/// input that is itself computed, Esc comes back, ← → go to the other figures.
#[test]
fn e_explains_a_figure_down_to_its_inputs() {
    let mut app = app();
    press(&mut app, &[Action::Explain]);
    let root = |app: &App| match &app.mode {
        Mode::Explain(e) => (e.stack.len(), e.stack.last().unwrap().figure.clone()),
        other => panic!("{other:?}"),
    };
    assert_eq!(root(&app), (1, "roi_adjusted_pct".to_owned()));
    press(&mut app, &[Action::Submit]);
    assert_eq!(root(&app), (2, "gain_adjusted".to_owned()), "the gain, computed, is explained in turn");
    press(&mut app, &[Action::Cancel]);
    assert_eq!(root(&app), (1, "roi_adjusted_pct".to_owned()));
    press(&mut app, &[Action::Right]);
    assert_eq!(root(&app).1, "roi_classic_pct");
    press(&mut app, &[Action::PageUp]);
    let Mode::Explain(e) = &app.mode else { panic!() };
    assert_eq!(e.month, Some(24), "a month earlier: the checkpoint before the horizon");
    let at_24 = app.figures.flows.at(24).roi_classic_pct().map(|p| p.value());
    assert_eq!(e.stack[0].value, at_24, "the figure of that month");
    press(&mut app, &[Action::Cancel]);
    assert_eq!(app.mode, Mode::Normal);
    // On the Sensitivity tab, the what-if under the sliders, and Tab for the base.
    press(&mut app, &[Action::GoTab(Tab::Sensitivity), Action::AdjustDriver(1), Action::Explain]);
    let what_if = match &app.mode {
        Mode::Explain(e) => (e.what_if, e.stack[0].value),
        _ => panic!(),
    };
    assert_eq!(what_if, (true, Some(app.figures.flows.npv)));
    press(&mut app, &[Action::NextTab]);
    let base = match &app.mode {
        Mode::Explain(e) => (e.what_if, e.stack[0].value),
        _ => panic!(),
    };
    assert_eq!(base, (false, Some(app.base_figures.flows.npv)));
    press(&mut app, &[Action::Cancel, Action::GoTab(Tab::Summary)]);
    press(&mut app, &[Action::GoTab(Tab::Tco)]);
    select_cell(&mut app, "costs[1].monthly");
    press(&mut app, &[Action::Explain]);
    assert_eq!(root(&app).1, "costs[1]", "the line under the cursor");
}

/// Issue 17: `t` shows the spider around the sliders, and it follows them.
#[test]
fn the_spider_follows_the_sliders() {
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Sensitivity), Action::ToggleSpider]);
    assert!(app.spider_view);
    let expected = roi_workbench::domain::whatif::spider::<f64>(&app.project, &app.drivers);
    assert_eq!(app.spider, expected);
    press(&mut app, &[Action::AdjustDriver(1)]);
    let moved = roi_workbench::domain::whatif::spider::<f64>(&app.project, &app.drivers);
    assert_eq!(app.spider, moved, "recomputed under the new slider");
    assert_ne!(app.spider, expected);
    press(&mut app, &[Action::ToggleSpider]);
    assert!(app.spider_view && app.spider_of_roi, "t again: the spider of the adjusted ROI");
    press(&mut app, &[Action::ToggleSpider]);
    assert!(!app.spider_view && !app.spider_of_roi, "and back to the tornado");
    assert!(app.spider.is_empty(), "not computed while hidden");
}

/// Issue 17: `D` opens the two-way table on the selected slider against the next one, around
/// the sliders as they stand; the arrows change the sliders, `Tab` the figure; every cell is the
/// engine with those two sliders set.
#[test]
fn the_data_table_follows_its_keys_and_equals_the_engine() {
    use roi_workbench::domain::drivers::Driver;
    use roi_workbench::domain::whatif::{Metric, data_table};
    use roi_workbench::tui::app::Mode;
    let table = |app: &App| match &app.mode {
        Mode::DataTable(table) => (**table).clone(),
        other => panic!("no table: {other:?}"),
    };
    let mut app = app();
    press(
        &mut app,
        &[Action::GoTab(Tab::Sensitivity), Action::AdjustDriver(1), Action::Down, Action::OpenDataTable],
    );
    let opened = table(&app);
    assert_eq!(
        (opened.rows.driver, opened.cols.driver, opened.metric),
        (Driver::ALL[1], Driver::ALL[2], Metric::Npv)
    );
    let engine = data_table(&app.project, &app.drivers, &opened.rows, &opened.cols, opened.metric);
    assert_eq!(opened.cells, engine);
    let base: roi_workbench::domain::engine::Flows = roi_workbench::domain::engine::compute_flows(
        &app.project,
        &app.drivers,
        roi_workbench::domain::engine::Stress::Off,
    );
    assert_eq!(opened.cells[3][3], Some(base.npv), "the middle cell is the sliders as they stand");
    press(&mut app, &[Action::Down]);
    assert_eq!(table(&app).rows.driver, Driver::ALL[3], "the columns' slider is skipped");
    press(&mut app, &[Action::Left, Action::NextTab]);
    let moved = table(&app);
    assert_eq!((moved.cols.driver, moved.metric), (Driver::ALL[1], Metric::RoiAdjusted));
    assert_eq!(moved.cells, data_table(&app.project, &app.drivers, &moved.rows, &moved.cols, moved.metric));
    assert_eq!(app.selected_driver(), Driver::ALL[3], "the rows' slider is the selected one");
    press(&mut app, &[Action::AdjustDriver(1)]);
    let recentred = table(&app);
    assert_eq!(
        recentred.rows.values[3],
        roi_workbench::domain::whatif::moved(&app.project, &app.drivers, Driver::ALL[3], 0)
    );
    assert_ne!(recentred.rows.values, moved.rows.values, "the table follows the slider");
    assert_eq!(
        recentred.cells,
        data_table(&app.project, &app.drivers, &recentred.rows, &recentred.cols, recentred.metric)
    );
    press(&mut app, &[Action::CycleTableStep]);
    let wider = table(&app);
    assert_eq!(wider.step_pct, 20);
    let at =
        |change| roi_workbench::domain::whatif::moved(&app.project, &app.drivers, wider.cols.driver, change);
    assert_eq!((wider.cols.values[0], wider.cols.values[6]), (at(-60), at(60)), "±60 %");
    assert_eq!(wider.cells, data_table(&app.project, &app.drivers, &wider.rows, &wider.cols, wider.metric));
    press(&mut app, &[Action::Cancel]);
    assert_eq!(app.mode, Mode::Normal);
}

/// Issue 17: `H` makes the next Monte Carlo run a Latin hypercube, and says so.
#[test]
fn h_switches_the_monte_carlo_to_a_latin_hypercube() {
    use roi_workbench::domain::montecarlo::Sampling;
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Sensitivity), Action::ToggleSampling]);
    assert!(app.status.as_ref().is_some_and(|s| s.text.contains("hypercube")));
    let Effect::Simulate { simulation, .. } = press(&mut app, &[Action::RunMonteCarlo]) else { panic!() };
    assert_eq!(simulation.sampling, Sampling::LatinHypercube);
}

/// Issue 23: unsaved changes restored after a dropped connection, on a file a colleague saved
/// since, meet the conflict check at the next save instead of reverting the colleague's value.
#[test]
fn restoring_over_a_colleague_s_save_is_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/domain-example.toml");
    std::fs::copy(fixture, &path).unwrap();
    let mine = store::load(&path).unwrap();
    let base_hash = mine.fingerprint.hash;
    let mut unsaved = mine.project.clone();
    unsaved.project.owner = Some("Moi".into());
    // The colleague's save, then the workbench opens again on it, with the recovery file.
    let text = std::fs::read_to_string(&path).unwrap().replacen("Claire Martin", "Collègue", 1);
    std::fs::write(&path, text).unwrap();
    let mut app = App::new(store::load(&path).unwrap(), Vec::new(), Lang::En);
    app.mode = Mode::Recovery { project: Box::new(unsaved.clone()), base_hash: Some(base_hash) };
    press(&mut app, &[Action::Restore]);
    assert_eq!(app.project.project.owner.as_deref(), Some("Moi"));
    let saved = store::save::save_checked(&path, &app.project, None, app.fingerprint.as_ref());
    assert!(matches!(saved, Err(store::save::SaveError::Conflict { .. })), "{saved:?}");
    assert!(std::fs::read_to_string(&path).unwrap().contains("Collègue"), "the colleague's value stays");
    // Restored over the very file the changes were made on, the save goes through.
    std::fs::write(&path, std::fs::read_to_string(&path).unwrap().replacen("Collègue", "Claire Martin", 1))
        .unwrap();
    let mut app = App::new(store::load(&path).unwrap(), Vec::new(), Lang::En);
    app.mode = Mode::Recovery { project: Box::new(unsaved), base_hash: Some(base_hash) };
    press(&mut app, &[Action::Restore]);
    assert!(store::save::save_checked(&path, &app.project, None, app.fingerprint.as_ref()).is_ok());
}

/// Issue 25: the Portfolio's cursor follows its file, not its position: after a rename (which
/// re-ranks the rows), a duplicate and a re-read of the folder it is on the same file, and
/// after an archive on the row that took the archived one's place.
#[test]
fn the_portfolio_cursor_stays_on_its_file_by_identity() {
    let dir = tempfile::tempdir().unwrap();
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    for name in ["tri-cv", "assistant-code", "factures-fournisseurs", "prevision-demande"] {
        std::fs::copy(samples.join(format!("{name}.toml")), dir.path().join(format!("{name}.toml"))).unwrap();
    }
    let mut app = folder_app(dir.path());
    let dispatch = roi_workbench::tui::dispatch;
    dispatch(&mut app, Action::GoTab(Tab::Portfolio));
    let selected = |app: &App| app.selected_portfolio_entry().unwrap().path.clone();
    let open = app.path.clone().unwrap();
    // The last row, far from the open project's: renamed so that it sorts first by file name.
    dispatch(&mut app, Action::Bottom);
    assert_ne!(selected(&app), open);
    dispatch(&mut app, Action::RenameProject);
    dispatch(&mut app, Action::ClearInput);
    type_text(&mut app, "aaa-renamed");
    dispatch(&mut app, Action::Submit);
    let renamed = dir.path().join("aaa-renamed.toml");
    assert!(renamed.exists());
    assert_eq!(selected(&app), renamed, "the cursor is on the renamed file");
    dispatch(&mut app, Action::DuplicateProject);
    dispatch(&mut app, Action::Submit);
    assert_eq!(app.portfolio.len(), 5, "the copy is read");
    assert_eq!(selected(&app), renamed, "after a duplicate, on the same file");
    dispatch(&mut app, Action::ToggleSubfolders);
    assert_eq!(selected(&app), renamed, "after a re-read, on the same file");
    let place = app.portfolio_view.selected;
    dispatch(&mut app, Action::ArchiveProject);
    dispatch(&mut app, Action::ArchiveProject);
    assert!(!renamed.exists());
    assert_eq!(app.portfolio_view.selected, place.min(app.portfolio_view.order.len() - 1));
    assert_ne!(selected(&app), renamed);
}

/// Issue 25: `x` asks first, naming the file and saying that `u` will not bring it back; any
/// other key in between cancels; only a second `x` on the same file archives it.
#[test]
fn archiving_asks_first_and_says_undo_will_not_bring_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    for name in ["tri-cv", "assistant-code", "factures-fournisseurs"] {
        std::fs::copy(samples.join(format!("{name}.toml")), dir.path().join(format!("{name}.toml"))).unwrap();
    }
    let mut app = folder_app(dir.path());
    let dispatch = roi_workbench::tui::dispatch;
    dispatch(&mut app, Action::GoTab(Tab::Portfolio));
    dispatch(&mut app, Action::Bottom);
    let chosen = app.selected_portfolio_entry().unwrap().path.clone();
    assert_ne!(Some(&chosen), app.path.as_ref());
    let name = chosen.file_name().unwrap().to_string_lossy().into_owned();
    dispatch(&mut app, Action::ArchiveProject);
    assert!(chosen.exists(), "one x only asks");
    let asked = app.status.as_ref().map(|s| s.text.clone()).unwrap_or_default();
    assert!(asked.contains(&name) && asked.contains("u does not undo it"), "{asked}");
    dispatch(&mut app, Action::Up);
    dispatch(&mut app, Action::Down);
    dispatch(&mut app, Action::ArchiveProject);
    assert!(chosen.exists(), "a key in between cancels: this x asks again");
    dispatch(&mut app, Action::ArchiveProject);
    assert!(!chosen.exists() && dir.path().join("archive").join(&name).exists());
}

/// Issue 25: in the Monte Carlo view, every key its bar and help offer works there: Ctrl-s
/// saves and H switches the sampling, the view staying open; its help lists them.
#[test]
fn the_monte_carlo_view_saves_and_switches_its_sampling() {
    let dir = tempfile::tempdir().unwrap();
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    std::fs::copy(samples.join("tri-cv.toml"), dir.path().join("a.toml")).unwrap();
    let mut app = folder_app(dir.path());
    let dispatch = roi_workbench::tui::dispatch;
    press(&mut app, &[Action::GoTab(Tab::Tco), Action::Down]);
    select_cell(&mut app, "costs[0].monthly");
    press(&mut app, &[Action::Edit]);
    type_text(&mut app, "777");
    press(&mut app, &[Action::Submit]);
    assert!(app.dirty);
    dispatch(&mut app, Action::GoTab(Tab::Sensitivity));
    dispatch(&mut app, Action::RunMonteCarlo);
    assert_eq!(app.mode, Mode::MonteCarlo, "a finished run shows its view");
    let help: Vec<&str> =
        roi_workbench::tui::keymap::help_entries(&app).into_iter().map(|(key, _)| key).collect();
    assert!(help.contains(&"H") && help.contains(&"Ctrl-s"), "{help:?}");
    let sampling = app.sampling;
    dispatch(&mut app, Action::ToggleSampling);
    assert_ne!(app.sampling, sampling);
    assert_eq!(app.mode, Mode::MonteCarlo, "H keeps the view open");
    dispatch(&mut app, Action::Save);
    assert!(!app.dirty, "Ctrl-s saved");
    assert!(std::fs::read_to_string(dir.path().join("a.toml")).unwrap().contains("777"));
    assert_eq!(app.mode, Mode::MonteCarlo, "the view stays open");
}

/// Issue 25: every key the status bar's hint offers on a tab is a key of that tab (the
/// Summary offered `Enter edit`, which does nothing there).
#[test]
fn every_key_the_hint_offers_works_on_its_tab() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = app();
        app.lang = lang;
        for tab in Tab::ALL {
            press(&mut app, &[Action::GoTab(tab)]);
            let labels: Vec<&str> =
                roi_workbench::tui::keymap::help_entries(&app).into_iter().map(|(key, _)| key).collect();
            let hint = lang.t(roi_workbench::tui::view::hint_for(&app));
            for item in hint.split(" · ") {
                let key = item.split_whitespace().next().unwrap_or_default();
                let key = key.replace("Entrée", "Enter").replace("1-7", "1…7");
                for part in key.split('/') {
                    assert!(
                        labels.iter().any(|label| label.contains(part)),
                        "{tab:?} {lang:?}: {item} ({labels:?})"
                    );
                }
            }
        }
    }
}

/// Issue 25: a choice field left to its default opens on that default, as the cell shows it,
/// not on the first value of the list.
#[test]
fn a_choice_left_to_its_default_opens_on_it() {
    let mut app = app();
    // Maturity left out: the method's default, mature, the last of the list.
    app.project.project.maturity = None;
    app.recompute();
    press(&mut app, &[Action::GoTab(Tab::Baseline)]);
    select_cell(&mut app, "project.maturity");
    press(&mut app, &[Action::Edit]);
    let Mode::Editing { picked, .. } = &app.mode else { panic!("{:?}", app.mode) };
    let path = roi_workbench::domain::validate::FieldPath::parse("project.maturity").unwrap();
    let list = roi_workbench::tui::choices::matching(Lang::En, &path, "").unwrap();
    assert_eq!(list[*picked].0, "mature", "{list:?}");
    assert_ne!(*picked, 0, "the default is not the list's first value");
}

/// The conflict dialog's `d`: the key figures that differ between mine and theirs, computed
/// when asked (never on a frame); `d` again hides them; a file on disk that is not a project
/// says why.
#[test]
fn the_conflict_dialog_compares_mine_and_theirs_when_asked() {
    use roi_workbench::tui::compare::differences;
    let mut app = app();
    let mut theirs = app.project.clone();
    let line = theirs.costs.iter_mut().find(|c| c.monthly.is_some()).unwrap();
    line.monthly = line.monthly.map(|m| m * rust_decimal::Decimal::TWO);
    let disk_text = roi_workbench::store::render(&theirs, None).unwrap();
    app.mode = Mode::Conflict { disk_text: disk_text.clone(), comparison: None };
    press(&mut app, &[Action::Compare]);
    let Mode::Conflict { comparison: Some(comparison), .. } = &app.mode else { panic!("{:?}", app.mode) };
    let rows = differences(Lang::En, comparison);
    assert!(rows.iter().any(|(label, mine, theirs)| label == "NPV" && mine != theirs), "{rows:?}");
    press(&mut app, &[Action::Compare]);
    assert!(matches!(&app.mode, Mode::Conflict { comparison: None, .. }));
    app.mode = Mode::Conflict { disk_text: "not = [toml".into(), comparison: None };
    press(&mut app, &[Action::Compare]);
    let Mode::Conflict { comparison: Some(comparison), .. } = &app.mode else { panic!() };
    assert_eq!(differences(Lang::En, comparison)[0].0, "!");
}

/// Issue 25: the edit line names the field as the screen labels it — a benefit's input by the
/// line and the input (`Tri des CV — Volume / month`), a setting by its label — never by the
/// value it holds (`Nouveau bénéfice — —`, `non mesurée`).
#[test]
fn the_edit_line_names_the_field_not_its_value() {
    let mut app = app();
    press(&mut app, &[Action::GoTab(Tab::Baseline)]);
    let name = app.project.benefits[0].name.clone();
    let input = app.project.benefits[0].kind;
    let key = roi_workbench::domain::schema::inputs_of(input).next().unwrap().key;
    select_cell(&mut app, &format!("benefits[0].{key}"));
    press(&mut app, &[Action::Edit]);
    let Mode::Editing { label, .. } = &app.mode else { panic!("{:?}", app.mode) };
    let expected = format!("{name} — {}", roi_workbench::i18n::review::input_name(Lang::En, key));
    assert_eq!(label, &expected);
    press(&mut app, &[Action::Cancel]);
    for (cell, named) in [
        (format!("benefits[0].{key}.range"), format!("{expected} (range)")),
        ("benefits[0].confidence".to_owned(), format!("{name} — Confidence")),
    ] {
        let grid = roi_workbench::tui::tabs::grid(&app).unwrap();
        let (row, column) = grid
            .rows
            .iter()
            .enumerate()
            .find_map(|(r, row)| {
                row.cells
                    .iter()
                    .position(|c| c.path.as_ref().is_some_and(|p| p.to_string() == cell))
                    .map(|c| (r, c))
            })
            .unwrap();
        assert_eq!(grid.label_of(row, column), named);
    }
    select_cell(&mut app, "project.horizon_months");
    press(&mut app, &[Action::Edit]);
    let Mode::Editing { label, .. } = &app.mode else { panic!("{:?}", app.mode) };
    assert!(!label.chars().any(|c| c.is_ascii_digit()), "the label is not the value: {label}");
}

/// Issue 25: a setting left to its default opens on the default shown (`36`, not an empty
/// box), and Enter on it changes nothing: no unsaved changes, no undo step.
#[test]
fn a_default_opens_on_its_value_and_enter_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/domain-example.toml");
    let text = std::fs::read_to_string(fixture).unwrap();
    let without: String =
        text.lines().filter(|l| !l.starts_with("horizon_months")).map(|l| format!("{l}\n")).collect();
    std::fs::write(dir.path().join("p.toml"), without).unwrap();
    let mut app = App::new(store::load(&dir.path().join("p.toml")).unwrap(), Vec::new(), Lang::En);
    assert_eq!(app.project.project.horizon_months, None);
    press(&mut app, &[Action::GoTab(Tab::Baseline)]);
    select_cell(&mut app, "project.horizon_months");
    press(&mut app, &[Action::Edit]);
    let Mode::Editing { buffer, .. } = &app.mode else { panic!("{:?}", app.mode) };
    assert_eq!(buffer, &app.project.horizon().to_string());
    let steps = app.history.undo.len();
    press(&mut app, &[Action::Submit]);
    assert!(!app.dirty, "nothing changed");
    assert_eq!(app.project.project.horizon_months, None, "the file still leaves it out");
    assert_eq!(app.history.undo.len(), steps, "no undo step");
}
