//! Word forms for name matching: the words of a text with their ranges, the matching key of a
//! word (normalised, with common spelling variants folded) and the forms a word takes once its
//! attached clitics (و ف ب ل ك، بال، لل…) are removed.

use crate::model::{is_arabic, is_word_char, normalize};

/// A word of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    /// First char.
    pub start: usize,
    /// Char after the last.
    pub end: usize,
    /// Byte range.
    pub bytes: (usize, usize),
    /// Byte where the gap before the word starts.
    pub gap_from: usize,
    /// The word as written.
    pub raw: &'a str,
    /// Its matching key (see [`key`]).
    pub key: String,
}

/// Splits `text` into words with char and byte ranges.
pub(crate) fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut gap_from = 0;
    let mut index = 0;
    let mut push = |cs: usize, ce: usize, bs: usize, be: usize, gap_from: usize| {
        let raw = &text[bs..be];
        out.push(Word {
            start: cs,
            end: ce,
            bytes: (bs, be),
            gap_from,
            raw,
            key: key(raw),
        });
    };
    for (byte, c) in text.char_indices() {
        match (is_word_char(c), open) {
            (true, None) => open = Some((index, byte)),
            (false, Some((cs, bs))) => {
                push(cs, index, bs, byte, gap_from);
                gap_from = byte;
                open = None;
            }
            _ => {}
        }
        index += 1;
    }
    if let Some((cs, bs)) = open {
        push(cs, index, bs, text.len(), gap_from);
    }
    out
}

/// Spellings that differ between outlets for the same word; folded so that «الأميركية» in a
/// name matches «الأمريكية» in a text.
const VARIANTS: &[(&str, &str)] = &[("اميرك", "امريك"), ("ـ", "")];

/// The matching key of a word: [`normalize`]d, with [`VARIANTS`] folded.
pub(crate) fn key(word: &str) -> String {
    let mut k = normalize(word);
    for (from, to) in VARIANTS {
        if k.contains(from) {
            k = k.replace(from, to);
        }
    }
    k
}

/// The forms of an Arabic key without its attached clitics, the key itself first:
/// «وللمغرب» → وللمغرب، للمغرب، المغرب، لمغرب. Latin words have only themselves.
pub(crate) fn clitic_forms(key: &str) -> Vec<String> {
    let mut out = vec![key.to_owned()];
    if !key.chars().next().is_some_and(is_arabic) {
        return out;
    }
    let mut bases = vec![key.to_owned()];
    if let Some(rest) = key.strip_prefix(['و', 'ف'])
        && rest.chars().count() >= 2
    {
        bases.push(rest.to_owned());
    }
    for base in bases {
        push(&mut out, &base);
        for (prefix, replacement) in [("بال", "ال"), ("كال", "ال"), ("لل", "ال")] {
            if let Some(rest) = base.strip_prefix(prefix) {
                push(&mut out, &format!("{replacement}{rest}"));
            }
        }
        if let Some(rest) = base.strip_prefix(['ب', 'ل', 'ك'])
            && rest.chars().count() >= 2
        {
            push(&mut out, rest);
        }
    }
    out
}

fn push(out: &mut Vec<String>, s: &str) {
    if !out.iter().any(|o| o == s) {
        out.push(s.to_owned());
    }
}

/// Whether the gap between two words keeps them in one name: spaces, quotes, hyphens and
/// tatweel, but no sentence punctuation, comma or line break.
pub(crate) fn joins_name(gap: &str) -> bool {
    gap.chars().count() <= 3
        && gap.chars().all(|c| {
            matches!(
                c,
                ' ' | '\u{A0}'
                    | '\u{200E}'
                    | '\u{200F}'
                    | '"'
                    | '“'
                    | '”'
                    | '«'
                    | '»'
                    | '\''
                    | '-'
                    | 'ـ'
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_strip_clitics() {
        let f = clitic_forms("وللمغرب");
        assert!(f.contains(&"المغرب".to_owned()), "{f:?}");
        assert!(clitic_forms("بالولايات").contains(&"الولايات".to_owned()));
        assert!(clitic_forms("لداعش").contains(&"داعش".to_owned()));
        assert!(clitic_forms("بواشنطن").contains(&"واشنطن".to_owned()));
        assert_eq!(clitic_forms("fbi"), ["fbi"]);
    }

    #[test]
    fn keys_fold_variants() {
        assert_eq!(key("الأميركية"), key("الأمريكية"));
        assert_eq!(key("أميركا"), "امريكا");
    }

    #[test]
    fn words_carry_ranges() {
        let w = words("قال «حموشي» (BCIJ)");
        assert_eq!(w.len(), 3);
        assert_eq!((w[1].start, w[1].end, w[1].raw), (5, 10, "حموشي"));
        assert_eq!(w[2].key, "bcij");
    }
}
