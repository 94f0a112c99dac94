//! Names of the model's vocabularies (kinds, roles, grades) in each UI language.
//!
//! Each row holds the Arabic, English and French names side by side so a missing translation is
//! visible at a glance; `match` without a wildcard makes the compiler list any new variant.

use super::Lang;
use crate::model::{ActorKind, EventKind, RelationKind, Reliability, Role, SourceKind};

fn pick(lang: Lang, [ar, en, fr]: [&'static str; 3]) -> &'static str {
    match lang {
        Lang::Ar => ar,
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// Name of an event type.
pub fn event_kind(lang: Lang, k: EventKind) -> &'static str {
    use EventKind::*;
    pick(
        lang,
        match k {
            Arrest => ["اعتقال", "Arrest", "Arrestation"],
            CellDismantled => ["تفكيك خلية", "Cell dismantled", "Cellule démantelée"],
            Attack => ["هجوم", "Attack", "Attaque"],
            AttackFoiled => ["إحباط هجوم", "Attack foiled", "Attaque déjouée"],
            OfficialVisit => [
                "زيارة أو لقاء رسمي",
                "Official visit or meeting",
                "Visite ou réunion officielle",
            ],
            AgreementSigned => ["توقيع اتفاق", "Agreement signed", "Accord signé"],
            JointExercise => ["مناورات مشتركة", "Joint exercise", "Exercice conjoint"],
            Training => ["تدريب", "Training", "Formation"],
            IntelligenceSharing => [
                "تبادل معلومات استخباراتية",
                "Intelligence sharing",
                "Partage de renseignement",
            ],
            Statement => ["تصريح أو بيان", "Statement", "Déclaration"],
            DiplomaticRecognition => [
                "اعتراف دبلوماسي",
                "Diplomatic recognition",
                "Reconnaissance diplomatique",
            ],
            Conference => [
                "مؤتمر أو منتدى",
                "Conference or forum",
                "Conférence ou forum",
            ],
            EquipmentTransfer => [
                "نقل معدات أو تكنولوجيا",
                "Equipment or technology transfer",
                "Transfert d'équipement",
            ],
            Extradition => [
                "تسليم أو تسليم مراقب",
                "Extradition or controlled delivery",
                "Extradition ou livraison surveillée",
            ],
            Other => ["أخرى", "Other", "Autre"],
        },
    )
}

/// Name of an actor kind.
pub fn actor_kind(lang: Lang, k: ActorKind) -> &'static str {
    use ActorKind::*;
    pick(
        lang,
        match k {
            State => ["دولة", "State", "État"],
            GovernmentBody => ["هيئة حكومية", "Government body", "Organe gouvernemental"],
            SecurityService => [
                "جهاز أمني أو استخباراتي",
                "Security or intelligence service",
                "Service de sécurité ou de renseignement",
            ],
            Military => ["جيش أو قيادة عسكرية", "Military", "Armée"],
            PoliceJudicial => [
                "شرطة أو هيئة قضائية",
                "Police or judicial body",
                "Police ou justice",
            ],
            Person => ["شخص", "Person", "Personne"],
            ArmedGroup => [
                "جماعة مسلحة أو إرهابية",
                "Armed or terrorist group",
                "Groupe armé ou terroriste",
            ],
            InternationalOrg => [
                "منظمة دولية",
                "International organisation",
                "Organisation internationale",
            ],
            MediaOutlet => ["وسيلة إعلام", "Media outlet", "Média"],
            Other => ["أخرى", "Other", "Autre"],
        },
    )
}

/// Name of a participation role.
pub fn role(lang: Lang, r: Role) -> &'static str {
    use Role::*;
    pick(
        lang,
        match r {
            Organiser => ["منظِّم", "Organiser", "Organisateur"],
            Host => ["مضيف", "Host", "Hôte"],
            Visitor => ["زائر", "Visitor", "Visiteur"],
            Partner => ["شريك", "Partner", "Partenaire"],
            ArrestingBody => [
                "جهة الاعتقال أو التحقيق",
                "Arresting or investigating body",
                "Autorité d'arrestation",
            ],
            Suspect => [
                "مشتبه به أو معتقل",
                "Suspect or arrested",
                "Suspect ou arrêté",
            ],
            Target => ["مستهدَف", "Target", "Cible"],
            Signatory => ["موقِّع", "Signatory", "Signataire"],
            Beneficiary => ["مستفيد", "Beneficiary", "Bénéficiaire"],
            InformationProvider => [
                "مزوّد المعلومات",
                "Information provider",
                "Fournisseur d'information",
            ],
            Participant => ["مشارك", "Participant", "Participant"],
            Mentioned => ["مذكور", "Mentioned", "Mentionné"],
        },
    )
}

/// Name of a relation kind, as a verb phrase (`A … B`).
pub fn relation_kind(lang: Lang, k: RelationKind) -> &'static str {
    use RelationKind::*;
    pick(
        lang,
        match k {
            PartOf => ["جزء من", "part of", "fait partie de"],
            Heads => ["يرأس", "heads", "dirige"],
            MemberOf => ["عضو في", "member of", "membre de"],
            AlliedWith => ["حليف لـ", "allied with", "allié de"],
            CooperatesWith => ["يتعاون مع", "cooperates with", "coopère avec"],
            Trains => ["يدرّب", "trains", "forme"],
            Opposes => ["يعارض", "opposes", "s'oppose à"],
            AffiliatedWith => ["مرتبط بـ", "affiliated with", "affilié à"],
        },
    )
}

/// Name of a source kind.
pub fn source_kind(lang: Lang, k: SourceKind) -> &'static str {
    use SourceKind::*;
    pick(
        lang,
        match k {
            NewsArticle => ["مقال إخباري", "News article", "Article de presse"],
            Analysis => ["تحليل", "Analysis", "Analyse"],
            OfficialStatement => ["بيان رسمي", "Official statement", "Communiqué officiel"],
            Report => ["تقرير", "Report", "Rapport"],
            Book => ["كتاب", "Book", "Livre"],
            WebPage => ["صفحة ويب", "Web page", "Page web"],
            Interview => ["مقابلة", "Interview", "Entretien"],
        },
    )
}

/// Meaning of a source reliability grade.
pub fn reliability(lang: Lang, r: Reliability) -> &'static str {
    use Reliability::*;
    pick(
        lang,
        match r {
            A => ["موثوق تماماً", "Completely reliable", "Totalement fiable"],
            B => ["موثوق عادةً", "Usually reliable", "Habituellement fiable"],
            C => ["موثوق إلى حد ما", "Fairly reliable", "Assez fiable"],
            D => [
                "غير موثوق عادةً",
                "Not usually reliable",
                "Pas toujours fiable",
            ],
            E => ["غير موثوق", "Unreliable", "Peu fiable"],
            F => ["لا يمكن الحكم", "Cannot be judged", "Ne peut être évalué"],
        },
    )
}

/// Meaning of an information credibility grade (1–6).
pub fn credibility(lang: Lang, grade: u8) -> &'static str {
    pick(
        lang,
        match grade {
            1 => [
                "مؤكَّد من مصادر أخرى",
                "Confirmed by other sources",
                "Confirmé par d'autres sources",
            ],
            2 => ["صحيح على الأرجح", "Probably true", "Probablement vrai"],
            3 => ["صحيح ربما", "Possibly true", "Peut-être vrai"],
            4 => ["مشكوك فيه", "Doubtful", "Douteux"],
            5 => ["مستبعَد", "Improbable", "Improbable"],
            _ => ["لا يمكن الحكم", "Cannot be judged", "Ne peut être évalué"],
        },
    )
}

/// Month names for showing partial dates.
pub fn month(lang: Lang, m: u8) -> &'static str {
    const AR: [&str; 12] = [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let i = usize::from(m.clamp(1, 12) - 1);
    match lang {
        Lang::Ar => AR[i],
        Lang::En => EN[i],
        Lang::Fr => FR[i],
    }
}

/// A partial date as a reader expects it: «1777», «أكتوبر 2020», «26 مارس 2022», with «~» for circa.
pub fn date(lang: Lang, d: &crate::model::PartialDate) -> String {
    let circa = if d.is_circa() { "~" } else { "" };
    let y = d.year_value();
    match (d.month_value(), d.day_value()) {
        (Some(m), Some(day)) => format!("{circa}{day} {} {y}", month(lang, m)),
        (Some(m), None) => format!("{circa}{} {y}", month(lang, m)),
        _ => format!("{circa}{y}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_show_their_precision() {
        let d = |s: &str| s.parse::<crate::model::PartialDate>().unwrap();
        assert_eq!(date(Lang::Ar, &d("1777")), "1777");
        assert_eq!(date(Lang::Ar, &d("2020-10")), "أكتوبر 2020");
        assert_eq!(date(Lang::Ar, &d("2022-03-26")), "26 مارس 2022");
        assert_eq!(date(Lang::En, &d("~2004-02")), "~February 2004");
    }

    #[test]
    fn every_value_has_a_name_in_every_language() {
        for lang in Lang::ALL {
            for k in EventKind::ALL {
                assert!(!event_kind(lang, *k).is_empty());
            }
            for k in ActorKind::ALL {
                assert!(!actor_kind(lang, *k).is_empty());
            }
            for r in Role::ALL {
                assert!(!role(lang, *r).is_empty());
            }
        }
    }
}
