//! XML, JSON and CSV renderers. (Placeholder: being written.)

use crate::error::{Error, MalformedInput};
use crate::model::Shipment;
use crate::render::{Flavor, Format};
use crate::rules::DocKind;

pub(crate) fn render_text(_s: &Shipment, kind: DocKind, format: Format, _flavor: Option<Flavor>) -> Result<String, Error> {
    Err(Error::Unsupported(format!("{} as {} is not available yet", kind.name(), format.extension())))
}

pub(crate) fn import(_text: &str) -> Result<Shipment, MalformedInput> {
    Err(MalformedInput { path: String::new(), message: "XML import is not available yet".into(), line: None, column: None })
}

pub(crate) fn formats_for(kind: DocKind) -> &'static [Format] {
    match kind {
        DocKind::CommercialInvoice => &[Format::Pdf],
        _ => &[Format::Pdf],
    }
}
