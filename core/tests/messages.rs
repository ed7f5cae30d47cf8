//! Issue messages in English and Hindi: every catalogue code has templates in both
//! languages with the same placeholders, every issue the shared fixture cases produce has
//! every param its template names, and the Hindi of one case reads as it should.
#![allow(clippy::disallowed_methods)] // a test reads the fixture files; the library may not
#![allow(clippy::unwrap_used, clippy::panic)]

use niryat::messages::{placeholders, template, Template, PHRASES, TEMPLATES};
use niryat::render::Lang;
use niryat::rules::catalogue::ALL;
use niryat::{parse_value, validate, DocKind, Issue, Mode};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Formats a placeholder may name (see `niryat::messages`).
const FORMATS: &[&str] = &["", "q", "docs", "phrase", "dotted", "state", "product"];

/// What is wrong with a set of templates: codes without one, templates of unknown codes,
/// Hindi missing or with other placeholders than the English, unknown formats.
fn template_problems(templates: &[Template], codes: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    for code in codes {
        if !templates.iter().any(|t| t.code == *code) {
            problems.push(format!("{code}: no message template"));
        }
    }
    for (i, t) in templates.iter().enumerate() {
        let id = t.id();
        if !codes.contains(&t.code) {
            problems.push(format!("{id}: not a catalogue code"));
        }
        if templates[..i].iter().any(|o| o.code == t.code && o.variant == t.variant) {
            problems.push(format!("{id}: two templates"));
        }
        if t.en.trim().is_empty() {
            problems.push(format!("{id}: no English text"));
        }
        if !t.hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)) {
            problems.push(format!("{id}: no Hindi text (no Devanagari)"));
        }
        let mut en = placeholders(t.en);
        let mut hi = placeholders(t.hi);
        for (name, format) in en.iter().chain(&hi) {
            if !FORMATS.contains(format) {
                problems.push(format!("{id}: unknown format {format:?} of {{{name}}}"));
            }
        }
        en.sort_unstable();
        hi.sort_unstable();
        if en != hi {
            problems.push(format!("{id}: English names {en:?} but Hindi {hi:?}"));
        }
    }
    problems
}

fn codes() -> Vec<&'static str> {
    ALL.iter().map(|r| r.code).collect()
}

#[test]
fn every_code_has_english_and_hindi_with_the_same_placeholders() {
    let problems = template_problems(TEMPLATES, &codes());
    assert!(problems.is_empty(), "message templates:\n  {}", problems.join("\n  "));
    // Every code's messages are counted: at least one per code, 128 in all today.
    assert!(TEMPLATES.len() >= ALL.len());
}

#[test]
fn the_template_guard_catches_what_it_should() {
    let good = Template {
        code: "pan_format",
        variant: "",
        en: "{value:q} is not a PAN.",
        hi: "{value:q} PAN नहीं है।",
    };
    assert!(template_problems(&[good], &["pan_format"]).is_empty());
    // A code without a template.
    assert_eq!(template_problems(&[good], &["pan_format", "iec_format"]).len(), 1);
    // Hindi missing (English copied), a placeholder renamed, one dropped, a format changed.
    for hi in ["{value:q} is not a PAN.", "{pan:q} PAN नहीं है।", "PAN नहीं है।", "{value} PAN नहीं है।"]
    {
        let bad = Template { hi, ..good };
        assert_eq!(template_problems(&[bad], &["pan_format"]).len(), 1, "{hi}");
    }
}

#[test]
fn every_phrase_has_hindi() {
    for (key, en, hi) in PHRASES {
        assert!(!en.is_empty(), "{key}");
        assert!(hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)) || hi == en, "{key}");
    }
    for (i, (key, ..)) in PHRASES.iter().enumerate() {
        assert!(!PHRASES[..i].iter().any(|p| p.0 == *key), "phrase {key} twice");
    }
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/cases")
}

/// Every issue of every shared fixture case (for its documents and mode), and of the
/// examples for every document in both modes.
fn fixture_issues() -> Vec<(String, Issue)> {
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(cases_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for file in files {
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let shipment = parse_value(&case["shipment"]).unwrap();
        let kinds: Vec<DocKind> = match case.get("for").and_then(Value::as_array) {
            Some(names) => {
                names.iter().map(|n| DocKind::from_name(n.as_str().unwrap()).unwrap()).collect()
            }
            None => DocKind::for_shipment(&shipment),
        };
        let mode =
            if case.get("draft") == Some(&Value::Bool(true)) { Mode::Draft } else { Mode::Strict };
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        for issue in validate(&shipment, &kinds, mode).issues {
            out.push((name.clone(), issue));
        }
        for mode in [Mode::Strict, Mode::Draft] {
            for issue in validate(&shipment, &DocKind::ALL, mode).issues {
                out.push((format!("{name} (every document)"), issue));
            }
        }
    }
    out
}

#[test]
fn every_fixture_issue_has_the_params_its_template_names() {
    let issues = fixture_issues();
    assert!(issues.len() > 500, "only {} issues: the cases stopped producing them", issues.len());
    let mut codes_seen = std::collections::BTreeSet::new();
    for (case, issue) in &issues {
        let t = template(issue.code, issue.variant)
            .unwrap_or_else(|| panic!("{case}: no template for {}.{}", issue.code, issue.variant));
        for (name, format) in placeholders(t.en) {
            let value = issue.params.get(name).unwrap_or_else(|| {
                panic!("{case}: {} has no param {name:?} for its message: {issue:?}", t.id())
            });
            if format == "phrase" {
                assert!(PHRASES.iter().any(|p| p.0 == value), "{case}: no phrase {value:?}");
            }
        }
        for lang in [Lang::En, Lang::Hi, Lang::EnHi] {
            let m = issue.message_in(lang);
            assert!(!m.is_empty() && !m.contains('{'), "{case}: {} in {lang:?}: {m}", t.id());
        }
        assert_eq!(issue.message, issue.message_in(Lang::En), "{case}: message is English");
        codes_seen.insert(issue.code);
    }
    // The cases produce every code (tests/catalogue.rs), so every code's params were checked.
    assert_eq!(codes_seen.len(), ALL.len());
}

fn lucknow_with_wrong_check_character() -> niryat::Shipment {
    let text =
        std::fs::read_to_string(cases_dir().join("lucknow-gstin-check-character.json")).unwrap();
    let case: Value = serde_json::from_str(&text).unwrap();
    parse_value(&case["shipment"]).unwrap()
}

#[test]
fn a_report_in_hindi() {
    let s = lucknow_with_wrong_check_character();
    let report = validate(&s, &DocKind::for_shipment(&s), Mode::Strict);
    let hi = report.in_lang(Lang::Hi);
    assert_eq!(hi.issues.len(), report.issues.len());
    for (h, e) in hi.issues.iter().zip(&report.issues) {
        // Only the message changes.
        assert_eq!(
            (h.code, &h.path, h.severity, &h.params),
            (e.code, &e.path, e.severity, &e.params)
        );
    }
    let issue = hi.issues.iter().find(|i| i.code == "gstin_checksum").unwrap();
    let gstin = &issue.params["gstin"];
    let want = issue.params["expected"].clone();
    assert_eq!(
        issue.message,
        format!("GSTIN {gstin} का जाँच अक्षर गलत है: 15वाँ अक्षर {want} होना चाहिए। शायद कोई अक्षर गलत टाइप हुआ है।")
    );
    // English first, then Hindi.
    let both = report.in_lang(Lang::EnHi);
    let e = report.issues.iter().find(|i| i.code == "gstin_checksum").unwrap();
    let b = both.issues.iter().find(|i| i.code == "gstin_checksum").unwrap();
    assert_eq!(b.message, format!("{} / {}", e.message, issue.message));
}

#[test]
fn hindi_names_the_documents_and_the_field() {
    // A missing field: the dotted field stays as typed, the documents are named in Hindi.
    let s = parse_value(&serde_json::json!({"purpose": "commercial"})).unwrap();
    let report = validate(&s, &[DocKind::CommercialInvoice, DocKind::Pbe], Mode::Strict);
    let en = report.issues.iter().find(|i| i.code == "missing_field").unwrap();
    assert_eq!(
        en.message,
        "exporter is required for the commercial invoice, Postal Bill of Export."
    );
    assert_eq!(en.message_in(Lang::Hi), "वाणिज्यिक बीजक, डाक निर्यात बिल के लिए exporter आवश्यक है।");
}

#[test]
fn every_code_says_what_it_checks_in_hindi() {
    let codes = codes();
    for r in ALL {
        let hi = niryat::rules::CHECKS_HI.iter().find(|(c, _)| *c == r.code);
        let hi = hi.unwrap_or_else(|| panic!("{}: no Hindi in rules/catalogue_hi.rs", r.code)).1;
        assert!(hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)), "{}", r.code);
        assert_eq!(r.checks_in(Lang::Hi), hi);
        assert_eq!(r.checks_in(Lang::En), r.checks);
    }
    for (code, _) in niryat::rules::CHECKS_HI {
        assert!(codes.contains(code), "{code} is not a catalogue code");
    }
    assert_eq!(niryat::rules::CHECKS_HI.len(), ALL.len());
}

/// `docs/rules.hi.md` is `niryat rules --lang en+hi`: both languages side by side, for
/// review. `NIRYAT_BLESS=1` rewrites it.
#[test]
fn docs_rules_in_both_languages_is_current() {
    let want = niryat::rules::catalogue_markdown_in(Lang::EnHi);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/rules.hi.md");
    if std::env::var_os("NIRYAT_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let got = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        got == want,
        "docs/rules.hi.md is out of date: NIRYAT_BLESS=1 cargo test -p niryat --test messages"
    );
}

#[test]
fn a_huge_value_makes_neither_huge_params_nor_huge_messages() {
    let mut s = lucknow_with_wrong_check_character();
    let huge = "Q".repeat(3000);
    s.exporter.as_mut().unwrap().iec = Some(huge.clone());
    let report = validate(&s, &DocKind::for_shipment(&s), Mode::Strict);
    let issue = report.issues.iter().find(|i| i.code == "iec_format").unwrap();
    assert_eq!(issue.params["value"], format!("{}…", &huge[..40]));
    let quoted = format!("\"{}\"…", &huge[..40]);
    assert!(issue.message.starts_with(&quoted), "{}", issue.message);
    assert!(issue.message_in(Lang::Hi).starts_with(&quoted));
    assert!(issue.message.len() < 200);
}

#[test]
fn a_validation_in_hindi_keeps_what_each_issue_blocks() {
    let s = lucknow_with_wrong_check_character();
    let en = niryat::check(&s, None, Mode::Strict);
    let hi = en.in_lang(Lang::Hi);
    assert_eq!((hi.valid, &hi.documents), (en.valid, &en.documents));
    assert_eq!(hi.issues.len(), en.issues.len());
    assert!(!en.issues.is_empty());
    for (h, e) in hi.issues.iter().zip(&en.issues) {
        assert_eq!(
            (&h.blocks, h.issue.code, &h.issue.path),
            (&e.blocks, e.issue.code, &e.issue.path)
        );
        assert_eq!(h.issue.message, e.issue.message_in(Lang::Hi));
        assert_ne!(h.issue.message, e.issue.message);
    }
}
