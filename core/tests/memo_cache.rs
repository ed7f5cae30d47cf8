//! The renderer keeps typst's memo cache from growing without bound: after a large document
//! (or many medium ones) it is emptied, so a long batch or a server holds at most about one
//! large document's layout (issue 15: the full layout torture grew to 10 GB in one process).
//!
//! typst memoises through comemo's process-wide cache. A memoised probe function of this test
//! counts how often it really runs: a second call is answered from the cache until the cache
//! is evicted. This file holds one test only, so no other render of the same process evicts
//! the cache in between.

#![cfg(feature = "pdf")]
#![allow(clippy::unwrap_used, clippy::panic)]

use niryat::render::{Lang, Layout, PdfOptions, Renderer};
use niryat::{DocKind, Shipment};
use std::sync::atomic::{AtomicUsize, Ordering};

static RUNS: AtomicUsize = AtomicUsize::new(0);

#[comemo::memoize]
fn probe(x: u64) -> u64 {
    RUNS.fetch_add(1, Ordering::SeqCst);
    x * 2
}

/// Whether the probe's entry is still cached (calling it caches it again).
fn cached() -> bool {
    let before = RUNS.load(Ordering::SeqCst);
    assert_eq!(probe(21), 42);
    RUNS.load(Ordering::SeqCst) == before
}

fn sea() -> Shipment {
    niryat::parse_json(include_bytes!("../../examples/moradabad-brass-sea.json")).unwrap()
}

#[test]
fn a_large_document_empties_the_memo_cache_and_small_ones_keep_it() {
    let r = Renderer::new();
    let opts = PdfOptions { lang: Lang::En, copies: 1, layout: Layout::A4 };
    assert!(!cached(), "the first call runs the probe");
    assert!(cached(), "the second is answered from the cache");

    // Small documents: the cache is kept (reuse between documents is what warm renders live
    // on); a few renders do not reach the render count of the periodic eviction.
    let small = sea();
    for _ in 0..3 {
        r.render(&small, DocKind::CommercialInvoice, &opts).unwrap();
    }
    assert!(cached(), "small renders keep the cache");

    // A large document: 300 lines with long descriptions, a view of several hundred KiB.
    let mut large = sea();
    let line = large.items[0].clone();
    large.items = (0..300)
        .map(|i| {
            let mut it = line.clone();
            it.description = Some(format!("Hand-engraved brass bowl, pattern {i}: ").repeat(20));
            it
        })
        .collect();
    large.packages.truncate(1);
    large.invoice.as_mut().unwrap().total = None;
    assert!(niryat::irp::put_sample_signed_qr(&mut large), "registered again");
    let view = niryat::Validated::new(large.clone(), &[DocKind::CommercialInvoice]).unwrap();
    let bytes = Renderer::template_input(&view, DocKind::CommercialInvoice, &opts).unwrap().len();
    assert!(bytes > 256 * 1024, "the view has {bytes} bytes");
    r.render_validated(&view, DocKind::CommercialInvoice, &opts).unwrap();
    assert!(!cached(), "after a large document the cache is emptied");
}
