-- PostgreSQL twin of sqlite/0005: the back office (issue 12).
CREATE TABLE organisations (
    id             TEXT    PRIMARY KEY NOT NULL,
    name           TEXT    NOT NULL,
    joint_analysis BOOLEAN NOT NULL DEFAULT FALSE,
    active         BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE access_points (
    id      TEXT    PRIMARY KEY NOT NULL,
    name    TEXT    NOT NULL,
    comune  TEXT    NOT NULL,
    address TEXT    NOT NULL,
    active  BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE accounts (
    id              TEXT    PRIMARY KEY NOT NULL,
    email           TEXT    NOT NULL UNIQUE,
    name            TEXT    NOT NULL,
    role            TEXT    NOT NULL CHECK (role IN ('administrator', 'secretariat', 'operator', 'reviewer')),
    organisation_id TEXT    REFERENCES organisations (id),
    access_point_id TEXT    REFERENCES access_points (id),
    password_hash   TEXT    NOT NULL,
    totp_secret     TEXT,
    disabled        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      TEXT    NOT NULL,
    demo            BOOLEAN NOT NULL DEFAULT FALSE,
    CHECK (role <> 'reviewer' OR organisation_id IS NOT NULL),
    CHECK (role = 'reviewer' OR role = 'secretariat' OR organisation_id IS NULL),
    CHECK ((role = 'operator') = (access_point_id IS NOT NULL))
);

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY NOT NULL,
    account_id   TEXT NOT NULL REFERENCES accounts (id),
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE login_failures (
    key          TEXT NOT NULL,
    occurred_at  TEXT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (key, occurred_at);

ALTER TABLE applications ADD COLUMN district TEXT;
ALTER TABLE applications ADD COLUMN quartiere TEXT;
ALTER TABLE applications ADD COLUMN surname_key TEXT;
ALTER TABLE applications ADD COLUMN tax_code TEXT;
ALTER TABLE applications ADD COLUMN display_name TEXT;
ALTER TABLE applications ADD COLUMN keys_filled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE applications ADD COLUMN due_on TEXT;
ALTER TABLE applications ADD COLUMN assignee TEXT REFERENCES accounts (id);
ALTER TABLE applications ADD COLUMN official_assessment TEXT;
ALTER TABLE applications ADD COLUMN official_total BIGINT;
ALTER TABLE applications ADD COLUMN official_instrument_version TEXT;

CREATE INDEX applications_queue_order ON applications (COALESCE(due_on, '9999-12-31'), submitted_at, id);
CREATE INDEX applications_submitted ON applications (submitted_at, id);
CREATE INDEX applications_tax_code ON applications (tax_code);
CREATE INDEX applications_surname ON applications (surname_key);
CREATE INDEX applications_assignee ON applications (assignee);

CREATE TABLE application_shares (
    application_id  TEXT NOT NULL REFERENCES applications (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    shared_by       TEXT NOT NULL,
    shared_at       TEXT NOT NULL,
    PRIMARY KEY (application_id, organisation_id)
);
CREATE INDEX application_shares_organisation ON application_shares (organisation_id);

CREATE TABLE interviews (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id  TEXT NOT NULL REFERENCES applications (id),
    round           TEXT NOT NULL CHECK (round IN ('first', 'second', 'call')),
    starts_at       TEXT NOT NULL,
    access_point_id TEXT NOT NULL REFERENCES access_points (id),
    operator_id     TEXT REFERENCES accounts (id),
    outcome         TEXT NOT NULL DEFAULT 'scheduled' CHECK (outcome IN ('scheduled', 'held', 'did_not_come', 'rescheduled')),
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX interviews_application ON interviews (application_id);
CREATE INDEX interviews_access_point ON interviews (access_point_id, application_id);

CREATE TABLE application_notes (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id),
    author         TEXT NOT NULL,
    written_at     TEXT NOT NULL,
    body           TEXT NOT NULL
);
CREATE INDEX application_notes_application ON application_notes (application_id);

CREATE TABLE application_actions (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id),
    occurred_at    TEXT NOT NULL,
    actor          TEXT NOT NULL,
    action         TEXT NOT NULL,
    from_state     TEXT NOT NULL,
    to_state       TEXT NOT NULL,
    details        TEXT
);
CREATE INDEX application_actions_application ON application_actions (application_id, id);

-- The logs are append-only: the database itself refuses to change or remove a row, row by row
-- and (PostgreSQL only has it) by TRUNCATE.
CREATE FUNCTION refuse_change_of_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER application_actions_no_update BEFORE UPDATE ON application_actions
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_log();
CREATE TRIGGER application_actions_no_delete BEFORE DELETE ON application_actions
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_log();
CREATE TRIGGER application_actions_no_truncate BEFORE TRUNCATE ON application_actions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_log();
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_log();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_log();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_log();
CREATE INDEX audit_log_actor ON audit_log (actor, occurred_at);
CREATE INDEX audit_log_time ON audit_log (occurred_at);
