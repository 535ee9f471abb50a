//! Accessibility reports over HTTP: anyone sends one (limited per client address, like the
//! applications); administrators list them in the back office.

use axum::{
    Json,
    body::Bytes,
    extract::State,
    http::{HeaderMap, StatusCode},
};
use insieme_api::{AccessibilityFeedback, ErrorBody, FeedbackReceipt, FeedbackView};
use insieme_rules::Role;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{json_body, rate_limit};
use crate::{AppState, Result, back_office::Actor, feedback};

/// The public route.
pub fn router(state: AppState) -> OpenApiRouter<AppState> {
    rate_limit::limited_and_never_stored(OpenApiRouter::new().routes(routes!(feedback_create)), state)
}

/// The back office's route (merged into its router: session, same origin, no-store).
pub fn back_office_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(feedback_list))
}

/// Report an accessibility problem or ask for a content in an accessible format. A repeated id
/// with the same content answers the same receipt (200); with other content, 409.
#[utoipa::path(post, path = "/api/feedback/accessibility", tag = "public", request_body = AccessibilityFeedback,
    responses(
        (status = 201, description = "Stored now", body = FeedbackReceipt),
        (status = 200, description = "Already stored with this id", body = FeedbackReceipt),
        (status = 409, description = "Id reused with other content", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
        (status = 429, description = "Too many requests from this address", body = ErrorBody),
    ))]
async fn feedback_create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<FeedbackReceipt>)> {
    let report: AccessibilityFeedback = json_body::parse(&headers, &body)?;
    let (created, receipt) = feedback::receive(&state, &report).await?;
    Ok((if created { StatusCode::CREATED } else { StatusCode::OK }, Json(receipt)))
}

/// The newest accessibility reports (200 at most). Administrators.
#[utoipa::path(get, path = "/api/back-office/accessibility-feedback", tag = "back-office",
    responses((status = 200, body = Vec<FeedbackView>)))]
async fn feedback_list(State(state): State<AppState>, actor: Actor) -> Result<Json<Vec<FeedbackView>>> {
    actor.require(&[Role::Administrator])?;
    Ok(Json(feedback::list(&state, &actor).await?))
}
