//! PDF through typst used as a library: the bundled (or a user's) template, the document as
//! JSON in `sys.inputs.data`, and the bundled fonts embedded.

use super::typst_world::BriefingWorld;
use super::{BriefingError, BriefingWriter, Document, Format, RenderOptions};
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

/// The bundled template (assets/briefing/briefing.typ).
pub const TEMPLATE: &str = include_str!("../../assets/briefing/briefing.typ");

/// Writes PDF.
pub struct PdfWriter;

impl BriefingWriter for PdfWriter {
    fn format(&self) -> Format {
        Format::Pdf
    }

    fn write(&self, doc: &Document, opts: &RenderOptions) -> Result<Vec<u8>, BriefingError> {
        let template = match &opts.template {
            Some(path) => std::fs::read_to_string(path).map_err(|e| BriefingError::Template {
                path: path.clone(),
                message: e.to_string(),
            })?,
            None => TEMPLATE.to_owned(),
        };
        let paged = typeset(doc, opts, template)?;
        let options = PdfOptions {
            ident: Smart::Custom(doc.title.clone()),
            ..PdfOptions::default()
        };
        let pdf = typst_pdf::pdf(&paged, &options).map_err(|d| typeset_error(None, &d))?;
        // A long-running app would otherwise keep every compilation's memo tables.
        typst::comemo::evict(10);
        Ok(pdf)
    }
}

/// Lays the document out into pages with `template`.
pub fn typeset(
    doc: &Document,
    opts: &RenderOptions,
    template: String,
) -> Result<PagedDocument, BriefingError> {
    let data = serde_json::to_string(doc).map_err(|e| BriefingError::Encode {
        format: "PDF data",
        message: e.to_string(),
    })?;
    let mut files = Vec::new();
    if let Some(png) = &opts.timeline_png {
        files.push(("/timeline.png", png.clone()));
    }
    if let Some(png) = &opts.network_png {
        files.push(("/network.png", png.clone()));
    }
    let today = opts.exported_on.map(|d| {
        let (y, m, day) = d.first_day();
        (i32::from(y), m, day)
    });
    let world = BriefingWorld::new(template, vec![("data", data)], files, today)
        .ok_or_else(|| BriefingError::Typeset("could not set up the typesetting world".into()))?;
    let result = typst::compile::<PagedDocument>(&world);
    result.output.map_err(|d| typeset_error(Some(&world), &d))
}

fn typeset_error(world: Option<&BriefingWorld>, diags: &[SourceDiagnostic]) -> BriefingError {
    let messages: Vec<String> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let line = world
                .and_then(|w| w.line_of(d))
                .map(|l| format!("template line {l}: "))
                .unwrap_or_default();
            let hints: String = d
                .hints
                .iter()
                .map(|h| format!(" (hint: {})", h.v))
                .collect();
            format!("{line}{}{hints}", d.message)
        })
        .collect();
    BriefingError::Typeset(messages.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Briefing;

    fn doc() -> Document {
        let b = Briefing::new("موجز تجريبي");
        super::super::layout(&b, &Default::default(), &RenderOptions::default())
    }

    #[test]
    fn bundled_template_makes_a_pdf_of_an_empty_briefing() {
        let pdf = PdfWriter.write(&doc(), &RenderOptions::default()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }

    #[test]
    fn broken_user_template_reports_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.typ");
        std::fs::write(
            &path,
            "#let d = json(bytes(sys.inputs.data))\n\n#unknown-function()\n",
        )
        .unwrap();
        let opts = RenderOptions {
            template: Some(path),
            ..Default::default()
        };
        let err = PdfWriter.write(&doc(), &opts).unwrap_err().to_string();
        assert!(err.contains("template line 3"), "{err}");
    }

    #[test]
    fn missing_template_names_the_file() {
        let opts = RenderOptions {
            template: Some("/nonexistent/briefing.typ".into()),
            ..Default::default()
        };
        let err = PdfWriter.write(&doc(), &opts).unwrap_err().to_string();
        assert!(err.starts_with("/nonexistent/briefing.typ: "), "{err}");
    }
}
