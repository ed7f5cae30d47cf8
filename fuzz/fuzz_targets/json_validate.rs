//! JSON input: `parse_json`, then `validate` for every document kind in both modes. Every
//! issue's path must resolve in the input, and a refusal's path too. `parse_value` (what the
//! bindings read: the text parsed first) must take the same shipment or refuse at the same path.
//! A refusal's message can be said in Hindi (read back from the English) without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use niryat::render::Lang;
use niryat::{parse_json, validate, DocKind, Mode};

fuzz_target!(|data: &[u8]| {
    let parsed = parse_json(data);
    // Paths are checked against the parsed text, but for a text that repeats a key (its value
    // kept the last, niryat reads the first and refuses the second).
    let value = niryat_fuzz::value_without_repeated_keys(data);
    if let Some(v) = &value {
        same_as_from_a_value(v);
    }
    match parsed {
        Ok(shipment) => {
            for mode in [Mode::Strict, Mode::Draft] {
                let report = validate(&shipment, &DocKind::ALL, mode);
                if let Some(v) = &value {
                    for issue in &report.issues {
                        assert!(
                            v.pointer(&issue.path).is_some() || parent_exists(v, &issue.path),
                            "issue {} at {} does not resolve",
                            issue.code,
                            issue.path
                        );
                    }
                }
            }
            let _ = validate(&shipment, &DocKind::for_shipment(&shipment), Mode::Strict);
        }
        Err(e) => {
            // The message in Hindi is read back from the English, which quotes the input.
            for lang in [Lang::Hi, Lang::EnHi] {
                assert!(!e.message_in(lang).is_empty(), "{lang:?}: {e}");
            }
            if let Some(v) = &value {
                assert!(
                    e.path.is_empty() || v.pointer(&e.path).is_some() || parent_exists(v, &e.path),
                    "refusal at {} does not resolve",
                    e.path
                );
            }
        }
    }
});

/// A missing field is reported at its own path: its parent must exist.
fn parent_exists(v: &serde_json::Value, path: &str) -> bool {
    path.rfind('/').is_some_and(|i| v.pointer(&path[..i]).is_some())
}

/// The text reader and the reader over a parsed value agree: the same shipment, or a refusal
/// at the same path. Compared on the value written out again, since a parsed value has lost
/// what only text can hold (a repeated key: the value kept the last).
fn same_as_from_a_value(v: &serde_json::Value) {
    let Ok(text) = serde_json::to_vec(v) else { return };
    match (&parse_json(&text), &niryat::parse_value(v)) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "parse_json and parse_value read different shipments"),
        (Err(a), Err(b)) => assert_eq!(a.path, b.path, "refused at different paths: {a} / {b}"),
        (a, b) => panic!("parse_json {:?}, parse_value {:?}", a.as_ref().err(), b.as_ref().err()),
    }
}
