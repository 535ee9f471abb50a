//! One workflow step on one application: checked against `workflows.toml` for the channel, the
//! state and the role, against who holds the application and what the step must record, then
//! written in one transaction with the public history, the action log (values before and after)
//! and the audit log. A step taken from an older reading of the case is refused (409).

use std::collections::BTreeMap;

use insieme_api::{
    Submission,
    back_office::{ActionRequest, CaseView, InterviewSlot},
};
use insieme_rules::{Instrument, Requirement, Role, Workflows};
use insieme_validation::application::answers_with_person;
use serde_json::json;

use super::{Actor, case, records::Records, visibility};
use crate::{
    AppState, Error, Result,
    applications::{self, FlaggedField, stored},
    audit,
};

pub async fn take(state: &AppState, actor: &Actor, reference: &str, request: &ActionRequest) -> Result<CaseView> {
    let today = state.clock.today_in_italy();
    let now = state.clock.now_utc();
    let mut tx = state.pool.begin_writing().await?;
    let row = changeable(&mut tx, actor, reference, request.version).await?;
    let workflow = Workflows::embedded().channel(row.rules_channel()?);
    let transition = workflow
        .decide(&row.state, &request.action, actor.role)
        .map_err(|refusal| Error::TransitionNotAllowed(format!("{}: {refusal:?}", request.action)))?;
    not_held_by_someone_else(&row, actor)?;
    let records = Records::of(transition);
    super::records::check(&records, request)?;
    let mut details = serde_json::Map::new();
    // Channel 3 decides against a call: every step names the call the application answered.
    if let Some(call) = call_of(&row.submission) {
        details.insert("call".to_owned(), call.into());
    }
    if let Some(note) = request.note.as_deref().map(str::trim).filter(|note| !note.is_empty()) {
        details.insert("note".to_owned(), note.into());
    }
    if let Some(path) = &request.path {
        details.insert("path".to_owned(), path.clone().into());
    }

    // What the step records besides the state.
    let mut issues: Option<String> = None;
    if records.fields {
        issues = Some(fields_to_correct(&row.submission, request)?);
        details.insert("fields".to_owned(), json!(request.fields));
    }
    if records.shares || records.partners_present {
        check_partners(&mut tx, &request.partners).await?;
        details.insert("partners".to_owned(), json!(request.partners));
        if records.shares {
            for partner in &request.partners {
                crate::on_tx!(tx => sqlx::query(
                    "INSERT INTO application_shares (application_id, organisation_id, shared_by, shared_at) \
                     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                )
                .bind(&row.id)
                .bind(partner)
                .bind(&actor.id)
                .bind(&now)
                .execute(&mut **tx)
                .await.map(|done| done.rows_affected()))?;
            }
        }
    }
    if let Some(slot) = &request.interview {
        let round = round_of(&request.action);
        check_slot(&mut tx, slot, &today.to_string()).await?;
        let moved = crate::on_tx!(tx => sqlx::query(
            "UPDATE interviews SET outcome = 'rescheduled' WHERE application_id = $1 AND round = $2 AND outcome = 'scheduled'",
        )
        .bind(&row.id)
        .bind(round)
        .execute(&mut **tx)
        .await.map(|done| done.rows_affected()))?;
        crate::on_tx!(tx => sqlx::query(
            "INSERT INTO interviews (application_id, round, starts_at, access_point_id, operator_id, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&row.id)
        .bind(round)
        .bind(&slot.starts_at)
        .bind(&slot.access_point)
        .bind(&slot.operator)
        .bind(&actor.id)
        .bind(&now)
        .execute(&mut **tx)
        .await.map(|done| done.rows_affected()))?;
        details.insert("interview".to_owned(), json!(slot));
        details.insert("rescheduled".to_owned(), (moved > 0).into());
    }
    if request.action.starts_with("record_") && request.action.ends_with("_interview") {
        let round = if request.action == "record_second_interview" { "second" } else { "first" };
        held(&mut tx, actor, &row.id, round).await?;
    }
    let mut official: Option<(String, i64, String)> = None;
    if records.items {
        let (assessment, total, version, changed) = official_assessment(&row.submission, &request.items, today)?;
        details.insert("items".to_owned(), changed);
        details.insert("official_total".to_owned(), total.into());
        details.insert("instrument_version".to_owned(), version.clone().into());
        official = Some((assessment, total, version));
    }
    if records.grid {
        details.insert("sustainability_grid".to_owned(), sustainability_grid(&request.items)?);
    }
    if let Some(requirement) = transition.requires {
        check_requirement(requirement, row.official_total)?;
    }

    // The change itself, only if nobody changed the application since it was read.
    let met_deadline = Workflows::embedded()
        .deadline(row.rules_channel()?)
        .is_some_and(|deadline| deadline.met_by_action == request.action);
    let clear_deadline = met_deadline || workflow.is_final(&transition.to);
    let (official_assessment, official_total, official_version) = match official {
        Some((assessment, total, version)) => (Some(assessment), Some(total), Some(version)),
        None => (row.official_assessment.clone(), row.official_total, row.official_instrument_version.clone()),
    };
    let updated = crate::on_tx!(tx => sqlx::query(
        "UPDATE applications SET state = $1, issues = $2, due_on = CASE WHEN $3 THEN NULL ELSE due_on END, \
         official_assessment = $4, official_total = $5, official_instrument_version = $6, updated_at = $7, \
         version = version + 1 WHERE id = $8 AND version = $9",
    )
    .bind(&transition.to)
    .bind(&issues)
    .bind(clear_deadline)
    .bind(&official_assessment)
    .bind(official_total)
    .bind(&official_version)
    .bind(&now)
    .bind(&row.id)
    .bind(row.version)
    .execute(&mut **tx)
    .await.map(|done| done.rows_affected()))?;
    if updated != 1 {
        return Err(Error::ChangedMeanwhile);
    }
    let details = serde_json::Value::Object(details);
    log_action(&mut tx, &row.id, &now, &actor.id, &request.action, &row.state, &transition.to, &details).await?;
    if transition.public {
        applications::record_event(&mut tx, &row.id, &now, &transition.to, &actor.id).await?;
    }
    audit::record_change(
        &mut tx,
        &actor.id,
        &request.action,
        &row.reference,
        json!({ "state": row.state, "due_on": row.due_on }),
        json!({ "state": transition.to, "details": details }),
    )
    .await?;
    tx.commit().await?;
    let row = case::find_visible(&state.pool, actor, reference).await?;
    case::view(&state.pool, actor, row, &today.to_string()).await
}

/// The call a channel-3 application answered (`youth.call_id` or `youth_project.call_id`).
fn call_of(submission: &str) -> Option<String> {
    let submission = stored::decode_value(submission).ok()?;
    ["/youth/call_id", "/youth_project/call_id"]
        .iter()
        .find_map(|pointer| submission.pointer(pointer).and_then(serde_json::Value::as_str).map(str::to_owned))
        .filter(|call| !call.is_empty())
}

/// The application `actor` sees and may change, as of `version` (404 unseen, 409 changed
/// meanwhile, 403 shared for reading only), inside the caller's transaction.
pub async fn changeable(
    tx: &mut crate::db::Tx<'_>,
    actor: &Actor,
    reference: &str,
    version: i64,
) -> Result<case::CaseRow> {
    let row = case::find_visible(&mut *tx, actor, reference).await?;
    if row.version != version {
        return Err(Error::ChangedMeanwhile);
    }
    if !visibility::may_change(actor, &row.owner_partner) {
        return Err(Error::Forbidden("shared for reading only"));
    }
    Ok(row)
}

/// 409 when someone else holds the application, unless the role may reassign.
pub fn not_held_by_someone_else(row: &case::CaseRow, actor: &Actor) -> Result<()> {
    if row.assignee.as_ref().is_some_and(|holder| *holder != actor.id) && !actor.may_reassign() {
        return Err(Error::HeldBySomeoneElse);
    }
    Ok(())
}

/// One row of the append-only action log, inside the caller's transaction; `actor` is an
/// account id (or `sample` for the made-up applications).
#[allow(clippy::too_many_arguments)]
pub async fn log_action(
    tx: &mut crate::db::Tx<'_>,
    application_id: &str,
    now: &str,
    actor: &str,
    action: &str,
    from_state: &str,
    to_state: &str,
    details: &serde_json::Value,
) -> Result<()> {
    crate::on_tx!(tx => sqlx::query(
        "INSERT INTO application_actions (application_id, occurred_at, actor, action, from_state, to_state, details) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(application_id)
    .bind(now)
    .bind(actor)
    .bind(action)
    .bind(from_state)
    .bind(to_state)
    .bind(details.to_string())
    .execute(&mut **tx)
    .await.map(|done| done.rows_affected()))?;
    Ok(())
}

/// The fields to correct as stored in `applications.issues`: text fields this application has.
fn fields_to_correct(submission: &str, request: &ActionRequest) -> Result<String> {
    let submission = stored::decode_value(submission)?;
    let flagged: Vec<FlaggedField> = request
        .fields
        .iter()
        .map(|field| FlaggedField { field: field.field.clone(), note: field.note.trim().to_owned() })
        .collect();
    if flagged.iter().any(|flag| flag.note.is_empty()) {
        return Err(Error::BadRequest("each field to correct needs a note for the person".to_owned()));
    }
    let unknown = applications::unknown_fields(&submission, &flagged);
    if !unknown.is_empty() {
        return Err(Error::BadRequest(format!("this application has no text field {}", unknown.join(", "))));
    }
    serde_json::to_string(&flagged).map_err(|error| Error::Internal(error.to_string()))
}

async fn check_partners(tx: &mut crate::db::Tx<'_>, partners: &[String]) -> Result<()> {
    for partner in partners {
        let known: Option<i32> = crate::on_tx!(tx => sqlx::query_scalar("SELECT 1 FROM organisations WHERE id = $1 AND joint_analysis = TRUE AND active = TRUE")
                .bind(partner)
                .fetch_optional(&mut **tx)
                .await)?;
        if known.is_none() {
            return Err(Error::BadRequest(format!("{partner} is not a partner of joint analyses")));
        }
    }
    Ok(())
}

fn round_of(action: &str) -> &'static str {
    match action {
        "schedule_first_interview" => "first",
        "schedule_second_interview" => "second",
        _ => "call",
    }
}

/// A slot is a real future time at an open access point, with an operator of that point.
async fn check_slot(tx: &mut crate::db::Tx<'_>, slot: &InterviewSlot, today: &str) -> Result<()> {
    let bad = |what: &str| Err(Error::BadRequest(format!("interview: {what}")));
    let starts_at = slot.starts_at.as_str();
    let well_formed = starts_at.len() == 16
        && starts_at.get(..10).and_then(|date| date.parse::<insieme_rules::Date>().ok()).is_some()
        && starts_at.get(10..11) == Some("T")
        && starts_at.get(11..13).and_then(|hours| hours.parse::<u8>().ok()).is_some_and(|hours| hours < 24)
        && starts_at.get(13..14) == Some(":")
        && starts_at.get(14..16).and_then(|minutes| minutes.parse::<u8>().ok()).is_some_and(|minutes| minutes < 60);
    if !well_formed {
        return bad("starts_at is YYYY-MM-DDTHH:MM");
    }
    if starts_at.get(..10).unwrap_or_default() < today {
        return bad("starts_at is in the past");
    }
    let point: Option<i32> = crate::on_tx!(tx => sqlx::query_scalar("SELECT 1 FROM access_points WHERE id = $1 AND active = TRUE")
        .bind(&slot.access_point)
        .fetch_optional(&mut **tx)
        .await)?;
    if point.is_none() {
        return bad("unknown access point");
    }
    if let Some(operator) = &slot.operator {
        let fits: Option<i32> = crate::on_tx!(tx => sqlx::query_scalar(
            "SELECT 1 FROM accounts WHERE id = $1 AND role = 'operator' AND access_point_id = $2 AND disabled = FALSE",
        )
        .bind(operator)
        .bind(&slot.access_point)
        .fetch_optional(&mut **tx)
        .await)?;
        if fits.is_none() {
            return bad("the operator does not work at this access point");
        }
    }
    Ok(())
}

/// Marks the scheduled interview of `round` as held; an operator holds only interviews at their
/// own access point.
async fn held(tx: &mut crate::db::Tx<'_>, actor: &Actor, application_id: &str, round: &str) -> Result<()> {
    // NULL for the roles that may record an interview held anywhere.
    let own_point = (actor.role == Role::Operator).then(|| actor.access_point.clone().unwrap_or_default());
    let updated = crate::on_tx!(tx => sqlx::query(
        "UPDATE interviews SET outcome = 'held' WHERE application_id = $1 AND round = $2 AND outcome = 'scheduled' \
         AND ($3 IS NULL OR access_point_id = $4)",
    )
    .bind(application_id)
    .bind(round)
    .bind(&own_point)
    .bind(&own_point)
    .execute(&mut **tx)
    .await.map(|done| done.rows_affected()))?;
    if updated == 0 {
        return Err(Error::TransitionNotAllowed("no interview scheduled at your access point".to_owned()));
    }
    Ok(())
}

/// The sustainability grid of channel 4 as the reviewers scored it, totalled by the rules engine
/// with the instrument's version and threshold (the reviewers decide; the grid is the record).
fn sustainability_grid(levels: &BTreeMap<String, u8>) -> Result<serde_json::Value> {
    let instrument = Instrument::sustainability();
    let levels: BTreeMap<String, insieme_rules::Level> = levels
        .iter()
        .map(|(criterion, level)| {
            insieme_rules::Level::new(*level)
                .map(|level| (criterion.clone(), level))
                .ok_or_else(|| Error::BadRequest(format!("items: {criterion} = {level} is not a level 0 to 3")))
        })
        .collect::<Result<_>>()?;
    let scored = insieme_rules::fragility::score(&levels, instrument);
    Ok(json!({
        "levels": levels.iter().map(|(criterion, level)| (criterion.clone(), json!(level))).collect::<serde_json::Map<_, _>>(),
        "total": scored.total,
        "max": scored.max_possible,
        "threshold": scored.threshold,
        "instrument_version": instrument.version,
        "status": scored.instrument_status,
    }))
}

/// The official assessment: the person's declared levels with the operator's corrections, scored
/// by the rules engine today. Returns the assessment, its total, the instrument version and the
/// changed items with both values.
fn official_assessment(
    submission: &str,
    corrections: &BTreeMap<String, u8>,
    today: insieme_rules::Date,
) -> Result<(String, i64, String, serde_json::Value)> {
    let instrument = Instrument::fragility();
    let submission: Submission = stored::decode(submission)?;
    let mut answers = answers_with_person(submission.answers.as_ref(), submission.person.as_ref());
    let mut changed = serde_json::Map::new();
    {
        let Some(object) = answers.as_object_mut() else {
            return Err(Error::Internal("answers are not an object".to_owned()));
        };
        let levels = object.entry("fragility").or_insert_with(|| json!({}));
        let Some(levels) = levels.as_object_mut() else {
            return Err(Error::Internal("fragility answers are not an object".to_owned()));
        };
        for (item, level) in corrections {
            if instrument.item(item).is_none() || *level > 3 {
                return Err(Error::BadRequest(format!(
                    "items: {item} = {level} is not an item level of the instrument"
                )));
            }
            let declared = levels.get(item).cloned().unwrap_or(serde_json::Value::Null);
            if declared != json!(level) {
                changed.insert(item.clone(), json!({ "declared": declared, "official": level }));
            }
            levels.insert(item.clone(), json!(level));
        }
    }
    let assessment =
        applications::assess_on(answers, today).map_err(|errors| Error::BadRequest(format!("items: {errors:?}")))?;
    let total = i64::from(assessment.fragility.total);
    let text = serde_json::to_string(&assessment).map_err(|error| Error::Internal(error.to_string()))?;
    Ok((text, total, instrument.version.clone(), serde_json::Value::Object(changed)))
}

fn check_requirement(requirement: Requirement, official_total: Option<i64>) -> Result<()> {
    let threshold = i64::from(Instrument::fragility().threshold);
    let Some(total) = official_total else {
        return Err(Error::TransitionNotAllowed("no official assessment recorded yet".to_owned()));
    };
    let holds = match requirement {
        Requirement::OfficialScoreAtLeastThreshold => total >= threshold,
        Requirement::OfficialScoreBelowThreshold => total < threshold,
    };
    if holds {
        Ok(())
    } else {
        Err(Error::TransitionNotAllowed(format!("official total {total} against threshold {threshold}")))
    }
}
