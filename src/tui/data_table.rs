//! The two-way data table in the workbench (`D` on the Sensitivity tab): a figure for every
//! pair of values of two sliders, each moved three steps either side of its value — 10 % a
//! step, or 5 % or 20 % with `w` (the delay by 12 months × the change, rounded) — the others
//! as the sliders stand; the base cell marked. The rows' slider is the selected one: `↑`/`↓`
//! select another, `-`/`+` move it (the table follows), `←`/`→` change the columns' slider,
//! `Tab` the figure. Pure.

use super::action::Action;
use super::app::{App, Mode};
use super::effect::Effect;
use crate::domain::drivers::Driver;
use crate::domain::whatif::{Axis, Metric, data_table, moved};
use rust_decimal::Decimal;

/// The steps an axis takes either side of the base, the base in the middle.
const STEPS_EACH_SIDE: i64 = 3;
/// Where the base stands on each axis.
pub const BASE: usize = STEPS_EACH_SIDE as usize;
/// The step between two values of an axis, in percent, in the order `w` cycles them.
pub const STEP_PCTS: [i64; 3] = [10, 20, 5];
const METRICS: [Metric; 3] = [Metric::Npv, Metric::RoiAdjusted, Metric::BreakEvenMonth];

/// A table on screen: its two sliders, its figure, and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub rows: Axis,
    pub cols: Axis,
    pub metric: Metric,
    /// The step between two values of an axis, in percent.
    pub step_pct: i64,
    pub cells: Vec<Vec<Option<Decimal>>>,
}

/// What a table is asked to show; its cells are computed from it.
#[derive(Debug, Clone, Copy)]
struct Request {
    rows: Driver,
    cols: Driver,
    metric: Metric,
    step_pct: i64,
}

fn axis(app: &App, driver: Driver, step_pct: i64) -> Axis {
    let changes = (-STEPS_EACH_SIDE..=STEPS_EACH_SIDE).map(|step| step * step_pct);
    let values = changes.map(|change| moved(&app.project, &app.drivers, driver, change)).collect();
    Axis { driver, values }
}

fn build(app: &App, request: Request) -> Table {
    let rows = axis(app, request.rows, request.step_pct);
    let cols = axis(app, request.cols, request.step_pct);
    let cells = data_table(&app.project, &app.drivers, &rows, &cols, request.metric);
    Table { rows, cols, metric: request.metric, step_pct: request.step_pct, cells }
}

/// Opens on the selected slider against the next one, for the NPV, 10 % a step.
pub fn open(app: &mut App) {
    let rows = app.selected_driver();
    let cols = Driver::ALL[(app.driver + 1) % Driver::ALL.len()];
    let request = Request { rows, cols, metric: Metric::Npv, step_pct: STEP_PCTS[0] };
    app.mode = Mode::DataTable(Box::new(build(app, request)));
}

/// The next of `items` after `item`, round.
fn cycled<T: PartialEq + Copy>(items: &[T], item: T) -> T {
    let at = items.iter().position(|i| *i == item).unwrap_or(0);
    items[(at + 1) % items.len()]
}

fn next(driver: Driver, step: usize, skip: Driver) -> Driver {
    let at = Driver::ALL.iter().position(|d| *d == driver).unwrap_or(0);
    let count = Driver::ALL.len();
    let candidate = Driver::ALL[(at + step) % count];
    if candidate == skip { Driver::ALL[(at + 2 * step) % count] } else { candidate }
}

pub fn browsing(app: &mut App, action: Action) -> Effect {
    let Mode::DataTable(table) = &app.mode else { return Effect::None };
    let asked = Request {
        rows: table.rows.driver,
        cols: table.cols.driver,
        metric: table.metric,
        step_pct: table.step_pct,
    };
    let count = Driver::ALL.len();
    let (rows, cols) = (asked.rows, asked.cols);
    let request = match action {
        Action::Down => Request { rows: next(rows, 1, cols), ..asked },
        Action::Up => Request { rows: next(rows, count - 1, cols), ..asked },
        Action::Right => Request { cols: next(cols, 1, rows), ..asked },
        Action::Left => Request { cols: next(cols, count - 1, rows), ..asked },
        Action::NextTab => Request { metric: cycled(&METRICS, asked.metric), ..asked },
        Action::CycleTableStep => Request { step_pct: cycled(&STEP_PCTS, asked.step_pct), ..asked },
        Action::AdjustDriver(_) => asked,
        Action::Cancel => {
            app.mode = Mode::Normal;
            return Effect::None;
        }
        Action::Resize(width, height) => {
            app.screen = (width, height);
            return Effect::None;
        }
        _ => return Effect::None,
    };
    app.driver = Driver::ALL.iter().position(|d| *d == request.rows).unwrap_or(app.driver);
    app.mode = Mode::DataTable(Box::new(build(app, request)));
    Effect::None
}

/// Where a cell stands among the table's figures: its shade on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shade {
    /// The best third of the table (the highest figures; the earliest break-even).
    Best,
    Middle,
    /// The worst third.
    Worst,
}

impl Shade {
    /// The mark beside a figure, so the shading reads without colour too.
    pub fn mark(self) -> char {
        match self {
            Shade::Best => '▲',
            Shade::Middle => ' ',
            Shade::Worst => '▼',
        }
    }
}

impl Table {
    /// The shade of a figure: by thirds of the span of the table's figures, the best third
    /// being the highest — or, for a break-even month, the earliest.
    pub fn shade(&self, value: Decimal) -> Shade {
        let figures = self.cells.iter().flatten().flatten();
        let (Some(low), Some(high)) = (figures.clone().min(), figures.max()) else { return Shade::Middle };
        let span = *high - *low;
        if span.is_zero() {
            return Shade::Middle;
        }
        let position = (value - *low) / span;
        let position = if self.metric == Metric::BreakEvenMonth { Decimal::ONE - position } else { position };
        let third = Decimal::ONE / Decimal::from(3);
        if position >= Decimal::ONE - third {
            Shade::Best
        } else if position <= third {
            Shade::Worst
        } else {
            Shade::Middle
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn table(metric: Metric, figures: &[i64]) -> Table {
        let axis = Axis { driver: Driver::ALL[0], values: vec![Decimal::ONE] };
        let cells = vec![figures.iter().map(|f| Some(Decimal::from(*f))).collect()];
        Table { rows: axis.clone(), cols: axis, metric, step_pct: 10, cells }
    }

    #[test]
    fn thirds_of_the_span_shade_the_figures() {
        let npv = table(Metric::Npv, &[0, 50, 90]);
        assert_eq!(npv.shade(dec!(0)), Shade::Worst);
        assert_eq!(npv.shade(dec!(30)), Shade::Worst);
        assert_eq!(npv.shade(dec!(50)), Shade::Middle);
        assert_eq!(npv.shade(dec!(60)), Shade::Best);
        assert_eq!(npv.shade(dec!(90)), Shade::Best);
    }

    #[test]
    fn an_early_break_even_is_the_best_and_a_flat_table_is_unshaded() {
        let months = table(Metric::BreakEvenMonth, &[3, 6, 9]);
        assert_eq!(months.shade(dec!(3)), Shade::Best);
        assert_eq!(months.shade(dec!(9)), Shade::Worst);
        let flat = table(Metric::Npv, &[7, 7]);
        assert_eq!(flat.shade(dec!(7)), Shade::Middle);
        assert_eq!(Shade::Best.mark(), '▲');
    }
}
