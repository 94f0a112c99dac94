//! Bidi layout of a whole text: paragraphs → UAX #9 levels → lines (UAX #14) →
//! visual runs → egui sections in visual order, plus a logical↔visual map.
//!
//! egui 0.37 shapes each [`LayoutSection`] with harfrust, which guesses the
//! direction of a run from its first letter and reverses RTL runs itself, but it
//! places sections (and font runs) left to right in logical order. So every
//! section handed to egui is direction-homogeneous: an RTL word (reversed by
//! harfrust), a single neutral/mirrored character, or a piece of LTR text
//! without RTL-script characters. Sections are pushed by hand because
//! `LayoutJob::append` would merge neighbours of the same format.

use std::{ops::Range, sync::Arc};

use egui::{
    Align, Galley, Stroke, TextFormat,
    epaint::text::{ByteIndex, FontsView, LayoutJob, LayoutSection, TextWrapping},
};
use unicode_bidi::{BidiInfo, ParagraphInfo};

use super::{
    Direction, TextParams, base_direction,
    chars::{is_hidden, is_mark, is_rtl_script, is_rtl_word_char, mirror},
    linebreak::break_lines,
};

/// One caret cluster (a character and its marks) as displayed.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Logical character range (indices into the text's chars).
    pub chars: Range<usize>,
    /// Left edge, relative to the galley.
    pub left: f32,
    /// Right edge, relative to the galley.
    pub right: f32,
    /// Whether the cluster is displayed right to left (odd bidi level).
    pub rtl: bool,
}

impl Cell {
    /// The x where the caret sits before this cluster (logically).
    pub fn leading_x(&self) -> f32 {
        if self.rtl { self.right } else { self.left }
    }

    /// The x where the caret sits after this cluster (logically).
    pub fn trailing_x(&self) -> f32 {
        if self.rtl { self.left } else { self.right }
    }
}

/// One displayed row.
#[derive(Clone, Debug, PartialEq)]
pub struct VisualRow {
    /// Logical characters on this row (without the paragraph's `\n`).
    pub chars: Range<usize>,
    /// Direction of the row's paragraph.
    pub rtl: bool,
    /// Top of the row, relative to the galley.
    pub top: f32,
    /// Bottom of the row, relative to the galley.
    pub bottom: f32,
    /// Clusters in visual order, left to right.
    pub cells: Vec<Cell>,
}

/// A laid-out text: the job to paint and the map used for carets and selections.
///
/// The galley itself is not kept: egui may rebuild its glyph atlas, so it is fetched
/// from egui's galley cache each frame (see [`LaidOut`]).
#[derive(Clone, Debug)]
pub struct TextLayout {
    /// The job whose galley shows the text, with rows in visual order.
    pub job: Arc<LayoutJob>,
    /// Rows, top to bottom.
    pub rows: Vec<VisualRow>,
    /// Size to allocate (RTL rows are aligned to the right of this width).
    pub size: egui::Vec2,
    /// Number of chars in the laid-out text.
    pub char_count: usize,
    /// Whether the text was cut with an ellipsis.
    pub truncated: bool,
}

/// What kind of section a piece of a visual run becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PieceKind {
    /// Letters shaped together in the run's direction.
    Word,
    /// One character shaped alone (neutrals in RTL runs, RTL-script characters in LTR runs).
    Single,
    /// Not drawn.
    Hidden,
}

/// A direction-homogeneous piece of a line, in logical order inside it.
struct Piece {
    bytes: Range<usize>,
    kind: PieceKind,
    rtl: bool,
}

/// A row under construction: what to draw, where each cluster is.
#[derive(Default)]
struct RowBuild {
    chars: Range<usize>,
    rtl: bool,
    /// The paragraph's font (Latin-first in left-to-right paragraphs).
    font_id: Option<egui::FontId>,
    /// Rendered strings and their widths, in visual order.
    sections: Vec<(String, f32)>,
    cells: Vec<Cell>,
    width: f32,
}

/// A layout together with this frame's galley for it.
#[derive(Clone, Debug)]
pub struct LaidOut {
    /// Map and job (cacheable across frames).
    pub map: Arc<TextLayout>,
    /// The galley to paint at the widget's origin (valid this frame).
    pub galley: Arc<Galley>,
}

impl LaidOut {
    /// Size to allocate for the text.
    pub fn size(&self) -> egui::Vec2 {
        self.map.size
    }
}

/// Lays out `text` (any length, any mix of scripts), without caching. Never panics.
pub fn layout_text(fonts: &mut FontsView<'_>, text: &str, params: &TextParams) -> LaidOut {
    let (map, galley) = match params.truncate_width {
        Some(max) => layout_truncated(fonts, text, params, max),
        None => layout_full(fonts, text, params),
    };
    LaidOut {
        map: Arc::new(map),
        galley,
    }
}

fn layout_full(
    fonts: &mut FontsView<'_>,
    text: &str,
    params: &TextParams,
) -> (TextLayout, Arc<Galley>) {
    let char_starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let char_at = |byte: usize| char_starts.partition_point(|&b| b < byte);
    let mut rows = Vec::new();
    let mut para_start = 0;
    for para in text.split('\n') {
        let para_range = para_start..para_start + para.len();
        layout_paragraph(fonts, text, para_range, params, &char_at, &mut rows);
        para_start += para.len() + 1;
    }
    finish(fonts, rows, params, char_starts.len(), false)
}

/// Lays out one `\n`-free paragraph into rows.
fn layout_paragraph(
    fonts: &mut FontsView<'_>,
    text: &str,
    para_range: Range<usize>,
    params: &TextParams,
    char_at: &dyn Fn(usize) -> usize,
    rows: &mut Vec<RowBuild>,
) {
    let para = &text[para_range.clone()];
    let dir = params
        .direction
        .or_else(|| base_direction(para))
        .unwrap_or(params.default_direction);
    let latin;
    let params = if dir.is_rtl() {
        params
    } else {
        latin = params.latin_first();
        &latin
    };
    if para.is_empty() {
        let at = char_at(para_range.start);
        rows.push(RowBuild {
            chars: at..at,
            rtl: dir.is_rtl(),
            font_id: Some(params.font_id.clone()),
            ..Default::default()
        });
        return;
    }
    let bidi = BidiInfo::new(para, Some(dir.level()));
    for info in &bidi.paragraphs {
        let sub = &para[info.range.clone()];
        let mut measure = |s: &str| measure(fonts, s, params);
        let lines = break_lines(sub, params.wrap_width, &mut measure);
        let count = lines.len();
        for (k, line) in lines.into_iter().enumerate() {
            let line = line.start + info.range.start..line.end + info.range.start;
            let ctx = LineCtx {
                text: para,
                offset: para_range.start,
                params,
                char_at,
            };
            rows.push(layout_line(fonts, &bidi, info, line, k + 1 == count, &ctx));
        }
    }
}

/// Shared inputs for laying out the lines of one paragraph.
struct LineCtx<'a> {
    text: &'a str,
    offset: usize,
    params: &'a TextParams,
    char_at: &'a dyn Fn(usize) -> usize,
}

/// Builds one row: visual runs → pieces → measured sections and cells.
fn layout_line(
    fonts: &mut FontsView<'_>,
    bidi: &BidiInfo<'_>,
    info: &ParagraphInfo,
    line: Range<usize>,
    last_in_paragraph: bool,
    ctx: &LineCtx<'_>,
) -> RowBuild {
    let rtl = info.level.is_rtl();
    let glob = |b: usize| (ctx.char_at)(ctx.offset + b);
    // Whitespace at a soft line break is not drawn (it would push RTL rows off the edge).
    let drawn_end = if last_in_paragraph {
        line.end
    } else {
        line.start + ctx.text[line.clone()].trim_end().len()
    };
    let mut row = RowBuild {
        chars: glob(line.start)..glob(line.end),
        rtl,
        font_id: Some(ctx.params.font_id.clone()),
        ..Default::default()
    };
    let (levels, runs) = bidi.visual_runs(info, line.clone());
    let mut pieces = Vec::new();
    for run in runs {
        let run_rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
        let clipped = run.start..run.end.min(drawn_end);
        if clipped.is_empty() {
            continue;
        }
        // In an RTL paragraph the Arabic face comes first and has the space, so an RTL phrase
        // is one font run and can be shaped whole; in an LTR paragraph the Latin face would
        // take its spaces and egui would order those font runs left to right.
        let mut run_pieces = split_run(ctx.text, clipped, run_rtl);
        if run_rtl && rtl {
            run_pieces = join_phrases(ctx.text, run_pieces);
        }
        if run_rtl {
            run_pieces.reverse();
        }
        pieces.extend(run_pieces);
    }
    let trailing: Vec<usize> = (glob(drawn_end)..glob(line.end)).collect();
    if rtl {
        push_zero_width(&mut row, &trailing, rtl);
    }
    for piece in pieces {
        place_piece(fonts, &mut row, &piece, ctx, &glob);
    }
    if !rtl {
        push_zero_width(&mut row, &trailing, rtl);
    }
    row
}

/// Zero-width cells for characters that are not drawn (in logical order; reversed for RTL).
fn push_zero_width(row: &mut RowBuild, chars: &[usize], rtl: bool) {
    let x = row.width;
    let mut add = |c: usize| {
        row.cells.push(Cell {
            chars: c..c + 1,
            left: x,
            right: x,
            rtl,
        })
    };
    if rtl {
        chars.iter().rev().for_each(|&c| add(c));
    } else {
        chars.iter().for_each(|&c| add(c));
    }
}

/// Splits a level run into direction-homogeneous pieces (logical order).
fn split_run(text: &str, run: Range<usize>, rtl: bool) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    for (i, c) in text[run.clone()].char_indices() {
        let start = run.start + i;
        let kind = if is_hidden(c) {
            PieceKind::Hidden
        } else if rtl {
            if is_rtl_word_char(c) {
                PieceKind::Word
            } else {
                PieceKind::Single
            }
        } else if is_rtl_script(c) {
            PieceKind::Single
        } else {
            PieceKind::Word
        };
        let joins = |p: &Piece| {
            p.bytes.end == start
                && (kind == PieceKind::Word && p.kind == PieceKind::Word
                    || is_mark(c) && p.kind == PieceKind::Single)
        };
        match pieces.last_mut() {
            Some(last) if joins(last) => last.bytes.end = start + c.len_utf8(),
            _ => pieces.push(Piece {
                bytes: start..start + c.len_utf8(),
                kind,
                rtl,
            }),
        }
    }
    pieces
}

/// Measures a piece, appends its section and its cells to the row.
fn place_piece(
    fonts: &mut FontsView<'_>,
    row: &mut RowBuild,
    piece: &Piece,
    ctx: &LineCtx<'_>,
    glob: &dyn Fn(usize) -> usize,
) {
    let logical = &ctx.text[piece.bytes.clone()];
    let first_char = glob(piece.bytes.start);
    if piece.kind == PieceKind::Hidden {
        let n = logical.chars().count();
        let chars: Vec<usize> = (first_char..first_char + n).collect();
        push_zero_width(row, &chars, piece.rtl);
        return;
    }
    let rendered: String = if piece.rtl {
        logical.chars().map(|c| mirror(c).unwrap_or(c)).collect()
    } else {
        logical.to_owned()
    };
    let galley = fonts.layout_job(measure_job(rendered.clone(), ctx.params));
    let width = galley.intrinsic_size().x;
    let clusters = cluster_ranges(logical, first_char);
    if piece.rtl && piece.kind == PieceKind::Word && logical.contains(' ') {
        let spacing = galley
            .rows
            .iter()
            .flat_map(|r| &r.glyphs)
            .filter(|g| g.advance_width > 0.0)
            .count();
        if spacing != clusters.len() {
            // Another ligature merged glyphs: place word by word so that only its own word
            // shares its width evenly among its letters.
            for word in split_at_spaces(piece, logical).into_iter().rev() {
                place_piece(fonts, row, &word, ctx, glob);
            }
            return;
        }
    }
    let edges = cluster_edges(
        &galley,
        &clusters,
        piece.rtl && piece.kind == PieceKind::Word,
        width,
    );
    let x0 = row.width;
    let mut cells: Vec<Cell> = clusters
        .into_iter()
        .zip(edges)
        .map(|(chars, (l, r))| Cell {
            chars,
            left: x0 + l,
            right: x0 + r,
            rtl: piece.rtl,
        })
        .collect();
    if piece.rtl {
        // Produced in logical order; the row lists cells left to right.
        cells.reverse();
        cells.sort_by(|a, b| a.left.total_cmp(&b.left));
    }
    row.cells.extend(cells);
    row.sections.push((rendered, width));
    row.width += width;
}

/// Whether `s` has a lam followed by an alef (marks between them aside): the ligature the
/// Arabic faces always form, which leaves fewer glyphs than letters.
fn has_lam_alef(s: &str) -> bool {
    let mut after_lam = false;
    for c in s.chars().filter(|&c| !is_mark(c)) {
        if after_lam && matches!(c, 'ا' | 'أ' | 'إ' | 'آ' | 'ٱ') {
            return true;
        }
        after_lam = c == 'ل';
    }
    false
}

/// Joins RTL words separated by one space into one piece, so that a phrase is shaped as one
/// section (harfrust builds a shaping plan per section: most of a table row's cost). Words
/// with a lam-alef stay alone, so that each of their letters keeps its own caret position.
fn join_phrases(text: &str, pieces: Vec<Piece>) -> Vec<Piece> {
    let plain = |p: &Piece| p.kind == PieceKind::Word && !has_lam_alef(&text[p.bytes.clone()]);
    let space = |p: &Piece| p.kind == PieceKind::Single && &text[p.bytes.clone()] == " ";
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let n = out.len();
        if n >= 2 && space(&out[n - 1]) && plain(&out[n - 2]) && plain(&piece) {
            out.pop();
            if let Some(last) = out.last_mut() {
                last.bytes.end = piece.bytes.end;
            }
        } else {
            out.push(piece);
        }
    }
    out
}

/// An RTL phrase piece split back into words and single spaces (logical order).
fn split_at_spaces(piece: &Piece, logical: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for (i, c) in logical.char_indices() {
        let at = piece.bytes.start + i;
        let kind = if c == ' ' {
            PieceKind::Single
        } else {
            PieceKind::Word
        };
        match out.last_mut() {
            Some(last) if kind == PieceKind::Word && last.kind == PieceKind::Word => {
                last.bytes.end = at + c.len_utf8();
            }
            _ => out.push(Piece {
                bytes: at..at + c.len_utf8(),
                kind,
                rtl: piece.rtl,
            }),
        }
    }
    out
}

/// Logical char ranges of the clusters (char + following marks) of `s`.
fn cluster_ranges(s: &str, first_char: usize) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, c) in s.chars().enumerate() {
        let at = first_char + i;
        match out.last_mut() {
            Some(last) if is_mark(c) => last.end = at + 1,
            _ => out.push(at..at + 1),
        }
    }
    out
}

/// x extents (relative to the piece) of each cluster, in logical order.
///
/// LTR: egui keeps one glyph per char in logical order. RTL words: harfrust emits
/// glyphs in visual order (and egui appends bogus zero-width glyphs), so spacing
/// glyphs are matched to clusters from the right; if ligatures make the counts
/// differ (lam-alef), the width is shared evenly.
fn cluster_edges(
    galley: &Galley,
    clusters: &[Range<usize>],
    rtl_word: bool,
    width: f32,
) -> Vec<(f32, f32)> {
    let n = clusters.len();
    let glyphs: Vec<&egui::epaint::text::Glyph> =
        galley.rows.iter().flat_map(|r| r.glyphs.iter()).collect();
    let even = |i: usize| {
        let w = width / n.max(1) as f32;
        if rtl_word {
            (width - w * (i + 1) as f32, width - w * i as f32)
        } else {
            (w * i as f32, w * (i + 1) as f32)
        }
    };
    if rtl_word {
        let spacing: Vec<_> = glyphs.iter().filter(|g| g.advance_width > 0.0).collect();
        if spacing.len() != n {
            return (0..n).map(even).collect();
        }
        return (0..n)
            .map(|i| {
                let g = spacing[n - 1 - i];
                (g.pos.x, (g.pos.x + g.advance_width).min(width))
            })
            .collect();
    }
    let first = clusters.first().map_or(0, |c| c.start);
    let total_chars = clusters.last().map_or(0, |c| c.end) - first;
    if glyphs.len() != total_chars {
        return (0..n).map(even).collect();
    }
    clusters
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let left = glyphs.get(c.start - first).map_or(0.0, |g| g.pos.x);
            let right = clusters
                .get(i + 1)
                .and_then(|next| glyphs.get(next.start - first))
                .map_or(width, |g| g.pos.x);
            (left, right.max(left))
        })
        .collect()
}

/// A single-section, unwrapped job used to measure one piece.
fn measure_job(text: String, params: &TextParams) -> LayoutJob {
    let mut job = LayoutJob::single_section(text, format(params));
    job.wrap = TextWrapping::no_max_width();
    job.round_output_to_gui = false;
    job
}

/// Advance width of logical text, for line breaking.
fn measure(fonts: &mut FontsView<'_>, s: &str, params: &TextParams) -> f32 {
    if s.is_empty() {
        return 0.0;
    }
    let visible: String = s.chars().filter(|&c| !is_hidden(c)).collect();
    fonts
        .layout_job(measure_job(visible, params))
        .intrinsic_size()
        .x
}

fn format(params: &TextParams) -> TextFormat {
    TextFormat {
        font_id: params.font_id.clone(),
        color: params.color,
        italics: params.italics,
        line_height: params.line_height,
        underline: if params.underline {
            Stroke::new(1.0, params.color)
        } else {
            Stroke::NONE
        },
        valign: Align::BOTTOM,
        ..Default::default()
    }
}

/// Room left at the right of RTL rows: Arabic initial forms draw slightly past
/// their advance, and would be clipped at the edge of the `Ui`.
const INK_MARGIN: f32 = 2.0;

/// Aligns rows, builds the final job and reads row positions back from the galley.
fn finish(
    fonts: &mut FontsView<'_>,
    rows: Vec<RowBuild>,
    params: &TextParams,
    char_count: usize,
    truncated: bool,
) -> (TextLayout, Arc<Galley>) {
    let content = rows.iter().map(|r| r.width).fold(0.0, f32::max);
    let width = if params.wrap_width.is_finite() && params.fill_width {
        params.wrap_width.max(content + INK_MARGIN)
    } else {
        content + INK_MARGIN
    };
    let fmt = format(params);
    let mut job = LayoutJob {
        wrap: TextWrapping::no_max_width(),
        halign: Align::LEFT,
        keep_trailing_whitespace: true,
        ..Default::default()
    };
    let mut out_rows = Vec::with_capacity(rows.len());
    let count = rows.len();
    for (k, mut row) in rows.into_iter().enumerate() {
        let offset = if row.rtl {
            (width - row.width).max(0.0)
        } else {
            0.0
        };
        let mut leading = offset;
        let row_fmt = match &row.font_id {
            Some(f) if *f != fmt.font_id => TextFormat {
                font_id: f.clone(),
                ..fmt.clone()
            },
            _ => fmt.clone(),
        };
        for (s, _) in &row.sections {
            push_section(&mut job, s, leading, &row_fmt);
            leading = 0.0;
        }
        if k + 1 < count {
            push_section(&mut job, "\n", leading, &row_fmt);
        } else if job.sections.is_empty() {
            push_section(&mut job, "", 0.0, &row_fmt);
        }
        for cell in &mut row.cells {
            cell.left += offset;
            cell.right += offset;
        }
        out_rows.push(VisualRow {
            chars: row.chars,
            rtl: row.rtl,
            top: 0.0,
            bottom: 0.0,
            cells: row.cells,
        });
    }
    let job = Arc::new(job);
    let galley = fonts.layout_job((*job).clone());
    let row_height = galley
        .rows
        .first()
        .map_or(fonts.row_height(&params.font_id), |r| r.rect().height());
    for (k, row) in out_rows.iter_mut().enumerate() {
        let rect = galley.rows.get(k).map(|r| r.rect());
        row.top = rect.map_or(k as f32 * row_height, |r| r.top());
        row.bottom = rect.map_or(row.top + row_height, |r| r.bottom());
    }
    let height = out_rows
        .last()
        .map_or(row_height, |r| r.bottom)
        .max(galley.rect.height());
    (
        TextLayout {
            size: egui::vec2(width, height),
            job,
            rows: out_rows,
            char_count,
            truncated,
        },
        galley,
    )
}

/// Appends `s` as a new section: never merged with its neighbour (see module docs).
fn push_section(job: &mut LayoutJob, s: &str, leading_space: f32, fmt: &TextFormat) {
    let start = job.text.len();
    job.text.push_str(s);
    job.sections.push(LayoutSection {
        leading_space,
        byte_range: ByteIndex(start)..ByteIndex(job.text.len()),
        format: fmt.clone(),
    });
}

/// One line, cut at `max` with "…" at the logical end (the left end in RTL).
fn layout_truncated(
    fonts: &mut FontsView<'_>,
    text: &str,
    params: &TextParams,
    max: f32,
) -> (TextLayout, Arc<Galley>) {
    let mut one_line = params.clone();
    one_line.wrap_width = f32::INFINITY;
    one_line.truncate_width = None;
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let full = layout_full(fonts, &flat, &one_line);
    if full.0.size.x <= max + 0.5 {
        return full;
    }
    let starts: Vec<usize> = cluster_ranges(&flat, 0).iter().map(|r| r.start).collect();
    let byte_of: Vec<usize> = flat.char_indices().map(|(i, _)| i).collect();
    let prefix = |n: usize| -> String {
        let end = starts
            .get(n)
            .and_then(|&c| byte_of.get(c))
            .copied()
            .unwrap_or(flat.len());
        format!("{}…", flat[..end].trim_end())
    };
    let fits = |l: &(TextLayout, Arc<Galley>)| l.0.size.x <= max + 0.5;
    // Start from the widths the full line's cells give each cluster, then lay out to confirm:
    // shaping at the cut can change a letter's form, so step until n clusters fit and n + 1 do
    // not (two or three layouts, where bisection took eight or more).
    let ellipsis = measure(fonts, "…", &one_line) + INK_MARGIN;
    let mut n = estimated_fit(&full.0, &starts, max - ellipsis);
    let mut cut = layout_full(fonts, &prefix(n), &one_line);
    if fits(&cut) {
        while n < starts.len() {
            let next = layout_full(fonts, &prefix(n + 1), &one_line);
            if !fits(&next) {
                break;
            }
            (n, cut) = (n + 1, next);
        }
    } else {
        while n > 0 {
            n -= 1;
            cut = layout_full(fonts, &prefix(n), &one_line);
            if fits(&cut) {
                break;
            }
        }
    }
    cut.0.truncated = true;
    cut
}

/// How many leading clusters (logical order) fit in `room`, by the widths of their cells in
/// the untruncated one-line layout `full`.
fn estimated_fit(full: &TextLayout, starts: &[usize], room: f32) -> usize {
    let mut width_from = vec![0.0f32; starts.len()];
    for cell in full.rows.iter().flat_map(|r| &r.cells) {
        let k = starts.partition_point(|&s| s <= cell.chars.start);
        if let Some(w) = k.checked_sub(1).and_then(|k| width_from.get_mut(k)) {
            *w += cell.right - cell.left;
        }
    }
    let mut used = 0.0;
    width_from
        .iter()
        .take_while(|&&w| {
            used += w;
            used <= room
        })
        .count()
}

/// The paragraph direction used for `text` under `params` (first paragraph).
pub fn paragraph_direction(text: &str, params: &TextParams) -> Direction {
    params
        .direction
        .or_else(|| base_direction(text))
        .unwrap_or(params.default_direction)
}
