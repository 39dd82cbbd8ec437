//! What drives the uncertainty of a Monte Carlo result, and what knowing an input before
//! deciding would be worth, from the draws themselves.
//!
//! - **Rank correlation** (Spearman): the correlation of the ranks of an input's draws with
//!   the ranks of the NPV's; its square is the share of the NPV's variance the input explains
//!   when the relation is monotone (the inputs are drawn independently).
//! - **Value of information** for the decision "go if the expected NPV is above 0":
//!   EVPI = E[max(NPV, 0)] − max(E[NPV], 0), what knowing every input exactly would be worth;
//!   and for one input, EVPPI = E_x[max(E[NPV | x], 0)] − max(E[NPV], 0), estimated by sorting
//!   the draws by the input and taking E[NPV | x] as the mean NPV of each of [`BINS`] equal
//!   bins of draws. With n draws a bin holds n / BINS of them; the estimate's bias is upward
//!   (a bin's mean is noisy) and shrinks as n grows; it is capped by EVPI, which it cannot
//!   exceed in theory.

/// The bins of draws an input's EVPPI conditions on.
pub const BINS: usize = 20;

/// The positions of `values` in ascending order, equal values in their original order.
fn ascending(values: &[f64]) -> Vec<usize> {
    // The values sorted with their positions (memory read in order, unlike positions sorted
    // by looking each value up), by (value, position): a stable sort's order, from the faster
    // unstable sort.
    let mut pairs: Vec<(f64, usize)> = values.iter().copied().zip(0..).collect();
    pairs.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    pairs.into_iter().map(|(_, position)| position).collect()
}

/// The ranks of `values` (1-based, ties given their mean rank).
pub fn ranks(values: &[f64]) -> Vec<f64> {
    ranks_in(values, &ascending(values))
}

/// The ranks of `values`, `order` being their ascending order.
fn ranks_in(values: &[f64], order: &[usize]) -> Vec<f64> {
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Positions start..end (0-based) share the mean of ranks start+1..=end.
        let mean = (start + end + 1) as f64 / 2.0;
        for position in &order[start..end] {
            ranks[*position] = mean;
        }
        start = end;
    }
    ranks
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len()) as f64;
    if n < 2.0 {
        return 0.0;
    }
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx == 0.0 || syy == 0.0 { 0.0 } else { sxy / (sxx * syy).sqrt() }
}

/// Spearman's rank correlation of `x` and `y`, in −1..=1; 0 when either never varies.
pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    pearson(&ranks(x), &ranks(y))
}

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() { 0.0 } else { values.iter().sum::<f64>() / values.len() as f64 }
}

/// The expected value of perfect information: E[max(NPV, 0)] − max(E[NPV], 0), never below 0.
pub fn evpi(npv: &[f64]) -> f64 {
    let with_knowledge = mean(&npv.iter().map(|v| v.max(0.0)).collect::<Vec<_>>());
    (with_knowledge - mean(npv).max(0.0)).max(0.0)
}

/// The expected value of knowing `input` exactly before deciding, from the same draws
/// (`input[i]` and `npv[i]` from draw i), between 0 and the EVPI.
pub fn evppi(input: &[f64], npv: &[f64]) -> f64 {
    evppi_in(input, &ascending(input), npv)
}

/// An input's rank correlation with the NPV and its EVPPI, the input's draws sorted once;
/// `npv_ranks` are the NPV's ranks, the same for every input.
pub fn input_information(input: &[f64], npv: &[f64], npv_ranks: &[f64]) -> (f64, f64) {
    let order = ascending(input);
    (pearson(&ranks_in(input, &order), npv_ranks), evppi_in(input, &order, npv))
}

/// The EVPPI of `input`, `order` being its ascending order.
fn evppi_in(input: &[f64], order: &[usize], npv: &[f64]) -> f64 {
    let order: Vec<usize> = order.iter().copied().filter(|draw| *draw < npv.len()).collect();
    // An input that never varies tells nothing (its bins would be arbitrary sets of draws).
    let varies = input.iter().any(|v| *v != input[0]);
    if order.is_empty() || !varies {
        return 0.0;
    }
    let size = order.len().div_ceil(BINS);
    let known: f64 = order
        .chunks(size)
        .map(|bin| {
            let values: Vec<f64> = bin.iter().map(|i| npv[*i]).collect();
            mean(&values).max(0.0) * values.len() as f64
        })
        .sum::<f64>()
        / order.len() as f64;
    (known - mean(npv).max(0.0)).clamp(0.0, evpi(npv))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// Uniform draws on −1..1, from a fixed seed.
    fn uniform(n: usize, seed: u64) -> Vec<f64> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        (0..n).map(|_| rng.random_range(-1.0..1.0)).collect()
    }

    #[test]
    fn ranks_share_ties() {
        assert_eq!(ranks(&[10.0, 30.0, 20.0, 20.0]), [1.0, 4.0, 2.5, 2.5]);
    }

    #[test]
    fn spearman_sees_a_monotone_relation_whatever_its_shape() {
        let x = uniform(1000, 1);
        let cubed: Vec<f64> = x.iter().map(|v| v * v * v).collect();
        assert!((spearman(&x, &cubed) - 1.0).abs() < 1e-12);
        let falling: Vec<f64> = x.iter().map(|v| -v.exp()).collect();
        assert!((spearman(&x, &falling) + 1.0).abs() < 1e-12);
        let noise = uniform(1000, 2);
        assert!(spearman(&x, &noise).abs() < 0.1, "independent draws");
        assert_eq!(spearman(&x, &vec![3.0; 1000]), 0.0, "a constant carries no rank");
    }

    /// NPV = 1000 × X with X uniform on −1..1: E[max(NPV, 0)] = 250 and E[NPV] = 0, so the
    /// EVPI is 250, and knowing X is knowing everything.
    #[test]
    fn evpi_of_a_linear_npv_in_a_uniform_input() {
        let x = uniform(200_000, 3);
        let npv: Vec<f64> = x.iter().map(|v| 1000.0 * v).collect();
        assert!((evpi(&npv) - 250.0).abs() < 3.0, "{}", evpi(&npv));
        let known = evppi(&x, &npv);
        assert!(known <= evpi(&npv) + 1e-9);
        // 20 bins lose a little of the information: within 5 % of the whole.
        assert!((known - 250.0).abs() < 12.5, "{known}");
    }

    #[test]
    fn an_input_that_cannot_change_the_decision_is_worth_nothing() {
        let (x, y) = (uniform(100_000, 4), uniform(100_000, 5));
        // Always above 0: the decision is go whatever is known.
        let sure: Vec<f64> = x.iter().zip(&y).map(|(a, b)| 5000.0 + 100.0 * a + 10.0 * b).collect();
        assert_eq!(evpi(&sure), 0.0);
        assert_eq!(evppi(&x, &sure), 0.0);
        // The decision hangs on x; y barely moves it.
        let npv: Vec<f64> = x.iter().zip(&y).map(|(a, b)| 1000.0 * a + 10.0 * b).collect();
        assert!(evppi(&y, &npv) < 0.05 * evppi(&x, &npv), "{} vs {}", evppi(&y, &npv), evppi(&x, &npv));
        assert!(evppi(&x, &npv) <= evpi(&npv));
    }

    #[test]
    fn a_degenerate_input_is_worth_nothing() {
        let npv = uniform(10_000, 6);
        assert_eq!(evppi(&vec![1.0; 10_000], &npv), 0.0, "a value known in advance is worth nothing");
        let flat = vec![7.0; 10_000];
        assert_eq!(evpi(&flat), 0.0);
        assert_eq!(evppi(&npv, &flat), 0.0);
    }
}
