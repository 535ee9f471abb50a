//! What happens to an interview besides the workflow's steps: the person did not come. The
//! application keeps its state (the table has no state for it: the next step is scheduling again
//! or closing as unreachable); the interview row says `did_not_come`, and the action log and the
//! audit log say who recorded it, in the same transaction, with compare-and-swap on `version`.

use insieme_api::back_office::{CaseView, MissedInterview};
use insieme_rules::Role;
use serde_json::json;

use super::{
    Actor,
    actions::{changeable, log_action, not_held_by_someone_else},
    case,
};
use crate::{AppState, Error, Result, audit};

pub async fn did_not_come(
    state: &AppState,
    actor: &Actor,
    reference: &str,
    request: &MissedInterview,
) -> Result<CaseView> {
    let now = state.clock.now_utc();
    let mut tx = state.pool.begin_writing().await?;
    let row = changeable(&mut tx, actor, reference, request.version).await?;
    not_held_by_someone_else(&row, actor)?;
    if insieme_rules::Workflows::embedded().channel(row.rules_channel()?).is_final(&row.state) {
        return Err(Error::TransitionNotAllowed("the application is closed".to_owned()));
    }
    // An operator records only interviews at their own access point.
    let own_point = (actor.role == Role::Operator).then(|| actor.access_point.clone().unwrap_or_default());
    let missed: Option<(i64, String, String)> = crate::on_tx!(tx => sqlx::query_as(
        "UPDATE interviews SET outcome = 'did_not_come' WHERE id = (SELECT id FROM interviews \
         WHERE application_id = $1 AND outcome = 'scheduled' AND ($2 IS NULL OR access_point_id = $3) \
         ORDER BY id DESC LIMIT 1) RETURNING id, round, starts_at",
    )
    .bind(&row.id)
    .bind(&own_point)
    .bind(&own_point)
    .fetch_optional(&mut **tx)
    .await)?;
    let (interview, round, starts_at) =
        missed.ok_or_else(|| Error::TransitionNotAllowed("no interview scheduled at your access point".to_owned()))?;
    let updated = crate::on_tx!(tx => sqlx::query("UPDATE applications SET updated_at = $1, version = version + 1 WHERE id = $2 AND version = $3")
            .bind(&now)
            .bind(&row.id)
            .bind(row.version)
            .execute(&mut **tx)
            .await.map(|done| done.rows_affected()))?;
    if updated != 1 {
        return Err(Error::ChangedMeanwhile);
    }
    let note = request.note.as_deref().map(str::trim).filter(|note| !note.is_empty());
    let details = json!({ "interview": interview, "round": round, "starts_at": starts_at, "note": note });
    log_action(&mut tx, &row.id, &now, &actor.id, "interview_did_not_come", &row.state, &row.state, &details).await?;
    audit::record_change(
        &mut tx,
        &actor.id,
        "interview_did_not_come",
        &row.reference,
        json!({ "interview": interview, "outcome": "scheduled" }),
        json!({ "interview": interview, "outcome": "did_not_come" }),
    )
    .await?;
    tx.commit().await?;
    let row = case::find_visible(&state.pool, actor, reference).await?;
    case::view(&state.pool, actor, row, &state.clock.today_in_italy().to_string()).await
}
