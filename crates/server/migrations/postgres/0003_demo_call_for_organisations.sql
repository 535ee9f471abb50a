-- PostgreSQL twin of sqlite/0003. The demo calls that sqlite/0002 and 0003 inserted were
-- removed again by sqlite/0004 (demo data is made at each start by `demo::seed`): a
-- PostgreSQL database starts without them, so there is nothing to insert here.
SELECT 1;
