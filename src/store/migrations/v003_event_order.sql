-- Marsad store schema, version 3: the events table pages by date without sorting.
-- The table lists undated events after dated ones (`start_key IS NULL` first in the ORDER BY).
-- An index on exactly that expression gives SQLite the order ready-made, and carrying `kind`
-- and `end_key` lets the common filters (type, date range) be tested inside the index, so a
-- deep page skips its offset over index entries instead of sorting every event first.
CREATE INDEX event_date_order ON event (start_key IS NULL, start_key, n, kind, end_key);
