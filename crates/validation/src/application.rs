//! A whole application, checked field by field with the same code in the browser (before the
//! person can go on) and on the server (before anything is stored). The result is either the
//! submission with every value normalised, or every problem with the path of its field
//! (`person.codice_fiscale`), so that the browser can show an error summary and the server a
//! 422 naming each field.

use insieme_api::{Channel, Consent, Person, Submission};
use insieme_rules::{AccessPoint, Answers, Date, Instrument, Territory};
use serde::{Deserialize, Serialize};

pub use crate::channel_details::{
    check_community, check_enterprise, check_youth, check_youth_project, community_areas,
};
use crate::{
    Checker, Problem, check_codice_fiscale, check_email, check_long_text, check_phone, check_text,
    codice_fiscale::encoded_birth,
};

/// The answer of someone of Bologna who does not know their Quartiere (issue 14): accepted, kept
/// with the application, and not given to the rules, which then name the city's network; the
/// secretariat finds the Quartiere with the person.
pub const QUARTIERE_UNKNOWN: &str = "unknown";

/// Names and short answers.
pub const NAME_MAX: usize = 80;
/// Longer free texts (motivation, description, tasks).
pub const TEXT_MAX: usize = 2000;
/// The largest amount in euros we accept as typed (a typo guard, not a policy).
pub const EUROS_MAX: u64 = 10_000_000;

/// One refused field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub problem: Problem,
}

/// What the checks need besides the submission: today's date (in Bologna), the open calls of
/// channel 3 and the fragility instrument in force.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    pub today: Date,
    pub open_calls: &'a [OpenCall],
    pub instrument: &'a Instrument,
}

/// A call open today, and whether it is for organisations' projects (or for young people).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenCall {
    pub id: String,
    pub for_organisations: bool,
}

/// Checks the whole submission; `Ok` holds it with every value normalised.
pub fn check_submission(submission: &Submission, context: &Context<'_>) -> Result<Submission, Vec<FieldProblem>> {
    let (checked, problems) = check_parts(submission, context);
    if problems.is_empty() { Ok(checked) } else { Err(problems) }
}

/// The submission normalised as far as it goes, and every problem found on the way.
pub(crate) fn check_parts(submission: &Submission, context: &Context<'_>) -> (Submission, Vec<FieldProblem>) {
    let mut checker = Checker::default();
    let mut checked = Submission {
        id: submission.id.trim().to_ascii_lowercase(),
        channel: submission.channel,
        language: submission.language.trim().to_owned(),
        consent: submission.consent,
        ..Submission::default()
    };
    if !is_uuid(&checked.id) {
        checker.fail("id", Problem::Format);
    }
    if checked.language.is_empty()
        || checked.language.len() > 8
        || !checked.language.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        checker.fail("language", Problem::Format);
    } else if !insieme_api::LANGUAGES.contains(&checked.language.as_str()) {
        // A language we cannot contact the person in (spec §4: preferred language).
        checker.fail("language", Problem::UnknownChoice);
    }
    let Some(channel) = submission.channel else {
        checker.fail("channel", Problem::Missing);
        return (checked, checker.problems);
    };
    // Channel 3 has two kinds of applicant: a young person, or an organisation with a project.
    let project = channel == Channel::Youth && submission.youth_project.is_some();
    let needs_person = channel != Channel::Community && !project;
    let needs_answers = matches!(channel, Channel::Fragility | Channel::Youth) && !project;
    section(&mut checker, "person", needs_person, submission.person.as_ref(), |checker, person| {
        checked.person =
            Some(check_person(checker, person, context.today, insieme_rules::Channel::from_code(channel.code())));
    });
    section(
        &mut checker,
        "youth",
        channel == Channel::Youth && !project,
        submission.youth.as_ref(),
        |checker, youth| {
            checked.youth = Some(check_youth(checker, youth, context));
        },
    );
    section(&mut checker, "youth_project", project, submission.youth_project.as_ref(), |checker, details| {
        checked.youth_project = Some(check_youth_project(checker, details, context));
    });
    section(
        &mut checker,
        "enterprise",
        channel == Channel::Enterprise,
        submission.enterprise.as_ref(),
        |checker, details| {
            checked.enterprise = Some(check_enterprise(checker, details));
        },
    );
    section(
        &mut checker,
        "community",
        channel == Channel::Community,
        submission.community.as_ref(),
        |checker, details| {
            checked.community = Some(check_community(checker, details, context.today));
        },
    );
    match (&submission.answers, needs_answers) {
        (Some(_), false) => checker.fail("answers", Problem::NotForChannel),
        (None, true) if channel == Channel::Fragility => checker.fail("answers", Problem::Missing),
        (Some(answers), true) => {
            checked.answers = Some(check_answers(&mut checker, answers, &submission.consent, context.instrument))
        }
        _ => {}
    }
    check_consent(&mut checker, &submission.consent);
    (checked, checker.problems)
}

fn section<T>(
    checker: &mut Checker,
    name: &str,
    needed: bool,
    value: Option<&T>,
    check: impl FnOnce(&mut Checker, &T),
) {
    match (needed, value) {
        (true, Some(value)) => check(checker, value),
        (true, None) => checker.fail(name, Problem::Missing),
        (false, Some(_)) => checker.fail(name, Problem::NotForChannel),
        (false, None) => {}
    }
}

/// The fields every person gives (spec §4).
pub fn check_person(
    checker: &mut Checker,
    person: &Person,
    today: Date,
    channel: Option<insieme_rules::Channel>,
) -> Person {
    let birth = checker.date("person.birth_date", &person.birth_date);
    if let Some(birth) = birth
        && birth > today
    {
        checker.fail("person.birth_date", Problem::FutureDate);
    }
    let codice_fiscale = checker.take("person.codice_fiscale", check_codice_fiscale(&person.codice_fiscale));
    if let (Some(birth), Some((year, month, day))) = (birth, encoded_birth(&codice_fiscale))
        && (birth.year().rem_euclid(100) as u8, birth.month(), birth.day()) != (year, month, day)
    {
        checker.fail("person.codice_fiscale", Problem::BirthDateMismatch);
    }
    let comune = checker.comune("person.comune", &person.comune);
    let quartiere = if comune == "Bologna" {
        let mut quartieri: Vec<&str> = Territory::embedded().quartieri.iter().map(|q| q.id.as_str()).collect();
        quartieri.push(QUARTIERE_UNKNOWN);
        checker.choice("person.quartiere", &person.quartiere, &quartieri)
    } else {
        String::new()
    };
    let (phone, email) = checker.contact("person.", &person.phone, &person.email);
    let access_point = person.access_point.trim().to_owned();
    if !access_point.is_empty() {
        match AccessPoint::all().iter().find(|point| point.id == access_point) {
            None => checker.fail("person.access_point", Problem::UnknownChoice),
            Some(point) if channel.is_some_and(|channel| !point.serves(channel, &comune)) => {
                checker.fail("person.access_point", Problem::NotServedHere)
            }
            Some(_) => {}
        }
    }
    let mut availability = person.availability.clone();
    availability.sort();
    availability.dedup();
    Person {
        given_name: checker.text("person.given_name", &person.given_name, NAME_MAX),
        family_name: checker.text("person.family_name", &person.family_name, NAME_MAX),
        codice_fiscale,
        birth_date: birth.map(|date| date.to_string()).unwrap_or_default(),
        comune,
        quartiere,
        phone,
        email,
        access_point,
        availability,
    }
}

/// The self-check answers: valid for the instrument, and sensitive items only with consent.
fn check_answers(
    checker: &mut Checker,
    answers: &serde_json::Value,
    consent: &Consent,
    instrument: &Instrument,
) -> serde_json::Value {
    match Answers::from_json(&answers.to_string(), instrument) {
        Ok(parsed) => {
            if !consent.sensitive_data {
                for id in parsed.fragility.keys() {
                    if instrument.item(id).is_some_and(|item| item.sensitive) {
                        checker.fail(&format!("answers.fragility.{id}"), Problem::SensitiveWithoutConsent);
                    }
                }
            }
            serde_json::to_value(&parsed).unwrap_or_default()
        }
        Err(errors) => {
            for error in errors {
                let field =
                    if error.field == "(document)" { "answers".to_owned() } else { format!("answers.{}", error.field) };
                checker.fail(&field, Problem::Format);
            }
            serde_json::Value::Null
        }
    }
}

fn check_consent(checker: &mut Checker, consent: &Consent) {
    if !consent.privacy_notice {
        checker.fail("consent.privacy_notice", Problem::ConsentNeeded);
    }
}

/// A UUID in its usual text form (8-4-4-4-12 hexadecimal digits).
pub fn is_uuid(value: &str) -> bool {
    let groups: Vec<&str> = value.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, length)| group.len() == length && group.chars().all(|letter| letter.is_ascii_hexdigit()))
}

/// One field on its own, for a correction typed on the status page (the server then checks the
/// whole application again): the same rule as in [`check_submission`] for that field.
pub fn check_single_field(path: &str, value: &str) -> Result<(), Problem> {
    let name = path.rsplit('.').next().unwrap_or_default();
    let mut checker = Checker::default();
    match name {
        "codice_fiscale" => {
            check_codice_fiscale(value)?;
        }
        "phone" | "contact_phone" => {
            check_phone(value)?;
        }
        "email" | "contact_email" => {
            check_email(value)?;
        }
        "birth_date" | "starts_on" | "ends_on" => {
            checker.date(path, value);
        }
        "comune" | "business_comune" => {
            checker.comune(path, value);
        }
        "description" | "market" | "team_skills" | "motivation" | "tasks" | "partners" => {
            check_long_text(value, TEXT_MAX)?;
        }
        _ => {
            check_text(value, NAME_MAX * 4)?;
        }
    }
    checker.problems.first().map_or(Ok(()), |problem| Err(problem.problem))
}

/// A version 4 UUID in its text form from 16 random bytes.
pub fn uuid_from_bytes(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// The channel-independent answers carried to the server: the person's data (not the
/// self-check's) is what counts for birth date and comune.
pub fn answers_with_person(answers: Option<&serde_json::Value>, person: Option<&Person>) -> serde_json::Value {
    let mut answers = answers.cloned().unwrap_or_else(|| serde_json::json!({}));
    if let (Some(person), Some(object)) = (person, answers.as_object_mut()) {
        let profile = object.entry("profile").or_insert_with(|| serde_json::json!({}));
        if let Some(profile) = profile.as_object_mut() {
            profile.insert("birth_date".to_owned(), person.birth_date.clone().into());
            profile.insert("comune".to_owned(), person.comune.clone().into());
            if !person.quartiere.is_empty() && person.quartiere != QUARTIERE_UNKNOWN {
                profile.insert("quartiere".to_owned(), person.quartiere.clone().into());
            }
        }
    }
    answers
}
