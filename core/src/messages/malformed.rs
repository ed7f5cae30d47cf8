//! Messages of input that is not a shipment ([`MalformedInput`]) in English and Hindi.
//!
//! The readers word these messages in English as they go (serde's words, put in JSON's by
//! `input::plain_words`; niryat's own for limits, repeated keys and dates). To give one in
//! another language, [`MalformedInput::message_in`] reads the English back into one of the
//! templates below and its params, and fills the template in the language asked for. The
//! reading is checked: the English template, filled, must give the message back exactly;
//! a message that does not (an unforeseen wording, a quoted value cut in the template) stays
//! in English in every language rather than be said differently.

use super::{render_parts, Template, PHRASES};
use crate::error::MalformedInput;
use crate::render::Lang;
use std::collections::BTreeMap;

/// The code every message here is given under.
pub const CODE: &str = "malformed_input";

/// The templates of malformed input, one per wording (`variant`).
pub static MALFORMED: &[Template] = &[
    Template {
        code: CODE,
        variant: "type_of",
        en: "invalid type: {found:phrase} {value}, expected {expected:phrase}",
        hi: "गलत प्रकार ({found:phrase} {value}): {expected:phrase} चाहिए",
    },
    Template {
        code: CODE,
        variant: "type",
        en: "invalid type: {found:phrase}, expected {expected:phrase}",
        hi: "गलत प्रकार ({found:phrase}): {expected:phrase} चाहिए",
    },
    Template {
        code: CODE,
        variant: "value_of",
        en: "invalid value: {found:phrase} {value}, expected {expected:phrase}",
        hi: "अमान्य मान ({found:phrase} {value}): {expected:phrase} चाहिए",
    },
    Template {
        code: CODE,
        variant: "unknown_word",
        en: "unknown variant `{value}`, expected {allowed:oneof}",
        hi: "अज्ञात शब्द `{value}`: {allowed:oneof} होना चाहिए",
    },
    Template {
        code: CODE,
        variant: "unknown_field",
        en: "unknown field `{value}`, expected {allowed:oneof}",
        hi: "अज्ञात फ़ील्ड `{value}`: यहाँ का फ़ील्ड {allowed:oneof} होना चाहिए",
    },
    Template {
        code: CODE,
        variant: "unknown_field_none",
        en: "unknown field `{value}`, there are no fields",
        hi: "अज्ञात फ़ील्ड `{value}`: यहाँ कोई फ़ील्ड नहीं होता",
    },
    Template {
        code: CODE,
        variant: "key_twice",
        en: "the key {key:q} appears twice",
        hi: "कुंजी {key:q} दो बार आई है",
    },
    Template {
        code: CODE,
        variant: "list_long",
        en: "this list has more than {max} entries",
        hi: "इस सूची में {max} से अधिक प्रविष्टियाँ हैं",
    },
    Template {
        code: CODE,
        variant: "contents_in_all",
        en: "more than {max} package content entries in all",
        hi: "सभी पैकेजों में कुल मिलाकर {max} से अधिक सामग्री प्रविष्टियाँ हैं",
    },
    Template {
        code: CODE,
        variant: "too_many",
        en: "{count} {what:phrase}; niryat accepts at most {max}",
        hi: "{count} {what:phrase}; niryat अधिकतम {max} स्वीकार करता है",
    },
    Template {
        code: CODE,
        variant: "too_large",
        en: "input is {size} bytes; niryat reads at most {max} bytes",
        hi: "इनपुट {size} बाइट का है; niryat अधिकतम {max} बाइट पढ़ता है",
    },
    Template {
        code: CODE,
        variant: "date_and_time",
        en: "{value:q} is a date and a time of day: write the date alone, YYYY-MM-DD (the time is not kept)",
        hi: "{value:q} में दिनांक के साथ समय भी है: केवल दिनांक लिखें, YYYY-MM-DD (समय नहीं रखा जाता)",
    },
    Template {
        code: CODE,
        variant: "date_shape",
        en: "{value:q} is not a date written YYYY-MM-DD (such as 2026-11-18)",
        hi: "{value:q} YYYY-MM-DD रूप में लिखा दिनांक नहीं है (जैसे 2026-11-18)",
    },
    Template {
        code: CODE,
        variant: "date_days",
        en: "{value:q} is not a date: {month} has {days} days",
        hi: "{value:q} दिनांक नहीं है: {month} में {days} दिन होते हैं",
    },
    Template {
        code: CODE,
        variant: "date_month",
        en: "{value:q} is not a date: there is no month {month}",
        hi: "{value:q} दिनांक नहीं है: महीना {month} नहीं होता",
    },
    // serde_json's words for text that is not JSON (with the line and column beside them).
    Template {
        code: CODE,
        variant: "eof_value",
        en: "EOF while parsing a value",
        hi: "मान पूरा होने से पहले पाठ समाप्त हो गया",
    },
    Template {
        code: CODE,
        variant: "eof_object",
        en: "EOF while parsing an object",
        hi: "ऑब्जेक्ट पूरा होने से पहले पाठ समाप्त हो गया (`}` नहीं मिला)",
    },
    Template {
        code: CODE,
        variant: "eof_list",
        en: "EOF while parsing a list",
        hi: "सूची पूरी होने से पहले पाठ समाप्त हो गया (`]` नहीं मिला)",
    },
    Template {
        code: CODE,
        variant: "eof_string",
        en: "EOF while parsing a string",
        hi: "स्ट्रिंग पूरी होने से पहले पाठ समाप्त हो गया (`\"` नहीं मिला)",
    },
    Template {
        code: CODE,
        variant: "expected_value",
        en: "expected value",
        hi: "यहाँ एक JSON मान होना चाहिए",
    },
    Template {
        code: CODE,
        variant: "expected_object_comma",
        en: "expected `,` or `}`",
        hi: "यहाँ `,` या `}` होना चाहिए",
    },
    Template {
        code: CODE,
        variant: "expected_list_comma",
        en: "expected `,` or `]`",
        hi: "यहाँ `,` या `]` होना चाहिए",
    },
    Template {
        code: CODE,
        variant: "expected_colon",
        en: "expected `:`",
        hi: "यहाँ `:` होना चाहिए",
    },
    Template {
        code: CODE,
        variant: "expected_ident",
        en: "expected ident",
        hi: "यहाँ true, false या null होना चाहिए",
    },
    Template {
        code: CODE,
        variant: "key_not_string",
        en: "key must be a string",
        hi: "कुंजी स्ट्रिंग होनी चाहिए",
    },
    Template {
        code: CODE,
        variant: "trailing_characters",
        en: "trailing characters",
        hi: "JSON के बाद और पाठ है",
    },
    Template {
        code: CODE,
        variant: "trailing_comma",
        en: "trailing comma",
        hi: "अंतिम प्रविष्टि के बाद अतिरिक्त अल्पविराम",
    },
    Template {
        code: CODE,
        variant: "invalid_escape",
        en: "invalid escape",
        hi: "स्ट्रिंग में अमान्य एस्केप (`\\`) अनुक्रम",
    },
    Template {
        code: CODE,
        variant: "invalid_number",
        en: "invalid number",
        hi: "अमान्य संख्या",
    },
    Template {
        code: CODE,
        variant: "number_out_of_range",
        en: "number out of range",
        hi: "संख्या सीमा से बाहर है",
    },
    Template {
        code: CODE,
        variant: "control_character",
        en: "control character (\\u0000-\\u001F) found while parsing a string",
        hi: "स्ट्रिंग में नियंत्रण अक्षर (\\u0000-\\u001F) है",
    },
    Template {
        code: CODE,
        variant: "unicode",
        en: "invalid unicode code point",
        hi: "अमान्य यूनिकोड कोड पॉइंट",
    },
    Template {
        code: CODE,
        variant: "lone_surrogate",
        en: "lone leading surrogate in hex escape",
        hi: "hex एस्केप में अकेला leading surrogate",
    },
    Template {
        code: CODE,
        variant: "hex_escape_end",
        en: "unexpected end of hex escape",
        hi: "hex एस्केप अधूरा है",
    },
    Template {
        code: CODE,
        variant: "recursion",
        en: "recursion limit exceeded",
        hi: "JSON बहुत गहराई तक नेस्टेड है (128 स्तरों से अधिक)",
    },
];

/// The words of the converters in the Python and JavaScript packages, which turn a `dict` or a
/// JavaScript object into JSON before the shipment is read. Their English is made from these
/// templates ([`converter_message`]), so it is written once, here; it is read back by matching
/// the template (see `read_converter`). A `{js:phrase}` or `{arg:phrase}` hole takes a phrase
/// whose key starts with `js_` or `arg_`; every other hole is a value as given (a Python type
/// name, a number, what a JavaScript getter threw), at most one to a template.
pub static CONVERTERS: &[Template] = &[
    Template {
        code: CODE,
        variant: "not_finite",
        en: "NaN and infinity are not numbers niryat can read",
        hi: "NaN और infinity ऐसी संख्याएँ नहीं हैं जिन्हें niryat पढ़ सके",
    },
    Template {
        code: CODE,
        variant: "py_not_unicode",
        en: "text is not valid Unicode (it holds a lone surrogate)",
        hi: "पाठ मान्य यूनिकोड नहीं है (उसमें अकेला surrogate है)",
    },
    Template {
        code: CODE,
        variant: "py_key_not_unicode",
        en: "a key is not valid Unicode (it holds a lone surrogate)",
        hi: "एक कुंजी मान्य यूनिकोड नहीं है (उसमें अकेला surrogate है)",
    },
    Template {
        code: CODE,
        variant: "py_key_type",
        en: "keys must be str; found a key of type {type}",
        hi: "कुंजियाँ str होनी चाहिए; {type} प्रकार की कुंजी मिली",
    },
    Template {
        code: CODE,
        variant: "py_type",
        en: "a Python {type} cannot be read as JSON; use dict, list, str, int, float, bool, None, decimal.Decimal or datetime.date",
        hi: "Python का {type} JSON के रूप में पढ़ा नहीं जा सकता; dict, list, str, int, float, bool, None, decimal.Decimal या datetime.date दें",
    },
    Template {
        code: CODE,
        variant: "py_decimal",
        en: "could not read this decimal.Decimal",
        hi: "यह decimal.Decimal पढ़ा नहीं जा सका",
    },
    Template {
        code: CODE,
        variant: "py_date",
        en: "could not read this date",
        hi: "यह दिनांक पढ़ा नहीं जा सका",
    },
    Template {
        code: CODE,
        variant: "py_as_date",
        en: "could not read this {type} as a date",
        hi: "यह {type} दिनांक के रूप में पढ़ा नहीं जा सका",
    },
    Template {
        code: CODE,
        variant: "py_datetime",
        en: "a date is expected, not a date and a time of day: pass its .date()",
        hi: "दिनांक चाहिए, समय के साथ दिनांक नहीं: उसका .date() दें",
    },
    Template {
        code: CODE,
        variant: "py_as_integer",
        en: "could not read this {type} as an integer",
        hi: "यह {type} पूर्णांक के रूप में पढ़ा नहीं जा सका",
    },
    Template {
        code: CODE,
        variant: "py_int_large",
        en: "integer is too large (pass big amounts as a string or decimal.Decimal)",
        hi: "पूर्णांक बहुत बड़ा है (बड़ी राशियाँ स्ट्रिंग या decimal.Decimal के रूप में दें)",
    },
    Template {
        code: CODE,
        variant: "py_mapping",
        en: "could not read the items of this mapping",
        hi: "इस mapping की प्रविष्टियाँ पढ़ी नहीं जा सकीं",
    },
    Template {
        code: CODE,
        variant: "py_deep",
        en: "nested more than {max} levels deep (does the data refer to itself?)",
        hi: "{max} से अधिक स्तरों तक नेस्टेड है (क्या डेटा स्वयं को ही संदर्भित करता है?)",
    },
    Template {
        code: CODE,
        variant: "js_not_object",
        en: "expected {arg:phrase} as an object, got {js:phrase}",
        hi: "{arg:phrase} ऑब्जेक्ट (object) के रूप में चाहिए; दिया गया मान: {js:phrase}",
    },
    Template {
        code: CODE,
        variant: "js_not_json",
        en: "{js:phrase} is not a JSON value",
        hi: "{js:phrase} JSON में नहीं लिखा जा सकता",
    },
    Template {
        code: CODE,
        variant: "js_date",
        en: "a Date is not a JSON value; give the date as a string \"YYYY-MM-DD\"",
        hi: "Date ऑब्जेक्ट JSON में नहीं लिखा जा सकता; दिनांक \"YYYY-MM-DD\" रूप की स्ट्रिंग में दें",
    },
    Template {
        code: CODE,
        variant: "js_map",
        en: "a Map is not a JSON value; use a plain object",
        hi: "Map ऑब्जेक्ट JSON में नहीं लिखा जा सकता; साधारण ऑब्जेक्ट (object) दें",
    },
    Template {
        code: CODE,
        variant: "js_bigint",
        en: "a BigInt is not a JSON value; give the number as a string such as \"1234.50\"",
        hi: "BigInt मान JSON में नहीं लिखा जा सकता; संख्या स्ट्रिंग में दें, जैसे \"1234.50\"",
    },
    Template {
        code: CODE,
        variant: "js_number",
        en: "{value} is not a JSON number",
        hi: "{value} JSON संख्या नहीं है",
    },
    Template {
        code: CODE,
        variant: "js_cycle",
        en: "this object contains itself (a cycle); JSON cannot hold it",
        hi: "यह ऑब्जेक्ट स्वयं को ही समाहित करता है (चक्र); JSON में ऐसा नहीं हो सकता",
    },
    Template {
        code: CODE,
        variant: "js_deep",
        en: "nested more than {max} levels deep",
        hi: "{max} से अधिक स्तरों तक नेस्टेड है",
    },
    Template {
        code: CODE,
        variant: "js_too_large",
        en: "input is larger than {max} bytes, the most niryat reads",
        hi: "इनपुट {max} बाइट से बड़ा है, जो niryat की सीमा है",
    },
    Template {
        code: CODE,
        variant: "js_long_text",
        en: "text of {size} characters is larger than niryat reads",
        hi: "{size} अक्षरों का पाठ niryat की सीमा से बड़ा है",
    },
    Template {
        code: CODE,
        variant: "js_list_long",
        en: "a list of {count} entries is larger than niryat reads",
        hi: "{count} प्रविष्टियों की सूची niryat की सीमा से बड़ी है",
    },
    Template {
        code: CODE,
        variant: "js_unreadable",
        en: "this value cannot be read: {error}",
        hi: "यह मान पढ़ा नहीं जा सकता: {error}",
    },
    Template {
        code: CODE,
        variant: "js_threw",
        en: "reading this value threw: {error}",
        hi: "यह मान पढ़ते समय त्रुटि हुई: {error}",
    },
    Template {
        code: CODE,
        variant: "js_keys_threw",
        en: "listing this object's keys threw: {error}",
        hi: "इस ऑब्जेक्ट की कुंजियाँ पढ़ते समय त्रुटि हुई: {error}",
    },
];

/// A converter's refusal in English, made from its template in [`CONVERTERS`]; `params` are
/// the template's holes (a phrase hole takes the phrase's key). An unknown variant gives the
/// variant's name (a test makes sure every converter's variant is here).
pub fn converter_message(variant: &str, params: &[(&'static str, &str)]) -> String {
    let p: Params = params.iter().map(|(k, v)| (*k, (*v).to_string())).collect();
    render_parts(CODE, variant, &p, "", Lang::En).unwrap_or_else(|| variant.to_string())
}

/// A template's text as literal pieces and holes.
enum Piece<'a> {
    Text(&'a str),
    Hole(&'a str, &'a str),
}

fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        let inner = &rest[open + 1..open + close];
        let (name, format) = inner.split_once(':').unwrap_or((inner, ""));
        out.push(Piece::Hole(name, format));
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// Reads `m` back into the converter template it was made from, if any.
fn read_converter(m: &str, p: &mut Params) -> Option<&'static str> {
    CONVERTERS.iter().find_map(|t| {
        let mut q = Params::new();
        fits(&pieces(t.en), m, &mut q).then(|| {
            p.append(&mut q);
            t.variant
        })
    })
}

/// Whether `m` is `pieces` filled in; the holes' values go into `p`. A phrase hole tries the
/// phrases of its prefix, a value hole every length (there is at most one to a template, so
/// this stays linear in the message's length times the template's).
fn fits(pieces: &[Piece<'_>], m: &str, p: &mut Params) -> bool {
    let Some((first, rest)) = pieces.split_first() else { return m.is_empty() };
    let (name, format) = match first {
        Piece::Text(t) => return m.strip_prefix(t).is_some_and(|r| fits(rest, r, p)),
        Piece::Hole(name, format) => (*name, *format),
    };
    let Some(key) = MALFORMED_HOLES.iter().find(|k| **k == name) else { return false };
    if format == "phrase" {
        let prefix = format!("{name}_");
        for phrase in PHRASES.iter().filter(|x| x.0.starts_with(&prefix)) {
            if let Some(r) = m.strip_prefix(phrase.1) {
                p.insert(key, phrase.0.to_string());
                if fits(rest, r, p) {
                    return true;
                }
            }
        }
        return false;
    }
    for (at, _) in m.char_indices().skip(1).chain([(m.len(), ' ')]) {
        p.insert(key, m[..at].to_string());
        if fits(rest, &m[at..], p) {
            return true;
        }
    }
    p.remove(key);
    false
}

/// The names a converter template's holes may have (params are keyed by `&'static str`).
const MALFORMED_HOLES: &[&str] = &["type", "max", "arg", "js", "value", "size", "count", "error"];

/// The phrase whose key starts with `prefix` and whose English is `en`.
fn phrase_key(prefix: &str, en: &str) -> Option<&'static str> {
    PHRASES.iter().find(|p| p.0.starts_with(prefix) && p.1 == en).map(|p| p.0)
}

type Params = BTreeMap<&'static str, String>;

/// Reads an English message back into a variant and its params (see the module).
pub fn read_back(message: &str) -> Option<(&'static str, Params)> {
    let mut p = Params::new();
    let variant = read(message, &mut p)?;
    let again = render_parts(CODE, variant, &p, "", Lang::En)?;
    (again == message).then_some((variant, p))
}

fn read(m: &str, p: &mut Params) -> Option<&'static str> {
    if let Some(variant) = read_converter(m, p) {
        return Some(variant);
    }
    if let Some(t) = MALFORMED.iter().find(|t| !t.en.contains('{') && t.en == m) {
        return Some(t.variant);
    }
    for (lead, of, bare) in
        [("invalid type: ", "type_of", Some("type")), ("invalid value: ", "value_of", None)]
    {
        let Some(rest) = m.strip_prefix(lead) else { continue };
        let (found, expected) = rest.rsplit_once(", expected ")?;
        p.insert("expected", phrase_key("want_", expected)?.to_string());
        if let Some(key) = phrase_key("json_", found) {
            p.insert("found", key.to_string());
            return bare;
        }
        let (key, value) = PHRASES.iter().filter(|x| x.0.starts_with("json_")).find_map(|x| {
            found.strip_prefix(x.1).and_then(|v| v.strip_prefix(' ')).map(|v| (x.0, v))
        })?;
        p.insert("found", key.to_string());
        p.insert("value", value.to_string());
        return Some(of);
    }
    for (lead, variant) in
        [("unknown variant `", "unknown_word"), ("unknown field `", "unknown_field")]
    {
        let Some(rest) = m.strip_prefix(lead) else { continue };
        if let Some(value) = rest.strip_suffix("`, there are no fields") {
            p.insert("value", value.to_string());
            return Some("unknown_field_none");
        }
        let (value, allowed) = rest.split_once("`, expected ")?;
        p.insert("value", value.to_string());
        p.insert("allowed", words(allowed)?.join(","));
        return Some(variant);
    }
    if let Some(key) = m.strip_prefix("the key ").and_then(|r| r.strip_suffix(" appears twice")) {
        p.insert("key", unquote(key)?);
        return Some("key_twice");
    }
    for (lead, tail, variant) in [
        ("this list has more than ", " entries", "list_long"),
        ("more than ", " package content entries in all", "contents_in_all"),
    ] {
        if let Some(max) = m.strip_prefix(lead).and_then(|r| r.strip_suffix(tail)) {
            p.insert("max", max.to_string());
            return Some(variant);
        }
    }
    if let Some((size, max)) = m
        .strip_prefix("input is ")
        .and_then(|r| r.strip_suffix(" bytes"))
        .and_then(|r| r.split_once(" bytes; niryat reads at most "))
    {
        p.insert("size", size.to_string());
        p.insert("max", max.to_string());
        return Some("too_large");
    }
    if let Some((count_what, max)) = m.split_once("; niryat accepts at most ") {
        let (count, what) = count_what.split_once(' ')?;
        p.insert("count", count.to_string());
        p.insert("what", phrase_key("lists_", what)?.to_string());
        p.insert("max", max.to_string());
        return Some("too_many");
    }
    // The dates (`model::date`): the value quoted first.
    let (value, said) = split_quoted(m)?;
    p.insert("value", value);
    match said {
        " is a date and a time of day: write the date alone, YYYY-MM-DD (the time is not kept)" => {
            Some("date_and_time")
        }
        " is not a date written YYYY-MM-DD (such as 2026-11-18)" => Some("date_shape"),
        _ => {
            let reason = said.strip_prefix(" is not a date: ")?;
            if let Some(month) = reason.strip_prefix("there is no month ") {
                p.insert("month", month.to_string());
                return Some("date_month");
            }
            let (month, days) = reason.split_once(" has ")?;
            p.insert("month", month.to_string());
            p.insert("days", days.strip_suffix(" days")?.to_string());
            Some("date_days")
        }
    }
}

/// The words of serde's list of what was expected: "`a`", "`a` or `b`", "one of `a`, `b`,
/// `c`".
fn words(list: &str) -> Option<Vec<&str>> {
    let inner = list.strip_prefix("one of ").unwrap_or(list);
    let parts: Vec<&str> = if inner.len() < list.len() {
        inner.split(", ").collect()
    } else {
        inner.split(" or ").collect()
    };
    parts
        .into_iter()
        .map(|w| {
            let w = w.strip_prefix('`')?.strip_suffix('`')?;
            (!w.is_empty() && !w.contains([',', '`'])).then_some(w)
        })
        .collect()
}

/// A list of words as serde writes it in English, or as it is said in Hindi.
pub(super) fn one_of(words: &str, hi: bool) -> String {
    let quoted: Vec<String> = words.split(',').map(|w| format!("`{w}`")).collect();
    match (quoted.len(), hi) {
        (1, _) => quoted[0].clone(),
        (_, true) => format!("{} में से एक", quoted.join(", ")),
        (2, false) => format!("{} or {}", quoted[0], quoted[1]),
        (_, false) => format!("one of {}", quoted.join(", ")),
    }
}

/// A value as Rust's `{:?}` quotes it, read back.
fn unquote(quoted: &str) -> Option<String> {
    serde_json::from_str::<String>(quoted).ok().filter(|s| format!("{s:?}") == quoted)
}

/// `m` that starts with a quoted value: the value and what follows it.
fn split_quoted(m: &str) -> Option<(String, &str)> {
    let body = m.strip_prefix('"')?;
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => {
                let quoted = &m[..i + 2];
                return Some((unquote(quoted)?, &m[i + 2..]));
            }
            _ => {}
        }
    }
    None
}

impl MalformedInput {
    /// The message in `lang` (`en+hi` gives `English / हिन्दी`); a message niryat cannot
    /// read back into a template stays in English.
    pub fn message_in(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.message.clone();
        }
        match read_back(&self.message) {
            Some((variant, p)) => {
                render_parts(CODE, variant, &p, &self.path, lang).unwrap_or(self.message.clone())
            }
            None => self.message.clone(),
        }
    }

    /// The same refusal with its message in `lang`; path, line and column do not change.
    pub fn in_lang(&self, lang: Lang) -> MalformedInput {
        MalformedInput { message: self.message_in(lang), ..self.clone() }
    }
}
