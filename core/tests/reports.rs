//! GSTR-1 Table 6A and realisation reports over the month of example shipments
//! (examples/month) and over shipments changed for one case each. Expected values are worked
//! out from the rules (Table 6A layout, Rule 46 numbering, FEMA 15 months), not copied from
//! output.
#![allow(clippy::disallowed_methods)] // the tests read the bundled examples; the library may not
#![allow(clippy::unwrap_used, clippy::panic)]

use jiff::civil::date;
use niryat::report::{self, gstr1::ExportType, Period, RealisationStatus, ReportInput};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn month_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/month")
}

fn load(name: &str) -> ReportInput {
    let bytes = std::fs::read(month_dir().join(name)).unwrap();
    ReportInput { name: name.to_string(), shipment: niryat::parse_json(&bytes).unwrap() }
}

fn month() -> Vec<ReportInput> {
    let mut names: Vec<String> = std::fs::read_dir(month_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names.iter().map(|n| load(n)).collect()
}

fn march() -> Period {
    Period::parse("2026-03").unwrap()
}

fn dec(s: &str) -> rust_decimal::Decimal {
    s.parse().unwrap()
}

#[test]
fn gstr1_reports_the_march_invoices_only() {
    let r = report::gstr1(&month(), march());
    assert_eq!(r.fp, "032026");
    assert_eq!(r.gstin.as_deref(), Some("09AAKAK5123M1Z9"));
    let numbers: Vec<&str> = r.invoices.iter().map(|i| i.number.as_str()).collect();
    // 2024-11 and 2026-04 invoices are outside the period; order is by date.
    assert_eq!(numbers, ["KBSHG/2526/101", "KBSHG/2526/102", "KBSHG/2526/103"]);
    assert!(!r.has_errors(), "{:?}", r.issues);
}

#[test]
fn gstr1_values_follow_the_invoice_arithmetic() {
    let r = report::gstr1(&month(), march());
    let inv = &r.invoices[0];
    assert_eq!(inv.export_type, ExportType::WithPayment);
    assert_eq!(inv.date, "04-03-2026");
    // 2 × 145 + 2 × 38 + 24 freight = 390 GBP × 111.30 = 43,407.00 INR.
    assert_eq!(inv.value, dec("43407.00"));
    // Freight shared by line amount: 43,407 × 290/366 = 34,393.52; the rest 9,013.48.
    assert_eq!(inv.items.len(), 2);
    assert_eq!((inv.items[0].rate, inv.items[0].taxable_value), (dec("5"), dec("34393.52")));
    assert_eq!((inv.items[1].rate, inv.items[1].taxable_value), (dec("18"), dec("9013.48")));
    // IGST: 5 % of 34,393.52 = 1,719.676 → 1,719.68; 18 % of 9,013.48 = 1,622.4264 → 1,622.43.
    assert_eq!(inv.items[0].igst, dec("1719.68"));
    assert_eq!(inv.items[1].igst, dec("1622.43"));
    // The PBE was filed at the FPO of the booking (transport.post.fpo_code).
    assert_eq!((inv.port_code.as_str(), inv.bill_number.as_str()), ("INVNS5", "2003456"));
    assert_eq!(inv.bill_date, "05-03-2026");
}

#[test]
fn gstr1_lut_export_is_wopay_without_igst() {
    let r = report::gstr1(&month(), march());
    let inv = r.invoices.iter().find(|i| i.number == "KBSHG/2526/102").unwrap();
    assert_eq!(inv.export_type, ExportType::WithoutPayment);
    assert!(inv.items.iter().all(|i| i.igst.is_zero()));
}

#[test]
fn gstr1_row_without_pbe_is_reported_not_dropped() {
    let r = report::gstr1(&month(), march());
    let inv = r.invoices.iter().find(|i| i.number == "KBSHG/2526/102").unwrap();
    assert_eq!((inv.bill_number.as_str(), inv.bill_date.as_str()), ("", ""));
    let pending: Vec<_> =
        r.issues.iter().filter(|i| i.code == "export_declaration_pending").collect();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].file, "2026-03-12-kbshg-102.json");
    assert_eq!(pending[0].severity, niryat::Severity::Warning);
    assert!(pending[0].message.contains("number") && pending[0].message.contains("date"));
    // The JSON leaves the unknown keys out rather than sending empty strings.
    let json: Value = serde_json::from_str(&r.offline_json()).unwrap();
    let wopay = &json["exp"].as_array().unwrap()[1];
    assert_eq!(wopay["exp_typ"], "WOPAY");
    assert!(wopay["inv"][0].get("sbnum").is_none());
    assert!(wopay["inv"][0].get("sbdt").is_none());
}

/// The structure the offline tool / GSTN API accepts for the `exp` section (domain reference
/// §5.3): every key present with the right JSON type, dates dd-mm-yyyy, types WPAY/WOPAY.
#[test]
fn gstr1_json_has_the_offline_tool_structure() {
    let r = report::gstr1(&month(), march());
    let json: Value = serde_json::from_str(&r.offline_json()).unwrap();
    let root = json.as_object().unwrap();
    let mut keys: Vec<&str> = root.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["exp", "fp", "gstin"]);
    assert_eq!(json["fp"], "032026");
    let is_dmy = |v: &Value| {
        let s = v.as_str().unwrap_or_default();
        let b = s.as_bytes();
        b.len() == 10
            && b[2] == b'-'
            && b[5] == b'-'
            && s.replace('-', "").bytes().all(|c| c.is_ascii_digit())
    };
    let mut invoices = 0;
    for group in json["exp"].as_array().unwrap() {
        let t = group["exp_typ"].as_str().unwrap();
        assert!(t == "WPAY" || t == "WOPAY");
        for inv in group["inv"].as_array().unwrap() {
            invoices += 1;
            assert!(inv["inum"].is_string());
            let n = inv["inum"].as_str().unwrap();
            assert!(n.len() <= 16, "GST invoice numbers are at most 16 characters");
            assert!(is_dmy(&inv["idt"]));
            assert!(inv["val"].is_number());
            if let Some(d) = inv.get("sbdt") {
                assert!(is_dmy(d));
                assert!(inv["sbnum"].is_string());
            }
            assert_eq!(inv["sbpcode"].as_str().map(str::len), Some(6));
            let itms = inv["itms"].as_array().unwrap();
            assert!(!itms.is_empty());
            let mut txval = 0.0;
            for it in itms {
                for k in ["txval", "rt", "iamt", "csamt"] {
                    assert!(it[k].is_number(), "{k} in {it}");
                }
                txval += it["txval"].as_f64().unwrap();
                if t == "WOPAY" {
                    assert_eq!(it["iamt"].as_f64(), Some(0.0));
                }
            }
            // Without cess or discounts the taxable values add up to the invoice value.
            assert!((txval - inv["val"].as_f64().unwrap()).abs() < 0.005);
        }
    }
    assert_eq!(invoices, 3);
}

#[test]
fn gstr1_csv_has_a_row_per_invoice_and_rate() {
    let csv = report::gstr1(&month(), march()).csv();
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], report::gstr1::CSV_HEADINGS.join(","));
    assert_eq!(lines.len(), 1 + 3 * 2);
    assert!(lines[1].starts_with(
        "EXPWP,KBSHG/2526/101,04-03-2026,43407.00,INVNS5,2003456,05-03-2026,5,34393.52,1719.68,0,"
    ));
}

fn renumbered(name: &str, number: &str, when: jiff::civil::Date, label: &str) -> ReportInput {
    let mut i = load(name);
    let inv = i.shipment.invoice.get_or_insert_with(Default::default);
    inv.number = Some(number.to_string());
    inv.date = Some(when);
    i.name = label.to_string();
    i
}

#[test]
fn duplicate_invoice_number_across_files_names_both() {
    let mut inputs = month();
    inputs.push(renumbered(
        "2026-03-27-kbshg-103.json",
        "KBSHG/2526/101",
        date(2026, 3, 30),
        "copy.json",
    ));
    let r = report::gstr1(&inputs, march());
    let dup: Vec<_> = r.issues.iter().filter(|i| i.code == "invoice_number_duplicate").collect();
    assert_eq!(dup.len(), 1);
    assert_eq!(dup[0].severity, niryat::Severity::Error);
    assert_eq!(dup[0].file, "copy.json");
    assert_eq!(dup[0].path, "/invoice/number");
    assert!(dup[0].message.contains("2026-03-04-kbshg-101.json"), "{}", dup[0].message);
    assert!(dup[0].message.contains("copy.json"));
    assert!(dup[0].message.contains("2025-26"));
    assert!(r.has_errors());
}

#[test]
fn duplicates_count_across_the_year_not_only_the_period() {
    // The same number in February (same financial year) is a duplicate of a March invoice,
    // though only March is reported.
    let mut inputs = month();
    inputs.push(renumbered(
        "2026-03-27-kbshg-103.json",
        "kbshg/2526/102",
        date(2026, 2, 10),
        "feb.json",
    ));
    let r = report::gstr1(&inputs, march());
    assert!(r.issues.iter().any(|i| i.code == "invoice_number_duplicate" && i.file == "feb.json"));
}

#[test]
fn files_spanning_two_financial_years_may_reuse_a_number() {
    // 31 March 2026 closes FY 2025-26; 1 April 2026 opens FY 2026-27: a series restarts.
    let inputs = vec![
        renumbered("2026-03-27-kbshg-103.json", "KBSHG/001", date(2026, 3, 31), "march.json"),
        renumbered("2026-04-02-kbshg-001.json", "KBSHG/001", date(2026, 4, 1), "april.json"),
    ];
    for (period, file) in [("2026-03", "march.json"), ("2026-04", "april.json")] {
        let r = report::gstr1(&inputs, Period::parse(period).unwrap());
        assert!(r.issues.iter().all(|i| i.code != "invoice_number_duplicate"), "{:?}", r.issues);
        assert_eq!(r.invoices.len(), 1);
        assert_eq!(r.invoices[0].file, file);
    }
    // The same two files a year apart on the same side of April are one year: a duplicate.
    let inputs = vec![
        renumbered("2026-03-27-kbshg-103.json", "KBSHG/001", date(2026, 4, 30), "april.json"),
        renumbered("2026-04-02-kbshg-001.json", "KBSHG/001", date(2027, 3, 31), "march.json"),
    ];
    let r = report::gstr1(&inputs, Period::parse("2026-04").unwrap());
    assert!(r
        .issues
        .iter()
        .any(|i| i.code == "invoice_number_duplicate" && i.message.contains("2026-27")));
}

#[test]
fn gstr1_leaves_out_what_is_not_a_gst_export_and_says_so() {
    let mut inputs = vec![load("2026-03-04-kbshg-101.json")];
    inputs[0].shipment.tax = Some(niryat::model::TaxTreatment::Unregistered {});
    let r = report::gstr1(&inputs, march());
    assert!(r.invoices.is_empty());
    assert_eq!(r.issues[0].code, "gstr1_not_reportable");
}

#[test]
fn gstr1_refuses_two_gstins_in_one_return() {
    let mut inputs = month();
    inputs[2].shipment.exporter.as_mut().unwrap().gstin = Some("27AAPFU0939F1ZV".into());
    let r = report::gstr1(&inputs, march());
    assert!(r
        .issues
        .iter()
        .any(|i| i.code == "gstr1_gstin_mismatch" && i.path == "/exporter/gstin"));
}

#[test]
fn realisation_due_dates_are_fifteen_months_after_export() {
    let r = report::realisation(&month(), date(2026, 4, 30));
    let row = |n: &str| r.rows.iter().find(|x| x.invoice_number == n).unwrap();
    // PBE dated 5 March 2026 → due 5 June 2027.
    let a = row("KBSHG/2526/101");
    assert_eq!(
        (a.export_date.as_str(), a.export_date_source),
        ("2026-03-05", "export_declaration")
    );
    assert_eq!(a.due_date, "2027-06-05");
    assert_eq!(a.status, RealisationStatus::Realised);
    assert_eq!(a.certificates, ["EBRC-0051230004567-26-000311"]);
    // No PBE yet: the dispatch date stands in.
    let b = row("KBSHG/2526/102");
    assert_eq!((b.export_date.as_str(), b.export_date_source), ("2026-03-12", "dispatch"));
    assert_eq!(b.due_date, "2027-06-12");
    assert_eq!(b.status, RealisationStatus::PartRealised);
    assert!(b.part_realised && !b.overdue);
    assert_eq!((b.realised, b.outstanding), (dec("200.00"), dec("190.00")));
    assert_eq!(row("KBSHG/2526/103").status, RealisationStatus::Outstanding);
}

#[test]
fn realisation_flags_overdue_after_the_due_date_only() {
    // Exported 21 Nov 2024 → due 21 Feb 2026; 150 of 390 GBP received.
    let on_due = report::realisation(&month(), date(2026, 2, 21));
    let old = on_due.rows.iter().find(|x| x.invoice_number == "KBSHG/2425/077").unwrap();
    assert_eq!(old.due_date, "2026-02-21");
    assert!(!old.overdue, "the due date itself is still in time");
    assert_eq!(old.status, RealisationStatus::PartRealised);
    let after = report::realisation(&month(), date(2026, 2, 22));
    let old = after.rows.iter().find(|x| x.invoice_number == "KBSHG/2425/077").unwrap();
    assert!(old.overdue && old.part_realised);
    assert_eq!(old.status, RealisationStatus::Overdue);
    // A fully realised invoice is never overdue.
    let late = report::realisation(&month(), date(2030, 1, 1));
    let a = late.rows.iter().find(|x| x.invoice_number == "KBSHG/2526/101").unwrap();
    assert_eq!(a.status, RealisationStatus::Realised);
}

#[test]
fn realisation_csv_and_json_say_the_same() {
    let r = report::realisation(&month(), date(2026, 4, 30));
    let csv = r.csv();
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + r.rows.len());
    assert_eq!(r.rows.len(), 5);
    assert!(lines[1].starts_with("KBSHG/2425/077,20-11-2024,21-11-2024,export_declaration,21-02-2026,GBP,390.00,150.00,240.00,BOB/FIRC/2025/0102,overdue,"));
    let json: Value = serde_json::from_str(&r.json()).unwrap();
    assert_eq!(json["as_of"], "2026-04-30");
    assert_eq!(json["rows"][0]["status"], "overdue");
    assert_eq!(json["rows"][0]["outstanding"], "240.00");
}

#[test]
fn reports_never_panic_on_empty_shipments() {
    let inputs = vec![ReportInput { name: "empty.json".into(), shipment: Default::default() }];
    let g = report::gstr1(&inputs, march());
    assert!(g.invoices.is_empty());
    assert_eq!(g.issues[0].code, "missing_field");
    let r = report::realisation(&inputs, date(2026, 1, 1));
    assert!(r.rows.is_empty());
    assert_eq!(r.issues[0].code, "missing_field");
}

/// The codes only reports and the order import give are each produced here (the fixture
/// cases of `validate` cannot produce them; core/tests/catalogue.rs leaves them to this test).
#[test]
fn every_report_code_is_produced() {
    use niryat::orders::{self, Catalogue, Marketplace};
    let mut seen = std::collections::BTreeSet::new();
    let mut inputs = month();
    inputs.push(renumbered(
        "2026-03-27-kbshg-103.json",
        "KBSHG/2526/101",
        date(2026, 3, 30),
        "copy.json",
    ));
    inputs[2].shipment.exporter.as_mut().unwrap().gstin = Some("27AAPFU0939F1ZV".into());
    let mut unregistered = load("2026-03-04-kbshg-101.json");
    unregistered.shipment.tax = Some(niryat::model::TaxTreatment::Unregistered {});
    inputs.push(unregistered);
    seen.extend(report::gstr1(&inputs, march()).issues.iter().map(|i| i.code));
    let dir = month_dir().join("../orders");
    let text = |n: &str| std::fs::read_to_string(dir.join(n)).unwrap();
    let template = orders::template(text("exporter.json").as_bytes()).unwrap();
    let amazon = text("amazon-order-report.txt");
    let mut cat = Catalogue::parse(&text("skus.csv")).unwrap();
    cat.products.clear();
    let ok = orders::import(Marketplace::Amazon, &amazon, &template, Some(&cat)).unwrap();
    seen.extend(ok.issues.iter().map(|i| i.code));
    for bad in [amazon.replace("ship-city", "city"), amazon.replace("\tGB\t", "\tZZ\t")] {
        let e = orders::import(Marketplace::Amazon, &bad, &template, None).unwrap_err();
        seen.extend(e.iter().map(|i| i.code));
    }
    let missing: Vec<_> = report::CODES.iter().filter(|c| !seen.contains(*c)).collect();
    assert!(missing.is_empty(), "not produced: {missing:?}");
    for c in report::CODES {
        assert!(
            niryat::rules::catalogue::ALL.iter().any(|r| r.code == *c),
            "{c} not in the catalogue"
        );
    }
}

/// What Python and WASM return: the report as the CLI writes it, and its issues.
#[test]
fn front_end_output_is_the_cli_report_and_its_issues() {
    use niryat::render::Lang;
    use report::ReportFormat;
    let inputs = month();
    let r = report::gstr1(&inputs, march());
    let out = report::gstr1_output(&inputs, march(), ReportFormat::Json, Lang::En);
    assert_eq!(out.report, serde_json::from_str::<Value>(&r.offline_json()).unwrap());
    assert_eq!((out.issues.as_slice(), out.has_errors), (r.issues.as_slice(), false));
    let csv = report::gstr1_output(&inputs, march(), ReportFormat::Csv, Lang::Hi);
    assert_eq!(csv.report, Value::String(r.csv()));
    assert_eq!(csv.issues, r.in_lang(Lang::Hi).issues);
    assert_ne!(csv.issues[0].message, r.issues[0].message);
    let when = date(2026, 4, 30);
    let real = report::realisation_output(&inputs, when, ReportFormat::Json, Lang::En);
    let want: Value = serde_json::from_str(&report::realisation(&inputs, when).json()).unwrap();
    assert_eq!(real.report, want);
    // The import: drafts, or the errors that stopped it (a bad catalogue stops it too).
    use niryat::orders::{self, Marketplace};
    let dir = month_dir().join("../orders");
    let text = |n: &str| std::fs::read_to_string(dir.join(n)).unwrap();
    let template = orders::template(text("exporter.json").as_bytes()).unwrap();
    let amazon = text("amazon-order-report.txt");
    let ok = report::import_output(
        Marketplace::Amazon,
        &amazon,
        &template,
        Some(&text("skus.csv")),
        Lang::En,
    );
    assert!(ok.ok && ok.issues.is_empty());
    assert_eq!(ok.orders.len(), 2);
    let bad =
        report::import_output(Marketplace::Amazon, &amazon, &template, Some("x\r\n"), Lang::Hi);
    assert!(!bad.ok && bad.orders.is_empty());
    assert_eq!(bad.issues[0].message, "SKU कैटलॉग में अज्ञात कॉलम हैं: x; ज्ञात कॉलम: sku, description, hs_code, unit, net_weight_kg, gross_weight_kg, gst_rate, origin_country");
}
