//! The audit log: who saw or changed what, and when (spec §5). Rows are only inserted. Details
//! never hold personal data, only codes such as the channel.

/// Appends one entry; runs inside the caller's transaction when given one.
pub async fn record<'e, 'c: 'e>(
    executor: impl Into<crate::db::Exec<'e, 'c>>,
    actor: &str,
    action: &str,
    subject: &str,
    subject_id: &str,
    details: Option<&str>,
) -> Result<(), sqlx::Error> {
    let executor: crate::db::Exec<'e, 'c> = executor.into();
    crate::on_exec!(executor => sqlx::query("INSERT INTO audit_log (actor, action, subject, subject_id, details) VALUES ($1, $2, $3, $4, $5)")
        .bind(actor)
        .bind(action)
        .bind(subject)
        .bind(subject_id)
        .bind(details.map(|detail| serde_json::json!({ "detail": detail }).to_string()))
        .execute(executor)
        .await.map(|done| done.rows_affected()))?;
    Ok(())
}

/// Appends a change of an application with the values before and after (as JSON), inside the
/// caller's transaction.
pub async fn record_change<'e, 'c: 'e>(
    executor: impl Into<crate::db::Exec<'e, 'c>>,
    actor: &str,
    action: &str,
    reference: &str,
    before: serde_json::Value,
    after: serde_json::Value,
) -> Result<(), sqlx::Error> {
    let executor: crate::db::Exec<'e, 'c> = executor.into();
    record_change_of(executor, actor, action, ("application", reference), before, after).await
}

/// Appends a change of any subject (`("account", id)`, `("access_point", id)` ...) with the values
/// before and after, inside the caller's transaction.
pub async fn record_change_of<'e, 'c: 'e>(
    executor: impl Into<crate::db::Exec<'e, 'c>>,
    actor: &str,
    action: &str,
    (subject, subject_id): (&str, &str),
    before: serde_json::Value,
    after: serde_json::Value,
) -> Result<(), sqlx::Error> {
    let executor: crate::db::Exec<'e, 'c> = executor.into();
    crate::on_exec!(executor => sqlx::query("INSERT INTO audit_log (actor, action, subject, subject_id, details) VALUES ($1, $2, $3, $4, $5)")
        .bind(actor)
        .bind(action)
        .bind(subject)
        .bind(subject_id)
        .bind(serde_json::json!({ "before": before, "after": after }).to_string())
        .execute(executor)
        .await.map(|done| done.rows_affected()))?;
    Ok(())
}
