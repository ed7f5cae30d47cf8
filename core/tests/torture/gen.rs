//! Worst-case valid shipments for the layout torture tests and the ceilings.
//!
//! A shipment starts from an example and is grown: many invoice lines and packages (each
//! package packing its lines exactly), the largest amounts, and every free-text field as long
//! as validation accepts it, written in Latin, Devanagari or mixed scripts, as words or as
//! one unbreakable word. How long a field may be is found by asking `validate` (a binary
//! search per field), so a shipment made here is valid by construction and holds the longest
//! text niryat lets through for its documents.

#![allow(dead_code)]

use niryat::{parse_value, validate, DocKind, Mode, Shipment};
use serde_json::{json, Value};

/// Which example a torture shipment grows from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// By sea (commercial invoice, packing list, IEC sheet).
    Sea,
    /// By post, sold online (CN23, Postal Bill of Export, invoice, packing list).
    Post,
    /// A personal gift by letter post (CN22).
    Gift,
}

/// The script of the generated text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters and digits.
    Latin,
    /// Devanagari with conjuncts and vowel signs.
    Devanagari,
    /// Latin (with combining marks), Devanagari (with joiners), Greek and Cyrillic in one
    /// text: every script the bundled fonts print.
    Mixed,
}

/// How text breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breaks {
    /// Words separated by spaces.
    Words,
    /// One word with no break opportunity.
    Unbreakable,
}

/// The shape of a torture shipment.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Example it grows from.
    pub base: Base,
    /// Invoice lines.
    pub lines: usize,
    /// Package rows.
    pub packages: usize,
    /// Script of every free-text field.
    pub script: Script,
    /// Words or one unbreakable word.
    pub breaks: Breaks,
    /// Longest text tried per field (validation may accept less).
    pub max_chars: usize,
    /// Largest amounts (otherwise ordinary ones).
    pub huge: bool,
}

const SEA: &str = include_str!("../../../examples/moradabad-brass-sea.json");
const POST: &str = include_str!("../../../examples/varanasi-silk-amazon.json");
const GIFT: &str = include_str!("../../../examples/personal-gift.json");

#[path = "../support/free_text.rs"]
mod free_text;
pub use free_text::FREE_TEXT;

const LATIN: &[&str] = &["Handwoven", "brass", "WWWWMMMM", "Chikankari", "QUALITY", "1234567890"];
const DEVANAGARI: &[&str] = &["क्षत्रिय", "चिकनकारी", "हस्तनिर्मित", "पीतल", "श्रृंगार", "ज्ञानेश्वरी"];
/// Scripts mixed as far as the bundled fonts print them (Arabic, CJK and emoji are refused by
/// validation, `text_not_printable`): Latin with precomposed and combining diacritics,
/// Devanagari with a zero-width joiner and non-joiner, Greek, Cyrillic, a soft hyphen.
const MIXED: &[&str] = &[
    "Brass",
    "पीतल",
    "Χαλκός",
    "e\u{301}\u{308}",
    "Медь",
    "क्\u{200D}ष",
    "Ünïcödé",
    "क्\u{200C}ष",
    "soft\u{AD}hyphen",
    "Ŧħę\u{0327}",
];

/// Text of exactly `n` characters (`n` ≥ 1) in `script`, between the markers `Q{tag}Q` and
/// `J{tag}J` (ASCII, so the torture checks can find both ends of it whatever the script):
/// words separated by spaces, or one unbreakable word. Shorter than the two markers, it is
/// ASCII digits.
pub fn text(script: Script, breaks: Breaks, tag: usize, n: usize) -> String {
    let words = match script {
        Script::Latin => LATIN,
        Script::Devanagari => DEVANAGARI,
        Script::Mixed => MIXED,
    };
    let (start, end) = (format!("Q{tag}Q"), format!("J{tag}J"));
    let room = n.saturating_sub(start.len() + end.len());
    if room < 2 {
        return "7".repeat(n.max(1));
    }
    let mut body = String::new();
    let mut i = tag;
    while body.chars().count() < room {
        if breaks == Breaks::Words {
            body.push(' ');
        }
        body.push_str(words[i % words.len()]);
        i += 1;
    }
    let mut body: String = body.chars().take(room).collect();
    // Neither end of the body is a space (the markers stay words of their own only with
    // a space between; a break before the end marker is fine).
    if body.ends_with(' ') {
        body.pop();
        body.push('x');
    }
    format!("{start}{body}{end}")
}

/// Every pointer to a string under one of [`FREE_TEXT`] (list elements count one by one).
pub fn text_pointers(v: &Value) -> Vec<String> {
    free_text::pointers_to(v, FREE_TEXT)
}

fn base(b: Base) -> Value {
    let text = match b {
        Base::Sea => SEA,
        Base::Post => POST,
        Base::Gift => GIFT,
    };
    serde_json::from_str(text).unwrap_or(Value::Null)
}

/// Kinds the torture renders for a base.
pub fn kinds(b: Base) -> Vec<DocKind> {
    match b {
        Base::Sea => vec![DocKind::CommercialInvoice, DocKind::PackingList, DocKind::IecDetails],
        Base::Post => vec![
            DocKind::CommercialInvoice,
            DocKind::PackingList,
            DocKind::IecDetails,
            DocKind::Cn23,
            DocKind::Pbe,
        ],
        Base::Gift => vec![DocKind::Cn22],
    }
}

/// Quantity, unit price (minor units) and net grams of line `i`.
fn line_numbers(shape: &Shape, i: usize) -> (u64, u64, u64) {
    let i = i as u64;
    match (shape.base, shape.huge) {
        (Base::Sea, true) => (999_999, 999_999_999_999, 1_000 + i % 7),
        (Base::Sea, false) => (10 + i % 90, 100 + (i * 37) % 50_000, 250 + i % 900),
        // Post: EMS parcels weigh at most 30 kg in all; values within the postal limits.
        (Base::Post, _) => (1, 500 + (i * 37) % 5_000, 1),
        (Base::Gift, _) => (1, 100 + i % 50, 10),
    }
}

/// A valid S10 tracking number (UPU S10: prefix, 8 digits, check digit, country).
fn s10(prefix: &str, serial: u32) -> String {
    let mut digits = [0u8; 8];
    for (i, d) in format!("{serial:08}").bytes().take(8).enumerate() {
        digits[i] = d - b'0';
    }
    format!("{prefix}{serial:08}{}IN", niryat::rules::ids::s10_check_digit(&digits))
}

fn money(minor: u128) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

fn kg(grams: u128) -> String {
    format!("{}.{:03}", grams / 1000, grams % 1000)
}

/// Builds the shipment as JSON, before the text is lengthened.
fn grow(shape: &Shape) -> Value {
    let mut v = base(shape.base);
    let template = v["items"][0].clone();
    // A CN22 holds four lines of one packet.
    let (lines, packages) = match shape.base {
        Base::Gift => (shape.lines.clamp(1, 4), 1),
        _ => (shape.lines.max(1), shape.packages.clamp(1, shape.lines.max(1))),
    };
    let mut items = Vec::with_capacity(lines);
    let mut total: u128 = 0;
    for i in 0..lines {
        let (q, price, grams) = line_numbers(shape, i);
        let mut it = template.clone();
        let amount = u128::from(q) * u128::from(price);
        total += amount;
        it["quantity"] = json!(q.to_string());
        it["unit_price"] = json!(money(u128::from(price)));
        it["amount"] = json!(money(amount));
        it["net_weight_kg"] = json!(kg(u128::from(q) * u128::from(grams)));
        if let Some(m) = it.as_object_mut() {
            m.remove("customs_unit");
            m.remove("customs_quantity");
            m.remove("gst_rate");
        }
        it["description"] = json!(format!("line {i}"));
        items.push(it);
    }
    let ptemplate = v["packages"][0].clone();
    let mut rows = Vec::with_capacity(packages);
    for p in 0..packages {
        let mut row = ptemplate.clone();
        let mut contents = Vec::new();
        let mut grams: u128 = 0;
        for (i, it) in items.iter().enumerate().skip(p).step_by(packages) {
            let (q, _, g) = line_numbers(shape, i);
            grams += u128::from(q) * u128::from(g);
            contents.push(json!({"line": i + 1, "quantity": it["quantity"]}));
        }
        if let Some(m) = row.as_object_mut() {
            m.remove("to");
            if shape.base == Base::Post || shape.base == Base::Gift {
                m.remove("tracking_number");
            }
        }
        row["number"] = json!(p + 1);
        if shape.base != Base::Gift {
            row["contents"] = json!(contents);
        }
        row["net_weight_kg"] = json!(kg(grams));
        row["gross_weight_kg"] = json!(kg(grams + 100));
        rows.push(row);
    }
    if shape.base == Base::Post || shape.base == Base::Gift {
        // An S10 tracking number per parcel.
        let prefix = if shape.base == Base::Post { "EE" } else { "LP" };
        for (p, row) in rows.iter_mut().enumerate() {
            row["tracking_number"] = json!(s10(prefix, 51_880_000 + p as u32));
        }
    }
    v["items"] = json!(items);
    v["packages"] = json!(rows);
    if let Some(inv) = v.get_mut("invoice").and_then(Value::as_object_mut) {
        inv.remove("total");
    }
    if shape.base == Base::Post {
        // Export under LUT: no IGST amount to keep in step with the lines.
        v["tax"] = json!({"kind": "lut", "arn": "AD090426004321M", "date": "2026-04-02"});
    }
    let _ = total;
    v
}

/// A worst-case valid shipment of `shape`, as JSON. Every free-text field holds text of
/// `shape.script` as long as validation accepts (up to `shape.max_chars`).
pub fn generate(shape: &Shape) -> Value {
    generate_for(shape, &kinds(shape.base), &|_| shape.max_chars)
}

/// Whether the free-text field at `pointer` is printed in the boxes above the lines of the
/// invoice and packing list (parties, references, transport, terms) or around them (bank,
/// signatory): everything but the lines and the packages.
pub fn header_field(pointer: &str) -> bool {
    !pointer.starts_with("/items/") && !pointer.starts_with("/packages/")
}

/// Kinds of the header case: the commercial documents whose header boxes hold every party,
/// the IEC sheet beside them, and the proforma invoice, which shares the invoice's header.
pub fn header_kinds() -> Vec<DocKind> {
    vec![
        DocKind::CommercialInvoice,
        DocKind::PackingList,
        DocKind::IecDetails,
        DocKind::ProformaInvoice,
    ]
}

/// The header case: every field of [`header_field`] as long as validation accepts (up to
/// `shape.max_chars`), the lines' and packages' texts at most 60 characters; valid for
/// [`header_kinds`] (a proforma validity date is added).
pub fn header_shipment(shape: &Shape) -> Shipment {
    let kinds = header_kinds();
    let v =
        generate_for(shape, &kinds, &|p: &str| if header_field(p) { shape.max_chars } else { 60 });
    parsed(&v, shape, &kinds)
}

/// The lines case: the texts of the lines and packages (descriptions, SKUs, marks) as long as
/// validation accepts (up to `shape.max_chars`), every field of [`header_field`] at most 60
/// characters; valid for the base's kinds. One line's row of the invoice, or one package's
/// row of the packing list (its contents list each of its lines), is then taller than a
/// page.
pub fn lines_shipment(shape: &Shape) -> Shipment {
    let kinds = kinds(shape.base);
    let v =
        generate_for(shape, &kinds, &|p: &str| if header_field(p) { 60 } else { shape.max_chars });
    parsed(&v, shape, &kinds)
}

/// A shipment of `shape` valid for `kinds`, the text at `pointer` as long as validation
/// accepts up to `limit(pointer)` characters.
pub fn generate_for(shape: &Shape, kinds: &[DocKind], limit: &dyn Fn(&str) -> usize) -> Value {
    let mut v = grow(shape);
    // Grown lines are another invoice than the example's: its signed QR code, made again.
    if let Ok(mut s) = parse_value(&v) {
        if niryat::irp::put_sample_signed_qr(&mut s) {
            let qr = s.invoice.and_then(|i| i.e_invoice).and_then(|e| e.signed_qr);
            if let (Some(slot), Some(qr)) = (v.pointer_mut("/invoice/e_invoice/signed_qr"), qr) {
                *slot = json!(qr);
            }
        }
    }
    if kinds.contains(&DocKind::ProformaInvoice) {
        v["proforma"] = json!({"valid_until": "2099-12-31"});
    }
    let fields = text_pointers(&v);
    let max: Vec<usize> = fields.iter().map(|p| limit(p)).collect();
    // Per field: longest known good, shortest known bad.
    let mut lo = vec![0usize; fields.len()];
    let mut hi: Vec<usize> = max.iter().map(|m| m + 1).collect();
    let mut cur = max.clone();
    // A report names at most `MAX_PER_CODE` issues of one code (the rest are counted in an
    // `issues_truncated` warning): while it is cut, a field it does not name is not known to
    // be good and stays as it is (a 1,000-line shipment's SKUs, each too long for the PBE,
    // are named a hundred at a time).
    for _round in 0..64 {
        for (k, p) in fields.iter().enumerate() {
            let n = cur[k].max(1);
            if let Some(slot) = v.pointer_mut(p) {
                *slot = json!(text(shape.script, shape.breaks, k, n));
            }
        }
        let (bad, truncated): (std::collections::HashSet<String>, bool) = match parse_value(&v) {
            Ok(s) => {
                let report = validate(&s, kinds, Mode::Strict);
                let cut = report.issues.iter().any(|i| i.code == "issues_truncated");
                (report.errors().map(|i| i.path.clone()).collect(), cut)
            }
            Err(e) => ([e.path].into_iter().collect(), false),
        };
        let mut moved = false;
        for k in 0..fields.len() {
            if bad.contains(&fields[k]) {
                hi[k] = cur[k];
                // Taken for good while the report was cut: not known any more.
                if lo[k] >= hi[k] {
                    lo[k] = 0;
                }
            } else if truncated {
                continue;
            } else {
                lo[k] = cur[k];
            }
            let next = if hi[k] > lo[k] + 1 { (lo[k] + hi[k]) / 2 } else { lo[k] };
            if next != cur[k] {
                moved = true;
                cur[k] = next;
            }
        }
        if !moved && !truncated {
            break;
        }
    }
    for (k, p) in fields.iter().enumerate() {
        if let Some(slot) = v.pointer_mut(p) {
            *slot = json!(text(shape.script, shape.breaks, k, cur[k].max(1)));
        }
    }
    v
}

/// A shipment of `shape` valid for `kinds`, each text as long as validation accepts for them
/// (up to `shape.max_chars`), parsed.
pub fn shipment_for(shape: &Shape, kinds: &[DocKind]) -> Shipment {
    parsed(&generate_for(shape, kinds, &|_| shape.max_chars), shape, kinds)
}

/// The shipment of [`generate`], parsed; panics with the issues when it is not valid for
/// its base's documents (a generator bug).
pub fn shipment(shape: &Shape) -> Shipment {
    parsed(&generate(shape), shape, &kinds(shape.base))
}

fn parsed(v: &Value, shape: &Shape, kinds: &[DocKind]) -> Shipment {
    let s = match parse_value(v) {
        Ok(s) => s,
        Err(e) => panic!("torture shipment refused at {}: {}", e.path, e.message),
    };
    let report = validate(&s, kinds, Mode::Strict);
    let errors: Vec<String> =
        report.errors().map(|i| format!("{} {} {}", i.code, i.path, i.message)).collect();
    assert!(errors.is_empty(), "torture shipment {shape:?} is invalid: {errors:#?}");
    s
}

/// A shipment by post of `lines` lines in one parcel, valid for the CN23, each text of
/// `fields` (JSON pointers as `niryat::rules::fit::cn23_texts` gives them, with their limits)
/// set to `fill(n)` at its limit `n`: every line's description, and a list (licences,
/// certificates) as one entry.
pub fn post_at_limits(
    lines: usize,
    fields: &[(String, usize)],
    fill: &dyn Fn(usize) -> String,
) -> Value {
    let shape = Shape {
        base: Base::Post,
        lines,
        packages: 1,
        script: Script::Latin,
        breaks: Breaks::Words,
        max_chars: 60,
        huge: false,
    };
    let mut v = grow(&shape);
    for (path, n) in fields {
        let value = if path.ends_with("/licences") || path.ends_with("/certificates") {
            json!([fill(*n)])
        } else {
            json!(fill(*n))
        };
        let (parent, key) = path.rsplit_once('/').unwrap_or(("", path));
        if let Some(obj) = v.pointer_mut(parent).and_then(Value::as_object_mut) {
            obj.insert(key.to_string(), value);
        }
    }
    v
}

/// A shipment by post of `lines` lines in two parcels, sold online (PBE-III), valid for the
/// Postal Bill of Export, with every text the bill prints present: an authorised agent, a
/// bill number, a customs unit and a scheme claim (drawback and RoDTEP) on every line, and
/// exports under LUT or, with `bond`, under bond. Each text of `fields` (JSON pointers as
/// `niryat::rules::fit::pbe_texts` gives them, with their limits) is set to `fill(n)` at its
/// limit `n`.
pub fn pbe_at_limits(
    lines: usize,
    fields: &[(String, usize)],
    fill: &dyn Fn(usize) -> String,
    bond: bool,
) -> Value {
    let shape = Shape {
        base: Base::Post,
        lines,
        packages: 2,
        script: Script::Latin,
        breaks: Breaks::Words,
        max_chars: 60,
        huge: false,
    };
    let mut v = grow(&shape);
    v["authorised_agent"] =
        json!({"licence_number": "R-12/2020", "name": "Agent", "address": "Lucknow"});
    v["export_declaration"] = json!({"number": "2004390", "date": "2026-11-19"});
    if bond {
        v["tax"] = json!({"kind": "bond", "reference": "B-12/2026", "date": "2026-04-02"});
    }
    if let Some(items) = v["items"].as_array_mut() {
        for it in items {
            it["customs_unit"] = json!("PCS");
            it["customs_quantity"] = it["quantity"].clone();
            it["scheme"] = json!({
                "drawback": true, "dbk_serial": "6104B", "rodtep": true, "scheme_code": "RODTEP",
                "end_use": "Apparel", "ritc_code": "50072010"
            });
        }
    }
    for (path, n) in fields {
        let (parent, key) = path.rsplit_once('/').unwrap_or(("", path));
        if let Some(obj) = v.pointer_mut(parent).and_then(Value::as_object_mut) {
            obj.insert(key.to_string(), json!(fill(*n)));
        }
    }
    v
}
