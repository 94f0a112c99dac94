//! An import in the app: the file is read and compared with the store in the background, the
//! user reviews format, encoding, CSV columns, problems and duplicates, then the import runs as
//! a job with progress and cancel, and its report stays on screen.

use super::jobs::{Job, JobOutcome};
use super::state::AppState;
use crate::i18n::Msg;
use crate::import::csv_mapping::guess_mapping_for;
use crate::import::duplicates::Resolution;
use crate::import::run::{ImportReport, Prepared, ReadOptions, csv_headers, prepare, write};
use crate::import::{CsvMapping, CsvTable};
use crate::store::{ImportSummary, StoreError};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What the background reading produced.
type Read = Result<(Prepared, ImportSummary), String>;

/// A file on its way into the store.
pub struct ImportReview {
    /// The file.
    pub path: PathBuf,
    /// How it is read (format, encoding, CSV mapping).
    pub opts: ReadOptions,
    /// The CSV header row when the file is read as a CSV table (the mapping is then editable).
    pub headers: Option<Vec<String>>,
    /// The file read and compared with the store; `None` while reading or after an error.
    pub prepared: Option<Prepared>,
    /// What the import would create, update and leave unchanged (a dry run).
    pub preview: Option<ImportSummary>,
    /// Why the file cannot be imported as it is read now.
    pub error: Option<String>,
    /// One choice per duplicate, in the order of `prepared.duplicates`.
    pub choices: Vec<Resolution>,
    /// The name under which to save the current CSV mapping.
    pub mapping_name: String,
    /// The finished import's report.
    pub report: Option<ImportReport>,
    reading: Option<Receiver<Read>>,
    writing: Option<Receiver<ImportReport>>,
}

impl ImportReview {
    /// Whether the file is being read or written right now.
    pub fn busy(&self) -> bool {
        self.reading.is_some() || self.writing.is_some()
    }

    /// The CSV table the mapping fills, when the file is read as CSV.
    pub fn csv_table(&self) -> Option<CsvTable> {
        self.opts.mapping.as_ref().map(|m| m.table)
    }
}

/// The formats a user may force, `None` meaning "recognise from the content".
pub fn format_choices() -> Vec<Option<&'static str>> {
    let mut v = vec![None];
    v.extend(
        crate::import::names()
            .into_iter()
            .filter(|n| *n != "json")
            .map(Some),
    );
    v
}

/// Opens the review for a file and starts reading it.
pub fn review_import(state: &mut AppState, path: PathBuf) {
    let mut review = ImportReview {
        path,
        opts: ReadOptions::default(),
        headers: None,
        prepared: None,
        preview: None,
        error: None,
        choices: Vec::new(),
        mapping_name: String::new(),
        report: None,
        reading: None,
        writing: None,
    };
    if looks_like_plain_csv(&review.path) {
        use_csv_guess(&mut review, None);
    }
    start_reading(state, review);
}

/// A `.csv`/`.tsv`/`.txt` file whose headers are not ACLED's is read through a column mapping
/// the user can see and change.
fn looks_like_plain_csv(path: &std::path::Path) -> bool {
    use crate::import::Importer;
    use std::io::Read as _;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !matches!(ext.as_str(), "csv" | "tsv") {
        return false;
    }
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head));
    if read.is_err() {
        return false;
    }
    let head = String::from_utf8_lossy(&head);
    !crate::import::acled::Acled.sniff(&head)
}

/// Reads the CSV headers and guesses a mapping for `table` (or the likeliest table).
fn use_csv_guess(review: &mut ImportReview, table: Option<CsvTable>) {
    match csv_headers(&review.path, review.opts.encoding) {
        Ok(headers) => {
            let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
            let mapping = match table {
                Some(t) => guess_mapping_for(t, &refs),
                None => crate::import::guess_mapping(&refs),
            };
            review.opts.mapping = Some(mapping);
            review.opts.format = None;
            review.headers = Some(headers);
        }
        Err(e) => review.error = Some(e.to_string()),
    }
}

/// Reads the file again after the user changed how (format, encoding, table, columns).
pub fn reread(state: &mut AppState) {
    if let Some(review) = state.import.take() {
        start_reading(state, review);
    }
}

/// Switches the review to a format (`None`: recognise it); CSV tables get a mapping.
pub fn choose_format(state: &mut AppState, format: Option<&'static str>) {
    let Some(review) = state.import.as_mut() else {
        return;
    };
    let table = match format {
        Some("csv-events") => Some(CsvTable::Events),
        Some("csv-actors") => Some(CsvTable::Actors),
        Some("csv-sources") => Some(CsvTable::Sources),
        _ => None,
    };
    match table {
        Some(t) => use_csv_guess(review, Some(t)),
        None => {
            review.opts.mapping = None;
            review.headers = None;
            review.opts.format = format.map(str::to_owned);
        }
    }
    reread(state);
}

/// Uses a mapping saved earlier under `name`.
pub fn use_saved_mapping(state: &mut AppState, name: &str) {
    let Some(saved) = state.settings.csv_mappings.get(name).cloned() else {
        return;
    };
    if let Some(review) = state.import.as_mut() {
        review.opts.mapping = Some(fit_mapping(saved, review.headers.as_deref()));
        review.mapping_name = name.to_owned();
    }
    reread(state);
}

/// A saved mapping applied to this file's headers: known headers keep their saved field, new
/// ones are left unmapped.
fn fit_mapping(saved: CsvMapping, headers: Option<&[String]>) -> CsvMapping {
    let Some(headers) = headers else {
        return saved;
    };
    let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut fitted = guess_mapping_for(saved.table, &refs);
    for c in &mut fitted.columns {
        c.field = saved.field_of(&c.header);
    }
    fitted
}

/// Saves the current mapping under the name the user typed.
pub fn save_mapping(state: &mut AppState) {
    let Some(review) = state.import.as_ref() else {
        return;
    };
    let name = review.mapping_name.trim().to_owned();
    let Some(mapping) = review.opts.mapping.clone() else {
        return;
    };
    if name.is_empty() {
        return state.say(state.tr(Msg::MappingNeedsName), true);
    }
    state.settings.csv_mappings.insert(name.clone(), mapping);
    state.say(format!("{}: {name}", state.tr(Msg::MappingSaved)), false);
}

fn start_reading(state: &mut AppState, mut review: ImportReview) {
    let store = match state.store.reopen() {
        Ok(s) => s,
        Err(e) => {
            state.report(&e);
            return;
        }
    };
    let (tx, rx) = channel();
    let (path, opts) = (review.path.clone(), review.opts.clone());
    let spawned = std::thread::Builder::new()
        .name("marsad-import-read".into())
        .spawn(move || {
            let mut store = store;
            let result = prepare(&store, &path, &opts)
                .map_err(|e| e.to_string())
                .and_then(|p| {
                    let choices = vec![Resolution::Merge; p.duplicates.len()];
                    write(&mut store, p.clone(), &choices, true, &|_, _| true)
                        .map(|r| (p, r.summary))
                        .map_err(|e| e.to_string())
                });
            // The review may have been closed meanwhile; then nobody listens.
            let _ = tx.send(result);
        });
    match spawned {
        Ok(_) => {
            review.prepared = None;
            review.preview = None;
            review.error = None;
            review.reading = Some(rx);
        }
        Err(e) => review.error = Some(e.to_string()),
    }
    state.import = Some(review);
}

/// Takes in what the background threads finished; called every frame.
pub fn poll_import(state: &mut AppState) {
    let Some(review) = state.import.as_mut() else {
        return;
    };
    if let Some(rx) = &review.reading {
        match rx.try_recv() {
            Ok(Ok((prepared, preview))) => {
                review.choices = vec![Resolution::Merge; prepared.duplicates.len()];
                review.prepared = Some(prepared);
                review.preview = Some(preview);
                review.reading = None;
            }
            Ok(Err(e)) => {
                review.error = Some(e);
                review.reading = None;
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                review.error = Some(state_tr(state.settings.lang, Msg::JobFailed).to_owned());
                review.reading = None;
            }
        }
    }
    let Some(review) = state.import.as_mut() else {
        return;
    };
    if let Some(rx) = &review.writing {
        match rx.try_recv() {
            Ok(report) => {
                review.report = Some(report);
                review.writing = None;
            }
            Err(TryRecvError::Empty) => {}
            // Failed or cancelled: the job's message says which; the review stays open.
            Err(TryRecvError::Disconnected) => review.writing = None,
        }
    }
}

fn state_tr(lang: crate::i18n::Lang, msg: Msg) -> &'static str {
    crate::i18n::tr(lang, msg)
}

/// Sets every duplicate of the review to one choice.
pub fn choose_all(state: &mut AppState, choice: Resolution) {
    if let Some(review) = state.import.as_mut() {
        review.choices.iter_mut().for_each(|c| *c = choice);
    }
}

/// Runs the import as a background job with progress and cancel; the report appears in the
/// review when it is done.
pub fn start_write(state: &mut AppState) {
    let Some(review) = state.import.as_mut() else {
        return;
    };
    let Some(prepared) = review.prepared.clone() else {
        return;
    };
    let mut store = match state.store.reopen() {
        Ok(s) => s,
        Err(e) => return state.report(&e),
    };
    let choices = review.choices.clone();
    let name = review
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (tx, rx) = channel();
    review.writing = Some(rx);
    let label = format!("{} {name}", state.tr(Msg::Import));
    let (done_msg, cancelled) = (state.tr(Msg::Imported), state.tr(Msg::Cancelled));
    state.jobs.push(Job::spawn(label, move |progress| {
        let result = write(&mut store, prepared, &choices, false, &|d, t| {
            progress.update(d, t)
        });
        match result {
            Ok(report) => {
                let written = report.summary.written();
                let message = format!("{done_msg} {name}: {written}");
                let _ = tx.send(report);
                JobOutcome {
                    message,
                    failed: false,
                    changed_store: written > 0,
                }
            }
            Err(StoreError::Cancelled) => JobOutcome {
                message: format!("{name}: {cancelled}"),
                failed: false,
                changed_store: false,
            },
            Err(e) => JobOutcome {
                message: format!("{name}: {e}"),
                failed: true,
                changed_store: false,
            },
        }
    }));
}

/// Waits for the review's background work (tests).
pub fn wait_for_import(state: &mut AppState) {
    for _ in 0..2000 {
        poll_import(state);
        state.poll_jobs();
        let busy = state.import.as_ref().is_some_and(ImportReview::busy);
        if !busy && state.jobs.is_empty() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}
