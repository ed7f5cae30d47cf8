//! Unit tests of the composed vocabulary.

use super::*;
use crate::data::currencies::currency;
use jiff::civil::date as ymd;

#[test]
fn dates_keep_latin_digits() {
    let d = ymd(2026, 11, 18);
    assert_eq!(date(d, Lang::En), "18 Nov 2026");
    assert_eq!(date(d, Lang::Hi), "18 नवंबर 2026");
    assert_eq!(date(d, Lang::EnHi), "18 Nov 2026");
    let all: Vec<String> = (1..=12).map(|m| date(ymd(2026, m, 1), Lang::Hi)).collect();
    assert_eq!(all[0], "1 जनवरी 2026");
    assert_eq!(all[9], "1 अक्तूबर 2026");
    assert!(all.iter().all(|s| !s.chars().any(|c| c.is_ascii_alphabetic())), "{all:?}");
    assert_eq!(date_opt(None, Lang::Hi), "");
    assert_eq!(valid_until(Some(ymd(2027, 3, 31)), Lang::Hi), "31 मार्च 2027 तक वैध");
    assert_eq!(valid_until(Some(ymd(2027, 3, 31)), Lang::En), "31 Mar 2027");
}

#[test]
fn words_follow_the_language() {
    assert_eq!(yes_no(true, Lang::Hi), "हाँ");
    assert_eq!(yes_no(false, Lang::En), "No");
    assert_eq!(yes_no(false, Lang::EnHi), "No / नहीं");
    assert_eq!(dated("A/1", "18 नवंबर 2026", Lang::Hi), "A/1 दिनांक 18 नवंबर 2026");
    assert_eq!(dated("A/1", "18 Nov 2026", Lang::En), "A/1 dated 18 Nov 2026");
    assert_eq!(dated("", "18 Nov 2026", Lang::En), "18 Nov 2026");
    assert_eq!(incoterms(Some("FOB"), Some("Mundra"), Lang::Hi), "FOB Mundra (इनकोटर्म्स 2020)");
    assert_eq!(incoterms(Some("DAP"), None, Lang::En), "DAP (Incoterms 2020)");
    assert_eq!(package_numbers(1, 40, Lang::Hi), "सं. 1-40");
    assert_eq!(package_numbers(1, 1, Lang::En), "No. 1");
    assert_eq!(tax_line(TaxLine::OutsideIndia, Lang::Hi), "भारत से बाहर (96 अन्य देश)");
    assert_eq!(entity(EntityKind::Huf, Lang::Hi), "हिंदू अविभाजित परिवार");
    assert_eq!(district("Lucknow", Lang::Hi), "Lucknow ज़िला");
}

#[test]
fn package_kinds_and_counts() {
    assert_eq!(package_count(Some("carton"), 40, Lang::En), "40 cartons");
    assert_eq!(package_count(Some("carton"), 40, Lang::Hi), "40 कार्टन");
    assert_eq!(package_count(Some("Boxes"), 2, Lang::Hi), "2 डिब्बे");
    assert_eq!(package_count(Some("box"), 1, Lang::Hi), "1 डिब्बा");
    assert_eq!(package_count(Some("box"), 2, Lang::En), "2 boxes");
    assert_eq!(package_count(Some("case"), 3, Lang::Hi), "3 पेटियाँ");
    assert_eq!(package_count(None, 1, Lang::Hi), "1 पैकेज");
    assert_eq!(package_count(Some("packet"), 1, Lang::EnHi), "1 packet / 1 पैकेट");
    // An unknown kind is user data: printed as written.
    assert_eq!(package_count(Some("Tin"), 2, Lang::Hi), "2 Tin");
    for (en, _, _) in KINDS_HI {
        for n in [1, 2] {
            let hi = package_kind(Some(en), n, Lang::Hi);
            assert!(!hi.chars().any(|c| c.is_ascii_alphabetic()), "{en}: {hi}");
        }
    }
}

#[test]
fn transport_and_products() {
    let ems = Some(PostalProduct::Ems);
    assert_eq!(
        transport_mode(TransportMode::Post, ems, Lang::En),
        "Post (India Post International EMS (Speed Post))"
    );
    assert_eq!(
        transport_mode(TransportMode::Post, ems, Lang::Hi),
        "डाक (भारतीय डाक अंतरराष्ट्रीय ईएमएस (स्पीड पोस्ट))"
    );
    assert_eq!(transport_mode(TransportMode::Sea, None, Lang::EnHi), "Sea / समुद्री मार्ग");
    for mode in [
        TransportMode::Post,
        TransportMode::Air,
        TransportMode::Sea,
        TransportMode::Road,
        TransportMode::Rail,
        TransportMode::Courier,
    ] {
        let hi = transport_mode(mode, Some(PostalProduct::Parcel), Lang::Hi);
        assert!(!hi.chars().any(|c| c.is_ascii_alphabetic()), "{mode:?}: {hi}");
    }
}

#[test]
fn no_latin_words_in_hindi_vocabulary() {
    let latin = |s: &str| s.chars().any(|c| c.is_ascii_alphabetic());
    let kinds = [
        EntityKind::SoleProprietor,
        EntityKind::Partnership,
        EntityKind::Llp,
        EntityKind::Company,
        EntityKind::SelfHelpGroup,
        EntityKind::Society,
        EntityKind::Trust,
        EntityKind::Huf,
        EntityKind::Government,
        EntityKind::Other,
    ];
    for k in kinds {
        assert!(!latin(&entity(k, Lang::Hi)), "{k:?}");
    }
    for t in [TaxLine::OutsideIndia, TaxLine::NilUnderLut, TaxLine::NilUnderBond, TaxLine::IgstPaid]
    {
        assert!(!latin(&tax_line(t, Lang::Hi)), "{t:?}");
    }
    for p in crate::data::iec::PERMANENT_IECS {
        let hi = permanent_iec(p.iec, p.category, Lang::Hi);
        let without_code = hi.replacen(p.iec, "", 1);
        assert!(!latin(&without_code), "{}: {hi}", p.iec);
    }
}

#[test]
fn amounts_in_words_by_language() {
    let inr = currency("INR").unwrap_or_else(|| unreachable!());
    let v = Decimal::new(120_000_000, 2);
    assert_eq!(amount_in_words(v, inr, Numbering::Indian, Lang::En), "Rupees Twelve Lakh Only");
    assert_eq!(amount_in_words(v, inr, Numbering::Indian, Lang::Hi), "बारह लाख रुपये मात्र");
    assert_eq!(
        amount_in_words(v, inr, Numbering::Indian, Lang::EnHi),
        "Rupees Twelve Lakh Only / बारह लाख रुपये मात्र"
    );
}
