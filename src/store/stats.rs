//! Counts and integrity checks.

use super::error::Result;
use rusqlite::Connection;

/// Number of records per table.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Events.
    pub events: u64,
    /// Actors.
    pub actors: u64,
    /// Sources.
    pub sources: u64,
    /// Excerpts.
    pub excerpts: u64,
    /// Participations.
    pub participations: u64,
    /// Relations.
    pub relations: u64,
    /// Evidence links.
    pub evidence: u64,
    /// Entries in the trash.
    pub trash: u64,
}

pub(crate) fn stats(conn: &Connection) -> Result<Stats> {
    let count = |table: &str| -> Result<u64> {
        // `table` is one of the constant names below.
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        Ok(n as u64)
    };
    Ok(Stats {
        events: count("event")?,
        actors: count("actor")?,
        sources: count("source")?,
        excerpts: count("excerpt")?,
        participations: count("participation")?,
        relations: count("relation")?,
        evidence: count("evidence")?,
        trash: count("trash")?,
    })
}

/// The outcome of SQLite's integrity checks.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct IntegrityReport {
    /// Lines of `integrity_check` (or `quick_check`) other than "ok".
    pub integrity: Vec<String>,
    /// Rows of `foreign_key_check`, as "table rowid → parent".
    pub foreign_keys: Vec<String>,
}

impl IntegrityReport {
    /// Whether both checks passed.
    pub fn is_ok(&self) -> bool {
        self.integrity.is_empty() && self.foreign_keys.is_empty()
    }
}

pub(crate) fn check(conn: &Connection, quick: bool) -> Result<IntegrityReport> {
    let pragma = if quick {
        "quick_check"
    } else {
        "integrity_check"
    };
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}"))?;
    let integrity: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter(|l| l != "ok")
        .collect();
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let foreign_keys = stmt
        .query_map([], |r| {
            Ok(format!(
                "{} row {} → {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or(-1),
                r.get::<_, String>(2)?
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(IntegrityReport {
        integrity,
        foreign_keys,
    })
}
