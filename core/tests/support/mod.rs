//! Helpers shared by the rule tests: the bundled examples as parsed shipments, and
//! assertions that compare the complete list of issues (code, path, severity).

#![allow(dead_code, clippy::unwrap_used, clippy::panic)]

use niryat::model::{Exporter, LineItem, Package};
use niryat::{parse_json, validate, DocKind, Issue, Mode, Severity, Shipment};

pub const E: Severity = Severity::Error;
pub const W: Severity = Severity::Warning;

pub const LUCKNOW_JSON: &str = include_str!("../../../examples/lucknow-chikankari-ebay.json");
pub const VARANASI_JSON: &str = include_str!("../../../examples/varanasi-silk-amazon.json");
pub const MORADABAD_JSON: &str = include_str!("../../../examples/moradabad-brass-sea.json");
pub const GIFT_JSON: &str = include_str!("../../../examples/personal-gift.json");

fn parse(json: &str) -> Shipment {
    match parse_json(json.as_bytes()) {
        Ok(s) => s,
        Err(e) => panic!("bundled example does not parse: {e}"),
    }
}

/// Lucknow chikankari stole on eBay: ITPS, CN22, PBE-III, LUT, USD.
pub fn lucknow() -> Shipment {
    parse(LUCKNOW_JSON)
}

/// Varanasi silk SHG on Amazon: EMS, CN23, PBE-III, IGST paid, GBP.
pub fn varanasi() -> Shipment {
    parse(VARANASI_JSON)
}

/// Moradabad brassware, 40 cartons by sea, FOB Nhava Sheva, EUR, LUT.
pub fn moradabad() -> Shipment {
    parse(MORADABAD_JSON)
}

/// Personal gift worth ₹8,000 by ITPS, CN22 only, no IEC.
pub fn gift() -> Shipment {
    parse(GIFT_JSON)
}

/// The documents the shipment calls for (what `niryat validate` checks by default).
pub fn docs(s: &Shipment) -> Vec<DocKind> {
    DocKind::for_shipment(s)
}

pub fn exporter(s: &mut Shipment) -> &mut Exporter {
    s.exporter.as_mut().unwrap()
}

pub fn item(s: &mut Shipment, i: usize) -> &mut LineItem {
    &mut s.items[i]
}

pub fn package(s: &mut Shipment, i: usize) -> &mut Package {
    &mut s.packages[i]
}

pub fn dec(v: &str) -> rust_decimal::Decimal {
    v.parse().unwrap()
}

pub fn day(v: &str) -> jiff::civil::Date {
    v.parse().unwrap()
}

pub fn some(v: &str) -> Option<String> {
    Some(v.to_string())
}

pub fn run(s: &Shipment, kinds: &[DocKind], mode: Mode) -> Vec<Issue> {
    validate(s, kinds, mode).issues
}

fn show(issues: &[Issue]) -> String {
    if issues.is_empty() {
        return "    (none)\n".into();
    }
    issues
        .iter()
        .map(|i| {
            format!(
                "    ({:?}, {:?}, {}) {:?} — {}\n",
                i.code,
                i.path,
                i.severity.as_str(),
                i.params,
                i.message
            )
        })
        .collect()
}

/// Asserts that validating `s` for `kinds` gives exactly `expected`, in order.
#[track_caller]
pub fn expect_mode(
    s: &Shipment,
    kinds: &[DocKind],
    mode: Mode,
    expected: &[(&str, &str, Severity)],
) -> Vec<Issue> {
    let issues = run(s, kinds, mode);
    let got: Vec<(&str, &str, Severity)> =
        issues.iter().map(|i| (i.code, i.path.as_str(), i.severity)).collect();
    if got != expected {
        let want: String = expected
            .iter()
            .map(|(c, p, sev)| format!("    ({c:?}, {p:?}, {})\n", sev.as_str()))
            .collect();
        panic!("validating for {kinds:?} ({mode:?})\n  expected:\n{want}  got:\n{}", show(&issues));
    }
    issues
}

/// Strict-mode [`expect_mode`].
#[track_caller]
pub fn expect(s: &Shipment, kinds: &[DocKind], expected: &[(&str, &str, Severity)]) -> Vec<Issue> {
    expect_mode(s, kinds, Mode::Strict, expected)
}

/// Asserts that `s` has no issue at all for `kinds`.
#[track_caller]
pub fn clean(s: &Shipment, kinds: &[DocKind]) {
    expect(s, kinds, &[]);
}

/// Asserts that no issue with `code` is reported.
#[track_caller]
pub fn quiet(s: &Shipment, kinds: &[DocKind], code: &str) {
    let issues = run(s, kinds, Mode::Strict);
    if issues.iter().any(|i| i.code == code) {
        panic!("{code} should not fire for {kinds:?}; got:\n{}", show(&issues));
    }
}

/// The single issue with `code`; fails unless there is exactly one.
#[track_caller]
pub fn only(issues: &[Issue], code: &str) -> Issue {
    let found: Vec<&Issue> = issues.iter().filter(|i| i.code == code).collect();
    assert_eq!(found.len(), 1, "expected exactly one {code}; got:\n{}", show(issues));
    found[0].clone()
}

/// A valid GSTIN for a 14-character prefix: appends the check character.
pub fn with_check(first14: &str) -> String {
    let c = niryat::rules::ids::gstin_check_char(first14).unwrap();
    format!("{first14}{c}")
}

/// `s` with its signed QR code made again for what it now holds, as the IRP would return it
/// after registering the changed invoice (an unsigned sample, as the example's is): for a test
/// that changes the lines of a registered invoice and is about something else.
pub fn reregistered(mut s: Shipment) -> Shipment {
    niryat::irp::put_sample_signed_qr(&mut s);
    s
}
