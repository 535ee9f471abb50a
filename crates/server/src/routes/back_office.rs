//! The back office over HTTP. Every route but sign-in needs a session ([`Actor`]); state-changing
//! requests must come from our own pages (`csrf`); nothing is cached. Each operation's
//! description says who may call it. Handlers only translate HTTP: the rules are in
//! `back_office::*`.

use axum::{
    Json,
    body::Bytes,
    extract::{Path, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    middleware,
    response::{AppendHeaders, IntoResponse},
};
use insieme_api::{
    ErrorBody,
    back_office::{
        ActionRequest, Assignment, AuditEntry, AuditQuery, BulkAssignment, BulkAssignmentResult, CaseView, Login, Me,
        MissedInterview, NewNote, PasswordChange, QueuePage, QueueQuery, SecondFactorCode, SecondFactorEnrolment,
    },
};
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::json_body;
use crate::{
    AppState, Error, Result, audit, back_office,
    back_office::{
        Actor, Enrolling, accounts, actions, assignment, audit_log, case, csrf, export, notes, queue, second_factor,
        session, throttle,
    },
    client::ClientAddress,
};

pub fn router(state: AppState) -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(session_create, session_show, session_delete))
        .routes(routes!(password_change))
        .routes(routes!(second_factor_begin, second_factor_confirm))
        .routes(routes!(queue_list))
        .routes(routes!(queue_export))
        .routes(routes!(queue_export_xlsx))
        .routes(routes!(case_show))
        .routes(routes!(case_action))
        .routes(routes!(case_assign))
        .routes(routes!(case_note))
        .routes(routes!(case_missed_interview))
        .routes(routes!(assignments_create))
        .routes(routes!(audit_list))
        .merge(super::administration::router())
        .merge(super::feedback::back_office_router())
        .route_layer(middleware::from_fn_with_state(state, csrf::same_origin_only))
        .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
}

/// Sign in with e-mail and password, and the authenticator code once the account has one.
/// Anyone. A wrong e-mail, password or code answer the same 401 `login_failed`; a right password
/// without the code of an enrolled account answers 401 `second_factor_required`; after repeated
/// failures (per e-mail, per address) 429 with Retry-After. Administrators and the secretariat
/// without an authenticator get a session that may only enrol one.
#[utoipa::path(post, path = "/api/back-office/session", tag = "back-office", request_body = Login,
    responses(
        (status = 200, description = "Signed in; the session cookie is set", body = Me),
        (status = 401, description = "Wrong e-mail, password or code; or the code is missing", body = ErrorBody),
        (status = 403, description = "Not sent from our own pages", body = ErrorBody),
        (status = 429, description = "Too many failed sign-ins", body = ErrorBody),
    ))]
async fn session_create(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    headers: HeaderMap,
    body: Bytes,
) -> Result<impl IntoResponse> {
    let login: Login = json_body::parse(&headers, &body)?;
    let now_millis = state.clock.unix_millis();
    throttle::check(&state.pool, now_millis, &login.email, client).await?;
    let account = accounts::find_by_email(&state.pool, &login.email).await?;
    let hash = account.as_ref().map_or_else(|| accounts::decoy_hash().to_owned(), |found| found.password_hash.clone());
    let password_matches = accounts::verify_password(login.password.clone(), hash).await;
    let account = account.filter(|found| password_matches && !found.disabled);
    let second_factor_passed = match (&account, &login.totp) {
        (Some(found), _) if found.totp_secret.is_none() => true,
        (Some(_), None) => return Err(Error::SecondFactorRequired),
        (Some(found), Some(code)) => {
            let secret = found.totp_secret.clone().unwrap_or_default();
            second_factor::accept(&state.pool, &state.clock, &found.id, &secret, code).await?
        }
        (None, _) => false,
    };
    let Some(account) = account.filter(|_| second_factor_passed) else {
        throttle::record_failure(&state.pool, &state.clock.now_utc(), &login.email, client).await?;
        tracing::warn!(%client, "back-office sign-in failed");
        return Err(Error::LoginFailed);
    };
    throttle::record_success(&state.pool, now_millis, &login.email).await?;
    let me = account.me();
    let enrolment_only = me.second_factor == insieme_api::back_office::SecondFactor::MustEnrol;
    let token = session::start(&state.pool, &state.clock.now_utc(), &account.id, enrolment_only).await?;
    audit::record(&state.pool, &account.id, "sign_in", "account", &account.id, None).await?;
    Ok((AppendHeaders([(header::SET_COOKIE, session::cookie_for(&state.config, &token))]), Json(me)))
}

/// Who is signed in. Any signed-in account.
#[utoipa::path(get, path = "/api/back-office/session", tag = "back-office",
    responses((status = 200, body = Me), (status = 401, description = "No valid session", body = ErrorBody)))]
async fn session_show(Enrolling(actor): Enrolling) -> Json<Me> {
    Json(actor.me())
}

/// Sign out: the session ends on the server and the cookie is removed. Any signed-in account.
#[utoipa::path(delete, path = "/api/back-office/session", tag = "back-office",
    responses((status = 204, description = "Signed out"), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn session_delete(State(state): State<AppState>, Enrolling(actor): Enrolling) -> Result<impl IntoResponse> {
    session::end(&state.pool, &actor.session).await?;
    audit::record(&state.pool, &actor.id, "sign_out", "account", &actor.id, None).await?;
    Ok((StatusCode::NO_CONTENT, AppendHeaders([(header::SET_COOKIE, session::removal_cookie(&state.config))])))
}

/// Start enrolling an authenticator app: a new secret, shown as a QR code and as text. Nothing
/// changes until a code confirms it. Any signed-in account, also one that must enrol first.
#[utoipa::path(post, path = "/api/back-office/second-factor", tag = "back-office",
    responses((status = 200, body = SecondFactorEnrolment), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, description = "An authenticator is connected already: an administrator removes it first", body = ErrorBody)))]
async fn second_factor_begin(
    State(state): State<AppState>,
    Enrolling(actor): Enrolling,
) -> Result<Json<SecondFactorEnrolment>> {
    Ok(Json(second_factor::begin(&state.pool, &actor).await?))
}

/// Confirm the authenticator app with the code it shows: from now on every sign-in asks for a
/// code; every session of the account ends and this answer carries a new session cookie. Any
/// signed-in account that started enrolling.
#[utoipa::path(put, path = "/api/back-office/second-factor", tag = "back-office", request_body = SecondFactorCode,
    responses((status = 200, body = Me), (status = 400, description = "Enrolment not started", body = ErrorBody),
        (status = 401, description = "Wrong code, or no session", body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn second_factor_confirm(
    State(state): State<AppState>,
    Enrolling(actor): Enrolling,
    headers: HeaderMap,
    body: Bytes,
) -> Result<impl IntoResponse> {
    let code: SecondFactorCode = json_body::parse(&headers, &body)?;
    second_factor::confirm(&state.pool, &state.clock, &actor, &code.code).await?;
    let account = accounts::find(&state.pool, &actor.id).await?.ok_or(Error::NotSignedIn)?;
    let token = session::start(&state.pool, &state.clock.now_utc(), &account.id, false).await?;
    Ok((AppendHeaders([(header::SET_COOKIE, session::cookie_for(&state.config, &token))]), Json(account.me())))
}

/// Change one's own password (at least 12 characters); other sessions of the account end.
/// Any signed-in account.
#[utoipa::path(post, path = "/api/back-office/password", tag = "back-office", request_body = PasswordChange,
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn password_change(
    State(state): State<AppState>,
    actor: Actor,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode> {
    let change: PasswordChange = json_body::parse(&headers, &body)?;
    let account = accounts::find(&state.pool, &actor.id).await?.ok_or(Error::NotSignedIn)?;
    if !accounts::verify_password(change.current, account.password_hash).await {
        return Err(Error::LoginFailed);
    }
    accounts::set_password(&state.pool, &actor.id, change.new, Some(&actor.session)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The queue: the applications this account may see (administrator: all; secretariat: channel 2
/// and what is routed or shared to it; operator: interviews at their access point; reviewer:
/// routed or shared to their organisation), with counts per state.
#[utoipa::path(get, path = "/api/back-office/applications", tag = "back-office", params(QueueQuery),
    responses((status = 200, body = QueuePage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
async fn queue_list(
    State(state): State<AppState>,
    actor: Actor,
    Query(query): Query<QueueQuery>,
) -> Result<Json<QueuePage>> {
    let today = state.clock.today_in_italy().to_string();
    Ok(Json(queue::page(&state.pool, &actor, &query, &today).await?))
}

/// The queue as a CSV file (`;`, UTF-8 with BOM, formula cells made text): the same applications
/// and filters as the queue, up to 50,000 rows, recorded in the audit log. Any signed-in account,
/// limited to what it may see.
#[utoipa::path(get, path = "/api/back-office/applications.csv", tag = "back-office", params(QueueQuery),
    responses((status = 200, description = "text/csv", content_type = "text/csv"), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn queue_export(
    State(state): State<AppState>,
    actor: Actor,
    Query(query): Query<QueueQuery>,
) -> Result<impl IntoResponse> {
    exported(&state, &actor, &query, export::Format::Csv).await
}

/// The queue as an XLSX workbook (every cell text), otherwise as the CSV export.
#[utoipa::path(get, path = "/api/back-office/applications.xlsx", tag = "back-office", params(QueueQuery),
    responses((status = 200, description = "XLSX workbook",
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn queue_export_xlsx(
    State(state): State<AppState>,
    actor: Actor,
    Query(query): Query<QueueQuery>,
) -> Result<impl IntoResponse> {
    exported(&state, &actor, &query, export::Format::Xlsx).await
}

/// An export's answer: the file as an attachment named after the day.
async fn exported(
    state: &AppState,
    actor: &Actor,
    query: &QueueQuery,
    format: export::Format,
) -> Result<impl IntoResponse + use<>> {
    let today = state.clock.today_in_italy().to_string();
    let body = export::file(&state.pool, actor, query, &today, format).await?;
    let disposition = format!("attachment; filename=\"domande-{today}.{}\"", format.extension());
    let disposition = HeaderValue::from_str(&disposition).map_err(|error| Error::Internal(error.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(format.content_type())),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    ))
}

/// One case, recorded as a view. Who may see it as for the queue; anything else is 404, as if
/// it did not exist.
#[utoipa::path(get, path = "/api/back-office/applications/{reference}", tag = "back-office",
    params(("reference" = String, Path)),
    responses((status = 200, body = CaseView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn case_show(
    State(state): State<AppState>,
    actor: Actor,
    Path(reference): Path<String>,
) -> Result<Json<CaseView>> {
    let today = state.clock.today_in_italy().to_string();
    Ok(Json(case::open(&state.pool, &actor, &reference, &today).await?))
}

/// One workflow step (`workflows.toml`): the roles each action lists, on applications the account
/// sees and (reviewers) whose organisation owns them; not held by someone else unless the role
/// may reassign.
#[utoipa::path(post, path = "/api/back-office/applications/{reference}/actions", tag = "back-office",
    params(("reference" = String, Path)), request_body = ActionRequest,
    responses(
        (status = 200, body = CaseView),
        (status = 400, description = "What the step must record is missing or wrong", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, description = "Shared for reading only, or cross-site", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "Not allowed from this state for this role, held by someone else, or changed meanwhile", body = ErrorBody),
    ))]
async fn case_action(
    State(state): State<AppState>,
    actor: Actor,
    Path(reference): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<CaseView>> {
    let request: ActionRequest = json_body::parse(&headers, &body)?;
    Ok(Json(actions::take(&state, &actor, &reference, &request).await?))
}

/// Take, release or hand over an application. Anyone who may change it takes it when free or
/// releases their own; administrators and the secretariat reassign.
#[utoipa::path(post, path = "/api/back-office/applications/{reference}/assignment", tag = "back-office",
    params(("reference" = String, Path)), request_body = Assignment,
    responses((status = 200, body = CaseView), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn case_assign(
    State(state): State<AppState>,
    actor: Actor,
    Path(reference): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<CaseView>> {
    let request: Assignment = json_body::parse(&headers, &body)?;
    Ok(Json(assignment::assign(&state, &actor, &reference, &request).await?))
}

/// The person did not come to the scheduled interview: the interview is recorded as
/// `did_not_come`, the state stays (schedule again, or close as unreachable). Whoever may change
/// the case; an operator only for interviews at their access point.
#[utoipa::path(post, path = "/api/back-office/applications/{reference}/missed-interview", tag = "back-office",
    params(("reference" = String, Path)), request_body = MissedInterview,
    responses((status = 200, body = CaseView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "No interview scheduled (at your access point), held by someone else, or changed meanwhile", body = ErrorBody)))]
async fn case_missed_interview(
    State(state): State<AppState>,
    actor: Actor,
    Path(reference): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<CaseView>> {
    let request: MissedInterview = json_body::parse(&headers, &body)?;
    Ok(Json(back_office::interviews::did_not_come(&state, &actor, &reference, &request).await?))
}

/// An internal note (never shown to the person). Anyone who sees the case.
#[utoipa::path(post, path = "/api/back-office/applications/{reference}/notes", tag = "back-office",
    params(("reference" = String, Path)), request_body = NewNote,
    responses((status = 200, body = CaseView), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn case_note(
    State(state): State<AppState>,
    actor: Actor,
    Path(reference): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<CaseView>> {
    let note: NewNote = json_body::parse(&headers, &body)?;
    Ok(Json(notes::add(&state, &actor, &reference, &note).await?))
}

/// Several applications to one holder; each as a single assignment would be decided.
#[utoipa::path(post, path = "/api/back-office/assignments", tag = "back-office", request_body = BulkAssignment,
    responses((status = 200, body = BulkAssignmentResult), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
async fn assignments_create(
    State(state): State<AppState>,
    actor: Actor,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<BulkAssignmentResult>> {
    let request: BulkAssignment = json_body::parse(&headers, &body)?;
    Ok(Json(assignment::assign_many(&state, &actor, &request).await?))
}

/// The audit log, newest first, 100 a page. Administrators.
#[utoipa::path(get, path = "/api/back-office/audit", tag = "back-office", params(AuditQuery),
    responses((status = 200, body = Vec<AuditEntry>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
async fn audit_list(
    State(state): State<AppState>,
    actor: Actor,
    Query(query): Query<AuditQuery>,
) -> Result<Json<Vec<AuditEntry>>> {
    Ok(Json(audit_log::read(&state.pool, &actor, &query).await?))
}
