-- Marsad store schema, version 4: each event carries the number of sources behind it and their
-- best reliability grade, kept up to date by triggers.
--
-- The events table shows both for every row and can sort by them. Computing them per row (two
-- correlated subqueries over evidence, participations, excerpts and sources) cost ~75 µs an
-- event, most of a page's time on a large store, and sorting by them computed them for every
-- event. Triggers, unlike the writers in Rust, also see cascaded deletes (a source taking its
-- excerpts and their evidence with it) and every future writer, so the columns cannot drift.
--
-- An event's excerpts are those cited for it directly and those cited for one of its
-- participations (as `EVENT_EXCERPTS` in src/store/events.rs). The recomputation is
-- written out in each trigger: through a view, SQLite scanned all evidence for each event.

ALTER TABLE event ADD COLUMN source_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event ADD COLUMN best_grade TEXT;

UPDATE event SET (source_count, best_grade) = (
    SELECT count(DISTINCT x.source_id), min(s.reliability)
    FROM excerpt x JOIN source s ON s.id = x.source_id
    WHERE x.id IN (
        SELECT excerpt_id FROM evidence WHERE event_id = event.id
        UNION ALL
        SELECT v.excerpt_id FROM evidence v JOIN participation p ON p.id = v.participation_id
        WHERE p.event_id = event.id));

CREATE TRIGGER evidence_summary_insert AFTER INSERT ON evidence
WHEN NEW.event_id IS NOT NULL OR NEW.participation_id IS NOT NULL
BEGIN
    UPDATE event SET (source_count, best_grade) = (
        SELECT count(DISTINCT x.source_id), min(s.reliability)
        FROM excerpt x JOIN source s ON s.id = x.source_id
        WHERE x.id IN (
            SELECT excerpt_id FROM evidence WHERE event_id = event.id
            UNION ALL
            SELECT v.excerpt_id FROM evidence v JOIN participation p ON p.id = v.participation_id
            WHERE p.event_id = event.id))
    WHERE id = NEW.event_id
       OR id = (SELECT event_id FROM participation WHERE id = NEW.participation_id);
END;

CREATE TRIGGER evidence_summary_delete AFTER DELETE ON evidence
WHEN OLD.event_id IS NOT NULL OR OLD.participation_id IS NOT NULL
BEGIN
    UPDATE event SET (source_count, best_grade) = (
        SELECT count(DISTINCT x.source_id), min(s.reliability)
        FROM excerpt x JOIN source s ON s.id = x.source_id
        WHERE x.id IN (
            SELECT excerpt_id FROM evidence WHERE event_id = event.id
            UNION ALL
            SELECT v.excerpt_id FROM evidence v JOIN participation p ON p.id = v.participation_id
            WHERE p.event_id = event.id))
    WHERE id = OLD.event_id
       OR id = (SELECT event_id FROM participation WHERE id = OLD.participation_id);
END;

CREATE TRIGGER evidence_summary_update AFTER UPDATE OF excerpt_id, event_id, participation_id ON evidence
WHEN OLD.excerpt_id IS NOT NEW.excerpt_id OR OLD.event_id IS NOT NEW.event_id
     OR OLD.participation_id IS NOT NEW.participation_id
BEGIN
    UPDATE event SET (source_count, best_grade) = (
        SELECT count(DISTINCT x.source_id), min(s.reliability)
        FROM excerpt x JOIN source s ON s.id = x.source_id
        WHERE x.id IN (
            SELECT excerpt_id FROM evidence WHERE event_id = event.id
            UNION ALL
            SELECT v.excerpt_id FROM evidence v JOIN participation p ON p.id = v.participation_id
            WHERE p.event_id = event.id))
    WHERE id IN (OLD.event_id, NEW.event_id)
       OR id IN (SELECT event_id FROM participation WHERE id IN (OLD.participation_id, NEW.participation_id));
END;

-- A participation leaving an event (deleted, or moved by a merge) takes its evidence along.
CREATE TRIGGER participation_summary_delete AFTER DELETE ON participation
BEGIN
    UPDATE event SET (source_count, best_grade) = (
        SELECT count(DISTINCT x.source_id), min(s.reliability)
        FROM excerpt x JOIN source s ON s.id = x.source_id
        WHERE x.id IN (
            SELECT excerpt_id FROM evidence WHERE event_id = event.id
            UNION ALL
            SELECT v.excerpt_id FROM evidence v JOIN participation p ON p.id = v.participation_id
            WHERE p.event_id = event.id))
    WHERE id = OLD.event_id;
END;

CREATE TRIGGER participation_summary_update AFTER UPDATE OF event_id ON participation
WHEN OLD.event_id IS NOT NEW.event_id
BEGIN
    UPDATE event SET (source_count, best_grade) = (
        SELECT count(DISTINCT x.source_id), min(s.reliability)
        FROM excerpt x JOIN source s ON s.id = x.source_id
        WHERE x.id IN (
            SELECT excerpt_id FROM evidence WHERE event_id = event.id
            UNION ALL
            SELECT v.excerpt_id FROM evidence v JOIN participation p ON p.id = v.participation_id
            WHERE p.event_id = event.id))
    WHERE id IN (OLD.event_id, NEW.event_id);
END;

-- An excerpt moved to another source.
CREATE TRIGGER excerpt_summary_update AFTER UPDATE OF source_id ON excerpt
WHEN OLD.source_id IS NOT NEW.source_id
BEGIN
    UPDATE event SET (source_count, best_grade) = (
        SELECT count(DISTINCT x.source_id), min(s.reliability)
        FROM excerpt x JOIN source s ON s.id = x.source_id
        WHERE x.id IN (
            SELECT excerpt_id FROM evidence WHERE event_id = event.id
            UNION ALL
            SELECT v.excerpt_id FROM evidence v JOIN participation p ON p.id = v.participation_id
            WHERE p.event_id = event.id))
    WHERE id IN (
        SELECT event_id FROM evidence WHERE excerpt_id = NEW.id
        UNION ALL
        SELECT p.event_id FROM evidence v JOIN participation p ON p.id = v.participation_id
        WHERE v.excerpt_id = NEW.id);
END;

-- A source regraded.
CREATE TRIGGER source_summary_update AFTER UPDATE OF reliability ON source
WHEN OLD.reliability IS NOT NEW.reliability
BEGIN
    UPDATE event SET (source_count, best_grade) = (
        SELECT count(DISTINCT x.source_id), min(s.reliability)
        FROM excerpt x JOIN source s ON s.id = x.source_id
        WHERE x.id IN (
            SELECT excerpt_id FROM evidence WHERE event_id = event.id
            UNION ALL
            SELECT v.excerpt_id FROM evidence v JOIN participation p ON p.id = v.participation_id
            WHERE p.event_id = event.id))
    WHERE id IN (
        SELECT event_id FROM excerpt x JOIN evidence ON excerpt_id = x.id WHERE x.source_id = NEW.id
        UNION ALL
        SELECT p.event_id FROM excerpt x JOIN evidence v ON v.excerpt_id = x.id
        JOIN participation p ON p.id = v.participation_id WHERE x.source_id = NEW.id);
END;
