//! Visual-order tests of the bidi layout, read from egui's glyph positions (no GPU).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::{Color32, FontId, epaint::text::MissingGlyphPolicy};
use marsad::text::{self, Direction, LaidOut, TextParams};

fn ctx() -> egui::Context {
    let ctx = egui::Context::default();
    text::fonts::install(&ctx);
    ctx.set_missing_glyph_policy(MissingGlyphPolicy::Panic);
    run(&ctx, |_| {});
    ctx
}

/// One frame; the texture deltas are dropped on purpose (no renderer here).
fn run(ctx: &egui::Context, f: impl FnMut(&mut egui::Ui)) {
    ctx.run_ui(egui::RawInput::default(), f)
        .textures_delta
        .clear();
}

fn params(ui_dir: Direction, wrap: f32) -> TextParams {
    TextParams::new(FontId::proportional(14.0), Color32::WHITE, ui_dir)
        .wrap(wrap)
        .filled()
}

fn lay(ctx: &egui::Context, s: &str, p: &TextParams) -> LaidOut {
    ctx.fonts_mut(|f| text::layout_text(f, s, p))
}

fn lay_rtl(s: &str) -> LaidOut {
    lay(&ctx(), s, &params(Direction::Rtl, f32::INFINITY))
}

/// Visible glyphs of galley row `row`: (char, left x), sorted left to right.
fn glyphs(l: &LaidOut, row: usize) -> Vec<(char, f32)> {
    let r = &l.galley.rows[row];
    let mut g: Vec<(char, f32)> = r
        .glyphs
        .iter()
        .filter(|g| g.advance_width > 0.0)
        .map(|g| (g.chr, r.pos.x + g.pos.x))
        .collect();
    g.sort_by(|a, b| a.1.total_cmp(&b.1));
    g
}

/// The ASCII non-space characters of a row, in visual order (left to right).
fn ascii_visual(l: &LaidOut, row: usize) -> String {
    glyphs(l, row)
        .into_iter()
        .filter(|(c, _)| c.is_ascii_graphic())
        .map(|(c, _)| c)
        .collect()
}

/// x of the first glyph showing `c` on a row (leftmost occurrence).
fn x_of(l: &LaidOut, row: usize, c: char) -> f32 {
    glyphs(l, row)
        .into_iter()
        .find(|g| g.0 == c)
        .unwrap_or_else(|| panic!("no glyph {c:?}"))
        .1
}

/// Centre x of the cell holding logical char `i` (from the layout map).
fn cell_x(l: &LaidOut, i: usize) -> f32 {
    let cell = l
        .map
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .find(|c| c.chars.contains(&i))
        .unwrap_or_else(|| panic!("no cell for char {i}"));
    (cell.left + cell.right) / 2.0
}

fn char_index(s: &str, needle: &str) -> usize {
    s[..s.find(needle).unwrap()].chars().count()
}

const BCIJ: &str = "المكتب المركزي للأبحاث القضائية (BCIJ) الذي يُوصف بـ FBI المغرب";

#[test]
fn acronyms_in_arabic_keep_their_letter_order_and_sit_left_of_preceding_words() {
    let l = lay_rtl(BCIJ);
    assert_eq!(l.galley.rows.len(), 1);
    // Brackets mirrored, BCIJ in order, FBI (logically later) further left:
    assert_eq!(ascii_visual(&l, 0), "FBI(BCIJ)");
    let open = x_of(&l, 0, '(');
    let after = |c: char| {
        glyphs(&l, 0)
            .into_iter()
            .find(|g| g.0 == c && g.1 > open)
            .map(|g| g.1)
            .unwrap()
    };
    let (b, c, i, j) = (after('B'), after('C'), after('I'), after('J'));
    assert!(open < b && b < c && c < i && i < j);
    // The whole Latin run lies left of the preceding Arabic word:
    let qadaiya = cell_x(&l, char_index(BCIJ, "القضائية"));
    assert!(j < qadaiya, "J at {j}, القضائية at {qadaiya}");
    // ...and right of the following one:
    assert!(cell_x(&l, char_index(BCIJ, "الذي")) < b);
    // The first logical word is at the right edge:
    assert!(cell_x(&l, 0) > cell_x(&l, char_index(BCIJ, "المركزي")));
}

#[test]
fn dates_in_arabic_keep_digit_order() {
    let s = "في 26 مارس/آذار 2022";
    let l = lay_rtl(s);
    assert_eq!(ascii_visual(&l, 0), "2022/26");
    assert!(x_of(&l, 0, '2') < x_of(&l, 0, '6'));
    // Map agrees: "في" rightmost, "2022" leftmost.
    assert!(cell_x(&l, 0) > cell_x(&l, char_index(s, "26")));
    assert!(cell_x(&l, char_index(s, "2022")) < cell_x(&l, char_index(s, "آذار")));
    assert!(cell_x(&l, char_index(s, "آذار")) < cell_x(&l, char_index(s, "مارس")));
}

#[test]
fn long_paragraph_wraps_top_down_and_right_aligned() {
    let sentence =
        "أعلن المكتب المركزي للأبحاث القضائية عن تفكيك خلية إرهابية تتكون من أربعة عناصر ";
    let s: String = sentence.repeat(5);
    assert!(s.chars().count() >= 400);
    let width = 300.0;
    let l = lay(&ctx(), &s, &params(Direction::Rtl, width));
    let rows = &l.map.rows;
    assert!(rows.len() >= 4, "{} rows", rows.len());
    assert_eq!(rows.len(), l.galley.rows.len());
    // Rows cover the text in logical order, top to bottom:
    assert_eq!(rows[0].chars.start, 0);
    for w in rows.windows(2) {
        assert_eq!(w[0].chars.end, w[1].chars.start);
        assert!(w[0].bottom <= w[1].top + 0.5);
    }
    assert_eq!(rows.last().unwrap().chars.end, s.chars().count());
    // The first word is on the first row, at the right edge:
    assert!(rows[0].cells.iter().any(|c| c.chars.start == 0));
    let first = cell_x(&l, 0);
    assert!(first > width - 30.0, "first char at {first}");
    for (k, row) in rows.iter().enumerate() {
        let right = row.cells.iter().map(|c| c.right).fold(0.0, f32::max);
        let left = row
            .cells
            .iter()
            .filter(|c| c.right > c.left)
            .map(|c| c.left)
            .fold(f32::MAX, f32::min);
        assert!(
            right <= width + 0.5 && right > width - 1.0,
            "row {k} right edge {right}"
        );
        assert!(left >= -0.5, "row {k} left {left}");
        assert!(l.galley.rows[k].rect().right() <= width + 1.0);
    }
}

#[test]
fn latin_acronym_at_start_of_arabic() {
    let s = "BCIJ هو المكتب المركزي";
    // Auto direction: first strong char is Latin, so the paragraph is LTR.
    let l = lay_rtl(s);
    assert!(!l.map.rows[0].rtl);
    assert!(x_of(&l, 0, 'J') < cell_x(&l, char_index(s, "هو")));
    assert!(cell_x(&l, char_index(s, "المركزي")) < cell_x(&l, char_index(s, "هو")));
    // Forced RTL: the acronym goes to the right edge.
    let mut p = params(Direction::Rtl, f32::INFINITY);
    p.direction = Some(Direction::Rtl);
    let l = lay(&ctx(), s, &p);
    assert!(l.map.rows[0].rtl);
    assert!(x_of(&l, 0, 'B') > cell_x(&l, char_index(s, "هو")));
    assert_eq!(ascii_visual(&l, 0), "BCIJ");
}

#[test]
fn latin_acronym_at_end_of_arabic() {
    let s = "زار وفد من FBI";
    let l = lay_rtl(s);
    assert_eq!(ascii_visual(&l, 0), "FBI");
    assert!(x_of(&l, 0, 'I') < cell_x(&l, char_index(s, "من")));
    assert!(cell_x(&l, 0) > cell_x(&l, char_index(s, "وفد")));
}

#[test]
fn latin_sentence_with_arabic_name() {
    let s = "The report by محمد الأمين was sent";
    let l = lay_rtl(s);
    assert!(!l.map.rows[0].rtl);
    assert_eq!(ascii_visual(&l, 0), "Thereportbywassent");
    let muhammad = cell_x(&l, char_index(s, "محمد"));
    let amin = cell_x(&l, char_index(s, "الأمين"));
    assert!(amin < muhammad, "the Arabic name reads right to left");
    assert!(x_of(&l, 0, 'y') < amin && muhammad < x_of(&l, 0, 'w'));
}

#[test]
fn plain_digits_in_arabic() {
    let l = lay_rtl("العدد 12345 فقط");
    assert_eq!(ascii_visual(&l, 0), "12345");
}

#[test]
fn dates_with_slashes() {
    let s = "بتاريخ 26/03/2022 في الرباط";
    let l = lay_rtl(s);
    assert_eq!(ascii_visual(&l, 0), "26/03/2022");
    assert!(cell_x(&l, char_index(s, "26/")) > cell_x(&l, char_index(s, "الرباط")));
}

#[test]
fn percentages() {
    // W2 makes 45 an Arabic number after Arabic letters, so W5 does not pull % into
    // it: UAX #9 (and browsers) show the sign on the left, as Arabic readers expect.
    let l = lay_rtl("بنسبة 45%");
    assert_eq!(ascii_visual(&l, 0), "%45");
    assert!(x_of(&l, 0, '%') < cell_x(&l, 0));
}

#[test]
fn phone_numbers_follow_uax9_and_isolates_fix_them() {
    // UAX #9: spaces between digit groups in an RTL paragraph resolve to R, so the
    // groups are ordered right to left while each group keeps its digits in order.
    let l = lay_rtl("اتصل على +212 5 37 00 00 00");
    assert_eq!(ascii_visual(&l, 0), "000000375212+");
    // Wrapped in an LTR isolate the number reads as written.
    let l = lay_rtl("اتصل على \u{2066}+212 5 37 00 00 00\u{2069}");
    assert_eq!(ascii_visual(&l, 0), "+212537000000");
}

#[test]
fn brackets_and_guillemets_are_mirrored() {
    let s = "قال «نعم» (تقريبا)";
    let l = lay_rtl(s);
    assert_eq!(ascii_visual(&l, 0), "()");
    assert!(x_of(&l, 0, '«') < x_of(&l, 0, '»'));
    let naam = cell_x(&l, char_index(s, "نعم"));
    assert!(x_of(&l, 0, '«') < naam && naam < x_of(&l, 0, '»'));
}

#[test]
fn harakat_stay_with_their_letters() {
    let s = "مُحَمَّدٌ رسول";
    let l = lay_rtl(s);
    let cells = &l.map.rows[0].cells;
    // م ُ | ح َ | م ّ َ | د ٌ : four clusters for the first word.
    let first_word: Vec<_> = cells.iter().filter(|c| c.chars.end <= 9).collect();
    assert_eq!(first_word.len(), 4, "{cells:?}");
    assert_eq!(
        cells.iter().map(|c| c.chars.len()).sum::<usize>(),
        s.chars().count()
    );
    assert!(cell_x(&l, 0) > cell_x(&l, 2));
}

#[test]
fn lam_alef_ligature() {
    let s = "لا إله إلا الله";
    let l = lay_rtl(s);
    let cells = &l.map.rows[0].cells;
    assert_eq!(
        cells.iter().map(|c| c.chars.len()).sum::<usize>(),
        s.chars().count()
    );
    // Clusters are ordered right to left.
    assert!(
        cells
            .windows(2)
            .all(|w| w[0].chars.start > w[1].chars.start || w[0].left >= w[1].left)
    );
    assert!(cell_x(&l, 0) > cell_x(&l, char_index(s, "الله")));
}

#[test]
fn arabic_indic_digits_keep_their_order() {
    for s in ["عام ٢٠٢٣ م", "Year ٢٠٢٣"] {
        let l = lay_rtl(s);
        let digits: Vec<char> = glyphs(&l, 0)
            .into_iter()
            .map(|g| g.0)
            .filter(|c| ('٠'..='٩').contains(c))
            .collect();
        assert_eq!(digits, ['٢', '٠', '٢', '٣'], "{s}");
    }
}

#[test]
fn bare_url_inside_arabic() {
    let s = "راجع https://example.com/reports للمزيد";
    let l = lay_rtl(s);
    assert_eq!(ascii_visual(&l, 0), "https://example.com/reports");
    assert!(x_of(&l, 0, 'h') < cell_x(&l, 0));
    assert!(cell_x(&l, char_index(s, "للمزيد")) < x_of(&l, 0, 'h'));
}

#[test]
fn empty_string() {
    let l = lay_rtl("");
    assert_eq!(l.map.rows.len(), 1);
    assert!(l.map.rows[0].cells.is_empty());
    assert!(l.size().y > 10.0);
    assert_eq!(l.map.char_count, 0);
}

#[test]
fn ten_thousand_characters() {
    let s: String = "مرصد BCIJ 2022 ".repeat(700);
    assert!(s.chars().count() >= 10_000);
    let l = lay(&ctx(), &s, &params(Direction::Rtl, 400.0));
    let rows = &l.map.rows;
    assert!(rows.len() > 50);
    assert_eq!(rows.last().unwrap().chars.end, s.chars().count());
    let covered: usize = rows
        .iter()
        .flat_map(|r| &r.cells)
        .map(|c| c.chars.len())
        .sum();
    assert_eq!(covered, s.chars().count());
    // Unwrapped too:
    let l = lay_rtl(&s);
    assert_eq!(l.map.rows.len(), 1);
}

#[test]
fn explicit_marks_set_direction_and_are_not_drawn() {
    let l = lay_rtl("\u{200F}BCIJ 2022");
    assert!(l.map.rows[0].rtl);
    // W7 turns 2022 into L after BCIJ: one LTR run at the left of an RTL paragraph.
    assert_eq!(ascii_visual(&l, 0), "BCIJ2022");
    let l = lay_rtl("\u{200F}BCIJ \u{200F}2022");
    assert_eq!(ascii_visual(&l, 0), "2022BCIJ");
    let l = lay_rtl("\u{200E}مرصد 2022");
    assert!(!l.map.rows[0].rtl);
    // 2022 follows Arabic letters, so it is an Arabic number in the same RTL run:
    assert!(x_of(&l, 0, '2') < cell_x(&l, 1));
    let lrm = l.map.rows[0]
        .cells
        .iter()
        .find(|c| c.chars.start == 0)
        .unwrap();
    assert_eq!(lrm.left, lrm.right);
}

#[test]
fn isolates_embeddings_and_overrides() {
    // Inside an RTL isolate, numbers separated by a space are ordered right to left.
    let l = lay_rtl("\u{2067}1 2\u{2069} xyz");
    assert_eq!(ascii_visual(&l, 0), "21xyz");
    let l = lay_rtl("1 2 xyz");
    assert_eq!(ascii_visual(&l, 0), "12xyz");
    let l = lay_rtl("\u{2067}abc def\u{2069} xyz");
    assert_eq!(ascii_visual(&l, 0), "abcdefxyz");
    let l = lay_rtl("\u{202E}abc\u{202C} xyz");
    assert_eq!(ascii_visual(&l, 0), "cbaxyz");
    let l = lay_rtl("\u{202B}abc def\u{202C} xyz");
    assert_eq!(ascii_visual(&l, 0), "abcdefxyz");
}

#[test]
fn latin_then_numbers_then_arabic() {
    let s = "FBI 2022 تقرير";
    let l = lay_rtl(s);
    assert_eq!(ascii_visual(&l, 0), "FBI2022");
    assert!(x_of(&l, 0, '0') < cell_x(&l, char_index(s, "تقرير")));
}

#[test]
fn paragraphs_get_their_own_direction_and_alignment() {
    let s = "English line\nسطر عربي\n\n2022";
    let width = 400.0;
    let l = lay(&ctx(), s, &params(Direction::Rtl, width));
    let rows = &l.map.rows;
    assert_eq!(rows.len(), 4);
    assert!(!rows[0].rtl && rows[1].rtl && rows[2].rtl && rows[3].rtl);
    assert!(rows[0].cells[0].left < 1.0);
    let right = rows[1].cells.iter().map(|c| c.right).fold(0.0, f32::max);
    assert!((right - width).abs() < 3.0);
    // A neutral paragraph takes the UI direction:
    let l = lay(&ctx(), "2022", &params(Direction::Ltr, width));
    assert!(!l.map.rows[0].rtl);
}

#[test]
fn mixed_text_wraps_in_logical_order() {
    let l = lay(&ctx(), BCIJ, &params(Direction::Rtl, 160.0));
    let rows = &l.map.rows;
    assert!(rows.len() >= 3);
    // Every row is individually bidi-ordered; BCIJ stays in order on its row.
    let k = rows
        .iter()
        .position(|r| r.chars.contains(&char_index(BCIJ, "BCIJ")))
        .unwrap();
    let text = ascii_visual(&l, k);
    assert!(text.contains("BCIJ"), "{text}");
    for w in rows.windows(2) {
        assert_eq!(w[0].chars.end, w[1].chars.start);
    }
}

#[test]
fn ellipsis_truncation_keeps_the_logical_start() {
    let mut p = params(Direction::Rtl, f32::INFINITY);
    p.truncate_width = Some(120.0);
    let l = lay(&ctx(), BCIJ, &p);
    assert!(l.map.truncated);
    assert!(l.size().x <= 122.5);
    let g = glyphs(&l, 0);
    // RTL: the ellipsis is at the left end, the first word at the right.
    assert_eq!(g.first().map(|g| g.0), Some('…'));
    assert!(cell_x(&l, 0) > 80.0);
    // Short text is untouched:
    let l = lay(&ctx(), "مرصد", &p);
    assert!(!l.map.truncated);
}

#[test]
fn an_arabic_phrase_is_shaped_as_one_section_and_maps_every_letter() {
    let ctx = ctx();
    let p = params(Direction::Rtl, f32::INFINITY);
    // Without a lam-alef the phrase is one section; words with one stand alone, each with the
    // spaces around it, and the words between them stay together.
    for (s, sections) in [
        ("المكتب المركزي يفكك خلية", 1),
        ("الأمن والاستخبارات المغربية", 5),
        ("المكتب المركزي الأمن يفكك خلية", 5),
    ] {
        let l = lay(&ctx, s, &p);
        let drawn = l
            .map
            .job
            .sections
            .iter()
            .filter(|x| !x.byte_range.is_empty());
        assert_eq!(drawn.count(), sections, "{s}: {:?}", l.map.job.sections);
        let mut cells = l.map.rows[0].cells.clone();
        cells.sort_by_key(|c| c.chars.start);
        assert_eq!(cells.len(), s.chars().count(), "{s}");
        // Logical order runs right to left, cell after cell (a glyph's advance may reach
        // under its neighbour by a point: positioning from the font).
        for w in cells.windows(2) {
            assert!(w[1].right <= w[0].left + 1.0, "{s}: {w:?}");
            assert!(w[1].left < w[0].left, "{s}: {w:?}");
        }
        // The first word is at the right end.
        let first_word_left = cells[..5].iter().map(|c| c.left).fold(f32::MAX, f32::min);
        assert!(first_word_left > l.size().x / 2.0, "{s}");
    }
}

#[test]
fn truncation_keeps_every_cluster_that_fits() {
    let ctx = ctx();
    let texts = [
        "المكتب المركزي للأبحاث القضائية (BCIJ) يفكك خلية إرهابية في 12 مارس 2022",
        "FBI and DGST: intelligence sharing with Interpol, Europol and the CIA",
        "مُحَمَّدٌ لاَ إلى الولايات المتحدة — African Lion 2023 «الأسد الإفريقي»",
        "وزارة الداخلية، المديرية العامة لمراقبة التراب الوطني، الولايات المتحدة",
    ];
    let is_mark = |c: char| matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}');
    for (i, s) in texts.iter().enumerate() {
        let chars: Vec<char> = s.chars().collect();
        for max in (20..=420).step_by(23).map(|w| w as f32) {
            let dir = if i % 2 == 0 {
                Direction::Rtl
            } else {
                Direction::Ltr
            };
            let mut p = params(dir, f32::INFINITY);
            p.truncate_width = Some(max);
            let l = lay(&ctx, s, &p);
            let width = |t: &str| lay(&ctx, t, &params(dir, f32::INFINITY)).size().x;
            if !l.map.truncated {
                assert!(width(s) <= max + 0.5, "{s} at {max}");
                continue;
            }
            assert!(
                l.size().x <= max + 0.5 || l.map.char_count == 1,
                "{s} at {max}"
            );
            let kept = l.map.char_count - 1;
            // The next longer cut (at a cluster boundary, trailing spaces trimmed) must not fit.
            let next = (kept + 1..=chars.len())
                .filter(|&m| chars.get(m).is_none_or(|&c| !is_mark(c)))
                .map(|m| chars[..m].iter().collect::<String>().trim_end().to_owned())
                .find(|t| t.chars().count() > kept);
            if let Some(t) = next {
                let w = width(&format!("{t}…"));
                assert!(
                    w > max + 0.5,
                    "{s} at {max}: kept {kept} chars, {t}… is {w} wide"
                );
            }
        }
    }
}

#[test]
fn map_agrees_with_galley_for_latin() {
    let s = "المكتب (BCIJ) FBI";
    let l = lay_rtl(s);
    for ch in ['C', 'J', 'F'] {
        let i = s.chars().position(|c| c == ch).unwrap();
        let cell = l.map.rows[0]
            .cells
            .iter()
            .find(|c| c.chars.start == i)
            .unwrap();
        let gx = x_of(&l, 0, ch);
        assert!(
            (cell.left - gx).abs() < 1.5,
            "{ch}: cell {} glyph {gx}",
            cell.left
        );
    }
}

#[test]
fn cache_reuses_and_evicts() {
    let ctx = ctx();
    let p = params(Direction::Rtl, 200.0);
    for _ in 0..3 {
        run(&ctx, |ui| {
            let a = text::layout(ui.ctx(), BCIJ, &p);
            let b = text::layout(ui.ctx(), BCIJ, &p);
            assert!(std::sync::Arc::ptr_eq(&a.map, &b.map));
        });
    }
    assert_eq!(text::cached_layouts(&ctx), 1);
    for _ in 0..6 {
        run(&ctx, |ui| {
            let _ = text::layout(ui.ctx(), "other", &p);
        });
    }
    assert_eq!(text::cached_layouts(&ctx), 1);
}

#[test]
fn layout_size_agrees_with_layout_and_fills_the_cache() {
    let ctx = ctx();
    let p = params(Direction::Rtl, f32::INFINITY);
    run(&ctx, |ui| {
        // Uncached: measured by laying out, which caches it.
        let measured = text::layout_size(ui.ctx(), BCIJ, &p);
        assert_eq!(text::cached_layouts(ui.ctx()), 1);
        let laid = text::layout(ui.ctx(), BCIJ, &p);
        assert_eq!(measured, laid.size());
        // Cached: the same size, and no second entry.
        assert_eq!(text::layout_size(ui.ctx(), BCIJ, &p), laid.size());
        assert_eq!(text::cached_layouts(ui.ctx()), 1);
        assert!(measured.x > 10.0 && measured.y > 5.0);
    });
}

#[test]
fn galley_fits_in_the_allocated_size() {
    let ctx = ctx();
    for s in ["معرض النصوص — Text gallery", BCIJ, "acronyms", "مرصد"] {
        let p = params(Direction::Rtl, f32::INFINITY);
        let l = lay(&ctx, s, &p);
        let right = l
            .galley
            .rows
            .iter()
            .flat_map(|r| {
                r.glyphs
                    .iter()
                    .map(move |g| r.pos.x + g.pos.x + g.advance_width)
            })
            .fold(0.0, f32::max);
        assert!(
            right <= l.size().x + 0.5,
            "{s}: glyphs end at {right}, size {:?} rect {:?}",
            l.size(),
            l.galley.rect
        );
    }
}
