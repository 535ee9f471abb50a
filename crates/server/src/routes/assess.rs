//! `POST /api/assess`: answers in, assessment out, with the same rules engine the browser runs.
//! For tablets and third parties; nothing is stored. Invalid answers give 422 with each field
//! named; a body that is not JSON gives 400; a body not declared as JSON gives 415.

use axum::{Json, body::Bytes, extract::State, http::HeaderMap};
use insieme_api::ErrorBody;
use insieme_api::FieldError;
use insieme_rules::{Answers, Assessment, Instrument, assess};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{AppState, Error, Result};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(assess_create))
}

/// Answers (`insieme_rules::Answers`) in, assessment out; nothing is stored.
#[utoipa::path(post, path = "/api/assess", tag = "public",
    request_body(content = Object, description = "Answers: profile and fragility levels"),
    responses(
        (status = 200, description = "The assessment", body = Object),
        (status = 400, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn assess_create(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<Json<Assessment>> {
    super::json_body::require_json(&headers)?;
    super::json_body::require_object(&body)?;
    let text = std::str::from_utf8(&body).map_err(|_| Error::BadRequest(super::json_body::MALFORMED.to_owned()))?;
    let instrument = Instrument::fragility();
    let mut answers = parse_answers(text, instrument)?;
    // The engine has no clock; an assessment without a date is made as of today in Bologna.
    answers.assessed_on.get_or_insert_with(|| state.clock.today_in_italy());
    Ok(Json(assess(&answers, instrument)))
}

/// Answers checked at the edge: 400 when the text is not JSON at all, 422 naming each field
/// with a stable problem code (never serde's own sentences).
pub fn parse_answers(text: &str, instrument: &Instrument) -> Result<Answers> {
    Answers::from_json(text, instrument).map_err(|errors| {
        if errors.iter().any(|error| error.code == "malformed_json") {
            return Error::BadRequest(super::json_body::MALFORMED.to_owned());
        }
        Error::Unprocessable(
            errors.into_iter().map(|error| FieldError { field: error.field, problem: error.code.to_owned() }).collect(),
        )
    })
}
