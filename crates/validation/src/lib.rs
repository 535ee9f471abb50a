//! Field checks shared by the browser and the server, so that a person sees the same verdict
//! while typing as the server gives on submission. Each check returns the normalised value or
//! a stable problem code; the browser turns the code into a sentence in the person's language.

pub mod application;
pub mod checker;
pub mod codice_fiscale;
pub mod contact;

use serde::{Deserialize, Serialize};

pub use application::{Context, FieldProblem, OpenCall, check_submission};
pub use checker::Checker;
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
    /// A date that has not come yet where a past one is needed (a birth date).
    FutureDate,
    /// A date already gone where a future one is needed (the end of an opportunity).
    PastDate,
    /// An end date before its start date.
    BeforeStart,
    /// A comune outside the Città metropolitana di Bologna.
    NotInTerritory,
    /// A value that is not one of the choices offered.
    UnknownChoice,
    /// A number outside the accepted range.
    OutOfRange,
    /// Neither a phone number nor an email address: we need one to reach the person.
    ContactNeeded,
    /// A required consent was not given.
    ConsentNeeded,
    /// A section this channel does not collect (we ask only what the spec lists).
    NotForChannel,
    /// The call is unknown, closed or not yet open.
    CallNotOpen,
    /// The codice fiscale encodes another birth date than the one given.
    BirthDateMismatch,
    /// A sensitive item answered without the explicit consent (GDPR art. 9(2)(a)).
    SensitiveWithoutConsent,
}

impl Problem {
    /// The stable code, as it travels in JSON and names the message in the locale files.
    pub fn code(self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::TooLong => "too_long",
            Self::Format => "format",
            Self::CheckCharacter => "check_character",
            Self::ImpossibleDate => "impossible_date",
            Self::FutureDate => "future_date",
            Self::PastDate => "past_date",
            Self::BeforeStart => "before_start",
            Self::NotInTerritory => "not_in_territory",
            Self::UnknownChoice => "unknown_choice",
            Self::OutOfRange => "out_of_range",
            Self::ContactNeeded => "contact_needed",
            Self::ConsentNeeded => "consent_needed",
            Self::NotForChannel => "not_for_channel",
            Self::CallNotOpen => "call_not_open",
            Self::BirthDateMismatch => "birth_date_mismatch",
            Self::SensitiveWithoutConsent => "sensitive_without_consent",
        }
    }

    pub const ALL: [Problem; 17] = [
        Self::Missing,
        Self::TooLong,
        Self::Format,
        Self::CheckCharacter,
        Self::ImpossibleDate,
        Self::FutureDate,
        Self::PastDate,
        Self::BeforeStart,
        Self::NotInTerritory,
        Self::UnknownChoice,
        Self::OutOfRange,
        Self::ContactNeeded,
        Self::ConsentNeeded,
        Self::NotForChannel,
        Self::CallNotOpen,
        Self::BirthDateMismatch,
        Self::SensitiveWithoutConsent,
    ];
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
    fn every_problem_code_is_its_serde_name() {
        for problem in Problem::ALL {
            assert_eq!(serde_json::to_value(problem).expect("serialises"), problem.code());
        }
    }

    #[test]
    fn text_is_trimmed_and_bounded() {
        assert_eq!(check_text("  Maria  ", 10), Ok("Maria".to_owned()));
        assert_eq!(check_text("   ", 10), Err(Problem::Missing));
        assert_eq!(check_text("àèìòù àèìòù", 10), Err(Problem::TooLong));
        assert_eq!(check_text("àèìòù", 5), Ok("àèìòù".to_owned()));
    }
}
