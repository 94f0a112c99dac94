//! Big writes (a file import, `marsad generate`): the same transaction as any write, with the
//! per-row work that only matters at the end done once at the end.
//!
//! The v004 trigger `evidence_summary_insert` recomputes an event's source count and best grade
//! for every evidence link written: for 150,000 links that is 150,000 joins over the event's
//! evidence, most of them repeated for the same event. While a bulk write runs, the trigger is
//! set aside and a temporary trigger only notes which events and participations were cited;
//! their summaries are recomputed in one statement before the commit, and the trigger is put
//! back from its own stored SQL. All of it is inside the write transaction, so a failed or
//! cancelled write rolls the trigger back with everything else, and other connections never
//! see the store without it.
//!
//! A bulk writer should write evidence links after the records whose text is indexed. FTS5
//! writes the index entries it holds in memory to disk whenever a statement opens a statement
//! savepoint, which any statement firing a trigger does: evidence written between events made
//! one tiny index segment per event, and merging them was a third of `generate`'s time.

use super::error::Result;
use rusqlite::{Connection, OptionalExtension};

/// The trigger a bulk write sets aside.
const TRIGGER: &str = "evidence_summary_insert";

/// The page cache of a bulk write, in KiB (negative: a size, as `PRAGMA cache_size` takes it).
/// A large import touches every index of six tables and the full-text index at random pages;
/// with the normal 32 MiB the transaction spills dirty pages to the WAL and reads them back.
/// The cache only grows as pages are used, and shrinks back after the write.
const BULK_CACHE_SIZE: i64 = -256 * 1024;

/// The summary columns of the event aliased `e`, computed from its evidence: the excerpts cited
/// for the event itself or for one of its participations, their sources and grades.
pub(crate) const EVENT_SUMMARY: &str = "SELECT count(DISTINCT x.source_id), min(s.reliability) \
     FROM excerpt x JOIN source s ON s.id = x.source_id \
     WHERE x.id IN ( \
       SELECT excerpt_id FROM evidence WHERE event_id = e.id \
       UNION ALL \
       SELECT v.excerpt_id FROM evidence v JOIN participation p ON p.id = v.participation_id \
       WHERE p.event_id = e.id)";

/// What [`begin`] set aside, for [`finish`] to restore.
pub(crate) struct Bulk {
    /// The stored `CREATE TRIGGER` statement, or `None` in a store without it.
    trigger_sql: Option<String>,
}

/// Sets the store up for a bulk write. Call inside the write transaction.
pub(crate) fn begin(conn: &Connection) -> Result<Bulk> {
    conn.pragma_update(None, "cache_size", BULK_CACHE_SIZE)?;
    set_fts_hash(conn, BULK_FTS_HASH)?;
    let trigger_sql: Option<String> = conn
        .query_row(
            "SELECT sql FROM main.sqlite_master WHERE type = 'trigger' AND name = ?1",
            [TRIGGER],
            |r| r.get(0),
        )
        .optional()?;
    if trigger_sql.is_some() {
        conn.execute_batch(&format!(
            "DROP TRIGGER main.{TRIGGER};
             CREATE TEMP TABLE bulk_cited (event_id BLOB, participation_id BLOB);
             CREATE TEMP TRIGGER bulk_evidence_insert AFTER INSERT ON main.evidence
             WHEN NEW.event_id IS NOT NULL OR NEW.participation_id IS NOT NULL
             BEGIN
                 INSERT INTO bulk_cited VALUES (NEW.event_id, NEW.participation_id);
             END;"
        ))?;
    }
    Ok(Bulk { trigger_sql })
}

/// How much FTS5 keeps in memory before it writes a segment, during a bulk write and otherwise
/// (FTS5's own default). Fewer, larger segments leave less for automerge to rewrite.
const BULK_FTS_HASH: i64 = 64 * 1024 * 1024;
const FTS_HASH: i64 = 1024 * 1024;

fn set_fts_hash(conn: &Connection, bytes: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', ?1)",
        [bytes],
    )?;
    Ok(())
}

/// Brings the cited events' summaries up to date and puts the trigger back. Call inside the
/// write transaction, after the last record and before the commit.
pub(crate) fn finish(conn: &Connection, bulk: Bulk) -> Result<()> {
    if let Some(sql) = bulk.trigger_sql {
        conn.execute_batch(&format!(
            "UPDATE main.event AS e SET (source_count, best_grade) = ({EVENT_SUMMARY})
             WHERE e.id IN (
                 SELECT event_id FROM temp.bulk_cited WHERE event_id IS NOT NULL
                 UNION
                 SELECT p.event_id FROM main.participation p
                 JOIN temp.bulk_cited c ON p.id = c.participation_id);
             DROP TRIGGER temp.bulk_evidence_insert;
             DROP TABLE temp.bulk_cited;
             {sql};"
        ))?;
    }
    set_fts_hash(conn, FTS_HASH)
}

/// Gives the connection its normal page cache back (also after a failed bulk write).
pub(crate) fn restore_cache(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "cache_size", super::open::CACHE_SIZE)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triggers(conn: &Connection) -> Vec<(String, String)> {
        let mut stmt = conn
            .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn the_trigger_comes_back_exactly_as_it_was() {
        let store = crate::store::Store::in_memory().unwrap();
        let conn = &store.conn;
        let before = triggers(conn);
        assert!(before.iter().any(|(n, _)| n == TRIGGER));
        conn.execute_batch("BEGIN").unwrap();
        let bulk = begin(conn).unwrap();
        assert!(!triggers(conn).iter().any(|(n, _)| n == TRIGGER));
        finish(conn, bulk).unwrap();
        conn.execute_batch("COMMIT").unwrap();
        assert_eq!(triggers(conn), before);
        let temp: i64 = conn
            .query_row("SELECT count(*) FROM temp.sqlite_master", [], |r| r.get(0))
            .unwrap();
        assert_eq!(temp, 0, "nothing temporary is left behind");
        let hash: i64 = conn
            .query_row(
                "SELECT v FROM search_fts_config WHERE k = 'hashsize'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(hash, FTS_HASH);
    }

    #[test]
    fn a_rolled_back_bulk_write_leaves_the_trigger_in_place() {
        let store = crate::store::Store::in_memory().unwrap();
        let conn = &store.conn;
        let before = triggers(conn);
        conn.execute_batch("BEGIN").unwrap();
        begin(conn).unwrap();
        conn.execute_batch("ROLLBACK").unwrap();
        assert_eq!(triggers(conn), before);
    }

    fn summaries(store: &crate::store::Store) -> Vec<(Vec<u8>, i64, Option<String>)> {
        let mut stmt = store
            .conn
            .prepare("SELECT id, source_count, best_grade FROM event ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn a_bulk_import_leaves_the_same_summaries_as_the_trigger_would() {
        let d = crate::sample::dataset().unwrap();
        let mut by_row = crate::store::Store::in_memory().unwrap();
        by_row.write(|w| w.import(&d)).unwrap();
        let mut bulk = crate::store::Store::in_memory().unwrap();
        bulk.write_bulk(|w| w.import(&d)).unwrap();
        let expected = summaries(&by_row);
        assert!(expected.iter().filter(|(_, n, _)| *n > 0).count() > 3);
        assert!(expected.iter().any(|(_, _, g)| g.is_some()));
        assert_eq!(summaries(&bulk), expected);
        let report = bulk.check().unwrap();
        assert!(report.integrity.is_empty(), "{:?}", report.integrity);
    }

    #[test]
    fn a_failed_bulk_write_changes_nothing_and_keeps_the_trigger() {
        let mut store = crate::store::Store::in_memory().unwrap();
        let before = triggers(&store.conn);
        let d = crate::sample::dataset().unwrap();
        let failed: Result<()> = store.write_bulk(|w| {
            w.import(&d)?;
            Err(crate::store::StoreError::Cancelled)
        });
        assert!(failed.is_err());
        assert_eq!(triggers(&store.conn), before);
        assert!(summaries(&store).is_empty());
        let cache: i64 = store
            .conn
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .unwrap();
        assert_eq!(cache, crate::store::open::CACHE_SIZE);
    }
}
