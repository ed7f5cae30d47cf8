//! GST e-invoice rules (ID-24, ID-25): applicability, and the field formats of the NIC IRP
//! schema 1.1 for the values an export e-invoice carries. The e-invoice renderer relies on
//! these: a shipment that passes them gives JSON whose every field fits the schema.
//!
//! Optional fields that do not fit (a phone number that is not 6-12 digits, a second address
//! line shorter than 3 characters) are left out of the e-invoice rather than reported.

use super::catalogue as c;
use super::ctx::Ctx;
use super::DocKind::{CommercialInvoice, Einvoice};
use crate::calc;
use crate::data::gst;
use crate::messages::cut;
use crate::model::{Purpose, TaxTreatment};
use rust_decimal::Decimal;

/// Most item lines an e-invoice may hold.
pub(crate) const MAX_LINES: usize = 1000;

/// Years the schema's `dd/mm/yyyy` pattern admits (`[2][0][1-2][0-9]`).
const YEARS: std::ops::RangeInclusive<i16> = 2010..=2029;

pub(crate) fn check(ctx: &mut Ctx<'_>) {
    if !ctx.wants(Einvoice) {
        return;
    }
    let s = ctx.s;
    if s.purpose == Purpose::Personal {
        ctx.push(c::NOT_APPLICABLE, "/purpose", "personal_einvoice");
        return;
    }
    if matches!(s.tax, Some(TaxTreatment::Unregistered {})) {
        ctx.push(c::NOT_APPLICABLE, "/tax", "unregistered_einvoice");
        return;
    }
    let exporter = s.exporter.as_ref();
    if exporter.is_some() && exporter.and_then(|e| e.turnover_above_5_crore) != Some(true) {
        // The path must resolve in the input: point at the field only when it was given.
        // Without an exporter at all, missing_field already says so.
        let (path, field) = match exporter {
            Some(e) if e.turnover_above_5_crore.is_some() => {
                ("/exporter/turnover_above_5_crore", None)
            }
            _ => ("/exporter", Some("turnover_above_5_crore")),
        };
        let issue = ctx.push(c::EINVOICE_THRESHOLD, path, "");
        if let Some(f) = field {
            issue.params.insert("field", f.to_string());
        }
    }

    // Seller.
    if let Some(e) = exporter {
        length(ctx, "/exporter/legal_name", e.legal_name.as_deref(), 3, 100, "LglNm");
        no_quote(ctx, "/exporter/trade_name", e.trade_name.as_deref(), "TrdNm");
        if let Some(a) = &e.address {
            // Optional in the schema, but a value given must fit: the writer never drops it.
            length(ctx, "/exporter/address/line2", a.line2.as_deref(), 3, 100, "Addr2");
            length(ctx, "/exporter/address/line1", a.line1.as_deref(), 1, 100, "Addr1");
            length(ctx, "/exporter/address/city", a.city.as_deref(), 3, 50, "Loc");
            if let Some(pin) = a.postal_code.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
                if !is_pin(pin) {
                    ctx.push(c::EINVOICE_FIELD, "/exporter/address/postal_code", "pin")
                        .set("value", cut(pin));
                }
            }
        }
        contact(ctx, "/exporter", e.phone.as_deref(), e.email.as_deref());
    }

    // Buyer (the buyer when given, else the consignee).
    let (base, party) = match (&s.buyer, &s.consignee) {
        (Some(b), _) => ("/buyer", Some(b)),
        (None, c) => ("/consignee", c.as_ref()),
    };
    if let Some(p) = party {
        let (field, name) = match p.business.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
            Some(b) => ("business", Some(b)),
            None => ("name", p.name.as_deref()),
        };
        length(ctx, &format!("{base}/{field}"), name, 3, 100, "LglNm");
        if field == "business" {
            no_quote(ctx, &format!("{base}/name"), p.name.as_deref(), "TrdNm");
        }
        if let Some(a) = &p.address {
            length(ctx, &format!("{base}/address/line2"), a.line2.as_deref(), 3, 100, "Addr2");
            length(ctx, &format!("{base}/address/line1"), a.line1.as_deref(), 1, 100, "Addr1");
            length(ctx, &format!("{base}/address/city"), a.city.as_deref(), 3, 100, "Loc");
        }
        contact(ctx, base, p.phone.as_deref(), p.email.as_deref());
    }

    // Dates.
    if let Some(d) = s.invoice.as_ref().and_then(|i| i.date) {
        date_range(ctx, "/invoice/date", d);
    }
    if let Some(d) = s.export_declaration.as_ref().and_then(|x| x.date) {
        date_range(ctx, "/export_declaration/date", d);
    }

    // Export details.
    if let Some(no) = s.export_declaration.as_ref().and_then(|x| x.number.as_deref()) {
        let n = no.chars().count();
        if !(1..=20).contains(&n) || no.contains('"') {
            ctx.push(c::EINVOICE_FIELD, "/export_declaration/number", "ship_bill")
                .set("value", cut(no));
        }
    }
    // The port (port of loading or FPO code) is checked by the port_code and fpo_code
    // rules for every document: a well-formed customs location code always fits `Port`.

    // Items.
    let lines = s.items.len() + usize::from(calc::igst_on_charges(s));
    if lines > MAX_LINES {
        ctx.push(c::EINVOICE_LINE_COUNT, "/items", "").set("lines", lines).set("max", MAX_LINES);
    }
    let big = exporter.and_then(|e| e.turnover_above_5_crore) == Some(true);
    let min_hsn = if big { gst::HSN_DIGITS.above_5_crore } else { gst::HSN_DIGITS.up_to_5_crore };
    let rate = calc::rate_per_unit(s);
    for (i, it) in s.items.iter().enumerate() {
        let p = format!("/items/{i}");
        length(ctx, &format!("{p}/description"), it.description.as_deref(), 3, 300, "PrdDesc");
        if !ctx.wants(CommercialInvoice) {
            if let Some(hs) = it
                .hs_code
                .as_deref()
                .filter(|h| h.bytes().all(|b| b.is_ascii_digit()) && matches!(h.len(), 4 | 6 | 8))
            {
                if hs.len() < min_hsn {
                    ctx.push(c::HS_CODE_LENGTH, format!("{p}/hs_code"), "einvoice")
                        .set("min", min_hsn)
                        .set("hs_code", hs)
                        .set("digits", hs.len());
                }
            }
        }
        if let Some(q) = it.quantity {
            if q.scale() > 3 && q.normalize().scale() > 3 {
                ctx.push(c::EINVOICE_FIELD, format!("{p}/quantity"), "decimals").set("quantity", q);
            }
            if q > Decimal::new(9_999_999_999_999, 3) {
                ctx.push(c::EINVOICE_FIELD, format!("{p}/quantity"), "quantity_max")
                    .set("quantity", q);
            }
        }
        if let (Some(up), Some(r)) = (it.unit_price, rate) {
            if up.checked_mul(r).is_none_or(|v| v > Decimal::new(999_999_999_999_999, 3)) {
                ctx.push(c::EINVOICE_FIELD, format!("{p}/unit_price"), "unit_price_max");
            }
        }
    }
    if let (Some(total), Some(r)) = (calc::invoice_total(s), rate) {
        if total.checked_mul(r).is_none_or(|v| v > Decimal::new(99_999_999_999_999, 2)) {
            ctx.push(c::EINVOICE_FIELD, "/items", "total_max");
        }
    }
}

fn is_pin(pin: &str) -> bool {
    pin.len() == 6 && pin.bytes().all(|b| b.is_ascii_digit()) && !pin.starts_with('0')
}

fn length(ctx: &mut Ctx<'_>, path: &str, value: Option<&str>, min: usize, max: usize, field: &str) {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else { return };
    let n = v.chars().count();
    if n < min || n > max {
        ctx.push(c::EINVOICE_FIELD, path, "length")
            .set("chars", n)
            .set("einvoice_field", field)
            .set("min", min)
            .set("max", max);
    }
    no_quote(ctx, path, Some(v), field);
}

/// Text fields of schema 1.1 carry the pattern `^([^\"])*$`: no double quote.
fn no_quote(ctx: &mut Ctx<'_>, path: &str, value: Option<&str>, field: &str) {
    if value.is_some_and(|v| v.contains('"')) {
        ctx.push(c::EINVOICE_FIELD, path, "quote").set("einvoice_field", field);
    }
}

/// Phone (6 to 12 digits, schema 1.1 `Ph`) and e-mail (6 to 100 characters, `Em`): optional,
/// but a value given that does not fit is reported here, never left out of the e-invoice quietly.
fn contact(ctx: &mut Ctx<'_>, base: &str, phone: Option<&str>, email: Option<&str>) {
    if let Some(p) = phone.map(str::trim).filter(|p| !p.is_empty()) {
        let digits = p.chars().filter(char::is_ascii_digit).count();
        if !(6..=12).contains(&digits) {
            ctx.push(c::EINVOICE_FIELD, format!("{base}/phone"), "phone").set("digits", digits);
        }
    }
    if let Some(e) = email.map(str::trim).filter(|e| !e.is_empty()) {
        let n = e.chars().count();
        if !(6..=100).contains(&n) || !e.contains('@') {
            ctx.push(c::EINVOICE_FIELD, format!("{base}/email"), "email").set("chars", n);
        }
    }
}

fn date_range(ctx: &mut Ctx<'_>, path: &str, d: jiff::civil::Date) {
    if !YEARS.contains(&d.year()) {
        ctx.push(c::EINVOICE_DATE_RANGE, path, "")
            .set("from", YEARS.start())
            .set("to", YEARS.end())
            .set("year", d.year());
    }
}
