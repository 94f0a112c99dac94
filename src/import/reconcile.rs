//! Matching a plan's actors to actors already in the store. Parsers cannot see the store, so
//! they create fresh actors; the caller then rewires them with a lookup it provides.

use super::ImportPlan;
use crate::model::Id;
use std::collections::{HashMap, HashSet};

/// Replaces every plan actor that `existing` knows (by any of its names, acronym or aliases)
/// with a reference to the existing record: the plan's copy is dropped, so the store's richer
/// record is not overwritten, and participations, relations and parents point at the existing
/// id. Returns how many actors were matched.
///
/// `existing` receives each name as written; a closure over `Store::find_actors_by_name`
/// (which matches normalised names) fits.
pub fn reconcile(plan: &mut ImportPlan, existing: &dyn Fn(&str) -> Option<Id>) -> usize {
    let mut rewired: HashMap<Id, Id> = HashMap::new();
    for actor in &plan.data.actors {
        let found = actor.all_names().find_map(existing);
        if let Some(id) = found.filter(|id| *id != actor.id) {
            rewired.insert(actor.id, id);
        }
    }
    if rewired.is_empty() {
        return 0;
    }
    let map = |id: &mut Id| {
        if let Some(new) = rewired.get(id) {
            *id = *new;
        }
    };
    let data = &mut plan.data;
    data.actors.retain(|a| !rewired.contains_key(&a.id));
    for a in &mut data.actors {
        if let Some(p) = a.parent_id.as_mut() {
            map(p);
        }
    }
    for p in &mut data.participations {
        map(&mut p.actor_id);
    }
    let mut seen = HashSet::new();
    data.participations
        .retain(|p| seen.insert((p.event_id, p.actor_id, p.role)));
    for r in &mut data.relations {
        map(&mut r.from_id);
        map(&mut r.to_id);
    }
    // Two spellings of one stored actor may now make a relation to itself.
    data.relations.retain(|r| r.from_id != r.to_id);
    rewired.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::plan_builder::PlanBuilder;
    use crate::model::{ActorKind, Event, EventKind, Role};

    #[test]
    fn rewires_to_existing_ids_by_name() {
        let mut b = PlanBuilder::default();
        let ma = b.actor_named("Morocco", ActorKind::State, 2).unwrap();
        let other = b.actor_named("Spain", ActorKind::State, 2).unwrap();
        let mut e = Event::new(EventKind::OfficialVisit);
        e.title_en = Some("Visit".into());
        let ev = b.add_event(e, &[(ma, Role::Host), (other, Role::Visitor)], None, 2);
        let mut plan = b.finish();
        let stored = Id::new();
        let n = reconcile(&mut plan, &|name| (name == "Morocco").then_some(stored));
        assert_eq!(n, 1);
        assert_eq!(plan.data.actors.len(), 1);
        assert!(
            plan.data
                .participations
                .iter()
                .any(|p| p.actor_id == stored && p.event_id == ev)
        );
    }
}
