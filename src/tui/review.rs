//! The quarterly review in the workbench: the entry form (one date, a new value per KPI, the
//! benefits measured since the start) recorded as one undoable change; the sheet the review
//! view draws; and the executive summary written beside the project's file.
//!
//! Pure like `update`: "this month" comes from the app state (the runtime reads the clock), and
//! the summary leaves as an `Effect` for the runtime to write.

use super::action::Action;
use super::app::{App, Mode, Tab};
use super::effect::Effect;
use crate::domain::project::Project;
use crate::domain::review::{self, Decision, KpiAlert, MilestoneReview, Overdue};

mod entry;
mod summary;

pub use entry::*;
pub use summary::*;

/// The review, over the KPIs tab.
pub fn show(app: &mut App) {
    app.tab = Tab::Kpis;
    app.mode = Mode::Review { scroll: 0 };
}

/// Keys while the review is shown; `None` for the actions left to the usual handling.
pub fn browsing(app: &mut App, action: &Action) -> Option<Effect> {
    let Mode::Review { scroll } = app.mode else { return None };
    let last = super::tabs::review::max_scroll(app);
    let page = usize::from(app.screen.1 / 2).max(1);
    let scroll = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll + 1,
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll + page,
        Action::Top => 0,
        Action::Bottom => last,
        Action::Cancel | Action::ShowReview => {
            app.mode = Mode::Normal;
            return Some(Effect::None);
        }
        Action::OpenReviewEntry => {
            open_entry(app);
            return Some(Effect::None);
        }
        Action::WriteSummary => return Some(write_summary(app)),
        Action::ClickRow(_) => scroll,
        Action::ClickTab(_) => {
            // Leaves the review for the tab clicked, which the usual handling selects.
            app.mode = Mode::Normal;
            return None;
        }
        _ => return None,
    };
    app.mode = Mode::Review { scroll: scroll.min(last) };
    Some(Effect::None)
}

/// The project month of this month, when both the start and this month are known.
pub fn review_month(app: &App) -> Option<i64> {
    review::project_month(&app.project, app.today?)
}

/// The project as known this month, as `roi report` reviews it: what is recorded for later
/// months is left out (all of it when the month is unknown).
fn known_project(app: &App) -> std::borrow::Cow<'_, Project> {
    match review_month(app) {
        Some(month) => std::borrow::Cow::Owned(review::known_at(&app.project, month)),
        None => std::borrow::Cow::Borrowed(&app.project),
    }
}

/// The measurements overdue this month, or why they cannot be known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverdueList {
    NoStart,
    NoToday,
    Due(Vec<Overdue>),
}

/// Everything the review view shows, computed by the domain from the state.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub decision: Decision,
    pub alerts: Vec<KpiAlert>,
    pub review_month: Option<i64>,
    pub overdue: OverdueList,
    pub milestones: Vec<MilestoneReview>,
}

/// The review of the project as saved: the sliders are a what-if, not a measure.
pub fn sheet(app: &App) -> Sheet {
    let known = known_project(app);
    let project = known.as_ref();
    let review_month = review_month(app);
    let overdue = match (project.project.start, review_month) {
        (None, _) => OverdueList::NoStart,
        (Some(_), None) => OverdueList::NoToday,
        (Some(_), Some(month)) => OverdueList::Due(review::overdue_kpis(project, month)),
    };
    Sheet {
        decision: review::propose(project, &app.base_figures),
        alerts: review::kpi_alerts(project),
        review_month,
        overdue,
        milestones: review::milestones(project, &app.base_figures),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::project::{Measurement, YearMonth};
    use crate::i18n::Lang;
    use crate::store::{Fingerprint, from_text};
    use crate::tui::update::update;
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;
    use std::path::PathBuf;

    /// Twelve months from January 2026; a rising KPI with a decision measured in month 3, a
    /// falling one without a decision never measured; benefits measured in month 3.
    const PROJECT: &str = r#"schema = 1
[project]
name = "Revue"
start = "2026-01"
horizon_months = 12

[[benefits]]
name = "Gain"
kind = "cost_reduction"
monthly_value = 1000

[[costs]]
name = "Run"
category = "licences"
monthly = 100

[[kpis]]
key = "adoption_rate"
name = "Adoption"
unit = "%"
direction = "higher"
baseline = 0
target = 10
frequency = "monthly"
decision = "Sous 5 : former les équipes"
measurements = [{ month = 3, value = 8 }]

[[kpis]]
key = "post_ai_error_rate"
name = "Erreurs"
direction = "lower"
baseline = 5
target = 2
frequency = "quarterly"

[[actuals]]
month = 3
benefits = 2500
"#;

    fn app(text: &str) -> App {
        let path = PathBuf::from("/projects/revue.toml");
        let loaded = from_text(&path, text.to_owned(), Fingerprint::of(text, None)).unwrap();
        let mut app = App::new(loaded, Vec::new(), Lang::En);
        app.today = Some(YearMonth { year: 2026, month: 5 });
        app
    }

    fn type_in(app: &mut App, text: &str) {
        update(app, Action::ClearInput);
        for c in text.chars() {
            update(app, Action::Input(c));
        }
    }

    fn form(app: &App) -> &ReviewForm {
        match &app.mode {
            Mode::ReviewEntry(form) => form,
            other => panic!("not in the form: {other:?}"),
        }
    }

    /// Opens the form, types `date`, then each value in the next field.
    fn fill(app: &mut App, date: &str, values: &[&str]) {
        update(app, Action::OpenReviewEntry);
        type_in(app, date);
        for value in values {
            update(app, Action::Down);
            type_in(app, value);
        }
    }

    fn measured(project: &Project, kpi: usize) -> Vec<(i64, Decimal)> {
        project.kpis[kpi].measurements.iter().map(|m: &Measurement| (m.month, m.value.0)).collect()
    }

    #[test]
    fn the_form_opens_on_this_month_with_every_value_empty() {
        let mut app = app(PROJECT);
        update(&mut app, Action::OpenReviewEntry);
        let form = form(&app);
        assert_eq!(form.date, "2026-05");
        assert_eq!(form.kpis, vec![String::new(), String::new()]);
        assert_eq!(form.benefits, "", "the last measure is shown, not carried forward");
        assert_eq!((form.field(), form.error.as_deref()), (Field::Date, None));
        assert_eq!(form.month(&app.project), Some(5));
    }

    #[test]
    fn moving_wraps_around_and_typing_edits_the_focused_cell() {
        let mut app = app(PROJECT);
        update(&mut app, Action::OpenReviewEntry);
        update(&mut app, Action::Up);
        assert_eq!(form(&app).field(), Field::Benefits);
        update(&mut app, Action::Down);
        update(&mut app, Action::Down);
        update(&mut app, Action::Down);
        assert_eq!(form(&app).field(), Field::Kpi(1));
        for c in "3,x".chars() {
            update(&mut app, Action::Input(c));
        }
        update(&mut app, Action::Backspace);
        assert_eq!(form(&app).kpis, vec![String::new(), "3,".to_owned()]);
        update(&mut app, Action::Cancel);
        assert_eq!(app.mode, Mode::Normal);
        assert!(!app.dirty);
    }

    #[test]
    fn enter_records_every_value_at_the_month_of_the_date_as_one_undoable_change() {
        let mut app = app(PROJECT);
        let before = app.project.clone();
        fill(&mut app, "2026-04", &["12.5", "4.1", "3 900"]);
        update(&mut app, Action::Submit);
        assert_eq!(app.mode, Mode::Review { scroll: 0 });
        assert_eq!(app.tab, Tab::Kpis);
        assert!(app.dirty);
        assert_eq!(measured(&app.project, 0), vec![(3, dec!(8)), (4, dec!(12.5))]);
        assert_eq!(measured(&app.project, 1), vec![(4, dec!(4.1))]);
        let actuals: Vec<_> = app.project.actuals.iter().map(|a| (a.month, a.benefits)).collect();
        assert_eq!(actuals, vec![(3, dec!(2500)), (4, dec!(3900))]);
        assert_eq!(app.base_figures, crate::domain::Figures::compute(&app.project, &Default::default()));
        assert_eq!(
            app.status.as_ref().map(|s| s.text.as_str()),
            Some("Measures recorded for month 4 (2026-04)")
        );
        update(&mut app, Action::Cancel);
        update(&mut app, Action::Undo);
        assert_eq!(app.project, before, "one undo reverts the whole quarter");
    }

    #[test]
    fn the_review_and_the_summary_are_as_of_this_month_like_roi_report() {
        let mut app = app(PROJECT);
        app.project = app.project.with_actual(9, dec!(99999)).expect("valid");
        let reviewed = sheet(&app);
        assert_eq!(reviewed.review_month, Some(5));
        assert!(reviewed.milestones.iter().all(|m| m.measured.is_none_or(|measured| measured.month <= 5)));
        let summary = summary_markdown(&app);
        assert!(
            !summary.contains("99,999") && !summary.contains("99 999"),
            "month 9 is after this month (5)"
        );
        app.today = None;
        assert!(
            sheet(&app).milestones.iter().any(|m| m.measured.is_some_and(|measured| measured.month == 9))
        );
    }

    #[test]
    fn a_summary_written_with_unsaved_changes_says_so() {
        let mut app = app(PROJECT);
        let paths = vec![PathBuf::from("/p/revue.summary.md"), PathBuf::from("/p/revue.summary.html")];
        update(&mut app, Action::SummaryWritten(paths.clone()));
        let status = |app: &App| app.status.as_ref().map(|s| s.text.clone()).unwrap_or_default();
        assert_eq!(status(&app), "Summary written: /p/revue.summary.md + .html");
        app.dirty = true;
        update(&mut app, Action::SummaryWritten(paths));
        assert!(status(&app).starts_with("Summary written (unsaved): "), "{}", status(&app));
    }

    #[test]
    fn a_percent_sign_is_the_kpi_unit_not_a_division() {
        let mut app = app(PROJECT);
        fill(&mut app, "2026-04", &["12.5 %", "", "3 900 €"]);
        update(&mut app, Action::Submit);
        assert_eq!(measured(&app.project, 0), vec![(3, dec!(8)), (4, dec!(12.5))]);
        assert_eq!(app.project.actuals.last().map(|a| a.benefits), Some(dec!(3900)));
    }

    #[test]
    fn a_value_of_the_same_month_is_replaced_and_empty_cells_are_left_alone() {
        let mut app = app(PROJECT);
        fill(&mut app, "2026-03", &["9", "", ""]);
        update(&mut app, Action::Submit);
        assert_eq!(measured(&app.project, 0), vec![(3, dec!(9))]);
        assert!(app.project.kpis[1].measurements.is_empty());
        assert_eq!(app.project.actuals.len(), 1, "benefits emptied: nothing recorded for them");
    }

    /// Submits and checks the form is still open, on `field`, saying `message`, and the
    /// project untouched.
    fn refused(app: &mut App, field: Field, message: &str) {
        let before = app.project.clone();
        update(app, Action::Submit);
        let form = form(app);
        assert_eq!((form.field(), form.error.as_deref()), (field, Some(message)));
        assert_eq!(app.project, before);
        assert!(!app.dirty);
    }

    #[test]
    fn a_project_without_a_start_date_is_refused_with_where_to_set_it() {
        let mut app = app(&PROJECT.replace("start = \"2026-01\"\n", ""));
        update(&mut app, Action::OpenReviewEntry);
        let needs_start = "No start date: set it first (tab 2, Start).";
        assert_eq!(form(&app).error.as_deref(), Some(needs_start), "said at once");
        update(&mut app, Action::Down);
        type_in(&mut app, "9");
        refused(&mut app, Field::Date, needs_start);
        assert_eq!(form(&app).kpis[0], "9", "nothing typed is lost");
    }

    #[test]
    fn overdue_measurements_need_a_start_date_and_this_month() {
        let mut app = app(PROJECT);
        let late: Vec<(usize, i64)> = match sheet(&app).overdue {
            OverdueList::Due(late) => late.iter().map(|o| (o.kpi, o.months_late)).collect(),
            other => panic!("{other:?}"),
        };
        assert_eq!(late, vec![(0, 1), (1, 2)], "in May: monthly due for April, quarterly for March");
        app.today = None;
        assert_eq!(sheet(&app).overdue, OverdueList::NoToday);
        let app = self::app(&PROJECT.replace("start = \"2026-01\"\n", ""));
        assert_eq!(sheet(&app).overdue, OverdueList::NoStart);
    }

    #[test]
    fn a_date_outside_the_horizon_or_unreadable_is_refused() {
        let bad_date = "Write the date as YYYY-MM, between the project's start and the end of its horizon.";
        for date in ["2027-01", "2025-12", "2026-13", "avril"] {
            let mut app = app(PROJECT);
            fill(&mut app, date, &["9"]);
            refused(&mut app, Field::Date, bad_date);
        }
    }

    #[test]
    fn an_unreadable_number_is_refused_on_its_field() {
        let mut app = app(PROJECT);
        fill(&mut app, "2026-04", &["9", "abc"]);
        update(&mut app, Action::Up);
        refused(&mut app, Field::Kpi(1), "`abc` is not a number: write it like 12,000.50");
        let mut app = self::app(PROJECT);
        fill(&mut app, "2026-04", &["", "", "12 k"]);
        refused(&mut app, Field::Benefits, "`12 k` is not a number: write it like 12,000.50");
        let mut app = self::app(PROJECT);
        fill(&mut app, "2026-04", &["", "", "3,9"]);
        refused(&mut app, Field::Benefits, "`3,9` reads as 3.9 or as 39: type the one you mean");
    }

    #[test]
    fn a_value_the_file_format_refuses_and_an_empty_form_are_refused() {
        let mut app = app(PROJECT);
        fill(&mut app, "2026-04", &["", "", "-10"]);
        update(&mut app, Action::Submit);
        assert!(
            form(&app).error.as_deref().is_some_and(|e| e.contains("negative")),
            "{:?}",
            form(&app).error
        );
        assert_eq!(form(&app).field(), Field::Benefits);
        let mut app = self::app(PROJECT);
        fill(&mut app, "2026-04", &["", "", ""]);
        refused(&mut app, Field::Benefits, "No value entered: nothing recorded.");
    }

    #[test]
    fn the_review_scrolls_within_its_lines() {
        let mut app = app(PROJECT);
        app.screen = (80, 24);
        update(&mut app, Action::ShowReview);
        assert_eq!((app.tab, &app.mode), (Tab::Kpis, &Mode::Review { scroll: 0 }));
        let last = super::super::tabs::review::max_scroll(&app);
        assert!(last > 0, "the sample review is longer than 19 lines");
        update(&mut app, Action::Bottom);
        update(&mut app, Action::Down);
        assert_eq!(app.mode, Mode::Review { scroll: last });
        update(&mut app, Action::Up);
        assert_eq!(app.mode, Mode::Review { scroll: last - 1 });
        update(&mut app, Action::Cancel);
        assert_eq!(app.mode, Mode::Normal);
        update(&mut app, Action::ShowReview);
        update(&mut app, Action::ClickTab(Tab::Tco));
        assert_eq!((app.tab, &app.mode), (Tab::Tco, &Mode::Normal), "a click on a tab leaves the review");
    }

    #[test]
    fn clicks_do_not_move_what_is_under_the_form() {
        let mut app = app(PROJECT);
        update(&mut app, Action::OpenReviewEntry);
        let (tab, cursors) = (app.tab, app.cursors);
        update(&mut app, Action::ClickTab(Tab::Tco));
        update(&mut app, Action::ClickRow(3));
        assert_eq!((app.tab, app.cursors), (tab, cursors));
        assert!(matches!(app.mode, Mode::ReviewEntry(_)));
    }

    #[test]
    fn the_summary_goes_beside_the_file_in_the_language_of_the_ui() {
        let mut app = app(PROJECT);
        app.lang = Lang::Fr;
        let Effect::WriteSummary { files } = update(&mut app, Action::WriteSummary) else {
            panic!("no summary effect")
        };
        let paths: Vec<&PathBuf> = files.iter().map(|(path, _)| path).collect();
        assert_eq!(
            paths,
            [&PathBuf::from("/projects/revue.summary.md"), &PathBuf::from("/projects/revue.summary.html")]
        );
        let (text, page) = (&files[0].1, &files[1].1);
        assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<svg"), "{page}");
        assert!(page.contains("<html lang=\"fr\"") && page.contains("Revue au : 2026-05"), "{page}");
        let input = crate::report::summary::SummaryInput {
            project: &app.project,
            figures: &app.base_figures,
            lang: Lang::Fr,
            tornado: &app.tornado,
            tornado_width: app.tornado_width,
            spider: &crate::domain::whatif::spider(&app.project, &Default::default()),
            monte_carlo: None,
            as_of: Some(5),
            scenario: None,
            drivers: Default::default(),
        };
        let document = crate::report::summary::executive_summary(&input);
        assert_eq!(text, &format!("{}\n", crate::report::markdown::render(&document).trim_end()));
        assert!(text.starts_with("# Revue\n") && text.contains("Revue au : 2026-05"), "{text}");
        app.path = None;
        assert_eq!(update(&mut app, Action::WriteSummary), Effect::None);
        assert_eq!(app.status.as_ref().map(|s| s.is_error), Some(true));
    }
}
