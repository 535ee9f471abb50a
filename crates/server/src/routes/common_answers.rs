//! The answers operations share, added to the OpenAPI document in one place (issue 11), so that
//! a client generated from the document knows every status it can meet: what the layers in
//! `lib.rs` answer for every route, what `json_body` answers for a bad body, the limits of
//! `rate_limit` and of the sign-in throttle, and the back office's sign-in and same-origin
//! checks. A test probes every operation and refuses a status the document does not list.

use insieme_api::paths;
use utoipa::openapi::{
    OpenApi, Ref, RefOr,
    content::Content,
    path::Operation,
    response::{Response, ResponseBuilder},
};

/// What any route may answer: a body over the size limit (every route, before it reads), an
/// unexpected error, and the time-out or an unavailable database.
const EVERY_ROUTE: [(u16, &str); 3] = [
    (413, "The body is larger than the server accepts"),
    (500, "Unexpected error (the log line carries the request id)"),
    (503, "The server could not answer in time, or cannot write now: try again later"),
];

/// What a route that reads a JSON body answers when the body does not fit (`json_body`).
const JSON_BODY: [(u16, &str); 3] = [
    (400, "Not one JSON document (problem `malformed_json`)"),
    (415, "The body is not declared as `application/json`"),
    (422, "Fields missing, unknown, of the wrong type or not valid, each named with a stable problem code"),
];

/// The answer of a limited route when the client sent too much (`Retry-After` says when to retry).
const LIMITED: (u16, &str) = (429, "Too many requests from this address: try again after `Retry-After` seconds");

/// Routes limited per client address, and the sign-in with its throttle of failed attempts.
const LIMITED_PATHS: [&str; 4] =
    [paths::APPLICATIONS, paths::APPLICATION_STATUS, paths::APPLICATION_CORRECTION, paths::BACK_OFFICE_SESSION];

/// What every back-office route answers without a valid session or permission, and to a change
/// sent from another site.
const BACK_OFFICE: [(u16, &str); 2] =
    [(401, "No valid session"), (403, "Not allowed for this role or organisation, or a change sent from another site")];

/// Adds the shared answers to every operation that does not describe them itself.
pub fn add_to(document: &mut OpenApi) {
    for (path, item) in &mut document.paths.paths {
        let operations = [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch];
        for operation in operations.into_iter().flatten() {
            add(operation, &EVERY_ROUTE);
            if operation.request_body.is_some() {
                add(operation, &JSON_BODY);
            }
            if LIMITED_PATHS.contains(&path.as_str()) {
                add(operation, &[LIMITED]);
            }
            if path.starts_with(paths::BACK_OFFICE_API_PREFIX) {
                add(operation, &BACK_OFFICE);
            }
        }
    }
}

fn add(operation: &mut Operation, answers: &[(u16, &str)]) {
    for (status, description) in answers {
        operation.responses.responses.entry(status.to_string()).or_insert_with(|| error_answer(description));
    }
}

/// An answer with the API's one error body.
fn error_answer(description: &str) -> RefOr<Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content("application/json", Content::new(Some(Ref::from_schema_name("ErrorBody"))))
            .build(),
    )
}
