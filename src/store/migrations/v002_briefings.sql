-- Marsad store schema, version 2: saved briefings.
-- The briefing itself is kept as JSON (`body`), so its sections and scope can grow without a
-- migration; `title` and `updated` are columns so the list of briefings needs no parsing.

CREATE TABLE briefing (
    n       INTEGER PRIMARY KEY,
    id      BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    title   TEXT NOT NULL,
    updated TEXT NOT NULL,
    body    TEXT NOT NULL CHECK (json_valid(body))
) STRICT;
CREATE INDEX briefing_updated ON briefing (updated);
