-- Accessibility reports (issue 14): the feedback mechanism of the accessibility statement
-- (AgID). The message and, when the person gives them, where it happened and how to answer.
-- One row per report id made by the browser, so that a report sent twice is stored once; the
-- content hash tells a repeat from another report that reuses an id. Administrators read them;
-- every reading is in the audit log.
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
