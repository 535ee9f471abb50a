//! Every status an operation answers is in the OpenAPI document (issue 11), so that a client
//! generated from the document knows what it can meet. Each operation of the document is probed
//! with the bodies, queries and sessions that go wrong in practice: none, not JSON, not declared
//! as JSON, an array, an empty object, too large, a nonsense query, anonymous, signed in, sent
//! from another site, and often enough to be limited.

#[path = "support/back_office.rs"]
mod back_office;
#[path = "support/common.rs"]
mod common;

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use back_office::{ADMIN, Session};
use common::{TestApp, body_json};
use serde_json::Value;

const BODY_LIMIT: usize = 4096;

#[derive(Clone, Copy, Debug)]
enum Probe {
    NoBody,
    NotJson,
    DeclaredAsText,
    Array,
    EmptyObject,
    TooLarge,
    NonsenseQuery,
    FromAnotherSite,
}

const WITH_BODY: [Probe; 7] = [
    Probe::NoBody,
    Probe::NotJson,
    Probe::DeclaredAsText,
    Probe::Array,
    Probe::EmptyObject,
    Probe::TooLarge,
    Probe::FromAnotherSite,
];
const WITHOUT_BODY: [Probe; 4] = [Probe::NoBody, Probe::TooLarge, Probe::NonsenseQuery, Probe::FromAnotherSite];

/// A path of the document with its parameters filled by values that name nothing.
fn filled(path: &str) -> String {
    path.replace("{id}", "999999").replace("{reference}", "IPL-2026-999999").replace("{kind}", "access_point")
}

fn request(method: &str, uri: &str, probe: Probe, session: &Session) -> Request<Body> {
    let uri = match probe {
        Probe::NonsenseQuery => format!("{uri}?page=-1&per_page=zero&sort=%00&state=nothing&channel=9"),
        _ => uri.to_owned(),
    };
    let mut builder = Request::builder().method(method.to_uppercase().as_str()).uri(uri);
    if let Some(cookie) = &session.cookie {
        builder = builder.header(header::COOKIE, cookie);
    }
    let site = if matches!(probe, Probe::FromAnotherSite) { "cross-site" } else { "same-origin" };
    builder = builder.header("sec-fetch-site", site);
    let (content_type, body) = match probe {
        Probe::NoBody | Probe::NonsenseQuery => (None, String::new()),
        Probe::NotJson => (Some("application/json"), "{\"reference\":".to_owned()),
        Probe::DeclaredAsText => (Some("text/plain"), "{}".to_owned()),
        Probe::Array => (Some("application/json"), "[]".to_owned()),
        Probe::EmptyObject | Probe::FromAnotherSite => (Some("application/json"), "{}".to_owned()),
        Probe::TooLarge => (Some("application/json"), format!("{{\"x\":\"{}\"}}", "a".repeat(BODY_LIMIT))),
    };
    if let Some(content_type) = content_type {
        builder = builder.header(header::CONTENT_TYPE, content_type);
    }
    builder.body(Body::from(body)).expect("request")
}

#[tokio::test]
async fn every_status_an_operation_answers_is_in_the_document() {
    let app = TestApp::with_config(|config| {
        config.body_limit_bytes = BODY_LIMIT;
        // Low enough that the probes of the limited routes meet the limit.
        config.submissions_per_minute = 5;
    })
    .await;
    let document = body_json(app.get("/api/openapi.json").await).await;
    let admin = Session::sign_in(&app, ADMIN).await;
    let mut operations: Vec<(String, String, Value)> = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("operations") {
            operations.push((path.clone(), method.clone(), operation.clone()));
        }
    }
    // Signing out ends the session the other probes use: last.
    operations.sort_by_key(|(path, method, _)| (method == "delete" && path.ends_with("/session"), path.clone()));
    let mut undocumented = Vec::new();
    let mut probes_sent = 0;
    for (path, method, operation) in &operations {
        let documented: Vec<&String> = operation["responses"].as_object().expect("responses").keys().collect();
        let probes: &[Probe] = if operation.get("requestBody").is_some() { &WITH_BODY } else { &WITHOUT_BODY };
        for session in [&Session::none(), &admin] {
            for probe in probes {
                let status = app.send(request(method, &filled(path), *probe, session)).await.status();
                probes_sent += 1;
                if !documented.iter().any(|code| code.as_str() == status.as_str()) {
                    let who = if session.cookie.is_some() { "administrator" } else { "anonymous" };
                    undocumented.push(format!("{method} {path} ({who}, {probe:?}) answered {status}"));
                }
            }
        }
    }
    assert!(operations.len() >= insieme_api::paths::ALL_API.len(), "every route was probed");
    assert!(probes_sent > 200, "{probes_sent} probes");
    assert!(undocumented.is_empty(), "answers missing from the OpenAPI document:\n{}", undocumented.join("\n"));
}

#[tokio::test]
async fn the_document_names_the_shared_answers_with_the_error_body() {
    let app = TestApp::new().await;
    let document = body_json(app.get("/api/openapi.json").await).await;
    let submit = &document["paths"]["/api/applications"]["post"]["responses"];
    for status in ["400", "413", "415", "422", "429", "500", "503"] {
        let schema = &submit[status]["content"]["application/json"]["schema"]["$ref"];
        assert_eq!(schema, "#/components/schemas/ErrorBody", "{status} of a submission: {}", submit[status]);
    }
    let queue = &document["paths"]["/api/back-office/applications"]["get"]["responses"];
    assert!(queue.get("401").is_some() && queue.get("403").is_some(), "{queue}");
    assert_eq!(StatusCode::OK, app.get("/api/openapi.json").await.status());
}
