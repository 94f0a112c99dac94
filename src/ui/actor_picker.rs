//! Type-ahead over every actor name, acronym and alias, for filters and pickers. The store is
//! asked only when the query changes; the answer is kept in egui's memory between frames.

use super::widgets::button_ui;
use crate::app::AppState;
use crate::model::Id;
use crate::text::TextField;
use egui::Ui;

/// What the picker remembers between frames.
#[derive(Clone, Default)]
struct Memory {
    query: String,
    asked: String,
    offers: Vec<(Id, String)>,
}

/// How many actors are offered at once.
const OFFERS: usize = 6;

/// A field where the user types part of a name; returns the actor they pick, if any.
pub fn actor_picker_ui(ui: &mut Ui, state: &mut AppState, salt: &str, caption: &str) -> Option<Id> {
    let id = egui::Id::unique(("actor-picker-memory", salt));
    let mut mem: Memory = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    TextField::singleline(&mut mem.query)
        .label(caption)
        .hint(caption)
        .desired_width(130.0)
        .id_salt(salt)
        .show(ui);
    let query = mem.query.trim().to_owned();
    if query != mem.asked {
        let rtl = state.lang().direction().is_rtl();
        mem.offers = if query.is_empty() {
            Vec::new()
        } else {
            match state.store.complete_actors(&query, OFFERS) {
                Ok(found) => found
                    .into_iter()
                    .map(|a| (a.id, offer_caption(&a, rtl)))
                    .collect(),
                Err(e) => {
                    state.report(&e);
                    Vec::new()
                }
            }
        };
        mem.asked = query;
    }
    let mut picked = None;
    for (actor, caption) in &mem.offers {
        if button_ui(ui, caption).clicked() {
            picked = Some(*actor);
        }
    }
    if picked.is_some() {
        mem = Memory::default();
    }
    ui.data_mut(|d| d.insert_temp(id, mem));
    picked
}

/// "Name (ACRONYM)" in the UI language.
pub fn offer_caption(a: &crate::model::Actor, rtl: bool) -> String {
    match &a.acronym {
        Some(ac) if a.display_name(rtl) != ac => format!("{} ({ac})", a.display_name(rtl)),
        _ => a.display_name(rtl).to_owned(),
    }
}
