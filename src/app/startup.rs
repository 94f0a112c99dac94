//! Opening the store the app starts on: create and seed it on first start, say what happened.

use crate::sample;
use crate::store::{BackupEntry, Stats, Store, StoreError};
use std::path::{Path, PathBuf};

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
    /// An existing store whose file or folder is write-protected, opened read-only.
    ReadOnlyProtected,
    /// A backup, opened read-only to look at (File → Backups).
    ReadOnlyBackup,
    /// The store failed its check at start-up; the app runs on an empty in-memory store and
    /// offers to restore a backup. The damaged file has not been touched.
    Damaged(Box<RescueOffer>),
}

/// What the app tells and offers the user when the store it starts on is damaged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RescueOffer {
    /// The damaged store.
    pub path: PathBuf,
    /// The first problems SQLite reported.
    pub problem: String,
    /// The newest backup that passes its integrity check, if any.
    pub backup: Option<BackupEntry>,
    /// What that backup holds.
    pub backup_stats: Option<Stats>,
    /// What the damaged store claims to hold, when it can still be counted.
    pub damaged_stats: Option<Stats>,
}

impl RescueOffer {
    /// Looks at the damaged store at `path` and its backups, newest first, without writing.
    pub fn new(path: &Path, problem: String) -> Self {
        let good = crate::store::rotation::list(path)
            .unwrap_or_default()
            .into_iter()
            .find_map(|b| {
                let store = Store::open_read_only(&b.path).ok()?;
                if !store.check().ok()?.is_ok() {
                    return None;
                }
                let stats = store.stats().ok()?;
                Some((b, stats))
            });
        let damaged_stats = Store::open_read_only(path).and_then(|s| s.stats()).ok();
        let (backup, backup_stats) = match good {
            Some((b, s)) => (Some(b), Some(s)),
            None => (None, None),
        };
        Self {
            path: path.to_owned(),
            problem,
            backup,
            backup_stats,
            damaged_stats,
        }
    }
}

/// [`open_store_with`] for the app's window: a damaged store does not stop the app. It starts
/// on an empty in-memory store with [`Opened::Damaged`], which explains and offers the newest
/// good backup; nothing is restored unless the user says so.
pub fn open_or_offer_rescue(
    path: &Path,
    check_up_to: u64,
) -> Result<(Store, Opened, Option<DeferredCheck>), StartupError> {
    match open_store_with(path, check_up_to) {
        Err(StartupError::Damaged { path, problem, .. }) => {
            let offer = RescueOffer::new(&path, problem);
            Ok((Store::in_memory()?, Opened::Damaged(Box::new(offer)), None))
        }
        other => other,
    }
}

/// The start-up check and daily backup of a large store, on a thread of their own. The app
/// works meanwhile; if the check finds damage, the app turns to the rescue as if the store
/// had failed before the window opened (see [`crate::app::AppState::poll_jobs`]).
#[derive(Debug)]
pub struct DeferredCheck {
    handle: Option<std::thread::JoinHandle<Option<RescueOffer>>>,
}

impl DeferredCheck {
    /// Starts checking `store` on a second connection.
    pub fn start(store: &Store) -> Result<Self, StartupError> {
        let store = store.reopen_for_scan()?;
        let handle = std::thread::Builder::new()
            .name("marsad-startup-check".into())
            .spawn(move || match check_on_start(&store) {
                Ok(()) => {
                    daily_backup(&store);
                    None
                }
                Err(StartupError::Damaged { path, problem, .. }) => {
                    Some(RescueOffer::new(&path, problem))
                }
                Err(e) => {
                    log::warn!("{}: start-up check failed: {e}", store.path().display());
                    None
                }
            })
            .map_err(|e| StoreError::Io {
                path: PathBuf::from("marsad-startup-check"),
                source: e,
            })?;
        Ok(Self {
            handle: Some(handle),
        })
    }

    /// `None` while the check runs; then `Some(None)` for a sound store, `Some(Some(offer))`
    /// for a damaged one.
    pub fn try_finish(&mut self) -> Option<Option<RescueOffer>> {
        if !self.handle.as_ref().is_some_and(|h| h.is_finished()) {
            return None;
        }
        let outcome = self.handle.take()?.join();
        Some(outcome.unwrap_or_else(|_| {
            log::warn!("the start-up check stopped unexpectedly");
            None
        }))
    }
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

/// Stores up to this size are checked (`PRAGMA quick_check`, which reads every page) and
/// backed up for the day before the window opens; a bigger one after, in the background (see
/// [`DeferredCheck`]): on an 855 MB store the two took 13 s, and over a minute on the day's
/// first start, before anything was on screen.
pub const CHECK_BEFORE_WINDOW_UP_TO: u64 = 64 << 20;

/// Opens `path`; a missing file becomes a new store seeded with the sample. A store held by another
/// Marsad process is opened read-only rather than refused.
pub fn open_store(path: &Path) -> Result<(Store, Opened), StartupError> {
    let (store, opened, deferred) = open_store_with(path, u64::MAX)?;
    debug_assert!(deferred.is_none());
    Ok((store, opened))
}

/// [`open_store`] for the window: a store bigger than `check_up_to` bytes opens at once and
/// comes with the [`DeferredCheck`] that checks and backs it up in the background.
pub fn open_store_with(
    path: &Path,
    check_up_to: u64,
) -> Result<(Store, Opened, Option<DeferredCheck>), StartupError> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > check_up_to {
        match Store::open(path) {
            Ok(store) => {
                let check = DeferredCheck::start(&store)?;
                return Ok((store, Opened::Existing, Some(check)));
            }
            Err(e) if e.is_corruption() => return Err(damaged(path, e.to_string(), None)),
            // Locked or write-protected: the usual path explains and opens it read-only.
            Err(_) => {}
        }
    }
    open_store_now(path).map(|(s, o)| (s, o, None))
}

fn open_store_now(path: &Path) -> Result<(Store, Opened), StartupError> {
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
        Err(e) if e.is_corruption() => Err(damaged(path, e.to_string(), None)),
        Err(StoreError::Locked { .. }) => Ok((Store::open_read_only(path)?, Opened::ReadOnlyInUse)),
        Err(StoreError::NotWritable { .. }) => {
            Ok((Store::open_read_only(path)?, Opened::ReadOnlyProtected))
        }
        Err(e) => Err(e.into()),
    }
}

/// `PRAGMA quick_check` on start: a damaged store is reported, never silently replaced.
fn check_on_start(store: &Store) -> Result<(), StartupError> {
    let problem = match store.quick_check() {
        Ok(report) if report.is_ok() => return Ok(()),
        Ok(report) => format!("{report:?}"),
        Err(e) if e.is_corruption() => e.to_string(),
        Err(e) => return Err(e.into()),
    };
    Err(damaged(store.path(), problem, store.backups().ok()))
}

/// The error for a damaged store, with the newest backup and how to restore it.
fn damaged(path: &Path, problem: String, backups: Option<Vec<BackupEntry>>) -> StartupError {
    let backups = backups.unwrap_or_else(|| crate::store::rotation::list(path).unwrap_or_default());
    let advice = match backups.into_iter().next() {
        Some(b) => format!(
            "The newest backup is {} ({}, {}); anything changed after it would be lost. To \
             restore it: marsad --db {} restore {} --yes",
            b.path.display(),
            b.stamp,
            b.reason,
            path.display(),
            b.path.display()
        ),
        None => "No automatic backup was found beside it.".to_owned(),
    };
    StartupError::Damaged {
        path: path.to_owned(),
        problem,
        advice,
    }
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
