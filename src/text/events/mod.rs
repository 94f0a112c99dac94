//! What an event candidate is made of in a text: its sentence and the verb that says what
//! happened. Assembling candidates (dates, actors, roles) is the capture importer's job.

mod cues;
mod sentences;

pub use cues::{EventCue, event_cues};
pub use sentences::{Sentence, sentences};
