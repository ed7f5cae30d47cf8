//! Generated files must match the code: the JSON Schema in `schemas/` and `docs/rules.md`.
//! Run with `NIRYAT_BLESS=1` to rewrite them after a deliberate change.
#![allow(clippy::disallowed_methods)] // a test reads the bundled examples and times itself; the library may not

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn check(rel: &str, fresh: &str) {
    let path = root().join(rel);
    if std::env::var_os("NIRYAT_BLESS").is_some() {
        std::fs::write(&path, fresh).expect("write generated file");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{rel} is out of date with the code; regenerate it with `NIRYAT_BLESS=1 cargo test -p niryat --test generated` and commit the result"
    );
}

#[test]
fn shipment_schema_is_current() {
    check("schemas/shipment.schema.json", &niryat::shipment_schema());
}

#[test]
fn rules_catalogue_doc_is_current() {
    check("docs/rules.md", &niryat::rules::catalogue_markdown());
}

#[test]
fn schema_is_valid_json_with_the_model_fields() {
    let v: serde_json::Value =
        serde_json::from_str(&niryat::shipment_schema()).expect("schema is JSON");
    let props = v["properties"].as_object().expect("top-level properties");
    for field in [
        "exporter",
        "consignee",
        "invoice",
        "items",
        "packages",
        "transport",
        "tax",
        "postal",
        "ecommerce",
    ] {
        assert!(props.contains_key(field), "schema lacks {field}");
    }
}
