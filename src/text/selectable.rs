//! A selectable label: drag or double-click to select, copy gives logical order.

use egui::{Context, Event, Id, Response, Sense, Ui};

use super::{Caret, LaidOut, widgets::show, words::word_at};

/// Selection of one selectable label, in logical char indices.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Selection {
    anchor: usize,
    caret: Caret,
}

fn active_id() -> Id {
    Id::unique("marsad::text::active_selectable")
}

/// Selectable text (UI face, wrapped at the available width). Dragging selects,
/// double-click selects a word, Ctrl+C (egui's `Event::Copy`) copies the selected
/// characters in logical order.
pub fn selectable(ui: &mut Ui, text: &str) -> Response {
    let p = super::widgets::paragraph_params(ui, ui.available_width().max(10.0));
    let mut p = p;
    p.font_id = egui::TextStyle::Body.resolve(ui.style());
    let (response, laid) = show(ui, text, &p, Sense::click_and_drag());
    let id = response.id;
    let ctx = ui.ctx().clone();
    let mut sel = ctx.data(|d| d.get_temp::<Selection>(id));
    let active = ctx.data(|d| d.get_temp::<Id>(active_id()));
    if active.is_some_and(|a| a != id) {
        sel = None;
    }
    sel = update(&ctx, &response, &laid, text, sel);
    if let Some(s) = sel {
        paint(ui, &response, &laid, s);
        copy_on_request(&ctx, text, s);
        ctx.data_mut(|d| d.insert_temp(id, s));
    } else {
        ctx.data_mut(|d| d.remove::<Selection>(id));
    }
    if response.hovered() {
        ui.set_cursor_icon(egui::CursorIcon::Text);
    }
    response
}

fn update(
    ctx: &Context,
    response: &Response,
    laid: &LaidOut,
    text: &str,
    sel: Option<Selection>,
) -> Option<Selection> {
    let hit = |pos: egui::Pos2| laid.map.caret_at((pos - response.rect.min).to_pos2());
    let pointer = response.interact_pointer_pos();
    if response.double_clicked()
        && let Some(pos) = pointer
    {
        let chars: Vec<char> = text.chars().collect();
        let w = word_at(&chars, hit(pos).index);
        ctx.data_mut(|d| d.insert_temp(active_id(), response.id));
        return Some(Selection {
            anchor: w.start,
            caret: Caret::at(w.end),
        });
    }
    if (response.drag_started() || response.clicked())
        && let Some(pos) = pointer
    {
        let c = hit(pos);
        ctx.data_mut(|d| d.insert_temp(active_id(), response.id));
        return Some(Selection {
            anchor: c.index,
            caret: c,
        });
    }
    if response.dragged()
        && let (Some(pos), Some(s)) = (pointer, sel)
    {
        return Some(Selection {
            caret: hit(pos),
            ..s
        });
    }
    sel
}

fn paint(ui: &Ui, response: &Response, laid: &LaidOut, s: Selection) {
    let (a, b) = (s.anchor.min(s.caret.index), s.anchor.max(s.caret.index));
    let color = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
    for r in laid.map.selection_rects(a..b) {
        ui.painter()
            .rect_filled(r.translate(response.rect.min.to_vec2()), 0.0, color);
    }
}

fn copy_on_request(ctx: &Context, text: &str, s: Selection) {
    let wants_copy = ctx.input(|i| i.events.iter().any(|e| matches!(e, Event::Copy)));
    if wants_copy && s.anchor != s.caret.index {
        let (a, b) = (s.anchor.min(s.caret.index), s.anchor.max(s.caret.index));
        ctx.copy_text(text.chars().skip(a).take(b - a).collect());
    }
}
