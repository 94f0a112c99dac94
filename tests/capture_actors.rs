//! Actor recognition on the five seed articles, measured against the sample store that was
//! built from them by hand. Run with `--nocapture` to see the numbers.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marsad::model::{Actor, EvidenceTarget, Id};
use marsad::text::mentions::ActorIndex;
use std::collections::{BTreeSet, HashMap, HashSet};

const ARTICLES: &[(&str, &str)] = &[
    (
        "000_57d40bb425135772.txt",
        include_str!("fixtures/articles/000_57d40bb425135772.txt"),
    ),
    (
        "001_a9b625424dd5dee5.txt",
        include_str!("fixtures/articles/001_a9b625424dd5dee5.txt"),
    ),
    (
        "002_3e5b7103260264d2.txt",
        include_str!("fixtures/articles/002_3e5b7103260264d2.txt"),
    ),
    (
        "003_f7bd7c8e5b3f259c.txt",
        include_str!("fixtures/articles/003_f7bd7c8e5b3f259c.txt"),
    ),
    (
        "004_0c3cad49e99fc61d.txt",
        include_str!("fixtures/articles/004_0c3cad49e99fc61d.txt"),
    ),
];

const LABELS: &str = include_str!("fixtures/articles/mentioned_actors.json");

/// The actors the researcher linked to events evidenced by each source.
fn linked_actors(data: &marsad::model::Dataset) -> HashMap<Id, HashSet<Id>> {
    let excerpt_source: HashMap<Id, Id> =
        data.excerpts.iter().map(|x| (x.id, x.source_id)).collect();
    let participation: HashMap<Id, (Id, Id)> = data
        .participations
        .iter()
        .map(|p| (p.id, (p.event_id, p.actor_id)))
        .collect();
    let mut event_sources: HashMap<Id, HashSet<Id>> = HashMap::new();
    for e in &data.evidence {
        let Some(&source) = excerpt_source.get(&e.excerpt_id) else {
            continue;
        };
        let event = match e.target {
            EvidenceTarget::Event(id) => Some(id),
            EvidenceTarget::Participation(p) => participation.get(&p).map(|(ev, _)| *ev),
            EvidenceTarget::Relation(_) => None,
        };
        if let Some(ev) = event {
            event_sources.entry(ev).or_default().insert(source);
        }
    }
    let mut out: HashMap<Id, HashSet<Id>> = HashMap::new();
    for p in &data.participations {
        for s in event_sources.get(&p.event_id).into_iter().flatten() {
            out.entry(*s).or_default().insert(p.actor_id);
        }
    }
    out
}

fn label_of(a: &Actor) -> String {
    a.display_name(false).to_owned()
}

#[test]
fn actor_recognition_precision_and_recall_on_the_seed_articles() {
    let data = marsad::sample::dataset().unwrap();
    let index = ActorIndex::new(&data.actors);
    let linked = linked_actors(&data);
    let labels: serde_json::Value = serde_json::from_str(LABELS).unwrap();
    let (mut found_total, mut found_true) = (0usize, 0usize);
    let (mut labelled_total, mut labelled_found) = (0usize, 0usize);
    let (mut linked_total, mut linked_found) = (0usize, 0usize);
    for (file, text) in ARTICLES {
        let source = data
            .sources
            .iter()
            .find(|s| s.full_text.as_deref() == Some(*text))
            .expect("each seed article is a source of the sample store");
        let found: BTreeSet<usize> = index.find(text).into_iter().map(|m| m.actor).collect();
        let found_ids: HashSet<Id> = found.iter().map(|&i| data.actors[i].id).collect();
        let found_names: BTreeSet<String> =
            found.iter().map(|&i| label_of(&data.actors[i])).collect();
        let truth: BTreeSet<String> = labels[file]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
        for name in &truth {
            assert!(
                data.actors.iter().any(|a| label_of(a) == *name),
                "label «{name}» is not a sample actor"
            );
        }
        let true_positives = found_names.intersection(&truth).count();
        let wrong: Vec<&String> = found_names.difference(&truth).collect();
        let missed: Vec<&String> = truth.difference(&found_names).collect();
        let links = linked.get(&source.id).cloned().unwrap_or_default();
        let links_found = links.intersection(&found_ids).count();
        println!(
            "{file}: found {}, correct {true_positives}; labelled {} (missed {missed:?}); \
             wrong {wrong:?}; linked in sample {} of which found {links_found}",
            found_names.len(),
            truth.len(),
            links.len()
        );
        found_total += found_names.len();
        found_true += true_positives;
        labelled_total += truth.len();
        labelled_found += true_positives;
        linked_total += links.len();
        linked_found += links_found;
    }
    let precision = found_true as f64 / found_total as f64;
    let recall = labelled_found as f64 / labelled_total as f64;
    let linked_recall = linked_found as f64 / linked_total as f64;
    println!(
        "actor recognition on 5 seed articles: precision {precision:.3} ({found_true}/{found_total}), \
         recall of named actors {recall:.3} ({labelled_found}/{labelled_total}), \
         recall of the sample store's linked actors {linked_recall:.3} ({linked_found}/{linked_total})"
    );
    assert!(precision >= 0.9, "precision {precision:.3}");
    assert!(recall >= 0.9, "recall {recall:.3}");
    assert!(linked_recall >= 0.8, "linked recall {linked_recall:.3}");
}
