//! Reading a date field: exactly `YYYY-MM-DD`, the calendar date the schema describes.
//!
//! jiff's own reading of a date also takes a date and a time of day (`2026-11-18T10:00`,
//! keeping the date and dropping the time), the basic format (`20261118`) and a six-digit
//! year (`+002026-11-18`). A time of day cut off without a word is a value lost, and the other
//! forms are not what the JSON Schema says, so each is refused at the field with what to write.

use jiff::civil::Date;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// What a date field is written as, for messages.
const SHAPE: &str = "a date written YYYY-MM-DD (such as 2026-11-18)";

/// Reads an optional date field (`null` or absent is `None`).
pub(crate) fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    d.deserialize_option(Optional)
}

struct Optional;

impl<'de> Visitor<'de> for Optional {
    type Value = Option<Date>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(SHAPE)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(Written).map(Some)
    }
}

struct Written;

impl Visitor<'_> for Written {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(SHAPE)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Date, E> {
        read(s).map_err(E::custom)
    }
}

/// `s` as a date, or why it is not one.
pub(crate) fn read(s: &str) -> Result<Date, String> {
    let shaped = |t: &str| {
        let b = t.as_bytes();
        b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    };
    if !shaped(s) {
        let with_time = s.get(..10).is_some_and(shaped)
            && matches!(s.as_bytes().get(10), Some(b'T' | b't' | b' '));
        return Err(if with_time {
            format!("{s:?} is a date and a time of day: write the date alone, YYYY-MM-DD (the time is not kept)")
        } else {
            format!("{s:?} is not {SHAPE}")
        });
    }
    let number = |r: std::ops::Range<usize>| s[r].parse::<i16>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    if !(1..=12).contains(&month) {
        return Err(format!("{s:?} is not a date: there is no month {month}"));
    }
    let days = Date::new(year, month as i8, 1).map(|d| d.days_in_month()).unwrap_or(31);
    if !(1..=days).contains(&(day as i8)) {
        return Err(format!("{s:?} is not a date: {year:04}-{month:02} has {days} days"));
    }
    Date::new(year, month as i8, day as i8).map_err(|e| format!("{s:?} is not a date: {e}"))
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn only_a_calendar_date_written_yyyy_mm_dd_is_read() {
        assert_eq!(read("2026-11-18").map(|d| d.to_string()), Ok("2026-11-18".into()));
        assert_eq!(read("2028-02-29").map(|d| d.to_string()), Ok("2028-02-29".into()));
        let refused = |s: &str| read(s).err().unwrap_or_default();
        assert!(refused("2026-11-18T10:00").contains("a date and a time of day"));
        assert!(refused("2026-11-18 10:00:00").contains("write the date alone"));
        for s in [
            "20261118",
            "+002026-11-18",
            "18/11/2026",
            "2026-1-5",
            "2026-11-18Z",
            "",
            "２０２６-11-18",
        ] {
            assert!(refused(s).contains("is not a date written YYYY-MM-DD"), "{s}: {}", refused(s));
        }
        assert_eq!(refused("2026-02-29"), "\"2026-02-29\" is not a date: 2026-02 has 28 days");
        assert_eq!(refused("2026-04-31"), "\"2026-04-31\" is not a date: 2026-04 has 30 days");
        assert_eq!(refused("2026-11-00"), "\"2026-11-00\" is not a date: 2026-11 has 30 days");
        assert_eq!(refused("2026-13-01"), "\"2026-13-01\" is not a date: there is no month 13");
    }
}
