//! File-system faults and hostile neighbours: write-protected stores and folders, a second
//! Marsad on the same store, owner-only permissions, a leftover from a crashed creation.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marsad::model::*;
use marsad::store::*;
use std::path::{Path, PathBuf};
use std::process::Output;

fn marsad(db: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_marsad"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("MARSAD_DB")
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A closed store with one actor, and the CSV of another to import.
fn store_with_one_actor(dir: &Path) -> (PathBuf, PathBuf) {
    let db = dir.join("s.marsad");
    let mut store = Store::open(&db).unwrap();
    let mut a = Actor::new(ActorKind::State);
    a.name_ar = Some("المغرب".into());
    store.write(|w| w.insert_actor(&a)).unwrap();
    drop(store);
    // Fold the WAL into the file so that its bytes are the whole store.
    let c = rusqlite::Connection::open(&db).unwrap();
    c.pragma_update(None, "wal_checkpoint", "TRUNCATE").unwrap();
    drop(c);
    let csv = dir.join("more.csv");
    std::fs::write(
        &csv,
        "event_id_cnty,event_date,event_type,sub_event_type,actor1,country,notes\n\
         X1,2022-03-26,Strategic developments,Arrests,Police Forces of Morocco,Morocco,اعتقال\n",
    )
    .unwrap();
    (db, csv)
}

fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[cfg(unix)]
fn chmod(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn a_write_protected_store_opens_read_only_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let (db, csv) = store_with_one_actor(dir.path());
    chmod(&db, 0o444);
    let before = std::fs::read(&db).unwrap();

    let err = Store::open(&db).unwrap_err();
    assert!(matches!(err, StoreError::NotWritable { .. }), "{err:?}");
    assert!(err.to_string().contains("write-protected"), "{err}");
    assert!(err.to_string().contains("read-only"), "{err}");

    let (store, opened) = marsad::app::open_store(&db).unwrap();
    assert_eq!(opened, marsad::app::Opened::ReadOnlyProtected);
    assert!(store.is_read_only());
    assert_eq!(store.stats().unwrap().actors, 1);
    drop(store);

    let stats = marsad(&db, &["stats"]);
    assert!(stats.status.success(), "{}", stderr(&stats));
    let import = marsad(&db, &["import", csv.to_str().unwrap()]);
    assert_eq!(import.status.code(), Some(1), "{}", stderr(&import));
    assert!(
        stderr(&import).contains("write-protected"),
        "{}",
        stderr(&import)
    );
    assert!(!stderr(&import).contains("panicked"));
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the store was modified"
    );
    chmod(&db, 0o600);
}

#[cfg(unix)]
#[test]
fn a_store_in_a_write_protected_folder_opens_read_only_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ro");
    std::fs::create_dir(&folder).unwrap();
    let (db, csv) = store_with_one_actor(&folder);
    let before_bytes = std::fs::read(&db).unwrap();
    chmod(&folder, 0o555);
    let before = listing(&folder);

    let err = Store::open(&db).unwrap_err();
    assert!(matches!(err, StoreError::NotWritable { .. }), "{err:?}");
    assert!(
        err.to_string().contains("folder is write-protected"),
        "{err}"
    );
    let ro = Store::open_read_only(&db).unwrap();
    assert_eq!(ro.stats().unwrap().actors, 1);
    assert!(ro.check().unwrap().is_ok());
    drop(ro);
    let (_, opened) = marsad::app::open_store(&db).unwrap();
    assert_eq!(opened, marsad::app::Opened::ReadOnlyProtected);

    let stats = marsad(&db, &["stats"]);
    assert!(stats.status.success(), "{}", stderr(&stats));
    let import = marsad(&db, &["import", csv.to_str().unwrap()]);
    assert_eq!(import.status.code(), Some(1), "{}", stderr(&import));
    assert!(
        stderr(&import).contains("write-protected"),
        "{}",
        stderr(&import)
    );

    assert_eq!(listing(&folder), before, "files were created in the folder");
    assert_eq!(std::fs::read(&db).unwrap(), before_bytes);
    chmod(&folder, 0o755);
}

#[test]
fn a_second_marsad_on_the_same_store_reads_but_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let (db, csv) = store_with_one_actor(dir.path());
    let first = Store::open(&db).unwrap();

    let err = Store::open(&db).unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
    let import = marsad(&db, &["import", csv.to_str().unwrap()]);
    assert_eq!(import.status.code(), Some(1), "{}", stderr(&import));
    assert!(
        stderr(&import).contains("open in another Marsad window or process"),
        "{}",
        stderr(&import)
    );
    let stats = marsad(&db, &["stats", "--json"]);
    assert!(stats.status.success(), "{}", stderr(&stats));
    assert!(String::from_utf8_lossy(&stats.stdout).contains("\"actors\":1"));
    let (_, opened) = marsad::app::open_store(&db).unwrap();
    assert_eq!(opened, marsad::app::Opened::ReadOnlyInUse);

    assert_eq!(first.stats().unwrap().actors, 1);
    assert!(first.check().unwrap().is_ok());
    drop(first);
    let import = marsad(&db, &["import", csv.to_str().unwrap()]);
    assert!(import.status.success(), "{}", stderr(&import));
}

#[cfg(unix)]
#[test]
fn store_side_files_and_backups_are_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.marsad");
    let mut store = Store::open(&db).unwrap();
    let mut a = Actor::new(ActorKind::State);
    a.name_ar = Some("تونس".into());
    store.write(|w| w.insert_actor(&a)).unwrap();
    let auto = store.auto_backup("manual").unwrap();
    let out = dir.path().join("copy.marsad");
    store.backup_to(&out).unwrap();
    for (what, p) in [
        ("store", db.clone()),
        ("WAL", dir.path().join("p.marsad-wal")),
        ("shared memory", dir.path().join("p.marsad-shm")),
        ("lock", lock_path(&db)),
        ("automatic backup", auto.path.clone()),
        ("backup --out", out.clone()),
    ] {
        assert_eq!(mode(&p), 0o600, "{what}: {}", p.display());
    }
    assert_eq!(mode(&rotation::backup_dir(&db)), 0o700);
    drop(store);
    let cli_out = dir.path().join("cli.marsad");
    let o = marsad(&db, &["backup", "--out", cli_out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(mode(&cli_out), 0o600);
}

#[test]
fn a_leftover_from_a_crashed_creation_does_not_block_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.marsad");
    std::fs::write(dir.path().join("n.marsad.creating"), b"half").unwrap();
    let store = Store::open(&db).unwrap();
    assert_eq!(store.stats().unwrap(), Stats::default());
    assert!(store.check().unwrap().is_ok());
    assert!(!dir.path().join("n.marsad.creating").exists());
}

#[test]
fn files_that_are_not_stores_get_a_clear_message_from_app_and_cli_and_stay_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let other_app = dir.path().join("places.sqlite");
    {
        let c = rusqlite::Connection::open(&other_app).unwrap();
        c.execute_batch("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);")
            .unwrap();
    }
    let cases: Vec<(PathBuf, &str)> = vec![
        (dir.path().join("empty.marsad"), "the file is empty"),
        (dir.path().join("random.marsad"), "not an SQLite database"),
        (dir.path().join("export.marsad"), "zip archive"),
        (other_app, "another application"),
    ];
    std::fs::write(&cases[0].0, b"").unwrap();
    let noise: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&cases[1].0, noise).unwrap();
    std::fs::write(&cases[2].0, b"PK\x03\x04\x14\x00\x06\x00word/document.xml").unwrap();
    for (path, reason) in &cases {
        let before = std::fs::read(path).unwrap();
        let err = marsad::app::open_or_offer_rescue(path, u64::MAX).expect_err("refused");
        assert!(err.to_string().contains("is not a Marsad store"), "{err}");
        assert!(err.to_string().contains(reason), "{err}");
        let o = marsad(path, &["stats"]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(stderr(&o).contains(reason), "{}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"));
        assert_eq!(
            std::fs::read(path).unwrap(),
            before,
            "{} changed",
            path.display()
        );
    }
}
