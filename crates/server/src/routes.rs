//! The JSON API, one module per resource, each owning its router.

mod assess;
mod health;
mod territory;

use axum::Router;

use crate::{AppState, Error};

/// Every `/api` route; anything else under `/api` is a JSON 404.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(assess::router())
        .merge(health::router())
        .merge(territory::router())
        .fallback(|| async { Error::NotFound })
}
