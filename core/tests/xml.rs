//! niryat XML: JSON → XML → JSON is the identity over every example and over generated
//! shipments (proptest with its own strategy covering every field of the model), the written
//! form is canonical, and text survives exactly.
#![allow(clippy::disallowed_methods)] // a test reads the bundled examples and times itself; the library may not
#![allow(clippy::unwrap_used, clippy::panic)]

use jiff::civil::{date, Date};
use niryat::model::*;
use niryat::render::data::{from_niryat_xml, to_niryat_xml, NAMESPACE};
use niryat::{parse_json, Shipment};
use proptest::option::of;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::path::PathBuf;

fn examples() -> Vec<(String, Shipment)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut paths: Vec<_> =
        std::fs::read_dir(&dir).unwrap().filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let out: Vec<_> = paths
        .into_iter()
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("json"))
        .map(|p| {
            let s = parse_json(&std::fs::read(&p).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.file_name().unwrap().to_string_lossy().into_owned(), s)
        })
        .collect();
    assert!(out.len() >= 4, "expected the examples");
    out
}

fn json(s: &Shipment) -> String {
    serde_json::to_string_pretty(s).unwrap()
}

fn round_trip(s: &Shipment) -> Result<(), String> {
    let xml = to_niryat_xml(s).map_err(|e| format!("write: {e}"))?;
    let back = from_niryat_xml(&xml).map_err(|e| format!("read: {e}\n{xml}"))?;
    if json(&back) != json(s) {
        return Err(format!(
            "JSON → XML → JSON changed the shipment\nbefore: {}\nafter:  {}\nxml: {xml}",
            json(s),
            json(&back)
        ));
    }
    let again = to_niryat_xml(&back).map_err(|e| format!("write again: {e}"))?;
    if again != xml {
        return Err("writing the read shipment gave different XML (not canonical)".into());
    }
    Ok(())
}

#[test]
fn examples_round_trip_exactly() {
    for (name, s) in examples() {
        let xml = to_niryat_xml(&s).unwrap();
        assert!(
            xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            "{name}: declaration"
        );
        assert!(
            xml.contains(&format!("<shipment xmlns=\"{NAMESPACE}\" version=\"1\">")),
            "{name}: root"
        );
        round_trip(&s).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn example_json_files_survive_byte_for_byte_in_meaning() {
    // The JSON the CLI's `import` prints equals the JSON of the example file itself.
    for (name, s) in examples() {
        let xml = to_niryat_xml(&s).unwrap();
        let back = from_niryat_xml(&xml).unwrap();
        let want: serde_json::Value = serde_json::to_value(&s).unwrap();
        let got: serde_json::Value = serde_json::to_value(&back).unwrap();
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn tricky_text_survives_exactly() {
    let texts = [
        "  leading and trailing spaces  ",
        "line one\nline two\r\nline three\rend",
        "tab\there",
        "<b>not markup</b> & \"quotes\" 'apostrophes' ]]> done",
        "#read(\"/etc/passwd\") *bold* $x$",
        "हस्तनिर्मित पीतल का दीया — ₹ 1,00,000",
        "emoji 🪔 and combining é",
        "",
        " ",
        "\n",
    ];
    for t in texts {
        let s = Shipment {
            consignee: Some(Party { name: Some(t.to_string()), ..Party::default() }),
            invoice: Some(InvoiceHeader {
                other_references: vec![t.to_string(), t.to_string()],
                ..InvoiceHeader::default()
            }),
            ..Shipment::default()
        };
        round_trip(&s).unwrap_or_else(|e| panic!("{t:?}: {e}"));
    }
}

#[test]
fn decimal_scale_is_kept() {
    for d in [
        "1234.50",
        "0.1",
        "0",
        "-0.005",
        "1.000",
        "79228162514264337593543950335",
        "0.0000000000000000000000000001",
    ] {
        let v: Decimal = d.parse().unwrap();
        let s = Shipment {
            charges: Some(Charges { freight: Some(v), insurance: None }),
            ..Shipment::default()
        };
        let back = from_niryat_xml(&to_niryat_xml(&s).unwrap()).unwrap();
        assert_eq!(back.charges.unwrap().freight.unwrap().to_string(), v.to_string(), "{d}");
    }
}

#[test]
fn every_tax_treatment_round_trips() {
    let treatments = [
        TaxTreatment::IgstPaid {
            rate: Some(Decimal::new(18, 0)),
            amount: Some(Decimal::new(123456, 2)),
        },
        TaxTreatment::IgstPaid { rate: None, amount: None },
        TaxTreatment::Lut { arn: Some("AD0904260001".into()), date: Some(date(2026, 4, 2)) },
        TaxTreatment::Lut { arn: None, date: None },
        TaxTreatment::Bond { reference: Some("B/1".into()), date: None },
        TaxTreatment::Unregistered {},
    ];
    for t in treatments {
        let s = Shipment { tax: Some(t.clone()), ..Shipment::default() };
        round_trip(&s).unwrap_or_else(|e| panic!("{t:?}: {e}"));
    }
    let xml = to_niryat_xml(&Shipment {
        tax: Some(TaxTreatment::Unregistered {}),
        ..Shipment::default()
    })
    .unwrap();
    assert!(xml.contains("<tax>\n    <unregistered></unregistered>\n  </tax>"), "{xml}");
}

#[test]
fn empty_structs_and_empty_strings_are_distinct_from_absent() {
    let s = Shipment {
        exporter: Some(Exporter {
            address: Some(Address::default()),
            legal_name: Some(String::new()),
            ..Exporter::default()
        }),
        buyer: Some(Party::default()),
        ..Shipment::default()
    };
    round_trip(&s).unwrap();
}

#[test]
fn control_characters_cannot_be_written() {
    let s = Shipment {
        items: vec![
            LineItem::default(),
            LineItem { description: Some("bell\u{7}".into()), ..LineItem::default() },
        ],
        ..Shipment::default()
    };
    let e = to_niryat_xml(&s).unwrap_err();
    assert_eq!(e.path, "/items/1/description");
    assert!(e.message.contains("U+0007"), "{}", e.message);
}

// ---- Generated shipments -------------------------------------------------------------

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z0-9 ,./-]{0,16}",
        1 => "[ <>&'\"\t\n\ra-z\u{0900}-\u{097F}€₹]{0,12}",
    ]
}

fn ostr() -> impl Strategy<Value = Option<String>> {
    of(text())
}

fn dec() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..=6).prop_map(|(m, s)| Decimal::new(m, s))
}

fn odec() -> impl Strategy<Value = Option<Decimal>> {
    of(dec())
}

fn odate() -> impl Strategy<Value = Option<Date>> {
    of((1900i16..=2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d)))
}

fn address() -> impl Strategy<Value = Address> {
    (ostr(), ostr(), ostr(), ostr(), ostr(), ostr(), ostr(), ostr()).prop_map(
        |(line1, line2, city, district, state, state_code, postal_code, country)| Address {
            line1,
            line2,
            city,
            district,
            state,
            state_code,
            postal_code,
            country,
        },
    )
}

fn party() -> impl Strategy<Value = Party> {
    (ostr(), ostr(), of(address()), ostr(), ostr(), ostr()).prop_map(
        |(name, business, address, phone, email, tax_id)| Party {
            name,
            business,
            address,
            phone,
            email,
            tax_id,
        },
    )
}

fn entity() -> impl Strategy<Value = EntityKind> {
    prop_oneof![
        Just(EntityKind::SoleProprietor),
        Just(EntityKind::Partnership),
        Just(EntityKind::Llp),
        Just(EntityKind::Company),
        Just(EntityKind::SelfHelpGroup),
        Just(EntityKind::Society),
        Just(EntityKind::Trust),
        Just(EntityKind::Huf),
        Just(EntityKind::Government),
        Just(EntityKind::Other),
    ]
}

fn exporter() -> impl Strategy<Value = Exporter> {
    let bank = (ostr(), ostr(), ostr(), ostr(), ostr()).prop_map(
        |(bank_name, branch, account_number, ifsc, swift)| BankAccount {
            bank_name,
            branch,
            account_number,
            ifsc,
            swift,
        },
    );
    let rcmc = (ostr(), ostr(), odate()).prop_map(|(number, council, valid_until)| Rcmc {
        number,
        council,
        valid_until,
    });
    let branch = (ostr(), ostr(), of(address())).prop_map(|(name, gstin, address)| Branch {
        name,
        gstin,
        address,
    });
    (
        (ostr(), ostr(), of(entity()), ostr(), odate(), ostr(), ostr(), of(any::<bool>())),
        (
            of(address()),
            ostr(),
            ostr(),
            ostr(),
            of(bank),
            of(rcmc),
            prop::collection::vec(branch, 0..3),
            obool(),
        ),
    )
        .prop_map(
            |(
                (
                    legal_name,
                    trade_name,
                    entity,
                    iec,
                    iec_issued_on,
                    pan,
                    gstin,
                    turnover_above_5_crore,
                ),
                (address, phone, email, ad_code, bank, rcmc, branches, icegate_registered),
            )| Exporter {
                legal_name,
                trade_name,
                entity,
                iec,
                iec_issued_on,
                pan,
                gstin,
                turnover_above_5_crore,
                address,
                phone,
                email,
                ad_code,
                bank,
                rcmc,
                branches,
                icegate_registered,
            },
        )
}

fn invoice() -> impl Strategy<Value = InvoiceHeader> {
    let order = (ostr(), odate()).prop_map(|(number, date)| OrderReference { number, date });
    let registration =
        (ostr(), ostr(), odate(), ostr()).prop_map(|(irn, ack_no, ack_date, signed_qr)| {
            EinvoiceRegistration { irn, ack_no, ack_date, signed_qr }
        });
    (
        ostr(),
        odate(),
        ostr(),
        of(order),
        ostr(),
        prop::collection::vec(text(), 0..3),
        ostr(),
        odec(),
        odec(),
        ostr(),
        of(registration),
    )
        .prop_map(
            |(
                number,
                date,
                exporter_reference,
                buyer_order,
                marketplace_order_id,
                other_references,
                endorsement,
                total,
                fob_inr,
                packing_list_number,
                e_invoice,
            )| InvoiceHeader {
                number,
                date,
                exporter_reference,
                buyer_order,
                marketplace_order_id,
                other_references,
                endorsement,
                total,
                fob_inr,
                packing_list_number,
                e_invoice,
            },
        )
}

fn tax() -> impl Strategy<Value = TaxTreatment> {
    prop_oneof![
        (odec(), odec()).prop_map(|(rate, amount)| TaxTreatment::IgstPaid { rate, amount }),
        (ostr(), odate()).prop_map(|(arn, date)| TaxTreatment::Lut { arn, date }),
        (ostr(), odate()).prop_map(|(reference, date)| TaxTreatment::Bond { reference, date }),
        Just(TaxTreatment::Unregistered {}),
    ]
}

fn transport() -> impl Strategy<Value = Transport> {
    let mode = prop_oneof![
        Just(TransportMode::Post),
        Just(TransportMode::Air),
        Just(TransportMode::Sea),
        Just(TransportMode::Road),
        Just(TransportMode::Rail),
        Just(TransportMode::Courier)
    ];
    let product = prop_oneof![
        Just(PostalProduct::InternationalTrackedPacket),
        Just(PostalProduct::Ems),
        Just(PostalProduct::Parcel),
        Just(PostalProduct::Letter),
        Just(PostalProduct::RegisteredSmallPacket)
    ];
    let post = (of(product), ostr(), ostr()).prop_map(|(product, booking_office, fpo_code)| {
        PostDetails { product, booking_office, fpo_code }
    });
    (of(mode), of(post), ostr(), ostr(), ostr(), ostr(), ostr(), ostr(), odate()).prop_map(
        |(
            mode,
            post,
            pre_carriage,
            place_of_receipt,
            port_of_loading,
            port_of_discharge,
            final_destination,
            vessel_or_flight,
            dispatch_date,
        )| Transport {
            mode,
            post,
            pre_carriage,
            place_of_receipt,
            port_of_loading,
            port_of_discharge,
            final_destination,
            vessel_or_flight,
            dispatch_date,
        },
    )
}

fn obool() -> impl Strategy<Value = Option<bool>> {
    prop::option::of(any::<bool>())
}

fn scheme() -> impl Strategy<Value = Option<SchemeClaim>> {
    prop::option::of((obool(), ostr(), odec(), obool(), obool(), ostr(), ostr(), ostr()).prop_map(
        |(
            drawback,
            dbk_serial,
            drawback_quantity,
            rodtep,
            rosctl,
            scheme_code,
            end_use,
            ritc_code,
        )| {
            SchemeClaim {
                drawback,
                dbk_serial,
                drawback_quantity,
                rodtep,
                rosctl,
                scheme_code,
                end_use,
                ritc_code,
            }
        },
    ))
}

fn item() -> impl Strategy<Value = LineItem> {
    (
        (ostr(), ostr(), odec(), ostr(), odec(), odec(), ostr(), odec(), ostr(), odec()),
        (scheme(), ostr(), odec()),
    )
        .prop_map(
            |(
                (
                    description,
                    hs_code,
                    quantity,
                    unit,
                    unit_price,
                    amount,
                    origin_country,
                    net_weight_kg,
                    sku,
                    gst_rate,
                ),
                (scheme, customs_unit, customs_quantity),
            )| LineItem {
                description,
                hs_code,
                quantity,
                unit,
                unit_price,
                amount,
                origin_country,
                net_weight_kg,
                sku,
                gst_rate,
                scheme,
                customs_unit,
                customs_quantity,
            },
        )
}

fn package() -> impl Strategy<Value = Package> {
    let dims = (odec(), odec(), odec()).prop_map(|(length_cm, width_cm, height_cm)| Dimensions {
        length_cm,
        width_cm,
        height_cm,
    });
    let content =
        (of(any::<u32>()), odec()).prop_map(|(line, quantity)| PackageContent { line, quantity });
    (
        of(any::<u32>()),
        of(any::<u32>()),
        ostr(),
        ostr(),
        of(dims),
        odec(),
        odec(),
        ostr(),
        prop::collection::vec(content, 0..3),
    )
        .prop_map(
            |(
                number,
                to,
                kind,
                marks,
                dimensions,
                net_weight_kg,
                gross_weight_kg,
                tracking_number,
                contents,
            )| Package {
                number,
                to,
                kind,
                marks,
                dimensions,
                net_weight_kg,
                gross_weight_kg,
                tracking_number,
                contents,
            },
        )
}

fn postal() -> impl Strategy<Value = PostalDeclaration> {
    let cat = prop_oneof![
        Just(PostalCategory::Gift),
        Just(PostalCategory::Documents),
        Just(PostalCategory::CommercialSample),
        Just(PostalCategory::ReturnedGoods),
        Just(PostalCategory::SaleOfGoods),
        Just(PostalCategory::Other)
    ];
    let nd = prop_oneof![Just(NonDelivery::ReturnToSender), Just(NonDelivery::Abandon)];
    (
        of(cat),
        ostr(),
        ostr(),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(text(), 0..3),
        odec(),
        ostr(),
        of(nd),
        of(any::<bool>()),
    )
        .prop_map(
            |(
                category,
                explanation,
                comments,
                licences,
                certificates,
                postal_charges,
                sender_reference,
                non_delivery,
                foreign_exchange_involved,
            )| PostalDeclaration {
                category,
                explanation,
                comments,
                licences,
                certificates,
                postal_charges,
                sender_reference,
                non_delivery,
                foreign_exchange_involved,
            },
        )
}

fn shipment() -> impl Strategy<Value = Shipment> {
    let purpose = prop_oneof![Just(Purpose::Commercial), Just(Purpose::Personal)];
    let terms = (ostr(), ostr(), ostr()).prop_map(|(incoterm, incoterm_place, payment)| Terms {
        incoterm,
        incoterm_place,
        payment,
    });
    let rate = (odec(), of(any::<u32>()), ostr(), odate())
        .prop_map(|(rate, per, source, date)| ExchangeRate { rate, per, source, date });
    let sdr = (odec(), odate()).prop_map(|(inr_per_sdr, date)| SdrRate { inr_per_sdr, date });
    let charges = (odec(), odec()).prop_map(|(freight, insurance)| Charges { freight, insurance });
    let ecommerce = (ostr(), ostr(), ostr(), ostr()).prop_map(
        |(platform, url, operator_gstin, payment_transaction_id)| Ecommerce {
            platform,
            url,
            operator_gstin,
            payment_transaction_id,
        },
    );
    let decl = (ostr(), odate(), of(any::<bool>()), ostr()).prop_map(
        |(number, date, refund_claimed, port_code)| ExportDeclaration {
            number,
            date,
            refund_claimed,
            port_code,
        },
    );
    let proforma = (odate(), of(any::<bool>())).prop_map(|(valid_until, no_commercial_value)| {
        Proforma { valid_until, no_commercial_value }
    });
    let realisation = (
        of(prop_oneof![Just(RealisationKind::Ebrc), Just(RealisationKind::Firc)]),
        ostr(),
        odate(),
        odec(),
    )
        .prop_map(|(kind, number, date, amount)| Realisation { kind, number, date, amount });
    let signatory = (ostr(), ostr(), ostr()).prop_map(|(name, designation, place)| Signatory {
        name,
        designation,
        place,
    });
    let agent = (ostr(), ostr(), ostr()).prop_map(|(licence_number, name, address)| {
        AuthorisedAgent { licence_number, name, address }
    });
    (
        (
            purpose,
            of(exporter()),
            of(party()),
            of(party()),
            ostr(),
            of(invoice()),
            of(terms),
            of(tax()),
            ostr(),
            of(rate),
        ),
        (
            of(sdr),
            of(charges),
            of(transport()),
            prop::collection::vec(item(), 0..4),
            prop::collection::vec(package(), 0..3),
            of(postal()),
            of(ecommerce),
            of(decl),
            of(signatory),
            of(agent),
            of(proforma),
            prop::collection::vec(realisation, 0..3),
        ),
    )
        .prop_map(
            |(
                (
                    purpose,
                    exporter,
                    consignee,
                    buyer,
                    destination_country,
                    invoice,
                    terms,
                    tax,
                    currency,
                    exchange_rate,
                ),
                (
                    sdr_rate,
                    charges,
                    transport,
                    items,
                    packages,
                    postal,
                    ecommerce,
                    export_declaration,
                    signatory,
                    authorised_agent,
                    proforma,
                    realisations,
                ),
            )| Shipment {
                purpose,
                exporter,
                consignee,
                buyer,
                destination_country,
                invoice,
                terms,
                tax,
                currency,
                exchange_rate,
                sdr_rate,
                charges,
                transport,
                items,
                packages,
                postal,
                ecommerce,
                export_declaration,
                signatory,
                authorised_agent,
                proforma,
                realisations,
            },
        )
}

/// 256 generated shipments. The strategy is deep, so it runs on a thread with a large stack.
#[test]
fn generated_shipments_round_trip() {
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(|| {
            let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
                cases: 256,
                ..ProptestConfig::default()
            });
            runner
                .run(&shipment().boxed(), |s| {
                    round_trip(&s).map_err(TestCaseError::fail)?;
                    Ok(())
                })
                .map_err(|e| e.to_string())
        })
        .unwrap();
    if let Err(e) = handle.join().unwrap() {
        panic!("{e}");
    }
}

/// With `NIRYAT_XML_OUT=DIR`, writes each example's niryat XML to DIR (for inspection).
#[test]
fn write_examples_when_asked() {
    let Ok(dir) = std::env::var("NIRYAT_XML_OUT") else { return };
    std::fs::create_dir_all(&dir).unwrap();
    for (name, s) in examples() {
        std::fs::write(
            PathBuf::from(&dir).join(name.replace(".json", ".xml")),
            to_niryat_xml(&s).unwrap(),
        )
        .unwrap();
    }
}
