//! An administrator changes an account's name, role or place (someone moves to another desk or
//! organisation). A new role or place takes effect at once: the account's sessions end and it
//! lets go of every application it holds, each release a row of the action log, so that nobody
//! keeps holding work they can no longer see. The change is audited with before and after.

use insieme_api::back_office::AccountChange;
use insieme_rules::Role;
use serde_json::json;

use super::{accounts, actions::log_action};
use crate::{AppState, Error, Result, audit};

pub async fn change(state: &AppState, actor: &str, id: &str, change: &AccountChange) -> Result<accounts::AccountRow> {
    let role = accounts::role_from(&change.role)?;
    let name = super::places::checked_name(&change.name)?;
    let organisation = accounts::blank_is_none(change.organisation.as_deref());
    let access_point = accounts::blank_is_none(change.access_point.as_deref());
    if id == actor && role != Role::Administrator {
        return Err(Error::BadRequest("an administrator cannot take away their own role".to_owned()));
    }
    let mut tx = state.pool.begin_writing().await?;
    let before: Option<(String, String, Option<String>, Option<String>)> = crate::on_tx!(tx => sqlx::query_as("SELECT name, role, organisation_id, access_point_id FROM accounts WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut **tx)
            .await)?;
    let (old_name, old_role, old_organisation, old_access_point) = before.ok_or(Error::NotFound)?;
    crate::on_tx!(tx => sqlx::query("UPDATE accounts SET name = $1, role = $2, organisation_id = $3, access_point_id = $4 WHERE id = $5")
        .bind(name)
        .bind(role.code())
        .bind(&organisation)
        .bind(&access_point)
        .bind(id)
        .execute(&mut **tx)
        .await.map(|done| done.rows_affected()))
        .map_err(accounts::misfit)?;
    let moved = old_role != role.code() || old_organisation != organisation || old_access_point != access_point;
    let mut released = Vec::new();
    if moved {
        released = release_everything_held(&mut tx, &state.clock.now_utc(), actor, id).await?;
        crate::on_tx!(tx => sqlx::query("DELETE FROM sessions WHERE account_id = $1").bind(id).execute(&mut **tx).await.map(|done| done.rows_affected()))?;
    }
    audit::record_change_of(
        &mut tx,
        actor,
        "change",
        ("account", id),
        json!({ "name": old_name, "role": old_role, "organisation": old_organisation, "access_point": old_access_point }),
        json!({ "name": name, "role": role.code(), "organisation": organisation, "access_point": access_point,
                "released": released }),
    )
    .await?;
    tx.commit().await?;
    accounts::find(&state.pool, id).await?.ok_or(Error::NotFound)
}

/// Lets go of every application `holder` holds; answers their references.
async fn release_everything_held(
    tx: &mut crate::db::Tx<'_>,
    now: &str,
    actor: &str,
    holder: &str,
) -> Result<Vec<String>> {
    let held: Vec<(String, String, String)> = crate::on_tx!(tx => sqlx::query_as("SELECT id, reference, state FROM applications WHERE assignee = $1 ORDER BY reference")
            .bind(holder)
            .fetch_all(&mut **tx)
            .await)?;
    for (application, _, state) in &held {
        crate::on_tx!(tx => sqlx::query("UPDATE applications SET assignee = NULL, updated_at = $1, version = version + 1 WHERE id = $2")
            .bind(now)
            .bind(application)
            .execute(&mut **tx)
            .await.map(|done| done.rows_affected()))?;
        let details = json!({ "before": holder, "after": null });
        log_action(tx, application, now, actor, "reassign", state, state, &details).await?;
    }
    Ok(held.into_iter().map(|(_, reference, _)| reference).collect())
}
