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
//! * dates on documents print as `20 Nov 2026` (`20 नवंबर 2026` in Hindi); on the Postal Bill
//!   of Export as `20/11/2026`, the form used by the customs portals;
//! * every word a view composes follows the label language ([`view_in`], [`crate::i18n`]);
//!   the customs forms (CN22, CN23, PBE) keep English first, with Hindi beside it;
//! * a value that cannot be computed (overflow) prints as an empty string, never a panic.

pub mod cn22;
pub mod cn23;
pub mod iec;
pub mod invoice;
mod localized;
pub mod packing;
pub mod pbe;
pub mod pbe_claims;

pub use cn22::{cn22, cn22_in, Cn22View};
pub use cn23::{cn23, cn23_in, Cn23View};
pub use iec::{iec_details, iec_details_in, IecView};
pub use invoice::{commercial_invoice, commercial_invoice_in, InvoiceView};
pub use packing::{packing_list, packing_list_in, PackingView};
pub use pbe::{pbe, pbe_columns, pbe_in, PbeColumn, PbeView, PBE_COLUMNS};

use crate::model::Shipment;
use crate::money::{
    format_amount, format_decimal, format_fixed, numbering_for, round_amount, Numbering,
};
use crate::render::Lang;
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

/// Builds the printed view of `kind` for a validated shipment, in English; `None` for a kind
/// that has no printed form (the GST e-invoice is JSON for the IRP only).
pub fn view(v: &Validated, kind: DocKind) -> Option<View> {
    view_in(v, kind, Lang::En)
}

/// Builds the printed view of `kind` with the text niryat composes in `lang` (dates,
/// countries, package kinds, transport, tax lines, amounts in words, yes/no …; see
/// [`crate::i18n`]). The customs forms (CN22, CN23, PBE) keep English first: with `hi` they
/// carry English and Hindi values, as with `en+hi`. The CN23 is built on the 6 × 8 inch
/// label; [`cn23_in`] takes a layout.
pub fn view_in(v: &Validated, kind: DocKind, lang: Lang) -> Option<View> {
    Some(match kind {
        DocKind::CommercialInvoice => View::Invoice(commercial_invoice_in(v, lang)),
        DocKind::PackingList => View::Packing(packing_list_in(v, lang)),
        DocKind::IecDetails => View::Iec(iec_details_in(v, lang)),
        DocKind::Cn22 => View::Cn22(cn22_in(v, lang)),
        DocKind::Cn23 => View::Cn23(cn23_in(v, Layout::Label, lang)),
        DocKind::Pbe => View::Pbe(pbe_in(v, lang)),
        _ => return None,
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

    /// Whether the invoice is in rupees.
    pub(crate) fn is_inr(&self) -> bool {
        self.code == "INR"
    }
}

/// A rupee amount: two places, Indian grouping (`12,34,567.89`).
pub(crate) fn inr(v: Decimal) -> String {
    format_amount(v, 2, Numbering::Indian)
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

/// A date as the customs portals write it: `20/11/2026`.
pub(crate) fn date_dmy(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// An optional text, empty when absent.
pub(crate) fn text(o: &Option<String>) -> String {
    o.clone().unwrap_or_default()
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
    use crate::model::Address;
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
        assert_eq!(crate::i18n::date(day, Lang::En), "20 Nov 2026");
        assert_eq!(date_dmy(day), "20/11/2026");
        let a = Address {
            line1: Some("1 Road".into()),
            city: Some("Portland".into()),
            state: Some("Oregon".into()),
            postal_code: Some("97205".into()),
            country: Some("US".into()),
            ..Default::default()
        };
        assert_eq!(
            localized::address_lines(&a, Lang::En),
            ["1 Road", "Portland, Oregon 97205", "United States"]
        );
    }
}
