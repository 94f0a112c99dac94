//! The closed vocabularies of the domain: kinds of actors, events, sources, roles and relations.

use super::code_enum::code_enum;

code_enum! {
    /// What sort of actor a record is.
    pub enum ActorKind: "actor kind" {
        /// A state (Morocco, the United States).
        State = "state",
        /// A ministry or other government body.
        GovernmentBody = "government_body",
        /// A security or intelligence service (DGST, FBI).
        SecurityService = "security_service",
        /// Armed forces or a military command (FAR, AFRICOM).
        Military = "military",
        /// Police or judicial body (DGSN, BCIJ, a court).
        PoliceJudicial = "police_judicial",
        /// A named person.
        Person = "person",
        /// An armed or terrorist group.
        ArmedGroup = "armed_group",
        /// An international organisation (Interpol, Europol, NATO).
        InternationalOrg = "international_org",
        /// A newspaper, agency or broadcaster.
        MediaOutlet = "media_outlet",
        /// Anything else.
        Other = "other",
    }
}

code_enum! {
    /// What happened in an event.
    pub enum EventKind: "event type" {
        /// One or more people arrested.
        Arrest = "arrest",
        /// A cell dismantled.
        CellDismantled = "cell_dismantled",
        /// An attack carried out.
        Attack = "attack",
        /// An attack prevented.
        AttackFoiled = "attack_foiled",
        /// An official visit or meeting.
        OfficialVisit = "official_visit",
        /// An agreement, memorandum or roadmap signed.
        AgreementSigned = "agreement_signed",
        /// A joint exercise (African Lion).
        JointExercise = "joint_exercise",
        /// Training given or received.
        Training = "training",
        /// Intelligence passed between services.
        IntelligenceSharing = "intelligence_sharing",
        /// A public statement or declaration.
        Statement = "statement",
        /// One state recognising another or its claims.
        DiplomaticRecognition = "diplomatic_recognition",
        /// A conference or forum.
        Conference = "conference",
        /// Equipment or technology transferred.
        EquipmentTransfer = "equipment_transfer",
        /// An extradition or controlled delivery.
        Extradition = "extradition",
        /// Anything else.
        Other = "other",
    }
}

code_enum! {
    /// The role an actor played in an event.
    pub enum Role: "role" {
        /// Organised the event.
        Organiser = "organiser",
        /// Hosted a visit or meeting.
        Host = "host",
        /// Came on a visit.
        Visitor = "visitor",
        /// A partner in a joint activity.
        Partner = "partner",
        /// Arrested or investigated.
        ArrestingBody = "arresting_body",
        /// Suspected or arrested.
        Suspect = "suspect",
        /// Target of an attack or plot.
        Target = "target",
        /// Signed an agreement.
        Signatory = "signatory",
        /// Benefited (from aid, training, information).
        Beneficiary = "beneficiary",
        /// Provided the information.
        InformationProvider = "information_provider",
        /// Took part.
        Participant = "participant",
        /// Only mentioned.
        Mentioned = "mentioned",
    }
}

code_enum! {
    /// How one actor relates to another; `from kind to` reads as a sentence.
    pub enum RelationKind: "relation kind" {
        /// Is part of (DGST part of Morocco).
        PartOf = "part_of",
        /// Heads (Hammouchi heads DGST).
        Heads = "heads",
        /// Is a member of.
        MemberOf = "member_of",
        /// Is allied with.
        AlliedWith = "allied_with",
        /// Cooperates with.
        CooperatesWith = "cooperates_with",
        /// Trains.
        Trains = "trains",
        /// Opposes.
        Opposes = "opposes",
        /// Is affiliated with.
        AffiliatedWith = "affiliated_with",
    }
}

impl RelationKind {
    /// Whether `a kind b` implies `b kind a` (drawn without an arrow).
    pub fn is_symmetric(self) -> bool {
        matches!(
            self,
            Self::AlliedWith | Self::CooperatesWith | Self::Opposes
        )
    }
}

code_enum! {
    /// What sort of document a source is.
    pub enum SourceKind: "source kind" {
        /// A news article.
        NewsArticle = "news_article",
        /// An analysis or opinion piece.
        Analysis = "analysis",
        /// An official statement or communiqué.
        OfficialStatement = "official_statement",
        /// A report.
        Report = "report",
        /// A book.
        Book = "book",
        /// A web page.
        WebPage = "web_page",
        /// An interview.
        Interview = "interview",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_for_every_value() {
        for k in ActorKind::ALL {
            assert_eq!(k.code().parse::<ActorKind>().unwrap(), *k);
        }
        for k in EventKind::ALL {
            assert_eq!(k.code().parse::<EventKind>().unwrap(), *k);
        }
        for k in Role::ALL {
            assert_eq!(k.code().parse::<Role>().unwrap(), *k);
        }
        for k in RelationKind::ALL {
            assert_eq!(k.code().parse::<RelationKind>().unwrap(), *k);
        }
        for k in SourceKind::ALL {
            assert_eq!(k.code().parse::<SourceKind>().unwrap(), *k);
        }
    }

    #[test]
    fn unknown_code_names_the_vocabulary() {
        let err = "raid".parse::<EventKind>().unwrap_err().to_string();
        assert!(err.contains("event type"), "{err}");
        assert!(err.contains("«raid»"), "{err}");
        assert!(err.contains("arrest"), "{err}");
    }

    #[test]
    fn serde_uses_codes() {
        assert_eq!(
            serde_json::to_string(&EventKind::AttackFoiled).unwrap(),
            "\"attack_foiled\""
        );
        assert_eq!(
            serde_json::from_str::<Role>("\"suspect\"").unwrap(),
            Role::Suspect
        );
        assert!(serde_json::from_str::<Role>("\"boss\"").is_err());
    }
}
