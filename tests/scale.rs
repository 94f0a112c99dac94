//! Smoke test of the scale benchmarks: the generator and every benchmark workload run on a tiny
//! store (the real sizes run only under `cargo bench --bench scale`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marsad::app::View;
use marsad::generate::{Spec, generate};
use marsad::scale::{acled_csv, frames, paging, queries};
use marsad::store::{EventSort, Store};

const TINY: Spec = Spec {
    events: 1_200,
    actors: 40,
    sources: 20,
    excerpts: 600,
    seed: 9,
};

fn tiny_store(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("tiny.marsad");
    let mut s = Store::open(&path).unwrap();
    let made = generate(&mut s, &TINY).unwrap();
    assert_eq!(made.events, 1_200);
    assert_eq!(made.excerpts, 600);
    let report = s.check().unwrap();
    assert!(report.is_ok(), "{report:?}");
    path
}

#[test]
fn search_workload_runs_every_query_three_ways() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_read_only(&tiny_store(&dir)).unwrap();
    let mut found = 0;
    for q in queries::all() {
        let r = queries::round(&s, q).unwrap();
        queries::raw(&s, q).unwrap();
        assert!(r.hits <= queries::LIMIT);
        found += usize::from(r.hits > 0);
        // The fast path finds the same number of matches as the ranked one, up to the limit.
        let first = s.search_first(q, None, queries::LIMIT).unwrap();
        assert_eq!(first.len(), r.hits, "{q}");
    }
    assert!(found >= 15, "only {found} of 20 queries found anything");
    // Ranked results of a rare query are exactly FTS5's own ranking.
    let ranked: Vec<_> = s.search("Hammouchi", None, 10).unwrap();
    assert_eq!(
        ranked.len(),
        s.search_raw_fts("Hammouchi", 10).unwrap().len()
    );
}

#[test]
fn paging_workload_reads_full_pages_at_every_offset() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_read_only(&tiny_store(&dir)).unwrap();
    for (_, filter) in paging::filters() {
        let total = s.count_events(&filter).unwrap();
        assert!(total >= paging::PAGE as u64);
        for offset in paging::offsets(total) {
            let (_, rows) =
                paging::fetch(&s, &paging::query(&filter, offset, EventSort::Date)).unwrap();
            assert_eq!(rows, paging::PAGE);
        }
        let q = paging::query(&filter, 0, EventSort::Date);
        let (_, numbers) = paging::order(&s, &q).unwrap();
        assert_eq!(numbers.len() as u64, total);
        for offset in paging::offsets(total) {
            let (_, rows) = paging::fetch_from_order(&s, &numbers, offset).unwrap();
            assert_eq!(rows, paging::PAGE);
        }
    }
    assert_eq!(paging::fetch_raw(&s, 200).unwrap().1, paging::PAGE);
}

#[test]
fn import_workload_file_imports_as_acled() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("acled.csv");
    std::fs::write(&csv, acled_csv::write(200, 3).unwrap()).unwrap();
    let plan = marsad::import::read_file(&csv, Some("acled")).unwrap();
    assert_eq!(plan.data.events.len(), 200);
    let mut s = Store::open(&dir.path().join("i.marsad")).unwrap();
    s.import(&plan.data).unwrap();
    assert_eq!(s.stats().unwrap().events, 200);
}

#[test]
fn frame_workload_draws_each_view() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_read_only(&tiny_store(&dir)).unwrap();
    let mut rig = frames::Rig::new(s, View::Events);
    for view in [View::Events, View::Timeline, View::Network] {
        let t = frames::run(&mut rig, view, 1, 5);
        assert_eq!(t.len(), 5);
        assert!(rig.geometry_bytes() > 0, "{view:?} drew nothing");
    }
}
