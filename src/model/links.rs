//! Links between records: who took part in what, how actors relate, what supports what.

use super::validation::check_span;
use super::{Id, PartialDate, RelationKind, Role, ValidationError};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An actor's part in an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participation {
    /// Identifier (evidence may point at it).
    pub id: Id,
    /// The event.
    pub event_id: Id,
    /// The actor.
    pub actor_id: Id,
    /// What the actor did in the event.
    pub role: Role,
}

impl Participation {
    /// `actor_id` took part in `event_id` as `role`.
    pub fn new(event_id: Id, actor_id: Id, role: Role) -> Self {
        Self {
            id: Id::new(),
            event_id,
            actor_id,
            role,
        }
    }
}

/// A typed, directed link between two actors: `from kind to`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// Identifier.
    pub id: Id,
    /// Subject of the sentence.
    pub from_id: Id,
    /// Object of the sentence.
    pub to_id: Id,
    /// The verb.
    pub kind: RelationKind,
    /// Since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    /// Until when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// A note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Relation {
    /// `from kind to`, undated.
    pub fn new(from_id: Id, kind: RelationKind, to_id: Id) -> Self {
        Self {
            id: Id::new(),
            from_id,
            to_id,
            kind,
            start: None,
            end: None,
            note: None,
        }
    }

    /// Checks the record on its own.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if self.from_id == self.to_id {
            return Err(ValidationError::SelfRelation);
        }
        check_span(self.start, self.end)
    }
}

/// What an excerpt supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EvidenceTarget {
    /// An event as a whole.
    Event(Id),
    /// An actor's part in an event.
    Participation(Id),
    /// A relation between actors.
    Relation(Id),
}

/// An excerpt offered as evidence for an event, a participation or a relation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// Identifier.
    pub id: Id,
    /// The supporting excerpt.
    pub excerpt_id: Id,
    /// What it supports.
    pub target: EvidenceTarget,
}

impl Evidence {
    /// `excerpt_id` supports `target`.
    pub fn new(excerpt_id: Id, target: EvidenceTarget) -> Self {
        Self {
            id: Id::new(),
            excerpt_id,
            target,
        }
    }
}

/// The file shape of evidence: exactly one of the three target keys.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceRecord {
    id: Id,
    excerpt_id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    event_id: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    participation_id: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    relation_id: Option<Id>,
}

impl Serialize for Evidence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (mut event_id, mut participation_id, mut relation_id) = (None, None, None);
        match self.target {
            EvidenceTarget::Event(id) => event_id = Some(id),
            EvidenceTarget::Participation(id) => participation_id = Some(id),
            EvidenceTarget::Relation(id) => relation_id = Some(id),
        }
        EvidenceRecord {
            id: self.id,
            excerpt_id: self.excerpt_id,
            event_id,
            participation_id,
            relation_id,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Evidence {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = EvidenceRecord::deserialize(d)?;
        let target = match (r.event_id, r.participation_id, r.relation_id) {
            (Some(id), None, None) => EvidenceTarget::Event(id),
            (None, Some(id), None) => EvidenceTarget::Participation(id),
            (None, None, Some(id)) => EvidenceTarget::Relation(id),
            _ => {
                return Err(serde::de::Error::custom(
                    "evidence needs exactly one of event_id, participation_id, relation_id",
                ));
            }
        };
        Ok(Self {
            id: r.id,
            excerpt_id: r.excerpt_id,
            target,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_has_exactly_one_target() {
        let e = Evidence::new(Id::new(), EvidenceTarget::Relation(Id::new()));
        let json = serde_json::to_string(&e).unwrap();
        assert!(json.contains("relation_id") && !json.contains("event_id"));
        assert_eq!(serde_json::from_str::<Evidence>(&json).unwrap(), e);
        let two = format!(
            r#"{{"id":"{}","excerpt_id":"{}","event_id":"{}","relation_id":"{}"}}"#,
            Id::new(),
            Id::new(),
            Id::new(),
            Id::new()
        );
        assert!(
            serde_json::from_str::<Evidence>(&two)
                .unwrap_err()
                .to_string()
                .contains("exactly one")
        );
    }

    #[test]
    fn relation_to_self_is_refused() {
        let a = Id::new();
        assert_eq!(
            Relation::new(a, RelationKind::CooperatesWith, a).validate(),
            Err(ValidationError::SelfRelation)
        );
    }
}
