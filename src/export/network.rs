//! The actor network shared by the graph exports (GraphML, GEXF): actors as nodes, relations
//! as typed directed edges, and co-participation in events as undirected edges weighted by the
//! number of events the two actors share.

use crate::model::{Actor, Dataset, Id, Relation};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// An edge of the network.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// Stable edge id (the relation's id, or `co:` and the two actor ids).
    pub id: String,
    /// Source actor.
    pub from: Id,
    /// Target actor.
    pub to: Id,
    /// The relation kind code, or `co_participation`.
    pub kind: String,
    /// Whether the edge has a direction (relations) or not (co-participation).
    pub directed: bool,
    /// 1 for a relation; the number of shared events for co-participation.
    pub weight: u32,
    /// Relation note, or the titles of the shared events.
    pub label: String,
}

/// Nodes (every actor, in store order) and edges.
pub struct Network<'a> {
    /// The actors.
    pub nodes: Vec<&'a Actor>,
    /// The edges, relations first.
    pub edges: Vec<Edge>,
}

/// The kind code of co-participation edges.
pub const CO_PARTICIPATION: &str = "co_participation";

fn relation_edge(r: &Relation) -> Edge {
    Edge {
        id: r.id.to_string(),
        from: r.from_id,
        to: r.to_id,
        kind: r.kind.code().to_owned(),
        directed: true,
        weight: 1,
        label: r.note.clone().unwrap_or_default(),
    }
}

/// Builds the network of `d`. Links to actors not in `d` are left out.
pub fn network(d: &Dataset) -> Network<'_> {
    let known: BTreeSet<Id> = d.actors.iter().map(|a| a.id).collect();
    let mut edges: Vec<Edge> = d
        .relations
        .iter()
        .filter(|r| known.contains(&r.from_id) && known.contains(&r.to_id))
        .map(relation_edge)
        .collect();
    let mut by_event: HashMap<Id, BTreeSet<Id>> = HashMap::new();
    for p in d
        .participations
        .iter()
        .filter(|p| known.contains(&p.actor_id))
    {
        by_event.entry(p.event_id).or_default().insert(p.actor_id);
    }
    let titles: HashMap<Id, &str> = d
        .events
        .iter()
        .map(|e| (e.id, e.display_title(true)))
        .collect();
    // Ordered maps keep the output identical from one export to the next.
    let mut pairs: BTreeMap<(Id, Id), Vec<&str>> = BTreeMap::new();
    for (event, actors) in &by_event {
        let list: Vec<Id> = actors.iter().copied().collect();
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                pairs
                    .entry((*a, *b))
                    .or_default()
                    .push(titles.get(event).copied().unwrap_or(""));
            }
        }
    }
    for ((a, b), mut events) in pairs {
        events.sort_unstable();
        edges.push(Edge {
            id: format!("co:{a}:{b}"),
            from: a,
            to: b,
            kind: CO_PARTICIPATION.to_owned(),
            directed: false,
            weight: u32::try_from(events.len()).unwrap_or(u32::MAX),
            label: events.join(" | "),
        });
    }
    Network {
        nodes: d.actors.iter().collect(),
        edges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, Event, EventKind, Participation, RelationKind, Role};

    #[test]
    fn co_participation_is_weighted_by_shared_events() {
        let mut d = Dataset::default();
        let names = ["المغرب", "الولايات المتحدة", "FBI"];
        for n in names {
            let mut a = Actor::new(ActorKind::State);
            a.name_ar = Some(n.into());
            d.actors.push(a);
        }
        let (a, b, c) = (d.actors[0].id, d.actors[1].id, d.actors[2].id);
        for i in 0..3 {
            let mut e = Event::new(EventKind::OfficialVisit);
            e.title_ar = Some(format!("زيارة {i}"));
            d.participations
                .push(Participation::new(e.id, a, Role::Host));
            d.participations
                .push(Participation::new(e.id, b, Role::Visitor));
            if i == 0 {
                d.participations
                    .push(Participation::new(e.id, c, Role::Participant));
            }
            d.events.push(e);
        }
        d.relations.push(Relation::new(c, RelationKind::PartOf, b));
        let n = network(&d);
        assert_eq!(n.nodes.len(), 3);
        assert_eq!(n.edges[0].kind, "part_of");
        assert!(n.edges[0].directed);
        let ab = n.edges.iter().find(|e| {
            e.kind == CO_PARTICIPATION && [e.from, e.to].contains(&a) && [e.from, e.to].contains(&b)
        });
        assert_eq!(ab.map(|e| e.weight), Some(3));
        assert_eq!(
            n.edges
                .iter()
                .filter(|e| e.weight == 1 && !e.directed)
                .count(),
            2
        );
    }
}
