//! Counts and integrity checks.

use super::bulk::EVENT_SUMMARY;
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
    let mut integrity: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter(|l| l != "ok")
        .collect();
    if !quick {
        integrity.extend(stale_summaries(conn)?);
    }
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

/// Events whose stored source count or best grade (kept by the v004 triggers) differs from
/// what their evidence says now: the table would show and sort by wrong figures.
fn stale_summaries(conn: &Connection) -> Result<Vec<String>> {
    // A backup written before the upgrade to v004 is checked too, and has no summaries.
    let has_summaries: bool = conn.query_row(
        "SELECT count(*) FROM pragma_table_info('event') WHERE name = 'source_count'",
        [],
        |r| r.get::<_, i64>(0).map(|n| n > 0),
    )?;
    if !has_summaries {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT e.n, e.source_count, coalesce(e.best_grade, '-') FROM event e \
         WHERE (e.source_count, e.best_grade) IS NOT ({EVENT_SUMMARY})"
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok(format!(
            "event row {}: stored source count {} / best grade {} no longer match its evidence",
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_full_check_finds_a_stale_event_summary() {
        let mut c = Connection::open_in_memory().unwrap();
        super::super::migrations::migrate(&mut c, std::path::Path::new(":memory:")).unwrap();
        c.execute(
            "INSERT INTO event (id, kind) VALUES (randomblob(16), 'arrest')",
            [],
        )
        .unwrap();
        assert!(check(&c, false).unwrap().is_ok());
        c.execute("UPDATE event SET source_count = 2", []).unwrap();
        let report = check(&c, false).unwrap();
        assert_eq!(report.integrity.len(), 1, "{report:?}");
        assert!(report.integrity[0].contains("source count 2"), "{report:?}");
        assert!(check(&c, true).unwrap().is_ok(), "the quick check skips it");
    }
}
