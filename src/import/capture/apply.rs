//! Turning the accepted proposals of a capture into records: the source, one excerpt per
//! accepted event (its sentence, with its exact range), the events, the participations of
//! accepted actors, the evidence linking them, and the accepted new actors.
//!
//! Ids are derived from the article's text, so capturing the same article again updates the
//! records instead of duplicating them.

use super::super::plan_builder::name_key;
use super::super::stable_id::{fnv1a_128, stable_id};
use super::Capture;
use crate::model::{
    Actor, Dataset, Event, Evidence, EvidenceTarget, Excerpt, Id, Participation, is_arabic,
};
use std::collections::{HashMap, HashSet};

/// Which proposals the researcher accepted, by their ids in the capture.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Accepted actor proposals.
    pub actors: HashSet<u32>,
    /// Accepted event proposals.
    pub events: HashSet<u32>,
}

impl Selection {
    /// The proposals accepted by default (what `marsad capture --apply` writes).
    pub fn defaults(capture: &Capture) -> Self {
        Self {
            actors: capture
                .actors
                .iter()
                .filter(|a| a.accepted_by_default)
                .map(|a| a.id)
                .collect(),
            events: capture
                .events
                .iter()
                .filter(|e| e.accepted_by_default)
                .map(|e| e.id)
                .collect(),
        }
    }
}

/// The records to write for the accepted proposals. The source is always included; a new actor
/// is created when accepted; an event gets participations only for accepted actors.
pub fn to_dataset(capture: &Capture, selection: &Selection) -> Dataset {
    let mut data = Dataset::default();
    let text = capture.source.full_text.as_deref().unwrap_or("");
    let article_key = format!("{:032x}", fnv1a_128(text.as_bytes()));
    let mut source = capture.source.clone();
    source.id = stable_id("capture-source", &article_key);
    let mut actor_ids: HashMap<u32, Id> = HashMap::new();
    for a in capture
        .actors
        .iter()
        .filter(|a| selection.actors.contains(&a.id))
    {
        let id = match a.known_id {
            Some(id) => id,
            None => {
                let actor = new_actor(a);
                let id = actor.id;
                data.actors.push(actor);
                id
            }
        };
        actor_ids.insert(a.id, id);
    }
    for e in capture
        .events
        .iter()
        .filter(|e| selection.events.contains(&e.id))
    {
        let key = format!("{article_key}:{}:{}", e.excerpt_start, e.excerpt_end);
        let mut excerpt = Excerpt::new(source.id, e.excerpt.clone());
        excerpt.id = stable_id("capture-excerpt", &key);
        excerpt.start = Some(e.excerpt_start as u64);
        excerpt.end = Some(e.excerpt_end as u64);
        let mut event = Event::new(e.kind);
        event.id = stable_id("capture-event", &format!("{key}:{}", e.kind.code()));
        event.title_ar = Some(e.title.clone());
        event.start = e.start;
        event.end = e.end;
        event.date_as_written = e.date_as_written.clone();
        for ea in &e.actors {
            let Some(&actor_id) = actor_ids.get(&ea.actor) else {
                continue;
            };
            let mut p = Participation::new(event.id, actor_id, ea.role);
            p.id = stable_id(
                "capture-participation",
                &format!("{}:{actor_id}:{}", event.id, ea.role.code()),
            );
            if !data.participations.iter().any(|q| q.id == p.id) {
                data.participations.push(p);
            }
        }
        let mut evidence = Evidence::new(excerpt.id, EvidenceTarget::Event(event.id));
        evidence.id = stable_id("capture-evidence", &format!("{}:{}", excerpt.id, event.id));
        data.evidence.push(evidence);
        data.excerpts.push(excerpt);
        data.events.push(event);
    }
    data.sources.push(source);
    data
}

/// A new actor from a proposal, its name in the slot for its script, with the id the other
/// importers give an actor of that name (so the same name is one actor whichever file brought
/// it).
fn new_actor(p: &super::ActorProposal) -> Actor {
    let mut actor = Actor::new(p.kind);
    actor.id = stable_id("actor", &name_key(&p.name));
    let name = p.name.trim().to_owned();
    if p.acronym {
        actor.acronym = Some(name);
    } else if name.chars().any(is_arabic) {
        actor.name_ar = Some(name);
    } else {
        actor.name_en = Some(name);
    }
    actor
}

#[cfg(test)]
mod tests {
    use super::super::{CaptureOptions, capture_text};
    use super::*;
    use crate::model::ActorKind;

    #[test]
    fn accepted_proposals_become_a_valid_dataset_with_stable_ids() {
        let mut dgst = Actor::new(ActorKind::SecurityService);
        dgst.name_ar = Some("المديرية العامة لمراقبة التراب الوطني".into());
        let known = [dgst.clone()];
        let text = "عنوان المقال\n08 مايو 2022\nوفي 26 مارس الماضي، اعتقلت المديرية العامة لمراقبة \
                    التراب الوطني خلية بتنسيق مع جهاز الأمن الخارجي (CNI).";
        let c = capture_text(text, false, &known, &CaptureOptions::default()).unwrap();
        let mut sel = Selection::defaults(&c);
        assert_eq!(sel.events.len(), 1);
        let new_ids: Vec<u32> = c
            .actors
            .iter()
            .filter(|a| a.known_id.is_none())
            .map(|a| a.id)
            .collect();
        assert_eq!(new_ids.len(), 2, "{:?}", c.actors);
        sel.actors.extend(new_ids);
        let d = to_dataset(&c, &sel);
        assert_eq!(
            (d.sources.len(), d.events.len(), d.excerpts.len()),
            (1, 1, 1)
        );
        assert_eq!(d.actors.len(), 2);
        assert_eq!(d.participations.len(), 3);
        let known_ids: HashSet<Id> = known.iter().map(|a| a.id).collect();
        assert!(
            d.validate(&known_ids).is_empty(),
            "{:?}",
            d.validate(&known_ids)
        );
        assert_eq!(
            d.events[0].start.map(|s| s.to_string()).as_deref(),
            Some("2022-03-26")
        );
        let again = to_dataset(&c, &sel);
        assert_eq!(again.events[0].id, d.events[0].id);
        assert_eq!(again.sources[0].id, d.sources[0].id);
        let none = to_dataset(&c, &Selection::default());
        assert_eq!((none.len(), none.sources.len()), (1, 1));
    }
}
