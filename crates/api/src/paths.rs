//! Route paths of the HTTP API. The server mounts these and the browser calls these.

/// Prefix of every API route; anything under it that matches no route is a JSON 404.
pub const API_PREFIX: &str = "/api";
/// Liveness and database reachability.
pub const HEALTH: &str = "/api/health";
/// The comuni of the Città metropolitana grouped by distretto, and the Quartieri of Bologna.
pub const TERRITORY: &str = "/api/territory";
/// Answers in, assessment out: the rules engine for tablets and third parties.
pub const ASSESS: &str = "/api/assess";

/// Where the self-check bundle lives; every other non-API path belongs to the public app.
pub const SELF_CHECK_PREFIX: &str = "/verifica";

/// Whether `path` is served by the self-check bundle (`/verifica` and below, not `/verificare`).
/// The server picks the entry page with it and the browser decides which links reload the page.
pub fn is_self_check_path(path: &str) -> bool {
    path.strip_prefix(SELF_CHECK_PREFIX).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::is_self_check_path;

    #[test]
    fn the_self_check_owns_its_prefix_and_nothing_that_merely_starts_like_it() {
        for path in ["/verifica", "/verifica/", "/verifica/eta", "/verifica/risultato"] {
            assert!(is_self_check_path(path), "{path}");
        }
        for path in ["/", "/verificare", "/sportelli", "/api/health"] {
            assert!(!is_self_check_path(path), "{path}");
        }
    }
}
