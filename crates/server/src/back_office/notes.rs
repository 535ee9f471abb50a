//! Internal notes on a case: written by anyone who sees it (partners of a joint analysis too),
//! never shown to the person, never changed once written.

use insieme_api::back_office::{CaseView, NewNote};

use super::{Actor, case};
use crate::{AppState, Error, Result, audit};

/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 4000;

pub async fn add(state: &AppState, actor: &Actor, reference: &str, note: &NewNote) -> Result<CaseView> {
    let body = insieme_validation::check_long_text(&note.body, MAX_NOTE_CHARS)
        .map_err(|problem| Error::BadRequest(format!("note: {problem:?}")))?;
    let body = body.as_str();
    let now = state.clock.now_utc();
    let mut tx = state.pool.begin().await?;
    let row = case::find_visible(&mut tx, actor, reference).await?;
    crate::on_tx!(tx => sqlx::query("INSERT INTO application_notes (application_id, author, written_at, body) VALUES ($1, $2, $3, $4)")
        .bind(&row.id)
        .bind(&actor.id)
        .bind(&now)
        .bind(body)
        .execute(&mut **tx)
        .await.map(|done| done.rows_affected()))?;
    audit::record(&mut tx, &actor.id, "note", "application", &row.reference, None).await?;
    tx.commit().await?;
    case::view(&state.pool, actor, row, &state.clock.today_in_italy().to_string()).await
}
