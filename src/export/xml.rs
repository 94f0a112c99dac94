//! XML text escaping for the graph exports.

/// Escapes text for an XML attribute or element: markup characters become entities, and
/// characters XML 1.0 forbids (most C0 controls) are dropped, since no parser would accept them.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_controls() {
        assert_eq!(
            escape("<a href=\"x\">'ب' & ج</a>\u{1}"),
            "&lt;a href=&quot;x&quot;&gt;&apos;ب&apos; &amp; ج&lt;/a&gt;"
        );
        assert_eq!(escape("المغرب\n"), "المغرب\n");
    }
}
