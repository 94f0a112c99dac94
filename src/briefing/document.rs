//! A briefing laid out as a document, independent of the output format: localized words,
//! resolved citations in reading order, and nothing but plain strings, so every writer only
//! has to style and escape.

use super::citation::{Citer, is_safe_url};
use super::data::{BriefingData, EventItem, ExcerptItem};
use super::labels::{self, Terms};
use crate::model::{Briefing, BriefingLanguage, Paper, SectionKind, is_arabic};
use serde::Serialize;

/// Events from which a table of contents is printed.
pub const CONTENTS_FROM_EVENTS: usize = 15;

/// Most notes a PDF briefing prints as footnotes; beyond it they are numbered endnotes
/// (Chicago allows either). typst lays out footnotes in a time that grows faster than their
/// number, above all in table cells: 100 events (~450 notes) took 5 s and 300 events 32 s,
/// against 1.9 s for 300 events with the same numbers and no footnotes.
pub const FOOTNOTES_UP_TO: usize = 250;

/// A run of text in one language, possibly a link.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Seg {
    /// The text, shown literally.
    pub text: String,
    /// Its language (`ar` or `en`), so punctuation and shaping follow its script.
    pub lang: &'static str,
    /// The target when the text is a safe web address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

impl Seg {
    /// Text whose language is guessed from its script.
    pub fn text(text: String) -> Self {
        let lang = lang_of(&text);
        Self {
            text,
            lang,
            link: None,
        }
    }

    /// Text in the briefing's language (punctuation and terms).
    pub fn plain(lang: BriefingLanguage, text: String) -> Self {
        Self {
            text,
            lang: lang.code(),
            link: None,
        }
    }

    /// A URL: a link when it is safe, plain text otherwise.
    pub fn url(url: &str) -> Self {
        Self {
            text: url.to_owned(),
            lang: "en",
            link: is_safe_url(url).then(|| url.trim().to_owned()),
        }
    }
}

/// `ar` when the text holds Arabic letters, else `en`.
pub fn lang_of(text: &str) -> &'static str {
    if text.chars().any(is_arabic) {
        "ar"
    } else {
        "en"
    }
}

/// One footnote.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Note {
    /// Its runs.
    pub segs: Vec<Seg>,
    /// Its number in print order (from 1), for briefings whose notes are printed at the end;
    /// 0 for a citation that is not a note (the source list).
    pub number: usize,
}

impl Note {
    /// The note as plain text.
    pub fn plain_text(&self) -> String {
        self.segs.iter().map(|s| s.text.as_str()).collect()
    }
}

/// A whole briefing, ready to write.
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    /// `ar` or `en`.
    pub lang: &'static str,
    /// Whether the text runs right to left.
    pub rtl: bool,
    /// Paper name as typst and CSS know it.
    pub paper: &'static str,
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Author line ("Prepared by …").
    pub author: Option<String>,
    /// The briefing's date, written out.
    pub date: Option<String>,
    /// Handling line.
    pub handling: Option<String>,
    /// Fixed terms.
    pub terms: &'static Terms,
    /// Whether to print a table of contents.
    pub contents: bool,
    /// Sections in print order.
    pub sections: Vec<DocSection>,
    /// Every note in print order when there are too many for footnotes (see
    /// [`FOOTNOTES_UP_TO`]); empty when the notes are footnotes.
    pub endnotes: Vec<Note>,
}

/// One section.
#[derive(Clone, Debug, Serialize)]
pub struct DocSection {
    /// Which section.
    pub kind: SectionKind,
    /// Its heading.
    pub heading: &'static str,
    /// The user's paragraphs.
    pub paragraphs: Vec<String>,
    /// What the section shows from the store.
    pub body: Body,
}

/// The data part of a section.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Body {
    /// Only the user's text.
    Text,
    /// The chronology table.
    Chronology {
        /// One row per event.
        rows: Vec<ChronoRow>,
    },
    /// One narrative per event.
    Narratives {
        /// The narratives.
        items: Vec<Narrative>,
    },
    /// Actors and their relations.
    Actors {
        /// The actors, most involved first.
        items: Vec<ActorLine>,
        /// Relations between them.
        relations: Vec<RelationLine>,
    },
    /// The source list.
    Sources {
        /// Sources in order of first citation.
        items: Vec<SourceLine>,
    },
    /// Counts and the grading scales.
    Methodology {
        /// Paragraphs written from the counts.
        facts: Vec<String>,
        /// Reliability grades and their meaning.
        reliability: Vec<(String, String)>,
        /// Credibility grades and their meaning.
        credibility: Vec<(String, String)>,
    },
    /// A picture drawn by the app.
    Figure {
        /// Its name among the render's figures (`timeline.png`, `network.png`).
        image: String,
    },
}

/// A chronology row.
#[derive(Clone, Debug, Serialize)]
pub struct ChronoRow {
    /// Date or span.
    pub date: String,
    /// Event title.
    pub title: String,
    /// Event type.
    pub kind: &'static str,
    /// Actors, joined.
    pub actors: String,
    /// Grades of the supporting sources ("B, C"), or a dash.
    pub grades: String,
    /// One note per supporting source.
    pub notes: Vec<Note>,
}

/// An event narrative.
#[derive(Clone, Debug, Serialize)]
pub struct Narrative {
    /// Date or span.
    pub date: String,
    /// Title.
    pub title: String,
    /// Event type and place.
    pub kind: &'static str,
    /// Place, when known.
    pub place: Option<String>,
    /// Actors with their roles.
    pub actors: String,
    /// The description, if any.
    pub description: Option<String>,
    /// Notes on the description (one per source), or the "no source" remark when empty.
    pub notes: Vec<Note>,
    /// The quoted excerpts.
    pub quotes: Vec<Quote>,
}

/// An excerpt quoted verbatim.
#[derive(Clone, Debug, Serialize)]
pub struct Quote {
    /// The words, exactly as stored.
    pub text: String,
    /// Their language.
    pub lang: &'static str,
    /// A translation, if recorded.
    pub translation: Option<String>,
    /// "2 — probably true".
    pub credibility: String,
    /// Its citation.
    pub note: Note,
}

/// A key actor.
#[derive(Clone, Debug, Serialize)]
pub struct ActorLine {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: &'static str,
    /// Roles in scope, joined.
    pub roles: String,
    /// Events in scope.
    pub events: usize,
}

/// A relation sentence.
#[derive(Clone, Debug, Serialize)]
pub struct RelationLine {
    /// From actor.
    pub from: String,
    /// The verb.
    pub verb: &'static str,
    /// To actor.
    pub to: String,
    /// Period, if known.
    pub period: Option<String>,
    /// One note per supporting excerpt's source.
    pub notes: Vec<Note>,
}

/// A line of the source list.
#[derive(Clone, Debug, Serialize)]
pub struct SourceLine {
    /// The full citation.
    pub citation: Note,
    /// Source kind.
    pub kind: &'static str,
    /// Events in scope it supports.
    pub events: usize,
}

/// Options that change what is laid out, not how.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// Figures available, by section kind (PNG bytes).
    pub has_timeline: bool,
    /// Whether a network figure is available.
    pub has_network: bool,
    /// The date printed in the methodology note ("exported on"), written out.
    pub exported_on: Option<String>,
    /// Most notes printed as footnotes ([`FOOTNOTES_UP_TO`] when `None`).
    pub footnote_limit: Option<usize>,
}

/// Lays out a briefing over resolved data.
pub fn build(b: &Briefing, data: &BriefingData, layout: &Layout) -> Document {
    let lang = b.language;
    let mut citer = Citer::new(lang);
    let mut sections = Vec::new();
    for s in b.enabled_sections() {
        let body = match s.kind {
            SectionKind::ExecutiveSummary | SectionKind::KeyJudgements => Body::Text,
            SectionKind::Chronology => chronology(lang, data, &mut citer),
            SectionKind::Narratives => narratives(lang, data, &mut citer),
            SectionKind::KeyActors => actors(lang, data, &mut citer),
            SectionKind::Sources => sources(lang, data),
            SectionKind::Methodology => methodology(lang, data, layout),
            SectionKind::TimelineFigure if layout.has_timeline => Body::Figure {
                image: "timeline.png".into(),
            },
            SectionKind::NetworkFigure if layout.has_network => Body::Figure {
                image: "network.png".into(),
            },
            // A figure the app has not drawn is left out rather than printed empty.
            SectionKind::TimelineFigure | SectionKind::NetworkFigure => continue,
        };
        sections.push(DocSection {
            kind: s.kind,
            heading: labels::section(lang, s.kind),
            paragraphs: paragraphs(&s.text),
            body,
        });
    }
    Document {
        lang: lang.code(),
        rtl: lang.is_rtl(),
        paper: match b.paper {
            Paper::A4 => "a4",
            Paper::Letter => "us-letter",
        },
        title: b.title.trim().to_owned(),
        subtitle: nonblank(&b.subtitle),
        author: nonblank(&b.author),
        date: b.date.map(|d| labels::date(lang, d)),
        handling: nonblank(&b.handling),
        terms: labels::terms(lang),
        contents: data.events.len() >= CONTENTS_FROM_EVENTS,
        sections,
        endnotes: citer.into_endnotes(layout.footnote_limit.unwrap_or(FOOTNOTES_UP_TO)),
    }
}

fn nonblank(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// The user's text split into paragraphs at blank lines, each kept verbatim otherwise.
fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

fn title(lang: BriefingLanguage, e: &EventItem) -> String {
    e.event.display_title(lang.is_rtl()).trim().to_owned()
}

fn actor_names(lang: BriefingLanguage, data: &BriefingData, e: &EventItem) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (i, _) in &e.actors {
        let n = data.actors[*i].actor.display_name(lang.is_rtl()).to_owned();
        if !names.contains(&n) {
            names.push(n);
        }
    }
    names
}

fn event_notes(data: &BriefingData, e: &EventItem, citer: &mut Citer) -> Vec<Note> {
    e.sources
        .iter()
        .map(|&i| citer.note(i, &data.sources[i].source))
        .collect()
}

fn chronology(lang: BriefingLanguage, data: &BriefingData, citer: &mut Citer) -> Body {
    let rows = data
        .events
        .iter()
        .map(|e| {
            let mut grades: Vec<String> = e
                .sources
                .iter()
                .map(|&i| data.sources[i].source.reliability.to_string())
                .collect();
            grades.sort();
            grades.dedup();
            ChronoRow {
                date: labels::span(lang, e.event.start, e.event.end),
                title: title(lang, e),
                kind: labels::event_kind(lang, e.event.kind),
                actors: actor_names(lang, data, e).join(labels::list_sep(lang)),
                grades: if grades.is_empty() {
                    "—".into()
                } else {
                    grades.join(labels::list_sep(lang))
                },
                notes: event_notes(data, e, citer),
            }
        })
        .collect();
    Body::Chronology { rows }
}

fn quote(lang: BriefingLanguage, data: &BriefingData, x: &ExcerptItem, citer: &mut Citer) -> Quote {
    let grade = x.excerpt.credibility;
    Quote {
        text: x.excerpt.text.clone(),
        lang: lang_of(&x.excerpt.text),
        translation: nonblank(&x.excerpt.translation),
        credibility: format!("{} — {}", grade.value(), labels::credibility(lang, grade)),
        note: citer.excerpt_note(x.source, &data.sources[x.source].source, grade),
    }
}

fn narratives(lang: BriefingLanguage, data: &BriefingData, citer: &mut Citer) -> Body {
    let items = data
        .events
        .iter()
        .map(|e| {
            let actors: Vec<String> = e
                .actors
                .iter()
                .map(|(i, role)| {
                    format!(
                        "{} ({})",
                        data.actors[*i].actor.display_name(lang.is_rtl()),
                        labels::role(lang, *role)
                    )
                })
                .collect();
            Narrative {
                date: labels::span(lang, e.event.start, e.event.end),
                title: title(lang, e),
                kind: labels::event_kind(lang, e.event.kind),
                place: nonblank(&e.event.place),
                actors: actors.join(labels::list_sep(lang)),
                description: nonblank(&e.event.description),
                notes: event_notes(data, e, citer),
                quotes: e
                    .excerpts
                    .iter()
                    .map(|x| quote(lang, data, x, citer))
                    .collect(),
            }
        })
        .collect();
    Body::Narratives { items }
}

fn actors(lang: BriefingLanguage, data: &BriefingData, citer: &mut Citer) -> Body {
    let items = data
        .actors
        .iter()
        .map(|a| ActorLine {
            name: a.actor.display_name(lang.is_rtl()).to_owned(),
            kind: labels::actor_kind(lang, a.actor.kind),
            roles: a
                .roles
                .iter()
                .map(|r| labels::role(lang, *r))
                .collect::<Vec<_>>()
                .join(labels::list_sep(lang)),
            events: a.events,
        })
        .collect();
    let relations = data
        .relations
        .iter()
        .map(|r| {
            let mut sources: Vec<usize> = r.excerpts.iter().map(|x| x.source).collect();
            sources.sort_unstable();
            sources.dedup();
            RelationLine {
                from: data.actors[r.from]
                    .actor
                    .display_name(lang.is_rtl())
                    .to_owned(),
                verb: labels::relation_kind(lang, r.relation.kind),
                to: data.actors[r.to]
                    .actor
                    .display_name(lang.is_rtl())
                    .to_owned(),
                period: r
                    .relation
                    .start
                    .map(|_| labels::span(lang, r.relation.start, r.relation.end)),
                notes: sources
                    .into_iter()
                    .map(|i| citer.note(i, &data.sources[i].source))
                    .collect(),
            }
        })
        .collect();
    Body::Actors { items, relations }
}

fn sources(lang: BriefingLanguage, data: &BriefingData) -> Body {
    let items = data
        .sources
        .iter()
        .map(|s| SourceLine {
            citation: super::citation::full(lang, &s.source),
            kind: labels::source_kind(lang, s.source.kind),
            events: s.events,
        })
        .collect();
    Body::Sources { items }
}

fn methodology(lang: BriefingLanguage, data: &BriefingData, layout: &Layout) -> Body {
    let c = data.counts();
    let mut facts = vec![match lang {
        // Counts as "label: number": an Arabic noun after a numeral changes with the number
        // (5 مصادر, 11 مصدراً, 2 مصدران), which a template sentence cannot follow.
        BriefingLanguage::Ar => format!(
            "يغطي هذا الموجز ما يلي — الأحداث: {} (غير المؤرخة منها: {}، وغير المسندة إلى مصدر \
             مسجل: {})؛ الفاعلون: {}؛ العلاقات بينهم: {}؛ المصادر: {}؛ المقتطفات المنقولة بنصها: {}.",
            c.events,
            c.undated_events,
            c.unsupported_events,
            c.actors,
            c.relations,
            c.sources,
            c.excerpts
        ),
        BriefingLanguage::En => format!(
            "This briefing covers {} events ({} undated, {} without a recorded source), {} actors and \
             {} relations between them, drawing on {} sources and {} excerpts quoted verbatim.",
            c.events,
            c.undated_events,
            c.unsupported_events,
            c.actors,
            c.relations,
            c.sources,
            c.excerpts
        ),
    }];
    if let Some(d) = &layout.exported_on {
        facts.push(match lang {
            BriefingLanguage::Ar => format!("صدر عن قاعدة بيانات مرصد بتاريخ {d}."),
            BriefingLanguage::En => format!("Exported from the Marsad store on {d}."),
        });
    }
    facts.push(match lang {
        BriefingLanguage::Ar => {
            "يعتمد تقييم المصادر على سلم الأميرالية: حرف لموثوقية المصدر ورقم لمصداقية المعلومة المقتطفة."
                .to_owned()
        }
        BriefingLanguage::En => {
            "Sources are graded on the Admiralty scale: a letter for the source's reliability, \
             a number for the credibility of the excerpted information."
                .to_owned()
        }
    });
    Body::Methodology {
        facts,
        reliability: crate::model::Reliability::ALL
            .iter()
            .map(|g| (g.to_string(), labels::reliability(lang, *g).to_owned()))
            .collect(),
        credibility: crate::model::Credibility::all()
            .map(|g| (g.to_string(), labels::credibility(lang, g).to_owned()))
            .collect(),
    }
}
