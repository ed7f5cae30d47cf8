//! The JSON Schema of the shipment model, generated from the Rust types.

/// The JSON Schema (draft 2020-12) of [`crate::Shipment`], pretty-printed with a trailing newline.
pub fn shipment_schema() -> String {
    let schema = schemars::schema_for!(crate::Shipment);
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}
