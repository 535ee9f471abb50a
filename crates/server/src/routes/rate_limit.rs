//! At most `IPL_SUBMISSIONS_PER_MINUTE` application requests per client address, so that
//! nobody can flood the database or guess access codes. Behind a reverse proxy the address is
//! the proxy's: put the limit in the proxy too (see ARCHITECTURE.md).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::{
    extract::{ConnectInfo, Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use governor::clock::{Clock, DefaultClock};

use crate::{AppState, Error};

pub async fn per_address(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let address = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::LOCALHOST), |ConnectInfo(address)| address.ip());
    match state.limiter.check_key(&address) {
        Ok(()) => next.run(request).await,
        Err(not_until) => {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            Error::TooManyRequests { retry_after_secs: wait.as_secs().max(1) }.into_response()
        }
    }
}
