//! The one shape of every error the API returns. Messages are plain sentences for people;
//! `code` is stable so that the browser can show the message in the reader's language.

use serde::{Deserialize, Serialize};

/// Stable error codes, one per kind of failure a client can meet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    BadRequest,
    Conflict,
    /// The application changed while the request was on its way (409): reload and retry.
    ChangedMeanwhile,
    PayloadTooLarge,
    /// Back office: no valid session (never signed in, signed out, expired, account disabled).
    NotSignedIn,
    /// Back office: signed in, but this role may not do this; or a state-changing request that
    /// did not come from our own pages (cross-site).
    Forbidden,
    /// Back office: wrong e-mail or password (never says which), or a wrong one-time code.
    LoginFailed,
    /// Back office: e-mail and password are right and this account has an authenticator app:
    /// send the six-digit code too (401).
    SecondFactorRequired,
    /// Back office: this role must enrol an authenticator app before doing anything else (403);
    /// the session may only enrol it, say who it is and sign out.
    SecondFactorEnrolmentRequired,
    /// Back office: the workflow does not allow this action from this state for this role.
    TransitionNotAllowed,
    /// Back office: someone else holds the application.
    HeldBySomeoneElse,
    UnsupportedMediaType,
    Unprocessable,
    TooManyRequests,
    Timeout,
    Unavailable,
    Internal,
}

/// `{"error": {"code": "not_found", "message": "...", "fields": [...]}}`
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    pub code: ErrorCode,
    pub message: String,
    /// For invalid data: what is wrong with which field (`profile.birth_date`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// One invalid field, named by its path in the request body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    pub field: String,
    /// What is wrong: a stable code (`missing`, `check_character`, ...) for application fields,
    /// a sentence for the rules engine's answers.
    pub problem: String,
}

impl ErrorBody {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { error: ErrorDetail { code, message: message.into(), fields: Vec::new() } }
    }

    pub fn with_fields(mut self, fields: Vec<FieldError>) -> Self {
        self.error.fields = fields;
        self
    }
}
