-- Applications (spec §4) and their public history (spec §5).
CREATE TABLE applications (
    -- The UUID the browser made when the draft started: the idempotency key.
    id                 TEXT    PRIMARY KEY NOT NULL,
    -- IPL-<year>-<seq, six digits>: the number a person quotes. It carries no personal data.
    reference          TEXT    NOT NULL UNIQUE,
    year               INTEGER NOT NULL,
    seq                INTEGER NOT NULL,
    channel            TEXT    NOT NULL CHECK (channel IN ('community', 'fragility', 'youth', 'enterprise')),
    state              TEXT    NOT NULL,
    -- The partner the application is routed to, and (community) the Quartiere or distretto.
    owner_partner      TEXT    NOT NULL,
    area               TEXT,
    language           TEXT    NOT NULL,
    -- SHA-256 of the submission as received: a repeated id with other content is a conflict.
    content_hash       TEXT    NOT NULL,
    -- The checked, normalised submission (personal data) and the engine's output on it.
    submission         TEXT    NOT NULL,
    assessment         TEXT,
    instrument_version TEXT,
    consent_privacy    INTEGER NOT NULL CHECK (consent_privacy = 1),
    consent_sensitive  INTEGER NOT NULL,
    consent_contact    INTEGER NOT NULL,
    -- When the state is has_issues: JSON [{"field": "...", "note": "..."}] shown to the person.
    issues             TEXT,
    submitted_at       TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    UNIQUE (year, seq)
);

CREATE INDEX applications_queue ON applications (owner_partner, state, submitted_at);
CREATE INDEX applications_channel_state ON applications (channel, state);

-- Every change of state. `public = 1` rows are shown to the person; notes never are.
CREATE TABLE application_events (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id TEXT    NOT NULL REFERENCES applications (id),
    occurred_at    TEXT    NOT NULL,
    state          TEXT    NOT NULL,
    public         INTEGER NOT NULL DEFAULT 1,
    actor          TEXT    NOT NULL,
    note           TEXT
);

CREATE INDEX application_events_application ON application_events (application_id, id);

-- Calls (avvisi pubblici) of channel 3. Managing them comes with the back office; one demo
-- call is seeded so that the youth application can be tried.
CREATE TABLE calls (
    id          TEXT    PRIMARY KEY NOT NULL,
    title       TEXT    NOT NULL,
    min_age     INTEGER NOT NULL,
    max_age     INTEGER NOT NULL,
    target      TEXT    NOT NULL CHECK (target IN ('school_leavers', 'disadvantaged_young_adults', 'young_people', 'organisations')),
    opens_on    TEXT    NOT NULL,
    closes_on   TEXT    NOT NULL,
    description TEXT    NOT NULL,
    demo        INTEGER NOT NULL DEFAULT 0
);

INSERT INTO calls (id, title, min_age, max_age, target, opens_on, closes_on, description, demo) VALUES (
    'demo-2026-giovani',
    'Avviso dimostrativo 2026: percorsi per giovani tra scuola e lavoro',
    16, 35, 'young_people', '2026-01-01', '2027-12-31',
    'Avviso di prova per provare la domanda del canale 3 (PON Metro, azione 3.3.1.b). Non è un avviso reale.',
    1
);
