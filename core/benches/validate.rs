//! Validation cost at 1, 100 and 1,000 invoice lines (and parsing, for comparison: the
//! same shipments serialized, and the bundled examples as they are).
//! Run: `cargo bench -p niryat --no-default-features --bench validate`
//! (`-- parse_json` for the parsing figures alone).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use niryat::model::{LineItem, Package, PackageContent};
use niryat::{DocKind, Mode, Shipment};
use rust_decimal::Decimal;
use std::hint::black_box;

/// The Moradabad sea export with `n` lines, one carton per line.
fn shipment(n: usize) -> Shipment {
    let mut s: Shipment =
        niryat::parse_json(include_bytes!("../../examples/moradabad-brass-sea.json"))
            .expect("example parses");
    let template = s.items[0].clone();
    let carton = s.packages[0].clone();
    s.items = (0..n)
        .map(|i| LineItem {
            description: Some(format!("Hammered brass planter, antique finish, design {i}")),
            sku: Some(format!("MBC-PL-{i}")),
            amount: None,
            quantity: Some(Decimal::from(30)),
            net_weight_kg: Some(Decimal::from(18)),
            unit_price: Some(Decimal::new(680 + i as i64, 2)),
            ..template.clone()
        })
        .collect();
    s.packages = (0..n)
        .map(|i| Package {
            number: Some(i as u32 + 1),
            to: None,
            contents: vec![PackageContent {
                line: Some(i as u32 + 1),
                quantity: Some(Decimal::from(30)),
            }],
            ..carton.clone()
        })
        .collect();
    s.invoice.as_mut().expect("invoice").total = None;
    // Registered with these lines: the example's signed QR code is for its own three.
    niryat::irp::put_sample_signed_qr(&mut s);
    s
}

fn bench(c: &mut Criterion) {
    let kinds = [DocKind::CommercialInvoice, DocKind::PackingList, DocKind::IecDetails];
    let mut group = c.benchmark_group("validate");
    for n in [1usize, 100, 1000] {
        let s = shipment(n);
        assert!(
            !niryat::validate(&s, &kinds, Mode::Strict).has_errors(),
            "bench shipment must be valid"
        );
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &s, |b, s| {
            b.iter(|| niryat::validate(black_box(s), &kinds, Mode::Strict))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("parse_json");
    for n in [1usize, 100, 1000] {
        let bytes = serde_json::to_vec(&shipment(n)).expect("serialize");
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &bytes, |b, bytes| {
            b.iter(|| niryat::parse_json(black_box(bytes)))
        });
    }
    group.finish();
    // The bundled examples as they are on disk (pretty-printed, what a client posts).
    let mut group = c.benchmark_group("parse_json_example");
    for (name, bytes) in [
        ("personal-gift", &include_bytes!("../../examples/personal-gift.json")[..]),
        (
            "lucknow-chikankari-ebay",
            &include_bytes!("../../examples/lucknow-chikankari-ebay.json")[..],
        ),
        ("varanasi-silk-amazon", &include_bytes!("../../examples/varanasi-silk-amazon.json")[..]),
        ("moradabad-brass-sea", &include_bytes!("../../examples/moradabad-brass-sea.json")[..]),
    ] {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &bytes, |b, bytes| {
            b.iter(|| niryat::parse_json(black_box(bytes)))
        });
    }
    // The floor: serde_json straight into the model, none of niryat's checks (no duplicate
    // keys, arrays taken for structs, no limits, no path).
    let bytes = include_bytes!("../../examples/moradabad-brass-sea.json");
    group.bench_function("serde_json_unchecked/moradabad-brass-sea", |b| {
        b.iter(|| serde_json::from_slice::<Shipment>(black_box(bytes)))
    });
    group.finish();
}

/// `niryat::check` (the issues and the documents each blocks, what the CLI's JSON, Python's
/// `validate`, the form and `/v1/validate` answer) beside plain `validate`, on the Varanasi
/// example as it is (clean: one rules run), with a wrong GSTIN check character (an error: one
/// run for all documents, then one per document to find what it blocks) and half filled in
/// draft mode (missing fields: likewise).
fn check(c: &mut Criterion) {
    let clean: Shipment =
        niryat::parse_json(include_bytes!("../../examples/varanasi-silk-amazon.json"))
            .expect("example parses");
    let mut wrong = clean.clone();
    if let Some(e) = wrong.exporter.as_mut() {
        e.gstin = Some("09ABHPP4821K1ZC".into());
    }
    let mut half = clean.clone();
    half.consignee = None;
    half.packages.clear();
    let mut group = c.benchmark_group("check");
    for (name, s, mode) in [
        ("clean", &clean, Mode::Strict),
        ("wrong_gstin", &wrong, Mode::Strict),
        ("half_filled_draft", &half, Mode::Draft),
    ] {
        let kinds = DocKind::for_shipment(s);
        group.bench_function(format!("validate/{name}"), |b| {
            b.iter(|| niryat::validate(black_box(s), &kinds, mode))
        });
        group.bench_function(format!("check/{name}"), |b| {
            b.iter(|| niryat::check(black_box(s), None, mode))
        });
    }
    group.finish();
}

criterion_group!(benches, bench, check);
criterion_main!(benches);
