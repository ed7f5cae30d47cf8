//! Renderers: PDF (typst), XML (quick-xml), JSON and CSV, all fed from the views so that
//! every format says exactly the same thing.
//!
//! Entry points: [`Renderer`] for PDF (build once, render many), [`render_text`] for the
//! text formats, [`import_xml`] to read niryat XML back.

use crate::error::{Error, MalformedInput};
use crate::kind::DocKind;
use crate::model::Shipment;
use serde::{Deserialize, Serialize};

pub mod data;
#[cfg(feature = "pdf")]
pub mod pdf;

#[cfg(feature = "pdf")]
pub use pdf::Renderer;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Printable PDF.
    Pdf,
    /// XML (UBL 2.1 invoice or niryat XML).
    Xml,
    /// JSON (the document's view, the GST e-invoice, or PBE rows).
    Json,
    /// CSV (PBE rows for DNK data entry).
    Csv,
}

impl Format {
    /// Parses `pdf`, `xml`, `json`, `csv` (see [`crate::names`] for the error that lists the
    /// choices).
    pub fn from_name(name: &str) -> Option<Format> {
        name.parse().ok()
    }

    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Xml => "xml",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

/// Which XML vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flavor {
    /// OASIS UBL 2.1 Invoice (commercial invoice only).
    Ubl,
    /// niryat's own XML form of the whole shipment.
    Niryat,
}

impl Flavor {
    /// Parses `ubl`, `niryat` (see [`crate::names`]).
    pub fn from_name(name: &str) -> Option<Flavor> {
        name.parse().ok()
    }

    /// Whether `kind` is made as XML of this flavour (UBL is an invoice vocabulary: the
    /// commercial invoice only; niryat's XML holds any document's shipment).
    pub fn is_made_for(self, kind: DocKind) -> bool {
        self != Flavor::Ubl || kind == DocKind::CommercialInvoice
    }
}

/// Label language of printed documents. User data is always printed as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    /// English labels.
    #[serde(rename = "en")]
    En,
    /// Hindi labels.
    #[serde(rename = "hi")]
    Hi,
    /// English and Hindi labels together (the default).
    #[default]
    #[serde(rename = "en+hi")]
    EnHi,
}

impl Lang {
    /// Parses `en`, `hi`, `en+hi` (see [`crate::names`]).
    pub fn from_name(name: &str) -> Option<Lang> {
        name.parse().ok()
    }

    /// `en`, `hi` or `en+hi`.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Hi => "hi",
            Lang::EnHi => "en+hi",
        }
    }

    /// The language `kind` is printed in. Customs forms (CN22, CN23, Postal Bill of Export)
    /// are read by officers abroad or by customs in English: UPU instructions ask for English,
    /// French or a language of the destination, so Hindi never stands alone on them and `hi`
    /// gives English with Hindi beside it.
    pub fn for_kind(self, kind: DocKind) -> Lang {
        match (self, kind) {
            (Lang::Hi, DocKind::Cn22 | DocKind::Cn23 | DocKind::Pbe) => Lang::EnHi,
            (lang, _) => lang,
        }
    }
}

pub use crate::views::Layout;

/// Options for PDF output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PdfOptions {
    /// Label language.
    pub lang: Lang,
    /// Copies in one PDF, at most 3; 0 (the default) means the document's own default (see
    /// [`PdfOptions::copies_of`]). The commercial invoice's copies carry the Rule 48 markings
    /// ("ORIGINAL FOR RECIPIENT", "DUPLICATE FOR TRANSPORTER", "TRIPLICATE FOR SUPPLIER");
    /// other documents' copies are identical and unmarked.
    pub copies: u8,
    /// Layout of the CN22/CN23: the 6 × 8 inch label (default) or A4.
    #[serde(default)]
    pub layout: Layout,
}

/// Copies of the commercial invoice when none are asked for: Rule 48(1) has an invoice for
/// goods made in triplicate.
pub const INVOICE_DEFAULT_COPIES: u8 = 3;

impl PdfOptions {
    /// Refuses options no document can honour: more than [`crate::names::Copies::MAX`] copies
    /// (a number is never cut down quietly).
    pub fn check(&self) -> Result<(), Error> {
        if self.copies > crate::names::Copies::MAX {
            return Err(crate::names::Copies::new(i64::from(self.copies))
                .err()
                .map_or_else(|| Error::Unsupported("copies".into()), Error::from));
        }
        Ok(())
    }

    /// How many copies of `kind` to print: `copies` when given, else 3 for the commercial
    /// invoice and 1 for every other document. Rendering refuses more than 3 ([`Self::check`]);
    /// this never answers more than 3.
    pub fn copies_of(&self, kind: DocKind) -> u8 {
        match (self.copies, kind) {
            (0, DocKind::CommercialInvoice) => INVOICE_DEFAULT_COPIES,
            (0, _) => 1,
            (n, _) => n.min(3),
        }
    }

    /// The label keys of the copies' markings, in order: the Rule 48 markings for the
    /// commercial invoice, and an empty key (no marking) per copy of any other document.
    pub fn copy_markings(&self, kind: DocKind) -> Vec<&'static str> {
        const RULE_48: [&str; 3] =
            ["original_for_recipient", "duplicate_for_transporter", "triplicate_for_supplier"];
        let n = usize::from(self.copies_of(kind));
        if kind == DocKind::CommercialInvoice {
            RULE_48[..n].to_vec()
        } else {
            vec![""; n]
        }
    }
}

/// Renders `kind` of `shipment` as text (`xml`, `json` or `csv`). The shipment is validated
/// strictly for `kind` first; an invalid one gives [`Error::Invalid`] with every issue.
pub fn render_text(
    shipment: &Shipment,
    kind: DocKind,
    format: Format,
    flavor: Option<Flavor>,
) -> Result<String, Error> {
    data::render_text(shipment, kind, format, flavor)
}

/// Reads niryat XML back into a shipment.
pub fn import_xml(text: &str) -> Result<Shipment, MalformedInput> {
    data::import(text)
}

/// The text format `kind` is written in when none is named: its first format other than PDF
/// (XML for the invoice and the whole shipment, JSON for the e-invoice, CSV for the PBE rows).
pub fn default_text_format(kind: DocKind) -> Format {
    formats_for(kind).iter().copied().find(|f| *f != Format::Pdf).unwrap_or(Format::Json)
}

/// The formats that make sense for `kind` (the first is the default).
pub fn formats_for(kind: DocKind) -> &'static [Format] {
    data::formats_for(kind)
}

/// Every text output of `kind`, as the arguments [`render_text`] takes: each format other
/// than PDF, XML once in each flavour it is made in (UBL for the commercial invoice only).
pub fn text_outputs(kind: DocKind) -> Vec<(Format, Option<Flavor>)> {
    let mut out = Vec::new();
    for &format in formats_for(kind) {
        match format {
            Format::Pdf => {}
            Format::Xml => {
                for &flavor in <Flavor as crate::names::Named>::all() {
                    if flavor.is_made_for(kind) {
                        out.push((format, Some(flavor)));
                    }
                }
            }
            Format::Json | Format::Csv => out.push((format, None)),
        }
    }
    out
}
