//! Whole-dataset transfer: export everything, import a dataset atomically.

use super::error::{Result, StoreError};
use super::{actors, events, links, sources};
use crate::model::{Dataset, EvidenceTarget, Id};
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashSet;

/// What an import did, per record kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportCounts {
    /// New records written.
    pub created: u64,
    /// Existing records (same id) replaced by a different version.
    pub updated: u64,
    /// Existing records identical to the imported ones.
    pub unchanged: u64,
}

/// The outcome of importing a dataset.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    /// Actors.
    pub actors: ImportCounts,
    /// Sources.
    pub sources: ImportCounts,
    /// Excerpts.
    pub excerpts: ImportCounts,
    /// Events.
    pub events: ImportCounts,
    /// Participations.
    pub participations: ImportCounts,
    /// Relations.
    pub relations: ImportCounts,
    /// Evidence.
    pub evidence: ImportCounts,
}

impl ImportSummary {
    /// Total records created or updated.
    pub fn written(&self) -> u64 {
        self.all().iter().map(|c| c.created + c.updated).sum()
    }

    fn all(&self) -> [&ImportCounts; 7] {
        [
            &self.actors,
            &self.sources,
            &self.excerpts,
            &self.events,
            &self.participations,
            &self.relations,
            &self.evidence,
        ]
    }
}

/// Reads the whole store into a dataset, every list in id order.
pub(crate) fn export(conn: &Connection) -> Result<Dataset> {
    Ok(Dataset {
        actors: actors::all(conn)?,
        sources: sources::all(conn)?,
        excerpts: sources::all_excerpts(conn)?,
        events: events::all(conn)?,
        participations: links::all_participations(conn)?,
        relations: links::all_relations(conn)?,
        evidence: links::all_evidence(conn)?,
    })
}

/// Ids the dataset refers to that it does not itself define but the store has.
fn known_ids(conn: &Connection, d: &Dataset) -> Result<HashSet<Id>> {
    let mut defined: HashSet<Id> = HashSet::new();
    defined.extend(d.actors.iter().map(|r| r.id));
    defined.extend(d.sources.iter().map(|r| r.id));
    defined.extend(d.excerpts.iter().map(|r| r.id));
    defined.extend(d.events.iter().map(|r| r.id));
    defined.extend(d.participations.iter().map(|r| r.id));
    defined.extend(d.relations.iter().map(|r| r.id));
    let mut wanted: Vec<(&'static str, Id)> = Vec::new();
    wanted.extend(
        d.actors
            .iter()
            .filter_map(|a| a.parent_id)
            .map(|i| ("actor", i)),
    );
    wanted.extend(d.excerpts.iter().map(|x| ("source", x.source_id)));
    for p in &d.participations {
        wanted.push(("event", p.event_id));
        wanted.push(("actor", p.actor_id));
    }
    for r in &d.relations {
        wanted.push(("actor", r.from_id));
        wanted.push(("actor", r.to_id));
    }
    for e in &d.evidence {
        wanted.push(("excerpt", e.excerpt_id));
        wanted.push(match e.target {
            EvidenceTarget::Event(i) => ("event", i),
            EvidenceTarget::Participation(i) => ("participation", i),
            EvidenceTarget::Relation(i) => ("relation", i),
        });
    }
    let mut known = HashSet::new();
    for (table, id) in wanted {
        if defined.contains(&id) || known.contains(&id) {
            continue;
        }
        // `table` is one of our constant names.
        let sql = format!("SELECT 1 FROM {table} WHERE id = ?1");
        if conn
            .prepare_cached(&sql)?
            .query_row([id], |_| Ok(()))
            .optional()?
            .is_some()
        {
            known.insert(id);
        }
    }
    Ok(known)
}

/// Writes a dataset into the store inside the caller's transaction. Records whose id already
/// exists are replaced when different and left alone when identical. Any problem → error, and the
/// caller's transaction is rolled back, so the store is unchanged.
pub(crate) fn import(conn: &Connection, d: &Dataset) -> Result<ImportSummary> {
    import_with_progress(conn, d, &|_, _| true)
}

/// [`import`] with a progress callback that may cancel (returning `false`).
pub(crate) fn import_with_progress(
    conn: &Connection,
    d: &Dataset,
    progress: &dyn Fn(u64, u64) -> bool,
) -> Result<ImportSummary> {
    let total = d.len() as u64;
    let done = std::cell::Cell::new(0u64);
    let tick = || -> Result<()> {
        done.set(done.get() + 1);
        if done.get().is_multiple_of(256) && !progress(done.get(), total) {
            return Err(StoreError::Cancelled);
        }
        Ok(())
    };
    let problems = d.validate(&known_ids(conn, d)?);
    if !problems.is_empty() {
        return Err(StoreError::InvalidDataset(problems));
    }
    // Parents, sources and events may come after what refers to them in the file.
    conn.pragma_update(None, "defer_foreign_keys", "ON")?;
    let mut s = ImportSummary::default();
    upsert(
        &tick,
        &mut s.actors,
        &d.actors,
        |r| actors::get(conn, r.id),
        |r| actors::insert(conn, r),
        |r| actors::update(conn, r),
    )?;
    upsert(
        &tick,
        &mut s.sources,
        &d.sources,
        |r| sources::get(conn, r.id),
        |r| sources::insert(conn, r),
        |r| sources::update(conn, r),
    )?;
    upsert(
        &tick,
        &mut s.excerpts,
        &d.excerpts,
        |r| sources::get_excerpt(conn, r.id),
        |r| sources::insert_excerpt(conn, r),
        |r| sources::update_excerpt(conn, r),
    )?;
    upsert(
        &tick,
        &mut s.events,
        &d.events,
        |r| events::get(conn, r.id),
        |r| events::insert(conn, r),
        |r| events::update(conn, r),
    )?;
    upsert(
        &tick,
        &mut s.participations,
        &d.participations,
        |r| links::get_participation(conn, r.id),
        |r| links::insert_participation(conn, r),
        |r| links::update_participation(conn, r),
    )?;
    upsert(
        &tick,
        &mut s.relations,
        &d.relations,
        |r| links::get_relation(conn, r.id),
        |r| links::insert_relation(conn, r),
        |r| links::update_relation(conn, r),
    )?;
    upsert(
        &tick,
        &mut s.evidence,
        &d.evidence,
        |r| links::get_evidence(conn, r.id),
        |r| links::insert_evidence(conn, r),
        |r| {
            links::delete_link(conn, "evidence", r.id)?;
            links::insert_evidence(conn, r)
        },
    )?;
    // A cancel that arrives after the last record still comes before the commit.
    if !progress(total, total) {
        return Err(StoreError::Cancelled);
    }
    Ok(s)
}

fn upsert<T: PartialEq>(
    tick: &dyn Fn() -> Result<()>,
    counts: &mut ImportCounts,
    records: &[T],
    get: impl Fn(&T) -> Result<Option<T>>,
    insert: impl Fn(&T) -> Result<()>,
    update: impl Fn(&T) -> Result<()>,
) -> Result<()> {
    for r in records {
        tick()?;
        match get(r)? {
            None => {
                insert(r)?;
                counts.created += 1;
            }
            Some(existing) if existing == *r => counts.unchanged += 1,
            Some(_) => {
                update(r)?;
                counts.updated += 1;
            }
        }
    }
    Ok(())
}
