//! Countries, the destination, ports and Foreign Post Offices (ID-11, ID-21 of the catalogue).

use super::catalogue as c;
use super::ctx::Ctx;
use crate::data::{countries, locations};
use crate::messages::cut;

/// Checks an ISO country code; returns true when known.
pub(crate) fn country_code(ctx: &mut Ctx<'_>, path: &str, code: &str) -> bool {
    if countries::country(code).is_some() {
        return true;
    }
    ctx.push(c::COUNTRY_CODE, path, "").set("value", cut(code));
    false
}

pub(crate) fn parties(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let consignee_country = s
        .consignee
        .as_ref()
        .and_then(|p| p.address.as_ref())
        .and_then(|a| a.country.as_deref())
        .filter(|v| !v.is_empty());
    if let Some(cc) = consignee_country {
        country_code(ctx, "/consignee/address/country", cc);
    }
    if let Some(bc) = s
        .buyer
        .as_ref()
        .and_then(|p| p.address.as_ref())
        .and_then(|a| a.country.as_deref())
        .filter(|v| !v.is_empty())
    {
        country_code(ctx, "/buyer/address/country", bc);
    }
    if let Some(dest) = s.destination_country.as_deref().filter(|v| !v.is_empty()) {
        if dest == "IN" {
            ctx.push(c::DESTINATION_INDIA, "/destination_country", "");
        } else if country_code(ctx, "/destination_country", dest) {
            if let Some(cc) = consignee_country {
                if cc != dest && countries::country(cc).is_some() {
                    ctx.push(c::DESTINATION_MISMATCH, "/consignee/address/country", "")
                        .set("consignee_country", cc)
                        .set("destination", dest);
                }
            }
        }
    }
}

fn location(ctx: &mut Ctx<'_>, path: &str, code: &str) -> bool {
    if !locations::is_well_formed(code) {
        ctx.push(c::PORT_CODE, path, "").set("value", cut(code));
        return false;
    }
    if locations::location(code).is_none() {
        ctx.push(c::PORT_UNKNOWN, path, "").set("code", code);
    }
    true
}

pub(crate) fn transport(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let Some(t) = s.transport.as_ref() else { return };
    if let Some(p) = t.port_of_loading.as_deref().filter(|v| !v.is_empty()) {
        location(ctx, "/transport/port_of_loading", p);
    }
    if let Some(fpo) = t.post.as_ref().and_then(|p| p.fpo_code.as_deref()).filter(|v| !v.is_empty())
    {
        if location(ctx, "/transport/post/fpo_code", fpo)
            && locations::LocationKind::of_code(fpo)
                != Some(locations::LocationKind::ForeignPostOffice)
        {
            ctx.push(c::FPO_CODE, "/transport/post/fpo_code", "").set("code", fpo);
        }
    }
}
