//! Reading typed values from cells: vocabulary codes or common labels, lists, actor references.

use super::plan_builder::name_key;
use crate::model::{ActorKind, EventKind, Role, SourceKind};

/// Splits a list cell on `;` (and the Arabic semicolon), dropping blanks.
pub(crate) fn split_list(cell: &str) -> Vec<String> {
    cell.split([';', '؛'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `المغرب [host]` → (`المغرب`, Some(host)); an unknown role is returned as text for a problem.
pub(crate) fn actor_with_role(item: &str) -> (String, Result<Option<Role>, String>) {
    let item = item.trim();
    if let Some(open) = item.rfind('[')
        && item.ends_with(']')
    {
        let name = item[..open].trim().to_owned();
        let code = item[open + 1..item.len() - 1].trim();
        return match code.parse::<Role>() {
            Ok(r) => (name, Ok(Some(r))),
            Err(_) => (name, Err(code.to_owned())),
        };
    }
    (item.to_owned(), Ok(None))
}

/// Looks a cell up as a code, then among labels (normalised).
fn lookup<T: Copy + std::str::FromStr>(cell: &str, labels: &[(&str, T)]) -> Option<T> {
    let cell = cell.trim();
    if let Ok(v) = cell.parse::<T>() {
        return Some(v);
    }
    let key = name_key(cell);
    let code_key = key.replace(' ', "_");
    if let Ok(v) = code_key.parse::<T>() {
        return Some(v);
    }
    labels.iter().find(|(l, _)| *l == key).map(|(_, v)| *v)
}

const EVENT_LABELS: &[(&str, EventKind)] = &[
    ("اعتقال", EventKind::Arrest),
    ("توقيف", EventKind::Arrest),
    ("arrestation", EventKind::Arrest),
    ("arrests", EventKind::Arrest),
    ("تفكيك خليه", EventKind::CellDismantled),
    ("demantelement", EventKind::CellDismantled),
    ("هجوم", EventKind::Attack),
    ("attaque", EventKind::Attack),
    ("attentat", EventKind::Attack),
    ("احباط هجوم", EventKind::AttackFoiled),
    ("attentat dejoue", EventKind::AttackFoiled),
    ("زياره", EventKind::OfficialVisit),
    ("زياره رسميه", EventKind::OfficialVisit),
    ("visit", EventKind::OfficialVisit),
    ("visite", EventKind::OfficialVisit),
    ("visite officielle", EventKind::OfficialVisit),
    ("اتفاقيه", EventKind::AgreementSigned),
    ("توقيع اتفاقيه", EventKind::AgreementSigned),
    ("agreement", EventKind::AgreementSigned),
    ("accord", EventKind::AgreementSigned),
    ("مناوره", EventKind::JointExercise),
    ("مناورات", EventKind::JointExercise),
    ("exercise", EventKind::JointExercise),
    ("exercice", EventKind::JointExercise),
    ("تدريب", EventKind::Training),
    ("formation", EventKind::Training),
    ("تبادل المعلومات", EventKind::IntelligenceSharing),
    ("بيان", EventKind::Statement),
    ("تصريح", EventKind::Statement),
    ("declaration", EventKind::Statement),
    ("اعتراف", EventKind::DiplomaticRecognition),
    ("recognition", EventKind::DiplomaticRecognition),
    ("reconnaissance", EventKind::DiplomaticRecognition),
    ("موتمر", EventKind::Conference),
    ("conference", EventKind::Conference),
    ("تسليم", EventKind::Extradition),
    ("extradition", EventKind::Extradition),
    ("اخر", EventKind::Other),
    ("autre", EventKind::Other),
];

const ACTOR_LABELS: &[(&str, ActorKind)] = &[
    ("دوله", ActorKind::State),
    ("etat", ActorKind::State),
    ("country", ActorKind::State),
    ("وزاره", ActorKind::GovernmentBody),
    ("ministry", ActorKind::GovernmentBody),
    ("ministere", ActorKind::GovernmentBody),
    ("جهاز امني", ActorKind::SecurityService),
    ("intelligence service", ActorKind::SecurityService),
    ("service de renseignement", ActorKind::SecurityService),
    ("جيش", ActorKind::Military),
    ("military", ActorKind::Military),
    ("armee", ActorKind::Military),
    ("شرطه", ActorKind::PoliceJudicial),
    ("police", ActorKind::PoliceJudicial),
    ("شخص", ActorKind::Person),
    ("personne", ActorKind::Person),
    ("جماعه مسلحه", ActorKind::ArmedGroup),
    ("armed group", ActorKind::ArmedGroup),
    ("groupe arme", ActorKind::ArmedGroup),
    ("منظمه دوليه", ActorKind::InternationalOrg),
    ("international organisation", ActorKind::InternationalOrg),
    ("international organization", ActorKind::InternationalOrg),
    ("organisation internationale", ActorKind::InternationalOrg),
    ("وسيله اعلام", ActorKind::MediaOutlet),
    ("media", ActorKind::MediaOutlet),
    ("اخر", ActorKind::Other),
    ("autre", ActorKind::Other),
];

const SOURCE_LABELS: &[(&str, SourceKind)] = &[
    ("مقال", SourceKind::NewsArticle),
    ("article", SourceKind::NewsArticle),
    ("خبر", SourceKind::NewsArticle),
    ("تحليل", SourceKind::Analysis),
    ("analyse", SourceKind::Analysis),
    ("بلاغ", SourceKind::OfficialStatement),
    ("بيان رسمي", SourceKind::OfficialStatement),
    ("communique", SourceKind::OfficialStatement),
    ("تقرير", SourceKind::Report),
    ("rapport", SourceKind::Report),
    ("كتاب", SourceKind::Book),
    ("livre", SourceKind::Book),
    ("صفحه ويب", SourceKind::WebPage),
    ("web page", SourceKind::WebPage),
    ("page web", SourceKind::WebPage),
    ("مقابله", SourceKind::Interview),
    ("حوار", SourceKind::Interview),
    ("entretien", SourceKind::Interview),
];

/// An event type from its code or a common label.
pub(crate) fn event_kind(cell: &str) -> Option<EventKind> {
    lookup(cell, EVENT_LABELS)
}

/// An actor kind from its code or a common label.
pub(crate) fn actor_kind(cell: &str) -> Option<ActorKind> {
    lookup(cell, ACTOR_LABELS)
}

/// A source kind from its code or a common label.
pub(crate) fn source_kind(cell: &str) -> Option<SourceKind> {
    lookup(cell, SOURCE_LABELS)
}

/// An ISO 639-1 code from a code, a longer code or a language name.
pub(crate) fn language(cell: &str) -> Option<String> {
    let key = name_key(cell);
    let code = match key.as_str() {
        "ar" | "ara" | "arabic" | "arabe" | "العربيه" | "عربي" | "ar ma" | "ar sa" => {
            "ar"
        }
        "en" | "eng" | "english" | "anglais" | "الانجليزيه" | "en us" | "en gb" => "en",
        "fr" | "fre" | "fra" | "french" | "francais" | "الفرنسيه" | "fr fr" | "fr ma" => {
            "fr"
        }
        "es" | "spa" | "spanish" | "espagnol" | "الاسبانيه" => "es",
        _ => {
            // BCP 47 tags such as "de-DE" keep their language subtag.
            let first = key.split(' ').next().unwrap_or("");
            if first.len() == 2 && first.bytes().all(|b| b.is_ascii_lowercase()) {
                return Some(first.to_owned());
            }
            return None;
        }
    };
    Some(code.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_labels() {
        assert_eq!(event_kind("arrest"), Some(EventKind::Arrest));
        assert_eq!(event_kind("Attack foiled"), Some(EventKind::AttackFoiled));
        assert_eq!(event_kind("اعتقال"), Some(EventKind::Arrest));
        assert_eq!(event_kind("raid"), None);
        assert_eq!(
            actor_kind("Security service"),
            Some(ActorKind::SecurityService)
        );
        assert_eq!(source_kind("تقرير"), Some(SourceKind::Report));
        assert_eq!(language("Arabic").as_deref(), Some("ar"));
        assert_eq!(language("de-DE").as_deref(), Some("de"));
        assert_eq!(language("klingon"), None);
    }

    #[test]
    fn actor_references() {
        assert_eq!(
            actor_with_role("المغرب [host]"),
            ("المغرب".to_owned(), Ok(Some(Role::Host)))
        );
        assert_eq!(actor_with_role("FBI"), ("FBI".to_owned(), Ok(None)));
        assert_eq!(
            actor_with_role("X [boss]"),
            ("X".to_owned(), Err("boss".to_owned()))
        );
        assert_eq!(split_list("a; b ;; ج؛ د"), ["a", "b", "ج", "د"]);
    }
}
