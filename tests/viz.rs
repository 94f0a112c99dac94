//! The timeline and network views on the sample store: snapshots in Arabic and English, and
//! an interaction (the period changes the edges shown).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::vec2;
use egui_kittest::{Harness, SnapshotOptions};
use marsad::app::{MarsadApp, Settings, View, open_store};
use marsad::i18n::Lang;

fn app(lang: Lang, view: View) -> Harness<'static, MarsadApp> {
    // A fixed path per test: the status bar shows it, and snapshots must not vary.
    let dir = std::env::temp_dir().join(format!("marsad-viz-{lang:?}-{view:?}"));
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
