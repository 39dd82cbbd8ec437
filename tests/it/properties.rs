//! Properties of the engine and the file format over random valid projects: benefits of
//! every kind, costs, risks, KPIs, a baseline and scenarios, with amounts written as integers
//! or two-decimal values and every month within the horizon.
//!
//! Besides the invariants, an independent oracle recomputes DOMAIN.md §2.1–2.7 from the
//! formulas (not from the engine's code) and the engine must agree with it.

use indexmap::IndexMap;
use proptest::prelude::*;
use proptest::sample::select;
use roi_workbench::domain::money::Percent;
use roi_workbench::domain::project::{
    Actual, Baseline, BaselineMetric, Benefit, BenefitKind, CompanySize, Cost, CostCategory, Department,
    Direction, Frequency, Kpi, Maturity, Measurement, Project, ProjectInfo, Risk, Status, ValueClass,
    YearMonth,
};
use roi_workbench::domain::review::{self, Verdict, interval_months};
use roi_workbench::domain::uncertainty::{Confidence, LineRanges, Range};
use roi_workbench::domain::validate::validate;
use roi_workbench::domain::{Drivers, Figures};
use roi_workbench::store::{Original, parse, render};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal_macros::dec;

// ---------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------

/// An amount up to `max`, written as an integer or with two decimals.
fn amount(max: i64) -> impl Strategy<Value = Decimal> {
    prop_oneof![(0..=max).prop_map(Decimal::from), (0..=max * 100).prop_map(|cents| Decimal::new(cents, 2)),]
}

/// A fraction 0..=1 with two decimals.
fn fraction() -> impl Strategy<Value = Decimal> {
    (0i64..=100).prop_map(|k| Decimal::new(k, 2))
}

/// Text with the characters a TOML writer must escape or quote.
fn text() -> impl Strategy<Value = String> {
    "[A-Za-zéèàç][A-Za-z0-9éèàç '\"#\\\\=-]{0,12}"
}

fn year_month() -> impl Strategy<Value = YearMonth> {
    (2020i32..=2030, 1u32..=12).prop_map(|(year, month)| YearMonth { year, month })
}

fn info(horizon: Option<i64>) -> impl Strategy<Value = ProjectInfo> {
    (
        (text(), proptest::option::of(select(Department::ALL)), proptest::option::of(text())),
        (proptest::option::of(select(&["EUR", "CHF", "USD"][..])), proptest::option::of(year_month())),
        (proptest::option::of(select(Maturity::ALL)), proptest::option::of(fraction())),
        (
            proptest::option::of((0i64..=30).prop_map(|k| Decimal::new(k, 2))),
            proptest::option::of(fraction()),
        ),
        (proptest::option::of(1i64..=10), proptest::option::of(1i64..=10)),
        (proptest::option::of(select(Status::ALL)), proptest::option::of(select(CompanySize::ALL))),
    )
        .prop_map(
            move |(
                (name, department, owner),
                (currency, start),
                (maturity, maturity_factor),
                (discount_rate, contingency),
                (impact, feasibility),
                (status, company_size),
            )| ProjectInfo {
                name,
                department,
                company_size,
                owner,
                currency: currency.map(str::to_owned),
                start,
                horizon_months: horizon,
                maturity,
                maturity_factor,
                discount_rate,
                contingency,
                impact,
                feasibility,
                status,
            },
        )
}

/// The kind-specific inputs of a benefit line.
fn benefit_inputs() -> impl Strategy<Value = Benefit> {
    let minutes = prop_oneof![
        amount(120).prop_map(|m| (Some(m), None, None)),
        (amount(120), amount(120)).prop_map(|(a, b)| (None, Some(a.max(b)), Some(a.min(b)))),
    ];
    prop_oneof![
        (amount(5000), minutes, amount(150), proptest::option::of(fraction())).prop_map(
            |(volume, (saved, before, after), hourly, reallocation)| Benefit {
                kind: BenefitKind::TimeSaving,
                volume_per_month: Some(volume),
                minutes_saved_per_unit: saved,
                minutes_before: before,
                minutes_after: after,
                hourly_cost: Some(hourly),
                reallocation,
                ..Benefit::default()
            }
        ),
        (amount(10_000_000), fraction(), proptest::option::of(fraction())).prop_map(
            |(revenue, uplift, margin)| {
                Benefit {
                    kind: BenefitKind::Revenue,
                    annual_revenue: Some(revenue),
                    uplift: Some(uplift),
                    margin,
                    ..Benefit::default()
                }
            }
        ),
        (amount(2000), fraction(), amount(500)).prop_map(|(errors, reduction, cost)| Benefit {
            kind: BenefitKind::ErrorReduction,
            errors_per_month: Some(errors),
            reduction: Some(reduction),
            cost_per_error: Some(cost),
            ..Benefit::default()
        }),
        (amount(20), amount(80_000)).prop_map(|(departures, cost)| Benefit {
            kind: BenefitKind::Retention,
            departures_avoided_per_year: Some(departures),
            replacement_cost: Some(cost),
            ..Benefit::default()
        }),
        (
            select(&[BenefitKind::CostReduction, BenefitKind::CostAvoidance, BenefitKind::Other][..]),
            // One of the two values, or neither (both at once is refused).
            prop_oneof![
                amount(50_000).prop_map(|m| (Some(m), None)),
                amount(600_000).prop_map(|a| (None, Some(a))),
                Just((None, None)),
            ],
        )
            .prop_map(|(kind, (monthly_value, annual_value))| Benefit {
                kind,
                monthly_value,
                annual_value,
                ..Benefit::default()
            }),
    ]
}

fn benefit(horizon: i64) -> impl Strategy<Value = Benefit> {
    (
        benefit_inputs(),
        text(),
        proptest::option::of(select(ValueClass::ALL)),
        proptest::option::of(fraction()),
        proptest::option::of(1..=horizon),
        proptest::option::of(0..=horizon.min(24)),
    )
        .prop_map(|(mut line, name, value_class, time_factor, start_month, ramp_months)| {
            line.name = name;
            line.value_class = value_class;
            line.time_factor = time_factor;
            line.start_month = start_month;
            line.ramp_months = ramp_months;
            line
        })
}

/// A range around `value`: down by a share of it, up by up to three times it; capped at 1 for
/// a fraction.
fn range_around(value: Decimal, (down, up): (u32, u32), fraction: bool) -> Range {
    let share = |percent: u32| value * Decimal::from(percent) / Decimal::ONE_HUNDRED;
    let high = value + share(up);
    Range {
        low: (value - share(down)).round_dp(2).min(value),
        high: if fraction { high.min(Decimal::ONE) } else { high }.max(value),
    }
}

fn spread() -> impl Strategy<Value = Option<(u32, u32)>> {
    proptest::option::of((0u32..=100, 0u32..=300))
}

/// Where a line's figures come from, and how sure they are.
fn provenance() -> impl Strategy<Value = (Option<String>, Option<Confidence>)> {
    (
        proptest::option::of(text()),
        proptest::option::of(select(vec![Confidence::Low, Confidence::Medium, Confidence::High])),
    )
}

fn cost(horizon: i64) -> impl Strategy<Value = Cost> {
    (
        (text(), proptest::option::of(select(CostCategory::ALL)), provenance()),
        (proptest::option::of(amount(100_000)), proptest::option::of(1..=horizon), spread()),
        (
            proptest::option::of(amount(5_000)),
            1..=horizon,
            1..=horizon,
            any::<bool>(),
            any::<bool>(),
            spread(),
        ),
    )
        .prop_map(
            |(
                (name, category, (source, confidence)),
                (one_off, one_off_month, one_off_spread),
                (monthly, a, b, has_start, has_end, monthly_spread),
            )| {
                let mut ranges = LineRanges::new();
                if let (Some(value), Some(spread)) = (one_off, one_off_spread) {
                    ranges.insert("one_off", range_around(value, spread, false));
                }
                if let (Some(value), Some(spread)) = (monthly, monthly_spread) {
                    ranges.insert("monthly", range_around(value, spread, false));
                }
                Cost {
                    name,
                    category,
                    one_off,
                    one_off_month,
                    monthly,
                    start_month: has_start.then_some(a.min(b)),
                    end_month: has_end.then_some(a.max(b)),
                    source,
                    confidence,
                    ranges,
                    ..Cost::default()
                }
            },
        )
}

fn risk() -> impl Strategy<Value = Risk> {
    (text(), amount(100_000), fraction(), spread(), spread(), provenance()).prop_map(
        |(name, cost, probability, cost_spread, probability_spread, (source, confidence))| {
            let mut ranges = LineRanges::new();
            if let Some(spread) = cost_spread {
                ranges.insert("cost", range_around(cost, spread, false));
            }
            if let Some(spread) = probability_spread {
                ranges.insert("probability", range_around(probability, spread, true));
            }
            Risk { name, cost, probability, source, confidence, ranges, ..Risk::default() }
        },
    )
}

fn kpi(horizon: i64) -> impl Strategy<Value = Kpi> {
    (
        text(),
        proptest::option::of(select(Direction::ALL)),
        proptest::option::of(amount(100)),
        proptest::option::of(amount(100)),
        proptest::option::of(select(Frequency::ALL)),
        proptest::option::of(text()),
        proptest::collection::vec(
            (1..=horizon, amount(100)).prop_map(|(month, value)| Measurement {
                month,
                value: roi_workbench::domain::number::Exact(value),
            }),
            0..3,
        ),
    )
        .prop_map(|(name, direction, baseline, target, frequency, decision, measurements)| Kpi {
            key: String::new(),
            name,
            direction,
            baseline,
            target,
            frequency,
            decision,
            measurements,
            ..Kpi::default()
        })
}

fn baseline() -> impl Strategy<Value = Baseline> {
    (year_month(), 0i32..=6, proptest::collection::vec(amount(1000), 0..3)).prop_map(
        |(start, months, values)| {
            let end_index = start.month as i32 - 1 + months;
            let end = YearMonth { year: start.year + end_index / 12, month: (end_index % 12) as u32 + 1 };
            Baseline {
                period_start: Some(start),
                period_end: Some(end),
                metrics: values
                    .into_iter()
                    .enumerate()
                    .map(|(i, value)| BaselineMetric {
                        key: format!("metric_{i}"),
                        name: None,
                        unit: None,
                        value,
                        ..BaselineMetric::default()
                    })
                    .collect(),
            }
        },
    )
}

fn multiplier() -> impl Strategy<Value = Decimal> {
    (0i64..=300).prop_map(|k| Decimal::new(k, 2))
}

fn drivers() -> impl Strategy<Value = Drivers> {
    (
        (
            proptest::option::of(multiplier()),
            proptest::option::of(multiplier()),
            proptest::option::of(multiplier()),
        ),
        (proptest::option::of(-12i64..=24), proptest::option::of(multiplier())),
        (proptest::option::of(fraction()), proptest::option::of(fraction())),
        (
            proptest::option::of(multiplier()),
            proptest::option::of(multiplier()),
            proptest::option::of(fraction()),
        ),
    )
        .prop_map(
            |(
                (benefits, costs, risk),
                (delay_months, ramp),
                (maturity_factor, adoption),
                (hourly_cost, volume, discount_rate),
            )| Drivers {
                benefits,
                costs,
                risk,
                delay_months,
                ramp,
                maturity_factor,
                adoption,
                hourly_cost,
                volume,
                discount_rate,
            },
        )
}

/// Benefits measured at a few months, cumulative: each at least the one before.
fn actuals(horizon: i64) -> impl Strategy<Value = Vec<Actual>> {
    proptest::collection::btree_map(1..=horizon, amount(50_000), 0..4).prop_map(|measures| {
        let mut total = Decimal::ZERO;
        measures
            .into_iter()
            .map(|(month, gained)| {
                total += gained;
                Actual { month, benefits: total }
            })
            .collect()
    })
}

/// A random valid project.
fn project() -> impl Strategy<Value = Project> {
    proptest::option::of(6i64..=120).prop_flat_map(|horizon_months| {
        let horizon = horizon_months.unwrap_or(36);
        (
            info(horizon_months),
            proptest::option::of(baseline()),
            proptest::collection::vec(benefit(horizon), 0..5),
            proptest::collection::vec(cost(horizon), 0..5),
            proptest::collection::vec(risk(), 0..4),
            proptest::collection::vec(kpi(horizon), 0..4),
            proptest::collection::vec(
                (select(&["pessimiste", "réaliste", "optimiste", "cas de base"][..]), drivers()),
                0..3,
            ),
            actuals(horizon),
        )
            .prop_map(|(info, baseline, benefits, costs, risks, mut kpis, scenarios, actuals)| {
                for (i, kpi) in kpis.iter_mut().enumerate() {
                    kpi.key = format!("kpi_{i}");
                }
                let mut project = Project::named("x");
                project.project = info;
                project.baseline = baseline;
                project.benefits = benefits;
                project.costs = costs;
                project.risks = risks;
                project.kpis = kpis;
                project.actuals = actuals;
                project.scenarios =
                    scenarios.into_iter().map(|(name, d)| (name.to_owned(), d)).collect::<IndexMap<_, _>>();
                project
            })
    })
}

// ---------------------------------------------------------------------------------------
// An independent oracle: DOMAIN.md §2 written out again, formula by formula.
// ---------------------------------------------------------------------------------------

struct Oracle {
    raw: Vec<Decimal>,
    adjusted: Vec<Decimal>,
    costs: Vec<Decimal>,
    rho: Decimal,
    rate: Decimal,
}

fn full_value(line: &Benefit) -> Decimal {
    let given = |v: Option<Decimal>| v.unwrap_or(Decimal::ZERO);
    match line.kind {
        BenefitKind::TimeSaving => {
            let minutes = match (line.minutes_saved_per_unit, line.minutes_before, line.minutes_after) {
                (Some(saved), _, _) => saved,
                (None, Some(before), Some(after)) => before - after,
                _ => Decimal::ZERO,
            };
            given(line.volume_per_month) * minutes / dec!(60)
                * given(line.hourly_cost)
                * line.reallocation.unwrap_or(Decimal::ONE)
        }
        BenefitKind::Revenue => {
            given(line.annual_revenue) * given(line.uplift) * line.margin.unwrap_or(Decimal::ONE) / dec!(12)
        }
        BenefitKind::ErrorReduction => {
            given(line.errors_per_month) * given(line.reduction) * given(line.cost_per_error)
        }
        BenefitKind::Retention => {
            given(line.departures_avoided_per_year) * given(line.replacement_cost) / dec!(12)
        }
        BenefitKind::CostReduction | BenefitKind::CostAvoidance | BenefitKind::Other => {
            line.monthly_value.unwrap_or_else(|| given(line.annual_value) / dec!(12))
        }
    }
}

/// V × r(m), multiplied before dividing.
fn ramped(value: Decimal, month: i64, start: i64, ramp: i64) -> Decimal {
    if month < start {
        Decimal::ZERO
    } else if ramp == 0 || month - start + 1 >= ramp {
        value
    } else {
        value * Decimal::from(month - start + 1) / Decimal::from(ramp)
    }
}

fn oracle(project: &Project, stressed: bool) -> Oracle {
    let info = &project.project;
    let horizon = info.horizon_months.unwrap_or(36);
    let fm = info.maturity_factor.unwrap_or(match info.maturity.unwrap_or(Maturity::Mature) {
        Maturity::Poc => dec!(0.25),
        Maturity::Scale => dec!(0.70),
        Maturity::Mature => dec!(1),
    });
    let factor = if stressed { dec!(2) } else { dec!(1) };
    let mut raw = vec![Decimal::ZERO; horizon as usize];
    let mut adjusted = raw.clone();
    let mut costs = raw.clone();
    for line in &project.benefits {
        let ft = line.time_factor.unwrap_or(match line.value_class.unwrap_or(ValueClass::Productivity) {
            ValueClass::Productivity => dec!(1),
            ValueClass::Quality => dec!(0.70),
            ValueClass::Innovation => dec!(0.40),
        });
        let start = line.start_month.unwrap_or(1);
        let ramp = line.ramp_months.unwrap_or(0);
        let (value, start, ramp) = if stressed {
            (full_value(line) / dec!(2), 1 + 2 * (start - 1), 2 * ramp)
        } else {
            (full_value(line), start, ramp)
        };
        for m in 1..=horizon {
            let v = ramped(value, m, start, ramp);
            raw[(m - 1) as usize] += v;
            adjusted[(m - 1) as usize] += v * fm * ft;
        }
    }
    let contingency = info.contingency.unwrap_or(Decimal::ZERO);
    for line in &project.costs {
        for m in 1..=horizon {
            let mut c = Decimal::ZERO;
            if line.one_off_month.unwrap_or(1) == m {
                c += line.one_off.unwrap_or(Decimal::ZERO);
            }
            if line.start_month.unwrap_or(1) <= m && m <= line.end_month.unwrap_or(horizon) {
                c += line.monthly.unwrap_or(Decimal::ZERO);
            }
            costs[(m - 1) as usize] += (Decimal::ONE + contingency) * c * factor;
        }
    }
    let total_risk: Decimal = project.risks.iter().map(|r| r.cost * factor * r.probability).sum();
    Oracle {
        raw,
        adjusted,
        costs,
        rho: total_risk / Decimal::from(horizon),
        rate: info.discount_rate.unwrap_or(dec!(0.10)),
    }
}

impl Oracle {
    fn cumulative(values: &[Decimal], month: i64) -> Decimal {
        values[..month as usize].iter().copied().sum()
    }

    fn roi_adjusted(&self, month: i64) -> Option<Decimal> {
        let tco = Self::cumulative(&self.costs, month);
        let gain = Self::cumulative(&self.adjusted, month) - tco - self.rho * Decimal::from(month);
        (!tco.is_zero()).then(|| gain / tco * dec!(100))
    }

    fn roi_classic(&self, month: i64) -> Option<Decimal> {
        let tco = Self::cumulative(&self.costs, month);
        (!tco.is_zero()).then(|| (Self::cumulative(&self.raw, month) - tco) / tco * dec!(100))
    }

    fn npv(&self) -> f64 {
        let rate = self.rate.to_f64().unwrap();
        (1..=self.raw.len())
            .map(|m| {
                let net = self.adjusted[m - 1] - self.costs[m - 1] - self.rho;
                net.to_f64().unwrap() / (1.0 + rate).powf(m as f64 / 12.0)
            })
            .sum()
    }
}

/// Equal up to the last digits Decimal's 28 significant digits leave.
fn close(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() <= dec!(0.000000001) * (Decimal::ONE + a.abs().max(b.abs()))
}

fn close_option(a: Option<Decimal>, b: Option<Decimal>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// A tolerance for ordering two computed ROIs that are equal in exact arithmetic.
const ROUNDING: Decimal = dec!(0.0000000000000001);

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_projects_are_valid(project in project()) {
        prop_assert_eq!(validate(&project), vec![]);
    }

    #[test]
    fn the_engine_agrees_with_the_formulas_of_the_contract(project in project()) {
        let figures = Figures::compute(&project, &Drivers::default());
        let expected = oracle(&project, false);
        let horizon = project.project.horizon_months.unwrap_or(36);
        prop_assert_eq!(figures.horizon, horizon);
        prop_assert_eq!(figures.flows.monthly.len() as i64, horizon);
        for (i, month) in figures.flows.monthly.iter().enumerate() {
            prop_assert_eq!(month.month, i as i64 + 1);
            let m = i + 1;
            let (raw, adjusted, costs) = (expected.raw[i], expected.adjusted[i], expected.costs[i]);
            prop_assert!(close(month.benefits_raw, raw), "b_raw({m}) {} vs {raw}", month.benefits_raw);
            prop_assert!(
                close(month.benefits_adjusted, adjusted),
                "b_adj({m}) {} vs {adjusted}",
                month.benefits_adjusted
            );
            prop_assert!(close(month.costs, costs), "c({m}) {} vs {costs}", month.costs);
            prop_assert!(close(month.risk, expected.rho), "ρ {} vs {}", month.risk, expected.rho);
        }
        for checkpoint in figures.checkpoints() {
            let m = checkpoint.month;
            let (classic, adjusted) = (checkpoint.roi_classic_pct(), checkpoint.roi_adjusted_pct());
            prop_assert!(close_option((classic).map(|v| v.value()), expected.roi_classic(m)), "ROI_classic({m}) {classic:?}");
            prop_assert!(close_option((adjusted).map(|v| v.value()), expected.roi_adjusted(m)), "ROI_adjusted({m}) {adjusted:?}");
        }
        let scale = 1.0 + figures.flows.monthly.iter().map(|m| m.net.abs().to_f64().unwrap()).sum::<f64>();
        let npv = figures.flows.npv.to_f64().unwrap();
        prop_assert!((npv - expected.npv()).abs() <= 1e-9 * scale, "NPV {} vs {}", npv, expected.npv());
    }

    #[test]
    fn the_stress_test_agrees_with_the_rule(project in project()) {
        let figures = Figures::compute(&project, &Drivers::default());
        let stressed = oracle(&project, true);
        let horizon = figures.horizon;
        let expected = stressed.roi_adjusted(horizon);
        let actual = figures.stress.roi_adjusted_pct;
        prop_assert!(close_option((actual).map(|v| v.value()), expected), "{actual:?} vs {expected:?}");
        if let Some(roi) = expected.filter(|r| r.abs() > dec!(0.000001)) {
            prop_assert_eq!(figures.stress.robust, roi > Decimal::ZERO);
        }
        if expected.is_none() {
            prop_assert!(!figures.stress.robust);
        }
    }

    #[test]
    fn neutral_drivers_reproduce_the_base_exactly(project in project()) {
        let base = Figures::compute(&project, &Drivers::default());
        let info = &project.project;
        let explicit = Drivers {
            benefits: Some(Decimal::ONE),
            costs: Some(Decimal::ONE),
            risk: Some(Decimal::ONE),
            delay_months: Some(0),
            ramp: Some(Decimal::ONE),
            maturity_factor: Some(info.maturity_factor().fraction()),
            adoption: Some(Decimal::ONE),
            hourly_cost: Some(Decimal::ONE),
            volume: Some(Decimal::ONE),
            discount_rate: Some(info.discount_rate().fraction()),
        };
        prop_assert_eq!(&Figures::compute(&project, &explicit), &base);
        // And the neutral drivers are those of no scenario at all: computing twice is stable.
        prop_assert_eq!(&Figures::compute(&project, &Drivers::default()), &base);
    }

    #[test]
    fn doubling_every_cost_never_raises_the_roi(project in project()) {
        let base = Figures::compute(&project, &Drivers::default());
        let doubled = Figures::compute(&project, &Drivers { costs: Some(dec!(2)), ..Drivers::default() });
        for (b, d) in base.checkpoints().iter().zip(doubled.checkpoints()) {
            prop_assert_eq!(b.month, d.month);
            prop_assert_eq!(d.tco, b.tco * dec!(2));
            match (b.roi_classic_pct(), d.roi_classic_pct()) {
                (Some(before), Some(after)) => {
                    prop_assert!(after.value() <= before.value() + ROUNDING, "classic {before} → {after}");
                }
                (None, None) => {}
                other => prop_assert!(false, "classic defined once only: {:?}", other),
            }
            // ROI_adjusted = (B_adj − Risk) / TCO × 100 − 100: doubling the TCO lowers it
            // only while B_adj ≥ Risk (see the test
            // `doubling_costs_raises_the_adjusted_roi_when_risk_exceeds_benefits`).
            if b.benefits_adjusted >= b.risk_provision {
                match (b.roi_adjusted_pct(), d.roi_adjusted_pct()) {
                    (Some(before), Some(after)) => {
                        prop_assert!(after.value() <= before.value() + ROUNDING, "adjusted {before} → {after}");
                    }
                    (None, None) => {}
                    other => prop_assert!(false, "adjusted defined once only: {:?}", other),
                }
            }
        }
        // NPV never rises either: every net falls by the extra cost.
        prop_assert!(doubled.flows.npv <= base.flows.npv + ROUNDING);
    }

    #[test]
    fn adjusted_roi_never_exceeds_classic_roi(project in project()) {
        // FM, FT ≤ 1 and risks ≥ 0 hold for every valid project.
        let figures = Figures::compute(&project, &Drivers::default());
        for c in figures.checkpoints() {
            prop_assert!(c.benefits_adjusted <= c.benefits_raw + ROUNDING);
            prop_assert!(c.risk_provision >= Decimal::ZERO);
            if let (Some(adjusted), Some(classic)) = (c.roi_adjusted_pct(), c.roi_classic_pct()) {
                prop_assert!(adjusted.value() <= classic.value() + ROUNDING, "month {}: {} > {}", c.month, adjusted, classic);
            } else {
                prop_assert_eq!(c.roi_adjusted_pct(), None);
                prop_assert_eq!(c.roi_classic_pct(), None);
            }
        }
    }

    #[test]
    fn the_last_cumulative_net_is_the_sum_of_the_nets(project in project()) {
        let figures = Figures::compute(&project, &Drivers::default());
        let monthly = &figures.flows.monthly;
        let sum: Decimal = monthly.iter().map(|m| m.net).sum();
        prop_assert_eq!(monthly.last().unwrap().cumulative_net, sum);
        for m in monthly {
            prop_assert_eq!(m.net, m.benefits_adjusted - m.costs - m.risk);
        }
        // It is also B_adj(H) − TCO(H) − Risk(H), up to the rounding of ρ = R / H.
        let h = figures.flows.at_horizon();
        prop_assert!(close(sum, h.benefits_adjusted - h.tco - h.risk_provision));
        prop_assert!(close(h.risk_provision, (figures.risk_total).value()));
    }

    #[test]
    fn a_review_as_of_a_month_keeps_exactly_what_was_measured_by_then(project in project(), month in 0i64..=130) {
        let known = review::known_at(&project, month);
        for (kpi, all) in known.kpis.iter().zip(&project.kpis) {
            let by_then = all.measurements.iter().filter(|m| m.month <= month).count();
            prop_assert_eq!(kpi.measurements.len(), by_then);
        }
        prop_assert!(known.actuals.iter().all(|a| a.month <= month));
        prop_assert_eq!(known.actuals.len(), project.actuals.iter().filter(|a| a.month <= month).count());
        prop_assert_eq!(review::known_at(&project, project.horizon()), project);
    }

    #[test]
    fn a_kpi_is_overdue_exactly_when_its_next_measurement_month_is_over(project in project(), now in 1i64..=130) {
        let late = review::overdue_kpis(&project, now);
        for (index, kpi) in project.kpis.iter().enumerate() {
            let last = kpi.latest().map(|m| m.month);
            let due = last.unwrap_or(0) + interval_months(kpi.frequency.unwrap_or_default());
            let listed = late.iter().find(|o| o.kpi == index);
            let expected = now.min(project.horizon() + 1) > due && due <= project.horizon();
            prop_assert_eq!(listed.is_some(), expected, "KPI {} due {} now {}", index, due, now);
            if let Some(item) = listed {
                prop_assert_eq!((item.last_month, item.due_month), (last, due));
                prop_assert!(item.months_late >= 1);
            }
        }
    }

    #[test]
    fn the_proposed_decision_never_contradicts_the_figures(project in project()) {
        let figures = Figures::compute(&project, &Drivers::default());
        let roi = figures.flows.at_horizon().roi_adjusted_pct();
        let decision = review::propose(&project, &figures);
        match decision.verdict {
            Verdict::Scale => {
                prop_assert!(roi.is_some_and(|r| r > Percent::new(Decimal::ZERO)));
                prop_assert!(figures.stress.robust && figures.flows.break_even_month.is_some());
            }
            Verdict::Stop => prop_assert!(roi.is_some_and(|r| r <= Percent::new(Decimal::ZERO)) && !figures.stress.robust),
            Verdict::Pivot => prop_assert!(roi.is_some()),
            Verdict::Continue => {}
        }
        prop_assert!(!decision.reasons.is_empty());
    }

    #[test]
    fn milestones_compare_each_measure_with_the_plan_of_its_own_month(project in project()) {
        let figures = Figures::compute(&project, &Drivers::default());
        let mut previous = 0;
        for milestone in review::milestones(&project, &figures) {
            prop_assert!(milestone.milestone > previous && milestone.milestone <= project.horizon());
            prop_assert_eq!(milestone.planned_adjusted, figures.flows.at(milestone.milestone).benefits_adjusted);
            if let Some(measured) = milestone.measured {
                prop_assert!(measured.month > previous && measured.month <= milestone.milestone);
                prop_assert_eq!(measured.planned_adjusted, figures.flows.at(measured.month).benefits_adjusted);
            }
            previous = milestone.milestone;
        }
    }

    #[test]
    fn the_f64_flows_agree_with_the_exact_ones(project in project()) {
        use roi_workbench::domain::engine::{Stress, compute_flows};
        let exact = compute_flows::<Decimal>(&project, &Drivers::default(), Stress::Off);
        let float = compute_flows::<f64>(&project, &Drivers::default(), Stress::Off);
        let (a, b) = (exact.npv.to_f64().unwrap(), float.npv);
        prop_assert!((a - b).abs() <= 1e-6 * a.abs().max(1.0), "{a} vs {b}");
        prop_assert_eq!(exact.break_even_month, float.break_even_month);
    }

    #[test]
    fn render_then_parse_gives_the_same_model(project in project()) {
        let text = render(&project, None).unwrap();
        let back = parse(&text).map_err(|d| TestCaseError::fail(format!("{text}\n{d:#?}")))?;
        prop_assert_eq!(&back, &project, "{}", text);
        // Rendering the parsed model over its own text changes nothing.
        prop_assert_eq!(render(&back, Some(&Original::of(text.clone(), &back))).unwrap(), text);
    }
}

#[test]
fn doubling_costs_raises_the_adjusted_roi_when_risk_exceeds_benefits() {
    // Not an engine bug: the contract's formula divides the risk provision by the TCO.
    // B_adj = 0, Risk = 1 200, TCO = 1 200 over 12 months:
    //   ROI_adjusted = (0 − 1 200 − 1 200) / 1 200 × 100 = −200
    //   costs × 2:     (0 − 2 400 − 1 200) / 2 400 × 100 = −150  (higher).
    let project = parse(
        "schema = 1\n[project]\nname = \"Risque\"\nhorizon_months = 12\n\
         [[costs]]\nname = \"C\"\nmonthly = 100\n[[risks]]\nname = \"R\"\ncost = 1200\nprobability = 1\n",
    )
    .unwrap();
    let base = Figures::compute(&project, &Drivers::default());
    let doubled = Figures::compute(&project, &Drivers { costs: Some(dec!(2)), ..Drivers::default() });
    assert_eq!(base.flows.at_horizon().roi_adjusted_pct(), Some(Percent::new(dec!(-200))));
    assert_eq!(doubled.flows.at_horizon().roi_adjusted_pct(), Some(Percent::new(dec!(-150))));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Issue 22: every column of the monthly CSV, summed as a spreadsheet would, gives the
    /// report's total to the cent (JSON `totals` are rounded from the exact totals).
    #[test]
    fn the_csv_columns_add_up_to_the_totals(project in project()) {
        let figures = Figures::compute(&project, &Drivers::default());
        let csv = roi_workbench::report::csv::render(&figures);
        let mut sums = [Decimal::ZERO; 6];
        for line in csv.lines().skip(1) {
            for (sum, cell) in sums.iter_mut().zip(line.split(',').skip(1)) {
                *sum += cell.parse::<Decimal>().unwrap();
            }
        }
        let total = figures.flows.at_horizon();
        let cents = roi_workbench::domain::money::round;
        let expected = [total.benefits_raw, total.benefits_adjusted, total.tco, total.risk_provision];
        for (column, (sum, exact)) in ["benefits_raw", "benefits_adjusted", "costs", "risk"].iter().zip(sums.iter().zip(expected)) {
            prop_assert_eq!(cents(*sum), cents(exact), "{}", column);
        }
        let net: Decimal = figures.flows.monthly.iter().map(|m| m.net).sum();
        prop_assert_eq!(cents(sums[4]), cents(net), "net");
        let last = csv.lines().last().unwrap().rsplit(',').next().unwrap().parse::<Decimal>().unwrap();
        prop_assert_eq!(cents(last), cents(sums[4]), "the last cumulative net is the net's sum");
    }
}

/// The numbers of a printed comparison, in the English form (`−1,234.50`, `€12.00`, `85.3%`).
fn printed_number(text: &str) -> Option<Decimal> {
    let kept: String = text
        .chars()
        .filter_map(|c| match c {
            '−' => Some('-'),
            c if c.is_ascii_digit() || c == '.' || c == '-' => Some(c),
            _ => None,
        })
        .collect();
    kept.parse().ok()
}

/// Every comparison in `line` (`a < b ≤ c ; d ≥ 0`) holds between the numbers it prints.
fn comparisons_hold(line: &str) -> Result<(), String> {
    for statement in line.split(" ; ") {
        let tokens: Vec<&str> = statement.split(['<', '≤', '≥', '>']).collect();
        let operators: Vec<char> = statement.chars().filter(|c| "<≤≥>".contains(*c)).collect();
        for (pair, op) in tokens.windows(2).zip(operators) {
            let (Some(a), Some(b)) = (printed_number(pair[0]), printed_number(pair[1])) else { continue };
            let holds = match op {
                '<' => a < b,
                '≤' => a <= b,
                '≥' => a >= b,
                _ => a > b,
            };
            if !holds {
                return Err(format!("false: {statement}"));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Issue 22: every line an explanation prints is a true statement about the values shown.
    #[test]
    fn every_comparison_an_explanation_prints_is_true(project in project()) {
        let text = render(&project, None).unwrap();
        for figure in roi_workbench::domain::explain::FIGURES {
            let Some(tree) = roi_workbench::domain::explain::explain(&project, &Drivers::default(), figure, None) else { continue };
            let explained = roi_workbench::report::explain::Explained::new(
                &tree, &project, "p.toml", &text, roi_workbench::i18n::Lang::En,
            );
            for line in explained.text().lines().filter(|l| l.trim_start().starts_with("= ")) {
                prop_assert!(comparisons_hold(line).is_ok(), "{figure}: {line}");
            }
        }
    }
}

#[test]
fn the_comparison_check_catches_a_false_line() {
    assert!(comparisons_hold("= 0.00 < 0 ≤ 500.00").is_err());
    assert!(comparisons_hold("= -12.00 < 0 ≤ 500.00").is_ok());
    assert!(comparisons_hold("= 0.00 ≤ 0 ; 5.00 ≥ 0").is_ok());
    assert!(comparisons_hold("= −3.5% > 0").is_err());
}
