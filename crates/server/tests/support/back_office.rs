//! Signing in as the demo accounts and calling the back office as a browser would (cookie, and
//! `Sec-Fetch-Site: same-origin` on changes).

#![allow(dead_code)]

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use insieme_server::back_office::{
    second_factor,
    seed::{DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET},
};
use serde_json::{Value, json};

use super::common::{TestApp, body_json};

pub const ADMIN: &str = "admin@demo.insieme.test";
pub const SECRETARIAT: &str = "segreteria@demo.insieme.test";
pub const OPERATOR: &str = "operatore@demo.insieme.test";
pub const CITTA_METROPOLITANA: &str = "cittametropolitana@demo.insieme.test";
pub const SUAP_BOLOGNA: &str = "suap.bologna@demo.insieme.test";
pub const RETE_NAVILE: &str = "rete.navile@demo.insieme.test";
pub const FONDAZIONE: &str = "fondazione@demo.insieme.test";
/// The access point of the demo operator.
pub const OPERATOR_POINT: &str = "insieme-per-il-lavoro";

/// Every demo account's e-mail.
pub fn demo_emails() -> Vec<&'static str> {
    DEMO_ACCOUNTS.iter().map(|(email, ..)| *email).collect()
}

/// The `name=value` of the cookie a response sets, as a browser keeps it.
pub fn cookie_of(response: &axum::response::Response) -> Option<String> {
    response
        .headers()
        .get(header::SET_COOKIE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(str::to_owned)
}

/// A signed-in browser: the session cookie it got.
#[derive(Clone, Debug)]
pub struct Session {
    pub cookie: Option<String>,
}

impl Session {
    pub fn none() -> Self {
        Self { cookie: None }
    }

    /// Signs in as a demo account, with a fresh authenticator code when the account has one.
    pub async fn sign_in(app: &TestApp, email: &str) -> Self {
        let code = unused_code(app, email, DEMO_TOTP_SECRET).await;
        let response = app.send(login_request_with_code(email, DEMO_PASSWORD, code.as_deref())).await;
        assert_eq!(response.status(), StatusCode::OK, "{email} signs in");
        let cookie = cookie_of(&response);
        assert!(cookie.is_some(), "a session cookie is set");
        Self { cookie }
    }

    pub fn request(&self, method: &str, uri: &str, body: Option<&Value>) -> Request<Body> {
        let mut builder = Request::builder().method(method).uri(uri);
        if let Some(cookie) = &self.cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        if method != "GET" {
            builder = builder.header("sec-fetch-site", "same-origin");
        }
        match body {
            Some(body) => builder
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string()))
                .expect("request"),
            None => builder.body(Body::empty()).expect("request"),
        }
    }

    pub async fn get(&self, app: &TestApp, uri: &str) -> (StatusCode, Value) {
        let response = app.send(self.request("GET", uri, None)).await;
        let status = response.status();
        (status, body_json(response).await)
    }

    pub async fn post(&self, app: &TestApp, uri: &str, body: &Value) -> (StatusCode, Value) {
        let response = app.send(self.request("POST", uri, Some(body))).await;
        let status = response.status();
        (status, body_json(response).await)
    }

    /// Opens the case and takes `action` with `extra` fields from the version just read.
    pub async fn act(&self, app: &TestApp, reference: &str, action: &str, extra: Value) -> (StatusCode, Value) {
        let (status, case) = self.get(app, &format!("/api/back-office/applications/{reference}")).await;
        assert_eq!(status, StatusCode::OK, "case {reference} opens before {action}: {case}");
        let mut body = json!({ "action": action, "version": case["version"] });
        if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
            body.extend(extra.clone());
        }
        self.post(app, &format!("/api/back-office/applications/{reference}/actions"), &body).await
    }
}

pub fn login_request(email: &str, password: &str) -> Request<Body> {
    login_request_with_code(email, password, None)
}

pub fn login_request_with_code(email: &str, password: &str, code: Option<&str>) -> Request<Body> {
    Request::post("/api/back-office/session")
        .header(header::CONTENT_TYPE, "application/json")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(json!({ "email": email, "password": password, "totp": code }).to_string()))
        .expect("request")
}

/// A code of `secret` the server has not accepted yet for `email` (none when the account has
/// no authenticator), as a person would read it from the app: the current step's, or the next
/// one's when the current was spent (the server accepts one step either side); the test clock
/// moves on 30 seconds when both were spent.
pub async fn unused_code(app: &TestApp, email: &str, secret: &str) -> Option<String> {
    let enrolled: Option<(bool, i64)> =
        { let pool = &app.state.pool; insieme_server::on_db!(pool => sqlx::query_as("SELECT totp_secret IS NOT NULL, totp_last_step FROM accounts WHERE email = $1")
            .bind(email)
            .fetch_optional(pool)
            .await) }
            .expect("account");
    let (true, last_step) = enrolled? else { return None };
    let last_step = u64::try_from(last_step).expect("step");
    let mut now_step = u64::try_from(app.state.clock.unix_millis() / 1000).expect("time") / 30;
    if last_step > now_step {
        app.state.clock.advance(std::time::Duration::from_secs(30));
        now_step += 1;
    }
    let step = now_step.max(last_step + 1);
    Some(second_factor::code_at(secret, step * 30).expect("code"))
}

/// The error code of an error body.
pub fn code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or_default()
}
