//! Briefing benchmark (not run by `cargo test`): `cargo bench --bench briefing`.
//!
//! Builds stores of 100 and 1,000 synthetic Arabic events in memory (each with two actors and
//! two quoted excerpts from a pool of 40 sources) and times a whole-store briefing to PDF:
//! resolving the scope, layout and typesetting. Prints the median of a few runs after a warm-up.
#![allow(clippy::print_stdout, clippy::unwrap_used)]

use marsad::briefing::{self, Format, RenderOptions};
use marsad::model::{
    Actor, ActorKind, Briefing, Credibility, Event, EventKind, Evidence, EvidenceTarget, Excerpt,
    PartialDate, Participation, Reliability, Role, Source, SourceKind,
};
use marsad::store::Store;
use std::time::{Duration, Instant};

fn store(events: usize) -> Store {
    let mut s = Store::in_memory().unwrap();
    let actors: Vec<Actor> = (0..30)
        .map(|i| {
            let mut a = Actor::new(ActorKind::SecurityService);
            a.name_ar = Some(format!("المديرية الجهوية رقم {i}"));
            a.acronym = Some(format!("DR{i}"));
            a
        })
        .collect();
    let grades = [Reliability::A, Reliability::B, Reliability::C];
    let sources: Vec<Source> = (0..40)
        .map(|i| {
            let mut src = Source::new(
                SourceKind::NewsArticle,
                format!("تفكيك خلية إرهابية في مدينة رقم {i} بتنسيق أمني"),
            );
            src.outlet = Some(format!("هسبريس {i}"));
            src.url = Some(format!("https://example.org/news/{i}"));
            src.published = Some(PartialDate::day(2021, 1 + (i % 12) as u8, 5).unwrap());
            src.reliability = grades[i % 3];
            src
        })
        .collect();
    s.write(|w| {
        for a in &actors {
            w.insert_actor(a)?;
        }
        for src in &sources {
            w.insert_source(src)?;
        }
        for i in 0..events {
            let mut e = Event::new(EventKind::CellDismantled);
            e.title_ar = Some(format!("تفكيك خلية موالية لتنظيم داعش رقم {i}"));
            e.description = Some(
                "أعلن المكتب المركزي للأبحاث القضائية (BCIJ) عن تفكيك خلية إرهابية تتكون من أربعة \
                 عناصر، وذلك بتنسيق مع المديرية العامة لمراقبة التراب الوطني (DGST)."
                    .into(),
            );
            e.start = Some(
                PartialDate::day(
                    2015 + (i / 300) as u16,
                    1 + (i % 12) as u8,
                    1 + (i % 28) as u8,
                )
                .unwrap(),
            );
            w.insert_event(&e)?;
            for k in 0..2 {
                let a = &actors[(i + k * 7) % actors.len()];
                w.insert_participation(&Participation::new(e.id, a.id, Role::ArrestingBody))?;
                let src = &sources[(i * 3 + k) % sources.len()];
                let mut x = Excerpt::new(src.id, format!("«تم توقيف المشتبه بهم رقم {i}-{k}»"));
                x.credibility = Credibility::new(2).unwrap();
                w.insert_excerpt(&x)?;
                w.insert_evidence(&Evidence::new(x.id, EvidenceTarget::Event(e.id)))?;
            }
        }
        Ok(())
    })
    .unwrap();
    s
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Times of one render, stage by stage.
#[derive(Clone, Copy, Default)]
struct Stages {
    resolve: Duration,
    layout: Duration,
    typeset: Duration,
    pdf: Duration,
    bytes: usize,
    pages: usize,
}

impl Stages {
    fn total(&self) -> Duration {
        self.resolve + self.layout + self.typeset + self.pdf
    }
}

/// CPU time this process has used (user + system), from /proc on Linux: the machine is shared,
/// so wall time alone overstates the cost when other builds run.
fn cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// The same steps as `briefing::render(…, Format::Pdf, …)`, timed one by one. typst's
/// memo caches are emptied first: otherwise a repeated render of the same data is answered
/// from them, which is not what a user exporting a changed briefing gets.
fn run(s: &Store, b: &Briefing) -> Stages {
    typst::comemo::evict(0);
    let opts = RenderOptions::default();
    let t = Instant::now();
    let data = briefing::preview(s, b).unwrap();
    let resolve = t.elapsed();
    let t = Instant::now();
    let doc = briefing::layout(b, &data, &opts);
    let layout = t.elapsed();
    let t = Instant::now();
    let paged = briefing::pdf::typeset(&doc, &opts, template()).unwrap();
    let typeset = t.elapsed();
    let t = Instant::now();
    let pdf = typst_pdf::pdf(&paged, &typst_pdf::PdfOptions::default()).unwrap();
    let pdf_time = t.elapsed();
    Stages {
        resolve,
        layout,
        typeset,
        pdf: pdf_time,
        bytes: pdf.len(),
        pages: paged.pages().len(),
    }
}

/// The bundled template, or the file named by `MARSAD_BENCH_TEMPLATE` (read at every run, so a
/// restyled template can be timed without rebuilding).
fn template() -> String {
    match std::env::var("MARSAD_BENCH_TEMPLATE") {
        Ok(path) => std::fs::read_to_string(path).unwrap(),
        Err(_) => briefing::pdf::TEMPLATE.to_owned(),
    }
}

fn main() {
    // `MARSAD_BENCH_SIZES=100` limits the sizes (e.g. for a quick look in a debug build).
    let sizes: Vec<usize> = std::env::var("MARSAD_BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100, 1000]);
    let b = Briefing::new("موجز أداء");
    for n in sizes {
        // `MARSAD_BENCH_RUNS` overrides the number of timed runs after the first.
        let runs = std::env::var("MARSAD_BENCH_RUNS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(if n <= 100 { 5 } else { 3 })
            .max(1);
        let s = store(n);
        // The whole render through the public entry point, as the app and CLI call it.
        let t = Instant::now();
        let pdf = briefing::render(&s, &b, Format::Pdf, &RenderOptions::default(), &mut |_| {
            true
        })
        .unwrap();
        let first = t.elapsed();
        assert!(pdf.starts_with(b"%PDF-"));
        let cpu_before = cpu();
        let all: Vec<Stages> = (0..runs).map(|_| run(&s, &b)).collect();
        let cpu_per_run = cpu()
            .zip(cpu_before)
            .map(|(a, b)| (a - b).as_secs_f64() / runs as f64);
        let m = |f: fn(&Stages) -> Duration| median(all.iter().map(f).collect()).as_secs_f64();
        println!(
            "{n} events → PDF ({} pages, {} KiB): first {:.2} s (fonts loaded once); median of \
             {runs} with empty typst caches {:.2} s = resolve {:.3} + layout {:.3} + typeset {:.2} + \
             write PDF {:.2}; CPU time per run {:.2} s",
            all[0].pages,
            all[0].bytes / 1024,
            first.as_secs_f64(),
            m(Stages::total),
            m(|x| x.resolve),
            m(|x| x.layout),
            m(|x| x.typeset),
            m(|x| x.pdf),
            cpu_per_run.unwrap_or(f64::NAN),
        );
    }
}
