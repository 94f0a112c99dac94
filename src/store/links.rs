//! Participations, relations and evidence: the links between records.

use super::error::{Result, StoreError};
use crate::model::{Evidence, EvidenceTarget, Id, Participation, Relation};
use rusqlite::{Connection, OptionalExtension, Row, params};

fn participation_from_row(r: &Row<'_>) -> rusqlite::Result<Participation> {
    Ok(Participation {
        id: r.get(0)?,
        event_id: r.get(1)?,
        actor_id: r.get(2)?,
        role: r.get(3)?,
    })
}

/// Links an actor to an event; the same actor in the same role twice is refused.
pub(crate) fn insert_participation(conn: &Connection, p: &Participation) -> Result<()> {
    let res = conn
        .prepare_cached(
            "INSERT INTO participation (id, event_id, actor_id, role) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![p.id, p.event_id, p.actor_id, p.role]);
    match res {
        Ok(_) => Ok(()),
        Err(e)
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation)
                && e.to_string().contains("UNIQUE")
                && e.to_string().contains("participation.event_id") =>
        {
            Err(StoreError::Conflict(format!(
                "this actor already takes part in the event as {}",
                p.role
            )))
        }
        Err(e) => Err(e.into()),
    }
}

/// Changes a participation's role.
pub(crate) fn update_participation(conn: &Connection, p: &Participation) -> Result<()> {
    let n = conn
        .prepare_cached(
            "UPDATE participation SET event_id = ?2, actor_id = ?3, role = ?4 WHERE id = ?1",
        )?
        .execute(params![p.id, p.event_id, p.actor_id, p.role])?;
    if n == 0 {
        return Err(StoreError::NotFound {
            what: "participation",
            id: p.id.to_string(),
        });
    }
    Ok(())
}

/// Reads one participation.
pub(crate) fn get_participation(conn: &Connection, id: Id) -> Result<Option<Participation>> {
    Ok(conn
        .prepare_cached("SELECT id, event_id, actor_id, role FROM participation WHERE id = ?1")?
        .query_row([id], participation_from_row)
        .optional()?)
}

/// The participations of an event, in the order they were added.
pub(crate) fn participations_of_event(conn: &Connection, event: Id) -> Result<Vec<Participation>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, event_id, actor_id, role FROM participation WHERE event_id = ?1 ORDER BY n",
    )?;
    let rows = stmt.query_map([event], participation_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The participations of an actor, newest event first.
pub(crate) fn participations_of_actor(conn: &Connection, actor: Id) -> Result<Vec<Participation>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.event_id, p.actor_id, p.role FROM participation p JOIN event e ON e.id = p.event_id \
         WHERE p.actor_id = ?1 ORDER BY e.start_key DESC, p.n",
    )?;
    let rows = stmt.query_map([actor], participation_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every participation, in id order.
pub(crate) fn all_participations(conn: &Connection) -> Result<Vec<Participation>> {
    let mut stmt =
        conn.prepare("SELECT id, event_id, actor_id, role FROM participation ORDER BY id")?;
    let rows = stmt.query_map([], participation_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn relation_from_row(r: &Row<'_>) -> rusqlite::Result<Relation> {
    Ok(Relation {
        id: r.get(0)?,
        from_id: r.get(1)?,
        to_id: r.get(2)?,
        kind: r.get(3)?,
        start: r.get(4)?,
        end: r.get(5)?,
        note: r.get(6)?,
    })
}

const RELATION_COLUMNS: &str = "id, from_id, to_id, kind, start_date, end_date, note";

/// Inserts a validated relation.
pub(crate) fn insert_relation(conn: &Connection, r: &Relation) -> Result<()> {
    r.validate()?;
    conn.prepare_cached(
        "INSERT INTO relation (id, from_id, to_id, kind, start_date, end_date, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![r.id, r.from_id, r.to_id, r.kind, r.start, r.end, r.note])?;
    Ok(())
}

/// Replaces a relation's fields.
pub(crate) fn update_relation(conn: &Connection, r: &Relation) -> Result<()> {
    r.validate()?;
    let n = conn
        .prepare_cached(
            "UPDATE relation SET from_id = ?2, to_id = ?3, kind = ?4, start_date = ?5, end_date = ?6, note = ?7 WHERE id = ?1",
        )?
        .execute(params![r.id, r.from_id, r.to_id, r.kind, r.start, r.end, r.note])?;
    if n == 0 {
        return Err(StoreError::NotFound {
            what: "relation",
            id: r.id.to_string(),
        });
    }
    Ok(())
}

/// Reads one relation.
pub(crate) fn get_relation(conn: &Connection, id: Id) -> Result<Option<Relation>> {
    let sql = format!("SELECT {RELATION_COLUMNS} FROM relation WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], relation_from_row)
        .optional()?)
}

/// Relations where the actor is on either side.
pub(crate) fn relations_of(conn: &Connection, actor: Id) -> Result<Vec<Relation>> {
    let sql = format!(
        "SELECT {RELATION_COLUMNS} FROM relation WHERE from_id = ?1 OR to_id = ?1 ORDER BY n"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([actor], relation_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every relation, in id order.
pub(crate) fn all_relations(conn: &Connection) -> Result<Vec<Relation>> {
    let sql = format!("SELECT {RELATION_COLUMNS} FROM relation ORDER BY id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], relation_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn evidence_from_row(r: &Row<'_>) -> rusqlite::Result<Evidence> {
    let id: Id = r.get(0)?;
    let excerpt_id: Id = r.get(1)?;
    let target = match (
        r.get::<_, Option<Id>>(2)?,
        r.get::<_, Option<Id>>(3)?,
        r.get::<_, Option<Id>>(4)?,
    ) {
        (Some(e), _, _) => EvidenceTarget::Event(e),
        (_, Some(p), _) => EvidenceTarget::Participation(p),
        (_, _, Some(rel)) => EvidenceTarget::Relation(rel),
        _ => {
            return Err(rusqlite::Error::InvalidColumnType(
                2,
                "evidence target".into(),
                rusqlite::types::Type::Null,
            ));
        }
    };
    Ok(Evidence {
        id,
        excerpt_id,
        target,
    })
}

const EVIDENCE_COLUMNS: &str = "id, excerpt_id, event_id, participation_id, relation_id";

/// Links an excerpt to what it supports.
pub(crate) fn insert_evidence(conn: &Connection, e: &Evidence) -> Result<()> {
    let (ev, p, r) = match e.target {
        EvidenceTarget::Event(id) => (Some(id), None, None),
        EvidenceTarget::Participation(id) => (None, Some(id), None),
        EvidenceTarget::Relation(id) => (None, None, Some(id)),
    };
    conn.prepare_cached(
        "INSERT INTO evidence (id, excerpt_id, event_id, participation_id, relation_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![e.id, e.excerpt_id, ev, p, r])?;
    Ok(())
}

/// Reads one evidence link.
pub(crate) fn get_evidence(conn: &Connection, id: Id) -> Result<Option<Evidence>> {
    let sql = format!("SELECT {EVIDENCE_COLUMNS} FROM evidence WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], evidence_from_row)
        .optional()?)
}

/// Evidence for an event: on the event itself and on its participations.
pub(crate) fn evidence_of_event(conn: &Connection, event: Id) -> Result<Vec<Evidence>> {
    let sql = format!(
        "SELECT {EVIDENCE_COLUMNS} FROM evidence WHERE event_id = ?1 \
         OR participation_id IN (SELECT id FROM participation WHERE event_id = ?1) ORDER BY n"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([event], evidence_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The evidence of a relation.
pub(crate) fn evidence_of_relation(conn: &Connection, relation: Id) -> Result<Vec<Evidence>> {
    let sql = format!("SELECT {EVIDENCE_COLUMNS} FROM evidence WHERE relation_id = ?1 ORDER BY n");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([relation], evidence_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What an excerpt is evidence for.
pub(crate) fn evidence_of_excerpt(conn: &Connection, excerpt: Id) -> Result<Vec<Evidence>> {
    let sql = format!("SELECT {EVIDENCE_COLUMNS} FROM evidence WHERE excerpt_id = ?1 ORDER BY n");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([excerpt], evidence_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every evidence link, in id order.
pub(crate) fn all_evidence(conn: &Connection) -> Result<Vec<Evidence>> {
    let sql = format!("SELECT {EVIDENCE_COLUMNS} FROM evidence ORDER BY id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], evidence_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Deletes a link row by id from one of the link tables.
pub(crate) fn delete_link(conn: &Connection, table: &'static str, id: Id) -> Result<()> {
    // `table` is one of our constant names.
    let n = conn.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
    if n == 0 {
        return Err(StoreError::NotFound {
            what: table,
            id: id.to_string(),
        });
    }
    Ok(())
}
