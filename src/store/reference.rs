//! What SQLite does on its own, for the benchmarks to compare the store's queries with.

use super::error::Result;
use super::search::{Query, matches};
use rusqlite::{Connection, params};

/// FTS5's own bm25 ranking of every match, `ORDER BY rank LIMIT n`, rowids only.
pub(super) fn raw_fts_ranked(conn: &Connection, query: &Query, limit: usize) -> Result<Vec<i64>> {
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let found = matches(
        conn,
        "SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ?1 ORDER BY rank LIMIT ?2",
        &query.to_fts(),
        None,
        limit,
    )?;
    Ok(found.into_iter().map(|(r, _)| r).collect())
}

/// Bare event rows in date order through the `event_start` index.
pub(super) fn events_page(conn: &Connection, offset: usize, limit: usize) -> Result<usize> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title_ar, title_en, start_date, kind FROM event \
         ORDER BY start_key, n LIMIT ?1 OFFSET ?2",
    )?;
    let mut rows = stmt.query(params![limit as i64, offset as i64])?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        let _: Vec<u8> = r.get(0)?;
        n += 1;
    }
    Ok(n)
}
