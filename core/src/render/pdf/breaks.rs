//! Break opportunities in long unbreakable runs of text.
//!
//! typst breaks lines only where the text allows it (spaces, hyphens, CJK); a word longer
//! than its cell, such as a 200-character reference or an address written without spaces,
//! runs over the next cell and off the page. Before the payload reaches a template, every run
//! of more than [`LONG_RUN`] characters without white space gets a zero-width space between
//! its grapheme clusters, so typst may break it anywhere (it still breaks only where a line
//! is full). Combining marks, conjuncts and emoji sequences stay whole: the zero-width space
//! only goes between extended grapheme clusters. Shorter words are left as they are, and so
//! are an IRN (64 hex digits) and an e-mail address of up to 64 characters, which fit every
//! cell that holds them: they stay one word that a reader can search for and copy (pdftotext
//! and viewers give the zero-width spaces back with the text).

use serde_json::Value;
use unicode_segmentation::UnicodeSegmentation;

/// Longest run of non-white-space characters left unbroken.
pub(crate) const LONG_RUN: usize = 24;

/// Longest e-mail address, hexadecimal identifier (an IRN has 64 digits) or number left
/// unbroken: it fits every cell that holds one, and stays searchable and copyable.
const LONG_IDENTIFIER: usize = 64;

const ZWSP: char = '\u{200B}';

/// `text` with a zero-width space between the grapheme clusters of each run that needs them
/// (see [`needs_breaks`]); borrowed unchanged when there is none.
pub(crate) fn breakable(text: &str) -> std::borrow::Cow<'_, str> {
    if is_key(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    if !text.split(char::is_whitespace).any(needs_breaks) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() * 2);
    let mut run_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = run_start.take() {
                push_run(&mut out, &text[s..i]);
            }
            out.push(c);
        } else if run_start.is_none() {
            run_start = Some(i);
        }
    }
    if let Some(s) = run_start {
        push_run(&mut out, &text[s..]);
    }
    std::borrow::Cow::Owned(out)
}

/// Whether `text` looks like a label key or enum name the template looks up (`snake_case`,
/// at most 48 characters): those must reach the template unchanged.
fn is_key(text: &str) -> bool {
    text.len() <= 48
        && text.starts_with(|c: char| c.is_ascii_lowercase())
        && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Whether a run of non-white-space text needs break opportunities: longer than [`LONG_RUN`]
/// characters, unless it is an e-mail address, a hexadecimal identifier or a number (no
/// letters: an amount such as ₹99,99,99,99,999.00, whose column is sized to hold it) of at
/// most [`LONG_IDENTIFIER`] characters.
fn needs_breaks(run: &str) -> bool {
    if run.len() <= LONG_RUN || run.chars().count() <= LONG_RUN {
        return false;
    }
    let identifier = run.len() <= LONG_IDENTIFIER
        && (run.contains('@')
            || run.bytes().all(|b| b.is_ascii_hexdigit())
            || !run.chars().any(char::is_alphabetic));
    !identifier
}

/// Appends a run of non-white-space text, with breaks between its clusters when it needs them.
fn push_run(out: &mut String, run: &str) {
    if !needs_breaks(run) {
        out.push_str(run);
        return;
    }
    for (k, g) in run.graphemes(true).enumerate() {
        if k > 0 {
            out.push(ZWSP);
        }
        out.push_str(g);
    }
}

/// Applies [`breakable`] to every string in `v` that is printed as text, with its tabs as
/// spaces (images such as the QR code's SVG, in fields ending in `_svg`, are data for the
/// template and left alone).
pub(crate) fn make_breakable(v: &mut Value) {
    match v {
        Value::String(s) => {
            // typst drops a tab: "two\twith" printed "twowith". A tab prints as a space.
            if s.contains('\t') {
                *s = s.replace('\t', " ");
            }
            if let std::borrow::Cow::Owned(b) = breakable(s) {
                *s = b;
            }
        }
        Value::Array(a) => a.iter_mut().for_each(make_breakable),
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if !k.ends_with("_svg") {
                    make_breakable(x);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_are_left_alone() {
        // An e-invoice IRN (64 hex digits) and an e-mail address stay searchable.
        let t = "Hammered brass planter, 20 cm — ₹1,00,00,000.00 हस्तनिर्मित emily.carter@example.com 28ecab5072d863e92da45bbe86863499d753b98e17e14fb937abd364d915353b";
        assert!(matches!(breakable(t), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn long_runs_get_a_break_between_graphemes() {
        let long = "W".repeat(30);
        let t = format!("a {long} b");
        let b = breakable(&t);
        assert_eq!(b.matches(ZWSP).count(), 29);
        assert_eq!(b.replace(ZWSP, ""), format!("a {long} b"));
        assert!(b.starts_with("a W\u{200B}W"));
    }

    #[test]
    fn long_e_mail_addresses_and_hex_are_broken_too() {
        let mail = format!("{}@example.com", "a".repeat(60));
        assert!(breakable(&mail).contains(ZWSP));
        assert!(breakable(&"ab".repeat(40)).contains(ZWSP));
        assert!(!breakable("priya.sharma.leicester.shop@example.co.uk").contains(ZWSP));
        // Amounts stay whole (their columns are sized to the widest).
        assert!(!breakable("₹99,999,999,890,000,000.01").contains(ZWSP));
    }

    #[test]
    fn clusters_stay_whole() {
        // Devanagari with vowel signs and a virama, e + combining accents, a family emoji.
        let word = "क्षत्रियहस्तनिर्मितe\u{301}\u{308}👩\u{200D}👩\u{200D}👧पीतल".repeat(2);
        let b = breakable(&word);
        for piece in b.split(ZWSP) {
            assert_eq!(piece.graphemes(true).count(), 1, "{piece:?}");
        }
        assert_eq!(b.replace(ZWSP, ""), word);
    }

    #[test]
    fn images_are_left_alone() {
        let svg = format!("<svg viewBox=\"0 0 10 10\"><path d=\"{}\"/></svg>", "M0".repeat(40));
        let mut v = serde_json::json!({"irn": {"qr_svg": svg, "rows": ["x".repeat(70)]}});
        make_breakable(&mut v);
        assert_eq!(v["irn"]["qr_svg"], serde_json::json!(svg));
        assert!(v["irn"]["rows"][0].as_str().is_some_and(|s| s.contains(ZWSP)));
    }

    #[test]
    fn label_keys_are_left_alone() {
        let key = "pbe_ecommerce_payment_transaction_id";
        assert!(matches!(breakable(key), std::borrow::Cow::Borrowed(_)));
        // Text that is not a key is broken even when it is lower case with an upper-case or
        // non-ASCII letter somewhere.
        assert!(breakable(&format!("{}A", "a".repeat(70))).contains(ZWSP));
    }

    #[test]
    fn white_space_is_kept_as_given() {
        let t = format!("x\t\n  {}\r\ny", "8".repeat(65));
        assert_eq!(breakable(&t).replace(ZWSP, ""), t);
    }
}
