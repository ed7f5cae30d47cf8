//! PDF output checked the way a clerk would: the text poppler extracts (pdftotext), the
//! fonts it sees (pdffonts), byte-for-byte reproducibility, markup in user data printed
//! literally, long invoices paginated with repeated headers, and invalid input refused.
//!
//! Needs poppler-utils; without pdftotext/pdffonts the checks that need them are skipped
//! with a message (the rendering itself is still exercised).
#![allow(clippy::disallowed_methods, clippy::panic)] // a test reads the bundled examples; helpers fail loudly

use niryat::render::{Lang, PdfOptions, Renderer};
use niryat::{DocKind, Shipment, Validated};
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

fn renderer() -> &'static Renderer {
    static R: OnceLock<Renderer> = OnceLock::new();
    R.get_or_init(Renderer::new)
}

fn tools() -> bool {
    let ok = ["pdftotext", "pdffonts"].iter().all(|t| Command::new(t).arg("-v").output().is_ok());
    if !ok {
        eprintln!("SKIPPED: poppler-utils (pdftotext, pdffonts) not installed; install them to run the PDF text checks");
    }
    ok
}

fn temp_pdf(bytes: &[u8]) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "niryat-pdf-test-{}-{}.pdf",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::write(&path, bytes).expect("write temp pdf");
    path
}

/// Text of the PDF (or of one page), in reading layout.
fn pdftotext(bytes: &[u8], page: Option<usize>) -> String {
    pdftotext_mode(bytes, page, "-layout")
}

/// Text in `mode`: `-layout` (as on the page) or `-raw` (content-stream order, which keeps
/// the text of one table cell together).
fn pdftotext_mode(bytes: &[u8], page: Option<usize>, mode: &str) -> String {
    let path = temp_pdf(bytes);
    let mut cmd = Command::new("pdftotext");
    cmd.arg(mode);
    if let Some(p) = page {
        cmd.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let out = cmd.arg(&path).arg("-").output().expect("run pdftotext");
    let _ = std::fs::remove_file(&path);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pdffonts(bytes: &[u8]) -> String {
    let path = temp_pdf(bytes);
    let out = Command::new("pdffonts").arg(&path).output().expect("run pdffonts");
    let _ = std::fs::remove_file(&path);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whitespace removed: pdftotext splits Devanagari clusters and wraps long lines.
/// `s` without white space and zero-width spaces (the break opportunities the layout gives a
/// word too wide for its cell; pdftotext gives them back with the text).
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && *c != '\u{200B}').collect()
}

fn page_count(bytes: &[u8]) -> usize {
    // Each page ends with a form feed in pdftotext output.
    pdftotext(bytes, None).matches('\u{c}').count()
}

fn examples() -> Vec<(String, Shipment)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut out: Vec<(String, Shipment)> = std::fs::read_dir(&dir)
        .expect("examples dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let name = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let s = niryat::parse_json(&std::fs::read(&p).expect("read example"))
                .expect("example parses");
            (name, s)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// One bundled example by its file name (without `.json`).
fn example(name: &str) -> Shipment {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../examples/{name}.json"));
    niryat::parse_json(&std::fs::read(&path).expect("read example")).expect("example parses")
}

/// The document kinds with a printed form that the shipment calls for.
fn printed_kinds(s: &Shipment) -> Vec<DocKind> {
    DocKind::for_shipment(s).into_iter().filter(|k| !matches!(k, DocKind::Einvoice)).collect()
}

fn opts(lang: Lang, copies: u8) -> PdfOptions {
    PdfOptions { lang, copies, ..PdfOptions::default() }
}

/// Every formatted number in the view (strings such as `1,234.50` or `0.320`).
fn view_numbers(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => {
            let looks_numeric = s.contains('.')
                && s.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                && s.chars().next().is_some_and(|c| c.is_ascii_digit());
            if looks_numeric {
                out.push(s.clone());
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| view_numbers(x, out)),
        serde_json::Value::Object(m) => m.values().for_each(|x| view_numbers(x, out)),
        _ => {}
    }
}

fn hindi_title(kind: DocKind) -> &'static str {
    match kind {
        DocKind::CommercialInvoice => "वाणिज्यिक बीजक",
        DocKind::PackingList => "पैकिंग सूची",
        DocKind::IecDetails => "आईईसी विवरण",
        DocKind::Cn22 | DocKind::Cn23 => "सीमा शुल्क घोषणा",
        _ => "डाक निर्यात बिल",
    }
}

#[test]
fn renderer_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Renderer>();
}

#[test]
fn every_example_prints_ids_amounts_and_labels() {
    let have_tools = tools();
    for (name, s) in examples() {
        let kinds = printed_kinds(&s);
        assert!(!kinds.is_empty(), "{name}: no documents");
        for kind in kinds {
            let pdf = match renderer().render(&s, kind, &opts(Lang::EnHi, 1)) {
                Ok(p) => p,
                Err(e) => panic!("{name} {kind}: {e}"),
            };
            assert!(pdf.starts_with(b"%PDF-"), "{name} {kind}");
            if !have_tools {
                continue;
            }
            let text = pdftotext(&pdf, None);
            let flat = squash(&text);
            if let Some(no) = s.invoice.as_ref().and_then(|i| i.number.as_deref()) {
                if kind != DocKind::IecDetails {
                    assert!(text.contains(no), "{name} {kind}: invoice number {no} missing");
                }
            }
            if let Some(iec) = s.exporter.as_ref().and_then(|e| e.iec.as_deref()) {
                assert!(text.contains(iec), "{name} {kind}: IEC {iec} missing");
            }
            let validated = Validated::new(s.clone(), &[kind]).expect("valid");
            let view =
                serde_json::to_value(niryat::views::view(&validated, kind)).expect("view json");
            let mut numbers = Vec::new();
            view_numbers(&view, &mut numbers);
            assert!(
                !numbers.is_empty() || kind == DocKind::IecDetails,
                "{name} {kind}: no amounts in view"
            );
            for n in &numbers {
                assert!(
                    text.contains(n.as_str()),
                    "{name} {kind}: amount {n} as formatted by Rust is missing"
                );
            }
            assert!(
                flat.contains(&squash(hindi_title(kind))),
                "{name} {kind}: Hindi title missing in en+hi"
            );
            let fonts = pdffonts(&pdf);
            let font_lines: Vec<&str> =
                fonts.lines().skip(2).filter(|l| !l.trim().is_empty()).collect();
            assert!(!font_lines.is_empty(), "{name} {kind}: no fonts");
            for l in font_lines {
                let cols: Vec<&str> = l.split_whitespace().collect();
                // name type [type…] encoding emb sub uni object ID: emb is the 5th field from the end.
                let emb = cols.get(cols.len().saturating_sub(5)).copied().unwrap_or("");
                assert_eq!(emb, "yes", "{name} {kind}: font not embedded: {l}");
                assert!(l.contains("Noto"), "{name} {kind}: unexpected font {l}");
            }
        }
    }
}

#[test]
fn words_and_rupee_sign_print() {
    if !tools() {
        return;
    }
    let s = example("moradabad-brass-sea");
    let pdf =
        renderer().render(&s, DocKind::CommercialInvoice, &opts(Lang::EnHi, 1)).expect("render");
    let text = squash(&pdftotext_mode(&pdf, None, "-raw"));
    let v = niryat::views::commercial_invoice(
        &Validated::new(s, &[DocKind::CommercialInvoice]).expect("valid"),
    );
    assert!(text.contains(&squash(&v.total_words)), "total in words missing");
    assert!(text.contains(&squash(&v.inr_words)), "INR in words missing");
    assert!(text.contains("₹9,35,865.90"), "₹ with lakh grouping missing");
    assert!(
        text.contains(&squash(niryat::data::gst::ENDORSEMENT_LUT)),
        "Rule 46 endorsement missing"
    );
}

#[test]
fn labels_follow_the_language() {
    if !tools() {
        return;
    }
    let s = example("lucknow-chikankari-ebay");
    for kind in printed_kinds(&s) {
        let en =
            squash(&pdftotext(&renderer().render(&s, kind, &opts(Lang::En, 1)).expect("en"), None));
        let hi =
            squash(&pdftotext(&renderer().render(&s, kind, &opts(Lang::Hi, 1)).expect("hi"), None));
        let title = squash(hindi_title(kind));
        assert!(!en.contains(&title), "{kind}: Hindi label in an English-only document");
        assert!(
            !en.chars().any(|c| ('\u{900}'..='\u{97f}').contains(&c)),
            "{kind}: Devanagari in lang=en (this example has no Hindi data)"
        );
        assert!(hi.contains(&title), "{kind}: Hindi title missing in lang=hi");
        assert!(hi.contains("पृष्ठ"), "{kind}: Hindi page label missing");
    }
}

#[test]
fn rendering_is_byte_identical() {
    for (name, s) in examples() {
        for kind in printed_kinds(&s) {
            let o = opts(Lang::EnHi, 2);
            let a = renderer().render(&s, kind, &o).expect("first");
            let b = renderer().render(&s, kind, &o).expect("second");
            let c = Renderer::new().render(&s, kind, &o).expect("fresh renderer");
            assert!(a == b && a == c, "{name} {kind}: output differs between renders");
        }
    }
}

#[test]
fn copies_have_their_own_names_and_numbering() {
    if !tools() {
        return;
    }
    let s = example("varanasi-silk-amazon");
    let one = renderer().render(&s, DocKind::CommercialInvoice, &opts(Lang::En, 1)).expect("one");
    let three =
        renderer().render(&s, DocKind::CommercialInvoice, &opts(Lang::En, 3)).expect("three");
    let n = page_count(&one);
    assert_eq!(page_count(&three), 3 * n);
    for (i, copy) in
        ["ORIGINAL FOR RECIPIENT", "DUPLICATE FOR TRANSPORTER", "TRIPLICATE FOR SUPPLIER"]
            .iter()
            .enumerate()
    {
        for p in 1..=n {
            let t = pdftotext(&three, Some(i * n + p));
            assert!(t.contains(copy), "page {p} of copy {copy} lacks its name");
            assert!(t.contains(&format!("Page {p} of {n}")), "copy {copy} page {p}: {t}");
        }
    }
}

const MARKUP: [&str; 10] =
    ["#read(\"/etc/passwd\")", "*x*", "_x_", "$x$", "@x", "<x>", "]", "\\", "//", "#{x}"];

#[test]
fn markup_in_user_data_prints_literally() {
    let mut s = example("lucknow-chikankari-ebay");
    let desc = MARKUP.join(" ");
    s.items[0].description = Some(format!("Stole {desc}"));
    if let Some(c) = s.consignee.as_mut() {
        c.name = Some(format!("Emily {}", MARKUP[..5].join(" ")));
        if let Some(a) = c.address.as_mut() {
            a.line1 = Some(format!("{} 1420 Maple Avenue", MARKUP[5..].join(" ")));
        }
    }
    if let Some(e) = s.exporter.as_mut() {
        e.trade_name = Some("Nazia *Chikan* _Kari_ #{1+1} $a^2$".into());
    }
    if let Some(t) = s.terms.as_mut() {
        t.payment = Some("Paid #strong[now] // later \\ ok".into());
    }
    for kind in
        [DocKind::CommercialInvoice, DocKind::PackingList, DocKind::Pbe, DocKind::IecDetails]
    {
        let pdf = match renderer().render(&s, kind, &opts(Lang::En, 1)) {
            Ok(p) => p,
            Err(e) => panic!("{kind}: {e} {:?}", e.issues()),
        };
        if !tools() {
            return;
        }
        let text = squash(&pdftotext_mode(&pdf, None, "-raw"));
        assert!(!text.contains("root:"), "{kind}: file contents leaked");
        let expect: Vec<String> = match kind {
            DocKind::IecDetails => vec!["Nazia *Chikan* _Kari_ #{1+1} $a^2$".into()],
            DocKind::CommercialInvoice => vec![
                desc.clone(),
                "Paid #strong[now] // later \\ ok".into(),
                MARKUP[..5].join(" "),
                MARKUP[5..].join(" "),
            ],
            _ => vec![desc.clone()],
        };
        for e in expect {
            assert!(text.contains(&squash(&e)), "{kind}: {e:?} not printed literally");
        }
    }
}

#[test]
fn a_thousand_line_invoice_paginates() {
    let mut s = example("moradabad-brass-sea");
    let template = s.items[0].clone();
    s.items = (0..1000)
        .map(|i| {
            let mut it = template.clone();
            it.description = Some(format!("Brass article pattern {:04}", i + 1));
            it.quantity = Some(rust_decimal::Decimal::from(i % 7 + 1));
            it.amount = None;
            it
        })
        .collect();
    s.packages.clear();
    if let Some(inv) = s.invoice.as_mut() {
        inv.total = None;
    }
    // Registered again: the example's signed QR code is for its own three lines.
    assert!(niryat::irp::put_sample_signed_qr(&mut s));
    let pdf =
        renderer().render(&s, DocKind::CommercialInvoice, &opts(Lang::EnHi, 1)).expect("render");
    if !tools() {
        return;
    }
    let pages = page_count(&pdf);
    assert!(pages >= 15, "1000 lines on only {pages} pages?");
    let mut seen = 0;
    for p in 1..=pages {
        let t = pdftotext(&pdf, Some(p));
        assert!(t.contains("Description of goods"), "page {p}: table header not repeated");
        assert!(t.contains(&format!("Page {p} of {pages}")), "page {p}: no 'Page {p} of {pages}'");
        assert_eq!(
            t.contains("Invoice total"),
            p == pages,
            "page {p}: totals must be on the last page only"
        );
        seen += t.matches("Brass article pattern").count();
    }
    // Every row on exactly one page: no row split or lost.
    assert_eq!(seen, 1000);
}

/// Words of page 1 with their boxes, from `pdftotext -bbox`: (text, x_min, x_max).
fn word_boxes(bytes: &[u8]) -> Vec<(String, f64, f64)> {
    let path = temp_pdf(bytes);
    let out = Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("run pdftotext -bbox");
    let _ = std::fs::remove_file(&path);
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let attr = |w: &str, name: &str| -> f64 {
        w.split(&format!("{name}=\""))
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN)
    };
    html.split("<word ")
        .skip(1)
        .filter_map(|w| {
            let text = w.split('>').nth(1)?.split('<').next()?.to_string();
            Some((text, attr(w, "xMin"), attr(w, "xMax")))
        })
        .collect()
}

/// The item table's number columns are sized to their widest entry: every rate and amount
/// prints whole, inside the page, and a rate never runs into the amount beside it, whether
/// the numbers are short, mixed or enormous (then the table falls back to automatic widths).
#[test]
fn number_columns_hold_their_widest_entry() {
    let base = example("moradabad-brass-sea");
    // (quantity, rate): a rate never equals its amount, so each is found by its text.
    let cases: [&[(&str, &str)]; 3] = [
        &[("3", "0.50"), ("2", "1.25")],
        &[("7", "9.50"), ("123456", "98765.43"), ("30", "1234567.89")],
        &[("999999999", "99999999.99"), ("4", "1.10")],
    ];
    for lines in cases {
        let mut s = base.clone();
        let template = s.items[0].clone();
        s.items = lines
            .iter()
            .map(|(q, r)| {
                let mut it = template.clone();
                it.quantity = Some(q.parse().expect("qty"));
                it.unit_price = Some(r.parse().expect("rate"));
                it.amount = None;
                it
            })
            .collect();
        s.packages.clear();
        if let Some(inv) = s.invoice.as_mut() {
            inv.total = None;
        }
        assert!(niryat::irp::put_sample_signed_qr(&mut s), "registered again");
        let v = Validated::new(s, &[DocKind::CommercialInvoice]).expect("valid");
        let view = niryat::views::view(&v, DocKind::CommercialInvoice).expect("view");
        let json = serde_json::to_value(&view).expect("view json");
        let pdf = renderer()
            .render_validated(&v, DocKind::CommercialInvoice, &opts(Lang::EnHi, 1))
            .expect("render");
        if !tools() {
            return;
        }
        let words = word_boxes(&pdf);
        let find = |t: &str| {
            words
                .iter()
                .find(|(w, _, _)| w == t)
                .unwrap_or_else(|| panic!("{t:?} not printed as one word in {lines:?}"))
        };
        for l in json["lines"].as_array().expect("lines") {
            let rate = find(l["rate"].as_str().expect("rate"));
            let amount = find(l["amount"].as_str().expect("amount"));
            assert!(rate.2 < amount.1, "rate {rate:?} runs into amount {amount:?}");
            assert!(amount.2 <= 595.0, "amount {amount:?} beyond the page");
        }
        let total = find(json["total"].as_str().expect("total"));
        assert!(total.2 <= 595.0, "total {total:?} beyond the page");
    }
}

/// The template input is the JSON the template reads: view, language, copies, hints.
#[test]
fn template_input_is_what_the_template_reads() {
    for (name, s) in examples() {
        for kind in printed_kinds(&s) {
            let v = Validated::new(s.clone(), &[kind]).expect("valid example");
            let bytes =
                Renderer::template_input(&v, kind, &opts(Lang::Hi, 2)).expect("template input");
            let j: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
            // Customs forms never print Hindi alone: `hi` gives English with Hindi beside it.
            let want = if matches!(kind, DocKind::Cn22 | DocKind::Cn23 | DocKind::Pbe) {
                "en+hi"
            } else {
                "hi"
            };
            assert_eq!(j["lang"], want, "{name} {kind:?}");
            // The invoice's copies carry the Rule 48 markings; other documents' none.
            let marks = if kind == DocKind::CommercialInvoice {
                serde_json::json!(["original_for_recipient", "duplicate_for_transporter"])
            } else {
                serde_json::json!(["", ""])
            };
            assert_eq!(j["copies"], marks, "{name} {kind:?}");
            // The default CN23 layout is the 6 × 8 inch label, as `views::view` builds it.
            let view =
                serde_json::to_value(niryat::views::view_in(&v, kind, Lang::Hi).expect("view"))
                    .expect("view JSON");
            assert_eq!(j["doc"], view, "{name} {kind:?}: doc is the view in its language");
            assert_eq!(
                j.get("widest").is_some(),
                kind == DocKind::CommercialInvoice,
                "{name} {kind:?}"
            );
            assert_eq!(j.get("columns").is_some(), kind == DocKind::Pbe, "{name} {kind:?}");
        }
    }
    let (_, s) = examples().into_iter().next().expect("an example");
    let v = Validated::new(s, &[]).expect("valid");
    assert!(Renderer::template_input(&v, DocKind::Einvoice, &opts(Lang::En, 1)).is_err());
}

#[test]
fn invalid_shipment_fails_with_the_validation_issues() {
    let mut s = example("lucknow-chikankari-ebay");
    s.exporter = None;
    s.items[0].hs_code = Some("12".into());
    for kind in [DocKind::CommercialInvoice, DocKind::Pbe, DocKind::Cn22] {
        let err = renderer().render(&s, kind, &opts(Lang::EnHi, 1)).expect_err("must fail");
        assert_eq!(err.code(), "invalid_shipment");
        let report = niryat::validate(&s, &[kind], niryat::Mode::Strict);
        assert_eq!(err.issues(), report.issues.as_slice(), "{kind}: issues differ from validate()");
    }
}

#[test]
fn render_validated_checks_the_kind_it_prints() {
    let s = example("moradabad-brass-sea");
    let v = Validated::new(s, &[DocKind::IecDetails]).expect("valid for IEC");
    // Validated for the IEC sheet only; a CN22 needs postal particulars it lacks.
    let err =
        renderer().render_validated(&v, DocKind::Cn22, &opts(Lang::En, 1)).expect_err("must fail");
    assert_eq!(err.code(), "invalid_shipment");
    assert!(renderer().render_validated(&v, DocKind::IecDetails, &opts(Lang::En, 1)).is_ok());
}

#[test]
fn a_full_cn22_fits_its_label() {
    let mut s = example("personal-gift");
    let max_rows = niryat::data::postal::CN22_MAX_ROWS;
    let max_len = niryat::data::postal::CN22_MAX_DESCRIPTION;
    let base = s.items[0].clone();
    s.items = (0..max_rows)
        .map(|i| {
            let mut it = base.clone();
            // The longest description the rules let through, in wide letters.
            let mut d = format!("Hand-knitted MAXIMUM WOOLLEN cardigan WITH MOTIFS no {i} ");
            while d.chars().count() < max_len {
                d.push('W');
            }
            it.description = Some(d.chars().take(max_len).collect());
            it
        })
        .collect();
    if let Some(p) = s.packages.first_mut() {
        p.net_weight_kg = None;
    }
    let report = niryat::validate(&s, &[DocKind::Cn22], niryat::Mode::Strict);
    assert!(!report.has_errors(), "{:?}", report.issues);
    let pdf = renderer().render(&s, DocKind::Cn22, &opts(Lang::EnHi, 1)).expect("render");
    if !tools() {
        return;
    }
    // One article, one label: the contents never spill onto a second page.
    assert_eq!(page_count(&pdf), 1, "a CN22 at the rules' limits does not fit its label");
    let text = squash(&pdftotext_mode(&pdf, None, "-raw"));
    for it in &s.items {
        let d = it.description.as_deref().unwrap_or_default();
        assert!(text.contains(&squash(d)), "{d} not printed whole");
    }
}

#[test]
fn cn23_continues_on_extra_sheets() {
    cn23_continues(niryat::render::Layout::A4, niryat::data::postal::CN23_ROWS_PER_SHEET);
}

#[test]
fn cn23_label_continues_on_extra_labels() {
    cn23_continues(niryat::render::Layout::Label, niryat::data::postal::CN23_ROWS_PER_LABEL);
}

/// A CN23 with five rows more than its first page holds continues on a second page of the
/// same layout: every row printed once, on the page it belongs to, nothing clipped.
fn cn23_continues(layout: niryat::render::Layout, per_sheet: usize) {
    let mut s = example("varanasi-silk-amazon");
    let n = per_sheet + 5;
    let base = s.items[1].clone();
    s.items = (0..n)
        .map(|i| {
            let mut it = base.clone();
            it.description = Some(format!("Handwoven silk stole, pattern {}", i + 1));
            it.quantity = Some(rust_decimal::Decimal::ONE);
            it.amount = None;
            it.net_weight_kg = Some(rust_decimal::Decimal::new(50, 3));
            it
        })
        .collect();
    s.tax = Some(niryat::model::TaxTreatment::Lut {
        arn: Some("AD090426000123K".into()),
        date: jiff::civil::Date::new(2026, 4, 3).ok(),
    });
    if let Some(p) = s.packages.first_mut() {
        p.contents = (1..=n as u32)
            .map(|l| niryat::model::PackageContent {
                line: Some(l),
                quantity: Some(rust_decimal::Decimal::ONE),
            })
            .collect();
        p.net_weight_kg = Some(rust_decimal::Decimal::new(50 * n as i64, 3));
    }
    let o = PdfOptions { layout, ..opts(Lang::En, 1) };
    let pdf = match renderer().render(&s, DocKind::Cn23, &o) {
        Ok(p) => p,
        Err(e) => panic!("{e}: {:?}", e.issues()),
    };
    if !tools() {
        return;
    }
    assert_eq!(page_count(&pdf), 2);
    let file = std::env::temp_dir().join(format!("niryat-h11-cn23-{layout:?}.pdf"));
    std::fs::write(&file, &pdf).expect("write PDF");
    let size = Command::new("pdfinfo")
        .arg(&file)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).to_string())
        .unwrap_or_default();
    let want = match layout {
        niryat::render::Layout::Label => "432 x 576 pts",
        niryat::render::Layout::A4 => "595.276 x 841.89 pts",
    };
    assert!(size.contains(want), "{layout:?}: {size}");
    let first = pdftotext(&pdf, Some(1));
    let second = pdftotext(&pdf, Some(2));
    assert!(second.contains("Continuation sheet 2 of 2"), "{second}");
    assert!(second.contains("Page 2 of 2"));
    for i in 1..=n {
        let d = format!("pattern {i}\n");
        let on_first = first.replace("  ", "\n").contains(&d);
        let on_second = second.replace("  ", "\n").contains(&d);
        assert!(on_first != on_second, "row {i} must be on exactly one sheet");
        assert_eq!(on_first, i <= per_sheet, "row {i} on the wrong sheet");
    }
}

/// Every example's PBE is one A4 page in each language, those of `examples/month/` included.
/// Narrowing the consignee's column to give the numbers room once made its rows taller and
/// pushed the declarations of four of these two-line bills onto a second page.
#[test]
fn example_pbes_are_one_page() {
    let month = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/month");
    let mut shipments = examples();
    for entry in std::fs::read_dir(&month).expect("examples/month") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let s = niryat::parse_json(&std::fs::read(&path).expect("read")).expect("parses");
            shipments.push((path.display().to_string(), s));
        }
    }
    let mut bills = 0;
    for (name, s) in shipments {
        if !DocKind::for_shipment(&s).contains(&DocKind::Pbe) {
            continue;
        }
        for lang in [Lang::En, Lang::Hi, Lang::EnHi] {
            let opts = PdfOptions { lang, ..PdfOptions::default() };
            let pdf = renderer().render(&s, DocKind::Pbe, &opts).expect("PBE renders");
            assert_eq!(page_count(&pdf), 1, "{name} in {lang:?}");
            bills += 1;
        }
    }
    assert_eq!(bills, 21, "7 example shipments with a PBE, 3 languages each");
}

/// What an officer copies out of a PBE is what was given: the invoice number, the HS codes and
/// the tracking number whole on one line of the text, and no zero-width space anywhere (the
/// narrow columns used to break a word with one between every letter, so a copied or searched
/// invoice number came out as "K\u{200B}B\u{200B}S…").
#[test]
fn pbe_text_holds_the_identifiers_as_given() {
    if !tools() {
        return;
    }
    let s = example("varanasi-silk-amazon");
    let pdf = renderer().render(&s, DocKind::Pbe, &opts(Lang::EnHi, 1)).expect("PBE renders");
    let text = pdftotext_mode(&pdf, None, "-raw");
    assert!(!text.contains('\u{200B}'), "a zero-width space in the PBE's text");
    let lines: Vec<&str> = text.lines().collect();
    let number = "KBSHG/2627/031";
    for (what, id, at_least) in [
        ("invoice number", number, 4),
        ("HS code of line 1", "50072010", 2),
        ("HS code of line 2", "62141020", 2),
        ("tracking number", "EE518802947IN", 2),
    ] {
        let found = lines.iter().map(|l| l.matches(id).count()).sum::<usize>();
        assert!(found >= at_least, "{what} {id}: {found} times whole, want {at_least}\n{text}");
    }
}

/// A tab in a value prints as a space: typst drops it, and "two\twith" printed "twowith".
#[test]
fn a_tab_prints_as_a_space() {
    if !tools() {
        return;
    }
    let mut s = example("varanasi-silk-amazon");
    s.items[0].description = Some("Banarasi silk\tsaree, handwoven".into());
    let pdf = renderer()
        .render(&s, DocKind::CommercialInvoice, &opts(Lang::En, 1))
        .expect("the invoice renders");
    let text = pdftotext(&pdf, Some(1));
    assert!(text.contains("Banarasi silk saree"), "{text}");
    assert!(!text.contains("silksaree"), "{text}");
}
