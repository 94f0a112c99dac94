-- Marsad store schema, version 1.
PRAGMA application_id = 1297240900; -- "MRSD": tells a Marsad store from other SQLite files
-- Records are keyed by a 16-byte UUIDv7 `id`; `n` is SQLite's rowid, used only inside the store
-- (the search index addresses records by it).

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE actor (
    n           INTEGER PRIMARY KEY,
    id          BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    kind        TEXT NOT NULL,
    name_ar     TEXT,
    name_en     TEXT,
    name_fr     TEXT,
    acronym     TEXT,
    aliases     TEXT NOT NULL DEFAULT '[]',
    country     TEXT,
    parent_id   BLOB REFERENCES actor (id) ON DELETE SET NULL,
    description TEXT,
    active_from TEXT,
    active_to   TEXT,
    sort_ar     TEXT NOT NULL DEFAULT '',
    sort_en     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX actor_kind ON actor (kind);
CREATE INDEX actor_parent ON actor (parent_id);
CREATE INDEX actor_sort_ar ON actor (sort_ar);
CREATE INDEX actor_sort_en ON actor (sort_en);

-- Every name, acronym and alias of an actor, normalised, for type-ahead and duplicate detection.
CREATE TABLE actor_name (
    actor_n INTEGER NOT NULL REFERENCES actor (n) ON DELETE CASCADE,
    norm    TEXT NOT NULL,
    PRIMARY KEY (norm, actor_n)
) STRICT, WITHOUT ROWID;
CREATE INDEX actor_name_actor ON actor_name (actor_n);

CREATE TABLE source (
    n             INTEGER PRIMARY KEY,
    id            BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    kind          TEXT NOT NULL,
    title         TEXT NOT NULL,
    outlet        TEXT,
    authors       TEXT NOT NULL DEFAULT '[]',
    language      TEXT,
    published     TEXT,
    published_key INTEGER,
    url           TEXT,
    accessed      TEXT,
    reliability   TEXT NOT NULL,
    notes         TEXT,
    full_text     TEXT
) STRICT;
CREATE INDEX source_published ON source (published_key);
CREATE INDEX source_reliability ON source (reliability);
CREATE INDEX source_url ON source (url);

CREATE TABLE excerpt (
    n           INTEGER PRIMARY KEY,
    id          BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    source_id   BLOB NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    start_pos   INTEGER,
    end_pos     INTEGER,
    credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
    translation TEXT
) STRICT;
CREATE INDEX excerpt_source ON excerpt (source_id, start_pos);

CREATE TABLE event (
    n               INTEGER PRIMARY KEY,
    id              BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    title_ar        TEXT,
    title_en        TEXT,
    description     TEXT,
    start_date      TEXT,
    start_key       INTEGER,
    end_date        TEXT,
    end_key         INTEGER,
    date_as_written TEXT,
    place           TEXT,
    country         TEXT,
    latitude        REAL,
    longitude       REAL,
    kind            TEXT NOT NULL,
    tags            TEXT NOT NULL DEFAULT '[]',
    sort_ar         TEXT NOT NULL DEFAULT '',
    sort_en         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX event_start ON event (start_key, n);
CREATE INDEX event_kind_start ON event (kind, start_key);
CREATE INDEX event_sort_ar ON event (sort_ar);
CREATE INDEX event_sort_en ON event (sort_en);
CREATE INDEX event_place ON event (place);

CREATE TABLE event_tag (
    event_n INTEGER NOT NULL REFERENCES event (n) ON DELETE CASCADE,
    tag     TEXT NOT NULL,
    PRIMARY KEY (tag, event_n)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_tag_event ON event_tag (event_n);

CREATE TABLE participation (
    n        INTEGER PRIMARY KEY,
    id       BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    event_id BLOB NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    actor_id BLOB NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    role     TEXT NOT NULL,
    UNIQUE (event_id, actor_id, role)
) STRICT;
CREATE INDEX participation_actor ON participation (actor_id, event_id);

CREATE TABLE relation (
    n          INTEGER PRIMARY KEY,
    id         BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    from_id    BLOB NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    to_id      BLOB NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    start_date TEXT,
    end_date   TEXT,
    note       TEXT,
    CHECK (from_id <> to_id)
) STRICT;
CREATE INDEX relation_from ON relation (from_id);
CREATE INDEX relation_to ON relation (to_id);

CREATE TABLE evidence (
    n                INTEGER PRIMARY KEY,
    id               BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    excerpt_id       BLOB NOT NULL REFERENCES excerpt (id) ON DELETE CASCADE,
    event_id         BLOB REFERENCES event (id) ON DELETE CASCADE,
    participation_id BLOB REFERENCES participation (id) ON DELETE CASCADE,
    relation_id      BLOB REFERENCES relation (id) ON DELETE CASCADE,
    CHECK ((event_id IS NOT NULL) + (participation_id IS NOT NULL) + (relation_id IS NOT NULL) = 1)
) STRICT;
CREATE INDEX evidence_excerpt ON evidence (excerpt_id);
CREATE INDEX evidence_event ON evidence (event_id);
CREATE INDEX evidence_participation ON evidence (participation_id);
CREATE INDEX evidence_relation ON evidence (relation_id);

-- Deleted records, kept whole (with the links that went with them) until the trash is emptied.
CREATE TABLE trash (
    n          INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    record_id  BLOB NOT NULL,
    label      TEXT NOT NULL,
    deleted_at TEXT NOT NULL,
    payload    TEXT NOT NULL
) STRICT;

-- Full-text index over an Arabic-normalised shadow of every record's text. Contentless: the text
-- itself stays in the tables above. rowid = record n * 8 + kind tag (see store::search).
CREATE VIRTUAL TABLE search_fts USING fts5 (
    body,
    stems,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
