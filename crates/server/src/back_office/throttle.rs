//! Login throttling: after 5 failed sign-ins for one e-mail within 15 minutes, or 30 from one
//! client address, sign-in is refused (429 with Retry-After) until the oldest failure of the
//! window is 15 minutes old. Failures are counted per e-mail whether or not an account has it,
//! so that being locked out says nothing about whether the account exists.

use std::net::IpAddr;

use sqlx::SqlitePool;

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
pub async fn check(pool: &SqlitePool, now_millis: i64, email: &str, client: IpAddr) -> Result<()> {
    for (key, limit) in keys(email, client) {
        let (count, oldest): (i64, Option<String>) =
            sqlx::query_as("SELECT COUNT(*), MIN(occurred_at) FROM login_failures WHERE key = ? AND occurred_at > ?")
                .bind(&key)
                .bind(window_start(now_millis))
                .fetch_one(pool)
                .await?;
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

pub async fn record_failure(pool: &SqlitePool, now: &str, email: &str, client: IpAddr) -> Result<()> {
    for (key, _) in keys(email, client) {
        sqlx::query("INSERT INTO login_failures (key, occurred_at) VALUES (?, ?)")
            .bind(key)
            .bind(now)
            .execute(pool)
            .await?;
    }
    Ok(())
}

/// A successful sign-in clears the account's count (not the address's) and old rows.
pub async fn record_success(pool: &SqlitePool, now_millis: i64, email: &str) -> Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE key = ? OR occurred_at <= ?")
        .bind(format!("account:{}", super::accounts::normalised_email(email)))
        .bind(window_start(now_millis))
        .execute(pool)
        .await?;
    Ok(())
}
