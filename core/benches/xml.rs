//! Writing and re-reading niryat XML for a 1,000-line shipment (one carton per line), with
//! JSON for comparison. Run: `cargo bench -p niryat --no-default-features --bench xml`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use niryat::model::{LineItem, Package, PackageContent};
use niryat::render::data::{from_niryat_xml, to_niryat_xml};
use niryat::Shipment;
use rust_decimal::Decimal;
use std::hint::black_box;

/// The Moradabad sea export with `n` lines and one carton per line.
fn shipment(n: usize) -> Shipment {
    let mut s: Shipment =
        niryat::parse_json(include_bytes!("../../examples/moradabad-brass-sea.json"))
            .expect("example parses");
    let line = s.items[0].clone();
    let carton = s.packages[0].clone();
    s.items = (0..n)
        .map(|i| LineItem {
            description: Some(format!("Hammered brass planter & stand <{i}>, antique finish")),
            sku: Some(format!("MBC-PL-{i}")),
            quantity: Some(Decimal::from(30)),
            unit_price: Some(Decimal::new(680 + i as i64, 2)),
            amount: None,
            ..line.clone()
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
    s
}

fn bench(c: &mut Criterion) {
    let s = shipment(1000);
    let xml = to_niryat_xml(&s).expect("write");
    assert_eq!(
        serde_json::to_string(&from_niryat_xml(&xml).expect("read")).ok(),
        serde_json::to_string(&s).ok(),
        "round trip"
    );
    let json = serde_json::to_vec(&s).expect("json");
    let mut g = c.benchmark_group("niryat_xml_1000_lines");
    g.throughput(Throughput::Bytes(xml.len() as u64));
    g.bench_function("write", |b| b.iter(|| to_niryat_xml(black_box(&s))));
    g.bench_function("read", |b| b.iter(|| from_niryat_xml(black_box(&xml))));
    g.bench_function("json_write", |b| b.iter(|| serde_json::to_vec(black_box(&s))));
    g.bench_function("json_read", |b| b.iter(|| niryat::parse_json(black_box(&json))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
