//! RFC 6901 JSON Pointers, built in one place: every path niryat reports — in an issue, in a
//! malformed-input error from JSON, XML, Python or JavaScript input — is made by pushing keys
//! and indexes onto a [`Pointer`], which escapes `~` and `/` once, here.

use serde_json::Value;
use std::borrow::Cow;
use std::fmt;

/// A JSON Pointer under construction (or finished): `""` is the whole document, `/items/0`
/// the first item. Keys are escaped as they are pushed (`a/b` → `a~1b`, `~` → `~0`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pointer(String);

impl Pointer {
    /// The whole document (`""`).
    pub fn root() -> Pointer {
        Pointer(String::new())
    }

    /// Appends an object key, escaped.
    pub fn push_key(&mut self, key: &str) {
        self.0.push('/');
        self.0.push_str(&escape(key));
    }

    /// Appends an array index.
    pub fn push_index(&mut self, index: usize) {
        use std::fmt::Write;
        let _ = write!(self.0, "/{index}");
    }

    /// This pointer with `key` appended.
    #[must_use]
    pub fn key(mut self, key: &str) -> Pointer {
        self.push_key(key);
        self
    }

    /// This pointer with `index` appended.
    #[must_use]
    pub fn index(mut self, index: usize) -> Pointer {
        self.push_index(index);
        self
    }

    /// A mark to come back to with [`Pointer::truncate`] after a nested value.
    pub fn mark(&self) -> usize {
        self.0.len()
    }

    /// Goes back to a [`Pointer::mark`].
    pub fn truncate(&mut self, mark: usize) {
        self.0.truncate(mark);
    }

    /// The pointer's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The pointer's text, owned.
    pub fn into_string(self) -> String {
        self.0
    }

    /// Builds a pointer from segments given outermost first (unescaped).
    pub fn from_segments<'a>(segments: impl IntoIterator<Item = &'a str>) -> Pointer {
        let mut p = Pointer::root();
        for s in segments {
            p.push_key(s);
        }
        p
    }

    /// The value this pointer names in `doc`, if it resolves (RFC 6901 §4).
    pub fn resolve<'v>(text: &str, doc: &'v Value) -> Option<&'v Value> {
        doc.pointer(text)
    }
}

/// RFC 6901 escaping of one segment: `~` → `~0`, `/` → `~1` (in that order).
pub fn escape(segment: &str) -> Cow<'_, str> {
    if segment.contains(['~', '/']) {
        Cow::Owned(segment.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(segment)
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Pointer {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<Pointer> for String {
    fn from(p: Pointer) -> String {
        p.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_escaped_once_and_indexes_are_numbers() {
        let p = Pointer::root().key("items").index(3).key("a/b~c");
        assert_eq!(p.as_str(), "/items/3/a~1b~0c");
        // `~1` in a key is a tilde and a one, not a slash: escaped as `~01`.
        assert_eq!(Pointer::root().key("~1").as_str(), "/~01");
        assert_eq!(Pointer::root().key("").as_str(), "/");
        assert_eq!(Pointer::root().as_str(), "");
    }

    #[test]
    fn marks_return_to_the_parent() {
        let mut p = Pointer::root().key("items");
        let m = p.mark();
        p.push_index(10);
        p.push_key("hs_code");
        assert_eq!(p.to_string(), "/items/10/hs_code");
        p.truncate(m);
        assert_eq!(p.to_string(), "/items");
    }

    #[test]
    fn what_is_built_resolves_in_the_document() {
        let doc = serde_json::json!({"a/b": {"~": [0, {"": 7}]}});
        let p = Pointer::from_segments(["a/b", "~"]).index(1).key("");
        assert_eq!(Pointer::resolve(p.as_str(), &doc), Some(&serde_json::json!(7)));
    }
}
