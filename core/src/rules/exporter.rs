//! The exporter's identifiers: PAN, GSTIN (and its PAN, state and PIN), IEC, AD code, IFSC,
//! branch GSTINs (ID-01 to ID-06 of the catalogue).

use super::catalogue as c;
use super::ctx::Ctx;
use super::ids::{self, GstinError, IecKind, PanError};
use super::places::country_code;
use crate::data::states;
use crate::messages::cut;
use crate::model::Exporter;
use crate::DocKind;

/// The phrase key (see `messages`) saying what is wrong with a PAN.
fn pan_reason(e: PanError) -> &'static str {
    match e {
        PanError::Shape => "pan_shape",
        PanError::ZeroSerial => "pan_zero_serial",
        PanError::HolderType => "pan_holder_type",
    }
}

/// Checks a GSTIN at `path`; returns true when it is valid.
pub(crate) fn gstin(ctx: &mut Ctx<'_>, path: &str, value: &str) -> bool {
    match ids::check_gstin(value) {
        Ok(()) => {
            if !ids::gstin_14th_is_z(value) {
                ctx.push(c::GSTIN_DEFAULT_CHAR, path, "").set("gstin", value);
            }
            true
        }
        Err(GstinError::Shape) => {
            ctx.push(c::GSTIN_FORMAT, path, "").set("value", cut(value));
            false
        }
        Err(GstinError::StateCode) => {
            ctx.push(c::GSTIN_STATE_CODE, path, "")
                .set("gstin", value)
                .set("prefix", value.get(0..2).unwrap_or_default());
            false
        }
        Err(GstinError::Pan(e)) => {
            ctx.push(c::GSTIN_FORMAT, path, "pan").set("gstin", value).set("reason", pan_reason(e));
            false
        }
        Err(GstinError::Checksum(want)) => {
            ctx.push(c::GSTIN_CHECKSUM, path, "").set("gstin", value).set("expected", want);
            false
        }
    }
}

pub(crate) fn check(ctx: &mut Ctx<'_>) {
    let Some(e) = ctx.s.exporter.as_ref() else { return };
    // The CN22 and the CN23 print the exporter's IEC (the sender's customs reference) and none
    // of the tax identifiers: a wrong GSTIN check character stops the invoice, the PBE and the
    // tax refund, not a gift's customs label. The PAN, GSTIN, AD code, bank and branches are
    // checked when a document that prints or files them is asked for.
    if !ctx.wants_any(&TAX_ID_DOCUMENTS) {
        if let Some(iec) = e.iec.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            iec_rules(ctx, iec, None, None);
        }
        address_country(ctx, e);
        return;
    }
    let pan = e.pan.as_deref().map(str::trim).filter(|v| !v.is_empty());
    let mut pan_ok = None;
    if let Some(pan) = pan {
        match ids::check_pan(pan) {
            Ok(()) => pan_ok = Some(pan),
            Err(err) => {
                ctx.push(c::PAN_FORMAT, "/exporter/pan", "")
                    .set("value", cut(pan))
                    .set("reason", pan_reason(err));
            }
        }
    }
    let mut gstin_pan = None;
    if let Some(g) = e.gstin.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        if gstin(ctx, "/exporter/gstin", g) {
            gstin_pan = Some(&g[2..12]);
            if let Some(p) = pan_ok {
                if p != &g[2..12] {
                    ctx.push(c::GSTIN_PAN_MISMATCH, "/exporter/gstin", "")
                        .set("gstin", g)
                        .set("gstin_pan", &g[2..12])
                        .set("pan", p);
                }
            }
            if let Some(a) = &e.address {
                let code = &g[0..2];
                if let Some(sc) = a.state_code.as_deref().filter(|v| !v.is_empty()) {
                    if sc != code {
                        ctx.push(c::GSTIN_STATE_MISMATCH, "/exporter/address/state_code", "")
                            .set("address_state", cut(sc))
                            .set("gstin_state", code);
                    }
                }
                if let Some(pin) = a.postal_code.as_deref() {
                    if states::pin_matches_state(pin, code) == Some(false) {
                        ctx.push(c::GSTIN_STATE_MISMATCH, "/exporter/address/postal_code", "pin")
                            .set("pin", cut(pin))
                            .set("gstin_state", code);
                    }
                }
            }
        }
    }
    if let Some(iec) = e.iec.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        iec_rules(ctx, iec, gstin_pan, pan_ok);
    }
    if let Some(ad) = e.ad_code.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        if !ids::is_ad_code(ad) {
            ctx.push(c::AD_CODE_FORMAT, "/exporter/ad_code", "").set("value", cut(ad));
        }
    }
    if let Some(ifsc) =
        e.bank.as_ref().and_then(|b| b.ifsc.as_deref()).map(str::trim).filter(|v| !v.is_empty())
    {
        if !ids::is_ifsc(ifsc) {
            ctx.push(c::IFSC_FORMAT, "/exporter/bank/ifsc", "").set("value", cut(ifsc));
        }
    }
    for (i, b) in e.branches.iter().enumerate() {
        if let Some(g) = b.gstin.as_deref().filter(|v| !v.is_empty()) {
            gstin(ctx, &format!("/exporter/branches/{i}/gstin"), g);
        }
        if let Some(country) =
            b.address.as_ref().and_then(|a| a.country.as_deref()).filter(|v| !v.is_empty())
        {
            country_code(ctx, &format!("/exporter/branches/{i}/address/country"), country);
        }
    }
    address_country(ctx, e);
}

/// The country of the exporter's address (printed on every document).
fn address_country(ctx: &mut Ctx<'_>, e: &Exporter) {
    if let Some(country) =
        e.address.as_ref().and_then(|a| a.country.as_deref()).filter(|v| !v.is_empty())
    {
        country_code(ctx, "/exporter/address/country", country);
    }
}

/// Every document that prints or files the exporter's PAN, GSTIN, AD code or bank: all but
/// the CN22 and the CN23.
const TAX_ID_DOCUMENTS: [DocKind; 6] = [
    DocKind::CommercialInvoice,
    DocKind::PackingList,
    DocKind::IecDetails,
    DocKind::Pbe,
    DocKind::Einvoice,
    DocKind::ProformaInvoice,
];

/// The IEC's format, and its agreement with the PAN in the GSTIN or the PAN when they were
/// checked (`gstin_pan`, `pan`).
fn iec_rules(ctx: &mut Ctx<'_>, iec: &str, gstin_pan: Option<&str>, pan: Option<&str>) {
    match ids::iec_kind(iec) {
        None => {
            ctx.push(c::IEC_FORMAT, "/exporter/iec", "").set("value", cut(iec));
        }
        Some(IecKind::Legacy) => {
            ctx.push(c::IEC_LEGACY, "/exporter/iec", "").set("iec", iec);
        }
        Some(IecKind::Permanent) => {}
        Some(IecKind::Pan) => {
            if let Some(gp) = gstin_pan {
                if gp != iec {
                    ctx.push(c::IEC_PAN_MISMATCH, "/exporter/iec", "gstin")
                        .set("iec", iec)
                        .set("gstin_pan", gp);
                }
            } else if let Some(p) = pan {
                if p != iec {
                    ctx.push(c::IEC_PAN_MISMATCH, "/exporter/iec", "")
                        .set("iec", iec)
                        .set("pan", p);
                }
            }
        }
    }
}
