//! Amounts in words ("Rupees Twelve Lakh Only") in Indian or International numbering.

use super::{round_amount, Numbering};
use crate::data::currencies::Currency;
use rust_decimal::Decimal;

const SMALL: [&str; 20] = [
    "Zero",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
];

const TENS: [&str; 10] =
    ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"];

const THOUSAND: u128 = 1_000;
const LAKH: u128 = 100_000;
const CRORE: u128 = 10_000_000;
const MILLION: u128 = 1_000_000;
const BILLION: u128 = 1_000_000_000;
const TRILLION: u128 = 1_000_000_000_000;

/// Writes a whole number in Title Case words without commas, hyphens or "and":
/// `121` → `"One Hundred Twenty One"`, `0` → `"Zero"`.
///
/// Indian numbering names thousand, lakh (10^5) and crore (10^7), and keeps counting crores
/// above 99 crore (`12_340_000_000` → `"One Thousand Two Hundred Thirty Four Crore"`).
/// International numbering names thousand, million, billion and trillion, and keeps counting
/// trillions above 999 trillion. Every `u128` works.
pub fn integer_in_words(n: u128, numbering: Numbering) -> String {
    if n == 0 {
        return SMALL[0].to_owned();
    }
    let mut words = Vec::new();
    push_words(n, numbering, &mut words);
    words.join(" ")
}

/// Writes a currency amount in words, as printed under invoice totals.
///
/// The value is first rounded with [`round_amount`] to the currency's minor units. The major
/// part is `<major words> <integer words>`; the whole ends with `Only`. The minor part, joined
/// with `and`, follows the convention of the numbering:
///
/// * Indian: amount, then unit, as Indian invoices write it: `123456789.50` INR →
///   `"Rupees Twelve Crore Thirty Four Lakh Fifty Six Thousand Seven Hundred Eighty Nine and
///   Fifty Paise Only"`.
/// * International: unit, then amount, mirroring the major part: `1250.50` USD →
///   `"US Dollars One Thousand Two Hundred Fifty and Cents Fifty Only"`.
///
/// The minor part is left out when it is zero or the currency has no minor unit
/// (`0` INR → `"Rupees Zero Only"`, `1500` JPY → `"Yen One Thousand Five Hundred Only"`).
/// A currency whose minor unit has no name (`minor_words` is `None` while `minor_units` is not
/// 0, as for MGA and MRU, whose minor units are fifths) gets the fraction read out digit by
/// digit after `Point`: `"Malagasy Ariary One Point Two Only"`.
///
/// A negative value is written as its absolute value preceded by `Minus`, after the currency
/// words: `-5` USD → `"US Dollars Minus Five Only"`. Values too large for the minor units to be
/// held (beyond 28 significant digits) are written as they round; nothing panics.
pub fn amount_in_words(value: Decimal, currency: &Currency, numbering: Numbering) -> String {
    let places = currency.minor_units.min(Decimal::MAX_SCALE);
    let rounded = round_amount(value, places);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();

    // rounded.scale() <= places <= 28, so every power of ten below fits in a u128.
    let mantissa = rounded.mantissa().unsigned_abs();
    let scale = rounded.scale();
    let unit = pow10(scale);
    let whole = mantissa / unit;
    let fraction = mantissa % unit;
    let minor = fraction.saturating_mul(pow10(places.saturating_sub(scale)));

    let mut parts: Vec<String> = Vec::new();
    if !currency.major_words.is_empty() {
        parts.push(currency.major_words.to_owned());
    }
    if negative {
        parts.push("Minus".to_owned());
    }
    parts.push(integer_in_words(whole, numbering));
    if minor > 0 {
        match currency.minor_words {
            Some(minor_words) => {
                parts.push("and".to_owned());
                let amount = integer_in_words(minor, numbering);
                let unit = minor_words.to_owned();
                let (first, second) = match numbering {
                    Numbering::Indian => (amount, unit),
                    Numbering::International => (unit, amount),
                };
                parts.extend([first, second].into_iter().filter(|p| !p.is_empty()));
            }
            None => {
                parts.push("Point".to_owned());
                let digits = format!("{:0width$}", minor, width = places as usize);
                for digit in digits.trim_end_matches('0').bytes() {
                    let index = usize::from(digit.saturating_sub(b'0'));
                    parts.push(SMALL.get(index).copied().unwrap_or("Zero").to_owned());
                }
            }
        }
    }
    parts.push("Only".to_owned());
    parts.join(" ")
}

/// 10^exp, saturating (callers only pass exponents up to 28).
fn pow10(exp: u32) -> u128 {
    10u128.checked_pow(exp).unwrap_or(u128::MAX)
}

/// Appends the words for `n` (> 0; nothing is pushed for 0).
fn push_words(n: u128, numbering: Numbering, out: &mut Vec<&'static str>) {
    match numbering {
        Numbering::Indian => {
            let crores = n / CRORE;
            if crores > 0 {
                push_words(crores, numbering, out);
                out.push("Crore");
            }
            push_group(n / LAKH % 100, Some("Lakh"), out);
            push_group(n / THOUSAND % 100, Some("Thousand"), out);
            push_group(n % THOUSAND, None, out);
        }
        Numbering::International => {
            let trillions = n / TRILLION;
            if trillions > 0 {
                push_words(trillions, numbering, out);
                out.push("Trillion");
            }
            push_group(n / BILLION % 1000, Some("Billion"), out);
            push_group(n / MILLION % 1000, Some("Million"), out);
            push_group(n / THOUSAND % 1000, Some("Thousand"), out);
            push_group(n % THOUSAND, None, out);
        }
    }
}

/// Appends the words for `n` (< 1000) followed by `scale`, or nothing when `n` is 0.
fn push_group(n: u128, scale: Option<&'static str>, out: &mut Vec<&'static str>) {
    if n == 0 {
        return;
    }
    // n < 1000 here, so the indexes below are always in range; `get` keeps this panic-free.
    let hundreds = (n / 100) as usize;
    let rest = (n % 100) as usize;
    if hundreds > 0 {
        out.extend(SMALL.get(hundreds));
        out.push("Hundred");
    }
    if rest >= 20 {
        out.extend(TENS.get(rest / 10));
        let ones = rest % 10;
        if ones > 0 {
            out.extend(SMALL.get(ones));
        }
    } else if rest > 0 {
        out.extend(SMALL.get(rest));
    }
    out.extend(scale);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::currencies::currency;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    fn cur(code: &str) -> &'static Currency {
        currency(code).expect("currency in table")
    }

    fn words(amount: &str, code: &str) -> String {
        amount_in_words(d(amount), cur(code), super::super::numbering_for(code))
    }

    fn ind(n: u128) -> String {
        integer_in_words(n, Numbering::Indian)
    }

    fn intl(n: u128) -> String {
        integer_in_words(n, Numbering::International)
    }

    #[test]
    fn small_numbers() {
        assert_eq!(intl(0), "Zero");
        assert_eq!(intl(7), "Seven");
        assert_eq!(intl(13), "Thirteen");
        assert_eq!(intl(20), "Twenty");
        assert_eq!(intl(21), "Twenty One");
        assert_eq!(intl(99), "Ninety Nine");
        assert_eq!(intl(100), "One Hundred");
        assert_eq!(intl(101), "One Hundred One");
        assert_eq!(intl(110), "One Hundred Ten");
        assert_eq!(intl(115), "One Hundred Fifteen");
        assert_eq!(intl(999), "Nine Hundred Ninety Nine");
        assert_eq!(ind(101), "One Hundred One");
        assert_eq!(ind(110), "One Hundred Ten");
    }

    #[test]
    fn thousands() {
        assert_eq!(intl(1000), "One Thousand");
        assert_eq!(intl(1001), "One Thousand One");
        assert_eq!(ind(1001), "One Thousand One");
        assert_eq!(intl(1250), "One Thousand Two Hundred Fifty");
        assert_eq!(intl(21_000), "Twenty One Thousand");
    }

    #[test]
    fn lakh_and_crore_boundaries() {
        assert_eq!(ind(99_999), "Ninety Nine Thousand Nine Hundred Ninety Nine");
        assert_eq!(ind(100_000), "One Lakh");
        assert_eq!(ind(1_200_000), "Twelve Lakh");
        assert_eq!(
            ind(9_999_999),
            "Ninety Nine Lakh Ninety Nine Thousand Nine Hundred Ninety Nine"
        );
        assert_eq!(ind(10_000_000), "One Crore");
        assert_eq!(ind(10_000_001), "One Crore One");
        assert_eq!(ind(990_000_000), "Ninety Nine Crore");
        assert_eq!(ind(1_000_000_000), "One Hundred Crore");
        assert_eq!(ind(100_000_000_000), "Ten Thousand Crore");
        assert_eq!(ind(12_340_000_000), "One Thousand Two Hundred Thirty Four Crore");
        assert_eq!(ind(1_000_000_000_000_000), "Ten Crore Crore");
    }

    #[test]
    fn international_scales() {
        assert_eq!(intl(99_999), "Ninety Nine Thousand Nine Hundred Ninety Nine");
        assert_eq!(intl(100_000), "One Hundred Thousand");
        assert_eq!(
            intl(9_999_999),
            "Nine Million Nine Hundred Ninety Nine Thousand Nine Hundred Ninety Nine"
        );
        assert_eq!(intl(10_000_000), "Ten Million");
        assert_eq!(intl(100_000_000_000), "One Hundred Billion");
        assert_eq!(intl(1_000_000_000_001), "One Trillion One");
        assert_eq!(intl(2_000_000_000_000_000), "Two Thousand Trillion");
        assert_eq!(intl(1_000_001_000_000), "One Trillion One Million");
    }

    #[test]
    fn largest_integers_do_not_panic() {
        let max = intl(u128::MAX);
        assert!(max.starts_with("Three Hundred Forty"), "{max}");
        assert!(max.ends_with("Two Hundred Eleven Thousand Four Hundred Fifty Five"), "{max}");
        assert!(ind(u128::MAX).ends_with("Eleven Thousand Four Hundred Fifty Five"));
        for w in [intl(u128::MAX), ind(u128::MAX)] {
            assert!(!w.contains(['-', ',']) && !w.contains("  "));
        }
    }

    #[test]
    fn brief_examples() {
        assert_eq!(
            words("123456789.50", "INR"),
            "Rupees Twelve Crore Thirty Four Lakh Fifty Six Thousand Seven Hundred Eighty Nine \
             and Fifty Paise Only"
        );
        assert_eq!(words("1200000", "INR"), "Rupees Twelve Lakh Only");
        assert_eq!(
            words("1250.50", "USD"),
            "US Dollars One Thousand Two Hundred Fifty and Cents Fifty Only"
        );
        assert_eq!(words("3", "EUR"), "Euros Three Only");
        assert_eq!(words("1500", "JPY"), "Yen One Thousand Five Hundred Only");
        assert_eq!(words("1.250", "KWD"), "Kuwaiti Dinars One and Fils Two Hundred Fifty Only");
        assert_eq!(words("0", "INR"), "Rupees Zero Only");
    }

    #[test]
    fn minor_part() {
        assert_eq!(words("0.50", "INR"), "Rupees Zero and Fifty Paise Only");
        assert_eq!(words("0.01", "USD"), "US Dollars Zero and Cents One Only");
        assert_eq!(words("10.00", "GBP"), "Pounds Sterling Ten Only");
        assert_eq!(words("10.05", "GBP"), "Pounds Sterling Ten and Pence Five Only");
        assert_eq!(words("2.005", "BHD"), "Bahraini Dinars Two and Fils Five Only");
        assert_eq!(words("2.5", "KWD"), "Kuwaiti Dinars Two and Fils Five Hundred Only");
    }

    #[test]
    fn rounds_before_writing() {
        assert_eq!(words("1.005", "USD"), "US Dollars One and Cents One Only");
        assert_eq!(words("1.004", "USD"), "US Dollars One Only");
        assert_eq!(words("0.995", "INR"), "Rupees One Only");
        assert_eq!(words("1499.5", "JPY"), "Yen One Thousand Five Hundred Only");
        assert_eq!(words("0.0004", "KWD"), "Kuwaiti Dinars Zero Only");
        assert_eq!(words("0.0005", "KWD"), "Kuwaiti Dinars Zero and Fils One Only");
    }

    #[test]
    fn negative_amounts() {
        assert_eq!(words("-5", "USD"), "US Dollars Minus Five Only");
        assert_eq!(words("-0.50", "INR"), "Rupees Minus Zero and Fifty Paise Only");
        assert_eq!(words("-0.004", "USD"), "US Dollars Zero Only");
        assert_eq!(words("-0.005", "USD"), "US Dollars Minus Zero and Cents One Only");
    }

    #[test]
    fn unnamed_minor_unit_reads_digits() {
        assert_eq!(words("1.20", "MGA"), "Malagasy Ariary One Point Two Only");
        assert_eq!(words("1.05", "MRU"), "Mauritanian Ouguiyas One Point Zero Five Only");
        assert_eq!(words("7", "MGA"), "Malagasy Ariary Seven Only");
    }

    #[test]
    fn unusual_currency_records_do_not_panic() {
        let odd = Currency {
            code: "ZZZ",
            name: "",
            minor_units: u32::MAX,
            major_words: "",
            minor_words: Some(""),
            cbic_schedule: None,
        };
        assert!(!amount_in_words(d("1.5"), &odd, Numbering::International).is_empty());
        assert_eq!(amount_in_words(d("2"), &odd, Numbering::International), "Two Only");
    }

    #[test]
    fn extreme_values_do_not_panic() {
        for code in ["INR", "USD", "KWD", "JPY", "MGA"] {
            for v in [Decimal::MAX, Decimal::MIN, Decimal::new(1, 28), Decimal::new(-5, 28)] {
                let w = amount_in_words(v, cur(code), Numbering::Indian);
                assert!(w.ends_with(" Only"), "{w}");
                let w = amount_in_words(v, cur(code), Numbering::International);
                assert!(w.ends_with(" Only"), "{w}");
            }
        }
        let max = amount_in_words(Decimal::MAX, cur("USD"), Numbering::International);
        assert!(
            max.starts_with("US Dollars Seventy Nine Thousand Two Hundred Twenty Eight Trillion"),
            "{max}"
        );
        assert!(
            max.ends_with("Nine Hundred Fifty Thousand Three Hundred Thirty Five Only"),
            "{max}"
        );
        let min = amount_in_words(Decimal::MIN, cur("INR"), Numbering::Indian);
        assert!(min.starts_with("Rupees Minus "), "{min}");
    }

    #[test]
    fn words_are_well_formed_across_a_range() {
        let samples = (0..=120_000_u128).chain((0..2_000).map(|i| i * 9_876_543_211));
        for n in samples {
            for numbering in [Numbering::Indian, Numbering::International] {
                let w = integer_in_words(n, numbering);
                assert!(!w.is_empty(), "{n}");
                assert_eq!(w.trim(), w, "{n}");
                assert!(!w.contains("  ") && !w.contains(['-', ',']), "{n}: {w}");
                assert!(!w.contains(" and "), "{n}: {w}");
                assert_eq!(n == 0, w.contains("Zero"), "{n}: {w}");
            }
        }
    }
}
