//! Administration through the HTTP API: accounts made, changed, disabled and given a new password;
//! organisations and access points added, renamed, moved, opened and closed; each change audited
//! with what it was before.

#[path = "support/applications.rs"]
mod applications;
#[path = "support/back_office.rs"]
mod back_office;
#[path = "support/common.rs"]
mod common;

use axum::http::StatusCode;
use back_office::*;
use common::{TestApp, body_json, submit};
use insieme_rules::Role;
use insieme_server::back_office::{accounts, seed::DEMO_PASSWORD};
use serde_json::{Value, json};

/// The audit rows of one subject: (action, details).
async fn audited(app: &TestApp, subject: &str, id: &str) -> Vec<(String, Value)> {
    let rows: Vec<(String, Option<String>)> =
        { let pool = &app.state.pool; insieme_server::on_db!(pool => sqlx::query_as("SELECT action, details FROM audit_log WHERE subject = $1 AND subject_id = $2 ORDER BY id")
            .bind(subject)
            .bind(id)
            .fetch_all(pool)
            .await) }
            .expect("audit");
    rows.into_iter()
        .map(|(action, details)| {
            (action, details.and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_default())
        })
        .collect()
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
        { let pool = &app.state.pool; insieme_server::on_db!(pool => sqlx::query_scalar("SELECT action FROM audit_log WHERE subject = 'account' AND subject_id = $1")
            .bind(id)
            .fetch_all(pool)
            .await) }
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
    // People see the new desk in the public list, with its address, and no longer once closed.
    let public = || async { common::body_json(app.get("/api/access-points").await).await };
    let listed_publicly = public().await;
    let budrio =
        listed_publicly.as_array().into_iter().flatten().find(|place| place["id"] == "sportello-lavoro-budrio");
    assert_eq!(
        budrio.map(|place| place["address"].clone()),
        Some(json!("Piazza Filopanti 11, Budrio")),
        "{listed_publicly}"
    );
    let close = admin.request(
        "PUT",
        "/api/back-office/places/access_point/sportello-lavoro-budrio/active",
        Some(&json!({ "active": false })),
    );
    assert_eq!(app.send(close).await.status(), StatusCode::NO_CONTENT);
    assert!(!public().await.to_string().contains("sportello-lavoro-budrio"), "a closed desk is not listed");
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
    let audit: Vec<String> = {
        let pool = &app.state.pool;
        insieme_server::on_db!(pool => sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE subject IN ('access_point', 'organisation') ORDER BY id",
    )
    .fetch_all(pool)
    .await)
    }
    .expect("audit");
    assert_eq!(audit, ["create", "create", "close"]);
}

/// An administrator moves a reviewer to another organisation: the reviewer's sessions end, the
/// applications they held are let go (the action log says so), they no longer see their old
/// organisation's applications, and the audit log has the role and place before and after.
#[tokio::test]
async fn a_reviewer_moved_to_another_organisation_lets_go_of_what_they_held() {
    let app = TestApp::new().await;
    let (status, receipt) = submit(&app, &applications::enterprise()).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let reference = receipt["reference"].as_str().unwrap_or_default().to_owned();
    let owner: String = {
        let pool = &app.state.pool;
        insieme_server::on_db!(pool => sqlx::query_scalar("SELECT owner_partner FROM applications WHERE reference = $1")
        .bind(&reference)
        .fetch_one(pool)
        .await)
    }
    .expect("owner");
    let account = accounts::NewAccount {
        email: "sposta@suap.test".to_owned(),
        name: "Persona Spostata".to_owned(),
        role: Role::Reviewer,
        organisation: Some(owner.clone()),
        access_point: None,
        password: DEMO_PASSWORD.to_owned(),
        demo: false,
    };
    let id = accounts::create(&app.state.pool, &app.state.clock, account, "system").await.expect("account");
    let reviewer = Session::sign_in(&app, "sposta@suap.test").await;
    let case_uri = format!("/api/back-office/applications/{reference}");
    let (_, case) = reviewer.get(&app, &case_uri).await;
    let (status, case) = reviewer
        .post(&app, &format!("{case_uri}/assignment"), &json!({ "assignee": id, "version": case["version"] }))
        .await;
    assert_eq!((status, case["assignee"]["id"].as_str()), (StatusCode::OK, Some(id.as_str())), "{case}");

    let admin = Session::sign_in(&app, ADMIN).await;
    let account_uri = format!("/api/back-office/accounts/{id}");
    for (bad, why) in [
        (json!({ "name": "P", "role": "reviewer" }), "a reviewer without organisation"),
        (json!({ "name": "P", "role": "reviewer", "organisation": "no-such-place" }), "an unknown organisation"),
        (json!({ "name": "P", "role": "operator" }), "an operator without access point"),
        (json!({ "name": " ", "role": "reviewer", "organisation": "citta_metropolitana" }), "no name"),
        (json!({ "name": "P", "role": "king" }), "an unknown role"),
    ] {
        let status = app.send(admin.request("PUT", &account_uri, Some(&bad))).await.status();
        assert_eq!(status, StatusCode::BAD_REQUEST, "{why}");
    }
    assert_eq!(reviewer.get(&app, &case_uri).await.0, StatusCode::OK, "a refused change changes nothing");
    let admin_id = admin.get(&app, "/api/back-office/session").await.1["id"].as_str().unwrap_or_default().to_owned();
    let demote = json!({ "name": "A", "role": "reviewer", "organisation": "citta_metropolitana" });
    let status =
        app.send(admin.request("PUT", &format!("/api/back-office/accounts/{admin_id}"), Some(&demote))).await.status();
    assert_eq!(status, StatusCode::BAD_REQUEST, "an administrator cannot take away their own role");
    let nobody = app.send(admin.request("PUT", "/api/back-office/accounts/nobody", Some(&demote))).await.status();
    assert_eq!(nobody, StatusCode::NOT_FOUND);

    let moved = json!({ "name": "Persona Spostata", "role": "reviewer", "organisation": "citta_metropolitana" });
    let response = app.send(admin.request("PUT", &account_uri, Some(&moved))).await;
    assert_eq!(response.status(), StatusCode::OK);
    let view = body_json(response).await;
    assert_eq!(view["organisation"], "citta_metropolitana");

    assert_eq!(reviewer.get(&app, "/api/back-office/session").await.0, StatusCode::UNAUTHORIZED, "sessions end");
    let (_, case) = admin.get(&app, &case_uri).await;
    assert_eq!(case["assignee"], Value::Null, "let go: {case}");
    let last = case["actions"].as_array().and_then(|actions| actions.last()).cloned().unwrap_or_default();
    assert_eq!(
        (last["action"].as_str(), last["actor"]["id"].as_str()),
        (Some("reassign"), Some(admin_id.as_str())),
        "{last}"
    );
    let again = Session::sign_in(&app, "sposta@suap.test").await;
    assert_eq!(
        again.get(&app, &case_uri).await.0,
        StatusCode::NOT_FOUND,
        "the old organisation's case is out of sight"
    );

    let audit = audited(&app, "account", &id).await;
    let (_, details) = audit.iter().rev().find(|(action, _)| action == "change").cloned().unwrap_or_default();
    assert_eq!(details["before"]["organisation"], json!(owner));
    assert_eq!(details["after"]["organisation"], "citta_metropolitana");
    assert_eq!(details["after"]["released"], json!([reference]));

    // A new name alone keeps sessions and holdings.
    let renamed = json!({ "name": "Persona Rinominata", "role": "reviewer", "organisation": "citta_metropolitana" });
    assert_eq!(app.send(admin.request("PUT", &account_uri, Some(&renamed))).await.status(), StatusCode::OK);
    assert_eq!(again.get(&app, "/api/back-office/session").await.1["name"], "Persona Rinominata");
}

/// An administrator renames an access point and moves it: the person with an appointment there
/// sees the new name and address on the status page; a comune outside the territory is refused;
/// the audit log keeps the old values.
#[tokio::test]
async fn a_renamed_access_point_shows_its_new_address_to_people_with_an_appointment() {
    let app = TestApp::new().await;
    let (status, receipt) = submit(&app, &applications::fragility()).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let reference = receipt["reference"].as_str().unwrap_or_default().to_owned();
    let access_code = receipt["access_code"].as_str().unwrap_or_default().to_owned();
    let secretariat = Session::sign_in(&app, SECRETARIAT).await;
    secretariat.act(&app, &reference, "check_eligibility", json!({})).await;
    let tomorrow = applications::days_after(app.state.clock.today_in_italy(), 1);
    let slot = json!({ "interview": { "starts_at": format!("{tomorrow}T10:00"), "access_point": OPERATOR_POINT } });
    let (status, _) = secretariat.act(&app, &reference, "schedule_first_interview", slot).await;
    assert_eq!(status, StatusCode::OK);

    let admin = Session::sign_in(&app, ADMIN).await;
    let uri = format!("/api/back-office/places/access_point/{OPERATOR_POINT}");
    let outside = json!({ "name": "Sportello", "comune": "Firenze", "address": "Via Roma 1" });
    assert_eq!(app.send(admin.request("PUT", &uri, Some(&outside))).await.status(), StatusCode::BAD_REQUEST);
    let no_address = json!({ "name": "Sportello", "comune": "Bologna", "address": "  " });
    assert_eq!(app.send(admin.request("PUT", &uri, Some(&no_address))).await.status(), StatusCode::BAD_REQUEST);
    let unknown = admin.request(
        "PUT",
        "/api/back-office/places/access_point/nowhere",
        Some(&json!({ "name": "X", "comune": "Bologna", "address": "Via X 1" })),
    );
    assert_eq!(app.send(unknown).await.status(), StatusCode::NOT_FOUND);

    let moved =
        json!({ "name": "Sportello Insieme – sede nuova", "comune": "bologna", "address": "Via del Pratello 9" });
    let response = app.send(admin.request("PUT", &uri, Some(&moved))).await;
    assert_eq!(response.status(), StatusCode::OK);
    let place = body_json(response).await;
    assert_eq!((place["comune"].as_str(), place["address"].as_str()), (Some("Bologna"), Some("Via del Pratello 9")));

    let response = app
        .send(common::post_json(
            "/api/applications/status",
            &json!({ "reference": reference, "access_code": access_code }),
        ))
        .await;
    let view = body_json(response).await;
    let appointment = view["appointments"][0].clone();
    assert_eq!(appointment["place"], "Sportello Insieme – sede nuova", "{view}");
    assert_eq!(appointment["address"], "Via del Pratello 9", "{view}");

    let rename = json!({ "name": "Fondazione San Petronio ETS" });
    let response = app
        .send(admin.request("PUT", "/api/back-office/places/organisation/fondazione_san_petronio", Some(&rename)))
        .await;
    assert_eq!(response.status(), StatusCode::OK);

    let audit = audited(&app, "access_point", OPERATOR_POINT).await;
    let (action, details) = audit.last().cloned().unwrap_or_default();
    assert_eq!(action, "change");
    assert_eq!(details["after"]["address"], "Via del Pratello 9");
    assert_ne!(details["before"]["address"], details["after"]["address"]);
}
