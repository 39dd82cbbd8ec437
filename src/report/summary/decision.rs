//! The summary's **Action** part — the decision proposed and its reasons, the KPIs to
//! act on, what is overdue — and the assumptions and sources it closes with.

use super::*;

pub(super) fn action(input: &SummaryInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(heading(2, input.t(R::Action)));
    let Decision { verdict, reasons } = review::propose(input.project, input.figures);
    blocks.push(Block::Emphasis(format!(
        "{}{}{}",
        lang.t(R::ProposedDecision),
        lang.colon(),
        verdict_name(lang, verdict)
    )));
    blocks.push(Block::Paragraph(input.t(R::Because)));
    blocks.push(Block::Bullets(reasons.iter().map(|r| reason_sentence(lang, r)).collect()));
    kpi_alerts(input, blocks);
    overdue(input, blocks);
}

fn kpi_alerts(input: &SummaryInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(heading(3, input.t(R::KpiAlerts)));
    let alerts = review::kpi_alerts(input.project);
    if input.project.kpis.is_empty() {
        blocks.push(Block::Paragraph(input.t(R::NoKpis)));
        return;
    }
    if alerts.is_empty() {
        blocks.push(Block::Paragraph(input.t(R::NoAlerts)));
        return;
    }
    let lines = alerts
        .iter()
        .map(|alert| {
            let kpi = &input.project.kpis[alert.kpi];
            let decision = alert.decision.clone().unwrap_or_else(|| input.t(R::NoDecisionWritten));
            format!("{} ({}) → {decision}", kpi.name, kpi_status_name(lang, alert.status))
        })
        .collect();
    blocks.push(Block::Bullets(lines));
}

fn overdue(input: &SummaryInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(heading(3, input.t(R::OverdueSection)));
    let Some(now) = input.as_of else {
        blocks.push(Block::Paragraph(input.t(R::NoStartDate)));
        return;
    };
    let late = review::overdue_kpis(input.project, now);
    if late.is_empty() {
        blocks.push(Block::Paragraph(input.t(R::NoOverdue)));
        return;
    }
    let lines = late
        .iter()
        .map(|o| {
            format!(
                "{} — {}{}{} {} ({} {})",
                input.project.kpis[o.kpi].name,
                last_measured(lang, o.last_month),
                semicolon(lang),
                lang.t(R::DueFor),
                o.due_month,
                o.months_late,
                lang.t(R::MonthsLate)
            )
        })
        .collect();
    blocks.push(Block::Bullets(lines));
}

// ---- Assumptions --------------------------------------------------------------------------

pub(super) fn assumptions(input: &SummaryInput, blocks: &mut Vec<Block>) {
    let (lang, info) = (input.lang, &input.project.project);
    blocks.push(heading(2, input.t(R::HowComputed)));
    let fm = lang.number(input.figures.maturity_factor, 2);
    let mut facts = vec![
        (input.t(R::MaturityLine), format!("{} (FM {fm})", maturity_label(lang, info))),
        (input.t(R::TimeFactors), input.t(R::TimeFactorsValue)),
        (input.t(Text::Horizon), format!("{} {}", input.figures.horizon, lang.t(Text::Months))),
        (input.t(Text::DiscountRate), lang.rate(info.discount_rate())),
        (input.t(Text::Contingency), lang.rate(info.contingency())),
        (input.t(R::RiskMethod), input.t(R::RiskMethodValue)),
    ];
    if let Some(name) = input.scenario {
        facts.push((input.t(R::ScenarioUsed), name.to_owned()));
    }
    blocks.push(Block::Facts(facts));
    let project = input.project;
    if !(project.benefits.is_empty() && project.costs.is_empty() && project.risks.is_empty()) {
        blocks.push(heading(3, input.t(Text::Assumptions)));
        blocks.push(sources(input));
    }
}

/// Every benefit, cost and risk line with its source and confidence.
fn sources(input: &SummaryInput) -> Block {
    let (project, lang) = (input.project, input.lang);
    let row = |list: Text, name: &str, source: Option<&str>, confidence: Confidence| {
        vec![
            format!("{} · {name}", lang.t(list)),
            source.unwrap_or(DASH).to_owned(),
            confidence_name(lang, confidence).to_owned(),
        ]
    };
    let benefits = project
        .benefits
        .iter()
        .map(|l| row(Text::SectionBenefits, &l.name, l.source.as_deref(), l.confidence()));
    let costs =
        project.costs.iter().map(|l| row(Text::SectionCosts, &l.name, l.source.as_deref(), l.confidence()));
    let risks =
        project.risks.iter().map(|l| row(Text::SectionRisks, &l.name, l.source.as_deref(), l.confidence()));
    let columns = [
        (lang.t(Text::Line), Align::Left),
        (lang.t(Text::Source), Align::Left),
        (lang.t(Text::Confidence), Align::Left),
    ];
    table(&columns, benefits.chain(costs).chain(risks).collect())
}
