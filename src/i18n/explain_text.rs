//! The names and formulas of explained figures, French and English: one catalogue for the
//! workbench's explanations, `roi explain`, the reports and `docs/METHOD.md` (a test checks
//! that the method document states each formula exactly as here).

use super::Lang;

/// (figure, French formula, English formula).
pub const FORMULAS: &[(&str, &str, &str)] = &[
    (
        "roi_adjusted_pct",
        "ROI_ajusté(M) = (B_aj(M) − (TCO(M) + Risque(M))) / TCO(M) × 100",
        "ROI_adjusted(M) = (B_adj(M) − (TCO(M) + Risk(M))) / TCO(M) × 100",
    ),
    (
        "roi_classic_pct",
        "ROI_classique(M) = (B_brut(M) − TCO(M)) / TCO(M) × 100",
        "ROI_classic(M) = (B_raw(M) − TCO(M)) / TCO(M) × 100",
    ),
    (
        "npv",
        "VAN = Σ net(m) × d(m), d(m) = 1 / (1 + taux)^(m/12)",
        "NPV = Σ net(m) × d(m), d(m) = 1 / (1 + rate)^(m/12)",
    ),
    ("net", "net(m) = b_aj(m) − c(m) − ρ", "net(m) = b_adj(m) − c(m) − ρ"),
    (
        "tco",
        "TCO(M) = Σ_lignes (ponctuel + mensuel × mois facturés) × (1 + réserve)",
        "TCO(M) = Σ_lines (one_off + monthly × months charged) × (1 + contingency)",
    ),
    (
        "benefits_adjusted",
        "B_aj(M) = Σ_lignes V × mois à pleine valeur × FM × FT",
        "B_adj(M) = Σ_lines V × months at full value × FM × FT",
    ),
    (
        "benefits_raw",
        "B_brut(M) = Σ_lignes V × mois à pleine valeur",
        "B_raw(M) = Σ_lines V × months at full value",
    ),
    ("months_at_full_value", "mois à pleine valeur = Σ_m r(m)", "months at full value = Σ_m r(m)"),
    (
        "risk_provision",
        "Risque(M) = M × Σ (coût × probabilité) / H",
        "Risk(M) = M × Σ (cost × probability) / H",
    ),
    (
        "break_even_month",
        "point mort = premier M où B_aj(M) > 0 et B_aj(M) − TCO(M) − Risque(M) ≥ 0",
        "break-even = first M with B_adj(M) > 0 and B_adj(M) − TCO(M) − Risk(M) ≥ 0",
    ),
    ("stress_test", "robuste ⇔ ROI_ajusté(H) sous ×2/÷2 > 0", "robust ⇔ ROI_adjusted(H) under ×2/÷2 > 0"),
    (
        "time_saving",
        "V = volume × minutes gagnées × coût horaire × réallocation / 60",
        "V = volume × minutes saved × hourly cost × reallocation / 60",
    ),
    (
        "revenue",
        "V = chiffre d'affaires annuel × hausse × marge / 12",
        "V = annual revenue × uplift × margin / 12",
    ),
    (
        "error_reduction",
        "V = erreurs × réduction × coût par erreur",
        "V = errors × reduction × cost per error",
    ),
    (
        "retention",
        "V = départs évités × coût de remplacement / 12",
        "V = departures avoided × replacement cost / 12",
    ),
    ("flat", "V = valeur mensuelle, ou valeur annuelle / 12", "V = monthly value, or annual value / 12"),
    (
        "cost_line",
        "coût de la ligne = charges jusqu'au mois × (1 + réserve)",
        "line cost = charges to the month × (1 + contingency)",
    ),
    ("risk_line", "perte attendue = coût × probabilité", "expected loss = cost × probability"),
    (
        "kpi",
        "p = (dernière − référence) / (cible − référence) : atteint p ≥ 1, en bonne voie p ≥ 0,5, à risque 0 < p < 0,5, en retard p ≤ 0",
        "p = (latest − baseline) / (target − baseline): met p ≥ 1, on track p ≥ 0.5, at risk 0 < p < 0.5, off track p ≤ 0",
    ),
    (
        "quadrant",
        "élevé ⇔ note ≥ 6 : gains rapides = impact et faisabilité élevés, stratégiques = impact élevé, améliorations = faisabilité élevée, à éviter sinon",
        "high ⇔ score ≥ 6: quick win = high impact and feasibility, strategic = high impact, improvement = high feasibility, avoid otherwise",
    ),
];

/// The formula of `key` in `lang`, when the catalogue has one.
pub fn formula(lang: Lang, key: &str) -> Option<&'static str> {
    FORMULAS.iter().find(|(k, _, _)| *k == key).map(|(_, fr, en)| if lang == Lang::Fr { *fr } else { *en })
}

/// The name of a figure or of a value of the explanation (`net[14]`: "net flow of month 14").
pub fn figure_name(lang: Lang, figure: &str) -> String {
    let fr = lang == Lang::Fr;
    let (stem, index) = match figure.split_once('[') {
        Some((stem, rest)) => (stem, rest.split(']').next().unwrap_or_default()),
        None => (figure, ""),
    };
    let text = match (stem, fr) {
        ("roi_adjusted_pct", true) => "ROI ajusté",
        ("roi_adjusted_pct", false) => "adjusted ROI",
        ("roi_classic_pct", true) => "ROI classique",
        ("roi_classic_pct", false) => "classic ROI",
        ("roi_adjusted_pct_stressed", true) => "ROI ajusté sous ×2/÷2",
        ("roi_adjusted_pct_stressed", false) => "adjusted ROI under ×2/÷2",
        ("npv", true) => "VAN",
        ("npv", false) => "NPV",
        ("tco", true) => "coût total (TCO)",
        ("tco", false) => "total cost (TCO)",
        ("benefits_adjusted", true) => "bénéfices ajustés",
        ("benefits_adjusted", false) => "adjusted benefits",
        ("benefits_raw", true) => "bénéfices bruts",
        ("benefits_raw", false) => "raw benefits",
        ("gain_adjusted", true) => "gain ajusté (bénéfices ajustés − TCO − risque)",
        ("gain_adjusted", false) => "adjusted gain (adjusted benefits − TCO − risk)",
        ("gain_classic", true) => "gain brut (bénéfices bruts − TCO)",
        ("gain_classic", false) => "raw gain (raw benefits − TCO)",
        ("risk_provision", true) => "provision pour risques",
        ("risk_provision", false) => "risk provision",
        ("risk_total", true) => "pertes attendues (R_total)",
        ("risk_total", false) => "expected losses (R_total)",
        ("risk_per_month", true) => "risque par mois (ρ)",
        ("risk_per_month", false) => "risk per month (ρ)",
        ("break_even_month", true) => "point mort",
        ("break_even_month", false) => "break-even",
        ("stress_test", true) => "test ×2/÷2",
        ("stress_test", false) => "×2/÷2 stress test",
        ("net", true) => "flux net du mois",
        ("net", false) => "net flow of month",
        ("discounted_net", true) => "flux net actualisé du mois",
        ("discounted_net", false) => "discounted net flow of month",
        ("discount_factor", true) => "facteur d'actualisation du mois",
        ("discount_factor", false) => "discount factor of month",
        ("benefits_adjusted_month", true) => "bénéfices ajustés du mois",
        ("benefits_adjusted_month", false) => "adjusted benefits of month",
        ("costs_month", true) => "coûts du mois",
        ("costs_month", false) => "costs of month",
        ("cumulative_net", true) => "flux net cumulé au mois",
        ("cumulative_net", false) => "cumulative net flow at month",
        ("cumulative_benefits_adjusted", true) => "bénéfices ajustés cumulés au mois",
        ("cumulative_benefits_adjusted", false) => "cumulative adjusted benefits at month",
        ("months_at_full_value", true) => "mois à pleine valeur (rampe)",
        ("months_at_full_value", false) => "months at full value (ramp)",
        ("months_charged", true) => "mois facturés",
        ("months_charged", false) => "months charged",
        ("contingency_factor", true) => "1 + réserve (× curseur des coûts)",
        ("contingency_factor", false) => "1 + contingency (× costs slider)",
        ("minutes_per_hour", true) => "minutes par heure",
        ("minutes_per_hour", false) => "minutes per hour",
        ("months_per_year", true) => "mois par an",
        ("months_per_year", false) => "months per year",
        ("horizon_months", true) => "horizon (mois)",
        ("horizon_months", false) => "horizon (months)",
        ("month", true) => "mois",
        ("month", false) => "month",
        ("quadrant", true) => "quadrant (1 gains rapides, 2 stratégiques, 3 améliorations, 4 à éviter)",
        ("quadrant", false) => "quadrant (1 quick win, 2 strategic, 3 improvement, 4 avoid)",
        ("project.impact", true) => "impact",
        ("project.impact", false) => "impact",
        ("project.feasibility", true) => "faisabilité",
        ("project.feasibility", false) => "feasibility",
        ("project.maturity_factor", true) => "facteur de maturité FM",
        ("project.maturity_factor", false) => "maturity factor FM",
        ("benefit_drivers", true) => "curseurs bénéfices × adoption",
        ("benefit_drivers", false) => "benefits × adoption sliders",
        _ => return figure.to_owned(),
    };
    if index.is_empty() { text.to_owned() } else { format!("{text} {index}") }
}
