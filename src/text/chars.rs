//! Character classes the layout and the editor need: invisible controls, mirrored
//! brackets, marks that attach to the previous character, and word characters.

use unicode_bidi::{BidiClass, bidi_class};

/// Characters that are never drawn: bidi controls, zero-width space, BOM, soft hyphen,
/// and C0/C1 controls other than tab. They still occupy a (zero-width) caret position.
pub fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{2028}'
            | '\u{2029}'
    ) || (c.is_control() && c != '\t')
}

/// A non-spacing mark (harakat, shadda, combining accents): it belongs to the
/// preceding character's cluster, so the caret never stops before it.
pub fn is_mark(c: char) -> bool {
    bidi_class(c) == BidiClass::NSM
}

/// `true` if the character is written right-to-left by its nature (Arabic and Hebrew
/// letters, Arabic-Indic digits). The shaper guesses RTL for such characters, so the
/// layout must never hand it a mixed section starting with one.
pub fn is_rtl_script(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::AN)
}

/// Part of an RTL word that harfrust may shape as one unit (letters, marks, joiners).
pub fn is_rtl_word_char(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::NSM)
        || c == '\u{200C}'
        || c == '\u{200D}'
}

/// A letter, digit, mark or joiner: the characters that make up a word for
/// double-click selection and Ctrl+arrow movement.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c) || c == '_' || c == '\u{200C}' || c == '\u{200D}'
}

/// The mirrored glyph of a bracket-like character (UAX #9 rule L4), if any.
///
/// Covers the pairs of `BidiMirroring.txt` that occur in practice in prose.
pub fn mirror(c: char) -> Option<char> {
    const PAIRS: [(char, char); 19] = [
        ('(', ')'),
        ('[', ']'),
        ('{', '}'),
        ('<', '>'),
        ('«', '»'),
        ('‹', '›'),
        ('⁅', '⁆'),
        ('⁽', '⁾'),
        ('₍', '₎'),
        ('≤', '≥'),
        ('≪', '≫'),
        ('⟨', '⟩'),
        ('⟦', '⟧'),
        ('〈', '〉'),
        ('《', '》'),
        ('「', '」'),
        ('『', '』'),
        ('【', '】'),
        ('〔', '〕'),
    ];
    PAIRS.iter().find_map(|&(a, b)| {
        if c == a {
            Some(b)
        } else if c == b {
            Some(a)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_hidden('\u{200F}'));
        assert!(is_hidden('\u{2067}'));
        assert!(!is_hidden('\t'));
        assert!(!is_hidden('\u{200D}'));
        assert!(is_mark('\u{064E}')); // fatha
        assert!(!is_mark('ب'));
        assert!(is_rtl_script('٢'));
        assert!(is_rtl_script('م'));
        assert!(!is_rtl_script('2'));
        assert_eq!(mirror('('), Some(')'));
        assert_eq!(mirror('»'), Some('«'));
        assert_eq!(mirror('a'), None);
        assert!(is_word_char('ب'));
        assert!(is_word_char('\u{064E}'));
        assert!(!is_word_char(' '));
    }
}
