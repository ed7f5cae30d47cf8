//! Reading a shipment from JSON: every failure names the JSON Pointer of the bad value.

use crate::error::MalformedInput;
use crate::model::Shipment;
use serde::Deserialize;

/// Sizes niryat accepts. Larger input is refused with an error, never a crash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest JSON document, in bytes.
    pub max_input_bytes: usize,
    /// Most invoice lines.
    pub max_items: usize,
    /// Most package rows.
    pub max_packages: usize,
    /// Most entries in any other list (references, licences, contents of one package).
    pub max_list: usize,
    /// Longest text field, in characters (checked by validation, so the path is reported).
    pub max_text_chars: usize,
}

/// The limits in force.
pub const LIMITS: Limits = Limits {
    max_input_bytes: 64 * 1024 * 1024,
    max_items: 10_000,
    max_packages: 10_000,
    max_list: 1_000,
    max_text_chars: 4_000,
};

mod stream;
mod strict;

/// Parses a shipment from JSON bytes.
///
/// The text is read once, straight into the model. Every failure — a syntax error, invalid
/// UTF-8, a duplicate key, an over-long list, a wrong type, an unknown field — comes back
/// with the JSON Pointer of the value and its line and column; the first failure in the
/// text is the one reported. A JSON array is never accepted where an object is expected. A
/// leading UTF-8 byte-order mark is ignored.
pub fn parse_json(bytes: &[u8]) -> Result<Shipment, MalformedInput> {
    let bytes = within_limit(bytes)?;
    // One pass from the text to the model: `stream::Checked` refuses duplicate keys, arrays
    // for objects and over-long lists as it goes, and keeps the path of the value being
    // read; serde_json's error carries the line and column.
    let mut reader = stream::Reader::default();
    let mut de = serde_json::Deserializer::from_slice(bytes);
    Shipment::deserialize(stream::Checked { de: &mut de, r: &mut reader })
        .and_then(|shipment| de.end().map(|()| shipment))
        .map_err(|e| malformed(reader.pointer(), &e))
}

/// `bytes` without a leading byte-order mark, if no longer than [`LIMITS`] allows.
fn within_limit(bytes: &[u8]) -> Result<&[u8], MalformedInput> {
    if bytes.len() > LIMITS.max_input_bytes {
        return Err(MalformedInput {
            path: String::new(),
            message: format!(
                "input is {} bytes; niryat reads at most {} bytes",
                bytes.len(),
                LIMITS.max_input_bytes
            ),
            line: None,
            column: None,
        });
    }
    Ok(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
}

/// Reads JSON `bytes` as any `T` — a request that carries shipments as JSON values, which
/// are then read with [`parse_value`] — as strictly as [`parse_json`] reads a shipment and
/// failing as it does: with the JSON Pointer, line and column of the bad value, within the
/// same size limit, a byte-order mark ignored. A key that appears twice in any object (a
/// shipment's too, whose value would otherwise keep only the last one) and an array where an
/// object is expected are refused. The request's own lists are bounded only by the size
/// limit; the lists of each shipment are checked when [`parse_value`] reads it.
pub fn parse_json_as<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, MalformedInput> {
    let bytes = within_limit(bytes)?;
    let mut reader = stream::Reader::for_request();
    let mut de = serde_json::Deserializer::from_slice(bytes);
    T::deserialize(stream::Checked { de: &mut de, r: &mut reader })
        .and_then(|value| de.end().map(|()| value))
        .map_err(|e| malformed(reader.pointer(), &e))
}

/// Parses a shipment from an already-parsed JSON value (the bindings use this).
pub fn parse_value(value: &serde_json::Value) -> Result<Shipment, MalformedInput> {
    let shipment: Shipment =
        serde_path_to_error::deserialize(strict::Strict(value)).map_err(|e| {
            let path = pointer(e.path());
            MalformedInput {
                path,
                message: clean_message(&e.into_inner().to_string()),
                line: None,
                column: None,
            }
        })?;
    check_lists(&shipment)?;
    Ok(shipment)
}

fn malformed(path: String, e: &serde_json::Error) -> MalformedInput {
    let (line, column) =
        if e.line() > 0 { (Some(e.line()), Some(e.column())) } else { (None, None) };
    MalformedInput { path, message: clean_message(&e.to_string()), line, column }
}

/// serde_json appends " at line L column C"; niryat reports those separately. serde names
/// what it expected and found in Rust's words (`u32`, `struct Exporter`, `sequence`); they
/// are put in JSON's.
fn clean_message(msg: &str) -> String {
    let msg = match msg.rfind(" at line ") {
        Some(i) => &msg[..i],
        None => msg,
    };
    plain_words(msg)
}

/// `msg` with serde's Rust names for what was found and expected in JSON's words.
fn plain_words(msg: &str) -> String {
    // What was found may quote the input, which may hold ", expected "; what was expected
    // comes last.
    let (found, expected) = match msg.rsplit_once(", expected ") {
        Some((f, e)) if f.starts_with("invalid type: ") || f.starts_with("invalid value: ") => {
            (f, e)
        }
        _ => return msg.to_string(),
    };
    let found = match found.split_once(": ") {
        Some((what, "sequence")) => format!("{what}: an array"),
        Some((what, "map")) => format!("{what}: an object"),
        // serde_json's value says `unit value` where its reader of text says `null`.
        Some((what, "unit value")) => format!("{what}: null"),
        _ => found.to_string(),
    };
    let whole = |max: u64| format!("a whole number from 0 to {max}");
    let expected = match expected {
        "a Decimal type representing a fixed-point number" => {
            "a number such as 1234.50 (a JSON number, or a string holding one without grouping \
             commas)"
                .to_string()
        }
        "u8" => whole(u8::MAX.into()),
        "u16" => whole(u16::MAX.into()),
        "u32" => whole(u32::MAX.into()),
        "u64" | "usize" => whole(u64::MAX),
        "a sequence" => "an array".to_string(),
        e if e.starts_with("struct ") || e.starts_with("internally tagged enum ") => {
            "an object".to_string()
        }
        e if e.starts_with("enum ") => {
            "a string: one of the words the schema lists for this field".to_string()
        }
        e => e.to_string(),
    };
    format!("{found}, expected {expected}")
}

/// Converts serde_path_to_error's path into an RFC 6901 JSON Pointer.
fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = crate::pointer::Pointer::root();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_index(*index),
            Segment::Map { key } | Segment::Enum { variant: key } => out.push_key(key),
            Segment::Unknown => {}
        }
    }
    out.into_string()
}

fn too_many(path: String, what: &str, len: usize, max: usize) -> MalformedInput {
    MalformedInput {
        path,
        message: format!("{len} {what}; niryat accepts at most {max}"),
        line: None,
        column: None,
    }
}

fn check_lists(s: &Shipment) -> Result<(), MalformedInput> {
    let l = LIMITS;
    if s.items.len() > l.max_items {
        return Err(too_many("/items".into(), "invoice lines", s.items.len(), l.max_items));
    }
    if s.packages.len() > l.max_packages {
        return Err(too_many("/packages".into(), "packages", s.packages.len(), l.max_packages));
    }
    let contents: usize = s.packages.iter().map(|p| p.contents.len()).sum();
    if contents > l.max_items.saturating_mul(10) {
        return Err(too_many(
            "/packages".into(),
            "package content entries in all",
            contents,
            l.max_items * 10,
        ));
    }
    for (i, p) in s.packages.iter().enumerate() {
        if p.contents.len() > l.max_list {
            return Err(too_many(
                format!("/packages/{i}/contents"),
                "content entries",
                p.contents.len(),
                l.max_list,
            ));
        }
    }
    let lists: [(&str, usize); 4] = [
        ("/invoice/other_references", s.invoice.as_ref().map_or(0, |i| i.other_references.len())),
        ("/postal/licences", s.postal.as_ref().map_or(0, |p| p.licences.len())),
        ("/postal/certificates", s.postal.as_ref().map_or(0, |p| p.certificates.len())),
        ("/exporter/branches", s.exporter.as_ref().map_or(0, |e| e.branches.len())),
    ];
    for (path, len) in lists {
        if len > l.max_list {
            return Err(too_many(path.into(), "entries", len, l.max_list));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::plain_words;

    #[test]
    fn serdes_rust_names_are_put_in_jsons_words() {
        let said = |m: &str| plain_words(m);
        assert_eq!(
            said("invalid type: string \"5\", expected u32"),
            "invalid type: string \"5\", expected a whole number from 0 to 4294967295"
        );
        assert_eq!(
            said("invalid type: sequence, expected struct Exporter"),
            "invalid type: an array, expected an object"
        );
        assert_eq!(
            said("invalid type: map, expected a sequence"),
            "invalid type: an object, expected an array"
        );
        assert!(said("invalid value: string \"1,000\", expected a Decimal type representing a fixed-point number")
            .ends_with("expected a number such as 1234.50 (a JSON number, or a string holding one without grouping commas)"));
        // The input quoted in the message is left as it is.
        let quoted = "invalid value: string \"a, expected u32\", expected a Decimal type representing a fixed-point number";
        assert!(said(quoted)
            .starts_with("invalid value: string \"a, expected u32\", expected a number"));
        for kept in [
            "unknown variant `gift`, expected `commercial` or `personal`",
            "the key \"a\" appears twice",
            "invalid type: string \"x\", expected a string naming a map",
        ] {
            assert_eq!(said(kept), kept);
        }
    }
}
