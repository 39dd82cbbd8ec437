//! The report's charts as SVG images, drawn from the same figures as the document's numbers.
//!
//! Pure: [`ChartData`] in, SVG text out. Money stays `Decimal` for every label and tick; it
//! becomes `f64` only to be placed on the page. The colours are dark and light tones of one
//! blue, with a dashed marker, so a chart printed in grey reads the same.

use super::document::{Chart, ChartData, TORNADO_DRIVERS_SHOWN, UNCERTAIN_INPUTS_SHOWN};
use super::markup::{Anchor, Svg};
use crate::domain::money::Amount;
use crate::domain::whatif::moving_lines;
use crate::i18n::review::{category_name, driver_name, uncertain_input_name};
use crate::i18n::{HtmlText, Lang, Text};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, MathematicalOps};

/// Every chart is this many units wide and scales to the page's width.
const WIDTH: f64 = 720.0;
/// Room left of the plot for axis labels and category or driver names.
const LABEL_COLUMN: f64 = 150.0;
/// Room right of the plot: the amounts written after the TCO bars.
const RIGHT_MARGIN: f64 = 110.0;
/// The height of one bar's row, and of the bar in it.
const ROW: f64 = 26.0;
const BAR: f64 = 16.0;
/// About this many intervals on a money axis.
const TICK_INTERVALS: i64 = 5;

const INK: &str = r##"fill="#222""##;
const SMALL_INK: &str = r##"fill="#444" font-size="11""##;
const GRID: &str = r##"stroke="#d0d0d0" stroke-width="1""##;
const ZERO_LINE: &str = r##"stroke="#000" stroke-width="1.2""##;
const TICK: &str = r##"stroke="#444" stroke-width="1""##;
const CURVE: &str = r##"stroke="#1f3a5f" stroke-width="2.5" stroke-linejoin="round""##;
const MARKER: &str = r##"stroke="#000" stroke-width="1.5" stroke-dasharray="6 4""##;
const BAR_FILL: &str = r##"fill="#4a6d96""##;
const LOWERED_FILL: &str = r##"fill="#b4c4da" stroke="#1f3a5f" stroke-width="0.8""##;
const RAISED_FILL: &str = r##"fill="#1f3a5f""##;

/// The SVG image of `chart`.
pub fn render(chart: Chart, data: &ChartData<'_>, lang: Lang) -> String {
    match chart {
        Chart::CumulativeCashFlow => cumulative_cash_flow(data, lang),
        Chart::TcoByCategory => tco_by_category(data, lang),
        Chart::Tornado => tornado(data, lang),
        Chart::Spider => spider(data, lang),
        Chart::UncertaintyDrivers => uncertainty_drivers(data, lang),
    }
}

/// The chart's title, the image's name for screen readers.
pub fn title(chart: Chart, lang: Lang) -> &'static str {
    lang.t(match chart {
        Chart::CumulativeCashFlow => HtmlText::ChartCashFlow,
        Chart::TcoByCategory => HtmlText::ChartTco,
        Chart::Tornado => HtmlText::ChartTornado,
        Chart::Spider => HtmlText::ChartSpider,
        Chart::UncertaintyDrivers => HtmlText::ChartUncertainty,
    })
}

/// The allowed edge between money and geometry.
fn to_f64(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// A linear map from values to page units. Its value span is never zero: callers build it
/// from [`ticks`] or from a month count of at least one.
#[derive(Debug, Clone, Copy)]
struct Scale {
    low: f64,
    high: f64,
    start: f64,
    end: f64,
}

impl Scale {
    fn new(low: f64, high: f64, start: f64, end: f64) -> Self {
        Self { low, high, start, end }
    }

    /// The scale spanning the first and last tick.
    fn over(ticks: &[Decimal], start: f64, end: f64) -> Self {
        let low = ticks.first().copied().unwrap_or(Decimal::ZERO);
        let high = ticks.last().copied().unwrap_or(Decimal::ONE);
        Self::new(to_f64(low), to_f64(high), start, end)
    }

    fn at(self, value: f64) -> f64 {
        self.start + (value - self.low) / (self.high - self.low) * (self.end - self.start)
    }

    fn money(self, value: Decimal) -> f64 {
        self.at(to_f64(value))
    }
}

/// The smallest and largest of `anchor` and `values`.
fn bounds(anchor: Decimal, values: impl IntoIterator<Item = Decimal>) -> (Decimal, Decimal) {
    values.into_iter().fold((anchor, anchor), |(low, high), v| (low.min(v), high.max(v)))
}

/// Round tick values covering `low..=high`: multiples of 1, 2 or 5 × a power of ten, at
/// least one currency unit apart so that whole-unit labels never repeat. A single value is
/// widened by one unit each side, so there are always at least two ticks.
fn ticks(low: Decimal, high: Decimal) -> Vec<Decimal> {
    let (low, high) = if low < high { (low, high) } else { (low - Decimal::ONE, high + Decimal::ONE) };
    let step = nice_step((high - low) / Decimal::from(TICK_INTERVALS));
    let mut tick = (low / step).floor() * step;
    let mut ticks = vec![tick];
    while tick < high {
        tick += step;
        ticks.push(tick);
    }
    ticks
}

/// 1, 2, 5 or 10 × the power of ten at or below `raw`, and never below 1.
fn nice_step(raw: Decimal) -> Decimal {
    let exponent = to_f64(raw).log10().floor().max(0.0) as u64;
    // Amounts are bounded by validation far below `Decimal::MAX`; checked arithmetic keeps
    // even an absurd figure from panicking (it gets a coarser step).
    let power = Decimal::TEN.checked_powu(exponent).unwrap_or(Decimal::MAX);
    [1, 2, 5, 10]
        .into_iter()
        .filter_map(|m| power.checked_mul(Decimal::from(m)))
        .find(|step| *step >= raw)
        .unwrap_or(power)
}

/// Months between two labels of the month axis, so that a 6- to 120-month horizon gets
/// between 3 and 10 labels.
fn month_step(horizon: i64) -> i64 {
    match horizon {
        ..=12 => 2,
        13..=24 => 3,
        25..=60 => 6,
        _ => 12,
    }
}

/// Horizontal grid lines with money labels on the left of the plot.
fn money_grid(svg: &mut Svg, ticks: &[Decimal], y: Scale, x_range: (f64, f64), lang: Lang, currency: &str) {
    for tick in ticks {
        let at = y.money(*tick);
        svg.line((x_range.0, at), (x_range.1, at), GRID);
        svg.text(
            (x_range.0 - 6.0, at + 4.0),
            Anchor::End,
            SMALL_INK,
            &lang.money_whole(Amount::new(*tick), currency),
        );
    }
}

/// Vertical grid lines with money labels under the plot.
fn money_axis_below(
    svg: &mut Svg,
    ticks: &[Decimal],
    x: Scale,
    y_range: (f64, f64),
    lang: Lang,
    currency: &str,
) {
    for tick in ticks {
        let at = x.money(*tick);
        svg.line((at, y_range.0), (at, y_range.1), GRID);
        // A label centred on the last tick would run past the right edge ("-500 000 CHF").
        let anchor = if at > WIDTH - 60.0 { Anchor::End } else { Anchor::Middle };
        svg.text((at, y_range.1 + 15.0), anchor, SMALL_INK, &lang.money_whole(Amount::new(*tick), currency));
    }
}

/// A text placed beside a vertical line at `x`, on whichever side has more room.
fn label_beside(svg: &mut Svg, x: f64, y: f64, text: &str) {
    if x > WIDTH / 2.0 {
        svg.text((x - 5.0, y), Anchor::End, INK, text);
    } else {
        svg.text((x + 5.0, y), Anchor::Start, INK, text);
    }
}

/// A small image holding one sentence, for a chart with nothing to draw.
fn empty_chart(title: &str, sentence: &str) -> String {
    let mut svg = Svg::new(WIDTH, 40.0, title);
    svg.text((WIDTH / 2.0, 24.0), Anchor::Middle, INK, sentence);
    svg.finish()
}

/// The cumulative net cash flow from month 0 (nothing spent yet) to the horizon, the zero
/// line, and the break-even month as a dashed vertical line — or "not reached".
fn cumulative_cash_flow(data: &ChartData<'_>, lang: Lang) -> String {
    const HEIGHT: f64 = 320.0;
    const TOP: f64 = 30.0;
    const BOTTOM: f64 = HEIGHT - 45.0;
    let (left, right) = (90.0, WIDTH - 20.0);
    let currency = data.project.project.currency();
    let flows = &data.figures.flows;
    let horizon = flows.monthly.last().map_or(data.figures.horizon, |m| m.month).max(1);

    let (low, high) = bounds(Decimal::ZERO, flows.monthly.iter().map(|m| m.cumulative_net));
    let money_ticks = ticks(low, high);
    let y = Scale::over(&money_ticks, BOTTOM, TOP);
    let x = Scale::new(0.0, horizon as f64, left, right);

    let mut svg = Svg::new(WIDTH, HEIGHT, title(Chart::CumulativeCashFlow, lang));
    money_grid(&mut svg, &money_ticks, y, (left, right), lang, currency);
    let step = month_step(horizon);
    for month in (step..=horizon).step_by(step as usize) {
        let at = x.at(month as f64);
        svg.line((at, BOTTOM), (at, BOTTOM + 4.0), TICK);
        svg.text((at, BOTTOM + 17.0), Anchor::Middle, SMALL_INK, &month.to_string());
    }
    svg.text(((left + right) / 2.0, HEIGHT - 8.0), Anchor::Middle, INK, lang.t(Text::Month));
    svg.line((left, y.at(0.0)), (right, y.at(0.0)), ZERO_LINE);

    let origin = std::iter::once((x.at(0.0), y.at(0.0)));
    let points: Vec<(f64, f64)> = origin
        .chain(flows.monthly.iter().map(|m| (x.at(m.month as f64), y.money(m.cumulative_net))))
        .collect();
    svg.polyline(&points, CURVE);

    let label = format!("{}{}{}", lang.t(Text::BreakEven), lang.colon(), lang.month(flows.break_even_month));
    match flows.break_even_month {
        Some(month) => {
            let at = x.at(month as f64);
            svg.line((at, TOP - 8.0), (at, BOTTOM), MARKER);
            label_beside(&mut svg, at, TOP - 12.0, &label);
        }
        None => svg.text((right, TOP - 12.0), Anchor::End, INK, &label),
    }
    svg.finish()
}

/// One horizontal bar per cost category, largest first, its amount written after it.
fn tco_by_category(data: &ChartData<'_>, lang: Lang) -> String {
    let chart_title = title(Chart::TcoByCategory, lang);
    let totals = data.figures.cost_by_category(data.project);
    if totals.is_empty() {
        return empty_chart(chart_title, lang.t(HtmlText::NoCosts));
    }
    let currency = data.project.project.currency();
    let height = totals.len() as f64 * ROW + 12.0;
    let (low, high) = bounds(Decimal::ZERO, totals.iter().map(|(_, total)| total.value()));
    // No axis: each bar carries its amount, so the scale only needs to span the bars.
    let x = Scale::over(&[low, high.max(low + Decimal::ONE)], LABEL_COLUMN, WIDTH - RIGHT_MARGIN);

    let mut svg = Svg::new(WIDTH, height, chart_title);
    for (row, (category, total)) in totals.iter().enumerate() {
        let middle = 6.0 + (row as f64 + 0.5) * ROW;
        svg.text((LABEL_COLUMN - 8.0, middle + 4.0), Anchor::End, INK, category_name(lang, *category));
        let (zero, end) = (x.at(0.0), x.money(total.value()));
        svg.rect((zero, middle - BAR / 2.0), (end, middle + BAR / 2.0), BAR_FILL);
        svg.text(
            (zero.max(end) + 6.0, middle + 4.0),
            Anchor::Start,
            INK,
            &lang.money_whole(*total, currency),
        );
    }
    svg.line((x.at(0.0), 0.0), (x.at(0.0), height), ZERO_LINE);
    svg.finish()
}

/// Each driver's NPV at its low and high value, as two bars leaving the base NPV, in the
/// order given (largest swing first), with an NPV axis under them and a legend.
fn tornado(data: &ChartData<'_>, lang: Lang) -> String {
    const TOP: f64 = 28.0;
    let chart_title = title(Chart::Tornado, lang);
    let bars = &data.tornado[..data.tornado.len().min(TORNADO_DRIVERS_SHOWN)];
    if bars.is_empty() {
        return empty_chart(chart_title, lang.t(HtmlText::NoTornado));
    }
    let currency = data.project.project.currency();
    let base = data.figures.flows.npv;
    let bottom = TOP + bars.len() as f64 * ROW;
    let height = bottom + 56.0;
    let (low, high) = bounds(base, bars.iter().flat_map(|b| [b.npv_low, b.npv_high]));
    let npv_ticks = ticks(low, high);
    let x = Scale::over(&npv_ticks, LABEL_COLUMN, WIDTH - 30.0);

    let mut svg = Svg::new(WIDTH, height, chart_title);
    money_axis_below(&mut svg, &npv_ticks, x, (TOP, bottom), lang, currency);
    for (row, bar) in bars.iter().enumerate() {
        let middle = TOP + (row as f64 + 0.5) * ROW;
        svg.text((LABEL_COLUMN - 8.0, middle + 4.0), Anchor::End, INK, driver_name(lang, bar.driver));
        let (top, bar_bottom) = (middle - BAR / 2.0, middle + BAR / 2.0);
        svg.rect((x.money(base), top), (x.money(bar.npv_low), bar_bottom), LOWERED_FILL);
        svg.rect((x.money(base), top), (x.money(bar.npv_high), bar_bottom), RAISED_FILL);
    }
    let at_base = x.money(base);
    svg.line((at_base, TOP - 8.0), (at_base, bottom), ZERO_LINE);
    let base_label = format!(
        "{}{}{}",
        lang.t(HtmlText::BaseNpv),
        lang.colon(),
        lang.money_whole(Amount::new(base), currency)
    );
    label_beside(&mut svg, at_base, TOP - 12.0, &base_label);
    legend(&mut svg, bottom + 40.0, lang);
    svg.finish()
}

/// The strokes of the spider's lines: two tones of the charts' blue, each solid or dashed in
/// four ways, so that ten lines stay apart in print and in grey.
const SPIDER_STROKES: [&str; 10] = [
    r##"stroke="#1f3a5f" stroke-width="2.2""##,
    r##"stroke="#6f8fb8" stroke-width="2.2""##,
    r##"stroke="#1f3a5f" stroke-width="2" stroke-dasharray="8 4""##,
    r##"stroke="#6f8fb8" stroke-width="2" stroke-dasharray="8 4""##,
    r##"stroke="#1f3a5f" stroke-width="2" stroke-dasharray="2 3""##,
    r##"stroke="#6f8fb8" stroke-width="2" stroke-dasharray="2 3""##,
    r##"stroke="#1f3a5f" stroke-width="2" stroke-dasharray="10 3 2 3""##,
    r##"stroke="#6f8fb8" stroke-width="2" stroke-dasharray="10 3 2 3""##,
    r##"stroke="#1f3a5f" stroke-width="1.2""##,
    r##"stroke="#6f8fb8" stroke-width="1.2" stroke-dasharray="4 2""##,
];

/// The NPV as each driver moves alone from −50 % to +50 %: one line per driver that moves it,
/// widest first, crossing at the base NPV at 0 %, and a legend of the lines under the plot.
fn spider(data: &ChartData<'_>, lang: Lang) -> String {
    const TOP: f64 = 20.0;
    const PLOT_BOTTOM: f64 = 280.0;
    const LEGEND_ROW: f64 = 20.0;
    let chart_title = title(Chart::Spider, lang);
    let lines = moving_lines(data.spider);
    if lines.is_empty() {
        return empty_chart(chart_title, lang.t(HtmlText::NoTornado));
    }
    let currency = data.project.project.currency();
    let (left, right) = (90.0, WIDTH - 20.0);
    let legend_top = PLOT_BOTTOM + 62.0;
    let height = legend_top + lines.len().div_ceil(2) as f64 * LEGEND_ROW;
    let (low, high) = bounds(Decimal::ZERO, lines.iter().flat_map(|l| l.points.iter().map(|p| p.npv)));
    let npv_ticks = ticks(low, high);
    let y = Scale::over(&npv_ticks, PLOT_BOTTOM, TOP);
    let x = Scale::new(-50.0, 50.0, left, right);

    let mut svg = Svg::new(WIDTH, height, chart_title);
    money_grid(&mut svg, &npv_ticks, y, (left, right), lang, currency);
    for change in (-50..=50).step_by(10) {
        let at = x.at(change as f64);
        svg.line((at, PLOT_BOTTOM), (at, PLOT_BOTTOM + 4.0), TICK);
        svg.text((at, PLOT_BOTTOM + 17.0), Anchor::Middle, SMALL_INK, &lang.change_pct(change));
    }
    svg.text(((left + right) / 2.0, PLOT_BOTTOM + 36.0), Anchor::Middle, INK, lang.t(HtmlText::SpiderAxis));
    svg.line((left, y.at(0.0)), (right, y.at(0.0)), ZERO_LINE);
    svg.line((x.at(0.0), TOP), (x.at(0.0), PLOT_BOTTOM), MARKER);
    for (line, stroke) in lines.iter().zip(SPIDER_STROKES.iter().cycle()) {
        let points: Vec<(f64, f64)> =
            line.points.iter().map(|p| (x.at(p.change_pct as f64), y.money(p.npv))).collect();
        svg.polyline(&points, stroke);
    }
    for (i, (line, stroke)) in lines.iter().zip(SPIDER_STROKES.iter().cycle()).enumerate() {
        let column = left + (i % 2) as f64 * (right - left) / 2.0;
        let middle = legend_top + (i / 2) as f64 * LEGEND_ROW;
        svg.line((column, middle - 4.0), (column + 36.0, middle - 4.0), stroke);
        svg.text((column + 44.0, middle), Anchor::Start, INK, driver_name(lang, line.driver));
    }
    svg.finish()
}

/// The uncertain inputs that weigh most, each named above a bar of its share of the NPV's
/// variance (0 to 100 %), dark when the NPV rises with the input and light when it falls; the
/// share written after the bar.
fn uncertainty_drivers(data: &ChartData<'_>, lang: Lang) -> String {
    const NAMED_ROW: f64 = 38.0;
    let chart_title = title(Chart::UncertaintyDrivers, lang);
    let inputs = data.monte_carlo.map_or(&[][..], |run| &run.drivers[..]);
    let shown = &inputs[..inputs.len().min(UNCERTAIN_INPUTS_SHOWN)];
    if shown.is_empty() {
        return empty_chart(chart_title, lang.t(HtmlText::NoUncertainInput));
    }
    let (left, right) = (20.0, WIDTH - RIGHT_MARGIN);
    let bottom = shown.len() as f64 * NAMED_ROW;
    let x = Scale::new(0.0, 1.0, left, right);
    let mut svg = Svg::new(WIDTH, bottom + 30.0, chart_title);
    for (row, input) in shown.iter().enumerate() {
        let top = row as f64 * NAMED_ROW;
        svg.text(
            (left, top + 14.0),
            Anchor::Start,
            INK,
            &uncertain_input_name(lang, data.project, input.key),
        );
        let paint = if input.rank_correlation.is_sign_negative() { LOWERED_FILL } else { RAISED_FILL };
        let end = x.at(to_f64(input.variance_share));
        svg.rect((left, top + 19.0), (end, top + 19.0 + BAR), paint);
        let share = lang.rate(crate::domain::money::Rate::new(input.variance_share));
        svg.text((end + 6.0, top + 31.0), Anchor::Start, INK, &share);
    }
    svg.line((left, 0.0), (left, bottom), ZERO_LINE);
    swatches(
        &mut svg,
        (left, bottom + 22.0),
        [(RAISED_FILL, HtmlText::RisesWithInput), (LOWERED_FILL, HtmlText::FallsWithInput)],
        lang,
    );
    svg.finish()
}

/// The two swatches of the tornado: the driver lowered, the driver raised.
fn legend(svg: &mut Svg, y: f64, lang: Lang) {
    let entries = [(LOWERED_FILL, HtmlText::DriverLowered), (RAISED_FILL, HtmlText::DriverRaised)];
    swatches(svg, (LABEL_COLUMN, y), entries, lang);
}

/// Two filled swatches and their meaning, side by side from `at`.
fn swatches(svg: &mut Svg, at: (f64, f64), entries: [(&str, HtmlText); 2], lang: Lang) {
    let (left, y) = at;
    for (i, (paint, text)) in entries.into_iter().enumerate() {
        let x = left + i as f64 * 260.0;
        svg.rect((x, y - 10.0), (x + 14.0, y + 2.0), paint);
        svg.text((x + 20.0, y), Anchor::Start, INK, lang.t(text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::project::CostCategory;
    use crate::domain::sensitivity::{DEFAULT_WIDTH, TornadoBar, tornado};
    use crate::domain::whatif::SpiderLine;
    use crate::domain::{Drivers, Figures, Project};

    /// A project of `horizon` months with the given benefit and cost lines (TOML tables).
    fn project(horizon: i64, currency: &str, lines: &str) -> Project {
        let text = format!(
            "schema = 1\n[project]\nname = \"Test\"\ncurrency = \"{currency}\"\nhorizon_months = {horizon}\n\
             maturity = \"mature\"\n{lines}"
        );
        crate::store::format::parse(&text).unwrap()
    }

    const PAYING: &str = "[[benefits]]\nname = \"b\"\nkind = \"other\"\nmonthly_value = 3000\n\
        [[costs]]\nname = \"build\"\ncategory = \"development\"\none_off = 20000\n\
        [[costs]]\nname = \"run\"\ncategory = \"licences\"\nmonthly = 500\n";

    /// Every chart of a project, with the project's own tornado.
    fn charts(project: &Project, lang: Lang) -> Vec<String> {
        let figures = Figures::compute(project, &Drivers::default());
        let bars = tornado(project, &Drivers::default(), DEFAULT_WIDTH);
        let spider = crate::domain::whatif::spider(project, &Drivers::default());
        charts_with(project, &figures, (&bars, &spider), lang)
    }

    fn charts_with(
        project: &Project,
        figures: &Figures,
        (tornado, spider): (&[TornadoBar], &[SpiderLine]),
        lang: Lang,
    ) -> Vec<String> {
        let data = ChartData { project, figures, tornado, spider, monte_carlo: None };
        Chart::ALL.into_iter().map(|chart| render(chart, &data, lang)).collect()
    }

    /// Parses the image (it must be well-formed XML) and checks that every coordinate and
    /// size is a finite number, sizes not negative.
    fn check_geometry(svg: &str) -> roxmltree::Document<'_> {
        let parsed = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}: {svg}"));
        assert_eq!(parsed.root_element().tag_name().name(), "svg");
        for node in parsed.descendants().filter(|n| n.is_element()) {
            for attribute in node.attributes() {
                // The image's own width is a percentage of the page: only its viewBox counts.
                let numbers: Vec<&str> = match (node.tag_name().name(), attribute.name()) {
                    ("svg", "viewBox") | (_, "points") => attribute.value().split([' ', ',']).collect(),
                    ("svg", _) => continue,
                    (_, "x" | "y" | "x1" | "y1" | "x2" | "y2" | "width" | "height") => {
                        vec![attribute.value()]
                    }
                    _ => continue,
                };
                for number in numbers {
                    let value: f64 = number.parse().unwrap_or_else(|_| panic!("`{number}` in {svg}"));
                    assert!(value.is_finite(), "{} = {number} in {svg}", attribute.name());
                    if matches!(attribute.name(), "width" | "height") {
                        assert!(value >= 0.0, "negative size in {svg}");
                    }
                }
            }
        }
        parsed
    }

    fn texts<'a>(parsed: &'a roxmltree::Document<'_>) -> Vec<&'a str> {
        parsed.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).collect()
    }

    /// The x of the dashed break-even line, if any.
    fn marker_x(parsed: &roxmltree::Document<'_>) -> Option<f64> {
        let line = parsed.descendants().find(|n| n.attribute("stroke-dasharray").is_some())?;
        line.attribute("x1")?.parse().ok()
    }

    fn curve_points(parsed: &roxmltree::Document<'_>) -> Vec<(f64, f64)> {
        let curve = parsed.descendants().find(|n| n.has_tag_name("polyline")).unwrap();
        let pair = |p: &str| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        };
        curve.attribute("points").unwrap().split(' ').map(pair).collect()
    }

    #[test]
    fn the_break_even_marker_stands_on_the_curve_at_the_break_even_month() {
        let project = project(24, "EUR", PAYING);
        let figures = Figures::compute(&project, &Drivers::default());
        let month = figures.flows.break_even_month.unwrap();
        let svg = render(
            Chart::CumulativeCashFlow,
            &ChartData { project: &project, figures: &figures, tornado: &[], spider: &[], monte_carlo: None },
            Lang::En,
        );
        let parsed = check_geometry(&svg);
        let points = curve_points(&parsed);
        assert_eq!(points.len(), 25, "month 0 and every month of the horizon");
        let (x, y) = points[month as usize];
        assert!((marker_x(&parsed).unwrap() - x).abs() < 0.05, "{svg}");
        // The curve is at or above the zero line (smaller y) there, and below it a month before.
        let zero = parsed.descendants().find(|n| n.attribute("stroke-width") == Some("1.2")).unwrap();
        let zero_y: f64 = zero.attribute("y1").unwrap().parse().unwrap();
        assert!(y <= zero_y && points[month as usize - 1].1 > zero_y, "{svg}");
        assert!(texts(&parsed).contains(&format!("Break-even: month {month}").as_str()), "{svg}");
    }

    #[test]
    fn a_break_even_never_reached_is_said_and_not_drawn() {
        let costs_only = "[[costs]]\nname = \"run\"\ncategory = \"licences\"\nmonthly = 500\n";
        for horizon in [6, 120] {
            let project = project(horizon, "EUR", costs_only);
            let svgs = charts(&project, Lang::Fr);
            let parsed = check_geometry(&svgs[0]);
            assert_eq!(marker_x(&parsed), None);
            assert!(texts(&parsed).contains(&"Point mort : non atteint"), "{}", svgs[0]);
            let points = curve_points(&parsed);
            assert_eq!(points.len() as i64, horizon + 1);
            assert!(points[1..].iter().all(|(_, y)| *y > points[0].1), "negative only: below zero");
        }
    }

    #[test]
    fn degenerate_projects_draw_finite_images() {
        let single = "[[costs]]\nname = \"x\"\ncategory = \"data\"\none_off = 1\n";
        for lines in ["", single, PAYING] {
            for horizon in [6, 7, 36, 119, 120] {
                for svg in charts(&project(horizon, "EUR", lines), Lang::En) {
                    check_geometry(&svg);
                }
            }
        }
    }

    #[test]
    fn empty_charts_say_why() {
        let project = project(12, "EUR", "");
        let figures = Figures::compute(&project, &Drivers::default());
        let svgs = charts_with(&project, &figures, (&[], &[]), Lang::En);
        assert!(texts(&check_geometry(&svgs[1])).contains(&"No cost entered"));
        assert!(texts(&check_geometry(&svgs[2])).contains(&"No driver to compare"));
        assert!(texts(&check_geometry(&svgs[3])).contains(&"No driver to compare"));
        assert!(texts(&check_geometry(&svgs[4])).contains(&"No uncertain input"));
    }

    /// The inputs that weigh, in the run's order, each bar as long as its share of the
    /// variance, dark or light by the sign of its correlation.
    #[test]
    fn uncertainty_bars_follow_the_run() {
        use crate::domain::montecarlo::{Simulation, simulate};
        let ranged = PAYING
            .replace("monthly_value = 3000", "monthly_value = { low = 1000, likely = 3000, high = 5000 }")
            .replace("monthly = 500", "monthly = { low = 100, likely = 500, high = 2000 }");
        let project = project(24, "EUR", &ranged);
        let figures = Figures::compute(&project, &Drivers::default());
        let run = simulate(
            &project,
            &Drivers::default(),
            Simulation { draws: 400, seed: 3, ..Simulation::default() },
            &|_| {},
        );
        assert!(run.drivers.len() >= 2, "{:?}", run.drivers);
        let data = ChartData {
            project: &project,
            figures: &figures,
            tornado: &[],
            spider: &[],
            monte_carlo: Some(&run),
        };
        let svg = render(Chart::UncertaintyDrivers, &data, Lang::En);
        let parsed = check_geometry(&svg);
        let bars: Vec<(f64, Option<&str>)> = parsed
            .descendants()
            .filter(|n| n.has_tag_name("rect") && n.attribute("height") == Some("16.0"))
            .map(|n| (n.attribute("width").unwrap().parse().unwrap(), n.attribute("fill")))
            .collect();
        let plot = WIDTH - RIGHT_MARGIN - 20.0;
        for (bar, input) in bars.iter().zip(&run.drivers) {
            assert!((bar.0 - plot * to_f64(input.variance_share)).abs() < 0.1, "{svg}");
        }
        assert_eq!(bars.len(), run.drivers.len().min(UNCERTAIN_INPUTS_SHOWN));
        for (bar, input) in bars.iter().zip(&run.drivers) {
            let falls = input.rank_correlation.is_sign_negative();
            assert_eq!(bar.1, Some(if falls { "#b4c4da" } else { "#1f3a5f" }), "{svg}");
        }
        assert!(run.drivers.iter().any(|d| d.rank_correlation.is_sign_negative()), "a cost lowers the NPV");
        let shown = texts(&parsed);
        assert!(
            shown.contains(&uncertain_input_name(Lang::En, &project, run.drivers[0].key).as_str()),
            "{svg}"
        );
    }

    /// Every line of the spider that moves the NPV is drawn with its eleven points, in the
    /// legend's order; all cross at the base NPV at 0 %, where the dashed marker stands.
    #[test]
    fn the_spider_draws_each_moving_driver_through_the_base() {
        let project = project(24, "EUR", PAYING);
        let spider = crate::domain::whatif::spider(&project, &Drivers::default());
        let moving = crate::domain::whatif::moving_lines(&spider);
        assert!(moving.len() >= 3, "benefits, costs and the discount rate move a paying project");
        let svg = &charts(&project, Lang::En)[3];
        let parsed = check_geometry(svg);
        let lines: Vec<Vec<(f64, f64)>> = parsed
            .descendants()
            .filter(|n| n.has_tag_name("polyline"))
            .map(|n| {
                let pair = |p: &str| {
                    let (x, y) = p.split_once(',').unwrap();
                    (x.parse::<f64>().unwrap(), y.parse::<f64>().unwrap())
                };
                n.attribute("points").unwrap().split(' ').map(pair).collect()
            })
            .collect();
        assert_eq!(lines.len(), moving.len(), "{svg}");
        let marker = marker_x(&parsed).unwrap();
        let base = lines[0][5];
        for line in &lines {
            assert_eq!(line.len(), 11);
            assert!((line[5].0 - marker).abs() < 0.05 && (line[5].1 - base.1).abs() < 0.05, "{svg}");
        }
        let names: Vec<&str> = moving.iter().map(|l| driver_name(Lang::En, l.driver)).collect();
        let shown = texts(&parsed);
        let legend = &shown[shown.len() - names.len()..];
        assert_eq!(legend, names.as_slice());
        assert!(shown.contains(&"−50%") && shown.contains(&"+50%"), "{svg}");
    }

    #[test]
    fn cost_bars_are_largest_first_with_their_amounts() {
        let project = project(12, "EUR", PAYING);
        let parsed_svg = &charts(&project, Lang::En)[1];
        let parsed = check_geometry(parsed_svg);
        // development 20,000 then licences 12 × 500 = 6,000.
        assert_eq!(
            texts(&parsed),
            [
                category_name(Lang::En, CostCategory::Development),
                "€20,000",
                category_name(Lang::En, CostCategory::Licences),
                "€6,000"
            ]
        );
        let widths: Vec<f64> = parsed
            .descendants()
            .filter(|n| n.has_tag_name("rect"))
            .map(|n| n.attribute("width").unwrap().parse().unwrap())
            .collect();
        assert!(widths[0] > 0.0 && (widths[1] / widths[0] - 0.3).abs() < 0.01, "{widths:?}");
    }

    #[test]
    fn tornado_bars_keep_the_order_given() {
        let project = project(24, "EUR", PAYING);
        let figures = Figures::compute(&project, &Drivers::default());
        let mut bars = tornado(&project, &Drivers::default(), DEFAULT_WIDTH);
        bars.reverse();
        let svg = &charts_with(&project, &figures, (&bars, &[]), Lang::En)[2];
        let parsed = check_geometry(svg);
        let labels = texts(&parsed);
        let name = |bar: &TornadoBar| driver_name(Lang::En, bar.driver);
        let drivers: Vec<&str> =
            labels.iter().copied().filter(|t| bars.iter().any(|b| name(b) == *t)).collect();
        let given: Vec<&str> = bars.iter().take(TORNADO_DRIVERS_SHOWN).map(name).collect();
        assert_eq!(drivers, given);
    }

    #[test]
    fn text_from_the_file_is_escaped() {
        let project = project(12, "<b>&", PAYING);
        // The charts with a money axis or amounts (the uncertainty bars, empty here, have none).
        for svg in &charts(&project, Lang::Fr)[..4] {
            let parsed = check_geometry(svg);
            assert!(texts(&parsed).iter().any(|t| t.ends_with(" <b>&")), "{svg}");
            assert!(!svg.contains("<b>"), "{svg}");
        }
    }

    #[test]
    fn ticks_are_round_and_cover_the_values() {
        use rust_decimal_macros::dec;
        assert_eq!(
            ticks(dec!(-4321), dec!(24900)),
            [dec!(-10000), dec!(0), dec!(10000), dec!(20000), dec!(30000)]
        );
        assert_eq!(ticks(Decimal::ZERO, Decimal::ZERO), [dec!(-1), dec!(0), dec!(1)]);
        assert_eq!(ticks(dec!(0.2), dec!(0.3)), [dec!(0), dec!(1)], "never finer than one unit");
    }
}
