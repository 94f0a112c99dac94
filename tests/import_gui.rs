//! Importing through the app's import window: a CSV file whose columns the guess misses is
//! mapped by hand, the mapping saved, a duplicate of a stored actor merged, problems shown
//! with their lines, and the report read after the import.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::vec2;
use egui_kittest::{Harness, kittest::Queryable};
use marsad::app::import_review::{review_import, wait_for_import};
use marsad::app::{MarsadApp, Settings, open_store};
use marsad::i18n::Lang;
use std::path::Path;

fn app_at(path: &Path, lang: Lang) -> Harness<'static, MarsadApp> {
    let (store, opened) = open_store(path).unwrap();
    let settings = Settings {
        lang,
        ..Settings::default()
    };
    Harness::builder()
        .with_size(vec2(1400.0, 1000.0))
        .with_max_steps(16)
        .build_eframe(move |cc| MarsadApp::with_settings(&cc.egui_ctx, store, opened, settings))
}

fn settle(h: &mut Harness<'_, MarsadApp>) {
    h.run();
    wait_for_import(&mut h.state_mut().state);
    h.run();
}

const CSV: &str = "الحدث,متى,actors\n\
تفكيك خلية إرهابية في وجدة بتعاون مع FBI,2022-01-05,FBI\n\
اعتقال مشتبه به في بركان,غدا,\n";

#[test]
fn map_columns_save_the_mapping_merge_a_duplicate_and_read_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.marsad");
    let csv = dir.path().join("events.csv");
    std::fs::write(&csv, CSV).unwrap();
    let mut h = app_at(&db, Lang::En);
    h.run();
    let actors_before = h.state().state.store.stats().unwrap().actors;
    let events_before = h.state().state.store.stats().unwrap().events;

    review_import(&mut h.state_mut().state, csv.clone());
    settle(&mut h);
    // «متى» ("when") is not a header the guess knows: the column is not imported yet.
    h.get_by_label("(not imported)").click();
    h.run();
    h.get_by_label("Start date").click();
    settle(&mut h);
    let review = h.state().state.import.as_ref().unwrap();
    let preview = review.preview.clone().unwrap();
    assert_eq!(preview.events.created, 2);
    let problems = &review.prepared.as_ref().unwrap().plan.problems;
    assert!(problems.iter().any(|p| p.line == Some(3)), "{problems:?}");
    assert!(h.query_by_label_contains("line 3").is_some());
    // The FBI of the file is the FBI of the store.
    assert!(h.query_by_label_contains("same name").is_some());

    h.get_by_label("Mapping name").click();
    h.run();
    h.get_by_label("Mapping name").type_text("ملف الأحداث");
    h.run();
    h.get_by_label("Save mapping").click();
    h.run();
    assert!(
        h.state()
            .state
            .settings
            .csv_mappings
            .contains_key("ملف الأحداث")
    );

    h.get_by_label("Import").click();
    settle(&mut h);
    assert!(h.query_by_label("Import finished").is_some());
    let store = &h.state().state.store;
    assert_eq!(store.stats().unwrap().events, events_before + 2);
    assert_eq!(store.stats().unwrap().actors, actors_before);
    let fbi = store.find_actors_by_name("FBI").unwrap();
    assert_eq!(fbi.len(), 1);
    let linked = store.participations_of_actor(fbi[0].id).unwrap();
    let dated: Vec<_> = linked
        .iter()
        .filter_map(|p| store.event(p.event_id).unwrap())
        .filter(|e| e.start == Some("2022-01-05".parse().unwrap()))
        .collect();
    assert_eq!(dated.len(), 1);

    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().state.import.is_none());
}

#[test]
fn a_saved_mapping_applies_to_the_next_file_and_skip_leaves_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.marsad");
    let csv = dir.path().join("events.csv");
    std::fs::write(&csv, CSV).unwrap();
    let mut h = app_at(&db, Lang::Ar);
    h.run();
    let mut mapping = marsad::import::csv_mapping::guess_mapping_for(
        marsad::import::CsvTable::Events,
        &["الحدث", "متى", "actors"],
    );
    mapping.columns[1].field = Some(marsad::import::CsvField::Start);
    h.state_mut()
        .state
        .settings
        .csv_mappings
        .insert("أحداث".into(), mapping);

    review_import(&mut h.state_mut().state, csv);
    settle(&mut h);
    h.get_by_label("مطابقات محفوظة").click();
    h.run();
    h.get_by_label("أحداث").click();
    settle(&mut h);
    let review = h.state().state.import.as_ref().unwrap();
    assert_eq!(
        review.opts.mapping.as_ref().unwrap().columns[1].field,
        Some(marsad::import::CsvField::Start)
    );
    let before = h.state().state.store.export().unwrap();
    h.get_by_label("تخطٍّ").click();
    h.run();
    h.get_by_label("إلغاء").click();
    h.run();
    assert!(h.state().state.import.is_none());
    assert_eq!(h.state().state.store.export().unwrap(), before);
}

#[test]
fn export_of_the_filtered_events_writes_only_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.marsad");
    let mut h = app_at(&db, Lang::En);
    h.run();
    h.state_mut().state.settings.event_filter.kinds = vec![marsad::model::EventKind::Arrest];
    h.state_mut().state.dialogs.export = Some("json");
    h.run();
    let caption = h
        .query_by_label_contains("Only the events of the current filter")
        .expect("the export dialog offers the filter");
    caption.click();
    h.run();
    assert!(h.state().state.dialogs.export_filtered);

    let out = dir.path().join("arrests.json");
    let filter = h.state().state.settings.event_filter.clone();
    marsad::app::actions::start_export(&mut h.state_mut().state, "json", Some(filter), out.clone());
    let jobs: Vec<_> = h.state_mut().state.jobs.drain(..).collect();
    for job in jobs {
        assert!(!job.wait().failed);
    }
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let events = v["events"].as_array().unwrap();
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e["kind"] == "arrest"));
    let all = h.state().state.store.stats().unwrap().events as usize;
    assert!(events.len() < all);
}
