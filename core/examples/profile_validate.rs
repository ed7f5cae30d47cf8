//! Profiling aid: validates a 1,000-line shipment (one carton per line) many times,
//! for `valgrind --tool=callgrind`.
use niryat::model::{Package, PackageContent};
use rust_decimal::Decimal;

fn main() {
    let mut s: niryat::Shipment =
        niryat::parse_json(include_bytes!("../../examples/moradabad-brass-sea.json"))
            .expect("example");
    let it = s.items[0].clone();
    let carton = s.packages[0].clone();
    let n = 1000;
    s.items = (0..n)
        .map(|_| niryat::model::LineItem {
            amount: None,
            quantity: Some(Decimal::from(30)),
            net_weight_kg: Some(Decimal::from(18)),
            ..it.clone()
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
    let kinds = [
        niryat::DocKind::CommercialInvoice,
        niryat::DocKind::PackingList,
        niryat::DocKind::IecDetails,
    ];
    let mut count = 0;
    for _ in 0..20 {
        count += niryat::validate(&s, &kinds, niryat::Mode::Strict).issues.len();
    }
    println!("{count} issues");
}
