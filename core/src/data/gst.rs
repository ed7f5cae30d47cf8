//! GST texts and limits: the Rule 46 export endorsements, invoice-number form, HSN digits.
//! Source: CGST Rule 46 as amended [C]; Notification 78/2020-CT for HSN digits [C].

use super::Validity;
use jiff::civil::date;

/// Endorsement for export on payment of integrated tax, exactly as notified.
pub const ENDORSEMENT_IGST: &str = "SUPPLY MEANT FOR EXPORT/SUPPLY TO SEZ UNIT OR SEZ DEVELOPER FOR AUTHORISED OPERATIONS ON PAYMENT OF INTEGRATED TAX";

/// Endorsement for export under bond or LUT, exactly as notified.
pub const ENDORSEMENT_LUT: &str = "SUPPLY MEANT FOR EXPORT/SUPPLY TO SEZ UNIT OR SEZ DEVELOPER FOR AUTHORISED OPERATIONS UNDER BOND OR LETTER OF UNDERTAKING WITHOUT PAYMENT OF INTEGRATED TAX";

/// Pre-amendment short forms still seen on invoices: accepted with a warning.
pub static LEGACY_ENDORSEMENTS_IGST: &[&str] = &[
    "SUPPLY MEANT FOR EXPORT ON PAYMENT OF IGST",
    "SUPPLY MEANT FOR EXPORT ON PAYMENT OF INTEGRATED TAX",
];

/// Pre-amendment short forms for exports without payment.
pub static LEGACY_ENDORSEMENTS_LUT: &[&str] = &[
    "SUPPLY MEANT FOR EXPORT UNDER BOND OR LETTER OF UNDERTAKING WITHOUT PAYMENT OF IGST",
    "SUPPLY MEANT FOR EXPORT UNDER LUT WITHOUT PAYMENT OF IGST",
    "SUPPLY MEANT FOR EXPORT UNDER BOND OR LETTER OF UNDERTAKING WITHOUT PAYMENT OF INTEGRATED TAX",
];

/// Longest invoice number Rule 46(b) allows.
pub const INVOICE_NUMBER_MAX: usize = 16;

/// Months within which goods exported under LUT must leave (Rule 96A(1)(a)).
pub const LUT_EXPORT_WINDOW_MONTHS: i8 = 3;

/// HSN digits a GST invoice must show, by turnover band (Notification 78/2020-CT).
#[derive(Debug, Clone, Copy)]
pub struct HsnDigits {
    /// Digits when aggregate turnover ≤ ₹5 crore.
    pub up_to_5_crore: usize,
    /// Digits when aggregate turnover > ₹5 crore.
    pub above_5_crore: usize,
    /// In force.
    pub valid: Validity,
}

/// The HSN-digit rule in force from 1 April 2021.
pub const HSN_DIGITS: HsnDigits =
    HsnDigits { up_to_5_crore: 4, above_5_crore: 6, valid: Validity::from(date(2021, 4, 1)) };
