//! Property tests, one per parser: format-shaped noise (the format's own syntax mixed with
//! hostile values) never panics and always ends in a plan or a clear error. Each runs a few
//! thousand cases on small inputs, so the whole file stays within seconds; longer runs are the
//! fuzz targets' job (see `fuzz/`). A last test feeds each parser megabyte-sized pathological
//! input, which must be refused or read, not hang.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marsad::import::{EncodingChoice, ImportError, by_name, parse_date, read_bytes};
use proptest::prelude::*;

/// Cases per parser.
const CASES: u32 = 2500;

/// Runs the named importer on `text`: a plan, or an error that says something.
fn read(format: &str, text: &str) {
    let importer = by_name(format).unwrap();
    match importer.read(text) {
        Ok(plan) => {
            for p in &plan.problems {
                assert!(!p.message.is_empty(), "{format}: an empty problem");
            }
        }
        Err(e) => assert!(!e.to_string().trim().is_empty(), "{format}: empty error"),
    }
}

/// Values that break naive parsers: quotes, separators, braces, markup, huge numbers, Arabic,
/// bidi controls, NUL, lone surrogates' replacement, CRs.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("\"".to_owned()),
        Just("\"\"".to_owned()),
        Just(",".to_owned()),
        Just(";".to_owned()),
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("\\".to_owned()),
        Just("\r".to_owned()),
        Just("\n".to_owned()),
        Just("\0".to_owned()),
        Just("=cmd|' /C calc'!A0".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        Just("99999999999999999999999".to_owned()),
        Just("-1".to_owned()),
        Just("2022-13-45".to_owned()),
        Just("٢٦ مارس ٢٠٢٢".to_owned()),
        Just("1443-08-23هـ".to_owned()),
        Just("\u{202e}\u{2067}".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("\u{fffd}".to_owned()),
        Just("المديرية العامة لمراقبة التراب الوطني".to_owned()),
        "\\PC{0,24}",
        "[0-9-/.]{0,12}",
    ]
}

fn values(max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(value(), 0..max)
}

/// A JSON value of bounded depth with keys drawn from `keys`.
fn json(keys: &'static [&'static str]) -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        any::<f64>().prop_map(|f| serde_json::json!(f)),
        value().prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::vec((prop::sample::select(keys), inner), 0..8).prop_map(|kv| {
                serde_json::Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

const MARSAD_KEYS: &[&str] = &[
    "format",
    "version",
    "events",
    "actors",
    "sources",
    "excerpts",
    "participations",
    "relations",
    "evidence",
    "id",
    "kind",
    "title_ar",
    "title_en",
    "start",
    "end",
    "name_ar",
    "name_en",
    "parent_id",
    "event_id",
    "actor_id",
    "role",
    "source_id",
    "start_pos",
    "end_pos",
    "text",
    "tags",
    "reliability",
    "url",
    "from_id",
    "to_id",
    "excerpt_id",
    "target",
];

const CSL_KEYS: &[&str] = &[
    "id",
    "type",
    "title",
    "author",
    "family",
    "given",
    "literal",
    "issued",
    "date-parts",
    "raw",
    "URL",
    "DOI",
    "container-title",
    "publisher",
    "language",
    "abstract",
    "note",
];

const FTM_KEYS: &[&str] = &[
    "id",
    "schema",
    "properties",
    "name",
    "date",
    "startDate",
    "endDate",
    "summary",
    "country",
    "entity",
    "organization",
    "involved",
    "role",
    "alias",
    "sourceUrl",
    "publisher",
    "title",
];

const ACLED_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "country",
    "iso",
    "location",
    "latitude",
    "longitude",
    "source",
    "notes",
    "fatalities",
    "tags",
    "marsad_id",
    "marsad_actors",
    "marsad_start",
];

const CSV_COLUMNS: &[&str] = &[
    "id",
    "title_ar",
    "title_en",
    "type",
    "kind",
    "date",
    "start",
    "end",
    "place",
    "country",
    "actors",
    "tags",
    "name_ar",
    "name_en",
    "acronym",
    "aliases",
    "parent",
    "url",
    "outlet",
    "published",
    "reliability",
    "العنوان",
    "التاريخ",
    "الاسم",
];

const RIS_TAGS: &[&str] = &[
    "TY", "ER", "TI", "T1", "AU", "A1", "PY", "Y1", "DA", "UR", "DO", "JO", "T2", "PB", "AB", "N1",
    "KW", "LA", "SP", "XX", "",
];

const BIB_FIELDS: &[&str] = &[
    "title",
    "author",
    "date",
    "year",
    "month",
    "url",
    "doi",
    "journaltitle",
    "journal",
    "publisher",
    "abstract",
    "note",
    "langid",
    "keywords",
    "crossref",
    "xdata",
];

fn csv_line(cells: Vec<String>, sep: char) -> String {
    cells
        .iter()
        .map(|c| {
            if c.contains([sep, '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(sep.to_string().as_str())
}

/// A header of real column names and rows of hostile values, sometimes with a broken quote.
fn csv_file(columns: &'static [&'static str]) -> impl Strategy<Value = String> {
    (
        prop::sample::subsequence(columns, 0..columns.len()),
        prop::collection::vec(values(12), 0..8),
        prop::sample::select(vec![',', ';', '\t']),
        any::<bool>(),
    )
        .prop_map(|(header, rows, sep, break_quote)| {
            let mut s = csv_line(header.iter().map(|h| (*h).to_owned()).collect(), sep);
            for r in rows {
                s.push('\n');
                s.push_str(&csv_line(r, sep));
            }
            if break_quote {
                s.push_str("\n\"unclosed");
            }
            s
        })
}

fn ris_file() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (prop::sample::select(RIS_TAGS), value(), any::<bool>()),
        0..30,
    )
    .prop_map(|lines| {
        lines
            .into_iter()
            .map(|(tag, v, crlf)| format!("{tag}  - {v}{}", if crlf { "\r\n" } else { "\n" }))
            .collect()
    })
}

fn bibtex_file() -> impl Strategy<Value = String> {
    let entry = (
        prop::sample::select(vec![
            "article", "book", "online", "misc", "string", "comment",
        ]),
        value(),
        prop::collection::vec((prop::sample::select(BIB_FIELDS), value(), 0u8..4), 0..8),
        any::<bool>(),
    )
        .prop_map(|(kind, key, fields, close)| {
            let mut s = format!("@{kind}{{{key},\n");
            for (name, v, style) in fields {
                let v = match style {
                    0 => format!("{{{v}}}"),
                    1 => format!("\"{v}\""),
                    2 => v,
                    _ => format!("{{{{{v}}} # \"{v}\""),
                };
                s.push_str(&format!("  {name} = {v},\n"));
            }
            if close {
                s.push('}');
            }
            s
        });
    prop::collection::vec(entry, 0..5).prop_map(|v| v.join("\n"))
}

fn ftm_file() -> impl Strategy<Value = String> {
    prop::collection::vec(json(FTM_KEYS), 0..6).prop_map(|lines| {
        lines
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn marsad_file() -> impl Strategy<Value = String> {
    (json(MARSAD_KEYS), 0i64..3).prop_map(|(body, version)| {
        let mut obj = match body {
            serde_json::Value::Object(m) => m,
            other => {
                let mut m = serde_json::Map::new();
                m.insert("events".into(), other);
                m
            }
        };
        obj.insert("format".into(), "marsad".into());
        obj.insert("version".into(), version.into());
        serde_json::Value::Object(obj).to_string()
    })
}

/// Date-shaped text: numbers, month names in three languages and calendars, separators.
fn date_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[0-9]{1,5}",
            "[٠-٩]{1,4}",
            Just("-".to_owned()),
            Just("/".to_owned()),
            Just(".".to_owned()),
            Just(" ".to_owned()),
            Just("مارس".to_owned()),
            Just("آذار".to_owned()),
            Just("شعبان".to_owned()),
            Just("هـ".to_owned()),
            Just("March".to_owned()),
            Just("mars".to_owned()),
            Just("circa".to_owned()),
            Just("T".to_owned()),
            Just("Z".to_owned()),
            "\\PC{0,4}",
        ],
        0..10,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn marsad_json_never_panics(text in marsad_file()) {
        read("marsad-json", &text);
    }

    #[test]
    fn csv_events_never_panics(text in csv_file(CSV_COLUMNS)) {
        read("csv-events", &text);
    }

    #[test]
    fn csv_actors_and_sources_never_panic(text in csv_file(CSV_COLUMNS)) {
        read("csv-actors", &text);
        read("csv-sources", &text);
    }

    #[test]
    fn acled_never_panics(text in csv_file(ACLED_COLUMNS)) {
        read("acled", &text);
    }

    #[test]
    fn ris_never_panics(text in ris_file()) {
        read("ris", &text);
    }

    #[test]
    fn bibtex_never_panics(text in bibtex_file()) {
        read("bibtex", &text);
    }

    #[test]
    fn csl_json_never_panics(items in prop::collection::vec(json(CSL_KEYS), 0..5)) {
        read("csl-json", &serde_json::Value::Array(items).to_string());
    }

    #[test]
    fn ftm_never_panics(text in ftm_file()) {
        read("ftm", &text);
    }

    #[test]
    fn date_parser_never_panics_and_is_deterministic(text in date_text()) {
        let a = parse_date(&text);
        prop_assert_eq!(a, parse_date(&text));
        if let Some(d) = a {
            // Whatever it read prints and reads back the same.
            prop_assert_eq!(Some(d), d.to_string().parse::<marsad::model::PartialDate>().ok());
        }
    }

    #[test]
    fn sniffing_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = read_bytes(&bytes, None, EncodingChoice::Auto);
    }
}

/// Pathological megabyte inputs: each parser returns (a plan or a clear error) instead of
/// recursing, looping or allocating without bound.
#[test]
fn megabyte_pathological_inputs_end_with_a_plan_or_a_clear_error() {
    const MB: usize = 1024 * 1024;
    let cases: Vec<(&str, String)> = vec![
        ("marsad-json", "[".repeat(MB)),
        (
            "marsad-json",
            format!(
                "{{\"format\":\"marsad\",\"version\":1,\"events\":[{}]}}",
                "{},".repeat(MB / 3) + "{}"
            ),
        ),
        ("csl-json", "[{\"a\":".repeat(MB / 6)),
        ("ftm", "{\"properties\":".repeat(MB / 14)),
        ("ris", "TY  - JOUR\n".repeat(MB / 11)),
        (
            "ris",
            format!("TY  - JOUR\nTI  - {}\nER  - \n", "ع".repeat(MB / 2 + 10)),
        ),
        ("bibtex", "{".repeat(MB)),
        ("bibtex", "@article{".repeat(MB / 9)),
        ("acled", format!("{}\n", "event_date,".repeat(5000))),
        (
            "acled",
            format!("event_date,event_type\n\"{}", "x".repeat(MB)),
        ),
        ("csv-events", ",".repeat(MB + 8)),
        (
            "csv-events",
            format!("{}\n{}", "title_ar,".repeat(5000), "x,".repeat(5000)),
        ),
        (
            "csv-events",
            format!("title_ar,date\n{}", "\"\"".repeat(MB / 2)),
        ),
        ("csv-actors", "\n".repeat(MB)),
    ];
    for (format, text) in cases {
        match by_name(format).unwrap().read(&text) {
            Ok(_) => {}
            Err(e @ ImportError::TooLong { .. }) => {
                assert!(e.to_string().contains("limit"), "{format}: {e}");
            }
            Err(e) => assert!(!e.to_string().is_empty(), "{format}"),
        }
    }
    let dates = [
        "٢".repeat(MB),
        "2022-".repeat(MB / 5),
        "مارس ".repeat(MB / 10),
    ];
    for d in dates {
        let _ = parse_date(&d);
    }
}
