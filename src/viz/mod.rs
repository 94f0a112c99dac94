//! Pure logic of the timeline and network views: time axis, date spans, label placement,
//! level-of-detail binning, and the force-directed layout with its background runner.
//!
//! Nothing here draws or queries the store; the views in `ui::timeline` and `ui::network`
//! feed it rows and paint what it returns.

pub mod force;
pub mod lane_index;
pub mod lod;
pub mod overlap;
pub mod png;
pub mod quadtree;
pub mod runner;
pub mod scene;
pub mod span;
pub mod svg;
pub mod ticks;
pub mod time;
