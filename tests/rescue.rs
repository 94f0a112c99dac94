//! Start-up on a damaged store, through the real app: the damaged file is left untouched, the
//! app explains and offers the newest good backup with its date and counts, and restores it only
//! when asked. File → Backups opens a backup read-only.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::vec2;
use egui_kittest::{
    Harness,
    kittest::{NodeT, Queryable},
};
use marsad::app::{MarsadApp, Opened, Settings, open_or_offer_rescue, open_store};
use marsad::i18n::Lang;
use std::path::{Path, PathBuf};

fn english() -> Settings {
    Settings {
        lang: Lang::En,
        ..Settings::default()
    }
}

fn app(store: marsad::store::Store, opened: Opened) -> Harness<'static, MarsadApp> {
    Harness::builder()
        .with_size(vec2(1400.0, 1000.0))
        .build_eframe(move |cc| MarsadApp::with_settings(&cc.egui_ctx, store, opened, english()))
}

/// A sample store with a backup, then one more event (which the backup lacks); closed.
/// Returns the events in the backup.
fn store_with_backup(path: &Path) -> u64 {
    let (mut store, _) = open_store(path).unwrap();
    let events = store.stats().unwrap().events;
    store.auto_backup("manual").unwrap();
    let mut e = marsad::model::Event::new(marsad::model::EventKind::Statement);
    e.title_ar = Some("بيان بعد النسخة الاحتياطية".into());
    store.write(|w| w.insert_event(&e)).unwrap();
    drop(store);
    events
}

/// Overwrites pages 2.. of the file with garbage (the header page stays readable).
fn corrupt(path: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(path).unwrap();
    assert!(bytes.len() > 4 * 4096, "the store spans several pages");
    for (i, b) in bytes[4096..].iter_mut().enumerate() {
        if (i / 512) % 2 == 0 {
            *b = (i as u8).wrapping_mul(37) ^ 0xA5;
        }
    }
    std::fs::write(path, &bytes).unwrap();
    bytes
}

fn damaged_copies(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.to_string_lossy();
            name.contains(".damaged-") && !name.ends_with("-wal") && !name.ends_with("-shm")
        })
        .collect()
}

#[test]
fn a_damaged_store_is_explained_kept_and_restored_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.marsad");
    let backup_events = store_with_backup(&path);
    let damaged = corrupt(&path);

    let (store, opened, _) = open_or_offer_rescue(&path, u64::MAX).unwrap();
    let Opened::Damaged(offer) = &opened else {
        panic!("expected a rescue offer, got {opened:?}");
    };
    let backup = offer.backup.clone().expect("the backup is offered");
    assert_eq!(backup.reason, "manual");
    assert_eq!(offer.backup_stats.as_ref().unwrap().events, backup_events);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        damaged,
        "looking changed nothing"
    );

    let mut h = app(store, opened.clone());
    h.run();
    assert!(h.query_by_label_contains("The store is damaged").is_some());
    assert!(
        h.query_by_label_contains("left it exactly as it is")
            .is_some()
    );
    let date = format!(
        "{}-{}-{}",
        &backup.stamp[..4],
        &backup.stamp[4..6],
        &backup.stamp[6..8]
    );
    // The sentence and its date are one paragraph: the date is found inside it.
    let when = h
        .query_by_label_contains("The newest good backup is from")
        .expect("the backup's date is shown");
    let when = format!("{:?}", when.accesskit_node());
    assert!(when.contains(&date), "{when}");
    let holds = h
        .query_by_label_contains("The backup holds")
        .expect("what the backup holds is shown");
    let holds = format!("{:?}", holds.accesskit_node());
    assert!(
        holds.contains(&format!("{backup_events} Events")),
        "{holds}"
    );
    assert!(h.query_by_label_contains("would be lost").is_some());
    // Several frames later, still nothing restored and the file as it was.
    h.run();
    assert_eq!(std::fs::read(&path).unwrap(), damaged);
    assert!(damaged_copies(dir.path()).is_empty());

    h.get_by_label("Restore this backup").click();
    h.run();
    let state = &h.state().state;
    assert_eq!(state.opened, Opened::Existing);
    assert!(!state.store.is_read_only());
    assert!(state.store.check().unwrap().is_ok());
    assert_eq!(state.store.stats().unwrap().events, backup_events);
    let kept = damaged_copies(dir.path());
    assert_eq!(kept.len(), 1, "the damaged file is kept aside");
    assert_eq!(std::fs::read(&kept[0]).unwrap(), damaged, "byte for byte");
    assert!(
        state
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("damaged file was kept as")),
        "{:?}",
        state.status
    );
}

#[test]
fn without_a_backup_the_damaged_store_is_explained_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.marsad");
    drop(open_store(&path).unwrap());
    let damaged = corrupt(&path);
    let (store, opened, _) = open_or_offer_rescue(&path, u64::MAX).unwrap();
    let mut h = app(store, opened);
    h.run();
    assert!(
        h.query_by_label_contains("No good backup was found")
            .is_some()
    );
    assert!(h.query_by_label("Restore this backup").is_none());
    assert_eq!(std::fs::read(&path).unwrap(), damaged);
}

#[test]
fn a_backup_opens_read_only_from_the_backups_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.marsad");
    let backup_events = store_with_backup(&path);
    let (store, opened) = open_store(&path).unwrap();
    let mut h = app(store, opened);
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Backups…").click();
    h.run();
    h.query_all_by_label("Open read-only")
        .next()
        .expect("each backup can be opened read-only")
        .click();
    h.run();
    let state = &h.state().state;
    assert_eq!(state.opened, Opened::ReadOnlyBackup);
    assert!(state.store.is_read_only());
    assert!(
        state
            .store
            .path()
            .starts_with(dir.path().join("b.marsad.backups"))
    );
    assert_eq!(state.store.stats().unwrap().events, backup_events);
    assert!(
        !state
            .settings
            .recent
            .iter()
            .any(|p| p.starts_with(dir.path().join("b.marsad.backups"))),
        "a backup is not remembered as a working store"
    );
}

/// Runs frames until the background start-up check has reported.
fn wait_for_the_startup_check(h: &mut Harness<'static, MarsadApp>) {
    let started = std::time::Instant::now();
    while h.state().state.startup_check.is_some() {
        assert!(started.elapsed().as_secs() < 60, "the check never finished");
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// A large store opens before it is checked; the check runs in the background, and damage it
/// finds turns the app to the same rescue as at start-up, with the file left as it was.
#[test]
fn a_large_store_is_checked_after_the_window_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.marsad");
    store_with_backup(&path);
    // Garbage in the middle of the last page: the schema (page 1) still reads, so the store
    // opens, and only the check that reads every page finds it.
    let mut bytes = std::fs::read(&path).unwrap();
    let n = bytes.len();
    for (i, b) in bytes[n - 3000..n - 1000].iter_mut().enumerate() {
        *b = (i as u8).wrapping_mul(91) ^ 0x3C;
    }
    std::fs::write(&path, &bytes).unwrap();

    // Any store counts as large here.
    let (store, opened, check) = open_or_offer_rescue(&path, 0).unwrap();
    assert_eq!(opened, Opened::Existing, "the window opens at once");
    let mut h = app(store, opened);
    h.state_mut().state.startup_check = check;
    wait_for_the_startup_check(&mut h);
    h.run();
    assert!(
        matches!(h.state().state.opened, Opened::Damaged(_)),
        "{:?}",
        h.state().state.opened
    );
    assert!(h.query_by_label_contains("The store is damaged").is_some());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file is untouched"
    );
}

/// A sound large store passes the background check and is backed up for the day by it.
#[test]
fn a_sound_large_store_passes_the_background_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.marsad");
    drop(open_store(&path).unwrap());
    for b in marsad::store::rotation::list(&path).unwrap() {
        std::fs::remove_file(b.path).unwrap();
    }
    let (store, opened, check) = open_or_offer_rescue(&path, 0).unwrap();
    assert_eq!(opened, Opened::Existing);
    let mut h = app(store, opened);
    h.state_mut().state.startup_check = check;
    wait_for_the_startup_check(&mut h);
    assert_eq!(h.state().state.opened, Opened::Existing);
    let backups = marsad::store::rotation::list(&path).unwrap();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(backups[0].reason, "daily");
}
