//! Tests of the Hindi amounts in words. The expected words for 0–99 and the parser that reads
//! generated words back into a number are written here independently of the module's table
//! (same source, typed again one decade to a line), so a slip in either shows up.

use super::*;
use crate::data::currencies::currency;
use std::str::FromStr;

/// 0–99, one decade per line, from the "Hindustani numerals" table (see the module comment).
const DECADES: [&str; 10] = [
    "शून्य एक दो तीन चार पाँच छह सात आठ नौ",
    "दस ग्यारह बारह तेरह चौदह पंद्रह सोलह सत्रह अठारह उन्नीस",
    "बीस इक्कीस बाईस तेईस चौबीस पच्चीस छब्बीस सत्ताईस अट्ठाईस उनतीस",
    "तीस इकतीस बत्तीस तैंतीस चौंतीस पैंतीस छत्तीस सैंतीस अड़तीस उनतालीस",
    "चालीस इकतालीस बयालीस तैंतालीस चवालीस पैंतालीस छियालीस सैंतालीस अड़तालीस उनचास",
    "पचास इक्यावन बावन तिरपन चौवन पचपन छप्पन सत्तावन अट्ठावन उनसठ",
    "साठ इकसठ बासठ तिरसठ चौंसठ पैंसठ छियासठ सड़सठ अड़सठ उनहत्तर",
    "सत्तर इकहत्तर बहत्तर तिहत्तर चौहत्तर पचहत्तर छिहत्तर सतहत्तर अठहत्तर उन्यासी",
    "अस्सी इक्यासी बयासी तिरासी चौरासी पचासी छियासी सत्तासी अट्ठासी नवासी",
    "नब्बे इक्यानवे बानवे तिरानवे चौरानवे पचानवे छियानवे सत्तानवे अट्ठानवे निन्यानवे",
];

fn expected_small() -> Vec<&'static str> {
    DECADES.iter().flat_map(|d| d.split(' ')).collect()
}

/// Reads Indian-system Hindi number words back into a number; `None` on any word or order
/// that a correct writer would not produce (a scale without a number before it, a scale
/// larger than one already closed in the same crore segment, two numbers in a row).
fn parse_number(words: &str) -> Option<u128> {
    let small = expected_small();
    let (mut total, mut segment, mut current): (u128, u128, u128) = (0, 0, 0);
    // Smallest scale closed so far in this crore segment (hazaar < lakh), to check order.
    let mut last_scale = u128::MAX;
    let mut after_number = false;
    for w in words.split(' ') {
        if let Some(v) = small.iter().position(|s| *s == w) {
            if after_number {
                return None;
            }
            current = current.checked_add(v as u128)?;
            after_number = true;
            continue;
        }
        match w {
            "सौ" => {
                if !after_number || current >= 100 {
                    return None;
                }
                current = current.checked_mul(100)?;
                after_number = false;
            }
            "हज़ार" | "लाख" => {
                let scale = if w == "हज़ार" { 1_000 } else { 100_000 };
                if current == 0 || current >= 100 || scale >= last_scale {
                    return None;
                }
                segment = segment.checked_add(current.checked_mul(scale)?)?;
                current = 0;
                last_scale = scale;
                after_number = false;
            }
            "करोड़" => {
                let so_far = total.checked_add(segment)?.checked_add(current)?;
                if so_far == 0 {
                    return None;
                }
                total = so_far.checked_mul(10_000_000)?;
                segment = 0;
                current = 0;
                last_scale = u128::MAX;
                after_number = false;
            }
            _ => return None,
        }
    }
    total.checked_add(segment)?.checked_add(current)
}

/// Reads an INR amount in words back into (rupees, paise).
fn parse_inr(words: &str) -> Option<(u128, u128)> {
    let body = words.strip_suffix(" मात्र")?;
    let (rupees, paise) = match body.split_once(" रुपये") {
        Some((r, "")) => (r, None),
        Some((r, rest)) => (r, Some(rest.strip_prefix(" और ")?.strip_suffix(" पैसे")?)),
        None => return None,
    };
    let paise = match paise {
        Some(p) => {
            let v = parse_number(p)?;
            if v == 0 || v > 99 {
                return None;
            }
            v
        }
        None => 0,
    };
    Some((parse_number(rupees)?, paise))
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_default()
}

fn inr(amount: &str) -> String {
    amount_in_words_hi(d(amount), currency("INR").unwrap_or_else(|| unreachable!()))
}

#[test]
fn every_number_below_100() {
    let expected = expected_small();
    assert_eq!(expected.len(), 100);
    for (n, want) in expected.iter().enumerate() {
        assert_eq!(integer_in_words_hi(n as u128), *want, "{n}");
    }
    let mut distinct = expected.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), 100, "two numbers share a word");
}

#[test]
fn hundreds_and_thousands() {
    assert_eq!(integer_in_words_hi(100), "एक सौ");
    assert_eq!(integer_in_words_hi(101), "एक सौ एक");
    assert_eq!(integer_in_words_hi(999), "नौ सौ निन्यानवे");
    assert_eq!(integer_in_words_hi(1_000), "एक हज़ार");
    assert_eq!(integer_in_words_hi(1_250), "एक हज़ार दो सौ पचास");
    assert_eq!(integer_in_words_hi(99_999), "निन्यानवे हज़ार नौ सौ निन्यानवे");
}

#[test]
fn lakh_and_crore_boundaries() {
    let cases: [(u128, &str); 10] = [
        (99_999, "निन्यानवे हज़ार नौ सौ निन्यानवे"),
        (100_000, "एक लाख"),
        (100_001, "एक लाख एक"),
        (1_200_000, "बारह लाख"),
        (9_999_999, "निन्यानवे लाख निन्यानवे हज़ार नौ सौ निन्यानवे"),
        (10_000_000, "एक करोड़"),
        (10_000_001, "एक करोड़ एक"),
        (990_000_000, "निन्यानवे करोड़"),
        (1_000_000_000, "एक सौ करोड़"),
        (100_000_000_000, "दस हज़ार करोड़"),
    ];
    for (n, want) in cases {
        assert_eq!(integer_in_words_hi(n), want, "{n}");
        assert_eq!(parse_number(want), Some(n), "parser on {want}");
    }
    assert_eq!(integer_in_words_hi(1_000_000_000_000_000), "दस करोड़ करोड़");
}

#[test]
fn every_number_to_two_lakh_reads_back() {
    for n in 0..=200_000_u128 {
        let w = integer_in_words_hi(n);
        assert_eq!(parse_number(&w), Some(n), "{n}: {w}");
    }
}

#[test]
fn generated_amounts_read_back() {
    // A fixed linear congruential sequence: the same amounts on every run, spread over every
    // magnitude from paise to thousands of crores.
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..20_000 {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let digits = (x >> 59) as u32 + 1; // 1..=32 digits of paise, capped below
        let paise_total = u128::from(x >> 1) % 10u128.pow(digits.min(19));
        let amount = Decimal::from_i128_with_scale(paise_total as i128, 2);
        let words = amount_in_words_hi(amount, currency("INR").unwrap_or_else(|| unreachable!()));
        let parsed = parse_inr(&words);
        assert_eq!(parsed, Some((paise_total / 100, paise_total % 100)), "{amount}: {words}");
    }
    let big = u128::MAX;
    assert_eq!(parse_number(&integer_in_words_hi(big)), Some(big));
}

#[test]
fn amounts_in_rupees() {
    assert_eq!(
        inr("123456789.50"),
        "बारह करोड़ चौंतीस लाख छप्पन हज़ार सात सौ नवासी रुपये और पचास पैसे मात्र"
    );
    assert_eq!(inr("1200000"), "बारह लाख रुपये मात्र");
    assert_eq!(inr("0"), "शून्य रुपये मात्र");
    assert_eq!(inr("0.995"), "एक रुपये मात्र");
    assert_eq!(inr("-0.50"), "ऋण शून्य रुपये और पचास पैसे मात्र");
}

#[test]
fn foreign_currencies() {
    let w =
        |a: &str, c: &str| amount_in_words_hi(d(a), currency(c).unwrap_or_else(|| unreachable!()));
    assert_eq!(w("1250.50", "USD"), "एक हज़ार दो सौ पचास अमेरिकी डॉलर और पचास सेंट मात्र");
    assert_eq!(w("1500", "JPY"), "एक हज़ार पाँच सौ जापानी येन मात्र");
    assert_eq!(w("10.05", "GBP"), "दस पाउंड स्टर्लिंग और पाँच पेंस मात्र");
    // No Hindi name in the list: the ISO code is the unit, the fraction read digit by digit.
    assert_eq!(w("1.250", "KWD"), "एक दशमलव दो पाँच KWD मात्र");
    assert_eq!(w("7", "MXN"), "सात MXN मात्र");
}

#[test]
fn extreme_values_do_not_panic() {
    for code in ["INR", "USD", "KWD", "JPY", "MGA"] {
        let c = currency(code).unwrap_or_else(|| unreachable!());
        for v in [Decimal::MAX, Decimal::MIN, Decimal::new(1, 28), Decimal::new(-5, 28)] {
            assert!(amount_in_words_hi(v, c).ends_with(" मात्र"), "{code} {v}");
        }
    }
    let odd = Currency {
        code: "",
        name: "",
        minor_units: u32::MAX,
        major_words: "",
        minor_words: None,
        cbic_schedule: None,
    };
    assert!(amount_in_words_hi(d("1.5"), &odd).starts_with("एक दशमलव पाँच"));
}
