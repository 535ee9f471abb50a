//! Accessibility reports (issue 14), the feedback mechanism the accessibility statement must
//! offer: stored as received (idempotent by the browser's id), listed for administrators, each
//! storing and each reading in the audit log (the reports may hold a contact and describe a
//! disability).

use insieme_api::{AccessibilityFeedback, FeedbackReceipt, FeedbackView};
use insieme_validation::feedback::check_accessibility_feedback;

use crate::{
    AppState, Error, Result,
    applications::{hash_of, unprocessable},
    audit,
    back_office::Actor,
};

/// How many reports the back office lists, newest first.
const LISTED: i64 = 200;

/// Stores a report; `true` when it is new, `false` when this id was stored already with the same
/// content. Another content under a stored id is a conflict.
pub async fn receive(state: &AppState, feedback: &AccessibilityFeedback) -> Result<(bool, FeedbackReceipt)> {
    let feedback = check_accessibility_feedback(feedback).map_err(unprocessable)?;
    let hash = hash_of(&feedback);
    let mut tx = state.pool.begin().await?;
    let inserted = crate::on_tx!(tx => sqlx::query(
        "INSERT INTO accessibility_feedback (id, received_at, language, message, page, email, phone, content_hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING",
    )
    .bind(&feedback.id)
    .bind(state.clock.now_utc())
    .bind(&feedback.language)
    .bind(&feedback.message)
    .bind(&feedback.page)
    .bind(&feedback.email)
    .bind(&feedback.phone)
    .bind(&hash)
    .execute(&mut **tx)
    .await
    .map(|done| done.rows_affected()))?
        == 1;
    if inserted {
        audit::record(&mut tx, "public", "create", "accessibility_feedback", &feedback.id, None).await?;
    }
    let (received_at, stored_hash): (String, String) = crate::on_tx!(tx => sqlx::query_as(
        "SELECT received_at, content_hash FROM accessibility_feedback WHERE id = $1"
    )
    .bind(&feedback.id)
    .fetch_one(&mut **tx)
    .await)?;
    tx.commit().await?;
    if stored_hash != hash {
        return Err(Error::Conflict);
    }
    Ok((inserted, FeedbackReceipt { received_at }))
}

/// The newest reports, for an administrator; the reading is audited.
pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<FeedbackView>> {
    let rows: Vec<(String, String, String, String, String, String)> = {
        let pool = &state.pool;
        crate::on_db!(pool => sqlx::query_as(
        "SELECT received_at, language, message, page, email, phone FROM accessibility_feedback \
         ORDER BY received_at DESC, id LIMIT $1",
    )
    .bind(LISTED)
    .fetch_all(pool)
    .await)
    }?;
    audit::record(&state.pool, &actor.id, "view", "accessibility_feedback", "", None).await?;
    Ok(rows
        .into_iter()
        .map(|(received_at, language, message, page, email, phone)| FeedbackView {
            received_at,
            language,
            message,
            page,
            email,
            phone,
        })
        .collect())
}
