//! A self-contained part of a dataset: some events with everything they need, so that an
//! export of filtered events imports cleanly into another store.

use super::{Dataset, EvidenceTarget, Id};
use std::collections::HashSet;

impl Dataset {
    /// The events in `ids`, their participants (and those actors' parents), the relations
    /// between those actors, the evidence for any of these, and the excerpts and sources it
    /// quotes. Lists keep their order.
    pub fn for_events(&self, ids: &HashSet<Id>) -> Dataset {
        let events: Vec<_> = self
            .events
            .iter()
            .filter(|e| ids.contains(&e.id))
            .cloned()
            .collect();
        let participations: Vec<_> = self
            .participations
            .iter()
            .filter(|p| ids.contains(&p.event_id))
            .cloned()
            .collect();
        let actor_ids = self.with_parents(participations.iter().map(|p| p.actor_id).collect());
        let relations: Vec<_> = self
            .relations
            .iter()
            .filter(|r| actor_ids.contains(&r.from_id) && actor_ids.contains(&r.to_id))
            .cloned()
            .collect();
        let parts: HashSet<Id> = participations.iter().map(|p| p.id).collect();
        let rels: HashSet<Id> = relations.iter().map(|r| r.id).collect();
        let evidence: Vec<_> = self
            .evidence
            .iter()
            .filter(|e| match e.target {
                EvidenceTarget::Event(i) => ids.contains(&i),
                EvidenceTarget::Participation(i) => parts.contains(&i),
                EvidenceTarget::Relation(i) => rels.contains(&i),
            })
            .cloned()
            .collect();
        let excerpt_ids: HashSet<Id> = evidence.iter().map(|e| e.excerpt_id).collect();
        let excerpts: Vec<_> = self
            .excerpts
            .iter()
            .filter(|x| excerpt_ids.contains(&x.id))
            .cloned()
            .collect();
        let source_ids: HashSet<Id> = excerpts.iter().map(|x| x.source_id).collect();
        Dataset {
            actors: self
                .actors
                .iter()
                .filter(|a| actor_ids.contains(&a.id))
                .cloned()
                .collect(),
            sources: self
                .sources
                .iter()
                .filter(|s| source_ids.contains(&s.id))
                .cloned()
                .collect(),
            excerpts,
            events,
            participations,
            relations,
            evidence,
        }
    }

    /// `ids` and, transitively, the parents of those actors.
    fn with_parents(&self, mut ids: HashSet<Id>) -> HashSet<Id> {
        let parent: std::collections::HashMap<Id, Id> = self
            .actors
            .iter()
            .filter_map(|a| Some((a.id, a.parent_id?)))
            .collect();
        let mut todo: Vec<Id> = ids.iter().copied().collect();
        while let Some(id) = todo.pop() {
            if let Some(p) = parent.get(&id)
                && ids.insert(*p)
            {
                todo.push(*p);
            }
        }
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Actor, ActorKind, Event, EventKind, Evidence, Excerpt, Participation, Role, Source,
        SourceKind,
    };

    #[test]
    fn keeps_what_the_chosen_events_need_and_nothing_else() {
        let mut d = Dataset::default();
        let mut parent = Actor::new(ActorKind::State);
        parent.name_ar = Some("المغرب".into());
        let mut agency = Actor::new(ActorKind::SecurityService);
        agency.name_ar = Some("المديرية العامة لمراقبة التراب الوطني".into());
        agency.parent_id = Some(parent.id);
        let mut other = Actor::new(ActorKind::State);
        other.name_en = Some("Spain".into());
        let mut kept = Event::new(EventKind::Arrest);
        kept.title_ar = Some("تفكيك خلية".into());
        let dropped = Event::new(EventKind::Arrest);
        let src = Source::new(SourceKind::NewsArticle, "هسبريس");
        let unused = Source::new(SourceKind::NewsArticle, "Le360");
        let x = Excerpt::new(src.id, "نص");
        let y = Excerpt::new(unused.id, "texte");
        d.participations = vec![
            Participation::new(kept.id, agency.id, Role::ArrestingBody),
            Participation::new(dropped.id, other.id, Role::Partner),
        ];
        d.evidence = vec![
            Evidence::new(x.id, EvidenceTarget::Event(kept.id)),
            Evidence::new(y.id, EvidenceTarget::Event(dropped.id)),
        ];
        d.actors = vec![parent.clone(), agency.clone(), other];
        d.events = vec![kept.clone(), dropped];
        d.sources = vec![src.clone(), unused];
        d.excerpts = vec![x.clone(), y];
        let part = d.for_events(&HashSet::from([kept.id]));
        assert_eq!(part.events, vec![kept]);
        let actors: HashSet<Id> = part.actors.iter().map(|a| a.id).collect();
        assert_eq!(actors, HashSet::from([agency.id, parent.id]));
        assert_eq!(part.sources, vec![src]);
        assert_eq!(part.excerpts, vec![x]);
        assert_eq!(part.evidence.len(), 1);
        assert!(part.validate(&HashSet::new()).is_empty());
    }
}
