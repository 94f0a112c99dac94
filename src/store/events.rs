//! Event records, their tags, and the paged, filtered, sorted events table.

use super::convert::{list_from_sql, list_to_sql};
use super::error::{Result, StoreError};
use super::search;
use crate::model::{Event, EventKind, Id, PartialDate, Reliability, normalize};
use rusqlite::{Connection, OptionalExtension, Row, ToSql, params, params_from_iter};
use std::collections::HashMap;

const COLUMNS: &str = "e.id, e.title_ar, e.title_en, e.description, e.start_date, e.end_date, e.date_as_written, \
                       e.place, e.country, e.latitude, e.longitude, e.kind, e.tags";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Event> {
    Ok(Event {
        id: r.get(0)?,
        title_ar: r.get(1)?,
        title_en: r.get(2)?,
        description: r.get(3)?,
        start: r.get(4)?,
        end: r.get(5)?,
        date_as_written: r.get(6)?,
        place: r.get(7)?,
        country: r.get(8)?,
        latitude: r.get(9)?,
        longitude: r.get(10)?,
        kind: r.get(11)?,
        tags: list_from_sql(&r.get::<_, String>(12)?)?,
    })
}

/// First and last day an event covers, as `YYYYMMDD` keys.
fn keys(e: &Event) -> (Option<i64>, Option<i64>) {
    let start = e.start.map(|d| d.start_key());
    let end = e.end.or(e.start).map(|d| d.end_key());
    (start, end)
}

fn write_params(e: &Event) -> [Box<dyn ToSql + '_>; 17] {
    let (start_key, end_key) = keys(e);
    [
        Box::new(e.id),
        Box::new(&e.title_ar),
        Box::new(&e.title_en),
        Box::new(&e.description),
        Box::new(e.start),
        Box::new(start_key),
        Box::new(e.end),
        Box::new(end_key),
        Box::new(&e.date_as_written),
        Box::new(&e.place),
        Box::new(&e.country),
        Box::new(e.latitude),
        Box::new(e.longitude),
        Box::new(e.kind),
        Box::new(list_to_sql(&e.tags)),
        Box::new(normalize(e.display_title(true))),
        Box::new(normalize(e.display_title(false))),
    ]
}

/// Inserts a validated event with its tags and search entry.
pub(crate) fn insert(conn: &Connection, e: &Event) -> Result<()> {
    e.validate()?;
    conn.prepare_cached(
        "INSERT INTO event (id, title_ar, title_en, description, start_date, start_key, end_date, end_key, \
         date_as_written, place, country, latitude, longitude, kind, tags, sort_ar, sort_en) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params_from_iter(write_params(e).iter()))?;
    index(conn, conn.last_insert_rowid(), e)
}

/// Replaces an existing event's fields.
pub(crate) fn update(conn: &Connection, e: &Event) -> Result<()> {
    e.validate()?;
    let changed = conn
        .prepare_cached(
            "UPDATE event SET title_ar = ?2, title_en = ?3, description = ?4, start_date = ?5, start_key = ?6, \
             end_date = ?7, end_key = ?8, date_as_written = ?9, place = ?10, country = ?11, latitude = ?12, \
             longitude = ?13, kind = ?14, tags = ?15, sort_ar = ?16, sort_en = ?17 WHERE id = ?1",
        )?
        .execute(params_from_iter(write_params(e).iter()))?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: "event",
            id: e.id.to_string(),
        });
    }
    let n = rowid(conn, e.id)?;
    conn.execute("DELETE FROM event_tag WHERE event_n = ?1", [n])?;
    search::remove(conn, search::Kind::Event, n)?;
    index(conn, n, e)
}

/// Adds the event's tags and text to the tag table and the search index.
pub(crate) fn index(conn: &Connection, n: i64, e: &Event) -> Result<()> {
    let mut stmt =
        conn.prepare_cached("INSERT OR IGNORE INTO event_tag (event_n, tag) VALUES (?1, ?2)")?;
    for tag in &e.tags {
        stmt.execute(params![n, tag])?;
    }
    let parts = [
        &e.title_ar,
        &e.title_en,
        &e.description,
        &e.place,
        &e.date_as_written,
    ];
    let mut text: Vec<&str> = parts.into_iter().flatten().map(String::as_str).collect();
    text.extend(e.tags.iter().map(String::as_str));
    search::add(conn, search::Kind::Event, n, &text.join("\n"))
}

/// The store-internal row number of an event.
pub(crate) fn rowid(conn: &Connection, id: Id) -> Result<i64> {
    conn.query_row("SELECT n FROM event WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: "event",
            id: id.to_string(),
        })
}

/// Reads one event.
pub(crate) fn get(conn: &Connection, id: Id) -> Result<Option<Event>> {
    let sql = format!("SELECT {COLUMNS} FROM event e WHERE e.id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?)
}

/// Every event, in id order (for export).
pub(crate) fn all(conn: &Connection) -> Result<Vec<Event>> {
    let sql = format!("SELECT {COLUMNS} FROM event e ORDER BY e.id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Events of `kind` whose start is written exactly as `start` (duplicate detection on import).
pub(crate) fn starting(
    conn: &Connection,
    start: PartialDate,
    kind: EventKind,
) -> Result<Vec<Event>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM event e WHERE e.kind = ?1 AND e.start_key = ?2 AND e.start_date = ?3 ORDER BY e.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![kind, start.start_key(), start], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every tag in use with how often, most used first (for completion).
pub(crate) fn tags(conn: &Connection, prefix: &str, limit: usize) -> Result<Vec<(String, u64)>> {
    let upper = format!("{prefix}\u{10FFFF}");
    let mut stmt = conn.prepare_cached(
        "SELECT tag, count(*) AS c FROM event_tag WHERE tag >= ?1 AND tag < ?2 GROUP BY tag ORDER BY c DESC, tag LIMIT ?3",
    )?;
    let rows = stmt.query_map(params![prefix, upper, limit as i64], |r| {
        Ok((r.get(0)?, r.get::<_, i64>(1)? as u64))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Column to sort the events table by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EventSort {
    /// Chronological (undated last).
    #[default]
    Date,
    /// By title in the UI language.
    Title,
    /// By event type.
    Kind,
    /// By place.
    Place,
    /// By number of sources.
    Sources,
    /// By best source grade.
    Grade,
}

/// Filters of the events table; every field narrows the result.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EventFilter {
    /// Events that end on or after this date.
    pub from: Option<PartialDate>,
    /// Events that start on or before this date.
    pub to: Option<PartialDate>,
    /// Only these types (all when empty).
    pub kinds: Vec<EventKind>,
    /// Only events this actor takes part in.
    pub actor: Option<Id>,
    /// Only events with this tag.
    pub tag: Option<String>,
    /// Only events supported by a source graded this or better.
    pub min_grade: Option<Reliability>,
    /// Only events with no evidence at all.
    pub no_evidence: bool,
    /// Only events matching this search text.
    pub text: Option<String>,
}

impl EventFilter {
    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// A page request for the events table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventQuery {
    /// Which events.
    pub filter: EventFilter,
    /// Order.
    pub sort: EventSort,
    /// Reverse the order.
    pub descending: bool,
    /// Sort titles by their English form.
    pub english: bool,
    /// Rows to skip.
    pub offset: usize,
    /// Rows to return.
    pub limit: usize,
}

/// A row of the events table.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    /// The event.
    pub event: Event,
    /// Names of its actors (Arabic first or English first, per the query).
    pub actors: Vec<String>,
    /// Number of distinct sources supporting it.
    pub source_count: u64,
    /// Best reliability among those sources.
    pub best_grade: Option<Reliability>,
}

pub(super) fn where_clause(f: &EventFilter, params: &mut Vec<Box<dyn ToSql>>) -> String {
    filter_clause(f, params, KindTerm::Indexed)
}

/// Whether SQLite may answer the event-type filter from the `event_kind_start` index.
#[derive(Clone, Copy, PartialEq)]
enum KindTerm {
    Indexed,
    /// `+e.kind`: tested row by row, so that a page sorted by date walks `event_date_order`
    /// (which carries `kind`) instead of collecting every event of the types and sorting them.
    InOrderIndex,
}

fn filter_clause(f: &EventFilter, params: &mut Vec<Box<dyn ToSql>>, kind: KindTerm) -> String {
    let mut bind = |v: Box<dyn ToSql>| {
        params.push(v);
        format!("?{}", params.len())
    };
    let mut clauses = Vec::new();
    if let Some(from) = f.from {
        clauses.push(format!("e.end_key >= {}", bind(Box::new(from.start_key()))));
    }
    if let Some(to) = f.to {
        clauses.push(format!("e.start_key <= {}", bind(Box::new(to.end_key()))));
    }
    if !f.kinds.is_empty() {
        let marks: Vec<String> = f.kinds.iter().map(|k| bind(Box::new(*k))).collect();
        let plus = if kind == KindTerm::InOrderIndex {
            "+"
        } else {
            ""
        };
        clauses.push(format!("{plus}e.kind IN ({})", marks.join(", ")));
    }
    if let Some(actor) = f.actor {
        clauses.push(format!(
            "e.id IN (SELECT event_id FROM participation WHERE actor_id = {})",
            bind(Box::new(actor))
        ));
    }
    if let Some(tag) = &f.tag {
        clauses.push(format!(
            "e.n IN (SELECT event_n FROM event_tag WHERE tag = {})",
            bind(Box::new(tag.clone()))
        ));
    }
    if let Some(grade) = f.min_grade {
        // `best_grade` is the best of the event's sources (schema v004).
        clauses.push(format!("e.best_grade <= {}", bind(Box::new(grade))));
    }
    if f.no_evidence {
        clauses.push("e.source_count = 0".to_owned());
    }
    if let Some(text) = &f.text {
        let q = search::Query::parse(text);
        if !q.is_empty() {
            clauses.push(format!(
                "e.n IN (SELECT rowid >> 3 FROM search_fts WHERE search_fts MATCH {} AND (rowid & 7) = {})",
                bind(Box::new(q.to_fts())),
                search::Kind::Event as i64
            ));
        }
    }
    if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    }
}

fn order_clause(q: &EventQuery) -> String {
    let dir = if q.descending { "DESC" } else { "ASC" };
    let title = if q.english { "e.sort_en" } else { "e.sort_ar" };
    match q.sort {
        // Descending is the exact reverse of ascending (undated events first), so that both
        // walk the `event_date_order` index (v003) instead of sorting the table.
        EventSort::Date => format!("e.start_key IS NULL {dir}, e.start_key {dir}, e.n {dir}"),
        EventSort::Title => format!("{title} {dir}, e.n"),
        EventSort::Kind => format!("e.kind {dir}, e.start_key, e.n"),
        EventSort::Place => format!("e.place IS NULL, e.place {dir}, e.start_key, e.n"),
        EventSort::Sources => format!("e.source_count {dir}, e.start_key, e.n"),
        EventSort::Grade => format!("e.best_grade IS NULL, e.best_grade {dir}, e.start_key, e.n"),
    }
}

/// Counts the events a filter selects.
pub(crate) fn count(conn: &Connection, f: &EventFilter) -> Result<u64> {
    let mut params: Vec<Box<dyn ToSql>> = Vec::new();
    let filter = where_clause(f, &mut params);
    let sql = format!("SELECT count(*) FROM event e {filter}");
    let n: i64 = conn
        .prepare_cached(&sql)?
        .query_row(params_from_iter(params.iter()), |r| r.get(0))?;
    Ok(n as u64)
}

/// The SQL choosing one page of the events table (their row numbers, in order), with its
/// parameters; every row when `paged` is false. It reads only what the order and the filters
/// need, so a date-sorted page skips its offset inside the `event_date_order` index without
/// visiting the table's rows.
fn page_sql(q: &EventQuery, paged: bool) -> (String, Vec<Box<dyn ToSql>>) {
    let mut params: Vec<Box<dyn ToSql>> = Vec::new();
    let kind = if q.sort == EventSort::Date {
        KindTerm::InOrderIndex
    } else {
        KindTerm::Indexed
    };
    let mut filter = filter_clause(&q.filter, &mut params, kind);
    let dated_only = q.sort == EventSort::Date && q.filter.to.is_some();
    if dated_only {
        // `start_key <= to` already leaves undated events out; saying so as an equality on
        // the index's first column lets SQLite seek to the range instead of scanning from
        // the first event, and keeps the index order without the `IS NULL` term.
        filter.push_str(" AND (e.start_key IS NULL) = 0");
    }
    let order = if dated_only {
        let dir = if q.descending { "DESC" } else { "ASC" };
        format!("e.start_key {dir}, e.n {dir}")
    } else {
        order_clause(q)
    };
    let mut sql = format!("SELECT e.n FROM event e {filter} ORDER BY {order}");
    if paged {
        params.push(Box::new(q.limit as i64));
        params.push(Box::new(q.offset as i64));
        sql.push_str(&format!(
            " LIMIT ?{} OFFSET ?{}",
            params.len() - 1,
            params.len()
        ));
    }
    (sql, params)
}

/// One page of the events table.
pub(crate) fn list(conn: &Connection, q: &EventQuery) -> Result<Vec<EventRow>> {
    let (sql, params) = page_sql(q, true);
    let ns: Vec<i64> = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(params.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    by_numbers(conn, &ns, q.english)
}

/// The row numbers of every event `q.filter` selects, in `q`'s order (its offset and limit
/// are ignored): one walk of the index, after which any page is a slice (see [`by_numbers`]).
pub(crate) fn numbers(conn: &Connection, q: &EventQuery) -> Result<Vec<i64>> {
    let (sql, params) = page_sql(q, false);
    let ns = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(params.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ns)
}

/// The events with these row numbers, in the order given, with their actors' names.
pub(crate) fn by_numbers(conn: &Connection, ns: &[i64], english: bool) -> Result<Vec<EventRow>> {
    let mut rows = rows_by_number(conn, ns)?;
    attach_actor_names(conn, &mut rows, !english)?;
    Ok(rows)
}

/// The events with these row numbers, in the order given.
fn rows_by_number(conn: &Connection, ns: &[i64]) -> Result<Vec<EventRow>> {
    if ns.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; ns.len()].join(", ");
    let sql = format!(
        "SELECT {COLUMNS}, e.source_count, e.best_grade, e.n FROM event e WHERE e.n IN ({marks})"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut by_n: HashMap<i64, EventRow> = HashMap::with_capacity(ns.len());
    let mut found = stmt.query(params_from_iter(ns.iter()))?;
    while let Some(r) = found.next()? {
        let row = EventRow {
            event: from_row(r)?,
            actors: Vec::new(),
            source_count: r.get::<_, i64>(13)? as u64,
            best_grade: r.get(14)?,
        };
        by_n.insert(r.get(15)?, row);
    }
    Ok(ns.iter().filter_map(|n| by_n.remove(n)).collect())
}

/// Fills in actor names for a page with one query, not one per row.
fn attach_actor_names(conn: &Connection, rows: &mut [EventRow], arabic: bool) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let marks = vec!["?"; rows.len()].join(", ");
    let name = if arabic {
        "coalesce(a.name_ar, a.name_en, a.name_fr, a.acronym)"
    } else {
        "coalesce(a.name_en, a.acronym, a.name_fr, a.name_ar)"
    };
    let sql = format!(
        "SELECT p.event_id, {name} FROM participation p JOIN actor a ON a.id = p.actor_id \
         WHERE p.event_id IN ({marks}) ORDER BY p.n"
    );
    let ids: Vec<Id> = rows.iter().map(|r| r.event.id).collect();
    let mut by_event: HashMap<Id, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare(&sql)?;
    let mut q = stmt.query(params_from_iter(ids.iter()))?;
    while let Some(r) = q.next()? {
        let names = by_event.entry(r.get(0)?).or_default();
        let n: String = r.get::<_, Option<String>>(1)?.unwrap_or_default();
        if !names.contains(&n) {
            names.push(n);
        }
    }
    for row in rows {
        row.actors = by_event.remove(&row.event.id).unwrap_or_default();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventKind, PartialDate};

    /// SQLite's plan for a page: its top-level steps (not those inside the subqueries).
    fn plan(q: &EventQuery) -> String {
        let mut c = Connection::open_in_memory().unwrap();
        super::super::migrations::migrate(&mut c, std::path::Path::new(":memory:")).unwrap();
        let (sql, params) = page_sql(q, true);
        let mut stmt = c.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params.iter()), |r| {
                Ok((r.get::<_, i64>(1)?, r.get::<_, String>(3)?))
            })
            .unwrap();
        rows.map(|r| r.unwrap())
            .filter(|(parent, _)| *parent == 0)
            .map(|(_, step)| step)
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn page(filter: EventFilter, descending: bool) -> EventQuery {
        EventQuery {
            filter,
            sort: EventSort::Date,
            descending,
            english: false,
            offset: 50_000,
            limit: 100,
        }
    }

    /// A deep page by date must walk the date-order index, never sort the whole table (81 ms
    /// for the first page of 100k events).
    #[test]
    fn date_pages_walk_the_index_without_sorting() {
        let filtered = EventFilter {
            from: PartialDate::year(2000).ok(),
            kinds: vec![EventKind::Arrest, EventKind::JointExercise],
            ..Default::default()
        };
        for q in [
            page(EventFilter::default(), false),
            page(EventFilter::default(), true),
            page(filtered.clone(), false),
            page(filtered.clone(), true),
            page(
                EventFilter {
                    to: PartialDate::year(2020).ok(),
                    ..filtered.clone()
                },
                false,
            ),
            page(
                EventFilter {
                    to: PartialDate::year(2020).ok(),
                    ..filtered
                },
                true,
            ),
        ] {
            let p = plan(&q);
            assert!(p.contains("event_date_order"), "{p}");
            assert!(!p.contains("TEMP B-TREE FOR ORDER BY"), "{p}");
        }
    }
}
