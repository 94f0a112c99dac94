//! The workbench driven through kittest like a user would: the real app on a real store file
//! (seeded with the sample), clicks and typing through AccessKit labels, assertions on the store.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::{Key, Modifiers, vec2};
use egui_kittest::{
    Harness,
    kittest::{NodeT, Queryable},
};
use marsad::app::{MarsadApp, Settings, View, open_store};
use marsad::i18n::Lang;
use marsad::model::{PartialDate, Role};
use marsad::store::{SearchKind, TrashKind};
use std::path::Path;

/// The app on a store at `path` (created with the sample if missing), with `settings`.
fn app_at(path: &Path, settings: Settings) -> Harness<'static, MarsadApp> {
    let (store, opened) = open_store(path).unwrap();
    Harness::builder()
        .with_size(vec2(1400.0, 1300.0))
        .build_eframe(move |cc| MarsadApp::with_settings(&cc.egui_ctx, store, opened, settings))
}

fn english() -> Settings {
    Settings {
        lang: Lang::En,
        ..Settings::default()
    }
}

fn click(h: &mut Harness<'_, MarsadApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// The text field (single- or multi-line) named `label`, not the caption beside it.
fn field<'a>(h: &'a Harness<'_, MarsadApp>, label: &'a str) -> egui_kittest::Node<'a> {
    use egui::accesskit::Role;
    h.query_all_by_label(label)
        .find(|n| {
            matches!(
                n.accesskit_node().role(),
                Role::TextInput | Role::MultilineTextInput
            )
        })
        .unwrap_or_else(|| panic!("no text field «{label}»"))
}

fn type_into(h: &mut Harness<'_, MarsadApp>, label: &str, text: &str) {
    field(h, label).scroll_to_me();
    h.run();
    field(h, label).click();
    h.run();
    field(h, label).type_text(text);
    h.run();
}

/// Leaves the focused field (the editor saves on leaving a field).
fn leave_field(h: &mut Harness<'_, MarsadApp>) {
    h.key_press(Key::Tab);
    h.run();
}

fn selected_event(h: &Harness<'_, MarsadApp>) -> marsad::model::Event {
    let id = h
        .state()
        .state
        .selected_event
        .expect("an event is selected");
    h.state()
        .state
        .store
        .event(id)
        .unwrap()
        .expect("the event is stored")
}

#[test]
fn create_edit_link_undo_redo_delete_restore_an_event() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_at(&dir.path().join("w.marsad"), english());
    h.run();
    let before = h.state().state.store.stats().unwrap().events;

    click(&mut h, "+ New event");
    assert_eq!(h.state().state.store.stats().unwrap().events, before + 1);

    type_into(&mut h, "English title", "Joint exercise at Tan-Tan");
    leave_field(&mut h);
    type_into(&mut h, "Start date", "26 March 2022");
    leave_field(&mut h);
    let e = selected_event(&h);
    assert_eq!(e.title_en.as_deref(), Some("Joint exercise at Tan-Tan"));
    assert_eq!(e.start, Some(PartialDate::day(2022, 3, 26).unwrap()));

    // Two actors with roles: one found by its acronym, one created inline.
    type_into(&mut h, "Add actor…", "FBI");
    h.query_all_by_label_contains("(FBI)")
        .next()
        .expect("the FBI is offered")
        .click();
    h.run();
    type_into(&mut h, "Add actor…", "Garde côtière test");
    click(&mut h, "+ Create actor «Garde côtière test»");
    let parts = h
        .state()
        .state
        .store
        .participations_of_event(selected_event(&h).id)
        .unwrap();
    assert_eq!(parts.len(), 2, "two participants");
    assert!(parts.iter().all(|p| p.role == Role::Participant));

    // Evidence: a new excerpt quoted from a sample source.
    h.get_by_label("Pick a source…").scroll_to_me();
    h.run();
    h.get_by_label("Pick a source…").click();
    h.run();
    // The first sample source with «المغرب» in its title.
    let rows = h.state().state.store.sources_page(None, 0, 200).unwrap().0;
    let source = rows
        .iter()
        .find(|s| s.source.title.contains("المغرب"))
        .unwrap()
        .source
        .clone();
    h.get_by_label(&source.title).click();
    h.run();
    let full = h
        .state()
        .state
        .store
        .source(source.id)
        .unwrap()
        .unwrap()
        .full_text;
    let quote: String = full.unwrap().chars().skip(20).take(30).collect();
    type_into(&mut h, "New excerpt", &quote);
    let x_count = h.state().state.store.stats().unwrap().excerpts;
    h.query_all_by_label("New excerpt").last().unwrap().click();
    h.run();
    assert_eq!(h.state().state.store.stats().unwrap().excerpts, x_count + 1);
    let evidence = h
        .state()
        .state
        .store
        .evidence_of_event(selected_event(&h).id)
        .unwrap();
    assert_eq!(evidence.len(), 1, "the new excerpt supports the event");
    let x = h
        .state()
        .state
        .store
        .excerpt(evidence[0].excerpt_id)
        .unwrap()
        .unwrap();
    assert_eq!(x.source_id, source.id);
    assert_eq!(x.text, quote.trim());
    assert_eq!(x.start, Some(20), "the quote is located in the full text");

    // Undo, step by step: evidence, excerpt, second participant, created actor, first
    // participant, then the date; redo all six with both shortcuts.
    let id = selected_event(&h).id;
    let store_counts = |h: &Harness<'_, MarsadApp>| {
        let st = &h.state().state.store;
        (
            st.evidence_of_event(id).unwrap().len(),
            st.participations_of_event(id).unwrap().len(),
            st.stats().unwrap().excerpts,
            st.stats().unwrap().actors,
        )
    };
    let full = store_counts(&h);
    let undo = |h: &mut Harness<'_, MarsadApp>| {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    };
    undo(&mut h);
    assert_eq!(store_counts(&h).0, 0, "evidence link undone");
    undo(&mut h);
    assert_eq!(store_counts(&h).2, full.2 - 1, "excerpt undone");
    undo(&mut h);
    assert_eq!(store_counts(&h).1, 1, "second participant undone");
    undo(&mut h);
    assert_eq!(store_counts(&h).3, full.3 - 1, "created actor undone");
    undo(&mut h);
    assert_eq!(store_counts(&h).1, 0, "first participant undone");
    undo(&mut h);
    let undone = h.state().state.store.event(id).unwrap().unwrap();
    assert_eq!(undone.start, None, "undo took the date back");
    assert_eq!(
        undone.title_en.as_deref(),
        Some("Joint exercise at Tan-Tan")
    );
    for i in 0..6 {
        let m = if i % 2 == 0 {
            Modifiers::COMMAND | Modifiers::SHIFT
        } else {
            Modifiers::COMMAND
        };
        let key = if i % 2 == 0 { Key::Z } else { Key::Y };
        h.key_press_modifiers(m, key);
        h.run();
    }
    assert_eq!(store_counts(&h), full, "redo restored every change");
    let redone = h.state().state.store.event(id).unwrap().unwrap();
    assert_eq!(redone.start, Some(PartialDate::day(2022, 3, 26).unwrap()));

    // Delete (with confirmation) and restore from the trash.
    h.state_mut().state.selected_event = Some(id);
    h.run();
    click(&mut h, "Delete");
    // The confirmation names what goes; its own Delete button comes last.
    let pending = h.state().state.pending_delete.clone().unwrap();
    assert_eq!(
        pending.links, 3,
        "two participants and one evidence link go with it"
    );
    assert!(
        h.query_by_label_contains("Participants: 2").is_some(),
        "the confirmation says what will be unlinked"
    );
    h.query_all_by_label("Delete").last().unwrap().click();
    h.run();
    assert!(h.state().state.store.event(id).unwrap().is_none());
    let trash = h.state().state.store.trash().unwrap();
    let entry = trash
        .iter()
        .find(|t| t.kind == TrashKind::Event && t.record_id == id)
        .expect("the event is in the trash");
    assert!(entry.n > 0);
    h.state_mut().state.dialogs.trash = true;
    h.run();
    click(&mut h, "Restore");
    assert!(h.state().state.store.event(id).unwrap().is_some());
}

#[test]
fn search_finds_hamza_variants_and_opens_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_at(&dir.path().join("s.marsad"), english());
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    field(&h, "Search").type_text("الارهاب");
    h.run();
    let hits = &h.state().state.search.hits;
    assert!(
        hits.iter().any(|hit| hit.kind == SearchKind::Excerpt),
        "an excerpt written «الإرهاب» is found"
    );
    h.key_press(Key::Enter);
    h.run();
    assert!(!h.state().state.search.open, "Enter opens the record");
}

#[test]
fn language_switch_mirrors_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_at(&dir.path().join("l.marsad"), Settings::default());
    h.run();
    // Arabic: the navigation panel is on the right.
    let nav_ar = h.get_by_label("الأحداث").rect();
    assert!(
        nav_ar.center().x > 1000.0,
        "Arabic navigation on the right: {nav_ar:?}"
    );
    h.state_mut().state.settings.lang = Lang::En;
    h.run();
    let nav_en = h.get_by_label("Events").rect();
    assert!(
        nav_en.center().x < 400.0,
        "English navigation on the left: {nav_en:?}"
    );
}

/// An in-memory eframe storage, standing in for the file eframe keeps between runs.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn view_and_language_persist_across_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.marsad");
    let mut storage = MemoryStorage::default();
    {
        let mut h = app_at(&path, english());
        h.run();
        h.query_all_by_role_and_label(egui::accesskit::Role::Button, "Actors")
            .next()
            .unwrap()
            .click();
        h.run();
        assert_eq!(h.state().state.settings.view, View::Actors);
        eframe::App::save(h.state_mut(), &mut storage);
    }
    let settings: Settings = eframe::get_value(&storage, Settings::KEY).unwrap();
    let mut h = app_at(&path, settings);
    h.run();
    assert_eq!(h.state().state.settings.view, View::Actors);
    assert_eq!(h.state().state.settings.lang, Lang::En);
}

#[test]
fn merge_a_duplicate_actor_moves_its_links_and_aliases() {
    use marsad::model::{Actor, ActorKind, Participation};
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_at(&dir.path().join("m.marsad"), english());
    h.run();
    // An import left a duplicate of the FBI, with its own alias and an event link.
    let (fbi, event) = {
        let st = &h.state().state.store;
        let fbi = st.find_actors_by_name("FBI").unwrap()[0].clone();
        let event = st.participations_of_actor(fbi.id).unwrap()[0].event_id;
        (fbi, event)
    };
    let mut dup = Actor::new(ActorKind::SecurityService);
    dup.name_en = Some("Federal Bureau of Investigations".into());
    dup.aliases = vec!["مكتب التحقيقات الاتحادي".into()];
    let dup_id = dup.id;
    h.state_mut()
        .state
        .store
        .write(|w| {
            w.insert_actor(&dup)?;
            w.insert_participation(&Participation::new(
                event,
                dup_id,
                Role::InformationProvider,
            ))
        })
        .unwrap();
    h.state_mut().state.touch();
    h.state_mut().state.settings.view = View::Actors;
    h.state_mut().state.selected_actor = Some(fbi.id);
    h.run();

    click(&mut h, "Merge duplicate…");
    type_into(&mut h, "Duplicate", "Federal Bureau of Investigations");
    h.query_all_by_role_and_label(
        egui::accesskit::Role::Button,
        "Federal Bureau of Investigations",
    )
    .next()
    .expect("the duplicate is offered")
    .click();
    h.run();
    let st = &h.state().state.store;
    assert!(st.actor(dup_id).unwrap().is_none(), "the duplicate is gone");
    let kept = st.actor(fbi.id).unwrap().unwrap();
    assert!(kept.aliases.iter().any(|a| a == "مكتب التحقيقات الاتحادي"));
    assert!(
        st.participations_of_actor(fbi.id)
            .unwrap()
            .iter()
            .any(|p| p.event_id == event && p.role == Role::InformationProvider),
        "the duplicate's participation moved to the kept actor"
    );
    // One undo brings the duplicate back with its link.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let st = &h.state().state.store;
    assert!(st.actor(dup_id).unwrap().is_some());
    assert_eq!(st.participations_of_actor(dup_id).unwrap().len(), 1);
}

/// Tolerant enough for llvmpipe vs lavapipe anti-aliasing differences.
fn snapshot_options() -> egui_kittest::SnapshotOptions {
    egui_kittest::SnapshotOptions::new()
        .threshold(2.0)
        .max_failed_pixels(600)
}

/// A main view on the sample store with its first record open, as after a click.
fn snapshot_view(lang: Lang, view: View, name: &str) {
    // A fixed folder per snapshot: the status bar shows the store's path, and a random
    // temporary name changed a few hundred pixels from run to run.
    let dir = std::env::temp_dir().join(format!("marsad-snapshot-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let settings = Settings {
        lang,
        view,
        ..Settings::default()
    };
    let (store, opened) = open_store(&dir.join("v.marsad")).unwrap();
    let mut h = Harness::builder()
        .with_size(vec2(1400.0, 860.0))
        .build_eframe(move |cc| MarsadApp::with_settings(&cc.egui_ctx, store, opened, settings));
    let state = &mut h.state_mut().state;
    match view {
        View::Events => {
            let id = state.event_row(3).map(|r| r.event.id);
            state.selected_event = id;
        }
        View::Actors => {
            let id = state.actor_row(0).map(|r| r.actor.id);
            state.selected_actor = id;
        }
        _ => {
            let id = state.source_row(0).map(|r| r.source.id);
            state.selected_source = id;
        }
    }
    state.status = None;
    h.run();
    h.snapshot_options(name, &snapshot_options());
}

#[test]
fn snapshot_events_ar() {
    snapshot_view(Lang::Ar, View::Events, "view_events_ar");
}

#[test]
fn snapshot_events_en() {
    snapshot_view(Lang::En, View::Events, "view_events_en");
}

#[test]
fn snapshot_actors_ar() {
    snapshot_view(Lang::Ar, View::Actors, "view_actors_ar");
}

#[test]
fn snapshot_actors_en() {
    snapshot_view(Lang::En, View::Actors, "view_actors_en");
}

#[test]
fn snapshot_sources_ar() {
    snapshot_view(Lang::Ar, View::Sources, "view_sources_ar");
}

#[test]
fn snapshot_sources_en() {
    snapshot_view(Lang::En, View::Sources, "view_sources_en");
}

#[test]
fn capture_review_writes_only_the_accepted_proposals() {
    use marsad::i18n::vocab;
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_at(&dir.path().join("c.marsad"), english());
    h.run();
    let article = "تفكيك خلية إرهابية في وجدة\n\
        أعلن المكتب المركزي للأبحاث القضائية يوم 26 مارس 2022 تفكيك خلية إرهابية في وجدة بتنسيق مع مكتب التحقيقات الفيدرالي.\n\
        واستقبل المدير العام للأمن الوطني في 13 يونيو 2022 وفدا من مكتب التحقيقات الفيدرالي.";
    click(&mut h, "File");
    click(&mut h, "Paste article…");
    type_into(&mut h, "Paste the article's text here", article);
    click(&mut h, "Capture");
    let review = h.state().state.capture.clone().expect("the review is open");
    let events = &review.capture.events;
    assert_eq!(
        events.len(),
        2,
        "one proposal per dated sentence with an event verb"
    );
    assert!(review.capture.actors.iter().any(|a| a.known_id.is_some()));
    // Reject the first proposed event.
    let first = &events[0];
    let caption = format!(
        "{} · {}",
        vocab::date(Lang::En, &first.start.unwrap()),
        vocab::event_kind(Lang::En, first.kind)
    );
    click(&mut h, &caption);
    let before = h.state().state.store.stats().unwrap();
    click(&mut h, "Write accepted");
    assert!(h.state().state.capture.is_none(), "the review closes");
    let after = h.state().state.store.stats().unwrap();
    assert_eq!(after.sources, before.sources + 1);
    assert_eq!(
        after.events,
        before.events + 1,
        "only the accepted event is written"
    );
    let source = h
        .state()
        .state
        .selected_source
        .expect("the new source is selected");
    let s = h.state().state.store.source(source).unwrap().unwrap();
    assert_eq!(s.full_text.as_deref(), Some(article));
}

#[test]
fn restoring_a_backup_from_the_backups_dialog_asks_then_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_at(&dir.path().join("r.marsad"), english());
    h.run();
    h.state().state.store.auto_backup("manual").unwrap();
    let events = h.state().state.store.stats().unwrap().events;
    click(&mut h, "+ New event");
    assert_eq!(h.state().state.store.stats().unwrap().events, events + 1);
    click(&mut h, "File");
    click(&mut h, "Backups…");
    h.query_all_by_role_and_label(egui::accesskit::Role::Button, "Restore")
        .next()
        .expect("the backup is listed")
        .click();
    h.run();
    assert!(
        h.query_by_label_contains("Everything changed after that backup")
            .is_some(),
        "the restore says what would be lost"
    );
    assert_eq!(h.state().state.store.stats().unwrap().events, events + 1);
    click(&mut h, "Restore");
    assert_eq!(h.state().state.store.stats().unwrap().events, events);
    assert!(
        h.state().state.history.undo_label().is_none(),
        "undo history cleared"
    );
    let reasons: Vec<String> = h
        .state()
        .state
        .store
        .backups()
        .unwrap()
        .into_iter()
        .map(|b| b.reason)
        .collect();
    assert!(
        reasons.contains(&"before-restore".to_owned()),
        "{reasons:?}"
    );
}
