//! What breaks a real deployment rather than the happy path: time passing, bodies that are not
//! quite JSON, racing corrections, odd paths, shared proxies, guessed access codes. Each test
//! names the failure it guards against.

#[path = "support/applications.rs"]
mod applications;
#[path = "support/common.rs"]
mod common;

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use common::{TestApp, body_json, field_problems, post_json, submit};
use insieme_rules::Date;
use serde_json::{Value, json};

fn raw_post(uri: &str, body: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_owned()))
        .expect("request")
}

fn day(year: i32, month: u8, day: u8) -> Date {
    Date::new(year, month, day).expect("a real date")
}

/// A submitted application flagged for `field`, with its reference and access code.
async fn flagged(app: &TestApp, submission: &Value, field: &str) -> (String, String) {
    let (status, receipt) = submit(app, submission).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let reference = receipt["reference"].as_str().expect("reference").to_owned();
    let flag = insieme_server::applications::FlaggedField { field: field.to_owned(), note: "Controlla".to_owned() };
    insieme_server::applications::mark_has_issues(&app.state.pool, &app.state.clock, &reference, "test", &[flag])
        .await
        .expect("flagged");
    (reference, receipt["access_code"].as_str().expect("code").to_owned())
}

fn correction(reference: &str, code: &str, field: &str, value: &str) -> Value {
    json!({ "reference": reference, "access_code": code, "values": { field: value } })
}

#[tokio::test]
async fn every_channel_can_still_apply_in_2028_and_2031() {
    for today in [day(2028, 2, 29), day(2031, 7, 1)] {
        let app = TestApp::on(today, |_| {}).await;
        for submission in applications::all_channels_on(today) {
            let (status, receipt) = submit(&app, &submission).await;
            assert_eq!(status, StatusCode::CREATED, "{today}: {receipt}");
            assert!(receipt["reference"].as_str().is_some_and(|r| r.starts_with(&format!("IPL-{}-", today.year()))));
        }
        let calls = body_json(app.get("/api/calls").await).await;
        assert_eq!(calls.as_array().map(Vec::len), Some(2), "{today}: the demo calls are open: {calls}");
    }
}

#[tokio::test]
async fn without_demo_data_there_are_no_demo_calls() {
    let app = TestApp::with_config(|config| config.demo = false).await;
    let calls = body_json(app.get("/api/calls").await).await;
    assert_eq!(calls, json!([]));
}

#[tokio::test]
async fn a_correction_is_not_blocked_by_a_call_closed_since_submission() {
    let today = day(2027, 3, 10);
    let app = TestApp::on(today, |config| config.submissions_per_minute = 1000).await;
    let (reference, code) = flagged(&app, &applications::youth(), "person.email").await;
    // The call closes; two months later the person fixes their email address.
    { let pool = &app.state.pool; insieme_server::on_db!(pool => sqlx::query("UPDATE calls SET closes_on = '2027-03-31'").execute(pool).await.map(|done| done.rows_affected())) }.expect("close");
    app.state.clock.advance(std::time::Duration::from_secs(60 * 86_400));
    let response = app
        .send(post_json(
            "/api/applications/correction",
            &correction(&reference, &code, "person.email", "g@example.org"),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK, "{}", body_json(response).await);
    // A correction that breaks another rule is still refused: a new problem, not an old one.
    let (reference, code) =
        flagged(&app, &applications::community_on(app.state.clock.today_in_italy()), "community.ends_on").await;
    let response = app
        .send(post_json(
            "/api/applications/correction",
            &correction(&reference, &code, "community.ends_on", "2020-01-01"),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = body_json(response).await;
    assert!(
        field_problems(&body).contains(&("values.community.ends_on".to_owned(), "before_start".to_owned())),
        "{body}"
    );
}

#[tokio::test]
async fn concurrent_corrections_store_one_and_refuse_the_others_plainly() {
    let app = TestApp::with_config(|config| config.submissions_per_minute = 10_000).await;
    let (reference, code) = flagged(&app, &applications::fragility(), "person.phone").await;
    let mut sends = tokio::task::JoinSet::new();
    for n in 0..10 {
        let body = correction(&reference, &code, "person.phone", &format!("333 000 00{n:02}"));
        let router = app.router.clone();
        sends.spawn(async move {
            use tower::ServiceExt;
            router.oneshot(post_json("/api/applications/correction", &body)).await.expect("infallible").status()
        });
    }
    let statuses: Vec<StatusCode> = sends.join_all().await;
    let corrected = statuses.iter().filter(|status| **status == StatusCode::OK).count();
    assert_eq!(corrected, 1, "{statuses:?}");
    assert!(
        statuses.iter().all(|status| *status == StatusCode::OK
            || *status == StatusCode::CONFLICT
            || *status == StatusCode::UNPROCESSABLE_ENTITY),
        "{statuses:?}"
    );
    let history: i64 = { let pool = &app.state.pool; insieme_server::on_db!(pool => sqlx::query_scalar("SELECT COUNT(*) FROM application_events WHERE state = 'corrected'")
        .fetch_one(pool)
        .await) }
        .expect("count");
    assert_eq!(history, 1, "one correction, one history entry");
}

#[tokio::test]
async fn correcting_the_comune_of_a_business_routes_it_to_that_distretto() {
    let app = TestApp::new().await;
    let (reference, code) = flagged(&app, &applications::enterprise(), "enterprise.business_comune").await;
    let owner = || async {
        {
            let pool = &app.state.pool;
            insieme_server::on_db!(pool => sqlx::query_scalar::<_, String>("SELECT owner_partner FROM applications")
            .fetch_one(pool)
            .await)
        }
        .expect("row")
    };
    assert_eq!(owner().await, "suap:reno-lavino-samoggia");
    let response = app
        .send(post_json(
            "/api/applications/correction",
            &correction(&reference, &code, "enterprise.business_comune", "Imola"),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK, "{}", body_json(response).await);
    assert_eq!(owner().await, "suap:imola");
}

#[tokio::test]
async fn a_partner_can_flag_only_fields_the_application_has() {
    let app = TestApp::new().await;
    let (status, receipt) = submit(&app, &applications::community()).await;
    assert_eq!(status, StatusCode::CREATED);
    let reference = receipt["reference"].as_str().expect("reference");
    let flag =
        |field: &str| insieme_server::applications::FlaggedField { field: field.to_owned(), note: "x".to_owned() };
    let refused = insieme_server::applications::mark_has_issues(
        &app.state.pool,
        &app.state.clock,
        reference,
        "test",
        &[flag("person.codice_fiscale")],
    )
    .await;
    assert!(refused.is_err(), "a community proposal has no codice fiscale");
    let accepted = insieme_server::applications::mark_has_issues(
        &app.state.pool,
        &app.state.clock,
        reference,
        "test",
        &[flag("community.contact_email")],
    )
    .await;
    assert!(accepted.is_ok(), "{accepted:?}");
}

#[tokio::test]
async fn the_same_id_in_upper_case_is_the_same_application() {
    let app = TestApp::new().await;
    let submission = applications::fragility();
    let (status, first) = submit(&app, &submission).await;
    assert_eq!(status, StatusCode::CREATED);
    let mut shouted = submission.clone();
    shouted["id"] = json!(submission["id"].as_str().expect("id").to_uppercase());
    let (status, again) = submit(&app, &shouted).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(first["reference"], again["reference"]);
}

#[tokio::test]
async fn bodies_that_are_not_exactly_one_json_object_get_stable_codes() {
    let app = TestApp::new().await;
    let valid = applications::fragility().to_string();
    let cases = [
        (format!("{valid} trailing"), StatusCode::BAD_REQUEST, "(document)", "malformed_json"),
        (format!("{valid}{valid}"), StatusCode::BAD_REQUEST, "(document)", "malformed_json"),
        (format!("[{valid}]"), StatusCode::UNPROCESSABLE_ENTITY, "(document)", "wrong_type"),
        (
            valid.replacen("\"channel\":\"fragility\"", "\"channel\":1", 1),
            StatusCode::UNPROCESSABLE_ENTITY,
            "channel",
            "wrong_type",
        ),
    ];
    for (body, status, field, code) in cases {
        let response = app.send(raw_post("/api/applications", &body)).await;
        assert_eq!(response.status(), status, "{body:.80}");
        let answer = body_json(response).await;
        assert!(field_problems(&answer).contains(&(field.to_owned(), code.to_owned())), "{body:.80}: {answer}");
    }
    assert!(valid.contains("\"channel\":\"fragility\""), "the case above must really change the channel");
}

#[tokio::test]
async fn assess_answers_with_codes_not_serde_sentences() {
    let app = TestApp::new().await;
    let cases = [
        (r#"{"profile":{"birth_date":1990}}"#, StatusCode::UNPROCESSABLE_ENTITY, "profile.birth_date", "wrong_type"),
        (r#"{"profile":{"shoe":1}}"#, StatusCode::UNPROCESSABLE_ENTITY, "profile", "unknown_field"),
        (r#"{"fragility":{"income":9}}"#, StatusCode::UNPROCESSABLE_ENTITY, "fragility.income", "out_of_range"),
        (r#"{"profile":{}} {}"#, StatusCode::BAD_REQUEST, "(document)", "malformed_json"),
        (r#"[1, 2]"#, StatusCode::UNPROCESSABLE_ENTITY, "(document)", "wrong_type"),
    ];
    for (body, status, field, code) in cases {
        let response = app.send(raw_post("/api/assess", body)).await;
        assert_eq!(response.status(), status, "{body}");
        let answer = body_json(response).await;
        let problems = field_problems(&answer);
        assert!(
            problems.iter().any(|(named, problem)| named.starts_with(field) && problem == code),
            "{body}: {answer}"
        );
        assert!(problems.iter().all(|(_, problem)| !problem.contains(' ')), "{body}: {answer}");
    }
}

#[tokio::test]
async fn an_answer_never_lists_more_than_fifty_problems() {
    let app = TestApp::new().await;
    let mut submission = applications::fragility();
    let items: serde_json::Map<String, Value> = (0..5000).map(|n| (format!("item{n}"), json!(1))).collect();
    submission["answers"]["fragility"] = Value::Object(items);
    let response = app.send(post_json("/api/applications", &submission)).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problems = field_problems(&body_json(response).await);
    assert_eq!(problems.len(), insieme_server::error::MAX_FIELD_ERRORS);
}

#[tokio::test]
async fn answers_with_an_access_code_or_personal_data_are_never_cached() {
    let app = TestApp::new().await;
    let response = app.send(post_json("/api/applications", &applications::fragility())).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
    let receipt = body_json(response).await;
    let query = json!({ "reference": receipt["reference"], "access_code": receipt["access_code"] });
    let response = app.send(post_json("/api/applications/status", &query)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
}

#[tokio::test]
async fn every_response_carries_a_request_id_of_ours() {
    let app = TestApp::new().await;
    let request =
        Request::get("/api/health").header("x-request-id", "chosen-by-client").body(Body::empty()).expect("request");
    let response = app.send(request).await;
    let id = response.headers().get("x-request-id").and_then(|value| value.to_str().ok()).expect("an id").to_owned();
    assert_eq!(id.len(), 16, "{id}");
    assert_ne!(id, "chosen-by-client");
    let other = app.get("/api/no-such-route").await;
    assert!(other.headers().contains_key("x-request-id"), "errors carry an id too");
}

#[tokio::test]
async fn odd_static_paths_are_404_never_500_nor_a_redirect_to_another_host() {
    let app = TestApp::new().await;
    std::fs::create_dir_all(app.state.config.dist_dir.join("fonts")).expect("fonts folder");
    let long = format!("/{}", "a".repeat(256));
    for path in [long.as_str(), "//fonts", "//example.org/", "/fonts//x.woff2"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(!response.headers().contains_key(header::LOCATION), "{path}");
    }
}

#[tokio::test]
async fn guessing_access_codes_locks_the_address_out() {
    let app = TestApp::with_config(|config| {
        config.failed_lookups_per_hour = 3;
        config.submissions_per_minute = 1000;
    })
    .await;
    let (status, receipt) = submit(&app, &applications::fragility()).await;
    assert_eq!(status, StatusCode::CREATED);
    let guess = |code: &str| json!({ "reference": receipt["reference"], "access_code": code });
    for n in 0..3 {
        let response = app.send(post_json("/api/applications/status", &guess(&format!("WRONG-{n}")))).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
    // Even the right code is refused now: the address must wait.
    let response =
        app.send(post_json("/api/applications/status", &guess(receipt["access_code"].as_str().expect("code")))).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key(header::RETRY_AFTER));
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_has_its_own_limit() {
    let app = TestApp::with_config(|config| {
        config.submissions_per_minute = 5;
        config.trusted_proxies = vec!["127.0.0.1/32".parse().expect("net")];
    })
    .await;
    let status_from = |client: &str| {
        let mut request =
            post_json("/api/applications/status", &json!({ "reference": "IPL-2026-000001", "access_code": "x" }));
        request.headers_mut().insert("x-forwarded-for", client.parse().expect("header"));
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from(([127, 0, 0, 1], 40000))));
        request
    };
    // The burst is a fifth of the limit per minute: one request, then 429 for that client...
    assert_eq!(app.send(status_from("198.51.100.1")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.send(status_from("198.51.100.1")).await.status(), StatusCode::TOO_MANY_REQUESTS);
    // ... while another client behind the same proxy is not affected.
    assert_eq!(app.send(status_from("198.51.100.2")).await.status(), StatusCode::NOT_FOUND);
    // An IPv6 client is one client across its /64.
    assert_eq!(app.send(status_from("2001:db8:1:2::1")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.send(status_from("2001:db8:1:2::ffff")).await.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn durability_settings_are_in_force_on_every_connection() {
    let app = TestApp::new().await;
    for _ in 0..3 {
        match &app.state.pool {
            insieme_server::db::Db::Sqlite(pool) => {
                let mut connection = pool.acquire().await.expect("connection");
                let journal: String =
                    sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&mut *connection).await.expect("pragma");
                let synchronous: i64 =
                    sqlx::query_scalar("PRAGMA synchronous").fetch_one(&mut *connection).await.expect("pragma");
                assert_eq!(journal, "wal");
                assert_eq!(synchronous, 2, "synchronous = FULL");
            }
            insieme_server::db::Db::Postgres(pool) => {
                let mut connection = pool.acquire().await.expect("connection");
                let synchronous: String =
                    sqlx::query_scalar("SHOW synchronous_commit").fetch_one(&mut *connection).await.expect("show");
                let fsync: String = sqlx::query_scalar("SHOW fsync").fetch_one(&mut *connection).await.expect("show");
                assert_eq!(synchronous, "on");
                assert_eq!(fsync, "on");
            }
        }
    }
}

#[tokio::test]
async fn the_database_and_its_folder_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let app = TestApp::new().await;
    let mode = |path: &std::path::Path| std::fs::metadata(path).expect("exists").permissions().mode() & 0o777;
    assert_eq!(mode(&app.state.config.data_dir), 0o700);
    // On PostgreSQL the data folder keeps only the access-code key; the database is the server's.
    if let insieme_server::db::Db::Sqlite(_) = &app.state.pool {
        assert_eq!(mode(&app.state.config.database_path()), 0o600);
    }
}

#[tokio::test]
async fn applications_stored_in_the_previous_shape_are_still_read() {
    let app = TestApp::new().await;
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stored");
    let mut read = 0;
    for entry in std::fs::read_dir(&folder).expect("fixtures") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("fixture");
        let submission = insieme_server::applications::stored::decode(&text)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let again = insieme_server::applications::stored::encode(&submission).expect("encodes");
        assert_eq!(insieme_server::applications::stored::decode(&again).expect("reads back"), submission);
        read += 1;
    }
    assert!(read >= 2, "fixtures of shape 0 and shape 1 are kept in {}", folder.display());
    // And through the status page, from a row written by the previous release.
    let (status, receipt) = submit(&app, &applications::fragility()).await;
    assert_eq!(status, StatusCode::CREATED);
    let old = std::fs::read_to_string(folder.join("shape-0-fragility.json")).expect("fixture");
    { let pool = &app.state.pool; insieme_server::on_db!(pool => sqlx::query("UPDATE applications SET submission = $1").bind(old).execute(pool).await.map(|done| done.rows_affected())) }.expect("old row");
    let query = json!({ "reference": receipt["reference"], "access_code": receipt["access_code"] });
    let response = app.send(post_json("/api/applications/status", &query)).await;
    assert_eq!(response.status(), StatusCode::OK);
}

/// A real listener with a one-second header timeout and room for two connections.
async fn served(app: &TestApp) -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("port");
    let address = listener.local_addr().expect("address");
    let config = insieme_server::Config { header_timeout_secs: 1, max_connections: 2, ..(*app.state.config).clone() };
    let router = app.router.clone();
    tokio::spawn(async move { insieme_server::serve::serve(listener, router, &config, std::future::pending()).await });
    address
}

/// Reads until the server closes the connection; `None` if it is still open after `wait`.
async fn closed_within(stream: &mut tokio::net::TcpStream, wait: std::time::Duration) -> Option<Vec<u8>> {
    use tokio::io::AsyncReadExt;
    let mut received = Vec::new();
    tokio::time::timeout(wait, stream.read_to_end(&mut received)).await.ok().map(|_| received)
}

#[tokio::test]
async fn slow_or_silent_connections_are_closed_and_do_not_hold_the_server() {
    use tokio::io::AsyncWriteExt;
    let app = TestApp::new().await;
    let address = served(&app).await;
    let wait = std::time::Duration::from_secs(4);
    // A client that says nothing at all.
    let mut silent = tokio::net::TcpStream::connect(address).await.expect("connect");
    // A client that sends its headers a line every 600 ms, never finishing.
    let mut slow = tokio::net::TcpStream::connect(address).await.expect("connect");
    slow.write_all(b"GET /api/health HTTP/1.1\r\n").await.expect("write");
    let dripping = tokio::spawn(async move {
        for n in 0..20 {
            tokio::time::sleep(std::time::Duration::from_millis(600)).await;
            if slow.write_all(format!("X-Drip-{n}: 1\r\n").as_bytes()).await.is_err() {
                return true;
            }
        }
        false
    });
    assert!(closed_within(&mut silent, wait).await.is_some(), "a silent connection must be closed");
    assert!(
        tokio::time::timeout(std::time::Duration::from_secs(8), dripping)
            .await
            .is_ok_and(|closed| closed.unwrap_or(false)),
        "a connection dripping headers must be closed"
    );
    // With both slots free again, a normal request is answered.
    let mut client = tokio::net::TcpStream::connect(address).await.expect("connect");
    client.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await.expect("write");
    let answer = closed_within(&mut client, wait).await.expect("answered and closed");
    assert!(answer.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&answer));
}

#[tokio::test]
async fn idle_kept_alive_connections_are_closed() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = TestApp::new().await;
    let address = served(&app).await;
    let mut client = tokio::net::TcpStream::connect(address).await.expect("connect");
    client.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n").await.expect("write");
    let mut first = [0u8; 12];
    client.read_exact(&mut first).await.expect("an answer");
    assert_eq!(&first, b"HTTP/1.1 200");
    // Kept alive, then silent: closed after the header timeout.
    assert!(closed_within(&mut client, std::time::Duration::from_secs(4)).await.is_some());
}
