//! JSON input: `parse_json`, then `validate` for every document kind in both modes. Every
//! issue's path must resolve in the input, and a refusal's path too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use niryat::{parse_json, validate, DocKind, Mode};

fuzz_target!(|data: &[u8]| {
    let parsed = parse_json(data);
    let value: Option<serde_json::Value> = serde_json::from_slice(data).ok();
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
