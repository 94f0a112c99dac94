//! Per-context layout cache, so a frame re-lays-out nothing that did not change.

use std::{
    collections::HashMap,
    hash::{Hash, Hasher},
    sync::Arc,
};

use egui::{Context, Id};

use super::{
    TextParams,
    layout::{LaidOut, TextLayout, layout_text},
};

/// Entries unused for this many frames are dropped.
const KEEP_FRAMES: u64 = 3;

#[derive(Clone, Default)]
struct LayoutCache {
    entries: HashMap<u64, (Arc<TextLayout>, u64)>,
    last_sweep: u64,
}

impl LayoutCache {
    fn sweep(&mut self, frame: u64) {
        if frame != self.last_sweep {
            self.last_sweep = frame;
            self.entries
                .retain(|_, (_, used)| frame.saturating_sub(*used) <= KEEP_FRAMES);
        }
    }
}

fn cache_id() -> Id {
    Id::unique("marsad::text::layout_cache")
}

fn key(ctx: &Context, text: &str, params: &TextParams) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    params.hash(&mut h);
    ctx.pixels_per_point().to_bits().hash(&mut h);
    h.finish()
}

/// Lays out `text` with `params`, reusing the layout of previous frames.
///
/// The key is (text, params, pixels per point); entries unused for a few frames
/// are evicted. The galley is always fetched from egui's own cache, which knows
/// when the glyph atlas was rebuilt.
pub fn layout(ctx: &Context, text: &str, params: &TextParams) -> LaidOut {
    let key = key(ctx, text, params);
    if let Some(map) = cached(ctx, key) {
        let galley = ctx.fonts_mut(|f| f.layout_job((*map.job).clone()));
        return LaidOut { map, galley };
    }
    let laid = ctx.fonts_mut(|f| layout_text(f, text, params));
    let frame = ctx.cumulative_frame_nr();
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<LayoutCache>(cache_id())
            .entries
            .insert(key, (laid.map.clone(), frame));
    });
    laid
}

/// The size [`layout`] would give `text`, without fetching its galley when the layout is cached:
/// for placing labels that are painted later in the frame (or not at all).
pub fn layout_size(ctx: &Context, text: &str, params: &TextParams) -> egui::Vec2 {
    match cached(ctx, key(ctx, text, params)) {
        Some(map) => map.size,
        None => layout(ctx, text, params).size(),
    }
}

/// The cached layout under `key`, marked as used in this frame.
fn cached(ctx: &Context, key: u64) -> Option<Arc<TextLayout>> {
    let frame = ctx.cumulative_frame_nr();
    ctx.data_mut(|d| {
        let cache = d.get_temp_mut_or_default::<LayoutCache>(cache_id());
        cache.sweep(frame);
        cache.entries.get_mut(&key).map(|(map, used)| {
            *used = frame;
            map.clone()
        })
    })
}

/// Number of layouts currently cached (for tests and diagnostics).
pub fn cached_layouts(ctx: &Context) -> usize {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<LayoutCache>(cache_id())
            .entries
            .len()
    })
}
