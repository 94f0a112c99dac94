//! French catalogue.

use super::Msg;

/// The French text of `msg`.
pub(super) fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::AppTitle => "Marsad",
        Msg::MenuFile => "Fichier",
        Msg::MenuEdit => "Édition",
        Msg::MenuView => "Affichage",
        Msg::MenuHelp => "Aide",
        Msg::NewStore => "Nouvelle base…",
        Msg::OpenStore => "Ouvrir une base…",
        Msg::RecentStores => "Bases récentes",
        Msg::Import => "Importer…",
        Msg::Export => "Exporter…",
        Msg::Backup => "Sauvegarde…",
        Msg::Quit => "Quitter",
        Msg::Undo => "Annuler",
        Msg::Redo => "Rétablir",
        Msg::Delete => "Supprimer",
        Msg::Find => "Rechercher…",
        Msg::Events => "Événements",
        Msg::Actors => "Acteurs",
        Msg::Sources => "Sources",
        Msg::Timeline => "Chronologie",
        Msg::Network => "Réseau",
        Msg::Briefings => "Notes de synthèse",
        Msg::Language => "Langue",
        Msg::ThemeLight => "Thème clair",
        Msg::ThemeDark => "Thème sombre",
        Msg::About => "À propos de Marsad",
        Msg::KeyboardShortcuts => "Raccourcis clavier",
        Msg::TextGallery => "Galerie de textes",
        Msg::Search => "Rechercher",
        Msg::New => "Nouveau",
        Msg::Save => "Enregistrer",
        Msg::Cancel => "Annuler",
        Msg::Close => "Fermer",
        Msg::Ok => "OK",
        Msg::Restore => "Restaurer",
        Msg::Trash => "Corbeille",
        Msg::Filter => "Filtrer",
        Msg::Clear => "Effacer",
        Msg::Date => "Date",
        Msg::Title => "Titre",
        Msg::Type => "Type",
        Msg::Place => "Lieu",
        Msg::ActorsField => "Acteurs",
        Msg::SourcesField => "Sources",
        Msg::Grade => "Cote",
        Msg::Kind => "Genre",
        Msg::Name => "Nom",
        Msg::Country => "Pays",
        Msg::Description => "Description",
        Msg::AboutText => {
            "Marsad est un poste de recherche, arabe d'abord, sur la coopération sécuritaire entre États : événements, acteurs, sources et extraits évalués, dans un seul fichier sur votre ordinateur, hors ligne."
        }
        Msg::Acronym => "Sigle",
        Msg::AddActor => "Ajouter un acteur…",
        Msg::Aliases => "Autres noms",
        Msg::AllTypes => "Tous les types",
        Msg::AnyGrade => "Toute note",
        Msg::BackupWritten => "Sauvegarde écrite et vérifiée :",
        Msg::Cancelled => "annulé ; rien n'a changé",
        Msg::ChangeRole => "Changer le rôle",
        Msg::Circa => "Date approximative",
        Msg::Contains => "Contient",
        Msg::CreateActor => "Créer l'acteur",
        Msg::Credibility => "Crédibilité",
        Msg::DataFolder => "Dossier des données",
        Msg::DateAsWritten => "Date telle qu'écrite",
        Msg::DateNotUnderstood => "Date non comprise : écrivez 2022, 2022-03 ou 26 mars 2022",
        Msg::DeleteGoesToTrash => {
            "Les éléments supprimés vont à la corbeille et peuvent y être restaurés."
        }
        Msg::Duplicate => "Dupliquer",
        Msg::Edit => "Modification",
        Msg::EmptyTrash => "Vider la corbeille",
        Msg::EndDate => "Date de fin",
        Msg::Evidence => "Preuves",
        Msg::Excerpts => "Extraits",
        Msg::Exported => "Exporté vers",
        Msg::FileExists => "le fichier existe ; choisissez un autre nom",
        Msg::FirstStartSample => {
            "Un nouveau magasin a été créé avec l'exemple : cinq articles sur la coopération sécuritaire Maroc–États-Unis."
        }
        Msg::From => "Du",
        Msg::FullText => "Texte intégral",
        Msg::Imported => "Importé",
        Msg::LinksWillGo => "Liens supprimés avec lui",
        Msg::Merge => "Fusionner un doublon…",
        Msg::MergeInto => "Choisissez le doublon à fusionner dans",
        Msg::NameAr => "Nom arabe",
        Msg::NameEn => "Nom anglais",
        Msg::NameFr => "Nom français",
        Msg::NewActor => "Nouvel acteur",
        Msg::NewEvent => "Nouvel événement",
        Msg::NewExcerpt => "Nouvel extrait",
        Msg::NewExcerptFromSelection => "Nouvel extrait depuis la sélection",
        Msg::NewExcerptHint => "Collez la phrase telle que la source l'écrit",
        Msg::NewSource => "Nouvelle source",
        Msg::NoEvidence => "Sans preuve",
        Msg::NoEvidenceYet => "Pas encore de preuve : ajoutez un extrait d'une source",
        Msg::NoFullText => "Cette source ne conserve pas son texte intégral.",
        Msg::NoResults => "Aucun résultat",
        Msg::NotBuiltYet => "Cette vue n'est pas encore construite dans cette version.",
        Msg::Notes => "Notes",
        Msg::OpenedReadOnly => {
            "Le magasin est ouvert dans une autre fenêtre de Marsad ; il est ouvert en lecture seule."
        }
        Msg::OpenedWriteProtected => {
            "Le fichier du magasin ou son dossier est protégé en écriture ; il est ouvert en lecture seule."
        }
        Msg::OtherActor => "Autre acteur",
        Msg::Outlet => "Média",
        Msg::Participants => "Participants",
        Msg::PickSource => "Choisir une source…",
        Msg::Published => "Publié le",
        Msg::ReadOnly => "lecture seule",
        Msg::Relations => "Relations",
        Msg::Reliability => "Fiabilité de la source",
        Msg::Remove => "Retirer",
        Msg::SearchHint => "Chercher dans les événements, acteurs, sources et extraits",
        Msg::SelectToEdit => "Sélectionnez une ligne pour la voir et la modifier.",
        Msg::StartDate => "Date de début",
        Msg::StoreFile => "Fichier du magasin",
        Msg::Tag => "Étiquette",
        Msg::Backups => "Sauvegardes…",
        Msg::Restored => "Restauré ; le contenu remplacé est conservé dans",
        Msg::RestoreBackupQ => "Restaurer la sauvegarde du",
        Msg::RestoreLoses => {
            "Tout ce qui a changé après cette sauvegarde sera remplacé. Le contenu actuel est d’abord sauvegardé et l’historique d’annulation est effacé."
        }
        Msg::NoBackups => "Aucune sauvegarde pour l’instant.",
        Msg::StoreDamaged => "Le magasin est endommagé",
        Msg::DamagedKept => {
            "Marsad a trouvé des dommages dans ce fichier et l’a laissé tel quel : rien n’a été modifié ni restauré."
        }
        Msg::NewestGoodBackup => "La sauvegarde saine la plus récente date du",
        Msg::BackupHolds => "La sauvegarde contient",
        Msg::DamagedClaims => "Le fichier endommagé annonce",
        Msg::DamagedUncountable => "Le contenu du fichier endommagé ne peut pas être compté.",
        Msg::RescueLoses => {
            "Tout ce qui a changé après cette sauvegarde serait perdu pour le magasin ; le fichier endommagé est conservé à côté, renommé : rien n’est supprimé."
        }
        Msg::NoGoodBackup => {
            "Aucune sauvegarde saine n’a été trouvée à côté du magasin. Gardez le fichier et essayez `marsad check` ou un outil de récupération SQLite sur une copie."
        }
        Msg::RestoreThisBackup => "Restaurer cette sauvegarde",
        Msg::OpenReadOnly => "Ouvrir en lecture seule",
        Msg::OpenedBackupReadOnly => {
            "Une sauvegarde est ouverte en lecture seule ; rouvrez votre magasin depuis le menu Fichier pour travailler."
        }
        Msg::RescuedDamagedKept => "Sauvegarde restaurée ; le fichier endommagé est conservé sous",
        Msg::CaptureArticle => "Capturer un article…",
        Msg::PasteArticle => "Coller un article…",
        Msg::CaptureReview => "Revoir la capture",
        Msg::ProposedActors => "Acteurs trouvés",
        Msg::ProposedEvents => "Événements proposés",
        Msg::KnownActor => "connu",
        Msg::NewActorProposal => "nouveau",
        Msg::Apply => "Enregistrer la sélection",
        Msg::PasteHere => "Collez ici le texte de l’article",
        Msg::CaptureThis => "Capturer",
        Msg::ChildActors => "acteurs rattachés qui perdent leur parent",
        Msg::FilterActor => "Acteur…",
        Msg::TagSuggestions => "Étiquettes suggérées",
        Msg::Tags => "Étiquettes",
        Msg::TagsHint => "Séparez par des virgules",
        Msg::TitleAr => "Titre arabe",
        Msg::TitleEn => "Titre anglais",
        Msg::To => "Au",
        Msg::TrashEmpty => "La corbeille est vide.",
        Msg::UntitledActor => "Acteur sans nom",
        Msg::UntitledEvent => "Événement sans titre",
        Msg::UntitledSource => "Source sans titre",
        Msg::Url => "URL",
        Msg::WaitForJobs => "Attendez la fin des tâches en cours",
        Msg::VizLanes => "Lignes",
        Msg::VizByActor => "Par acteur",
        Msg::VizByType => "Par type d'événement",
        Msg::VizBySource => "Par source",
        Msg::VizFitAll => "Tout afficher",
        Msg::VizZoomSelection => "Zoomer sur la sélection",
        Msg::VizUseAsFilter => "Utiliser la période comme filtre",
        Msg::VizFlipTime => "Inverser le sens du temps",
        Msg::VizExportSvg => "Exporter en SVG…",
        Msg::VizExportPng => "Exporter en PNG…",
        Msg::VizNoActor => "Sans acteur",
        Msg::VizNoSource => "Sans source",
        Msg::VizImprecise => "Date imprécise",
        Msg::VizNoDatedEvents => "Aucun événement daté ne correspond au filtre.",
        Msg::VizTimelineHelp => {
            "Molette : zoom · glisser : déplacer · Maj+glisser : choisir une période · clic : ouvrir l'événement"
        }
        Msg::VizNetworkHelp => {
            "Molette : zoom · glisser : déplacer, ou déplacer et épingler un nœud · clic : voisins · double-clic : ouvrir l'acteur"
        }
        Msg::VizPeriod => "Période",
        Msg::VizAllKinds => "Tous les types",
        Msg::VizAllCountries => "Tous les pays",
        Msg::VizMinWeight => "Min. d'événements communs",
        Msg::VizSharedEvents => "événements communs",
        Msg::VizLinks => "liens",
        Msg::VizLayingOut => "Disposition en cours…",
        Msg::VizUnpinAll => "Tout désépingler",
        Msg::VizExported => "Exporté",
        Msg::VizNoNodes => "Aucun acteur pour cette période avec ces filtres.",
    }
}
