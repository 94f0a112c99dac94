//! The bidi-aware text field used for every text input of the app.
//!
//! The text stays in logical order; the display comes from the text layer's
//! layout, and carets, clicks and selections go through its logical↔visual map.
//! See [`events`] for the keyboard behaviour (visual arrow movement).

mod buffer;
mod events;
mod state;

use std::hash::Hash;

use egui::{
    Event, Id, Rect, Response, Sense, Stroke, TextStyle, Ui, Vec2, WidgetInfo, accesskit, pos2,
    vec2,
};

use self::{
    events::{EventCtx, apply},
    state::EditorState,
};
use super::{Caret, LaidOut, TextParams, direction, fonts, layout, words::word_at};

/// A single- or multi-line text field with correct Arabic/Latin bidi display.
///
/// ```no_run
/// # fn f(ui: &mut egui::Ui, title: &mut String) {
/// use marsad::text::TextField;
/// if TextField::singleline(title).label("Title").hint("…").show(ui).changed() {
///     // save
/// }
/// # }
/// ```
pub struct TextField<'t> {
    text: &'t mut String,
    multiline: bool,
    label: String,
    hint: String,
    desired_width: Option<f32>,
    desired_rows: usize,
    read_only: bool,
    id_salt: Option<u64>,
}

impl<'t> TextField<'t> {
    /// A one-line field (Enter gives up focus; pasted newlines become spaces).
    pub fn singleline(text: &'t mut String) -> Self {
        Self::new(text, false)
    }

    /// A multi-line field that wraps at its width.
    pub fn multiline(text: &'t mut String) -> Self {
        Self::new(text, true)
    }

    fn new(text: &'t mut String, multiline: bool) -> Self {
        Self {
            text,
            multiline,
            label: String::new(),
            hint: String::new(),
            desired_width: None,
            desired_rows: if multiline { 4 } else { 1 },
            read_only: false,
            id_salt: None,
        }
    }

    /// Accessible name (required: screen readers and kittest find the field by it).
    #[must_use]
    pub fn label(mut self, label: &str) -> Self {
        label.clone_into(&mut self.label);
        self
    }

    /// Placeholder shown while the field is empty.
    #[must_use]
    pub fn hint(mut self, hint: &str) -> Self {
        hint.clone_into(&mut self.hint);
        self
    }

    /// Width of the field (default: `ui.spacing().text_edit_width`, at most the available width).
    #[must_use]
    pub fn desired_width(mut self, width: f32) -> Self {
        self.desired_width = Some(width);
        self
    }

    /// Minimum number of visible rows (multi-line fields grow with their text).
    #[must_use]
    pub fn desired_rows(mut self, rows: usize) -> Self {
        self.desired_rows = rows.max(1);
        self
    }

    /// Allow selecting and copying but not changing the text.
    #[must_use]
    pub fn read_only(mut self, read_only: bool) -> Self {
        self.read_only = read_only;
        self
    }

    /// Distinguishes fields with the same label in the same `Ui`.
    #[must_use]
    pub fn id_salt(mut self, salt: impl Hash) -> Self {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        salt.hash(&mut h);
        self.id_salt = Some(std::hash::Hasher::finish(&h));
        self
    }

    /// Shows the field. `response.changed()` is set when the text changed.
    pub fn show(self, ui: &mut Ui) -> Response {
        show(self, ui)
    }
}

/// Geometry of the field for this frame.
struct Frame {
    rect: Rect,
    inner: Rect,
}

/// The field's options, without the borrowed text.
struct Opts {
    multiline: bool,
    editable: bool,
    label: String,
    hint: String,
}

fn params(ui: &Ui, field: &Opts, inner_width: f32) -> TextParams {
    let size = TextStyle::Body.resolve(ui.style()).size;
    let font = if field.multiline {
        egui::FontId::new(size + 1.0, fonts::text_family(false))
    } else {
        fonts::ui_font(size, false)
    };
    let mut p = TextParams::new(font, ui.visuals().text_color(), direction(ui.ctx()));
    if field.multiline {
        p.wrap_width = inner_width;
        p.fill_width = true;
    }
    p
}

fn show(field: TextField<'_>, ui: &mut Ui) -> Response {
    let TextField {
        text,
        multiline,
        label,
        hint,
        desired_width,
        desired_rows,
        read_only,
        id_salt,
    } = field;
    let opts = Opts {
        multiline,
        editable: !read_only,
        label,
        hint,
    };
    let id = match id_salt {
        Some(salt) => ui.make_persistent_id(("marsad::text_field", salt)),
        None => ui.make_persistent_id(("marsad::text_field", opts.label.as_str())),
    };
    let margin = vec2(4.0, 2.0);
    let width = desired_width
        .unwrap_or(ui.spacing().text_edit_width)
        .min(ui.available_width())
        .max(24.0);
    let p = params(ui, &opts, width - 2.0 * margin.x);
    let row_height = ui.fonts_mut(|f| f.row_height(&p.font_id));
    let mut laid = layout(ui.ctx(), text, &p);
    let content_height = if multiline { laid.size().y } else { 0.0 };
    let size = vec2(
        width,
        (desired_rows as f32 * row_height).max(content_height) + 2.0 * margin.y,
    );
    let (_, rect) = ui.allocate_space(size);
    let frame = Frame {
        rect,
        inner: rect.shrink2(margin),
    };
    let interactive = ui.is_enabled();
    let sense = if interactive {
        Sense::click_and_drag()
    } else {
        Sense::hover()
    };
    let mut response = ui.interact(rect, id, sense);

    let mut st: EditorState = ui.ctx().data(|d| d.get_temp(id)).unwrap_or_default();
    st.clamp(text.chars().count());
    let mut origin = text_origin(&frame, &laid, &mut st, multiline, false);
    let mut changed = interactive && opts.editable && accesskit_set_value(ui, id, text, &mut st);
    if changed {
        laid = layout(ui.ctx(), text, &p);
    }
    pointer(ui, &response, &laid, origin, &mut st, text);
    let focused = ui.memory(|m| m.has_focus(id));
    if focused && interactive {
        ui.memory_mut(|m| m.set_focus_lock_filter(id, event_filter(multiline)));
        changed |= keyboard(ui, &opts, text, &mut st, &mut laid, &p, &mut response);
    }
    origin = text_origin(&frame, &laid, &mut st, multiline, focused);
    paint(
        ui,
        &frame,
        &laid,
        origin,
        &st,
        focused,
        &opts,
        text.is_empty(),
    );
    if focused && interactive && opts.editable {
        ime_output(ui, &frame, &laid, origin, &st);
    }
    ui.ctx().data_mut(|d| d.insert_temp(id, st));
    if changed {
        response.mark_changed();
    }
    accesskit_info(ui, &response, &opts, text);
    if response.hovered() && interactive {
        ui.set_cursor_icon(egui::CursorIcon::Text);
    }
    response
}

/// Arrows stay in the field; Tab and Escape still move or drop focus.
fn event_filter(multiline: bool) -> egui::EventFilter {
    egui::EventFilter {
        horizontal_arrows: true,
        vertical_arrows: multiline,
        ..Default::default()
    }
}

/// Where the galley's origin goes: RTL rows hug the right edge; a long single
/// line scrolls so the caret stays visible.
fn text_origin(
    frame: &Frame,
    laid: &LaidOut,
    st: &mut EditorState,
    multiline: bool,
    follow_caret: bool,
) -> egui::Pos2 {
    let inner = frame.inner;
    let content = laid.size().x;
    let rtl = laid.map.rows.first().is_some_and(|r| r.rtl);
    if multiline || content <= inner.width() {
        st.scroll_x = None;
        let x = if rtl && !multiline {
            inner.right() - content
        } else {
            inner.left()
        };
        return pos2(x, inner.top());
    }
    let max_scroll = content - inner.width();
    let mut scroll = st.scroll_x.unwrap_or(if rtl { max_scroll } else { 0.0 });
    if follow_caret {
        let caret = laid.map.caret_rect(st.caret).center().x;
        if caret < scroll {
            scroll = caret;
        } else if caret > scroll + inner.width() {
            scroll = caret - inner.width();
        }
    }
    let scroll = scroll.clamp(0.0, max_scroll);
    st.scroll_x = Some(scroll);
    pos2(inner.left() - scroll, inner.top())
}

/// Clicks and drags: place the caret, select, double-click selects a word.
fn pointer(
    ui: &Ui,
    response: &Response,
    laid: &LaidOut,
    origin: egui::Pos2,
    st: &mut EditorState,
    text: &str,
) {
    let Some(pos) = response.interact_pointer_pos() else {
        return;
    };
    let hit = laid.map.caret_at((pos - origin).to_pos2());
    let shift = ui.input(|i| i.modifiers.shift);
    if response.double_clicked() {
        let chars: Vec<char> = text.chars().collect();
        let w = word_at(&chars, hit.index);
        st.anchor = w.start;
        st.caret = Caret::at(w.end);
    } else if response.drag_started() || response.clicked() {
        response.request_focus();
        st.move_to(hit, shift);
    } else if response.dragged() {
        st.caret = hit;
    } else {
        return;
    }
    st.preferred_x = None;
    st.preedit = None;
    st.history.break_group();
}

/// Applies this frame's keyboard, clipboard and IME events; consumes the ones used.
fn keyboard(
    ui: &Ui,
    field: &Opts,
    text: &mut String,
    st: &mut EditorState,
    laid: &mut LaidOut,
    p: &TextParams,
    response: &mut Response,
) -> bool {
    let events = ui.input(|i| i.filtered_events(&event_filter(field.multiline)));
    let ctx = ui.ctx().clone();
    let mut relayout = |t: &str| layout(&ctx, t, p);
    let mut cx = EventCtx {
        editable: field.editable,
        multiline: field.multiline,
        relayout: &mut relayout,
    };
    let mut changed = false;
    let mut used = Vec::new();
    for ev in &events {
        let out = apply(ev, text, st, laid, &mut cx);
        changed |= out.changed;
        if let Some(copied) = out.copied {
            ui.ctx().copy_text(copied);
        }
        if out.submit {
            response.surrender_focus();
        }
        if out.consumed && matches!(ev, Event::Key { .. }) {
            used.push(ev.clone());
        }
    }
    if !used.is_empty() {
        // Keys used by the field must not also trigger app shortcuts (e.g. Ctrl+Z).
        ui.input_mut(|i| i.events.retain(|e| !used.contains(e)));
    }
    changed
}

#[allow(clippy::too_many_arguments)]
fn paint(
    ui: &Ui,
    frame: &Frame,
    laid: &LaidOut,
    origin: egui::Pos2,
    st: &EditorState,
    focused: bool,
    field: &Opts,
    empty: bool,
) {
    let visuals = ui.visuals();
    let stroke = if focused {
        visuals.selection.stroke
    } else {
        visuals.widgets.inactive.bg_stroke
    };
    let fill = if field.editable {
        visuals.extreme_bg_color
    } else {
        visuals.faint_bg_color
    };
    let painter = ui.painter();
    painter.rect(
        frame.rect,
        visuals.widgets.inactive.corner_radius,
        fill,
        stroke,
        egui::StrokeKind::Inside,
    );
    let painter = painter.with_clip_rect(frame.inner.expand(1.0).intersect(ui.clip_rect()));
    let shift = origin.to_vec2();
    let sel = st.selection();
    if focused || !sel.is_empty() {
        for r in laid.map.selection_rects(sel) {
            painter.rect_filled(r.translate(shift), 0.0, visuals.selection.bg_fill);
        }
    }
    if empty && !field.hint.is_empty() {
        paint_hint(ui, &painter, frame, &field.hint);
    } else {
        painter.galley(origin, laid.galley.clone(), visuals.text_color());
    }
    if let Some(pre) = &st.preedit {
        for r in laid.map.selection_rects(pre.clone()) {
            let r = r.translate(shift);
            painter.line_segment(
                [r.left_bottom(), r.right_bottom()],
                Stroke::new(1.0, visuals.text_color()),
            );
        }
    }
    if focused {
        let c = laid.map.caret_rect(st.caret).translate(shift);
        let top = c.top().max(frame.inner.top());
        painter.line_segment(
            [pos2(c.center().x, top), pos2(c.center().x, c.bottom())],
            Stroke::new(2.0, visuals.text_cursor.stroke.color),
        );
    }
}

fn paint_hint(ui: &Ui, painter: &egui::Painter, frame: &Frame, hint: &str) {
    let mut p = TextParams::new(
        fonts::ui_font(TextStyle::Body.resolve(ui.style()).size, false),
        ui.visuals().weak_text_color(),
        direction(ui.ctx()),
    );
    p.direction = Some(direction(ui.ctx()));
    p.truncate_width = Some(frame.inner.width());
    let hint = layout(ui.ctx(), hint, &p);
    let x = if direction(ui.ctx()).is_rtl() {
        frame.inner.right() - hint.size().x
    } else {
        frame.inner.left()
    };
    painter.galley(
        pos2(x, frame.inner.top()),
        hint.galley,
        ui.visuals().weak_text_color(),
    );
}

fn ime_output(ui: &Ui, frame: &Frame, laid: &LaidOut, origin: egui::Pos2, st: &EditorState) {
    let to_global = ui
        .ctx()
        .layer_transform_to_global(ui.layer_id())
        .unwrap_or_default();
    let caret = laid
        .map
        .caret_rect(st.caret)
        .translate(origin.to_vec2())
        .expand2(Vec2::new(1.0, 0.0));
    ui.ctx().output_mut(|o| {
        o.ime = Some(egui::output::IMEOutput {
            purpose: egui::IMEPurpose::Normal,
            rect: to_global * frame.rect,
            cursor_rect: to_global * caret,
            should_interrupt_composition: false,
        });
    });
}

/// AccessKit "set value" (screen readers, kittest `set_text_value_accesskit`).
fn accesskit_set_value(ui: &Ui, id: Id, text: &mut String, st: &mut EditorState) -> bool {
    let value = ui.input(|i| {
        i.events.iter().find_map(|e| match e {
            Event::AccessKitActionRequest(accesskit::ActionRequest {
                action: accesskit::Action::SetValue,
                target_node,
                data: Some(accesskit::ActionData::Value(v)),
                ..
            }) if *target_node == id.accesskit_id() => Some(v.to_string()),
            _ => None,
        })
    });
    let Some(value) = value else {
        return false;
    };
    st.history
        .before_edit(buffer::EditKind::Other, st.snapshot(text));
    *text = value;
    let n = text.chars().count();
    st.move_to(Caret::at(n), false);
    st.preedit = None;
    true
}

fn accesskit_info(ui: &Ui, response: &Response, field: &Opts, text: &str) {
    let role = if field.multiline {
        accesskit::Role::MultilineTextInput
    } else {
        accesskit::Role::TextInput
    };
    let enabled = ui.is_enabled();
    response.widget_info(|| {
        let mut info = WidgetInfo::new(role);
        info.enabled = enabled;
        info.label = Some(field.label.clone());
        info.current_text_value = Some(text.to_owned());
        info.hint_text = (!field.hint.is_empty()).then(|| field.hint.clone());
        info
    });
    ui.ctx().accesskit_node_builder(response.id, |b| {
        b.set_role(role);
        if !field.editable {
            b.set_read_only();
        } else {
            b.add_action(accesskit::Action::SetValue);
        }
    });
}

/// The selected logical char range of the field whose response id is `id` (e.g. to turn a
/// selection in a read-only reader into an excerpt); `None` if the field has no state yet.
pub fn field_selection(ctx: &egui::Context, id: Id) -> Option<std::ops::Range<usize>> {
    ctx.data(|d| d.get_temp::<EditorState>(id))
        .map(|st| st.selection())
}
