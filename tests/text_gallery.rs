//! Snapshot images of the text gallery in Arabic (RTL) and English (LTR) UI directions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::vec2;
use egui_kittest::{Harness, SnapshotOptions};
use marsad::text::{self, Direction, GalleryState, gallery::gallery_contents};

fn gallery(dir: Direction) -> Harness<'static, GalleryState> {
    Harness::builder()
        .with_size(vec2(900.0, 2050.0))
        .with_context_setup(move |ctx| {
            text::fonts::install(ctx);
            text::set_direction(ctx, dir);
        })
        .build_ui_state(
            |ui, st: &mut GalleryState| {
                gallery_contents(ui, st);
            },
            GalleryState::default(),
        )
}

/// Tolerant enough for llvmpipe vs lavapipe anti-aliasing differences.
fn options() -> SnapshotOptions {
    SnapshotOptions::new().threshold(2.0).max_failed_pixels(400)
}

#[test]
fn gallery_arabic_ui() {
    let mut h = gallery(Direction::Rtl);
    h.run();
    h.snapshot_options("text_gallery_rtl", &options());
}

#[test]
fn gallery_english_ui() {
    let mut h = gallery(Direction::Ltr);
    h.run();
    h.snapshot_options("text_gallery_ltr", &options());
}
