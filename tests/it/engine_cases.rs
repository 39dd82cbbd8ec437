//! DOMAIN.md's worked examples and hand-computed cases, through whole project files.

use super::common::decimals;
use roi_workbench::domain::matrix::Quadrant;
use roi_workbench::domain::money::round;
use roi_workbench::domain::money::{Amount, Percent};
use roi_workbench::domain::warnings::Warning;
use roi_workbench::domain::{Drivers, Figures};
use roi_workbench::store::parse;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn figures(body: &str) -> Figures {
    let text = format!("schema = 1\n[project]\nname = \"Cas\"\n{body}");
    Figures::compute(&parse(&text).unwrap(), &Drivers::default())
}

#[test]
fn worked_example_invoices_200_cases_30_minutes_50_euros() {
    let f = figures(
        "[[benefits]]\nname = \"B\"\nkind = \"time_saving\"\nvolume_per_month = 200\nminutes_saved_per_unit = 30\nhourly_cost = 50\n",
    );
    assert_eq!(decimals(&f.benefit_values), [dec!(5000)]);
    assert_eq!(f.flows.at(12).benefits_raw, dec!(60000));
}

#[test]
fn worked_example_two_percent_of_ten_million_and_a_150_percent_roi() {
    let f = figures(
        "horizon_months = 12\n[[benefits]]\nname = \"B\"\nkind = \"revenue\"\nannual_revenue = 10000000\nuplift = 0.02\n\
         [[costs]]\nname = \"C\"\none_off = 80000\n",
    );
    let year = f.flows.at(12);
    // 16 666.66… a month: exact to 28 digits, and to the cent once rounded for display.
    assert_eq!(round(year.benefits_raw), dec!(200000));
    assert_eq!(year.tco, dec!(80000));
    assert_eq!(year.roi_classic_pct().map(|roi| round(roi.value())), Some(dec!(150)));
}

#[test]
fn worked_example_fifty_developers() {
    // 50 developers × 90 000 € × 25 % = 12.5 developers' work = 1 125 000 € a year.
    let f = figures("[[benefits]]\nname = \"B\"\nkind = \"other\"\nannual_value = 1125000\n");
    assert_eq!(f.flows.at(12).benefits_raw, dec!(1125000));
}

#[test]
fn ramp_start_and_value_class() {
    // V = 1 200; starts month 3, ramps over 4 months: 300, 600, 900, then 1 200.
    let f = figures(
        "[[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 1200\nvalue_class = \"quality\"\nstart_month = 3\nramp_months = 4\n",
    );
    let raw: Vec<Decimal> = f.flows.monthly[..7].iter().map(|m| m.benefits_raw).collect();
    assert_eq!(raw, [dec!(0), dec!(0), dec!(300), dec!(600), dec!(900), dec!(1200), dec!(1200)]);
    assert_eq!(f.flows.monthly[6].benefits_adjusted, dec!(840), "FT quality 0.70");
}

#[test]
fn maturity_and_time_factor_overrides() {
    let f = figures(
        "maturity = \"poc\"\n[[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 1000\nvalue_class = \"innovation\"\n",
    );
    assert_eq!(f.flows.monthly[0].benefits_adjusted, dec!(100), "1 000 × FM 0.25 × FT 0.40");
    let f = figures(
        "maturity = \"poc\"\nmaturity_factor = 0.6\n[[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 1000\ntime_factor = 0.5\n",
    );
    assert_eq!(f.flows.monthly[0].benefits_adjusted, dec!(300));
    assert_eq!(f.maturity_factor, dec!(0.6));
}

#[test]
fn costs_start_end_one_off_month_and_contingency() {
    let f = figures(
        "horizon_months = 12\ncontingency = 0.1\n[[costs]]\nname = \"A\"\none_off = 1000\none_off_month = 3\n\
         [[costs]]\nname = \"B\"\nmonthly = 100\nstart_month = 2\nend_month = 4\n",
    );
    let costs: Vec<Decimal> = f.flows.monthly[..6].iter().map(|m| m.costs).collect();
    assert_eq!(costs, [dec!(0), dec!(110), dec!(1210), dec!(110), dec!(0), dec!(0)]);
    assert_eq!(f.flows.at_horizon().tco, dec!(1430));
}

#[test]
fn the_risk_provision_is_spread_evenly() {
    // R = 12 000 × 0.25 + 6 000 × 0.5 = 6 000 over 24 months: 250 a month.
    let f = figures(
        "horizon_months = 24\n[[risks]]\nname = \"A\"\ncost = 12000\nprobability = 0.25\n[[risks]]\nname = \"B\"\ncost = 6000\nprobability = 0.5\n",
    );
    assert_eq!(f.risk_total, Amount::new(dec!(6000)));
    assert!(f.flows.monthly.iter().all(|m| m.risk == dec!(250)));
    assert_eq!(f.flows.at(12).risk_provision, dec!(3000));
}

#[test]
fn tco_zero_leaves_the_roi_undefined_without_panicking() {
    let f = figures("[[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 10\n");
    assert_eq!(f.flows.at_horizon().roi_adjusted_pct(), None);
    assert_eq!(f.flows.at_horizon().roi_classic_pct(), None);
    assert!(!f.stress.robust);
    assert!(f.warnings.contains(&Warning::RoiUndefined));
}

#[test]
fn break_even_adjusted_and_classic_and_not_reached() {
    // Raw 1 000/month, adjusted 500 (poc 0.5); 6 000 paid month 1.
    let f = figures(
        "maturity_factor = 0.5\n[[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 1000\n[[costs]]\nname = \"C\"\none_off = 6000\n",
    );
    assert_eq!(f.flows.break_even_month_classic, Some(6));
    assert_eq!(f.flows.break_even_month, Some(12));
    let f = figures(
        "horizon_months = 6\n[[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 100\n[[costs]]\nname = \"C\"\none_off = 6000\n",
    );
    assert_eq!(f.flows.break_even_month, None);
}

#[test]
fn npv_discounts_each_month_by_its_twelfth_of_a_year() {
    let f = figures(
        "horizon_months = 12\ndiscount_rate = 0\n[[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 100\n",
    );
    assert_eq!(f.flows.npv, dec!(1200));
    // A single 1 100 € at month 12 with 10 % a year is worth 1 000 € today.
    let f = figures("horizon_months = 12\n[[costs]]\nname = \"C\"\none_off = 1100\none_off_month = 12\n");
    assert_eq!(f.flows.npv.round_dp(10), dec!(-1000));
}

#[test]
fn a_robust_and_a_fragile_stress_test() {
    // 10 000/month against 1 000/month: still positive with costs ×2 and benefits ÷2.
    let robust = figures(
        "[[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 10000\n[[costs]]\nname = \"C\"\nmonthly = 1000\n",
    );
    assert!(robust.stress.robust);
    assert_eq!(robust.stress.roi_adjusted_pct, Some(Percent::new(dec!(150))), "(5 000 − 2 000) / 2 000");
    let fragile = figures(
        "[[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 1500\n[[costs]]\nname = \"C\"\nmonthly = 1000\n",
    );
    assert!(!fragile.stress.robust);
    assert_eq!(fragile.stress.roi_adjusted_pct, Some(Percent::new(dec!(-62.5))), "(750 − 2 000) / 2 000");
}

#[test]
fn stress_doubles_delays_and_ramps() {
    // start 3, ramp 2 → start 5, ramp 4; value halved to 500.
    let f = figures(
        "horizon_months = 12\n[[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 1000\nstart_month = 3\nramp_months = 2\n[[costs]]\nname = \"C\"\nmonthly = 1\n",
    );
    let raw: Vec<Decimal> = f.stressed_flows.monthly[3..9].iter().map(|m| m.benefits_raw).collect();
    assert_eq!(raw, [dec!(0), dec!(125), dec!(250), dec!(375), dec!(500), dec!(500)]);
}

#[test]
fn quadrants() {
    let quadrant = |i: i64, f: i64| figures(&format!("impact = {i}\nfeasibility = {f}\n")).quadrant;
    assert_eq!(quadrant(6, 6), Some(Quadrant::QuickWin));
    assert_eq!(quadrant(6, 5), Some(Quadrant::Strategic));
    assert_eq!(quadrant(5, 6), Some(Quadrant::Improvement));
    assert_eq!(quadrant(5, 5), Some(Quadrant::Avoid));
    assert_eq!(figures("impact = 9\n").quadrant, None);
}

#[test]
fn warnings_of_the_method() {
    let f = figures(
        "[baseline]\nperiod_start = \"2025-11\"\nperiod_end = \"2025-12\"\n[[benefits]]\nname = \"B\"\nkind = \"time_saving\"\n\
         [[costs]]\nname = \"C\"\ncategory = \"training\"\nmonthly = 10\n[[kpis]]\nkey = \"k\"\nname = \"K\"\n",
    );
    assert!(f.warnings.contains(&Warning::BaselineShort { months: 2 }));
    assert!(f.warnings.contains(&Warning::NoBaselineMetric));
    assert!(f.warnings.contains(&Warning::NoContingency));
    assert!(f.warnings.contains(&Warning::KpiWithoutDecision { name: "K".into() }));
    assert!(
        f.warnings
            .iter()
            .any(|w| matches!(w, Warning::HiddenCostsEmpty { categories } if categories.len() == 3))
    );
    assert!(f.warnings.iter().any(|w| matches!(w, Warning::MissingInput { input: "hourly_cost", .. })));
    assert!(figures("").warnings.contains(&Warning::BaselineMissing));
}

#[test]
fn an_roi_far_from_the_department_reference_is_flagged() {
    let f = figures(
        "department = \"hr\"\n[[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = 100000\n[[costs]]\nname = \"C\"\nmonthly = 1000\n",
    );
    assert!(f.warnings.iter().any(|w| matches!(w, Warning::RoiFarFromReference { .. })));
}
