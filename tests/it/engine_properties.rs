//! Invariants of the engine over random valid projects (proptest).

use proptest::prelude::*;
use roi_workbench::domain::project::{Benefit, BenefitKind, Cost, CostCategory, Risk, ValueClass};
use roi_workbench::domain::{Drivers, Figures, Project};
use roi_workbench::store::{parse, render};
use rust_decimal::Decimal;

fn money() -> impl Strategy<Value = Decimal> {
    (0i64..5_000_000).prop_map(|cents| Decimal::new(cents, 2))
}

fn fraction() -> impl Strategy<Value = Decimal> {
    (0i64..=100).prop_map(|p| Decimal::new(p, 2))
}

fn benefit(horizon: i64) -> impl Strategy<Value = Benefit> {
    (0usize..7, money(), money(), fraction(), 1..=horizon, 0..=12i64, 0usize..3).prop_map(
        move |(kind, a, b, f, start, ramp, class)| {
            let kind = BenefitKind::ALL[kind];
            Benefit {
                name: "b".into(),
                kind,
                value_class: Some(ValueClass::ALL[class]),
                start_month: Some(start),
                ramp_months: Some(ramp.min(horizon)),
                volume_per_month: Some(a.round()),
                minutes_saved_per_unit: Some(f * Decimal::from(60)),
                hourly_cost: Some(b / Decimal::from(100)),
                reallocation: Some(f),
                annual_revenue: Some(a),
                uplift: Some(f),
                errors_per_month: Some(a.round() / Decimal::from(100)),
                reduction: Some(f),
                cost_per_error: Some(b / Decimal::from(100)),
                departures_avoided_per_year: Some(f * Decimal::from(10)),
                replacement_cost: Some(b),
                monthly_value: Some(a),
                ..Benefit::default()
            }
        },
    )
}

fn cost(horizon: i64) -> impl Strategy<Value = Cost> {
    (money(), money(), 1..=horizon, 1..=horizon, 0usize..11).prop_map(
        move |(one_off, monthly, a, b, category)| Cost {
            name: "c".into(),
            category: Some(CostCategory::ALL[category]),
            one_off: Some(one_off),
            one_off_month: Some(a),
            monthly: Some(monthly / Decimal::from(10)),
            start_month: Some(a.min(b)),
            end_month: Some(a.max(b)),
            ..Cost::default()
        },
    )
}

fn risk() -> impl Strategy<Value = Risk> {
    (money(), fraction()).prop_map(|(cost, probability)| Risk {
        name: "r".into(),
        cost,
        probability,
        ..Risk::default()
    })
}

fn project() -> impl Strategy<Value = Project> {
    (6i64..=60).prop_flat_map(|horizon| {
        (
            prop::collection::vec(benefit(horizon), 0..4),
            prop::collection::vec(cost(horizon), 0..4),
            prop::collection::vec(risk(), 0..3),
            fraction(),
            fraction(),
            fraction(),
        )
            .prop_map(move |(benefits, costs, risks, fm, contingency, rate)| {
                let mut project = Project::named("P");
                project.project.horizon_months = Some(horizon);
                project.project.maturity_factor = Some(fm);
                project.project.contingency = Some(contingency);
                project.project.discount_rate = Some(rate / Decimal::from(2));
                project.benefits = benefits;
                project.costs = costs;
                project.risks = risks;
                project
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_neutral_scenario_reproduces_the_base(project in project()) {
        let base = Figures::compute(&project, &Drivers::default());
        let neutral = Drivers { benefits: Some(Decimal::ONE), costs: Some(Decimal::ONE), delay_months: Some(0), ..Drivers::default() };
        prop_assert_eq!(Figures::compute(&project, &neutral).flows, base.flows);
    }

    /// Every cost: the cost lines and the risk costs (doubling the TCO alone can raise an
    /// ROI whose risk provision dwarfs it, as its share of the TCO halves).
    #[test]
    fn doubling_every_cost_never_raises_an_roi(project in project()) {
        let base = Figures::compute(&project, &Drivers::default());
        let mut costlier = project.clone();
        for risk in &mut costlier.risks {
            risk.cost *= Decimal::TWO;
        }
        let doubled = Figures::compute(&costlier, &Drivers { costs: Some(Decimal::TWO), ..Drivers::default() });
        for (before, after) in base.flows.cumulative.iter().zip(&doubled.flows.cumulative) {
            // Equal in exact arithmetic when there are no benefits: compare past the 28th digit's noise.
            if let (Some(b), Some(a)) = (before.roi_adjusted_pct(), after.roi_adjusted_pct()) {
                prop_assert!(a.round_dp(12) <= b.round_dp(12), "adjusted {a} > {b}");
            }
            if let (Some(b), Some(a)) = (before.roi_classic_pct(), after.roi_classic_pct()) {
                prop_assert!(a.round_dp(12) <= b.round_dp(12), "classic {a} > {b}");
            }
        }
    }

    #[test]
    fn the_adjusted_roi_never_exceeds_the_classic(project in project()) {
        let figures = Figures::compute(&project, &Drivers::default());
        for month in &figures.flows.cumulative {
            if let (Some(adjusted), Some(classic)) = (month.roi_adjusted_pct(), month.roi_classic_pct()) {
                prop_assert!(adjusted <= classic);
            }
        }
    }

    #[test]
    fn the_last_cumulative_net_is_the_sum_of_the_nets(project in project()) {
        let figures = Figures::compute(&project, &Drivers::default());
        let sum: Decimal = figures.flows.monthly.iter().map(|m| m.net).sum();
        let last = figures.flows.monthly.last().map(|m| m.cumulative_net).unwrap_or_default();
        prop_assert_eq!(sum, last);
    }

    #[test]
    fn the_f64_flows_agree_with_the_exact_ones(project in project()) {
        use roi_workbench::domain::engine::{Stress, compute_flows};
        use rust_decimal::prelude::ToPrimitive;
        let exact = compute_flows::<Decimal>(&project, &Drivers::default(), Stress::Off);
        let float = compute_flows::<f64>(&project, &Drivers::default(), Stress::Off);
        let (a, b) = (exact.npv.to_f64().unwrap(), float.npv);
        prop_assert!((a - b).abs() <= 1e-6 * a.abs().max(1.0), "{a} vs {b}");
        prop_assert_eq!(exact.break_even_month, float.break_even_month);
    }

    #[test]
    fn load_save_load_round_trips(project in project()) {
        let text = render(&project, None).unwrap();
        prop_assert_eq!(parse(&text).unwrap(), project);
    }
}
