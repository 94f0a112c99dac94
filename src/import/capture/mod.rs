//! Article capture: an Arabic news article (plain text, HTML, or a `.txt` in UTF-8, UTF-16 or
//! Windows-1256) becomes a [`Source`] with its full text and the metadata found in it, plus
//! proposals for the researcher to review before anything is written: dates, actors (known
//! ones with their ids, new ones by name) and event candidates.
//!
//! Proposals are plain data with ids local to one [`Capture`]; the caller accepts, rejects or
//! edits them (the fields are public) and [`to_dataset`] turns the accepted ones into records
//! that the store writes in one transaction. See docs/CAPTURE.md for the JSON shape.

mod apply;
mod assemble;
pub mod html;
pub mod metadata;
mod report;

pub use apply::{Selection, to_dataset};

use super::{EncodingChoice, ImportError, decode};
use crate::model::{Actor, ActorKind, EventKind, Id, PartialDate, Role, Source, SourceKind};
use crate::text::dates::{DateMention, find_dates};
use serde::Serialize;
use std::path::Path;

/// Largest article accepted; a news article is a few dozen KiB.
pub const MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

/// A date found in the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateProposal {
    /// Id within the capture.
    pub id: u32,
    /// The phrase, its span and value.
    pub mention: DateMention,
    /// Whether the review starts with it accepted (not for ambiguous phrases).
    pub accepted_by_default: bool,
}

/// An actor named in the article: a known one, or a new one to create.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActorProposal {
    /// Id within the capture.
    pub id: u32,
    /// The existing actor, for a known one.
    pub known_id: Option<Id>,
    /// The name to show (a new actor's name as found).
    pub name: String,
    /// The actor's kind (guessed for a new actor).
    pub kind: ActorKind,
    /// Whether a new actor's name is an acronym.
    pub acronym: bool,
    /// Every mention: `(start, end)` in chars of the full text.
    pub mentions: Vec<(usize, usize)>,
    /// Known actors start accepted; new ones must be accepted by the researcher.
    pub accepted_by_default: bool,
}

/// An actor's part in a proposed event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct EventActor {
    /// The actor proposal.
    pub actor: u32,
    /// The guessed role.
    pub role: Role,
}

/// A proposed event: a sentence with a date and an event verb.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventProposal {
    /// Id within the capture.
    pub id: u32,
    /// What happened, from the verb.
    pub kind: EventKind,
    /// The verb or verbal noun as written.
    pub cue: String,
    /// A title to start from (the start of the sentence).
    pub title: String,
    /// The date proposal the event is dated by.
    pub date: Option<u32>,
    /// When it happened (or began).
    pub start: Option<PartialDate>,
    /// When it ended, for a range.
    pub end: Option<PartialDate>,
    /// The date as written.
    pub date_as_written: Option<String>,
    /// Actors named in the sentence, with guessed roles.
    pub actors: Vec<EventActor>,
    /// The sentence: first char in the full text.
    pub excerpt_start: usize,
    /// The sentence: char after its last.
    pub excerpt_end: usize,
    /// The sentence, verbatim.
    pub excerpt: String,
    /// Whether the review starts with it accepted (a clear date and at least one actor).
    pub accepted_by_default: bool,
}

/// Everything captured from one article.
#[derive(Clone, Debug, PartialEq)]
pub struct Capture {
    /// The source to create, with its full text.
    pub source: Source,
    /// The date relative phrases were resolved against: the date line, else the one given.
    pub reference: Option<PartialDate>,
    /// Dates found.
    pub dates: Vec<DateProposal>,
    /// Actors found.
    pub actors: Vec<ActorProposal>,
    /// Event candidates.
    pub events: Vec<EventProposal>,
}

/// What the caller knows beyond the article.
#[derive(Clone, Debug, Default)]
pub struct CaptureOptions {
    /// The publication date, used for relative phrases when the article has no date line.
    pub published: Option<PartialDate>,
    /// Where the article came from.
    pub url: Option<String>,
}

/// Captures an article given as text; `html` says whether it is an HTML page.
pub fn capture_text(
    input: &str,
    html: bool,
    known: &[Actor],
    options: &CaptureOptions,
) -> Result<Capture, ImportError> {
    let (text, page) = if html {
        let doc = html::html_to_text(input);
        (doc.text.clone(), Some(doc))
    } else {
        (input.replace("\r\n", "\n"), None)
    };
    if text.trim().is_empty() {
        return Err(ImportError::WrongFormat(
            "the article holds no text".to_owned(),
        ));
    }
    let page_date = page
        .as_ref()
        .and_then(|p| p.published.as_deref())
        .and_then(|d| d.get(..10))
        .and_then(|d| d.parse::<PartialDate>().ok());
    let published = metadata::date_line(&text).or(page_date);
    let reference = published.or(options.published);
    let title = page
        .as_ref()
        .and_then(|p| p.h1.clone().or_else(|| p.title.clone()))
        .filter(|t| !t.trim().is_empty())
        .or_else(|| metadata::title(&text))
        .unwrap_or_else(|| "مقال".to_owned());
    let mut source = Source::new(SourceKind::NewsArticle, title);
    source.published = published.or(options.published);
    source.outlet = page
        .as_ref()
        .and_then(|p| p.site_name.clone())
        .or_else(|| metadata::outlet(&text, known));
    source.url = options
        .url
        .clone()
        .or_else(|| page.as_ref().and_then(|p| p.url.clone()));
    source.language = Some(metadata::language(&text).to_owned());
    let dates = find_dates(&text, reference)
        .into_iter()
        .enumerate()
        .map(|(i, mention)| DateProposal {
            id: i as u32 + 1,
            accepted_by_default: !mention.ambiguous,
            mention,
        })
        .collect::<Vec<_>>();
    let actors = assemble::actor_proposals(&text, known);
    let events = assemble::event_proposals(&text, &dates, &actors);
    source.full_text = Some(text);
    Ok(Capture {
        source,
        reference,
        dates,
        actors,
        events,
    })
}

/// Captures an article from bytes: decoded (see [`decode`]), HTML recognised by its content.
pub fn capture_bytes(
    bytes: &[u8],
    encoding: EncodingChoice,
    known: &[Actor],
    options: &CaptureOptions,
) -> Result<Capture, ImportError> {
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let text = decode(bytes, encoding.encoding())?;
    let html = html::looks_like_html(&text);
    capture_text(&text, html, known, options)
}

/// Captures an article file; `.html`/`.htm` files are read as HTML whatever their content.
pub fn capture_file(
    path: &Path,
    encoding: EncodingChoice,
    known: &[Actor],
    options: &CaptureOptions,
) -> Result<Capture, ImportError> {
    let size = std::fs::metadata(path)?.len();
    if size > MAX_ARTICLE_BYTES {
        return Err(too_large(size));
    }
    let bytes = std::fs::read(path)?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if matches!(ext.as_str(), "html" | "htm" | "xhtml") {
        let text = decode(&bytes, encoding.encoding())?;
        return capture_text(&text, true, known, options);
    }
    capture_bytes(&bytes, encoding, known, options)
}

fn too_large(bytes: u64) -> ImportError {
    ImportError::WrongFormat(format!(
        "the article is {bytes} bytes; the largest article Marsad captures is {} MiB",
        MAX_ARTICLE_BYTES / (1024 * 1024)
    ))
}
