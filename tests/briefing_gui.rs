//! The briefing composer driven through kittest like a user would: the real app on a store
//! file seeded with the sample, clicks and typing through AccessKit labels, assertions on the
//! saved briefing; exports through the same job code the buttons start (the file dialog is
//! bypassed by giving the path).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::{Key, Modifiers, vec2};
use egui_kittest::{
    Harness,
    kittest::{NodeT, Queryable},
};
use marsad::app::briefing::{Opened, print_with, start_export};
use marsad::app::{MarsadApp, Settings, View, open_store};
use marsad::briefing::Format;
use marsad::i18n::Lang;
use marsad::model::{Briefing, PartialDate, SectionKind};
use std::path::Path;

fn app_at(path: &Path, lang: Lang) -> Harness<'static, MarsadApp> {
    let (store, opened) = open_store(path).unwrap();
    let settings = Settings {
        lang,
        view: View::Briefings,
        ..Settings::default()
    };
    Harness::builder()
        .with_size(vec2(1400.0, 1300.0))
        .build_eframe(move |cc| MarsadApp::with_settings(&cc.egui_ctx, store, opened, settings))
}

fn click(h: &mut Harness<'_, MarsadApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

/// The text field named `label`, not a caption or a button with the same words.
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

/// Replaces the text of field `label` with `text` and leaves the field (which saves).
fn retype(h: &mut Harness<'_, MarsadApp>, label: &str, text: &str) {
    field(h, label).scroll_to_me();
    h.run();
    field(h, label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    field(h, label).type_text(text);
    h.run();
    h.key_press(Key::Tab);
    h.run();
}

/// Clicks the checkbox named `label` (the preview shows the same words as a heading).
fn click_checkbox(h: &mut Harness<'_, MarsadApp>, label: &str) {
    use egui::accesskit::Role;
    h.get_by_role_and_label(Role::CheckBox, label)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, label).click();
    h.run();
}

/// Ctrl+Z outside any text field (a focused field keeps Ctrl+Z for its own text).
fn undo(h: &mut Harness<'_, MarsadApp>) {
    h.ctx.memory_mut(|m| {
        if let Some(id) = m.focused() {
            m.surrender_focus(id);
        }
    });
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

fn selected(h: &Harness<'_, MarsadApp>) -> Briefing {
    let st = &h.state().state;
    let id = st.selected_briefing.expect("a briefing is open");
    st.store.briefing(id).unwrap().expect("it is saved")
}

fn position(b: &Briefing, kind: SectionKind) -> usize {
    b.sections.iter().position(|s| s.kind == kind).unwrap()
}

#[test]
fn compose_a_briefing_then_undo_every_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_at(&dir.path().join("b.marsad"), Lang::En);
    h.run();
    assert!(h.state().state.store.briefings().unwrap().is_empty());

    click(&mut h, "+ New briefing");
    assert_eq!(h.state().state.store.briefings().unwrap().len(), 1);
    let created = selected(&h);
    assert_eq!(created.title, "Untitled briefing");

    let title = "التعاون الأمني المغربي–الأمريكي 2019–2022";
    retype(&mut h, "Title", title);
    assert_eq!(selected(&h).title, title);
    retype(&mut h, "Handling line", "للاستخدام الداخلي");
    assert_eq!(selected(&h).handling.as_deref(), Some("للاستخدام الداخلي"));

    click_checkbox(&mut h, "Executive summary");
    let b = selected(&h);
    assert!(
        !b.sections[position(&b, SectionKind::ExecutiveSummary)].enabled,
        "the summary is turned off"
    );
    let chrono_before = position(&b, SectionKind::Chronology);
    click(&mut h, "Move up: Chronology");
    assert_eq!(
        position(&selected(&h), SectionKind::Chronology),
        chrono_before - 1
    );

    retype(&mut h, "From", "2019");
    retype(&mut h, "To", "2022-06");
    let b = selected(&h);
    assert_eq!(b.scope.from, Some(PartialDate::year(2019).unwrap()));
    assert_eq!(b.scope.to, Some(PartialDate::month(2022, 6).unwrap()));

    // The preview counts what the scope selects.
    let in_scope = h.state().state.store.briefing_event_ids(&b.scope).unwrap();
    let counts = h
        .state()
        .ui_state
        .briefing_editor
        .as_ref()
        .unwrap()
        .preview
        .counts();
    assert_eq!(counts.events, in_scope.len());
    assert!(counts.events > 0, "the sample has events in 2019–2022");
    let all = h.state().state.store.stats().unwrap().events as usize;
    assert!(counts.events < all, "the range leaves some out");

    // Undo walks back: the end date, the start date, the move, the toggle, the handling
    // line, the title.
    undo(&mut h);
    assert_eq!(selected(&h).scope.to, None);
    undo(&mut h);
    assert_eq!(selected(&h).scope.from, None);
    undo(&mut h);
    assert_eq!(
        position(&selected(&h), SectionKind::Chronology),
        chrono_before
    );
    undo(&mut h);
    let b = selected(&h);
    assert!(b.sections[position(&b, SectionKind::ExecutiveSummary)].enabled);
    undo(&mut h);
    undo(&mut h);
    assert_eq!(selected(&h), created, "back to the new briefing");
    undo(&mut h);
    assert!(h.state().state.store.briefings().unwrap().is_empty());
}

#[test]
fn delete_asks_first_and_undo_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_at(&dir.path().join("d.marsad"), Lang::En);
    h.run();
    click(&mut h, "+ New briefing");
    click(&mut h, "Duplicate");
    assert_eq!(h.state().state.store.briefings().unwrap().len(), 2);
    let copy = selected(&h);
    assert!(copy.title.contains("Duplicate"), "{}", copy.title);

    click(&mut h, "Delete");
    assert_eq!(
        h.state().state.store.briefings().unwrap().len(),
        2,
        "nothing is deleted before the confirmation"
    );
    click(&mut h, "Delete briefing");
    assert_eq!(h.state().state.store.briefings().unwrap().len(), 1);
    assert!(h.state().state.store.briefing(copy.id).unwrap().is_none());
    undo(&mut h);
    assert_eq!(h.state().state.store.briefing(copy.id).unwrap(), Some(copy));
}

#[test]
fn scope_by_actor_and_type_through_the_pickers() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_at(&dir.path().join("s.marsad"), Lang::En);
    h.run();
    click(&mut h, "+ New briefing");
    field(&h, "Add an actor to the scope…").scroll_to_me();
    h.run();
    field(&h, "Add an actor to the scope…").click();
    h.run();
    field(&h, "Add an actor to the scope…").type_text("FBI");
    h.run();
    // The preview's key actors list shows the same words: take the offered button.
    h.query_all_by_label_contains("(FBI)")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .expect("the FBI is offered")
        .click();
    h.run();
    let b = selected(&h);
    assert_eq!(b.scope.actors.len(), 1);
    let fbi = h
        .state()
        .state
        .store
        .actor(b.scope.actors[0])
        .unwrap()
        .unwrap();
    assert_eq!(fbi.acronym.as_deref(), Some("FBI"));
    let events = h.state().state.store.briefing_event_ids(&b.scope).unwrap();
    assert!(!events.is_empty());
    for id in &events {
        let parts = h.state().state.store.participations_of_event(*id).unwrap();
        assert!(parts.iter().any(|p| p.actor_id == fbi.id));
    }

    click(&mut h, "Add a type…");
    click(&mut h, "Arrest");
    assert_eq!(
        selected(&h).scope.event_kinds,
        vec![marsad::model::EventKind::Arrest]
    );
}

#[test]
fn export_html_and_markdown_and_print_through_the_job_code() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_at(&dir.path().join("e.marsad"), Lang::Ar);
    h.run();
    click(&mut h, "+ إحاطة جديدة");
    let title = "موجز: <script>alert(1)</script> التعاون";
    retype(&mut h, "العنوان", title);
    let b = selected(&h);
    assert_eq!(b.title, title);

    let html = dir.path().join("out.html");
    let md = dir.path().join("out.md");
    for (format, path) in [(Format::Html, &html), (Format::Markdown, &md)] {
        start_export(&mut h.state_mut().state, b.id, format, path.clone());
        assert_eq!(h.state().state.jobs.len(), 1, "a background job runs");
        let job = h.state_mut().state.jobs.pop().unwrap();
        let outcome = job.wait();
        assert!(!outcome.failed, "{}", outcome.message);
    }
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("dir=\"rtl\""));
    assert!(page.contains("التعاون"));
    assert!(!page.contains("<script>alert"), "the title is escaped");
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.contains("التعاون"));
    assert!(text.contains("التسلسل الزمني"), "the chronology heading");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left");

    print_with(&mut h.state_mut().state, b.id, |_| Opened::Nothing);
    let outcome = h.state_mut().state.jobs.pop().unwrap().wait();
    assert!(!outcome.failed, "{}", outcome.message);
    let pdf = std::env::temp_dir().join(format!("marsad-briefing-{}.pdf", b.id));
    assert!(outcome.message.contains(&pdf.display().to_string()));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    std::fs::remove_file(&pdf).unwrap();
}

fn snapshot_options() -> egui_kittest::SnapshotOptions {
    egui_kittest::SnapshotOptions::new()
        .threshold(2.0)
        .max_failed_pixels(600)
}

/// The composer on the sample store with a briefing over 2019–2022, as after opening it.
fn snapshot_composer(lang: Lang, name: &str) {
    // A fixed folder: the status bar shows the store's path.
    let dir = std::env::temp_dir().join(format!("marsad-snapshot-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (store, opened) = open_store(&dir.join("v.marsad")).unwrap();
    let settings = Settings {
        lang,
        view: View::Briefings,
        ..Settings::default()
    };
    let mut h = Harness::builder()
        .with_size(vec2(1400.0, 860.0))
        .build_eframe(move |cc| MarsadApp::with_settings(&cc.egui_ctx, store, opened, settings));
    let state = &mut h.state_mut().state;
    let mut b = Briefing::new(match lang {
        Lang::Ar => "التعاون الأمني المغربي–الأمريكي",
        _ => "Moroccan–US security cooperation",
    });
    b.language = state.briefing_language();
    b.author = Some("فريق مرصد".into());
    b.date = Some(PartialDate::day(2026, 11, 23).unwrap());
    b.scope.from = Some(PartialDate::year(2019).unwrap());
    b.scope.to = Some(PartialDate::year(2022).unwrap());
    b.sections[0].text = match lang {
        Lang::Ar => "تعاون متزايد بين DGST وFBI في مكافحة الإرهاب.".into(),
        _ => "Growing cooperation between the DGST and the FBI.".into(),
    };
    let id = b.id;
    assert!(state.create_briefing(b));
    // A fixed time in the list, so that the snapshot does not change with the clock.
    let db = rusqlite::Connection::open(dir.join("v.marsad")).unwrap();
    db.execute(
        "UPDATE briefing SET updated = '2026-11-23T03:00:00Z' WHERE id = ?1",
        [id],
    )
    .unwrap();
    state.touch();
    state.status = None;
    h.run();
    h.state_mut().state.status = None;
    h.run();
    h.snapshot_options(name, &snapshot_options());
}

#[test]
fn snapshot_composer_ar() {
    snapshot_composer(Lang::Ar, "briefing_composer_ar");
}

#[test]
fn snapshot_composer_en() {
    snapshot_composer(Lang::En, "briefing_composer_en");
}
