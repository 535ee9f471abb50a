//! At most `IPL_SUBMISSIONS_PER_MINUTE` application requests per client address, so that
//! nobody can flood the database or guess access codes. The address is the client's as
//! `client::resolve` found it (behind a trusted proxy, from `X-Forwarded-For`); IPv6 clients
//! count by their /64.

use axum::{
    extract::{Request, State},
    http::{HeaderValue, header},
    middleware::{self, Next},
    response::{IntoResponse, Response},
};
use governor::clock::{Clock, DefaultClock};
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa_axum::router::OpenApiRouter;

use crate::{
    AppState, Error,
    client::{ClientAddress, limit_key, whole_seconds_rounded_up},
};

/// Public routes that take or give personal data (applications, their states and corrections,
/// accessibility reports): limited per address, and their answers (receipts, access codes,
/// states) never kept by a cache, a shared proxy or the back button.
pub fn limited_and_never_stored(routes: OpenApiRouter<AppState>, state: AppState) -> OpenApiRouter<AppState> {
    routes
        .route_layer(middleware::from_fn_with_state(state, per_address))
        .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
}

pub async fn per_address(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    request: Request,
    next: Next,
) -> Response {
    match state.limiter.check_key(&limit_key(client)) {
        Ok(()) => next.run(request).await,
        Err(not_until) => {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            Error::TooManyRequests { retry_after_secs: whole_seconds_rounded_up(wait) }.into_response()
        }
    }
}
