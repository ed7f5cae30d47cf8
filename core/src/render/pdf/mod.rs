//! PDF rendering through typst. (Placeholder: being written.)

use crate::error::Error;
use crate::model::Shipment;
use crate::render::PdfOptions;
use crate::rules::{DocKind, Validated};

/// Renders PDFs; build once (fonts, templates), render many documents.
#[derive(Debug, Default)]
pub struct Renderer {}

impl Renderer {
    /// Builds a renderer with niryat's embedded fonts and templates.
    pub fn new() -> Renderer {
        Renderer {}
    }

    /// Validates `shipment` strictly for `kind` and renders it.
    pub fn render(&self, shipment: &Shipment, kind: DocKind, opts: &PdfOptions) -> Result<Vec<u8>, Error> {
        let v = Validated::new(shipment.clone(), &[kind])?;
        self.render_validated(&v, kind, opts)
    }

    /// Renders an already validated shipment.
    pub fn render_validated(&self, _v: &Validated, kind: DocKind, _opts: &PdfOptions) -> Result<Vec<u8>, Error> {
        Err(Error::Unsupported(format!("PDF for {} is not available yet", kind.name())))
    }
}
