//! Resolves a briefing's scope against the store into [`BriefingData`], through the store's
//! indexed look-ups only (one query for the event list, then point reads), so a scope of
//! thousands of events costs milliseconds, not a table scan per event.

use super::data::{ActorItem, BriefingData, EventItem, ExcerptItem, RelationItem, SourceItem};
use super::{BriefingError, Progress};
use crate::model::{BriefingScope, Evidence, Id, Role};
use crate::store::Store;
use std::collections::HashMap;

/// Reads everything the scope covers. `progress` is told after each event and may return
/// `false` to cancel.
pub fn resolve(
    store: &Store,
    scope: &BriefingScope,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<BriefingData, BriefingError> {
    let ids = store.briefing_event_ids(scope)?;
    let mut r = Resolver {
        store,
        data: BriefingData::default(),
        actor_index: HashMap::new(),
        source_index: HashMap::new(),
        excerpt_cache: HashMap::new(),
    };
    let total = ids.len();
    for (done, id) in ids.into_iter().enumerate() {
        r.event(id)?;
        if !progress(Progress::Resolving {
            done: done + 1,
            total,
        }) {
            return Err(BriefingError::Cancelled);
        }
    }
    r.relations()?;
    r.order_actors();
    Ok(r.data)
}

struct Resolver<'a> {
    store: &'a Store,
    data: BriefingData,
    actor_index: HashMap<Id, usize>,
    source_index: HashMap<Id, usize>,
    excerpt_cache: HashMap<Id, Option<ExcerptItem>>,
}

impl Resolver<'_> {
    fn event(&mut self, id: Id) -> Result<(), BriefingError> {
        let Some(event) = self.store.event(id)? else {
            return Ok(());
        };
        let mut actors = Vec::new();
        for p in self.store.participations_of_event(id)? {
            if let Some(i) = self.actor(p.actor_id, p.role)? {
                actors.push((i, p.role));
            }
        }
        let excerpts = self.supporting(self.store.evidence_of_event(id)?)?;
        let mut sources: Vec<usize> = excerpts.iter().map(|x| x.source).collect();
        sources.sort_unstable();
        sources.dedup();
        for &s in &sources {
            self.data.sources[s].events += 1;
        }
        self.data.events.push(EventItem {
            event,
            actors,
            excerpts,
            sources,
        });
        Ok(())
    }

    /// The actor's index, adding it (and counting the event and role) on the way.
    fn actor(&mut self, id: Id, role: Role) -> Result<Option<usize>, BriefingError> {
        let i = match self.actor_index.get(&id) {
            Some(&i) => i,
            None => {
                let Some(actor) = self.store.actor(id)? else {
                    return Ok(None);
                };
                self.data.actors.push(ActorItem {
                    actor,
                    roles: Vec::new(),
                    events: 0,
                });
                let i = self.data.actors.len() - 1;
                self.actor_index.insert(id, i);
                i
            }
        };
        let item = &mut self.data.actors[i];
        item.events += 1;
        if !item.roles.contains(&role) {
            item.roles.push(role);
        }
        Ok(Some(i))
    }

    /// The distinct excerpts behind some evidence, in source then reading order.
    fn supporting(&mut self, evidence: Vec<Evidence>) -> Result<Vec<ExcerptItem>, BriefingError> {
        let mut out: Vec<ExcerptItem> = Vec::new();
        for ev in evidence {
            if out.iter().any(|x| x.excerpt.id == ev.excerpt_id) {
                continue;
            }
            if let Some(x) = self.excerpt(ev.excerpt_id)? {
                out.push(x);
            }
        }
        out.sort_by_key(|x| (x.source, x.excerpt.start));
        Ok(out)
    }

    fn excerpt(&mut self, id: Id) -> Result<Option<ExcerptItem>, BriefingError> {
        if let Some(cached) = self.excerpt_cache.get(&id) {
            return Ok(cached.clone());
        }
        let item = match self.store.excerpt(id)? {
            Some(excerpt) => self
                .source(excerpt.source_id)?
                .map(|source| ExcerptItem { excerpt, source }),
            None => None,
        };
        self.excerpt_cache.insert(id, item.clone());
        Ok(item)
    }

    fn source(&mut self, id: Id) -> Result<Option<usize>, BriefingError> {
        if let Some(&i) = self.source_index.get(&id) {
            return Ok(Some(i));
        }
        let Some(mut source) = self.store.source(id)? else {
            return Ok(None);
        };
        // The full text can be long and no writer prints it.
        source.full_text = None;
        self.data.sources.push(SourceItem { source, events: 0 });
        let i = self.data.sources.len() - 1;
        self.source_index.insert(id, i);
        Ok(Some(i))
    }

    /// Relations whose both ends are actors in scope, each once.
    fn relations(&mut self) -> Result<(), BriefingError> {
        let mut seen = std::collections::HashSet::new();
        let ids: Vec<Id> = self.data.actors.iter().map(|a| a.actor.id).collect();
        for id in ids {
            for relation in self.store.relations_of(id)? {
                let (Some(&from), Some(&to)) = (
                    self.actor_index.get(&relation.from_id),
                    self.actor_index.get(&relation.to_id),
                ) else {
                    continue;
                };
                if !seen.insert(relation.id) {
                    continue;
                }
                let evidence = self.store.relation_evidence(relation.id)?;
                let excerpts = self.supporting(evidence)?;
                self.data.relations.push(RelationItem {
                    relation,
                    from,
                    to,
                    excerpts,
                });
            }
        }
        Ok(())
    }

    /// Most involved actors first; indices held by events and relations are remapped.
    fn order_actors(&mut self) {
        let actors = &self.data.actors;
        let mut order: Vec<usize> = (0..actors.len()).collect();
        order.sort_by(|&a, &b| actors[b].events.cmp(&actors[a].events).then(a.cmp(&b)));
        let mut new_index = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut slots: Vec<Option<ActorItem>> = std::mem::take(&mut self.data.actors)
            .into_iter()
            .map(Some)
            .collect();
        self.data.actors = order.iter().filter_map(|&old| slots[old].take()).collect();
        for e in &mut self.data.events {
            for (i, _) in &mut e.actors {
                *i = new_index[*i];
            }
        }
        for r in &mut self.data.relations {
            r.from = new_index[r.from];
            r.to = new_index[r.to];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EvidenceTarget;
    use crate::sample;

    fn sample_store() -> Store {
        let mut s = Store::in_memory().unwrap();
        sample::load(&mut s).unwrap();
        s
    }

    #[test]
    fn whole_sample_store_resolves_in_date_order_with_sources() {
        let s = sample_store();
        let d = resolve(&s, &BriefingScope::default(), &mut |_| true).unwrap();
        let total = s.stats().unwrap();
        assert_eq!(d.events.len() as u64, total.events);
        let keys: Vec<_> = d
            .events
            .iter()
            .filter_map(|e| e.event.start.map(|x| x.start_key()))
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]));
        assert!(!d.sources.is_empty());
        for e in &d.events {
            for x in &e.excerpts {
                assert!(e.sources.contains(&x.source));
            }
        }
        assert!(d.actors.windows(2).all(|w| w[0].events >= w[1].events));
        let c = d.counts();
        assert_eq!(c.events, d.events.len());
        assert!(c.excerpts > 0 && c.relations > 0);
        for r in &d.relations {
            assert_eq!(d.actors[r.from].actor.id, r.relation.from_id);
            assert_eq!(d.actors[r.to].actor.id, r.relation.to_id);
            for x in &r.excerpts {
                assert!(
                    s.evidence_of_excerpt(x.excerpt.id)
                        .unwrap()
                        .iter()
                        .any(|e| e.target == EvidenceTarget::Relation(r.relation.id))
                );
            }
        }
    }

    #[test]
    fn cancel_stops_resolution() {
        let s = sample_store();
        let mut calls = 0;
        let r = resolve(&s, &BriefingScope::default(), &mut |_| {
            calls += 1;
            calls < 3
        });
        assert!(matches!(r, Err(BriefingError::Cancelled)));
        assert_eq!(calls, 3);
    }
}
