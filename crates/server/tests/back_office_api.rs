//! The back office through its HTTP API on a fresh database: signing in, sessions, cross-site
//! refusal, the workflow of every channel (every allowed and every forbidden step), who may see
//! and change what, assignment, the queue and the logs.

#[path = "support/applications.rs"]
mod applications;
#[path = "support/back_office.rs"]
mod back_office;
#[path = "support/common.rs"]
mod common;

use std::time::Duration;

use axum::http::{StatusCode, header};
use back_office::*;
use common::{TestApp, body_json, submit};
use insieme_rules::{Role, Workflows};
use serde_json::{Value, json};

/// Submits `body` and returns its reference and access code.
async fn submitted(app: &TestApp, body: &Value) -> (String, String) {
    let (status, receipt) = submit(app, body).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    (
        receipt["reference"].as_str().unwrap_or_default().to_owned(),
        receipt["access_code"].as_str().unwrap_or_default().to_owned(),
    )
}

/// What the person sees on the status page.
async fn public_states(app: &TestApp, reference: &str, access_code: &str) -> Vec<String> {
    let response = app
        .send(common::post_json(
            "/api/applications/status",
            &json!({ "reference": reference, "access_code": access_code }),
        ))
        .await;
    let view = body_json(response).await;
    view["history"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|entry| entry["state"].as_str().map(str::to_owned))
        .collect()
}

fn tomorrow_at(app: &TestApp, time: &str) -> String {
    format!("{}T{time}", applications::days_after(app.state.clock.today_in_italy(), 1))
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_answer() {
    let app = TestApp::new().await;
    let wrong_password = app.send(login_request(ADMIN, "not the password at all")).await;
    let unknown = app.send(login_request("nobody@example.org", "not the password at all")).await;
    assert_eq!(wrong_password.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status(), StatusCode::UNAUTHORIZED);
    assert!(wrong_password.headers().get(header::SET_COOKIE).is_none());
    assert_eq!(body_json(wrong_password).await, body_json(unknown).await);
}

#[tokio::test]
async fn repeated_failures_lock_an_email_whether_or_not_it_exists_until_the_window_passes() {
    let app = TestApp::new().await;
    for email in [ADMIN, "nobody@example.org"] {
        for _ in 0..5 {
            assert_eq!(app.send(login_request(email, "wrong password 123")).await.status(), StatusCode::UNAUTHORIZED);
        }
        let locked = app.send(login_request(email, insieme_server::back_office::seed::DEMO_PASSWORD)).await;
        assert_eq!(locked.status(), StatusCode::TOO_MANY_REQUESTS, "{email}");
        let retry_after: u64 = locked.headers()[header::RETRY_AFTER].to_str().unwrap_or("0").parse().unwrap_or(0);
        assert!((1..=900).contains(&retry_after), "{retry_after}");
    }
    // Another account is not locked by these failures.
    Session::sign_in(&app, SECRETARIAT).await;
    app.state.clock.advance(Duration::from_secs(15 * 60 + 1));
    Session::sign_in(&app, ADMIN).await;
}

#[tokio::test]
async fn the_session_cookie_is_http_only_strict_scoped_and_secure_behind_https() {
    let app = TestApp::with_config(|config| config.public_url = Some("https://insieme.example.it".to_owned())).await;
    let response = app.send(login_request(OPERATOR, insieme_server::back_office::seed::DEMO_PASSWORD)).await;
    let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap_or_default().to_owned();
    for part in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/api/back-office"] {
        assert!(cookie.contains(part), "{part} in {cookie}");
    }
    let local = TestApp::new().await;
    let response = local.send(login_request(OPERATOR, insieme_server::back_office::seed::DEMO_PASSWORD)).await;
    assert!(!response.headers()[header::SET_COOKIE].to_str().unwrap_or_default().contains("Secure"));
}

#[tokio::test]
async fn a_change_from_another_site_is_refused() {
    let app = TestApp::new().await;
    let (reference, _) = submitted(&app, &applications::fragility()).await;
    let admin = Session::sign_in(&app, ADMIN).await;
    let note = json!({ "body": "Chiamata la persona." });
    let uri = format!("/api/back-office/applications/{reference}/notes");
    let cross_site = |name: &'static str, value: &'static str| {
        let mut request = admin.request("POST", &uri, Some(&note));
        request.headers_mut().remove("sec-fetch-site");
        request.headers_mut().insert(name, header::HeaderValue::from_static(value));
        request
    };
    for request in [
        cross_site("sec-fetch-site", "cross-site"),
        cross_site("sec-fetch-site", "same-site"),
        cross_site("origin", "https://evil.example"),
    ] {
        let response = app.send(request).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(code(&body_json(response).await), "forbidden");
    }
    let mut login = login_request(ADMIN, insieme_server::back_office::seed::DEMO_PASSWORD);
    login.headers_mut().insert("sec-fetch-site", header::HeaderValue::from_static("cross-site"));
    assert_eq!(app.send(login).await.status(), StatusCode::FORBIDDEN);
    let (status, case) = admin.post(&app, &uri, &note).await;
    assert_eq!(status, StatusCode::OK, "{case}");
    assert_eq!(case["notes"].as_array().map(Vec::len), Some(1), "only the same-origin note was written");
}

#[tokio::test]
async fn sessions_end_when_idle_after_twelve_hours_on_sign_out_and_when_the_account_is_disabled() {
    let app = TestApp::new().await;
    let me = "/api/back-office/session";
    let idle = Session::sign_in(&app, OPERATOR).await;
    app.state.clock.advance(Duration::from_secs(29 * 60));
    assert_eq!(idle.get(&app, me).await.0, StatusCode::OK);
    app.state.clock.advance(Duration::from_secs(31 * 60));
    assert_eq!(idle.get(&app, me).await.0, StatusCode::UNAUTHORIZED, "30 minutes without use");

    let busy = Session::sign_in(&app, OPERATOR).await;
    for _ in 0..(12 * 3 + 1) {
        app.state.clock.advance(Duration::from_secs(20 * 60));
        if busy.get(&app, me).await.0 != StatusCode::OK {
            break;
        }
    }
    assert_eq!(busy.get(&app, me).await.0, StatusCode::UNAUTHORIZED, "12 hours after sign-in");

    let leaving = Session::sign_in(&app, OPERATOR).await;
    let response = app.send(leaving.request("DELETE", me, None)).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(leaving.get(&app, me).await.0, StatusCode::UNAUTHORIZED, "signed out");

    let operator = Session::sign_in(&app, OPERATOR).await;
    let admin = Session::sign_in(&app, ADMIN).await;
    let operator_id = operator.get(&app, me).await.1["id"].as_str().unwrap_or_default().to_owned();
    let response =
        app.send(admin.request("POST", &format!("/api/back-office/accounts/{operator_id}/disable"), None)).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(operator.get(&app, me).await.0, StatusCode::UNAUTHORIZED, "disabled");
    assert_eq!(
        app.send(login_request(OPERATOR, insieme_server::back_office::seed::DEMO_PASSWORD)).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(Session::none().get(&app, me).await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_fragility_application_goes_to_taken_in_charge_and_the_person_sees_each_step() {
    let app = TestApp::new().await;
    let (reference, access_code) = submitted(&app, &applications::fragility()).await;
    let secretariat = Session::sign_in(&app, SECRETARIAT).await;
    let operator = Session::sign_in(&app, OPERATOR).await;

    let (status, queue) = secretariat.get(&app, "/api/back-office/applications?channel=fragility").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(queue["items"][0]["reference"], reference.as_str());
    assert_eq!(queue["items"][0]["due_on"], applications::days_after(app.state.clock.today_in_italy(), 35).as_str());
    // The operator sees nothing until an interview is at their access point.
    assert_eq!(
        operator.get(&app, &format!("/api/back-office/applications/{reference}")).await.0,
        StatusCode::NOT_FOUND
    );

    let (status, case) = secretariat.act(&app, &reference, "check_eligibility", json!({})).await;
    assert_eq!((status, case["state"].as_str()), (StatusCode::OK, Some("eligibility_checked")), "{case}");
    let operator_id = operator.get(&app, "/api/back-office/session").await.1["id"].clone();
    let slot = json!({ "interview": { "starts_at": tomorrow_at(&app, "10:30"), "access_point": OPERATOR_POINT, "operator": operator_id } });
    let (status, case) = secretariat.act(&app, &reference, "schedule_first_interview", slot).await;
    assert_eq!(status, StatusCode::OK, "{case}");
    assert_eq!(case["due_on"], Value::Null, "the first contact is made");
    let response = app
        .send(common::post_json(
            "/api/applications/status",
            &json!({ "reference": reference, "access_code": access_code }),
        ))
        .await;
    let status_view = body_json(response).await;
    assert_eq!(status_view["appointments"][0]["starts_at"], tomorrow_at(&app, "10:30").as_str(), "{status_view}");
    assert!(status_view["appointments"][0]["address"].as_str().is_some_and(|address| !address.is_empty()));

    // The operator records the interview, correcting two items.
    let (status, case) =
        operator.act(&app, &reference, "record_first_interview", json!({ "items": { "income": 2, "debt": 3 } })).await;
    assert_eq!(status, StatusCode::OK, "{case}");
    assert_eq!(case["official_assessment"]["fragility"]["total"], 11);
    assert_eq!(case["self_assessment"]["fragility"]["total"], 11, "the declared values are kept");
    let recorded = case["actions"].as_array().and_then(|actions| actions.last()).cloned().unwrap_or_default();
    assert_eq!(recorded["details"]["items"]["income"], json!({ "declared": 3, "official": 2 }));
    assert_eq!(recorded["details"]["items"]["debt"], json!({ "declared": 2, "official": 3 }));
    assert!(recorded["details"]["items"].get("work_status").is_none(), "unchanged items are not listed");

    let slot = json!({ "interview": { "starts_at": tomorrow_at(&app, "15:00"), "access_point": OPERATOR_POINT } });
    assert_eq!(operator.act(&app, &reference, "schedule_second_interview", slot).await.0, StatusCode::OK);
    let (status, _) = operator
        .act(&app, &reference, "record_second_interview", json!({ "note": "Colloquio di approfondimento svolto." }))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, case) = secretariat
        .act(
            &app,
            &reference,
            "start_joint_analysis",
            json!({ "partners": ["comune_bologna", "fondazione_san_petronio"] }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{case}");
    // A partner it is shared with reads it and writes notes, but does not decide.
    let foundation = Session::sign_in(&app, FONDAZIONE).await;
    assert_eq!(foundation.get(&app, &format!("/api/back-office/applications/{reference}")).await.0, StatusCode::OK);
    let (status, body) = foundation
        .act(&app, &reference, "take_in_charge", json!({ "partners": ["comune_bologna"], "path": "training" }))
        .await;
    assert_eq!((status, code(&body)), (StatusCode::FORBIDDEN, "forbidden"));
    let (status, body) =
        secretariat.act(&app, &reference, "take_in_charge", json!({ "partners": ["comune_bologna"] })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "the path is required: {body}");
    let (status, case) = secretariat
        .act(
            &app,
            &reference,
            "take_in_charge",
            json!({ "partners": ["comune_bologna", "fondazione_san_petronio"], "path": "traineeship" }),
        )
        .await;
    assert_eq!((status, case["state"].as_str()), (StatusCode::OK, Some("taken_in_charge")));

    assert_eq!(
        public_states(&app, &reference, &access_code).await,
        [
            "submitted",
            "eligibility_checked",
            "first_interview_scheduled",
            "first_interview_held",
            "second_interview_scheduled",
            "second_interview_held",
            "joint_analysis",
            "taken_in_charge"
        ]
    );
}

#[tokio::test]
async fn below_the_threshold_the_second_interview_is_refused_and_the_case_closes_with_referral() {
    let app = TestApp::new().await;
    let (reference, _) = submitted(&app, &applications::fragility()).await;
    let secretariat = Session::sign_in(&app, SECRETARIAT).await;
    let operator = Session::sign_in(&app, OPERATOR).await;
    secretariat.act(&app, &reference, "check_eligibility", json!({})).await;
    let slot = json!({ "interview": { "starts_at": tomorrow_at(&app, "09:00"), "access_point": OPERATOR_POINT } });
    secretariat.act(&app, &reference, "schedule_first_interview", slot.clone()).await;
    let (status, case) =
        operator.act(&app, &reference, "record_first_interview", json!({ "items": { "income": 0 } })).await;
    assert_eq!((status, case["official_assessment"]["fragility"]["total"].as_u64()), (StatusCode::OK, Some(8)));
    let (status, body) = operator.act(&app, &reference, "schedule_second_interview", slot).await;
    assert_eq!((status, code(&body)), (StatusCode::CONFLICT, "transition_not_allowed"));
    let (status, body) = operator.act(&app, &reference, "close_below_threshold", json!({})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "the referral is required: {body}");
    let (status, case) = operator
        .act(&app, &reference, "close_below_threshold", json!({ "note": "Orientata al Centro per l'impiego." }))
        .await;
    assert_eq!((status, case["state"].as_str()), (StatusCode::OK, Some("closed_with_referral")));
}

/// A request carrying whatever `action` must record.
fn complete_request(channel: insieme_rules::Channel, action: &str, slot_day: &str) -> Value {
    let transition = Workflows::embedded().channel(channel).transition(action).cloned();
    let records: Vec<String> = transition.map(|transition| transition.records).unwrap_or_default();
    let mut body = json!({ "note": "Annotazione di prova." });
    let any = |prefix: &str| records.iter().any(|words| words.starts_with(prefix));
    if any("fields to correct") {
        let field = if channel == insieme_rules::Channel::Community { "community.tasks" } else { "person.phone" };
        body["fields"] = json!([{ "field": field, "note": "Da verificare." }]);
    }
    if any("partner") {
        body["partners"] = json!(["camera_di_commercio"]);
    }
    if let Some(choice) =
        records.iter().find_map(|words| words.strip_prefix("path:").or_else(|| words.strip_prefix("service:")))
    {
        body["path"] = json!(choice.split('|').next().unwrap_or_default().trim());
    }
    if any("date and time") {
        body["interview"] = json!({ "starts_at": format!("{slot_day}T11:00"), "access_point": OPERATOR_POINT });
    }
    if any("the sustainability grid") {
        let grid: serde_json::Map<String, Value> =
            insieme_rules::Instrument::sustainability().items.iter().map(|item| (item.id.clone(), json!(2))).collect();
        body["items"] = Value::Object(grid);
    }
    body
}

/// Every action of every channel from every state, as the administrator (who may take every
/// back-office action): allowed where the table says so, 409 `transition_not_allowed` elsewhere.
#[tokio::test]
async fn every_allowed_and_every_forbidden_step_of_every_channel() {
    let app = TestApp::new().await;
    let admin = Session::sign_in(&app, ADMIN).await;
    let slot_day = applications::days_after(app.state.clock.today_in_italy(), 2);
    let samples = [
        (insieme_rules::Channel::Fragility, applications::fragility()),
        (insieme_rules::Channel::Youth, applications::youth()),
        (insieme_rules::Channel::Enterprise, applications::enterprise()),
        (insieme_rules::Channel::Community, applications::community()),
    ];
    let mut wrong = Vec::new();
    let mut checked = 0;
    for (channel, body) in samples {
        let (reference, _) = submitted(&app, &body).await;
        let workflow = Workflows::embedded().channel(channel);
        let actions: Vec<String> = workflow.transitions.iter().map(|transition| transition.action.clone()).collect();
        for state in workflow.states() {
            for action in actions.iter().filter(|action| *action != "correct") {
                // Put the application in `state`, with what the step may need already there.
                let total = if action == "close_below_threshold" { 5 } else { 12 };
                { let pool = &app.state.pool; insieme_server::on_db!(pool => sqlx::query("UPDATE applications SET state = $1, official_total = $2 WHERE reference = $3")
                    .bind(state)
                    .bind(total)
                    .bind(&reference)
                    .execute(pool)
                    .await.map(|done| done.rows_affected())) }
                    .expect("state set");
                { let pool = &app.state.pool; insieme_server::on_db!(pool => sqlx::query(
                    "INSERT INTO interviews (application_id, round, starts_at, access_point_id, created_by, created_at) \
                     SELECT id, r.round, '2099-01-01T10:00', $1, 'test', '' FROM applications, \
                     (SELECT 'first' AS round UNION SELECT 'second') r WHERE reference = $2",
                )
                .bind(OPERATOR_POINT)
                .bind(&reference)
                .execute(pool)
                .await.map(|done| done.rows_affected())) }
                .expect("interviews");
                let (status, answer) =
                    admin.act(&app, &reference, action, complete_request(channel, action, &slot_day)).await;
                let allowed = workflow.decide(state, action, Role::Administrator).is_ok();
                let as_expected = if allowed {
                    status == StatusCode::OK
                } else {
                    status == StatusCode::CONFLICT && code(&answer) == "transition_not_allowed"
                };
                if !as_expected {
                    wrong.push(format!(
                        "{channel:?} {state} {action}: expected allowed={allowed}, got {status} {answer}"
                    ));
                }
                checked += 1;
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(checked > 400, "{checked} combinations checked");
}

#[tokio::test]
async fn a_role_the_table_does_not_name_cannot_take_the_step() {
    let app = TestApp::new().await;
    let (youth, _) = submitted(&app, &applications::youth()).await;
    let (fragility, _) = submitted(&app, &applications::fragility()).await;
    let secretariat = Session::sign_in(&app, SECRETARIAT).await;
    let city = Session::sign_in(&app, CITTA_METROPOLITANA).await;
    // The secretariat does not see channel 3 at all; the city's reviewer decides it.
    assert_eq!(secretariat.act_status(&app, &youth).await, StatusCode::NOT_FOUND);
    assert_eq!(city.act(&app, &youth, "check_against_call", json!({})).await.0, StatusCode::OK);
    let (status, body) = city.act(&app, &youth, "reopen", json!({})).await;
    assert_eq!((status, code(&body)), (StatusCode::CONFLICT, "transition_not_allowed"));
    // Only operators record interviews; the secretariat schedules them.
    secretariat.act(&app, &fragility, "check_eligibility", json!({})).await;
    let slot = json!({ "interview": { "starts_at": tomorrow_at(&app, "09:00"), "access_point": OPERATOR_POINT } });
    secretariat.act(&app, &fragility, "schedule_first_interview", slot).await;
    let (status, body) = secretariat.act(&app, &fragility, "record_first_interview", json!({})).await;
    assert_eq!((status, code(&body)), (StatusCode::CONFLICT, "transition_not_allowed"));
}

impl Session {
    async fn act_status(&self, app: &TestApp, reference: &str) -> StatusCode {
        self.get(app, &format!("/api/back-office/applications/{reference}")).await.0
    }
}

#[tokio::test]
async fn one_holder_at_a_time_and_only_the_secretariat_or_an_administrator_takes_over() {
    let app = TestApp::new().await;
    let (reference, _) = submitted(&app, &applications::enterprise()).await;
    let case_uri = format!("/api/back-office/applications/{reference}");
    let owner = Session::sign_in(&app, ADMIN).await;
    let suap_owner: String = {
        let pool = &app.state.pool;
        insieme_server::on_db!(pool => sqlx::query_scalar("SELECT owner_partner FROM applications WHERE reference = $1")
        .bind(&reference)
        .fetch_one(pool)
        .await)
    }
    .expect("owner");
    // Two reviewers of the same SUAP desk.
    let make = |email: &'static str| insieme_server::back_office::accounts::NewAccount {
        email: email.to_owned(),
        name: email.to_owned(),
        role: Role::Reviewer,
        organisation: Some(suap_owner.clone()),
        access_point: None,
        password: insieme_server::back_office::seed::DEMO_PASSWORD.to_owned(),
        demo: false,
    };
    for email in ["uno@suap.test", "due@suap.test"] {
        insieme_server::back_office::accounts::create(&app.state.pool, &app.state.clock, make(email), "system")
            .await
            .expect("account");
    }
    let first = Session::sign_in(&app, "uno@suap.test").await;
    let second = Session::sign_in(&app, "due@suap.test").await;
    let first_id = first.get(&app, "/api/back-office/session").await.1["id"].clone();
    let second_id = second.get(&app, "/api/back-office/session").await.1["id"].clone();
    let version = |case: &Value| case["version"].clone();

    let (_, case) = first.get(&app, &case_uri).await;
    let (status, case) = first
        .post(&app, &format!("{case_uri}/assignment"), &json!({ "assignee": first_id, "version": version(&case) }))
        .await;
    assert_eq!((status, case["assignee"]["id"].clone()), (StatusCode::OK, first_id.clone()));
    let (status, body) = second
        .post(&app, &format!("{case_uri}/assignment"), &json!({ "assignee": second_id, "version": version(&case) }))
        .await;
    assert_eq!((status, code(&body)), (StatusCode::CONFLICT, "held_by_someone_else"));
    let (status, body) = second.act(&app, &reference, "accept_at_suap", json!({})).await;
    assert_eq!((status, code(&body)), (StatusCode::CONFLICT, "held_by_someone_else"));
    let (status, case) = owner
        .post(&app, &format!("{case_uri}/assignment"), &json!({ "assignee": second_id, "version": version(&case) }))
        .await;
    assert_eq!((status, case["assignee"]["id"].clone()), (StatusCode::OK, second_id));
    let logged: Vec<&str> =
        case["actions"].as_array().into_iter().flatten().filter_map(|action| action["action"].as_str()).collect();
    assert_eq!(logged, ["assign", "reassign"]);
    // A stale version is refused.
    let (status, body) =
        owner.post(&app, &format!("{case_uri}/assignment"), &json!({ "assignee": null, "version": 0 })).await;
    assert_eq!((status, code(&body)), (StatusCode::CONFLICT, "changed_meanwhile"));
}

#[tokio::test]
async fn a_correction_asked_in_the_back_office_comes_back_marked_corrected() {
    let app = TestApp::new().await;
    let (reference, access_code) = submitted(&app, &applications::fragility()).await;
    let secretariat = Session::sign_in(&app, SECRETARIAT).await;
    let (status, body) = secretariat
        .act(&app, &reference, "request_correction", json!({ "fields": [{ "field": "person.iban", "note": "?" }] }))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a field the application does not have: {body}");
    let (status, case) = secretariat
        .act(
            &app,
            &reference,
            "request_correction",
            json!({ "fields": [{ "field": "person.phone", "note": "Il numero non risponde." }] }),
        )
        .await;
    assert_eq!((status, case["state"].as_str()), (StatusCode::OK, Some("has_issues")));
    let correction =
        json!({ "reference": reference, "access_code": access_code, "values": { "person.phone": "333 765 4321" } });
    let response = app.send(common::post_json("/api/applications/correction", &correction)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let (_, queue) = secretariat.get(&app, "/api/back-office/applications?state=corrected").await;
    assert_eq!(queue["items"][0]["reference"], reference.as_str());
    assert_eq!(secretariat.act(&app, &reference, "check_eligibility", json!({})).await.0, StatusCode::OK);
}

#[tokio::test]
async fn the_queue_pages_through_everything_once_and_finds_by_reference_tax_code_and_surname() {
    let app = TestApp::with_config(|config| config.submissions_per_minute = 10_000).await;
    let mut references = Vec::new();
    for n in 0..23 {
        let mut body = applications::fragility();
        body["person"]["family_name"] = json!(if n % 2 == 0 { "D'Angelo" } else { "Rossi" });
        if n == 7 {
            body["person"]["family_name"] = json!("Bianchi");
            body["person"]["given_name"] = json!("Giulia");
            body["person"]["birth_date"] = json!("2005-01-01");
            body["person"]["codice_fiscale"] = json!("BNCGLI05A41A944D");
        }
        references.push(submitted(&app, &body).await.0);
        app.state.clock.advance(Duration::from_secs(61));
    }
    let admin = Session::sign_in(&app, ADMIN).await;
    for sort in ["deadline", "newest", "oldest"] {
        let mut seen = Vec::new();
        let mut uri = format!("/api/back-office/applications?limit=5&sort={sort}");
        loop {
            let (status, page) = admin.get(&app, &uri).await;
            assert_eq!(status, StatusCode::OK, "{page}");
            seen.extend(
                page["items"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|item| item["reference"].as_str().map(str::to_owned)),
            );
            match page["next"].as_str() {
                Some(next) => uri = format!("/api/back-office/applications?limit=5&sort={sort}&after={next}"),
                None => break,
            }
        }
        let mut expected = references.clone();
        if sort == "newest" {
            expected.reverse();
        }
        assert_eq!(seen, expected, "{sort}");
    }
    let (_, page) = admin.get(&app, "/api/back-office/applications?q=bncgli05a41a944d").await;
    assert_eq!(page["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(page["items"][0]["reference"], references[7].as_str());
    let (_, page) = admin.get(&app, "/api/back-office/applications?q=d%E2%80%99ang&limit=100").await;
    assert_eq!(page["items"].as_array().map(Vec::len), Some(12), "D'Angelo typed with another apostrophe");
    let (_, page) = admin.get(&app, &format!("/api/back-office/applications?q={}", references[3].to_lowercase())).await;
    assert_eq!(page["items"][0]["reference"], references[3].as_str());
    assert_eq!(page["counts"], json!([{ "state": "submitted", "count": 1 }]));

    // Five weeks and a day later every one of them is overdue, and they count as such.
    app.state.clock.advance(Duration::from_secs(36 * 86_400));
    let admin = Session::sign_in(&app, ADMIN).await;
    let (status, page) = admin.get(&app, "/api/back-office/applications?overdue=true&limit=1").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(page["overdue"], 23);
    assert_eq!(page["items"][0]["overdue"], true);
    let (status, _) = admin.get(&app, "/api/back-office/applications?after=not-a-mark").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn every_view_is_audited_and_the_logs_refuse_to_be_changed() {
    let app = TestApp::new().await;
    let (reference, _) = submitted(&app, &applications::fragility()).await;
    let secretariat = Session::sign_in(&app, SECRETARIAT).await;
    let secretariat_id =
        secretariat.get(&app, "/api/back-office/session").await.1["id"].as_str().unwrap_or_default().to_owned();
    for _ in 0..2 {
        secretariat.get(&app, &format!("/api/back-office/applications/{reference}")).await;
    }
    let admin = Session::sign_in(&app, ADMIN).await;
    let (status, entries) =
        admin.get(&app, &format!("/api/back-office/audit?application={reference}&actor={secretariat_id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        entries.as_array().map(|entries| entries.iter().filter(|entry| entry["action"] == "view").count()),
        Some(2)
    );
    assert_eq!(secretariat.get(&app, "/api/back-office/audit").await.0, StatusCode::FORBIDDEN);
    secretariat.act(&app, &reference, "check_eligibility", json!({})).await;
    for statement in [
        "UPDATE audit_log SET actor = 'someone else'",
        "DELETE FROM audit_log",
        "UPDATE application_actions SET actor = 'someone else'",
        "DELETE FROM application_actions",
    ] {
        let refused = {
            let pool = &app.state.pool;
            insieme_server::on_db!(pool => sqlx::query(statement).execute(pool).await.map(|done| done.rows_affected()))
        };
        assert!(refused.is_err_and(|error| error.to_string().contains("append-only")), "{statement}");
    }
}

#[tokio::test]
async fn an_operator_records_only_interviews_held_at_their_own_access_point() {
    let app = TestApp::new().await;
    let (reference, _) = submitted(&app, &applications::fragility()).await;
    let secretariat = Session::sign_in(&app, SECRETARIAT).await;
    let operator = Session::sign_in(&app, OPERATOR).await;
    secretariat.act(&app, &reference, "check_eligibility", json!({})).await;
    let here = json!({ "interview": { "starts_at": tomorrow_at(&app, "09:00"), "access_point": OPERATOR_POINT } });
    secretariat.act(&app, &reference, "schedule_first_interview", here).await;
    assert_eq!(operator.act(&app, &reference, "record_first_interview", json!({})).await.0, StatusCode::OK);
    // The second interview is at the Sportello comunale: the operator still sees the case (the
    // first interview was theirs) but cannot record an interview held elsewhere.
    let elsewhere =
        json!({ "interview": { "starts_at": tomorrow_at(&app, "11:00"), "access_point": "sportello-lavoro-bologna" } });
    assert_eq!(secretariat.act(&app, &reference, "schedule_second_interview", elsewhere).await.0, StatusCode::OK);
    let (status, body) = operator.act(&app, &reference, "record_second_interview", json!({ "note": "Svolto." })).await;
    assert_eq!((status, code(&body)), (StatusCode::CONFLICT, "transition_not_allowed"));
    let admin = Session::sign_in(&app, ADMIN).await;
    assert_eq!(
        admin.act(&app, &reference, "record_second_interview", json!({ "note": "Svolto." })).await.0,
        StatusCode::OK
    );
}

/// The export is the queue as a spreadsheet: the same filters, cells a spreadsheet would run as
/// formulas made text, `;`-separated UTF-8 with a BOM for Italian Excel, and an audit row.
#[tokio::test]
async fn the_export_is_the_filtered_queue_with_formulas_made_text_and_is_audited() {
    let app = TestApp::new().await;
    let mut body = applications::fragility();
    body["person"]["family_name"] = json!("=HYPERLINK(\"http://evil.example\";\"Rossi\")");
    let (spoiled, _) = submitted(&app, &body).await;
    let (plain, _) = submitted(&app, &applications::fragility()).await;
    let (enterprise, _) = submitted(&app, &applications::enterprise()).await;
    let secretariat = Session::sign_in(&app, SECRETARIAT).await;
    let response =
        app.send(secretariat.request("GET", "/api/back-office/applications.csv?channel=fragility", None)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(response.headers()[header::CONTENT_DISPOSITION].to_str().unwrap_or_default().starts_with("attachment;"));
    let text = common::body_text(response).await;
    assert!(text.starts_with("\u{feff}numero;canale;stato;"), "{text}");
    assert!(text.contains(&spoiled) && text.contains(&plain) && !text.contains(&enterprise), "{text}");
    let spoiled_line = text.lines().find(|line| line.contains(&spoiled)).unwrap_or_default();
    assert!(
        !spoiled_line.contains(";=") && !spoiled_line.contains(";\"="),
        "no cell starts with a formula: {spoiled_line}"
    );
    assert!(spoiled_line.contains("'="), "the formula is kept as text: {spoiled_line}");
    let exports: Vec<String> =
        { let pool = &app.state.pool; insieme_server::on_db!(pool => sqlx::query_scalar("SELECT details FROM audit_log WHERE action = 'export' AND subject = 'applications'")
            .fetch_all(pool)
            .await) }
            .expect("audit");
    assert_eq!(exports.len(), 1);
    assert!(exports[0].contains("\"2 rows as csv, filters"), "{exports:?}");

    // The same as a workbook: every cell a string, so the formula is text there too.
    let response =
        app.send(secretariat.request("GET", "/api/back-office/applications.xlsx?channel=fragility", None)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()[header::CONTENT_TYPE].to_str().unwrap_or_default().contains("spreadsheetml"));
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("body");
    let mut workbook = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("an XLSX is a zip");
    let mut part = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut workbook.by_name(name).expect(name), &mut text).expect("utf-8");
        text
    };
    let (sheet, strings) = (part("xl/worksheets/sheet1.xml"), part("xl/sharedStrings.xml"));
    assert!(strings.contains(&spoiled) && strings.contains(&plain) && !strings.contains(&enterprise));
    assert!(strings.contains("=HYPERLINK"), "kept as a string");
    assert!(!sheet.contains("<f>"), "no formula cells");
}

/// "Did not come": the operator records it for the interview at their access point; the state
/// stays, the interview says so, the action log has it, and the interview can be scheduled again.
#[tokio::test]
async fn a_missed_interview_is_recorded_and_the_interview_is_scheduled_again() {
    let app = TestApp::new().await;
    let (reference, _) = submitted(&app, &applications::fragility()).await;
    let secretariat = Session::sign_in(&app, SECRETARIAT).await;
    let operator = Session::sign_in(&app, OPERATOR).await;
    secretariat.act(&app, &reference, "check_eligibility", json!({})).await;
    let slot = json!({ "interview": { "starts_at": tomorrow_at(&app, "09:00"), "access_point": OPERATOR_POINT } });
    secretariat.act(&app, &reference, "schedule_first_interview", slot).await;
    let path = format!("/api/back-office/applications/{reference}/missed-interview");
    let (_, case) = operator.get(&app, &format!("/api/back-office/applications/{reference}")).await;
    let stale = json!({ "version": case["version"].as_i64().unwrap_or_default() - 1 });
    assert_eq!(code(&operator.post(&app, &path, &stale).await.1), "changed_meanwhile");
    let (status, case) =
        operator.post(&app, &path, &json!({ "version": case["version"], "note": "Telefonato, non risponde." })).await;
    assert_eq!(status, StatusCode::OK, "{case}");
    assert_eq!(case["state"], "first_interview_scheduled", "the state stays");
    assert_eq!(case["interviews"][0]["outcome"], "did_not_come");
    let (status, body) = operator.post(&app, &path, &json!({ "version": case["version"] })).await;
    assert_eq!((status, code(&body)), (StatusCode::CONFLICT, "transition_not_allowed"), "nothing scheduled any more");
    let logged: Vec<String> = {
        let pool = &app.state.pool;
        insieme_server::on_db!(pool => sqlx::query_scalar("SELECT action FROM application_actions ORDER BY id")
        .fetch_all(pool)
        .await)
    }
    .expect("log");
    assert!(logged.contains(&"interview_did_not_come".to_owned()), "{logged:?}");
    let again = json!({ "interview": { "starts_at": tomorrow_at(&app, "11:00"), "access_point": OPERATOR_POINT } });
    let (status, case) = secretariat.act(&app, &reference, "schedule_first_interview", again).await;
    assert_eq!(status, StatusCode::OK, "scheduled again: {case}");
}

/// Channel 4: a decision records the sustainability grid, every criterion scored by the
/// reviewers; the engine totals it with the instrument's version and threshold.
#[tokio::test]
async fn an_enterprise_decision_records_the_sustainability_grid_scored_by_the_engine() {
    let app = TestApp::new().await;
    let (reference, _) = submitted(&app, &applications::enterprise()).await;
    let admin = Session::sign_in(&app, ADMIN).await;
    for action in ["accept_at_suap", "start_sustainability_analysis"] {
        let (status, body) = admin
            .act(&app, &reference, action, complete_request(insieme_rules::Channel::Enterprise, action, "2030-01-01"))
            .await;
        assert_eq!(status, StatusCode::OK, "{action}: {body}");
    }
    let criteria: Vec<String> =
        insieme_rules::Instrument::sustainability().items.iter().map(|item| item.id.clone()).collect();
    let decision = json!({ "note": "Motivazioni." });
    let (status, body) = admin.act(&app, &reference, "judge_not_sustainable", decision.clone()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "the grid is required: {body}");
    assert!(body.to_string().contains("sustainability grid"), "{body}");
    let mut partial = decision.clone();
    partial["items"] = json!({ criteria[0].clone(): 3 });
    assert_eq!(admin.act(&app, &reference, "judge_not_sustainable", partial).await.0, StatusCode::BAD_REQUEST);
    let mut stray = decision.clone();
    let mut levels: serde_json::Map<String, Value> =
        criteria.iter().map(|criterion| (criterion.clone(), json!(1))).collect();
    levels.insert("income".to_owned(), json!(2));
    stray["items"] = Value::Object(levels.clone());
    assert_eq!(
        admin.act(&app, &reference, "judge_not_sustainable", stray).await.0,
        StatusCode::BAD_REQUEST,
        "only the grid's criteria"
    );
    levels.remove("income");
    let mut scored = json!({ "note": "Mercato non verificato." });
    scored["items"] = Value::Object(levels);
    let (status, case) = admin.act(&app, &reference, "judge_not_sustainable", scored).await;
    assert_eq!((status, case["state"].as_str()), (StatusCode::OK, Some("not_sustainable")), "{case}");
    let details: String = {
        let pool = &app.state.pool;
        insieme_server::on_db!(pool => sqlx::query_scalar(
        "SELECT details FROM application_actions WHERE action = 'judge_not_sustainable' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(pool)
    .await)
    }
    .expect("logged");
    let details: Value = serde_json::from_str(&details).expect("json");
    let grid = &details["sustainability_grid"];
    assert_eq!(grid["total"], criteria.len(), "one point for each criterion: {grid}");
    assert_eq!(grid["instrument_version"], insieme_rules::Instrument::sustainability().version.as_str());
    assert_eq!(grid["threshold"], 10);
}

/// Channel 3: a decision names the call the application answered, in the action log.
#[tokio::test]
async fn a_youth_decision_names_its_call_in_the_action_log() {
    let app = TestApp::new().await;
    insieme_server::demo::seed(&app.state.pool, &app.state.clock).await.expect("demo calls");
    let (reference, _) = submitted(&app, &applications::youth()).await;
    let admin = Session::sign_in(&app, ADMIN).await;
    for action in ["check_against_call", "put_on_waiting_list"] {
        let (status, case) = admin.act(&app, &reference, action, json!({})).await;
        assert_eq!(status, StatusCode::OK, "{action}: {case}");
    }
    let details: String =
        { let pool = &app.state.pool; insieme_server::on_db!(pool => sqlx::query_scalar("SELECT details FROM application_actions WHERE action = 'put_on_waiting_list'")
            .fetch_one(pool)
            .await) }
            .expect("logged");
    assert_eq!(serde_json::from_str::<Value>(&details).expect("json")["call"], "demo-giovani");
}
