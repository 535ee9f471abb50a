-- PostgreSQL twin of sqlite/0009: narrow indexes for the queue's counts (see there).
CREATE INDEX applications_count_state ON applications (state, due_on, channel, owner_partner, district, quartiere, assignee);
CREATE INDEX applications_count_channel ON applications (channel, state, due_on, owner_partner, district, quartiere, assignee);
CREATE INDEX applications_count_owner ON applications (owner_partner, state, due_on, channel, district, quartiere, assignee);
