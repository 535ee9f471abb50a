//! The authorisation matrix: every back-office endpoint, every role, an organisation that owns
//! the application and one that does not, plus no session, an expired session and a disabled
//! account. What each account may see is written here again from the issue (not read from the
//! server's code), so that a leak in either shows as a difference.

#[path = "support/applications.rs"]
mod applications;
#[path = "support/back_office.rs"]
mod back_office;
#[path = "support/common.rs"]
mod common;

use std::time::Duration;

use axum::http::StatusCode;
use back_office::*;
use common::{TestApp, submit};
use insieme_rules::Role;
use insieme_server::back_office::{accounts, seed::DEMO_PASSWORD};
use serde_json::{Value, json};

struct Case {
    reference: String,
    channel: &'static str,
    owner: String,
}

/// Who may see an application, from the issue: administrators everything; the secretariat
/// channel 2; an operator the applications with an interview at their access point; a reviewer
/// what is routed to their organisation.
fn may_see(email: &str, organisation: Option<&str>, case: &Case, interview_at_operator_point: bool) -> bool {
    match email {
        ADMIN => true,
        SECRETARIAT => case.channel == "fragility",
        OPERATOR => interview_at_operator_point && case.channel == "fragility",
        _ => organisation == Some(case.owner.as_str()),
    }
}

async fn owner_of(app: &TestApp, reference: &str) -> String {
    {
        let pool = &app.state.pool;
        insieme_server::on_db!(pool => sqlx::query_scalar("SELECT owner_partner FROM applications WHERE reference = $1")
        .bind(reference)
        .fetch_one(pool)
        .await)
    }
    .expect("owner")
}

#[tokio::test]
async fn every_endpoint_every_role_owner_and_stranger() {
    let app = TestApp::new().await;
    let mut cases = Vec::new();
    for (channel, body) in [
        ("fragility", applications::fragility()),
        ("youth", applications::youth()),
        ("enterprise", applications::enterprise()),
        ("community", applications::community()),
    ] {
        let (status, receipt) = submit(&app, &body).await;
        assert_eq!(status, StatusCode::CREATED);
        let reference = receipt["reference"].as_str().unwrap_or_default().to_owned();
        cases.push(Case { owner: owner_of(&app, &reference).await, reference, channel });
    }
    // Reviewers of the organisations that own the enterprise and community applications (the
    // demo ones belong to other desks and networks: strangers to these two).
    let mut accounts_under_test: Vec<(String, Option<String>)> = vec![
        (ADMIN.to_owned(), None),
        (SECRETARIAT.to_owned(), Some("segreteria".to_owned())),
        (OPERATOR.to_owned(), None),
        (CITTA_METROPOLITANA.to_owned(), Some("citta_metropolitana".to_owned())),
        (SUAP_BOLOGNA.to_owned(), Some("suap:bologna".to_owned())),
        (RETE_NAVILE.to_owned(), Some("rete:navile".to_owned())),
        (FONDAZIONE.to_owned(), Some("fondazione_san_petronio".to_owned())),
    ];
    for (index, case) in cases.iter().filter(|case| matches!(case.channel, "enterprise" | "community")).enumerate() {
        let email = format!("owner{index}@matrix.test");
        let account = accounts::NewAccount {
            email: email.clone(),
            name: email.clone(),
            role: Role::Reviewer,
            organisation: Some(case.owner.clone()),
            access_point: None,
            password: DEMO_PASSWORD.to_owned(),
            demo: false,
        };
        accounts::create(&app.state.pool, &app.state.clock, account, "system").await.expect("owner account");
        accounts_under_test.push((email, Some(case.owner.clone())));
    }
    assert!(cases.iter().all(|case| {
        accounts_under_test.iter().any(|(_, organisation)| organisation.as_deref() == Some(case.owner.as_str()))
    }));

    let mut leaks = Vec::new();
    for interview_scheduled in [false, true] {
        if interview_scheduled {
            let secretariat = Session::sign_in(&app, SECRETARIAT).await;
            let fragility = &cases[0].reference;
            secretariat.act(&app, fragility, "check_eligibility", json!({})).await;
            let day = applications::days_after(app.state.clock.today_in_italy(), 3);
            let slot = json!({ "interview": { "starts_at": format!("{day}T10:00"), "access_point": OPERATOR_POINT } });
            let (status, body) = secretariat.act(&app, fragility, "schedule_first_interview", slot).await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
        for (email, organisation) in &accounts_under_test {
            let session = Session::sign_in(&app, email).await;
            for case in &cases {
                let visible = may_see(email, organisation.as_deref(), case, interview_scheduled);
                let base = format!("/api/back-office/applications/{}", case.reference);
                let (status, _) = session.get(&app, &base).await;
                let (_, listed) =
                    session.get(&app, &format!("/api/back-office/applications?q={}", case.reference)).await;
                let in_queue = listed["items"].as_array().is_some_and(|items| !items.is_empty());
                let (_, all) = session.get(&app, "/api/back-office/applications?limit=100").await;
                let in_full_queue = all["items"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|item| item["reference"] == case.reference.as_str());
                let (note_status, _) = session.post(&app, &format!("{base}/notes"), &json!({ "body": "Nota." })).await;
                let (action_status, _) = session
                    .post(&app, &format!("{base}/actions"), &json!({ "action": "no_such_action", "version": 0 }))
                    .await;
                let (assign_status, _) =
                    session.post(&app, &format!("{base}/assignment"), &json!({ "assignee": null, "version": 0 })).await;
                let (missed_status, _) =
                    session.post(&app, &format!("{base}/missed-interview"), &json!({ "version": -1 })).await;
                let export = app.send(session.request("GET", "/api/back-office/applications.csv", None)).await;
                let in_export = common::body_text(export).await.contains(&case.reference);
                let observed =
                    [status == StatusCode::OK, in_queue, in_full_queue, note_status == StatusCode::OK, in_export];
                let hidden = [status, note_status, action_status, assign_status, missed_status]
                    .iter()
                    .all(|status| *status == StatusCode::NOT_FOUND);
                let consistent = if visible {
                    observed.iter().all(|seen| *seen)
                        && action_status != StatusCode::NOT_FOUND
                        && missed_status != StatusCode::NOT_FOUND
                } else {
                    hidden && !in_queue && !in_full_queue && !in_export
                };
                if !consistent {
                    leaks.push(format!(
                        "{email} on {} ({}, interview {interview_scheduled}): expected visible={visible}, case {status}, queue {in_queue}/{in_full_queue}, export {in_export}, note {note_status}, action {action_status}, assign {assign_status}",
                        case.reference, case.channel
                    ));
                }
            }
            // Administrators only.
            let (audit_status, _) = session.get(&app, "/api/back-office/audit").await;
            let expected_audit = if email == ADMIN { StatusCode::OK } else { StatusCode::FORBIDDEN };
            if audit_status != expected_audit {
                leaks.push(format!("{email}: audit {audit_status}"));
            }
            // Accessibility reports may describe a disability and hold a contact.
            let (feedback_status, _) = session.get(&app, "/api/back-office/accessibility-feedback").await;
            if feedback_status != expected_audit {
                leaks.push(format!("{email}: accessibility feedback {feedback_status}"));
            }
            let (disable_status, _) = session.post(&app, "/api/back-office/accounts/nobody/disable", &json!({})).await;
            let expected_disable = if email == ADMIN { StatusCode::NOT_FOUND } else { StatusCode::FORBIDDEN };
            if disable_status != expected_disable {
                leaks.push(format!("{email}: disable {disable_status}"));
            }
            let (reset_password_status, _) =
                session.post(&app, "/api/back-office/accounts/nobody/password-reset", &json!({})).await;
            if reset_password_status != expected_disable {
                leaks.push(format!("{email}: reset a password {reset_password_status}"));
            }
            let (enable_status, _) = session.post(&app, "/api/back-office/accounts/nobody/enable", &json!({})).await;
            if enable_status != expected_disable {
                leaks.push(format!("{email}: enable {enable_status}"));
            }
            let new_account = json!({ "email": format!("made-{interview_scheduled}-by-{email}"), "name": "X", "role": "administrator" });
            let (create_status, _) = session.post(&app, "/api/back-office/accounts", &new_account).await;
            let expected_create = if email == ADMIN { StatusCode::CREATED } else { StatusCode::FORBIDDEN };
            if create_status != expected_create {
                leaks.push(format!("{email}: create account {create_status}"));
            }
            let id = format!("matrix-{interview_scheduled}-{}", email.replace(['@', '.'], "-"));
            let place = json!({ "kind": "organisation", "id": id, "name": "Rete di prova" });
            let place_status =
                app.send(session.request("POST", "/api/back-office/places", Some(&place))).await.status();
            if place_status != expected_create {
                leaks.push(format!("{email}: create place {place_status}"));
            }
            let close = session.request(
                "PUT",
                "/api/back-office/places/organisation/segreteria/active",
                Some(&json!({ "active": true })),
            );
            let close_status = app.send(close).await.status();
            let expected_close = if email == ADMIN { StatusCode::NO_CONTENT } else { StatusCode::FORBIDDEN };
            if close_status != expected_close {
                leaks.push(format!("{email}: open/close a place {close_status}"));
            }
            let rename = json!({ "name": "Segreteria del programma", "comune": "", "address": "" });
            let rename_status = app
                .send(session.request("PUT", "/api/back-office/places/organisation/segreteria", Some(&rename)))
                .await
                .status();
            let expected_change = if email == ADMIN { StatusCode::OK } else { StatusCode::FORBIDDEN };
            if rename_status != expected_change {
                leaks.push(format!("{email}: rename a place {rename_status}"));
            }
            let change = json!({ "name": "X", "role": "administrator" });
            let change_status =
                app.send(session.request("PUT", "/api/back-office/accounts/nobody", Some(&change))).await.status();
            if change_status != expected_disable {
                leaks.push(format!("{email}: change an account {change_status}"));
            }
            let reset = session.request("DELETE", "/api/back-office/accounts/nobody/second-factor", None);
            let reset_status = app.send(reset).await.status();
            if reset_status != expected_disable {
                leaks.push(format!("{email}: reset second factor {reset_status}"));
            }
            let (_, listed_accounts) = session.get(&app, "/api/back-office/accounts").await;
            let count = listed_accounts.as_array().map_or(0, Vec::len);
            let sees_all = matches!(email.as_str(), ADMIN | SECRETARIAT);
            if sees_all != (count > 1) || count == 0 {
                leaks.push(format!("{email}: {count} accounts listed"));
            }
        }
    }
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
}

/// Every endpoint answers 401 without a session, with an expired one and for a disabled account.
#[tokio::test]
async fn without_a_valid_session_every_endpoint_answers_401() {
    let app = TestApp::new().await;
    let (_, receipt) = submit(&app, &applications::fragility()).await;
    let reference = receipt["reference"].as_str().unwrap_or_default().to_owned();
    let endpoints: Vec<(&str, String, Option<Value>)> = vec![
        ("GET", "/api/back-office/session".to_owned(), None),
        ("DELETE", "/api/back-office/session".to_owned(), None),
        ("POST", "/api/back-office/password".to_owned(), Some(json!({ "current": "x", "new": "y" }))),
        ("GET", "/api/back-office/applications".to_owned(), None),
        ("GET", format!("/api/back-office/applications/{reference}"), None),
        (
            "POST",
            format!("/api/back-office/applications/{reference}/actions"),
            Some(json!({ "action": "check_eligibility", "version": 0 })),
        ),
        (
            "POST",
            format!("/api/back-office/applications/{reference}/assignment"),
            Some(json!({ "assignee": null, "version": 0 })),
        ),
        ("POST", format!("/api/back-office/applications/{reference}/notes"), Some(json!({ "body": "x" }))),
        ("POST", format!("/api/back-office/applications/{reference}/missed-interview"), Some(json!({ "version": 0 }))),
        (
            "POST",
            "/api/back-office/assignments".to_owned(),
            Some(json!({ "references": [reference], "assignee": "x" })),
        ),
        ("GET", "/api/back-office/accounts".to_owned(), None),
        ("PUT", "/api/back-office/accounts/x".to_owned(), Some(json!({ "name": "X", "role": "administrator" }))),
        ("POST", "/api/back-office/accounts/x/disable".to_owned(), None),
        ("POST", "/api/back-office/accounts/x/enable".to_owned(), None),
        ("POST", "/api/back-office/accounts/x/password-reset".to_owned(), None),
        (
            "POST",
            "/api/back-office/accounts".to_owned(),
            Some(json!({ "email": "a@b.it", "name": "A", "role": "administrator" })),
        ),
        ("GET", "/api/back-office/places".to_owned(), None),
        (
            "POST",
            "/api/back-office/places".to_owned(),
            Some(json!({ "kind": "organisation", "id": "x1", "name": "X" })),
        ),
        ("PUT", "/api/back-office/places/organisation/x1/active".to_owned(), Some(json!({ "active": false }))),
        ("PUT", "/api/back-office/places/organisation/x1".to_owned(), Some(json!({ "name": "X" }))),
        ("GET", "/api/back-office/applications.csv".to_owned(), None),
        ("GET", "/api/back-office/applications.xlsx".to_owned(), None),
        ("DELETE", "/api/back-office/accounts/x/second-factor".to_owned(), None),
        ("POST", "/api/back-office/second-factor".to_owned(), None),
        ("PUT", "/api/back-office/second-factor".to_owned(), Some(json!({ "code": "123456" }))),
        ("GET", "/api/back-office/audit".to_owned(), None),
        ("GET", "/api/back-office/accessibility-feedback".to_owned(), None),
    ];
    assert_eq!(
        endpoints.len() + 1,
        // The session path has three methods, the second-factor, accounts and places paths two.
        insieme_api::paths::ALL_API.iter().filter(|path| path.starts_with("/api/back-office")).count() + 5,
        "every back-office endpoint is listed here"
    );
    let expired = Session::sign_in(&app, SECRETARIAT).await;
    app.state.clock.advance(Duration::from_secs(31 * 60));
    let disabled = Session::sign_in(&app, OPERATOR).await;
    let admin = Session::sign_in(&app, ADMIN).await;
    let operator_id: String = {
        let pool = &app.state.pool;
        insieme_server::on_db!(pool => sqlx::query_scalar("SELECT id FROM accounts WHERE email = $1")
        .bind(OPERATOR)
        .fetch_one(pool)
        .await)
    }
    .expect("operator");
    let response =
        app.send(admin.request("POST", &format!("/api/back-office/accounts/{operator_id}/disable"), None)).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let forged = Session { cookie: Some(format!("ipl_session={}", "ab".repeat(32))) };
    for (who, session) in
        [("no session", Session::none()), ("expired", expired), ("disabled", disabled), ("forged", forged)]
    {
        for (method, uri, body) in &endpoints {
            let response = app.send(session.request(method, uri, body.as_ref())).await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{who}: {method} {uri}");
        }
    }
    let rows: i64 =
        { let pool = &app.state.pool; insieme_server::on_db!(pool => sqlx::query_scalar("SELECT COUNT(*) FROM application_actions").fetch_one(pool).await) }.expect("count");
    assert_eq!(rows, 0, "nothing changed");
}
