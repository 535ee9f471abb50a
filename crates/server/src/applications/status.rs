//! After submission: a person looks their application up with its reference and access code and
//! corrects what the partners flagged; partners (for now `insieme-admin`) change its state. Each
//! change is one transaction with its public history and audit entry.

use insieme_api::{Channel, Correction, HistoryEntry, Issue, State, StatusQuery, StatusView, Submission};
use insieme_rules::Instrument;
use insieme_validation::{Context, FieldProblem, check_submission};
use sqlx::SqlitePool;

use super::{calls_for_checks, reassess, record_event, unprocessable};
use crate::{AppState, Error, Result, audit, clock};

/// One application as the status page needs it.
#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    reference: String,
    channel: String,
    state: String,
    submitted_at: String,
    submission: String,
    issues: Option<String>,
}

async fn find(pool: &SqlitePool, reference: &str) -> Result<Option<Row>> {
    Ok(sqlx::query_as(
        "SELECT id, reference, channel, state, submitted_at, submission, issues FROM applications WHERE reference = ?",
    )
    .bind(reference.trim().to_ascii_uppercase())
    .fetch_optional(pool)
    .await?)
}

/// The application behind a reference, if the access code opens it. A wrong code and an unknown
/// reference give the same answer, so that neither can be probed.
async fn open(state: &AppState, reference: &str, access_code: &str) -> Result<Row> {
    match find(&state.pool, reference).await? {
        Some(row) if state.secret.verify(&row.id, access_code) => Ok(row),
        _ => Err(Error::NotFound),
    }
}

/// `POST /api/applications/status`.
pub async fn status(state: &AppState, query: &StatusQuery) -> Result<StatusView> {
    let row = open(state, &query.reference, &query.access_code).await?;
    audit::record(&state.pool, "applicant", "view", "application", &row.reference, None).await?;
    status_view(&state.pool, row).await
}

async fn status_view(pool: &SqlitePool, row: Row) -> Result<StatusView> {
    let events: Vec<(String, String)> = sqlx::query_as(
        "SELECT state, occurred_at FROM application_events WHERE application_id = ? AND public = 1 ORDER BY id",
    )
    .bind(&row.id)
    .fetch_all(pool)
    .await?;
    let state = State::from_code(&row.state).ok_or_else(|| Error::Internal(format!("unknown state {}", row.state)))?;
    let submission: serde_json::Value =
        serde_json::from_str(&row.submission).map_err(|error| Error::Internal(error.to_string()))?;
    let issues = if state == State::HasIssues { flagged(row.issues.as_deref(), &submission) } else { Vec::new() };
    Ok(StatusView {
        reference: row.reference,
        channel: Channel::from_code(&row.channel).ok_or_else(|| Error::Internal("unknown channel".to_owned()))?,
        state,
        submitted_at: row.submitted_at,
        history: events
            .into_iter()
            .filter_map(|(state, at)| State::from_code(&state).map(|state| HistoryEntry { state, at }))
            .collect(),
        issues,
    })
}

/// The fields the partners flagged, as stored in `applications.issues`.
fn flagged_fields(issues: Option<&str>) -> Vec<FlaggedField> {
    issues.and_then(|json| serde_json::from_str(json).ok()).unwrap_or_default()
}

/// The fields the partners flagged, with their notes and the values now stored.
fn flagged(issues: Option<&str>, submission: &serde_json::Value) -> Vec<Issue> {
    flagged_fields(issues)
        .into_iter()
        .map(|flag| Issue {
            current: submission
                .pointer(&pointer(&flag.field))
                .and_then(|value| value.as_str())
                .unwrap_or_default()
                .to_owned(),
            field: flag.field,
            note: flag.note,
        })
        .collect()
}

/// A field partners ask the person to correct, as stored in `applications.issues`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct FlaggedField {
    pub field: String,
    pub note: String,
}

/// `person.phone` as a JSON pointer (`/person/phone`).
fn pointer(field: &str) -> String {
    format!("/{}", field.replace('.', "/"))
}

/// Fields a person may be asked to correct: text values of the submission.
pub fn is_correctable(field: &str) -> bool {
    let Some((section, name)) = field.split_once('.') else { return false };
    matches!(section, "person" | "youth" | "youth_project" | "enterprise" | "community")
        && !name.is_empty()
        && name.chars().all(|letter| letter.is_ascii_lowercase() || letter == '_')
        && !matches!(name, "availability" | "support")
}

/// `POST /api/applications/correction`: only when the partners asked, only the flagged fields;
/// the corrected submission passes every check again and is re-scored.
pub async fn correct(state: &AppState, correction: &Correction) -> Result<StatusView> {
    let row = open(state, &correction.reference, &correction.access_code).await?;
    if row.state != "has_issues" {
        return Err(Error::Unprocessable(vec![insieme_api::FieldError {
            field: "reference".to_owned(),
            problem: "nothing_to_correct".to_owned(),
        }]));
    }
    let flagged = flagged_fields(row.issues.as_deref());
    let mut submission: serde_json::Value =
        serde_json::from_str(&row.submission).map_err(|error| Error::Internal(error.to_string()))?;
    let mut refused = Vec::new();
    for (field, value) in &correction.values {
        match submission.pointer_mut(&pointer(field)) {
            Some(slot) if flagged.iter().any(|flag| &flag.field == field) && slot.is_string() => {
                *slot = value.clone().into();
            }
            _ => refused.push(insieme_api::FieldError {
                field: format!("values.{field}"),
                problem: "not_for_channel".to_owned(),
            }),
        }
    }
    if !refused.is_empty() {
        return Err(Error::Unprocessable(refused));
    }
    let submission: Submission =
        serde_json::from_value(submission).map_err(|error| Error::Internal(error.to_string()))?;
    let open_calls = calls_for_checks(&state.pool).await?;
    let today = clock::today_in_italy();
    let context = Context { today, open_calls: &open_calls, instrument: Instrument::fragility() };
    let checked = check_submission(&submission, &context).map_err(|problems| {
        unprocessable(
            problems.into_iter().map(|p| FieldProblem { field: format!("values.{}", p.field), ..p }).collect(),
        )
    })?;
    let (assessment, version) = reassess(&checked, today)?;
    let now = clock::now_utc();
    let mut tx = state.pool.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query(
        "UPDATE applications SET submission = ?, assessment = ?, instrument_version = ?, state = 'corrected', \
         issues = NULL, updated_at = ? WHERE id = ? AND state = 'has_issues'",
    )
    .bind(serde_json::to_string(&checked).map_err(|error| Error::Internal(error.to_string()))?)
    .bind(assessment)
    .bind(version)
    .bind(&now)
    .bind(&row.id)
    .execute(&mut *tx)
    .await?;
    record_event(&mut *tx, &row.id, &now, &State::Corrected.code(), "applicant").await?;
    let fields: Vec<&str> = correction.values.keys().map(String::as_str).collect();
    audit::record(&mut *tx, "applicant", "update", "application", &row.reference, Some(&fields.join(","))).await?;
    tx.commit().await?;
    // The access code was checked above; read the row back as it is now.
    let row = find(&state.pool, &row.reference).await?.ok_or(Error::NotFound)?;
    status_view(&state.pool, row).await
}

/// Moves an application to `has_issues` with the fields to correct. The back office will call
/// this; until then the `insieme-admin` command does.
pub async fn mark_has_issues(pool: &SqlitePool, reference: &str, actor: &str, flagged: &[FlaggedField]) -> Result<()> {
    if flagged.is_empty() || flagged.iter().any(|flag| !is_correctable(&flag.field)) {
        return Err(Error::BadRequest("each flagged field must be a text field such as person.phone".to_owned()));
    }
    let issues = serde_json::to_string(flagged).map_err(|error| Error::Internal(error.to_string()))?;
    change_state(pool, reference, actor, State::HasIssues, Some(issues)).await
}

/// Moves an application to any public state (the back office's job; for now `insieme-admin`).
pub async fn set_state(pool: &SqlitePool, reference: &str, actor: &str, state: State) -> Result<()> {
    change_state(pool, reference, actor, state, None).await
}

/// One change of state in one transaction: the application, its public history and the audit
/// log. `issues` are the fields to correct (kept only while the state is `has_issues`).
async fn change_state(
    pool: &SqlitePool,
    reference: &str,
    actor: &str,
    state: State,
    issues: Option<String>,
) -> Result<()> {
    let now = clock::now_utc();
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let id: Option<String> = sqlx::query_scalar("SELECT id FROM applications WHERE reference = ?")
        .bind(reference)
        .fetch_optional(&mut *tx)
        .await?;
    let id = id.ok_or(Error::NotFound)?;
    sqlx::query("UPDATE applications SET state = ?, issues = ?, updated_at = ? WHERE id = ?")
        .bind(state.code())
        .bind(issues)
        .bind(&now)
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    record_event(&mut *tx, &id, &now, &state.code(), actor).await?;
    audit::record(&mut *tx, actor, "update", "application", reference, Some(&state.code())).await?;
    tx.commit().await?;
    Ok(())
}
