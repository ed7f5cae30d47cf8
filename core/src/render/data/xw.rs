//! A thin layer over quick-xml's [`Writer`]: indented output, element helpers, and escaping
//! that keeps every character of the text (a carriage return is written `&#13;` so that no
//! XML parser's line-end normalisation can lose it).

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::borrow::Cow;

/// Whether `c` may appear in an XML 1.0 document at all.
pub(crate) fn xml_char_ok(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// The first character of `s` that XML 1.0 cannot carry.
pub(crate) fn bad_char(s: &str) -> Option<char> {
    // Fast path: only bytes below 0x20 and the lead byte 0xEF (of U+FFFE, U+FFFF) can start
    // a forbidden character; most text has neither.
    if !s.bytes().any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0xEF) {
        return None;
    }
    s.chars().find(|c| !xml_char_ok(*c))
}

/// Escapes element text: `&`, `<`, `>` and carriage return.
pub(crate) fn escape_text(s: &str) -> Cow<'_, str> {
    if !s.bytes().any(|b| matches!(b, b'&' | b'<' | b'>' | b'\r')) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Escapes an attribute value (double-quoted): text escapes plus `"`, tab and newline.
pub(crate) fn escape_attr(s: &str) -> Cow<'_, str> {
    if !s.bytes().any(|b| matches!(b, b'&' | b'<' | b'>' | b'\r' | b'"' | b'\t' | b'\n')) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            c => out.push_str(&escape_text(c.encode_utf8(&mut [0; 4]))),
        }
    }
    Cow::Owned(out)
}

/// An indented XML document being written to memory.
pub(crate) struct Xw {
    w: Writer<Vec<u8>>,
}

/// Writing to a `Vec` cannot fail; quick-xml's signatures still return `io::Result`.
type R = std::io::Result<()>;

impl Xw {
    /// A new document with the XML declaration written.
    pub fn new(capacity: usize) -> Xw {
        let mut w = Writer::new_with_indent(Vec::with_capacity(capacity), b' ', 2);
        let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        Xw { w }
    }

    /// Opens `<name a="v" …>`.
    pub fn open_with(&mut self, name: &str, attrs: &[(&str, &str)]) -> R {
        let mut content = String::with_capacity(name.len() + attrs.len() * 24);
        content.push_str(name);
        for (k, v) in attrs {
            content.push(' ');
            content.push_str(k);
            content.push_str("=\"");
            content.push_str(&escape_attr(v));
            content.push('"');
        }
        self.w.write_event(Event::Start(BytesStart::from_content(content, name.len())))
    }

    /// Opens `<name>`.
    pub fn open(&mut self, name: &str) -> R {
        self.w.write_event(Event::Start(BytesStart::new(name)))
    }

    /// Closes `</name>`.
    pub fn close(&mut self, name: &str) -> R {
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    /// Writes text inside the element just opened.
    pub fn text(&mut self, text: &str) -> R {
        self.w.write_event(Event::Text(BytesText::from_escaped(escape_text(text))))
    }

    /// Writes `<name>text</name>`.
    pub fn leaf(&mut self, name: &str, text: &str) -> R {
        self.open(name)?;
        self.text(text)?;
        self.close(name)
    }

    /// Writes `<name a="v" …>text</name>`.
    pub fn leaf_with(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> R {
        self.open_with(name, attrs)?;
        self.text(text)?;
        self.close(name)
    }

    /// Writes `<name>text</name>` when `text` is present and not blank.
    pub fn opt(&mut self, name: &str, text: Option<&str>) -> R {
        match text.map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => self.leaf(name, t),
            None => Ok(()),
        }
    }

    /// The document, with a final newline.
    pub fn finish(self) -> String {
        let mut bytes = self.w.into_inner();
        bytes.push(b'\n');
        // Everything written came from `&str`, so the bytes are UTF-8.
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}
