//! Serves the built browser app from `dist/`: precompressed files when the client accepts them,
//! long cache lifetimes for content-hashed assets, `no-cache` for index.html, and index.html for
//! every app route (paths without a file extension) so that deep links work.

use std::path::{Path, PathBuf};

use axum::{
    Router,
    extract::Request,
    handler::HandlerWithoutStateExt,
    http::{HeaderValue, StatusCode, header},
    middleware::{self, Next},
    response::{IntoResponse, Response},
};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use insieme_api::paths;

use crate::AppState;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";
const SHORT: &str = "public, max-age=3600";
/// Fonts and the icon never change under the same name (a new one gets a new file name): a
/// month.
const STABLE: &str = "public, max-age=2592000";

pub fn router(dist_dir: &Path) -> Router<AppState> {
    let root = dist_dir.to_path_buf();
    let spa_fallback = move |request: Request| spa_index(index_for(&root, request.uri().path()), request);
    let files = ServeDir::new(dist_dir).precompressed_br().precompressed_gzip().fallback(spa_fallback.into_service());
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(cache_headers))
        .layer(middleware::from_fn(refuse_odd_paths))
}

/// The longest path segment a file of ours can have (file systems refuse 256 bytes or more).
const MAX_SEGMENT_BYTES: usize = 255;

/// 404 for paths no file of ours can have: a segment too long for any file system (the file
/// server would fail with an internal error), or an empty segment (`//fonts`, which the file
/// server would redirect to `//fonts/`, an address a browser reads as another host).
async fn refuse_odd_paths(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let odd = path.contains("//") || path.split('/').any(|segment| segment.len() > MAX_SEGMENT_BYTES);
    if odd { StatusCode::NOT_FOUND.into_response() } else { next.run(request).await }
}

/// The entry page of the bundle a path belongs to (see `insieme_api::paths::Bundle`).
fn index_for(dist_dir: &Path, path: &str) -> PathBuf {
    let folder = insieme_api::paths::Bundle::for_path(path).dist_folder();
    dist_dir.join(folder).join("index.html")
}

/// index.html for app routes; 404 for a missing file (a path whose last segment has a dot); the
/// public app's not-found page with status 404 for a path that is none of its pages, so that
/// search engines and link checkers see that it does not exist.
async fn spa_index(index_path: PathBuf, request: Request) -> Response {
    let path = request.uri().path();
    let last_segment = path.rsplit('/').next().unwrap_or_default();
    if last_segment.contains('.') {
        return StatusCode::NOT_FOUND.into_response();
    }
    let unknown = paths::Bundle::for_path(path) == paths::Bundle::Public && !paths::is_public_page(path);
    let mut response = match ServeFile::new(index_path).precompressed_br().precompressed_gzip().oneshot(request).await {
        Ok(response) => response.into_response(),
        Err(infallible) => match infallible {},
    };
    if unknown && response.status().is_success() {
        *response.status_mut() = StatusCode::NOT_FOUND;
        response.extensions_mut().insert(OwnPage);
    }
    response
}

/// Marks an error response that is one of our pages (the not-found page), which the JSON error
/// layer leaves as it is.
#[derive(Clone, Copy, Debug)]
pub struct OwnPage;

async fn cache_headers(request: Request, next: Next) -> Response {
    let hashed = is_content_hashed(request.uri().path());
    let stable = request.uri().path().starts_with("/fonts/") || request.uri().path() == "/favicon.svg";
    let mut response = next.run(request).await;
    if !response.status().is_success() {
        return response;
    }
    let is_html =
        response.headers().get(header::CONTENT_TYPE).is_some_and(|value| value.as_bytes().starts_with(b"text/html"));
    let policy = if is_html {
        REVALIDATE
    } else if hashed {
        IMMUTABLE
    } else if stable {
        STABLE
    } else {
        SHORT
    };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

/// trunk names built assets `name-<hash>.ext` (and `name-<hash>_bg.wasm`), the hash a 64-bit
/// number in hex without leading zeros: usually 16 digits, sometimes fewer.
fn is_content_hashed(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let stem = file.split('.').next().unwrap_or_default().trim_end_matches("_bg");
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() >= 12 && hash.chars().all(|letter| letter.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::is_content_hashed;

    #[test]
    fn trunk_asset_names_are_recognised_as_hashed() {
        assert!(is_content_hashed("/insieme-app-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_content_hashed("/insieme-app-1a2b3c4d5e6f7a8b.js"));
        assert!(is_content_hashed("/main-0123456789abcdef.css"));
        assert!(is_content_hashed("/verifica/main-6fafc05f61657c5.css"));
        assert!(!is_content_hashed("/index.html"));
        assert!(!is_content_hashed("/fonts/titillium-web-regular.woff2"));
        assert!(!is_content_hashed("/insieme-app.js"));
    }
}
