//! Code tables as data, each entry with the date it took effect (and ceased, where it did).
//!
//! Rules never carry literals of their own: thresholds, code lists, limits and
//! notified texts live here with their source, so that a change in law is a change
//! of one row. Dates are civil dates; a rule asks "what was in force on the
//! document date", never "what is in force today".

pub mod countries;
pub mod countries_hi;
pub mod currencies;
pub mod customs_units;
pub mod font_coverage;
pub mod gst;
pub mod gst_slabs;
pub mod iec;
pub mod incoterms;
pub mod locations;
pub mod postal;
pub mod states;
pub mod stop_words;
pub mod uqc;

use jiff::civil::Date;

/// When a row of a table is in force: from `from` (inclusive) to `until` (exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Validity {
    /// First day in force; `None` means "since before niryat's records".
    pub from: Option<Date>,
    /// First day no longer in force; `None` means "still in force".
    pub until: Option<Date>,
}

impl Validity {
    /// In force for as long as niryat knows.
    pub const ALWAYS: Validity = Validity { from: None, until: None };

    /// In force from `from` onwards.
    pub const fn from(from: Date) -> Validity {
        Validity { from: Some(from), until: None }
    }

    /// In force before `until`.
    pub const fn until(until: Date) -> Validity {
        Validity { from: None, until: Some(until) }
    }

    /// Whether the row applies on `day`.
    pub fn covers(&self, day: Date) -> bool {
        self.from.is_none_or(|f| day >= f) && self.until.is_none_or(|u| day < u)
    }
}

/// Packs a short ASCII code (at most 4 bytes) into a number that sorts like the string, so
/// table lookups compare integers instead of calling `memcmp` (they run once per line).
pub(crate) fn code_key(code: &str) -> Option<u32> {
    let b = code.as_bytes();
    if b.is_empty() || b.len() > 4 {
        return None;
    }
    Some(b.iter().fold(0u32, |acc, c| (acc << 8) | u32::from(*c)) << (8 * (4 - b.len())))
}

/// Binary search of a table sorted by a short code.
pub(crate) fn lookup<T>(
    table: &'static [T],
    code: &str,
    key: impl Fn(&T) -> &'static str,
) -> Option<&'static T> {
    let want = code_key(code)?;
    table
        .binary_search_by(|row| code_key(key(row)).unwrap_or(0).cmp(&want))
        .ok()
        .and_then(|i| table.get(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_keys_sort_like_strings() {
        let mut codes = vec!["IN", "US", "A", "ZZZ", "AB", "ABC", "INR", "IN1"];
        let mut by_key = codes.clone();
        codes.sort();
        by_key.sort_by_key(|c| code_key(c));
        assert_eq!(codes, by_key);
        assert_eq!(code_key(""), None);
        assert_eq!(code_key("ABCDE"), None);
    }

    #[test]
    fn lookups_find_every_row_and_nothing_else() {
        for c in countries::COUNTRIES {
            assert_eq!(countries::country(c.alpha2).map(|x| x.alpha2), Some(c.alpha2));
        }
        for c in currencies::CURRENCIES {
            assert_eq!(currencies::currency(c.code).map(|x| x.code), Some(c.code));
        }
        for u in uqc::UQCS {
            assert_eq!(uqc::uqc(u.code).map(|x| x.code), Some(u.code));
        }
        assert!(countries::country("XX").is_none());
        assert!(currencies::currency("usd").is_none());
        assert!(uqc::uqc("PCSX").is_none());
    }
}
