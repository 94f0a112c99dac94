//! A small, pure date recogniser for imported cells: ISO partial dates, DD/MM/YYYY, YYYY/MM/DD,
//! «26 March 2022», «26 mars 2022», «26 مارس 2022», «26 مارس/آذار 2022», with Arabic-Indic digits.
//! A fuller Arabic date recogniser (relative dates, Hijri) belongs to the text engine later.

use crate::model::{PartialDate, normalize};

/// Month names in English, French and Arabic (Egyptian/Gulf, Maghrebi and Levantine forms),
/// already normalised with [`normalize`] (so hamza and ta marbuta variants match).
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("janvier", 1),
    ("janv", 1),
    ("يناير", 1),
    ("جانفي", 1),
    ("february", 2),
    ("feb", 2),
    ("fevrier", 2),
    ("fevr", 2),
    ("fev", 2),
    ("فبراير", 2),
    ("فيفري", 2),
    ("شباط", 2),
    ("march", 3),
    ("mar", 3),
    ("mars", 3),
    ("مارس", 3),
    ("اذار", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("ابريل", 4),
    ("افريل", 4),
    ("نيسان", 4),
    ("may", 5),
    ("mai", 5),
    ("مايو", 5),
    ("ماي", 5),
    ("ايار", 5),
    ("june", 6),
    ("jun", 6),
    ("juin", 6),
    ("يونيو", 6),
    ("يونيه", 6),
    ("جوان", 6),
    ("حزيران", 6),
    ("july", 7),
    ("jul", 7),
    ("juillet", 7),
    ("juil", 7),
    ("يوليو", 7),
    ("يوليه", 7),
    ("يوليوز", 7),
    ("جويليه", 7),
    ("تموز", 7),
    ("august", 8),
    ("aug", 8),
    ("aout", 8),
    ("اغسطس", 8),
    ("غشت", 8),
    ("اوت", 8),
    ("اب", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("سبتمبر", 9),
    ("شتنبر", 9),
    ("ايلول", 9),
    ("october", 10),
    ("oct", 10),
    ("octobre", 10),
    ("اكتوبر", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("نوفمبر", 11),
    ("نونبر", 11),
    ("december", 12),
    ("dec", 12),
    ("decembre", 12),
    ("ديسمبر", 12),
    ("دجنبر", 12),
];

/// Two-word Levantine names, replaced by one token before splitting.
const TWO_WORD_MONTHS: &[(&str, &str)] = &[
    ("كانون الثاني", "يناير"),
    ("تشرين الاول", "اكتوبر"),
    ("تشرين الثاني", "نوفمبر"),
    ("كانون الاول", "ديسمبر"),
];

/// Words that say a date is approximate.
const CIRCA: &[&str] = &["~", "c.", "ca.", "circa", "vers", "حوالي", "نحو", "قرابة"];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok {
    Num { value: u32, digits: usize },
    Month(u8),
}

/// Recognises a date written in one of the forms above; `None` when it is not one of them or the
/// date does not exist (31/02/2022). Pure and cheap: safe to call on every imported cell.
pub fn parse_date(text: &str) -> Option<PartialDate> {
    let mut s = normalize(text.trim());
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    let mut circa = false;
    for word in CIRCA {
        if let Some(rest) = s.strip_prefix(word) {
            circa = true;
            s = rest.trim_start().to_owned();
            break;
        }
    }
    if let Ok(d) = s.parse::<PartialDate>() {
        return Some(d.with_circa(circa || d.is_circa()));
    }
    // ISO date-times (2022-03-26T10:00:00Z, "2022-03-26 10:00") keep their day.
    if s.len() > 10
        && s.is_char_boundary(10)
        && matches!(s.as_bytes()[10], b'T' | b't' | b' ')
        && let Ok(d) = s[..10].parse::<PartialDate>()
    {
        return Some(d.with_circa(circa));
    }
    for (two, one) in TWO_WORD_MONTHS {
        s = s.replace(two, one);
    }
    let toks = tokens(&s)?;
    from_tokens(&toks).map(|d| d.with_circa(circa))
}

fn tokens(s: &str) -> Option<Vec<Tok>> {
    let mut out = Vec::new();
    let seps = |c: char| c.is_whitespace() || matches!(c, '/' | '-' | '.' | ',' | '،' | '\\');
    for word in s.split(seps).filter(|w| !w.is_empty()) {
        let tok = token(word)?;
        // «مارس/آذار» names the month twice.
        if let (Some(Tok::Month(a)), Tok::Month(b)) = (out.last(), tok)
            && *a == b
        {
            continue;
        }
        out.push(tok);
    }
    Some(out)
}

fn token(word: &str) -> Option<Tok> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let suffix = &word[digits..];
        // 1er, 2nd, 26th; the Arabic «م» marks a Gregorian year.
        if !matches!(suffix, "" | "er" | "st" | "nd" | "rd" | "th" | "م") || digits > 4 {
            return None;
        }
        let value = word[..digits].parse().ok()?;
        return Some(Tok::Num { value, digits });
    }
    // «في 26 مارس» and «le 26 mars» carry a preposition or article before the day.
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, m)| Tok::Month(*m))
}

fn from_tokens(toks: &[Tok]) -> Option<PartialDate> {
    use Tok::{Month, Num};
    let year = |v: u32| u16::try_from(v).ok();
    let small = |v: u32| u8::try_from(v).ok();
    match *toks {
        [
            Num {
                value: y,
                digits: 4,
            },
        ] => PartialDate::year(year(y)?).ok(),
        [
            Num { value: d, .. },
            Month(m),
            Num {
                value: y,
                digits: 4,
            },
        ]
        | [
            Month(m),
            Num { value: d, .. },
            Num {
                value: y,
                digits: 4,
            },
        ] => PartialDate::day(year(y)?, m, small(d)?).ok(),
        [
            Month(m),
            Num {
                value: y,
                digits: 4,
            },
        ]
        | [
            Num {
                value: y,
                digits: 4,
            },
            Month(m),
        ] => PartialDate::month(year(y)?, m).ok(),
        [
            Num {
                value: y,
                digits: 4,
            },
            Num { value: m, .. },
            Num { value: d, .. },
        ] => PartialDate::day(year(y)?, small(m)?, small(d)?).ok(),
        [
            Num { value: a, .. },
            Num { value: b, .. },
            Num {
                value: y,
                digits: 4,
            },
        ] => {
            // Day first, as in Arabic and French usage; a second number above 12 can only be
            // the day of a US-style M/D/Y date.
            let (d, m) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
            PartialDate::day(year(y)?, small(m)?, small(d)?).ok()
        }
        [
            Num {
                value: y,
                digits: 4,
            },
            Num { value: m, .. },
        ]
        | [
            Num { value: m, .. },
            Num {
                value: y,
                digits: 4,
            },
        ] => PartialDate::month(year(y)?, small(m)?).ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse_date(s).map(|d| d.to_string())
    }

    #[test]
    fn iso_and_numeric_forms() {
        assert_eq!(p("2022-03-26").as_deref(), Some("2022-03-26"));
        assert_eq!(p("~2004").as_deref(), Some("~2004"));
        assert_eq!(p("2020-10").as_deref(), Some("2020-10"));
        assert_eq!(p("26/03/2022").as_deref(), Some("2022-03-26"));
        assert_eq!(p("2022/03/26").as_deref(), Some("2022-03-26"));
        assert_eq!(p("26.3.2022").as_deref(), Some("2022-03-26"));
        assert_eq!(p("03/26/2022").as_deref(), Some("2022-03-26"));
        assert_eq!(p("03/2022").as_deref(), Some("2022-03"));
        assert_eq!(p("2022-03-26T10:00:00Z").as_deref(), Some("2022-03-26"));
    }

    #[test]
    fn month_names_in_three_languages() {
        assert_eq!(p("26 March 2022").as_deref(), Some("2022-03-26"));
        assert_eq!(p("March 26, 2022").as_deref(), Some("2022-03-26"));
        assert_eq!(p("1er février 2021").as_deref(), Some("2021-02-01"));
        assert_eq!(p("26 مارس 2022").as_deref(), Some("2022-03-26"));
        assert_eq!(p("26 مارس/آذار 2022").as_deref(), Some("2022-03-26"));
        assert_eq!(p("١٩ يناير ٢٠٢١").as_deref(), Some("2021-01-19"));
        assert_eq!(p("تشرين الأول 2020").as_deref(), Some("2020-10"));
        assert_eq!(p("أكتوبر 2020").as_deref(), Some("2020-10"));
        assert_eq!(p("12 شتنبر 2019").as_deref(), Some("2019-09-12"));
        assert_eq!(p("حوالي 1777").as_deref(), Some("~1777"));
        assert_eq!(p("٢٠٢٢م").as_deref(), Some("2022"));
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        for bad in [
            "",
            "31/02/2022",
            "yesterday",
            "الشهر الماضي",
            "26 Smarch 2022",
            "13/13/2022",
            "99999",
            "2022-13",
            "0000",
        ] {
            assert_eq!(p(bad), None, "{bad}");
        }
    }
}
