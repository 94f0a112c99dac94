//! A whole store's content in memory: what the native JSON format holds.

use super::{
    Actor, Event, Evidence, EvidenceTarget, Excerpt, Id, Participation, Relation, Source,
    ValidationError,
};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Everything a store holds, in one value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Actors.
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// Sources.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Excerpts.
    #[serde(default)]
    pub excerpts: Vec<Excerpt>,
    /// Events.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Event–actor links.
    #[serde(default)]
    pub participations: Vec<Participation>,
    /// Actor–actor links.
    #[serde(default)]
    pub relations: Vec<Relation>,
    /// Excerpt–claim links.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// A problem found in a dataset, with where it is.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{collection}[{index}] ({id}): {message}")]
pub struct DatasetProblem {
    /// Which list (`events`, `actors`…).
    pub collection: &'static str,
    /// Position in that list, 0-based.
    pub index: usize,
    /// The record's id.
    pub id: Id,
    /// What is wrong.
    pub message: String,
}

impl Dataset {
    /// Sorts every list by id, the canonical order of the file format.
    pub fn sort(&mut self) {
        self.actors.sort_by_key(|r| r.id);
        self.sources.sort_by_key(|r| r.id);
        self.excerpts.sort_by_key(|r| r.id);
        self.events.sort_by_key(|r| r.id);
        self.participations.sort_by_key(|r| r.id);
        self.relations.sort_by_key(|r| r.id);
        self.evidence.sort_by_key(|r| r.id);
    }

    /// Number of records of every kind.
    pub fn len(&self) -> usize {
        self.actors.len()
            + self.sources.len()
            + self.excerpts.len()
            + self.events.len()
            + self.participations.len()
            + self.relations.len()
            + self.evidence.len()
    }

    /// Whether the dataset holds no record at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Validates every record and every reference; `known` holds ids that exist outside the
    /// dataset (e.g. in the store it is imported into). Returns all problems, not just the first.
    pub fn validate(&self, known: &HashSet<Id>) -> Vec<DatasetProblem> {
        let mut v = Validator {
            known,
            ids: HashSet::new(),
            problems: Vec::new(),
        };
        v.records(self);
        v.references(self);
        v.problems
    }
}

struct Validator<'a> {
    known: &'a HashSet<Id>,
    ids: HashSet<Id>,
    problems: Vec<DatasetProblem>,
}

impl Validator<'_> {
    fn push(&mut self, collection: &'static str, index: usize, id: Id, message: impl Into<String>) {
        self.problems.push(DatasetProblem {
            collection,
            index,
            id,
            message: message.into(),
        });
    }

    fn check(
        &mut self,
        collection: &'static str,
        index: usize,
        id: Id,
        result: Result<(), ValidationError>,
    ) {
        if !self.ids.insert(id) {
            self.push(collection, index, id, "duplicate id");
        }
        if let Err(e) = result {
            self.push(collection, index, id, e.to_string());
        }
    }

    fn records(&mut self, d: &Dataset) {
        let texts: HashMap<Id, Option<&str>> = d
            .sources
            .iter()
            .map(|s| (s.id, s.full_text.as_deref()))
            .collect();
        for (i, r) in d.actors.iter().enumerate() {
            self.check("actors", i, r.id, r.validate());
        }
        for (i, r) in d.sources.iter().enumerate() {
            self.check("sources", i, r.id, r.validate());
        }
        for (i, r) in d.excerpts.iter().enumerate() {
            let full = texts.get(&r.source_id).copied().flatten();
            self.check("excerpts", i, r.id, r.validate(full));
        }
        for (i, r) in d.events.iter().enumerate() {
            self.check("events", i, r.id, r.validate());
        }
        for (i, r) in d.participations.iter().enumerate() {
            self.check("participations", i, r.id, Ok(()));
        }
        for (i, r) in d.relations.iter().enumerate() {
            self.check("relations", i, r.id, r.validate());
        }
        for (i, r) in d.evidence.iter().enumerate() {
            self.check("evidence", i, r.id, Ok(()));
        }
    }

    fn exists(&self, id: Id) -> bool {
        self.ids.contains(&id) || self.known.contains(&id)
    }

    fn reference(
        &mut self,
        collection: &'static str,
        index: usize,
        id: Id,
        field: &str,
        target: Id,
    ) {
        if !self.exists(target) {
            self.push(
                collection,
                index,
                id,
                format!("{field} {target} does not exist"),
            );
        }
    }

    fn references(&mut self, d: &Dataset) {
        for (i, r) in d.actors.iter().enumerate() {
            if let Some(p) = r.parent_id {
                self.reference("actors", i, r.id, "parent_id", p);
            }
        }
        for (i, r) in d.excerpts.iter().enumerate() {
            self.reference("excerpts", i, r.id, "source_id", r.source_id);
        }
        for (i, r) in d.participations.iter().enumerate() {
            self.reference("participations", i, r.id, "event_id", r.event_id);
            self.reference("participations", i, r.id, "actor_id", r.actor_id);
        }
        for (i, r) in d.relations.iter().enumerate() {
            self.reference("relations", i, r.id, "from_id", r.from_id);
            self.reference("relations", i, r.id, "to_id", r.to_id);
        }
        for (i, r) in d.evidence.iter().enumerate() {
            self.reference("evidence", i, r.id, "excerpt_id", r.excerpt_id);
            let (field, target) = match r.target {
                EvidenceTarget::Event(t) => ("event_id", t),
                EvidenceTarget::Participation(t) => ("participation_id", t),
                EvidenceTarget::Relation(t) => ("relation_id", t),
            };
            self.reference("evidence", i, r.id, field, target);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, EventKind, Role};

    #[test]
    fn reports_every_broken_reference() {
        let mut d = Dataset::default();
        let mut ev = Event::new(EventKind::Arrest);
        ev.title_en = Some("Arrest".into());
        d.participations
            .push(Participation::new(ev.id, Id::new(), Role::Suspect));
        d.events.push(ev);
        let problems = d.validate(&HashSet::new());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].to_string().starts_with("participations[0]"),
            "{}",
            problems[0]
        );
        assert!(problems[0].message.contains("actor_id"));
    }

    #[test]
    fn known_ids_satisfy_references() {
        let mut d = Dataset::default();
        let mut a = Actor::new(ActorKind::State);
        a.name_en = Some("Morocco".into());
        let outside = Id::new();
        a.parent_id = Some(outside);
        d.actors.push(a);
        assert_eq!(d.validate(&HashSet::new()).len(), 1);
        assert!(d.validate(&HashSet::from([outside])).is_empty());
    }

    #[test]
    fn duplicate_ids_are_reported() {
        let mut d = Dataset::default();
        let mut a = Actor::new(ActorKind::State);
        a.name_en = Some("Morocco".into());
        d.actors.push(a.clone());
        d.actors.push(a);
        assert_eq!(d.validate(&HashSet::new())[0].message, "duplicate id");
    }
}
