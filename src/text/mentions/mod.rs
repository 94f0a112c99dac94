//! Actor recognition: known actors found by any name, acronym or alias (attached clitics and
//! spelling variants tolerated, longest name first), and unknown acronyms and organisation
//! names offered as new actors. Pure functions over text.

mod forms;
mod index;
mod proposals;

pub use index::{ActorIndex, ActorMention};
pub use proposals::{NewActorCandidate, new_actor_candidates};

pub(crate) use forms::{clitic_forms, words};
pub(crate) use index::name_key;
