//! The date grammar: at a token, tries each phrase shape and says how far it reaches and what
//! date it names. Every rule looks at a handful of tokens ahead, so a scan is linear.

use super::hijri::HijriDate;
use super::lexicon::{
    CURRENT_WORDS, GREGORIAN_MARKERS, GREGORIAN_MONTHS, GREGORIAN_TWO_WORD_MONTHS, HIJRI_MARKERS,
    HIJRI_MONTHS, HIJRI_TWO_WORD_MONTHS, NEXT_WORDS, ORDINAL_ROUND, ORDINAL_TENS, ORDINAL_UNITS,
    PAST_WORDS, RANGE_WORDS, WEEKDAYS, YEAR_WORDS, lookup,
};
use super::relative;
use super::scan::Tok;
use crate::model::PartialDate;
use std::collections::HashSet;
use std::sync::OnceLock;

/// A date value before conversion: Gregorian, or Hijri as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Val {
    /// Gregorian.
    Greg(PartialDate),
    /// Hijri.
    Hijri(HijriDate),
}

/// A phrase found: tokens `first..=last` and the date they name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Found {
    pub first: usize,
    pub last: usize,
    pub start: Val,
    pub end: Option<Val>,
    pub relative: bool,
    pub ambiguous: bool,
}

impl Found {
    fn new(first: usize, last: usize, start: Val) -> Self {
        Self {
            first,
            last,
            start,
            end: None,
            relative: false,
            ambiguous: false,
        }
    }

    fn relative(mut self) -> Self {
        self.relative = true;
        self
    }

    fn ambiguous(mut self) -> Self {
        self.ambiguous = true;
        self
    }
}

/// A month name found at a token.
#[derive(Clone, Copy)]
struct Month {
    last: usize,
    number: u8,
    hijri: bool,
}

/// A year number found at a token, with the calendar marker written after it, if any.
#[derive(Clone, Copy)]
struct Year {
    last: usize,
    value: u16,
    digits: usize,
    hijri_marker: bool,
    gregorian_marker: bool,
}

/// Reads dates out of one text's tokens.
pub(super) struct Grammar<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub reference: Option<PartialDate>,
}

/// Letters that attach to the front of a word: conjunctions and prepositions.
const CLITICS: &[char] = &['و', 'ف', 'ب', 'ل', 'ك'];

/// Whether `word` is `target` with up to two attached clitics («وبعام» → «عام»).
fn is_form(word: &str, target: &str) -> bool {
    if word == target {
        return true;
    }
    let mut rest = word;
    for _ in 0..2 {
        let mut chars = rest.chars();
        match chars.next() {
            Some(c) if CLITICS.contains(&c) => rest = chars.as_str(),
            _ => return false,
        }
        if rest == target {
            return true;
        }
    }
    false
}

/// `word` with one attached clitic letter removed, when at least three letters remain.
fn strip_clitic(word: &str) -> Option<&str> {
    let mut chars = word.chars();
    let c = chars.next()?;
    let rest = chars.as_str();
    (CLITICS.contains(&c) && rest.chars().count() >= 3).then_some(rest)
}

fn in_list(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| is_form(word, w))
}

/// Characters that may stand between the words of one date phrase.
fn gap_char_ok(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\u{A0}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202F}'
            | ','
            | '،'
            | '/'
            | '('
            | ')'
            | '-'
            | '–'
            | '—'
    )
}

impl Grammar<'_> {
    fn norm(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.norm.as_str()).unwrap_or("")
    }

    fn number(&self, i: usize) -> Option<(u32, usize)> {
        self.toks.get(i).and_then(|t| t.number)
    }

    fn gap(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => self.text.get(t.gap_from..t.bytes.0).unwrap_or(""),
            None => "",
        }
    }

    /// Whether token `i` continues the phrase of token `i - 1` (same line, short gap, no
    /// sentence punctuation).
    fn joined(&self, i: usize) -> bool {
        if i >= self.toks.len() {
            return false;
        }
        let gap = self.gap(i);
        gap.chars().count() <= 3 && gap.chars().all(gap_char_ok)
    }

    /// Whether a date phrase can start at token `i`: a number, or a word of the lexicon with
    /// up to two clitics. Most words of a text are not, and this spares them every rule.
    fn may_start(&self, i: usize) -> bool {
        if self.number(i).is_some() {
            return true;
        }
        let starters = starters();
        let mut word = self.norm(i);
        for _ in 0..3 {
            if starters.contains(word) {
                return true;
            }
            let mut chars = word.chars();
            match chars.next() {
                Some(c) if CLITICS.contains(&c) => word = chars.as_str(),
                _ => return false,
            }
        }
        false
    }

    /// Whether token `i` is joined and its norm satisfies `f`.
    fn word_at(&self, i: usize, f: impl Fn(&str) -> bool) -> bool {
        self.joined(i) && f(self.norm(i))
    }

    /// Tries every phrase shape at token `i`, then a range after it.
    pub fn parse_at(&self, i: usize) -> Option<Found> {
        if !self.may_start(i) {
            return None;
        }
        let found = self.single_at(i)?;
        Some(self.extend_range(found))
    }

    fn single_at(&self, i: usize) -> Option<Found> {
        self.relative_at(i)
            .or_else(|| self.weekday_at(i))
            .or_else(|| self.dated_at(i))
            .or_else(|| self.year_only_at(i))
    }

    /// A phrase naming a day, a month or a month of a year (no weekday, no bare year).
    fn dated_at(&self, i: usize) -> Option<Found> {
        self.day_month_at(i)
            .or_else(|| self.month_first_at(i))
            .or_else(|| self.numeric_at(i))
    }

    // ----- building blocks -----

    fn month_at(&self, i: usize) -> Option<Month> {
        let word = self.norm(i);
        let mut found = self.two_word_month(i, word);
        if found.is_none()
            && let Some(rest) = strip_clitic(word)
        {
            found = self.two_word_month(i, rest);
        }
        if found.is_none() {
            found = one_word_month(word)
                .or_else(|| strip_clitic(word).and_then(one_word_month))
                .map(|(number, hijri)| Month {
                    last: i,
                    number,
                    hijri,
                });
        }
        let mut month = found?;
        // A paired form: «مارس/آذار», «ديسمبر/كانون الأول», «مارس (آذار)».
        let next = month.last + 1;
        if self.joined(next)
            && self.gap(next).contains(['/', '('])
            && let Some(other) = self.month_at_plain(next)
            && other.number == month.number
            && other.hijri == month.hijri
        {
            month.last = other.last;
        }
        Some(month)
    }

    /// A month name without the paired-form check (so pairs do not chain).
    fn month_at_plain(&self, i: usize) -> Option<Month> {
        let word = self.norm(i);
        self.two_word_month(i, word).or_else(|| {
            one_word_month(word).map(|(number, hijri)| Month {
                last: i,
                number,
                hijri,
            })
        })
    }

    fn two_word_month(&self, i: usize, first: &str) -> Option<Month> {
        if !self.joined(i + 1) {
            return None;
        }
        let second = self.norm(i + 1);
        let find = |table: &[(&str, &str, u8)]| {
            table
                .iter()
                .find(|(a, b, _)| *a == first && *b == second)
                .map(|(_, _, n)| *n)
        };
        if let Some(number) = find(GREGORIAN_TWO_WORD_MONTHS) {
            return Some(Month {
                last: i + 1,
                number,
                hijri: false,
            });
        }
        find(HIJRI_TWO_WORD_MONTHS).map(|number| Month {
            last: i + 1,
            number,
            hijri: true,
        })
    }

    /// A day of the month: a number, «1er»/«26th», or a written-out ordinal. With `waw`, the
    /// first word may carry the conjunction («والرابع عشر»).
    fn day_at(&self, i: usize, waw: bool) -> Option<(usize, u8)> {
        if let Some((v, digits)) = self.number(i) {
            if digits <= 2 && (1..=31).contains(&v) {
                let suffix = self.norm(i + 1);
                let has_suffix = matches!(suffix, "er" | "st" | "nd" | "rd" | "th" | "eme")
                    && self.gap(i + 1).is_empty()
                    && i + 1 < self.toks.len();
                return Some((if has_suffix { i + 1 } else { i }, v as u8));
            }
            return None;
        }
        let mut word = self.norm(i);
        if waw {
            word = word.strip_prefix('و')?;
        }
        if word == "premier" || word == "first" {
            return Some((i, 1));
        }
        if let Some(v) = lookup(ORDINAL_ROUND, word) {
            return Some((i, v));
        }
        let unit = lookup(ORDINAL_UNITS, word)?;
        if unit < 10
            && self.joined(i + 1)
            && let Some(tens) = lookup(ORDINAL_TENS, self.norm(i + 1))
            && (tens == 10 || unit == 1 || tens == 20)
        {
            let day = unit + tens;
            return (day <= 31).then_some((i + 1, day));
        }
        (word != "الحادي").then_some((i, unit))
    }

    /// A year number (3 or 4 digits) and the calendar marker after it.
    fn year_at(&self, i: usize) -> Option<Year> {
        let (v, digits) = self.number(i)?;
        if !(3..=4).contains(&digits) || v == 0 {
            return None;
        }
        let value = u16::try_from(v).ok()?;
        let mut year = Year {
            last: i,
            value,
            digits,
            hijri_marker: false,
            gregorian_marker: false,
        };
        let next = i + 1;
        if self.joined(next) {
            let w = self.norm(next);
            if HIJRI_MARKERS.contains(&w) {
                year.hijri_marker = true;
                year.last = next;
            } else if GREGORIAN_MARKERS.contains(&w) {
                year.gregorian_marker = true;
                year.last = next;
            }
        }
        Some(year)
    }

    fn past_or_next(&self, i: usize) -> Option<bool> {
        if !self.joined(i) {
            return None;
        }
        let w = self.norm(i);
        if PAST_WORDS.contains(&w) {
            Some(false)
        } else if NEXT_WORDS.contains(&w) {
            Some(true)
        } else {
            None
        }
    }

    // ----- phrase shapes -----

    /// «26 مارس 2022», «الثاني والعشرين من ديسمبر», «15 رمضان 1443 هـ», «18 ديسمبر/كانون
    /// الأول الماضي», «13 و14 يونيو 2022».
    fn day_month_at(&self, i: usize) -> Option<Found> {
        let (mut j, day) = self.day_at(i, false)?;
        let mut day_end = None;
        if let Some((j2, d2)) = self.second_day(j + 1)
            && d2 > day
        {
            day_end = Some(d2);
            j = j2;
        }
        let mut k = j + 1;
        if self.word_at(k, |w| matches!(w, "من" | "de" | "of" | "du")) {
            k += 1;
        }
        if !self.joined(k) {
            return None;
        }
        let month = self.month_at(k)?;
        let after = month.last + 1;
        let year = if self.joined(after) {
            self.year_at(after)
        } else {
            None
        };
        let mk = |year: u16, d: u8| -> Option<Val> {
            if month.hijri {
                Some(Val::Hijri(HijriDate {
                    year,
                    month: Some(month.number),
                    day: Some(d),
                }))
            } else {
                PartialDate::day(year, month.number, d).ok().map(Val::Greg)
            }
        };
        if let Some(y) = year {
            if y.digits < 4 && !month.hijri {
                return None;
            }
            let mut f = Found::new(i, y.last, mk(y.value, day)?);
            f.end = match day_end {
                Some(d2) => Some(mk(y.value, d2)?),
                None => None,
            };
            return Some(f);
        }
        if month.hijri {
            return None;
        }
        // No year: «الماضي»/«المقبل», else the reference's year (unless it recurs yearly).
        let reference = self.reference?;
        let (last, strict, forward, ambiguous) = match self.past_or_next(after) {
            Some(forward) => (after, true, forward, false),
            None => {
                if self.word_at(after, |w| w == "من") && self.word_at(after + 1, |w| w == "كل")
                {
                    return None;
                }
                (month.last, false, false, true)
            }
        };
        let year = relative::year_of(reference, month.number, Some(day), strict, forward)?;
        let mut f = Found::new(i, last, mk(year, day)?).relative();
        if let Some(d2) = day_end {
            f.end = Some(mk(year, d2)?);
        }
        f.ambiguous = ambiguous;
        Some(f)
    }

    /// The second day of «13 و14», «13-14», «الثالث عشر والرابع عشر».
    fn second_day(&self, i: usize) -> Option<(usize, u8)> {
        if !self.joined(i) {
            return None;
        }
        if self.norm(i) == "و" && self.joined(i + 1) {
            return self.day_at(i + 1, false);
        }
        if self.number(i).is_some() && self.gap(i).contains(['-', '–']) {
            return self.day_at(i, false);
        }
        if self.norm(i).starts_with('و') && self.number(i).is_none() {
            return self.day_at(i, true);
        }
        None
    }

    /// «أكتوبر 2020», «March 26, 2022», «رمضان 1443هـ», «في مارس الماضي».
    fn month_first_at(&self, i: usize) -> Option<Found> {
        let month = self.month_at(i)?;
        let next = month.last + 1;
        let mk_month = |year: u16| -> Option<Val> {
            if month.hijri {
                Some(Val::Hijri(HijriDate {
                    year,
                    month: Some(month.number),
                    day: None,
                }))
            } else {
                PartialDate::month(year, month.number).ok().map(Val::Greg)
            }
        };
        if self.joined(next) {
            if let Some(y) = self.year_at(next)
                && (y.digits == 4 || month.hijri)
            {
                return Some(Found::new(i, y.last, mk_month(y.value)?));
            }
            // «March 26, 2022»
            if let Some((dl, day)) = self.day_at(next, false)
                && self.number(next).is_some()
                && self.joined(dl + 1)
                && !month.hijri
                && let Some(y) = self.year_at(dl + 1)
                && y.digits == 4
            {
                let d = PartialDate::day(y.value, month.number, day).ok()?;
                return Some(Found::new(i, y.last, Val::Greg(d)));
            }
        }
        if month.hijri {
            return None;
        }
        let forward = self.past_or_next(next)?;
        let year = relative::year_of(self.reference?, month.number, None, true, forward)?;
        Some(Found::new(i, next, mk_month(year)?).relative())
    }

    /// «26/03/2022», «2022-03-26», «26.3.2022», «03/2022», «1443/9/1 هـ».
    fn numeric_at(&self, i: usize) -> Option<Found> {
        let (a, da) = self.number(i)?;
        let sep_of = |j: usize| -> Option<char> {
            let g = self.gap(j);
            let mut chars = g.chars();
            let c = chars.next()?;
            (chars.next().is_none() && matches!(c, '/' | '-' | '.')).then_some(c)
        };
        let (b, db) = self.number(i + 1)?;
        let sep = sep_of(i + 1)?;
        let three = self.number(i + 2).filter(|_| sep_of(i + 2) == Some(sep));
        let small = |v: u32| u8::try_from(v).ok();
        if let Some((c, dc)) = three {
            let last = i + 2;
            let (y, m, d) = if da == 4 && db <= 2 && dc <= 2 {
                (a, b, c)
            } else if dc == 4 && da <= 2 && db <= 2 {
                // Day first, as Arabic and French write it; a middle number above 12 can
                // only be the day of a US-style date.
                if b > 12 && a <= 12 {
                    (c, a, b)
                } else {
                    (c, b, a)
                }
            } else {
                return None;
            };
            let y16 = u16::try_from(y).ok()?;
            let marker = self.year_marker(last + 1);
            if marker == Some(true) {
                let h = HijriDate {
                    year: y16,
                    month: Some(small(m)?),
                    day: Some(small(d)?),
                };
                if !(1..=12).contains(&m) || !(1..=30).contains(&d) {
                    return None;
                }
                return Some(Found::new(i, last + 1, Val::Hijri(h)));
            }
            let date = PartialDate::day(y16, small(m)?, small(d)?).ok()?;
            let last = if marker == Some(false) {
                last + 1
            } else {
                last
            };
            return Some(Found::new(i, last, Val::Greg(date)));
        }
        // Month and year: «03/2022», «2022-03».
        let (y, m) = if db == 4 && da <= 2 && sep != '.' {
            (b, a)
        } else if da == 4 && db == 2 && sep == '-' {
            (a, b)
        } else {
            return None;
        };
        let date = PartialDate::month(u16::try_from(y).ok()?, small(m)?).ok()?;
        Some(Found::new(i, i + 1, Val::Greg(date)))
    }

    /// Some(true) when token `i` marks a Hijri year, Some(false) a Gregorian one.
    fn year_marker(&self, i: usize) -> Option<bool> {
        if !self.joined(i) {
            return None;
        }
        let w = self.norm(i);
        if HIJRI_MARKERS.contains(&w) {
            Some(true)
        } else if GREGORIAN_MARKERS.contains(&w) {
            Some(false)
        } else {
            None
        }
    }

    /// «سنة 1777», «عام 2004», «1443 هـ», «2022م», and a bare four-digit year (ambiguous).
    fn year_only_at(&self, i: usize) -> Option<Found> {
        let keyword = in_list(self.norm(i), YEAR_WORDS) && self.joined(i + 1);
        let at = if keyword { i + 1 } else { i };
        let y = self.year_at(at)?;
        if y.hijri_marker {
            let h = HijriDate {
                year: y.value,
                month: None,
                day: None,
            };
            return Some(Found::new(i, y.last, Val::Hijri(h)));
        }
        if !keyword && !y.gregorian_marker && (y.digits != 4 || !(1900..=2100).contains(&y.value)) {
            return None;
        }
        if !keyword && !y.gregorian_marker && y.digits == 4 {
            // A bare number may be a count («2000 شخص»): kept, but flagged.
            let date = PartialDate::year(y.value).ok()?;
            return Some(Found::new(i, y.last, Val::Greg(date)).ambiguous());
        }
        let date = PartialDate::year(y.value).ok()?;
        Some(Found::new(i, y.last, Val::Greg(date)))
    }

    /// «أمس», «أول من أمس (الجمعة)», «العام الماضي», «الشهر الماضي», «هذا العام».
    fn relative_at(&self, i: usize) -> Option<Found> {
        let reference = self.reference?;
        let w = self.norm(i);
        let yesterday = |w: &str| matches!(w, "امس" | "الامس" | "البارحه") || is_form(w, "امس");
        let (last, date) = if yesterday(w) {
            (i, Val::Greg(relative::shift_days(reference, -1)?))
        } else if is_form(w, "اول") && self.word_at(i + 1, yesterday) {
            (i + 1, Val::Greg(relative::shift_days(reference, -2)?))
        } else if is_form(w, "اول")
            && self.word_at(i + 1, |w| w == "من")
            && self.word_at(i + 2, yesterday)
        {
            (i + 2, Val::Greg(relative::shift_days(reference, -2)?))
        } else if matches!(w, "غدا" | "demain" | "tomorrow") {
            (i, Val::Greg(relative::shift_days(reference, 1)?))
        } else if matches!(w, "hier" | "yesterday") {
            (i, Val::Greg(relative::shift_days(reference, -1)?))
        } else {
            return self.relative_period_at(i, reference);
        };
        // «أول من أمس الجمعة»: the weekday repeats the day already named.
        let last = if self.word_at(last + 1, |w| lookup(WEEKDAYS, w).is_some()) {
            last + 1
        } else {
            last
        };
        Some(Found::new(i, last, date).relative())
    }

    /// «العام الماضي», «السنة المقبلة», «الشهر الماضي», «هذا العام», «العام الجاري».
    fn relative_period_at(&self, i: usize, reference: PartialDate) -> Option<Found> {
        let w = self.norm(i);
        let this = matches!(w, "هذا" | "هذه");
        let unit_at = if this { i + 1 } else { i };
        if this && !self.joined(unit_at) {
            return None;
        }
        let unit = self.norm(unit_at);
        let is_year = is_form(unit, "العام") || is_form(unit, "السنه");
        let is_month = is_form(unit, "الشهر");
        if !is_year && !is_month {
            return None;
        }
        let (last, offset) = if this {
            (unit_at, 0)
        } else if self.word_at(i + 1, |w| CURRENT_WORDS.contains(&w)) {
            (i + 1, 0)
        } else {
            match self.past_or_next(i + 1)? {
                false => (i + 1, -1),
                true => (i + 1, 1),
            }
        };
        let date = if is_year {
            relative::year_offset(reference, offset)?
        } else {
            relative::month_offset(reference, offset)?
        };
        Some(Found::new(i, last, Val::Greg(date)).relative())
    }

    /// «الجمعة 25 ديسمبر 2020», «يوم الاثنين», «الجمعة الماضي», a bare «الاثنين».
    fn weekday_at(&self, i: usize) -> Option<Found> {
        let (wi, wd) = match lookup(WEEKDAYS, self.norm(i)) {
            Some(wd) => (i, wd),
            None if is_form(self.norm(i), "يوم") && self.joined(i + 1) => {
                (i + 1, lookup(WEEKDAYS, self.norm(i + 1))?)
            }
            None => return None,
        };
        if self.joined(wi + 1)
            && let Some(mut f) = self.dated_at(wi + 1)
        {
            f.first = i;
            return Some(f);
        }
        let reference = self.reference?;
        if let Some(forward) = self.past_or_next(wi + 1) {
            let d = relative::weekday(reference, wd, false, forward)?;
            return Some(Found::new(i, wi + 1, Val::Greg(d)).relative());
        }
        // «صلاة الجمعة» names a prayer, not a day.
        if i > 0 && is_form(self.norm(i - 1), "صلاه") {
            return None;
        }
        let d = relative::weekday(reference, wd, true, false)?;
        Some(Found::new(i, wi, Val::Greg(d)).relative().ambiguous())
    }

    /// «2020-2030», «من 2020 إلى 2030», «بين 2020 و2030», «من يناير 2020 حتى مارس 2021».
    fn extend_range(&self, f: Found) -> Found {
        if f.end.is_some() || f.relative {
            return f;
        }
        let next = f.last + 1;
        if !self.joined(next) {
            return f;
        }
        let other = if self.number(next).is_some() && self.gap(next).contains(['-', '–']) {
            self.year_only_at(next)
                .filter(|g| is_year(g.start) && is_year(f.start))
        } else if RANGE_WORDS.contains(&self.norm(next))
            || (self.norm(next) == "و" && f.first > 0 && is_form(self.norm(f.first - 1), "بين"))
        {
            if self.joined(next + 1) {
                self.dated_at(next + 1)
                    .or_else(|| self.year_only_at(next + 1))
            } else {
                None
            }
        } else {
            None
        };
        let Some(g) = other else { return f };
        if g.relative || !same_calendar(f.start, g.start) {
            return f;
        }
        let end = g.end.unwrap_or(g.start);
        if !ordered(f.start, end) {
            return f;
        }
        Found {
            last: g.last,
            end: Some(end),
            // Two ordered dates joined as a range are a date even when each alone is a bare
            // number.
            ambiguous: false,
            ..f
        }
    }
}

/// Every word a date phrase may start with.
fn starters() -> &'static HashSet<&'static str> {
    static STARTERS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    STARTERS.get_or_init(|| {
        let mut set: HashSet<&'static str> = HashSet::new();
        for table in [
            GREGORIAN_MONTHS,
            HIJRI_MONTHS,
            WEEKDAYS,
            ORDINAL_UNITS,
            ORDINAL_ROUND,
        ] {
            set.extend(table.iter().map(|(w, _)| *w));
        }
        for table in [GREGORIAN_TWO_WORD_MONTHS, HIJRI_TWO_WORD_MONTHS] {
            set.extend(table.iter().map(|(w, _, _)| *w));
        }
        set.extend(YEAR_WORDS);
        set.extend([
            "يوم",
            "هذا",
            "هذه",
            "اول",
            "امس",
            "الامس",
            "البارحه",
            "غدا",
            "demain",
            "tomorrow",
            "hier",
            "yesterday",
            "الشهر",
            "السنه",
            "العام",
            "premier",
            "first",
        ]);
        set
    })
}

fn one_word_month(word: &str) -> Option<(u8, bool)> {
    lookup(GREGORIAN_MONTHS, word)
        .map(|m| (m, false))
        .or_else(|| lookup(HIJRI_MONTHS, word).map(|m| (m, true)))
}

fn is_year(v: Val) -> bool {
    match v {
        Val::Greg(d) => d.month_value().is_none(),
        Val::Hijri(h) => h.month.is_none(),
    }
}

fn same_calendar(a: Val, b: Val) -> bool {
    matches!(
        (a, b),
        (Val::Greg(_), Val::Greg(_)) | (Val::Hijri(_), Val::Hijri(_))
    )
}

fn ordered(a: Val, b: Val) -> bool {
    match (a, b) {
        (Val::Greg(x), Val::Greg(y)) => x.start_key() <= y.start_key(),
        (Val::Hijri(x), Val::Hijri(y)) => {
            (x.year, x.month.unwrap_or(1), x.day.unwrap_or(1))
                <= (y.year, y.month.unwrap_or(1), y.day.unwrap_or(1))
        }
        _ => false,
    }
}
