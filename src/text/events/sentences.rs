//! Splitting text into sentences at Arabic and Latin sentence punctuation and line breaks.

/// A sentence's range in the text, surrounding white space excluded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// First char.
    pub start: usize,
    /// Char after the last (the closing punctuation is included).
    pub end: usize,
    /// Byte range.
    pub bytes: (usize, usize),
}

impl Sentence {
    /// The sentence's text.
    pub fn text<'a>(&self, full: &'a str) -> &'a str {
        full.get(self.bytes.0..self.bytes.1).unwrap_or("")
    }
}

fn ends_sentence(prev: Option<char>, c: char, next: Option<char>) -> bool {
    match c {
        '!' | '?' | '؟' | '؛' | '\n' | '\r' | '\u{2029}' => true,
        // «26.3.2022» and «3.5» are not sentence ends.
        '.' => !(prev.is_some_and(|p| p.is_numeric()) && next.is_some_and(|n| n.is_numeric())),
        _ => false,
    }
}

/// The sentences of `text`, in order; empty ones are skipped.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut begin = 0; // index into `chars`
    for (k, &(_, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|p| p.1);
        let next = chars.get(k + 1).map(|n| n.1);
        if ends_sentence(prev, c, next) {
            let end = if c.is_whitespace() { k } else { k + 1 };
            push(&mut out, text, &chars, begin, end);
            begin = k + 1;
        }
    }
    push(&mut out, text, &chars, begin, chars.len());
    out
}

fn push(out: &mut Vec<Sentence>, text: &str, chars: &[(usize, char)], from: usize, to: usize) {
    let mut a = from;
    let mut b = to;
    while a < b && chars[a].1.is_whitespace() {
        a += 1;
    }
    while b > a && chars[b - 1].1.is_whitespace() {
        b -= 1;
    }
    if a == b {
        return;
    }
    let byte_end = chars.get(b).map(|c| c.0).unwrap_or(text.len());
    out.push(Sentence {
        start: a,
        end: b,
        bytes: (chars[a].0, byte_end),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_arabic_punctuation_and_lines() {
        let text = "اعتُقل شخص في 26.3.2022. هل تعاونوا؟ نعم؛ بالتأكيد!\n\n  سطر آخر  ";
        let s: Vec<&str> = sentences(text).iter().map(|s| s.text(text)).collect();
        assert_eq!(
            s,
            [
                "اعتُقل شخص في 26.3.2022.",
                "هل تعاونوا؟",
                "نعم؛",
                "بالتأكيد!",
                "سطر آخر"
            ]
        );
        let last = sentences(text)[4];
        let by_chars: String = text
            .chars()
            .skip(last.start)
            .take(last.end - last.start)
            .collect();
        assert_eq!(by_chars, "سطر آخر");
    }
}
