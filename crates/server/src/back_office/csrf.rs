//! Cross-site request forgery: a state-changing back-office request is refused (403) unless the
//! browser says it comes from our own pages. `Sec-Fetch-Site: same-origin` is what every current
//! browser sends; without it, `Origin` must be our own origin (`IPL_PUBLIC_URL`, or the request's
//! Host for a local run). A request with neither header does not come from a browser, so it
//! cannot carry a victim's cookie. This is on top of the cookie's SameSite=Strict.

use axum::{
    extract::{Request, State},
    http::{HeaderMap, Method, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::{AppState, Config, Error};

pub async fn same_origin_only(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || comes_from_our_pages(request.headers(), &state.config) {
        next.run(request).await
    } else {
        tracing::warn!(path = %request.uri().path(), "cross-site back-office request refused");
        Error::Forbidden("cross-site").into_response()
    }
}

pub fn comes_from_our_pages(headers: &HeaderMap, config: &Config) -> bool {
    let text = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
    if let Some(site) = text("sec-fetch-site") {
        return site == "same-origin";
    }
    let Some(origin) = text(header::ORIGIN.as_str()) else { return true };
    match &config.public_url {
        Some(public) => origin == public,
        None => text(header::HOST.as_str()).is_some_and(|host| {
            origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://")) == Some(host)
        }),
    }
}
