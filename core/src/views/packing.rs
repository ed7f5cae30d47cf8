//! The packing list view: one row per package (or run of identical packages), with kind,
//! marks, dimensions, contents, net and gross weight and volume; totals; and the link to
//! the invoice it belongs to.

use super::localized::{
    exporter_block, marks, origin_country, packages, party_block, signature, transport,
};
use super::{fields, kg, num, text, Field, PartyBlock, Signature};
use crate::calc;
use crate::i18n;
use crate::model::{Dimensions, Package, Shipment};
use crate::money::format_fixed;
use crate::render::Lang;
use crate::rules::Validated;
use rust_decimal::Decimal;
use serde::Serialize;

/// Everything printed on the packing list, formatted.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PackingView {
    /// Packing list number (its own series, else the invoice number).
    pub number: String,
    /// Date (the invoice date).
    pub date: String,
    /// The invoice this list belongs to ("NCK/2627/014 dated 20 Nov 2026").
    pub invoice_no_date: String,
    /// Exporter.
    pub exporter: PartyBlock,
    /// Exporter's IEC and GSTIN.
    pub exporter_ids: Vec<Field>,
    /// Consignee.
    pub consignee: PartyBlock,
    /// Buyer, when other than the consignee.
    pub buyer: Option<PartyBlock>,
    /// Origin, destination, transport, marks, number and kind of packages.
    pub particulars: Vec<Field>,
    /// One row per package row of the shipment.
    pub rows: Vec<PackingRow>,
    /// Totals.
    pub totals: PackingTotals,
    /// Signature block.
    pub signature: Signature,
}

/// One package, or a run of identical packages.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PackingRow {
    /// Package number or range (`1`, `1-16`).
    pub numbers: String,
    /// How many packages the row stands for.
    pub count: String,
    /// Kind of package.
    pub kind: String,
    /// Shipping marks.
    pub marks: String,
    /// Outer dimensions, L × W × H cm.
    pub dimensions: String,
    /// What each package holds: one entry per invoice line.
    pub contents: Vec<PackedItem>,
    /// Net weight of the row in kg (all its packages).
    pub net_weight_kg: String,
    /// Gross weight of the row in kg (all its packages).
    pub gross_weight_kg: String,
    /// Net weight of each package, for a run (empty for a single package).
    pub net_each_kg: String,
    /// Gross weight of each package, for a run.
    pub gross_each_kg: String,
    /// Volume of the row in m³ (three places), when dimensions are given.
    pub volume_cbm: String,
    /// Postal tracking number, for a postal article.
    pub tracking_number: String,
}

/// Part of an invoice line in a package.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PackedItem {
    /// Invoice line number.
    pub line: String,
    /// Description of the line.
    pub description: String,
    /// Quantity in each package, with its unit (`30 PCS`).
    pub quantity: String,
}

/// Totals of the packing list.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PackingTotals {
    /// Number of packages.
    pub packages: String,
    /// Total net weight (kg).
    pub net_weight_kg: String,
    /// Total gross weight (kg).
    pub gross_weight_kg: String,
    /// Total volume (m³), when every package has dimensions.
    pub volume_cbm: String,
}

/// Builds the packing list view of a validated shipment, in English.
pub fn packing_list(v: &Validated) -> PackingView {
    packing_list_in(v, Lang::En)
}

/// Builds the packing list view with the text niryat composes (dates, countries, package
/// kinds, transport) in `lang`; user data prints as given.
pub fn packing_list_in(v: &Validated, lang: Lang) -> PackingView {
    let s = v.shipment();
    let inv = s.invoice.clone().unwrap_or_default();
    let invoice_number = text(&inv.number);
    let e = s.exporter.clone().unwrap_or_default();
    let mut particulars = fields(vec![
        ("origin_country", origin_country(s, lang)),
        (
            "destination_country",
            s.destination_country
                .as_deref()
                .map(|c| i18n::country_name(c, lang))
                .unwrap_or_default(),
        ),
        ("marks", marks(s, lang)),
        ("packages", packages(s, lang)),
    ]);
    particulars.extend(transport(s, lang));

    let rows: Vec<PackingRow> = s.packages.iter().map(|p| row(s, p, lang)).collect();
    let (mut net, mut gross, mut volume, mut count) =
        (Some(Decimal::ZERO), Some(Decimal::ZERO), Some(Decimal::ZERO), 0u64);
    for p in &s.packages {
        let n = Decimal::from(calc::package_count(p));
        count = count.saturating_add(calc::package_count(p));
        net = net.and_then(|a| a.checked_add(p.net_weight_kg?.checked_mul(n)?));
        gross = gross.and_then(|a| a.checked_add(p.gross_weight_kg?.checked_mul(n)?));
        volume = volume.and_then(|a| a.checked_add(cbm(p.dimensions.as_ref())?.checked_mul(n)?));
    }
    PackingView {
        number: inv
            .packing_list_number
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| invoice_number.clone()),
        date: i18n::date_opt(inv.date, lang),
        invoice_no_date: match (invoice_number.is_empty(), inv.date) {
            (false, Some(d)) => i18n::dated(&invoice_number, &i18n::date(d, lang), lang),
            _ => invoice_number,
        },
        exporter: exporter_block(s, lang),
        exporter_ids: fields(vec![("iec", text(&e.iec)), ("gstin", text(&e.gstin))]),
        consignee: s.consignee.as_ref().map(|c| party_block(c, lang)).unwrap_or_default(),
        buyer: s
            .buyer
            .as_ref()
            .filter(|b| Some(*b) != s.consignee.as_ref())
            .map(|b| party_block(b, lang)),
        particulars,
        rows,
        totals: PackingTotals {
            packages: count.to_string(),
            net_weight_kg: net.map(kg).unwrap_or_default(),
            gross_weight_kg: gross.map(kg).unwrap_or_default(),
            volume_cbm: volume
                .filter(|v| !v.is_zero())
                .map(|v| format_fixed(v, 3))
                .unwrap_or_default(),
        },
        signature: signature(s, inv.date, lang),
    }
}

/// The row of one package entry.
fn row(s: &Shipment, p: &Package, lang: Lang) -> PackingRow {
    let count = calc::package_count(p);
    let n = Decimal::from(count);
    let numbers = match (p.number, p.to) {
        (Some(a), Some(b)) if b > a => format!("{a}-{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    };
    let contents = p
        .contents
        .iter()
        .filter_map(|c| {
            let line = c.line?;
            let item = s.items.get(usize::try_from(line).ok()?.checked_sub(1)?)?;
            let qty = c.quantity.map(num).unwrap_or_default();
            Some(PackedItem {
                line: line.to_string(),
                description: text(&item.description),
                quantity: [qty, text(&item.unit)]
                    .into_iter()
                    .filter(|x| !x.is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
            })
        })
        .collect();
    let each =
        |w: Option<Decimal>| if count > 1 { w.map(kg).unwrap_or_default() } else { String::new() };
    PackingRow {
        numbers,
        count: count.to_string(),
        // English prints the kind as the user wrote it; Hindi names the kinds niryat knows.
        kind: match (lang, p.kind.as_deref()) {
            (Lang::En, _) | (_, None) => text(&p.kind),
            (_, Some(k)) => i18n::pick(lang, k, &i18n::package_kind(Some(k), 1, Lang::Hi)),
        },
        marks: text(&p.marks),
        dimensions: p.dimensions.as_ref().map(dimensions).unwrap_or_default(),
        contents,
        net_weight_kg: p.net_weight_kg.and_then(|w| w.checked_mul(n)).map(kg).unwrap_or_default(),
        gross_weight_kg: p
            .gross_weight_kg
            .and_then(|w| w.checked_mul(n))
            .map(kg)
            .unwrap_or_default(),
        net_each_kg: each(p.net_weight_kg),
        gross_each_kg: each(p.gross_weight_kg),
        volume_cbm: cbm(p.dimensions.as_ref())
            .and_then(|v| v.checked_mul(n))
            .map(|v| format_fixed(v, 3))
            .unwrap_or_default(),
        tracking_number: text(&p.tracking_number),
    }
}

/// `60 × 40 × 45` (cm).
fn dimensions(d: &Dimensions) -> String {
    match (d.length_cm, d.width_cm, d.height_cm) {
        (Some(l), Some(w), Some(h)) => format!("{} × {} × {}", num(l), num(w), num(h)),
        _ => String::new(),
    }
}

/// Volume of one package in m³.
fn cbm(d: Option<&Dimensions>) -> Option<Decimal> {
    let d = d?;
    d.length_cm?
        .checked_mul(d.width_cm?)?
        .checked_mul(d.height_cm?)?
        .checked_div(Decimal::from(1_000_000))
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // the tests read the bundled examples
mod tests {
    use super::*;
    use crate::rules::DocKind;

    #[test]
    fn brass_packing() {
        let path = format!("{}/../examples/moradabad-brass-sea.json", env!("CARGO_MANIFEST_DIR"));
        let s = crate::parse_json(&std::fs::read(path).unwrap_or_default()).unwrap_or_default();
        let v = match Validated::new(s, &[DocKind::PackingList]) {
            Ok(v) => packing_list(&v),
            Err(e) => panic!("{e}"),
        };
        assert_eq!(v.number, "MBC/PL/2627/118");
        assert_eq!(v.rows[0].numbers, "1-16");
        assert_eq!(v.rows[0].net_weight_kg, "288.000");
        assert_eq!(v.rows[0].gross_each_kg, "20.500");
        assert_eq!(v.rows[0].contents[0].quantity, "30 PCS");
        assert_eq!(v.totals.packages, "40");
        assert_eq!(v.totals.net_weight_kg, "642.000");
        assert_eq!(v.totals.gross_weight_kg, "731.800");
        assert_eq!(v.rows[0].volume_cbm, "1.728");
    }
}
