//! Schema migrations, versioned by `PRAGMA user_version`, each applied in its own transaction.

use super::error::{Result, StoreError};
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

/// One step from `version - 1` to `version`.
pub(crate) struct Migration {
    /// The version the store has after this step.
    pub version: i64,
    /// The SQL that performs it.
    pub sql: &'static str,
}

/// Every migration, in order. Append only: a released migration is never edited.
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        sql: include_str!("migrations/v001_initial.sql"),
    },
    Migration {
        version: 2,
        sql: include_str!("migrations/v002_briefings.sql"),
    },
    Migration {
        version: 3,
        sql: include_str!("migrations/v003_event_order.sql"),
    },
    Migration {
        version: 4,
        sql: include_str!("migrations/v004_event_summary.sql"),
    },
];

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = 4;

/// Reads the store's schema version.
pub(crate) fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Refuses a store from a newer Marsad without touching it.
pub(crate) fn check_not_newer(conn: &Connection, path: &Path) -> Result<()> {
    let found = version(conn)?;
    if found > CURRENT_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found,
            supported: CURRENT_VERSION,
        });
    }
    Ok(())
}

/// Brings the store up to [`CURRENT_VERSION`], one transaction per step, so that a failure
/// leaves the store at the last version that completed.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    migrate_with(conn, path, MIGRATIONS)
}

pub(crate) fn migrate_with(conn: &mut Connection, path: &Path, steps: &[Migration]) -> Result<()> {
    check_not_newer(conn, path)?;
    for step in steps {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Re-read inside the write lock: another process may have migrated meanwhile.
        if version(&tx)? >= step.version {
            continue;
        }
        tx.execute_batch(step.sql)?;
        tx.pragma_update(None, "user_version", step.version)?;
        tx.commit()?;
        log::info!(
            "{}: migrated store to schema version {}",
            path.display(),
            step.version
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_store_reaches_current_version() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate(&mut c, Path::new(":memory:")).unwrap();
        assert_eq!(version(&c).unwrap(), CURRENT_VERSION);
        // Running again is a no-op.
        migrate(&mut c, Path::new(":memory:")).unwrap();
        assert_eq!(version(&c).unwrap(), CURRENT_VERSION);
    }

    #[test]
    fn versions_are_consecutive() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1);
        }
        assert_eq!(MIGRATIONS.last().map(|m| m.version), Some(CURRENT_VERSION));
    }

    #[test]
    fn failing_migration_leaves_previous_version_and_content() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate(&mut c, Path::new(":memory:")).unwrap();
        c.execute("INSERT INTO meta (key, value) VALUES ('probe', 'kept')", [])
            .unwrap();
        let broken = [Migration {
            version: CURRENT_VERSION + 1,
            sql: "ALTER TABLE meta ADD COLUMN extra TEXT; INSERT INTO meta VALUES ('x'); ",
        }];
        assert!(migrate_with(&mut c, Path::new(":memory:"), &broken).is_err());
        assert_eq!(version(&c).unwrap(), CURRENT_VERSION);
        let cols: i64 = c
            .query_row("SELECT count(*) FROM pragma_table_info('meta')", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(cols, 2, "the half-applied ALTER must be rolled back");
        let kept: String = c
            .query_row("SELECT value FROM meta WHERE key = 'probe'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(kept, "kept");
    }

    #[test]
    fn a_failing_migration_on_a_store_file_keeps_its_version_and_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.marsad");
        let mut c = Connection::open(&path).unwrap();
        c.pragma_update(None, "journal_mode", "WAL").unwrap();
        migrate(&mut c, &path).unwrap();
        c.execute("INSERT INTO meta (key, value) VALUES ('probe', 'kept')", [])
            .unwrap();
        // The second of two new steps fails: the first stays applied, the store stays sound.
        let steps = [
            Migration {
                version: CURRENT_VERSION + 1,
                sql: "CREATE TABLE added_by_step_one (x INTEGER) STRICT;",
            },
            Migration {
                version: CURRENT_VERSION + 2,
                sql: "CREATE TABLE added_by_step_two (x INTEGER); SELECT no_such_function();",
            },
        ];
        assert!(migrate_with(&mut c, &path, &steps).is_err());
        drop(c);
        let c = Connection::open(&path).unwrap();
        assert_eq!(version(&c).unwrap(), CURRENT_VERSION + 1);
        let tables = |name: &str| -> i64 {
            c.query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .unwrap()
        };
        assert_eq!(tables("added_by_step_one"), 1);
        assert_eq!(
            tables("added_by_step_two"),
            0,
            "the failed step left nothing"
        );
        let kept: String = c
            .query_row("SELECT value FROM meta WHERE key = 'probe'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(kept, "kept");
        let ok: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
    }

    #[test]
    fn version_1_store_gains_briefings_and_keeps_its_records() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate_with(&mut c, Path::new(":memory:"), &MIGRATIONS[..1]).unwrap();
        assert_eq!(version(&c).unwrap(), 1);
        c.execute("INSERT INTO meta (key, value) VALUES ('probe', 'kept')", [])
            .unwrap();
        migrate_with(&mut c, Path::new(":memory:"), &MIGRATIONS[..2]).unwrap();
        assert_eq!(version(&c).unwrap(), 2);
        let briefings: i64 = c
            .query_row("SELECT count(*) FROM briefing", [], |r| r.get(0))
            .unwrap();
        assert_eq!(briefings, 0);
        let kept: String = c
            .query_row("SELECT value FROM meta WHERE key = 'probe'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(kept, "kept");
    }

    #[test]
    fn version_2_store_gains_the_date_order_index() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate_with(&mut c, Path::new(":memory:"), &MIGRATIONS[..2]).unwrap();
        let has_index = |c: &Connection| -> bool {
            c.query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'event_date_order'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .unwrap()
                == 1
        };
        assert!(!has_index(&c));
        migrate_with(&mut c, Path::new(":memory:"), &MIGRATIONS[..3]).unwrap();
        assert_eq!(version(&c).unwrap(), 3);
        assert!(has_index(&c));
    }

    #[test]
    fn newer_store_is_refused() {
        let mut c = Connection::open_in_memory().unwrap();
        c.pragma_update(None, "user_version", CURRENT_VERSION + 5)
            .unwrap();
        let err = migrate(&mut c, Path::new("x.marsad")).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { found, .. } if found == CURRENT_VERSION + 5));
        assert_eq!(version(&c).unwrap(), CURRENT_VERSION + 5);
    }
}
