//! Machine-readable outputs: UBL 2.1 invoice and niryat XML (written with quick-xml), the GST
//! e-invoice JSON (NIC IRP schema 1.1), and the Postal Bill of Export rows as CSV and JSON.
//!
//! [`crate::render::render_text`] validates the shipment for the document first, so each output says what
//! the PDF says and nothing is written for an invalid shipment. [`to_niryat_xml`] and
//! [`from_niryat_xml`] convert a shipment without validating it (for storage and round trips).

pub(crate) mod einvoice;
mod import;
mod niryat_xml;
mod pbe_data;
mod shape;
mod ubl;
mod xw;

use crate::error::{Error, MalformedInput};
use crate::kind::DocKind;
use crate::model::Shipment;
use crate::render::{Flavor, Format};
use crate::Validated;

pub use shape::{NAMESPACE, VERSION};

/// Writes the whole shipment as niryat XML (namespace [`NAMESPACE`], version [`VERSION`]),
/// without validating it. Fails only for text XML cannot carry (control characters), naming
/// the field.
pub fn to_niryat_xml(shipment: &Shipment) -> Result<String, MalformedInput> {
    niryat_xml::write(shipment)
}

/// Reads niryat XML back into the shipment it was written from. Hostile or malformed input
/// gets a [`MalformedInput`] with line and column (or the JSON Pointer of the bad value).
pub fn from_niryat_xml(text: &str) -> Result<Shipment, MalformedInput> {
    import::read(text)
}

pub(crate) fn render_text(
    s: &Shipment,
    kind: DocKind,
    format: Format,
    flavor: Option<Flavor>,
) -> Result<String, Error> {
    if format == Format::Pdf {
        return Err(Error::Unsupported(
            "PDF is binary: make it with the PDF renderer (render::Renderer), not as text".into(),
        ));
    }
    if !formats_for(kind).contains(&format) {
        let offered: Vec<&str> = formats_for(kind).iter().map(|f| f.extension()).collect();
        return Err(Error::Unsupported(format!(
            "the {} is not made as {}; formats offered: {}",
            kind.title(),
            format.extension(),
            offered.join(", ")
        )));
    }
    if let Some(f) = flavor {
        if format != Format::Xml {
            return Err(Error::Unsupported(format!(
                "the flavour (ubl or niryat) applies to XML only, not to {}",
                format.extension()
            )));
        }
        if !f.is_made_for(kind) {
            return Err(Error::Unsupported(format!(
                "UBL is an invoice format: only the commercial invoice is made as UBL, not the {}",
                kind.title()
            )));
        }
    }
    let v = Validated::new(s.clone(), &[kind])?;
    match format {
        Format::Xml => match flavor.unwrap_or(default_flavor(kind)) {
            Flavor::Ubl => ubl::write(&v).map_err(Error::Render),
            Flavor::Niryat => niryat_xml::write(v.shipment()).map_err(Error::Malformed),
        },
        Format::Json => json(&v, kind),
        Format::Csv => match kind {
            DocKind::Pbe => pbe_data::csv(&v),
            _ => Err(Error::Unsupported(format!("the {} is not made as csv", kind.title()))),
        },
        Format::Pdf => Err(Error::Unsupported("PDF is made by the PDF renderer".into())),
    }
}

fn default_flavor(kind: DocKind) -> Flavor {
    match kind {
        DocKind::CommercialInvoice => Flavor::Ubl,
        _ => Flavor::Niryat,
    }
}

/// JSON: the e-invoice, the PBE data, or the document's view (what the PDF prints).
fn json(v: &Validated, kind: DocKind) -> Result<String, Error> {
    match kind {
        DocKind::Einvoice => einvoice::json(v),
        DocKind::Pbe => pbe_data::json(v),
        _ => {
            let view = crate::views::view(v, kind).ok_or_else(|| {
                Error::Unsupported(format!("the {} has no JSON view", kind.title()))
            })?;
            let mut out = serde_json::to_string_pretty(&view).map_err(|e| {
                Error::Render(format!("cannot write the {} as JSON: {e}", kind.title()))
            })?;
            out.push('\n');
            Ok(out)
        }
    }
}

pub(crate) fn import(text: &str) -> Result<Shipment, MalformedInput> {
    import::read(text)
}

pub(crate) fn formats_for(kind: DocKind) -> &'static [Format] {
    match kind {
        DocKind::CommercialInvoice => &[Format::Pdf, Format::Xml, Format::Json],
        DocKind::Pbe => &[Format::Pdf, Format::Csv, Format::Json, Format::Xml],
        DocKind::Einvoice => &[Format::Json],
        DocKind::ProformaInvoice => &[Format::Pdf, Format::Json],
        DocKind::PackingList | DocKind::IecDetails | DocKind::Cn22 | DocKind::Cn23 => {
            &[Format::Pdf, Format::Json, Format::Xml]
        }
    }
}
