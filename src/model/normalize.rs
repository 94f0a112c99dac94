//! The rule for when two spellings are "the same word": Arabic orthographic variants and Latin
//! case are folded so that search, duplicate detection and name matching agree.
//!
//! It lives in the model (not in the text engine) because it is part of what the data means:
//! the store indexes with it and importers match actors with it.

/// Folds one character; `None` drops it (harakat, tatweel, bidi controls).
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        // Harakat, superscript alef, Quranic marks and tatweel carry no identity for search.
        '\u{064B}'..='\u{0652}'
        | '\u{0670}'
        | '\u{0640}'
        | '\u{0610}'..='\u{061A}'
        | '\u{06D6}'..='\u{06ED}' => {
            return None;
        }
        // Bidi controls and joiners are invisible formatting.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}'
        | '\u{FEFF}' => {
            return None;
        }
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ئ' => 'ي',
        'ی' => 'ي',
        'ک' => 'ك',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        _ => c,
    })
}

/// Normalises text for matching: removes harakat and tatweel, unifies alef, ya, ta marbuta,
/// hamza seats and Persian letters, maps Arabic-Indic digits to ASCII and folds Latin case.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter_map(fold_char) {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if !is_arabic(c) && c.is_alphabetic() {
            out.extend(c.to_lowercase().flat_map(strip_latin_accent));
        } else {
            out.push(c);
        }
    }
    out
}

/// Folds the accents of common French/Latin letters (é → e), since users type names without them.
fn strip_latin_accent(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        '\u{0300}'..='\u{036F}' => return None,
        _ => c,
    })
}

/// Whether `c` is in an Arabic block.
pub fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Whether `c` belongs inside a word for matching purposes.
pub fn is_word_char(c: char) -> bool {
    is_alphanumeric(c) || matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}')
}

/// [`char::is_alphanumeric`], answered without Unicode's tables for ASCII and for the Arabic
/// letters and digits that most text here is made of (the table lookup was 13% of an import's
/// CPU time).
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '\u{0621}'..='\u{064A}' | '\u{0660}'..='\u{0669}' => {
            true
        }
        '\0'..='\x7f' => false,
        _ => c.is_alphanumeric(),
    }
}

/// Splits text into words with their char ranges: `(start, end, word)` in Unicode scalar values.
pub fn words(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (char index, byte index)
    let mut char_index = 0;
    for (byte, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some((char_index, byte)),
            (false, Some((cs, bs))) => {
                out.push((cs, char_index, &text[bs..byte]));
                start = None;
            }
            _ => {}
        }
        char_index += 1;
    }
    if let Some((cs, bs)) = start {
        out.push((cs, char_index, &text[bs..]));
    }
    out
}

/// The light-stemmed forms under which a normalised Arabic word is also indexed, so that a search
/// for «المغرب» finds «والمغرب», «بالمغرب», «للمغرب» and «مغرب» finds «المغرب».
///
/// Only clitics that attach in writing are removed, and only when a word of at least two letters
/// remains; the word itself is not returned.
pub fn light_stems(word: &str) -> Vec<String> {
    let mut forms: Vec<String> = Vec::new();
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 || !chars.iter().all(|c| is_arabic(*c)) {
        return forms;
    }
    let mut push = |s: String| {
        if s.chars().count() >= 2 && s != word && !forms.contains(&s) {
            forms.push(s);
        }
    };
    // Conjunctions و and ف stand before anything, including the prepositions below.
    let bare: String = match chars[0] {
        'و' | 'ف' if chars.len() >= 4 => chars[1..].iter().collect(),
        _ => word.to_owned(),
    };
    push(bare.clone());
    // Prepositions ب ك ل before the article: بال… كال… → ال… ; لل… → ال…
    let article = if let Some(rest) = bare
        .strip_prefix("بال")
        .or_else(|| bare.strip_prefix("كال"))
    {
        format!("ال{rest}")
    } else if let Some(rest) = bare.strip_prefix("لل") {
        format!("ال{rest}")
    } else {
        bare.clone()
    };
    push(article.clone());
    if let Some(rest) = article.strip_prefix("ال") {
        push(rest.to_owned());
    }
    forms
}

#[cfg(test)]
mod tests {
    #[test]
    fn fast_alphanumeric_agrees_with_unicode_everywhere() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    use super::*;

    #[test]
    fn folds_hamza_harakat_and_tatweel() {
        assert_eq!(normalize("الإرهاب"), "الارهاب");
        assert_eq!(normalize("الإرْهاب"), "الارهاب");
        assert_eq!(normalize("أمريكا"), "امريكا");
        assert_eq!(normalize("آذار"), "اذار");
        assert_eq!(normalize("ٱلله"), "الله");
        assert_eq!(normalize("مـــغرب"), "مغرب");
        assert_eq!(normalize("مُوالٍ"), "موال");
        assert_eq!(normalize("الهٰذا"), "الهذا");
    }

    #[test]
    fn folds_letters_variants() {
        assert_eq!(normalize("مستشفى"), "مستشفي");
        assert_eq!(normalize("مدينة"), "مدينه");
        assert_eq!(normalize("مؤتمر"), "موتمر");
        assert_eq!(normalize("هيئة"), "هييه");
        assert_eq!(normalize("ایران"), "ايران");
        assert_eq!(normalize("کتاب"), "كتاب");
    }

    #[test]
    fn folds_digits_and_latin() {
        assert_eq!(normalize("٢٠٢٢"), "2022");
        assert_eq!(normalize("۱۴۰۱"), "1401");
        assert_eq!(normalize("FBI"), "fbi");
        assert_eq!(normalize("Sûreté Générale"), "surete generale");
        assert_eq!(normalize("Ça"), "ca");
    }

    #[test]
    fn drops_invisible_controls() {
        assert_eq!(
            normalize("\u{200F}المغرب\u{2066}BCIJ\u{2069}"),
            "المغربbcij"
        );
    }

    #[test]
    fn words_carry_char_ranges() {
        let w = words("قال: «الإرهاب» (BCIJ) 2022");
        let texts: Vec<&str> = w.iter().map(|(_, _, t)| *t).collect();
        assert_eq!(texts, ["قال", "الإرهاب", "BCIJ", "2022"]);
        assert_eq!((w[1].0, w[1].1), (6, 13));
    }

    #[test]
    fn words_keep_harakat_inside() {
        let w = words("الإرْهاب هنا");
        assert_eq!(w[0].2, "الإرْهاب");
    }

    #[test]
    fn light_stems_reach_the_article_form() {
        assert!(light_stems("والمغرب").contains(&"المغرب".to_owned()));
        assert!(light_stems("بالمغرب").contains(&"المغرب".to_owned()));
        assert!(light_stems("للمغرب").contains(&"المغرب".to_owned()));
        assert!(light_stems("وبالمغرب").contains(&"المغرب".to_owned()));
        assert!(light_stems("المغرب").contains(&"مغرب".to_owned()));
        assert!(light_stems("FBI").is_empty());
        assert!(light_stems("ال").is_empty());
    }
}
