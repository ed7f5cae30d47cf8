//! Required fields, draft mode, which documents apply, and the one-field mutations of
//! the core issue's "Done when" list.

#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use niryat::model::{Ecommerce, PostalCategory, TaxTreatment};
use niryat::DocKind::{self, *};
use niryat::{parse_json, Issue, Mode, Severity};
use serde_json::Value;
use support::*;

fn fields(issues: &[Issue]) -> Vec<(String, String, Severity)> {
    issues
        .iter()
        .map(|i| (i.path.clone(), i.params.get("field").cloned().unwrap_or_default(), i.severity))
        .collect()
}

// ---------------------------------------------------------------------------
// The "Done when" mutations: one field changed in each example
// ---------------------------------------------------------------------------

#[test]
fn done_when_a_gstin_check_character_is_changed() {
    let mut s = lucknow();
    exporter(&mut s).gstin = some("09ABHPP4821K1ZC");
    expect(&s, &docs(&s), &[("gstin_checksum", "/exporter/gstin", E)]);
}

#[test]
fn done_when_the_iec_differs_from_the_gstin_pan() {
    let mut s = varanasi();
    exporter(&mut s).iec = some("AAKAK5124M");
    expect(&s, &docs(&s), &[("iec_pan_mismatch", "/exporter/iec", E)]);
}

#[test]
fn done_when_a_cn22_is_above_300_sdr() {
    // Asked for explicitly: USD 411 × 87.45 = ₹35,941.95 = 300.02 SDR at ₹119.80.
    let mut s = lucknow();
    item(&mut s, 0).unit_price = Some(dec("411"));
    item(&mut s, 0).amount = Some(dec("411"));
    let issues = expect(&s, &[Cn22], &[("cn22_value_limit", "/packages/0", E)]);
    assert_eq!(issues[0].params.get("sdr").map(String::as_str), Some("300.02"));
    // USD 410 = ₹35,854.50 = 299.29 SDR.
    item(&mut s, 0).unit_price = Some(dec("410"));
    item(&mut s, 0).amount = Some(dec("410"));
    clean(&s, &[Cn22]);
    // Varanasi's EMS item (GBP 366 of goods = 340.03 SDR) on a CN22: refused as an EMS item,
    // which takes a CN23 whatever its value, and for its value.
    let s = varanasi();
    let issues = expect(
        &s,
        &[Cn22],
        &[
            ("cn23_for_parcel", "/transport/post/product", E),
            ("cn22_value_limit", "/packages/0", E),
        ],
    );
    assert_eq!(issues[1].params.get("sdr").map(String::as_str), Some("340.03"));
}

#[test]
fn done_when_a_line_amount_is_not_quantity_times_price() {
    let mut s = moradabad();
    item(&mut s, 1).amount = Some(dec("2500.00"));
    expect(&s, &docs(&s), &[("line_amount_mismatch", "/items/1/amount", E)]);
}

#[test]
fn done_when_the_packing_list_loses_a_carton() {
    // Cartons 32-40 hold line 3 (9 × 40 = 360 bowls, 9 × 16 = 144 kg).
    let mut s = moradabad();
    s.packages.pop();
    let issues = expect(
        &s,
        &docs(&s),
        &[
            ("packed_quantity_mismatch", "/items/2/quantity", E),
            ("net_weight_mismatch", "/packages", E),
        ],
    );
    assert_eq!(issues[0].params.get("packed").map(String::as_str), Some("0"));
    // One carton fewer in a run: 1-15 holds 450 planters, and carton 16 is missing.
    let mut s = moradabad();
    package(&mut s, 0).to = Some(15);
    expect(
        &s,
        &docs(&s),
        &[
            ("package_numbering", "/packages/1/number", E),
            ("packed_quantity_mismatch", "/items/0/quantity", E),
            ("net_weight_mismatch", "/packages", E),
        ],
    );
}

#[test]
fn done_when_the_gift_is_too_heavy_for_its_packet() {
    let mut s = gift();
    package(&mut s, 0).gross_weight_kg = Some(dec("2.400"));
    expect(
        &s,
        &[Cn22],
        &[
            ("cn22_weight_limit", "/packages/0/gross_weight_kg", E),
            ("postal_weight_limit", "/packages/0/gross_weight_kg", E),
        ],
    );
}

// ---------------------------------------------------------------------------
// Required fields
// ---------------------------------------------------------------------------

#[test]
fn missing_field_names_the_field_and_the_documents() {
    let mut s = lucknow();
    exporter(&mut s).legal_name = None;
    let issues = expect(&s, &docs(&s), &[("missing_field", "/exporter", E)]);
    assert_eq!(issues[0].params.get("field").map(String::as_str), Some("legal_name"));
    assert_eq!(
        issues[0].params.get("for").map(String::as_str),
        Some("commercial_invoice,packing_list,iec_details,cn22,pbe")
    );
    // Blank counts as missing.
    exporter(&mut s).legal_name = some("   ");
    expect(&s, &docs(&s), &[("missing_field", "/exporter", E)]);
    // In draft mode it is a warning.
    expect_mode(&s, &docs(&s), Mode::Draft, &[("missing_field", "/exporter", W)]);
}

#[test]
fn missing_field_per_document() {
    // Invoice number: invoice, packing list, PBE and (commercial) CN23.
    let mut s = varanasi();
    s.invoice.as_mut().unwrap().number = None;
    let issues = expect(&s, &docs(&s), &[("missing_field", "/invoice", E)]);
    assert_eq!(
        issues[0].params.get("for").map(String::as_str),
        Some("commercial_invoice,packing_list,cn23,pbe")
    );
    expect(&s, &[Cn23], &[("missing_field", "/invoice", E)]);
    expect(&s, &[IecDetails], &[]);
    // Port of loading for a sea shipment's invoice.
    let mut s = moradabad();
    s.transport.as_mut().unwrap().port_of_loading = None;
    let issues = expect(&s, &docs(&s), &[("missing_field", "/transport", E)]);
    assert_eq!(issues[0].params.get("field").map(String::as_str), Some("port_of_loading"));
    // A commercial exporter needs an IEC for the invoice, the IEC sheet and the PBE.
    let mut s = lucknow();
    exporter(&mut s).iec = None;
    let issues = expect(&s, &docs(&s), &[("missing_field", "/exporter", E)]);
    assert_eq!(
        issues[0].params.get("for").map(String::as_str),
        Some("commercial_invoice,iec_details,pbe")
    );
    expect(&s, &[Cn22, PackingList], &[]);
    // Net weight of a line: CN forms and PBE.
    let mut s = lucknow();
    item(&mut s, 0).net_weight_kg = None;
    let issues = expect(&s, &docs(&s), &[("missing_field", "/items/0", E)]);
    assert_eq!(
        (issues[0].params["field"].as_str(), issues[0].params["for"].as_str()),
        ("net_weight_kg", "cn22,pbe")
    );
    // Tracking number: the PBE, for a postal article.
    let mut s = lucknow();
    package(&mut s, 0).tracking_number = None;
    let issues = expect(&s, &docs(&s), &[("missing_field", "/packages/0", E)]);
    assert_eq!(
        (issues[0].params["field"].as_str(), issues[0].params["for"].as_str()),
        ("tracking_number", "pbe")
    );
    // Unit: invoice and packing list (not the IEC sheet).
    let mut s = moradabad();
    item(&mut s, 0).unit = None;
    let issues = expect(&s, &docs(&s), &[("missing_field", "/items/0", E)]);
    assert_eq!(
        (issues[0].params["field"].as_str(), issues[0].params["for"].as_str()),
        ("unit", "commercial_invoice,packing_list")
    );
    // Empty string is missing.
    let mut s = lucknow();
    s.consignee.as_mut().unwrap().name = some("");
    let issues = expect(&s, &docs(&s), &[("missing_field", "/consignee", E)]);
    assert_eq!(issues[0].params["field"], "name");
}

#[test]
fn missing_tax_particulars() {
    let mut s = varanasi();
    s.tax = Some(TaxTreatment::Lut { arn: None, date: None });
    let issues =
        expect(&s, &docs(&s), &[("missing_field", "/tax", E), ("missing_field", "/tax", E)]);
    assert_eq!(
        fields(&issues),
        [("/tax".into(), "arn".into(), E), ("/tax".into(), "date".into(), E)]
    );
    let mut s = varanasi();
    s.tax = Some(TaxTreatment::IgstPaid { rate: None, amount: None });
    let issues = expect(&s, &docs(&s), &[("missing_field", "/tax", E)]);
    assert_eq!(issues[0].params["field"], "rate");
    let mut s = lucknow();
    s.tax = Some(TaxTreatment::Bond { reference: None, date: None });
    let issues = expect(&s, &docs(&s), &[("missing_field", "/tax", E)]);
    assert_eq!(issues[0].params["field"], "reference");
    let mut s = lucknow();
    s.tax = None;
    let issues = expect(&s, &docs(&s), &[("missing_field", "", E)]);
    assert_eq!(
        (issues[0].params["field"].as_str(), issues[0].params["for"].as_str()),
        ("tax", "commercial_invoice,pbe")
    );
}

#[test]
fn missing_postal_and_ecommerce_particulars() {
    let mut s = lucknow();
    s.postal.as_mut().unwrap().category = Some(PostalCategory::Other);
    let issues = expect(&s, &docs(&s), &[("missing_field", "/postal", E)]);
    assert_eq!(issues[0].params["field"], "explanation");
    s.postal.as_mut().unwrap().explanation = some("Hand-embroidered textile sold online");
    clean(&s, &docs(&s));
    // E-commerce: the platform (or its URL) and the payment transaction id.
    let mut s = lucknow();
    s.ecommerce = Some(Ecommerce {
        operator_gstin: None,
        platform: None,
        url: None,
        payment_transaction_id: None,
    });
    let issues = expect(
        &s,
        &docs(&s),
        &[("missing_field", "/ecommerce", E), ("missing_field", "/ecommerce", E)],
    );
    assert_eq!(
        fields(&issues),
        [
            ("/ecommerce".into(), "url".into(), E),
            ("/ecommerce".into(), "payment_transaction_id".into(), E)
        ]
    );
    s.ecommerce.as_mut().unwrap().url = some("https://www.ebay.com");
    s.ecommerce.as_mut().unwrap().payment_transaction_id = some("EBAY-1");
    clean(&s, &docs(&s));
}

#[test]
fn missing_lists() {
    let mut s = gift();
    s.packages.clear();
    let issues = expect(&s, &docs(&s), &[("missing_field", "", E)]);
    assert_eq!(
        (issues[0].params["field"].as_str(), issues[0].params["for"].as_str()),
        ("packages", "cn22")
    );
    let mut s = gift();
    s.items.clear();
    let issues = expect(&s, &docs(&s), &[("missing_field", "", E)]);
    assert_eq!(issues[0].params["field"], "items");
    // A carton without a contents list on a packing list; its line is then short.
    let mut s = moradabad();
    package(&mut s, 0).contents.clear();
    let issues = expect(
        &s,
        &docs(&s),
        &[
            ("missing_field", "/packages/0", E),
            ("packed_quantity_mismatch", "/items/0/quantity", E),
        ],
    );
    assert_eq!(issues[0].params["field"], "contents");
}

#[test]
fn a_personal_parcel_needs_no_iec() {
    let s = gift();
    assert!(exporter(&mut gift()).iec.is_none());
    clean(&s, &[Cn22]);
    clean(&s, &[Cn23]);
    // Only the IEC sheet itself asks for one.
    let issues = expect(
        &s,
        &[IecDetails],
        &[
            ("missing_field", "/exporter", E),
            ("missing_field", "/exporter", E),
            ("missing_field", "/exporter", E),
        ],
    );
    let names: Vec<&str> = issues.iter().map(|i| i.params["field"].as_str()).collect();
    assert_eq!(names, ["iec", "pan", "entity"]);
}

// ---------------------------------------------------------------------------
// Which documents apply
// ---------------------------------------------------------------------------

#[test]
fn document_not_applicable_rule() {
    // A personal parcel has no Postal Bill of Export (which would also want an FPO code).
    let s = gift();
    let issues = expect(
        &s,
        &[Cn22, Pbe],
        &[("missing_field", "/transport/post", E), ("document_not_applicable", "/purpose", E)],
    );
    assert_eq!(issues[0].params["field"], "fpo_code");
    // A CN23 for goods going by sea.
    let s = moradabad();
    let issues = expect(
        &s,
        &[Cn23],
        &[
            ("missing_field", "/transport", E),
            ("missing_field", "", E),
            ("document_not_applicable", "/transport/mode", E),
        ],
    );
    assert_eq!(
        fields(&issues)[..2],
        [("/transport".into(), "post".into(), E), ("".into(), "postal".into(), E)]
    );
    // The documents a shipment calls for always apply.
    for s in [lucknow(), varanasi(), moradabad(), gift()] {
        quiet(&s, &docs(&s), "document_not_applicable");
    }
}

#[test]
fn documents_a_shipment_calls_for() {
    // Commercial, not postal: invoice, packing list (when packages are listed), IEC sheet.
    let mut s = moradabad();
    s.packages.clear();
    assert_eq!(docs(&s), [CommercialInvoice, IecDetails]);
    // A personal parcel not sent by post needs nothing niryat makes.
    let mut s = gift();
    s.transport.as_mut().unwrap().mode = Some(niryat::model::TransportMode::Courier);
    assert_eq!(docs(&s), Vec::<DocKind>::new());
    // Without an SDR rate the CN22 threshold cannot be shown: CN23.
    let mut s = gift();
    s.sdr_rate = None;
    assert_eq!(docs(&s), [Cn23]);
    clean(&s, &docs(&s));
}

// ---------------------------------------------------------------------------
// Draft mode
// ---------------------------------------------------------------------------

fn parse(json: &str) -> niryat::Shipment {
    parse_json(json.as_bytes()).unwrap()
}

#[test]
fn draft_of_an_empty_shipment() {
    let s = parse("{}");
    let six = [CommercialInvoice, PackingList, IecDetails, Cn22, Cn23, Pbe];
    let issues = run(&s, &six, Mode::Draft);
    let want = [
        "exporter",
        "consignee",
        "destination_country",
        "invoice",
        "currency",
        "sdr_rate",
        "terms",
        "tax",
        "signatory",
        "transport",
        "postal",
        "items",
        "packages",
    ];
    let got: Vec<(String, String, Severity)> = fields(&issues);
    let expected: Vec<(String, String, Severity)> =
        want.iter().map(|f| (String::new(), (*f).to_string(), W)).collect();
    assert_eq!(got, expected);
    assert!(issues.iter().all(|i| i.code == "missing_field"));
    // Strict: the same, as errors.
    let strict = run(&s, &six, Mode::Strict);
    assert_eq!(
        fields(&strict),
        want.iter().map(|f| (String::new(), (*f).to_string(), E)).collect::<Vec<_>>()
    );
    // For a CN22 alone.
    let got = fields(&run(&s, &[Cn22], Mode::Draft));
    let want = [
        "exporter",
        "consignee",
        "destination_country",
        "currency",
        "sdr_rate",
        "transport",
        "postal",
        "items",
        "packages",
    ];
    assert_eq!(got, want.iter().map(|f| (String::new(), (*f).to_string(), W)).collect::<Vec<_>>());
    // Nothing asked for: nothing missing.
    assert!(run(&s, &[], Mode::Draft).is_empty());
}

/// A clerk halfway through the Lucknow form.
const HALF_LUCKNOW: &str = r#"{
  "exporter": { "legal_name": "Nazia Parveen", "iec": "ABHPP4821K", "address": { "city": "Lucknow" } },
  "consignee": { "name": "Emily Carter" },
  "transport": { "mode": "post", "post": {} },
  "items": [ { "description": "Hand-embroidered chikankari cotton stole", "quantity": "1" } ],
  "packages": [ { "contents": [ { "line": 1, "quantity": "1" } ] } ]
}"#;

#[test]
fn draft_of_a_half_filled_form() {
    let s = parse(HALF_LUCKNOW);
    let kinds = [CommercialInvoice, PackingList, IecDetails, Cn22, Pbe];
    let want: &[(&str, &str)] = &[
        ("/exporter", "pan"),
        ("/exporter/address", "line1"),
        ("/exporter/address", "country"),
        ("/exporter/address", "postal_code"),
        ("/exporter", "entity"),
        ("/consignee", "address"),
        ("", "destination_country"),
        ("", "invoice"),
        ("", "currency"),
        ("", "sdr_rate"),
        ("", "terms"),
        ("", "tax"),
        ("", "signatory"),
        ("/transport/post", "product"),
        ("/transport/post", "fpo_code"),
        ("", "postal"),
        ("/items/0", "unit_price"),
        ("/items/0", "unit"),
        ("/items/0", "hs_code"),
        ("/items/0", "origin_country"),
        ("/items/0", "net_weight_kg"),
        ("/packages/0", "number"),
        ("/packages/0", "kind"),
        ("/packages/0", "net_weight_kg"),
        ("/packages/0", "gross_weight_kg"),
        ("/packages/0", "tracking_number"),
    ];
    for (mode, sev) in [(Mode::Draft, W), (Mode::Strict, E)] {
        let issues = run(&s, &kinds, mode);
        assert!(issues.iter().all(|i| i.code == "missing_field"), "{issues:#?}");
        let expected: Vec<(String, String, Severity)> =
            want.iter().map(|(p, f)| ((*p).to_string(), (*f).to_string(), sev)).collect();
        assert_eq!(fields(&issues), expected);
    }
}

#[test]
fn draft_keeps_errors_that_are_not_about_missing_fields() {
    let mut s = parse(HALF_LUCKNOW);
    exporter(&mut s).gstin = some("09ABHPP4821K1ZC");
    let issues = run(&s, &[CommercialInvoice], Mode::Draft);
    assert_eq!(only(&issues, "gstin_checksum").severity, E);
    assert!(issues.iter().filter(|i| i.code == "missing_field").all(|i| i.severity == W));
}

/// Partly filled shipments for the generic draft checks below.
const PARTIALS: &[&str] = &[
    "{}",
    r#"{"purpose": "personal"}"#,
    HALF_LUCKNOW,
    r#"{"exporter": {}, "consignee": {"address": {}}, "buyer": {}, "invoice": {}, "terms": {}, "tax": {"kind": "lut"},
        "currency": "USD", "exchange_rate": {}, "sdr_rate": {}, "charges": {},
        "transport": {"mode": "post", "post": {}}, "postal": {"category": "other"}, "ecommerce": {},
        "items": [{}], "packages": [{}], "signatory": {}, "export_declaration": {}}"#,
    r#"{"purpose": "personal", "exporter": {"address": {"country": "IN"}}, "transport": {"mode": "post"},
        "items": [{"description": "Brass bowl", "quantity": "2", "unit_price": "9.5"}, {}]}"#,
    r#"{"exporter": {"legal_name": "X", "bank": {}, "rcmc": {}, "branches": [{}]}, "tax": {"kind": "igst_paid"},
        "transport": {"mode": "sea"}, "items": [{"quantity": 1, "unit_price": 0}], "currency": "INR"}"#,
    r#"{"tax": {"kind": "bond"}, "transport": {}, "postal": {}, "invoice": {"buyer_order": {}}, "packages": [{"dimensions": {}}]}"#,
];

/// Whether `obj[field]` is absent or blank.
fn absent(obj: &Value, field: &str) -> bool {
    match obj.get(field) {
        None | Some(Value::Null) => true,
        Some(Value::String(v)) => v.trim().is_empty(),
        Some(Value::Array(v)) => v.is_empty(),
        Some(_) => false,
    }
}

/// The documents of the core issue (the e-invoice has its own tests).
const SIX: [DocKind; 6] = [CommercialInvoice, PackingList, IecDetails, Cn22, Cn23, Pbe];

#[test]
fn draft_gives_only_warnings_that_point_at_an_existing_object() {
    let mut checked = 0;
    for json in PARTIALS {
        let input: Value = serde_json::from_str(json).unwrap();
        let s = parse(json);
        for mask in 0u32..(1 << SIX.len()) {
            let kinds: Vec<DocKind> = SIX
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, k)| *k)
                .collect();
            for issue in run(&s, &kinds, Mode::Draft) {
                checked += 1;
                let ctx = format!("{json}\nfor {kinds:?}: {issue:?}");
                if issue.code == "document_not_applicable" {
                    // Asking for a PBE for a personal parcel, or a CN form for a sea shipment,
                    // is wrong however complete the form is.
                    assert!(input.pointer(&issue.path).is_some(), "path does not resolve: {ctx}");
                    continue;
                }
                assert_eq!(issue.severity, W, "draft mode must only warn: {ctx}");
                let at = input
                    .pointer(&issue.path)
                    .unwrap_or_else(|| panic!("path does not resolve: {ctx}"));
                let field =
                    issue.params.get("field").unwrap_or_else(|| panic!("no params.field: {ctx}"));
                if issue.code == "missing_field" {
                    assert!(
                        at.is_object(),
                        "a missing field's path is the object that lacks it: {ctx}"
                    );
                    assert!(absent(at, field), "{field} is not missing there: {ctx}");
                } else {
                    // The only other draft warning about an absent value: PBE-III's SKU column.
                    assert_eq!((issue.code, field.as_str()), ("pbe_ecommerce", "sku"), "{ctx}");
                }
            }
        }
    }
    // Partial shipments lack fields for every document: many paths were checked, not none.
    assert!(checked >= 100, "only {checked} draft issues were checked");
}

#[test]
fn draft_does_not_sum_half_typed_package_contents() {
    let s = parse(
        r#"{"items": [{"description": "Brass bowl", "quantity": "2"}], "packages": [{"contents": [{}]}]}"#,
    );
    for issue in run(&s, &[PackingList], Mode::Draft) {
        assert_eq!((issue.code, issue.severity), ("missing_field", W), "{issue:?}");
    }
}
