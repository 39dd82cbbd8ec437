//! The catalogue of fixed sentences and labels, French and English side by side so that a
//! missing translation cannot compile.

use super::Lang;

macro_rules! catalogue {
    ($($name:ident => ($fr:literal, $en:literal),)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text {
            $($name,)+
        }

        impl Text {
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Text::$name, Lang::Fr) => $fr, (Text::$name, Lang::En) => $en,)+
                }
            }
        }
    };
}

catalogue! {
    // Figures
    RoiAdjusted => ("ROI ajusté", "Adjusted ROI"),
    RoiClassic => ("ROI classique", "Classic ROI"),
    Npv => ("VAN", "NPV"),
    Irr => ("TRI", "IRR"),
    IrrNone => ("sans objet", "none"),
    BreakEven => ("Point mort", "Break-even"),
    BreakEvenClassic => ("Point mort classique", "Classic break-even"),
    RiskProvision => ("Provision pour risques", "Risk provision"),
    Tco => ("Coût total (TCO)", "Total cost (TCO)"),
    BenefitsRaw => ("Bénéfices bruts", "Raw benefits"),
    BenefitsAdjusted => ("Bénéfices ajustés", "Adjusted benefits"),
    MaturityFactor => ("Facteur de maturité", "Maturity factor"),
    Horizon => ("Horizon", "Horizon"),
    Months => ("mois", "months"),
    MonthShort => ("mois", "month"),
    AtMonth => ("à", "at"),
    NotReached => ("non atteint", "not reached"),
    Month => ("Mois", "Month"),
    Costs => ("Coûts", "Costs"),
    Risk => ("Risque", "Risk"),
    Net => ("Net", "Net"),
    CumulativeNet => ("Net cumulé", "Cumulative net"),
    // Stress test
    StressTest => ("Test ×2/÷2", "×2/÷2 stress test"),
    Robust => ("robuste", "robust"),
    Fragile => ("fragile", "fragile"),
    StressExplain => ("délais et coûts ×2, bénéfices ÷2", "delays and costs ×2, benefits ÷2"),
    // Matrix
    Quadrant => ("Quadrant", "Quadrant"),
    QuickWin => ("Gains rapides — à lancer", "Quick wins — start"),
    Strategic => ("Projets stratégiques — à planifier", "Strategic — plan"),
    Improvement => ("Améliorations ponctuelles — si ressources", "Improvements — if resources allow"),
    Avoid => ("À éviter", "Avoid"),
    NoQuadrant => ("non classé (impact ou faisabilité manquant)", "unscored (impact or feasibility missing)"),
    Impact => ("Impact", "Impact"),
    Feasibility => ("Faisabilité", "Feasibility"),
    // Report
    Warnings => ("Points d'attention", "Warnings"),
    NoWarnings => ("Aucun point d'attention.", "No warnings."),
    Reference => ("Référence du secteur", "Department reference"),
    Department => ("Service", "Department"),
    Owner => ("Responsable", "Owner"),
    Status => ("Statut", "Status"),
    Summary => ("Synthèse", "Summary"),
    Checkpoints => ("Jalons", "Checkpoints"),
    Figure => ("Indicateur", "Figure"),
    ReportFooter => ("ROI ajusté = (bénéfices × FM × FT − (TCO + provision risques)) / TCO. Références sectorielles données à titre indicatif.", "Adjusted ROI = (benefits × FM × FT − (TCO + risk provision)) / TCO. Department references are indicative."),
}
