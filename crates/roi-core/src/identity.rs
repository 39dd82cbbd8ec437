//! The identity of a project's lines: what follows a benefit, cost, risk, KPI or baseline
//! metric through insertions, deletions, duplications, reorderings, undo and redo, so that
//! its range, source, confidence and the comments of its file stay with it.
//!
//! An identity is given to each line when it is read or created, and is never written to
//! the file: the store keeps, beside the text it read or wrote, the identities of the lines
//! that text holds, and matches lines by identity when it writes the project back.

use std::sync::atomic::{AtomicU64, Ordering};

static NEXT: AtomicU64 = AtomicU64::new(1);

/// A line's identity, unique for the life of the program.
#[derive(Debug, Clone, Copy)]
pub struct LineId(u64);

impl LineId {
    /// A new identity, never given before.
    pub fn fresh() -> Self {
        Self(NEXT.fetch_add(1, Ordering::Relaxed))
    }

    /// The same line (`==` compares contents, not identities: see below).
    pub fn is(self, other: LineId) -> bool {
        self.0 == other.0
    }
}

impl Default for LineId {
    fn default() -> Self {
        Self::fresh()
    }
}

/// Identity is not content: two projects holding the same values are equal whatever the
/// identities of their lines (a file read twice gives new identities, and the same project).
impl PartialEq for LineId {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A line of one of the project's lists.
pub trait Identified {
    fn id(&self) -> LineId;
    fn set_id(&mut self, id: LineId);
}

/// The identities of the lines of each list, in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineIds {
    pub metrics: Vec<LineId>,
    pub benefits: Vec<LineId>,
    pub costs: Vec<LineId>,
    pub risks: Vec<LineId>,
    pub kpis: Vec<LineId>,
}

/// Each list of lines, named as in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Metrics,
    Benefits,
    Costs,
    Risks,
    Kpis,
}

impl List {
    pub const ALL: [List; 5] = [List::Metrics, List::Benefits, List::Costs, List::Risks, List::Kpis];

    /// Where the list is in a file: `["baseline", "metrics"]`, `["costs"]`.
    pub fn file_path(self) -> &'static [&'static str] {
        match self {
            List::Metrics => &["baseline", "metrics"],
            List::Benefits => &["benefits"],
            List::Costs => &["costs"],
            List::Risks => &["risks"],
            List::Kpis => &["kpis"],
        }
    }
}

impl LineIds {
    pub fn of(&self, list: List) -> &[LineId] {
        match list {
            List::Metrics => &self.metrics,
            List::Benefits => &self.benefits,
            List::Costs => &self.costs,
            List::Risks => &self.risks,
            List::Kpis => &self.kpis,
        }
    }
}

fn ids<L: Identified>(lines: &[L]) -> Vec<LineId> {
    lines.iter().map(Identified::id).collect()
}

/// Gives `lines` the identities of `from`, position by position (a value edited in place).
fn adopt<L: Identified>(lines: &mut [L], from: &[L]) {
    for (line, model) in lines.iter_mut().zip(from) {
        line.set_id(model.id());
    }
}

impl super::Project {
    /// The identities of every line, list by list.
    pub fn line_ids(&self) -> LineIds {
        LineIds {
            metrics: self.baseline.as_ref().map(|b| ids(&b.metrics)).unwrap_or_default(),
            benefits: ids(&self.benefits),
            costs: ids(&self.costs),
            risks: ids(&self.risks),
            kpis: ids(&self.kpis),
        }
    }

    /// Takes the identities of `from`'s lines, position by position: for a project re-read
    /// after one value of `from` was changed, so that each line stays itself.
    pub fn adopt_identities(&mut self, from: &super::Project) {
        if let (Some(mine), Some(theirs)) = (self.baseline.as_mut(), from.baseline.as_ref()) {
            adopt(&mut mine.metrics, &theirs.metrics);
        }
        adopt(&mut self.benefits, &from.benefits);
        adopt(&mut self.costs, &from.costs);
        adopt(&mut self.risks, &from.risks);
        adopt(&mut self.kpis, &from.kpis);
    }
}

macro_rules! identified {
    ($($line:ty),+) => {
        $(impl Identified for $line {
            fn id(&self) -> LineId {
                self.id
            }
            fn set_id(&mut self, id: LineId) {
                self.id = id;
            }
        })+
    };
}

identified!(
    super::project::BaselineMetric,
    super::project::Benefit,
    super::project::Cost,
    super::project::Risk,
    super::project::Kpi
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::{Cost, Project};

    #[test]
    fn identities_are_unique_and_not_content() {
        let (a, b) = (LineId::fresh(), LineId::fresh());
        assert!(!a.is(b));
        assert!(a.is(a));
        assert_eq!(Cost { id: a, ..Cost::default() }, Cost { id: b, ..Cost::default() });
    }

    #[test]
    fn adopting_keeps_each_line_itself() {
        let mut project = Project::named("P");
        project.costs = vec![Cost::default(), Cost::default()];
        let mut reread = project.clone();
        for cost in &mut reread.costs {
            cost.id = LineId::fresh();
        }
        reread.adopt_identities(&project);
        let ids = reread.line_ids();
        assert!(ids.costs.iter().zip(&project.line_ids().costs).all(|(a, b)| a.is(*b)));
    }
}
