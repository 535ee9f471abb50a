//! The only module that talks HTTP: one async fn per endpoint, typed with `insieme_api`.

use gloo_net::http::{Request, Response};
use insieme_api::{ErrorBody, ErrorCode, TerritoryView, paths};
use serde::de::DeserializeOwned;

/// Why a call to the server did not give what was asked.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The server could not be reached (offline, DNS, connection refused).
    Network,
    /// The server answered with an error; `code` says which, for a translated message.
    Server { status: u16, code: ErrorCode },
    /// The server answered 2xx with a body this build does not understand.
    UnexpectedBody,
}

/// `GET /api/territory`
pub async fn territory() -> Result<TerritoryView, ApiError> {
    let response = Request::get(paths::TERRITORY).send().await.map_err(|_| ApiError::Network)?;
    json(response).await
}

/// `GET /locales/<code>.json`: the texts of one language, fetched once when it is chosen.
pub async fn locale_texts(code: &str) -> Result<String, ApiError> {
    let response = Request::get(&format!("/locales/{code}.json")).send().await.map_err(|_| ApiError::Network)?;
    if !response.ok() {
        return Err(ApiError::Server { status: response.status(), code: ErrorCode::NotFound });
    }
    response.text().await.map_err(|_| ApiError::UnexpectedBody)
}

async fn json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if response.ok() {
        return response.json::<T>().await.map_err(|_| ApiError::UnexpectedBody);
    }
    let status = response.status();
    let code = match response.json::<ErrorBody>().await {
        Ok(body) => body.error.code,
        Err(_) => ErrorCode::Internal,
    };
    Err(ApiError::Server { status, code })
}
