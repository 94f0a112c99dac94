//! Property tests: random and mutated text never makes date, actor or article capture panic,
//! and every span they report lies on char boundaries inside the text and holds the phrase.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marsad::import::capture::{CaptureOptions, capture_text, html::html_to_text};
use marsad::model::PartialDate;
use marsad::text::dates::find_dates;
use marsad::text::mentions::ActorIndex;
use proptest::prelude::*;

const SEED: &str = include_str!("fixtures/articles/001_a9b625424dd5dee5.txt");

/// Pieces that make date-like and name-like text likely.
const PIECES: &[&str] = &[
    " ",
    "،",
    "/",
    "-",
    ".",
    "\n",
    "(",
    ")",
    "هـ",
    "م",
    "من",
    "و",
    "في",
    "الماضي",
    "أمس",
    "أول",
    "الجمعة",
    "يوم",
    "سنة",
    "عام",
    "العام",
    "الشهر",
    "مارس",
    "آذار",
    "كانون",
    "الأول",
    "الثاني",
    "تشرين",
    "ذو",
    "الحجة",
    "ربيع",
    "جمادى",
    "رمضان",
    "شتنبر",
    "يوليوز",
    "جانفي",
    "March",
    "1er",
    "والعشرين",
    "عشر",
    "الحادي",
    "2022",
    "١٤٤٣",
    "26",
    "٣",
    "0",
    "99999",
    "1",
    "31",
    "إلى",
    "بين",
    "المغرب",
    "للولايات",
    "المتحدة",
    "BCIJ",
    "وزارة",
    "الداخلية",
    "مكتب",
    "اعتقال",
    "<p>",
    "&amp;",
    "<script>",
    "</p>",
    "\u{200F}",
    "ـ",
    "é",
    "🙂",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn check_spans(text: &str, spans: impl Iterator<Item = (usize, usize, String)>) {
    let chars: Vec<char> = text.chars().collect();
    let mut last_end = 0;
    for (s, e, phrase) in spans {
        assert!(
            s < e && e <= chars.len(),
            "span {s}..{e} outside {}",
            chars.len()
        );
        assert!(s >= last_end, "overlapping or unordered spans");
        last_end = e;
        let slice: String = chars[s..e].iter().collect();
        assert_eq!(slice, phrase);
    }
}

fn index() -> &'static ActorIndex {
    static INDEX: std::sync::OnceLock<ActorIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let actors = marsad::sample::dataset()
            .map(|d| d.actors)
            .unwrap_or_default();
        ActorIndex::new(&actors)
    })
}

fn reference() -> Option<PartialDate> {
    "2022-05-08".parse().ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn dates_in_random_pieces(text in pieces()) {
        let found = find_dates(&text, reference());
        check_spans(&text, found.into_iter().map(|m| (m.start, m.end, m.phrase)));
    }

    #[test]
    fn dates_in_arbitrary_unicode(text in "\\PC{0,200}") {
        let found = find_dates(&text, reference());
        check_spans(&text, found.into_iter().map(|m| (m.start, m.end, m.phrase)));
    }

    #[test]
    fn mutated_article(cut in 0usize..6000, len in 0usize..2000, insert in pieces()) {
        let chars: Vec<char> = SEED.chars().collect();
        let a = cut.min(chars.len());
        let b = (a + len).min(chars.len());
        let mut text: String = chars[..a].iter().collect();
        text.push_str(&insert);
        text.extend(&chars[b..]);
        let found = find_dates(&text, reference());
        check_spans(&text, found.into_iter().map(|m| (m.start, m.end, m.phrase)));
        check_spans(&text, index().find(&text).into_iter().map(|m| (m.start, m.end, m.phrase)));
    }

    #[test]
    fn capture_never_panics_and_excerpts_match(text in pieces(), html in any::<bool>()) {
        let options = CaptureOptions { published: reference(), url: None };
        if let Ok(c) = capture_text(&text, html, &[], &options) {
            let full = c.source.full_text.clone().unwrap_or_default();
            let chars: Vec<char> = full.chars().collect();
            for e in &c.events {
                let slice: String = chars[e.excerpt_start..e.excerpt_end].iter().collect();
                prop_assert_eq!(&slice, &e.excerpt);
            }
            check_spans(&full, c.dates.iter().map(|d| (d.mention.start, d.mention.end, d.mention.phrase.clone())));
        }
    }

    #[test]
    fn html_in_arbitrary_unicode(text in "\\PC{0,300}") {
        let _ = html_to_text(&text);
    }
}

#[test]
fn hostile_repetitions_finish() {
    // Long runs of almost-dates: each rule looks a bounded number of tokens ahead, so this is
    // linear (timing belongs to benchmarks; this only checks it completes and stays sane).
    let patterns = [
        "الثاني والعشرين من ",
        "26 مارس/آذار/",
        "1 و",
        "2020-",
        "يوم الجمعة ",
        "أول من ",
    ];
    for p in patterns {
        let text = p.repeat(20_000);
        let found = find_dates(&text, reference());
        check_spans(&text, found.into_iter().map(|m| (m.start, m.end, m.phrase)));
    }
}
