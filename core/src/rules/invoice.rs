//! The invoice's number and endorsement, its currency and exchange rate, and the delivery
//! term with the charges it implies (ID-07, ID-08, ID-15 of the catalogue).

use super::catalogue as c;
use super::ctx::Ctx;
use super::ids;
use crate::data::{currencies, gst, incoterms};
use crate::issue::Severity;
use crate::messages::cut;
use crate::model::{Purpose, TaxTreatment, TransportMode};

pub(crate) fn invoice(ctx: &mut Ctx<'_>) {
    let Some(inv) = ctx.s.invoice.as_ref() else { return };
    if let Some(n) = inv.number.as_deref().filter(|v| !v.is_empty()) {
        if !ids::is_invoice_number(n) {
            ctx.push(c::INVOICE_NUMBER_FORMAT, "/invoice/number", "").set("value", cut(n));
        }
    }
    if let Some(end) = inv.endorsement.as_deref().filter(|v| !v.trim().is_empty()) {
        endorsement(ctx, end);
    }
}

fn endorsement(ctx: &mut Ctx<'_>, text: &str) {
    let (exact, legacy, other) = match ctx.s.tax {
        Some(TaxTreatment::IgstPaid { .. }) => {
            (gst::ENDORSEMENT_IGST, gst::LEGACY_ENDORSEMENTS_IGST, gst::ENDORSEMENT_LUT)
        }
        Some(TaxTreatment::Lut { .. } | TaxTreatment::Bond { .. }) => {
            (gst::ENDORSEMENT_LUT, gst::LEGACY_ENDORSEMENTS_LUT, gst::ENDORSEMENT_IGST)
        }
        _ => return,
    };
    let norm = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if norm.eq_ignore_ascii_case(exact) {
        return;
    }
    if legacy.iter().any(|l| norm.eq_ignore_ascii_case(l)) {
        ctx.push(c::ENDORSEMENT_LEGACY, "/invoice/endorsement", "").set("expected", exact);
        return;
    }
    let why = if norm.eq_ignore_ascii_case(other) {
        "endorsement_other_treatment"
    } else {
        "endorsement_not_notified"
    };
    ctx.push(c::ENDORSEMENT_MISMATCH, "/invoice/endorsement", "")
        .set("why", why)
        .set("expected", exact);
}

pub(crate) fn currency(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let Some(code) = s.currency.as_deref().filter(|v| !v.is_empty()) else { return };
    let Some(cur) = currencies::currency(code) else {
        ctx.push(c::CURRENCY_CODE, "/currency", "").set("value", cut(code));
        return;
    };
    if code == "INR" {
        return;
    }
    if cur.cbic_schedule.is_none() {
        ctx.push(c::CURRENCY_NOT_NOTIFIED, "/currency", "").set("currency", code);
    }
    if let Some(r) = &s.exchange_rate {
        if let Some(rate) = r.rate {
            if rate <= rust_decimal::Decimal::ZERO {
                ctx.push(c::EXCHANGE_RATE, "/exchange_rate/rate", "positive");
            }
        }
        let expected_per = if cur.cbic_schedule == Some(2) { 100 } else { 1 };
        match r.per {
            Some(p) if p != 1 && p != 100 => {
                ctx.push(c::EXCHANGE_RATE, "/exchange_rate/per", "per").set("per", p);
            }
            Some(p) if p != expected_per && cur.cbic_schedule.is_some() => {
                ctx.push(c::EXCHANGE_RATE, "/exchange_rate/per", "")
                    .set("currency", code)
                    .set("expected", expected_per)
                    .set("per", p);
            }
            None if expected_per == 100 => {
                ctx.push_with(c::EXCHANGE_RATE, Severity::Warning, "/exchange_rate", "per_100")
                    .set("currency", code);
            }
            _ => {}
        }
        if let (Some(rd), Some(dd)) = (r.date, s.transport.as_ref().and_then(|t| t.dispatch_date)) {
            if rd > dd {
                ctx.push(c::EXCHANGE_RATE_DATE, "/exchange_rate/date", "")
                    .set("rate_date", rd)
                    .set("dispatch_date", dd);
            }
        }
    }
}

pub(crate) fn terms(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let Some(t) = s.terms.as_ref() else { return };
    let Some(code) = t.incoterm.as_deref().filter(|v| !v.is_empty()) else { return };
    let Some(term) = incoterms::incoterm(code) else {
        ctx.push(c::INCOTERM, "/terms/incoterm", "").set("value", cut(code));
        return;
    };
    let mode = s.transport.as_ref().and_then(|t| t.mode);
    if term.sea_only
        && matches!(mode, Some(TransportMode::Post | TransportMode::Air | TransportMode::Courier))
    {
        let alt = match code {
            "FOB" | "FAS" => "FCA",
            "CFR" => "CPT",
            _ => "CIP",
        };
        ctx.push(c::INCOTERM_SEA_ONLY, "/terms/incoterm", "")
            .set("incoterm", code)
            .set("instead", alt);
    }
    let freight = s.charges.as_ref().and_then(|ch| ch.freight);
    let insurance = s.charges.as_ref().and_then(|ch| ch.insurance);
    if term.includes_freight && freight.is_none() && s.purpose == Purpose::Commercial {
        ctx.push(c::CHARGES_FOR_TERM, "/terms/incoterm", "freight").set("incoterm", code);
    }
    if term.includes_insurance
        && matches!(code, "CIF" | "CIP")
        && insurance.is_none()
        && s.purpose == Purpose::Commercial
    {
        ctx.push(c::CHARGES_FOR_TERM, "/terms/incoterm", "insurance").set("incoterm", code);
    }
    if !term.includes_freight
        && (freight.is_some_and(|f| !f.is_zero()) || insurance.is_some_and(|f| !f.is_zero()))
    {
        ctx.push(c::CHARGES_FOR_TERM, "/charges", "").set("incoterm", code);
    }
}
