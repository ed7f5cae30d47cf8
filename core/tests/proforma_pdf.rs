//! The proforma invoice (issue 16) printed in the three label languages: titled PROFORMA
//! INVOICE, with its validity, without the GST block, Rule 46 endorsement, IRN or tax
//! columns, one copy, and the "no commercial value" note for samples.
//!
//! Reading the text back needs poppler-utils (`pdftotext`); without it the test checks the
//! template's input only and says so.
#![allow(clippy::disallowed_methods)] // the test reads the bundled example and writes PDFs to read back
#![allow(clippy::unwrap_used, clippy::panic)]

use niryat::render::{Lang, PdfOptions, Renderer};
use niryat::rules::Validated;
use niryat::{DocKind, Shipment};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn example() -> Shipment {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/proforma/varanasi-silk.json");
    niryat::parse_json(&std::fs::read(path).unwrap()).unwrap()
}

fn pdftotext(bytes: &[u8], tag: &str) -> Option<String> {
    let path =
        std::env::temp_dir().join(format!("niryat-proforma-{}-{tag}.pdf", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("pdftotext").arg("-layout").arg(&path).arg("-").output().ok();
    let _ = std::fs::remove_file(&path);
    out.map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
}

#[test]
fn proforma_prints_in_every_label_language() {
    let r = Renderer::new();
    let s = example();
    let v = Validated::new(s.clone(), &[DocKind::ProformaInvoice]).unwrap();
    for (lang, title, valid) in [
        (Lang::En, "PROFORMA INVOICE", "10 Dec 2026"),
        (Lang::Hi, "प्रोफ़ॉर्मा बीजक", "10 दिसंबर 2026 तक वैध"),
        (Lang::EnHi, "PROFORMA INVOICE", "10 Dec 2026"),
    ] {
        let opts = PdfOptions { lang, ..PdfOptions::default() };
        // What the template reads: the proforma's title and validity, no tax invoice parts,
        // one copy without a Rule 48 marking.
        let input: Value = serde_json::from_slice(
            &Renderer::template_input(&v, DocKind::ProformaInvoice, &opts).unwrap(),
        )
        .unwrap();
        let doc = &input["doc"];
        assert_eq!(doc["title_key"], "proforma_invoice");
        assert!(doc["gst"].is_null() && doc["irn"].is_null());
        assert_eq!(doc["gst_invoice"], false);
        assert_eq!(input["copies"], serde_json::json!([""]), "one copy, unmarked");
        let refs = doc["references"].as_array().unwrap();
        assert_eq!(refs[1]["key"], "valid_until");
        assert_eq!(refs[1]["value"], valid);
        let pdf = r.render(&s, DocKind::ProformaInvoice, &opts).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        match pdftotext(&pdf, lang.name()) {
            Some(text) if !text.is_empty() => {
                assert!(text.contains(title), "{}: {text}", lang.name());
                assert!(text.contains(valid), "{}", lang.name());
                // "valid until" is said once: by the value (`… तक वैध`), not by the label too.
                assert!(text.matches("तक वैध").count() <= 1, "{}: {text}", lang.name());
                assert!(
                    !text.contains("LETTER OF UNDERTAKING") && !text.contains("INTEGRATED TAX")
                );
                assert!(!text.contains("ORIGINAL FOR RECIPIENT"));
                assert!(!text.contains("COMMERCIAL INVOICE"));
            }
            _ => eprintln!("SKIPPED: pdftotext not installed; the template input was checked"),
        }
    }
}

#[test]
fn samples_proforma_says_no_commercial_value() {
    let mut s = example();
    s.proforma.as_mut().unwrap().no_commercial_value = Some(true);
    let v = Validated::new(s.clone(), &[DocKind::ProformaInvoice]).unwrap();
    let opts = PdfOptions { lang: Lang::En, ..PdfOptions::default() };
    let input: Value = serde_json::from_slice(
        &Renderer::template_input(&v, DocKind::ProformaInvoice, &opts).unwrap(),
    )
    .unwrap();
    assert_eq!(input["doc"]["title_note"], "no_commercial_value");
    let pdf = Renderer::new().render(&s, DocKind::ProformaInvoice, &opts).unwrap();
    if let Some(text) = pdftotext(&pdf, "samples").filter(|t| !t.is_empty()) {
        assert!(text.contains("no commercial value"), "{text}");
    }
}

#[test]
fn the_commercial_invoice_is_unchanged_by_the_proforma_hooks() {
    let s = example();
    let mut inv = s.clone();
    inv.invoice.as_mut().unwrap().number = Some("KBSHG/2627/031".into());
    let v = Validated::new(inv, &[DocKind::CommercialInvoice]).unwrap();
    let input: Value = serde_json::from_slice(
        &Renderer::template_input(&v, DocKind::CommercialInvoice, &PdfOptions::default()).unwrap(),
    )
    .unwrap();
    assert!(input["doc"].get("title_key").is_none());
    assert_eq!(input["copies"].as_array().unwrap().len(), 3);
}
