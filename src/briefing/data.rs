//! What a briefing's scope resolves to: the events, actors, sources and relations it covers,
//! linked by index so every writer can walk them without going back to the store.

use crate::model::{Actor, Event, Excerpt, Relation, Role, Source};

/// The records a briefing covers, resolved from the store (see [`super::preview`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BriefingData {
    /// Events in date order, undated last.
    pub events: Vec<EventItem>,
    /// Actors taking part in those events, most involved first.
    pub actors: Vec<ActorItem>,
    /// Sources supporting those events, in order of first citation.
    pub sources: Vec<SourceItem>,
    /// Relations between two actors in scope.
    pub relations: Vec<RelationItem>,
}

/// An event with its actors and the excerpts that support it.
#[derive(Clone, Debug, PartialEq)]
pub struct EventItem {
    /// The event.
    pub event: Event,
    /// Its actors (index into [`BriefingData::actors`]) and their roles, in the order added.
    pub actors: Vec<(usize, Role)>,
    /// Excerpts supporting the event or one of its participations, in source order.
    pub excerpts: Vec<ExcerptItem>,
    /// The distinct sources of those excerpts (indices into [`BriefingData::sources`]).
    pub sources: Vec<usize>,
}

/// A quoted excerpt and where it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct ExcerptItem {
    /// The excerpt, quoted verbatim.
    pub excerpt: Excerpt,
    /// Index into [`BriefingData::sources`].
    pub source: usize,
}

/// An actor in scope.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorItem {
    /// The actor.
    pub actor: Actor,
    /// The distinct roles it plays in the events in scope.
    pub roles: Vec<Role>,
    /// In how many events in scope it takes part.
    pub events: usize,
}

/// A cited source.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceItem {
    /// The source (its full text is not needed and left empty).
    pub source: Source,
    /// How many events in scope it supports.
    pub events: usize,
}

/// A relation between two actors in scope.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationItem {
    /// The relation.
    pub relation: Relation,
    /// Index of the `from` actor in [`BriefingData::actors`].
    pub from: usize,
    /// Index of the `to` actor.
    pub to: usize,
    /// Excerpts supporting the relation.
    pub excerpts: Vec<ExcerptItem>,
}

/// How many records of each kind a briefing covers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Events.
    pub events: usize,
    /// Events without a date.
    pub undated_events: usize,
    /// Events with no supporting excerpt.
    pub unsupported_events: usize,
    /// Actors.
    pub actors: usize,
    /// Sources.
    pub sources: usize,
    /// Distinct excerpts quoted.
    pub excerpts: usize,
    /// Relations between actors in scope.
    pub relations: usize,
}

impl BriefingData {
    /// Counts of what the briefing covers (for the methodology note and the composer).
    pub fn counts(&self) -> Counts {
        let mut excerpts: Vec<_> = self
            .events
            .iter()
            .flat_map(|e| e.excerpts.iter().map(|x| x.excerpt.id))
            .chain(
                self.relations
                    .iter()
                    .flat_map(|r| r.excerpts.iter().map(|x| x.excerpt.id)),
            )
            .collect();
        excerpts.sort();
        excerpts.dedup();
        Counts {
            events: self.events.len(),
            undated_events: self
                .events
                .iter()
                .filter(|e| e.event.start.is_none())
                .count(),
            unsupported_events: self.events.iter().filter(|e| e.excerpts.is_empty()).count(),
            actors: self.actors.len(),
            sources: self.sources.len(),
            excerpts: excerpts.len(),
            relations: self.relations.len(),
        }
    }
}
