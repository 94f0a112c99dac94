//! Cluster and word boundaries on a slice of chars (logical order).

use std::ops::Range;

use super::chars::{is_mark, is_word_char};

/// The start of the cluster after position `i` (skips the marks of the next char).
pub fn next_cluster(chars: &[char], i: usize) -> usize {
    let mut j = (i + 1).min(chars.len());
    while j < chars.len() && is_mark(chars[j]) {
        j += 1;
    }
    j.max(i.min(chars.len()))
}

/// Snaps `i` back to the start of its cluster (a caret never sits before a mark).
pub fn cluster_start(chars: &[char], i: usize) -> usize {
    let mut j = i.min(chars.len());
    while j > 0 && j < chars.len() && is_mark(chars[j]) {
        j -= 1;
    }
    j
}

/// End of the word at or after `i` (Ctrl+→ in LTR text).
pub fn next_word_end(chars: &[char], i: usize) -> usize {
    let mut j = i.min(chars.len());
    while j < chars.len() && !is_word_char(chars[j]) {
        j += 1;
    }
    while j < chars.len() && is_word_char(chars[j]) {
        j += 1;
    }
    j
}

/// Start of the word at or before `i` (Ctrl+← in LTR text).
pub fn prev_word_start(chars: &[char], i: usize) -> usize {
    let mut j = i.min(chars.len());
    while j > 0 && !is_word_char(chars[j - 1]) {
        j -= 1;
    }
    while j > 0 && is_word_char(chars[j - 1]) {
        j -= 1;
    }
    j
}

/// The word around position `i` (for double-click); a run of non-word chars if
/// `i` is not in a word.
pub fn word_at(chars: &[char], i: usize) -> Range<usize> {
    let i = i.min(chars.len());
    let probe = if i < chars.len() {
        i
    } else {
        i.saturating_sub(1)
    };
    let Some(&c) = chars.get(probe) else {
        return i..i;
    };
    let same = |x: char| is_word_char(x) == is_word_char(c) && x != '\n';
    let mut a = probe;
    while a > 0 && same(chars[a - 1]) {
        a -= 1;
    }
    let mut b = probe;
    while b < chars.len() && same(chars[b]) {
        b += 1;
    }
    a..b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn clusters_skip_marks() {
        let t = c("بَبّ");
        assert_eq!(next_cluster(&t, 0), 2);
        assert_eq!(cluster_start(&t, 1), 0);
        assert_eq!(next_cluster(&t, 4), 4);
        assert_eq!(next_cluster(&[], 5), 0);
    }

    #[test]
    fn words() {
        let t = c("في 26 مارس/آذار");
        assert_eq!(next_word_end(&t, 0), 2);
        assert_eq!(next_word_end(&t, 2), 5);
        assert_eq!(prev_word_start(&t, 5), 3);
        assert_eq!(word_at(&t, 7), 6..10);
        assert_eq!(word_at(&t, 10), 10..11);
        assert_eq!(word_at(&t, 99), 11..15);
        assert_eq!(word_at(&[], 0), 0..0);
    }
}
