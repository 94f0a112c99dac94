//! The table-paging benchmark: sorted, filtered pages of 100 events deep into a large store.

use super::timed;
use crate::model::{EventKind, PartialDate};
use crate::store::{EventFilter, EventQuery, EventSort, Result, Store};
use std::time::Duration;

/// Rows per page.
pub const PAGE: usize = 100;

/// The filters measured: none, and a date range with a third of the event types.
pub fn filters() -> Vec<(&'static str, EventFilter)> {
    let kinds = EventKind::ALL.iter().step_by(3).copied().collect();
    vec![
        ("all events, by date", EventFilter::default()),
        (
            "2000–2026, 5 of 15 types, by date",
            EventFilter {
                from: PartialDate::year(2000).ok(),
                kinds,
                ..Default::default()
            },
        ),
    ]
}

/// The offsets measured for a result of `total` rows: first, middle and last page.
pub fn offsets(total: u64) -> [usize; 3] {
    let total = total as usize;
    [0, total / 2, total.saturating_sub(PAGE)]
}

/// One page of the events table at `offset`, as the events view asks for it.
pub fn query(filter: &EventFilter, offset: usize, sort: EventSort) -> EventQuery {
    EventQuery {
        filter: filter.clone(),
        sort,
        descending: false,
        english: false,
        offset,
        limit: PAGE,
    }
}

/// Fetches a page; returns the time and the number of rows.
pub fn fetch(store: &Store, q: &EventQuery) -> Result<(Duration, usize)> {
    let (t, rows) = timed(|| store.events_page(q));
    Ok((t, rows?.len()))
}

/// The reference: the same page straight from SQLite's index on the date, no joins.
pub fn fetch_raw(store: &Store, offset: usize) -> Result<(Duration, usize)> {
    let (t, rows) = timed(|| store.reference_events_page(offset, PAGE));
    Ok((t, rows?))
}

/// The row numbers of the whole query in order, as the events view reads them once per filter
/// and sort; returns the time and the numbers.
pub fn order(store: &Store, q: &EventQuery) -> Result<(Duration, Vec<i64>)> {
    let (t, numbers) = timed(|| store.event_numbers(q));
    Ok((t, numbers?))
}

/// The page at `offset` from the row numbers of [`order`], as the events view fetches it;
/// returns the time and the number of rows.
pub fn fetch_from_order(
    store: &Store,
    numbers: &[i64],
    offset: usize,
) -> Result<(Duration, usize)> {
    let from = offset.min(numbers.len());
    let to = (from + PAGE).min(numbers.len());
    let (t, rows) = timed(|| store.events_by_numbers(&numbers[from..to], false));
    Ok((t, rows?.len()))
}
