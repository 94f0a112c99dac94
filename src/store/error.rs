//! Errors from the store, split by whose fault they are: the user's input or the program.

use crate::model::{DatasetProblem, ValidationError};
use std::path::PathBuf;

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not a Marsad store.
    #[error("{path} is not a Marsad store: {reason}")]
    NotAStore {
        /// The file.
        path: PathBuf,
        /// Why it was refused.
        reason: String,
    },
    /// The store was written by a newer Marsad.
    #[error(
        "{path} was written by a newer Marsad (schema version {found}, this version reads up to {supported}); it was not modified"
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The schema version found.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// Another Marsad window or process holds the store.
    #[error(
        "{path} is open in another Marsad window or process; close it there, or open this store read-only"
    )]
    Locked {
        /// The file.
        path: PathBuf,
    },
    /// The store's file or folder may not be written; it can be opened read-only.
    #[error("{path} cannot be changed ({reason}); it can only be opened read-only")]
    NotWritable {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The store's file was moved or deleted while it was open.
    #[error(
        "{path} was moved or deleted while Marsad had it open; nothing was written. Put it back, or open it where it is now"
    )]
    Vanished {
        /// Where the store was opened.
        path: PathBuf,
    },
    /// The store was opened read-only.
    #[error("this store is open read-only; nothing was changed")]
    ReadOnly,
    /// The disk (or the store's size limit) is full.
    #[error("the disk is full; nothing was changed — free some space and try again")]
    DiskFull,
    /// A record failed validation.
    #[error("{0}")]
    Invalid(#[from] ValidationError),
    /// A set of records failed validation.
    #[error("{} problem(s), first: {}", .0.len(), .0.first().map(ToString::to_string).unwrap_or_default())]
    InvalidDataset(Vec<DatasetProblem>),
    /// A record that should exist does not.
    #[error("{what} {id} does not exist")]
    NotFound {
        /// Which kind of record.
        what: &'static str,
        /// Its id.
        id: String,
    },
    /// A link that already exists.
    #[error("{0}")]
    Conflict(String),
    /// Reading or writing a file beside the store.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// A row in the store that this version cannot read (damaged or edited by hand).
    #[error("the store holds a value this version cannot read: {0}")]
    Corrupt(String),
    /// The user cancelled; nothing was written.
    #[error("cancelled; nothing was changed")]
    Cancelled,
    /// Any other SQLite error.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl StoreError {
    /// Whether the error is the user's to fix (bad input, wrong file) rather than a bug.
    pub fn is_user_error(&self) -> bool {
        !matches!(self, Self::Sqlite(_) | Self::Corrupt(_))
    }

    /// Whether SQLite found the store's file damaged (rather than a query or a value failing).
    pub fn is_corruption(&self) -> bool {
        matches!(self, Self::Sqlite(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt))
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => Self::DiskFull,
            Some(ErrorCode::ReadOnly) => Self::ReadOnly,
            _ => Self::Sqlite(e),
        }
    }
}

/// Result of a store operation.
pub type Result<T> = std::result::Result<T, StoreError>;
