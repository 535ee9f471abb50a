//! `POST /api/assess`: answers in, assessment out, with the same rules engine the browser runs.
//! For tablets and third parties; nothing is stored. Invalid answers give 422 with each field
//! named; a body that is not JSON gives 400; a body not declared as JSON gives 415.

use axum::{Json, body::Bytes, http::HeaderMap};
use insieme_api::ErrorBody;
use insieme_api::FieldError;
use insieme_rules::{Answers, Assessment, Instrument, assess};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{AppState, Error, Result, clock};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(assess_create))
}

/// Answers (`insieme_rules::Answers`) in, assessment out; nothing is stored.
#[utoipa::path(post, path = "/api/assess", tag = "public",
    request_body(content = Object, description = "Answers: profile and fragility levels"),
    responses(
        (status = 200, description = "The assessment", body = Object),
        (status = 400, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn assess_create(headers: HeaderMap, body: Bytes) -> Result<Json<Assessment>> {
    super::json_body::require_json(&headers)?;
    let text = std::str::from_utf8(&body).map_err(|_| Error::BadRequest("the body is not UTF-8 text".to_owned()))?;
    let instrument = Instrument::fragility();
    let mut answers = parse_answers(text, instrument)?;
    // The engine has no clock; an assessment without a date is made as of today in Bologna.
    answers.assessed_on.get_or_insert_with(clock::today_in_italy);
    Ok(Json(assess(&answers, instrument)))
}

/// Answers checked at the edge: 400 when the text is not JSON at all, 422 naming each field.
pub fn parse_answers(text: &str, instrument: &Instrument) -> Result<Answers> {
    Answers::from_json(text, instrument).map_err(|errors| {
        if let [only] = errors.as_slice()
            && only.field == "(document)"
        {
            return Error::BadRequest(only.problem.clone());
        }
        Error::Unprocessable(
            errors.into_iter().map(|error| FieldError { field: error.field, problem: error.problem }).collect(),
        )
    })
}
