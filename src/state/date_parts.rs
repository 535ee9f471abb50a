//! A date typed in three boxes, day, month and year: the public-service pattern for dates people
//! know, such as their birth date (issue 14). The boxes are kept as typed in one text,
//! `year-month-day`, so that a half-typed date survives a reload; a complete one is written the
//! ISO way (`1990-03-07`) that the rules and the server read.

/// The three boxes of a date, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateParts {
    pub day: String,
    pub month: String,
    pub year: String,
}

impl DateParts {
    /// The boxes of a stored value: an ISO date or boxes stored half-typed.
    pub fn from_value(value: &str) -> Self {
        let mut pieces = value.splitn(3, '-').map(str::to_owned);
        let year = pieces.next().unwrap_or_default();
        let month = pieces.next().unwrap_or_default();
        let day = pieces.next().unwrap_or_default();
        Self { day, month, year }
    }

    /// The value to store: an ISO date when the boxes hold whole numbers of the right length
    /// (day and month of one or two digits, a year of four), else the boxes as typed, which the
    /// validation refuses with a message that says how to write the date. Nothing typed is `""`.
    pub fn to_value(&self) -> String {
        let clean = |text: &str| text.trim().replace('-', "");
        let (day, month, year) = (clean(&self.day), clean(&self.month), clean(&self.year));
        if day.is_empty() && month.is_empty() && year.is_empty() {
            return String::new();
        }
        let digits = |text: &str, lengths: std::ops::RangeInclusive<usize>| {
            lengths.contains(&text.len()) && text.chars().all(|letter| letter.is_ascii_digit())
        };
        if digits(&day, 1..=2) && digits(&month, 1..=2) && digits(&year, 4..=4) {
            format!("{year}-{month:0>2}-{day:0>2}")
        } else {
            format!("{year}-{month}-{day}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(day: &str, month: &str, year: &str) -> DateParts {
        DateParts { day: day.to_owned(), month: month.to_owned(), year: year.to_owned() }
    }

    #[test]
    fn whole_dates_become_iso_dates_and_back() {
        assert_eq!(parts("7", "3", "1990").to_value(), "1990-03-07");
        assert_eq!(parts(" 27 ", "11", "2001").to_value(), "2001-11-27");
        assert_eq!(DateParts::from_value("1990-03-07"), parts("07", "03", "1990"));
        assert_eq!(DateParts::from_value("2001-11-20"), parts("20", "11", "2001"));
    }

    #[test]
    fn half_typed_dates_are_kept_as_typed() {
        assert_eq!(parts("7", "", "1990").to_value(), "1990--7");
        assert_eq!(DateParts::from_value("1990--7"), parts("7", "", "1990"));
        assert_eq!(parts("7", "3", "90").to_value(), "90-3-7", "a two-digit year is not guessed");
        assert_eq!(parts("", "", "").to_value(), "");
        assert_eq!(DateParts::from_value(""), DateParts::default());
    }

    #[test]
    fn a_dash_typed_in_a_box_cannot_shift_the_others() {
        assert_eq!(parts("-7", "3", "1990").to_value(), "1990-03-07");
        assert_eq!(DateParts::from_value(&parts("0", "x-", "1990").to_value()), parts("0", "x", "1990"));
        assert_eq!(DateParts::from_value(&parts("07", "", "").to_value()), parts("07", "", ""), "kept as typed");
    }
}
