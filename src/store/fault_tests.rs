//! I/O faults inside the store: a full disk (simulated with `PRAGMA max_page_count`) and a store
//! file that disappears while open.

use super::*;
use crate::model::{ActorKind, EventKind, Role};

fn dataset(events: usize, salt: &str) -> Dataset {
    let mut d = Dataset::default();
    let mut actor = Actor::new(ActorKind::State);
    actor.name_ar = Some(format!("دولة {salt}"));
    for i in 0..events {
        let mut e = Event::new(EventKind::Arrest);
        e.title_ar = Some(format!(
            "اعتقال رقم {i} في {salt} — {}",
            "نص طويل ".repeat(20)
        ));
        e.start = "2022-03-26".parse().ok();
        d.participations
            .push(Participation::new(e.id, actor.id, Role::ArrestingBody));
        d.events.push(e);
    }
    d.actors.push(actor);
    d
}

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("f.marsad")).unwrap();
    (dir, store)
}

#[test]
fn a_full_disk_fails_the_import_clearly_and_changes_nothing() {
    let (dir, mut store) = temp_store();
    store.import(&dataset(20, "قديم")).unwrap();
    let before = store.export().unwrap();
    let pages: i64 = store
        .conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    store
        .conn
        .pragma_update(None, "max_page_count", pages + 8)
        .unwrap();
    let err = store.import(&dataset(2000, "جديد")).unwrap_err();
    assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    assert!(err.to_string().contains("disk is full"), "{err}");
    assert!(err.to_string().contains("nothing was changed"), "{err}");
    assert!(err.is_user_error());
    assert_eq!(
        store.export().unwrap(),
        before,
        "the failed import left nothing"
    );
    assert!(store.check().unwrap().is_ok());
    // The store keeps working for what fits.
    store.import(&dataset(1, "صغير")).unwrap();
    drop(store);
    let reopened = Store::open(&dir.path().join("f.marsad")).unwrap();
    assert_eq!(reopened.stats().unwrap().events, 21);
    assert!(reopened.check().unwrap().is_ok());
}

#[test]
fn a_store_deleted_while_open_refuses_writes_instead_of_losing_them() {
    let (dir, mut store) = temp_store();
    let path = dir.path().join("f.marsad");
    store.import(&dataset(3, "أ")).unwrap();
    let aside = dir.path().join("moved.marsad");
    std::fs::rename(&path, &aside).unwrap();
    let err = store.import(&dataset(3, "ب")).unwrap_err();
    assert!(matches!(err, StoreError::Vanished { .. }), "{err:?}");
    assert!(err.to_string().contains("moved or deleted"), "{err}");
    assert!(err.is_user_error());
    // Reading still works, and once the file is back writes go on.
    assert_eq!(store.stats().unwrap().events, 3);
    std::fs::rename(&aside, &path).unwrap();
    store.import(&dataset(3, "ب")).unwrap();
    assert_eq!(store.stats().unwrap().events, 6);
    // Deleted outright (the folder with it): refused, no panic.
    std::fs::remove_dir_all(dir.path()).unwrap();
    let err = store.import(&dataset(1, "ج")).unwrap_err();
    assert!(matches!(err, StoreError::Vanished { .. }), "{err:?}");
}

#[test]
fn a_file_replaced_under_the_same_name_is_not_written_either() {
    let (dir, mut store) = temp_store();
    let path = dir.path().join("f.marsad");
    let other = dir.path().join("other.marsad");
    drop(Store::open(&other).unwrap());
    std::fs::remove_file(&path).unwrap();
    std::fs::rename(&other, &path).unwrap();
    let err = store.import(&dataset(1, "د")).unwrap_err();
    assert!(matches!(err, StoreError::Vanished { .. }), "{err:?}");
}
