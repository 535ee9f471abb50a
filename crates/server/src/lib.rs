//! The server of Insieme per il lavoro: the JSON API under `/api`, the SQLite database, and the
//! built browser app with its security headers.
//!
//! `main.rs` only reads the configuration, opens the database and serves [`app`]. Tests call
//! [`app`] directly on a fresh database.

pub mod applications;
pub mod audit;
pub mod back_office;
pub mod client;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod feedback;
pub mod routes;
pub mod secret;
pub mod security;
pub mod seed_command;
pub mod serve;
pub mod state;
pub mod user_command;
pub mod web;

use std::time::Duration;

use axum::{
    Router,
    extract::Request,
    http::{HeaderName, HeaderValue, StatusCode},
};
use tower_http::{
    compression::CompressionLayer,
    limit::RequestBodyLimitLayer,
    request_id::{MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer},
    timeout::TimeoutLayer,
    trace::TraceLayer,
};

pub use config::Config;
pub use error::{Error, Result};
pub use state::AppState;

/// The whole HTTP application: API, static app, and the layers every request passes through.
pub fn app(state: AppState) -> Router {
    let config = state.config.clone();
    let security_headers = security::SecurityHeaders::for_dist(&config.dist_dir);
    let state_for_client = state.clone();
    Router::new()
        .merge(routes::router(state.clone()))
        .merge(web::router(&config.dist_dir))
        .with_state(state)
        // Each `.layer` wraps everything above it. The limits come first so that the errors they
        // make pass through `error::json_errors` and become JSON like every other error.
        // A request that takes too long is the server's fault, not the client's: 503.
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(config.request_timeout_secs),
        ))
        .layer(RequestBodyLimitLayer::new(config.body_limit_bytes))
        .layer(axum::extract::DefaultBodyLimit::max(config.body_limit_bytes))
        .layer(axum::middleware::map_response(error::json_errors))
        .layer(axum::middleware::from_fn_with_state(security_headers, security::add_headers))
        .layer(axum::middleware::from_fn_with_state(state_for_client, client::resolve))
        .layer(CompressionLayer::new().br(true).gzip(true))
        // Every response carries `x-request-id`, and every log line of the request names it.
        .layer(PropagateRequestIdLayer::new(REQUEST_ID.clone()))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &Request| {
            let id = request.headers().get(&REQUEST_ID).and_then(|value| value.to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", request_id = %id, method = %request.method(), path = %request.uri().path())
        }))
        .layer(SetRequestIdLayer::new(REQUEST_ID.clone(), RandomRequestId))
        .layer(axum::middleware::map_request(forget_client_request_id))
}

/// The id is ours to make: one a client sent could be chosen to confuse the logs.
async fn forget_client_request_id(mut request: Request) -> Request {
    request.headers_mut().remove(&REQUEST_ID);
    request
}

/// The header that carries each request's id.
pub static REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Request ids: 16 random hex digits.
#[derive(Clone, Copy, Debug)]
struct RandomRequestId;

impl MakeRequestId for RandomRequestId {
    fn make_request_id<B>(&mut self, _request: &axum::http::Request<B>) -> Option<RequestId> {
        let mut bytes = [0u8; 8];
        getrandom::getrandom(&mut bytes).ok()?;
        let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
        HeaderValue::from_str(&hex).ok().map(RequestId::new)
    }
}
