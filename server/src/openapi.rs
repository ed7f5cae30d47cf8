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

/// A GSTR-1 period as `niryat::report::Period::parse` takes it: `YYYY-MM`, 2017 or later.
pub const PERIOD_PATTERN: &str =
    "^(201[7-9]|20[2-9][0-9]|2[1-9][0-9]{2}|[3-9][0-9]{3})-(0[1-9]|1[0-2])$";

/// The values a parameter of `path` named `name` takes, as a schema: the words of the
/// library's parsers, so that a client generated from the description offers exactly the
/// choices the server accepts. `None` for free parameters.
fn parameter_schema(path: &str, name: &str) -> Option<Value> {
    use niryat::names::{Copies, Named};
    use niryat::render::{Flavor, Format, Lang, Layout};
    let words = |w: Vec<String>| Some(serde_json::json!({ "type": "string", "enum": w }));
    let owned = |w: Vec<&str>| w.into_iter().map(str::to_string).collect::<Vec<_>>();
    match name {
        "lang" => words(owned(Lang::words())),
        "format" if path.starts_with("/v1/reports/") => {
            words(owned(niryat::report::ReportFormat::words()))
        }
        "format" => words(owned(Format::words())),
        "flavor" => words(owned(Flavor::words())),
        "layout" => words(owned(Layout::words())),
        "copies" => words((1..=Copies::MAX).map(|n| n.to_string()).collect()),
        "kind" => words(owned(niryat::DocKind::words())),
        "marketplace" => words(owned(niryat::orders::Marketplace::words())),
        "period" => Some(serde_json::json!({ "type": "string", "pattern": PERIOD_PATTERN })),
        "as_of" => Some(serde_json::json!({
            "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })),
        "for" => {
            let k = niryat::DocKind::words().join("|");
            // Empty is the same as not given: the documents the shipment calls for.
            Some(serde_json::json!({ "type": "string", "pattern": format!("^(({k})(,({k}))*)?$") }))
        }
        _ => None,
    }
}

/// Puts [`parameter_schema`] into every operation's parameters.
fn describe_parameters(doc: &mut Value) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else { return };
    for (path, item) in paths.iter_mut() {
        let Some(ops) = item.as_object_mut() else { continue };
        for op in ops.values_mut() {
            let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) else {
                continue;
            };
            for p in params {
                let name = p.get("name").and_then(Value::as_str).unwrap_or("").to_string();
                if let Some(schema) = parameter_schema(path, &name) {
                    p["schema"] = schema;
                }
            }
        }
    }
}

/// The schema of an answer as the server writes it (serde's serializing side: a field left
/// out when empty, such as an issue's `params`, is not required).
fn answer_schema<T: schemars::JsonSchema>() -> Value {
    let settings = schemars::generate::SchemaSettings::draft2020_12().for_serialize();
    let schema = settings.into_generator().into_root_schema_for::<T>();
    serde_json::to_value(schema).unwrap_or(Value::Null)
}

/// The finished description as JSON: utoipa's document with the library's schemas put in.
pub fn document(api: &utoipa::openapi::OpenApi) -> Value {
    let mut doc = serde_json::to_value(api).unwrap_or(Value::Null);
    let shipment: Value = serde_json::from_str(&niryat::shipment_schema()).unwrap_or(Value::Null);
    let issue = answer_schema::<niryat::Issue>();
    let validation = answer_schema::<niryat::Validation>();
    let report = answer_schema::<niryat::report::ReportOutput>();
    let import = answer_schema::<niryat::report::output::ImportOutput>();
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
    describe_parameters(&mut doc);
    describe_exporter(&mut doc);
    doc
}

/// The order import's `exporter`, as `niryat::orders::template` reads it: an exporter profile
/// (the shipment's `exporter` object, known by its `legal_name` or `iec`) or a whole shipment.
fn describe_exporter(doc: &mut Value) {
    let Some(field) = doc.pointer_mut("/components/schemas/OrdersRequest/properties/exporter")
    else {
        return;
    };
    let description = field.get("description").cloned().unwrap_or(Value::Null);
    *field = serde_json::json!({
        "description": description,
        "anyOf": [
            { "allOf": [
                { "$ref": "#/components/schemas/Exporter" },
                { "anyOf": [{ "required": ["legal_name"] }, { "required": ["iec"] }] }
            ] },
            { "$ref": "#/components/schemas/Shipment" }
        ]
    });
}
