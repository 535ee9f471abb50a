-- PostgreSQL twin of sqlite/0002: applications (spec §4) and their public history (spec §5).
CREATE TABLE applications (
    id                 TEXT    PRIMARY KEY NOT NULL,
    reference          TEXT    NOT NULL UNIQUE,
    year               BIGINT  NOT NULL,
    seq                BIGINT  NOT NULL,
    channel            TEXT    NOT NULL CHECK (channel IN ('community', 'fragility', 'youth', 'enterprise')),
    state              TEXT    NOT NULL,
    owner_partner      TEXT    NOT NULL,
    area               TEXT,
    language           TEXT    NOT NULL,
    content_hash       TEXT    NOT NULL,
    submission         TEXT    NOT NULL,
    assessment         TEXT,
    instrument_version TEXT,
    consent_privacy    BOOLEAN NOT NULL CHECK (consent_privacy),
    consent_sensitive  BOOLEAN NOT NULL,
    consent_contact    BOOLEAN NOT NULL,
    issues             TEXT,
    submitted_at       TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    UNIQUE (year, seq)
);

CREATE INDEX applications_queue ON applications (owner_partner, state, submitted_at);
CREATE INDEX applications_channel_state ON applications (channel, state);

CREATE TABLE application_events (
    id             BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id TEXT    NOT NULL REFERENCES applications (id),
    occurred_at    TEXT    NOT NULL,
    state          TEXT    NOT NULL,
    public         BOOLEAN NOT NULL DEFAULT TRUE,
    actor          TEXT    NOT NULL,
    note           TEXT
);

CREATE INDEX application_events_application ON application_events (application_id, id);

CREATE TABLE calls (
    id          TEXT    PRIMARY KEY NOT NULL,
    title       TEXT    NOT NULL,
    min_age     BIGINT  NOT NULL,
    max_age     BIGINT  NOT NULL,
    target      TEXT    NOT NULL CHECK (target IN ('school_leavers', 'disadvantaged_young_adults', 'young_people', 'organisations')),
    opens_on    TEXT    NOT NULL,
    closes_on   TEXT    NOT NULL,
    description TEXT    NOT NULL,
    demo        BOOLEAN NOT NULL DEFAULT FALSE
);
