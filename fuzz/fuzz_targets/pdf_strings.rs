//! PDF rendering of valid shipments whose free text is fuzzed: emoji, right-to-left text,
//! combining marks, zero-width joiners, 4,000-character unbreakable words, tab and line
//! breaks. One document kind, language and layout per run (a render takes milliseconds).
#![no_main]

use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use niryat::render::{Lang, Layout, PdfOptions, Renderer};
use niryat::rules::Validated;
use niryat::{parse_value, DocKind};
use niryat_fuzz::{mutate_gently, seed};
use std::sync::OnceLock;

static RENDERER: OnceLock<Renderer> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(mut v) = seed(&mut u) else { return };
    if mutate_gently(&mut u, &mut v, 4000).is_err() {
        return;
    }
    let Ok(shipment) = parse_value(&v) else { return };
    let kinds = DocKind::for_shipment(&shipment);
    let pdf_kinds: Vec<DocKind> = kinds.into_iter().filter(|k| *k != DocKind::Einvoice).collect();
    let Ok(kind) = u.choose(&pdf_kinds).copied() else { return };
    let Ok(v) = Validated::new(shipment, &[kind]) else { return };
    let lang = *u.choose(&[Lang::En, Lang::Hi, Lang::EnHi]).unwrap_or(&Lang::EnHi);
    let layout = if u.arbitrary().unwrap_or(false) { Layout::A4 } else { Layout::Label };
    let opts = PdfOptions { lang, copies: 1, layout };
    let r = RENDERER.get_or_init(Renderer::new);
    match r.render_validated(&v, kind, &opts) {
        Ok(pdf) => assert!(pdf.starts_with(b"%PDF-"), "not a PDF"),
        // A template error on a valid shipment is a bug.
        Err(e) => panic!("{kind:?} failed on a valid shipment: {e}"),
    }
});
