//! Checks on a rendered PDF from the word boxes of `pdftotext -bbox` (poppler-utils).
//!
//! * Overprint: the boxes of two words on a page intersect (after trimming each box by a small
//!   tolerance: poppler's boxes use the font's full ascent and descent, so the boxes of
//!   tightly set lines touch without any ink overlapping).
//! * Off the page: a word box reaches outside the page's media box.
//! * Cut: a text the document's view holds does not appear in the extracted text (compared
//!   without white space, which line breaking adds or moves).

#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};

/// One word box, in points from the top left of its page.
#[derive(Debug, Clone)]
pub struct Word {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    pub text: String,
}

/// One page: its size and its words.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub words: Vec<Word>,
}

/// Whether pdftotext can be run.
pub fn have_pdftotext() -> bool {
    Command::new("pdftotext").arg("-v").output().is_ok()
}

fn pdftotext(pdf: &[u8], args: &[&str]) -> Option<String> {
    let mut child = Command::new("pdftotext")
        .args(args)
        .arg("-")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let data = pdf.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    tag.find(&key)
        .and_then(|i| {
            let rest = &tag[i + key.len()..];
            rest[..rest.find('"')?].parse().ok()
        })
        .unwrap_or(f64::NAN)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The pages and word boxes of `pdf`.
pub fn pages(pdf: &[u8]) -> Option<Vec<Page>> {
    let html = pdftotext(pdf, &["-bbox"])?;
    let mut pages = Vec::new();
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            pages.push(Page {
                width: attr(line, "width"),
                height: attr(line, "height"),
                words: Vec::new(),
            });
        } else if line.starts_with("<word ") {
            let (Some(open), Some(close)) = (line.find('>'), line.rfind("</word>")) else {
                continue;
            };
            let tag = &line[..open];
            let w = Word {
                x0: attr(tag, "xMin"),
                y0: attr(tag, "yMin"),
                x1: attr(tag, "xMax"),
                y1: attr(tag, "yMax"),
                text: unescape(&line[open + 1..close]),
            };
            if let Some(p) = pages.last_mut() {
                p.words.push(w);
            }
        }
    }
    Some(pages)
}

/// The text of `pdf` in content order (`pdftotext -raw`).
pub fn raw_text(pdf: &[u8]) -> Option<String> {
    pdftotext(pdf, &["-raw"])
}

/// Pairs of words whose boxes overlap on a page: "page N: 'a' over 'b'".
pub fn overprints(pages: &[Page]) -> Vec<String> {
    let mut out = Vec::new();
    for (n, p) in pages.iter().enumerate() {
        // Trimmed boxes: a quarter of the height at top and bottom, 0.3 pt at the sides.
        let boxes: Vec<(f64, f64, f64, f64)> = p
            .words
            .iter()
            .map(|w| {
                let dy = (w.y1 - w.y0) * 0.25;
                (w.x0 + 0.3, w.y0 + dy, w.x1 - 0.3, w.y1 - dy)
            })
            .collect();
        let mut order: Vec<usize> = (0..boxes.len()).collect();
        order.sort_by(|a, b| boxes[*a].1.total_cmp(&boxes[*b].1));
        for (k, &i) in order.iter().enumerate() {
            let a = boxes[i];
            for &j in &order[k + 1..] {
                let b = boxes[j];
                if b.1 >= a.3 {
                    break;
                }
                // A box without width (pdftotext gives combining marks that it splits off
                // their base a zero-width box of their own) covers nothing.
                let empty = a.0 >= a.2 || b.0 >= b.2;
                if !empty && a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3 {
                    out.push(format!(
                        "page {}: {:?} at ({:.1},{:.1})-({:.1},{:.1}) over {:?} at ({:.1},{:.1})-({:.1},{:.1})",
                        n + 1,
                        p.words[i].text,
                        p.words[i].x0,
                        p.words[i].y0,
                        p.words[i].x1,
                        p.words[i].y1,
                        p.words[j].text,
                        p.words[j].x0,
                        p.words[j].y0,
                        p.words[j].x1,
                        p.words[j].y1
                    ));
                }
            }
        }
    }
    out
}

/// Words that reach outside their page.
pub fn off_page(pages: &[Page]) -> Vec<String> {
    let mut out = Vec::new();
    for (n, p) in pages.iter().enumerate() {
        for w in &p.words {
            if w.x0 < -0.5 || w.y0 < -0.5 || w.x1 > p.width + 0.5 || w.y1 > p.height + 0.5 {
                out.push(format!(
                    "page {}: {:?} at ({:.1},{:.1})-({:.1},{:.1}) on a {:.0}×{:.0} page",
                    n + 1,
                    w.text,
                    w.x0,
                    w.y0,
                    w.x1,
                    w.y1,
                    p.width,
                    p.height
                ));
            }
        }
    }
    out
}

/// `s` without white space, soft hyphens and joiners (line breaking adds and moves them).
pub fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
                )
        })
        .collect()
}

/// Whether pdftotext gives `c` back in the order it was written: not for right-to-left
/// scripts (given in visual order) nor Indic ones (vowel signs come back reordered).
fn in_logical_order(c: char) -> bool {
    !matches!(c as u32, 0x0590..=0x08FF | 0x0900..=0x0DFF | 0xFB1D..=0xFEFC)
}

/// The markers `Q<n>Q` and `J<n>J` that the generator puts around its text.
pub fn markers(v: &str) -> Vec<String> {
    let b = v.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len() {
        if b[i] == b'Q' || b[i] == b'J' {
            let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits > 0 && b.get(i + 1 + digits) == Some(&b[i]) {
                out.push(v[i..i + digits + 2].to_string());
            }
        }
    }
    out
}

/// The texts among `values` that are not printed whole in `text`. A text in a script that
/// pdftotext gives back in another order is checked by the generator's markers at both of
/// its ends (a cut text loses its end marker); one without markers is counted in `unchecked`.
pub fn missing<'a>(values: &'a [String], text: &str, unchecked: &mut usize) -> Vec<&'a str> {
    let hay = squeeze(text);
    values
        .iter()
        .map(String::as_str)
        .filter(|v| {
            if v.chars().all(in_logical_order) {
                return !hay.contains(&squeeze(v));
            }
            let m = markers(v);
            if m.is_empty() {
                *unchecked += 1;
                return false;
            }
            m.iter().any(|k| !hay.contains(k.as_str()))
        })
        .collect()
}

/// Every string leaf of a JSON value, with its pointer.
pub fn strings(v: &serde_json::Value, at: String, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                strings(x, format!("{at}/{k}"), out);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                strings(x, format!("{at}/{i}"), out);
            }
        }
        serde_json::Value::String(s) if !s.trim().is_empty() => out.push((at, s.clone())),
        _ => {}
    }
}
