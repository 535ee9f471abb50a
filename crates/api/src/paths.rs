//! Route paths of the HTTP API. The server mounts these and the browser calls these.

/// Prefix of every API route; anything under it that matches no route is a JSON 404.
pub const API_PREFIX: &str = "/api";
/// Liveness and database reachability.
pub const HEALTH: &str = "/api/health";
/// The comuni of the Città metropolitana grouped by distretto, and the Quartieri of Bologna.
pub const TERRITORY: &str = "/api/territory";
/// Answers in, assessment out: the rules engine for tablets and third parties.
pub const ASSESS: &str = "/api/assess";
/// Submit an application (idempotent by its client-generated id).
pub const APPLICATIONS: &str = "/api/applications";
/// Reference + access code in, public state and history out.
pub const APPLICATION_STATUS: &str = "/api/applications/status";
/// Reference + access code + corrected values for the fields the partners flagged.
pub const APPLICATION_CORRECTION: &str = "/api/applications/correction";
/// Open calls (avvisi) of channel 3.
pub const CALLS: &str = "/api/calls";
/// Community opportunities that partners supported, public.
pub const OPPORTUNITIES: &str = "/api/opportunities";
/// The access points administrators keep, public.
pub const ACCESS_POINTS: &str = "/api/access-points";
/// An accessibility report (idempotent by its client-generated id).
pub const ACCESSIBILITY_FEEDBACK: &str = "/api/feedback/accessibility";
/// The OpenAPI document of every route above, generated from the code.
pub const OPENAPI: &str = "/api/openapi.json";

/// The accessibility reports, for administrators.
pub const BACK_OFFICE_ACCESSIBILITY_FEEDBACK: &str = "/api/back-office/accessibility-feedback";
/// Where every back-office route begins.
pub const BACK_OFFICE_API_PREFIX: &str = "/api/back-office/";
/// The back office (signed-in accounts only; see `back_office`). Sign in, who am I, sign out.
pub const BACK_OFFICE_SESSION: &str = "/api/back-office/session";
/// Change one's own password.
pub const BACK_OFFICE_PASSWORD: &str = "/api/back-office/password";
/// Enrol an authenticator app (TOTP, RFC 6238): start (a new secret) and confirm with a code.
pub const BACK_OFFICE_SECOND_FACTOR: &str = "/api/back-office/second-factor";
/// Remove an account's authenticator app so that it enrols again (administrators).
pub const BACK_OFFICE_ACCOUNT_SECOND_FACTOR: &str = "/api/back-office/accounts/{id}/second-factor";
/// The queue: the applications this account may see, filtered and paged.
pub const BACK_OFFICE_APPLICATIONS: &str = "/api/back-office/applications";
/// The queue with the same filters as a CSV file (spreadsheets), audited.
pub const BACK_OFFICE_EXPORT: &str = "/api/back-office/applications.csv";
/// The same as an XLSX workbook.
pub const BACK_OFFICE_EXPORT_XLSX: &str = "/api/back-office/applications.xlsx";
/// One case, its workflow steps, its holder and its internal notes.
pub const BACK_OFFICE_CASE: &str = "/api/back-office/applications/{reference}";
pub const BACK_OFFICE_CASE_ACTIONS: &str = "/api/back-office/applications/{reference}/actions";
pub const BACK_OFFICE_CASE_ASSIGNMENT: &str = "/api/back-office/applications/{reference}/assignment";
pub const BACK_OFFICE_CASE_MISSED_INTERVIEW: &str = "/api/back-office/applications/{reference}/missed-interview";
pub const BACK_OFFICE_CASE_NOTES: &str = "/api/back-office/applications/{reference}/notes";
/// Several applications to one holder.
pub const BACK_OFFICE_ASSIGNMENTS: &str = "/api/back-office/assignments";
/// Accounts the signed-in person may assign to (id and name), and administrators' account list.
pub const BACK_OFFICE_ACCOUNTS: &str = "/api/back-office/accounts";
/// One account: change its name, role and place (administrators).
pub const BACK_OFFICE_ACCOUNT: &str = "/api/back-office/accounts/{id}";
/// Disable an account and end its sessions (administrators).
pub const BACK_OFFICE_ACCOUNT_DISABLE: &str = "/api/back-office/accounts/{id}/disable";
/// A new one-time password for an account that forgot its own (administrators).
pub const BACK_OFFICE_ACCOUNT_PASSWORD_RESET: &str = "/api/back-office/accounts/{id}/password-reset";
/// Enable a disabled account again (administrators).
pub const BACK_OFFICE_ACCOUNT_ENABLE: &str = "/api/back-office/accounts/{id}/enable";
/// Organisations and access points, for choosing where an account belongs.
pub const BACK_OFFICE_PLACES: &str = "/api/back-office/places";
/// One organisation or access point: rename it, move an access point (administrators).
pub const BACK_OFFICE_PLACE: &str = "/api/back-office/places/{kind}/{id}";
/// Open or close an organisation or an access point (administrators).
pub const BACK_OFFICE_PLACE_ACTIVE: &str = "/api/back-office/places/{kind}/{id}/active";
/// The audit log (administrators).
pub const BACK_OFFICE_AUDIT: &str = "/api/back-office/audit";

/// `BACK_OFFICE_CASE` and its sub-resources for one reference.
pub fn back_office_case(reference: &str, sub: &str) -> String {
    let base = format!("/api/back-office/applications/{reference}");
    if sub.is_empty() { base } else { format!("{base}/{sub}") }
}

/// Every API route, for the test that checks the OpenAPI document lists them all.
pub const ALL_API: [&str; 34] = [
    HEALTH,
    TERRITORY,
    ASSESS,
    APPLICATIONS,
    APPLICATION_STATUS,
    APPLICATION_CORRECTION,
    CALLS,
    OPPORTUNITIES,
    ACCESS_POINTS,
    ACCESSIBILITY_FEEDBACK,
    OPENAPI,
    BACK_OFFICE_SESSION,
    BACK_OFFICE_PASSWORD,
    BACK_OFFICE_SECOND_FACTOR,
    BACK_OFFICE_ACCOUNT_SECOND_FACTOR,
    BACK_OFFICE_APPLICATIONS,
    BACK_OFFICE_EXPORT,
    BACK_OFFICE_EXPORT_XLSX,
    BACK_OFFICE_CASE,
    BACK_OFFICE_CASE_ACTIONS,
    BACK_OFFICE_CASE_ASSIGNMENT,
    BACK_OFFICE_CASE_NOTES,
    BACK_OFFICE_CASE_MISSED_INTERVIEW,
    BACK_OFFICE_ASSIGNMENTS,
    BACK_OFFICE_ACCOUNTS,
    BACK_OFFICE_ACCOUNT,
    BACK_OFFICE_ACCOUNT_DISABLE,
    BACK_OFFICE_ACCOUNT_ENABLE,
    BACK_OFFICE_ACCOUNT_PASSWORD_RESET,
    BACK_OFFICE_PLACES,
    BACK_OFFICE_PLACE,
    BACK_OFFICE_PLACE_ACTIVE,
    BACK_OFFICE_AUDIT,
    BACK_OFFICE_ACCESSIBILITY_FEEDBACK,
];

/// Where the self-check bundle lives.
pub const SELF_CHECK_PREFIX: &str = "/verifica";
/// Where the applications bundle lives (the forms of the four channels).
pub const APPLY_PREFIX: &str = "/domanda";
/// Where the status bundle lives: the receipt after sending and the status page.
pub const STATUS_PREFIX: &str = "/stato";
/// Where the back-office bundle lives (partners and operators; never loaded by public pages).
pub const BACK_OFFICE_PREFIX: &str = "/ufficio";

/// The browser app is four bundles, each with its own entry page, so that nobody downloads code
/// for pages they do not open: the public pages, the self-check, the application forms, and
/// the receipt with the status page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    Public,
    SelfCheck,
    Apply,
    Status,
    BackOffice,
}

impl Bundle {
    /// Which bundle serves `path` (`/verifica` and below, not `/verificare`). The server picks
    /// the entry page with it and the browser decides which links reload the page.
    pub fn for_path(path: &str) -> Self {
        let under =
            |prefix: &str| path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
        if under(SELF_CHECK_PREFIX) {
            Self::SelfCheck
        } else if under(APPLY_PREFIX) {
            Self::Apply
        } else if under(STATUS_PREFIX) {
            Self::Status
        } else if under(BACK_OFFICE_PREFIX) {
            Self::BackOffice
        } else {
            Self::Public
        }
    }

    /// The folder of `dist/` holding the bundle's `index.html` (empty for the public one).
    pub fn dist_folder(self) -> &'static str {
        match self {
            Self::Public => "",
            Self::SelfCheck => "verifica",
            Self::Apply => "domanda",
            Self::Status => "stato",
            Self::BackOffice => "ufficio",
        }
    }
}

/// The pages of the public bundle (its router in `src/app.rs` has the same list). Any other
/// path outside the other bundles is unknown: the server answers 404 with the not-found page.
pub const PUBLIC_PAGES: [&str; 8] =
    ["/", "/territorio", "/sportelli", "/fonti", "/opportunita", "/privacy", "/accessibilita", "/canali"];
/// The channels that have a page of their own (`/canali/<code>`).
pub const CHANNEL_PAGES: [&str; 4] = ["community", "fragility", "youth", "enterprise"];

/// Whether the public bundle has a page at `path` (a trailing slash is the same page).
pub fn is_public_page(path: &str) -> bool {
    let path = if path.len() > 1 { path.trim_end_matches('/') } else { path };
    match path.strip_prefix("/canali/") {
        Some(channel) => CHANNEL_PAGES.contains(&channel),
        None => path != "/canali" && PUBLIC_PAGES.contains(&path),
    }
}

/// Whether `path` is served by the self-check bundle.
pub fn is_self_check_path(path: &str) -> bool {
    Bundle::for_path(path) == Bundle::SelfCheck
}

#[cfg(test)]
mod tests {
    use super::is_self_check_path;

    #[test]
    fn the_self_check_owns_its_prefix_and_nothing_that_merely_starts_like_it() {
        for path in ["/verifica", "/verifica/", "/verifica/eta", "/verifica/risultato"] {
            assert!(is_self_check_path(path), "{path}");
        }
        for path in ["/", "/verificare", "/sportelli", "/api/health", "/domanda"] {
            assert!(!is_self_check_path(path), "{path}");
        }
        assert_eq!(super::Bundle::for_path("/domanda/fragilita/recapiti"), super::Bundle::Apply);
    }

    #[test]
    fn the_public_pages_are_known_and_nothing_else() {
        for path in ["/", "/sportelli", "/sportelli/", "/fonti", "/canali/youth", "/privacy"] {
            assert!(super::is_public_page(path), "{path}");
        }
        for path in ["/canali", "/canali/", "/canali/other", "/qualcosa", "/sportelli/x", "/index"] {
            assert!(!super::is_public_page(path), "{path}");
        }
        assert_eq!(super::Bundle::for_path("/domande"), super::Bundle::Public);
        assert_eq!(super::Bundle::for_path("/stato/ricevuta/fragilita"), super::Bundle::Status);
        assert_eq!(super::Bundle::for_path("/ufficio/pratiche/IPL-2026-000001"), super::Bundle::BackOffice);
        assert_eq!(super::Bundle::for_path("/ufficiostampa"), super::Bundle::Public);
    }
}
