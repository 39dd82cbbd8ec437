//! The monthly table as CSV: one row per month, plain decimals with a dot, rounded to cents,
//! so a spreadsheet in any locale can import it.

use crate::domain::engine::Figures;
use crate::domain::money::round;

pub const HEADER: &str = "month,benefits_raw,benefits_adjusted,costs,risk,net,cumulative_net";

pub fn render(figures: &Figures) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for m in &figures.flows.monthly {
        let cells = [m.benefits_raw, m.benefits_adjusted, m.costs, m.risk, m.net, m.cumulative_net]
            .map(|value| format!("{:.2}", round(value)));
        out.push_str(&format!("{},{}\n", m.month, cells.join(",")));
    }
    out
}
