//! The server's only clock: today's date in Italy, for assessments that do not say their day.

use std::time::{SystemTime, UNIX_EPOCH};

use insieme_rules::Date;

/// Today in Italy (Europe/Rome): UTC+1, or UTC+2 from the last Sunday of March to the last
/// Sunday of October (EU summer time, Directive 2000/84/EC), switching at 01:00 UTC.
pub fn today_in_italy() -> Date {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_secs() as i64);
    date_in_italy(seconds)
}

/// Now in UTC as ISO 8601 with milliseconds (`2026-11-25T16:31:16.123Z`), the form the database
/// keeps every time in.
pub fn now_utc() -> String {
    let elapsed = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    timestamp(elapsed.as_secs() as i64, elapsed.subsec_millis())
}

/// The ISO 8601 UTC text of a moment.
pub fn timestamp(unix_seconds: i64, millis: u32) -> String {
    let date = Date::from_days_since_unix_epoch(unix_seconds.div_euclid(86_400));
    let second_of_day = unix_seconds.rem_euclid(86_400);
    let (hours, minutes, seconds) = (second_of_day / 3600, second_of_day / 60 % 60, second_of_day % 60);
    format!("{date}T{hours:02}:{minutes:02}:{seconds:02}.{millis:03}Z")
}

/// The Italian calendar date at `unix_seconds`.
pub fn date_in_italy(unix_seconds: i64) -> Date {
    let utc_date = Date::from_days_since_unix_epoch(unix_seconds.div_euclid(86_400));
    let year = utc_date.year();
    let summer_starts = last_sunday_at_one_utc(year, 3);
    let summer_ends = last_sunday_at_one_utc(year, 10);
    let offset_hours = if (summer_starts..summer_ends).contains(&unix_seconds) { 2 } else { 1 };
    Date::from_days_since_unix_epoch((unix_seconds + offset_hours * 3600).div_euclid(86_400))
}

/// Unix seconds of 01:00 UTC on the last Sunday of `month` (March or October) of `year`.
fn last_sunday_at_one_utc(year: i32, month: u8) -> i64 {
    let days_to_31st = Date::new(year, month, 31).map_or(0, Date::days_since_unix_epoch);
    // 1970-01-01 was a Thursday: the weekday with Sunday = 0 is (days + 4) mod 7.
    let weekday = (days_to_31st + 4).rem_euclid(7);
    (days_to_31st - weekday) * 86_400 + 3600
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_iso_utc() {
        assert_eq!(timestamp(1_795_649_400, 7), "2026-11-25T23:30:00.007Z");
    }

    #[test]
    fn late_evening_utc_is_already_tomorrow_in_italy() {
        // 2026-11-25 23:30 UTC is 2026-11-26 00:30 in Rome (winter time, UTC+1).
        assert_eq!(date_in_italy(1_795_649_400).to_string(), "2026-11-26");
        // 2026-07-14 22:30 UTC is 2026-07-15 00:30 in Rome (summer time, UTC+2).
        assert_eq!(date_in_italy(1_784_068_200).to_string(), "2026-07-15");
        // 2026-07-14 21:30 UTC is still 2026-07-14 23:30 in Rome.
        assert_eq!(date_in_italy(1_784_064_600).to_string(), "2026-07-14");
    }

    #[test]
    fn summer_time_starts_on_the_last_sunday_of_march() {
        // In 2026 the last Sunday of March is the 29th.
        let one_utc_on =
            |month, day| Date::new(2026, month, day).ok().map(|date| date.days_since_unix_epoch() * 86_400 + 3600);
        // In 2026 the last Sunday of March is the 29th, of October the 25th.
        assert_eq!(Some(last_sunday_at_one_utc(2026, 3)), one_utc_on(3, 29));
        assert_eq!(Some(last_sunday_at_one_utc(2026, 10)), one_utc_on(10, 25));
    }
}
