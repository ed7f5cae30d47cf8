//! Strict JSON reading for the model.
//!
//! serde's derived `Deserialize` accepts a JSON *array* where a struct is expected (fields
//! in order), and a parsed `serde_json::Value` silently keeps the last of two equal keys.
//! Neither is acceptable for documents that customs read, so input goes through two steps:
//! [`Tree`] reads the text into a `Value`, refusing duplicate keys and over-long lists as it
//! goes (with line and column), and [`Strict`] deserializes the model from that `Value`,
//! refusing anything but an object where a struct is expected.

use crate::pointer::Pointer;
use serde::de::value::{BorrowedStrDeserializer, Error};
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Unexpected,
    Visitor,
};
use serde_json::{Map, Value};
use std::cell::RefCell;

/// Where the reader is, as a JSON Pointer, and the pointer of the first failure.
#[derive(Default)]
pub(crate) struct Trail {
    here: RefCell<Pointer>,
    pub(crate) failed_at: RefCell<Option<String>>,
}

impl Trail {
    /// The pointer of the value being read.
    pub(crate) fn here(&self) -> String {
        self.here.borrow().to_string()
    }

    fn fail<E: de::Error>(&self, msg: String) -> E {
        let here = self.here.borrow().to_string();
        self.failed_at.borrow_mut().get_or_insert(here);
        E::custom(msg)
    }
}

/// Reads one JSON value, refusing duplicate keys and lists longer than `max_list`.
#[derive(Clone, Copy)]
pub(crate) struct Tree<'t> {
    pub(crate) trail: &'t Trail,
    pub(crate) max_list: usize,
}

impl<'de> DeserializeSeed<'de> for Tree<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Tree<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| self.trail.fail(format!("the number {v} cannot be represented")))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        loop {
            if out.len() == self.max_list {
                // Refuse before reading the next element, so memory stays bounded.
                if seq.next_element::<de::IgnoredAny>()?.is_some() {
                    return Err(self
                        .trail
                        .fail(format!("this list has more than {} entries", self.max_list)));
                }
                break;
            }
            let len = self.trail.here.borrow().mark();
            self.trail.here.borrow_mut().push_index(out.len());
            let item = seq.next_element_seed(self)?;
            self.trail.here.borrow_mut().truncate(len);
            match item {
                Some(v) => out.push(v),
                None => break,
            }
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let len = self.trail.here.borrow().mark();
            self.trail.here.borrow_mut().push_key(&key);
            if out.contains_key(&key) {
                return Err(self.trail.fail(format!("the key {key:?} appears twice")));
            }
            let v = map.next_value_seed(self)?;
            self.trail.here.borrow_mut().truncate(len);
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// A deserializer over a `Value` that gives structs only to JSON objects.
#[derive(Clone, Copy)]
pub(crate) struct Strict<'v>(pub(crate) &'v Value);

fn unexpected(v: &Value) -> Unexpected<'_> {
    match v {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Unexpected::Unsigned(u),
            (_, Some(i), _) => Unexpected::Signed(i),
            (_, _, Some(f)) => Unexpected::Float(f),
            _ => Unexpected::Other("number"),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl<'de> Deserializer<'de> for Strict<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => v.visit_unit(),
            Value::Bool(b) => v.visit_bool(*b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    v.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    v.visit_i64(i)
                } else {
                    v.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => v.visit_borrowed_str(s),
            Value::Array(a) => v.visit_seq(Seq(a.iter())),
            Value::Object(m) => v.visit_map(Obj { iter: m.iter(), value: None }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => v.visit_none(),
            _ => v.visit_some(self),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(_) => self.deserialize_any(v),
            other => Err(de::Error::invalid_type(unexpected(other), &v)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(_) => self.deserialize_any(v),
            other => Err(de::Error::invalid_type(unexpected(other), &v)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(_) => self.deserialize_any(v),
            other => Err(de::Error::invalid_type(unexpected(other), &v)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) => {
                v.visit_enum(IntoDeserializer::<Error>::into_deserializer(s.as_str()))
            }
            other => Err(de::Error::invalid_type(unexpected(other), &v)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        v.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct tuple tuple_struct identifier ignored_any
    }
}

struct Seq<'v>(std::slice::Iter<'v, Value>);

impl<'de> SeqAccess<'de> for Seq<'de> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0.next().map(|v| seed.deserialize(Strict(v))).transpose()
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Obj<'v> {
    iter: serde_json::map::Iter<'v>,
    value: Option<&'v Value>,
}

impl<'de> MapAccess<'de> for Obj<'de> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.iter.next() {
            Some((k, v)) => {
                self.value = Some(v);
                seed.deserialize(BorrowedStrDeserializer::new(k)).map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(v) => seed.deserialize(Strict(v)),
            None => Err(de::Error::custom("value requested before its key")),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}
