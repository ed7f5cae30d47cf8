//! The rules catalogue and the identifier, GST, currency, terms and transport rules:
//! each rule fires on a one-field change of a bundled example (exact code, path and
//! severity, and nothing else), and stays quiet on the corrected input.
//!
//! Goods, money, postal and packing rules are in `rules_goods.rs`; required fields,
//! draft mode and applicability in `rules_modes.rs`.

#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use niryat::model::TaxTreatment;
use niryat::rules::catalogue::ALL;
use niryat::rules::ids::{self, GstinError, IecKind, PanError, S10Error};
use niryat::DocKind::*;
use support::*;

// ---------------------------------------------------------------------------
// The catalogue itself
// ---------------------------------------------------------------------------

// The published codes and their order are guarded in tests/catalogue.rs.

#[test]
fn catalogue_entries_say_what_and_why() {
    for r in ALL {
        assert!(
            r.checks.len() > 20 && r.checks.ends_with('.'),
            "{}: `checks` should be a sentence",
            r.code
        );
        assert!(!r.source.is_empty(), "{}: no source", r.code);
    }
}

#[test]
fn catalogue_severities_follow_confidence() {
    // Rules resting on common practice [K] or unconfirmed facts [U] alone are warnings.
    for r in ALL {
        let only_weak = (r.source.contains("[K]") || r.source.contains("[U]"))
            && !r.source.contains("[C]")
            && !r.source.contains("[S]");
        if only_weak {
            assert_eq!(r.severity, W, "{} rests on [K]/[U] only and must be a warning", r.code);
        }
    }
    let sev = |code: &str| ALL.iter().find(|r| r.code == code).unwrap().severity;
    assert_eq!(sev("gstin_14th_not_z"), W);
    assert_eq!(sev("iec_legacy"), W);
    assert_eq!(sev("lut_export_window"), W);
    assert_eq!(sev("tracking_check_digit"), W);
    assert_eq!(sev("gstin_checksum"), E);
    assert_eq!(sev("cn22_value_limit"), E);
}

#[test]
fn catalogue_markdown_lists_every_code() {
    let md = niryat::rules::catalogue_markdown();
    for r in ALL {
        assert!(
            md.contains(&format!("| `{}` | {} |", r.code, r.severity.as_str())),
            "{} missing from the markdown",
            r.code
        );
    }
}

#[test]
fn the_examples_are_clean_for_the_documents_they_call_for() {
    assert_eq!(docs(&lucknow()), [CommercialInvoice, PackingList, IecDetails, Cn22, Pbe]);
    assert_eq!(docs(&varanasi()), [CommercialInvoice, PackingList, IecDetails, Cn23, Pbe]);
    assert_eq!(docs(&moradabad()), [CommercialInvoice, PackingList, IecDetails]);
    assert_eq!(docs(&gift()), [Cn22]);
    for s in [lucknow(), varanasi(), moradabad(), gift()] {
        clean(&s, &docs(&s));
        expect_mode(&s, &docs(&s), niryat::Mode::Draft, &[]);
    }
}

// ---------------------------------------------------------------------------
// Identifier functions against public vectors (domain reference §1)
// ---------------------------------------------------------------------------

#[test]
fn pan_public_vectors() {
    for pan in ["AAKFD7113K", "AAPPV8261K", "ABMPA3211G", "ACUPA7085R", "AFZPK7190K"] {
        assert_eq!(ids::check_pan(pan), Ok(()), "{pan}");
    }
    // E: limited liability partnerships (domain reference §14.1).
    for holder in "ABCEFGHJLPTK".chars() {
        assert_eq!(ids::check_pan(&format!("AAP{holder}V8261K")), Ok(()), "holder {holder}");
    }
    assert_eq!(ids::check_pan("AAPPV0000K"), Err(PanError::ZeroSerial));
    assert_eq!(ids::check_pan("AAPDV8261K"), Err(PanError::HolderType));
    assert_eq!(ids::check_pan("AAPXV8261K"), Err(PanError::HolderType));
    for bad in [
        "",
        "AAPPV8261",
        "AAPPV8261KK",
        "aappv8261k",
        "AAPP18261K",
        "AAPPV826AK",
        "AAPPV82611",
        " AAPPV8261",
        "AAPPV8261\u{e9}",
    ] {
        assert_eq!(ids::check_pan(bad), Err(PanError::Shape), "{bad:?}");
    }
}

#[test]
fn gstin_public_vectors() {
    for g in [
        "27AAPFU0939F1ZV",
        "24AAACJ3770E2ZV",
        "05ABVPJ8672P1ZK",
        "33GSPTN0292G1Z9",
        "09ABCPE1234F1Z9",
    ] {
        assert_eq!(ids::check_gstin(g), Ok(()), "{g}");
        assert_eq!(ids::gstin_check_char(&g[..14]), g.chars().nth(14), "{g}");
    }
    assert_eq!(ids::check_gstin("27AAPFU0939F1ZO"), Err(GstinError::Checksum('V')));
    assert_eq!(
        ids::check_gstin("29AWGPV7107B1Z1"),
        Err(GstinError::Checksum(ids::gstin_check_char("29AWGPV7107B1Z").unwrap()))
    );
    for g in [
        "37ARZPT4384Q1MT",
        "29AWGPV7107B1Z1",
        "29AAACQ3770E000",
        "02AMBPG7773M002",
        "36AMBPG7773M002",
    ] {
        assert!(ids::check_gstin(g).is_err(), "{g} must be refused");
    }
}

#[test]
fn gstin_worked_example_sum() {
    // Domain reference §1.2: the check value of 27AAPFU0939F1Z is 31, i.e. V.
    assert_eq!(ids::gstin_check_char("27AAPFU0939F1Z"), Some('V'));
    assert_eq!(
        ids::gstin_check_char("27AAPFU0939F1"),
        Some(ids::gstin_check_char("27AAPFU0939F1").unwrap())
    );
    assert_eq!(ids::gstin_check_char("27aapfu0939f1z"), None, "lower case is not in the alphabet");
}

#[test]
fn gstin_structure_errors() {
    assert_eq!(
        ids::check_gstin(&with_check("27AAPFU0939F0Z")),
        Err(GstinError::Shape),
        "13th character 0"
    );
    assert_eq!(
        ids::check_gstin(&with_check("27AAPFU0939F1C")),
        Err(GstinError::Shape),
        "14th C is a TCS GSTIN, not a normal one"
    );
    assert_eq!(
        ids::check_gstin(&with_check("27AAPFU0939F1K")),
        Err(GstinError::Shape),
        "14th K is outside GSTN's set"
    );
    assert_eq!(
        ids::check_gstin(&with_check("96AAPFU0939F1Z")),
        Err(GstinError::StateCode),
        "96 is never a GSTIN prefix"
    );
    assert_eq!(ids::check_gstin(&with_check("00AAPFU0939F1Z")), Err(GstinError::StateCode));
    assert_eq!(ids::check_gstin(&with_check("39AAPFU0939F1Z")), Err(GstinError::StateCode));
    assert_eq!(
        ids::check_gstin(&with_check("27AAPXU0939F1Z")),
        Err(GstinError::Pan(PanError::HolderType))
    );
    assert_eq!(
        ids::check_gstin(&with_check("27AAPFU0000F1Z")),
        Err(GstinError::Pan(PanError::ZeroSerial))
    );
    assert_eq!(ids::check_gstin("27aapfu0939f1zv"), Err(GstinError::Shape));
    assert_eq!(ids::check_gstin("27AAPFU0939F1ZV "), Err(GstinError::Shape));
    assert_eq!(ids::check_gstin(""), Err(GstinError::Shape));
    assert_eq!(ids::check_gstin("27AAPFU0939F1Z\u{e9}"), Err(GstinError::Shape));
    for code in ["01", "09", "25", "28", "37", "38", "97", "99"] {
        assert_eq!(
            ids::check_gstin(&with_check(&format!("{code}AAPFU0939F1Z"))),
            Ok(()),
            "state {code}"
        );
    }
    for c14 in "123456789ABDEFGHIJ".chars() {
        let g = with_check(&format!("27AAPFU0939F1{c14}"));
        assert_eq!(ids::check_gstin(&g), Ok(()), "{g}");
        assert!(!ids::gstin_14th_is_z(&g));
    }
    assert!(ids::gstin_14th_is_z("27AAPFU0939F1ZV"));
}

#[test]
fn tcs_gstin_for_ecommerce_operators() {
    let amazon_like = with_check("07AAACA1234A1C");
    assert!(ids::is_tcs_gstin(&amazon_like));
    assert!(!ids::is_tcs_gstin("27AAPFU0939F1ZV"));
    let wrong = if amazon_like.ends_with('0') { '1' } else { '0' };
    assert!(!ids::is_tcs_gstin(&format!("{}{wrong}", &amazon_like[..14])));
}

#[test]
fn iec_kinds() {
    for pan in ["AAKFD7113K", "AAPPV8261K", "ABMPA3211G", "ACUPA7085R", "AFZPK7190K"] {
        assert_eq!(ids::iec_kind(pan), Some(IecKind::Pan), "{pan}");
    }
    for p in [
        "AMDCG0111E",
        "ADSGA0129E",
        "IABBR0145E",
        "IIHIE0153E",
        "IIEGN0161E",
        "IIEGM0170E",
        "IIEGB0180E",
        "ATAEF1096E",
    ] {
        assert_eq!(ids::iec_kind(p), Some(IecKind::Permanent), "{p}");
    }
    // IIHIE0153E fails the PAN holder-type rule: only the allow-list admits it. (ATAEF1096E
    // has the LLP holder type E and is PAN-shaped too.)
    assert!(ids::check_pan("ATAEF1096E").is_ok());
    assert!(ids::check_pan("IIHIE0153E").is_err());
    for legacy in [
        "0100000011",
        "0100000029",
        "0100000037",
        "0100000045",
        "0100000053",
        "0100000061",
        "0100000070",
        "0100000088",
        "0100000096",
        "0100000100",
        "0100000126",
        "0100000134",
        "0512345678",
    ] {
        assert_eq!(ids::iec_kind(legacy), Some(IecKind::Legacy), "{legacy}");
    }
    for bad in
        ["", "010000001", "01000000111", "AAPPV8261", "AAPDV8261K", "aappv8261k", "01000000I1"]
    {
        assert_eq!(ids::iec_kind(bad), None, "{bad:?}");
    }
}

#[test]
fn ad_code_ifsc_invoice_number_hs_code() {
    assert!(ids::is_ad_code("02700150001123"));
    for bad in ["0270015000112", "027001500011230", "0270015000112A", "", "02700 150001123"] {
        assert!(!ids::is_ad_code(bad), "{bad:?}");
    }
    for ok in ["SBIN0000125", "BARB0GODOWL", "PUNB0027100"] {
        assert!(ids::is_ifsc(ok), "{ok}");
    }
    for bad in
        ["SBIN1000125", "SBI00000125", "SBIN000012", "sbin0000125", "SBIN0000125X", "SBIN00001_5"]
    {
        assert!(!ids::is_ifsc(bad), "{bad:?}");
    }
    for ok in ["NCK/2627/014", "MBC/EXP/2627/118", "A", "1", "9-1/a", "ABCDEFGHIJKLMNOP"] {
        assert!(ids::is_invoice_number(ok), "{ok}");
    }
    for bad in [
        "",
        "0123",
        "/A1",
        "-A1",
        "ABCDEFGHIJKLMNOPQ",
        "INV 1",
        "INV_1",
        "INV#1",
        "INV.1",
        "\u{0905}1",
    ] {
        assert!(!ids::is_invoice_number(bad), "{bad:?}");
    }
    for ok in ["6214", "621490", "62149040", "0101"] {
        assert!(ids::is_hs_code(ok), "{ok}");
    }
    for bad in [
        "",
        "621",
        "62149",
        "6214904",
        "621490401",
        "6214.90.40",
        "0000",
        "00000000",
        "62 14",
        "62149O40",
    ] {
        assert!(!ids::is_hs_code(bad), "{bad:?}");
    }
}

#[test]
fn s10_check_digits() {
    // Weights 8 6 4 2 3 5 9 7, mod 11; 10 → 0, 11 → 5.
    assert_eq!(ids::s10_check_digit(&[1, 2, 3, 4, 5, 6, 7, 8]), 5); // sum 204, 204 mod 11 = 6
    assert_eq!(ids::s10_check_digit(&[4, 0, 2, 1, 7, 7, 3, 4]), 1); // sum 153 → 11 - 10 = 1
    assert_eq!(ids::s10_check_digit(&[5, 1, 8, 8, 0, 2, 9, 4]), 7); // sum 213 → 11 - 4 = 7
    assert_eq!(ids::s10_check_digit(&[5, 1, 8, 8, 0, 2, 9, 5]), 5); // sum 220 ≡ 0 → 11 → 5
    assert_eq!(ids::s10_check_digit(&[0, 0, 0, 0, 0, 0, 0, 0]), 5);
    assert_eq!(ids::s10_check_digit(&[0, 0, 0, 0, 0, 0, 0, 1]), 4); // sum 7 → 4
    assert_eq!(ids::s10_check_digit(&[0, 0, 0, 6, 0, 0, 0, 0]), 0); // sum 12 ≡ 1 → 10 → 0
    assert_eq!(ids::s10_check_digit(&[0, 0, 0, 0, 0, 0, 1, 1]), 6); // sum 16 ≡ 5 → 6
    assert_eq!(ids::check_s10("EE123456785IN"), Ok(()));
    assert_eq!(ids::check_s10("LP402177341IN"), Ok(()));
    assert_eq!(ids::check_s10("EE518802947IN"), Ok(()));
    assert_eq!(ids::check_s10("RR123456785US"), Ok(()));
    assert_eq!(ids::check_s10("EE123456789IN"), Err(S10Error::CheckDigit(5)));
    for bad in [
        "",
        "EE12345678IN",
        "EE1234567855IN",
        "ee123456785in",
        "E1123456785IN",
        "EE123456785I1",
        "EE12345678AIN",
        "EE 123456785IN",
    ] {
        assert_eq!(ids::check_s10(bad), Err(S10Error::Shape), "{bad:?}");
    }
}

// ---------------------------------------------------------------------------
// Exporter identifiers as rules (paths and severities)
// ---------------------------------------------------------------------------

#[test]
fn pan_format_rule() {
    for bad in ["AAGCM0000Q", "AAGXM7321Q", "AAGCM7321", "aagcm7321q"] {
        let mut s = moradabad();
        exporter(&mut s).pan = some(bad);
        expect(&s, &docs(&s), &[("pan_format", "/exporter/pan", E)]);
    }
    let mut s = moradabad();
    exporter(&mut s).pan = some(" AAGCM7321Q ");
    clean(&s, &docs(&s));
}

#[test]
fn gstin_checksum_rule() {
    let mut s = lucknow();
    exporter(&mut s).gstin = some("09ABHPP4821K1ZC");
    let issues = expect(&s, &docs(&s), &[("gstin_checksum", "/exporter/gstin", E)]);
    assert_eq!(issues[0].params.get("expected").map(String::as_str), Some("B"));
    exporter(&mut s).gstin = some("09ABHPP4821K1ZB");
    clean(&s, &docs(&s));
}

#[test]
fn gstin_checksum_rule_on_branches() {
    let mut s = moradabad();
    exporter(&mut s).branches[0].gstin = some("27AAPFU0939F1ZO");
    expect(&s, &docs(&s), &[("gstin_checksum", "/exporter/branches/0/gstin", E)]);
    exporter(&mut s).branches[0].gstin = some("27AAPFU0939F1ZV");
    clean(&s, &docs(&s));
}

#[test]
fn gstin_format_rule() {
    // Varanasi pays IGST, so no LUT ARN is compared with the GSTIN's state.
    for bad in [
        "09AAKAK5123M0Z9",
        "09aakak5123m1z9",
        "09AAKAK5123M1Z",
        "GSTIN PENDING",
        "09AAKAK5123M1Z99",
    ] {
        let mut s = varanasi();
        exporter(&mut s).gstin = some(bad);
        expect(&s, &docs(&s), &[("gstin_format", "/exporter/gstin", E)]);
    }
    // The PAN inside is not a PAN (holder type X), though the check character is right.
    let mut s = varanasi();
    exporter(&mut s).gstin = Some(with_check("09AAKXK5123M1Z"));
    expect(&s, &docs(&s), &[("gstin_format", "/exporter/gstin", E)]);
}

#[test]
fn gstin_state_code_rule() {
    let mut s = varanasi();
    exporter(&mut s).gstin = Some(with_check("96AAKAK5123M1Z"));
    expect(&s, &docs(&s), &[("gstin_state_code", "/exporter/gstin", E)]);
    // 38 (Ladakh) is a state code: no error, but the address disagrees with it.
    exporter(&mut s).gstin = Some(with_check("38AAKAK5123M1Z"));
    expect(&s, &docs(&s), &[("gstin_state_mismatch", "/exporter/address/state_code", W)]);
    // Under LUT, the ARN's state (09) is compared with the GSTIN's too.
    let mut s = moradabad();
    exporter(&mut s).gstin = Some(with_check("38AAGCM7321Q1Z"));
    expect(
        &s,
        &docs(&s),
        &[
            ("gstin_state_mismatch", "/exporter/address/state_code", W),
            ("lut_arn_format", "/tax/arn", W),
            // The example's (sample) signed QR code names the GSTIN 09AAGCM7321Q1ZV.
            ("signed_qr_mismatch", "/invoice/e_invoice/signed_qr", E),
        ],
    );
}

#[test]
fn lut_arn_is_not_compared_with_an_invalid_gstin() {
    // Expected: only the GSTIN error; got also "The ARN is for state 09, but the GSTIN is registered in state GS."
    let mut s = moradabad();
    exporter(&mut s).gstin = some("GSTIN PENDING");
    expect(&s, &docs(&s), &[("gstin_format", "/exporter/gstin", E)]);
    exporter(&mut s).gstin = Some(with_check("96AAGCM7321Q1Z"));
    expect(&s, &docs(&s), &[("gstin_state_code", "/exporter/gstin", E)]);
}

#[test]
fn non_ascii_gstin_under_lut_does_not_panic() {
    let mut s = moradabad();
    exporter(&mut s).gstin = some("0\u{e9}AGCM7321Q1ZV");
    expect(&s, &docs(&s), &[("gstin_format", "/exporter/gstin", E)]);
}

#[test]
fn gstin_14th_not_z_rule() {
    let mut s = lucknow();
    exporter(&mut s).gstin = Some(with_check("09ABHPP4821K11"));
    expect(&s, &docs(&s), &[("gstin_14th_not_z", "/exporter/gstin", W)]);
}

#[test]
fn gstin_pan_mismatch_rule() {
    let mut s = moradabad();
    exporter(&mut s).pan = some("AAGCM7322Q");
    expect(&s, &docs(&s), &[("gstin_pan_mismatch", "/exporter/gstin", E)]);
}

#[test]
fn gstin_state_mismatch_rule() {
    let mut s = moradabad();
    exporter(&mut s).address.as_mut().unwrap().state_code = some("27");
    expect(&s, &docs(&s), &[("gstin_state_mismatch", "/exporter/address/state_code", W)]);
    let mut s = moradabad();
    exporter(&mut s).address.as_mut().unwrap().postal_code = some("400001");
    expect(&s, &docs(&s), &[("gstin_state_mismatch", "/exporter/address/postal_code", W)]);
    // Lucknow 226003 and Moradabad 244001 lie in UP's 201-285 range.
    exporter(&mut s).address.as_mut().unwrap().postal_code = some("285001");
    clean(&s, &docs(&s));
    exporter(&mut s).address.as_mut().unwrap().postal_code = some("201301");
    clean(&s, &docs(&s));
}

#[test]
fn iec_format_rule() {
    for bad in ["AAGCM7321", "IEC-12345", "AAGXM7321Q", "01000000111"] {
        let mut s = moradabad();
        exporter(&mut s).iec = some(bad);
        expect(&s, &docs(&s), &[("iec_format", "/exporter/iec", E)]);
    }
    // A permanent IEC is accepted although it is not a PAN and not the GSTIN's PAN.
    let mut s = moradabad();
    exporter(&mut s).iec = some("ATAEF1096E");
    clean(&s, &docs(&s));
}

#[test]
fn iec_legacy_rule() {
    let mut s = moradabad();
    exporter(&mut s).iec = some("0100000011");
    expect(&s, &docs(&s), &[("iec_legacy", "/exporter/iec", W)]);
}

#[test]
fn iec_pan_mismatch_rule() {
    let mut s = varanasi();
    exporter(&mut s).iec = some("AAKAK5124M");
    expect(&s, &docs(&s), &[("iec_pan_mismatch", "/exporter/iec", E)]);
    // Without a GSTIN the IEC is compared with the PAN.
    let mut s = moradabad();
    s.tax = Some(TaxTreatment::Unregistered {});
    exporter(&mut s).gstin = None;
    clean(&s, &docs(&s));
    exporter(&mut s).iec = some("AAGCM7322Q");
    expect(&s, &docs(&s), &[("iec_pan_mismatch", "/exporter/iec", E)]);
}

#[test]
fn ad_code_format_rule() {
    for bad in ["0270015000112", "0270015000112X", "02700-15000-1123"] {
        let mut s = moradabad();
        exporter(&mut s).ad_code = some(bad);
        expect(&s, &docs(&s), &[("ad_code_format", "/exporter/ad_code", E)]);
    }
}

#[test]
fn ifsc_format_rule() {
    for bad in ["PUNB1027100", "PUNB002710", "punb0027100"] {
        let mut s = moradabad();
        exporter(&mut s).bank.as_mut().unwrap().ifsc = some(bad);
        expect(&s, &docs(&s), &[("ifsc_format", "/exporter/bank/ifsc", E)]);
    }
}

// ---------------------------------------------------------------------------
// Invoice and GST
// ---------------------------------------------------------------------------

#[test]
fn invoice_number_format_rule() {
    for bad in ["MBC/EXP/2627/1180", "0MBC/118", "/MBC/118", "MBC EXP 118", "MBC_118"] {
        let mut s = moradabad();
        s.invoice.as_mut().unwrap().number = some(bad);
        expect(&s, &docs(&s), &[("invoice_number_format", "/invoice/number", E)]);
    }
    let mut s = moradabad();
    s.invoice.as_mut().unwrap().number = some("MBC-EXP-2627-118");
    // A well-formed number, but the example's signed QR code names MBC/EXP/2627/118.
    expect(&s, &docs(&s), &[("signed_qr_mismatch", "/invoice/e_invoice/signed_qr", E)]);
    s.invoice.as_mut().unwrap().e_invoice = None;
    s.exporter.as_mut().unwrap().turnover_above_5_crore = Some(false);
    clean(&s, &docs(&s));
}

/// An invoice changed after it was registered keeps its number, date and IRN; the QR code's
/// total value and number of lines tell it from the registered one (Rule 48(4)).
#[test]
fn signed_qr_names_the_registered_value_and_lines() {
    let s = moradabad();
    clean(&s, &docs(&s));
    // More pieces on line 1: another total value.
    let mut more = moradabad();
    let q = more.items[0].quantity.unwrap();
    more.items[0].quantity = Some(q * rust_decimal::Decimal::from(2));
    let issues = niryat::check(&more, Some(&docs(&more)), niryat::Mode::Strict).issues;
    let qr: Vec<_> = issues.iter().filter(|i| i.issue.code == "signed_qr_mismatch").collect();
    assert_eq!(qr.len(), 1, "{issues:?}");
    let said = &qr[0].issue.message;
    assert!(said.contains("the total invoice value (₹)"), "{said}");
    // A line added: another value and another count.
    let mut added = moradabad();
    added.items.push(added.items[0].clone());
    let issues = niryat::check(&added, Some(&docs(&added)), niryat::Mode::Strict).issues;
    let said: Vec<&str> = issues
        .iter()
        .filter(|i| i.issue.code == "signed_qr_mismatch")
        .map(|i| i.issue.message.as_str())
        .collect();
    assert_eq!(said.len(), 2, "{issues:?}");
    assert!(said.iter().any(|m| m.contains("the total invoice value (₹)")), "{said:?}");
    assert!(said.iter().any(|m| m.contains("the number of lines")), "{said:?}");
}

const END_IGST: &str = "SUPPLY MEANT FOR EXPORT/SUPPLY TO SEZ UNIT OR SEZ DEVELOPER FOR AUTHORISED OPERATIONS ON PAYMENT OF INTEGRATED TAX";
const END_LUT: &str = "SUPPLY MEANT FOR EXPORT/SUPPLY TO SEZ UNIT OR SEZ DEVELOPER FOR AUTHORISED OPERATIONS UNDER BOND OR LETTER OF UNDERTAKING WITHOUT PAYMENT OF INTEGRATED TAX";

#[test]
fn endorsement_mismatch_rule() {
    let mut s = moradabad();
    s.invoice.as_mut().unwrap().endorsement = some(END_IGST);
    let issues = expect(&s, &docs(&s), &[("endorsement_mismatch", "/invoice/endorsement", E)]);
    assert_eq!(issues[0].params.get("expected").map(String::as_str), Some(END_LUT));
    let mut s = varanasi();
    s.invoice.as_mut().unwrap().endorsement = some(END_LUT);
    expect(&s, &docs(&s), &[("endorsement_mismatch", "/invoice/endorsement", E)]);
    s.invoice.as_mut().unwrap().endorsement = some("Export invoice");
    expect(&s, &docs(&s), &[("endorsement_mismatch", "/invoice/endorsement", E)]);
    // The notified text, case-insensitively and with any spacing, is accepted.
    s.invoice.as_mut().unwrap().endorsement = Some(END_IGST.to_lowercase().replace(' ', "  \n "));
    clean(&s, &docs(&s));
    let mut s = moradabad();
    s.invoice.as_mut().unwrap().endorsement = some(END_LUT);
    clean(&s, &docs(&s));
}

#[test]
fn endorsement_legacy_rule() {
    let mut s = moradabad();
    s.invoice.as_mut().unwrap().endorsement =
        some("Supply meant for export under LUT without payment of IGST");
    expect(&s, &docs(&s), &[("endorsement_legacy", "/invoice/endorsement", W)]);
    let mut s = varanasi();
    s.invoice.as_mut().unwrap().endorsement = some("SUPPLY MEANT FOR EXPORT ON PAYMENT OF IGST");
    expect(&s, &docs(&s), &[("endorsement_legacy", "/invoice/endorsement", W)]);
}

#[test]
fn lut_period_rule() {
    // Invoice 2026-11-10 is in FY 2026-27.
    for bad in ["2026-03-31", "2026-11-11", "2027-04-01"] {
        let mut s = moradabad();
        s.tax = Some(TaxTreatment::Lut { arn: some("AD090426004321M"), date: Some(day(bad)) });
        expect(&s, &docs(&s), &[("lut_period", "/tax/date", W)]);
    }
    for good in ["2026-04-01", "2026-11-10"] {
        let mut s = moradabad();
        s.tax = Some(TaxTreatment::Lut { arn: some("AD090426004321M"), date: Some(day(good)) });
        clean(&s, &docs(&s));
    }
}

#[test]
fn lut_arn_format_rule() {
    for bad in ["AD0904260043", "ZD090426004321M", "AD09042600432 M", "ad090426004321m"] {
        let mut s = moradabad();
        s.tax = Some(TaxTreatment::Lut { arn: some(bad), date: Some(day("2026-04-02")) });
        expect(&s, &docs(&s), &[("lut_arn_format", "/tax/arn", W)]);
    }
    // Well formed, but filed in Maharashtra (27) while the GSTIN is in UP (09).
    let mut s = moradabad();
    s.tax = Some(TaxTreatment::Lut { arn: some("AD270426004321M"), date: Some(day("2026-04-02")) });
    expect(&s, &docs(&s), &[("lut_arn_format", "/tax/arn", W)]);
}

#[test]
fn lut_export_window_rule() {
    // Invoice 2026-11-10: the goods must leave by 2027-02-10.
    let mut s = moradabad();
    s.transport.as_mut().unwrap().dispatch_date = Some(day("2027-02-11"));
    expect(&s, &docs(&s), &[("lut_export_window", "/transport/dispatch_date", W)]);
    s.transport.as_mut().unwrap().dispatch_date = Some(day("2027-02-10"));
    clean(&s, &docs(&s));
    // Under IGST payment there is no 3-month window.
    let mut s = varanasi();
    s.transport.as_mut().unwrap().dispatch_date = Some(day("2027-06-01"));
    clean(&s, &docs(&s));
}

#[test]
fn date_order_rule() {
    let mut s = moradabad();
    s.transport.as_mut().unwrap().dispatch_date = Some(day("2026-11-09"));
    expect(&s, &docs(&s), &[("date_order", "/transport/dispatch_date", W)]);
    s.transport.as_mut().unwrap().dispatch_date = Some(day("2026-11-10"));
    clean(&s, &docs(&s));
}

#[test]
fn igst_amount_mismatch_rule() {
    // 366 + 24 freight = GBP 390 × 111.30 = ₹43,407.00, shared by value: saree 290/366 =
    // ₹34,393.52 at 5 % = ₹1,719.68; stole 76/366 = ₹9,013.48 at 18 % = ₹1,622.43; ₹3,342.11.
    // Neither the exact figure nor that figure rounded to the rupee, though 3,342.49 and
    // 3,341.50 round to the same rupee.
    for bad in ["2170.35", "3343.5", "3341.10", "3342.49", "3341.50"] {
        let mut s = varanasi();
        s.tax = Some(TaxTreatment::IgstPaid { rate: Some(dec("5")), amount: Some(dec(bad)) });
        let issues = expect(&s, &docs(&s), &[("igst_amount_mismatch", "/tax/amount", E)]);
        assert_eq!(issues[0].params.get("expected").map(String::as_str), Some("3342.11"));
    }
    // Exact, or rounded to the rupee (section 170).
    for good in ["3342.11", "3342", "3342.00"] {
        let mut s = varanasi();
        s.tax = Some(TaxTreatment::IgstPaid { rate: Some(dec("5")), amount: Some(dec(good)) });
        clean(&s, &docs(&s));
    }
}

#[test]
fn igst_rate_unusual_rule() {
    let mut s = varanasi();
    s.tax = Some(TaxTreatment::IgstPaid { rate: Some(dec("7")), amount: None });
    expect(&s, &docs(&s), &[("igst_rate_unusual", "/tax/rate", W)]);
    // 12 % and 28 % were withdrawn on 22 Sep 2025; the invoice is of 18 Nov 2026.
    for withdrawn in ["12", "28"] {
        s.tax = Some(TaxTreatment::IgstPaid { rate: Some(dec(withdrawn)), amount: None });
        expect(&s, &docs(&s), &[("igst_rate_unusual", "/tax/rate", W)]);
    }
    for good in ["5.00", "18", "40", "3", "0.25"] {
        s.tax = Some(TaxTreatment::IgstPaid { rate: Some(dec(good)), amount: None });
        clean(&s, &docs(&s));
    }
}

// ---------------------------------------------------------------------------
// Countries, currency, exchange rate
// ---------------------------------------------------------------------------

#[test]
fn country_code_rule() {
    let mut s = varanasi();
    s.consignee.as_mut().unwrap().address.as_mut().unwrap().country = some("UK");
    expect(&s, &docs(&s), &[("country_code", "/consignee/address/country", E)]);
    let mut s = varanasi();
    item(&mut s, 1).origin_country = some("IND");
    expect(&s, &docs(&s), &[("country_code", "/items/1/origin_country", E)]);
    let mut s = varanasi();
    exporter(&mut s).address.as_mut().unwrap().country = some("India");
    expect(&s, &docs(&s), &[("country_code", "/exporter/address/country", E)]);
    let mut s = varanasi();
    s.destination_country = some("gb");
    expect(&s, &docs(&s), &[("country_code", "/destination_country", E)]);
    let mut s = moradabad();
    s.buyer = Some(niryat::model::Party {
        name: some("Haus & Tisch Holding AG"),
        address: Some(niryat::model::Address { country: some("XX"), ..Default::default() }),
        ..Default::default()
    });
    expect(&s, &docs(&s), &[("country_code", "/buyer/address/country", E)]);
    s.buyer.as_mut().unwrap().address.as_mut().unwrap().country = some("CH");
    clean(&s, &docs(&s));
}

#[test]
fn destination_india_rule() {
    let mut s = varanasi();
    s.destination_country = some("IN");
    expect(&s, &docs(&s), &[("destination_india", "/destination_country", E)]);
}

#[test]
fn destination_mismatch_rule() {
    let mut s = varanasi();
    s.consignee.as_mut().unwrap().address.as_mut().unwrap().country = some("US");
    expect(&s, &docs(&s), &[("destination_mismatch", "/consignee/address/country", W)]);
}

#[test]
fn currency_code_rule() {
    for bad in ["GBX", "gbp", "POUND"] {
        let mut s = varanasi();
        s.currency = some(bad);
        expect(&s, &docs(&s), &[("currency_code", "/currency", E)]);
    }
}

#[test]
fn currency_not_notified_rule() {
    let mut s = moradabad();
    s.currency = some("MXN");
    expect(&s, &docs(&s), &[("currency_not_notified", "/currency", W)]);
    s.currency = some("AED");
    clean(&s, &docs(&s));
}

#[test]
fn exchange_rate_rule() {
    for (rate, per, path) in [
        ("0", Some(1), "/exchange_rate/rate"),
        ("-101.35", Some(1), "/exchange_rate/rate"),
        ("101.35", Some(7), "/exchange_rate/per"),
        ("101.35", Some(100), "/exchange_rate/per"),
    ] {
        let mut s = moradabad();
        let r = s.exchange_rate.as_mut().unwrap();
        r.rate = Some(dec(rate));
        r.per = per;
        expect(&reregistered(s.clone()), &docs(&s), &[("exchange_rate", path, E)]);
    }
    // Yen is quoted per 100 (Schedule II): per 1 is an error, a missing `per` a warning.
    let mut s = moradabad();
    s.currency = some("JPY");
    s.exchange_rate.as_mut().unwrap().rate = Some(dec("57.35"));
    s.exchange_rate.as_mut().unwrap().per = Some(1);
    expect(&reregistered(s.clone()), &docs(&s), &[("exchange_rate", "/exchange_rate/per", E)]);
    s.exchange_rate.as_mut().unwrap().per = None;
    expect(&reregistered(s.clone()), &docs(&s), &[("exchange_rate", "/exchange_rate", W)]);
    s.exchange_rate.as_mut().unwrap().per = Some(100);
    clean(&reregistered(s.clone()), &docs(&s));
}

#[test]
fn exchange_rate_date_rule() {
    let mut s = moradabad();
    s.exchange_rate.as_mut().unwrap().date = Some(day("2026-11-13"));
    expect(&s, &docs(&s), &[("exchange_rate_date", "/exchange_rate/date", W)]);
    s.exchange_rate.as_mut().unwrap().date = Some(day("2026-11-12"));
    clean(&s, &docs(&s));
}

// ---------------------------------------------------------------------------
// Terms and transport
// ---------------------------------------------------------------------------

#[test]
fn incoterm_rule() {
    for bad in ["FOBB", "fob", "DAT", "FOB Nhava Sheva"] {
        let mut s = moradabad();
        s.terms.as_mut().unwrap().incoterm = some(bad);
        expect(&s, &docs(&s), &[("incoterm", "/terms/incoterm", E)]);
    }
}

#[test]
fn incoterm_sea_only_rule() {
    let mut s = lucknow();
    s.terms.as_mut().unwrap().incoterm = some("CIF");
    expect(&s, &docs(&s), &[("incoterm_sea_only", "/terms/incoterm", W)]);
    s.terms.as_mut().unwrap().incoterm = some("CIP");
    clean(&s, &docs(&s));
    let mut s = moradabad();
    s.transport.as_mut().unwrap().mode = Some(niryat::model::TransportMode::Air);
    s.transport.as_mut().unwrap().port_of_loading = some("INDEL4");
    expect(&s, &docs(&s), &[("incoterm_sea_only", "/terms/incoterm", W)]);
    s.terms.as_mut().unwrap().incoterm = some("FCA");
    clean(&s, &docs(&s));
}

#[test]
fn charges_for_term_rule() {
    // DAP includes carriage: the freight must be stated.
    let mut s = lucknow();
    s.charges.as_mut().unwrap().freight = None;
    expect(&reregistered(s.clone()), &docs(&s), &[("charges_for_term", "/terms/incoterm", W)]);
    // CIP includes insurance too.
    let mut s = lucknow();
    s.terms.as_mut().unwrap().incoterm = some("CIP");
    s.charges.as_mut().unwrap().insurance = None;
    expect(&reregistered(s.clone()), &docs(&s), &[("charges_for_term", "/terms/incoterm", W)]);
    // Under FOB the buyer pays carriage: no freight on the invoice.
    let mut s = moradabad();
    s.charges = Some(niryat::model::Charges { freight: Some(dec("100")), insurance: None });
    s.invoice.as_mut().unwrap().total = Some(dec("9334.00"));
    expect(&reregistered(s.clone()), &docs(&s), &[("charges_for_term", "/charges", W)]);
    s.charges = Some(niryat::model::Charges { freight: Some(dec("0")), insurance: Some(dec("0")) });
    s.invoice.as_mut().unwrap().total = Some(dec("9234.00"));
    clean(&reregistered(s.clone()), &docs(&s));
}

#[test]
fn port_code_rule() {
    for bad in ["INNSA", "Nhava Sheva", "USNYC1", "innsa1", "INNSA12"] {
        let mut s = moradabad();
        s.transport.as_mut().unwrap().port_of_loading = some(bad);
        expect(&s, &docs(&s), &[("port_code", "/transport/port_of_loading", E)]);
    }
}

#[test]
fn port_unknown_rule() {
    let mut s = moradabad();
    s.transport.as_mut().unwrap().port_of_loading = some("INXYZ1");
    expect(&s, &docs(&s), &[("port_unknown", "/transport/port_of_loading", W)]);
    s.transport.as_mut().unwrap().port_of_loading = some("INMUN1");
    clean(&s, &docs(&s));
}

#[test]
fn fpo_code_rule() {
    for not_fpo in ["INKNU6", "INLKO4"] {
        let mut s = lucknow();
        s.transport.as_mut().unwrap().post.as_mut().unwrap().fpo_code = some(not_fpo);
        expect(&s, &docs(&s), &[("fpo_code", "/transport/post/fpo_code", E)]);
    }
    let mut s = lucknow();
    s.transport.as_mut().unwrap().post.as_mut().unwrap().fpo_code = some("Kanpur FPO");
    expect(&s, &docs(&s), &[("port_code", "/transport/post/fpo_code", E)]);
    // A well-formed FPO code niryat does not know: a warning only.
    s.transport.as_mut().unwrap().post.as_mut().unwrap().fpo_code = some("INXYZ5");
    expect(&s, &docs(&s), &[("port_unknown", "/transport/post/fpo_code", W)]);
    for fpo in ["INKNU5", "INAGR5", "INVNS5", "INDEL5"] {
        s.transport.as_mut().unwrap().post.as_mut().unwrap().fpo_code = some(fpo);
        clean(&s, &docs(&s));
    }
}

#[test]
fn tracking_number_rules() {
    let mut s = lucknow();
    package(&mut s, 0).tracking_number = some("LP40217734IN");
    expect(&s, &docs(&s), &[("tracking_number_format", "/packages/0/tracking_number", E)]);
    package(&mut s, 0).tracking_number = some("LP402177342IN");
    let issues =
        expect(&s, &docs(&s), &[("tracking_check_digit", "/packages/0/tracking_number", W)]);
    assert!(
        issues[0].message.contains('1'),
        "the message should name the right digit: {}",
        issues[0].message
    );
    // Valid S10 but not issued by India Post: a warning.
    package(&mut s, 0).tracking_number = some("LP402177341US");
    expect(&s, &docs(&s), &[("tracking_number_format", "/packages/0/tracking_number", W)]);
    package(&mut s, 0).tracking_number = some("LP402177341IN");
    clean(&s, &docs(&s));
}

/// Varanasi's parcel split into two articles, one per line.
fn varanasi_two_articles(second_tracking: &str) -> niryat::Shipment {
    let mut s = varanasi();
    let mut second = s.packages[0].clone();
    let first = package(&mut s, 0);
    first.contents.truncate(1);
    first.net_weight_kg = Some(dec("1.100"));
    first.gross_weight_kg = Some(dec("1.300"));
    second.number = Some(2);
    second.contents.remove(0);
    second.net_weight_kg = Some(dec("0.240"));
    second.gross_weight_kg = Some(dec("0.350"));
    second.tracking_number = some(second_tracking);
    s.packages.push(second);
    s
}

#[test]
fn tracking_duplicate_rule() {
    let s = varanasi_two_articles("EE518802947IN");
    expect(&s, &docs(&s), &[("tracking_duplicate", "/packages/1/tracking_number", E)]);
    let s = varanasi_two_articles("EE518802955IN");
    clean(&s, &docs(&s));
}

#[test]
fn rules_do_not_depend_on_an_unrelated_document() {
    // The exporter's tax identifiers are checked for every document that prints or files them,
    // whichever others are asked for beside; the CN22 and CN23 print the IEC alone.
    let mut s = lucknow();
    exporter(&mut s).gstin = some("09ABHPP4821K1ZC");
    for kinds in [&[CommercialInvoice][..], &[PackingList], &[IecDetails], &[Pbe], &[Cn22, Pbe]] {
        let issues = run(&s, kinds, niryat::Mode::Strict);
        assert_eq!(only(&issues, "gstin_checksum").path, "/exporter/gstin", "{kinds:?}");
    }
    for kinds in [&[Cn22][..], &[Cn23], &[Cn22, Cn23]] {
        let issues = run(&s, kinds, niryat::Mode::Strict);
        assert!(issues.iter().all(|i| i.code != "gstin_checksum"), "{kinds:?}: {issues:?}");
    }
    exporter(&mut s).iec = some("ABHPP4821");
    for kinds in [&[Cn22][..], &[Cn23], &[Pbe]] {
        let issues = run(&s, kinds, niryat::Mode::Strict);
        assert_eq!(only(&issues, "iec_format").path, "/exporter/iec", "{kinds:?}");
    }
}
