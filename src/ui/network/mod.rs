//! The network view: actors as nodes, relations and shared events as edges, for a period;
//! force-directed layout off the UI thread for big graphs; pin, zoom, pan, filter, open.

mod draw;
pub mod graph;

use super::png_export::PngExport;
use super::widgets::{button_ui, combo_ui, option_combo_ui};
use crate::app::{AppState, View};
use crate::i18n::{Msg, vocab};
use crate::model::ActorKind;
use crate::store::DateWindow;
use crate::text;
use crate::viz::force::{ForceLayout, Spring};
use crate::viz::runner::LayoutRunner;
use crate::viz::scene::Scene;
use draw::{Camera, Frame, build_scene};
use egui::{Pos2, Rect, Sense, Ui, Vec2};
use graph::{EdgeKind, Graph, NetData, NetFilter, build_graph, year_window};
use std::sync::Arc;

/// Graphs up to this many nodes are laid out at once on the UI thread (a few milliseconds);
/// bigger ones in the background.
const SYNC_NODES: usize = 400;
/// Seed of every layout: the same graph always gets the same picture.
const SEED: u64 = 0x6d61_7273_6164;

/// A layout done in place, or running on its thread.
enum Layout {
    Done(ForceLayout),
    Running(LayoutRunner),
}

impl Layout {
    fn positions(&self) -> &[Vec2] {
        match self {
            Self::Done(l) => l.positions(),
            Self::Running(r) => r.positions(),
        }
    }

    fn pin(&mut self, i: usize, at: Vec2) {
        match self {
            Self::Done(l) => l.pin(i, at),
            Self::Running(r) => r.pin(i, at),
        }
    }
}

/// The network as loaded for a store generation and a period.
type LoadedNet = (u64, Option<(u16, u16)>, Arc<NetData>);

/// The network's own state (not persisted).
#[derive(Default)]
pub struct NetworkState {
    years: Option<(u64, Option<(u16, u16)>)>,
    /// The period shown, in whole years; `None` for everything.
    pub window: Option<(u16, u16)>,
    /// Kind, country and weight filters.
    pub filter: NetFilter,
    data: Option<LoadedNet>,
    /// Countries of the loaded actors, for the country filter.
    countries: Arc<[String]>,
    graph: Option<(NetFilter, Graph)>,
    layout: Option<(u64, Layout)>,
    pinned: Vec<usize>,
    camera: Option<(Vec2, f32)>,
    /// Selected node.
    pub selected: Option<usize>,
    drag: Option<Option<usize>>,
    places: Vec<(Pos2, f32)>,
    /// The last frame's draw list (exports write it).
    pub scene: Scene,
    canvas: Option<Rect>,
    /// PNG export of the network as shown.
    pub png: PngExport,
}

impl NetworkState {
    /// Number of nodes and edges shown (tests).
    pub fn counts(&self) -> (usize, usize) {
        self.graph
            .as_ref()
            .map_or((0, 0), |(_, g)| (g.nodes.len(), g.edges.len()))
    }

    /// Whether the layout is still moving in the background.
    pub fn is_laying_out(&self) -> bool {
        matches!(&self.layout, Some((_, Layout::Running(r))) if !r.is_converged())
    }

    /// Whether the `k`-th node is pinned by the user (tests).
    pub fn is_pinned(&self, k: usize) -> bool {
        self.pinned.contains(&k)
    }

    /// Index of the node of the actor named `name` in any language (tests).
    pub fn node_index(&self, name: &str) -> Option<usize> {
        let (_, _, data) = self.data.as_ref()?;
        let (_, graph) = self.graph.as_ref()?;
        graph.nodes.iter().position(|&i| {
            let a = &data.actors[i];
            [&a.name_ar, &a.name_en, &a.acronym]
                .into_iter()
                .flatten()
                .any(|n| n == name)
        })
    }

    /// Screen position of the node of the actor named `name` in any language (tests).
    pub fn node_position(&self, name: &str) -> Option<Pos2> {
        let k = self.node_index(name)?;
        self.places
            .get(k)
            .map(|(p, _)| *p + self.canvas.map_or(Vec2::ZERO, |c| c.min.to_vec2()))
    }

    fn refresh(&mut self, state: &mut AppState) {
        let g = state.generation;
        if self.years.as_ref().is_none_or(|(gen_, _)| *gen_ != g) {
            let years = state.store.event_years().unwrap_or_else(|e| {
                state.report(&e);
                None
            });
            self.years = Some((g, years));
        }
        let fresh = self
            .data
            .as_ref()
            .is_some_and(|(gen_, w, _)| *gen_ == g && *w == self.window);
        if !fresh {
            let loaded = NetData::load(&state.store, self.date_window());
            let data = match loaded {
                Ok(d) => d,
                Err(e) => {
                    state.report(&e);
                    NetData {
                        actors: Vec::new(),
                        relations: Vec::new(),
                        pairs: Vec::new(),
                    }
                }
            };
            self.countries = countries(&data);
            self.data = Some((g, self.window, Arc::new(data)));
            self.graph = None;
        }
        let stale = self.graph.as_ref().is_none_or(|(f, _)| *f != self.filter);
        if stale && let Some((_, _, data)) = &self.data {
            let graph = build_graph(data, &self.filter, self.date_window());
            let sig = graph.signature(data);
            if self.layout.as_ref().is_none_or(|(s, _)| *s != sig) {
                self.layout = Some((sig, start_layout(&graph)));
                self.pinned.clear();
                self.selected = None;
                self.camera = None;
            }
            self.graph = Some((self.filter.clone(), graph));
        }
        if let Some((_, Layout::Running(r))) = &mut self.layout {
            r.poll();
        }
    }

    fn date_window(&self) -> DateWindow {
        self.window
            .map_or_else(DateWindow::default, |(a, b)| year_window(a, b))
    }

    fn fit(&mut self, size: Vec2) {
        let Some((_, layout)) = &self.layout else {
            return;
        };
        let p = layout.positions();
        if p.is_empty() {
            return;
        }
        let (mut lo, mut hi) = (p[0], p[0]);
        for v in p {
            lo = lo.min(*v);
            hi = hi.max(*v);
        }
        let span = (hi - lo).max(Vec2::splat(40.0));
        let zoom = ((size.x - 80.0) / span.x)
            .min((size.y - 80.0) / span.y)
            .clamp(0.01, 8.0);
        self.camera = Some(((lo + hi) / 2.0, zoom));
    }
}

fn start_layout(graph: &Graph) -> Layout {
    let springs = graph
        .edges
        .iter()
        .map(|e| Spring {
            a: e.a,
            b: e.b,
            weight: match e.kind {
                EdgeKind::Shared(w) => w as f32,
                EdgeKind::Relation(_) => 2.0,
            },
        })
        .collect();
    let mut layout = ForceLayout::new(graph.nodes.len(), springs, SEED);
    if graph.nodes.len() <= SYNC_NODES {
        layout.run(4000);
        Layout::Done(layout)
    } else {
        Layout::Running(LayoutRunner::spawn(layout))
    }
}

/// Draws the network view.
pub fn network_view_ui(ui: &mut Ui, state: &mut AppState, net: &mut NetworkState) {
    net.refresh(state);
    toolbar_ui(ui, state, net);
    text::weak(ui, state.tr(Msg::VizNetworkHelp));
    net.refresh(state);
    if net.counts().0 == 0 {
        text::paragraph(ui, state.tr(Msg::VizNoNodes));
        return;
    }
    let rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    net.canvas = Some(rect);
    if net.camera.is_none() {
        net.fit(rect.size());
    }
    let (center, zoom) = net.camera.unwrap_or((Vec2::ZERO, 1.0));
    let mut camera = Camera {
        center,
        zoom,
        size: rect.size(),
    };
    handle_input(ui, state, net, &response, &mut camera);
    net.camera = Some((camera.center, camera.zoom));
    let (Some((_, _, data)), Some((_, graph)), Some((_, layout))) =
        (&net.data, &net.graph, &net.layout)
    else {
        return;
    };
    let frame = Frame {
        data,
        graph,
        positions: layout.positions(),
        camera,
        selected: net.selected,
        lang: state.lang(),
    };
    let (scene, places) = build_scene(ui, &frame);
    // Clipped to the canvas: lines to nodes out of view would cross the toolbar.
    crate::ui::scene::paint_scene(ui, &ui.painter_at(rect), &scene, rect.min);
    net.scene = scene;
    net.places = places;
    net.png.frame(ui, state, rect);
    if matches!(&net.layout, Some((_, Layout::Running(r))) if !r.is_converged()) {
        ui.ctx().request_repaint();
    }
    if let Some(pos) = response.hover_pos().filter(|_| !net.png.is_busy())
        && let Some(k) = node_at(&net.places, pos - rect.min.to_vec2())
        && let Some((_, _, data)) = &net.data
        && let Some((_, graph)) = &net.graph
    {
        let data = data.clone();
        let actor = graph.nodes[k];
        response.on_hover_ui_at_pointer(|ui| {
            let a = &data.actors[actor];
            let lang = state.lang();
            text::column_ui(ui, |ui| {
                text::strong(ui, crate::ui::timeline::data::actor_label(a, lang));
                let mut line = vocab::actor_kind(lang, a.kind).to_owned();
                if let Some(c) = &a.country {
                    line = format!("{line} · {c}");
                }
                text::label(ui, &line);
                text::label(ui, &format!("{}: {}", state.tr(Msg::Events), a.events));
            });
        });
    }
}

fn node_at(places: &[(Pos2, f32)], at: Pos2) -> Option<usize> {
    places
        .iter()
        .enumerate()
        .filter(|(_, (c, r))| c.distance(at) <= r + 3.0)
        .min_by(|a, b| a.1.0.distance(at).total_cmp(&b.1.0.distance(at)))
        .map(|(k, _)| k)
}

fn toolbar_ui(ui: &mut Ui, state: &mut AppState, net: &mut NetworkState) {
    let lang = state.lang();
    let years = net.years.as_ref().and_then(|(_, y)| *y);
    text::wrapped_row_ui(ui, |ui| {
        if let Some((lo, hi)) = years {
            text::strong(ui, state.tr(Msg::VizPeriod));
            let (mut a, mut b) = net.window.unwrap_or((lo, hi));
            // The years are shown as a label: a slider's own number box has no accessible name.
            let ra = ui.add(egui::Slider::new(&mut a, lo..=hi).show_value(false));
            super::widgets::name_widget(ui, &ra, state.tr(Msg::From));
            let rb = ui.add(egui::Slider::new(&mut b, lo..=hi).show_value(false));
            super::widgets::name_widget(ui, &rb, state.tr(Msg::To));
            text::label(ui, &format!("{}–{}", a.min(b), a.max(b)));
            if ra.changed() || rb.changed() {
                net.window = Some((a.min(b), a.max(b)));
            }
        }
        let mut kind = net.filter.kind;
        if option_combo_ui(
            ui,
            "net-kind",
            &mut kind,
            ActorKind::ALL,
            state.tr(Msg::VizAllKinds),
            |k| vocab::actor_kind(lang, k),
        ) {
            net.filter.kind = kind;
        }
        let countries = net.countries.clone();
        let mut country = net
            .filter
            .country
            .as_ref()
            .and_then(|c| countries.iter().position(|x| x == c));
        let all = state.tr(Msg::VizAllCountries);
        let indices: Vec<usize> = (0..countries.len()).collect();
        let mut choice = country.unwrap_or(usize::MAX);
        let mut options = vec![usize::MAX];
        options.extend(indices);
        if combo_ui(ui, "net-country", &mut choice, &options, |i| {
            countries.get(i).map_or(all, String::as_str).to_owned()
        }) {
            country = (choice != usize::MAX).then_some(choice);
            net.filter.country = country.and_then(|c| countries.get(c).cloned());
        }
        text::label(ui, state.tr(Msg::VizMinWeight));
        let r = ui.add(egui::DragValue::new(&mut net.filter.min_weight).range(1..=1000));
        super::widgets::name_widget(ui, &r, state.tr(Msg::VizMinWeight));
        if !net.pinned.is_empty() && button_ui(ui, state.tr(Msg::VizUnpinAll)).clicked() {
            net.layout = None;
            net.graph = None;
        }
        if button_ui(ui, state.tr(Msg::VizFitAll)).clicked() {
            net.camera = None;
        }
        if button_ui(ui, state.tr(Msg::VizExportSvg)).clicked() {
            let scene = net.scene.clone();
            crate::ui::scene::export_svg(state, &scene, "network");
        }
        if button_ui(ui, state.tr(Msg::VizExportPng)).clicked() {
            net.png.ask_file("network");
        }
        // The graph file formats carry the whole graph of the period (every actor of its
        // events, their relations and shared events); analysis tools filter it themselves.
        for (format, caption) in [("graphml", "GraphML"), ("gexf", "GEXF")] {
            if button_ui(ui, caption).clicked() {
                let filter = period_filter(net.window);
                crate::app::actions::export_dialog(state, format, filter);
            }
        }
        let (n, e) = net.counts();
        text::weak(
            ui,
            &format!(
                "{}: {n} · {}: {e}",
                state.tr(Msg::Actors),
                state.tr(Msg::VizLinks)
            ),
        );
        let drawn_from = net.graph.as_ref().map_or(0, |(_, g)| g.draw_from_weight);
        if drawn_from > 0 {
            text::weak(
                ui,
                &format!("{} {drawn_from}", state.tr(Msg::VizDrawnFromWeight)),
            );
        }
        if matches!(&net.layout, Some((_, Layout::Running(r))) if !r.is_converged()) {
            text::weak(ui, state.tr(Msg::VizLayingOut));
        }
    });
}

/// Countries of the loaded actors, sorted (once per load: sorting 20,000 actors' countries
/// every frame was a tenth of a big network's frame).
fn countries(data: &NetData) -> Arc<[String]> {
    let mut c: Vec<String> = data
        .actors
        .iter()
        .filter_map(|a| a.country.clone())
        .collect();
    c.sort_unstable();
    c.dedup();
    c.into()
}

fn handle_input(
    ui: &Ui,
    state: &mut AppState,
    net: &mut NetworkState,
    response: &egui::Response,
    camera: &mut Camera,
) {
    let origin = response.rect.min.to_vec2();
    if response.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = zoom * (scroll * 0.003).exp();
        if (factor - 1.0).abs() > 1e-6
            && let Some(p) = response.hover_pos()
        {
            let at = camera.to_layout(p - origin);
            camera.zoom = (camera.zoom * factor).clamp(0.01, 20.0);
            camera.center += at - camera.to_layout(p - origin);
        }
    }
    if response.drag_started() {
        // Where the button went down, not where the pointer is once the drag is recognised:
        // a quick drag would otherwise miss the node it started on.
        let on = ui
            .input(|i| i.pointer.press_origin())
            .or_else(|| response.interact_pointer_pos())
            .and_then(|p| node_at(&net.places, p - origin));
        net.drag = Some(on);
    }
    if response.dragged() {
        match net.drag {
            Some(Some(k)) => {
                if let (Some(p), Some((_, layout))) =
                    (response.interact_pointer_pos(), &mut net.layout)
                {
                    layout.pin(k, camera.to_layout(p - origin));
                    if !net.pinned.contains(&k) {
                        net.pinned.push(k);
                    }
                }
            }
            Some(None) => camera.center -= response.drag_delta() / camera.zoom,
            None => {}
        }
    }
    if response.drag_stopped() {
        if let Some(Some(_)) = net.drag
            && let Some((_, Layout::Done(l))) = &mut net.layout
        {
            // Small graphs settle around the pinned node right away.
            l.run(4000);
        }
        net.drag = None;
    }
    let at = response
        .interact_pointer_pos()
        .and_then(|p| node_at(&net.places, p - origin));
    if response.double_clicked() {
        if let (Some(k), Some((_, _, data)), Some((_, graph))) = (at, &net.data, &net.graph) {
            state.selected_actor = Some(data.actors[graph.nodes[k]].id);
            state.settings.view = View::Actors;
        }
    } else if response.clicked() {
        net.selected = at;
    }
}

/// The events of the years shown, for a graph file; `None` (the whole store) without a period.
fn period_filter(window: Option<(u16, u16)>) -> Option<crate::store::EventFilter> {
    let (a, b) = window?;
    Some(crate::store::EventFilter {
        from: crate::model::PartialDate::year(a).ok(),
        to: crate::model::PartialDate::year(b).ok(),
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartialDate;

    #[test]
    fn a_graph_file_covers_the_years_shown() {
        assert_eq!(period_filter(None), None);
        let f = period_filter(Some((2019, 2022))).unwrap();
        assert_eq!(f.from, Some(PartialDate::year(2019).unwrap()));
        assert_eq!(f.to, Some(PartialDate::year(2022).unwrap()));
        assert!(f.kinds.is_empty() && f.actor.is_none() && f.text.is_none());
    }
}
