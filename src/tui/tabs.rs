//! One module per tab: each builds what it shows from the app state (a grid, figures already
//! computed by the engine) and draws it. No figure is computed here.

pub mod baseline;
pub mod data_table;
pub mod kpis;
pub mod matrix;
pub mod portfolio;
pub mod review;
pub mod sensitivity;
pub mod summary;
pub mod tco;

use super::app::{App, Tab};
use super::grid::{self, Grid};

/// The editable table of a tab, if it has one.
/// The height of the panels under a tab's table, for a body `body` rows high: their least on a
/// small screen, a third of the body on a tall one (charts and lists grow with the terminal).
pub fn panel_height(tab: Tab, body: u16) -> u16 {
    let least = match tab {
        Tab::Tco => 8,
        Tab::Kpis => 6,
        _ => return 0,
    };
    (body / 3).max(least)
}

pub fn grid(app: &App) -> Option<Grid> {
    match app.tab {
        Tab::Baseline => Some(baseline::grid(app)),
        Tab::Tco => Some(tco::grid(app)),
        Tab::Kpis => Some(kpis::grid(app)),
        Tab::Summary | Tab::Matrix | Tab::Sensitivity | Tab::Portfolio => None,
    }
}

/// A path into the project, written as in the file (`costs[1].monthly`).
pub fn path(text: &str) -> crate::domain::validate::FieldPath {
    crate::domain::validate::FieldPath::parse(text).unwrap_or_default()
}

/// Rates are kept as fractions and shown as percentages (`0.05` is `5 %`), everywhere the
/// workbench shows or edits them.
pub fn shown_as_percent(path: &crate::domain::validate::FieldPath) -> bool {
    use crate::domain::validate::Segment;
    let field = path.0.iter().rev().find_map(|segment| match segment {
        Segment::Key(key) if key != "range" => Some(key.as_str()),
        _ => None,
    });
    field.is_some_and(|field| {
        crate::domain::uncertainty::is_fraction(field) || matches!(field, "discount_rate" | "contingency")
    })
}

/// `1 900–2 900` (rates `10 %–30 %`): the ends of a value's range, as typed in this language.
pub fn range_ends(
    lang: crate::i18n::Lang,
    range: &crate::domain::uncertainty::Range,
    percent: bool,
) -> String {
    let end = |value: rust_decimal::Decimal| {
        if percent { lang.rate_exact(crate::domain::money::Rate::new(value)) } else { lang.measure(value) }
    };
    format!("{}–{}", end(range.low), end(range.high))
}

/// The line under a benefit, cost or risk that says where its figures come from: its source
/// and confidence, then the range of each value it gives (`ranged`: label, field, given).
pub fn provenance_row(
    lang: crate::i18n::Lang,
    base: &str,
    line: &dyn crate::domain::uncertainty::LineFacts,
    ranged: &[(crate::i18n::Text, &'static str, bool)],
) -> grid::Row {
    use crate::i18n::Text;
    use grid::Cell;
    let source = line.source().map_or_else(|| crate::i18n::DASH.to_owned(), str::to_owned);
    let confidence = crate::i18n::review::confidence_name(lang, line.confidence());
    let mut widths = vec![0, 20];
    let mut cells = vec![
        Cell::field(
            format!("    {}{}{source}", lang.t(Text::Source), lang.colon()),
            path(&format!("{base}.source")),
        )
        .labelled(lang.t(Text::Source)),
        Cell::field(
            format!("{}{}{confidence}", lang.t(Text::Confidence), lang.colon()),
            path(&format!("{base}.confidence")),
        )
        .labelled(lang.t(Text::Confidence)),
    ];
    for (label, field, _) in ranged.iter().filter(|(_, _, given)| *given) {
        let ends = line.ranges().get(field).map_or_else(
            || crate::i18n::DASH.to_owned(),
            |range| range_ends(lang, range, crate::domain::uncertainty::is_fraction(field)),
        );
        let text = format!("{} {ends}", lang.t(*label));
        // As wide as its text: a range's numbers are never cut (the source gives way).
        widths.push(u16::try_from(text.chars().count()).unwrap_or(u16::MAX));
        let label = format!("{} ({})", lang.t(*label), lang.t(Text::RangeShort).to_lowercase());
        cells.push(Cell::field(text, path(&format!("{base}.{field}.range"))).right().labelled(label));
    }
    grid::Row::detail_in(&widths, cells)
}
