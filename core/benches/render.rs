//! PDF rendering benchmarks: a 1-page 20-line commercial invoice and a 1,000-line one with a
//! warm `Renderer`, and the first render including `Renderer::new()` with typst's memo cache
//! emptied. Run with `cargo bench -p niryat --bench render`.
//!
//! Each warm iteration renders an invoice not rendered before (its number and quantities
//! change), as a day's batch does: rendering the same bytes again would be answered largely
//! from typst's memo cache and flatter the figures. `invoice_20_lines_warm_en` is the same
//! with English labels only, to show what the Hindi labels cost.
//!
//! With `NIRYAT_BENCH_DUMP=DIR` set, the bench instead writes the data the comparison script
//! (bench/pdf/compare.py) needs: the 20- and 1,000-line shipments and the JSON payload the
//! templates read, then exits.
#![allow(clippy::disallowed_methods, clippy::panic)] // a test reads the bundled examples and times itself; the library may not

use criterion::{criterion_group, BatchSize, Criterion};
use niryat::render::{Lang, PdfOptions, Renderer};
use niryat::{DocKind, Shipment, Validated};
use rust_decimal::Decimal;
use std::hint::black_box;
use std::path::PathBuf;

/// The Moradabad example with `lines` invoice lines (no packages, so only the invoice applies).
fn invoice(lines: usize, n: u64) -> Shipment {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/moradabad-brass-sea.json");
    let bytes = std::fs::read(path).unwrap_or_default();
    let mut s = niryat::parse_json(&bytes).unwrap_or_default();
    let template = s.items.first().cloned().unwrap_or_default();
    s.items = (0..lines)
        .map(|i| {
            let mut it = template.clone();
            it.description =
                Some(format!("Hammered brass planter with antique finish, design {:04}", i + 1));
            // Quantities differ from one iteration to the next.
            it.quantity = Some(Decimal::from((n * 37 + i as u64 * 13) % 9973 + 1));
            it.amount = None;
            it
        })
        .collect();
    s.packages.clear();
    if let Some(inv) = s.invoice.as_mut() {
        inv.total = None;
        inv.number = Some(format!("MBC/B/{n}"));
        // The example's sample IRN and QR code name its own invoice number; the benchmark
        // measures the invoice as before issue 10 (an exporter below the e-invoicing limit).
        inv.e_invoice = None;
    }
    if let Some(e) = s.exporter.as_mut() {
        e.turnover_above_5_crore = Some(false);
    }
    s
}

/// The e-invoicing exporter's invoice: [`invoice`] with the example's sample IRN and a signed
/// QR code (an unsigned sample) whose payload names this invoice.
fn invoice_with_irn(lines: usize, n: u64) -> Shipment {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/moradabad-brass-sea.json");
    let example = niryat::parse_json(&std::fs::read(path).unwrap_or_default()).unwrap_or_default();
    let mut s = invoice(lines, n);
    if let Some(inv) = s.invoice.as_mut() {
        inv.e_invoice = example.invoice.and_then(|i| i.e_invoice);
    }
    if let Some(e) = s.exporter.as_mut() {
        e.turnover_above_5_crore = Some(true);
    }
    niryat::irp::put_sample_signed_qr(&mut s);
    s
}

fn opts() -> PdfOptions {
    PdfOptions { lang: Lang::EnHi, copies: 1, ..PdfOptions::default() }
}

fn validated(s: Shipment) -> Validated {
    match Validated::new(s, &[DocKind::CommercialInvoice]) {
        Ok(v) => v,
        Err(e) => panic!("bench shipment is invalid: {e}"),
    }
}

/// A warm renderer rendering `lines`-line invoices, a new one every iteration: the invoice
/// number and every quantity differ from all earlier iterations, so no render is answered
/// from typst's memo cache of an identical earlier one. Building and validating the shipment
/// is setup, outside the timed part.
fn warm(c: &mut Criterion, name: &str, lines: usize, lang: Lang) {
    warm_with(c, name, lang, 1, |n| invoice(lines, n));
}

/// [`warm`] with any shipment maker and number of copies (0: the document's default, three
/// for the invoice).
fn warm_with(
    c: &mut Criterion,
    name: &str,
    lang: Lang,
    copies: u8,
    make: impl Fn(u64) -> Shipment,
) {
    let r = Renderer::new();
    let o = PdfOptions { lang, copies, ..PdfOptions::default() };
    let mut n = 0u64;
    c.bench_function(name, |b| {
        b.iter_batched(
            || {
                n += 1;
                validated(make(n))
            },
            |v| {
                black_box(
                    r.render_validated(&v, DocKind::CommercialInvoice, &o)
                        .map(|p| p.len())
                        .unwrap_or(0),
                )
            },
            BatchSize::SmallInput,
        )
    });
}

fn warm_1_page(c: &mut Criterion) {
    warm(c, "invoice_20_lines_warm", 20, Lang::EnHi);
    warm(c, "invoice_20_lines_warm_en", 20, Lang::En);
    // Issue 10's additions, measured apart: the IRN block with its QR code, and the three
    // Rule 48 copies the invoice now prints by default.
    warm_with(c, "invoice_20_lines_warm_irn_qr", Lang::EnHi, 1, |n| invoice_with_irn(20, n));
    warm_with(c, "invoice_20_lines_warm_3_copies", Lang::EnHi, 0, |n| invoice(20, n));
}

fn warm_1000_lines(c: &mut Criterion) {
    let mut g = c.benchmark_group("long");
    g.sample_size(10);
    let r = Renderer::new();
    let mut n = 0u64;
    g.bench_function("invoice_1000_lines_warm", |b| {
        b.iter_batched(
            || {
                n += 1;
                validated(invoice(1000, n))
            },
            |v| {
                black_box(
                    r.render_validated(&v, DocKind::CommercialInvoice, &opts())
                        .map(|p| p.len())
                        .unwrap_or(0),
                )
            },
            BatchSize::SmallInput,
        )
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
            black_box(
                r.render_validated(&v, DocKind::CommercialInvoice, &opts())
                    .map(|p| p.len())
                    .unwrap_or(0),
            )
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
        let payload =
            Renderer::template_input(&v, DocKind::CommercialInvoice, &opts()).unwrap_or_default();
        let _ = std::fs::write(
            dir.join(format!("shipment-{lines}.json")),
            serde_json::to_vec_pretty(&s).unwrap_or_default(),
        );
        let _ = std::fs::write(dir.join(format!("data-{lines}.json")), payload);
        let pdf = Renderer::new()
            .render_validated(&v, DocKind::CommercialInvoice, &opts())
            .unwrap_or_default();
        let _ = std::fs::write(dir.join(format!("niryat-{lines}.pdf")), pdf);
    }
}

// The first render goes first: measured after the 1,000-line renders, it also pays for the
// large, fragmented heap they leave behind (62.8 ms against 24–25 ms in a run of its own).
criterion_group!(benches, first_render, warm_1_page, warm_1000_lines);

fn main() {
    if let Ok(dir) = std::env::var("NIRYAT_BENCH_DUMP") {
        dump(&dir);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
