//! Automatic, rotating backups kept beside the store in `<store>.backups/`: written with the
//! online backup API and verified before older ones are rotated out, so a failed backup never
//! costs a good one.

use super::backup::{BackupInfo, backup_to};
use super::error::{Result, StoreError};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// How many automatic backups are kept unless the caller says otherwise.
pub const DEFAULT_KEEP: usize = 10;

/// A backup found in a store's backup folder.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct BackupEntry {
    /// The file.
    pub path: PathBuf,
    /// Why it was written (`daily`, `before-merge`, `before-import`, `before-restore`,
    /// `before-migration`, `manual`).
    pub reason: String,
    /// When, as `YYYYMMDDTHHMMSSZ` (UTC), from the file name.
    pub stamp: String,
    /// Size in bytes.
    pub bytes: u64,
}

/// The folder holding the automatic backups of the store at `store`.
pub fn backup_dir(store: &Path) -> PathBuf {
    let mut name = store
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".backups");
    store.with_file_name(name)
}

/// Writes a verified backup of `conn` (the store at `store`) for `reason`, then deletes the
/// oldest automatic backups beyond `keep`.
pub(crate) fn rotate(
    conn: &Connection,
    store: &Path,
    reason: &str,
    keep: usize,
) -> Result<BackupInfo> {
    let dir = backup_dir(store);
    std::fs::create_dir_all(&dir).map_err(|source| StoreError::Io {
        path: dir.clone(),
        source,
    })?;
    restrict_folder(&dir);
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let mut dest = dir.join(format!("{stamp}-{reason}.marsad"));
    let mut n = 1;
    while dest.exists() {
        n += 1;
        dest = dir.join(format!("{stamp}-{reason}-{n}.marsad"));
    }
    let info = backup_to(conn, &dest)?;
    for old in list(store)?.into_iter().skip(keep.max(1)) {
        if let Err(e) = std::fs::remove_file(&old.path) {
            log::warn!("could not rotate out {}: {e}", old.path.display());
        }
    }
    Ok(info)
}

/// The backups of the store at `store`, newest first.
pub fn list(store: &Path) -> Result<Vec<BackupEntry>> {
    let dir = backup_dir(store);
    let read = match std::fs::read_dir(&dir) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(StoreError::Io { path: dir, source }),
    };
    let mut out: Vec<BackupEntry> = read
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| parse_entry(&entry.path()))
        .collect();
    out.sort_by(|a, b| b.stamp.cmp(&a.stamp).then(b.path.cmp(&a.path)));
    Ok(out)
}

/// Reads a backup's date and reason from its name (`20261123T014455Z-before-merge.marsad`).
fn parse_entry(path: &Path) -> Option<BackupEntry> {
    if path.extension()? != "marsad" {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    let (stamp, reason) = stem.split_once('-')?;
    let well_formed =
        stamp.len() == 16 && stamp.ends_with('Z') && stamp.as_bytes().get(8) == Some(&b'T');
    if !well_formed {
        return None;
    }
    let bytes = std::fs::metadata(path).ok()?.len();
    Some(BackupEntry {
        path: path.to_owned(),
        reason: reason.to_owned(),
        stamp: stamp.to_owned(),
        bytes,
    })
}

/// Whether the newest backup is older than a day (or there is none): time for a daily one.
pub fn daily_due(store: &Path) -> Result<bool> {
    let today = jiff::Timestamp::now().strftime("%Y%m%d").to_string();
    Ok(list(store)?
        .first()
        .is_none_or(|b| b.stamp.get(..8) != Some(today.as_str())))
}

#[cfg(unix)]
fn restrict_folder(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
}

#[cfg(not(unix))]
fn restrict_folder(_dir: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_give_date_and_reason_and_strangers_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("20261123T014455Z-before-merge.marsad");
        std::fs::write(&good, b"x").unwrap();
        let e = parse_entry(&good).unwrap();
        assert_eq!(e.reason, "before-merge");
        assert_eq!(e.stamp, "20261123T014455Z");
        assert_eq!(e.bytes, 1);
        for stranger in ["notes.txt", "backup.marsad", "2026-before.marsad"] {
            let p = dir.path().join(stranger);
            std::fs::write(&p, b"x").unwrap();
            assert!(parse_entry(&p).is_none(), "{stranger}");
        }
    }

    #[test]
    fn rotation_keeps_the_newest_and_verifies_each() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("s.marsad");
        let mut conn = Connection::open(&store).unwrap();
        super::super::migrations::migrate(&mut conn, &store).unwrap();
        for _ in 0..4 {
            rotate(&conn, &store, "manual", 3).unwrap();
        }
        let kept = list(&store).unwrap();
        assert_eq!(kept.len(), 3);
        for b in &kept {
            let c = Connection::open(&b.path).unwrap();
            let v: i64 = c
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap();
            assert_eq!(v, super::super::CURRENT_VERSION);
        }
        assert!(!daily_due(&store).unwrap(), "a backup was written today");
    }
}
