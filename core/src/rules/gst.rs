//! GST rules of the tax invoice: each line's rate against the slabs in force on the invoice
//! date (and the per-piece rate of apparel), and, for an exporter under e-invoicing, the IRN,
//! acknowledgement and signed QR code that Rule 48(4)-(5) make part of the invoice.

use super::catalogue as c;
use super::ctx::Ctx;
use super::DocKind::CommercialInvoice;
use super::Mode;
use crate::calc;
use crate::data::gst_slabs;
use crate::issue::Severity;
use crate::messages::cut;
use crate::model::{Purpose, TaxTreatment};
use rust_decimal::Decimal;

pub(crate) fn check(ctx: &mut Ctx<'_>) {
    rates(ctx);
    registration(ctx);
}

/// Slab and per-piece checks of the IGST rate of the shipment and of every line.
fn rates(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let day = s.invoice.as_ref().and_then(|i| i.date);
    let Some(table) = gst_slabs::slabs_on(day) else { return };
    let when = match day {
        Some(d) if d < gst_slabs::REFORM_2025 => "before",
        Some(_) => "",
        None => "now",
    };
    let shipment_rate = match &s.tax {
        Some(TaxTreatment::IgstPaid { rate, .. }) => *rate,
        _ => None,
    };
    let unusual = |ctx: &mut Ctx<'_>, path: &str, r: Decimal| {
        if !gst_slabs::is_slab(r, day) {
            let norm = r.normalize();
            let issue = ctx
                .push(c::IGST_RATE_UNUSUAL, path, when)
                .set("rate", norm)
                .set("slabs", gst_slabs::describe(table));
            if let Some(d) = day {
                issue.set("date", d);
            }
        }
    };
    if let Some(r) = shipment_rate {
        unusual(ctx, "/tax/rate", r);
    }
    let igst = matches!(s.tax, Some(TaxTreatment::IgstPaid { .. }));
    let per_unit = calc::rate_per_unit(s);
    for (i, it) in s.items.iter().enumerate() {
        if let Some(r) = it.gst_rate {
            unusual(ctx, &format!("/items/{i}/gst_rate"), r);
        }
        if !igst {
            continue;
        }
        let Some(rate) = calc::line_gst_rate(s, it) else { continue };
        let Some(rule) = it.hs_code.as_deref().and_then(|h| gst_slabs::piece_rate(h.trim(), day))
        else {
            continue;
        };
        let by_piece = it.unit.as_deref().is_some_and(|u| {
            gst_slabs::PIECE_UNITS.contains(&u.trim().to_ascii_uppercase().as_str())
        });
        let piece_inr = it.unit_price.zip(per_unit).and_then(|(p, r)| p.checked_mul(r));
        if let (true, Some(v)) = (by_piece, piece_inr) {
            if v > Decimal::from(rule.threshold_inr) && rate < Decimal::from(rule.upper) {
                let path = if it.gst_rate.is_some() {
                    format!("/items/{i}/gst_rate")
                } else if shipment_rate.is_some() {
                    "/tax/rate".to_string()
                } else {
                    format!("/items/{i}")
                };
                let chapter = it.hs_code.as_deref().and_then(|h| h.trim().get(0..2));
                ctx.push(c::GST_RATE_PIECE_VALUE, path, "")
                    .set("line", i + 1)
                    .set("chapter", chapter.unwrap_or_default())
                    .set("piece_inr", crate::money::round_amount(v, 2))
                    .set("threshold", rule.threshold_inr)
                    .set("expected", rule.upper)
                    .set("rate", rate.normalize());
            }
        }
    }
}

/// Rule 48(4)-(5): the IRN, acknowledgement and signed QR code of an e-invoicing exporter.
fn registration(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let Some(inv) = s.invoice.as_ref() else { return };
    let above = s.exporter.as_ref().and_then(|e| e.turnover_above_5_crore) == Some(true);
    let registered_exporter =
        s.tax.is_some() && !matches!(s.tax, Some(TaxTreatment::Unregistered {}));
    let reg = inv.e_invoice.as_ref();
    let must = above
        && registered_exporter
        && s.purpose == Purpose::Commercial
        && ctx.wants(CommercialInvoice);
    let irn = reg.and_then(|r| r.irn.as_deref()).map(str::trim).filter(|v| !v.is_empty());
    if must && irn.is_none() {
        let severity = if ctx.mode == Mode::Draft { Severity::Warning } else { Severity::Error };
        let path = if reg.is_some() { "/invoice/e_invoice" } else { "/invoice" };
        ctx.push_with(c::IRN_MISSING, severity, path, "");
    }
    let Some(reg) = reg else { return };
    if let Some(irn) = irn {
        if irn.len() != 64 || !irn.bytes().all(|b| b.is_ascii_hexdigit()) {
            ctx.push(c::IRN_FORMAT, "/invoice/e_invoice/irn", "").set("value", cut(irn));
        }
    }
    if let Some(ack) = reg.ack_no.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        if ack.len() > 20 || !ack.bytes().all(|b| b.is_ascii_digit()) {
            ctx.push(c::IRN_FORMAT, "/invoice/e_invoice/ack_no", "ack_no").set("value", cut(ack));
        }
    }
    if let (Some(ack), Some(day)) = (reg.ack_date, inv.date) {
        if ack < day {
            ctx.push(c::IRN_FORMAT, "/invoice/e_invoice/ack_date", "ack_date")
                .set("ack_date", ack)
                .set("invoice_date", day);
        }
    }
    let qr = reg.signed_qr.as_deref().map(str::trim).filter(|v| !v.is_empty());
    if must && irn.is_some() && qr.is_none() {
        let severity = if ctx.mode == Mode::Draft { Severity::Warning } else { Severity::Error };
        ctx.push_with(c::IRN_MISSING, severity, "/invoice/e_invoice", "qr");
    }
    let Some(qr) = qr else { return };
    let payload = match crate::irp::decode_signed_qr(qr) {
        Ok(p) => p,
        Err(e) => {
            let why = match e {
                crate::irp::QrError::Shape => "qr_shape",
                crate::irp::QrError::Base64 => "qr_base64",
                crate::irp::QrError::Json => "qr_json",
            };
            ctx.push(c::SIGNED_QR_FORMAT, "/invoice/e_invoice/signed_qr", "").set("why", why);
            return;
        }
    };
    // An invalid number or GSTIN has its own issue; comparing it with the QR adds nothing.
    let gstin = s
        .exporter
        .as_ref()
        .and_then(|e| e.gstin.as_deref())
        .map(str::trim)
        .filter(|g| super::ids::check_gstin(g).is_ok());
    let number = inv.number.as_deref().map(str::trim).filter(|n| super::ids::is_invoice_number(n));
    let date = inv.date.map(crate::views::date_dmy);
    let pairs = [
        ("invoice number", "qr_invoice_number", payload.doc_no.as_deref(), number),
        ("invoice date", "qr_invoice_date", payload.doc_date.as_deref(), date.as_deref()),
        ("seller GSTIN", "qr_seller_gstin", payload.seller_gstin.as_deref(), gstin),
        ("IRN", "qr_irn", payload.irn.as_deref(), irn),
    ];
    // The value and the number of lines: an invoice changed after it was registered (a
    // quantity, a price, a line added) keeps its number, date and IRN, and the QR code printed
    // on it would be another invoice's. The value may differ by a rupee (a round-off).
    // Building the e-invoice to compare costs a pass over the lines: only when the QR code
    // carries either figure.
    let carries = payload.total_value.is_some() || payload.item_count.is_some();
    if let Some((total, lines)) = carries.then(|| crate::irp::registered_values(s)).flatten() {
        let value = payload.total_value.as_deref().and_then(|v| v.trim().parse::<Decimal>().ok());
        if let Some(v) = value.filter(|v| (*v - total).abs() > Decimal::ONE) {
            ctx.push(c::SIGNED_QR_MISMATCH, "/invoice/e_invoice/signed_qr", "")
                .set("field", "total invoice value")
                .set("what", "qr_total_value")
                .set("in_qr", v.normalize().to_string())
                .set("ours", total.to_string());
        }
        let count = payload.item_count.as_deref().and_then(|n| n.trim().parse::<usize>().ok());
        if let Some(n) = count.filter(|n| *n != lines) {
            ctx.push(c::SIGNED_QR_MISMATCH, "/invoice/e_invoice/signed_qr", "")
                .set("field", "number of lines")
                .set("what", "qr_item_count")
                .set("in_qr", n.to_string())
                .set("ours", lines.to_string());
        }
    }
    for (what, phrase, in_qr, ours) in pairs {
        let (Some(in_qr), Some(ours)) = (in_qr, ours) else { continue };
        let same = if what == "IRN" { in_qr.eq_ignore_ascii_case(ours) } else { in_qr == ours };
        if !same {
            ctx.push(c::SIGNED_QR_MISMATCH, "/invoice/e_invoice/signed_qr", "")
                .set("field", what)
                .set("what", phrase)
                .set("in_qr", cut(in_qr))
                .set("ours", cut(ours));
        }
    }
}
