//! The CN23 view: one UPU CN23 customs declaration per postal article.
//!
//! Two layouts: the harmonised 6 × 8 inch label (India Post, March 2026; the default),
//! whose first label holds [`postal::CN23_ROWS_PER_LABEL`] content rows and each further
//! label [`postal::CN23_ROWS_PER_CONTINUATION_LABEL`]; and A4, whose first sheet holds
//! [`postal::CN23_ROWS_PER_SHEET`] rows and each continuation sheet [`CONTINUATION_ROWS`].
//! Nothing is ever clipped: rows that do not fit continue. The totals on the first page
//! cover every row of the article, on every page.

use super::cn22::{
    categories, declaration_date, invoice_ref, is_commercial, origin, parts, quantity, signer,
    total, Category,
};
use super::localized::{exporter_block, party_block};
use super::{kg, text, Layout, Money, PartyBlock};
use crate::calc;
use crate::data::postal;
use crate::i18n;
use crate::model::NonDelivery;
use crate::render::Lang;
use crate::rules::{DocKind, Validated};
use serde::Serialize;

/// Content rows on each A4 continuation sheet: 15 rows of up to four lines each (a
/// description of [`crate::rules::fit::CN23_MAX_DESCRIPTION`] characters in the widest
/// letters) fill the sheet; 30 rows had room for two lines each, and the rows of longer
/// descriptions ran onto a page of their own (layout torture, issue 15).
pub const CONTINUATION_ROWS: usize = 15;

/// The CN23 forms of a shipment, one per postal article.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Cn23View {
    /// One form per article.
    pub forms: Vec<Cn23Form>,
    /// Rows on the first sheet; the template draws this many.
    pub rows_per_sheet: usize,
    /// `label` (6 × 8 inch) or `a4`.
    pub layout: &'static str,
}

/// One CN23 form (first sheet plus continuation sheets).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Cn23Form {
    /// Tracking number of the article ("No. of item").
    pub tracking_number: String,
    /// Sender.
    pub sender: PartyBlock,
    /// Sender's customs reference: as stated, else the IEC.
    pub sender_reference: String,
    /// Addressee (its `tax_id` is the importer's reference).
    pub addressee: PartyBlock,
    /// Content rows on the first sheet.
    pub rows: Vec<Cn23Row>,
    /// Content rows of each continuation sheet.
    pub continuation: Vec<Vec<Cn23Row>>,
    /// Currency code of the values.
    pub currency: String,
    /// Total gross weight (kg): the article's gross weight, else the sum of the rows.
    pub total_gross_weight_kg: String,
    /// Total value of all rows.
    pub total_value: String,
    /// Postage and other charges, in the currency.
    pub postal_charges: String,
    /// Category boxes.
    pub categories: Vec<Category>,
    /// Explanation when the category is "other".
    pub explanation: String,
    /// Comments (quarantine, sanitary or other restrictions).
    pub comments: String,
    /// Licence numbers.
    pub licences: String,
    /// Certificate numbers.
    pub certificates: String,
    /// Invoice number and date.
    pub invoice: String,
    /// Office of origin (booking office).
    pub office_of_origin: String,
    /// Date of posting.
    pub posting_date: String,
    /// `return_to_sender`, `abandon`, or empty.
    pub non_delivery: String,
    /// Whether the items are commercial (HS code and origin columns apply).
    pub commercial: bool,
    /// Date of the declaration.
    pub date: String,
    /// The person who signs (the signatory, else the sender's name).
    pub signer: String,
    /// The signer's designation and the entity signed for ("Secretary, SHG, for Kashi …"),
    /// empty when the sender signs in person.
    pub signer_capacity: String,
}

/// One content row of a CN23.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Cn23Row {
    /// Serial number within the article.
    pub sl: String,
    /// Detailed description.
    pub description: String,
    /// Quantity with unit.
    pub quantity: String,
    /// Net weight (kg).
    pub net_weight_kg: String,
    /// Value in the currency.
    pub value: String,
    /// HS tariff number as on the invoice.
    pub hs_code: String,
    /// Country of origin (name).
    pub origin: String,
    /// ISO code of the country of origin: printed instead of the name when the name does not
    /// fit its cell in the lines the row allows (a long name beside its Hindi), so the row
    /// never grows and the form keeps its rows.
    pub origin_code: String,
}

/// Builds the CN23 view of a validated shipment on the default 6 × 8 inch label, in English.
pub fn cn23(v: &Validated) -> Cn23View {
    cn23_in(v, Layout::Label, Lang::En)
}

/// Builds the CN23 view of a validated shipment for `layout`, with the values niryat
/// composes in `lang`: English first always (a customs declaration is read abroad), so `hi`
/// gives the bilingual values of `en+hi` and `en` English only.
pub fn cn23_in(v: &Validated, layout: Layout, lang: Lang) -> Cn23View {
    let lang = lang.for_kind(DocKind::Cn23);
    let (first_rows, more_rows) = match layout {
        Layout::Label => (postal::CN23_ROWS_PER_LABEL, postal::CN23_ROWS_PER_CONTINUATION_LABEL),
        Layout::A4 => (postal::CN23_ROWS_PER_SHEET, CONTINUATION_ROWS),
    };
    let s = v.shipment();
    let (signer, signer_capacity) = signer(s, lang);
    let money = Money::of(s);
    let sender = exporter_block(s, lang);
    // The exporter's customs reference in India is the IEC; a stated reference wins.
    let iec = s
        .exporter
        .as_ref()
        .and_then(|e| e.iec.clone())
        .map(|i| format!("IEC {i}"))
        .unwrap_or_default();
    let addressee = s.consignee.as_ref().map(|c| party_block(c, lang)).unwrap_or_default();
    let postal_decl = s.postal.clone().unwrap_or_default();
    let invoice = invoice_ref(s, lang);
    let post = s.transport.as_ref().and_then(|t| t.post.as_ref());
    let forms = calc::articles(s)
        .iter()
        .map(|a| {
            let parts = parts(s, a, money.minor);
            let mut rows: Vec<Cn23Row> = parts
                .iter()
                .enumerate()
                .map(|(n, p)| {
                    let it = s.items.get(p.index);
                    Cn23Row {
                        sl: (n + 1).to_string(),
                        description: it.map(|it| text(&it.description)).unwrap_or_default(),
                        quantity: quantity(s, p),
                        net_weight_kg: p.net.map(kg).unwrap_or_default(),
                        value: money.opt(p.value),
                        hs_code: it.map(|it| text(&it.hs_code)).unwrap_or_default(),
                        origin: origin(it, lang),
                        origin_code: it.map(|it| text(&it.origin_country)).unwrap_or_default(),
                    }
                })
                .collect();
            let rest = rows.split_off(rows.len().min(first_rows));
            let continuation = rest.chunks(more_rows).map(<[Cn23Row]>::to_vec).collect();
            let gross = a
                .row
                .and_then(|p| p.gross_weight_kg)
                .or_else(|| total(parts.iter().map(|p| p.net)));
            Cn23Form {
                tracking_number: a.row.map(|p| text(&p.tracking_number)).unwrap_or_default(),
                sender: sender.clone(),
                sender_reference: postal_decl
                    .sender_reference
                    .clone()
                    .filter(|r| !r.is_empty())
                    .unwrap_or_else(|| iec.clone()),
                addressee: addressee.clone(),
                rows,
                continuation,
                currency: money.code.clone(),
                total_gross_weight_kg: gross.map(kg).unwrap_or_default(),
                total_value: money.opt(total(parts.iter().map(|p| p.value))),
                postal_charges: money.opt(postal_decl.postal_charges),
                categories: categories(s),
                explanation: text(&postal_decl.explanation),
                comments: text(&postal_decl.comments),
                licences: postal_decl.licences.join(", "),
                certificates: postal_decl.certificates.join(", "),
                invoice: invoice.clone(),
                office_of_origin: post.map(|p| text(&p.booking_office)).unwrap_or_default(),
                posting_date: i18n::date_opt(
                    s.transport.as_ref().and_then(|t| t.dispatch_date),
                    lang,
                ),
                non_delivery: match postal_decl.non_delivery {
                    Some(NonDelivery::ReturnToSender) => "return_to_sender".into(),
                    Some(NonDelivery::Abandon) => "abandon".into(),
                    None => String::new(),
                },
                commercial: is_commercial(s),
                date: declaration_date(s, lang),
                signer: signer.clone(),
                signer_capacity: signer_capacity.clone(),
            }
        })
        .collect();
    Cn23View { forms, rows_per_sheet: first_rows, layout: layout.name() }
}
