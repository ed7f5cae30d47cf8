//! Code tables as data, each entry with the date it took effect (and ceased, where it did).
//!
//! Rules never carry literals of their own: thresholds, code lists, limits and
//! notified texts live here with their source, so that a change in law is a change
//! of one row. Dates are civil dates; a rule asks "what was in force on the
//! document date", never "what is in force today".

pub mod countries;
pub mod currencies;
pub mod gst;
pub mod iec;
pub mod incoterms;
pub mod locations;
pub mod postal;
pub mod states;
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
