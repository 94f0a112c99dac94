//! The `marsad` binary as a user runs it: exit codes, messages, JSON output.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

fn marsad(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marsad"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("MARSAD_DB")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn missing_db_is_created_empty() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.marsad");
    let o = marsad(&db, &["stats", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["events"], 0);
    assert!(db.exists());
}

#[test]
fn sample_loads_once_and_search_finds_arabic_variants() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.marsad");
    let o = marsad(&db, &["sample"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let first: serde_json::Value =
        serde_json::from_str(&stdout(&marsad(&db, &["stats", "--json"]))).unwrap();
    assert!(first["events"].as_u64().unwrap() >= 30);
    let again = marsad(&db, &["sample"]);
    assert!(
        stdout(&again).contains(": 0 records written"),
        "{}",
        stdout(&again)
    );
    let second: serde_json::Value =
        serde_json::from_str(&stdout(&marsad(&db, &["stats", "--json"]))).unwrap();
    assert_eq!(first, second);

    let o = marsad(&db, &["search", "الارهاب", "--json", "--limit", "5"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["count"], 5);
    let hit = &v["hits"][0];
    for key in ["kind", "id", "title", "snippet", "highlights", "score"] {
        assert!(hit.get(key).is_some(), "missing {key} in {hit}");
    }
    let o = marsad(&db, &["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("ok"));
}

#[test]
fn export_then_import_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.marsad");
    assert!(marsad(&a, &["sample"]).status.success());
    let file = dir.path().join("out.json");
    let o = marsad(
        &a,
        &[
            "export",
            "--format",
            "json",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let b = dir.path().join("b.marsad");
    let dry = marsad(
        &b,
        &["import", file.to_str().unwrap(), "--dry-run", "--json"],
    );
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&marsad(&b, &["stats", "--json"])))
            .unwrap()["events"],
        0
    );
    assert!(
        marsad(&b, &["import", file.to_str().unwrap()])
            .status
            .success()
    );
    let again = dir.path().join("again.json");
    assert!(
        marsad(&b, &["export", "--out", again.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        std::fs::read(&again).unwrap()
    );
}

#[test]
fn user_errors_exit_1_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.marsad");
    std::fs::write(&junk, b"not a database at all, just text").unwrap();
    let o = marsad(&junk, &["stats"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("is not a Marsad store"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stderr(&o).trim().lines().count(), 1);

    let db = dir.path().join("ok.marsad");
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\"format\":\"marsad\",\"version\":1,\n\"events\":[{\"kind\":\"raid\"}]}",
    )
    .unwrap();
    let o = marsad(&db, &["import", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("bad.json") && err.contains("line 2"), "{err}");

    let o = marsad(&db, &["export", "--format", "xlsx", "--out", "x"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("unknown export format"));
}

#[test]
fn backup_writes_a_verified_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.marsad");
    assert!(marsad(&db, &["sample"]).status.success());
    let out = dir.path().join("copy.marsad");
    let o = marsad(&db, &["backup", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&marsad(&out, &["stats", "--json"]))).unwrap();
    assert!(v["events"].as_u64().unwrap() >= 30);
}

fn events(db: &Path) -> u64 {
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&marsad(db, &["stats", "--json"]))).unwrap();
    v["events"].as_u64().unwrap()
}

#[test]
fn backups_rotate_in_their_folder_and_restore_asks_then_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.marsad");
    assert!(marsad(&db, &["sample"]).status.success());
    let sample_events = events(&db);
    let o = marsad(&db, &["backup"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&marsad(&db, &["backups", "--json"]))).unwrap();
    let backups = list["backups"].as_array().unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0]["reason"], "manual");
    let backup = backups[0]["path"].as_str().unwrap().to_owned();
    assert!(backup.contains("b.marsad.backups"));

    // A different, empty store: restore needs --yes, and changes nothing without it.
    let other = dir.path().join("other.marsad");
    assert_eq!(events(&other), 0);
    let refused = marsad(&other, &["restore", &backup]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("--yes"), "{}", stderr(&refused));
    assert_eq!(events(&other), 0);
    let o = marsad(&other, &["restore", &backup, "--yes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(events(&other), sample_events);
    // The content it replaced was kept first.
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&marsad(&other, &["backups", "--json"]))).unwrap();
    assert_eq!(list["backups"][0]["reason"], "before-restore");
    let check = marsad(&other, &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn restoring_something_that_is_not_a_store_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.marsad");
    assert!(marsad(&db, &["sample"]).status.success());
    let before = events(&db);
    let junk = dir.path().join("junk.marsad");
    std::fs::write(&junk, b"PK\x03\x04 not a database at all").unwrap();
    let o = marsad(&db, &["restore", junk.to_str().unwrap(), "--yes"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(events(&db), before);
    assert_eq!(
        std::fs::read(&junk).unwrap(),
        b"PK\x03\x04 not a database at all"
    );
}

#[test]
fn import_offers_stored_duplicates_as_merge_skip_or_keep() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.marsad");
    assert!(marsad(&db, &["sample"]).status.success());
    let csv = dir.path().join("actors.csv");
    std::fs::write(
        &csv,
        "name,acronym,kind\nFederal Bureau of Investigation,FBI,agency\nمنظمة جديدة تماما,,agency\n",
    )
    .unwrap();
    let csv = csv.to_str().unwrap();
    let stats = |db: &Path| -> serde_json::Value {
        serde_json::from_str(&stdout(&marsad(db, &["stats", "--json"]))).unwrap()
    };
    let before = stats(&db)["actors"].as_u64().unwrap();

    let o = marsad(&db, &["import", csv, "--dry-run", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["duplicate_records"][0]["kind"], "actor");
    let name = v["duplicate_records"][0]["reason"]["value"]
        .as_str()
        .unwrap();
    assert!(
        ["FBI", "Federal Bureau of Investigation"].contains(&name),
        "{v}"
    );
    assert_eq!(v["duplicates"]["merged"], 1);
    assert_eq!(stats(&db)["actors"].as_u64().unwrap(), before);

    let bad = marsad(&db, &["import", csv, "--duplicates", "maybe"]);
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    assert!(
        stderr(&bad).contains("merge, skip or keep"),
        "{}",
        stderr(&bad)
    );

    let o = marsad(&db, &["import", csv, "--duplicates", "keep", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stats(&db)["actors"].as_u64().unwrap(), before + 2);
}

#[test]
fn import_reads_a_saved_csv_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.marsad");
    let csv = dir.path().join("events.csv");
    std::fs::write(
        &csv,
        "الحدث,متى,صنف\nتفكيك خلية في وجدة,5 يناير 2022,arrest\n",
    )
    .unwrap();
    let mapping = dir.path().join("mapping.json");
    std::fs::write(
        &mapping,
        r#"{"table":"events","columns":[{"header":"الحدث","field":"title"},{"header":"متى","field":"start"},{"header":"صنف","field":"kind"}]}"#,
    )
    .unwrap();
    let o = marsad(
        &db,
        &[
            "import",
            csv.to_str().unwrap(),
            "--mapping",
            mapping.to_str().unwrap(),
            "--json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["summary"]["events"]["created"], 1);
    let json = dir.path().join("out.json");
    let o = marsad(
        &db,
        &[
            "export",
            "--format",
            "json",
            "--out",
            json.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&json).unwrap();
    assert!(text.contains("\"2022-01-05\""), "{text}");

    std::fs::write(&mapping, "{\"table\": \"events\",\n \"columns\": 7}").unwrap();
    let o = marsad(
        &db,
        &[
            "import",
            csv.to_str().unwrap(),
            "--mapping",
            mapping.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));
}

#[test]
fn export_filters_write_the_chosen_events_with_what_they_need() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.marsad");
    assert!(marsad(&db, &["sample"]).status.success());
    let out = dir.path().join("arrests.json");
    let o = marsad(
        &db,
        &[
            "export",
            "--format",
            "json",
            "--out",
            out.to_str().unwrap(),
            "--from",
            "2021",
            "--to",
            "2022-12",
            "--type",
            "arrest",
            "--actor",
            "DGST",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let events = v["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for e in events {
        assert_eq!(e["kind"], "arrest", "{e}");
        let start = e["start"].as_str().unwrap();
        assert!(("2021".."2023").contains(&start), "{start}");
    }
    assert!(v["actors"].as_array().unwrap().len() >= 2);
    // The part imports into an empty store as it is.
    let other = dir.path().join("other.marsad");
    let o = marsad(&other, &["import", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));

    let o = marsad(
        &db,
        &[
            "export",
            "--out",
            out.to_str().unwrap(),
            "--actor",
            "لا أحد بهذا الاسم",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no such actor"), "{}", stderr(&o));
    let o = marsad(
        &db,
        &["export", "--out", out.to_str().unwrap(), "--type", "raid"],
    );
    assert_eq!(o.status.code(), Some(1));
}
