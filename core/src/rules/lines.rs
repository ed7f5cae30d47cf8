//! Each invoice line's codes: HS code shape and the digits each document needs, GST unit,
//! country of origin (ID-12, ID-13 of the catalogue).

use super::catalogue as c;
use super::ctx::{q, Ctx};
use super::ids;
use super::places::country_code;
use super::DocKind::*;
use crate::data::{countries, gst, uqc};
use crate::model::{Purpose, TaxTreatment};

pub(crate) fn check(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let registered_big = s.exporter.as_ref().and_then(|e| e.turnover_above_5_crore) == Some(true);
    let commercial_cn = s.purpose == Purpose::Commercial
        || matches!(
            s.postal.as_ref().and_then(|p| p.category),
            Some(
                crate::model::PostalCategory::SaleOfGoods
                    | crate::model::PostalCategory::CommercialSample
            )
        );
    let gst_invoice = ctx.wants(CommercialInvoice)
        && matches!(
            s.tax,
            Some(
                TaxTreatment::IgstPaid { .. }
                    | TaxTreatment::Lut { .. }
                    | TaxTreatment::Bond { .. }
            )
        );
    for (i, it) in s.items.iter().enumerate() {
        if let Some(hs) = it.hs_code.as_deref().filter(|v| !v.is_empty()) {
            let path = || format!("/items/{i}/hs_code");
            if !ids::is_hs_code(hs) {
                let hint = if hs.contains(['.', ' ']) {
                    " Write it without dots or spaces (61171010, not 6117.10.10)."
                } else {
                    ""
                };
                ctx.push(
                    c::HS_CODE_FORMAT,
                    path(),
                    format!("{} is not an HS code: 4, 6 or 8 digits.{hint}", q(hs)),
                );
            } else {
                let len = hs.len();
                if ctx.wants(Pbe) && len != 8 {
                    ctx.push(c::HS_CODE_LENGTH, path(), format!("The Postal Bill of Export needs the 8-digit ITC(HS) code; {hs} has {len} digits."));
                } else if ctx.wants_any(&[Cn22, Cn23]) && commercial_cn && len < 6 {
                    ctx.push(c::HS_CODE_LENGTH, path(), format!("CN22/CN23 need at least 6 HS digits for commercial items; {hs} has {len}."));
                } else if gst_invoice {
                    let min = if registered_big {
                        gst::HSN_DIGITS.above_5_crore
                    } else {
                        gst::HSN_DIGITS.up_to_5_crore
                    };
                    if len < min {
                        ctx.push(c::HS_CODE_LENGTH, path(), format!("A GST invoice of this exporter needs at least {min} HSN digits; {hs} has {len}."));
                    }
                }
            }
        }
        if let Some(u) = it.unit.as_deref().filter(|v| !v.is_empty()) {
            if uqc::uqc(u).is_none() {
                ctx.push(c::UNIT_CODE, format!("/items/{i}/unit"), format!("{} is not a GST unit quantity code; use PCS (pieces), NOS (numbers), SET, PRS (pairs), KGS, MTR …", q(u)));
            }
        }
        if let Some(o) = it.origin_country.as_deref().filter(|v| !v.is_empty()) {
            if countries::country(o).is_none() {
                country_code(ctx, &format!("/items/{i}/origin_country"), o);
            }
        }
    }
}
