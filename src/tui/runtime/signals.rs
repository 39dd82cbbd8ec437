//! SIGHUP and SIGTERM, noticed between frames.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// SIGHUP (the SSH connection dropped) and SIGTERM end the session cleanly.
pub(super) struct Signals {
    hangup: Arc<AtomicBool>,
    terminate: Arc<AtomicBool>,
}

impl Signals {
    pub(super) fn register() -> anyhow::Result<Self> {
        let hangup = Arc::new(AtomicBool::new(false));
        let terminate = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        signal_hook::flag::register(signal_hook::consts::SIGHUP, Arc::clone(&hangup))?;
        signal_hook::flag::register(signal_hook::consts::SIGTERM, Arc::clone(&terminate))?;
        Ok(Self { hangup, terminate })
    }

    pub(super) fn received(&self) -> Option<u8> {
        if self.hangup.load(Ordering::Relaxed) {
            Some(1)
        } else if self.terminate.load(Ordering::Relaxed) {
            Some(15)
        } else {
            None
        }
    }
}
