//! The exchange formats through the path the CLI takes (`marsad::import::read_file`, with the
//! format sniffed): fixtures written in the documented shape of Zotero (RIS, BibLaTeX,
//! CSL-JSON), ACLED and Aleph/FtM exports, checked field by field; then property tests that
//! feed every parser random bytes and mutated fixtures and assert it never panics.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marsad::import::{EncodingChoice, ImportError, ImportPlan, read_bytes, read_file};
use marsad::model::{ActorKind, Dataset, EventKind, RelationKind, Role, SourceKind};
use proptest::prelude::*;
use std::collections::HashSet;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn read(name: &str) -> ImportPlan {
    let plan = read_file(&fixture(name), None).unwrap();
    let problems = plan.data.validate(&HashSet::new());
    assert!(problems.is_empty(), "{name}: {problems:?}");
    plan
}

fn date(d: Option<marsad::model::PartialDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// The same four references in three Zotero exports: each reads to the same titles, authors,
/// outlets and dates.
fn check_zotero_sources(d: &Dataset, format: &str) {
    let s = &d.sources;
    assert_eq!(s.len(), if format == "bibtex" { 5 } else { 4 }, "{format}");
    let ar = &s[0];
    assert_eq!(
        ar.title, "تفكيك خلية إرهابية موالية لـ«داعش» تنشط بين بركان والناظور",
        "{format}"
    );
    assert_eq!(ar.kind, SourceKind::NewsArticle, "{format}");
    assert_eq!(ar.authors, ["محمد العلوي"], "{format}");
    assert_eq!(ar.outlet.as_deref(), Some("هسبريس"), "{format}");
    assert_eq!(date(ar.published), "2022-03-26", "{format}");
    assert_eq!(date(ar.accessed), "2022-03-27", "{format}");
    assert_eq!(ar.language.as_deref(), Some("ar"), "{format}");
    assert!(
        ar.notes
            .as_deref()
            .unwrap_or("")
            .contains("Abstract: أعلن المكتب المركزي للأبحاث القضائية"),
        "{format}: {:?}",
        ar.notes
    );
    let j = &s[1];
    assert_eq!(j.kind, SourceKind::Analysis, "{format}");
    assert_eq!(j.authors, ["John Smith", "Leila El Amrani"], "{format}");
    assert_eq!(
        j.outlet.as_deref(),
        Some("Journal of North African Studies")
    );
    assert_eq!(date(j.published), "2021", "{format}");
    assert_eq!(j.language.as_deref(), Some("en"), "{format}");
    let r = &s[2];
    assert_eq!(r.kind, SourceKind::Report, "{format}");
    assert_eq!(
        r.title, "Country Reports on Terrorism 2021: Morocco",
        "{format}"
    );
    assert_eq!(r.authors, ["Bureau of Counterterrorism"], "{format}");
    assert_eq!(
        r.outlet.as_deref(),
        Some("U.S. Department of State"),
        "{format}"
    );
    assert_eq!(date(r.published), "2023-02-27", "{format}");
    let w = &s[3];
    assert!(
        w.title.starts_with("Le Maroc et les États-Unis renforcent"),
        "{format}"
    );
    assert_eq!(w.authors, ["Karim Benali"], "{format}");
    assert_eq!(w.language.as_deref(), Some("fr"), "{format}");
    assert_eq!(
        w.url.as_deref(),
        Some("http://fr.le360.ma/politique/cooperation-securitaire")
    );
}

#[test]
fn zotero_ris_fixture() {
    let plan = read("zotero.ris");
    check_zotero_sources(&plan.data, "ris");
    let ar = &plan.data.sources[0];
    assert!(ar.notes.as_deref().unwrap_or("").starts_with("نقلاً عن بلاغ"));
    assert!(
        ar.notes
            .as_deref()
            .unwrap_or("")
            .contains("Keywords: إرهاب; المغرب")
    );
    let w = &plan.data.sources[3];
    assert_eq!(
        w.notes.as_deref(),
        Some("Article en français.\nSuite de la note sur une seconde ligne.")
    );
    // VL, IS, SP, EP, DO, CY are not read: each reported once, with its line.
    let tags: Vec<(usize, &str)> = plan
        .problems
        .iter()
        .map(|p| (p.line.unwrap(), p.field.as_deref().unwrap()))
        .collect();
    assert_eq!(
        tags,
        [
            (21, "VL"),
            (22, "IS"),
            (23, "SP"),
            (24, "EP"),
            (27, "DO"),
            (35, "CY")
        ]
    );
}

#[test]
fn zotero_biblatex_fixture() {
    let plan = read("zotero.bib");
    check_zotero_sources(&plan.data, "bibtex");
    let w = &plan.data.sources[3];
    assert_eq!(
        w.title,
        "Le Maroc et les États-Unis renforcent leur coopération sécuritaire & militaire"
    );
    assert_eq!(w.kind, SourceKind::WebPage);
    assert_eq!(
        w.notes.as_deref(),
        Some("Article en français. 50% des exercices")
    );
    let m = &plan.data.sources[4];
    assert_eq!(m.kind, SourceKind::OfficialStatement);
    assert_eq!(m.authors, ["James P. Rubin"]);
    assert_eq!(date(m.published), "1999-07");
}

#[test]
fn zotero_csl_json_fixture() {
    let plan = read("zotero.json");
    check_zotero_sources(&plan.data, "csl-json");
    assert!(plan.problems.is_empty(), "{:?}", plan.problems);
}

#[test]
fn same_reference_from_three_formats_has_one_id() {
    let ids = |name: &str| read(name).data.sources[0].id;
    assert_eq!(ids("zotero.ris"), ids("zotero.bib"));
    assert_eq!(ids("zotero.ris"), ids("zotero.json"));
}

#[test]
fn acled_fixture() {
    let plan = read("acled.csv");
    let d = &plan.data;
    // Twelve rows, one repeating MOR4101: merged.
    assert_eq!(d.events.len(), 11);
    assert!(
        plan.problems
            .iter()
            .any(|p| p.line == Some(13) && p.message.contains("same id"))
    );
    let first = &d.events[0];
    assert_eq!(first.kind, EventKind::Arrest);
    assert_eq!(first.title_en.as_deref(), Some("Arrests in Berkane"));
    assert_eq!(date(first.start), "2022-03-26");
    assert_eq!(first.country.as_deref(), Some("MA"));
    assert_eq!(
        (first.latitude, first.longitude),
        (Some(34.92), Some(-2.32))
    );
    assert!(
        first
            .description
            .as_deref()
            .unwrap()
            .contains("Islamic State in Berkane")
    );
    assert!(first.tags.contains(&"admin1=Oriental".to_owned()));
    let by_id = |n: usize| &d.events[n];
    assert_eq!(date(by_id(3).start), "2022-06");
    assert_eq!(by_id(4).kind, EventKind::AgreementSigned);
    assert_eq!(date(by_id(4).start), "2022");
    assert_eq!(by_id(5).kind, EventKind::Attack);
    assert_eq!(by_id(6).kind, EventKind::AttackFoiled);
    assert_eq!(by_id(7).kind, EventKind::Other);
    assert!(by_id(7).tags.contains(&"crowd size=no report".to_owned()));
    // Row 11 has latitude 95: reported, coordinates left empty, the event kept.
    assert_eq!(by_id(9).latitude, None);
    assert!(
        plan.problems
            .iter()
            .any(|p| p.line == Some(11) && p.field.as_deref() == Some("latitude"))
    );
    let actor = |name: &str| {
        d.actors
            .iter()
            .find(|a| a.display_name(false) == name)
            .unwrap()
    };
    assert_eq!(
        actor("Police Forces of Morocco (1999-)").kind,
        ActorKind::PoliceJudicial
    );
    assert_eq!(
        actor("Military Forces of Morocco (1999-)").kind,
        ActorKind::Military
    );
    assert_eq!(actor("Islamic State (Morocco)").kind, ActorKind::Other);
    assert_eq!(
        actor("Unidentified Armed Group (Morocco)").kind,
        ActorKind::ArmedGroup
    );
    let fbi = actor("FBI: Federal Bureau of Investigation");
    let fbi_roles: Vec<Role> = d
        .participations
        .iter()
        .filter(|p| p.actor_id == fbi.id)
        .map(|p| p.role)
        .collect();
    assert_eq!(fbi_roles, [Role::ArrestingBody]);
    let outlets: HashSet<&str> = d
        .sources
        .iter()
        .filter_map(|s| s.outlet.as_deref())
        .collect();
    assert!(outlets.contains("Hespress") && outlets.contains("الأحداث المغربية"));
    assert_eq!(d.sources.len(), 6);
}

#[test]
fn aleph_ftm_fixture() {
    let plan = read("aleph.ftm.json");
    let d = &plan.data;
    assert_eq!(d.actors.len(), 5);
    let actor = |acronym: &str| {
        d.actors
            .iter()
            .find(|a| a.acronym.as_deref() == Some(acronym))
            .unwrap()
    };
    let dgst = actor("DGST");
    assert_eq!(dgst.kind, ActorKind::SecurityService);
    assert_eq!(
        dgst.name_ar.as_deref(),
        Some("المديرية العامة لمراقبة التراب الوطني")
    );
    assert_eq!(
        dgst.name_fr.as_deref(),
        Some("Direction générale de la surveillance du territoire")
    );
    assert_eq!(actor("BCIJ").kind, ActorKind::PoliceJudicial);
    assert_eq!(
        actor("FBI").name_ar.as_deref(),
        Some("مكتب التحقيقات الفيدرالي")
    );
    let isis = d
        .actors
        .iter()
        .find(|a| a.name_en.as_deref() == Some("Islamic State"))
        .unwrap();
    assert_eq!(isis.kind, ActorKind::ArmedGroup);
    assert!(isis.aliases.contains(&"داعش".to_owned()));
    let kinds: HashSet<RelationKind> = d.relations.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        HashSet::from([
            RelationKind::Heads,
            RelationKind::MemberOf,
            RelationKind::CooperatesWith
        ])
    );
    let e = &d.events[0];
    assert_eq!(e.title_ar.as_deref(), Some("تفكيك خلية إرهابية في بركان"));
    assert_eq!(e.place.as_deref(), Some("بركان"));
    let roles: HashSet<(String, Role)> = d
        .participations
        .iter()
        .map(|p| {
            let a = d.actors.iter().find(|a| a.id == p.actor_id).unwrap();
            (a.display_name(false).to_owned(), p.role)
        })
        .collect();
    assert_eq!(
        roles,
        HashSet::from([
            (
                "Central Bureau of Judicial Investigations".to_owned(),
                Role::Organiser
            ),
            (
                "General Directorate for Territorial Surveillance".to_owned(),
                Role::InformationProvider
            ),
            ("Islamic State".to_owned(), Role::Participant),
        ])
    );
    assert_eq!(d.sources[0].language.as_deref(), Some("ar"));
    assert_eq!(d.excerpts.len(), 1);
    assert_eq!(d.evidence.len(), 1);
    let skipped: Vec<&str> = plan.problems.iter().map(|p| p.message.as_str()).collect();
    assert!(
        skipped.iter().any(|m| m.contains("«Address»")),
        "{skipped:?}"
    );
}

#[test]
fn sniffing_picks_each_format() {
    let names = [
        ("zotero.ris", "ris"),
        ("zotero.bib", "bibtex"),
        ("zotero.json", "csl-json"),
        ("acled.csv", "acled"),
        ("aleph.ftm.json", "ftm"),
    ];
    for (file, format) in names {
        let bytes = std::fs::read(fixture(file)).unwrap();
        let sniffed = read_bytes(&bytes, None, EncodingChoice::Auto).unwrap();
        let named = read_bytes(&bytes, Some(format), EncodingChoice::Auto).unwrap();
        assert_eq!(sniffed, named, "{file}");
        for (_, other) in names.iter().filter(|(f, _)| *f != file) {
            // Another format's reader refuses the file or reads nothing from it; it never panics.
            if let Ok(plan) = read_bytes(&bytes, Some(other), EncodingChoice::Auto) {
                assert!(
                    plan.data.is_empty() || *other == "bibtex",
                    "{file} as {other}"
                );
            }
        }
    }
}

#[test]
fn utf16_and_windows_1256_files_are_decoded() {
    let text = std::fs::read_to_string(fixture("zotero.ris")).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.trim_start_matches('\u{feff}').encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let plan = read_bytes(&utf16, None, EncodingChoice::Auto).unwrap();
    check_zotero_sources(&plan.data, "ris");
}

const FORMATS: &[&str] = &["ris", "bibtex", "csl-json", "acled", "ftm"];
const FIXTURES: &[&str] = &[
    "zotero.ris",
    "zotero.bib",
    "zotero.json",
    "acled.csv",
    "aleph.ftm.json",
];

fn no_panic(bytes: &[u8]) {
    for f in FORMATS {
        match read_bytes(bytes, Some(f), EncodingChoice::Utf8) {
            Ok(_) | Err(ImportError::Encoding(_) | ImportError::Binary) => {}
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
    let _ = read_bytes(bytes, None, EncodingChoice::Auto);
}

/// A fixture with bytes replaced, inserted and removed at random places.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    (
        0..FIXTURES.len(),
        prop::collection::vec((any::<u16>(), any::<u8>(), 0u8..3), 1..12),
    )
        .prop_map(|(i, edits)| {
            let mut b = std::fs::read(fixture(FIXTURES[i])).unwrap();
            for (pos, byte, op) in edits {
                let at = usize::from(pos) % (b.len() + 1);
                match op {
                    0 if at < b.len() => b[at] = byte,
                    1 => b.insert(at, byte),
                    _ if at < b.len() => {
                        b.truncate(at.max(1));
                    }
                    _ => {}
                }
            }
            b
        })
}

/// Structural characters of the formats, so random input reaches the parsers' inner states.
fn structured() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("TY  - "),
            Just("ER  - "),
            Just("TI  - "),
            Just("\r\n"),
            Just("\n"),
            Just("@article{"),
            Just("title = {"),
            Just("}"),
            Just("{"),
            Just("\\"),
            Just(","),
            Just("["),
            Just("]"),
            Just("\""),
            Just(":"),
            Just("{\"id\":\"a\",\"schema\":\"Event\",\"properties\":{"),
            Just("event_id_cnty,event_date,event_type\n"),
            Just("\"date-parts\""),
            Just("مارس"),
            Just("2022-03-26"),
            Just("\u{feff}"),
            Just(" and "),
            Just("$"),
            Just("--"),
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        no_panic(&bytes);
    }

    #[test]
    fn mutated_fixtures_never_panic(bytes in mutated()) {
        no_panic(&bytes);
    }

    #[test]
    fn structured_noise_never_panics(text in structured()) {
        no_panic(text.as_bytes());
    }
}

fn marsad(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_marsad"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("MARSAD_DB")
        .output()
        .unwrap()
}

#[test]
fn cli_imports_every_fixture_and_exports_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.marsad");
    for f in FIXTURES {
        let path = fixture(f);
        let o = marsad(
            &db,
            &["import", path.to_str().unwrap(), "--dry-run", "--json"],
        );
        assert!(
            o.status.success(),
            "{f}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["dry_run"], true, "{f}");
    }
    assert!(marsad(&db, &["sample"]).status.success());
    for (format, table) in [
        ("csv", Some("actors")),
        ("csv", Some("sources")),
        ("csv", None),
        ("acled", None),
        ("ris", None),
        ("bibtex", None),
        ("csl-json", None),
        ("ftm", None),
        ("graphml", None),
        ("gexf", None),
    ] {
        let out = dir
            .path()
            .join(format!("out-{format}-{}", table.unwrap_or("")));
        let mut args = vec!["export", "--format", format, "--out", out.to_str().unwrap()];
        if let Some(t) = table {
            args.extend(["--table", t]);
        }
        let o = marsad(&db, &args);
        assert!(
            o.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(
            text.contains("المغرب"),
            "{format}: no Arabic name in the export"
        );
        if !["graphml", "gexf"].contains(&format) {
            // Every exported file is recognised and read back by the import command.
            let o = marsad(&db, &["import", out.to_str().unwrap(), "--dry-run"]);
            assert!(
                o.status.success(),
                "{format}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
    }
    let o = marsad(
        &db,
        &[
            "export", "--format", "ris", "--table", "actors", "--out", "x",
        ],
    );
    assert!(!o.status.success());
}
