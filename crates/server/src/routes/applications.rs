//! Applications over HTTP: submit (idempotent by id), look up the state, correct what the
//! partners flagged. All three are limited per client address.

use axum::{
    Json,
    body::Bytes,
    extract::State,
    http::{HeaderMap, StatusCode},
};
use insieme_api::{Correction, ErrorBody, Receipt, StatusQuery, StatusView, Submission};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{json_body, rate_limit};
use crate::{AppState, Result, applications, client::ClientAddress};

pub fn router(state: AppState) -> OpenApiRouter<AppState> {
    let routes = OpenApiRouter::new()
        .routes(routes!(application_create))
        .routes(routes!(application_status))
        .routes(routes!(application_correct));
    rate_limit::limited_and_never_stored(routes, state)
}

/// Submit an application. A repeated id with the same content answers the same receipt (200);
/// with other content it is a conflict (409). The answer comes after the data is on disk.
#[utoipa::path(post, path = "/api/applications", tag = "applications", request_body = Submission,
    responses(
        (status = 201, description = "Stored now", body = Receipt),
        (status = 200, description = "Already stored with this id", body = Receipt),
        (status = 400, description = "Not JSON", body = ErrorBody),
        (status = 409, description = "Id reused with other content", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 415, description = "Not declared as JSON", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
        (status = 429, description = "Too many requests from this address", body = ErrorBody),
    ))]
async fn application_create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<Receipt>)> {
    let submission: Submission = json_body::parse(&headers, &body)?;
    let submitted = applications::submit(&state, submission).await?;
    let status = if submitted.created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(submitted.receipt)))
}

/// The state of an application, its public history and what to correct. Unknown reference and
/// wrong access code give the same 404.
#[utoipa::path(post, path = "/api/applications/status", tag = "applications", request_body = StatusQuery,
    responses(
        (status = 200, body = StatusView),
        (status = 404, description = "No application with this reference and access code", body = ErrorBody),
        (status = 429, body = ErrorBody),
    ))]
async fn application_status(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<StatusView>> {
    let query: StatusQuery = json_body::parse(&headers, &body)?;
    Ok(Json(applications::status(&state, client, &query).await?))
}

/// New values for the fields the partners flagged; the application is checked and re-scored
/// again and goes back to them as `corrected`.
#[utoipa::path(post, path = "/api/applications/correction", tag = "applications", request_body = Correction,
    responses(
        (status = 200, body = StatusView),
        (status = 404, body = ErrorBody),
        (status = 422, description = "A value is invalid or was not flagged", body = ErrorBody),
        (status = 429, body = ErrorBody),
    ))]
async fn application_correct(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<StatusView>> {
    let correction: Correction = json_body::parse(&headers, &body)?;
    Ok(Json(applications::correct(&state, client, &correction).await?))
}
