//! Checks every text field of the shipment, wherever it is: length, control characters, and
//! characters the bundled fonts cannot print.
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
            Problem::NotPrintable(c, count) => {
                let variant = if count == 1 { "" } else { "many" };
                ctx.push(catalogue::TEXT_NOT_PRINTABLE, path, variant)
                    .set("character", c)
                    .set("code_point", format!("U+{:04X}", c as u32))
                    .set("count", count);
            }
        }
    }
}

/// Whether the PDF renderer prints `c` as what it is, not as an empty box: a bundled font
/// draws it (its cmap maps it, see [`crate::data::font_coverage`]), or typst does not draw
/// it as a glyph at all. The latter are the default-ignorable code points the shaper
/// removes (soft hyphen, zero-width space, joiners, bidirectional marks, variation
/// selectors: rustybuzz's list, which leaves out the Hangul fillers it draws as glyphs),
/// the spaces it draws with the font's space (`U+3000`, the one such space the fonts lack),
/// and control characters (and U+FFFE, U+FFFF), which are
/// [`catalogue::CONTROL_CHARACTER`]'s to refuse (tab and line breaks are allowed: they break
/// or space the text).
pub fn printable(c: char) -> bool {
    let cp = c as u32;
    control(c)
        || not_drawn(cp)
        || crate::data::font_coverage::COVERED
            .binary_search_by(|&(first, last)| {
                if last < cp {
                    std::cmp::Ordering::Less
                } else if first > cp {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
}

/// Code points typst does not draw as glyphs: the default ignorables rustybuzz removes
/// (`REMOVE_DEFAULT_IGNORABLES`, as typst shapes) and the ideographic space, drawn with the
/// space glyph.
fn not_drawn(cp: u32) -> bool {
    matches!(
        cp,
        0x00AD
            | 0x034F
            | 0x061C
            | 0x17B4..=0x17B5
            | 0x180B..=0x180E
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x206F
            | 0x3000
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFF0..=0xFFF8
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    )
}

/// The first character of `v` that cannot be printed (see [`printable`]) and how many such
/// characters `v` holds.
fn unprintable(v: &str) -> Option<(char, usize)> {
    // The fonts cover printable ASCII (a test checks it); ASCII controls are not this
    // check's, so ASCII text (most text) is not looked at character by character.
    if v.is_ascii() {
        return None;
    }
    let mut first = None;
    let mut count = 0;
    for c in v.chars().filter(|c| !c.is_ascii() && !printable(*c)) {
        first.get_or_insert(c);
        count += 1;
    }
    first.map(|c| (c, count))
}

/// The problems of a text: its length or a control character (the first found), and
/// characters that cannot be printed.
fn problems(v: &str) -> impl Iterator<Item = Problem> {
    let unprintable = unprintable(v).map(|(c, n)| Problem::NotPrintable(c, n));
    problem(v).into_iter().chain(unprintable)
}

/// The length or control-character problem of a text, if any.
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
    // 0xC2 (C1 controls), 0xE2 (the bidirectional controls) or 0xEF (U+FFFE, U+FFFF); most
    // text has none of them. The fold has no early exit, so the compiler vectorises it; tab
    // and line breaks (below 0x20) and ₹ (0xE2 too) take the slow path, which lets them through.
    let suspicious = v.bytes().fold(false, |acc, b| {
        acc | (b < 0x20) | (b == 0x7F) | (b == 0xC2) | (b == 0xE2) | (b == 0xEF)
    });
    if suspicious {
        if let Some(c) = v.chars().find(|&c| control(c) && !matches!(c, '\t' | '\n' | '\r')) {
            return Some(Problem::Control(c));
        }
    }
    None
}

/// Whether `c` is a control character, one of the noncharacters U+FFFE and U+FFFF, or a
/// bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069): those print
/// the text that follows in another order ("RTL override" came out as "edirrevo LTR"), so
/// the paper would say something the data does not. [`catalogue::CONTROL_CHARACTER`] refuses
/// them all but tab and line breaks.
fn control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{FFFE}' | '\u{FFFF}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

enum Problem {
    TooLong(usize),
    Control(char),
    /// The first character no bundled font draws, and how many the text holds.
    NotPrintable(char, usize),
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
        for p in problems(v) {
            self.found.push((self.pointer(), p));
        }
    }

    fn check_at(&mut self, v: Option<&str>, path: impl Fn() -> String) {
        for p in v.into_iter().flat_map(problems) {
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
        assert!(matches!(problem("RTL \u{202E}override"), Some(Problem::Control('\u{202E}'))));
        assert!(matches!(problem("isolate\u{2067}x\u{2069}"), Some(Problem::Control('\u{2067}'))));
        // Marks that change no order, and ₹ (a 0xE2 lead byte), pass.
        assert!(problem("a\u{200E}b\u{200F} ₹ 5 – “quoted”").is_none());
        assert!(problem("\u{FFFD} replacement is fine").is_none());
        let long = "x".repeat(crate::LIMITS.max_text_chars + 1);
        assert!(matches!(problem(&long), Some(Problem::TooLong(_))));
        let at_limit = "क".repeat(crate::LIMITS.max_text_chars);
        assert!(problem(&at_limit).is_none());
    }

    /// ASCII text skips the character-by-character look-up: the fonts must cover every
    /// printable ASCII character for that to be right.
    #[test]
    fn the_fonts_cover_printable_ascii() {
        for c in ' '..='~' {
            let cp = c as u32;
            assert!(
                crate::data::font_coverage::COVERED.iter().any(|&(a, b)| a <= cp && cp <= b),
                "{c:?}"
            );
        }
    }

    #[test]
    fn scripts_the_fonts_lack_are_not_printable() {
        assert_eq!(unprintable("Brass نحاس bowl"), Some(('ن', 4)));
        assert_eq!(unprintable("漢字"), Some(('漢', 2)));
        // Emoji with a skin-tone modifier: three code points, none drawn.
        assert_eq!(unprintable("ok 😀👍🏽"), Some(('😀', 3)));
        // A Hangul filler is default-ignorable in Unicode but drawn as a glyph by the shaper.
        assert_eq!(unprintable("x\u{3164}"), Some(('\u{3164}', 1)));
        // Private use and unassigned code points.
        assert_eq!(unprintable("\u{E000}"), Some(('\u{E000}', 1)));
        assert_eq!(unprintable("\u{FFFD}\u{10FFFD}"), Some(('\u{10FFFD}', 1)));
    }

    #[test]
    fn what_the_fonts_draw_or_typst_hides_is_printable() {
        for ok in [
            "Handwoven brass, ₹ 1,000",
            "हस्तनिर्मित पीतल क्षत्रिय श्रृंगार",
            // Latin with combining marks the font covers; Greek; Cyrillic.
            "e\u{301}\u{308} Ünïcödé Ελληνικά Кириллица",
            // Joiners, soft hyphen, zero-width space, word joiner, byte order mark.
            "क्\u{200D}ष क्\u{200C}ष soft\u{AD}hyphen zero\u{200B}width\u{2060}\u{FEFF}",
            // Variation selectors, bidirectional marks, spaces the fonts lack.
            "\u{FE0F}",
            "a\u{FE0E}b\u{200E}c\u{202B}d\u{3000}e\u{E0101}",
            "bidi controls are control_character's: \u{202E}\u{2066}",
            // Tab and line breaks (control characters are control_character's).
            "tab\tline\nbreak\r\n",
        ] {
            assert_eq!(unprintable(ok), None, "{ok:?}");
        }
    }

    /// The rule's issue: code, path, params, both messages.
    #[test]
    fn the_issue_names_the_first_character_and_the_count() {
        let mut s: crate::Shipment =
            crate::parse_json(include_bytes!("../../../examples/moradabad-brass-sea.json"))
                .unwrap_or_default();
        if let Some(it) = s.items.get_mut(1) {
            it.description = Some("Brass bowl نحاس".into());
        }
        if let Some(e) = s.exporter.as_mut() {
            e.legal_name = Some("Moradabad 😀 Brass".into());
        }
        let r = crate::validate(&s, &[crate::DocKind::CommercialInvoice], crate::Mode::Strict);
        let found: Vec<_> = r.issues.iter().filter(|i| i.code == "text_not_printable").collect();
        assert_eq!(found.len(), 2, "{:?}", r.issues);
        let at = |p: &str| found.iter().find(|i| i.path == p).copied();
        let line = at("/items/1/description").expect("the line's description");
        assert_eq!(line.params.get("character").map(String::as_str), Some("ن"));
        assert_eq!(line.params.get("code_point").map(String::as_str), Some("U+0646"));
        assert_eq!(line.params.get("count").map(String::as_str), Some("4"));
        assert!(
            line.message_in(crate::render::Lang::En).contains("4 characters"),
            "{}",
            line.message
        );
        let name = at("/exporter/legal_name").expect("the exporter's name");
        assert_eq!(name.params.get("code_point").map(String::as_str), Some("U+1F600"));
        assert!(name.message_in(crate::render::Lang::Hi).contains("देवनागरी"));
        assert_eq!(name.severity, crate::issue::Severity::Error);
    }
}
