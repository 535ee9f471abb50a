//! The accessibility report (`insieme_api::AccessibilityFeedback`): what is needed is the
//! message; where it happened and how to answer are optional, and checked when given.

use insieme_api::AccessibilityFeedback;

use crate::{Checker, FieldProblem, Problem, application::is_uuid, check_email, check_phone};

/// Longest message accepted (a few paragraphs).
pub const MESSAGE_MAX: usize = 2_000;
/// Longest "where" accepted.
pub const PAGE_MAX: usize = 200;

/// The report normalised, or every problem found, each naming its field.
pub fn check_accessibility_feedback(
    feedback: &AccessibilityFeedback,
) -> Result<AccessibilityFeedback, Vec<FieldProblem>> {
    let mut checker = Checker::default();
    let id = feedback.id.trim().to_ascii_lowercase();
    if !is_uuid(&id) {
        checker.fail("id", Problem::Format);
    }
    let language = feedback.language.trim().to_owned();
    if !insieme_api::LANGUAGES.contains(&language.as_str()) {
        checker.fail("language", Problem::UnknownChoice);
    }
    let message = checker.long_text("message", &feedback.message, MESSAGE_MAX);
    let page = checker.optional_text("page", &feedback.page, PAGE_MAX);
    let email = if feedback.email.trim().is_empty() {
        String::new()
    } else {
        checker.take("email", check_email(&feedback.email))
    };
    let phone = if feedback.phone.trim().is_empty() {
        String::new()
    } else {
        checker.take("phone", check_phone(&feedback.phone))
    };
    if checker.problems.is_empty() {
        Ok(AccessibilityFeedback { id, language, message, page, email, phone })
    } else {
        Err(checker.problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> AccessibilityFeedback {
        AccessibilityFeedback {
            id: "0f8fad5b-d9cb-469f-a165-70867728950e".to_owned(),
            language: "it".to_owned(),
            message: "  Il lettore di schermo non legge il pulsante Continua.  ".to_owned(),
            ..AccessibilityFeedback::default()
        }
    }

    #[test]
    fn a_message_is_enough_and_is_trimmed() {
        let checked = check_accessibility_feedback(&report()).expect("valid");
        assert_eq!(checked.message, "Il lettore di schermo non legge il pulsante Continua.");
    }

    #[test]
    fn each_problem_names_its_field() {
        let bad = AccessibilityFeedback {
            id: "x".to_owned(),
            language: "de".to_owned(),
            message: " ".to_owned(),
            page: "a\u{0}b".to_owned(),
            email: "mario@".to_owned(),
            phone: "call me".to_owned(),
        };
        let problems = check_accessibility_feedback(&bad).expect_err("invalid");
        let fields: Vec<(&str, Problem)> =
            problems.iter().map(|problem| (problem.field.as_str(), problem.problem)).collect();
        assert_eq!(
            fields,
            [
                ("id", Problem::Format),
                ("language", Problem::UnknownChoice),
                ("message", Problem::Missing),
                ("page", Problem::InvalidCharacters),
                ("email", Problem::Format),
                ("phone", Problem::Format),
            ]
        );
    }
}
