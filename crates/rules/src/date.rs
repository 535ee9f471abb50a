//! Calendar dates and ages, without a clock: the caller says which day it is.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A valid date of the proleptic Gregorian calendar, written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form YYYY-MM-DD.
    Format,
    /// Of the right form but not a day of the calendar (2026-02-30, 2026-13-01).
    Impossible,
}

impl fmt::Display for DateError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Format => formatter.write_str("a date must be written YYYY-MM-DD"),
            Self::Impossible => formatter.write_str("this day does not exist in the calendar"),
        }
    }
}

impl Date {
    /// The date, if the year, month and day name a real day (years 1..=9999).
    pub fn new(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return Err(DateError::Impossible);
        }
        if day > days_in_month(year, month) {
            return Err(DateError::Impossible);
        }
        Ok(Self { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// The date `days` days after 1970-01-01 (negative: before), for callers that hold a clock.
    pub fn from_days_since_unix_epoch(days: i64) -> Self {
        // Howard Hinnant's civil_from_days algorithm.
        let shifted = days + 719_468;
        let era = shifted.div_euclid(146_097);
        let day_of_era = shifted.rem_euclid(146_097);
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_index = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u8;
        let month = if month_index < 10 { month_index + 3 } else { month_index - 9 } as u8;
        let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// Days from 1970-01-01 to this date (negative before it); the inverse of
    /// [`Date::from_days_since_unix_epoch`].
    pub fn days_since_unix_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil algorithm.
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// Age in whole years on `on`: the years since birth, minus one if the birthday (month, day)
    /// has not come yet that year. Someone born on 29 February turns a year older on 1 March in
    /// common years. `None` when `on` is before the birth.
    ///
    /// Source: the programme specification, section 3 (age in whole years at `assessed_on`).
    pub fn age_on(self, on: Date) -> Option<u32> {
        if on < self {
            return None;
        }
        let mut years = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        u32::try_from(years).ok()
    }
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bytes = text.as_bytes();
        let well_formed = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes.iter().enumerate().all(|(index, byte)| index == 4 || index == 7 || byte.is_ascii_digit());
        if !well_formed {
            return Err(DateError::Format);
        }
        let number = |range: std::ops::Range<usize>| text[range].parse::<i32>().map_err(|_| DateError::Format);
        let month = u8::try_from(number(5..7)?).map_err(|_| DateError::Impossible)?;
        let day = u8::try_from(number(8..10)?).map_err(|_| DateError::Impossible)?;
        Self::new(number(0..4)?, month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(|error: DateError| serde::de::Error::custom(format!("{error}: {text:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap_or_else(|error| panic!("{text}: {error}"))
    }

    #[test]
    fn impossible_and_malformed_dates_are_refused() {
        assert_eq!("2026-02-29".parse::<Date>(), Err(DateError::Impossible));
        assert_eq!("2026-13-01".parse::<Date>(), Err(DateError::Impossible));
        assert_eq!("2026-04-31".parse::<Date>(), Err(DateError::Impossible));
        assert_eq!("2026-4-1".parse::<Date>(), Err(DateError::Format));
        assert_eq!("26-04-2026".parse::<Date>(), Err(DateError::Format));
        assert_eq!("2024-02-29".parse::<Date>().map(|day| day.to_string()), Ok("2024-02-29".to_owned()));
        assert_eq!("1900-02-29".parse::<Date>(), Err(DateError::Impossible));
        assert!("2000-02-29".parse::<Date>().is_ok());
    }

    #[test]
    fn age_counts_whole_years_around_the_birthday() {
        let born = date("1990-11-25");
        assert_eq!(born.age_on(date("2026-11-24")), Some(35));
        assert_eq!(born.age_on(date("2026-11-25")), Some(36));
        assert_eq!(born.age_on(date("2026-11-26")), Some(36));
        assert_eq!(born.age_on(date("1990-11-24")), None);
    }

    #[test]
    fn a_29_february_birthday_counts_on_1_march_in_common_years() {
        let born = date("2008-02-29");
        assert_eq!(born.age_on(date("2026-02-28")), Some(17));
        assert_eq!(born.age_on(date("2026-03-01")), Some(18));
        assert_eq!(born.age_on(date("2028-02-29")), Some(20));
    }

    #[test]
    fn days_since_the_epoch_give_the_civil_date() {
        assert_eq!(Date::from_days_since_unix_epoch(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days_since_unix_epoch(20_417).to_string(), "2025-11-25");
        assert_eq!(Date::from_days_since_unix_epoch(-1).to_string(), "1969-12-31");
        assert_eq!(Date::from_days_since_unix_epoch(11_016).to_string(), "2000-02-29");
    }
}
