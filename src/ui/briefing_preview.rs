//! The composer's live preview: the briefing laid out by the library ([`briefing::layout`])
//! and drawn through the text layer in the briefing's own direction — headings, the user's
//! paragraphs, the chronology, narratives with their quotes, actors, sources, the
//! methodology note, and the footnotes numbered in reading order.
//!
//! The store is read again only when the scope or the store changes; the layout is redone
//! when the draft changes, so the preview follows typing.

use crate::app::AppState;
use crate::app::briefing_words::Word;
use crate::briefing::document::{Body, DocSection, Note};
use crate::briefing::{self, BriefingData, Counts, Document};
use crate::model::Briefing;
use crate::text::{self, Direction, TextStyleSpec};
use egui::Ui;

/// What the preview keeps between frames.
#[derive(Default)]
pub struct Preview {
    data_key: Option<(u64, String)>,
    data: Option<BriefingData>,
    doc_key: Option<(u64, String)>,
    doc: Option<Document>,
    counts: Counts,
    error: Option<String>,
}

impl Preview {
    /// The document for `draft`, or for `fallback` (the last saved version) while the draft
    /// is not valid; the reason is kept to show above the preview.
    pub fn refresh(&mut self, state: &mut AppState, draft: &Briefing, fallback: &Briefing) {
        let (shown, error) = match draft.validate() {
            Ok(()) => (draft, None),
            Err(e) => (fallback, Some(e.to_string())),
        };
        self.error = error;
        let scope_key = (
            state.generation,
            serde_json::to_string(&shown.scope).unwrap_or_default(),
        );
        if self.data_key.as_ref() != Some(&scope_key) {
            match briefing::preview(&state.store, shown) {
                Ok(d) => {
                    self.counts = d.counts();
                    self.data = Some(d);
                }
                Err(e) => {
                    self.error = Some(e.to_string());
                    self.data = None;
                }
            }
            self.data_key = Some(scope_key);
            self.doc_key = None;
        }
        let doc_key = (
            state.generation,
            serde_json::to_string(shown).unwrap_or_default(),
        );
        if self.doc_key.as_ref() != Some(&doc_key) {
            self.doc = self
                .data
                .as_ref()
                .map(|d| briefing::layout(shown, d, &crate::app::briefing::render_options()));
            self.doc_key = Some(doc_key);
        }
    }

    /// What the briefing covers.
    pub fn counts(&self) -> Counts {
        self.counts
    }
}

/// Draws the counts and the laid-out document.
pub fn preview_ui(ui: &mut Ui, state: &AppState, preview: &Preview) {
    text::column_ui(ui, |ui| {
        text::heading(ui, state.word(Word::Preview));
        counts_ui(ui, state, preview.counts);
        if let Some(e) = &preview.error {
            text::rich(
                ui,
                &format!("⚠ {} {e}", state.word(Word::PreviewStale)),
                TextStyleSpec {
                    color: Some(ui.visuals().warn_fg_color),
                    wrap: true,
                    ..Default::default()
                },
            );
        }
    });
    ui.separator();
    let Some(doc) = &preview.doc else {
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("briefing-preview-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Frame::new()
                .fill(ui.visuals().extreme_bg_color)
                .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                .inner_margin(18.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    in_direction(ui, doc.rtl, |ui| document_ui(ui, state, doc));
                });
        });
}

/// "In scope: 12 events · 8 actors · 5 sources …".
fn counts_ui(ui: &mut Ui, state: &AppState, c: Counts) {
    use crate::i18n::Msg;
    let line = format!(
        "{}: {} {} · {} {} · {} {} · {} {} · {} {} · {} {}",
        state.word(Word::InScope),
        state.tr(Msg::Events),
        c.events,
        state.tr(Msg::Actors),
        c.actors,
        state.tr(Msg::Sources),
        c.sources,
        state.tr(Msg::Excerpts),
        c.excerpts,
        state.word(Word::Undated),
        c.undated_events,
        state.word(Word::Unsupported),
        c.unsupported_events,
    );
    text::rich(
        ui,
        &line,
        TextStyleSpec {
            wrap: true,
            ..Default::default()
        },
    );
}

/// Draws `add` with the text layer's direction set to the document's, then puts the UI's
/// back: an Arabic briefing previews right to left in an English UI and the reverse.
fn in_direction(ui: &mut Ui, rtl: bool, add: impl FnOnce(&mut Ui)) {
    let ctx = ui.ctx().clone();
    let before = text::direction(&ctx);
    text::set_direction(&ctx, if rtl { Direction::Rtl } else { Direction::Ltr });
    text::column_ui(ui, add);
    text::set_direction(&ctx, before);
}

/// Footnotes in reading order, numbered from 1.
#[derive(Default)]
struct Notes {
    lines: Vec<String>,
}

impl Notes {
    /// The markers of `notes` ("[3][4]"), remembering their text.
    fn mark(&mut self, notes: &[Note]) -> String {
        let mut marks = String::new();
        for n in notes {
            self.lines.push(n.plain_text());
            marks.push_str(&format!("[{}]", self.lines.len()));
        }
        marks
    }
}

fn spec(size: f32, bold: bool) -> TextStyleSpec {
    TextStyleSpec {
        size: Some(size),
        bold,
        reading: true,
        wrap: true,
        ..Default::default()
    }
}

fn weak_spec(ui: &Ui) -> TextStyleSpec {
    TextStyleSpec {
        color: Some(ui.visuals().weak_text_color()),
        ..spec(13.0, false)
    }
}

fn document_ui(ui: &mut Ui, state: &AppState, doc: &Document) {
    if let Some(h) = &doc.handling {
        text::rich(
            ui,
            h,
            TextStyleSpec {
                color: Some(ui.visuals().error_fg_color),
                ..spec(13.0, true)
            },
        );
    }
    text::rich(ui, &doc.title, spec(22.0, true));
    if let Some(s) = &doc.subtitle {
        text::rich(ui, s, spec(16.0, false));
    }
    if let Some(a) = &doc.author {
        text::rich(ui, &format!("{}: {a}", doc.terms.author), weak_spec(ui));
    }
    if let Some(d) = &doc.date {
        text::rich(ui, d, weak_spec(ui));
    }
    let mut notes = Notes::default();
    for s in &doc.sections {
        ui.add_space(10.0);
        section_ui(ui, doc, s, &mut notes);
    }
    if !notes.lines.is_empty() {
        ui.add_space(10.0);
        ui.separator();
        text::rich(ui, state.word(Word::Notes), spec(15.0, true));
        for (i, n) in notes.lines.iter().enumerate() {
            text::rich(ui, &format!("[{}] {n}", i + 1), weak_spec(ui));
        }
    }
}

fn section_ui(ui: &mut Ui, doc: &Document, s: &DocSection, notes: &mut Notes) {
    text::rich(ui, s.heading, spec(18.0, true));
    for p in &s.paragraphs {
        text::rich(ui, p, spec(15.0, false));
    }
    let t = doc.terms;
    match &s.body {
        Body::Text => {}
        Body::Chronology { rows } => {
            for r in rows {
                let marks = notes.mark(&r.notes);
                text::rich(
                    ui,
                    &format!("{} — {}{marks}", r.date, r.title),
                    spec(14.0, true),
                );
                text::rich(
                    ui,
                    &format!(
                        "{} · {}: {} · {}: {}",
                        r.kind, t.actors, r.actors, t.sources, r.grades
                    ),
                    weak_spec(ui),
                );
            }
        }
        Body::Narratives { items } => {
            for n in items {
                ui.add_space(4.0);
                text::rich(ui, &format!("{} — {}", n.date, n.title), spec(15.0, true));
                let place = n
                    .place
                    .as_deref()
                    .map(|p| format!(" · {p}"))
                    .unwrap_or_default();
                text::rich(
                    ui,
                    &format!("{}{place} · {}", n.kind, n.actors),
                    weak_spec(ui),
                );
                let marks = notes.mark(&n.notes);
                match &n.description {
                    Some(d) => text::rich(ui, &format!("{d}{marks}"), spec(15.0, false)),
                    None if n.notes.is_empty() => text::rich(ui, t.no_source, weak_spec(ui)),
                    None => text::rich(ui, &marks, spec(15.0, false)),
                };
                for q in &n.quotes {
                    let marks = notes.mark(std::slice::from_ref(&q.note));
                    text::rich(
                        ui,
                        &format!("«{}»{marks} ({}: {})", q.text, t.credibility, q.credibility),
                        TextStyleSpec {
                            italic: !doc.rtl,
                            ..spec(14.0, false)
                        },
                    );
                    if let Some(tr) = &q.translation {
                        text::rich(ui, &format!("{}: {tr}", t.translation), weak_spec(ui));
                    }
                }
            }
        }
        Body::Actors { items, relations } => {
            for a in items {
                text::rich(
                    ui,
                    &format!(
                        "{} — {} · {}: {} · {}: {}",
                        a.name, a.kind, t.roles, a.roles, t.events, a.events
                    ),
                    spec(14.0, false),
                );
            }
            if !relations.is_empty() {
                text::rich(ui, t.relations, spec(15.0, true));
            }
            for r in relations {
                let period = r
                    .period
                    .as_deref()
                    .map(|p| format!(" ({p})"))
                    .unwrap_or_default();
                let marks = notes.mark(&r.notes);
                text::rich(
                    ui,
                    &format!("{} {} {}{period}{marks}", r.from, r.verb, r.to),
                    spec(14.0, false),
                );
            }
        }
        Body::Sources { items } => {
            for (i, s) in items.iter().enumerate() {
                text::rich(
                    ui,
                    &format!(
                        "{}. {} ({} · {}: {})",
                        i + 1,
                        s.citation.plain_text(),
                        s.kind,
                        t.supports,
                        s.events
                    ),
                    spec(14.0, false),
                );
            }
        }
        Body::Methodology {
            facts,
            reliability,
            credibility,
        } => {
            for f in facts {
                text::rich(ui, f, spec(15.0, false));
            }
            for (title, scale) in [(t.reliability, reliability), (t.credibility, credibility)] {
                text::rich(ui, title, spec(14.0, true));
                for (code, meaning) in scale {
                    text::rich(ui, &format!("{code} — {meaning}"), weak_spec(ui));
                }
            }
        }
        Body::Figure { image } => {
            text::rich(ui, image, weak_spec(ui));
        }
    }
}
