//! Accessibility reports: anyone sends one, it is stored once whatever the retries, checked like
//! a form, and only administrators read them, each reading in the audit log.

#[path = "support/applications.rs"]
mod applications;
#[path = "support/back_office.rs"]
mod back_office;
#[path = "support/common.rs"]
mod common;

use applications::new_id;
use axum::http::StatusCode;
use back_office::{ADMIN, OPERATOR, Session};
use common::{TestApp, body_json, field_problems, post_json};
use serde_json::json;

fn report() -> serde_json::Value {
    json!({
        "id": new_id(), "language": "it",
        "message": "Con lo zoom al 200% il pulsante Continua esce dallo schermo.",
        "page": "/verifica/eta", "email": "lucia@example.org"
    })
}

#[tokio::test]
async fn a_report_is_stored_once_and_read_by_administrators_only() {
    let app = TestApp::new().await;
    let sent = report();
    let first = app.send(post_json("/api/feedback/accessibility", &sent)).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let receipt = body_json(first).await;
    let again = app.send(post_json("/api/feedback/accessibility", &sent)).await;
    assert_eq!(again.status(), StatusCode::OK, "a retry is the same report");
    assert_eq!(body_json(again).await, receipt);
    let mut changed = sent.clone();
    changed["message"] = json!("Un'altra cosa.");
    assert_eq!(app.send(post_json("/api/feedback/accessibility", &changed)).await.status(), StatusCode::CONFLICT);
    let stored: i64 = {
        let pool = &app.state.pool;
        insieme_server::on_db!(pool => sqlx::query_scalar("SELECT COUNT(*) FROM accessibility_feedback")
        .fetch_one(pool)
        .await)
    }
    .expect("count");
    assert_eq!(stored, 1);

    let operator = Session::sign_in(&app, OPERATOR).await;
    let (status, _) = operator.get(&app, "/api/back-office/accessibility-feedback").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let admin = Session::sign_in(&app, ADMIN).await;
    let (status, listed) = admin.get(&app, "/api/back-office/accessibility-feedback").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed[0]["message"], sent["message"]);
    assert_eq!(listed[0]["email"], "lucia@example.org");
    let readings: i64 = {
        let pool = &app.state.pool;
        insieme_server::on_db!(pool => sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE subject = 'accessibility_feedback' AND action = 'view'",
    )
    .fetch_one(pool)
    .await)
    }
    .expect("count");
    assert_eq!(readings, 1);
}

#[tokio::test]
async fn a_bad_report_names_each_field() {
    let app = TestApp::new().await;
    let mut bad = report();
    bad["message"] = json!("   ");
    bad["email"] = json!("lucia@");
    let response = app.send(post_json("/api/feedback/accessibility", &bad)).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problems = field_problems(&body_json(response).await);
    let expected =
        [("message", "missing"), ("email", "format")].map(|(field, problem)| (field.to_owned(), problem.to_owned()));
    assert_eq!(problems, expected);
}
