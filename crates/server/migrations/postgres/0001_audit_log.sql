-- PostgreSQL twin of sqlite/0001 (the same tables, columns, constraints and indexes; the test
-- `schema_parity` compares them as the services see them). Whole numbers are BIGINT (Rust i64),
-- flags BOOLEAN, times ISO 8601 text as in SQLite.
CREATE TABLE audit_log (
    id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TEXT    NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    subject_id  TEXT,
    details     TEXT
);

CREATE INDEX audit_log_subject ON audit_log (subject, subject_id);
