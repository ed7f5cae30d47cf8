//! The printed invoice as the law reads it: Rule 48 copies, the e-invoice's signed QR code read
//! back from the page, and legible pages (no two words overprint each other) for every document
//! of every example in every label language, and for an invoice of very long values.
//!
//! Needs poppler-utils (`pdftotext`, `pdftoppm`) and zbar-tools (`zbarimg`); a test whose tools
//! are missing says so and passes without checking.
#![allow(clippy::disallowed_methods)] // a test reads the bundled examples and writes PDFs to read back

use niryat::render::{Lang, PdfOptions, Renderer};
use niryat::{DocKind, Shipment};
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

fn renderer() -> &'static Renderer {
    static R: OnceLock<Renderer> = OnceLock::new();
    R.get_or_init(Renderer::new)
}

fn have(tools: &[&str]) -> bool {
    let ok = tools.iter().all(|t| Command::new(t).arg("-v").output().is_ok());
    if !ok {
        eprintln!("SKIPPED: {} not installed", tools.join(", "));
    }
    ok
}

fn temp(bytes: &[u8], ext: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "niryat-invoice-test-{}-{}.{ext}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::write(&path, bytes).expect("write temp file");
    path
}

fn pdftotext(bytes: &[u8], args: &[&str]) -> String {
    let path = temp(bytes, "pdf");
    let out = Command::new("pdftotext").args(args).arg(&path).arg("-").output().expect("pdftotext");
    let _ = std::fs::remove_file(&path);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pages(bytes: &[u8]) -> usize {
    pdftotext(bytes, &[]).matches('\u{c}').count()
}

fn example(name: &str) -> Shipment {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../examples/{name}.json"));
    niryat::parse_json(&std::fs::read(&path).expect("read example")).expect("example parses")
}

fn examples() -> Vec<(String, Shipment)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("examples")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names.into_iter().map(|n| (n.clone(), example(&n))).collect()
}

fn render(s: &Shipment, kind: DocKind, lang: Lang, copies: u8) -> Vec<u8> {
    renderer()
        .render(s, kind, &PdfOptions { lang, copies, ..PdfOptions::default() })
        .unwrap_or_else(|e| unreachable!("{kind}: {e}"))
}

#[test]
fn the_invoice_comes_in_triplicate_with_the_rule_48_markings() {
    if !have(&["pdftotext"]) {
        return;
    }
    let s = example("varanasi-silk-amazon");
    let one = render(&s, DocKind::CommercialInvoice, Lang::En, 1);
    let n = pages(&one);
    assert!(pdftotext(&one, &[]).contains("ORIGINAL FOR RECIPIENT"));
    assert!(!pdftotext(&one, &[]).contains("DUPLICATE"));
    // A Hindi invoice is marked in Hindi, like all its labels (en+hi prints both, below).
    let hindi = render(&s, DocKind::CommercialInvoice, Lang::Hi, 1);
    let t = pdftotext(&hindi, &[]);
    assert!(!t.contains("ORIGINAL"), "{t}");
    assert!(t.split_whitespace().collect::<String>().contains("प्राप्तकर्ताहेतुमूलप्रति"), "{t}");
    // The default (copies 0) is the triplicate.
    let default = render(&s, DocKind::CommercialInvoice, Lang::EnHi, 0);
    assert_eq!(pages(&default), 3 * n);
    let marks = [
        ("ORIGINAL FOR RECIPIENT", "प्राप्तकर्ता"),
        ("DUPLICATE FOR TRANSPORTER", "परिवहनकर्ता"),
        ("TRIPLICATE FOR SUPPLIER", "आपूर्तिकर्ता"),
    ];
    for (i, (en, hi)) in marks.iter().enumerate() {
        let first = (i * n + 1).to_string();
        let t = pdftotext(&default, &["-f", &first, "-l", &first]);
        assert!(t.contains(en), "copy {} lacks {en}", i + 1);
        assert!(t.split_whitespace().collect::<String>().contains(hi), "copy {} lacks {hi}", i + 1);
    }
}

#[test]
fn other_documents_carry_no_copy_marking() {
    if !have(&["pdftotext"]) {
        return;
    }
    let s = example("varanasi-silk-amazon");
    for kind in [DocKind::PackingList, DocKind::IecDetails, DocKind::Cn23, DocKind::Pbe] {
        let default = render(&s, kind, Lang::En, 0);
        let text = pdftotext(&default, &[]).to_uppercase();
        for word in ["ORIGINAL", "DUPLICATE", "TRIPLICATE"] {
            assert!(!text.contains(word), "{kind} prints {word}");
        }
        // Copies asked for are printed, unmarked.
        let two = render(&s, kind, Lang::En, 2);
        assert_eq!(pages(&two), 2 * pages(&default), "{kind}");
    }
}

#[test]
fn the_signed_qr_code_reads_back_exactly() {
    if !have(&["pdftoppm"]) || Command::new("zbarimg").arg("--version").output().is_err() {
        eprintln!("SKIPPED: zbarimg (zbar-tools) not installed");
        return;
    }
    let s = example("moradabad-brass-sea");
    let jwt = s
        .invoice
        .as_ref()
        .and_then(|i| i.e_invoice.as_ref())
        .and_then(|e| e.signed_qr.clone())
        .expect("the example carries a signed QR code");
    // A real signed QR code is longer than the sample: try one of about 1,100 characters too.
    let mut long = s.clone();
    let mut data = serde_json::Map::new();
    for (k, v) in [
        ("SellerGstin", "09AAGCM7321Q1ZV"),
        ("BuyerGstin", "URP"),
        ("DocNo", "MBC/EXP/2627/118"),
        ("DocTyp", "INV"),
        ("DocDt", "10/11/2026"),
        ("MainHsnCode", "83062990"),
    ] {
        data.insert(k.into(), v.into());
    }
    let irn = long.invoice.as_ref().and_then(|i| i.e_invoice.as_ref()).and_then(|e| e.irn.clone());
    data.insert("Irn".into(), irn.unwrap_or_default().into());
    data.insert("Padding".into(), "x".repeat(420).into());
    let long_jwt = niryat::irp::sample_signed_qr(&data);
    assert!(long_jwt.len() > 1000, "{}", long_jwt.len());
    if let Some(e) = long.invoice.as_mut().and_then(|i| i.e_invoice.as_mut()) {
        e.signed_qr = Some(long_jwt.clone());
    }
    for (shipment, want) in [(&s, &jwt), (&long, &long_jwt)] {
        let pdf = render(shipment, DocKind::CommercialInvoice, Lang::EnHi, 1);
        let path = temp(&pdf, "pdf");
        let prefix = path.with_extension("");
        let ok = Command::new("pdftoppm")
            .args(["-r", "300", "-f", "1", "-l", "1", "-png", "-singlefile"])
            .arg(&path)
            .arg(&prefix)
            .status()
            .expect("pdftoppm");
        assert!(ok.success());
        let png = prefix.with_extension("png");
        let out =
            Command::new("zbarimg").args(["--raw", "-q"]).arg(&png).output().expect("zbarimg");
        let _ = std::fs::remove_file(&path);
        let _ = std::fs::remove_file(&png);
        let read = String::from_utf8_lossy(&out.stdout);
        assert_eq!(read.trim_end_matches('\n'), want.as_str());
    }
}

/// A word on a page: its text and box (x0, y0, x1, y1) in points.
#[derive(Debug)]
struct Word {
    text: String,
    page: usize,
    b: [f64; 4],
}

/// Words with their boxes, from `pdftotext -bbox`.
fn words(pdf: &[u8]) -> Vec<Word> {
    let html = pdftotext(pdf, &["-bbox"]);
    let mut out = Vec::new();
    let mut page = 0;
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
        }
        let Some(rest) = line.strip_prefix("<word ") else { continue };
        let attr = |name: &str| -> f64 {
            let key = format!("{name}=\"");
            rest.split(&key)
                .nth(1)
                .and_then(|v| v.split('"').next())
                .and_then(|v| v.parse().ok())
                .unwrap_or(0.0)
        };
        let text = rest.split('>').nth(1).and_then(|t| t.split('<').next()).unwrap_or("");
        out.push(Word {
            text: text.to_string(),
            page,
            b: [attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax")],
        });
    }
    out
}

/// Pairs of words whose boxes overlap. pdftotext's boxes run from the font's ascent to its
/// descent, so the boxes of two lines set close together touch without any ink meeting; what
/// is compared is each box's core (the top fifth and the bottom quarter trimmed off, where only
/// accents, matras and descenders reach), and a pair overprints when the cores overlap over
/// more than 1 pt of width.
fn overprints(words: &[Word]) -> Vec<String> {
    let core = |b: &[f64; 4]| {
        let h = b[3] - b[1];
        [b[0], b[1] + 0.2 * h, b[2], b[3] - 0.25 * h]
    };
    let mut out = Vec::new();
    for (i, a) in words.iter().enumerate() {
        let ca = core(&a.b);
        for b in &words[i + 1..] {
            if a.page != b.page {
                continue;
            }
            let cb = core(&b.b);
            let w = ca[2].min(cb[2]) - ca[0].max(cb[0]);
            let h = ca[3].min(cb[3]) - ca[1].max(cb[1]);
            if w > 1.0 && h > 0.0 {
                out.push(format!(
                    "page {}: {:?} {:?} over {:?} {:?}",
                    a.page, a.text, a.b, b.text, b.b
                ));
            }
        }
    }
    out
}

/// Documents known to overprint (none: the PBE's "Country of destination" heading, which ran
/// into the Hindi "उत्पाद" of the next heading, was given a wider column). A pair listed here is
/// skipped, so that a fix elsewhere can land before a template is reworked.
const KNOWN_OVERPRINTS: &[(&str, DocKind, &str)] = &[];

#[test]
fn no_two_words_overprint_on_any_document() {
    if !have(&["pdftotext"]) {
        return;
    }
    let mut failures = Vec::new();
    for (name, s) in examples() {
        let kinds: Vec<DocKind> =
            DocKind::for_shipment(&s).into_iter().filter(|k| *k != DocKind::Einvoice).collect();
        for kind in kinds {
            for lang in [Lang::En, Lang::Hi, Lang::EnHi] {
                let pdf = render(&s, kind, lang, 1);
                let bad = overprints(&words(&pdf));
                let known = KNOWN_OVERPRINTS
                    .iter()
                    .any(|(n, k, l)| *n == name && *k == kind && *l == lang.name());
                if !bad.is_empty() && !known {
                    failures.push(format!("{name} {kind} {}: {}", lang.name(), bad.join("; ")));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn long_values_wrap_inside_their_boxes() {
    if !have(&["pdftotext"]) {
        return;
    }
    let mut s = example("varanasi-silk-amazon");
    let hundred = |stem: &str| {
        let mut t = String::new();
        while t.chars().count() < 100 {
            t.push_str(stem);
            t.push(' ');
        }
        t.chars().take(100).collect::<String>().trim_end().to_string()
    };
    if let Some(e) = s.exporter.as_mut() {
        e.legal_name =
            Some(hundred("Kashi Buntkar Mahila Swayam Sahayata Samooh Producer Company"));
        if let Some(a) = e.address.as_mut() {
            a.line1 =
                Some(hundred("D-47/118 Madanpura Gali Number Seventeen Near Old Weavers Mosque"));
            a.line2 = Some(hundred("Behind the Government Handloom Weavers Service Centre Chauk"));
            a.state = Some("Andaman and Nicobar Islands".into());
        }
    }
    if let Some(c) = s.consignee.as_mut() {
        c.name = Some(hundred("Priyamvada Venkataraghavan Subramaniam Ramaswamy Iyer"));
        if let Some(a) = c.address.as_mut() {
            a.line1 =
                Some(hundred("Flat 1204 Tower B The Residences at Kensington Gardens Square"));
            a.state = Some("Dadra and Nagar Haveli and Daman and Diu".into());
        }
    }
    // ₹99,99,99,999.99 in all: one line of 8,98,47,259 pounds 63 pence at 111.30 … close
    // enough; a rupee invoice states it exactly.
    s.currency = Some("INR".into());
    s.exchange_rate = None;
    s.charges = None;
    s.tax = Some(niryat::model::TaxTreatment::IgstPaid {
        rate: Some("5".parse().expect("5")),
        amount: None,
    });
    s.items.truncate(1);
    s.items[0].gst_rate = None;
    s.items[0].quantity = Some("1".parse().expect("1"));
    s.items[0].unit_price = Some("999999999.99".parse().expect("price"));
    s.items[0].amount = Some("999999999.99".parse().expect("amount"));
    s.items[0].description = Some(hundred("Banarasi silk saree with zari brocade handwoven"));
    for p in &mut s.packages {
        p.contents.truncate(1);
    }
    let v = niryat::validate(&s, &[DocKind::CommercialInvoice], niryat::Mode::Draft);
    let errors: Vec<_> =
        v.issues.iter().filter(|i| i.severity == niryat::Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:?}");
    for lang in [Lang::En, Lang::Hi, Lang::EnHi] {
        let pdf = render(&s, DocKind::CommercialInvoice, lang, 1);
        let w = words(&pdf);
        let bad = overprints(&w);
        assert!(bad.is_empty(), "{}: {}", lang.name(), bad.join("\n"));
        for word in &w {
            assert!(word.b[2] <= 595.3 && word.b[0] >= 0.0, "{:?} leaves the page", word.text);
        }
        let text: String = w.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ");
        assert!(text.contains("99,99,99,999.99"), "{}: {text}", lang.name());
    }
}

/// An IGST amount stated rounded to the rupee (section 170) prints the lines' sum and the
/// round-off above it: the lines add up to ₹3,342.11, the invoice charges ₹3,342.00.
#[test]
fn a_rounded_igst_amount_shows_its_round_off() {
    if !have(&["pdftotext"]) {
        return;
    }
    let mut s = example("varanasi-silk-amazon");
    s.tax = Some(niryat::model::TaxTreatment::IgstPaid {
        rate: Some("5".parse().expect("a rate")),
        amount: Some("3342".parse().expect("an amount")),
    });
    let text = pdftotext(&render(&s, DocKind::CommercialInvoice, Lang::En, 1), &["-raw"]);
    for want in
        ["IGST of the lines", "₹3,342.11", "Round-off (s. 170 CGST Act)", "−₹0.11", "₹3,342.00"]
    {
        assert!(text.contains(want), "{want:?} not printed:\n{text}");
    }
    // Stated exactly, no round-off line.
    s.tax = Some(niryat::model::TaxTreatment::IgstPaid {
        rate: Some("5".parse().expect("a rate")),
        amount: Some("3342.11".parse().expect("an amount")),
    });
    let text = pdftotext(&render(&s, DocKind::CommercialInvoice, Lang::En, 1), &["-raw"]);
    assert!(!text.contains("Round-off"), "{text}");
}

/// Rule 46(k)-(m) line by line: with IGST paid, each line prints its taxable value in rupees
/// (its amount plus its share of the freight), so its IGST is its rate on a figure on the same
/// line: ₹34,393.52 at 5 % = ₹1,719.68 and ₹9,013.48 at 18 % = ₹1,622.43 (the line amounts
/// alone, ₹32,277.00 and ₹8,458.80, would not give them).
#[test]
fn each_taxed_line_prints_its_taxable_value() {
    if !have(&["pdftotext"]) {
        return;
    }
    let s = example("varanasi-silk-amazon");
    let text = pdftotext(&render(&s, DocKind::CommercialInvoice, Lang::En, 1), &["-layout"]);
    let lines: Vec<&str> = text.lines().collect();
    for (hs, taxable, rate, igst) in
        [("50072010", "34,393.52", "5%", "1,719.68"), ("62141020", "9,013.48", "18%", "1,622.43")]
    {
        let row = lines.iter().find(|l| l.contains(hs)).unwrap_or_else(|| panic!("{hs}:\n{text}"));
        let at =
            |w: &str| row.find(w).unwrap_or_else(|| panic!("{w} not on the row of {hs}: {row}"));
        assert!(at(taxable) < at(rate) && at(rate) < at(igst), "{row}");
    }
    assert!(text.contains("Taxable value (₹)"), "{text}");
    // Under LUT no tax is paid and there is no such column.
    let lut = example("moradabad-brass-sea");
    let text = pdftotext(&render(&lut, DocKind::CommercialInvoice, Lang::En, 1), &["-layout"]);
    assert!(!text.contains("Taxable value (₹)"), "{text}");
}
