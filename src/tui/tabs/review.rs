//! The quarterly review, a view of the KPIs tab (`v`): the proposed decision and its reasons,
//! the KPIs off track or at risk with the decision each calls for, the overdue measurements,
//! and plan against measured benefits at the milestones — all from `review::sheet`. Also the
//! entry form (`T`). Lines are laid out to the width here; nothing is computed.

use crate::domain::kpi::KpiStatus;
use crate::domain::money::Amount;
use crate::domain::review::{self, Overdue, Verdict};
use crate::i18n::review::{ReviewText as R, kpi_status_name, last_measured, reason_sentence, verdict_name};
use crate::i18n::{DASH, Lang, Text};
use crate::tui::app::App;
use crate::tui::review::{Field, OverdueList, ReviewForm, Sheet, sheet};
use crate::tui::theme::Theme;
use crate::tui::widgets::{block, centered};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Clear, Paragraph, Row, Table, TableState, Wrap};
use rust_decimal::Decimal;

/// How a line of the review reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Heading,
    Plain,
    Good,
    Warn,
    Bad,
    Muted,
}

/// Screen lines around the review's text: tab bar, status bar, the frame's borders, the hint.
const CHROME_ROWS: u16 = 5;

/// The review's lines, wrapped to `width` columns.
pub fn lines(app: &App, width: usize) -> Vec<(Tone, String)> {
    let sheet = sheet(app);
    let mut out = Vec::new();
    decision(app.lang, &sheet, width, &mut out);
    out.push((Tone::Plain, String::new()));
    alerts(app, &sheet, width, &mut out);
    out.push((Tone::Plain, String::new()));
    overdue(app, &sheet, width, &mut out);
    out.push((Tone::Plain, String::new()));
    milestones(app, &sheet, &mut out);
    out
}

/// How far the review scrolls on the app's screen: to its last line at the bottom.
pub fn max_scroll(app: &App) -> usize {
    let (width, height) = app.screen;
    let visible = usize::from(height.saturating_sub(CHROME_ROWS));
    lines(app, usize::from(width.saturating_sub(2))).len().saturating_sub(visible)
}

fn decision(lang: Lang, sheet: &Sheet, width: usize, out: &mut Vec<(Tone, String)>) {
    let verdict = sheet.decision.verdict;
    let tone = match verdict {
        Verdict::Scale => Tone::Good,
        Verdict::Continue => Tone::Plain,
        Verdict::Pivot => Tone::Warn,
        Verdict::Stop => Tone::Bad,
    };
    out.push((
        tone,
        format!("{}{}{}", lang.t(R::ProposedDecision), lang.colon(), verdict_name(lang, verdict)),
    ));
    out.push((Tone::Muted, lang.t(R::Because).to_owned()));
    for reason in &sheet.decision.reasons {
        push_wrapped(out, Tone::Plain, "  · ", &reason_sentence(lang, reason), width);
    }
}

fn alerts(app: &App, sheet: &Sheet, width: usize, out: &mut Vec<(Tone, String)>) {
    let lang = app.lang;
    out.push((Tone::Heading, lang.t(R::KpiAlerts).to_owned()));
    if app.project.kpis.is_empty() {
        push_wrapped(out, Tone::Warn, "  ", lang.t(R::NoKpis), width);
    } else if sheet.alerts.is_empty() {
        out.push((Tone::Good, format!("  {}", lang.t(R::NoAlerts))));
    }
    for alert in &sheet.alerts {
        let Some(kpi) = app.project.kpis.get(alert.kpi) else { continue };
        let (mark, tone) =
            if alert.status == KpiStatus::OffTrack { ("✗", Tone::Bad) } else { ("!", Tone::Warn) };
        let head = format!("{} — {}", kpi.name, kpi_status_name(lang, alert.status));
        push_wrapped(out, tone, &format!("  {mark} "), &head, width);
        match &alert.decision {
            Some(decision) => push_wrapped(out, Tone::Plain, "    → ", decision, width),
            None => push_wrapped(out, Tone::Warn, "    → ", lang.t(R::NoDecisionWritten), width),
        }
    }
}

fn overdue(app: &App, sheet: &Sheet, width: usize, out: &mut Vec<(Tone, String)>) {
    let lang = app.lang;
    let heading = match sheet.review_month {
        Some(month) => format!("{} ({})", lang.t(R::OverdueSection), lang.month(Some(month))),
        None => lang.t(R::OverdueSection).to_owned(),
    };
    out.push((Tone::Heading, heading));
    let late = match &sheet.overdue {
        OverdueList::NoStart => return push_wrapped(out, Tone::Warn, "  ", lang.t(R::NoStartDate), width),
        OverdueList::NoToday => {
            return push_wrapped(out, Tone::Muted, "  ", lang.t(R::ReviewMonthUnknown), width);
        }
        OverdueList::Due(late) => late,
    };
    if late.is_empty() {
        out.push((Tone::Good, format!("  {}", lang.t(R::NoOverdue))));
    }
    for item in late {
        push_wrapped(out, Tone::Warn, "  ", &overdue_sentence(app, item), width);
    }
}

/// "Name — last measured month 9 · 2 month(s) late", or "never measured".
fn overdue_sentence(app: &App, item: &Overdue) -> String {
    let lang = app.lang;
    let name = app.project.kpis.get(item.kpi).map_or("", |k| k.name.as_str());
    let last = last_measured(lang, item.last_month);
    format!("{name} — {last} · {} {}", item.months_late, lang.t(R::MonthsLate))
}

fn milestones(app: &App, sheet: &Sheet, out: &mut Vec<(Tone, String)>) {
    let lang = app.lang;
    let money = |amount| lang.money_whole(amount, app.currency());
    out.push((Tone::Heading, lang.t(R::PlanVsMeasured).to_owned()));
    out.push((
        Tone::Muted,
        format!(
            "  {:<10}{:>16}{:>19}{:>15}{:>11}",
            lang.t(R::Milestone),
            lang.t(R::PlannedAdjusted),
            lang.t(R::MeasuredColumn),
            lang.t(R::PlannedThenShort),
            lang.t(R::OfPlan)
        ),
    ));
    for milestone in &sheet.milestones {
        let measured = milestone
            .measured
            .map_or_else(|| DASH.to_owned(), |m| format!("{} ({})", money(Amount::new(m.benefits)), m.month));
        // The share is against the plan of the measure's month, shown beside it.
        let plan_then =
            milestone.measured.map_or_else(|| DASH.to_owned(), |m| money(Amount::new(m.planned_adjusted)));
        let share = milestone.measured.and_then(|m| m.share_of_plan_pct());
        out.push((
            Tone::Plain,
            format!(
                "  {:<10}{:>16}{:>19}{:>15}{:>11}",
                lang.month(Some(milestone.milestone)),
                money(Amount::new(milestone.planned_adjusted)),
                measured,
                plan_then,
                lang.percent(share)
            ),
        ));
    }
    if app.project.actuals.is_empty() {
        out.push((Tone::Muted, format!("  {}", lang.t(R::NoActuals))));
    }
}

/// `text` after `lead`, wrapped at word boundaries to `width`, the next lines indented under
/// the text (the decisions written in a file can be long sentences).
fn push_wrapped(out: &mut Vec<(Tone, String)>, tone: Tone, lead: &str, text: &str, width: usize) {
    let indent = " ".repeat(lead.chars().count());
    let room = width.saturating_sub(indent.len()).max(10);
    let mut line = String::new();
    let mut first = true;
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
            out.push((tone, format!("{}{line}", if first { lead } else { &indent })));
            first = false;
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push((tone, format!("{}{line}", if first { lead } else { &indent })));
}

fn style(theme: &Theme, tone: Tone) -> Style {
    match tone {
        Tone::Heading => theme.section,
        Tone::Plain => theme.figure,
        Tone::Good => theme.good,
        Tone::Warn => theme.warn,
        Tone::Bad => theme.bad,
        Tone::Muted => theme.muted,
    }
}

/// The review over the KPIs tab, from line `scroll`.
pub fn render(app: &App, scroll: usize, frame: &mut Frame, area: Rect, theme: &Theme) {
    let lang = app.lang;
    frame.render_widget(Clear, area);
    let title = match app.today {
        Some(today) => format!("{} — {} {today}", lang.t(R::ReviewTitle), lang.t(R::AsOf)),
        None => lang.t(R::ReviewTitle).to_owned(),
    };
    let outer = block(&title, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [text, hint] = inner.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]));
    let all = lines(app, usize::from(text.width));
    let shown: Vec<Line> = all
        .into_iter()
        .skip(scroll)
        .take(usize::from(text.height))
        .map(|(tone, line)| Line::styled(line, style(theme, tone)))
        .collect();
    frame.render_widget(Paragraph::new(shown), text);
    frame.render_widget(Paragraph::new(Line::styled(lang.t(R::ReviewViewHint), theme.muted)), hint);
}

/// The entry form: the date, one line per KPI with its last measure and a cell for the new
/// value, the benefits since the start; the reason of a refusal; the keys.
pub fn render_form(app: &App, form: &ReviewForm, frame: &mut Frame, area: Rect, theme: &Theme) {
    let lang = app.lang;
    let height = u16::try_from(form.kpis.len()).unwrap_or(u16::MAX).saturating_add(9);
    let popup = centered(area, 78, height);
    frame.render_widget(Clear, popup);
    let title = format!("{} — {}", lang.t(R::ReviewEntryTitle), app.project.project.name);
    let outer = block(&title, theme);
    let inner = outer.inner(popup);
    frame.render_widget(outer, popup);
    let [date, table, benefits, error, hint] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(2),
    ]));
    let month = form.month(&app.project).map(|m| format!("  → {}", lang.month(Some(m)))).unwrap_or_default();
    let date_line = labelled(lang.t(R::ReviewDate), &form.date, form.field() == Field::Date, theme, month);
    frame.render_widget(Paragraph::new(date_line), date);
    render_kpi_cells(app, form, frame, table, theme);
    let last = review::latest_actual(&app.project).map_or_else(String::new, |actual| {
        let amount = lang.money_whole(Amount::new(actual.benefits), app.project.project.currency());
        format!("  {} {amount} ({})", lang.t(R::LastMeasured), lang.month(Some(actual.month)))
    });
    let benefits_line =
        labelled(lang.t(R::ReviewBenefits), &form.benefits, form.field() == Field::Benefits, theme, last);
    frame.render_widget(Paragraph::new(benefits_line), benefits);
    if let Some(message) = &form.error {
        frame.render_widget(Paragraph::new(Line::styled(message.clone(), theme.status_error)), error);
    }
    let keys =
        Paragraph::new(Line::styled(lang.t(R::ReviewEntryHint), theme.muted)).wrap(Wrap { trim: true });
    frame.render_widget(keys, hint);
}

/// "Label : value_" with the value highlighted while it has the focus.
fn labelled<'a>(label: &str, value: &str, focused: bool, theme: &Theme, after: String) -> Line<'a> {
    let (text, style) =
        if focused { (format!("{value}_"), theme.selected_cell) } else { (value.to_owned(), theme.figure) };
    Line::from(vec![
        Span::styled(format!("{label} "), theme.label),
        Span::styled(format!(" {text} "), style),
        Span::styled(after, theme.muted),
    ])
}

fn render_kpi_cells(app: &App, form: &ReviewForm, frame: &mut Frame, area: Rect, theme: &Theme) {
    let lang = app.lang;
    let focused = match form.field() {
        Field::Kpi(index) => Some(index),
        Field::Date | Field::Benefits => None,
    };
    let header = Row::new([
        lang.t(R::FormIndicator),
        lang.t(Text::Unit),
        lang.t(R::FormLast),
        lang.t(Text::Target),
        lang.t(Text::Status),
        lang.t(R::FormNewValue),
    ])
    .style(theme.section);
    // As precise as entered (a cost per request of 0,08 € must not read 0,1), up to 3 places.
    let number = |value: Decimal| lang.measure(value);
    let rows = app.project.kpis.iter().zip(&form.kpis).enumerate().map(|(index, (kpi, typed))| {
        let last =
            kpi.latest().map_or_else(|| DASH.to_owned(), |m| format!("{} ({})", number(m.value.0), m.month));
        let cell = if focused == Some(index) {
            Cell::new(format!("{typed}_")).style(theme.selected_cell)
        } else {
            Cell::new(typed.clone())
        };
        Row::new([
            Cell::new(kpi.name.clone()),
            Cell::new(kpi.unit.clone().unwrap_or_default()),
            Cell::new(last),
            Cell::new(kpi.target.map_or_else(|| DASH.to_owned(), number)),
            Cell::new(kpi_status_name(lang, kpi.status())),
            cell,
        ])
    });
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(7),
        Constraint::Length(15),
        Constraint::Length(7),
        Constraint::Length(13),
        Constraint::Length(10),
    ];
    let table = Table::new(rows, widths).header(header).row_highlight_style(theme.selected_row);
    let mut state = TableState::default().with_selected(focused);
    frame.render_stateful_widget(table, area, &mut state);
}
