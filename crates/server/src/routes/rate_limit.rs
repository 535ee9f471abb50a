//! At most `IPL_SUBMISSIONS_PER_MINUTE` application requests per client address, so that
//! nobody can flood the database or guess access codes. The address is the client's as
//! `client::resolve` found it (behind a trusted proxy, from `X-Forwarded-For`); IPv6 clients
//! count by their /64.

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use governor::clock::{Clock, DefaultClock};

use crate::{
    AppState, Error,
    client::{ClientAddress, limit_key, whole_seconds_rounded_up},
};

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
