//! The Italian codice fiscale of a person (16 characters): format, the date and sex it encodes,
//! and its control character, including "omocodia" codes where digits are replaced by letters.
//!
//! Source: D.M. 23 dicembre 1976 (Ministero delle Finanze), the algorithm of the control
//! character; omocodia substitutions L=0 M=1 N=2 P=3 Q=4 R=5 S=6 T=7 U=8 V=9 in positions
//! 7, 8, 10, 11, 13, 14, 15 (1-based), as applied by the Agenzia delle Entrate.

use crate::Problem;

const LENGTH: usize = 16;
/// 0-based positions that hold digits in a plain code (and letters in an omocodia code).
const DIGIT_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];
const OMOCODIA_LETTERS: &str = "LMNPQRSTUV";
const MONTH_LETTERS: &str = "ABCDEHLMPRST";
/// Values of characters in odd (1st, 3rd, ...) positions for the control character, indexed by
/// digit 0-9 or letter A-Z.
const ODD_VALUES: [u32; 26] =
    [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/// Checks a codice fiscale as typed (spaces and case do not matter) and returns it normalised
/// (upper case, no spaces).
pub fn check_codice_fiscale(value: &str) -> Result<String, Problem> {
    let code: String = value.chars().filter(|letter| !letter.is_whitespace()).collect::<String>().to_uppercase();
    if code.is_empty() {
        return Err(Problem::Missing);
    }
    if code.len() != LENGTH || !code.is_ascii() {
        return Err(Problem::Format);
    }
    let bytes = code.as_bytes();
    for (index, byte) in bytes.iter().enumerate() {
        let ok = if index == 15 || !DIGIT_POSITIONS.contains(&index) && index != 8 && index != 11 {
            byte.is_ascii_uppercase()
        } else if index == 8 {
            MONTH_LETTERS.as_bytes().contains(byte)
        } else if index == 11 {
            byte.is_ascii_uppercase()
        } else {
            byte.is_ascii_digit() || OMOCODIA_LETTERS.as_bytes().contains(byte)
        };
        if !ok {
            return Err(Problem::Format);
        }
    }
    check_encoded_date(bytes)?;
    if control_character(&bytes[..15]) != bytes[15] {
        return Err(Problem::CheckCharacter);
    }
    Ok(code)
}

/// The birth date a valid, normalised code encodes: (two-digit year, month, day of month).
pub fn encoded_birth(code: &str) -> Option<(u8, u8, u8)> {
    let bytes = code.as_bytes();
    if bytes.len() != LENGTH {
        return None;
    }
    let number =
        |first: usize| -> Option<u32> { Some(digit_value(bytes[first])? * 10 + digit_value(bytes[first + 1])?) };
    let year = number(6)?;
    let day = number(9)?;
    let day = if day > 40 { day - 40 } else { day };
    let month = MONTH_LETTERS.bytes().position(|letter| letter == bytes[8])? + 1;
    Some((year as u8, month as u8, day as u8))
}

/// The digit an omocodia letter stands for, or the digit itself.
fn digit_value(byte: u8) -> Option<u32> {
    if byte.is_ascii_digit() {
        return Some(u32::from(byte - b'0'));
    }
    OMOCODIA_LETTERS.bytes().position(|letter| letter == byte).map(|position| position as u32)
}

/// The day of birth (41-71 for women) must exist in the encoded month (29 February is allowed:
/// the year has only two digits).
fn check_encoded_date(bytes: &[u8]) -> Result<(), Problem> {
    let number =
        |first: usize| -> Option<u32> { Some(digit_value(bytes[first])? * 10 + digit_value(bytes[first + 1])?) };
    let day = number(9).ok_or(Problem::Format)?;
    let day = if day > 40 { day - 40 } else { day };
    let month = MONTH_LETTERS.bytes().position(|letter| letter == bytes[8]).ok_or(Problem::Format)? + 1;
    let days_in_month = match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day == 0 || day > days_in_month {
        return Err(Problem::ImpossibleDate);
    }
    Ok(())
}

/// The control character of the first 15 characters (upper case letters and digits), as the
/// 16th: for making valid codes, e.g. the sample applications of the demo.
pub fn control_character(first_fifteen: &[u8]) -> u8 {
    let sum: u32 = first_fifteen
        .iter()
        .enumerate()
        .map(|(index, byte)| {
            let position = if byte.is_ascii_digit() { usize::from(byte - b'0') } else { usize::from(byte - b'A') };
            if index % 2 == 0 {
                // 1st, 3rd, ... characters (odd positions counting from 1).
                ODD_VALUES[position]
            } else {
                position as u32
            }
        })
        .sum();
    b'A' + (sum % 26) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    // Codes built with the official algorithm for invented people.
    const VALID: [&str; 3] = ["RSSMRA85T10A562S", "BNCLRA91E70A944G", "VRDGPP80A01H501U"];

    #[test]
    fn valid_codes_pass_in_any_case_and_spacing() {
        for code in VALID {
            assert_eq!(check_codice_fiscale(code), Ok(code.to_owned()), "{code}");
            let spaced = format!(" {} {} ", code[..6].to_lowercase(), &code[6..]);
            assert_eq!(check_codice_fiscale(&spaced), Ok(code.to_owned()), "{spaced}");
        }
    }

    #[test]
    fn a_wrong_control_character_is_caught() {
        assert_eq!(check_codice_fiscale("RSSMRA85T10A562T"), Err(Problem::CheckCharacter));
    }

    #[test]
    fn omocodia_codes_are_accepted_with_their_own_control_character() {
        // RSSMRA85T10A562S with its last digit 2 written N; control character computed apart.
        assert_eq!(check_codice_fiscale("RSSMRA85T10A56NH"), Ok("RSSMRA85T10A56NH".to_owned()));
        assert_eq!(check_codice_fiscale("RSSMRA85T10A56NS"), Err(Problem::CheckCharacter));
        // Omocodia letters in the day: 10 written ML.
        assert!(check_codice_fiscale("RSSMRA85TMLA562S").is_err_and(|problem| problem == Problem::CheckCharacter));
    }

    #[test]
    fn shapes_and_dates_are_checked() {
        assert_eq!(check_codice_fiscale(""), Err(Problem::Missing));
        assert_eq!(check_codice_fiscale("RSSMRA85T10A562"), Err(Problem::Format));
        assert_eq!(check_codice_fiscale("RSSMRA85Z10A562S"), Err(Problem::Format), "Z is no month letter");
        assert_eq!(check_codice_fiscale("R5SMRA85T10A562S"), Err(Problem::Format), "a digit among the name letters");
        assert_eq!(check_codice_fiscale("RSSMRA85B31A562S"), Err(Problem::ImpossibleDate), "31 February");
        assert_eq!(check_codice_fiscale("RSSMRA85T00A562S"), Err(Problem::ImpossibleDate));
    }
}
