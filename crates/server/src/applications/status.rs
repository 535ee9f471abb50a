//! After submission: a person looks their application up with its reference and access code and
//! corrects what the partners flagged. Partners change the state in the back office
//! (`back_office::actions`); the two functions below are kept for tests that need an application
//! in a given state, and write the same history and audit entries. Each
//! change is one transaction with its public history and audit entry.

use insieme_api::{Appointment, Channel, Correction, HistoryEntry, Issue, State, StatusQuery, StatusView, Submission};
use std::net::IpAddr;

use insieme_rules::Instrument;
use insieme_validation::{Context, FieldProblem, correction::check_correction};

use super::{calls_for_checks, reassess, record_event, route, stored, unprocessable};
use crate::{AppState, Error, Result, audit, clock, clock::Clock};

/// One application as the status page and a correction need it.
#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    reference: String,
    channel: String,
    state: String,
    submitted_at: String,
    submission: String,
    issues: Option<String>,
    version: i64,
}

async fn find(pool: &crate::db::Db, reference: &str) -> Result<Option<Row>> {
    Ok(crate::on_db!(pool => sqlx::query_as(
        "SELECT id, reference, channel, state, submitted_at, submission, issues, version FROM applications \
         WHERE reference = $1",
    )
    .bind(reference.trim().to_ascii_uppercase())
    .fetch_optional(pool)
    .await)?)
}

/// The application behind a reference, if the access code opens it. A wrong code and an unknown
/// reference give the same answer, so that neither can be probed; each failure is logged and
/// counted against the client's address, which is refused for a while after too many.
async fn open(state: &AppState, client: IpAddr, reference: &str, access_code: &str) -> Result<Row> {
    state.failed_lookups.check(client)?;
    match find(&state.pool, reference).await? {
        Some(row) if state.secret.verify(&row.id, access_code) => Ok(row),
        _ => {
            tracing::warn!(%client, "an application lookup failed: unknown reference or wrong access code");
            state.failed_lookups.record_failure(client);
            Err(Error::NotFound)
        }
    }
}

/// `POST /api/applications/status`.
pub async fn status(state: &AppState, client: IpAddr, query: &StatusQuery) -> Result<StatusView> {
    let row = open(state, client, &query.reference, &query.access_code).await?;
    audit::record(&state.pool, "applicant", "view", "application", &row.reference, None).await?;
    status_view(&state.pool, row).await
}

async fn status_view(pool: &crate::db::Db, row: Row) -> Result<StatusView> {
    let events: Vec<(String, String)> = crate::on_db!(pool => sqlx::query_as(
        "SELECT state, occurred_at FROM application_events WHERE application_id = $1 AND public = TRUE ORDER BY id",
    )
    .bind(&row.id)
    .fetch_all(pool)
    .await)?;
    let appointments: Vec<(String, String, String, String, String)> = crate::on_db!(pool => sqlx::query_as(
        "SELECT i.round, i.starts_at, p.name, p.address, p.comune FROM interviews i \
         JOIN access_points p ON p.id = i.access_point_id \
         WHERE i.application_id = $1 AND i.outcome = 'scheduled' ORDER BY i.starts_at",
    )
    .bind(&row.id)
    .fetch_all(pool)
    .await)?;
    let state = State::from_code(&row.state).ok_or_else(|| Error::Internal(format!("unknown state {}", row.state)))?;
    let submission = stored::decode_value(&row.submission)?;
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
        appointments: appointments
            .into_iter()
            .map(|(round, starts_at, place, address, comune)| Appointment { round, starts_at, place, address, comune })
            .collect(),
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

/// The flagged fields that are not text fields of this submission.
pub fn unknown_fields<'a>(submission: &serde_json::Value, flagged: &'a [FlaggedField]) -> Vec<&'a str> {
    flagged
        .iter()
        .filter(|flag| {
            !is_correctable(&flag.field)
                || !submission.pointer(&pointer(&flag.field)).is_some_and(serde_json::Value::is_string)
        })
        .map(|flag| flag.field.as_str())
        .collect()
}

/// Fields a person may be asked to correct: text values of the submission.
pub fn is_correctable(field: &str) -> bool {
    let Some((section, name)) = field.split_once('.') else { return false };
    matches!(section, "person" | "youth" | "youth_project" | "enterprise" | "community")
        && !name.is_empty()
        && name.chars().all(|letter| letter.is_ascii_lowercase() || letter == '_')
        && !matches!(name, "availability" | "support")
}

/// `POST /api/applications/correction`: only when the partners asked, only the flagged fields.
/// The corrected application is checked against what applied when it was submitted (calls open
/// then, its date), re-scored, routed again (a business's comune, a proposal's area) and written
/// only if nobody changed it since it was read; otherwise nothing is saved and the answer is 409.
pub async fn correct(state: &AppState, client: IpAddr, correction: &Correction) -> Result<StatusView> {
    let row = open(state, client, &correction.reference, &correction.access_code).await?;
    if row.state != "has_issues" {
        return Err(Error::Unprocessable(vec![insieme_api::FieldError {
            field: "reference".to_owned(),
            problem: "nothing_to_correct".to_owned(),
        }]));
    }
    let flagged = flagged_fields(row.issues.as_deref());
    let stored_value = stored::decode_value(&row.submission)?;
    let stored_submission: Submission =
        serde_json::from_value(stored_value.clone()).map_err(|error| Error::Internal(error.to_string()))?;
    let mut corrected = stored_value;
    let mut refused = Vec::new();
    for (field, value) in &correction.values {
        match corrected.pointer_mut(&pointer(field)) {
            Some(slot) if flagged.iter().any(|flag| &flag.field == field) && slot.is_string() => {
                *slot = super::normalised_text(value).into();
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
    let corrected: Submission =
        serde_json::from_value(corrected).map_err(|error| Error::Internal(error.to_string()))?;
    let submitted_on = clock::parse_timestamp(&row.submitted_at)
        .map(clock::date_in_italy)
        .ok_or_else(|| Error::Internal(format!("unreadable submitted_at {}", row.submitted_at)))?;
    let open_calls = calls_for_checks(&state.pool, submitted_on).await?;
    let context = Context { today: submitted_on, open_calls: &open_calls, instrument: Instrument::fragility() };
    let fields: Vec<&str> = correction.values.keys().map(String::as_str).collect();
    let checked = check_correction(&stored_submission, &corrected, &fields, &context).map_err(|problems| {
        unprocessable(
            problems.into_iter().map(|p| FieldProblem { field: format!("values.{}", p.field), ..p }).collect(),
        )
    })?;
    let channel = Channel::from_code(&row.channel).ok_or_else(|| Error::Internal("unknown channel".to_owned()))?;
    let (assessment, version) = reassess(&checked, submitted_on)?;
    let (owner_partner, area) = route(&checked, channel);
    let now = state.clock.now_utc();
    let mut tx = state.pool.begin_writing().await?;
    let previous_owner: Option<String> = crate::on_tx!(tx => sqlx::query_scalar("SELECT owner_partner FROM applications WHERE id = $1 AND version = $2")
            .bind(&row.id)
            .bind(row.version)
            .fetch_optional(&mut **tx)
            .await)?;
    let updated = crate::on_tx!(tx => sqlx::query(
        "UPDATE applications SET submission = $1, assessment = $2, instrument_version = $3, state = 'corrected', \
         issues = NULL, owner_partner = $4, area = $5, updated_at = $6, version = version + 1 \
         WHERE id = $7 AND state = 'has_issues' AND version = $8",
    )
    .bind(stored::encode(&checked)?)
    .bind(assessment)
    .bind(version)
    .bind(&owner_partner)
    .bind(&area)
    .bind(&now)
    .bind(&row.id)
    .bind(row.version)
    .execute(&mut **tx)
    .await.map(|done| done.rows_affected()))?;
    if updated != 1 {
        tx.rollback().await?;
        return Err(Error::ChangedMeanwhile);
    }
    super::keys::write(&mut tx, &row.id, &super::keys::SearchKeys::of(&checked)).await?;
    record_event(&mut tx, &row.id, &now, &State::Corrected.code(), "applicant").await?;
    audit::record(&mut tx, "applicant", "update", "application", &row.reference, Some(&fields.join(","))).await?;
    if previous_owner.as_deref() != Some(owner_partner.as_str()) {
        let detail = format!("{} -> {owner_partner}", previous_owner.unwrap_or_default());
        audit::record(&mut tx, "applicant", "route", "application", &row.reference, Some(&detail)).await?;
    }
    tx.commit().await?;
    // The access code was checked above; read the row back as it is now.
    let row = find(&state.pool, &row.reference).await?.ok_or(Error::NotFound)?;
    status_view(&state.pool, row).await
}

/// Moves an application to `has_issues` with the fields to correct: only text fields that this
/// application has (a partner cannot ask a community proposal for a codice fiscale). The back
/// office asks through `request_correction`; tests use this to set up the state directly.
pub async fn mark_has_issues(
    pool: &crate::db::Db,
    clock: &Clock,
    reference: &str,
    actor: &str,
    flagged: &[FlaggedField],
) -> Result<()> {
    if flagged.is_empty() || flagged.iter().any(|flag| !is_correctable(&flag.field)) {
        return Err(Error::BadRequest("each flagged field must be a text field such as person.phone".to_owned()));
    }
    let issues = serde_json::to_string(flagged).map_err(|error| Error::Internal(error.to_string()))?;
    change_state(pool, clock, reference, actor, State::HasIssues, Some((issues, flagged))).await
}

/// Moves an application to any public state, outside the workflow table: test setup only (the
/// back office moves states through `back_office::actions::take`).
pub async fn set_state(pool: &crate::db::Db, clock: &Clock, reference: &str, actor: &str, state: State) -> Result<()> {
    change_state(pool, clock, reference, actor, state, None).await
}

/// One change of state in one transaction: the application, its public history and the audit
/// log. `issues` are the fields to correct (kept only while the state is `has_issues`), each of
/// which must be a text field of this application.
async fn change_state(
    pool: &crate::db::Db,
    clock: &Clock,
    reference: &str,
    actor: &str,
    state: State,
    issues: Option<(String, &[FlaggedField])>,
) -> Result<()> {
    let now = clock.now_utc();
    let mut tx = pool.begin_writing().await?;
    let found: Option<(String, String)> = crate::on_tx!(tx => sqlx::query_as("SELECT id, submission FROM applications WHERE reference = $1")
        .bind(reference)
        .fetch_optional(&mut **tx)
        .await)?;
    let (id, submission) = found.ok_or(Error::NotFound)?;
    if let Some((_, flagged)) = &issues {
        let submission = stored::decode_value(&submission)?;
        let missing = unknown_fields(&submission, flagged);
        if !missing.is_empty() {
            return Err(Error::BadRequest(format!("this application has no field {}", missing.join(", "))));
        }
    }
    crate::on_tx!(tx => sqlx::query("UPDATE applications SET state = $1, issues = $2, updated_at = $3, version = version + 1 WHERE id = $4")
        .bind(state.code())
        .bind(issues.map(|(json, _)| json))
        .bind(&now)
        .bind(&id)
        .execute(&mut **tx)
        .await.map(|done| done.rows_affected()))?;
    record_event(&mut tx, &id, &now, &state.code(), actor).await?;
    audit::record(&mut tx, actor, "update", "application", reference, Some(&state.code())).await?;
    tx.commit().await?;
    Ok(())
}
