//! Reading a PDF's text back the way a bidi-aware reader (copy and paste, a screen reader,
//! a search index) does, to check what an Arabic reader actually gets out of the file.
//!
//! What typst 0.15 writes: each shaped run is a text object whose glyphs are in *visual*
//! order (left to right on the page); right-to-left runs are wrapped in `/ReversedChars`
//! marked content (ISO 32000-1 §14.8.2.5.3), and every glyph maps through the font's
//! ToUnicode CMap to the characters of its cluster in *logical* order (a lam-alef ligature
//! glyph maps to «لأ») or, for clusters of several glyphs (a letter and its shadda), an
//! `/ActualText` span gives the cluster's text once. Poppler's `pdftotext` reorders lines by
//! bidi but reverses the characters *inside* such multi-character glyphs («األحكام»), and its
//! `-raw` mode does no reordering at all, so neither shows what the file holds.
//!
//! This reader follows the file: glyph codes → ToUnicode strings, text items placed by their
//! matrices and grouped into lines by baseline, each line sorted left to right, then turned
//! from visual into logical order by the Unicode bidi algorithm with the paragraph direction
//! of the document — reordering whole glyphs, never the characters inside one.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;
use unicode_bidi::{BidiInfo, Level};

/// One text show operation: where it starts and its glyphs' text in visual order.
struct Item {
    x: f32,
    y: f32,
    glyphs: Vec<String>,
}

/// Glyph code → text, from a font's ToUnicode CMap.
type ToUnicode = HashMap<u32, String>;

/// The logical text of every page, one string per page (lines separated by `\n`).
pub fn pages(pdf: &[u8], rtl: bool) -> Vec<String> {
    let doc = Document::load_mem(pdf).expect("a PDF lopdf can read");
    doc.get_pages()
        .values()
        .map(|&page| {
            // Resource names (`/f0`) are per page, so the maps are too.
            let maps: HashMap<Vec<u8>, ToUnicode> = doc
                .get_page_fonts(page)
                .unwrap_or_default()
                .into_iter()
                .map(|(name, font)| (name, to_unicode(&doc, font)))
                .collect();
            let content = Content::decode(&doc.get_page_content(page)).expect("content");
            let items = items(&content, &maps);
            lines(items)
                .into_iter()
                .map(|line| logical(&line, rtl))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

/// Every line of every page as it is seen, left to right: glyph texts in visual order, with
/// no reordering (an Arabic word comes out reversed).
pub fn visual_lines(pdf: &[u8]) -> Vec<String> {
    let doc = Document::load_mem(pdf).expect("a PDF lopdf can read");
    let mut out = Vec::new();
    for &page in doc.get_pages().values() {
        let maps: HashMap<Vec<u8>, ToUnicode> = doc
            .get_page_fonts(page)
            .unwrap_or_default()
            .into_iter()
            .map(|(name, font)| (name, to_unicode(&doc, font)))
            .collect();
        let content = Content::decode(&doc.get_page_content(page)).expect("content");
        for line in lines(items(&content, &maps)) {
            out.push(
                line.concat()
                    .chars()
                    .filter(|c| !is_format_control(*c))
                    .collect(),
            );
        }
    }
    out
}

/// Walks a content stream and collects the text items with their page positions.
fn items(content: &Content, maps: &HashMap<Vec<u8>, ToUnicode>) -> Vec<Item> {
    let identity = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
    let mut ctm = identity;
    let mut stack = Vec::new();
    let mut tm = identity;
    let mut font: Option<&ToUnicode> = None;
    // Marked content: for each open `BMC`/`BDC`, its `/ActualText` (which replaces the text
    // of the glyphs inside it) and whether that text was placed yet.
    let mut marked: Vec<Option<(String, bool)>> = Vec::new();
    let mut out = Vec::new();
    for op in &content.operations {
        let nums: Vec<f32> = op
            .operands
            .iter()
            .filter_map(|o| o.as_float().ok())
            .collect();
        match op.operator.as_str() {
            "q" => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap_or(identity),
            "cm" if nums.len() == 6 => ctm = multiply(&nums, &ctm),
            "BT" => tm = identity,
            "Tm" if nums.len() == 6 => tm.copy_from_slice(&nums),
            "Td" | "TD" if nums.len() == 2 => {
                tm[4] += nums[0] * tm[0] + nums[1] * tm[2];
                tm[5] += nums[0] * tm[1] + nums[1] * tm[3];
            }
            "Tf" => {
                font = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|n| maps.get(n));
            }
            "BMC" => marked.push(None),
            "BDC" => marked.push(actual_text(&op.operands).map(|t| (t, false))),
            "EMC" => {
                marked.pop();
            }
            "Tj" | "TJ" | "'" | "\"" => {
                let m = multiply(&tm, &ctm);
                if let Some((text, placed)) = marked.iter_mut().rev().find_map(Option::as_mut) {
                    if !*placed {
                        *placed = true;
                        out.push(Item {
                            x: m[4],
                            y: m[5],
                            glyphs: vec![text.clone()],
                        });
                    }
                    continue;
                }
                let Some(map) = font else { continue };
                let mut glyphs = Vec::new();
                for o in &op.operands {
                    shown_strings(o, &mut |bytes| {
                        for code in bytes.chunks(2) {
                            let code = code.iter().fold(0u32, |a, &b| (a << 8) | u32::from(b));
                            glyphs.push(map.get(&code).cloned().unwrap_or_default());
                        }
                    });
                }
                out.push(Item {
                    x: m[4],
                    y: m[5],
                    glyphs,
                });
            }
            _ => {}
        }
    }
    out
}

/// The `/ActualText` of a `BDC` whose properties are written inline.
fn actual_text(operands: &[Object]) -> Option<String> {
    let props = operands.get(1)?.as_dict().ok()?;
    let bytes = props.get(b"ActualText").ok()?.as_str().ok()?;
    Some(match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(be) => {
            let units: Vec<u16> = be
                .chunks(2)
                .map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    })
}

fn shown_strings(o: &Object, f: &mut dyn FnMut(&[u8])) {
    match o {
        Object::String(bytes, _) => f(bytes),
        Object::Array(parts) => parts.iter().for_each(|p| shown_strings(p, f)),
        _ => {}
    }
}

/// `a × b` for PDF matrices `[a b c d e f]`.
fn multiply(a: &[f32], b: &[f32; 6]) -> [f32; 6] {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

/// Items on one baseline (within a few points: superscript note numbers join their line),
/// top of the page first, each line's items left to right.
fn lines(mut items: Vec<Item>) -> Vec<Vec<String>> {
    items.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut lines: Vec<(f32, Vec<Item>)> = Vec::new();
    for item in items {
        match lines.last_mut() {
            Some((y, line)) if (*y - item.y).abs() < 4.5 => line.push(item),
            _ => lines.push((item.y, vec![item])),
        }
    }
    lines
        .into_iter()
        .map(|(_, mut line)| {
            line.sort_by(|a, b| a.x.total_cmp(&b.x));
            line.into_iter().flat_map(|i| i.glyphs).collect()
        })
        .collect()
}

/// A line's glyphs (visual order) in logical order. The bidi algorithm's reordering of runs is
/// its own inverse for text of one embedding level per run, which is what a rendered line is.
/// Each right-to-left glyph's characters are reversed first so that reversing the run puts
/// them back in their logical order, as the cluster was.
fn logical(glyphs: &[String], rtl: bool) -> String {
    let visual: String = glyphs
        .iter()
        .map(|g| {
            let g: String = g.chars().filter(|c| !is_format_control(*c)).collect();
            if g.chars().count() > 1 && g.chars().any(is_right_to_left) {
                g.chars().rev().collect()
            } else {
                g
            }
        })
        .collect();
    let level = if rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(&visual, Some(level));
    info.paragraphs
        .iter()
        .map(|p| info.reorder_line(p, p.range.clone()).into_owned())
        .collect()
}

/// Direction marks and embedding/isolate controls: they steer the layout of logical text and
/// mean nothing in a visual line.
fn is_format_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Parses the `bfchar` and `bfrange` entries of a font's ToUnicode CMap.
fn to_unicode(doc: &Document, font: &Dictionary) -> ToUnicode {
    let mut map = ToUnicode::new();
    let Ok(stream) = font
        .get_deref(b"ToUnicode", doc)
        .and_then(Object::as_stream)
    else {
        return map;
    };
    let text =
        String::from_utf8_lossy(&stream.decompressed_content().unwrap_or_default()).into_owned();
    let mut section = "";
    for line in text.lines() {
        let line = line.trim();
        if line.ends_with("beginbfchar") || line.ends_with("beginbfrange") {
            section = if line.ends_with("beginbfchar") {
                "char"
            } else {
                "range"
            };
            continue;
        }
        if line.starts_with("endbf") {
            section = "";
            continue;
        }
        let hex: Vec<&str> = line
            .split(['<', '>'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        match (section, hex.as_slice()) {
            ("char", [code, text]) => {
                map.insert(code_of(code), utf16(text));
            }
            ("range", [lo, hi, start]) => {
                let (lo, hi) = (code_of(lo), code_of(hi));
                let first = utf16(start);
                let base = first.chars().last().map_or(0, u32::from);
                let prefix: String = first.chars().take(first.chars().count() - 1).collect();
                for (k, code) in (lo..=hi).enumerate() {
                    if let Some(c) = char::from_u32(base + k as u32) {
                        map.insert(code, format!("{prefix}{c}"));
                    }
                }
            }
            _ => {}
        }
    }
    map
}

fn code_of(hex: &str) -> u32 {
    u32::from_str_radix(hex, 16).unwrap_or(u32::MAX)
}

fn utf16(hex: &str) -> String {
    let units: Vec<u16> = (0..hex.len() / 4)
        .filter_map(|i| u16::from_str_radix(&hex[i * 4..i * 4 + 4], 16).ok())
        .collect();
    String::from_utf16_lossy(&units)
}
