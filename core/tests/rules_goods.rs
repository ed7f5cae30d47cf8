//! Rules about the goods: HS codes and units, arithmetic, postal limits and forms,
//! packages, and text hygiene. Each rule fires on a one-field change of a bundled
//! example (exact code, path, severity, and nothing else) and stays quiet when corrected.

#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use niryat::model::{LineItem, PostalCategory, PostalProduct, TaxTreatment};
use niryat::DocKind::{self, *};
use support::*;

/// Lucknow's documents with the CN22 pinned (the default switches to CN23 when a CN22 no longer suffices).
const LUCKNOW_DOCS: &[DocKind] = &[CommercialInvoice, PackingList, IecDetails, Cn22, Pbe];

// ---------------------------------------------------------------------------
// HS codes and units
// ---------------------------------------------------------------------------

#[test]
fn hs_code_format_rule() {
    for bad in ["8306.29.90", "83062", "8306 2990", "00000000", "HS830629"] {
        let mut s = moradabad();
        item(&mut s, 0).hs_code = some(bad);
        expect(&s, &docs(&s), &[("hs_code_format", "/items/0/hs_code", E)]);
    }
}

#[test]
fn hs_code_length_rule() {
    // The PBE needs the 8-digit ITC(HS) code.
    let mut s = lucknow();
    item(&mut s, 0).hs_code = some("621490");
    expect(&s, &docs(&s), &[("hs_code_length", "/items/0/hs_code", E)]);
    // A CN22 for commercial items needs at least 6 digits.
    expect(&s, &[Cn22], &[]);
    item(&mut s, 0).hs_code = some("6214");
    expect(&s, &[Cn22], &[("hs_code_length", "/items/0/hs_code", E)]);
    // A GST invoice of an exporter above ₹5 crore needs 6 digits; at or below, 4.
    let mut s = moradabad();
    item(&mut s, 2).hs_code = some("7418");
    expect(&s, &docs(&s), &[("hs_code_length", "/items/2/hs_code", E)]);
    exporter(&mut s).turnover_above_5_crore = Some(false);
    clean(&s, &docs(&s));
    // Not a GST invoice at all for an unregistered exporter.
    let mut s = moradabad();
    item(&mut s, 2).hs_code = some("7418");
    s.tax = Some(TaxTreatment::Unregistered {});
    exporter(&mut s).gstin = None;
    clean(&s, &docs(&s));
    // A personal gift needs no HS code, and a short one is not refused.
    let mut s = gift();
    item(&mut s, 0).hs_code = some("6110");
    clean(&s, &docs(&s));
}

#[test]
fn unit_code_rule() {
    for bad in ["PIECES", "pcs", "KG", "Nos."] {
        let mut s = moradabad();
        item(&mut s, 1).unit = some(bad);
        expect(&s, &docs(&s), &[("unit_code", "/items/1/unit", E)]);
    }
    for good in ["NOS", "SET", "PRS", "KGS", "DOZ"] {
        let mut s = moradabad();
        item(&mut s, 1).unit = some(good);
        clean(&s, &docs(&s));
    }
}

// ---------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------

#[test]
fn line_amount_mismatch_rule() {
    let mut s = moradabad();
    item(&mut s, 1).amount = Some(dec("2500.00"));
    let issues = expect(&s, &docs(&s), &[("line_amount_mismatch", "/items/1/amount", E)]);
    assert_eq!(issues[0].params.get("expected").map(String::as_str), Some("2550.00"));
    item(&mut s, 1).amount = Some(dec("2550"));
    clean(&s, &docs(&s));
}

#[test]
fn line_amount_rounds_half_away_from_zero() {
    // 3 × 0.335 = 1.005 → 1.01 (invoice only, so packing does not come into it).
    let mut s = lucknow();
    let it = item(&mut s, 0);
    it.quantity = Some(dec("3"));
    it.unit_price = Some(dec("0.335"));
    it.amount = Some(dec("1.01"));
    expect(&s, &[CommercialInvoice], &[]);
    item(&mut s, 0).amount = Some(dec("1.00"));
    let issues =
        expect(&s, &[CommercialInvoice], &[("line_amount_mismatch", "/items/0/amount", E)]);
    assert_eq!(issues[0].params.get("expected").map(String::as_str), Some("1.01"));
}

#[test]
fn line_amount_in_a_currency_without_minor_units() {
    // Yen has no minor unit: 480 × 6.80 = 3264; 3264.40 would be printed as 3264.
    let mut s = moradabad();
    s.currency = some("JPY");
    s.exchange_rate.as_mut().unwrap().rate = Some(dec("57.35"));
    s.exchange_rate.as_mut().unwrap().per = Some(100);
    clean(&reregistered(s.clone()), &docs(&s));
    item(&mut s, 0).amount = Some(dec("3265"));
    expect(&reregistered(s.clone()), &docs(&s), &[("line_amount_mismatch", "/items/0/amount", E)]);
}

#[test]
fn invoice_total_mismatch_rule() {
    let mut s = moradabad();
    s.invoice.as_mut().unwrap().total = Some(dec("9230.00"));
    let issues = expect(&s, &docs(&s), &[("invoice_total_mismatch", "/invoice/total", E)]);
    assert_eq!(issues[0].params.get("expected").map(String::as_str), Some("9234.00"));
    // Freight is part of the total: 68 + 12 = 80.
    let mut s = lucknow();
    s.invoice.as_mut().unwrap().total = Some(dec("80.00"));
    clean(&s, &docs(&s));
    s.invoice.as_mut().unwrap().total = Some(dec("68.00"));
    expect(&s, &docs(&s), &[("invoice_total_mismatch", "/invoice/total", E)]);
}

#[test]
fn fob_inr_rule() {
    // 9,234.00 EUR × 101.35 = ₹9,35,865.90.
    let mut s = moradabad();
    s.invoice.as_mut().unwrap().fob_inr = Some(dec("935865.90"));
    clean(&s, &docs(&s));
    s.invoice.as_mut().unwrap().fob_inr = Some(dec("935865.00"));
    let issues = expect(&s, &docs(&s), &[("invoice_total_mismatch", "/invoice/fob_inr", E)]);
    assert_eq!(issues[0].params.get("expected").map(String::as_str), Some("935865.90"));
    // FOB leaves out freight: 68 × 87.45 = ₹5,946.60, not 80 × 87.45.
    let mut s = lucknow();
    s.invoice.as_mut().unwrap().fob_inr = Some(dec("5946.60"));
    clean(&s, &docs(&s));
    s.invoice.as_mut().unwrap().fob_inr = Some(dec("6996.00"));
    expect(&s, &docs(&s), &[("invoice_total_mismatch", "/invoice/fob_inr", E)]);
}

#[test]
fn quantity_rule() {
    let mut s = moradabad();
    item(&mut s, 0).quantity = Some(dec("0"));
    expect(
        &reregistered(s.clone()),
        &docs(&s),
        &[
            ("quantity", "/items/0/quantity", E),
            ("line_amount_mismatch", "/items/0/amount", E),
            ("invoice_total_mismatch", "/invoice/total", E),
            ("packed_quantity_mismatch", "/items/0/quantity", E),
        ],
    );
    let mut s = gift();
    item(&mut s, 0).unit_price = Some(dec("-1"));
    expect(&reregistered(s.clone()), &docs(&s), &[("quantity", "/items/0/unit_price", E)]);
    // A free sample may have a zero price.
    item(&mut s, 0).unit_price = Some(dec("0"));
    clean(&reregistered(s.clone()), &docs(&s));
    let mut s = lucknow();
    s.charges.as_mut().unwrap().freight = Some(dec("-5"));
    expect(&reregistered(s.clone()), &docs(&s), &[("quantity", "/charges/freight", E)]);
    let mut s = lucknow();
    s.charges.as_mut().unwrap().insurance = Some(dec("-0.01"));
    expect(&reregistered(s.clone()), &docs(&s), &[("quantity", "/charges/insurance", E)]);
    let mut s = lucknow();
    s.sdr_rate.as_mut().unwrap().inr_per_sdr = Some(dec("0"));
    expect(&reregistered(s.clone()), LUCKNOW_DOCS, &[("quantity", "/sdr_rate/inr_per_sdr", E)]);
    let mut s = moradabad();
    item(&mut s, 0).net_weight_kg = Some(dec("0"));
    expect(
        &reregistered(s.clone()),
        &docs(&s),
        &[("quantity", "/items/0/net_weight_kg", E), ("net_weight_mismatch", "/packages", E)],
    );
    let mut s = moradabad();
    package(&mut s, 0).contents[0].quantity = Some(dec("0"));
    expect(
        &reregistered(s.clone()),
        &docs(&s),
        &[
            ("quantity", "/packages/0/contents/0/quantity", E),
            ("packed_quantity_mismatch", "/items/0/quantity", E),
        ],
    );
}

#[test]
fn quantity_too_large_to_compute() {
    let mut s = moradabad();
    item(&mut s, 0).quantity = Some(dec("79228162514264337593543950335"));
    expect(
        &s,
        CORE_DOCS,
        &[
            ("quantity", "/items/0/quantity", E),
            ("packed_quantity_mismatch", "/items/0/quantity", E),
        ],
    );
}

// ---------------------------------------------------------------------------
// Postal
// ---------------------------------------------------------------------------

#[test]
fn cn22_value_limit_rule() {
    // USD 450 × 87.45 = ₹39,352.50 = 328.48 SDR at ₹119.80.
    let mut s = lucknow();
    item(&mut s, 0).unit_price = Some(dec("450.00"));
    item(&mut s, 0).amount = Some(dec("450.00"));
    let issues = expect(&s, LUCKNOW_DOCS, &[("cn22_value_limit", "/packages/0", E)]);
    assert_eq!(issues[0].params.get("sdr").map(String::as_str), Some("328.48"));
    // What the shipment calls for is then a CN23, and it is clean.
    assert_eq!(docs(&s), [CommercialInvoice, PackingList, IecDetails, Cn23, Pbe]);
    clean(&s, &docs(&s));
}

#[test]
fn cn22_value_limit_is_300_sdr_inclusive() {
    // ₹24,000 at ₹80 per SDR is exactly 300 SDR: "up to 300 SDR" (DoP OM 71-13/2020-CF; India
    // Post's CN22: "over 300 SDR, you must use a CN 23"), so a CN22.
    let mut s = gift();
    s.sdr_rate.as_mut().unwrap().inr_per_sdr = Some(dec("80"));
    item(&mut s, 0).unit_price = Some(dec("19500"));
    clean(&s, &[Cn22]);
    assert_eq!(docs(&s), [Cn22]);
    // ₹24,000.80 = 300.01 SDR: a CN23.
    item(&mut s, 0).unit_price = Some(dec("19500.80"));
    expect(&s, &[Cn22], &[("cn22_value_limit", "/packages/0", E)]);
    assert_eq!(docs(&s), [Cn23]);
}

#[test]
fn cn22_value_limit_compares_the_unrounded_value() {
    // ₹24,000.40 at ₹80 per SDR = 300.005 SDR: over 300 SDR, though it rounds to 300.00.
    let mut s = gift();
    s.sdr_rate.as_mut().unwrap().inr_per_sdr = Some(dec("80"));
    item(&mut s, 0).unit_price = Some(dec("19500.40"));
    expect(&s, &[Cn22], &[("cn22_value_limit", "/packages/0", E)]);
    assert_eq!(docs(&s), [Cn23]);
}

#[test]
fn cn22_value_limit_without_packages_points_at_the_items() {
    // ₹8,000 at ₹26.66 per SDR = 300.08 SDR.
    let mut s = gift();
    s.sdr_rate.as_mut().unwrap().inr_per_sdr = Some(dec("26.66"));
    s.packages.clear();
    expect(&s, &[Cn22], &[("missing_field", "", E), ("cn22_value_limit", "/items", E)]);
}

#[test]
fn cn22_weight_limit_rule() {
    let mut s = gift();
    package(&mut s, 0).gross_weight_kg = Some(dec("2.5"));
    // An ITPS article over 2 kg breaks the product limit too.
    expect(
        &s,
        &[Cn22],
        &[
            ("cn22_weight_limit", "/packages/0/gross_weight_kg", E),
            ("postal_weight_limit", "/packages/0/gross_weight_kg", E),
        ],
    );
    s.transport.as_mut().unwrap().post.as_mut().unwrap().product = Some(PostalProduct::Parcel);
    // A parcel takes a CN23 whatever its value or weight (DoP OM of 30.09.2020).
    expect(
        &s,
        &[Cn22],
        &[
            ("cn23_for_parcel", "/transport/post/product", E),
            ("cn22_weight_limit", "/packages/0/gross_weight_kg", E),
        ],
    );
    assert_eq!(docs(&s), [Cn23]);
    clean(&s, &docs(&s));
    package(&mut s, 0).gross_weight_kg = Some(dec("2.000"));
    expect(&s, &[Cn22], &[("cn23_for_parcel", "/transport/post/product", E)]);
    assert_eq!(docs(&s), [Cn23]);
    s.transport.as_mut().unwrap().post.as_mut().unwrap().product =
        Some(PostalProduct::InternationalTrackedPacket);
    clean(&s, &[Cn22]);
}

fn small_item(description: &str) -> LineItem {
    LineItem {
        description: some(description),
        quantity: Some(dec("1")),
        unit: some("PCS"),
        unit_price: Some(dec("100")),
        origin_country: some("IN"),
        net_weight_kg: Some(dec("0.010")),
        ..Default::default()
    }
}

#[test]
fn cn22_does_not_fit_rule() {
    let mut s = gift();
    s.items.push(small_item("Handmade paper greeting card"));
    s.items.push(small_item("Cotton handkerchief, embroidered"));
    expect(&s, &[Cn22], &[("cn22_does_not_fit", "/items", E)]);
    assert_eq!(docs(&s), [Cn23]);
    clean(&s, &docs(&s));
    let mut s = gift();
    let d61 = "Hand-knitted woollen cardigan for women, size M, cream colour";
    assert_eq!(d61.chars().count(), 61);
    item(&mut s, 0).description = some(d61);
    expect(&s, &[Cn22], &[("cn22_does_not_fit", "/items/0/description", E)]);
    item(&mut s, 0).description = some(&d61[..60]);
    clean(&s, &[Cn22]);
}

#[test]
fn documents_for_a_long_description_are_cn23() {
    let mut s = gift();
    item(&mut s, 0).description =
        some("Hand-knitted woollen cardigan for women, size M, cream colour");
    assert_eq!(docs(&s), [Cn23]);
    clean(&s, &docs(&s));
}

#[test]
fn generic_description_rule() {
    for generic in [
        "Gifts",
        "2 gifts.",
        "clothes",
        "SAMPLES",
        " Handicrafts ",
        "spare parts",
        "Personal effects!",
    ] {
        let mut s = gift();
        item(&mut s, 1).description = some(generic);
        expect(&s, &docs(&s), &[("generic_description", "/items/1/description", E)]);
    }
    for specific in
        ["Gift box of handmade soaps", "2 men's cotton shirts", "Brass diya lamps, set of 4"]
    {
        let mut s = gift();
        item(&mut s, 1).description = some(specific);
        clean(&s, &docs(&s));
    }
    // Only customs declarations refuse them.
    let mut s = moradabad();
    item(&mut s, 0).description = some("handicrafts");
    clean(&s, &docs(&s));
}

#[test]
fn postal_weight_limit_rule() {
    // International Tracked Packet: 2 kg per article [S, but India Post's own figure]: an error.
    let mut s = lucknow();
    package(&mut s, 0).gross_weight_kg = Some(dec("2.100"));
    assert_eq!(docs(&s), [CommercialInvoice, PackingList, IecDetails, Cn23, Pbe]);
    expect(&s, &docs(&s), &[("postal_weight_limit", "/packages/0/gross_weight_kg", E)]);
    // EMS limits vary by destination: a warning.
    let mut s = varanasi();
    package(&mut s, 0).gross_weight_kg = Some(dec("36"));
    expect(&s, &docs(&s), &[("postal_weight_limit", "/packages/0/gross_weight_kg", W)]);
    package(&mut s, 0).gross_weight_kg = Some(dec("35"));
    clean(&s, &docs(&s));
}

#[test]
fn postal_product_withdrawn_rule() {
    let mut s = gift();
    s.transport.as_mut().unwrap().post.as_mut().unwrap().product =
        Some(PostalProduct::RegisteredSmallPacket);
    expect(&s, &docs(&s), &[("postal_product_withdrawn", "/transport/post/product", E)]);
    // Before 1 January 2026 it still carried goods.
    s.transport.as_mut().unwrap().dispatch_date = Some(day("2025-12-31"));
    clean(&s, &docs(&s));
    // Registration remains for documents.
    s.transport.as_mut().unwrap().dispatch_date = Some(day("2026-01-01"));
    expect(&s, &docs(&s), &[("postal_product_withdrawn", "/transport/post/product", E)]);
    s.postal.as_mut().unwrap().category = Some(PostalCategory::Documents);
    clean(&s, &docs(&s));
}

#[test]
fn gift_sample_value_rule() {
    // Gift: ₹3,500 + 2,500 + 2,000 = ₹8,000; raise the cardigan to reach the limit.
    let mut s = gift();
    item(&mut s, 0).unit_price = Some(dec("20501"));
    let issues = expect(&s, &docs(&s), &[("gift_sample_value", "/items", E)]);
    assert_eq!(issues[0].params.get("limit").map(String::as_str), Some("25000"));
    item(&mut s, 0).unit_price = Some(dec("20500"));
    clean(&s, &docs(&s));
    // With foreign exchange involved the gift limit does not apply.
    item(&mut s, 0).unit_price = Some(dec("20501"));
    s.postal.as_mut().unwrap().foreign_exchange_involved = Some(true);
    clean(&s, &docs(&s));
    // Free commercial samples: ₹50,000. GBP (2 × 200 + 2 × 38) × 111.30 = ₹52,978.80.
    let mut s = varanasi();
    s.postal.as_mut().unwrap().category = Some(PostalCategory::CommercialSample);
    s.tax = Some(TaxTreatment::IgstPaid { rate: Some(dec("5")), amount: None });
    item(&mut s, 0).unit_price = Some(dec("200"));
    item(&mut s, 0).amount = None;
    let issues = expect(&s, &docs(&s), &[("gift_sample_value", "/items", E)]);
    assert_eq!(issues[0].params.get("limit").map(String::as_str), Some("50000"));
    // (2 × 180 + 76) × 111.30 = ₹48,526.80.
    item(&mut s, 0).unit_price = Some(dec("180"));
    clean(&s, &docs(&s));
}

#[test]
fn personal_category_rule() {
    let mut s = gift();
    for (i, hs) in ["61102000", "94055000", "62052000"].into_iter().enumerate() {
        item(&mut s, i).hs_code = some(hs);
    }
    s.postal.as_mut().unwrap().category = Some(PostalCategory::SaleOfGoods);
    expect(&s, &docs(&s), &[("personal_category", "/postal/category", W)]);
    s.postal.as_mut().unwrap().category = Some(PostalCategory::CommercialSample);
    expect(&s, &docs(&s), &[("personal_category", "/postal/category", W)]);
    s.postal.as_mut().unwrap().category = Some(PostalCategory::ReturnedGoods);
    clean(&s, &docs(&s));
}

#[test]
fn a_personal_sale_needs_hs_codes() {
    // Declared as a sale, the items are commercial items: HS code needed on the CN22.
    let mut s = gift();
    s.postal.as_mut().unwrap().category = Some(PostalCategory::SaleOfGoods);
    let issues = expect(
        &s,
        &docs(&s),
        &[
            ("missing_field", "/items/0", E),
            ("missing_field", "/items/1", E),
            ("missing_field", "/items/2", E),
            ("personal_category", "/postal/category", W),
        ],
    );
    assert!(issues[..3]
        .iter()
        .all(|i| i.params.get("field").map(String::as_str) == Some("hs_code")));
}

#[test]
fn pbe_ecommerce_rule() {
    let mut s = lucknow();
    item(&mut s, 0).sku = None;
    let issues = expect(&s, &docs(&s), &[("pbe_ecommerce", "/items/0", W)]);
    assert_eq!(issues[0].params.get("field").map(String::as_str), Some("sku"));
    // Not an e-commerce export (PBE-IV): no SKU column.
    s.ecommerce = None;
    clean(&s, &docs(&s));
    // A foreign marketplace has no Indian GSTIN; a normal GSTIN is not an operator's.
    let mut s = lucknow();
    s.ecommerce.as_mut().unwrap().operator_gstin = some("27AAPFU0939F1ZV");
    expect(&s, &docs(&s), &[("pbe_ecommerce", "/ecommerce/operator_gstin", W)]);
    s.ecommerce.as_mut().unwrap().operator_gstin = Some(with_check("07AAACA1234A1C"));
    clean(&s, &docs(&s));
    s.ecommerce.as_mut().unwrap().operator_gstin = some("27AAPFU0939F1ZO");
    expect(&s, &docs(&s), &[("gstin_checksum", "/ecommerce/operator_gstin", E)]);
}

// ---------------------------------------------------------------------------
// Packages
// ---------------------------------------------------------------------------

#[test]
fn package_numbering_rule() {
    // Cartons 1-16, 17-31, 32-40.
    let mut s = moradabad();
    package(&mut s, 2).number = Some(33);
    package(&mut s, 2).to = Some(41);
    expect(&s, &docs(&s), &[("package_numbering", "/packages/2/number", E)]);
    package(&mut s, 2).number = Some(31);
    package(&mut s, 2).to = Some(39);
    expect(&s, &docs(&s), &[("package_numbering", "/packages/2/number", E)]);
    // Listed out of order is fine.
    let mut s = moradabad();
    s.packages.reverse();
    clean(&s, &docs(&s));
    // A run that ends before it starts.
    let mut s = moradabad();
    package(&mut s, 2).to = Some(31);
    expect(
        &s,
        &docs(&s),
        &[
            ("package_numbering", "/packages/2/to", E),
            ("packed_quantity_mismatch", "/items/2/quantity", E),
            ("net_weight_mismatch", "/packages", E),
        ],
    );
    // Two articles both numbered 1.
    let mut s = varanasi();
    let mut second = s.packages[0].clone();
    s.packages[0].contents.truncate(1);
    s.packages[0].net_weight_kg = Some(dec("1.100"));
    s.packages[0].gross_weight_kg = Some(dec("1.300"));
    second.contents.remove(0);
    second.net_weight_kg = Some(dec("0.240"));
    second.gross_weight_kg = Some(dec("0.350"));
    second.tracking_number = some("EE518802955IN");
    s.packages.push(second);
    expect(&s, &docs(&s), &[("package_numbering", "/packages/1/number", E)]);
    s.packages[1].number = Some(2);
    clean(&s, &docs(&s));
    // Numbering starts at 1.
    let mut s = gift();
    package(&mut s, 0).number = Some(2);
    expect(&s, &docs(&s), &[("package_numbering", "/packages/0/number", E)]);
}

#[test]
fn package_weight_rule() {
    let mut s = moradabad();
    package(&mut s, 0).gross_weight_kg = Some(dec("17.999"));
    expect(&s, &docs(&s), &[("package_weight", "/packages/0/gross_weight_kg", E)]);
    package(&mut s, 0).gross_weight_kg = Some(dec("18"));
    clean(&s, &docs(&s));
    package(&mut s, 0).gross_weight_kg = Some(dec("0"));
    expect(&s, &docs(&s), &[("package_weight", "/packages/0/gross_weight_kg", E)]);
    let mut s = moradabad();
    package(&mut s, 1).net_weight_kg = Some(dec("0"));
    expect(
        &s,
        &docs(&s),
        &[
            ("package_weight", "/packages/1/net_weight_kg", E),
            ("net_weight_mismatch", "/packages", E),
        ],
    );
}

#[test]
fn package_line_rule() {
    for bad in [0, 4] {
        let mut s = moradabad();
        package(&mut s, 0).contents[0].line = Some(bad);
        expect(
            &s,
            &docs(&s),
            &[
                ("package_line", "/packages/0/contents/0/line", E),
                ("packed_quantity_mismatch", "/items/0/quantity", E),
            ],
        );
    }
}

#[test]
fn packed_quantity_mismatch_rule() {
    // 16 cartons × 31 = 496, not 480.
    let mut s = moradabad();
    package(&mut s, 0).contents[0].quantity = Some(dec("31"));
    let issues = expect(&s, &docs(&s), &[("packed_quantity_mismatch", "/items/0/quantity", E)]);
    assert_eq!(issues[0].params.get("packed").map(String::as_str), Some("496"));
    // On a CN23 and a PBE too.
    let mut s = varanasi();
    package(&mut s, 0).contents[1].quantity = Some(dec("1"));
    expect(&s, &docs(&s), &[("packed_quantity_mismatch", "/items/1/quantity", E)]);
    // The commercial invoice alone does not look at packages.
    let mut s = moradabad();
    s.packages.pop();
    expect(&s, &[CommercialInvoice], &[]);
}

#[test]
fn net_weight_mismatch_rule() {
    let mut s = moradabad();
    item(&mut s, 0).net_weight_kg = Some(dec("288.002"));
    expect(&s, &docs(&s), &[("net_weight_mismatch", "/packages", E)]);
    item(&mut s, 0).net_weight_kg = Some(dec("288.001"));
    clean(&s, &docs(&s));
}

/// The Moradabad example's documents without the e-invoice, whose own field limits
/// (description 3-300 characters, quantity maxima) would add issues to these cases;
/// those limits are tested in rules_einvoice.rs.
const CORE_DOCS: &[DocKind] = &[CommercialInvoice, PackingList, IecDetails];

// ---------------------------------------------------------------------------
// Text hygiene
// ---------------------------------------------------------------------------

#[test]
fn text_too_long_rule() {
    let max = niryat::LIMITS.max_text_chars;
    assert_eq!(max, 4000);
    let mut s = moradabad();
    item(&mut s, 0).description = Some("a".repeat(max + 1));
    let issues = expect(&s, CORE_DOCS, &[("text_too_long", "/items/0/description", E)]);
    assert_eq!(issues[0].params.get("max").map(String::as_str), Some("4000"));
    item(&mut s, 0).description = Some("a".repeat(max));
    clean(&s, CORE_DOCS);
    // Characters, not bytes.
    item(&mut s, 0).description = Some("é".repeat(max));
    clean(&s, CORE_DOCS);
    item(&mut s, 0).description = Some("é".repeat(max + 1));
    expect(&s, CORE_DOCS, &[("text_too_long", "/items/0/description", E)]);
    // Anywhere in the model.
    let mut s = moradabad();
    let refs = &mut s.invoice.as_mut().unwrap().other_references;
    refs.push("x".repeat(max + 1));
    let path = format!("/invoice/other_references/{}", refs.len() - 1);
    expect(&s, CORE_DOCS, &[("text_too_long", path.as_str(), E)]);
    let mut s = moradabad();
    exporter(&mut s).bank.as_mut().unwrap().branch = Some("x".repeat(max + 1));
    expect(&s, CORE_DOCS, &[("text_too_long", "/exporter/bank/branch", E)]);
}

#[test]
fn control_character_rule() {
    for bad in [
        "Brass bowl\u{7}",
        "\u{0}",
        "Bowl \u{1b}[31mred",
        "Bowl\u{7f}",
        "Bowl\u{85}",
        "Bowl\u{fffe}",
    ] {
        let mut s = moradabad();
        item(&mut s, 2).description = some(bad);
        expect(&s, CORE_DOCS, &[("control_character", "/items/2/description", E)]);
    }
    // Tabs and line breaks are text.
    let mut s = moradabad();
    item(&mut s, 2).description = some("Engraved brass bowl,\n25 cm\tantique\r\n");
    clean(&s, CORE_DOCS);
    // Inside the tagged tax object and a nested address.
    let mut s = moradabad();
    s.tax =
        Some(TaxTreatment::Lut { arn: some("AD090426004321\u{7}"), date: Some(day("2026-04-02")) });
    expect(
        &s,
        CORE_DOCS,
        &[("control_character", "/tax/arn", E), ("lut_arn_format", "/tax/arn", W)],
    );
    let mut s = moradabad();
    exporter(&mut s).branches[0].address.as_mut().unwrap().line1 = some("Khasra\u{0}211");
    expect(&s, CORE_DOCS, &[("control_character", "/exporter/branches/0/address/line1", E)]);
}

#[test]
fn every_issue_is_reported_at_once() {
    let mut s = moradabad();
    exporter(&mut s).gstin = some("09AAGCM7321Q1ZW");
    item(&mut s, 1).amount = Some(dec("1"));
    item(&mut s, 2).unit = some("pieces");
    s.packages.pop();
    expect(
        &s,
        &docs(&s),
        &[
            ("gstin_checksum", "/exporter/gstin", E),
            ("unit_code", "/items/2/unit", E),
            ("line_amount_mismatch", "/items/1/amount", E),
            ("packed_quantity_mismatch", "/items/2/quantity", E),
            ("net_weight_mismatch", "/packages", E),
        ],
    );
}

#[test]
fn cn22_in_a_foreign_currency_needs_an_exchange_rate() {
    // A USD 1,200 gift: about ₹1,00,000, far above 300 SDR and the ₹25,000 gift limit.
    let mut s = gift();
    s.currency = some("USD");
    for it in &mut s.items {
        it.unit_price = Some(dec("400"));
    }
    let issues = run(&s, &[Cn22], niryat::Mode::Strict);
    assert!(
        issues.iter().any(|i| i.code == "missing_field"
            && i.params.get("field").map(String::as_str) == Some("exchange_rate")),
        "nothing asks for the rate that the 300 SDR and ₹25,000 limits need: {issues:?}"
    );
}

#[test]
fn operator_gstin_of_the_wrong_shape_is_a_format_error() {
    let mut s = lucknow();
    s.ecommerce.as_mut().unwrap().operator_gstin = some("AMAZON-IN");
    expect(&s, &docs(&s), &[("gstin_format", "/ecommerce/operator_gstin", E)]);
}
