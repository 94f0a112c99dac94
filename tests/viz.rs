//! The timeline and network views on the sample store: snapshots in Arabic and English, and
//! what a user does with them (open an event or an actor, select a period and filter by it,
//! change the period and the filters of the network, pin a node, export PNG).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::{Event, Modifiers, PointerButton, Pos2, pos2, vec2};
use egui_kittest::{
    Harness, SnapshotOptions,
    kittest::{NodeT, Queryable},
};
use marsad::app::{MarsadApp, Settings, View, open_store};
use marsad::i18n::Lang;
use marsad::model::ActorKind;

fn app(lang: Lang, view: View) -> Harness<'static, MarsadApp> {
    // A fixed path per test: the status bar shows it, and snapshots must not vary. Tests run
    // in parallel, so each has its own folder (the snapshot tests keep their historical one).
    let test = std::thread::current()
        .name()
        .unwrap_or("viz")
        .replace("::", "-");
    let snapshot = [
        "timeline_arabic",
        "timeline_english",
        "network_arabic",
        "network_english",
    ]
    .contains(&test.as_str());
    let dir = if snapshot {
        std::env::temp_dir().join(format!("marsad-viz-{lang:?}-{view:?}"))
    } else {
        std::env::temp_dir().join(format!("marsad-viz-{test}"))
    };
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (store, opened) = open_store(&dir.join("viz.marsad")).unwrap();
    let settings = Settings {
        lang,
        view,
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size(vec2(1360.0, 840.0))
        // The shared combo boxes of ui::widgets have no accessible name yet (outside this view).
        .build_eframe(move |cc| MarsadApp::with_settings(&cc.egui_ctx, store, opened, settings));
    h.run_steps(4);
    h.state_mut().state.status = None;
    h.run_steps(2);
    h
}

/// Tolerant enough for llvmpipe vs lavapipe anti-aliasing differences.
fn options() -> SnapshotOptions {
    SnapshotOptions::new().threshold(2.0).max_failed_pixels(400)
}

#[test]
fn timeline_arabic() {
    let mut h = app(Lang::Ar, View::Timeline);
    let rows = h.state().ui_state.timeline.data().unwrap().rows.len();
    assert!(
        rows >= 20,
        "the sample's dated events are all on the timeline: {rows}"
    );
    assert!(h.state().ui_state.timeline.scene.text_count() > 10);
    h.snapshot_options("viz_timeline_ar", &options());
}

#[test]
fn timeline_english() {
    let mut h = app(Lang::En, View::Timeline);
    h.snapshot_options("viz_timeline_en", &options());
}

#[test]
fn network_arabic() {
    let mut h = app(Lang::Ar, View::Network);
    let (nodes, edges) = h.state().ui_state.network.counts();
    assert!(nodes > 20 && edges > 20, "{nodes} nodes, {edges} edges");
    h.snapshot_options("viz_network_ar", &options());
}

#[test]
fn network_english() {
    let mut h = app(Lang::En, View::Network);
    h.snapshot_options("viz_network_en", &options());
}

#[test]
fn the_period_changes_the_visible_edges() {
    let mut h = app(Lang::Fr, View::Network);
    let all = h.state().ui_state.network.counts();
    h.state_mut().ui_state.network.window = Some((2020, 2022));
    h.run_steps(2);
    let recent = h.state().ui_state.network.counts();
    assert!(
        recent.1 < all.1,
        "fewer edges in 2020–2022: {recent:?} vs {all:?}"
    );
    h.state_mut().ui_state.network.window = Some((1777, 1800));
    h.run_steps(2);
    let early = h.state().ui_state.network.counts();
    assert!(early.1 < recent.1, "{early:?} vs {recent:?}");
    h.state_mut().ui_state.network.window = None;
    h.run_steps(2);
    assert_eq!(h.state().ui_state.network.counts(), all);
}

fn press(h: &Harness<'_, MarsadApp>, pos: Pos2, pressed: bool, modifiers: Modifiers) {
    h.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers,
    });
}

/// A click at `pos` (moved there, pressed, released), then a few frames.
fn click_at(h: &mut Harness<'_, MarsadApp>, pos: Pos2) {
    h.hover_at(pos);
    press(h, pos, true, Modifiers::NONE);
    press(h, pos, false, Modifiers::NONE);
    h.run_steps(3);
}

/// A drag from `a` to `b` in small moves, holding `modifiers`.
fn drag(h: &mut Harness<'_, MarsadApp>, a: Pos2, b: Pos2, modifiers: Modifiers) {
    h.event(Event::ModifiersChanged(modifiers));
    h.hover_at(a);
    press(h, a, true, modifiers);
    for k in 1..=8 {
        h.hover_at(a + (b - a) * (k as f32 / 8.0));
    }
    press(h, b, false, modifiers);
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run_steps(3);
}

fn click_label(h: &mut Harness<'_, MarsadApp>, label: &str) {
    // The last match: an open drop-down list is drawn after the toolbar.
    h.query_all_by_label(label).last().unwrap().click();
    h.run_steps(3);
}

#[test]
fn clicking_a_marker_opens_the_event() {
    let mut h = app(Lang::En, View::Timeline);
    let hits = h.state().ui_state.timeline.hit_rects();
    let (rect, row, _) = hits
        .into_iter()
        .find(|(_, _, count)| *count == 1)
        .expect("a single event on screen");
    let id = h.state().ui_state.timeline.data().unwrap().rows[row].id;
    click_at(&mut h, rect.center());
    let app = h.state();
    assert_eq!(app.state.selected_event, Some(id));
    assert_eq!(app.state.settings.view, View::Events);
    let editor = app
        .ui_state
        .event_editor
        .as_ref()
        .expect("the editor is open");
    assert_eq!(editor.id(), id, "the editor shows the clicked event");
}

#[test]
fn clicking_a_cluster_zooms_into_it() {
    let mut h = app(Lang::Ar, View::Timeline);
    let before = h.state().ui_state.timeline.view.unwrap().1;
    let hits = h.state().ui_state.timeline.hit_rects();
    let (rect, _, count) = hits.into_iter().find(|h| h.2 > 1).expect("a cluster");
    assert!(count > 1);
    click_at(&mut h, rect.center());
    let after = h.state().ui_state.timeline.view.unwrap().1;
    assert!(
        after < before / 10.0,
        "zoomed in: {before} → {after} days a point"
    );
    assert_eq!(h.state().state.settings.view, View::Timeline);
}

#[test]
fn a_dragged_period_selects_events_and_becomes_the_filter() {
    let mut h = app(Lang::En, View::Timeline);
    let all = h.state().ui_state.timeline.data().unwrap().rows.len();
    // In English time runs left to right: the leftmost marker is the 1777 recognition.
    let hits = h.state().ui_state.timeline.hit_rects();
    let (first, row, _) = hits
        .iter()
        .copied()
        .min_by(|a, b| a.0.left().total_cmp(&b.0.left()))
        .unwrap();
    let old = h.state().ui_state.timeline.data().unwrap().rows[row].id;
    let y = first.center().y;
    drag(
        &mut h,
        pos2(first.left() - 10.0, y),
        pos2(first.right() + 200.0, y),
        Modifiers::SHIFT,
    );
    let selected = h.state().ui_state.timeline.selected_rows();
    assert!(h.state().ui_state.timeline.selection.is_some());
    assert!(
        !selected.is_empty() && selected.len() < all,
        "{} of {all} selected",
        selected.len()
    );
    click_label(&mut h, "Use period as filter");
    let app = h.state();
    let filter = &app.state.settings.event_filter;
    assert!(filter.from.is_some() && filter.to.is_some(), "{filter:?}");
    let rows = &app.ui_state.timeline.data().unwrap().rows;
    assert!(
        !rows.is_empty() && rows.len() < all,
        "{} of {all}",
        rows.len()
    );
    assert!(rows.iter().any(|r| r.id == old), "the 1777 event stays");
}

#[test]
fn a_dragged_period_becomes_a_briefing_scope() {
    let mut h = app(Lang::Ar, View::Timeline);
    let hits = h.state().ui_state.timeline.hit_rects();
    // In Arabic time runs right to left: the rightmost marker is the oldest event.
    let (first, _, _) = hits
        .iter()
        .copied()
        .max_by(|a, b| a.0.right().total_cmp(&b.0.right()))
        .unwrap();
    let y = first.center().y;
    drag(
        &mut h,
        pos2(first.right() + 10.0, y),
        pos2(first.left() - 300.0, y),
        Modifiers::SHIFT,
    );
    let picked = h.state().ui_state.timeline.selected_rows().len();
    assert!(picked > 0);
    assert!(h.state().state.store.briefings().unwrap().is_empty());
    click_label(&mut h, "إحاطة عن هذه الفترة");
    let st = &h.state().state;
    assert_eq!(st.settings.view, View::Briefings, "the composer opens");
    let id = st.selected_briefing.expect("the new briefing is selected");
    let b = st.store.briefing(id).unwrap().unwrap();
    let (from, to) = (b.scope.from.unwrap(), b.scope.to.unwrap());
    assert!(from <= to, "{from} … {to}");
    assert_eq!(b.language, marsad::model::BriefingLanguage::Ar);
    assert_eq!(
        st.store.briefing_event_ids(&b.scope).unwrap().len(),
        picked,
        "the briefing covers the events the period selected"
    );
}

#[test]
fn a_plain_drag_pans_the_timeline() {
    let mut h = app(Lang::Ar, View::Timeline);
    let before = h.state().ui_state.timeline.view.unwrap();
    drag(
        &mut h,
        pos2(600.0, 500.0),
        pos2(800.0, 500.0),
        Modifiers::NONE,
    );
    let after = h.state().ui_state.timeline.view.unwrap();
    assert_eq!(before.1, after.1, "same zoom");
    // In Arabic time runs right to left: dragging to the right brings later times into view.
    assert!(after.0 > before.0, "{before:?} → {after:?}");
    assert!(h.state().ui_state.timeline.selection.is_none());
}

#[test]
fn double_clicking_a_node_opens_the_actor() {
    let mut h = app(Lang::En, View::Network);
    let at = h.state().ui_state.network.node_position("Morocco").unwrap();
    h.hover_at(at);
    h.run_steps(1);
    // Both clicks in one frame: the harness's frames are a quarter second apart.
    let input = h.input_mut();
    for pressed in [true, false, true, false] {
        input.events.push(Event::PointerButton {
            pos: at,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run_steps(3);
    let app = h.state();
    assert_eq!(app.state.settings.view, View::Actors);
    let id = app.state.selected_actor.expect("an actor is selected");
    let actor = app.state.store.actor(id).unwrap().unwrap();
    assert_eq!(actor.name_en.as_deref(), Some("Morocco"));
}

#[test]
fn a_click_selects_a_node_and_its_neighbourhood() {
    let mut h = app(Lang::En, View::Network);
    let at = h.state().ui_state.network.node_position("Morocco").unwrap();
    click_at(&mut h, at);
    let k = h.state().ui_state.network.node_index("Morocco");
    assert_eq!(h.state().ui_state.network.selected, k);
    assert_eq!(h.state().state.settings.view, View::Network);
}

#[test]
fn the_period_sliders_change_the_network() {
    let mut h = app(Lang::En, View::Network);
    let all = h.state().ui_state.network.counts();
    h.get_by_label("From").set_value_accesskit(2020.0);
    h.run_steps(3);
    h.get_by_label("To").set_value_accesskit(2022.0);
    h.run_steps(3);
    let net = &h.state().ui_state.network;
    assert_eq!(net.window, Some((2020, 2022)));
    let recent = net.counts();
    assert!(recent.1 < all.1, "{recent:?} vs {all:?}");
    assert!(
        h.query_by_label("2020–2022").is_some(),
        "the period is shown"
    );
}

#[test]
fn the_network_filters_by_kind_country_and_weight() {
    let mut h = app(Lang::En, View::Network);
    let all = h.state().ui_state.network.counts();
    click_label(&mut h, "All kinds");
    click_label(&mut h, "State");
    assert_eq!(
        h.state().ui_state.network.filter.kind,
        Some(ActorKind::State)
    );
    let states = h.state().ui_state.network.counts();
    assert!(states.0 < all.0 && states.0 >= 5, "{states:?} vs {all:?}");
    click_label(&mut h, "State");
    click_label(&mut h, "All kinds");
    assert_eq!(h.state().ui_state.network.counts(), all);

    // The country list is driven through the state: its drop-down entries are not yet found
    // by label in the harness.
    h.state_mut().ui_state.network.filter.country = Some("MA".to_owned());
    h.run_steps(3);
    assert_eq!(
        h.state().ui_state.network.filter.country.as_deref(),
        Some("MA")
    );
    let morocco = h.state().ui_state.network.counts();
    assert!(morocco.0 < all.0 && morocco.0 >= 2, "{morocco:?}");
    h.state_mut().ui_state.network.filter.country = None;
    h.run_steps(3);

    let weight = h
        .query_all_by_label("Min. shared events")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::SpinButton)
        .unwrap();
    weight.set_value_accesskit(2.0);
    h.run_steps(3);
    assert_eq!(h.state().ui_state.network.filter.min_weight, 2);
    let heavy = h.state().ui_state.network.counts();
    assert!(heavy.1 < all.1 && heavy.1 > 0, "{heavy:?} vs {all:?}");
}

#[test]
fn dragging_a_node_pins_it_where_it_was_dropped() {
    let mut h = app(Lang::Ar, View::Network);
    let name = "المغرب";
    let k = h.state().ui_state.network.node_index(name).unwrap();
    let from = h.state().ui_state.network.node_position(name).unwrap();
    let to = from + vec2(120.0, 60.0);
    drag(&mut h, from, to, Modifiers::NONE);
    let net = &h.state().ui_state.network;
    assert!(net.is_pinned(k));
    let now = net.node_position(name).unwrap();
    assert!(now.distance(to) < 2.0, "{now:?} vs {to:?}");
}

fn png_size_and_colours(path: &std::path::Path) -> ((u32, u32), usize) {
    let bytes = std::fs::read(path).unwrap();
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let px = info.color_type.samples();
    let mut colours: Vec<&[u8]> = buf[..info.buffer_size()].chunks(px).collect();
    colours.sort();
    colours.dedup();
    ((info.width, info.height), colours.len())
}

#[test]
fn both_views_export_what_is_on_screen_as_png() {
    for (view, name) in [(View::Timeline, "timeline"), (View::Network, "network")] {
        let mut h = app(Lang::Ar, view);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("{name}.png"));
        let size = match view {
            View::Timeline => {
                h.state_mut().ui_state.timeline.png.export_to(path.clone());
                h.state().ui_state.timeline.scene.size
            }
            _ => {
                h.state_mut().ui_state.network.png.export_to(path.clone());
                h.state().ui_state.network.scene.size
            }
        };
        h.run_steps(4);
        let (dims, colours) = png_size_and_colours(&path);
        // The harness draws at one pixel a point: the picture is the view's rectangle.
        let near = |a: u32, b: f32| (a as f32 - b).abs() <= 1.0;
        assert!(
            near(dims.0, size.x) && near(dims.1, size.y),
            "{name}: {dims:?} vs {size:?}"
        );
        assert!(
            colours > 50,
            "{name}: markers, labels and lines, {colours} colours"
        );
        let status = h.state().state.status.as_ref().map(|s| s.text.clone());
        assert!(status.unwrap_or_default().contains(&format!("{name}.png")));
    }
}

#[test]
fn zoomed_in_the_network_stays_inside_its_canvas() {
    let mut h = app(Lang::En, View::Network);
    let at = h.state().ui_state.network.node_position("Morocco").unwrap();
    h.hover_at(at);
    for _ in 0..12 {
        h.input_mut().events.push(Event::Zoom(1.4));
        h.run_steps(1);
    }
    let toolbar = h.get_by_label("Fit all").rect();
    let meshes: Vec<_> = h
        .output()
        .shapes
        .iter()
        .filter(|s| matches!(&s.shape, egui::Shape::Mesh(m) if m.vertices.len() > 100))
        .collect();
    assert!(!meshes.is_empty(), "the scene is drawn as a mesh");
    for s in meshes {
        // Lines to nodes out of view would otherwise cross the toolbar.
        assert!(s.clip_rect.min.y > toolbar.max.y, "{:?}", s.clip_rect);
    }
}
