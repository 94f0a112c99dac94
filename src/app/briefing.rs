//! What the briefing composer does besides drawing: creating, saving, duplicating and deleting
//! briefings through [`Command`]s (so undo works), and writing or printing them as background
//! jobs with progress and cancel.

use super::briefing_words::{Word, word};
use super::command::{Command, Record};
use super::jobs::{Job, JobOutcome, Progress};
use super::settings::View;
use super::state::AppState;
use crate::briefing::{self, BriefingError, Format, RenderOptions};
use crate::i18n::Msg;
use crate::model::{Briefing, BriefingLanguage, Id, PartialDate};
use crate::store::Store;
use std::path::{Path, PathBuf};

impl AppState {
    /// A word of the briefing composer in the UI language.
    pub fn word(&self, w: Word) -> &'static str {
        word(self.lang(), w)
    }

    /// The language a new briefing is written in: the UI's, Arabic unless it is English or
    /// French (a French UI still gets an English briefing: briefings are Arabic or English).
    pub fn briefing_language(&self) -> BriefingLanguage {
        if self.lang().direction().is_rtl() {
            BriefingLanguage::Ar
        } else {
            BriefingLanguage::En
        }
    }

    /// Saves a new briefing (undoable), selects it and shows the Briefings view.
    pub fn create_briefing(&mut self, b: Briefing) -> bool {
        let id = b.id;
        // The button's "+ " is not part of the name of the step in the undo history.
        let new = self.word(Word::NewBriefing).trim_start_matches("+ ");
        let label = format!("{new}: {}", b.title);
        if self.run(Command::Create(Record::Briefing(b)), label) {
            self.selected_briefing = Some(id);
            self.settings.view = View::Briefings;
            true
        } else {
            false
        }
    }

    /// Creates an untitled briefing over the whole store in the UI's language.
    pub fn new_briefing(&mut self) -> Option<Id> {
        let mut b = Briefing::new(self.word(Word::Untitled));
        b.language = self.briefing_language();
        let id = b.id;
        self.create_briefing(b).then_some(id)
    }

    /// Creates a briefing over the events between `from` and `to` (either may be open), for
    /// the timeline's "New briefing from this range"; returns its id.
    pub fn new_briefing_from_range(
        &mut self,
        from: Option<PartialDate>,
        to: Option<PartialDate>,
    ) -> Option<Id> {
        let lang = self.briefing_language();
        let title = match (from, to) {
            (None, None) => self.word(Word::Untitled).to_owned(),
            _ => {
                let show = |d: Option<PartialDate>| {
                    d.map(|d| briefing::labels::date(lang, d))
                        .unwrap_or_else(|| "…".into())
                };
                format!(
                    "{} {} – {}",
                    self.word(Word::Briefing),
                    show(from),
                    show(to)
                )
            }
        };
        let mut b = Briefing::new(title);
        b.language = lang;
        b.scope.from = from;
        b.scope.to = to;
        let id = b.id;
        self.create_briefing(b).then_some(id)
    }

    /// Saves an edited briefing as one undoable change.
    pub fn save_briefing(&mut self, before: &Briefing, after: &Briefing) -> bool {
        if before == after {
            return true;
        }
        let label = format!("{}: {}", self.word(Word::EditBriefing), after.title);
        self.run(
            Command::Update {
                before: Record::Briefing(before.clone()),
                after: Record::Briefing(after.clone()),
            },
            label,
        )
    }

    /// Copies a saved briefing under a new id and selects the copy.
    pub fn duplicate_briefing(&mut self, id: Id) -> Option<Id> {
        let mut copy = self.load_briefing(id)?;
        copy.id = Id::new();
        let suffix = format!(" ({})", self.tr(Msg::Duplicate));
        if copy.title.chars().count() + suffix.chars().count() <= crate::model::MAX_LINE_CHARS {
            copy.title.push_str(&suffix);
        }
        let new = copy.id;
        self.create_briefing(copy).then_some(new)
    }

    /// Deletes a saved briefing; undo re-creates it exactly.
    pub fn delete_briefing(&mut self, id: Id) -> bool {
        let Some(b) = self.load_briefing(id) else {
            return false;
        };
        let label = format!("{}: {}", self.word(Word::DeleteBriefing), b.title);
        let done = self.run(Command::Uncreate(Record::Briefing(b)), label);
        if done && self.selected_briefing == Some(id) {
            self.selected_briefing = None;
        }
        done
    }

    /// A saved briefing; a store error is reported and gives `None`.
    pub fn load_briefing(&mut self, id: Id) -> Option<Briefing> {
        match self.store.briefing(id) {
            Ok(b) => b,
            Err(e) => {
                self.report(&e);
                None
            }
        }
    }
}

/// Today's date, as printed in the methodology note ("exported on").
pub fn today() -> Option<PartialDate> {
    let d = jiff::Zoned::now().date();
    let month = u8::try_from(d.month()).ok()?;
    let day = u8::try_from(d.day()).ok()?;
    PartialDate::day(u16::try_from(d.year()).ok()?, month, day).ok()
}

/// The render options of an export from the app (the figures are not drawn yet).
pub fn render_options() -> RenderOptions {
    RenderOptions {
        exported_on: today(),
        ..Default::default()
    }
}

/// A file name for a briefing: its title without characters file systems refuse.
pub fn file_name(title: &str, format: Format) -> String {
    let mut name: String = title
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .take(80)
        .collect();
    name = name.trim().trim_matches('.').to_owned();
    if name.is_empty() {
        name = "briefing".into();
    }
    format!("{name}.{}", format.extension())
}

/// Asks where to write a briefing in `format`, then writes it in the background.
pub fn export_dialog(state: &mut AppState, id: Id, format: Format) {
    let Some(b) = state.load_briefing(id) else {
        return;
    };
    let ext = format.extension();
    let Some(path) = rfd::FileDialog::new()
        .add_filter(ext.to_uppercase(), &[ext])
        .set_file_name(file_name(&b.title, format))
        .save_file()
    else {
        return;
    };
    start_export(state, id, format, path);
}

/// Renders a saved briefing to bytes on the job's thread, reporting progress; `false` from the
/// progress means the user cancelled.
fn render_saved(
    store: &Store,
    id: Id,
    format: Format,
    progress: &Progress,
) -> Result<Vec<u8>, BriefingError> {
    let b = store
        .briefing(id)?
        .ok_or(crate::store::StoreError::NotFound {
            what: "briefing",
            id: id.to_string(),
        })?;
    // Resolving the events is most of the work; laying out and writing are two more steps.
    let mut total = 2u64;
    let mut report = |p: briefing::Progress| match p {
        briefing::Progress::Resolving { done, total: t } => {
            total = t as u64 + 2;
            progress.update(done as u64, total)
        }
        briefing::Progress::LayingOut => progress.update(total - 2, total),
        briefing::Progress::Writing => progress.update(total - 1, total),
    };
    briefing::render(store, &b, format, &render_options(), &mut report)
}

/// Writes a saved briefing in `format` to `path` on a background thread; the file is written
/// atomically (temporary file, then rename), so a failed or cancelled export leaves no half
/// file and an existing file intact.
pub fn start_export(state: &mut AppState, id: Id, format: Format, path: PathBuf) {
    let store = match state.store.reopen() {
        Ok(s) => s,
        Err(e) => return state.report(&e),
    };
    let label = format!("{} {}", state.word(Word::Export), path.display());
    let (done, cancelled) = (state.tr(Msg::Exported), state.tr(Msg::Cancelled));
    state.jobs.push(Job::spawn(label, move |progress| {
        let result = render_saved(&store, id, format, progress).and_then(|bytes| {
            crate::export::write_atomically(&path, &bytes).map_err(|e| BriefingError::Encode {
                format: format.extension(),
                message: e.to_string(),
            })
        });
        outcome(result, format!("{done} {}", path.display()), cancelled)
    }));
}

fn outcome(result: Result<(), BriefingError>, done: String, cancelled: &str) -> JobOutcome {
    match result {
        Ok(()) => JobOutcome {
            message: done,
            failed: false,
            changed_store: false,
        },
        Err(BriefingError::Cancelled) => JobOutcome {
            message: cancelled.to_owned(),
            failed: false,
            changed_store: false,
        },
        Err(e) => JobOutcome {
            message: e.to_string(),
            failed: true,
            changed_store: false,
        },
    }
}

/// How the PDF to print was handed to the system.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    /// A viewer or the print spooler took it (the program's name).
    With(String),
    /// Nothing could open it; the user is told where the file is.
    Nothing,
}

/// Writes the briefing's PDF to a temporary file and hands it to the system to print.
pub fn print(state: &mut AppState, id: Id) {
    print_with(state, id, open_for_print);
}

/// [`print`] with the opener given (tests pass one that opens nothing).
pub fn print_with(state: &mut AppState, id: Id, open: fn(&Path) -> Opened) {
    let store = match state.store.reopen() {
        Ok(s) => s,
        Err(e) => return state.report(&e),
    };
    let path = std::env::temp_dir().join(format!("marsad-briefing-{id}.pdf"));
    let label = format!("{} {}", state.word(Word::Print), path.display());
    let opened_msg = state.word(Word::OpenedToPrint);
    let file_at = state.word(Word::PrintFileAt);
    let cancelled = state.tr(Msg::Cancelled);
    state.jobs.push(Job::spawn(label, move |progress| {
        let result = render_saved(&store, id, Format::Pdf, progress).and_then(|bytes| {
            crate::export::write_atomically(&path, &bytes).map_err(|e| BriefingError::Encode {
                format: "pdf",
                message: e.to_string(),
            })
        });
        if let Err(e) = result {
            return outcome(Err(e), String::new(), cancelled);
        }
        let message = match open(&path) {
            Opened::With(program) => format!("{opened_msg} {} ({program})", path.display()),
            Opened::Nothing => format!("{file_at} {}", path.display()),
        };
        outcome(Ok(()), message, cancelled)
    }));
}

/// Opens `path` with the system's viewer (whose print dialog the user then uses), or sends
/// it to the print spooler when no viewer is known.
pub fn open_for_print(path: &Path) -> Opened {
    let candidates: &[(&str, &[&str])] = if cfg!(target_os = "macos") {
        &[("open", &[])]
    } else if cfg!(target_os = "windows") {
        &[("cmd", &["/C", "start", ""])]
    } else {
        &[("xdg-open", &[]), ("lp", &[])]
    };
    for (program, args) in candidates {
        if launched(program, args, path) {
            return Opened::With((*program).to_owned());
        }
    }
    Opened::Nothing
}

/// Starts `program args… path`; it counts as launched unless it fails to start or exits
/// with an error within a few seconds (a viewer that stays open is fine).
fn launched(program: &str, args: &[&str], path: &Path) -> bool {
    let Ok(mut child) = std::process::Command::new(program)
        .args(args)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    else {
        return false;
    };
    for _ in 0..30 {
        match child.try_wait() {
            Ok(Some(status)) => return status.success(),
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(100)),
            Err(_) => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Opened as StoreOpened, Settings};

    fn app() -> AppState {
        AppState::new(
            Store::in_memory().unwrap(),
            StoreOpened::Existing,
            Settings::default(),
        )
    }

    #[test]
    fn create_edit_duplicate_delete_and_undo_each() {
        let mut s = app();
        let id = s.new_briefing().unwrap();
        assert_eq!(s.selected_briefing, Some(id));
        let before = s.store.briefing(id).unwrap().unwrap();
        assert_eq!(before.language, BriefingLanguage::Ar);
        let mut after = before.clone();
        after.title = "التعاون الأمني".into();
        assert!(s.save_briefing(&before, &after));
        let copy = s.duplicate_briefing(id).unwrap();
        assert_eq!(s.store.briefings().unwrap().len(), 2);
        assert!(s.delete_briefing(copy));
        assert_eq!(s.store.briefings().unwrap().len(), 1);
        s.undo();
        assert!(s.store.briefing(copy).unwrap().is_some(), "undo re-creates");
        s.undo();
        s.undo();
        assert_eq!(s.store.briefing(id).unwrap().unwrap(), before);
        s.undo();
        assert!(s.store.briefings().unwrap().is_empty());
        s.redo();
        assert_eq!(s.store.briefing(id).unwrap().unwrap(), before);
    }

    #[test]
    fn a_range_becomes_the_scope_and_the_title() {
        let mut s = app();
        let from = "2020-03".parse().ok();
        let id = s.new_briefing_from_range(from, None).unwrap();
        let b = s.store.briefing(id).unwrap().unwrap();
        assert_eq!(b.scope.from, from);
        assert_eq!(b.scope.to, None);
        assert!(
            b.title.contains("2020") && b.title.contains('…'),
            "{}",
            b.title
        );
        assert_eq!(s.settings.view, View::Briefings);
    }

    #[test]
    fn file_names_drop_what_file_systems_refuse() {
        assert_eq!(
            file_name("تقرير: أ/ب؟", Format::Pdf),
            "تقرير- أ-ب؟.pdf".to_owned()
        );
        assert_eq!(file_name(" .. ", Format::Markdown), "briefing.md");
    }

    #[test]
    fn export_job_writes_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let (store, opened) = crate::app::open_store(&dir.path().join("s.marsad")).unwrap();
        let mut s = AppState::new(store, opened, Settings::default());
        let id = s.new_briefing().unwrap();
        let path = dir.path().join("b.md");
        start_export(&mut s, id, Format::Markdown, path.clone());
        let job = s.jobs.pop().unwrap();
        let o = job.wait();
        assert!(!o.failed, "{}", o.message);
        assert!(std::fs::read_to_string(&path).unwrap().contains("إحاطة"));
    }

    #[test]
    fn a_cancelled_render_stops_with_cancelled() {
        let mut s = app();
        let id = s.new_briefing().unwrap();
        let progress = Progress::default();
        progress.cancel();
        assert!(matches!(
            render_saved(&s.store, id, Format::Html, &progress),
            Err(BriefingError::Cancelled)
        ));
    }
}
