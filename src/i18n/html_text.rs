//! The labels of the HTML report and its charts, French and English side by side.

crate::catalogue! {
/// Text that only the HTML report shows: chart titles, legends and empty-chart sentences.
pub enum HtmlText {
    ChartCashFlow => ("Trésorerie nette cumulée, mois par mois", "Cumulative net cash flow, month by month"),
    ChartTco => ("Coût total (TCO) par catégorie", "Total cost (TCO) by category"),
    ChartTornado => ("VAN selon chaque curseur, de l'écart le plus grand au plus petit", "NPV under each driver, largest swing first"),
    ChartSpider => ("VAN selon chaque curseur déplacé seul de −50 % à +50 %", "NPV as each driver moves alone from −50% to +50%"),
    SpiderAxis => ("Écart du curseur à sa valeur", "Change of the driver from its value"),
    ChartUncertainty => ("Part de la variance de la VAN due à chaque entrée incertaine", "Share of the NPV's variance due to each uncertain input"),
    NoUncertainInput => ("Aucune entrée incertaine", "No uncertain input"),
    RisesWithInput => ("La VAN monte avec l'entrée", "The NPV rises with the input"),
    FallsWithInput => ("La VAN baisse quand l'entrée monte", "The NPV falls as the input rises"),
    NoCosts => ("Aucun coût saisi", "No cost entered"),
    NoTornado => ("Aucun curseur à comparer", "No driver to compare"),
    DriverLowered => ("Curseur diminué", "Driver lowered"),
    DriverRaised => ("Curseur augmenté", "Driver raised"),
    BaseNpv => ("VAN de base", "Base NPV"),
}
}
