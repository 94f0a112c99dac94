//! User actions that involve files: open/new store, import and export as background jobs, backup.

use super::jobs::{Job, JobOutcome};
use super::startup::open_store;
use super::state::AppState;
use crate::i18n::Msg;
use crate::store::{EventFilter, Store};
use std::path::{Path, PathBuf};

/// Asks where to create a new store and switches to it.
pub fn new_store_dialog(state: &mut AppState) {
    let Some(path) = rfd::FileDialog::new()
        .add_filter("Marsad", &["marsad"])
        .set_file_name("store.marsad")
        .save_file()
    else {
        return;
    };
    if path.exists() {
        state.say(
            format!("{}: {}", path.display(), state.tr(Msg::FileExists)),
            true,
        );
        return;
    }
    switch_store(state, &path);
}

/// Asks for a store to open and switches to it.
pub fn open_store_dialog(state: &mut AppState) {
    if let Some(path) = rfd::FileDialog::new()
        .add_filter("Marsad", &["marsad"])
        .pick_file()
    {
        switch_store(state, &path);
    }
}

/// Opens another store in place of the current one (the current one stays if that fails).
pub fn switch_store(state: &mut AppState, path: &Path) {
    if !state.jobs.is_empty() {
        state.say(state.tr(Msg::WaitForJobs), true);
        return;
    }
    let open = if path.exists() {
        Store::open(path)
            .map(|s| (s, super::Opened::Existing))
            .map_err(Into::into)
    } else {
        open_store(path)
    };
    match open {
        Ok((store, opened)) => {
            let settings = state.settings.clone();
            *state = AppState::new(store, opened, settings);
        }
        Err(e) => state.say(format!("{}: {e}", path.display()), true),
    }
}

/// Asks for a file and opens its import review.
pub fn import_dialog(state: &mut AppState) {
    if let Some(path) = rfd::FileDialog::new().pick_file() {
        super::import_review::review_import(state, path);
    }
}

/// Asks where to export and writes the store there in the background; with `filter`, only
/// the events it selects and what they need.
pub fn export_dialog(state: &mut AppState, format: &'static str, filter: Option<EventFilter>) {
    let Some(exporter) = crate::export::by_name(format) else {
        return state.say(format!("{}: {format}", state.tr(Msg::Export)), true);
    };
    let ext = exporter.extension();
    let Some(path) = rfd::FileDialog::new()
        .add_filter(format, &[ext])
        .set_file_name(format!("marsad-{format}.{ext}"))
        .save_file()
    else {
        return;
    };
    start_export(state, format, filter, path);
}

/// Exports the store (or the events `filter` selects, with what they need) in `format` to
/// `path` on a background thread; the file is written atomically, so a failed export leaves
/// no half file.
pub fn start_export(
    state: &mut AppState,
    format: &'static str,
    filter: Option<EventFilter>,
    path: PathBuf,
) {
    let store = match state.store.reopen() {
        Ok(s) => s,
        Err(e) => return state.report(&e),
    };
    let label = format!("{} {}", state.tr(Msg::Export), path.display());
    let done = state.tr(Msg::Exported);
    state.jobs.push(Job::spawn(label, move |progress| {
        progress.update(0, 2);
        let result = exported_data(&store, filter.as_ref())
            .map_err(|e| e.to_string())
            .and_then(|d| {
                crate::export::by_name(format)
                    .ok_or_else(|| format.to_owned())
                    .and_then(|x| x.write(&d).map_err(|e| e.to_string()))
            })
            .and_then(|bytes| {
                progress.update(1, 2);
                crate::export::write_atomically(&path, &bytes).map_err(|e| e.to_string())
            });
        match result {
            Ok(()) => JobOutcome {
                message: format!("{done} {}", path.display()),
                failed: false,
                changed_store: false,
            },
            Err(e) => JobOutcome {
                message: e,
                failed: true,
                changed_store: false,
            },
        }
    }));
}

fn exported_data(
    store: &Store,
    filter: Option<&EventFilter>,
) -> Result<crate::model::Dataset, crate::store::StoreError> {
    let data = store.export()?;
    Ok(match filter {
        Some(f) => data.for_events(&store.event_ids(f)?.into_iter().collect()),
        None => data,
    })
}

/// Writes a verified backup beside the store now.
pub fn backup_now(state: &mut AppState) {
    let path = state.store.path().to_owned();
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "store".into());
    let dest = path.with_file_name(format!("{stem}-backup-{stamp}.marsad"));
    match state.store.backup_to(&dest) {
        Ok(info) => state.say(
            format!(
                "{} {} ({} KB)",
                state.tr(Msg::BackupWritten),
                info.path.display(),
                info.bytes / 1024
            ),
            false,
        ),
        Err(e) => state.report(&e),
    }
}

/// Restores the newest good backup over the damaged store the app started on (see
/// [`super::Opened::Damaged`]): the damaged file is renamed aside untouched, the backup copied
/// in, and the app switches to the restored store.
pub fn rescue_from_backup(state: &mut AppState) {
    let super::Opened::Damaged(offer) = &state.opened else {
        return;
    };
    let Some(backup) = offer.backup.clone() else {
        return;
    };
    let path = offer.path.clone();
    match crate::store::rescue(&path, &backup.path).map_err(super::StartupError::from) {
        Ok(done) => match open_store(&path) {
            Ok((store, opened)) => {
                let settings = state.settings.clone();
                *state = AppState::new(store, opened, settings);
                let msg = format!(
                    "{} {}",
                    state.tr(Msg::RescuedDamagedKept),
                    done.damaged_kept.display()
                );
                state.say(msg, false);
            }
            Err(e) => state.say(format!("{}: {e}", path.display()), true),
        },
        Err(e) => state.say(format!("{}: {e}", backup.path.display()), true),
    }
}

/// Opens a backup read-only in place of the current store, to look at it without changing it.
pub fn open_backup_read_only(state: &mut AppState, path: &Path) {
    if !state.jobs.is_empty() {
        state.say(state.tr(Msg::WaitForJobs), true);
        return;
    }
    match Store::open_read_only(path) {
        Ok(store) => {
            let settings = state.settings.clone();
            *state = AppState::new(store, super::Opened::ReadOnlyBackup, settings);
        }
        Err(e) => state.say(format!("{}: {e}", path.display()), true),
    }
}
