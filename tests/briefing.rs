//! Briefings end to end: the sample store (and hostile records) through every writer, the
//! PDF read back with lopdf, the DOCX opened as a zip.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use marsad::briefing::{self, Format, RenderOptions};
use marsad::model::{
    Actor, ActorKind, Briefing, BriefingLanguage, Credibility, Event, EventKind, Evidence,
    EvidenceTarget, Excerpt, Participation, Reliability, Role, Source, SourceKind,
};
use marsad::store::Store;

fn sample_store() -> Store {
    let mut s = Store::in_memory().unwrap();
    marsad::sample::load(&mut s).unwrap();
    s
}

fn render(store: &Store, b: &Briefing, format: Format) -> Vec<u8> {
    briefing::render(store, b, format, &RenderOptions::default(), &mut |_| true).unwrap()
}

mod pdf_text;

/// Page count and the text of every page as a bidi-aware reader extracts it (see
/// `pdf_text`), in logical order for a document whose paragraphs run right to left if `rtl`.
fn pdf_text(pdf: &[u8], rtl: bool) -> (usize, String) {
    let pages = pdf_text::pages(pdf, rtl);
    (pages.len(), pages.join("\n"))
}

/// The base names of the fonts embedded in the PDF (subset prefix removed).
fn embedded_fonts(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut names = Vec::new();
    for obj in doc.objects.values() {
        let Ok(dict) = obj.as_dict() else { continue };
        let is_descriptor = dict
            .get(b"Type")
            .and_then(|t| t.as_name())
            .is_ok_and(|n| n == b"FontDescriptor");
        let embedded = dict.has(b"FontFile2") || dict.has(b"FontFile3") || dict.has(b"FontFile");
        if is_descriptor
            && embedded
            && let Ok(name) = dict.get(b"FontName").and_then(|n| n.as_name())
        {
            let name = String::from_utf8_lossy(name).into_owned();
            let base = name
                .split_once('+')
                .map(|(_, b)| b.to_owned())
                .unwrap_or(name);
            names.push(base);
        }
    }
    names
}

/// Extracted text with whitespace and bidi marks removed, to compare phrases across line breaks.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

#[test]
fn arabic_pdf_of_the_sample_store() {
    let store = sample_store();
    let b = Briefing::new("التعاون الأمني بين المغرب والولايات المتحدة");
    let pdf = render(&store, &b, Format::Pdf);
    let (pages, text) = pdf_text(&pdf, true);
    assert!(pages > 3, "only {pages} pages");
    let fonts = embedded_fonts(&pdf);
    assert!(
        fonts.iter().any(|f| f.starts_with("NotoNaskhArabic")),
        "{fonts:?}"
    );
    assert!(
        fonts.iter().all(|f| f.starts_with("Noto")),
        "a system font crept in: {fonts:?}"
    );
    let flat = squeeze(&text);
    let data = briefing::preview(&store, &b).unwrap();
    // typst 0.15 writes a letter carrying a separately positioned mark (shadda, tanwin) as
    // two text runs that both carry the cluster's text (the mark through ToUnicode, the
    // letter through /ActualText), so such a word is extracted with the cluster doubled
    // («حدّدّ»). Titles with these marks are therefore only required to be mostly found;
    // every other title must come back whole and in logical order.
    let has_marks = |t: &str| t.chars().any(|c| ('\u{064B}'..='\u{0652}').contains(&c));
    let mut plain = 0;
    let mut missing = Vec::new();
    for e in &data.events {
        let title = e.event.display_title(true);
        if !has_marks(title) {
            plain += 1;
        }
        if !flat.contains(&squeeze(title)) {
            missing.push(title.to_owned());
        }
    }
    std::fs::write(std::env::temp_dir().join("marsad-briefing-ar.txt"), &text).unwrap();
    assert!(plain >= 30, "the sample store should have plain titles");
    assert!(
        missing.iter().all(|t| has_marks(t)) && missing.len() * 10 <= data.events.len(),
        "Arabic event titles not found in logical order: {missing:?}"
    );
    // The ToUnicode maps give the letters themselves, not presentation forms, so a search in
    // the copied text finds them.
    assert!(
        !text
            .chars()
            .any(|c| matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')),
        "presentation forms in the text"
    );
    for s in &data.sources {
        if let Some(outlet) = &s.source.outlet {
            assert!(flat.contains(&squeeze(outlet)), "outlet {outlet} missing");
        }
    }
    assert!(flat.contains(&squeeze("التسلسل الزمني")));
    assert!(flat.contains(&squeeze("موثوقية المصدر")));
}

#[test]
fn english_pdf_of_the_sample_store() {
    let store = sample_store();
    let mut b = Briefing::new("Morocco–US security cooperation");
    b.language = BriefingLanguage::En;
    b.handling = Some("RESTRICTED — research use".into());
    let pdf = render(&store, &b, Format::Pdf);
    let (pages, text) = pdf_text(&pdf, false);
    assert!(pages > 3);
    let fonts = embedded_fonts(&pdf);
    assert!(
        fonts.iter().any(|f| f.starts_with("NotoSans-")),
        "{fonts:?}"
    );
    let flat = squeeze(&text);
    assert!(flat.contains("Chronology"));
    assert!(flat.contains(&squeeze("RESTRICTED — research use")));
    assert!(
        flat.contains(&format!("Page1of{pages}")),
        "no page X of Y footer"
    );
    let data = briefing::preview(&store, &b).unwrap();
    let english: Vec<_> = data
        .events
        .iter()
        .filter_map(|e| e.event.title_en.as_deref())
        .collect();
    assert!(!english.is_empty());
    let found = english
        .iter()
        .filter(|t| flat.contains(&squeeze(t)))
        .count();
    assert!(found * 10 >= english.len() * 9, "{found}/{}", english.len());
}

/// A store whose every text field is hostile: markup, script, handlers, typst syntax.
fn hostile_store() -> (Store, Vec<&'static str>) {
    let nasty = vec![
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "#set page(width: 1cm) $x^2$ @ref *bold* _it_ <label> \\ \\\\ ]",
        "#eval(\"panic()\") #{1+1} `raw` \\u{41} // comment /* x */ ~ -- ---",
    ];
    let mut s = Store::in_memory().unwrap();
    let mut src = Source::new(SourceKind::NewsArticle, nasty[0]);
    src.outlet = Some(nasty[1].into());
    src.url = Some("javascript:alert(1)".into());
    src.reliability = Reliability::B;
    let mut data_src = Source::new(SourceKind::WebPage, nasty[2]);
    data_src.url = Some("data:text/html,<script>alert(1)</script>".into());
    let mut actor = Actor::new(ActorKind::ArmedGroup);
    actor.name_ar = Some(format!("خلية {}", nasty[1]));
    let mut ev = Event::new(EventKind::CellDismantled);
    ev.title_ar = Some(format!("تفكيك {}", nasty[0]));
    ev.description = Some(nasty[2].into());
    ev.start = Some("2020-02-03".parse().unwrap());
    let mut x = Excerpt::new(src.id, nasty[2]);
    x.credibility = Credibility::new(2).unwrap();
    let y = Excerpt::new(data_src.id, format!("نص «مقتبس» #include {}", nasty[3]));
    s.write(|w| {
        w.insert_source(&src)?;
        w.insert_source(&data_src)?;
        w.insert_actor(&actor)?;
        w.insert_event(&ev)?;
        w.insert_participation(&Participation::new(ev.id, actor.id, Role::Suspect))?;
        w.insert_excerpt(&x)?;
        w.insert_excerpt(&y)?;
        w.insert_evidence(&Evidence::new(x.id, EvidenceTarget::Event(ev.id)))?;
        w.insert_evidence(&Evidence::new(y.id, EvidenceTarget::Event(ev.id)))
    })
    .unwrap();
    (s, nasty)
}

fn hostile_briefing(nasty: &[&str]) -> Briefing {
    let mut b = Briefing::new(format!("موجز {}", nasty[0]));
    b.subtitle = Some(nasty[1].into());
    b.handling = Some(nasty[2].into());
    b.author = Some("#author".into());
    b.sections[0].text = format!("{}\n\n{}", nasty[2], nasty[0]);
    b
}

#[test]
fn hostile_fields_in_html_stay_text() {
    let (store, nasty) = hostile_store();
    let b = hostile_briefing(&nasty);
    let html = String::from_utf8(render(&store, &b, Format::Html)).unwrap();
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a script element");
    assert!(!lower.contains("<img"), "an injected element");
    // The escaped text `&lt;img src=x onerror=…&gt;` is shown to the reader, so look for a
    // handler inside real tags only: no attribute of any element starts with `on`.
    for tag in lower.split('<').skip(1) {
        let inside = tag.split('>').next().unwrap_or("");
        for attr in inside.split_whitespace().skip(1) {
            assert!(
                !attr.starts_with("on"),
                "an event handler attribute: <{inside}>"
            );
        }
    }
    assert!(!lower.contains("href=\"javascript:") && !lower.contains("href=\"data:"));
    assert!(!lower.contains("src=\"javascript:"));
    for href in lower.split("href=\"").skip(1) {
        assert!(
            href.starts_with("#") || href.starts_with("https://") || href.starts_with("http://"),
            "unsafe link {}",
            &href[..href.len().min(40)]
        );
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        html.contains("javascript:alert(1)"),
        "the address is still shown as text"
    );
    assert!(html.contains("Content-Security-Policy"));
    assert!(html.contains("script-src 'none'"));
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(!lower.contains("src=\"http"), "a remote resource");
    assert!(!lower.contains("url(http"), "a remote resource in CSS");
}

#[test]
fn hostile_fields_print_literally_in_pdf() {
    let (store, nasty) = hostile_store();
    let b = hostile_briefing(&nasty);
    let pdf = render(&store, &b, Format::Pdf);
    let (_, text) = pdf_text(&pdf, true);
    let flat = squeeze(&text);
    for n in &nasty {
        assert!(flat.contains(&squeeze(n)), "missing literally: {n}\n{text}");
    }
    assert!(flat.contains("javascript:alert(1)"));
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    for obj in doc.objects.values() {
        if let Ok(d) = obj.as_dict()
            && let Ok(a) = d.get(b"A").and_then(|a| a.as_dict())
        {
            let uri = a.get(b"URI").and_then(|u| u.as_str()).unwrap_or(b"");
            let uri = String::from_utf8_lossy(uri).to_lowercase();
            assert!(!uri.starts_with("javascript:") && !uri.starts_with("data:"));
        }
    }
}

#[test]
fn hostile_fields_are_escaped_in_markdown() {
    let (store, nasty) = hostile_store();
    let b = hostile_briefing(&nasty);
    let md = String::from_utf8(render(&store, &b, Format::Markdown)).unwrap();
    assert!(!md.contains("<script"));
    assert!(!md.contains("<img"));
    assert!(!md.contains("](javascript") && !md.contains("](<javascript"));
    assert!(!md.contains("](<data:"));
    assert!(md.contains("\\#set page"));
    assert!(md.contains("&lt;script&gt;"));
}

#[test]
fn markdown_structure() {
    let store = sample_store();
    let b = Briefing::new("موجز");
    let md = String::from_utf8(render(&store, &b, Format::Markdown)).unwrap();
    assert!(md.starts_with("<div dir=\"rtl\" lang=\"ar\">"));
    assert!(md.contains("\n# موجز\n"));
    assert!(md.contains("\n## التسلسل الزمني\n"));
    assert!(md.contains("| التاريخ | الحدث | الفاعلون | المصادر |\n| --- | --- | --- | --- |"));
    // Every footnote referenced is defined exactly once, numbered 1..n.
    let defs = md.lines().filter(|l| l.starts_with("[^")).count();
    assert!(defs > 10);
    for k in 1..=defs {
        assert_eq!(md.matches(&format!("\n[^{k}]: ")).count(), 1, "note {k}");
        assert!(md.contains(&format!("[^{k}]")));
    }
    let data = briefing::preview(&store, &b).unwrap();
    for e in data.events.iter().take(5) {
        let t = marsad::briefing::markdown::escape(e.event.display_title(true));
        assert!(md.contains(&t), "{t}");
    }
}

fn zip_entry(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn docx_is_a_zip_with_bidi_arabic_paragraphs_footnotes_and_page_fields() {
    let store = sample_store();
    let b = Briefing::new("موجز التعاون");
    let docx = render(&store, &b, Format::Docx);
    let doc = zip_entry(&docx, "word/document.xml");
    assert!(
        doc.contains("<w:bidi />") || doc.contains("<w:bidi/>"),
        "no w:bidi"
    );
    assert!(doc.contains("<w:rtl />"), "no right-to-left runs");
    assert!(
        doc.contains("<w:bidiVisual />"),
        "tables are not right to left"
    );
    assert!(doc.contains("موجز التعاون"));
    // Each Arabic paragraph is marked bidi.
    for para in doc.split("<w:p ").skip(1) {
        let para = para.split("</w:p>").next().unwrap_or("");
        if para.contains("<w:t") && para.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
            assert!(para.contains("<w:bidi"), "Arabic paragraph without w:bidi");
        }
    }
    let notes = zip_entry(&docx, "word/footnotes.xml");
    assert!(notes.matches("<w:footnote ").count() > 10);
    assert!(doc.contains("w:footnoteReference"));
    let z = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    let names: Vec<&str> = z.file_names().collect();
    let footer = names.iter().find(|n| n.starts_with("word/footer")).unwrap();
    let footer = zip_entry(&docx, footer);
    assert!(
        footer.contains("PAGE") && footer.contains("NUMPAGES"),
        "{footer}"
    );
}

#[test]
fn english_docx_has_no_right_to_left_layout() {
    let store = sample_store();
    let mut b = Briefing::new("Briefing");
    b.language = BriefingLanguage::En;
    let doc = zip_entry(&render(&store, &b, Format::Docx), "word/document.xml");
    assert!(!doc.contains("<w:bidiVisual />"));
    assert!(!doc.contains("<w:bidi />"));
}

#[test]
fn saved_briefing_scope_narrows_the_output() {
    let mut store = sample_store();
    let mut b = Briefing::new("Arrests");
    b.language = BriefingLanguage::En;
    b.scope.event_kinds = vec![EventKind::Arrest];
    store.write(|w| w.insert_briefing(&b)).unwrap();
    let saved = store.briefing(b.id).unwrap().unwrap();
    let data = briefing::preview(&store, &saved).unwrap();
    assert!(!data.events.is_empty());
    assert!(
        data.events
            .iter()
            .all(|e| e.event.kind == EventKind::Arrest)
    );
    let all = briefing::preview(&store, &Briefing::new("x")).unwrap();
    assert!(data.events.len() < all.events.len());
}

#[test]
fn progress_reports_every_stage_and_cancel_stops() {
    let store = sample_store();
    let b = Briefing::new("موجز");
    let mut stages = Vec::new();
    briefing::render(
        &store,
        &b,
        Format::Markdown,
        &RenderOptions::default(),
        &mut |p| {
            stages.push(p);
            true
        },
    )
    .unwrap();
    assert!(stages.contains(&briefing::Progress::LayingOut));
    assert_eq!(stages.last(), Some(&briefing::Progress::Writing));
    let r = briefing::render(
        &store,
        &b,
        Format::Pdf,
        &RenderOptions::default(),
        &mut |p| p != briefing::Progress::LayingOut,
    );
    assert!(matches!(r, Err(briefing::BriefingError::Cancelled)));
}

/// A store with one event supported by an Arabic source (Arabic title and outlet) and one
/// English source, each cited twice so both full and short notes appear.
fn mixed_citation_store() -> Store {
    let mut s = Store::in_memory().unwrap();
    let mut ar = Source::new(
        SourceKind::NewsArticle,
        "المغرب وأميركا: تعاون أمني يعكس التفاهم السياسي",
    );
    ar.outlet = Some("العربي الجديد".into());
    ar.published = Some("2022-05-08".parse().unwrap());
    ar.url = Some("https://example.org/ar".into());
    ar.reliability = Reliability::B;
    let mut en = Source::new(SourceKind::NewsArticle, "FBI thanks DGST for the tip");
    en.outlet = Some("Reuters".into());
    en.published = Some("2021-01-19".parse().unwrap());
    en.reliability = Reliability::A;
    s.write(|w| {
        w.insert_source(&ar)?;
        w.insert_source(&en)?;
        for (i, title) in ["اعتقال جندي أميركي", "بيان مشترك"].iter().enumerate()
        {
            let mut ev = Event::new(EventKind::Arrest);
            ev.title_ar = Some((*title).into());
            ev.title_en = Some(format!("Event {i}"));
            ev.start = Some(format!("2021-0{}-19", i + 1).parse().unwrap());
            w.insert_event(&ev)?;
            for src in [&ar, &en] {
                let x = Excerpt::new(src.id, format!("نص {i}"));
                w.insert_excerpt(&x)?;
                w.insert_evidence(&Evidence::new(x.id, EvidenceTarget::Event(ev.id)))?;
            }
        }
        Ok(())
    })
    .unwrap();
    s
}

/// Notes read in citation order whatever the mix of scripts. In an English note an Arabic
/// title and outlet stand, left to right, in citation order (title, outlet, date) instead of
/// joining into one right-to-left run that swaps them; English items in an Arabic note keep
/// their place in the list.
#[test]
fn pdf_notes_keep_citation_order_across_scripts() {
    let store = mixed_citation_store();
    let mut en = Briefing::new("Mixed sources");
    en.language = BriefingLanguage::En;
    let pdf = render(&store, &en, Format::Pdf);
    // Visual order: an Arabic word appears reversed, its letters drawn right to left.
    let seen = |w: &str| w.chars().rev().collect::<String>();
    let lines = pdf_text::visual_lines(&pdf);
    let note = lines
        .iter()
        .find(|l| l.contains("8 May 2022") && l.contains(&seen("السياسي")))
        .unwrap_or_else(|| panic!("no full note for the Arabic source: {lines:#?}"));
    let at = |w: &str| note.find(w).unwrap_or_else(|| panic!("{w} not in {note}"));
    assert!(
        at(&seen("السياسي")) < at(&seen("العربي")) && at(&seen("العربي")) < at("8 May 2022"),
        "title, outlet and date out of order: {note}"
    );
    let flat = squeeze(&pdf_text(&pdf, false).1);
    assert!(flat.contains(&squeeze(
        "“FBI thanks DGST for the tip,” Reuters, 19 January 2021."
    )));

    let ar = Briefing::new("مصادر مختلطة");
    let pdf = render(&store, &ar, Format::Pdf);
    let flat = squeeze(&pdf_text(&pdf, true).1);
    assert!(flat.contains(&squeeze(
        "«المغرب وأميركا: تعاون أمني يعكس التفاهم السياسي»، العربي الجديد، 8 مايو"
    )));
    // Right to left: the English title, then the outlet, then the date further left.
    let lines = pdf_text::visual_lines(&pdf);
    let note = lines
        .iter()
        .find(|l| l.contains("“FBI thanks DGST for the tip”"))
        .unwrap_or_else(|| panic!("no full note for the English source: {lines:#?}"));
    let at = |w: &str| note.find(w).unwrap_or_else(|| panic!("{w} not in {note}"));
    assert!(
        at("FBI thanks") > at("Reuters") && at("Reuters") > at(&seen("يناير")),
        "title, outlet and date out of order: {note}"
    );
    let url_note = lines
        .iter()
        .find(|l| l.contains("https://example.org/ar"))
        .unwrap();
    assert!(
        url_note.find("https://example.org/ar") < url_note.find("2022"),
        "the address should follow the date, to its left: {url_note}"
    );
}

/// Page 1 of the PDF rendered by poppler's `pdftoppm` as a grey image (PGM), compared with
/// the stored one allowing for anti-aliasing differences between poppler versions. Set
/// `UPDATE_SNAPSHOTS=1` to write the reference after a deliberate change of the template.
fn page_one_matches(pdf: &[u8], name: &str) {
    use std::process::Command;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.pdf");
    std::fs::write(&input, pdf).unwrap();
    let prefix = dir.path().join("page");
    let status = Command::new("pdftoppm")
        .args(["-r", "30", "-gray", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&input)
        .arg(&prefix)
        .status()
        .expect("pdftoppm (poppler-utils) renders the page-1 snapshot");
    assert!(status.success());
    let got = std::fs::read(dir.path().join("page.pgm")).unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_SNAPSHOTS=1 writes it)", path.display()));
    let (gw, gh, gpx) = pgm(&got);
    let (ww, wh, wpx) = pgm(&want);
    assert_eq!((gw, gh), (ww, wh), "page size changed");
    let far = gpx
        .iter()
        .zip(wpx)
        .filter(|(a, b)| a.abs_diff(**b) > 96)
        .count();
    assert!(
        far * 200 < gpx.len(),
        "{far} of {} pixels differ from {name}; look at the page and update it if intended",
        gpx.len()
    );
}

/// Width, height and pixels of a binary PGM (`P5`) with 8-bit samples.
fn pgm(bytes: &[u8]) -> (usize, usize, &[u8]) {
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(std::str::from_utf8(&bytes[start..i]).unwrap().to_owned());
    }
    assert_eq!(fields[0], "P5");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, &bytes[i + 1..i + 1 + w * h])
}

#[test]
fn page_one_snapshots() {
    let store = sample_store();
    for (lang, name) in [
        (BriefingLanguage::Ar, "briefing_page1_ar.pgm"),
        (BriefingLanguage::En, "briefing_page1_en.pgm"),
    ] {
        let mut b = Briefing::new(match lang {
            BriefingLanguage::Ar => "التعاون الأمني بين المغرب والولايات المتحدة",
            BriefingLanguage::En => "Morocco–US security cooperation",
        });
        b.language = lang;
        b.subtitle = Some("FBI · DGST · BCIJ, 2001–2024".into());
        b.author = Some("مرصد".into());
        b.handling = Some("RESTRICTED — research use".into());
        b.date = Some("2024-06-14".parse().unwrap());
        page_one_matches(&render(&store, &b, Format::Pdf), name);
    }
}

#[test]
fn hostile_fields_are_text_in_a_well_formed_docx() {
    let (store, nasty) = hostile_store();
    let b = hostile_briefing(&nasty);
    let docx = render(&store, &b, Format::Docx);
    for part in ["word/document.xml", "word/footnotes.xml"] {
        let xml = zip_entry(&docx, part);
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut text = String::new();
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(quick_xml::events::Event::Text(t)) => text.push_str(&t.decode().unwrap()),
                Ok(quick_xml::events::Event::GeneralRef(r)) => {
                    let name = r.decode().unwrap().into_owned();
                    let c = match name.as_str() {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "quot" => '"',
                        "apos" => '\'',
                        _ => r.resolve_char_ref().unwrap().expect("a known reference"),
                    };
                    text.push(c);
                }
                Ok(_) => {}
                Err(e) => panic!("{part} is not well-formed: {e}"),
            }
        }
        if part == "word/document.xml" {
            for n in &nasty {
                assert!(
                    squeeze(&text).contains(&squeeze(n)),
                    "{n} missing from {part}"
                );
            }
        }
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

/// Rows of the Markdown chronology table.
fn chronology_rows(md: &str) -> usize {
    md.split("\n## ")
        .nth(3)
        .map(|s| {
            s.lines()
                .filter(|l| l.starts_with("| ") && !l.starts_with("| ---"))
                .count()
                .saturating_sub(1)
        })
        .unwrap_or(0)
}

#[test]
fn cli_writes_whole_store_scoped_and_saved_briefings() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.marsad");
    assert!(marsad(&db, &["sample"]).status.success());
    let all = briefing::preview(&sample_store(), &Briefing::new("x"))
        .unwrap()
        .events
        .len();

    // No scope options: the whole store.
    let md = dir.path().join("all.md");
    let o = marsad(
        &db,
        &["briefing", "--format", "md", "--out", md.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.contains("dir=\"rtl\""));
    assert_eq!(chronology_rows(&text), all);

    // Scope options narrow it; an actor may be named by acronym.
    let scoped = dir.path().join("scoped.md");
    let o = marsad(
        &db,
        &[
            "briefing",
            "--from",
            "2019",
            "--to",
            "2022-06",
            "--actor",
            "DGST",
            "--type",
            "arrest",
            "--type",
            "cell_dismantled",
            "--lang",
            "en",
            "--title",
            "Arrests",
            "--format",
            "md",
            "--out",
            scoped.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&scoped).unwrap();
    assert!(text.starts_with("# Arrests\n"), "{text}");
    let rows = chronology_rows(&text);
    assert!(rows > 0 && rows < all, "{rows} of {all}");

    // A saved briefing by id, as PDF.
    let mut saved = Briefing::new("موجز محفوظ");
    saved.scope.event_kinds = vec![EventKind::Arrest];
    {
        let mut store = Store::open(&db).unwrap();
        store.write(|w| w.insert_briefing(&saved)).unwrap();
    }
    let list = marsad(&db, &["briefing", "--list"]);
    assert!(String::from_utf8_lossy(&list.stdout).contains("موجز محفوظ"));
    let pdf = dir.path().join("saved.pdf");
    let id = saved.id.to_string();
    let o = marsad(
        &db,
        &[
            "briefing",
            "--id",
            &id,
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    // Mistakes get specific messages and no file.
    for (args, says) in [
        (
            vec!["--actor", "nobody at all"],
            "no actor is called «nobody at all»",
        ),
        (vec!["--type", "picnic"], "--type"),
        (vec!["--from", "2019-13"], "--from"),
        (vec!["--id", "not-an-id"], "is not a briefing id"),
    ] {
        let bad = dir.path().join("bad.md");
        let mut full = vec!["briefing", "--format", "md", "--out", bad.to_str().unwrap()];
        full.extend(args);
        let o = marsad(&db, &full);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success() && err.contains(says), "{full:?}: {err}");
        assert!(!bad.exists());
    }
    let o = marsad(&db, &["briefing", "--format", "odt", "--out", "x.odt"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown briefing format"));
}

#[test]
fn html_isolates_runs_in_the_other_script() {
    let store = mixed_citation_store();
    let mut en = Briefing::new("Mixed sources");
    en.language = BriefingLanguage::En;
    let html = String::from_utf8(render(&store, &en, Format::Html)).unwrap();
    assert!(
        html.contains("<bdi lang=\"ar\">«المغرب وأميركا"),
        "title not isolated"
    );
    assert!(html.contains("<bdi lang=\"ar\">العربي الجديد</bdi>"));
    let ar = String::from_utf8(render(&store, &Briefing::new("مصادر"), Format::Html)).unwrap();
    assert!(ar.contains("<bdi lang=\"en\">Reuters</bdi>"));
    assert!(!ar.contains("<bdi lang=\"ar\">"));
}

/// Beyond the footnote limit every note is printed, numbered, at the end (a large briefing
/// would otherwise take minutes to typeset); the numbers in the text and the list agree.
#[test]
fn many_notes_become_numbered_endnotes() {
    let store = sample_store();
    let mut b = Briefing::new("Morocco–US security cooperation");
    b.language = BriefingLanguage::En;
    let opts = RenderOptions {
        footnote_limit: Some(20),
        ..Default::default()
    };
    let data = briefing::preview(&store, &b).unwrap();
    let doc = briefing::layout(&b, &data, &opts);
    let n = doc.endnotes.len();
    assert!(n > 20, "{n} notes");
    let numbers: Vec<usize> = doc.endnotes.iter().map(|x| x.number).collect();
    assert_eq!(numbers, (1..=n).collect::<Vec<_>>());
    let pdf = briefing::render(&store, &b, Format::Pdf, &opts, &mut |_| true).unwrap();
    let (pages, text) = pdf_text(&pdf, false);
    let notes_at = text.rfind("Notes").expect("a Notes section");
    let tail = squeeze(&text[notes_at..]);
    // Each note's number and its English runs (an Arabic title inside an English note is
    // extracted in its own order, which `pdf_notes_keep_citation_order_across_scripts` checks).
    for x in [&doc.endnotes[0], &doc.endnotes[n - 1]] {
        assert!(
            tail.contains(&format!("{}.", x.number)),
            "note {}",
            x.number
        );
        for seg in x.segs.iter().filter(|s| s.lang == "en") {
            let t = squeeze(&seg.text);
            assert!(
                tail.contains(&t),
                "{t} of note {} not in the notes",
                x.number
            );
        }
    }
    for s in &data.sources {
        if let Some(outlet) = &s.source.outlet {
            assert!(tail.contains(&squeeze(outlet)), "outlet {outlet} missing");
        }
    }
    // The same briefing with footnotes has no Notes section and more pages for them.
    let footnoted = render(&store, &b, Format::Pdf);
    let (_, plain) = pdf_text(&footnoted, false);
    assert!(
        !plain.contains("\nNotes"),
        "footnotes expected below the limit"
    );
    assert!(pages > 3);

    b.language = BriefingLanguage::Ar;
    let pdf = briefing::render(&store, &b, Format::Pdf, &opts, &mut |_| true).unwrap();
    let (_, text) = pdf_text(&pdf, true);
    assert!(squeeze(&text).contains("الهوامش"));
}
