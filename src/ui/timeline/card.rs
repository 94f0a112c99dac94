//! The hover card of a timeline marker: date as written, title, actors, sources.

use super::data::{Lane, TimelineData};
use crate::app::AppState;
use crate::i18n::{Msg, vocab};
use crate::store::TimelineRow;
use crate::text;
use crate::viz::lod::Bin;
use egui::Ui;

/// At most this many events are listed in a cluster's card.
const CLUSTER_LINES: usize = 8;

/// The card for `bin`: one event in full, or the first events of a cluster.
pub fn card_ui(ui: &mut Ui, state: &AppState, data: &TimelineData, lanes: &[Lane], bin: Bin) {
    ui.set_max_width(380.0);
    let lang = state.lang();
    let rtl = lang.direction().is_rtl();
    let (comma, semicolon) = if rtl { ("، ", "؛ ") } else { (", ", "; ") };
    text::column_ui(ui, |ui| {
        if bin.count > 1 {
            text::strong(ui, &format!("{} {}", bin.count, state.tr(Msg::Events)));
            for r in cluster_rows(data, lanes, bin).take(CLUSTER_LINES) {
                text::label(
                    ui,
                    &format!("{} — {}", vocab::date(lang, &r.start), r.title(rtl)),
                );
            }
            return;
        }
        let Some(row) = data.rows.get(bin.first) else {
            return;
        };
        let mut date = vocab::date(lang, &row.start);
        if let Some(end) = &row.end {
            date = format!("{date} – {}", vocab::date(lang, end));
        }
        let written = row.date_as_written.as_deref().unwrap_or(&date);
        text::weak(ui, written);
        text::strong(ui, row.title(rtl));
        text::label(
            ui,
            &format!("{} · {}", vocab::event_kind(lang, row.kind), date),
        );
        if bin.imprecise {
            text::weak(ui, state.tr(Msg::VizImprecise));
        }
        if !row.actors.is_empty() {
            let names: Vec<String> = row
                .actors
                .iter()
                .map(|a| data.actor_name(*a, lang))
                .collect();
            text::label(
                ui,
                &format!("{}: {}", state.tr(Msg::Actors), names.join(comma)),
            );
        }
        if !row.sources.is_empty() {
            let titles: Vec<String> = row
                .sources
                .iter()
                .filter_map(|s| data.sources.get(s))
                .map(|s| format!("{} ({})", s.title, s.reliability.code()))
                .collect();
            text::label(
                ui,
                &format!("{}: {}", state.tr(Msg::Sources), titles.join(semicolon)),
            );
        }
    });
}

/// The rows of a cluster: the lane's items from the bin's first one on, as many as it holds
/// (a lane is sorted by start, and a bin takes consecutive items).
fn cluster_rows<'a>(
    data: &'a TimelineData,
    lanes: &'a [Lane],
    bin: Bin,
) -> impl Iterator<Item = &'a TimelineRow> {
    let items = lanes.get(bin.lane).map_or(&[][..], |l| &l.items[..]);
    let from = items
        .iter()
        .position(|it| it.index as usize == bin.first)
        .unwrap_or(items.len());
    items[from..]
        .iter()
        .take(bin.count as usize)
        .filter_map(|it| data.rows.get(it.index as usize))
}
