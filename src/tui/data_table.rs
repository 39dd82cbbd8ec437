//! The two-way data table in the workbench (`D` on the Sensitivity tab): a figure for every
//! pair of values of two sliders, each from −30 % to +30 % of its value in 10 % steps (the
//! delay by 12 months × the change, rounded), the others as the sliders stand; the base cell
//! marked. The rows' slider is the selected one: `↑`/`↓` select another, `-`/`+` move it (the
//! table follows), `←`/`→` change the columns' slider, `Tab` the figure. Pure.

use super::action::Action;
use super::app::{App, Mode};
use super::effect::Effect;
use crate::domain::drivers::Driver;
use crate::domain::whatif::{Axis, Metric, data_table, moved};
use rust_decimal::Decimal;

/// The changes each axis takes, in percent.
pub const STEPS: [i64; 7] = [-30, -20, -10, 0, 10, 20, 30];
const METRICS: [Metric; 3] = [Metric::Npv, Metric::RoiAdjusted, Metric::BreakEvenMonth];

/// A table on screen: its two sliders, its figure, and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub rows: Axis,
    pub cols: Axis,
    pub metric: Metric,
    pub cells: Vec<Vec<Option<Decimal>>>,
}

fn axis(app: &App, driver: Driver) -> Axis {
    let values = STEPS.iter().map(|step| moved(&app.project, &app.drivers, driver, *step)).collect();
    Axis { driver, values }
}

fn build(app: &App, rows: Driver, cols: Driver, metric: Metric) -> Table {
    let (rows, cols) = (axis(app, rows), axis(app, cols));
    let cells = data_table(&app.project, &app.drivers, &rows, &cols, metric);
    Table { rows, cols, metric, cells }
}

/// Opens on the selected slider against the next one, for the NPV.
pub fn open(app: &mut App) {
    let rows = app.selected_driver();
    let cols = Driver::ALL[(app.driver + 1) % Driver::ALL.len()];
    app.mode = Mode::DataTable(Box::new(build(app, rows, cols, Metric::Npv)));
}

fn next(driver: Driver, step: usize, skip: Driver) -> Driver {
    let at = Driver::ALL.iter().position(|d| *d == driver).unwrap_or(0);
    let count = Driver::ALL.len();
    let candidate = Driver::ALL[(at + step) % count];
    if candidate == skip { Driver::ALL[(at + 2 * step) % count] } else { candidate }
}

pub fn browsing(app: &mut App, action: Action) -> Effect {
    let Mode::DataTable(table) = &app.mode else { return Effect::None };
    let (rows, cols, metric) = (table.rows.driver, table.cols.driver, table.metric);
    let count = Driver::ALL.len();
    let (rows, cols, metric) = match action {
        Action::Down => (next(rows, 1, cols), cols, metric),
        Action::Up => (next(rows, count - 1, cols), cols, metric),
        Action::Right => (rows, next(cols, 1, rows), metric),
        Action::Left => (rows, next(cols, count - 1, rows), metric),
        Action::NextTab => {
            let at = METRICS.iter().position(|m| *m == metric).unwrap_or(0);
            (rows, cols, METRICS[(at + 1) % METRICS.len()])
        }
        Action::Cancel => {
            app.mode = Mode::Normal;
            return Effect::None;
        }
        Action::AdjustDriver(_) => (rows, cols, metric),
        Action::Resize(width, height) => {
            app.screen = (width, height);
            return Effect::None;
        }
        _ => return Effect::None,
    };
    app.driver = Driver::ALL.iter().position(|d| *d == rows).unwrap_or(app.driver);
    app.mode = Mode::DataTable(Box::new(build(app, rows, cols, metric)));
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
        Table { rows: axis.clone(), cols: axis, metric, cells }
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
