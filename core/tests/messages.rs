//! Issue messages in English and Hindi: every catalogue code has templates in both
//! languages with the same placeholders, every issue the shared fixture cases produce (and
//! every issue the reports and the order import give on the examples and on inputs spoilt
//! for each message) has every param its template names, and the Hindi of one validation
//! and one report issue reads as it should.
#![allow(clippy::disallowed_methods)] // a test reads the fixture files; the library may not
#![allow(clippy::unwrap_used, clippy::panic)]

use jiff::civil::date;
use niryat::messages::{
    converter_message, placeholders, template, Template, CONVERTERS, MALFORMED, PHRASES, TEMPLATES,
};
use niryat::orders::{self, Catalogue, ImportIssue, Marketplace};
use niryat::render::Lang;
use niryat::report::{self, Period, ReportInput, ReportIssue};
use niryat::rules::catalogue::ALL;
use niryat::{parse_value, validate, DocKind, Issue, Mode};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Formats a placeholder may name (see `niryat::messages`).
const FORMATS: &[&str] = &["", "q", "docs", "phrase", "dotted", "state", "product", "oneof"];

/// What is wrong with a set of templates: codes without one, templates of unknown codes,
/// Hindi missing or with other placeholders than the English, unknown formats.
fn template_problems(templates: &[Template], codes: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    for code in codes {
        if !templates.iter().any(|t| t.code == *code) {
            problems.push(format!("{code}: no message template"));
        }
    }
    for (i, t) in templates.iter().enumerate() {
        let id = t.id();
        if !codes.contains(&t.code) {
            problems.push(format!("{id}: not a catalogue code"));
        }
        if templates[..i].iter().any(|o| o.code == t.code && o.variant == t.variant) {
            problems.push(format!("{id}: two templates"));
        }
        if t.en.trim().is_empty() {
            problems.push(format!("{id}: no English text"));
        }
        if !t.hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)) {
            problems.push(format!("{id}: no Hindi text (no Devanagari)"));
        }
        let mut en = placeholders(t.en);
        let mut hi = placeholders(t.hi);
        for (name, format) in en.iter().chain(&hi) {
            if !FORMATS.contains(format) {
                problems.push(format!("{id}: unknown format {format:?} of {{{name}}}"));
            }
        }
        en.sort_unstable();
        hi.sort_unstable();
        if en != hi {
            problems.push(format!("{id}: English names {en:?} but Hindi {hi:?}"));
        }
    }
    problems
}

fn codes() -> Vec<&'static str> {
    ALL.iter().map(|r| r.code).collect()
}

#[test]
fn every_code_has_english_and_hindi_with_the_same_placeholders() {
    let problems = template_problems(TEMPLATES, &codes());
    assert!(problems.is_empty(), "message templates:\n  {}", problems.join("\n  "));
    // Every code's messages are counted: at least one per code, 128 in all today.
    assert!(TEMPLATES.len() >= ALL.len());
}

#[test]
fn the_template_guard_catches_what_it_should() {
    let good = Template {
        code: "pan_format",
        variant: "",
        en: "{value:q} is not a PAN.",
        hi: "{value:q} PAN नहीं है।",
    };
    assert!(template_problems(&[good], &["pan_format"]).is_empty());
    // A code without a template.
    assert_eq!(template_problems(&[good], &["pan_format", "iec_format"]).len(), 1);
    // Hindi missing (English copied), a placeholder renamed, one dropped, a format changed.
    for hi in ["{value:q} is not a PAN.", "{pan:q} PAN नहीं है।", "PAN नहीं है।", "{value} PAN नहीं है।"]
    {
        let bad = Template { hi, ..good };
        assert_eq!(template_problems(&[bad], &["pan_format"]).len(), 1, "{hi}");
    }
}

#[test]
fn every_phrase_has_hindi() {
    for (key, en, hi) in PHRASES {
        assert!(!en.is_empty(), "{key}");
        assert!(hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)) || hi == en, "{key}");
    }
    for (i, (key, ..)) in PHRASES.iter().enumerate() {
        assert!(!PHRASES[..i].iter().any(|p| p.0 == *key), "phrase {key} twice");
    }
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/cases")
}

/// Every issue of every shared fixture case (for its documents and mode), and of the
/// examples for every document in both modes.
fn fixture_issues() -> Vec<(String, Issue)> {
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(cases_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for file in files {
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let shipment = parse_value(&case["shipment"]).unwrap();
        let kinds: Vec<DocKind> = match case.get("for").and_then(Value::as_array) {
            Some(names) => {
                names.iter().map(|n| DocKind::from_name(n.as_str().unwrap()).unwrap()).collect()
            }
            None => DocKind::for_shipment(&shipment),
        };
        let mode =
            if case.get("draft") == Some(&Value::Bool(true)) { Mode::Draft } else { Mode::Strict };
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        for issue in validate(&shipment, &kinds, mode).issues {
            out.push((name.clone(), issue));
        }
        for mode in [Mode::Strict, Mode::Draft] {
            for issue in validate(&shipment, &DocKind::ALL, mode).issues {
                out.push((format!("{name} (every document)"), issue));
            }
        }
    }
    out
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn month_file(name: &str) -> ReportInput {
    let bytes = std::fs::read(root().join("examples/month").join(name)).unwrap();
    ReportInput { name: name.to_string(), shipment: niryat::parse_json(&bytes).unwrap() }
}

/// The month of examples with files added or spoilt so that the reports give every message
/// they have (each variant of each code).
fn spoilt_month() -> Vec<ReportInput> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("examples/month"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let mut inputs: Vec<ReportInput> = names.iter().map(|n| month_file(n)).collect();
    // A second GSTIN in one return.
    inputs[2].shipment.exporter.as_mut().unwrap().gstin = Some("27AAPFU0939F1ZV".into());
    let variant = |label: &str, number: Option<&str>, change: &dyn Fn(&mut niryat::Shipment)| {
        let mut i = month_file("2026-03-04-kbshg-101.json");
        i.name = label.to_string();
        i.shipment.invoice.as_mut().unwrap().number = number.map(str::to_string);
        change(&mut i.shipment);
        i
    };
    inputs.extend([
        // An invoice number used twice in the year.
        variant("copy.json", Some("KBSHG/2526/101"), &|s| {
            s.invoice.as_mut().unwrap().date = Some(date(2026, 3, 30));
        }),
        // Not a GST export.
        variant("unregistered.json", Some("U1"), &|s| {
            s.tax = Some(niryat::model::TaxTreatment::Unregistered {});
        }),
        // One shipping bill field pending (the example 102 has all three pending).
        variant("one-pending.json", Some("X1"), &|s| {
            s.export_declaration.as_mut().unwrap().number = None;
        }),
        // No quantity: no values in INR, no invoice value.
        variant("no-quantity.json", Some("X2"), &|s| s.items[0].quantity = None),
        // A realisation without an amount.
        variant("no-amount.json", Some("X3"), &|s| {
            for r in &mut s.realisations {
                r.amount = None;
            }
        }),
        variant("no-gstin.json", Some("X4"), &|s| s.exporter.as_mut().unwrap().gstin = None),
        variant("no-rate.json", Some("X5"), &|s| {
            for i in &mut s.items {
                i.gst_rate = None;
            }
            s.tax = Some(niryat::model::TaxTreatment::IgstPaid { rate: None, amount: None });
        }),
        variant("no-number.json", None, &|_| {}),
        ReportInput { name: "empty.json".into(), shipment: niryat::Shipment::default() },
    ]);
    inputs
}

/// A report's issue as an [`Issue`], after checking that it renders as one would.
fn as_issue(case: &str, r: &ReportIssue) -> (String, Issue) {
    let issue = Issue {
        code: r.code,
        path: r.path.clone(),
        severity: r.severity,
        message: r.message.clone(),
        params: r.params.clone(),
        variant: r.variant,
    };
    for lang in [Lang::En, Lang::Hi, Lang::EnHi] {
        assert_eq!(r.message_in(lang), issue.message_in(lang), "{case}");
    }
    (format!("{case} {}", r.file), issue)
}

/// An import's issue as an [`Issue`] (no path: it names a line and column instead).
fn import_as_issue(case: &str, r: &ImportIssue) -> (String, Issue) {
    let issue = Issue {
        code: r.code,
        path: String::new(),
        severity: r.severity,
        message: r.message.clone(),
        params: r.params.clone(),
        variant: r.variant,
    };
    for lang in [Lang::En, Lang::Hi, Lang::EnHi] {
        assert_eq!(r.message_in(lang), issue.message_in(lang), "{case}");
    }
    (format!("{case} line {:?}", r.line), issue)
}

fn orders_text(name: &str) -> String {
    std::fs::read_to_string(root().join("examples/orders").join(name)).unwrap()
}

/// Every issue the reports give on [`spoilt_month`], and the order import on the example
/// reports and catalogue and on copies spoilt for each of its messages.
fn report_issues() -> Vec<(String, Issue)> {
    let mut out = Vec::new();
    let inputs = spoilt_month();
    for r in &report::gstr1(&inputs, Period::parse("2026-03").unwrap()).issues {
        out.push(as_issue("gstr1", r));
    }
    for r in &report::realisation(&inputs, date(2026, 4, 30)).issues {
        out.push(as_issue("realisation", r));
    }
    let template = orders::template(orders_text("exporter.json").as_bytes()).unwrap();
    let amazon = orders_text("amazon-order-report.txt");
    let ebay = orders_text("ebay-orders.csv");
    let mut empty_catalogue = Catalogue::parse(&orders_text("skus.csv")).unwrap();
    empty_catalogue.products.clear();
    let no_order_id: String = amazon.replacen("\n204-7719023-5531147\t", "\n\t", 1);
    let imports = [
        ("amazon, empty catalogue", Marketplace::Amazon, amazon.clone(), Some(&empty_catalogue)),
        ("amazon, renamed column", Marketplace::Amazon, amazon.replace("ship-city", "city"), None),
        ("amazon, bad country", Marketplace::Amazon, amazon.replace("\tGB\t", "\tZZ\t"), None),
        ("amazon, bad price", Marketplace::Amazon, amazon.replace("\t290.00\t", "\tabc\t"), None),
        ("amazon, bad date", Marketplace::Amazon, amazon.replace("2026-11", "20x6-11"), None),
        (
            "amazon, bad quantity",
            Marketplace::Amazon,
            amazon.replace("\t2\tGBP\t", "\t-2\tGBP\t"),
            None,
        ),
        ("amazon, no order id", Marketplace::Amazon, no_order_id, None),
        ("amazon, empty", Marketplace::Amazon, String::new(), None),
        ("ebay as amazon", Marketplace::Amazon, ebay.clone(), None),
        ("ebay", Marketplace::Ebay, ebay.clone(), Some(&empty_catalogue)),
        ("ebay, renamed column", Marketplace::Ebay, ebay.replace("Order Number", "Order No"), None),
    ];
    for (case, market, text, catalogue) in imports {
        let issues = match orders::import(market, &text, &template, catalogue) {
            Ok(imported) => {
                for o in &imported.orders {
                    out.extend(o.check.issues.iter().map(|i| (format!("{case} draft"), i.clone())));
                }
                imported.issues
            }
            Err(e) => e,
        };
        out.extend(issues.iter().map(|i| import_as_issue(case, i)));
    }
    for csv in [
        "",
        "sku,hs,weight\r\nA,1,2\r\n",
        "hs_code\r\n1\r\n",
        "sku,net_weight_kg\r\nA,heavy\r\nA,1\r\n,2\r\n",
    ] {
        for i in Catalogue::parse(csv).err().unwrap_or_default() {
            out.push(import_as_issue("catalogue", &i));
        }
    }
    out
}

#[test]
fn report_and_import_issues_give_every_message_they_have() {
    let issues = report_issues();
    let mut seen = std::collections::BTreeSet::new();
    for (_, issue) in &issues {
        seen.insert((issue.code, issue.variant));
    }
    // Every template of a report code, and the report variants of missing_field, is produced.
    let wanted: Vec<_> = TEMPLATES
        .iter()
        .filter(|t| report::CODES.contains(&t.code) || t.variant.starts_with("report"))
        .map(|t| (t.code, t.variant))
        .collect();
    let unseen: Vec<_> = wanted.iter().filter(|w| !seen.contains(w)).collect();
    assert!(unseen.is_empty(), "not produced: {unseen:?}");
    assert!(wanted.len() >= 24, "{}", wanted.len());
}

#[test]
fn every_fixture_issue_has_the_params_its_template_names() {
    let mut issues = fixture_issues();
    assert!(issues.len() > 500, "only {} issues: the cases stopped producing them", issues.len());
    // The codes only the reports and the order import give (report::CODES) come from them.
    issues.extend(report_issues());
    assert!(issues.len() > 500, "only {} issues: the cases stopped producing them", issues.len());
    let mut codes_seen = std::collections::BTreeSet::new();
    for (case, issue) in &issues {
        let t = template(issue.code, issue.variant)
            .unwrap_or_else(|| panic!("{case}: no template for {}.{}", issue.code, issue.variant));
        for (name, format) in placeholders(t.en) {
            let value = issue.params.get(name).unwrap_or_else(|| {
                panic!("{case}: {} has no param {name:?} for its message: {issue:?}", t.id())
            });
            if format == "phrase" {
                assert!(PHRASES.iter().any(|p| p.0 == value), "{case}: no phrase {value:?}");
            }
        }
        for lang in [Lang::En, Lang::Hi, Lang::EnHi] {
            let m = issue.message_in(lang);
            assert!(!m.is_empty() && !m.contains('{'), "{case}: {} in {lang:?}: {m}", t.id());
        }
        assert_eq!(issue.message, issue.message_in(Lang::En), "{case}: message is English");
        codes_seen.insert(issue.code);
    }
    // The cases produce every code of `validate` (tests/catalogue.rs) and the reports and
    // import every code of report::CODES, so every code's params were checked.
    for c in report::CODES {
        assert!(codes_seen.contains(c), "{c}: no report or import issue produced it");
    }
    assert_eq!(codes_seen.len(), ALL.len());
}

fn lucknow_with_wrong_check_character() -> niryat::Shipment {
    let text =
        std::fs::read_to_string(cases_dir().join("lucknow-gstin-check-character.json")).unwrap();
    let case: Value = serde_json::from_str(&text).unwrap();
    parse_value(&case["shipment"]).unwrap()
}

#[test]
fn a_report_in_hindi() {
    let s = lucknow_with_wrong_check_character();
    let report = validate(&s, &DocKind::for_shipment(&s), Mode::Strict);
    let hi = report.in_lang(Lang::Hi);
    assert_eq!(hi.issues.len(), report.issues.len());
    for (h, e) in hi.issues.iter().zip(&report.issues) {
        // Only the message changes.
        assert_eq!(
            (h.code, &h.path, h.severity, &h.params),
            (e.code, &e.path, e.severity, &e.params)
        );
    }
    let issue = hi.issues.iter().find(|i| i.code == "gstin_checksum").unwrap();
    let gstin = &issue.params["gstin"];
    let want = issue.params["expected"].clone();
    assert_eq!(
        issue.message,
        format!("GSTIN {gstin} का जाँच अक्षर गलत है: 15वाँ अक्षर {want} होना चाहिए। शायद कोई अक्षर गलत टाइप हुआ है।")
    );
    // English first, then Hindi.
    let both = report.in_lang(Lang::EnHi);
    let e = report.issues.iter().find(|i| i.code == "gstin_checksum").unwrap();
    let b = both.issues.iter().find(|i| i.code == "gstin_checksum").unwrap();
    assert_eq!(b.message, format!("{} / {}", e.message, issue.message));
}

#[test]
fn hindi_names_the_documents_and_the_field() {
    // A missing field: the dotted field stays as typed, the documents are named in Hindi.
    let s = parse_value(&serde_json::json!({"purpose": "commercial"})).unwrap();
    let report = validate(&s, &[DocKind::CommercialInvoice, DocKind::Pbe], Mode::Strict);
    let en = report.issues.iter().find(|i| i.code == "missing_field").unwrap();
    assert_eq!(
        en.message,
        "exporter is required for the commercial invoice, Postal Bill of Export."
    );
    assert_eq!(en.message_in(Lang::Hi), "वाणिज्यिक बीजक, डाक निर्यात बिल के लिए exporter आवश्यक है।");
}

#[test]
fn every_code_says_what_it_checks_in_hindi() {
    let codes = codes();
    for r in ALL {
        let hi = niryat::rules::CHECKS_HI.iter().find(|(c, _)| *c == r.code);
        let hi = hi.unwrap_or_else(|| panic!("{}: no Hindi in rules/catalogue_hi.rs", r.code)).1;
        assert!(hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)), "{}", r.code);
        assert_eq!(r.checks_in(Lang::Hi), hi);
        assert_eq!(r.checks_in(Lang::En), r.checks);
    }
    for (code, _) in niryat::rules::CHECKS_HI {
        assert!(codes.contains(code), "{code} is not a catalogue code");
    }
    assert_eq!(niryat::rules::CHECKS_HI.len(), ALL.len());
}

/// `docs/rules.hi.md` is `niryat rules --lang en+hi`: both languages side by side, for
/// review. `NIRYAT_BLESS=1` rewrites it.
#[test]
fn docs_rules_in_both_languages_is_current() {
    let want = niryat::rules::catalogue_markdown_in(Lang::EnHi);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/rules.hi.md");
    if std::env::var_os("NIRYAT_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let got = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        got == want,
        "docs/rules.hi.md is out of date: NIRYAT_BLESS=1 cargo test -p niryat --test messages"
    );
}

#[test]
fn a_huge_value_makes_neither_huge_params_nor_huge_messages() {
    let mut s = lucknow_with_wrong_check_character();
    let huge = "Q".repeat(3000);
    s.exporter.as_mut().unwrap().iec = Some(huge.clone());
    let report = validate(&s, &DocKind::for_shipment(&s), Mode::Strict);
    let issue = report.issues.iter().find(|i| i.code == "iec_format").unwrap();
    assert_eq!(issue.params["value"], format!("{}…", &huge[..40]));
    let quoted = format!("\"{}\"…", &huge[..40]);
    assert!(issue.message.starts_with(&quoted), "{}", issue.message);
    assert!(issue.message_in(Lang::Hi).starts_with(&quoted));
    assert!(issue.message.len() < 200);
}

#[test]
fn a_validation_in_hindi_keeps_what_each_issue_blocks() {
    let s = lucknow_with_wrong_check_character();
    let en = niryat::check(&s, None, Mode::Strict);
    let hi = en.in_lang(Lang::Hi);
    assert_eq!((hi.valid, &hi.documents), (en.valid, &en.documents));
    assert_eq!(hi.issues.len(), en.issues.len());
    assert!(!en.issues.is_empty());
    for (h, e) in hi.issues.iter().zip(&en.issues) {
        assert_eq!(
            (&h.blocks, h.issue.code, &h.issue.path),
            (&e.blocks, e.issue.code, &e.issue.path)
        );
        assert_eq!(h.issue.message, e.issue.message_in(Lang::Hi));
        assert_ne!(h.issue.message, e.issue.message);
    }
}

/// The English of the reports' and the import's messages is word for word what it was
/// before they came from templates (the strings below are the messages niryat gave then).
#[test]
fn report_messages_in_english_are_unchanged() {
    let issues = report_issues();
    let has = |want: &str| {
        assert!(issues.iter().any(|(_, i)| i.message == want), "no issue says: {want}");
    };
    has("invoice number KBSHG/2526/101 is used in both 2026-03-04-kbshg-101.json and copy.json in financial year 2025-26: each invoice of a year needs its own number");
    has("GSTIN 27AAPFU0939F1ZV differs from 09AAKAK5123M1Z9 in 2026-03-04-kbshg-101.json: one GSTR-1 return covers one GSTIN");
    has("invoice KBSHG/2526/102: the shipping bill / PBE fields are not recorded yet (export_declaration.number, export_declaration.date): the row is reported with them empty; add them before filing GSTR-1");
    has("invoice X1: the shipping bill / PBE field is not recorded yet (export_declaration.number): the row is reported with it empty; add it before filing GSTR-1");
    has("not a zero-rated export of a GST-registered exporter (personal parcel, unregistered exporter or no tax treatment): left out of GSTR-1");
    has("invoice X2: a line's quantity or price, or the exchange rate, is missing, so the values in INR cannot be worked out");
    has("the invoice date is missing (field `date`): the invoice cannot be reported");
    has("the exporter GSTIN is missing (field `gstin`): the invoice cannot be reported");
    has("the invoice number is missing (field `number`): the invoice cannot be reported");
    has("the IGST rate of a line is missing (field `rate`): the invoice cannot be reported");
    has("invoice X2: a line's quantity or price is missing, so its value is unknown");
    has("invoice X3: a realisation without an amount counts as nothing received (field `amount`)");
    has("the invoice number or date is missing: the invoice cannot be listed");
    has("order 204-7719023-5531147: SKU KBS-SAREE-RED-07 is not in the catalogue: its HS code and weights are left to fill in");
    has("the Amazon order report has column(s) niryat does not know: \"city\" (a changed report layout? check the export settings)");
    has("the Amazon order report lacks the column(s) \"ship-city\"");
    has("the eBay orders report lacks the column(s) \"Order Number\"");
    has("order 204-7719023-5531147: country \"ZZ\" is not an ISO 3166 code or a country name niryat knows");
    has("order 204-7719023-5531147: \"abc\" is not an amount");
    has("order 204-7719023-5531147: \"20x6-11-18T10:42:07+00:00\" is not a date");
    has("order 204-7719023-5531147: quantity \"-2\" is not a positive number");
    has("a row without an order id");
    has("the Amazon order report is empty");
    has("the SKU catalogue is empty: it needs a heading row with `sku`");
    has("the SKU catalogue has unknown column(s) hs, weight; known: sku, description, hs_code, unit, net_weight_kg, gross_weight_kg, gst_rate, origin_country");
    has("the SKU catalogue has no `sku` column");
    has("net_weight_kg \"heavy\" is not a number");
    has("SKU A is listed twice");
    has("a catalogue row without a SKU");
}

#[test]
fn a_report_issue_in_hindi() {
    let mut inputs = vec![month_file("2026-03-04-kbshg-101.json")];
    let mut copy = month_file("2026-03-27-kbshg-103.json");
    copy.name = "copy.json".into();
    copy.shipment.invoice.as_mut().unwrap().number = Some("KBSHG/2526/101".into());
    inputs.push(copy);
    let en = report::gstr1(&inputs, Period::parse("2026-03").unwrap());
    let hi = en.in_lang(Lang::Hi);
    assert_eq!((&hi.invoices, hi.issues.len()), (&en.invoices, en.issues.len()));
    let dup = hi.issues.iter().find(|i| i.code == "invoice_number_duplicate").unwrap();
    assert_eq!(
        dup.message,
        "बीजक संख्या KBSHG/2526/101 वित्तीय वर्ष 2025-26 में 2026-03-04-kbshg-101.json और copy.json दोनों में प्रयुक्त है: वर्ष के हर बीजक की अपनी संख्या होनी चाहिए"
    );
    assert_eq!((dup.file.as_str(), dup.path.as_str()), ("copy.json", "/invoice/number"));
    // A phrase in Hindi: the missing value is named in Hindi, the field as typed.
    let empty = vec![ReportInput { name: "empty.json".into(), shipment: Default::default() }];
    let r = report::gstr1(&empty, Period::parse("2026-03").unwrap()).in_lang(Lang::Hi);
    assert_eq!(
        r.issues[0].message,
        "बीजक दिनांक नहीं दिया गया है (फ़ील्ड `date`): बीजक रिपोर्ट में नहीं दिखाया जा सकता"
    );
    // An import's issues and its drafts' checks follow the language too.
    let template = orders::template(orders_text("exporter.json").as_bytes()).unwrap();
    let mut cat = Catalogue::parse(&orders_text("skus.csv")).unwrap();
    cat.products.remove("KBS-STOLE-TEAL-02");
    let imported = orders::import(
        Marketplace::Amazon,
        &orders_text("amazon-order-report.txt"),
        &template,
        Some(&cat),
    )
    .unwrap();
    let hi = imported.in_lang(Lang::Hi);
    assert_eq!(
        hi.issues[0].message,
        "ऑर्डर 204-7719023-5531147: SKU KBS-STOLE-TEAL-02 कैटलॉग में नहीं है: इसका HS कोड और भार भरना बाकी है"
    );
    let (h, e) = (&hi.orders[0].check.issues, &imported.orders[0].check.issues);
    assert!(!e.is_empty());
    for (h, e) in h.iter().zip(e) {
        assert_eq!(h.message, e.message_in(Lang::Hi));
    }
    let bad = orders_text("amazon-order-report.txt").replace("ship-city", "city");
    let errors = orders::import(Marketplace::Amazon, &bad, &template, None).unwrap_err();
    assert_eq!(
        orders::in_lang(&errors, Lang::Hi)[1].message,
        "Amazon ऑर्डर रिपोर्ट में ये कॉलम नहीं हैं: \"ship-city\""
    );
}

/// Texts that are not shipments, one or more for every wording of `messages::MALFORMED`.
fn malformed_texts() -> Vec<(Vec<u8>, &'static str)> {
    let mut out: Vec<(Vec<u8>, &'static str)> = [
        (r#"{"packages": [{"number": "5"}]}"#, "type_of"),
        (r#"{"items": [{"quantity": true}]}"#, "type_of"),
        (r#"{"packages": [{"number": 1.5}]}"#, "type_of"),
        (r#"{"exporter": []}"#, "type"),
        (r#"{"items": [null]}"#, "type"),
        (r#"{"items": {}}"#, "type"),
        (r#"{"exchange_rate": {"per": -1}}"#, "value_of"),
        (r#"{"items": [{"quantity": "1,000"}]}"#, "value_of"),
        (r#"{"purpose": "gift"}"#, "unknown_word"),
        (r#"{"transport": {"mode": "ship"}}"#, "unknown_word"),
        (r#"{"colour": 1}"#, "unknown_field"),
        (r#"{"tax": {"kind": "unregistered", "rate": 5}}"#, "unknown_field_none"),
        (r#"{"purpose": "personal", "purpose": "personal"}"#, "key_twice"),
        (r#"{"invoice": {"date": "2026-11-18T10:30"}}"#, "date_and_time"),
        (r#"{"invoice": {"date": "18/11/2026"}}"#, "date_shape"),
        (r#"{"invoice": {"date": "2026-02-29"}}"#, "date_days"),
        (r#"{"invoice": {"date": "2026-13-01"}}"#, "date_month"),
        (r#"{"invoice": {"date": 20261118}}"#, "type_of"),
        ("", "eof_value"),
        (r#"{"purpose": "personal""#, "eof_object"),
        (r#"{"items": [{}"#, "eof_list"),
        (r#"{"purpose": "pers"#, "eof_string"),
        (r#"{"purpose": }"#, "expected_value"),
        (r#"{"purpose": "personal" "x": 1}"#, "expected_object_comma"),
        (r#"{"items": [{} {}]}"#, "expected_list_comma"),
        (r#"{"purpose" "personal"}"#, "expected_colon"),
        (r#"{"purpose": nul}"#, "expected_ident"),
        (r#"{1: 2}"#, "key_not_string"),
        (r#"{} x"#, "trailing_characters"),
        (r#"{"purpose": "personal",}"#, "trailing_comma"),
        (r#"{"purpose": "\q"}"#, "invalid_escape"),
        (r#"{"items": [{"quantity": 1.}]}"#, "invalid_number"),
        (r#"{"items": [{"quantity": 1e400}]}"#, "number_out_of_range"),
        ("{\"purpose\": \"a\u{1}b\"}", "control_character"),
        (r#"{"purpose": "\udc00"}"#, "lone_surrogate"),
        (r#"{"purpose": "\ud800x"}"#, "hex_escape_end"),
        (r#"{"purpose": "\u12"}"#, "invalid_escape"),
    ]
    .into_iter()
    .map(|(t, v)| (t.as_bytes().to_vec(), v))
    .collect();
    out.push((b"{\"purpose\": \"\xff\"}".to_vec(), "unicode"));
    // The tax object is read whole before its kind picks its fields: nesting inside it meets
    // serde_json's depth limit.
    let deep =
        format!(r#"{{"tax": {{"kind": "lut", "x": {}{}}}}}"#, "[".repeat(200), "]".repeat(200));
    out.push((deep.into_bytes(), "recursion"));
    let refs = vec!["\"r\""; niryat::LIMITS.max_list + 1].join(",");
    out.push((
        format!(r#"{{"invoice": {{"other_references": [{refs}]}}}}"#).into_bytes(),
        "list_long",
    ));
    let package = format!(r#"{{"contents": [{}]}}"#, vec!["{}"; niryat::LIMITS.max_list].join(","));
    let packages = vec![package; niryat::LIMITS.max_items * 10 / niryat::LIMITS.max_list + 1];
    out.push((
        format!(r#"{{"packages": [{}]}}"#, packages.join(",")).into_bytes(),
        "contents_in_all",
    ));
    out.push((vec![b' '; niryat::LIMITS.max_input_bytes + 1], "too_large"));
    out
}

#[test]
fn malformed_input_has_english_and_hindi_with_the_same_placeholders() {
    let problems = template_problems(MALFORMED, &["malformed_input"]);
    assert!(problems.is_empty(), "malformed input templates:\n  {}", problems.join("\n  "));
}

#[test]
fn every_malformed_input_message_is_said_in_hindi() {
    let mut seen = std::collections::BTreeSet::new();
    let mut check = |what: &str, e: &niryat::MalformedInput, want: &str| {
        let (variant, _) = niryat::messages::read_back_malformed(&e.message)
            .unwrap_or_else(|| panic!("{what}: not read back: {:?}", e.message));
        assert_eq!(variant, want, "{what}: {}", e.message);
        seen.insert(variant);
        let hi = e.message_in(Lang::Hi);
        assert!(hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)), "{what}: {hi}");
        assert!(!hi.contains('{'), "{what}: {hi}");
        assert_eq!(e.message_in(Lang::En), e.message);
        assert_eq!(e.message_in(Lang::EnHi), format!("{} / {hi}", e.message));
        let same = e.in_lang(Lang::Hi);
        assert_eq!(
            (same.path.as_str(), same.line, same.column),
            (e.path.as_str(), e.line, e.column)
        );
    };
    for (text, want) in malformed_texts() {
        let what = format!("{:.60}", String::from_utf8_lossy(&text));
        let e = niryat::parse_json(&text).unwrap_err();
        check(&what, &e, want);
        // The same refusal from the reader of parsed values (what Python and JavaScript hand
        // over), where the text is JSON.
        if let Ok(v) = serde_json::from_slice::<Value>(&text) {
            // A value has no repeated key, and its nesting was met by serde_json already;
            // its lists are counted after reading, in other words.
            let want = match want {
                "key_twice" | "recursion" => continue,
                "list_long" | "contents_in_all" => "too_many",
                w => w,
            };
            check(&format!("value {what}"), &parse_value(&v).unwrap_err(), want);
        }
    }
    // Limits the reader of parsed values checks after reading.
    let items =
        serde_json::json!({ "items": vec![serde_json::json!({}); niryat::LIMITS.max_items + 1] });
    let e = parse_value(&items).unwrap_err();
    check("10,001 lines", &e, "too_many");
    assert!(e.message_in(Lang::Hi).contains("बीजक पंक्तियाँ"), "{}", e.message_in(Lang::Hi));
    let unseen: Vec<_> =
        MALFORMED.iter().filter(|t| !seen.contains(t.variant)).map(|t| t.variant).collect();
    assert!(unseen.is_empty(), "never produced: {unseen:?}");
    // Read as said: one in full.
    let e = niryat::parse_json(br#"{"packages": [{"number": "5"}]}"#).unwrap_err();
    assert_eq!(
        e.message_in(Lang::Hi),
        "गलत प्रकार (स्ट्रिंग \"5\"): 0 से 4294967295 तक की पूर्ण संख्या चाहिए"
    );
    let e = niryat::parse_json(br#"{"purpose": "gift"}"#).unwrap_err();
    assert_eq!(
        e.message_in(Lang::Hi),
        "अज्ञात शब्द `gift`: `commercial`, `personal` में से एक होना चाहिए"
    );
}

/// The Python and JavaScript converters' words: templates like the others, one value hole at
/// most, and every one read back from its English into Hindi. (What the converters actually
/// say is tested in each package's suite, in Hindi too.)
#[test]
fn converter_messages_read_back_into_hindi() {
    let all: Vec<Template> = MALFORMED.iter().chain(CONVERTERS).copied().collect();
    let problems = template_problems(&all, &["malformed_input"]);
    assert!(problems.is_empty(), "converter templates:\n  {}", problems.join("\n  "));
    let sample = |name: &str| match name {
        "type" => "Timestamp",
        "arg" => "arg_shipment",
        "js" => "js_function",
        "error" => "getter says: no, expected 5",
        "value" => "-Infinity",
        _ => "1234",
    };
    for t in CONVERTERS {
        let holes = placeholders(t.en);
        let free = holes.iter().filter(|(_, format)| *format != "phrase").count();
        assert!(free <= 1, "{}: {free} value holes (at most one reads back)", t.variant);
        let params: Vec<(&'static str, &str)> = holes
            .iter()
            .map(|(name, _)| {
                let key: &'static str =
                    ["type", "arg", "js", "error", "value", "max", "size", "count"]
                        .into_iter()
                        .find(|k| k == name)
                        .unwrap_or_else(|| panic!("{}: hole {name} not readable", t.variant));
                (key, sample(name))
            })
            .collect();
        let en = converter_message(t.variant, &params);
        assert!(!en.contains('{'), "{}: {en}", t.variant);
        let (variant, read) = niryat::messages::read_back_malformed(&en)
            .unwrap_or_else(|| panic!("{}: not read back: {en}", t.variant));
        assert_eq!(variant, t.variant, "{en}");
        let want: std::collections::BTreeMap<&str, String> =
            params.iter().map(|(k, v)| (*k, (*v).to_string())).collect();
        assert_eq!(read, want, "{en}");
        let e = niryat::MalformedInput {
            path: "/a/0".into(),
            message: en.clone(),
            line: None,
            column: None,
        };
        let hi = e.message_in(Lang::Hi);
        assert!(hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)), "{hi}");
        assert!(!hi.contains('{') && !hi.contains("js_") && !hi.contains("arg_"), "{hi}");
        assert_eq!(e.message_in(Lang::EnHi), format!("{en} / {hi}"));
    }
    // Every phrase a JavaScript hole can take reads back, in either hole.
    for js in PHRASES.iter().filter(|p| p.0.starts_with("js_")) {
        for arg in PHRASES.iter().filter(|p| p.0.starts_with("arg_")) {
            let en = converter_message("js_not_object", &[("arg", arg.0), ("js", js.0)]);
            let (_, read) = niryat::messages::read_back_malformed(&en).unwrap();
            assert_eq!((read["arg"].as_str(), read["js"].as_str()), (arg.0, js.0), "{en}");
        }
    }
    // One in full.
    let en = converter_message("py_type", &[("type", "Timestamp")]);
    assert_eq!(
        en,
        "a Python Timestamp cannot be read as JSON; use dict, list, str, int, float, bool, None, decimal.Decimal or datetime.date"
    );
    let e = niryat::MalformedInput { path: String::new(), message: en, line: None, column: None };
    assert_eq!(
        e.message_in(Lang::Hi),
        "Python का Timestamp JSON के रूप में पढ़ा नहीं जा सकता; dict, list, str, int, float, bool, None, decimal.Decimal या datetime.date दें"
    );
}

#[test]
fn a_message_that_does_not_read_back_stays_in_english() {
    for message in [
        "something serde never said",
        "invalid type: string \"5\", expected a frobnicator",
        // A quoted value longer than a template quotes in full.
        &format!("the key {:?} appears twice", "k".repeat(60)),
    ] {
        let e = niryat::MalformedInput {
            path: "/x".into(),
            message: message.to_string(),
            line: None,
            column: None,
        };
        assert_eq!(e.message_in(Lang::Hi), message);
        assert_eq!(e.message_in(Lang::EnHi), message);
    }
}
