//! The free-text fields of a shipment's JSON and the pointers to them: one list and one walk
//! for the layout torture's generator (`core/tests/torture/gen.rs`), which writes the longest
//! text validation accepts into each field, and the fuzz targets (`fuzz/src/lib.rs`, which
//! includes this file by its path: the fuzz crate is a workspace of its own), which write
//! hostile text into them.

#![allow(dead_code)]

use serde_json::Value;

/// Keys whose values are free text that niryat prints as given (names, addresses,
/// descriptions, references). Changing them keeps most shipments valid.
pub const FREE_TEXT: &[&str] = &[
    "legal_name",
    "trade_name",
    "name",
    "line1",
    "line2",
    "city",
    "district",
    "bank_name",
    "branch",
    "booking_office",
    "council",
    "description",
    "designation",
    "end_use",
    "final_destination",
    "incoterm_place",
    "marks",
    "other_references",
    "payment",
    "place",
    "place_of_receipt",
    "port_of_discharge",
    "pre_carriage",
    "source",
    "vessel_or_flight",
    "platform",
    "sku",
    "exporter_reference",
    "marketplace_order_id",
    "payment_transaction_id",
];

/// Every JSON Pointer in `v` whose last key is one of `keys` (string values only; an array
/// of strings under such a key counts element by element).
pub fn pointers_to(v: &Value, keys: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    walk(v, String::new(), None, &mut |p, key, leaf| {
        if leaf.is_string() && key.is_some_and(|k| keys.contains(&k)) {
            out.push(p.to_string());
        }
    });
    out
}

/// Every pointer in `v`, containers included.
pub fn all_pointers(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    walk(v, String::new(), None, &mut |p, _, _| out.push(p.to_string()));
    out
}

fn walk<'a>(
    v: &'a Value,
    at: String,
    key: Option<&'a str>,
    f: &mut dyn FnMut(&str, Option<&'a str>, &'a Value),
) {
    f(&at, key, v);
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                walk(x, p, Some(k.as_str()), f);
            }
        }
        // Elements of an array carry the array's key (a list of references is free text).
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                walk(x, format!("{at}/{i}"), key, f);
            }
        }
        _ => {}
    }
}
