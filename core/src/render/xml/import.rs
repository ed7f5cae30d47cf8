//! Reading niryat XML back into a shipment, refusing anything suspicious with a clear error.
//!
//! quick-xml's reader turns the text into events (namespace prefixes are resolved here, with
//! the bindings in scope kept on a small stack), and a small serde
//! `Deserializer` over those events feeds the model's own `Deserialize` implementations (the
//! ones JSON input uses): [`super::shape`] says whether an element is a struct, a list, the
//! tax treatment's choice, a number, a yes/no value or text. So XML and JSON input accept the
//! same values with the same messages, and every error carries the JSON Pointer of the
//! element and its line and column.
//!
//! Refused: a DOCTYPE (so no entity is ever declared, let alone expanded: billion-laughs input
//! stops at its first line), references to entities other than the five predefined ones,
//! characters XML 1.0 forbids, attributes, elements outside the niryat namespace, a wrong
//! root, version or namespace, unknown or repeated elements, text where elements belong,
//! elements inside text, text longer than `LIMITS.max_text_chars`, lists longer than the
//! limits, nesting deeper than the model, and input larger than `LIMITS.max_input_bytes`.

use super::shape::{self, Shape};
use super::xw::bad_char;
use crate::error::MalformedInput;
use crate::model::Shipment;
use crate::pointer::Pointer;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::PrefixDeclaration;
use quick_xml::reader::Reader;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::fmt::Display;

/// Deepest element nesting the model has, with room to spare; deeper input is refused.
const MAX_DEPTH: usize = 12;

/// Reads niryat XML into a shipment.
pub(crate) fn read(text: &str) -> Result<Shipment, MalformedInput> {
    let max = crate::LIMITS.max_input_bytes;
    if text.len() > max {
        return Err(MalformedInput {
            path: String::new(),
            message: format!("input is {} bytes; niryat reads at most {max} bytes", text.len()),
            line: None,
            column: None,
        });
    }
    // A byte-order mark is allowed before the XML declaration; positions count from after it.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut x = Events::new(text);
    let done = x.document();
    done.map_err(|e| {
        let message = e.message.replace("unknown field", "unknown element");
        match e.at {
            Some((path, offset)) => {
                let (l, c) = line_column(text, offset);
                MalformedInput { path, message, line: Some(l), column: Some(c) }
            }
            None => MalformedInput { path: String::new(), message, line: None, column: None },
        }
    })
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// An error, with the JSON Pointer and byte offset of the element it concerns once known.
#[derive(Debug)]
struct DeErr {
    message: String,
    at: Option<(String, usize)>,
}

impl DeErr {
    /// Places an error raised by a `Deserialize` implementation at the element being read.
    fn locate(mut self, ptr: &str, offset: usize) -> DeErr {
        if self.at.is_none() {
            self.at = Some((ptr.to_string(), offset));
        }
        self
    }
}

impl Display for DeErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeErr {}

impl de::Error for DeErr {
    fn custom<T: Display>(msg: T) -> Self {
        DeErr { message: msg.to_string(), at: None }
    }
}

type Res<T> = Result<T, DeErr>;

/// The event layer: reads events, tracks where it is, and enforces the structural rules.
struct Events<'i> {
    text: &'i str,
    rd: Reader<&'i [u8]>,
    /// JSON Pointer of the element being read.
    ptr: Pointer,
    /// Generic path (list indices as `*`) of the element being read.
    gen: String,
    /// Model depth: child elements entered.
    depth: usize,
    /// Offset where the event being handled starts.
    at: usize,
    /// XML element nesting level, and the namespace bindings in scope as
    /// (level that declared it, prefix or "" for the default, namespace).
    level: usize,
    ns: Vec<(usize, String, String)>,
    /// Whether the default namespace in scope is niryat's (kept up to date with `ns`).
    default_ours: bool,
    /// Field names seen in the structs being read (one frame per open struct).
    seen: Vec<&'i str>,
}

/// A start tag, read: local name, whether it is in the niryat namespace, and its attributes
/// other than namespace declarations.
struct Open<'i> {
    name: &'i str,
    ours: bool,
    attrs: Vec<(String, String)>,
}

impl<'i> Events<'i> {
    fn new(text: &'i str) -> Events<'i> {
        let mut rd = Reader::from_str(text);
        let cfg = rd.config_mut();
        cfg.expand_empty_elements = true;
        cfg.check_end_names = true;
        cfg.check_comments = true;
        cfg.trim_text(false);
        Events {
            text,
            rd,
            ptr: Pointer::root(),
            gen: String::new(),
            depth: 0,
            at: 0,
            level: 0,
            ns: Vec::new(),
            default_ours: false,
            seen: Vec::new(),
        }
    }

    fn err_at(&self, offset: usize, message: impl Into<String>) -> DeErr {
        DeErr { message: message.into(), at: Some((self.ptr.to_string(), offset)) }
    }

    fn err(&self, message: impl Into<String>) -> DeErr {
        self.err_at(self.at, message)
    }

    /// The next event. An end tag closes the namespace bindings of its element.
    fn next(&mut self) -> Res<Event<'i>> {
        self.at = usize::try_from(self.rd.buffer_position()).unwrap_or(usize::MAX);
        match self.rd.read_event() {
            Ok(ev) => {
                if let Event::End(_) = ev {
                    let before = self.ns.len();
                    while self.ns.last().is_some_and(|b| b.0 == self.level) {
                        self.ns.pop();
                    }
                    if self.ns.len() != before {
                        self.refresh_default();
                    }
                    self.level = self.level.saturating_sub(1);
                }
                Ok(ev)
            }
            Err(e) => {
                let pos = usize::try_from(self.rd.error_position()).unwrap_or(self.at);
                Err(self.err_at(pos, format!("not well-formed XML: {e}")))
            }
        }
    }

    /// Recomputes whether the default namespace in scope is niryat's.
    fn refresh_default(&mut self) {
        self.default_ours =
            self.ns.iter().rev().find(|b| b.1.is_empty()).is_some_and(|b| b.2 == shape::NAMESPACE);
    }

    /// Reads a start tag just returned by [`Events::next`]: declares its namespace bindings
    /// and resolves its name.
    fn open(&mut self, e: &BytesStart<'i>) -> Res<Open<'i>> {
        self.level += 1;
        // The qualified name, borrowed from the input: the tag starts at `self.at` with `<`.
        let len = e.name().into_inner().len();
        let qname =
            self.text.get(self.at + 1..self.at + 1 + len).filter(|q| *q == e.name().into_inner());
        let Some(qname) = qname else {
            return Err(self.err("cannot locate this start tag in the input"));
        };
        let mut attrs = Vec::new();
        let bindings = self.ns.len();
        for a in e.attributes() {
            let a = a.map_err(|err| self.err(format!("bad attribute: {err}")))?;
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|err| self.err(format!("bad attribute value: {err}")))?
                .into_owned();
            match a.key.as_namespace_binding() {
                Some(PrefixDeclaration::Default) => {
                    self.ns.push((self.level, String::new(), value))
                }
                Some(PrefixDeclaration::Named(p)) => {
                    self.ns.push((self.level, p.to_string(), value))
                }
                None => attrs.push((a.key.into_inner().to_string(), value)),
            }
        }
        let (prefix, name) = match qname.split_once(':') {
            Some((p, n)) => (p, n),
            None => ("", qname),
        };
        if self.ns.len() != bindings {
            self.refresh_default();
        }
        let ours = if prefix.is_empty() {
            self.default_ours
        } else {
            self.ns.iter().rev().find(|b| b.1 == prefix).is_some_and(|b| b.2 == shape::NAMESPACE)
        };
        Ok(Open { name, ours, attrs })
    }

    /// Reads the whole document: prolog, root element (the shipment), epilogue.
    fn document(&mut self) -> Res<Shipment> {
        loop {
            match self.next()? {
                Event::Start(e) => {
                    let open = self.open(&e)?;
                    self.root(&open, &e)?;
                    break;
                }
                Event::DocType(_) => return Err(self.err("DOCTYPE declarations are refused: niryat XML needs none, and entities are never declared or expanded")),
                Event::Text(t) if is_blank(&t) => {}
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) => {}
                Event::Eof => return Err(self.err("the document is empty: expected a <shipment> element")),
                _ => return Err(self.err("expected the <shipment> root element")),
            }
        }
        let root_at = self.at;
        let shipment = Shipment::deserialize(Element { x: self, shape: Shape::Struct })
            .map_err(|e| e.locate("", root_at))?;
        loop {
            match self.next()? {
                Event::Eof => return Ok(shipment),
                Event::Text(t) if is_blank(&t) => {}
                Event::Comment(_) | Event::PI(_) => {}
                Event::DocType(_) => return Err(self.err("DOCTYPE declarations are refused")),
                _ => return Err(self.err("nothing may follow the </shipment> end tag")),
            }
        }
    }

    /// Checks the root start tag: name, namespace, version.
    fn root(&self, open: &Open<'i>, e: &BytesStart<'_>) -> Res<()> {
        if open.name != shape::ROOT {
            return Err(self.err(format!(
                "the root element is <{}>; niryat XML starts with <shipment xmlns=\"{}\">",
                open.name,
                shape::NAMESPACE
            )));
        }
        if !open.ours {
            let prefix = e.name().into_inner().split_once(':').map_or("", |p| p.0);
            let ns = match self.ns.iter().rev().find(|b| b.1 == prefix) {
                Some(b) if !b.2.is_empty() => format!("namespace {:?}", b.2),
                _ => "no namespace".to_string(),
            };
            return Err(self.err(format!(
                "<shipment> is in {ns}; niryat XML version 1 uses namespace {:?}",
                shape::NAMESPACE
            )));
        }
        let mut version = None;
        for (k, v) in &open.attrs {
            if k == "version" {
                version = Some(v.as_str());
            } else {
                return Err(self.err(format!(
                    "<shipment> takes no attribute {k:?} (only version and namespace declarations)"
                )));
            }
        }
        match version {
            Some(shape::VERSION) => Ok(()),
            Some(v) => Err(self.err(format!(
                "niryat XML version {v:?} is not supported; this niryat reads version {:?}",
                shape::VERSION
            ))),
            None => Err(self.err(format!("<shipment> needs version=\"{}\"", shape::VERSION))),
        }
    }

    /// The next child element of the element being read (its local name and offset), or
    /// `None` at the element's end tag. Only blank text, comments and PIs may come between.
    fn next_child(&mut self) -> Res<Option<(&'i str, usize)>> {
        loop {
            match self.next()? {
                Event::Start(e) => {
                    let open = self.open(&e)?;
                    if !open.ours {
                        return Err(self.err(format!(
                            "<{}> is not in the niryat namespace {:?}",
                            e.name().into_inner(),
                            shape::NAMESPACE
                        )));
                    }
                    if let Some((k, _)) = open.attrs.first() {
                        return Err(self.err(format!("<{}> takes no attributes; niryat XML keeps every value in element text (found {k:?})", open.name)));
                    }
                    if self.depth >= MAX_DEPTH {
                        return Err(
                            self.err(format!("elements are nested more than {MAX_DEPTH} deep"))
                        );
                    }
                    return Ok(Some((open.name, self.at)));
                }
                Event::End(_) => return Ok(None),
                Event::Text(t) if is_blank(&t) => {}
                Event::Comment(_) | Event::PI(_) => {}
                Event::Text(_) | Event::GeneralRef(_) | Event::CData(_) => {
                    return Err(
                        self.err("text is not allowed here: this element holds other elements")
                    )
                }
                Event::DocType(_) => return Err(self.err("DOCTYPE declarations are refused")),
                Event::Eof => {
                    return Err(self.err("the document ends before its elements are closed"))
                }
                other => return Err(self.err(format!("unexpected {other:?}"))),
            }
        }
    }

    /// Enters a child: extends the pointer and the generic path; returns their old lengths.
    fn enter(&mut self, key: &str, gen_seg: &str) -> (usize, usize) {
        let saved = (self.ptr.mark(), self.gen.len());
        self.ptr.push_key(key);
        self.gen.push('/');
        self.gen.push_str(gen_seg);
        self.depth += 1;
        saved
    }

    /// Enters a list item: the pointer gets the index, the generic path `*`.
    fn enter_index(&mut self, index: usize) -> (usize, usize) {
        let saved = (self.ptr.mark(), self.gen.len());
        self.ptr.push_index(index);
        self.gen.push_str("/*");
        self.depth += 1;
        saved
    }

    fn leave(&mut self, (p, g): (usize, usize)) {
        self.ptr.truncate(p);
        self.gen.truncate(g);
        self.depth = self.depth.saturating_sub(1);
    }

    /// Reads a text-only element's content up to its end tag; borrowed from the input when
    /// it is one plain piece of text.
    fn text(&mut self) -> Res<Cow<'i, str>> {
        let start = self.at;
        let max = crate::LIMITS.max_text_chars;
        let mut out: Cow<'i, str> = Cow::Borrowed("");
        loop {
            match self.next()? {
                Event::Text(t) => append(&mut out, t.xml10_content()),
                Event::CData(t) => append(&mut out, t.xml10_content()),
                Event::GeneralRef(r) => {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => c,
                        Ok(None) => match predefined(&r) {
                            Some(c) => c,
                            None => return Err(self.err(format!("unknown entity &{};: niryat XML uses only &lt; &gt; &amp; &apos; &quot; and character references", &*r))),
                        },
                        Err(e) => return Err(self.err(format!("bad character reference &{};: {e}", &*r))),
                    };
                    out.to_mut().push(c);
                }
                Event::Comment(_) | Event::PI(_) => {}
                Event::End(_) => break,
                Event::Start(e) => {
                    let leaf = self.gen.rsplit('/').next().unwrap_or_default().to_string();
                    return Err(self.err(format!(
                        "<{leaf}> cannot hold elements (found <{}>): it is a text value",
                        e.local_name().into_inner()
                    )));
                }
                Event::Eof => {
                    return Err(self.err("the document ends before its elements are closed"))
                }
                other => return Err(self.err(format!("unexpected {other:?}"))),
            }
            // Bytes bound characters from above; count exactly only when it might matter.
            if out.len() > max * 4 {
                return Err(self.err_at(
                    start,
                    format!("this text is longer than {max} characters, the most niryat accepts"),
                ));
            }
        }
        if out.len() > max {
            let n = out.chars().count();
            if n > max {
                return Err(self.err_at(
                    start,
                    format!("this text is {n} characters long; niryat accepts at most {max}"),
                ));
            }
        }
        if let Some(c) = bad_char(&out) {
            return Err(self
                .err_at(start, format!("the character U+{:04X} is not allowed in XML", c as u32)));
        }
        Ok(out)
    }
}

/// Appends a piece of text, borrowing when it is the first and only piece.
fn append<'i>(out: &mut Cow<'i, str>, piece: Cow<'i, str>) {
    if out.is_empty() {
        *out = piece;
    } else {
        out.to_mut().push_str(&piece);
    }
}

fn is_blank(t: &str) -> bool {
    t.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

fn predefined(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    }
}

fn variants() -> String {
    shape::TAX_VARIANTS.iter().map(|v| format!("<{v}>")).collect::<Vec<_>>().join(", ")
}

/// The value of the element just opened, of the given shape.
struct Element<'a, 'i> {
    x: &'a mut Events<'i>,
    shape: Shape,
}

impl<'i> de::Deserializer<'i> for Element<'_, 'i> {
    type Error = DeErr;

    fn deserialize_any<V: Visitor<'i>>(self, visitor: V) -> Res<V::Value> {
        let x = self.x;
        match self.shape {
            Shape::Struct => {
                let base = x.seen.len();
                let r = visitor.visit_map(Fields { x: &mut *x, base, pending: None });
                x.seen.truncate(base);
                r
            }
            Shape::List(item) => {
                let limit = shape::list_limit(&x.gen);
                visitor.visit_seq(List { x, item, index: 0, limit })
            }
            Shape::TaxChoice => {
                let base = x.seen.len();
                let r = visitor.visit_map(Tax {
                    x: &mut *x,
                    variant: None,
                    kind_given: false,
                    saved: (0, 0),
                    base,
                    pending: None,
                });
                x.seen.truncate(base);
                r
            }
            Shape::Int => {
                let start = x.at;
                let t = x.text()?;
                match t.trim().parse::<u32>() {
                    Ok(n) => visitor.visit_u32(n),
                    Err(_) => Err(x.err_at(
                        start,
                        format!("{:?} is not a whole number from 0 to {}", t.trim(), u32::MAX),
                    )),
                }
            }
            Shape::Bool => {
                let start = x.at;
                let t = x.text()?;
                match t.trim() {
                    "true" | "1" => visitor.visit_bool(true),
                    "false" | "0" => visitor.visit_bool(false),
                    other => Err(x.err_at(start, format!("{other:?} is not true or false"))),
                }
            }
            Shape::Text => match x.text()? {
                Cow::Borrowed(t) => visitor.visit_borrowed_str(t),
                Cow::Owned(t) => visitor.visit_string(t),
            },
        }
    }

    fn deserialize_option<V: Visitor<'i>>(self, visitor: V) -> Res<V::Value> {
        // An element that is present is `Some`; absent ones never reach here.
        visitor.visit_some(self)
    }

    fn deserialize_enum<V: Visitor<'i>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Res<V::Value> {
        match self.shape {
            Shape::Text => {
                let t = self.x.text()?;
                visitor.visit_enum(t.into_deserializer())
            }
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'i>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Res<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'i>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit unit_struct
        seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// The child just entered: saved path lengths and the offset of its start tag.
type Pending = Option<((usize, usize), usize)>;

/// Reads the value of the child just entered and leaves it; errors are placed at the child.
fn child_value<'i, T: DeserializeSeed<'i>>(
    x: &mut Events<'i>,
    pending: Pending,
    seed: T,
) -> Res<T::Value> {
    let Some((saved, offset)) = pending else {
        return Err(x.err("a value was asked for before its element"));
    };
    let shape = shape::shape(&x.gen);
    let r = seed
        .deserialize(Element { x: &mut *x, shape })
        .map_err(|e| e.locate(x.ptr.as_str(), offset));
    x.leave(saved);
    r
}

/// Opens the next child element of a struct as a map key; `None` at the struct's end tag.
/// `base` is where this struct's names start in the `seen` stack.
fn child_key<'i, K: DeserializeSeed<'i>>(
    x: &mut Events<'i>,
    base: usize,
    pending: &mut Pending,
    seed: K,
) -> Res<Option<K::Value>> {
    let Some((name, offset)) = x.next_child()? else { return Ok(None) };
    let saved = x.enter(name, name);
    if x.seen[base..].contains(&name) {
        return Err(x.err_at(offset, format!("<{name}> appears more than once")));
    }
    x.seen.push(name);
    *pending = Some((saved, offset));
    seed.deserialize(name.into_deserializer())
        .map(Some)
        .map_err(|e: DeErr| e.locate(x.ptr.as_str(), offset))
}

/// The child elements of a struct element, as map entries.
struct Fields<'a, 'i> {
    x: &'a mut Events<'i>,
    base: usize,
    pending: Pending,
}

impl<'i> MapAccess<'i> for Fields<'_, 'i> {
    type Error = DeErr;

    fn next_key_seed<K: DeserializeSeed<'i>>(&mut self, seed: K) -> Res<Option<K::Value>> {
        child_key(self.x, self.base, &mut self.pending, seed)
    }

    fn next_value_seed<V: DeserializeSeed<'i>>(&mut self, seed: V) -> Res<V::Value> {
        child_value(self.x, self.pending.take(), seed)
    }
}

/// The item elements of a list element.
struct List<'a, 'i> {
    x: &'a mut Events<'i>,
    item: &'static str,
    index: usize,
    limit: usize,
}

impl<'i> SeqAccess<'i> for List<'_, 'i> {
    type Error = DeErr;

    fn next_element_seed<T: DeserializeSeed<'i>>(&mut self, seed: T) -> Res<Option<T::Value>> {
        let Some((name, offset)) = self.x.next_child()? else { return Ok(None) };
        if name != self.item {
            return Err(self.x.err_at(
                offset,
                format!("<{name}> found where a list of <{}> elements was expected", self.item),
            ));
        }
        if self.index >= self.limit {
            return Err(self.x.err_at(
                offset,
                format!(
                    "more than {0} <{1}> elements; niryat accepts at most {0}",
                    self.limit, self.item
                ),
            ));
        }
        let saved = self.x.enter_index(self.index);
        self.index += 1;
        child_value(self.x, Some((saved, offset)), seed).map(Some)
    }
}

/// `<tax><lut>…</lut></tax>` read as the map `{"kind": "lut", …}` the model's tagged enum expects.
struct Tax<'a, 'i> {
    x: &'a mut Events<'i>,
    variant: Option<&'i str>,
    kind_given: bool,
    saved: (usize, usize),
    base: usize,
    pending: Pending,
}

impl<'i> MapAccess<'i> for Tax<'_, 'i> {
    type Error = DeErr;

    fn next_key_seed<K: DeserializeSeed<'i>>(&mut self, seed: K) -> Res<Option<K::Value>> {
        if self.variant.is_none() {
            let Some((name, offset)) = self.x.next_child()? else {
                return Err(self.x.err(format!("<tax> must hold one of {}", variants())));
            };
            if !shape::TAX_VARIANTS.contains(&name) {
                return Err(self.x.err_at(
                    offset,
                    format!("<{name}> is not a tax treatment; use one of {}", variants()),
                ));
            }
            // The variant's fields keep the pointer /tax/…: the JSON form has no variant level.
            let (p, g) = (self.x.ptr.mark(), self.x.gen.len());
            self.x.gen.push('/');
            self.x.gen.push_str(name);
            self.x.depth += 1;
            self.saved = (p, g);
            self.variant = Some(name);
            return seed.deserialize("kind".into_deserializer()).map(Some);
        }
        match child_key(self.x, self.base, &mut self.pending, seed)? {
            Some(k) => {
                if self.x.seen.last() == Some(&"kind") {
                    return Err(self.x.err("unknown element <kind> in the tax treatment"));
                }
                Ok(Some(k))
            }
            None => {
                self.x.leave(self.saved);
                match self.x.next_child()? {
                    None => Ok(None),
                    Some((_, offset)) => Err(self
                        .x
                        .err_at(offset, format!("<tax> holds exactly one of {}", variants()))),
                }
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'i>>(&mut self, seed: V) -> Res<V::Value> {
        if !self.kind_given {
            self.kind_given = true;
            return seed.deserialize(self.variant.unwrap_or_default().into_deserializer());
        }
        child_value(self.x, self.pending.take(), seed)
    }
}
