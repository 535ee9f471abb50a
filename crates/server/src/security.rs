//! Security headers on every response. The Content-Security-Policy allows the WebAssembly app
//! ('wasm-unsafe-eval') and no inline script except the loader trunk writes into index.html,
//! which is allowed by its SHA-256 hash, computed when the server starts.

use std::path::Path;

use axum::{
    extract::{Request, State},
    http::{HeaderName, HeaderValue, header},
    middleware::Next,
    response::Response,
};
use base64::{Engine, engine::general_purpose::STANDARD};
use sha2::{Digest, Sha256};

#[derive(Clone, Debug)]
pub struct SecurityHeaders {
    content_security_policy: HeaderValue,
}

impl SecurityHeaders {
    /// Builds the headers for the apps in `dist_dir`: the inline loaders of every bundle's entry
    /// page (`index.html` and `*/index.html`) are allowed by hash; a missing app gives the
    /// strictest policy.
    pub fn for_dist(dist_dir: &Path) -> Self {
        let mut pages = vec![dist_dir.join("index.html")];
        if let Ok(entries) = std::fs::read_dir(dist_dir) {
            pages.extend(entries.filter_map(Result::ok).map(|entry| entry.path().join("index.html")));
        }
        let html: String = pages.iter().filter_map(|page| std::fs::read_to_string(page).ok()).collect();
        Self::for_index_html(&html)
    }

    pub fn for_index_html(index_html: &str) -> Self {
        let script_hashes: String = inline_scripts(index_html)
            .map(|script| format!(" 'sha256-{}'", STANDARD.encode(Sha256::digest(script.as_bytes()))))
            .collect();
        let policy = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{script_hashes}; \
             style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
             manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; \
             form-action 'self'; frame-ancestors 'none'"
        );
        Self {
            content_security_policy: HeaderValue::from_str(&policy)
                .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'")),
        }
    }

    pub fn content_security_policy(&self) -> &HeaderValue {
        &self.content_security_policy
    }
}

/// The text of every `<script>` element without a `src` attribute.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (tag, after_tag) = rest.split_once('>')?;
        let (body, _) = after_tag.split_once("</script>")?;
        (!tag.contains("src=")).then_some(body)
    })
}

/// Middleware adding the security headers to every response.
pub async fn add_headers(State(headers): State<SecurityHeaders>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let map = response.headers_mut();
    map.insert(header::CONTENT_SECURITY_POLICY, headers.content_security_policy.clone());
    map.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    map.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    map.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    map.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    map.insert(HeaderName::from_static("cross-origin-opener-policy"), HeaderValue::from_static("same-origin"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_loader_scripts_are_allowed_by_hash_and_external_ones_are_not_listed() {
        let html = r#"<script type="module">import init from '/app.js';</script><script src="/x.js"></script>"#;
        let policy = SecurityHeaders::for_index_html(html);
        let text = policy.content_security_policy().to_str().expect("ascii");
        let expected = STANDARD.encode(Sha256::digest(b"import init from '/app.js';"));
        assert!(text.contains(&format!("'sha256-{expected}'")), "{text}");
        assert_eq!(text.matches("'sha256-").count(), 1, "{text}");
        assert!(text.contains("frame-ancestors 'none'"));
        assert!(!text.contains("unsafe-inline"));
    }
}
