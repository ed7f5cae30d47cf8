//! Document views: one `Serialize` struct per document, built from a validated shipment.
//!
//! This module owns the step between the model and every renderer. All arithmetic,
//! rounding, amounts in words, code-table look-ups and formatting happen here, in Rust,
//! through [`crate::calc`] and [`crate::money`]; a view holds only ready-to-print strings.
//! Templates (PDF) and the text formats (CSV, JSON) lay those strings out and never
//! compute, so every output of one shipment says exactly the same thing.
//!
//! Shared conventions:
//! * amounts in the invoice currency use that currency's minor units and its numbering
//!   (Indian lakh/crore grouping for INR, international grouping otherwise);
//!   rupee amounts always use Indian grouping and two places;
//! * weights print with three places (`0.320`), quantities and rates as given (`2`, `87.45`);
//! * dates on documents print as `20 Nov 2026`; on the Postal Bill of Export as
//!   `20/11/2026`, the form used by the customs portals;
//! * a value that cannot be computed (overflow) prints as an empty string, never a panic.

pub mod cn22;
pub mod cn23;
pub mod iec;
pub mod invoice;
mod localized;
pub mod packing;
pub mod pbe;
pub mod pbe_claims;

pub use cn22::{cn22, Cn22View};
pub use cn23::{cn23, Cn23View};
pub use iec::{iec_details, iec_details_in, IecView};
pub use invoice::{commercial_invoice, InvoiceView};
pub use packing::{packing_list, packing_list_in, PackingView};
pub use pbe::{pbe, PbeView, PBE_III_COLUMNS, PBE_IV_COLUMNS};

use crate::data::{countries, currencies, locations, states};
use crate::model::{Address, Party, Shipment};
use crate::money::{
    format_amount, format_decimal, format_fixed, numbering_for, round_amount, Numbering,
};
use crate::rules::{DocKind, Validated};
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Page layout of the CN22 and CN23 (other documents have one layout each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// The harmonised 6 × 8 inch label of India Post's office memorandum of March 2026
    /// (the default); a CN23 that does not fit continues on further labels.
    #[default]
    Label,
    /// The CN23 on A4 with continuation sheets (the CN22 stays a label).
    A4,
}

impl Layout {
    /// Parses `label`, `a4` (see [`crate::names`] for the error that lists the choices).
    pub fn from_name(name: &str) -> Option<Layout> {
        name.parse().ok()
    }

    /// `label` or `a4`.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Label => "label",
            Layout::A4 => "a4",
        }
    }
}

/// The view of any document, for renderers that handle every kind alike.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
// One view is built per render and moved once: boxing the larger variants would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum View {
    /// Commercial invoice.
    Invoice(InvoiceView),
    /// Packing list.
    Packing(PackingView),
    /// IEC details sheet.
    Iec(IecView),
    /// CN22 label.
    Cn22(Cn22View),
    /// CN23 form.
    Cn23(Cn23View),
    /// Postal Bill of Export.
    Pbe(PbeView),
}

/// Builds the printed view of `kind` for a validated shipment; `None` for a kind that has
/// no printed form (the GST e-invoice is JSON for the IRP only).
pub fn view(v: &Validated, kind: DocKind) -> Option<View> {
    Some(match kind {
        DocKind::CommercialInvoice => View::Invoice(commercial_invoice(v)),
        DocKind::PackingList => View::Packing(packing_list(v)),
        DocKind::IecDetails => View::Iec(iec_details(v)),
        DocKind::Cn22 => View::Cn22(cn22(v)),
        DocKind::Cn23 => View::Cn23(cn23(v)),
        DocKind::Pbe => View::Pbe(pbe(v)),
        _ => return None,
    })
}

/// Builds the printed view of `kind` with the text niryat composes in `lang` (dates,
/// countries, package kinds, yes/no …; see [`crate::i18n`]). The packing list and the IEC
/// sheet follow `lang`; the other documents are still built in English by [`view`] and get
/// their Hindi values when their views take a language the same way
/// (`packing_list_in(v, lang)`).
pub fn view_in(v: &Validated, kind: DocKind, lang: crate::render::Lang) -> Option<View> {
    Some(match kind {
        DocKind::PackingList => View::Packing(packing_list_in(v, lang)),
        DocKind::IecDetails => View::Iec(iec_details_in(v, lang)),
        _ => return view(v, kind),
    })
}

/// A party as printed in an address block: name first, then the address lines.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PartyBlock {
    /// Name of the person or business.
    pub name: String,
    /// Business name when the name is a person's (or the trade name of an exporter).
    pub business: String,
    /// Address lines, the country name last.
    pub address: Vec<String>,
    /// Telephone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// Tax or importer reference (VAT number …).
    pub tax_id: String,
}

impl PartyBlock {
    /// The block for a consignee or buyer.
    pub fn of_party(p: &Party) -> PartyBlock {
        PartyBlock {
            name: text(&p.name),
            business: text(&p.business),
            address: p.address.as_ref().map(address_lines).unwrap_or_default(),
            phone: text(&p.phone),
            email: text(&p.email),
            tax_id: text(&p.tax_id),
        }
    }

    /// Name, business and address on one line, comma-separated (PBE consignee column).
    pub fn one_line(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        for s in [&self.name, &self.business] {
            if !s.is_empty() {
                parts.push(s);
            }
        }
        parts.extend(self.address.iter().map(String::as_str));
        parts.join(", ")
    }
}

/// A labelled value: `key` names the label (looked up in the templates' label table, so
/// it prints in English, Hindi or both), `value` is printed as given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Field {
    /// Label key (`iec`, `gstin`, `port_of_loading` …).
    pub key: &'static str,
    /// The value, formatted.
    pub value: String,
}

/// A [`Field`].
pub(crate) fn field(key: &'static str, value: String) -> Field {
    Field { key, value }
}

/// The fields whose value is not empty, in order.
pub(crate) fn fields(pairs: Vec<(&'static str, String)>) -> Vec<Field> {
    pairs
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(key, value)| Field { key, value })
        .collect()
}

/// The signature block: for whom, who, in what capacity, where and when.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Signature {
    /// The exporter the signatory signs for ("For Nazia Parveen").
    pub for_name: String,
    /// Signatory's name.
    pub name: String,
    /// Designation.
    pub designation: String,
    /// Place.
    pub place: String,
    /// Date (`20 Nov 2026`).
    pub date: String,
}

impl Signature {
    /// The signature block of a shipment, dated `day`.
    pub(crate) fn of(s: &Shipment, day: Option<Date>) -> Signature {
        let sig = s.signatory.clone().unwrap_or_default();
        let sender = s.exporter.as_ref().map(|e| text(&e.legal_name)).unwrap_or_default();
        Signature {
            name: sig.name.clone().unwrap_or_else(|| sender.clone()),
            for_name: sender,
            designation: text(&sig.designation),
            place: text(&sig.place),
            date: date_opt(day),
        }
    }
}

/// Money formatting for one shipment: its currency code, minor units and numbering.
#[derive(Debug, Clone)]
pub(crate) struct Money {
    pub(crate) code: String,
    pub(crate) minor: u32,
    pub(crate) numbering: Numbering,
}

impl Money {
    /// The shipment's currency (USD-style formatting with 2 places when it is absent).
    pub(crate) fn of(s: &Shipment) -> Money {
        let code = s.currency.clone().unwrap_or_default();
        let minor = crate::calc::minor_units(s);
        Money { numbering: numbering_for(&code), code, minor }
    }

    /// An amount in the invoice currency, rounded and grouped.
    pub(crate) fn fmt(&self, v: Decimal) -> String {
        format_amount(v, self.minor, self.numbering)
    }

    /// [`Money::fmt`], or empty when the value could not be computed.
    pub(crate) fn opt(&self, v: Option<Decimal>) -> String {
        v.map(|v| self.fmt(v)).unwrap_or_default()
    }

    /// The amount in words, when the currency is known.
    pub(crate) fn words(&self, v: Option<Decimal>) -> String {
        match (v, currencies::currency(&self.code)) {
            (Some(v), Some(c)) => crate::money::amount_in_words(v, c, self.numbering),
            _ => String::new(),
        }
    }

    /// Whether the invoice is in rupees.
    pub(crate) fn is_inr(&self) -> bool {
        self.code == "INR"
    }
}

/// A rupee amount: two places, Indian grouping (`12,34,567.89`).
pub(crate) fn inr(v: Decimal) -> String {
    format_amount(v, 2, Numbering::Indian)
}

/// Rupee amount in words ("Rupees … Only").
pub(crate) fn inr_words(v: Option<Decimal>) -> String {
    match (v, currencies::currency("INR")) {
        (Some(v), Some(c)) => crate::money::amount_in_words(v, c, Numbering::Indian),
        _ => String::new(),
    }
}

/// A weight in kg with three places (`0.320`).
pub(crate) fn kg(v: Decimal) -> String {
    format_fixed(v, 3)
}

/// A quantity or rate as given, without trailing zeros (`2`, `87.45`).
pub(crate) fn num(v: Decimal) -> String {
    format_decimal(v)
}

/// [`num`], or empty.
pub(crate) fn num_opt(v: Option<Decimal>) -> String {
    v.map(num).unwrap_or_default()
}

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A date as printed on documents: `20 Nov 2026` (unambiguous to a buyer abroad).
pub(crate) fn date(d: Date) -> String {
    let m = usize::try_from(d.month() - 1).ok().and_then(|i| MONTHS.get(i)).copied().unwrap_or("");
    format!("{} {} {}", d.day(), m, d.year())
}

/// [`date`], or empty.
pub(crate) fn date_opt(d: Option<Date>) -> String {
    d.map(date).unwrap_or_default()
}

/// A date as the customs portals write it: `20/11/2026`.
pub(crate) fn date_dmy(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// An optional text, empty when absent.
pub(crate) fn text(o: &Option<String>) -> String {
    o.clone().unwrap_or_default()
}

/// The English name of a country code, or the code itself when unknown.
pub(crate) fn country_name(code: &str) -> String {
    countries::country(code).map_or_else(|| code.to_string(), |c| c.name.to_string())
}

/// [`country_name`] of an optional code.
pub(crate) fn country_opt(code: &Option<String>) -> String {
    code.as_deref().map(country_name).unwrap_or_default()
}

/// A location code with its name: `INKNU5 (Foreign Post Office Kanpur)`.
pub(crate) fn location(code: &str) -> String {
    match locations::location(code) {
        Some(l) => format!("{} ({})", l.name, l.code),
        None => code.to_string(),
    }
}

/// A GST state code with its name: `09 Uttar Pradesh`.
pub(crate) fn state(code: &str) -> String {
    match states::state(code) {
        Some(st) => format!("{} {}", st.code, st.name),
        None => code.to_string(),
    }
}

/// Address lines: street lines, "city, district", "state postcode", country name (English;
/// [`localized::address_lines`] in any label language).
pub(crate) fn address_lines(a: &Address) -> Vec<String> {
    localized::address_lines(a, crate::render::Lang::En)
}

/// The exporter as a party block (legal name; trade name as the business line).
pub(crate) fn exporter_block(s: &Shipment) -> PartyBlock {
    let Some(e) = s.exporter.as_ref() else { return PartyBlock::default() };
    PartyBlock {
        name: text(&e.legal_name),
        business: e
            .trade_name
            .clone()
            .filter(|t| Some(t) != e.legal_name.as_ref())
            .unwrap_or_default(),
        address: e.address.as_ref().map(address_lines).unwrap_or_default(),
        phone: text(&e.phone),
        email: text(&e.email),
        tax_id: String::new(),
    }
}

/// Splits `total` into shares proportional to `weights`, each rounded to `places`, so that
/// the shares add up to `total` exactly (largest remainder). Zero or missing weights get
/// zero; if every weight is zero the whole goes to the first share.
pub(crate) fn allocate(total: Decimal, weights: &[Decimal], places: u32) -> Vec<Decimal> {
    let n = weights.len();
    if n == 0 {
        return Vec::new();
    }
    let unit = Decimal::new(1, places);
    let sum = weights.iter().fold(Decimal::ZERO, |a, w| a.saturating_add((*w).max(Decimal::ZERO)));
    let mut shares = vec![round_amount(Decimal::ZERO, places); n];
    if sum.is_zero() {
        shares[0] = round_amount(total, places);
        return shares;
    }
    let mut remainders: Vec<(Decimal, usize)> = Vec::with_capacity(n);
    let mut given = Decimal::ZERO;
    for (i, w) in weights.iter().enumerate() {
        let exact = total
            .checked_mul((*w).max(Decimal::ZERO))
            .and_then(|x| x.checked_div(sum))
            .unwrap_or_default();
        let floor = exact.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::ToZero);
        shares[i] = round_amount(floor, places);
        given = given.saturating_add(floor);
        remainders.push((exact - floor, i));
    }
    // Hand out the units lost to truncation, biggest remainder first (ties: earlier row).
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut left = round_amount(total, places).saturating_sub(given);
    for (_, i) in remainders.iter().cycle().take(n.saturating_mul(2)) {
        if left < unit {
            break;
        }
        shares[*i] = shares[*i].saturating_add(unit);
        left = left.saturating_sub(unit);
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn allocation_adds_up() {
        let shares = allocate(d("2170.35"), &[d("32277"), d("8458.8"), d("2671.2")], 2);
        let sum: Decimal = shares.iter().copied().sum();
        assert_eq!(sum, d("2170.35"));
        let thirds = allocate(d("1.00"), &[d("1"), d("1"), d("1")], 2);
        assert_eq!(
            thirds.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
            ["0.34", "0.33", "0.33"]
        );
        assert_eq!(allocate(d("5"), &[d("0"), d("0")], 2)[0], d("5.00"));
        assert!(allocate(d("5"), &[], 2).is_empty());
    }

    #[test]
    fn dates_and_addresses() {
        let day = jiff::civil::date(2026, 11, 20);
        assert_eq!(date(day), "20 Nov 2026");
        assert_eq!(date_dmy(day), "20/11/2026");
        let a = Address {
            line1: Some("1 Road".into()),
            city: Some("Portland".into()),
            state: Some("Oregon".into()),
            postal_code: Some("97205".into()),
            country: Some("US".into()),
            ..Default::default()
        };
        assert_eq!(address_lines(&a), ["1 Road", "Portland, Oregon 97205", "United States"]);
    }
}
