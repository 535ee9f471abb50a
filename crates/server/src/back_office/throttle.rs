//! Login throttling: after 5 failed sign-ins for one e-mail within 15 minutes, or 30 from one
//! client address, sign-in is refused (429 with Retry-After) until the oldest failure of the
//! window is 15 minutes old. Failures are counted per e-mail whether or not an account has it,
//! so that being locked out says nothing about whether the account exists.

use std::net::IpAddr;

use crate::{Error, Result, client::limit_key, clock};

pub const FAILURES_PER_ACCOUNT: i64 = 5;
pub const FAILURES_PER_CLIENT: i64 = 30;
pub const WINDOW_SECS: i64 = 15 * 60;

fn keys(email: &str, client: IpAddr) -> [(String, i64); 2] {
    [
        (format!("account:{}", super::accounts::normalised_email(email)), FAILURES_PER_ACCOUNT),
        (format!("client:{}", limit_key(client)), FAILURES_PER_CLIENT),
    ]
}

fn window_start(now_millis: i64) -> String {
    let start = now_millis.div_euclid(1000) - WINDOW_SECS;
    clock::timestamp(start, 0)
}

/// Refuses a sign-in while either count is at its limit.
pub async fn check(pool: &crate::db::Db, now_millis: i64, email: &str, client: IpAddr) -> Result<()> {
    for (key, limit) in keys(email, client) {
        let (count, oldest): (i64, Option<String>) = crate::on_db!(pool => sqlx::query_as("SELECT COUNT(*), MIN(occurred_at) FROM login_failures WHERE key = $1 AND occurred_at > $2")
                .bind(&key)
                .bind(window_start(now_millis))
                .fetch_one(pool)
                .await)?;
        if count >= limit {
            let oldest = oldest.as_deref().and_then(clock::parse_timestamp).unwrap_or(now_millis.div_euclid(1000));
            let retry_after_secs =
                u64::try_from(oldest + WINDOW_SECS - now_millis.div_euclid(1000)).unwrap_or(1).max(1);
            tracing::warn!(%key, "sign-in refused: too many failures");
            return Err(Error::TooManyRequests { retry_after_secs });
        }
    }
    Ok(())
}

pub async fn record_failure(pool: &crate::db::Db, now: &str, email: &str, client: IpAddr) -> Result<()> {
    for (key, _) in keys(email, client) {
        crate::on_db!(pool => sqlx::query("INSERT INTO login_failures (key, occurred_at) VALUES ($1, $2)")
            .bind(key)
            .bind(now)
            .execute(pool)
            .await.map(|done| done.rows_affected()))?;
    }
    Ok(())
}

/// A successful sign-in clears the account's count (not the address's) and old rows.
pub async fn record_success(pool: &crate::db::Db, now_millis: i64, email: &str) -> Result<()> {
    crate::on_db!(pool => sqlx::query("DELETE FROM login_failures WHERE key = $1 OR occurred_at <= $2")
        .bind(format!("account:{}", super::accounts::normalised_email(email)))
        .bind(window_start(now_millis))
        .execute(pool)
        .await.map(|done| done.rows_affected()))?;
    Ok(())
}
