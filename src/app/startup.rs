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
        Ok(store) => Ok((store, Opened::Existing)),
        Err(StoreError::Locked { .. }) => Ok((Store::open_read_only(path)?, Opened::ReadOnlyInUse)),
        Err(e) => Err(e.into()),
    }
}
