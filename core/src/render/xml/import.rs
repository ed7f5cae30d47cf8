//! Reading niryat XML back into a shipment, refusing anything suspicious with a clear error.
//!
//! quick-xml's namespace-aware reader turns the text into events; [`super::shape`] says what
//! each element holds, and the elements become the shipment's JSON value, which the model's
//! own deserializer (the one JSON input uses) then checks. So XML and JSON input accept
//! exactly the same shipments and report a wrong value at the same JSON Pointer.
//!
//! Refused, each with line and column: a DOCTYPE (so no entity is ever declared, let alone
//! expanded: billion-laughs input stops at its first line), references to entities other than
//! the five predefined ones, characters XML 1.0 forbids, attributes, elements outside the
//! niryat namespace, a wrong root, version or namespace, unknown or repeated elements, text
//! where elements belong, elements inside text, text longer than `LIMITS.max_text_chars`,
//! lists longer than the limits, nesting deeper than the model, and input larger than
//! `LIMITS.max_input_bytes`.

use super::shape::{self, Shape};
use super::xw::bad_char;
use crate::error::MalformedInput;
use crate::model::Shipment;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use serde_json::{Map, Value};

/// Deepest element nesting the model has, with room to spare; deeper input is refused.
const MAX_DEPTH: usize = 12;

/// Reads niryat XML into a shipment.
pub(crate) fn read(text: &str) -> Result<Shipment, MalformedInput> {
    let max = crate::LIMITS.max_input_bytes;
    if text.len() > max {
        return Err(MalformedInput { path: String::new(), message: format!("input is {} bytes; niryat reads at most {max} bytes", text.len()), line: None, column: None });
    }
    let value = Builder::new(text, None).document()?;
    crate::parse_value(&value).map_err(|mut e| {
        e.message = e.message.replace("unknown field", "unknown element").replace("missing field", "missing element");
        if let Some(offset) = locate(text, &e.path) {
            let (l, c) = line_column(text, offset);
            e.line = Some(l);
            e.column = Some(c);
        }
        e
    })
}

/// The byte offset of the element at JSON Pointer `pointer` (or of its nearest ancestor).
fn locate(text: &str, pointer: &str) -> Option<usize> {
    let mut target = pointer.to_string();
    loop {
        let mut b = Builder::new(text, Some(&target));
        if b.document().is_ok() {
            if let Some(found) = b.found {
                return Some(found);
            }
        }
        match target.rfind('/') {
            Some(i) => target.truncate(i),
            None => return None,
        }
    }
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

struct Builder<'i> {
    text: &'i str,
    rd: NsReader<&'i [u8]>,
    /// JSON Pointer of the element being read.
    ptr: String,
    /// Generic path (list indices as `*`) of the element being read.
    gen: String,
    depth: usize,
    /// Offset where the event being handled starts.
    at: usize,
    /// In locate mode: the pointer sought, and where it was found.
    target: Option<&'i str>,
    found: Option<usize>,
}

type Res<T> = Result<T, MalformedInput>;

impl<'i> Builder<'i> {
    fn new(text: &'i str, target: Option<&'i str>) -> Builder<'i> {
        let mut rd = NsReader::from_str(text);
        let cfg = rd.config_mut();
        cfg.expand_empty_elements = true;
        cfg.check_end_names = true;
        cfg.check_comments = true;
        cfg.trim_text(false);
        Builder { text, rd, ptr: String::new(), gen: String::new(), depth: 0, at: 0, target, found: None }
    }

    fn err_at(&self, offset: usize, message: impl Into<String>) -> MalformedInput {
        let (l, c) = line_column(self.text, offset);
        MalformedInput { path: self.ptr.clone(), message: message.into(), line: Some(l), column: Some(c) }
    }

    fn err(&self, message: impl Into<String>) -> MalformedInput {
        self.err_at(self.at, message)
    }

    /// The next event and whether its element is in the niryat namespace.
    fn next(&mut self) -> Res<(bool, Event<'i>)> {
        self.at = usize::try_from(self.rd.buffer_position()).unwrap_or(usize::MAX);
        match self.rd.read_event() {
            Ok(ev) => {
                // Only start tags need their namespace resolved.
                let ours = match &ev {
                    Event::Start(e) => matches!(self.rd.resolver().resolve_element(e.name()).0, ResolveResult::Bound(n) if n.0 == shape::NAMESPACE),
                    _ => false,
                };
                Ok((ours, ev))
            }
            Err(e) => {
                let pos = usize::try_from(self.rd.error_position()).unwrap_or(self.at);
                Err(self.err_at(pos, format!("not well-formed XML: {e}")))
            }
        }
    }

    /// Reads the whole document: prolog, root element, epilogue.
    fn document(&mut self) -> Res<Value> {
        let root = loop {
            match self.next()? {
                (ours, Event::Start(e)) => break self.root(ours, &e)?,
                (_, Event::DocType(_)) => return Err(self.err("DOCTYPE declarations are refused: niryat XML needs none, and entities are never declared or expanded")),
                (_, Event::Text(t)) if is_blank(&t) => {}
                (_, Event::Decl(_) | Event::Comment(_) | Event::PI(_)) => {}
                (_, Event::Eof) => return Err(self.err("the document is empty: expected a <shipment> element")),
                _ => return Err(self.err("expected the <shipment> root element")),
            }
        };
        loop {
            match self.next()? {
                (_, Event::Eof) => return Ok(root),
                (_, Event::Text(t)) if is_blank(&t) => {}
                (_, Event::Comment(_) | Event::PI(_)) => {}
                (_, Event::DocType(_)) => return Err(self.err("DOCTYPE declarations are refused")),
                _ => return Err(self.err("nothing may follow the </shipment> end tag")),
            }
        }
    }

    fn root(&mut self, ours: bool, e: &BytesStart<'_>) -> Res<Value> {
        let name = e.local_name();
        if name.into_inner() != shape::ROOT {
            return Err(self.err(format!("the root element is <{}>; niryat XML starts with <shipment xmlns=\"{}\">", name.into_inner(), shape::NAMESPACE)));
        }
        if !ours {
            let ns = match self.rd.resolver().resolve_element(e.name()).0 {
                ResolveResult::Bound(n) => format!("namespace {:?}", n.0),
                _ => "no namespace".to_string(),
            };
            return Err(self.err(format!("<shipment> is in {ns}; niryat XML version 1 uses namespace {:?}", shape::NAMESPACE)));
        }
        let mut version = None;
        for a in e.attributes() {
            let a = a.map_err(|err| self.err(format!("bad attribute: {err}")))?;
            let key = a.key;
            if key.as_namespace_binding().is_some() {
                continue;
            }
            if key.into_inner() == "version" {
                let v = a.normalized_value(quick_xml::XmlVersion::Implicit1_0).map_err(|err| self.err(format!("bad version attribute: {err}")))?;
                version = Some(v.into_owned());
            } else {
                return Err(self.err(format!("<shipment> takes no attribute {:?} (only version and namespace declarations)", key.into_inner())));
            }
        }
        match version.as_deref() {
            Some(shape::VERSION) => {}
            Some(v) => return Err(self.err(format!("niryat XML version {v:?} is not supported; this niryat reads version {:?}", shape::VERSION))),
            None => return Err(self.err(format!("<shipment> needs version=\"{}\"", shape::VERSION))),
        }
        self.mark();
        let mut map = Map::new();
        self.fields(&mut map)?;
        Ok(Value::Object(map))
    }

    /// In locate mode, records the current element's offset when it is the one sought.
    fn mark(&mut self) {
        if self.found.is_none() && self.target == Some(self.ptr.as_str()) {
            self.found = Some(self.at);
        }
    }

    /// Checks a child element's start tag and returns its local name.
    fn child_name(&self, ours: bool, e: &BytesStart<'i>) -> Res<String> {
        let name = e.local_name().into_inner().to_string();
        if !ours {
            return Err(self.err(format!("<{}> is not in the niryat namespace {:?}", e.name().into_inner(), shape::NAMESPACE)));
        }
        for a in e.attributes() {
            let a = a.map_err(|err| self.err(format!("bad attribute: {err}")))?;
            if a.key.as_namespace_binding().is_none() {
                return Err(self.err(format!("<{name}> takes no attributes; niryat XML keeps every value in element text (found {:?})", a.key.into_inner())));
            }
        }
        if self.depth >= MAX_DEPTH {
            return Err(self.err(format!("elements are nested more than {MAX_DEPTH} deep")));
        }
        Ok(name)
    }

    /// Reads the children of a struct element up to its end tag.
    fn fields(&mut self, map: &mut Map<String, Value>) -> Res<()> {
        loop {
            match self.next()? {
                (ours, Event::Start(e)) => {
                    let name = self.child_name(ours, &e)?;
                    let (p, g) = (self.ptr.len(), self.gen.len());
                    self.ptr.push('/');
                    self.ptr.push_str(&escape_pointer(&name));
                    self.gen.push('/');
                    self.gen.push_str(&name);
                    if map.contains_key(&name) {
                        return Err(self.err(format!("<{name}> appears more than once")));
                    }
                    self.mark();
                    self.depth += 1;
                    let value = self.value()?;
                    self.depth -= 1;
                    self.ptr.truncate(p);
                    self.gen.truncate(g);
                    map.insert(name, value);
                }
                (_, Event::End(_)) => return Ok(()),
                (_, Event::Text(t)) if is_blank(&t) => {}
                (_, Event::Comment(_) | Event::PI(_)) => {}
                (_, Event::Text(_) | Event::GeneralRef(_) | Event::CData(_)) => return Err(self.err("text is not allowed here: this element holds other elements")),
                (_, Event::DocType(_)) => return Err(self.err("DOCTYPE declarations are refused")),
                (_, Event::Eof) => return Err(self.err("the document ends before its elements are closed")),
                (_, other) => return Err(self.err(format!("unexpected {other:?}"))),
            }
        }
    }

    /// Reads the value of the element just opened (at `self.gen`).
    fn value(&mut self) -> Res<Value> {
        match shape::shape(&self.gen) {
            Shape::Struct => {
                let mut map = Map::new();
                self.fields(&mut map)?;
                Ok(Value::Object(map))
            }
            Shape::List(item) => self.list(item),
            Shape::TaxChoice => self.tax(),
            Shape::Int => {
                let start = self.at;
                let t = self.text()?;
                match t.trim().parse::<u32>() {
                    Ok(n) => Ok(Value::from(n)),
                    Err(_) => Err(self.err_at(start, format!("{:?} is not a whole number from 0 to {}", t.trim(), u32::MAX))),
                }
            }
            Shape::Bool => {
                let start = self.at;
                let t = self.text()?;
                match t.trim() {
                    "true" | "1" => Ok(Value::Bool(true)),
                    "false" | "0" => Ok(Value::Bool(false)),
                    other => Err(self.err_at(start, format!("{other:?} is not true or false"))),
                }
            }
            Shape::Text => Ok(Value::String(self.text()?)),
        }
    }

    fn list(&mut self, item: &str) -> Res<Value> {
        let limit = shape::list_limit(&self.gen);
        let mut out = Vec::new();
        loop {
            match self.next()? {
                (ours, Event::Start(e)) => {
                    let name = self.child_name(ours, &e)?;
                    if name != item {
                        return Err(self.err(format!("<{name}> found where a list of <{item}> elements was expected")));
                    }
                    if out.len() >= limit {
                        return Err(self.err(format!("more than {limit} <{item}> elements; niryat accepts at most {limit}")));
                    }
                    let (p, g) = (self.ptr.len(), self.gen.len());
                    {
                        use std::fmt::Write;
                        let _ = write!(self.ptr, "/{}", out.len());
                    }
                    self.gen.push_str("/*");
                    self.mark();
                    self.depth += 1;
                    let v = self.value()?;
                    self.depth -= 1;
                    self.ptr.truncate(p);
                    self.gen.truncate(g);
                    out.push(v);
                }
                (_, Event::End(_)) => return Ok(Value::Array(out)),
                (_, Event::Text(t)) if is_blank(&t) => {}
                (_, Event::Comment(_) | Event::PI(_)) => {}
                (_, Event::Text(_) | Event::GeneralRef(_) | Event::CData(_)) => return Err(self.err(format!("text is not allowed here: this list holds <{item}> elements"))),
                (_, Event::Eof) => return Err(self.err("the document ends before its elements are closed")),
                (_, other) => return Err(self.err(format!("unexpected {other:?}"))),
            }
        }
    }

    /// `<tax><lut>…</lut></tax>` becomes `{"kind": "lut", …}`.
    fn tax(&mut self) -> Res<Value> {
        let mut out: Option<Map<String, Value>> = None;
        loop {
            match self.next()? {
                (ours, Event::Start(e)) => {
                    let name = self.child_name(ours, &e)?;
                    if !shape::TAX_VARIANTS.contains(&name.as_str()) {
                        return Err(self.err(format!("<{name}> is not a tax treatment; use one of {}", variants())));
                    }
                    if out.is_some() {
                        return Err(self.err(format!("<tax> holds exactly one of {}", variants())));
                    }
                    let g = self.gen.len();
                    self.gen.push('/');
                    self.gen.push_str(&name);
                    self.depth += 1;
                    let mut map = Map::new();
                    self.fields(&mut map)?;
                    self.depth -= 1;
                    self.gen.truncate(g);
                    if map.contains_key("kind") {
                        return Err(self.err("unknown element <kind> in the tax treatment"));
                    }
                    map.insert("kind".into(), Value::String(name));
                    out = Some(map);
                }
                (_, Event::End(_)) => {
                    return match out {
                        Some(m) => Ok(Value::Object(m)),
                        None => Err(self.err(format!("<tax> must hold one of {}", variants()))),
                    };
                }
                (_, Event::Text(t)) if is_blank(&t) => {}
                (_, Event::Comment(_) | Event::PI(_)) => {}
                (_, Event::Eof) => return Err(self.err("the document ends before its elements are closed")),
                _ => return Err(self.err(format!("text is not allowed in <tax>: it holds one of {}", variants()))),
            }
        }
    }

    /// Reads a text-only element's content up to its end tag.
    fn text(&mut self) -> Res<String> {
        let start = self.at;
        let max = crate::LIMITS.max_text_chars;
        let mut out = String::new();
        loop {
            match self.next()? {
                (_, Event::Text(t)) => out.push_str(&t.xml10_content()),
                (_, Event::CData(t)) => out.push_str(&t.xml10_content()),
                (_, Event::GeneralRef(r)) => {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => c,
                        Ok(None) => match predefined(&r) {
                            Some(c) => c,
                            None => return Err(self.err(format!("unknown entity &{};: niryat XML uses only &lt; &gt; &amp; &apos; &quot; and character references", &*r))),
                        },
                        Err(e) => return Err(self.err(format!("bad character reference &{};: {e}", &*r))),
                    };
                    out.push(c);
                }
                (_, Event::Comment(_) | Event::PI(_)) => {}
                (_, Event::End(_)) => break,
                (_, Event::Start(e)) => {
                    return Err(self.err(format!("<{}> cannot hold elements (found <{}>): it is a text value", self.leaf_name(), e.local_name().into_inner())));
                }
                (_, Event::Eof) => return Err(self.err("the document ends before its elements are closed")),
                (_, other) => return Err(self.err(format!("unexpected {other:?}"))),
            }
            // Bytes bound characters from above; count exactly only when it might matter.
            if out.len() > max * 4 {
                return Err(self.err_at(start, format!("this text is longer than {max} characters, the most niryat accepts")));
            }
        }
        if out.len() > max {
            let n = out.chars().count();
            if n > max {
                return Err(self.err_at(start, format!("this text is {n} characters long; niryat accepts at most {max}")));
            }
        }
        if let Some(c) = bad_char(&out) {
            return Err(self.err_at(start, format!("the character U+{:04X} is not allowed in XML", c as u32)));
        }
        Ok(out)
    }

    fn leaf_name(&self) -> &str {
        self.gen.rsplit('/').next().unwrap_or_default()
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

/// RFC 6901 escaping of one pointer segment.
fn escape_pointer(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['~', '/']) {
        std::borrow::Cow::Owned(s.replace('~', "~0").replace('/', "~1"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}
