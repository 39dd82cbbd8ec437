//! Summary tab: ROI adjusted and classic at 12/24/36 months, NPV, IRR, break-even, risk
//! provision, the stress verdict and the department's reference range; the cumulative net
//! cash-flow chart with the valley of death and the break-even month; the warnings.

use crate::domain::engine::Figures;
use crate::domain::money::{Amount, Percent};
use crate::domain::reference::{REFERENCE_MONTH, month_compared, reference_range, size_reference};
use crate::i18n::review::{quadrant_short, size_reference_label};
use crate::i18n::{DASH, Text, warning_sentence};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::{block, cash_flow_chart};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    // On a small screen the warnings take a few lines and scroll, so the figures stay seen.
    let most = if area.height < 30 { 5 } else { 8 };
    let warnings_height = (wrapped_lines(app, area.width.saturating_sub(2)) + 2).clamp(3, most);
    let [top, bottom] =
        area.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(warnings_height)]));
    let width = figures_width(app.figures.checkpoints().len());
    let [figures, chart] = top.layout(&Layout::horizontal([Constraint::Length(width), Constraint::Fill(1)]));
    let lines = figure_lines(app, theme);
    let offset = scroll_of(app.cursor().row, lines.len(), figures.height.saturating_sub(2));
    frame.render_widget(
        Paragraph::new(lines).scroll((offset, 0)).block(block(app.lang.t(Text::Figures), theme)),
        figures,
    );
    let flows = &app.figures.flows;
    cash_flow_chart(frame, chart, theme, app.lang, &[(flows, theme.figure)]);
    render_warnings(app, frame, bottom, theme);
}

/// The key figures' panel: its width, and its labels' column.
const FIGURES_WIDTH: u16 = 44;
const LABEL_WIDTH: usize = 23;
/// The ROI rows' label, and each checkpoint's column.
const MONTH_LABEL_WIDTH: usize = 14;
const CHECKPOINT_WIDTH: usize = 9;

/// The panel's width for `checkpoints` columns (12, 24, 36 and the horizon past them: four
/// for a 48-month project, which widens it and narrows the chart).
fn figures_width(checkpoints: usize) -> u16 {
    let columns = 2 + MONTH_LABEL_WIDTH + CHECKPOINT_WIDTH * checkpoints;
    FIGURES_WIDTH.max(u16::try_from(columns).unwrap_or(FIGURES_WIDTH))
}
/// What a value of the panel may take: the panel less its borders and the labels.
const VALUE_WIDTH: usize = FIGURES_WIDTH as usize - 2 - LABEL_WIDTH;

/// How far the Summary can scroll (`j`, `PgDn`, `G`): through its figures and its warnings.
pub fn scroll_rows(app: &App) -> usize {
    let figures = figure_lines(app, &Theme::monochrome()).len();
    figures.max(usize::from(wrapped_lines(app, 76)))
}

/// A panel of `lines` in `height` rows, read from row `wanted`: scrolled no further than its end.
fn scroll_of(wanted: usize, lines: usize, height: u16) -> u16 {
    let most = lines.saturating_sub(usize::from(height));
    u16::try_from(wanted.min(most)).unwrap_or(0)
}

/// How many screen lines the warnings take once wrapped to `width`.
fn wrapped_lines(app: &App, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let lines: usize = app
        .figures
        .warnings
        .iter()
        .map(|w| (warning_sentence(app.lang, w).chars().count() + 2).div_ceil(width))
        .sum();
    u16::try_from(lines).unwrap_or(u16::MAX)
}

fn figure_lines<'a>(app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let lang = app.lang;
    let figures: &Figures = &app.figures;
    let flows = &figures.flows;
    // The method's checkpoints within the horizon (12, 24, 36), and the horizon.
    let checkpoints = figures.checkpoints();
    let (label, column) = (MONTH_LABEL_WIDTH, CHECKPOINT_WIDTH);
    let mut header = vec![Span::styled(format!("{:<label$}", lang.t(Text::Month)), theme.label)];
    header.extend(checkpoints.iter().map(|c| Span::styled(format!("{:>column$}", c.month), theme.label)));
    let row = |text: Text, value: &dyn Fn(&crate::domain::engine::Cumulative) -> Option<Percent>| {
        let mut spans = vec![Span::raw(format!("{:<label$}", lang.t(text)))];
        spans.extend(checkpoints.iter().map(|c| {
            let v = value(c);
            Span::styled(format!("{:>column$}", lang.percent(v)), theme.signed(v))
        }));
        Line::from(spans)
    };
    let money = |v: Amount| lang.money_fit(v, app.currency(), VALUE_WIDTH);
    let pair = |label: Text, value: String, style| {
        Line::from(vec![Span::raw(format!("{:<LABEL_WIDTH$}", lang.t(label))), Span::styled(value, style)])
    };
    let stress = &figures.stress;
    let verdict = lang.t(if stress.robust { Text::Robust } else { Text::Fragile });
    let mut lines = vec![
        Line::from(header),
        row(Text::RoiAdjusted, &|c| c.roi_adjusted_pct()),
        row(Text::RoiClassic, &|c| c.roi_classic_pct()),
        Line::raw(""),
        pair(Text::Npv, money(Amount::new(flows.npv)), theme.signed(Some(flows.npv))),
        pair(Text::Irr, lang.irr_figure(&figures.irr), theme.figure),
        pair(Text::BreakEven, lang.month(flows.break_even_month), theme.figure),
        pair(Text::BreakEvenClassic, lang.month(flows.break_even_month_classic), theme.figure),
        pair(Text::RiskProvision, money(figures.risk_total), theme.figure),
        pair(Text::ValleyOfDeath, valley(app), theme.bad),
        pair(Text::Tco, money(Amount::new(flows.at_horizon().tco)), theme.figure),
        pair(
            Text::StressTest,
            format!("{verdict} ({})", lang.percent(stress.roi_adjusted_pct)),
            if stress.robust { theme.good } else { theme.bad },
        ),
        pair(Text::Quadrant, quadrant_short(lang, figures.quadrant).to_owned(), theme.figure),
    ];
    lines.extend(reference_lines(app, theme));
    lines
}

/// The reference ranges, each labelled with the month it is read at and followed by this
/// project's adjusted ROI at that month: the department's (when it has one), then the size's.
fn reference_lines<'a>(app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let lang = app.lang;
    let info = &app.project.project;
    let size = size_reference(info.company_size());
    let department = reference_range(info.department())
        .map(|range| (lang.t(Text::ReferenceShort), range, REFERENCE_MONTH));
    let by_size = (size_reference_label(lang, size.size), size.range, size.month);
    department
        .into_iter()
        .chain([by_size])
        .map(|(label, range, month)| {
            let read_at = month_compared(month, app.figures.horizon);
            let range = lang.range_pct(range);
            // The project's figure takes what the range leaves, never cut: "(…)" costs 3.
            let room = VALUE_WIDTH.saturating_sub(range.chars().count() + 3);
            let own = app.figures.flows.at(read_at).roi_adjusted_pct();
            let own = own.map_or_else(|| DASH.to_owned(), |own| lang.percent_fit(own, room));
            let label = format!("{label} (m{read_at})");
            Line::from(vec![
                Span::raw(format!("{label:<LABEL_WIDTH$}")),
                Span::styled(format!("{range} ({own})"), theme.muted),
            ])
        })
        .collect()
}

/// The lowest cumulative net cash flow and its month: the "valley of death".
fn valley(app: &App) -> String {
    let lang = app.lang;
    match app.figures.flows.valley() {
        Some(m) => {
            // The month goes when the amount needs the room: the chart below names it too.
            let amount = Amount::new(m.cumulative_net);
            let month = format!(" ({} {})", lang.t(Text::MonthShort), m.month);
            let room = VALUE_WIDTH.saturating_sub(month.chars().count());
            match lang.money_fit(amount, app.currency(), room) {
                fits if fits.chars().count() <= room => format!("{fits}{month}"),
                _ => lang.money_fit(amount, app.currency(), VALUE_WIDTH),
            }
        }
        None => "—".to_owned(),
    }
}

fn render_warnings(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let lang = app.lang;
    let lines: Vec<Line> = if app.figures.warnings.is_empty() {
        vec![Line::styled(lang.t(Text::NoWarnings), theme.good)]
    } else {
        app.figures
            .warnings
            .iter()
            .map(|w| Line::from(vec![Span::styled("! ", theme.warn), Span::raw(warning_sentence(lang, w))]))
            .collect()
    };
    let title = format!("{} ({})", lang.t(Text::Warnings), app.figures.warnings.len());
    let wrapped = usize::from(wrapped_lines(app, area.width.saturating_sub(2)));
    let offset = scroll_of(app.cursor().row, wrapped, area.height.saturating_sub(2));
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: true }).scroll((offset, 0));
    frame.render_widget(paragraph.block(block(&title, theme)), area);
}
