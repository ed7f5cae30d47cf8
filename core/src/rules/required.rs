//! Which fields each document needs, and reporting the ones that are missing.

use super::ctx::{Ctx, Parent};
use super::DocKind::{self, *};
use crate::model::{Address, PostalCategory, Purpose, TaxTreatment, TransportMode};

const ALL_DOCS: &[DocKind] =
    &[CommercialInvoice, PackingList, IecDetails, Cn22, Cn23, Pbe, Einvoice, ProformaInvoice];
const SHIPPING: &[DocKind] =
    &[CommercialInvoice, PackingList, Cn22, Cn23, Pbe, Einvoice, ProformaInvoice];
const VALUED: &[DocKind] = &[CommercialInvoice, Cn22, Cn23, Pbe, Einvoice, ProformaInvoice];
const CN: &[DocKind] = &[Cn22, Cn23];

pub(crate) fn check(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let commercial = s.purpose == Purpose::Commercial;

    // Exporter / sender.
    let need = ctx.need(ALL_DOCS);
    if let Some(e) = ctx.some("", "exporter", s.exporter.as_ref(), need) {
        ctx.text("/exporter", "legal_name", e.legal_name.as_ref(), need);
        let need_iec = if commercial {
            ctx.need(&[CommercialInvoice, IecDetails, Pbe])
        } else {
            ctx.need(&[IecDetails])
        };
        ctx.text("/exporter", "iec", e.iec.as_ref(), need_iec);
        ctx.text("/exporter", "pan", e.pan.as_ref(), ctx.need(&[IecDetails]));
        let registered = !matches!(s.tax, Some(TaxTreatment::Unregistered {}) | None);
        if registered && commercial {
            ctx.text(
                "/exporter",
                "gstin",
                e.gstin.as_ref(),
                ctx.need(&[CommercialInvoice, Pbe, IecDetails, Einvoice]),
            );
        }
        if let Some(a) = ctx.some("/exporter", "address", e.address.as_ref(), need) {
            address(ctx, "/exporter/address", a, need, true);
        }
        if ctx.wants(IecDetails) {
            ctx.some("/exporter", "entity", e.entity.as_ref(), ctx.need(&[IecDetails]));
        }
    }

    // Consignee.
    let need = ctx.need(SHIPPING);
    if let Some(c) = ctx.some("", "consignee", s.consignee.as_ref(), need) {
        ctx.text("/consignee", "name", c.name.as_ref(), need);
        if let Some(a) = ctx.some("/consignee", "address", c.address.as_ref(), need) {
            address(ctx, "/consignee/address", a, need, false);
        }
    }
    ctx.text("", "destination_country", s.destination_country.as_ref(), ctx.need(SHIPPING));

    // Invoice header.
    let need_inv = if commercial {
        ctx.need(&[CommercialInvoice, PackingList, Pbe, Einvoice])
    } else {
        ctx.need(&[CommercialInvoice, PackingList])
    };
    let cn23_invoice = ctx.wants(Cn23) && is_sale_or_sample(ctx);
    let need_inv_no = if cn23_invoice { need_inv.with(Cn23) } else { need_inv };
    if let Some(inv) = ctx.some("", "invoice", s.invoice.as_ref(), need_inv_no) {
        ctx.text("/invoice", "number", inv.number.as_ref(), need_inv_no);
        ctx.some("/invoice", "date", inv.date.as_ref(), need_inv);
    }

    // Value and currency.
    let need = ctx.need(VALUED);
    if let Some(cur) = ctx.text("", "currency", s.currency.as_ref(), need) {
        if cur != "INR" {
            // The CN22 limit is in SDR and the gift and sample limits in rupees: both need
            // the value in INR, whatever the purpose.
            let need_rate = if commercial {
                ctx.need(&[CommercialInvoice, Pbe, Einvoice, Cn22])
            } else {
                ctx.need(&[Cn22, Cn23])
            };
            if let Some(r) = ctx.some("", "exchange_rate", s.exchange_rate.as_ref(), need_rate) {
                ctx.some("/exchange_rate", "rate", r.rate.as_ref(), need_rate);
            }
        }
    }
    if ctx.wants(Cn22) {
        let need = ctx.need(&[Cn22]);
        if let Some(r) = ctx.some("", "sdr_rate", s.sdr_rate.as_ref(), need) {
            ctx.some("/sdr_rate", "inr_per_sdr", r.inr_per_sdr.as_ref(), need);
        }
    }

    // Terms and tax.
    if commercial {
        let need = ctx.need(&[CommercialInvoice]);
        if let Some(t) = ctx.some("", "terms", s.terms.as_ref(), need) {
            ctx.text("/terms", "incoterm", t.incoterm.as_ref(), need);
            ctx.text("/terms", "incoterm_place", t.incoterm_place.as_ref(), need);
        }
        ctx.some("", "tax", s.tax.as_ref(), ctx.need(&[CommercialInvoice, Pbe, Einvoice]));
        if let Some(TaxTreatment::Lut { arn, date }) = &s.tax {
            let need = ctx.need(&[CommercialInvoice, Pbe]);
            ctx.text("/tax", "arn", arn.as_ref(), need);
            ctx.some("/tax", "date", date.as_ref(), need);
        }
        if let Some(TaxTreatment::IgstPaid { rate, .. }) = &s.tax {
            // The shipment's rate is the default of lines without their own gst_rate.
            if s.items.is_empty() || s.items.iter().any(|i| i.gst_rate.is_none()) {
                let need = ctx.need(&[CommercialInvoice, Pbe, Einvoice]);
                ctx.some("/tax", "rate", rate.as_ref(), need);
            }
        }
        if let Some(TaxTreatment::Bond { reference, .. }) = &s.tax {
            ctx.text("/tax", "reference", reference.as_ref(), ctx.need(&[CommercialInvoice, Pbe]));
        }
        let need = ctx.need(&[CommercialInvoice]);
        if let Some(sig) = ctx.some("", "signatory", s.signatory.as_ref(), need) {
            ctx.text("/signatory", "name", sig.name.as_ref(), need);
        }
    }

    // Transport.
    let need_post = ctx.need(&[Cn22, Cn23, Pbe]);
    let need_mode = ctx.need(&[CommercialInvoice, PackingList, Cn22, Cn23, Pbe]);
    if let Some(t) = ctx.some("", "transport", s.transport.as_ref(), need_mode) {
        ctx.some("/transport", "mode", t.mode.as_ref(), need_mode);
        if t.mode == Some(TransportMode::Post) || !need_post.is_empty() {
            let need_pbe = ctx.need(&[Pbe]);
            let post_need = need_post;
            if let Some(p) = ctx.some("/transport", "post", t.post.as_ref(), post_need) {
                ctx.some("/transport/post", "product", p.product.as_ref(), post_need);
                ctx.text("/transport/post", "fpo_code", p.fpo_code.as_ref(), need_pbe);
            }
        }
        if matches!(t.mode, Some(TransportMode::Sea | TransportMode::Air)) {
            ctx.text(
                "/transport",
                "port_of_loading",
                t.port_of_loading.as_ref(),
                ctx.need(&[CommercialInvoice]),
            );
        }
    }

    // Postal declaration.
    let need = ctx.need(CN);
    if let Some(p) = ctx.some("", "postal", s.postal.as_ref(), need) {
        if let Some(cat) = ctx.some("/postal", "category", p.category.as_ref(), need) {
            if *cat == PostalCategory::Other {
                ctx.text("/postal", "explanation", p.explanation.as_ref(), need);
            }
        }
    }

    // E-commerce particulars for PBE-III.
    if ctx.wants(Pbe) {
        if let Some(e) = &s.ecommerce {
            let need = ctx.need(&[Pbe]);
            if e.platform.as_deref().is_none_or(|v| v.trim().is_empty()) {
                ctx.text("/ecommerce", "url", e.url.as_ref(), need);
            }
            ctx.text(
                "/ecommerce",
                "payment_transaction_id",
                e.payment_transaction_id.as_ref(),
                need,
            );
        }
    }

    items(ctx, commercial);
    packages(ctx);
}

fn is_sale_or_sample(ctx: &Ctx<'_>) -> bool {
    ctx.s.purpose == Purpose::Commercial
        || matches!(
            ctx.s.postal.as_ref().and_then(|p| p.category),
            Some(PostalCategory::SaleOfGoods | PostalCategory::CommercialSample)
        )
}

fn address(ctx: &mut Ctx<'_>, path: &str, a: &Address, need: super::Targets, indian: bool) {
    ctx.text(path, "line1", a.line1.as_ref(), need);
    ctx.text(path, "city", a.city.as_ref(), need);
    ctx.text(path, "country", a.country.as_ref(), need);
    if indian {
        ctx.text(path, "postal_code", a.postal_code.as_ref(), need);
    }
}

fn items(ctx: &mut Ctx<'_>, commercial: bool) {
    let s = ctx.s;
    let need_any = ctx.need(&[CommercialInvoice, PackingList, Cn22, Cn23, Pbe, Einvoice]);
    if s.items.is_empty() {
        if !need_any.is_empty() {
            ctx.missing("", "items", need_any, Some("one_line"));
        }
        return;
    }
    let commercial_cn = is_sale_or_sample(ctx);
    let need_value = ctx.need(VALUED);
    let need_hs = if commercial {
        let mut kinds = vec![CommercialInvoice, Pbe, Einvoice];
        if commercial_cn {
            kinds.extend_from_slice(CN);
        }
        ctx.need(&kinds)
    } else if commercial_cn {
        ctx.need(CN)
    } else {
        ctx.need(&[])
    };
    let need_unit = ctx.need(&[CommercialInvoice, PackingList, Pbe, Cn23, Einvoice]);
    let need_weight = ctx.need(&[Cn22, Cn23, Pbe]);
    let need_origin = need_hs;
    for (i, it) in s.items.iter().enumerate() {
        let p = Parent::Index("/items", i);
        ctx.text(p, "description", it.description.as_ref(), need_any);
        ctx.some(p, "quantity", it.quantity.as_ref(), need_any);
        ctx.some(p, "unit_price", it.unit_price.as_ref(), need_value);
        ctx.text(p, "unit", it.unit.as_ref(), need_unit);
        ctx.text(p, "hs_code", it.hs_code.as_ref(), need_hs);
        ctx.text(p, "origin_country", it.origin_country.as_ref(), need_origin);
        ctx.some(p, "net_weight_kg", it.net_weight_kg.as_ref(), need_weight);
    }
}

fn packages(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let need = ctx.need(&[PackingList, Cn22, Cn23, Pbe]);
    if s.packages.is_empty() {
        if !need.is_empty() {
            ctx.missing("", "packages", need, Some("one_package"));
        }
        return;
    }
    let need_pl = ctx.need(&[PackingList]);
    let need_gross = ctx.need(&[PackingList, Cn22, Cn23, Pbe]);
    let postal = s.transport.as_ref().and_then(|t| t.mode) == Some(TransportMode::Post);
    let need_tracking = if postal { ctx.need(&[Pbe]) } else { ctx.need(&[]) };
    for (i, pk) in s.packages.iter().enumerate() {
        let p = Parent::Index("/packages", i);
        ctx.some(p, "number", pk.number.as_ref(), need_pl);
        ctx.text(p, "kind", pk.kind.as_ref(), need_pl);
        ctx.some(p, "net_weight_kg", pk.net_weight_kg.as_ref(), need_pl);
        ctx.some(p, "gross_weight_kg", pk.gross_weight_kg.as_ref(), need_gross);
        ctx.text(p, "tracking_number", pk.tracking_number.as_ref(), need_tracking);
        if pk.contents.is_empty() && !need_pl.is_empty() {
            ctx.missing(p, "contents", need_pl, Some("contents_which"));
        }
        for (j, c) in pk.contents.iter().enumerate() {
            if c.line.is_none() || c.quantity.is_none() {
                let cp = format!("/packages/{i}/contents/{j}");
                ctx.some(&cp, "line", c.line.as_ref(), need_pl);
                ctx.some(&cp, "quantity", c.quantity.as_ref(), need_pl);
            }
        }
    }
}
