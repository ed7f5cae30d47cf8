//! Property tests over generated shipments.
//!
//! * Valid shipments (1–50 lines, CBIC currencies and INR, packages that pack exactly the
//!   invoiced quantities, valid GSTINs and S10 numbers, post, sea or air, commercial or a
//!   personal gift) have no errors for the documents they call for.
//! * JSON → model → JSON is the identity.
//! * Mutated shipments (fields removed, replaced by junk, lists emptied or grown) never make
//!   `validate` panic, and every issue's path resolves in the input JSON; when the input is
//!   refused, the error's path resolves too.

#![allow(clippy::unwrap_used, clippy::panic)]

use jiff::civil::{date, Date};
use jiff::ToSpan;
use niryat::model::*;
use niryat::rules::ids::{gstin_check_char, s10_check_digit};
use niryat::{parse_json, parse_value, validate, DocKind, Mode, Severity, Shipment};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestRunner;
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;

// ---------------------------------------------------------------------------
// Generating valid shipments
// ---------------------------------------------------------------------------

const ADJECTIVES: &[&str] = &[
    "Hand-embroidered",
    "Handwoven",
    "Hammered",
    "Engraved",
    "Block-printed",
    "Hand-knitted",
    "Carved",
    "Hand-painted",
    "Glazed",
    "Beaded",
];
const MATERIALS: &[&str] = &[
    "cotton",
    "silk",
    "brass",
    "copper",
    "woollen",
    "sheesham wood",
    "marble",
    "terracotta",
    "jute",
    "leather",
];
const NOUNS: &[&str] = &[
    "stole",
    "saree",
    "planter",
    "bowl",
    "cushion cover",
    "table runner",
    "wall hanging",
    "candle holder",
    "jewellery box",
    "shawl",
    "kurta",
    "photo frame",
];
const UNITS: &[&str] = &["PCS", "NOS", "SET", "PRS", "DOZ"];
const COUNTRIES: &[&str] = &["US", "GB", "DE", "FR", "AE", "AU", "CA", "JP", "NL", "SG"];
/// (code, minor units, CBIC schedule: rate per 1 or per 100 units).
const CURRENCIES: &[(&str, u32, u32)] =
    &[("INR", 2, 1), ("USD", 2, 1), ("EUR", 2, 1), ("GBP", 2, 1), ("AED", 2, 1), ("JPY", 0, 100)];
const INCOTERMS: &[&str] =
    &["EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF"];
const NOT_SEA_ONLY: &[&str] = &["EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP"];
const FPOS: &[&str] = &["INKNU5", "INAGR5", "INVNS5", "INDEL5", "INBOM5"];
const SEAPORTS: &[&str] = &["INNSA1", "INMUN1", "INBOM1"];
const AIRPORTS: &[&str] = &["INDEL4", "INLKO4", "INVNS4", "INBOM4"];
const IGST_RATES: &[&str] = &["5", "12", "18", "28", "3", "0.25"];
/// (GST state code, a PIN inside that state's range).
const STATES: &[(&str, &str, u32)] = &[
    ("09", "Uttar Pradesh", 226),
    ("09", "Uttar Pradesh", 244),
    ("27", "Maharashtra", 400),
    ("07", "Delhi", 110),
];

#[derive(Debug, Clone)]
struct LineSpec {
    adjective: Index,
    material: Index,
    noun: Index,
    hs: u32,
    cartons: u32,
    per_carton: u32,
    price_minor: u32,
    unit_grams: u32,
    unit: Index,
    with_amount: bool,
}

fn line_spec() -> impl Strategy<Value = LineSpec> {
    (
        any::<Index>(),
        any::<Index>(),
        any::<Index>(),
        10_000_000u32..=99_999_999,
        1u32..=5,
        1u32..=40,
        1u32..=50_000,
        1u32..=1_500,
        any::<Index>(),
        any::<bool>(),
    )
        .prop_map(
            |(
                adjective,
                material,
                noun,
                hs,
                cartons,
                per_carton,
                price_minor,
                unit_grams,
                unit,
                with_amount,
            )| LineSpec {
                adjective,
                material,
                noun,
                hs,
                cartons,
                per_carton,
                price_minor,
                unit_grams,
                unit,
                with_amount,
            },
        )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Way {
    Post,
    Sea,
    Air,
}

#[derive(Debug, Clone)]
struct Spec {
    personal: bool,
    way: Way,
    currency: Index,
    rate_paise: u32,
    sdr_paise: u32,
    lines: Vec<LineSpec>,
    tax: u8,
    igst_rate: Index,
    igst_amount: bool,
    pan_letters: [u8; 5],
    pan_holder: Index,
    pan_serial: u32,
    pan_last: u8,
    entity_char: Index,
    state: Index,
    invoice_offset: i32,
    dispatch_after: i32,
    articles: usize,
    ecommerce: bool,
    incoterm: Index,
    freight_minor: u32,
    insurance_minor: u32,
    destination: Index,
    port: Index,
    tracking_base: u32,
    product: u8,
    stated_totals: bool,
    /// A small consignment: at most 3 light, cheap lines (so CN22s come up too).
    small: bool,
}

fn spec() -> impl Strategy<Value = Spec> {
    let lines = prop::collection::vec(line_spec(), 1..=50);
    (
        (
            any::<bool>(),
            prop_oneof![Just(Way::Post), Just(Way::Post), Just(Way::Sea), Just(Way::Air)],
            any::<Index>(),
            50u32..=20_000,
            9_000u32..=13_000,
            lines,
        ),
        (
            0u8..4,
            any::<Index>(),
            any::<bool>(),
            prop::array::uniform5(b'A'..=b'Z'),
            any::<Index>(),
            1u32..=9999,
            b'A'..=b'Z',
            any::<Index>(),
            any::<Index>(),
        ),
        (
            0i32..1000,
            0i32..=60,
            1usize..=3,
            any::<bool>(),
            any::<Index>(),
            0u32..=5_000,
            0u32..=500,
            any::<Index>(),
            any::<Index>(),
            0u32..99_999_000,
            0u8..3,
            any::<bool>(),
        ),
        any::<bool>(),
    )
        .prop_map(|(a, b, c, small)| Spec {
            personal: a.0,
            way: a.1,
            currency: a.2,
            rate_paise: a.3,
            sdr_paise: a.4,
            lines: a.5,
            tax: b.0,
            igst_rate: b.1,
            igst_amount: b.2,
            pan_letters: b.3,
            pan_holder: b.4,
            pan_serial: b.5,
            pan_last: b.6,
            entity_char: b.7,
            state: b.8,
            invoice_offset: c.0,
            dispatch_after: c.1,
            articles: c.2,
            ecommerce: c.3,
            incoterm: c.4,
            freight_minor: c.5,
            insurance_minor: c.6,
            destination: c.7,
            port: c.8,
            tracking_base: c.9,
            product: c.10,
            stated_totals: c.11,
            small,
        })
}

fn pick<T: Copy>(list: &[T], i: &Index) -> T {
    list[i.index(list.len())]
}

fn round(v: Decimal, places: u32) -> Decimal {
    let mut r = v.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(places);
    r
}

fn s10(prefix: &str, serial: u32) -> String {
    let digits: Vec<u8> = format!("{serial:08}").bytes().map(|b| b - b'0').collect();
    let arr: [u8; 8] = digits.try_into().unwrap();
    format!("{prefix}{serial:08}{}IN", s10_check_digit(&arr))
}

/// Builds a shipment that should be free of errors for the documents it calls for.
fn build(sp: &Spec) -> Shipment {
    // A personal gift goes by post, in rupees, worth at most ₹25,000 (5 lines × 3 × ₹1,000).
    let personal = sp.personal;
    let way = if personal { Way::Post } else { sp.way };
    let mut lines = sp.lines.clone();
    if sp.small {
        lines.truncate(3);
        for l in &mut lines {
            l.cartons = 1;
            l.per_carton = 1;
            l.unit_grams = l.unit_grams % 500 + 1;
            l.price_minor = l.price_minor % 3_000 + 1;
        }
    }
    if personal {
        lines.truncate(5);
        for l in &mut lines {
            l.cartons = 1;
            l.per_carton = l.per_carton % 3 + 1;
            l.price_minor = l.price_minor % 100_000 + 1;
        }
    }
    let (currency, minor, per) =
        if personal { CURRENCIES[0] } else { pick(CURRENCIES, &sp.currency) };
    let scale = Decimal::from(10u32.pow(minor));
    let rate = Decimal::new(i64::from(sp.rate_paise), 2);
    let per_unit = if currency == "INR" { Decimal::ONE } else { rate / Decimal::from(per) };

    let invoice_date = date(2025, 4, 1).checked_add(sp.invoice_offset.days()).unwrap();
    let dispatch = invoice_date.checked_add(sp.dispatch_after.days()).unwrap();
    let fy_start = if invoice_date.month() >= 4 {
        date(invoice_date.year(), 4, 1)
    } else {
        date(invoice_date.year() - 1, 4, 1)
    };

    let (state, state_name, pin_head) = pick(STATES, &sp.state);
    let mut pan = String::new();
    for (i, c) in sp.pan_letters.iter().enumerate() {
        pan.push(if i == 3 {
            char::from(pick(b"ABCFGHJLPTK", &sp.pan_holder))
        } else {
            char::from(*c)
        });
    }
    pan.push_str(&format!("{:04}", sp.pan_serial));
    pan.push(char::from(sp.pan_last));
    let first14 = format!("{state}{pan}{}Z", char::from(pick(b"123456789ABC", &sp.entity_char)));
    let gstin = format!("{first14}{}", gstin_check_char(&first14).unwrap());

    let tax = if personal {
        None
    } else {
        Some(match sp.tax {
            0 => TaxTreatment::Lut {
                arn: Some(format!("AD{state}0426001234K")),
                date: Some(fy_start),
            },
            1 => TaxTreatment::IgstPaid {
                rate: Some(pick(IGST_RATES, &sp.igst_rate).parse().unwrap()),
                amount: None,
            },
            2 => {
                TaxTreatment::Bond { reference: Some("BOND/2026/07".into()), date: Some(fy_start) }
            }
            _ => TaxTreatment::Unregistered {},
        })
    };
    let registered = matches!(
        tax,
        Some(TaxTreatment::Lut { .. } | TaxTreatment::IgstPaid { .. } | TaxTreatment::Bond { .. })
    );

    let destination = pick(COUNTRIES, &sp.destination);
    let ecommerce = !personal && way == Way::Post && sp.ecommerce;

    // Lines, with exact amounts and net weights.
    let mut items = Vec::new();
    let mut goods = Decimal::ZERO;
    for (i, l) in lines.iter().enumerate() {
        let q = Decimal::from(l.cartons * l.per_carton);
        let price = Decimal::from(l.price_minor) / scale;
        let amount = round(q * price, minor);
        goods += amount;
        let description = format!(
            "{} {} {}",
            pick(ADJECTIVES, &l.adjective),
            pick(MATERIALS, &l.material),
            pick(NOUNS, &l.noun)
        );
        items.push(LineItem {
            description: Some(description),
            hs_code: Some(l.hs.to_string()),
            quantity: Some(q),
            unit: Some(pick(UNITS, &l.unit).into()),
            unit_price: Some(price),
            amount: l.with_amount.then_some(amount),
            origin_country: Some("IN".into()),
            net_weight_kg: Some(Decimal::new(i64::from(l.unit_grams), 3) * q),
            sku: ecommerce.then(|| format!("SKU-{i}")),
            gst_rate: None,
            scheme: None,
            customs_unit: None,
            customs_quantity: None,
        });
    }

    // Packages: by sea or air one run of cartons per line; by post whole lines per article.
    let mut packages = Vec::new();
    if way == Way::Post {
        let n = sp.articles.min(lines.len());
        for a in 0..n {
            let mut contents = Vec::new();
            let mut net = Decimal::ZERO;
            for (i, l) in lines.iter().enumerate().filter(|(i, _)| i % n == a) {
                let q = Decimal::from(l.cartons * l.per_carton);
                contents.push(PackageContent { line: Some(i as u32 + 1), quantity: Some(q) });
                net += Decimal::new(i64::from(l.unit_grams), 3) * q;
            }
            packages.push(Package {
                number: Some(a as u32 + 1),
                kind: Some("parcel".into()),
                net_weight_kg: Some(net),
                gross_weight_kg: Some(net + Decimal::new(150, 3)),
                tracking_number: Some(s10("EE", sp.tracking_base + a as u32)),
                contents,
                ..Default::default()
            });
        }
    } else {
        let mut next = 1;
        for (i, l) in lines.iter().enumerate() {
            let net = Decimal::new(i64::from(l.unit_grams), 3) * Decimal::from(l.per_carton);
            packages.push(Package {
                number: Some(next),
                to: (l.cartons > 1).then_some(next + l.cartons - 1),
                kind: Some("carton".into()),
                marks: Some(format!("BUYER/{i}")),
                net_weight_kg: Some(net),
                gross_weight_kg: Some(net + Decimal::new(750, 3)),
                contents: vec![PackageContent {
                    line: Some(i as u32 + 1),
                    quantity: Some(Decimal::from(l.per_carton)),
                }],
                ..Default::default()
            });
            next += l.cartons;
        }
    }
    let heaviest = packages.iter().filter_map(|p| p.gross_weight_kg).max().unwrap_or_default();

    // Terms and charges.
    let incoterm = if way == Way::Sea {
        pick(INCOTERMS, &sp.incoterm)
    } else {
        pick(NOT_SEA_ONLY, &sp.incoterm)
    };
    let freight_included = !matches!(incoterm, "EXW" | "FCA" | "FAS" | "FOB");
    let insurance_included = matches!(incoterm, "CIF" | "CIP");
    let charges = (!personal && freight_included).then(|| Charges {
        freight: Some(Decimal::from(sp.freight_minor) / scale),
        insurance: insurance_included.then(|| Decimal::from(sp.insurance_minor) / scale),
    });
    let freight = charges.as_ref().and_then(|c| c.freight).unwrap_or_default();
    let insurance = charges.as_ref().and_then(|c| c.insurance).unwrap_or_default();
    let total = round(goods + freight + insurance, minor);
    let total_inr = round(total * per_unit, 2);

    let tax = match tax {
        Some(TaxTreatment::IgstPaid { rate: Some(r), .. }) if sp.igst_amount => {
            Some(TaxTreatment::IgstPaid {
                rate: Some(r),
                amount: Some(round(total_inr * r / Decimal::ONE_HUNDRED, 2)),
            })
        }
        t => t,
    };

    let product = match (sp.product, heaviest <= Decimal::TWO) {
        (0, true) => PostalProduct::InternationalTrackedPacket,
        (1, _) => PostalProduct::Parcel,
        _ => PostalProduct::Ems,
    };
    let transport = Transport {
        mode: Some(match way {
            Way::Post => TransportMode::Post,
            Way::Sea => TransportMode::Sea,
            Way::Air => TransportMode::Air,
        }),
        post: (way == Way::Post).then(|| PostDetails {
            product: Some(product),
            booking_office: Some("Chowk DNK".into()),
            fpo_code: Some(pick(FPOS, &sp.port).into()),
        }),
        port_of_loading: match way {
            Way::Post => None,
            Way::Sea => Some(pick(SEAPORTS, &sp.port).into()),
            Way::Air => Some(pick(AIRPORTS, &sp.port).into()),
        },
        dispatch_date: Some(dispatch),
        ..Default::default()
    };

    let address = Address {
        line1: Some("12 Karigar Mohalla".into()),
        city: Some("Lucknow".into()),
        state: Some(state_name.into()),
        state_code: Some(state.into()),
        postal_code: Some(format!("{pin_head}001")),
        country: Some("IN".into()),
        ..Default::default()
    };
    let exporter = if personal {
        Exporter {
            legal_name: Some("Rakesh Srivastava".into()),
            address: Some(address),
            ..Default::default()
        }
    } else {
        Exporter {
            legal_name: Some("Karigar Exports".into()),
            entity: Some(EntityKind::SoleProprietor),
            iec: Some(pan.clone()),
            pan: Some(pan.clone()),
            gstin: registered.then(|| gstin.clone()),
            address: Some(address),
            ad_code: Some("00012340001234".into()),
            bank: Some(BankAccount {
                bank_name: Some("State Bank of India".into()),
                ifsc: Some("SBIN0000125".into()),
                ..Default::default()
            }),
            ..Default::default()
        }
    };

    Shipment {
        purpose: if personal { Purpose::Personal } else { Purpose::Commercial },
        exporter: Some(exporter),
        consignee: Some(Party {
            name: Some("Emily Carter".into()),
            address: Some(Address {
                line1: Some("1420 Maple Avenue".into()),
                city: Some("Portland".into()),
                country: Some(destination.into()),
                ..Default::default()
            }),
            ..Default::default()
        }),
        buyer: None,
        destination_country: Some(destination.into()),
        invoice: (!personal).then(|| InvoiceHeader {
            number: Some(format!("KE/{}/{}", sp.invoice_offset, sp.lines.len())),
            date: Some(invoice_date),
            total: sp.stated_totals.then_some(total),
            fob_inr: sp.stated_totals.then(|| round(goods * per_unit, 2)),
            marketplace_order_id: ecommerce.then(|| "27-13905-44218".into()),
            ..Default::default()
        }),
        terms: (!personal).then(|| Terms {
            incoterm: Some(incoterm.into()),
            incoterm_place: Some("Named place".into()),
            payment: Some("Advance".into()),
        }),
        tax,
        currency: Some(currency.into()),
        exchange_rate: (currency != "INR").then(|| ExchangeRate {
            rate: Some(rate),
            per: Some(per),
            source: Some("CBIC notification".into()),
            date: Some(invoice_date),
        }),
        sdr_rate: Some(SdrRate {
            inr_per_sdr: Some(Decimal::new(i64::from(sp.sdr_paise), 2)),
            date: Some(invoice_date),
        }),
        charges,
        transport: Some(transport),
        items,
        packages,
        postal: (way == Way::Post).then(|| PostalDeclaration {
            category: Some(if personal {
                PostalCategory::Gift
            } else {
                PostalCategory::SaleOfGoods
            }),
            non_delivery: Some(NonDelivery::ReturnToSender),
            foreign_exchange_involved: personal.then_some(false),
            ..Default::default()
        }),
        ecommerce: ecommerce.then(|| Ecommerce {
            platform: Some("eBay".into()),
            url: Some("https://www.ebay.com".into()),
            operator_gstin: None,
            payment_transaction_id: Some("EBAY-PMT-1".into()),
        }),
        export_declaration: None,
        signatory: (!personal).then(|| Signatory {
            name: Some("Nazia Parveen".into()),
            designation: Some("Proprietor".into()),
            place: Some("Lucknow".into()),
        }),
        authorised_agent: None,
        proforma: None,
        realisations: Vec::new(),
    }
}

fn errors(s: &Shipment, kinds: &[DocKind]) -> Vec<String> {
    validate(s, kinds, Mode::Strict)
        .issues
        .into_iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| format!("{} at {}: {}", i.code, i.path, i.message))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    /// (a) A valid shipment has no errors for the documents it calls for.
    #[test]
    fn valid_shipments_have_no_errors(sp in spec()) {
        let s = build(&sp);
        let kinds = DocKind::for_shipment(&s);
        prop_assert!(!kinds.is_empty());
        let errs = errors(&s, &kinds);
        prop_assert!(errs.is_empty(), "errors for {:?}:\n{}\n{}", kinds, errs.join("\n"), serde_json::to_string_pretty(&s).unwrap());
        // Draft mode never adds an error.
        let draft = validate(&s, &kinds, Mode::Draft);
        prop_assert!(!draft.has_errors());
    }

    /// (b) JSON → model → JSON is the identity.
    #[test]
    fn json_round_trip_is_identity(sp in spec()) {
        let s = build(&sp);
        let value = serde_json::to_value(&s).unwrap();
        let bytes = serde_json::to_vec(&s).unwrap();
        let back = parse_json(&bytes).unwrap();
        prop_assert_eq!(&serde_json::to_value(&back).unwrap(), &value);
        prop_assert_eq!(&back, &s);
        let back = parse_value(&value).unwrap();
        prop_assert_eq!(&back, &s);
    }

    /// Totals equal sums: the invoice total and FOB the generator states are accepted,
    /// and one minor unit off is refused at the field.
    #[test]
    fn stated_totals_are_checked(sp in spec()) {
        let mut s = build(&sp);
        prop_assume!(s.purpose == Purpose::Commercial);
        let kinds = DocKind::for_shipment(&s);
        let minor = niryat::calc::minor_units(&s);
        let inv = s.invoice.as_mut().unwrap();
        let total = niryat::calc::invoice_total(&build(&sp)).unwrap();
        inv.total = Some(total + Decimal::new(1, minor));
        let issues = validate(&s, &kinds, Mode::Strict).issues;
        prop_assert!(issues.iter().any(|i| i.code == "invoice_total_mismatch" && i.path == "/invoice/total" && i.severity == Severity::Error));
    }
}

// ---------------------------------------------------------------------------
// Mutated and junk shipments
// ---------------------------------------------------------------------------

/// Every JSON Pointer in `v` (the root is "").
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        _ => {}
    }
}

fn junk() -> impl Strategy<Value = Value> {
    let long = "x".repeat(4001);
    prop_oneof![
        Just(Value::Null),
        Just(Value::Bool(true)),
        Just(serde_json::json!(0)),
        Just(serde_json::json!(-1)),
        Just(serde_json::json!(1.5)),
        Just(serde_json::json!(4294967295u64)),
        Just(serde_json::json!(1e300)),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        Just(serde_json::json!([{}])),
        prop::sample::select(vec![
            "",
            " ",
            "0",
            "-1",
            "0.0001",
            "1e3",
            "abc",
            "é",
            "aé",
            "0é",
            "\u{7}",
            "\u{0}",
            "\u{fffe}",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "0.00000000000000000000000000001",
            "2026-02-30",
            "2026-01-01",
            "9999-12-31",
            "-009999-01-01",
            "EE123456785IN",
            "EE123456789IN",
            "27AAPFU0939F1ZO",
            "09AAGCM7321Q1ZV",
            "AD090426004321M",
            "INR",
            "JPY",
            "MXN",
            "FOB",
            "CIF",
            "post",
            "sea",
            "personal",
            "gift",
            "sale_of_goods",
            "lut",
            "igst_paid",
            "IN",
            "US",
            "INNSA1",
            "INKNU5",
            "PCS",
            "gifts",
        ])
        .prop_map(|s| Value::String(s.to_string())),
        Just(Value::String(long)),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    Remove(Index),
    Replace(Index, Value),
    Grow(Index),
    Empty(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => any::<Index>().prop_map(Mutation::Remove),
        5 => (any::<Index>(), junk()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        1 => any::<Index>().prop_map(Mutation::Grow),
        1 => any::<Index>().prop_map(Mutation::Empty),
    ]
}

fn parent_and_key(p: &str) -> (&str, &str) {
    let i = p.rfind('/').unwrap();
    (&p[..i], &p[i + 1..])
}

fn apply(v: &mut Value, m: &Mutation) {
    let mut all = Vec::new();
    pointers(v, String::new(), &mut all);
    if all.is_empty() {
        return;
    }
    match m {
        Mutation::Remove(i) => {
            let p = all[i.index(all.len())].clone();
            let (parent, key) = parent_and_key(&p);
            match v.pointer_mut(parent) {
                Some(Value::Object(o)) => {
                    o.remove(key);
                }
                Some(Value::Array(a)) => {
                    let k: usize = key.parse().unwrap();
                    a.remove(k);
                }
                _ => {}
            }
        }
        Mutation::Replace(i, new) => {
            let p = all[i.index(all.len())].clone();
            if let Some(x) = v.pointer_mut(&p) {
                *x = new.clone();
            }
        }
        Mutation::Grow(i) | Mutation::Empty(i) => {
            let arrays: Vec<&String> =
                all.iter().filter(|p| v.pointer(p).is_some_and(Value::is_array)).collect();
            if arrays.is_empty() {
                return;
            }
            let p = arrays[i.index(arrays.len())].clone();
            if let Some(Value::Array(a)) = v.pointer_mut(&p) {
                if matches!(m, Mutation::Grow(_)) {
                    if let Some(first) = a.first().cloned() {
                        a.push(first.clone());
                        a.push(first);
                    }
                } else {
                    a.clear();
                }
            }
        }
    }
}

/// The document kinds the mutation properties run over.
fn all_kinds() -> Vec<DocKind> {
    DocKind::ALL.to_vec()
}

fn kinds_of(mask: u8) -> Vec<DocKind> {
    all_kinds().iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, k)| *k).collect()
}

/// Validates `input` every way and checks that each issue path resolves in it; returns how
/// many paths it checked.
fn check_paths(input: &Value, mask: u8) -> Result<usize, TestCaseError> {
    check(input, mask, true)
}

/// Parses and validates `input` every way; with `paths`, checks that every path resolves.
/// Returns how many validation issues had their path checked (0 without `paths`), so that
/// a loop that checks nothing is seen.
fn check(input: &Value, mask: u8, paths: bool) -> Result<usize, TestCaseError> {
    let mut checked = 0;
    let bytes = serde_json::to_vec(input).unwrap();
    let from_bytes = parse_json(&bytes);
    let from_value = parse_value(input);
    match (&from_bytes, &from_value) {
        (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
        (Err(a), Err(b)) => {
            prop_assert_eq!(&a.path, &b.path, "parse_json and parse_value disagree on the path");
            prop_assert!(
                !paths || input.pointer(&a.path).is_some(),
                "malformed-input path {:?} does not resolve: {}",
                a.path,
                a.message
            );
        }
        _ => prop_assert!(
            false,
            "parse_json and parse_value disagree: {:?} vs {:?}",
            from_bytes.as_ref().err(),
            from_value.as_ref().err()
        ),
    }
    let Ok(s) = from_bytes else { return Ok(checked) };
    let mut runs = vec![
        (DocKind::for_shipment(&s), Mode::Strict),
        (kinds_of(mask), Mode::Draft),
        (kinds_of(mask), Mode::Strict),
        (all_kinds(), Mode::Strict),
    ];
    runs.dedup();
    for (kinds, mode) in runs {
        for issue in validate(&s, &kinds, mode).issues {
            prop_assert!(
                !paths || input.pointer(&issue.path).is_some(),
                "path {:?} of {} does not resolve (for {:?}, {:?}): {}",
                issue.path,
                issue.code,
                kinds,
                mode,
                issue.message
            );
            checked += usize::from(paths);
            if issue.code == "missing_field" {
                prop_assert!(issue.params.contains_key("field"));
            }
        }
    }
    Ok(checked)
}

fn base_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        spec().prop_map(|sp| serde_json::to_value(build(&sp)).unwrap()),
        prop::sample::select(vec![0usize, 1, 2, 3]).prop_map(|i| {
            let text = [
                include_str!("../../examples/lucknow-chikankari-ebay.json"),
                include_str!("../../examples/varanasi-silk-amazon.json"),
                include_str!("../../examples/moradabad-brass-sea.json"),
                include_str!("../../examples/personal-gift.json"),
            ][i];
            serde_json::from_str(text).unwrap()
        }),
    ]
}

/// Runs `test` on `cases` values of `strategy` (a failing case is shrunk and reported) and
/// returns the sum of what it returned: how many paths were checked.
fn run_counting<S: Strategy>(
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<usize, TestCaseError>,
) -> usize {
    let checked = std::cell::Cell::new(0usize);
    let mut runner = TestRunner::new(ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    if let Err(e) = runner.run(&strategy, |v| {
        checked.set(checked.get() + test(v)?);
        Ok(())
    }) {
        panic!("{e}");
    }
    checked.get()
}

/// The path loops must have checked at least this many issue paths in their 600 cases: when
/// validation or the generators stop producing issues, they fail instead of passing empty.
/// Measured: about 900 (arbitrary JSON), 4,900 (mutated) and 4,600 (mutated, still parsing);
/// 0 for each with `validate` returning no issues (tried: all three fail).
const MIN_PATHS_CHECKED: usize = 300;

/// (c) Mutated shipments: validate never panics and every issue path resolves.
#[test]
fn mutated_shipments_report_resolvable_paths() {
    let strategy = (base_value(), prop::collection::vec(mutation(), 1..8), any::<u8>());
    let n = run_counting(600, strategy, |(mut v, muts, mask)| {
        for m in &muts {
            apply(&mut v, m);
        }
        check_paths(&v, mask)
    });
    eprintln!("{n} issue paths checked");
    assert!(n >= MIN_PATHS_CHECKED, "only {n} issue paths were checked");
}

/// (c) Type-preserving mutations (the input still parses): same properties.
#[test]
fn mutated_values_that_still_parse() {
    let strategy =
        (spec(), prop::collection::vec((any::<Index>(), any::<Index>()), 1..6), any::<u8>());
    let n = run_counting(600, strategy, |(sp, picks, mask)| {
        let mut v = serde_json::to_value(build(&sp)).unwrap();
        let mut strings = Vec::new();
        pointers(&v, String::new(), &mut strings);
        strings.retain(|p| v.pointer(p).is_some_and(Value::is_string));
        const POOL: &[&str] = &[
            "",
            " ",
            "0",
            "-1",
            "0.0001",
            "é",
            "aé",
            "0é",
            "\u{7}",
            "\u{fffe}",
            "-5",
            "1000000",
            "79228162514264337593543950335",
            "EE123456789IN",
            "27AAPFU0939F1ZO",
            "AD090426004321M",
            "INR",
            "JPY",
            "MXN",
            "XXX",
            "FOB",
            "IN",
            "INNSA1",
            "INKNU6",
            "gifts",
            "PIECES",
            "2026-01-01",
        ];
        for (at, with) in &picks {
            if strings.is_empty() {
                break;
            }
            let p = &strings[at.index(strings.len())];
            let new = POOL[with.index(POOL.len())];
            *v.pointer_mut(p).unwrap() = Value::String(new.to_string());
        }
        check_paths(&v, mask)
    });
    eprintln!("{n} issue paths checked");
    assert!(n >= MIN_PATHS_CHECKED, "only {n} issue paths were checked");
}

/// (c) Arbitrary JSON documents are refused or validated, never with a panic.
#[test]
fn arbitrary_json_never_panics() {
    run_counting(600, (arbitrary_json(), any::<u8>()), |(v, mask)| check(&v, mask, false));
}

/// (c) ... and every path reported for them resolves.
#[test]
fn arbitrary_json_paths_resolve() {
    let values = prop_oneof![
        arbitrary_json(),
        prop::collection::vec(arbitrary_json(), 0..3).prop_map(Value::Array)
    ];
    let n = run_counting(600, (values, any::<u8>()), |(v, mask)| check_paths(&v, mask));
    eprintln!("{n} issue paths checked");
    assert!(n >= MIN_PATHS_CHECKED, "only {n} issue paths were checked");
}

/// Random JSON whose keys are mostly the model's own, so that parsing gets deep.
fn arbitrary_json() -> impl Strategy<Value = Value> {
    const KEYS: &[&str] = &[
        "purpose",
        "exporter",
        "consignee",
        "buyer",
        "destination_country",
        "invoice",
        "terms",
        "tax",
        "currency",
        "exchange_rate",
        "sdr_rate",
        "charges",
        "transport",
        "items",
        "packages",
        "postal",
        "ecommerce",
        "export_declaration",
        "signatory",
        "kind",
        "number",
        "date",
        "quantity",
        "unit_price",
        "amount",
        "gstin",
        "pan",
        "iec",
        "address",
        "country",
        "mode",
        "post",
        "contents",
        "line",
        "to",
        "rate",
        "per",
        "arn",
        "unknown",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| serde_json::json!(f)),
        "[ -~]{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "lut",
            "igst_paid",
            "post",
            "personal",
            "commercial",
            "1",
            "2026-11-20",
            "EE123456785IN"
        ])
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(6, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop::sample::select(KEYS.to_vec()).prop_map(String::from),
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn generator_covers_every_document() {
    // A fixed sample of specs reaches each default document set at least once.
    use proptest::strategy::ValueTree;
    let mut runner = TestRunner::deterministic();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..400 {
        let sp = spec().new_tree(&mut runner).unwrap().current();
        seen.insert(DocKind::for_shipment(&build(&sp)));
    }
    use DocKind::*;
    for want in [
        vec![CommercialInvoice, PackingList, IecDetails],
        vec![CommercialInvoice, PackingList, IecDetails, Cn22, Pbe],
        vec![CommercialInvoice, PackingList, IecDetails, Cn23, Pbe],
        vec![Cn22],
        vec![Cn23],
    ] {
        assert!(seen.contains(&want), "the generator never produced {want:?}; saw {seen:?}");
    }
}

#[test]
fn s10_helper_matches_the_published_example() {
    assert_eq!(s10("EE", 12_345_678), "EE123456785IN");
    let _: Date = date(2026, 1, 1);
}
