//! `GET /api/territory`: the comuni of the Città metropolitana grouped by distretto, and the
//! Quartieri of Bologna, straight from the rules engine's embedded territory data.

use axum::{Json, http::header, response::IntoResponse};
use insieme_api::{DistrettoView, QuartiereView, TerritoryView};
use insieme_rules::Territory;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(territory_show))
}

/// The comuni by distretto and the Quartieri of Bologna.
#[utoipa::path(get, path = "/api/territory", tag = "public", responses((status = 200, body = TerritoryView)))]
async fn territory_show() -> impl IntoResponse {
    // The data changes only with a new release, so caches may keep it for an hour.
    ([(header::CACHE_CONTROL, "public, max-age=3600")], Json(territory_view(Territory::embedded())))
}

fn territory_view(territory: &Territory) -> TerritoryView {
    TerritoryView {
        distretti: territory
            .distretti
            .iter()
            .map(|distretto| DistrettoView {
                id: distretto.id.clone(),
                name: distretto.name.clone(),
                comuni: distretto.comuni.clone(),
            })
            .collect(),
        quartieri: territory
            .quartieri
            .iter()
            .map(|quartiere| QuartiereView {
                id: quartiere.id.clone(),
                name: quartiere.name.clone(),
                zone: quartiere.zone.clone(),
            })
            .collect(),
    }
}
