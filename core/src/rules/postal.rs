//! Postal rules: CN22 or CN23, product limits, generic descriptions, gift and sample values,
//! PBE type and e-commerce particulars, tracking numbers (ID-17 to ID-20, ID-23).

use super::applicability::product_class;
use super::catalogue as c;
use super::ctx::Ctx;
use super::ids::{self, S10Error};
use super::DocKind::*;
use crate::calc;
use crate::data::{customs_units, postal, stop_words};
use crate::issue::Severity;
use crate::messages::cut;
use crate::model::{PostalCategory, PostalProduct, Purpose};

pub(crate) fn check(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let cn = ctx.wants_any(&[Cn22, Cn23]);
    let postal_mode =
        s.transport.as_ref().and_then(|t| t.mode) == Some(crate::model::TransportMode::Post);
    if cn {
        descriptions(ctx);
    }
    stop_words(ctx, cn);
    if ctx.wants(Cn22) {
        cn22(ctx);
    }
    if cn || postal_mode {
        product_limits(ctx);
        gift_and_sample(ctx);
    }
    if ctx.wants(Pbe) {
        ecommerce(ctx);
        schemes(ctx);
        customs_units(ctx);
    }
    tracking(ctx);
}

fn descriptions(ctx: &mut Ctx<'_>) {
    for (i, it) in ctx.s.items.iter().enumerate() {
        let Some(d) = it.description.as_deref() else { continue };
        let norm = d.trim().trim_end_matches(['.', '!']).to_lowercase();
        // "2 gifts" is as generic as "gifts": drop a leading count.
        let words: Vec<&str> =
            norm.split_whitespace().skip_while(|w| w.chars().all(|c| c.is_ascii_digit())).collect();
        let bare = words.join(" ");
        if !bare.is_empty() && postal::GENERIC_DESCRIPTIONS.contains(&bare.as_str()) {
            ctx.push(c::GENERIC_DESCRIPTION, format!("/items/{i}/description"), "")
                .set("value", cut(d));
        }
    }
}

/// EU customs' stop words, for every destination: customs abroad screen descriptions
/// against this list, and India Post's harmonised-label memorandum tells senders to avoid it.
fn stop_words(ctx: &mut Ctx<'_>, generic_checked: bool) {
    for (i, it) in ctx.s.items.iter().enumerate() {
        let Some(d) = it.description.as_deref() else { continue };
        let Some(word) = stop_words::stop_word(d) else { continue };
        // Already an error on a customs form; one message per description is enough.
        if generic_checked && postal::GENERIC_DESCRIPTIONS.contains(&word) {
            continue;
        }
        ctx.push(c::EU_STOP_WORD, format!("/items/{i}/description"), "").set("word", word);
    }
}

fn cn22(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    if product_class(s) == Some(postal::ProductClass::Parcel) {
        let product = s.transport.as_ref().and_then(|t| t.post.as_ref()).and_then(|p| p.product);
        let issue = ctx.push(c::CN23_FOR_PARCEL, "/transport/post/product", "");
        if let Some(p) = product {
            issue.set("product", product_key(p));
        } else {
            issue.variant = "unnamed";
        }
    }
    if s.items.len() > postal::CN22_MAX_ROWS {
        ctx.push(c::CN22_FIT, "/items", "lines")
            .set("lines", s.items.len())
            .set("max", postal::CN22_MAX_ROWS);
    }
    for (i, it) in s.items.iter().enumerate() {
        if let Some(d) = it.description.as_deref() {
            let n = d.chars().count();
            if n > postal::CN22_MAX_DESCRIPTION {
                ctx.push(c::CN22_FIT, format!("/items/{i}/description"), "")
                    .set("chars", n)
                    .set("max", postal::CN22_MAX_DESCRIPTION);
            }
        }
    }
    for a in calc::articles(s) {
        let path = a.package.map_or_else(|| "/items".to_string(), |p| format!("/packages/{p}"));
        if let Some(w) = a.row.and_then(|p| p.gross_weight_kg) {
            if w > postal::CN22_MAX_KG {
                ctx.push(c::CN22_WEIGHT_LIMIT, format!("{path}/gross_weight_kg"), "")
                    .set("weight_kg", w)
                    .set("max_kg", postal::CN22_MAX_KG);
            }
        }
        let Some(value) = calc::article_value(s, &a) else { continue };
        let Some(inr) = calc::to_inr(s, value) else { continue };
        let Some(exact) = calc::to_sdr_exact(s, inr) else { continue };
        if exact > postal::CN22_MAX_SDR {
            let sdr = crate::money::round_amount(exact, 2);
            ctx.push(c::CN22_VALUE_LIMIT, path, "")
                .set("inr", inr)
                .set("sdr", sdr)
                .set("max_sdr", postal::CN22_MAX_SDR);
        }
    }
}

fn product_limits(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let Some(product) = s.transport.as_ref().and_then(|t| t.post.as_ref()).and_then(|p| p.product)
    else {
        return;
    };
    let rule = postal::product(product);
    let day = s
        .transport
        .as_ref()
        .and_then(|t| t.dispatch_date)
        .or(s.invoice.as_ref().and_then(|i| i.date));
    let carries_goods =
        !matches!(s.postal.as_ref().and_then(|p| p.category), Some(PostalCategory::Documents));
    if carries_goods {
        if let Some(day) = day {
            if !postal::goods_allowed(product, day) {
                ctx.push(c::POSTAL_PRODUCT_WITHDRAWN, "/transport/post/product", "")
                    .set("product", product_key(product));
            }
        }
    }
    for (i, p) in s.packages.iter().enumerate() {
        if let Some(w) = p.gross_weight_kg {
            if w > rule.max_kg {
                let sev = if rule.confirmed { Severity::Error } else { Severity::Warning };
                ctx.push_with(
                    c::POSTAL_WEIGHT_LIMIT,
                    sev,
                    format!("/packages/{i}/gross_weight_kg"),
                    "",
                )
                .set("product", product_key(product))
                .set("max_kg", rule.max_kg)
                .set("weight_kg", w);
            }
        }
    }
}

fn gift_and_sample(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let Some(cat) = s.postal.as_ref().and_then(|p| p.category) else { return };
    if s.purpose == Purpose::Personal
        && matches!(cat, PostalCategory::SaleOfGoods | PostalCategory::CommercialSample)
    {
        ctx.push(c::PERSONAL_CATEGORY, "/postal/category", "");
    }
    let fx = s.postal.as_ref().and_then(|p| p.foreign_exchange_involved);
    let (limit, what) = match cat {
        PostalCategory::Gift => (postal::GIFT_MAX_INR, "a_gift"),
        PostalCategory::CommercialSample => (postal::SAMPLE_MAX_INR, "a_free_sample"),
        _ => return,
    };
    if fx == Some(true) {
        return;
    }
    let Some(inr) = calc::goods_total(s).and_then(|v| calc::to_inr(s, v)) else { return };
    if inr > limit {
        ctx.push(c::GIFT_SAMPLE_VALUE, "/items", "")
            .set("what", what)
            .set("limit", limit)
            .set("inr", inr);
    }
}

fn ecommerce(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let Some(e) = s.ecommerce.as_ref() else { return };
    if let Some(g) = e.operator_gstin.as_deref().filter(|v| !v.is_empty()) {
        if !ids::gstin_shape_ok_for_operator(g) {
            ctx.push(c::GSTIN_FORMAT, "/ecommerce/operator_gstin", "operator").set("value", cut(g));
        } else if ids::gstin_check_char(&g[0..14]) != g.chars().nth(14) {
            ctx.push(c::GSTIN_CHECKSUM, "/ecommerce/operator_gstin", "operator").set("gstin", g);
        } else if !ids::is_tcs_gstin(g) {
            ctx.push(c::PBE_ECOMMERCE, "/ecommerce/operator_gstin", "tcs").set("gstin", g);
        }
    }
    for (i, it) in s.items.iter().enumerate() {
        if it.sku.as_deref().is_none_or(|v| v.trim().is_empty()) {
            ctx.push(c::PBE_ECOMMERCE, format!("/items/{i}"), "").set("field", "sku");
        }
    }
}

/// Drawback, RoDTEP and RoSCTL on a postal export are paid into the account registered
/// against the exporter's AD code, to an exporter registered on ICEGATE (Circular
/// 01/2026-Customs).
fn schemes(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let Some(first) =
        s.items.iter().position(|it| it.scheme.as_ref().is_some_and(|c| c.claims_any()))
    else {
        return;
    };
    let exporter = s.exporter.as_ref();
    let parent = if exporter.is_some() { "/exporter" } else { "" };
    if exporter.and_then(|e| e.ad_code.as_deref()).is_none_or(|a| a.trim().is_empty()) {
        ctx.push(c::SCHEME_AD_CODE, parent, "").set("line", first + 1).set("field", "ad_code");
    }
    match exporter.and_then(|e| e.icegate_registered) {
        Some(true) => {}
        Some(false) => {
            ctx.push_with(
                c::ICEGATE_REGISTRATION,
                Severity::Error,
                "/exporter/icegate_registered",
                "not_registered",
            );
        }
        None => {
            ctx.push(c::ICEGATE_REGISTRATION, parent, "").set("field", "icegate_registered");
        }
    }
}

/// The PBE's Unit column is the customs tariff's unit of the heading: where niryat knows it
/// differs from the line's GST unit, the customs unit and quantity should be given.
fn customs_units(ctx: &mut Ctx<'_>) {
    for (i, it) in ctx.s.items.iter().enumerate() {
        let Some(cu) = it.hs_code.as_deref().and_then(customs_units::unit_for) else { continue };
        let unit = it.unit.as_deref().unwrap_or_default();
        if unit.is_empty() || customs_units::same_unit(unit, cu.unit) {
            continue;
        }
        if let Some(given) = it.customs_unit.as_deref().filter(|u| !u.trim().is_empty()) {
            if it.customs_quantity.is_some() {
                if !customs_units::same_unit(given, cu.unit) {
                    ctx.push(c::CUSTOMS_UNIT, format!("/items/{i}/customs_unit"), "given")
                        .set("heading", cu.heading)
                        .set("what", cu.what)
                        .set("unit", cu.unit)
                        .set("given", cut(given));
                }
                continue;
            }
        }
        ctx.push(c::CUSTOMS_UNIT, format!("/items/{i}"), "")
            .set("heading", cu.heading)
            .set("what", cu.what)
            .set("unit", cu.unit)
            .set("line_unit", cut(unit))
            .set("field", "customs_quantity");
    }
}

fn tracking(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let mut seen: Vec<&str> = Vec::new();
    for (i, p) in s.packages.iter().enumerate() {
        let Some(t) = p.tracking_number.as_deref().filter(|v| !v.is_empty()) else { continue };
        let path = format!("/packages/{i}/tracking_number");
        match ids::check_s10(t) {
            Err(S10Error::Shape) => {
                ctx.push(c::TRACKING_NUMBER_FORMAT, &path, "").set("value", cut(t));
            }
            Err(S10Error::CheckDigit(d)) => {
                ctx.push(c::TRACKING_CHECK_DIGIT, &path, "").set("tracking", t).set("expected", d);
            }
            Ok(()) => {}
        }
        if seen.contains(&t) {
            ctx.push(c::TRACKING_DUPLICATE, &path, "").set("value", cut(t));
        }
        seen.push(t);
        if !t.ends_with("IN") && ids::check_s10(t).is_ok() {
            ctx.push_with(c::TRACKING_NUMBER_FORMAT, Severity::Warning, path, "abroad")
                .set("tracking", t);
        }
    }
}

/// The snake_case name of an India Post product, as in the input (a message param).
fn product_key(p: PostalProduct) -> &'static str {
    match p {
        PostalProduct::InternationalTrackedPacket => "international_tracked_packet",
        PostalProduct::Ems => "ems",
        PostalProduct::Parcel => "parcel",
        PostalProduct::Letter => "letter",
        PostalProduct::RegisteredSmallPacket => "registered_small_packet",
    }
}
