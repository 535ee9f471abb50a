//! The server of Insieme per il lavoro: the JSON API under `/api`, the SQLite database, and the
//! built browser app with its security headers.
//!
//! `main.rs` only reads the configuration, opens the database and serves [`app`]. Tests call
//! [`app`] directly on a fresh database.

pub mod applications;
pub mod audit;
pub mod clock;
pub mod config;
pub mod db;
pub mod error;
pub mod routes;
pub mod secret;
pub mod security;
pub mod state;
pub mod web;

use std::time::Duration;

use axum::{Router, http::StatusCode};
use tower_http::{
    compression::CompressionLayer, limit::RequestBodyLimitLayer, timeout::TimeoutLayer, trace::TraceLayer,
};

pub use config::Config;
pub use error::{Error, Result};
pub use state::AppState;

/// The whole HTTP application: API, static app, and the layers every request passes through.
pub fn app(state: AppState) -> Router {
    let config = state.config.clone();
    let security_headers = security::SecurityHeaders::for_dist(&config.dist_dir);
    Router::new()
        .merge(routes::router(state.clone()))
        .merge(web::router(&config.dist_dir))
        .with_state(state)
        // Each `.layer` wraps everything above it. The limits come first so that the errors they
        // make pass through `error::json_errors` and become JSON like every other error.
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(config.request_timeout_secs),
        ))
        .layer(RequestBodyLimitLayer::new(config.body_limit_bytes))
        .layer(axum::extract::DefaultBodyLimit::max(config.body_limit_bytes))
        .layer(axum::middleware::map_response(error::json_errors))
        .layer(axum::middleware::from_fn_with_state(security_headers, security::add_headers))
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(TraceLayer::new_for_http())
}
