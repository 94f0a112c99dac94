//! Per-field state kept in egui's temp storage between frames.

use std::ops::Range;

use super::buffer::{History, Snapshot};
use crate::text::Caret;

/// Caret, selection, IME composition, scrolling and undo history of one field.
#[derive(Clone, Debug, Default)]
pub struct EditorState {
    /// The caret (moving end of the selection).
    pub caret: Caret,
    /// The fixed end of the selection; equal to `caret.index` when nothing is selected.
    pub anchor: usize,
    /// Chars currently shown as IME pre-edit text.
    pub preedit: Option<Range<usize>>,
    /// Horizontal scroll of a single-line field (`None`: show the paragraph start).
    pub scroll_x: Option<f32>,
    /// x to aim for when moving up and down.
    pub preferred_x: Option<f32>,
    /// Undo/redo history.
    pub history: History,
}

impl EditorState {
    /// The selected logical range (may be empty).
    pub fn selection(&self) -> Range<usize> {
        self.anchor.min(self.caret.index)..self.anchor.max(self.caret.index)
    }

    /// Keeps every index within a text of `n` chars (the text may change outside the field).
    pub fn clamp(&mut self, n: usize) {
        self.caret.index = self.caret.index.min(n);
        self.anchor = self.anchor.min(n);
        if let Some(p) = &self.preedit
            && (p.end > n || p.start > p.end)
        {
            self.preedit = None;
        }
    }

    /// Moves the caret; extends the selection if `extend`, else collapses it.
    pub fn move_to(&mut self, caret: Caret, extend: bool) {
        self.caret = caret;
        if !extend {
            self.anchor = caret.index;
        }
    }

    /// Snapshot for the undo history.
    pub fn snapshot(&self, text: &str) -> Snapshot {
        Snapshot {
            text: text.to_owned(),
            caret: self.caret.index,
            anchor: self.anchor,
        }
    }

    /// Restores a snapshot from the undo history.
    pub fn restore(&mut self, text: &mut String, snap: Snapshot) {
        *text = snap.text;
        let n = text.chars().count();
        self.caret = Caret::at(snap.caret.min(n));
        self.anchor = snap.anchor.min(n);
        self.preedit = None;
    }
}
