//! Cuts text into the tokens the date grammar reads: runs of digits and runs of letters, each
//! with its char and byte range and its normalised form. One pass, linear in the text.

use crate::model::{is_word_char, normalize};

/// A run of digits or of letters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Tok {
    /// First char (Unicode scalar value index).
    pub start: usize,
    /// Char after the last.
    pub end: usize,
    /// Byte range in the text.
    pub bytes: (usize, usize),
    /// Byte where the gap before this token starts (the end of the previous token).
    pub gap_from: usize,
    /// Normalised text (Arabic-Indic digits become ASCII, Latin is lower-cased).
    pub norm: String,
    /// Value and number of digits, for a run of digits.
    pub number: Option<(u32, usize)>,
}

/// Whether `c` is a digit in any of the scripts Arab media use.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '٠'..='٩' | '۰'..='۹')
}

/// Splits `text` into tokens. Digits and letters are separated even when written together
/// («1443هـ», «2020آخر»), since the date grammar needs them apart.
pub(super) fn tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    // (start char, start byte, is digit run)
    let mut open: Option<(usize, usize, bool)> = None;
    let mut gap_from = 0;
    let mut index = 0;
    for (byte, c) in text.char_indices() {
        let class = if is_digit(c) {
            Some(true)
        } else if is_word_char(c) {
            Some(false)
        } else {
            None
        };
        if let Some((cs, bs, digit)) = open
            && class != Some(digit)
        {
            out.push(make(text, cs, index, bs, byte, gap_from));
            gap_from = byte;
            open = None;
        }
        if open.is_none()
            && let Some(digit) = class
        {
            open = Some((index, byte, digit));
        }
        index += 1;
    }
    if let Some((cs, bs, _)) = open {
        out.push(make(text, cs, index, bs, text.len(), gap_from));
    }
    out
}

fn make(text: &str, start: usize, end: usize, b0: usize, b1: usize, gap_from: usize) -> Tok {
    let norm = normalize(&text[b0..b1]);
    let number = if norm.bytes().all(|b| b.is_ascii_digit()) && !norm.is_empty() {
        // Longer runs are not dates; their value is irrelevant, so it saturates.
        let value = norm.parse::<u32>().unwrap_or(u32::MAX);
        Some((value, norm.len()))
    } else {
        None
    };
    Tok {
        start,
        end,
        bytes: (b0, b1),
        gap_from,
        norm,
        number,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_letters_split_with_ranges() {
        let t = tokens("في ١٥ رمضان 1443هـ، 2020آخر");
        let norms: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, ["في", "15", "رمضان", "1443", "ه", "2020", "اخر"]);
        assert_eq!(t[1].number, Some((15, 2)));
        assert_eq!((t[3].start, t[3].end), (12, 16));
        assert_eq!((t[4].start, t[4].end), (16, 18));
        let text = "في ١٥ رمضان 1443هـ، 2020آخر";
        assert_eq!(&text[t[5].gap_from..t[5].bytes.0], "، ");
    }
}
