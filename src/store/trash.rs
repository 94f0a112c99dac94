//! The trash: deleted records kept whole, with the links that went with them, until emptied.

use super::error::{Result, StoreError};
use super::{actors, events, links, search, sources};
use crate::model::{Dataset, EvidenceTarget, Id};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

/// Which kind of record a trash entry holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrashKind {
    /// An event with its participations and evidence.
    Event,
    /// An actor with its participations, relations and evidence.
    Actor,
    /// A source with its excerpts and their evidence.
    Source,
    /// An excerpt with its evidence.
    Excerpt,
}

impl TrashKind {
    fn code(self) -> &'static str {
        match self {
            Self::Event => "event",
            Self::Actor => "actor",
            Self::Source => "source",
            Self::Excerpt => "excerpt",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "event" => Self::Event,
            "actor" => Self::Actor,
            "source" => Self::Source,
            "excerpt" => Self::Excerpt,
            _ => return None,
        })
    }
}

/// What a deletion took away, so that restoring puts all of it back.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Removed {
    /// The record and its dependent links.
    pub records: Dataset,
    /// Actors whose parent was the deleted actor (their parent link is restored too).
    #[serde(default)]
    pub children: Vec<Id>,
}

impl Removed {
    /// How many links go with the record (what the user is warned about before deleting).
    pub fn link_count(&self) -> usize {
        self.records.participations.len()
            + self.records.relations.len()
            + self.records.evidence.len()
            + self.records.excerpts.len()
            + self.children.len()
    }
}

/// An entry in the trash.
#[derive(Clone, Debug, PartialEq)]
pub struct TrashEntry {
    /// Entry number.
    pub n: i64,
    /// What kind of record.
    pub kind: TrashKind,
    /// The deleted record's id.
    pub record_id: Id,
    /// Its title or name when deleted.
    pub label: String,
    /// When (RFC 3339, UTC).
    pub deleted_at: String,
    /// How many links went with it.
    pub links: usize,
}

/// Collects a record with everything that would go with it if deleted.
pub(crate) fn collect(conn: &Connection, kind: TrashKind, id: Id) -> Result<(Removed, String)> {
    let mut r = Removed::default();
    let not_found = || StoreError::NotFound {
        what: kind.code(),
        id: id.to_string(),
    };
    let label = match kind {
        TrashKind::Event => {
            let e = events::get(conn, id)?.ok_or_else(not_found)?;
            r.records.participations = links::participations_of_event(conn, id)?;
            r.records.evidence = links::evidence_of_event(conn, id)?;
            let label = e.display_title(true).to_owned();
            r.records.events.push(e);
            label
        }
        TrashKind::Actor => {
            let a = actors::get(conn, id)?.ok_or_else(not_found)?;
            r.records.participations = links::participations_of_actor(conn, id)?;
            r.records.relations = links::relations_of(conn, id)?;
            for p in &r.records.participations {
                r.records
                    .evidence
                    .extend(evidence_for(conn, EvidenceTarget::Participation(p.id))?);
            }
            for rel in &r.records.relations {
                r.records
                    .evidence
                    .extend(evidence_for(conn, EvidenceTarget::Relation(rel.id))?);
            }
            let mut stmt = conn.prepare_cached("SELECT id FROM actor WHERE parent_id = ?1")?;
            r.children = stmt
                .query_map([id], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let label = a.display_name(true).to_owned();
            r.records.actors.push(a);
            label
        }
        TrashKind::Source => {
            let s = sources::get(conn, id)?.ok_or_else(not_found)?;
            r.records.excerpts = sources::excerpts_of(conn, id)?;
            for x in &r.records.excerpts {
                r.records
                    .evidence
                    .extend(links::evidence_of_excerpt(conn, x.id)?);
            }
            let label = s.title.clone();
            r.records.sources.push(s);
            label
        }
        TrashKind::Excerpt => {
            let x = sources::get_excerpt(conn, id)?.ok_or_else(not_found)?;
            r.records.evidence = links::evidence_of_excerpt(conn, id)?;
            let label: String = x.text.chars().take(80).collect();
            r.records.excerpts.push(x);
            label
        }
    };
    Ok((r, label))
}

fn evidence_for(conn: &Connection, target: EvidenceTarget) -> Result<Vec<crate::model::Evidence>> {
    let (col, id) = match target {
        EvidenceTarget::Event(id) => ("event_id", id),
        EvidenceTarget::Participation(id) => ("participation_id", id),
        EvidenceTarget::Relation(id) => ("relation_id", id),
    };
    let mut stmt = conn.prepare_cached(&format!("SELECT id FROM evidence WHERE {col} = ?1"))?;
    let ids: Vec<Id> = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for i in ids {
        out.extend(links::get_evidence(conn, i)?);
    }
    Ok(out)
}

/// Moves a record and its links to the trash; returns the trash entry number.
pub(crate) fn delete(conn: &Connection, kind: TrashKind, id: Id, now: &str) -> Result<i64> {
    let (removed, label) = collect(conn, kind, id)?;
    let payload =
        serde_json::to_string(&removed).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    conn.execute(
        "INSERT INTO trash (kind, record_id, label, deleted_at, payload) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![kind.code(), id, label, now, payload],
    )?;
    let entry = conn.last_insert_rowid();
    remove_from_index(conn, kind, id)?;
    let table = kind.code();
    // Cascades remove the links; search entries of cascaded excerpts go first.
    conn.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
    Ok(entry)
}

fn remove_from_index(conn: &Connection, kind: TrashKind, id: Id) -> Result<()> {
    match kind {
        TrashKind::Event => search::remove(conn, search::Kind::Event, events::rowid(conn, id)?),
        TrashKind::Actor => search::remove(conn, search::Kind::Actor, actors::rowid(conn, id)?),
        TrashKind::Excerpt => search::remove(
            conn,
            search::Kind::Excerpt,
            sources::rowid(conn, "excerpt", id)?,
        ),
        TrashKind::Source => {
            let mut stmt = conn.prepare_cached("SELECT n FROM excerpt WHERE source_id = ?1")?;
            let ns: Vec<i64> = stmt
                .query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for n in ns {
                search::remove(conn, search::Kind::Excerpt, n)?;
            }
            search::remove(
                conn,
                search::Kind::Source,
                sources::rowid(conn, "source", id)?,
            )
        }
    }
}

/// Deletes a record and its links without keeping it (undo of a creation).
pub(crate) fn purge(conn: &Connection, kind: TrashKind, id: Id) -> Result<()> {
    remove_from_index(conn, kind, id)?;
    let table = kind.code();
    conn.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
    Ok(())
}

/// Lists the trash, newest first.
pub(crate) fn list(conn: &Connection) -> Result<Vec<TrashEntry>> {
    let mut stmt = conn.prepare(
        "SELECT n, kind, record_id, label, deleted_at, payload FROM trash ORDER BY n DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Id>(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (n, kind, record_id, label, deleted_at, payload) = row?;
        let kind = TrashKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("trash kind «{kind}»")))?;
        let links = serde_json::from_str::<Removed>(&payload)
            .map(|r| r.link_count())
            .unwrap_or(0);
        out.push(TrashEntry {
            n,
            kind,
            record_id,
            label,
            deleted_at,
            links,
        });
    }
    Ok(out)
}

/// Takes an entry out of the trash and back into the store; links whose other end is gone
/// are left out and counted.
pub(crate) fn restore(conn: &Connection, entry: i64) -> Result<usize> {
    let payload: String = conn
        .query_row("SELECT payload FROM trash WHERE n = ?1", [entry], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: "trash entry",
            id: entry.to_string(),
        })?;
    let removed: Removed =
        serde_json::from_str(&payload).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let skipped = put_back(conn, &removed)?;
    conn.execute("DELETE FROM trash WHERE n = ?1", [entry])?;
    Ok(skipped)
}

/// Re-inserts removed records; returns how many links could not be restored.
pub(crate) fn put_back(conn: &Connection, removed: &Removed) -> Result<usize> {
    let d = &removed.records;
    for a in &d.actors {
        let mut a = a.clone();
        if a.parent_id
            .is_some_and(|p| actors::get(conn, p).ok().flatten().is_none())
        {
            a.parent_id = None;
        }
        actors::insert(conn, &a)?;
    }
    for s in &d.sources {
        sources::insert(conn, s)?;
    }
    for e in &d.events {
        events::insert(conn, e)?;
    }
    let mut skipped = 0;
    for x in &d.excerpts {
        if sources::get(conn, x.source_id)?.is_some() {
            sources::insert_excerpt(conn, x)?;
        } else {
            skipped += 1;
        }
    }
    let ok = |r: Result<()>| -> Result<usize> {
        match r {
            Ok(()) => Ok(0),
            Err(StoreError::Sqlite(e))
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) =>
            {
                Ok(1)
            }
            Err(StoreError::Conflict(_)) => Ok(1),
            Err(e) => Err(e),
        }
    };
    for p in &d.participations {
        skipped += ok(links::insert_participation(conn, p))?;
    }
    for r in &d.relations {
        skipped += ok(links::insert_relation(conn, r))?;
    }
    for e in &d.evidence {
        skipped += ok(links::insert_evidence(conn, e))?;
    }
    if let Some(parent) = d.actors.first() {
        for child in &removed.children {
            conn.execute(
                "UPDATE actor SET parent_id = ?1 WHERE id = ?2 AND parent_id IS NULL",
                params![parent.id, child],
            )?;
        }
    }
    Ok(skipped)
}

/// Empties the trash for good; returns how many entries were removed.
pub(crate) fn empty(conn: &Connection) -> Result<usize> {
    Ok(conn.execute("DELETE FROM trash", [])?)
}
