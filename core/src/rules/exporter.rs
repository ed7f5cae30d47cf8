//! The exporter's identifiers: PAN, GSTIN (and its PAN, state and PIN), IEC, AD code, IFSC,
//! branch GSTINs (ID-01 to ID-06 of the catalogue).

use super::catalogue as c;
use super::ctx::{q, Ctx};
use super::ids::{self, GstinError, IecKind, PanError};
use super::places::country_code;
use crate::data::states;

fn pan_message(e: PanError) -> &'static str {
    match e {
        PanError::Shape => "a PAN is 5 letters, 4 digits and 1 letter (AAPPV8261K)",
        PanError::ZeroSerial => "the PAN's digits cannot be 0000",
        PanError::HolderType => "the 4th letter of a PAN is the holder type (P individual, F firm, E LLP, C company, A AOP, T trust …)",
    }
}

/// Checks a GSTIN at `path`; returns true when it is valid.
pub(crate) fn gstin(ctx: &mut Ctx<'_>, path: &str, value: &str) -> bool {
    match ids::check_gstin(value) {
        Ok(()) => {
            if !ids::gstin_14th_is_z(value) {
                ctx.push(c::GSTIN_DEFAULT_CHAR, path, format!("The 14th character of GSTIN {value} is not Z; check it against the registration certificate."));
            }
            true
        }
        Err(GstinError::Shape) => {
            ctx.push(c::GSTIN_FORMAT, path, format!("{} is not a GSTIN: 2-digit state code, 10-character PAN, entity number (not 0), Z, check character (27AAPFU0939F1ZV).", q(value)));
            false
        }
        Err(GstinError::StateCode) => {
            ctx.push(
                c::GSTIN_STATE_CODE,
                path,
                format!(
                    "GSTIN {value} begins with {}, which is not a GST state code.",
                    &value[0..2]
                ),
            );
            false
        }
        Err(GstinError::Pan(e)) => {
            ctx.push(
                c::GSTIN_FORMAT,
                path,
                format!("Characters 3-12 of GSTIN {value} must be a PAN: {}.", pan_message(e)),
            );
            false
        }
        Err(GstinError::Checksum(want)) => {
            ctx.push(c::GSTIN_CHECKSUM, path, format!("GSTIN {value} has a wrong check character: the 15th character should be {want}. A character was probably mistyped."))
                .params
                .insert("expected", want.to_string());
            false
        }
    }
}

pub(crate) fn check(ctx: &mut Ctx<'_>) {
    let Some(e) = ctx.s.exporter.as_ref() else { return };
    let pan = e.pan.as_deref().map(str::trim).filter(|v| !v.is_empty());
    let mut pan_ok = None;
    if let Some(pan) = pan {
        match ids::check_pan(pan) {
            Ok(()) => pan_ok = Some(pan),
            Err(err) => {
                ctx.push(
                    c::PAN_FORMAT,
                    "/exporter/pan",
                    format!("{} is not a valid PAN: {}.", q(pan), pan_message(err)),
                );
            }
        }
    }
    let mut gstin_pan = None;
    if let Some(g) = e.gstin.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        if gstin(ctx, "/exporter/gstin", g) {
            gstin_pan = Some(&g[2..12]);
            if let Some(p) = pan_ok {
                if p != &g[2..12] {
                    ctx.push(
                        c::GSTIN_PAN_MISMATCH,
                        "/exporter/gstin",
                        format!(
                            "GSTIN {g} holds PAN {}, but the exporter's PAN is {p}.",
                            &g[2..12]
                        ),
                    );
                }
            }
            if let Some(a) = &e.address {
                let code = &g[0..2];
                if let Some(sc) = a.state_code.as_deref().filter(|v| !v.is_empty()) {
                    if sc != code {
                        ctx.push(c::GSTIN_STATE_MISMATCH, "/exporter/address/state_code", format!("The address is in state {sc} but the GSTIN is registered in state {code}."));
                    }
                }
                if let Some(pin) = a.postal_code.as_deref() {
                    if states::pin_matches_state(pin, code) == Some(false) {
                        let name = states::state(code).map_or(code, |s| s.name);
                        ctx.push(
                            c::GSTIN_STATE_MISMATCH,
                            "/exporter/address/postal_code",
                            format!("PIN {pin} is not in {name}, where the GSTIN is registered."),
                        );
                    }
                }
            }
        }
    }
    if let Some(iec) = e.iec.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        match ids::iec_kind(iec) {
            None => {
                ctx.push(c::IEC_FORMAT, "/exporter/iec", format!("{} is not an IEC: since 2017 the IEC is the exporter's PAN (10 characters, like AAPPV8261K).", q(iec)));
            }
            Some(IecKind::Legacy) => {
                ctx.push(c::IEC_LEGACY, "/exporter/iec", format!("IEC {iec} is an old 10-digit number; DGFT has migrated IECs to the PAN. Use the PAN-based IEC shown on the DGFT portal."));
            }
            Some(IecKind::Permanent) => {}
            Some(IecKind::Pan) => {
                if let Some(gp) = gstin_pan {
                    if gp != iec {
                        ctx.push(c::IEC_PAN_MISMATCH, "/exporter/iec", format!("IEC {iec} differs from the PAN {gp} inside the GSTIN; customs matches them for IGST refunds (SB003)."));
                    }
                } else if let Some(p) = pan_ok {
                    if p != iec {
                        ctx.push(c::IEC_PAN_MISMATCH, "/exporter/iec", format!("IEC {iec} differs from the exporter's PAN {p}; since 2017 the IEC is the PAN."));
                    }
                }
            }
        }
    }
    if let Some(ad) = e.ad_code.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        if !ids::is_ad_code(ad) {
            ctx.push(
                c::AD_CODE_FORMAT,
                "/exporter/ad_code",
                format!(
                    "{} is not an AD code: the bank's authorised-dealer code is 14 digits.",
                    q(ad)
                ),
            );
        }
    }
    if let Some(ifsc) =
        e.bank.as_ref().and_then(|b| b.ifsc.as_deref()).map(str::trim).filter(|v| !v.is_empty())
    {
        if !ids::is_ifsc(ifsc) {
            ctx.push(
                c::IFSC_FORMAT,
                "/exporter/bank/ifsc",
                format!(
                    "{} is not an IFSC: 4 letters, a zero, then 6 letters or digits (SBIN0001234).",
                    q(ifsc)
                ),
            );
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
    if let Some(country) =
        e.address.as_ref().and_then(|a| a.country.as_deref()).filter(|v| !v.is_empty())
    {
        country_code(ctx, "/exporter/address/country", country);
    }
}
