//! Helpers shared by the server's integration tests: a fresh database per test (SQLite in a
//! temporary folder, or, when `IPL_TEST_POSTGRES_URL` names the cluster `cargo xtask test`
//! started, a new PostgreSQL database of its own), and one-shot requests against `app(state)`.

#![allow(dead_code)]

use axum::{
    Router,
    body::Body,
    http::{Request, Response, StatusCode, header},
};
use http_body_util::BodyExt;
use insieme_rules::Date;
use insieme_server::{AppState, Config, app, clock::Clock, db, demo};
use serde_json::Value;
use tempfile::TempDir;
use tower::ServiceExt;

/// An app on its own fresh, migrated database. Keep the `TempDir` alive for the test.
pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    pub _data: TempDir,
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with_config(|_| {}).await
    }

    pub async fn with_config(adjust: impl FnOnce(&mut Config)) -> Self {
        Self::on(Clock::system().today_in_italy(), adjust).await
    }

    /// An app whose clock stands still at noon of `today` (move it with `state.clock.advance`).
    /// The demo calls are seeded as at start-up, relative to that day.
    pub async fn on(today: Date, adjust: impl FnOnce(&mut Config)) -> Self {
        let data = tempfile::tempdir().expect("temporary folder");
        let mut config =
            Config { data_dir: data.path().join("data"), dist_dir: data.path().join("dist"), ..Config::default() };
        adjust(&mut config);
        if let Some(url) = postgres_cluster() {
            config.database_url = Some(new_postgres_database(&url).await);
        }
        let pool = db::connect(&config.database()).await.expect("database opens");
        let clock = Clock::fixed_on(today);
        if config.demo {
            demo::seed(&pool, &clock).await.expect("demo data");
        }
        insieme_server::back_office::seed::at_start(&pool, &clock, config.demo).await.expect("back office data");
        let state = AppState::with_clock(pool, config, clock).expect("state starts");
        Self { router: app(state.clone()), state, _data: data }
    }

    pub async fn send(&self, request: Request<Body>) -> Response<Body> {
        self.router.clone().oneshot(request).await.expect("the router is infallible")
    }

    pub async fn get(&self, uri: &str) -> Response<Body> {
        self.send(Request::get(uri).body(Body::empty()).expect("request")).await
    }
}

/// The PostgreSQL cluster the test command started, if the tests run on PostgreSQL.
pub fn postgres_cluster() -> Option<String> {
    std::env::var("IPL_TEST_POSTGRES_URL").ok().filter(|url| !url.is_empty())
}

/// A new, empty database in the cluster at `url`, for one test.
pub async fn new_postgres_database(url: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static MADE: AtomicU32 = AtomicU32::new(0);
    let admin = sqlx::PgPool::connect(url).await.expect("the test cluster answers");
    let name = format!("ipl_test_{}_{}", std::process::id(), MADE.fetch_add(1, Ordering::SeqCst));
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&admin).await.expect("create database");
    admin.close().await;
    let (base, _) = url.rsplit_once('/').expect("a URL with a database");
    format!("{base}/{name}")
}

pub async fn body_json(response: Response<Body>) -> serde_json::Value {
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    serde_json::from_slice(&bytes)
        .unwrap_or_else(|error| panic!("not JSON ({error}): {}", String::from_utf8_lossy(&bytes)))
}

pub async fn body_text(response: Response<Body>) -> String {
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    String::from_utf8_lossy(&bytes).into_owned()
}

pub fn post_json(uri: &str, body: &Value) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .expect("request")
}

pub async fn submit(app: &TestApp, body: &Value) -> (StatusCode, Value) {
    let response = app.send(post_json("/api/applications", body)).await;
    let status = response.status();
    (status, body_json(response).await)
}

pub fn field_problems(body: &Value) -> Vec<(String, String)> {
    body["error"]["fields"]
        .as_array()
        .map(|fields| {
            fields
                .iter()
                .map(|field| {
                    (
                        field["field"].as_str().unwrap_or("").to_owned(),
                        field["problem"].as_str().unwrap_or("").to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}
