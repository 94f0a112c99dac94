//! `marsad generate`: a realistic synthetic store of any size, for benchmarks and load tests.
//!
//! Titles and excerpts are runs of words from the bundled sample store (Arabic mostly, English
//! titles too), dates are partial (year, month or day) over 1990–2026 with more events in recent
//! years, a few actors take part in most events (power law), and sources carry grades. The same
//! seed always gives the same store, record ids included. Everything is written through the
//! store's public API in one transaction
//! ([`Store::write_bulk`]).

mod records;
pub mod rng;
pub mod vocab;

use crate::store::{Store, StoreError};
use rng::Rng;
use vocab::Vocabulary;

/// How big a store to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    /// Events.
    pub events: usize,
    /// Actors.
    pub actors: usize,
    /// Sources.
    pub sources: usize,
    /// Excerpts (spread over the sources).
    pub excerpts: usize,
    /// Seed: the same seed and sizes give the same store.
    pub seed: u64,
}

/// What was written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Generated {
    /// Events.
    pub events: usize,
    /// Actors.
    pub actors: usize,
    /// Sources.
    pub sources: usize,
    /// Excerpts.
    pub excerpts: usize,
    /// Event–actor links.
    pub participations: usize,
    /// Actor–actor links.
    pub relations: usize,
    /// Excerpt–event links.
    pub evidence: usize,
}

/// Why generation failed.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    /// Excerpts need a source, participations an actor.
    #[error("{0}")]
    Spec(String),
    /// The bundled sample, which the words come from, does not load (a build defect).
    #[error("the bundled sample store is damaged: {0}")]
    Sample(#[from] crate::import::ImportError),
    /// The store refused a record.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Spec {
    /// Checks that the sizes fit together.
    pub fn check(&self) -> Result<(), GenerateError> {
        if self.excerpts > 0 && self.sources == 0 {
            return Err(GenerateError::Spec(
                "--excerpts needs at least one source (--sources)".into(),
            ));
        }
        if self.events > 0 && self.actors == 0 {
            return Err(GenerateError::Spec(
                "--events needs at least one actor (--actors)".into(),
            ));
        }
        Ok(())
    }
}

/// Fills `store` (normally empty) with a synthetic store of the given sizes, in one transaction.
pub fn generate(store: &mut Store, spec: &Spec) -> Result<Generated, GenerateError> {
    spec.check()?;
    let vocab = Vocabulary::from_dataset(&crate::sample::dataset()?);
    if !vocab.is_usable() {
        return Err(GenerateError::Spec(
            "the bundled sample has too few words to draw from".into(),
        ));
    }
    let mut rng = Rng::new(spec.seed);
    let mut made = records::Maker::new(&vocab, spec.seed);
    let summary = store.write_bulk(|w| made.write_all(w, &mut rng, spec))?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny(seed: u64) -> Spec {
        Spec {
            events: 60,
            actors: 20,
            sources: 5,
            excerpts: 120,
            seed,
        }
    }

    #[test]
    fn counts_match_the_spec_and_the_store_is_sound() {
        let mut s = Store::in_memory().unwrap();
        let g = generate(&mut s, &tiny(1)).unwrap();
        let stats = s.stats().unwrap();
        assert_eq!(
            (g.events, g.actors, g.sources, g.excerpts),
            (60, 20, 5, 120)
        );
        assert_eq!(stats.events as usize, 60);
        assert_eq!(stats.actors as usize, 20);
        assert_eq!(stats.sources as usize, 5);
        assert_eq!(stats.excerpts as usize, 120);
        assert!(g.participations >= 60 && g.relations > 0 && g.evidence > 0);
        assert!(s.check().unwrap().is_ok());
    }

    #[test]
    fn same_seed_same_store_other_seed_other_store() {
        let dump = |seed| {
            let mut s = Store::in_memory().unwrap();
            generate(&mut s, &tiny(seed)).unwrap();
            serde_json::to_string(&s.export().unwrap()).unwrap()
        };
        assert_eq!(dump(5), dump(5));
        assert_ne!(dump(5), dump(6));
    }

    #[test]
    fn arabic_text_is_searchable() {
        let mut s = Store::in_memory().unwrap();
        generate(&mut s, &tiny(2)).unwrap();
        let hits = s.search("المغرب", None, 10).unwrap();
        assert!(!hits.is_empty());
    }

    #[test]
    fn excerpts_without_sources_are_refused() {
        let spec = Spec {
            sources: 0,
            ..tiny(1)
        };
        let mut s = Store::in_memory().unwrap();
        assert!(matches!(
            generate(&mut s, &spec),
            Err(GenerateError::Spec(_))
        ));
    }
}
