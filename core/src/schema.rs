//! The JSON Schema of the shipment model, generated from the Rust types.

use schemars::transform::{RecursiveTransform, Transform};

/// The JSON Schema (draft 2020-12) of [`crate::Shipment`], pretty-printed with a trailing newline.
pub fn shipment_schema() -> String {
    let mut schema = schemars::schema_for!(crate::Shipment);
    RecursiveTransform(bound_integers).transform(&mut schema);
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}

/// schemars gives an unsigned integer its `minimum` only; the reader refuses a `u32` above
/// 4,294,967,295 at its path, so the schema says so too.
fn bound_integers(schema: &mut schemars::Schema) {
    let uint32 = schema.get("format").and_then(|f| f.as_str()) == Some("uint32");
    if uint32 && schema.get("maximum").is_none() {
        schema.insert("maximum".into(), u32::MAX.into());
    }
}
