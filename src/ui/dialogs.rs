//! Dialogs: delete confirmation, trash, merge, about, keyboard shortcuts, text gallery.

use super::UiState;
use super::widgets::button_ui;
use crate::app::{AppState, Command};
use crate::i18n::Msg;
use crate::model::Id;
use crate::text::{self, TextField};
use egui::{Context, Ui};

/// Draws whichever dialogs are open.
pub fn dialogs_ui(ctx: &Context, state: &mut AppState, ui_state: &mut UiState) {
    rescue_ui(ctx, state);
    confirm_delete_ui(ctx, state);
    if state.dialogs.trash {
        window(ctx, state, Msg::Trash, trash_ui);
    }
    if state.dialogs.about {
        window(ctx, state, Msg::About, about_ui);
    }
    if state.dialogs.shortcuts {
        window(ctx, state, Msg::KeyboardShortcuts, |ui, state| {
            shortcuts_ui(ui, state)
        });
    }
    if state.dialogs.merge.is_some() {
        window(ctx, state, Msg::Merge, merge_ui);
    }
    if state.dialogs.backups.is_some() {
        window(ctx, state, Msg::Backups, backups_ui);
    }
    if state.dialogs.export.is_some() {
        window(ctx, state, Msg::Export, export_ui);
    }
    if state.dialogs.gallery {
        let mut open = true;
        egui::Window::new(text::widget_text(ctx, state.tr(Msg::TextGallery)))
            .id(egui::Id::unique("gallery"))
            .open(&mut open)
            .default_size([760.0, 600.0])
            .show(ctx, |ui| crate::text::gallery_ui(ui, &mut ui_state.gallery));
        state.dialogs.gallery &= open;
    }
}

fn window(
    ctx: &Context,
    state: &mut AppState,
    title: Msg,
    add: impl FnOnce(&mut Ui, &mut AppState),
) {
    let mut open = true;
    egui::Window::new(text::widget_text(ctx, state.tr(title)))
        .id(egui::Id::unique(("dialog", title_key(title))))
        .open(&mut open)
        .collapsible(false)
        .show(ctx, |ui| {
            text::column_ui(ui, |ui| add(ui, state));
        });
    if !open {
        match title {
            Msg::Trash => state.dialogs.trash = false,
            Msg::About => state.dialogs.about = false,
            Msg::KeyboardShortcuts => state.dialogs.shortcuts = false,
            Msg::Merge => state.dialogs.merge = None,
            Msg::Export => state.dialogs.export = None,
            Msg::Backups => state.dialogs.backups = None,
            _ => {}
        }
    }
}

fn title_key(m: Msg) -> &'static str {
    crate::i18n::tr(crate::i18n::Lang::En, m)
}

/// At start-up on a damaged store: says so, says the file was left as it is, and offers the
/// newest good backup with its date and what it holds beside what the damaged file claims.
/// Nothing happens until the user chooses; the dialog cannot be dismissed into a working app
/// on the empty stand-in store.
fn rescue_ui(ctx: &Context, state: &mut AppState) {
    let crate::app::Opened::Damaged(offer) = state.opened.clone() else {
        return;
    };
    egui::Modal::new(egui::Id::unique("rescue")).show(ctx, |ui| {
        text::column_ui(ui, |ui| {
            text::heading(ui, state.tr(Msg::StoreDamaged));
            text::label(ui, &offer.path.display().to_string());
            text::paragraph(ui, state.tr(Msg::DamagedKept));
            text::weak(ui, &offer.problem);
            let Some(backup) = &offer.backup else {
                text::paragraph(ui, state.tr(Msg::NoGoodBackup));
                rescue_buttons_ui(ui, state, None);
                return;
            };
            text::paragraph(
                ui,
                &format!(
                    "{} {} ({}, {} KB).",
                    state.tr(Msg::NewestGoodBackup),
                    backup_date(&backup.stamp),
                    backup.reason,
                    backup.bytes / 1024
                ),
            );
            if let Some(s) = &offer.backup_stats {
                let line = format!("{}: {}", state.tr(Msg::BackupHolds), counts(state, s));
                text::paragraph(ui, &line);
            }
            match &offer.damaged_stats {
                Some(s) => {
                    let line = format!("{}: {}", state.tr(Msg::DamagedClaims), counts(state, s));
                    text::paragraph(ui, &line);
                }
                None => {
                    text::paragraph(ui, state.tr(Msg::DamagedUncountable));
                }
            }
            text::paragraph(ui, state.tr(Msg::RescueLoses));
            rescue_buttons_ui(ui, state, Some(backup.path.as_path()));
        });
    });
}

fn rescue_buttons_ui(ui: &mut Ui, state: &mut AppState, backup: Option<&std::path::Path>) {
    text::row_ui(ui, |ui| {
        if let Some(path) = backup {
            if button_ui(ui, state.tr(Msg::RestoreThisBackup)).clicked() {
                crate::app::actions::rescue_from_backup(state);
            }
            if button_ui(ui, state.tr(Msg::OpenReadOnly)).clicked() {
                crate::app::actions::open_backup_read_only(state, path);
            }
        }
        if button_ui(ui, state.tr(Msg::Quit)).clicked() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    });
}

/// `20261123T014455Z` as `2026-11-23 01:44 UTC`.
fn backup_date(stamp: &str) -> String {
    let part = |a: usize, b: usize| stamp.get(a..b).unwrap_or("");
    format!(
        "{}-{}-{} {}:{} UTC",
        part(0, 4),
        part(4, 6),
        part(6, 8),
        part(9, 11),
        part(11, 13)
    )
}

fn counts(state: &AppState, s: &crate::store::Stats) -> String {
    let sep = if state.settings.lang == crate::i18n::Lang::Ar {
        "، "
    } else {
        ", "
    };
    [
        (s.events, Msg::Events),
        (s.actors, Msg::Actors),
        (s.sources, Msg::Sources),
        (s.excerpts, Msg::Excerpts),
    ]
    .iter()
    .map(|(n, m)| format!("{n} {}", state.tr(*m)))
    .collect::<Vec<_>>()
    .join(sep)
}

fn confirm_delete_ui(ctx: &Context, state: &mut AppState) {
    let Some(p) = state.pending_delete.clone() else {
        return;
    };
    let modal = egui::Modal::new(egui::Id::unique("confirm-delete")).show(ctx, |ui| {
        text::column_ui(ui, |ui| {
            text::heading(ui, &format!("{} «{}»?", state.tr(Msg::Delete), p.label));
            if p.links > 0 {
                let parts: Vec<String> = p
                    .parts
                    .iter()
                    .map(|(msg, n)| format!("{}: {n}", state.tr(*msg)))
                    .collect();
                text::paragraph(
                    ui,
                    &format!(
                        "{} ({}): {}",
                        state.tr(Msg::LinksWillGo),
                        p.links,
                        parts.join("، ")
                    ),
                );
            }
            text::paragraph(ui, state.tr(Msg::DeleteGoesToTrash));
            text::row_ui(ui, |ui| {
                if button_ui(ui, state.tr(Msg::Delete)).clicked() {
                    state.confirm_delete();
                }
                if button_ui(ui, state.tr(Msg::Cancel)).clicked() {
                    state.pending_delete = None;
                }
            });
        });
    });
    if modal.should_close() {
        state.pending_delete = None;
    }
}

fn trash_ui(ui: &mut Ui, state: &mut AppState) {
    let entries = state.query("trash", (), |s| s.trash());
    if entries.is_empty() {
        text::weak(ui, state.tr(Msg::TrashEmpty));
        return;
    }
    egui::ScrollArea::vertical()
        .max_height(400.0)
        .show(ui, |ui| {
            for e in entries.iter() {
                text::row_ui(ui, |ui| {
                    text::label(
                        ui,
                        &format!(
                            "{} · {} · {} (+{})",
                            e.deleted_at.get(..16).unwrap_or(&e.deleted_at),
                            e.label,
                            kind_name(state, e.kind),
                            e.links
                        ),
                    );
                    if button_ui(ui, state.tr(Msg::Restore)).clicked() {
                        let label = format!("{}: {}", state.tr(Msg::Restore), e.label);
                        state.run(
                            Command::Restore {
                                entry: e.n,
                                kind: e.kind,
                                id: e.record_id,
                            },
                            label,
                        );
                    }
                });
            }
        });
    ui.separator();
    if button_ui(ui, state.tr(Msg::EmptyTrash)).clicked() {
        match state.store.write(|w| w.empty_trash()) {
            Ok(n) => {
                state.touch();
                state.say(format!("{}: {n}", state.tr(Msg::EmptyTrash)), false);
            }
            Err(e) => state.report(&e),
        }
    }
}

fn kind_name(state: &AppState, k: crate::store::TrashKind) -> &'static str {
    use crate::store::TrashKind::*;
    state.tr(match k {
        Event => Msg::Events,
        Actor => Msg::Actors,
        Source => Msg::Sources,
        Excerpt => Msg::Excerpts,
    })
}

fn about_ui(ui: &mut Ui, state: &mut AppState) {
    text::heading(
        ui,
        &format!("{} {}", state.tr(Msg::AppTitle), env!("CARGO_PKG_VERSION")),
    );
    text::paragraph(ui, state.tr(Msg::AboutText));
    text::label(
        ui,
        &format!(
            "{}: {}",
            state.tr(Msg::StoreFile),
            state.store.path().display()
        ),
    );
    if let Some(dir) = crate::paths::data_dir() {
        text::label(
            ui,
            &format!("{}: {}", state.tr(Msg::DataFolder), dir.display()),
        );
    }
}

fn shortcuts_ui(ui: &mut Ui, state: &mut AppState) {
    let rows = [
        ("Ctrl+N", Msg::New),
        ("Ctrl+F", Msg::Find),
        ("Ctrl+Z", Msg::Undo),
        ("Ctrl+Shift+Z / Ctrl+Y", Msg::Redo),
        ("Delete", Msg::Delete),
        ("Esc", Msg::Close),
    ];
    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
        for (keys, msg) in rows {
            text::label(ui, state.tr(msg));
            text::label(ui, keys);
            ui.end_row();
        }
    });
}

fn merge_ui(ui: &mut Ui, state: &mut AppState) {
    let Some(keep) = state.selected_actor else {
        state.dialogs.merge = None;
        return;
    };
    let keep_name = state
        .store
        .actor(keep)
        .ok()
        .flatten()
        .map(|a| a.display_name(state.lang().direction().is_rtl()).to_owned())
        .unwrap_or_default();
    text::paragraph(ui, &format!("{} «{keep_name}»", state.tr(Msg::MergeInto)));
    let query_id = egui::Id::unique("merge-query");
    let mut query = ui
        .data(|d| d.get_temp::<String>(query_id))
        .unwrap_or_default();
    TextField::singleline(&mut query)
        .label(state.tr(Msg::Duplicate))
        .hint(state.tr(Msg::AddActor))
        .id_salt("merge-query")
        .show(ui);
    ui.data_mut(|d| d.insert_temp(query_id, query.clone()));
    let mut pick: Option<Id> = None;
    if !query.trim().is_empty() {
        for a in state
            .store
            .complete_actors(query.trim(), 8)
            .unwrap_or_default()
        {
            let rtl = state.lang().direction().is_rtl();
            if a.id != keep && button_ui(ui, a.display_name(rtl)).clicked() {
                pick = Some(a.id);
            }
        }
    }
    if let Some(remove) = pick {
        if let Err(e) = state.store.auto_backup("before-merge") {
            state.report(&e);
            return;
        }
        let label = format!("{}: {keep_name}", state.tr(Msg::Merge));
        if state.run(Command::Merge { keep, remove }, label) {
            state.dialogs.merge = None;
        }
    }
}

/// Choose a format, then where to save: the whole store is exported in the background.
fn export_ui(ui: &mut Ui, state: &mut AppState) {
    let Some(mut format) = state.dialogs.export else {
        return;
    };
    let names = crate::export::names();
    super::widgets::combo_ui(ui, "export-format", &mut format, &names, |n| n);
    state.dialogs.export = Some(format);
    let filter = state.settings.event_filter.clone();
    if !filter.is_empty() {
        let n = state.event_total();
        let caption = format!("{} ({n})", state.tr(Msg::OnlyFilteredEvents));
        let mut only = state.dialogs.export_filtered;
        super::widgets::checkbox_ui(ui, &mut only, &caption);
        state.dialogs.export_filtered = only;
    }
    if button_ui(ui, state.tr(Msg::Save)).clicked() {
        state.dialogs.export = None;
        let filter = (state.dialogs.export_filtered && !filter.is_empty()).then_some(filter);
        crate::app::actions::export_dialog(state, format, filter);
    }
}

/// The store's automatic backups with their dates, reasons and sizes; restoring one asks
/// first and says what would be lost.
fn backups_ui(ui: &mut Ui, state: &mut AppState) {
    if let Some(Some(b)) = state.dialogs.backups.clone() {
        text::paragraph(
            ui,
            &format!(
                "{} {} ({})",
                state.tr(Msg::RestoreBackupQ),
                b.stamp,
                b.reason
            ),
        );
        text::paragraph(ui, state.tr(Msg::RestoreLoses));
        text::row_ui(ui, |ui| {
            if button_ui(ui, state.tr(Msg::Restore)).clicked() {
                state.dialogs.backups = None;
                state.restore_backup(&b.path);
            }
            if button_ui(ui, state.tr(Msg::Cancel)).clicked() {
                state.dialogs.backups = Some(None);
            }
        });
        return;
    }
    let list = state.query("backups", (), |s| s.backups());
    if list.is_empty() {
        text::weak(ui, state.tr(Msg::NoBackups));
    }
    for b in list.iter() {
        text::row_ui(ui, |ui| {
            text::label(
                ui,
                &format!("{} · {} · {} KB", b.stamp, b.reason, b.bytes / 1024),
            );
            if button_ui(ui, state.tr(Msg::Restore)).clicked() {
                state.dialogs.backups = Some(Some(b.clone()));
            }
            if button_ui(ui, state.tr(Msg::OpenReadOnly)).clicked() {
                crate::app::actions::open_backup_read_only(state, &b.path);
            }
        });
    }
}
