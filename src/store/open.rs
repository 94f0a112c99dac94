//! Opening a store file: recognising it, locking it, setting it up, migrating it.

use super::error::{Result, StoreError};
use super::migrations;
use rusqlite::{Connection, OpenFlags};
use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::Path;
use std::time::Duration;

/// `PRAGMA application_id` of a Marsad store ("MRSD").
pub const APPLICATION_ID: i64 = 0x4D52_5344;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Refuses, without writing, a file that is not an SQLite database.
pub(crate) fn check_file_header(path: &Path) -> Result<()> {
    let io = |source| StoreError::Io {
        path: path.to_owned(),
        source,
    };
    let mut file = File::open(path).map_err(io)?;
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]).map_err(io)? {
            0 => break,
            n => read += n,
        }
    }
    let not_a_store = |reason: &str| StoreError::NotAStore {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    if read == 0 {
        return Err(not_a_store("the file is empty"));
    }
    if read < header.len() || &header != SQLITE_MAGIC {
        let reason = if header.starts_with(b"PK") {
            "it is a zip archive (a DOCX or an export?), not a database"
        } else {
            "it is not an SQLite database"
        };
        return Err(not_a_store(reason));
    }
    Ok(())
}

/// Creates an empty file readable only by its owner, so that SQLite's files inherit that mode.
pub(crate) fn create_private_file(path: &Path) -> Result<()> {
    let io = |source| StoreError::Io {
        path: path.to_owned(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map_err(io)?;
    Ok(())
}

/// Opens a connection with the store's settings, recognising the file before anything is written.
pub(crate) fn connect(path: &Path, read_only: bool) -> Result<Connection> {
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    identify(&conn, path)?;
    migrations::check_not_newer(&conn, path)?;
    if !read_only {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(conn)
}

/// Tells a Marsad store from another application's SQLite file (or a damaged one).
fn identify(conn: &Connection, path: &Path) -> Result<()> {
    let not_a_store = |reason: String| StoreError::NotAStore {
        path: path.to_owned(),
        reason,
    };
    let app_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => {
                not_a_store("it is not an SQLite database".into())
            }
            _ => StoreError::from(e),
        })?;
    if app_id == APPLICATION_ID {
        return Ok(());
    }
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    if app_id == 0 && tables == 0 {
        return Ok(()); // a blank database: it becomes a store when migrated
    }
    Err(not_a_store(format!(
        "it is an SQLite database of another application (application id {app_id:#x}, {tables} schema objects)"
    )))
}

/// The advisory lock that keeps a second Marsad process from writing the same store.
#[derive(Debug)]
pub(crate) struct StoreLock {
    _file: File,
}

/// Takes the lock beside `path`, or says the store is in use.
pub(crate) fn lock(path: &Path) -> Result<StoreLock> {
    let lock_path = lock_path(path);
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(|source| StoreError::Io {
            path: lock_path.clone(),
            source,
        })?;
    match file.try_lock() {
        Ok(()) => Ok(StoreLock { _file: file }),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked {
            path: path.to_owned(),
        }),
        Err(std::fs::TryLockError::Error(source)) => Err(StoreError::Io {
            path: lock_path,
            source,
        }),
    }
}

/// The lock file that goes with a store.
pub fn lock_path(path: &Path) -> std::path::PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    path.with_file_name(name)
}
