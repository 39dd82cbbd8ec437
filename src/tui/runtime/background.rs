//! Long work off the input thread: a Monte Carlo run, tagged with the revision of the inputs
//! it draws on, reporting its progress.

use super::super::action::Action;
use super::super::app::Revision;
use crate::domain::montecarlo::{MonteCarlo, Simulation, simulate};
use crate::domain::{Drivers, Project};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

/// A Monte Carlo run drawing on other threads while the interface stays live.
pub(super) struct Background {
    done: Arc<AtomicUsize>,
    reported: usize,
    result: mpsc::Receiver<MonteCarlo>,
    /// The inputs the run draws on; its result is for them only.
    revision: Revision,
}

impl Background {
    pub(super) fn start(
        project: Project,
        drivers: Drivers,
        simulation: Simulation,
        revision: Revision,
    ) -> Self {
        let done = Arc::new(AtomicUsize::new(0));
        let (sender, result) = mpsc::channel();
        let counter = Arc::clone(&done);
        std::thread::spawn(move || {
            let run = simulate(&project, &drivers, simulation, &|n| counter.store(n, Ordering::Relaxed));
            // The receiver is gone only if the workbench quit meanwhile.
            let _ = sender.send(run);
        });
        Self { done, reported: 0, result, revision }
    }

    /// Progress to report, or the finished run.
    pub(super) fn poll(&mut self) -> Option<Action> {
        if let Ok(run) = self.result.try_recv() {
            return Some(Action::SimulationDone { run: Box::new(run), revision: self.revision });
        }
        let done = self.done.load(Ordering::Relaxed);
        (done != self.reported).then(|| {
            self.reported = done;
            Action::SimulationProgress(done)
        })
    }
}
