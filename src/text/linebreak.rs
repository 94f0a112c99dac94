//! Greedy line breaking in logical order at UAX #14 break opportunities.
//!
//! Lines are chosen before bidi reordering (UAX #9 works per line), so the first
//! logical words always land on the first row, whatever the direction.

use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};

/// Measures the advance width of a piece of logical text (no wrapping).
pub(crate) type Measure<'a> = dyn FnMut(&str) -> f32 + 'a;

/// Splits one paragraph (no `\n` inside) into lines no wider than `max_width`.
///
/// Returns byte ranges into `text` covering it completely and in order. Trailing
/// whitespace stays at the end of its line and does not count towards the width.
/// A word wider than `max_width` is broken between characters (never inside one).
pub(crate) fn break_lines(
    text: &str,
    max_width: f32,
    measure: &mut Measure<'_>,
) -> Vec<Range<usize>> {
    if text.is_empty() || !max_width.is_finite() {
        return std::iter::once(0..text.len()).collect();
    }
    let mut lines = Vec::new();
    let mut line_start = 0;
    let mut line_width = 0.0_f32;
    let mut segment_start = 0;
    for (pos, opportunity) in linebreaks(text) {
        let segment = &text[segment_start..pos];
        let trimmed = segment.trim_end();
        let ink = measure(trimmed);
        let space = if trimmed.len() < segment.len() {
            measure(&segment[trimmed.len()..])
        } else {
            0.0
        };
        if line_start < segment_start && line_width + ink > max_width {
            lines.push(line_start..segment_start);
            line_start = segment_start;
            line_width = 0.0;
        }
        if line_start == segment_start && ink > max_width {
            // An overlong word: break it between characters.
            let (mut pieces, rest_width) = split_overlong(
                text,
                segment_start..segment_start + trimmed.len(),
                max_width,
                measure,
            );
            if let Some(last) = pieces.pop() {
                lines.extend(pieces);
                line_start = last.start;
            }
            line_width = rest_width + space;
        } else {
            line_width += ink + space;
        }
        segment_start = pos;
        if opportunity == BreakOpportunity::Mandatory && pos < text.len() {
            lines.push(line_start..pos);
            line_start = pos;
            line_width = 0.0;
        }
    }
    lines.push(line_start..text.len());
    lines
}

/// Breaks the word `range` of `text` into lines that fit `max_width`, measuring
/// one character (plus its marks) at a time. Returns the lines and the width of
/// the last one, which stays open for the following words.
fn split_overlong(
    text: &str,
    range: Range<usize>,
    max_width: f32,
    measure: &mut Measure<'_>,
) -> (Vec<Range<usize>>, f32) {
    let mut lines = Vec::new();
    let mut start = range.start;
    let mut width = 0.0_f32;
    let word = &text[range.clone()];
    for (a, b) in cluster_bounds(word) {
        let w = measure(&word[a..b]);
        let abs = range.start + a;
        if abs > start && width + w > max_width {
            lines.push(start..abs);
            start = abs;
            width = 0.0;
        }
        width += w;
    }
    lines.push(start..range.end);
    (lines, width)
}

/// Byte ranges of the characters of `s`, each with its following marks.
fn cluster_bounds(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut iter = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = iter.next()?;
        while let Some(&(_, c)) = iter.peek() {
            if super::chars::is_mark(c) {
                iter.next();
            } else {
                break;
            }
        }
        let end = iter.peek().map_or(s.len(), |&(i, _)| i);
        Some((start, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_chars(s: &str) -> f32 {
        s.chars().count() as f32 * 10.0
    }

    fn lines(text: &str, width: f32) -> Vec<&str> {
        break_lines(text, width, &mut by_chars)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn greedy_breaking_at_spaces() {
        assert_eq!(lines("aaa bbb ccc", 75.0), ["aaa bbb ", "ccc"]);
        assert_eq!(lines("aaa bbb ccc", 30.0), ["aaa ", "bbb ", "ccc"]);
        assert_eq!(lines("aaa bbb ccc", f32::INFINITY), ["aaa bbb ccc"]);
        assert_eq!(lines("", 10.0), [""]);
    }

    #[test]
    fn arabic_breaks_in_logical_order() {
        let t = "في 26 مارس/آذار 2022";
        let l = lines(t, 60.0);
        assert_eq!(l.concat(), t);
        assert_eq!(l[0], "في 26 ");
    }

    #[test]
    fn overlong_words_are_split_between_chars() {
        assert_eq!(lines("abcdefgh xy", 30.0), ["abc", "def", "gh ", "xy"]);
        // Marks stay with their letter:
        let l = lines("بَبَبَبَ", 40.0);
        assert_eq!(l, ["بَبَ", "بَبَ"]);
    }

    #[test]
    fn break_after_slash_and_hyphen() {
        let l = lines("abc/def-ghi", 40.0);
        assert_eq!(l.concat(), "abc/def-ghi");
        assert!(l.len() >= 3, "{l:?}");
    }
}
