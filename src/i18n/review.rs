//! The words of the executive summary and of the quarterly review: section titles, the
//! verdicts and the sentences that give their reasons, and the names of the model's keys.

use super::{Lang, Text};
use crate::catalogue;
use crate::domain::drivers::Driver;
use crate::domain::kpi::KpiStatus;
use crate::domain::matrix::Quadrant;
use crate::domain::project::{
    BenefitKind, CompanySize, CostCategory, Department, Dimension, Direction, Frequency, Maturity, Status,
    ValueClass,
};
use crate::domain::review::{Reason, Verdict};
use crate::domain::uncertainty::Confidence;

catalogue! {
/// Labels of the executive summary and of the review screen.
pub enum ReviewText {
    Situation => ("Situation", "Situation"),
    ImpactSection => ("Impact", "Impact"),
    Action => ("Action", "Action"),
    Problem => ("Le besoin et sa mesure avant l'IA", "The need and its measure before AI"),
    NoBaselineMetrics => ("Aucune mesure de référence n'est enregistrée.", "No baseline measure is recorded."),
    BaselinePeriod => ("Période de référence", "Baseline period"),
    ExpectedBenefits => ("Bénéfices attendus", "Expected benefits"),
    HeadlineFigures => ("Chiffres clés", "Key figures"),
    RoiAdjustedAt => ("ROI ajusté à", "Adjusted ROI at"),
    RoiAdjustedHorizon => ("ROI ajusté à l'horizon", "Adjusted ROI at the horizon"),
    Spread => ("Fourchette P10 – P90", "P10 – P90 range"),
    SpreadDraws => ("tirages Monte Carlo sur les fourchettes saisies", "Monte Carlo draws over the ranges entered"),
    CashFlow => ("Trésorerie cumulée", "Cumulative cash flow"),
    TcoSection => ("Coût total par catégorie", "Total cost by category"),
    Share => ("Part", "Share"),
    KpiSection => ("Indicateurs", "Indicators"),
    KpiStatusColumn => ("État", "Status"),
    PlanVsMeasured => ("Prévu et mesuré aux jalons", "Planned and measured at the milestones"),
    Milestone => ("Jalon", "Milestone"),
    PlannedRaw => ("Prévu brut", "Planned raw"),
    PlannedAdjusted => ("Prévu ajusté", "Planned adjusted"),
    MeasuredColumn => ("Mesuré (mois)", "Measured (month)"),
    OfPlan => ("% du prévu", "% of plan"),
    PlannedThen => ("Prévu ajusté à ce mois", "Planned adjusted then"),
    PlannedThenShort => ("Prévu alors", "Plan then"),
    NoKpis => ("Aucun indicateur n'est défini : sans mesure, le ROI ne pourra pas être prouvé (ajoutez le pack de démarrage).", "No indicator is defined: without measures the ROI cannot be proven (add the starter pack)."),
    NoActuals => ("Aucun bénéfice mesuré n'est encore enregistré.", "No measured benefit is recorded yet."),
    ReferenceSentence => ("Référence du service", "Department reference"),
    ProjectAt => ("ce projet à", "this project at"),
    SizeReferenceSentence => ("Référence par taille", "Reference by company size"),
    DefinedForInvestment => ("Fourchette publiée pour un investissement de", "Range published for an investment of"),
    ProjectInvests => ("ce projet investit", "this project invests"),
    Over12Within => ("sur 12 mois, dans la fourchette", "over 12 months, within it"),
    Over12Outside => ("sur 12 mois, hors de la fourchette", "over 12 months, outside it"),
    NoReference => ("Pas de fourchette de référence pour ce service.", "No reference range for this department."),
    ProposedDecision => ("Décision proposée", "Proposed decision"),
    Because => ("Parce que :", "Because:"),
    KpiAlerts => ("Indicateurs à traiter", "Indicators that need a decision"),
    NoAlerts => ("Aucun indicateur décroché ou à risque.", "No indicator off track or at risk."),
    NoDecisionWritten => ("aucune décision écrite (indicateur de vanité possible)", "no decision written (possibly a vanity metric)"),
    OverdueSection => ("Mesures en retard", "Overdue measurements"),
    NoOverdue => ("Aucune mesure en retard.", "No measurement is overdue."),
    NoStartDate => ("Sans date de début (project.start), les retards ne peuvent pas être calculés.", "Without a start date (project.start), overdue measurements cannot be computed."),
    LastMeasured => ("dernière mesure", "last measured"),
    Never => ("jamais mesuré", "never measured"),
    DueFor => ("attendue pour le mois", "due for month"),
    MonthsLate => ("mois de retard", "month(s) late"),
    AsOf => ("Revue au", "Review as of"),
    HowComputed => ("Hypothèses de calcul", "How the figures are computed"),
    MaturityLine => ("Maturité", "Maturity"),
    TimeFactors => ("Facteurs temporels FT", "Time factors FT"),
    TimeFactorsValue => ("productivité 1,00 · qualité 0,70 · innovation 0,40 (sauf FT propre à une ligne)", "productivity 1.00 · quality 0.70 · innovation 0.40 (unless a line sets its own)"),
    RiskMethod => ("Provision pour risques", "Risk provision"),
    RiskMethodValue => ("Σ coût × probabilité, étalée sur l'horizon", "Σ cost × probability, spread over the horizon"),
    ScenarioUsed => ("Scénario appliqué", "Scenario applied"),
    SlidersApplied => ("Curseurs appliqués", "Sliders applied"),
    ScenarioNotBase => ("tous les chiffres ci-dessous sont ceux de ce scénario, pas du cas de base", "every figure below is this scenario's, not the base case's"),
    VerdictScale => ("Passer à l'échelle", "Scale"),
    VerdictContinue => ("Continuer", "Continue"),
    VerdictPivot => ("Pivoter", "Pivot"),
    VerdictStop => ("Arrêter", "Stop"),
    // Review screen
    ReviewTitle => ("Revue trimestrielle", "Quarterly review"),
    ReviewEntryTitle => ("Saisie des mesures", "Enter the measurements"),
    ReviewDate => ("Date de la mesure (AAAA-MM)", "Date of the measures (YYYY-MM)"),
    ReviewBenefits => ("Bénéfices mesurés depuis le début", "Benefits measured since the start"),
    ReviewEntryHint => ("↑↓ champ · tapez une valeur · Entrée enregistre toutes les mesures · Échap annule", "↑↓ field · type a value · Enter records every measure · Esc cancels"),
    ReviewRecorded => ("Mesures enregistrées pour le mois", "Measures recorded for month"),
    ReviewNeedsStart => ("Pas de date de début : saisissez-la (onglet 2, Début).", "No start date: set it first (tab 2, Start)."),
    ReviewBadDate => ("Date à écrire AAAA-MM, entre le début du projet et la fin de son horizon.", "Write the date as YYYY-MM, between the project's start and the end of its horizon."),
    UnsavedIncluded => ("(non enregistré)", "(unsaved)"),
    ReviewNothing => ("Aucune valeur saisie : rien n'est enregistré.", "No value entered: nothing recorded."),
    SummaryWritten => ("Synthèse écrite", "Summary written"),
    ReviewViewHint => ("↑↓ défiler · T saisir un trimestre · E écrire la synthèse · Échap KPIs", "↑↓ scroll · T enter a quarter · E write the summary · Esc KPIs"),
    ReviewMonthUnknown => ("Le mois de la revue est inconnu.", "The month of the review is unknown."),
    FormIndicator => ("Indicateur", "Indicator"),
    FormLast => ("Dernière (mois)", "Last (month)"),
    FormNewValue => ("Nouvelle", "New value"),
    ConfidenceLow => ("faible", "low"),
    ConfidenceMedium => ("moyenne", "medium"),
    ConfidenceHigh => ("forte", "high"),
    ValleySentence => ("Creux de trésorerie", "Deepest cash need"),
    NoValley => ("La trésorerie cumulée ne passe jamais sous zéro.", "The cumulative cash flow never goes below zero."),
}
}

/// "last measured month 9", or "never measured": when a KPI was last measured.
pub fn last_measured(lang: Lang, month: Option<i64>) -> String {
    match month {
        Some(month) => format!("{} {}", lang.t(ReviewText::LastMeasured), lang.month(Some(month))),
        None => lang.t(ReviewText::Never).to_owned(),
    }
}

/// The name of a verdict, as the committee reads it.
pub fn verdict_name(lang: Lang, verdict: Verdict) -> &'static str {
    lang.t(match verdict {
        Verdict::Scale => ReviewText::VerdictScale,
        Verdict::Continue => ReviewText::VerdictContinue,
        Verdict::Pivot => ReviewText::VerdictPivot,
        Verdict::Stop => ReviewText::VerdictStop,
    })
}

/// The sentence that states one reason of a verdict, with its figure.
pub fn reason_sentence(lang: Lang, reason: &Reason) -> String {
    let fr = lang == Lang::Fr;
    let pct = |value| lang.percent(Some(value));
    match *reason {
        Reason::NoCosts if fr => "Aucun coût saisi : le ROI n'est pas défini.".into(),
        Reason::NoCosts => "No cost entered: the ROI is undefined.".into(),
        Reason::RoiPositive(roi) if fr => format!("le ROI ajusté à l'horizon est positif ({})", pct(roi)),
        Reason::RoiPositive(roi) => format!("the adjusted ROI at the horizon is positive ({})", pct(roi)),
        Reason::RoiNotPositive(roi) if fr => {
            format!("le ROI ajusté à l'horizon n'est pas positif ({})", pct(roi))
        }
        Reason::RoiNotPositive(roi) => {
            format!("the adjusted ROI at the horizon is not positive ({})", pct(roi))
        }
        Reason::Robust if fr => "il reste positif au test ×2/÷2".into(),
        Reason::Robust => "it stays positive under the ×2/÷2 stress test".into(),
        Reason::Fragile if fr => "le test ×2/÷2 le rend négatif".into(),
        Reason::Fragile => "the ×2/÷2 stress test makes it negative".into(),
        Reason::BreakEven(month) if fr => format!("le point mort est atteint au mois {month}"),
        Reason::BreakEven(month) => format!("it breaks even in month {month}"),
        Reason::NoBreakEven if fr => "le point mort n'est pas atteint dans l'horizon".into(),
        Reason::NoBreakEven => "it does not break even within the horizon".into(),
        Reason::KpisOffTrack { off, measured } if fr => {
            format!("{off} indicateur(s) mesuré(s) sur {measured} décroché(s)")
        }
        Reason::KpisOffTrack { off, measured } => {
            format!("{off} of {measured} measured indicator(s) off track")
        }
        Reason::KpisOnTrack { on, measured } if fr => {
            format!("aucun indicateur décroché ; {on} sur {measured} atteint(s) ou en bonne voie")
        }
        Reason::KpisOnTrack { on, measured } => {
            format!("no indicator off track; {on} of {measured} met or on track")
        }
        Reason::NoKpiMeasured if fr => "aucun indicateur n'est encore mesuré".into(),
        Reason::NoKpiMeasured => "no indicator is measured yet".into(),
        Reason::MeasuredBelowPlan { month, pct: share } if fr => {
            format!("les bénéfices mesurés au mois {month} font {} du prévu", pct(share))
        }
        Reason::MeasuredBelowPlan { month, pct: share } => {
            format!("the benefits measured by month {month} are {} of plan", pct(share))
        }
        Reason::MeasuredOnPlan { month, pct: share } if fr => {
            format!("les bénéfices mesurés au mois {month} tiennent le prévu ({})", pct(share))
        }
        Reason::MeasuredOnPlan { month, pct: share } => {
            format!("the benefits measured by month {month} hold the plan ({})", pct(share))
        }
    }
}

/// An uncertain input as a committee reads it: the input, then its line (`Coût horaire chargé
/// · Saisie automatique des factures`) — the input first, which tells apart several of a line.
pub fn uncertain_input_name(
    lang: Lang,
    project: &crate::domain::Project,
    key: crate::domain::uncertainty::RangeKey,
) -> String {
    use crate::domain::uncertainty::LineList;
    let line = match key.list {
        LineList::Benefits => project.benefits.get(key.index).map(|l| l.name.as_str()),
        LineList::Costs => project.costs.get(key.index).map(|l| l.name.as_str()),
        LineList::Risks => project.risks.get(key.index).map(|l| l.name.as_str()),
    };
    format!("{} · {}", input_name(lang, key.field), line.unwrap_or_default())
}

/// The sentence under the inputs that drive the uncertainty: what measuring is worth.
pub fn information_of(
    lang: Lang,
    project: &crate::domain::Project,
    run: &crate::domain::montecarlo::MonteCarlo,
) -> String {
    use crate::domain::money::Amount;
    let currency = project.project.currency();
    let money = |v: rust_decimal::Decimal| lang.money_whole(Amount::new(v), currency);
    // Worth something once written in whole money: an EVPPI of 0.30 € is "0 €", no reason to measure.
    let worth =
        |v: rust_decimal::Decimal| crate::domain::money::round(v).round() > rust_decimal::Decimal::ZERO;
    let best = run.drivers.iter().max_by_key(|d| d.evppi).filter(|d| worth(d.evppi));
    let named = best.map(|d| (uncertain_input_name(lang, project, d.key), money(d.evppi)));
    let evpi = worth(run.evpi).then(|| money(run.evpi));
    information_sentence(lang, evpi.as_deref(), named.as_ref().map(|(n, w)| (n.as_str(), w.as_str())))
}

/// What measuring before deciding is worth, for a committee: the EVPI, and the input whose
/// knowledge is worth most (its EVPPI), already written as money.
/// `evpi` is `None` when knowing everything would not change the decision.
pub fn information_sentence(lang: Lang, evpi: Option<&str>, best: Option<(&str, &str)>) -> String {
    let Some(evpi) = evpi else {
        return match lang {
            Lang::Fr => {
                "Aucune mesure ne changerait la décision : elle est la même dans tous les tirages.".to_owned()
            }
            Lang::En => "No measurement would change the decision: it is the same in every draw.".to_owned(),
        };
    };
    match (lang, best) {
        (Lang::Fr, None) => format!(
            "Tout savoir avant de décider vaudrait jusqu'à {evpi}, mais aucune entrée seule ne changerait la décision."
        ),
        (Lang::En, None) => format!(
            "Knowing everything before deciding is worth up to {evpi}, but no single input alone would change the decision."
        ),
        (Lang::Fr, Some((name, worth))) => format!(
            "Tout savoir avant de décider vaudrait jusqu'à {evpi} ; connaître « {name} » seul, {worth} : une mesure (un POC) qui coûte moins vaut la peine."
        ),
        (Lang::En, Some((name, worth))) => format!(
            "Knowing everything before deciding is worth up to {evpi}; knowing “{name}” alone, {worth}: a measurement (a POC) costing less is worth running."
        ),
    }
}

/// The sliders that move the figures, with their values (`Bénéfices ×1,10 · Retard +2`),
/// `None` when every one is neutral: an explanation under sliders says which apply.
pub fn drivers_applied(lang: Lang, drivers: &crate::domain::Drivers) -> Option<String> {
    let moved: Vec<String> = Driver::ALL
        .iter()
        .filter_map(|driver| {
            let value = drivers.get(*driver)?;
            let shown = match driver {
                Driver::DelayMonths => format!("{value:+}"),
                Driver::DiscountRate => lang.rate(crate::domain::money::Rate::new(value)),
                Driver::MaturityFactor => lang.number(value, 2),
                _ => format!("×{}", lang.number(value, 2)),
            };
            Some(format!("{} {shown}", driver_name(lang, *driver).trim()))
        })
        .collect();
    (!moved.is_empty())
        .then(|| format!("{}{}{}", lang.t(ReviewText::SlidersApplied), lang.colon(), moved.join(" · ")))
}

/// A sensitivity driver's name for a committee and the workbench's sliders (15 characters at
/// most: the sliders' column, and a space; the CLI and the JSON keep the keys).
/// A slider's setting as the user reads it: `×1,20`, `+3 mois`, `10,0 %`, `0,70` (a maturity
/// factor replaces, a multiplier multiplies).
pub fn driver_setting(lang: Lang, driver: Driver, value: rust_decimal::Decimal) -> String {
    match driver {
        Driver::DelayMonths => format!("{value:+} {}", lang.months_after(value)),
        Driver::DiscountRate => lang.rate(crate::domain::money::Rate::new(value)),
        Driver::MaturityFactor => lang.number(value, 2),
        _ => format!("×{}", lang.number(value, 2)),
    }
}

pub fn driver_name(lang: Lang, driver: Driver) -> &'static str {
    let fr = lang == Lang::Fr;
    match driver {
        Driver::Benefits if fr => "Bénéfices",
        Driver::Benefits => "Benefits",
        Driver::Costs if fr => "Coûts",
        Driver::Costs => "Costs",
        Driver::Risk if fr => "Proba. risques",
        Driver::Risk => "Risk prob.",
        Driver::DelayMonths if fr => "Retard (mois)",
        Driver::DelayMonths => "Delay (months)",
        Driver::Ramp if fr => "Montée charge",
        Driver::Ramp => "Ramp-up",
        Driver::Adoption => "Adoption",
        Driver::HourlyCost if fr => "Coût horaire",
        Driver::HourlyCost => "Hourly cost",
        Driver::Volume => "Volume",
        Driver::DiscountRate if fr => "Actualisation",
        Driver::DiscountRate => "Discount rate",
        Driver::MaturityFactor if fr => "Maturité (FM)",
        Driver::MaturityFactor => "Maturity factor",
    }
}

/// A KPI's status in words.
pub fn kpi_status_name(lang: Lang, status: KpiStatus) -> &'static str {
    lang.t(match status {
        KpiStatus::Met => Text::KpiMet,
        KpiStatus::OnTrack => Text::KpiOnTrack,
        KpiStatus::AtRisk => Text::KpiAtRisk,
        KpiStatus::OffTrack => Text::KpiOffTrack,
        KpiStatus::NoData => Text::KpiNoData,
    })
}

/// How sure a line's figures are, in words.
pub fn confidence_name(lang: Lang, confidence: Confidence) -> &'static str {
    lang.t(match confidence {
        Confidence::Low => ReviewText::ConfidenceLow,
        Confidence::Medium => ReviewText::ConfidenceMedium,
        Confidence::High => ReviewText::ConfidenceHigh,
    })
}

/// A department's name in the reader's language.
pub fn department_name(lang: Lang, department: Department) -> &'static str {
    let fr = lang == Lang::Fr;
    match department {
        Department::CustomerService if fr => "Service client",
        Department::CustomerService => "Customer service",
        Department::Software if fr => "Développement logiciel",
        Department::Software => "Software",
        Department::Marketing => "Marketing",
        Department::Hr if fr => "Ressources humaines",
        Department::Hr => "Human resources",
        Department::Finance => "Finance",
        Department::Operations if fr => "Opérations",
        Department::Operations => "Operations",
        Department::Other if fr => "Autre",
        Department::Other => "Other",
    }
}

/// A company size in the reader's language (with the head count it stands for).
pub fn company_size_name(lang: Lang, size: CompanySize) -> &'static str {
    let fr = lang == Lang::Fr;
    match size {
        CompanySize::Pme if fr => "PME (50 à 500 personnes)",
        CompanySize::Pme => "SME (50 to 500 people)",
        CompanySize::Eti if fr => "ETI (entreprise de taille intermédiaire)",
        CompanySize::Eti => "Mid-cap",
        CompanySize::Large if fr => "Grande entreprise",
        CompanySize::Large => "Large company",
    }
}

/// The short label of a company size's reference range on the Summary.
pub fn size_reference_label(lang: Lang, size: CompanySize) -> &'static str {
    let fr = lang == Lang::Fr;
    match size {
        CompanySize::Pme if fr => "Réf. PME",
        CompanySize::Pme => "SME ref.",
        CompanySize::Eti if fr => "Réf. ETI",
        CompanySize::Eti => "Mid-cap ref.",
        CompanySize::Large if fr => "Réf. GE",
        CompanySize::Large => "Large-co. ref.",
    }
}

/// A project status in the reader's language.
pub fn status_name(lang: Lang, status: Status) -> &'static str {
    let fr = lang == Lang::Fr;
    match status {
        Status::Idea if fr => "idée",
        Status::Idea => "idea",
        Status::Poc => "POC",
        Status::Pilot if fr => "pilote",
        Status::Pilot => "pilot",
        Status::Deployed if fr => "déployé",
        Status::Deployed => "deployed",
        Status::Stopped if fr => "arrêté",
        Status::Stopped => "stopped",
    }
}

/// A maturity level in the reader's language.
pub fn maturity_name(lang: Lang, maturity: Maturity) -> &'static str {
    match (maturity, lang) {
        (Maturity::Poc, _) => "POC",
        (Maturity::Scale, Lang::Fr) => "passage à l'échelle",
        (Maturity::Scale, Lang::En) => "scaling",
        (Maturity::Mature, Lang::Fr) => "mature",
        (Maturity::Mature, Lang::En) => "mature",
    }
}

/// The project's maturity as its figures use it: the named level, or "custom (0.33)" when a
/// `maturity_factor` overrides it (the level's name would then be false).
pub fn maturity_label(lang: Lang, info: &crate::domain::project::ProjectInfo) -> String {
    match info.maturity_factor {
        Some(factor) => match lang {
            Lang::Fr => format!("personnalisée ({})", lang.exact(factor)),
            Lang::En => format!("custom ({})", lang.exact(factor)),
        },
        None => maturity_name(lang, info.maturity()).to_owned(),
    }
}

/// A benefit line's kind in the reader's language.
pub fn benefit_kind_name(lang: Lang, kind: BenefitKind) -> &'static str {
    let fr = lang == Lang::Fr;
    match kind {
        BenefitKind::TimeSaving if fr => "Temps gagné",
        BenefitKind::TimeSaving => "Time saving",
        BenefitKind::Revenue if fr => "Chiffre d'affaires",
        BenefitKind::Revenue => "Revenue",
        BenefitKind::ErrorReduction if fr => "Erreurs évitées",
        BenefitKind::ErrorReduction => "Error reduction",
        BenefitKind::Retention if fr => "Fidélisation",
        BenefitKind::Retention => "Retention",
        BenefitKind::CostReduction if fr => "Réduction de coûts",
        BenefitKind::CostReduction => "Cost reduction",
        BenefitKind::CostAvoidance if fr => "Coût évité",
        BenefitKind::CostAvoidance => "Cost avoidance",
        BenefitKind::Other if fr => "Autre",
        BenefitKind::Other => "Other",
    }
}

/// A value class (which sets FT) in the reader's language.
pub fn value_class_name(lang: Lang, class: ValueClass) -> &'static str {
    match (class, lang) {
        (ValueClass::Productivity, Lang::Fr) => "productivité",
        (ValueClass::Productivity, Lang::En) => "productivity",
        (ValueClass::Quality, Lang::Fr) => "qualité",
        (ValueClass::Quality, Lang::En) => "quality",
        (ValueClass::Innovation, _) => "innovation",
    }
}

/// A cost category in the reader's language.
pub fn category_name(lang: Lang, category: CostCategory) -> &'static str {
    let fr = lang == Lang::Fr;
    match category {
        CostCategory::Licences => "Licences",
        CostCategory::Infrastructure => "Infrastructure",
        CostCategory::Integration if fr => "Intégration",
        CostCategory::Integration => "Integration",
        CostCategory::Development if fr => "Développement",
        CostCategory::Development => "Development",
        CostCategory::Training if fr => "Formation",
        CostCategory::Training => "Training",
        CostCategory::Maintenance => "Maintenance",
        CostCategory::Data if fr => "Données",
        CostCategory::Data => "Data",
        CostCategory::Governance if fr => "Gouvernance",
        CostCategory::Governance => "Governance",
        CostCategory::ChangeManagement if fr => "Conduite du changement",
        CostCategory::ChangeManagement => "Change management",
        CostCategory::QualityReview if fr => "Revue humaine",
        CostCategory::QualityReview => "Human review",
        CostCategory::Other if fr => "Autre",
        CostCategory::Other => "Other",
    }
}

/// The localized name of a quadrant ("Quick wins — start"), or that the project is not scored.
pub fn quadrant_name(lang: Lang, quadrant: Option<Quadrant>) -> &'static str {
    lang.t(match quadrant {
        Some(Quadrant::QuickWin) => Text::QuickWin,
        Some(Quadrant::Strategic) => Text::Strategic,
        Some(Quadrant::Improvement) => Text::Improvement,
        Some(Quadrant::Avoid) => Text::Avoid,
        None => Text::NoQuadrant,
    })
}

/// Its short name, for a table cell ("Quick wins").
pub fn quadrant_short(lang: Lang, quadrant: Option<Quadrant>) -> &'static str {
    lang.t(match quadrant {
        Some(Quadrant::QuickWin) => Text::QuickWinShort,
        Some(Quadrant::Strategic) => Text::StrategicShort,
        Some(Quadrant::Improvement) => Text::ImprovementShort,
        Some(Quadrant::Avoid) => Text::AvoidShort,
        None => Text::Unscored,
    })
}

/// A KPI dimension in the reader's language.
pub fn dimension_name(lang: Lang, dimension: Dimension) -> &'static str {
    let fr = lang == Lang::Fr;
    match dimension {
        Dimension::Productivity if fr => "productivité",
        Dimension::Productivity => "productivity",
        Dimension::Quality if fr => "qualité",
        Dimension::Quality => "quality",
        Dimension::Finance => "finance",
        Dimension::Technical if fr => "technique",
        Dimension::Technical => "technical",
        Dimension::Customer if fr => "client",
        Dimension::Customer => "customer",
        Dimension::Employee if fr => "collaborateur",
        Dimension::Employee => "employee",
    }
}

/// Whether a KPI is better higher or lower, in the reader's language.
pub fn direction_name(lang: Lang, direction: Direction) -> &'static str {
    match (direction, lang) {
        (Direction::Higher, Lang::Fr) => "à la hausse",
        (Direction::Higher, Lang::En) => "higher",
        (Direction::Lower, Lang::Fr) => "à la baisse",
        (Direction::Lower, Lang::En) => "lower",
    }
}

/// How often a KPI is measured, in the reader's language.
pub fn frequency_name(lang: Lang, frequency: Frequency) -> &'static str {
    let fr = lang == Lang::Fr;
    match frequency {
        Frequency::Realtime if fr => "en continu",
        Frequency::Realtime => "real time",
        Frequency::Daily if fr => "quotidienne",
        Frequency::Daily => "daily",
        Frequency::Weekly if fr => "hebdomadaire",
        Frequency::Weekly => "weekly",
        Frequency::Monthly if fr => "mensuelle",
        Frequency::Monthly => "monthly",
        Frequency::Quarterly if fr => "trimestrielle",
        Frequency::Quarterly => "quarterly",
        Frequency::Semiannual if fr => "semestrielle",
        Frequency::Semiannual => "semiannual",
        Frequency::Annual if fr => "annuelle",
        Frequency::Annual => "annual",
    }
}

/// A catalogue KPI's reference as the reader reads it: its figure with the decimal comma in
/// French (`> 99,5 %`), or the way it should move in the reader's words.
pub fn reference_name(lang: Lang, reference: crate::domain::catalogue::Reference) -> String {
    use crate::domain::catalogue::Reference as R;
    let fr = lang == Lang::Fr;
    match reference {
        R::Figure(figure) if fr => figure.replace('.', ","),
        R::Figure(figure) => figure.to_owned(),
        R::Decreasing if fr => "en baisse".into(),
        R::Decreasing => "decreasing".into(),
        R::Increasing if fr => "en hausse".into(),
        R::Increasing => "increasing".into(),
        R::Documented if fr => "documenté".into(),
        R::Documented => "documented".into(),
        R::OnBudget if fr => "dans le budget".into(),
        R::OnBudget => "on budget".into(),
    }
}

/// A benefit's input, named as the reader knows it (`volume_per_month` is « Volume / mois »).
pub fn input_name(lang: Lang, field: &str) -> &'static str {
    use super::XlsxText as X;
    let text = match field {
        "volume_per_month" => X::VolumePerMonth,
        "minutes_saved_per_unit" => X::MinutesSaved,
        "minutes_before" => X::MinutesBefore,
        "minutes_after" => X::MinutesAfter,
        "hourly_cost" => X::HourlyCost,
        "reallocation" => X::Reallocation,
        "annual_revenue" => X::AnnualRevenue,
        "uplift" => X::Uplift,
        "margin" => X::Margin,
        "errors_per_month" => X::ErrorsPerMonth,
        "reduction" => X::Reduction,
        "cost_per_error" => X::CostPerError,
        "departures_avoided_per_year" => X::DeparturesAvoided,
        "replacement_cost" => X::ReplacementCost,
        "monthly_value" => X::MonthlyValueInput,
        "annual_value" => X::AnnualValueInput,
        "time_factor" => X::TimeFactorFt,
        "one_off" => return lang.t(Text::OneOff),
        "monthly" => return lang.t(Text::Monthly),
        "cost" => return lang.t(Text::RiskCost),
        "probability" => return lang.t(Text::Probability),
        _ => return "",
    };
    lang.t(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 25: each language its own plurals and quotes.
    #[test]
    fn plurals_and_quotes_are_each_language_s() {
        use rust_decimal::Decimal;
        let delay = |lang, n: i64| driver_setting(lang, Driver::DelayMonths, Decimal::from(n));
        assert_eq!(delay(Lang::En, 1), "+1 month");
        assert_eq!(delay(Lang::En, -1), "-1 month");
        assert_eq!(delay(Lang::En, 2), "+2 months");
        assert_eq!(delay(Lang::Fr, 1), "+1 mois");
        assert_eq!(Lang::En.quoted("Zeta"), "“Zeta”");
        assert_eq!(Lang::Fr.quoted("Zeta"), "« Zeta »");
    }

    /// Issue 25: the KPI catalogue's references read in the reader's language: French words
    /// and decimal commas in French, the figures themselves in both.
    #[test]
    fn catalogue_references_are_said_in_each_language() {
        use crate::domain::catalogue::{CATALOGUE, Reference};
        for entry in CATALOGUE {
            let (fr, en) = (reference_name(Lang::Fr, entry.target), reference_name(Lang::En, entry.target));
            match entry.target {
                Reference::Figure(_) => assert!(!fr.contains('.'), "{}: {fr}", entry.key),
                _ => assert_ne!(fr, en, "{}", entry.key),
            }
        }
    }

    #[test]
    fn driver_names_fit_the_sliders_column() {
        for lang in [Lang::Fr, Lang::En] {
            for driver in Driver::ALL {
                assert!(driver_name(lang, driver).chars().count() <= 15, "{}", driver_name(lang, driver));
            }
        }
    }
}

#[cfg(test)]
mod information_tests {
    use super::*;

    /// Issue 17: the sentence says what measuring is worth, and never claims a decision is
    /// settled when knowing everything would change it.
    #[test]
    fn the_information_sentence_fits_the_case() {
        let settled = information_sentence(Lang::En, None, None);
        assert!(settled.starts_with("No measurement"), "{settled}");
        let no_single = information_sentence(Lang::En, Some("€17"), None);
        assert!(no_single.contains("€17") && no_single.contains("no single input"), "{no_single}");
        let one = information_sentence(Lang::Fr, Some("4 200 €"), Some(("Adoption", "3 900 €")));
        assert!(one.contains("4 200 €") && one.contains("« Adoption »") && one.contains("3 900 €"), "{one}");
    }
}
