//! Builds the timeline's draw list for one frame: axis, lanes, binned events, labels placed
//! without overlap, and the selected period. Only visible lanes and items are touched.

use super::data::{Lane, TimelineData};
use crate::i18n::Lang;
use crate::model::EventKind;
use crate::ui::scene::label_params;
use crate::viz::lane_index::Mapping;
use crate::viz::lod::Bin;
use crate::viz::overlap::place_labels;
use crate::viz::scene::{Item, Scene};
use crate::viz::ticks::ticks;
use egui::{Color32, Pos2, Rect, Ui, pos2, vec2};

/// Height of the axis band.
pub const AXIS_H: f32 = 36.0;
/// Height of a lane.
pub const LANE_H: f32 = 30.0;
/// Width of the lane captions column.
pub const CAPTION_W: f32 = 150.0;
/// Starts closer than this (points) merge into one bin: the width of a cluster's count box,
/// so that neither boxes nor markers (10 points) of neighbouring bins overlap.
const BIN_PX: f32 = 16.0;
/// Size of label text.
const LABEL_SIZE: f32 = 12.0;
/// At most this many event labels are measured per frame.
const MAX_LABELS: usize = 300;

/// The visible stretch of time and how it maps to the screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// Time (days) at the edge where time starts.
    pub t0: f64,
    /// Days per point.
    pub days_per_pt: f64,
    /// Time runs right→left.
    pub rtl: bool,
    /// The scene size.
    pub size: egui::Vec2,
    /// First lane shown (fractional when scrolled).
    pub lane_scroll: f32,
}

impl Viewport {
    /// Where time flows, in scene coordinates: `[start, end)` along x.
    pub fn time_area(&self) -> (f32, f32) {
        if self.rtl {
            (0.0, self.size.x - CAPTION_W)
        } else {
            (CAPTION_W, self.size.x)
        }
    }

    /// Width of the time area.
    pub fn time_width(&self) -> f32 {
        let (a, b) = self.time_area();
        (b - a).max(1.0)
    }

    /// Distance from the time-start edge of the time area.
    pub fn flow(&self, t: f64) -> f32 {
        ((t - self.t0) / self.days_per_pt) as f32
    }

    /// x in scene coordinates of time `t`.
    pub fn x(&self, t: f64) -> f32 {
        let (a, b) = self.time_area();
        if self.rtl {
            b - self.flow(t)
        } else {
            a + self.flow(t)
        }
    }

    /// Time at scene x.
    pub fn t(&self, x: f32) -> f64 {
        let (a, b) = self.time_area();
        let u = if self.rtl { b - x } else { x - a };
        self.t0 + f64::from(u) * self.days_per_pt
    }

    /// The visible time range.
    pub fn visible(&self) -> (f64, f64) {
        (
            self.t0,
            self.t0 + f64::from(self.time_width()) * self.days_per_pt,
        )
    }

    /// Caption column rectangle.
    pub fn caption_rect(&self) -> Rect {
        let x = if self.rtl {
            self.size.x - CAPTION_W
        } else {
            0.0
        };
        Rect::from_min_size(pos2(x, AXIS_H), vec2(CAPTION_W, self.size.y - AXIS_H))
    }

    /// Top of lane `i`.
    pub fn lane_top(&self, i: usize) -> f32 {
        AXIS_H + (i as f32 - self.lane_scroll) * LANE_H
    }
}

/// A clickable place in the scene.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HitBox {
    /// Where, in scene coordinates.
    pub rect: Rect,
    /// The bin drawn there.
    pub bin: Bin,
}

/// Colours of the scene, taken from the theme.
pub struct Palette {
    /// Background.
    pub bg: Color32,
    /// Alternate lane stripe.
    pub stripe: Color32,
    /// Text.
    pub text: Color32,
    /// Secondary text and grid.
    pub weak: Color32,
    /// Selection overlay.
    pub selection: Color32,
    /// Selected event outline.
    pub highlight: Color32,
}

impl Palette {
    /// The palette of the current theme.
    pub fn of(ui: &Ui) -> Self {
        let v = ui.visuals();
        Self {
            bg: v.extreme_bg_color,
            stripe: v.faint_bg_color,
            text: v.text_color(),
            weak: v.weak_text_color(),
            selection: v.selection.bg_fill.gamma_multiply(0.35),
            highlight: v.selection.stroke.color,
        }
    }
}

/// Colour of an event type.
pub fn kind_color(kind: EventKind) -> Color32 {
    const COLORS: [Color32; 10] = [
        Color32::from_rgb(0x1f, 0x77, 0xb4),
        Color32::from_rgb(0xd6, 0x27, 0x28),
        Color32::from_rgb(0x2c, 0xa0, 0x2c),
        Color32::from_rgb(0xff, 0x7f, 0x0e),
        Color32::from_rgb(0x94, 0x67, 0xbd),
        Color32::from_rgb(0x8c, 0x56, 0x4b),
        Color32::from_rgb(0xe3, 0x77, 0xc2),
        Color32::from_rgb(0x17, 0xbe, 0xcf),
        Color32::from_rgb(0xbc, 0xbd, 0x22),
        Color32::from_rgb(0x7f, 0x7f, 0x7f),
    ];
    let i = EventKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    COLORS[i % COLORS.len()]
}

/// Everything one frame of the timeline draws from.
pub struct Frame<'a> {
    /// Rows and names.
    pub data: &'a TimelineData,
    /// Lanes.
    pub lanes: &'a [Lane],
    /// Mapping of time to the screen.
    pub view: Viewport,
    /// UI language.
    pub lang: Lang,
    /// Selected period.
    pub selection: Option<(f64, f64)>,
    /// Selected event's row.
    pub selected: Option<usize>,
}

/// Draws one frame into a scene and lists its clickable places.
pub fn build_scene(ui: &Ui, f: &Frame<'_>) -> (Scene, Vec<HitBox>) {
    let pal = Palette::of(ui);
    let v = f.view;
    let mut scene = Scene::new(v.size, pal.bg);
    let mut hits = Vec::new();
    let first = v.lane_scroll.floor().max(0.0) as usize;
    let shown = ((v.size.y - AXIS_H) / LANE_H).ceil() as usize + 1;
    let lanes = first..(first + shown).min(f.lanes.len());
    for i in lanes.clone() {
        if i % 2 == 1 {
            let top = v.lane_top(i);
            scene.push(Item::Rect {
                rect: Rect::from_min_size(pos2(0.0, top), vec2(v.size.x, LANE_H)),
                radius: 0.0,
                fill: pal.stripe,
                stroke: (0.0, Color32::TRANSPARENT),
                dashed: false,
            });
        }
    }
    axis(ui, f, &pal, &mut scene);
    if let Some((a, b)) = f.selection {
        let (x0, x1) = (v.x(a), v.x(b));
        let rect = Rect::from_x_y_ranges(x0.min(x1)..=x0.max(x1), AXIS_H..=v.size.y);
        scene.push(Item::Rect {
            rect,
            radius: 0.0,
            fill: pal.selection,
            stroke: (1.0, pal.highlight),
            dashed: false,
        });
    }
    let mut labels = Vec::new();
    for i in lanes.clone() {
        lane_events(f, i, &pal, &mut scene, &mut hits, &mut labels);
    }
    place_event_labels(ui, f, &pal, labels, &hits, &mut scene);
    captions(f, &pal, lanes, &mut scene);
    (scene, hits)
}

fn axis(ui: &Ui, f: &Frame<'_>, pal: &Palette, scene: &mut Scene) {
    let v = f.view;
    let (t0, t1) = v.visible();
    let axis = ticks(t0, t1, 1.0 / v.days_per_pt, f.lang);
    let mut boxes = Vec::new();
    for tick in &axis.ticks {
        let x = v.x(tick.t);
        scene.push(Item::Line {
            a: pos2(x, AXIS_H - 8.0),
            b: pos2(x, v.size.y),
            width: 1.0,
            color: pal.weak.gamma_multiply(0.35),
        });
        let size = crate::text::layout_size(
            ui.ctx(),
            &tick.label,
            &label_params(ui, LABEL_SIZE, pal.text),
        );
        // Each label starts at its tick and runs in the direction time flows.
        let left = if v.rtl { x - size.x - 3.0 } else { x + 3.0 };
        boxes.push((
            Rect::from_min_size(pos2(left, 6.0), size),
            1.0,
            tick.label.clone(),
        ));
    }
    let rects: Vec<(Rect, f32)> = boxes.iter().map(|b| (b.0, b.1)).collect();
    let (lo, hi) = v.time_area();
    for ((rect, _, text), show) in boxes.into_iter().zip(place_labels(&rects, 4.0)) {
        if show && rect.min.x >= lo - 1.0 && rect.max.x <= hi + 1.0 {
            scene.push(Item::Text {
                rect,
                text,
                size: LABEL_SIZE,
                color: pal.text,
            });
        }
    }
    scene.push(Item::Line {
        a: pos2(0.0, AXIS_H),
        b: pos2(v.size.x, AXIS_H),
        width: 1.0,
        color: pal.weak,
    });
}

/// A label waiting for placement: where its item is, and what it says.
struct Candidate {
    anchor: Pos2,
    row: usize,
    priority: f32,
}

fn lane_events(
    f: &Frame<'_>,
    lane_index: usize,
    pal: &Palette,
    scene: &mut Scene,
    hits: &mut Vec<HitBox>,
    labels: &mut Vec<Candidate>,
) {
    let v = f.view;
    let width = v.time_width();
    let mapping = Mapping {
        t0: v.t0,
        days_per_pt: v.days_per_pt,
        width,
    };
    let bins = f.lanes[lane_index].index.bins(lane_index, mapping, BIN_PX);
    let mid = v.lane_top(lane_index) + LANE_H / 2.0;
    let (lo, hi) = v.time_area();
    let to_x = |u: f32| {
        if v.rtl { hi - u } else { lo + u }
    };
    for bin in bins {
        let (xa, xb) = (to_x(bin.x0.max(-2.0)), to_x(bin.x1.min(width + 2.0)));
        let (left, right) = (xa.min(xb), xa.max(xb));
        let row = bin.first;
        let rect = if bin.count > 1 {
            let w = (right - left).max(16.0);
            let x = if v.rtl { right - w } else { left };
            let rect = Rect::from_min_size(pos2(x, mid - 8.0), vec2(w, 16.0));
            scene.push(Item::Rect {
                rect,
                radius: 4.0,
                fill: pal.weak.gamma_multiply(0.45),
                stroke: (1.0, pal.weak),
                dashed: bin.imprecise,
            });
            scene.push(Item::Text {
                rect,
                text: bin.count.to_string(),
                size: 11.0,
                color: pal.text,
            });
            rect
        } else {
            let color = kind_color(f.data.rows[row].kind);
            let selected = f.selected == Some(row);
            let stroke = if selected {
                (2.0, pal.highlight)
            } else {
                (1.0, color)
            };
            let fill = if bin.imprecise {
                color.gamma_multiply(0.35)
            } else {
                color
            };
            let rect = if right - left >= 6.0 {
                let rect = Rect::from_x_y_ranges(left..=right, mid - 5.0..=mid + 5.0);
                scene.push(Item::Rect {
                    rect,
                    radius: 2.0,
                    fill,
                    stroke,
                    dashed: bin.imprecise,
                });
                rect
            } else {
                let c = pos2((left + right) / 2.0, mid);
                scene.push(Item::Circle {
                    center: c,
                    radius: 5.0,
                    fill,
                    stroke,
                });
                Rect::from_center_size(c, vec2(10.0, 10.0))
            };
            if labels.len() < MAX_LABELS {
                let edge = if v.rtl { rect.left() } else { rect.right() };
                labels.push(Candidate {
                    anchor: pos2(edge, mid),
                    row,
                    priority: if selected { 10.0 } else { 1.0 },
                });
            }
            rect
        };
        hits.push(HitBox {
            rect: rect.expand(2.0),
            bin,
        });
    }
}

fn place_event_labels(
    ui: &Ui,
    f: &Frame<'_>,
    pal: &Palette,
    labels: Vec<Candidate>,
    obstacles: &[HitBox],
    scene: &mut Scene,
) {
    let v = f.view;
    let rtl_ui = f.lang.direction().is_rtl();
    // Event shapes come first with top priority: labels must not hide markers.
    let mut boxes: Vec<(Rect, f32)> = obstacles.iter().map(|h| (h.rect, f32::INFINITY)).collect();
    let skip = boxes.len();
    let mut texts = Vec::with_capacity(labels.len());
    for c in &labels {
        let title = shorten(f.data.rows[c.row].title(rtl_ui), 40);
        let size =
            crate::text::layout_size(ui.ctx(), &title, &label_params(ui, LABEL_SIZE, pal.text));
        let left = if v.rtl {
            c.anchor.x - 7.0 - size.x
        } else {
            c.anchor.x + 7.0
        };
        boxes.push((
            Rect::from_min_size(pos2(left, c.anchor.y - size.y / 2.0), size),
            c.priority,
        ));
        texts.push(title);
    }
    let (lo, hi) = v.time_area();
    let shown = place_labels(&boxes, 3.0);
    let placed = boxes.into_iter().zip(shown).skip(skip);
    for (((rect, _), show), text) in placed.zip(texts) {
        if show && rect.min.x >= lo && rect.max.x <= hi {
            scene.push(Item::Text {
                rect,
                text,
                size: LABEL_SIZE,
                color: pal.text,
            });
        }
    }
}

fn captions(f: &Frame<'_>, pal: &Palette, lanes: std::ops::Range<usize>, scene: &mut Scene) {
    let v = f.view;
    let col = v.caption_rect();
    scene.push(Item::Rect {
        rect: col,
        radius: 0.0,
        fill: pal.bg,
        stroke: (1.0, pal.weak.gamma_multiply(0.5)),
        dashed: false,
    });
    for i in lanes {
        let top = v.lane_top(i);
        if top < AXIS_H - 1.0 {
            continue;
        }
        let lane = &f.lanes[i];
        let rect = Rect::from_min_size(pos2(col.min.x + 6.0, top), vec2(CAPTION_W - 12.0, LANE_H));
        scene.push(Item::Text {
            rect,
            text: format!("{} ({})", shorten(&lane.label, 18), lane.items.len()),
            size: LABEL_SIZE,
            color: pal.text,
        });
    }
}

/// `text` cut to `max` characters with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}
