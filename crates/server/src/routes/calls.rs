//! `GET /api/calls` (open calls of channel 3), `GET /api/opportunities` (community
//! opportunities the networks supported) and `GET /api/access-points` (the desks as
//! administrators keep them): public lists, no personal data.

use axum::{Json, extract::State};
use insieme_api::{AccessPointView, CallView, Opportunity};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{AppState, Result, applications};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(calls_index))
        .routes(routes!(opportunities_index))
        .routes(routes!(access_points_index))
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

/// The open access points, with the names and addresses administrators keep up to date in the
/// back office (issue 14: the contacts become real when they fill them in).
#[utoipa::path(get, path = "/api/access-points", tag = "public", responses((status = 200, body = Vec<AccessPointView>)))]
async fn access_points_index(State(state): State<AppState>) -> Result<Json<Vec<AccessPointView>>> {
    let rows: Vec<(String, String, String, String)> = {
        let pool = &state.pool;
        crate::on_db!(pool => sqlx::query_as("SELECT id, name, comune, address FROM access_points WHERE active = TRUE ORDER BY name, id")
            .fetch_all(pool)
            .await)
    }?;
    Ok(Json(
        rows.into_iter().map(|(id, name, comune, address)| AccessPointView { id, name, comune, address }).collect(),
    ))
}
