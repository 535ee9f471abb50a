//! The JSON API, one module per resource, each owning its routes and their OpenAPI entries.
//! Routes and documentation come from the same declarations (`utoipa_axum::routes!`), so the
//! document at `/api/openapi.json` cannot forget a route.

mod administration;
mod applications;
mod assess;
mod back_office;
mod calls;
mod common_answers;
mod feedback;
mod health;
pub mod json_body;
mod rate_limit;
mod territory;

use std::sync::Arc;

use axum::{Extension, Router, http::header, response::IntoResponse};
use utoipa::OpenApi;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{AppState, Error};

#[derive(OpenApi)]
#[openapi(info(
    title = "Insieme per il lavoro",
    description = "The public API of the job-inclusion programme of Bologna: territory, self-assessment, applications."
))]
struct ApiDoc;

/// Every `/api` route; anything else under `/api` is a JSON 404.
pub fn router(state: AppState) -> Router<AppState> {
    let (router, document) = documented(state);
    let document = Arc::new(document.to_json().unwrap_or_default());
    router
        .layer(Extension(document))
        .route("/api", axum::routing::any(|| async { Error::NotFound }))
        .route("/api/{*rest}", axum::routing::any(|| async { Error::NotFound }))
}

/// The routes and the OpenAPI document generated from them, with the answers routes share.
pub fn documented(state: AppState) -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, mut document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(applications::router(state.clone()))
        .merge(assess::router())
        .merge(back_office::router(state.clone()))
        .merge(calls::router())
        .merge(feedback::router(state.clone()))
        .merge(health::router())
        .merge(territory::router())
        .routes(routes!(openapi_show))
        .split_for_parts();
    common_answers::add_to(&mut document);
    (router, document)
}

/// This document: every route of the API with its bodies and answers.
#[utoipa::path(get, path = "/api/openapi.json", tag = "public", responses((status = 200, description = "OpenAPI 3.1")))]
async fn openapi_show(Extension(document): Extension<Arc<String>>) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], (*document).clone())
}

/// The OpenAPI document, with the path of the document itself added.
pub fn openapi(state: AppState) -> utoipa::openapi::OpenApi {
    documented(state).1
}
