//! Marketplace orders in: the sample Amazon order report and eBay orders CSV in
//! examples/orders (written from the documented columns) become draft shipments that
//! validate once the SKU catalogue supplies HS codes and weights.
#![allow(clippy::disallowed_methods)] // the tests read the bundled examples; the library may not
#![allow(clippy::unwrap_used, clippy::panic)]

use niryat::orders::{self, Catalogue, Marketplace};
use niryat::{DocKind, Mode, Shipment};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/orders")
}

fn text(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap()
}

fn template() -> Shipment {
    orders::template(text("exporter.json").as_bytes()).unwrap()
}

fn catalogue() -> Catalogue {
    Catalogue::parse(&text("skus.csv")).unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn codes_at(s: &Shipment, field: &str) -> usize {
    let r = niryat::validate(s, &DocKind::for_shipment(s), Mode::Draft);
    r.issues.iter().filter(|i| i.params.get("field").is_some_and(|f| f.ends_with(field))).count()
}

/// What the exporter adds after the import: invoice number and date, the rate, the tracking
/// number. With these, a strict check for every document the shipment calls for passes.
fn complete(mut s: Shipment, n: usize) -> Shipment {
    let inv = s.invoice.as_mut().unwrap();
    inv.number = Some(format!("KBSHG/2627/{:03}", 200 + n));
    inv.date = Some(jiff::civil::date(2026, 11, 23));
    s.exchange_rate = Some(niryat::model::ExchangeRate {
        rate: Some(dec("100.50")),
        per: Some(1),
        source: Some("CBIC notification (test)".into()),
        date: Some(jiff::civil::date(2026, 11, 6)),
    });
    s.sdr_rate = Some(niryat::model::SdrRate {
        inr_per_sdr: Some(dec("119.80")),
        date: Some(jiff::civil::date(2026, 11, 23)),
    });
    s.packages[0].tracking_number = Some("EE518802947IN".into());
    s.ecommerce
        .get_or_insert_with(Default::default)
        .payment_transaction_id
        .get_or_insert_with(|| "AMZ-DSB-TEST".into());
    for item in &mut s.items {
        // Sarees are counted in metres by the tariff (a PBE warning, not an error).
        if item.hs_code.as_deref() == Some("50072010") {
            item.customs_unit = Some("MTR".into());
            item.customs_quantity = item.quantity.map(|q| q * dec("6.3"));
        }
    }
    s
}

#[test]
fn amazon_report_gives_one_draft_per_order() {
    let r = orders::import(
        Marketplace::Amazon,
        &text("amazon-order-report.txt"),
        &template(),
        Some(&catalogue()),
    )
    .unwrap();
    assert!(r.issues.is_empty(), "{:?}", r.issues);
    let ids: Vec<&str> = r.orders.iter().map(|o| o.order_id.as_str()).collect();
    assert_eq!(ids, ["204-7719023-5531147", "111-2233445-6677889"]);
    let s = &r.orders[0].shipment;
    let c = s.consignee.as_ref().unwrap();
    assert_eq!(c.name.as_deref(), Some("Priya Sharma"));
    assert_eq!(c.address.as_ref().unwrap().country.as_deref(), Some("GB"));
    assert_eq!(s.destination_country.as_deref(), Some("GB"));
    assert_eq!(s.currency.as_deref(), Some("GBP"));
    assert_eq!(
        s.invoice.as_ref().unwrap().marketplace_order_id.as_deref(),
        Some("204-7719023-5531147")
    );
    // item-price is the whole line: 290.00 for 2 sarees → 145 each.
    assert_eq!(s.items[0].unit_price, Some(dec("145")));
    assert_eq!(s.items[0].amount, Some(dec("290.00")));
    assert_eq!(s.items[0].sku.as_deref(), Some("KBS-SAREE-RED-07"));
    // From the catalogue: HS code, per-unit weights × quantity, rate, customs description.
    assert_eq!(s.items[0].hs_code.as_deref(), Some("50072010"));
    assert_eq!(s.items[0].net_weight_kg, Some(dec("1.100")));
    assert_eq!(s.items[1].gst_rate, Some(dec("18")));
    assert_eq!(s.packages[0].net_weight_kg, Some(dec("1.340")));
    assert_eq!(s.packages[0].gross_weight_kg, Some(dec("1.620")));
    // shipping-price of the order's rows: 24.00 + 0.00.
    assert_eq!(s.charges.as_ref().unwrap().freight, Some(dec("24.00")));
    // Address lines 2 and 3 joined; the second order ships to New Jersey.
    let us = &r.orders[1].shipment;
    assert_eq!(
        us.consignee.as_ref().unwrap().address.as_ref().unwrap().line2.as_deref(),
        Some("Apt 3B")
    );
    assert_eq!(us.items[0].unit_price, Some(dec("50")));
}

#[test]
fn ebay_report_groups_the_lines_of_an_order_and_reads_symbols_and_names() {
    let r = orders::import(
        Marketplace::Ebay,
        &text("ebay-orders.csv"),
        &template(),
        Some(&catalogue()),
    )
    .unwrap();
    assert_eq!(r.orders.len(), 2);
    let de = &r.orders[0].shipment;
    assert_eq!(r.orders[0].order_id, "12-11823-40917");
    assert_eq!(de.items.len(), 2, "the order row carries no item; its two lines follow it");
    assert_eq!(de.destination_country.as_deref(), Some("DE"), "\"Germany\" → DE");
    assert_eq!(de.currency.as_deref(), Some("EUR"));
    assert_eq!(de.items[0].unit_price, Some(dec("52.00")));
    assert_eq!(de.charges.as_ref().unwrap().freight, Some(dec("14.00")));
    assert_eq!(
        de.ecommerce.as_ref().unwrap().payment_transaction_id.as_deref(),
        Some("2874019911021")
    );
    assert_eq!(
        de.invoice.as_ref().unwrap().buyer_order.as_ref().unwrap().date,
        Some(jiff::civil::date(2026, 11, 20))
    );
    let us = &r.orders[1].shipment;
    assert_eq!(us.currency.as_deref(), Some("USD"), "\"US $\" → USD");
    // Sold For is one unit: 2 × 41.50.
    assert_eq!(us.items[0].amount, Some(dec("83.00")));
}

#[test]
fn drafts_validate_once_the_catalogue_supplies_hs_codes_and_weights() {
    for (market, file) in
        [(Marketplace::Amazon, "amazon-order-report.txt"), (Marketplace::Ebay, "ebay-orders.csv")]
    {
        let without = orders::import(market, &text(file), &template(), None).unwrap();
        let with = orders::import(market, &text(file), &template(), Some(&catalogue())).unwrap();
        for (n, (a, b)) in without.orders.iter().zip(&with.orders).enumerate() {
            assert!(!a.check.has_errors() && !b.check.has_errors(), "{file}: {:?}", b.check.issues);
            // Without the catalogue the draft check asks for the HS codes and weights …
            assert!(codes_at(&a.shipment, "hs_code") > 0, "{file}");
            assert!(
                codes_at(&a.shipment, "net_weight_kg") > 0
                    || codes_at(&a.shipment, "gross_weight_kg") > 0
            );
            // … with it, it does not.
            assert_eq!(codes_at(&b.shipment, "hs_code"), 0, "{file}: {:?}", b.check.issues);
            assert_eq!(codes_at(&b.shipment, "weight_kg"), 0, "{file}: {:?}", b.check.issues);
            // And once the exporter adds the invoice number, date, rate and tracking number,
            // the strict check passes for every document the shipment calls for.
            let s = complete(b.shipment.clone(), n);
            let strict = niryat::validate(&s, &DocKind::for_shipment(&s), Mode::Strict);
            assert!(
                !strict.has_errors(),
                "{file} order {n}: {:#?}",
                strict.errors().collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn unknown_and_missing_columns_are_named() {
    let report = text("amazon-order-report.txt").replacen("ship-country", "ship-country-code", 1);
    let e = orders::import(Marketplace::Amazon, &report, &template(), None).unwrap_err();
    assert_eq!(e.len(), 2);
    assert!(e.iter().all(|i| i.code == "order_report_columns"));
    assert!(e[0].message.contains("\"ship-country-code\""), "{}", e[0].message);
    assert!(e[1].message.contains("\"ship-country\""), "{}", e[1].message);
    // An eBay CSV given as an Amazon report is refused, not misread.
    let e = orders::import(Marketplace::Amazon, &text("ebay-orders.csv"), &template(), None)
        .unwrap_err();
    assert_eq!(e[0].code, "order_report_columns");
}

#[test]
fn unreadable_values_name_line_and_column() {
    let report = text("amazon-order-report.txt")
        .replace("\t290.00\t", "\tabc\t")
        .replace("\tUS\t", "\tXX\t");
    let e = orders::import(Marketplace::Amazon, &report, &template(), None).unwrap_err();
    assert!(
        e.iter().any(|i| i.code == "order_report_value"
            && i.line == Some(2)
            && i.column.as_deref() == Some("item-price")),
        "{e:?}"
    );
    assert!(
        e.iter().any(|i| i.column.as_deref() == Some("ship-country") && i.message.contains("XX")),
        "{e:?}"
    );
}

#[test]
fn a_sku_missing_from_the_catalogue_is_a_warning() {
    let mut c = catalogue();
    c.products.remove("KBS-STOLE-TEAL-02");
    let r = orders::import(
        Marketplace::Amazon,
        &text("amazon-order-report.txt"),
        &template(),
        Some(&c),
    )
    .unwrap();
    let w: Vec<_> = r.issues.iter().filter(|i| i.code == "sku_not_in_catalogue").collect();
    assert_eq!(w.len(), 2, "one per row with that SKU");
    assert_eq!(w[0].line, Some(3));
}

#[test]
fn catalogue_headings_and_numbers_are_checked() {
    let e = Catalogue::parse("sku,hs,weight\r\nA,1,2\r\n").unwrap_err();
    assert!(e[0].message.contains("hs, weight"), "{}", e[0].message);
    let e = Catalogue::parse("sku,net_weight_kg\r\nA,heavy\r\nA,1\r\n").unwrap_err();
    assert_eq!(e.len(), 2);
    assert!(e[1].message.contains("listed twice"));
}

#[test]
fn an_exporter_profile_or_a_whole_shipment_is_a_template() {
    let profile = r#"{"legal_name": "Kashi Buntkar", "iec": "AAKAK5123M"}"#;
    let t = orders::template(profile.as_bytes()).unwrap();
    assert_eq!(t.exporter.unwrap().legal_name.as_deref(), Some("Kashi Buntkar"));
    let bad = r#"{"legal_name": "X", "colour": "red"}"#;
    assert_eq!(orders::template(bad.as_bytes()).unwrap_err().path, "/colour");
}

#[test]
fn garbage_never_panics() {
    for t in ["", "\u{feff}", "\"", "order-id\n\"\"\"", "a\tb\n\t\t\t\t", "\n\n\n"] {
        let _ = orders::import(Marketplace::Amazon, t, &Shipment::default(), None);
        let _ = orders::import(Marketplace::Ebay, t, &Shipment::default(), None);
        let _ = Catalogue::parse(t);
    }
}
