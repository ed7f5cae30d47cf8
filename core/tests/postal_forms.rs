//! The postal forms of 2026 (issue 11): which customs form a product and value call for,
//! the Postal Bill of Export of 15 January 2026 as printed and as data, the scheme table and
//! declarations, and the language of customs forms.
#![allow(clippy::disallowed_methods)] // a test reads the bundled examples and writes PDFs to read back

use niryat::model::{PostalProduct, SchemeClaim, Shipment};
use niryat::render::{render_text, Format, Lang, Layout, PdfOptions, Renderer};
use niryat::views::pbe;
use niryat::{DocKind, Validated};
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::process::Command;

fn example(name: &str) -> Shipment {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../examples/{name}.json"));
    niryat::parse_json(&std::fs::read(path).expect("read example")).expect("example parses")
}

fn d(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

fn pdftotext(bytes: &[u8], page: usize) -> Option<String> {
    let path = std::env::temp_dir().join(format!("niryat-h11-postal-{}.pdf", std::process::id()));
    std::fs::write(&path, bytes).ok()?;
    let p = page.to_string();
    let out = Command::new("pdftotext")
        .args(["-layout", "-f", &p, "-l", &p])
        .arg(&path)
        .arg("-")
        .output()
        .ok()?;
    let _ = std::fs::remove_file(&path);
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The Lucknow stole as `product`, worth `usd` in all, its article weighing `kg`.
fn lucknow_as(product: PostalProduct, usd: &str, kg: &str) -> Shipment {
    let mut s = example("lucknow-chikankari-ebay");
    if let Some(post) = s.transport.as_mut().and_then(|t| t.post.as_mut()) {
        post.product = Some(product);
    }
    let it = &mut s.items[0];
    let q = it.quantity.unwrap_or(Decimal::ONE);
    it.unit_price = Some(d(usd) / q);
    it.amount = None;
    if let Some(inv) = s.invoice.as_mut() {
        inv.total = None;
        inv.fob_inr = None;
    }
    s.packages[0].gross_weight_kg = Some(d(kg));
    s
}

/// Letter post vs parcel vs EMS, below and above 300 SDR and 2 kg: which customs form.
/// At USD 87.45 and ₹119.80 per SDR, 300 SDR is ₹35,940 = USD 410.98.
#[test]
fn form_follows_product_value_and_weight() {
    use PostalProduct::*;
    let table = [
        // product, value (USD), weight (kg), form
        (InternationalTrackedPacket, "68", "0.320", DocKind::Cn22),
        (InternationalTrackedPacket, "410", "1.900", DocKind::Cn22),
        (InternationalTrackedPacket, "411", "0.320", DocKind::Cn23),
        (InternationalTrackedPacket, "68", "2.100", DocKind::Cn23),
        (Letter, "68", "0.320", DocKind::Cn22),
        (Letter, "450", "0.320", DocKind::Cn23),
        (Parcel, "68", "0.320", DocKind::Cn23),
        (Parcel, "450", "3.000", DocKind::Cn23),
        (Ems, "68", "0.320", DocKind::Cn23),
        (Ems, "450", "3.000", DocKind::Cn23),
    ];
    for (product, usd, kg, want) in table {
        let s = lucknow_as(product, usd, kg);
        let kinds = DocKind::for_shipment(&s);
        let other = if want == DocKind::Cn22 { DocKind::Cn23 } else { DocKind::Cn22 };
        assert!(kinds.contains(&want), "{product:?} USD {usd} {kg} kg: {kinds:?}");
        assert!(!kinds.contains(&other), "{product:?} USD {usd} {kg} kg: {kinds:?}");
        // Asking for a CN22 on a parcel is refused with its own code.
        let report = niryat::validate(&s, &[DocKind::Cn22], niryat::Mode::Strict);
        let parcel = report.issues.iter().any(|i| i.code == "cn23_for_parcel");
        assert_eq!(parcel, matches!(product, Parcel | Ems), "{product:?}");
    }
}

/// Page 1 of the printed PBE-III carries the notified column numbers 1 to 34, in order, on
/// one line.
#[test]
fn pbe_page_one_numbers_columns_1_to_34() {
    let s = example("varanasi-silk-amazon");
    let pdf =
        Renderer::new().render(&s, DocKind::Pbe, &PdfOptions::default()).expect("PBE renders");
    let Some(text) = pdftotext(&pdf, 1) else {
        eprintln!("SKIPPED: pdftotext not installed");
        return;
    };
    let want: Vec<String> = (1..=34).map(|n| n.to_string()).collect();
    let found = text.lines().any(|l| {
        let tokens: Vec<&str> = l.split_whitespace().collect();
        tokens == want
    });
    assert!(found, "no line reads 1 … 34:\n{text}");
    for heading in ["Duties", "Cess", "Details of authorised agent", "taxable"] {
        assert!(text.contains(heading), "{heading} missing");
    }
}

/// CSV and JSON carry the new columns with machine-readable numbers; each row's IGST is the
/// rate applied to the value on that row.
#[test]
fn pbe_data_has_34_columns_and_plain_numbers() {
    let s = example("varanasi-silk-amazon");
    let csv = render_text(&s, DocKind::Pbe, Format::Csv, None).expect("CSV");
    let mut lines = csv.lines();
    let head = lines.next().unwrap_or_default();
    assert_eq!(head.split(',').count(), 34, "{head}");
    assert!(head.ends_with("LUT/Bond details,Duties,Cess"), "{head}");
    let first = lines.next().unwrap_or_default();
    assert!(first.contains(",32277.00,"), "FOB in INR without grouping: {first}");
    assert!(first.contains(",34393.52,"), "taxable value: {first}");
    assert!(first.contains(",5,1719.68,"), "IGST 5 % of 34,393.52: {first}");
    assert!(!csv.contains("32,277.00"));
    let json: serde_json::Value =
        serde_json::from_str(&render_text(&s, DocKind::Pbe, Format::Json, None).expect("JSON"))
            .expect("JSON parses");
    assert_eq!(json["rows"][1]["value"], "9013.48");
    assert_eq!(json["rows"][1]["igst_amount"], "1622.43");
    assert_eq!(json["totals"]["igst_amount"], "3342.11");
    assert_eq!(json["columns"].as_array().map(Vec::len), Some(34));
    assert_eq!(json["declarations"][0]["key"], "decl_zero_rated");
}

/// A RoDTEP claim fills the scheme table and turns its declaration to Yes; the others stay No.
#[test]
fn scheme_claims_fill_the_table_and_the_declarations() {
    let mut s = example("varanasi-silk-amazon");
    s.items[1].scheme = Some(SchemeClaim {
        rodtep: Some(true),
        drawback: Some(true),
        dbk_serial: Some("621401".into()),
        ..Default::default()
    });
    if let Some(e) = s.exporter.as_mut() {
        e.icegate_registered = Some(true);
    }
    let v = Validated::new(s, &[DocKind::Pbe]).expect("valid");
    let view = pbe(&v);
    assert_eq!(view.schemes.len(), 1);
    let row = &view.schemes[0];
    assert_eq!(row.item_sl_no, "2");
    assert_eq!(row.ritc_code, "62141020");
    assert_eq!(row.dbk_serial, "621401");
    assert_eq!(row.drawback_quantity, "2");
    assert_eq!(row.igst_paid, "Yes");
    assert_eq!(row.add_freight, "F");
    assert_eq!(row.nature_of_contract, "DAP");
    assert_eq!(row.schemes, "Drawback, RoDTEP");
    let answer = |k: &str| view.declarations.iter().find(|x| x.key == k).map(|x| x.answer);
    assert_eq!(answer("decl_drawback"), Some("Yes"));
    assert_eq!(answer("decl_rodtep"), Some("Yes"));
    assert_eq!(answer("decl_rosctl"), Some("No"));
    assert_eq!(answer("decl_zero_rated"), Some("Yes"));
    assert_eq!(answer("decl_fema"), Some("Yes"));
}

/// `--lang hi` prints English with Hindi beside it on customs forms, Hindi alone elsewhere.
#[test]
fn customs_forms_keep_english_under_hindi() {
    for kind in [DocKind::Cn22, DocKind::Cn23, DocKind::Pbe] {
        assert_eq!(Lang::Hi.for_kind(kind), Lang::EnHi);
    }
    assert_eq!(Lang::Hi.for_kind(DocKind::CommercialInvoice), Lang::Hi);
    assert_eq!(Lang::En.for_kind(DocKind::Cn23), Lang::En);
    let s = example("varanasi-silk-amazon");
    let o = PdfOptions { lang: Lang::Hi, ..PdfOptions::default() };
    let pdf = Renderer::new().render(&s, DocKind::Cn23, &o).expect("CN23 renders");
    let Some(text) = pdftotext(&pdf, 1) else { return };
    assert!(text.contains("CUSTOMS DECLARATION"), "{text}");
    assert!(text.contains("Detailed description of contents"), "{text}");
}

/// The layout names parse in core, one parser for every front end.
#[test]
fn layout_names() {
    assert_eq!(Layout::from_name("label"), Some(Layout::Label));
    assert_eq!(Layout::from_name("a4"), Some(Layout::A4));
    assert_eq!(Layout::from_name("letter"), None);
    assert_eq!(Layout::default(), Layout::Label);
}
