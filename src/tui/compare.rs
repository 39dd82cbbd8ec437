//! The key figures that differ between my unsaved project and the one now on disk, for the
//! conflict dialog: what a reviewer needs to decide whose version to keep.

use super::app::App;
use crate::domain::engine::Figures;
use crate::domain::money::Amount;
use crate::domain::{Drivers, Project};
use crate::i18n::{Lang, Text};

/// (label, mine, theirs) for each headline figure that differs; the file's own error when
/// the text on disk is not a valid project.
pub fn differences(app: &App, disk_text: &str) -> Vec<(String, String, String)> {
    let theirs: Project = match crate::store::parse(disk_text) {
        Ok(project) => project,
        Err(diagnostics) => {
            let first = diagnostics.first().map(ToString::to_string).unwrap_or_default();
            return vec![("!".into(), String::new(), first)];
        }
    };
    let lang = app.lang;
    let mine = Figures::compute(&app.project, &Drivers::default());
    let other = Figures::compute(&theirs, &Drivers::default());
    headline(lang, &mine, app.currency())
        .into_iter()
        .zip(headline(lang, &other, theirs.project.currency()))
        .filter(|((_, a), (_, b))| a != b)
        .map(|((label, a), (_, b))| (label, a, b))
        .collect()
}

fn headline(lang: Lang, figures: &Figures, currency: &str) -> Vec<(String, String)> {
    let flows = &figures.flows;
    let total = flows.at_horizon();
    vec![
        (lang.t(Text::RoiAdjusted).to_owned(), lang.percent(total.roi_adjusted_pct())),
        (lang.t(Text::RoiClassic).to_owned(), lang.percent(total.roi_classic_pct())),
        (lang.t(Text::Npv).to_owned(), lang.money(Amount::new(flows.npv), currency)),
        (lang.t(Text::BreakEven).to_owned(), lang.month(flows.break_even_month)),
        (lang.t(Text::Tco).to_owned(), lang.money(Amount::new(total.tco), currency)),
        (
            lang.t(Text::BenefitsAdjusted).to_owned(),
            lang.money(Amount::new(total.benefits_adjusted), currency),
        ),
        (lang.t(Text::RiskProvision).to_owned(), lang.money(figures.risk_total, currency)),
    ]
}
