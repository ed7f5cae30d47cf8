//! The claims side of the Postal Bill of Export of 15 January 2026: the table "Additional
//! information for duty drawback / any other export scheme" and the form's declarations,
//! each answered from what the shipment claims (Notification 07/2026-Customs (N.T.)).
//!
//! * A scheme row is printed for each invoice line with a claim (`items[].scheme`). RITC is
//!   the line's `ritc_code`, else its HS code; drawback quantity the stated one, else the
//!   line quantity; IGST payment status follows the tax treatment; "add freight" is B, F, I
//!   or N from the invoice's freight and insurance; nature of contract follows the Incoterm
//!   (CIF/CIP → CIF, CFR/CPT → C&F, FOB/FCA/FAS/EXW → FOB, others as given).
//! * The declarations' exact 2026 wording was not seen in a source; niryat states each
//!   declaration the notification lists (zero-rating, exemption, drawback, RoDTEP, RoSCTL,
//!   FEMA realisation) in its own words, with the answer that matches the claims.

use super::{num_opt, text};
use crate::calc;
use crate::model::{Purpose, SchemeClaim, Shipment, TaxTreatment};
use crate::render::Lang;
use rust_decimal::Decimal;
use serde::Serialize;

/// A row of the drawback / export scheme table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SchemeRow {
    /// Invoice number.
    pub invoice_no: String,
    /// Serial number of the item in the invoice.
    pub item_sl_no: String,
    /// RITC / ITC-HS code.
    pub ritc_code: String,
    /// DBK serial number.
    pub dbk_serial: String,
    /// Drawback quantity (with unit), when drawback is claimed.
    pub drawback_quantity: String,
    /// IGST payment status: `Yes` when IGST is paid on the export, else `No`.
    pub igst_paid: String,
    /// End use of the item.
    pub end_use: String,
    /// Scheme code as given.
    pub scheme_code: String,
    /// Schemes claimed on the line (`Drawback, RoDTEP`).
    pub schemes: String,
    /// Add freight: `B` (freight and insurance), `F` (freight), `I` (insurance), `N` (none).
    pub add_freight: String,
    /// Nature of contract (`CIF`, `C&F`, `FOB`, or the Incoterm).
    pub nature_of_contract: String,
}

/// One declaration of the PBE: a label key and the answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Declaration {
    /// Label key of the declaration's text (`decl_drawback` …).
    pub key: &'static str,
    /// `Yes` or `No`.
    pub answer: &'static str,
}

pub(crate) fn yes_no(b: bool) -> &'static str {
    if b {
        "Yes"
    } else {
        "No"
    }
}

/// Zero-rated under section 16 of the IGST Act: an export by a registered person, with or
/// without payment of IGST.
pub(crate) fn zero_rated(s: &Shipment) -> bool {
    matches!(
        s.tax,
        Some(TaxTreatment::IgstPaid { .. } | TaxTreatment::Lut { .. } | TaxTreatment::Bond { .. })
    )
}

/// The declarations of the 2026 form, answered from the shipment's claims.
pub(crate) fn declarations(s: &Shipment) -> Vec<Declaration> {
    let claims = |f: fn(&SchemeClaim) -> Option<bool>| {
        s.items.iter().any(|it| it.scheme.as_ref().and_then(f) == Some(true))
    };
    // Exempted goods: every line carries an explicit GST rate of zero.
    let exempted =
        !s.items.is_empty() && s.items.iter().all(|it| it.gst_rate.is_some_and(|r| r.is_zero()));
    let fx = s.purpose == Purpose::Commercial
        && s.postal.as_ref().and_then(|p| p.foreign_exchange_involved) != Some(false);
    vec![
        Declaration { key: "decl_zero_rated", answer: yes_no(zero_rated(s)) },
        Declaration { key: "decl_exempted", answer: yes_no(exempted) },
        Declaration { key: "decl_drawback", answer: yes_no(claims(|c| c.drawback)) },
        Declaration { key: "decl_rodtep", answer: yes_no(claims(|c| c.rodtep)) },
        Declaration { key: "decl_rosctl", answer: yes_no(claims(|c| c.rosctl)) },
        Declaration { key: "decl_fema", answer: yes_no(fx) },
    ]
}

/// The drawback / export scheme table: one row per line with a claim.
pub(crate) fn scheme_rows(s: &Shipment, igst_paid: bool, lang: Lang) -> Vec<SchemeRow> {
    let invoice_no = s.invoice.as_ref().map(|i| text(&i.number)).unwrap_or_default();
    let freight = calc::freight(s) > Decimal::ZERO;
    let insurance = calc::insurance(s) > Decimal::ZERO;
    let add_freight = match (freight, insurance) {
        (true, true) => "B",
        (true, false) => "F",
        (false, true) => "I",
        (false, false) => "N",
    };
    let incoterm = s.terms.as_ref().and_then(|t| t.incoterm.as_deref()).unwrap_or_default();
    let contract = match incoterm {
        "CIF" | "CIP" => "CIF",
        "CFR" | "CPT" => "C&F",
        "FOB" | "FCA" | "FAS" | "EXW" => "FOB",
        other => other,
    };
    s.items
        .iter()
        .enumerate()
        .filter_map(|(i, it)| {
            let c = it.scheme.as_ref().filter(|c| c.claims_any())?;
            let mut schemes = Vec::new();
            for (on, name) in [(c.drawback, "Drawback"), (c.rodtep, "RoDTEP"), (c.rosctl, "RoSCTL")]
            {
                if on == Some(true) {
                    schemes.push(name);
                }
            }
            let drawback_quantity = if c.drawback == Some(true) {
                num_opt(c.drawback_quantity.or(it.quantity))
            } else {
                String::new()
            };
            Some(SchemeRow {
                invoice_no: invoice_no.clone(),
                item_sl_no: (i + 1).to_string(),
                ritc_code: c.ritc_code.clone().or_else(|| it.hs_code.clone()).unwrap_or_default(),
                dbk_serial: text(&c.dbk_serial),
                drawback_quantity,
                igst_paid: crate::i18n::yes_no(igst_paid, lang),
                end_use: text(&c.end_use),
                scheme_code: text(&c.scheme_code),
                schemes: schemes.join(", "),
                add_freight: add_freight.into(),
                nature_of_contract: contract.to_string(),
            })
        })
        .collect()
}
