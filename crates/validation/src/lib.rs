//! Field checks shared by the browser and the server, so that a person sees the same verdict
//! while typing as the server gives on submission. Each check returns the normalised value or
//! a stable problem code; the browser turns the code into a sentence in the person's language.

pub mod application;
mod channel_details;
pub mod checker;
pub mod codice_fiscale;
pub mod contact;
pub mod correction;
pub mod feedback;

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
    /// Control characters, direction overrides, line breaks in a one-line answer, or nothing but
    /// invisible characters.
    InvalidCharacters,
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
    /// A desk that does not take this channel's interviews or people of this comune.
    NotServedHere,
}

impl Problem {
    /// The stable code, as it travels in JSON and names the message in the locale files.
    pub fn code(self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::TooLong => "too_long",
            Self::InvalidCharacters => "invalid_characters",
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
            Self::NotServedHere => "not_served_here",
        }
    }

    pub const ALL: [Problem; 19] = [
        Self::Missing,
        Self::TooLong,
        Self::InvalidCharacters,
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
        Self::NotServedHere,
    ];
}

/// A one-line text field (a name, a short answer): trimmed, not empty, at most `max_chars`
/// characters, no line breaks, no control or direction-override characters, not only
/// invisible characters.
pub fn check_text(value: &str, max_chars: usize) -> Result<String, Problem> {
    checked_text(value, max_chars, false)
}

/// A text of several lines (a description, a motivation): as [`check_text`], but line breaks
/// and tabs are kept (`\r\n` becomes `\n`).
pub fn check_long_text(value: &str, max_chars: usize) -> Result<String, Problem> {
    checked_text(value, max_chars, true)
}

fn checked_text(value: &str, max_chars: usize, multi_line: bool) -> Result<String, Problem> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Problem::Missing);
    }
    let allowed_control = |letter: char| multi_line && matches!(letter, '\n' | '\t' | '\r');
    if trimmed.chars().any(|letter| (is_forbidden(letter) || letter.is_control()) && !allowed_control(letter)) {
        return Err(Problem::InvalidCharacters);
    }
    if trimmed.chars().all(|letter| is_invisible(letter) || letter.is_whitespace()) {
        return Err(Problem::InvalidCharacters);
    }
    let text = if multi_line { trimmed.replace("\r\n", "\n").replace('\r', "\n") } else { trimmed.to_owned() };
    if text.chars().count() > max_chars {
        return Err(Problem::TooLong);
    }
    Ok(text)
}

/// Characters that change how the rest of a text is shown (bidirectional embeddings, overrides
/// and isolates: a name could be made to read backwards in a list), and the line and paragraph
/// separators. Never needed in an answer.
fn is_forbidden(letter: char) -> bool {
    matches!(letter, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// Characters that show nothing: zero-width spaces and joiners, word joiner, soft hyphen, the
/// byte-order mark, direction marks. Allowed inside a text (some scripts need joiners), but a
/// text made only of them is empty to a reader.
fn is_invisible(letter: char) -> bool {
    matches!(
        letter,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{3164}' | '\u{FEFF}'
            | '\u{FFA0}'
    )
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
    fn control_characters_overrides_and_invisible_only_texts_are_refused() {
        assert_eq!(check_text("Ma\u{0}rio", 80), Err(Problem::InvalidCharacters));
        assert_eq!(check_text("Mario\u{1b}[31m", 80), Err(Problem::InvalidCharacters));
        assert_eq!(check_text("Mario\nRossi", 80), Err(Problem::InvalidCharacters));
        assert_eq!(check_text("\u{202E}oiraM", 80), Err(Problem::InvalidCharacters));
        assert_eq!(check_text("\u{200B}\u{200B}\u{FEFF}", 80), Err(Problem::InvalidCharacters));
        assert_eq!(check_text("Ma\u{0085}rio", 80), Err(Problem::InvalidCharacters));
        // Joiners inside real words stay (Bengali, Urdu and emoji need them).
        assert_eq!(check_text("ক্\u{200D}ষ", 80), Ok("ক্\u{200D}ষ".to_owned()));
        assert_eq!(check_long_text("Prima riga\r\nseconda\triga", 80), Ok("Prima riga\nseconda\triga".to_owned()));
        assert_eq!(check_long_text("Testo\u{7}", 80), Err(Problem::InvalidCharacters));
    }

    #[test]
    fn text_is_trimmed_and_bounded() {
        assert_eq!(check_text("  Maria  ", 10), Ok("Maria".to_owned()));
        assert_eq!(check_text("   ", 10), Err(Problem::Missing));
        assert_eq!(check_text("àèìòù àèìòù", 10), Err(Problem::TooLong));
        assert_eq!(check_text("àèìòù", 5), Ok("àèìòù".to_owned()));
    }
}
