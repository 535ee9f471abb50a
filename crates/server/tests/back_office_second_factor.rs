//! The second factor of the back office (TOTP, RFC 6238): required for administrators and the
//! secretariat, optional for the others; enrolment with a code; a code is accepted once; an
//! administrator resets a lost one. Codes are computed here from the secret, as an app would.

#[path = "support/back_office.rs"]
mod back_office;
#[path = "support/common.rs"]
mod common;

use std::time::Duration;

use axum::http::{StatusCode, header};
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

fn cookie_of(response: &axum::response::Response) -> Option<String> {
    response
        .headers()
        .get(header::SET_COOKIE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(str::to_owned)
}

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
        sqlx::query_scalar("SELECT action FROM audit_log WHERE action LIKE '%second_factor' ORDER BY id")
            .fetch_all(&app.state.pool)
            .await
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

/// An administrator makes an account in the back office: the one-time password is shown once and
/// opens it; a new secretariat account must then enrol; the account can be disabled and enabled.
#[tokio::test]
async fn an_administrator_makes_an_account_that_signs_in_with_its_one_time_password() {
    let app = TestApp::new().await;
    let admin = Session::sign_in(&app, ADMIN).await;
    let accounts_path = "/api/back-office/accounts";
    let made = json!({ "email": "Nuova.Persona@Example.org", "name": "Nuova Persona", "role": "secretariat",
                       "organisation": "segreteria", "access_point": "" });
    let (status, created) = admin.post(&app, accounts_path, &made).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["account"]["email"], "nuova.persona@example.org");
    let password = created["one_time_password"].as_str().unwrap_or_default().to_owned();
    assert_eq!(password.chars().count(), 20);
    assert_eq!(admin.post(&app, accounts_path, &made).await.0, StatusCode::CONFLICT, "one account per e-mail");
    for (bad, why) in [
        (json!({ "email": "r@example.org", "name": "R", "role": "reviewer" }), "a reviewer without organisation"),
        (json!({ "email": "o@example.org", "name": "O", "role": "operator" }), "an operator without access point"),
        (json!({ "email": "x@example.org", "name": "X", "role": "king" }), "an unknown role"),
        (json!({ "email": "", "name": "X", "role": "administrator" }), "no e-mail"),
    ] {
        assert_eq!(admin.post(&app, accounts_path, &bad).await.0, StatusCode::BAD_REQUEST, "{why}");
    }

    let response = app.send(login_request("nuova.persona@example.org", &password)).await;
    assert_eq!(response.status(), StatusCode::OK, "the one-time password opens the account");
    assert_eq!(body_json(response).await["second_factor"], "must_enrol");

    let id = created["account"]["id"].as_str().unwrap_or_default();
    let status = app.send(admin.request("POST", &format!("{accounts_path}/{id}/disable"), None)).await.status();
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        app.send(login_request("nuova.persona@example.org", &password)).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let status = app.send(admin.request("POST", &format!("{accounts_path}/{id}/enable"), None)).await.status();
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(app.send(login_request("nuova.persona@example.org", &password)).await.status(), StatusCode::OK);

    // Forgotten password: the administrator makes a new one-time password; the old one and the
    // account's sessions stop working.
    let (_, holder) = {
        let response = app.send(login_request("nuova.persona@example.org", &password)).await;
        (response.status(), Session { cookie: cookie_of(&response) })
    };
    let (status, reset) = admin.post(&app, &format!("{accounts_path}/{id}/password-reset"), &json!({})).await;
    assert_eq!(status, StatusCode::OK, "{reset}");
    let fresh = reset["one_time_password"].as_str().unwrap_or_default().to_owned();
    assert_ne!(fresh, password);
    assert_eq!(holder.get(&app, "/api/back-office/session").await.0, StatusCode::UNAUTHORIZED, "sessions end");
    assert_eq!(
        app.send(login_request("nuova.persona@example.org", &password)).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.send(login_request("nuova.persona@example.org", &fresh)).await.status(), StatusCode::OK);

    let (status, places) = admin.get(&app, "/api/back-office/places").await;
    assert_eq!(status, StatusCode::OK);
    let organisations = places["organisations"].as_array().map_or(0, Vec::len);
    assert!(organisations > 20, "the secretariat, partners, seven SUAP desks and the networks: {organisations}");
    let audit: Vec<String> =
        sqlx::query_scalar("SELECT action FROM audit_log WHERE subject = 'account' AND subject_id = ?")
            .bind(id)
            .fetch_all(&app.state.pool)
            .await
            .expect("audit");
    assert!(audit.starts_with(&["create".to_owned()]) && audit.contains(&"enable".to_owned()), "{audit:?}");
    assert!(audit.contains(&"reset_password".to_owned()), "{audit:?}");
}

/// Administrators add organisations and access points and close them; the list shows them, a
/// closed one stays closed after a restart's seeding, and every change is audited.
#[tokio::test]
async fn an_administrator_adds_and_closes_organisations_and_access_points() {
    let app = TestApp::new().await;
    let admin = Session::sign_in(&app, ADMIN).await;
    let places = "/api/back-office/places";
    let point = json!({ "kind": "access_point", "id": "sportello-lavoro-budrio", "name": "Sportello lavoro di Budrio",
                        "comune": "budrio", "address": "Piazza Filopanti 11, Budrio" });
    let response = app.send(admin.request("POST", places, Some(&point))).await;
    let status = response.status();
    let text = common::body_text(response).await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    assert_eq!(admin.post(&app, places, &point).await.0, StatusCode::CONFLICT);
    for (bad, why) in [
        (
            json!({ "kind": "access_point", "id": "x-y", "name": "X", "comune": "Milano", "address": "Via Roma 1" }),
            "outside the territory",
        ),
        (json!({ "kind": "access_point", "id": "x-z", "name": "X", "comune": "Budrio", "address": " " }), "no address"),
        (json!({ "kind": "organisation", "id": "Has Spaces", "name": "X" }), "a bad id"),
        (json!({ "kind": "castle", "id": "castle", "name": "X" }), "an unknown kind"),
    ] {
        assert_eq!(admin.post(&app, places, &bad).await.0, StatusCode::BAD_REQUEST, "{why}");
    }
    let organisation =
        json!({ "kind": "organisation", "id": "caritas_budrio", "name": "Caritas di Budrio", "joint_analysis": true });
    let response = app.send(admin.request("POST", places, Some(&organisation))).await;
    let status = response.status();
    let text = common::body_text(response).await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    let close = admin.request(
        "PUT",
        "/api/back-office/places/access_point/sportello-lavoro-budrio/active",
        Some(&json!({ "active": false })),
    );
    assert_eq!(app.send(close).await.status(), StatusCode::NO_CONTENT);
    insieme_server::back_office::seed::organisations_and_access_points(&app.state.pool).await.expect("seeding again");
    let (_, listed) = admin.get(&app, places).await;
    let budrio = listed["access_points"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|place| place["id"] == "sportello-lavoro-budrio")
        .cloned();
    assert_eq!(
        budrio.map(|place| place["active"].clone()),
        Some(json!(false)),
        "closed, and still closed after seeding"
    );
    assert!(listed["organisations"].as_array().into_iter().flatten().any(|place| place["id"] == "caritas_budrio"));
    let audit: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE subject IN ('access_point', 'organisation') ORDER BY id",
    )
    .fetch_all(&app.state.pool)
    .await
    .expect("audit");
    assert_eq!(audit, ["create", "create", "close"]);
}
