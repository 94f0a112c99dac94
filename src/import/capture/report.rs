//! The documented JSON shape of a capture (docs/CAPTURE.md), shared by the CLI and tests.

use super::{Capture, DateProposal};
use serde_json::{Value, json};

impl Capture {
    /// The proposals as JSON: the source's metadata (not its full text), then dates, actors
    /// and events, each with its id and `accepted_by_default`.
    pub fn to_json(&self) -> Value {
        let s = &self.source;
        let chars = s
            .full_text
            .as_deref()
            .map(|t| t.chars().count())
            .unwrap_or(0);
        json!({
            "source": {
                "title": s.title,
                "outlet": s.outlet,
                "published": s.published.map(|d| d.to_string()),
                "language": s.language,
                "url": s.url,
                "chars": chars,
            },
            "reference_date": self.reference.map(|d| d.to_string()),
            "dates": self.dates.iter().map(date_json).collect::<Vec<_>>(),
            "actors": self.actors.iter().map(|a| json!({
                "id": a.id,
                "known_id": a.known_id.map(|i| i.to_string()),
                "name": a.name,
                "kind": a.kind.code(),
                "acronym": a.acronym,
                "mentions": a.mentions.iter().map(|(s, e)| [s, e]).collect::<Vec<_>>(),
                "accepted_by_default": a.accepted_by_default,
            })).collect::<Vec<_>>(),
            "events": self.events.iter().map(|e| json!({
                "id": e.id,
                "kind": e.kind.code(),
                "cue": e.cue,
                "title": e.title,
                "date": e.date,
                "start": e.start.map(|d| d.to_string()),
                "end": e.end.map(|d| d.to_string()),
                "date_as_written": e.date_as_written,
                "actors": e.actors.iter().map(|a| json!({
                    "actor": a.actor,
                    "role": a.role.code(),
                })).collect::<Vec<_>>(),
                "excerpt": {
                    "span": [e.excerpt_start, e.excerpt_end],
                    "text": e.excerpt,
                },
                "accepted_by_default": e.accepted_by_default,
            })).collect::<Vec<_>>(),
        })
    }
}

fn date_json(d: &DateProposal) -> Value {
    let m = &d.mention;
    json!({
        "id": d.id,
        "phrase": m.phrase,
        "span": [m.start, m.end],
        "value": m.value.to_string(),
        "end": m.range_end.map(|e| e.to_string()),
        "calendar": m.calendar,
        "hijri": m.hijri.map(|h| h.to_string()),
        "relative": m.relative,
        "ambiguous": m.ambiguous,
        "accepted_by_default": d.accepted_by_default,
    })
}
