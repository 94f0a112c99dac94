//! HTML articles to plain text: tags removed, scripts and styles dropped, entities decoded,
//! block elements turned into paragraph breaks; the title, first heading and the page's
//! metadata (site name, publication time, canonical URL) kept. A single forward scan.

/// What an HTML page holds for capture.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlDoc {
    /// The visible text, one paragraph per line.
    pub text: String,
    /// The `<title>`.
    pub title: Option<String>,
    /// The first `<h1>`.
    pub h1: Option<String>,
    /// `og:site_name`.
    pub site_name: Option<String>,
    /// `article:published_time` (or `datePublished`), as written.
    pub published: Option<String>,
    /// `og:url` or the canonical link.
    pub url: Option<String>,
}

/// Elements whose content is not article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas",
];

/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "ul",
    "ol",
    "table",
    "figure",
    "figcaption",
    "aside",
    "nav",
    "main",
    "hr",
    "dd",
    "dt",
    "pre",
    "time",
];

/// Whether the start of a file looks like HTML rather than plain text.
pub fn looks_like_html(head: &str) -> bool {
    let h: String = head
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    h.starts_with("<!doctype html")
        || h.starts_with("<html")
        || h.contains("<body")
        || h.contains("<head")
        || (h.starts_with('<') && (h.contains("</p>") || h.contains("</div>")))
}

/// Converts an HTML page to text and metadata.
pub fn html_to_text(html: &str) -> HtmlDoc {
    let lower = html.to_ascii_lowercase();
    let mut doc = HtmlDoc::default();
    let mut out = String::with_capacity(html.len() / 2);
    let mut pos = 0;
    while pos < html.len() {
        let Some(lt) = html[pos..].find('<').map(|k| pos + k) else {
            push_text(&mut out, &html[pos..]);
            break;
        };
        push_text(&mut out, &html[pos..lt]);
        if lower[lt..].starts_with("<!--") {
            pos = lower[lt..]
                .find("-->")
                .map(|k| lt + k + 3)
                .unwrap_or(html.len());
            continue;
        }
        let Some(gt) = lower[lt..].find('>').map(|k| lt + k) else {
            // A lone «<» in text.
            push_text(&mut out, &html[lt..]);
            break;
        };
        let tag = &lower[lt + 1..gt];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        pos = gt + 1;
        if closing {
            if BLOCKS.contains(&name.as_str()) {
                out.push('\n');
            }
            continue;
        }
        match name.as_str() {
            n if SKIPPED.contains(&n) => pos = skip_past_close(&lower, pos, n),
            "title" | "h1" => {
                let end = lower[pos..]
                    .find(&format!("</{name}"))
                    .map(|k| pos + k)
                    .unwrap_or(html.len());
                let inner = inner_text(&html[pos..end]);
                if name == "title" {
                    doc.title.get_or_insert(inner);
                    pos = skip_past_close(&lower, pos, "title");
                } else {
                    if !inner.is_empty() {
                        doc.h1.get_or_insert(inner);
                    }
                    out.push('\n');
                }
            }
            "meta" => read_meta(&html[lt..gt], &mut doc),
            "link" => {
                let raw = &html[lt..gt];
                if attr(raw, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                    && let Some(href) = attr(raw, "href")
                {
                    doc.url.get_or_insert(href);
                }
            }
            n if BLOCKS.contains(&n) => out.push('\n'),
            _ => {}
        }
    }
    doc.text = tidy(&out);
    doc
}

/// Position after `</name …>`, or the end of the text.
fn skip_past_close(lower: &str, from: usize, name: &str) -> usize {
    let close = format!("</{name}");
    match lower[from..].find(&close) {
        Some(k) => {
            let at = from + k;
            lower[at..]
                .find('>')
                .map(|g| at + g + 1)
                .unwrap_or(lower.len())
        }
        None => lower.len(),
    }
}

fn read_meta(raw: &str, doc: &mut HtmlDoc) {
    let key = attr(raw, "property")
        .or_else(|| attr(raw, "name"))
        .or_else(|| attr(raw, "itemprop"))
        .map(|k| k.to_ascii_lowercase());
    let Some(content) = attr(raw, "content") else {
        return;
    };
    match key.as_deref() {
        Some("og:site_name") => {
            doc.site_name.get_or_insert(content);
        }
        Some("article:published_time" | "datepublished" | "pubdate" | "date") => {
            doc.published.get_or_insert(content);
        }
        Some("og:url") => {
            doc.url.get_or_insert(content);
        }
        Some("og:title") if doc.title.is_none() => doc.title = Some(content),
        _ => {}
    }
}

/// The value of attribute `name` in a raw tag (`<meta property="og:title" content="…">`).
fn attr(raw: &str, name: &str) -> Option<String> {
    let lower = raw.to_ascii_lowercase();
    let mut from = 0;
    while let Some(k) = lower[from..].find(name) {
        let at = from + k;
        from = at + name.len();
        let before_ok = lower[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_whitespace());
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_at = raw.len() - rest.len() + 1;
        let value = raw[value_at..].trim_start();
        let v = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
            _ => value
                .split(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
                .next()
                .unwrap_or(""),
        };
        return Some(decode_entities(v).trim().to_owned());
    }
    None
}

/// The text inside an element, tags removed.
fn inner_text(fragment: &str) -> String {
    let mut s = String::new();
    let mut in_tag = false;
    for c in fragment.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => s.push(c),
            _ => {}
        }
    }
    let mut out = String::new();
    push_text(&mut out, &s);
    out.trim().to_owned()
}

/// Appends text with entities decoded and runs of white space collapsed to one space.
fn push_text(out: &mut String, raw: &str) {
    let decoded = decode_entities(raw);
    for c in decoded.chars() {
        if c.is_whitespace() && c != '\u{A0}' {
            if !out.ends_with([' ', '\n']) && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// One paragraph per line: lines trimmed, empty ones dropped.
fn tidy(s: &str) -> String {
    s.lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Decodes character references: numeric ones and the named ones articles use.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let end = rest[1..]
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i + 1);
        let decoded = end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "rlm" => '\u{200F}',
        "lrm" => '\u{200E}',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_scripts_and_keeps_paragraphs() {
        let html = r#"<!DOCTYPE html><html><head><title>عنوان الصفحة - هسبريس</title>
            <meta property="og:site_name" content="هسبريس">
            <meta property="article:published_time" content="2022-05-08T10:00:00Z">
            <link rel="canonical" href="https://example.org/a?x=1&amp;y=2">
            <style>p { color: red }</style><script>var x = "<p>لا</p>";</script></head>
            <body><h1>المغرب <em>وأميركا</em></h1><p>في 26 مارس&nbsp;2022، &laquo;اعتقال&raquo;</p>
            <!-- <p>تعليق</p> --><p>فقرة&#32;ثانية &#x0627;</p></body></html>"#;
        let d = html_to_text(html);
        assert_eq!(
            d.text,
            "المغرب وأميركا\nفي 26 مارس\u{A0}2022، «اعتقال»\nفقرة ثانية ا"
        );
        assert_eq!(d.title.as_deref(), Some("عنوان الصفحة - هسبريس"));
        assert_eq!(d.h1.as_deref(), Some("المغرب وأميركا"));
        assert_eq!(d.site_name.as_deref(), Some("هسبريس"));
        assert_eq!(d.published.as_deref(), Some("2022-05-08T10:00:00Z"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/a?x=1&y=2"));
        assert!(looks_like_html(html));
        assert!(!looks_like_html("المغرب وأميركا\n08 مايو 2022"));
    }

    #[test]
    fn broken_html_does_not_panic() {
        for s in [
            "<",
            "<p",
            "<script>",
            "&#xFFFFFFFF;",
            "&;",
            "<!--",
            "a < b > c",
            "<meta content=>",
        ] {
            let _ = html_to_text(s);
        }
        assert_eq!(
            decode_entities("a &unknown; &#0; &amp;"),
            "a &unknown; &#0; &"
        );
    }
}
