//! How a submission is kept in `applications.submission`: its own versioned shape, apart from
//! the wire type. The text is `{"shape": N, "submission": {...}}`; reading upgrades any older
//! shape step by step to the current one, so that changing `insieme_api::Submission` never
//! makes stored applications unreadable. When the wire type changes in a way old JSON no longer
//! fits, raise [`CURRENT_SHAPE`], write the upgrade from the previous shape in [`upgrade`], and
//! add a stored example of the previous shape to `tests/fixtures/stored/` (the test reads every
//! one of them).

use insieme_api::Submission;
use serde_json::{Value, json};

use crate::{Error, Result};

/// The shape written today.
pub const CURRENT_SHAPE: u64 = 1;

/// The stored text of a checked submission.
pub fn encode(submission: &Submission) -> Result<String> {
    let submission = serde_json::to_value(submission).map_err(|error| Error::Internal(error.to_string()))?;
    Ok(json!({ "shape": CURRENT_SHAPE, "submission": submission }).to_string())
}

/// The submission in a stored text of any shape this server has ever written.
pub fn decode(text: &str) -> Result<Submission> {
    let value = decode_value(text)?;
    serde_json::from_value(value).map_err(|error| Error::Internal(format!("stored submission unreadable: {error}")))
}

/// The submission as JSON in the current shape (for reading single fields by path).
pub fn decode_value(text: &str) -> Result<Value> {
    let stored: Value = serde_json::from_str(text)
        .map_err(|error| Error::Internal(format!("stored submission is not JSON: {error}")))?;
    upgrade(stored)
}

/// Brings a stored value up to the current shape.
fn upgrade(stored: Value) -> Result<Value> {
    // Shape 0 (until 2026-11-29): the wire `Submission` itself, with no envelope.
    let (mut shape, mut submission) = match stored.get("shape").and_then(Value::as_u64) {
        Some(shape) => (shape, stored.get("submission").cloned().unwrap_or(Value::Null)),
        None => (0, stored),
    };
    while shape < CURRENT_SHAPE {
        submission = match shape {
            // 0 -> 1: the same fields; only the envelope is new.
            0 => submission,
            _ => return Err(Error::Internal(format!("no upgrade from stored shape {shape}"))),
        };
        shape += 1;
    }
    if shape > CURRENT_SHAPE {
        return Err(Error::Internal(format!("stored shape {shape} is newer than this server")));
    }
    Ok(submission)
}
