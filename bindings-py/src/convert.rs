//! Python objects → serde_json values and shipments; names → core enums.
//!
//! The walk is written here rather than done by pythonize's deserializer because a binding
//! must survive what a script hands it: a cyclic dict would send a serde walk into unbounded
//! recursion (a stack overflow kills the interpreter), `float("nan")` would silently become
//! `null`, and a non-string key would lose its place. Every refusal here names the JSON
//! Pointer of the bad value, like the core's own type errors.

use crate::errors::Failure;
use niryat::messages::converter_message as said;
use niryat::render::{Flavor, Format, Lang};
use niryat::{DocKind, MalformedInput, Shipment};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple,
    PyType,
};
use serde_json::{Map, Number, Value};
use std::borrow::Cow;

/// Deepest nesting accepted in a dict input; serde_json's parser stops JSON text at the same depth.
pub(crate) const MAX_DEPTH: usize = 128;

/// A shipment as handed over by Python, held so that parsing can run without the GIL.
pub(crate) enum Input<'a> {
    /// A dict (or other JSON-like object), already converted.
    Value(Value),
    /// JSON text borrowed from an immutable `bytes` object.
    Borrowed(&'a [u8]),
    /// JSON text from a `str` (borrowed where the interpreter keeps UTF-8, else copied).
    Text(Cow<'a, str>),
    /// JSON text copied out of a `bytearray`.
    Owned(Vec<u8>),
}

impl Input<'_> {
    /// Parses the shipment. Needs no Python: call it with the GIL released.
    pub(crate) fn parse(&self) -> Result<Shipment, MalformedInput> {
        match self {
            Input::Value(v) => niryat::parse_value(v),
            Input::Borrowed(b) => niryat::parse_json(b),
            Input::Text(t) => niryat::parse_json(t.as_bytes()),
            Input::Owned(b) => niryat::parse_json(b),
        }
    }
}

/// Reads the `shipment` argument: `str`/`bytes`/`bytearray` are JSON text, anything else is
/// converted as a JSON-like value (a `dict`, normally; `None` or a list fail in the core
/// with the same message as the JSON `null` or `[]` would).
pub(crate) fn read_input<'a>(obj: &'a Bound<'_, PyAny>) -> Result<Input<'a>, MalformedInput> {
    if let Ok(s) = obj.cast::<PyString>() {
        return s
            .to_cow()
            .map(Input::Text)
            .map_err(|_| malformed(String::new(), said("py_not_unicode", &[])));
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Input::Borrowed(b.as_bytes()));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Input::Owned(b.to_vec()));
    }
    to_value(obj).map(Input::Value)
}

fn malformed(path: String, message: String) -> MalformedInput {
    MalformedInput { path, message, line: None, column: None }
}

/// A refusal on the way down; the pointer is assembled on the way back up.
struct Refusal {
    /// Path segments (keys as given, indexes as numbers), innermost first.
    segments: Vec<String>,
    message: String,
}

impl Refusal {
    /// The refusal of `variant` of `niryat::messages::CONVERTERS` (the English and Hindi of
    /// every converter message are there).
    fn said(variant: &str, params: &[(&'static str, &str)]) -> Refusal {
        Refusal { segments: Vec::new(), message: said(variant, params) }
    }

    fn under(mut self, segment: String) -> Refusal {
        self.segments.push(segment);
        self
    }

    fn into_malformed(self) -> MalformedInput {
        let path =
            niryat::pointer::Pointer::from_segments(self.segments.iter().rev().map(String::as_str));
        malformed(path.into_string(), self.message)
    }
}

/// Converts a JSON-like Python object to a JSON value.
///
/// Accepted: `dict` and other mappings with `str` keys, `list`, `tuple`, `str`, `int` (and
/// other integers that have `__index__`, such as numpy's), finite `float`, `bool`, `None`,
/// finite `decimal.Decimal` (as its exact decimal string, the form the model prefers for
/// money), `datetime.date` (as ISO 8601 text) and a `datetime.datetime` at midnight (as its
/// date).
pub(crate) fn to_value(obj: &Bound<'_, PyAny>) -> Result<Value, MalformedInput> {
    walk(obj, 0).map_err(Refusal::into_malformed)
}

fn walk(obj: &Bound<'_, PyAny>, depth: usize) -> Result<Value, Refusal> {
    if let Ok(s) = obj.cast::<PyString>() {
        return s
            .to_cow()
            .map(|c| Value::String(c.into_owned()))
            .map_err(|_| Refusal::said("py_not_unicode", &[]));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let depth = deeper(depth)?;
        let mut map = Map::new();
        for (k, v) in d.iter() {
            entry(&mut map, &k, &v, depth)?;
        }
        return Ok(Value::Object(map));
    }
    if let Ok(l) = obj.cast::<PyList>() {
        let depth = deeper(depth)?;
        let mut out = Vec::with_capacity(l.len());
        for (i, v) in l.iter().enumerate() {
            out.push(walk(&v, depth).map_err(|r| r.under(i.to_string()))?);
        }
        return Ok(Value::Array(out));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.cast::<PyInt>().is_ok() {
        return integer(obj);
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| Refusal::said("not_finite", &[]));
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        let depth = deeper(depth)?;
        let mut out = Vec::with_capacity(t.len());
        for (i, v) in t.iter().enumerate() {
            out.push(walk(&v, depth).map_err(|r| r.under(i.to_string()))?);
        }
        return Ok(Value::Array(out));
    }
    if is_instance(obj, &DECIMAL, "decimal", "Decimal") {
        let unreadable = || Refusal::said("py_decimal", &[]);
        let finite =
            obj.call_method0("is_finite").and_then(|f| f.is_truthy()).map_err(|_| unreadable())?;
        if !finite {
            return Err(Refusal::said("not_finite", &[]));
        }
        let text = obj.call_method1("__format__", ("f",)).and_then(|s| s.extract::<String>());
        return text.map(Value::String).map_err(|_| unreadable());
    }
    if is_instance(obj, &DATETIME, "datetime", "datetime") {
        return date_of_datetime(obj);
    }
    if is_instance(obj, &DATE, "datetime", "date") {
        let text = obj.call_method0("isoformat").and_then(|s| s.extract::<String>());
        return text.map(Value::String).map_err(|_| Refusal::said("py_date", &[]));
    }
    // Other integer types say so with `__index__` (numpy's and pandas' integer scalars, what
    // a script gets from a DataFrame row): their exact value, as `operator.index` gives it.
    if obj.hasattr("__index__").unwrap_or(false) {
        let unreadable = || Refusal::said("py_as_integer", &[("type", &type_name(obj))]);
        let int = obj.call_method0("__index__").map_err(|_| unreadable())?;
        if int.cast::<PyInt>().is_err() {
            return Err(unreadable());
        }
        return integer(&int);
    }
    if let Ok(m) = obj.cast::<PyMapping>() {
        let depth = deeper(depth)?;
        let items = m.items().map_err(|_| Refusal::said("py_mapping", &[]))?;
        let mut map = Map::new();
        for pair in items.iter() {
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) =
                pair.extract().map_err(|_| Refusal::said("py_mapping", &[]))?;
            entry(&mut map, &k, &v, depth)?;
        }
        return Ok(Value::Object(map));
    }
    Err(Refusal::said("py_type", &[("type", &type_name(obj))]))
}

/// A `datetime.datetime` (a pandas `Timestamp`, what a date column of a spreadsheet becomes)
/// at midnight is the date it starts; the model's dates have no time of day, so any other time
/// is refused rather than cut off.
fn date_of_datetime(obj: &Bound<'_, PyAny>) -> Result<Value, Refusal> {
    let unreadable = || Refusal::said("py_as_date", &[("type", &type_name(obj))]);
    let mut midnight = true;
    for part in ["hour", "minute", "second", "microsecond"] {
        let v = obj.getattr(part).and_then(|v| v.extract::<u32>()).map_err(|_| unreadable())?;
        midnight &= v == 0;
    }
    if !midnight {
        return Err(Refusal::said("py_datetime", &[]));
    }
    let date = obj.call_method0("date").map_err(|_| unreadable())?;
    if !is_instance(&date, &DATE, "datetime", "date") {
        return Err(unreadable());
    }
    let text = date.call_method0("isoformat").and_then(|s| s.extract::<String>());
    text.map(Value::String).map_err(|_| unreadable())
}

/// A Python `int` as a JSON number.
fn integer(obj: &Bound<'_, PyAny>) -> Result<Value, Refusal> {
    if let Ok(i) = obj.extract::<i64>() {
        return Ok(Value::Number(i.into()));
    }
    if let Ok(u) = obj.extract::<u64>() {
        return Ok(Value::Number(u.into()));
    }
    Err(Refusal::said("py_int_large", &[]))
}

fn entry(
    map: &mut Map<String, Value>,
    k: &Bound<'_, PyAny>,
    v: &Bound<'_, PyAny>,
    depth: usize,
) -> Result<(), Refusal> {
    let key = match k.cast::<PyString>() {
        Ok(s) => s.to_cow().map_err(|_| Refusal::said("py_key_not_unicode", &[]))?.into_owned(),
        Err(_) => {
            return Err(Refusal::said("py_key_type", &[("type", &type_name(k))]));
        }
    };
    let value = walk(v, depth).map_err(|r| r.under(key.clone()))?;
    map.insert(key, value);
    Ok(())
}

fn deeper(depth: usize) -> Result<usize, Refusal> {
    if depth >= MAX_DEPTH {
        Err(Refusal::said("py_deep", &[("max", &MAX_DEPTH.to_string())]))
    } else {
        Ok(depth + 1)
    }
}

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn is_instance(
    obj: &Bound<'_, PyAny>,
    cell: &'static PyOnceLock<Py<PyType>>,
    module: &str,
    name: &str,
) -> bool {
    match cell.import(obj.py(), module, name) {
        Ok(ty) => obj.is_instance(ty).unwrap_or(false),
        Err(_) => false,
    }
}

pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".into())
}

/// Parses a document kind name (the library's parser and message).
pub(crate) fn doc_kind(name: &str) -> Result<DocKind, niryat::Error> {
    Ok(name.parse::<DocKind>()?)
}

/// Reads `for_`: `None`, one kind name, or an iterable of kind names.
pub(crate) fn targets(obj: Option<&Bound<'_, PyAny>>) -> Result<Option<Vec<DocKind>>, Failure> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Some(vec![doc_kind(&s.to_cow()?)?]));
    }
    let mut kinds = Vec::new();
    for item in obj.try_iter().map_err(|_| for_type_error(obj))? {
        let item = item?;
        let Ok(s) = item.cast::<PyString>() else {
            return Err(for_type_error(&item).into());
        };
        kinds.push(doc_kind(&s.to_cow()?)?);
    }
    Ok(Some(kinds))
}

fn for_type_error(obj: &Bound<'_, PyAny>) -> PyErr {
    pyo3::exceptions::PyTypeError::new_err(format!(
        "for_ takes a document kind name or a list of them, not {}",
        type_name(obj)
    ))
}

/// Parses a label language name (the library's parser and message).
pub(crate) fn lang(name: &str) -> Result<Lang, niryat::Error> {
    Ok(name.parse::<Lang>()?)
}

/// Parses an output format name; none means the document's own text format.
pub(crate) fn format(name: Option<&str>, kind: DocKind) -> Result<Format, niryat::Error> {
    match name {
        None => Ok(niryat::render::default_text_format(kind)),
        Some(n) => Ok(n.parse::<Format>()?),
    }
}

/// Parses an XML flavour name.
pub(crate) fn flavor(name: Option<&str>) -> Result<Option<Flavor>, niryat::Error> {
    name.map(str::parse::<Flavor>).transpose().map_err(niryat::Error::from)
}

/// Checks a number of copies (1 to 3; none = the document's default).
pub(crate) fn copies(n: Option<i64>) -> Result<u8, niryat::Error> {
    let copies = n.map(niryat::names::Copies::new).transpose()?;
    Ok(niryat::names::Copies::or_default(copies))
}
