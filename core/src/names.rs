//! The words users type for niryat's choices — document kinds, output formats, XML flavours,
//! label languages, CN layouts and copies — parsed in one place, so that a word means the same
//! on the command line, in Python, in JavaScript and over HTTP, and a wrong word gets the same
//! answer everywhere: what was given and every choice there is.
//!
//! Each type implements [`FromStr`] (with [`UnknownName`] as the error) and [`Display`] (the
//! name it parses from), so `kind.to_string().parse()` gives `kind` back.

use crate::render::{Flavor, Format, Lang, Layout};
use crate::DocKind;
use std::fmt::{self, Display};
use std::str::FromStr;

/// A word that names none of the choices (or a number of copies out of range).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    /// What was being named: "document kind", "format", "XML flavour", "label language",
    /// "layout" or "copies".
    pub what: &'static str,
    /// The word as given.
    pub given: String,
    /// Every accepted word, in the order they are listed.
    pub choices: Vec<&'static str>,
}

impl Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} {:?}; use ", self.what, self.given)?;
        match self.choices.split_last() {
            None => Ok(()),
            Some((last, [])) => f.write_str(last),
            Some((last, rest)) => write!(f, "{} or {last}", rest.join(", ")),
        }
    }
}

impl std::error::Error for UnknownName {}

impl From<UnknownName> for crate::Error {
    fn from(e: UnknownName) -> Self {
        crate::Error::Unsupported(e.to_string())
    }
}

/// A closed set of choices named by lower-case words.
pub trait Named: Copy + 'static {
    /// What the set is called in messages ("document kind", "format" …).
    const WHAT: &'static str;
    /// Every choice, in the order messages list them.
    fn all() -> &'static [Self];
    /// The word of one choice.
    fn word(self) -> &'static str;
    /// Other words accepted for a choice (none by default).
    fn alias(word: &str) -> Option<Self> {
        let _ = word;
        None
    }
    /// Every word, in order.
    fn words() -> Vec<&'static str> {
        Self::all().iter().map(|c| c.word()).collect()
    }
    /// Parses a word (surrounding spaces ignored, case-sensitive as documented).
    fn parse_word(word: &str) -> Result<Self, UnknownName> {
        let w = word.trim();
        Self::all().iter().copied().find(|c| c.word() == w).or_else(|| Self::alias(w)).ok_or_else(
            || UnknownName { what: Self::WHAT, given: word.to_string(), choices: Self::words() },
        )
    }
}

macro_rules! named {
    ($ty:ty) => {
        impl FromStr for $ty {
            type Err = UnknownName;
            fn from_str(s: &str) -> Result<Self, UnknownName> {
                <$ty as Named>::parse_word(s)
            }
        }
    };
    ($ty:ty, display) => {
        named!($ty);
        impl Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(<$ty as Named>::word(*self))
            }
        }
    };
}

impl Named for DocKind {
    const WHAT: &'static str = "document kind";
    fn all() -> &'static [Self] {
        &DocKind::ALL
    }
    fn word(self) -> &'static str {
        self.name()
    }
}
// DocKind's Display (its name) is defined beside the type.
named!(DocKind);

impl Named for Format {
    const WHAT: &'static str = "format";
    fn all() -> &'static [Self] {
        &[Format::Pdf, Format::Xml, Format::Json, Format::Csv]
    }
    fn word(self) -> &'static str {
        self.extension()
    }
}
named!(Format, display);

impl Named for Flavor {
    const WHAT: &'static str = "XML flavour";
    fn all() -> &'static [Self] {
        &[Flavor::Ubl, Flavor::Niryat]
    }
    fn word(self) -> &'static str {
        match self {
            Flavor::Ubl => "ubl",
            Flavor::Niryat => "niryat",
        }
    }
}
named!(Flavor, display);

impl Named for Lang {
    const WHAT: &'static str = "label language";
    fn all() -> &'static [Self] {
        &[Lang::En, Lang::Hi, Lang::EnHi]
    }
    fn word(self) -> &'static str {
        self.name()
    }
    fn alias(word: &str) -> Option<Self> {
        (word == "hi+en").then_some(Lang::EnHi)
    }
}
named!(Lang, display);

impl Named for Layout {
    const WHAT: &'static str = "layout";
    fn all() -> &'static [Self] {
        &[Layout::Label, Layout::A4]
    }
    fn word(self) -> &'static str {
        match self {
            Layout::Label => "label",
            Layout::A4 => "a4",
        }
    }
    fn alias(word: &str) -> Option<Self> {
        (word == "A4").then_some(Layout::A4)
    }
}
named!(Layout, display);

impl Named for crate::orders::Marketplace {
    const WHAT: &'static str = "marketplace";
    fn all() -> &'static [Self] {
        &[crate::orders::Marketplace::Amazon, crate::orders::Marketplace::Ebay]
    }
    fn word(self) -> &'static str {
        match self {
            crate::orders::Marketplace::Amazon => "amazon",
            crate::orders::Marketplace::Ebay => "ebay",
        }
    }
}

impl Named for crate::report::ReportFormat {
    const WHAT: &'static str = "report format";
    fn all() -> &'static [Self] {
        &[crate::report::ReportFormat::Json, crate::report::ReportFormat::Csv]
    }
    fn word(self) -> &'static str {
        match self {
            crate::report::ReportFormat::Json => "json",
            crate::report::ReportFormat::Csv => "csv",
        }
    }
}

/// How many copies go in one PDF: 1, 2 or 3. Where no number is given, each document prints
/// its own default (the commercial invoice in triplicate, Rule 48; others once): that is
/// `Option<Copies>` = `None`, or `0` in [`crate::render::PdfOptions::copies`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Copies(u8);

impl Copies {
    /// The most copies one PDF holds (original, duplicate, triplicate).
    pub const MAX: u8 = 3;

    /// Checks a number of copies given as any integer (from Python, JSON or a query string).
    pub fn new(n: i64) -> Result<Copies, UnknownName> {
        match u8::try_from(n) {
            Ok(c @ 1..=Copies::MAX) => Ok(Copies(c)),
            _ => Err(copies_refused(n.to_string())),
        }
    }

    /// The number.
    pub fn get(self) -> u8 {
        self.0
    }

    /// The value of [`crate::render::PdfOptions::copies`] for an optional choice (0 = the
    /// document's default).
    pub fn or_default(copies: Option<Copies>) -> u8 {
        copies.map_or(0, Copies::get)
    }
}

impl FromStr for Copies {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        let n = s.trim().parse::<i64>().map_err(|_| copies_refused(s.to_string()))?;
        Copies::new(n)
    }
}

fn copies_refused(given: String) -> UnknownName {
    UnknownName { what: "number of copies", given, choices: vec!["1", "2", "3"] }
}

impl Display for Copies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Named + Display + FromStr<Err = UnknownName> + PartialEq + fmt::Debug>() {
        for c in T::all() {
            assert_eq!(c.to_string().parse::<T>().as_ref(), Ok(c), "{}", T::WHAT);
            assert_eq!(c.to_string(), c.word());
        }
        let e = "nope".parse::<T>().err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.starts_with(&format!("unknown {} \"nope\"; use ", T::WHAT)), "{e}");
        for w in T::words() {
            assert!(e.contains(w), "{e} lacks {w}");
        }
    }

    #[test]
    fn every_choice_round_trips_and_a_wrong_word_lists_them_all() {
        round_trip::<DocKind>();
        round_trip::<Format>();
        round_trip::<Flavor>();
        round_trip::<Lang>();
        round_trip::<Layout>();
    }

    #[test]
    fn messages_read_as_a_list() {
        let e = "PDF".parse::<Format>().err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("unknown format \"PDF\"; use pdf, xml, json or csv"));
        let e = "x".parse::<Flavor>().err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("unknown XML flavour \"x\"; use ubl or niryat"));
    }

    #[test]
    fn spaces_are_ignored_and_hi_en_is_en_hi() {
        assert_eq!(" cn22 ".parse::<DocKind>(), Ok(DocKind::Cn22));
        assert_eq!("hi+en".parse::<Lang>(), Ok(Lang::EnHi));
    }

    #[test]
    fn copies_are_one_to_three() {
        for n in 1..=3 {
            assert_eq!(Copies::new(n).map(Copies::get), Ok(n as u8));
            assert_eq!(n.to_string().parse::<Copies>().map(Copies::get), Ok(n as u8));
        }
        for n in [0, 4, 255, 256, -1, i64::MAX, i64::MIN] {
            let e = Copies::new(n).err().map(|e| e.to_string()).unwrap_or_default();
            assert_eq!(e, format!("unknown number of copies \"{n}\"; use 1, 2 or 3"));
        }
        let e = "three".parse::<Copies>().err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(e, "unknown number of copies \"three\"; use 1, 2 or 3");
        assert_eq!(Copies::or_default(None), 0);
    }
}
