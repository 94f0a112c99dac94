//! Building the actor and event proposals of a capture from the recognisers' findings.

use super::{ActorProposal, DateProposal, EventActor, EventProposal};
use crate::model::{Actor, ActorKind, EventKind, Role};
use crate::text::events::{EventCue, event_cues, sentences};
use crate::text::mentions::{ActorIndex, new_actor_candidates};

/// Words of the sentence kept in a proposed event's title.
const TITLE_WORDS: usize = 12;

/// Known actors found (each once, with all its mentions), then new-actor candidates.
pub(super) fn actor_proposals(text: &str, known: &[Actor]) -> Vec<ActorProposal> {
    let index = ActorIndex::new(known);
    let mentions = index.find(text);
    let mut out: Vec<ActorProposal> = Vec::new();
    for m in &mentions {
        let Some(actor) = known.get(m.actor) else {
            continue;
        };
        match out.iter_mut().find(|p| p.known_id == Some(actor.id)) {
            Some(p) => p.mentions.push((m.start, m.end)),
            None => out.push(ActorProposal {
                id: out.len() as u32 + 1,
                known_id: Some(actor.id),
                name: actor.display_name(true).to_owned(),
                kind: actor.kind,
                acronym: false,
                mentions: vec![(m.start, m.end)],
                accepted_by_default: true,
            }),
        }
    }
    for c in new_actor_candidates(text, &mentions) {
        out.push(ActorProposal {
            id: out.len() as u32 + 1,
            known_id: None,
            name: c.name,
            kind: c.kind,
            acronym: c.acronym,
            mentions: c.mentions,
            accepted_by_default: false,
        });
    }
    out
}

/// One proposal per sentence that holds a date and an event cue.
pub(super) fn event_proposals(
    text: &str,
    dates: &[DateProposal],
    actors: &[ActorProposal],
) -> Vec<EventProposal> {
    let mut out = Vec::new();
    for s in sentences(text) {
        let inside = |start: usize, end: usize| start >= s.start && end <= s.end;
        let in_sentence: Vec<&DateProposal> = dates
            .iter()
            .filter(|d| inside(d.mention.start, d.mention.end))
            .collect();
        // The most precise clear date: «في أكتوبر الماضي» dates a signing better than the
        // «2020-2030» in the agreement's name.
        let Some(date) = in_sentence
            .iter()
            .filter(|d| d.accepted_by_default)
            .max_by(|a, b| {
                let (pa, pb) = (a.mention.value.precision(), b.mention.value.precision());
                pa.cmp(&pb).then(b.mention.start.cmp(&a.mention.start))
            })
            .or_else(|| in_sentence.first())
        else {
            continue;
        };
        let sentence = s.text(text);
        let Some(cue) = event_cues(sentence, s.start).into_iter().next() else {
            continue;
        };
        let mut roles = Vec::new();
        for a in actors {
            let Some(&(start, _)) = a.mentions.iter().find(|(st, en)| inside(*st, *en)) else {
                continue;
            };
            roles.push(EventActor {
                actor: a.id,
                role: guess_role(&cue, a.kind, start < cue.start),
            });
        }
        let accepted = date.accepted_by_default
            && roles.iter().any(|r| {
                r.role != Role::Mentioned
                    && actors
                        .iter()
                        .any(|a| a.id == r.actor && a.known_id.is_some())
            });
        out.push(EventProposal {
            id: out.len() as u32 + 1,
            kind: cue.kind,
            cue: cue.word.clone(),
            title: title_of(sentence),
            date: Some(date.id),
            start: Some(date.mention.value),
            end: date.mention.range_end,
            date_as_written: Some(date.mention.phrase.clone()),
            actors: roles,
            excerpt_start: s.start,
            excerpt_end: s.end,
            excerpt: sentence.to_owned(),
            accepted_by_default: accepted,
        });
    }
    out
}

/// The start of a sentence as a title to edit.
fn title_of(sentence: &str) -> String {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let mut t = words
        .iter()
        .take(TITLE_WORDS)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if words.len() > TITLE_WORDS {
        t.push('…');
    }
    t
}

/// A cheap guess at an actor's role from the event type, the actor's kind and, for «استقبل»,
/// whether it is named before the verb (the host) or after it (the visitor).
fn guess_role(cue: &EventCue, kind: ActorKind, before_cue: bool) -> Role {
    use ActorKind as A;
    if kind == A::MediaOutlet {
        // An outlet named in a sentence reports the event (a photo credit, a quote).
        return Role::Mentioned;
    }
    match cue.kind {
        EventKind::Arrest | EventKind::CellDismantled | EventKind::AttackFoiled => match kind {
            A::SecurityService | A::PoliceJudicial | A::Military => Role::ArrestingBody,
            A::ArmedGroup | A::Person => Role::Suspect,
            _ => Role::Participant,
        },
        EventKind::OfficialVisit if cue.hosts => {
            if before_cue {
                Role::Host
            } else {
                Role::Visitor
            }
        }
        EventKind::AgreementSigned => match kind {
            A::State | A::GovernmentBody | A::SecurityService | A::Military | A::PoliceJudicial => {
                Role::Signatory
            }
            _ => Role::Mentioned,
        },
        EventKind::JointExercise | EventKind::IntelligenceSharing => Role::Partner,
        EventKind::Attack => match kind {
            A::ArmedGroup => Role::Organiser,
            _ => Role::Target,
        },
        _ => Role::Participant,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::dates::find_dates;

    #[test]
    fn a_dated_sentence_with_a_verb_becomes_an_event() {
        let mut dgst = Actor::new(ActorKind::SecurityService);
        dgst.name_ar = Some("المديرية العامة لمراقبة التراب الوطني".into());
        let mut isis = Actor::new(ActorKind::ArmedGroup);
        isis.name_ar = Some("داعش".into());
        let text = "مقدمة بلا تاريخ. وفي 26 مارس 2022، اعتقلت المديرية العامة لمراقبة التراب الوطني \
                    خلية موالية لداعش. وفي 2021 تحدث الناس.";
        let dates: Vec<DateProposal> = find_dates(text, None)
            .into_iter()
            .enumerate()
            .map(|(i, m)| DateProposal {
                id: i as u32 + 1,
                accepted_by_default: !m.ambiguous,
                mention: m,
            })
            .collect();
        let actors = actor_proposals(text, &[dgst, isis]);
        assert_eq!(actors.len(), 2);
        let events = event_proposals(text, &dates, &actors);
        assert_eq!(events.len(), 1);
        let e = &events[0];
        assert_eq!(e.kind, EventKind::Arrest);
        assert_eq!(
            e.start.map(|d| d.to_string()).as_deref(),
            Some("2022-03-26")
        );
        assert_eq!(
            e.actors,
            [
                EventActor {
                    actor: 1,
                    role: Role::ArrestingBody
                },
                EventActor {
                    actor: 2,
                    role: Role::Suspect
                },
            ]
        );
        let slice: String = text
            .chars()
            .skip(e.excerpt_start)
            .take(e.excerpt_end - e.excerpt_start)
            .collect();
        assert_eq!(slice, e.excerpt);
        assert!(e.excerpt.starts_with("وفي 26 مارس") && e.excerpt.ends_with("لداعش."));
        assert!(e.accepted_by_default);
    }
}
