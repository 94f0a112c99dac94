//! The words synthetic records are made of, taken from the bundled sample store so that the
//! generated text has the spelling, prefixes and word frequencies of real Arabic reporting.

use super::rng::Rng;
use crate::model::{Dataset, words};

/// Runs of words as they appear in the sample, by language.
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// Arabic words of excerpts, descriptions and full texts, in reading order.
    pub arabic: Vec<String>,
    /// Arabic words of event titles, in reading order.
    pub arabic_titles: Vec<String>,
    /// English words of event titles and actor names, in reading order.
    pub english: Vec<String>,
    /// Places named in the sample.
    pub places: Vec<String>,
    /// Tags used in the sample.
    pub tags: Vec<String>,
    /// Outlets of the sample's sources.
    pub outlets: Vec<String>,
}

fn is_arabic(word: &str) -> bool {
    word.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

fn push_words(out: &mut Vec<String>, text: &str, arabic: bool) {
    for (_, _, w) in words(text) {
        if is_arabic(w) == arabic && !w.chars().all(|c| c.is_ascii_digit()) {
            out.push(w.to_owned());
        }
    }
}

impl Vocabulary {
    /// The vocabulary of a dataset (the sample store).
    pub fn from_dataset(d: &Dataset) -> Self {
        let mut v = Self::default();
        for x in &d.excerpts {
            push_words(&mut v.arabic, &x.text, true);
        }
        for s in &d.sources {
            if let Some(t) = &s.full_text {
                push_words(&mut v.arabic, t, true);
            }
            if let Some(o) = &s.outlet {
                v.outlets.push(o.clone());
            }
        }
        for e in &d.events {
            if let Some(t) = &e.title_ar {
                push_words(&mut v.arabic_titles, t, true);
            }
            if let Some(t) = &e.title_en {
                push_words(&mut v.english, t, false);
            }
            if let Some(t) = &e.description {
                push_words(&mut v.arabic, t, true);
            }
            if let Some(p) = &e.place {
                v.places.push(p.clone());
            }
            v.tags.extend(e.tags.iter().cloned());
        }
        for a in &d.actors {
            if let Some(n) = &a.name_en {
                push_words(&mut v.english, n, false);
            }
        }
        for list in [&mut v.places, &mut v.tags, &mut v.outlets] {
            list.sort();
            list.dedup();
        }
        v
    }

    /// Whether every list has something to draw from.
    pub fn is_usable(&self) -> bool {
        [
            &self.arabic,
            &self.arabic_titles,
            &self.english,
            &self.places,
            &self.tags,
        ]
        .iter()
        .all(|l| !l.is_empty())
    }
}

/// Between `min` and `max` words (rounded up to a whole run) from `stream`, copied in runs of 2–7 consecutive words from random
/// places: word frequencies and common pairs follow the sample (so phrase queries find things).
pub fn text(rng: &mut Rng, stream: &[String], min: usize, max: usize) -> String {
    let count = rng.range(min, max);
    let mut out = String::new();
    let mut n = 0;
    while n < count {
        let run = rng.range(2, 7).min(stream.len());
        let start = rng.below(stream.len() - run + 1);
        for w in &stream[start..start + run] {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        n += run;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_vocabulary_is_arabic_and_english() {
        let d = crate::sample::dataset().unwrap();
        let v = Vocabulary::from_dataset(&d);
        assert!(v.is_usable());
        assert!(v.arabic.len() > 1_000, "{}", v.arabic.len());
        assert!(v.arabic.iter().all(|w| is_arabic(w)));
        assert!(v.english.iter().all(|w| !is_arabic(w)));
        assert!(v.arabic.iter().any(|w| w == "المغرب"));
    }

    #[test]
    fn text_draws_runs_from_the_stream() {
        let stream: Vec<String> = ["a", "b", "c", "d"].iter().map(|s| s.to_string()).collect();
        let t = text(&mut Rng::new(3), &stream, 10, 10);
        assert!(t.split(' ').count() >= 10);
        assert!(t.split(' ').all(|w| stream.iter().any(|s| s == w)));
    }
}
