//! The KPI catalogue of DOMAIN.md §3: the starter pack and the KPIs a project can add.

use super::project::{Dimension, Direction, Frequency, Kpi};

/// One catalogue entry. Targets are advice shown to the user, not values to compute with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogueKpi {
    pub key: &'static str,
    pub name_fr: &'static str,
    pub name_en: &'static str,
    pub dimension: Dimension,
    pub direction: Direction,
    /// The method's reference for it: a figure to reach, or a way to move.
    pub target: Reference,
    pub frequency: Frequency,
    pub starter: bool,
}

/// What a catalogue KPI should reach: a figure as the method states it (`> 70 %`, its decimal
/// point said in the reader's language), or a way it should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    Figure(&'static str),
    Decreasing,
    Increasing,
    Documented,
    OnBudget,
}

use Dimension as D;
use Direction::{Higher, Lower};
use Frequency as F;

macro_rules! entry {
    ($key:literal, $fr:literal, $en:literal, $dimension:expr, $direction:expr, $target:expr, $frequency:expr, $starter:literal) => {
        CatalogueKpi {
            key: $key,
            name_fr: $fr,
            name_en: $en,
            dimension: $dimension,
            direction: $direction,
            target: $target,
            frequency: $frequency,
            starter: $starter,
        }
    };
}

#[rustfmt::skip]
pub const CATALOGUE: &[CatalogueKpi] = &[
    entry!("time_saved_per_task", "Temps gagné par tâche", "Time saved per task", D::Productivity, Higher, Reference::Figure("+20–40 %"), F::Monthly, true),
    entry!("adoption_rate", "Taux d'adoption", "Adoption rate", D::Technical, Higher, Reference::Figure("> 70 %"), F::Monthly, true),
    entry!("cost_per_request", "Coût par requête", "Cost per request", D::Technical, Lower, Reference::Decreasing, F::Weekly, true),
    entry!("post_ai_error_rate", "Taux d'erreur post-IA", "Post-AI error rate", D::Quality, Lower, Reference::Figure("< 5 %"), F::Monthly, true),
    entry!("user_satisfaction", "Satisfaction utilisateur (CSAT / NPS)", "User satisfaction (CSAT / NPS)", D::Quality, Higher, Reference::Figure("> 85 / > 50"), F::Quarterly, true),
    entry!("automation_rate", "Taux d'automatisation", "Automation rate", D::Productivity, Higher, Reference::Figure("> 50 %"), F::Quarterly, false),
    entry!("throughput", "Throughput (débit de production)", "Throughput", D::Productivity, Higher, Reference::Figure("+30 %"), F::Weekly, false),
    entry!("output_reuse_rate", "Taux de réutilisation des outputs", "Output reuse rate", D::Productivity, Higher, Reference::Figure("> 60 %"), F::Monthly, false),
    entry!("human_review_rate", "Taux de révision humaine", "Human review rate", D::Quality, Lower, Reference::Figure("< 30 %"), F::Monthly, false),
    entry!("cost_per_task", "Coût par tâche", "Cost per task", D::Finance, Lower, Reference::Figure("−30–50 %"), F::Monthly, false),
    entry!("revenue_per_employee", "Revenu par employé", "Revenue per employee", D::Finance, Higher, Reference::Figure("+15 %"), F::Quarterly, false),
    entry!("cost_avoidance", "Coût d'évitement", "Cost avoidance", D::Finance, Higher, Reference::Documented, F::Quarterly, false),
    entry!("roi_global", "ROI global IA", "Overall AI ROI", D::Finance, Higher, Reference::Figure("> 150 %"), F::Semiannual, false),
    entry!("latency", "Latence moyenne", "Average latency", D::Technical, Lower, Reference::Figure("< 3 s"), F::Realtime, false),
    entry!("uptime", "Disponibilité du service IA", "AI service uptime", D::Technical, Higher, Reference::Figure("> 99.5 %"), F::Realtime, false),
    entry!("cost_per_case", "Coût par dossier traité", "Cost per case", D::Finance, Lower, Reference::Decreasing, F::Monthly, false),
    entry!("processing_time", "Temps moyen de traitement", "Average processing time", D::Productivity, Lower, Reference::Decreasing, F::Monthly, false),
    entry!("conversion_rate", "Taux de conversion web", "Web conversion rate", D::Finance, Higher, Reference::Increasing, F::Monthly, false),
    entry!("average_order_value", "Panier moyen (AOV)", "Average order value", D::Finance, Higher, Reference::Increasing, F::Monthly, false),
    entry!("errors_avoided", "Nombre d'erreurs évitées", "Errors avoided", D::Quality, Higher, Reference::Increasing, F::Monthly, false),
    entry!("tco_monthly", "TCO mensuel", "Monthly TCO", D::Finance, Lower, Reference::OnBudget, F::Monthly, false),
    entry!("time_to_market", "Délai de mise sur le marché (TTM)", "Time to market", D::Productivity, Lower, Reference::Decreasing, F::Quarterly, false),
    entry!("first_contact_resolution", "Taux de résolution au premier contact", "First-contact resolution", D::Customer, Higher, Reference::Increasing, F::Monthly, false),
    entry!("enps", "eNPS collaborateurs", "Employee NPS", D::Employee, Higher, Reference::Increasing, F::Quarterly, false),
    entry!("retention_rate", "Taux de fidélisation clients", "Customer retention rate", D::Customer, Higher, Reference::Increasing, F::Quarterly, false),
    entry!("false_positive_rate", "Taux de faux positifs", "False positive rate", D::Quality, Lower, Reference::Decreasing, F::Monthly, false),
    entry!("inference_cost", "Coût d'inférence par prédiction", "Inference cost per prediction", D::Technical, Lower, Reference::Decreasing, F::Monthly, false),
];

/// The four dimensions whose coverage the KPI tab reports.
pub const CORE_DIMENSIONS: [Dimension; 4] =
    [Dimension::Productivity, Dimension::Quality, Dimension::Finance, Dimension::Technical];

pub fn find(key: &str) -> Option<&'static CatalogueKpi> {
    CATALOGUE.iter().find(|entry| entry.key == key)
}

impl CatalogueKpi {
    /// A project KPI from this entry, named in French (project values are in French).
    pub fn to_kpi(&self) -> Kpi {
        Kpi {
            key: self.key.to_owned(),
            name: self.name_fr.to_owned(),
            dimension: Some(self.dimension),
            direction: Some(self.direction),
            frequency: Some(self.frequency),
            ..Kpi::default()
        }
    }
}

impl super::project::Project {
    /// A new project: the starter pack of five KPIs and the three preset scenarios.
    pub fn starter(name: &str, department: Option<super::project::Department>) -> Self {
        let mut project = Self::named(name);
        project.project.department = department;
        project.kpis = starter_pack();
        project.scenarios = super::drivers::presets();
        project
    }
}

/// The five KPIs every new project starts with.
pub fn starter_pack() -> Vec<Kpi> {
    CATALOGUE.iter().filter(|entry| entry.starter).map(CatalogueKpi::to_kpi).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_pack_has_the_five_kpis_of_the_method() {
        let keys: Vec<String> = starter_pack().into_iter().map(|k| k.key).collect();
        assert_eq!(
            keys,
            [
                "time_saved_per_task",
                "adoption_rate",
                "cost_per_request",
                "post_ai_error_rate",
                "user_satisfaction"
            ]
        );
    }

    #[test]
    fn catalogue_keys_are_unique() {
        let mut keys: Vec<&str> = CATALOGUE.iter().map(|e| e.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), CATALOGUE.len());
        assert_eq!(CATALOGUE.len(), 27);
    }
}
