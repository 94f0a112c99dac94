//! Timeline and network benchmark (not run by `cargo test`): `cargo bench --bench viz`.
//!
//! 1. CPU per frame of the whole window showing the timeline of 100k synthetic events
//!    (in-memory store, 2,000 actors), zooming and panning: median and p95 over 300 frames.
//! 2. Force layout of 2,000 nodes / 20,000 edges: time to convergence, foreground, same seed.
//! 3. The network view of a store with 2,000 actors and 20,000 distinct co-participation
//!    pairs: CPU per frame while the layout runs in the background, the time until it settles,
//!    and CPU per frame afterwards while zooming and panning.
//! 4. The same with 20,000 actors and 30,000 pairs, zooming and panning while the layout runs.
//!
//! `cargo bench --bench viz -- network20k` runs one part (`layout network network20k timeline`).
#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use egui::{Event, PointerButton, RawInput, pos2};
use marsad::app::{AppState, Opened, Settings, View};
use marsad::i18n::Lang;
use marsad::model::{
    Actor, ActorKind, Dataset, Event as Record, EventKind, PartialDate, Participation, Role,
};
use marsad::store::Store;
use marsad::viz::force::{ForceLayout, SplitMix, Spring};

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn p95(v: &mut [Duration]) -> Duration {
    v.sort();
    v.get(v.len() * 95 / 100).copied().unwrap_or_default()
}

/// 100k events over 1990–2026 at every precision, 2,000 actors, 1–3 actors per event.
fn synthetic_store(events: usize, actors: usize) -> Store {
    let mut rng = SplitMix::new(42);
    let mut d = Dataset::default();
    for i in 0..actors {
        let mut a = Actor::new(ActorKind::ALL[i % ActorKind::ALL.len()]);
        a.name_ar = Some(format!("فاعل {i}"));
        a.name_en = Some(format!("Actor {i}"));
        d.actors.push(a);
    }
    for i in 0..events {
        let mut e = Record::new(EventKind::ALL[i % EventKind::ALL.len()]);
        let year = 1990 + (rng.next_f32() * 36.0) as u16;
        let month = 1 + (rng.next_f32() * 12.0) as u8;
        let day = 1 + (rng.next_f32() * 28.0) as u8;
        e.start = Some(match i % 5 {
            0 => PartialDate::year(year).unwrap(),
            1 => PartialDate::month(year, month).unwrap(),
            _ => PartialDate::day(year, month, day).unwrap(),
        });
        e.title_ar = Some(format!("حدث تجريبي رقم {i}"));
        e.title_en = Some(format!("Synthetic event {i}"));
        let n = 1 + (rng.next_f32() * 3.0) as usize;
        for k in 0..n {
            // A power law: low-numbered actors take part far more often.
            let r = rng.next_f32();
            let who = ((r * r * r) * actors as f32) as usize;
            let who = (who + k * 7) % actors;
            d.participations
                .push(Participation::new(e.id, d.actors[who].id, Role::Partner));
        }
        d.events.push(e);
    }
    d.participations.sort_by_key(|p| (p.event_id, p.actor_id));
    d.participations.dedup_by_key(|p| (p.event_id, p.actor_id));
    let mut store = Store::in_memory().unwrap();
    store.import(&d).unwrap();
    store
}

/// 2,000 actors and 20,000 events of exactly two actors each, every pair different.
fn network_store(actors: usize, pairs: usize) -> Store {
    let mut rng = SplitMix::new(9);
    let mut d = Dataset::default();
    for i in 0..actors {
        let mut a = Actor::new(ActorKind::ALL[i % ActorKind::ALL.len()]);
        a.name_ar = Some(format!("فاعل {i}"));
        a.name_en = Some(format!("Actor {i}"));
        d.actors.push(a);
    }
    let mut seen = std::collections::HashSet::new();
    while seen.len() < pairs {
        // Skewed ends, so that some actors are hubs as in real data.
        let r = rng.next_f32();
        let a = ((r * r) * actors as f32) as usize % actors;
        let b = (rng.next_f32() * actors as f32) as usize % actors;
        if a == b || !seen.insert((a.min(b), a.max(b))) {
            continue;
        }
        let mut e = Record::new(EventKind::ALL[seen.len() % EventKind::ALL.len()]);
        let year = 1990 + (rng.next_f32() * 36.0) as u16;
        e.start = Some(PartialDate::year(year).unwrap());
        e.title_en = Some(format!("Meeting {}", seen.len()));
        for who in [a, b] {
            d.participations
                .push(Participation::new(e.id, d.actors[who].id, Role::Partner));
        }
        d.events.push(e);
    }
    let mut store = Store::in_memory().unwrap();
    store.import(&d).unwrap();
    store
}

/// The network of `actors` actors and `pairs` pairs. With `settle`, waits for the layout to
/// settle before the zoom-and-pan frames; without, they run while it moves (as in the scale
/// bench's 20k-actor store, whose layout takes longer than the frames).
fn network(actors: usize, pairs: usize, settle: bool) {
    let store = network_store(actors, pairs);
    marsad::app::tune_allocator();
    let ctx = egui::Context::default();
    marsad::text::fonts::install(&ctx);
    let settings = Settings {
        lang: Lang::Ar,
        view: View::Network,
        ..Default::default()
    };
    let mut state = AppState::new(store, Opened::Existing, settings);
    let mut ui_state = marsad::ui::UiState::default();
    let started = Instant::now();
    let first = frame(&ctx, &mut state, &mut ui_state, Vec::new());
    let (nodes, edges) = ui_state.network.counts();
    println!(
        "first network frame ({nodes} nodes, {edges} edges; loads, starts the layout): {first:?}"
    );
    let mut running = Vec::new();
    while settle && ui_state.network.is_laying_out() && started.elapsed() < Duration::from_secs(120)
    {
        running.push(frame(&ctx, &mut state, &mut ui_state, Vec::new()));
        // About 60 frames a second, as the window would ask while the layout moves.
        std::thread::sleep(Duration::from_millis(16));
    }
    if settle {
        println!(
            "network layout in the background: settled after {:?} ({} frames meanwhile: median {:?}, p95 {:?})",
            started.elapsed(),
            running.len(),
            median(&mut running),
            p95(&mut running)
        );
    }
    let at = pos2(700.0, 450.0);
    let mut times = Vec::new();
    for i in 0..200 {
        let events = match i % 40 {
            0..15 => vec![Event::PointerMoved(at), Event::Zoom(1.05)],
            15..30 => vec![Event::PointerMoved(at), Event::Zoom(1.0 / 1.05)],
            _ => vec![Event::PointerMoved(pos2(
                at.x + (i % 40) as f32 * 3.0,
                at.y,
            ))],
        };
        times.push(frame(&ctx, &mut state, &mut ui_state, events));
    }
    println!(
        "network frame, {nodes} nodes / {edges} edges{}, zoom+hover: median {:?}, p95 {:?}",
        if settle { "" } else { " (layout running)" },
        median(&mut times),
        p95(&mut times)
    );
}

fn frame(
    ctx: &egui::Context,
    state: &mut AppState,
    ui_state: &mut marsad::ui::UiState,
    events: Vec<Event>,
) -> Duration {
    let input = RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            pos2(0.0, 0.0),
            egui::vec2(1360.0, 840.0),
        )),
        events,
        ..Default::default()
    };
    let start = Instant::now();
    let out = ctx.run_ui(input, |ui| marsad::ui::app_ui(ui, state, ui_state));
    // Tessellation is part of the frame's CPU cost.
    let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    start.elapsed()
}

fn timeline() {
    let built = Instant::now();
    let store = synthetic_store(100_000, 2_000);
    println!(
        "synthetic store (100k events, 2k actors): {:?}",
        built.elapsed()
    );
    marsad::app::tune_allocator();
    let ctx = egui::Context::default();
    marsad::text::fonts::install(&ctx);
    let settings = Settings {
        lang: Lang::Ar,
        view: View::Timeline,
        ..Default::default()
    };
    let mut state = AppState::new(store, Opened::Existing, settings);
    let mut ui_state = marsad::ui::UiState::default();
    let first = frame(&ctx, &mut state, &mut ui_state, Vec::new());
    println!("first timeline frame (loads 100k rows, builds lanes): {first:?}");
    for _ in 0..5 {
        frame(&ctx, &mut state, &mut ui_state, Vec::new());
    }
    let at = pos2(600.0, 400.0);
    let mut times = Vec::new();
    for i in 0..300 {
        let events = match i % 60 {
            0..20 => vec![Event::PointerMoved(at), Event::Zoom(1.06)],
            20..40 => vec![Event::PointerMoved(at), Event::Zoom(1.0 / 1.06)],
            40 => vec![
                Event::PointerMoved(at),
                Event::PointerButton {
                    pos: at,
                    button: PointerButton::Primary,
                    pressed: true,
                    modifiers: Default::default(),
                },
            ],
            41..59 => vec![Event::PointerMoved(pos2(
                at.x + (i % 60 - 40) as f32 * 8.0,
                at.y,
            ))],
            _ => vec![Event::PointerButton {
                pos: at,
                button: PointerButton::Primary,
                pressed: false,
                modifiers: Default::default(),
            }],
        };
        times.push(frame(&ctx, &mut state, &mut ui_state, events));
    }
    println!(
        "timeline frame, 100k events, zoom+pan: median {:?}, p95 {:?} (target ≤ 4 ms)",
        median(&mut times),
        p95(&mut times)
    );
}

fn layout() {
    let mut rng = SplitMix::new(7);
    let n = 2_000u32;
    let springs: Vec<Spring> = (0..20_000)
        .map(|_| {
            let r = rng.next_f32();
            Spring {
                a: ((r * r) * n as f32) as u32 % n,
                b: (rng.next_f32() * n as f32) as u32 % n,
                weight: 1.0 + (rng.next_f32() * 4.0).floor(),
            }
        })
        .collect();
    let mut l = ForceLayout::new(n as usize, springs, 1);
    let start = Instant::now();
    let mut one = Duration::ZERO;
    while !l.is_converged() {
        let s = Instant::now();
        l.step();
        if l.steps() == 1 {
            one = s.elapsed();
        }
    }
    println!(
        "force layout 2,000 nodes / 20,000 edges: converged in {:?} after {} steps (first step {one:?})",
        start.elapsed(),
        l.steps()
    );
}

/// Runs the parts named on the command line (`layout network network20k timeline`), or all.
fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let want = |w: &str| args.is_empty() || args.iter().any(|a| a == w);
    if want("layout") {
        layout();
    }
    if want("network") {
        network(2_000, 20_000, true);
    }
    if want("network20k") {
        network(20_000, 30_000, false);
    }
    if want("timeline") {
        timeline();
    }
}
