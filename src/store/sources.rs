//! Source and excerpt records.

use super::convert::{list_from_sql, list_to_sql};
use super::error::{Result, StoreError};
use super::search;
use crate::model::{Excerpt, Id, Reliability, Source};
use rusqlite::{Connection, OptionalExtension, Row, ToSql, params, params_from_iter};

const SOURCE_COLUMNS: &str = "id, kind, title, outlet, authors, language, published, url, accessed, reliability, notes, full_text";

fn source_from_row(r: &Row<'_>) -> rusqlite::Result<Source> {
    Ok(Source {
        id: r.get(0)?,
        kind: r.get(1)?,
        title: r.get(2)?,
        outlet: r.get(3)?,
        authors: list_from_sql(&r.get::<_, String>(4)?)?,
        language: r.get(5)?,
        published: r.get(6)?,
        url: r.get(7)?,
        accessed: r.get(8)?,
        reliability: r.get(9)?,
        notes: r.get(10)?,
        full_text: r.get(11)?,
    })
}

fn source_params(s: &Source) -> [Box<dyn ToSql + '_>; 13] {
    [
        Box::new(s.id),
        Box::new(s.kind),
        Box::new(&s.title),
        Box::new(&s.outlet),
        Box::new(list_to_sql(&s.authors)),
        Box::new(&s.language),
        Box::new(s.published),
        Box::new(s.published.map(|d| d.start_key())),
        Box::new(&s.url),
        Box::new(s.accessed),
        Box::new(s.reliability),
        Box::new(&s.notes),
        Box::new(&s.full_text),
    ]
}

/// Inserts a validated source with its search entry.
pub(crate) fn insert(conn: &Connection, s: &Source) -> Result<()> {
    s.validate()?;
    conn.prepare_cached(
        "INSERT INTO source (id, kind, title, outlet, authors, language, published, published_key, url, accessed, \
         reliability, notes, full_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params_from_iter(source_params(s).iter()))?;
    index_source(conn, conn.last_insert_rowid(), s)
}

/// Replaces a source's fields. Excerpts with ranges must still match a changed full text.
pub(crate) fn update(conn: &Connection, s: &Source) -> Result<()> {
    s.validate()?;
    let changed = conn
        .prepare_cached(
            "UPDATE source SET kind = ?2, title = ?3, outlet = ?4, authors = ?5, language = ?6, published = ?7, \
             published_key = ?8, url = ?9, accessed = ?10, reliability = ?11, notes = ?12, full_text = ?13 WHERE id = ?1",
        )?
        .execute(params_from_iter(source_params(s).iter()))?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: "source",
            id: s.id.to_string(),
        });
    }
    for x in excerpts_of(conn, s.id)? {
        x.validate(s.full_text.as_deref())?;
    }
    let n = rowid(conn, "source", s.id)?;
    search::remove(conn, search::Kind::Source, n)?;
    index_source(conn, n, s)
}

/// Adds a source's text to the search index.
pub(crate) fn index_source(conn: &Connection, n: i64, s: &Source) -> Result<()> {
    let mut parts: Vec<&str> = vec![&s.title];
    parts.extend(s.outlet.as_deref());
    parts.extend(s.authors.iter().map(String::as_str));
    parts.extend(s.notes.as_deref());
    parts.extend(s.full_text.as_deref());
    search::add(conn, search::Kind::Source, n, &parts.join("\n"))
}

pub(crate) fn rowid(conn: &Connection, table: &'static str, id: Id) -> Result<i64> {
    // `table` is one of our own constant names, never user input.
    conn.query_row(&format!("SELECT n FROM {table} WHERE id = ?1"), [id], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        what: table,
        id: id.to_string(),
    })
}

/// Reads one source.
pub(crate) fn get(conn: &Connection, id: Id) -> Result<Option<Source>> {
    let sql = format!("SELECT {SOURCE_COLUMNS} FROM source WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], source_from_row)
        .optional()?)
}

/// Every source, in id order.
pub(crate) fn all(conn: &Connection) -> Result<Vec<Source>> {
    let sql = format!("SELECT {SOURCE_COLUMNS} FROM source ORDER BY id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], source_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Sources with this exact URL (duplicate detection).
pub(crate) fn find_by_url(conn: &Connection, url: &str) -> Result<Vec<Source>> {
    let sql = format!("SELECT {SOURCE_COLUMNS} FROM source WHERE url = ?1 ORDER BY id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([url], source_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A row of the sources table (without the full text).
#[derive(Clone, Debug, PartialEq)]
pub struct SourceRow {
    /// The source, `full_text` left empty.
    pub source: Source,
    /// How many excerpts it has.
    pub excerpt_count: u64,
}

/// One page of sources, newest first, and the total.
pub(crate) fn list(
    conn: &Connection,
    min_grade: Option<Reliability>,
    offset: usize,
    limit: usize,
) -> Result<(Vec<SourceRow>, u64)> {
    let grade = min_grade.unwrap_or(Reliability::F);
    let total: i64 = conn.query_row(
        "SELECT count(*) FROM source WHERE reliability <= ?1",
        [grade],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, title, outlet, authors, language, published, url, accessed, reliability, notes, NULL, \
         (SELECT count(*) FROM excerpt x WHERE x.source_id = source.id) FROM source WHERE reliability <= ?1 \
         ORDER BY published_key IS NULL, published_key DESC, n LIMIT ?2 OFFSET ?3",
    )?;
    let rows = stmt.query_map(params![grade, limit as i64, offset as i64], |r| {
        Ok(SourceRow {
            source: source_from_row(r)?,
            excerpt_count: r.get::<_, i64>(12)? as u64,
        })
    })?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total as u64))
}

const EXCERPT_COLUMNS: &str = "id, source_id, text, start_pos, end_pos, credibility, translation";

fn excerpt_from_row(r: &Row<'_>) -> rusqlite::Result<Excerpt> {
    Ok(Excerpt {
        id: r.get(0)?,
        source_id: r.get(1)?,
        text: r.get(2)?,
        start: r.get::<_, Option<i64>>(3)?.map(|v| v as u64),
        end: r.get::<_, Option<i64>>(4)?.map(|v| v as u64),
        credibility: r.get(5)?,
        translation: r.get(6)?,
    })
}

fn full_text(conn: &Connection, source: Id) -> Result<Option<String>> {
    conn.prepare_cached("SELECT full_text FROM source WHERE id = ?1")?
        .query_row([source], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: "source",
            id: source.to_string(),
        })
}

fn excerpt_params(x: &Excerpt) -> [Box<dyn ToSql + '_>; 7] {
    [
        Box::new(x.id),
        Box::new(x.source_id),
        Box::new(&x.text),
        Box::new(x.start.map(|v| v as i64)),
        Box::new(x.end.map(|v| v as i64)),
        Box::new(x.credibility),
        Box::new(&x.translation),
    ]
}

/// Inserts an excerpt after checking its range against the source's full text.
pub(crate) fn insert_excerpt(conn: &Connection, x: &Excerpt) -> Result<()> {
    x.validate(full_text(conn, x.source_id)?.as_deref())?;
    insert_excerpt_unchecked(conn, x)
}

/// Inserts an excerpt already validated against its source (bulk import).
pub(crate) fn insert_excerpt_unchecked(conn: &Connection, x: &Excerpt) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO excerpt (id, source_id, text, start_pos, end_pos, credibility, translation) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params_from_iter(excerpt_params(x).iter()))?;
    index_excerpt(conn, conn.last_insert_rowid(), x)
}

/// Replaces an excerpt's fields.
pub(crate) fn update_excerpt(conn: &Connection, x: &Excerpt) -> Result<()> {
    x.validate(full_text(conn, x.source_id)?.as_deref())?;
    let changed = conn
        .prepare_cached(
            "UPDATE excerpt SET source_id = ?2, text = ?3, start_pos = ?4, end_pos = ?5, credibility = ?6, \
             translation = ?7 WHERE id = ?1",
        )?
        .execute(params_from_iter(excerpt_params(x).iter()))?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: "excerpt",
            id: x.id.to_string(),
        });
    }
    let n = rowid(conn, "excerpt", x.id)?;
    search::remove(conn, search::Kind::Excerpt, n)?;
    index_excerpt(conn, n, x)
}

/// Adds an excerpt's text to the search index.
pub(crate) fn index_excerpt(conn: &Connection, n: i64, x: &Excerpt) -> Result<()> {
    let text = match &x.translation {
        Some(t) => format!("{}\n{t}", x.text),
        None => x.text.clone(),
    };
    search::add(conn, search::Kind::Excerpt, n, &text)
}

/// Reads one excerpt.
pub(crate) fn get_excerpt(conn: &Connection, id: Id) -> Result<Option<Excerpt>> {
    let sql = format!("SELECT {EXCERPT_COLUMNS} FROM excerpt WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], excerpt_from_row)
        .optional()?)
}

/// A source's excerpts in reading order.
pub(crate) fn excerpts_of(conn: &Connection, source: Id) -> Result<Vec<Excerpt>> {
    let sql = format!(
        "SELECT {EXCERPT_COLUMNS} FROM excerpt WHERE source_id = ?1 ORDER BY start_pos IS NULL, start_pos, n"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([source], excerpt_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every excerpt, in id order.
pub(crate) fn all_excerpts(conn: &Connection) -> Result<Vec<Excerpt>> {
    let sql = format!("SELECT {EXCERPT_COLUMNS} FROM excerpt ORDER BY id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], excerpt_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
