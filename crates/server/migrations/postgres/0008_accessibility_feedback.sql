-- PostgreSQL twin of sqlite/0008: accessibility reports (see there).
CREATE TABLE accessibility_feedback (
    id TEXT PRIMARY KEY,
    received_at TEXT NOT NULL,
    language TEXT NOT NULL,
    message TEXT NOT NULL,
    page TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL
);
CREATE INDEX accessibility_feedback_by_time ON accessibility_feedback (received_at);
