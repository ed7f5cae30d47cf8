//! Amounts in words in Hindi ("बारह लाख रुपये मात्र"), always in the Indian system: सौ (100),
//! हज़ार (10^3), लाख (10^5), करोड़ (10^7), crores counted on above 99 crore.
//!
//! Hindi names every number from 1 to 99 with its own word (they are not built from tens and
//! units as in English), so the table below lists all of them. Source: the cardinal numbers of
//! standard Hindi as tabulated in the Wikipedia article "Hindustani numerals" (0–99,
//! transliterated, one row per ten), cross-checked with the Hindi cardinal-numeral table of the
//! Transparent Language Hindi grammar ("Cardinal Numerals", 0–100 in Devanagari). Where spellings
//! vary the common modern one is used: छह (6), पाँच (5), नब्बे (90) and the nineties in -नवे
//! (इक्यानवे … निन्यानवे), उन्यासी (79).

use super::round_amount;
use crate::data::currencies::Currency;
use rust_decimal::Decimal;

/// The Hindi words for 0 to 99, index = number.
#[rustfmt::skip]
const UNDER_100: [&str; 100] = [
    "शून्य", "एक", "दो", "तीन", "चार", "पाँच", "छह", "सात", "आठ", "नौ", // 0–9
    "दस", "ग्यारह", "बारह", "तेरह", "चौदह", "पंद्रह", "सोलह", "सत्रह", "अठारह", "उन्नीस", // 10–19
    "बीस", "इक्कीस", "बाईस", "तेईस", "चौबीस", "पच्चीस", "छब्बीस", "सत्ताईस", "अट्ठाईस", "उनतीस", // 20–29
    "तीस", "इकतीस", "बत्तीस", "तैंतीस", "चौंतीस", "पैंतीस", "छत्तीस", "सैंतीस", "अड़तीस", "उनतालीस", // 30–39
    "चालीस", "इकतालीस", "बयालीस", "तैंतालीस", "चवालीस", "पैंतालीस", "छियालीस", "सैंतालीस", "अड़तालीस", "उनचास", // 40–49
    "पचास", "इक्यावन", "बावन", "तिरपन", "चौवन", "पचपन", "छप्पन", "सत्तावन", "अट्ठावन", "उनसठ", // 50–59
    "साठ", "इकसठ", "बासठ", "तिरसठ", "चौंसठ", "पैंसठ", "छियासठ", "सड़सठ", "अड़सठ", "उनहत्तर", // 60–69
    "सत्तर", "इकहत्तर", "बहत्तर", "तिहत्तर", "चौहत्तर", "पचहत्तर", "छिहत्तर", "सतहत्तर", "अठहत्तर", "उन्यासी", // 70–79
    "अस्सी", "इक्यासी", "बयासी", "तिरासी", "चौरासी", "पचासी", "छियासी", "सत्तासी", "अट्ठासी", "नवासी", // 80–89
    "नब्बे", "इक्यानवे", "बानवे", "तिरानवे", "चौरानवे", "पचानवे", "छियानवे", "सत्तानवे", "अट्ठानवे", "निन्यानवे", // 90–99
];

/// सौ: hundred.
pub(crate) const SAU: &str = "सौ";
/// हज़ार: thousand (10^3).
pub(crate) const HAZAAR: &str = "हज़ार";
/// लाख: lakh (10^5).
pub(crate) const LAKH_WORD: &str = "लाख";
/// करोड़: crore (10^7).
pub(crate) const CRORE_WORD: &str = "करोड़";
/// मात्र: "only", closing an amount in words.
const MATRA: &str = "मात्र";
/// और: "and", before the minor part.
const AUR: &str = "और";
/// ऋण: "minus".
const RIN: &str = "ऋण";
/// दशमलव: decimal point, for a minor unit without a name.
const DASHAMLAV: &str = "दशमलव";

const THOUSAND: u128 = 1_000;
const LAKH: u128 = 100_000;
const CRORE: u128 = 10_000_000;

/// Writes a whole number in Hindi words, Indian system, without commas:
/// `121` → `"एक सौ इक्कीस"`, `0` → `"शून्य"`, `12_00_000` → `"बारह लाख"`.
///
/// Above 99 crore the crores are counted on (`1_000_000_000` → `"एक सौ करोड़"`), as in the
/// English Indian numbering of [`super::integer_in_words`]. Every `u128` works.
pub fn integer_in_words_hi(n: u128) -> String {
    if n == 0 {
        return UNDER_100[0].to_owned();
    }
    let mut words = Vec::new();
    push_words(n, &mut words);
    words.join(" ")
}

/// The Hindi name of a currency's major and minor unit, for the currencies an Indian invoice
/// is commonly made out in (domain reference §10), as Hindi newspapers and the RBI's Hindi
/// reference-rate releases write them. `None` for any other currency: its amount is then
/// written with the ISO code as unit.
fn unit_names(code: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match code {
        "INR" => ("रुपये", Some("पैसे")),
        "USD" => ("अमेरिकी डॉलर", Some("सेंट")),
        "EUR" => ("यूरो", Some("सेंट")),
        "GBP" => ("पाउंड स्टर्लिंग", Some("पेंस")),
        "AED" => ("यूएई दिरहम", Some("फ़िल्स")),
        "AUD" => ("ऑस्ट्रेलियाई डॉलर", Some("सेंट")),
        "CAD" => ("कनाडाई डॉलर", Some("सेंट")),
        "SGD" => ("सिंगापुर डॉलर", Some("सेंट")),
        "JPY" => ("जापानी येन", None),
        _ => return None,
    })
}

/// Writes a currency amount in Hindi words, as printed under invoice totals: the number, then
/// the unit, then the minor part joined with `और`, closed by `मात्र`:
/// `123456789.50` INR → `"बारह करोड़ चौंतीस लाख छप्पन हज़ार सात सौ नवासी रुपये और पचास पैसे
/// मात्र"`.
///
/// The value is first rounded with [`round_amount`] to the currency's minor units; numbers are
/// always in the Indian system (a Hindi reader counts in lakh and crore whatever the currency).
/// The minor part is left out when it is zero or the currency has no minor unit. A currency
/// without a Hindi name in niryat's list prints its ISO code as unit (`"… USD …"` style codes
/// are what a clerk sees on the invoice anyway), and its minor part is read digit by digit
/// after `दशमलव` (decimal point) before the code. A negative value is preceded by `ऋण`. Nothing
/// panics, whatever the value or the currency record.
pub fn amount_in_words_hi(value: Decimal, currency: &Currency) -> String {
    let places = currency.minor_units.min(Decimal::MAX_SCALE);
    let rounded = round_amount(value, places);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let mantissa = rounded.mantissa().unsigned_abs();
    let scale = rounded.scale();
    let unit = pow10(scale);
    let whole = mantissa / unit;
    let fraction = mantissa % unit;
    let minor = fraction.saturating_mul(pow10(places.saturating_sub(scale)));

    let mut parts: Vec<String> = Vec::new();
    if negative {
        parts.push(RIN.to_owned());
    }
    parts.push(integer_in_words_hi(whole));
    match unit_names(currency.code) {
        Some((major, minor_name)) => {
            parts.push(major.to_owned());
            if let (true, Some(name)) = (minor > 0, minor_name) {
                parts.extend([AUR.to_owned(), integer_in_words_hi(minor), name.to_owned()]);
            }
        }
        None => {
            if minor > 0 {
                parts.push(DASHAMLAV.to_owned());
                let digits = format!("{:0width$}", minor, width = places as usize);
                for digit in digits.trim_end_matches('0').bytes() {
                    let index = usize::from(digit.saturating_sub(b'0'));
                    parts.push(UNDER_100.get(index).copied().unwrap_or(UNDER_100[0]).to_owned());
                }
            }
            if !currency.code.is_empty() {
                parts.push(currency.code.to_owned());
            }
        }
    }
    parts.push(MATRA.to_owned());
    parts.join(" ")
}

/// 10^exp, saturating (callers only pass exponents up to 28).
fn pow10(exp: u32) -> u128 {
    10u128.checked_pow(exp).unwrap_or(u128::MAX)
}

/// Appends the words for `n` (> 0; nothing is pushed for 0).
fn push_words(n: u128, out: &mut Vec<&'static str>) {
    let crores = n / CRORE;
    if crores > 0 {
        push_words(crores, out);
        out.push(CRORE_WORD);
    }
    push_group(n / LAKH % 100, Some(LAKH_WORD), out);
    push_group(n / THOUSAND % 100, Some(HAZAAR), out);
    push_group(n % THOUSAND, None, out);
}

/// Appends the words for `n` (< 1000) followed by `scale`, or nothing when `n` is 0.
fn push_group(n: u128, scale: Option<&'static str>, out: &mut Vec<&'static str>) {
    if n == 0 {
        return;
    }
    // n < 1000, so both indexes are below 100; `get` keeps this panic-free.
    let hundreds = (n / 100) as usize;
    let rest = (n % 100) as usize;
    if hundreds > 0 {
        out.extend(UNDER_100.get(hundreds));
        out.push(SAU);
    }
    if rest > 0 {
        out.extend(UNDER_100.get(rest));
    }
    out.extend(scale);
}

#[cfg(test)]
#[path = "words_hi_tests.rs"]
mod tests;
