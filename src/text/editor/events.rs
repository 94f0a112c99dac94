//! Keyboard, clipboard and IME events of a focused field.
//!
//! Arrow keys move **visually**: ← always moves the caret one cluster to the left
//! on screen and → to the right, crossing run boundaries as displayed (so in
//! Arabic ← advances logically and inside a Latin acronym it goes back). At a
//! row's edge the caret continues on the next row in reading order. Ctrl+←/→
//! move by word in the reading direction of the paragraph (in RTL, Ctrl+← goes to
//! the end of the next word). Home/End go to the logical start/end of the row
//! (the right/left edge in an RTL paragraph); Ctrl+Home/End to the text's ends.

use egui::{Event, ImeEvent, Key, Modifiers};

use super::{
    buffer::{EditKind, replace, sanitize, slice},
    state::EditorState,
};
use crate::text::{
    Caret, LaidOut, Side,
    words::{cluster_start, next_cluster, next_word_end, prev_word_start},
};

/// What the field needs to know to apply an event.
pub struct EventCtx<'a> {
    /// Whether the text may be changed.
    pub editable: bool,
    /// Multi-line field.
    pub multiline: bool,
    /// Re-lays out the text after a change (for movement within the same frame).
    pub relayout: &'a mut dyn FnMut(&str) -> LaidOut,
}

/// What happened while applying events.
#[derive(Default)]
pub struct Outcome {
    /// The text changed.
    pub changed: bool,
    /// Text to put on the clipboard.
    pub copied: Option<String>,
    /// Enter in a single-line field: give up focus.
    pub submit: bool,
    /// The event was used by the field (remove it so app shortcuts do not fire).
    pub consumed: bool,
}

/// Applies one event to `text` and `state`.
pub fn apply(
    ev: &Event,
    text: &mut String,
    st: &mut EditorState,
    laid: &mut LaidOut,
    cx: &mut EventCtx<'_>,
) -> Outcome {
    let mut out = Outcome {
        consumed: true,
        ..Default::default()
    };
    match ev {
        Event::Text(t) if cx.editable => insert(text, st, &sanitize(t, cx.multiline), &mut out),
        Event::Paste(t) if cx.editable => {
            st.history.break_group();
            insert(text, st, &sanitize(t, cx.multiline), &mut out);
            st.history.break_group();
        }
        Event::Copy => out.copied = Some(slice(text, st.selection())).filter(|s| !s.is_empty()),
        Event::Cut => {
            out.copied = Some(slice(text, st.selection())).filter(|s| !s.is_empty());
            if cx.editable && out.copied.is_some() {
                edit(text, st, st.selection(), "", EditKind::Other, &mut out);
            }
        }
        Event::Ime(ime) if cx.editable => ime_event(ime, text, st, &mut out),
        Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } => {
            out.consumed = key_event(*key, *modifiers, text, st, laid, cx, &mut out);
        }
        _ => out.consumed = false,
    }
    if out.changed {
        *laid = (cx.relayout)(text);
    }
    out
}

/// Replaces `range` with `insert` (recording undo) and puts the caret after it.
fn edit(
    text: &mut String,
    st: &mut EditorState,
    range: std::ops::Range<usize>,
    insert: &str,
    kind: EditKind,
    out: &mut Outcome,
) {
    if range.is_empty() && insert.is_empty() {
        return;
    }
    st.history.before_edit(kind, st.snapshot(text));
    let at = replace(text, range, insert);
    st.move_to(Caret::at(at), false);
    st.preferred_x = None;
    out.changed = true;
}

fn insert(text: &mut String, st: &mut EditorState, s: &str, out: &mut Outcome) {
    if s.is_empty() {
        return;
    }
    let kind = if s.chars().all(crate::text::chars::is_word_char) {
        EditKind::Typing
    } else {
        EditKind::Other
    };
    edit(text, st, st.selection(), s, kind, out);
    if kind == EditKind::Other {
        st.history.break_group();
    }
}

fn ime_event(ime: &ImeEvent, text: &mut String, st: &mut EditorState, out: &mut Outcome) {
    match ime {
        ImeEvent::Preedit { text: pre, .. } => {
            let range = st.preedit.clone().unwrap_or_else(|| st.selection());
            if range.is_empty() && pre.is_empty() {
                return;
            }
            let start = range.start;
            edit(text, st, range, pre, EditKind::Typing, out);
            let n = pre.chars().count();
            st.preedit = (n > 0).then(|| start..start + n);
        }
        ImeEvent::Commit(commit) => {
            let range = st.preedit.take().unwrap_or_else(|| st.selection());
            edit(
                text,
                st,
                range,
                &sanitize(commit, false),
                EditKind::Typing,
                out,
            );
            st.history.break_group();
        }
        ImeEvent::DeleteSurrounding {
            before_chars,
            after_chars,
        } => {
            let i = st.caret.index;
            let range = i.saturating_sub(*before_chars)..i.saturating_add(*after_chars);
            edit(text, st, range, "", EditKind::Other, out);
        }
        #[allow(deprecated)]
        ImeEvent::Enabled | ImeEvent::Disabled => {}
    }
}

/// Handles a key press; returns whether the field used it.
fn key_event(
    key: Key,
    m: Modifiers,
    text: &mut String,
    st: &mut EditorState,
    laid: &mut LaidOut,
    cx: &mut EventCtx<'_>,
    out: &mut Outcome,
) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let word = m.command || m.alt;
    let shift = m.shift;
    let map = laid.map.clone();
    match key {
        Key::ArrowLeft | Key::ArrowRight => {
            let side = if key == Key::ArrowLeft {
                Side::Left
            } else {
                Side::Right
            };
            st.preferred_x = None;
            st.history.break_group();
            let sel = st.selection();
            let target = if !shift && !word && !sel.is_empty() {
                collapse(&map, st, side)
            } else if word {
                let rtl = map.rows.get(map.row_of(st.caret)).is_some_and(|r| r.rtl);
                if (side == Side::Right) != rtl {
                    Caret::at(next_word_end(&chars, st.caret.index))
                } else {
                    Caret::at(prev_word_start(&chars, st.caret.index))
                }
            } else {
                map.move_visually(st.caret, side)
            };
            st.move_to(target, shift);
        }
        Key::ArrowUp | Key::ArrowDown if cx.multiline => {
            let k = map.row_of(st.caret);
            let x = *st
                .preferred_x
                .get_or_insert_with(|| map.caret_x(k, st.caret.index));
            let target =
                map.move_vertically(st.caret, if key == Key::ArrowUp { -1 } else { 1 }, Some(x));
            st.history.break_group();
            st.move_to(target, shift);
        }
        Key::Home | Key::End => {
            let target = match (key, m.command) {
                (Key::Home, true) => Caret::at(0),
                (Key::End, true) => Caret::at(n),
                (Key::Home, false) => map.row_start(st.caret),
                _ => map.row_end(st.caret),
            };
            st.preferred_x = None;
            st.history.break_group();
            st.move_to(target, shift);
        }
        Key::Backspace if cx.editable => {
            let sel = st.selection();
            let range = if !sel.is_empty() {
                sel
            } else if word {
                prev_word_start(&chars, st.caret.index)..st.caret.index
            } else {
                // One char: harakat are removed one by one, a letter never split.
                st.caret.index.saturating_sub(1)..st.caret.index
            };
            edit(text, st, range, "", EditKind::Other, out);
        }
        Key::Delete if cx.editable => {
            let sel = st.selection();
            let i = cluster_start(&chars, st.caret.index);
            let range = if !sel.is_empty() {
                sel
            } else if word {
                i..next_word_end(&chars, i)
            } else {
                i..next_cluster(&chars, i)
            };
            edit(text, st, range, "", EditKind::Other, out);
        }
        Key::Enter if cx.multiline && cx.editable => {
            edit(text, st, st.selection(), "\n", EditKind::Other, out);
            st.history.break_group();
        }
        Key::Enter if !cx.multiline => {
            // The field gives up focus and leaves the key to its owner (a search box opens
            // the selected result on Enter), as egui's own single-line fields do.
            out.submit = true;
            return false;
        }
        Key::A if m.command => {
            st.anchor = 0;
            st.caret = Caret::at(n);
        }
        Key::Z | Key::Y if m.command && cx.editable => {
            let redo = key == Key::Y || m.shift;
            let current = st.snapshot(text);
            let snap = if redo {
                st.history.redo(current)
            } else {
                st.history.undo(current)
            };
            if let Some(snap) = snap {
                st.restore(text, snap);
                out.changed = true;
            }
        }
        _ => return false,
    }
    true
}

/// Collapses a selection to its visually left or right end.
fn collapse(map: &crate::text::TextLayout, st: &EditorState, side: Side) -> Caret {
    let a = Caret::at(st.anchor);
    let (ka, kc) = (map.row_of(a), map.row_of(st.caret));
    if ka == kc {
        let a_is_left = map.caret_x(ka, a.index) < map.caret_x(kc, st.caret.index);
        return if (side == Side::Left) == a_is_left {
            a
        } else {
            st.caret
        };
    }
    let rtl = map.rows.get(kc).is_some_and(|r| r.rtl);
    let sel = st.selection();
    Caret::at(if (side == Side::Left) != rtl {
        sel.start
    } else {
        sel.end
    })
}
