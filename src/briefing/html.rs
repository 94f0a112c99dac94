//! One self-contained HTML file: fonts embedded, `dir` and `lang` set, print CSS with page
//! size and numbers, every string escaped, scripts forbidden by Content-Security-Policy, and
//! only http(s) addresses ever emitted as links.

use super::document::{Body, DocSection, Document, Note, Seg};
use super::{BriefingError, BriefingWriter, Format, RenderOptions};
use base64::Engine;
use std::fmt::Write;

/// Writes HTML.
pub struct HtmlWriter;

impl BriefingWriter for HtmlWriter {
    fn format(&self) -> Format {
        Format::Html
    }

    fn write(&self, doc: &Document, opts: &RenderOptions) -> Result<Vec<u8>, BriefingError> {
        let mut w = Html {
            out: String::with_capacity(64 * 1024),
            notes: Vec::new(),
            lang: doc.lang,
        };
        w.document(doc, opts);
        Ok(w.out.into_bytes())
    }
}

/// Escapes text for element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for a CSS string literal (the running header and footer).
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            // A hex escape ends at the space; '<' and quotes can never close the string.
            let _ = write!(out, "\\{:x} ", u32::from(c));
        }
    }
    out.push('"');
    out
}

struct Html {
    out: String,
    notes: Vec<Note>,
    /// The document's language: runs in another one are isolated.
    lang: &'static str,
}

const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; \
                   script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

impl Html {
    fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn text(&mut self, s: &str) {
        self.out.push_str(&escape(s));
    }

    fn document(&mut self, doc: &Document, opts: &RenderOptions) {
        let dir = if doc.rtl { "rtl" } else { "ltr" };
        let _ = write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
             <meta name=\"referrer\" content=\"no-referrer\">\n<title>",
            doc.lang
        );
        self.text(&doc.title);
        self.push("</title>\n<style>\n");
        self.style(doc);
        self.push("</style>\n</head>\n<body>\n<header class=\"cover\">\n");
        if let Some(h) = &doc.handling {
            self.push("<p class=\"handling\">");
            self.text(h);
            self.push("</p>\n");
        }
        self.push("<h1 class=\"title\">");
        self.text(&doc.title);
        self.push("</h1>\n");
        if let Some(s) = &doc.subtitle {
            self.push("<p class=\"subtitle\">");
            self.text(s);
            self.push("</p>\n");
        }
        if let Some(a) = &doc.author {
            self.push("<p>");
            self.text(&format!("{}: {a}", doc.terms.author));
            self.push("</p>\n");
        }
        if let Some(d) = &doc.date {
            self.push("<p>");
            self.text(d);
            self.push("</p>\n");
        }
        self.push("</header>\n");
        if doc.contents {
            self.contents(doc);
        }
        for (i, s) in doc.sections.iter().enumerate() {
            self.section(doc, i, s, opts);
        }
        self.footnotes();
        self.push("</body>\n</html>\n");
    }

    fn style(&mut self, doc: &Document) {
        let engine = base64::engine::general_purpose::STANDARD;
        let faces = [
            ("Noto Naskh Arabic", "normal", 0),
            ("Noto Naskh Arabic", "bold", 1),
            ("Noto Sans", "normal", 4),
            ("Noto Sans", "bold", 5),
        ];
        for (family, weight, i) in faces {
            let bytes = crate::text::fonts::FACES[i].1;
            let _ = writeln!(
                self.out,
                "@font-face {{ font-family: \"{family}\"; font-weight: {weight}; \
                 src: url(data:font/ttf;base64,{}) format(\"truetype\"); }}",
                engine.encode(bytes)
            );
        }
        let body_fonts = if doc.rtl {
            "\"Noto Naskh Arabic\", \"Noto Sans\""
        } else {
            "\"Noto Sans\", \"Noto Naskh Arabic\""
        };
        let paper = if doc.paper == "a4" { "A4" } else { "letter" };
        let running = css_string(&doc.title);
        let handling = css_string(doc.handling.as_deref().unwrap_or(""));
        let page = css_string(doc.terms.page);
        let of = css_string(doc.terms.of);
        let _ = write!(
            self.out,
            "body {{ font-family: {body_fonts}; font-size: 11pt; line-height: 1.6; max-width: 48em; \
             margin: 2em auto; padding: 0 1em; color: #111; }}\n\
             .cover {{ text-align: center; margin-bottom: 2em; }}\n\
             .title {{ font-size: 1.8em; }} .subtitle {{ font-size: 1.2em; }}\n\
             .handling {{ font-weight: bold; letter-spacing: 0.05em; }}\n\
             table {{ border-collapse: collapse; width: 100%; font-size: 0.92em; }}\n\
             th, td {{ border: 1px solid #bbb; padding: 0.3em 0.5em; vertical-align: top; text-align: start; }}\n\
             thead {{ display: table-header-group; background: #eee; }}\n\
             tr {{ break-inside: avoid; }}\n\
             .meta {{ color: #555; font-size: 0.9em; }}\n\
             blockquote {{ margin: 0.5em 1.5em; padding-inline-start: 0.8em; border-inline-start: 3px solid #ccc; }}\n\
             sup a {{ text-decoration: none; }}\n\
             .notes {{ font-size: 0.88em; border-top: 1px solid #999; margin-top: 2em; }}\n\
             @page {{ size: {paper}; margin: 2.2cm; \
             @top-center {{ content: {running}; font-size: 8pt; color: #555; }} \
             @bottom-left {{ content: {handling}; font-size: 8pt; }} \
             @bottom-right {{ content: {page} \" \" counter(page) \" \" {of} \" \" counter(pages); font-size: 8pt; }} }}\n\
             @media print {{ body {{ max-width: none; margin: 0; padding: 0; }} a {{ color: inherit; }} }}\n"
        );
    }

    fn contents(&mut self, doc: &Document) {
        self.push("<nav><h2>");
        self.text(doc.terms.contents);
        self.push("</h2>\n<ol>\n");
        for (i, s) in doc.sections.iter().enumerate() {
            let _ = write!(self.out, "<li><a href=\"#s{}\">", i + 1);
            self.text(s.heading);
            self.push("</a></li>\n");
        }
        self.push("</ol>\n</nav>\n");
    }

    fn segs(&mut self, segs: &[Seg]) {
        for s in segs {
            match &s.link {
                Some(url) => {
                    let _ = write!(
                        self.out,
                        "<a href=\"{}\" lang=\"{}\" dir=\"ltr\" rel=\"noopener noreferrer\">",
                        escape(url),
                        s.lang
                    );
                    self.text(&s.text);
                    self.push("</a>");
                }
                // A run in the other script is isolated (`bdi`), or an Arabic title and
                // outlet in an English note join into one right-to-left run and swap.
                None if s.lang != self.lang => {
                    let _ = write!(self.out, "<bdi lang=\"{}\">", s.lang);
                    self.text(&s.text);
                    self.push("</bdi>");
                }
                None => {
                    let _ = write!(self.out, "<span lang=\"{}\">", s.lang);
                    self.text(&s.text);
                    self.push("</span>");
                }
            }
        }
    }

    fn note_refs(&mut self, notes: &[Note]) {
        for n in notes {
            self.notes.push(n.clone());
            let k = self.notes.len();
            let _ = write!(self.out, "<sup id=\"r{k}\"><a href=\"#n{k}\">{k}</a></sup>");
        }
    }

    fn footnotes(&mut self) {
        if self.notes.is_empty() {
            return;
        }
        self.push("<section class=\"notes\">\n<ol>\n");
        let notes = std::mem::take(&mut self.notes);
        for (i, n) in notes.iter().enumerate() {
            let _ = write!(self.out, "<li id=\"n{}\">", i + 1);
            self.segs(&n.segs);
            let _ = writeln!(self.out, " <a href=\"#r{}\">↩</a></li>", i + 1);
        }
        self.push("</ol>\n</section>\n");
    }

    fn para(&mut self, text: &str) {
        self.push("<p>");
        self.text(text);
        self.push("</p>\n");
    }

    fn section(&mut self, doc: &Document, i: usize, s: &DocSection, opts: &RenderOptions) {
        let _ = write!(self.out, "<section id=\"s{}\">\n<h2>", i + 1);
        self.text(s.heading);
        self.push("</h2>\n");
        for p in &s.paragraphs {
            self.para(p);
        }
        match &s.body {
            Body::Text => {}
            Body::Chronology { rows } => {
                self.push("<table>\n<thead><tr>");
                for h in [
                    doc.terms.date,
                    doc.terms.event,
                    doc.terms.actors,
                    doc.terms.sources,
                ] {
                    self.push("<th>");
                    self.text(h);
                    self.push("</th>");
                }
                self.push("</tr></thead>\n<tbody>\n");
                for r in rows {
                    self.push("<tr><td>");
                    self.text(&r.date);
                    self.push("</td><td>");
                    self.text(&r.title);
                    self.note_refs(&r.notes);
                    self.push("<br><span class=\"meta\">");
                    self.text(r.kind);
                    self.push("</span></td><td>");
                    self.text(&r.actors);
                    self.push("</td><td>");
                    self.text(&r.grades);
                    self.push("</td></tr>\n");
                }
                self.push("</tbody>\n</table>\n");
            }
            Body::Narratives { items } => {
                for n in items {
                    self.push("<h3>");
                    self.text(&n.title);
                    self.push("</h3>\n<p class=\"meta\">");
                    let mut meta = format!("{} · {}", n.date, n.kind);
                    if let Some(p) = &n.place {
                        meta.push_str(" · ");
                        meta.push_str(p);
                    }
                    self.text(&meta);
                    self.push("</p>\n");
                    if !n.actors.is_empty() {
                        self.push("<p class=\"meta\">");
                        self.text(&format!("{}: {}", doc.terms.actors, n.actors));
                        self.push("</p>\n");
                    }
                    self.push("<p>");
                    match &n.description {
                        Some(d) => self.text(d),
                        None if n.notes.is_empty() => self.text(doc.terms.no_source),
                        None => {}
                    }
                    self.note_refs(&n.notes);
                    self.push("</p>\n");
                    for q in &n.quotes {
                        let _ = write!(self.out, "<blockquote lang=\"{}\"><p>", q.lang);
                        self.text(&q.text);
                        self.note_refs(std::slice::from_ref(&q.note));
                        self.push("</p>");
                        if let Some(tr) = &q.translation {
                            self.push("<p class=\"meta\">");
                            self.text(&format!("{}: {tr}", doc.terms.translation));
                            self.push("</p>");
                        }
                        self.push("<p class=\"meta\">");
                        self.text(&format!("{}: {}", doc.terms.credibility, q.credibility));
                        self.push("</p></blockquote>\n");
                    }
                }
            }
            Body::Actors { items, relations } => {
                self.push("<table>\n<thead><tr>");
                for h in [
                    doc.terms.actors,
                    doc.terms.kind,
                    doc.terms.roles,
                    doc.terms.events,
                ] {
                    self.push("<th>");
                    self.text(h);
                    self.push("</th>");
                }
                self.push("</tr></thead>\n<tbody>\n");
                for a in items {
                    self.push("<tr><td>");
                    self.text(&a.name);
                    self.push("</td><td>");
                    self.text(a.kind);
                    self.push("</td><td>");
                    self.text(&a.roles);
                    let _ = writeln!(self.out, "</td><td>{}</td></tr>", a.events);
                }
                self.push("</tbody>\n</table>\n");
                if !relations.is_empty() {
                    self.push("<h3>");
                    self.text(doc.terms.relations);
                    self.push("</h3>\n<ul>\n");
                    for r in relations {
                        self.push("<li>");
                        let mut line = format!("{} {} {}", r.from, r.verb, r.to);
                        if let Some(p) = &r.period {
                            line.push_str(&format!(" ({p})"));
                        }
                        self.text(&line);
                        self.note_refs(&r.notes);
                        self.push("</li>\n");
                    }
                    self.push("</ul>\n");
                }
            }
            Body::Sources { items } => {
                self.push("<ol>\n");
                for x in items {
                    self.push("<li>");
                    self.segs(&x.citation.segs);
                    self.push(" <span class=\"meta\">");
                    self.text(&format!(
                        "{} · {}: {}",
                        x.kind, doc.terms.supports, x.events
                    ));
                    self.push("</span></li>\n");
                }
                self.push("</ol>\n");
            }
            Body::Methodology {
                facts,
                reliability,
                credibility,
            } => {
                for f in facts {
                    self.para(f);
                }
                for (title, scale) in [
                    (doc.terms.reliability, reliability),
                    (doc.terms.credibility, credibility),
                ] {
                    self.push("<h3>");
                    self.text(title);
                    self.push("</h3>\n<table><tbody>\n");
                    for (g, m) in scale {
                        self.push("<tr><td>");
                        self.text(g);
                        self.push("</td><td>");
                        self.text(m);
                        self.push("</td></tr>\n");
                    }
                    self.push("</tbody></table>\n");
                }
            }
            Body::Figure { image } => {
                let png = match image.as_str() {
                    "timeline.png" => opts.timeline_png.as_ref(),
                    _ => opts.network_png.as_ref(),
                };
                if let Some(png) = png {
                    let engine = base64::engine::general_purpose::STANDARD;
                    let _ = writeln!(
                        self.out,
                        "<figure><img alt=\"{}\" style=\"max-width:100%\" src=\"data:image/png;base64,{}\"></figure>",
                        escape(s.heading),
                        engine.encode(png)
                    );
                }
            }
        }
        self.push("</section>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert(1)</script>\"'&"),
            "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"
        );
    }

    #[test]
    fn css_strings_cannot_be_closed() {
        let s = css_string("سري\"; } body { x: \"</style>");
        assert!(!s[1..s.len() - 1].contains('"'));
        assert!(!s.contains('<'));
        assert!(s.starts_with("\"سري"));
    }
}
