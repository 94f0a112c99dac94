//! Actor records: insert, update, read, list, and the name table used for type-ahead.

use super::convert::{list_from_sql, list_to_sql};
use super::error::{Result, StoreError};
use super::search;
use crate::model::{Actor, ActorKind, Id, normalize};
use rusqlite::{Connection, OptionalExtension, Row, params};

const COLUMNS: &str = "id, kind, name_ar, name_en, name_fr, acronym, aliases, country, parent_id, \
                       description, active_from, active_to";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Actor> {
    Ok(Actor {
        id: r.get(0)?,
        kind: r.get(1)?,
        name_ar: r.get(2)?,
        name_en: r.get(3)?,
        name_fr: r.get(4)?,
        acronym: r.get(5)?,
        aliases: list_from_sql(&r.get::<_, String>(6)?)?,
        country: r.get(7)?,
        parent_id: r.get(8)?,
        description: r.get(9)?,
        active_from: r.get(10)?,
        active_to: r.get(11)?,
    })
}

/// Inserts a validated actor with its names and search entry.
pub(crate) fn insert(conn: &Connection, a: &Actor) -> Result<()> {
    a.validate()?;
    conn.execute(
        "INSERT INTO actor (id, kind, name_ar, name_en, name_fr, acronym, aliases, country, parent_id, \
         description, active_from, active_to, sort_ar, sort_en) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            a.id,
            a.kind,
            a.name_ar,
            a.name_en,
            a.name_fr,
            a.acronym,
            list_to_sql(&a.aliases),
            a.country,
            a.parent_id,
            a.description,
            a.active_from,
            a.active_to,
            normalize(a.display_name(true)),
            normalize(a.display_name(false)),
        ],
    )?;
    let n = conn.last_insert_rowid();
    index(conn, n, a)
}

/// Replaces an existing actor's fields.
pub(crate) fn update(conn: &Connection, a: &Actor) -> Result<()> {
    a.validate()?;
    check_parent_cycle(conn, a)?;
    let changed = conn.execute(
        "UPDATE actor SET kind = ?2, name_ar = ?3, name_en = ?4, name_fr = ?5, acronym = ?6, aliases = ?7, \
         country = ?8, parent_id = ?9, description = ?10, active_from = ?11, active_to = ?12, sort_ar = ?13, \
         sort_en = ?14 WHERE id = ?1",
        params![
            a.id,
            a.kind,
            a.name_ar,
            a.name_en,
            a.name_fr,
            a.acronym,
            list_to_sql(&a.aliases),
            a.country,
            a.parent_id,
            a.description,
            a.active_from,
            a.active_to,
            normalize(a.display_name(true)),
            normalize(a.display_name(false)),
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: "actor",
            id: a.id.to_string(),
        });
    }
    let n = rowid(conn, a.id)?;
    conn.execute("DELETE FROM actor_name WHERE actor_n = ?1", [n])?;
    search::remove(conn, search::Kind::Actor, n)?;
    index(conn, n, a)
}

/// Refuses a parent chain that would come back to the actor itself.
fn check_parent_cycle(conn: &Connection, a: &Actor) -> Result<()> {
    let mut next = a.parent_id;
    let mut steps = 0;
    while let Some(p) = next {
        if p == a.id {
            return Err(StoreError::Conflict(
                "an actor cannot be part of itself (the parent chain loops)".into(),
            ));
        }
        steps += 1;
        if steps > 1000 {
            break;
        }
        next = conn
            .query_row("SELECT parent_id FROM actor WHERE id = ?1", [p], |r| {
                r.get(0)
            })
            .optional()?
            .flatten();
    }
    Ok(())
}

/// Adds the actor's names and text to the name table and the search index.
pub(crate) fn index(conn: &Connection, n: i64, a: &Actor) -> Result<()> {
    let mut stmt =
        conn.prepare_cached("INSERT OR IGNORE INTO actor_name (actor_n, norm) VALUES (?1, ?2)")?;
    for name in a.all_names() {
        stmt.execute(params![n, normalize(name.trim())])?;
    }
    let names: Vec<&str> = a.all_names().collect();
    let text = [names.join(" "), a.description.clone().unwrap_or_default()].join("\n");
    search::add(conn, search::Kind::Actor, n, &text)
}

/// The store-internal row number of an actor.
pub(crate) fn rowid(conn: &Connection, id: Id) -> Result<i64> {
    conn.query_row("SELECT n FROM actor WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: "actor",
            id: id.to_string(),
        })
}

/// Reads one actor.
pub(crate) fn get(conn: &Connection, id: Id) -> Result<Option<Actor>> {
    let sql = format!("SELECT {COLUMNS} FROM actor WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?)
}

/// Every actor, in id order (for export).
pub(crate) fn all(conn: &Connection) -> Result<Vec<Actor>> {
    let sql = format!("SELECT {COLUMNS} FROM actor ORDER BY id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Actors any of whose names equals `name` once normalised.
pub(crate) fn find_by_name(conn: &Connection, name: &str) -> Result<Vec<Actor>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM actor WHERE n IN (SELECT actor_n FROM actor_name WHERE norm = ?1) ORDER BY id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([normalize(name.trim())], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Type-ahead: actors with a name beginning with `prefix` (normalised), best-known first.
pub(crate) fn complete(conn: &Connection, prefix: &str, limit: usize) -> Result<Vec<Actor>> {
    let norm = normalize(prefix.trim());
    let upper = format!("{norm}\u{10FFFF}");
    let sql = format!(
        "SELECT {COLUMNS} FROM actor WHERE n IN (SELECT actor_n FROM actor_name WHERE norm >= ?1 AND norm < ?2) \
         ORDER BY (SELECT count(*) FROM participation p WHERE p.actor_id = actor.id) DESC, sort_ar LIMIT ?3"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![norm, upper, limit as i64], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Filter and order for the actors table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActorQuery {
    /// Only these kinds (all when empty).
    pub kinds: Vec<ActorKind>,
    /// Only this country.
    pub country: Option<String>,
    /// Sort by the English name instead of the Arabic one.
    pub english_order: bool,
    /// Sort by number of events, most first.
    pub by_events: bool,
    /// Rows to skip.
    pub offset: usize,
    /// Rows to return.
    pub limit: usize,
}

/// A row of the actors table.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorRow {
    /// The actor.
    pub actor: Actor,
    /// How many events it takes part in.
    pub event_count: u64,
}

fn where_clause(q: &ActorQuery, params: &mut Vec<Box<dyn rusqlite::ToSql>>) -> String {
    let mut clauses = Vec::new();
    if !q.kinds.is_empty() {
        let marks: Vec<String> = q
            .kinds
            .iter()
            .map(|k| {
                params.push(Box::new(*k));
                format!("?{}", params.len())
            })
            .collect();
        clauses.push(format!("kind IN ({})", marks.join(", ")));
    }
    if let Some(c) = &q.country {
        params.push(Box::new(c.clone()));
        clauses.push(format!("country = ?{}", params.len()));
    }
    if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    }
}

/// One page of the actors table, and the total number of matching actors.
pub(crate) fn list(conn: &Connection, q: &ActorQuery) -> Result<(Vec<ActorRow>, u64)> {
    let mut params: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
    let filter = where_clause(q, &mut params);
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM actor {filter}"),
        rusqlite::params_from_iter(params.iter()),
        |r| r.get(0),
    )?;
    let order = match (q.by_events, q.english_order) {
        (true, _) => "events DESC, sort_ar",
        (false, true) => "sort_en, n",
        (false, false) => "sort_ar, n",
    };
    let sql = format!(
        "SELECT {COLUMNS}, (SELECT count(DISTINCT event_id) FROM participation p WHERE p.actor_id = actor.id) AS events \
         FROM actor {filter} ORDER BY {order} LIMIT ?{} OFFSET ?{}",
        params.len() + 1,
        params.len() + 2
    );
    params.push(Box::new(q.limit as i64));
    params.push(Box::new(q.offset as i64));
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| {
        Ok(ActorRow {
            actor: from_row(r)?,
            event_count: r.get::<_, i64>(12)? as u64,
        })
    })?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total as u64))
}
