//! The shape of niryat XML: which elements hold other elements, which are lists (and what
//! their items are called), which hold whole numbers or yes/no values, and where the tax
//! treatment's choice sits. Everything else is a text leaf named after its JSON key.
//!
//! Paths are "generic" JSON Pointers: list indices are written `*`, so
//! `/packages/*/contents/*/line` stands for every content line of every package. The writer
//! and the reader both ask [`shape`], so the two directions cannot drift apart; a unit test
//! checks this table against the model's JSON Schema.

/// Namespace of niryat XML, version 1.
pub const NAMESPACE: &str = "urn:niryat:shipment:1";

/// Value of the root element's `version` attribute.
pub const VERSION: &str = "1";

/// Name of the root element.
pub const ROOT: &str = "shipment";

/// What an element at a given path holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Child elements named after the fields of a struct.
    Struct,
    /// A list: child elements all named by the given item name.
    List(&'static str),
    /// A whole number (`u32`).
    Int,
    /// `true` or `false`.
    Bool,
    /// The tax treatment: exactly one child element named after the variant.
    TaxChoice,
    /// Text (strings, decimals, dates, codes).
    Text,
}

/// The variants of the tax treatment, as element names under `<tax>`.
pub(crate) const TAX_VARIANTS: &[&str] = &["igst_paid", "lut", "bond", "unregistered"];

/// What the element at generic path `path` holds.
pub(crate) fn shape(path: &str) -> Shape {
    match path {
        ""
        | "/exporter"
        | "/exporter/address"
        | "/exporter/bank"
        | "/exporter/rcmc"
        | "/exporter/branches/*"
        | "/exporter/branches/*/address"
        | "/consignee"
        | "/consignee/address"
        | "/buyer"
        | "/buyer/address"
        | "/invoice"
        | "/invoice/buyer_order"
        | "/invoice/e_invoice"
        | "/terms"
        | "/exchange_rate"
        | "/sdr_rate"
        | "/charges"
        | "/transport"
        | "/transport/post"
        | "/items/*"
        | "/packages/*"
        | "/packages/*/dimensions"
        | "/packages/*/contents/*"
        | "/postal"
        | "/ecommerce"
        | "/export_declaration"
        | "/signatory"
        | "/authorised_agent"
        | "/proforma"
        | "/realisations/*"
        | "/items/*/scheme" => Shape::Struct,
        "/exporter/branches" => Shape::List("branch"),
        "/invoice/other_references" => Shape::List("reference"),
        "/items" => Shape::List("item"),
        "/packages" => Shape::List("package"),
        "/packages/*/contents" => Shape::List("content"),
        "/postal/licences" => Shape::List("licence"),
        "/postal/certificates" => Shape::List("certificate"),
        "/realisations" => Shape::List("realisation"),
        "/exchange_rate/per"
        | "/packages/*/number"
        | "/packages/*/to"
        | "/packages/*/contents/*/line" => Shape::Int,
        "/exporter/turnover_above_5_crore"
        | "/exporter/icegate_registered"
        | "/items/*/scheme/drawback"
        | "/items/*/scheme/rodtep"
        | "/items/*/scheme/rosctl"
        | "/postal/foreign_exchange_involved"
        | "/export_declaration/refund_claimed"
        | "/proforma/no_commercial_value" => Shape::Bool,
        "/tax" => Shape::TaxChoice,
        p => match p.strip_prefix("/tax/") {
            Some(v) if TAX_VARIANTS.contains(&v) => Shape::Struct,
            _ => Shape::Text,
        },
    }
}

/// The most entries a list at `path` may hold (the limits of [`crate::LIMITS`]).
pub(crate) fn list_limit(path: &str) -> usize {
    let l = crate::LIMITS;
    match path {
        "/items" => l.max_items,
        "/packages" => l.max_packages,
        _ => l.max_list,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// Resolves `{"$ref": "#/$defs/X"}` and `anyOf`/`oneOf` with null into the schema meant.
    fn resolve<'a>(root: &'a Value, mut v: &'a Value) -> Vec<&'a Value> {
        for _ in 0..8 {
            if let Some(r) = v.get("$ref").and_then(Value::as_str) {
                let name = r.rsplit('/').next().unwrap_or_default();
                match root.get("$defs").and_then(|d| d.get(name)) {
                    Some(t) => v = t,
                    None => return vec![v],
                }
                continue;
            }
            if let Some(alts) = v.get("anyOf").or_else(|| v.get("oneOf")).and_then(Value::as_array)
            {
                let non_null: Vec<&Value> = alts
                    .iter()
                    .filter(|a| a.get("type").and_then(Value::as_str) != Some("null"))
                    .collect();
                if non_null.len() == 1 {
                    v = non_null[0];
                    continue;
                }
                return non_null.into_iter().flat_map(|a| resolve(root, a)).collect();
            }
            return vec![v];
        }
        vec![v]
    }

    fn types(v: &Value) -> Vec<String> {
        match v.get("type") {
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(Value::as_str)
                .filter(|t| *t != "null")
                .map(String::from)
                .collect(),
            _ => vec![],
        }
    }

    /// Walks the JSON Schema and checks every object, array, integer and boolean property
    /// against [`shape`]; returns the number of paths checked.
    fn walk(root: &Value, schema: &Value, path: &str, seen: &mut usize) {
        for s in resolve(root, schema) {
            let t = types(s);
            if let Some(props) = s.get("properties").and_then(Value::as_object) {
                let is_tax = path == "/tax";
                let mut variant = None;
                if is_tax {
                    variant = props
                        .get("kind")
                        .and_then(|k| {
                            k.get("const").or_else(|| k.get("enum").and_then(|e| e.get(0)))
                        })
                        .and_then(Value::as_str);
                    let v = variant.unwrap_or_default();
                    assert!(TAX_VARIANTS.contains(&v), "tax variant {v} missing from TAX_VARIANTS");
                    assert_eq!(shape(&format!("/tax/{v}")), Shape::Struct);
                } else {
                    assert_eq!(shape(path), Shape::Struct, "{path} should be a struct");
                }
                for (k, sub) in props {
                    if is_tax && k == "kind" {
                        continue;
                    }
                    let child = match variant {
                        Some(v) => format!("/tax/{v}/{k}"),
                        None => format!("{path}/{k}"),
                    };
                    *seen += 1;
                    walk(root, sub, &child, seen);
                }
            } else if t.iter().any(|t| t == "array") {
                assert!(matches!(shape(path), Shape::List(_)), "{path} should be a list");
                if let Some(items) = s.get("items") {
                    walk(root, items, &format!("{path}/*"), seen);
                }
            } else if t.iter().any(|t| t == "integer") {
                assert_eq!(shape(path), Shape::Int, "{path} should be an integer");
            } else if t.iter().any(|t| t == "boolean") {
                assert_eq!(shape(path), Shape::Bool, "{path} should be a boolean");
            } else if path == "/tax" {
                // The tagged enum as a whole: checked through its variants above.
            } else {
                assert!(matches!(shape(path), Shape::Text), "{path} should be text");
            }
        }
    }

    #[test]
    fn table_matches_the_model_schema() {
        let schema: Value = serde_json::from_str(&crate::shipment_schema()).unwrap_or_default();
        let mut seen = 0;
        walk(&schema, &schema, "", &mut seen);
        assert!(seen > 100, "only {seen} properties walked");
    }
}
