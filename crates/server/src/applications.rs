//! Applications on the server: check, re-score, route and store a submission (here); let a
//! person see and correct theirs (`status`); list open calls and supported community
//! opportunities (`public`). Handlers in `routes/applications.rs` only translate HTTP.

pub mod keys;
mod public;
mod status;
pub mod stored;
pub mod writer;

use insieme_api::{Channel, Receipt, State, Submission};
use insieme_rules::{Answers, ComuneLookup, Instrument, Territory, assess};
use insieme_validation::{Context, FieldProblem, OpenCall, application::answers_with_person, check_submission};
use sha2::{Digest, Sha256};

use crate::{AppState, Error, Result};
pub use public::{calls_open_on, open_calls, opportunities};
pub use status::{FlaggedField, correct, is_correctable, mark_has_issues, set_state, status, unknown_fields};
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
    let today = state.clock.today_in_italy();
    let open_calls = calls_for_checks(&state.pool, today).await?;
    let (checked, application) = prepare(submission, today, &open_calls, state.clock.now_utc())?;
    let channel = checked.channel.ok_or_else(|| Error::Internal("a checked submission has a channel".to_owned()))?;
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

/// What a submission becomes before it is stored, as of `today` with the calls open that day:
/// normalised, checked, re-scored by the engine, routed, with its search keys and deadline. The
/// sample applications of the demo and the benchmarks go through here too.
pub fn prepare(
    submission: Submission,
    today: insieme_rules::Date,
    open_calls: &[OpenCall],
    now: String,
) -> Result<(Submission, NewApplication)> {
    // The id and every text as they will be stored, so that the same application sent again
    // in another case or Unicode form is recognised as the same one.
    let submission = normalised_submission(submission)?;
    let content_hash = hash_of(&submission);
    let context = Context { today, open_calls, instrument: Instrument::fragility() };
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
        submission: stored::encode(&checked)?,
        assessment,
        instrument_version,
        consent_sensitive: checked.consent.sensitive_data,
        consent_contact: checked.consent.contact_by_message,
        now,
        keys: keys::SearchKeys::of(&checked),
        due_on: first_deadline(channel, today),
    };
    Ok((checked, application))
}

/// The deadline counted from submission that the workflow table sets for the channel (channel 2:
/// the first contact within five weeks).
pub fn first_deadline(channel: Channel, submitted_on: insieme_rules::Date) -> Option<String> {
    let rules_channel = insieme_rules::Channel::from_code(channel.code())?;
    let deadline = insieme_rules::Workflows::embedded().deadline(rules_channel)?;
    let days = i64::from(deadline.days_from_submission);
    Some(insieme_rules::Date::from_days_since_unix_epoch(submitted_on.days_since_unix_epoch() + days).to_string())
}

/// The submission with its id in lower case and every text in Unicode NFC (the composed form
/// keyboards usually make), so that "è" typed as e + accent is the same letter as "è".
fn normalised_submission(submission: Submission) -> Result<Submission> {
    let mut value = serde_json::to_value(&submission).map_err(|error| Error::Internal(error.to_string()))?;
    normalise_strings(&mut value);
    let mut submission: Submission =
        serde_json::from_value(value).map_err(|error| Error::Internal(error.to_string()))?;
    submission.id = submission.id.trim().to_ascii_lowercase();
    Ok(submission)
}

fn normalise_strings(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(text) => *text = normalised_text(text),
        serde_json::Value::Array(items) => items.iter_mut().for_each(normalise_strings),
        serde_json::Value::Object(fields) => fields.values_mut().for_each(normalise_strings),
        _ => {}
    }
}

/// A text in Unicode NFC.
pub fn normalised_text(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfc().collect()
}

/// SHA-256 of a body as received, normalised (its JSON with a fixed field order): what tells a
/// repeat of an id from other content under the same id (submissions, accessibility reports).
pub fn hash_of(body: &impl serde::Serialize) -> String {
    let json = serde_json::to_vec(body).unwrap_or_default();
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
    let answers = answers_with_person(checked.answers.as_ref(), checked.person.as_ref());
    let assessment = assess_on(answers, today)
        .map_err(|errors| Error::Internal(format!("checked answers do not parse: {errors:?}")))?;
    let assessment = serde_json::to_string(&assessment).map_err(|e| Error::Internal(e.to_string()))?;
    Ok((Some(assessment), Some(Instrument::fragility().version.clone())))
}

/// The engine's assessment of `answers` (with the person's birth date and comune, see
/// `answers_with_person`) as of `day`, with the current fragility instrument. Used for what the
/// person declared and for what the operator confirmed at the first interview.
pub(crate) fn assess_on(
    mut answers: serde_json::Value,
    day: insieme_rules::Date,
) -> Result<insieme_rules::Assessment, Vec<insieme_rules::InputError>> {
    if let Some(object) = answers.as_object_mut() {
        object.insert("assessed_on".to_owned(), day.to_string().into());
    }
    let instrument = Instrument::fragility();
    Ok(assess(&Answers::from_json(&answers.to_string(), instrument)?, instrument))
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
pub(crate) async fn record_event<'e, 'c: 'e>(
    executor: impl Into<crate::db::Exec<'e, 'c>>,
    application_id: &str,
    at: &str,
    state: &str,
    actor: &str,
) -> Result<(), sqlx::Error> {
    let executor: crate::db::Exec<'e, 'c> = executor.into();
    crate::on_exec!(executor => sqlx::query(
        "INSERT INTO application_events (application_id, occurred_at, state, public, actor) VALUES ($1, $2, $3, TRUE, $4)",
    )
    .bind(application_id)
    .bind(at)
    .bind(state)
    .bind(actor)
    .execute(executor)
    .await.map(|done| done.rows_affected()))?;
    Ok(())
}

/// The calls open on `day`, with whom each is for (what the checks of channel 3 need).
async fn calls_for_checks(pool: &crate::db::Db, day: insieme_rules::Date) -> Result<Vec<OpenCall>> {
    Ok(calls_open_on(pool, day)
        .await?
        .into_iter()
        .map(|call| OpenCall { for_organisations: call.is_for_organisations(), id: call.id })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Known answer: the hash that decides "same application or conflict" for a repeated id.
    /// If this changes, every browser retrying an application sent before the change would get
    /// 409 instead of its receipt: change it only with a migration of the stored hashes.
    #[test]
    fn the_submission_hash_is_pinned() {
        let submission: Submission = serde_json::from_value(serde_json::json!({
            "id": "0B6F1F0E-1111-4222-8333-944445555666", "channel": "community", "language": "it",
            "community": { "organisation": "Parrocchia di San Donato", "organisation_type": "caritas",
                "area": "san-donato-san-vitale", "tasks": "Distribuzione dei pasti", "hours_per_week": "10",
                "starts_on": "2027-01-01", "ends_on": "2027-06-30", "places": "2",
                "contact_given_name": "Lucia", "contact_family_name": "Neri", "contact_email": "lucia@example.org" },
            "consent": { "privacy_notice": true }
        }))
        .expect("a valid submission");
        let normalised = normalised_submission(submission).expect("normalises");
        assert_eq!(normalised.id, "0b6f1f0e-1111-4222-8333-944445555666");
        assert_eq!(hash_of(&normalised), "afc69addf5ff2fd3082b1751221812732b3907ef14a0b5ddf2e785c7e9f348d6");
    }

    #[test]
    fn texts_are_stored_in_nfc() {
        assert_eq!(normalised_text("Citta\u{0300}"), "Città");
        assert_eq!(normalised_text("Città"), "Città");
    }
}
