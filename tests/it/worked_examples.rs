//! DOMAIN.md §6 worked examples, by name, and hand-computed cases of §2–§3, each through a
//! whole project file: TOML text → `store::parse` → `Figures::compute` with neutral drivers.
//!
//! Every expected value is computed by hand in the comment above its assertion. Values are
//! compared as exact `Decimal`s; where the contract itself divides by 3 or 12 (a ramp of 3
//! months, an annual amount spread over 12 months, R / H) the exact rational value has no
//! finite decimal form, and the assertion says so and compares to 20 decimal places.

use super::common::decimals;
use roi_workbench::domain::engine::Cumulative;
use roi_workbench::domain::kpi::KpiStatus;
use roi_workbench::domain::matrix::Quadrant;
use roi_workbench::domain::money::round;
use roi_workbench::domain::money::{Amount, Percent};
use roi_workbench::domain::project::{CostCategory, Project};
use roi_workbench::domain::warnings::Warning;
use roi_workbench::domain::{Drivers, Figures};
use roi_workbench::store::parse;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// A project named "Cas": `body` starts inside `[project]`, then may open tables.
fn project(body: &str) -> Project {
    let text = format!("schema = 1\n\n[project]\nname = \"Cas\"\n{body}");
    parse(&text).unwrap_or_else(|diagnostics| panic!("{text}\n{diagnostics:#?}"))
}

fn figures(body: &str) -> Figures {
    Figures::compute(&project(body), &Drivers::default())
}

/// `a` equals the exact rational value `b` to 20 decimal places (for values whose exact
/// form has no finite decimal expansion, such as 1 000 / 3).
fn assert_close(actual: Decimal, expected: Decimal, what: &str) {
    let gap = (actual - expected).abs();
    assert!(gap < dec!(0.00000000000000000001), "{what}: {actual} is not {expected} (gap {gap})");
}

fn column(f: &Figures, pick: fn(&roi_workbench::domain::engine::MonthFlow) -> Decimal) -> Vec<Decimal> {
    f.flows.monthly.iter().map(pick).collect()
}

// ---------------------------------------------------------------------------------------
// DOMAIN.md §6
// ---------------------------------------------------------------------------------------

#[test]
fn worked_example_200_cases_30_minutes_50_euros_an_hour() {
    // 200 cases × 30 min = 6 000 min = 100 h a month; 100 h × 50 €/h = 5 000 €/month;
    // 12 × 5 000 = 60 000 €/year.
    let f = figures(
        "horizon_months = 12\n\
         [[benefits]]\nname = \"Factures\"\nkind = \"time_saving\"\n\
         volume_per_month = 200\nminutes_saved_per_unit = 30\nhourly_cost = 50\n",
    );
    assert_eq!(decimals(&f.benefit_values), [dec!(5000)]);
    assert!(f.flows.monthly.iter().all(|m| m.benefits_raw == dec!(5000)));
    assert_eq!(f.flows.at(12).benefits_raw, dec!(60000));
    // Productivity, mature: FM = FT = 1, so adjusted = raw.
    assert_eq!(f.flows.at(12).benefits_adjusted, dec!(60000));
}

#[test]
fn worked_example_200_cases_with_minutes_before_and_after() {
    // minutes_saved = 45 − 15 = 30: the same 5 000 €/month.
    let f = figures(
        "[[benefits]]\nname = \"Factures\"\nkind = \"time_saving\"\n\
         volume_per_month = 200\nminutes_before = 45\nminutes_after = 15\nhourly_cost = 50\n",
    );
    assert_eq!(decimals(&f.benefit_values), [dec!(5000)]);
}

#[test]
fn worked_example_two_percent_on_ten_million_is_200k_a_year() {
    // 10 000 000 × 0.02 × margin 1 = 200 000 €/year (before margin).
    let f = figures(
        "horizon_months = 12\n\
         [[benefits]]\nname = \"E-commerce\"\nkind = \"revenue\"\nannual_revenue = 10000000\nuplift = 0.02\n",
    );
    // V = 200 000 / 12 = 16 666.66… €/month: no finite decimal, 12 of them make 200 000.
    assert_close(f.benefit_values[0].value() * dec!(12), dec!(200000), "V × 12");
    assert_close(f.flows.at(12).benefits_raw, dec!(200000), "B_raw(12)");
    assert_eq!(round(f.flows.at(12).benefits_raw), dec!(200000));
}

#[test]
fn worked_example_classic_roi_of_150_percent_at_12_months() {
    // B_raw(12) = 200 000, TCO(12) = 80 000 (one-off in month 1):
    // ROI_classic(12) = (200 000 − 80 000) / 80 000 × 100 = 150 %.
    let f = figures(
        "horizon_months = 12\n\
         [[benefits]]\nname = \"E-commerce\"\nkind = \"revenue\"\nannual_revenue = 10000000\nuplift = 0.02\n\
         [[costs]]\nname = \"Projet\"\ncategory = \"integration\"\none_off = 80000\n",
    );
    let year = f.flows.at(12);
    assert_eq!(year.tco, dec!(80000));
    let roi = year.roi_classic_pct().unwrap();
    // Exact to 20 decimal places (V = 200 000 / 12 is not a finite decimal), and exactly 150
    // once rounded for display.
    assert_close((roi).value(), dec!(150), "ROI_classic(12)");
    assert_eq!(round((roi).value()), dec!(150));
    // At the horizon (12) the report's headline is the same figure.
    assert_eq!(f.flows.at_horizon(), year);
    // The same 80 000 € spread as 12 × 6 666.67 would not be exact; as 12 × 6 000 + 8 000 it is.
    let f = figures(
        "horizon_months = 12\n\
         [[benefits]]\nname = \"E-commerce\"\nkind = \"revenue\"\nannual_revenue = 10000000\nuplift = 0.02\n\
         [[costs]]\nname = \"Run\"\nmonthly = 6000\n\
         [[costs]]\nname = \"Build\"\none_off = 8000\n",
    );
    assert_eq!(f.flows.at(12).tco, dec!(80000));
    assert_eq!(round((f.flows.at(12).roi_classic_pct().unwrap()).value()), dec!(150));
}

#[test]
fn worked_example_fifty_developers_a_quarter_more_productive() {
    // 50 developers × 90 000 € loaded × 25 % = the work of 12.5 developers
    // = 1 125 000 €/year = 93 750 €/month.
    let annual = dec!(50) * dec!(90000) * dec!(0.25);
    assert_eq!(annual, dec!(12.5) * dec!(90000));
    let f = figures(&format!(
        "horizon_months = 12\n\
         [[benefits]]\nname = \"Assistant de code\"\nkind = \"cost_avoidance\"\nannual_value = {annual}\n"
    ));
    assert_eq!(decimals(&f.benefit_values), [dec!(93750)]);
    assert_eq!(f.flows.at(12).benefits_raw, dec!(1125000));
}

#[test]
fn the_domain_example_file_of_section_7() {
    // The §7 file: V = 200 × 30 / 60 × 50 × 0.8 = 4 000 €/month from month 2, ramp 3:
    // r = 0, 1/3, 2/3, 1, 1, … → Σ r over 36 months = 1/3 + 2/3 + 33 = 34 → B_raw = 136 000.
    // FM scale 0.70, FT productivity 1 → B_adj = 95 200.
    // Costs: 25 000 + 600 × 36 = 46 600, × (1 + 0.10) = 51 260.
    // Risk: 15 000 × 0.2 = 3 000.
    // ROI_classic = (136 000 − 51 260) / 51 260 × 100 = 165.3140850565743…
    // ROI_adjusted = (95 200 − 51 260 − 3 000) / 51 260 × 100 = 79.8673429574717…
    let text = include_str!("../fixtures/domain-example.toml");
    let p = parse(text).unwrap();
    let f = Figures::compute(&p, &Drivers::default());
    assert_eq!(f.horizon, 36);
    assert_eq!(f.maturity_factor, dec!(0.70));
    assert_eq!(decimals(&f.benefit_values), [dec!(4000)]);
    assert_eq!(decimals(&f.cost_totals), [dec!(27500), dec!(23760)]);
    assert_eq!(f.risk_total, Amount::new(dec!(3000)));
    let h = f.flows.at_horizon();
    assert_close(h.benefits_raw, dec!(136000), "B_raw(36)");
    assert_close(h.benefits_adjusted, dec!(95200), "B_adj(36)");
    assert_eq!(h.tco, dec!(51260));
    assert_close(h.risk_provision, dec!(3000), "Risk(36)");
    assert_eq!(round((h.roi_classic_pct().unwrap()).value()), dec!(165.31));
    assert_eq!(round((h.roi_adjusted_pct().unwrap()).value()), dec!(79.87));
    assert_eq!(f.quadrant, Some(Quadrant::QuickWin), "impact 8, feasibility 7");
}

// ---------------------------------------------------------------------------------------
// §2.1 benefit kinds, ramp, FT; §2.2 FM
// ---------------------------------------------------------------------------------------

#[test]
fn every_benefit_kind_gives_its_monthly_value() {
    // time_saving: 120 × 15 / 60 × 40 × 0.5 = 600
    // revenue: 1 200 000 × 0.05 × 0.4 / 12 = 2 000
    // error_reduction: 50 × 0.6 × 80 = 2 400
    // retention: 3 × 24 000 / 12 = 6 000
    // cost_reduction monthly 750 = 750; cost_avoidance annual 18 000 / 12 = 1 500
    // other: monthly_value 99 (with annual_value too, the file is refused: see below)
    let f = figures(
        "[[benefits]]\nname = \"T\"\nkind = \"time_saving\"\nvolume_per_month = 120\nminutes_saved_per_unit = 15\nhourly_cost = 40\nreallocation = 0.5\n\
         [[benefits]]\nname = \"R\"\nkind = \"revenue\"\nannual_revenue = 1200000\nuplift = 0.05\nmargin = 0.4\n\
         [[benefits]]\nname = \"E\"\nkind = \"error_reduction\"\nerrors_per_month = 50\nreduction = 0.6\ncost_per_error = 80\n\
         [[benefits]]\nname = \"D\"\nkind = \"retention\"\ndepartures_avoided_per_year = 3\nreplacement_cost = 24000\n\
         [[benefits]]\nname = \"C\"\nkind = \"cost_reduction\"\nmonthly_value = 750\n\
         [[benefits]]\nname = \"A\"\nkind = \"cost_avoidance\"\nannual_value = 18000\n\
         [[benefits]]\nname = \"O\"\nkind = \"other\"\nmonthly_value = 99\n",
    );
    assert_eq!(
        decimals(&f.benefit_values),
        [dec!(600), dec!(2000), dec!(2400), dec!(6000), dec!(750), dec!(1500), dec!(99)]
    );
    // Sum 13 349 €/month, every month (no ramp, start 1).
    assert!(f.flows.monthly.iter().all(|m| m.benefits_raw == dec!(13349)));
}

/// Issue 22: two values for one thing are refused, naming the second, not silently ignored.
#[test]
fn two_values_for_one_thing_are_refused() {
    use roi_workbench::domain::validate::Rule;
    for (lines, other) in [
        ("kind = \"other\"\nmonthly_value = 99\nannual_value = 120000\n", "annual_value"),
        (
            "kind = \"time_saving\"\nvolume_per_month = 1\nhourly_cost = 1\nminutes_saved_per_unit = 5\nminutes_before = 9\n",
            "minutes_before",
        ),
    ] {
        let refused = roi_workbench::store::parse(&format!(
            "schema = 1\n[project]\nname = \"P\"\n[[benefits]]\nname = \"B\"\n{lines}"
        ))
        .unwrap_err();
        assert_eq!(refused.len(), 1, "{refused:?}");
        let rule = refused[0].problem.as_ref().map(|p| p.rule.clone());
        assert!(matches!(rule, Some(Rule::TwoValuesForOne { other: o, .. }) if o == other), "{refused:?}");
    }
}

#[test]
fn ramp_from_month_2_over_3_months() {
    // V = 3 000; start_month 2, ramp_months 3:
    // r(1) = 0 (before start), r(2) = 1/3, r(3) = 2/3, r(4) = 3/3 = 1, r(5…) = 1.
    // b_raw = 0, 1 000, 2 000, 3 000, 3 000, …
    let f = figures(
        "horizon_months = 12\n\
         [[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 3000\nstart_month = 2\nramp_months = 3\n",
    );
    let raw = column(&f, |m| m.benefits_raw);
    assert_eq!(raw[0], Decimal::ZERO);
    assert_close(raw[1], dec!(1000), "b_raw(2) = 3 000 × 1/3");
    assert_close(raw[2], dec!(2000), "b_raw(3) = 3 000 × 2/3");
    assert!(raw[3..].iter().all(|v| *v == dec!(3000)), "{raw:?}");
    // B_raw(12) = 1 000 + 2 000 + 9 × 3 000 = 30 000.
    assert_close(f.flows.at(12).benefits_raw, dec!(30000), "B_raw(12)");
}

#[test]
fn ramp_of_four_months_from_month_3_is_exact() {
    // V = 2 000; start 3, ramp 4: r = 0, 0, 1/4, 2/4, 3/4, 1, … → 0, 0, 500, 1 000, 1 500, 2 000.
    let f = figures(
        "horizon_months = 6\n\
         [[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 2000\nstart_month = 3\nramp_months = 4\n",
    );
    assert_eq!(
        column(&f, |m| m.benefits_raw),
        [dec!(0), dec!(0), dec!(500), dec!(1000), dec!(1500), dec!(2000)]
    );
    // B_raw(6) = 5 000.
    assert_eq!(f.flows.at_horizon().benefits_raw, dec!(5000));
}

#[test]
fn a_ramp_of_zero_is_full_value_from_the_start_month() {
    // start 4, ramp 0: 0, 0, 0, then 700 every month.
    let f = figures(
        "horizon_months = 6\n\
         [[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 700\nstart_month = 4\n",
    );
    assert_eq!(column(&f, |m| m.benefits_raw), [dec!(0), dec!(0), dec!(0), dec!(700), dec!(700), dec!(700)]);
}

#[test]
fn value_classes_and_maturity_levels() {
    // V = 1 000 each. FM scale = 0.70.
    // productivity: 1 000 × 0.70 × 1.00 = 700
    // quality:      1 000 × 0.70 × 0.70 = 490
    // innovation:   1 000 × 0.70 × 0.40 = 280
    // b_adj(m) = 1 470, b_raw(m) = 3 000.
    let f = figures(
        "maturity = \"scale\"\nhorizon_months = 12\n\
         [[benefits]]\nname = \"P\"\nkind = \"other\"\nmonthly_value = 1000\n\
         [[benefits]]\nname = \"Q\"\nkind = \"other\"\nmonthly_value = 1000\nvalue_class = \"quality\"\n\
         [[benefits]]\nname = \"I\"\nkind = \"other\"\nmonthly_value = 1000\nvalue_class = \"innovation\"\n",
    );
    assert_eq!(f.maturity_factor, dec!(0.70));
    assert!(f.flows.monthly.iter().all(|m| m.benefits_raw == dec!(3000)));
    assert!(f.flows.monthly.iter().all(|m| m.benefits_adjusted == dec!(1470)));
    assert_eq!(f.flows.at(12).benefits_adjusted, dec!(17640));

    // poc: FM 0.25 → 1 000 × 0.25 × 0.70 (quality) = 175.
    let f = figures(
        "maturity = \"poc\"\n\
         [[benefits]]\nname = \"Q\"\nkind = \"other\"\nmonthly_value = 1000\nvalue_class = \"quality\"\n",
    );
    assert_eq!(f.maturity_factor, dec!(0.25));
    assert_eq!(f.flows.monthly[0].benefits_adjusted, dec!(175));

    // Default maturity is mature: FM 1.
    let f = figures("[[benefits]]\nname = \"P\"\nkind = \"other\"\nmonthly_value = 1000\n");
    assert_eq!(f.maturity_factor, Decimal::ONE);
    assert_eq!(f.flows.monthly[0].benefits_adjusted, dec!(1000));
}

#[test]
fn time_factor_and_maturity_factor_override_the_named_levels() {
    // maturity poc (0.25) overridden by maturity_factor 0.6; innovation (0.40) overridden by
    // time_factor 0.5: 1 000 × 0.6 × 0.5 = 300. Raw stays 1 000.
    let f = figures(
        "maturity = \"poc\"\nmaturity_factor = 0.6\n\
         [[benefits]]\nname = \"I\"\nkind = \"other\"\nmonthly_value = 1000\nvalue_class = \"innovation\"\ntime_factor = 0.5\n",
    );
    assert_eq!(f.maturity_factor, dec!(0.6));
    assert_eq!(f.flows.monthly[0].benefits_raw, dec!(1000));
    assert_eq!(f.flows.monthly[0].benefits_adjusted, dec!(300));
    // time_factor 0 zeroes the adjusted value only.
    let f = figures("[[benefits]]\nname = \"I\"\nkind = \"other\"\nmonthly_value = 1000\ntime_factor = 0\n");
    assert_eq!(f.flows.monthly[0].benefits_raw, dec!(1000));
    assert_eq!(f.flows.monthly[0].benefits_adjusted, Decimal::ZERO);
}

// ---------------------------------------------------------------------------------------
// §2.3 costs, §2.4 risks
// ---------------------------------------------------------------------------------------

#[test]
fn cost_start_and_end_months_and_one_off_month() {
    // Horizon 12, no contingency.
    // A: one_off 2 000 in month 4.          B: monthly 300 from month 3 to month 6.
    // C: monthly 50 from month 10 (to H).   D: one_off 100 and monthly 10 (defaults: month 1, 1..=H).
    // c(1) = 100 + 10 = 110; c(2) = 10; c(3) = 310; c(4) = 2 310; c(5) = c(6) = 310;
    // c(7..9) = 10; c(10..12) = 60.
    // TCO(12) = 110 + 10 + 310 + 2 310 + 310 + 310 + 3 × 10 + 3 × 60 = 3 570.
    let f = figures(
        "horizon_months = 12\ncontingency = 0\n\
         [[costs]]\nname = \"A\"\ncategory = \"integration\"\none_off = 2000\none_off_month = 4\n\
         [[costs]]\nname = \"B\"\ncategory = \"training\"\nmonthly = 300\nstart_month = 3\nend_month = 6\n\
         [[costs]]\nname = \"C\"\ncategory = \"maintenance\"\nmonthly = 50\nstart_month = 10\n\
         [[costs]]\nname = \"D\"\ncategory = \"licences\"\none_off = 100\nmonthly = 10\n",
    );
    assert_eq!(
        column(&f, |m| m.costs),
        [
            dec!(110),
            dec!(10),
            dec!(310),
            dec!(2310),
            dec!(310),
            dec!(310),
            dec!(10),
            dec!(10),
            dec!(10),
            dec!(60),
            dec!(60),
            dec!(60)
        ]
    );
    assert_eq!(f.flows.at(12).tco, dec!(3570));
    // Per line over the horizon: 2 000, 1 200, 150, 100 + 120 = 220.
    assert_eq!(decimals(&f.cost_totals), [dec!(2000), dec!(1200), dec!(150), dec!(220)]);
    // TCO(4) = 110 + 10 + 310 + 2 310 = 2 740.
    assert_eq!(f.flows.at(4).tco, dec!(2740));
    // By category, largest first.
    assert_eq!(
        f.cost_by_category(&project(
            "horizon_months = 12\n\
             [[costs]]\nname = \"A\"\ncategory = \"integration\"\none_off = 2000\none_off_month = 4\n\
             [[costs]]\nname = \"B\"\ncategory = \"training\"\nmonthly = 300\nstart_month = 3\nend_month = 6\n\
             [[costs]]\nname = \"C\"\ncategory = \"maintenance\"\nmonthly = 50\nstart_month = 10\n\
             [[costs]]\nname = \"D\"\ncategory = \"licences\"\none_off = 100\nmonthly = 10\n"
        ))
        .into_iter()
        .map(|(category, total)| (category, total.value()))
        .collect::<Vec<_>>(),
        [
            (CostCategory::Integration, dec!(2000)),
            (CostCategory::Training, dec!(1200)),
            (CostCategory::Licences, dec!(220)),
            (CostCategory::Maintenance, dec!(150)),
        ]
    );
}

#[test]
fn a_one_off_in_the_last_month_and_a_cost_of_one_month() {
    // one_off 500 in month 6 = H; monthly 40 with start = end = 2.
    let f = figures(
        "horizon_months = 6\n\
         [[costs]]\nname = \"A\"\none_off = 500\none_off_month = 6\n\
         [[costs]]\nname = \"B\"\nmonthly = 40\nstart_month = 2\nend_month = 2\n",
    );
    assert_eq!(column(&f, |m| m.costs), [dec!(0), dec!(40), dec!(0), dec!(0), dec!(0), dec!(500)]);
}

#[test]
fn contingency_is_added_on_top_of_every_cost() {
    // contingency 0.15: c(m) = 1.15 × (one_off 10 000 in month 1 + monthly 400).
    // c(1) = 1.15 × 10 400 = 11 960; c(m ≥ 2) = 1.15 × 400 = 460.
    // TCO(12) = 11 960 + 11 × 460 = 17 020 = 1.15 × 14 800.
    let f = figures(
        "horizon_months = 12\ncontingency = 0.15\n\
         [[costs]]\nname = \"Build\"\none_off = 10000\n\
         [[costs]]\nname = \"Run\"\nmonthly = 400\n",
    );
    assert_eq!(f.flows.monthly[0].costs, dec!(11960));
    assert!(f.flows.monthly[1..].iter().all(|m| m.costs == dec!(460)));
    assert_eq!(f.flows.at(12).tco, dec!(17020));
    assert_eq!(decimals(&f.cost_totals), [dec!(11500), dec!(5520)]);
    // Contingency does not touch benefits or risks.
    let f = figures(
        "horizon_months = 12\ncontingency = 0.5\n\
         [[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 100\n\
         [[risks]]\nname = \"R\"\ncost = 1200\nprobability = 1\n",
    );
    assert_eq!(f.flows.monthly[0].benefits_raw, dec!(100));
    assert_eq!(f.flows.monthly[0].risk, dec!(100));
    assert_eq!(f.flows.at(12).tco, Decimal::ZERO);
}

#[test]
fn risk_provision_is_spread_evenly_over_the_horizon() {
    // R = 12 000 × 0.5 + 2 400 × 0.25 + 9 999 × 0 = 6 000 + 600 + 0 = 6 600.
    // H = 12 → ρ = 550 a month; Risk(M) = 550 × M.
    let f = figures(
        "horizon_months = 12\n\
         [[risks]]\nname = \"A\"\ncost = 12000\nprobability = 0.5\n\
         [[risks]]\nname = \"B\"\ncost = 2400\nprobability = 0.25\n\
         [[risks]]\nname = \"C\"\ncost = 9999\nprobability = 0\n",
    );
    assert_eq!(decimals(&f.risk_lines), [dec!(6000), dec!(600), dec!(0)]);
    assert_eq!(f.risk_total, Amount::new(dec!(6600)));
    assert!(f.flows.monthly.iter().all(|m| m.risk == dec!(550)));
    for month in 1..=12 {
        assert_eq!(f.flows.at(month).risk_provision, dec!(550) * Decimal::from(month), "Risk({month})");
    }
    // net(m) = 0 − 0 − 550.
    assert!(f.flows.monthly.iter().all(|m| m.net == dec!(-550)));
    assert_eq!(f.flows.monthly[11].cumulative_net, dec!(-6600));
}

#[test]
fn risk_provision_over_36_months() {
    // R = 6 600 over H = 36: ρ = 183.33… (no finite decimal), Risk(12) = 2 200, Risk(36) = R.
    let f = figures("[[risks]]\nname = \"A\"\ncost = 6600\nprobability = 1\n");
    assert_eq!(f.risk_total, Amount::new(dec!(6600)));
    assert_close(f.flows.monthly[0].risk, dec!(6600) / dec!(36), "ρ");
    assert_close(f.flows.at(12).risk_provision, dec!(2200), "Risk(12)");
    assert_close(f.flows.at(36).risk_provision, dec!(6600), "Risk(36)");
    assert_eq!(round(f.flows.at(36).risk_provision), dec!(6600));
    // Probability 1 and cost 0 are allowed; 0 × 1 = 0.
    let f = figures("[[risks]]\nname = \"A\"\ncost = 0\nprobability = 1\n");
    assert_eq!(f.risk_total, Amount::new(Decimal::ZERO));
}

// ---------------------------------------------------------------------------------------
// §2.5–2.6 flows, ROI, NPV, break-even
// ---------------------------------------------------------------------------------------

#[test]
fn monthly_flows_and_the_two_rois_at_each_checkpoint() {
    // Horizon 24. V = 2 000, quality (FT 0.70), FM scale (0.70): b_adj = 980/month.
    // Costs: one_off 6 000 in month 1, monthly 500. Risk: 4 800 × 0.5 = 2 400 → ρ = 100.
    // net(1) = 980 − 6 500 − 100 = −5 620; net(m ≥ 2) = 980 − 500 − 100 = 380.
    // At 12: B_raw = 24 000, B_adj = 11 760, TCO = 12 000, Risk = 1 200.
    //   ROI_classic = (24 000 − 12 000) / 12 000 × 100 = 100
    //   ROI_adjusted = (11 760 − 13 200) / 12 000 × 100 = −12
    // At 24: B_raw = 48 000, B_adj = 23 520, TCO = 18 000, Risk = 2 400.
    //   ROI_classic = 30 000 / 18 000 × 100 = 166.66…
    //   ROI_adjusted = (23 520 − 20 400) / 18 000 × 100 = 17.33…
    let f = figures(
        "horizon_months = 24\nmaturity = \"scale\"\n\
         [[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 2000\nvalue_class = \"quality\"\n\
         [[costs]]\nname = \"Build\"\none_off = 6000\n\
         [[costs]]\nname = \"Run\"\nmonthly = 500\n\
         [[risks]]\nname = \"R\"\ncost = 4800\nprobability = 0.5\n",
    );
    let first = f.flows.monthly[0];
    assert_eq!(
        (first.benefits_raw, first.benefits_adjusted, first.costs, first.risk, first.net),
        (dec!(2000), dec!(980), dec!(6500), dec!(100), dec!(-5620))
    );
    assert!(f.flows.monthly[1..].iter().all(|m| m.net == dec!(380)));
    // cumulative_net(24) = −5 620 + 23 × 380 = 3 120.
    assert_eq!(f.flows.monthly[23].cumulative_net, dec!(3120));

    let year = f.flows.at(12);
    assert_eq!(
        year,
        Cumulative {
            month: 12,
            tco: dec!(12000),
            benefits_raw: dec!(24000),
            benefits_adjusted: dec!(11760),
            risk_provision: dec!(1200),
        }
    );
    assert_eq!(year.roi_classic_pct(), Some(Percent::new(dec!(100))));
    assert_eq!(year.roi_adjusted_pct(), Some(Percent::new(dec!(-12))));

    let two = f.flows.at(24);
    assert_eq!((two.tco, two.benefits_adjusted, two.risk_provision), (dec!(18000), dec!(23520), dec!(2400)));
    assert_eq!(round((two.roi_classic_pct().unwrap()).value()), dec!(166.67));
    assert_eq!(round((two.roi_adjusted_pct().unwrap()).value()), dec!(17.33));
    // Checkpoints: 12 and 24 (= H); 36 is beyond the horizon.
    let months: Vec<i64> = f.checkpoints().iter().map(|c| c.month).collect();
    assert_eq!(months, [12, 24]);
    // Break-even: B_adj(M) ≥ 6 000 + 600 M → 980 M ≥ 6 000 + 600 M → M ≥ 15.79 → 16.
    assert_eq!(f.flows.break_even_month, Some(16));
    // Classic: 2 000 M ≥ 6 000 + 500 M → M ≥ 4.
    assert_eq!(f.flows.break_even_month_classic, Some(4));
}

#[test]
fn checkpoints_include_the_horizon_when_it_is_not_a_multiple_of_12() {
    let f = figures("horizon_months = 30\n[[costs]]\nname = \"C\"\nmonthly = 10\n");
    let months: Vec<i64> = f.checkpoints().iter().map(|c| c.month).collect();
    assert_eq!(months, [12, 24, 30]);
    let f = figures("horizon_months = 6\n[[costs]]\nname = \"C\"\nmonthly = 10\n");
    let months: Vec<i64> = f.checkpoints().iter().map(|c| c.month).collect();
    assert_eq!(months, [6]);
    let f = figures("horizon_months = 120\n[[costs]]\nname = \"C\"\nmonthly = 10\n");
    let months: Vec<i64> = f.checkpoints().iter().map(|c| c.month).collect();
    assert_eq!(months, [12, 24, 36, 120]);
}

#[test]
fn tco_zero_leaves_every_roi_undefined_without_panicking() {
    // No cost at all: ROI = x / 0 is undefined at every checkpoint and under stress.
    let f = figures(
        "horizon_months = 24\n\
         [[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 100\n\
         [[risks]]\nname = \"R\"\ncost = 2400\nprobability = 0.5\n",
    );
    for checkpoint in f.checkpoints() {
        assert_eq!(checkpoint.tco, Decimal::ZERO);
        assert_eq!(checkpoint.roi_classic_pct(), None);
        assert_eq!(checkpoint.roi_adjusted_pct(), None);
    }
    assert_eq!(f.stress.roi_adjusted_pct, None);
    assert!(!f.stress.robust, "undefined is not robust");
    assert!(f.warnings.contains(&Warning::RoiUndefined));
    // The other figures are still there: net = 100 − 50 = 50 a month.
    assert!(f.flows.monthly.iter().all(|m| m.net == dec!(50)));

    // A project with nothing at all.
    let f = figures("");
    assert_eq!(f.flows.monthly.len(), 36);
    assert_eq!(f.flows.npv, Decimal::ZERO);
    assert_eq!(f.flows.break_even_month, None, "B_adj(M) > 0 is required");
    assert_eq!(f.flows.break_even_month_classic, None);
    assert_eq!(f.irr_annual, None);
    assert!(f.warnings.contains(&Warning::RoiUndefined));
    // Costs that are all zero are a TCO of 0 too.
    let f = figures("[[costs]]\nname = \"C\"\nmonthly = 0\none_off = 0\n");
    assert_eq!(f.flows.at_horizon().roi_adjusted_pct(), None);
    assert!(f.warnings.contains(&Warning::RoiUndefined));
}

#[test]
fn break_even_not_reached_within_the_horizon() {
    // 100/month against a 10 000 one-off over 12 months: B(12) = 1 200 < 10 000.
    let f = figures(
        "horizon_months = 12\n\
         [[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 100\n\
         [[costs]]\nname = \"C\"\none_off = 10000\n",
    );
    assert_eq!(f.flows.break_even_month, None);
    assert_eq!(f.flows.break_even_month_classic, None);
    // ROI_adjusted(12) = (1 200 − 10 000) / 10 000 × 100 = −88.
    assert_eq!(f.flows.at_horizon().roi_adjusted_pct(), Some(Percent::new(dec!(-88))));
}

#[test]
fn break_even_adjusted_and_classic_differ_and_the_boundary_counts() {
    // V = 1 000, FM scale 0.70 → b_adj = 700. One-off 3 000 in month 1.
    // Risk 1 200 × 1 over H = 12 → ρ = 100.
    // Classic: B_raw(M) − TCO(M) = 1 000 M − 3 000 ≥ 0 → M = 3 (exactly 0: ≥ counts).
    // Adjusted: 700 M − 3 000 − 100 M ≥ 0 → 600 M ≥ 3 000 → M = 5 (exactly 0 again).
    let f = figures(
        "horizon_months = 12\nmaturity = \"scale\"\n\
         [[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 1000\n\
         [[costs]]\nname = \"C\"\none_off = 3000\n\
         [[risks]]\nname = \"R\"\ncost = 1200\nprobability = 1\n",
    );
    assert_eq!(f.flows.break_even_month_classic, Some(3));
    assert_eq!(f.flows.break_even_month, Some(5));
    let at5 = f.flows.at(5);
    assert_eq!(at5.benefits_adjusted - at5.tco - at5.risk_provision, Decimal::ZERO);
    let at4 = f.flows.at(4);
    assert_eq!(at4.benefits_adjusted - at4.tco - at4.risk_provision, dec!(-600));
}

#[test]
fn break_even_needs_some_benefit() {
    // No cost and no benefit: B_adj − TCO − Risk = 0 ≥ 0 but B_adj(M) > 0 fails: no break-even.
    let f = figures("horizon_months = 6\n[[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 0\n");
    assert_eq!(f.flows.break_even_month, None);
    assert_eq!(f.flows.break_even_month_classic, None);
    // A benefit starting in month 4 with no cost: break-even in month 4, not before.
    let f = figures(
        "horizon_months = 6\n[[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 10\nstart_month = 4\n",
    );
    assert_eq!(f.flows.break_even_month, Some(4));
    assert_eq!(f.flows.break_even_month_classic, Some(4));
}

#[test]
fn break_even_on_the_boundary_with_a_ramp_of_three() {
    // V = 3 000, ramp 3 from month 1: b_raw(1) = 3 000 × 1/3 = 1 000 exactly in the
    // contract's arithmetic. One-off 1 000 in month 1: B_raw(1) − TCO(1) = 0 ≥ 0, so the
    // classic break-even is month 1. The engine once computed r(1) = 0.333…3 first and then
    // 3 000 × 0.333…3 = 999.999…9, and reported month 2: V × k is now multiplied first.
    let f = figures(
        "horizon_months = 6\n\
         [[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 3000\nramp_months = 3\n\
         [[costs]]\nname = \"C\"\none_off = 1000\n",
    );
    assert_eq!(f.flows.break_even_month_classic, Some(1));
    assert_eq!(f.flows.break_even_month, Some(1));
}

#[test]
fn npv_with_a_zero_rate_is_the_plain_sum_of_nets() {
    // Horizon 6, rate 0. V = 500; one-off 1 200 in month 1; risk 600 × 0.5 = 300 → ρ = 50.
    // net(1) = 500 − 1 200 − 50 = −750; net(2..6) = 450 → Σ = −750 + 5 × 450 = 1 500.
    let f = figures(
        "horizon_months = 6\ndiscount_rate = 0\n\
         [[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 500\n\
         [[costs]]\nname = \"C\"\none_off = 1200\n\
         [[risks]]\nname = \"R\"\ncost = 600\nprobability = 0.5\n",
    );
    assert_eq!(column(&f, |m| m.net), [dec!(-750), dec!(450), dec!(450), dec!(450), dec!(450), dec!(450)]);
    assert_eq!(f.flows.npv, dec!(1500));
    assert_eq!(f.flows.monthly[5].cumulative_net, dec!(1500));
}

#[test]
fn npv_discounts_a_single_flow_by_its_years() {
    // A single flow of −1 100 in month 12 at 10 %/year: −1 100 / 1.1^(12/12) = −1 000.
    let f = figures(
        "horizon_months = 12\ndiscount_rate = 0.10\n[[costs]]\nname = \"C\"\none_off = 1100\none_off_month = 12\n",
    );
    assert_close(f.flows.npv, dec!(-1000), "NPV of −1 100 at month 12");
    // The default rate is 0.10: the same figure without writing it.
    let g = figures("horizon_months = 12\n[[costs]]\nname = \"C\"\none_off = 1100\none_off_month = 12\n");
    assert_eq!(g.flows.npv, f.flows.npv);
    // −1 210 in month 24: −1 210 / 1.1² = −1 000.
    let f = figures("horizon_months = 24\n[[costs]]\nname = \"C\"\none_off = 1210\none_off_month = 24\n");
    assert_close(f.flows.npv, dec!(-1000), "NPV of −1 210 at month 24");
    // −1 000 in month 6 at 21 %/year: −1 000 / 1.21^(1/2) = −1 000 / 1.1 = −909.0909…
    let f = figures(
        "horizon_months = 6\ndiscount_rate = 0.21\n[[costs]]\nname = \"C\"\none_off = 1000\none_off_month = 6\n",
    );
    assert_close(f.flows.npv, dec!(-1000) / dec!(1.1), "NPV of −1 000 at month 6, 21 %");
}

#[test]
fn npv_of_a_flow_in_month_one() {
    // +1 000 in month 1 only at 0 %: NPV = 1 000. At 10 %: 1 000 / 1.1^(1/12) < 1 000.
    let body = "[[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 1000\n\
                [[costs]]\nname = \"C\"\nmonthly = 1000\nstart_month = 2\n";
    let f = figures(&format!("horizon_months = 6\ndiscount_rate = 0\n{body}"));
    assert_eq!(f.flows.npv, dec!(1000));
    let f = figures(&format!("horizon_months = 6\ndiscount_rate = 0.10\n{body}"));
    // 1.1^(1/12) = 1.00797414042890…
    assert_eq!(round(f.flows.npv), dec!(992.09));
}

// ---------------------------------------------------------------------------------------
// §2.7 the ×2/÷2 stress test
// ---------------------------------------------------------------------------------------

#[test]
fn a_robust_project_under_the_stress_test() {
    // Horizon 12. V = 10 000 from month 3, ramp 2. One-off 6 000, monthly 200.
    // Risk 6 000 × 0.2 = 1 200 → ρ = 100.
    // Base: r = 0, 0, 1/2, 1, … → Σ r = 9.5 → B = 95 000. TCO = 6 000 + 2 400 = 8 400.
    //   ROI_adjusted(12) = (95 000 − 8 400 − 1 200) / 8 400 × 100 = 1 016.66…
    //   Break-even: B(M) ≥ 6 000 + 300 M → M = 4 (15 000 ≥ 7 200; M = 3: 5 000 < 6 900).
    // Stress: start' = 1 + 2 × (3 − 1) = 5, ramp' = 4, V' = 5 000:
    //   r' = 1/4, 2/4, 3/4, 1 × 5 from month 5 → Σ = 6.5 → B' = 32 500.
    //   TCO' = 2 × 8 400 = 16 800; R' = 2 400 (ρ' = 200).
    //   ROI'_adjusted(12) = (32 500 − 16 800 − 2 400) / 16 800 × 100 = 79.166… > 0: robust.
    //   Break-even': B'(M) ≥ 12 000 + 600 M: M = 8 → 12 500 < 16 800; M = 9 → 17 500 ≥ 17 400.
    let f = figures(
        "horizon_months = 12\n\
         [[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 10000\nstart_month = 3\nramp_months = 2\n\
         [[costs]]\nname = \"Build\"\none_off = 6000\n\
         [[costs]]\nname = \"Run\"\nmonthly = 200\n\
         [[risks]]\nname = \"R\"\ncost = 6000\nprobability = 0.2\n",
    );
    assert_eq!(f.flows.at_horizon().benefits_adjusted, dec!(95000));
    assert_eq!(round((f.flows.at_horizon().roi_adjusted_pct().unwrap()).value()), dec!(1016.67));
    assert_eq!(f.flows.break_even_month, Some(4));

    let stressed = f.stressed_flows.at_horizon();
    assert_eq!(
        stressed,
        Cumulative {
            month: 12,
            tco: dec!(16800),
            benefits_raw: dec!(32500),
            benefits_adjusted: dec!(32500),
            risk_provision: dec!(2400),
        }
    );
    let raw = f.stressed_flows.monthly.iter().map(|m| m.benefits_raw).collect::<Vec<_>>();
    assert_eq!(
        raw[..9],
        [dec!(0), dec!(0), dec!(0), dec!(0), dec!(1250), dec!(2500), dec!(3750), dec!(5000), dec!(5000)]
    );
    assert_eq!(f.stressed_flows.monthly[0].costs, dec!(12400), "one-off month unchanged, ×2");
    assert_eq!(round((f.stress.roi_adjusted_pct.unwrap()).value()), dec!(79.17));
    assert_eq!(f.stress.roi_adjusted_pct, stressed.roi_adjusted_pct());
    assert!(f.stress.robust);
    assert_eq!(f.stress.break_even_month, Some(9));
    assert_eq!(f.stress.npv, Amount::new(f.stressed_flows.npv));
}

#[test]
fn a_fragile_project_under_the_stress_test() {
    // Horizon 12. V = 1 000 from month 1; one-off 5 000.
    // Base ROI_adjusted(12) = (12 000 − 5 000) / 5 000 × 100 = 140.
    // Stress: V' = 500 → 6 000; TCO' = 10 000 → (6 000 − 10 000) / 10 000 × 100 = −40: fragile.
    let f = figures(
        "horizon_months = 12\n\
         [[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 1000\n\
         [[costs]]\nname = \"C\"\none_off = 5000\n",
    );
    assert_eq!(f.flows.at_horizon().roi_adjusted_pct(), Some(Percent::new(dec!(140))));
    assert_eq!(f.stress.roi_adjusted_pct, Some(Percent::new(dec!(-40))));
    assert!(!f.stress.robust);
    // Break-even' never: 500 M ≥ 10 000 needs M = 20 > 12.
    assert_eq!(f.stress.break_even_month, None);
}

#[test]
fn stress_exactly_zero_is_not_robust() {
    // Robust ⇔ ROI'_adjusted(H) > 0, strictly. V = 1 000 (V' = 500 → 6 000 over 12 months);
    // monthly cost 250 → TCO' = 2 × 3 000 = 6 000: ROI' = 0.
    let f = figures(
        "horizon_months = 12\n\
         [[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 1000\n\
         [[costs]]\nname = \"C\"\nmonthly = 250\n",
    );
    assert_eq!(f.stress.roi_adjusted_pct, Some(Percent::new(Decimal::ZERO)));
    assert!(!f.stress.robust);
}

#[test]
fn stress_pushes_a_late_start_beyond_the_horizon() {
    // start 7 → start' = 13 > H = 12: no benefit under stress at all.
    let f = figures(
        "horizon_months = 12\n\
         [[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 1000\nstart_month = 7\n\
         [[costs]]\nname = \"C\"\nmonthly = 10\n",
    );
    assert_eq!(f.stressed_flows.at_horizon().benefits_raw, Decimal::ZERO);
    // ROI' = (0 − 240) / 240 × 100 = −100.
    assert_eq!(f.stress.roi_adjusted_pct, Some(Percent::new(dec!(-100))));
    assert!(!f.stress.robust);
}

// ---------------------------------------------------------------------------------------
// §4 quadrants, §3 KPI status
// ---------------------------------------------------------------------------------------

#[test]
fn quadrants_at_the_high_threshold_of_six() {
    let quadrant = |scores: &str| figures(scores).quadrant;
    assert_eq!(quadrant("impact = 6\nfeasibility = 6\n"), Some(Quadrant::QuickWin));
    assert_eq!(quadrant("impact = 6\nfeasibility = 5\n"), Some(Quadrant::Strategic));
    assert_eq!(quadrant("impact = 5\nfeasibility = 6\n"), Some(Quadrant::Improvement));
    assert_eq!(quadrant("impact = 5\nfeasibility = 5\n"), Some(Quadrant::Avoid));
    assert_eq!(quadrant("impact = 10\nfeasibility = 1\n"), Some(Quadrant::Strategic));
    assert_eq!(quadrant("impact = 1\nfeasibility = 10\n"), Some(Quadrant::Improvement));
    // Without both scores there is no quadrant.
    assert_eq!(quadrant(""), None);
    assert_eq!(quadrant("impact = 9\n"), None);
    assert_eq!(quadrant("feasibility = 9\n"), None);
    assert_eq!(Quadrant::QuickWin.key(), "quick_win");
    assert_eq!(Quadrant::Avoid.key(), "avoid");
}

fn kpi_status(direction: &str, baseline: &str, target: &str, measurements: &str) -> KpiStatus {
    let p = project(&format!(
        "[[kpis]]\nkey = \"k\"\nname = \"K\"\ndirection = \"{direction}\"\nbaseline = {baseline}\ntarget = {target}\n\
         decision = \"d\"\nmeasurements = [{measurements}]\n"
    ));
    p.kpis[0].status()
}

#[test]
fn kpi_status_from_the_latest_measurement() {
    // Rising KPI, baseline 0, target 30: p = latest / 30.
    let rising =
        |latest: &str| kpi_status("higher", "0", "30", &format!("{{ month = 3, value = {latest} }}"));
    assert_eq!(rising("30"), KpiStatus::Met, "p = 1");
    assert_eq!(rising("45"), KpiStatus::Met, "p = 1.5");
    assert_eq!(rising("15"), KpiStatus::OnTrack, "p = 0.5");
    assert_eq!(rising("20"), KpiStatus::OnTrack, "p = 0.67");
    assert_eq!(rising("14.9"), KpiStatus::AtRisk, "p = 0.497");
    assert_eq!(rising("0.3"), KpiStatus::AtRisk, "p = 0.01");
    assert_eq!(rising("0"), KpiStatus::OffTrack, "p = 0");
    assert_eq!(rising("-5"), KpiStatus::OffTrack, "p < 0");
    assert_eq!(kpi_status("higher", "0", "30", ""), KpiStatus::NoData);

    // Falling KPI, baseline 8 %, target 3 %: p = (8 − latest) / 5.
    let falling = |latest: &str| kpi_status("lower", "8", "3", &format!("{{ month = 6, value = {latest} }}"));
    assert_eq!(falling("3"), KpiStatus::Met);
    assert_eq!(falling("2"), KpiStatus::Met);
    assert_eq!(falling("5.5"), KpiStatus::OnTrack, "p = 0.5");
    assert_eq!(falling("7"), KpiStatus::AtRisk, "p = 0.2");
    assert_eq!(falling("8"), KpiStatus::OffTrack);
    assert_eq!(falling("9"), KpiStatus::OffTrack);

    // The latest is the highest month, whatever the order in the file.
    assert_eq!(
        kpi_status("higher", "0", "30", "{ month = 6, value = 30 }, { month = 3, value = 0 }"),
        KpiStatus::Met
    );
    assert_eq!(
        kpi_status("higher", "0", "30", "{ month = 3, value = 30 }, { month = 6, value = 0 }"),
        KpiStatus::OffTrack
    );
}

#[test]
fn a_kpi_without_baseline_or_target_has_no_data() {
    let p = project(
        "[[kpis]]\nkey = \"k\"\nname = \"K\"\ntarget = 30\nmeasurements = [{ month = 1, value = 10 }]\n",
    );
    assert_eq!(p.kpis[0].status(), KpiStatus::NoData);
    assert_eq!(KpiStatus::OnTrack.key(), "on_track");
    assert_eq!(KpiStatus::NoData.key(), "no_data");
}

// ---------------------------------------------------------------------------------------
// Warnings (§1–§3)
// ---------------------------------------------------------------------------------------

/// A project free of every warning, to which each test adds one fault.
const CLEAN: &str = "contingency = 0.1\n\
    [baseline]\nperiod_start = \"2025-09\"\nperiod_end = \"2025-11\"\n\
    [[baseline.metrics]]\nkey = \"processing_time\"\nvalue = 45\n\
    [[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 1000\n\
    [[costs]]\nname = \"I\"\ncategory = \"integration\"\none_off = 5000\n\
    [[costs]]\nname = \"T\"\ncategory = \"training\"\none_off = 1000\n\
    [[costs]]\nname = \"M\"\ncategory = \"maintenance\"\nmonthly = 100\n\
    [[costs]]\nname = \"C\"\ncategory = \"change_management\"\none_off = 1000\n\
    [[kpis]]\nkey = \"adoption_rate\"\nname = \"Adoption\"\ndecision = \"Sous 50 % : former\"\n";

#[test]
fn a_complete_project_has_no_warning() {
    // A 3-month baseline (2025-09..2025-11, both counted) is enough.
    assert_eq!(figures(CLEAN).warnings, []);
}

#[test]
fn baseline_missing_or_shorter_than_three_months() {
    // No [baseline] at all: no period and no metric behind the benefits.
    let without = CLEAN.replace(
        "[baseline]\nperiod_start = \"2025-09\"\nperiod_end = \"2025-11\"\n\
         [[baseline.metrics]]\nkey = \"processing_time\"\nvalue = 45\n",
        "",
    );
    assert_eq!(figures(&without).warnings, [Warning::BaselineMissing, Warning::NoBaselineMetric]);
    // Metrics without a period: the period is missing.
    let metrics_only = CLEAN.replace("period_start = \"2025-09\"\nperiod_end = \"2025-11\"\n", "");
    assert_eq!(figures(&metrics_only).warnings, [Warning::BaselineMissing]);

    // 2025-11..2025-12 counts 2 months.
    let short = CLEAN.replace("2025-09", "2025-11").replace("2025-11\"\n[[", "2025-12\"\n[[");
    let w = figures(&short).warnings;
    assert_eq!(w, [Warning::BaselineShort { months: 2 }], "{short}");

    // A single month.
    let one = CLEAN.replace("2025-09", "2025-11");
    assert_eq!(figures(&one).warnings, [Warning::BaselineShort { months: 1 }]);

    // A period without an end is as good as missing.
    let open = CLEAN.replace("period_end = \"2025-11\"\n", "");
    assert_eq!(figures(&open).warnings, [Warning::BaselineMissing]);

    // A baseline period without any metric, while benefits are claimed.
    let no_metric = CLEAN.replace("[[baseline.metrics]]\nkey = \"processing_time\"\nvalue = 45\n", "");
    assert_eq!(figures(&no_metric).warnings, [Warning::NoBaselineMetric]);
}

#[test]
fn hidden_cost_categories_left_empty() {
    // Without the maintenance and change-management lines.
    let partial = CLEAN
        .replace("[[costs]]\nname = \"M\"\ncategory = \"maintenance\"\nmonthly = 100\n", "")
        .replace("[[costs]]\nname = \"C\"\ncategory = \"change_management\"\none_off = 1000\n", "");
    assert_eq!(
        figures(&partial).warnings,
        [Warning::HiddenCostsEmpty {
            categories: vec![CostCategory::Maintenance, CostCategory::ChangeManagement]
        }]
    );
    // A line of 0 € still counts as a line in its category (the check is about lines).
    let zero = CLEAN.replace("monthly = 100", "monthly = 0");
    assert_eq!(figures(&zero).warnings, []);
    // A line without a category is `other`: the four are all missing.
    let w = figures("contingency = 0.1\n[[costs]]\nname = \"X\"\nmonthly = 10\n").warnings;
    assert!(w.contains(&Warning::HiddenCostsEmpty {
        categories: vec![
            CostCategory::Training,
            CostCategory::Maintenance,
            CostCategory::Integration,
            CostCategory::ChangeManagement,
        ]
    }));
}

#[test]
fn contingency_zero_or_absent() {
    let absent = CLEAN.replace("contingency = 0.1\n", "");
    assert_eq!(figures(&absent).warnings, [Warning::NoContingency]);
    let zero = CLEAN.replace("contingency = 0.1", "contingency = 0");
    assert_eq!(figures(&zero).warnings, [Warning::NoContingency]);
}

#[test]
fn kpi_without_a_decision() {
    let vanity = CLEAN.replace("decision = \"Sous 50 % : former\"\n", "");
    assert_eq!(figures(&vanity).warnings, [Warning::KpiWithoutDecision { name: "Adoption".into() }]);
    let blank = CLEAN.replace("decision = \"Sous 50 % : former\"", "decision = \"   \"");
    assert_eq!(figures(&blank).warnings, [Warning::KpiWithoutDecision { name: "Adoption".into() }]);
}

#[test]
fn roi_undefined_warning() {
    // Every cost at 0: TCO = 0, ROI undefined.
    let free = CLEAN
        .replace("one_off = 5000", "one_off = 0")
        .replace("one_off = 1000", "one_off = 0")
        .replace("monthly = 100", "monthly = 0");
    // Nothing spent: no IRR either, and the warning says why.
    let no_irr = Warning::NoIrr { why: roi_workbench::domain::engine::NoIrr::NeverNegative };
    assert_eq!(figures(&free).warnings, [Warning::RoiUndefined, no_irr]);
}

#[test]
fn a_benefit_missing_an_input_counts_as_zero_and_is_flagged() {
    let missing = CLEAN.replace(
        "kind = \"other\"\nmonthly_value = 1000\n",
        "kind = \"time_saving\"\nvolume_per_month = 10\nhourly_cost = 50\n",
    );
    let f = figures(&missing);
    assert_eq!(decimals(&f.benefit_values), [Decimal::ZERO]);
    let no_irr = Warning::NoIrr { why: roi_workbench::domain::engine::NoIrr::NeverPositive };
    assert_eq!(
        f.warnings,
        [Warning::MissingInput { benefit: "B".into(), input: "minutes_saved_per_unit" }, no_irr]
    );
}

/// Issue 22: a default that changes a figure is said: a revenue line without a margin counts
/// the whole revenue, and gets a warning; with a margin, none.
#[test]
fn a_revenue_line_without_margin_is_flagged() {
    let revenue = CLEAN.replace(
        "kind = \"other\"\nmonthly_value = 1000\n",
        "kind = \"revenue\"\nannual_revenue = 120000\nuplift = 0.1\n",
    );
    let flagged = Warning::MarginAssumedWhole { benefit: "B".into() };
    assert!(figures(&revenue).warnings.contains(&flagged));
    let with_margin = revenue.replace("uplift = 0.1\n", "uplift = 0.1\nmargin = 0.3\n");
    assert!(!figures(&with_margin).warnings.contains(&flagged));
}

/// Issue 22: a maturity factor written over the level is named as what it is.
#[test]
fn an_overridden_maturity_is_called_custom() {
    use roi_workbench::i18n::{Lang, review::maturity_label};
    let mut info = project(CLEAN).project;
    info.maturity = Some(roi_workbench::domain::project::Maturity::Mature);
    assert_eq!(maturity_label(Lang::En, &info), "mature");
    info.maturity_factor = Some(rust_decimal_macros::dec!(0.33));
    assert_eq!(maturity_label(Lang::En, &info), "custom (0.33)");
    assert_eq!(maturity_label(Lang::Fr, &info), "personnalisée (0,33)");
}
