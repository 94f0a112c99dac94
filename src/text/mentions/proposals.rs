//! Names that look like actors but are not known yet: capitalised Latin acronyms and Arabic
//! organisation names built on a head noun («وزارة الداخلية», «المديرية العامة لـ…»).

use super::forms::{Word, clitic_forms, joins_name, key, words};
use super::index::ActorMention;
use crate::model::ActorKind;
use serde::Serialize;

/// Upper-case words that are not organisations.
const ACRONYM_STOP: &[&str] = &[
    "AM", "PM", "TV", "OK", "CEO", "PDF", "HTML", "HTTP", "HTTPS", "URL", "WWW", "GMT", "UTC",
    "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
    "XVIII", "XIX", "XX", "XXI", "USD", "EUR", "MAD", "ID", "AD", "BC", "GPS", "SMS", "DNA", "PCR",
    "FAQ", "RSS", "API", "AFP",
];

/// Head nouns of organisation names, as word keys, with the kind of actor they suggest.
const HEADS: &[(&[&str], ActorKind)] = &[
    (&["المديريه", "العامه"], ActorKind::SecurityService),
    (&["المكتب", "المركزي"], ActorKind::PoliceJudicial),
    (&["مديريه"], ActorKind::SecurityService),
    (&["المديريه"], ActorKind::SecurityService),
    (&["مكتب"], ActorKind::Other),
    (&["وزاره"], ActorKind::GovernmentBody),
    (&["جهاز"], ActorKind::SecurityService),
    (&["وكاله"], ActorKind::Other),
    (&["هييه"], ActorKind::GovernmentBody),
];

/// Words that end an organisation name: prepositions, relatives, conjunctions.
const NAME_STOP: &[&str] = &[
    "في",
    "من",
    "علي",
    "عن",
    "الي",
    "الذي",
    "التي",
    "الذين",
    "مع",
    "بين",
    "خلال",
    "حول",
    "منذ",
    "بعد",
    "قبل",
    "ان",
    "او",
    "ثم",
    "كما",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "قد",
    "لقد",
    "وقد",
    "كان",
    "عبر",
    "لدي",
    "ضد",
    "اليوم",
    "امس",
];

/// Most words an organisation name may have after its head noun.
const MAX_TAIL_WORDS: usize = 5;

/// A name that may be a new actor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NewActorCandidate {
    /// The name as written (clitics removed from its first word).
    pub name: String,
    /// Whether the name is a Latin acronym.
    pub acronym: bool,
    /// The kind of actor the name suggests.
    pub kind: ActorKind,
    /// Every place it is named: `(start, end)` in chars.
    pub mentions: Vec<(usize, usize)>,
}

/// Unknown acronyms and organisation names in `text`, outside the `known` mentions, in order
/// of first appearance, each once with all its places.
pub fn new_actor_candidates(text: &str, known: &[ActorMention]) -> Vec<NewActorCandidate> {
    let ws = words(text);
    let covered = |start: usize, end: usize| known.iter().any(|m| m.start < end && start < m.end);
    let mut out: Vec<NewActorCandidate> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let found = acronym_at(&ws, i).or_else(|| organisation_at(text, &ws, i));
        let Some((last, name, is_acronym, kind)) = found else {
            i += 1;
            continue;
        };
        let (start, end) = (ws[i].start, ws[last].end);
        if !covered(start, end) {
            let k = key(&name);
            match out.iter_mut().find(|c| key(&c.name) == k) {
                Some(c) => c.mentions.push((start, end)),
                None => out.push(NewActorCandidate {
                    name,
                    acronym: is_acronym,
                    kind,
                    mentions: vec![(start, end)],
                }),
            }
        }
        i = last + 1;
    }
    out
}

type Candidate = (usize, String, bool, ActorKind);

fn acronym_at(ws: &[Word<'_>], i: usize) -> Option<Candidate> {
    let raw = ws[i].raw;
    let ok = (2..=6).contains(&raw.len())
        && raw.bytes().all(|b| b.is_ascii_uppercase())
        && !ACRONYM_STOP.contains(&raw);
    ok.then(|| (i, raw.to_owned(), true, ActorKind::Other))
}

fn organisation_at(text: &str, ws: &[Word<'_>], i: usize) -> Option<Candidate> {
    let forms = clitic_forms(&ws[i].key);
    let (head_len, kind, form) = HEADS.iter().find_map(|(head, kind)| {
        let form = forms.iter().find(|f| *f == head[0])?;
        let rest_ok = head[1..].iter().enumerate().all(|(k, want)| {
            ws.get(i + 1 + k)
                .is_some_and(|w| w.key == *want && joins(text, w))
        });
        rest_ok.then(|| (head.len(), *kind, form.clone()))
    })?;
    let mut last = i + head_len - 1;
    for k in 0..MAX_TAIL_WORDS {
        let Some(w) = ws.get(last + 1) else { break };
        let arabic_word = w.key.chars().all(crate::model::is_arabic);
        let continues = arabic_word
            && joins(text, w)
            && !NAME_STOP.contains(&w.key.as_str())
            && !w.key.starts_with('و')
            && (k == 0 || w.key.starts_with("ال") || w.key.starts_with('ل'));
        if !continues {
            break;
        }
        last += 1;
    }
    if last < i + head_len {
        return None;
    }
    let first = strip_clitics(ws[i].raw, &form);
    let tail = &text[ws[i].bytes.1..ws[last].bytes.1];
    Some((last, format!("{first}{tail}"), false, kind))
}

fn joins(text: &str, w: &Word<'_>) -> bool {
    joins_name(&text[w.gap_from..w.bytes.0])
}

/// The first word of a name without the clitics the text attached to it: «لوزارة» → «وزارة»,
/// «للمديرية» → «المديرية».
fn strip_clitics(raw: &str, form: &str) -> String {
    if key(raw) == form {
        return raw.to_owned();
    }
    let chars: Vec<char> = raw.chars().collect();
    for drop in 1..chars.len().min(4) {
        let rest: String = chars[drop..].iter().collect();
        if key(&rest) == form {
            return rest;
        }
        let with_article = format!("ا{rest}");
        if key(&with_article) == form {
            return with_article;
        }
    }
    raw.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        new_actor_candidates(text, &[])
            .into_iter()
            .map(|c| c.name)
            .collect()
    }

    #[test]
    fn acronyms_and_arabic_patterns() {
        let text = "أعلنت لوزارة الداخلية الإسبانية في بيان أن جهاز مكافحة الإرهاب (CNI) \
                    والمديرية العامة للحرس المدني تعاونت. وقال مكتب ضباط الاتصال إن CNI وTV.";
        assert_eq!(
            names(text),
            [
                "وزارة الداخلية الإسبانية",
                "جهاز مكافحة الإرهاب",
                "CNI",
                "المديرية العامة للحرس المدني",
                "مكتب ضباط الاتصال",
            ]
        );
        let c = new_actor_candidates(text, &[]);
        assert_eq!(c[2].mentions.len(), 2);
        assert_eq!(c[0].kind, ActorKind::GovernmentBody);
    }

    #[test]
    fn known_mentions_are_not_proposed() {
        let text = "قال مكتب التحقيقات الفيدرالي";
        let known = [ActorMention {
            actor: 0,
            start: 4,
            end: 28,
            phrase: "مكتب التحقيقات الفيدرالي".into(),
        }];
        assert!(new_actor_candidates(text, &known).is_empty());
        assert!(names("مكتب").is_empty());
    }
}
