//! Finding known actors in a text by any of their names, acronyms or aliases.

use super::forms::{Word, clitic_forms, joins_name, words};
use crate::model::Actor;
use serde::Serialize;
use std::collections::HashMap;

/// Names longer than this many words are not looked for (they are descriptions, not names).
const MAX_NAME_WORDS: usize = 12;

/// One name of one actor, as a sequence of word keys after the first.
#[derive(Clone, Debug)]
struct Entry {
    rest: Vec<String>,
    actor: usize,
}

/// The names of a list of actors, ready to be looked for in texts.
#[derive(Clone, Debug, Default)]
pub struct ActorIndex {
    /// First word key → the names that start with it.
    by_first: HashMap<String, Vec<Entry>>,
    /// Upper-case acronyms, matched as written (so «EU» is not the French «eu»).
    acronyms: HashMap<String, usize>,
    len: usize,
}

/// A known actor named in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActorMention {
    /// Position of the actor in the list the index was built from.
    pub actor: usize,
    /// First char of the mention.
    pub start: usize,
    /// Char after the mention.
    pub end: usize,
    /// The words as written, clitics included («وللمغرب»).
    pub phrase: String,
}

/// Whether a name is an acronym to be matched case-sensitively (BCIJ, FBI, EU).
fn is_acronym(name: &str) -> bool {
    let n = name.trim();
    (2..=8).contains(&n.len())
        && n.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && n.bytes().any(|b| b.is_ascii_uppercase())
}

impl ActorIndex {
    /// Indexes every name, acronym and alias of `actors`.
    pub fn new(actors: &[Actor]) -> Self {
        let mut index = Self {
            len: actors.len(),
            ..Self::default()
        };
        for (i, actor) in actors.iter().enumerate() {
            for name in actor.all_names() {
                index.add(name, i);
            }
        }
        index
    }

    /// Number of actors indexed.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no actor is indexed.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn add(&mut self, name: &str, actor: usize) {
        if is_acronym(name) {
            self.acronyms.entry(name.trim().to_owned()).or_insert(actor);
            return;
        }
        let keys: Vec<String> = words(name).into_iter().map(|w| w.key).collect();
        let Some((first, rest)) = keys.split_first() else {
            return;
        };
        if keys.len() > MAX_NAME_WORDS {
            return;
        }
        let entries = self.by_first.entry(first.clone()).or_default();
        if !entries.iter().any(|e| e.rest == rest) {
            entries.push(Entry {
                rest: rest.to_vec(),
                actor,
            });
        }
    }

    /// Every mention of an indexed actor in `text`, in order, never overlapping; at each word
    /// the longest name wins («مكتب التحقيقات الفيدرالي الأميركي» over «مكتب …»).
    pub fn find(&self, text: &str) -> Vec<ActorMention> {
        let ws = words(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            match self.longest_at(text, &ws, i) {
                Some((len, actor)) => {
                    let (a, b) = (&ws[i], &ws[i + len - 1]);
                    out.push(ActorMention {
                        actor,
                        start: a.start,
                        end: b.end,
                        phrase: text[a.bytes.0..b.bytes.1].to_owned(),
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The longest name starting at word `i`: its length in words and its actor.
    fn longest_at(&self, text: &str, ws: &[Word<'_>], i: usize) -> Option<(usize, usize)> {
        let word = &ws[i];
        let mut best: Option<(usize, usize)> = self.acronyms.get(word.raw).map(|&actor| (1, actor));
        for form in clitic_forms(&word.key) {
            let Some(entries) = self.by_first.get(&form) else {
                continue;
            };
            for e in entries {
                let len = 1 + e.rest.len();
                if best.is_some_and(|(b, _)| b >= len) || i + len > ws.len() {
                    continue;
                }
                let matches = e.rest.iter().enumerate().all(|(k, want)| {
                    let w = &ws[i + 1 + k];
                    w.key == *want && joins_name(&text[w.gap_from..w.bytes.0])
                });
                if matches {
                    best = Some((len, e.actor));
                }
            }
        }
        best
    }
}

/// Normalised form of a whole name, for comparing proposals with known names.
pub(crate) fn name_key(name: &str) -> String {
    words(name)
        .into_iter()
        .map(|w| w.key)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorKind;

    fn actor(ar: &str, en: &str, acronym: Option<&str>, aliases: &[&str]) -> Actor {
        let mut a = Actor::new(ActorKind::Other);
        a.name_ar = Some(ar.into());
        a.name_en = Some(en.into());
        a.acronym = acronym.map(str::to_owned);
        a.aliases = aliases.iter().map(|s| s.to_string()).collect();
        a
    }

    fn found(index: &ActorIndex, text: &str) -> Vec<(usize, String)> {
        index
            .find(text)
            .into_iter()
            .map(|m| (m.actor, m.phrase))
            .collect()
    }

    #[test]
    fn finds_names_with_clitics_and_variants() {
        let actors = [
            actor("المغرب", "Morocco", None, &["المملكة المغربية"]),
            actor(
                "الولايات المتحدة",
                "United States",
                None,
                &["أميركا", "واشنطن"],
            ),
            actor(
                "مكتب التحقيقات الفيدرالي الأميركي",
                "Federal Bureau of Investigation",
                Some("FBI"),
                &["مكتب التحقيقات الفيدرالي"],
            ),
            actor(
                "المكتب المركزي للأبحاث القضائية",
                "Central Bureau",
                Some("BCIJ"),
                &[],
            ),
            actor("الاتحاد الأوروبي", "European Union", Some("EU"), &[]),
        ];
        let index = ActorIndex::new(&actors);
        let text = "وللمغرب علاقات مع للولايات المتحدة وأمريكا، ومكتب التحقيقات الفيدرالي الأمريكي \
                    يعمل مع المكتب المركزي للأبحاث القضائية (BCIJ) في بواشنطن. Le Maroc eu des liens with the EU and morocco.";
        let got = found(&index, text);
        let want: Vec<(usize, String)> = vec![
            (0, "وللمغرب".into()),
            (1, "للولايات المتحدة".into()),
            (1, "وأمريكا".into()),
            (2, "ومكتب التحقيقات الفيدرالي الأمريكي".into()),
            (3, "المكتب المركزي للأبحاث القضائية".into()),
            (3, "BCIJ".into()),
            (1, "بواشنطن".into()),
            (4, "EU".into()),
            (0, "morocco".into()),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn names_do_not_cross_sentences() {
        let index = ActorIndex::new(&[actor("الولايات المتحدة", "United States", None, &[])]);
        assert!(index.find("في الولايات. المتحدة").is_empty());
        assert_eq!(index.find("في الولايات المتحدة").len(), 1);
    }
}
