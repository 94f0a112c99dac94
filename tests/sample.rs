//! The bundled sample store: verbatim excerpts, evidence for every event, the promised counts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marsad::model::{EvidenceTarget, Id};
use marsad::sample;
use marsad::store::Store;
use std::collections::{HashMap, HashSet};

#[test]
fn sample_counts() {
    let d = sample::dataset().unwrap();
    assert!(d.sources.len() >= 5, "{} sources", d.sources.len());
    assert!(d.events.len() >= 30, "{} events", d.events.len());
    assert!(d.actors.len() >= 40, "{} actors", d.actors.len());
    assert!(d.excerpts.len() >= 60, "{} excerpts", d.excerpts.len());
}

#[test]
fn every_excerpt_is_verbatim_in_its_source() {
    let d = sample::dataset().unwrap();
    let texts: HashMap<Id, &str> = d
        .sources
        .iter()
        .map(|s| (s.id, s.full_text.as_deref().unwrap()))
        .collect();
    for x in &d.excerpts {
        let full = texts[&x.source_id];
        assert!(full.contains(&x.text), "not verbatim: {}", x.text);
        let (start, end) = (x.start.unwrap() as usize, x.end.unwrap() as usize);
        let slice: String = full.chars().skip(start).take(end - start).collect();
        assert_eq!(slice, x.text);
    }
}

#[test]
fn every_event_has_evidence() {
    let d = sample::dataset().unwrap();
    let event_of_participation: HashMap<Id, Id> = d
        .participations
        .iter()
        .map(|p| (p.id, p.event_id))
        .collect();
    let supported: HashSet<Id> = d
        .evidence
        .iter()
        .filter_map(|e| match e.target {
            EvidenceTarget::Event(id) => Some(id),
            EvidenceTarget::Participation(p) => event_of_participation.get(&p).copied(),
            EvidenceTarget::Relation(_) => None,
        })
        .collect();
    for e in &d.events {
        assert!(
            supported.contains(&e.id),
            "no evidence for {}",
            e.display_title(true)
        );
    }
}

#[test]
fn sources_are_the_five_seed_articles() {
    let d = sample::dataset().unwrap();
    let outlets: Vec<&str> = d
        .sources
        .iter()
        .filter_map(|s| s.outlet.as_deref())
        .collect();
    assert!(outlets.contains(&"العربي الجديد"), "{outlets:?}");
    assert!(outlets.contains(&"هسبريس"), "{outlets:?}");
    assert!(outlets.contains(&"أحداث الداخلة"), "{outlets:?}");
    let dated: Vec<String> = d
        .sources
        .iter()
        .filter_map(|s| s.published.map(|p| p.to_string()))
        .collect();
    assert!(dated.contains(&"2022-05-08".to_owned()), "{dated:?}");
    assert!(dated.contains(&"2020-12-25".to_owned()), "{dated:?}");
    assert!(
        d.events
            .iter()
            .any(|e| e.start.map(|s| s.to_string()) == Some("1777".into()))
    );
}

#[test]
fn sample_loads_into_a_store_and_validates() {
    let mut store = Store::in_memory().unwrap();
    let summary = sample::load(&mut store).unwrap();
    let d = sample::dataset().unwrap();
    assert_eq!(summary.written() as usize, d.len());
    assert!(store.check().unwrap().is_ok());
    // The search promised in the foundation issue, on real articles.
    assert!(!store.search("الارهاب", None, 5).unwrap().is_empty());
    assert!(
        !store
            .search("DGST", Some(marsad::store::SearchKind::Actor), 5)
            .unwrap()
            .is_empty()
    );
    assert!(!store.search("حموشي", None, 5).unwrap().is_empty());
}
