//! Contact details: a phone number (Italian or international) and an email address, checked for
//! shape only; whether they reach the person is learnt by using them.

use crate::Problem;

/// Longest email address allowed by RFC 5321 (a path of 256 octets minus the angle brackets).
const EMAIL_MAX: usize = 254;

/// A phone number as people write it ("+39 051 123 4567", "333-1234567", "(051) 1234567"),
/// returned as `+` and digits. Without a country prefix it is taken as Italian (+39). E.164
/// allows at most 15 digits; Italian numbers have at least 6 after the prefix.
pub fn check_phone(value: &str) -> Result<String, Problem> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Problem::Missing);
    }
    if !trimmed.chars().all(|letter| letter.is_ascii_digit() || " +-./()".contains(letter)) {
        return Err(Problem::Format);
    }
    let international = trimmed.starts_with('+') || trimmed.starts_with("00");
    if trimmed.chars().skip(1).any(|letter| letter == '+') {
        return Err(Problem::Format);
    }
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    let digits = if trimmed.starts_with("00") { digits[2..].to_owned() } else { digits };
    let full = if international { digits } else { format!("39{digits}") };
    if !(8..=15).contains(&full.len()) {
        return Err(Problem::Format);
    }
    Ok(format!("+{full}"))
}

/// An email address of the usual shape `local@domain.tld`, trimmed and with the domain in lower
/// case.
pub fn check_email(value: &str) -> Result<String, Problem> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Problem::Missing);
    }
    if trimmed.len() > EMAIL_MAX {
        return Err(Problem::TooLong);
    }
    let Some((local, domain)) = trimmed.rsplit_once('@') else { return Err(Problem::Format) };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|letter| letter.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(letter));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|letter| letter.is_alphanumeric() || letter == '-')
        })
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    if local_ok && domain_ok { Ok(format!("{local}@{}", domain.to_lowercase())) } else { Err(Problem::Format) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_normalised_to_international_form() {
        assert_eq!(check_phone("+39 051 123 4567"), Ok("+390511234567".to_owned()));
        assert_eq!(check_phone("333-1234567"), Ok("+393331234567".to_owned()));
        assert_eq!(check_phone("(051) 1234567"), Ok("+390511234567".to_owned()));
        assert_eq!(check_phone("0040 721 234 567"), Ok("+40721234567".to_owned()));
        assert_eq!(check_phone(""), Err(Problem::Missing));
        assert_eq!(check_phone("051 abc"), Err(Problem::Format));
        assert_eq!(check_phone("12"), Err(Problem::Format));
        assert_eq!(check_phone("+39 051 + 1234567"), Err(Problem::Format));
        assert_eq!(check_phone("+1234567890123456"), Err(Problem::Format));
    }

    #[test]
    fn emails_have_a_local_part_and_a_real_looking_domain() {
        assert_eq!(check_email(" Maria.Rossi@Esempio.IT "), Ok("Maria.Rossi@esempio.it".to_owned()));
        assert_eq!(check_email("nome+tag@posta.comune.bologna.it"), Ok("nome+tag@posta.comune.bologna.it".to_owned()));
        assert_eq!(check_email(""), Err(Problem::Missing));
        for wrong in [
            "maria",
            "maria@",
            "@esempio.it",
            "maria@esempio",
            "maria..rossi@esempio.it",
            "maria@-esempio.it",
            "maria@esempio.i",
            "ma ria@esempio.it",
        ] {
            assert_eq!(check_email(wrong), Err(Problem::Format), "{wrong}");
        }
        assert_eq!(check_email(&format!("{}@esempio.it", "a".repeat(250))), Err(Problem::TooLong));
    }
}
