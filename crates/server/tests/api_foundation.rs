//! The foundation of the API: health, territory, JSON errors for unknown routes and oversized
//! bodies, security headers, and the app shell served for app routes.

#[path = "support/common.rs"]
mod common;

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use common::{TestApp, body_json, body_text};

#[tokio::test]
async fn health_reports_a_reachable_database() {
    let app = TestApp::new().await;
    let response = app.get("/api/health").await;
    assert_eq!(response.status(), StatusCode::OK);
    let health = body_json(response).await;
    assert_eq!(health["status"], "ok");
    assert_eq!(health["database"], "reachable");
}

#[tokio::test]
async fn health_reports_an_unreachable_database_with_503() {
    let app = TestApp::new().await;
    app.state.pool.close().await;
    let response = app.get("/api/health").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let health = body_json(response).await;
    assert_eq!(health["database"], "unreachable");
    assert_eq!(health["status"], "degraded");
}

#[tokio::test]
async fn migrations_create_the_audit_log() {
    let app = TestApp::new().await;
    let tables: Vec<String> = match &app.state.pool {
        insieme_server::db::Db::Sqlite(pool) => {
            let journal: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(pool).await.expect("pragma");
            assert_eq!(journal, "wal");
            sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                .fetch_all(pool)
                .await
        }
        insieme_server::db::Db::Postgres(pool) => {
            sqlx::query_scalar("SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'")
                .fetch_all(pool)
                .await
        }
    }
    .expect("query");
    assert!(tables.contains(&"audit_log".to_owned()), "{tables:?}");
}

#[tokio::test]
async fn territory_lists_bologna_under_bologna_citta() {
    let app = TestApp::new().await;
    let response = app.get("/api/territory").await;
    assert_eq!(response.status(), StatusCode::OK);
    let territory: insieme_api::TerritoryView = serde_json::from_value(body_json(response).await).expect("typed body");
    assert_eq!(territory.distretti.len(), 7);
    let bologna = territory.distretti.iter().find(|distretto| distretto.id == "bologna").expect("Bologna Città");
    assert_eq!(bologna.name, "Bologna Città");
    assert_eq!(bologna.comuni, vec!["Bologna".to_owned()]);
    let comuni: usize = territory.distretti.iter().map(|distretto| distretto.comuni.len()).sum();
    assert_eq!(comuni, 55);
    assert_eq!(territory.quartieri.len(), 6);
}

#[tokio::test]
async fn an_unknown_api_path_is_a_json_404() {
    let app = TestApp::new().await;
    let response = app.get("/api/no-such-thing").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let body = body_json(response).await;
    assert_eq!(body["error"]["code"], "not_found");
}

#[tokio::test]
async fn a_wrong_method_on_a_known_path_is_json() {
    let app = TestApp::new().await;
    let request = Request::delete("/api/territory").body(Body::empty()).expect("request");
    let response = app.send(request).await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(response.headers().contains_key(header::ALLOW));
    let body = body_json(response).await;
    assert_eq!(body["error"]["code"], "bad_request");
}

#[tokio::test]
async fn an_oversized_body_is_a_json_413() {
    let app = TestApp::with_config(|config| config.body_limit_bytes = 1024).await;
    let big = "x".repeat(4096);
    let request = Request::post("/api/health")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, big.len())
        .body(Body::from(big))
        .expect("request");
    let response = app.send(request).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let body = body_json(response).await;
    assert_eq!(body["error"]["code"], "payload_too_large");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::new().await;
    for uri in ["/api/health", "/api/nothing", "/"] {
        let response = app.get(uri).await;
        let headers = response.headers();
        let policy = headers.get(header::CONTENT_SECURITY_POLICY).expect("CSP").to_str().expect("ascii");
        assert!(policy.contains("'wasm-unsafe-eval'"), "{uri}: {policy}");
        assert!(policy.contains("frame-ancestors 'none'"), "{uri}: {policy}");
        assert!(!policy.contains("'unsafe-inline'"), "{uri}: {policy}");
        assert_eq!(headers.get(header::X_CONTENT_TYPE_OPTIONS).expect("nosniff"), "nosniff", "{uri}");
        assert_eq!(headers.get(header::REFERRER_POLICY).expect("referrer"), "no-referrer", "{uri}");
    }
}

#[tokio::test]
async fn app_routes_get_index_html_and_missing_files_get_404() {
    let app = TestApp::new().await;
    let dist = app.state.config.dist_dir.clone();
    std::fs::create_dir_all(&dist).expect("dist");
    std::fs::write(dist.join("index.html"), "<!doctype html><title>Insieme</title>").expect("index");
    std::fs::write(dist.join("app-0123456789abcdef.js"), "export {}").expect("asset");

    for route in ["/", "/territorio", "/canali/youth", "/sportelli/"] {
        let response = app.get(route).await;
        assert_eq!(response.status(), StatusCode::OK, "{route}");
        assert_eq!(response.headers()[header::CACHE_CONTROL], "no-cache", "{route}");
        assert!(body_text(response).await.contains("<title>Insieme</title>"), "{route}");
    }
    // A page the public app does not have: its not-found page, with status 404.
    for route in ["/some/deep/link", "/canali/other", "/qualcosa"] {
        let response = app.get(route).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{route}");
        let text = body_text(response).await;
        assert!(text.contains("<title>Insieme</title>"), "{route}: {text}");
    }

    let asset = app.get("/app-0123456789abcdef.js").await;
    assert_eq!(asset.status(), StatusCode::OK);
    assert_eq!(asset.headers()[header::CACHE_CONTROL], "public, max-age=31536000, immutable");

    std::fs::create_dir_all(dist.join("fonts")).expect("fonts folder");
    std::fs::write(dist.join("fonts/titillium-web-400-text.woff2"), b"wOF2").expect("font");
    let font = app.get("/fonts/titillium-web-400-text.woff2").await;
    assert_eq!(font.status(), StatusCode::OK);
    assert_eq!(font.headers()[header::CACHE_CONTROL], "public, max-age=2592000", "fonts are kept a month");
    assert_eq!(font.headers()[header::CONTENT_TYPE], "font/woff2");

    std::fs::write(dist.join("favicon.svg"), "<svg/>").expect("icon");
    let icon = app.get("/favicon.svg").await;
    assert_eq!(icon.headers()[header::CACHE_CONTROL], "public, max-age=2592000", "the icon is kept a month");

    let missing = app.get("/missing-file.js").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn self_check_routes_get_the_self_check_bundle_and_both_loaders_are_allowed() {
    let data = tempfile::tempdir().expect("temporary folder");
    let dist = data.path().join("dist");
    std::fs::create_dir_all(dist.join("verifica")).expect("dist");
    std::fs::write(dist.join("index.html"), "<title>Pubblico</title><script type=module>public()</script>")
        .expect("index");
    std::fs::write(dist.join("verifica/index.html"), "<title>Verifica</title><script type=module>check()</script>")
        .expect("index");
    let app = TestApp::with_config(|config| config.dist_dir = dist.clone()).await;

    // The folder itself redirects to its index, like any static folder.
    let folder = app.get("/verifica").await;
    assert_eq!(folder.status(), StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(folder.headers()[header::LOCATION], "/verifica/");

    for (route, title) in [("/verifica/eta", "Verifica"), ("/verifica/", "Verifica"), ("/sportelli", "Pubblico")] {
        let response = app.get(route).await;
        assert_eq!(response.status(), StatusCode::OK, "{route}");
        let policy = response.headers()[header::CONTENT_SECURITY_POLICY].to_str().expect("ascii").to_owned();
        assert_eq!(policy.matches("'sha256-").count(), 2, "{policy}");
        assert!(body_text(response).await.contains(title), "{route}");
    }
}

#[tokio::test]
async fn json_responses_are_compressed_when_the_client_accepts_brotli() {
    let app = TestApp::new().await;
    let request = Request::get("/api/territory")
        .header(header::ACCEPT_ENCODING, "br, gzip")
        .body(Body::empty())
        .expect("request");
    let response = app.send(request).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
}
