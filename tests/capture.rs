//! `marsad capture` end to end on a seed article: the JSON proposals, then `--apply`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

const ARTICLE: &str = include_str!("fixtures/articles/001_a9b625424dd5dee5.txt");

fn marsad(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marsad"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("MARSAD_DB")
        .output()
        .unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn stats(db: &Path) -> serde_json::Value {
    json(&marsad(db, &["stats", "--json"]))
}

#[test]
fn capture_proposes_then_applies_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.marsad");
    assert!(marsad(&db, &["sample"]).status.success());
    let before = stats(&db);
    let file = dir.path().join("article.txt");
    std::fs::write(&file, ARTICLE).unwrap();

    let v = json(&marsad(&db, &["capture", file.to_str().unwrap(), "--json"]));
    assert_eq!(
        v["source"]["title"],
        "المغرب وأميركا: تعاون أمني يعكس التفاهم السياسي"
    );
    assert_eq!(v["source"]["published"], "2022-05-08");
    assert_eq!(v["source"]["language"], "ar");
    assert_eq!(v["reference_date"], "2022-05-08");
    let dates = v["dates"].as_array().unwrap();
    let chars: Vec<char> = ARTICLE.chars().collect();
    for d in dates {
        let span = d["span"].as_array().unwrap();
        let (s, e) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        let phrase: String = chars[s..e].iter().collect();
        assert_eq!(phrase, d["phrase"].as_str().unwrap());
        for key in ["id", "value", "calendar", "relative", "accepted_by_default"] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
    }
    let find = |phrase: &str| {
        dates
            .iter()
            .find(|d| d["phrase"] == phrase)
            .unwrap_or_else(|| panic!("«{phrase}» not in {dates:?}"))
    };
    assert_eq!(find("08 مايو 2022")["value"], "2022-05-08");
    let friday = find("أول من أمس الجمعة");
    assert_eq!(
        (friday["value"].as_str(), friday["relative"].as_bool()),
        (Some("2022-05-06"), Some(true))
    );
    assert_eq!(find("26 مارس/آذار الماضي")["value"], "2022-03-26");
    assert_eq!(find("18 ديسمبر/كانون الأول الماضي")["value"], "2021-12-18");
    assert_eq!(find("يونيو 2021")["value"], "2021-06");
    assert_eq!(find("26 مارس/آذار الماضي")["calendar"], "gregorian");

    let actors = v["actors"].as_array().unwrap();
    let known: Vec<&str> = actors
        .iter()
        .filter(|a| !a["known_id"].is_null())
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    for name in [
        "المغرب",
        "الولايات المتحدة",
        "داعش",
        "المديرية العامة لمراقبة التراب الوطني",
    ] {
        assert!(known.contains(&name), "{name} not in {known:?}");
    }
    let events = v["events"].as_array().unwrap();
    let arrest = events
        .iter()
        .find(|e| e["kind"] == "arrest" && e["start"] == "2022-05-06")
        .unwrap_or_else(|| panic!("no arrest on 2022-05-06 in {events:?}"));
    assert!(
        arrest["excerpt"]["text"]
            .as_str()
            .unwrap()
            .contains("بركان")
    );
    assert_eq!(stats(&db), before, "--json alone must not write");

    let applied = json(&marsad(
        &db,
        &["capture", file.to_str().unwrap(), "--apply", "--json"],
    ));
    let after = stats(&db);
    let created = applied["events"].as_array().unwrap().len() as u64;
    assert!(created >= 3, "{applied}");
    assert_eq!(
        after["sources"].as_u64(),
        before["sources"].as_u64().map(|n| n + 1)
    );
    assert_eq!(
        after["events"].as_u64(),
        before["events"].as_u64().map(|n| n + created)
    );
    assert!(marsad(&db, &["check"]).status.success());

    // Capturing the same article again updates the same records.
    json(&marsad(
        &db,
        &["capture", file.to_str().unwrap(), "--apply", "--json"],
    ));
    assert_eq!(stats(&db), after);
}

#[test]
fn date_option_resolves_relative_phrases_without_a_date_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.marsad");
    let file = dir.path().join("a.html");
    std::fs::write(
        &file,
        "<html><head><title>خبر</title><script>alert(1)</script></head><body>\
         <h1>اعتقال في وجدة</h1><p>أعلنت السلطات أمس اعتقال عنصر موالٍ لداعش.</p></body></html>",
    )
    .unwrap();
    let v = json(&marsad(
        &db,
        &[
            "capture",
            file.to_str().unwrap(),
            "--date",
            "2022-03-27",
            "--json",
        ],
    ));
    assert_eq!(v["source"]["title"], "اعتقال في وجدة");
    assert_eq!(v["dates"][0]["phrase"], "أمس");
    assert_eq!(v["dates"][0]["value"], "2022-03-26");
    assert_eq!(v["events"][0]["kind"], "arrest");

    let o = marsad(
        &db,
        &["capture", file.to_str().unwrap(), "--date", "2022-13-01"],
    );
    assert_eq!(o.status.code(), Some(1));
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "   \n").unwrap();
    let o = marsad(&db, &["capture", empty.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no text"));
}

#[test]
fn windows_1256_and_utf16_articles_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.marsad");
    let text = "عنوان\nفي 26 مارس 2022 اعتقلت الشرطة شخصا.";
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(text);
    let a = dir.path().join("a.txt");
    std::fs::write(&a, &cp1256).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let b = dir.path().join("b.txt");
    std::fs::write(&b, &utf16).unwrap();
    for f in [a, b] {
        let v = json(&marsad(&db, &["capture", f.to_str().unwrap(), "--json"]));
        assert_eq!(v["dates"][0]["value"], "2022-03-26", "{}", f.display());
    }
}
