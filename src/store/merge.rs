//! Merging duplicate actors: every link moves to the kept actor, names become aliases, the
//! duplicate goes to the trash. Everything needed to undo it is returned.

use super::error::{Result, StoreError};
use super::trash::{self, Removed, TrashKind};
use super::{actors, links};
use crate::model::{Actor, Evidence, EvidenceTarget, Id, Participation, Relation, normalize};
use rusqlite::Connection;
use std::collections::HashMap;

/// What a merge did, enough to undo it exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The kept actor as it was before.
    pub keep_before: Actor,
    /// The duplicate with all its original links.
    pub removed: Removed,
    /// The trash entry holding the duplicate.
    pub trash_entry: i64,
    /// Links created on the kept actor: `(table, id)`.
    pub created: Vec<(&'static str, Id)>,
}

/// Merges `remove` into `keep`.
pub(crate) fn merge(conn: &Connection, keep: Id, remove: Id, now: &str) -> Result<Merged> {
    if keep == remove {
        return Err(StoreError::Conflict(
            "an actor cannot be merged with itself".into(),
        ));
    }
    let not_found = |id: Id| StoreError::NotFound {
        what: "actor",
        id: id.to_string(),
    };
    let keep_before = actors::get(conn, keep)?.ok_or_else(|| not_found(keep))?;
    let dup = actors::get(conn, remove)?.ok_or_else(|| not_found(remove))?;
    let (removed, _) = trash::collect(conn, TrashKind::Actor, remove)?;
    let mut created = Vec::new();
    let mut new_ids: HashMap<Id, Id> = HashMap::new();
    let existing: Vec<Participation> = links::participations_of_actor(conn, keep)?;
    for p in &removed.records.participations {
        let same = existing
            .iter()
            .find(|e| e.event_id == p.event_id && e.role == p.role);
        let target = match same {
            Some(e) => e.id,
            None => {
                let np = Participation::new(p.event_id, keep, p.role);
                links::insert_participation(conn, &np)?;
                created.push(("participation", np.id));
                np.id
            }
        };
        new_ids.insert(p.id, target);
    }
    for r in &removed.records.relations {
        let (from, to) = (swap(r.from_id, remove, keep), swap(r.to_id, remove, keep));
        if from == to {
            continue; // a relation between the two duplicates disappears with the merge
        }
        let nr = Relation {
            id: Id::new(),
            from_id: from,
            to_id: to,
            ..r.clone()
        };
        links::insert_relation(conn, &nr)?;
        created.push(("relation", nr.id));
        new_ids.insert(r.id, nr.id);
    }
    for e in &removed.records.evidence {
        let target = match e.target {
            EvidenceTarget::Participation(p) => {
                new_ids.get(&p).map(|n| EvidenceTarget::Participation(*n))
            }
            EvidenceTarget::Relation(r) => new_ids.get(&r).map(|n| EvidenceTarget::Relation(*n)),
            EvidenceTarget::Event(_) => None,
        };
        if let Some(target) = target {
            let ne = Evidence::new(e.excerpt_id, target);
            links::insert_evidence(conn, &ne)?;
            created.push(("evidence", ne.id));
        }
    }
    for child in &removed.children {
        conn.execute(
            "UPDATE actor SET parent_id = ?1 WHERE id = ?2",
            rusqlite::params![keep, child],
        )?;
    }
    let trash_entry = trash::delete(conn, TrashKind::Actor, remove, now)?;
    actors::update(conn, &merged_actor(&keep_before, &dup))?;
    Ok(Merged {
        keep_before,
        removed,
        trash_entry,
        created,
    })
}

fn swap(id: Id, from: Id, to: Id) -> Id {
    if id == from { to } else { id }
}

/// The kept actor enriched with the duplicate's names (as aliases) and missing fields.
fn merged_actor(keep: &Actor, dup: &Actor) -> Actor {
    let mut a = keep.clone();
    for (mine, theirs) in [
        (&mut a.name_ar, &dup.name_ar),
        (&mut a.name_en, &dup.name_en),
        (&mut a.name_fr, &dup.name_fr),
        (&mut a.acronym, &dup.acronym),
    ] {
        if mine.is_none() {
            mine.clone_from(theirs);
        }
    }
    let known: Vec<String> = a.all_names().map(normalize).collect();
    let mut aliases = a.aliases.clone();
    for name in dup.all_names() {
        let n = normalize(name);
        if !known.contains(&n) && !aliases.iter().any(|x| normalize(x) == n) {
            aliases.push(name.to_owned());
        }
    }
    a.aliases = aliases;
    if a.country.is_none() {
        a.country.clone_from(&dup.country);
    }
    if a.description.is_none() {
        a.description.clone_from(&dup.description);
    }
    if a.parent_id.is_none() && dup.parent_id != Some(a.id) {
        a.parent_id = dup.parent_id;
    }
    a
}

/// Undoes a merge: the created links go, the kept actor gets its old fields back, and the
/// duplicate returns from the trash with its own links.
pub(crate) fn unmerge(conn: &Connection, m: &Merged) -> Result<()> {
    for (table, id) in m.created.iter().rev() {
        links::delete_link(conn, table, *id)?;
    }
    actors::update(conn, &m.keep_before)?;
    trash::restore(conn, m.trash_entry)?;
    Ok(())
}
