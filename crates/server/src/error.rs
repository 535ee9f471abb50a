//! The one error type of the server. Every failure a client can meet is one variant with one HTTP
//! status; the body is always `insieme_api::ErrorBody` JSON with a stable code and a plain
//! Italian sentence (the browser shows the code's text in the reader's language). Internal
//! details are logged, never sent.

use axum::{
    Json,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use insieme_api::{ErrorBody, ErrorCode, FieldError};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// At most this many field problems are listed in one answer (the first ones, in form order).
pub const MAX_FIELD_ERRORS: usize = 50;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// 400: the request cannot be read (malformed JSON, wrong types).
    #[error("bad request: {0}")]
    BadRequest(String),
    /// 404: no such resource or route.
    #[error("not found")]
    NotFound,
    /// 409: an application id already used for other content.
    #[error("conflict")]
    Conflict,
    /// 409: the application changed between reading and writing (another correction, a
    /// partner's change of state): nothing was saved, the client reloads and decides again.
    #[error("changed meanwhile")]
    ChangedMeanwhile,
    /// 401: the back office needs a valid session (none, signed out, expired, disabled account).
    #[error("not signed in")]
    NotSignedIn,
    /// 401: wrong e-mail, password or one-time code; never says which.
    #[error("login failed")]
    LoginFailed,
    /// 401: right e-mail and password; the account's authenticator code is missing.
    #[error("second factor required")]
    SecondFactorRequired,
    /// 403: this session may only enrol an authenticator app (the role requires one).
    #[error("second factor enrolment required")]
    SecondFactorEnrolmentRequired,
    /// 403: signed in but this role may not do this, or a state-changing request from another site.
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    /// 409: the workflow does not allow this action now, for this role (workflows.toml).
    #[error("transition not allowed: {0}")]
    TransitionNotAllowed(String),
    /// 409: someone else holds the application.
    #[error("held by someone else")]
    HeldBySomeoneElse,
    /// 429: too many submissions from one address; retry after the given seconds.
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    /// 415: the body is not declared as JSON.
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// 422: the body is JSON but some fields are invalid; each is named with its problem.
    #[error("unprocessable: {0:?}")]
    Unprocessable(Vec<FieldError>),
    /// 503: the database does not answer or refused the work (every database error is this one
    /// status: the request can be retried, and a retried submission is idempotent), or the
    /// request took longer than `IPL_REQUEST_TIMEOUT_SECS`.
    #[error("service unavailable: {0}")]
    Unavailable(String),
    /// 500: anything unexpected; the cause is logged, the client gets a generic sentence.
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<sqlx::Error> for Error {
    fn from(error: sqlx::Error) -> Self {
        Self::Unavailable(format!("database: {error}"))
    }
}

impl Error {
    fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Conflict | Self::ChangedMeanwhile | Self::TransitionNotAllowed(_) | Self::HeldBySomeoneElse => {
                StatusCode::CONFLICT
            }
            Self::NotSignedIn | Self::LoginFailed | Self::SecondFactorRequired => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) | Self::SecondFactorEnrolmentRequired => StatusCode::FORBIDDEN,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        match &self {
            Self::Internal(_) | Self::Unavailable(_) => tracing::error!(error = %self, "request failed"),
            _ => tracing::debug!(error = %self, "request refused"),
        }
        let status = self.status();
        let retry_after = match &self {
            Self::TooManyRequests { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        };
        let body = match self {
            Self::ChangedMeanwhile => ErrorBody::new(
                ErrorCode::ChangedMeanwhile,
                "La domanda è cambiata nel frattempo: ricarica la pagina e riprova.",
            ),
            Self::NotSignedIn => ErrorBody::new(ErrorCode::NotSignedIn, "Accedi per continuare."),
            Self::LoginFailed => ErrorBody::new(ErrorCode::LoginFailed, "E-mail, password o codice non corretti."),
            Self::Forbidden(_) => ErrorBody::new(ErrorCode::Forbidden, "Non puoi fare questa operazione."),
            Self::SecondFactorRequired => ErrorBody::new(
                ErrorCode::SecondFactorRequired,
                "Scrivi il codice di sei cifre che mostra l'app di autenticazione.",
            ),
            Self::SecondFactorEnrolmentRequired => ErrorBody::new(
                ErrorCode::SecondFactorEnrolmentRequired,
                "Prima di continuare collega un'app di autenticazione al tuo account.",
            ),
            Self::TransitionNotAllowed(_) => ErrorBody::new(
                ErrorCode::TransitionNotAllowed,
                "Questo passaggio non è previsto nello stato attuale della domanda.",
            ),
            Self::HeldBySomeoneElse => {
                ErrorBody::new(ErrorCode::HeldBySomeoneElse, "La domanda è in carico a un'altra persona.")
            }
            Self::Unprocessable(mut fields) => {
                // A body made of thousands of bad values must not get an answer larger still.
                fields.truncate(MAX_FIELD_ERRORS);
                body_for(status).with_fields(fields)
            }
            Self::BadRequest(problem) => {
                body_for(status).with_fields(vec![FieldError { field: "(document)".to_owned(), problem }])
            }
            _ => body_for(status),
        };
        let mut response = (status, Json(body)).into_response();
        if let Some(seconds) = retry_after {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// The public body for an error status: a stable code and a sentence that reveals nothing inside.
pub fn body_for(status: StatusCode) -> ErrorBody {
    let (code, message) = match status {
        StatusCode::BAD_REQUEST => (ErrorCode::BadRequest, "La richiesta non è leggibile."),
        StatusCode::UNAUTHORIZED => (ErrorCode::NotSignedIn, "Accedi per continuare."),
        StatusCode::FORBIDDEN => (ErrorCode::Forbidden, "Non puoi fare questa operazione."),
        StatusCode::NOT_FOUND => (ErrorCode::NotFound, "Risorsa non trovata."),
        StatusCode::PAYLOAD_TOO_LARGE => (ErrorCode::PayloadTooLarge, "I dati inviati sono troppo grandi."),
        StatusCode::CONFLICT => (
            ErrorCode::Conflict,
            "Questo numero di domanda è già stato usato per dati diversi: ricarica la pagina e riprova.",
        ),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            (ErrorCode::UnsupportedMediaType, "I dati devono essere inviati in formato JSON.")
        }
        StatusCode::UNPROCESSABLE_ENTITY => (ErrorCode::Unprocessable, "Alcuni dati non sono validi."),
        StatusCode::TOO_MANY_REQUESTS => (ErrorCode::TooManyRequests, "Troppe richieste: riprova tra qualche minuto."),
        StatusCode::REQUEST_TIMEOUT | StatusCode::GATEWAY_TIMEOUT => {
            (ErrorCode::Timeout, "La richiesta ha impiegato troppo tempo: riprova.")
        }
        StatusCode::SERVICE_UNAVAILABLE => {
            (ErrorCode::Unavailable, "Il servizio non è disponibile in questo momento: riprova più tardi.")
        }
        status if status.is_client_error() => (ErrorCode::BadRequest, "La richiesta non è valida."),
        _ => (ErrorCode::Internal, "Si è verificato un errore interno: riprova più tardi."),
    };
    ErrorBody::new(code, message)
}

/// Middleware: any error response that is not already our JSON (a rejection from an extractor,
/// a body-limit or timeout layer, a missing static file) becomes our JSON body, so that no
/// framework text or internal detail reaches a client.
pub async fn json_errors(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"application/json"));
    let own_page = response.extensions().get::<crate::web::OwnPage>().is_some();
    if (status.is_client_error() || status.is_server_error()) && !is_json && !own_page {
        let mut replaced = (status, Json(body_for(status))).into_response();
        // Keep headers that tell the client what to do next (e.g. Retry-After, Allow).
        for name in [header::RETRY_AFTER, header::ALLOW] {
            if let Some(value) = response.headers().get(&name) {
                replaced.headers_mut().insert(name, value.clone());
            }
        }
        replaced.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return replaced;
    }
    response
}
