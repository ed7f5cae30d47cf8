//! Validation: every rule of the catalogue, run against a shipment for a set of documents.
//!
//! [`validate`] never fails and never panics: it returns every issue at once. Which
//! fields are *required* follows from the documents asked for; in [`Mode::Draft`] a
//! missing field is a warning, so a half-filled form can be checked as a person types.
//! Each concern has its own module, run in this order: text, required fields, the exporter's
//! identifiers, places (countries, ports), the invoice (number, endorsement, currency, terms),
//! LUT dates, line codes, applicability, money, postal, packing, e-invoice, GST rates.
//! [`DocKind`] and [`Targets`] live in [`crate::kind`] and are re-exported here.

mod applicability;
pub mod catalogue;
mod catalogue_hi;
mod ctx;
mod einvoice;
mod exporter;
pub mod fit;
mod gst;
pub mod ids;
mod invoice;
mod lines;
mod lut;
mod money;
mod packing;
mod places;
mod postal;
mod reports;
mod required;
mod text;

use crate::issue::{Issue, Report};
use crate::model::Shipment;
pub use catalogue::{markdown as catalogue_markdown, markdown_in as catalogue_markdown_in, Rule};
pub use catalogue_hi::CHECKS_HI;
use ctx::Ctx;
use serde::{Deserialize, Serialize};
pub use text::printable;

pub use crate::kind::{DocKind, Targets};

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
    exporter::check(&mut ctx);
    places::parties(&mut ctx);
    invoice::invoice(&mut ctx);
    invoice::currency(&mut ctx);
    invoice::terms(&mut ctx);
    lut::check(&mut ctx);
    places::transport(&mut ctx);
    lines::check(&mut ctx);
    applicability::check(&mut ctx);
    money::check(&mut ctx);
    postal::check(&mut ctx);
    packing::check(&mut ctx);
    einvoice::check(&mut ctx);
    gst::check(&mut ctx);
    reports::check(&mut ctx);
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
