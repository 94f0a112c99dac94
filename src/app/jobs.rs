//! Background jobs (imports, exports) with progress and cancel; the UI thread never waits on them.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;

/// Progress shared between a job and the UI.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
    cancel: AtomicBool,
}

impl Progress {
    /// Records progress; returns `false` once the user asked to cancel.
    pub fn update(&self, done: u64, total: u64) -> bool {
        self.done.store(done, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        !self.cancel.load(Ordering::Relaxed)
    }

    /// Fraction done, 0–1 (0 while the total is unknown).
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            0.0
        } else {
            self.done.load(Ordering::Relaxed) as f32 / total as f32
        }
    }

    /// Asks the job to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether cancel was asked.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// What a finished job reports: a message for the status bar, and whether the store changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobOutcome {
    /// What to tell the user.
    pub message: String,
    /// Whether it failed.
    pub failed: bool,
    /// Whether the store's content changed (views must refresh).
    pub changed_store: bool,
}

/// A running job.
pub struct Job {
    /// What it does, for the status bar.
    pub label: String,
    /// Its progress.
    pub progress: Arc<Progress>,
    handle: Option<JoinHandle<JobOutcome>>,
}

impl Job {
    /// Starts `work` on its own thread.
    pub fn spawn(
        label: String,
        work: impl FnOnce(&Progress) -> JobOutcome + Send + 'static,
    ) -> Self {
        let progress = Arc::new(Progress::default());
        let p = progress.clone();
        let handle = std::thread::Builder::new()
            .name("marsad-job".into())
            .spawn(move || work(&p))
            .map_err(|e| log::error!("could not start a job thread: {e}"))
            .ok();
        Self {
            label,
            progress,
            handle,
        }
    }

    /// The outcome once the job has finished; `None` while it runs.
    pub fn try_finish(&mut self) -> Option<JobOutcome> {
        let finished = self.handle.as_ref().is_none_or(|h| h.is_finished());
        if !finished {
            return None;
        }
        Some(match self.handle.take().map(JoinHandle::join) {
            Some(Ok(outcome)) => outcome,
            Some(Err(_)) => JobOutcome {
                message: format!("{}: the job failed unexpectedly", self.label),
                failed: true,
                changed_store: false,
            },
            None => JobOutcome {
                message: format!("{}: the job could not start", self.label),
                failed: true,
                changed_store: false,
            },
        })
    }

    /// Waits for the job (tests, shutdown).
    pub fn wait(mut self) -> JobOutcome {
        loop {
            if let Some(o) = self.try_finish() {
                return o;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
}
