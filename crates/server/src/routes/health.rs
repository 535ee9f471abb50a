//! `GET /api/health`: liveness and database reachability, for monitors and the test command.

use axum::{Json, extract::State, http::StatusCode};
use insieme_api::{DatabaseStatus, Health, WriterStatus};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{AppState, db};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(health_show))
}

#[utoipa::path(get, path = "/api/health", tag = "public", responses(
    (status = 200, body = Health),
    (status = 503, description = "The database does not answer or applications cannot be stored", body = Health)))]
/// 200 when the database answers and the application writer can write, 503 (with the same body
/// shape) when either cannot.
async fn health_show(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let reachable = db::is_reachable(&state.pool).await;
    let writing = state.writer.is_healthy();
    let database = if reachable { DatabaseStatus::Reachable } else { DatabaseStatus::Unreachable };
    let writer = if writing { WriterStatus::Writing } else { WriterStatus::NotWriting };
    let (status, word) =
        if reachable && writing { (StatusCode::OK, "ok") } else { (StatusCode::SERVICE_UNAVAILABLE, "degraded") };
    let health = Health { status: word.to_owned(), database, writer, version: env!("CARGO_PKG_VERSION").to_owned() };
    (status, Json(health))
}
