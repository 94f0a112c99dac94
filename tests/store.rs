//! Integration tests of the store on real SQLite files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marsad::model::*;
use marsad::store::*;
use std::path::Path;

fn actor(kind: ActorKind, ar: &str, en: &str, acronym: Option<&str>) -> Actor {
    let mut a = Actor::new(kind);
    a.name_ar = Some(ar.into());
    a.name_en = Some(en.into());
    a.acronym = acronym.map(Into::into);
    a
}

fn event(title: &str, date: &str, kind: EventKind) -> Event {
    let mut e = Event::new(kind);
    e.title_ar = Some(title.into());
    e.start = Some(date.parse().unwrap());
    e
}

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.marsad")).unwrap();
    (dir, store)
}

#[test]
fn creates_a_store_with_wal_and_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/new.marsad");
    let store = Store::open(&path).unwrap();
    assert!(path.exists());
    assert_eq!(store.stats().unwrap(), Stats::default());
    drop(store);
    let conn = rusqlite_free_check(&path);
    assert_eq!(conn, ("wal".to_owned(), CURRENT_VERSION, APPLICATION_ID));
}

/// Reads journal mode, user_version and application_id straight from the file's header bytes
/// (no SQLite connection, so nothing is modified).
fn rusqlite_free_check(path: &Path) -> (String, i64, i64) {
    let bytes = std::fs::read(path).unwrap();
    let be32 = |o: usize| i64::from(u32::from_be_bytes(bytes[o..o + 4].try_into().unwrap()));
    let wal = if bytes[18] == 2 && bytes[19] == 2 {
        "wal"
    } else {
        "rollback"
    };
    (wal.to_owned(), be32(60), be32(68))
}

#[cfg(unix)]
#[test]
fn store_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _store) = temp_store();
    let mode = std::fs::metadata(dir.path().join("t.marsad"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn refuses_files_that_are_not_stores_and_leaves_them_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.marsad", Vec::new(), "empty"),
        (
            "random.marsad",
            (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect(),
            "not an SQLite database",
        ),
        ("archive.marsad", b"PK\x03\x04rest of a zip".to_vec(), "zip"),
    ];
    for (name, bytes, expect) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::NotAStore { .. }), "{name}: {err}");
        assert!(err.to_string().contains(expect), "{name}: {err}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name} was modified");
    }
}

#[test]
fn refuses_another_applications_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(err.to_string().contains("another application"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn refuses_a_newer_store_without_modifying_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.marsad");
    drop(Store::open(&path).unwrap());
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", CURRENT_VERSION + 1)
            .unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
    assert!(err.to_string().contains("newer Marsad"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(Store::open_read_only(&path).is_err());
}

#[test]
fn second_writer_is_refused_and_read_only_works() {
    let (dir, mut store) = temp_store();
    let path = dir.path().join("t.marsad");
    store
        .write(|w| w.insert_actor(&actor(ActorKind::State, "المغرب", "Morocco", None)))
        .unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    let ro = Store::open_read_only(&path).unwrap();
    assert_eq!(ro.stats().unwrap().actors, 1);
    let mut ro = ro;
    let err = ro
        .write(|w| w.insert_actor(&actor(ActorKind::State, "تونس", "Tunisia", None)))
        .unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly));
    drop(store);
    assert!(
        Store::open(&path).is_ok(),
        "the lock is released with the store"
    );
}

#[test]
fn every_write_is_atomic() {
    let (_dir, mut store) = temp_store();
    let good = actor(ActorKind::State, "المغرب", "Morocco", None);
    let bad = Actor::new(ActorKind::State); // no name: invalid
    let err = store
        .write(|w| {
            w.insert_actor(&good)?;
            w.insert_actor(&bad)
        })
        .unwrap_err();
    assert!(err.to_string().contains("actor name"), "{err}");
    assert_eq!(
        store.stats().unwrap().actors,
        0,
        "the first insert was rolled back"
    );
}

fn store_with_texts(texts: &[&str]) -> Store {
    let mut store = Store::in_memory().unwrap();
    let src = Source::new(SourceKind::NewsArticle, "مقال");
    store
        .write(|w| {
            w.insert_source(&src)?;
            for t in texts {
                w.insert_excerpt(&Excerpt::new(src.id, *t))?;
            }
            Ok(())
        })
        .unwrap();
    store
}

fn excerpt_hits(store: &Store, q: &str) -> Vec<String> {
    store
        .search(q, Some(SearchKind::Excerpt), 50)
        .unwrap()
        .into_iter()
        .map(|h| h.snippet)
        .collect()
}

#[test]
fn search_folds_hamza_and_harakat() {
    let store = store_with_texts(&["مكافحة الإرهاب أولوية", "مكافحة الإرْهاب الدولي", "لا علاقة"]);
    let hits = excerpt_hits(&store, "الارهاب");
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert!(hits.iter().any(|h| h.contains("الإرهاب")));
    assert!(hits.iter().any(|h| h.contains("الإرْهاب")));
}

#[test]
fn search_maps_arabic_indic_digits() {
    let store = store_with_texts(&["في مارس 2022 اعتقلت", "سنة 2021"]);
    assert_eq!(excerpt_hits(&store, "٢٠٢٢").len(), 1);
    let store = store_with_texts(&["في مارس ٢٠٢٢ اعتقلت"]);
    assert_eq!(excerpt_hits(&store, "2022").len(), 1);
}

#[test]
fn search_sees_through_attached_prefixes() {
    let store = store_with_texts(&[
        "التعاون بين واشنطن والمغرب",
        "اعتقل شخص بالمغرب",
        "دعم أمريكي للمغرب",
        "المغرب شريك",
        "موريتانيا فقط",
    ]);
    assert_eq!(excerpt_hits(&store, "المغرب").len(), 4);
    assert_eq!(excerpt_hits(&store, "مغرب").len(), 4);
}

#[test]
fn search_other_variants_and_prefix_and_case() {
    let store = store_with_texts(&[
        "مديرية الأمن",
        "المستشفى",
        "FBI agents",
        "Direction générale",
    ]);
    assert_eq!(excerpt_hits(&store, "مديريه").len(), 1, "ة → ه");
    assert_eq!(excerpt_hits(&store, "المستشفي").len(), 1, "ى → ي");
    assert_eq!(excerpt_hits(&store, "fbi").len(), 1, "case");
    assert_eq!(excerpt_hits(&store, "generale").len(), 1, "accents");
    assert_eq!(excerpt_hits(&store, "مدير").len(), 1, "prefix");
}

#[test]
fn search_phrase_and_ranking_and_snippet() {
    let store = store_with_texts(&[
        "مكافحة الإرهاب ومكافحة الإرهاب ثم مكافحة الإرهاب",
        "الإرهاب ثم جاءت مكافحة أخرى",
    ]);
    let hits = store.search("\"مكافحة الإرهاب\"", None, 10).unwrap();
    assert_eq!(hits.len(), 1);
    let all = store
        .search("مكافحة الإرهاب", Some(SearchKind::Excerpt), 10)
        .unwrap();
    assert_eq!(all.len(), 2);
    assert!(all[0].score <= all[1].score, "ranked by bm25");
    assert!(all[0].snippet.starts_with("مكافحة"), "{}", all[0].snippet);
    assert!(!all[0].highlights.is_empty());
}

#[test]
fn search_treats_sql_and_fts_syntax_as_text() {
    let store = store_with_texts(&["نص عادي"]);
    for q in [
        "'; DROP TABLE event; --",
        "\"",
        "*",
        "NEAR(",
        "a OR b",
        "^x",
        "(",
        ")",
        "{body}",
        "\\",
        "%_",
        "",
    ] {
        let hits = store.search(q, None, 10);
        assert!(hits.is_ok(), "{q}: {hits:?}");
    }
    assert_eq!(store.stats().unwrap().excerpts, 1);
}

#[test]
fn edits_update_the_index() {
    let mut store = Store::in_memory().unwrap();
    let mut e = event("اعتقال في بركان", "2022-05-06", EventKind::Arrest);
    store.write(|w| w.insert_event(&e)).unwrap();
    assert_eq!(store.search("بركان", None, 10).unwrap().len(), 1);
    e.title_ar = Some("اعتقال في الناظور".into());
    store.write(|w| w.update_event(&e)).unwrap();
    assert!(store.search("بركان", None, 10).unwrap().is_empty());
    assert_eq!(store.search("الناظور", None, 10).unwrap().len(), 1);
    store.write(|w| w.delete(TrashKind::Event, e.id)).unwrap();
    assert!(store.search("الناظور", None, 10).unwrap().is_empty());
}

#[test]
fn actors_found_by_any_name() {
    let mut store = Store::in_memory().unwrap();
    let mut dgst = actor(
        ActorKind::SecurityService,
        "المديرية العامة لمراقبة التراب الوطني",
        "General Directorate for Territorial Surveillance",
        Some("DGST"),
    );
    dgst.aliases = vec!["الديستي".into()];
    store.write(|w| w.insert_actor(&dgst)).unwrap();
    assert_eq!(store.find_actors_by_name("dgst").unwrap().len(), 1);
    assert_eq!(store.find_actors_by_name("الديستي").unwrap().len(), 1);
    assert_eq!(
        store
            .find_actors_by_name(" المديرية العامة لمراقبة التراب الوطني ")
            .unwrap()
            .len(),
        1
    );
    assert_eq!(store.complete_actors("الدي", 10).unwrap().len(), 1);
    assert_eq!(store.complete_actors("DG", 10).unwrap().len(), 1);
    assert_eq!(store.search("الإقليمي التراب", None, 10).unwrap().len(), 0);
    assert_eq!(
        store
            .search("التراب", Some(SearchKind::Actor), 10)
            .unwrap()
            .len(),
        1
    );
}

fn populated() -> (Store, Vec<Event>, Actor, Actor) {
    let mut store = Store::in_memory().unwrap();
    let ma = actor(ActorKind::State, "المغرب", "Morocco", None);
    let us = actor(
        ActorKind::State,
        "الولايات المتحدة",
        "United States",
        Some("USA"),
    );
    let mut src = Source::new(SourceKind::NewsArticle, "خبر");
    src.reliability = Reliability::B;
    let mut weak = Source::new(SourceKind::Analysis, "رأي");
    weak.reliability = Reliability::D;
    let mut events = Vec::new();
    for i in 0..250u32 {
        let kind = if i % 2 == 0 {
            EventKind::Arrest
        } else {
            EventKind::OfficialVisit
        };
        let mut e = event(
            &format!("حدث رقم {i}"),
            &format!("{}-{:02}", 2000 + i / 12, i % 12 + 1),
            kind,
        );
        if i % 10 == 0 {
            e.tags = vec!["داعش".into()];
        }
        events.push(e);
    }
    store
        .write(|w| {
            w.insert_actor(&ma)?;
            w.insert_actor(&us)?;
            w.insert_source(&src)?;
            w.insert_source(&weak)?;
            for (i, e) in events.iter().enumerate() {
                w.insert_event(e)?;
                w.insert_participation(&Participation::new(e.id, ma.id, Role::ArrestingBody))?;
                if i % 5 == 0 {
                    w.insert_participation(&Participation::new(
                        e.id,
                        us.id,
                        Role::InformationProvider,
                    ))?;
                }
                if i % 3 != 0 {
                    let s = if i % 3 == 1 { &src } else { &weak };
                    let x = Excerpt::new(s.id, format!("نص {i}"));
                    w.insert_excerpt(&x)?;
                    w.insert_evidence(&Evidence::new(x.id, EvidenceTarget::Event(e.id)))?;
                }
            }
            Ok(())
        })
        .unwrap();
    (store, events, ma, us)
}

#[test]
fn events_page_filters_sorts_and_pages() {
    let (store, _events, _ma, us) = populated();
    let q = EventQuery {
        limit: 100,
        ..Default::default()
    };
    let page = store.events_page(&q).unwrap();
    assert_eq!(page.len(), 100);
    assert_eq!(page[0].event.start.unwrap().to_string(), "2000-01");
    assert!(
        page.windows(2)
            .all(|w| w[0].event.start <= w[1].event.start)
    );
    let last = store
        .events_page(&EventQuery {
            offset: 200,
            limit: 100,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(last.len(), 50);

    let f = |filter: EventFilter| store.count_events(&filter).unwrap();
    assert_eq!(f(EventFilter::default()), 250);
    assert_eq!(
        f(EventFilter {
            kinds: vec![EventKind::Arrest],
            ..Default::default()
        }),
        125
    );
    assert_eq!(
        f(EventFilter {
            actor: Some(us.id),
            ..Default::default()
        }),
        50
    );
    assert_eq!(
        f(EventFilter {
            tag: Some("داعش".into()),
            ..Default::default()
        }),
        25
    );
    assert_eq!(
        f(EventFilter {
            no_evidence: true,
            ..Default::default()
        }),
        84
    );
    assert_eq!(
        f(EventFilter {
            min_grade: Some(Reliability::B),
            ..Default::default()
        }),
        83
    );
    assert_eq!(
        f(EventFilter {
            min_grade: Some(Reliability::D),
            ..Default::default()
        }),
        166
    );
    let range = EventFilter {
        from: Some("2001".parse().unwrap()),
        to: Some("2001-06".parse().unwrap()),
        ..Default::default()
    };
    assert_eq!(f(range), 6);
    assert_eq!(
        f(EventFilter {
            text: Some("رقم".into()),
            ..Default::default()
        }),
        250
    );

    let with_us = store
        .events_page(&EventQuery {
            filter: EventFilter {
                actor: Some(us.id),
                ..Default::default()
            },
            limit: 5,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(with_us[0].actors, ["المغرب", "الولايات المتحدة"]);
    let graded = store
        .events_page(&EventQuery {
            sort: EventSort::Grade,
            limit: 1,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(graded[0].best_grade, Some(Reliability::B));
    assert_eq!(graded[0].source_count, 1);
    let desc = store
        .events_page(&EventQuery {
            descending: true,
            limit: 1,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(desc[0].event.start.unwrap().to_string(), "2020-10");
}

#[test]
fn filters_bind_hostile_text() {
    let (store, ..) = populated();
    for hostile in [
        "'); DROP TABLE event; --",
        "\" OR 1=1 --",
        "%",
        "داعش' OR '1'='1",
    ] {
        let f = EventFilter {
            tag: Some(hostile.into()),
            text: Some(hostile.into()),
            ..Default::default()
        };
        assert_eq!(store.count_events(&f).unwrap(), 0, "{hostile}");
        assert!(store.complete_actors(hostile, 5).unwrap().is_empty());
        assert!(store.complete_tags(hostile, 5).unwrap().is_empty());
    }
    assert_eq!(store.stats().unwrap().events, 250);
}

#[test]
fn delete_goes_to_trash_and_restores_with_links() {
    let (mut store, events, ma, us) = populated();
    let before = store.export().unwrap();
    let preview = store.deletion_preview(TrashKind::Actor, us.id).unwrap();
    assert_eq!(preview.records.participations.len(), 50);
    let entry = store.write(|w| w.delete(TrashKind::Actor, us.id)).unwrap();
    assert_eq!(store.stats().unwrap().participations, 250);
    assert_eq!(store.trash().unwrap()[0].label, "الولايات المتحدة");
    let skipped = store.write(|w| w.restore(entry)).unwrap();
    assert_eq!(skipped, 0);
    assert_eq!(store.export().unwrap(), before);
    assert!(store.trash().unwrap().is_empty());

    // An event with evidence, then its source: everything comes back.
    let e = &events[1];
    let entry = store.write(|w| w.delete(TrashKind::Event, e.id)).unwrap();
    assert!(store.event(e.id).unwrap().is_none());
    store.write(|w| w.restore(entry)).unwrap();
    assert_eq!(store.export().unwrap(), before);
    let _ = ma;
    assert_eq!(store.write(|w| w.empty_trash()).unwrap(), 0);
}

#[test]
fn import_is_all_or_nothing_and_idempotent() {
    let (store, ..) = populated();
    let data = store.export().unwrap();
    let mut target = Store::in_memory().unwrap();
    let s = target.import(&data).unwrap();
    assert_eq!(s.events.created, 250);
    assert_eq!(target.export().unwrap(), data);
    let again = target.import(&data).unwrap();
    assert_eq!(again.written(), 0);
    assert_eq!(again.events.unchanged, 250);

    let mut broken = data.clone();
    broken
        .participations
        .push(Participation::new(Id::new(), data.actors[0].id, Role::Host));
    let mut fresh = Store::in_memory().unwrap();
    let err = fresh.import(&broken).unwrap_err();
    assert!(err.to_string().contains("event_id"), "{err}");
    assert_eq!(fresh.stats().unwrap(), Stats::default());
}

#[test]
fn dry_run_reports_without_writing() {
    let (store, ..) = populated();
    let data = store.export().unwrap();
    let mut target = Store::in_memory().unwrap();
    let s = target.import_dry_run(&data).unwrap();
    assert_eq!(s.events.created, 250);
    assert_eq!(target.stats().unwrap(), Stats::default());
}

#[test]
fn backup_is_a_verified_copy() {
    let (dir, mut store) = temp_store();
    store
        .write(|w| w.insert_actor(&actor(ActorKind::State, "المغرب", "Morocco", None)))
        .unwrap();
    let dest = dir.path().join("copy.marsad");
    let info = store.backup_to(&dest).unwrap();
    assert!(info.bytes > 0);
    let copy = Store::open_read_only(&dest).unwrap();
    assert_eq!(copy.stats().unwrap().actors, 1);
    assert!(copy.check().unwrap().is_ok());
}

#[test]
fn integrity_check_passes_on_a_fresh_store() {
    let (store, ..) = populated();
    let report = store.check().unwrap();
    assert!(report.is_ok(), "{report:?}");
    assert!(store.quick_check().unwrap().is_ok());
}

#[test]
fn parent_cycles_are_refused() {
    let mut store = Store::in_memory().unwrap();
    let mut a = actor(ActorKind::State, "أ", "A", None);
    let mut b = actor(ActorKind::GovernmentBody, "ب", "B", None);
    b.parent_id = Some(a.id);
    store
        .write(|w| {
            w.insert_actor(&a)?;
            w.insert_actor(&b)
        })
        .unwrap();
    a.parent_id = Some(b.id);
    let err = store.write(|w| w.update_actor(&a)).unwrap_err();
    assert!(err.to_string().contains("loops"), "{err}");
    let _ = &mut b;
}

/// SQL and FTS5 meta-characters, operators and unbalanced quotes a user might type.
const META: &[&str] = &[
    "'",
    "\"",
    ";",
    "--",
    "%",
    "_",
    "*",
    "(",
    ")",
    "NEAR",
    "AND",
    "OR",
    "NOT",
    "^",
    ":",
    "{",
    "}",
    "'unbalanced",
    "\"unbalanced",
    "unbalanced\"",
    "a' OR '1'='1",
    "\"); DROP TABLE event; --",
    "'; DELETE FROM actor; --",
    "NEAR(a b, 2)",
    "body : x",
    "{body stems} : x",
    "x*",
    "-x",
    "+x",
    "a NOT b",
    "\\",
    "%_%",
    "«",
    "»",
    "\"\"\"",
    "''''",
    "* OR *",
    "rowid",
    "search_fts",
    "\0",
    "داعش' OR '1'='1",
    "«مكافحة",
    "(((",
    ")))",
    "^مكافحة",
    "col:val",
    "AND OR NOT NEAR",
];

#[test]
fn meta_characters_through_every_search_and_filter_are_text() {
    let mut store = Store::in_memory().unwrap();
    let mut e = event("AND OR NOT NEAR بيان", "2022-03-26", EventKind::Statement);
    e.tags = vec!["50%_off".into(), "a'b".into(), "x\"y".into()];
    e.place = Some("O'Brien (test)".into());
    let mut a = actor(
        ActorKind::ArmedGroup,
        "منظمة 'اختبار'",
        "Test; Org -- (x)",
        Some("T%O"),
    );
    a.country = Some("MA".into());
    let src = Source::new(SourceKind::NewsArticle, "مقال \"اختبار\" NEAR");
    store
        .write(|w| {
            w.insert_event(&e)?;
            w.insert_actor(&a)?;
            w.insert_source(&src)?;
            w.insert_excerpt(&Excerpt::new(src.id, "نص فيه ' و \" و ; و -- و NOT"))
        })
        .unwrap();
    let before = store.export().unwrap();
    let kinds = [
        None,
        Some(SearchKind::Event),
        Some(SearchKind::Actor),
        Some(SearchKind::Source),
        Some(SearchKind::Excerpt),
    ];
    for q in META {
        for kind in kinds {
            let hits = store.search(q, kind, 20);
            assert!(hits.is_ok(), "search {q:?} {kind:?}: {hits:?}");
        }
        let f = EventFilter {
            tag: Some((*q).into()),
            text: Some((*q).into()),
            actor: Some(a.id),
            ..Default::default()
        };
        store.count_events(&f).unwrap();
        let text_only = EventFilter {
            text: Some((*q).into()),
            ..Default::default()
        };
        store
            .events_page(&EventQuery {
                filter: text_only,
                limit: 10,
                ..Default::default()
            })
            .unwrap();
        let tag_only = EventFilter {
            tag: Some((*q).into()),
            ..Default::default()
        };
        assert_eq!(store.count_events(&tag_only).unwrap(), 0, "tag {q:?}");
        store
            .actors_page(&ActorQuery {
                country: Some((*q).into()),
                limit: 10,
                ..Default::default()
            })
            .unwrap();
        store.complete_actors(q, 5).unwrap();
        store.find_actors_by_name(q).unwrap();
        store.find_sources_by_url(q).unwrap();
        let tags = store.complete_tags(q, 5).unwrap();
        assert!(tags.is_empty(), "tag completion {q:?}: {tags:?}");
    }
    // Nothing was changed, and operators and wildcards were matched as the words they are.
    assert_eq!(store.export().unwrap(), before);
    assert!(store.check().unwrap().is_ok());
    for word in ["AND", "OR", "NOT", "NEAR"] {
        let hits = store.search(word, Some(SearchKind::Event), 5).unwrap();
        assert_eq!(hits.len(), 1, "{word} is a word, not an operator");
    }
    let tag = |t: &str| EventFilter {
        tag: Some(t.into()),
        ..Default::default()
    };
    assert_eq!(store.count_events(&tag("50%_off")).unwrap(), 1);
    assert_eq!(
        store.count_events(&tag("50%")).unwrap(),
        0,
        "% is no wildcard"
    );
    assert_eq!(store.count_events(&tag("a'b")).unwrap(), 1);
    assert_eq!(store.count_events(&tag("x\"y")).unwrap(), 1);
    assert_eq!(store.complete_tags("50%", 5).unwrap().len(), 1);
    assert_eq!(
        store.complete_tags("5_", 5).unwrap().len(),
        0,
        "_ is no wildcard"
    );
    assert_eq!(store.find_actors_by_name("T%O").unwrap().len(), 1);
    assert!(store.find_actors_by_name("T_O").unwrap().is_empty());
    let injected = store.search("a' OR '1'='1", None, 50).unwrap();
    assert!(injected.is_empty(), "{injected:?}");
}

/// Raw row counts straight from a store file, without Marsad's code.
fn raw_counts(path: &Path) -> Vec<(String, i64)> {
    let c = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap();
    [
        "event",
        "actor",
        "source",
        "excerpt",
        "participation",
        "relation",
        "evidence",
        "trash",
    ]
    .iter()
    .map(|t| {
        let n: i64 = c
            .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap();
        ((*t).to_owned(), n)
    })
    .collect()
}

/// `tests/fixtures/stores/vNNN.marsad` is a store written by the Marsad that introduced schema
/// version NNN (with the sample loaded). Every past version has one, and each opens in this
/// Marsad: upgraded to the current version, content intact, a backup written first.
#[test]
fn every_past_schema_version_upgrades_to_the_current_one() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stores");
    let mut versions: Vec<(i64, std::path::PathBuf)> = std::fs::read_dir(&fixtures)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            let v = p.file_stem()?.to_str()?.strip_prefix('v')?.parse().ok()?;
            Some((v, p))
        })
        .collect();
    versions.sort();
    let have: Vec<i64> = versions.iter().map(|(v, _)| *v).collect();
    for past in (1..=CURRENT_VERSION).filter(|v| *v < CURRENT_VERSION) {
        assert!(
            have.contains(&past),
            "no fixture store for schema version {past}"
        );
    }
    assert!(!versions.is_empty());
    for (v, fixture) in versions {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.marsad");
        std::fs::copy(&fixture, &path).unwrap();
        assert_eq!(rusqlite_free_check(&path).1, v, "{}", fixture.display());
        let before = raw_counts(&path);
        assert!(before[0].1 > 0, "the fixture holds events");
        let store = Store::open(&path).unwrap();
        assert!(store.check().unwrap().is_ok(), "v{v}");
        let d = store.export().unwrap();
        assert_eq!(
            d.events.len() as i64,
            before[0].1,
            "v{v}: every event reads back"
        );
        if v < CURRENT_VERSION {
            let reasons: Vec<String> = store
                .backups()
                .unwrap()
                .into_iter()
                .map(|b| b.reason)
                .collect();
            assert!(
                reasons.contains(&"before-migration".to_owned()),
                "v{v}: {reasons:?}"
            );
        }
        drop(store);
        assert_eq!(
            rusqlite_free_check(&path).1,
            CURRENT_VERSION,
            "v{v} upgraded"
        );
        assert_eq!(raw_counts(&path), before, "v{v}: content kept");
    }
}

/// Each event's source count and best grade (schema v004) are kept by triggers; they must
/// follow every kind of change, cascaded deletes and restores from the trash included.
#[test]
fn event_source_summaries_follow_every_change() {
    let (_d, mut store) = temp_store();
    let e = event("تفكيك خلية", "2021-03-04", EventKind::CellDismantled);
    let fbi = actor(
        ActorKind::SecurityService,
        "مكتب التحقيقات الفدرالي",
        "FBI",
        Some("FBI"),
    );
    let p = Participation::new(e.id, fbi.id, Role::Participant);
    let mut strong = Source::new(SourceKind::NewsArticle, "مصدر موثوق");
    strong.reliability = Reliability::A;
    let mut weak = Source::new(SourceKind::NewsArticle, "مصدر ضعيف");
    weak.reliability = Reliability::C;
    let direct = Excerpt::new(weak.id, "اقتباس أول");
    let mut via_actor = Excerpt::new(strong.id, "اقتباس ثان");
    store
        .write(|w| {
            w.insert_event(&e)?;
            w.insert_actor(&fbi)?;
            w.insert_participation(&p)?;
            w.insert_source(&strong)?;
            w.insert_source(&weak)?;
            w.insert_excerpt(&direct)?;
            w.insert_excerpt(&via_actor)
        })
        .unwrap();
    let summary = |s: &Store| {
        let rows = s
            .events_page(&EventQuery {
                limit: 10,
                ..Default::default()
            })
            .unwrap();
        (rows[0].source_count, rows[0].best_grade)
    };
    assert_eq!(summary(&store), (0, None));

    let cite = Evidence::new(direct.id, EvidenceTarget::Event(e.id));
    store.write(|w| w.insert_evidence(&cite)).unwrap();
    assert_eq!(summary(&store), (1, Some(Reliability::C)));

    let through = Evidence::new(via_actor.id, EvidenceTarget::Participation(p.id));
    store.write(|w| w.insert_evidence(&through)).unwrap();
    assert_eq!(
        summary(&store),
        (2, Some(Reliability::A)),
        "evidence on a participation"
    );

    strong.reliability = Reliability::D;
    store.write(|w| w.update_source(&strong)).unwrap();
    assert_eq!(
        summary(&store),
        (2, Some(Reliability::C)),
        "source regraded"
    );

    via_actor.source_id = weak.id;
    store.write(|w| w.update_excerpt(&via_actor)).unwrap();
    assert_eq!(summary(&store), (1, Some(Reliability::C)), "excerpt moved");
    via_actor.source_id = strong.id;
    strong.reliability = Reliability::A;
    store
        .write(|w| {
            w.update_excerpt(&via_actor)?;
            w.update_source(&strong)
        })
        .unwrap();
    assert_eq!(summary(&store), (2, Some(Reliability::A)));

    store.write(|w| w.delete_participation(p.id)).unwrap();
    assert_eq!(
        summary(&store),
        (1, Some(Reliability::C)),
        "participation deleted"
    );

    let entry = store
        .write(|w| w.delete(TrashKind::Source, weak.id))
        .unwrap();
    assert_eq!(
        summary(&store),
        (0, None),
        "source deleted with its excerpts"
    );
    let no_evidence = EventFilter {
        no_evidence: true,
        ..Default::default()
    };
    assert_eq!(store.count_events(&no_evidence).unwrap(), 1);

    store.write(|w| w.restore(entry)).unwrap();
    assert_eq!(
        summary(&store),
        (1, Some(Reliability::C)),
        "restored from the trash"
    );
    assert_eq!(store.count_events(&no_evidence).unwrap(), 0);
    let graded = |g| EventFilter {
        min_grade: Some(g),
        ..Default::default()
    };
    assert_eq!(store.count_events(&graded(Reliability::C)).unwrap(), 1);
    assert_eq!(store.count_events(&graded(Reliability::B)).unwrap(), 0);
    assert!(store.check().unwrap().is_ok());
}

/// The events table reads its query's row numbers once and fetches pages as slices of them:
/// the same rows, in the same order, as the page queries with an offset, for every sort
/// direction and filter.
#[test]
fn pages_from_the_row_order_match_pages_by_offset() {
    let (_d, mut store) = temp_store();
    let kinds = [
        EventKind::Arrest,
        EventKind::JointExercise,
        EventKind::Statement,
    ];
    store
        .write(|w| {
            for i in 0..450u32 {
                let mut e = Event::new(kinds[(i % 3) as usize]);
                e.title_ar = Some(format!("حدث رقم {i}"));
                // Every seventh event is undated; the rest spread over 1995–2024.
                if i % 7 != 0 {
                    let date = format!("{}-{:02}-{:02}", 1995 + i % 30, 1 + i % 12, 1 + i % 28);
                    e.start = Some(date.parse().unwrap());
                }
                w.insert_event(&e)?;
            }
            Ok(())
        })
        .unwrap();
    let filters = [
        EventFilter::default(),
        EventFilter {
            from: PartialDate::year(2000).ok(),
            to: PartialDate::year(2020).ok(),
            kinds: vec![EventKind::Arrest, EventKind::Statement],
            ..Default::default()
        },
        EventFilter {
            from: PartialDate::year(2010).ok(),
            ..Default::default()
        },
    ];
    for filter in filters {
        for descending in [false, true] {
            let q = EventQuery {
                filter: filter.clone(),
                descending,
                limit: 100,
                ..Default::default()
            };
            let numbers = store.event_numbers(&q).unwrap();
            assert_eq!(numbers.len() as u64, store.count_events(&filter).unwrap());
            for offset in (0..numbers.len()).step_by(100) {
                let by_offset = store
                    .events_page(&EventQuery {
                        offset,
                        ..q.clone()
                    })
                    .unwrap();
                let to = (offset + 100).min(numbers.len());
                let sliced = store
                    .events_by_numbers(&numbers[offset..to], false)
                    .unwrap();
                let ids = |rows: &[EventRow]| rows.iter().map(|r| r.event.id).collect::<Vec<_>>();
                assert_eq!(
                    ids(&sliced),
                    ids(&by_offset),
                    "{filter:?} desc {descending} at {offset}"
                );
            }
        }
    }
}
