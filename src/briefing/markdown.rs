//! GitHub-flavoured Markdown with footnotes. Every string from the store is escaped, so it
//! prints as written; only http(s) addresses become links.

use super::document::{Body, DocSection, Document, Note};
use super::{BriefingError, BriefingWriter, Format, RenderOptions};
use std::fmt::Write;

/// Writes Markdown.
pub struct MarkdownWriter;

impl BriefingWriter for MarkdownWriter {
    fn format(&self) -> Format {
        Format::Markdown
    }

    fn write(&self, doc: &Document, _opts: &RenderOptions) -> Result<Vec<u8>, BriefingError> {
        let mut w = Md {
            out: String::new(),
            notes: Vec::new(),
        };
        w.document(doc);
        Ok(w.out.into_bytes())
    }
}

/// Escapes inline text: Markdown punctuation gets a backslash, HTML-significant characters
/// become entities, and line breaks become spaces (a line break could start a heading, list
/// or table row).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '~' | '^' | '$' | '=' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A link destination in angle brackets, which may hold no `<`, `>` or line break.
fn destination(url: &str) -> String {
    let clean: String = url
        .chars()
        .filter(|c| !matches!(c, '<' | '>' | '\n' | '\r'))
        .collect();
    format!("<{clean}>")
}

struct Md {
    out: String,
    notes: Vec<Note>,
}

impl Md {
    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn refs(&mut self, notes: &[Note]) -> String {
        let mut s = String::new();
        for n in notes {
            self.notes.push(n.clone());
            let _ = write!(s, "[^{}]", self.notes.len());
        }
        s
    }

    fn note_text(n: &Note) -> String {
        n.segs
            .iter()
            .map(|s| match &s.link {
                Some(url) => format!("[{}]({})", escape(&s.text), destination(url)),
                None => escape(&s.text),
            })
            .collect()
    }

    fn document(&mut self, doc: &Document) {
        // GitHub shows Markdown left to right; an explicit direction keeps Arabic readable.
        if doc.rtl {
            self.line(&format!("<div dir=\"rtl\" lang=\"{}\">\n", doc.lang));
        }
        if let Some(h) = &doc.handling {
            self.line(&format!("**{}**\n", escape(h)));
        }
        self.line(&format!("# {}\n", escape(&doc.title)));
        if let Some(s) = &doc.subtitle {
            self.line(&format!("*{}*\n", escape(s)));
        }
        if let Some(a) = &doc.author {
            self.line(&format!("{}: {}  ", escape(doc.terms.author), escape(a)));
        }
        if let Some(d) = &doc.date {
            self.line(&escape(d));
        }
        self.line("");
        for s in &doc.sections {
            self.section(doc, s);
        }
        if !self.notes.is_empty() {
            let notes = std::mem::take(&mut self.notes);
            for (i, n) in notes.iter().enumerate() {
                self.line(&format!("[^{}]: {}", i + 1, Self::note_text(n)));
            }
            self.line("");
        }
        if doc.rtl {
            self.line("</div>");
        }
    }

    fn row(&mut self, cells: &[String]) {
        self.line(&format!("| {} |", cells.join(" | ")));
    }

    fn section(&mut self, doc: &Document, s: &DocSection) {
        let t = doc.terms;
        self.line(&format!("## {}\n", escape(s.heading)));
        for p in &s.paragraphs {
            self.line(&format!("{}\n", escape(p)));
        }
        match &s.body {
            Body::Text => {}
            Body::Chronology { rows } => {
                self.row(&[t.date, t.event, t.actors, t.sources].map(escape));
                self.line("| --- | --- | --- | --- |");
                for r in rows {
                    let refs = self.refs(&r.notes);
                    self.row(&[
                        escape(&r.date),
                        format!("{}{refs} ({})", escape(&r.title), escape(r.kind)),
                        escape(&r.actors),
                        escape(&r.grades),
                    ]);
                }
                self.line("");
            }
            Body::Narratives { items } => {
                for n in items {
                    self.line(&format!("### {}\n", escape(&n.title)));
                    let mut meta = format!("{} · {}", n.date, n.kind);
                    if let Some(p) = &n.place {
                        meta.push_str(" · ");
                        meta.push_str(p);
                    }
                    self.line(&format!("*{}*\n", escape(&meta)));
                    if !n.actors.is_empty() {
                        self.line(&format!("{}: {}\n", escape(t.actors), escape(&n.actors)));
                    }
                    let refs = self.refs(&n.notes);
                    match &n.description {
                        Some(d) => self.line(&format!("{}{refs}\n", escape(d))),
                        None if n.notes.is_empty() => {
                            self.line(&format!("{}\n", escape(t.no_source)))
                        }
                        None => self.line(&format!("{refs}\n")),
                    }
                    for q in &n.quotes {
                        let r = self.refs(std::slice::from_ref(&q.note));
                        self.line(&format!("> {}{r}", escape(&q.text)));
                        if let Some(tr) = &q.translation {
                            self.line(">");
                            self.line(&format!("> {}: {}", escape(t.translation), escape(tr)));
                        }
                        self.line(">");
                        self.line(&format!(
                            "> *{}: {}*\n",
                            escape(t.credibility),
                            escape(&q.credibility)
                        ));
                    }
                }
            }
            Body::Actors { items, relations } => {
                self.row(&[t.actors, t.kind, t.roles, t.events].map(escape));
                self.line("| --- | --- | --- | --- |");
                for a in items {
                    self.row(&[
                        escape(&a.name),
                        escape(a.kind),
                        escape(&a.roles),
                        a.events.to_string(),
                    ]);
                }
                self.line("");
                if !relations.is_empty() {
                    self.line(&format!("### {}\n", escape(t.relations)));
                    for r in relations {
                        let refs = self.refs(&r.notes);
                        let period = r
                            .period
                            .as_ref()
                            .map(|p| format!(" ({p})"))
                            .unwrap_or_default();
                        self.line(&format!(
                            "- {}{refs}",
                            escape(&format!("{} {} {}{period}", r.from, r.verb, r.to))
                        ));
                    }
                    self.line("");
                }
            }
            Body::Sources { items } => {
                for (i, x) in items.iter().enumerate() {
                    self.line(&format!(
                        "{}. {} *{}*",
                        i + 1,
                        Self::note_text(&x.citation),
                        escape(&format!("{} · {}: {}", x.kind, t.supports, x.events))
                    ));
                }
                self.line("");
            }
            Body::Methodology {
                facts,
                reliability,
                credibility,
            } => {
                for f in facts {
                    self.line(&format!("{}\n", escape(f)));
                }
                for (title, scale) in [(t.reliability, reliability), (t.credibility, credibility)] {
                    self.line(&format!("**{}**\n", escape(title)));
                    for (g, m) in scale {
                        self.line(&format!("- **{}** {}", escape(g), escape(m)));
                    }
                    self.line("");
                }
            }
            // Pictures stay in the PDF and HTML; Markdown has no place to embed them.
            Body::Figure { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_and_html() {
        assert_eq!(escape("*a* _b_ [c](d)"), "\\*a\\* \\_b\\_ \\[c\\]\\(d\\)");
        assert_eq!(escape("<script>"), "&lt;script&gt;");
        assert_eq!(escape("# x\n- y"), "\\# x \\- y");
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("[^1]"), "\\[\\^1\\]");
        assert_eq!(escape("اعتقال «خلية»"), "اعتقال «خلية»");
    }

    #[test]
    fn link_destinations_cannot_escape_brackets() {
        assert_eq!(destination("https://x.org/<a>\n"), "<https://x.org/a>");
    }
}
