//! Checks every text field of the shipment, wherever it is: length and control characters.
//!
//! Rather than list each string field by hand (and forget the next one added), this walks
//! the model with a small serde `Serializer` that keeps the JSON Pointer of the value it
//! is visiting and looks only at strings. Nothing is allocated but the path.

use super::catalogue;
use super::ctx::Ctx;
use serde::ser::{self, Serialize};

pub(crate) fn check(ctx: &mut Ctx<'_>) {
    let mut w = Walker { path: String::new(), found: Vec::new() };
    // The walker's serializer cannot fail; a failure would only mean nothing was found.
    let _ = ctx.s.serialize(&mut w);
    for (path, problem) in w.found {
        match problem {
            Problem::TooLong(n) => {
                let max = crate::LIMITS.max_text_chars;
                ctx.push(catalogue::TEXT_TOO_LONG, path, format!("This text is {n} characters long; niryat accepts at most {max}."))
                    .params
                    .insert("max", max.to_string());
            }
            Problem::Control(c) => {
                ctx.push(
                    catalogue::CONTROL_CHARACTER,
                    path,
                    format!("This text contains the control character U+{:04X}; remove it (only tab and line breaks are allowed).", c as u32),
                );
            }
        }
    }
}

enum Problem {
    TooLong(usize),
    Control(char),
}

struct Walker {
    path: String,
    found: Vec<(String, Problem)>,
}

impl Walker {
    fn visit_str(&mut self, v: &str) {
        let max = crate::LIMITS.max_text_chars;
        // Byte length bounds char count from above: most strings skip the count.
        if v.len() > max {
            let n = v.chars().count();
            if n > max {
                self.found.push((self.path.clone(), Problem::TooLong(n)));
            }
        }
        if let Some(c) = v.chars().find(|c| (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')) {
            self.found.push((self.path.clone(), Problem::Control(c)));
        }
    }

    fn enter(&mut self, seg: impl std::fmt::Display) -> usize {
        use std::fmt::Write;
        let len = self.path.len();
        let _ = write!(self.path, "/{seg}");
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
        let len = self.w.enter(self.index);
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
        let len = self.enter(key);
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
    fn serialize_newtype_variant<T: ?Sized + Serialize>(self, _: &'static str, _: u32, _: &'static str, value: &T) -> R {
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
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Seq<'a>, Never> {
        Ok(Seq { w: self, index: 0 })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
}
