//! Word documents (docx-rs) for people who keep editing: paragraphs marked bidi and Arabic runs
//! marked right-to-left in Arabic briefings, right-to-left tables, real footnotes, and a header
//! and footer with page fields. Fonts are named, not embedded, so this is the editable export;
//! the PDF is the print-ready one.

use super::document::{Body, DocSection, Document, Note, lang_of};
use super::{BriefingError, BriefingWriter, Format, RenderOptions};
use docx_rs::{
    AlignmentType, Docx, Footer, Footnote, Header, Hyperlink, HyperlinkType, NumPages, PageMargin,
    PageNum, Paragraph, Run, RunFonts, Style, StyleType, Table, TableCell, TableRow, VertAlignType,
};

/// Writes DOCX.
pub struct DocxWriter;

/// The character style that marks an Arabic run; replaced by `<w:rtl/>` after building,
/// because docx-rs has no run-direction property.
const RTL_MARK_STYLE: &str = "MarsadRtlRun";

impl BriefingWriter for DocxWriter {
    fn format(&self) -> Format {
        Format::Docx
    }

    fn write(&self, doc: &Document, _opts: &RenderOptions) -> Result<Vec<u8>, BriefingError> {
        let w = Writer { rtl: doc.rtl };
        let docx = w.document(doc);
        let mut xml = docx.build();
        xml.document = w.finish_xml(&xml.document);
        xml.footnotes = w.finish_xml(&xml.footnotes);
        xml.headers = xml.headers.iter().map(|h| w.finish_xml(h)).collect();
        xml.footers = xml.footers.iter().map(|f| w.finish_xml(f)).collect();
        let mut out = std::io::Cursor::new(Vec::new());
        xml.pack(&mut out).map_err(|e| BriefingError::Encode {
            format: "DOCX",
            message: e.to_string(),
        })?;
        Ok(out.into_inner())
    }
}

struct Writer {
    rtl: bool,
}

impl Writer {
    /// Turns the run marker into `w:rtl` and, in Arabic, lays tables out right to left.
    fn finish_xml(&self, xml: &[u8]) -> Vec<u8> {
        let mut s = String::from_utf8_lossy(xml).into_owned();
        s = s.replace(
            &format!("<w:rStyle w:val=\"{RTL_MARK_STYLE}\" />"),
            "<w:rtl />",
        );
        if self.rtl {
            s = s.replace("<w:tblPr>", "<w:tblPr><w:bidiVisual />");
        }
        s.into_bytes()
    }

    fn run(&self, text: &str) -> Run {
        let run = Run::new().add_text(text);
        if lang_of(text) == "ar" {
            run.style(RTL_MARK_STYLE)
        } else {
            run
        }
    }

    fn para(&self) -> Paragraph {
        let mut p = Paragraph::new();
        if self.rtl {
            p.property = p.property.bidi(true);
            p = p.align(AlignmentType::Right);
        }
        p
    }

    fn text_para(&self, text: &str) -> Paragraph {
        self.para().add_run(self.run(text))
    }

    fn note_para(&self, n: &Note) -> Paragraph {
        let mut p = self.para().size(18);
        for s in &n.segs {
            p = match &s.link {
                Some(url) => p.add_hyperlink(
                    Hyperlink::new(url, HyperlinkType::External).add_run(self.run(&s.text)),
                ),
                None => p.add_run(self.run(&s.text)),
            };
        }
        p
    }

    fn with_notes(&self, mut p: Paragraph, notes: &[Note]) -> Paragraph {
        for n in notes {
            let mut f = Footnote::new();
            let f = f.add_content(self.note_para(n));
            p = p.add_run(Run::new().add_footnote_reference(f));
        }
        p
    }

    fn heading(&self, text: &str, size: usize) -> Paragraph {
        self.para()
            .add_run(self.run(text).bold().size(size))
            .keep_next(true)
    }

    fn cell(&self, p: Paragraph) -> TableCell {
        TableCell::new().add_paragraph(p)
    }

    fn table(&self, header: [&str; 4], rows: Vec<[Paragraph; 4]>) -> Table {
        let head = TableRow::new(
            header
                .iter()
                .map(|h| self.cell(self.para().add_run(self.run(h).bold())))
                .collect(),
        )
        .cant_split();
        let mut all = vec![head];
        for r in rows {
            all.push(TableRow::new(r.into_iter().map(|p| self.cell(p)).collect()).cant_split());
        }
        Table::new(all)
    }

    fn document(&self, doc: &Document) -> Docx {
        let (w, h) = if doc.paper == "a4" {
            (11906, 16838)
        } else {
            (12240, 15840)
        };
        let handling = doc.handling.clone().unwrap_or_default();
        let header = Header::new().add_paragraph(
            self.para()
                .size(16)
                .add_run(self.run(&doc.title))
                .add_run(self.run(&format!("    {handling}"))),
        );
        let footer = Footer::new().add_paragraph(
            self.para()
                .size(16)
                .add_run(self.run(&format!("{handling}    {} ", doc.terms.page)))
                .add_page_num(PageNum::new())
                .add_run(self.run(&format!(" {} ", doc.terms.of)))
                .add_num_pages(NumPages::new()),
        );
        let mut footnote_style =
            Style::new("FootnoteReference", StyleType::Character).name("footnote reference");
        footnote_style.run_property = footnote_style
            .run_property
            .vert_align(VertAlignType::SuperScript);
        let mut d = Docx::new()
            .page_size(w, h)
            .page_margin(PageMargin {
                top: 1474,
                left: 1247,
                bottom: 1361,
                right: 1247,
                header: 720,
                footer: 720,
                gutter: 0,
            })
            .default_fonts(
                RunFonts::new()
                    .ascii("Noto Sans")
                    .hi_ansi("Noto Sans")
                    .cs("Noto Naskh Arabic"),
            )
            .default_size(22)
            .add_style(footnote_style)
            .add_style(Style::new(RTL_MARK_STYLE, StyleType::Character).name("Marsad RTL run"))
            .header(header)
            .footer(footer);
        if !handling.is_empty() {
            d = d.add_paragraph(self.text_para(&handling).bold());
        }
        d = d.add_paragraph(self.heading(&doc.title, 36));
        if let Some(s) = &doc.subtitle {
            d = d.add_paragraph(self.text_para(s).size(26));
        }
        if let Some(a) = &doc.author {
            d = d.add_paragraph(self.text_para(&format!("{}: {a}", doc.terms.author)));
        }
        if let Some(date) = &doc.date {
            d = d.add_paragraph(self.text_para(date));
        }
        for s in &doc.sections {
            d = self.section(d, doc, s);
        }
        d
    }

    fn section(&self, mut d: Docx, doc: &Document, s: &DocSection) -> Docx {
        let t = doc.terms;
        d = d.add_paragraph(self.heading(s.heading, 28));
        for p in &s.paragraphs {
            d = d.add_paragraph(self.text_para(p));
        }
        match &s.body {
            Body::Text | Body::Figure { .. } => d,
            Body::Chronology { rows } => {
                let rows = rows
                    .iter()
                    .map(|r| {
                        [
                            self.text_para(&r.date),
                            self.with_notes(self.text_para(&r.title), &r.notes)
                                .add_run(self.run(&format!(" ({})", r.kind))),
                            self.text_para(&r.actors),
                            self.text_para(&r.grades),
                        ]
                    })
                    .collect();
                d.add_table(self.table([t.date, t.event, t.actors, t.sources], rows))
            }
            Body::Narratives { items } => {
                for n in items {
                    d = d.add_paragraph(self.heading(&n.title, 24));
                    let mut meta = format!("{} · {}", n.date, n.kind);
                    if let Some(p) = &n.place {
                        meta.push_str(&format!(" · {p}"));
                    }
                    d = d.add_paragraph(self.text_para(&meta).size(18));
                    if !n.actors.is_empty() {
                        d = d.add_paragraph(
                            self.text_para(&format!("{}: {}", t.actors, n.actors))
                                .size(18),
                        );
                    }
                    let body = match &n.description {
                        Some(text) => self.text_para(text),
                        None if n.notes.is_empty() => self.text_para(t.no_source),
                        None => self.para(),
                    };
                    d = d.add_paragraph(self.with_notes(body, &n.notes));
                    for q in &n.quotes {
                        let (open, close) = if q.lang == "ar" {
                            ("«", "»")
                        } else {
                            ("“", "”")
                        };
                        let p = self.text_para(&format!("{open}{}{close}", q.text)).indent(
                            Some(567),
                            None,
                            None,
                            None,
                        );
                        d = d.add_paragraph(self.with_notes(p, std::slice::from_ref(&q.note)));
                        if let Some(tr) = &q.translation {
                            d = d.add_paragraph(
                                self.text_para(&format!("{}: {tr}", t.translation)).size(18),
                            );
                        }
                        d = d.add_paragraph(
                            self.text_para(&format!("{}: {}", t.credibility, q.credibility))
                                .size(18),
                        );
                    }
                }
                d
            }
            Body::Actors { items, relations } => {
                let rows = items
                    .iter()
                    .map(|a| {
                        [
                            self.text_para(&a.name),
                            self.text_para(a.kind),
                            self.text_para(&a.roles),
                            self.text_para(&a.events.to_string()),
                        ]
                    })
                    .collect();
                d = d.add_table(self.table([t.actors, t.kind, t.roles, t.events], rows));
                if !relations.is_empty() {
                    d = d.add_paragraph(self.heading(t.relations, 24));
                    for r in relations {
                        let mut line = format!("• {} {} {}", r.from, r.verb, r.to);
                        if let Some(p) = &r.period {
                            line.push_str(&format!(" ({p})"));
                        }
                        d = d.add_paragraph(self.with_notes(self.text_para(&line), &r.notes));
                    }
                }
                d
            }
            Body::Sources { items } => {
                for (i, x) in items.iter().enumerate() {
                    let p = self.note_para(&x.citation).size(22).add_run(
                        self.run(&format!(" ({} · {}: {})", x.kind, t.supports, x.events)),
                    );
                    let mut numbered = self.para().add_run(self.run(&format!("{}. ", i + 1)));
                    numbered.children.extend(p.children);
                    d = d.add_paragraph(numbered);
                }
                d
            }
            Body::Methodology {
                facts,
                reliability,
                credibility,
            } => {
                for f in facts {
                    d = d.add_paragraph(self.text_para(f));
                }
                for (title, scale) in [(t.reliability, reliability), (t.credibility, credibility)] {
                    d = d.add_paragraph(self.heading(title, 22));
                    for (g, m) in scale {
                        d = d.add_paragraph(self.text_para(&format!("{g} — {m}")));
                    }
                }
                d
            }
        }
    }
}
