//! Arithmetic rules: line amounts, totals, FOB × rate, IGST (ID-14, ID-21 and the IGST amount).

use super::catalogue as c;
use super::ctx::Ctx;
use crate::calc;
use crate::model::TaxTreatment;
use crate::money::{round_amount, round_rupee};
use rust_decimal::Decimal;

pub(crate) fn check(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let minor = calc::minor_units(s);
    for (i, it) in s.items.iter().enumerate() {
        let p = |field: &str| format!("/items/{i}/{field}");
        if let Some(q) = it.quantity {
            if q <= Decimal::ZERO {
                ctx.push(c::QUANTITY, p("quantity"), "");
            }
        }
        if let Some(up) = it.unit_price {
            if up < Decimal::ZERO {
                ctx.push(c::QUANTITY, p("unit_price"), "unit_price");
            }
        }
        if let Some(w) = it.net_weight_kg {
            if w <= Decimal::ZERO {
                ctx.push(c::QUANTITY, p("net_weight_kg"), "net_weight");
            }
        }
        if let (Some(q), Some(up)) = (it.quantity, it.unit_price) {
            match calc::line_amount(it, minor) {
                None => {
                    ctx.push(c::QUANTITY, p("quantity"), "too_large")
                        .set("quantity", q)
                        .set("unit_price", up);
                }
                Some(expected) => {
                    if let Some(given) = it.amount {
                        if round_amount(given, minor) != expected {
                            ctx.push(c::LINE_AMOUNT, p("amount"), "")
                                .set("amount", given)
                                .set("quantity", q)
                                .set("unit_price", up)
                                .set("expected", expected);
                        }
                    }
                }
            }
        }
    }
    for (field, v) in [
        ("freight", s.charges.as_ref().and_then(|c| c.freight)),
        ("insurance", s.charges.as_ref().and_then(|c| c.insurance)),
    ] {
        if v.is_some_and(|v| v < Decimal::ZERO) {
            ctx.push(c::QUANTITY, format!("/charges/{field}"), "charge").set("charge", field);
        }
    }
    if let Some(r) = s.sdr_rate.as_ref().and_then(|r| r.inr_per_sdr) {
        if r <= Decimal::ZERO {
            ctx.push(c::QUANTITY, "/sdr_rate/inr_per_sdr", "sdr_rate");
        }
    }

    // Every value must be computable exactly, or no document can print it.
    if calc::goods_total(s).is_some() {
        let path = if s.charges.is_some() { "/charges" } else { "/items" };
        if calc::invoice_total(s).is_none() {
            ctx.push(c::QUANTITY, path, "total_too_large");
        } else if calc::invoice_total(s)
            .is_some_and(|t| calc::rate_per_unit(s).is_some() && calc::to_inr(s, t).is_none())
        {
            ctx.push(c::QUANTITY, path, "inr_too_large");
        }
    }

    let Some(inv) = s.invoice.as_ref() else { return };
    if let Some(given) = inv.total {
        if let Some(expected) = calc::invoice_total(s) {
            if round_amount(given, minor) != expected {
                ctx.push(c::INVOICE_TOTAL, "/invoice/total", "")
                    .set("total", given)
                    .set("expected", expected);
            }
        }
    }
    if let Some(given) = inv.fob_inr {
        if let Some(expected) = calc::fob(s).and_then(|f| calc::to_inr(s, f)) {
            if round_amount(given, 2) != expected {
                ctx.push(c::INVOICE_TOTAL, "/invoice/fob_inr", "fob")
                    .set("fob_inr", given)
                    .set("expected", expected);
            }
        }
    }
    if let Some(TaxTreatment::IgstPaid { amount: Some(amount), .. }) = &s.tax {
        // The sum of each line's IGST at its own rate (Rule 46(l)-(m)); when every line has
        // the same rate, rate × invoice value (tax on the total, as one-rate invoices compute
        // it) is as good: the two differ only by the rounding of each line.
        let rates: Vec<_> = s.items.iter().map(|it| calc::line_gst_rate(s, it)).collect();
        let one_rate = match rates.first() {
            Some(Some(r)) if rates.iter().all(|x| *x == Some(*r)) => Some(*r),
            _ => None,
        };
        let on_total = one_rate.and_then(|r| calc::igst_amount(s, r));
        if let Some(expected) = ctx.taxable_values_inr().and_then(|t| calc::igst_total_of(s, t)) {
            // Section 170 lets tax be rounded to the nearest rupee: accept the exact figure or
            // that figure rounded (₹3,342.11 or ₹3,342.00), not any amount that rounds to the
            // same rupee (₹3,341.50 did).
            let fits = |e: Decimal| {
                let given = round_amount(*amount, 2);
                given == e || given == round_rupee(e)
            };
            if !fits(expected) && !on_total.is_some_and(fits) {
                ctx.push(c::IGST_AMOUNT_MISMATCH, "/tax/amount", "")
                    .set("expected", expected)
                    .set("amount", amount);
            }
        }
    }
}
