//! The invoice's number and endorsement, its currency and exchange rate, and the delivery
//! term with the charges it implies (ID-07, ID-08, ID-15 of the catalogue).

use super::catalogue as c;
use super::ctx::{q, Ctx};
use super::ids;
use crate::data::{currencies, gst, incoterms};
use crate::issue::Severity;
use crate::model::{Purpose, TaxTreatment, TransportMode};

pub(crate) fn invoice(ctx: &mut Ctx<'_>) {
    let Some(inv) = ctx.s.invoice.as_ref() else { return };
    if let Some(n) = inv.number.as_deref().filter(|v| !v.is_empty()) {
        if !ids::is_invoice_number(n) {
            ctx.push(c::INVOICE_NUMBER_FORMAT, "/invoice/number", format!("Invoice number {} must be at most 16 letters, digits, '-' or '/', starting with a letter or a digit other than 0 (GST Rule 46, e-invoice).", q(n)));
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
        ctx.push(c::ENDORSEMENT_LEGACY, "/invoice/endorsement", format!("This is an old short form of the endorsement; print the notified text: \"{exact}\" (or leave the field empty and niryat prints it)."));
        return;
    }
    let why = if norm.eq_ignore_ascii_case(other) {
        "it is the endorsement for the other tax treatment"
    } else {
        "it is not the notified text"
    };
    ctx.push(c::ENDORSEMENT_MISMATCH, "/invoice/endorsement", format!("The endorsement does not match the tax treatment ({why}); it must read \"{exact}\". Leave the field empty and niryat prints the right one."))
        .params
        .insert("expected", exact.to_string());
}

pub(crate) fn currency(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let Some(code) = s.currency.as_deref().filter(|v| !v.is_empty()) else { return };
    let Some(cur) = currencies::currency(code) else {
        ctx.push(
            c::CURRENCY_CODE,
            "/currency",
            format!("{} is not an ISO 4217 currency code (USD, EUR, GBP, AED, INR …).", q(code)),
        );
        return;
    };
    if code == "INR" {
        return;
    }
    if cur.cbic_schedule.is_none() {
        ctx.push(c::CURRENCY_NOT_NOTIFIED, "/currency", format!("CBIC does not notify an export exchange rate for {code}; customs will need the rate justified. Invoicing in USD or EUR avoids this."));
    }
    if let Some(r) = &s.exchange_rate {
        if let Some(rate) = r.rate {
            if rate <= rust_decimal::Decimal::ZERO {
                ctx.push(
                    c::EXCHANGE_RATE,
                    "/exchange_rate/rate",
                    "The exchange rate must be above zero.",
                );
            }
        }
        let expected_per = if cur.cbic_schedule == Some(2) { 100 } else { 1 };
        match r.per {
            Some(p) if p != 1 && p != 100 => {
                ctx.push(
                    c::EXCHANGE_RATE,
                    "/exchange_rate/per",
                    format!("Rates are quoted per 1 or per 100 units, not per {p}."),
                );
            }
            Some(p) if p != expected_per && cur.cbic_schedule.is_some() => {
                ctx.push(
                    c::EXCHANGE_RATE,
                    "/exchange_rate/per",
                    format!(
                        "CBIC quotes {code} per {expected_per} unit(s); the rate says per {p}."
                    ),
                );
            }
            None if expected_per == 100 => {
                ctx.push_with(c::EXCHANGE_RATE, Severity::Warning, "/exchange_rate", format!("CBIC quotes {code} per 100 units (Schedule II); set \"per\": 100 if the rate is for 100 {code}."));
            }
            _ => {}
        }
        if let (Some(rd), Some(dd)) = (r.date, s.transport.as_ref().and_then(|t| t.dispatch_date)) {
            if rd > dd {
                ctx.push(c::EXCHANGE_RATE_DATE, "/exchange_rate/date", format!("The rate is dated {rd}, after the goods are handed over on {dd}; use the rate in force on the day of handing over."));
            }
        }
    }
}

pub(crate) fn terms(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let Some(t) = s.terms.as_ref() else { return };
    let Some(code) = t.incoterm.as_deref().filter(|v| !v.is_empty()) else { return };
    let Some(term) = incoterms::incoterm(code) else {
        ctx.push(c::INCOTERM, "/terms/incoterm", format!("{} is not an Incoterms 2020 rule (EXW, FCA, CPT, CIP, DAP, DPU, DDP, FAS, FOB, CFR, CIF).", q(code)));
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
        ctx.push(
            c::INCOTERM_SEA_ONLY,
            "/terms/incoterm",
            format!("{code} is a sea-only rule; for goods sent by post or air use {alt} instead."),
        );
    }
    let freight = s.charges.as_ref().and_then(|ch| ch.freight);
    let insurance = s.charges.as_ref().and_then(|ch| ch.insurance);
    if term.includes_freight && freight.is_none() && s.purpose == Purpose::Commercial {
        ctx.push(c::CHARGES_FOR_TERM, "/terms/incoterm", format!("Under {code} the price includes carriage: state the freight in charges.freight (0 if none) so that FOB can be shown on the invoice and the PBE."));
    }
    if term.includes_insurance
        && matches!(code, "CIF" | "CIP")
        && insurance.is_none()
        && s.purpose == Purpose::Commercial
    {
        ctx.push(
            c::CHARGES_FOR_TERM,
            "/terms/incoterm",
            format!("Under {code} the price includes insurance: state it in charges.insurance."),
        );
    }
    if !term.includes_freight
        && (freight.is_some_and(|f| !f.is_zero()) || insurance.is_some_and(|f| !f.is_zero()))
    {
        ctx.push(c::CHARGES_FOR_TERM, "/charges", format!("Under {code} the buyer pays carriage and insurance; they should not be charged on the invoice."));
    }
}
