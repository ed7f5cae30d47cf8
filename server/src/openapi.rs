//! The OpenAPI 3.1 description of the service, served at `/openapi.json`.
//!
//! Routes, parameters and the service's own answers come from utoipa (the router and the
//! document are built from the same annotated handlers, so a route cannot be left out).
//! The shipment, the issue, the validation result and the answers of the reports and the
//! order import are the library's types: their JSON Schemas come from the library
//! (schemars, draft 2020-12, which OpenAPI 3.1 uses unchanged) and replace the placeholders
//! ([`ShipmentDoc`] …) in the components.

use serde_json::{Map, Value};
use std::borrow::Cow;
use utoipa::openapi::{RefOr, Schema};

/// The service's description, without paths (they are added by the router).
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "niryat",
        description = "Indian export documents from one shipment description: validate a shipment, \
                       make its documents (PDF, XML, JSON, CSV). Errors are RFC 9457 problem details \
                       carrying niryat's issues (code, JSON Pointer path, severity, message).",
        license(name = "MIT OR Apache-2.0")
    ),
    tags(
        (name = "shipments", description = "Checking a shipment"),
        (name = "documents", description = "Making documents"),
        (name = "reports", description = "Reports over many shipments, and drafts from marketplace orders"),
        (name = "catalogues", description = "What niryat knows"),
        (name = "operations", description = "Health and metrics"),
    )
)]
pub struct ApiDoc;

/// Declares a placeholder for one of the library's types in the description: an empty
/// schema under the library type's name, replaced by its schemars schema in [`document`].
macro_rules! placeholder {
    ($doc:ident, $name:literal, $what:literal) => {
        #[doc = concat!("Placeholder for the library's ", $what, " (replaced by its schema).")]
        pub struct $doc;

        impl utoipa::PartialSchema for $doc {
            fn schema() -> RefOr<Schema> {
                RefOr::T(Schema::Object(utoipa::openapi::ObjectBuilder::new().build()))
            }
        }

        impl utoipa::ToSchema for $doc {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
        }
    };
}

placeholder!(ShipmentDoc, "Shipment", "shipment");
placeholder!(IssueDoc, "Issue", "issue");
placeholder!(ValidationDoc, "Validation", "validation result");
placeholder!(ReportOutputDoc, "ReportOutput", "report answer");
placeholder!(ImportOutputDoc, "ImportOutput", "order import answer");

/// Moves a schemars schema into `components`: its `$defs` become components of their own and
/// every `#/$defs/X` reference becomes `#/components/schemas/X`.
fn hoist(mut schema: Value, name: &str, components: &mut Map<String, Value>) {
    if let Value::Object(o) = &mut schema {
        o.remove("$schema");
        if let Some(Value::Object(defs)) = o.remove("$defs") {
            // A type two schemas share (the shipment inside an import's drafts) keeps the
            // component it got first: the one from its own schema.
            for (k, mut v) in defs {
                rewrite_refs(&mut v);
                components.entry(k).or_insert(v);
            }
        }
    }
    rewrite_refs(&mut schema);
    components.insert(name.to_string(), schema);
}

fn rewrite_refs(v: &mut Value) {
    match v {
        Value::Object(o) => {
            if let Some(Value::String(r)) = o.get_mut("$ref") {
                if let Some(rest) = r.strip_prefix("#/$defs/") {
                    *r = format!("#/components/schemas/{rest}");
                }
            }
            o.values_mut().for_each(rewrite_refs);
        }
        Value::Array(a) => a.iter_mut().for_each(rewrite_refs),
        _ => {}
    }
}

/// The finished description as JSON: utoipa's document with the library's schemas put in.
pub fn document(api: &utoipa::openapi::OpenApi) -> Value {
    let mut doc = serde_json::to_value(api).unwrap_or(Value::Null);
    let shipment: Value = serde_json::from_str(&niryat::shipment_schema()).unwrap_or(Value::Null);
    let issue = serde_json::to_value(schemars::schema_for!(niryat::Issue)).unwrap_or(Value::Null);
    let validation =
        serde_json::to_value(schemars::schema_for!(niryat::Validation)).unwrap_or(Value::Null);
    let report = serde_json::to_value(schemars::schema_for!(niryat::report::ReportOutput))
        .unwrap_or(Value::Null);
    let import = serde_json::to_value(schemars::schema_for!(niryat::report::output::ImportOutput))
        .unwrap_or(Value::Null);
    if let Some(root) = doc.as_object_mut() {
        root.insert("openapi".into(), Value::String("3.1.0".into()));
        let components = root
            .entry("components")
            .or_insert_with(|| Value::Object(Map::new()))
            .as_object_mut()
            .map(|c| c.entry("schemas").or_insert_with(|| Value::Object(Map::new())));
        if let Some(Value::Object(schemas)) = components {
            hoist(shipment, "Shipment", schemas);
            hoist(issue, "Issue", schemas);
            hoist(validation, "Validation", schemas);
            hoist(report, "ReportOutput", schemas);
            hoist(import, "ImportOutput", schemas);
        }
    }
    doc
}
