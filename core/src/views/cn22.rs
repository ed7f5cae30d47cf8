//! The CN22 view: one UPU CN22 customs declaration label per postal article.
//!
//! What fits on the label is decided by the rules (`cn22_does_not_fit`: at most
//! [`postal::CN22_MAX_ROWS`] lines of at most [`postal::CN22_MAX_DESCRIPTION`] characters);
//! this view lays out exactly those lines and never truncates anything.

use super::{kg, num, text, Money};
use crate::calc::{self, Article};
use crate::data::postal;
use crate::i18n;
use crate::model::{PostalCategory, Shipment};
use crate::money::round_amount;
use crate::render::Lang;
use crate::rules::{DocKind, Validated};
use rust_decimal::Decimal;
use serde::Serialize;

/// The CN22 labels of a shipment, one per postal article.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Cn22View {
    /// One label per article.
    pub labels: Vec<Cn22Label>,
    /// Rows the label holds ([`postal::CN22_MAX_ROWS`]); the template draws this many.
    pub max_rows: usize,
}

/// One CN22 label.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Cn22Label {
    /// Tracking number of the article (may be empty).
    pub tracking_number: String,
    /// Category boxes in form order, with whether each is ticked.
    pub categories: Vec<Category>,
    /// Explanation when the category is "other".
    pub explanation: String,
    /// Contents, one row per invoice line in the article.
    pub rows: Vec<Cn22Row>,
    /// Currency code of the values.
    pub currency: String,
    /// Total weight (kg): the article's gross weight, else the sum of the rows.
    pub total_weight_kg: String,
    /// Total value in the currency.
    pub total_value: String,
    /// Date of the declaration (dispatch date, else invoice date).
    pub date: String,
    /// The person who signs (the signatory, else the sender's name), beside the signature line.
    pub sender: String,
    /// The signer's designation and the entity signed for, when the signer is not the sender.
    pub signer_capacity: String,
    /// Whether the items are commercial (HS code and origin boxes apply).
    pub commercial: bool,
    /// Sender's customs reference: `IEC …` for a commercial exporter, else empty.
    pub reference: String,
    /// Invoice number and date, when there is an invoice.
    pub invoice: String,
}

/// One content row of a CN22.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Cn22Row {
    /// Quantity with unit (`2 PCS`).
    pub quantity: String,
    /// Detailed description.
    pub description: String,
    /// Net weight of the row (kg).
    pub weight_kg: String,
    /// Value of the row in the currency.
    pub value: String,
    /// HS tariff number (first six digits).
    pub hs_code: String,
    /// Country of origin (name).
    pub origin: String,
    /// ISO code of the country of origin: printed instead of the name when the name does not
    /// fit its cell in the lines the row allows (a long name beside its Hindi), so the row
    /// never grows and the form keeps its rows.
    pub origin_code: String,
}

/// A category box of a CN22 or CN23.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Category {
    /// Label key: `gift`, `commercial_sample`, `documents`, `returned_goods`, `sale_of_goods`, `other`.
    pub key: &'static str,
    /// Whether it is ticked.
    pub checked: bool,
}

/// The category boxes in UPU form order.
pub(crate) fn categories(s: &Shipment) -> Vec<Category> {
    let chosen = s.postal.as_ref().and_then(|p| p.category);
    [
        (PostalCategory::Gift, "gift"),
        (PostalCategory::CommercialSample, "commercial_sample"),
        (PostalCategory::Documents, "documents"),
        (PostalCategory::ReturnedGoods, "returned_goods"),
        (PostalCategory::SaleOfGoods, "sale_of_goods"),
        (PostalCategory::Other, "other"),
    ]
    .into_iter()
    .map(|(c, key)| Category { key, checked: chosen == Some(c) })
    .collect()
}

/// One line's part in an article: (line index, quantity, value, net weight).
pub(crate) struct Part {
    pub(crate) index: usize,
    pub(crate) quantity: Decimal,
    pub(crate) value: Option<Decimal>,
    pub(crate) net: Option<Decimal>,
}

/// The parts of an article with their value and net weight.
pub(crate) fn parts(s: &Shipment, a: &Article<'_>, minor: u32) -> Vec<Part> {
    a.lines
        .iter()
        .filter(|(_, q)| !q.is_zero())
        .filter_map(|(i, q)| {
            let it = s.items.get(*i)?;
            let value =
                it.unit_price.and_then(|p| p.checked_mul(*q)).map(|v| round_amount(v, minor));
            let net = match (it.net_weight_kg, it.quantity) {
                (Some(w), Some(total)) if !total.is_zero() => {
                    w.checked_mul(*q).and_then(|x| x.checked_div(total)).map(|x| round_amount(x, 3))
                }
                _ => None,
            };
            Some(Part { index: *i, quantity: *q, value, net })
        })
        .collect()
}

/// Quantity with the line's unit: `2 PCS`.
pub(crate) fn quantity(s: &Shipment, p: &Part) -> String {
    let unit = s.items.get(p.index).map(|it| text(&it.unit)).unwrap_or_default();
    [num(p.quantity), unit].into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Sum of optional values; `None` when one is missing or the sum overflows.
pub(crate) fn total(values: impl Iterator<Item = Option<Decimal>>) -> Option<Decimal> {
    calc::sum(values)
}

/// Whether the shipment's items are commercial (sale of goods or commercial sample).
pub(crate) fn is_commercial(s: &Shipment) -> bool {
    s.purpose == crate::model::Purpose::Commercial
        || matches!(
            s.postal.as_ref().and_then(|p| p.category),
            Some(PostalCategory::SaleOfGoods | PostalCategory::CommercialSample)
        )
}

/// The declaration date: dispatch date, else invoice date.
pub(crate) fn declaration_date(s: &Shipment, lang: Lang) -> String {
    i18n::date_opt(
        s.transport
            .as_ref()
            .and_then(|t| t.dispatch_date)
            .or_else(|| s.invoice.as_ref().and_then(|i| i.date)),
        lang,
    )
}

/// `NCK/2627/014 dated 20 Nov 2026`, or the number alone, or empty.
pub(crate) fn invoice_ref(s: &Shipment, lang: Lang) -> String {
    let Some(inv) = s.invoice.as_ref() else { return String::new() };
    match inv.number.as_deref() {
        Some(n) => i18n::dated(n, &i18n::date_opt(inv.date, lang), lang),
        None => String::new(),
    }
}

/// The country of origin of a line, by name.
pub(crate) fn origin(it: Option<&crate::model::LineItem>, lang: Lang) -> String {
    it.and_then(|it| it.origin_country.as_deref())
        .map(|c| i18n::country_name(c, lang))
        .unwrap_or_default()
}

/// Builds the CN22 view of a validated shipment, in English.
pub fn cn22(v: &Validated) -> Cn22View {
    cn22_in(v, Lang::En)
}

/// Builds the CN22 view with the values niryat composes in `lang`. A customs declaration is
/// read abroad, so English always comes first: `hi` gives the same bilingual values as
/// `en+hi` (`India / भारत`), `en` English only.
pub fn cn22_in(v: &Validated, lang: Lang) -> Cn22View {
    let lang = lang.for_kind(DocKind::Cn22);
    let s = v.shipment();
    let money = Money::of(s);
    let (sender, signer_capacity) = signer(s, lang);
    let reference = s
        .exporter
        .as_ref()
        .and_then(|e| e.iec.clone())
        .map(|i| format!("IEC {i}"))
        .unwrap_or_default();
    let invoice = invoice_ref(s, lang);
    let labels = calc::articles(s)
        .iter()
        .map(|a| {
            let parts = parts(s, a, money.minor);
            let rows = parts
                .iter()
                .map(|p| {
                    let it = s.items.get(p.index);
                    Cn22Row {
                        quantity: quantity(s, p),
                        description: it.map(|it| text(&it.description)).unwrap_or_default(),
                        weight_kg: p.net.map(kg).unwrap_or_default(),
                        value: money.opt(p.value),
                        hs_code: it
                            .and_then(|it| it.hs_code.as_deref())
                            .map(|h| h.chars().take(6).collect())
                            .unwrap_or_default(),
                        origin: origin(it, lang),
                        origin_code: it.map(|it| text(&it.origin_country)).unwrap_or_default(),
                    }
                })
                .collect();
            let gross = a
                .row
                .and_then(|p| p.gross_weight_kg)
                .or_else(|| total(parts.iter().map(|p| p.net)));
            Cn22Label {
                tracking_number: a.row.map(|p| text(&p.tracking_number)).unwrap_or_default(),
                categories: categories(s),
                explanation: s.postal.as_ref().map(|p| text(&p.explanation)).unwrap_or_default(),
                rows,
                currency: money.code.clone(),
                total_weight_kg: gross.map(kg).unwrap_or_default(),
                total_value: money.opt(total(parts.iter().map(|p| p.value))),
                date: declaration_date(s, lang),
                sender: sender.clone(),
                signer_capacity: signer_capacity.clone(),
                commercial: is_commercial(s),
                reference: reference.clone(),
                invoice: invoice.clone(),
            }
        })
        .collect();
    Cn22View { labels, max_rows: postal::CN22_MAX_ROWS }
}

/// The person signing and, when that person signs for an entity, in what capacity:
/// ("Shabana Bano", "Secretary, SHG, for Kashi Buntkar …"). The UPU certificate is given by
/// a person; an entity's name alone does not say who is liable.
pub(crate) fn signer(s: &crate::model::Shipment, lang: Lang) -> (String, String) {
    let entity = s.exporter.as_ref().map(|e| text(&e.legal_name)).unwrap_or_default();
    let person = s.signatory.as_ref().map(|x| text(&x.name)).unwrap_or_default();
    if person.is_empty() || person == entity {
        return (entity, String::new());
    }
    let designation = s.signatory.as_ref().map(|x| text(&x.designation)).unwrap_or_default();
    let capacity =
        [designation, if entity.is_empty() { String::new() } else { signing_for(&entity, lang) }]
            .into_iter()
            .filter(|x| !x.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
    (person, capacity)
}

/// `for ENTITY`, `ENTITY की ओर से`, or both.
fn signing_for(entity: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("for {entity}"),
        Lang::Hi => format!("{entity} की ओर से"),
        Lang::EnHi => format!("for / की ओर से {entity}"),
    }
}
