//! Global search (Ctrl+F): results grouped by kind, snippets with the matches highlighted.

use crate::app::AppState;
use crate::i18n::Msg;
use crate::store::{Hit, SearchKind};
use crate::text::{self, TextField, TextStyleSpec};
use egui::{Context, Key, Ui};

/// The search window.
pub fn search_window_ui(ctx: &Context, state: &mut AppState) {
    if !state.search.open {
        return;
    }
    let mut open = true;
    let title = text::widget_text(ctx, state.tr(Msg::Search));
    egui::Window::new(title)
        .id(egui::Id::unique("search-window"))
        .open(&mut open)
        .default_width(560.0)
        .show(ctx, |ui| {
            let (label, hint) = (state.tr(Msg::Search), state.tr(Msg::SearchHint));
            let r = TextField::singleline(&mut state.search.query)
                .label(label)
                .hint(hint)
                .desired_width(ui.available_width())
                .id_salt("global-search")
                .show(ui);
            if state.search.focus {
                r.request_focus();
                state.search.focus = false;
            }
            if state.refresh_search() {
                ui.ctx().request_repaint();
            }
            let (down, up, enter) = ui.input(|i| {
                (
                    i.key_pressed(Key::ArrowDown),
                    i.key_pressed(Key::ArrowUp),
                    i.key_pressed(Key::Enter),
                )
            });
            let n = state.search.hits.len();
            if n > 0 {
                if down {
                    state.search.cursor = (state.search.cursor + 1).min(n - 1);
                }
                if up {
                    state.search.cursor = state.search.cursor.saturating_sub(1);
                }
            }
            if enter && let Some(hit) = state.search.hits.get(state.search.cursor).cloned() {
                state.open_hit(&hit);
                return;
            }
            if !state.search.ran.trim().is_empty() && n == 0 {
                text::weak(ui, state.tr(Msg::NoResults));
            }
            egui::ScrollArea::vertical()
                .max_height(480.0)
                .show(ui, |ui| results_ui(ui, state));
        });
    if !open {
        state.search.open = false;
    }
}

fn results_ui(ui: &mut Ui, state: &mut AppState) {
    let hits = state.search.hits.clone();
    let mut clicked = None;
    for kind in [
        SearchKind::Event,
        SearchKind::Actor,
        SearchKind::Source,
        SearchKind::Excerpt,
    ] {
        let group: Vec<(usize, &Hit)> = hits
            .iter()
            .enumerate()
            .filter(|(_, h)| h.kind == kind)
            .collect();
        if group.is_empty() {
            continue;
        }
        text::strong(
            ui,
            &format!("{} ({})", state.tr(kind_msg(kind)), group.len()),
        );
        for (i, hit) in group {
            let selected = i == state.search.cursor;
            let frame = egui::Frame::new().inner_margin(4.0).fill(if selected {
                ui.visuals().selection.bg_fill
            } else {
                egui::Color32::TRANSPARENT
            });
            let r = frame.show(ui, |ui| {
                text::column_ui(ui, |ui| {
                    text::label(ui, &hit.title);
                    snippet_ui(ui, hit);
                });
            });
            if r.response.interact(egui::Sense::click()).clicked() {
                clicked = Some(hit.clone());
            }
        }
        ui.separator();
    }
    if let Some(hit) = clicked {
        state.open_hit(&hit);
    }
}

/// A snippet with its highlighted words drawn strong, in logical order through the text layer.
fn snippet_ui(ui: &mut Ui, hit: &Hit) {
    // The whole snippet is one bidi paragraph; highlights are shown by bracketing the words
    // with the heavy quotation marks the layer mirrors correctly, so word order stays right.
    let mut marked = String::new();
    for (i, c) in hit.snippet.chars().enumerate() {
        if hit.highlights.iter().any(|(s, _)| *s == i) {
            marked.push('⟪');
        }
        marked.push(c);
        if hit.highlights.iter().any(|(_, e)| *e == i + 1) {
            marked.push('⟫');
        }
    }
    text::rich(
        ui,
        &marked,
        TextStyleSpec {
            color: Some(ui.visuals().weak_text_color()),
            wrap: true,
            ..Default::default()
        },
    );
}

fn kind_msg(kind: SearchKind) -> Msg {
    match kind {
        SearchKind::Event => Msg::Events,
        SearchKind::Actor => Msg::Actors,
        SearchKind::Source => Msg::Sources,
        SearchKind::Excerpt => Msg::Excerpts,
    }
}
