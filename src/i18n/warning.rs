//! Sentences for the engine's warnings.

use super::Lang;
use crate::domain::warnings::Warning;

pub fn warning_sentence(lang: Lang, warning: &Warning) -> String {
    let fr = lang == Lang::Fr;
    match warning {
        Warning::BaselineMissing => {
            if fr {
                "Pas de période de référence (baseline) : sans mesure avant l'IA, le ROI est spéculatif."
                    .into()
            } else {
                "No baseline period: without a measure before AI, the ROI is speculation.".into()
            }
        }
        Warning::BaselineShort { months } => {
            if fr {
                format!("Période de référence de {months} mois : mesurez au moins 3 mois.")
            } else {
                format!("Baseline period of {months} month(s): measure at least 3 months.")
            }
        }
        Warning::NoBaselineMetric => {
            if fr {
                "Aucun indicateur de référence mesuré pour les bénéfices annoncés.".into()
            } else {
                "No baseline metric backs the benefits claimed.".into()
            }
        }
        Warning::HiddenCostsEmpty { categories } => {
            let names: Vec<&str> =
                categories.iter().map(|c| super::review::category_name(lang, *c)).collect();
            if fr {
                format!(
                    "Coûts cachés non chiffrés : {} (le TCO est souvent sous-estimé de 40 à 60 %).",
                    names.join(", ")
                )
            } else {
                format!(
                    "Hidden costs left empty: {} (TCO is usually underestimated by 40–60%).",
                    names.join(", ")
                )
            }
        }
        Warning::NoContingency => {
            if fr {
                "Aucune réserve pour imprévus (contingency = 0).".into()
            } else {
                "No contingency reserve (contingency = 0).".into()
            }
        }
        Warning::KpiWithoutDecision { name } => {
            if fr {
                format!("KPI « {name} » sans décision associée : indicateur de vanité possible.")
            } else {
                format!("KPI “{name}” drives no decision: possibly a vanity metric.")
            }
        }
        Warning::ShareOfPlanUndefined { month } => {
            if fr {
                format!(
                    "Bénéfices mesurés au mois {month} : leur part du plan est indéfinie (plan quasi nul, facteur de maturité ou de temps minuscule ?)."
                )
            } else {
                format!(
                    "Benefits measured by month {month}: their share of plan is undefined (a plan near zero: a tiny maturity or time factor?)."
                )
            }
        }
        Warning::SeveralIrrs { rates } => {
            let rates: Vec<String> = rates.iter().map(|rate| lang.irr(*rate)).collect();
            let rates = rates.join(if fr { " ; " } else { "; " });
            if fr {
                format!(
                    "Plusieurs TRI ({rates}) : le flux net change de signe plusieurs fois, aucun taux n'est « le » TRI ; jugez sur la VAN."
                )
            } else {
                format!(
                    "Several IRRs ({rates}): the net cash flow changes sign several times, so no one rate is the IRR; judge by the NPV."
                )
            }
        }
        Warning::NoIrr { why } => no_irr_sentence(lang, *why).into(),
        Warning::MarginAssumedWhole { benefit } => {
            if fr {
                format!(
                    "Bénéfice « {benefit} » : sans marge, tout le chiffre d'affaires supplémentaire compte comme gain (marge 1) ; indiquez la marge."
                )
            } else {
                format!(
                    "Benefit “{benefit}”: without a margin, the whole extra revenue counts as gain (margin 1); give the margin."
                )
            }
        }
        Warning::RoiUndefined => {
            if fr {
                "ROI indéfini : le TCO est nul.".into()
            } else {
                "ROI undefined: the TCO is zero.".into()
            }
        }
        Warning::RoiFarFromReference { department, roi_pct, range, month } => {
            let roi = lang.percent(Some(*roi_pct));
            let (low, high) = (lang.percent(Some(range.low_pct)), lang.percent(Some(range.high_pct)));
            let department = super::review::department_name(lang, *department);
            if fr {
                format!(
                    "ROI ajusté de {roi} à {month} mois, très loin de la référence {department} ({low} – {high}) : vérifiez les hypothèses."
                )
            } else {
                format!(
                    "Adjusted ROI of {roi} at {month} months is far from the {department} reference ({low}–{high}): check the assumptions."
                )
            }
        }
        Warning::MissingInput { benefit, input } => {
            let input = super::review::input_name(lang, input);
            if fr {
                format!("Bénéfice « {benefit} » : « {input} » manquant, compté à 0.")
            } else {
                format!("Benefit “{benefit}”: “{input}” is missing, counted as 0.")
            }
        }
    }
}

fn no_irr_sentence(lang: Lang, why: crate::domain::engine::NoIrr) -> &'static str {
    use crate::domain::engine::NoIrr;
    let fr = lang == Lang::Fr;
    match why {
        NoIrr::NeverPositive if fr => {
            "Pas de TRI : le flux net mensuel n'est jamais positif, rien n'est jamais regagné."
        }
        NoIrr::NeverPositive => {
            "No IRR: the monthly net cash flow is never positive, nothing is ever earned back."
        }
        NoIrr::NeverNegative if fr => {
            "Pas de TRI : le flux net mensuel n'est jamais négatif, rien n'est investi."
        }
        NoIrr::NeverNegative => "No IRR: the monthly net cash flow is never negative, nothing is invested.",
        NoIrr::NoRate if fr => "Pas de TRI : aucun taux, de −99,9 % par mois vers le haut, n'annule la VAN.",
        NoIrr::NoRate => "No IRR: no rate from −99.9% a month upward brings the NPV to zero.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 14: a missing input is named as the screen names it, not by its file key.
    #[test]
    fn a_missing_input_is_named_in_the_readers_language() {
        let warning = Warning::MissingInput { benefit: "Tri".into(), input: "hourly_cost" };
        let french = warning_sentence(Lang::Fr, &warning);
        assert!(!french.contains("hourly_cost"), "{french}");
        assert!(french.contains(super::super::review::input_name(Lang::Fr, "hourly_cost")), "{french}");
        assert!(!warning_sentence(Lang::En, &warning).contains("hourly_cost"));
    }
}
