//! Scale benchmarks of issue #8 (not run by `cargo test`): `cargo bench --bench scale [-- WHAT…]`
//! with WHAT among `generate search paging import frames` (all by default).
//!
//! Builds (once, cached under `$CARGO_TARGET_DIR/scale/`) a synthetic store of 100k events, 20k
//! actors, 20k sources and 1M excerpts with `marsad::generate`, then prints, for each workload,
//! our figure, the reference measured in the same run, their ratio and the target. See
//! BENCHMARKS.md for the results and `benches/process.sh` for start-up time and peak RSS.
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use marsad::app::View;
use marsad::generate::{Spec, generate};
use marsad::scale::{Percentiles, acled_csv, frames, ms, paging, queries, timed};
use marsad::store::{EventSort, Store};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The benchmark store: 100k events, 20k actors, 20k sources, 1M excerpts, seed 1.
const BIG: Spec = Spec {
    events: 100_000,
    actors: 20_000,
    sources: 20_000,
    excerpts: 1_000_000,
    seed: 1,
};

fn dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target"));
    let d = target.join("scale");
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The benchmark store, generated the first time (and timed then).
fn big_store() -> PathBuf {
    let path = dir().join("scale-100k-1m.marsad");
    if !path.exists() {
        let tmp = path.with_extension("tmp");
        let _ = std::fs::remove_file(&tmp);
        let mut s = Store::open(&tmp).unwrap();
        let (t, g) = timed(|| generate(&mut s, &BIG));
        println!(
            "generate 100k events / 20k actors / 20k sources / 1M excerpts: {t:.1?} ({:?})",
            g.unwrap()
        );
        drop(s);
        std::fs::rename(&tmp, &path).unwrap();
    }
    path
}

fn ratio(ours: Duration, reference: Duration) -> String {
    format!(
        "{:.2}×",
        ours.as_secs_f64() / reference.as_secs_f64().max(1e-9)
    )
}

fn bench_generate() {
    let path = dir().join("generate-check.marsad");
    let _ = std::fs::remove_file(&path);
    let mut s = Store::open(&path).unwrap();
    let spec = Spec { seed: 2, ..BIG };
    let (t, g) = timed(|| generate(&mut s, &spec));
    g.unwrap();
    println!(
        "| generate 100k events, 20k actors, 20k sources, 1M excerpts | {:.1} s | — | — | well under 60 s |",
        t.as_secs_f64()
    );
    drop(s);
    let _ = std::fs::remove_file(&path);
}

fn bench_search(store: &Store) {
    const REPS: usize = 15;
    let (mut first, mut ranked, mut raw) = (Vec::new(), Vec::new(), Vec::new());
    println!("| query | hits | first p95 ms | ranked p95 ms | raw FTS5 p95 ms |");
    println!("|---|---|---|---|---|");
    let mut rows = Vec::new();
    for q in queries::all() {
        queries::round(store, q).unwrap();
        let rounds: Vec<_> = (0..REPS)
            .map(|_| queries::round(store, q).unwrap())
            .collect();
        let f: Vec<_> = rounds.iter().map(|r| r.first).collect();
        let k: Vec<_> = rounds.iter().map(|r| r.ranked).collect();
        rows.push((
            q,
            rounds[0].hits,
            Percentiles::of(&f).p95,
            Percentiles::of(&k).p95,
        ));
        first.extend(f);
        ranked.extend(k);
    }
    for (q, hits, f, k) in rows {
        queries::raw(store, q).unwrap();
        let w: Vec<_> = (0..REPS).map(|_| queries::raw(store, q).unwrap()).collect();
        println!(
            "| {q} | {hits} | {} | {} | {} |",
            ms(f),
            ms(k),
            ms(Percentiles::of(&w).p95)
        );
        raw.extend(w);
    }
    let (f, k, w) = (
        Percentiles::of(&first),
        Percentiles::of(&ranked),
        Percentiles::of(&raw),
    );
    println!();
    println!(
        "| search, 20 queries × {REPS}, 1M excerpts | ours p50 / p95 ms | raw FTS5 p50 / p95 ms | ratio p95 | target |"
    );
    println!("|---|---|---|---|---|");
    println!(
        "| first results (unranked, 50 with snippets) | {} / {} | {} / {} | {} | ≤ 20 ms p95 |",
        ms(f.p50),
        ms(f.p95),
        ms(w.p50),
        ms(w.p95),
        ratio(f.p95, w.p95)
    );
    println!(
        "| ranked top 50 (with snippets) | {} / {} | {} / {} | {} | ≤ 100 ms p95 |",
        ms(k.p50),
        ms(k.p95),
        ms(w.p50),
        ms(w.p95),
        ratio(k.p95, w.p95)
    );
}

fn bench_paging(store: &Store) {
    const REPS: usize = 30;
    println!(
        "| page of 100 | offset | ours p50 / p95 ms | raw index scan p50 / p95 ms | ratio p95 | target |"
    );
    println!("|---|---|---|---|---|---|");
    for (name, filter) in paging::filters() {
        let total = store.count_events(&filter).unwrap();
        for offset in paging::offsets(total) {
            let q = paging::query(&filter, offset, EventSort::Date);
            paging::fetch(store, &q).unwrap();
            let ours: Vec<_> = (0..REPS)
                .map(|_| paging::fetch(store, &q).unwrap().0)
                .collect();
            let raw: Vec<_> = (0..REPS)
                .map(|_| paging::fetch_raw(store, offset).unwrap().0)
                .collect();
            let (o, r) = (Percentiles::of(&ours), Percentiles::of(&raw));
            println!(
                "| {name} ({total}) | {offset} | {} / {} | {} / {} | {} | ≤ 5 ms |",
                ms(o.p50),
                ms(o.p95),
                ms(r.p50),
                ms(r.p95),
                ratio(o.p95, r.p95)
            );
        }
    }
    // The events view reads the query's row numbers once (per filter, sort and change) and
    // then fetches each page as a slice of them.
    println!();
    println!(
        "| events view: order once, then pages | order of all rows p50 / p95 ms | page at first / middle / last offset, p95 ms | target |"
    );
    println!("|---|---|---|---|");
    for (name, filter) in paging::filters() {
        let q = paging::query(&filter, 0, EventSort::Date);
        let (_, numbers) = paging::order(store, &q).unwrap();
        let order: Vec<_> = (0..REPS)
            .map(|_| paging::order(store, &q).unwrap().0)
            .collect();
        let pages: Vec<String> = paging::offsets(numbers.len() as u64)
            .iter()
            .map(|&offset| {
                let times: Vec<_> = (0..REPS)
                    .map(|_| paging::fetch_from_order(store, &numbers, offset).unwrap().0)
                    .collect();
                ms(Percentiles::of(&times).p95)
            })
            .collect();
        let o = Percentiles::of(&order);
        println!(
            "| {name} ({}) | {} / {} | {} | ≤ 5 ms |",
            numbers.len(),
            ms(o.p50),
            ms(o.p95),
            pages.join(" / ")
        );
    }
}

fn bench_import() {
    const ROWS: usize = 100_000;
    let d = dir();
    let csv_path = d.join("acled-100k.csv");
    std::fs::write(&csv_path, acled_csv::write(ROWS, 1).unwrap()).unwrap();
    let db = d.join("import-check.marsad");
    let _ = std::fs::remove_file(&db);
    let (read, plan) = timed(|| marsad::import::read_file(&csv_path, Some("acled")).unwrap());
    let (write, n) = timed(|| {
        let mut s = Store::open(&db).unwrap();
        s.import(&plan.data).unwrap().written()
    });
    let ours = read + write;
    println!(
        "import phases: read and plan {:.2} s, write to the store {:.2} s",
        read.as_secs_f64(),
        write.as_secs_f64()
    );
    let bare = d.join("import-bare.db");
    let _ = std::fs::remove_file(&bare);
    let (reference, status) = timed(|| {
        Command::new("sqlite3")
            .arg(&bare)
            .arg(".mode csv")
            .arg(format!(".import {} acled", csv_path.display()))
            .status()
    });
    let ok = status.map(|s| s.success()).unwrap_or(false);
    println!(
        "| import 100k ACLED rows ({n} records written) | {:.2} s | sqlite3 .import {} | {} | ≤ 2× |",
        ours.as_secs_f64(),
        if ok {
            format!("{:.2} s", reference.as_secs_f64())
        } else {
            "sqlite3 missing".into()
        },
        if ok {
            ratio(ours, reference)
        } else {
            "—".into()
        }
    );
    for p in [&db, &bare] {
        let _ = std::fs::remove_file(p);
    }
}

/// `views`: the views to measure (all three when empty), for profiling one of them.
fn bench_frames(path: &Path, views: &[View]) {
    const FRAMES: usize = 300;
    let store = Store::open_read_only(path).unwrap();
    let mut rig = frames::Rig::new(store, View::Events);
    println!("| view, 100k events | median ms | p95 ms | geometry MB (last frame) | target |");
    println!("|---|---|---|---|---|");
    let all = [View::Events, View::Timeline, View::Network];
    for view in all
        .into_iter()
        .filter(|v| views.is_empty() || views.contains(v))
    {
        let (first, _) = timed(|| frames::run(&mut rig, view, 1, 0));
        let t = frames::run(&mut rig, view, 5, FRAMES);
        let p = Percentiles::of(&t);
        println!(
            "| {view:?} (first frame {} ms) | {} | {} | {:.1} | ≤ 4 ms |",
            ms(first),
            ms(p.p50),
            ms(p.p95),
            rig.geometry_bytes() as f64 / 1e6
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let want = |w: &str| args.is_empty() || args.iter().any(|a| a == w);
    let path = big_store();
    if want("generate") {
        bench_generate();
    }
    if want("search") || want("paging") {
        let store = Store::open_read_only(&path).unwrap();
        if want("search") {
            bench_search(&store);
        }
        if want("paging") {
            bench_paging(&store);
        }
    }
    if want("import") {
        bench_import();
    }
    if want("frames") {
        let named = |w: &str| args.iter().any(|a| a == w);
        let views: Vec<View> = [
            ("events", View::Events),
            ("timeline", View::Timeline),
            ("network", View::Network),
        ]
        .into_iter()
        .filter(|(w, _)| named(w))
        .map(|(_, v)| v)
        .collect();
        bench_frames(&path, &views);
    }
}
