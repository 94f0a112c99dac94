//! Article capture in the app: the proposals under review, and writing the accepted ones.

use super::state::AppState;
use crate::i18n::Msg;
use crate::import::EncodingChoice;
use crate::import::capture::{Capture, CaptureOptions, Selection, capture_file, capture_text};
use std::path::Path;

/// An article's proposals while the researcher reviews them.
#[derive(Clone, Debug)]
pub struct CaptureReview {
    /// What capture found (event titles may be edited in place).
    pub capture: Capture,
    /// What is accepted so far (starts with the proposals accepted by default).
    pub selection: Selection,
}

impl CaptureReview {
    fn new(capture: Capture) -> Self {
        let selection = Selection::defaults(&capture);
        Self { capture, selection }
    }
}

/// The actors capture matches against: every actor in the store.
fn known_actors(state: &mut AppState) -> Vec<crate::model::Actor> {
    match state.store.all_actors() {
        Ok(actors) => actors,
        Err(e) => {
            state.report(&e);
            Vec::new()
        }
    }
}

/// Captures an article file (text, HTML; UTF-8, UTF-16 or Windows-1256) for review.
pub fn capture_path(state: &mut AppState, path: &Path) {
    let known = known_actors(state);
    match capture_file(
        path,
        EncodingChoice::Auto,
        &known,
        &CaptureOptions::default(),
    ) {
        Ok(c) => state.capture = Some(CaptureReview::new(c)),
        Err(e) => state.say(format!("{}: {e}", path.display()), true),
    }
}

/// Captures pasted article text for review; `published` resolves relative dates when the
/// text has no date line.
pub fn capture_pasted(state: &mut AppState, text: &str) {
    let known = known_actors(state);
    let html = crate::import::capture::html::looks_like_html(text);
    match capture_text(text, html, &known, &CaptureOptions::default()) {
        Ok(c) => state.capture = Some(CaptureReview::new(c)),
        Err(e) => state.say(e.to_string(), true),
    }
}

/// Asks for an article file and captures it.
pub fn capture_dialog(state: &mut AppState) {
    let picked = rfd::FileDialog::new()
        .add_filter("Article", &["txt", "html", "htm", "xhtml"])
        .pick_file();
    if let Some(path) = picked {
        capture_path(state, &path);
    }
}

/// Writes the source and the accepted proposals in one transaction (after a backup), and
/// closes the review. On failure nothing is written and the review stays open.
pub fn apply_capture(state: &mut AppState) {
    let Some(review) = state.capture.as_ref() else {
        return;
    };
    let data = crate::import::capture::to_dataset(&review.capture, &review.selection);
    if let Err(e) = state.store.auto_backup("before-import") {
        state.report(&e);
        return;
    }
    match state.store.import(&data) {
        Ok(summary) => {
            let source = data.sources.first().map(|s| s.id);
            state.capture = None;
            state.touch();
            state.selected_source = source;
            let msg = format!("{} {}", state.tr(Msg::Imported), summary.written());
            state.say(msg, false);
        }
        Err(e) => state.report(&e),
    }
}
