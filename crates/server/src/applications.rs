//! Applications on the server: check, re-score, route and store a submission (here); let a
//! person see and correct theirs (`status`); list open calls and supported community
//! opportunities (`public`). Handlers in `routes/applications.rs` only translate HTTP.

mod public;
mod status;
pub mod writer;

use insieme_api::{Channel, Receipt, State, Submission};
use insieme_rules::{Answers, ComuneLookup, Instrument, Territory, assess};
use insieme_validation::{Context, FieldProblem, OpenCall, application::answers_with_person, check_submission};
use sha2::{Digest, Sha256};
use sqlx::SqlitePool;

use crate::{AppState, Error, Result, clock};
pub use public::{open_calls, opportunities};
pub use status::{FlaggedField, correct, is_correctable, mark_has_issues, set_state, status};
pub use writer::{NewApplication, Outcome, Writer};

/// A receipt and whether it was made now (201) or is the answer to a repeated id (200).
#[derive(Debug)]
pub struct Submitted {
    pub receipt: Receipt,
    pub created: bool,
}

/// Checks, re-scores and stores `submission`; the same id with the same content answers the
/// same receipt, with other content a conflict.
pub async fn submit(state: &AppState, submission: Submission) -> Result<Submitted> {
    let content_hash = hash_of(&submission);
    let open_calls = calls_for_checks(&state.pool).await?;
    let today = clock::today_in_italy();
    let context = Context { today, open_calls: &open_calls, instrument: Instrument::fragility() };
    let checked = check_submission(&submission, &context).map_err(unprocessable)?;
    let channel = checked.channel.ok_or_else(|| Error::Internal("a checked submission has a channel".to_owned()))?;
    let (assessment, instrument_version) = reassess(&checked, today)?;
    let (owner_partner, area) = route(&checked, channel);
    let application = NewApplication {
        id: checked.id.clone(),
        year: today.year(),
        channel: channel.code(),
        owner_partner,
        area,
        language: checked.language.clone(),
        content_hash,
        submission: serde_json::to_string(&checked).map_err(|error| Error::Internal(error.to_string()))?,
        assessment,
        instrument_version,
        consent_sensitive: checked.consent.sensitive_data,
        consent_contact: checked.consent.contact_by_message,
        now: clock::now_utc(),
    };
    let (stored, created) = match state.writer.store(application).await? {
        Outcome::Created(stored) => (stored, true),
        Outcome::Repeated(stored) => (stored, false),
        Outcome::Conflict => return Err(Error::Conflict),
    };
    let receipt = Receipt {
        access_code: state.secret.access_code(&checked.id),
        id: checked.id,
        reference: stored.reference,
        channel,
        state: State::from_code(&stored.state).unwrap_or(State::Submitted),
        submitted_at: stored.submitted_at,
    };
    Ok(Submitted { receipt, created })
}

/// SHA-256 of the submission as received (its JSON with a fixed field order).
fn hash_of(submission: &Submission) -> String {
    let json = serde_json::to_vec(submission).unwrap_or_default();
    Sha256::digest(&json).iter().map(|byte| format!("{byte:02x}")).collect()
}

pub fn unprocessable(problems: Vec<FieldProblem>) -> Error {
    Error::Unprocessable(
        problems
            .into_iter()
            .map(|problem| insieme_api::FieldError { field: problem.field, problem: problem.problem.code().to_owned() })
            .collect(),
    )
}

/// The engine's assessment of the person's answers, never the browser's: for the channels that
/// have a person, with the person's birth date and comune.
fn reassess(checked: &Submission, today: insieme_rules::Date) -> Result<(Option<String>, Option<String>)> {
    if checked.person.is_none() {
        return Ok((None, None));
    }
    let instrument = Instrument::fragility();
    let mut answers_json = answers_with_person(checked.answers.as_ref(), checked.person.as_ref());
    if let Some(object) = answers_json.as_object_mut() {
        object.insert("assessed_on".to_owned(), today.to_string().into());
    }
    let answers = Answers::from_json(&answers_json.to_string(), instrument)
        .map_err(|errors| Error::Internal(format!("checked answers do not parse: {errors:?}")))?;
    let assessment =
        serde_json::to_string(&assess(&answers, instrument)).map_err(|e| Error::Internal(e.to_string()))?;
    Ok((Some(assessment), Some(instrument.version.clone())))
}

/// Which partner receives the application (spec §5), and the community area.
fn route(checked: &Submission, channel: Channel) -> (String, Option<String>) {
    match channel {
        Channel::Fragility => ("segreteria".to_owned(), None),
        Channel::Youth => ("citta_metropolitana".to_owned(), None),
        Channel::Enterprise => {
            let comune =
                checked.enterprise.as_ref().map(|details| details.business_comune.as_str()).unwrap_or_default();
            let distretto = match Territory::embedded().lookup_comune(comune) {
                ComuneLookup::Found { distretto_id, .. } => distretto_id,
                ComuneLookup::NotInTerritory { .. } => "unknown".to_owned(),
            };
            (format!("suap:{distretto}"), None)
        }
        Channel::Community => {
            let area = checked.community.as_ref().map(|details| details.area.clone()).unwrap_or_default();
            (format!("rete:{area}"), Some(area))
        }
    }
}

/// One entry of an application's public history (what the status page lists); runs inside the
/// caller's transaction.
async fn record_event<'e>(
    executor: impl sqlx::Executor<'e, Database = sqlx::Sqlite>,
    application_id: &str,
    at: &str,
    state: &str,
    actor: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO application_events (application_id, occurred_at, state, public, actor) VALUES (?, ?, ?, 1, ?)",
    )
    .bind(application_id)
    .bind(at)
    .bind(state)
    .bind(actor)
    .execute(executor)
    .await?;
    Ok(())
}

/// The calls open today, with whom each is for (what the checks of channel 3 need).
async fn calls_for_checks(pool: &SqlitePool) -> Result<Vec<OpenCall>> {
    Ok(open_calls(pool)
        .await?
        .into_iter()
        .map(|call| OpenCall { for_organisations: call.is_for_organisations(), id: call.id })
        .collect())
}
