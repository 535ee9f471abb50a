//! Reading JSON bodies the same way on every route: 415 unless declared as JSON; 400
//! (`malformed_json`) when the text is not one JSON document (bad syntax, or anything after it);
//! 422 naming the field with a stable problem code when the document is not an object
//! (`(document)`: `wrong_type`), a value has the wrong type (`wrong_type`), a field is unknown
//! (`unknown_field`) or missing (`missing`).

use axum::http::{HeaderMap, header};
use insieme_api::FieldError;
use serde::de::DeserializeOwned;

use crate::{Error, Result};

/// 415 unless the request says its body is JSON.
pub fn require_json(headers: &HeaderMap) -> Result<()> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media_type| media_type.trim().eq_ignore_ascii_case("application/json"));
    if is_json { Ok(()) } else { Err(Error::UnsupportedMediaType) }
}

/// The stable problem of a body that is not one JSON document.
pub const MALFORMED: &str = "malformed_json";

/// 400 unless `body` is exactly one JSON document; 422 unless that document is an object.
pub fn require_object(body: &[u8]) -> Result<()> {
    // `from_slice` reads the whole body: trailing characters after the document are an error.
    serde_json::from_slice::<serde::de::IgnoredAny>(body).map_err(|_| Error::BadRequest(MALFORMED.to_owned()))?;
    let first = body.iter().find(|byte| !byte.is_ascii_whitespace());
    if first != Some(&b'{') {
        return Err(Error::Unprocessable(vec![FieldError {
            field: "(document)".to_owned(),
            problem: "wrong_type".to_owned(),
        }]));
    }
    Ok(())
}

/// The body as `T`, with the path of the first field that does not fit.
pub fn parse<T: DeserializeOwned>(headers: &HeaderMap, body: &[u8]) -> Result<T> {
    require_json(headers)?;
    require_object(body)?;
    let deserializer = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        // The text was read as JSON above, so a "syntax" error here is serde_json's way of
        // saying that an enum got a value of another type (`"channel": 1`): a wrong type.
        if inner.is_syntax() || inner.is_eof() || inner.is_io() {
            let field = if path == "." || path == "?" { "(document)".to_owned() } else { path };
            return Error::Unprocessable(vec![FieldError { field, problem: "wrong_type".to_owned() }]);
        }
        let message = inner.to_string();
        let named = message.split('`').nth(1).unwrap_or_default();
        let (field, problem) = if message.starts_with("missing field") {
            (if path == "." { named.to_owned() } else { format!("{path}.{named}") }, "missing")
        } else if message.starts_with("unknown field") {
            (
                if path == "." || path.ends_with(named) {
                    path.trim_start_matches('.').to_owned()
                } else {
                    format!("{path}.{named}")
                },
                "unknown_field",
            )
        } else {
            (path, "wrong_type")
        };
        let field = if field.is_empty() || field == "." { named.to_owned() } else { field };
        Error::Unprocessable(vec![FieldError { field, problem: problem.to_owned() }])
    })
}
