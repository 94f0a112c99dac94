//! Briefings: a saved briefing's scope resolved against the store, laid out as a document, and
//! written as PDF (typst), HTML, Markdown or DOCX — one file per format behind
//! [`BriefingWriter`].
//!
//! The composer calls [`preview`] for the cheap resolved data and [`render`] for a file, with a
//! progress callback that may cancel.

pub mod citation;
pub mod data;
pub mod document;
pub mod docx;
pub mod html;
pub mod labels;
pub mod markdown;
pub mod pdf;
pub mod scope;
mod typst_world;

pub use data::{BriefingData, Counts};
pub use document::Document;

use crate::model::Briefing;
use crate::store::{Store, StoreError};
use std::path::PathBuf;

/// Why a briefing could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum BriefingError {
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The briefing itself is invalid.
    #[error("the briefing is invalid: {0}")]
    Invalid(#[from] crate::model::ValidationError),
    /// The user cancelled.
    #[error("cancelled")]
    Cancelled,
    /// A template file could not be read.
    #[error("{path}: {message}")]
    Template {
        /// The template.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Typesetting failed (usually an error in a user-supplied template).
    #[error("typesetting failed: {0}")]
    Typeset(String),
    /// Encoding the output failed.
    #[error("could not encode the {format}: {message}")]
    Encode {
        /// The format.
        format: &'static str,
        /// What went wrong.
        message: String,
    },
}

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Print-ready PDF.
    Pdf,
    /// One self-contained HTML file.
    Html,
    /// GitHub-flavoured Markdown with footnotes.
    Markdown,
    /// Word document, for further editing.
    Docx,
}

impl Format {
    /// Every format.
    pub const ALL: [Self; 4] = [Self::Pdf, Self::Html, Self::Markdown, Self::Docx];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Html => "html",
            Self::Markdown => "md",
            Self::Docx => "docx",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "pdf" => Ok(Self::Pdf),
            "html" => Ok(Self::Html),
            "md" | "markdown" => Ok(Self::Markdown),
            "docx" => Ok(Self::Docx),
            other => Err(format!(
                "unknown briefing format «{other}» (expected pdf, html, md or docx)"
            )),
        }
    }
}

/// How far a render has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Reading events from the store.
    Resolving {
        /// Events read.
        done: usize,
        /// Events in scope.
        total: usize,
    },
    /// Laying out the document.
    LayingOut,
    /// Writing the output file's bytes.
    Writing,
}

/// What a render needs besides the briefing.
#[derive(Clone, Debug, Default)]
pub struct RenderOptions {
    /// A typst template replacing the bundled one (PDF only).
    pub template: Option<PathBuf>,
    /// A timeline picture drawn by the app (PNG).
    pub timeline_png: Option<Vec<u8>>,
    /// A network picture drawn by the app (PNG).
    pub network_png: Option<Vec<u8>>,
    /// The export date printed in the methodology note, written as the user reads dates.
    pub exported_on: Option<crate::model::PartialDate>,
    /// Most notes a PDF prints as footnotes before it prints them all as endnotes
    /// (`document::FOOTNOTES_UP_TO` when `None`).
    pub footnote_limit: Option<usize>,
}

/// One output format.
pub trait BriefingWriter {
    /// The format written.
    fn format(&self) -> Format;
    /// Encodes a laid-out briefing.
    fn write(&self, doc: &Document, opts: &RenderOptions) -> Result<Vec<u8>, BriefingError>;
}

/// The writer for a format.
pub fn writer(format: Format) -> Box<dyn BriefingWriter> {
    match format {
        Format::Pdf => Box::new(pdf::PdfWriter),
        Format::Html => Box::new(html::HtmlWriter),
        Format::Markdown => Box::new(markdown::MarkdownWriter),
        Format::Docx => Box::new(docx::DocxWriter),
    }
}

/// The records a briefing covers (cheap: what the composer shows while the user edits).
pub fn preview(store: &Store, briefing: &Briefing) -> Result<BriefingData, BriefingError> {
    briefing.validate()?;
    scope::resolve(store, &briefing.scope, &mut |_| true)
}

/// Lays out a briefing over resolved data (no store access; for writers and tests).
pub fn layout(briefing: &Briefing, data: &BriefingData, opts: &RenderOptions) -> Document {
    document::build(
        briefing,
        data,
        &document::Layout {
            has_timeline: opts.timeline_png.is_some(),
            has_network: opts.network_png.is_some(),
            exported_on: opts.exported_on.map(|d| labels::date(briefing.language, d)),
            footnote_limit: opts.footnote_limit,
        },
    )
}

/// Produces a briefing file. `progress` is called as work advances and may return `false` to
/// cancel (checked between events and between stages).
pub fn render(
    store: &Store,
    briefing: &Briefing,
    format: Format,
    opts: &RenderOptions,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Vec<u8>, BriefingError> {
    briefing.validate()?;
    let data = scope::resolve(store, &briefing.scope, progress)?;
    if !progress(Progress::LayingOut) {
        return Err(BriefingError::Cancelled);
    }
    let doc = layout(briefing, &data, opts);
    if !progress(Progress::Writing) {
        return Err(BriefingError::Cancelled);
    }
    writer(format).write(&doc, opts)
}
