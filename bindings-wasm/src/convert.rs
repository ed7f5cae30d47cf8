//! JS values to JSON values, with the JSON Pointer of anything that is not JSON.
//!
//! The wire format is the model's JSON, so a JS value is read the way `JSON.stringify`
//! would read it (`undefined` members are left out, array holes become `null`), except
//! that what JSON cannot say is refused with a path instead of being dropped or
//! crashing: cycles, `BigInt`, `Symbol`, functions, `NaN`, `Date`, `Map` and friends.
//! Size and depth are bounded before anything is copied into Wasm memory, so a huge
//! string or a deep structure is an error, never an out-of-memory abort.

use js_sys::{Array, JsString, Object, Reflect};
use niryat::messages::converter_message as said;
use niryat::pointer::Pointer;
use niryat::{MalformedInput, LIMITS};
use serde_json::{Map, Number, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Deepest nesting read. The model is at most six levels deep; this leaves room for
/// wrong but honest input while keeping Rust's recursion far from the stack's end.
const MAX_DEPTH: usize = 48;

/// What each value costs against the byte budget, beside its text.
const NODE_COST: usize = 8;

#[wasm_bindgen]
extern "C" {
    /// `Object.keys`, with a thrown exception (a hostile Proxy) caught.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(o: &JsValue) -> Result<Array, JsValue>;

    /// `Array.isArray`, which throws for a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array_checked(v: &JsValue) -> Result<bool, JsValue>;
}

/// Whether `v` is a list; `Err` for a value that cannot even be looked at (a revoked Proxy).
pub fn is_array(v: &JsValue) -> Result<bool, String> {
    is_array_checked(v).map_err(|e| said("js_unreadable", &[("error", &thrown(&e))]))
}

/// Reads `value` as JSON. `what` names the argument in messages: the key of its phrase
/// (`arg_shipment`, `arg_options`, …).
pub fn to_json(value: &JsValue, what: &str) -> Result<Value, MalformedInput> {
    let mut reader =
        Reader { budget: LIMITS.max_input_bytes, ancestors: Vec::new(), path: Pointer::root() };
    match reader.read(value, 0)? {
        Some(v) => Ok(v),
        None => Err(reader.fail(said("js_not_object", &[("arg", what), ("js", phrase(value))]))),
    }
}

struct Reader {
    /// Bytes of input still allowed (strings count their UTF-8 length).
    budget: usize,
    /// Objects being read, to tell a cycle from mere depth.
    ancestors: Vec<JsValue>,
    /// JSON Pointer of the value being read.
    path: Pointer,
}

impl Reader {
    fn fail(&self, message: String) -> MalformedInput {
        MalformedInput { path: self.path.to_string(), message, line: None, column: None }
    }

    fn spend(&mut self, bytes: usize) -> Result<(), MalformedInput> {
        match self.budget.checked_sub(bytes) {
            Some(rest) => {
                self.budget = rest;
                Ok(())
            }
            None => {
                Err(self
                    .fail(said("js_too_large", &[("max", &LIMITS.max_input_bytes.to_string())])))
            }
        }
    }

    /// `None` means "leave out" (undefined), as JSON.stringify does for members.
    fn read(&mut self, v: &JsValue, depth: usize) -> Result<Option<Value>, MalformedInput> {
        self.spend(NODE_COST)?;
        if v.is_undefined() {
            return Ok(None);
        }
        if v.is_null() {
            return Ok(Some(Value::Null));
        }
        if let Some(b) = v.as_bool() {
            return Ok(Some(Value::Bool(b)));
        }
        if let Some(n) = v.as_f64() {
            return self.number(n).map(Some);
        }
        if v.is_string() {
            return self.string(v).map(Some);
        }
        if v.is_bigint() {
            return Err(self.fail(said("js_bigint", &[])));
        }
        if v.is_symbol() || v.is_function() || !v.is_object() {
            return Err(self.fail(said("js_not_json", &[("js", phrase(v))])));
        }
        self.container(v, depth).map(Some)
    }

    fn number(&self, n: f64) -> Result<Value, MalformedInput> {
        // Integers that JS holds exactly stay integers, as JSON text would give them.
        if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
            return Ok(Value::Number(Number::from(n as i64)));
        }
        Number::from_f64(n)
            .map(Value::Number)
            .ok_or_else(|| self.fail(said("js_number", &[("value", &js_number(n))])))
    }

    fn string(&mut self, v: &JsValue) -> Result<Value, MalformedInput> {
        // Check the length before copying: a UTF-16 unit is at most 3 bytes of UTF-8.
        let units = v.unchecked_ref::<JsString>().length() as usize;
        if units > self.budget {
            return Err(self.fail(said("js_long_text", &[("size", &units.to_string())])));
        }
        let s = v.as_string().unwrap_or_default();
        self.spend(s.len())?;
        Ok(Value::String(s))
    }

    fn container(&mut self, v: &JsValue, depth: usize) -> Result<Value, MalformedInput> {
        if self.ancestors.iter().any(|a| Object::is(a, v)) {
            return Err(self.fail(said("js_cycle", &[])));
        }
        if depth >= MAX_DEPTH {
            return Err(self.fail(said("js_deep", &[("max", &MAX_DEPTH.to_string())])));
        }
        if let Some(kind) = non_json_object(v) {
            let refusal = match kind {
                "js_date" => said("js_date", &[]),
                "js_map" => said("js_map", &[]),
                _ => said("js_not_json", &[("js", kind)]),
            };
            return Err(self.fail(refusal));
        }
        let list = is_array(v).map_err(|m| self.fail(m))?;
        self.ancestors.push(v.clone());
        let out = if list { self.array(v, depth) } else { self.object(v, depth) };
        self.ancestors.pop();
        out
    }

    fn get(&self, v: &JsValue, key: &JsValue) -> Result<JsValue, MalformedInput> {
        Reflect::get(v, key).map_err(|e| self.fail(said("js_threw", &[("error", &thrown(&e))])))
    }

    fn array(&mut self, v: &JsValue, depth: usize) -> Result<Value, MalformedInput> {
        let len = self.get(v, &JsValue::from_str("length"))?.as_f64().unwrap_or(0.0);
        if !(0.0..=(self.budget / NODE_COST) as f64).contains(&len) {
            return Err(self.fail(said("js_list_long", &[("count", &len.to_string())])));
        }
        let len = len as u32;
        let mut out = Vec::with_capacity(len as usize);
        let base = self.path.mark();
        for i in 0..len {
            self.path.push_index(i as usize);
            let item = self.get(v, &JsValue::from(i))?;
            out.push(self.read(&item, depth + 1)?.unwrap_or(Value::Null));
            self.path.truncate(base);
        }
        Ok(Value::Array(out))
    }

    fn object(&mut self, v: &JsValue, depth: usize) -> Result<Value, MalformedInput> {
        let keys = object_keys(v)
            .map_err(|e| self.fail(said("js_keys_threw", &[("error", &thrown(&e))])))?;
        let mut out = Map::new();
        let base = self.path.mark();
        for key in keys.iter() {
            let name = key.as_string().unwrap_or_default();
            self.spend(name.len())?;
            self.path.push_key(&name);
            let item = self.get(v, &key)?;
            if let Some(value) = self.read(&item, depth + 1)? {
                out.insert(name, value);
            }
            self.path.truncate(base);
        }
        Ok(Value::Object(out))
    }
}

/// Objects that have no JSON form, as the key of the phrase that names them.
fn non_json_object(v: &JsValue) -> Option<&'static str> {
    if v.is_instance_of::<js_sys::Date>() {
        Some("js_date")
    } else if v.is_instance_of::<js_sys::Map>() {
        Some("js_map")
    } else if v.is_instance_of::<js_sys::Set>() {
        Some("js_set")
    } else if v.is_instance_of::<js_sys::ArrayBuffer>() || js_sys::ArrayBuffer::is_view(v) {
        Some("js_binary")
    } else if v.is_instance_of::<js_sys::RegExp>() {
        Some("js_regexp")
    } else if v.is_instance_of::<js_sys::Promise>() {
        Some("js_promise")
    } else {
        None
    }
}

/// A number that JSON cannot hold, as JavaScript writes it.
fn js_number(n: f64) -> String {
    if n.is_nan() {
        "NaN".into()
    } else if n > 0.0 {
        "Infinity".into()
    } else {
        "-Infinity".into()
    }
}

/// The key of the phrase that names the kind of a JS value (see [`describe`]).
fn phrase(v: &JsValue) -> &'static str {
    if v.is_undefined() {
        "js_undefined"
    } else if v.is_null() {
        "js_null"
    } else if v.is_bigint() {
        "js_bigint"
    } else if v.is_symbol() {
        "js_symbol"
    } else if v.is_function() {
        "js_function"
    } else if v.is_string() {
        "js_string"
    } else if v.as_f64().is_some() {
        "js_number"
    } else if v.as_bool().is_some() {
        "js_boolean"
    } else if is_array(v).unwrap_or(false) {
        "js_list"
    } else {
        "js_object"
    }
}

/// A short description of a JS value for messages ("a function", "undefined").
pub fn describe(v: &JsValue) -> String {
    let key = phrase(v);
    niryat::messages::PHRASES.iter().find(|p| p.0 == key).map_or(key, |p| p.1).to_string()
}

/// The message of something a getter or Proxy threw.
fn thrown(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| describe(e))
}
