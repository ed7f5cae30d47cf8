//! GST e-invoice rules (ID-24, ID-25): each fires on a one-field change of the Moradabad
//! example (an exporter above ₹5 crore, so e-invoicing applies) and is quiet otherwise.

#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use niryat::model::{ExportDeclaration, Purpose, TaxTreatment};
use niryat::DocKind::*;
use niryat::Mode;
use support::*;

#[test]
fn moradabad_is_clean_for_its_e_invoice() {
    let s = moradabad();
    clean(&s, &[CommercialInvoice, Einvoice]);
    clean(&s, &[Einvoice]);
}

#[test]
fn einvoice_threshold_rule() {
    let mut s = moradabad();
    exporter(&mut s).turnover_above_5_crore = Some(false);
    expect(&s, &[Einvoice], &[("einvoice_threshold", "/exporter/turnover_above_5_crore", W)]);
}

#[test]
fn einvoice_threshold_path_resolves_when_the_field_is_absent() {
    let s = varanasi();
    let input: serde_json::Value = serde_json::from_str(VARANASI_JSON).unwrap();
    let issues = run(&s, &[Einvoice], Mode::Strict);
    assert!(issues.iter().any(|i| i.code == "einvoice_threshold"), "{issues:?}");
    for issue in issues {
        assert!(input.pointer(&issue.path).is_some(), "{issue:?}");
    }
    let empty: serde_json::Value = serde_json::json!({});
    let s = niryat::parse_value(&empty).unwrap();
    let issues = run(&s, &[Einvoice], Mode::Draft);
    assert!(!issues.is_empty(), "an empty shipment lacks every e-invoice field");
    for issue in issues {
        assert!(empty.pointer(&issue.path).is_some(), "{issue:?}");
    }
}

#[test]
fn einvoice_field_format_rule() {
    let mut s = moradabad();
    exporter(&mut s).legal_name = some("MB");
    expect(&s, &[Einvoice], &[("einvoice_field_format", "/exporter/legal_name", E)]);
    let mut s = moradabad();
    s.export_declaration = Some(ExportDeclaration {
        number: some("SB/2026/NHAVA-SHEVA/0001"),
        date: Some(day("2026-11-12")),
        refund_claimed: None,
        port_code: None,
    });
    expect(&s, &[Einvoice], &[("einvoice_field_format", "/export_declaration/number", E)]);
    s.export_declaration.as_mut().unwrap().number = some("7654321");
    clean(&s, &[Einvoice]);
    // Only for the e-invoice: the commercial invoice takes a 2-character name.
    let mut s = moradabad();
    exporter(&mut s).legal_name = some("MB");
    clean(&s, &[CommercialInvoice]);
}

#[test]
fn einvoice_date_range_rule() {
    let mut s = moradabad();
    s.export_declaration = Some(ExportDeclaration {
        number: some("7654321"),
        date: Some(day("2030-01-01")),
        refund_claimed: None,
        port_code: None,
    });
    expect(&s, &[Einvoice], &[("einvoice_date_range", "/export_declaration/date", W)]);
    s.export_declaration.as_mut().unwrap().date = Some(day("2029-12-31"));
    clean(&s, &[Einvoice]);
}

#[test]
fn einvoice_line_count_rule() {
    let mut s = moradabad();
    s.invoice.as_mut().unwrap().total = None;
    let line = s.items[0].clone();
    while s.items.len() < 1000 {
        s.items.push(line.clone());
    }
    clean(&reregistered(s.clone()), &[Einvoice]);
    s.items.push(line);
    expect(&reregistered(s.clone()), &[Einvoice], &[("einvoice_line_count", "/items", E)]);
}

#[test]
fn einvoice_not_applicable() {
    let mut s = moradabad();
    s.tax = Some(TaxTreatment::Unregistered {});
    exporter(&mut s).gstin = None;
    expect(&s, &[Einvoice], &[("document_not_applicable", "/tax", E)]);
    let mut s = gift();
    s.purpose = Purpose::Personal;
    let issues = run(&s, &[Einvoice], Mode::Strict);
    assert_eq!(only(&issues, "document_not_applicable").path, "/purpose");
}
