-- Every change of an application raises `version`, so that a change made from what was read
-- (a person's correction, a partner's change of state) is written only if nobody changed the
-- row in between: `UPDATE ... WHERE id = ? AND version = ?` touches one row or none.
ALTER TABLE applications ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

-- The demo calls of channel 3 leave the schema: they are demo data, made by the demo seed at
-- each start (with dates relative to today, so they never expire) and never in production
-- (`IPL_DEMO=0`). Calls that applications point to stay, so those applications remain readable.
DELETE FROM calls WHERE demo = 1 AND id NOT IN (
    SELECT json_extract(submission, '$.youth.call_id') FROM applications WHERE channel = 'youth'
        AND json_extract(submission, '$.youth.call_id') IS NOT NULL
    UNION
    SELECT json_extract(submission, '$.youth_project.call_id') FROM applications WHERE channel = 'youth'
        AND json_extract(submission, '$.youth_project.call_id') IS NOT NULL
);
