-- PostgreSQL twin of sqlite/0007: the queue's covering indexes (see there; PostgreSQL uses
-- them for index-only scans once the table is vacuumed).
DROP INDEX IF EXISTS applications_channel_state;
CREATE INDEX applications_by_channel ON applications
    (channel, state, submitted_at, id, due_on, owner_partner, district, quartiere, assignee);
CREATE INDEX applications_by_state ON applications
    (state, submitted_at, id, due_on, channel, owner_partner, district, quartiere, assignee);
DROP INDEX IF EXISTS applications_surname;
CREATE INDEX applications_surname ON applications
    (surname_key, state, submitted_at, id, due_on, channel, owner_partner, district, quartiere, assignee);
-- Reviewers and the secretariat (routed to their organisation) and "mine" / "unassigned".
DROP INDEX IF EXISTS applications_queue;
CREATE INDEX applications_by_owner ON applications
    (owner_partner, state, submitted_at, id, due_on, channel, district, quartiere, assignee);
DROP INDEX IF EXISTS applications_assignee;
CREATE INDEX applications_assignee ON applications
    (assignee, state, submitted_at, id, due_on, channel, owner_partner, district, quartiere);
-- The pages in each order: the filter columns in the index let SQLite skip rows of other
-- organisations, states or areas without reading them (a reviewer's first page on 100,000).
DROP INDEX IF EXISTS applications_queue_order;
CREATE INDEX applications_queue_order ON applications
    (COALESCE(due_on, '9999-12-31'), submitted_at, id, owner_partner, channel, state, due_on, district, quartiere, assignee);
DROP INDEX IF EXISTS applications_submitted;
CREATE INDEX applications_submitted ON applications
    (submitted_at, id, owner_partner, channel, state, due_on, district, quartiere, assignee);
