//! Text that cannot fit a fixed form.
//!
//! Flowing documents (invoice, packing list, IEC sheet) wrap any text over as many lines and
//! pages as it needs. The CN22 and the CN23 are forms of fixed size: the layout torture
//! (`core/tests/torture.rs`) found that a long sender name or designation pushed the CN22's
//! signature block onto a second page, and that long names, addresses, references and
//! descriptions ran the CN23's boxes over one another and off the label (issue 15). The
//! Postal Bill of Export wraps its texts too, but in columns a few letters wide: a text of
//! thousands of characters made one row of the bill about 25 pages tall, a form no office
//! takes, and took minutes to render. Validation now says so before rendering, at the
//! field's path, with the limit.

use super::catalogue::{self as c, Rule};
use super::ctx::Ctx;
use super::DocKind;
use crate::model::{Address, Shipment, TaxTreatment};
use crate::render::Lang;
use crate::views::pbe::exchange_rate_text;
use crate::views::{inr, kg, num, Money};
use rust_decimal::Decimal;

/// Most characters of each text printed in the CN22's signature block (the signer's name,
/// designation and the exporter's name) and of the explanation of the category "other".
/// The label has room for about three lines of each at its smallest type.
pub const CN22_MAX_SIGNATURE_TEXT: usize = 120;

/// Most characters of a name in the CN23's sender and addressee boxes (the exporter's legal
/// name, also in the signature block, and the consignee's name) and of the signer's name.
pub const CN23_MAX_NAME: usize = 50;

/// Most characters of each other line of the CN23's boxes: a trade name or business, an
/// address line, the sender's reference, e-mail, the booking office, the explanation, the
/// comments, the licences and the certificates (each list joined), the designation.
pub const CN23_MAX_LINE: usize = 50;

/// Most characters of a city, district or state: they share one line of the address with
/// the postal code.
pub const CN23_MAX_PLACE: usize = 20;

/// Most characters of a postal code, telephone number or tax id (importer's reference).
pub const CN23_MAX_CODE: usize = 16;

/// Most characters of a line's description in the CN23's contents table: more than the
/// CN22's 60 (`postal::CN22_MAX_DESCRIPTION`), since a longer description is what sends an
/// item from the CN22 to the CN23.
pub const CN23_MAX_DESCRIPTION: usize = 80;

/// Most characters of a customs unit (`MTR`, `KGS`, `1000 KWH`) in the PBE's "Unit" column,
/// two of the widest letters wide.
pub const PBE_MAX_UNIT: usize = 8;

/// Most characters of an SKU in the PBE's col. 14 (Amazon's seller SKU takes 40).
pub const PBE_MAX_SKU: usize = 40;

/// Most characters of the website's URL in the PBE's col. 12 (printed with the platform's
/// name after it).
pub const PBE_MAX_URL: usize = 60;

/// Most characters of the platform's name in the PBE's col. 12 (after the URL).
pub const PBE_MAX_PLATFORM: usize = 30;

/// Most characters of the payment transaction id (col. 13), of the LUT's ARN or the bond's
/// reference (col. 32).
pub const PBE_MAX_REFERENCE: usize = 30;

/// Most characters of the authorised agent's address (one text in the header's fourth box,
/// about three address lines).
pub const PBE_MAX_AGENT_ADDRESS: usize = 150;

/// Checks the texts of fixed forms asked for.
pub(crate) fn check(ctx: &mut Ctx<'_>) {
    if ctx.wants(DocKind::Cn22) {
        check_cn22(ctx);
    }
    let s = ctx.s;
    if ctx.wants(DocKind::Cn23) {
        cn23_fields(s, &mut |at, t, max| too_long(ctx, c::CN23_TEXT_FIT, at, len(t), max));
    }
    if ctx.wants(DocKind::Pbe) {
        pbe_fields(s, &mut |at, t, max| too_long(ctx, c::PBE_TEXT_FIT, at, len(t), max));
        for v in pbe_values(s, ctx.taxable_values_inr()) {
            if v.em * PBE_VALUE_MIN_SIZE_PT > pbe_text_width(v.field) {
                ctx.push(c::PBE_VALUE_FIT, v.at.path(), "")
                    .set("value", v.text)
                    .set("column", v.column);
            }
        }
    }
}

/// The relative widths of the PBE-III's 34 columns, in form order, as `pbe.typ` has them
/// (`width-of`; the test `the_pbe_widths_are_the_template_s` compares the two). The PBE-IV
/// has three columns fewer, so each of its columns is wider: these are the narrower.
pub(crate) const PBE_WIDTHS: [(&str, f64); 34] = [
    ("sl_no", 3.5),
    ("consignee", 12.0),
    ("destination_country", 10.0),
    ("description", 12.0),
    ("cth", 9.0),
    ("unit", 5.0),
    ("quantity", 7.5),
    ("invoice_no_date", 13.0),
    ("gross_weight_kg", 7.5),
    ("net_weight_kg", 7.5),
    ("ecommerce_operator_gstin", 16.0),
    ("website", 9.0),
    ("payment_transaction_id", 14.0),
    ("sku", 9.0),
    ("tracking_number", 14.0),
    ("fob", 11.0),
    ("currency", 5.0),
    ("exchange_rate", 6.0),
    ("amount_inr", 12.0),
    ("hs_code", 9.0),
    ("tax_invoice_no_date", 13.0),
    ("invoice_item_sl_no", 6.5),
    ("value", 11.5),
    ("export_duty_rate", 4.5),
    ("export_duty_amount", 4.5),
    ("cess_rate", 4.5),
    ("cess_amount", 4.5),
    ("igst_rate", 4.5),
    ("igst_amount", 11.0),
    ("comp_cess_rate", 4.5),
    ("comp_cess_amount", 4.5),
    ("lut_bond_details", 17.5),
    ("duties", 6.0),
    ("cess", 4.5),
];

/// The smallest type a number on the PBE may shrink to: three quarters of the sheet's 4.8 pt.
/// `pbe.typ` prints a number wider than its column smaller (`fit-number`); below this it
/// would be too small to read, so validation refuses it.
pub const PBE_VALUE_MIN_SIZE_PT: f64 = 4.8 * 0.75;

/// The width of a PBE-III column's text in points: its share of the sheet's width (A4
/// landscape less 6 mm margins) less the cell's insets, as `pbe.typ` computes it.
pub(crate) fn pbe_text_width(field: &str) -> f64 {
    let total: f64 = PBE_WIDTHS.iter().map(|(_, w)| w).sum();
    let fr = PBE_WIDTHS.iter().find(|(f, _)| *f == field).map_or(0.0, |(_, w)| *w);
    fr / total * (285.0 / 25.4 * 72.0) - 3.0
}

/// The width in em of Noto Sans of the widest word of `text`, from above (a text with spaces
/// wraps at them, "0.5 per 100"): digits 0.58 (the fonts' figures are 0.572), separators 0.3,
/// any other letter 0.75, a Devanagari letter 0.8 and a sign joined to it 0.3.
fn em(text: &str) -> f64 {
    let word = |w: &str| -> f64 {
        w.chars()
            .map(|ch| match ch {
                '0'..='9' => 0.58,
                ',' | '.' | '-' => 0.3,
                // Devanagari signs (vowel signs, virama, nukta, anusvara) join a letter.
                '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{0951}'..='\u{0957}' => 0.3,
                '\u{0900}'..='\u{097F}' => 0.8,
                _ => 0.75,
            })
            .sum()
    };
    text.split(' ').map(word).fold(0.0, f64::max)
}

/// A number the PBE prints, with where it comes from.
#[derive(Clone)]
pub(crate) struct PbeValue {
    /// Where in the input it comes from.
    pub at: At<'static>,
    /// The PBE's column (field name, as in [`PBE_WIDTHS`]).
    pub field: &'static str,
    /// The column's number on the PBE-III.
    pub column: usize,
    /// The text as printed.
    pub text: String,
    /// Its width in em ([`em`]).
    pub em: f64,
}

/// The widest number of each numeric column of the PBE, as printed. A row's amount, value,
/// IGST and net weight are shares of the totals printed under them (all positive), and a
/// row's quantity a share of its line's, so the totals and the lines' quantities bound every
/// row; a total is printed in bold, whose figures are as wide as the regular ones.
pub(crate) fn pbe_values(s: &Shipment, taxable: Option<&[Decimal]>) -> Vec<PbeValue> {
    let column =
        |field: &str| PBE_WIDTHS.iter().position(|(f, _)| *f == field).map_or(0, |i| i + 1);
    let mut out = Vec::new();
    let mut add = |at: At<'static>, field: &'static str, text: String| {
        if !text.is_empty() {
            out.push(PbeValue { at, field, column: column(field), em: em(&text), text });
        }
    };
    for (i, it) in s.items.iter().enumerate() {
        let customs = it.customs_unit.as_deref().is_some_and(|u| !u.trim().is_empty());
        let (path, q) = match (customs, it.customs_quantity) {
            (true, Some(q)) => (At::Item(i, "/customs_quantity"), q),
            _ => match it.quantity {
                Some(q) => (At::Item(i, "/quantity"), q),
                None => continue,
            },
        };
        add(path, "quantity", num(q.normalize()));
    }
    let gross = crate::calc::sum(s.packages.iter().map(|p| p.gross_weight_kg));
    if let Some(g) = gross {
        add(At::Fixed("/packages"), "gross_weight_kg", kg(g));
    }
    if let Some(n) = crate::calc::sum(s.items.iter().map(|i| i.net_weight_kg)) {
        add(At::Fixed("/items"), "net_weight_kg", kg(n));
    }
    if let Some(goods) = crate::calc::goods_total(s) {
        add(At::Fixed("/items"), "fob", Money::of(s).fmt(goods));
        if let Some(v) = crate::calc::to_inr(s, goods) {
            add(At::Fixed("/items"), "amount_inr", inr(v));
        }
    }
    if let Some(v) = taxable.and_then(|v| crate::calc::sum(v.iter().copied().map(Some))) {
        add(At::Fixed("/items"), "value", inr(v));
    }
    if matches!(s.tax, Some(TaxTreatment::IgstPaid { .. })) {
        if let Some(v) = taxable.and_then(|t| crate::calc::igst_total_of(s, t)) {
            add(At::Fixed("/tax"), "igst_amount", inr(v));
        }
    }
    // Validation does not know the language the bill is printed in: the wider of the two.
    let (en, hi) = (exchange_rate_text(s, Lang::En), exchange_rate_text(s, Lang::Hi));
    add(At::Fixed("/exchange_rate"), "exchange_rate", if em(&hi) > em(&en) { hi } else { en });
    out
}

/// Reports a text of `n` characters at `at` under `rule` when longer than `max`.
fn too_long(ctx: &mut Ctx<'_>, rule: Rule, at: At<'_>, n: usize, max: usize) {
    if n > max {
        ctx.push(rule, at.path(), "").set("chars", n).set("max", max);
    }
}

fn check_cn22(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let fields = [
        ("/signatory/name", s.signatory.as_ref().and_then(|x| x.name.as_deref())),
        ("/signatory/designation", s.signatory.as_ref().and_then(|x| x.designation.as_deref())),
        ("/exporter/legal_name", s.exporter.as_ref().and_then(|e| e.legal_name.as_deref())),
        ("/postal/explanation", s.postal.as_ref().and_then(|p| p.explanation.as_deref())),
    ];
    for (path, text) in fields {
        let n = text.map_or(0, |t| t.chars().count());
        if n > CN22_MAX_SIGNATURE_TEXT {
            ctx.push(c::CN22_TEXT_FIT, path, "")
                .set("chars", n)
                .set("max", CN22_MAX_SIGNATURE_TEXT);
        }
    }
}

/// Characters of a text field (0 when absent).
fn len(t: Option<&String>) -> usize {
    t.map_or(0, |t| t.chars().count())
}

/// Where a text of a fixed form is: its JSON Pointer, written out only for a text that is
/// reported or listed (validation looks at every one of them on every check).
#[derive(Clone, Copy)]
pub(crate) enum At<'a> {
    /// This path.
    Fixed(&'static str),
    /// The first under the second (`/exporter` and `/address/line1`).
    Under(&'a str, &'static str),
    /// `/items/N` and the rest.
    Item(usize, &'static str),
}

impl At<'_> {
    pub(crate) fn path(self) -> String {
        match self {
            At::Fixed(p) => p.to_string(),
            At::Under(at, rest) => format!("{at}{rest}"),
            At::Item(i, rest) => format!("/items/{i}{rest}"),
        }
    }
}

/// The lines of the address under `at`, with the limits both the CN23 and the PBE give them.
fn address_texts(add: &mut dyn FnMut(At<'_>, Option<&String>, usize), at: &str, a: &Address) {
    add(At::Under(at, "/address/line1"), a.line1.as_ref(), CN23_MAX_LINE);
    add(At::Under(at, "/address/line2"), a.line2.as_ref(), CN23_MAX_LINE);
    add(At::Under(at, "/address/city"), a.city.as_ref(), CN23_MAX_PLACE);
    add(At::Under(at, "/address/district"), a.district.as_ref(), CN23_MAX_PLACE);
    add(At::Under(at, "/address/state"), a.state.as_ref(), CN23_MAX_PLACE);
    add(At::Under(at, "/address/postal_code"), a.postal_code.as_ref(), CN23_MAX_CODE);
}

/// Every text the CN23 prints in a box of fixed size: its path, its length in characters and
/// its limit. A list printed joined (licences, certificates) counts as its joined text.
pub fn cn23_texts(s: &Shipment) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    cn23_fields(s, &mut |at, t, max| out.push((at.path(), len(t), max)));
    out
}

/// Calls `add` with each text [`cn23_texts`] lists: where it is, the text, its limit.
fn cn23_fields(s: &Shipment, add: &mut dyn FnMut(At<'_>, Option<&String>, usize)) {
    if let Some(e) = &s.exporter {
        add(At::Fixed("/exporter/legal_name"), e.legal_name.as_ref(), CN23_MAX_NAME);
        add(At::Fixed("/exporter/trade_name"), e.trade_name.as_ref(), CN23_MAX_LINE);
        if let Some(a) = &e.address {
            address_texts(add, "/exporter", a);
        }
        add(At::Fixed("/exporter/phone"), e.phone.as_ref(), CN23_MAX_CODE);
        add(At::Fixed("/exporter/email"), e.email.as_ref(), CN23_MAX_LINE);
    }
    if let Some(p) = &s.consignee {
        add(At::Fixed("/consignee/name"), p.name.as_ref(), CN23_MAX_NAME);
        add(At::Fixed("/consignee/business"), p.business.as_ref(), CN23_MAX_LINE);
        if let Some(a) = &p.address {
            address_texts(add, "/consignee", a);
        }
        add(At::Fixed("/consignee/phone"), p.phone.as_ref(), CN23_MAX_CODE);
        add(At::Fixed("/consignee/email"), p.email.as_ref(), CN23_MAX_LINE);
        add(At::Fixed("/consignee/tax_id"), p.tax_id.as_ref(), CN23_MAX_CODE);
    }
    for (i, it) in s.items.iter().enumerate() {
        add(At::Item(i, "/description"), it.description.as_ref(), CN23_MAX_DESCRIPTION);
    }
    if let Some(p) = &s.postal {
        add(At::Fixed("/postal/sender_reference"), p.sender_reference.as_ref(), CN23_MAX_LINE);
        add(At::Fixed("/postal/explanation"), p.explanation.as_ref(), CN23_MAX_LINE);
        add(At::Fixed("/postal/comments"), p.comments.as_ref(), CN23_MAX_LINE);
        for (path, list) in
            [("/postal/licences", &p.licences), ("/postal/certificates", &p.certificates)]
        {
            if !list.is_empty() {
                let joined = list.join(", ");
                add(At::Fixed(path), Some(&joined), CN23_MAX_LINE);
            }
        }
    }
    let office =
        s.transport.as_ref().and_then(|t| t.post.as_ref()).and_then(|p| p.booking_office.as_ref());
    add(At::Fixed("/transport/post/booking_office"), office, CN23_MAX_LINE);
    if let Some(x) = &s.signatory {
        add(At::Fixed("/signatory/name"), x.name.as_ref(), CN23_MAX_NAME);
        add(At::Fixed("/signatory/designation"), x.designation.as_ref(), CN23_MAX_LINE);
    }
}

/// Every text of the shipment that the Postal Bill of Export prints: its path, its length in
/// characters (0 when absent) and its limit. Where the CN23 prints the same text (names,
/// address lines, places, postal code, booking office, signatory, a line's description) the
/// limit is the CN23's; the e-commerce columns (website, payment transaction, SKU) count only
/// on the PBE-III (a shipment with e-commerce particulars), the scheme table's texts only for
/// a line that claims a scheme.
pub fn pbe_texts(s: &Shipment) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    pbe_fields(s, &mut |at, t, max| out.push((at.path(), len(t), max)));
    out
}

/// Calls `add` with each text [`pbe_texts`] lists: where it is, the text, its limit.
fn pbe_fields(s: &Shipment, add: &mut dyn FnMut(At<'_>, Option<&String>, usize)) {
    // The header: bill number, booking office, exporter, authorised agent.
    if let Some(d) = &s.export_declaration {
        add(At::Fixed("/export_declaration/number"), d.number.as_ref(), CN23_MAX_CODE);
    }
    let office =
        s.transport.as_ref().and_then(|t| t.post.as_ref()).and_then(|p| p.booking_office.as_ref());
    add(At::Fixed("/transport/post/booking_office"), office, CN23_MAX_LINE);
    if let Some(e) = &s.exporter {
        add(At::Fixed("/exporter/legal_name"), e.legal_name.as_ref(), CN23_MAX_NAME);
        if let Some(a) = &e.address {
            address_texts(add, "/exporter", a);
        }
    }
    if let Some(a) = &s.authorised_agent {
        add(
            At::Fixed("/authorised_agent/licence_number"),
            a.licence_number.as_ref(),
            CN23_MAX_CODE,
        );
        add(At::Fixed("/authorised_agent/name"), a.name.as_ref(), CN23_MAX_NAME);
        add(At::Fixed("/authorised_agent/address"), a.address.as_ref(), PBE_MAX_AGENT_ADDRESS);
    }
    // The rows: consignee (col. 2), e-commerce particulars (cols. 12-13), LUT or bond (32).
    if let Some(p) = &s.consignee {
        add(At::Fixed("/consignee/name"), p.name.as_ref(), CN23_MAX_NAME);
        add(At::Fixed("/consignee/business"), p.business.as_ref(), CN23_MAX_LINE);
        if let Some(a) = &p.address {
            address_texts(add, "/consignee", a);
        }
    }
    let ecommerce = s.ecommerce.as_ref();
    if let Some(e) = ecommerce {
        add(At::Fixed("/ecommerce/url"), e.url.as_ref(), PBE_MAX_URL);
        add(At::Fixed("/ecommerce/platform"), e.platform.as_ref(), PBE_MAX_PLATFORM);
        add(
            At::Fixed("/ecommerce/payment_transaction_id"),
            e.payment_transaction_id.as_ref(),
            PBE_MAX_REFERENCE,
        );
    }
    match &s.tax {
        Some(TaxTreatment::Lut { arn, .. }) => {
            add(At::Fixed("/tax/arn"), arn.as_ref(), PBE_MAX_REFERENCE)
        }
        Some(TaxTreatment::Bond { reference, .. }) => {
            add(At::Fixed("/tax/reference"), reference.as_ref(), PBE_MAX_REFERENCE);
        }
        _ => {}
    }
    // Each line: description (col. 4), unit (6), SKU (14); its scheme claim's texts.
    for (i, it) in s.items.iter().enumerate() {
        add(At::Item(i, "/description"), it.description.as_ref(), CN23_MAX_DESCRIPTION);
        add(At::Item(i, "/customs_unit"), it.customs_unit.as_ref(), PBE_MAX_UNIT);
        if ecommerce.is_some() {
            add(At::Item(i, "/sku"), it.sku.as_ref(), PBE_MAX_SKU);
        }
        if let Some(c) = it.scheme.as_ref().filter(|c| c.claims_any()) {
            add(At::Item(i, "/scheme/ritc_code"), c.ritc_code.as_ref(), CN23_MAX_CODE);
            add(At::Item(i, "/scheme/dbk_serial"), c.dbk_serial.as_ref(), CN23_MAX_CODE);
            add(At::Item(i, "/scheme/end_use"), c.end_use.as_ref(), CN23_MAX_LINE);
            add(At::Item(i, "/scheme/scheme_code"), c.scheme_code.as_ref(), CN23_MAX_CODE);
        }
    }
    // The declarations: the signatory.
    if let Some(x) = &s.signatory {
        add(At::Fixed("/signatory/name"), x.name.as_ref(), CN23_MAX_NAME);
        add(At::Fixed("/signatory/designation"), x.designation.as_ref(), CN23_MAX_LINE);
        add(At::Fixed("/signatory/place"), x.place.as_ref(), CN23_MAX_PLACE);
    }
}

#[cfg(test)]
mod tests {
    use crate::{parse_json, validate, DocKind, Mode};

    fn gift_with(path: &str, len: usize) -> Vec<(String, String)> {
        let mut v: serde_json::Value =
            serde_json::from_str(include_str!("../../../examples/personal-gift.json"))
                .unwrap_or_default();
        let (parent, key) = path.rsplit_once('/').unwrap_or(("", path));
        if let Some(obj) = v.pointer_mut(parent).and_then(|p| p.as_object_mut()) {
            obj.insert(key.to_string(), serde_json::json!("W".repeat(len)));
        }
        let Ok(s) = parse_json(v.to_string().as_bytes()) else { return Vec::new() };
        validate(&s, &[DocKind::Cn22], Mode::Strict)
            .errors()
            .map(|i| (i.code.to_string(), i.path.clone()))
            .collect()
    }

    #[test]
    fn a_long_signer_does_not_fit_the_cn22() {
        let at_limit = gift_with("/exporter/legal_name", super::CN22_MAX_SIGNATURE_TEXT);
        assert!(at_limit.is_empty(), "{at_limit:?}");
        let over = gift_with("/exporter/legal_name", super::CN22_MAX_SIGNATURE_TEXT + 1);
        assert_eq!(
            over,
            [("cn22_text_does_not_fit".to_string(), "/exporter/legal_name".to_string())]
        );
    }

    fn post_with(path: &str, len: usize) -> Vec<(String, String)> {
        let mut v: serde_json::Value =
            serde_json::from_str(include_str!("../../../examples/varanasi-silk-amazon.json"))
                .unwrap_or_default();
        let (parent, key) = path.rsplit_once('/').unwrap_or(("", path));
        if let Some(obj) = v.pointer_mut(parent).and_then(|p| p.as_object_mut()) {
            obj.insert(key.to_string(), serde_json::json!("आ".repeat(len)));
        }
        let Ok(s) = parse_json(v.to_string().as_bytes()) else { return Vec::new() };
        validate(&s, &[DocKind::Cn23], Mode::Strict)
            .errors()
            .map(|i| (i.code.to_string(), i.path.clone()))
            .collect()
    }

    #[test]
    fn long_cn23_texts_do_not_fit_their_boxes() {
        for (path, max) in [
            ("/consignee/name", super::CN23_MAX_NAME),
            ("/exporter/address/line1", super::CN23_MAX_LINE),
            ("/consignee/address/city", super::CN23_MAX_PLACE),
            ("/consignee/phone", super::CN23_MAX_CODE),
            ("/items/1/description", super::CN23_MAX_DESCRIPTION),
            ("/transport/post/booking_office", super::CN23_MAX_LINE),
        ] {
            let at_limit = post_with(path, max);
            assert!(at_limit.is_empty(), "{path}: {at_limit:?}");
            let over = post_with(path, max + 1);
            assert_eq!(over, [("cn23_text_does_not_fit".to_string(), path.to_string())]);
        }
    }

    fn pbe_with(example: &str, path: &str, text: &str) -> Vec<(String, String)> {
        let mut v: serde_json::Value = serde_json::from_str(example).unwrap_or_default();
        let (parent, key) = path.rsplit_once('/').unwrap_or(("", path));
        if let Some(obj) = v.pointer_mut(parent).and_then(|p| p.as_object_mut()) {
            obj.insert(key.to_string(), serde_json::json!(text));
        }
        let Ok(s) = parse_json(v.to_string().as_bytes()) else { return Vec::new() };
        validate(&s, &[DocKind::Pbe], Mode::Strict)
            .errors()
            .map(|i| (i.code.to_string(), i.path.clone()))
            .collect()
    }

    #[test]
    fn long_pbe_texts_do_not_fit_the_bill() {
        let amazon = include_str!("../../../examples/varanasi-silk-amazon.json");
        let ebay = include_str!("../../../examples/lucknow-chikankari-ebay.json");
        for (example, path, max) in [
            (amazon, "/consignee/name", super::CN23_MAX_NAME),
            (amazon, "/consignee/address/line1", super::CN23_MAX_LINE),
            (amazon, "/exporter/address/city", super::CN23_MAX_PLACE),
            (amazon, "/items/0/description", super::CN23_MAX_DESCRIPTION),
            (amazon, "/items/0/customs_unit", super::PBE_MAX_UNIT),
            (amazon, "/items/1/sku", super::PBE_MAX_SKU),
            (amazon, "/ecommerce/url", super::PBE_MAX_URL),
            (amazon, "/ecommerce/platform", super::PBE_MAX_PLATFORM),
            (amazon, "/ecommerce/payment_transaction_id", super::PBE_MAX_REFERENCE),
            (amazon, "/transport/post/booking_office", super::CN23_MAX_LINE),
            (amazon, "/signatory/place", super::CN23_MAX_PLACE),
            (ebay, "/tax/arn", super::PBE_MAX_REFERENCE),
            (ebay, "/items/0/scheme/end_use", super::CN23_MAX_LINE),
        ] {
            for letter in ["W", "आ"] {
                let at_limit = pbe_with(example, path, &letter.repeat(max));
                assert!(at_limit.is_empty(), "{path}: {at_limit:?}");
                let over = pbe_with(example, path, &letter.repeat(max + 1));
                assert_eq!(over, [("pbe_text_does_not_fit".to_string(), path.to_string())]);
            }
        }
    }

    #[test]
    fn pbe_texts_count_only_what_the_bill_prints() {
        let amazon = include_str!("../../../examples/varanasi-silk-amazon.json");
        // The consignee's e-mail and the exporter's trade name are not on the bill.
        assert!(pbe_with(amazon, "/consignee/email", &"W".repeat(500)).is_empty());
        assert!(pbe_with(amazon, "/exporter/trade_name", &"W".repeat(500)).is_empty());
        // Without e-commerce particulars (PBE-IV) the SKU column is not printed.
        let mut v: serde_json::Value = serde_json::from_str(amazon).unwrap_or_default();
        if let Some(m) = v.as_object_mut() {
            m.remove("ecommerce");
        }
        v["items"][0]["sku"] = serde_json::json!("W".repeat(500));
        let s = parse_json(v.to_string().as_bytes());
        assert!(s.is_ok());
        let Ok(s) = s else { return };
        let paths: Vec<String> = super::pbe_texts(&s).into_iter().map(|(p, _, _)| p).collect();
        assert!(!paths.iter().any(|p| p.ends_with("/sku")), "{paths:?}");
        assert!(paths.contains(&"/consignee/name".to_string()), "{paths:?}");
    }

    #[test]
    fn the_pbe_widths_are_the_template_s() {
        let typ = include_str!("../../doc-templates/pbe.typ");
        let start = typ.find("#let width-of = (").unwrap();
        let body = &typ[start..start + typ[start..].find("\n)").unwrap()];
        let template: Vec<(String, f64)> = body["#let width-of = (".len()..]
            .split(',')
            .filter_map(|kv| {
                let (k, v) = kv.split_once(':')?;
                Some((k.trim().to_string(), v.trim().trim_end_matches("fr").parse().ok()?))
            })
            .collect();
        let ours: Vec<(String, f64)> =
            super::PBE_WIDTHS.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        assert_eq!(template, ours);
        // The columns of the form, in its order.
        let fields: Vec<&str> = crate::views::pbe::PBE_COLUMNS.iter().map(|c| c.field).collect();
        assert_eq!(fields, super::PBE_WIDTHS.map(|(k, _)| k));
    }

    #[test]
    fn numbers_too_wide_for_the_pbe_are_refused_at_their_input() {
        let base = include_bytes!("../../../examples/varanasi-silk-amazon.json");
        let codes = |s: &crate::Shipment| -> Vec<(String, String)> {
            validate(s, &[DocKind::Pbe], Mode::Strict)
                .issues
                .iter()
                .filter(|i| i.code == "pbe_value_does_not_fit")
                .map(|i| {
                    (
                        i.path.clone(),
                        i.params.get("column").map(|c| c.to_string()).unwrap_or_default(),
                    )
                })
                .collect()
        };
        let s = parse_json(base).unwrap();
        assert_eq!(codes(&s), []);
        // A customs quantity of twelve digits: col. 7 holds about nine.
        let mut q = s.clone();
        q.items[1].customs_quantity = Some("123456789012".parse().unwrap());
        q.items[1].customs_unit = Some("PCS".into());
        assert_eq!(codes(&q), [("/items/1/customs_quantity".to_string(), "7".to_string())]);
        // A price of ten crore pounds a unit (₹2,226 crore): the amount in INR, taxable value and
        // IGST too wide; the FOB in pounds (200,000,000.00) still fits col. 16.
        let mut p = s.clone();
        p.items[0].unit_price = Some("100000000".parse().unwrap());
        let expected = [("/items", "19"), ("/items", "23"), ("/tax", "29")];
        let expected: Vec<(String, String)> =
            expected.iter().map(|(p, c)| (p.to_string(), c.to_string())).collect();
        assert_eq!(codes(&p), expected);
    }

    #[test]
    fn the_form_limits_apply_to_their_forms_only() {
        let mut v: serde_json::Value =
            serde_json::from_str(include_str!("../../../examples/varanasi-silk-amazon.json"))
                .unwrap_or_default();
        v["consignee"]["name"] = serde_json::json!("W".repeat(500));
        let s = parse_json(v.to_string().as_bytes());
        assert!(s.is_ok());
        let Ok(s) = s else { return };
        let kinds = [DocKind::CommercialInvoice, DocKind::PackingList];
        assert_eq!(validate(&s, &kinds, Mode::Strict).errors().count(), 0);
        assert_eq!(validate(&s, &[DocKind::Cn23], Mode::Strict).errors().count(), 1);
        assert_eq!(validate(&s, &[DocKind::Pbe], Mode::Strict).errors().count(), 1);
    }
}
