//! Writing niryat XML: the whole shipment, one element per JSON key, in the model's field order.
//!
//! The shipment is walked with a small serde `Serializer`, so every field the model has is
//! written without a hand-kept list; [`super::shape`] names list items and places the tax
//! treatment's variant as a child element. Text is written exactly (a carriage return as
//! `&#13;`); a character XML cannot carry is an error naming the field.

use super::shape::{self, Shape};
use super::xw::{bad_char, Xw};
use crate::error::MalformedInput;
use crate::model::Shipment;
use serde::ser::{self, Impossible, Serialize};
use std::fmt::Display;

/// Writes `shipment` as niryat XML (`urn:niryat:shipment:1`, version 1).
pub(crate) fn write(shipment: &Shipment) -> Result<String, MalformedInput> {
    let capacity = 2048 + shipment.items.len() * 640 + shipment.packages.len() * 512;
    let mut ser = Ser {
        xw: Xw::new(capacity),
        ptr: String::new(),
        gen: String::new(),
        name: shape::ROOT,
        capture: None,
    };
    shipment.serialize(&mut ser).map_err(|e| MalformedInput {
        path: e.path,
        message: e.message,
        line: None,
        column: None,
    })?;
    Ok(ser.xw.finish())
}

/// Why a value could not be written.
#[derive(Debug)]
pub(crate) struct SerError {
    path: String,
    message: String,
}

impl Display for SerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for SerError {}

impl ser::Error for SerError {
    fn custom<T: Display>(msg: T) -> Self {
        SerError { path: String::new(), message: msg.to_string() }
    }
}

struct Ser {
    xw: Xw,
    /// JSON Pointer of the value being written (for errors).
    ptr: String,
    /// Generic path of the value being written (for [`shape::shape`]).
    gen: String,
    /// Element name for the value being written.
    name: &'static str,
    /// When set, the next string is the tax treatment's `kind` and is kept here, not written.
    capture: Option<Option<&'static str>>,
}

type Res = Result<(), SerError>;

impl Ser {
    fn fail(&self, message: impl Into<String>) -> SerError {
        SerError { path: self.ptr.clone(), message: message.into() }
    }

    fn io(&self, r: std::io::Result<()>) -> Res {
        r.map_err(|e| self.fail(format!("cannot write XML: {e}")))
    }

    fn leaf(&mut self, text: &str) -> Res {
        if let Some(c) = bad_char(text) {
            return Err(
                self.fail(format!("the character U+{:04X} cannot be written to XML", c as u32))
            );
        }
        let r = self.xw.leaf(self.name, text);
        self.io(r)
    }

    fn open(&mut self) -> Res {
        let r = if self.gen.is_empty() {
            self.xw
                .open_with(shape::ROOT, &[("xmlns", shape::NAMESPACE), ("version", shape::VERSION)])
        } else {
            self.xw.open(self.name)
        };
        self.io(r)
    }
}

/// A struct or list being written; `name` is its own element name.
struct Compound<'a> {
    ser: &'a mut Ser,
    name: &'static str,
    /// Item element name, for lists.
    item: &'static str,
    index: usize,
    /// For the tax treatment: the variant element opened, and the path lengths to restore.
    variant: Option<(&'static str, usize)>,
    tax: bool,
    /// Fields written so far (an empty struct is closed on the same line: `<x></x>`).
    written: usize,
}

macro_rules! leaf_display {
    ($($f:ident: $t:ty),*) => {$(
        fn $f(self, v: $t) -> Res {
            self.leaf(&v.to_string())
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Ser {
    type Ok = ();
    type Error = SerError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Impossible<(), SerError>;
    type SerializeTupleStruct = Impossible<(), SerError>;
    type SerializeTupleVariant = Impossible<(), SerError>;
    type SerializeMap = Impossible<(), SerError>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Impossible<(), SerError>;

    leaf_display!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_i128: i128,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_u128: u128,
        serialize_f32: f32, serialize_f64: f64, serialize_char: char);

    fn serialize_bool(self, v: bool) -> Res {
        self.leaf(if v { "true" } else { "false" })
    }

    fn serialize_str(self, v: &str) -> Res {
        if let Some(slot) = self.capture.as_mut() {
            *slot = shape::TAX_VARIANTS.iter().copied().find(|k| *k == v);
            return Ok(());
        }
        self.leaf(v)
    }

    fn serialize_bytes(self, _: &[u8]) -> Res {
        Err(self.fail("bytes cannot be written to niryat XML"))
    }

    fn serialize_none(self) -> Res {
        Ok(())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Res {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Res {
        self.leaf("")
    }

    fn serialize_unit_struct(self, _: &'static str) -> Res {
        self.leaf("")
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Res {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Res {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Res {
        Err(self.fail("this value has no niryat XML form"))
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, SerError> {
        let item = match shape::shape(&self.gen) {
            Shape::List(item) => item,
            _ => {
                return Err(
                    self.fail("a list niryat XML does not know; update render/data/shape.rs")
                )
            }
        };
        self.open()?;
        let name = self.name;
        Ok(Compound { ser: self, name, item, index: 0, variant: None, tax: false, written: 0 })
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, SerError> {
        Err(self.fail("tuples have no niryat XML form"))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, SerError> {
        Err(self.fail("tuples have no niryat XML form"))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, SerError> {
        Err(self.fail("tuples have no niryat XML form"))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, SerError> {
        Err(self.fail("maps have no niryat XML form"))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, SerError> {
        let tax = shape::shape(&self.gen) == Shape::TaxChoice;
        self.open()?;
        let name = if self.gen.is_empty() { shape::ROOT } else { self.name };
        Ok(Compound { ser: self, name, item: "", index: 0, variant: None, tax, written: 0 })
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, SerError> {
        Err(self.fail("this value has no niryat XML form"))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = SerError;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Res {
        let (p, g) = (self.ser.ptr.len(), self.ser.gen.len());
        {
            use std::fmt::Write;
            let _ = write!(self.ser.ptr, "/{}", self.index);
        }
        self.ser.gen.push_str("/*");
        self.ser.name = self.item;
        let r = value.serialize(&mut *self.ser);
        self.ser.ptr.truncate(p);
        self.ser.gen.truncate(g);
        self.index += 1;
        r
    }

    fn end(self) -> Res {
        let r = self.ser.xw.close(self.name);
        self.ser.io(r)
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = SerError;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Res {
        if self.tax && key == "kind" && self.variant.is_none() {
            self.ser.capture = Some(None);
            let r = value.serialize(&mut *self.ser);
            let found = self.ser.capture.take().flatten();
            r?;
            let Some(variant) = found else {
                return Err(self.ser.fail(
                    "a tax treatment niryat XML does not know; update render/data/shape.rs",
                ));
            };
            let g = self.ser.gen.len();
            self.ser.gen.push('/');
            self.ser.gen.push_str(variant);
            let r = self.ser.xw.open(variant);
            self.ser.io(r)?;
            self.variant = Some((variant, g));
            return Ok(());
        }
        let (p, g) = (self.ser.ptr.len(), self.ser.gen.len());
        self.ser.ptr.push('/');
        self.ser.ptr.push_str(key);
        self.ser.gen.push('/');
        self.ser.gen.push_str(key);
        self.ser.name = key;
        self.written += 1;
        let r = value.serialize(&mut *self.ser);
        self.ser.ptr.truncate(p);
        self.ser.gen.truncate(g);
        r
    }

    fn end(self) -> Res {
        if self.written == 0 {
            let r = self.ser.xw.text("");
            self.ser.io(r)?;
        }
        if let Some((variant, g)) = self.variant {
            let r = self.ser.xw.close(variant);
            self.ser.io(r)?;
            self.ser.gen.truncate(g);
        }
        let r = self.ser.xw.close(self.name);
        self.ser.io(r)
    }
}
