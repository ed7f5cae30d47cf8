//! Catalogue guards: every code of `niryat::rules::catalogue::ALL` is produced by at least
//! one shared fixture case (`tests/fixtures/cases/*.json`), and the codes published so far
//! keep their names and order (the catalogue is append-only).
#![allow(clippy::disallowed_methods)] // a test reads the fixture files; the library may not
#![allow(clippy::unwrap_used, clippy::panic)]

use niryat::rules::catalogue::ALL;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The codes published up to now, in catalogue order. Append new codes here when they are
/// published; never rename, remove or reorder one.
const PUBLISHED: &[&str] = &[
    "missing_field",
    "document_not_applicable",
    "text_too_long",
    "control_character",
    "pan_format",
    "gstin_format",
    "gstin_state_code",
    "gstin_checksum",
    "gstin_14th_not_z",
    "gstin_pan_mismatch",
    "gstin_state_mismatch",
    "iec_format",
    "iec_legacy",
    "iec_pan_mismatch",
    "ad_code_format",
    "ifsc_format",
    "invoice_number_format",
    "endorsement_mismatch",
    "endorsement_legacy",
    "lut_period",
    "lut_arn_format",
    "lut_export_window",
    "igst_amount_mismatch",
    "igst_rate_unusual",
    "country_code",
    "destination_india",
    "destination_mismatch",
    "currency_code",
    "currency_not_notified",
    "exchange_rate",
    "exchange_rate_date",
    "hs_code_format",
    "hs_code_length",
    "unit_code",
    "port_code",
    "port_unknown",
    "fpo_code",
    "incoterm",
    "incoterm_sea_only",
    "charges_for_term",
    "tracking_number_format",
    "tracking_check_digit",
    "tracking_duplicate",
    "line_amount_mismatch",
    "invoice_total_mismatch",
    "quantity",
    "cn22_value_limit",
    "cn22_weight_limit",
    "cn22_does_not_fit",
    "generic_description",
    "postal_weight_limit",
    "postal_product_withdrawn",
    "gift_sample_value",
    "personal_category",
    "pbe_ecommerce",
    "package_numbering",
    "package_weight",
    "package_line",
    "packed_quantity_mismatch",
    "net_weight_mismatch",
    "date_order",
    "einvoice_field_format",
    "einvoice_date_range",
    "einvoice_line_count",
    "einvoice_threshold",
    "issues_truncated",
    // Published with the postal forms of 2026 and the invoice/GST work (issues 10 and 11).
    "cn23_for_parcel",
    "eu_stop_word",
    "scheme_needs_ad_code",
    "icegate_registration",
    "customs_unit",
    "gst_rate_piece_value",
    "irn_missing",
    "irn_format",
    "signed_qr_format",
    "signed_qr_mismatch",
    // Published with the reports, the order import and the proforma invoice.
    "invoice_number_duplicate",
    "export_declaration_pending",
    "gstr1_not_reportable",
    "gstr1_gstin_mismatch",
    "order_report_columns",
    "order_report_value",
    "sku_not_in_catalogue",
    "proforma_validity",
    // Published with the layout torture (issue 15) and after it.
    "cn22_text_does_not_fit",
    "cn23_text_does_not_fit",
    "pbe_text_does_not_fit",
    "text_not_printable",
    "pbe_value_does_not_fit",
];

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/cases")
}

/// Every code that appears in some case's `expect` list.
fn codes_in_cases() -> BTreeSet<String> {
    let mut codes = BTreeSet::new();
    let mut files = 0;
    for entry in std::fs::read_dir(cases_dir()).expect("tests/fixtures/cases exists") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        files += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let case: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
        let expect = case["expect"]
            .as_array()
            .unwrap_or_else(|| panic!("{} has no expect list", path.display()));
        for e in expect {
            let code = e["code"]
                .as_str()
                .unwrap_or_else(|| panic!("{}: expect entry without code: {e}", path.display()));
            codes.insert(code.to_string());
        }
    }
    assert!(files > 0, "no case files in {}", cases_dir().display());
    codes
}

/// The catalogue codes no case produces, in catalogue order.
fn uncovered<'a>(
    catalogue: impl IntoIterator<Item = &'a str>,
    seen: &BTreeSet<String>,
) -> Vec<&'a str> {
    catalogue.into_iter().filter(|c| !seen.contains(*c)).collect()
}

#[test]
fn every_code_is_produced_by_a_fixture_case() {
    let seen = codes_in_cases();
    // Codes only the multi-shipment reports give (not `validate`) are covered by
    // core/tests/reports.rs instead (`every_report_code_is_produced`).
    let missing =
        uncovered(ALL.iter().map(|r| r.code).filter(|c| !niryat::report::CODES.contains(c)), &seen);
    assert!(
        missing.is_empty(),
        "{} catalogue code(s) appear in no case of tests/fixtures/cases; add a case for each \
         in tests/fixtures/make_cases.py:\n  {}",
        missing.len(),
        missing.join("\n  ")
    );
    // And no case expects a code the catalogue does not have (a typo would otherwise
    // only show as a failing fixture).
    let known: BTreeSet<&str> = ALL.iter().map(|r| r.code).collect();
    let unknown: Vec<&String> = seen.iter().filter(|c| !known.contains(c.as_str())).collect();
    assert!(unknown.is_empty(), "cases expect codes not in the catalogue: {unknown:?}");
}

/// Why `codes` is not a valid catalogue extending `published`, if it is not.
fn append_only_problems(published: &[&str], codes: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, want) in published.iter().enumerate() {
        match codes.get(i) {
            Some(got) if got == want => {}
            Some(got) => problems.push(format!(
                "position {i}: published code {want:?} is now {got:?} (renamed, removed or reordered)"
            )),
            None => problems.push(format!("position {i}: published code {want:?} is gone")),
        }
    }
    let mut seen = BTreeSet::new();
    for code in codes {
        if !seen.insert(*code) {
            problems.push(format!("{code:?} appears more than once"));
        }
        // Lowercase words of letters and digits joined by single underscores, starting with
        // a letter ("gstin_14th_not_z" is fine).
        let snake = code.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
            && code.split('_').all(|w| {
                !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if !snake {
            problems.push(format!("{code:?} is not snake_case"));
        }
    }
    problems
}

#[test]
fn published_codes_are_append_only() {
    assert_eq!(PUBLISHED.len(), 89);
    let codes: Vec<&str> = ALL.iter().map(|r| r.code).collect();
    let problems = append_only_problems(PUBLISHED, &codes);
    assert!(problems.is_empty(), "the catalogue is append-only:\n  {}", problems.join("\n  "));
}

#[test]
fn the_guards_catch_what_they_should() {
    // The checks above, on made-up catalogues, so that each can be seen to fail.
    let published = ["missing_field", "text_too_long", "pan_format"];
    assert!(append_only_problems(&published, &published).is_empty());
    assert!(append_only_problems(
        &published,
        &["missing_field", "text_too_long", "pan_format", "new_rule"]
    )
    .is_empty());
    assert_eq!(
        append_only_problems(&published, &["missing_field", "pan_format", "text_too_long"]).len(),
        2
    );
    assert_eq!(append_only_problems(&published, &["missing_field", "text_too_long"]).len(), 1);
    assert_eq!(
        append_only_problems(&published, &["missing_field", "text_too_long", "pan_fmt"]).len(),
        1
    );
    assert_eq!(
        append_only_problems(
            &published,
            &["missing_field", "text_too_long", "pan_format", "pan_format"]
        )
        .len(),
        1
    );
    for bad in ["PanFormat", "pan__format", "_pan", "pan_", "2pan", "pan-format", "pan format", ""]
    {
        assert_eq!(append_only_problems(&[], &[bad]).len(), 1, "{bad:?}");
    }
    assert!(append_only_problems(&[], &["gstin_14th_not_z", "cn22_value_limit"]).is_empty());
    let seen: BTreeSet<String> = ["missing_field".to_string()].into();
    assert_eq!(uncovered(["missing_field", "pan_format"], &seen), ["pan_format"]);
}
