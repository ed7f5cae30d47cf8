//! Each invoice line's codes: HS code shape and the digits each document needs, GST unit,
//! country of origin (ID-12, ID-13 of the catalogue).

use super::catalogue as c;
use super::ctx::Ctx;
use super::ids;
use super::places::country_code;
use super::DocKind::*;
use crate::data::{countries, gst, uqc};
use crate::messages::cut;
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
                let variant = if hs.contains(['.', ' ']) { "dots" } else { "" };
                ctx.push(c::HS_CODE_FORMAT, path(), variant).set("value", cut(hs));
            } else {
                let len = hs.len();
                if ctx.wants(Pbe) && len != 8 {
                    ctx.push(c::HS_CODE_LENGTH, path(), "pbe")
                        .set("hs_code", hs)
                        .set("digits", len);
                } else if ctx.wants_any(&[Cn22, Cn23]) && commercial_cn && len < 6 {
                    ctx.push(c::HS_CODE_LENGTH, path(), "cn").set("hs_code", hs).set("digits", len);
                } else if gst_invoice {
                    let min = if registered_big {
                        gst::HSN_DIGITS.above_5_crore
                    } else {
                        gst::HSN_DIGITS.up_to_5_crore
                    };
                    if len < min {
                        ctx.push(c::HS_CODE_LENGTH, path(), "")
                            .set("min", min)
                            .set("hs_code", hs)
                            .set("digits", len);
                    }
                }
            }
        }
        if let Some(u) = it.unit.as_deref().filter(|v| !v.is_empty()) {
            if uqc::uqc(u).is_none() {
                ctx.push(c::UNIT_CODE, format!("/items/{i}/unit"), "").set("value", cut(u));
            }
        }
        if let Some(o) = it.origin_country.as_deref().filter(|v| !v.is_empty()) {
            if countries::country(o).is_none() {
                country_code(ctx, &format!("/items/{i}/origin_country"), o);
            }
        }
    }
}
