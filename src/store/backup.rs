//! Online backups with SQLite's backup API, verified by reopening the copy.

use super::error::{Result, StoreError};
use super::open;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A backup that was written and verified.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct BackupInfo {
    /// Where it is.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
}

pub(crate) fn backup_to(conn: &Connection, dest: &Path) -> Result<BackupInfo> {
    let io = |source| StoreError::Io {
        path: dest.to_owned(),
        source,
    };
    // Write beside the destination, verify, then rename: a crash never leaves a half backup
    // under the final name.
    let mut tmp_name = dest
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    tmp_name.push(".partial");
    let tmp = dest.with_file_name(tmp_name);
    let _ = std::fs::remove_file(&tmp);
    open::create_private_file(&tmp)?;
    {
        let mut target = Connection::open(&tmp)?;
        let backup = rusqlite::backup::Backup::new(conn, &mut target)?;
        backup.run_to_completion(256, Duration::from_millis(0), None)?;
    }
    let report = {
        let check = Connection::open_with_flags(&tmp, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        super::stats::check(&check, false)?
    };
    if !report.is_ok() {
        let _ = std::fs::remove_file(&tmp);
        return Err(StoreError::Corrupt(format!(
            "the backup failed its integrity check: {:?}",
            report
        )));
    }
    std::fs::rename(&tmp, dest).map_err(io)?;
    let bytes = std::fs::metadata(dest).map_err(io)?.len();
    Ok(BackupInfo {
        path: dest.to_owned(),
        bytes,
    })
}
