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

fn main() {
    let b = Briefing::new("موجز أداء");
    for (n, runs) in [(100, 5), (1000, 3)] {
        let s = store(n);
        let run = || {
            let t = Instant::now();
            let pdf = briefing::render(&s, &b, Format::Pdf, &RenderOptions::default(), &mut |_| {
                true
            })
            .unwrap();
            (t.elapsed(), pdf.len())
        };
        let (first, bytes) = run();
        let times: Vec<Duration> = (0..runs).map(|_| run().0).collect();
        let t = Instant::now();
        let data = briefing::preview(&s, &b).unwrap();
        let preview = t.elapsed();
        println!(
            "{n} events → PDF: first {:.2} s, median of {runs} {:.2} s, {} KiB; preview (resolve only) {:.1} ms for {} events",
            first.as_secs_f64(),
            median(times).as_secs_f64(),
            bytes / 1024,
            preview.as_secs_f64() * 1000.0,
            data.events.len()
        );
    }
}
