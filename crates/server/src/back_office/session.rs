//! Server-side sessions. The cookie carries 32 random bytes; the database keeps only their
//! SHA-256, with when the session started and when it was last used. A session ends after 30
//! minutes without use or 12 hours after sign-in, when the person signs out, when the password
//! changes, or when an administrator disables the account. Times come from the injected clock,
//! so tests move past both limits without waiting.
//!
//! Own table rather than `tower-sessions`: ending every session of one account (disable, new
//! password) is one indexed DELETE, and expiry follows `Clock`.

use axum::{
    extract::FromRequestParts,
    http::{HeaderMap, HeaderValue, header, request::Parts},
};
use insieme_api::back_office::{Me, SecondFactor};
use insieme_rules::Role;
use sha2::{Digest, Sha256};

use crate::{AppState, Config, Error, Result, clock};

pub const COOKIE: &str = "ipl_session";
/// The cookie is sent only to the back office's API.
const COOKIE_PATH: &str = "/api/back-office";
pub const IDLE_LIMIT_SECS: i64 = 30 * 60;
pub const ABSOLUTE_LIMIT_SECS: i64 = 12 * 60 * 60;
/// `last_seen_at` is written at most this often, so that reading the queue is not a write.
const TOUCH_EVERY_SECS: i64 = 60;

/// The signed-in account behind a request. Extracting it is the authentication of every
/// back-office handler: without a valid session the handler never runs (401).
#[derive(Clone, Debug)]
pub struct Actor {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub organisation: Option<String>,
    pub access_point: Option<String>,
    /// The SHA-256 of this session's token (to end it, or to keep it when the password changes).
    pub session: String,
    pub second_factor: SecondFactor,
}

/// Any signed-in session, also one that must enrol an authenticator app first: only for saying
/// who is signed in, signing out and enrolling. Every other handler takes [`Actor`], which
/// refuses such a session (403 `second_factor_enrolment_required`).
#[derive(Clone, Debug)]
pub struct Enrolling(pub Actor);

impl Actor {
    pub fn me(&self) -> Me {
        Me {
            id: self.id.clone(),
            email: self.email.clone(),
            name: self.name.clone(),
            role: self.role.code().to_owned(),
            organisation: self.organisation.clone(),
            access_point: self.access_point.clone(),
            second_factor: self.second_factor,
        }
    }

    /// Administrators and the secretariat may take an application someone else holds.
    pub fn may_reassign(&self) -> bool {
        matches!(self.role, Role::Administrator | Role::Secretariat)
    }

    pub fn require(&self, roles: &[Role]) -> Result<()> {
        if roles.contains(&self.role) { Ok(()) } else { Err(Error::Forbidden("role")) }
    }
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    created_at: String,
    last_seen_at: String,
    id: String,
    email: String,
    name: String,
    role: String,
    organisation_id: Option<String>,
    access_point_id: Option<String>,
    disabled: bool,
    enrolled: bool,
    enrolment_only: bool,
}

impl FromRequestParts<AppState> for Actor {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self> {
        let Enrolling(actor) = Enrolling::from_request_parts(parts, state).await?;
        if actor.second_factor == SecondFactor::MustEnrol {
            return Err(Error::SecondFactorEnrolmentRequired);
        }
        Ok(actor)
    }
}

impl FromRequestParts<AppState> for Enrolling {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self> {
        let token = session_token(&parts.headers).ok_or(Error::NotSignedIn)?;
        let token_hash = hash_token(&token);
        let row: Option<SessionRow> = {
            let pool = &state.pool;
            crate::on_db!(pool => sqlx::query_as(
            "SELECT s.created_at, s.last_seen_at, a.id, a.email, a.name, a.role, a.organisation_id, \
             a.access_point_id, a.disabled, a.totp_secret IS NOT NULL AS enrolled, s.enrolment_only FROM sessions s JOIN accounts a ON a.id = s.account_id \
             WHERE s.token_hash = $1",
        )
        .bind(&token_hash)
        .fetch_optional(pool)
        .await)
        }?;
        let row = row.ok_or(Error::NotSignedIn)?;
        let now = state.clock.unix_millis().div_euclid(1000);
        let started = clock::parse_timestamp(&row.created_at).unwrap_or(0);
        let last_seen = clock::parse_timestamp(&row.last_seen_at).unwrap_or(0);
        let role = Role::from_code(&row.role);
        if row.disabled || role.is_none() || now - last_seen > IDLE_LIMIT_SECS || now - started > ABSOLUTE_LIMIT_SECS {
            end(&state.pool, &token_hash).await?;
            return Err(Error::NotSignedIn);
        }
        if now - last_seen >= TOUCH_EVERY_SECS {
            {
                let pool = &state.pool;
                crate::on_db!(pool => sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
                .bind(state.clock.now_utc())
                .bind(&token_hash)
                .execute(pool)
                .await.map(|done| done.rows_affected()))
            }?;
        }
        let role = role.ok_or(Error::NotSignedIn)?;
        // A session opened with the password alone stays limited to enrolment, whatever the
        // account's state meanwhile (a secret confirmed in another session ends this one).
        let second_factor = if row.enrolment_only {
            SecondFactor::MustEnrol
        } else {
            super::second_factor::state_of(role, row.enrolled)
        };
        Ok(Enrolling(Actor {
            id: row.id,
            email: row.email,
            name: row.name,
            role,
            organisation: row.organisation_id,
            access_point: row.access_point_id,
            session: token_hash,
            second_factor,
        }))
    }
}

/// Starts a session for `account_id`; the token goes into the cookie, its hash into the table.
/// An `enrolment_only` session may only enrol an authenticator app.
pub async fn start(pool: &crate::db::Db, now: &str, account_id: &str, enrolment_only: bool) -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes).map_err(|error| Error::Internal(format!("random: {error}")))?;
    let token: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    crate::on_db!(pool => sqlx::query(
        "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, enrolment_only) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(hash_token(&token))
    .bind(account_id)
    .bind(now)
    .bind(now)
    .bind(enrolment_only)
        .execute(pool)
        .await.map(|done| done.rows_affected()))?;
    Ok(token)
}

pub async fn end(pool: &crate::db::Db, token_hash: &str) -> Result<()> {
    crate::on_db!(pool => sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(pool).await.map(|done| done.rows_affected()))?;
    Ok(())
}

fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
}

fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(std::result::Result::ok)
        .find(|cookie| cookie.name() == COOKIE)
        .map(|cookie| cookie.value().to_owned())
        .filter(|token| token.len() == 64 && token.bytes().all(|byte| byte.is_ascii_hexdigit()))
}

/// `Set-Cookie` for a new session: HttpOnly, SameSite=Strict, Secure behind https, only for the
/// back office's API, gone when the browser closes.
pub fn cookie_for(config: &Config, token: &str) -> HeaderValue {
    let cookie = cookie::Cookie::build((COOKIE, token.to_owned()))
        .path(COOKIE_PATH)
        .http_only(true)
        .same_site(cookie::SameSite::Strict)
        .secure(config.is_https())
        .build();
    HeaderValue::from_str(&cookie.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// `Set-Cookie` that removes the session cookie.
pub fn removal_cookie(config: &Config) -> HeaderValue {
    let cookie = cookie::Cookie::build((COOKIE, ""))
        .path(COOKIE_PATH)
        .http_only(true)
        .same_site(cookie::SameSite::Strict)
        .secure(config.is_https())
        .max_age(cookie::time::Duration::ZERO)
        .build();
    HeaderValue::from_str(&cookie.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}
