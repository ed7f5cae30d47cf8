//! Documents in Hindi read as Hindi: with `lang = hi`, the text poppler extracts from the
//! commercial invoice, the packing list and the IEC sheet of every example holds no
//! Latin-script word except what the shipment itself holds (names, addresses, descriptions,
//! marks, identifiers, codes) and the units and codes listed in `ALLOWED`.
//!
//! The customs forms (CN22, CN23, Postal Bill of Export) are read abroad: with `lang = hi`
//! they keep every English word of the English form and add the Hindi beside it, and still
//! fit their labels.
//!
//! Needs poppler-utils (pdftotext); without it the checks are skipped with a message.
#![allow(clippy::disallowed_methods)] // a test reads the bundled examples and writes PDFs to read back

use niryat::render::{Lang, Layout, PdfOptions, Renderer};
use niryat::{DocKind, Shipment, Validated};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

/// Latin-script words niryat itself may print in a Hindi document: none so far. (Units are
/// printed in Hindi — कि.ग्रा., सेमी — and codes come from the shipment.)
const ALLOWED: &[&str] = &[];

/// The documents printed in Hindi alone with `lang = hi`.
const KINDS: [DocKind; 3] = [DocKind::CommercialInvoice, DocKind::PackingList, DocKind::IecDetails];

/// The customs forms, English first with Hindi beside it.
const CUSTOMS: [DocKind; 3] = [DocKind::Cn22, DocKind::Cn23, DocKind::Pbe];

/// A temporary file name no other test thread uses.
fn temp_pdf() -> PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    std::env::temp_dir().join(format!("niryat-hindi-{}-{n}.pdf", std::process::id()))
}

fn pdftotext(bytes: &[u8]) -> Option<String> {
    pdftotext_mode(bytes, "-layout")
}

/// pdftotext in `mode` (`-layout`, or `-raw` for text in the order it was drawn).
fn pdftotext_mode(bytes: &[u8], mode: &str) -> Option<String> {
    let path = temp_pdf();
    std::fs::write(&path, bytes).ok()?;
    let out = Command::new("pdftotext").arg(mode).arg(&path).arg("-").output().ok()?;
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
    // Three copies: the Rule 48 markings of the invoice are checked too.
    let opts = PdfOptions { lang: Lang::Hi, copies: 3, ..PdfOptions::default() };
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
    // Every example has an invoice, and two have a packing list and an IEC sheet as well.
    assert!(checked >= 8, "only {checked} documents checked");
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

fn is_devanagari(w: &str) -> bool {
    w.chars().any(|c| ('\u{900}'..='\u{97f}').contains(&c))
}

/// Every string of a view (JSON), by its path.
fn leaves(v: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::String(s) => out.push((path, s.clone())),
        serde_json::Value::Array(a) => {
            a.iter().enumerate().for_each(|(i, x)| leaves(x, format!("{path}/{i}"), out))
        }
        serde_json::Value::Object(m) => {
            m.iter().for_each(|(k, x)| leaves(x, format!("{path}/{k}"), out))
        }
        _ => {}
    }
}

/// Whether the words of `en` appear in `both` in the same order.
fn keeps_in_order(en: &str, both: &str) -> bool {
    let mut rest = both.split_whitespace();
    en.split_whitespace().all(|w| rest.any(|b| b == w))
}

/// With `hi`, every value of a customs form keeps its English words in order and some add
/// Hindi; the same views with `en` have no Devanagari composed by niryat.
#[test]
fn customs_form_values_keep_english_and_add_hindi() {
    let mut hindi_values = 0;
    for (name, _, s) in examples() {
        let called_for = DocKind::for_shipment(&s);
        for kind in CUSTOMS.into_iter().filter(|k| called_for.contains(k)) {
            let v = Validated::new(s.clone(), &[kind]).expect("example validates");
            let view = |lang| {
                serde_json::to_value(niryat::views::view_in(&v, kind, lang)).expect("view JSON")
            };
            let (mut en, mut hi, mut both) = (Vec::new(), Vec::new(), Vec::new());
            leaves(&view(Lang::En), String::new(), &mut en);
            leaves(&view(Lang::Hi), String::new(), &mut hi);
            leaves(&view(Lang::EnHi), String::new(), &mut both);
            assert_eq!(hi, both, "{name} {kind}: hi and en+hi customs forms differ");
            assert_eq!(en.len(), hi.len(), "{name} {kind}");
            for ((path, e), (_, h)) in en.iter().zip(&hi) {
                assert!(keeps_in_order(e, h), "{name} {kind} {path}: {e:?} lost in {h:?}");
                if h != e {
                    assert!(is_devanagari(h), "{name} {kind} {path}: {h:?}");
                    hindi_values += 1;
                }
            }
        }
    }
    assert!(hindi_values >= 10, "only {hindi_values} values gained Hindi");
}

/// The printed customs forms with `hi` keep every Latin word of the English form and add
/// Devanagari that the English form does not have.
#[test]
fn customs_forms_print_english_and_hindi() {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("SKIPPED: pdftotext (poppler-utils) not installed");
        return;
    }
    let renderer = Renderer::new();
    let mut checked = 0;
    for (name, _, s) in examples() {
        let called_for = DocKind::for_shipment(&s);
        for kind in CUSTOMS.into_iter().filter(|k| called_for.contains(k)) {
            let layouts: &[Layout] =
                if kind == DocKind::Cn23 { &[Layout::Label, Layout::A4] } else { &[Layout::Label] };
            for &layout in layouts {
                let text = |lang| {
                    let o = PdfOptions { lang, copies: 1, layout };
                    let pdf = renderer.render(&s, kind, &o).expect("renders");
                    pdftotext(&pdf).expect("pdftotext")
                };
                let (en, hi) = (text(Lang::En), text(Lang::Hi));
                let hi_words: BTreeSet<String> = latin_words(&hi).into_iter().collect();
                let lost: BTreeSet<String> =
                    latin_words(&en).into_iter().filter(|w| !hi_words.contains(w)).collect();
                assert!(lost.is_empty(), "{name} {kind} {layout:?}: English lost: {lost:?}");
                // (Hindi in the English form is user data, such as a Hindi trade name.)
                let count = |t: &str| t.split_whitespace().filter(|w| is_devanagari(w)).count();
                let added = count(&hi).saturating_sub(count(&en));
                assert!(added > 20, "{name} {kind} {layout:?}: little Hindi ({added} words)");
                checked += 1;
            }
        }
    }
    // CN22 (Lucknow, gift), CN23 on the label and on A4 (Varanasi), PBE (Lucknow, Varanasi).
    assert!(checked >= 6, "only {checked} forms checked");
}

fn page_count(pdf: &[u8]) -> usize {
    let path = temp_pdf();
    if std::fs::write(&path, pdf).is_err() {
        return 0;
    }
    let out = Command::new("pdfinfo").arg(&path).output().ok();
    let _ = std::fs::remove_file(&path);
    let info = out.map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:").and_then(|n| n.trim().parse().ok()))
        .unwrap_or(0)
}

/// The country whose English and Hindi names together are longest: the widest origin a
/// customs form prints.
fn longest_country() -> &'static str {
    niryat::data::countries::COUNTRIES
        .iter()
        .map(|c| c.alpha2)
        .max_by_key(|c| niryat::i18n::country_name(c, Lang::EnHi).chars().count())
        .expect("countries")
}

/// A CN22 at the rules' limits (rows, description length), its lines made in the country
/// with the longest name, signed by a person for an entity, still fits one 6 × 8 inch label
/// with Hindi beside English, every description printed whole.
#[test]
fn a_full_cn22_in_hindi_fits_its_label() {
    let (_, _, mut s) = examples().into_iter().find(|e| e.0 == "personal-gift").expect("gift");
    let base = s.items[0].clone();
    let origin = longest_country();
    s.items = (0..niryat::data::postal::CN22_MAX_ROWS)
        .map(|i| {
            let mut it = base.clone();
            let mut d = format!("Hand-knitted MAXIMUM WOOLLEN cardigan WITH MOTIFS no {i} ");
            while d.chars().count() < niryat::data::postal::CN22_MAX_DESCRIPTION {
                d.push('W');
            }
            it.description = Some(d);
            it.origin_country = Some(origin.to_owned());
            it
        })
        .collect();
    if let Some(p) = s.packages.first_mut() {
        p.net_weight_kg = None;
    }
    let sig = s.signatory.get_or_insert_with(Default::default);
    sig.name = Some("Shabana Bano Mohammed Farooqui".into());
    sig.designation = Some("Authorised signatory".into());
    let o = PdfOptions { lang: Lang::Hi, copies: 1, ..PdfOptions::default() };
    let pdf = match Renderer::new().render(&s, DocKind::Cn22, &o) {
        Ok(p) => p,
        Err(e) => panic!("{e}: {:?}", e.issues()),
    };
    if Command::new("pdfinfo").arg("-v").output().is_err() {
        return;
    }
    assert_eq!(page_count(&pdf), 1, "a full CN22 with Hindi does not fit its label");
    let text = pdftotext_mode(&pdf, "-raw").expect("pdftotext");
    let text: String = text.split_whitespace().collect();
    for it in &s.items {
        let d: String = it.description.as_deref().unwrap_or_default().split_whitespace().collect();
        assert!(text.contains(&d), "{d} not printed whole");
    }
}

/// A CN23 label with a full first label and a full continuation label, lines from the country
/// with the longest name and the addressee in it: with Hindi it takes exactly the labels it
/// takes in English.
#[test]
fn a_full_cn23_label_in_hindi_keeps_its_labels() {
    let (_, _, mut s) =
        examples().into_iter().find(|e| e.0 == "varanasi-silk-amazon").expect("varanasi");
    let n = niryat::data::postal::CN23_ROWS_PER_LABEL
        + niryat::data::postal::CN23_ROWS_PER_CONTINUATION_LABEL;
    let base = s.items[1].clone();
    let origin = longest_country();
    s.items = (0..n)
        .map(|i| {
            let mut it = base.clone();
            it.description =
                Some(format!("Handwoven silk stole with meenakari border, pattern {i}"));
            it.quantity = Some(rust_decimal::Decimal::ONE);
            it.amount = None;
            it.net_weight_kg = Some(rust_decimal::Decimal::new(50, 3));
            it.origin_country = Some(origin.to_owned());
            it
        })
        .collect();
    s.tax = Some(niryat::model::TaxTreatment::Lut {
        arn: Some("AD090426000123K".into()),
        date: jiff::civil::Date::new(2026, 4, 3).ok(),
    });
    if let Some(p) = s.packages.first_mut() {
        p.contents = (1..=n as u32)
            .map(|l| niryat::model::PackageContent {
                line: Some(l),
                quantity: Some(rust_decimal::Decimal::ONE),
            })
            .collect();
        p.net_weight_kg = Some(rust_decimal::Decimal::new(50 * n as i64, 3));
    }
    // The addressee lives there too: its address ends in the longest bilingual name.
    if let Some(a) = s.consignee.as_mut().and_then(|c| c.address.as_mut()) {
        a.country = Some(origin.to_owned());
    }
    s.destination_country = Some(origin.to_owned());
    let renderer = Renderer::new();
    let pages = |lang| {
        let o = PdfOptions { lang, copies: 1, layout: Layout::Label };
        match renderer.render(&s, DocKind::Cn23, &o) {
            Ok(p) => page_count(&p),
            Err(e) => panic!("{e}: {:?}", e.issues()),
        }
    };
    if Command::new("pdfinfo").arg("-v").output().is_err() {
        return;
    }
    assert_eq!(pages(Lang::En), 2);
    assert_eq!(pages(Lang::Hi), 2, "Hindi beside English pushes rows onto another label");
}
