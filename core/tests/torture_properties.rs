//! Properties over generated valid shipments (the torture generator in `torture/gen.rs` with
//! random shapes: example, lines, packages, script, breaks, text length, amounts):
//!
//! * JSON round trip: model → JSON → model is the identity.
//! * niryat XML round trip: model → XML → model is the identity.
//! * Determinism: two renders of the same shipment give the same bytes, for every text format
//!   of every document and for the PDFs.

#![allow(clippy::unwrap_used, clippy::panic)]

#[path = "torture/gen.rs"]
mod gen;

use gen::{Base, Breaks, Script, Shape};
use niryat::render::data::{from_niryat_xml, to_niryat_xml};
use niryat::render::{render_text, text_outputs, Lang, PdfOptions, Renderer};
use niryat::rules::Validated;
use niryat::{parse_value, DocKind};
use proptest::prelude::*;

fn shape() -> impl Strategy<Value = Shape> {
    (
        prop_oneof![Just(Base::Sea), Just(Base::Post), Just(Base::Gift)],
        1usize..=25,
        1usize..=6,
        prop_oneof![Just(Script::Latin), Just(Script::Devanagari), Just(Script::Mixed)],
        prop_oneof![Just(Breaks::Words), Just(Breaks::Unbreakable)],
        1usize..=400,
        any::<bool>(),
    )
        .prop_map(|(base, lines, packages, script, breaks, max_chars, huge)| Shape {
            base,
            lines,
            packages,
            script,
            breaks,
            max_chars,
            huge,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn json_and_xml_round_trips(shape in shape()) {
        let s = gen::shipment(&shape);
        let json = serde_json::to_value(&s).unwrap();
        prop_assert_eq!(&parse_value(&json).unwrap(), &s);
        let xml = to_niryat_xml(&s).unwrap();
        prop_assert_eq!(&from_niryat_xml(&xml).unwrap(), &s);
    }

    #[test]
    fn text_renders_are_deterministic(shape in shape()) {
        let s = gen::shipment(&shape);
        for kind in gen::kinds(shape.base).into_iter().chain([DocKind::Einvoice]) {
            for (format, flavor) in text_outputs(kind) {
                let one = render_text(&s, kind, format, flavor);
                let two = render_text(&s, kind, format, flavor);
                match (one, two) {
                    (Ok(a), Ok(b)) => prop_assert_eq!(a, b, "{:?} {:?} {:?}", kind, format, flavor),
                    (Err(a), Err(b)) => prop_assert_eq!(a.to_string(), b.to_string()),
                    (a, b) => prop_assert!(false, "{kind:?} {format:?}: {:?} then {:?}", a.is_ok(), b.is_ok()),
                }
            }
        }
    }
}

proptest! {
    // A PDF render takes seconds in a debug build: few cases.
    #![proptest_config(ProptestConfig { cases: 3, ..ProptestConfig::default() })]

    #[test]
    fn pdf_renders_are_deterministic(shape in shape(), pick in any::<prop::sample::Index>()) {
        let shape = Shape { lines: shape.lines.min(4), max_chars: shape.max_chars.min(120), ..shape };
        let s = gen::shipment(&shape);
        let kinds = gen::kinds(shape.base);
        let kind = kinds[pick.index(kinds.len())];
        let v = Validated::new(s, &[kind]).unwrap();
        let opts = PdfOptions { lang: Lang::EnHi, copies: 1, ..PdfOptions::default() };
        // Two renderers: nothing carries over from one render to the next.
        let a = Renderer::new().render_validated(&v, kind, &opts).unwrap();
        let b = Renderer::new().render_validated(&v, kind, &opts).unwrap();
        prop_assert!(a == b, "{kind:?}: two renders differ");
    }
}
