//! The second factor of the back office (TOTP, RFC 6238): required for administrators and the
//! secretariat, optional for the others; enrolment with a code; a code is accepted once; an
//! administrator resets a lost one. Codes are computed here from the secret, as an app would.

#[path = "support/back_office.rs"]
mod back_office;
#[path = "support/common.rs"]
mod common;

use std::time::Duration;

use axum::http::StatusCode;
use back_office::*;
use common::{TestApp, body_json};
use insieme_rules::Role;
use insieme_server::back_office::{
    accounts,
    second_factor::code_at,
    seed::{DEMO_PASSWORD, DEMO_TOTP_SECRET},
};
use serde_json::{Value, json};

const QUEUE: &str = "/api/back-office/applications";
const ENROL: &str = "/api/back-office/second-factor";

async fn sign_in_with(app: &TestApp, email: &str, code: Option<&str>) -> (StatusCode, Value, Session) {
    let response = app.send(login_request_with_code(email, DEMO_PASSWORD, code)).await;
    let status = response.status();
    let cookie = cookie_of(&response);
    (status, body_json(response).await, Session { cookie })
}

fn now_code(app: &TestApp, secret: &str) -> String {
    code_at(secret, u64::try_from(app.state.clock.unix_millis() / 1000).expect("time")).expect("code")
}

async fn new_account(app: &TestApp, email: &str, role: Role, organisation: Option<&str>) {
    let account = accounts::NewAccount {
        email: email.to_owned(),
        name: email.to_owned(),
        role,
        organisation: organisation.map(str::to_owned),
        access_point: None,
        password: DEMO_PASSWORD.to_owned(),
        demo: false,
    };
    accounts::create(&app.state.pool, &app.state.clock, account, "system").await.expect("account");
}

/// The secret of an enrolment answer, as a person would type it from the screen.
fn typed_secret(enrolment: &Value) -> String {
    enrolment["secret"].as_str().unwrap_or_default().replace(' ', "")
}

#[tokio::test]
async fn an_enrolled_administrator_needs_a_fresh_code_every_time() {
    let app = TestApp::new().await;
    let (status, body, session) = sign_in_with(&app, ADMIN, None).await;
    assert_eq!((status, code(&body)), (StatusCode::UNAUTHORIZED, "second_factor_required"), "{body}");
    assert!(session.cookie.is_none(), "no session without the code");

    let (status, body, session) = sign_in_with(&app, ADMIN, Some("000000")).await;
    assert_eq!((status, code(&body)), (StatusCode::UNAUTHORIZED, "login_failed"));
    assert!(session.cookie.is_none());

    let (status, wrong_password, _) = {
        let response =
            app.send(login_request_with_code(ADMIN, "not-the-password", Some(&now_code(&app, DEMO_TOTP_SECRET)))).await;
        (response.status(), body_json(response).await, ())
    };
    assert_eq!(
        (status, code(&wrong_password)),
        (StatusCode::UNAUTHORIZED, "login_failed"),
        "the code alone opens nothing"
    );

    let fresh = now_code(&app, DEMO_TOTP_SECRET);
    let (status, me, session) = sign_in_with(&app, ADMIN, Some(&fresh)).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["second_factor"], "enrolled");
    assert_eq!(session.get(&app, QUEUE).await.0, StatusCode::OK);

    let (status, body, _) = sign_in_with(&app, ADMIN, Some(&fresh)).await;
    assert_eq!((status, code(&body)), (StatusCode::UNAUTHORIZED, "login_failed"), "a code is accepted once");
    app.state.clock.advance(Duration::from_secs(30));
    let (status, body, _) = sign_in_with(&app, ADMIN, Some(&fresh)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "still spent a step later: {body}");
    app.state.clock.advance(Duration::from_secs(60));
    let (status, _, _) = sign_in_with(&app, ADMIN, Some(&fresh)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "and too old two steps later");
    let (status, _, _) = sign_in_with(&app, ADMIN, Some(&now_code(&app, DEMO_TOTP_SECRET))).await;
    assert_eq!(status, StatusCode::OK, "the new step's code opens");
}

#[tokio::test]
async fn a_new_secretariat_account_may_only_enrol_until_a_code_confirms_its_app() {
    let app = TestApp::new().await;
    let email = "nuova.segreteria@example.org";
    new_account(&app, email, Role::Secretariat, Some("segreteria")).await;
    let (status, me, session) = sign_in_with(&app, email, None).await;
    assert_eq!((status, me["second_factor"].as_str()), (StatusCode::OK, Some("must_enrol")), "{me}");

    for (method, path) in [("GET", QUEUE), ("GET", "/api/back-office/accounts"), ("POST", "/api/back-office/password")]
    {
        let body = (method == "POST").then(|| json!({ "current": DEMO_PASSWORD, "new": "another-long-password" }));
        let response = app.send(session.request(method, path, body.as_ref())).await;
        let status = response.status();
        let body = body_json(response).await;
        assert_eq!(
            (status, code(&body)),
            (StatusCode::FORBIDDEN, "second_factor_enrolment_required"),
            "{method} {path}"
        );
    }
    assert_eq!(session.get(&app, "/api/back-office/session").await.0, StatusCode::OK, "it may say who it is");

    let response = app.send(session.request("PUT", ENROL, Some(&json!({ "code": "123456" })))).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST, "nothing to confirm before starting");
    let (status, enrolment) = session.post(&app, ENROL, &json!({})).await;
    assert_eq!(status, StatusCode::OK, "{enrolment}");
    let secret = typed_secret(&enrolment);
    let uri = enrolment["uri"].as_str().unwrap_or_default();
    assert!(uri.starts_with("otpauth://totp/") && uri.contains(&format!("secret={secret}")), "{uri}");
    assert!(uri.contains("issuer=Insieme"), "{uri}");

    let wrong = app.send(session.request("PUT", ENROL, Some(&json!({ "code": "000000" })))).await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED, "a wrong code confirms nothing");
    assert_eq!(session.get(&app, QUEUE).await.0, StatusCode::FORBIDDEN);

    let confirm = app.send(session.request("PUT", ENROL, Some(&json!({ "code": now_code(&app, &secret) })))).await;
    assert_eq!(confirm.status(), StatusCode::OK);
    let renewed = Session { cookie: cookie_of(&confirm) };
    assert_eq!(body_json(confirm).await["second_factor"], "enrolled");
    assert_ne!(renewed.cookie, session.cookie, "a new session for two factors");
    assert_eq!(session.get(&app, QUEUE).await.0, StatusCode::UNAUTHORIZED, "the password-only session ended");
    assert_eq!(renewed.get(&app, QUEUE).await.0, StatusCode::OK, "the new one works");
    let (status, body) = renewed.post(&app, ENROL, &json!({})).await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::CONFLICT, "conflict"),
        "an enrolled app is not replaced from a session"
    );

    let (status, body, _) = sign_in_with(&app, email, None).await;
    assert_eq!((status, code(&body)), (StatusCode::UNAUTHORIZED, "second_factor_required"));
    let (status, _, _) = sign_in_with(&app, email, Some(&now_code(&app, &secret))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the code that confirmed the app is spent");
    app.state.clock.advance(Duration::from_secs(30));
    let (status, _, _) = sign_in_with(&app, email, Some(&now_code(&app, &secret))).await;
    assert_eq!(status, StatusCode::OK);

    let audit: Vec<String> =
        { let pool = &app.state.pool; insieme_server::on_db!(pool => sqlx::query_scalar("SELECT action FROM audit_log WHERE action LIKE '%second_factor' ORDER BY id")
            .fetch_all(pool)
            .await) }
            .expect("audit");
    assert_eq!(audit, ["begin_second_factor", "enrol_second_factor"]);
}

#[tokio::test]
async fn a_reviewer_may_enrol_and_an_administrator_resets_a_lost_app() {
    let app = TestApp::new().await;
    let (status, me, reviewer) = sign_in_with(&app, FONDAZIONE, None).await;
    assert_eq!((status, me["second_factor"].as_str()), (StatusCode::OK, Some("optional")));
    assert_eq!(reviewer.get(&app, QUEUE).await.0, StatusCode::OK, "optional: the password is enough");
    let (_, enrolment) = reviewer.post(&app, ENROL, &json!({})).await;
    let secret = typed_secret(&enrolment);
    let other_device = Session::sign_in(&app, FONDAZIONE).await;
    let confirm = app.send(reviewer.request("PUT", ENROL, Some(&json!({ "code": now_code(&app, &secret) })))).await;
    assert_eq!(confirm.status(), StatusCode::OK);
    assert_eq!(
        other_device.get(&app, QUEUE).await.0,
        StatusCode::UNAUTHORIZED,
        "sessions opened with the password alone end"
    );
    let (status, body, _) = sign_in_with(&app, FONDAZIONE, None).await;
    assert_eq!(code(&body), "second_factor_required", "{status}");

    let id = me["id"].as_str().unwrap_or_default();
    let admin = Session::sign_in(&app, ADMIN).await;
    let operator = Session::sign_in(&app, OPERATOR).await;
    let path = format!("/api/back-office/accounts/{id}/second-factor");
    assert_eq!(app.send(operator.request("DELETE", &path, None)).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.send(admin.request("DELETE", &path, None)).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(reviewer.get(&app, QUEUE).await.0, StatusCode::UNAUTHORIZED, "the reset ends the account's sessions");
    let (status, me, _) = sign_in_with(&app, FONDAZIONE, None).await;
    assert_eq!((status, me["second_factor"].as_str()), (StatusCode::OK, Some("optional")));
}
