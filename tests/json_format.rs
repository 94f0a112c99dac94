//! The native JSON format holds a store losslessly: import(export(store)) == store.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marsad::export::{Exporter, marsad_json::MarsadJson as Writer};
use marsad::import::{Importer, marsad_json::MarsadJson as Reader};
use marsad::model::*;
use marsad::store::Store;

fn tricky_dataset() -> Dataset {
    let mut d = Dataset::default();
    let mut morocco = Actor::new(ActorKind::State);
    morocco.name_ar = Some("المَغْرِب".into()); // harakat are kept as typed
    morocco.name_en = Some("Morocco 🇲🇦".into());
    morocco.name_fr = Some("Maroc\u{301}".into()); // combining acute
    morocco.aliases = vec!["المملكة المغربية".into(), "\u{200F}الرباط\u{200F}".into()];
    morocco.country = Some("MA".into());
    morocco.description = Some("سطر أول\r\nسطر ثانٍ\rثالث\n".into());
    let mut dgst = Actor::new(ActorKind::SecurityService);
    dgst.acronym = Some("DGST".into());
    dgst.parent_id = Some(morocco.id);
    dgst.active_from = Some("~1973".parse().unwrap());
    let full = "قال «البيان» (BCIJ) في 26 مارس/آذار 2022: تمّ تفكيك خلية 🙂 في بركان.";
    let mut src = Source::new(SourceKind::OfficialStatement, "بيان \"رسمي\" <b>");
    src.full_text = Some(full.into());
    src.authors = vec!["هسبريس".into(), "O'Brien".into()];
    src.language = Some("ar".into());
    src.published = Some("2022-05-08".parse().unwrap());
    src.url = Some("https://example.org/a?b=1&c=«د»".into());
    src.reliability = Reliability::B;
    let quote = "تمّ تفكيك خلية 🙂 في بركان";
    let start = full
        .chars()
        .collect::<Vec<_>>()
        .windows(quote.chars().count())
        .position(|w| w.iter().collect::<String>() == quote)
        .unwrap() as u64;
    let mut x = Excerpt::new(src.id, quote);
    x.start = Some(start);
    x.end = Some(start + quote.chars().count() as u64);
    x.credibility = Credibility::new(2).unwrap();
    x.translation = Some("A cell was dismantled in Berkane".into());
    let mut e = Event::new(EventKind::CellDismantled);
    e.title_ar = Some("تفكيك خلية في بركان".into());
    e.start = Some("2022-03-26".parse().unwrap());
    e.end = Some("2022-03".parse().unwrap());
    e.date_as_written = Some("26 مارس/آذار الماضي".into());
    e.latitude = Some(34.9218);
    e.longitude = Some(-2.3197);
    e.tags = vec!["داعش".into(), "tag with \"quotes\"".into()];
    let p = Participation::new(e.id, dgst.id, Role::ArrestingBody);
    let r = Relation::new(dgst.id, RelationKind::PartOf, morocco.id);
    d.evidence
        .push(Evidence::new(x.id, EvidenceTarget::Event(e.id)));
    d.evidence
        .push(Evidence::new(x.id, EvidenceTarget::Participation(p.id)));
    d.evidence
        .push(Evidence::new(x.id, EvidenceTarget::Relation(r.id)));
    d.actors = vec![dgst, morocco]; // child before parent
    d.sources.push(src);
    d.excerpts.push(x);
    d.events.push(e);
    d.participations.push(p);
    d.relations.push(r);
    d
}

#[test]
fn file_round_trip_is_lossless() {
    let d = tricky_dataset();
    let bytes = Writer.write(&d).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.starts_with("{\n  \"format\": \"marsad\",\n  \"version\": 1"));
    let back = Reader.read(&text).unwrap().data;
    let mut sorted = d.clone();
    sorted.sort();
    assert_eq!(back, sorted);
    assert_eq!(Writer.write(&back).unwrap(), bytes, "canonical output");
}

#[test]
fn store_round_trip_is_lossless() {
    let d = tricky_dataset();
    let mut store = Store::in_memory().unwrap();
    store.import(&d).unwrap();
    let exported = store.export().unwrap();
    let mut sorted = d.clone();
    sorted.sort();
    assert_eq!(exported, sorted);
    let text = String::from_utf8(Writer.write(&exported).unwrap()).unwrap();
    let mut again = Store::in_memory().unwrap();
    again.import(&Reader.read(&text).unwrap().data).unwrap();
    assert_eq!(again.export().unwrap(), sorted);
}

#[test]
fn invalid_records_are_reported_with_location_and_nothing_is_written() {
    let mut d = tricky_dataset();
    d.events[0].end = Some("2021-01".parse().unwrap());
    d.excerpts[0].end = Some(d.excerpts[0].end.unwrap() + 1);
    let mut store = Store::in_memory().unwrap();
    let err = store.import(&d).unwrap_err().to_string();
    assert!(err.starts_with("2 problem(s)"), "{err}");
    assert!(err.contains("excerpts[0]"), "{err}");
    assert_eq!(store.stats().unwrap().actors, 0);
}

#[test]
fn bad_values_in_json_name_line_and_field() {
    let text = "{\"format\":\"marsad\",\"version\":1,\"events\":[\n{\"id\":\"0190a4b2-0000-7000-8000-000000000001\",\"kind\":\"arrest\",\n\"start\":\"2021-02-30\"}]}";
    let err = Reader.read(text).unwrap_err().to_string();
    assert!(err.starts_with("line 3"), "{err}");
    assert!(err.contains("2021-02"), "{err}");
}
