//! Editing operations on a `String` addressed by char index, and the undo history.

use std::ops::Range;

/// Converts a char index to a byte index (clamped to the end).
pub fn byte_of(text: &str, char_index: usize) -> usize {
    text.char_indices()
        .nth(char_index)
        .map_or(text.len(), |(b, _)| b)
}

/// Replaces the chars in `range` (clamped) with `insert`; returns the char index after it.
pub fn replace(text: &mut String, range: Range<usize>, insert: &str) -> usize {
    let n = text.chars().count();
    let start = range.start.min(n);
    let end = range.end.clamp(start, n);
    let (a, b) = (byte_of(text, start), byte_of(text, end));
    text.replace_range(a..b, insert);
    start + insert.chars().count()
}

/// The chars of `text` in `range` (clamped), as a string.
pub fn slice(text: &str, range: Range<usize>) -> String {
    text.chars()
        .skip(range.start)
        .take(range.end.saturating_sub(range.start))
        .collect()
}

/// Removes what a field must not contain: control characters, and newlines in
/// single-line fields (turned into spaces). `\r\n` becomes `\n`.
pub fn sanitize(input: &str, multiline: bool) -> String {
    input
        .replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' if !multiline => Some(' '),
            '\r' => Some('\n'),
            '\n' | '\t' => Some(c),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// What kind of edit produced an undo entry; consecutive typing is grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EditKind {
    /// Typing (or IME composition) of word characters.
    #[default]
    Typing,
    /// Anything else (delete, paste, cut, newline, space).
    Other,
}

/// A state to return to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// The text.
    pub text: String,
    /// Caret char index.
    pub caret: usize,
    /// Selection anchor char index.
    pub anchor: usize,
}

/// Undo/redo history of one field.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    last: Option<EditKind>,
}

const MAX_UNDO: usize = 200;

impl History {
    /// Call before an edit of `kind`, with the state before it.
    pub fn before_edit(&mut self, kind: EditKind, before: Snapshot) {
        let grouped = kind == EditKind::Typing && self.last == Some(EditKind::Typing);
        if !grouped {
            self.undo.push(before);
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
        }
        self.last = Some(kind);
        self.redo.clear();
    }

    /// Ends a typing group (after caret movement, a space, focus loss).
    pub fn break_group(&mut self) {
        self.last = None;
    }

    /// Steps back; `current` goes onto the redo stack.
    pub fn undo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let prev = self.undo.pop()?;
        self.redo.push(current);
        self.last = None;
        Some(prev)
    }

    /// Steps forward again.
    pub fn redo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        self.last = None;
        Some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::reversed_empty_ranges)]
    fn replace_by_char_index_never_splits_chars() {
        let mut s = "مرصد BCIJ".to_owned();
        assert_eq!(replace(&mut s, 4..4, " ٢٠٢٢"), 9);
        assert_eq!(s, "مرصد ٢٠٢٢ BCIJ");
        assert_eq!(replace(&mut s, 0..100, "x"), 1);
        assert_eq!(s, "x");
        assert_eq!(replace(&mut s, 50..40, "y"), 2);
        assert_eq!(s, "xy");
        assert_eq!(slice("مرصد", 1..3), "رص");
        assert_eq!(slice("مرصد", 3..1), "");
    }

    #[test]
    fn sanitize_inputs() {
        assert_eq!(sanitize("a\r\nb\u{7}", true), "a\nb");
        assert_eq!(sanitize("a\nb", false), "a b");
    }

    #[test]
    fn history_groups_typing() {
        let snap = |t: &str| Snapshot {
            text: t.into(),
            caret: t.chars().count(),
            anchor: 0,
        };
        let mut h = History::default();
        h.before_edit(EditKind::Typing, snap(""));
        h.before_edit(EditKind::Typing, snap("a"));
        h.break_group();
        h.before_edit(EditKind::Typing, snap("ab "));
        assert_eq!(h.undo(snap("ab c")).map(|s| s.text), Some("ab ".into()));
        assert_eq!(h.undo(snap("ab ")).map(|s| s.text), Some("".into()));
        assert_eq!(h.undo(snap("")), None);
        assert_eq!(h.redo(snap("")).map(|s| s.text), Some("ab ".into()));
    }
}
