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

/// `GET /api/access-points`: the desks as administrators keep them. Parsed by the browser's own
/// JSON reader, without the error body's types: the self-check shows these on its result and its
/// first load has little room (a serde reader cost 0.7 KB there); callers only need "the list,
/// or not now".
pub async fn access_points() -> Result<Vec<insieme_api::AccessPointView>, ApiError> {
    let text = text_of(paths::ACCESS_POINTS).await?;
    let list = js_sys::JSON::parse(&text).ok().filter(js_sys::Array::is_array).ok_or(ApiError::UnexpectedBody)?;
    let field = |point: &wasm_bindgen::JsValue, name: &str| js_sys::Reflect::get(point, &name.into()).ok()?.as_string();
    js_sys::Array::from(&list)
        .iter()
        .map(|point| {
            Some(insieme_api::AccessPointView {
                id: field(&point, "id")?,
                name: field(&point, "name")?,
                comune: field(&point, "comune")?,
                address: field(&point, "address")?,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or(ApiError::UnexpectedBody)
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

/// `POST /api/feedback/accessibility`: the same report may be sent again safely.
pub async fn send_accessibility_feedback(
    feedback: &insieme_api::AccessibilityFeedback,
) -> Result<insieme_api::FeedbackReceipt, ApiError> {
    post(paths::ACCESSIBILITY_FEEDBACK, feedback).await
}

/// `POST /api/applications/correction`
pub async fn correct_application(correction: &Correction) -> Result<StatusView, ApiError> {
    post(paths::APPLICATION_CORRECTION, correction).await
}

/// The back office: sign in, who am I, sign out. The session cookie is HttpOnly: this code never
/// sees it, the browser sends it with each request to `/api/back-office`.
pub mod back_office {
    use gloo_net::http::Request;
    use insieme_api::{
        back_office::{
            AccountChange, AccountView, ActionRequest, Assignment, AuditEntry, AuditQuery, BulkAssignment,
            BulkAssignmentResult, CaseView, CreatedAccount, Login, Me, MissedInterview, NewAccountRequest, NewNote,
            NewPlace, OneTimePassword, Place, PlaceActive, PlaceChange, Places, QueuePage, QueueQuery,
            SecondFactorCode, SecondFactorEnrolment,
        },
        paths,
    };

    use super::{ApiError, json, post, put};

    pub async fn sign_in(login: &Login) -> Result<Me, ApiError> {
        post(paths::BACK_OFFICE_SESSION, login).await
    }

    /// `Err(Server { status: 401, .. })` when nobody is signed in.
    pub async fn me() -> Result<Me, ApiError> {
        let response = Request::get(paths::BACK_OFFICE_SESSION).send().await.map_err(|_| ApiError::Network)?;
        json(response).await
    }

    pub async fn sign_out() -> Result<(), ApiError> {
        let response = Request::delete(paths::BACK_OFFICE_SESSION).send().await.map_err(|_| ApiError::Network)?;
        if response.ok() { Ok(()) } else { json::<()>(response).await }
    }

    /// A new authenticator secret, kept aside on the server until [`confirm_second_factor`].
    pub async fn begin_second_factor() -> Result<SecondFactorEnrolment, ApiError> {
        post(paths::BACK_OFFICE_SECOND_FACTOR, &()).await
    }

    pub async fn confirm_second_factor(code: &SecondFactorCode) -> Result<Me, ApiError> {
        let request =
            Request::put(paths::BACK_OFFICE_SECOND_FACTOR).json(code).map_err(|_| ApiError::UnexpectedBody)?;
        json(request.send().await.map_err(|_| ApiError::Network)?).await
    }

    /// The queue's filters as query parameters (empty ones left out).
    fn query_pairs(query: &QueueQuery) -> Vec<(&'static str, String)> {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(channel) = query.channel {
            pairs.push(("channel", channel.code().to_owned()));
        }
        if let Some(state) = query.state {
            pairs.push(("state", state.code()));
        }
        for (name, value) in [
            ("area", &query.area),
            ("assignee", &query.assignee),
            ("q", &query.q),
            ("sort", &query.sort),
            ("after", &query.after),
        ] {
            if let Some(value) = value.as_ref().filter(|value| !value.is_empty()) {
                pairs.push((name, value.clone()));
            }
        }
        if query.overdue == Some(true) {
            pairs.push(("overdue", "true".to_owned()));
        }
        pairs
    }

    pub async fn queue(query: &QueueQuery) -> Result<QueuePage, ApiError> {
        let pairs = query_pairs(query);
        let response = Request::get(paths::BACK_OFFICE_APPLICATIONS)
            .query(pairs.iter().map(|(name, value)| (*name, value.as_str())))
            .send()
            .await
            .map_err(|_| ApiError::Network)?;
        json(response).await
    }

    /// Where the browser downloads the queue with these filters as a CSV file or an XLSX workbook
    /// (a plain link: the session cookie goes with it, and the server records the export).
    pub fn export_url(query: &QueueQuery, workbook: bool) -> String {
        let parameters: Vec<String> = query_pairs(query)
            .into_iter()
            .filter(|(name, _)| *name != "after")
            .map(|(name, value)| format!("{name}={}", js_sys::encode_uri_component(&value)))
            .collect();
        let path = if workbook { paths::BACK_OFFICE_EXPORT_XLSX } else { paths::BACK_OFFICE_EXPORT };
        if parameters.is_empty() { path.to_owned() } else { format!("{path}?{}", parameters.join("&")) }
    }

    pub async fn case(reference: &str) -> Result<CaseView, ApiError> {
        let response =
            Request::get(&paths::back_office_case(reference, "")).send().await.map_err(|_| ApiError::Network)?;
        json(response).await
    }

    pub async fn act(reference: &str, request: &ActionRequest) -> Result<CaseView, ApiError> {
        post(&paths::back_office_case(reference, "actions"), request).await
    }

    /// Several applications to one person; what became of each.
    pub async fn assign_many(request: &BulkAssignment) -> Result<BulkAssignmentResult, ApiError> {
        post(paths::BACK_OFFICE_ASSIGNMENTS, request).await
    }

    pub async fn assign(reference: &str, request: &Assignment) -> Result<CaseView, ApiError> {
        post(&paths::back_office_case(reference, "assignment"), request).await
    }

    pub async fn missed_interview(reference: &str, request: &MissedInterview) -> Result<CaseView, ApiError> {
        post(&paths::back_office_case(reference, "missed-interview"), request).await
    }

    pub async fn note(reference: &str, note: &NewNote) -> Result<CaseView, ApiError> {
        post(&paths::back_office_case(reference, "notes"), note).await
    }

    /// A new account (administrators); its one-time password is in the answer, once.
    pub async fn create_account(request: &NewAccountRequest) -> Result<CreatedAccount, ApiError> {
        post(paths::BACK_OFFICE_ACCOUNTS, request).await
    }

    /// A new name, role or place for an account (administrators).
    pub async fn change_account(id: &str, change: &AccountChange) -> Result<AccountView, ApiError> {
        put(&paths::BACK_OFFICE_ACCOUNT.replace("{id}", id), change).await
    }

    /// Disables or enables an account (administrators).
    pub async fn set_account_enabled(id: &str, enabled: bool) -> Result<(), ApiError> {
        let path = if enabled { paths::BACK_OFFICE_ACCOUNT_ENABLE } else { paths::BACK_OFFICE_ACCOUNT_DISABLE };
        let response = Request::post(&path.replace("{id}", id)).send().await.map_err(|_| ApiError::Network)?;
        if response.ok() { Ok(()) } else { json::<()>(response).await }
    }

    /// A new one-time password for an account (administrators); shown once.
    pub async fn reset_password(id: &str) -> Result<OneTimePassword, ApiError> {
        post(&paths::BACK_OFFICE_ACCOUNT_PASSWORD_RESET.replace("{id}", id), &()).await
    }

    /// Removes an account's authenticator so that it enrols again (administrators).
    pub async fn reset_second_factor(id: &str) -> Result<(), ApiError> {
        let path = paths::BACK_OFFICE_ACCOUNT_SECOND_FACTOR.replace("{id}", id);
        let response = Request::delete(&path).send().await.map_err(|_| ApiError::Network)?;
        if response.ok() { Ok(()) } else { json::<()>(response).await }
    }

    /// The accessibility reports, newest first (administrators).
    pub async fn accessibility_feedback() -> Result<Vec<insieme_api::FeedbackView>, ApiError> {
        let response =
            Request::get(paths::BACK_OFFICE_ACCESSIBILITY_FEEDBACK).send().await.map_err(|_| ApiError::Network)?;
        json(response).await
    }

    /// The audit log, newest first, 100 at a time (administrators).
    pub async fn audit(query: &AuditQuery) -> Result<Vec<AuditEntry>, ApiError> {
        let mut pairs: Vec<(&str, String)> =
            [("actor", &query.actor), ("application", &query.application), ("from", &query.from), ("to", &query.to)]
                .into_iter()
                .filter_map(|(name, value)| {
                    value.clone().filter(|value| !value.trim().is_empty()).map(|value| (name, value))
                })
                .collect();
        if let Some(before) = query.before {
            pairs.push(("before", before.to_string()));
        }
        let response = Request::get(paths::BACK_OFFICE_AUDIT)
            .query(pairs.iter().map(|(name, value)| (*name, value.as_str())))
            .send()
            .await
            .map_err(|_| ApiError::Network)?;
        json(response).await
    }

    /// A new organisation or access point (administrators).
    pub async fn create_place(place: &NewPlace) -> Result<Place, ApiError> {
        post(paths::BACK_OFFICE_PLACES, place).await
    }

    /// Renames an organisation or access point, or moves an access point (administrators).
    pub async fn change_place(kind: &str, id: &str, change: &PlaceChange) -> Result<Place, ApiError> {
        put(&paths::BACK_OFFICE_PLACE.replace("{kind}", kind).replace("{id}", id), change).await
    }

    /// Opens or closes an organisation or access point (administrators).
    pub async fn set_place_active(kind: &str, id: &str, active: bool) -> Result<(), ApiError> {
        let path = paths::BACK_OFFICE_PLACE_ACTIVE.replace("{kind}", kind).replace("{id}", id);
        let request = Request::put(&path).json(&PlaceActive { active }).map_err(|_| ApiError::UnexpectedBody)?;
        let response = request.send().await.map_err(|_| ApiError::Network)?;
        if response.ok() { Ok(()) } else { json::<()>(response).await }
    }

    pub async fn places() -> Result<Places, ApiError> {
        let response = Request::get(paths::BACK_OFFICE_PLACES).send().await.map_err(|_| ApiError::Network)?;
        json(response).await
    }

    pub async fn accounts() -> Result<Vec<AccountView>, ApiError> {
        let response = Request::get(paths::BACK_OFFICE_ACCOUNTS).send().await.map_err(|_| ApiError::Network)?;
        json(response).await
    }
}

async fn post<T: serde::Serialize, R: DeserializeOwned>(path: &str, body: &T) -> Result<R, ApiError> {
    let request = Request::post(path).json(body).map_err(|_| ApiError::UnexpectedBody)?;
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    json(response).await
}

async fn put<T: serde::Serialize, R: DeserializeOwned>(path: &str, body: &T) -> Result<R, ApiError> {
    let request = Request::put(path).json(body).map_err(|_| ApiError::UnexpectedBody)?;
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    json(response).await
}

/// `GET /locales/<code>.json`: the texts of one language, fetched once when it is chosen.
pub async fn locale_texts(code: &str) -> Result<String, ApiError> {
    text_of(&format!("/locales/{code}.json")).await
}

/// The body of a successful `GET` as text.
async fn text_of(path: &str) -> Result<String, ApiError> {
    let response = Request::get(path).send().await.map_err(|_| ApiError::Network)?;
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
