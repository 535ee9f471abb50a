-- The back office (issue 12): organisations, access points, accounts and their sessions, and
-- what the partners record on applications. Organisations and access points are seeded from the
-- specification's lists at every start (`back_office::seed`, never overwriting an administrator's
-- change); demo accounts only when IPL_DEMO is not 0.

CREATE TABLE organisations (
    -- `segreteria`, `citta_metropolitana`, `suap:imola`, `rete:navile` ... (workflows.toml).
    id             TEXT    PRIMARY KEY NOT NULL,
    name           TEXT    NOT NULL,
    -- Takes part in joint analyses: sees only what is shared with it, adds notes.
    joint_analysis INTEGER NOT NULL DEFAULT 0,
    active         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE access_points (
    id      TEXT    PRIMARY KEY NOT NULL,
    name    TEXT    NOT NULL,
    comune  TEXT    NOT NULL,
    address TEXT    NOT NULL,
    active  INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE accounts (
    id              TEXT    PRIMARY KEY NOT NULL,
    -- Lower case; the login name.
    email           TEXT    NOT NULL UNIQUE,
    name            TEXT    NOT NULL,
    role            TEXT    NOT NULL CHECK (role IN ('administrator', 'secretariat', 'operator', 'reviewer')),
    organisation_id TEXT    REFERENCES organisations (id),
    access_point_id TEXT    REFERENCES access_points (id),
    -- PHC string (argon2id); never leaves the server.
    password_hash   TEXT    NOT NULL,
    -- Base32 TOTP secret once enrolled (RFC 6238).
    totp_secret     TEXT,
    disabled        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL,
    demo            INTEGER NOT NULL DEFAULT 0,
    -- One role and at most one organisation: a reviewer belongs to an organisation, an operator
    -- to an access point, the secretariat to the secretariat, an administrator to neither.
    CHECK (role <> 'reviewer' OR organisation_id IS NOT NULL),
    CHECK (role = 'reviewer' OR role = 'secretariat' OR organisation_id IS NULL),
    CHECK ((role = 'operator') = (access_point_id IS NOT NULL))
);

-- Server-side sessions: the cookie holds a random token, the table only its SHA-256, so that a
-- copy of the database opens no session. Ending an account's sessions is one DELETE.
CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY NOT NULL,
    account_id   TEXT NOT NULL REFERENCES accounts (id),
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

-- Failed logins, counted per login name (`account:<email>`, whether or not such an account
-- exists, so that a lockout says nothing about existence) and per client (`client:<address>`).
CREATE TABLE login_failures (
    key          TEXT NOT NULL,
    occurred_at  TEXT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (key, occurred_at);

-- What the queue filters and searches on, taken from the submission when it is stored:
-- distretto and Quartiere, the surname folded for prefix search, the codice fiscale.
ALTER TABLE applications ADD COLUMN district TEXT;
ALTER TABLE applications ADD COLUMN quartiere TEXT;
ALTER TABLE applications ADD COLUMN surname_key TEXT;
ALTER TABLE applications ADD COLUMN tax_code TEXT;
-- The person's or organisation's name as the queue lists it.
ALTER TABLE applications ADD COLUMN display_name TEXT;
ALTER TABLE applications ADD COLUMN keys_filled INTEGER NOT NULL DEFAULT 0;
-- Channel 2: the first contact is due by this date (workflows.toml `deadline`); cleared once met.
ALTER TABLE applications ADD COLUMN due_on TEXT;
-- Who holds the application now (one person at a time).
ALTER TABLE applications ADD COLUMN assignee TEXT REFERENCES accounts (id);
-- The official assessment recorded at the first interview (channel 2).
ALTER TABLE applications ADD COLUMN official_assessment TEXT;
ALTER TABLE applications ADD COLUMN official_total INTEGER;
ALTER TABLE applications ADD COLUMN official_instrument_version TEXT;

-- The queue's default order: the earliest deadline first (none last), then the oldest.
CREATE INDEX applications_queue_order ON applications (COALESCE(due_on, '9999-12-31'), submitted_at, id);
CREATE INDEX applications_submitted ON applications (submitted_at, id);
CREATE INDEX applications_tax_code ON applications (tax_code);
CREATE INDEX applications_surname ON applications (surname_key);
CREATE INDEX applications_assignee ON applications (assignee);

-- Organisations an application is shared with for a joint analysis.
CREATE TABLE application_shares (
    application_id  TEXT NOT NULL REFERENCES applications (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    shared_by       TEXT NOT NULL,
    shared_at       TEXT NOT NULL,
    PRIMARY KEY (application_id, organisation_id)
);
CREATE INDEX application_shares_organisation ON application_shares (organisation_id);

-- Interviews: scheduled, then held or missed; a reschedule closes the earlier row.
CREATE TABLE interviews (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id  TEXT NOT NULL REFERENCES applications (id),
    round           TEXT NOT NULL CHECK (round IN ('first', 'second', 'call')),
    -- Local time in Bologna, `YYYY-MM-DDTHH:MM`.
    starts_at       TEXT NOT NULL,
    access_point_id TEXT NOT NULL REFERENCES access_points (id),
    operator_id     TEXT REFERENCES accounts (id),
    outcome         TEXT NOT NULL DEFAULT 'scheduled' CHECK (outcome IN ('scheduled', 'held', 'did_not_come', 'rescheduled')),
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX interviews_application ON interviews (application_id);
CREATE INDEX interviews_access_point ON interviews (access_point_id, application_id);

-- Internal notes: never shown to the person.
CREATE TABLE application_notes (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id TEXT NOT NULL REFERENCES applications (id),
    author         TEXT NOT NULL,
    written_at     TEXT NOT NULL,
    body           TEXT NOT NULL
);
CREATE INDEX application_notes_application ON application_notes (application_id);

-- Every change an account makes to an application, written in the same transaction as the
-- change: action, state before and after, and the values before and after as JSON.
CREATE TABLE application_actions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id TEXT NOT NULL REFERENCES applications (id),
    occurred_at    TEXT NOT NULL,
    actor          TEXT NOT NULL,
    action         TEXT NOT NULL,
    from_state     TEXT NOT NULL,
    to_state       TEXT NOT NULL,
    details        TEXT
);
CREATE INDEX application_actions_application ON application_actions (application_id, id);

-- The logs are append-only: the database itself refuses to change or remove a row.
CREATE TRIGGER application_actions_no_update BEFORE UPDATE ON application_actions
BEGIN SELECT RAISE(ABORT, 'application_actions is append-only'); END;
CREATE TRIGGER application_actions_no_delete BEFORE DELETE ON application_actions
BEGIN SELECT RAISE(ABORT, 'application_actions is append-only'); END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE INDEX audit_log_actor ON audit_log (actor, occurred_at);
CREATE INDEX audit_log_time ON audit_log (occurred_at);
