-- The back-office queue on 100,000 applications within p95 20 ms (issue 12): an application row
-- carries its submission and its assessment (about 9 KB), so the counts per state must never read
-- the table. These indexes hold every column the queue filters and counts on, so that the
-- counts are index-only scans, and give the "channel + state, newest first" pages their order.
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
