-- Second factor (issue 12): a TOTP authenticator app (RFC 6238), required for administrators
-- and the secretariat. A secret waits in `totp_pending_secret` until a code from the app
-- confirms it; `totp_last_step` is the 30-second step of the last code accepted, so that no
-- code is accepted twice (RFC 6238 §5.2), also by two server instances at once.
ALTER TABLE accounts ADD COLUMN totp_pending_secret TEXT;
ALTER TABLE accounts ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;

-- A session of an account that must enrol first may only enrol, say who it is and sign out.
ALTER TABLE sessions ADD COLUMN enrolment_only INTEGER NOT NULL DEFAULT 0;
