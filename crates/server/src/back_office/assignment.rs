//! Who holds an application: one person at a time. Anyone who may change an application may take
//! it when nobody holds it, or release it when they hold it; only administrators and the
//! secretariat may take it from someone else or hand it to another account. Every change is a
//! row of the action log and of the audit log, in the same transaction.

use insieme_api::back_office::{Assignment, BulkAssignment, BulkAssignmentResult, CaseView};
use serde_json::json;

use super::{Actor, accounts, actions::log_action, case, visibility};
use crate::{AppState, Error, Result, audit};

pub async fn assign(state: &AppState, actor: &Actor, reference: &str, request: &Assignment) -> Result<CaseView> {
    let today = state.clock.today_in_italy().to_string();
    let target = match &request.assignee {
        Some(id) => Some(assignable(state, actor, id).await?),
        None => None,
    };
    let mut tx = state.pool.begin_writing().await?;
    let row = case::find_visible(&mut tx, actor, reference).await?;
    if row.version != request.version {
        return Err(Error::ChangedMeanwhile);
    }
    change_holder(&mut tx, state, actor, &row, target.as_ref()).await?;
    tx.commit().await?;
    let row = case::find_visible(&state.pool, actor, reference).await?;
    case::view(&state.pool, actor, row, &today).await
}

/// Several applications to one account; each is taken only if this account could take it alone.
pub async fn assign_many(state: &AppState, actor: &Actor, request: &BulkAssignment) -> Result<BulkAssignmentResult> {
    if request.references.len() > 200 {
        return Err(Error::BadRequest("at most 200 applications at once".to_owned()));
    }
    let target = assignable(state, actor, &request.assignee).await?;
    let mut result = BulkAssignmentResult { assigned: Vec::new(), refused: Vec::new() };
    for reference in &request.references {
        let mut tx = state.pool.begin_writing().await?;
        let outcome = match case::find_visible(&mut tx, actor, reference).await {
            Ok(row) => change_holder(&mut tx, state, actor, &row, Some(&target)).await,
            Err(error) => Err(error),
        };
        match outcome {
            Ok(()) => {
                tx.commit().await?;
                result.assigned.push(reference.clone());
            }
            Err(Error::Unavailable(cause)) => return Err(Error::Unavailable(cause)),
            Err(_) => {
                tx.rollback().await?;
                result.refused.push(reference.clone());
            }
        }
    }
    Ok(result)
}

/// The account an application may be handed to: enabled; oneself, or anyone for those who may
/// reassign.
async fn assignable(state: &AppState, actor: &Actor, id: &str) -> Result<Actor> {
    if id != actor.id && !actor.may_reassign() {
        return Err(Error::Forbidden("only administrators and the secretariat assign to others"));
    }
    let account = accounts::find(&state.pool, id).await?.filter(|account| !account.disabled);
    let account = account.ok_or_else(|| Error::BadRequest("no such active account".to_owned()))?;
    let role =
        insieme_rules::Role::from_code(&account.role).ok_or_else(|| Error::Internal("unknown role".to_owned()))?;
    let second_factor = super::second_factor::state_of(role, account.totp_secret.is_some());
    Ok(Actor {
        second_factor,
        id: account.id,
        email: account.email,
        name: account.name,
        role,
        organisation: account.organisation_id,
        access_point: account.access_point_id,
        session: String::new(),
    })
}

async fn change_holder(
    tx: &mut crate::db::Tx<'_>,
    state: &AppState,
    actor: &Actor,
    row: &case::CaseRow,
    target: Option<&Actor>,
) -> Result<()> {
    if !visibility::may_change(actor, &row.owner_partner) {
        return Err(Error::Forbidden("shared for reading only"));
    }
    let held_by_other = row.assignee.as_deref().is_some_and(|holder| holder != actor.id);
    if held_by_other && !actor.may_reassign() {
        return Err(Error::HeldBySomeoneElse);
    }
    if let Some(target) = target {
        // The new holder must be able to see and change it, or the application would vanish.
        case::find_visible(&mut *tx, target, &row.reference)
            .await
            .map_err(|_| Error::BadRequest("this account cannot work on this application".to_owned()))?;
        if !visibility::may_change(target, &row.owner_partner) {
            return Err(Error::BadRequest("this account cannot work on this application".to_owned()));
        }
    }
    let now = state.clock.now_utc();
    let new_holder = target.map(|target| target.id.clone());
    crate::on_tx!(tx => sqlx::query("UPDATE applications SET assignee = $1, updated_at = $2, version = version + 1 WHERE id = $3")
        .bind(&new_holder)
        .bind(&now)
        .bind(&row.id)
        .execute(&mut **tx)
        .await.map(|done| done.rows_affected()))?;
    let action = if held_by_other { "reassign" } else { "assign" };
    let details = json!({ "before": row.assignee, "after": new_holder });
    log_action(tx, &row.id, &now, &actor.id, action, &row.state, &row.state, &details).await?;
    audit::record_change(
        &mut *tx,
        &actor.id,
        action,
        &row.reference,
        json!({ "assignee": row.assignee }),
        json!({ "assignee": new_holder }),
    )
    .await?;
    Ok(())
}
