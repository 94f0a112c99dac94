//! Footnote citations in a notes-and-bibliography style close to Chicago: the first note for a
//! source is full (author, «title», outlet, date, URL, grade), later ones short (author or
//! outlet, short title), with Arabic or English punctuation and terms.

use super::document::{Note, Seg};
use super::labels;
use crate::model::{BriefingLanguage, Credibility, Source};
use std::collections::HashSet;

/// Words of a title kept in a short note.
const SHORT_TITLE_WORDS: usize = 5;

/// Hands out notes in document order, remembering which sources were already cited in full.
#[derive(Debug)]
pub struct Citer {
    lang: BriefingLanguage,
    cited: HashSet<usize>,
    /// Every note issued, in print order.
    issued: Vec<Note>,
}

impl Citer {
    /// A citer for a briefing in `lang`.
    pub fn new(lang: BriefingLanguage) -> Self {
        Self {
            lang,
            cited: HashSet::new(),
            issued: Vec::new(),
        }
    }

    /// The note for source number `index`: full the first time, short after.
    pub fn note(&mut self, index: usize, source: &Source) -> Note {
        let mut note = if self.cited.insert(index) {
            full(self.lang, source)
        } else {
            short(self.lang, source)
        };
        note.number = self.issued.len() + 1;
        self.issued.push(note.clone());
        note
    }

    /// The note for a quoted excerpt: the source's note plus the excerpt's credibility.
    pub fn excerpt_note(&mut self, index: usize, source: &Source, grade: Credibility) -> Note {
        let mut note = self.note(index, source);
        let t = labels::terms(self.lang);
        note.segs.push(Seg::plain(
            self.lang,
            format!(
                " {}: {} ({}).",
                t.credibility,
                grade.value(),
                labels::credibility(self.lang, grade)
            ),
        ));
        if let Some(last) = self.issued.last_mut() {
            last.segs.clone_from(&note.segs);
        }
        note
    }

    /// The notes to print at the end: all of them when there are more than `footnote_limit`,
    /// none otherwise (they are footnotes).
    pub fn into_endnotes(self, footnote_limit: usize) -> Vec<Note> {
        if self.issued.len() > footnote_limit {
            self.issued
        } else {
            Vec::new()
        }
    }
}

/// Whether a URL may be emitted as a link: only web addresses; `javascript:`, `data:` and
/// anything else stay plain text.
pub fn is_safe_url(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    (u.starts_with("https://") || u.starts_with("http://"))
        && !u
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

/// The title in the quotation marks of its own script.
fn quoted(title: &str) -> String {
    if title.chars().any(crate::model::is_arabic) {
        format!("«{title}»")
    } else {
        format!("“{title}”")
    }
}

fn who(s: &Source) -> Option<String> {
    let authors: Vec<&str> = s
        .authors
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .collect();
    if authors.is_empty() {
        None
    } else {
        Some(authors.join(" & "))
    }
}

/// The full note: every part the source has, in Chicago order.
pub fn full(lang: BriefingLanguage, s: &Source) -> Note {
    let mut parts: Vec<Seg> = Vec::new();
    if let Some(a) = who(s) {
        parts.push(Seg::text(a));
    }
    parts.push(Seg::text(quoted(s.title.trim())));
    if let Some(o) = s.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
        parts.push(Seg::text(o.to_owned()));
    }
    if let Some(d) = s.published {
        parts.push(Seg::plain(lang, labels::date(lang, d)));
    }
    if let Some(u) = s.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        parts.push(Seg::url(u));
    }
    finish(lang, parts, s)
}

/// The short note: author or outlet, and the title's first words.
pub fn short(lang: BriefingLanguage, s: &Source) -> Note {
    let mut parts: Vec<Seg> = Vec::new();
    let lead = who(s).or_else(|| {
        s.outlet
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(str::to_owned)
    });
    if let Some(l) = lead {
        parts.push(Seg::text(l));
    }
    let words: Vec<&str> = s.title.split_whitespace().collect();
    let title = if words.len() > SHORT_TITLE_WORDS {
        format!("{}…", words[..SHORT_TITLE_WORDS].join(" "))
    } else {
        words.join(" ")
    };
    parts.push(Seg::text(quoted(&title)));
    finish(lang, parts, s)
}

fn finish(lang: BriefingLanguage, parts: Vec<Seg>, s: &Source) -> Note {
    let mut segs: Vec<Seg> = Vec::with_capacity(parts.len() * 2 + 1);
    for (i, p) in parts.into_iter().enumerate() {
        if i > 0 {
            let sep = labels::list_sep(lang);
            let sep = if punctuate_inside(lang, &mut segs, ',') {
                sep.trim_start_matches(',')
            } else {
                sep
            };
            segs.push(Seg::plain(lang, sep.to_owned()));
        }
        segs.push(p);
    }
    let t = labels::terms(lang);
    let stop = if punctuate_inside(lang, &mut segs, '.') {
        ""
    } else {
        "."
    };
    segs.push(Seg::plain(
        lang,
        format!(
            "{stop}{} {}: {} ({}).",
            labels::mark(lang),
            t.reliability,
            s.reliability,
            labels::reliability(lang, s.reliability)
        ),
    ));
    Note { segs, number: 0 }
}

/// Chicago (American) style in English puts a comma or period that follows a title in
/// double quotation marks inside them: “Title,” Outlet. Moves `punct` into the last run when
/// it ends with a closing quotation mark, and says whether it did.
fn punctuate_inside(lang: BriefingLanguage, segs: &mut [Seg], punct: char) -> bool {
    if lang != BriefingLanguage::En {
        return false;
    }
    match segs.last_mut() {
        Some(last) if last.link.is_none() && last.text.ends_with('”') => {
            last.text.pop();
            last.text.push(punct);
            last.text.push('”');
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Reliability, SourceKind};

    fn source() -> Source {
        let mut s = Source::new(
            SourceKind::NewsArticle,
            "Morocco and the United States hold security dialogue in Rabat",
        );
        s.outlet = Some("Hespress".into());
        s.published = Some("2021-03-04".parse().unwrap());
        s.url = Some("https://example.org/a".into());
        s.reliability = Reliability::B;
        s
    }

    fn text(n: &Note) -> String {
        n.segs.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn first_note_full_then_short() {
        let mut c = Citer::new(BriefingLanguage::Ar);
        let s = source();
        let first = text(&c.note(0, &s));
        assert_eq!(
            first.replace('\u{200F}', ""),
            "“Morocco and the United States hold security dialogue in Rabat”، Hespress، \
             4 مارس 2021، https://example.org/a. موثوقية المصدر: B (موثوق عادة)."
        );
        // A right-to-left mark before each Arabic comma keeps English items in list order.
        assert!(first.contains("Rabat”\u{200F}، Hespress\u{200F}، "));
        let again = text(&c.note(0, &s)).replace('\u{200F}', "");
        assert_eq!(
            again,
            "Hespress، “Morocco and the United States…”. موثوقية المصدر: B (موثوق عادة)."
        );
    }

    #[test]
    fn english_notes_put_commas_and_periods_inside_quotation_marks() {
        let mut c = Citer::new(BriefingLanguage::En);
        let s = source();
        assert_eq!(
            text(&c.note(0, &s)),
            "“Morocco and the United States hold security dialogue in Rabat,” Hespress, \
             4 March 2021, https://example.org/a. Source reliability: B (usually reliable)."
        );
        assert_eq!(
            text(&c.note(0, &s)),
            "Hespress, “Morocco and the United States….” Source reliability: B (usually reliable)."
        );
        // Guillemets around an Arabic title keep the punctuation outside.
        let mut ar = source();
        ar.title = "المغرب وأميركا".into();
        assert!(text(&full(BriefingLanguage::En, &ar)).starts_with("«المغرب وأميركا», Hespress"));
    }

    #[test]
    fn english_segments_are_marked_english_inside_arabic() {
        let n = full(BriefingLanguage::Ar, &source());
        let title = &n.segs[0];
        assert_eq!(title.lang, "en");
        assert_eq!(n.segs.last().map(|s| s.lang), Some("ar"));
        let url = n.segs.iter().find(|s| s.link.is_some()).unwrap();
        assert_eq!(url.link.as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn unsafe_urls_are_never_links() {
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "https://x.org/\"onmouseover=alert(1)",
        ] {
            assert!(!is_safe_url(bad), "{bad}");
            let mut s = source();
            s.url = Some(bad.into());
            let n = full(BriefingLanguage::En, &s);
            assert!(n.segs.iter().all(|g| g.link.is_none()));
            assert!(text(&n).contains(bad.trim()));
        }
        assert!(is_safe_url("http://example.org/x?y=1"));
    }

    #[test]
    fn excerpt_note_carries_credibility() {
        let mut c = Citer::new(BriefingLanguage::En);
        let n = c.excerpt_note(3, &source(), Credibility::new(2).unwrap());
        assert!(text(&n).ends_with("Information credibility: 2 (probably true)."));
    }
}
