//! The capture review: an article's proposed actors and events, each accepted or rejected
//! (event titles editable) before anything is written.

use super::widgets::{button_ui, checkbox_ui};
use crate::app::AppState;
use crate::app::capture::{apply_capture, capture_pasted};
use crate::i18n::{Msg, vocab};
use crate::text::{self, TextField, TextStyleSpec};
use egui::{Context, Ui};

/// The paste box and the review window, whichever is open.
pub fn capture_windows_ui(ctx: &Context, state: &mut AppState, paste: &mut Option<String>) {
    if let Some(buffer) = paste.as_mut() {
        let mut open = true;
        let mut go = false;
        egui::Window::new(text::widget_text(ctx, state.tr(Msg::PasteArticle)))
            .id(egui::Id::unique("capture-paste"))
            .open(&mut open)
            .default_size([640.0, 420.0])
            .show(ctx, |ui| {
                TextField::multiline(buffer)
                    .label(state.tr(Msg::PasteHere))
                    .hint(state.tr(Msg::PasteHere))
                    .desired_rows(14)
                    .desired_width(ui.available_width())
                    .show(ui);
                go = button_ui(ui, state.tr(Msg::CaptureThis)).clicked();
            });
        if go {
            let text = std::mem::take(buffer);
            capture_pasted(state, &text);
            open = state.capture.is_none();
            if open {
                *buffer = text;
            }
        }
        if !open {
            *paste = None;
        }
    }
    if state.capture.is_some() {
        review_window_ui(ctx, state);
    }
}

fn review_window_ui(ctx: &Context, state: &mut AppState) {
    let mut open = true;
    let mut apply = false;
    egui::Window::new(text::widget_text(ctx, state.tr(Msg::CaptureReview)))
        .id(egui::Id::unique("capture-review"))
        .open(&mut open)
        .default_size([760.0, 620.0])
        .show(ctx, |ui| {
            text::column_ui(ui, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(ui.available_height() - 40.0)
                    .show(ui, |ui| review_ui(ui, state));
                ui.separator();
                text::row_ui(ui, |ui| {
                    apply = button_ui(ui, state.tr(Msg::Apply)).clicked();
                    if button_ui(ui, state.tr(Msg::Cancel)).clicked() {
                        state.capture = None;
                    }
                });
            });
        });
    if apply {
        apply_capture(state);
    }
    if !open {
        state.capture = None;
    }
}

fn review_ui(ui: &mut Ui, state: &mut AppState) {
    let lang = state.lang();
    let (known, new) = (state.tr(Msg::KnownActor), state.tr(Msg::NewActorProposal));
    let (actors_caption, events_caption) =
        (state.tr(Msg::ProposedActors), state.tr(Msg::ProposedEvents));
    let Some(review) = state.capture.as_mut() else {
        return;
    };
    let src = &review.capture.source;
    text::heading(ui, &src.title);
    let published = src
        .published
        .map(|d| vocab::date(lang, &d))
        .unwrap_or_default();
    let line: Vec<String> = [src.outlet.clone().unwrap_or_default(), published]
        .into_iter()
        .filter(|s| !s.is_empty())
        .map(|s| text::isolate(&s))
        .collect();
    if !line.is_empty() {
        text::weak(ui, &line.join(" · "));
    }
    ui.separator();
    text::strong(ui, actors_caption);
    for a in &review.capture.actors {
        let mut on = review.selection.actors.contains(&a.id);
        let tag = if a.known_id.is_some() { known } else { new };
        let caption = format!("{} ({tag}, {}×)", text::isolate(&a.name), a.mentions.len());
        if checkbox_ui(ui, &mut on, &caption).changed() {
            toggle(&mut review.selection.actors, a.id, on);
        }
    }
    ui.separator();
    text::strong(ui, events_caption);
    for e in &mut review.capture.events {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            text::column_ui(ui, |ui| {
                let mut on = review.selection.events.contains(&e.id);
                let date = e.start.map(|d| vocab::date(lang, &d)).unwrap_or_default();
                let caption = format!("{date} · {}", vocab::event_kind(lang, e.kind));
                if checkbox_ui(ui, &mut on, &caption).changed() {
                    toggle(&mut review.selection.events, e.id, on);
                }
                TextField::singleline(&mut e.title)
                    .label(&format!("{} {}", state_title_label(lang), e.id))
                    .desired_width(ui.available_width())
                    .show(ui);
                text::rich(
                    ui,
                    &format!("«{}»", e.excerpt),
                    TextStyleSpec {
                        reading: true,
                        wrap: true,
                        ..Default::default()
                    },
                );
            });
        });
    }
}

/// The accessible name of an event's title field ("Title 3"): unique per proposal.
fn state_title_label(lang: crate::i18n::Lang) -> &'static str {
    crate::i18n::tr(lang, Msg::Title)
}

fn toggle(set: &mut std::collections::HashSet<u32>, id: u32, on: bool) {
    if on {
        set.insert(id);
    } else {
        set.remove(&id);
    }
}
