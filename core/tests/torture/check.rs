//! Checks on a rendered PDF from the word boxes of `pdftotext -bbox` (poppler-utils).
//!
//! * Overprint: the boxes of two words on a page intersect (after trimming each box by a small
//!   tolerance: poppler's boxes use the font's full ascent and descent, so the boxes of
//!   tightly set lines touch without any ink overlapping).
//! * Off the page: a word box reaches outside the page's media box.
//! * Cut: a text the document's view holds does not appear in the extracted text (compared
//!   without white space, which line breaking adds or moves), anchored at the generator's
//!   markers (see [`missing`]).
//! * Out of its cell: a word crosses a vertical ruling line of a table (see [`rules`]).

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

/// Whether pdftotext and pdftoppm (both of poppler-utils) can be run.
pub fn have_pdftotext() -> bool {
    ["pdftotext", "pdftoppm"].iter().all(|t| Command::new(t).arg("-v").output().is_ok())
}

/// Runs a poppler tool on `pdf` given on standard input; its standard output when it succeeds.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> Option<Vec<u8>> {
    let mut child = Command::new(tool)
        .args(args)
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
    out.status.success().then_some(out.stdout)
}

fn pdftotext(pdf: &[u8], args: &[&str]) -> Option<String> {
    let mut all = args.to_vec();
    all.extend(["-", "-"]);
    poppler("pdftotext", &all, pdf).map(|out| String::from_utf8_lossy(&out).into_owned())
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

/// How far [`pages`] widens each page's media box on every side, in points.
const WIDEN: f64 = 1000.0;

/// `pdf` with every `/MediaBox [x0 y0 x1 y1]` widened by [`WIDEN`] on every side, and how
/// many boxes there were; `None` when a box cannot be read. The file's cross-reference
/// offsets no longer hold after the longer boxes; poppler rebuilds the table by scanning
/// the file, as it does for any damaged PDF (typst writes page dictionaries as plain text,
/// no object streams).
///
/// Why: pdftotext drops every character outside the page's box (its crop options crop within
/// it), so a text printed wholly off the page was seen only as a missing value.
fn widen_media_boxes(pdf: &[u8]) -> Option<(Vec<u8>, usize)> {
    let key = b"/MediaBox";
    let mut out = Vec::with_capacity(pdf.len() + 1024);
    let mut boxes = 0;
    let mut at = 0;
    while let Some(k) = pdf[at..].windows(key.len()).position(|w| w == key) {
        let mut open = at + k + key.len();
        while pdf.get(open)?.is_ascii_whitespace() {
            open += 1;
        }
        if pdf[open] != b'[' {
            return None;
        }
        let close = open + pdf[open..].iter().position(|&b| b == b']')?;
        let inner = std::str::from_utf8(&pdf[open + 1..close]).ok()?;
        let n: Vec<f64> =
            inner.split_whitespace().map(str::parse).collect::<Result<_, _>>().ok()?;
        let [x0, y0, x1, y1] = n[..] else { return None };
        out.extend_from_slice(&pdf[at..=open]);
        let wide = format!("{} {} {} {}", x0 - WIDEN, y0 - WIDEN, x1 + WIDEN, y1 + WIDEN);
        out.extend_from_slice(wide.as_bytes());
        boxes += 1;
        at = close;
    }
    out.extend_from_slice(&pdf[at..]);
    Some((out, boxes))
}

/// The pages and word boxes of `pdf`, words outside the page included: pdftotext reads a
/// copy whose media boxes are widened (see [`widen_media_boxes`]), and the boxes are moved
/// back to the page's own coordinates. Falls back to [`pages_clipped`] when the media boxes
/// cannot be widened.
pub fn pages(pdf: &[u8]) -> Option<Vec<Page>> {
    let Some((wide, boxes)) = widen_media_boxes(pdf) else { return pages_clipped(pdf) };
    let mut pages = pages_clipped(&wide)?;
    if pages.len() != boxes {
        return pages_clipped(pdf);
    }
    for p in &mut pages {
        p.width -= 2.0 * WIDEN;
        p.height -= 2.0 * WIDEN;
        for w in &mut p.words {
            w.x0 -= WIDEN;
            w.x1 -= WIDEN;
            w.y0 -= WIDEN;
            w.y1 -= WIDEN;
        }
    }
    Some(pages)
}

/// The pages and word boxes of `pdf` as pdftotext gives them: only what lies within each
/// page's media box.
pub fn pages_clipped(pdf: &[u8]) -> Option<Vec<Page>> {
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

/// A word as printed in a finding: without zero-width spaces, at most 40 characters.
fn short(w: &str) -> String {
    let s: String = w.chars().filter(|c| *c != '\u{200B}').collect();
    if s.chars().count() > 40 {
        s.chars().take(40).chain("…".chars()).collect()
    } else {
        s
    }
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
                        short(&p.words[i].text),
                        p.words[i].x0,
                        p.words[i].y0,
                        p.words[i].x1,
                        p.words[i].y1,
                        short(&p.words[j].text),
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
                    short(&w.text),
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

/// Whether pdftotext gives `c` back as it was written, in order: not for right-to-left
/// scripts (given in visual order) nor Indic ones (vowel signs come back reordered), nor
/// combining diacritical marks (a letter with two of them, `e\u{301}\u{308}`, printed once,
/// comes back twice in one word box: "é̈é̈"), nor CJK ideographs, which no bundled font has:
/// printed as empty boxes, the second of "漢字" is sometimes not given back at all. (Seen in
/// the PBE's texts of mixed scripts at their limits of 30 to 50 characters, which often hold
/// no right-to-left or Indic letter to make them checked by their markers.)
fn in_logical_order(c: char) -> bool {
    !matches!(
        c as u32,
        0x0300..=0x036F | 0x0590..=0x08FF | 0x0900..=0x0DFF | 0x3000..=0x9FFF | 0xFB1D..=0xFEFC
    )
}

/// The markers `Q<n>Q` and `J<n>J` that the generator puts around its text.
pub fn markers(v: &str) -> Vec<String> {
    marker_positions(v).into_iter().map(|(_, k)| k.to_string()).collect()
}

/// The texts among `values` that are not printed whole in `text` (`pdftotext -raw`, pages
/// separated by form feeds), compared without white space (see [`squeeze`]). One without
/// the generator's markers is counted in `unchecked` when its script comes back from
/// pdftotext in another order, else looked for as it stands (see [`printed_plain`]).
///
/// A text with markers is looked for from them ([`printed_between_markers`]): the
/// generator's words repeat from field to field, so only the markers, unique to a field, say
/// where a text is. In a script that pdftotext gives back in logical order (Latin, Greek,
/// Cyrillic) the text must be printed exactly, starting at its first marker and ending at
/// its last: on one page, or as a piece that begins at the first marker on one page and a
/// piece that ends at the last marker on a later page, with (when more than one page lies
/// between them) the rest in one run on each page between, in order. In other scripts every
/// marker must be printed, in the text's order.
pub fn missing<'a>(values: &'a [String], text: &str, unchecked: &mut usize) -> Vec<&'a str> {
    let pages: Vec<String> = text.split('\u{c}').map(squeeze).collect();
    let index = marker_index(&pages);
    values
        .iter()
        .map(String::as_str)
        .filter(|v| {
            let m = markers(v);
            if v.chars().all(in_logical_order) {
                let v = squeeze(v);
                return if m.is_empty() {
                    !printed_plain(&v, &pages)
                } else {
                    !printed_between_markers(&v, &m, &pages, &index)
                };
            }
            if m.is_empty() {
                *unchecked += 1;
                return false;
            }
            !markers_in_order(&m, &index)
        })
        .collect()
}

/// Where each marker is printed: (page, byte offset in the squeezed page), in text order.
type MarkerIndex = std::collections::HashMap<String, Vec<(usize, usize)>>;

/// Every marker on `pages` (squeezed), read once, so a value's markers are found without
/// searching the whole text for each of thousands of values.
fn marker_index(pages: &[String]) -> MarkerIndex {
    let mut index = MarkerIndex::new();
    for (p, page) in pages.iter().enumerate() {
        for (i, k) in marker_positions(page) {
            index.entry(k.to_string()).or_default().push((p, i));
        }
    }
    index
}

/// The markers of `v` with their byte offsets.
fn marker_positions(v: &str) -> Vec<(usize, &str)> {
    let b = v.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len() {
        if b[i] == b'Q' || b[i] == b'J' {
            let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits > 0 && b.get(i + 1 + digits) == Some(&b[i]) {
                out.push((i, &v[i..i + digits + 2]));
            }
        }
    }
    out
}

/// Whether every marker of `m` is printed, each after the one before it (on the same page
/// further on, or on a later page).
fn markers_in_order(m: &[String], index: &MarkerIndex) -> bool {
    let mut after = (0usize, 0usize);
    for k in m {
        let Some(found) = index.get(k).and_then(|at| at.iter().find(|&&x| x >= after)) else {
            return false;
        };
        after = (found.0, found.1 + k.len());
    }
    true
}

/// Whether `v` (squeezed, no markers) is printed: in the text, or in pieces on consecutive
/// pages (see [`across_pages`]). Such values are the view's own (amounts, dates, codes),
/// not the generator's repeating words.
fn printed_plain(v: &str, pages: &[String]) -> bool {
    pages.concat().contains(v) || across_pages(v, pages)
}

/// Bytes of the longest common prefix of `a` and `b`, at a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum()
}

/// Bytes of the longest common suffix of `a` and `b`, at a character boundary.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

/// Whether `v` (squeezed, in logical order, with markers `m`) is printed from its first
/// marker to its last, as [`missing`] describes.
fn printed_between_markers(v: &str, m: &[String], pages: &[String], index: &MarkerIndex) -> bool {
    let (Some(first), Some(last)) = (m.first(), m.last()) else { return false };
    // Where the markers sit in the value: the text before the first marker must come just
    // before it on the page, the text after the last one just after it.
    let Some(before) = v.find(first.as_str()) else { return false };
    let Some(last_at) = v.rfind(last.as_str()) else { return false };
    let after = v.len() - last_at - last.len();
    let at = |k: &String| index.get(k).map_or(&[][..], Vec::as_slice);
    for &(p, i) in at(first) {
        // The piece that begins the value on page p.
        let page = &pages[p];
        let Some(from) = i.checked_sub(before) else { continue };
        if !page.is_char_boundary(from) {
            continue;
        }
        let head = common_prefix(v, &page[from..]);
        if head < before + first.len() {
            continue;
        }
        if head == v.len() {
            return true;
        }
        // The last marker printed on this page, and the view's own text after it (a
        // postcode after the generator's city, say) continued on the next page.
        if head >= last_at + last.len()
            && pages.get(p + 1).is_some_and(|next| next.contains(&v[head..]))
        {
            return true;
        }
        // The piece that ends the value on a later page q, and what lies between.
        for &(q, j) in at(last).iter().filter(|&&(q, _)| q > p) {
            let Some(upto) = pages[q].get(..j + last.len() + after) else { continue };
            let tail = common_suffix(v, upto);
            if tail < after + last.len() {
                continue;
            }
            let joined = if head + tail >= v.len() {
                q == p + 1
            } else {
                middle_on_pages(&v[head..v.len() - tail], &pages[p + 1..q])
            };
            if joined {
                return true;
            }
        }
    }
    false
}

/// Whether `middle` is printed as one run on each of `pages` in turn (a piece per page, the
/// longest that page holds), ending on the last of them. A piece does not count where it
/// lies within another field printed whole on that page (between its two markers): the
/// generator's words repeat, so that text could be any field's.
fn middle_on_pages(middle: &str, pages: &[String]) -> bool {
    let mut rest = middle;
    for page in pages {
        if rest.is_empty() {
            return false;
        }
        let whole = whole_fields(page);
        let free = |s: &str| {
            page.match_indices(s)
                .any(|(i, _)| !whole.iter().any(|&(a, b)| a <= i && i + s.len() <= b))
        };
        let ends: Vec<usize> =
            rest.char_indices().map(|(i, _)| i).skip(1).chain([rest.len()]).collect();
        // Every prefix of a prefix found outside the whole fields is found there too.
        let n = ends.partition_point(|&e| free(&rest[..e]));
        if n == 0 {
            return false;
        }
        rest = &rest[ends[n - 1]..];
    }
    rest.is_empty()
}

/// The byte spans of `page` from a start marker `Q<n>Q` to the end marker `J<n>J` of the
/// same field: fields printed whole on the page.
fn whole_fields(page: &str) -> Vec<(usize, usize)> {
    let found = marker_positions(page);
    let mut spans = Vec::new();
    for &(i, k) in &found {
        if !k.starts_with('Q') {
            continue;
        }
        let end = format!("J{}J", &k[1..k.len() - 1]);
        if let Some(&(j, e)) = found.iter().find(|&&(j, e)| j > i && e == end) {
            spans.push((i, j + e.len()));
        }
    }
    spans
}

/// Whether `v` is printed in pieces on consecutive pages: from some page on, the longest
/// prefix of what is left that the page holds, until a page holds all that is left. Used
/// for values without markers only: with the generator's repeating words, a piece could be
/// found in another field's text.
fn across_pages(v: &str, pages: &[String]) -> bool {
    (0..pages.len()).any(|first| {
        let mut rest = v;
        for page in &pages[first..] {
            if page.contains(rest) {
                return true;
            }
            // Longest prefix of `rest` on this page (binary search over char boundaries:
            // every prefix of a prefix that occurs occurs too).
            let ends: Vec<usize> = rest.char_indices().map(|(i, _)| i).skip(1).collect();
            let (mut lo, mut hi) = (0usize, ends.len());
            while lo < hi {
                let mid = (lo + hi).div_ceil(2);
                if page.contains(&rest[..ends[mid - 1]]) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            if lo == 0 {
                return false;
            }
            rest = &rest[ends[lo - 1]..];
        }
        false
    })
}

/// The check [`missing`] made before the markers anchored it, kept for the test that shows
/// what it let through: the whole text anywhere, or pieces on consecutive pages, each the
/// longest prefix of the rest found anywhere on its page.
pub fn missing_before_markers<'a>(values: &'a [String], text: &str) -> Vec<&'a str> {
    let hay = squeeze(text);
    let pages: Vec<String> = text.split('\u{c}').map(squeeze).collect();
    values
        .iter()
        .map(String::as_str)
        .filter(|v| {
            let v = squeeze(v);
            !hay.contains(&v) && !across_pages(&v, &pages)
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

/// A vertical ruling line on a page, in points from the top left.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub x: f64,
    pub y0: f64,
    pub y1: f64,
}

/// Resolution of the page images the rules are read from: 2 pixels per point, so a 0.4 pt
/// hairline is at least one pixel wide.
const DPI: u32 = 144;

/// Grey levels of the templates' ruling lines, exact in an image made without
/// anti-aliasing: `rule` (#444444) and `hair` (#999999) of common.typ. Text is drawn in
/// `ink` (#1a1a1a) or `muted` (#555555), fills in `shade` (#eeeeee), so no glyph and no fill
/// has a rule's colour and a rule is told from text by its colour alone.
const RULE_GREYS: [u8; 2] = [0x44, 0x99];

/// The vertical ruling lines of every page of `pdf`: the column boundaries of every table
/// (the item and goods tables, the header boxes, the CN22/CN23 grids), read from the page
/// as drawn.
///
/// Why from the image: `pdftotext -bbox` gives words only, and header words do not give a
/// column's edges (headings are centred, right-aligned or wrap). The lines are what a reader
/// sees as the cell's edges, whatever the template does. Each page is drawn in grey without
/// anti-aliasing (`pdftoppm -gray -aa no -aaVector no`), so every pixel of a line has its
/// stroke's exact grey. A rule is a column of rule-grey pixels at least 6 pt long, made of
/// unbroken pieces of at least 2 pt (so horizontal lines, one or two pixels thick, do not
/// count) with gaps of up to 14 pt between them: a word running across a line hides the
/// line where its glyphs are drawn and would otherwise cut it into pieces too short to count.
pub fn rules(pdf: &[u8]) -> Option<Vec<Vec<Rule>>> {
    let dpi = DPI.to_string();
    let out =
        poppler("pdftoppm", &["-gray", "-r", &dpi, "-aa", "no", "-aaVector", "no", "-"], pdf)?;
    let scale = 72.0 / f64::from(DPI);
    let mut pages = Vec::new();
    let mut rest = out.as_slice();
    while !rest.is_empty() {
        let (w, h, pixels, after) = pgm(rest)?;
        rest = after;
        let mut found = Vec::new();
        for x in 0..w {
            // Unbroken runs of rule-grey pixels down column x, as (first, last) rows; runs
            // shorter than 2 pt are where a horizontal line (1 or 2 pixels thick) crosses.
            let mut runs: Vec<(usize, usize)> = Vec::new();
            let mut start = None;
            for y in 0..=h {
                let on = y < h && RULE_GREYS.contains(&pixels[y * w + x]);
                match (on, start) {
                    (true, None) => start = Some(y),
                    (false, Some(a)) => {
                        if (y - a) as f64 * scale >= 2.0 {
                            runs.push((a, y - 1));
                        }
                        start = None;
                    }
                    _ => {}
                }
            }
            // Runs with gaps of up to 14 pt between them are one line.
            let mut merged: Vec<(usize, usize)> = Vec::new();
            for (a, b) in runs {
                match merged.last_mut() {
                    Some(last) if (a - last.1) as f64 * scale <= 14.0 => last.1 = b,
                    _ => merged.push((a, b)),
                }
            }
            for (a, b) in merged {
                if (b - a + 1) as f64 * scale >= 6.0 {
                    found.push(Rule {
                        x: (x as f64 + 0.5) * scale,
                        y0: a as f64 * scale,
                        y1: (b + 1) as f64 * scale,
                    });
                }
            }
        }
        pages.push(found);
    }
    Some(pages)
}

/// One binary PGM image (`P5`, 8 bits) at the start of `b`: width, height, pixels, the rest.
fn pgm(b: &[u8]) -> Option<(usize, usize, &[u8], &[u8])> {
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while b.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !b.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        fields.push(std::str::from_utf8(&b[start..i]).ok()?);
    }
    // One white-space byte ends the header.
    i += 1;
    if fields[0] != "P5" || fields[3] != "255" {
        return None;
    }
    let (w, h): (usize, usize) = (fields[1].parse().ok()?, fields[2].parse().ok()?);
    let end = i + w * h;
    Some((w, h, b.get(i..end)?, b.get(end..)?))
}

/// Words that cross a vertical ruling line, i.e. leave their table cell: the line passes
/// between the word's left and right edges (each taken in by 0.5 pt: a box is as wide as
/// the glyphs' advances) within its middle half in height (poppler's boxes span the font's
/// full ascent and descent, so a box's top and bottom may reach past a cell's edges, and a
/// line of the next row may start there).
pub fn out_of_cell(pages: &[Page], rules: &[Vec<Rule>]) -> Vec<String> {
    let mut out = Vec::new();
    for (n, (p, rs)) in pages.iter().zip(rules).enumerate() {
        for w in &p.words {
            let dy = (w.y1 - w.y0) * 0.25;
            let (x0, x1, y0, y1) = (w.x0 + 0.5, w.x1 - 0.5, w.y0 + dy, w.y1 - dy);
            if let Some(r) = rs.iter().find(|r| x0 < r.x && r.x < x1 && r.y0 < y1 && y0 < r.y1) {
                out.push(format!(
                    "page {}: {:?} at ({:.1},{:.1})-({:.1},{:.1}) crosses the column line at x = {:.1} ({:.1}-{:.1})",
                    n + 1,
                    short(&w.text),
                    w.x0,
                    w.y0,
                    w.x1,
                    w.y1,
                    r.x,
                    r.y0,
                    r.y1
                ));
            }
        }
    }
    out
}
