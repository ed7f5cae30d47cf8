//! PDF rendering benchmarks: a 1-page 20-line commercial invoice and a 1,000-line one with a
//! warm `Renderer`, and the first render including `Renderer::new()` with typst's memo cache
//! emptied. Run with `cargo bench -p niryat --bench render`.
//!
//! Each warm iteration renders a *different* invoice (its number and quantities change), as a
//! day's batch does: rendering the same bytes again would be answered largely from typst's
//! memo cache and flatter the figures.
//!
//! With `NIRYAT_BENCH_DUMP=DIR` set, the bench instead writes the data the comparison script
//! (bench/pdf/compare.py) needs: the 20- and 1,000-line shipments and the JSON payload the
//! templates read, then exits.

use criterion::{criterion_group, Criterion};
use niryat::render::{Lang, PdfOptions, Renderer};
use niryat::{DocKind, Shipment, Validated};
use rust_decimal::Decimal;
use std::hint::black_box;
use std::path::PathBuf;

/// The allocator the `niryat` command and the Python package use (the library itself leaves
/// the choice to its host). With the system allocator a page takes about a tenth longer.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The Moradabad example with `lines` invoice lines (no packages, so only the invoice applies).
fn invoice(lines: usize, n: u64) -> Shipment {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/moradabad-brass-sea.json");
    let bytes = std::fs::read(path).unwrap_or_default();
    let mut s = niryat::parse_json(&bytes).unwrap_or_default();
    let template = s.items.first().cloned().unwrap_or_default();
    s.items = (0..lines)
        .map(|i| {
            let mut it = template.clone();
            it.description = Some(format!("Hammered brass planter with antique finish, design {:04}", i + 1));
            // Quantities differ from one iteration to the next (period far above the memo cache's age).
            it.quantity = Some(Decimal::from((n * 37 + i as u64 * 13) % 9973 + 1));
            it.amount = None;
            it
        })
        .collect();
    s.packages.clear();
    if let Some(inv) = s.invoice.as_mut() {
        inv.total = None;
        inv.number = Some(format!("MBC/B/{n}"));
    }
    s
}

fn opts() -> PdfOptions {
    PdfOptions { lang: Lang::EnHi, copies: 1 }
}

fn validated(s: Shipment) -> Validated {
    match Validated::new(s, &[DocKind::CommercialInvoice]) {
        Ok(v) => v,
        Err(e) => panic!("bench shipment is invalid: {e}"),
    }
}

fn warm(c: &mut Criterion, name: &str, lines: usize) {
    let r = Renderer::new();
    // Shipments are prepared outside the timed loop: the bench measures rendering.
    let batch: Vec<Validated> = (0..64).map(|n| validated(invoice(lines, n))).collect();
    let mut i = 0usize;
    c.bench_function(name, |b| {
        b.iter(|| {
            i = i.wrapping_add(1);
            let v = &batch[i % batch.len()];
            black_box(r.render_validated(v, DocKind::CommercialInvoice, &opts()).map(|p| p.len()).unwrap_or(0))
        })
    });
}

fn warm_1_page(c: &mut Criterion) {
    warm(c, "invoice_20_lines_warm", 20);
}

fn warm_1000_lines(c: &mut Criterion) {
    let mut g = c.benchmark_group("long");
    g.sample_size(10);
    let r = Renderer::new();
    // More distinct invoices than the renderer's memo cache keeps (about 32 renders), so no
    // iteration is answered from an earlier identical one.
    let batch: Vec<Validated> = (0..40).map(|n| validated(invoice(1000, n))).collect();
    let mut i = 0usize;
    g.bench_function("invoice_1000_lines_warm", |b| {
        b.iter(|| {
            i = i.wrapping_add(1);
            black_box(r.render_validated(&batch[i % batch.len()], DocKind::CommercialInvoice, &opts()).map(|p| p.len()).unwrap_or(0))
        })
    });
    g.finish();
}

fn first_render(c: &mut Criterion) {
    let mut g = c.benchmark_group("cold");
    g.sample_size(20);
    let v = validated(invoice(20, 1));
    g.bench_function("first_render_with_new", |b| {
        b.iter(|| {
            // Forget everything typst memoised, so this is a first render in all but the
            // process-wide lazily built statics.
            typst::comemo::evict(0);
            let r = Renderer::new();
            black_box(r.render_validated(&v, DocKind::CommercialInvoice, &opts()).map(|p| p.len()).unwrap_or(0))
        })
    });
    g.finish();
}

/// Writes the comparison inputs to `dir` (see the module docs).
fn dump(dir: &str) {
    let dir = PathBuf::from(dir);
    let _ = std::fs::create_dir_all(&dir);
    for lines in [20usize, 1000] {
        let s = invoice(lines, 1);
        let v = validated(s.clone());
        let payload = Renderer::template_input(&v, DocKind::CommercialInvoice, &opts()).unwrap_or_default();
        let _ = std::fs::write(dir.join(format!("shipment-{lines}.json")), serde_json::to_vec_pretty(&s).unwrap_or_default());
        let _ = std::fs::write(dir.join(format!("data-{lines}.json")), payload);
        let pdf = Renderer::new().render_validated(&v, DocKind::CommercialInvoice, &opts()).unwrap_or_default();
        let _ = std::fs::write(dir.join(format!("niryat-{lines}.pdf")), pdf);
    }
}

criterion_group!(benches, warm_1_page, warm_1000_lines, first_render);

fn main() {
    if let Ok(dir) = std::env::var("NIRYAT_BENCH_DUMP") {
        dump(&dir);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
