//! Crash safety: the real `marsad` binary is killed with SIGKILL at seeded pseudo-random moments
//! of an import, an edit session, a backup and a store's creation (its first migration), and
//! after every kill the store opens, passes `integrity_check` and `foreign_key_check`, and holds
//! exactly the state before the command or the state after it — never anything in between.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stderr)]

use marsad::store::Store;
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Rows of the big import (the issue asks for at least 10k).
const ROWS: usize = 10_000;
/// Kills during the big import.
const IMPORT_KILLS: usize = 20;

/// A small deterministic generator (xorshift64*), so every run kills at the same moments.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A fraction in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const ACTORS: &[&str] = &[
    "Police Forces of Morocco (1999-)",
    "DGST: General Directorate for Territorial Surveillance",
    "Military Forces of Algeria (1999-)",
    "Islamic State (Morocco)",
    "Civilians (Morocco)",
    "Military Forces of Tunisia (2021-)",
    "Police Forces of Mauritania (2019-)",
    "AQIM: Al Qaeda in the Islamic Maghreb",
];

const PLACES: &[(&str, &str, &str)] = &[
    ("Morocco", "504", "Casablanca"),
    ("Algeria", "12", "Tamanrasset"),
    ("Tunisia", "788", "Kasserine"),
    ("Mauritania", "478", "Nouakchott"),
];

/// An ACLED export of `rows` events numbered from `first`; `edition` changes the notes, so the
/// same event ids imported again are updates.
fn acled_csv(first: usize, rows: usize, edition: u32) -> String {
    let mut s = String::from(
        "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,\
         assoc_actor_1,inter1,actor2,inter2,country,iso,location,latitude,longitude,source,\
         notes,fatalities\n",
    );
    for i in first..first + rows {
        let (country, iso, place) = PLACES[i % PLACES.len()];
        let a1 = ACTORS[i % ACTORS.len()];
        let a2 = ACTORS[(i / 3 + 1) % ACTORS.len()];
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        let year = 2015 + (i / 336) % 10;
        s.push_str(&format!(
            "KT{i},{year}-{month:02}-{day:02},{year},1,Strategic developments,Arrests,\"{a1}\",,\
             State forces,\"{a2}\",Civilians,{country},{iso},{place},33.5,-7.6,Hespress; Le360,\
             \"Edition {edition}: on this day, event {i} in {place}, عملية أمنية رقم {i}.\",0\n"
        ));
    }
    s
}

fn marsad(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_marsad"));
    c.arg("--db")
        .arg(db)
        .env_remove("MARSAD_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

fn run_ok(db: &Path, args: &[&str]) {
    let out = marsad(db).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "marsad {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Starts `marsad args`, SIGKILLs it after `delay` (unless it finished first) and says whether
/// it was killed.
fn kill_after(db: &Path, args: &[&str], delay: Duration) -> bool {
    let mut child: Child = marsad(db).args(args).spawn().unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "marsad {args:?} failed on its own");
            return false;
        }
        if start.elapsed() >= delay {
            child.kill().unwrap(); // SIGKILL on Unix
            child.wait().unwrap();
            return true;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// Times a command run to completion.
fn timed(db: &Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    run_ok(db, args);
    start.elapsed()
}

/// What a store holds: rows per table and a checksum of every row of every table (the
/// full-text index's shadow tables excluded: their layout depends on merge history).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Content(BTreeMap<String, (u64, u64)>);

impl Content {
    fn events(&self) -> u64 {
        self.0.get("event").map_or(0, |c| c.0)
    }
}

/// Opens the store the way Marsad does after a crash, checks it and reads its content.
fn open_and_check(db: &Path) -> Content {
    let store = Store::open(db).unwrap_or_else(|e| panic!("{}: {e}", db.display()));
    let report = store.check().unwrap();
    assert!(report.is_ok(), "{}: {report:?}", db.display());
    drop(store);
    let conn = rusqlite::Connection::open(db).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let fk: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0, "foreign_key_check must be empty");
    content(&conn)
}

fn content(conn: &rusqlite::Connection) -> Content {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name NOT LIKE 'search_fts%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut out = BTreeMap::new();
    for t in tables {
        // Every column as the sort key: WITHOUT ROWID tables have no rowid.
        let width = conn
            .prepare(&format!("SELECT * FROM \"{t}\""))
            .unwrap()
            .column_count();
        let order: Vec<String> = (1..=width).map(|i| i.to_string()).collect();
        let mut stmt = conn
            .prepare(&format!(
                "SELECT * FROM \"{t}\" ORDER BY {}",
                order.join(", ")
            ))
            .unwrap();
        let cols = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        let (mut n, mut h) = (0u64, DefaultHasher::new());
        while let Some(row) = rows.next().unwrap() {
            n += 1;
            for c in 0..cols {
                match row.get_ref(c).unwrap() {
                    rusqlite::types::ValueRef::Null => 0u8.hash(&mut h),
                    rusqlite::types::ValueRef::Integer(i) => i.hash(&mut h),
                    rusqlite::types::ValueRef::Real(f) => f.to_bits().hash(&mut h),
                    rusqlite::types::ValueRef::Text(b) | rusqlite::types::ValueRef::Blob(b) => {
                        b.hash(&mut h)
                    }
                }
            }
        }
        out.insert(t, (n, h.finish()));
    }
    Content(out)
}

/// Removes the store and everything beside it (WAL, lock, backups) and puts `from` in its place.
fn reset(db: &Path, from: &Path) {
    let dir = db.parent().unwrap();
    let name = db.file_name().unwrap().to_string_lossy().into_owned();
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.file_name().unwrap().to_string_lossy().starts_with(&name) {
            if p.is_dir() {
                std::fs::remove_dir_all(&p).unwrap();
            } else {
                std::fs::remove_file(&p).unwrap();
            }
        }
    }
    std::fs::copy(from, db).unwrap();
}

/// A closed store file (no WAL left beside it) that copies cleanly.
fn checkpointed(db: &Path, snapshot: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .unwrap();
    drop(conn);
    std::fs::copy(db, snapshot).unwrap();
}

struct Bench {
    _dir: tempfile::TempDir,
    dir: PathBuf,
}

impl Bench {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_owned();
        Self {
            _dir: dir,
            dir: path,
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, text).unwrap();
        p
    }
}

#[test]
fn sigkill_during_a_big_import_leaves_the_old_store_or_the_whole_import() {
    let b = Bench::new();
    // The old store: 300 events, 100 of which the big import updates.
    let small = b.write("small.csv", &acled_csv(0, 300, 1));
    let big = b.write("big.csv", &acled_csv(200, ROWS, 2));
    let (small, big) = (small.to_str().unwrap(), big.to_str().unwrap());
    let work = b.path("work.marsad");
    run_ok(&work, &["import", small]);
    let old_file = b.path("old.snapshot");
    checkpointed(&work, &old_file);
    let old = open_and_check(&work);
    assert_eq!(old.events(), 300);

    // The reference: the same import run to completion, timed to spread the kills over it.
    // The generated events repeat dates, places and actors but are distinct ACLED events, so
    // the import keeps them all (`--duplicates keep`) and the counts are known.
    let took = timed(&work, &["import", big, "--duplicates", "keep"]);
    let new = open_and_check(&work);
    assert_eq!(new.events(), (200 + ROWS) as u64);
    assert_ne!(old, new);

    let mut rng = Rng(0x4D52_5344_0009);
    let (mut olds, mut news) = (0, 0);
    for k in 0..IMPORT_KILLS {
        reset(&work, &old_file);
        let delay = took.mul_f64(rng.unit());
        let killed = kill_after(&work, &["import", big, "--duplicates", "keep"], delay);
        let after = open_and_check(&work);
        if after == old {
            olds += 1;
        } else if after == new {
            news += 1;
        } else {
            panic!("kill {k} at {delay:?} (killed: {killed}) left a mixed store: {after:?}");
        }
    }
    eprintln!(
        "import of {ROWS} rows took {took:?}; after {IMPORT_KILLS} kills: {olds} old, {news} complete"
    );
    assert_eq!(olds + news, IMPORT_KILLS);
}

#[test]
fn sigkill_during_an_edit_session_keeps_every_finished_step() {
    let b = Bench::new();
    let work = b.path("work.marsad");
    // Eight successive imports, each adding events and updating the previous step's.
    let steps: Vec<String> = (0..8)
        .map(|i| {
            let p = b.write(&format!("step{i}.csv"), &acled_csv(i * 150, 300, i as u32));
            p.to_str().unwrap().to_owned()
        })
        .collect();
    run_ok(&work, &["stats"]);
    let start_file = b.path("start.snapshot");
    checkpointed(&work, &start_file);
    let mut states = vec![open_and_check(&work)];
    let mut took = Vec::new();
    for s in &steps {
        took.push(timed(&work, &["import", s, "--duplicates", "keep"]));
        states.push(open_and_check(&work));
    }

    reset(&work, &start_file);
    let mut rng = Rng(0x5AFE_7700_0002);
    for (i, s) in steps.iter().enumerate() {
        let delay = took[i].mul_f64(rng.unit());
        kill_after(&work, &["import", s, "--duplicates", "keep"], delay);
        let after = open_and_check(&work);
        assert!(
            after == states[i] || after == states[i + 1],
            "step {i}: killed at {delay:?}, the store is neither before nor after the step"
        );
        if after == states[i] {
            run_ok(&work, &["import", s, "--duplicates", "keep"]); // the user runs it again
            assert_eq!(open_and_check(&work), states[i + 1]);
        }
    }
}

#[test]
fn sigkill_during_a_backup_leaves_the_store_and_never_a_half_backup() {
    let b = Bench::new();
    let work = b.path("work.marsad");
    let data = b.write("data.csv", &acled_csv(0, 3000, 1));
    run_ok(&work, &["import", data.to_str().unwrap()]);
    let base_file = b.path("base.snapshot");
    checkpointed(&work, &base_file);
    let base = open_and_check(&work);
    let dest = b.path("copy.marsad");
    let dest_s = dest.to_str().unwrap().to_owned();
    let took = timed(&work, &["backup", "--out", &dest_s]);

    let mut rng = Rng(0xBAC0_0000_0003);
    let mut complete = 0;
    for k in 0..12 {
        reset(&work, &base_file);
        let _ = std::fs::remove_file(&dest);
        let delay = took.mul_f64(rng.unit());
        kill_after(&work, &["backup", "--out", &dest_s], delay);
        assert_eq!(open_and_check(&work), base, "kill {k}: the store changed");
        if dest.exists() {
            // Under its final name a backup is always whole and verified.
            let conn = rusqlite::Connection::open_with_flags(
                &dest,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
            )
            .unwrap();
            assert_eq!(content(&conn), base, "kill {k}: a partial backup");
            complete += 1;
        }
    }
    eprintln!("backup took {took:?}; {complete} of 12 killed backups had completed");
}

/// Marsad has one schema version so far, so the only migration is a new store's first
/// (0 → 1); a kill there must leave no file, or a store that opens.
#[test]
fn sigkill_while_a_store_is_created_never_leaves_an_unopenable_file() {
    let b = Bench::new();
    let work = b.path("new.marsad");
    let took = timed(&work, &["stats"]);
    let mut rng = Rng(0x0001_0000_0004);
    for k in 0..12 {
        for p in std::fs::read_dir(&b.dir).unwrap() {
            std::fs::remove_file(p.unwrap().path()).unwrap();
        }
        let delay = took.mul_f64(rng.unit());
        kill_after(&work, &["stats"], delay);
        if work.exists() {
            let c = open_and_check(&work);
            assert_eq!(c.events(), 0, "kill {k}");
        }
        // Whatever the kill left, the next start works.
        run_ok(&work, &["stats"]);
    }
}
