//! Applicability: which documents a shipment calls for ([`DocKind::for_shipment`]), whether a
//! CN22 is enough, and the `document_not_applicable` rule for documents asked for that do not
//! apply (a PBE for a personal parcel, a CN form off the post).

use super::catalogue as c;
use super::ctx::Ctx;
use super::DocKind::{self, *};
use crate::calc;
use crate::data::postal;
use crate::model::{Purpose, Shipment, TransportMode};

impl DocKind {
    /// The documents a shipment calls for: what a clerk would print for it.
    pub fn for_shipment(s: &Shipment) -> Vec<DocKind> {
        documents_for(s)
    }
}

/// The documents a shipment calls for.
pub(crate) fn documents_for(s: &Shipment) -> Vec<DocKind> {
    let mut out = Vec::new();
    let postal = s.transport.as_ref().and_then(|t| t.mode) == Some(TransportMode::Post);
    if s.purpose == Purpose::Commercial {
        out.push(CommercialInvoice);
        if !s.packages.is_empty() {
            out.push(PackingList);
        }
        out.push(IecDetails);
    }
    if postal {
        out.push(if cn22_suffices(s) { Cn22 } else { Cn23 });
        if s.purpose == Purpose::Commercial {
            out.push(Pbe);
        }
    }
    out
}

/// The UPU class of the shipment's India Post product, when one is named.
pub(crate) fn product_class(s: &Shipment) -> Option<postal::ProductClass> {
    let product = s.transport.as_ref()?.post.as_ref()?.product?;
    Some(postal::class(product))
}

/// Whether every article of the shipment may travel on a CN22: a letter-post item (not a
/// parcel or EMS item, which take a CN23 whatever their value), ≤ 300 SDR, ≤ 2 kg, and
/// contents that fit the label.
pub(crate) fn cn22_suffices(s: &Shipment) -> bool {
    if product_class(s) == Some(postal::ProductClass::Parcel) {
        return false;
    }
    if s.items.len() > postal::CN22_MAX_ROWS {
        return false;
    }
    if s.items.iter().any(|it| {
        it.description.as_deref().is_some_and(|d| d.chars().count() > postal::CN22_MAX_DESCRIPTION)
    }) {
        return false;
    }
    calc::articles(s).iter().all(|a| {
        let weight_ok =
            a.row.and_then(|p| p.gross_weight_kg).is_none_or(|w| w <= postal::CN22_MAX_KG);
        let value_ok = calc::article_value(s, a)
            .and_then(|v| calc::to_inr(s, v))
            .and_then(|inr| calc::to_sdr_exact(s, inr))
            .is_some_and(|sdr| sdr <= postal::CN22_MAX_SDR);
        weight_ok && value_ok
    })
}

pub(crate) fn check(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let mode = s.transport.as_ref().and_then(|t| t.mode);
    if ctx.wants(Pbe) && s.purpose == Purpose::Personal {
        ctx.push(c::NOT_APPLICABLE, "/purpose", "personal_pbe");
    }
    let postal_docs = ctx.need(&[Cn22, Cn23, Pbe]);
    if !postal_docs.is_empty() {
        if let Some(m) = mode {
            if m != TransportMode::Post {
                let by = match m {
                    TransportMode::Post => "mode_post",
                    TransportMode::Air => "mode_air",
                    TransportMode::Sea => "mode_sea",
                    TransportMode::Road => "mode_road",
                    TransportMode::Rail => "mode_rail",
                    TransportMode::Courier => "mode_courier",
                };
                ctx.push(c::NOT_APPLICABLE, "/transport/mode", "not_post")
                    .set("documents", postal_docs.names())
                    .set("by", by);
            }
        }
    }
}
