//! Recovering a damaged store from a backup without destroying the evidence: the damaged file
//! is renamed aside exactly as it is (with its WAL), and a verified copy of the backup takes its
//! place.

use super::backup::{BackupInfo, backup_to};
use super::error::{Result, StoreError};
use super::{open, stats};
use std::path::{Path, PathBuf};

/// What [`rescue`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rescued {
    /// Where the damaged store now is, byte for byte as it was.
    pub damaged_kept: PathBuf,
    /// The copy of the backup now at the store's path.
    pub restored: BackupInfo,
}

/// The side files SQLite keeps beside a store (they go with it when it is moved aside).
const SIDE_FILES: [&str; 2] = ["-wal", "-shm"];

/// Puts the backup at `backup` in place of the damaged store at `store`. The backup is checked
/// first (a damaged backup is refused and nothing moves); the damaged store and its side files
/// are renamed to `<store>.damaged-<UTC time>`; the backup is copied in with the online backup
/// API and verified. No other Marsad may have the store open.
pub fn rescue(store: &Path, backup: &Path) -> Result<Rescued> {
    open::check_file_header(backup)?;
    let src = open::connect(backup, true)?;
    let report = stats::check(&src, false)?;
    if !report.is_ok() {
        return Err(StoreError::Corrupt(format!(
            "{} failed its integrity check: {report:?}",
            backup.display()
        )));
    }
    let _lock = open::lock(store)?;
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let aside = with_suffix(store, &format!(".damaged-{stamp}"));
    move_file(store, &aside)?;
    for side in SIDE_FILES {
        let from = with_suffix(store, side);
        if from.exists() {
            move_file(&from, &with_suffix(&aside, side))?;
        }
    }
    match backup_to(&src, store) {
        Ok(restored) => Ok(Rescued {
            damaged_kept: aside,
            restored,
        }),
        Err(e) => {
            // Put the damaged store back rather than leave no store at all.
            if !store.exists() {
                let _ = std::fs::rename(&aside, store);
                for side in SIDE_FILES {
                    let _ = std::fs::rename(with_suffix(&aside, side), with_suffix(store, side));
                }
            }
            Err(e)
        }
    }
}

fn move_file(from: &Path, to: &Path) -> Result<()> {
    std::fs::rename(from, to).map_err(|source| StoreError::Io {
        path: from.to_owned(),
        source,
    })
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::super::Store;
    use super::*;

    #[test]
    fn the_damaged_file_is_kept_aside_and_the_backup_takes_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.marsad");
        let store = Store::open(&path).unwrap();
        let backup = store.auto_backup("manual").unwrap();
        drop(store);
        let damaged = b"SQLite format 3\0 but not really a database".to_vec();
        std::fs::write(&path, &damaged).unwrap();
        let done = rescue(&path, &backup.path).unwrap();
        assert_eq!(std::fs::read(&done.damaged_kept).unwrap(), damaged);
        let s = Store::open(&path).unwrap();
        assert!(s.check().unwrap().is_ok());
    }

    #[test]
    fn a_bad_backup_moves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.marsad");
        std::fs::write(&path, b"damaged").unwrap();
        let bad = dir.path().join("bad.marsad");
        std::fs::write(&bad, b"not a backup").unwrap();
        assert!(rescue(&path, &bad).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"damaged");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
