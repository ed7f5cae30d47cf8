//! The proforma invoice view (issue 16): the commercial invoice's layout and figures, titled
//! PROFORMA INVOICE, with the date it is valid until, no GST block or Rule 46 endorsement
//! (it is not a tax invoice), no IRN, no invoice number of the tax-invoice series, and one
//! copy. For samples and gifts a "no commercial value" variant says so under the title.
//!
//! Customary rather than statutory: domain reference §3.5 [K]; the "no commercial value / no
//! foreign exchange involved" wording some destination customs expect for samples [S].

use super::invoice::{commercial_invoice_in, InvoiceView};
use super::Field;
use crate::i18n;
use crate::render::Lang;
use crate::rules::Validated;
use serde::Serialize;

/// Everything printed on the proforma invoice. The invoice template lays it out; the fields
/// below the flattened invoice are the proforma's own.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ProformaView {
    /// The invoice's view, without what only a tax invoice carries.
    #[serde(flatten)]
    pub invoice: InvoiceView,
    /// Label key of the title (`proforma_invoice`).
    pub title_key: &'static str,
    /// Label key of the note under the title: `no_commercial_value` for samples, else empty.
    pub title_note: &'static str,
}

/// Builds the proforma invoice view of a validated shipment, its composed text in `lang`.
pub fn proforma_invoice(v: &Validated, lang: Lang) -> ProformaView {
    let s = v.shipment();
    let mut invoice = commercial_invoice_in(v, lang);
    invoice.gst = None;
    invoice.gst_invoice = false;
    invoice.tax_per_line = false;
    invoice.irn = None;
    for line in &mut invoice.lines {
        line.gst_rate.clear();
        line.igst.clear();
    }
    let inv = s.invoice.as_ref();
    // No number of the tax-invoice series: the exporter's own reference stands in.
    invoice.number = inv.and_then(|i| i.exporter_reference.clone()).unwrap_or_default();
    let day = i18n::date_opt(inv.and_then(|i| i.date), lang);
    invoice.references.retain(|f| f.key != "invoice_no_date");
    invoice.references.insert(
        0,
        Field { key: "proforma_no_date", value: i18n::dated(&invoice.number, &day, lang) },
    );
    invoice.references.retain(|f| f.key != "exporter_ref");
    let p = s.proforma.clone().unwrap_or_default();
    // The validity line, printed with the references next to the proforma's date.
    invoice
        .references
        .insert(1, Field { key: "valid_until", value: i18n::valid_until(p.valid_until, lang) });
    let samples = p.no_commercial_value == Some(true);
    ProformaView {
        invoice,
        title_key: "proforma_invoice",
        title_note: if samples { "no_commercial_value" } else { "" },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Proforma;
    use crate::rules::DocKind;

    fn example() -> crate::Shipment {
        let text = include_str!("../../../examples/varanasi-silk-amazon.json");
        let mut s = crate::parse_json(text.as_bytes()).unwrap_or_default();
        s.proforma = Some(Proforma {
            valid_until: Some(jiff::civil::date(2027, 3, 31)),
            no_commercial_value: None,
        });
        s
    }

    #[test]
    fn proforma_drops_what_only_a_tax_invoice_has() {
        let v = match Validated::new(example(), &[DocKind::ProformaInvoice]) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
        let p = proforma_invoice(&v, Lang::Hi);
        assert!(p.invoice.gst.is_none() && !p.invoice.gst_invoice && p.invoice.irn.is_none());
        assert!(p.invoice.lines.iter().all(|l| l.igst.is_empty() && l.gst_rate.is_empty()));
        assert_eq!(p.title_key, "proforma_invoice");
        assert_eq!(p.invoice.references[1].value, "31 मार्च 2027 तक वैध");
        assert_eq!(p.invoice.references[0].key, "proforma_no_date");
        assert!(!p.invoice.references.iter().any(|f| f.key == "invoice_no_date"));
        // The figures are the invoice's.
        let inv = super::super::invoice::commercial_invoice(&v);
        assert_eq!(p.invoice.total, inv.total);
    }
}
