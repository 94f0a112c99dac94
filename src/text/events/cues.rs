//! Event cues: the verbs and verbal nouns that say what sort of event a sentence reports.

use crate::model::EventKind;
use crate::text::mentions::{clitic_forms, words};

/// Stems (normalised) and the event type they signal.
const CUES: &[(&str, EventKind)] = &[
    ("اعتقال", EventKind::Arrest),
    ("اعتقل", EventKind::Arrest),
    ("توقيف", EventKind::Arrest),
    ("اوقف", EventKind::Arrest),
    ("ايقاف", EventKind::Arrest),
    ("القبض", EventKind::Arrest),
    ("تفكيك", EventKind::CellDismantled),
    ("فكك", EventKind::CellDismantled),
    ("احباط", EventKind::AttackFoiled),
    ("احبط", EventKind::AttackFoiled),
    ("افشال", EventKind::AttackFoiled),
    ("افشل", EventKind::AttackFoiled),
    ("زياره", EventKind::OfficialVisit),
    ("زار", EventKind::OfficialVisit),
    ("استقبل", EventKind::OfficialVisit),
    ("استقبال", EventKind::OfficialVisit),
    ("لقاء", EventKind::OfficialVisit),
    ("التقي", EventKind::OfficialVisit),
    ("اجتماع", EventKind::OfficialVisit),
    ("اجتمع", EventKind::OfficialVisit),
    ("مباحثات", EventKind::OfficialVisit),
    ("توقيع", EventKind::AgreementSigned),
    ("وقع", EventKind::AgreementSigned),
    ("مناورات", EventKind::JointExercise),
    ("مناوره", EventKind::JointExercise),
    ("تمرين", EventKind::JointExercise),
    ("تمارين", EventKind::JointExercise),
    ("تدريب", EventKind::Training),
    ("تدريبات", EventKind::Training),
    ("تكوين", EventKind::Training),
    ("تسليم", EventKind::Extradition),
    ("ترحيل", EventKind::Extradition),
    ("اعتراف", EventKind::DiplomaticRecognition),
    ("اعترف", EventKind::DiplomaticRecognition),
    ("هجوم", EventKind::Attack),
    ("هجمات", EventKind::Attack),
    ("تفجير", EventKind::Attack),
    ("موتمر", EventKind::Conference),
    ("منتدي", EventKind::Conference),
];

/// Words that look like a cue with a clitic but are not one: «وزارة» is not «و + زاره».
const NOT_CUES: &[&str] = &["وزاره", "الوزاره", "وزارات", "وزاري", "الوزاري", "وزاريه"];

/// Endings a cue word may carry: verb persons, plurals, pronouns.
const SUFFIXES: &[&str] = &["", "ت", "وا", "ا", "تا", "ه", "ها", "هم", "ات", "ين", "ون"];

/// A cue found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventCue {
    /// The event type it signals.
    pub kind: EventKind,
    /// The word as written.
    pub word: String,
    /// First char.
    pub start: usize,
    /// Char after the last.
    pub end: usize,
    /// Whether the cue is «استقبل» (the subject hosts, the object visits).
    pub hosts: bool,
}

fn cue_of(key: &str) -> Option<(EventKind, &'static str)> {
    let forms = clitic_forms(key);
    if forms.iter().any(|f| NOT_CUES.contains(&f.as_str())) {
        return None;
    }
    for form in forms {
        let bare = form.strip_prefix("ال").filter(|r| r.chars().count() >= 3);
        for candidate in [Some(form.as_str()), bare].into_iter().flatten() {
            for (stem, kind) in CUES {
                if let Some(rest) = candidate.strip_prefix(stem)
                    && SUFFIXES.contains(&rest)
                {
                    return Some((*kind, stem));
                }
            }
        }
    }
    None
}

/// Every event cue in `text`, with char ranges offset by `offset` (the text's start in a
/// larger one). «تبادل المعلومات» is one cue.
pub fn event_cues(text: &str, offset: usize) -> Vec<EventCue> {
    let ws = words(text);
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let exchange = clitic_forms(&w.key)
            .iter()
            .any(|f| f == "تبادل" || f == "التبادل")
            && ws.get(i + 1).is_some_and(|n| n.key.contains("معلومات"));
        let found = if exchange {
            Some((EventKind::IntelligenceSharing, "تبادل"))
        } else {
            cue_of(&w.key)
        };
        if let Some((kind, stem)) = found {
            out.push(EventCue {
                kind,
                word: w.raw.to_owned(),
                start: offset + w.start,
                end: offset + w.end,
                hosts: stem == "استقبل",
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<EventKind> {
        event_cues(text, 0).into_iter().map(|c| c.kind).collect()
    }

    #[test]
    fn verbs_and_nouns_with_clitics() {
        assert_eq!(kinds("عن اعتقال شخص"), [EventKind::Arrest]);
        assert_eq!(kinds("واعتقلت الشرطة"), [EventKind::Arrest]);
        assert_eq!(kinds("بتفكيك خلية"), [EventKind::CellDismantled]);
        assert_eq!(kinds("إلى إحباط اعتداء"), [EventKind::AttackFoiled]);
        assert_eq!(kinds("أفشلت الأجهزة"), [EventKind::AttackFoiled]);
        assert_eq!(kinds("ووقع البلدان"), [EventKind::AgreementSigned]);
        assert_eq!(kinds("المناورات العسكرية"), [EventKind::JointExercise]);
        assert_eq!(kinds("وتبادل المعلومات"), [EventKind::IntelligenceSharing]);
        assert_eq!(kinds("بالتدريب"), [EventKind::Training]);
        let c = event_cues("استقبل حموشي", 10);
        assert!(c[0].hosts && c[0].start == 10);
    }

    #[test]
    fn lookalikes_are_not_cues() {
        assert!(kinds("وزارة الداخلية").is_empty());
        assert!(kinds("زارع").is_empty());
    }
}
