//! Shared pieces of niryat's fuzz targets: valid seed shipments (the examples) and mutations of
//! them driven by the fuzzer's bytes through `arbitrary::Unstructured`.
//!
//! The targets that render start from a valid shipment and change it in ways that mostly keep
//! it valid (free text replaced by hostile text, amounts by extreme amounts), so the renderers
//! are reached; the rest of the mutations (fields removed, replaced by junk, lists grown or
//! emptied) reach the rules' error paths.

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use serde_json::Value;

/// The examples, as JSON text: valid shipments for every document niryat makes.
pub const SEEDS: [&str; 4] = [
    include_str!("../../examples/lucknow-chikankari-ebay.json"),
    include_str!("../../examples/moradabad-brass-sea.json"),
    include_str!("../../examples/personal-gift.json"),
    include_str!("../../examples/varanasi-silk-amazon.json"),
];

// The free-text keys and the pointer walk are shared with the layout torture's generator;
// the fuzz crate is a workspace of its own, so the file is included by its path.
#[path = "../../core/tests/support/free_text.rs"]
mod free_text;
pub use free_text::{all_pointers, pointers_to, FREE_TEXT};

/// Keys whose values are decimal amounts, quantities or weights.
pub const DECIMALS: &[&str] = &[
    "amount",
    "unit_price",
    "quantity",
    "net_weight_kg",
    "gross_weight_kg",
    "freight",
    "insurance",
    "rate",
    "length_cm",
    "width_cm",
    "height_cm",
    "customs_quantity",
    "total",
];

/// Pieces of hostile text: scripts written right to left, combining marks, joiners, emoji,
/// characters that mean something in typst, XML or CSV, and the control characters the input
/// accepts (tab and line breaks).
const PIECES: &[&str] = &[
    "Hand-embroidered cotton stole",
    "चिकनकारी कुर्ता, हाथ से कढ़ाई",
    "क्षत्रिय ज्ञ श्र ॐ ॠ",
    "مرحبا بالعالم",
    "שָׁלוֹם עולם",
    "\u{202E}gnirts desrever\u{202C}",
    "\u{2067}rtl isolate\u{2069}",
    "e\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}\u{0306}",
    "\u{0915}\u{094D}\u{200D}\u{0937}",
    "\u{200C}\u{200D}\u{2060}\u{FEFF}",
    "👩\u{200D}👩\u{200D}👧\u{200D}👦",
    "🇮🇳🏳️\u{200D}🌈",
    "漢字かなカナ",
    "ภาษาไทย",
    "\u{FDFD}",
    "\t",
    "\n",
    "\r\n",
    "\u{00A0}",
    "\u{00AD}",
    "<![CDATA[x]]>&amp;<a>\"'",
    "#panic(\"x\") $x^2$ *b* _i_ `r` @ref <lbl> [a] \\ // /*",
    "=,\"\",;\n=cmd|' /C calc'!A0",
    "%PDF-1.7 endobj",
    "0",
    " ",
];

/// Fuzzed text of at most `max_chars` characters.
pub fn hostile_text(u: &mut Unstructured<'_>, max_chars: usize) -> Result<String> {
    let mut out = String::new();
    let pieces = u.int_in_range(0..=12u8)?;
    for _ in 0..pieces {
        match u.int_in_range(0..=9u8)? {
            // An unbreakable word up to the text limit.
            0 => {
                let c = *u.choose(&['W', 'म', '8', '漢', '😀'])?;
                let n = u.int_in_range(1..=4000usize)?;
                out.extend(std::iter::repeat_n(c, n));
            }
            // Any character.
            1 | 2 => out.push(u.arbitrary::<char>()?),
            _ => out.push_str(u.choose(PIECES)?),
        }
    }
    Ok(out.chars().take(max_chars).collect())
}

/// A decimal as text: ordinary, extreme, negative, with many places, or not a number.
pub fn hostile_decimal(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(match u.int_in_range(0..=7u8)? {
        0 => "0".to_string(),
        1 => "99999999999999.99".to_string(),
        2 => "79228162514264337593543950335".to_string(),
        3 => format!("-{}", u.int_in_range(0..=1_000_000u32)?),
        4 => format!("0.{:0>12}", u.int_in_range(1..=999_999u32)?),
        5 => format!("{}e{}", u.int_in_range(1..=9u8)?, u.int_in_range(0..=40u8)?),
        _ => {
            let int = u.int_in_range(0..=100_000_000u64)?;
            let frac = u.int_in_range(0..=999u16)?;
            format!("{int}.{frac:03}")
        }
    })
}

/// One of the example shipments, parsed.
pub fn seed(u: &mut Unstructured<'_>) -> Result<Value> {
    let text = u.choose(&SEEDS)?;
    Ok(serde_json::from_str(text).unwrap_or(Value::Null))
}

/// Replaces free text and amounts of `v` only: most results stay valid shipments.
pub fn mutate_gently(u: &mut Unstructured<'_>, v: &mut Value, max_chars: usize) -> Result<()> {
    let texts = pointers_to(v, FREE_TEXT);
    let decimals = pointers_to(v, DECIMALS);
    let rounds = u.int_in_range(1..=6u8)?;
    for _ in 0..rounds {
        if u.ratio(3, 4)? && !texts.is_empty() {
            let p = u.choose(&texts)?;
            let t = hostile_text(u, max_chars)?;
            if let Some(slot) = v.pointer_mut(p) {
                *slot = Value::String(t);
            }
        } else if !decimals.is_empty() {
            let p = u.choose(&decimals)?;
            let d = hostile_decimal(u)?;
            if let Some(slot) = v.pointer_mut(p) {
                *slot = Value::String(d);
            }
        }
    }
    Ok(())
}

/// Any change: a value removed or replaced by junk, a list element copied or dropped.
pub fn mutate_roughly(u: &mut Unstructured<'_>, v: &mut Value) -> Result<()> {
    let rounds = u.int_in_range(1..=4u8)?;
    for _ in 0..rounds {
        let all = all_pointers(v);
        let p = u.choose(&all)?.clone();
        let junk = match u.int_in_range(0..=6u8)? {
            0 => Value::Null,
            1 => Value::Bool(u.arbitrary()?),
            2 => Value::from(u.arbitrary::<i64>()?),
            3 => Value::from(u.arbitrary::<f64>()?),
            4 => Value::String(hostile_decimal(u)?),
            5 => Value::String(u.arbitrary()?),
            _ => Value::String(hostile_text(u, 5000)?),
        };
        match u.int_in_range(0..=3u8)? {
            0 => remove(v, &p),
            1 => grow(u, v, &p)?,
            _ => {
                if let Some(slot) = v.pointer_mut(&p) {
                    *slot = junk;
                }
            }
        }
    }
    Ok(())
}

fn remove(v: &mut Value, p: &str) {
    let Some(cut) = p.rfind('/') else { return };
    let (parent, last) = (&p[..cut], &p[cut + 1..]);
    match v.pointer_mut(parent) {
        Some(Value::Object(m)) => {
            m.remove(&last.replace("~1", "/").replace("~0", "~"));
        }
        Some(Value::Array(a)) => {
            if let Ok(i) = last.parse::<usize>() {
                if i < a.len() {
                    a.remove(i);
                }
            }
        }
        _ => {}
    }
}

/// Copies an element of the array at `p` (or the array holding `p`) up to 64 times.
fn grow(u: &mut Unstructured<'_>, v: &mut Value, p: &str) -> Result<()> {
    let times = u.int_in_range(1..=64usize)?;
    if let Some(Value::Array(a)) = v.pointer_mut(p) {
        if let Some(first) = a.first().cloned() {
            a.extend(std::iter::repeat_n(first, times));
        }
    }
    Ok(())
}

/// The JSON text `data` parsed as a value, unless it is not JSON or an object in it repeats a
/// key. A parsed value keeps a repeated key's last value, while niryat reads the text in order
/// (and refuses the repetition when it gets there): a path into such a text need not resolve
/// in the value, so the targets that check paths against the value skip such texts.
pub fn value_without_repeated_keys(data: &[u8]) -> Option<Value> {
    serde_json::from_slice::<NoRepeats>(data).ok()?;
    serde_json::from_slice(data).ok()
}

/// Reads any JSON and fails on an object that repeats a key.
struct NoRepeats;

impl<'de> serde::Deserialize<'de> for NoRepeats {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(NoRepeatsVisitor)
    }
}

struct NoRepeatsVisitor;

impl<'de> serde::de::Visitor<'de> for NoRepeatsVisitor {
    type Value = NoRepeats;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, _: bool) -> std::result::Result<NoRepeats, E> {
        Ok(NoRepeats)
    }
    fn visit_i64<E>(self, _: i64) -> std::result::Result<NoRepeats, E> {
        Ok(NoRepeats)
    }
    fn visit_u64<E>(self, _: u64) -> std::result::Result<NoRepeats, E> {
        Ok(NoRepeats)
    }
    fn visit_f64<E>(self, _: f64) -> std::result::Result<NoRepeats, E> {
        Ok(NoRepeats)
    }
    fn visit_str<E>(self, _: &str) -> std::result::Result<NoRepeats, E> {
        Ok(NoRepeats)
    }
    fn visit_unit<E>(self) -> std::result::Result<NoRepeats, E> {
        Ok(NoRepeats)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<NoRepeats, A::Error> {
        while seq.next_element::<NoRepeats>()?.is_some() {}
        Ok(NoRepeats)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<NoRepeats, A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key) {
                return Err(serde::de::Error::custom("a repeated key"));
            }
            map.next_value::<NoRepeats>()?;
        }
        Ok(NoRepeats)
    }
}
