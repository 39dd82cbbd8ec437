//! Where a figure comes from: a tree whose root is the figure, whose nodes each say how their
//! value follows from their inputs (an operator and its operands), and whose leaves are the
//! values of the file (with their place in it) or the method's constants. Built from the same
//! functions as the figures, so a tree re-computed from its leaves gives the figure.

use super::drivers::Drivers;
use super::engine::{Figures, Stress, compute_flows};
use super::flows::{Flows, line_cost};
use super::project::{Benefit, Cost, Project};
use super::schema;
use super::validate::FieldPath;
use super::valuation::{monthly_value, ramped};
use rust_decimal::Decimal;

/// How a node's value follows from its inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// A value of the file, a default of the method, or a figure computed elsewhere.
    Given,
    /// The inputs added.
    Sum,
    /// The first input less every other.
    Difference,
    /// The inputs multiplied.
    Product,
    /// The first input divided by the second.
    Quotient,
    /// The first input over the second, × 100; undefined when the second is 0.
    PercentOf,
    /// The first month whose cumulative figure is reached. Inputs: the cumulative net at the
    /// month (at or above 0) alone for month 1; else the cumulative net at the month before,
    /// then at the month, then — when the month before was at or above 0 already — the
    /// cumulative adjusted benefits at the month before (at or below 0: not yet broken even).
    FirstMonthReached,
    /// 1 when the input is above 0, else 0 (the ×2/÷2 verdict).
    Positive,
}

/// One figure and how it is reached.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What it is: a figure of the report (`roi_adjusted_pct`), a line's value
    /// (`benefits[0].value`), a value of the file (`costs[1].monthly`), a month's figure
    /// (`net[14]`), or a constant of the method (`minutes_per_hour`).
    pub figure: String,
    /// `None` when undefined (an ROI over a TCO of 0).
    pub value: Option<Decimal>,
    pub op: Op,
    pub inputs: Vec<Node>,
    /// Where a value of the file is written.
    pub path: Option<FieldPath>,
}

impl Node {
    fn given(figure: impl Into<String>, value: Decimal) -> Self {
        Self { figure: figure.into(), value: Some(value), op: Op::Given, inputs: Vec::new(), path: None }
    }

    fn input(path: &str, value: Decimal) -> Self {
        Self { path: FieldPath::parse(path), ..Self::given(path, value) }
    }

    fn of(figure: impl Into<String>, op: Op, inputs: Vec<Node>, value: Option<Decimal>) -> Self {
        Self { figure: figure.into(), value, op, inputs, path: None }
    }
}

/// The figures that can be explained, as the JSON report names them.
pub const FIGURES: [&str; 9] = [
    "roi_adjusted_pct",
    "roi_classic_pct",
    "npv",
    "tco",
    "benefits_adjusted",
    "benefits_raw",
    "risk_provision",
    "break_even_month",
    "stress_test",
];

/// The explanation of `figure` (one of [`FIGURES`], or a line: `benefits[0]`, `costs[2]`,
/// `risks[1]`) at `month` (the horizon when `None`), under `drivers`.
pub fn explain(project: &Project, drivers: &Drivers, figure: &str, month: Option<i64>) -> Option<Node> {
    let flows = compute_flows::<Decimal>(project, drivers, Stress::Off);
    let month = month.unwrap_or(project.horizon()).clamp(1, project.horizon().max(1));
    let at = Explainer { project, drivers, flows: &flows, month };
    match figure {
        "roi_adjusted_pct" => Some(at.roi_adjusted()),
        "roi_classic_pct" => Some(at.roi_classic()),
        "npv" => Some(at.npv()),
        "tco" => Some(at.tco()),
        "benefits_adjusted" => Some(at.benefits(true)),
        "benefits_raw" => Some(at.benefits(false)),
        "risk_provision" => Some(at.risk_provision()),
        "break_even_month" => Some(at.break_even()),
        "stress_test" => Some(stress_test(project, drivers)),
        "quadrant" => Some(quadrant(project)),
        line if line.starts_with("kpis[") => kpi_progress(project, line),
        line => at.line(line),
    }
}

struct Explainer<'a> {
    project: &'a Project,
    drivers: &'a Drivers,
    flows: &'a Flows,
    month: i64,
}

impl Explainer<'_> {
    fn roi_adjusted(&self) -> Node {
        let (benefits, tco, risk) = (self.benefits(true), self.tco(), self.risk_provision());
        let gain = difference("gain_adjusted", vec![benefits, tco.clone(), risk]);
        let value = self.flows.at(self.month).roi_adjusted_pct().map(|p| p.value());
        Node::of("roi_adjusted_pct", Op::PercentOf, vec![gain, tco], value)
    }

    fn roi_classic(&self) -> Node {
        let (benefits, tco) = (self.benefits(false), self.tco());
        let gain = difference("gain_classic", vec![benefits, tco.clone()]);
        let value = self.flows.at(self.month).roi_classic_pct().map(|p| p.value());
        Node::of("roi_classic_pct", Op::PercentOf, vec![gain, tco], value)
    }

    /// Σ net(m) × d(m): each month's net flow (benefits less costs and risk) times its
    /// discount factor.
    fn npv(&self) -> Node {
        let rate =
            self.drivers.discount_rate.unwrap_or_else(|| self.project.project.discount_rate().fraction());
        let factors = super::discount::discount_multipliers(rate, self.project.horizon());
        let terms = self
            .flows
            .monthly
            .iter()
            .zip(factors)
            .map(|(m, factor)| {
                let net = difference(
                    format!("net[{}]", m.month),
                    vec![
                        Node::given(format!("benefits_adjusted_month[{}]", m.month), m.benefits_adjusted),
                        Node::given(format!("costs_month[{}]", m.month), m.costs),
                        Node::given("risk_per_month", m.risk),
                    ],
                );
                let factor = Node::given(format!("discount_factor[{}]", m.month), factor);
                product(format!("discounted_net[{}]", m.month), vec![net, factor])
            })
            .collect();
        engine_value(sum("npv", terms), self.flows.npv)
    }

    /// TCO(M): each cost line's charges to the month, with the contingency.
    fn tco(&self) -> Node {
        let lines = self.project.costs.iter().enumerate().map(|(i, line)| self.cost_line(i, line)).collect();
        engine_value(sum("tco", lines), self.flows.at(self.month).tco)
    }

    fn cost_line(&self, index: usize, line: &Cost) -> Node {
        let base = format!("costs[{index}]");
        let horizon = self.project.horizon();
        let charged: Decimal = (1..=self.month).map(|m| line_cost::<Decimal>(line, m, horizon)).sum();
        let mut parts = Vec::new();
        if let Some(one_off) = line.one_off.filter(|_| line.one_off_month() <= self.month) {
            parts.push(Node::input(&format!("{base}.one_off"), one_off));
        }
        if let Some(monthly) = line.monthly {
            let months = (line.start_month()..=line.end_month(horizon).min(self.month)).count();
            let months = Node::given("months_charged", Decimal::from(months));
            parts.push(product(
                format!("{base}.monthly_total"),
                vec![Node::input(&format!("{base}.monthly"), monthly), months],
            ));
        }
        let charges = Node::of(format!("{base}.charges"), Op::Sum, parts, Some(charged));
        let scale: Decimal = super::flows::cost_scale(self.project, self.drivers, Stress::Off);
        let factor = Node::given("contingency_factor", scale);
        engine_value(product(base, vec![charges, factor]), charged * scale)
    }

    /// B(M): each benefit line's value times its months at full speed to the month (the
    /// ramp), and, adjusted, times FM and its FT.
    fn benefits(&self, adjusted: bool) -> Node {
        let key = if adjusted { "benefits_adjusted" } else { "benefits_raw" };
        let fm = super::flows::maturity_factor(self.project, self.drivers);
        let lines = self
            .project
            .benefits
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let (start, ramp) = super::flows::benefit_timing::<Decimal>(line, self.drivers);
                let months: Decimal = (1..=self.month).map(|m| ramped(Decimal::ONE, m, start, ramp)).sum();
                let mut inputs =
                    vec![self.benefit_value(i, line), Node::given("months_at_full_value", months)];
                if adjusted {
                    inputs.push(self.maturity_factor(fm));
                    inputs.push(Node::input(
                        &format!("benefits[{i}].{}", schema::TIME_FACTOR),
                        line.time_factor().fraction(),
                    ));
                }
                product(format!("benefits[{i}].{}", if adjusted { "adjusted" } else { "raw" }), inputs)
            })
            .collect();
        let at = self.flows.at(self.month);
        engine_value(sum(key, lines), if adjusted { at.benefits_adjusted } else { at.benefits_raw })
    }

    /// FM: the file's `maturity_factor`, or else its `maturity`, which sets FM — the node
    /// points at the one the file gives.
    fn maturity_factor(&self, fm: Decimal) -> Node {
        let node = Node::input("project.maturity_factor", fm);
        match self.project.project.maturity_factor {
            Some(_) => node,
            None => Node { path: FieldPath::parse("project.maturity"), ..node },
        }
    }

    /// V of a line, from its inputs (`schema::formula` of its kind), with the benefit and
    /// adoption drivers.
    fn benefit_value(&self, index: usize, line: &Benefit) -> Node {
        let base = format!("benefits[{index}]");
        let value = monthly_value::<Decimal>(line, self.drivers);
        let input = |input: &schema::BenefitInput| {
            Node::input(&format!("{base}.{}", input.key), input.read::<Decimal>(line, self.drivers))
        };
        let per = |divisor: schema::Divisor| Node::given(divisor.name, Decimal::from(divisor.by));
        let mut factors: Vec<Node> = schema::factors(line)
            .map(|factor| match factor {
                schema::Factor::Input(one) => input(one),
                schema::Factor::Alternative(other, divisor) => {
                    quotient(format!("{base}.value"), input(other), per(divisor))
                }
            })
            .collect();
        let formula = schema::formula(line.kind);
        let node = match formula.divisor {
            Some(divisor) => quotient(
                format!("{base}.value"),
                product(format!("{base}.{}", formula.product), factors),
                per(divisor),
            ),
            None if factors.len() == 1 => factors.remove(0),
            None => product(format!("{base}.value"), factors),
        };
        let scale = self.drivers.benefits() * self.drivers.adoption();
        let node = if scale == Decimal::ONE {
            node
        } else {
            product(format!("{base}.value_with_drivers"), vec![node, Node::given("benefit_drivers", scale)])
        };
        engine_value(node, value * scale)
    }

    /// Risk(M) = R_total / H × M.
    fn risk_provision(&self) -> Node {
        let losses = self
            .project
            .risks
            .iter()
            .enumerate()
            .map(|(i, risk)| {
                let probability = (risk.probability * self.drivers.risk()).min(Decimal::ONE);
                product(
                    format!("risks[{i}]"),
                    vec![
                        Node::input(&format!("risks[{i}].cost"), risk.cost),
                        Node::input(&format!("risks[{i}].probability"), probability),
                    ],
                )
            })
            .collect();
        let total = sum("risk_total", losses);
        let per_month = quotient(
            "risk_per_month",
            total,
            Node::given("horizon_months", Decimal::from(self.project.horizon())),
        );
        let provision =
            product("risk_provision", vec![per_month, Node::given("month", Decimal::from(self.month))]);
        engine_value(provision, self.flows.at(self.month).risk_provision)
    }

    /// The first month whose cumulative adjusted net is at or above 0 (with adjusted
    /// benefits above 0): the cumulative net at the month before and at the month.
    fn break_even(&self) -> Node {
        let Some(month) = self.flows.break_even_month else {
            return Node::of("break_even_month", Op::FirstMonthReached, Vec::new(), None);
        };
        let net_at = |m: i64| {
            let at = self.flows.at(m);
            Node::given(format!("cumulative_net[{m}]"), at.benefits_adjusted - at.tco - at.risk_provision)
        };
        let mut inputs = vec![net_at(month)];
        if month > 1 {
            let before = net_at(month - 1);
            let before_was_positive = before.value.is_some_and(|net| !net.is_sign_negative());
            inputs.insert(0, before);
            if before_was_positive {
                let benefits = self.flows.at(month - 1).benefits_adjusted;
                inputs.push(Node::given(format!("cumulative_benefits_adjusted[{}]", month - 1), benefits));
            }
        }
        Node::of("break_even_month", Op::FirstMonthReached, inputs, Some(Decimal::from(month)))
    }

    /// One line: a benefit's V, a cost's charges to the month, a risk's expected loss.
    fn line(&self, line: &str) -> Option<Node> {
        let path = FieldPath::parse(line)?;
        let (list, index) = match path.0.as_slice() {
            [super::validate::Segment::Key(list), super::validate::Segment::Index(index)] => {
                (list.as_str(), *index)
            }
            _ => return None,
        };
        match list {
            "benefits" => self.project.benefits.get(index).map(|l| self.benefit_value(index, l)),
            "costs" => self.project.costs.get(index).map(|l| self.cost_line(index, l)),
            "risks" => self.risk_provision().inputs.first()?.inputs.first()?.inputs.get(index).cloned(),
            _ => None,
        }
    }
}

/// A KPI's progress p = (latest − baseline) / (target − baseline), which sets its status;
/// undefined when a value is missing or the target is the baseline.
fn kpi_progress(project: &Project, line: &str) -> Option<Node> {
    let index: usize = line.strip_prefix("kpis[")?.strip_suffix(']')?.parse().ok()?;
    let kpi = project.kpis.get(index)?;
    let base = format!("kpis[{index}]");
    let latest = kpi.latest();
    let value = |field: &str, v: Option<Decimal>| Node {
        value: v,
        ..Node::input(&format!("{base}.{field}"), Decimal::ZERO)
    };
    let latest_node = Node {
        value: latest.map(|m| m.value.0),
        path: latest.and_then(|m| {
            let position = kpi.measurements.iter().position(|x| *x == m)?;
            FieldPath::parse(&format!("{base}.measurements[{position}].value"))
        }),
        ..Node::given(format!("{base}.latest"), Decimal::ZERO)
    };
    let baseline = value("baseline", kpi.baseline);
    let target = value("target", kpi.target);
    let moved = difference(format!("{base}.moved"), vec![latest_node, baseline.clone()]);
    let aimed = difference(format!("{base}.aimed"), vec![target, baseline]);
    let node = quotient(format!("{base}.progress"), moved, aimed);
    Some(Node { figure: base, ..node })
}

/// The quadrant from the two scores: high is 6 and above.
fn quadrant(project: &Project) -> Node {
    let info = &project.project;
    let score = |field: &str, v: Option<i64>| Node {
        value: v.map(Decimal::from),
        ..Node::input(&format!("project.{field}"), Decimal::ZERO)
    };
    let inputs = vec![score("impact", info.impact), score("feasibility", info.feasibility)];
    // Numbered 1 to 4 in the matrix's order.
    let rank = super::matrix::Quadrant::of(info)
        .and_then(|q| super::matrix::Quadrant::ALL.iter().position(|x| *x == q));
    Node::of("quadrant", Op::Given, inputs, rank.map(|r| Decimal::from(r + 1)))
}

/// The ×2/÷2 verdict: the adjusted ROI at the horizon under stress, above 0 or not.
fn stress_test(project: &Project, drivers: &Drivers) -> Node {
    let stressed = compute_flows::<Decimal>(project, drivers, Stress::On);
    let roi = stressed.at_horizon().roi_adjusted_pct().map(|p| p.value());
    let roi = Node::of("roi_adjusted_pct_stressed", Op::Given, Vec::new(), roi);
    let robust = Figures::compute(project, drivers).stress.robust;
    Node::of("stress_test", Op::Positive, vec![roi], Some(if robust { Decimal::ONE } else { Decimal::ZERO }))
}

/// The value of a node from its inputs' values, by its operator (`None` when undefined).
pub fn evaluate(op: Op, inputs: &[Option<Decimal>]) -> Option<Decimal> {
    let all: Option<Vec<Decimal>> = inputs.iter().copied().collect();
    match op {
        Op::Given | Op::FirstMonthReached => None,
        Op::Sum => Some(all?.into_iter().sum()),
        Op::Difference => {
            let all = all?;
            let (first, rest) = all.split_first()?;
            Some(rest.iter().fold(*first, |acc, v| acc - v))
        }
        Op::Product => all?.into_iter().try_fold(Decimal::ONE, Decimal::checked_mul),
        Op::Quotient => all?.first()?.checked_div(*inputs.get(1)?.as_ref()?),
        Op::PercentOf => {
            let all = all?;
            let (gain, base) = (all.first()?, all.get(1)?);
            if base.is_zero() { None } else { gain.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(*base) }
        }
        Op::Positive => Some(if all?.first()? > &Decimal::ZERO { Decimal::ONE } else { Decimal::ZERO }),
    }
}

/// A node whose value is the engine's own, not its inputs' evaluation: a tree re-computed from
/// its leaves then checks the explanation against the figures.
fn engine_value(node: Node, value: Decimal) -> Node {
    Node { value: Some(value), ..node }
}

fn sum(figure: impl Into<String>, inputs: Vec<Node>) -> Node {
    let value = evaluate(Op::Sum, &values(&inputs));
    Node::of(figure, Op::Sum, inputs, value)
}

fn difference(figure: impl Into<String>, inputs: Vec<Node>) -> Node {
    let value = evaluate(Op::Difference, &values(&inputs));
    Node::of(figure, Op::Difference, inputs, value)
}

fn product(figure: impl Into<String>, inputs: Vec<Node>) -> Node {
    let value = evaluate(Op::Product, &values(&inputs));
    Node::of(figure, Op::Product, inputs, value)
}

fn quotient(figure: impl Into<String>, top: Node, bottom: Node) -> Node {
    let inputs = vec![top, bottom];
    let value = evaluate(Op::Quotient, &values(&inputs));
    Node::of(figure, Op::Quotient, inputs, value)
}

fn values(nodes: &[Node]) -> Vec<Option<Decimal>> {
    nodes.iter().map(|n| n.value).collect()
}
