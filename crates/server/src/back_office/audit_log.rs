//! Reading the audit log (administrators): filtered by account, application and dates, newest
//! first, 100 entries a page. Reading it is itself recorded.

use insieme_api::back_office::{AuditEntry, AuditQuery};
use sqlx::QueryBuilder;

use super::Actor;
use crate::{Error, Result, audit};

const PAGE: i64 = 100;

#[derive(sqlx::FromRow)]
struct AuditRow {
    id: i64,
    occurred_at: String,
    actor: String,
    action: String,
    subject: String,
    subject_id: Option<String>,
    details: Option<String>,
}

pub async fn read(pool: &crate::db::Db, actor: &Actor, query: &AuditQuery) -> Result<Vec<AuditEntry>> {
    actor.require(&[insieme_rules::Role::Administrator])?;
    for date in [&query.from, &query.to].into_iter().flatten() {
        if date.parse::<insieme_rules::Date>().is_err() {
            return Err(Error::BadRequest("from and to are dates YYYY-MM-DD".to_owned()));
        }
    }
    let rows: Vec<AuditRow> = crate::on_db!(pool => {
    let mut select = QueryBuilder::new(
        "SELECT id, occurred_at, actor, action, subject, subject_id, details FROM audit_log WHERE 1 = 1",
    );
    if let Some(account) = &query.actor {
        select.push(" AND actor = ").push_bind(account.clone());
    }
    if let Some(reference) = &query.application {
        select.push(" AND subject = 'application' AND subject_id = ").push_bind(reference.trim().to_ascii_uppercase());
    }
    if let Some(from) = &query.from {
        select.push(" AND occurred_at >= ").push_bind(from.clone());
    }
    if let Some(to) = &query.to {
        select.push(" AND occurred_at < ").push_bind(format!("{to}T99"));
    }
    if let Some(before) = query.before {
        select.push(" AND id < ").push_bind(before);
    }
    select.push(" ORDER BY id DESC LIMIT ").push_bind(PAGE);
    select.build_query_as().fetch_all(pool).await
    })?;
    audit::record(pool, &actor.id, "view", "audit_log", "", None).await?;
    Ok(rows
        .into_iter()
        .map(|row| AuditEntry {
            id: row.id,
            at: row.occurred_at,
            actor: row.actor,
            action: row.action,
            subject: row.subject,
            subject_id: row.subject_id,
            details: row.details.and_then(|json| serde_json::from_str(&json).ok()),
        })
        .collect())
}
