//! Accounts: one role and at most one organisation or access point each (migration 0005).
//! Passwords are hashed with Argon2id (`password-auth`: OWASP's minimum parameters) on a blocking
//! thread, since one hash takes tens of milliseconds.

use insieme_api::back_office::{AccountView, Me};
use insieme_rules::Role;

use crate::{Error, Result, clock::Clock};

/// Shortest password an account may have (NIST SP 800-63B: at least 8; we ask 12).
pub const MIN_PASSWORD_CHARS: usize = 12;

/// What a new account needs.
#[derive(Clone, Debug)]
pub struct NewAccount {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub organisation: Option<String>,
    pub access_point: Option<String>,
    pub password: String,
    pub demo: bool,
}

/// One account row as the server uses it (never sent as is: the hash stays here).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AccountRow {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: String,
    pub organisation_id: Option<String>,
    pub access_point_id: Option<String>,
    pub password_hash: String,
    pub totp_secret: Option<String>,
    pub disabled: bool,
}

impl AccountRow {
    /// The account as its own holder sees it after signing in.
    pub fn me(&self) -> Me {
        Me {
            id: self.id.clone(),
            email: self.email.clone(),
            name: self.name.clone(),
            role: self.role.clone(),
            organisation: self.organisation_id.clone(),
            access_point: self.access_point_id.clone(),
            second_factor: Role::from_code(&self.role)
                .map_or(insieme_api::back_office::SecondFactor::Optional, |role| {
                    super::second_factor::state_of(role, self.totp_secret.is_some())
                }),
        }
    }

    pub fn view(&self) -> AccountView {
        AccountView {
            id: self.id.clone(),
            email: self.email.clone(),
            name: self.name.clone(),
            role: self.role.clone(),
            organisation: self.organisation_id.clone(),
            access_point: self.access_point_id.clone(),
            disabled: self.disabled,
            totp_enrolled: self.totp_secret.is_some(),
        }
    }
}

const COLUMNS: &str = "id, email, name, role, organisation_id, access_point_id, password_hash, totp_secret, disabled";

pub fn normalised_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Refuses passwords too short to resist guessing.
pub fn check_password_strength(password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(Error::BadRequest(format!("the password must have at least {MIN_PASSWORD_CHARS} characters")));
    }
    Ok(())
}

pub async fn hash_password(password: String) -> Result<String> {
    tokio::task::spawn_blocking(move || password_auth::generate_hash(password))
        .await
        .map_err(|error| Error::Internal(format!("password hashing: {error}")))
}

/// Whether `password` matches `hash`; a damaged hash never matches.
pub async fn verify_password(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || password_auth::verify_password(password, &hash).is_ok()).await.unwrap_or(false)
}

/// A hash of no one's password, verified against when the account does not exist, so that an
/// unknown e-mail takes as long to refuse as a wrong password.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| password_auth::generate_hash("no account has this password"))
}

/// Makes an account; `actor` (an administrator's id, or `system` for the command line and the
/// demo) is written in the audit log.
pub async fn create(pool: &crate::db::Db, clock: &Clock, account: NewAccount, actor: &str) -> Result<String> {
    check_password_strength(&account.password)?;
    let hash = hash_password(account.password.clone()).await?;
    create_with_hash(pool, clock, account, hash, actor).await
}

/// As [`create`], with the password already hashed (the demo accounts share one hash).
pub async fn create_with_hash(
    pool: &crate::db::Db,
    clock: &Clock,
    account: NewAccount,
    hash: String,
    actor: &str,
) -> Result<String> {
    let email = normalised_email(&account.email);
    if !email.contains('@') || account.name.trim().is_empty() {
        return Err(Error::BadRequest("an account needs an e-mail address and a name".to_owned()));
    }
    let id = uuid::Uuid::new_v4().to_string();
    let inserted = crate::on_db!(pool => sqlx::query(
        "INSERT INTO accounts (id, email, name, role, organisation_id, access_point_id, password_hash, created_at, demo) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (email) DO NOTHING",
    )
    .bind(&id)
    .bind(&email)
    .bind(account.name.trim())
    .bind(account.role.code())
    .bind(&account.organisation)
    .bind(&account.access_point)
    .bind(&hash)
    .bind(clock.now_utc())
    .bind(account.demo)
    .execute(pool)
    .await.map(|done| done.rows_affected()))
    .map_err(misfit)?;
    if inserted == 0 {
        return Err(Error::Conflict);
    }
    crate::audit::record(pool, actor, "create", "account", &id, Some(account.role.code())).await?;
    Ok(id)
}

/// A role, organisation and access point that the table's constraints refuse together (a reviewer
/// without organisation, an operator without access point, an unknown place) are the caller's
/// mistake, not the database's.
pub fn misfit(error: sqlx::Error) -> Error {
    match &error {
        sqlx::Error::Database(database) if database.is_check_violation() || database.is_foreign_key_violation() => {
            Error::BadRequest("role, organisation and access point do not fit together".to_owned())
        }
        _ => Error::from(error),
    }
}

/// A role as a request names it (`administrator`, `secretariat`, `operator`, `reviewer`).
pub fn role_from(code: &str) -> Result<Role> {
    Role::from_code(code)
        .ok_or_else(|| Error::BadRequest("role is administrator, secretariat, operator or reviewer".to_owned()))
}

/// An organisation or access point as a form sends it: an empty choice is none.
pub fn blank_is_none(value: Option<&str>) -> Option<String> {
    value.map(str::trim).filter(|text| !text.is_empty()).map(str::to_owned)
}

pub async fn find_by_email(pool: &crate::db::Db, email: &str) -> Result<Option<AccountRow>> {
    Ok(crate::on_db!(pool => sqlx::query_as(&format!("SELECT {COLUMNS} FROM accounts WHERE email = $1"))
        .bind(normalised_email(email))
        .fetch_optional(pool)
        .await)?)
}

pub async fn find(pool: &crate::db::Db, id: &str) -> Result<Option<AccountRow>> {
    Ok(
        crate::on_db!(pool => sqlx::query_as(&format!("SELECT {COLUMNS} FROM accounts WHERE id = $1")).bind(id).fetch_optional(pool).await)?,
    )
}

pub async fn list(pool: &crate::db::Db) -> Result<Vec<AccountRow>> {
    Ok(
        crate::on_db!(pool => sqlx::query_as(&format!("SELECT {COLUMNS} FROM accounts ORDER BY role, name")).fetch_all(pool).await)?,
    )
}

/// Disables an account and ends its sessions at once.
pub async fn disable(pool: &crate::db::Db, actor: &str, id: &str) -> Result<()> {
    let mut tx = pool.begin().await?;
    let changed = crate::on_tx!(tx => sqlx::query("UPDATE accounts SET disabled = TRUE WHERE id = $1").bind(id).execute(&mut **tx).await.map(|done| done.rows_affected()))?;
    if changed == 0 {
        return Err(Error::NotFound);
    }
    crate::on_tx!(tx => sqlx::query("DELETE FROM sessions WHERE account_id = $1").bind(id).execute(&mut **tx).await.map(|done| done.rows_affected()))?;
    crate::audit::record(&mut tx, actor, "disable", "account", id, None).await?;
    tx.commit().await?;
    Ok(())
}

/// Enables a disabled account again (it signs in with its password as before).
pub async fn enable(pool: &crate::db::Db, actor: &str, id: &str) -> Result<()> {
    let mut tx = pool.begin().await?;
    let changed = crate::on_tx!(tx => sqlx::query("UPDATE accounts SET disabled = FALSE WHERE id = $1").bind(id).execute(&mut **tx).await.map(|done| done.rows_affected()))?;
    if changed == 0 {
        return Err(Error::NotFound);
    }
    crate::audit::record(&mut tx, actor, "enable", "account", id, None).await?;
    tx.commit().await?;
    Ok(())
}

/// A new one-time password for account `id`, made by an administrator (the person forgot theirs):
/// every session of the account ends; the authenticator, if any, stays.
pub async fn reset_password(pool: &crate::db::Db, actor: &str, id: &str) -> Result<String> {
    let password = one_time_password()?;
    let hash = hash_password(password.clone()).await?;
    let mut tx = pool.begin().await?;
    let changed = crate::on_tx!(tx => sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2").bind(hash).bind(id).execute(&mut **tx).await.map(|done| done.rows_affected()))?;
    if changed == 0 {
        return Err(Error::NotFound);
    }
    crate::on_tx!(tx => sqlx::query("DELETE FROM sessions WHERE account_id = $1").bind(id).execute(&mut **tx).await.map(|done| done.rows_affected()))?;
    crate::audit::record(&mut tx, actor, "reset_password", "account", id, None).await?;
    tx.commit().await?;
    Ok(password)
}

/// Sets a new password (already checked against the current one) and ends the account's other
/// sessions.
pub async fn set_password(pool: &crate::db::Db, id: &str, password: String, keep_session: Option<&str>) -> Result<()> {
    check_password_strength(&password)?;
    let hash = hash_password(password).await?;
    let mut tx = pool.begin().await?;
    crate::on_tx!(tx => sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2").bind(hash).bind(id).execute(&mut **tx).await.map(|done| done.rows_affected()))?;
    crate::on_tx!(tx => sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2")
        .bind(id)
        .bind(keep_session.unwrap_or_default())
        .execute(&mut **tx)
        .await.map(|done| done.rows_affected()))?;
    crate::audit::record(&mut tx, id, "change_password", "account", id, None).await?;
    tx.commit().await?;
    Ok(())
}

/// A one-time password for a new account: 20 characters from an alphabet without look-alikes.
pub fn one_time_password() -> Result<String> {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";
    // Bytes at or above the largest multiple of the alphabet's length are dropped, so that every
    // letter is equally likely.
    let unbiased_below = 256 - 256 % ALPHABET.len();
    let mut password = String::new();
    while password.len() < 20 {
        let mut bytes = [0u8; 32];
        getrandom::getrandom(&mut bytes).map_err(|error| Error::Internal(format!("random: {error}")))?;
        for byte in bytes.iter().map(|byte| usize::from(*byte)).filter(|byte| *byte < unbiased_below) {
            if password.len() < 20 {
                password.push(char::from(ALPHABET[byte % ALPHABET.len()]));
            }
        }
    }
    Ok(password)
}
