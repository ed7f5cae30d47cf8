//! How decimal fields look in JSON Schema: a number, or a string holding one.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

/// Schema stand-in for [`rust_decimal::Decimal`] fields.
///
/// Input may be a JSON number (read through its shortest decimal form, so `0.1`
/// stays `0.1`) or a string such as `"1234.50"`; output is always a string.
pub struct DecimalRepr;

impl JsonSchema for DecimalRepr {
    fn schema_name() -> Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Exact decimal: a string such as \"1234.50\" (preferred, written on output) or a JSON number.",
            "anyOf": [
                { "type": "string", "pattern": "^-?[0-9]{1,20}(\\.[0-9]{1,10})?$" },
                // rust_decimal's range (±79,228,162,514,264,337,593,543,950,335, which a JSON
                // number can only approach): a larger number is refused at its path.
                { "type": "number", "minimum": -7.922816251426433e28, "maximum": 7.922816251426433e28 }
            ]
        })
    }
}

/// Schema stand-in for [`jiff::civil::Date`] fields: an ISO 8601 calendar date.
pub struct DateRepr;

impl JsonSchema for DateRepr {
    fn schema_name() -> Cow<'static, str> {
        "IsoDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Calendar date, YYYY-MM-DD.",
            "type": "string",
            "format": "date"
        })
    }
}
