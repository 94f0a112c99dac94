//! The search benchmark's queries and one timed round of each way of answering them.

use super::timed;
use crate::store::{Result, Store};
use std::time::Duration;

/// Arabic queries: the corpus' commonest words (في, من, المغرب, التعاون), attached prefixes,
/// a prefix being typed, spelling variants, and quoted phrases.
pub const ARABIC: [&str; 10] = [
    "في",
    "من",
    "المغرب",
    "التعاون",
    "الإرهاب",
    "الامنية",
    "استخبا",
    "«مكافحة الإرهاب»",
    "«الولايات المتحدة»",
    "الرباط واشنطن",
];

/// Latin-script queries: the commonest English words, a prefix, acronyms and phrases.
pub const LATIN: [&str; 10] = [
    "the",
    "of",
    "Morocco",
    "US",
    "intel",
    "ISIS",
    "security cooperation",
    "\"United States\"",
    "\"African Lion\"",
    "Hammouchi",
];

/// Results per query, as the search window asks for.
pub const LIMIT: usize = 50;

/// Timings of one query answered the two ways the search window uses.
#[derive(Clone, Copy, Debug, Default)]
pub struct Round {
    /// Unranked first page with snippets ([`Store::search_first`]): what search-as-you-type shows.
    pub first: Duration,
    /// Ranked top 50 with snippets ([`Store::search`]).
    pub ranked: Duration,
    /// How many hits the ranked search returned.
    pub hits: usize,
}

/// Runs `query` once each way, as typing it does: first results, then the ranked list.
pub fn round(store: &Store, query: &str) -> Result<Round> {
    let (first, a) = timed(|| store.search_first(query, None, LIMIT));
    a?;
    let (ranked, b) = timed(|| store.search(query, None, LIMIT));
    let hits = b?.len();
    Ok(Round {
        first,
        ranked,
        hits,
    })
}

/// FTS5's own `ORDER BY rank LIMIT 50` over every match, rowids only: the reference.
///
/// Time it in a pass of its own, after ours: ranking ~400k matches frees hundreds of thousands
/// of small blocks, and glibc merges them at the next large allocation (`malloc_consolidate`,
/// ~100 ms measured), which would otherwise be billed to the query that follows.
pub fn raw(store: &Store, query: &str) -> Result<Duration> {
    let (raw, c) = timed(|| store.search_raw_fts(query, LIMIT));
    c?;
    Ok(raw)
}

/// Every query, Arabic then Latin.
pub fn all() -> impl Iterator<Item = &'static str> {
    ARABIC.into_iter().chain(LATIN)
}
