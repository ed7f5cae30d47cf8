//! Documents in Hindi read as Hindi: with `lang = hi`, the text poppler extracts from the
//! packing list and the IEC sheet of every example holds no Latin-script word except what the
//! shipment itself holds (names, addresses, descriptions, marks, identifiers, codes) and the
//! units and codes listed in `ALLOWED`.
//!
//! Needs poppler-utils (pdftotext); without it the check is skipped with a message.
#![allow(clippy::disallowed_methods)] // a test reads the bundled examples and writes PDFs to read back

use niryat::render::{Lang, PdfOptions, Renderer};
use niryat::{DocKind, Shipment};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

/// Latin-script words niryat itself may print in a Hindi document: none so far. (Units are
/// printed in Hindi — कि.ग्रा., सेमी — and codes come from the shipment.)
const ALLOWED: &[&str] = &[];

/// The documents this check covers (the invoice and the postal forms follow once their views
/// take a language).
const KINDS: [DocKind; 2] = [DocKind::PackingList, DocKind::IecDetails];

fn pdftotext(bytes: &[u8]) -> Option<String> {
    let path = std::env::temp_dir().join(format!("niryat-hindi-{}.pdf", std::process::id()));
    std::fs::write(&path, bytes).ok()?;
    let out = Command::new("pdftotext").arg("-layout").arg(&path).arg("-").output().ok()?;
    let _ = std::fs::remove_file(&path);
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Words made of ASCII letters and digits that contain at least one letter.
fn latin_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .map(str::to_owned)
        .collect()
}

/// Keys whose values are niryat's own vocabulary (enumerations it names in the document's
/// language), not user data: a Hindi document must not print these words.
const VOCABULARY_KEYS: &[&str] = &["kind", "mode", "product", "entity", "category", "purpose"];

/// Every Latin word in any string value of the shipment as the user wrote it, except the
/// values of [`VOCABULARY_KEYS`].
fn user_words(v: &serde_json::Value, out: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::String(s) => out.extend(latin_words(s)),
        serde_json::Value::Array(a) => a.iter().for_each(|x| user_words(x, out)),
        serde_json::Value::Object(m) => m
            .iter()
            .filter(|(k, _)| !VOCABULARY_KEYS.contains(&k.as_str()))
            .for_each(|(_, x)| user_words(x, out)),
        _ => {}
    }
}

fn examples() -> Vec<(String, serde_json::Value, Shipment)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut out = Vec::new();
    for e in std::fs::read_dir(&dir).expect("examples dir").flatten() {
        let p = e.path();
        if p.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let bytes = std::fs::read(&p).expect("read example");
        let json: serde_json::Value = serde_json::from_slice(&bytes).expect("example JSON");
        let s = niryat::parse_json(&bytes).expect("example parses");
        let name = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        out.push((name, json, s));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 4, "examples missing");
    out
}

#[test]
fn hindi_documents_print_no_latin_words_of_their_own() {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("SKIPPED: pdftotext (poppler-utils) not installed");
        return;
    }
    let renderer = Renderer::new();
    let opts = PdfOptions { lang: Lang::Hi, copies: 1, ..PdfOptions::default() };
    let mut checked = 0;
    for (name, json, s) in examples() {
        let mut allowed: BTreeSet<String> = ALLOWED.iter().map(|w| (*w).to_owned()).collect();
        user_words(&json, &mut allowed);
        let called_for = DocKind::for_shipment(&s);
        for kind in KINDS.into_iter().filter(|k| called_for.contains(k)) {
            let pdf = match renderer.render(&s, kind, &opts) {
                Ok(p) => p,
                Err(e) => panic!("{name} {kind}: {e}"),
            };
            let text = pdftotext(&pdf).expect("pdftotext");
            let stray: BTreeSet<String> =
                latin_words(&text).into_iter().filter(|w| !allowed.contains(w)).collect();
            assert!(
                stray.is_empty(),
                "{name} {kind}: Latin words not from the shipment: {stray:?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 4, "only {checked} documents checked");
}

/// The same check must fail on an English document, or it proves nothing.
#[test]
fn the_check_catches_english() {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        return;
    }
    let (_, json, s) = examples().into_iter().next().expect("an example");
    let mut allowed = BTreeSet::new();
    user_words(&json, &mut allowed);
    let pdf = Renderer::new()
        .render(
            &s,
            DocKind::IecDetails,
            &PdfOptions { lang: Lang::En, copies: 1, ..PdfOptions::default() },
        )
        .expect("render");
    let text = pdftotext(&pdf).expect("pdftotext");
    let stray: Vec<String> =
        latin_words(&text).into_iter().filter(|w| !allowed.contains(w)).collect();
    assert!(stray.iter().any(|w| w == "Exporter" || w == "IEC"), "{stray:?}");
}
