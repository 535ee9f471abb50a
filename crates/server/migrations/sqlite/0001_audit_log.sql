-- The audit log comes first because every later feature writes to it: who saw or changed what,
-- and when. Rows are only ever inserted; nothing updates or deletes them.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    -- When it happened, as UTC ISO 8601 text, so that the log reads the same in SQLite and Postgres.
    occurred_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- Who acted: an account id, or 'system' / 'anonymous'.
    actor       TEXT    NOT NULL,
    -- What they did, as a stable verb: 'view', 'create', 'update', 'export', 'server_started'.
    action      TEXT    NOT NULL,
    -- What it was done to: a kind ('application', 'account') and that record's id.
    subject     TEXT    NOT NULL,
    subject_id  TEXT,
    -- Optional details as JSON; never the personal data itself.
    details     TEXT
);

CREATE INDEX audit_log_subject ON audit_log (subject, subject_id);
