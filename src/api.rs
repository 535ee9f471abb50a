//! The only module that talks HTTP: one async fn per endpoint, typed with `insieme_api`.

use gloo_net::http::{Request, Response};
use insieme_api::{
    CallView, Correction, ErrorBody, ErrorCode, FieldError, Opportunity, Receipt, StatusQuery, StatusView, Submission,
    TerritoryView, paths,
};
use serde::de::DeserializeOwned;

/// Why a call to the server did not give what was asked.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The server could not be reached (offline, DNS, connection refused).
    Network,
    /// The server answered with an error; `code` says which, for a translated message, and
    /// `fields` which fields were refused.
    Server { status: u16, code: ErrorCode, fields: Vec<FieldError> },
    /// The server answered 2xx with a body this build does not understand.
    UnexpectedBody,
}

/// `GET /api/territory`
pub async fn territory() -> Result<TerritoryView, ApiError> {
    let response = Request::get(paths::TERRITORY).send().await.map_err(|_| ApiError::Network)?;
    json(response).await
}

/// `GET /api/calls`: the open calls of channel 3.
pub async fn calls() -> Result<Vec<CallView>, ApiError> {
    let response = Request::get(paths::CALLS).send().await.map_err(|_| ApiError::Network)?;
    json(response).await
}

/// `GET /api/opportunities`: community opportunities the networks supported.
pub async fn opportunities() -> Result<Vec<Opportunity>, ApiError> {
    let response = Request::get(paths::OPPORTUNITIES).send().await.map_err(|_| ApiError::Network)?;
    json(response).await
}

/// `POST /api/applications`: the answer comes once the application is stored; the same id
/// may be sent again safely.
pub async fn submit_application(submission: &Submission) -> Result<Receipt, ApiError> {
    post(paths::APPLICATIONS, submission).await
}

/// `POST /api/applications/status`
pub async fn application_status(query: &StatusQuery) -> Result<StatusView, ApiError> {
    post(paths::APPLICATION_STATUS, query).await
}

/// `POST /api/applications/correction`
pub async fn correct_application(correction: &Correction) -> Result<StatusView, ApiError> {
    post(paths::APPLICATION_CORRECTION, correction).await
}

async fn post<T: serde::Serialize, R: DeserializeOwned>(path: &str, body: &T) -> Result<R, ApiError> {
    let request = Request::post(path).json(body).map_err(|_| ApiError::UnexpectedBody)?;
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    json(response).await
}

/// `GET /locales/<code>.json`: the texts of one language, fetched once when it is chosen.
pub async fn locale_texts(code: &str) -> Result<String, ApiError> {
    let response = Request::get(&format!("/locales/{code}.json")).send().await.map_err(|_| ApiError::Network)?;
    if !response.ok() {
        return Err(ApiError::Server { status: response.status(), code: ErrorCode::NotFound, fields: Vec::new() });
    }
    response.text().await.map_err(|_| ApiError::UnexpectedBody)
}

async fn json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if response.ok() {
        return response.json::<T>().await.map_err(|_| ApiError::UnexpectedBody);
    }
    let status = response.status();
    let (code, fields) = match response.json::<ErrorBody>().await {
        Ok(body) => (body.error.code, body.error.fields),
        Err(_) => (ErrorCode::Internal, Vec::new()),
    };
    Err(ApiError::Server { status, code, fields })
}
