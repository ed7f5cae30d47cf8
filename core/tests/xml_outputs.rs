//! The machine-readable outputs: GST e-invoice JSON (every field checked against the NIC
//! schema 1.1 formats, for the IGST-paid Varanasi and the LUT Lucknow and Moradabad
//! examples), the e-invoice rules, the UBL invoice's content, the PBE CSV and JSON, and which
//! formats each document is offered in. (XSD and EN 16931 checks run in `tests/xml/`.)
#![allow(clippy::disallowed_methods)] // a test reads the bundled examples and times itself; the library may not
#![allow(clippy::unwrap_used, clippy::panic)]

use niryat::model::{ExportDeclaration, TaxTreatment};
use niryat::render::{formats_for, render_text, text_outputs, Flavor, Format};
use niryat::views::pbe_columns;

/// (field, heading) of the PBE-III (`ecommerce`) or PBE-IV columns.
fn pbe_cols(ecommerce: bool) -> Vec<(&'static str, &'static str)> {
    pbe_columns(ecommerce).map(|c| (c.field, c.heading)).collect()
}
use niryat::{parse_json, validate, DocKind, Error, Mode, Shipment};
use rust_decimal::Decimal;
use serde_json::Value;

fn example(name: &str) -> Shipment {
    let path = format!("{}/../examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    parse_json(&std::fs::read(&path).unwrap()).unwrap()
}

fn einvoice(s: &Shipment) -> (String, Value) {
    let text = render_text(s, DocKind::Einvoice, Format::Json, None)
        .unwrap_or_else(|e| panic!("{e}: {:?}", e.issues()));
    let v: Value = serde_json::from_str(&text).unwrap();
    (text, v)
}

fn dec(v: &Value) -> Decimal {
    match v {
        Value::Number(n) => n.to_string().parse().unwrap(),
        other => panic!("not a number: {other}"),
    }
}

fn st<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{key} missing or not a string in {v}"))
}

fn chars_between(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.chars().count())
}

fn all(s: &str, f: impl Fn(char) -> bool) -> bool {
    s.chars().all(f)
}

/// `dd/mm/yyyy` as the schema's pattern `^[0-3][0-9]/[0-1][0-9]/[2][0][1-2][0-9]$`.
fn is_einvoice_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b[2] == b'/'
        && b[5] == b'/'
        && (b'0'..=b'3').contains(&b[0])
        && b[1].is_ascii_digit()
        && (b'0'..=b'1').contains(&b[3])
        && b[4].is_ascii_digit()
        && &b[6..8] == b"20"
        && (b'1'..=b'2').contains(&b[8])
        && b[9].is_ascii_digit()
}

fn places(d: Decimal) -> u32 {
    d.normalize().scale()
}

/// Checks every field of an export e-invoice against the NIC schema 1.1 formats.
fn check_formats(s: &Shipment, v: &Value) {
    assert_eq!(st(v, "Version"), "1.1");
    let tran = &v["TranDtls"];
    assert_eq!(st(tran, "TaxSch"), "GST");
    let igst = matches!(s.tax, Some(TaxTreatment::IgstPaid { .. }));
    assert_eq!(st(tran, "SupTyp"), if igst { "EXPWP" } else { "EXPWOP" });
    assert_eq!(st(tran, "RegRev"), "N");
    assert_eq!(st(tran, "IgstOnIntra"), "N");

    let doc = &v["DocDtls"];
    assert_eq!(st(doc, "Typ"), "INV");
    let no = st(doc, "No");
    assert_eq!(Some(no), s.invoice.as_ref().unwrap().number.as_deref());
    let first = no.chars().next().unwrap();
    assert!(
        first.is_ascii_alphanumeric()
            && first != '0'
            && chars_between(no, 1, 16)
            && all(no, |c| c.is_ascii_alphanumeric() || c == '/' || c == '-'),
        "No {no}"
    );
    let dt = st(doc, "Dt");
    assert!(is_einvoice_date(dt), "Dt {dt}");
    let d = s.invoice.as_ref().unwrap().date.unwrap();
    assert_eq!(dt, format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()));

    let seller = &v["SellerDtls"];
    let gstin = st(seller, "Gstin");
    assert_eq!(Some(gstin), s.exporter.as_ref().unwrap().gstin.as_deref());
    assert_eq!(gstin.len(), 15);
    assert!(chars_between(st(seller, "LglNm"), 3, 100));
    assert!(chars_between(st(seller, "Addr1"), 1, 100));
    if let Some(a2) = seller.get("Addr2") {
        assert!(chars_between(a2.as_str().unwrap(), 3, 100));
    }
    if let Some(t) = seller.get("TrdNm") {
        assert!(chars_between(t.as_str().unwrap(), 3, 100));
    }
    assert!(chars_between(st(seller, "Loc"), 3, 50));
    let pin = dec(&seller["Pin"]);
    assert!(
        pin >= Decimal::from(100_000) && pin <= Decimal::from(999_999) && places(pin) == 0,
        "Pin {pin}"
    );
    let stcd = st(seller, "Stcd");
    assert!(
        chars_between(stcd, 1, 2)
            && all(stcd, |c| c.is_ascii_digit())
            && stcd != "0"
            && stcd != "00"
    );
    assert_eq!(stcd, &gstin[0..2]);
    for p in [seller, &v["BuyerDtls"]] {
        if let Some(ph) = p.get("Ph") {
            let ph = ph.as_str().unwrap();
            assert!(chars_between(ph, 6, 12) && all(ph, |c| c.is_ascii_digit()), "Ph {ph}");
        }
        if let Some(em) = p.get("Em") {
            let em = em.as_str().unwrap();
            assert!(chars_between(em, 6, 100) && em.contains('@'), "Em {em}");
        }
    }

    let buyer = &v["BuyerDtls"];
    assert_eq!(st(buyer, "Gstin"), "URP");
    assert_eq!(st(buyer, "Pos"), "96");
    assert_eq!(st(buyer, "Stcd"), "96");
    assert_eq!(dec(&buyer["Pin"]), Decimal::from(999_999));
    assert!(chars_between(st(buyer, "LglNm"), 3, 100));
    assert!(chars_between(st(buyer, "Addr1"), 1, 100));
    assert!(chars_between(st(buyer, "Loc"), 3, 100));

    let items = v["ItemList"].as_array().unwrap();
    assert!(!items.is_empty() && items.len() <= 1000);
    let rate = s.exchange_rate.as_ref().and_then(|r| r.rate).unwrap_or(Decimal::ONE);
    let (mut ass, mut igst_sum) = (Decimal::ZERO, Decimal::ZERO);
    for (i, it) in items.iter().enumerate() {
        let sl = st(it, "SlNo");
        assert_eq!(sl, (i + 1).to_string());
        assert!(chars_between(sl, 1, 6));
        assert!(matches!(st(it, "IsServc"), "Y" | "N"));
        let hsn = st(it, "HsnCd");
        assert!(matches!(hsn.len(), 4 | 6 | 8) && all(hsn, |c| c.is_ascii_digit()), "HsnCd {hsn}");
        assert!(chars_between(st(it, "PrdDesc"), 3, 300));
        let unit_price = dec(&it["UnitPrice"]);
        assert!(
            unit_price >= Decimal::ZERO
                && unit_price <= "999999999999.999".parse().unwrap()
                && places(unit_price) <= 3
        );
        let tot = dec(&it["TotAmt"]);
        assert!(places(tot) <= 2);
        if let Some(q) = it.get("Qty") {
            let q = dec(q);
            assert!(q <= "9999999999.999".parse().unwrap() && places(q) <= 3);
            let unit = st(it, "Unit");
            assert!(
                chars_between(unit, 3, 8) && all(unit, |c| c.is_ascii_uppercase()),
                "Unit {unit}"
            );
            // TotAmt is the line amount in INR; UnitPrice × Qty agrees to the unit price's rounding.
            let src = &s.items[i];
            assert_eq!(tot, (src.quantity.unwrap() * src.unit_price.unwrap() * rate).round_dp(2));
            assert!(
                (unit_price * q - tot).abs() <= q * Decimal::new(5, 4) + Decimal::new(5, 3),
                "line {}: {unit_price} × {q} vs {tot}",
                i + 1
            );
        }
        let ass_amt = dec(&it["AssAmt"]);
        assert_eq!(ass_amt, tot, "AssAmt = TotAmt − Discount (no discount)");
        let gst_rt = dec(&it["GstRt"]);
        assert!(gst_rt >= Decimal::ZERO && gst_rt <= "999.999".parse().unwrap());
        let igst_amt = dec(&it["IgstAmt"]);
        let exact = (ass_amt * gst_rt / Decimal::ONE_HUNDRED).round_dp(2);
        if st(it, "PrdDesc").starts_with("Freight and insurance") {
            // The charges' line of a rate carries what the invoice charges on the lines' shares
            // of freight and insurance: within a paisa per goods line of rate × value.
            assert!((igst_amt - exact).abs() <= Decimal::new(items.len() as i64, 2));
        } else {
            assert_eq!(igst_amt, exact);
        }
        if !igst {
            assert!(gst_rt.is_zero() && igst_amt.is_zero());
        }
        assert_eq!(
            dec(&it["TotItemVal"]),
            ass_amt + igst_amt + dec(&it["CgstAmt"]) + dec(&it["SgstAmt"])
        );
        if let Some(o) = it.get("OrgCntry") {
            let o = o.as_str().unwrap();
            assert!(o.len() == 2 && all(o, |c| c.is_ascii_uppercase()));
        }
        ass += ass_amt;
        igst_sum += igst_amt;
    }

    let val = &v["ValDtls"];
    assert_eq!(dec(&val["AssVal"]), ass);
    assert_eq!(dec(&val["IgstVal"]), igst_sum);
    if igst {
        // The same IGST as the printed invoice: each line at its own rate.
        assert_eq!(Some(igst_sum), niryat::calc::igst_total_inr(s));
    }
    let tot_inv = dec(&val["TotInvVal"]);
    assert_eq!(
        tot_inv,
        ass + igst_sum + dec(&val["OthChrg"]) + dec(&val["CgstVal"]) + dec(&val["SgstVal"])
    );
    assert!(places(tot_inv) <= 2);
    assert!(val.get("RndOffAmt").is_none_or(|r| dec(r).abs() <= "99.99".parse().unwrap()));
    assert_eq!(dec(&val["TotInvValFc"]), niryat::calc::invoice_total(s).unwrap());

    let exp = &v["ExpDtls"];
    let port = st(exp, "Port");
    assert!(chars_between(port, 2, 10) && all(port, |c| c.is_ascii_alphanumeric()), "Port {port}");
    let cur = st(exp, "ForCur");
    assert!(chars_between(cur, 3, 16) && all(cur, |c| c.is_ascii_alphabetic()));
    assert_eq!(Some(cur), s.currency.as_deref());
    let cnt = st(exp, "CntCode");
    assert!(cnt.len() == 2 && all(cnt, |c| c.is_ascii_uppercase()));
    assert_eq!(Some(cnt), s.destination_country.as_deref());
    assert!(matches!(st(exp, "RefClm"), "Y" | "N"));
    if let Some(no) = exp.get("ShipBNo") {
        let no = no.as_str().unwrap();
        assert!(chars_between(no, 1, 20) && !no.contains('"'));
        assert!(is_einvoice_date(st(exp, "ShipBDt")));
    }
}

#[test]
fn igst_paid_varanasi_einvoice() {
    let s = example("varanasi-silk-amazon");
    let (text, v) = einvoice(&s);
    check_formats(&s, &v);
    // What the invoice says: IGST ₹3,342.11 on the whole invoice value, freight included,
    // the saree at 5 % and the stole at 18 %.
    assert_eq!(dec(&v["ValDtls"]["IgstVal"]), "3342.11".parse().unwrap());
    assert_eq!(dec(&v["ValDtls"]["AssVal"]), "43407.00".parse().unwrap());
    assert_eq!(dec(&v["ValDtls"]["TotInvValFc"]), "390.00".parse().unwrap());
    let items = v["ItemList"].as_array().unwrap();
    assert_eq!(items.len(), 4, "two goods lines and a freight line per rate");
    assert_eq!(dec(&items[0]["GstRt"]), Decimal::from(5));
    assert_eq!(dec(&items[1]["GstRt"]), Decimal::from(18));
    // Freight shares: 34,393.52 − 32,277.00 and 9,013.48 − 8,458.80.
    assert_eq!(dec(&items[2]["AssAmt"]), "2116.52".parse().unwrap());
    assert_eq!(dec(&items[3]["AssAmt"]), "554.68".parse().unwrap());
    assert_eq!(st(&items[2], "HsnCd"), "50072010", "freight takes the principal line's HSN");
    assert_eq!(st(&items[3], "HsnCd"), "62141020");
    assert_eq!(st(&v["ExpDtls"], "Port"), "INVNS5");
    assert_eq!(st(&v["ExpDtls"], "RefClm"), "Y");
    assert_eq!(st(&v["ExpDtls"], "ForCur"), "GBP");
    assert!(v["ExpDtls"].get("ShipBNo").is_none(), "no PBE number allotted yet");
    // Exact decimals, never floats.
    assert!(
        text.contains("\"IgstVal\": 3342.11,") && text.contains("\"UnitPrice\": 16138.500,"),
        "{text}"
    );
}

#[test]
fn lut_lucknow_einvoice() {
    let s = example("lucknow-chikankari-ebay");
    let (_, v) = einvoice(&s);
    check_formats(&s, &v);
    assert_eq!(st(&v["TranDtls"], "SupTyp"), "EXPWOP");
    assert_eq!(v["ItemList"].as_array().unwrap().len(), 1);
    assert_eq!(dec(&v["ValDtls"]["OthChrg"]), "1049.40".parse().unwrap(), "freight 12 USD × 87.45");
    assert_eq!(dec(&v["ValDtls"]["TotInvVal"]), "6996.00".parse().unwrap());
    assert_eq!(st(&v["ExpDtls"], "Port"), "INKNU5");
    assert_eq!(st(&v["ExpDtls"], "RefClm"), "N");
    assert_eq!(st(&v["ExpDtls"], "CntCode"), "US");
}

#[test]
fn lut_moradabad_sea_einvoice_with_shipping_bill() {
    let mut s = example("moradabad-brass-sea");
    s.export_declaration = Some(ExportDeclaration {
        number: Some("4418203".into()),
        date: Some(jiff::civil::date(2026, 11, 12)),
        refund_claimed: None,
        port_code: None,
    });
    let (_, v) = einvoice(&s);
    check_formats(&s, &v);
    let exp = &v["ExpDtls"];
    assert_eq!(st(exp, "ShipBNo"), "4418203");
    assert_eq!(st(exp, "ShipBDt"), "12/11/2026");
    assert_eq!(st(exp, "Port"), "INNSA1");
    assert_eq!(st(exp, "ForCur"), "EUR");
    assert_eq!(st(exp, "CntCode"), "DE");
    assert_eq!(st(&v["SellerDtls"], "Addr2"), "Pakbara, Delhi Road");
}

fn codes(s: &Shipment) -> Vec<(String, String, String)> {
    validate(s, &[DocKind::Einvoice], Mode::Strict)
        .issues
        .iter()
        .map(|i| (i.code.to_string(), i.path.clone(), i.severity.as_str().to_string()))
        .collect()
}

#[test]
fn einvoice_rules_fire_on_bad_fields() {
    let base = example("moradabad-brass-sea");
    assert!(codes(&base).is_empty(), "{:?}", codes(&base));

    let mut s = base.clone();
    s.exporter.as_mut().unwrap().address.as_mut().unwrap().postal_code = Some("044001".into());
    assert!(
        codes(&s).contains(&(
            "einvoice_field_format".into(),
            "/exporter/address/postal_code".into(),
            "error".into()
        )),
        "{:?}",
        codes(&s)
    );

    let mut s = base.clone();
    s.items[0].description = Some("x".repeat(301));
    assert!(codes(&s).contains(&(
        "einvoice_field_format".into(),
        "/items/0/description".into(),
        "error".into()
    )));

    let mut s = base.clone();
    s.consignee.as_mut().unwrap().address.as_mut().unwrap().city = Some("HH".into());
    assert!(codes(&s).contains(&(
        "einvoice_field_format".into(),
        "/consignee/address/city".into(),
        "error".into()
    )));

    let mut s = base.clone();
    s.transport.as_mut().unwrap().port_of_loading = Some("IN-NSA".into());
    // A malformed port is reported once, by the port_code rule every document shares.
    let port_issues: Vec<_> =
        codes(&s).into_iter().filter(|c| c.1 == "/transport/port_of_loading").collect();
    assert_eq!(
        port_issues,
        vec![(
            "port_code".to_string(),
            "/transport/port_of_loading".to_string(),
            "error".to_string()
        )]
    );

    let mut s = base.clone();
    s.export_declaration = Some(ExportDeclaration {
        number: Some("SB\"1".into()),
        date: Some(jiff::civil::date(2031, 1, 2)),
        refund_claimed: None,
        port_code: None,
    });
    let c = codes(&s);
    assert!(
        c.contains(&(
            "einvoice_field_format".into(),
            "/export_declaration/number".into(),
            "error".into()
        )),
        "{c:?}"
    );
    assert!(
        c.contains(&(
            "einvoice_date_range".into(),
            "/export_declaration/date".into(),
            "warning".into()
        )),
        "{c:?}"
    );

    let mut s = base.clone();
    s.items[0].quantity = Some("480.0001".parse().unwrap());
    s.items[0].amount = None;
    s.invoice.as_mut().unwrap().total = None;
    assert!(
        codes(&s).iter().any(|c| c.0 == "einvoice_field_format" && c.1 == "/items/0/quantity"),
        "{:?}",
        codes(&s)
    );

    let mut s = base.clone();
    s.tax = Some(TaxTreatment::Unregistered {});
    assert!(codes(&s).iter().any(|c| c.0 == "document_not_applicable" && c.1 == "/tax"));

    let mut s = base.clone();
    s.exporter.as_mut().unwrap().turnover_above_5_crore = None;
    // The field is absent, so the path is its object (paths always resolve in the input).
    assert_eq!(
        codes(&s),
        vec![("einvoice_threshold".into(), "/exporter".into(), "warning".into())]
    );
    s.exporter.as_mut().unwrap().turnover_above_5_crore = Some(false);
    assert_eq!(
        codes(&s),
        vec![(
            "einvoice_threshold".into(),
            "/exporter/turnover_above_5_crore".into(),
            "warning".into()
        )]
    );

    let mut s = base.clone();
    let line = s.items[0].clone();
    s.items = vec![line; 1001];
    s.packages.clear();
    s.invoice.as_mut().unwrap().total = None;
    assert!(codes(&s).iter().any(|c| c.0 == "einvoice_line_count" && c.1 == "/items"));

    let gift = example("personal-gift");
    assert!(codes(&gift).iter().any(|c| c.0 == "document_not_applicable" && c.1 == "/purpose"));
    assert!(matches!(
        render_text(&gift, DocKind::Einvoice, Format::Json, None),
        Err(Error::Invalid(_))
    ));
}

#[test]
fn ubl_invoice_content() {
    let s = example("moradabad-brass-sea");
    let xml = render_text(&s, DocKind::CommercialInvoice, Format::Xml, Some(Flavor::Ubl)).unwrap();
    // The default XML flavour of the commercial invoice is UBL.
    assert_eq!(render_text(&s, DocKind::CommercialInvoice, Format::Xml, None).unwrap(), xml);
    for want in [
        "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"",
        "<cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>",
        "<cbc:ID>MBC/EXP/2627/118</cbc:ID>",
        "<cbc:IssueDate>2026-11-10</cbc:IssueDate>",
        "<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>",
        "<cbc:CompanyID>IN09AAGCM7321Q1ZV</cbc:CompanyID>",
        "<cbc:CompanyID>DE287654321</cbc:CompanyID>",
        "<cbc:ID>G</cbc:ID>",
        "<cbc:TaxExemptionReasonCode>VATEX-EU-G</cbc:TaxExemptionReasonCode>",
        "WITHOUT PAYMENT OF INTEGRATED TAX. LUT ARN AD090426004321M dated 2026-04-02",
        "<cbc:ID>FOB</cbc:ID>",
        "<cbc:SpecialTerms>FOB Nhava Sheva (INNSA1), India, Incoterms 2020</cbc:SpecialTerms>",
        "<cbc:ItemClassificationCode listID=\"HS\">83062990</cbc:ItemClassificationCode>",
        "<cbc:InvoicedQuantity unitCode=\"H87\">480</cbc:InvoicedQuantity>",
        "<cbc:PayableAmount currencyID=\"EUR\">9234.00</cbc:PayableAmount>",
    ] {
        assert!(xml.contains(want), "missing {want}");
    }
    assert_eq!(xml.matches("<cac:InvoiceLine>").count(), 3);
    assert!(!xml.contains("TaxCurrencyCode"), "no INR tax currency under LUT");

    let v = example("varanasi-silk-amazon");
    let xml = render_text(&v, DocKind::CommercialInvoice, Format::Xml, Some(Flavor::Ubl)).unwrap();
    assert!(xml.contains("<cbc:TaxCurrencyCode>INR</cbc:TaxCurrencyCode>"));
    assert!(xml.contains("<cbc:TaxAmount currencyID=\"INR\">3342.11</cbc:TaxAmount>"));
    assert!(xml.contains("IGST at 5%, 18% paid by the exporter"));
    assert!(xml.contains("<cbc:AllowanceChargeReasonCode>FC</cbc:AllowanceChargeReasonCode>"));
    assert!(xml.contains("<cbc:PayableAmount currencyID=\"GBP\">390.00</cbc:PayableAmount>"));
}

#[test]
fn pbe_csv_has_the_forms_columns_in_order() {
    for (name, columns) in
        [("lucknow-chikankari-ebay", pbe_cols(true)), ("varanasi-silk-amazon", pbe_cols(true))]
    {
        let s = example(name);
        let csv = render_text(&s, DocKind::Pbe, Format::Csv, None).unwrap();
        let lines: Vec<&str> = csv.split("\r\n").collect();
        let headings: Vec<String> = columns
            .iter()
            .map(|(_, h)| if h.contains(',') { format!("\"{h}\"") } else { (*h).to_string() })
            .collect();
        assert_eq!(lines[0], headings.join(","), "{name}");
        let v = niryat::Validated::new(s.clone(), &[DocKind::Pbe]).unwrap();
        let view = niryat::views::pbe(&v);
        assert_eq!(lines.len(), view.rows.len() + 2, "{name}: heading, rows, final CRLF");
        assert_eq!(lines.last(), Some(&""));
        assert!(lines[1].starts_with("1,"), "{name}: {}", lines[1]);
        assert!(lines[1].contains(&view.rows[0].tracking_number));
    }
    // Without e-commerce particulars the form is PBE-IV: 29 columns.
    let mut s = example("lucknow-chikankari-ebay");
    s.ecommerce = None;
    let csv = render_text(&s, DocKind::Pbe, Format::Csv, None).unwrap();
    let first = csv.split("\r\n").next().unwrap();
    let expect: Vec<String> = pbe_cols(false)
        .iter()
        .map(|(_, h)| if h.contains(',') { format!("\"{h}\"") } else { (*h).to_string() })
        .collect();
    assert_eq!(first, expect.join(","));
}

#[test]
fn pbe_json_rows_follow_the_form() {
    let s = example("varanasi-silk-amazon");
    let text = render_text(&s, DocKind::Pbe, Format::Json, None).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["form"], "PBE-III");
    let cols: Vec<&str> =
        v["columns"].as_array().unwrap().iter().map(|c| c["field"].as_str().unwrap()).collect();
    let want: Vec<&str> = pbe_cols(true).iter().map(|(f, _)| *f).collect();
    assert_eq!(cols, want);
    // Keys of each row appear in column order in the text.
    let row_text = &text[text.find("\"rows\"").unwrap()..];
    let mut last = 0;
    for f in &want {
        let at = row_text.find(&format!("\"{f}\":")).unwrap_or_else(|| panic!("{f} missing"));
        assert!(at >= last, "{f} out of order");
        last = at;
    }
    let view = niryat::views::pbe(&niryat::Validated::new(s.clone(), &[DocKind::Pbe]).unwrap());
    assert_eq!(v["rows"].as_array().unwrap().len(), view.rows.len());
    // The printed form groups digits (32,277.00); the data carries plain numbers.
    assert_eq!(view.rows[0].amount_inr, "32,277.00");
    assert_eq!(v["rows"][0]["amount_inr"], "32277.00");
    assert_eq!(v["header"]["fpo_code"], view.header.fpo_code);
}

/// `text_outputs` lists exactly what `render_text` makes: no listed output of any kind is
/// refused as unsupported, every other text format and flavour is.
#[test]
fn text_outputs_are_exactly_the_text_renders_made() {
    let s = example("varanasi-silk-amazon");
    let mut made = 0;
    for kind in DocKind::ALL {
        let listed = text_outputs(kind);
        for format in [Format::Xml, Format::Json, Format::Csv] {
            for flavor in [None, Some(Flavor::Ubl), Some(Flavor::Niryat)] {
                let r = render_text(&s, kind, format, flavor);
                // XML without a flavour is the kind's default one, listed by name.
                let named = flavor.is_some() || format != Format::Xml;
                if listed.contains(&(format, flavor)) {
                    // Made, or refused for the shipment's content (the Varanasi parcel is not
                    // one for a CN22), never as a format the kind is not made in.
                    assert!(
                        !matches!(r, Err(Error::Unsupported(_))),
                        "{kind:?} {format:?} {flavor:?}: {r:?}"
                    );
                    made += 1;
                } else if named {
                    assert!(
                        matches!(r, Err(Error::Unsupported(_))),
                        "{kind:?} {format:?} {flavor:?} is made but not listed"
                    );
                }
            }
        }
    }
    assert_eq!(made, DocKind::ALL.iter().map(|&k| text_outputs(k).len()).sum::<usize>());
    assert_eq!(
        text_outputs(DocKind::CommercialInvoice),
        [
            (Format::Xml, Some(Flavor::Ubl)),
            (Format::Xml, Some(Flavor::Niryat)),
            (Format::Json, None)
        ]
    );
    assert_eq!(
        text_outputs(DocKind::Pbe),
        [(Format::Csv, None), (Format::Json, None), (Format::Xml, Some(Flavor::Niryat))]
    );
}

#[test]
fn formats_offered_and_refused() {
    assert_eq!(formats_for(DocKind::CommercialInvoice), &[Format::Pdf, Format::Xml, Format::Json]);
    assert_eq!(formats_for(DocKind::Pbe), &[Format::Pdf, Format::Csv, Format::Json, Format::Xml]);
    assert_eq!(formats_for(DocKind::Einvoice), &[Format::Json]);
    for k in [DocKind::PackingList, DocKind::IecDetails, DocKind::Cn22, DocKind::Cn23] {
        assert_eq!(formats_for(k), &[Format::Pdf, Format::Json, Format::Xml]);
    }
    let s = example("moradabad-brass-sea");
    let unsupported = |r: Result<String, Error>| match r {
        Err(Error::Unsupported(m)) => m,
        other => panic!("expected unsupported, got {other:?}"),
    };
    let m = unsupported(render_text(&s, DocKind::Einvoice, Format::Xml, None));
    assert!(m.contains("formats offered: json"), "{m}");
    let m = unsupported(render_text(&s, DocKind::PackingList, Format::Xml, Some(Flavor::Ubl)));
    assert!(m.contains("only the commercial invoice"), "{m}");
    unsupported(render_text(&s, DocKind::CommercialInvoice, Format::Csv, None));
    unsupported(render_text(&s, DocKind::CommercialInvoice, Format::Json, Some(Flavor::Ubl)));
    unsupported(render_text(&s, DocKind::CommercialInvoice, Format::Pdf, None));

    // niryat XML of any kind is the whole shipment.
    let xml = render_text(&s, DocKind::PackingList, Format::Xml, None).unwrap();
    assert_eq!(xml, niryat::render::data::to_niryat_xml(&s).unwrap());
    assert_eq!(
        render_text(&s, DocKind::CommercialInvoice, Format::Xml, Some(Flavor::Niryat)).unwrap(),
        xml
    );
    // JSON of a document with a view is the view.
    let j: Value = serde_json::from_str(
        &render_text(&s, DocKind::CommercialInvoice, Format::Json, None).unwrap(),
    )
    .unwrap();
    assert!(j.is_object());
    // An invalid shipment renders nothing.
    let mut bad = s.clone();
    bad.invoice.as_mut().unwrap().number = None;
    assert!(matches!(
        render_text(&bad, DocKind::CommercialInvoice, Format::Xml, None),
        Err(Error::Invalid(_))
    ));
}
