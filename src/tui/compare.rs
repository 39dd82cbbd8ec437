//! The key figures that differ between my unsaved project and the one now on disk, for the
//! conflict dialog: what a reviewer needs to decide whose version to keep.

use super::app::App;
use crate::domain::Drivers;
use crate::domain::engine::Figures;
use crate::domain::money::Amount;
use crate::i18n::{Lang, Text};

/// What `d` compares, computed once when it is asked for (a view only draws it): my figures
/// and theirs, or why the file on disk is not a project.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    mine: Box<Figures>,
    currency: String,
    theirs: Result<(Box<Figures>, String), String>,
}

/// My unsaved project against the text on disk.
pub fn compare(app: &App, disk_text: &str) -> Comparison {
    let theirs = crate::store::parse(disk_text)
        .map(|project| {
            let figures = Figures::compute(&project, &Drivers::default());
            (Box::new(figures), project.project.currency().to_owned())
        })
        .map_err(|diagnostics| diagnostics.first().map(ToString::to_string).unwrap_or_default());
    Comparison {
        mine: Box::new(Figures::compute(&app.project, &Drivers::default())),
        currency: app.currency().to_owned(),
        theirs,
    }
}

/// (label, mine, theirs) for each headline figure that differs; the file's own error when
/// the text on disk is not a valid project.
pub fn differences(lang: Lang, comparison: &Comparison) -> Vec<(String, String, String)> {
    let (theirs, their_currency) = match &comparison.theirs {
        Ok(theirs) => theirs,
        Err(error) => return vec![("!".into(), String::new(), error.clone())],
    };
    headline(lang, &comparison.mine, &comparison.currency)
        .into_iter()
        .zip(headline(lang, theirs, their_currency))
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
