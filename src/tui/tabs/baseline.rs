//! Baseline tab: the project's settings, the measured baseline, and the benefit lines with
//! their inputs and resulting monthly value V, FT and ramp.

use super::path;
use crate::domain::money::Rate;
use crate::domain::project::{Benefit, Project};
use crate::i18n::review::{
    benefit_kind_name, company_size_name, department_name, input_name, maturity_name, status_name,
    value_class_name,
};
use crate::i18n::{Lang, Text};
use crate::tui::app::App;
use crate::tui::grid::{Cell, Collection, Grid, Row};
use crate::tui::theme::Theme;
use crate::tui::widgets::render_grid;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Settings rows: a label, then the value with the rest of the width.
const SETTINGS: [u16; 2] = [24, 0];
/// A benefit's input: its name, its value, its range.
const INPUT: [u16; 3] = [0, 14, 26];

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let title = app.lang.t(Text::TabBaseline);
    render_grid(app, frame, area, theme, &grid(app), title);
}

pub fn grid(app: &App) -> Grid {
    let lang = app.lang;
    let project = &app.project;
    let mut rows = project_rows(project, lang);
    rows.extend(baseline_rows(project, lang));
    rows.extend(benefit_rows(app));
    Grid { rows }
}

fn setting(label: Text, value: String, key: &str, lang: Lang) -> Row {
    Row::detail(vec![
        Cell::text(format!("  {}", lang.t(label))),
        Cell::field(value, path(&format!("project.{key}"))),
    ])
}

fn project_rows(project: &Project, lang: Lang) -> Vec<Row> {
    let info = &project.project;
    let text = |value: Option<String>| value.unwrap_or_else(|| "—".into());
    let number = |value: Option<i64>| text(value.map(|v| v.to_string()));
    vec![
        Row::section(None, &SETTINGS, vec![Cell::text(lang.t(Text::SectionProject))]),
        setting(Text::Name, info.name.clone(), "name", lang),
        setting(Text::Department, department_name(lang, info.department()).into(), "department", lang),
        setting(Text::CompanySize, company_size_name(lang, info.company_size()).into(), "company_size", lang),
        setting(Text::Owner, text(info.owner.clone()), "owner", lang),
        setting(Text::Status, status_name(lang, info.status()).into(), "status", lang),
        setting(Text::Start, text(info.start.map(|s| s.to_string())), "start", lang),
        setting(
            Text::Horizon,
            format!("{} {}", info.horizon_months(), lang.t(Text::Months)),
            "horizon_months",
            lang,
        ),
        setting(Text::Maturity, maturity_name(lang, info.maturity()).into(), "maturity", lang),
        setting(
            Text::MaturityFactor,
            lang.number(info.maturity_factor().fraction(), 2),
            "maturity_factor",
            lang,
        ),
        setting(Text::DiscountRate, lang.rate(info.discount_rate()), "discount_rate", lang),
        setting(Text::Contingency, lang.rate(info.contingency()), "contingency", lang),
        setting(Text::Impact, number(info.impact), "impact", lang),
        setting(Text::Feasibility, number(info.feasibility), "feasibility", lang),
        setting(Text::Currency, info.currency().into(), "currency", lang),
    ]
}

fn baseline_rows(project: &Project, lang: Lang) -> Vec<Row> {
    let baseline = project.baseline.clone().unwrap_or_default();
    let month =
        |m: Option<_>| m.map_or_else(|| "—".to_owned(), |m: crate::domain::project::YearMonth| m.to_string());
    let period = baseline.period_months().map_or_else(
        || lang.t(Text::BaselineMissingShort).to_owned(),
        |n| format!("{n} {}", lang.months_after(n.into())),
    );
    let mut rows = vec![
        Row::section(None, &SETTINGS, vec![Cell::text(lang.t(Text::SectionBaseline)), Cell::text(period)]),
        Row::detail(vec![
            Cell::text(format!("  {}", lang.t(Text::PeriodStart))),
            Cell::field(month(baseline.period_start), path("baseline.period_start")),
        ]),
        Row::detail(vec![
            Cell::text(format!("  {}", lang.t(Text::PeriodEnd))),
            Cell::field(month(baseline.period_end), path("baseline.period_end")),
        ]),
        Row::section(
            Some(Collection::Metrics),
            &[0, 14, 12],
            vec![
                Cell::text(lang.t(Text::SectionMetrics)),
                Cell::text(lang.t(Text::Unit)),
                Cell::figure(lang.t(Text::Value)),
            ],
        ),
    ];
    for (i, metric) in baseline.metrics.iter().enumerate() {
        let base = format!("baseline.metrics[{i}]");
        rows.push(Row::item(
            Collection::Metrics,
            i,
            vec![
                Cell::field(
                    format!("  {}", metric.name.as_deref().unwrap_or(&metric.key)),
                    path(&format!("{base}.name")),
                ),
                Cell::field(metric.unit.clone().unwrap_or_default(), path(&format!("{base}.unit"))),
                Cell::field(lang.measure(metric.value), path(&format!("{base}.value"))).right(),
            ],
        ));
    }
    rows
}

fn benefit_rows(app: &App) -> Vec<Row> {
    let lang = app.lang;
    let mut rows = vec![Row::section(
        Some(Collection::Benefits),
        &[0, 15, 12, 5, 5, 11, 5],
        [
            Text::SectionBenefits,
            Text::Kind,
            Text::ValueClass,
            Text::StartShort,
            Text::RampShort,
            Text::MonthlyValue,
            Text::TimeFactorShort,
        ]
        .into_iter()
        .enumerate()
        .map(|(i, t)| if i >= 3 { Cell::figure(lang.t(t)) } else { Cell::text(lang.t(t)) })
        .collect(),
    )];
    for (i, line) in app.project.benefits.iter().enumerate() {
        let base = format!("benefits[{i}]");
        let value = app.figures.benefit_values.get(i).copied().unwrap_or_default();
        rows.push(Row::item(
            Collection::Benefits,
            i,
            vec![
                Cell::field(format!("  {}", line.name), path(&format!("{base}.name"))),
                Cell::field(benefit_kind_name(lang, line.kind), path(&format!("{base}.kind"))),
                Cell::field(
                    value_class_name(lang, line.value_class.unwrap_or_default()),
                    path(&format!("{base}.value_class")),
                ),
                Cell::field(line.start_month().to_string(), path(&format!("{base}.start_month"))).right(),
                Cell::field(line.ramp_months().to_string(), path(&format!("{base}.ramp_months"))).right(),
                Cell::amount(lang, Some(value), app.currency()),
                Cell::field(lang.rate(line.time_factor()), path(&format!("{base}.time_factor"))).right(),
            ],
        ));
        rows.extend(input_rows(line, &base, lang));
        rows.push(super::provenance_row(lang, &base, line, &[]));
    }
    rows
}

/// The inputs of a benefit's kind, one editable row each.
fn input_rows(line: &Benefit, base: &str, lang: Lang) -> Vec<Row> {
    crate::domain::schema::shown_inputs_of(line.kind)
        .map(|input| {
            let (key, value) = (input.key, (input.value)(line));
            let field = path(&format!("{base}.{key}"));
            let percent = super::shown_as_percent(&field);
            let shown = value.map_or_else(
                || "—".to_owned(),
                |v| if percent { lang.rate(Rate::new(v)) } else { lang.number(v, 2) },
            );
            let range = line.ranges.get(key).map_or_else(
                || format!("{} —", lang.t(Text::RangeShort)),
                |range| format!("({})", super::range_ends(lang, range, percent)),
            );
            Row::detail_in(
                &INPUT,
                vec![
                    Cell::text(format!("    {}", input_name(lang, key))),
                    Cell::field(shown, field).right(),
                    Cell::field(range, path(&format!("{base}.{key}.range"))).labelled(format!(
                        "{} ({})",
                        input_name(lang, key),
                        lang.t(Text::RangeShort).to_lowercase()
                    )),
                ],
            )
        })
        .collect()
}
