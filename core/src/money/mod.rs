//! Money: rounding, formatting and amounts in words, on exact [`Decimal`] values.
//!
//! This module is THE one place where rounding rules live; nothing else in the crate rounds a
//! value on its own. The rules:
//!
//! * **Currency amounts** ([`round_amount`]) are rounded to the currency's ISO 4217 minor units,
//!   half away from zero: `0.005` → `0.01`, `-0.005` → `-0.01`, `0.0049` → `0.00`. The result
//!   carries exactly that many decimal places (`12.5` → `12.50`).
//! * **Whole rupees** ([`round_rupee`]) follow section 170 of the CGST Act: tax and other
//!   amounts are rounded off to the nearest rupee, 50 paise and above going up (away from zero
//!   for negative amounts).
//! * **Fixed places** ([`format_fixed`], for weights such as `1.250` kg) use the same half away
//!   from zero rule.
//! * Scales above 28, [`Decimal`]'s maximum, are treated as 28. A value too large to carry the
//!   requested places keeps as many as it can hold; the printed forms are always padded to the
//!   requested places, so they are exact regardless.
//! * A result that rounds to zero is never negative zero: `-0.004` prints as `0.00`.
//!
//! Every function here is total: no input, however large, small or negative, makes it panic.
//! Output never uses exponent notation.

mod format;
mod words;
mod words_hi;

pub use format::{format_amount, format_decimal, format_fixed};
pub use words::{amount_in_words, integer_in_words};
pub use words_hi::{amount_in_words_hi, integer_in_words_hi};

use rust_decimal::{Decimal, RoundingStrategy};

/// How digits are grouped and large numbers named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Numbering {
    /// Indian system: `12,34,567.89`; thousand, lakh (10^5), crore (10^7).
    Indian,
    /// International system: `1,234,567.89`; thousand, million, billion, trillion.
    International,
}

/// The numbering an amount in `currency_code` is written in: Indian for `"INR"` (exact,
/// upper-case match), International for every other code.
pub fn numbering_for(currency_code: &str) -> Numbering {
    if currency_code == "INR" {
        Numbering::Indian
    } else {
        Numbering::International
    }
}

/// Rounds `value` to `minor_units` decimal places, half away from zero, and gives the result
/// exactly that scale (`12.5` with 2 → `12.50`).
///
/// `minor_units` above 28 is treated as 28. For values so large that the scale cannot be held
/// (more than 28 significant digits in all), the result keeps the largest scale it can; the
/// value is still correctly rounded.
pub fn round_amount(value: Decimal, minor_units: u32) -> Decimal {
    let places = clamp_places(minor_units);
    let mut rounded = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(places);
    if rounded.is_zero() {
        rounded.set_sign_positive(true);
    }
    rounded
}

/// Rounds `value` to the nearest whole rupee as GST section 170 requires: 50 paise and above
/// go up, less than 50 paise go down (mirrored for negative values). The result has scale 0.
pub fn round_rupee(value: Decimal) -> Decimal {
    round_amount(value, 0)
}

/// Decimal places actually used for a requested number of places.
fn clamp_places(places: u32) -> u32 {
    places.min(Decimal::MAX_SCALE)
}

/// The digits of `value` exactly as stored: (negative, integer digits, fraction digits).
///
/// The integer part is at least `"0"`; the fraction has exactly `value.scale()` digits. Zero is
/// never reported as negative.
fn split_digits(value: Decimal) -> (bool, String, String) {
    let scale = value.scale() as usize;
    let mut digits = value.mantissa().unsigned_abs().to_string();
    if digits.len() <= scale {
        let mut padded = "0".repeat(scale + 1 - digits.len());
        padded.push_str(&digits);
        digits = padded;
    }
    let (int, frac) = digits.split_at(digits.len() - scale);
    let negative = value.is_sign_negative() && !value.is_zero();
    (negative, int.to_owned(), frac.to_owned())
}

/// Rounds `value` to `places` (clamped) and returns its sign, integer digits and exactly
/// `places` fraction digits.
fn rounded_digits(value: Decimal, places: u32) -> (bool, String, String) {
    let places = clamp_places(places) as usize;
    let (negative, int, mut frac) = split_digits(round_amount(value, places as u32));
    // round_amount never leaves more places than asked; pad when the value could not hold them.
    frac.truncate(places);
    while frac.len() < places {
        frac.push('0');
    }
    (negative, int, frac)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    #[test]
    fn round_amount_half_away_from_zero() {
        assert_eq!(round_amount(d("0.005"), 2).to_string(), "0.01");
        assert_eq!(round_amount(d("-0.005"), 2).to_string(), "-0.01");
        assert_eq!(round_amount(d("0.0049"), 2).to_string(), "0.00");
        assert_eq!(round_amount(d("1.115"), 2).to_string(), "1.12");
        assert_eq!(round_amount(d("1.125"), 2).to_string(), "1.13");
        assert_eq!(round_amount(d("2.5"), 0).to_string(), "3");
        assert_eq!(round_amount(d("-2.5"), 0).to_string(), "-3");
        assert_eq!(round_amount(d("1.2345"), 3).to_string(), "1.235");
        assert_eq!(round_amount(d("999.995"), 2).to_string(), "1000.00");
    }

    #[test]
    fn round_amount_sets_scale_exactly() {
        let r = round_amount(d("12.5"), 2);
        assert_eq!(r.scale(), 2);
        assert_eq!(r.to_string(), "12.50");
        assert_eq!(round_amount(d("7"), 3).to_string(), "7.000");
        assert_eq!(round_amount(d("7.000000"), 0).to_string(), "7");
        assert_eq!(round_amount(Decimal::ZERO, 2).to_string(), "0.00");
    }

    #[test]
    fn round_amount_never_negative_zero() {
        let r = round_amount(d("-0.004"), 2);
        assert!(r.is_zero());
        assert!(r.is_sign_positive());
        assert_eq!(r.to_string(), "0.00");
        assert!(round_rupee(d("-0.49")).is_sign_positive());
    }

    #[test]
    fn round_amount_extremes_do_not_panic() {
        assert_eq!(round_amount(Decimal::MAX, 2), Decimal::MAX);
        assert_eq!(round_amount(Decimal::MIN, 3), Decimal::MIN);
        assert_eq!(round_amount(d("1.5"), u32::MAX).to_string(), "1.5000000000000000000000000000");
        let tiny = d("0.0000000000000000000000000001");
        assert_eq!(round_amount(tiny, 28), tiny);
        assert_eq!(round_amount(tiny, 2).to_string(), "0.00");
        // 28 significant digits with one decimal place: rounding up must not overflow.
        let big = d("7922816251426433759354395033.5");
        assert_eq!(round_amount(big, 0).to_string(), "7922816251426433759354395034");
        assert_eq!(round_amount(-big, 0).to_string(), "-7922816251426433759354395034");
    }

    #[test]
    fn round_rupee_section_170() {
        assert_eq!(round_rupee(d("100.49")).to_string(), "100");
        assert_eq!(round_rupee(d("100.50")).to_string(), "101");
        assert_eq!(round_rupee(d("100.499999")).to_string(), "100");
        assert_eq!(round_rupee(d("-100.50")).to_string(), "-101");
        assert_eq!(round_rupee(d("0.5")).to_string(), "1");
        assert_eq!(round_rupee(d("12")).to_string(), "12");
        assert_eq!(round_rupee(d("12.00")).scale(), 0);
        assert_eq!(round_rupee(Decimal::MAX), Decimal::MAX);
    }

    #[test]
    fn numbering_is_indian_only_for_inr() {
        assert_eq!(numbering_for("INR"), Numbering::Indian);
        assert_eq!(numbering_for("USD"), Numbering::International);
        assert_eq!(numbering_for("EUR"), Numbering::International);
        assert_eq!(numbering_for(""), Numbering::International);
        assert_eq!(numbering_for("inr"), Numbering::International);
    }

    #[test]
    fn split_digits_reads_stored_digits() {
        assert_eq!(split_digits(d("12.50")), (false, "12".into(), "50".into()));
        assert_eq!(split_digits(d("-0.05")), (true, "0".into(), "05".into()));
        assert_eq!(split_digits(d("7")), (false, "7".into(), String::new()));
        assert_eq!(split_digits(d("-0.00")), (false, "0".into(), "00".into()));
        let (neg, int, frac) = split_digits(Decimal::MIN);
        assert!(neg);
        assert_eq!(int, "79228162514264337593543950335");
        assert!(frac.is_empty());
    }

    #[test]
    fn rounded_digits_pads_and_clamps() {
        assert_eq!(rounded_digits(d("1.25"), 1), (false, "1".into(), "3".into()));
        assert_eq!(rounded_digits(Decimal::MAX, 2).2, "00");
        assert_eq!(rounded_digits(d("1"), 40).2.len(), 28);
    }
}
