//! Field checks shared by the browser and the server, so that a person sees the same verdict
//! while typing as the server gives on submission. Each check returns the normalised value or
//! a stable problem code; the browser turns the code into a sentence in the person's language.

pub mod codice_fiscale;
pub mod contact;

use serde::{Deserialize, Serialize};

pub use codice_fiscale::check_codice_fiscale;
pub use contact::{check_email, check_phone};

/// Why a field was refused: a stable code for the message, never a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// Nothing was typed where something is needed.
    Missing,
    /// Longer than the field allows.
    TooLong,
    /// Not of the expected shape (letters where digits go, wrong length, ...).
    Format,
    /// The shape is right but the control character does not match.
    CheckCharacter,
    /// A date inside the value does not exist.
    ImpossibleDate,
}

/// A text field: trimmed, not empty, at most `max_chars` characters.
pub fn check_text(value: &str, max_chars: usize) -> Result<String, Problem> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Problem::Missing);
    }
    if trimmed.chars().count() > max_chars {
        return Err(Problem::TooLong);
    }
    Ok(trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_bounded() {
        assert_eq!(check_text("  Maria  ", 10), Ok("Maria".to_owned()));
        assert_eq!(check_text("   ", 10), Err(Problem::Missing));
        assert_eq!(check_text("àèìòù àèìòù", 10), Err(Problem::TooLong));
        assert_eq!(check_text("àèìòù", 5), Ok("àèìòù".to_owned()));
    }
}
