//! The second factor of a back-office sign-in: a time-based one-time code (TOTP, RFC 6238,
//! through `totp-rs`: SHA-1, six digits, 30-second steps, what every authenticator app reads),
//! required for administrators and the secretariat, optional for the others.
//!
//! Enrolment: the server makes a secret and keeps it aside (`totp_pending_secret`); the person
//! scans it as a QR code; the first code from the app confirms it. Each accepted code moves
//! `totp_last_step` forward in one conditional UPDATE, so a code is never accepted twice, even by
//! two instances at the same moment. Codes are read at the injected clock's time, one step
//! either side for clocks that drift.

use insieme_api::back_office::{SecondFactor, SecondFactorEnrolment};
use insieme_rules::Role;
use totp_rs::{Algorithm, TOTP};

use crate::{Error, Result, audit, back_office::Actor, clock::Clock};

/// The name authenticator apps show above the code.
const ISSUER: &str = "Insieme per il lavoro";
const STEP_SECS: u64 = 30;
const DIGITS: usize = 6;
/// 160 bits, the length RFC 4226 recommends for HMAC-SHA-1.
const SECRET_BYTES: usize = 20;

/// Whether a role must have a second factor before doing anything.
pub fn required_for(role: Role) -> bool {
    matches!(role, Role::Administrator | Role::Secretariat)
}

/// Where an account stands, from its role and whether a secret is confirmed.
pub fn state_of(role: Role, enrolled: bool) -> SecondFactor {
    match (enrolled, required_for(role)) {
        (true, _) => SecondFactor::Enrolled,
        (false, true) => SecondFactor::MustEnrol,
        (false, false) => SecondFactor::Optional,
    }
}

fn totp(secret_base32: &str, email: &str) -> Result<TOTP> {
    let bytes = totp_rs::Secret::Encoded(secret_base32.to_owned())
        .to_bytes()
        .map_err(|_| Error::Internal("stored TOTP secret is not base32".to_owned()))?;
    TOTP::new(Algorithm::SHA1, DIGITS, 1, STEP_SECS, bytes, Some(ISSUER.to_owned()), email.to_owned())
        .map_err(|error| Error::Internal(format!("TOTP: {error}")))
}

/// The code an app shows for `secret_base32` at `unix_secs` (for tests and the demo).
pub fn code_at(secret_base32: &str, unix_secs: u64) -> Result<String> {
    Ok(totp(secret_base32, "code")?.generate(unix_secs))
}

/// The step (within one of `now`) whose code is `code`, if any.
fn matching_step(secret_base32: &str, code: &str, now_secs: u64) -> Result<Option<u64>> {
    let code: String = code.chars().filter(|character| !character.is_whitespace()).collect();
    if code.len() != DIGITS || !code.bytes().all(|byte| byte.is_ascii_digit()) {
        return Ok(None);
    }
    let totp = totp(secret_base32, "code")?;
    let now_step = now_secs / STEP_SECS;
    Ok((now_step.saturating_sub(1)..=now_step + 1)
        .find(|step| same_digits(totp.generate(step * STEP_SECS).as_bytes(), code.as_bytes())))
}

/// Compares without stopping at the first difference, so that timing says nothing.
fn same_digits(expected: &[u8], given: &[u8]) -> bool {
    expected.len() == given.len() && expected.iter().zip(given).fold(0u8, |seen, (a, b)| seen | (a ^ b)) == 0
}

fn now_secs(clock: &Clock) -> u64 {
    u64::try_from(clock.unix_millis().div_euclid(1000)).unwrap_or(0)
}

fn to_db(step: u64) -> i64 {
    i64::try_from(step).unwrap_or(i64::MAX)
}

/// Whether `code` is a code of the account's confirmed secret not used before; an accepted code
/// is spent at once.
pub async fn accept(pool: &crate::db::Db, clock: &Clock, account_id: &str, secret: &str, code: &str) -> Result<bool> {
    let Some(step) = matching_step(secret, code, now_secs(clock))? else {
        return Ok(false);
    };
    let spent = crate::on_db!(pool => sqlx::query("UPDATE accounts SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $3")
        .bind(to_db(step))
        .bind(account_id)
        .bind(to_db(step))
        .execute(pool)
        .await.map(|done| done.rows_affected()))?;
    Ok(spent == 1)
}

/// A new secret for the signed-in account, kept aside until [`confirm`]; a second call replaces
/// the first (the person scanned nothing yet, or lost it). An account that has an authenticator
/// already cannot replace it from a session (a stolen cookie would then be a lasting takeover):
/// an administrator removes it first ([`reset`]).
pub async fn begin(pool: &crate::db::Db, actor: &Actor) -> Result<SecondFactorEnrolment> {
    if actor.second_factor == insieme_api::back_office::SecondFactor::Enrolled {
        return Err(Error::Conflict);
    }
    let mut bytes = [0u8; SECRET_BYTES];
    getrandom::getrandom(&mut bytes).map_err(|error| Error::Internal(format!("random: {error}")))?;
    let totp =
        TOTP::new(Algorithm::SHA1, DIGITS, 1, STEP_SECS, bytes.to_vec(), Some(ISSUER.to_owned()), actor.email.clone())
            .map_err(|error| Error::Internal(format!("TOTP: {error}")))?;
    let secret = totp.get_secret_base32();
    let mut tx = pool.begin().await?;
    crate::on_tx!(tx => sqlx::query("UPDATE accounts SET totp_pending_secret = $1 WHERE id = $2 AND totp_secret IS NULL")
        .bind(&secret)
        .bind(&actor.id)
        .execute(&mut **tx)
        .await.map(|done| done.rows_affected()))?;
    audit::record(&mut tx, &actor.id, "begin_second_factor", "account", &actor.id, None).await?;
    tx.commit().await?;
    let grouped =
        secret.as_bytes().chunks(4).map(|chunk| String::from_utf8_lossy(chunk).into_owned()).collect::<Vec<_>>();
    Ok(SecondFactorEnrolment { secret: grouped.join(" "), uri: totp.get_url() })
}

/// Confirms the secret kept aside with a code from the app: from now on every sign-in asks for a
/// code. Every session of the account ends, this one too: the caller starts a new one (a new
/// token for the two-factor session, never the password-only one upgraded in place).
pub async fn confirm(pool: &crate::db::Db, clock: &Clock, actor: &Actor, code: &str) -> Result<()> {
    let pending: Option<String> =
        crate::on_db!(pool => sqlx::query_scalar("SELECT totp_pending_secret FROM accounts WHERE id = $1")
        .bind(&actor.id)
        .fetch_optional(pool)
        .await)?
        .flatten();
    let pending = pending.ok_or_else(|| Error::BadRequest("start the enrolment first".to_owned()))?;
    let step = matching_step(&pending, code, now_secs(clock))?.ok_or(Error::LoginFailed)?;
    let mut tx = pool.begin().await?;
    let confirmed = crate::on_tx!(tx => sqlx::query(
        "UPDATE accounts SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_last_step = $1 \
         WHERE id = $2 AND totp_pending_secret = $3",
    )
    .bind(to_db(step))
    .bind(&actor.id)
    .bind(&pending)
    .execute(&mut **tx)
    .await.map(|done| done.rows_affected()))?;
    if confirmed == 0 {
        return Err(Error::ChangedMeanwhile);
    }
    // Sessions opened with only a password end, this one too: from now on a session means two
    // factors, and the caller starts a new one.
    crate::on_tx!(tx => sqlx::query("DELETE FROM sessions WHERE account_id = $1").bind(&actor.id).execute(&mut **tx).await.map(|done| done.rows_affected()))?;
    audit::record(&mut tx, &actor.id, "enrol_second_factor", "account", &actor.id, None).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes an account's authenticator (lost phone) and ends its sessions: at the next sign-in it
/// enrols again (or, if optional, signs in with the password alone). Administrators only.
pub async fn reset(pool: &crate::db::Db, actor: &Actor, account_id: &str) -> Result<()> {
    actor.require(&[Role::Administrator])?;
    let mut tx = pool.begin().await?;
    let changed = crate::on_tx!(tx => sqlx::query("UPDATE accounts SET totp_secret = NULL, totp_pending_secret = NULL WHERE id = $1")
        .bind(account_id)
        .execute(&mut **tx)
        .await.map(|done| done.rows_affected()))?;
    if changed == 0 {
        return Err(Error::NotFound);
    }
    crate::on_tx!(tx => sqlx::query("DELETE FROM sessions WHERE account_id = $1").bind(account_id).execute(&mut **tx).await.map(|done| done.rows_affected()))?;
    audit::record(&mut tx, &actor.id, "reset_second_factor", "account", account_id, None).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets a confirmed secret directly (the demo accounts, whose secret is published).
pub async fn set_confirmed(pool: &crate::db::Db, account_id: &str, secret: &str) -> Result<()> {
    totp(secret, "check")?;
    crate::on_db!(pool => sqlx::query("UPDATE accounts SET totp_secret = $1 WHERE id = $2 AND totp_secret IS NULL")
        .bind(secret)
        .bind(account_id)
        .execute(pool)
        .await.map(|done| done.rows_affected()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1, secret "12345678901234567890", last six digits.
    #[test]
    fn codes_match_the_rfc_test_vectors() {
        let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        for (time, code) in
            [(59, "287082"), (1_111_111_109, "081804"), (1_234_567_890, "005924"), (2_000_000_000, "279037")]
        {
            assert_eq!(code_at(secret, time).expect("code"), code, "at {time}");
        }
    }

    #[test]
    fn a_code_is_read_one_step_either_side_and_no_further() {
        let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        let now = 1_111_111_109;
        let now_step = now / STEP_SECS;
        for (offset, accepted) in [(-2_i64, false), (-1, true), (0, true), (1, true), (2, false)] {
            let step = now_step.checked_add_signed(offset).expect("step");
            let code = code_at(secret, step * STEP_SECS).expect("code");
            assert_eq!(matching_step(secret, &code, now).expect("match").is_some(), accepted, "offset {offset}");
        }
        assert_eq!(matching_step(secret, "08180", now).expect("short"), None);
        assert_eq!(matching_step(secret, "O81804", now).expect("letter"), None);
        assert_eq!(matching_step(secret, "081 804", now).expect("spaced"), Some(now_step), "spaces typed are ignored");
    }
}
