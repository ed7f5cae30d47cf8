//! The OpenAPI 3.1 description of the service, served at `/openapi.json`.
//!
//! Routes, parameters and the service's own answers come from utoipa (the router and the
//! document are built from the same annotated handlers, so a route cannot be left out).
//! The shipment, the issue and the validation result are the library's types: their JSON Schemas come from the
//! library (schemars, draft 2020-12, which OpenAPI 3.1 uses unchanged) and replace the
//! placeholders [`ShipmentDoc`], [`IssueDoc`] and [`ValidationDoc`] in the components.

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
        (name = "catalogues", description = "What niryat knows"),
        (name = "operations", description = "Health and metrics"),
    )
)]
pub struct ApiDoc;

/// Placeholder for the library's shipment in the description (replaced by its schema).
pub struct ShipmentDoc;

/// Placeholder for the library's issue in the description (replaced by its schema).
pub struct IssueDoc;

/// Placeholder for the library's validation result (replaced by its schema).
pub struct ValidationDoc;

impl utoipa::PartialSchema for ValidationDoc {
    fn schema() -> RefOr<Schema> {
        placeholder()
    }
}

impl utoipa::ToSchema for ValidationDoc {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Validation")
    }
}

fn placeholder() -> RefOr<Schema> {
    RefOr::T(Schema::Object(utoipa::openapi::ObjectBuilder::new().build()))
}

impl utoipa::PartialSchema for ShipmentDoc {
    fn schema() -> RefOr<Schema> {
        placeholder()
    }
}

impl utoipa::ToSchema for ShipmentDoc {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Shipment")
    }
}

impl utoipa::PartialSchema for IssueDoc {
    fn schema() -> RefOr<Schema> {
        placeholder()
    }
}

impl utoipa::ToSchema for IssueDoc {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Issue")
    }
}

/// Moves a schemars schema into `components`: its `$defs` become components of their own and
/// every `#/$defs/X` reference becomes `#/components/schemas/X`.
fn hoist(mut schema: Value, name: &str, components: &mut Map<String, Value>) {
    if let Value::Object(o) = &mut schema {
        o.remove("$schema");
        if let Some(Value::Object(defs)) = o.remove("$defs") {
            for (k, mut v) in defs {
                rewrite_refs(&mut v);
                components.insert(k, v);
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
        }
    }
    doc
}
