//! Opening the store the app starts on: create and seed it on first start, say what happened.

use crate::sample;
use crate::store::{Store, StoreError};
use std::path::Path;

/// What happened when the store was opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    /// An existing store, read-write.
    Existing,
    /// A new store, seeded with the sample (first start).
    CreatedWithSample {
        /// Records written.
        records: u64,
    },
    /// An existing store in use by another process, opened read-only.
    ReadOnlyInUse,
}

/// Why the app could not open a store.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// The store refused to open.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The bundled sample could not be loaded.
    #[error(transparent)]
    Sample(#[from] sample::SampleError),
    /// The store failed SQLite's quick check. It is left exactly as it is.
    #[error(
        "{path} is damaged ({problem}); it was left untouched. {advice}",
        path = path.display()
    )]
    Damaged {
        /// The store.
        path: std::path::PathBuf,
        /// The first problem SQLite reported.
        problem: String,
        /// What the user can do: the newest backup and how to restore it.
        advice: String,
    },
}

/// Opens `path`; a missing file becomes a new store seeded with the sample. A store held by another
/// Marsad process is opened read-only rather than refused.
pub fn open_store(path: &Path) -> Result<(Store, Opened), StartupError> {
    let first_start = !path.exists();
    match Store::open(path) {
        Ok(mut store) if first_start => {
            let summary = sample::load(&mut store)?;
            Ok((
                store,
                Opened::CreatedWithSample {
                    records: summary.written(),
                },
            ))
        }
        Ok(store) => {
            check_on_start(&store)?;
            daily_backup(&store);
            Ok((store, Opened::Existing))
        }
        Err(StoreError::Locked { .. }) => Ok((Store::open_read_only(path)?, Opened::ReadOnlyInUse)),
        Err(e) => Err(e.into()),
    }
}

/// `PRAGMA quick_check` on start: a damaged store is reported, never silently replaced.
fn check_on_start(store: &Store) -> Result<(), StartupError> {
    let report = store.quick_check()?;
    if report.is_ok() {
        return Ok(());
    }
    let problem = format!("{report:?}");
    let advice = match store.backups().ok().and_then(|b| b.into_iter().next()) {
        Some(b) => format!(
            "The newest backup is {} ({}, {}); anything changed after it would be lost. To \
             restore it: marsad --db {} restore {} --yes",
            b.path.display(),
            b.stamp,
            b.reason,
            store.path().display(),
            b.path.display()
        ),
        None => "No automatic backup was found beside it.".to_owned(),
    };
    Err(StartupError::Damaged {
        path: store.path().to_owned(),
        problem,
        advice,
    })
}

/// Writes the day's automatic backup if none was written today; a failure is logged, not
/// fatal: the user's work goes on, and the next start tries again.
fn daily_backup(store: &Store) {
    if store.is_read_only() {
        return;
    }
    match crate::store::rotation::daily_due(store.path()) {
        Ok(true) => match store.auto_backup("daily") {
            Ok(info) => log::info!("daily backup written: {}", info.path.display()),
            Err(e) => log::warn!("daily backup failed: {e}"),
        },
        Ok(false) => {}
        Err(e) => log::warn!("could not list backups: {e}"),
    }
}
