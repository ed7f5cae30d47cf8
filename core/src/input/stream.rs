//! One pass from JSON text to the model.
//!
//! serde's derived `Deserialize` accepts a JSON *array* where a struct is expected (fields
//! in order), serde_json takes `{"variant": null}` for a unit enum variant, and neither
//! minds a key that appears twice. [`Checked`] wraps a deserializer (serde_json's, over the
//! input text) and, as the model is read from it, refuses
//!
//! - anything but an object where a struct or a map is expected,
//! - anything but a string where an enum is expected,
//! - a key that appears twice in one object,
//! - a list longer than its limit, before the entry past the limit is kept (so memory stays
//!   bounded), and more package content entries in all than the limit for them.
//!
//! It keeps the path of the value being read as a stack of keys (borrowed from the text where
//! serde_json can lend them) and list indexes; the JSON Pointer is only written out when
//! reading fails, by [`Reader::pointer`]. Nothing is copied for the path on the way.

use super::LIMITS;
use crate::pointer::Pointer;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

/// One step of the path: a key (its place in [`Reader::keys`]) or a list index.
#[derive(Clone, Copy)]
enum Step {
    Key(usize),
    Index(usize),
}

/// An object with more keys than this keeps them in a hash set to find a repeated key; the
/// model's objects have fewer, so a plain scan serves every shipment.
const FEW_KEYS: usize = 32;

/// What reading knows besides the text: where it is, the keys of the objects it is in, and
/// the count the limit on package contents needs.
#[derive(Default)]
pub(crate) struct Reader<'de> {
    /// Keys of the objects being read, outermost first. An object owns the tail from its
    /// mark: every key read so far, or (once it has more than [`FEW_KEYS`]) just the key
    /// being read, the others being in its hash set.
    keys: Vec<Cow<'de, str>>,
    /// The path of the value being read. Steps are pushed before a value is read and popped
    /// after it was read, so when an error comes back the path is where it happened.
    path: Vec<Step>,
    /// A failure whose place is not the value being read (the package contents in all).
    failed_at: Option<&'static str>,
    /// Package content entries read so far, over all packages.
    contents: usize,
    /// The text is a request that carries shipments as values, not a shipment: its lists are
    /// bounded by the input's size alone (each shipment's own lists are checked when it is
    /// read from its value).
    request: bool,
}

impl Reader<'_> {
    /// A reader for a request that carries shipments (see [`Reader::request`]).
    pub(crate) fn for_request() -> Self {
        Reader { request: true, ..Reader::default() }
    }

    /// The JSON Pointer of the value being read when reading stopped.
    pub(crate) fn pointer(&self) -> String {
        if let Some(p) = self.failed_at {
            return p.to_string();
        }
        let mut p = Pointer::root();
        for step in &self.path {
            match *step {
                Step::Key(i) => p.push_key(self.keys.get(i).map_or("", |k| k)),
                Step::Index(i) => p.push_index(i),
            }
        }
        p.into_string()
    }

    fn key(&self, step: Option<&Step>) -> Option<&str> {
        match step {
            Some(Step::Key(i)) => self.keys.get(*i).map(|k| &**k),
            _ => None,
        }
    }

    /// The most entries the list about to be read may have, and whether it is a package's
    /// contents (which also count towards the limit for all packages).
    fn list_limit(&self) -> (usize, bool) {
        if self.request {
            return (usize::MAX, false);
        }
        let l = LIMITS;
        let at = |i: usize| self.key(self.path.get(i));
        match (self.path.len(), at(0), at(1)) {
            (1, Some("items"), _) => (l.max_items, false),
            (1, Some("packages"), _) => (l.max_packages, false),
            (2, Some("invoice"), Some("other_references"))
            | (2, Some("postal"), Some("licences" | "certificates"))
            | (2, Some("exporter"), Some("branches")) => (l.max_list, false),
            // `packages`, an index, `contents`.
            (3, Some("packages"), None) if at(2) == Some("contents") => (l.max_list, true),
            // Any other list (the realisations, or a list inside the tax object's buffer).
            _ => (l.max_items.max(l.max_packages), false),
        }
    }
}

/// The most package content entries in all packages together.
fn contents_in_all() -> usize {
    LIMITS.max_items.saturating_mul(10)
}

/// A deserializer that reads strictly (see the module documentation).
pub(crate) struct Checked<'r, 'de, D> {
    pub(crate) de: D,
    pub(crate) r: &'r mut Reader<'de>,
}

macro_rules! forward_plain {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
            self.de.$method(v)
        }
    )*};
}

macro_rules! forward_whole {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
            self.de.$method(Whole { v })
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Checked<'_, 'de, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_any(Wrap { v, r: self.r })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        // serde_json's `deserialize_struct` would also take an array; its map does not.
        self.de.deserialize_map(Wrap { v, r: self.r })
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_map(Wrap { v, r: self.r })
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_seq(Wrap { v, r: self.r })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_tuple(len, Wrap { v, r: self.r })
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_tuple_struct(name, len, Wrap { v, r: self.r })
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_option(Wrap { v, r: self.r })
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_newtype_struct(name, Wrap { v, r: self.r })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        // The model's enums read here are all unit variants, written as strings.
        self.de.deserialize_str(Variant(v))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_unit_struct(name, v)
    }

    // Whole numbers: JSON Schema counts `899.0` and `9e2` as integers, and so does the
    // shipment's schema, so they are read as the whole numbers they are.
    forward_whole! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
    }

    // Values that hold no other value: nothing to check inside them.
    forward_plain! {
        deserialize_bool deserialize_f32 deserialize_f64 deserialize_char deserialize_str
        deserialize_string deserialize_bytes deserialize_byte_buf deserialize_unit
        deserialize_identifier deserialize_ignored_any
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// A seed that reads its value through [`Checked`].
struct Seed<'r, 'de, T> {
    seed: T,
    r: &'r mut Reader<'de>,
}

impl<'de, T: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<'_, 'de, T> {
    type Value = T::Value;
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<T::Value, D::Error> {
        self.seed.deserialize(Checked { de, r: self.r })
    }
}

/// A visitor whose lists, objects and optional values are read through [`Checked`].
struct Wrap<'r, 'de, V> {
    v: V,
    r: &'r mut Reader<'de>,
}

macro_rules! forward_visit {
    // Every value a visitor is given but f64 and the ones that hold other values: what both
    // [`Wrap`] and [`Whole`] hand on unchanged.
    (scalars but f64) => {
        forward_visit! {
            visit_bool(bool) visit_i8(i8) visit_i16(i16) visit_i32(i32) visit_i64(i64)
            visit_i128(i128) visit_u8(u8) visit_u16(u16) visit_u32(u32) visit_u64(u64)
            visit_u128(u128) visit_f32(f32) visit_char(char) visit_str(&str)
            visit_borrowed_str(&'de str) visit_string(String) visit_bytes(&[u8])
            visit_borrowed_bytes(&'de [u8]) visit_byte_buf(Vec<u8>)
        }
    };
    ($($method:ident($t:ty))*) => {$(
        fn $method<E: de::Error>(self, x: $t) -> Result<V::Value, E> {
            self.v.$method(x)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.v.expecting(f)
    }

    forward_visit!(scalars but f64);

    fn visit_f64<E: de::Error>(self, x: f64) -> Result<V::Value, E> {
        if x.is_finite() {
            self.v.visit_f64(x)
        } else {
            Err(E::custom(format_args!("the number {x} cannot be represented")))
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.v.visit_unit()
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.v.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<V::Value, D::Error> {
        self.v.visit_some(Checked { de, r: self.r })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, de: D) -> Result<V::Value, D::Error> {
        self.v.visit_newtype_struct(Checked { de, r: self.r })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, a: A) -> Result<V::Value, A::Error> {
        let (limit, contents) = self.r.list_limit();
        self.v.visit_seq(Seq { a, r: self.r, n: 0, limit, contents })
    }

    fn visit_map<A: MapAccess<'de>>(self, a: A) -> Result<V::Value, A::Error> {
        let mark = self.r.keys.len();
        self.v.visit_map(Map { a, r: self.r, mark, seen: None, pushed: false, count: 0 })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, a: A) -> Result<V::Value, A::Error> {
        self.v.visit_enum(a)
    }
}

/// A visitor for a whole number that also takes a JSON number written with a fraction or an
/// exponent when its value is whole (`899.0`, `9e2`); any other value goes to the visitor
/// as it came, to be refused there. Both readers (this one and [`super::strict`]) use it.
pub(super) struct Whole<V> {
    pub(super) v: V,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Whole<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.v.expecting(f)
    }

    fn visit_f64<E: de::Error>(self, x: f64) -> Result<V::Value, E> {
        // Every whole f64 in these ranges is exact as an integer (the casts do not round);
        // the visitor then says whether it fits its own type.
        if x.fract() == 0.0 && x >= 0.0 && x < u64::MAX as f64 {
            self.v.visit_u64(x as u64)
        } else if x.fract() == 0.0 && x >= i64::MIN as f64 && x < 0.0 {
            self.v.visit_i64(x as i64)
        } else {
            self.v.visit_f64(x)
        }
    }

    forward_visit!(scalars but f64);
}

/// An enum read from a string only.
struct Variant<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for Variant<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<V::Value, E> {
        self.0.visit_enum(de::value::BorrowedStrDeserializer::<E>::new(s))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<V::Value, E> {
        self.0.visit_enum(de::IntoDeserializer::<E>::into_deserializer(s))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<V::Value, E> {
        self.visit_str(&s)
    }
}

/// A list's entries, each read through [`Checked`] at its index, up to the list's limit.
struct Seq<'r, 'de, A> {
    a: A,
    r: &'r mut Reader<'de>,
    n: usize,
    limit: usize,
    contents: bool,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Seq<'_, 'de, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let in_all = self.contents && self.r.contents >= contents_in_all();
        if self.n >= self.limit || in_all {
            // At the limit: one more entry is skipped over, not kept, and refused.
            if self.a.next_element::<IgnoredAny>()?.is_none() {
                return Ok(None);
            }
            if self.n >= self.limit {
                return Err(de::Error::custom(format_args!(
                    "this list has more than {} entries",
                    self.limit
                )));
            }
            self.r.failed_at = Some("/packages");
            return Err(de::Error::custom(format_args!(
                "more than {} package content entries in all",
                contents_in_all()
            )));
        }
        self.r.path.push(Step::Index(self.n));
        let entry = self.a.next_element_seed(Seed { seed, r: &mut *self.r })?;
        self.r.path.pop();
        if entry.is_some() {
            self.n += 1;
            if self.contents {
                self.r.contents += 1;
            }
        }
        Ok(entry)
    }

    fn size_hint(&self) -> Option<usize> {
        self.a.size_hint().map(|n| n.min(self.limit))
    }
}

/// An object's entries: each key is checked against the keys before it and is on the path
/// while its value is read through [`Checked`].
struct Map<'r, 'de, A> {
    a: A,
    r: &'r mut Reader<'de>,
    /// Where this object's keys start in [`Reader::keys`].
    mark: usize,
    /// This object's keys, once it has more than [`FEW_KEYS`].
    seen: Option<HashSet<Cow<'de, str>>>,
    /// Whether the last key read is on the path (a key that was not a string is not).
    pushed: bool,
    /// Keys this object has put in [`Reader::keys`] while it keeps them all.
    count: usize,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Map<'_, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if self.seen.is_none() {
            // Keys an inner object left behind (one whose reader stopped before its end)
            // are not this object's.
            self.r.keys.truncate(self.mark + self.count);
        }
        let depth = self.r.path.len();
        let key = self.a.next_key_seed(KeySeed {
            seed,
            keys: Keys { r: &mut *self.r, mark: self.mark, seen: &mut self.seen },
        })?;
        self.pushed = self.r.path.len() > depth;
        if self.pushed {
            self.count += 1;
        }
        if key.is_none() {
            self.r.keys.truncate(self.mark);
        }
        Ok(key)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        let value = self.a.next_value_seed(Seed { seed, r: &mut *self.r })?;
        if std::mem::take(&mut self.pushed) {
            self.r.path.pop();
        }
        Ok(value)
    }

    fn size_hint(&self) -> Option<usize> {
        self.a.size_hint()
    }
}

/// One object's keys, as a key is read.
struct Keys<'a, 'de> {
    r: &'a mut Reader<'de>,
    mark: usize,
    seen: &'a mut Option<HashSet<Cow<'de, str>>>,
}

impl<'de> Keys<'_, 'de> {
    /// Puts `key` on the path; refuses it when the object had it already.
    fn record<E: de::Error>(self, key: Cow<'de, str>) -> Result<(), E> {
        let r = self.r;
        let twice = match self.seen {
            Some(set) => {
                let twice = !set.insert(key.clone());
                r.keys.truncate(self.mark);
                twice
            }
            None => r.keys[self.mark..].contains(&key),
        };
        r.keys.push(key);
        let i = r.keys.len() - 1;
        r.path.push(Step::Key(i));
        if twice {
            return Err(E::custom(format_args!("the key {:?} appears twice", &*r.keys[i])));
        }
        if self.seen.is_none() && i - self.mark >= FEW_KEYS {
            // From here on, only the key being read stays in `keys`.
            let mut set: HashSet<Cow<'de, str>> = r.keys.drain(self.mark..i).collect();
            set.insert(r.keys[self.mark].clone());
            *self.seen = Some(set);
            if let Some(last) = r.path.last_mut() {
                *last = Step::Key(self.mark);
            }
        }
        Ok(())
    }
}

/// A seed that reads an object key through [`KeyDe`].
struct KeySeed<'a, 'de, K> {
    seed: K,
    keys: Keys<'a, 'de>,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, 'de, K> {
    type Value = K::Value;
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<K::Value, D::Error> {
        self.seed.deserialize(KeyDe { de, keys: self.keys })
    }
}

/// The deserializer of an object key: whatever the key's type asks for, the text of the key
/// is recorded by [`KeyVisitor`] on its way to the key's visitor.
struct KeyDe<'a, 'de, D> {
    de: D,
    keys: Keys<'a, 'de>,
}

macro_rules! forward_key {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
            self.de.$method(KeyVisitor { v, keys: self.keys })
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for KeyDe<'_, 'de, D> {
    type Error = D::Error;

    forward_key! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32
        deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_unit_struct(name, KeyVisitor { v, keys: self.keys })
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_newtype_struct(name, KeyVisitor { v, keys: self.keys })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_tuple(len, KeyVisitor { v, keys: self.keys })
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_tuple_struct(name, len, KeyVisitor { v, keys: self.keys })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_struct(name, fields, KeyVisitor { v, keys: self.keys })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_enum(name, variants, KeyVisitor { v, keys: self.keys })
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// Records a key's text (see [`Keys::record`]), then hands it to the key's own visitor.
struct KeyVisitor<'a, 'de, V> {
    v: V,
    keys: Keys<'a, 'de>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for KeyVisitor<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.v.expecting(f)
    }

    fn visit_borrowed_str<E: de::Error>(self, k: &'de str) -> Result<V::Value, E> {
        self.keys.record(Cow::Borrowed(k))?;
        self.v.visit_borrowed_str(k)
    }

    fn visit_str<E: de::Error>(self, k: &str) -> Result<V::Value, E> {
        self.keys.record(Cow::Owned(k.to_owned()))?;
        self.v.visit_str(k)
    }

    fn visit_string<E: de::Error>(self, k: String) -> Result<V::Value, E> {
        self.keys.record(Cow::Owned(k.clone()))?;
        self.v.visit_string(k)
    }

    // A key that is not text (serde_json reads numeric keys this way) is not recorded.
    forward_visit! {
        visit_bool(bool) visit_i8(i8) visit_i16(i16) visit_i32(i32) visit_i64(i64)
        visit_i128(i128) visit_u8(u8) visit_u16(u16) visit_u32(u32) visit_u64(u64)
        visit_u128(u128) visit_f32(f32) visit_f64(f64) visit_char(char) visit_bytes(&[u8])
        visit_borrowed_bytes(&'de [u8]) visit_byte_buf(Vec<u8>)
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.v.visit_unit()
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.v.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<V::Value, D::Error> {
        self.v.visit_some(de)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, de: D) -> Result<V::Value, D::Error> {
        self.v.visit_newtype_struct(de)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, a: A) -> Result<V::Value, A::Error> {
        self.v.visit_seq(a)
    }

    fn visit_map<A: MapAccess<'de>>(self, a: A) -> Result<V::Value, A::Error> {
        self.v.visit_map(a)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, a: A) -> Result<V::Value, A::Error> {
        self.v.visit_enum(a)
    }
}

#[cfg(test)]
mod tests {
    use super::{Checked, Reader};
    use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

    /// Takes the first entry of an object and stops reading it there.
    struct FirstEntry;

    impl<'de> Deserialize<'de> for FirstEntry {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct First;
            impl<'de> Visitor<'de> for First {
                type Value = FirstEntry;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<FirstEntry, A::Error> {
                    m.next_entry::<String, u32>()?;
                    Ok(FirstEntry)
                }
            }
            d.deserialize_map(First)
        }
    }

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        a: FirstEntry,
        x: u32,
    }

    fn read(json: &str) -> Result<Outer, String> {
        let mut r = Reader::default();
        let mut de = serde_json::Deserializer::from_str(json);
        Outer::deserialize(Checked { de: &mut de, r: &mut r })
            .map_err(|e| format!("{}: {e}", r.pointer()))
    }

    #[test]
    fn keys_an_inner_object_left_behind_are_not_the_outer_objects() {
        // The inner object's key `x` stays in the key stack (its reader stopped early); the
        // outer object's own `x` is not a repeat.
        assert!(read(r#"{"a": {"x": 1}, "x": 2}"#).is_ok());
        let e = read(r#"{"a": {"x": 1}, "x": 2, "x": 3}"#).err().unwrap_or_default();
        assert!(e.starts_with("/x: the key \"x\" appears twice"), "{e}");
    }
}
