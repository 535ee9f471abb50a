//! The case page: one application as the partners work on it. Reading it is a view of personal
//! data, written to the audit log with who and when; the page lists those views.

use insieme_api::{
    Channel, State,
    back_office::{ActionEntry, CaseEvent, CaseView, FieldToCorrect, Interview, Note, Person, Viewing},
};
use insieme_rules::Workflows;

use super::{Actor, visibility};
use crate::{Error, Result, applications::stored, audit};

/// The columns of an application the back office reads.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CaseRow {
    pub id: String,
    pub reference: String,
    pub channel: String,
    pub state: String,
    pub version: i64,
    pub owner_partner: String,
    pub area: Option<String>,
    pub quartiere: Option<String>,
    pub district: Option<String>,
    pub assignee: Option<String>,
    pub language: String,
    pub submitted_at: String,
    pub due_on: Option<String>,
    pub submission: String,
    pub assessment: Option<String>,
    pub instrument_version: Option<String>,
    pub official_assessment: Option<String>,
    pub official_total: Option<i64>,
    pub official_instrument_version: Option<String>,
    pub issues: Option<String>,
}

impl CaseRow {
    pub fn channel(&self) -> Result<Channel> {
        Channel::from_code(&self.channel).ok_or_else(|| Error::Internal(format!("unknown channel {}", self.channel)))
    }

    pub fn rules_channel(&self) -> Result<insieme_rules::Channel> {
        insieme_rules::Channel::from_code(&self.channel)
            .ok_or_else(|| Error::Internal(format!("unknown channel {}", self.channel)))
    }
}

#[derive(sqlx::FromRow)]
struct ActionRow {
    occurred_at: String,
    actor: String,
    actor_name: Option<String>,
    action: String,
    from_state: String,
    to_state: String,
    details: Option<String>,
}

#[derive(sqlx::FromRow)]
struct InterviewRow {
    round: String,
    starts_at: String,
    access_point: String,
    address: String,
    comune: String,
    operator_id: Option<String>,
    operator_name: Option<String>,
    outcome: String,
}

/// The application behind `reference` if `actor` may see it; otherwise the same "not found" as
/// for a reference that does not exist.
pub async fn find_visible<'e, 'c: 'e>(
    executor: impl Into<crate::db::Exec<'e, 'c>>,
    actor: &Actor,
    reference: &str,
) -> Result<CaseRow> {
    let executor: crate::db::Exec<'e, 'c> = executor.into();
    let sqlite = matches!(
        executor,
        crate::db::Exec::Db(crate::db::Db::Sqlite(_)) | crate::db::Exec::Tx(crate::db::Tx::Sqlite(_))
    );
    let (visible, binds) = visibility::condition(actor, sqlite);
    let sql = format!(
        "SELECT a.id, a.reference, a.channel, a.state, a.version, a.owner_partner, a.area, a.quartiere, a.district, \
         a.assignee, a.language, a.submitted_at, a.due_on, a.submission, a.assessment, a.instrument_version, \
         a.official_assessment, a.official_total, a.official_instrument_version, a.issues \
         FROM applications a WHERE a.reference = ? AND {visible}"
    );
    let sql = crate::db::numbered(&sql);
    crate::on_exec!(executor => {
        let mut query = sqlx::query_as::<_, CaseRow>(&sql).bind(reference.trim().to_ascii_uppercase());
        for value in binds {
            query = query.bind(value);
        }
        query.fetch_optional(executor).await
    })?
    .ok_or(Error::NotFound)
}

/// `GET` of the case page: recorded as a view.
pub async fn open(pool: &crate::db::Db, actor: &Actor, reference: &str, today: &str) -> Result<CaseView> {
    let row = find_visible(pool, actor, reference).await?;
    audit::record(pool, &actor.id, "view", "application", &row.reference, None).await?;
    view(pool, actor, row, today).await
}

/// The case page for a row already read (after a change, without another view entry).
pub async fn view(pool: &crate::db::Db, actor: &Actor, row: CaseRow, today: &str) -> Result<CaseView> {
    let channel = row.channel()?;
    let state = State::from_code(&row.state).ok_or_else(|| Error::Internal(format!("unknown state {}", row.state)))?;
    let history: Vec<(String, String)> = crate::on_db!(pool => sqlx::query_as(
        "SELECT state, occurred_at FROM application_events WHERE application_id = $1 AND public = TRUE ORDER BY id",
    )
    .bind(&row.id)
    .fetch_all(pool)
    .await)?;
    let actions: Vec<ActionRow> = crate::on_db!(pool => sqlx::query_as(
        "SELECT x.occurred_at, x.actor, acc.name AS actor_name, x.action, x.from_state, x.to_state, x.details \
         FROM application_actions x LEFT JOIN accounts acc ON acc.id = x.actor WHERE x.application_id = $1 ORDER BY x.id",
    )
    .bind(&row.id)
    .fetch_all(pool)
    .await)?;
    let notes: Vec<(String, String, Option<String>, String)> = crate::on_db!(pool => sqlx::query_as(
        "SELECT n.written_at, n.author, acc.name, n.body FROM application_notes n \
         LEFT JOIN accounts acc ON acc.id = n.author WHERE n.application_id = $1 ORDER BY n.id",
    )
    .bind(&row.id)
    .fetch_all(pool)
    .await)?;
    let interviews: Vec<InterviewRow> = crate::on_db!(pool => sqlx::query_as(
        "SELECT i.round, i.starts_at, p.name AS access_point, p.address, p.comune, i.operator_id, acc.name AS operator_name, i.outcome FROM interviews i \
         JOIN access_points p ON p.id = i.access_point_id LEFT JOIN accounts acc ON acc.id = i.operator_id \
         WHERE i.application_id = $1 ORDER BY i.id",
    )
    .bind(&row.id)
    .fetch_all(pool)
    .await)?;
    let shared_with: Vec<String> = crate::on_db!(pool => sqlx::query_scalar(
        "SELECT organisation_id FROM application_shares WHERE application_id = $1 ORDER BY shared_at",
    )
    .bind(&row.id)
    .fetch_all(pool)
    .await)?;
    let viewed: Vec<(String, String, Option<String>)> = crate::on_db!(pool => sqlx::query_as(
        "SELECT l.occurred_at, l.actor, acc.name FROM audit_log l LEFT JOIN accounts acc ON acc.id = l.actor \
         WHERE l.subject = 'application' AND l.subject_id = $1 AND l.action = 'view' AND l.actor <> 'applicant' \
         ORDER BY l.id DESC LIMIT 20",
    )
    .bind(&row.reference)
    .fetch_all(pool)
    .await)?;
    let assignee_name: Option<String> = match &row.assignee {
        Some(id) => {
            crate::on_db!(pool => sqlx::query_scalar("SELECT name FROM accounts WHERE id = $1").bind(id).fetch_optional(pool).await)?
        }
        None => None,
    };
    let workflow = Workflows::embedded().channel(row.rules_channel()?);
    let may_change = visibility::may_change(actor, &row.owner_partner);
    let allowed_actions = if may_change {
        workflow.actions_for(&row.state, actor.role).into_iter().map(|transition| transition.action.clone()).collect()
    } else {
        Vec::new()
    };
    let person = |id: String, name: Option<String>| Person { name: name.unwrap_or_else(|| id.clone()), id };
    let issues: Vec<FieldToCorrect> = if state == State::HasIssues {
        row.issues.as_deref().and_then(|json| serde_json::from_str(json).ok()).unwrap_or_default()
    } else {
        Vec::new()
    };
    Ok(CaseView {
        reference: row.reference,
        channel,
        state,
        version: row.version,
        owner: row.owner_partner,
        area: row.quartiere.or(row.area).or(row.district),
        assignee: row.assignee.map(|id| person(id, assignee_name)),
        language: row.language,
        submitted_at: row.submitted_at,
        overdue: row.due_on.as_deref().is_some_and(|due| due < today),
        due_on: row.due_on,
        submission: stored::decode_value(&row.submission)?,
        self_assessment: row.assessment.as_deref().and_then(|json| serde_json::from_str(json).ok()),
        official_assessment: row.official_assessment.as_deref().and_then(|json| serde_json::from_str(json).ok()),
        instrument_version: row.official_instrument_version.or(row.instrument_version),
        issues,
        history: history
            .into_iter()
            .filter_map(|(state, at)| Some(CaseEvent { state: State::from_code(&state)?, at }))
            .collect(),
        actions: actions
            .into_iter()
            .map(|row| ActionEntry {
                at: row.occurred_at,
                actor: person(row.actor, row.actor_name),
                action: row.action,
                from_state: row.from_state,
                to_state: row.to_state,
                details: row.details.and_then(|json| serde_json::from_str(&json).ok()),
            })
            .collect(),
        notes: notes
            .into_iter()
            .map(|(at, author, name, body)| Note { at, author: person(author, name), body })
            .collect(),
        interviews: interviews
            .into_iter()
            .map(|row| Interview {
                round: row.round,
                starts_at: row.starts_at,
                access_point: row.access_point,
                address: row.address,
                comune: row.comune,
                operator: row.operator_id.map(|id| person(id, row.operator_name)),
                outcome: row.outcome,
            })
            .collect(),
        shared_with,
        viewed_by: viewed.into_iter().map(|(at, who, name)| Viewing { at, who: person(who, name) }).collect(),
        allowed_actions,
        may_assign: may_change,
    })
}
