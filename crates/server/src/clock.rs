//! The server's only clock: now in UTC and today's date in Italy. Every part of the server that
//! needs the time asks the [`Clock`] in `AppState`, so that tests (and the demo seed) can set
//! it: a test written today still passes in 2031, because it says which day it runs on.

use std::{
    sync::{
        Arc,
        atomic::{AtomicI64, Ordering},
    },
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use insieme_rules::Date;

/// Where the time comes from: the system, or a moment a test sets and moves.
#[derive(Clone, Debug)]
pub struct Clock {
    /// Milliseconds since the Unix epoch when fixed; `None` reads the system clock.
    fixed: Option<Arc<AtomicI64>>,
}

impl Default for Clock {
    fn default() -> Self {
        Self::system()
    }
}

impl Clock {
    /// The real time of the machine.
    pub fn system() -> Self {
        Self { fixed: None }
    }

    /// A clock stopped at noon (Italian time) of `date`, moved only by [`Clock::advance`].
    pub fn fixed_on(date: Date) -> Self {
        let noon_in_italy_utc = date.days_since_unix_epoch() * 86_400 + 10 * 3600;
        Self { fixed: Some(Arc::new(AtomicI64::new(noon_in_italy_utc * 1000))) }
    }

    /// Moves a fixed clock forward (a system clock moves by itself and ignores this).
    pub fn advance(&self, by: Duration) {
        if let Some(fixed) = &self.fixed {
            fixed.fetch_add(i64::try_from(by.as_millis()).unwrap_or(i64::MAX), Ordering::SeqCst);
        }
    }

    /// Milliseconds since the Unix epoch.
    pub fn unix_millis(&self) -> i64 {
        match &self.fixed {
            Some(fixed) => fixed.load(Ordering::SeqCst),
            None => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |elapsed| i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)),
        }
    }

    /// Today in Italy (Europe/Rome).
    pub fn today_in_italy(&self) -> Date {
        date_in_italy(self.unix_millis().div_euclid(1000))
    }

    /// Now in UTC as ISO 8601 with milliseconds (`2026-11-25T16:31:16.123Z`), the form the
    /// database keeps every time in.
    pub fn now_utc(&self) -> String {
        let millis = self.unix_millis();
        timestamp(millis.div_euclid(1000), u32::try_from(millis.rem_euclid(1000)).unwrap_or(0))
    }
}

/// The ISO 8601 UTC text of a moment.
pub fn timestamp(unix_seconds: i64, millis: u32) -> String {
    let date = Date::from_days_since_unix_epoch(unix_seconds.div_euclid(86_400));
    let second_of_day = unix_seconds.rem_euclid(86_400);
    let (hours, minutes, seconds) = (second_of_day / 3600, second_of_day / 60 % 60, second_of_day % 60);
    format!("{date}T{hours:02}:{minutes:02}:{seconds:02}.{millis:03}Z")
}

/// Unix seconds of a moment written by [`timestamp`] (`2026-11-25T16:31:16.123Z`).
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let date: Date = text.get(..10)?.parse().ok()?;
    let mut parts = text.get(11..19)?.split(':').map(|part| part.parse::<i64>().ok());
    let (hours, minutes, seconds) = (parts.next()??, parts.next()??, parts.next()??);
    Some(date.days_since_unix_epoch() * 86_400 + hours * 3600 + minutes * 60 + seconds)
}

/// The Italian calendar date at `unix_seconds`: UTC+1, or UTC+2 from the last Sunday of March
/// to the last Sunday of October (EU summer time, Directive 2000/84/EC), switching at 01:00 UTC.
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
    fn a_fixed_clock_stays_on_its_day_until_moved() {
        let clock = Clock::fixed_on(Date::new(2031, 2, 28).expect("date"));
        assert_eq!(clock.today_in_italy().to_string(), "2031-02-28");
        assert_eq!(clock.now_utc(), "2031-02-28T10:00:00.000Z");
        clock.advance(Duration::from_secs(14 * 3600));
        assert_eq!(clock.today_in_italy().to_string(), "2031-03-01");
        let system = Clock::system();
        assert!(system.today_in_italy() >= Date::new(2026, 11, 1).expect("date"));
    }

    #[test]
    fn timestamps_are_iso_utc() {
        assert_eq!(timestamp(1_795_649_400, 7), "2026-11-25T23:30:00.007Z");
        assert_eq!(parse_timestamp("2026-11-25T23:30:00.007Z"), Some(1_795_649_400));
        assert_eq!(parse_timestamp("not a time"), None);
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
