//! Full-text search over an Arabic-normalised shadow of every record's text.
//!
//! Each record's text is normalised (see [`crate::model::normalize`]) into the `body` column of a
//! contentless FTS5 table, and the light-stemmed forms of its Arabic words (والمغرب → المغرب → مغرب)
//! into `stems`, so a query term matches any attached-prefix form. Snippets and highlights are
//! computed here from the original text, so the user sees their text as written.

use super::error::Result;
use crate::model::{Id, light_stems, normalize, words};
use rusqlite::{Connection, params};

/// Which table a search entry points into; the tag is the low 3 bits of the FTS rowid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An event.
    Event = 1,
    /// An actor.
    Actor = 2,
    /// A source.
    Source = 3,
    /// An excerpt.
    Excerpt = 4,
}

impl Kind {
    fn from_tag(tag: i64) -> Option<Self> {
        Some(match tag {
            1 => Self::Event,
            2 => Self::Actor,
            3 => Self::Source,
            4 => Self::Excerpt,
            _ => return None,
        })
    }

    /// The table the entry points into.
    fn table(self) -> &'static str {
        match self {
            Self::Event => "event",
            Self::Actor => "actor",
            Self::Source => "source",
            Self::Excerpt => "excerpt",
        }
    }
}

fn fts_rowid(kind: Kind, n: i64) -> i64 {
    n * 8 + kind as i64
}

/// The normalised body and the extra stemmed forms of a text.
pub(crate) fn shadow(text: &str) -> (String, String) {
    let body = normalize(text);
    let mut stems = String::new();
    for (_, _, w) in words(&body) {
        for s in light_stems(w) {
            stems.push_str(&s);
            stems.push(' ');
        }
    }
    (body, stems)
}

/// Adds a record's text to the index.
pub(crate) fn add(conn: &Connection, kind: Kind, n: i64, text: &str) -> Result<()> {
    let (body, stems) = shadow(text);
    conn.prepare_cached("INSERT INTO search_fts (rowid, body, stems) VALUES (?1, ?2, ?3)")?
        .execute(params![fts_rowid(kind, n), body, stems])?;
    Ok(())
}

/// Removes a record from the index.
pub(crate) fn remove(conn: &Connection, kind: Kind, n: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM search_fts WHERE rowid = ?1")?
        .execute([fts_rowid(kind, n)])?;
    Ok(())
}

/// A parsed search query: normalised terms, and whether they form a quoted phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// Normalised terms, in order.
    pub terms: Vec<String>,
    /// The user quoted the query: match the words together, in order.
    pub phrase: bool,
}

impl Query {
    /// Parses what the user typed. Operators are not exposed: every word is a term; the last
    /// word (or every word, outside a phrase) matches as a prefix.
    pub fn parse(input: &str) -> Self {
        let trimmed = input.trim();
        let phrase = trimmed.chars().count() >= 2
            && (trimmed.starts_with('"') && trimmed.ends_with('"')
                || trimmed.starts_with('«') && trimmed.ends_with('»'));
        let norm = normalize(trimmed);
        let terms = words(&norm)
            .into_iter()
            .map(|(_, _, w)| w.to_owned())
            .collect();
        Self { terms, phrase }
    }

    /// Whether there is nothing to look for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The FTS5 MATCH expression. Terms are quoted, so nothing the user types is an operator.
    pub fn to_fts(&self) -> String {
        self.fts(true)
    }

    /// The same query with whole words only (no prefix): FTS5 walks a word's list of records
    /// lazily, newest first, while a prefix first merges the lists of every word it begins
    /// (a third of the store for «المغرب*»), which costs ~200 ms on a million excerpts.
    pub fn to_fts_words(&self) -> String {
        self.fts(false)
    }

    fn fts(&self, prefix: bool) -> String {
        let star = if prefix { " *" } else { "" };
        let quoted: Vec<String> = self
            .terms
            .iter()
            .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
            .collect();
        if self.phrase {
            format!("body : ({}{star})", quoted.join(" + "))
        } else {
            quoted
                .iter()
                .map(|t| format!("{{body stems}} : {t}{star}"))
                .collect::<Vec<_>>()
                .join(" AND ")
        }
    }

    /// Whether a word of the original text matches one of the terms (for highlighting).
    pub fn matches_word(&self, word: &str) -> bool {
        let norm = normalize(word);
        let mut forms = light_stems(&norm);
        forms.push(norm);
        self.terms
            .iter()
            .any(|t| forms.iter().any(|f| f.starts_with(t.as_str())))
    }
}

/// One search result.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Hit {
    /// Kind of record.
    pub kind: Kind,
    /// The record's id.
    pub id: Id,
    /// Its title or name, as written.
    pub title: String,
    /// A window of the matching text, as written.
    pub snippet: String,
    /// Char ranges of `snippet` to highlight.
    pub highlights: Vec<(usize, usize)>,
    /// bm25 score (lower is better); 0 when unranked.
    pub score: f64,
}

/// How many of the newest matches [`search`] ranks. bm25 over every match of a common word (a
/// third of a million excerpts) takes ~0.4 s, too slow to run as the user types; ranking the
/// newest matches keeps it under 100 ms, and is exact whenever a query matches fewer records.
pub const RANK_CANDIDATES: usize = 4_000;

/// `AND` clause restricting matches to one kind of record (bound as `?3`).
fn kind_clause(kind: Option<Kind>) -> &'static str {
    if kind.is_some() {
        "AND (rowid & 7) = ?3"
    } else {
        ""
    }
}

/// Runs `sql` (MATCH `?1`, limit `?2`, kind `?3`) and returns `(rowid, score)` pairs.
pub(super) fn matches(
    conn: &Connection,
    sql: &str,
    fts: &str,
    kind: Option<Kind>,
    limit: usize,
) -> Result<Vec<(i64, f64)>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = if let Some(k) = kind {
        stmt.query(params![fts, limit as i64, k as i64])?
    } else {
        stmt.query(params![fts, limit as i64])?
    };
    let mut found = Vec::new();
    while let Some(r) = rows.next()? {
        found.push((r.get(0)?, r.get(1)?));
    }
    Ok(found)
}

/// Ranked search: the best `limit` records for `query` by bm25 among the newest
/// [`RANK_CANDIDATES`] matches, optionally of one kind.
pub(crate) fn search(
    conn: &Connection,
    query: &Query,
    kind: Option<Kind>,
    limit: usize,
) -> Result<Vec<Hit>> {
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT rowid, score FROM (SELECT rowid, bm25(search_fts, 1.0, 0.6) AS score FROM search_fts \
         WHERE search_fts MATCH ?1 {} ORDER BY rowid DESC LIMIT {RANK_CANDIDATES}) \
         ORDER BY score, rowid DESC LIMIT ?2",
        kind_clause(kind)
    );
    // When whole words alone fill the candidate set, rank those: the newest matches a prefix
    // would mostly give too, without merging the lists of every word the prefix begins.
    let fts = if has_words(conn, query, kind, RANK_CANDIDATES)? {
        query.to_fts_words()
    } else {
        query.to_fts()
    };
    let found = matches(conn, &sql, &fts, kind, limit)?;
    load_hits(conn, query, found)
}

/// Unranked search for typing: the newest `limit` matches, in a few milliseconds whatever the
/// query (no score is computed; [`Hit::score`] is 0).
pub(crate) fn search_first(
    conn: &Connection,
    query: &Query,
    kind: Option<Kind>,
    limit: usize,
) -> Result<Vec<Hit>> {
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let sql = newest_sql(kind);
    let mut found = matches(conn, &sql, &query.to_fts_words(), kind, limit)?;
    if found.len() < limit {
        // Too few whole-word matches (the last word is still being typed): add prefix ones.
        for m in matches(conn, &sql, &query.to_fts(), kind, limit)? {
            if found.len() < limit && !found.iter().any(|f| f.0 == m.0) {
                found.push(m);
            }
        }
    }
    load_hits(conn, query, found)
}

/// The newest matches of `?1`, unscored.
fn newest_sql(kind: Option<Kind>) -> String {
    format!(
        "SELECT rowid, 0.0 FROM search_fts WHERE search_fts MATCH ?1 {} ORDER BY rowid DESC LIMIT ?2",
        kind_clause(kind)
    )
}

/// Whether the query's whole words (no prefix) match at least `n` records.
fn has_words(conn: &Connection, query: &Query, kind: Option<Kind>, n: usize) -> Result<bool> {
    let found = matches(conn, &newest_sql(kind), &query.to_fts_words(), kind, n)?;
    Ok(found.len() >= n)
}

fn load_hits(conn: &Connection, query: &Query, found: Vec<(i64, f64)>) -> Result<Vec<Hit>> {
    let mut hits = Vec::with_capacity(found.len());
    for (rowid, score) in found {
        let Some(k) = Kind::from_tag(rowid & 7) else {
            continue;
        };
        if let Some(hit) = load_hit(conn, query, k, rowid >> 3, score)? {
            hits.push(hit);
        }
    }
    Ok(hits)
}

/// Reads the record behind an index entry and cuts its snippet.
fn load_hit(
    conn: &Connection,
    query: &Query,
    kind: Kind,
    n: i64,
    score: f64,
) -> Result<Option<Hit>> {
    let sql = match kind {
        Kind::Event => {
            "SELECT id, coalesce(title_ar, title_en, ''), \
                        coalesce(title_ar, '') || ' ' || coalesce(title_en, '') || ' ' || coalesce(description, '') || ' ' || coalesce(place, '') \
                        FROM event WHERE n = ?1"
        }
        Kind::Actor => {
            "SELECT id, coalesce(name_ar, name_en, name_fr, acronym, ''), \
                        concat_ws(' ', name_ar, name_en, name_fr, acronym, (SELECT group_concat(value, ' ') FROM json_each(aliases)), description) \
                        FROM actor WHERE n = ?1"
        }
        Kind::Source => {
            "SELECT id, title, concat_ws(' ', title, outlet, notes, full_text) FROM source WHERE n = ?1"
        }
        Kind::Excerpt => {
            "SELECT x.id, s.title, x.text || ' ' || coalesce(x.translation, '') \
                          FROM excerpt x JOIN source s ON s.id = x.source_id WHERE x.n = ?1"
        }
    };
    debug_assert!(sql.contains(kind.table()));
    let row = conn.prepare_cached(sql)?.query_row([n], |r| {
        Ok((
            r.get::<_, Id>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    });
    let (id, title, text) = match row {
        Ok(v) => v,
        Err(rusqlite::Error::QueryReturnedNoRows) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let (snippet, highlights) = snippet(&text, query, 24);
    Ok(Some(Hit {
        kind,
        id,
        title,
        snippet,
        highlights,
        score,
    }))
}

/// A window of about `context` words around the first match in `text`, with the matching words'
/// char ranges inside the window.
pub fn snippet(text: &str, query: &Query, context: usize) -> (String, Vec<(usize, usize)>) {
    let ws = words(text);
    let first = ws
        .iter()
        .position(|(_, _, w)| query.matches_word(w))
        .unwrap_or(0);
    let from_word = first.saturating_sub(context / 3);
    let to_word = (from_word + context).min(ws.len());
    if ws.is_empty() {
        return (text.chars().take(200).collect(), Vec::new());
    }
    let start = if from_word == 0 { 0 } else { ws[from_word].0 };
    let end = if to_word >= ws.len() {
        text.chars().count()
    } else {
        ws[to_word - 1].1
    };
    let mut out: String = text.chars().skip(start).take(end - start).collect();
    let mut offset = 0;
    if start > 0 {
        out.insert(0, '…');
        offset = 1;
    }
    if end < text.chars().count() {
        out.push('…');
    }
    let highlights = ws[from_word..to_word]
        .iter()
        .filter(|(_, _, w)| query.matches_word(w))
        .map(|(s, e, _)| (s - start + offset, e - start + offset))
        .collect();
    (out.replace(['\n', '\r'], " "), highlights)
}

/// Empties the index (before [`super::Store::rebuild_search`] refills it).
pub(crate) fn clear(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM search_fts", [])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_terms_are_normalised_and_quoted() {
        let q = Query::parse("الإرهاب FBI");
        assert_eq!(q.terms, ["الارهاب", "fbi"]);
        assert_eq!(
            q.to_fts(),
            "{body stems} : \"الارهاب\" * AND {body stems} : \"fbi\" *"
        );
        let p = Query::parse("«مكافحة الإرهاب»");
        assert!(p.phrase);
        assert_eq!(p.to_fts(), "body : (\"مكافحه\" + \"الارهاب\" *)");
    }

    #[test]
    fn operators_and_quotes_are_inert() {
        let q = Query::parse("a OR b NOT \" NEAR( * ^");
        assert_eq!(q.terms, ["a", "or", "b", "not", "near"]);
        assert!(q.to_fts().matches("AND").count() == 4);
    }

    #[test]
    fn snippet_highlights_original_spelling() {
        let q = Query::parse("الارهاب");
        let text = "قال المسؤول إن مكافحة الإرْهاب أولوية، وإن الإرهاب يتطور";
        let (snip, hl) = snippet(text, &q, 24);
        let marked: Vec<String> = hl
            .iter()
            .map(|(s, e)| snip.chars().skip(*s).take(e - s).collect())
            .collect();
        assert_eq!(marked, ["الإرْهاب", "الإرهاب"]);
    }

    #[test]
    fn snippet_of_prefixed_word() {
        let q = Query::parse("المغرب");
        let (snip, hl) = snippet("تعاون أمني بين واشنطن والمغرب", &q, 24);
        let marked: Vec<String> = hl
            .iter()
            .map(|(s, e)| snip.chars().skip(*s).take(e - s).collect())
            .collect();
        assert_eq!(marked, ["والمغرب"]);
    }
}

#[cfg(test)]
mod word_first_tests {
    use crate::model::{Event, EventKind};
    use crate::store::{SearchKind, Store};

    fn store_with(titles: &[&str]) -> Store {
        let mut s = Store::in_memory().unwrap();
        s.write(|w| {
            for t in titles {
                let mut e = Event::new(EventKind::Other);
                e.title_ar = Some((*t).into());
                w.insert_event(&e)?;
            }
            Ok(())
        })
        .unwrap();
        s
    }

    /// Whole-word matches come first even when a prefix-only match is newer; prefix matches
    /// fill the rest, once each.
    #[test]
    fn first_results_take_whole_words_before_prefixes() {
        let s = store_with(&["زيارة إلى المغرب", "الدبلوماسية المغربية"]);
        let one = s
            .search_first("المغرب", Some(SearchKind::Event), 1)
            .unwrap();
        assert_eq!(one.len(), 1);
        assert!(one[0].title.ends_with("المغرب"), "{}", one[0].title);
        let both = s
            .search_first("المغرب", Some(SearchKind::Event), 5)
            .unwrap();
        assert_eq!(both.len(), 2, "the prefix match is added, not repeated");
        let typing = s.search_first("المغر", Some(SearchKind::Event), 5).unwrap();
        assert_eq!(
            typing.len(),
            2,
            "a word still being typed matches as a prefix"
        );
    }

    #[test]
    fn ranked_search_still_finds_prefix_matches_when_words_are_few() {
        let s = store_with(&["زيارة إلى المغرب", "الدبلوماسية المغربية"]);
        let hits = s.search("المغرب", Some(SearchKind::Event), 5).unwrap();
        assert_eq!(hits.len(), 2);
    }
}
