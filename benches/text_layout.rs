//! Text layer benchmark (not run by `cargo test`):
//! `cargo bench --bench text_layout` (release profile).
//!
//! Measures the per-frame cost of a screen of 50 cached Arabic paragraphs (vs plain
//! egui labels of the same text, which are wrong but set the baseline), and the
//! uncached layout of a 400-char and a 10k-char paragraph. Prints medians.
#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use egui::{Color32, FontId, RawInput};
use marsad::text::{self, Direction, TextParams};

fn frame(ctx: &egui::Context, f: impl FnMut(&mut egui::Ui)) {
    let input = RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1200.0, 4000.0),
        )),
        ..Default::default()
    };
    ctx.run_ui(input, f).textures_delta.clear();
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn paragraphs() -> Vec<String> {
    let base = "أعلن المكتب المركزي للأبحاث القضائية (BCIJ) يوم 26 مارس 2022 عن تفكيك خلية إرهابية تتكون من أربعة عناصر ينشطون في مدن الرباط وطنجة وفاس، وذلك بتنسيق مع المديرية العامة لمراقبة التراب الوطني (DGST) التي يُوصف مكتبها بـ FBI المغرب. ";
    (0..50)
        .map(|i| format!("{i}. {}", base.repeat(2)))
        .collect()
}

fn main() {
    let ctx = egui::Context::default();
    text::fonts::install(&ctx);
    text::set_direction(&ctx, Direction::Rtl);
    frame(&ctx, |_| {});
    let paras = paragraphs();

    // Warm up both paths (fonts, glyph atlas, caches).
    for _ in 0..5 {
        frame(&ctx, |ui| {
            paras.iter().for_each(|p| drop(text::paragraph(ui, p)))
        });
        frame(&ctx, |ui| paras.iter().for_each(|p| drop(ui.label(p))));
    }
    let time_frames = |f: &dyn Fn(&mut egui::Ui)| {
        (0..200)
            .map(|_| {
                let t = Instant::now();
                frame(&ctx, |ui| f(ui));
                t.elapsed()
            })
            .collect::<Vec<_>>()
    };
    let ours = median(time_frames(&|ui| {
        paras.iter().for_each(|p| drop(text::paragraph(ui, p)))
    }));
    let plain = median(time_frames(&|ui| {
        paras.iter().for_each(|p| drop(ui.label(p)))
    }));
    let empty = median(time_frames(&|_| {}));

    let params = TextParams::new(FontId::proportional(14.0), Color32::WHITE, Direction::Rtl)
        .wrap(600.0)
        .filled();
    let uncached = |s: &str, n: usize| {
        (0..n)
            .map(|_| {
                // Two empty frames make epaint drop its galley cache too.
                frame(&ctx, |_| {});
                frame(&ctx, |_| {});
                let t = Instant::now();
                let laid = ctx.fonts_mut(|f| text::layout_text(f, s, &params));
                let e = t.elapsed();
                drop(laid);
                e
            })
            .collect::<Vec<_>>()
    };
    let p400: String = paras[1].chars().take(400).collect();
    let p10k: String = paras.concat().chars().take(10_000).collect();
    let u400 = median(uncached(&p400, 200));
    let u10k = median(uncached(&p10k, 20));

    println!("screen of 50 cached paragraphs (~420 chars, wrapped at available width):");
    println!(
        "  text::paragraph  {:>9.3} ms/frame (median of 200)",
        ours.as_secs_f64() * 1e3
    );
    println!(
        "  ui.label (no bidi) {:>7.3} ms/frame",
        plain.as_secs_f64() * 1e3
    );
    println!(
        "  empty frame      {:>9.3} ms/frame",
        empty.as_secs_f64() * 1e3
    );
    println!("uncached layout (our cache and epaint's galley cache cold):");
    println!(
        "  400 chars        {:>9.3} ms (median of 200)",
        u400.as_secs_f64() * 1e3
    );
    println!(
        "  10k chars        {:>9.3} ms (median of 20)",
        u10k.as_secs_f64() * 1e3
    );
}
