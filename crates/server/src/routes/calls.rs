//! `GET /api/calls` (open calls of channel 3) and `GET /api/opportunities` (community
//! opportunities the networks supported): public lists, no personal data.

use axum::{Json, extract::State};
use insieme_api::{CallView, Opportunity};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{AppState, Result, applications};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(calls_index)).routes(routes!(opportunities_index))
}

/// Calls open today.
#[utoipa::path(get, path = "/api/calls", tag = "public", responses((status = 200, body = Vec<CallView>)))]
async fn calls_index(State(state): State<AppState>) -> Result<Json<Vec<CallView>>> {
    Ok(Json(applications::open_calls(&state.pool, &state.clock).await?))
}

/// Community opportunities supported by the Quartiere and distretto networks.
#[utoipa::path(get, path = "/api/opportunities", tag = "public", responses((status = 200, body = Vec<Opportunity>)))]
async fn opportunities_index(State(state): State<AppState>) -> Result<Json<Vec<Opportunity>>> {
    Ok(Json(applications::opportunities(&state.pool).await?))
}
