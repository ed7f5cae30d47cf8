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
    if ctx.wants(DocKind::Cn23) {
        let texts = cn23_texts(ctx.s);
        too_long(ctx, c::CN23_TEXT_FIT, texts);
    }
    if ctx.wants(DocKind::Pbe) {
        let texts = pbe_texts(ctx.s);
        too_long(ctx, c::PBE_TEXT_FIT, texts);
    }
}

/// Reports each of `texts` (path, characters, limit) longer than its limit under `rule`.
fn too_long(ctx: &mut Ctx<'_>, rule: Rule, texts: Vec<(String, usize, usize)>) {
    for (path, n, max) in texts {
        if n > max {
            ctx.push(rule, path, "").set("chars", n).set("max", max);
        }
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

/// The lines of the address under `at`, with the limits both the CN23 and the PBE give them.
fn address_texts(add: &mut dyn FnMut(String, Option<&String>, usize), at: &str, a: &Address) {
    add(format!("{at}/address/line1"), a.line1.as_ref(), CN23_MAX_LINE);
    add(format!("{at}/address/line2"), a.line2.as_ref(), CN23_MAX_LINE);
    add(format!("{at}/address/city"), a.city.as_ref(), CN23_MAX_PLACE);
    add(format!("{at}/address/district"), a.district.as_ref(), CN23_MAX_PLACE);
    add(format!("{at}/address/state"), a.state.as_ref(), CN23_MAX_PLACE);
    add(format!("{at}/address/postal_code"), a.postal_code.as_ref(), CN23_MAX_CODE);
}

/// Every text the CN23 prints in a box of fixed size: its path, its length in characters and
/// its limit. A list printed joined (licences, certificates) counts as its joined text.
pub fn cn23_texts(s: &Shipment) -> Vec<(String, usize, usize)> {
    let mut out: Vec<(String, usize, usize)> = Vec::new();
    let mut add = |path: String, t: Option<&String>, max: usize| out.push((path, len(t), max));
    if let Some(e) = &s.exporter {
        add("/exporter/legal_name".into(), e.legal_name.as_ref(), CN23_MAX_NAME);
        add("/exporter/trade_name".into(), e.trade_name.as_ref(), CN23_MAX_LINE);
        if let Some(a) = &e.address {
            address_texts(&mut add, "/exporter", a);
        }
        add("/exporter/phone".into(), e.phone.as_ref(), CN23_MAX_CODE);
        add("/exporter/email".into(), e.email.as_ref(), CN23_MAX_LINE);
    }
    if let Some(p) = &s.consignee {
        add("/consignee/name".into(), p.name.as_ref(), CN23_MAX_NAME);
        add("/consignee/business".into(), p.business.as_ref(), CN23_MAX_LINE);
        if let Some(a) = &p.address {
            address_texts(&mut add, "/consignee", a);
        }
        add("/consignee/phone".into(), p.phone.as_ref(), CN23_MAX_CODE);
        add("/consignee/email".into(), p.email.as_ref(), CN23_MAX_LINE);
        add("/consignee/tax_id".into(), p.tax_id.as_ref(), CN23_MAX_CODE);
    }
    for (i, it) in s.items.iter().enumerate() {
        add(format!("/items/{i}/description"), it.description.as_ref(), CN23_MAX_DESCRIPTION);
    }
    if let Some(p) = &s.postal {
        add("/postal/sender_reference".into(), p.sender_reference.as_ref(), CN23_MAX_LINE);
        add("/postal/explanation".into(), p.explanation.as_ref(), CN23_MAX_LINE);
        add("/postal/comments".into(), p.comments.as_ref(), CN23_MAX_LINE);
        for (path, list) in
            [("/postal/licences", &p.licences), ("/postal/certificates", &p.certificates)]
        {
            if !list.is_empty() {
                let joined = list.join(", ");
                add(path.into(), Some(&joined), CN23_MAX_LINE);
            }
        }
    }
    let office =
        s.transport.as_ref().and_then(|t| t.post.as_ref()).and_then(|p| p.booking_office.as_ref());
    add("/transport/post/booking_office".into(), office, CN23_MAX_LINE);
    if let Some(x) = &s.signatory {
        add("/signatory/name".into(), x.name.as_ref(), CN23_MAX_NAME);
        add("/signatory/designation".into(), x.designation.as_ref(), CN23_MAX_LINE);
    }
    out
}

/// Every text of the shipment that the Postal Bill of Export prints: its path, its length in
/// characters (0 when absent) and its limit. Where the CN23 prints the same text (names,
/// address lines, places, postal code, booking office, signatory, a line's description) the
/// limit is the CN23's; the e-commerce columns (website, payment transaction, SKU) count only
/// on the PBE-III (a shipment with e-commerce particulars), the scheme table's texts only for
/// a line that claims a scheme.
pub fn pbe_texts(s: &Shipment) -> Vec<(String, usize, usize)> {
    let mut out: Vec<(String, usize, usize)> = Vec::new();
    let mut add = |path: String, t: Option<&String>, max: usize| out.push((path, len(t), max));
    // The header: bill number, booking office, exporter, authorised agent.
    if let Some(d) = &s.export_declaration {
        add("/export_declaration/number".into(), d.number.as_ref(), CN23_MAX_CODE);
    }
    let office =
        s.transport.as_ref().and_then(|t| t.post.as_ref()).and_then(|p| p.booking_office.as_ref());
    add("/transport/post/booking_office".into(), office, CN23_MAX_LINE);
    if let Some(e) = &s.exporter {
        add("/exporter/legal_name".into(), e.legal_name.as_ref(), CN23_MAX_NAME);
        if let Some(a) = &e.address {
            address_texts(&mut add, "/exporter", a);
        }
    }
    if let Some(a) = &s.authorised_agent {
        add("/authorised_agent/licence_number".into(), a.licence_number.as_ref(), CN23_MAX_CODE);
        add("/authorised_agent/name".into(), a.name.as_ref(), CN23_MAX_NAME);
        add("/authorised_agent/address".into(), a.address.as_ref(), PBE_MAX_AGENT_ADDRESS);
    }
    // The rows: consignee (col. 2), e-commerce particulars (cols. 12-13), LUT or bond (32).
    if let Some(p) = &s.consignee {
        add("/consignee/name".into(), p.name.as_ref(), CN23_MAX_NAME);
        add("/consignee/business".into(), p.business.as_ref(), CN23_MAX_LINE);
        if let Some(a) = &p.address {
            address_texts(&mut add, "/consignee", a);
        }
    }
    let ecommerce = s.ecommerce.as_ref();
    if let Some(e) = ecommerce {
        add("/ecommerce/url".into(), e.url.as_ref(), PBE_MAX_URL);
        add("/ecommerce/platform".into(), e.platform.as_ref(), PBE_MAX_PLATFORM);
        add(
            "/ecommerce/payment_transaction_id".into(),
            e.payment_transaction_id.as_ref(),
            PBE_MAX_REFERENCE,
        );
    }
    match &s.tax {
        Some(TaxTreatment::Lut { arn, .. }) => {
            add("/tax/arn".into(), arn.as_ref(), PBE_MAX_REFERENCE)
        }
        Some(TaxTreatment::Bond { reference, .. }) => {
            add("/tax/reference".into(), reference.as_ref(), PBE_MAX_REFERENCE);
        }
        _ => {}
    }
    // Each line: description (col. 4), unit (6), SKU (14); its scheme claim's texts.
    for (i, it) in s.items.iter().enumerate() {
        add(format!("/items/{i}/description"), it.description.as_ref(), CN23_MAX_DESCRIPTION);
        add(format!("/items/{i}/customs_unit"), it.customs_unit.as_ref(), PBE_MAX_UNIT);
        if ecommerce.is_some() {
            add(format!("/items/{i}/sku"), it.sku.as_ref(), PBE_MAX_SKU);
        }
        if let Some(c) = it.scheme.as_ref().filter(|c| c.claims_any()) {
            add(format!("/items/{i}/scheme/ritc_code"), c.ritc_code.as_ref(), CN23_MAX_CODE);
            add(format!("/items/{i}/scheme/dbk_serial"), c.dbk_serial.as_ref(), CN23_MAX_CODE);
            add(format!("/items/{i}/scheme/end_use"), c.end_use.as_ref(), CN23_MAX_LINE);
            add(format!("/items/{i}/scheme/scheme_code"), c.scheme_code.as_ref(), CN23_MAX_CODE);
        }
    }
    // The declarations: the signatory.
    if let Some(x) = &s.signatory {
        add("/signatory/name".into(), x.name.as_ref(), CN23_MAX_NAME);
        add("/signatory/designation".into(), x.designation.as_ref(), CN23_MAX_LINE);
        add("/signatory/place".into(), x.place.as_ref(), CN23_MAX_PLACE);
    }
    out
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
