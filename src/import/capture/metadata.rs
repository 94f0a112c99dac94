//! What an article says about itself: its title, outlet, date line and language.

use crate::model::{Actor, ActorKind, PartialDate, Precision};
use crate::text::dates::find_dates;
use crate::text::mentions::name_key;

/// Lines at the top of an article where a title, outlet or date line may stand.
const HEAD_LINES: usize = 8;
/// Longest line taken as a title.
const MAX_TITLE_CHARS: usize = 200;
/// Longest line taken as a date line or outlet line.
const MAX_DATE_LINE_CHARS: usize = 80;
/// Length of a title cut from the first sentence when the article has no title line.
const CUT_TITLE_CHARS: usize = 100;

fn head_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEAD_LINES)
}

/// The title: the first line when it is short enough to be one, else the start of the first
/// sentence cut at a word.
pub fn title(text: &str) -> Option<String> {
    let first = head_lines(text).next()?;
    if first.chars().count() <= MAX_TITLE_CHARS {
        return Some(first.to_owned());
    }
    let sentence_end = first
        .char_indices()
        .find(|(_, c)| matches!(c, '.' | '؟' | '!' | '?' | '،' | ','))
        .map(|(i, _)| i)
        .unwrap_or(first.len());
    let sentence = &first[..sentence_end];
    if sentence.chars().count() <= CUT_TITLE_CHARS {
        return Some(sentence.trim().to_owned());
    }
    let mut cut = String::new();
    for word in sentence.split_whitespace() {
        if cut.chars().count() + word.chars().count() + 1 > CUT_TITLE_CHARS {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    cut.push('…');
    Some(cut)
}

/// The publication date from a short date line near the top («08 مايو 2022»).
pub fn date_line(text: &str) -> Option<PartialDate> {
    head_lines(text)
        .filter(|l| l.chars().count() <= MAX_DATE_LINE_CHARS)
        .find_map(|line| {
            find_dates(line, None)
                .into_iter()
                .find(|d| d.value.precision() == Precision::Day && !d.relative && !d.ambiguous)
        })
        .map(|d| d.value)
}

/// The outlet: a short line near the top that is the name of a known media outlet.
pub fn outlet(text: &str, known: &[Actor]) -> Option<String> {
    let outlets: Vec<(String, &str)> = known
        .iter()
        .filter(|a| a.kind == ActorKind::MediaOutlet)
        .flat_map(|a| {
            let shown = a.display_name(true);
            a.all_names().map(move |n| (name_key(n), shown))
        })
        .collect();
    head_lines(text)
        .filter(|l| l.chars().count() <= MAX_DATE_LINE_CHARS)
        .find_map(|line| {
            let k = name_key(line);
            outlets
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, shown)| (*shown).to_owned())
        })
}

/// ISO 639-1 code of the article's language: Arabic when Arabic letters are the majority,
/// else French or English by their most common small words.
pub fn language(text: &str) -> &'static str {
    let sample: String = text.chars().take(20_000).collect();
    let arabic = sample
        .chars()
        .filter(|c| crate::model::is_arabic(*c))
        .count();
    let latin = sample.chars().filter(|c| c.is_ascii_alphabetic()).count();
    if arabic >= latin {
        return "ar";
    }
    let lower = format!(" {} ", sample.to_lowercase());
    let count = |words: &[&str]| -> usize {
        words
            .iter()
            .map(|w| lower.matches(&format!(" {w} ")).count())
            .sum()
    };
    let fr = count(&[
        "le", "la", "les", "des", "est", "une", "du", "et", "dans", "pour",
    ]);
    let en = count(&["the", "and", "of", "is", "was", "with", "in", "for", "to"]);
    if fr > en { "fr" } else { "en" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_date_line_and_outlet() {
        let mut outlet_actor = Actor::new(ActorKind::MediaOutlet);
        outlet_actor.name_ar = Some("أحداث الداخلة".into());
        let text =
            "التعاون العسكري والأمني\n\nأحداث الداخلة\n25 ديسمبر 2020آخر تحديث : الجمعة\nنص طويل.";
        assert_eq!(title(text).as_deref(), Some("التعاون العسكري والأمني"));
        assert_eq!(
            date_line(text).map(|d| d.to_string()).as_deref(),
            Some("2020-12-25")
        );
        assert_eq!(
            outlet(text, &[outlet_actor]).as_deref(),
            Some("أحداث الداخلة")
        );
    }

    #[test]
    fn long_first_line_gives_a_cut_title() {
        let long = "كلمة ".repeat(100);
        let t = title(&long).unwrap();
        assert!(t.ends_with('…') && t.chars().count() <= CUT_TITLE_CHARS + 1);
        assert_eq!(title("  \n "), None);
    }

    #[test]
    fn languages() {
        assert_eq!(language("المغرب وأميركا"), "ar");
        assert_eq!(language("Le Maroc et les États-Unis dans la lutte"), "fr");
        assert_eq!(language("Morocco and the United States in the fight"), "en");
    }
}
