-- PostgreSQL twin of sqlite/0004: every change of an application raises `version` (see there).
ALTER TABLE applications ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
