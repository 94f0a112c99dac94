//! Date recognition in Arabic (and English/French) running text: every date phrase with its
//! char span, its value at the precision written, the end of a range, the calendar it was
//! written in (Gregorian or Hijri, with the Hijri value kept) and whether it is relative to the
//! article's date. Pure functions; the scan is linear in the text.
//!
//! Month names of every system Arab media use are known: Maghrebi (ماي، يوليوز، غشت، شتنبر،
//! نونبر، دجنبر), Levantine (كانون الثاني … كانون الأول), Egyptian/Gulf (مايو، يونيه، يوليه …),
//! Algerian/Tunisian (جانفي، فيفري، أفريل، جوان، جويلية، أوت) and paired forms («مارس/آذار»).

mod grammar;
mod hijri;
mod lexicon;
mod relative;
mod scan;

pub use hijri::HijriDate;

use crate::model::PartialDate;
use grammar::{Found, Grammar, Val};
use serde::Serialize;

/// The calendar a date was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    /// The Gregorian calendar (ميلادي).
    Gregorian,
    /// The Hijri calendar (هجري); converted with the Umm al-Qura rules.
    Hijri,
}

/// A date phrase found in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// The phrase as written.
    pub phrase: String,
    /// First char of the phrase (Unicode scalar values from the start of the text).
    pub start: usize,
    /// Char after the phrase's last.
    pub end: usize,
    /// The Gregorian date at the precision written (for a range, its start).
    pub value: PartialDate,
    /// The end of a range («2020-2030», «من 2020 إلى 2030»), or of a Hijri month or year that
    /// spans two Gregorian months or years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range_end: Option<PartialDate>,
    /// The calendar it was written in.
    pub calendar: Calendar,
    /// The Hijri date as written, for Hijri dates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hijri: Option<HijriDate>,
    /// Whether the value was computed from the reference date («أمس», «مارس الماضي», or a day
    /// and month written without a year).
    pub relative: bool,
    /// Whether the phrase may not be a date at all or its year was guessed (a bare «2000», a
    /// bare weekday, a day and month without a year): offered, but not accepted by default.
    pub ambiguous: bool,
}

/// Finds every date phrase in `text`. `reference` (normally the publication date) resolves
/// relative phrases; without it they are skipped. Phrases never overlap and come in text order.
pub fn find_dates(text: &str, reference: Option<PartialDate>) -> Vec<DateMention> {
    let toks = scan::tokens(text);
    let grammar = Grammar {
        text,
        toks: &toks,
        reference,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match grammar.parse_at(i) {
            Some(found) => {
                if let Some(m) = mention(text, &toks, &found) {
                    out.push(m);
                }
                i = found.last.max(i) + 1;
            }
            None => i += 1,
        }
    }
    out
}

fn mention(text: &str, toks: &[scan::Tok], f: &Found) -> Option<DateMention> {
    let (a, b) = (toks.get(f.first)?, toks.get(f.last)?);
    let phrase = text.get(a.bytes.0..b.bytes.1)?.to_owned();
    let (value, mut range_end, calendar, hijri) = match f.start {
        Val::Greg(d) => (d, None, Calendar::Gregorian, None),
        Val::Hijri(h) => {
            let (d, end) = hijri::gregorian_span(h)?;
            (d, end, Calendar::Hijri, Some(h))
        }
    };
    match f.end {
        Some(Val::Greg(d)) => range_end = Some(d),
        Some(Val::Hijri(h)) => {
            let (d, end) = hijri::gregorian_span(h)?;
            range_end = Some(end.unwrap_or(d));
        }
        None => {}
    }
    Some(DateMention {
        phrase,
        start: a.start,
        end: b.end,
        value,
        range_end,
        calendar,
        hijri,
        relative: f.relative,
        ambiguous: f.ambiguous,
    })
}

#[cfg(test)]
mod tests;
