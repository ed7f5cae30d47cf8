//! What niryat reads from other programs' files: a marketplace's order report (Amazon's
//! tab-separated text, eBay's CSV), a SKU catalogue (CSV) and the IRP's answer to "generate
//! IRN" with its signed QR code. Any text is read or refused without a panic. A draft that an
//! import makes is a shipment a clerk saves and opens again: written as JSON it must read back
//! as the same shipment. A sample QR code made from any JSON object decodes to that object's
//! fields.
//!
//! The first byte chooses what the rest is read as.
#![no_main]

use libfuzzer_sys::fuzz_target;
use niryat::irp::{decode_signed_qr, registration_from_irp, sample_signed_qr};
use niryat::orders::{self, Catalogue, Marketplace};
use niryat::parse_json;
use serde_json::Value;
use std::sync::LazyLock;

/// The example exporter's profile, the template of every draft.
static TEMPLATE: LazyLock<niryat::Shipment> = LazyLock::new(|| {
    orders::template(include_bytes!("../../examples/orders/exporter.json")).expect("the example")
});

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    match choice % 4 {
        0 | 1 => {
            let market = if choice % 4 == 0 { Marketplace::Amazon } else { Marketplace::Ebay };
            // The report, then (after a line of `%%`, if there is one) the catalogue.
            let (report, catalogue) = text.split_once("\n%%\n").unwrap_or((text, ""));
            let catalogue = Catalogue::parse(catalogue).ok();
            if let Ok(imported) = orders::import(market, report, &TEMPLATE, catalogue.as_ref()) {
                for order in &imported.orders {
                    let json = serde_json::to_vec(&order.shipment).expect("a draft writes as JSON");
                    match parse_json(&json) {
                        Ok(back) => assert_eq!(back, order.shipment, "a draft read back differs"),
                        Err(e) => panic!("a draft does not read back: {e:?}"),
                    }
                }
            }
        }
        2 => {
            let _ = Catalogue::parse(text);
        }
        _ => {
            if let Ok(r) = registration_from_irp(text) {
                for field in [&r.irn, &r.ack_no, &r.signed_qr].into_iter().flatten() {
                    assert!(!field.is_empty() && field.trim() == field, "{field:?}");
                }
                if let Some(qr) = &r.signed_qr {
                    let _ = decode_signed_qr(qr);
                }
            }
            let _ = decode_signed_qr(text);
            if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text) {
                let decoded = decode_signed_qr(&sample_signed_qr(&map)).expect("a sample decodes");
                let got = [decoded.irn, decoded.doc_no, decoded.doc_date, decoded.seller_gstin];
                for (key, got) in ["Irn", "DocNo", "DocDt", "SellerGstin"].into_iter().zip(got) {
                    let want = match map.get(key) {
                        Some(Value::String(s)) => Some(s.clone()),
                        // serde_json's float reading is fast, not exact: a float written out
                        // and read again may move in its last digit. The IRP writes text.
                        Some(Value::Number(n)) if n.is_f64() => continue,
                        Some(Value::Number(n)) => Some(n.to_string()),
                        _ => None,
                    };
                    assert_eq!(got, want, "{key}");
                }
            }
        }
    }
});
