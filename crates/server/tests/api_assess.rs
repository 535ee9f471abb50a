//! `POST /api/assess`: the rules engine over HTTP, with field-level errors.

#[path = "support/common.rs"]
mod common;

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use common::{TestApp, body_json};

fn post(body: &str, content_type: Option<&str>) -> Request<Body> {
    let mut request = Request::post("/api/assess");
    if let Some(content_type) = content_type {
        request = request.header(header::CONTENT_TYPE, content_type);
    }
    request.body(Body::from(body.to_owned())).expect("request")
}

#[tokio::test]
async fn answers_give_the_same_assessment_as_the_engine() {
    let app = TestApp::new().await;
    let answers = r#"{"assessed_on":"2026-11-25","profile":{"birth_date":"1991-04-30","comune":"Bologna","in_active_labour_measure":false},"fragility":{"income":3,"debt":2,"work_status":3}}"#;
    let response = app.send(post(answers, Some("application/json"))).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = body_json(response).await;
    let instrument = insieme_rules::Instrument::fragility();
    let expected =
        insieme_rules::assess(&insieme_rules::Answers::from_json(answers, instrument).expect("valid"), instrument);
    assert_eq!(body, serde_json::to_value(expected).expect("serialises"));
    assert_eq!(body["fragility"]["total"], 8);
}

#[tokio::test]
async fn a_missing_date_is_filled_with_today_in_italy() {
    let today = insieme_rules::Date::new(2031, 3, 1).expect("date");
    let app = TestApp::on(today, |_| {}).await;
    let response =
        app.send(post(r#"{"profile":{"birth_date":"1990-01-01"}}"#, Some("application/json; charset=utf-8"))).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = body_json(response).await;
    assert_eq!(body["assessed_on"], "2031-03-01");
    assert_eq!(body["age"], 41);
}

#[tokio::test]
async fn invalid_fields_are_a_422_naming_each_field() {
    let app = TestApp::new().await;
    let response = app
        .send(post(
            r#"{"profile":{"birth_date":"2026-02-30"},"fragility":{"income":9,"shoe_size":1}}"#,
            Some("application/json"),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = body_json(response).await;
    assert_eq!(body["error"]["code"], "unprocessable");
    let fields: Vec<&str> = body["error"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(|field| field["field"].as_str())
        .collect();
    assert!(fields.contains(&"profile.birth_date"), "{fields:?}");
    assert!(fields.contains(&"fragility.income"), "{fields:?}");
    assert!(fields.contains(&"fragility.shoe_size"), "{fields:?}");
}

#[tokio::test]
async fn a_wrong_type_and_an_unknown_field_are_422_with_their_path() {
    let app = TestApp::new().await;
    for (body, field) in [
        (r#"{"profile":{"business_idea":"yes"}}"#, "profile.business_idea"),
        (r#"{"profile":{"height":180}}"#, "profile"),
        (r#"{"shoe_size":42}"#, "."),
    ] {
        let response = app.send(post(body, Some("application/json"))).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let json = body_json(response).await;
        let named = json["error"]["fields"][0]["field"].as_str().unwrap_or_default().to_owned();
        assert!(named.starts_with(field.trim_end_matches('.')) || field == ".", "{body}: {named}");
        assert!(!json["error"]["fields"][0]["problem"].as_str().unwrap_or_default().is_empty());
    }
}

#[tokio::test]
async fn malformed_json_is_a_400_and_a_wrong_content_type_a_415() {
    let app = TestApp::new().await;
    let response = app.send(post("{not json", Some("application/json"))).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(body_json(response).await["error"]["code"], "bad_request");

    let response = app.send(post(r#"{"profile":{}}"#, Some("text/plain"))).await;
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(body_json(response).await["error"]["code"], "unsupported_media_type");

    let response = app.send(post(r#"{"profile":{}}"#, None)).await;
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
}
