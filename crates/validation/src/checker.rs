//! The `Checker`: collects every problem of a form while each field is checked and normalised,
//! so that one pass reports them all with their field paths.

use insieme_rules::{ComuneLookup, Date, Territory};

use crate::{FieldProblem, Problem, check_email, check_long_text, check_phone, check_text};

/// Collects problems while checking; each check returns the normalised value or records why not.
#[derive(Debug, Default)]
pub struct Checker {
    pub problems: Vec<FieldProblem>,
}

impl Checker {
    pub fn fail(&mut self, field: &str, problem: Problem) {
        self.problems.push(FieldProblem { field: field.to_owned(), problem });
    }

    /// The value of a check, or an empty text with the problem recorded.
    pub fn take(&mut self, field: &str, result: Result<String, Problem>) -> String {
        result.unwrap_or_else(|problem| {
            self.fail(field, problem);
            String::new()
        })
    }

    pub fn text(&mut self, field: &str, value: &str, max: usize) -> String {
        self.take(field, check_text(value, max))
    }

    /// A text of several lines (line breaks kept).
    pub fn long_text(&mut self, field: &str, value: &str, max: usize) -> String {
        self.take(field, check_long_text(value, max))
    }

    /// A text that may be left empty.
    pub fn optional_text(&mut self, field: &str, value: &str, max: usize) -> String {
        if value.trim().is_empty() { String::new() } else { self.text(field, value, max) }
    }

    /// One of the codes offered.
    pub fn choice(&mut self, field: &str, value: &str, allowed: &[&str]) -> String {
        let value = value.trim();
        if value.is_empty() {
            self.fail(field, Problem::Missing);
        } else if !allowed.contains(&value) {
            self.fail(field, Problem::UnknownChoice);
        }
        value.to_owned()
    }

    /// A whole number typed by a person ("1.500", "1500", "1 500"), within `min..=max`.
    pub fn whole_number(&mut self, field: &str, value: &str, min: u64, max: u64) -> String {
        let result = parse_whole_number(value).and_then(|number| {
            if (min..=max).contains(&number) { Ok(number.to_string()) } else { Err(Problem::OutOfRange) }
        });
        self.take(field, result)
    }

    pub fn date(&mut self, field: &str, value: &str) -> Option<Date> {
        let value = value.trim();
        if value.is_empty() {
            self.fail(field, Problem::Missing);
            return None;
        }
        match value.parse::<Date>() {
            Ok(date) => Some(date),
            Err(_) => {
                // Right shape but no such day (31 April) reads differently from nonsense.
                let shaped = value.len() == 10
                    && value.chars().enumerate().all(|(index, letter)| match index {
                        4 | 7 => letter == '-',
                        _ => letter.is_ascii_digit(),
                    });
                self.fail(field, if shaped { Problem::ImpossibleDate } else { Problem::Format });
                None
            }
        }
    }

    /// A comune of the Città metropolitana, returned in its official spelling.
    pub fn comune(&mut self, field: &str, value: &str) -> String {
        if value.trim().is_empty() {
            self.fail(field, Problem::Missing);
            return String::new();
        }
        match Territory::embedded().lookup_comune(value) {
            ComuneLookup::Found { comune, .. } => comune,
            ComuneLookup::NotInTerritory { .. } => {
                self.fail(field, Problem::NotInTerritory);
                value.trim().to_owned()
            }
        }
    }

    /// Phone and email, at least one of them.
    pub fn contact(&mut self, prefix: &str, phone: &str, email: &str) -> (String, String) {
        if phone.trim().is_empty() && email.trim().is_empty() {
            self.fail(&format!("{prefix}phone"), Problem::ContactNeeded);
            return (String::new(), String::new());
        }
        let phone = if phone.trim().is_empty() {
            String::new()
        } else {
            self.take(&format!("{prefix}phone"), check_phone(phone))
        };
        let email = if email.trim().is_empty() {
            String::new()
        } else {
            self.take(&format!("{prefix}email"), check_email(email))
        };
        (phone, email)
    }
}

/// Reads a whole number as people type it: digits with optional spaces, dots or apostrophes as
/// thousands separators, and an optional "€".
pub fn parse_whole_number(value: &str) -> Result<u64, Problem> {
    let cleaned: String =
        value.trim().trim_start_matches('€').trim_end_matches('€').chars().filter(|c| !" .'’".contains(*c)).collect();
    if cleaned.is_empty() {
        return Err(Problem::Missing);
    }
    if !cleaned.chars().all(|letter| letter.is_ascii_digit()) {
        return Err(Problem::Format);
    }
    cleaned.parse::<u64>().map_err(|_| Problem::OutOfRange)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_as_people_type_them() {
        for (typed, expected) in
            [("1.500", Ok(1500)), ("1 500 €", Ok(1500)), ("€40'000", Ok(40_000)), ("", Err(Problem::Missing))]
        {
            assert_eq!(parse_whole_number(typed), expected, "{typed}");
        }
        assert_eq!(parse_whole_number("mille"), Err(Problem::Format));
        assert_eq!(parse_whole_number("1,5"), Err(Problem::Format));
    }

    #[test]
    fn a_date_of_the_right_shape_that_does_not_exist_is_told_apart_from_nonsense() {
        let mut checker = Checker::default();
        assert_eq!(checker.date("a", "2026-02-29"), None);
        assert_eq!(checker.date("b", "29/02/2026"), None);
        assert!(checker.date("c", "2024-02-29").is_some());
        let problems: Vec<Problem> = checker.problems.iter().map(|problem| problem.problem).collect();
        assert_eq!(problems, [Problem::ImpossibleDate, Problem::Format]);
    }

    #[test]
    fn a_comune_is_found_in_any_spelling_and_refused_outside_the_territory() {
        let mut checker = Checker::default();
        assert_eq!(checker.comune("c", "castello d argile"), "Castello d'Argile");
        checker.comune("d", "Milano");
        assert_eq!(checker.problems, [FieldProblem { field: "d".to_owned(), problem: Problem::NotInTerritory }]);
    }

    #[test]
    fn contact_needs_a_phone_or_an_email_and_checks_each() {
        let mut checker = Checker::default();
        assert_eq!(checker.contact("p.", "051 1234567", ""), ("+390511234567".to_owned(), String::new()));
        checker.contact("q.", "", "");
        checker.contact("r.", "", "nobody@");
        let fields: Vec<(&str, Problem)> =
            checker.problems.iter().map(|problem| (problem.field.as_str(), problem.problem)).collect();
        assert_eq!(fields, [("q.phone", Problem::ContactNeeded), ("r.email", Problem::Format)]);
    }
}
