//! The back office's bodies (issue 12): sign-in, the queue, the case page and the changes the
//! partners make. Roles and actions are codes of `workflows.toml` (see `insieme_rules::workflow`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Channel, State};

mod administration;

pub use administration::*;

/// `POST /api/back-office/session`: sign in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Login {
    pub email: String,
    pub password: String,
    /// The six digits of the authenticator app, once the account has enrolled one.
    #[serde(default)]
    pub totp: Option<String>,
}

/// Who is signed in (`GET /api/back-office/session`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub id: String,
    pub email: String,
    pub name: String,
    /// `administrator`, `secretariat`, `operator` or `reviewer`.
    pub role: String,
    pub organisation: Option<String>,
    pub access_point: Option<String>,
    /// Where the account stands with its authenticator app.
    pub second_factor: SecondFactor,
}

/// An account's second factor (a TOTP authenticator app): required for administrators and the
/// secretariat, optional for the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SecondFactor {
    /// Enrolled: every sign-in asks for the code.
    Enrolled,
    /// Required by the role and not enrolled yet: this session may only enrol it.
    MustEnrol,
    /// Not enrolled, and the role does not require it (it may enrol).
    Optional,
}

/// `POST /api/back-office/second-factor`: a new secret to put in an authenticator app, as a QR
/// code (`uri`) or typed in (`secret`). Nothing changes until a code confirms it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecondFactorEnrolment {
    /// Base32 (RFC 4648, no padding), in groups of four for typing.
    pub secret: String,
    /// `otpauth://totp/...` (the Key Uri Format the authenticator apps read from a QR code).
    pub uri: String,
}

/// `PUT /api/back-office/second-factor`: the six digits the app shows, to confirm enrolment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SecondFactorCode {
    pub code: String,
}

/// `POST /api/back-office/password`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current: String,
    pub new: String,
}

/// `GET /api/back-office/applications?...`: every filter is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct QueueQuery {
    pub channel: Option<Channel>,
    pub state: Option<State>,
    /// A distretto id (`imola`) or, in Bologna, a Quartiere id (`navile`).
    pub area: Option<String>,
    /// `mine`, `unassigned`, or an account id.
    pub assignee: Option<String>,
    /// Only applications past their deadline.
    pub overdue: Option<bool>,
    /// A reference (`IPL-2026-000123`), a codice fiscale (exact) or the start of a surname.
    pub q: Option<String>,
    /// `deadline` (overdue first, the default), `newest` or `oldest`.
    pub sort: Option<String>,
    /// The `next` of the previous page.
    pub after: Option<String>,
    /// 1 to 100; 50 when absent.
    pub limit: Option<u32>,
}

/// One page of the queue, with the counts per state of everything the filters match.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueuePage {
    pub items: Vec<QueueItem>,
    /// Pass as `after` for the next page; absent on the last one.
    pub next: Option<String>,
    pub counts: Vec<StateCount>,
    /// How many of the matching applications are past their deadline.
    pub overdue: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StateCount {
    pub state: State,
    pub count: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueItem {
    pub reference: String,
    pub channel: Channel,
    pub state: State,
    /// The person's or the organisation's name as written in the application.
    pub name: String,
    pub owner: String,
    pub area: Option<String>,
    pub assignee: Option<Person>,
    pub submitted_at: String,
    pub due_on: Option<String>,
    pub overdue: bool,
}

/// An account as others see it: id and name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Person {
    pub id: String,
    pub name: String,
}

/// The case page (`GET /api/back-office/applications/{reference}`); opening it is recorded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseView {
    pub reference: String,
    pub channel: Channel,
    pub state: State,
    /// Send it back with a change: a change made from an older reading is refused (409).
    pub version: i64,
    pub owner: String,
    pub area: Option<String>,
    pub assignee: Option<Person>,
    pub language: String,
    pub submitted_at: String,
    pub due_on: Option<String>,
    pub overdue: bool,
    /// The application as the person sent it (after their corrections).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub submission: serde_json::Value,
    /// The engine's assessment of what the person declared, with reasons and sources.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub self_assessment: Option<serde_json::Value>,
    /// The official assessment recorded at the first interview, with its instrument version.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub official_assessment: Option<serde_json::Value>,
    pub instrument_version: Option<String>,
    /// The fields the person was asked to correct, while the state is `has_issues`.
    pub issues: Vec<FieldToCorrect>,
    /// The public history, as the person sees it.
    pub history: Vec<CaseEvent>,
    /// Every change, with who and what (never shown to the person).
    pub actions: Vec<ActionEntry>,
    /// Internal notes (never shown to the person).
    pub notes: Vec<Note>,
    pub interviews: Vec<Interview>,
    /// Organisations the case is shared with for a joint analysis.
    pub shared_with: Vec<String>,
    /// Who opened this case, most recent first.
    pub viewed_by: Vec<Viewing>,
    /// The actions the signed-in account may take now (the same answer the workflow gives).
    pub allowed_actions: Vec<String>,
    /// Whether the signed-in account may take or hand over the application.
    pub may_assign: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseEvent {
    pub state: State,
    pub at: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionEntry {
    pub at: String,
    pub actor: Person,
    pub action: String,
    pub from_state: String,
    pub to_state: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub details: Option<serde_json::Value>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Note {
    pub at: String,
    pub author: Person,
    pub body: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Viewing {
    pub at: String,
    pub who: Person,
}

/// An interview: when (local time in Bologna), where, with whom, and how it went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Interview {
    /// `first`, `second` or `call` (channel 3).
    pub round: String,
    /// `YYYY-MM-DDTHH:MM`, Europe/Rome.
    pub starts_at: String,
    /// The access point's name, address and comune.
    pub access_point: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub comune: String,
    pub operator: Option<Person>,
    /// `scheduled`, `held`, `did_not_come` or `rescheduled`.
    pub outcome: String,
}

/// `POST .../missed-interview`: the person did not come to the scheduled interview. The state
/// does not change (the secretariat or the operator schedules again, or closes the case as
/// unreachable through the workflow); the interview is recorded as `did_not_come`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MissedInterview {
    /// The application's version as read (409 `changed_meanwhile` otherwise).
    pub version: i64,
    #[serde(default)]
    pub note: Option<String>,
}

/// A field the person is asked to correct, with a note written for them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FieldToCorrect {
    /// A path in the submission, such as `person.phone`.
    pub field: String,
    pub note: String,
}

/// `POST /api/back-office/applications/{reference}/actions`: one step of the workflow with
/// what it records. Which parts are required depends on the action (`workflows.toml` `records`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ActionRequest {
    pub action: String,
    /// The `version` of the case as read.
    pub version: i64,
    /// Reasons, referral, the note for the person, or what the action asks to write down.
    #[serde(default)]
    pub note: Option<String>,
    /// `request_correction`: the fields to correct.
    #[serde(default)]
    pub fields: Vec<FieldToCorrect>,
    /// Joint analysis: the organisations the case is shared with, or the partners present.
    #[serde(default)]
    pub partners: Vec<String>,
    /// `take_in_charge`: `traineeship`, `training` or `job_placement`; `refer_to_partner_service`:
    /// the service.
    #[serde(default)]
    pub path: Option<String>,
    /// Scheduling an interview.
    #[serde(default)]
    pub interview: Option<InterviewSlot>,
    /// `record_first_interview`: the items the operator corrected (item id to level 0-3); the
    /// others stay as the person declared them.
    #[serde(default)]
    pub items: BTreeMap<String, u8>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InterviewSlot {
    /// `YYYY-MM-DDTHH:MM`, Europe/Rome.
    pub starts_at: String,
    pub access_point: String,
    /// The operator's account id; absent: decided later.
    #[serde(default)]
    pub operator: Option<String>,
}

/// `POST /api/back-office/applications/{reference}/assignment`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    /// An account id, or absent to release the application.
    pub assignee: Option<String>,
    pub version: i64,
}

/// `POST /api/back-office/assignments`: several applications to one account at once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BulkAssignment {
    pub references: Vec<String>,
    pub assignee: String,
}

/// What became of each application of a bulk assignment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkAssignmentResult {
    pub assigned: Vec<String>,
    /// Held by someone else, or not visible to this account.
    pub refused: Vec<String>,
}

/// `POST /api/back-office/applications/{reference}/notes`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewNote {
    pub body: String,
}

/// `GET /api/back-office/audit?...` (administrators).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    pub actor: Option<String>,
    /// An application reference.
    pub application: Option<String>,
    /// `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Entries older than this id.
    pub before: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub subject_id: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub details: Option<serde_json::Value>,
}
