//! Validation: every rule of the catalogue, run against a shipment for a set of documents.
//!
//! [`validate`] never fails and never panics: it returns every issue at once. Which
//! fields are *required* follows from the documents asked for; in [`Mode::Draft`] a
//! missing field is a warning, so a half-filled form can be checked as a person types.
//! Each concern has its own module: identifiers, money, gst, postal, packing, text.

pub mod catalogue;
mod checks;
mod ctx;
pub(crate) mod einvoice;
mod fit;
mod gst;
pub mod ids;
mod money;
mod packing;
mod postal;
mod required;
mod text;

use crate::issue::{Issue, Report};
use crate::model::Shipment;
pub use catalogue::{markdown as catalogue_markdown, Rule};
use ctx::Ctx;
use serde::{Deserialize, Serialize};

/// A document niryat can make.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// Export invoice (GST Rule 46) that also serves as the commercial invoice.
    CommercialInvoice,
    /// Packing list.
    PackingList,
    /// The exporter profile sheet.
    IecDetails,
    /// UPU CN22 customs declaration (small letter-post items).
    Cn22,
    /// UPU CN23 customs declaration.
    Cn23,
    /// Postal Bill of Export (PBE-III for e-commerce, PBE-IV otherwise).
    Pbe,
    /// GST e-invoice JSON (NIC IRP schema 1.1) for exporters above the e-invoice threshold.
    Einvoice,
}

impl DocKind {
    /// Every kind, in a stable order.
    pub const ALL: [DocKind; 7] = [
        DocKind::CommercialInvoice,
        DocKind::PackingList,
        DocKind::IecDetails,
        DocKind::Cn22,
        DocKind::Cn23,
        DocKind::Pbe,
        DocKind::Einvoice,
    ];

    /// snake_case name, as on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            DocKind::CommercialInvoice => "commercial_invoice",
            DocKind::PackingList => "packing_list",
            DocKind::IecDetails => "iec_details",
            DocKind::Cn22 => "cn22",
            DocKind::Cn23 => "cn23",
            DocKind::Pbe => "pbe",
            DocKind::Einvoice => "einvoice",
        }
    }

    /// English title.
    pub fn title(self) -> &'static str {
        match self {
            DocKind::CommercialInvoice => "commercial invoice",
            DocKind::PackingList => "packing list",
            DocKind::IecDetails => "IEC details",
            DocKind::Cn22 => "CN22",
            DocKind::Cn23 => "CN23",
            DocKind::Pbe => "Postal Bill of Export",
            DocKind::Einvoice => "GST e-invoice",
        }
    }

    /// Parses a snake_case name.
    pub fn from_name(name: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The documents a shipment calls for: what a clerk would print for it.
    pub fn for_shipment(s: &Shipment) -> Vec<DocKind> {
        checks::documents_for(s)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl std::fmt::Display for DocKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of document kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Targets(u8);

impl Targets {
    /// The set holding `kinds`.
    pub fn of(kinds: &[DocKind]) -> Targets {
        Targets(kinds.iter().fold(0, |acc, k| acc | k.bit()))
    }

    /// Whether `kind` is in the set.
    pub fn has(self, kind: DocKind) -> bool {
        self.0 & kind.bit() != 0
    }

    /// The kinds in both sets.
    pub fn and(self, other: Targets) -> Targets {
        Targets(self.0 & other.0)
    }

    /// The set plus `kind`.
    pub fn with(self, kind: DocKind) -> Targets {
        Targets(self.0 | kind.bit())
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The kinds, in [`DocKind::ALL`] order.
    pub fn kinds(self) -> impl Iterator<Item = DocKind> {
        DocKind::ALL.into_iter().filter(move |k| self.has(*k))
    }

    /// "commercial invoice, CN23" for messages.
    pub fn titles(self) -> String {
        self.kinds().map(DocKind::title).collect::<Vec<_>>().join(", ")
    }

    /// "commercial_invoice,cn23" for params.
    pub fn names(self) -> String {
        self.kinds().map(DocKind::name).collect::<Vec<_>>().join(",")
    }
}

/// How strictly to treat missing fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Missing required fields are errors.
    #[default]
    Strict,
    /// Missing required fields are warnings: for forms being filled in.
    Draft,
}

/// Checks `shipment` for the documents in `targets`. Returns every issue, errors and
/// warnings, in a stable order; never panics.
pub fn validate(shipment: &Shipment, targets: &[DocKind], mode: Mode) -> Report {
    let mut ctx = Ctx::new(shipment, Targets::of(targets), mode);
    text::check(&mut ctx);
    required::check(&mut ctx);
    checks::check(&mut ctx);
    money::check(&mut ctx);
    postal::check(&mut ctx);
    packing::check(&mut ctx);
    einvoice::check(&mut ctx);
    gst::check(&mut ctx);
    fit::check(&mut ctx);
    Report { issues: ctx.finish() }
}

/// A shipment that passed validation (no errors) for a set of documents.
/// Only [`Validated::new`] builds one, so renderers never see an invalid shipment.
#[derive(Debug, Clone)]
pub struct Validated {
    shipment: Shipment,
    targets: Vec<DocKind>,
    warnings: Vec<Issue>,
}

impl Validated {
    /// Validates strictly for `targets`; fails with every issue when there is an error.
    pub fn new(shipment: Shipment, targets: &[DocKind]) -> Result<Validated, crate::Error> {
        let report = validate(&shipment, targets, Mode::Strict);
        if report.has_errors() {
            return Err(crate::Error::Invalid(report.issues));
        }
        Ok(Validated { shipment, targets: targets.to_vec(), warnings: report.issues })
    }

    /// The shipment.
    pub fn shipment(&self) -> &Shipment {
        &self.shipment
    }

    /// The documents it was validated for.
    pub fn targets(&self) -> &[DocKind] {
        &self.targets
    }

    /// Whether it was validated for `kind`.
    pub fn allows(&self, kind: DocKind) -> bool {
        self.targets.contains(&kind)
    }

    /// Warnings found (never errors).
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }

    /// Gives the shipment back.
    pub fn into_inner(self) -> Shipment {
        self.shipment
    }
}
