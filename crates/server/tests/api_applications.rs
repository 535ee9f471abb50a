//! `POST /api/applications` and the status and correction routes, on a fresh database per test:
//! every channel, bad input on every field, idempotency in sequence and concurrently.

#[path = "support/applications.rs"]
mod applications;
#[path = "support/common.rs"]
mod common;

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use common::{TestApp, body_json, field_problems, post_json, submit};
use serde_json::{Value, json};

async fn count(app: &TestApp, sql: &str) -> i64 {
    {
        let pool = &app.state.pool;
        insieme_server::on_db!(pool => sqlx::query_scalar(sql).fetch_one(pool).await)
    }
    .expect("count")
}

#[tokio::test]
async fn each_channel_is_stored_with_a_reference_and_access_code() {
    let app = TestApp::new().await;
    let year = app.state.clock.today_in_italy().year();
    for (index, submission) in applications::all_channels().iter().enumerate() {
        let (status, receipt) = submit(&app, submission).await;
        assert_eq!(status, StatusCode::CREATED, "{receipt}");
        assert_eq!(receipt["reference"], format!("IPL-{year}-{:06}", index + 1));
        assert_eq!(receipt["channel"], submission["channel"]);
        let code = receipt["access_code"].as_str().expect("access code");
        assert_eq!(code.len(), 19, "{code}");
        let expected_state = if submission["channel"] == "community" { "proposed" } else { "submitted" };
        assert_eq!(receipt["state"], expected_state);
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 5);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND subject = 'application'").await,
        5
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM application_events").await, 5);
}

#[tokio::test]
async fn the_server_scores_the_answers_itself_and_keeps_the_instrument_version() {
    let app = TestApp::new().await;
    let mut submission = applications::fragility();
    // A score the browser might claim is not part of the contract at all.
    submission["answers"]["fragility"] = json!({ "income": 3, "debt": 3, "work_status": 3, "housing": 2 });
    let (status, _) = submit(&app, &submission).await;
    assert_eq!(status, StatusCode::CREATED);
    let (assessment, version): (String, String) = {
        let pool = &app.state.pool;
        insieme_server::on_db!(pool => sqlx::query_as("SELECT assessment, instrument_version FROM applications")
            .fetch_one(pool)
            .await)
    }
    .expect("row");
    let assessment: Value = serde_json::from_str(&assessment).expect("json");
    assert_eq!(assessment["fragility"]["total"], 11);
    assert_eq!(assessment["fragility"]["second_interview"], true);
    assert_eq!(version, insieme_rules::Instrument::fragility().version);
    // The person's birth date and comune are the ones the engine used.
    assert_eq!(assessment["age"].as_u64().map(|age| age >= 40), Some(true), "{assessment}");
}

#[tokio::test]
async fn someone_of_bologna_who_does_not_know_their_quartiere_can_say_so() {
    let app = TestApp::new().await;
    let mut submission = applications::fragility();
    submission["person"]["quartiere"] = json!("unknown");
    let (status, receipt) = submit(&app, &submission).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let (quartiere, district, assessment): (Option<String>, Option<String>, String) = {
        let pool = &app.state.pool;
        insieme_server::on_db!(pool => sqlx::query_as("SELECT quartiere, district, assessment FROM applications")
            .fetch_one(pool)
            .await)
    }
    .expect("row");
    // Filed under the city, not under a Quartiere called "unknown"; the rules were not told one.
    assert_eq!(quartiere, None);
    assert_eq!(district.as_deref(), Some("bologna"));
    assert!(!assessment.contains("community_network_quartiere"), "{assessment}");
}

#[tokio::test]
async fn the_same_id_twice_gives_the_same_receipt_and_one_application() {
    let app = TestApp::new().await;
    let submission = applications::enterprise();
    let (first_status, first) = submit(&app, &submission).await;
    let (second_status, second) = submit(&app, &submission).await;
    assert_eq!(first_status, StatusCode::CREATED);
    assert_eq!(second_status, StatusCode::OK);
    assert_eq!(first, second);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 1);
}

#[tokio::test]
async fn twenty_concurrent_sends_of_one_id_make_exactly_one_application() {
    let app = TestApp::with_config(|config| config.submissions_per_minute = 10_000).await;
    let submission = applications::fragility();
    let sends = (0..20).map(|_| {
        let router = app.router.clone();
        let request = post_json("/api/applications", &submission);
        tokio::spawn(async move { tower::ServiceExt::oneshot(router, request).await.expect("infallible") })
    });
    let mut references = Vec::new();
    let mut created = 0;
    for send in sends {
        let response = send.await.expect("task");
        if response.status() == StatusCode::CREATED {
            created += 1;
        } else {
            assert_eq!(response.status(), StatusCode::OK);
        }
        references.push(body_json(response).await["reference"].clone());
    }
    assert_eq!(created, 1);
    assert!(references.windows(2).all(|pair| pair[0] == pair[1]), "{references:?}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 1);
}

#[tokio::test]
async fn a_reused_id_with_other_content_is_a_conflict() {
    let app = TestApp::new().await;
    let submission = applications::youth();
    assert_eq!(submit(&app, &submission).await.0, StatusCode::CREATED);
    let mut changed = submission.clone();
    changed["youth"]["motivation"] = json!("Un'altra motivazione.");
    let (status, body) = submit(&app, &changed).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "conflict");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 1);
}

/// Each case spoils one field of a valid submission and names the field and problem expected.
#[tokio::test]
async fn bad_input_on_every_field_is_a_422_naming_the_field() {
    let app = TestApp::with_config(|config| config.submissions_per_minute = 10_000).await;
    let cases: Vec<(Value, &str, &str, Value, &str)> = vec![
        (applications::fragility(), "/id", "id", json!("not-a-uuid"), "format"),
        (applications::fragility(), "/language", "language", json!("it it"), "format"),
        (applications::fragility(), "/person/given_name", "person.given_name", json!("  "), "missing"),
        (applications::fragility(), "/person/family_name", "person.family_name", json!("x".repeat(81)), "too_long"),
        (
            applications::fragility(),
            "/person/codice_fiscale",
            "person.codice_fiscale",
            json!("RSSMRA85T10A562T"),
            "check_character",
        ),
        (applications::fragility(), "/person/codice_fiscale", "person.codice_fiscale", json!("RSSMRA"), "format"),
        (applications::fragility(), "/person/birth_date", "person.birth_date", json!("1985-02-30"), "impossible_date"),
        (applications::fragility(), "/person/birth_date", "person.birth_date", json!("10/12/1985"), "format"),
        (
            applications::fragility(),
            "/person/birth_date",
            "person.codice_fiscale",
            json!("1985-12-11"),
            "birth_date_mismatch",
        ),
        (applications::fragility(), "/person/comune", "person.comune", json!("Milano"), "not_in_territory"),
        (applications::fragility(), "/person/quartiere", "person.quartiere", json!("centro"), "unknown_choice"),
        (applications::fragility(), "/person/phone", "person.phone", json!("call me"), "format"),
        (applications::fragility(), "/person/access_point", "person.access_point", json!("nowhere"), "unknown_choice"),
        (applications::fragility(), "/answers/fragility/income", "answers.fragility.income", json!(7), "format"),
        (
            applications::fragility(),
            "/answers/fragility/physical",
            "answers.fragility.physical",
            json!(2),
            "sensitive_without_consent",
        ),
        (
            applications::fragility(),
            "/consent/privacy_notice",
            "consent.privacy_notice",
            json!(false),
            "consent_needed",
        ),
        (applications::enterprise(), "/person/email", "person.email", json!("mario@"), "format"),
        (
            applications::enterprise(),
            "/enterprise/business_comune",
            "enterprise.business_comune",
            json!("Roma"),
            "not_in_territory",
        ),
        (applications::enterprise(), "/enterprise/sector", "enterprise.sector", json!("mining"), "unknown_choice"),
        (applications::enterprise(), "/enterprise/stage", "enterprise.stage", json!(""), "missing"),
        (
            applications::enterprise(),
            "/enterprise/description",
            "enterprise.description",
            json!("x".repeat(2001)),
            "too_long",
        ),
        (applications::enterprise(), "/enterprise/market", "enterprise.market", json!(""), "missing"),
        (applications::enterprise(), "/enterprise/team_skills", "enterprise.team_skills", json!(""), "missing"),
        (
            applications::enterprise(),
            "/enterprise/investment_needed",
            "enterprise.investment_needed",
            json!("tanti"),
            "format",
        ),
        (
            applications::enterprise(),
            "/enterprise/own_funds",
            "enterprise.own_funds",
            json!("99999999999"),
            "out_of_range",
        ),
        (applications::enterprise(), "/enterprise/support/0", "enterprise.support[0]", json!("luck"), "unknown_choice"),
        (applications::youth(), "/youth/call_id", "youth.call_id", json!("closed-call"), "call_not_open"),
        (applications::youth(), "/youth/school", "youth.school", json!(""), "missing"),
        (applications::youth(), "/youth/left_school_year", "youth.left_school_year", json!("1890"), "out_of_range"),
        (applications::youth(), "/youth/situation", "youth.situation", json!("astronaut"), "unknown_choice"),
        (applications::youth(), "/youth/motivation", "youth.motivation", json!(""), "missing"),
        (
            applications::youth_project(),
            "/youth_project/call_id",
            "youth_project.call_id",
            json!("demo-giovani"),
            "call_not_open",
        ),
        (
            applications::youth_project(),
            "/youth_project/organisation",
            "youth_project.organisation",
            json!(""),
            "missing",
        ),
        (applications::youth_project(), "/youth_project/partners", "youth_project.partners", json!(""), "missing"),
        (
            applications::youth_project(),
            "/youth_project/field",
            "youth_project.field",
            json!("tourism"),
            "unknown_choice",
        ),
        (
            applications::youth_project(),
            "/youth_project/description",
            "youth_project.description",
            json!(""),
            "missing",
        ),
        (applications::youth_project(), "/youth_project/budget", "youth_project.budget", json!("0"), "out_of_range"),
        (
            applications::youth_project(),
            "/youth_project/contact_given_name",
            "youth_project.contact_given_name",
            json!(""),
            "missing",
        ),
        (
            applications::youth_project(),
            "/youth_project/contact_family_name",
            "youth_project.contact_family_name",
            json!(""),
            "missing",
        ),
        (
            applications::youth_project(),
            "/youth_project/contact_phone",
            "youth_project.contact_phone",
            json!(""),
            "contact_needed",
        ),
        (applications::youth(), "/youth/call_id", "youth.call_id", json!("demo-progetti"), "call_not_open"),
        (applications::community(), "/community/organisation", "community.organisation", json!(""), "missing"),
        (
            applications::community(),
            "/community/organisation_type",
            "community.organisation_type",
            json!("club"),
            "unknown_choice",
        ),
        (applications::community(), "/community/area", "community.area", json!("atlantis"), "unknown_choice"),
        (applications::community(), "/community/tasks", "community.tasks", json!(""), "missing"),
        (
            applications::community(),
            "/community/hours_per_week",
            "community.hours_per_week",
            json!("100"),
            "out_of_range",
        ),
        (applications::community(), "/community/starts_on", "community.starts_on", json!("soon"), "format"),
        (
            applications::community(),
            "/community/ends_on",
            "community.ends_on",
            json!(applications::days_after(applications::today(), 29)),
            "before_start",
        ),
        (applications::community(), "/community/places", "community.places", json!("0"), "out_of_range"),
        // A desk that does not take this channel's interviews (spec: the SUAP desk is channel 4's).
        (
            applications::fragility(),
            "/person/access_point",
            "person.access_point",
            json!("suap-progetti-impresa"),
            "not_served_here",
        ),
        (
            applications::enterprise(),
            "/person/access_point",
            "person.access_point",
            json!("sportello-lavoro-bologna"),
            "not_served_here",
        ),
        // A preferred language the programme does not speak.
        (applications::fragility(), "/language", "language", json!("de"), "unknown_choice"),
        (
            applications::community(),
            "/community/contact_given_name",
            "community.contact_given_name",
            json!(""),
            "missing",
        ),
        (
            applications::community(),
            "/community/contact_family_name",
            "community.contact_family_name",
            json!(""),
            "missing",
        ),
        (applications::community(), "/community/contact_email", "community.contact_phone", json!(""), "contact_needed"),
        // Control characters, direction overrides, line breaks in names, invisible-only names.
        (
            applications::fragility(),
            "/person/given_name",
            "person.given_name",
            json!("Ma\u{0}rio"),
            "invalid_characters",
        ),
        (
            applications::fragility(),
            "/person/given_name",
            "person.given_name",
            json!("Mario\nRossi"),
            "invalid_characters",
        ),
        (
            applications::fragility(),
            "/person/family_name",
            "person.family_name",
            json!("\u{202E}issoR"),
            "invalid_characters",
        ),
        (
            applications::fragility(),
            "/person/family_name",
            "person.family_name",
            json!("\u{200B}\u{2060}"),
            "invalid_characters",
        ),
        (
            applications::community(),
            "/community/tasks",
            "community.tasks",
            json!("Pasti\u{1b}[2J"),
            "invalid_characters",
        ),
        (
            applications::community(),
            "/community/organisation",
            "community.organisation",
            json!("\u{FEFF}"),
            "invalid_characters",
        ),
    ];
    for (mut submission, pointer, field, value, code) in cases {
        set(&mut submission, pointer, value.clone());
        let (status, body) = submit(&app, &submission).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{pointer} = {value}: {body}");
        let problems = field_problems(&body);
        assert!(
            problems.iter().any(|(named, problem)| named == field && problem == code),
            "{pointer} = {value}: expected {field} {code}, got {problems:?}"
        );
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 0);
}

/// Sets the value at a JSON pointer, adding the last key when it is not there yet.
fn set(document: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer has a slash");
    let parent = document.pointer_mut(parent).unwrap_or_else(|| panic!("{parent} exists"));
    match parent {
        Value::Object(object) => {
            object.insert(key.to_owned(), value);
        }
        Value::Array(array) => array[key.parse::<usize>().expect("an index")] = value,
        other => panic!("{pointer}: {other} has no children"),
    }
}

#[tokio::test]
async fn an_organisations_project_carries_no_person_and_no_self_check() {
    let app = TestApp::new().await;
    let mut with_person = applications::youth_project();
    with_person["person"] = applications::person();
    let (status, body) = submit(&app, &with_person).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_problems(&body).contains(&("person".to_owned(), "not_for_channel".to_owned())), "{body}");
    let (status, _) = submit(&app, &applications::youth_project()).await;
    assert_eq!(status, StatusCode::CREATED);
    let owner: String =
        { let pool = &app.state.pool; insieme_server::on_db!(pool => sqlx::query_scalar("SELECT owner_partner FROM applications").fetch_one(pool).await) }.expect("row");
    assert_eq!(owner, "citta_metropolitana");
}

#[tokio::test]
async fn sections_the_channel_does_not_collect_are_refused() {
    let app = TestApp::new().await;
    let mut submission = applications::community();
    submission["person"] = applications::person();
    let (status, body) = submit(&app, &submission).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_problems(&body).contains(&("person".to_owned(), "not_for_channel".to_owned())), "{body}");
}

#[tokio::test]
async fn unknown_fields_wrong_types_and_missing_fields_name_their_path() {
    let app = TestApp::new().await;
    let mut unknown = applications::fragility();
    unknown["person"]["religion"] = json!("none");
    let mut wrong_type = applications::fragility();
    wrong_type["consent"]["privacy_notice"] = json!("yes");
    let mut missing = applications::fragility();
    missing["person"].as_object_mut().expect("object").remove("given_name");
    for (body, field, problem) in [
        (unknown, "person.religion", "unknown_field"),
        (wrong_type, "consent.privacy_notice", "wrong_type"),
        (missing, "person.given_name", "missing"),
    ] {
        let (status, answer) = submit(&app, &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
        assert_eq!(field_problems(&answer), vec![(field.to_owned(), problem.to_owned())]);
    }
}

#[tokio::test]
async fn malformed_json_wrong_content_type_and_oversized_bodies_are_refused_plainly() {
    let app = TestApp::with_config(|config| config.body_limit_bytes = 4096).await;
    let malformed = Request::post("/api/applications")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{\"id\": "))
        .expect("request");
    let response = app.send(malformed).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(body_json(response).await["error"]["code"], "bad_request");

    let form = Request::post("/api/applications")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("id=1"))
        .expect("request");
    assert_eq!(app.send(form).await.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let mut huge = applications::fragility();
    huge["person"]["given_name"] = json!("x".repeat(10_000));
    let response = app.send(post_json("/api/applications", &huge)).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body_json(response).await["error"]["code"], "payload_too_large");
}

#[tokio::test]
async fn too_many_requests_from_one_address_are_refused_with_retry_after() {
    let app = TestApp::with_config(|config| config.submissions_per_minute = 5).await;
    let mut statuses = Vec::new();
    for _ in 0..4 {
        statuses.push(submit(&app, &applications::community()).await.0);
    }
    assert_eq!(statuses[0], StatusCode::CREATED);
    assert!(statuses.contains(&StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
    let response = app.send(post_json("/api/applications", &applications::community())).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().get(header::RETRY_AFTER).is_some());
}

#[tokio::test]
async fn the_status_page_needs_the_right_access_code_and_shows_public_history() {
    let app = TestApp::new().await;
    let (_, receipt) = submit(&app, &applications::fragility()).await;
    let query = json!({ "reference": receipt["reference"], "access_code": receipt["access_code"] });
    let response = app.send(post_json("/api/applications/status", &query)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let view = body_json(response).await;
    assert_eq!(view["state"], "submitted");
    assert_eq!(view["history"][0]["state"], "submitted");
    assert_eq!(view["issues"], json!([]));
    assert!(!view.to_string().contains("Rossi"), "no personal data on the status page: {view}");

    for (reference, code) in [
        (receipt["reference"].clone(), json!("0000-0000-0000-0000")),
        (json!("IPL-2026-999999"), receipt["access_code"].clone()),
    ] {
        let response = app
            .send(post_json("/api/applications/status", &json!({ "reference": reference, "access_code": code })))
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'view'").await, 1);
}

#[tokio::test]
async fn a_flagged_field_can_be_corrected_and_is_checked_again() {
    let app = TestApp::new().await;
    let (_, receipt) = submit(&app, &applications::fragility()).await;
    let reference = receipt["reference"].as_str().expect("reference");
    let flagged = [insieme_server::applications::FlaggedField {
        field: "person.phone".to_owned(),
        note: "Il numero non risponde".to_owned(),
    }];
    insieme_server::applications::mark_has_issues(
        &app.state.pool,
        &app.state.clock,
        reference,
        "test-partner",
        &flagged,
    )
    .await
    .expect("marked");
    let query = json!({ "reference": reference, "access_code": receipt["access_code"] });
    let view = body_json(app.send(post_json("/api/applications/status", &query)).await).await;
    assert_eq!(view["state"], "has_issues");
    assert_eq!(view["issues"][0]["field"], "person.phone");
    assert_eq!(view["issues"][0]["current"], "+393331234567");

    let mut correction = query.clone();
    correction["values"] = json!({ "person.phone": "not a phone" });
    let response = app.send(post_json("/api/applications/correction", &correction)).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_problems(&body_json(response).await),
        vec![("values.person.phone".to_owned(), "format".to_owned())]
    );

    correction["values"] = json!({ "person.email": "mario@example.org" });
    let response = app.send(post_json("/api/applications/correction", &correction)).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "only flagged fields may change");

    correction["values"] = json!({ "person.phone": "051 123 4567" });
    let response = app.send(post_json("/api/applications/correction", &correction)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let view = body_json(response).await;
    assert_eq!(view["state"], "corrected");
    let states: Vec<&str> =
        view["history"].as_array().expect("history").iter().filter_map(|e| e["state"].as_str()).collect();
    assert_eq!(states, ["submitted", "has_issues", "corrected"]);
    let stored: String = {
        let pool = &app.state.pool;
        insieme_server::on_db!(pool => sqlx::query_scalar("SELECT submission FROM applications").fetch_one(pool).await)
    }
    .expect("row");
    assert!(stored.contains("+390511234567"), "{stored}");
}

#[tokio::test]
async fn open_calls_and_supported_opportunities_are_public_lists() {
    let app = TestApp::new().await;
    let calls = body_json(app.get("/api/calls").await).await;
    let ids: Vec<&str> = calls.as_array().expect("list").iter().filter_map(|call| call["id"].as_str()).collect();
    assert_eq!(ids, ["demo-giovani", "demo-progetti"]);

    let (_, receipt) = submit(&app, &applications::community()).await;
    let reference = receipt["reference"].as_str().expect("reference");
    assert_eq!(body_json(app.get("/api/opportunities").await).await, json!([]), "proposed is not yet public");
    insieme_server::applications::set_state(
        &app.state.pool,
        &app.state.clock,
        reference,
        "test-partner",
        insieme_api::State::Supported,
    )
    .await
    .expect("supported");
    let listed = body_json(app.get("/api/opportunities").await).await;
    assert_eq!(listed[0]["organisation"], "Parrocchia di San Donato");
    assert_eq!(listed[0]["area_name"].as_str().map(|name| name.contains("San Donato")), Some(true));
    assert!(!listed.to_string().contains("lucia@example.org"), "no contact person in public: {listed}");
}

#[tokio::test]
async fn the_openapi_document_lists_every_route() {
    let app = TestApp::new().await;
    let document = body_json(app.get("/api/openapi.json").await).await;
    let paths = document["paths"].as_object().expect("paths");
    for path in insieme_api::paths::ALL_API {
        assert!(paths.contains_key(path), "{path} is not in the OpenAPI document");
    }
    assert_eq!(paths.len(), insieme_api::paths::ALL_API.len(), "{:?}", paths.keys().collect::<Vec<_>>());
}

#[tokio::test]
async fn status_and_correction_refuse_bad_bodies_like_submissions() {
    let app = TestApp::with_config(|config| config.submissions_per_minute = 10_000).await;
    for uri in ["/api/applications/status", "/api/applications/correction"] {
        let malformed =
            Request::post(uri).header(header::CONTENT_TYPE, "application/json").body(Body::from("{")).expect("request");
        assert_eq!(app.send(malformed).await.status(), StatusCode::BAD_REQUEST, "{uri}");
        let text =
            Request::post(uri).header(header::CONTENT_TYPE, "text/plain").body(Body::from("{}")).expect("request");
        assert_eq!(app.send(text).await.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE, "{uri}");
        let unknown = json!({ "reference": "IPL-2026-000001", "access_code": "x", "values": {}, "name": "Mario" });
        let response = app.send(post_json(uri, &unknown)).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{uri}");
        assert_eq!(field_problems(&body_json(response).await)[0].1, "unknown_field");
        let wrong_type = json!({ "reference": 12, "access_code": "x", "values": {} });
        let response = app.send(post_json(uri, &wrong_type)).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{uri}");
        assert_eq!(field_problems(&body_json(response).await), vec![("reference".to_owned(), "wrong_type".to_owned())]);
    }
}

#[tokio::test]
async fn a_correction_is_refused_when_nothing_was_flagged() {
    let app = TestApp::new().await;
    let (_, receipt) = submit(&app, &applications::fragility()).await;
    let correction = json!({ "reference": receipt["reference"], "access_code": receipt["access_code"],
                             "values": { "person.phone": "051 123 4567" } });
    let response = app.send(post_json("/api/applications/correction", &correction)).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_problems(&body_json(response).await),
        vec![("reference".to_owned(), "nothing_to_correct".to_owned())]
    );
}

#[tokio::test]
async fn only_text_fields_can_be_flagged() {
    let app = TestApp::new().await;
    let (_, receipt) = submit(&app, &applications::fragility()).await;
    let reference = receipt["reference"].as_str().expect("reference");
    for field in ["consent.privacy_notice", "person.availability", "answers.fragility.income", "person"] {
        let flagged = [insieme_server::applications::FlaggedField { field: field.to_owned(), note: "x".to_owned() }];
        let result = insieme_server::applications::mark_has_issues(
            &app.state.pool,
            &app.state.clock,
            reference,
            "test",
            &flagged,
        )
        .await;
        assert!(result.is_err(), "{field} must not be flaggable");
    }
}
