//! Issue 10 rules seen from outside: e-invoice text fields refuse a double quote (schema 1.1
//! pattern), each at the shipment path that causes it; the per-piece apparel rate by date.

#![allow(clippy::unwrap_used, clippy::panic, clippy::disallowed_methods)]

use niryat::{validate, DocKind, Mode, Shipment};
use std::path::PathBuf;

fn example(name: &str) -> Shipment {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../examples/{name}.json"));
    niryat::parse_json(&std::fs::read(path).unwrap()).unwrap()
}

fn codes_at(s: &Shipment, kinds: &[DocKind]) -> Vec<(String, String)> {
    validate(s, kinds, Mode::Strict)
        .issues
        .into_iter()
        .map(|i| (i.code.to_string(), i.path))
        .collect()
}

#[test]
fn a_double_quote_is_refused_where_it_stands() {
    let mut s = example("moradabad-brass-sea");
    s.items[1].description = Some("Brass \"tealight\" holder".into());
    s.consignee.as_mut().unwrap().address.as_mut().unwrap().line2 = Some("Haus \"B\"".into());
    s.exporter.as_mut().unwrap().trade_name = Some("MBC \"Craft\"".into());
    let got = codes_at(&s, &[DocKind::Einvoice]);
    for path in ["/items/1/description", "/consignee/address/line2", "/exporter/trade_name"] {
        assert!(
            got.contains(&("einvoice_field_format".to_string(), path.to_string())),
            "{path}: {got:?}"
        );
    }
    // The printed invoice has no such limit.
    assert!(codes_at(&s, &[DocKind::CommercialInvoice]).is_empty());
}

#[test]
fn apparel_threshold_follows_the_invoice_date() {
    // A stole at GBP 10 = Rs 1,113 a piece taxed at 5 %: above Rs 1,000 before 22 Sep 2025
    // (12 % then), below Rs 2,500 after.
    let mut s = example("varanasi-silk-amazon");
    s.items[1].gst_rate = None;
    s.items[1].unit_price = Some("10".parse().unwrap());
    s.items[1].amount = None;
    if let Some(niryat::model::TaxTreatment::IgstPaid { amount, .. }) = s.tax.as_mut() {
        *amount = None;
    }
    let kinds = [DocKind::CommercialInvoice];
    let piece = |s: &Shipment| {
        codes_at(s, &kinds).iter().filter(|(c, _)| c == "gst_rate_piece_value").count()
    };
    assert_eq!(piece(&s), 0);
    s.invoice.as_mut().unwrap().date = Some("2025-09-01".parse().unwrap());
    assert_eq!(piece(&s), 1, "{:?}", codes_at(&s, &kinds));
}
