//! Printing decimals: grouped currency amounts, plain quantities and fixed-place figures.

use super::{rounded_digits, split_digits, Numbering};
use rust_decimal::Decimal;

/// Formats a currency amount: rounded with [`super::round_amount`], then grouped.
///
/// Indian numbering groups as `12,34,567.89` and `1,00,00,000.00`; International as
/// `1,234,567.89`. With `minor_units` 0 there is no decimal point (`1,235`). Negative values get
/// a leading `-`; zero prints as `0.00` (never `-0.00`). `minor_units` above 28 is treated as 28.
pub fn format_amount(value: Decimal, minor_units: u32, numbering: Numbering) -> String {
    let (negative, int, frac) = rounded_digits(value, minor_units);
    join(negative, &group(&int, numbering), &frac)
}

/// Formats a quantity, weight or rate plainly: no grouping, trailing zeros removed
/// (`10.500` → `10.5`, `2.000` → `2`, `-0.0` → `0`). Nothing is rounded.
pub fn format_decimal(value: Decimal) -> String {
    let (negative, int, frac) = split_digits(value.normalize());
    join(negative, &int, frac.trim_end_matches('0'))
}

/// Formats `value` rounded half away from zero to exactly `places` decimal places, without
/// grouping (`1.25` with 3 → `1.250`). `places` above 28 is treated as 28.
pub fn format_fixed(value: Decimal, places: u32) -> String {
    let (negative, int, frac) = rounded_digits(value, places);
    join(negative, &int, &frac)
}

/// Puts sign, integer part and (if any) fraction together.
fn join(negative: bool, int: &str, frac: &str) -> String {
    let mut out = String::with_capacity(int.len() + frac.len() + 2);
    if negative {
        out.push('-');
    }
    out.push_str(int);
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Inserts thousands separators into a run of ASCII digits.
fn group(digits: &str, numbering: Numbering) -> String {
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 2);
    for (i, ch) in digits.chars().enumerate() {
        // Digits still to come after this one's position, counting this one.
        let remaining = len - i;
        let comma = i > 0
            && match numbering {
                Numbering::International => remaining.is_multiple_of(3),
                Numbering::Indian => remaining >= 3 && (remaining - 3).is_multiple_of(2),
            };
        if comma {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    fn ind(s: &str) -> String {
        format_amount(d(s), 2, Numbering::Indian)
    }

    fn intl(s: &str) -> String {
        format_amount(d(s), 2, Numbering::International)
    }

    #[test]
    fn indian_grouping() {
        assert_eq!(ind("1234567.89"), "12,34,567.89");
        assert_eq!(ind("10000000"), "1,00,00,000.00");
        assert_eq!(ind("999"), "999.00");
        assert_eq!(ind("1000"), "1,000.00");
        assert_eq!(ind("99999"), "99,999.00");
        assert_eq!(ind("100000"), "1,00,000.00");
        assert_eq!(ind("123456789012"), "1,23,45,67,89,012.00");
        assert_eq!(ind("1234567.891"), "12,34,567.89");
    }

    #[test]
    fn international_grouping() {
        assert_eq!(intl("1234567.89"), "1,234,567.89");
        assert_eq!(intl("999"), "999.00");
        assert_eq!(intl("1000"), "1,000.00");
        assert_eq!(intl("100000"), "100,000.00");
        assert_eq!(intl("1000000000"), "1,000,000,000.00");
    }

    #[test]
    fn small_values_and_zero() {
        assert_eq!(ind("0"), "0.00");
        assert_eq!(intl("0"), "0.00");
        assert_eq!(intl("0.004"), "0.00");
        assert_eq!(intl("-0.004"), "0.00");
        assert_eq!(intl("0.005"), "0.01");
        assert_eq!(intl("0.1"), "0.10");
        assert_eq!(intl("5"), "5.00");
    }

    #[test]
    fn rounding_carries_into_grouping() {
        assert_eq!(intl("999.995"), "1,000.00");
        assert_eq!(ind("99999.995"), "1,00,000.00");
        assert_eq!(intl("999.994"), "999.99");
    }

    #[test]
    fn negative_values() {
        assert_eq!(intl("-1234.5"), "-1,234.50");
        assert_eq!(ind("-1234567.891"), "-12,34,567.89");
        assert_eq!(intl("-0.005"), "-0.01");
        assert_eq!(format_amount(d("-1234.5"), 0, Numbering::International), "-1,235");
    }

    #[test]
    fn other_minor_units() {
        assert_eq!(format_amount(d("1234.5"), 0, Numbering::International), "1,235");
        assert_eq!(format_amount(d("1234.4"), 0, Numbering::Indian), "1,234");
        assert_eq!(format_amount(d("1.2505"), 3, Numbering::International), "1.251");
        assert_eq!(format_amount(d("1"), 3, Numbering::International), "1.000");
    }

    #[test]
    fn extremes_never_panic_or_use_exponents() {
        assert_eq!(
            format_amount(Decimal::MAX, 2, Numbering::International),
            "79,228,162,514,264,337,593,543,950,335.00"
        );
        assert_eq!(
            format_amount(Decimal::MIN, 2, Numbering::Indian),
            "-79,22,81,62,51,42,64,33,75,93,54,39,50,335.00"
        );
        let tiny = d("0.0000000000000000000000000001");
        assert_eq!(format_amount(tiny, 2, Numbering::International), "0.00");
        assert_eq!(format_decimal(tiny), "0.0000000000000000000000000001");
        let wide = format_amount(d("1"), u32::MAX, Numbering::International);
        assert_eq!(wide, format!("1.{}", "0".repeat(28)));
        let e20 = Decimal::from_i128_with_scale(100_000_000_000_000_000_000, 0);
        assert_eq!(format_decimal(e20), "100000000000000000000");
        assert_eq!(format_decimal(e20 / d("1000000000000000000000000000")), "0.0000001");
    }

    #[test]
    fn format_decimal_normalises() {
        assert_eq!(format_decimal(d("10.500")), "10.5");
        assert_eq!(format_decimal(d("2.000")), "2");
        assert_eq!(format_decimal(d("0.000")), "0");
        assert_eq!(format_decimal(d("-0.000")), "0");
        assert_eq!(format_decimal(d("-3.250")), "-3.25");
        assert_eq!(format_decimal(d("1234567.8")), "1234567.8");
        assert_eq!(format_decimal(d("100")), "100");
        assert_eq!(format_decimal(d("0.05")), "0.05");
        assert_eq!(format_decimal(Decimal::MAX), "79228162514264337593543950335");
    }

    #[test]
    fn format_fixed_places() {
        assert_eq!(format_fixed(d("1.25"), 3), "1.250");
        assert_eq!(format_fixed(d("1.2505"), 3), "1.251");
        assert_eq!(format_fixed(d("-1.2505"), 3), "-1.251");
        assert_eq!(format_fixed(d("2"), 0), "2");
        assert_eq!(format_fixed(d("2.5"), 0), "3");
        assert_eq!(format_fixed(d("1234567.5"), 1), "1234567.5");
        assert_eq!(format_fixed(d("-0.0004"), 3), "0.000");
        assert_eq!(format_fixed(Decimal::MAX, 3), "79228162514264337593543950335.000");
    }

    #[test]
    fn group_handles_short_runs() {
        assert_eq!(group("", Numbering::Indian), "");
        assert_eq!(group("1", Numbering::Indian), "1");
        assert_eq!(group("12", Numbering::International), "12");
        assert_eq!(group("1234", Numbering::Indian), "1,234");
        assert_eq!(group("12345", Numbering::Indian), "12,345");
        assert_eq!(group("123456", Numbering::Indian), "1,23,456");
        assert_eq!(group("1234", Numbering::International), "1,234");
    }

    #[test]
    fn grouped_output_matches_round_amount() {
        for raw in (-20_000_i64..20_000).step_by(7) {
            let value = Decimal::new(raw * 37, 3);
            for numbering in [Numbering::Indian, Numbering::International] {
                for places in 0..=3 {
                    let text = format_amount(value, places, numbering);
                    let plain: String = text.chars().filter(|c| *c != ',').collect();
                    let expected = super::super::round_amount(value, places);
                    assert_eq!(plain, expected.to_string(), "{value} {places} {numbering:?}");
                    assert_eq!(format_fixed(value, places), plain);
                }
            }
        }
    }
}
