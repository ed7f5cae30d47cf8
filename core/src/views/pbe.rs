//! The Postal Bill of Export view: PBE-III (e-commerce) or PBE-IV (other commercial
//! exports by post), as keyed into the DNK portal and printed for the counter.
//!
//! Row layout: one row per invoice line carried in each postal article, in article order,
//! then line order inside the article; the rows of one article share its tracking number.
//! Column order and headings follow the PBE-III table (domain reference §6.3); PBE-IV
//! drops the website, payment-transaction and SKU columns.
//!
//! Choices worth knowing:
//! * **Gross weight** is a property of the weighed article, so it is printed once, on the
//!   article's first row; the article's other rows leave it empty. The column still adds up
//!   to the total gross weight, and no invented split weight appears on the form.
//! * **Net weight** of a row is the line's net weight for the quantity in the article
//!   (line net weight × article quantity ÷ line quantity), to the gram.
//! * **FOB** of a row is quantity in the article × unit price, in the invoice currency
//!   (freight and insurance are not part of any line); **amount in INR** is that at the
//!   invoice's exchange rate, to the paisa.
//! * **Value** (col. 23) is the row's taxable value in INR: its line's taxable value
//!   ([`calc::taxable_values_inr`]: the line amount plus its share of freight and insurance,
//!   the same figure the invoice taxes), shared among the rows that carry the line in
//!   proportion to their quantities, so a line's rows add up to it exactly.
//! * **IGST** (tax `igst_paid` only) of a row is the line's rate ([`calc::line_gst_rate`]) ×
//!   the value shown on that row, to the paisa: an officer can check every row by itself.
//!   Other tax modes leave the IGST columns empty and fill the LUT/bond column.
//! * **Export duty, cess, compensation cess and the totals Duties (33) and Cess (34)** are
//!   left empty: niryat keeps no export duty table, and the customs system assesses them
//!   from the CTH.
//! * **Unit** is the customs tariff's unit (`customs_unit`, with `customs_quantity`) where the
//!   exporter gives one, else the GST unit of the line.
//! * The form is the one substituted on 15 January 2026 (Notification 07/2026-Customs (N.T.)):
//!   authorised agent in the header, 34 columns (PBE-III; PBE-IV without columns 12–14), the
//!   drawback/scheme table, and declarations that follow the claims made.

use super::localized::{exporter_block, party_block};
use super::pbe_claims::{declarations, scheme_rows, yes_no, zero_rated};
pub use super::pbe_claims::{Declaration, SchemeRow};
use super::{allocate, date_dmy, inr, kg, num, num_opt, text, Money};
use crate::calc;
use crate::i18n;
use crate::model::{Shipment, TaxTreatment};
use crate::money::round_amount;
use crate::render::Lang;
use crate::rules::{DocKind, Validated};
use rust_decimal::Decimal;
use serde::Serialize;
use std::sync::LazyLock;

/// The Postal Bill of Export: which form, its header, the per-article rows and the totals.
#[derive(Debug, Clone, Serialize)]
pub struct PbeView {
    /// `"PBE-III"` when the shipment has e-commerce particulars, else `"PBE-IV"`.
    pub form: &'static str,
    /// Header particulars of the bill.
    pub header: PbeHeader,
    /// One row per invoice line within each postal article.
    pub rows: Vec<PbeRow>,
    /// Column totals.
    pub totals: PbeTotals,
    /// "Additional information for duty drawback / any other export scheme": one row per
    /// invoice line with a claim (empty when nothing is claimed).
    pub schemes: Vec<SchemeRow>,
    /// The declarations of the form, each answered Yes or No from the claims made.
    pub declarations: Vec<Declaration>,
}

/// Header of the Postal Bill of Export (common to PBE-III and PBE-IV).
#[derive(Debug, Clone, Default, Serialize)]
pub struct PbeHeader {
    /// Title of the form ("Postal Bill of Export - III (e-commerce exports)").
    pub title: String,
    /// Bill of export number, once allotted by the system (else empty).
    pub bill_number: String,
    /// Bill of export date, once allotted (`20/11/2026`, else empty).
    pub bill_date: String,
    /// Foreign Post Office code (`INKNU5`).
    pub fpo_code: String,
    /// Foreign Post Office name ("Foreign Post Office Kanpur"), when known.
    pub fpo_name: String,
    /// Booking post office or Dak Ghar Niryat Kendra.
    pub booking_office: String,
    /// Exporter's legal name.
    pub exporter_name: String,
    /// Exporter's address on one line.
    pub exporter_address: String,
    /// IEC.
    pub iec: String,
    /// GST state code with the state's name (`09 Uttar Pradesh`).
    pub state_code: String,
    /// GSTIN ("or as applicable": empty for an unregistered exporter).
    pub gstin: String,
    /// AD code, if any.
    pub ad_code: String,
    /// Invoice number and date as on every row (`NCK/2627/014 dt. 20/11/2026`).
    pub invoice_no_date: String,
    /// Invoice currency code.
    pub currency: String,
    /// Exchange rate as on the rows.
    pub exchange_rate: String,
    /// Declaration "intend to zero-rate exports under section 16 of the IGST Act": `Yes` or `No`.
    pub zero_rated: String,
    /// Whether an IGST refund is claimed, when stated: `Yes`, `No` or empty.
    pub igst_refund_claimed: String,
    /// Number of postal articles.
    pub articles: String,
    /// Signatory's name.
    pub signatory: String,
    /// Signatory's designation.
    pub designation: String,
    /// Place of signing.
    pub place: String,
    /// Authorised agent: customs broker licence number (empty when the exporter files).
    pub agent_licence: String,
    /// Authorised agent: name and address.
    pub agent_name_address: String,
}

/// One row of the PBE table: every field already formatted; empty when not applicable.
/// Fields follow the PBE-III column order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PbeRow {
    /// Col. 1: serial number of the row (`1`, `2` …).
    pub sl_no: String,
    /// Col. 2: consignee name and address, one line.
    pub consignee: String,
    /// Col. 3: country of destination (name).
    pub destination_country: String,
    /// Col. 4: description of the goods.
    pub description: String,
    /// Col. 5: CTH (8-digit tariff heading).
    pub cth: String,
    /// Col. 6: unit of quantity (UQC, `PCS`).
    pub unit: String,
    /// Col. 7: quantity in this article.
    pub quantity: String,
    /// Col. 8: invoice number and date.
    pub invoice_no_date: String,
    /// Col. 9: gross weight of the article in kg, on its first row only.
    pub gross_weight_kg: String,
    /// Col. 10: net weight of this row's goods in kg.
    pub net_weight_kg: String,
    /// Col. 11: GSTIN of the e-commerce operator (only an Indian TCS-registered operator).
    pub ecommerce_operator_gstin: String,
    /// Col. 12: URL (name) of the website.
    pub website: String,
    /// Col. 13: payment transaction id.
    pub payment_transaction_id: String,
    /// Col. 14: SKU.
    pub sku: String,
    /// Col. 15: postal tracking number of the article.
    pub tracking_number: String,
    /// Col. 16: FOB value in the invoice currency.
    pub fob: String,
    /// Col. 17: currency code.
    pub currency: String,
    /// Col. 18: exchange rate (INR per unit; `per 100` added for Schedule II currencies).
    pub exchange_rate: String,
    /// Col. 19: FOB in INR.
    pub amount_inr: String,
    /// Col. 20: H.S. code as on the invoice.
    pub hs_code: String,
    /// Col. 21: tax invoice number and date.
    pub tax_invoice_no_date: String,
    /// Col. 22: serial number of the item in the invoice.
    pub invoice_item_sl_no: String,
    /// Col. 23: taxable value of this row in INR (the value the IGST is computed on).
    pub value: String,
    /// Col. 24: export duty rate (left to customs: empty).
    pub export_duty_rate: String,
    /// Col. 25: export duty amount (empty).
    pub export_duty_amount: String,
    /// Col. 26: cess rate (empty).
    pub cess_rate: String,
    /// Col. 27: cess amount (empty).
    pub cess_amount: String,
    /// Col. 28: IGST rate of the line in percent, when IGST is paid.
    pub igst_rate: String,
    /// Col. 29: IGST in INR, rate × this row's value (col. 23), when IGST is paid.
    pub igst_amount: String,
    /// Col. 30: compensation cess rate (empty).
    pub comp_cess_rate: String,
    /// Col. 31: compensation cess amount (empty).
    pub comp_cess_amount: String,
    /// Col. 32: LUT or bond details, when exporting without payment of IGST.
    pub lut_bond_details: String,
    /// Col. 33: total duties of the row (empty: assessed by customs).
    pub duties: String,
    /// Col. 34: total cess of the row (empty: assessed by customs).
    pub cess: String,
}

/// Totals under the PBE table.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PbeTotals {
    /// Number of rows.
    pub rows: String,
    /// Number of postal articles.
    pub articles: String,
    /// Total gross weight (kg).
    pub gross_weight_kg: String,
    /// Total net weight (kg).
    pub net_weight_kg: String,
    /// Total FOB in the invoice currency.
    pub fob: String,
    /// Total FOB in INR (sum of the rows).
    pub amount_inr: String,
    /// Total taxable value in INR (col. 23).
    pub value: String,
    /// Total IGST in INR, the sum of the rows (empty unless IGST is paid).
    pub igst_amount: String,
    /// Col. 33, total duties (empty: assessed by customs).
    pub duties: String,
    /// Col. 34, total cess (empty: assessed by customs).
    pub cess: String,
}

/// One column of the PBE table: the [`PbeRow`] field it prints, its heading as on the form,
/// whether only PBE-III (e-commerce) has it, and how to read it from a row.
#[derive(Debug)]
pub struct PbeColumn {
    /// Name of the [`PbeRow`] field (`sl_no`, `consignee` …), also the label key's suffix.
    pub field: &'static str,
    /// Heading as on the form (English; the templates print their own labels).
    pub heading: &'static str,
    /// Whether the column is on PBE-III only (website, payment transaction, SKU).
    pub ecommerce_only: bool,
    /// The column's value in a row.
    pub value: fn(&PbeRow) -> &str,
}

/// A [`PbeColumn`] for field `$f` of [`PbeRow`].
macro_rules! column {
    ($f:ident, $heading:literal) => {
        PbeColumn {
            field: stringify!($f),
            heading: $heading,
            ecommerce_only: false,
            value: |r| &r.$f,
        }
    };
    ($f:ident, $heading:literal, e-commerce) => {
        PbeColumn {
            field: stringify!($f),
            heading: $heading,
            ecommerce_only: true,
            value: |r| &r.$f,
        }
    };
}

/// The columns of the PBE in form order, numbered 1–34 on the PBE-III of Notification
/// 07/2026-Customs (N.T.). PBE-IV has the same columns without the three e-commerce-only ones
/// (website, payment transaction ID, SKU), numbered consecutively: 31 columns. (The PBE-IV's
/// own numbering was not seen in a source.)
pub static PBE_COLUMNS: [PbeColumn; 34] = [
    column!(sl_no, "Sl. No."),
    column!(consignee, "Name and address of the consignee"),
    column!(destination_country, "Country of destination"),
    column!(description, "Product description"),
    column!(cth, "CTH"),
    column!(unit, "Unit"),
    column!(quantity, "Quantity"),
    column!(invoice_no_date, "Invoice No. and date"),
    column!(gross_weight_kg, "Gross weight (kg)"),
    column!(net_weight_kg, "Net weight (kg)"),
    column!(ecommerce_operator_gstin, "GSTIN of e-commerce operator"),
    column!(website, "URL (name) of website", e - commerce),
    column!(payment_transaction_id, "Payment transaction ID", e - commerce),
    column!(sku, "SKU No.", e - commerce),
    column!(tracking_number, "Postal tracking number"),
    column!(fob, "FOB"),
    column!(currency, "Currency"),
    column!(exchange_rate, "Exchange rate"),
    column!(amount_inr, "Amount in INR"),
    column!(hs_code, "H.S. code"),
    column!(tax_invoice_no_date, "Tax invoice No. and date"),
    column!(invoice_item_sl_no, "Sl. No. of item in invoice"),
    column!(value, "Taxable value (INR)"),
    column!(export_duty_rate, "Export duty rate"),
    column!(export_duty_amount, "Export duty amount"),
    column!(cess_rate, "Cess rate"),
    column!(cess_amount, "Cess amount"),
    column!(igst_rate, "IGST rate"),
    column!(igst_amount, "IGST amount"),
    column!(comp_cess_rate, "Compensation cess rate"),
    column!(comp_cess_amount, "Compensation cess amount"),
    column!(lut_bond_details, "LUT/Bond details"),
    column!(duties, "Duties"),
    column!(cess, "Cess"),
];

/// The columns of PBE-III (`ecommerce`) or PBE-IV, in order.
pub fn pbe_columns(ecommerce: bool) -> impl Iterator<Item = &'static PbeColumn> {
    PBE_COLUMNS.iter().filter(move |c| ecommerce || !c.ecommerce_only)
}

/// (field, heading) of the PBE-IV and PBE-III columns, made once from [`PBE_COLUMNS`].
static FIELD_HEADINGS: LazyLock<[Vec<(&str, &str)>; 2]> = LazyLock::new(|| {
    [false, true].map(|ecommerce| pbe_columns(ecommerce).map(|c| (c.field, c.heading)).collect())
});

impl PbeView {
    /// The columns of this view's form, in order: (field of [`PbeRow`], heading).
    pub fn columns(&self) -> &'static [(&'static str, &'static str)] {
        &FIELD_HEADINGS[usize::from(self.form == "PBE-III")]
    }
}

impl PbeRow {
    /// The value of the column named `field` (a name from [`PBE_COLUMNS`]); `None` for an
    /// unknown name.
    pub fn get(&self, field: &str) -> Option<&str> {
        PBE_COLUMNS.iter().find(|c| c.field == field).map(|c| (c.value)(self))
    }
}

/// Builds the Postal Bill of Export view of a validated shipment, in English.
pub fn pbe(v: &Validated) -> PbeView {
    pbe_in(v, Lang::En)
}

/// Builds the Postal Bill of Export view with the values niryat composes (countries, the
/// FPO's and the state's names, the form's title, yes/no, "per 100", bond) in `lang`. The
/// bill is a customs form, so English always comes first: `hi` gives the bilingual values of
/// `en+hi`, `en` English only.
pub fn pbe_in(v: &Validated, lang: Lang) -> PbeView {
    let lang = lang.for_kind(DocKind::Pbe);
    let s = v.shipment();
    let money = Money::of(s);
    let ecommerce = s.ecommerce.as_ref();
    let form = if ecommerce.is_some() { "PBE-III" } else { "PBE-IV" };
    let inv_no_date = invoice_no_date(s);
    let rate_text = exchange_rate_text(s, lang);
    let consignee =
        s.consignee.as_ref().map(|c| party_block(c, lang)).unwrap_or_default().one_line();
    let destination =
        s.destination_country.as_deref().map(|c| i18n::country_name(c, lang)).unwrap_or_default();
    let igst_paid = matches!(s.tax, Some(TaxTreatment::IgstPaid { .. }));
    let lut_bond = lut_bond_details(&s.tax, lang);
    let website = ecommerce.map(|e| website(&e.url, &e.platform)).unwrap_or_default();

    let minor = money.minor;
    let articles = calc::articles(s);
    let mut rows = Vec::new();
    // (line index, quantity in the row) of every row, to share out the lines' taxable values.
    let mut parts: Vec<(usize, Decimal)> = Vec::new();
    let (mut gross_total, mut net_total, mut fob_total, mut inr_total) =
        (Some(Decimal::ZERO), Some(Decimal::ZERO), Some(Decimal::ZERO), Some(Decimal::ZERO));
    for a in &articles {
        let tracking = a.row.and_then(|p| p.tracking_number.clone()).unwrap_or_default();
        let gross = a.row.and_then(|p| p.gross_weight_kg);
        gross_total = add(gross_total, gross.or(Some(Decimal::ZERO)));
        let mut first = true;
        for (idx, q) in &a.lines {
            let Some(item) = s.items.get(*idx) else { continue };
            if q.is_zero() {
                continue;
            }
            let value =
                item.unit_price.and_then(|p| p.checked_mul(*q)).map(|x| round_amount(x, minor));
            let inr_value = value.and_then(|x| calc::to_inr(s, x));
            let net = line_net(item.net_weight_kg, item.quantity, *q);
            net_total = add(net_total, net);
            fob_total = add(fob_total, value);
            inr_total = add(inr_total, inr_value);
            let hs = text(&item.hs_code);
            let (unit, quantity) = customs_quantity(item, *q);
            rows.push(PbeRow {
                sl_no: String::new(),
                consignee: consignee.clone(),
                destination_country: destination.clone(),
                description: text(&item.description),
                cth: hs.clone(),
                unit,
                quantity,
                invoice_no_date: inv_no_date.clone(),
                gross_weight_kg: if first {
                    gross.map(kg).unwrap_or_default()
                } else {
                    String::new()
                },
                net_weight_kg: net.map(kg).unwrap_or_default(),
                ecommerce_operator_gstin: ecommerce
                    .map(|e| text(&e.operator_gstin))
                    .unwrap_or_default(),
                website: if form == "PBE-III" { website.clone() } else { String::new() },
                payment_transaction_id: if form == "PBE-III" {
                    ecommerce.map(|e| text(&e.payment_transaction_id)).unwrap_or_default()
                } else {
                    String::new()
                },
                sku: if form == "PBE-III" { text(&item.sku) } else { String::new() },
                tracking_number: tracking.clone(),
                fob: money.opt(value),
                currency: money.code.clone(),
                exchange_rate: rate_text.clone(),
                amount_inr: inr_value.map(inr).unwrap_or_default(),
                hs_code: hs,
                tax_invoice_no_date: inv_no_date.clone(),
                invoice_item_sl_no: (idx + 1).to_string(),
                igst_rate: if igst_paid {
                    num_opt(calc::line_gst_rate(s, item))
                } else {
                    String::new()
                },
                lut_bond_details: lut_bond.clone(),
                ..PbeRow::default()
            });
            parts.push((*idx, *q));
            first = false;
        }
    }
    for (i, r) in rows.iter_mut().enumerate() {
        r.sl_no = (i + 1).to_string();
    }
    let row_values = row_taxable_values(s, &parts);
    let (mut value_total, mut igst_sum) = (Some(Decimal::ZERO), Some(Decimal::ZERO));
    for ((r, value), (idx, _)) in rows.iter_mut().zip(&row_values).zip(&parts) {
        r.value = value.map(inr).unwrap_or_default();
        value_total = add(value_total, *value);
        if igst_paid {
            let rate = s.items.get(*idx).and_then(|it| calc::line_gst_rate(s, it));
            let tax = value.zip(rate).and_then(|(v, r)| {
                v.checked_mul(r)?.checked_div(Decimal::ONE_HUNDRED).map(|t| round_amount(t, 2))
            });
            r.igst_amount = tax.map(inr).unwrap_or_default();
            igst_sum = add(igst_sum, tax);
        }
    }

    let e = s.exporter.as_ref();
    let post = s.transport.as_ref().and_then(|t| t.post.as_ref());
    let fpo_code = post.and_then(|p| p.fpo_code.clone()).unwrap_or_default();
    let sig = s.signatory.as_ref();
    let agent = s.authorised_agent.as_ref();
    let header = PbeHeader {
        title: if form == "PBE-III" {
            i18n::pick(
                lang,
                "Postal Bill of Export - III (for postal exports through e-commerce)",
                "डाक निर्यात बिल - III (ई-कॉमर्स के माध्यम से डाक निर्यात हेतु)",
            )
        } else {
            i18n::pick(
                lang,
                "Postal Bill of Export - IV (for postal exports other than through e-commerce)",
                "डाक निर्यात बिल - IV (ई-कॉमर्स के अतिरिक्त अन्य डाक निर्यात हेतु)",
            )
        },
        bill_number: s.export_declaration.as_ref().map(|d| text(&d.number)).unwrap_or_default(),
        bill_date: s
            .export_declaration
            .as_ref()
            .and_then(|d| d.date)
            .map(date_dmy)
            .unwrap_or_default(),
        fpo_name: i18n::places::location_only_name(&fpo_code, lang).unwrap_or_default(),
        fpo_code,
        booking_office: post.map(|p| text(&p.booking_office)).unwrap_or_default(),
        exporter_name: e.map(|e| text(&e.legal_name)).unwrap_or_default(),
        exporter_address: exporter_block(s, lang).address.join(", "),
        iec: e.map(|e| text(&e.iec)).unwrap_or_default(),
        state_code: e
            .and_then(|e| e.address.as_ref())
            .and_then(|a| a.state_code.as_deref())
            .map(|c| i18n::state_name(c, lang))
            .unwrap_or_default(),
        gstin: e.map(|e| text(&e.gstin)).unwrap_or_default(),
        ad_code: e.map(|e| text(&e.ad_code)).unwrap_or_default(),
        invoice_no_date: inv_no_date,
        currency: money.code.clone(),
        exchange_rate: rate_text,
        zero_rated: yes_no(zero_rated(s)).into(),
        igst_refund_claimed: match s.export_declaration.as_ref().and_then(|d| d.refund_claimed) {
            Some(true) => "Yes".into(),
            Some(false) => "No".into(),
            None => String::new(),
        },
        articles: articles.len().to_string(),
        signatory: sig.map(|x| text(&x.name)).unwrap_or_default(),
        designation: sig.map(|x| text(&x.designation)).unwrap_or_default(),
        place: sig.map(|x| text(&x.place)).unwrap_or_default(),
        agent_licence: agent.map(|a| text(&a.licence_number)).unwrap_or_default(),
        agent_name_address: agent
            .map(|a| {
                [text(&a.name), text(&a.address)]
                    .into_iter()
                    .filter(|x| !x.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default(),
    };
    let totals = PbeTotals {
        rows: rows.len().to_string(),
        articles: articles.len().to_string(),
        gross_weight_kg: gross_total.map(kg).unwrap_or_default(),
        net_weight_kg: net_total.map(kg).unwrap_or_default(),
        fob: money.opt(fob_total),
        amount_inr: inr_total.map(inr).unwrap_or_default(),
        value: value_total.map(inr).unwrap_or_default(),
        igst_amount: if igst_paid { igst_sum.map(inr).unwrap_or_default() } else { String::new() },
        duties: String::new(),
        cess: String::new(),
    };
    PbeView {
        form,
        header,
        rows,
        totals,
        schemes: scheme_rows(s, igst_paid, lang),
        declarations: declarations(s),
    }
}

/// The taxable value in INR of each row `(line, quantity)`: each line's taxable value shared
/// among its rows in proportion to their quantities, so that they add up to it exactly.
fn row_taxable_values(s: &Shipment, parts: &[(usize, Decimal)]) -> Vec<Option<Decimal>> {
    let mut out = vec![None; parts.len()];
    let Some(taxable) = calc::taxable_values_inr(s) else { return out };
    for (line, value) in taxable.iter().enumerate() {
        let rows: Vec<usize> = (0..parts.len()).filter(|&i| parts[i].0 == line).collect();
        let weights: Vec<Decimal> = rows.iter().map(|&i| parts[i].1).collect();
        for (i, share) in rows.into_iter().zip(allocate(*value, &weights, 2)) {
            out[i] = Some(share);
        }
    }
    out
}

/// Unit and quantity for the PBE: the customs unit and quantity when given (the quantity
/// shared in proportion to `q`), else the line's GST unit and `q`.
fn customs_quantity(item: &crate::model::LineItem, q: Decimal) -> (String, String) {
    let gst = (text(&item.unit), num(q));
    let Some(unit) = item.customs_unit.as_deref().filter(|u| !u.trim().is_empty()) else {
        return gst;
    };
    let share = match (item.customs_quantity, item.quantity) {
        (Some(cq), Some(total)) if !total.is_zero() => {
            cq.checked_mul(q).and_then(|x| x.checked_div(total)).map(|x| round_amount(x, 3))
        }
        _ => None,
    };
    match share {
        Some(x) => (unit.to_string(), num(x.normalize())),
        None => gst,
    }
}

/// Checked running sum; `None` once a value is missing or the sum overflows.
fn add(acc: Option<Decimal>, v: Option<Decimal>) -> Option<Decimal> {
    acc?.checked_add(v?)
}

/// Net weight of `q` units of a line whose `qty` units weigh `net` kg.
fn line_net(net: Option<Decimal>, qty: Option<Decimal>, q: Decimal) -> Option<Decimal> {
    let (net, qty) = (net?, qty?);
    if qty.is_zero() {
        return None;
    }
    Some(round_amount(net.checked_mul(q)?.checked_div(qty)?, 3))
}

/// `NCK/2627/014 dt. 20/11/2026`.
fn invoice_no_date(s: &Shipment) -> String {
    let Some(inv) = s.invoice.as_ref() else { return String::new() };
    let no = text(&inv.number);
    match inv.date {
        Some(d) if no.is_empty() => date_dmy(d),
        Some(d) => format!("{no} dt. {}", date_dmy(d)),
        None => no,
    }
}

/// `87.45`, or `58.2 per 100` for a Schedule II currency; `1` for INR invoices.
pub(crate) fn exchange_rate_text(s: &Shipment, lang: Lang) -> String {
    if s.currency.as_deref() == Some("INR") {
        return "1".into();
    }
    let Some(r) = s.exchange_rate.as_ref() else { return String::new() };
    let rate = num_opt(r.rate);
    match r.per {
        Some(p) if p > 1 && !rate.is_empty() => {
            format!("{rate} {} {p}", i18n::pick(lang, "per", "प्रति"))
        }
        _ => rate,
    }
}

/// `https://www.ebay.com (eBay)`: the form asks for the URL with the website's name.
fn website(url: &Option<String>, platform: &Option<String>) -> String {
    match (url.as_deref().filter(|u| !u.is_empty()), platform.as_deref().filter(|p| !p.is_empty()))
    {
        (Some(u), Some(p)) => format!("{u} ({p})"),
        (Some(u), None) => u.to_string(),
        (None, Some(p)) => p.to_string(),
        (None, None) => String::new(),
    }
}

/// `LUT ARN AD090426000123K dt. 03/04/2026`, `Bond B-12 dt. …`, or empty.
/// (`LUT ARN` is the acronym the form and the GST portal use, in every language.)
fn lut_bond_details(tax: &Option<TaxTreatment>, lang: Lang) -> String {
    let (kind, reference, day) = match tax {
        Some(TaxTreatment::Lut { arn, date }) => ("LUT ARN".to_owned(), arn, date),
        Some(TaxTreatment::Bond { reference, date }) => {
            (i18n::pick(lang, "Bond", "बंधपत्र"), reference, date)
        }
        _ => return String::new(),
    };
    let mut out = format!("{kind} {}", text(reference));
    if let Some(d) = day {
        out.push_str(" dt. ");
        out.push_str(&date_dmy(*d));
    }
    out.trim().to_string()
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // the tests read the bundled examples
mod tests {
    use super::*;
    use crate::rules::DocKind;

    fn example(name: &str) -> Validated {
        let path = format!("{}/../examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(path).unwrap_or_default();
        let s = crate::parse_json(&bytes).unwrap_or_default();
        match Validated::new(s, &[DocKind::Pbe]) {
            Ok(v) => v,
            Err(e) => panic!("example {name} does not validate: {e}"),
        }
    }

    #[test]
    fn columns_are_complete() {
        assert_eq!(pbe_columns(true).count(), 34);
        assert_eq!(pbe_columns(false).count(), 31);
        assert_eq!(PBE_COLUMNS[32].field, "duties");
        assert_eq!(PBE_COLUMNS[33].field, "cess");
        let iv: Vec<&str> = pbe_columns(false).map(|c| c.field).collect();
        assert!(!iv.contains(&"website") && !iv.contains(&"sku"), "{iv:?}");
        // Each column reads its own field: the row's serialised keys, in the same order.
        let row = PbeRow {
            sl_no: "1".into(),
            consignee: "2".into(),
            cess: "34".into(),
            lut_bond_details: "32".into(),
            ..PbeRow::default()
        };
        let json = serde_json::to_value(&row).unwrap_or_default();
        let keys: Vec<&str> =
            json.as_object().map(|m| m.keys().map(String::as_str).collect()).unwrap_or_default();
        let mut fields: Vec<&str> = PBE_COLUMNS.iter().map(|c| c.field).collect();
        let mut sorted_keys = keys.clone();
        fields.sort_unstable();
        sorted_keys.sort_unstable();
        assert_eq!(fields, sorted_keys, "every row field is a column, once");
        for c in &PBE_COLUMNS {
            assert_eq!(Some((c.value)(&row)), json[c.field].as_str(), "{}", c.field);
            assert_eq!(row.get(c.field), json[c.field].as_str(), "{}", c.field);
        }
        assert_eq!(row.get("nothing"), None);
    }

    #[test]
    fn ecommerce_igst_rows_add_up() {
        let view = pbe(&example("varanasi-silk-amazon"));
        assert_eq!(view.form, "PBE-III");
        assert_eq!(view.rows.len(), 2);
        let r = &view.rows[0];
        assert_eq!(r.tracking_number, "EE518802947IN");
        assert_eq!(r.gross_weight_kg, "1.650");
        assert_eq!(view.rows[1].gross_weight_kg, "");
        assert_eq!(r.fob, "290.00");
        assert_eq!(r.amount_inr, "32,277.00");
        assert_eq!(r.igst_rate, "5");
        assert_eq!(r.invoice_no_date, "KBSHG/2627/031 dt. 18/11/2026");
        // Col. 23 is the row's taxable value: GBP 290 + 290/366 of the GBP 24 freight =
        // GBP 309.0164 × 111.30 = ₹34,393.52 (largest remainder over ₹43,407.00); IGST 5 % of it.
        assert_eq!(r.value, "34,393.52");
        assert_eq!(r.igst_amount, "1,719.68");
        assert_eq!(view.rows[1].value, "9,013.48");
        // The silk stole (₹4,229 a piece, above ₹2,500) is taxed at its own 18 %.
        assert_eq!(view.rows[1].igst_rate, "18");
        assert_eq!(view.rows[1].igst_amount, "1,622.43");
        assert_eq!(view.totals.value, "43,407.00");
        assert_eq!(view.totals.igst_amount, "3,342.11");
        for row in &view.rows {
            let d = |t: &str| t.replace(',', "").parse::<Decimal>().unwrap_or_default();
            let rate = d(&row.igst_rate) / Decimal::ONE_HUNDRED;
            assert_eq!(
                round_amount(d(&row.value) * rate, 2),
                d(&row.igst_amount),
                "row {}",
                row.sl_no
            );
        }
        assert_eq!(r.lut_bond_details, "");
        assert!(view.schemes.is_empty());
        // The saree line is invoiced in pieces; the tariff counts silk fabric in metres.
        assert_eq!((r.unit.as_str(), r.quantity.as_str()), ("MTR", "12.6"));
        assert_eq!((view.rows[1].unit.as_str(), view.rows[1].quantity.as_str()), ("PCS", "2"));
    }

    #[test]
    fn lut_row() {
        let view = pbe(&example("lucknow-chikankari-ebay"));
        let r = &view.rows[0];
        assert_eq!(r.lut_bond_details, "LUT ARN AD090426000123K dt. 03/04/2026");
        assert_eq!(r.igst_amount, "");
        assert_eq!(r.website, "https://www.ebay.com (eBay)");
        assert_eq!(r.sku, "NCK-STOLE-IV-01");
        assert_eq!(
            r.consignee,
            "Emily Carter, 1420 Maple Avenue, Apt 3B, Portland, Oregon 97205, United States"
        );
        assert_eq!(view.header.fpo_name, "Foreign Post Office Kanpur");
        assert_eq!(view.header.state_code, "09 Uttar Pradesh");
        // RoSCTL on the stole: the scheme table and the declarations say so; LUT, so no IGST.
        assert_eq!(view.schemes.len(), 1);
        assert_eq!(view.schemes[0].schemes, "RoSCTL");
        assert_eq!(view.schemes[0].igst_paid, "No");
        let rosctl = view.declarations.iter().find(|x| x.key == "decl_rosctl");
        assert_eq!(rosctl.map(|x| x.answer), Some("Yes"));
    }
}
