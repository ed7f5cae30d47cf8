//! Hostile and malformed input: every case is refused with an error that names the path
//! of the bad value, or parses and yields an issue at the right path. Nothing panics.
#![allow(clippy::disallowed_methods)] // a test reads the bundled examples and times itself; the library may not
#![allow(clippy::unwrap_used, clippy::panic)]

use niryat::{
    parse_json, parse_value, validate, DocKind, MalformedInput, Mode, Severity, Shipment, LIMITS,
};
use serde_json::Value;
use std::time::{Duration, Instant};

fn refused(json: &[u8]) -> MalformedInput {
    match parse_json(json) {
        Ok(s) => {
            panic!("accepted {:?} as {s:?}", String::from_utf8_lossy(&json[..json.len().min(200)]))
        }
        Err(e) => e,
    }
}

#[track_caller]
fn refused_at(json: &str, path: &str) -> MalformedInput {
    let e = refused(json.as_bytes());
    assert_eq!(e.path, path, "{json}: {e}");
    assert!(!e.message.is_empty());
    assert!(
        !e.message.contains(" at line "),
        "line and column are reported separately: {}",
        e.message
    );
    // The same path when the input arrives as an already parsed value (the bindings' way).
    if let Ok(v) = serde_json::from_str::<Value>(json) {
        let e2 = parse_value(&v).unwrap_err();
        assert_eq!(e2.path, path, "parse_value disagrees for {json}: {e2}");
    }
    e
}

fn accepted(json: &str) -> Shipment {
    match parse_json(json.as_bytes()) {
        Ok(s) => s,
        Err(e) => panic!("refused {:.200}: {:.300}", json, e.to_string()),
    }
}

/// Every document kind.
fn all() -> Vec<DocKind> {
    DocKind::ALL.to_vec()
}

// ---------------------------------------------------------------------------
// Wrong types, unknown fields, bad values: the path of the value
// ---------------------------------------------------------------------------

#[test]
fn wrong_types_name_their_path() {
    let cases: &[(&str, &str)] = &[
        (r#"{"purpose": 1}"#, "/purpose"),
        (r#"{"exporter": "Nazia Parveen"}"#, "/exporter"),
        (r#"{"exporter": {"address": {"postal_code": 226003}}}"#, "/exporter/address/postal_code"),
        (r#"{"exporter": {"branches": {}}}"#, "/exporter/branches"),
        (r#"{"exporter": {"turnover_above_5_crore": "yes"}}"#, "/exporter/turnover_above_5_crore"),
        (r#"{"consignee": {"address": {"country": ["US"]}}}"#, "/consignee/address/country"),
        (r#"{"currency": ["USD"]}"#, "/currency"),
        (r#"{"invoice": {"other_references": "PO 17"}}"#, "/invoice/other_references"),
        (r#"{"invoice": {"total": true}}"#, "/invoice/total"),
        (r#"{"exchange_rate": {"per": "100"}}"#, "/exchange_rate/per"),
        (r#"{"sdr_rate": {"inr_per_sdr": {}}}"#, "/sdr_rate/inr_per_sdr"),
        (r#"{"transport": {"mode": "ship"}}"#, "/transport/mode"),
        (r#"{"transport": {"post": {"product": "speed_post"}}}"#, "/transport/post/product"),
        (r#"{"items": {}}"#, "/items"),
        (r#"{"items": "stole"}"#, "/items"),
        (r#"{"items": [{"quantity": true}]}"#, "/items/0/quantity"),
        (r#"{"items": [{}, {}, {"description": 5}]}"#, "/items/2/description"),
        (r#"{"items": [{"hs_code": 62149040}]}"#, "/items/0/hs_code"),
        (r#"{"packages": [{"number": "1"}]}"#, "/packages/0/number"),
        (r#"{"packages": [{"number": -1}]}"#, "/packages/0/number"),
        (r#"{"packages": [{"number": 1.5}]}"#, "/packages/0/number"),
        (r#"{"packages": [{"to": 4294967296}]}"#, "/packages/0/to"),
        (
            r#"{"packages": [{"dimensions": {"length_cm": "30 cm"}}]}"#,
            "/packages/0/dimensions/length_cm",
        ),
        (r#"{"packages": [{"contents": [{"line": "one"}]}]}"#, "/packages/0/contents/0/line"),
        (r#"{"postal": {"category": "present"}}"#, "/postal/category"),
        (r#"{"postal": {"foreign_exchange_involved": "no"}}"#, "/postal/foreign_exchange_involved"),
        (r#"{"postal": {"licences": [1]}}"#, "/postal/licences/0"),
        (r#"{"purpose": "gift"}"#, "/purpose"),
        (r#"{"tax": {"kind": "exempt"}}"#, "/tax/kind"),
        // A variant is named, never numbered (serde would take 1 as the second variant).
        (r#"{"tax": {"kind": 1, "arn": "AD0903260012345"}}"#, "/tax/kind"),
        (r#"{"tax": {"amount": "3342.11", "kind": 0, "rate": "5"}}"#, "/tax/kind"),
        (r#"{"tax": {"rate": 5}}"#, "/tax"),
        (r#"{"signatory": {"name": null, "place": 7}}"#, "/signatory/place"),
    ];
    for (json, path) in cases {
        refused_at(json, path);
    }
}

/// JSON Schema (and so the shipment's schema) calls `3.0` and `1e2` integers; a script whose
/// numbers went through floating point (a spreadsheet column read by pandas) writes them so.
#[test]
fn whole_numbers_written_as_decimals_are_read_as_whole_numbers() {
    let json = r#"{"exchange_rate": {"per": 1e2}, "packages": [{"number": 3.0, "to": 4.00,
        "contents": [{"line": 1E0}]}, {"number": -0.0, "to": 4294967295.0}]}"#;
    for s in [accepted(json), parse_value(&serde_json::from_str(json).unwrap()).unwrap()] {
        assert_eq!(s.exchange_rate.as_ref().and_then(|r| r.per), Some(100));
        let p = &s.packages[0];
        assert_eq!((p.number, p.to, p.contents[0].line), (Some(3), Some(4), Some(1)));
        assert_eq!((s.packages[1].number, s.packages[1].to), (Some(0), Some(u32::MAX)));
    }
    // Not whole, or not in range: refused at the field as before.
    for (number, path) in [
        ("1.5", "/packages/0/number"),
        ("1e-2", "/packages/0/number"),
        ("-1.0", "/packages/0/number"),
        ("4294967296.0", "/packages/0/number"),
        ("1e30", "/packages/0/number"),
        ("18446744073709551616.0", "/packages/0/number"),
        ("-9223372036854775809.0", "/packages/0/number"),
    ] {
        let e = refused_at(&format!(r#"{{"packages": [{{"number": {number}}}]}}"#), path);
        assert!(e.message.contains("a whole number from 0 to 4294967295"), "{number}: {e}");
    }
}

#[test]
fn wrong_types_inside_the_tax_object_name_the_tax_object() {
    // serde reads an internally tagged enum through a buffer, so the path stops at /tax.
    // Pointing at /tax/arn would be better; /tax is still the nearest object and resolves.
    refused_at(r#"{"tax": {"kind": "lut", "arn": 5}}"#, "/tax");
    refused_at(r#"{"tax": {"kind": "igst_paid", "rate": "5%"}}"#, "/tax");
    refused_at(r#"{"tax": {"kind": "lut", "date": "03/04/2026"}}"#, "/tax");
}

#[test]
fn unknown_fields_are_refused_at_their_path() {
    let e = refused_at(r#"{"exporter": {"name": "Nazia"}}"#, "/exporter/name");
    assert!(
        e.message.contains("legal_name"),
        "the message lists the fields that exist: {}",
        e.message
    );
    refused_at(r#"{"colour": "red"}"#, "/colour");
    refused_at(r#"{"items": [{}, {"colour": "red"}]}"#, "/items/1/colour");
    refused_at(r#"{"packages": [{"contents": [{"sku": "X"}]}]}"#, "/packages/0/contents/0/sku");
    refused_at(r#"{"tax": {"kind": "lut", "lut_number": "X"}}"#, "/tax");
    // Found by schemathesis against the served schema: the one variant without fields let
    // anything stand beside its kind.
    refused_at(r#"{"tax": {"kind": "unregistered", "rate": 5}}"#, "/tax");
    let v: Value = serde_json::from_str(r#"{"tax": {"kind": "unregistered", "rate": 5}}"#).unwrap();
    assert!(parse_value(&v).is_err());
    accepted(r#"{"tax": {"kind": "unregistered"}}"#);
    // Keys that need escaping in a JSON Pointer.
    refused_at(r#"{"a/b~c": 1}"#, "/a~1b~0c");
}

#[test]
fn dates_must_be_iso_calendar_dates() {
    for bad in [
        "20-11-2026",
        "20/11/2026",
        "2026-02-30",
        "2026-13-01",
        "",
        "2026-11-20T10:00:00Z",
        "tomorrow",
    ] {
        refused_at(&format!(r#"{{"invoice": {{"date": "{bad}"}}}}"#), "/invoice/date");
    }
    let s = accepted(r#"{"invoice": {"date": "2028-02-29"}}"#);
    assert_eq!(s.invoice.unwrap().date.unwrap().to_string(), "2028-02-29");
}

#[test]
fn decimals_as_numbers_or_strings() {
    for (json, want) in [
        ("1", "1"),
        ("\"1\"", "1"),
        ("0.1", "0.1"),
        ("\"0.10\"", "0.10"),
        ("\"1234.50\"", "1234.50"),
        ("12345678901234567890", "12345678901234567890"),
        ("\"-0\"", "0"),
    ] {
        let s = accepted(&format!(r#"{{"items": [{{"quantity": {json}}}]}}"#));
        assert_eq!(s.items[0].quantity.unwrap().to_string(), want, "{json}");
    }
    // Strings with spaces, commas, units or words are refused at the field.
    for bad in [
        "\"1 000\"",
        "\"12,5\"",
        "\" 12.5\"",
        "\"12.5 \"",
        "\"12.5 kg\"",
        "\"NaN\"",
        "\"Infinity\"",
        "\"\"",
        "\"₹100\"",
        "\"0x10\"",
    ] {
        refused_at(&format!(r#"{{"items": [{{"unit_price": {bad}}}]}}"#), "/items/0/unit_price");
    }
}

#[test]
fn huge_numbers() {
    // Beyond f64 range: a JSON number serde cannot read.
    let e = refused_at(r#"{"items": [{"unit_price": 1e400}]}"#, "/items/0/unit_price");
    assert!(e.line.is_some() && e.column.is_some());
    // Beyond Decimal's 96 bits, as a number and as a string.
    refused_at(
        r#"{"items": [{"unit_price": 99999999999999999999999999999999}]}"#,
        "/items/0/unit_price",
    );
    refused_at(
        r#"{"items": [{"unit_price": "99999999999999999999999999999999"}]}"#,
        "/items/0/unit_price",
    );
    refused_at(r#"{"invoice": {"total": -1e300}}"#, "/invoice/total");
    refused_at(
        r#"{"packages": [{"number": 99999999999999999999999999999999}]}"#,
        "/packages/0/number",
    );
    // The largest Decimal parses; arithmetic on it is refused by a rule, not a panic.
    let s = accepted(
        r#"{"currency": "INR", "items": [{"description": "Brass bowl", "quantity": "79228162514264337593543950335", "unit_price": "79228162514264337593543950335", "amount": "1"}]}"#,
    );
    let issues = validate(&s, &[DocKind::CommercialInvoice], Mode::Draft).issues;
    let q: Vec<_> = issues.iter().filter(|i| i.code == "quantity").collect();
    assert_eq!(q.len(), 1, "{issues:#?}");
    assert_eq!((q[0].path.as_str(), q[0].severity), ("/items/0/quantity", Severity::Error));
}

#[test]
fn huge_values_through_every_rule_do_not_panic() {
    let big = "79228162514264337593543950335";
    let tiny = "0.0000000000000000000000000001";
    let mut v: Value =
        serde_json::from_str(include_str!("../../examples/varanasi-silk-amazon.json")).unwrap();
    for (ptr, val) in [
        ("/items/0/quantity", big),
        ("/items/0/unit_price", big),
        ("/items/1/unit_price", tiny),
        ("/items/1/net_weight_kg", big),
        ("/charges/freight", big),
        ("/exchange_rate/rate", big),
        ("/sdr_rate/inr_per_sdr", tiny),
        ("/packages/0/gross_weight_kg", big),
        ("/packages/0/contents/0/quantity", big),
        ("/tax/amount", big),
    ] {
        *v.pointer_mut(ptr).unwrap() = Value::String(val.into());
        let s = parse_value(&v).unwrap();
        let mut checked = 0;
        for kinds in [DocKind::for_shipment(&s), all()] {
            for issue in validate(&s, &kinds, Mode::Strict).issues {
                assert!(v.pointer(&issue.path).is_some(), "after {ptr}={val}: {issue:?}");
                checked += 1;
            }
        }
        // Each extreme value is reported somewhere (overflow or a limit), so the loop checks
        // at least one path for it.
        assert!(checked > 0, "after {ptr}={val}: no issue, so no path was checked");
    }
}

// ---------------------------------------------------------------------------
// Not a shipment at all
// ---------------------------------------------------------------------------

#[test]
fn documents_that_are_not_shipments() {
    for (json, why) in [
        ("", "empty"),
        ("   \n\t", "blank"),
        ("null", "null"),
        ("\"shipment\"", "string"),
        ("42", "number"),
        ("true", "bool"),
        ("{", "unclosed"),
        ("{} {}", "two documents"),
        ("{} x", "trailing"),
    ] {
        let e = refused(json.as_bytes());
        assert_eq!(e.path, "", "{why}: {e}");
        assert!(e.line.is_some(), "{why}: a syntax or type error has a position: {e}");
    }
}

#[test]
fn arrays_are_not_objects() {
    refused_at("[]", "");
    refused_at(r#"["personal"]"#, "");
    refused_at(r#"{"exporter": ["Nazia Parveen"]}"#, "/exporter");
    refused_at(r#"{"items": [["Chikankari stole", "62149040", 1]]}"#, "/items/0");
}

#[test]
fn a_byte_order_mark_is_ignored() {
    // Windows editors may save UTF-8 with a BOM; it carries no data and is skipped.
    let s = accepted("\u{feff}{\"purpose\": \"personal\"}");
    assert_eq!(s.purpose, niryat::model::Purpose::Personal);
    // A BOM anywhere else is not whitespace and is refused.
    let e = refused("{\u{feff}}".as_bytes());
    assert_eq!((e.line, e.column), (Some(1), Some(2)));
}

#[test]
fn duplicate_keys_are_refused() {
    let e = refused(br#"{"currency": "USD", "currency": "INR"}"#);
    assert!(e.message.contains("\"currency\" appears twice"), "{e}");
    assert_eq!(e.path, "/currency");
    let e = refused(br#"{"items": [{"quantity": 1, "quantity": 2}]}"#);
    assert!(e.path.starts_with("/items/0"), "{e}");
}

/// The line and column of the first occurrence of `needle` in `json` (1-based, in
/// characters), to check the position a failure names.
fn position_of(json: &str, needle: &str) -> (usize, usize) {
    let at = json.find(needle).unwrap();
    let before = &json[..at];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

#[test]
fn duplicate_keys_deep_inside_are_refused_at_their_pointer_and_position() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "{\n  \"items\": [\n    {\"description\": \"Stole\"},\n    {\"description\": \"Stole\", \"quantity\": 1, \"description\": \"Scarf\"}\n  ]\n}",
            "/items/1/description",
            "\"description\": \"Scarf",
        ),
        (
            r#"{"packages": [{"contents": [{"line": 1}, {"line": 2, "quantity": "1", "line": 3}]}]}"#,
            "/packages/0/contents/1/line",
            r#""line": 3"#,
        ),
        (
            r#"{"exporter": {"address": {"city": "Lucknow", "city": "Agra"}}}"#,
            "/exporter/address/city",
            r#""city": "Agra"#,
        ),
        // The same key written once plainly and once with an escape.
        (r#"{"currency": "USD", "curr\u0065ncy": "INR"}"#, "/currency", r#""curr\u0065ncy""#),
    ];
    for (json, path, second) in cases {
        let e = refused(json.as_bytes());
        assert_eq!(e.path, *path, "{json}: {e}");
        assert!(e.message.contains("appears twice"), "{e}");
        // The position is the end of the second key.
        let (line, column) = position_of(json, second);
        let key_len = second.find(':').unwrap_or(second.len());
        assert_eq!((e.line, e.column), (Some(line), Some(column + key_len - 1)), "{json}: {e}");
    }
}

#[test]
fn duplicate_keys_in_a_large_object_are_found() {
    // The tax object is buffered whole, so it may hold many keys before one is refused: past
    // a few dozen, the keys seen are kept in a hash set.
    let keys: Vec<String> = (0..100).map(|i| format!(r#""k{i}": 1"#)).collect();
    let e = refused(format!(r#"{{"tax": {{{}, "k5": 2}}}}"#, keys.join(", ")).as_bytes());
    assert_eq!(e.path, "/tax/k5", "{e}");
    assert!(e.message.contains("\"k5\" appears twice"), "{e}");
    // Inside a value after the switch, the path still names the key being read.
    let e = refused(
        format!(r#"{{"tax": {{{}, "k100": {{"x": 1, "x": 2}}}}}}"#, keys.join(", ")).as_bytes(),
    );
    assert_eq!(e.path, "/tax/k100/x", "{e}");
    // Without a repeat, the whole object is read and the tax treatment refuses it.
    refused_at(&format!(r#"{{"tax": {{"kind": "lut", {}}}}}"#, keys.join(", ")), "/tax");
}

#[test]
fn arrays_where_objects_belong_are_refused_at_their_pointer_and_position() {
    for (json, path, at) in [
        (r#"{"packages": [{"number": 1}, ["carton", 1]]}"#, "/packages/1", r#"["carton"#),
        (r#"{"packages": [{"dimensions": [30, 20, 10]}]}"#, "/packages/0/dimensions", "[30"),
        (r#"{"packages": [{"contents": [[1, "2"]]}]}"#, "/packages/0/contents/0", "[1,"),
        (r#"{"items": [{}, ["Stole", "62149040"]]}"#, "/items/1", r#"["Stole"#),
        // The tax treatment is an internally tagged enum: serde would take `[tag, fields…]`.
        (r#"{"tax": ["lut", "AD0903260012345"]}"#, "/tax", r#"["lut"#),
        (r#"{"tax": ["igst_paid"]}"#, "/tax", r#"["igst"#),
    ] {
        let e = refused_at(json, path);
        assert!(e.message.contains("invalid type: an array"), "{json}: {e}");
        // serde_json names the last character it read: the one before the `[`.
        let (line, column) = position_of(json, at);
        assert_eq!((e.line, e.column), (Some(line), Some(column - 1)), "{json}: {e}");
    }
    // An enum is a string, never serde_json's `{"variant": null}`.
    let e = refused_at(r#"{"purpose": {"personal": null}}"#, "/purpose");
    assert!(e.message.contains("invalid type: an object"), "{e}");
    assert_eq!((e.line, e.column), (Some(1), Some(12)), "{e}");
    // A tax treatment object, and null for none, still read.
    let s = accepted(r#"{"tax": {"kind": "lut", "arn": "AD0903260012345"}}"#);
    assert!(matches!(s.tax, Some(niryat::model::TaxTreatment::Lut { .. })));
    assert_eq!(accepted(r#"{"tax": null}"#).tax, None);
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    for depth in [1_000, 100_000] {
        let open = "[".repeat(depth);
        let e = refused(format!(r#"{{"items": {open}"#).as_bytes());
        assert!(e.path.starts_with("/items"), "{e}");
        let e = refused(format!(r#"{{"exporter": {{"address": {open}"#).as_bytes());
        assert!(e.path.starts_with("/exporter/address"), "{e}");
        // In a struct, the first unknown key is refused before its nested value is read.
        let objects = r#"{"a":"#.repeat(depth);
        let e = refused(format!(r#"{{"invoice": {objects}"#).as_bytes());
        assert_eq!(e.path, "/invoice/a", "{e}");
        // The tax object is buffered whole before it is read (an internally tagged enum), so
        // its nesting is read down to serde_json's recursion limit and refused there.
        for nested in [objects, open] {
            let e = refused(format!(r#"{{"tax": {{"kind": "lut", "arn": {nested}"#).as_bytes());
            assert!(e.path.starts_with("/tax/arn/"), "{e}");
            assert!(e.message.contains("recursion limit"), "{e}");
            assert!(e.path.matches('/').count() > 100, "{e}");
        }
    }
    // Through serde_json::Value (the bindings' way), at serde_json's own recursion limit.
    let nested = format!("{}1{}", r#"{"items":["#.repeat(60), "]}".repeat(60));
    let v: Value = serde_json::from_str(&nested).unwrap();
    assert!(parse_value(&v).is_err());
}

// ---------------------------------------------------------------------------
// Text: control characters, invalid UTF-8, very long strings
// ---------------------------------------------------------------------------

#[test]
fn raw_control_characters_in_json_are_refused_at_their_field() {
    refused_at("{\"currency\": \"U\u{1}SD\"}", "/currency");
    refused_at("{\"items\": [{\"description\": \"Stole\u{7}\"}]}", "/items/0/description");
    refused_at("{\"items\": [{\"description\": \"Stole\nwhite\"}]}", "/items/0/description");
}

#[test]
fn escaped_control_characters_are_issues_at_their_field() {
    let s = accepted(
        r#"{"items": [{"description": "Stole\u0007"}], "consignee": {"name": "Emily\u001b[2J"}, "invoice": {"other_references": ["ok", "\u0000"]}}"#,
    );
    let issues = validate(&s, &[], Mode::Strict).issues;
    let got: Vec<(&str, &str, Severity)> =
        issues.iter().map(|i| (i.code, i.path.as_str(), i.severity)).collect();
    assert_eq!(
        got,
        [
            ("control_character", "/consignee/name", Severity::Error),
            ("control_character", "/invoice/other_references/1", Severity::Error),
            ("control_character", "/items/0/description", Severity::Error),
        ]
    );
    // Escaped tab and line breaks are text.
    let s = accepted(r#"{"items": [{"description": "Stole,\n white\tivory\r\n"}]}"#);
    assert!(validate(&s, &[], Mode::Strict).issues.is_empty());
}

#[test]
fn lone_surrogates_are_refused() {
    refused_at(r#"{"items": [{"description": "\ud800"}]}"#, "/items/0/description");
    refused_at(r#"{"items": [{"description": "x\udc00y"}]}"#, "/items/0/description");
}

#[test]
fn invalid_utf8_is_refused_at_its_field() {
    for bad in [
        &[0xff][..],
        &[0xc3],
        &[0xe0, 0x80, 0x80],
        &[0xed, 0xa0, 0x80],
        &[0xf8, 0x88, 0x80, 0x80, 0x80],
    ] {
        let mut b = br#"{"items": [{"description": "ab"#.to_vec();
        b.extend_from_slice(bad);
        b.extend_from_slice(br#"cd"}]}"#);
        let e = refused(&b);
        assert_eq!(e.path, "/items/0/description", "{bad:?}: {e}");
        assert_eq!(e.line, Some(1), "{e}");
    }
    // Outside any string.
    let e = refused(b"{\"items\": \xff}");
    assert_eq!(e.path, "/items", "{e}");
}

#[test]
fn a_10_mb_description_is_an_issue_at_its_path() {
    let long = "क".repeat(10 * 1024 * 1024 / 3);
    let json = format!(
        r#"{{"currency": "INR", "items": [{{"description": "{long}", "quantity": 1, "unit_price": 1}}]}}"#
    );
    assert!(json.len() > 10_000_000);
    let start = Instant::now();
    let s = accepted(&json);
    let kinds = all();
    let issues = validate(&s, &kinds, Mode::Draft).issues;
    assert!(start.elapsed() < Duration::from_secs(20), "took {:?}", start.elapsed());
    let long_text: Vec<_> = issues.iter().filter(|i| i.code == "text_too_long").collect();
    assert_eq!(
        long_text.len(),
        1,
        "{:?}",
        issues.iter().map(|i| (i.code, &i.path)).collect::<Vec<_>>()
    );
    assert_eq!(
        (long_text[0].path.as_str(), long_text[0].severity),
        ("/items/0/description", Severity::Error)
    );
    assert!(
        long_text[0].message.contains(&(10 * 1024 * 1024 / 3).to_string()),
        "{}",
        long_text[0].message
    );
    // The message does not repeat the text.
    assert!(
        issues.iter().all(|i| i.message.len() < 1000),
        "an issue message carries the 10 MB text"
    );
}

#[test]
fn multi_megabyte_identifiers_are_reported_without_copying_them_into_messages() {
    // 12 fields of 4 MB each (the whole input stays under the 64 MB limit).
    let long = "9".repeat(4 * 1024 * 1024);
    let json = format!(
        r#"{{"exporter": {{"gstin": "{long}", "iec": "{long}", "pan": "{long}", "ad_code": "{long}"}}, "invoice": {{"number": "{long}"}}, "currency": "{long}", "destination_country": "{long}", "terms": {{"incoterm": "{long}"}}, "transport": {{"port_of_loading": "{long}"}}, "items": [{{"hs_code": "{long}", "unit": "{long}"}}], "packages": [{{"tracking_number": "{long}"}}]}}"#
    );
    let s = accepted(&json);
    let issues = validate(&s, &all(), Mode::Draft).issues;
    let long_text = issues.iter().filter(|i| i.code == "text_too_long").count();
    assert_eq!(long_text, 12, "{:?}", issues.iter().map(|i| (i.code, &i.path)).collect::<Vec<_>>());
    let big: Vec<(&str, &str, usize)> = issues
        .iter()
        .filter(|i| i.message.len() > 1000)
        .map(|i| (i.code, i.path.as_str(), i.message.len()))
        .collect();
    assert!(big.is_empty(), "issue messages repeat the input: {big:?}");
}

// ---------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------

fn list_of(n: usize, item: &str) -> String {
    let mut s = String::with_capacity(n * (item.len() + 1));
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        s.push_str(item);
    }
    s
}

#[test]
fn the_limits_are_documented_values() {
    assert_eq!(LIMITS.max_items, 10_000);
    assert_eq!(LIMITS.max_packages, 10_000);
    assert_eq!(LIMITS.max_list, 1_000);
    assert_eq!(LIMITS.max_text_chars, 4_000);
    assert_eq!(LIMITS.max_input_bytes, 64 * 1024 * 1024);
}

#[test]
fn too_many_lines_is_an_error_at_items() {
    let at_limit = format!(r#"{{"items": [{}]}}"#, list_of(LIMITS.max_items, "{}"));
    assert_eq!(accepted(&at_limit).items.len(), LIMITS.max_items);
    let over = format!(r#"{{"items": [{}]}}"#, list_of(LIMITS.max_items + 1, "{}"));
    let e = refused_at(&over, "/items");
    assert!(e.message.contains("10000"), "{e}");
}

#[test]
fn too_many_of_anything_is_an_error_at_its_list() {
    let n = LIMITS.max_packages + 1;
    refused_at(&format!(r#"{{"packages": [{}]}}"#, list_of(n, "{}")), "/packages");
    let m = LIMITS.max_list + 1;
    refused_at(
        &format!(r#"{{"packages": [{{}}, {{"contents": [{}]}}]}}"#, list_of(m, "{}")),
        "/packages/1/contents",
    );
    refused_at(
        &format!(r#"{{"invoice": {{"other_references": [{}]}}}}"#, list_of(m, "\"x\"")),
        "/invoice/other_references",
    );
    refused_at(
        &format!(r#"{{"postal": {{"licences": [{}]}}}}"#, list_of(m, "\"x\"")),
        "/postal/licences",
    );
    refused_at(
        &format!(r#"{{"postal": {{"certificates": [{}]}}}}"#, list_of(m, "\"x\"")),
        "/postal/certificates",
    );
    refused_at(
        &format!(r#"{{"exporter": {{"branches": [{}]}}}}"#, list_of(m, "{}")),
        "/exporter/branches",
    );
}

#[test]
fn one_over_each_limit_is_refused_at_its_list_and_position() {
    let (n, m) = (LIMITS.max_items, LIMITS.max_list);
    for (template, entry, limit, path) in [
        (r#"{"items": [LIST]}"#, "{}", n, "/items"),
        (r#"{"packages": [LIST]}"#, "{}", LIMITS.max_packages, "/packages"),
        (r#"{"packages": [{}, {"contents": [LIST]}]}"#, "{}", m, "/packages/1/contents"),
        (r#"{"invoice": {"other_references": [LIST]}}"#, "\"x\"", m, "/invoice/other_references"),
        (r#"{"postal": {"licences": [LIST]}}"#, "\"x\"", m, "/postal/licences"),
        (r#"{"postal": {"certificates": [LIST]}}"#, "\"x\"", m, "/postal/certificates"),
        (r#"{"exporter": {"branches": [LIST]}}"#, "{}", m, "/exporter/branches"),
    ] {
        // At the limit: read.
        let at_limit = template.replace("LIST", &list_of(limit, entry));
        assert!(parse_json(at_limit.as_bytes()).is_ok(), "{path} at its limit");
        // One over: refused at the list once the entry past the limit is skipped; serde_json
        // names the list's closing bracket, which it reads as it gives up the list.
        let over = template.replace("LIST", &list_of(limit + 1, entry));
        let e = refused_at(&over, path);
        assert!(e.message.contains(&limit.to_string()), "{e}");
        let close = template.find("LIST").unwrap() + list_of(limit + 1, entry).len() + 1;
        assert_eq!(&over[close - 1..close], "]");
        assert_eq!((e.line, e.column), (Some(1), Some(close)), "{path}: {e}");
    }
}

#[test]
fn package_contents_are_limited_in_all() {
    // 100 packages of 1,000 entries is the most (LIMITS.max_items × 10 in all).
    let package = format!(r#"{{"contents": [{}]}}"#, list_of(LIMITS.max_list, "{}"));
    let all = LIMITS.max_items * 10 / LIMITS.max_list;
    let s = accepted(&format!(r#"{{"packages": [{}]}}"#, list_of(all, &package)));
    assert_eq!(s.packages.iter().map(|p| p.contents.len()).sum::<usize>(), LIMITS.max_items * 10);
    // One entry more, in a package of its own, is refused at /packages.
    let over = format!(r#"{{"packages": [{}, {{"contents": [{{}}]}}]}}"#, list_of(all, &package));
    let e = refused_at(&over, "/packages");
    assert!(e.message.contains("100000"), "{e}");
}

#[test]
fn input_over_the_byte_limit_is_refused_before_parsing() {
    let big = vec![b' '; LIMITS.max_input_bytes + 1];
    let e = refused(&big);
    assert_eq!(e.path, "");
    assert!(e.message.contains("bytes"), "{e}");
}

#[test]
fn many_lines_and_packages_validate_in_reasonable_time() {
    // 2,000 lines, each packed in its own carton.
    let items = list_of(
        2_000,
        r#"{"description": "Brass bowl", "hs_code": "74181031", "quantity": "2", "unit": "PCS", "unit_price": "9.50", "origin_country": "IN", "net_weight_kg": "0.8"}"#,
    );
    let mut packages = String::new();
    for i in 0..2_000 {
        if i > 0 {
            packages.push(',');
        }
        packages.push_str(&format!(r#"{{"number": {}, "kind": "carton", "net_weight_kg": "0.8", "gross_weight_kg": "1", "contents": [{{"line": {}, "quantity": "2"}}]}}"#, i + 1, i + 1));
    }
    let json = format!(r#"{{"currency": "INR", "items": [{items}], "packages": [{packages}]}}"#);
    let s = accepted(&json);
    let start = Instant::now();
    let issues = validate(&s, &[DocKind::PackingList], Mode::Strict).issues;
    assert!(start.elapsed() < Duration::from_secs(10), "2,000 × 2,000 took {:?}", start.elapsed());
    assert!(
        issues.iter().all(|i| i.code == "missing_field"),
        "{:?}",
        issues.iter().find(|i| i.code != "missing_field")
    );
}

// ---------------------------------------------------------------------------
// Values that reach arithmetic edges in the rules
// ---------------------------------------------------------------------------

#[test]
fn a_run_over_the_whole_u32_range_does_not_overflow() {
    let s = accepted(
        r#"{"items": [{"quantity": "1"}], "packages": [{"number": 0, "to": 4294967295, "contents": [{"line": 1, "quantity": "1"}]}]}"#,
    );
    let issues = validate(&s, &[DocKind::PackingList], Mode::Draft).issues;
    assert!(
        issues.iter().any(|i| i.code == "package_numbering" && i.path == "/packages/0/number"),
        "{issues:#?}"
    );
}

#[test]
fn package_runs_at_the_top_of_the_u32_range() {
    let s = accepted(
        r#"{"items": [{"quantity": "2"}], "packages": [{"number": 1, "to": 4294967295, "contents": [{"line": 1, "quantity": "1"}]}, {"number": 4294967295}]}"#,
    );
    let issues = validate(&s, &[DocKind::PackingList], Mode::Draft).issues;
    for i in &issues {
        assert!(
            i.code == "missing_field"
                || i.code == "package_numbering"
                || i.code == "packed_quantity_mismatch",
            "{i:?}"
        );
    }
    assert!(
        issues.iter().any(|i| i.code == "package_numbering" && i.path == "/packages/1/number"),
        "{issues:#?}"
    );
}

#[test]
fn extreme_dates_do_not_panic() {
    let s = accepted(
        r#"{"invoice": {"date": "9999-12-31"}, "tax": {"kind": "lut", "arn": "AD090426004321M", "date": "0000-01-01"},
            "transport": {"mode": "post", "dispatch_date": "9999-12-31", "post": {"product": "registered_small_packet"}},
            "exchange_rate": {"rate": "1", "date": "0000-01-01"}, "currency": "USD"}"#,
    );
    let issues = validate(&s, &all(), Mode::Strict).issues;
    let codes: Vec<&str> =
        issues.iter().filter(|i| i.code != "missing_field").map(|i| i.code).collect();
    assert!(codes.contains(&"lut_period"), "{codes:?}");
    assert!(codes.contains(&"postal_product_withdrawn"), "{codes:?}");
    let mut s = accepted(
        r#"{"invoice": {"date": "0000-01-01"}, "tax": {"kind": "lut", "date": "9999-12-31"}, "transport": {"dispatch_date": "0000-01-01"}}"#,
    );
    validate(&s, &all(), Mode::Strict);
    // jiff's smallest date, which the reader no longer takes (a six-digit year is not
    // YYYY-MM-DD) but a Rust caller can still put in the model.
    if let Some(invoice) = s.invoice.as_mut() {
        invoice.date = Some(jiff::civil::Date::MIN);
    }
    if let Some(transport) = s.transport.as_mut() {
        transport.dispatch_date = Some(jiff::civil::Date::MIN);
    }
    validate(&s, &all(), Mode::Strict);
}

#[test]
fn a_date_is_read_only_as_yyyy_mm_dd() {
    for (json, path, says) in [
        (
            r#"{"invoice": {"date": "2026-11-18T10:30"}}"#,
            "/invoice/date",
            "a date and a time of day",
        ),
        (
            r#"{"invoice": {"date": "2026-11-18 10:30:00"}}"#,
            "/invoice/date",
            "a date and a time of day",
        ),
        (
            r#"{"transport": {"dispatch_date": "20261118"}}"#,
            "/transport/dispatch_date",
            "YYYY-MM-DD",
        ),
        // The tax object is read whole (its kind decides its fields): refused at `/tax`.
        (r#"{"tax": {"kind": "lut", "date": "-009999-01-01"}}"#, "/tax", "YYYY-MM-DD"),
        (r#"{"exchange_rate": {"date": "18/11/2026"}}"#, "/exchange_rate/date", "YYYY-MM-DD"),
        (r#"{"invoice": {"date": "2026-02-29"}}"#, "/invoice/date", "2026-02 has 28 days"),
        (r#"{"invoice": {"date": 20261118}}"#, "/invoice/date", "YYYY-MM-DD"),
    ] {
        let e = refused_at(json, path);
        assert!(e.message.contains(says), "{json}: {}", e.message);
    }
    let s =
        accepted(r#"{"invoice": {"date": "2028-02-29"}, "transport": {"dispatch_date": null}}"#);
    assert_eq!(
        s.invoice.and_then(|i| i.date).map(|d| d.to_string()).as_deref(),
        Some("2028-02-29")
    );
}

#[test]
fn null_everywhere_is_missing_not_malformed() {
    let s = accepted(
        r#"{"exporter": null, "consignee": null, "invoice": null, "terms": null, "tax": null, "currency": null,
            "exchange_rate": null, "sdr_rate": null, "transport": null, "postal": null, "ecommerce": null, "signatory": null}"#,
    );
    let issues = validate(&s, &all(), Mode::Draft).issues;
    assert!(!issues.is_empty());
    assert!(
        issues.iter().all(|i| i.code == "missing_field"
            && i.path.is_empty()
            && i.severity == Severity::Warning),
        "{issues:#?}"
    );
}

#[test]
fn zero_and_negative_everything() {
    let s = accepted(
        r#"{"currency": "INR", "sdr_rate": {"inr_per_sdr": "-1"}, "exchange_rate": {"rate": "-1", "per": 0},
            "charges": {"freight": "-1", "insurance": "-1"},
            "items": [{"description": "Brass bowl", "quantity": "-1", "unit_price": "-1", "amount": "-1", "net_weight_kg": "-1"}],
            "packages": [{"number": 0, "to": 0, "net_weight_kg": "-1", "gross_weight_kg": "-2", "contents": [{"line": 0, "quantity": "-1"}]}]}"#,
    );
    let issues = validate(&s, &all(), Mode::Draft).issues;
    let mine: Vec<(&str, &str)> = issues
        .iter()
        .filter(|i| i.code != "missing_field")
        .map(|i| (i.code, i.path.as_str()))
        .collect();
    for want in [
        ("quantity", "/items/0/quantity"),
        ("quantity", "/items/0/unit_price"),
        ("quantity", "/items/0/net_weight_kg"),
        ("quantity", "/charges/freight"),
        ("quantity", "/charges/insurance"),
        ("quantity", "/sdr_rate/inr_per_sdr"),
        ("package_weight", "/packages/0/net_weight_kg"),
        ("package_weight", "/packages/0/gross_weight_kg"),
        ("package_line", "/packages/0/contents/0/line"),
        ("quantity", "/packages/0/contents/0/quantity"),
        ("package_numbering", "/packages/0/number"),
    ] {
        assert!(mine.contains(&want), "{want:?} missing from {mine:?}");
    }
}

#[test]
fn issues_are_bounded_for_small_hostile_input() {
    // 100 packages × 1,000 empty contents entries (the most niryat accepts): 300 KB of input.
    let package = format!(r#"{{"contents": [{}]}}"#, list_of(1_000, "{}"));
    let json = format!(r#"{{"packages": [{}]}}"#, list_of(100, &package));
    let s = accepted(&json);
    let issues = validate(&s, &[DocKind::PackingList], Mode::Draft).issues;
    let bytes: usize = issues
        .iter()
        .map(|i| i.message.len() + i.path.len() + i.params.values().map(String::len).sum::<usize>())
        .sum();
    eprintln!("{} bytes of input gave {} issues, {bytes} bytes of text", json.len(), issues.len());
    assert!(
        bytes < 10 * json.len(),
        "{} bytes of input gave {} issues, {bytes} bytes of text",
        json.len(),
        issues.len()
    );
}

#[test]
fn a_request_holding_shipments_fails_as_a_shipment_does() {
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Request {
        shipments: Vec<Value>,
        names: Option<Vec<String>>,
    }
    let read = |text: &[u8]| niryat::parse_json_as::<Request>(text).unwrap_err();
    let e = read(b"{\n  \"shipments\": [{}],\n  \"names\": [\"a\", 7]\n}");
    assert_eq!((e.path.as_str(), e.line, e.column), ("/names/1", Some(3), Some(18)), "{e:?}");
    assert!(!e.message.contains("at line"), "{e:?}");
    assert_eq!(read(br#"{"shipments": [], "nmes": []}"#).path, "/nmes");
    assert_eq!(read(br#"{"shipments": []} []"#).path, "");
    let deep = format!("{{\"shipments\": [{}]}}", "[".repeat(10_000));
    assert!(read(deep.as_bytes()).message.contains("recursion limit"));
    let huge = vec![b' '; LIMITS.max_input_bytes + 1];
    assert!(read(&huge).message.contains("at most"), "{:?}", read(&huge));
    let ok =
        niryat::parse_json_as::<Request>(b"\xEF\xBB\xBF{\"shipments\": [{\"purpose\": \"gift\"}]}");
    assert_eq!(ok.unwrap().shipments.len(), 1);
}

#[test]
fn a_request_holding_shipments_is_read_as_strictly_as_a_shipment() {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Request {
        shipments: Vec<Value>,
        names: Option<Vec<String>>,
    }
    let read = |text: &str| niryat::parse_json_as::<Request>(text.as_bytes()).unwrap_err();
    // A key written twice inside a shipment: a value would keep the last one and leave
    // `parse_value` nothing to refuse, so the request's reader refuses it, where it is.
    let e = read(r#"{"shipments": [{}, {"purpose": "gift", "purpose": "sale"}]}"#);
    assert_eq!(e.path, "/shipments/1/purpose", "{e:?}");
    assert!(e.message.contains("appears twice"), "{e:?}");
    let e = read(r#"{"shipments": [{"exporter": {"iec": "a", "iec": "b"}}]}"#);
    assert_eq!(e.path, "/shipments/0/exporter/iec", "{e:?}");
    let e = read(r#"{"shipments": [], "names": null, "shipments": []}"#);
    assert_eq!(e.path, "/shipments", "{e:?}");
    // serde would read a struct from an array of its fields.
    let e = read(r#"[[], ["a"]]"#);
    assert_eq!(
        (e.path.as_str(), e.message.as_str()),
        ("", "invalid type: an array, expected an object")
    );
    // The request's own list is not held to a shipment's list limits (only to the size).
    let many = format!("{{\"shipments\": [{}{{}}]}}", "{}, ".repeat(LIMITS.max_items));
    let ok = niryat::parse_json_as::<Request>(many.as_bytes());
    assert_eq!(ok.map(|r| r.shipments.len()).ok(), Some(LIMITS.max_items + 1));
}
