//! The one validation result (`niryat::check`): its issues are `validate`'s, and the documents
//! each issue blocks agree with the gate rendering uses (`Validated::new`), on every shared
//! fixture case and on the bundled examples.
#![allow(clippy::disallowed_methods)] // a test reads the fixture files; the library may not
#![allow(clippy::unwrap_used, clippy::panic)]

use niryat::{check, parse_json, parse_value, validate, DocKind, Mode, Severity, Validated};
use serde_json::Value;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// Every fixture case: its shipment, the documents it is checked for and its mode.
fn cases() -> Vec<(String, niryat::Shipment, Vec<DocKind>, Mode)> {
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(root().join("tests/fixtures/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for file in files {
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let Ok(s) = parse_value(&case["shipment"]) else { continue };
        let kinds = match case.get("for").and_then(Value::as_array) {
            Some(names) => names.iter().map(|n| n.as_str().unwrap().parse().unwrap()).collect(),
            None => DocKind::for_shipment(&s),
        };
        let mode =
            if case.get("draft") == Some(&Value::Bool(true)) { Mode::Draft } else { Mode::Strict };
        out.push((file.display().to_string(), s, kinds, mode));
    }
    out
}

#[test]
fn the_issues_are_validates_and_blocked_documents_are_those_rendering_refuses() {
    let cases = cases();
    assert!(cases.len() > 50, "only {} fixture cases were read", cases.len());
    let (mut blocked, mut ready) = (0, 0);
    for (name, s, kinds, mode) in &cases {
        let v = check(s, Some(kinds), *mode);
        let plain = validate(s, kinds, *mode);
        assert_eq!(v.plain_issues(), plain.issues, "{name}");
        assert_eq!(v.valid, !plain.has_errors(), "{name}");
        assert_eq!(&v.documents, kinds, "{name}");
        let ready_now = v.ready();
        for k in kinds {
            let renders = Validated::new(s.clone(), &[*k]).is_ok();
            if ready_now.contains(k) {
                ready += 1;
            } else {
                blocked += 1;
            }
            // A document is ready exactly when rendering it alone would not be refused — unless
            // the refusal comes from an issue that only a single-document check raises.
            if !renders {
                let own = validate(s, &[*k], Mode::Strict);
                let seen = own.errors().any(|e| {
                    v.issues.iter().any(|i| i.issue.code == e.code && i.issue.path == e.path)
                });
                if seen {
                    assert!(
                        !ready_now.contains(k),
                        "{name}: {k} is called ready but cannot render"
                    );
                }
            } else {
                assert!(ready_now.contains(k), "{name}: {k} renders but is called blocked");
            }
        }
        for i in &v.issues {
            if *mode == Mode::Strict && i.issue.severity == Severity::Error {
                assert!(!i.blocks.is_empty(), "{name}: error {} blocks nothing", i.issue.code);
            }
        }
    }
    // The cases cover both sides.
    assert!(blocked > 50 && ready > 50, "blocked {blocked}, ready {ready}");
}

#[test]
fn a_pbe_only_field_blocks_the_pbe_and_nothing_else() {
    let text = std::fs::read(root().join("examples/varanasi-silk-amazon.json")).unwrap();
    let mut json: Value = serde_json::from_slice(&text).unwrap();
    let clean = check(&parse_json(&text).unwrap(), None, Mode::Strict);
    assert!(clean.valid && clean.issues.is_empty(), "{:?}", clean.issues);
    assert!(clean.documents.contains(&DocKind::Pbe) && clean.documents.len() > 2);
    // The payment transaction of an e-commerce sale: only the postal bill (PBE-III) asks.
    json["ecommerce"].as_object_mut().unwrap().remove("payment_transaction_id").unwrap();
    let s = parse_value(&json).unwrap();
    let v = check(&s, None, Mode::Strict);
    assert!(!v.valid);
    let blocks: Vec<_> = v.issues.iter().filter(|i| !i.blocks.is_empty()).collect();
    assert!(!blocks.is_empty(), "{:?}", v.issues);
    for i in blocks {
        assert_eq!(i.blocks, vec![DocKind::Pbe], "{} at {}", i.issue.code, i.issue.path);
    }
    assert_eq!(v.ready().len(), v.documents.len() - 1);
}

#[test]
fn the_result_serialises_as_valid_documents_issues_with_blocks() {
    let s = parse_json(b"{}").unwrap();
    let v = check(&s, Some(&[DocKind::Cn22]), Mode::Draft);
    let json = serde_json::to_value(&v).unwrap();
    let mut keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(keys, ["documents", "issues", "valid"]);
    assert_eq!(json["documents"], serde_json::json!(["cn22"]));
    let first = &json["issues"][0];
    for key in ["code", "path", "severity", "message", "blocks"] {
        assert!(first.get(key).is_some(), "{key} missing in {first}");
    }
    assert_eq!(first["blocks"], serde_json::json!(["cn22"]));
}

/// `check` skips the per-document checks when nothing can block; that rests on severities
/// depending on the mode only for the codes of `DRAFT_WARNINGS`. Every fixture case and
/// example, checked in both modes, keeps the same issues with the same severity apart from
/// those codes (which turn from errors into warnings).
#[test]
fn only_the_draft_warning_codes_change_severity_with_the_mode() {
    let mut shipments: Vec<(String, niryat::Shipment, Vec<DocKind>)> =
        cases().into_iter().map(|(name, s, kinds, _)| (name, s, kinds)).collect();
    for ex in ["varanasi-silk-amazon", "lucknow-chikankari-ebay", "moradabad-brass-sea"] {
        let text = std::fs::read(root().join(format!("examples/{ex}.json"))).unwrap();
        let s = parse_json(&text).unwrap();
        let kinds = DocKind::for_shipment(&s);
        shipments.push((ex.to_string(), s, kinds));
    }
    let mut lenient = 0;
    for (name, s, kinds) in &shipments {
        let strict = validate(s, kinds, Mode::Strict).issues;
        let draft = validate(s, kinds, Mode::Draft).issues;
        assert_eq!(strict.len(), draft.len(), "{name}");
        for (a, b) in strict.iter().zip(&draft) {
            assert_eq!((a.code, &a.path), (b.code, &b.path), "{name}");
            if a.severity != b.severity {
                assert!(
                    niryat::validation::DRAFT_WARNINGS.contains(&a.code),
                    "{name}: {} at {} is {:?} in strict and {:?} in draft, but is not in DRAFT_WARNINGS",
                    a.code,
                    a.path,
                    a.severity,
                    b.severity
                );
                assert_eq!((a.severity, b.severity), (Severity::Error, Severity::Warning));
                lenient += 1;
            }
        }
    }
    assert!(lenient > 20, "only {lenient} issues changed severity: the cases do not exercise this");
}
