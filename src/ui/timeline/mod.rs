//! The timeline view: events on a time axis from centuries to days, in lanes by actor, type
//! or source, respecting the events view's filter; zoom, pan, select a period, open an event.

mod card;
pub mod data;
pub mod draw;

use super::png_export::PngExport;
use super::widgets::{button_ui, checkbox_ui, combo_ui};
use crate::app::{AppState, View};
use crate::i18n::Msg;
use crate::model::PartialDate;
use crate::store::EventFilter;
use crate::text;
use crate::viz::scene::Scene;
use crate::viz::time::{YEAR_DAYS, civil_from_days};
use data::{Lane, LaneBy, TimelineData, build_lanes};
use draw::{AXIS_H, Frame, HitBox, LANE_H, Viewport, build_scene};
use egui::{Pos2, Rect, Sense, Ui};
use std::sync::Arc;

/// Closest zoom: a day spans 400 points.
const MIN_DAYS_PER_PT: f64 = 1.0 / 400.0;
/// Farthest zoom: 5,000 years across 1,000 points.
const MAX_DAYS_PER_PT: f64 = 5.0 * YEAR_DAYS;

/// The timeline's own state (not persisted).
#[derive(Default)]
pub struct TimelineState {
    data: Option<(u64, EventFilter, Arc<TimelineData>)>,
    lanes: Option<(LaneBy, crate::i18n::Lang, Vec<Lane>)>,
    /// How events are spread over lanes.
    pub lane_by: LaneBy,
    /// Time at the time-start edge and zoom; `None` until fitted.
    pub view: Option<(f64, f64)>,
    lane_scroll: f32,
    /// The selected period (days), if any.
    pub selection: Option<(f64, f64)>,
    drag: Option<DragMode>,
    /// The last frame's draw list (exports write it).
    pub scene: Scene,
    hits: Vec<HitBox>,
    canvas: Option<Rect>,
    /// PNG export of the visible timeline.
    pub png: PngExport,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum DragMode {
    Pan,
    Select(f64),
}

impl TimelineState {
    /// The clickable places of the last frame, in screen coordinates (tests).
    pub fn hit_rects(&self) -> Vec<(Rect, usize, u32)> {
        self.hits
            .iter()
            .map(|h| {
                (
                    h.rect
                        .translate(self.canvas.map_or(egui::Vec2::ZERO, |c| c.min.to_vec2())),
                    h.bin.first,
                    h.bin.count,
                )
            })
            .collect()
    }

    /// The rows shown (tests).
    pub fn data(&self) -> Option<&TimelineData> {
        self.data.as_ref().map(|(_, _, d)| d.as_ref())
    }

    /// Rows whose span meets the selected period, in time order (none without a selection).
    pub fn selected_rows(&self) -> Vec<usize> {
        let (Some((a, b)), Some(data)) = (self.selection, self.data()) else {
            return Vec::new();
        };
        data.spans
            .iter()
            .enumerate()
            .filter(|(_, s)| s.end > a && s.start < b)
            .map(|(i, _)| i)
            .collect()
    }

    fn refresh(&mut self, state: &mut AppState) {
        let filter = state.settings.event_filter.clone();
        let fresh = self
            .data
            .as_ref()
            .is_some_and(|(g, f, _)| *g == state.generation && *f == filter);
        if !fresh {
            let data = match TimelineData::load(&state.store, &filter) {
                Ok(d) => d,
                Err(e) => {
                    state.report(&e);
                    empty_data()
                }
            };
            self.data = Some((state.generation, filter, Arc::new(data)));
            self.lanes = None;
        }
        let lang = state.lang();
        let stale = self
            .lanes
            .as_ref()
            .is_none_or(|(by, l, _)| *by != self.lane_by || *l != lang);
        if stale && let Some((_, _, data)) = &self.data {
            let none = match self.lane_by {
                LaneBy::Source => state.tr(Msg::VizNoSource),
                _ => state.tr(Msg::VizNoActor),
            };
            self.lanes = Some((
                self.lane_by,
                lang,
                build_lanes(data, self.lane_by, lang, none),
            ));
            self.lane_scroll = 0.0;
        }
    }

    fn fit_all(&mut self, width: f32) {
        let range = self.data.as_ref().and_then(|(_, _, d)| d.range);
        if let Some((a, b)) = range {
            self.fit(a, b, width);
        }
    }

    fn fit(&mut self, a: f64, b: f64, width: f32) {
        let len = (b - a).max(1.0);
        let pad = len * 0.04;
        let dpp =
            ((len + 2.0 * pad) / f64::from(width.max(1.0))).clamp(MIN_DAYS_PER_PT, MAX_DAYS_PER_PT);
        let center = (a + b) / 2.0;
        self.view = Some((center - dpp * f64::from(width) / 2.0, dpp));
    }
}

fn empty_data() -> TimelineData {
    TimelineData {
        rows: Vec::new(),
        spans: Vec::new(),
        actors: Default::default(),
        sources: Default::default(),
        range: None,
    }
}

/// Draws the timeline view.
pub fn timeline_view_ui(ui: &mut Ui, state: &mut AppState, tl: &mut TimelineState) {
    tl.refresh(state);
    toolbar_ui(ui, state, tl);
    text::weak(ui, state.tr(Msg::VizTimelineHelp));
    let empty = tl.data().is_none_or(|d| d.rows.is_empty());
    if empty {
        text::paragraph(ui, state.tr(Msg::VizNoDatedEvents));
        return;
    }
    let rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    tl.canvas = Some(rect);
    let rtl = state.lang().direction().is_rtl() != state.settings.timeline_flip;
    let width = (rect.width() - draw::CAPTION_W).max(1.0);
    if tl.view.is_none() {
        tl.fit_all(width);
    }
    let (t0, dpp) = tl.view.unwrap_or((0.0, 1.0));
    let mut view = Viewport {
        t0,
        days_per_pt: dpp,
        rtl,
        size: rect.size(),
        lane_scroll: tl.lane_scroll,
    };
    handle_input(ui, state, tl, &response, &mut view);
    let (Some((_, _, data)), Some((_, _, lanes))) = (&tl.data, &tl.lanes) else {
        return;
    };
    let data = data.clone();
    let selected = state
        .selected_event
        .and_then(|id| data.rows.iter().position(|r| r.id == id));
    let frame = Frame {
        data: &data,
        lanes,
        view,
        lang: state.lang(),
        selection: tl.selection,
        selected,
    };
    let (scene, hits) = build_scene(ui, &frame);
    // Clipped to the canvas: lines to nodes out of view would cross the toolbar.
    crate::ui::scene::paint_scene(ui, &ui.painter_at(rect), &scene, rect.min);
    tl.scene = scene;
    tl.hits = hits;
    tl.png.frame(ui, state, rect);
    if let Some(pos) = response.hover_pos().filter(|_| !tl.png.is_busy()) {
        let local = pos - rect.min.to_vec2();
        if let Some(hit) = tl.hits.iter().find(|h| h.rect.contains(local)).copied() {
            let lanes = tl.lanes.as_ref().map_or(&[][..], |l| &l.2[..]);
            response.on_hover_ui_at_pointer(|ui| card::card_ui(ui, state, &data, lanes, hit.bin));
        }
    }
}

fn toolbar_ui(ui: &mut Ui, state: &mut AppState, tl: &mut TimelineState) {
    let width = (tl.canvas.map_or(1000.0, |c| c.width()) - draw::CAPTION_W).max(200.0);
    text::wrapped_row_ui(ui, |ui| {
        text::strong(ui, state.tr(Msg::VizLanes));
        let names = [
            (LaneBy::Actor, state.tr(Msg::VizByActor)),
            (LaneBy::Kind, state.tr(Msg::VizByType)),
            (LaneBy::Source, state.tr(Msg::VizBySource)),
        ];
        combo_ui(
            ui,
            "timeline-lanes",
            &mut tl.lane_by,
            &[LaneBy::Actor, LaneBy::Kind, LaneBy::Source],
            |b| names.iter().find(|n| n.0 == b).map_or("", |n| n.1),
        );
        if button_ui(ui, state.tr(Msg::VizFitAll)).clicked() {
            tl.fit_all(width);
        }
        if let Some((a, b)) = tl.selection {
            if button_ui(ui, state.tr(Msg::VizZoomSelection)).clicked() {
                tl.fit(a, b, width);
            }
            if button_ui(ui, state.tr(Msg::VizUseAsFilter)).clicked() {
                use_as_filter(state, a, b);
                tl.selection = None;
            }
            let brief = state.word(crate::app::briefing_words::Word::BriefPeriod);
            if button_ui(ui, brief).clicked() {
                let (from, to) = period_days(a, b);
                state.new_briefing_from_range(from, to);
                tl.selection = None;
            }
        }
        let flip = state.tr(Msg::VizFlipTime);
        checkbox_ui(ui, &mut state.settings.timeline_flip, flip);
        if button_ui(ui, state.tr(Msg::VizExportSvg)).clicked() {
            let scene = tl.scene.clone();
            crate::ui::scene::export_svg(state, &scene, "timeline");
        }
        if button_ui(ui, state.tr(Msg::VizExportPng)).clicked() {
            tl.png.ask_file("timeline");
        }
        let n = tl.data().map_or(0, |d| d.rows.len());
        let shown = match tl.selection {
            // The events of the selected period, out of all shown.
            Some(_) => format!(
                "{}: {} / {n}",
                state.tr(Msg::Events),
                tl.selected_rows().len()
            ),
            None => format!("{}: {n}", state.tr(Msg::Events)),
        };
        text::weak(ui, &shown);
    });
}

/// The first and last day of a selected period (`a`, `b` in days, either order).
fn period_days(a: f64, b: f64) -> (Option<PartialDate>, Option<PartialDate>) {
    let day = |t: f64| {
        let (y, m, d) = civil_from_days(t.floor() as i64);
        PartialDate::day(y.clamp(1, 9999) as u16, m as u8, d as u8).ok()
    };
    let (a, b) = (a.min(b), a.max(b));
    (day(a), day((b - 1.0).max(a)))
}

/// Narrows the events filter to the days of the selected period.
fn use_as_filter(state: &mut AppState, a: f64, b: f64) {
    let (from, to) = period_days(a, b);
    state.settings.event_filter.from = from;
    state.settings.event_filter.to = to;
}

fn handle_input(
    ui: &Ui,
    state: &mut AppState,
    tl: &mut TimelineState,
    response: &egui::Response,
    view: &mut Viewport,
) {
    let origin = response.rect.min.to_vec2();
    let local = |p: Pos2| p - origin;
    if response.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let factor = f64::from(zoom) * (f64::from(scroll.y) * 0.003).exp();
        if (factor - 1.0).abs() > 1e-6
            && let Some(p) = response.hover_pos()
        {
            let x = local(p).x;
            let at = view.t(x);
            view.days_per_pt = (view.days_per_pt / factor).clamp(MIN_DAYS_PER_PT, MAX_DAYS_PER_PT);
            view.t0 += at - view.t(x);
        }
        if scroll.x != 0.0 {
            let dir = if view.rtl { 1.0 } else { -1.0 };
            view.t0 += dir * f64::from(scroll.x) * view.days_per_pt;
        }
    }
    if response.drag_started() {
        let (shift, origin) = ui.input(|i| (i.modifiers.shift, i.pointer.press_origin()));
        // The period starts where the button went down, not where the drag was recognised.
        tl.drag = match (shift, origin.or_else(|| response.interact_pointer_pos())) {
            (true, Some(p)) => Some(DragMode::Select(view.t(local(p).x))),
            _ => Some(DragMode::Pan),
        };
    }
    if response.dragged() {
        match tl.drag {
            Some(DragMode::Pan) => {
                let d = response.drag_delta();
                let flow = if view.rtl { d.x } else { -d.x };
                view.t0 += f64::from(flow) * view.days_per_pt;
                let lanes = tl.lanes.as_ref().map_or(0, |l| l.2.len()) as f32;
                tl.lane_scroll = (tl.lane_scroll - d.y / LANE_H).clamp(0.0, (lanes - 1.0).max(0.0));
                view.lane_scroll = tl.lane_scroll;
            }
            Some(DragMode::Select(start)) => {
                if let Some(p) = response.interact_pointer_pos() {
                    let t = view.t(local(p).x);
                    tl.selection = Some((start.min(t), start.max(t)));
                }
            }
            None => {}
        }
    }
    if response.drag_stopped() {
        tl.drag = None;
    }
    if response.clicked()
        && let Some(p) = response.interact_pointer_pos()
    {
        click(state, tl, local(p), view);
    }
    tl.view = Some((view.t0, view.days_per_pt));
}

fn click(state: &mut AppState, tl: &mut TimelineState, at: Pos2, view: &mut Viewport) {
    if at.y < AXIS_H {
        tl.selection = None;
        return;
    }
    let Some(hit) = tl.hits.iter().find(|h| h.rect.contains(at)).copied() else {
        tl.selection = None;
        return;
    };
    if hit.bin.count == 1 {
        let id = tl
            .data()
            .and_then(|d| d.rows.get(hit.bin.first))
            .map(|r| r.id);
        if let Some(id) = id {
            state.selected_event = Some(id);
            state.settings.view = View::Events;
        }
    } else {
        // A cluster: zoom so that its events spread out.
        let (a, b) = (view.t(hit.rect.left()), view.t(hit.rect.right()));
        let width = view.time_width();
        tl.fit(a.min(b), a.max(b), width);
        if let Some((t0, dpp)) = tl.view {
            view.t0 = t0;
            view.days_per_pt = dpp;
        }
    }
}
