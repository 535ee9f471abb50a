//! `GET /api/health`: liveness and database reachability, for monitors and the test command.

use axum::{Json, extract::State, http::StatusCode};
use insieme_api::{DatabaseStatus, Health};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{AppState, db};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(health_show))
}

#[utoipa::path(get, path = "/api/health", tag = "public", responses(
    (status = 200, body = Health), (status = 503, description = "The database does not answer", body = Health)))]
/// 200 when the database answers, 503 (with the same body shape) when it does not.
async fn health_show(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let reachable = db::is_reachable(&state.pool).await;
    let (status, database, word) = if reachable {
        (StatusCode::OK, DatabaseStatus::Reachable, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, DatabaseStatus::Unreachable, "degraded")
    };
    let health = Health { status: word.to_owned(), database, version: env!("CARGO_PKG_VERSION").to_owned() };
    (status, Json(health))
}
